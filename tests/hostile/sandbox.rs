//! The folder tests/hostile.rs works in, and the hostile paths it sends: a text file
//! outside the data folder, `..` segments, the live database and a symlink to it,
//! /dev/zero, /dev/null, a FIFO, a 1 GB sparse file, a foreign SQLite file with a
//! `settings` table at user_version 6, and (to restore) one good backup.

use super::Arg::{self, *};
use std::path::{Path, PathBuf};

/// The test's own folder and the hostile files in it.
pub struct Sandbox {
    pub root: PathBuf,
    pub data: PathBuf,
    /// Values for a backup to restore.
    pub backups: Vec<String>,
    /// Values for the export folder (never outside `root` but /dev/null and /dev/zero).
    pub exports: Vec<String>,
    /// Values for a folder to open that the app must refuse.
    pub refused_folders: Vec<String>,
}

pub fn s(p: impl AsRef<Path>) -> String {
    p.as_ref().to_str().unwrap().to_string()
}

impl Sandbox {
    pub fn new(root: &Path) -> Sandbox {
        let data = root.join("data");
        let files = root.join("files");
        let exports = root.join("exports");
        for d in [&data, &files, &exports, &root.join("home")] {
            std::fs::create_dir_all(d).unwrap();
        }
        let live = data.join("rehab.db");
        let outside = files.join("outside.txt");
        std::fs::write(&outside, "not a database\n").unwrap();
        let link = files.join("link-to-live.db");
        std::os::unix::fs::symlink(&live, &link).unwrap();
        let fifo = files.join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo");
        let sparse = files.join("sparse-1g.db");
        std::fs::File::create(&sparse)
            .unwrap()
            .set_len(1 << 30)
            .unwrap();
        let foreign = files.join("foreign.db");
        rusqlite::Connection::open(&foreign)
            .unwrap()
            .execute_batch(
                "CREATE TABLE settings (id INTEGER PRIMARY KEY, theme TEXT);
                 INSERT INTO settings VALUES (1, 'dark');
                 CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);
                 PRAGMA user_version = 6;",
            )
            .unwrap();
        let good = files.join("good-backup.db");
        let everywhere = [
            s(&outside),
            s(&link),
            "/dev/zero".into(),
            "/dev/null".into(),
            s(&fifo),
            s(&sparse),
            s(&foreign),
            String::new(),
            "relative/dir".into(),
            "../up".into(),
        ];
        let mut backups: Vec<String> = everywhere.to_vec();
        backups.extend([
            s(data.join("../files/outside.txt")),
            s(data.join("backups/../rehab.db")),
            s(&live),
            s(&data),
            s(&good),
            "/".into(),
            "/etc/passwd".into(),
            "rehab.db".into(),
        ]);
        let mut exports_values: Vec<String> = everywhere.to_vec();
        exports_values.extend([
            s(exports.join("a")),
            s(exports.join("../exports/b")),
            s(exports.join("a/../../exports/c")),
        ]);
        let mut refused_folders: Vec<String> = everywhere.to_vec();
        refused_folders.extend([
            s(&data),
            s(&live),
            s(data.join("backups")),
            s(exports.join("a/..")),
            s(exports.join("a/../../files")),
            s(exports.join("../../..")),
            s(root.join("home/Documents/High Hamstring Rehab/..")),
            "/".into(),
            "/etc".into(),
            "DATA".into(),
            " data".into(),
            "export ".into(),
        ]);
        Sandbox {
            root: root.to_path_buf(),
            data,
            backups,
            exports: exports_values,
            refused_folders,
        }
    }

    /// A random text made safe for `kind`: an export folder never leaves the sandbox; a
    /// folder to open is never one the app would open.
    pub fn confine(&self, kind: Arg, text: String) -> String {
        match kind {
            ExportFolder if text.trim_start().starts_with('/') => s(self
                .root
                .join("exports/random")
                .join(text.trim_start().trim_start_matches('/'))),
            OpenRefused if ["data", "export", "backups"].contains(&text.as_str()) => {
                format!("{text}/")
            }
            OpenRefused if text.starts_with(&s(&self.root)) => format!("x{text}"),
            _ => text,
        }
    }
}
