//! The first-run setup's answers and its state, and how a value sent by the window is
//! checked: which side hurts, whether a clinician has confirmed the diagnosis, and
//! whether the setup was finished or skipped. A leaf, so the settings can carry the
//! answers (they are columns of the settings row) without importing the setup's words.

use super::super::InvalidInput;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which side hurts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PainfulSide {
    Left,
    Right,
    Both,
}

impl PainfulSide {
    pub const ALL: [PainfulSide; 3] = [PainfulSide::Left, PainfulSide::Right, PainfulSide::Both];

    /// As stored (`settings.painful_side`) and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            PainfulSide::Left => "left",
            PainfulSide::Right => "right",
            PainfulSide::Both => "both",
        }
    }

    /// The answer's words: "Left", "Right", "Both sides".
    pub fn label(self) -> &'static str {
        match self {
            PainfulSide::Left => "Left",
            PainfulSide::Right => "Right",
            PainfulSide::Both => "Both sides",
        }
    }

    pub fn parse(text: &str) -> Option<PainfulSide> {
        PainfulSide::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the leg on `side` ("left" or "right") is one that hurts.
    pub fn includes(self, side: &str) -> bool {
        self == PainfulSide::Both || self.as_str() == side
    }
}

/// Whether a clinician has confirmed the diagnosis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Diagnosis {
    Confirmed,
    NotYet,
    No,
}

impl Diagnosis {
    pub const ALL: [Diagnosis; 3] = [Diagnosis::Confirmed, Diagnosis::NotYet, Diagnosis::No];

    /// As stored (`settings.diagnosis`) and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Diagnosis::Confirmed => "confirmed",
            Diagnosis::NotYet => "not_yet",
            Diagnosis::No => "no",
        }
    }

    /// The answer's words: "Yes", "Not yet", "No".
    pub fn label(self) -> &'static str {
        match self {
            Diagnosis::Confirmed => "Yes",
            Diagnosis::NotYet => "Not yet",
            Diagnosis::No => "No",
        }
    }

    pub fn parse(text: &str) -> Option<Diagnosis> {
        Diagnosis::ALL.into_iter().find(|d| d.as_str() == text)
    }
}

/// Where the first-run setup stands (`settings.setup`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SetupState {
    /// Not finished or skipped yet: the app opens on the setup.
    Pending,
    Done,
    Skipped,
}

impl SetupState {
    pub const ALL: [SetupState; 3] = [SetupState::Pending, SetupState::Done, SetupState::Skipped];

    pub fn as_str(self) -> &'static str {
        match self {
            SetupState::Pending => "pending",
            SetupState::Done => "done",
            SetupState::Skipped => "skipped",
        }
    }

    pub fn parse(text: &str) -> Option<SetupState> {
        SetupState::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// How a setup can end, as the window names it: `done` or `skipped`. Anything else,
/// `pending` included (the setup is run again from Settings without being reset), is
/// refused naming the field `outcome`.
pub fn outcome(text: &str) -> Result<SetupState, InvalidInput> {
    match SetupState::parse(text.trim()) {
        Some(s @ (SetupState::Done | SetupState::Skipped)) => Ok(s),
        _ => Err(InvalidInput::new(
            "outcome",
            format!(
                "The setup ends as done or skipped (got {}).",
                shown_text(text)
            ),
        )),
    }
}

/// The painful side as a settings change sends it: left, right or both, or nothing
/// (`null` or empty) for "not answered".
pub fn painful_side(v: &Value) -> Result<Option<PainfulSide>, InvalidInput> {
    answer(v, PainfulSide::parse).ok_or_else(|| {
        InvalidInput::new(
            "painful_side",
            format!(
                "Painful side must be left, right or both, or nothing for not answered (got {}).",
                shown(v)
            ),
        )
    })
}

/// The diagnosis answer as a settings change sends it: confirmed, not_yet or no, or
/// nothing (`null` or empty) for "not answered".
pub fn diagnosis(v: &Value) -> Result<Option<Diagnosis>, InvalidInput> {
    answer(v, Diagnosis::parse).ok_or_else(|| {
        InvalidInput::new(
            "diagnosis",
            format!(
                "Diagnosis must be confirmed, not_yet or no, or nothing for not answered (got {}).",
                shown(v)
            ),
        )
    })
}

/// `Some(None)` for no answer, `Some(Some(x))` for a known one, `None` for anything else.
fn answer<T>(v: &Value, parse: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
    match v {
        Value::Null => Some(None),
        Value::String(s) if s.trim().is_empty() => Some(None),
        Value::String(s) => parse(s.trim()).map(Some),
        _ => None,
    }
}

fn shown_text(text: &str) -> String {
    if text.trim().is_empty() {
        "nothing".to_string()
    } else {
        format!("“{}”", text.chars().take(40).collect::<String>())
    }
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => shown_text(s),
        other => other.to_string().chars().take(40).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn answers_are_the_known_words_or_nothing() {
        assert_eq!(painful_side(&json!("right")), Ok(Some(PainfulSide::Right)));
        assert_eq!(painful_side(&json!(" both ")), Ok(Some(PainfulSide::Both)));
        assert_eq!(painful_side(&json!(null)), Ok(None));
        assert_eq!(painful_side(&json!("")), Ok(None));
        assert_eq!(diagnosis(&json!("not_yet")), Ok(Some(Diagnosis::NotYet)));
        assert_eq!(diagnosis(&json!(null)), Ok(None));
    }

    #[test]
    fn a_wrong_answer_names_the_field_and_the_allowed_values() {
        for bad in [json!("middle"), json!(1), json!(true), json!(["left"]), json!("Left")] {
            let e = painful_side(&bad).unwrap_err();
            assert_eq!(e.field, "painful_side");
            crate::core::says(&e.message, "left, right or both");
        }
        let e = diagnosis(&json!("maybe")).unwrap_err();
        assert_eq!(e.field, "diagnosis");
        crate::core::says(&e.message, "confirmed, not_yet or no");
        crate::core::says(&e.message, "“maybe”");
    }

    #[test]
    fn a_setup_ends_done_or_skipped_only() {
        assert_eq!(outcome("done"), Ok(SetupState::Done));
        assert_eq!(outcome("skipped"), Ok(SetupState::Skipped));
        for bad in ["pending", "", "DONE", "later"] {
            assert_eq!(outcome(bad).unwrap_err().field, "outcome", "{bad}");
        }
    }

    #[test]
    fn stored_words_match_the_schema_checks() {
        // migrations.rs V8: painful_side IN ('left','right','both'), diagnosis IN
        // ('confirmed','not_yet','no'), setup IN ('pending','done','skipped').
        let words = |v: Vec<&str>| v.join(",");
        assert_eq!(words(PainfulSide::ALL.iter().map(|s| s.as_str()).collect()), "left,right,both");
        assert_eq!(words(Diagnosis::ALL.iter().map(|s| s.as_str()).collect()), "confirmed,not_yet,no");
        assert_eq!(words(SetupState::ALL.iter().map(|s| s.as_str()).collect()), "pending,done,skipped");
        assert!(PainfulSide::Both.includes("left") && PainfulSide::Both.includes("right"));
        assert!(PainfulSide::Left.includes("left") && !PainfulSide::Left.includes("right"));
    }
}
