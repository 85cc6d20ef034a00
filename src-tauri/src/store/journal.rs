//! The journal's rows: every kind of entry read for a date range, pain check-ins and
//! notes, edits, and the trash that makes a delete undoable (the deleted rows kept as
//! JSON, put back with the same ids and values).

use super::program::{day, stamp, ymd};
use super::{StoreError, Tx};
use crate::core::journal::{Context, Editable, Entry, Kind};
use crate::core::protocol;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const PAIN_WORD: &str = "Pain";

fn context_label(text: &str) -> &'static str {
    Context::parse(text).map(|c| c.label()).unwrap_or("Other")
}

fn test_name(id: &str) -> &'static str {
    protocol::test(id).map(|t| t.name).unwrap_or("A test")
}

/// Every entry of the chosen kinds dated `from` to `to` (local days), newest first.
pub fn entries(
    tx: &Tx,
    from: NaiveDate,
    to: NaiveDate,
    kinds: &[Kind],
) -> Result<Vec<Entry>, StoreError> {
    let (f, t) = (ymd(from), ymd(to));
    let mut out = Vec::new();
    let c = tx.conn();
    for kind in kinds {
        match kind {
            Kind::Session => {
                let mut sessions: BTreeMap<i64, Entry> = BTreeMap::new();
                let mut stmt = c.prepare_cached(
                    "SELECT id, started_at, local_date, finished_at FROM exercise_sessions WHERE local_date BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })?;
                for row in rows {
                    let (id, at, date, finished) = row?;
                    sessions.insert(
                        id,
                        Entry {
                            kind: Kind::Session,
                            id,
                            date: day(&date)?,
                            at,
                            title: if finished.is_some() {
                                "Exercise session".into()
                            } else {
                                "Exercise session (not finished)".into()
                            },
                            details: Vec::new(),
                            pain: None,
                            note: None,
                            edits: Vec::new(),
                        },
                    );
                }
                if !sessions.is_empty() {
                    let mut per: BTreeMap<(i64, usize), (Vec<u16>, Option<u8>)> = BTreeMap::new();
                    let mut stmt = c.prepare_cached(
                        "SELECT s.session_id, s.exercise_id, s.amount FROM exercise_sets s JOIN exercise_sessions e ON e.id = s.session_id
                         WHERE e.local_date BETWEEN ?1 AND ?2 ORDER BY s.session_id, s.exercise_id, s.set_no",
                    )?;
                    for row in stmt.query_map([&f, &t], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, u16>(2)?,
                        ))
                    })? {
                        let (sid, ex, amount) = row?;
                        let i = protocol::exercise(&ex)
                            .map(|(i, _)| i)
                            .unwrap_or(usize::MAX);
                        per.entry((sid, i)).or_default().0.push(amount);
                    }
                    let mut stmt = c.prepare_cached(
                        "SELECT p.session_id, p.exercise_id, p.pain FROM exercise_pain p JOIN exercise_sessions e ON e.id = p.session_id
                         WHERE e.local_date BETWEEN ?1 AND ?2",
                    )?;
                    for row in stmt.query_map([&f, &t], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, u8>(2)?,
                        ))
                    })? {
                        let (sid, ex, pain) = row?;
                        let i = protocol::exercise(&ex)
                            .map(|(i, _)| i)
                            .unwrap_or(usize::MAX);
                        per.entry((sid, i)).or_default().1 = Some(pain);
                    }
                    for ((sid, i), (sets, pain)) in per {
                        let Some(entry) = sessions.get_mut(&sid) else {
                            continue;
                        };
                        let Some(ex) = protocol::LADDER.get(i) else {
                            continue;
                        };
                        let unit = match ex.measure {
                            protocol::Measure::Hold => "s",
                            protocol::Measure::Reps => "",
                        };
                        let list: Vec<String> = sets.iter().map(|a| format!("{a}{unit}")).collect();
                        let pain_text = pain.map(|p| format!(", pain {p}/10")).unwrap_or_default();
                        entry.details.push(format!(
                            "{}: {} set{} ({}){pain_text}",
                            ex.name,
                            sets.len(),
                            if sets.len() == 1 { "" } else { "s" },
                            list.join(", ")
                        ));
                        if let Some(p) = pain {
                            entry.pain = Some(entry.pain.map_or(p, |q| q.max(p)));
                            entry.edits.push(Editable::pain(
                                format!("pain:{}", ex.id),
                                format!("{PAIN_WORD}, {}", ex.name),
                                p,
                            ));
                        }
                    }
                }
                out.extend(sessions.into_values());
            }
            Kind::Checkin => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, at, local_date, context, pain, note FROM pain_checkins WHERE local_date BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, u8>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })?;
                for row in rows {
                    let (id, at, date, context, pain, note) = row?;
                    let mut context_edit = Editable::text("context", "When", &context);
                    context_edit.input = "choice";
                    context_edit.choices = Context::ALL
                        .iter()
                        .map(|c| (c.as_str(), c.label()))
                        .collect();
                    out.push(Entry {
                        kind: Kind::Checkin,
                        id,
                        date: day(&date)?,
                        at,
                        title: format!("Pain check-in: {}", context_label(&context).to_lowercase()),
                        details: vec![format!("Pain {pain}/10")],
                        pain: Some(pain),
                        edits: vec![
                            Editable::pain("pain", PAIN_WORD, pain),
                            context_edit,
                            Editable::text("note", "Note", &note),
                        ],
                        note: (!note.is_empty()).then_some(note),
                    });
                }
            }
            Kind::Stretch => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, done_at, local_date, source FROM stretches WHERE local_date BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })?;
                for row in rows {
                    let (id, at, date, source) = row?;
                    let mut entry = plain(
                        Kind::Stretch,
                        id,
                        &date,
                        at,
                        "Stretch done",
                        if source == "reminder" {
                            "From a reminder"
                        } else {
                            "Logged by hand"
                        },
                    )?;
                    let mut day_edit = Editable::text("date", "Day", &date);
                    day_edit.input = "date";
                    entry.edits.push(day_edit);
                    out.push(entry);
                }
            }
            Kind::Reminder => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, at, local_date, planned, outcome, catch_up FROM reminder_events WHERE local_date BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, i64>(5)?,
                    ))
                })?;
                for row in rows {
                    let (id, at, date, planned, outcome, catch_up) = row?;
                    let word = match outcome.as_str() {
                        "shown" => "shown",
                        "done" => "done",
                        "snoozed" => "snoozed",
                        "skipped" => "skipped",
                        "missed" => "missed",
                        _ => "not needed (target met)",
                    };
                    let what = format!(
                        "Reminder for {:02}:{:02}{}: {word}",
                        planned / 60,
                        planned % 60,
                        if catch_up == 1 { " (catch-up)" } else { "" }
                    );
                    out.push(plain(
                        Kind::Reminder,
                        id,
                        &date,
                        at,
                        "Stretch reminder",
                        &what,
                    )?);
                }
            }
            Kind::Test => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, test_id, side, painful, taken_on, recorded_at FROM test_results WHERE taken_on BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, bool>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })?;
                for row in rows {
                    let (id, test, side, painful, date, at) = row?;
                    let mut edit =
                        Editable::text("painful", "Result", if painful { "pain" } else { "none" });
                    edit.input = "choice";
                    edit.choices = vec![("pain", "Pain"), ("none", "No pain")];
                    out.push(Entry {
                        kind: Kind::Test,
                        id,
                        date: day(&date)?,
                        at,
                        title: format!("{}, {side} leg", test_name(&test)),
                        details: vec![if painful {
                            "Painful".into()
                        } else {
                            "No pain".into()
                        }],
                        pain: None,
                        note: None,
                        edits: vec![edit],
                    });
                }
            }
            Kind::Rom => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, normal, taken_on, recorded_at FROM range_of_motion WHERE taken_on BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, bool>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })?;
                for row in rows {
                    let (id, normal, date, at) = row?;
                    let mut entry = plain(
                        Kind::Rom,
                        id,
                        &date,
                        at,
                        "Range of motion",
                        if normal {
                            "Back to normal"
                        } else {
                            "Not yet normal"
                        },
                    )?;
                    let mut edit = Editable::text(
                        "normal",
                        "Range of motion",
                        if normal { "yes" } else { "no" },
                    );
                    edit.input = "choice";
                    edit.choices = vec![("yes", "Back to normal"), ("no", "Not yet normal")];
                    entry.edits.push(edit);
                    out.push(entry);
                }
            }
            Kind::Run => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, date, sets, minutes, pain, note, override_rule, recorded_at FROM runs WHERE date BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<u8>>(2)?,
                        r.get::<_, Option<u16>>(3)?,
                        r.get::<_, u8>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, String>(7)?,
                    ))
                })?;
                for row in rows {
                    let (id, date, sets, minutes, pain, note, rule, at) = row?;
                    let what = match (sets, minutes) {
                        (Some(s), _) => {
                            format!("{s} walk/jog set{}", if s == 1 { "" } else { "s" })
                        }
                        (_, Some(m)) => format!("{m} minutes"),
                        _ => String::new(),
                    };
                    let mut details = vec![format!("{what}, pain {pain}/10")];
                    if let Some(rule) = rule {
                        details.push(format!(
                            "Logged against the rule \"{}\"",
                            rule.replace('_', " ")
                        ));
                    }
                    out.push(Entry {
                        kind: Kind::Run,
                        id,
                        date: day(&date)?,
                        at,
                        title: "Run".into(),
                        details,
                        pain: Some(pain),
                        edits: vec![
                            Editable::pain("pain", PAIN_WORD, pain),
                            Editable::text("note", "Note", &note),
                        ],
                        note: (!note.is_empty()).then_some(note),
                    });
                }
            }
            Kind::Note => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, at, local_date, text FROM notes WHERE local_date BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })?;
                for row in rows {
                    let (id, at, date, text) = row?;
                    out.push(Entry {
                        kind: Kind::Note,
                        id,
                        date: day(&date)?,
                        at,
                        title: "Note".into(),
                        details: Vec::new(),
                        pain: None,
                        edits: vec![Editable::text("text", "Note", &text)],
                        note: Some(text),
                    });
                }
            }
            Kind::Move => {
                let mut stmt = c.prepare_cached(
                    "SELECT id, moved_at, local_date, from_step, to_step FROM ladder_moves WHERE local_date BETWEEN ?1 AND ?2",
                )?;
                let rows = stmt.query_map([&f, &t], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, u32>(3)? as usize,
                        r.get::<_, u32>(4)? as usize,
                    ))
                })?;
                for row in rows {
                    let (id, at, date, from_step, to_step) = row?;
                    let name = |i: usize| protocol::LADDER.get(i).map(|e| e.name).unwrap_or("?");
                    let what = format!("{} → {}", name(from_step), name(to_step));
                    out.push(plain(
                        Kind::Move,
                        id,
                        &date,
                        at,
                        "Ladder moved by hand",
                        &what,
                    )?);
                }
            }
        }
    }
    crate::core::journal::sort(&mut out);
    Ok(out)
}

fn plain(
    kind: Kind,
    id: i64,
    date: &str,
    at: String,
    title: &str,
    detail: &str,
) -> Result<Entry, StoreError> {
    Ok(Entry {
        kind,
        id,
        date: day(date)?,
        at,
        title: title.into(),
        details: vec![detail.into()],
        pain: None,
        note: None,
        edits: Vec::new(),
    })
}

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

/// Runs an UPDATE and says whether it found its row.
pub fn update(tx: &Tx, sql: &str, values: &[&dyn rusqlite::ToSql]) -> Result<bool, StoreError> {
    Ok(tx.conn().execute(sql, values)? == 1)
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
    for row in &rows {
        if !tables(kind).iter().any(|(t, _)| *t == row.table) {
            return Err(StoreError::BadRow(format!(
                "a trash entry names table {}",
                row.table
            )));
        }
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
    }
    tx.conn()
        .execute("DELETE FROM trash WHERE id = ?1", [trash_id])?;
    Ok(Some((kind, entry_id)))
}

/// Forgets deleted entries older than `before` (their undo has long been offered).
pub fn empty_trash_before(tx: &Tx, before: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(tx
        .conn()
        .execute("DELETE FROM trash WHERE deleted_at < ?1", [stamp(before)])?)
}
