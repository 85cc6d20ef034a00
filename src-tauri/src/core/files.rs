//! The user's files as rules: which folders the window may ask to open (by name, never
//! by path), where exports may be written, and CSV cells a spreadsheet will not run.
//!
//! Pure: a path is judged as written, no disk is read. The service adds what needs the
//! disk (does the folder exist, where does a link really point).

use super::InvalidInput;
use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

/// A folder the window may ask to see. The page sends one of these names, never a path,
/// so a page that went wrong can open nothing but the app's own folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderName {
    Data,
    Backups,
    Export,
    /// The folder the last CSV export of this run of the app wrote.
    LastExport,
    /// The folder of the last report saved in this run of the app.
    LastReport,
}

impl FolderName {
    pub const ALL: [FolderName; 5] = [
        FolderName::Data,
        FolderName::Backups,
        FolderName::Export,
        FolderName::LastExport,
        FolderName::LastReport,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FolderName::Data => "data",
            FolderName::Backups => "backups",
            FolderName::Export => "export",
            FolderName::LastExport => "last_export",
            FolderName::LastReport => "last_report",
        }
    }

    /// Exactly one of the names; anything else (a path, `../x`, a near miss) is refused.
    pub fn parse(text: &str) -> Result<FolderName, InvalidInput> {
        FolderName::ALL
            .into_iter()
            .find(|name| name.as_str() == text)
            .ok_or_else(|| {
                let names: Vec<&str> = FolderName::ALL.iter().map(|n| n.as_str()).collect();
                InvalidInput::new(
                    "which",
                    format!(
                        "Folder to open must be one of {} (got \"{}\").",
                        names.join(", "),
                        shortened(text)
                    ),
                )
            })
    }

    /// Said when the folder is not on disk: it is never created just to be shown.
    /// `known` is false when this run of the app has not written that folder at all.
    pub fn not_there(self, known: bool) -> InvalidInput {
        let message = match (self, known) {
            (FolderName::Data, _) => "The data folder is not there any more.",
            (FolderName::Backups, _) => {
                "The backups folder has not been created yet: it is made on the first backup."
            }
            (FolderName::Export, _) => {
                "The export folder has not been created yet: it is made on the first export."
            }
            (FolderName::LastExport, false) => {
                "Nothing has been exported since the app started: export first, then open its folder."
            }
            (FolderName::LastExport, true) => {
                "The last export's folder is not there any more: it was moved or deleted."
            }
            (FolderName::LastReport, false) => {
                "No report has been saved since the app started: save one first, then open its folder."
            }
            (FolderName::LastReport, true) => {
                "The last report's folder is not there any more: it was moved or deleted."
            }
        };
        InvalidInput::new("which", message)
    }
}

/// A backup the window named that is not one of those listed.
pub fn not_a_listed_backup(name: &str) -> InvalidInput {
    InvalidInput::new(
        "name",
        format!(
            "Backup to restore must be the name of one of the backups listed (got \"{}\"). To restore another file, use Restore from a file.",
            shortened(name)
        ),
    )
}

/// "Restore" pressed for a picked file when none is picked (or it was already restored).
pub fn no_file_picked() -> InvalidInput {
    InvalidInput::new(
        "file",
        "Choose a backup file first: Restore from a file opens the system's file dialog.",
    )
}

/// The picked file is not a file (a folder, or gone since it was picked).
pub fn not_a_file(path: &Path) -> InvalidInput {
    InvalidInput::new(
        "file",
        format!(
            "{} is not a file: choose a High Hamstring Rehab backup (.db).",
            path.display()
        ),
    )
}

/// The picked file is the database the app has open.
pub fn the_live_database(path: &Path) -> InvalidInput {
    InvalidInput::new(
        "file",
        format!(
            "{} is the database in use now, not a backup: choose a backup (.db), such as one in the backups folder.",
            path.display()
        ),
    )
}

/// A path the platform cannot give as text (the restore takes text).
pub fn path_not_text(field: &str, path: &Path) -> InvalidInput {
    InvalidInput::new(
        field,
        format!(
            "The path {} cannot be read as text: move the file to a folder with a plainer name and try again.",
            path.display()
        ),
    )
}

/// Automatic and manual backups kept (the app's own choice: a week of daily copies).
pub const KEEP_BACKUPS: usize = 7;

