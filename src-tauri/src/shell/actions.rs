//! The user's actions on reminders, stretches and settings, one path each whether they
//! come from the window (`commands`), the tray menu (`tray`) or a notification's
//! buttons (`from_notification`): the moment read once (`clock`), one service call, then the reminders that
//! fell due delivered, the tray and the window refreshed (`publish`), and the scheduler
//! woken to look again. Each holds `AppState::steady` while it works, so the restart
//! into the tray never cuts one in half.

use super::state::AppState;
use super::tray::TrayAction;
use super::{clock, login, publish, scheduler, window};
use crate::core::dates::Now;
use crate::core::messages::ReminderAction;
use crate::core::planner::Showing;
use crate::core::settings::SettingsPatch;
use crate::core::InvalidInput;
use crate::service::program::{self, TodayView};
use crate::service::reminders::{self, Answer, PauseFor, RemindersView, Tick};
use crate::service::settings::{self, SettingsView};
use crate::service::ServiceError;
use crate::store::Store;
use tauri::{AppHandle, Manager, Runtime};

/// Done, Snooze or Skip for the reminder waiting now.
pub fn answer<R: Runtime>(
    app: &AppHandle<R>,
    answer: Answer,
) -> Result<RemindersView, ServiceError> {
    on_reminders(app, |store, now| reminders::answer(store, now, answer))
}

/// Pause for an hour, the rest of today or until tomorrow.
pub fn pause<R: Runtime>(
    app: &AppHandle<R>,
    length: PauseFor,
) -> Result<RemindersView, ServiceError> {
    on_reminders(app, |store, now| reminders::pause(store, now, length))
}

/// Pause until a local time (`2026-11-24T18:00`).
pub fn pause_until<R: Runtime>(
    app: &AppHandle<R>,
    until: &str,
) -> Result<RemindersView, ServiceError> {
    on_reminders(app, |store, now| reminders::pause_until(store, now, until))
}

pub fn resume<R: Runtime>(app: &AppHandle<R>) -> Result<RemindersView, ServiceError> {
    on_reminders(app, reminders::resume)
}

/// A stretch done outside a reminder; the scheduler looks again (the day's target may
/// be met now).
pub fn log_stretch<R: Runtime>(app: &AppHandle<R>) -> Result<TodayView, ServiceError> {
    let state = app.state::<AppState>();
    let _steady = state.steady();
    let view = program::log_stretch(&mut state.lock_store(), clock::now());
    scheduler::wake(app);
    view
}

/// The reminders as the window shows them, the day reconciled first (what fell due is
/// delivered). Looking changes no plan, so the scheduler is not woken.
pub fn reminders<R: Runtime>(app: &AppHandle<R>) -> Result<RemindersView, ServiceError> {
    let state = app.state::<AppState>();
    let _steady = state.steady();
    let tick = reminders::reminders(&mut state.lock_store(), clock::now())?;
    publish::deliver(app, &tick);
    Ok(tick.view)
}

/// A change from the Settings page: one service call (the change, the login item kept in
/// step, today's reminders planned again), then what fell due delivered.
pub fn change_settings<R: Runtime>(
    app: &AppHandle<R>,
    patch: &SettingsPatch,
) -> Result<SettingsView, ServiceError> {
    let state = app.state::<AppState>();
    let _steady = state.steady();
    let changed = settings::change(&mut state.lock_store(), patch, clock::now(), |on| {
        login::apply(app, on).map_err(|e| {
            InvalidInput::new(
                "start_at_login",
                format!("Start at login could not be changed: {e}."),
            )
        })
    })?;
    publish::deliver(app, &changed.tick);
    scheduler::wake(app);
    Ok(changed.view)
}

/// What the tray menu asks for; a failure can only be logged (the menu has no place to
/// say it).
pub fn from_tray<R: Runtime>(app: &AppHandle<R>, action: TrayAction) {
    let done = match action {
        TrayAction::Answer(a) => answer(app, a).map(|_| ()),
        TrayAction::Pause(length) => pause(app, length).map(|_| ()),
        TrayAction::Resume => resume(app).map(|_| ()),
        TrayAction::LogStretch => log_stretch(app).map(|_| ()),
    };
    if let Err(e) = done {
        eprintln!("High Hamstring Rehab: {e}");
    }
}

/// An action on the notification of `showing`: a click on its body opens the Stretch
/// view; Done, Snooze and Skip answer it exactly as the tray and the window do (same
/// service, same stored event), but only while it is still the reminder waiting: a late
/// click on a stale notification records nothing.
pub fn from_notification<R: Runtime>(app: &AppHandle<R>, showing: Showing, action: ReminderAction) {
    let Some(answer) = Answer::of_action(action) else {
        window::open_at(app, window::STRETCH_ROUTE);
        return;
    };
    let state = app.state::<AppState>();
    let _steady = state.steady();
    let tick = reminders::answer_showing(&mut state.lock_store(), clock::now(), &showing, answer);
    match tick {
        Ok(Some(tick)) => publish::deliver(app, &tick),
        Ok(None) => eprintln!(
            "High Hamstring Rehab: the {} reminder of {} was already answered; nothing recorded",
            showing.time, showing.date
        ),
        Err(e) => eprintln!("High Hamstring Rehab: {e}"),
    }
    scheduler::wake(app);
}

/// A reminder service call at this moment; what it decided is delivered and the
/// scheduler looks again, whether the call succeeded or not (the tray may be out of date).
fn on_reminders<R: Runtime>(
    app: &AppHandle<R>,
    call: impl FnOnce(&mut Store, Now) -> Result<Tick, ServiceError>,
) -> Result<RemindersView, ServiceError> {
    let state = app.state::<AppState>();
    let _steady = state.steady();
    let tick = call(&mut state.lock_store(), clock::now());
    if let Ok(tick) = &tick {
        publish::deliver(app, tick);
    }
    scheduler::wake(app);
    tick.map(|t| t.view)
}
