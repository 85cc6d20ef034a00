//! Start at login, through tauri-plugin-autostart: the app is registered to start with
//! `--background` (tray only, no webview). Off until the user turns it on in Settings.

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::{AutoLaunchManager, MacosLauncher};

/// The command-line flag used when the app is started at login: tray only, no webview.
pub const BACKGROUND_FLAG: &str = "--background";

pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_autostart::init(MacosLauncher::LaunchAgent, Some(vec![BACKGROUND_FLAG]))
}

/// Registers or unregisters the app as a login item. A no-op without the plugin (tests
/// on the mock runtime).
pub fn apply<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<(), String> {
    let Some(manager) = app.try_state::<AutoLaunchManager>() else {
        return Ok(());
    };
    let enabled = manager.is_enabled().map_err(|e| e.to_string())?;
    match (on, enabled) {
        (true, false) => manager.enable().map_err(|e| e.to_string()),
        (false, true) => manager.disable().map_err(|e| e.to_string()),
        _ => Ok(()),
    }
}
