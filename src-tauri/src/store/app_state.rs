//! The app's own flags, kept apart from the user's settings.

use super::{StoreError, Tx};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension};

/// Set once the user has been told that closing the window keeps the app in the tray.
pub const CLOSE_NOTICE_SEEN: &str = "close_notice_seen";
/// Set by versions before the first-run setup once the user had acknowledged their
/// "not medical advice" notice; schema v8 counts such a database's setup as skipped.
/// Nothing sets it any more.
pub const SAFETY_NOTICE_SEEN: &str = "safety_notice_seen";

pub fn flag(tx: &Tx, key: &str) -> Result<bool, StoreError> {
    Ok(text(tx, key)?.as_deref() == Some("1"))
}

pub fn set_flag(tx: &Tx, key: &str, on: bool, now: DateTime<Utc>) -> Result<(), StoreError> {
    set_text(tx, key, if on { "1" } else { "0" }, now)
}

/// The folder the user chose for exports and reports (empty: the default).
pub const EXPORT_FOLDER: &str = "export_folder";

pub fn text(tx: &Tx, key: &str) -> Result<Option<String>, StoreError> {
    Ok(tx
        .conn()
        .query_row("SELECT value FROM app_state WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_text(tx: &Tx, key: &str, value: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO app_state (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, now.to_rfc3339_opts(SecondsFormat::Millis, true)],
    )?;
    Ok(())
}
