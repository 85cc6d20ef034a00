//! The start-up trace `make bench` reads: with `HHR_STARTUP_TRACE` set, each start-up
//! step prints `hhr: step <name>: <start> <end>` on stderr, in milliseconds since `run`
//! began (the program's own start, after the system loaded it). Without the variable
//! nothing is printed. Steps the page measures (loading its modules, its first
//! commands, drawing the first screen) come back with `ui_ready` as wall-clock times
//! and are printed on the same scale.

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// When `run` began, as an instant and as milliseconds since the Unix epoch.
static START: OnceLock<(Instant, f64)> = OnceLock::new();
static ON: OnceLock<bool> = OnceLock::new();
/// When the Tauri builder began building (GTK, the event loop, the plugins).
static BUILDING: OnceLock<Instant> = OnceLock::new();

/// Starts the clock (the first thing `run` does).
pub fn begin() {
    START.get_or_init(|| {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0);
        (Instant::now(), wall)
    });
}

fn on() -> bool {
    *ON.get_or_init(|| std::env::var_os("HHR_STARTUP_TRACE").is_some())
}

fn ms(at: Instant) -> f64 {
    let (start, _) = START.get_or_init(|| (at, 0.0));
    at.saturating_duration_since(*start).as_secs_f64() * 1000.0
}

pub fn now() -> Instant {
    Instant::now()
}

/// Prints step `name`, from `from` until now.
pub fn step(name: &str, from: Instant) {
    if on() {
        eprintln!(
            "hhr: step {name}: {:.1} {:.1}",
            ms(from),
            ms(Instant::now())
        );
    }
}

/// A moment rather than a span: step `name`, of no length, now.
pub fn mark(name: &str) {
    if on() {
        let at = ms(Instant::now());
        eprintln!("hhr: step {name}: {at:.1} {at:.1}");
    }
}

/// Runs `f` as step `name`.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let from = Instant::now();
    let out = f();
    step(name, from);
    out
}

/// The Tauri builder starts building.
pub fn building() {
    BUILDING.get_or_init(Instant::now);
}

/// The app's own start-up begins (Tauri's setup): the build so far was GTK, Tauri and
/// the plugins.
pub fn built() {
    if let Some(from) = BUILDING.get() {
        step("GTK, Tauri and plugins", *from);
    }
}

/// A step the page measured, from and to wall-clock milliseconds since the Unix epoch.
pub fn page_step(name: &str, from: f64, to: f64) {
    if on() {
        let (_, start) = START.get().copied().unwrap_or((Instant::now(), from));
        eprintln!("hhr: step {name}: {:.1} {:.1}", from - start, to - start);
    }
}
