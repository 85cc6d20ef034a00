//! Processes as seen through /proc: which app processes belong to one test (same
//! binary, same XDG_DATA_HOME), their WebKit children, and ending processes politely.
//!
//! Only SIGTERM is sent to tauri-driver: SIGKILL on it orphans WebKitWebDriver, which
//! then holds the test's output open and hangs the run. The crash tests SIGKILL the app.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How often every wait in the suite looks again.
pub const POLL: Duration = Duration::from_millis(100);

/// `comm` is cut to 15 bytes, so "WebKitWebProcess" reads as "WebKitWebProces".
const WEB_PROCESS_COMM: &str = "WebKitWebProces";

fn all_pids() -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect()
}

/// The executable of `pid`; a binary replaced on disk (by a rebuild) still counts.
fn exe(pid: u32) -> Option<PathBuf> {
    let link = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
    let text = link.to_string_lossy();
    Some(PathBuf::from(
        text.strip_suffix(" (deleted)").unwrap_or(&text),
    ))
}

/// Whether the environment of `pid` holds every `NAME=value` of `entries`.
pub fn environ_has(pid: u32, entries: &[String]) -> bool {
    let Ok(raw) = std::fs::read(format!("/proc/{pid}/environ")) else {
        return false;
    };
    let vars: Vec<&[u8]> = raw.split(|b| *b == 0).collect();
    entries.iter().all(|want| vars.contains(&want.as_bytes()))
}

/// The command line of `pid` (empty if it is gone).
pub fn cmdline(pid: u32) -> Vec<String> {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|raw| {
            raw.split(|b| *b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// State letter and parent pid from /proc/PID/stat (the name may contain spaces or ')').
fn state_and_parent(pid: u32) -> Option<(char, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let mut rest = stat[stat.rfind(')')? + 1..].split_whitespace();
    let state = rest.next()?.chars().next()?;
    let parent = rest.next()?.parse().ok()?;
    Some((state, parent))
}

/// Running (not gone, not a zombie waiting to be reaped).
pub fn is_alive(pid: u32) -> bool {
    matches!(state_and_parent(pid), Some((state, _)) if state != 'Z' && state != 'X')
}

fn comm(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

/// Live processes running `binary` whose environment holds every one of `env_entries`
/// ("NAME=value").
pub fn instances(binary: &Path, env_entries: &[String]) -> Vec<u32> {
    let mut found: Vec<u32> = all_pids()
        .into_iter()
        .filter(|&pid| {
            exe(pid).as_deref() == Some(binary) && is_alive(pid) && environ_has(pid, env_entries)
        })
        .collect();
    found.sort_unstable();
    found
}

/// Every live process below `root` (children, grandchildren, ...).
pub fn descendants(root: u32) -> Vec<u32> {
    let table: Vec<(u32, u32)> = all_pids()
        .into_iter()
        .filter(|&pid| is_alive(pid))
        .filter_map(|pid| Some((pid, state_and_parent(pid)?.1)))
        .collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            table
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(pid, _)| *pid),
        );
        i += 1;
    }
    found.remove(0);
    found
}

/// The live WebKitWebProcess processes under `root`: one exists while it has a webview.
pub fn web_processes_under(root: u32) -> Vec<u32> {
    descendants(root)
        .into_iter()
        .filter(|&pid| comm(pid).starts_with(WEB_PROCESS_COMM))
        .collect()
}

/// Sends SIGTERM (through kill(1): the suite takes no libc dependency).
pub fn terminate(pid: u32) {
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Sends `SIG<name>` (STOP, CONT, KILL, TERM) through kill(1).
pub fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .args([format!("-{name}"), pid.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// SIGKILL, for the crash tests: only ever sent to the app, never to tauri-driver.
pub fn kill_hard(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Polls `done` until it holds or `timeout` passes; for Drop, where nothing can await.
pub fn wait_blocking(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        sleep(POLL);
    }
}

/// SIGTERM to a child of ours, then reaps it; false if it is still running at the end.
pub fn terminate_child(child: &mut Child, timeout: Duration) -> bool {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return true;
    }
    terminate(child.id());
    wait_blocking(timeout, || !matches!(child.try_wait(), Ok(None)))
}

/// SIGTERM to each pid, then waits for all of them to be gone; returns the survivors.
pub fn terminate_all(pids: &[u32], timeout: Duration) -> Vec<u32> {
    for &pid in pids {
        terminate(pid);
    }
    wait_blocking(timeout, || pids.iter().all(|&pid| !is_alive(pid)));
    pids.iter().copied().filter(|&pid| is_alive(pid)).collect()
}

/// Types `keys` (xdotool's names: `ctrl+w`) into the window named `name`, focused first,
/// as a user would; for a window no WebDriver session drives (one opened from the tray).
pub fn type_into_window(name: &str, keys: &str) {
    let found = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", name])
        .stderr(Stdio::null())
        .output()
        .expect("xdotool could not be run (install the xdotool package)");
    let found = String::from_utf8_lossy(&found.stdout).into_owned();
    let id = found
        .split_whitespace()
        .next()
        .unwrap_or_else(|| panic!("no window named {name:?} to type into"));
    let xdotool = |args: &[&str]| {
        let status = Command::new("xdotool")
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("xdotool could not be run (install the xdotool package)");
        assert!(status.success(), "xdotool {args:?} failed: {status}");
    };
    xdotool(&["windowfocus", "--sync", id]);
    xdotool(&["key", "--clearmodifiers", keys]);
}

/// Ids of X windows whose name matches `name` (`xdotool search --name`), shown or not.
pub fn x_windows_named(name: &str) -> Vec<String> {
    x_windows(&["search", "--name", name])
}

/// Ids of the X windows named `name` that are shown (mapped) on the display.
pub fn shown_x_windows_named(name: &str) -> Vec<String> {
    x_windows(&["search", "--onlyvisible", "--name", name])
}

fn x_windows(args: &[&str]) -> Vec<String> {
    let output = Command::new("xdotool")
        .args(args)
        .stderr(Stdio::null())
        .output()
        .expect("xdotool could not be run (install the xdotool package)");
    // Exit status 1 just means no window matched.
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}
