//! The only module that knows Tauri: start-up wiring, commands, tray, windows and the
//! notifier. Everything it does goes through `service`; it holds no rule of its own.

//!
//! This file only wires the others together; none of them imports it, so the modules
//! form a graph without cycles (checked by `tests/layers.rs`):
//! `commands` → `actions` → `scheduler` → `publish` → `tray` → `window` → `restart` →
//! (`instance`, `login`, `state`), and `freedesktop` → `notifier` (the notifier calls the
//! actions back through a function this file hands it); `trace` is a leaf.

mod actions;
pub mod clock;
mod commands;
pub mod desktop;
mod error;
#[cfg(all(unix, not(target_os = "macos")))]
mod freedesktop;
mod input;
#[cfg(target_os = "linux")]
pub mod instance;
mod login;
pub mod notifier;
mod publish;
pub mod restart;
pub mod scheduler;
mod state;
pub mod trace;
mod tray;
pub mod window;

pub use desktop::Desktop;
pub use error::CommandError;
pub use login::BACKGROUND_FLAG;
pub use notifier::{Notifier, NotifyError};
pub use state::AppState;
#[cfg(target_os = "linux")]
pub use window::without_compositing_from_the_start;
use state::FullCheck;

use crate::store::{Store, DATABASE_FILE};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tauri::{App, AppHandle, Builder, Context, Manager, RunEvent, Runtime};

/// How this process was asked to start.
pub struct LaunchOptions {
    /// Start with no window (and so no webview) at all.
    pub background: bool,
    /// Put an icon in the system tray. Off only in tests on the mock runtime.
    pub tray: bool,
    /// Where the database lives; `None` means the platform's app-data directory.
    pub data_dir: Option<PathBuf>,
    /// How reminders are delivered; `None` means the notification plugin.
    pub notifier: Option<Arc<dyn Notifier>>,
    /// The file manager and file dialogs; `None` means the opener and dialog plugins.
    pub desktop: Option<Arc<dyn Desktop>>,
    /// When the process started, to report the time to the first interactive screen.
    pub started: Instant,
    /// Run the stretch-reminder scheduler. Off only in tests on the mock runtime, which
    /// must not see a real reminder fire because of the wall-clock time they run at.
    pub reminders: bool,
}

impl LaunchOptions {
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Self {
        LaunchOptions {
            background: args.into_iter().any(|a| a == BACKGROUND_FLAG),
            tray: true,
            data_dir: None,
            notifier: None,
            desktop: None,
            started: Instant::now(),
            reminders: true,
        }
    }
}

/// The real app: single instance first (a second launch must never open the
/// database: on Linux the name was claimed before this, `instance.rs`; elsewhere the
/// plugin does it), then notifications, then the commands, state, tray and window.
pub fn build_app<R: Runtime>(
    builder: Builder<R>,
    context: Context<R>,
    options: LaunchOptions,
) -> tauri::Result<App<R>> {
    trace::building();
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
        on_second_launch(app, &args)
    }));
    let app = builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(login::plugin())
        .on_page_load(|webview, page| {
            if let tauri::webview::PageLoadEvent::Started = page.event() {
                trace::mark("page load started (seen by the app)");
                window::page_started(webview);
            }
        })
        .pipe(|b| with_commands(b, options))
        .build(context)?;
    #[cfg(target_os = "linux")]
    {
        let handle = app.handle().clone();
        instance::attach(move |args| on_second_launch(&handle, &args));
    }
    Ok(app)
}

/// A second launch handed its arguments over: bring the window (a login start's
/// `--background` asks for none).
fn on_second_launch<R: Runtime>(app: &AppHandle<R>, args: &[String]) {
    if !args.iter().any(|a| a == BACKGROUND_FLAG) {
        window::show_main_soon(app);
    }
}

