//! The user's data as files: CSV exports (one file per kind of record), backups (daily,
//! on request, the last 7 kept), restoring a backup after checking it, and which of the
//! app's folders may be opened. The window names folders and backups; it never sends a
//! path (a picked file's path comes from the system's dialog, through the shell).

use super::ServiceError;
use crate::core::dates::Now;
use crate::core::export::CsvRow;
use crate::core::files::{self, csv_safe_cell, FolderName};
use crate::core::journal::Kind;
use crate::core::InvalidInput;
use crate::store::backup::NotABackup;
use crate::store::records::{self, Days};
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

pub use crate::core::files::KEEP_BACKUPS;
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
    /// How many of the daily and manual backups are kept.
    pub keep_backups: usize,
}

fn export_folder(store: &mut Store, folders: &Folders) -> Result<(PathBuf, bool), ServiceError> {
    let chosen =
        store.read(|tx| Ok::<_, ServiceError>(app_state::text(tx, app_state::EXPORT_FOLDER)?))?;
    // Checked again on every use: an older version stored any full path, and a restored
    // backup brings its own setting. A folder that breaks the rule is not used.
    Ok(match chosen {
        Some(p) if !p.is_empty() => match checked_export_folder(&p, folders) {
            Ok(path) => (path, false),
            Err(_) => (folders.default_export.clone(), true),
        },
        _ => (folders.default_export.clone(), true),
    })
}

/// The core's rule on the path as written, then on where it really leads if it exists
/// (a link in a folder of the user's own may point into a system folder).
fn checked_export_folder(text: &str, folders: &Folders) -> Result<PathBuf, InvalidInput> {
    let path = files::check_export_folder(text, &folders.data, &folders.default_export)?;
    if let Ok(real) = std::fs::canonicalize(&path) {
        let data = std::fs::canonicalize(&folders.data).unwrap_or_else(|_| folders.data.clone());
        let real_text = real.to_string_lossy();
        files::check_export_folder(&real_text, &data, &folders.default_export)?;
    }
    Ok(path)
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
        keep_backups: KEEP_BACKUPS,
    })
}

