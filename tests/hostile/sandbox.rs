//! The folder tests/hostile.rs works in, and the hostile paths it sends: a text file
//! outside the data folder, `..` segments, the live database and a symlink to it,
//! /dev/zero, /dev/null, a FIFO, a 1 GB sparse file, a foreign SQLite file with a
//! `settings` table at user_version 6; the same kinds of file in the backups folder under
//! names like the app's own backups, and (to restore) one good backup there.

use std::path::{Path, PathBuf};

/// The test's own folder and the hostile files in it.
pub struct Sandbox {
    pub data: PathBuf,
    /// Values for the name of a backup to restore.
    pub backups: Vec<String>,
    /// Values for the name of a folder to open.
    pub folders: Vec<String>,
}

pub fn s(p: impl AsRef<Path>) -> String {
    p.as_ref().to_str().unwrap().to_string()
}

impl Sandbox {
    pub fn new(root: &Path) -> Sandbox {
        let data = root.join("data");
        let files = root.join("files");
        for d in [&data, &files, &root.join("home")] {
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
        // Hostile files the app lists as backups (their names look like its own), so
        // the only way to reach them, by name, is open to the calls.
        let backups_dir = data.join("backups");
        std::fs::create_dir_all(&backups_dir).unwrap();
        let listed = |day: u32| format!("rehab-before-restore-2020-01-{day:02}T000000.000Z.db");
        std::os::unix::fs::symlink(&live, backups_dir.join(listed(1))).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(backups_dir.join(listed(2)))
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo in the backups folder");
        std::fs::copy(&foreign, backups_dir.join(listed(3))).unwrap();
        std::fs::File::create(backups_dir.join(listed(4)))
            .unwrap()
            .set_len(1 << 30)
            .unwrap();
        std::fs::write(backups_dir.join(listed(5)), "not a database\n").unwrap();
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
        backups.extend((1..=5).map(listed));
        backups.extend([
            // The good backup the test puts here once the app has made one.
            GOOD_BACKUP.into(),
            format!("../backups/{}", listed(3)),
            format!("{}/", listed(3)),
            format!("./{}", listed(3)),
            s(backups_dir.join(listed(3))),
            "../rehab.db".into(),
            "rehab.db".into(),
            "backups".into(),
            "/".into(),
            "/etc/passwd".into(),
        ]);
        let mut folders: Vec<String> = everywhere.to_vec();
        folders.extend(
            ["data", "backups", "export", "last_export", "last_report"].map(String::from),
        );
        folders.extend([
            s(&data),
            s(&live),
            s(&backups_dir),
            s(data.join("../files")),
            s(root.join("home/Documents/High Hamstring Rehab/..")),
            "/".into(),
            "/etc".into(),
            "DATA".into(),
            " data".into(),
            "export ".into(),
            "data/".into(),
            "data/..".into(),
            "export/../data".into(),
            "last_export/..".into(),
        ]);
        Sandbox {
            data,
            backups,
            folders,
        }
    }
}

/// The name under which the test puts a good backup in the backups folder (it sorts
/// with the before-restore copies, which are never pruned).
pub const GOOD_BACKUP: &str = "rehab-before-restore-2020-01-09T000000.000Z.db";
