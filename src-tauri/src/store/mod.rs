//! The SQLite file: the one owner of the connection, its durability settings, the
//! start-up integrity check and the setting-aside of a damaged file.
//!
//! No Tauri here. The shell tells the store where the file lives; the service layer
//! reads and writes through [`Store::read`] and [`Store::write`], one transaction each.

pub mod app_state;
pub mod backup;
pub mod charts;
pub mod journal;
pub mod memo;
pub mod migrations;
pub mod program;
pub mod records;
pub mod reminders;
pub mod running;
pub mod schema;
pub mod settings;
pub mod today;

pub use migrations::LATEST as SCHEMA_VERSION;

use chrono::{DateTime, NaiveDate, Utc};
use memo::{Memo, Version};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, Params, Row, Transaction, TransactionBehavior};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The database file's name inside the app-data directory.
pub const DATABASE_FILE: &str = "rehab.db";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database could not be read or written: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database schema could not be upgraded: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the database at {path} was written by a newer version of High Hamstring Rehab \
         (schema {found}, this version knows {known}); install the newer version to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    #[error("the database holds a value this version cannot read: {0}")]
    BadRow(String),
    #[error("the database is still being checked; nothing was changed, try again in a moment")]
    NotYetChecked,
}

/// A damaged database file that was renamed aside at start-up, never deleted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetAside {
    /// Where the damaged file now is (its -wal/-shm companions sit beside it).
    pub moved_to: PathBuf,
    /// What was wrong with it, for the message to the user.
    pub reason: String,
}

/// The open database. Exactly one exists per process; everything goes through it.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Values worked out from the data, while it is unchanged (`memo.rs`).
    memo: RefCell<Memo>,
    /// Opened after SQLite's quick check only ([`Store::open_quick_marked`]): until
    /// [`Store::checked_fully`], every write, backup and restore is refused and the
    /// connection never checkpoints on close, so nothing reaches the file (or its -wal)
    /// before the full integrity check has passed or the file is set aside.
    unchecked: bool,
}

/// How much of SQLite's checking an existing file gets before the store opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Depth {
    /// `PRAGMA integrity_check`: every page, and every index against its table.
    Full,
    /// `PRAGMA quick_check` (the same but for the indexes' contents), the full check
    /// owed; a file with a migration to run or not yet in WAL mode gets the full check
    /// at once, since opening it writes.
    Quick,
}

/// What the full integrity check found on a file opened after the quick check
/// ([`full_check`]).
#[derive(Debug)]
pub enum Verdict {
    Sound,
    /// Damaged (why, for the message to the user): set it aside
    /// ([`Store::set_aside_damaged`]).
    Damaged(String),
    /// The check itself could not run (not a verdict on the file).
    Failed(StoreError),
}

/// The full integrity check of the file at `path`, on a read-only connection of its
/// own that never checkpoints, beside the store's (WAL lets both read at once).
pub fn full_check(path: &Path) -> Verdict {
    match check(path, Depth::Full) {
        Ok(_) => Verdict::Sound,
        Err(Opening::Damaged(reason)) => Verdict::Damaged(reason),
        Err(Opening::Failed(err)) => Verdict::Failed(err),
    }
}

/// The durability settings in force on the store's connection, as SQLite reports them
/// (not as the code meant to set them), so a test can hold them in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Durability {
    /// `wal`: readers never block the writer and a commit is one append.
    pub journal_mode: String,
    /// 2 is FULL: the WAL is synced at every commit, so a confirmed write survives a
    /// power cut (NORMAL, 1, may lose the last commits).
    pub synchronous: i64,
    pub foreign_keys: bool,
}

/// A transaction handed to the typed read/write functions of this module's children.
pub struct Tx<'a> {
    tx: Transaction<'a>,
    memo: &'a RefCell<Memo>,
}

