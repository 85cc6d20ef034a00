#![cfg(unix)]
//! Hostile input: every command the window may call (the `allow-*` grants of
//! src-tauri/capabilities/main.json, checked against this file's table so a new grant
//! without a row fails), called through the real IPC path (mock runtime, real config and
//! capabilities, a real SQLite file) with random and malformed arguments: missing ones,
//! wrong types, huge strings, overflowing numbers, markup, and for the commands that take
//! a path: paths outside the data folder, `..` segments, the live database and a symlink
//! to it, /dev/zero, /dev/null, a FIFO, a 1 GB sparse file, a foreign SQLite file with a
//! `settings` table at user_version 6.
//!
//! What each call must do:
//! - return, within 30 s (a watchdog ends the run naming the call otherwise: a FIFO
//!   opened for reading would block), without panicking;
//! - succeed, or refuse with the app's own error: `kind` one of error.rs's kinds,
//!   a non-empty `message`, and for `invalid_input` a non-empty `field`. Tauri's bare
//!   string for an argument it could not read is not accepted: the window can only
//!   show it as an unknown error (commands take such arguments as `shell::input::Input`).
//!   `storage` and `window` refusals are accepted only from commands that touch files
//!   outside the database (export, report, backup, restore, open folder); from any other
//!   command a `storage` error means a bad value reached SQLite;
//! - if refused, write nothing: SQLite's `data_version`, read on a separate connection,
//!   is unchanged (it changes whenever another connection commits: exact for commits
//!   by the app's connection, shown at the start by a planted write), the data and
//!   backup folders list the same files, and for a sample of refused calls of writing
//!   commands a full dump of every table is equal before and after.
//!
//! Every 1000 calls the file passes `quick_check` and `foreign_key_check`; at the end
//! `integrity_check`, and the app still answers. The seed is printed; set it with
//! HHR_HOSTILE_SEED (and the number of calls with HHR_HOSTILE_CALLS) to replay a run.
//! The app's clock is the real one, so a replay is the same calls, not always the same
//! answers.
//!
//! No plugin is registered on the mock runtime: the file manager and the file dialogs are
//! the mock's stand-in (`ScriptedDesktop`), so an `open_folder` the app accepts is
//! recorded, not opened, and an unscripted dialog cancels. A backup to restore is named,
//! never a path: the hostile files (a link to the live database, a FIFO, a 1 GB sparse
//! file, a foreign database) are put in the backups folder under backup-like names, so
//! the app lists them and must still refuse them. The files live on /dev/shm when it exists: this test is
//! about refusals, and a sync per commit on a disk would make 10^5 calls take minutes
//! (durability has its own tests).

mod common;
#[path = "common/mock.rs"]
mod mock;
#[path = "hostile/sandbox.rs"]
mod sandbox;
#[path = "hostile/values.rs"]
mod values;

