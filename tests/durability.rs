//! Durability settings as SQLite reports them on the store's one writing connection:
//! `journal_mode=wal`, `synchronous=FULL` (2) and `foreign_keys=ON`, on a new file, on
//! an existing file reopened (after the read-only start-up check), after a backup is
//! written, and after a backup (current or older schema) is restored over the live file.
//!
//! What this does not show: that a commit survives a power cut (tests/crash.rs kills the
//! process, not the machine). The read-only connections the store opens to check a file
//! (`check` at start-up, `backup::verify`) and the one rusqlite opens on a backup file
//! while writing or restoring it are not reachable from here; they never write to the
//! live database, so its durability is this connection's.

mod common;

use chrono::NaiveDate;
use common::{now_at, open, seed_week};
use high_hamstring_rehab::service::data::{self, Folders};
use high_hamstring_rehab::store::{Durability, Store};
use std::path::Path;

fn expected() -> Durability {
    Durability {
        journal_mode: "wal".into(),
        synchronous: 2,
        foreign_keys: true,
    }
}

fn assert_durable(store: &Store, when: &str) {
    assert_eq!(store.durability().unwrap(), expected(), "{when}");
}

fn folders(dir: &Path) -> Folders {
    Folders {
        data: dir.join("data"),
        backups: dir.join("data/backups"),
        default_export: dir.join("export"),
    }
}

fn first() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

#[test]
fn every_path_to_the_live_database_keeps_wal_full_sync_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let f = folders(dir.path());
    let db = f.data.join("rehab.db");

    let mut store = open(&db);
    assert_durable(&store, "a new file");
    seed_week(&mut store, first());
    drop(store);

    let mut store = open(&db);
    assert_durable(
        &store,
        "an existing file reopened after its integrity check",
    );

    let backup = data::backup_now(&mut store, now_at(first(), 8), &f).unwrap();
    assert_durable(&store, "after writing a backup");

    data::restore(
        &mut store,
        now_at(first(), 9),
        &f,
        backup.path.to_str().unwrap(),
    )
    .unwrap();
    assert_durable(&store, "after restoring a backup of this schema");

    let old = dir.path().join("schema-v3.db");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v3.db"),
        &old,
    )
    .unwrap();
    data::restore(&mut store, now_at(first(), 10), &f, old.to_str().unwrap()).unwrap();
    assert_durable(&store, "after restoring an older backup (migrated)");
    drop(store);

    // And the file itself stays in WAL mode for whoever opens it next.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "the file after restores");
}
