//! The schema, as numbered migrations. The number is SQLite's `user_version`.
//!
//! Rules: never edit a migration that has shipped; add a new one. Each `CHECK` mirrors a
//! rule in `core` so that even a bug above the store cannot write an impossible row.
//! Tests migrate from an empty file and from every earlier version with rows in it.

use rusqlite_migration::{Migrations, M};

/// Version 1: the user's settings, one typed row.
const V1_SETTINGS: &str = "
CREATE TABLE settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    theme                 TEXT    NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark')),
    stretches_per_day     INTEGER NOT NULL DEFAULT 4   CHECK (stretches_per_day BETWEEN 3 AND 4),
    reminder_window_start INTEGER NOT NULL DEFAULT 480 CHECK (reminder_window_start BETWEEN 0 AND 1439),
    reminder_window_end   INTEGER NOT NULL DEFAULT 1260 CHECK (reminder_window_end BETWEEN 0 AND 1439),
    allowed_pain          INTEGER NOT NULL DEFAULT 0   CHECK (allowed_pain BETWEEN 0 AND 5),
    sessions_to_progress  INTEGER NOT NULL DEFAULT 1   CHECK (sessions_to_progress BETWEEN 1 AND 5),
    updated_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (reminder_window_end >= reminder_window_start + 120)
) STRICT;
INSERT INTO settings (id) VALUES (1);
";

/// Version 2: the app's own flags (not user settings), such as whether the user has
/// been told that closing the window keeps the app in the tray.
const V2_APP_STATE: &str = "
CREATE TABLE app_state (
    key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
";

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1_SETTINGS), M::up(V2_APP_STATE)])
}

/// The schema version this build writes.
pub const LATEST: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// Rows a user of schema version `v` could have written; each later version must keep them.
    fn write_rows_of_version(conn: &Connection, v: usize) {
        if v >= 1 {
            conn.execute_batch("UPDATE settings SET allowed_pain = 3, theme = 'dark', reminder_window_start = 420 WHERE id = 1")
                .unwrap();
        }
        if v >= 2 {
            conn.execute_batch("INSERT INTO app_state VALUES ('close_notice_seen', '1', '2026-01-01T00:00:00Z')").unwrap();
        }
    }

    fn assert_rows_of_version_kept(conn: &Connection, v: usize) {
        let (pain, theme, start): (i64, String, i64) = conn
            .query_row("SELECT allowed_pain, theme, reminder_window_start FROM settings", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        if v >= 1 {
            assert_eq!((pain, theme.as_str(), start), (3, "dark", 420), "settings written at v{v}");
        } else {
            assert_eq!((pain, theme.as_str(), start), (0, "system", 480), "defaults from an empty file");
        }
        let flags: i64 = conn.query_row("SELECT count(*) FROM app_state", [], |r| r.get(0)).unwrap();
        assert_eq!(flags, if v >= 2 { 1 } else { 0 }, "app_state written at v{v}");
    }

    #[test]
    fn every_earlier_version_upgrades_to_latest_keeping_every_row() {
        assert_eq!(migrations().pending_migrations(&Connection::open_in_memory().unwrap()).unwrap(), LATEST as i32);
        for from in 0..=LATEST {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("rehab.db");
            {
                let mut conn = Connection::open(&path).unwrap();
                migrations().to_version(&mut conn, from).unwrap();
                write_rows_of_version(&conn, from);
            } // closed: the upgrade below reopens the real file, as a new app version would
            let mut conn = Connection::open(&path).unwrap();
            migrations().to_latest(&mut conn).unwrap();
            let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            assert_eq!(v, LATEST as i64, "from v{from}");
            assert_rows_of_version_kept(&conn, from);
        }
    }

    #[test]
    fn check_constraints_refuse_impossible_settings() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        for bad in [
            "UPDATE settings SET allowed_pain = 6",
            "UPDATE settings SET sessions_to_progress = 0",
            "UPDATE settings SET stretches_per_day = 5",
            "UPDATE settings SET theme = 'blue'",
            "UPDATE settings SET reminder_window_end = 500",
            "INSERT INTO settings (id) VALUES (2)",
            "UPDATE settings SET allowed_pain = 'two'",
        ] {
            assert!(conn.execute_batch(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn migrations_are_valid_and_latest_is_counted() {
        migrations().validate().expect("migrations apply cleanly to an empty database");
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, LATEST as i64);
    }
}
