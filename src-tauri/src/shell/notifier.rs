//! How a reminder reaches the user. The core writes the words; this delivers them.
//! A trait, so tests can record what would be shown and each platform has its backend:
//! on Linux and the BSDs the freedesktop notification server directly (`freedesktop`:
//! buttons, click to open, withdrawn once answered, and an error when no server took
//! it); elsewhere tauri-plugin-notification (text only).

use crate::core::messages::{Reminder, ReminderAction, StretchReminder};
use crate::core::planner::Showing;
use std::sync::Arc;
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

#[derive(Debug, thiserror::Error)]
#[error("the reminder could not be shown: {0}")]
pub struct NotifyError(pub String);

/// Where a notification's action goes: the shell's one action path.
pub type OnAction = Arc<dyn Fn(Showing, ReminderAction) + Send + Sync>;

pub trait Notifier: Send + Sync {
    /// Shows a message (the test reminder). `Ok` only when the backend saw it accepted,
    /// as far as the backend can tell.
    fn deliver(&self, reminder: &Reminder) -> Result<(), NotifyError>;

    /// Shows a stretch reminder, with its buttons where the backend and the server have
    /// them. `Ok` only when it was accepted; an error means nobody will see it.
    fn remind(&self, _showing: &Showing, reminder: &StretchReminder) -> Result<(), NotifyError> {
        self.deliver(&reminder.text_only())
    }

    /// Withdraws every reminder notification still on screen except the one of
    /// `waiting` (the others were answered, replaced or belong to another day).
    fn withdraw_all_but(&self, _waiting: Option<&Showing>) {}

    /// Whether a reminder's notification is on screen, answerable or to be withdrawn
    /// through this process (its bus connection): the restart into the tray waits.
    fn on_screen(&self) -> bool {
        false
    }

    /// Waits (briefly) for withdrawals still being sent, before the process is replaced.
    fn settle(&self) {}
}

/// Desktop notifications through tauri-plugin-notification (the notification centre on
/// macOS, toasts on Windows): title and body only; its `show()` returns before the
/// system answers, so a failure to display is not seen here.
pub struct PluginNotifier<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> PluginNotifier<R> {
    pub fn new(app: AppHandle<R>) -> Self {
        PluginNotifier { app }
    }
}

impl<R: Runtime> Notifier for PluginNotifier<R> {
    fn deliver(&self, reminder: &Reminder) -> Result<(), NotifyError> {
        self.app
            .notification()
            .builder()
            .title(&reminder.title)
            .body(&reminder.body)
            .show()
            .map_err(|e| NotifyError(e.to_string()))
    }
}
