//! The tray icon and its menu: a status line, Open, Quit. On Linux only the menu
//! reaches the app (icon clicks are not delivered), so every action is in the menu.

use super::{window, AppState};
use crate::service;
use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

const TRAY_ID: &str = "main";

/// The status line, kept so it can be rewritten when the settings change.
struct StatusLine<R: Runtime>(MenuItem<R>);

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let status_text = {
        let state = app.state::<AppState>();
        let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
        service::app::tray_status(&mut store).unwrap_or_else(|_| "High Hamstring Rehab".into())
    };
    let status = MenuItem::with_id(app, "status", status_text, false, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", "Open High Hamstring Rehab", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[&status, &PredefinedMenuItem::separator(app)?, &open, &quit],
    )?;
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(Image::from_bytes(include_bytes!(
            "../../../icons/tray.png"
        ))?)
        .tooltip("High Hamstring Rehab")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => window::show_main_soon(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .build(app)?;
    app.manage(StatusLine(status));
    Ok(())
}

/// Rewrites the status line; a no-op where there is no tray (tests, or none created).
pub fn refresh_status<R: Runtime>(app: &AppHandle<R>, text: &str) {
    if let Some(line) = app.try_state::<StatusLine<R>>() {
        let _ = line.0.set_text(text);
    }
}