/// The commands, the state they share and the start-up work, without plugins: what the
/// command tests run on the mock runtime.
pub fn with_commands<R: Runtime>(builder: Builder<R>, options: LaunchOptions) -> Builder<R> {
    builder
        .invoke_handler(tauri::generate_handler![
            commands::get_app_status,
            commands::get_first_screen,
            commands::dismiss_recovery_notice,
            commands::get_settings,
            commands::update_settings,
            commands::send_test_reminder,
            commands::request_close,
            commands::close_to_tray,
            commands::cancel_close,
            commands::quit_app,
            commands::ui_ready,
            commands::get_setup,
            commands::finish_setup,
            commands::get_guide,
            commands::get_demonstration,
            commands::get_protocol,
            commands::get_today,
            commands::get_program,
            commands::move_step,
            commands::start_session,
            commands::get_active_session,
            commands::record_set,
            commands::undo_set,
            commands::record_pain,
            commands::finish_session,
            commands::get_self_tests,
            commands::get_journal,
            commands::edit_entry,
            commands::delete_entry,
            commands::undo_delete,
            commands::add_checkin,
            commands::add_note,
            commands::get_charts,
            commands::get_report,
            commands::save_report,
            commands::get_data,
            commands::choose_export_folder,
            commands::reset_export_folder,
            commands::export_csv,
            commands::backup_now,
            commands::restore_backup,
            commands::choose_backup_file,
            commands::restore_picked_backup,
            commands::open_folder,
            commands::get_running,
            commands::start_running,
            commands::log_run,
            commands::set_run_target,
            commands::record_self_tests,
            commands::log_stretch,
            commands::get_reminders,
            commands::answer_reminder,
            commands::pause_reminders,
            commands::resume_reminders,
            commands::desktop_notes,
        ])
        .on_window_event(window::on_window_event)
        .setup(move |app| {
            setup(app.handle(), options)?;
            Ok(())
        })
}

fn setup<R: Runtime>(
    app: &AppHandle<R>,
    options: LaunchOptions,
) -> Result<(), Box<dyn std::error::Error>> {
    trace::built();
    #[cfg(target_os = "linux")]
    settle_single_instance()?;
    let data_dir = match options.data_dir {
        Some(dir) => dir,
        None => app.path().app_data_dir()?,
    };
    // The database is checked (on a read-only connection: nothing writes to the file
    // before the check passes or the file is set aside) and opened on its own thread,
    // while this one builds the window: the page's first command cannot come before this
    // function returns, so nothing waits for the store that would not have anyway. With
    // a window to show, the check is SQLite's quick one and the full one runs once the
    // first screen is answered (`check_fully_after_the_first_screen`); until its verdict
    // the store refuses every write. Started into the tray, the full check runs here.
    let path = data_dir.join(DATABASE_FILE);
    let warm = !options.background;
    let opening = {
        let path = path.clone();
        std::thread::Builder::new()
            .name("open-database".into())
            .spawn(move || {
                let mut from = trace::now();
                let mut mark = |step| {
                    trace::step(step, from);
                    from = trace::now();
                };
                if warm {
                    Store::open_quick_marked(&path, clock::now().utc, &mut mark)
                } else {
                    Store::open_marked(&path, clock::now().utc, &mut mark)
                }
            })?
    };
    if !options.background {
        trace::timed("window (webview created)", || window::show_main(app))?;
    }
    let (store, set_aside) = trace::timed("waiting for the database", || opening.join())
        .map_err(|_| "the database could not be opened (the check stopped)")??;
    if let Some(s) = &set_aside {
        eprintln!(
            "High Hamstring Rehab: the database was damaged ({}); it was moved to {}",
            s.reason,
            s.moved_to.display()
        );
    }
    let (full_check, first_screen) = FullCheck::new(!store.is_checked());
    let notifier = match options.notifier {
        Some(n) => n,
        None => system_notifier(app),
    };
    let desktop = match options.desktop {
        Some(d) => d,
        None => Arc::new(desktop::PluginDesktop::new(app.clone(), window::MAIN)),
    };
    app.manage(AppState {
        store: Mutex::new(store),
        data_dir,
        set_aside: Mutex::new(set_aside),
        notifier,
        started: options.started,
        ready_reported: AtomicBool::new(false),
        close_notice_pending: AtomicBool::new(false),
        open_route: Mutex::new(None),
        desktop,
        written: Mutex::new(Default::default()),
        picked_backup: Mutex::new(None),
        desktop_facts: Default::default(),
        switch: Default::default(),
        full_check,
    });
    if let Some(first_screen) = first_screen {
        check_fully_after_the_first_screen(app, first_screen, path);
    }
    if options.tray {
        look_for_a_tray_host(app);
        trace::timed("tray", || tray::create(app, actions::from_tray))?;
    }
    if options.reminders {
        scheduler::start(app);
    }
    // Keep the login item in step with the setting (the app may have moved since).
    trace::timed("login item", || {
        let start_at_login = {
            let state = app.state::<AppState>();
            // A read, before the full check (this thread serves the page that asks for
            // the first screen, after which the check runs).
            let mut store = state.lock_store_to_read();
            crate::service::settings::current(&mut store)
                .map(|s| s.start_at_login)
                .unwrap_or(false)
        };
        if let Err(e) = login::apply(app, start_at_login) {
            eprintln!("High Hamstring Rehab: start at login could not be updated: {e}");
        }
    });
    // With a window to show, Today is read once on a thread of its own while the page
    // loads its scripts (~100 ms before its first command), so the first Today finds the
    // ladder and its statements in memory; a first command that comes sooner waits for
    // the store's lock and then finds it done. A read: it writes nothing. Not on a
    // --background start (the tray keeps no ladder it may never show).
    if warm {
        let app = app.clone();
        let _ = std::thread::Builder::new()
            .name("warm-ladder".into())
            .spawn(move || {
                let state = app.state::<AppState>();
                let mut store = state.lock_store_to_read();
                let _ = trace::timed("Today read ahead (the ladder worked out)", || {
                    crate::service::program::warm(&mut store, clock::now())
                });
            });
    }
    trace::mark("setup done (the main thread is free)");
    Ok(())
}

