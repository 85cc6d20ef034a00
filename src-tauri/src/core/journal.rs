//! The journal: one chronological list of everything logged, the words for each kind of
//! entry, which fields of an entry can be edited, and the checks of a quick pain check-in
//! or a note. Pure: the store gathers the rows, this names and checks them.

mod edit;
mod entries;

pub use edit::*;
pub use entries::entries;

use super::{InvalidInput, Whole};
use chrono::NaiveDate;
use serde::Serialize;

/// Every kind of entry, in the order the filter lists them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Session,
    Checkin,
    Stretch,
    Reminder,
    Test,
    Rom,
    Run,
    Note,
    Move,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Session,
        Kind::Checkin,
        Kind::Stretch,
        Kind::Reminder,
        Kind::Test,
        Kind::Rom,
        Kind::Run,
        Kind::Note,
        Kind::Move,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::Checkin => "checkin",
            Kind::Stretch => "stretch",
            Kind::Reminder => "reminder",
            Kind::Test => "test",
            Kind::Rom => "rom",
            Kind::Run => "run",
            Kind::Note => "note",
            Kind::Move => "move",
        }
    }

    /// The filter's label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Session => "Exercise sessions",
            Kind::Checkin => "Pain check-ins",
            Kind::Stretch => "Stretches",
            Kind::Reminder => "Reminders",
            Kind::Test => "Test results",
            Kind::Rom => "Range of motion",
            Kind::Run => "Runs",
            Kind::Note => "Notes",
            Kind::Move => "Ladder moves",
        }
    }

    pub fn parse(text: &str) -> Result<Kind, InvalidInput> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| {
                let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                InvalidInput::new(
                    "kind",
                    format!("Kind must be one of {} (got \"{text}\").", all.join(", ")),
                )
            })
    }
}

/// Where a pain check-in was felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    DuringExercise,
    NextMorning,
    Sitting,
    Other,
}

impl Context {
    pub const ALL: [Context; 4] = [
        Context::DuringExercise,
        Context::NextMorning,
        Context::Sitting,
        Context::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Context::DuringExercise => "during_exercise",
            Context::NextMorning => "next_morning",
            Context::Sitting => "sitting",
            Context::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Context::DuringExercise => "During exercise",
            Context::NextMorning => "The next morning",
            Context::Sitting => "When sitting",
            Context::Other => "Other",
        }
    }

    pub fn parse(text: &str) -> Result<Context, InvalidInput> {
        Context::ALL
            .into_iter()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| {
                InvalidInput::new(
                    "context",
                    format!(
                    "When must be during_exercise, next_morning, sitting or other (got \"{text}\")."
                ),
                )
            })
    }
}

/// A field of an entry that can be changed from the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Editable {
    /// `pain`, `note`, `text`, `context`, `painful`, `normal`, `date` or `pain:<exercise id>`.
    pub field: String,
    pub label: String,
    /// `pain` (0–10), `text`, `choice` or `date` (a day up to today).
    pub input: &'static str,
    pub value: String,
    /// For `choice`: (value, label).
    pub choices: Vec<(&'static str, &'static str)>,
}

impl Editable {
    pub fn pain(field: impl Into<String>, label: impl Into<String>, pain: u8) -> Editable {
        Editable {
            field: field.into(),
            label: label.into(),
            input: "pain",
            value: pain.to_string(),
            choices: Vec::new(),
        }
    }
    pub fn text(field: &str, label: &str, value: &str) -> Editable {
        Editable {
            field: field.into(),
            label: label.into(),
            input: "text",
            value: value.into(),
            choices: Vec::new(),
        }
    }
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub kind: Kind,
    pub id: i64,
    pub date: NaiveDate,
    /// When it was recorded (UTC, RFC 3339), for the order within a day.
    pub at: String,
    pub title: String,
    pub details: Vec<String>,
    /// The entry's pain score, if it has one (the highest, for a session).
    pub pain: Option<u8>,
    pub note: Option<String>,
    pub edits: Vec<Editable>,
}

