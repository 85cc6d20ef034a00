//! The tests' fake clock itself: the app's test build must see the time the test set on
//! every read, from any thread, or a test fails now and then for no fault of the app.
//!
//! libfaketime with its offset file read on every call is not thread-safe: each read
//! resets and re-parses shared state, and a read on one thread while another reads can
//! come back as the real time. The app once read the clock that way (a day's reminders
//! were once planned at the real evening time, failing `today::…`); now its test build
//! reads the offset file itself (`shell/clock.rs`). This test reads the app's clock,
//! `shell::clock::now`, from eight threads at once in a process with libfaketime
//! preloaded exactly as the app is, and requires every read to be on the fake day.

use crate::support::fake_clock_env;
use high_hamstring_rehab::shell::clock;
use std::process::Command;

/// Two days ahead: far from the real time, so a real-time read cannot pass for a fake one.
const OFFSET_SECONDS: i64 = 2 * 24 * 3600;
const THREADS: usize = 8;
const READS_PER_THREAD: usize = 50_000;
const CHILD: &str = "HHR_E2E_CLOCK_CHILD";

#[test]
fn the_apps_test_clock_keeps_the_fake_time_when_eight_threads_read_it_at_once() {
    let dir = tempfile::tempdir().expect("a temp directory");
    let file = dir.path().join("faketime-offset");
    std::fs::write(&file, format!("{OFFSET_SECONDS:+}\n")).expect("write the offset");
    let exe = std::env::current_exe().expect("this test binary");
    let out = Command::new(exe)
        .args([
            "--exact",
            "clock::reads_from_eight_threads",
            "--ignored",
            "--nocapture",
        ])
        .envs(fake_clock_env(&file))
        .env(CHILD, "1")
        .output()
        .expect("run the reading process");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Only the count: the reading process's own "test … ok" line is not this suite's.
    for line in text.lines().filter(|l| l.contains("reads:")) {
        println!("{line}");
    }
    assert!(
        text.contains(&format!("reads: {}", THREADS * READS_PER_THREAD)),
        "the reading process did not read the clock: {text}"
    );
    assert!(out.status.success(), "reads off the fake time: {text}");
}

/// Run by the test above in a process with libfaketime preloaded; does nothing alone.
#[test]
#[ignore = "run by the_apps_test_clock_keeps_the_fake_time_…, with libfaketime preloaded"]
fn reads_from_eight_threads() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let threads: Vec<_> = (0..THREADS)
        .map(|_| {
            std::thread::spawn(|| {
                let mut off = Vec::new();
                for _ in 0..READS_PER_THREAD {
                    let at = clock::now().utc;
                    let ahead = at.signed_duration_since(real_now()).num_seconds();
                    // On the fake clock, `at` is two days (less a few seconds) ahead.
                    if (ahead - OFFSET_SECONDS).abs() > 60 {
                        off.push(at);
                    }
                }
                off
            })
        })
        .collect();
    let off: Vec<_> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("a reading thread"))
        .collect();
    println!(
        "reads: {}, off the fake time: {}",
        THREADS * READS_PER_THREAD,
        off.len()
    );
    assert!(
        off.is_empty(),
        "{} reads off the fake time, e.g. {:?}",
        off.len(),
        off.first()
    );
}

/// The real time, read with the system call (libfaketime does not intercept it).
fn real_now() -> chrono::DateTime<chrono::Utc> {
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
    assert_eq!(rc, 0, "clock_gettime");
    chrono::DateTime::from_timestamp(ts.tv_sec, 0).expect("a valid time")
}