/// Sets the export folder: a full path to a folder of the user's own (see
/// [`files::check_export_folder`]), or empty for the default. The folder is not created
/// here: the first export makes it.
pub fn set_export_folder(
    store: &mut Store,
    now: Now,
    folders: &Folders,
    text: &str,
) -> Result<DataView, ServiceError> {
    let text = text.trim();
    if !text.is_empty() {
        checked_export_folder(text, folders)?;
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

/// Back to the default export folder.
pub fn reset_export_folder(
    store: &mut Store,
    now: Now,
    folders: &Folders,
) -> Result<DataView, ServiceError> {
    set_export_folder(store, now, folders, "")
}

/// The folders this run of the app has written, for "Open folder" after an export or a
/// saved report. Kept by the shell in memory: see `shell::AppState::written`.
#[derive(Debug, Clone, Default)]
pub struct LastWritten {
    /// The exact folder the last CSV export wrote.
    pub export: Option<PathBuf>,
    /// The folder the last report was saved in.
    pub report: Option<PathBuf>,
}

/// The folder the window asked to see by name, if it exists. Nothing is created here:
/// a folder not made yet gets a message saying when it will be.
pub fn folder_to_open(
    store: &mut Store,
    folders: &Folders,
    which: &str,
    last: &LastWritten,
) -> Result<PathBuf, ServiceError> {
    let name = FolderName::parse(which)?;
    let path = match name {
        FolderName::Data => Some(folders.data.clone()),
        FolderName::Backups => Some(folders.backups.clone()),
        FolderName::Export => Some(export_folder(store, folders)?.0),
        FolderName::LastExport => last.export.clone(),
        FolderName::LastReport => last.report.clone(),
    };
    match path {
        Some(path) if path.is_dir() => Ok(path),
        Some(_) => Err(ServiceError::NotFound(name.not_there(true))),
        None => Err(ServiceError::NotFound(name.not_there(false))),
    }
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

/// Restores the listed backup called `name`: it must be the file name of one of
/// [`backups`], so the window can restore nothing but the app's own backups by name.
pub fn restore_listed(
    store: &mut Store,
    now: Now,
    folders: &Folders,
    name: &str,
) -> Result<Restored, ServiceError> {
    let listed = backups(&folders.backups);
    let found = listed
        .iter()
        .find(|b| b.name == name)
        .ok_or_else(|| files::not_a_listed_backup(name))?;
    restore_at(store, now, folders, &found.path, "name")
}

/// A file picked in the system's dialog, shown back to the user before the restore.
#[derive(Debug, Clone, Serialize)]
pub struct PickedBackup {
    pub name: String,
    pub path: PathBuf,
}

/// Checks a file picked in the dialog enough to ask the user about it (the restore checks
/// its content).
pub fn picked_backup(store: &Store, path: &Path) -> Result<PickedBackup, ServiceError> {
    check_picked(store, path)?;
    Ok(PickedBackup {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
        path: path.to_path_buf(),
    })
}

/// Restores a file picked in the system's dialog (never a path the window typed).
pub fn restore_picked(
    store: &mut Store,
    now: Now,
    folders: &Folders,
    path: &Path,
) -> Result<Restored, ServiceError> {
    check_picked(store, path)?;
    restore_at(store, now, folders, path, "file")
}

fn check_picked(store: &Store, path: &Path) -> Result<(), ServiceError> {
    if !path.is_file() {
        return Err(files::not_a_file(path).into());
    }
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if same(path, store.path()) {
        return Err(files::the_live_database(path).into());
    }
    Ok(())
}

/// [`restore`] on a path the app found itself; its refusals name the window's `field`.
fn restore_at(
    store: &mut Store,
    now: Now,
    folders: &Folders,
    path: &Path,
    field: &str,
) -> Result<Restored, ServiceError> {
    let text = path
        .to_str()
        .ok_or_else(|| files::path_not_text(field, path))?;
    restore(store, now, folders, text).map_err(|err| match err {
        ServiceError::Invalid(mut invalid) if invalid.field == "path" => {
            invalid.field = field.to_string();
            ServiceError::Invalid(invalid)
        }
        other => other,
    })
}

// --- CSV export -------------------------------------------------------------------------

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
    let logged = store.read(|tx| records::logged(tx, Days::All, &Kind::ALL))?;
    let files = vec![
        write_csv(&folder, &logged.sets)?,
        write_csv(&folder, &logged.pains)?,
        write_csv(&folder, &logged.checkins)?,
        write_csv(&folder, &logged.stretches)?,
        write_csv(&folder, &logged.reminders)?,
        write_csv(&folder, &logged.tests)?,
        write_csv(&folder, &logged.roms)?,
        write_csv(&folder, &logged.runs)?,
        write_csv(&folder, &logged.notes)?,
        write_csv(&folder, &logged.moves)?,
    ];
    Ok(Exported { folder, files })
}

/// Writes `rows` as the CSV file of their kind in `folder`: into a `.partial` file first,
/// named at the end, so a file of that name is always whole.
fn write_csv<R: CsvRow>(folder: &Path, rows: &[R]) -> Result<CsvFile, ServiceError> {
    let path = folder.join(R::FILE);
    let partial = folder.join(format!("{}.partial", R::FILE));
    let mut out = csv::Writer::from_path(&partial)
        .map_err(|e| StoreError::BadRow(format!("could not write {}: {e}", partial.display())))?;
    let csv_err = |e: csv::Error| StoreError::BadRow(format!("could not write {}: {e}", R::FILE));
    out.write_record(R::HEADER).map_err(csv_err)?;
    // Every cell goes through the core's rule, numbers too: none is negative (the
    // schema's CHECKs), so only text a spreadsheet would run is changed.
    for row in rows {
        let cells = row.cells();
        let safe: Vec<_> = cells.iter().map(|c| csv_safe_cell(c)).collect();
        out.write_record(safe.iter().map(|c| c.as_bytes()))
            .map_err(csv_err)?;
    }
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
    Ok(CsvFile {
        name: R::FILE.to_string(),
        rows: rows.len(),
    })
}
