//! How a reminder reaches the user. The core writes the words; this delivers them.
//! A trait, so tests can record what would be shown and later backends (a tray badge,
//! a sound) slot in beside the OS notification.

use crate::core::messages::Reminder;
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

#[derive(Debug, thiserror::Error)]
#[error("the reminder could not be shown: {0}")]
pub struct NotifyError(pub String);

pub trait Notifier: Send + Sync {
    fn deliver(&self, reminder: &Reminder) -> Result<(), NotifyError>;
}

/// Desktop notifications through tauri-plugin-notification (D-Bus on Linux, the
/// notification centre on macOS, toasts on Windows).
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