use proptest::prelude::*;
use proptest::strategy::{BoxedStrategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use sandbox::{s, Sandbox};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use values::{text, value};

/// How an argument's values are made.
#[derive(Clone, Copy)]
enum Arg {
    /// Any JSON: numbers, text, null, arrays, objects.
    Any,
    /// The name of a listed backup to restore: the names of hostile files placed in the
    /// backups folder under backup-like names, and paths and other names.
    Backup,
    /// A folder to open by name: the five names and near misses, paths, `..`.
    Folder,
}
use Arg::*;

/// What a command may do, which decides what the test checks after a refusal.
enum Does {
    /// Reads only (or writes nothing to the database).
    Read,
    /// May write the database.
    Write,
    /// May write the database and files beside it or elsewhere.
    Files,
    /// Not called, for this reason.
    Excluded(&'static str),
}
use Does::*;

/// Every command the window is granted, with its arguments as the window sends them.
const COMMANDS: &[(&str, &[(&str, Arg)], Does)] = &[
    ("get_app_status", &[], Read),
    ("get_first_screen", &[], Write),
    ("dismiss_recovery_notice", &[], Read),
    ("get_settings", &[], Read),
    ("update_settings", &[("patch", Any)], Write),
    ("send_test_reminder", &[], Read),
    ("ui_ready", &[("todayRoundTripMs", Any), ("pageSteps", Any)], Read),
    ("get_setup", &[], Read),
    ("finish_setup", &[("outcome", Any)], Write),
    ("get_guide", &[], Read),
    ("get_protocol", &[], Read),
    ("get_demonstration", &[("id", Any)], Read),
    ("get_today", &[], Write),
    ("get_program", &[], Read),
    ("move_step", &[("toStep", Any), ("advice", Any)], Write),
    ("start_session", &[], Write),
    ("get_active_session", &[], Read),
    (
        "record_set",
        &[("sessionId", Any), ("exerciseId", Any), ("amount", Any)],
        Write,
    ),
    (
        "undo_set",
        &[("sessionId", Any), ("exerciseId", Any)],
        Write,
    ),
    (
        "record_pain",
        &[("sessionId", Any), ("exerciseId", Any), ("pain", Any)],
        Write,
    ),
    ("finish_session", &[("sessionId", Any)], Write),
    ("get_self_tests", &[], Read),
    ("record_self_tests", &[("input", Any)], Write),
    ("log_stretch", &[], Write),
    ("get_reminders", &[], Write),
    ("answer_reminder", &[("answer", Any)], Write),
    ("pause_reminders", &[("length", Any), ("until", Any)], Write),
    ("resume_reminders", &[], Write),
    ("desktop_notes", &[], Read),
    ("get_running", &[], Read),
    ("start_running", &[("again", Any), ("date", Any)], Write),
    ("log_run", &[("input", Any)], Write),
    (
        "set_run_target",
        &[("week", Any), ("minutes", Any), ("focus", Any)],
        Write,
    ),
    ("get_journal", &[("filter", Any)], Read),
    (
        "edit_entry",
        &[("kind", Any), ("id", Any), ("field", Any), ("value", Any)],
        Write,
    ),
    ("delete_entry", &[("kind", Any), ("id", Any)], Write),
    ("undo_delete", &[("trashId", Any)], Write),
    (
        "add_checkin",
        &[("context", Any), ("pain", Any), ("note", Any)],
        Write,
    ),
    ("add_note", &[("text", Any)], Write),
    ("get_charts", &[("weeks", Any)], Read),
    ("get_report", &[], Read),
    ("save_report", &[], Files),
    ("get_data", &[], Read),
    // The dialogs are the mock's (tests/common/mock.rs): unscripted, they cancel.
    ("choose_export_folder", &[], Write),
    ("reset_export_folder", &[], Write),
    ("export_csv", &[], Files),
    ("backup_now", &[], Files),
    ("restore_backup", &[("name", Backup)], Files),
    ("choose_backup_file", &[], Read),
    ("restore_picked_backup", &[], Files),
    ("open_folder", &[("which", Folder)], Files),
    ("cancel_close", &[], Read),
    (
        "request_close",
        &[],
        Excluded("closes the window the calls are made from"),
    ),
    (
        "close_to_tray",
        &[],
        Excluded("destroys the window the calls are made from"),
    ),
    ("quit_app", &[], Excluded("exits the app")),
];

/// The kinds of CommandError (src-tauri/src/shell/error.rs).
const KINDS: &[&str] = &[
    "invalid_input",
    "not_found",
    "rule",
    "storage",
    "notification",
    "window",
    "system",
];

/// A full dump before and after every this-many-th call of a writing command.
const DUMP_EVERY: usize = 10;
/// A quick check of the whole file every this-many calls.
const CHECK_EVERY: usize = 1000;
/// A call that has not returned after this long is reported as blocked.
const STUCK_AFTER: Duration = Duration::from_secs(30);

fn strategy_for(kind: Arg, sandbox: &Arc<Sandbox>) -> BoxedStrategy<Option<Value>> {
    let values = match kind {
        Any => return prop_oneof![1 => Just(None), 9 => value().prop_map(Some)].boxed(),
        Backup => sandbox.backups.clone(),
        Folder => sandbox.folders.clone(),
    };
    prop_oneof![
        1 => Just(None),
        12 => proptest::sample::select(values).prop_map(|v| Some(Value::from(v))),
        3 => text().prop_map(|t| Some(Value::from(t))),
        2 => value().prop_map(Some),
    ]
    .boxed()
}

/// The commands named by the window's capability (`allow-get-today` → `get_today`).
fn granted() -> BTreeSet<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities/main.json");
    let capability: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|name| name.replace('-', "_"))
        .collect()
}

