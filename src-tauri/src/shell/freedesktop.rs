//! Reminders on a freedesktop notification server (Linux and the BSDs), through
//! notify-rust's zbus backend rather than hand-written D-Bus. The server's capabilities
//! decide: with `actions` a reminder carries Done, Snooze and Skip and a click on its body
//! opens the stretch; without, it is the text-only notification. A reminder counts as
//! shown only when the server answered `Notify` with an id within [`SERVER_WAIT`]; an
//! answer from a notification goes to the shell's one action path (`OnAction`), then the
//! notification is closed, and every other reminder notification is closed as soon as it
//! is no longer the one waiting (`withdraw_all_but`).
//!
//! Also the one other question this app asks the session bus: is there a tray host?

use super::notifier::{Notifier, NotifyError, OnAction};
use crate::core::messages::{Reminder, ReminderAction, StretchReminder};
use crate::core::planner::Showing;
use notify_rust::{Notification, NotificationHandle, NotificationResponse};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long the session bus and the notification server may take to answer before a
/// reminder counts as not shown (a hung server must not hold the reminder back).
const SERVER_WAIT: Duration = Duration::from_secs(5);

const APP_NAME: &str = "High Hamstring Rehab";

/// The bus name a StatusNotifierItem tray host (KDE, the GNOME AppIndicator extension,
/// most panels) registers; libayatana-appindicator's icon needs one to be seen.
const TRAY_WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// A reminder notification on screen, until it is answered or withdrawn.
struct Live {
    showing: Showing,
    handle: Arc<NotificationHandle>,
}

pub struct FreedesktopNotifier {
    live: Arc<Mutex<Vec<Live>>>,
    on_action: OnAction,
    /// Withdrawals sent on their own thread and not answered yet.
    withdrawing: Arc<AtomicUsize>,
}

impl FreedesktopNotifier {
    pub fn new(on_action: OnAction) -> Self {
        FreedesktopNotifier {
            live: Arc::new(Mutex::new(Vec::new())),
            on_action,
            withdrawing: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Waits on its own thread for the user's action on `handle` (or its closing); an
    /// action goes to the action path, then the notification is closed.
    fn listen(&self, showing: Showing, handle: Arc<NotificationHandle>) {
        let live = Arc::clone(&self.live);
        let on_action = Arc::clone(&self.on_action);
        let withdrawing = Arc::clone(&self.withdrawing);
        let spawned = std::thread::Builder::new()
            .name("reminder-notification".into())
            .spawn(move || {
                let mut chosen = None;
                zbus::block_on(handle.wait_for_action_async(|response| {
                    chosen = match response {
                        NotificationResponse::Default => Some(ReminderAction::Open),
                        NotificationResponse::Action(key) => ReminderAction::from_key(key),
                        _ => None,
                    };
                }));
                // Answered, it is closed below: until then it counts as a withdrawal, so
                // a restart into the tray (`settle`) cannot end this program's bus
                // connection before the close is sent. Counted before it leaves `live`,
                // so `on_screen` or the count says so at every moment.
                if chosen.is_some() {
                    withdrawing.fetch_add(1, Ordering::SeqCst);
                }
                // Answered or closed, it is no longer on screen to withdraw.
                take(&live, |l| l.showing == showing && Arc::ptr_eq(&l.handle, &handle));
                if let Some(action) = chosen {
                    on_action(showing, action);
                    zbus::block_on(handle.close_async());
                    withdrawing.fetch_sub(1, Ordering::SeqCst);
                }
            });
        if let Err(e) = spawned {
            eprintln!("High Hamstring Rehab: a reminder's buttons cannot be followed: {e}");
        }
    }
}

/// Removes and returns the live notifications that match.
fn take(live: &Mutex<Vec<Live>>, matches: impl Fn(&Live) -> bool) -> Vec<Live> {
    let mut live = live.lock().unwrap_or_else(|p| p.into_inner());
    let (gone, keep): (Vec<Live>, Vec<Live>) = live.drain(..).partition(|l| matches(l));
    *live = keep;
    gone
}

/// Runs `call` on its own thread and waits for it at most [`SERVER_WAIT`]. A result that
/// comes later goes to `late` (a notification shown after we gave up is closed again).
fn bounded<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, String> + Send + 'static,
    late: impl FnOnce(T) + Send + 'static,
) -> Result<T, NotifyError> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("notification-server".into())
        .spawn(move || {
            if let Err(mpsc::SendError(Ok(value))) = tx.send(call()) {
                late(value);
            }
        })
        .map_err(|e| NotifyError(e.to_string()))?;
    match rx.recv_timeout(SERVER_WAIT) {
        Ok(result) => result.map_err(NotifyError),
        Err(_) => Err(NotifyError(format!(
            "no notification server answered within {} s",
            SERVER_WAIT.as_secs()
        ))),
    }
}

