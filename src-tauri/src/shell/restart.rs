//! The program starting itself again: after a launch's failed hand-over (`again_once`),
//! and the restart into the tray.
//!
//! The restart into the tray (Linux): once the window is closed to the tray, the program
//! replaces itself (`exec`) with a fresh `--background` start, so the tray after a close
//! costs what a login start costs. Without it the process keeps, for as long as it runs,
//! WebKit's network process (WebKitGTK gives no way to end it) and the libraries and heap
//! the window touched (docs/benchmarks.md).
//!
//! What makes the switch safe:
//! - Nothing is cut in half: every piece of reminder work (a reconcile and its delivery,
//!   an answer, the daily backup) holds `AppState::steady` shared; the switch takes it
//!   whole, then closes the store (its last close folds the WAL into the file). What the
//!   scheduler knows is in the database, so the new program picks up where this one
//!   stopped: a reminder that falls due during the switch is fired once, by whichever
//!   program reconciles first after its time; a pause or a snooze is a row.
//! - No second copy: the single-instance name passes to the new program without a gap
//!   (`instance.rs`); a launch that arrives during the switch is refused and tries again.
//! - No window lost: a window asked for (tray, notification, second launch) and not yet
//!   shown stops the switch; so does a quit.
//! - No dead notification: while a reminder's notification is on screen (its buttons and
//!   its withdrawal belong to this program's bus connection) the switch waits, and is
//!   tried again after each delivery.
//!
//! The new program reaps the WebKit processes the old one started (they end when their
//! connection to the old program closes at `exec`).
//!
//! On Windows and macOS the process stays as it is after a close (no `exec` there, and
//! the single-instance plugin holds its lock in a way that cannot be handed over).

use super::state::AppState;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Manager, Runtime};
#[cfg(target_os = "linux")]
use {
    super::instance,
    super::login::BACKGROUND_FLAG,
    std::ffi::OsString,
    std::os::fd::{FromRawFd, OwnedFd, RawFd},
    std::os::unix::process::CommandExt,
    std::path::PathBuf,
};

/// What the log says when a close to the tray waits for a reminder's notification to go
/// (the e2e suite waits for it).
pub const WAITING_FOR_NOTIFICATION: &str =
    "the restart into the tray waits: a reminder's notification is on screen";

#[cfg(target_os = "linux")]
/// The bus socket the old program left open for the name's hand-over.
const HANDOVER_FD: &str = "HHR_HANDOVER_FD";
#[cfg(target_os = "linux")]
/// The old program's child processes, for the new one to reap.
const REAP: &str = "HHR_REAP";

/// The window was closed to the tray (it is destroyed): switch once it is safe.
pub fn after_close<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    if state.switch.quitting.load(Ordering::SeqCst) {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        state.switch.pending.store(true, Ordering::SeqCst);
        soon(app);
    }
}

/// Quit was chosen: the window's end that follows is not a close to the tray.
pub fn quitting<R: Runtime>(app: &AppHandle<R>) {
    if let Some(state) = app.try_state::<AppState>() {
        state.switch.quitting.store(true, Ordering::SeqCst);
    }
}

/// A switch that waited (for a notification to go) is tried again.
pub fn retry<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    if state.switch.pending.load(Ordering::SeqCst) && !state.notifier.on_screen() {
        #[cfg(target_os = "linux")]
        soon(app);
    }
}

#[cfg(target_os = "linux")]
/// Runs the switch on the main thread, from its queue: never inside the caller's own
/// work (which may hold `steady`), as a call on the main thread would be.
fn soon<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let _ = std::thread::Builder::new()
        .name("restart".into())
        .spawn(move || {
            let handle = app.clone();
            let _ = app.run_on_main_thread(move || switch(&handle));
        });
}

#[cfg(target_os = "linux")]
/// On the main thread: replaces the program, unless something says not now.
fn switch<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let s = &state.switch;
    let window_wanted =
        || !app.webview_windows().is_empty() || s.window_coming.load(Ordering::SeqCst) > 0;
    if s.quitting.load(Ordering::SeqCst) || window_wanted() {
        // The window is back (or coming): its next close switches.
        s.pending.store(false, Ordering::SeqCst);
        return;
    }
    if !s.pending.load(Ordering::SeqCst) {
        return;
    }
    if state.notifier.on_screen() {
        eprintln!("High Hamstring Rehab: {WAITING_FOR_NOTIFICATION}");
        return;
    }
    // From here a second launch is refused (it tries again and reaches the new program);
    // one that came just before has its window coming, which stops the switch.
    let Some(socket) = instance::close() else {
        s.pending.store(false, Ordering::SeqCst);
        return;
    };
    if window_wanted() {
        instance::reopen();
        s.pending.store(false, Ordering::SeqCst);
        return;
    }
    let _whole = s.steady.write().unwrap_or_else(|p| p.into_inner());
    state.notifier.settle();
    let mut store = state.lock_store();
    if let Err(e) = store.close() {
        eprintln!("High Hamstring Rehab: the database could not be closed to restart: {e}");
    }
    let error = replace_program(socket);
    // Still here: the program was not replaced. Carry on as before, in this process.
    eprintln!("High Hamstring Rehab: could not restart in the tray: {error}");
    match crate::store::Store::open(
        &state.data_dir.join(crate::store::DATABASE_FILE),
        super::clock::now().utc,
    ) {
        Ok((fresh, _)) => *store = fresh,
        Err(e) => eprintln!("High Hamstring Rehab: the database could not be opened again: {e}"),
    }
    drop(store);
    s.pending.store(false, Ordering::SeqCst);
    instance::reopen();
}

