//! Restoring a backup checks what the file is, not what its tables are called: on real
//! files, everything that is not exactly one of our databases (another program's file
//! that happens to have a `settings` table, a newer version's, a picture, a backup whose
//! schema or rows were altered, a link, a pipe, a folder, a huge sparse file, the live
//! database itself) is refused with a sentence saying what it is, and the live database
//! and its -wal are left byte for byte as they were. A real older backup still restores.

mod common;
use common::{data_folders as folders, path_error};

use chrono::NaiveDate;
use common::{dump, now_at, open, seed_week};
use high_hamstring_rehab::service::data::{self, Folders};
use high_hamstring_rehab::service::ServiceError;
use high_hamstring_rehab::store::{Store, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn first() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}


fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The live database's bytes and its -wal's (empty when there is none).
fn bytes_of(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = std::fs::read(companion(db, "-wal")).unwrap_or_default();
    (std::fs::read(db).unwrap(), wal)
}

/// A store with a week of use and one good backup of it.
struct Setup {
    dir: tempfile::TempDir,
    db: PathBuf,
    folders: Folders,
    store: Store,
    backup: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let folders = folders(dir.path());
    let mut store = open(&db);
    seed_week(&mut store, first());
    let backup = data::backup_now(&mut store, now_at(first(), 8), &folders)
        .unwrap()
        .path;
    Setup {
        dir,
        db,
        folders,
        store,
        backup,
    }
}

impl Setup {
    fn restore(&mut self, path: &Path) -> Result<data::Restored, ServiceError> {
        data::restore(
            &mut self.store,
            now_at(first(), 9),
            &self.folders,
            path.to_str().unwrap(),
        )
    }

    /// A copy of the good backup, changed by `sql` (run with writable_schema allowed).
    fn altered_backup(&self, name: &str, sql: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::copy(&self.backup, &path).unwrap();
        Connection::open(&path).unwrap().execute_batch(sql).unwrap();
        path
    }

    /// Restoring `path` is refused with a message containing `says`, the live database
    /// and its -wal are unchanged to the byte, and no copy of them was made.
    fn assert_refused(&mut self, path: &Path, says: &str) {
        let before = bytes_of(&self.db);
        let message = path_error(self.restore(path).unwrap_err());
        self.assert_refusal(path, &message, says, before);
    }

    fn assert_refusal(&self, path: &Path, message: &str, says: &str, before: (Vec<u8>, Vec<u8>)) {
        let expected_start = format!("Nothing was changed: {} ", path.display());
        assert!(
            message.starts_with(&expected_start) && message.contains(says),
            "{}: expected \"{says}\", got: {message}",
            path.display()
        );
        assert!(
            bytes_of(&self.db) == before,
            "{} changed the live database or its -wal",
            path.display()
        );
        let kept: Vec<_> = std::fs::read_dir(&self.folders.backups)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("rehab-before-restore-"))
            .collect();
        assert!(kept.is_empty(), "a refused restore kept a copy: {kept:?}");
    }
}

fn integrity(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn.prepare("PRAGMA integrity_check").unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn another_programs_database_with_a_settings_table_at_our_version_is_refused() {
    let mut s = setup();
    let foreign = s.dir.path().join("other-app.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
             INSERT INTO settings VALUES ('volume', '11');
             PRAGMA user_version = {SCHEMA_VERSION};"
        ))
        .unwrap();
    s.assert_refused(&foreign, "is an SQLite database from another program");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let mut s = setup();
    let newer = s.altered_backup(
        "newer.db",
        &format!("PRAGMA user_version = {};", SCHEMA_VERSION + 1),
    );
    s.assert_refused(
        &newer,
        &format!(
            "comes from a newer version of High Hamstring Rehab (schema {}, this version knows {SCHEMA_VERSION})",
            SCHEMA_VERSION + 1
        ),
    );
}

#[test]
fn files_that_are_not_sqlite_databases_are_refused() {
    let mut s = setup();
    let png = s.dir.path().join("holiday.db");
    let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00".to_vec();
    bytes.resize(4096, 0x5a);
    std::fs::write(&png, bytes).unwrap();
    s.assert_refused(&png, "is not an SQLite database");

    let empty = s.dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    s.assert_refused(&empty, "is empty: it is not an SQLite database");
}