/// The longest export folder path taken.
pub const MAX_FOLDER_CHARS: usize = 1000;

/// Top-level folders of a Unix system (and macOS's `/System` and `/private`, where its
/// `/etc` and `/var` really are): never an export folder, nor anything inside them, but
/// for macOS's per-user temporary folders (`/var/folders`). `/lib*` is matched by prefix
/// (lib, lib32, lib64, libx32).
const UNIX_SYSTEM: &[&str] = &[
    "bin", "boot", "dev", "etc", "proc", "sbin", "sys", "usr", "var", "system",
];

/// Checks a folder for exports and reports: a full path to a folder of the user's own.
/// `data_folder` is the app's data folder (refused with everything inside it: the
/// database and backups live there); `example` is shown as the allowed form.
pub fn check_export_folder(
    text: &str,
    data_folder: &Path,
    example: &Path,
) -> Result<PathBuf, InvalidInput> {
    let refuse = |why: String| {
        Err(InvalidInput::new(
            "export_folder",
            format!(
                "{why} The export folder must be a full path to a folder of your own, such as {}.",
                example.display()
            ),
        ))
    };
    let text = text.trim();
    if text.chars().count() > MAX_FOLDER_CHARS {
        return refuse(format!(
            "That path is longer than {MAX_FOLDER_CHARS} characters."
        ));
    }
    if text.chars().any(char::is_control) {
        return refuse("That path has a line break or another control character in it.".into());
    }
    let path = Path::new(text);
    if !path.is_absolute() {
        return refuse(format!("\"{}\" is not a full path.", shortened(text)));
    }
    // A ".." could climb out of any folder checked below; a chosen folder never needs one.
    if path.components().any(|c| c == Component::ParentDir) {
        return refuse(format!("\"{}\" goes up with \"..\".", shortened(text)));
    }
    if is_system_folder(path, text) {
        return refuse(format!("{} is a system folder.", shortened(text)));
    }
    if path.starts_with(data_folder) {
        return refuse(format!(
            "{} is the app's own data folder, where the database and backups live.",
            shortened(text)
        ));
    }
    Ok(path.to_path_buf())
}

/// `path` as a Unix path, `text` as a Windows one (judged as text, so the Windows rule is
/// the same, and tested, on every platform).
pub fn is_system_folder(path: &Path, text: &str) -> bool {
    is_unix_system(path) || is_windows_system(text)
}

fn is_unix_system(path: &Path) -> bool {
    let mut parts = path.components();
    if parts.next() != Some(Component::RootDir) {
        return false;
    }
    match parts.next() {
        None => true, // "/" itself
        Some(Component::Normal(first)) => {
            let first = first.to_string_lossy().to_ascii_lowercase();
            let second = match parts.next() {
                Some(Component::Normal(second)) => second.to_string_lossy().to_ascii_lowercase(),
                _ => String::new(),
            };
            // macOS keeps each user's temporary folders in /var/folders (a link to
            // /private/var/folders): the user's own, not the system's.
            let users_temp = match first.as_str() {
                "var" => second == "folders",
                "private" => second == "var" && is_users_temp_under_private(path),
                _ => false,
            };
            !users_temp
                && (first.starts_with("lib")
                    || UNIX_SYSTEM.contains(&first.as_str())
                    || first == "private")
        }
        _ => false,
    }
}

/// `/private/var/folders/…`: macOS's per-user temporary folders seen through the link.
fn is_users_temp_under_private(path: &Path) -> bool {
    let mut parts = path.components().skip(3); // "/", "private", "var"
    matches!(parts.next(), Some(Component::Normal(p)) if p == "folders")
}

