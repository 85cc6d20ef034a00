//! The session bus as an onlooker sees it: `dbus-monitor` records the messages that match
//! a rule into a file, so a test can wait until a process has sent a call (rather than
//! for time to pass and hope it has).

use crate::procs;
use crate::support::eventually;
use std::fs::File;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Monitor {
    child: Child,
    log: PathBuf,
}

impl Monitor {
    /// Starts `dbus-monitor` on the session bus for the match `rule`, writing to `log`,
    /// and waits until it is monitoring (the bus has taken its name away: `NameLost`).
    pub async fn start(rule: &str, log: PathBuf) -> Monitor {
        let out = File::create(&log).expect("create the bus monitor's log");
        let child = Command::new("dbus-monitor")
            .args(["--session", rule])
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-monitor could not be run (install the dbus package)");
        let monitor = Monitor { child, log };
        let m = &monitor;
        eventually("dbus-monitor to start monitoring the session bus", || async move {
            let text = m.text();
            if text.contains("member=NameLost") {
                Ok(())
            } else {
                Err(format!("its output so far: {text:?}"))
            }
        })
        .await;
        monitor
    }

    /// Everything recorded so far, as dbus-monitor prints it.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&std::fs::read(&self.log).unwrap_or_default()).into_owned()
    }

    /// How many calls of `member` were seen, with `arg` (dbus-monitor's line of their first
    /// argument, e.g. `uint32 1`) when given.
    pub fn calls(&self, member: &str, arg: Option<&str>) -> usize {
        let text = self.text();
        let lines: Vec<&str> = text.lines().collect();
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with("method call ") && l.contains(&format!("member={member}")))
            .filter(|(k, _)| arg.map_or(true, |a| lines.get(k + 1).is_some_and(|n| n.trim() == a)))
            .count()
    }

    /// The unique names of the connections that sent the method calls seen so far.
    pub fn callers(&self) -> Vec<String> {
        self.text()
            .lines()
            .filter(|l| l.starts_with("method call "))
            .filter_map(|l| l.split_whitespace().find_map(|w| w.strip_prefix("sender=")))
            .map(String::from)
            .collect()
    }
}

impl Drop for Monitor {
    fn drop(&mut self) {
        procs::terminate_child(&mut self.child, Duration::from_secs(5));
    }
}
