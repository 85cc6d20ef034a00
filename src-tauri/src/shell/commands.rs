//! The commands the window may call (each one granted in capabilities/main.json and
//! declared in build.rs). Each parses its input, calls one service (a user action that
//! also delivers reminders and wakes the scheduler goes through `actions`, the same path
//! as the tray), and maps the error.

use super::clock::now;
use super::error::CommandError;
use super::input::{read_json, Input};
use super::state::AppState;
use super::{actions, scheduler, trace};
use crate::core::charts::Charts;
use crate::core::files;
use crate::core::report::Report;
use crate::core::settings::SettingsPatch;
use crate::core::Whole;
use crate::service::program::{
    self, Finished, GuideView, PainRecorded, ProgramView, ProtocolView, RecordTests, SelfTestsView,
    SessionView, TodayView,
};
use crate::service::reminders::{self, RemindersView};
use crate::service::running::{self, LogRun, RunningView};
use crate::service::{self, settings::SettingsView, ServiceError};
use crate::service::{data, journal, report};
use crate::store::{SetAside, Store, SCHEMA_VERSION};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard};
use tauri::{AppHandle, Runtime, State, WebviewWindow};

type Reply<T> = Result<T, CommandError>;

/// A lock on shared state; a panic elsewhere while holding it left plain values behind,
/// still fit to use.
fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The store for a command that may write: after the full check a window start owes.
fn store<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Store> {
    state.lock_store()
}

/// The store for a command that only reads: at once, before the full check too (the
/// store refuses a write until then). A page drawing its first screen, the setup or a
/// screen asked for from the tray never waits for the check on the main thread.
fn read<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Store> {
    state.lock_store_to_read()
}

#[derive(Debug, Serialize)]
pub struct AppStatus {
    pub version: &'static str,
    pub data_dir: PathBuf,
    pub database_path: PathBuf,
    pub schema_version: usize,
    /// Set when a damaged database was renamed aside at this start-up.
    pub set_aside: Option<SetAside>,
    /// Where the first-run setup stands: the window opens on it while `pending`.
    pub setup: crate::core::setup::SetupState,
    /// A screen to open on (asked for from the tray before the window existed).
    pub open_route: Option<String>,
    /// `make bench` asks the page to time the Today command's round trip.
    pub measure_ipc: bool,
}

#[tauri::command]
pub fn get_app_status(state: State<'_, AppState>) -> Reply<AppStatus> {
    app_status(&state)
}

fn app_status(state: &State<'_, AppState>) -> Reply<AppStatus> {
    status_from(state, &mut read(state))
}

fn status_from(state: &State<'_, AppState>, store: &mut Store) -> Reply<AppStatus> {
    let database_path = store.path().to_path_buf();
    let setup = service::setup::state(store)?;
    Ok(AppStatus {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir.clone(),
        database_path,
        schema_version: SCHEMA_VERSION,
        set_aside: state.set_aside.lock().map(|s| s.clone()).unwrap_or(None),
        setup,
        open_route: state.open_route.lock().ok().and_then(|mut r| r.take()),
        measure_ipc: std::env::var_os("HHR_BENCH_IPC").is_some(),
    })
}

/// What a new window needs to open, in one answer: the app's status, the theme, the
/// screen to open on and, when that is Today, Today's views (`service::opening`) with the
/// reminders' (the same as `get_reminders`: what fell due is delivered).
#[derive(Debug, Serialize)]
pub struct FirstScreen {
    pub status: AppStatus,
    #[serde(flatten)]
    pub opening: service::opening::Opening,
    pub reminders: Option<RemindersView>,
}

