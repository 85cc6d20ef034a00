//! The journal: read everything logged for a date range and kinds, edit an entry's pain,
//! note or result, delete an entry with an undo, and add a pain check-in or a note.

use super::ServiceError;
use crate::core::dates::{self, Now};
use crate::core::journal::{self, Context, Entry, Kind};
use crate::core::{InvalidInput, Whole};
use crate::store::{journal as rows, Store};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days the journal shows when no range is given (today and the 29 before it).
pub const DEFAULT_DAYS: i64 = 30;
/// How long a deleted entry can still be brought back.
pub const TRASH_DAYS: i64 = 7;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// Kinds to show; none means all.
    #[serde(default)]
    pub kinds: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindChoice {
    pub kind: Kind,
    pub label: &'static str,
    pub shown: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContextChoice {
    pub value: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kinds: Vec<KindChoice>,
    pub entries: Vec<Entry>,
    pub max_note: usize,
    /// The scale a pain score is edited on.
    pub pain: crate::core::pain::PainScale,
}

pub fn contexts() -> Vec<ContextChoice> {
    Context::ALL
        .iter()
        .map(|c| ContextChoice {
            value: c.as_str(),
            label: c.label(),
        })
        .collect()
}

pub fn journal(store: &mut Store, now: Now, filter: &Filter) -> Result<JournalView, ServiceError> {
    let to = match &filter.to {
        Some(t) if !t.trim().is_empty() => dates::parse_past_day("to", t, now.today)?,
        _ => now.today,
    };
    let from = match &filter.from {
        Some(f) if !f.trim().is_empty() => dates::parse_past_day("from", f, now.today)?,
        _ => to - Duration::days(DEFAULT_DAYS - 1),
    };
    journal::check_range(from, to)?;
    let chosen: Vec<Kind> = match &filter.kinds {
        None => Kind::ALL.to_vec(),
        Some(list) => {
            let mut kinds = list
                .iter()
                .map(|k| Kind::parse(k))
                .collect::<Result<Vec<_>, _>>()?;
            kinds.sort();
            kinds.dedup();
            kinds
        }
    };
    let entries = store.read(|tx| rows::entries(tx, from, to, &chosen))?;
    Ok(JournalView {
        from,
        to,
        kinds: Kind::ALL
            .iter()
            .map(|k| KindChoice {
                kind: *k,
                label: k.label(),
                shown: chosen.contains(k),
            })
            .collect(),
        entries,
        max_note: journal::MAX_NOTE,
        pain: crate::core::pain::SCALE,
    })
}

fn text_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn not_found(kind: Kind, id: i64) -> ServiceError {
    InvalidInput::new(
        "id",
        format!(
            "There is no {} entry {id} (it may have been deleted).",
            kind.label().to_lowercase()
        ),
    )
    .into()
}

/// Changes one field of an entry. Which fields can change is listed with each entry.
pub fn edit(
    store: &mut Store,
    now: Now,
    kind: &str,
    id: i64,
    field: &str,
    value: &serde_json::Value,
) -> Result<String, ServiceError> {
    let kind = Kind::parse(kind)?;
    store.write(|tx| {
        let found = match (kind, field) {
            (Kind::Checkin | Kind::Run, "pain") => {
                let pain = journal::check_pain(&Whole::from_json(value))?;
                let table = if kind == Kind::Run { "runs" } else { "pain_checkins" };
                rows::update(tx, &format!("UPDATE {table} SET pain = ?1 WHERE id = ?2"), &[&pain, &id])?
            }
            (Kind::Checkin | Kind::Run, "note") => {
                let note = journal::check_note("note", &text_of(value))?;
                let table = if kind == Kind::Run { "runs" } else { "pain_checkins" };
                rows::update(tx, &format!("UPDATE {table} SET note = ?1 WHERE id = ?2"), &[&note, &id])?
            }
            (Kind::Checkin, "context") => {
                let context = Context::parse(&text_of(value))?;
                rows::update(tx, "UPDATE pain_checkins SET context = ?1 WHERE id = ?2", &[&context.as_str(), &id])?
            }
            (Kind::Note, "text") => {
                let text = journal::check_note_text(&text_of(value))?;
                rows::update(tx, "UPDATE notes SET text = ?1 WHERE id = ?2", &[&text, &id])?
            }
            (Kind::Test, "painful") => {
                let painful = match text_of(value).as_str() {
                    "pain" | "true" => true,
                    "none" | "false" => false,
                    other => {
                        return Err(InvalidInput::new("painful", format!("Result must be pain or none (got \"{other}\").")).into())
                    }
                };
                rows::update(tx, "UPDATE test_results SET painful = ?1 WHERE id = ?2", &[&painful, &id])?
            }
            (Kind::Stretch, "date") => {
                let day = dates::parse_past_day("date", &text_of(value), now.today)?;
                rows::update(tx, "UPDATE stretches SET local_date = ?1 WHERE id = ?2", &[&day.to_string(), &id])?
            }
            (Kind::Rom, "normal") => {
                let normal = match text_of(value).as_str() {
                    "yes" | "true" => true,
                    "no" | "false" => false,
                    other => {
                        return Err(InvalidInput::new("normal", format!("Range of motion must be yes or no (got \"{other}\").")).into())
                    }
                };
                rows::update(tx, "UPDATE range_of_motion SET normal = ?1 WHERE id = ?2", &[&normal, &id])?
            }
            (Kind::Session, f) if f.starts_with("pain:") => {
                let exercise = &f["pain:".len()..];
                let pain = journal::check_pain(&Whole::from_json(value))?;
                rows::update(
                    tx,
                    "UPDATE exercise_pain SET pain = ?1 WHERE session_id = ?2 AND exercise_id = ?3",
                    &[&pain, &id, &exercise],
                )?
            }
            _ => {
                return Err(InvalidInput::new(
                    "field",
                    format!("{} entries have no field \"{field}\" to change; delete the entry and log it again instead.", kind.label()),
                )
                .into())
            }
        };
        if !found {
            return Err(not_found(kind, id));
        }
        Ok("Saved.".to_string())
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct Deleted {
    pub trash_id: i64,
    pub message: String,
}

/// Deletes an entry; it can be brought back with `undo` for `TRASH_DAYS` days.
pub fn delete(store: &mut Store, now: Now, kind: &str, id: i64) -> Result<Deleted, ServiceError> {
    let kind = Kind::parse(kind)?;
    store.write(|tx| {
        rows::empty_trash_before(tx, now.utc - Duration::days(TRASH_DAYS))?;
        match rows::delete_to_trash(tx, kind, id, now.utc)? {
            Some(trash_id) => Ok(Deleted {
                trash_id,
                message: format!(
                    "Deleted: {}.",
                    kind.label().trim_end_matches('s').to_lowercase()
                ),
            }),
            None => Err(not_found(kind, id)),
        }
    })
}

pub fn undo(store: &mut Store, trash_id: i64) -> Result<String, ServiceError> {
    store.write(|tx| match rows::restore_from_trash(tx, trash_id)? {
        Some(_) => Ok("Brought back.".to_string()),
        None => Err(InvalidInput::new("trash_id", "That delete can no longer be undone.").into()),
    })
}

/// A quick pain check-in, now.
pub fn checkin(
    store: &mut Store,
    now: Now,
    context: &str,
    pain: &Whole,
    note: &str,
) -> Result<String, ServiceError> {
    let context = Context::parse(context)?;
    let pain = journal::check_pain(pain)?;
    let note = journal::check_note("note", note)?;
    store.write(|tx| rows::insert_checkin(tx, now.utc, now.today, context, pain, &note))?;
    Ok(format!(
        "Check-in saved: pain {pain}/10, {}.",
        context.label().to_lowercase()
    ))
}

pub fn add_note(store: &mut Store, now: Now, text: &str) -> Result<String, ServiceError> {
    let text = journal::check_note_text(text)?;
    store.write(|tx| rows::insert_note(tx, now.utc, now.today, &text))?;
    Ok("Note saved.".to_string())
}
