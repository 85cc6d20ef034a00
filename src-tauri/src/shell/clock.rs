//! The one place the app reads the system clock. Everything below the shell gets the
//! moment as a [`Now`], made here.

use crate::core::dates::Now;

/// Now: the UTC instant and the wall-clock time in the system's zone, read together.
pub fn now() -> Now {
    #[cfg(all(feature = "e2e", target_os = "linux"))]
    if let Some(at) = test_clock::now() {
        return Now::of(at);
    }
    Now::of(chrono::Local::now())
}

/// The end-to-end tests' clock (only in the test build): the real time plus an offset the
/// test writes to the file named by `HHR_E2E_CLOCK_FILE`, read on every call, so a test
/// can move a running app's clock. The pages take their day from the app's views, so the
/// web view needs no fake clock of its own.
///
/// Why not libfaketime (used before): with its offset file read on every call it is not
/// thread-safe (each read resets and re-parses shared static state), so a read on one
/// thread while another thread read the clock could come back as the real time; with
/// the app reading the clock on several threads, that made a test fail now and then (a
/// day's reminders planned at the real evening time). Measured: 8 threads reading
/// through it, some hundred reads in 1.5 million off by a day; one thread, none.
#[cfg(all(feature = "e2e", target_os = "linux"))]
mod test_clock {
    use chrono::{DateTime, Duration, Local};
    use std::sync::atomic::{AtomicI64, Ordering};

    /// The last offset read, used if the file cannot be read (the test replaces it whole
    /// by a rename, so that should not happen).
    static LAST: AtomicI64 = AtomicI64::new(0);

    pub fn now() -> Option<DateTime<Local>> {
        let file = std::env::var_os("HHR_E2E_CLOCK_FILE")?;
        let offset = match std::fs::read_to_string(file)
            .ok()
            .and_then(|text| text.trim().parse::<i64>().ok())
        {
            Some(secs) => {
                LAST.store(secs, Ordering::Relaxed);
                secs
            }
            None => LAST.load(Ordering::Relaxed),
        };
        Some(Local::now() + Duration::seconds(offset))
    }
}