/// Newest first: by day, then by time recorded, then by kind and id (stable).
pub fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| (b.date, &b.at, b.kind, b.id).cmp(&(a.date, &a.at, a.kind, a.id)));
}

pub use super::note::MAX_NOTE;

/// A pain score, on the one scale (`core::pain`).
pub fn check_pain(value: &Whole) -> Result<u8, InvalidInput> {
    super::pain::check(value)
}

/// A note on an entry (`core::note`): may be empty, at most `MAX_NOTE` characters, trimmed.
pub fn check_note(field: &str, text: &str) -> Result<String, InvalidInput> {
    super::note::check(field, text)
}

/// A free note in the journal: 1 to `MAX_NOTE` characters.
pub fn check_note_text(text: &str) -> Result<String, InvalidInput> {
    let text = check_note("text", text)?;
    if text.is_empty() {
        return Err(InvalidInput::new(
            "text",
            format!("Note must have 1 to {MAX_NOTE} characters (got an empty note)."),
        ));
    }
    Ok(text)
}

/// The filter's date range: `from` ≤ `to`, neither before 2000 nor after today.
pub fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(), InvalidInput> {
    if from > to {
        return Err(InvalidInput::new(
            "from",
            format!("From must be on or before To (got {from} after {to})."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_contexts_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Ok(k));
        }
        assert_eq!(Kind::parse("dream").unwrap_err().field, "kind");
        for c in Context::ALL {
            assert_eq!(Context::parse(c.as_str()), Ok(c));
        }
        assert!(Context::parse("at night")
            .unwrap_err()
            .message
            .contains("sitting"));
    }

    #[test]
    fn notes_and_pain_are_checked() {
        assert_eq!(check_note("note", "  a  "), Ok("a".into()));
        assert!(check_note("note", &"é".repeat(2001)).is_err());
        assert!(
            check_note("note", &"é".repeat(2000)).is_ok(),
            "characters, not bytes"
        );
        assert_eq!(check_note_text("   ").unwrap_err().field, "text");
        assert_eq!(check_note_text("\0").unwrap_err().field, "text");
        assert_eq!(check_note("note", "a\0b").unwrap_err().field, "note");
        assert_eq!(check_pain(&Whole::from(10)), Ok(10));
        assert!(check_pain(&Whole::from(11))
            .unwrap_err()
            .message
            .contains("0 to 10"));
        assert!(check_pain(&Whole::Other("\"NaN\"".into())).is_err());
    }

    #[test]
    fn newest_first() {
        let e = |date: &str, at: &str, id| Entry {
            kind: Kind::Note,
            id,
            date: date.parse().unwrap(),
            at: at.into(),
            title: String::new(),
            details: vec![],
            pain: None,
            note: None,
            edits: vec![],
        };
        let mut list = vec![
            e("2026-03-01", "2026-03-01T08:00:00.000Z", 1),
            e("2026-03-02", "2026-03-02T07:00:00.000Z", 2),
            e("2026-03-02", "2026-03-02T09:00:00.000Z", 3),
        ];
        sort(&mut list);
        assert_eq!(list.iter().map(|x| x.id).collect::<Vec<_>>(), vec![3, 2, 1]);
    }

    #[test]
    fn a_test_result_and_a_range_of_motion_take_their_words_or_true_false() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let v = |text: &str| serde_json::Value::String(text.into());
        for (kind, field, yes, no, refused) in [
            (
                Kind::Test,
                "painful",
                "pain",
                "none",
                "Result must be pain or none (got \"maybe\").",
            ),
            (
                Kind::Rom,
                "normal",
                "yes",
                "no",
                "Range of motion must be yes or no (got \"maybe\").",
            ),
        ] {
            let read = |text: &str| change(kind, field, &v(text), today);
            let on = |b: bool| match kind {
                Kind::Test => Change::TestPainful(b),
                _ => Change::RomNormal(b),
            };
            for (text, b) in [(yes, true), ("true", true), (no, false), ("false", false)] {
                assert_eq!(read(text), Ok(on(b)), "{field} {text}");
            }
            assert_eq!(read("maybe"), Err(InvalidInput::new(field, refused)));
        }
    }
}
