//! The notification server on the test's session bus, per test. `scripts/e2e.sh` starts
//! the default one (python3-dbusmock's notification daemon with its own capabilities,
//! which have no `actions`: text-only notifications), logging to HHR_NOTIFICATION_LOG. A
//! test may ask for another (`Harness::use_notifications`): with the `actions`
//! capability, logging to the test's own file, or none at all on the bus; the default one
//! is put back when the test's harness is dropped, so the other tests see what they
//! always saw.

use crate::procs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

const NAME: &str = "org.freedesktop.Notifications";
const WAIT: Duration = Duration::from_secs(15);

/// Which notification server a test runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notifications {
    /// The one `scripts/e2e.sh` starts: text only.
    Default,
    /// Buttons: python3-dbusmock's daemon with the capabilities `actions body`.
    WithActions,
    /// No notification server on the bus at all.
    Nothing,
}

/// The server this test process started, if it started one (the default one of
/// e2e.sh is not our child).
static STARTED: Mutex<Option<Child>> = Mutex::new(None);

fn dbus(method: &str, arg: &str) -> Option<String> {
    let out = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/",
            &format!("org.freedesktop.DBus.{method}"),
            &format!("string:{arg}"),
        ])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn owned() -> bool {
    dbus("NameHasOwner", NAME).is_some_and(|o| o.contains("boolean true"))
}

fn owner_pid() -> Option<u32> {
    let out = dbus("GetConnectionUnixProcessID", NAME)?;
    out.split_whitespace().last()?.parse().ok()
}

/// Ends whatever notification server is on the bus and waits for its name to be free.
fn stop() {
    let mut started = STARTED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(mut child) = started.take() {
        procs::terminate_child(&mut child, WAIT);
    }
    if let Some(pid) = owner_pid() {
        procs::terminate_all(&[pid], WAIT);
    }
    if !procs::wait_blocking(WAIT, || !owned()) {
        fail(&format!("{NAME} is still owned after its server was stopped"));
    }
}

/// Starts python3-dbusmock's notification daemon with `capabilities` (its defaults when
/// `None`), logging to `log`, and waits until it owns the name.
fn start(capabilities: Option<&str>, log: &Path) {
    let mut cmd = Command::new("/usr/bin/python3");
    cmd.args(["-m", "dbusmock", "--session", "-t", "notification_daemon"]);
    if let Some(caps) = capabilities {
        cmd.args(["-p", &format!("{{\"capabilities\": \"{caps}\"}}")]);
    }
    let child = cmd
        .arg("-l")
        .arg(log)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3-dbusmock could not be started (apt-get install python3-dbusmock)");
    *STARTED.lock().unwrap_or_else(|p| p.into_inner()) = Some(child);
    if !procs::wait_blocking(WAIT, owned) {
        fail(&format!("the notification mock did not take {NAME}"));
    }
}

/// Panics, unless a failing test is unwinding already (the harness's drop puts the
/// default server back then too, and a second panic would abort the run).
fn fail(what: &str) {
    if std::thread::panicking() {
        eprintln!("{what}");
    } else {
        panic!("{what}");
    }
}

/// Puts `kind` on the bus in place of the current server; `log` is where a started
/// mock logs (the default one logs to HHR_NOTIFICATION_LOG, as e2e.sh's does).
pub fn switch_to(kind: Notifications, log: &Path) {
    stop();
    match kind {
        Notifications::Nothing => {}
        Notifications::WithActions => start(Some("actions body"), log),
        Notifications::Default => {
            let default_log = std::env::var_os("HHR_NOTIFICATION_LOG")
                .expect("HHR_NOTIFICATION_LOG is not set: run the suite through scripts/e2e.sh");
            start(None, Path::new(&default_log));
        }
    }
}
