//! Changing the journal: which field of which kind of entry can change and how its new
//! value is read, how long a delete can be undone, and the words of each outcome.

use super::model::{check_note, check_note_text, check_pain, Context, Kind};
use crate::core::{dates, InvalidInput, Whole};
use chrono::NaiveDate;

/// How long a deleted entry can still be brought back.
pub const TRASH_DAYS: i64 = 7;

/// One checked change to one entry, ready for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    CheckinPain(u8),
    CheckinNote(String),
    CheckinContext(Context),
    RunPain(u8),
    RunNote(String),
    NoteText(String),
    TestPainful(bool),
    StretchDate(NaiveDate),
    RomNormal(bool),
    /// The pain of one exercise in a session.
    ExercisePain {
        exercise_id: String,
        pain: u8,
    },
}

/// A JSON value as the text of a form field (null is empty).
fn text_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// One of two words the edit form offers (`yes`, `no`), or `true`/`false`; `label` names
/// the field in the message.
fn either(
    value: &serde_json::Value,
    field: &str,
    label: &str,
    (yes, no): (&str, &str),
) -> Result<bool, InvalidInput> {
    match text_of(value).as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        t if t == yes => Ok(true),
        t if t == no => Ok(false),
        other => Err(InvalidInput::new(
            field,
            format!("{label} must be {yes} or {no} (got \"{other}\")."),
        )),
    }
}

/// Reads the new `value` of `field` of an entry of `kind`, as the entry's edit form
/// offers it (see `Entry::edits`); a day can be no later than `today`.
pub fn change(
    kind: Kind,
    field: &str,
    value: &serde_json::Value,
    today: NaiveDate,
) -> Result<Change, InvalidInput> {
    let pain = || check_pain(&Whole::from_json(value));
    Ok(match (kind, field) {
        (Kind::Checkin, "pain") => Change::CheckinPain(pain()?),
        (Kind::Run, "pain") => Change::RunPain(pain()?),
        (Kind::Checkin, "note") => Change::CheckinNote(check_note("note", &text_of(value))?),
        (Kind::Run, "note") => Change::RunNote(check_note("note", &text_of(value))?),
        (Kind::Checkin, "context") => Change::CheckinContext(Context::parse(&text_of(value))?),
        (Kind::Note, "text") => Change::NoteText(check_note_text(&text_of(value))?),
        (Kind::Test, "painful") => {
            Change::TestPainful(either(value, "painful", "Result", ("pain", "none"))?)
        }
        (Kind::Stretch, "date") => {
            Change::StretchDate(dates::parse_past_day("date", &text_of(value), today)?)
        }
        (Kind::Rom, "normal") => {
            Change::RomNormal(either(value, "normal", "Range of motion", ("yes", "no"))?)
        }
        (Kind::Session, f) if f.starts_with("pain:") => Change::ExercisePain {
            exercise_id: f["pain:".len()..].to_string(),
            pain: pain()?,
        },
        _ => {
            return Err(InvalidInput::new(
                "field",
                format!(
                    "{} entries have no field \"{field}\" to change; delete the entry and log it again instead.",
                    kind.label()
                ),
            ))
        }
    })
}

/// No entry `id` of `kind` to change or delete.
pub fn not_found(kind: Kind, id: i64) -> InvalidInput {
    InvalidInput::new(
        "id",
        format!(
            "There is no {} entry {id} (it may have been deleted).",
            kind.label().to_lowercase()
        ),
    )
}

pub const SAVED: &str = "Saved.";
pub const BROUGHT_BACK: &str = "Brought back.";
pub const NOTE_SAVED: &str = "Note saved.";

pub fn deleted(kind: Kind) -> String {
    format!(
        "Deleted: {}.",
        kind.label().trim_end_matches('s').to_lowercase()
    )
}

/// The undo of a delete that is no longer in the trash.
pub fn cannot_undo() -> InvalidInput {
    InvalidInput::new("trash_id", "That delete can no longer be undone.")
}

pub fn checkin_saved(pain: u8, context: Context) -> String {
    format!(
        "Check-in saved: pain {pain}/10, {}.",
        context.label().to_lowercase()
    )
}
