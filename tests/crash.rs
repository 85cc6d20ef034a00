#![cfg(unix)]
//! Crash safety: a child process writes records through the app's services as fast as it
//! can, printing each one only after the service has returned success (the moment the
//! window would say "saved"). The parent kills it with SIGKILL at a random moment, many
//! times over the same file. After every kill the file must pass `PRAGMA
//! integrity_check` and hold every record the child had confirmed.
//!
//! The child is this same test binary, run again with `HHR_CRASH_CHILD` set.

mod common;

use chrono::{Duration, NaiveDate};
use common::now_at;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::{journal, program};
use high_hamstring_rehab::store::Store;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const KILLS: usize = 300;

/// The child: checks in, notes and exercise sets, one after another, forever.
#[test]
#[ignore = "run by crash_safety_under_sigkill as its child process"]
fn crash_child_writer() {
    let Ok(path) = std::env::var("HHR_CRASH_CHILD") else {
        return;
    };
    let (mut store, _) = Store::open(Path::new(&path), chrono::Utc::now()).expect("open");
    let out = std::io::stdout();
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let round: i64 = std::env::var("HHR_CRASH_ROUND").unwrap().parse().unwrap();
    let mut n: i64 = 0;
    loop {
        n += 1;
        let day = day0 + Duration::days(round * 10 + n / 200);
        let now = now_at(day, 8);
        let tag = format!("r{round}-n{n}");
        match n % 3 {
            0 => {
                journal::checkin(&mut store, now, "sitting", &Whole::from(n % 11), &tag).unwrap();
                writeln!(out.lock(), "checkin {tag}").unwrap();
            }
            1 => {
                journal::add_note(&mut store, now, &tag).unwrap();
                writeln!(out.lock(), "note {tag}").unwrap();
            }
            _ => {
                let s = program::start_session(&mut store, now).unwrap();
                let v = program::record_set(&mut store, now, s.id, "glute_bridge", Whole::from(12))
                    .unwrap();
                let sets = v
                    .exercises
                    .iter()
                    .find(|e| e.id == "glute_bridge")
                    .map(|e| e.sets.len())
                    .unwrap_or(0);
                writeln!(out.lock(), "set {} {sets}", s.id).unwrap();
                if sets >= 10 {
                    program::record_pain(&mut store, now, s.id, "glute_bridge", Whole::from(0))
                        .unwrap();
                    program::finish_session(&mut store, now, s.id).unwrap();
                }
            }
        }
        out.lock().flush().unwrap();
    }
}

/// A small deterministic generator (no dependency): the kill moments vary run to run of
/// the loop but the test is repeatable.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn crash_safety_under_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rehab.db");
    let me = std::env::current_exe().unwrap();
    let mut rng = Lcg(0x5eed_1234);
    let mut confirmed_notes: Vec<String> = Vec::new();
    let mut confirmed_checkins: Vec<String> = Vec::new();
    let mut confirmed_sets: std::collections::BTreeMap<i64, usize> = Default::default();
    let started = Instant::now();
    for round in 0..KILLS {
        let mut child = Command::new(&me)
            .args([
                "crash_child_writer",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("HHR_CRASH_CHILD", &db)
            .env("HHR_CRASH_ROUND", round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        // Read what the child confirms on another thread; kill it after a random number
        // of confirmations (so every kill lands mid-work, at a different point). Few per
        // round (1 to 24) so that 300 kills fit in a few minutes: each confirmation is a
        // synced commit, and the kills, not the writes, are what this test counts.
        let wanted = 1 + rng.next(24) as usize;
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut lines = Vec::new();
        while lines.len() < wanted {
            match rx.recv_timeout(std::time::Duration::from_secs(30)) {
                Ok(line) => lines.push(line),
                Err(e) => panic!("round {round}: the child stopped confirming ({e})"),
            }
        }
        // A random short extra delay so the kill also lands between confirmations.
        std::thread::sleep(std::time::Duration::from_micros(rng.next(3000)));
        unsafe {
            libc_kill(child.id() as i32, 9);
        }
        let status = child.wait().unwrap();
        assert!(!status.success(), "round {round}: the child was not killed");
        reader.join().unwrap();
        lines.extend(rx.try_iter());
        for line in lines {
            let mut parts = line.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some("note"), Some(tag), None) => confirmed_notes.push(tag.into()),
                (Some("checkin"), Some(tag), None) => confirmed_checkins.push(tag.into()),
                (Some("set"), Some(id), Some(n)) => {
                    let e = confirmed_sets.entry(id.parse().unwrap()).or_default();
                    *e = (*e).max(n.parse().unwrap());
                }
                _ => {} // the test harness's own lines ("running 1 test")
            }
        }

        // After each kill: the file is whole and holds everything confirmed.
        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        let notes: std::collections::HashSet<String> = conn
            .prepare("SELECT text FROM notes")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for tag in &confirmed_notes {
            assert!(
                notes.contains(tag),
                "round {round}: confirmed note {tag} lost"
            );
        }
        let checkins: std::collections::HashSet<String> = conn
            .prepare("SELECT note FROM pain_checkins")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for tag in &confirmed_checkins {
            assert!(
                checkins.contains(tag),
                "round {round}: confirmed check-in {tag} lost"
            );
        }
        for (session, sets) in &confirmed_sets {
            let have: i64 = conn
                .query_row(
                    "SELECT count(*) FROM exercise_sets WHERE session_id = ?1",
                    [session],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(
                have as usize >= *sets,
                "round {round}: session {session} had {sets} sets confirmed, {have} in the file"
            );
        }
    }
    let confirmed =
        confirmed_notes.len() + confirmed_checkins.len() + confirmed_sets.values().sum::<usize>();
    println!(
        "crash safety: {KILLS} SIGKILLs survived; {confirmed} confirmed writes all present ({} notes, {} check-ins, {} sets) and integrity_check ok after each; {:.1} s",
        confirmed_notes.len(),
        confirmed_checkins.len(),
        confirmed_sets.values().sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
}

extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}
