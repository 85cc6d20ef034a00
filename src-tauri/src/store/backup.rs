//! Copies of the database: written with SQLite's online backup API (a consistent copy
//! while the app runs), checked before one is restored, and restored over the live
//! database only after the live one has itself been copied aside.

use super::{migrations, Store, StoreError};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
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

    /// Replaces the database with the backup at `from`, after checking it (`verify`) and
    /// copying the live database to `keep_current_at`. An older backup is brought up to
    /// the current schema; if that fails the copied live database is put back.
    pub fn restore_from(
        &mut self,
        from: &Path,
        keep_current_at: &Path,
    ) -> Result<Result<usize, NotABackup>, StoreError> {
        let version = match verify(from) {
            Ok(v) => v,
            Err(why) => return Ok(Err(why)),
        };
        self.backup_to(keep_current_at)?;
        self.conn
            .restore(MAIN_DB, from, None::<fn(rusqlite::backup::Progress)>)?;
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

/// Checks that `path` is a whole High Hamstring Rehab database this version can read,
/// on a read-only connection. Returns its schema version.
pub fn verify(path: &Path) -> Result<usize, NotABackup> {
    let shown = path.display();
    let meta =
        std::fs::metadata(path).map_err(|e| NotABackup(format!("{shown} cannot be read: {e}")))?;
    if !meta.is_file() {
        return Err(NotABackup(format!("{shown} is not a file")));
    }
    let not_db =
        |e: rusqlite::Error| NotABackup(format!("{shown} is not a readable SQLite database ({e})"));
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(not_db)?;
    let verdict: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect())
        .map_err(not_db)?;
    if verdict != ["ok"] {
        return Err(NotABackup(format!(
            "{shown} is damaged ({})",
            verdict.join("; ")
        )));
    }
    let version: usize = conn
        .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map_err(not_db)?
        .try_into()
        .unwrap_or(0);
    if version == 0 {
        return Err(NotABackup(format!(
            "{shown} is not a High Hamstring Rehab database"
        )));
    }
    if version > migrations::LATEST {
        return Err(NotABackup(format!(
            "{shown} comes from a newer version of High Hamstring Rehab (schema {version}, this version knows {})",
            migrations::LATEST
        )));
    }
    // A `settings` table and a plausible user_version are easy to have by chance (or on
    // purpose): the file must hold exactly the tables and indexes our migrations make at
    // its version, or restoring it would leave the app on tables it cannot use.
    let ours = schema_at(version).map_err(|e| {
        NotABackup(format!(
            "schema {version} could not be built to compare ({e})"
        ))
    })?;
    if schema_of(&conn).map_err(not_db)? != ours {
        return Err(NotABackup(format!(
            "{shown} is not a High Hamstring Rehab database (its tables are not those of schema {version})"
        )));
    }
    Ok(version)
}

/// Every table, index, view and trigger with its SQL, in a fixed order.
fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<(String, String, Option<String>)>> {
    conn.prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )?
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
    .collect()
}

/// The schema our migrations make at `version`, on an in-memory database.
fn schema_at(version: usize) -> Result<Vec<(String, String, Option<String>)>, String> {
    let mut mem = Connection::open_in_memory().map_err(|e| e.to_string())?;
    migrations::migrations()
        .to_version(&mut mem, version)
        .map_err(|e| e.to_string())?;
    schema_of(&mem).map_err(|e| e.to_string())
}