#[tauri::command]
pub fn get_first_screen<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<FirstScreen> {
    // Reads only, at once. Before the full integrity check a window start owes, Today's
    // reminders are worked out without recording what fell due (`preview`); after it,
    // the day is reconciled and what fell due delivered. The check starts once this
    // answer is made, or has failed.
    let read_first = {
        let mut store = read(&state);
        (|| {
            let status = status_from(&state, &mut store)?;
            let opening = service::opening::opening(&mut store, now(), status.open_route.clone())?;
            let preview = match (&opening.today, store.is_checked()) {
                (Some(_), false) => Some(service::reminders::preview(&mut store, now())?),
                _ => None,
            };
            Ok::<_, CommandError>((status, opening, preview))
        })()
    };
    state.full_check.first_screen_answered();
    let (status, opening, preview) = read_first?;
    let reminders = match (&opening.today, preview) {
        (None, _) => None,
        (Some(_), Some(preview)) => Some(preview),
        (Some(_), None) => Some(actions::reminders(&app)?),
    };
    Ok(FirstScreen {
        status,
        opening,
        reminders,
    })
}

#[tauri::command]
pub fn dismiss_recovery_notice(state: State<'_, AppState>) {
    if let Ok(mut s) = state.set_aside.lock() {
        *s = None;
    }
}

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Reply<SettingsView> {
    Ok(service::settings::view(&mut read(&state))?)
}

#[tauri::command]
pub fn update_settings<R: Runtime>(
    app: AppHandle<R>,
    patch: Input<serde_json::Value>,
) -> Reply<SettingsView> {
    let patch: SettingsPatch = read_json(patch.get()?, "That change", "patch")?;
    Ok(actions::change_settings(&app, &patch)?)
}

#[tauri::command]
pub fn send_test_reminder(state: State<'_, AppState>) -> Reply<crate::core::messages::Reminder> {
    let reminder = service::app::test_reminder(&mut store(&state))?;
    state.notifier.deliver(&reminder).map_err(|e| {
        CommandError::new(
            "notification",
            format!("{e}. Check that notifications are allowed for this app."),
        )
    })?;
    Ok(reminder)
}

/// The same path as the window's own close button (Ctrl+W in the window).
#[tauri::command]
pub fn request_close<R: Runtime>(window: WebviewWindow<R>) -> Reply<()> {
    Ok(window.close()?)
}

/// The user read the close-to-tray notice and chose to keep the app running.
#[tauri::command]
pub fn close_to_tray<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Reply<()> {
    service::app::mark_close_notice_seen(&mut store(&state), now())?;
    state.close_notice_pending.store(false, Ordering::SeqCst);
    Ok(window.destroy()?)
}

/// The user dismissed the close notice (Escape) and stays in the window: the next close
/// shows the notice again.
#[tauri::command]
pub fn cancel_close(state: State<'_, AppState>) {
    state.close_notice_pending.store(false, Ordering::SeqCst);
}

#[tauri::command]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}

/// Called once by the front end when its first screen can be used; prints the time
/// since launch for `make bench`, and with the start-up trace on (`trace.rs`) the steps
/// the page timed (`pageSteps`: `[name, from, to]`, wall-clock milliseconds).
///
/// With `HHR_BENCH_IPC` set (by `make bench` only), the page then times 20 `get_today`
/// round trips through the real webview IPC and reports the median here.
#[tauri::command]
pub fn ui_ready(
    state: State<'_, AppState>,
    today_round_trip_ms: Input<Option<f64>>,
    page_steps: Input<Option<Vec<(String, f64, f64)>>>,
) -> Reply<()> {
    if let Some(ms) = today_round_trip_ms.get()?.filter(|ms| ms.is_finite()) {
        eprintln!("hhr: get_today round trip {ms:.2} ms (median of 20)");
        return Ok(());
    }
    for (name, from, to) in page_steps.get()?.unwrap_or_default().iter().take(8) {
        let name: String = name.chars().filter(|c| !c.is_control()).take(80).collect();
        trace::page_step(&name, *from, *to);
    }
    if !state.ready_reported.swap(true, Ordering::SeqCst) {
        eprintln!(
            "hhr: interactive after {} ms",
            state.started.elapsed().as_millis()
        );
    }
    Ok(())
}

