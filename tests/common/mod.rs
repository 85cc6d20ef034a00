//! Shared by the integration tests: a week of use seeded through the app's own services
//! (the same calls the window's commands make), and a full dump of a database file.
#![allow(dead_code)]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::program::{self, RecordTests, TestInput};
use high_hamstring_rehab::service::reminders::{self, Answer};
use high_hamstring_rehab::service::{journal, running};
use high_hamstring_rehab::store::Store;
use serde_json::json;
use std::path::Path;

/// Local = UTC in these tests: `hour`:00 on `date`.
pub fn now_at(date: NaiveDate, hour: u32) -> Now {
    clock_at(date, hour, 0)
}

/// Local = UTC: `hour`:`minute` on `date`.
pub fn clock_at(date: NaiveDate, hour: u32, minute: u32) -> Now {
    Now::of(Utc.from_utc_datetime(&date.and_hms_opt(hour, minute, 0).unwrap()))
}

/// Every self-test pain-free on both legs and the range of motion normal, on `now`'s
/// day, then week 1 of the running plan started (again, if one was under way).
pub fn start_running(store: &mut Store, now: Now) {
    let results = ["standing_stretch", "bent_knee_stretch", "back_plank_leg_lifts"]
        .iter()
        .flat_map(|t| {
            ["left", "right"].map(|side| TestInput {
                test_id: t.to_string(),
                side: side.into(),
                painful: false,
            })
        })
        .collect();
    let tests = RecordTests {
        taken_on: now.today.to_string(),
        results,
        range_of_motion_normal: Some(true),
    };
    program::record_tests(store, now, &tests).unwrap();
    running::start(store, now, true, None).unwrap();
}

/// Seven days from `first`: gate tests on day 1 (self-tests, plank pain-free), an
/// exercise session every day (pain 1 on day 4), the 08:00 reminder answered Done, two
/// stretches logged, a next-morning check-in, runs on alternate days from day 2, and a
/// note with commas, quotes, a newline and accents on day 3.
pub fn seed_week(store: &mut Store, first: NaiveDate) {
    let side = |t: &str, s: &str, painful: bool| TestInput {
        test_id: t.into(),
        side: s.into(),
        painful,
    };
    program::record_tests(
        store,
        now_at(first, 7),
        &RecordTests {
            taken_on: first.to_string(),
            results: vec![
                side("standing_stretch", "left", true),
                side("standing_stretch", "right", false),
                side("bent_knee_stretch", "left", false),
                side("bent_knee_stretch", "right", false),
                side("back_plank_leg_lifts", "left", false),
                side("back_plank_leg_lifts", "right", false),
            ],
            range_of_motion_normal: Some(true),
        },
    )
    .unwrap();
    running::start(store, now_at(first, 7), true, None).unwrap();
    for d in 0..7 {
        let date = first + Duration::days(d);
        reminders::tick(store, clock_at(date, 8, 5)).unwrap();
        reminders::answer(store, clock_at(date, 8, 6), Answer::Done).unwrap();
        let s = program::start_session(store, now_at(date, 9)).unwrap();
        for _ in 0..3 {
            program::record_set(
                store,
                now_at(date, 9),
                s.id,
                "glute_bridge",
                Whole::from(12),
            )
            .unwrap();
        }
        program::record_pain(
            store,
            now_at(date, 9),
            s.id,
            "glute_bridge",
            Whole::from(if d == 3 { 1 } else { 0 }),
        )
        .unwrap();
        program::finish_session(store, now_at(date, 9), s.id).unwrap();
        program::log_stretch(store, now_at(date, 13)).unwrap();
        program::log_stretch(store, now_at(date, 18)).unwrap();
        journal::checkin(
            store,
            now_at(date, 7),
            "next_morning",
            &Whole::from(d % 3),
            "",
        )
        .unwrap();
        if d % 2 == 1 {
            let run = running::LogRun {
                date: date.to_string(),
                sets: json!(2 + d / 2),
                pain: json!(0),
                note: "easy, \"steady\"".into(),
                ..Default::default()
            };
            running::log_run(store, now_at(date, 17), &run).unwrap();
        }
        if d == 2 {
            journal::add_note(
                store,
                now_at(date, 20),
                "New shoes, \"light\" ones;\nfelt fine — très bien",
            )
            .unwrap();
        }
    }
}

/// Every row of every table, in rowid order, as text: equal dumps mean equal databases.
pub fn dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{table}: {}", cells.join(" | ")));
        }
    }
    out
}

pub fn open(path: &Path) -> Store {
    Store::open(path, Utc::now()).unwrap().0
}

/// The app's folders inside a test's temp folder (data, its backups, a default export).
pub fn data_folders(dir: &std::path::Path) -> high_hamstring_rehab::service::data::Folders {
    high_hamstring_rehab::service::data::Folders {
        data: dir.join("data"),
        backups: dir.join("data/backups"),
        default_export: dir.join("Documents/High Hamstring Rehab"),
    }
}

/// The message of a refusal naming the field `path` (a restore refused).
pub fn path_error(err: high_hamstring_rehab::service::ServiceError) -> String {
    match err {
        high_hamstring_rehab::service::ServiceError::Invalid(e) if e.field == "path" => e.message,
        other => panic!("expected a refused path, got {other:?}"),
    }
}

/// A database with two logged stretches whose index `stretches_by_date` no longer
/// matches its table (its definition names another column): SQLite's `quick_check`
/// passes it, `integrity_check` does not. Its setup is done (a window opens on Today),
/// and that last change is left in its -wal, not folded back into the file (a close that
/// checkpoints would change both). Returns the bytes of the file and of its -wal.
pub fn with_a_damaged_index(path: &Path) -> (Vec<u8>, Vec<u8>) {
    use rusqlite::config::DbConfig;
    {
        let mut store = open(path);
        for day in [1, 2] {
            let at = Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap();
            program::log_stretch(&mut store, Now::of(at)).unwrap();
        }
    }
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = 'CREATE INDEX stretches_by_date ON stretches (done_at)'
          WHERE name = 'stretches_by_date';",
    )
    .unwrap();
    drop(conn);
    let keep_wal = |conn: &rusqlite::Connection| {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .unwrap();
    };
    let conn = rusqlite::Connection::open(path).unwrap();
    keep_wal(&conn);
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0; UPDATE settings SET setup = 'done';")
        .unwrap();
    let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
    let full: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(quick, "ok", "the quick check should pass the damaged index");
    assert_ne!(full, "ok", "the full check should find the damaged index");
    drop(conn);
    let wal = std::fs::read(format!("{}-wal", path.display())).unwrap();
    assert!(!wal.is_empty(), "the last change should be in the -wal");
    (std::fs::read(path).unwrap(), wal)
}
