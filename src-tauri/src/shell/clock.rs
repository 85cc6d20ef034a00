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
/// through it, some hundred reads in 1.5 million off by a day; one thread, none. The
/// real time is read with the system call itself, so the app is right even if a
/// library that fakes the C library's clock is preloaded.
#[cfg(all(feature = "e2e", target_os = "linux"))]
mod test_clock {
    use chrono::{DateTime, Local, TimeZone};
    use std::sync::atomic::{AtomicI64, Ordering};

    /// The last offset read, used if the file cannot be read (it is replaced whole by a
    /// rename, so that should not happen).
    static LAST: AtomicI64 = AtomicI64::new(0);

    pub fn now() -> Option<DateTime<Local>> {
        let file = std::env::var_os("HHR_E2E_CLOCK_FILE")?;
        let offset = std::fs::read_to_string(file)
            .ok()
            .and_then(|text| text.trim().parse::<i64>().ok())
            .map(|secs| {
                LAST.store(secs, Ordering::Relaxed);
                secs
            })
            .unwrap_or_else(|| LAST.load(Ordering::Relaxed));
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec for the call's whole duration.
        let rc = unsafe {
            libc::syscall(
                libc::SYS_clock_gettime,
                libc::CLOCK_REALTIME,
                &mut ts as *mut libc::timespec,
            )
        };
        if rc != 0 {
            return None;
        }
        let nanos = u32::try_from(ts.tv_nsec).unwrap_or(0);
        Local
            .timestamp_opt(ts.tv_sec.saturating_add(offset), nanos)
            .single()
    }
}