/// `C:\Windows` and `C:\Program Files*` on any drive, in any case, with either slash,
/// with or without the `\\?\` prefix. A drive's root stays allowed (a USB stick).
fn is_windows_system(text: &str) -> bool {
    let text = text.strip_prefix(r"\\?\").unwrap_or(text);
    let bytes = text.as_bytes();
    if bytes.len() < 2 || !bytes[0].is_ascii_alphabetic() || bytes[1] != b':' {
        return false;
    }
    let first = text[2..]
        .split(['\\', '/'])
        .find(|part| !part.is_empty())
        .map(|part| part.to_ascii_lowercase());
    match first {
        Some(first) => first == "windows" || first.starts_with("program files"),
        None => false,
    }
}

/// A cell as written to a CSV file: text a spreadsheet would read as a formula (it
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe,
/// the OWASP rule against CSV injection. Everything else is written as it is.
pub fn csv_safe_cell(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// What the user sent, cut short for a message.
fn shortened(text: &str) -> String {
    const SHOWN: usize = 80;
    if text.chars().count() <= SHOWN {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(SHOWN).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::says;

    fn check(text: &str) -> Result<PathBuf, InvalidInput> {
        check_export_folder(
            text,
            Path::new("/home/me/.local/share/rehab"),
            Path::new("/home/me/Documents/High Hamstring Rehab"),
        )
    }

    #[test]
    fn only_the_five_names_open_a_folder() {
        for name in FolderName::ALL {
            assert_eq!(FolderName::parse(name.as_str()), Ok(name));
        }
        for bad in [
            "",
            "Data",
            " data",
            "export/..",
            "../x",
            "/tmp",
            "/home/me/Documents",
            "last-export",
        ] {
            let err = FolderName::parse(bad).unwrap_err();
            assert_eq!(err.field, "which");
            says(
                &err.message,
                "data, backups, export, last_export, last_report",
            );
        }
    }

    #[test]
    fn a_folder_of_the_users_own_is_taken() {
        for ok in [
            "/home/me/Documents/Rehab",
            "/home/me/Documents/High Hamstring Rehab/",
            "/media/usb/exports",
            "/tmp/x",
            "/home/me/.local/share", // beside the data folder, not inside it
            "/home/me/.local/share/rehab-exports",
            "/home/me/library", // only top-level /lib* is the system's
            "/var/folders/zz/abc/T/x", // macOS's per-user temporary folders
            "/private/var/folders/zz/abc/T/x",
        ] {
            assert_eq!(check(ok).as_deref(), Ok(Path::new(ok)), "{ok}");
        }
    }

    #[test]
    fn system_folders_relative_paths_dots_and_the_data_folder_are_refused() {
        for bad in [
            "",
            "relative/folder",
            "./x",
            "~/Documents",
            "/",
            "/etc",
            "/etc/cron.d",
            "/ETC",
            "/usr/local/share",
            "/var/tmp",
            "/lib",
            "/lib64/x",
            "/bin",
            "/sbin",
            "/boot",
            "/dev/shm",
            "/proc/self",
            "/sys/kernel",
            "/System/Library",
            "/private/etc",
            "/private/var/db",
            "/private",
            "/var/folders-not",
            "/home/me/../../etc",
            "/home/me/Documents/..",
            "/home/me/Documents/../x",
            "/home/me/.local/share/rehab",
            "/home/me/.local/share/rehab/backups",
            "/home/me/Docs\nx",
        ] {
            let err = check(bad).unwrap_err();
            assert_eq!(err.field, "export_folder", "{bad}");
            says(&err.message, "/home/me/Documents/High Hamstring Rehab");
        }
        let long = format!("/home/{}", "a".repeat(MAX_FOLDER_CHARS));
        says(&check(&long).unwrap_err().message, "1000 characters");
    }

    #[test]
    fn windows_system_folders_are_known_whatever_the_spelling() {
        for system in [
            r"C:\Windows",
            r"c:\windows\System32",
            "C:/Windows",
            r"D:\Program Files\x",
            r"C:\Program Files (x86)",
            r"\\?\C:\Windows",
        ] {
            assert!(is_windows_system(system), "{system}");
        }
        for mine in [
            r"C:\Users\me\Documents",
            r"E:\",
            r"C:\WindowsBackups\x",
            "/home/windows",
        ] {
            assert!(!is_windows_system(mine), "{mine}");
        }
    }

    #[test]
    fn cells_a_spreadsheet_would_run_get_an_apostrophe() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ] {
            assert_eq!(csv_safe_cell(cell), written);
        }
        for plain in [
            "",
            "walked, then sat",
            "a \"quoted\" word",
            "2026-03-02",
            "12",
            "ça va 1=1",
            " =x",
            "'=1",
        ] {
            assert_eq!(csv_safe_cell(plain), plain);
        }
    }
}
