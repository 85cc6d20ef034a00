//! The rehab program's rules, as plain data and pure functions.
//!
//! Nothing here performs I/O, reads the clock or knows about Tauri: time and state come
//! in as arguments and decisions go out as values, so every rule can be tested at any
//! date. The later capabilities (protocol, progression, reminder planner, running
//! plan) live here too.

pub mod advice;
pub mod charts;
pub mod dates;
pub mod export;
pub mod figures;
pub mod files;
pub mod guide;
pub mod journal;
pub mod messages;
pub mod method;
pub mod note;
pub mod pain;
pub mod pictures;
pub mod planner;
pub mod progression;
pub mod protocol;
pub mod records;
pub mod report;
pub mod running;
pub mod safety;
pub mod selftests;
pub mod session;
pub mod settings;
pub mod setup;
pub mod sources;
pub mod today;

use serde::Serialize;

/// For tests: fails, showing the whole text, unless `text` says `part`.
#[cfg(test)]
#[track_caller]
pub(crate) fn says(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} is not in {text:?}");
}

/// Input a user (or the front end) sent that breaks a rule. `field` is the name of the
/// offending field; `message` names it for a person and says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct InvalidInput {
    pub field: String,
    pub message: String,
}

impl InvalidInput {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// A whole number as the window sent it: a whole number, nothing (no value chosen), or
/// anything else (kept as it was written, so the error message can show it back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whole {
    Number(i64),
    /// No value: `null`, a missing argument or a blank string, as a control left unset
    /// sends it. A check can say "choose one" instead of echoing it back.
    Missing,
    Other(String),
}

impl Whole {
    /// Reads a JSON value: an integer, or a string holding one ("12"), is a number;
    /// `null` or a blank string is missing.
    pub fn from_json(value: &serde_json::Value) -> Whole {
        if let Some(n) = value.as_i64() {
            return Whole::Number(n);
        }
        if let Some(n) = value.as_str().and_then(|s| s.trim().parse::<i64>().ok()) {
            return Whole::Number(n);
        }
        if value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty()) {
            return Whole::Missing;
        }
        Whole::Other(match value {
            serde_json::Value::String(s) => format!("\"{s}\""),
            other => other.to_string(),
        })
    }

    /// The number if it is one and lies in `range`.
    pub fn within<T: TryFrom<i64> + PartialOrd + Copy>(
        &self,
        range: std::ops::RangeInclusive<T>,
    ) -> Option<T> {
        match self {
            Whole::Number(n) => T::try_from(*n).ok().filter(|v| range.contains(v)),
            Whole::Missing | Whole::Other(_) => None,
        }
    }
}

impl From<i64> for Whole {
    fn from(n: i64) -> Self {
        Whole::Number(n)
    }
}

impl std::fmt::Display for Whole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Whole::Number(n) => write!(f, "{n}"),
            Whole::Missing => f.write_str("nothing"),
            Whole::Other(text) => f.write_str(text),
        }
    }
}
