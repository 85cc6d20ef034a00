//! Copies of the database: written with SQLite's online backup API (a consistent copy
//! while the app runs), checked before one is restored, and restored over the live
//! database only after the live one has itself been copied aside.
//!
//! A file to restore is chosen by the user and may be anything: another program's
//! database, a picture, a pipe, a link to the live database. It is looked at before it is
//! opened (a pipe would block a reader forever), opened once, read-only and defensively
//! (its schema is not trusted to run functions), and its schema compared with ours. One
//! snapshot of it is then copied into memory, the rows are checked there, and that
//! checked copy is what replaces the live database: what was checked is exactly what is
//! restored, even if the file is changed or replaced meanwhile.

use super::{migrations, schema, Store, StoreError};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, MAIN_DB};
use std::path::Path;

/// Why a file cannot be restored, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotABackup(pub String);

impl Store {
    /// Writes a complete copy of the database to `to` (through a temporary file renamed
    /// into place, so `to` is never half-written).
    pub fn backup_to(&self, to: &Path) -> Result<(), StoreError> {
        let io = |action, source| StoreError::Io {
            action,
            path: to.into(),
            source,
        };
        self.writable()?;
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io("could not create the folder for", e))?;
        }
        let tmp = to.with_extension("db.partial");
        let _ = std::fs::remove_file(&tmp);
        self.conn.backup(MAIN_DB, &tmp, None)?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| io("could not flush", e))?;
        std::fs::rename(&tmp, to).map_err(|e| io("could not name the backup", e))?;
        Ok(())
    }

    /// Replaces the database with the backup at `from`, after checking it (see
    /// [`Candidate::open`]) and copying the live database to `keep_current_at`. An older
    /// backup is brought up to the current schema; if that fails the copied live
    /// database is put back.
    pub fn restore_from(
        &mut self,
        from: &Path,
        keep_current_at: &Path,
    ) -> Result<Result<usize, NotABackup>, StoreError> {
        self.writable()?;
        // The triggers counting changes are set again on the tables as restored.
        super::unwatch_changes(&self.conn)?;
        let restored = self.restore_checked(from, keep_current_at);
        let watched = super::watch_changes(&self.conn);
        // The backup API changes pages, not rows: no counter the memo reads has moved.
        self.memo.get_mut().forget();
        watched?;
        restored
    }

    fn restore_checked(
        &mut self,
        from: &Path,
        keep_current_at: &Path,
    ) -> Result<Result<usize, NotABackup>, StoreError> {
        let candidate = match Candidate::open(from, Some(&self.path)) {
            Ok(c) => c,
            Err(why) => return Ok(Err(why)),
        };
        self.backup_to(keep_current_at)?;
        candidate.copy_into(&mut self.conn)?;
        let version = candidate.version;
        drop(candidate);
        if let Err(e) = migrations::migrations().to_latest(&mut self.conn) {
            self.conn.restore(
                MAIN_DB,
                keep_current_at,
                None::<fn(rusqlite::backup::Progress)>,
            )?;
            return Ok(Err(NotABackup(format!(
                "the backup could not be brought up to date ({e}); nothing was changed"
            ))));
        }
        Ok(Ok(version))
    }
}

/// Checks that `path` is a whole High Hamstring Rehab database this version can read.
/// Returns its schema version. (Restoring does not call this and then open the file
/// again: it restores the very copy it checked.)
pub fn verify(path: &Path) -> Result<usize, NotABackup> {
    Candidate::open(path, None).map(|c| c.version)
}

/// A file that passed every check, as the in-memory copy that was checked.
struct Candidate {
    copy: Connection,
    version: usize,
}

impl Candidate {
    /// Opens `path` and checks it, refusing (with the reason in plain words) anything
    /// that is not exactly one of our databases at a version this build knows:
    /// a link, a folder or other non-file, the live database (`live`) itself, a file
    /// that is empty or not SQLite, one whose schema is not the one our migrations make
    /// at its `user_version`, a damaged one, one whose rows refer to missing rows.
    fn open(path: &Path, live: Option<&Path>) -> Result<Candidate, NotABackup> {
        let shown = path.display();
        let refuse = |what: String| NotABackup(format!("{shown} {what}"));
        look_before_opening(path, live).map_err(refuse)?;

        let read = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => refuse("is not an SQLite database".into()),
            Some(ErrorCode::DatabaseCorrupt) => refuse(format!("is damaged ({e})")),
            _ => refuse(format!("cannot be read ({e})")),
        };
        // NOFOLLOW: the link check above is not undone by a link put in its place since.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_NOFOLLOW,
        )
        .map_err(read)?;
        if !defend(&conn).map_err(read)? {
            return Err(refuse(
                "cannot be checked safely (SQLite refused its defensive settings)".into(),
            ));
        }
        // Held until the copy below is made: every check sees one snapshot.
        conn.execute_batch("BEGIN").map_err(read)?;

        let found: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(read)?;
        let version = usize::try_from(found).unwrap_or(0);
        let schema = schema::of(&conn).map_err(read)?;
        let expected =
            |v| schema::expected(v).map_err(|e| refuse(format!("cannot be checked ({e})")));
        if version > migrations::LATEST {
            // A newer version only adds to ours; anything else is someone else's file.
            let ours = expected(migrations::LATEST)?;
            return Err(if ours.iter().all(|o| has_object(&schema, o)) {
                refuse(format!(
                    "comes from a newer version of High Hamstring Rehab (schema {found}, \
                     this version knows {})",
                    migrations::LATEST
                ))
            } else {
                refuse("is an SQLite database from another program".into())
            });
        }
        if version == 0 {
            return Err(refuse(if schema.is_empty() {
                "is an empty SQLite database, not a backup".into()
            } else {
                "is an SQLite database from another program".into()
            }));
        }
        let ours = expected(version)?;
        if schema != ours {
            return Err(refuse(schema_difference(&schema, &ours, version)));
        }

        // The rest is checked on a copy in memory, made from the same snapshot: a
        // connection that may write parses the CHECK constraints, so its integrity check
        // tests every row against them (a read-only one skips them), and that copy is
        // what `copy_into` restores, so nothing can change between check and restore.
        let copy = in_memory(&conn).map_err(read)?;
        drop(conn);
        if schema::of(&copy).map_err(read)? != ours {
            return Err(refuse("changed while it was being read; try again".into()));
        }
        let verdict: Vec<String> = copy
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
            .map_err(read)?;
        if verdict != ["ok"] {
            return Err(refuse(format!("is damaged ({})", verdict.join("; "))));
        }
        let orphans: Vec<String> = copy
            .prepare("PRAGMA foreign_key_check")
            .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
            .map_err(read)?;
        if let Some(table) = orphans.first() {
            return Err(refuse(format!(
                "is damaged ({} row(s) refer to rows that are missing, the first in {table})",
                orphans.len()
            )));
        }
        Ok(Candidate { copy, version })
    }

    /// Copies the checked copy over `live` in one step: the destination is written in
    /// one transaction, so a failure leaves the live database as it was.
    fn copy_into(&self, live: &mut Connection) -> Result<(), StoreError> {
        Ok(copy_all(&Backup::new(&self.copy, live)?)?)
    }
}

