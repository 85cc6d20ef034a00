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
    // A program that replaced the old one in the tray takes its bus socket over first.
    #[cfg(target_os = "linux")]
    let inherited = shell::restart::inherited();
    let options = shell::LaunchOptions::from_args(std::env::args());
    // One copy per session, decided before anything else (Linux; elsewhere the plugin).
    #[cfg(target_os = "linux")]
    shell::trace::timed("single instance (session bus)", || {
        use shell::instance::Claim;
        match shell::instance::claim(inherited) {
            Claim::Ours => {}
            Claim::HandedOver => std::process::exit(0),
            Claim::NotTaken(text) => {
                // The running copy is quitting or restarting: by now it is gone or
                // replaced, so start again once, as the user asked.
                if std::env::var_os(RELAUNCHED).is_none() {
                    relaunch();
                }
                eprintln!("High Hamstring Rehab could not start: the running copy did not answer ({text})");
                std::process::exit(1);
            }
            Claim::NoBus(text) => eprintln!(
                "High Hamstring Rehab: no session bus ({text}); starting without looking for another copy"
            ),
        }
    });
    let app =
        shell::build_app(tauri::Builder::default(), context(), options).unwrap_or_else(|err| {
            let text = err.to_string();
            // Launched just as the running copy was quitting, the hand-over to it fails;
            // by now it is gone, so start again once, as the user asked.
            if text.contains("failed to forward arguments to the running instance")
                && std::env::var_os(RELAUNCHED).is_none()
            {
                relaunch();
            }
            eprintln!("High Hamstring Rehab could not start: {text}");
            std::process::exit(1);
        });
    app.run(shell::on_run_event);
}

/// Set on the one relaunch after a failed hand-over, so it cannot loop (the restart
/// into the tray, `shell/restart.rs`, clears it).
const RELAUNCHED: &str = "HHR_RELAUNCHED";

/// Starts this program again with the same arguments: in place of this process where
/// the system allows it, otherwise as a child whose status becomes ours.
fn relaunch() -> ! {
    std::thread::sleep(std::time::Duration::from_millis(500));
    let mut again = match std::env::current_exe() {
        Ok(exe) => std::process::Command::new(exe),
        Err(e) => {
            eprintln!("High Hamstring Rehab could not start again: {e}");
            std::process::exit(1);
        }
    };
    again.args(std::env::args_os().skip(1)).env(RELAUNCHED, "1");
    #[cfg(unix)]
    let error = {
        use std::os::unix::process::CommandExt;
        again.exec()
    };
    #[cfg(not(unix))]
    let error = match again.status() {
        Ok(s) => std::process::exit(s.code().unwrap_or(1)),
        Err(e) => e,
    };
    eprintln!("High Hamstring Rehab could not start again: {error}");
    std::process::exit(1)
}