impl Tx<'_> {
    fn conn(&self) -> &Connection {
        &self.tx
    }

    /// What the data is at now, as this transaction sees it (see `memo.rs`), with the
    /// memo told of it and of how far back this connection's changes since the last
    /// look reached (taken from the triggers' `since`, which starts again empty).
    fn version(&self) -> Result<Version, StoreError> {
        // In a transaction this reads the version of the snapshot the transaction reads.
        let data_version = self
            .tx
            .pragma_query_value(None, "data_version", |r| r.get::<_, i64>(0))?;
        let (own_changes, since) = self.tx.query_row(
            "SELECT n, since FROM temp.memo_changes",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?)),
        )?;
        let taken = since.as_deref().map(memo::Changed::of);
        if taken.is_some() {
            // The connection's own temporary table: nothing is written to the file.
            self.tx
                .execute("UPDATE temp.memo_changes SET since = NULL", [])?;
        }
        let mut memo = self.memo.borrow_mut();
        let version = Version {
            data_version,
            own_changes,
            generation: memo.generation(),
        };
        memo.observe(version, taken);
        Ok(version)
    }

    /// The value `work` makes from the data, worked out once for each version of the data
    /// and kept in memory until the data changes (`memo.rs`); `key` tells apart values
    /// of the same type made from different arguments. `work` must depend on nothing
    /// but the data and `key`.
    pub fn memo<T, E>(&self, key: i64, work: impl FnOnce(&Tx) -> Result<T, E>) -> Result<Arc<T>, E>
    where
        T: std::any::Any + Send + Sync,
        E: From<StoreError>,
    {
        let version = self.version()?;
        if let Some(kept) = self.memo.borrow_mut().get::<T>(version, key) {
            return Ok(kept);
        }
        let value = Arc::new(work(self)?);
        // Kept only if `work` changed nothing on the way (it should not write).
        if self.version()? == version {
            self.memo.borrow_mut().put(version, key, value.clone());
        }
        Ok(value)
    }

    /// Like [`Tx::memo`], for a value that can be brought up to date from the earliest
    /// day the data changed on (`memo.rs`): `work` is given the value kept from before
    /// this connection's own changes, if any, with that day (it is taken out of the memo,
    /// so `work` owns it unless a caller still holds it), and otherwise works the value
    /// out afresh. `work` must depend on nothing but the data and `key`, and read the
    /// tables of `memo::DATED` rows by day (a row dated before the day is as it was)
    /// and every other table whole.
    pub fn memo_resumed<T, E>(
        &self,
        key: i64,
        work: impl FnOnce(&Tx, Option<(Arc<T>, NaiveDate)>) -> Result<T, E>,
    ) -> Result<Arc<T>, E>
    where
        T: std::any::Any + Send + Sync,
        E: From<StoreError>,
    {
        let version = self.version()?;
        let kept = self.memo.borrow_mut().take_resumable::<T>(key);
        let before = match kept {
            Some((value, None)) => {
                self.memo
                    .borrow_mut()
                    .put_resumable(version, key, value.clone());
                return Ok(value);
            }
            Some((value, Some(memo::Changed::From(day)))) => Some((value, day)),
            Some((_, Some(memo::Changed::All))) | None => None,
        };
        let value = Arc::new(work(self, before)?);
        // Kept only if `work` changed nothing on the way (it should not write).
        if self.version()? == version {
            self.memo
                .borrow_mut()
                .put_resumable(version, key, value.clone());
        }
        Ok(value)
    }

    /// Every row `sql` returns for `params`, in its order, each made into a value by
    /// `make`, which may refuse a row this version cannot read.
    fn rows<T>(
        &self,
        sql: &str,
        params: impl Params,
        mut make: impl FnMut(&Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.tx.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(make(row)?);
        }
        Ok(out)
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A file that is damaged or unreadable is renamed aside, with `now` in its new name,
    /// and a fresh database is started in its place; the returned [`SetAside`] says where
    /// the old one went.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<(Store, Option<SetAside>), StoreError> {
        Store::open_marked(path, now, &mut |_| {})
    }

    /// [`Store::open`], calling `mark` with the name of each step as it ends (the
    /// integrity check, opening the file for writing, the migrations), for the start-up
    /// trace.
    pub fn open_marked(
        path: &Path,
        now: DateTime<Utc>,
        mark: &mut dyn FnMut(&'static str),
    ) -> Result<(Store, Option<SetAside>), StoreError> {
        Store::open_to(path, now, mark, Depth::Full)
    }

    /// [`Store::open_marked`] after SQLite's quick check only (a third of the full
    /// check's time on ten years of data): the store reads at once and refuses every
    /// write until the caller has run [`full_check`] and passed its verdict to
    /// [`Store::checked_fully`] or [`Store::set_aside_damaged`]. A file with a
    /// migration to run gets the full check here ([`Store::is_checked`] is then true).
    pub fn open_quick_marked(
        path: &Path,
        now: DateTime<Utc>,
        mark: &mut dyn FnMut(&'static str),
    ) -> Result<(Store, Option<SetAside>), StoreError> {
        Store::open_to(path, now, mark, Depth::Quick)
    }

    fn open_to(
        path: &Path,
        now: DateTime<Utc>,
        mark: &mut dyn FnMut(&'static str),
        depth: Depth,
    ) -> Result<(Store, Option<SetAside>), StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                action: "could not create the folder",
                path: dir.into(),
                source,
            })?;
        }
        match Store::open_checked(path, mark, depth) {
            Ok(store) => Ok((store, None)),
            Err(Opening::Damaged(reason)) => {
                let moved_to = set_aside(path, now)?;
                let store =
                    Store::open_checked(path, mark, depth).map_err(Opening::into_error)?;
                Ok((store, Some(SetAside { moved_to, reason })))
            }
            Err(Opening::Failed(err)) => Err(err),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// False while the full integrity check is owed ([`Store::open_quick_marked`]).
    pub fn is_checked(&self) -> bool {
        !self.unchecked
    }

    /// The full check passed: writes are allowed, and the connection folds its WAL back
    /// into the file on close again.
    pub fn checked_fully(&mut self) -> Result<(), StoreError> {
        if self.unchecked {
            self.conn
                .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
            self.unchecked = false;
        }
        Ok(())
    }

    /// The full check found the file damaged: it is closed without a checkpoint, renamed
    /// aside with its -wal and -shm exactly as they were (as at start-up), and this store
    /// goes on with a fresh database in its place.
    pub fn set_aside_damaged(
        &mut self,
        now: DateTime<Utc>,
        reason: String,
    ) -> Result<SetAside, StoreError> {
        self.close()?;
        let moved_to = set_aside(&self.path, now)?;
        let (fresh, _) = Store::open(&self.path, now)?;
        *self = fresh;
        Ok(SetAside { moved_to, reason })
    }

    /// Refuses a change while the full check is owed.
    pub(crate) fn writable(&self) -> Result<(), StoreError> {
        if self.unchecked {
            Err(StoreError::NotYetChecked)
        } else {
            Ok(())
        }
    }

    /// Closes the file (SQLite's last close folds the WAL back into it and removes it),
    /// leaving this store on an empty in-memory database. Only for a process that is
    /// about to be replaced (the restart into the tray) and must let go of the file; it
    /// opens a new store if it carries on after all.
    pub fn close(&mut self) -> Result<(), StoreError> {
        let memory = Connection::open_in_memory()?;
        let file = std::mem::replace(&mut self.conn, memory);
        file.close().map_err(|(_, e)| StoreError::from(e))
    }

    /// How many values worked out from the data are kept in memory (`memo.rs`), so a
    /// test can hold them to a bound.
    pub fn kept_values(&self) -> usize {
        self.memo.borrow().len()
    }

    /// Reads back `journal_mode`, `synchronous` and `foreign_keys` from the connection.
    pub fn durability(&self) -> Result<Durability, StoreError> {
        let get = |name: &str| {
            self.conn
                .pragma_query_value(None, name, |r| r.get::<_, rusqlite::types::Value>(0))
        };
        let text = |v: rusqlite::types::Value| match v {
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        };
        let number = |v: rusqlite::types::Value| match v {
            rusqlite::types::Value::Integer(n) => n,
            _ => -1,
        };
        Ok(Durability {
            journal_mode: text(get("journal_mode")?).to_lowercase(),
            synchronous: number(get("synchronous")?),
            foreign_keys: number(get("foreign_keys")?) == 1,
        })
    }

    /// Runs `f` in a read transaction.
    pub fn read<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        self.transaction(TransactionBehavior::Deferred, f)
    }

    /// Runs `f` in a write transaction: committed (and on disk) if `f` succeeds, rolled
    /// back entirely if it fails, so a rejected change leaves no trace.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        self.transaction(TransactionBehavior::Immediate, f)
    }

    fn transaction<T, E: From<StoreError>>(
        &mut self,
        behavior: TransactionBehavior,
        f: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        if !matches!(behavior, TransactionBehavior::Deferred) {
            self.writable()?;
        }
        let tx = Tx {
            tx: self
                .conn
                .transaction_with_behavior(behavior)
                .map_err(StoreError::from)?,
            memo: &self.memo,
        };
        let done = match f(&tx) {
            Ok(value) => tx
                .tx
                .commit()
                .map(|()| value)
                .map_err(|e| StoreError::from(e).into()),
            Err(e) => {
                drop(tx); // an uncommitted transaction is rolled back
                Err(e)
            }
        };
        if done.is_err() {
            // Rolled back: what was worked out from its changes no longer holds, and
            // the count of changes goes back with the transaction.
            self.memo.borrow_mut().forget();
        }
        done
    }

    fn open_checked(
        path: &Path,
        mark: &mut dyn FnMut(&'static str),
        depth: Depth,
    ) -> Result<Store, Opening> {
        let unchecked = path.exists() && check(path, depth)? == Depth::Quick;
        mark(if unchecked {
            "integrity check (quick; the full one after the first screen)"
        } else {
            "integrity check"
        });
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| Opening::classify(e, path))?;
        // WAL with FULL sync: a committed transaction survives a crash or power cut.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| Opening::classify(e, path))?;
        let failed = |e: rusqlite::Error| Opening::Failed(e.into());
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(failed)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(failed)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(failed)?;
        mark("database opened for writing (WAL, pragmas)");
        migrations::migrations()
            .to_latest(&mut conn)
            .map_err(|e| Opening::Failed(e.into()))?;
        mark("migrations");
        watch_changes(&conn).map_err(failed)?;
        if unchecked {
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
                .map_err(failed)?;
        }
        Ok(Store {
            conn,
            path: path.into(),
            memo: RefCell::new(Memo::default()),
            unchecked,
        })
    }
}