// --- the program ---------------------------------------------------------------------

fn whole(value: &serde_json::Value) -> Whole {
    Whole::from_json(value)
}

// --- the first-run setup ------------------------------------------------------------

#[tauri::command]
pub fn get_setup(state: State<'_, AppState>) -> Reply<service::setup::SetupView> {
    Ok(service::setup::view(&mut read(&state))?)
}

/// The setup finished (`done`) or skipped (`skipped`); its answers were saved as
/// settings step by step (`update_settings`).
#[tauri::command]
pub fn finish_setup(
    state: State<'_, AppState>,
    outcome: Input<String>,
) -> Reply<service::setup::SetupView> {
    let outcome = outcome.get()?;
    Ok(service::setup::finish(&mut store(&state), &outcome)?)
}

#[tauri::command]
pub fn get_guide() -> GuideView {
    program::guide()
}

#[tauri::command]
pub fn get_protocol() -> ProtocolView {
    program::protocol()
}

#[tauri::command]
pub fn get_demonstration(id: Input<String>) -> Reply<crate::core::figures::DemoView> {
    Ok(crate::service::demos::demonstration(&id.get()?)?)
}

#[tauri::command]
pub fn get_today(state: State<'_, AppState>) -> Reply<TodayView> {
    Ok(program::today(&mut read(&state), now())?)
}

#[tauri::command]
pub fn get_program(state: State<'_, AppState>) -> Reply<ProgramView> {
    Ok(program::program(&mut read(&state))?)
}

/// One step back or forward by hand, after the window has asked the user to confirm; a
/// step forward also carries the confirmation that a clinician advised it (`advice`).
#[tauri::command]
pub fn move_step(
    state: State<'_, AppState>,
    to_step: Input<serde_json::Value>,
    advice: Input<Option<serde_json::Value>>,
) -> Reply<ProgramView> {
    let to_step = whole(&to_step.get()?);
    let advice: crate::core::advice::AdviceForm = match advice.get()? {
        Some(v) => read_json(v, "The clinician's confirmation", "advice")?,
        None => Default::default(),
    };
    Ok(program::move_step(
        &mut store(&state),
        now(),
        to_step,
        &advice,
    )?)
}

#[tauri::command]
pub fn start_session(state: State<'_, AppState>) -> Reply<SessionView> {
    Ok(program::start_session(&mut store(&state), now())?)
}

#[tauri::command]
pub fn get_active_session(state: State<'_, AppState>) -> Reply<Option<SessionView>> {
    Ok(program::active_session(&mut read(&state), now())?)
}

#[tauri::command]
pub fn record_set(
    state: State<'_, AppState>,
    session_id: Input<i64>,
    exercise_id: Input<String>,
    amount: Input<serde_json::Value>,
) -> Reply<SessionView> {
    let (session_id, exercise_id, amount) = (session_id.get()?, exercise_id.get()?, amount.get()?);
    Ok(program::record_set(
        &mut store(&state),
        now(),
        session_id,
        &exercise_id,
        whole(&amount),
    )?)
}

#[tauri::command]
pub fn undo_set(
    state: State<'_, AppState>,
    session_id: Input<i64>,
    exercise_id: Input<String>,
) -> Reply<SessionView> {
    let (session_id, exercise_id) = (session_id.get()?, exercise_id.get()?);
    Ok(program::undo_set(
        &mut store(&state),
        now(),
        session_id,
        &exercise_id,
    )?)
}

#[tauri::command]
pub fn record_pain(
    state: State<'_, AppState>,
    session_id: Input<i64>,
    exercise_id: Input<String>,
    pain: Input<serde_json::Value>,
) -> Reply<PainRecorded> {
    let (session_id, exercise_id, pain) = (session_id.get()?, exercise_id.get()?, pain.get()?);
    Ok(program::record_pain(
        &mut store(&state),
        now(),
        session_id,
        &exercise_id,
        whole(&pain),
    )?)
}

