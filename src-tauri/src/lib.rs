//! High Hamstring Rehab: a tray-resident desktop app that carries a runner through
//! recovery from proximal hamstring tendinopathy.
//!
//! The layers (see ARCHITECTURE.md): `core` holds the rules and is pure, `store` owns
//! the SQLite file, `service` is one function per thing a user does, and `shell` is the
//! only module that knows Tauri. Data flows window → command → service → store/core.

pub mod core;
pub mod service;
pub mod shell;
pub mod store;

/// The Tauri context built from `tauri.conf.json` and the capability files, generic over
/// the runtime so command tests can run the real configuration on the mock runtime.
pub fn context<R: tauri::Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Starts the app with the real window system.
pub fn run() {
    shell::trace::begin();
    #[cfg(target_os = "linux")]
    shell::without_compositing_from_the_start();
    // A program that replaced the old one in the tray takes its bus socket over first.
    #[cfg(target_os = "linux")]
    let inherited = shell::restart::inherited();
    // One copy per session, settled before the database is touched (Linux: the claim runs
    // while GTK and Tauri start and the app's setup waits for it; elsewhere the plugin,
    // whose failed hand-over comes back from `build_app`).
    #[cfg(target_os = "linux")]
    shell::instance::start(inherited);
    let options = shell::LaunchOptions::from_args(std::env::args());
    let app =
        shell::build_app(tauri::Builder::default(), context(), options).unwrap_or_else(|err| {
            let text = err.to_string();
            // Launched just as the running copy was quitting (or restarting in the tray),
            // the hand-over to it fails; by now it is gone or replaced, so start again
            // once, as the user asked.
            if text.contains("failed to forward arguments to the running instance") {
                shell::restart::again_once(&text);
            }
            eprintln!("High Hamstring Rehab could not start: {text}");
            std::process::exit(1);
        });
    app.run(shell::on_run_event);
}
