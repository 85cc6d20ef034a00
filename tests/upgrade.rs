//! Upgrade safety: a database file from every earlier schema version, made by the
//! project's own migrations of that time and committed under `tests/fixtures/`, is
//! opened by the current app (`Store::open`: integrity check, then migrations). Every
//! row of every table of the old file must still be there, value for value.
//!
//! The fixtures are made once by `make_fixtures` (run it with `--ignored` only when a
//! new schema version ships, to add that version's file; never rewrite an old one).

use chrono::Utc;
use high_hamstring_rehab::store::{migrations, Store, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn fixture(v: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{v}.db"))
}

/// Rows a user of version `v` could have: a little of everything that version stores.
const ROWS: &[(usize, &str)] = &[
    (1, "UPDATE settings SET allowed_pain = 3, theme = 'dark', reminder_window_start = 420, stretches_per_day = 3 WHERE id = 1"),
    (2, "INSERT INTO app_state VALUES ('close_notice_seen', '1', '2026-01-01T00:00:00Z')"),
    (3, "INSERT INTO exercise_sessions VALUES (1, '2026-03-01T08:00:00.000Z', '2026-03-01', '2026-03-01T08:40:00.000Z');
         INSERT INTO exercise_sessions VALUES (2, '2026-03-02T08:00:00.000Z', '2026-03-02', NULL);
         INSERT INTO exercise_sets VALUES (1, 1, 'glute_bridge', 1, 12, '2026-03-01T08:01:00.000Z');
         INSERT INTO exercise_sets VALUES (2, 1, 'glute_bridge', 2, 15, '2026-03-01T08:03:00.000Z');
         INSERT INTO exercise_sets VALUES (3, 2, 'front_plank', 1, 30, '2026-03-02T08:03:00.000Z');
         INSERT INTO exercise_pain VALUES (1, 'glute_bridge', 1, '2026-03-01T08:05:00.000Z');
         INSERT INTO test_results VALUES (1, 'standing_stretch', 'left', 1, '2026-03-01', '2026-03-01T07:00:00.000Z');
         INSERT INTO test_results VALUES (2, 'back_plank_leg_lifts', 'right', 0, '2026-03-01', '2026-03-01T07:00:00.000Z');
         INSERT INTO range_of_motion VALUES (1, 1, '2026-03-01', '2026-03-01T07:00:00.000Z');
         INSERT INTO ladder_moves (id, moved_at, local_date, from_step, to_step) VALUES (1, '2026-03-02T08:00:00.000Z', '2026-03-02', 1, 0);
         INSERT INTO progression_rules (id, effective_at, allowed_pain, sessions_to_progress) VALUES (2, '2026-03-02T09:00:00.000Z', 2, 2);
         INSERT INTO stretches VALUES (1, '2026-03-01T09:00:00.000Z', '2026-03-01', 'logged');
         INSERT INTO stretches VALUES (2, '2026-03-01T13:00:00.000Z', '2026-03-01', 'logged');"),
    (4, "UPDATE settings SET fixed_times = '09:00,13:00', grace_minutes = 90, snooze_minutes = 10;
         INSERT INTO reminder_slots VALUES ('2026-03-01', 540, 'done', '2026-03-01T09:00:00', NULL, 0);
         INSERT INTO reminder_slots VALUES ('2026-03-01', 780, 'snoozed', '2026-03-01T13:00:00', '2026-03-01T13:10:00', 0);
         INSERT INTO reminder_events VALUES (1, '2026-03-01', 540, 'done', 0, '2026-03-01T08:05:00.000Z');
         INSERT INTO pauses VALUES (1, '2026-03-01T10:00:00.000Z', '2026-03-01T12:00:00', 'hour', NULL);"),
    (5, "INSERT INTO running_plan VALUES (1, '2026-04-01', '2026-04-01T08:00:00.000Z');
         INSERT INTO runs VALUES (1, '2026-04-01', 2, NULL, 0, 'easy, \"fine\" — ça va', NULL, '2026-04-01T09:00:00.000Z');
         INSERT INTO runs VALUES (2, '2026-04-02', 3, NULL, 2, '', 'alternate_days', '2026-04-02T09:00:00.000Z');
         INSERT INTO running_targets VALUES (5, 25, 'volume', '2026-05-01T08:00:00.000Z');"),
    (6, "INSERT INTO pain_checkins VALUES (1, '2026-05-02T07:00:00.000Z', '2026-05-02', 'next_morning', 2, 'stiff');
         INSERT INTO pain_checkins VALUES (2, '2026-05-02T20:00:00.000Z', '2026-05-02', 'sitting', 1, '');
         INSERT INTO notes VALUES (1, '2026-05-02T07:00:00.000Z', '2026-05-02', 'new shoes');
         INSERT INTO trash VALUES (1, 'move', 9, '[]', '2026-05-02T07:00:00.000Z');"),
    (7, "INSERT INTO progression_rules VALUES (3, '2026-05-03T09:00:00.000Z', 3, 1, '2026-05-03', 'Dr Lee', 'slowly');
         INSERT INTO ladder_moves VALUES (2, '2026-05-04T08:00:00.000Z', '2026-05-04', 0, 1, '2026-05-04', '', '');"),
];

#[test]
#[ignore = "makes the fixture files; run only to add a new schema version's file"]
fn make_fixtures() {
    for v in 1..SCHEMA_VERSION {
        let path = fixture(v);
        if path.exists() {
            continue; // an old fixture is never rewritten
        }
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrations().to_version(&mut conn, v).unwrap();
        for (since, sql) in ROWS {
            if *since <= v {
                conn.execute_batch(sql).unwrap();
            }
        }
        conn.execute_batch("VACUUM").unwrap();
        println!("wrote {}", path.display());
    }
}

/// Every table's rows (on the old file's columns), as text.
fn rows_of(conn: &Connection, table: &str, columns: &[String]) -> Vec<String> {
    let list = columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn
        .prepare(&format!("SELECT {list} FROM \"{table}\" ORDER BY rowid"))
        .unwrap();
    let n = columns.len();
    let mut rows = stmt.query([]).unwrap();
    let mut out = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        out.push(
            (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join(" | "),
        );
    }
    out
}

fn tables(conn: &Connection) -> Vec<(String, Vec<String>)> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    names
        .into_iter()
        .map(|t| {
            let cols: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (t, cols)
        })
        .collect()
}

#[test]
fn every_earlier_schema_version_opens_in_this_version_with_every_row_kept() {
    let mut files = 0;
    let mut kept = 0;
    for v in 1..SCHEMA_VERSION {
        let path = fixture(v);
        assert!(path.exists(), "no fixture for schema {v}: run `cargo test --test upgrade make_fixtures -- --ignored` and commit it");
        let old =
            Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let version: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(
            version as usize,
            v,
            "{} is schema {version}",
            path.display()
        );
        let before: Vec<(String, Vec<String>, Vec<String>)> = tables(&old)
            .into_iter()
            .map(|(t, cols)| {
                let rows = rows_of(&old, &t, &cols);
                (t, cols, rows)
            })
            .collect();
        drop(old);

        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("rehab.db");
        std::fs::copy(&path, &copy).unwrap();
        let (store, set_aside) = Store::open(&copy, Utc::now()).unwrap();
        assert!(set_aside.is_none(), "schema {v} was set aside as damaged");
        drop(store);
        let new = Connection::open(&copy).unwrap();
        let now: i64 = new
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(now as usize, SCHEMA_VERSION);
        for (table, cols, rows) in before {
            let after = rows_of(&new, &table, &cols);
            for row in &rows {
                assert!(after.contains(row), "schema {v}: {table} lost {row}");
            }
            kept += rows.len();
        }
        files += 1;
    }
    println!("upgrade safety: {files} fixtures (schema 1 to {}) opened at schema {SCHEMA_VERSION}; {kept} rows kept", SCHEMA_VERSION - 1);
}

/// A user mid-way up the ladder keeps every step earned when the app that builds the dose
/// up arrives: two full-dose, pain-free days under the rule of their time (no build-up,
/// two sessions in a row to unlock) unlocked the plank; after the upgrade the plank is
/// still unlocked, though the same two days judged by today's rule would not unlock it.
#[test]
fn an_upgrade_keeps_the_step_earned_under_the_rule_before_the_dose_built_up() {
    use high_hamstring_rehab::service::program;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrations().to_version(&mut conn, 7).unwrap();
        let mut sql = String::from(
            "UPDATE settings SET sessions_to_progress = 2;
             UPDATE progression_rules SET sessions_to_progress = 2;",
        );
        for (id, day) in [(1, "2026-03-01"), (2, "2026-03-02")] {
            sql.push_str(&format!(
                "INSERT INTO exercise_sessions VALUES ({id}, '{day}T08:00:00.000Z', '{day}', '{day}T08:30:00.000Z');"
            ));
            for set in 1..=3 {
                sql.push_str(&format!(
                    "INSERT INTO exercise_sets (session_id, exercise_id, set_no, amount, recorded_at) VALUES ({id}, 'glute_bridge', {set}, 12, '{day}T08:0{set}:00.000Z');"
                ));
            }
            sql.push_str(&format!(
                "INSERT INTO exercise_pain VALUES ({id}, 'glute_bridge', 0, '{day}T08:10:00.000Z');"
            ));
        }
        conn.execute_batch(&sql).unwrap();
    }
    let (mut store, _) = Store::open(&path, Utc::now()).unwrap();
    let view = program::program(&mut store).unwrap();
    assert_eq!(
        view.progress.level, 1,
        "the plank unlocked before the upgrade stays unlocked: {}",
        view.progress.decision.reason
    );
    // The same two days under today's rule alone: still building the bridge's dose.
    let fresh = dir.path().join("fresh.db");
    let (mut today, _) = Store::open(&fresh, Utc::now()).unwrap();
    let conn = Connection::open(&fresh).unwrap();
    conn.execute_batch(&format!("UPDATE settings SET sessions_to_progress = 2; UPDATE progression_rules SET sessions_to_progress = 2; ATTACH '{}' AS old; INSERT INTO exercise_sessions SELECT * FROM old.exercise_sessions; INSERT INTO exercise_sets SELECT * FROM old.exercise_sets; INSERT INTO exercise_pain SELECT * FROM old.exercise_pain; DETACH old;", path.display())).unwrap();
    drop(conn);
    let fresh_view = program::program(&mut today).unwrap();
    assert_eq!(fresh_view.progress.level, 0, "today's rule would hold the step");
}
