//! The user's data as files: CSV exports (one file per kind of record), backups (daily,
//! on request, the last 7 kept), and restoring a backup after checking it.

use super::ServiceError;
use crate::core::dates::Now;
use crate::core::InvalidInput;
use crate::store::backup::NotABackup;
use crate::store::{app_state, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Where things go on this machine (resolved by the shell from the platform's folders).
#[derive(Debug, Clone)]
pub struct Folders {
    pub data: PathBuf,
    pub backups: PathBuf,
    pub default_export: PathBuf,
}

/// Automatic and manual backups kept.
pub const KEEP_BACKUPS: usize = 7;
const BACKUP_PREFIX: &str = "rehab-backup-";
const BEFORE_RESTORE_PREFIX: &str = "rehab-before-restore-";

#[derive(Debug, Clone, Serialize)]
pub struct BackupFile {
    pub name: String,
    pub path: PathBuf,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DataView {
    pub data_folder: PathBuf,
    pub database: PathBuf,
    pub export_folder: PathBuf,
    pub export_is_default: bool,
    pub export_folder_default: PathBuf,
    pub backups_folder: PathBuf,
    /// Newest first.
    pub backups: Vec<BackupFile>,
}

fn export_folder(store: &mut Store, folders: &Folders) -> Result<(PathBuf, bool), ServiceError> {
    let chosen =
        store.read(|tx| Ok::<_, ServiceError>(app_state::text(tx, app_state::EXPORT_FOLDER)?))?;
    Ok(match chosen {
        Some(p) if !p.is_empty() => (PathBuf::from(p), false),
        _ => (folders.default_export.clone(), true),
    })
}

pub fn view(store: &mut Store, folders: &Folders) -> Result<DataView, ServiceError> {
    let (export, is_default) = export_folder(store, folders)?;
    Ok(DataView {
        data_folder: folders.data.clone(),
        database: store.path().to_path_buf(),
        export_folder: export,
        export_is_default: is_default,
        export_folder_default: folders.default_export.clone(),
        backups_folder: folders.backups.clone(),
        backups: backups(&folders.backups),
    })
}

/// Sets the export folder: an absolute path, or empty for the default.
pub fn set_export_folder(
    store: &mut Store,
    now: Now,
    folders: &Folders,
    text: &str,
) -> Result<DataView, ServiceError> {
    let text = text.trim();
    if !text.is_empty() {
        let path = Path::new(text);
        if !path.is_absolute() || text.chars().count() > 1000 {
            return Err(InvalidInput::new(
                "export_folder",
                format!(
                    "Export folder must be a full path such as {} (got \"{text}\").",
                    folders.default_export.display()
                ),
            )
            .into());
        }
    }
    store.write(|tx| {
        Ok::<_, ServiceError>(app_state::set_text(
            tx,
            app_state::EXPORT_FOLDER,
            text,
            now.utc,
        )?)
    })?;
    view(store, folders)
}

/// The backups in `dir`, newest first.
pub fn backups(dir: &Path) -> Vec<BackupFile> {
    let mut out: Vec<BackupFile> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let ours = (name.starts_with(BACKUP_PREFIX) || name.starts_with(BEFORE_RESTORE_PREFIX))
                && name.ends_with(".db");
            let meta = e.metadata().ok()?;
            ours.then(|| BackupFile {
                name,
                path: e.path(),
                bytes: meta.len(),
            })
        })
        .collect();
    // The names carry the UTC time, so they sort in time order within each kind.
    out.sort_by(|a, b| stamp_of(&b.name).cmp(stamp_of(&a.name)));
    out
}

fn stamp_of(name: &str) -> &str {
    name.trim_start_matches(BACKUP_PREFIX)
        .trim_start_matches(BEFORE_RESTORE_PREFIX)
}

fn file_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H%M%S%.3fZ").to_string()
}