#[test]
fn a_backup_with_a_check_constraint_dropped_is_refused() {
    let mut s = setup();
    // The settings table's definition without one of its CHECKs, rows untouched.
    let altered = s.altered_backup(
        "no-check.db",
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_master
            SET sql = replace(sql, ' CHECK (theme IN (''system'', ''light'', ''dark''))', '')
          WHERE name = 'settings';
         PRAGMA writable_schema = OFF;",
    );
    let conn = Connection::open(&altered).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'settings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!sql.contains("'light'"), "the CHECK is gone: {sql}");
    conn.execute("UPDATE settings SET theme = 'purple'", [])
        .unwrap();
    drop(conn);
    assert_eq!(
        integrity(&altered),
        ["ok"],
        "SQLite itself sees nothing wrong"
    );
    s.assert_refused(
        &altered,
        &format!(
            "is damaged (its table settings is not defined as schema {} defines it)",
            SCHEMA_VERSION
        ),
    );
}

#[test]
fn a_backup_with_a_row_breaking_a_check_or_a_missing_parent_is_refused() {
    let mut s = setup();
    // Our exact schema, but a row no CHECK allows: the CHECK is dropped, the row
    // written, the CHECK put back (each on a fresh connection, which rereads the schema).
    let bad_row = s.altered_backup("bad-row.db", "SELECT 1");
    let original: String = Connection::open(&bad_row)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'settings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let set_settings_sql = |sql: &str| {
        let conn = Connection::open(&bad_row).unwrap();
        conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
        let n = conn
            .execute(
                "UPDATE sqlite_master SET sql = ?1 WHERE name = 'settings'",
                [sql],
            )
            .unwrap();
        assert_eq!(n, 1);
    };
    let without = original.replace("CHECK (allowed_pain BETWEEN 0 AND 5)", "");
    assert_ne!(without, original);
    set_settings_sql(&without);
    Connection::open(&bad_row)
        .unwrap()
        .execute_batch("UPDATE settings SET allowed_pain = 9")
        .unwrap();
    set_settings_sql(&original);
    assert_eq!(integrity(&bad_row), ["CHECK constraint failed in settings"]);
    s.assert_refused(&bad_row, "is damaged (CHECK constraint failed in settings)");

    let orphan = s.altered_backup(
        "orphan.db",
        "PRAGMA foreign_keys = OFF;
         INSERT INTO exercise_sets (session_id, exercise_id, set_no, amount, recorded_at)
         VALUES (9999, 'glute_bridge', 1, 10, '2026-03-02T08:00:00.000Z');",
    );
    assert_eq!(integrity(&orphan), ["ok"]);
    s.assert_refused(
        &orphan,
        "is damaged (1 row(s) refer to rows that are missing, the first in exercise_sets)",
    );
}

#[cfg(unix)]
#[test]
fn links_to_the_live_database_and_the_live_database_itself_are_refused() {
    let mut s = setup();
    let link = s.dir.path().join("link.db");
    std::os::unix::fs::symlink(&s.db, &link).unwrap();
    s.assert_refused(&link, "is a link to another file; choose the file itself");

    let link_to_backup = s.dir.path().join("link-to-backup.db");
    std::os::unix::fs::symlink(&s.backup, &link_to_backup).unwrap();
    s.assert_refused(&link_to_backup, "is a link to another file");

    let db = s.db.clone();
    s.assert_refused(&db, "is the database in use");
    let hard = s.dir.path().join("hard.db");
    std::fs::hard_link(&s.db, &hard).unwrap();
    s.assert_refused(&hard, "is the database in use");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_being_opened() {
    let mut s = setup();
    let fifo = s.dir.path().join("pipe.db");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let before = bytes_of(&s.db);
    // Opening a pipe for reading blocks until a writer comes: if the restore did that,
    // end it by opening the pipe for writing, then fail.
    let (sent, got) = std::sync::mpsc::channel();
    let result = std::thread::scope(|scope| {
        let (store, folders, path) = (&mut s.store, &s.folders, fifo.to_str().unwrap());
        scope.spawn(move || {
            let _ = sent.send(data::restore(store, now_at(first(), 9), folders, path));
        });
        match got.recv_timeout(std::time::Duration::from_secs(30)) {
            Ok(result) => result,
            Err(_) => {
                let _writer = std::fs::OpenOptions::new().write(true).open(&fifo);
                panic!("the restore opened the pipe and blocked");
            }
        }
    });
    let message = path_error(result.unwrap_err());
    s.assert_refusal(&fifo, &message, "is a named pipe, not a file", before);
}

/// Bytes this thread has read from files so far (Linux), to see that a refusal did not
/// read a whole file.
fn bytes_read_by_this_thread() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/thread-self/io").ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
}