#[tauri::command]
pub fn finish_session(state: State<'_, AppState>, session_id: Input<i64>) -> Reply<Finished> {
    let session_id = session_id.get()?;
    Ok(program::finish_session(
        &mut store(&state),
        now(),
        session_id,
    )?)
}

#[tauri::command]
pub fn get_self_tests(state: State<'_, AppState>) -> Reply<SelfTestsView> {
    Ok(program::self_tests(&mut read(&state), now())?)
}

#[tauri::command]
pub fn record_self_tests(
    state: State<'_, AppState>,
    input: Input<serde_json::Value>,
) -> Reply<SelfTestsView> {
    let input: RecordTests = read_json(input.get()?, "Those results", "results")?;
    Ok(program::record_tests(&mut store(&state), now(), &input)?)
}

#[tauri::command]
pub fn log_stretch<R: Runtime>(app: AppHandle<R>) -> Reply<TodayView> {
    Ok(actions::log_stretch(&app)?)
}

// --- stretch reminders -------------------------------------------------------------

#[tauri::command]
pub fn get_reminders<R: Runtime>(app: AppHandle<R>) -> Reply<RemindersView> {
    Ok(actions::reminders(&app)?)
}

/// Done, Snooze or Skip for the reminder waiting now.
#[tauri::command]
pub fn answer_reminder<R: Runtime>(
    app: AppHandle<R>,
    answer: Input<String>,
) -> Reply<RemindersView> {
    let answer = reminders::Answer::parse(&answer.get()?).map_err(ServiceError::from)?;
    Ok(actions::answer(&app, answer)?)
}

/// Pause for an hour, the rest of today or until tomorrow; or until a given local time.
#[tauri::command]
pub fn pause_reminders<R: Runtime>(
    app: AppHandle<R>,
    length: Input<Option<String>>,
    until: Input<Option<String>>,
) -> Reply<RemindersView> {
    Ok(match (length.get()?, until.get()?) {
        (_, Some(until)) => actions::pause_until(&app, &until)?,
        (Some(length), None) => {
            let length = reminders::PauseFor::parse(&length).map_err(ServiceError::from)?;
            actions::pause(&app, length)?
        }
        (None, None) => {
            return Err(CommandError {
                kind: "invalid_input",
                message: "Pause needs a length (hour, today or tomorrow) or a time to pause until."
                    .into(),
                field: Some("pause".into()),
            })
        }
    })
}

#[tauri::command]
pub fn resume_reminders<R: Runtime>(app: AppHandle<R>) -> Reply<RemindersView> {
    Ok(actions::resume(&app)?)
}

/// What this desktop lacks, once each (no notification server took a reminder, no tray
/// host): a list of `{key, text}`, empty on a desktop that has both.
#[tauri::command]
pub fn desktop_notes(state: State<'_, AppState>) -> Reply<Vec<crate::core::messages::DesktopNote>> {
    Ok(state.desktop_facts.notes())
}

// --- return to running -------------------------------------------------------------

#[tauri::command]
pub fn get_running(state: State<'_, AppState>) -> Reply<RunningView> {
    Ok(running::view(&mut read(&state), now())?)
}

/// Starts week 1 on `date` (default today); `again` restarts a plan already under way.
#[tauri::command]
pub fn start_running(
    state: State<'_, AppState>,
    again: Input<Option<bool>>,
    date: Input<Option<String>>,
) -> Reply<RunningView> {
    let (again, date) = (again.get()?, date.get()?);
    Ok(running::start(
        &mut store(&state),
        now(),
        again.unwrap_or(false),
        date.as_deref(),
    )?)
}

#[tauri::command]
pub fn log_run(state: State<'_, AppState>, input: Input<serde_json::Value>) -> Reply<RunningView> {
    let input: LogRun = read_json(input.get()?, "That run", "run")?;
    Ok(running::log_run(&mut store(&state), now(), &input)?)
}