/// `Ok(kind)` for a clear refusal, `Err(why)` otherwise.
fn judge(error: &Value, does: &Does) -> Result<String, String> {
    let Some(kind) = error.get("kind").and_then(Value::as_str) else {
        return Err("not the app's {kind, message} (Tauri's own refusal?)".into());
    };
    if !KINDS.contains(&kind) {
        return Err(format!("kind {kind:?} is not one of the app's"));
    }
    let message = error.get("message").and_then(Value::as_str).unwrap_or("");
    if message.trim().is_empty() {
        return Err("no message".into());
    }
    let field = error.get("field").and_then(Value::as_str).unwrap_or("");
    if matches!(kind, "invalid_input" | "not_found") && field.trim().is_empty() {
        return Err(format!("{kind} without the field at fault"));
    }
    if matches!(kind, "storage" | "window") && !matches!(does, Files) {
        return Err(format!(
            "a {kind} error from a command that touches no file: a bad value reached the database?"
        ));
    }
    Ok(kind.to_string())
}

/// The names of the files in the data and backup folders.
fn files_in(data: &Path) -> BTreeSet<String> {
    [data.to_path_buf(), data.join("backups")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
        .map(|e| s(e.path()))
        .collect()
}

fn data_version(watch: &rusqlite::Connection) -> i64 {
    watch
        .query_row("PRAGMA data_version", [], |r| r.get(0))
        .unwrap()
}

/// Ends the process, naming the call, if one call runs longer than `STUCK_AFTER`.
fn watchdog() -> Arc<Mutex<Option<(Instant, String)>>> {
    let current: Arc<Mutex<Option<(Instant, String)>>> = Arc::default();
    let seen = current.clone();
    // A watchdog, not a wait: it looks once a second whether the current call is stuck.
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(1));
        if let Some((since, call)) = &*seen.lock().unwrap() {
            if since.elapsed() > STUCK_AFTER {
                eprintln!(
                    "hostile: FAILED: {call} has not returned after {STUCK_AFTER:?} (blocked)"
                );
                std::process::exit(101);
            }
        }
    });
    current
}

fn short(v: &Value) -> String {
    let t = v.to_string();
    match t.char_indices().nth(160) {
        Some((i, _)) => format!("{}… ({} chars)", &t[..i], t.chars().count()),
        None => t,
    }
}

