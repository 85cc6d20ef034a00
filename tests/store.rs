//! The store and the services on real SQLite files in temporary folders: start-up
//! recovery from a damaged file, durability across reopen, and rejected input that
//! leaves nothing written.

use chrono::{TimeZone, Utc};
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::settings::{SettingsPatch, Theme};
use high_hamstring_rehab::service::{self, ServiceError};
use high_hamstring_rehab::store::{Store, StoreError, SCHEMA_VERSION};
use std::path::Path;

mod common;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 5).unwrap()
}

fn patch(v: serde_json::Value) -> SettingsPatch {
    serde_json::from_value(v).unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_new_database_is_created_with_defaults_in_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/app/rehab.db");
    let (mut store, set_aside) = Store::open(&path, now()).unwrap();
    assert!(set_aside.is_none());
    assert!(path.exists());
    let s = service::settings::current(&mut store).unwrap();
    assert_eq!(
        (s.allowed_pain, s.stretches_per_day, s.theme),
        (0, 4, Theme::System)
    );
}

/// What the restart into the tray does before `exec`: the store lets go of its file, the
/// WAL folded in and removed, and a new open (the new program) finds every row.
#[test]
fn a_store_closed_in_place_leaves_a_whole_file_with_no_wal_for_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let (mut store, _) = Store::open(&path, now()).unwrap();
    service::settings::update(
        &mut store,
        &patch(serde_json::json!({"stretches_per_day": 3})),
        Now::of(now()),
    )
    .unwrap();
    assert!(files_in(dir.path()).contains(&"rehab.db-wal".to_string()));
    store.close().unwrap();
    assert_eq!(files_in(dir.path()), vec!["rehab.db".to_string()], "the WAL is folded in");
    let (mut again, set_aside) = Store::open(&path, now()).unwrap();
    assert!(set_aside.is_none());
    assert_eq!(service::settings::current(&mut again).unwrap().stretches_per_day, 3);
}

#[test]
fn saved_settings_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    {
        let (mut store, _) = Store::open(&path, now()).unwrap();
        service::settings::update(
            &mut store,
            &patch(serde_json::json!({"allowed_pain": 2, "theme": "dark", "clinician_confirmed": true})),
            Now::of(now()),
        )
        .unwrap();
    }
    let (mut store, _) = Store::open(&path, now()).unwrap();
    let s = service::settings::current(&mut store).unwrap();
    assert_eq!((s.allowed_pain, s.theme), (2, Theme::Dark));
}

#[test]
fn a_saved_setting_is_in_the_file_without_a_clean_close() {
    // update() commits with synchronous=FULL before it returns. Forgetting the store
    // skips every destructor (no close, no checkpoint), as a kill would; a second
    // connection then finds the change in the file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let (mut store, _) = Store::open(&path, now()).unwrap();
    service::settings::update(
        &mut store,
        &patch(serde_json::json!({"sessions_to_progress": 4})),
        Now::of(now()),
    )
    .unwrap();
    std::mem::forget(store);
    let (mut reopened, set_aside) = Store::open(&path, now()).unwrap();
    assert!(set_aside.is_none());
    assert_eq!(
        service::settings::current(&mut reopened)
            .unwrap()
            .sessions_to_progress,
        4
    );
}