/// Counts, in a temporary table of this connection, every row changed in a table a kept
/// value may be worked out from (all but [`memo::NOT_KEPT_FROM`]): the count is part of
/// the memo's [`Version`]. Each change also brings `since` back to the earliest day it
/// touched ([`memo::DATED`]; "" for a table whose rows are not dated), for the resumable
/// values. Temporary triggers live with the connection, never in the file.
fn watch_changes(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS memo_changes (n INTEGER NOT NULL, since TEXT);
         INSERT INTO temp.memo_changes (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.memo_changes);",
    )?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut sql = String::new();
    for table in tables.iter().filter(|t| !memo::NOT_KEPT_FROM.contains(&t.as_str())) {
        let day = memo::DATED
            .iter()
            .find(|(t, _)| t == table)
            .map_or("''", |(_, day)| day);
        // `min` of a NULL is NULL: a row dated by nothing (a set whose session is gone)
        // leaves `since` as it was.
        let since = |row: &str| {
            let day = day.replace("{row}", row);
            format!("UPDATE temp.memo_changes SET since = coalesce(min(since, {day}), since, {day});")
        };
        for (op, rows) in [("INSERT", &["NEW"][..]), ("UPDATE", &["OLD", "NEW"]), ("DELETE", &["OLD"])] {
            let dated: String = rows.iter().map(|row| since(row)).collect();
            sql.push_str(&format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS \"memo_{op}_{table}\" AFTER {op} ON main.\"{table}\" \
                 BEGIN UPDATE temp.memo_changes SET n = n + 1; {dated} END;\n"
            ));
        }
    }
    conn.execute_batch(&sql)
}

