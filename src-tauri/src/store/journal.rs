//! The journal's writes: pain check-ins and notes, one setter per field an entry's edit
//! form can change, and the trash that makes a delete undoable (the deleted rows kept as
//! JSON, put back with the same ids and values). The entries are read in `records`.

use super::program::{stamp, ymd};
use super::{StoreError, Tx};
use crate::core::journal::{Context, Kind};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::{Deserialize, Serialize};

// --- check-ins and notes ----------------------------------------------------------------

pub fn insert_checkin(
    tx: &Tx,
    at: DateTime<Utc>,
    date: NaiveDate,
    context: Context,
    pain: u8,
    note: &str,
) -> Result<i64, StoreError> {
    tx.conn().execute(
        "INSERT INTO pain_checkins (at, local_date, context, pain, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![stamp(at), ymd(date), context.as_str(), pain, note],
    )?;
    Ok(tx.conn().last_insert_rowid())
}

pub fn insert_note(
    tx: &Tx,
    at: DateTime<Utc>,
    date: NaiveDate,
    text: &str,
) -> Result<i64, StoreError> {
    tx.conn().execute(
        "INSERT INTO notes (at, local_date, text) VALUES (?1, ?2, ?3)",
        params![stamp(at), ymd(date), text],
    )?;
    Ok(tx.conn().last_insert_rowid())
}

// --- edits: each says whether it found its row -----------------------------------------

fn changed(tx: &Tx, sql: &str, values: impl rusqlite::Params) -> Result<bool, StoreError> {
    Ok(tx.conn().execute(sql, values)? == 1)
}

/// The pain of the latest `n` check-ins, oldest first (for the rising-pain rule).
pub fn latest_checkin_pains(tx: &Tx, n: usize) -> Result<Vec<u8>, StoreError> {
    let mut newest_first = tx.rows(
        "SELECT pain FROM pain_checkins ORDER BY at DESC, id DESC LIMIT ?1",
        params![n as i64],
        |r| Ok(r.get::<_, u8>(0)?),
    )?;
    newest_first.reverse();
    Ok(newest_first)
}

pub fn set_checkin_pain(tx: &Tx, id: i64, pain: u8) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE pain_checkins SET pain = ?1 WHERE id = ?2",
        params![pain, id],
    )
}

pub fn set_checkin_note(tx: &Tx, id: i64, note: &str) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE pain_checkins SET note = ?1 WHERE id = ?2",
        params![note, id],
    )
}

pub fn set_checkin_context(tx: &Tx, id: i64, context: Context) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE pain_checkins SET context = ?1 WHERE id = ?2",
        params![context.as_str(), id],
    )
}

pub fn set_run_pain(tx: &Tx, id: i64, pain: u8) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE runs SET pain = ?1 WHERE id = ?2",
        params![pain, id],
    )
}

pub fn set_run_note(tx: &Tx, id: i64, note: &str) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE runs SET note = ?1 WHERE id = ?2",
        params![note, id],
    )
}

pub fn set_note_text(tx: &Tx, id: i64, text: &str) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE notes SET text = ?1 WHERE id = ?2",
        params![text, id],
    )
}

pub fn set_test_painful(tx: &Tx, id: i64, painful: bool) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE test_results SET painful = ?1 WHERE id = ?2",
        params![painful, id],
    )
}

/// Moves a stretch to another local day.
pub fn set_stretch_date(tx: &Tx, id: i64, date: NaiveDate) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE stretches SET local_date = ?1 WHERE id = ?2",
        params![ymd(date), id],
    )
}

pub fn set_rom_normal(tx: &Tx, id: i64, normal: bool) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE range_of_motion SET normal = ?1 WHERE id = ?2",
        params![normal, id],
    )
}

/// The pain given for `exercise_id` in session `session_id` (false if none was given).
pub fn set_exercise_pain(
    tx: &Tx,
    session_id: i64,
    exercise_id: &str,
    pain: u8,
) -> Result<bool, StoreError> {
    changed(
        tx,
        "UPDATE exercise_pain SET pain = ?1 WHERE session_id = ?2 AND exercise_id = ?3",
        params![pain, session_id, exercise_id],
    )
}

// --- the trash ----------------------------------------------------------------------------

/// One row as it was: its table and each column's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedRow {
    pub table: String,
    pub values: Vec<(String, serde_json::Value)>,
}

/// The tables an entry of `kind` spans, parent first, with the column that holds the
/// entry's id.
/// Moves a session or a check-in `days` days (its instant and its day, a session's end
/// too); false if there is no such entry. No screen moves these yet: the ladder's
/// property test (`tests/ladder.rs`) does, as an edit of an entry's day would, to hold
/// the kept ladder to a change that moves rows from one day to another.
pub fn shift_entry(tx: &Tx, kind: Kind, id: i64, days: i64) -> Result<bool, StoreError> {
    let by = format!("{days:+} days");
    let sql = match kind {
        Kind::Session => {
            "UPDATE exercise_sessions SET
                started_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at, ?2),
                finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', finished_at, ?2),
                local_date = date(local_date, ?2)
              WHERE id = ?1"
        }
        Kind::Checkin => {
            "UPDATE pain_checkins SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at, ?2),
                local_date = date(local_date, ?2) WHERE id = ?1"
        }
        other => {
            return Err(StoreError::BadRow(format!(
                "a {} is not moved this way",
                other.as_str()
            )))
        }
    };
    changed(tx, sql, params![id, by])
}

