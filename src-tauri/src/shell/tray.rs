//! The tray icon and its menu, built from the pure [`TrayMenu`] model the core computes:
//! the status line, the due reminder's answers, Log a stretch, Pause ▸ (or Resume), Open,
//! Quit. On Linux only the menu reaches the app (icon clicks are not delivered), so every
//! action is in the menu. What an item asks of the reminders is a [`TrayAction`], carried
//! out by the function given to [`create`] (the shell's `actions`, the same path as the
//! window's commands); this module only draws the menu and reads which item was chosen.

use super::window;
use crate::core::messages::TrayMenu;
use crate::service::reminders::{Answer, PauseFor};
use std::sync::Mutex;
use tauri::image::Image;
use tauri::menu::{IsMenuItem, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

const TRAY_ID: &str = "main";

/// The menu last shown, so it is rebuilt only when it changes.
struct Shown(Mutex<Option<TrayMenu>>);

/// What a menu item asks of the reminders and stretches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayAction {
    Answer(Answer),
    Pause(PauseFor),
    Resume,
    LogStretch,
}

impl TrayAction {
    /// The action of the menu item `id`, if it is one of these.
    fn of(id: &str) -> Option<TrayAction> {
        Some(match id {
            "due-done" => TrayAction::Answer(Answer::Done),
            "due-snooze" => TrayAction::Answer(Answer::Snooze),
            "due-skip" => TrayAction::Answer(Answer::Skip),
            "pause-hour" => TrayAction::Pause(PauseFor::Hour),
            "pause-today" => TrayAction::Pause(PauseFor::RestOfToday),
            "pause-tomorrow" => TrayAction::Pause(PauseFor::UntilTomorrow),
            "resume" => TrayAction::Resume,
            "log-stretch" => TrayAction::LogStretch,
            _ => return None,
        })
    }
}

/// Puts the icon in the tray; a chosen [`TrayAction`] is handed to `act`.
pub fn create<R: Runtime>(
    app: &AppHandle<R>,
    act: fn(&AppHandle<R>, TrayAction),
) -> tauri::Result<()> {
    let initial = TrayMenu {
        status: "High Hamstring Rehab".into(),
        due: None,
        snooze_label: "Snooze".into(),
        resume: None,
    };
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(Image::from_bytes(include_bytes!(
            "../../../icons/tray.png"
        ))?)
        .tooltip("High Hamstring Rehab")
        .menu(&build(app, &initial)?)
        .show_menu_on_left_click(true)
        .on_menu_event(move |app, event| on_menu(app, event.id().as_ref(), act))
        .build(app)?;
    app.manage(Shown(Mutex::new(None)));
    Ok(())
}

fn build<R: Runtime>(app: &AppHandle<R>, model: &TrayMenu) -> tauri::Result<Menu<R>> {
    let mut items: Vec<Box<dyn IsMenuItem<R>>> = Vec::new();
    items.push(Box::new(item(app, "status", &model.status, false)?));
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    if let Some(due) = &model.due {
        items.push(Box::new(item(app, "due", due, false)?));
        items.push(Box::new(item(app, "due-done", "Done", true)?));
        items.push(Box::new(item(
            app,
            "due-snooze",
            &model.snooze_label,
            true,
        )?));
        items.push(Box::new(item(app, "due-skip", "Skip", true)?));
        items.push(Box::new(PredefinedMenuItem::separator(app)?));
    }
    items.push(Box::new(item(app, "log-stretch", "Log a stretch", true)?));
    items.push(Box::new(item(app, "checkin", "Pain check-in…", true)?));
    match &model.resume {
        Some(label) => items.push(Box::new(item(app, "resume", label, true)?)),
        None => {
            let hour = item(app, "pause-hour", "For 1 hour", true)?;
            let today = item(app, "pause-today", "For the rest of today", true)?;
            let tomorrow = item(app, "pause-tomorrow", "Until tomorrow", true)?;
            items.push(Box::new(Submenu::with_id_and_items(
                app,
                "pause",
                "Pause reminders",
                true,
                &[&hour, &today, &tomorrow],
            )?));
        }
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(Box::new(item(
        app,
        "open",
        "Open High Hamstring Rehab",
        true,
    )?));
    items.push(Box::new(item(app, "quit", "Quit", true)?));
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|b| b.as_ref()).collect();
    Menu::with_items(app, &refs)
}

/// One entry of the menu, answered by its `id` (no keyboard accelerator).
fn item<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    label: &str,
    enabled: bool,
) -> tauri::Result<MenuItem<R>> {
    MenuItem::with_id(app, id, label, enabled, None::<&str>)
}

/// Shows `model` in the tray; a no-op where there is no tray (tests) or nothing changed.
/// The menu is changed on the main thread, queued while the model is recorded: a caller
/// on another thread (the scheduler) must not hold the lock while it waits for the main
/// thread, which may itself be waiting for the lock (a command publishing at the same
/// moment) — that deadlocked the app when a reminder opened the window.
pub fn show<R: Runtime>(app: &AppHandle<R>, model: &TrayMenu) {
    let Some(shown) = app.try_state::<Shown>() else {
        return;
    };
    let mut last = shown.0.lock().unwrap_or_else(|p| p.into_inner());
    if last.as_ref() == Some(model) {
        return;
    }
    *last = Some(model.clone());
    let (handle, model) = (app.clone(), model.clone());
    // Queued with the lock held, so the updates reach the main thread in order.
    // (On the main thread itself this runs at once, with the lock held: `apply` must not
    // take it.)
    if app.run_on_main_thread(move || apply(&handle, &model)).is_err() {
        *last = None;
    }
}

/// Puts `model` in the tray (on the main thread).
fn apply<R: Runtime>(app: &AppHandle<R>, model: &TrayMenu) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let shown = build(app, model).and_then(|menu| tray.set_menu(Some(menu)));
    match shown {
        Ok(()) => {
            let _ = tray.set_tooltip(Some(format!("High Hamstring Rehab — {}", model.status)));
        }
        Err(e) => eprintln!("High Hamstring Rehab: the tray menu could not be shown: {e}"),
    }
}

fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str, act: fn(&AppHandle<R>, TrayAction)) {
    match id {
        "open" => window::show_main_soon(app),
        "checkin" => window::open_at(app, "#/journal/checkin"),
        "quit" => app.exit(0),
        _ => {
            if let Some(action) = TrayAction::of(id) {
                act(app, action);
            }
        }
    }
}