fn settings_row(path: &Path) -> (i64, String, String) {
    rusqlite_conn(path)
        .query_row(
            "SELECT allowed_pain, theme, updated_at FROM settings",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

#[test]
fn rejected_input_names_the_field_and_range_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let (mut store, _) = Store::open(&path, now()).unwrap();
    service::settings::update(
        &mut store,
        &patch(serde_json::json!({"allowed_pain": 1, "clinician_confirmed": true})),
        Now::of(now()),
    )
    .unwrap();
    let before = settings_row(&path);

    // The valid theme in the same patch must not be written either.
    let err = service::settings::update(
        &mut store,
        &patch(serde_json::json!({"theme": "dark", "allowed_pain": 11})),
        Now::of(now()),
    )
    .unwrap_err();
    let ServiceError::Invalid(invalid) = err else {
        panic!("expected invalid input, got {err:?}")
    };
    assert_eq!(invalid.field, "allowed_pain");
    assert!(
        invalid.message.contains("Allowed pain") && invalid.message.contains("0 to 5"),
        "{}",
        invalid.message
    );

    // Same values and the same updated_at: the row was not touched.
    assert_eq!(settings_row(&path), before);
    assert_eq!((before.0, before.1.as_str()), (1, "system"));
}

#[test]
fn a_file_that_is_not_a_database_is_set_aside_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let garbage: Vec<u8> = b"this is not a database. "
        .iter()
        .copied()
        .cycle()
        .take(8192)
        .collect();
    std::fs::write(&path, &garbage).unwrap();

    let (mut store, set_aside) = Store::open(&path, now()).unwrap();
    let set_aside = set_aside.expect("the damaged file is reported");
    assert_eq!(
        set_aside.moved_to,
        dir.path().join("rehab-damaged-20261124T093005Z.db")
    );
    assert!(
        set_aside.reason.contains("not a SQLite database"),
        "{}",
        set_aside.reason
    );
    assert_eq!(
        std::fs::read(&set_aside.moved_to).unwrap(),
        garbage,
        "contents kept byte for byte"
    );
    // The fresh database works.
    service::settings::update(
        &mut store,
        &patch(serde_json::json!({"allowed_pain": 2, "clinician_confirmed": true})),
        Now::of(now()),
    )
    .unwrap();
    assert!(std::fs::read(&path)
        .unwrap()
        .starts_with(b"SQLite format 3\0"));
}

#[test]
fn a_database_with_corrupted_pages_is_set_aside_with_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    {
        let (mut store, _) = Store::open(&path, now()).unwrap();
        service::settings::update(
            &mut store,
            &patch(serde_json::json!({"allowed_pain": 2, "clinician_confirmed": true})),
            Now::of(now()),
        )
        .unwrap();
    }
    // Keep the valid header, scribble over the pages after it.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() >= 4096 * 2, "expected at least two pages");
    for b in &mut bytes[100..] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let wal = dir.path().join("rehab.db-wal");
    std::fs::write(&wal, b"left-over wal").unwrap();

    let (_store, set_aside) = Store::open(&path, now()).unwrap();
    let set_aside = set_aside.expect("corruption is detected at start-up");
    assert_eq!(std::fs::read(&set_aside.moved_to).unwrap(), bytes);
    let moved_wal = dir.path().join("rehab-damaged-20261124T093005Z.db-wal");
    assert_eq!(std::fs::read(moved_wal).unwrap(), b"left-over wal");
}

fn wal_of(path: &Path) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{}-wal", path.display()))
}

/// Every way the store can write: a transaction, a backup, a restore.
fn every_write_is_refused(store: &mut Store, dir: &Path) {
    let refused = |e: &StoreError| matches!(e, StoreError::NotYetChecked);
    match service::program::log_stretch(store, Now::of(now())) {
        Err(ServiceError::Store(e)) if refused(&e) => {}
        other => panic!("a write before the full check should be refused: {other:?}"),
    }
    match store.backup_to(&dir.join("copy.db")) {
        Err(e) if refused(&e) => {}
        other => panic!("a backup before the full check should be refused: {other:?}"),
    }
    match store.restore_from(&dir.join("copy.db"), &dir.join("kept.db")) {
        Err(e) if refused(&e) => {}
        other => panic!("a restore before the full check should be refused: {other:?}"),
    }
}

#[test]
fn a_quick_open_reads_at_once_and_writes_only_after_the_full_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    {
        let mut store = Store::open(&path, now()).unwrap().0;
        service::program::log_stretch(&mut store, Now::of(now())).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let (mut store, set_aside) = Store::open_quick_marked(&path, now(), &mut |_| {}).unwrap();
    assert!(set_aside.is_none());
    assert!(!store.is_checked(), "a quick open owes the full check");
    let today = service::program::today(&mut store, Now::of(now())).unwrap();
    assert_eq!(today.stretches.done, 1, "the quick-opened store reads the log");
    every_write_is_refused(&mut store, dir.path());
    assert!(std::fs::read(&path).unwrap() == before, "the file was written to");
    assert_eq!(std::fs::metadata(wal_of(&path)).map(|m| m.len()).unwrap_or(0), 0);

    assert!(matches!(
        high_hamstring_rehab::store::full_check(&path),
        high_hamstring_rehab::store::Verdict::Sound
    ));
    store.checked_fully().unwrap();
    assert!(store.is_checked());
    let today = service::program::log_stretch(&mut store, Now::of(now())).unwrap();
    assert_eq!(today.stretches.done, 2);
}