/// Runs a backup to the end in one step (the source is read in one go, under the read
/// transaction already held on it).
fn copy_all(backup: &Backup) -> rusqlite::Result<()> {
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => continue,
            // Busy or Locked: another program holds the destination past the busy
            // timeout; retrying forever (as `run_to_completion` would) would hang the
            // window.
            _ => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("another program is using the database; close it and try again".into()),
                ))
            }
        }
    }
}

/// Turns on SQLite's defences for a file we do not trust: a hostile schema could name
/// functions in views, triggers or CHECKs, so none that is not harmless runs, and
/// nothing (not even a pragma) may corrupt the file.
fn defend(conn: &Connection) -> rusqlite::Result<bool> {
    let defensive = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    let trusted = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    Ok(defensive && !trusted)
}

/// A writable in-memory database holding the snapshot `file` is reading, with the same
/// defences. It takes the file's page size first (a backup into memory cannot change it).
fn in_memory(file: &Connection) -> rusqlite::Result<Connection> {
    let page_size: i64 = file.pragma_query_value(None, "page_size", |r| r.get(0))?;
    let mut copy = Connection::open_in_memory_with_flags(
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    defend(&copy)?;
    copy.pragma_update(None, "page_size", page_size)?;
    copy_all(&Backup::new(file, &mut copy)?)?;
    Ok(copy)
}

/// Refuses what must not be opened at all, from the path's own metadata (a link is not
/// followed): a missing path, a link, a folder, a pipe or device, an empty file, the
/// live database itself.
fn look_before_opening(path: &Path, live: Option<&Path>) -> Result<(), String> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot be read ({e})"))?;
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err("is a link to another file; choose the file itself".into());
    }
    if kind.is_dir() {
        return Err("is a folder, not a file".into());
    }
    if !kind.is_file() {
        return Err(format!("is {}, not a file", special_kind(&meta)));
    }
    if let Some(live) = live {
        if is_same_file(path, &meta, live) {
            return Err("is the database in use; choose a backup of it instead".into());
        }
    }
    if meta.len() == 0 {
        return Err("is empty: it is not an SQLite database".into());
    }
    Ok(())
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::Metadata) -> &'static str {
    "not a regular file"
}

/// The same file under another name: the same resolved path, or (on Unix) the same
/// inode, which also catches a hard link.
fn is_same_file(path: &Path, meta: &std::fs::Metadata, live: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(path), std::fs::canonicalize(live)) {
        if a == b {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(live_meta) = std::fs::metadata(live) {
            return meta.dev() == live_meta.dev() && meta.ino() == live_meta.ino();
        }
    }
    let _ = meta;
    false
}

fn has_object(schema: &[schema::SchemaObject], object: &schema::SchemaObject) -> bool {
    schema
        .iter()
        .any(|o| o.kind == object.kind && o.name == object.name)
}

/// Says how a schema differs from ours at `version`: ours with a definition changed (or
/// a few objects added or missing) is a damaged backup; a file that shares little more
/// than a name with ours belongs to another program.
fn schema_difference(
    found: &[schema::SchemaObject],
    ours: &[schema::SchemaObject],
    version: usize,
) -> String {
    let shared = ours.iter().filter(|o| has_object(found, o)).count();
    if shared * 2 <= ours.len() {
        return "is an SQLite database from another program".into();
    }
    let detail = if let Some(o) = ours
        .iter()
        .find(|o| has_object(found, o) && !found.contains(o))
    {
        format!(
            "its {} {} is not defined as schema {version} defines it",
            o.kind, o.name
        )
    } else if let Some(o) = ours.iter().find(|o| !has_object(found, o)) {
        format!("its {} {} is missing", o.kind, o.name)
    } else if let Some(o) = found.iter().find(|o| !has_object(ours, o)) {
        format!(
            "it has a {} {} that schema {version} does not have",
            o.kind, o.name
        )
    } else {
        format!("its schema is not schema {version}")
    };
    format!("is damaged ({detail})")
}