#[cfg(target_os = "linux")]
/// `exec`s this program's file with the same arguments plus `--background`, keeping
/// only `socket` open. Returns only if that failed.
fn replace_program(socket: RawFd) -> std::io::Error {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    let arg0 = if args.is_empty() {
        OsString::from("high-hamstring-rehab")
    } else {
        args.remove(0)
    };
    if !args.iter().any(|a| a == BACKGROUND_FLAG) {
        args.push(BACKGROUND_FLAG.into());
    }
    let children = children()
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    if let Err(e) = keep_only(socket) {
        return e;
    }
    // The file on disk (a package upgrade that replaced it starts the new version, as a
    // login would); if it is gone, the running program's own file.
    let on_disk = std::env::current_exe().ok().map(|p| {
        let text = p.to_string_lossy();
        PathBuf::from(text.strip_suffix(" (deleted)").unwrap_or(&text).to_string())
    });
    let mut error = std::io::Error::other("no program file to start");
    for program in on_disk.into_iter().chain([PathBuf::from("/proc/self/exe")]) {
        error = std::process::Command::new(program)
            .arg0(&arg0)
            .args(&args)
            .env(HANDOVER_FD, socket.to_string())
            .env(REAP, &children)
            // A restart is not the start again after a failed hand-over.
            .env_remove(RELAUNCHED)
            .exec();
    }
    // SAFETY: as in `keep_only`; the socket goes back to closing on exec.
    unsafe {
        let flags = libc::fcntl(socket, libc::F_GETFD);
        if flags >= 0 {
            libc::fcntl(socket, libc::F_SETFD, flags | libc::FD_CLOEXEC);
        }
    }
    error
}

#[cfg(target_os = "linux")]
/// Marks every descriptor but `socket` (and the standard three) close-on-exec, so the new
/// program inherits nothing by accident (a socket to a WebKit process kept open would
/// keep that process alive); `socket` is left open.
fn keep_only(socket: RawFd) -> std::io::Result<()> {
    for entry in std::fs::read_dir("/proc/self/fd")? {
        let Some(fd) = entry?
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<RawFd>().ok())
        else {
            continue;
        };
        if fd <= 2 {
            continue;
        }
        // SAFETY: fcntl on a descriptor number only reads or sets its flags; one that
        // was closed meanwhile (the directory's own) just fails.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags < 0 {
                continue;
            }
            let wanted = if fd == socket {
                flags & !libc::FD_CLOEXEC
            } else {
                flags | libc::FD_CLOEXEC
            };
            libc::fcntl(fd, libc::F_SETFD, wanted);
        }
    }
    Ok(())
}

#[cfg(target_os = "linux")]
/// This process's child processes (WebKit's, and any other still running).
fn children() -> Vec<u32> {
    let me = std::process::id();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|stat| {
                    let rest = &stat[stat.rfind(')')? + 1..];
                    rest.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(me)
        })
        .collect()
}

#[cfg(target_os = "linux")]
/// In a program that replaced the old one: the old program's bus socket (to take the
/// single-instance name over from), its children reaped as they end. Both variables are
/// removed, so nothing this program starts sees them.
pub fn inherited() -> Option<OwnedFd> {
    let socket = std::env::var(HANDOVER_FD)
        .ok()
        .and_then(|v| v.parse::<RawFd>().ok())
        .filter(|fd| *fd > 2)
        // SAFETY: the old program left this descriptor open for us alone, and nothing
        // in this program has used it yet.
        .map(|fd| unsafe { OwnedFd::from_raw_fd(fd) });
    let reap: Vec<libc::pid_t> = std::env::var(REAP)
        .unwrap_or_default()
        .split(',')
        .filter_map(|p| p.parse().ok())
        .collect();
    std::env::remove_var(HANDOVER_FD);
    std::env::remove_var(REAP);
    if !reap.is_empty() {
        let _ = std::thread::Builder::new()
            .name("reap".into())
            .spawn(move || {
                for pid in reap {
                    // SAFETY: waits for a child of this process, by its own pid.
                    unsafe { libc::waitpid(pid, std::ptr::null_mut(), 0) };
                }
            });
    }
    socket
}

/// Set on the one start again after a failed hand-over, so it cannot loop (the restart
/// into the tray clears it).
const RELAUNCHED: &str = "HHR_RELAUNCHED";

/// A launch whose hand-over to the running copy failed (`why`): that copy was quitting or
/// restarting in the tray, and by now it is gone or replaced, so this launch starts again
/// once, as the user asked: in place of this process where the system allows it,
/// otherwise as a child whose status becomes ours. A second failure ends it.
pub fn again_once(why: &str) -> ! {
    if std::env::var_os(RELAUNCHED).is_some() {
        eprintln!("High Hamstring Rehab could not start: {why}");
        std::process::exit(1);
    }
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
