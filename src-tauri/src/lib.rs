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
    let options = shell::LaunchOptions::from_args(std::env::args());
    let app =
        shell::build_app(tauri::Builder::default(), context(), options).unwrap_or_else(|err| {
            eprintln!("High Hamstring Rehab could not start: {err}");
            std::process::exit(1);
        });
    app.run(shell::on_run_event);
}