#[test]
fn a_file_damaged_in_an_index_only_is_set_aside_by_the_full_check_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let (damaged, damaged_wal) = common::with_a_damaged_index(&path);
    let (mut store, set_aside) = Store::open_quick_marked(&path, now(), &mut |_| {}).unwrap();
    assert!(set_aside.is_none(), "the quick check passes the index's damage");
    assert!(!store.is_checked());
    every_write_is_refused(&mut store, dir.path());

    let reason = match high_hamstring_rehab::store::full_check(&path) {
        high_hamstring_rehab::store::Verdict::Damaged(reason) => reason,
        other => panic!("the full check should find the damaged index: {other:?}"),
    };
    assert!(reason.contains("stretches_by_date"), "{reason}");
    let set_aside = store.set_aside_damaged(now(), reason).unwrap();
    assert_eq!(
        set_aside.moved_to,
        dir.path().join("rehab-damaged-20261124T093005Z.db")
    );
    assert!(
        std::fs::read(&set_aside.moved_to).unwrap() == damaged,
        "the damaged file is kept byte for byte"
    );
    assert!(
        std::fs::read(wal_of(&set_aside.moved_to)).unwrap_or_default() == damaged_wal,
        "its -wal is kept byte for byte too (nothing written, not folded back on close)"
    );
    // A fresh database in its place, fully checked and writable.
    assert!(store.is_checked());
    let today = service::program::log_stretch(&mut store, Now::of(now())).unwrap();
    assert_eq!(today.stretches.done, 1, "the fresh database starts empty");
}

#[test]
fn a_quick_open_checks_fully_at_once_a_file_it_would_write_to_as_it_opens() {
    for (what, change) in [
        ("a migration to run", "PRAGMA user_version = 1;"),
        ("not yet in WAL mode", "PRAGMA journal_mode = DELETE;"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rehab.db");
        let damaged = {
            let _ = common::with_a_damaged_index(&path);
            let conn = rusqlite_conn(&path);
            conn.execute_batch(change).unwrap();
            drop(conn);
            std::fs::read(&path).unwrap()
        };
        let (store, set_aside) = Store::open_quick_marked(&path, now(), &mut |_| {}).unwrap();
        let set_aside = set_aside.unwrap_or_else(|| panic!("{what}: the full check should run at open"));
        assert!(std::fs::read(&set_aside.moved_to).unwrap() == damaged, "{what}: the file changed");
        assert!(store.is_checked(), "{what}");
    }
}

#[test]
fn setting_aside_never_overwrites_an_earlier_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    std::fs::write(&path, b"first damaged file, definitely not sqlite").unwrap();
    let (store, first) = Store::open(&path, now()).unwrap();
    drop(store);
    std::fs::write(&path, b"second damaged file, also not sqlite!!").unwrap();
    let (_store, second) = Store::open(&path, now()).unwrap();
    let (first, second) = (first.unwrap().moved_to, second.unwrap().moved_to);
    assert_ne!(first, second);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        b"first damaged file, definitely not sqlite"
    );
    assert_eq!(
        std::fs::read(&second).unwrap(),
        b"second damaged file, also not sqlite!!"
    );
    assert_eq!(
        files_in(dir.path())
            .iter()
            .filter(|n| n.contains("damaged"))
            .count(),
        2
    );
}

#[test]
fn a_database_from_a_newer_version_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    {
        let (store, _) = Store::open(&path, now()).unwrap();
        drop(store);
        let conn = rusqlite_conn(&path);
        conn.pragma_update(None, "user_version", (SCHEMA_VERSION + 1) as i64)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path, now()) {
        Err(StoreError::NewerSchema { found, .. }) => assert_eq!(found, SCHEMA_VERSION + 1),
        Err(other) => panic!("expected NewerSchema, got {other}"),
        Ok(_) => panic!("a newer schema must not be opened"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(
        !files_in(dir.path()).iter().any(|n| n.contains("damaged")),
        "a newer database is not damaged"
    );
}

fn rusqlite_conn(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}