/// A backup now, then the oldest beyond the last 7 removed.
pub fn backup_now(
    store: &mut Store,
    now: Now,
    folders: &Folders,
) -> Result<BackupFile, ServiceError> {
    let path = folders
        .backups
        .join(format!("{BACKUP_PREFIX}{}.db", file_stamp(now.utc)));
    store.backup_to(&path)?;
    prune(&folders.backups)?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupFile {
        name: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        path,
        bytes,
    })
}

/// The daily backup: made if there is none from today (UTC day of the file name) yet.
pub fn daily_backup(
    store: &mut Store,
    now: Now,
    folders: &Folders,
) -> Result<Option<BackupFile>, ServiceError> {
    let today = now.utc.format("%Y-%m-%d").to_string();
    let have = backups(&folders.backups)
        .iter()
        .any(|b| b.name.starts_with(BACKUP_PREFIX) && stamp_of(&b.name).starts_with(&today));
    if have {
        return Ok(None);
    }
    backup_now(store, now, folders).map(Some)
}

fn prune(dir: &Path) -> Result<(), ServiceError> {
    let ours: Vec<BackupFile> = backups(dir)
        .into_iter()
        .filter(|b| b.name.starts_with(BACKUP_PREFIX))
        .collect();
    for old in ours.iter().skip(KEEP_BACKUPS) {
        std::fs::remove_file(&old.path).map_err(|source| StoreError::Io {
            action: "could not remove the old backup",
            path: old.path.clone(),
            source,
        })?;
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    pub message: String,
    /// Where the database as it was before the restore was kept.
    pub kept: PathBuf,
}

/// Restores the backup at `path` (after checking it), keeping the current database first.
pub fn restore(
    store: &mut Store,
    now: Now,
    folders: &Folders,
    path: &str,
) -> Result<Restored, ServiceError> {
    let from = PathBuf::from(path.trim());
    if path.trim().is_empty() {
        return Err(InvalidInput::new(
            "path",
            "Backup file must be the full path of a backup (got nothing).",
        )
        .into());
    }
    let kept = folders
        .backups
        .join(format!("{BEFORE_RESTORE_PREFIX}{}.db", file_stamp(now.utc)));
    match store.restore_from(&from, &kept)? {
        Ok(version) => Ok(Restored {
            message: format!(
                "Restored {} (schema {version}). The database as it was before is kept as {}.",
                from.display(),
                kept.display()
            ),
            kept,
        }),
        Err(NotABackup(why)) => {
            Err(InvalidInput::new("path", format!("Nothing was changed: {why}.")).into())
        }
    }
}

// --- CSV export -------------------------------------------------------------------------

/// One CSV file: its name, header and the query that fills it (columns in header order).
struct CsvSpec {
    file: &'static str,
    header: &'static [&'static str],
    sql: &'static str,
}

