//! The system's file manager and file dialogs, used from Rust only: the page has no
//! permission for either plugin, so it can neither open a path nor pick one itself.
//! A trait, like `Notifier`, so the command tests record what would have been opened and
//! answer the dialogs without a display.

use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::Dialog;
use tauri_plugin_opener::Opener;

pub trait Desktop: Send + Sync {
    /// Shows `folder` in the file manager.
    fn open_folder(&self, folder: &Path) -> Result<(), String>;
    /// Asks for a folder; `None` when the user cancels. Blocks until answered: call it
    /// off the main thread (the dialog itself runs there).
    fn pick_folder(&self, title: &str, start: &Path) -> Option<PathBuf>;
    /// Asks for a backup file (`.db`); `None` when the user cancels. Blocks, as above.
    fn pick_backup(&self, title: &str, start: &Path) -> Option<PathBuf>;
}

/// tauri-plugin-opener and tauri-plugin-dialog (GTK on Linux, the native panels on macOS
/// and Windows), parented to the window labelled `parent` when it is open.
pub struct PluginDesktop<R: Runtime> {
    app: AppHandle<R>,
    parent: &'static str,
}

impl<R: Runtime> PluginDesktop<R> {
    pub fn new(app: AppHandle<R>, parent: &'static str) -> Self {
        PluginDesktop { app, parent }
    }

    fn file_dialog(
        &self,
        title: &str,
        start: &Path,
    ) -> Option<tauri_plugin_dialog::FileDialogBuilder<R>> {
        // try_state: without the plugin (a build that left it out) there is no dialog,
        // not a panic.
        let dialog = self.app.try_state::<Dialog<R>>()?;
        let mut builder = dialog.file().set_title(title);
        if start.is_dir() {
            builder = builder.set_directory(start);
        }
        if let Some(window) = self.app.get_webview_window(self.parent) {
            builder = builder.set_parent(&window);
        }
        Some(builder)
    }
}

impl<R: Runtime> Desktop for PluginDesktop<R> {
    fn open_folder(&self, folder: &Path) -> Result<(), String> {
        self.app
            .try_state::<Opener<R>>()
            .ok_or_else(|| "no file manager is available to this app".to_string())?
            .open_path(folder.to_string_lossy(), None::<&str>)
            .map_err(|e| e.to_string())
    }

    fn pick_folder(&self, title: &str, start: &Path) -> Option<PathBuf> {
        self.file_dialog(title, start)?
            .blocking_pick_folder()
            .and_then(|picked| picked.into_path().ok())
    }

    fn pick_backup(&self, title: &str, start: &Path) -> Option<PathBuf> {
        self.file_dialog(title, start)?
            .add_filter("High Hamstring Rehab backup", &["db"])
            .blocking_pick_file()
            .and_then(|picked| picked.into_path().ok())
    }
}
