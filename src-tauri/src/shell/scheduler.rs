//! The reminder scheduler: one thread that sleeps until the next planned instant, or at
//! most one minute (so a suspend, a clock change or a new day is noticed within a
//! minute), asks the service what to do, delivers the reminders and refreshes the tray
//! and the window. Between wake-ups it blocks on a channel: no polling, no busy loop.

use super::state::AppState;
use super::{clock, publish, trace};
use crate::service::reminders;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

/// The coarse wall-clock tick.
const TICK: Duration = Duration::from_secs(60);

/// Wakes the scheduler early (settings changed, a reminder answered, a pause set).
pub struct Scheduler(Mutex<Sender<()>>);

pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = mpsc::channel::<()>();
    app.manage(Scheduler(Mutex::new(tx)));
    let app = app.clone();
    std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            let mut backed_up: Option<chrono::NaiveDate> = None;
            let mut first = true;
            loop {
                let wait = {
                    let state = app.state::<AppState>();
                    // The wake-up writes: it waits for the full check a window start owes
                    // before holding off a restart (which runs on the main thread).
                    state.full_check.wait();
                    // A restart into the tray waits for this wake-up to finish.
                    let _steady = state.steady();
                    let from = trace::now();
                    let wait = run_once(&app);
                    if std::mem::take(&mut first) {
                        trace::step("the day's reconcile (reminders)", from);
                    }
                    backed_up = daily_backup(&app, backed_up);
                    wait
                };
                match rx.recv_timeout(wait) {
                    Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
        })
        .expect("the reminder thread starts");
}

/// The day's automatic backup, checked once per (UTC) day at most: the first wake-up
/// of a day looks for today's file and writes one if it is missing.
fn daily_backup<R: Runtime>(
    app: &AppHandle<R>,
    done_for: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    let now = clock::now();
    let today = now.utc.date_naive();
    if done_for == Some(today) {
        return done_for;
    }
    let state = app.state::<AppState>();
    let folders = state.folders(app);
    let mut store = state.lock_store();
    match crate::service::data::daily_backup(&mut store, now, &folders) {
        Ok(_) => Some(today),
        Err(e) => {
            eprintln!("High Hamstring Rehab: the daily backup failed: {e}");
            done_for
        }
    }
}

/// One wake-up: reconcile, deliver, publish. Returns how long to sleep.
fn run_once<R: Runtime>(app: &AppHandle<R>) -> Duration {
    let state = app.state::<AppState>();
    let now = clock::now();
    let tick = reminders::tick(&mut state.lock_store(), now);
    match tick {
        Ok(tick) => {
            publish::deliver(app, &tick);
            let until_next = tick
                .next
                .and_then(|n| (n - now.local).to_std().ok())
                .unwrap_or(TICK);
            until_next.clamp(Duration::from_secs(1), TICK)
        }
        Err(e) => {
            eprintln!("High Hamstring Rehab: the reminders could not be checked: {e}");
            TICK
        }
    }
}

/// Asks the scheduler to look again now.
pub fn wake<R: Runtime>(app: &AppHandle<R>) {
    if let Some(s) = app.try_state::<Scheduler>() {
        if let Ok(tx) = s.0.lock() {
            let _ = tx.send(());
        }
    }
}
