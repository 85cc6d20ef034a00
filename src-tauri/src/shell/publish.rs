//! Showing what the reminders service decided: the reminders that fell due go to the
//! notifier, the new state to the tray and to the window (if one is open). Used by the
//! scheduler's wake-ups and by every user action on reminders.

use super::state::AppState;
use super::tray;
use crate::service::reminders::{RemindersView, Tick};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event the window listens to, with the new [`RemindersView`].
pub const CHANGED_EVENT: &str = "reminders-changed";

/// Shows the reminders that fell due and publishes the new state. Every caller of a
/// reminder service goes through here, so a reminder marked shown is always shown.
pub fn deliver<R: Runtime>(app: &AppHandle<R>, tick: &Tick) {
    let state = app.state::<AppState>();
    for reminder in &tick.fire {
        if let Err(e) = state.notifier.deliver(reminder) {
            eprintln!("High Hamstring Rehab: {e}");
        }
    }
    show(app, &tick.view);
}

/// Shows the state in the tray and tells the window, if one is open.
pub fn show<R: Runtime>(app: &AppHandle<R>, view: &RemindersView) {
    tray::show(app, &view.tray);
    let _ = app.emit(CHANGED_EVENT, view);
}
