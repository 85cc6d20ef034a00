//! Showing what the reminders service decided: the reminders that fell due go to the
//! notifier (or, when no notification server takes one, to the window on the Stretch
//! view), how each was delivered is recorded, notifications no longer waiting are
//! withdrawn, and the new state goes to the tray and to the window (if one is open).
//! Used by the scheduler's wake-ups and by every user action on reminders.

use super::clock;
use super::state::AppState;
use super::{restart, tray, window};
use crate::service::reminders::{self, Delivery, RemindersView, Tick};
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event the window listens to, with the new [`RemindersView`].
pub const CHANGED_EVENT: &str = "reminders-changed";

/// Shows the reminders that fell due and publishes the new state. Every caller of a
/// reminder service goes through here, so a reminder is recorded `shown` only when a
/// notification server took it, and `window` when the window showed it instead.
pub fn deliver<R: Runtime>(app: &AppHandle<R>, tick: &Tick) {
    let state = app.state::<AppState>();
    let facts = &state.desktop_facts;
    let mut deliveries = Vec::new();
    for due in &tick.fire {
        let how = match state.notifier.remind(&due.showing, &due.reminder) {
            Ok(()) => {
                facts.notifications_unavailable.store(false, Ordering::SeqCst);
                Delivery::Notification
            }
            Err(e) => {
                eprintln!("High Hamstring Rehab: {e}; the window shows the reminder instead");
                facts.notifications_unavailable.store(true, Ordering::SeqCst);
                window::open_at(app, window::STRETCH_ROUTE);
                Delivery::Window
            }
        };
        deliveries.push((due.showing, how));
    }
    if !deliveries.is_empty() {
        let recorded =
            reminders::delivered(&mut state.lock_store(), clock::now(), &deliveries);
        if let Err(e) = recorded {
            eprintln!("High Hamstring Rehab: how a reminder was shown was not recorded: {e}");
        }
    }
    state.notifier.withdraw_all_but(tick.view.waiting.as_ref());
    show(app, &tick.view);
    // A restart into the tray that waited for a notification to go may go now.
    restart::retry(app);
}

/// Shows the state in the tray and tells the window, if one is open.
pub fn show<R: Runtime>(app: &AppHandle<R>, view: &RemindersView) {
    tray::show(app, &view.tray);
    let _ = app.emit(CHANGED_EVENT, view);
}