/// A page that never asks for its first screen still gets the full check, this long
/// after start-up (the app's choice).
const FULL_CHECK_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(5);

/// Runs the full integrity check the window start owes, on its own thread, once the
/// first screen is answered (or [`FULL_CHECK_AT_THE_LATEST`]): off the path to the first
/// screen, before anything writes. A sound file lets the writes through; a damaged one is
/// set aside exactly as it was, a fresh database takes its place, and the page is loaded
/// again to show the notice. Everything waiting in [`AppState::lock_store`] goes on after.
fn check_fully_after_the_first_screen<R: Runtime>(
    app: &AppHandle<R>,
    first_screen: std::sync::mpsc::Receiver<()>,
    path: std::path::PathBuf,
) {
    let handle = app.clone();
    let spawned = std::thread::Builder::new()
        .name("full-check".into())
        .spawn(move || {
            let when = match first_screen.recv_timeout(FULL_CHECK_AT_THE_LATEST) {
                Ok(()) => "after the first screen",
                Err(_) => "without a first screen, 5 s after start",
            };
            let app = handle;
            let state = app.state::<AppState>();
            // Whatever happens here, the writers waiting are let through at the end (a
            // store left unchecked still refuses them).
            let finish = Finish(&state.full_check);
            let from = trace::now();
            let verdict = crate::store::full_check(&path);
            trace::step("integrity check (full, after the first screen)", from);
            let mut set_aside = None;
            {
                let mut store = state.lock_store_to_read();
                match verdict {
                    crate::store::Verdict::Sound => {
                        if let Err(e) = store.checked_fully() {
                            eprintln!("High Hamstring Rehab: the database stays read-only: {e}");
                        }
                    }
                    crate::store::Verdict::Damaged(reason) => {
                        match store.set_aside_damaged(clock::now().utc, reason) {
                            Ok(s) => set_aside = Some(s),
                            Err(e) => eprintln!(
                                "High Hamstring Rehab: the database is damaged and could not be set aside ({e}); nothing is written to it"
                            ),
                        }
                    }
                    crate::store::Verdict::Failed(e) => eprintln!(
                        "High Hamstring Rehab: the full integrity check could not run ({e}); nothing is written to the database"
                    ),
                }
            }
            let reload = set_aside.is_some();
            if let Some(s) = set_aside {
                eprintln!(
                    "High Hamstring Rehab: the database was damaged ({}); it was moved to {} (found by the full check {when})",
                    s.reason,
                    s.moved_to.display()
                );
                if let Ok(mut slot) = state.set_aside.lock() {
                    *slot = Some(s);
                }
            }
            drop(finish);
            if reload {
                if let Some(window) = app.get_webview_window(window::MAIN) {
                    let _ = window.reload();
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("High Hamstring Rehab: the full integrity check could not start ({e}); nothing is written to the database");
        app.state::<AppState>().full_check.finish();
    }
}

/// Lets the writers through when dropped, even if the check's thread ends early.
struct Finish<'a>(&'a FullCheck);

impl Drop for Finish<'_> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

/// Waits for the single-instance claim (`instance::start`): another copy that took this
/// launch's arguments ends this one here, before the database is touched (as the plugin
/// does); one that did not take them means it was quitting or restarting, and this
/// launch starts again once (`restart::again_once`).
#[cfg(target_os = "linux")]
fn settle_single_instance() -> Result<(), Box<dyn std::error::Error>> {
    use instance::Claim;
    match trace::timed("single instance (waiting for the claim)", instance::settle) {
        None | Some(Claim::Ours) => Ok(()),
        Some(Claim::HandedOver) => std::process::exit(0),
        Some(Claim::NotTaken(text)) => restart::again_once(&format!(
            "the running copy did not take this launch's arguments ({text})"
        )),
        Some(Claim::NoBus(text)) => {
            eprintln!(
                "High Hamstring Rehab: no session bus ({text}); starting without looking for another copy"
            );
            Ok(())
        }
    }
}

/// The freedesktop notification server on Linux and the BSDs, its buttons answered
/// through `actions`; tauri-plugin-notification (text only) on Windows and macOS.
#[cfg(all(unix, not(target_os = "macos")))]
fn system_notifier<R: Runtime>(app: &AppHandle<R>) -> Arc<dyn Notifier> {
    let app = app.clone();
    Arc::new(freedesktop::FreedesktopNotifier::new(Arc::new(
        move |showing, action| actions::from_notification(&app, showing, action),
    )))
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn system_notifier<R: Runtime>(app: &AppHandle<R>) -> Arc<dyn Notifier> {
    Arc::new(notifier::PluginNotifier::new(app.clone()))
}

/// Asks the session bus, off the start-up path, whether a tray host is there; without
/// one Settings says so. (Windows and macOS always have a tray.)
#[cfg(all(unix, not(target_os = "macos")))]
fn look_for_a_tray_host<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let _ = std::thread::Builder::new()
        .name("tray-host".into())
        .spawn(move || {
            if freedesktop::tray_host_present() == Some(false) {
                let state = app.state::<AppState>();
                state
                    .desktop_facts
                    .no_tray
                    .store(true, std::sync::atomic::Ordering::SeqCst);
            }
        });
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn look_for_a_tray_host<R: Runtime>(_app: &AppHandle<R>) {}

/// Keeps the app alive in the tray when its last window closes; only an explicit quit
/// (which carries an exit code) ends it.
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: RunEvent) {
    match event {
        RunEvent::ExitRequested {
            code: None, api, ..
        } => api.prevent_exit(),
        // Quit: the windows that close now are not closed to the tray.
        RunEvent::ExitRequested { code: Some(_), .. } => restart::quitting(app),
        #[cfg(target_os = "macos")]
        RunEvent::Reopen { .. } => window::show_main_soon(app),
        _ => {
            let _ = app;
        }
    }
}

/// Lets the builder chain read top to bottom.
trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl<T> Pipe for T {}