const CSV: &[CsvSpec] = &[
    CsvSpec {
        file: "exercise_sets.csv",
        header: &["session_id", "date", "started_at", "exercise_id", "set_no", "amount", "unit", "recorded_at"],
        sql: "SELECT s.session_id, e.local_date, e.started_at, s.exercise_id, s.set_no, s.amount,
                     CASE s.exercise_id WHEN 'front_plank' THEN 'seconds' ELSE 'repetitions' END, s.recorded_at
              FROM exercise_sets s JOIN exercise_sessions e ON e.id = s.session_id ORDER BY e.local_date, s.session_id, s.exercise_id, s.set_no",
    },
    CsvSpec {
        file: "exercise_pain.csv",
        header: &["session_id", "date", "exercise_id", "pain", "recorded_at"],
        sql: "SELECT p.session_id, e.local_date, p.exercise_id, p.pain, p.recorded_at
              FROM exercise_pain p JOIN exercise_sessions e ON e.id = p.session_id ORDER BY e.local_date, p.session_id, p.exercise_id",
    },
    CsvSpec {
        file: "pain_checkins.csv",
        header: &["id", "date", "at", "context", "pain", "note"],
        sql: "SELECT id, local_date, at, context, pain, note FROM pain_checkins ORDER BY local_date, at, id",
    },
    CsvSpec {
        file: "stretches.csv",
        header: &["id", "date", "done_at", "source"],
        sql: "SELECT id, local_date, done_at, source FROM stretches ORDER BY local_date, done_at, id",
    },
    CsvSpec {
        file: "reminders.csv",
        header: &["id", "date", "planned", "outcome", "catch_up", "at"],
        sql: "SELECT id, local_date, printf('%02d:%02d', planned / 60, planned % 60), outcome, catch_up, at
              FROM reminder_events ORDER BY local_date, at, id",
    },
    CsvSpec {
        file: "test_results.csv",
        header: &["id", "date", "test_id", "side", "result", "recorded_at"],
        sql: "SELECT id, taken_on, test_id, side, CASE painful WHEN 1 THEN 'pain' ELSE 'no pain' END, recorded_at
              FROM test_results ORDER BY taken_on, recorded_at, id",
    },
    CsvSpec {
        file: "range_of_motion.csv",
        header: &["id", "date", "normal", "recorded_at"],
        sql: "SELECT id, taken_on, CASE normal WHEN 1 THEN 'yes' ELSE 'no' END, recorded_at FROM range_of_motion ORDER BY taken_on, id",
    },
    CsvSpec {
        file: "runs.csv",
        header: &["id", "date", "walk_jog_sets", "minutes", "pain", "note", "override_rule", "recorded_at"],
        sql: "SELECT id, date, sets, minutes, pain, note, override_rule, recorded_at FROM runs ORDER BY date, id",
    },
    CsvSpec {
        file: "notes.csv",
        header: &["id", "date", "at", "text"],
        sql: "SELECT id, local_date, at, text FROM notes ORDER BY local_date, at, id",
    },
    CsvSpec {
        file: "ladder_moves.csv",
        header: &["id", "date", "moved_at", "from_step", "to_step"],
        sql: "SELECT id, local_date, moved_at, from_step + 1, to_step + 1 FROM ladder_moves ORDER BY local_date, id",
    },
];

#[derive(Debug, Clone, Serialize)]
pub struct CsvFile {
    pub name: String,
    pub rows: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    pub folder: PathBuf,
    pub files: Vec<CsvFile>,
}

/// Every record as CSV, one file per kind, in a new dated folder inside the export folder.
pub fn export_csv(
    store: &mut Store,
    now: Now,
    folders: &Folders,
) -> Result<Exported, ServiceError> {
    let (base, _) = export_folder(store, folders)?;
    let folder = base.join(format!("export-{}", now.utc.format("%Y-%m-%dT%H%M%SZ")));
    let io = |action: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| {
            ServiceError::Store(StoreError::Io {
                action,
                path,
                source,
            })
        }
    };
    std::fs::create_dir_all(&folder).map_err(io("could not create the export folder", &folder))?;
    let files = store.read(|tx| {
        let mut files = Vec::new();
        for spec in CSV {
            let path = folder.join(spec.file);
            let partial = folder.join(format!("{}.partial", spec.file));
            let mut out = csv::Writer::from_path(&partial).map_err(|e| {
                StoreError::BadRow(format!("could not write {}: {e}", partial.display()))
            })?;
            let csv_err =
                |e: csv::Error| StoreError::BadRow(format!("could not write {}: {e}", spec.file));
            out.write_record(spec.header).map_err(csv_err)?;
            let count =
                tx.rows_as_text(spec.sql, |cells| out.write_record(cells).map_err(csv_err))?;
            out.flush().map_err(|e| StoreError::Io {
                action: "could not write",
                path: partial.clone(),
                source: e,
            })?;
            drop(out);
            std::fs::rename(&partial, &path).map_err(|e| StoreError::Io {
                action: "could not name",
                path: path.clone(),
                source: e,
            })?;
            files.push(CsvFile {
                name: spec.file.to_string(),
                rows: count,
            });
        }
        Ok::<_, ServiceError>(files)
    })?;
    Ok(Exported { folder, files })
}
