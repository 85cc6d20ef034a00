//! Hostile input: every command the window may call, called through the real IPC path
//! (mock runtime, real config and capabilities, real SQLite file) with random and
//! malformed arguments: wrong types, huge strings, overflowing and negative numbers,
//! floats where whole numbers go, dates far in the past or future, markup and script in
//! text. Each call must return a result or a clear error (nothing panics), and the
//! database must stay valid. The number of calls made is printed.
//!
//! Left out: the commands that close the window or quit (they end the run), and those
//! that write outside the app's data folder (export, save report): their inputs are
//! tested in tests/data.rs. Folders and file dialogs go through the mock's stand-in.

#[path = "common/mock.rs"]
mod mock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

/// (command, the names of its arguments as the window sends them)
const COMMANDS: &[(&str, &[&str])] = &[
    ("get_app_status", &[]),
    ("dismiss_recovery_notice", &[]),
    ("get_settings", &[]),
    ("update_settings", &["patch"]),
    ("send_test_reminder", &[]),
    ("ui_ready", &[]),
    ("dismiss_safety_notice", &[]),
    ("get_guide", &[]),
    ("get_protocol", &[]),
    ("get_today", &[]),
    ("get_program", &[]),
    ("move_step", &["toStep"]),
    ("start_session", &[]),
    ("get_active_session", &[]),
    ("record_set", &["sessionId", "exerciseId", "amount"]),
    ("undo_set", &["sessionId", "exerciseId"]),
    ("record_pain", &["sessionId", "exerciseId", "pain"]),
    ("finish_session", &["sessionId"]),
    ("get_self_tests", &[]),
    ("record_self_tests", &["input"]),
    ("log_stretch", &[]),
    ("get_reminders", &[]),
    ("answer_reminder", &["answer"]),
    ("pause_reminders", &["length", "until"]),
    ("resume_reminders", &[]),
    ("get_running", &[]),
    ("start_running", &["again", "date"]),
    ("log_run", &["input"]),
    ("set_run_target", &["week", "minutes", "focus"]),
    ("get_journal", &["filter"]),
    ("edit_entry", &["kind", "id", "field", "value"]),
    ("delete_entry", &["kind", "id"]),
    ("undo_delete", &["trashId"]),
    ("add_checkin", &["context", "pain", "note"]),
    ("add_note", &["text"]),
    ("get_charts", &["weeks"]),
    ("get_report", &[]),
    ("get_data", &[]),
    ("reset_export_folder", &[]),
    // The dialogs are the mock's (tests/common/mock.rs): unscripted, they cancel.
    ("choose_export_folder", &[]),
    ("choose_backup_file", &[]),
    ("restore_picked_backup", &[]),
    ("restore_backup", &["name"]),
    // The mock records the folder instead of starting the file manager.
    ("open_folder", &["which"]),
    ("backup_now", &[]),
];

const WORDS: &[&str] = &[
    "",
    "data",
    "backups",
    "export",
    "last_export",
    "last_report",
    "../x",
    "/etc",
    " ",
    "0",
    "1",
    "-1",
    "12",
    "abc",
    "NaN",
    "Infinity",
    "null",
    "true",
    "glute_bridge",
    "front_plank",
    "standing_stretch",
    "left",
    "right",
    "done",
    "snooze",
    "skip",
    "hour",
    "today",
    "tomorrow",
    "until",
    "sitting",
    "next_morning",
    "during_exercise",
    "other",
    "volume",
    "speed",
    "acceleration",
    "checkin",
    "run",
    "note",
    "session",
    "stretch",
    "test",
    "pain",
    "note",
    "text",
    "context",
    "painful",
    "pain:glute_bridge",
    "theme",
    "dark",
    "2026-11-24",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "1999-12-31",
    "24/11/2026",
    "2026-11-24T09:00",
    "25:99",
    "08:00",
    "21:00",
    "08:00,12:00",
    "/tmp",
    "relative/path",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"quoted\", comma\nnewline",
    "'; DROP TABLE runs; --",
    "ça va — 痛い 🦵",
    "\u{0}",
    "\u{202e}reversed",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(String::from),
        2 => ".{0,40}",
        1 => (1usize..4).prop_map(|k| "x".repeat(k * 50_000)),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-3i64..20).prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => Just(json!(i64::MAX)),
        1 => Just(json!(u64::MAX)),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        1 => Just(json!(1e308)),
        1 => Just(json!(-0.0)),
        1 => Just(json!(2.5)),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        3 => number(),
        3 => text().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        let keys = proptest::sample::select(
            &[
                "theme",
                "stretches_per_day",
                "allowed_pain",
                "reminder_window_start",
                "reminder_window_end",
                "fixed_times",
                "grace_minutes",
                "snooze_minutes",
                "start_at_login",
                "sessions_to_progress",
                "taken_on",
                "results",
                "test_id",
                "side",
                "painful",
                "range_of_motion_normal",
                "date",
                "sets",
                "minutes",
                "pain",
                "note",
                "override_rule",
                "from",
                "to",
                "kinds",
                "x",
            ][..],
        );
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((keys, inner), 0..6).prop_map(|kv| Value::Object(
                kv.into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect::<Map<_, _>>()
            )),
        ]
    })
}

/// One call: a command and an argument object (some arguments left out on purpose).
fn call() -> impl Strategy<Value = (usize, Vec<(bool, Value)>)> {
    (
        0..COMMANDS.len(),
        proptest::collection::vec((prop::bool::weighted(0.9), value()), 4),
    )
}

#[test]
fn every_command_survives_random_and_malformed_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let h = mock::start(dir.path());
    let mut runner = TestRunner::new(Config {
        cases: 3000,
        failure_persistence: None,
        ..Config::default()
    });
    let counts = std::cell::RefCell::new((0usize, 0usize));
    runner
        .run(&call(), |(index, args)| {
            let (command, names) = COMMANDS[index];
            let mut body = Map::new();
            for (name, (present, v)) in names.iter().zip(args) {
                if present {
                    body.insert((*name).to_string(), v);
                }
            }
            let result = h.invoke(command, Value::Object(body.clone()));
            let mut c = counts.borrow_mut();
            c.0 += 1;
            if let Err(error) = result {
                c.1 += 1;
                // A clear error: the app's {kind, message} or Tauri's own sentence about
                // arguments it could not read. Never an empty or missing message.
                let message = error
                    .get("message")
                    .and_then(Value::as_str)
                    .or(error.as_str())
                    .unwrap_or("");
                prop_assert!(
                    !message.trim().is_empty(),
                    "{command} {body:?} gave an unclear error {error}"
                );
                if let Some(kind) = error.get("kind").and_then(Value::as_str) {
                    prop_assert!(
                        kind != "storage",
                        "{command} {body:?} hit the database with a bad value: {message}"
                    );
                }
            }
            Ok(())
        })
        .unwrap();
    let (calls, refused) = *counts.borrow();
    let conn = rusqlite::Connection::open(dir.path().join("rehab.db")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "no dangling references");
    // And the app still works on the file afterwards.
    h.invoke("get_today", json!({}))
        .expect("today after the barrage");
    h.invoke("get_journal", json!({}))
        .expect("journal after the barrage");
    println!(
        "hostile input: {calls} calls to {} commands, {refused} refused with a clear error, none panicked; integrity_check ok",
        COMMANDS.len()
    );
}