#[tauri::command]
pub fn set_run_target(
    state: State<'_, AppState>,
    week: Input<serde_json::Value>,
    minutes: Input<serde_json::Value>,
    focus: Input<String>,
) -> Reply<RunningView> {
    let (week, minutes, focus) = (week.get()?, minutes.get()?, focus.get()?);
    Ok(running::set_target(
        &mut store(&state),
        now(),
        &Whole::from_json(&week),
        &Whole::from_json(&minutes),
        &focus,
    )?)
}

// --- journal, charts, report, data ---------------------------------------------------

#[tauri::command]
pub fn get_journal(
    state: State<'_, AppState>,
    filter: Input<Option<serde_json::Value>>,
) -> Reply<journal::JournalView> {
    let filter: journal::Filter = match filter.get()? {
        Some(v) if !v.is_null() => read_json(v, "That filter", "filter")?,
        _ => Default::default(),
    };
    Ok(journal::journal(&mut read(&state), now(), &filter)?)
}

#[tauri::command]
pub fn edit_entry(
    state: State<'_, AppState>,
    kind: Input<String>,
    id: Input<i64>,
    field: Input<String>,
    value: Input<serde_json::Value>,
) -> Reply<journal::Saved> {
    let (kind, id, field, value) = (kind.get()?, id.get()?, field.get()?, value.get()?);
    Ok(journal::edit(
        &mut store(&state),
        now(),
        &kind,
        id,
        &field,
        &value,
    )?)
}

#[tauri::command]
pub fn delete_entry<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: Input<String>,
    id: Input<i64>,
) -> Reply<journal::Deleted> {
    let (kind, id) = (kind.get()?, id.get()?);
    let deleted = journal::delete(&mut store(&state), now(), &kind, id)?;
    scheduler::wake(&app);
    Ok(deleted)
}

#[tauri::command]
pub fn undo_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    trash_id: Input<i64>,
) -> Reply<String> {
    let trash_id = trash_id.get()?;
    let said = journal::undo(&mut store(&state), trash_id)?;
    scheduler::wake(&app);
    Ok(said)
}

#[tauri::command]
pub fn add_checkin(
    state: State<'_, AppState>,
    context: Input<String>,
    pain: Input<serde_json::Value>,
    note: Input<Option<String>>,
) -> Reply<journal::Saved> {
    let (context, pain, note) = (context.get()?, pain.get()?, note.get()?);
    Ok(journal::checkin(
        &mut store(&state),
        now(),
        &context,
        &Whole::from_json(&pain),
        note.as_deref().unwrap_or(""),
    )?)
}

#[tauri::command]
pub fn add_note(state: State<'_, AppState>, text: Input<String>) -> Reply<String> {
    let text = text.get()?;
    Ok(journal::add_note(&mut store(&state), now(), &text)?)
}

#[tauri::command]
pub fn get_charts(state: State<'_, AppState>, weeks: Input<serde_json::Value>) -> Reply<Charts> {
    let weeks = Whole::from_json(&weeks.get()?);
    Ok(report::charts(&mut read(&state), now(), &weeks)?)
}

#[tauri::command]
pub fn get_report(state: State<'_, AppState>) -> Reply<Report> {
    Ok(report::report(&mut read(&state), now())?)
}

#[tauri::command]
pub fn save_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<report::SavedReport> {
    let folders = state.folders(&app);
    let saved = report::save_report(&mut store(&state), now(), &folders)?;
    locked(&state.written).report = Some(saved.folder.clone());
    Ok(saved)
}

#[tauri::command]
pub fn get_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<data::DataView> {
    let folders = state.folders(&app);
    Ok(data::view(&mut read(&state), &folders)?)
}

