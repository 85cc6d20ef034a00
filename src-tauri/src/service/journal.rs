//! The journal: read everything logged for a date range and kinds, edit an entry's pain,
//! note or result, delete an entry with an undo, and add a pain check-in or a note.

use super::ServiceError;
use crate::core::dates::{self, Now};
use crate::core::journal::{self, Change, Context, Day, Entry, Kind};
use crate::core::safety::{self, Prompt};
use crate::core::Whole;
use crate::store::records::{self, Days};
use crate::store::{journal as rows, Store};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// What saving a pain score or an entry's change says, and the red flags when the
/// score calls for them (`safety::prompt`).
#[derive(Debug, Clone, Serialize)]
pub struct Saved {
    pub message: String,
    pub safety: Option<Prompt>,
}

/// The red-flag prompt for a check-in's pain just saved, judged with the latest check-ins.
fn checkin_prompt(tx: &crate::store::Tx, pain: u8) -> Result<Option<Prompt>, ServiceError> {
    let latest = rows::latest_checkin_pains(tx, safety::RISING_CHECKINS)?;
    Ok(safety::prompt(pain, &latest))
}

/// Days the journal shows when no range is given (today and the 29 before it).
pub const DEFAULT_DAYS: i64 = 30;

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
    /// Newest first.
    pub entries: Vec<Entry>,
    /// The days of `entries`, newest first: each one's heading and reminders in one line.
    pub days: Vec<Day>,
    pub max_note: usize,
    /// The scale a pain score is edited on.
    pub pain: crate::core::pain::PainScale,
    /// The last day the date fields offer (the filter's and an entry's): today.
    pub today: NaiveDate,
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
    let logged = store.read(|tx| records::logged(tx, Days::Between(from, to), &chosen))?;
    let reminders = logged.reminders.clone();
    let entries = journal::entries(logged);
    let days = journal::days(&entries, &reminders);
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
        days,
        max_note: journal::MAX_NOTE,
        pain: crate::core::pain::SCALE,
        today: now.today,
    })
}

/// Changes one field of an entry. Which fields can change is listed with each entry.
pub fn edit(
    store: &mut Store,
    now: Now,
    kind: &str,
    id: i64,
    field: &str,
    value: &serde_json::Value,
) -> Result<Saved, ServiceError> {
    let kind = Kind::parse(kind)?;
    let change = journal::change(kind, field, value, now.today)?;
    store.write(|tx| {
        let found = match &change {
            Change::CheckinPain(pain) => rows::set_checkin_pain(tx, id, *pain)?,
            Change::CheckinNote(note) => rows::set_checkin_note(tx, id, note)?,
            Change::CheckinContext(context) => rows::set_checkin_context(tx, id, *context)?,
            Change::RunPain(pain) => rows::set_run_pain(tx, id, *pain)?,
            Change::RunNote(note) => rows::set_run_note(tx, id, note)?,
            Change::NoteText(text) => rows::set_note_text(tx, id, text)?,
            Change::TestPainful(painful) => rows::set_test_painful(tx, id, *painful)?,
            Change::StretchDate(day) => rows::set_stretch_date(tx, id, *day)?,
            Change::RomNormal(normal) => rows::set_rom_normal(tx, id, *normal)?,
            Change::ExercisePain { exercise_id, pain } => {
                rows::set_exercise_pain(tx, id, exercise_id, *pain)?
            }
        };
        if !found {
            return Err(journal::not_found(kind, id).into());
        }
        let safety = match &change {
            Change::CheckinPain(pain) => checkin_prompt(tx, *pain)?,
            Change::RunPain(pain) | Change::ExercisePain { pain, .. } => safety::prompt(*pain, &[]),
            _ => None,
        };
        Ok(Saved {
            message: journal::SAVED.to_string(),
            safety,
        })
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct Deleted {
    pub trash_id: i64,
    pub message: String,
}

/// Deletes an entry; it can be brought back with `undo` for `journal::TRASH_DAYS` days.
pub fn delete(store: &mut Store, now: Now, kind: &str, id: i64) -> Result<Deleted, ServiceError> {
    let kind = Kind::parse(kind)?;
    store.write(|tx| {
        rows::empty_trash_before(tx, now.utc - Duration::days(journal::TRASH_DAYS))?;
        match rows::delete_to_trash(tx, kind, id, now.utc)? {
            Some(trash_id) => Ok(Deleted {
                trash_id,
                message: journal::deleted(kind),
            }),
            None => Err(journal::not_found(kind, id).into()),
        }
    })
}

pub fn undo(store: &mut Store, trash_id: i64) -> Result<String, ServiceError> {
    store.write(|tx| match rows::restore_from_trash(tx, trash_id)? {
        Some(_) => Ok(journal::BROUGHT_BACK.to_string()),
        None => Err(journal::cannot_undo().into()),
    })
}

/// A quick pain check-in, now.
pub fn checkin(
    store: &mut Store,
    now: Now,
    context: &str,
    pain: &Whole,
    note: &str,
) -> Result<Saved, ServiceError> {
    let context = Context::parse(context)?;
    let pain = journal::check_pain(pain)?;
    let note = journal::check_note("note", note)?;
    let safety = store.write(|tx| {
        rows::insert_checkin(tx, now.utc, now.today, context, pain, &note)?;
        checkin_prompt(tx, pain)
    })?;
    Ok(Saved {
        message: journal::checkin_saved(pain, context),
        safety,
    })
}

pub fn add_note(store: &mut Store, now: Now, text: &str) -> Result<String, ServiceError> {
    let text = journal::check_note_text(text)?;
    store.write(|tx| rows::insert_note(tx, now.utc, now.today, &text))?;
    Ok(journal::NOTE_SAVED.to_string())
}
