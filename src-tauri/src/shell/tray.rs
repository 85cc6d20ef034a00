//! The tray icon and its menu, built from the pure [`TrayMenu`] model the core computes:
//! the status line, the due reminder's answers, Log a stretch, Pause ▸ (or Resume), Open,
//! Quit. On Linux only the menu reaches the app (icon clicks are not delivered), so every
//! action is in the menu.

use super::{scheduler, window, AppState};
use crate::core::dates::Now;
use crate::core::messages::TrayMenu;
use crate::service::{self, reminders};
use std::sync::Mutex;
use tauri::image::Image;
use tauri::menu::{IsMenuItem, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

const TRAY_ID: &str = "main";

/// The menu last shown, so it is rebuilt only when it changes.
struct Shown(Mutex<Option<TrayMenu>>);

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
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
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()))
        .build(app)?;
    app.manage(Shown(Mutex::new(None)));
    Ok(())
}

fn build<R: Runtime>(app: &AppHandle<R>, model: &TrayMenu) -> tauri::Result<Menu<R>> {
    let mut items: Vec<Box<dyn IsMenuItem<R>>> = Vec::new();
    items.push(Box::new(MenuItem::with_id(
        app,
        "status",
        &model.status,
        false,
        None::<&str>,
    )?));
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    if let Some(due) = &model.due {
        items.push(Box::new(MenuItem::with_id(
            app,
            "due",
            due,
            false,
            None::<&str>,
        )?));
        items.push(Box::new(MenuItem::with_id(
            app,
            "due-done",
            "Done",
            true,
            None::<&str>,
        )?));
        items.push(Box::new(MenuItem::with_id(
            app,
            "due-snooze",
            &model.snooze_label,
            true,
            None::<&str>,
        )?));
        items.push(Box::new(MenuItem::with_id(
            app,
            "due-skip",
            "Skip",
            true,
            None::<&str>,
        )?));
        items.push(Box::new(PredefinedMenuItem::separator(app)?));
    }
    items.push(Box::new(MenuItem::with_id(
        app,
        "log-stretch",
        "Log a stretch",
        true,
        None::<&str>,
    )?));
    items.push(Box::new(MenuItem::with_id(
        app,
        "checkin",
        "Pain check-in…",
        true,
        None::<&str>,
    )?));
    match &model.resume {
        Some(label) => items.push(Box::new(MenuItem::with_id(
            app,
            "resume",
            label,
            true,
            None::<&str>,
        )?)),
        None => {
            let hour = MenuItem::with_id(app, "pause-hour", "For 1 hour", true, None::<&str>)?;
            let today = MenuItem::with_id(
                app,
                "pause-today",
                "For the rest of today",
                true,
                None::<&str>,
            )?;
            let tomorrow =
                MenuItem::with_id(app, "pause-tomorrow", "Until tomorrow", true, None::<&str>)?;
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
    items.push(Box::new(MenuItem::with_id(
        app,
        "open",
        "Open High Hamstring Rehab",
        true,
        None::<&str>,
    )?));
    items.push(Box::new(MenuItem::with_id(
        app,
        "quit",
        "Quit",
        true,
        None::<&str>,
    )?));
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|b| b.as_ref()).collect();
    Menu::with_items(app, &refs)
}

/// Shows `model` in the tray; a no-op where there is no tray (tests) or nothing changed.
pub fn show<R: Runtime>(app: &AppHandle<R>, model: &TrayMenu) {
    let (Some(shown), Some(tray)) = (app.try_state::<Shown>(), app.tray_by_id(TRAY_ID)) else {
        return;
    };
    let mut last = shown.0.lock().unwrap_or_else(|p| p.into_inner());
    if last.as_ref() == Some(model) {
        return;
    }
    match build(app, model) {
        Ok(menu) => {
            if tray.set_menu(Some(menu)).is_ok() {
                let _ = tray.set_tooltip(Some(format!("High Hamstring Rehab — {}", model.status)));
                *last = Some(model.clone());
            }
        }
        Err(e) => eprintln!("High Hamstring Rehab: the tray menu could not be built: {e}"),
    }
}

fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str) {
    match id {
        "open" => window::show_main_soon(app),
        "checkin" => window::open_at(app, "#/journal/checkin"),
        "quit" => app.exit(0),
        _ => {
            let state = app.state::<AppState>();
            let clock = scheduler::clock();
            let now = Now {
                utc: clock.utc,
                today: clock.local.date(),
            };
            let result = {
                let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
                match id {
                    "due-done" => {
                        reminders::answer(&mut store, clock, reminders::Answer::Done).map(Some)
                    }
                    "due-snooze" => {
                        reminders::answer(&mut store, clock, reminders::Answer::Snooze).map(Some)
                    }
                    "due-skip" => {
                        reminders::answer(&mut store, clock, reminders::Answer::Skip).map(Some)
                    }
                    "pause-hour" => {
                        reminders::pause(&mut store, clock, reminders::PauseFor::Hour).map(Some)
                    }
                    "pause-today" => {
                        reminders::pause(&mut store, clock, reminders::PauseFor::RestOfToday)
                            .map(Some)
                    }
                    "pause-tomorrow" => {
                        reminders::pause(&mut store, clock, reminders::PauseFor::UntilTomorrow)
                            .map(Some)
                    }
                    "resume" => reminders::resume(&mut store, clock).map(Some),
                    "log-stretch" => service::program::log_stretch(&mut store, now).map(|_| None),
                    _ => Ok(None),
                }
            };
            match result {
                Ok(Some(tick)) => scheduler::deliver(app, &tick),
                Ok(None) => {}
                Err(e) => eprintln!("High Hamstring Rehab: {e}"),
            }
            scheduler::wake(app);
        }
    }
}
