//! The reminder scheduler: one thread that sleeps until the next planned instant, or at
//! most one minute (so a suspend, a clock change or a new day is noticed within a
//! minute), asks the service what to do, delivers the reminders and refreshes the tray
//! and the window. Between wake-ups it blocks on a channel: no polling, no busy loop.

use super::{tray, AppState};
use crate::service::reminders::{self, Clock, RemindersView, Tick};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The coarse wall-clock tick.
const TICK: Duration = Duration::from_secs(60);
/// The event the window listens to, with the new [`RemindersView`].
pub const CHANGED_EVENT: &str = "reminders-changed";

/// Wakes the scheduler early (settings changed, a reminder answered, a pause set).
pub struct Scheduler(Mutex<Sender<()>>);

pub fn clock() -> Clock {
    let now = chrono::Local::now();
    Clock {
        local: now.naive_local(),
        utc: now.with_timezone(&chrono::Utc),
    }
}

pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = mpsc::channel::<()>();
    app.manage(Scheduler(Mutex::new(tx)));
    let app = app.clone();
    std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            let mut backed_up: Option<chrono::NaiveDate> = None;
            loop {
                let wait = run_once(&app);
                backed_up = daily_backup(&app, backed_up);
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
    let now = clock();
    let today = now.utc.date_naive();
    if done_for == Some(today) {
        return done_for;
    }
    let state = app.state::<AppState>();
    let folders = state.folders(app);
    let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
    let at = crate::core::dates::Now {
        utc: now.utc,
        today: now.local.date(),
    };
    match crate::service::data::daily_backup(&mut store, at, &folders) {
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
    let now = clock();
    let tick = {
        let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
        reminders::tick(&mut store, now)
    };
    match tick {
        Ok(tick) => {
            deliver(app, &tick);
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

/// Shows the reminders that fell due and publishes the new state. Every caller of a
/// reminder service goes through here, so a reminder marked shown is always shown.
pub fn deliver<R: Runtime>(app: &AppHandle<R>, tick: &Tick) {
    let state = app.state::<AppState>();
    for reminder in &tick.fire {
        if let Err(e) = state.notifier.deliver(reminder) {
            eprintln!("High Hamstring Rehab: {e}");
        }
    }
    publish(app, &tick.view);
}

/// Shows the state in the tray and tells the window, if one is open.
pub fn publish<R: Runtime>(app: &AppHandle<R>, view: &RemindersView) {
    tray::show(app, &view.tray);
    let _ = app.emit(CHANGED_EVENT, view);
}

/// Asks the scheduler to look again now.
pub fn wake<R: Runtime>(app: &AppHandle<R>) {
    if let Some(s) = app.try_state::<Scheduler>() {
        if let Ok(tx) = s.0.lock() {
            let _ = tx.send(());
        }
    }
}