/// Opens the system's folder picker (from Rust: the page has no dialog permission) and
/// saves the folder chosen, if the core's rule takes it. Cancelling changes nothing.
/// Async, and the dialog waited for on a blocking thread: a sync command would run on the
/// main thread, which the dialog itself needs.
#[tauri::command]
pub async fn choose_export_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<data::DataView> {
    let folders = state.folders(&app);
    let start = {
        let mut store = store(&state);
        data::view(&mut store, &folders)?.export_folder
    };
    let desktop = state.desktop.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        desktop.pick_folder("Choose the export folder", &start)
    })
    .await
    .map_err(|e| CommandError::new("window", format!("The folder dialog failed: {e}.")))?;
    let mut store = store(&state);
    let Some(path) = picked else {
        return Ok(data::view(&mut store, &folders)?);
    };
    let text = path
        .to_str()
        .ok_or_else(|| ServiceError::from(files::path_not_text("export_folder", &path)))?;
    Ok(data::set_export_folder(&mut store, now(), &folders, text)?)
}

#[tauri::command]
pub fn reset_export_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<data::DataView> {
    let folders = state.folders(&app);
    Ok(data::reset_export_folder(
        &mut store(&state),
        now(),
        &folders,
    )?)
}

#[tauri::command]
pub fn export_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<data::Exported> {
    let folders = state.folders(&app);
    let exported = data::export_csv(&mut store(&state), now(), &folders)?;
    locked(&state.written).export = Some(exported.folder.clone());
    Ok(exported)
}

#[tauri::command]
pub fn backup_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<data::DataView> {
    let folders = state.folders(&app);
    let mut store = store(&state);
    data::backup_now(&mut store, now(), &folders)?;
    Ok(data::view(&mut store, &folders)?)
}

/// Restores one of the listed backups, named by its file name (never a path).
#[tauri::command]
pub fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: Input<String>,
) -> Reply<data::Restored> {
    let name = name.get()?;
    let folders = state.folders(&app);
    let restored = data::restore_listed(&mut store(&state), now(), &folders, &name)?;
    scheduler::wake(&app);
    Ok(restored)
}

/// Opens the system's file picker for a backup (.db) and keeps the file picked until the
/// user confirms; returns its name and path to ask with, or nothing if cancelled.
/// Async for the same reason as `choose_export_folder`.
#[tauri::command]
pub async fn choose_backup_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<Option<data::PickedBackup>> {
    // A new pick replaces the last, even when cancelled: the confirmation on screen is
    // always about the file picked last.
    *locked(&state.picked_backup) = None;
    let start = state.folders(&app).backups;
    let desktop = state.desktop.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        desktop.pick_backup("Choose a backup to restore", &start)
    })
    .await
    .map_err(|e| CommandError::new("window", format!("The file dialog failed: {e}.")))?;
    let Some(path) = picked else {
        return Ok(None);
    };
    let shown = data::picked_backup(&store(&state), &path)?;
    *locked(&state.picked_backup) = Some(path);
    Ok(Some(shown))
}

/// Restores the file picked with `choose_backup_file`, after the user confirmed.
#[tauri::command]
pub fn restore_picked_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Reply<data::Restored> {
    let folders = state.folders(&app);
    let path = locked(&state.picked_backup)
        .clone()
        .ok_or_else(|| ServiceError::from(files::no_file_picked()))?;
    let restored = data::restore_picked(&mut store(&state), now(), &folders, &path)?;
    *locked(&state.picked_backup) = None;
    scheduler::wake(&app);
    Ok(restored)
}

/// Opens one of the app's folders in the file manager, by name: `data`, `backups`,
/// `export`, `last_export` or `last_report`. The service says which path that is and
/// whether it exists; nothing is created here.
#[tauri::command]
pub fn open_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    which: Input<String>,
) -> Reply<()> {
    let which = which.get()?;
    let folders = state.folders(&app);
    let last = locked(&state.written).clone();
    let path = data::folder_to_open(&mut store(&state), &folders, &which, &last)?;
    state.desktop.open_folder(&path).map_err(|e| {
        CommandError::new("window", format!("Could not open {}: {e}.", path.display()))
    })
}