/// Drops the triggers of [`watch_changes`] (before a restore replaces the tables).
fn unwatch_changes(conn: &Connection) -> rusqlite::Result<()> {
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'memo\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for name in triggers {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS temp.\"{name}\";"))?;
    }
    Ok(())
}

/// Checks an existing file on a read-only connection that never checkpoints, so a
/// damaged file and its -wal are left exactly as they were for setting aside. Returns
/// the depth it was checked to: [`Depth::Quick`] only if asked for and opening the file
/// will write nothing (no migration to run, already in WAL mode).
fn check(path: &Path, depth: Depth) -> Result<Depth, Opening> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let classify = |e| Opening::classify(e, path);
    let conn = Connection::open_with_flags(path, flags).map_err(classify)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(classify)?;
    let run = |pragma: &str| -> Result<(), Opening> {
        let verdict: Vec<String> = conn
            .prepare(pragma)
            .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
            .map_err(classify)?;
        if verdict != ["ok"] {
            return Err(Opening::Damaged(format!(
                "the integrity check failed: {}",
                verdict.join("; ")
            )));
        }
        Ok(())
    };
    run(match depth {
        Depth::Full => "PRAGMA integrity_check",
        Depth::Quick => "PRAGMA quick_check",
    })?;
    let found = conn
        .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map_err(classify)?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    if found > SCHEMA_VERSION {
        return Err(Opening::Failed(StoreError::NewerSchema {
            path: path.into(),
            found,
            known: SCHEMA_VERSION,
        }));
    }
    if depth == Depth::Quick {
        let wal = conn
            .pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))
            .map_err(classify)?
            .eq_ignore_ascii_case("wal");
        if found < SCHEMA_VERSION || !wal {
            run("PRAGMA integrity_check")?;
            return Ok(Depth::Full);
        }
    }
    Ok(depth)
}