#[test]
fn a_huge_sparse_file_is_refused_without_being_read() {
    let mut s = setup();
    let huge = s.dir.path().join("huge.db");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let before = bytes_of(&s.db);
    let read_before = bytes_read_by_this_thread();
    let result = s.restore(&huge);
    let read_after = bytes_read_by_this_thread();
    let message = path_error(result.unwrap_err());
    s.assert_refusal(&huge, &message, "is not an SQLite database", before);
    if let (Some(before), Some(after)) = (read_before, read_after) {
        let read = after - before;
        println!("refusing a 1 GB sparse file read {read} bytes");
        assert!(read < 1 << 20, "{read} bytes read to refuse a 1 GB file");
    }
}

#[test]
fn a_folder_and_a_missing_file_are_refused() {
    let mut s = setup();
    let folder = s.dir.path().join("a-folder.db");
    std::fs::create_dir(&folder).unwrap();
    s.assert_refused(&folder, "is a folder, not a file");
    let missing = s.dir.path().join("missing.db");
    s.assert_refused(&missing, "cannot be read");
}

#[test]
fn after_the_refusals_a_real_backup_still_restores_every_row() {
    let mut s = setup();
    let at_backup = dump(&s.backup);
    let foreign = s.dir.path().join("other.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE settings (id INTEGER); PRAGMA user_version = 6;")
        .unwrap();
    s.assert_refused(&foreign, "from another program");
    seed_week(&mut s.store, first() + chrono::Duration::days(7));
    assert_ne!(dump(&s.db), at_backup);
    let backup = s.backup.clone();
    s.restore(&backup).unwrap();
    assert_eq!(dump(&s.db), at_backup, "every row as it was at the backup");
}

#[test]
fn a_real_older_backup_restores_and_is_brought_up_to_date_with_its_rows() {
    let mut s = setup();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v3.db");
    let old = s.dir.path().join("old-backup.db");
    std::fs::copy(&fixture, &old).unwrap();
    let before = dump(&old);
    assert!(
        before.iter().any(|r| r.starts_with("stretches: ")),
        "the fixture has rows"
    );

    let restored = s.restore(&old).unwrap();
    assert!(
        restored.message.contains("(schema 3)"),
        "{}",
        restored.message
    );
    let conn = Connection::open(&s.db).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION as i64);
    let (theme, pain): (String, i64) = conn
        .query_row("SELECT theme, allowed_pain FROM settings", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (theme.as_str(), pain),
        ("dark", 3),
        "the old settings are kept"
    );
    // Every other table of version 3 keeps its rows: value for value, row for row (version
    // 7 added the clinician's advice to the moves and the rule history, after the old
    // columns, so their rows are the old ones with the new columns after them).
    let after = dump(&s.db);
    let rows_of_v3: Vec<_> = before
        .iter()
        .filter(|r| !r.starts_with("settings: "))
        .collect();
    assert!(rows_of_v3.len() > 10);
    for row in rows_of_v3 {
        let widened = row.starts_with("ladder_moves: ") || row.starts_with("progression_rules: ");
        let kept = after
            .iter()
            .any(|a| a == row || (widened && a.starts_with(&format!("{row} | "))));
        assert!(kept, "{row} was lost");
    }
    assert_eq!(
        std::fs::read(&fixture).unwrap(),
        std::fs::read(&old).unwrap()
    );
}
