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

    #[test]
    fn migrations_are_valid_and_latest_is_counted() {
        migrations().validate().expect("migrations apply cleanly to an empty database");
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, LATEST as i64);
    }
}