/// Why opening failed: a damaged file (set it aside and start afresh) or anything else
/// (stop, and leave the file alone).
enum Opening {
    Damaged(String),
    Failed(StoreError),
}

impl Opening {
    fn classify(err: rusqlite::Error, path: &Path) -> Opening {
        match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Opening::Damaged("it is not a SQLite database".into()),
            Some(ErrorCode::DatabaseCorrupt) => {
                Opening::Damaged(format!("SQLite reports it as corrupt ({err})"))
            }
            Some(
                ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::SystemIoFailure,
            ) if path.exists() => Opening::Damaged(format!("it could not be read ({err})")),
            _ => Opening::Failed(err.into()),
        }
    }

    fn into_error(self) -> StoreError {
        match self {
            Opening::Failed(err) => err,
            Opening::Damaged(reason) => {
                StoreError::BadRow(format!("a fresh database could not be started: {reason}"))
            }
        }
    }
}

/// Renames the database and its -wal/-shm companions to `<stem>-damaged-<time>.db…`
/// beside it. Never overwrites: an existing name gets a counter.
fn set_aside(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("rehab");
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let target = (0..)
        .map(|n| match n {
            0 => dir.join(format!("{stem}-damaged-{stamp}.db")),
            n => dir.join(format!("{stem}-damaged-{stamp}-{n}.db")),
        })
        .find(|candidate| !candidate.exists() && !companion(candidate, "-wal").exists())
        .expect("an unused name exists");
    for suffix in ["-wal", "-shm"] {
        let from = companion(path, suffix);
        if from.exists() {
            rename(&from, &companion(&target, suffix))?;
        }
    }
    rename(path, &target)?;
    Ok(target)
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn rename(from: &Path, to: &Path) -> Result<(), StoreError> {
    std::fs::rename(from, to).map_err(|source| StoreError::Io {
        action: "could not set aside",
        path: from.into(),
        source,
    })
}