/// Shows `notification`; the handle only if the server returned an id.
fn show(notification: Notification) -> Result<NotificationHandle, NotifyError> {
    bounded(
        move || notification.show().map_err(|e| e.to_string()),
        |handle| handle.close(),
    )
}

/// Whether the notification server shows buttons (the `actions` capability).
fn has_actions() -> Result<bool, NotifyError> {
    let caps = bounded(
        || notify_rust::get_capabilities().map_err(|e| e.to_string()),
        drop,
    )?;
    Ok(caps.iter().any(|c| c == "actions"))
}

impl Notifier for FreedesktopNotifier {
    fn deliver(&self, reminder: &Reminder) -> Result<(), NotifyError> {
        let mut n = Notification::new();
        n.appname(APP_NAME)
            .summary(&reminder.title)
            .body(&reminder.body);
        show(n).map(drop)
    }

    fn remind(&self, showing: &Showing, reminder: &StretchReminder) -> Result<(), NotifyError> {
        let actions = has_actions()?;
        let mut n = Notification::new();
        n.appname(APP_NAME).summary(&reminder.title);
        if actions {
            n.body(&reminder.body)
                .action(reminder.open.key, &reminder.open.label);
            for button in &reminder.buttons {
                n.action(button.key, &button.label);
            }
        } else {
            n.body(&reminder.text_only_body);
        }
        let handle = Arc::new(show(n)?);
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(Live {
                showing: *showing,
                handle: Arc::clone(&handle),
            });
        if actions {
            self.listen(*showing, handle);
        }
        Ok(())
    }

    fn on_screen(&self) -> bool {
        !self.live.lock().unwrap_or_else(|p| p.into_inner()).is_empty()
    }

    fn withdraw_all_but(&self, waiting: Option<&Showing>) {
        // Counted before they leave `live` (as in `listen`).
        let withdrawing = Arc::clone(&self.withdrawing);
        withdrawing.fetch_add(1, Ordering::SeqCst);
        let stale = take(&self.live, |l| Some(&l.showing) != waiting);
        if stale.is_empty() {
            withdrawing.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        // CloseNotification waits for the server: not on the caller's thread.
        let spawned = std::thread::Builder::new()
            .name("notification-close".into())
            .spawn(move || {
                for l in stale {
                    zbus::block_on(l.handle.close_async());
                }
                withdrawing.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            self.withdrawing.fetch_sub(1, Ordering::SeqCst);
        }
    }

    fn settle(&self) {
        let deadline = std::time::Instant::now() + SERVER_WAIT;
        while self.withdrawing.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Whether a tray host owns its name on the session bus (`None`: the bus did not say).
pub fn tray_host_present() -> Option<bool> {
    bounded(
        || {
            zbus::block_on(async {
                let bus = zbus::Connection::session().await.map_err(|e| e.to_string())?;
                let proxy = zbus::fdo::DBusProxy::new(&bus)
                    .await
                    .map_err(|e| e.to_string())?;
                let name = zbus::names::BusName::try_from(TRAY_WATCHER).map_err(|e| e.to_string())?;
                proxy.name_has_owner(name).await.map_err(|e| e.to_string())
            })
        },
        drop,
    )
    .map_err(|e| eprintln!("High Hamstring Rehab: could not ask the session bus for a tray: {e}"))
    .ok()
}