fn tables(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Session => &[
            ("exercise_sessions", "id"),
            ("exercise_sets", "session_id"),
            ("exercise_pain", "session_id"),
        ],
        Kind::Checkin => &[("pain_checkins", "id")],
        Kind::Stretch => &[("stretches", "id")],
        Kind::Reminder => &[("reminder_events", "id")],
        Kind::Test => &[("test_results", "id")],
        Kind::Rom => &[("range_of_motion", "id")],
        Kind::Run => &[("runs", "id")],
        Kind::Note => &[("notes", "id")],
        Kind::Move => &[("ladder_moves", "id")],
    }
}

fn to_json(v: ValueRef<'_>) -> Result<serde_json::Value, StoreError> {
    Ok(match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(_) => {
            return Err(StoreError::BadRow("a journal row holds binary data".into()))
        }
    })
}

fn to_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0))),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// Deletes entry `id` of `kind` (all its rows) and keeps the rows in the trash.
/// Returns the trash id, or `None` if there was no such entry.
pub fn delete_to_trash(
    tx: &Tx,
    kind: Kind,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let mut saved: Vec<SavedRow> = Vec::new();
    for (table, key) in tables(kind) {
        let mut stmt = tx.conn().prepare(&format!(
            "SELECT * FROM {table} WHERE {key} = ?1 ORDER BY rowid"
        ))?;
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let mut rows = stmt.query([id])?;
        while let Some(row) = rows.next()? {
            let mut values = Vec::new();
            for (i, name) in names.iter().enumerate() {
                values.push((name.clone(), to_json(row.get_ref(i)?)?));
            }
            saved.push(SavedRow {
                table: table.to_string(),
                values,
            });
        }
    }
    if !saved.first().is_some_and(|r| r.table == tables(kind)[0].0) {
        return Ok(None);
    }
    for (table, key) in tables(kind).iter().rev() {
        tx.conn()
            .execute(&format!("DELETE FROM {table} WHERE {key} = ?1"), [id])?;
    }
    let json = serde_json::to_string(&saved).map_err(|e| StoreError::BadRow(e.to_string()))?;
    tx.conn().execute(
        "INSERT INTO trash (kind, entry_id, rows, deleted_at) VALUES (?1, ?2, ?3, ?4)",
        params![kind.as_str(), id, json, stamp(now)],
    )?;
    Ok(Some(tx.conn().last_insert_rowid()))
}

/// Puts back the rows of trash entry `trash_id` exactly as they were and empties it.
/// Returns the kind and id of the entry restored, or `None` if there is no such trash entry.
pub fn restore_from_trash(tx: &Tx, trash_id: i64) -> Result<Option<(Kind, i64)>, StoreError> {
    let found: Option<(String, i64, String)> = tx
        .conn()
        .query_row(
            "SELECT kind, entry_id, rows FROM trash WHERE id = ?1",
            [trash_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((kind, entry_id, json)) = found else {
        return Ok(None);
    };
    let kind = Kind::parse(&kind).map_err(|e| StoreError::BadRow(e.message))?;
    let rows: Vec<SavedRow> = serde_json::from_str(&json)
        .map_err(|e| StoreError::BadRow(format!("a trash entry: {e}")))?;
    // The entry's id, or a new one when a later row has taken it (SQLite may give the
    // highest id again once it is deleted): the entry comes back under the new id, and
    // its other rows with it.
    let mut new_id: Option<i64> = None;
    for row in &rows {
        if !tables(kind).iter().any(|(t, _)| *t == row.table) {
            return Err(StoreError::BadRow(format!(
                "a trash entry names table {}",
                row.table
            )));
        }
        let entry_table = row.table == tables(kind)[0].0;
        let key = tables(kind)
            .iter()
            .find(|(t, _)| *t == row.table)
            .map_or("id", |(_, k)| *k);
        let taken = |id: &serde_json::Value| -> Result<bool, StoreError> {
            Ok(tx
                .conn()
                .query_row(
                    &format!("SELECT 1 FROM {} WHERE id = ?1", row.table),
                    [to_value(id)],
                    |_| Ok(()),
                )
                .optional()?
                .is_some())
        };
        let mut values: Vec<(String, serde_json::Value)> = Vec::new();
        for (col, v) in &row.values {
            if col == "id" && taken(v)? {
                continue; // a new id, given by SQLite
            }
            if !entry_table && col == key {
                if let Some(id) = new_id {
                    values.push((col.clone(), id.into()));
                    continue;
                }
            }
            values.push((col.clone(), v.clone()));
        }
        let gave_new_id = entry_table && !values.iter().any(|(c, _)| c == "id");
        let row = SavedRow {
            table: row.table.clone(),
            values,
        };
        let cols: Vec<&str> = row.values.iter().map(|(c, _)| c.as_str()).collect();
        if cols
            .iter()
            .any(|c| !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'))
        {
            return Err(StoreError::BadRow(
                "a trash entry has an odd column name".into(),
            ));
        }
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            row.table,
            cols.join(", "),
            marks.join(", ")
        );
        tx.conn().execute(
            &sql,
            params_from_iter(row.values.iter().map(|(_, v)| to_value(v))),
        )?;
        if gave_new_id {
            new_id = Some(tx.conn().last_insert_rowid());
        }
    }
    tx.conn()
        .execute("DELETE FROM trash WHERE id = ?1", [trash_id])?;
    Ok(Some((kind, new_id.unwrap_or(entry_id))))
}

/// Forgets deleted entries older than `before` (their undo has long been offered).
pub fn empty_trash_before(tx: &Tx, before: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(tx
        .conn()
        .execute("DELETE FROM trash WHERE deleted_at < ?1", [stamp(before)])?)
}