#[test]
fn every_granted_command_refuses_hostile_input_clearly_and_writes_nothing() {
    let started = Instant::now();
    let base = Path::new("/dev/shm");
    let dir = if base.is_dir() {
        tempfile::tempdir_in(base).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    // The default export folder is under $HOME/Documents: keep it in the sandbox. This
    // is the only test in this binary, so no other thread reads the environment.
    std::env::set_var("HOME", dir.path().join("home"));
    std::env::set_var("XDG_CONFIG_HOME", dir.path().join("home/.config"));
    std::env::remove_var("XDG_DOCUMENTS_DIR");
    let sandbox = Arc::new(Sandbox::new(dir.path()));

    // The table covers exactly what the window is granted.
    let table: BTreeSet<String> = COMMANDS.iter().map(|c| c.0.to_string()).collect();
    assert_eq!(COMMANDS.len(), table.len(), "a command listed twice");
    let granted = granted();
    assert_eq!(
        table,
        granted,
        "the table must list every command the window is granted: missing {:?}, not granted {:?}",
        granted.difference(&table).collect::<Vec<_>>(),
        table.difference(&granted).collect::<Vec<_>>()
    );
    let excluded: Vec<String> = COMMANDS
        .iter()
        .filter_map(|(name, _, does)| match does {
            Excluded(why) => Some(format!("{name}: {why}")),
            _ => None,
        })
        .collect();
    let callable: Vec<usize> = (0..COMMANDS.len())
        .filter(|&i| !matches!(COMMANDS[i].2, Excluded(_)))
        .collect();

    let seed: u64 = match std::env::var("HHR_HOSTILE_SEED") {
        Ok(v) => v.parse().expect("HHR_HOSTILE_SEED is a number"),
        Err(_) => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap();
            t.as_nanos() as u64 ^ u64::from(std::process::id()).rotate_left(32)
        }
    };
    let calls: usize = std::env::var("HHR_HOSTILE_CALLS")
        .map(|v| v.parse().expect("HHR_HOSTILE_CALLS is a number"))
        .unwrap_or(100_000);
    println!("hostile: seed {seed} (replay with HHR_HOSTILE_SEED={seed})");

    let h = mock::start(&sandbox.data);
    let live = sandbox.data.join("rehab.db");
    let watch = rusqlite::Connection::open(&live).unwrap();

    // The detector works: a write the app confirms is seen by data_version and the dump.
    let (v0, d0) = (data_version(&watch), common::dump(&live));
    h.invoke(
        "add_note",
        json!({"text": "planted: the detector must see this"}),
    )
    .expect("a note is saved");
    assert_ne!(
        data_version(&watch),
        v0,
        "data_version missed a committed write"
    );
    assert_ne!(common::dump(&live), d0, "the dump missed a committed write");
    // A good backup to restore (accepted: exercises the path that replaces the file).
    let made = h.invoke("backup_now", json!({})).expect("a backup is made");
    let first = made["backups"][0]["path"].as_str().unwrap();
    std::fs::copy(
        first,
        sandbox.data.join("backups").join(sandbox::GOOD_BACKUP),
    )
    .unwrap();

    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &{
            let mut bytes = [0u8; 32];
            bytes[..8].copy_from_slice(&seed.to_le_bytes());
            bytes
        }),
    );
    let pick = 0..callable.len();
    let args_of: Vec<BoxedStrategy<Vec<Option<Value>>>> = callable
        .iter()
        .map(|&i| {
            COMMANDS[i]
                .1
                .iter()
                .map(|(_, kind)| strategy_for(*kind, &sandbox))
                .collect::<Vec<_>>()
                .boxed()
        })
        .collect();

    let current = watchdog();
    let mut refusals = 0usize;
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut dumps_compared = 0usize;
    let mut writing_calls = 0usize;
    for n in 0..calls {
        let which = pick.new_tree(&mut runner).unwrap().current();
        let (command, names, does) = &COMMANDS[callable[which]];
        let values = args_of[which].new_tree(&mut runner).unwrap().current();
        let mut body = Map::new();
        for ((name, _), v) in names.iter().zip(values) {
            if let Some(v) = v {
                body.insert((*name).to_string(), v);
            }
        }
        let body = Value::Object(body);
        let call = format!("call {n} (seed {seed}): {command} {}", short(&body));

        let writes = matches!(does, Write | Files);
        writing_calls += usize::from(writes);
        let dump_before = (writes && writing_calls % DUMP_EVERY == 0).then(|| common::dump(&live));
        let files_before = matches!(does, Files).then(|| files_in(&sandbox.data));
        let version_before = data_version(&watch);

        *current.lock().unwrap() = Some((Instant::now(), call.clone()));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            h.invoke(command, body.clone())
        }));
        *current.lock().unwrap() = None;
        let result = match result {
            Ok(r) => r,
            Err(_) => panic!("hostile: FAILED: {call} panicked"),
        };

        if let Err(error) = result {
            refusals += 1;
            match judge(&error, does) {
                Ok(kind) => *by_kind.entry(kind).or_default() += 1,
                Err(why) => {
                    panic!("hostile: FAILED: {call} was refused unclearly ({why}): {error}")
                }
            }
            assert_eq!(
                data_version(&watch),
                version_before,
                "hostile: FAILED: {call} was refused ({}) but wrote to the database",
                short(&error)
            );
            if let Some(before) = files_before {
                assert_eq!(
                    files_in(&sandbox.data),
                    before,
                    "hostile: FAILED: {call} was refused ({}) but changed the data or backup folder",
                    short(&error)
                );
            }
            if let Some(before) = dump_before {
                dumps_compared += 1;
                assert!(
                    common::dump(&live) == before,
                    "hostile: FAILED: {call} was refused ({}) but the dump differs",
                    short(&error)
                );
            }
        }

        if (n + 1) % CHECK_EVERY == 0 {
            let quick: String = watch
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(quick, "ok", "after {call}");
            let dangling: i64 = watch
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(dangling, 0, "dangling references after {call}");
        }
    }

    let check: String = watch
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    h.invoke("get_today", json!({}))
        .expect("today after the barrage");
    h.invoke("get_journal", json!({}))
        .expect("journal after the barrage");

    let covered = callable.len() + excluded.len();
    println!(
        "hostile: commands covered {covered}/{} (excluded: {}), calls {calls}, refusals {refusals}, seed {seed}",
        granted.len(),
        excluded.join("; ")
    );
    println!(
        "hostile: refusals by kind {by_kind:?}; full dumps compared {dumps_compared}; {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
