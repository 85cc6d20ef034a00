//! Clinician-set rules: the changes of the program a user makes only on a clinician's
//! advice, the confirmation as the window sends it, and how it is told on the report.
//!
//! Two changes loosen the pain gate: allowing pain above 0/10 during exercise (raising
//! the allowed pain to any level above 0), and stepping forward on the ladder by hand.
//! Either is refused unless the user confirms that a clinician advised it; the clinician's
//! name and a note are optional. Lowering the allowed pain or stepping back never needs
//! it. The confirmation is stored with the change (the rule history, the move) and
//! printed on the clinician report.

use super::dates;
use super::note::{self, MAX_NOTE};
use super::protocol::LADDER;
use super::settings::{Settings, SettingsPatch};
use super::InvalidInput;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The longest clinician name kept (the app's own choice).
pub const MAX_NAME: usize = 100;

/// A change that needs a clinician's advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Allowed pain during exercise raised to `to`/10 (above 0).
    AllowedPain { to: u8 },
    /// A step forward by hand, from step `from` to step `to` (indexes in the ladder).
    StepForward { from: usize, to: usize },
}

/// A confirmed clinician's advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// The local day it was confirmed.
    pub on: NaiveDate,
    /// The clinician's name; empty if not given.
    pub by: String,
    /// What they advised; empty if not given.
    pub note: String,
}

/// A change made on advice, as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advised {
    pub change: Change,
    pub advice: Advice,
}

/// The confirmation as the window sends it (with a settings patch or a move).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceForm {
    #[serde(default)]
    pub clinician_confirmed: Option<Value>,
    #[serde(default)]
    pub clinician_name: Option<Value>,
    #[serde(default)]
    pub clinician_note: Option<Value>,
}

/// The confirmation sent with a settings patch.
pub fn form_of(patch: &SettingsPatch) -> AdviceForm {
    AdviceForm {
        clinician_confirmed: patch.clinician_confirmed.clone(),
        clinician_name: patch.clinician_name.clone(),
        clinician_note: patch.clinician_note.clone(),
    }
}

/// Whether a change of settings from `before` to `next` needs a clinician's advice.
pub fn for_settings(before: &Settings, next: &Settings) -> Option<Change> {
    (next.allowed_pain > 0 && next.allowed_pain > before.allowed_pain).then_some(
        Change::AllowedPain {
            to: next.allowed_pain,
        },
    )
}

/// Whether a move by hand from step `from` to step `to` needs a clinician's advice.
pub fn for_move(from: usize, to: usize) -> Option<Change> {
    (to > from).then_some(Change::StepForward { from, to })
}

fn step_name(i: usize) -> String {
    let name = LADDER.get(i).map_or("", |e| e.name);
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The refusal of `change` without a confirmation, in one sentence.
pub fn refusal(change: Change) -> String {
    let what = match change {
        Change::AllowedPain { to } => format!("Allowing pain up to {to}/10 during exercise"),
        Change::StepForward { to, .. } => {
            format!("Stepping forward to the {} by hand", step_name(to))
        }
    };
    format!(
        "{what} loosens the pain rule: make this change only if a clinician advised it, and confirm that they did (their name and a note are optional)."
    )
}

/// Admits `change` (if it needs advice) with the confirmation in `form`, made on `today`.
/// Returns the advice to store with the change, `None` when the change needs none, or a
/// refusal naming `clinician_confirmed` when it needs one and `form` does not confirm.
pub fn admit(
    change: Option<Change>,
    form: &AdviceForm,
    today: NaiveDate,
) -> Result<Option<Advice>, InvalidInput> {
    let Some(change) = change else {
        return Ok(None);
    };
    let confirmed = match &form.clinician_confirmed {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) if s == "true" || s == "false" => s == "true",
        Some(_) => {
            return Err(InvalidInput::new(
                "clinician_confirmed",
                "The clinician's confirmation must be yes or no.",
            ))
        }
    };
    if !confirmed {
        return Err(InvalidInput::new("clinician_confirmed", refusal(change)));
    }
    let text = |v: &Option<Value>, field: &str| -> Result<String, InvalidInput> {
        match v {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.trim().to_string()),
            Some(_) => Err(InvalidInput::new(field, "This must be text.")),
        }
    };
    let by = text(&form.clinician_name, "clinician_name")?;
    let n = by.chars().count();
    if n > MAX_NAME || by.contains('\0') {
        return Err(InvalidInput::new(
            "clinician_name",
            format!("The clinician's name must be at most {MAX_NAME} characters (got {n})."),
        ));
    }
    let note = note::check(
        "clinician_note",
        &text(&form.clinician_note, "clinician_note")?,
    )?;
    Ok(Some(Advice {
        on: today,
        by,
        note,
    }))
}

/// "Allowed pain raised to 3/10 on Mon 2 Mar 2026, advised by Dr Lee: slowly."
pub fn line(a: &Advised) -> String {
    let what = match a.change {
        Change::AllowedPain { to } => format!("Allowed pain raised to {to}/10"),
        Change::StepForward { to, .. } => {
            format!("Stepped forward by hand to the {}", step_name(to))
        }
    };
    let by = if a.advice.by.is_empty() {
        "a clinician"
    } else {
        a.advice.by.as_str()
    };
    let note = if a.advice.note.is_empty() {
        ".".to_string()
    } else {
        format!(": {}", a.advice.note)
    };
    format!(
        "{what} on {}, advised by {by}{note}",
        dates::friendly(a.advice.on)
    )
}

/// The words and limits of the confirmation dialog, sent with the views that may ask
/// for it (Settings, Program).
#[derive(Debug, Clone, Serialize)]
pub struct Texts {
    pub title: &'static str,
    pub confirm: &'static str,
    pub name_label: &'static str,
    pub note_label: &'static str,
    pub yes: &'static str,
    pub max_name: usize,
    pub max_note: usize,
}

pub fn texts() -> Texts {
    Texts {
        title: "Advised by a clinician?",
        confirm: "A clinician (physiotherapist or doctor) advised this change",
        name_label: "Clinician's name (optional)",
        note_label: "What they advised (optional)",
        yes: "Save the change",
        max_name: MAX_NAME,
        max_note: MAX_NOTE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn form(v: Value) -> AdviceForm {
        serde_json::from_value(v).unwrap()
    }

    fn pain(n: u8) -> Settings {
        Settings {
            allowed_pain: n,
            ..Settings::default()
        }
    }

    #[test]
    fn raising_the_allowed_pain_above_0_needs_advice_and_lowering_it_does_not() {
        assert_eq!(
            for_settings(&pain(0), &pain(3)),
            Some(Change::AllowedPain { to: 3 })
        );
        assert_eq!(
            for_settings(&pain(2), &pain(3)),
            Some(Change::AllowedPain { to: 3 })
        );
        assert_eq!(for_settings(&pain(3), &pain(2)), None);
        assert_eq!(for_settings(&pain(3), &pain(0)), None);
        assert_eq!(for_settings(&pain(0), &pain(0)), None);
        assert_eq!(for_move(0, 1), Some(Change::StepForward { from: 0, to: 1 }));
        assert_eq!(for_move(1, 0), None);
    }

    #[test]
    fn a_change_that_needs_advice_is_refused_without_the_confirmation() {
        let change = for_settings(&pain(0), &pain(3));
        for f in [
            json!({}),
            json!({"clinician_confirmed": false}),
            json!({"clinician_name": "Dr Lee"}),
        ] {
            let e = admit(change, &form(f), day()).unwrap_err();
            assert_eq!(e.field, "clinician_confirmed");
            assert!(e.message.contains("3/10"), "{}", e.message);
        }
        let e = admit(change, &form(json!({"clinician_confirmed": 1})), day()).unwrap_err();
        assert_eq!(e.field, "clinician_confirmed");
        let e = admit(for_move(0, 1), &form(json!({})), day()).unwrap_err();
        assert!(e.message.contains("front plank"), "{}", e.message);
    }

    #[test]
    fn a_confirmed_change_keeps_the_name_and_note_and_checks_their_length() {
        let a = admit(
            for_settings(&pain(0), &pain(3)),
            &form(json!({"clinician_confirmed": true, "clinician_name": " Dr Lee ", "clinician_note": "build slowly"})),
            day(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            (a.by.as_str(), a.note.as_str(), a.on),
            ("Dr Lee", "build slowly", day())
        );
        let long = "x".repeat(MAX_NAME + 1);
        let e = admit(
            for_move(0, 1),
            &form(json!({"clinician_confirmed": true, "clinician_name": long})),
            day(),
        )
        .unwrap_err();
        assert_eq!(e.field, "clinician_name");
        assert_eq!(
            admit(None, &form(json!({})), day()).unwrap(),
            None,
            "a change that needs no advice"
        );
    }

    #[test]
    fn the_report_line_names_the_change_the_day_the_clinician_and_the_note() {
        let advice = Advice {
            on: day(),
            by: "Dr Lee".into(),
            note: "build slowly".into(),
        };
        assert_eq!(
            line(&Advised {
                change: Change::AllowedPain { to: 3 },
                advice: advice.clone()
            }),
            "Allowed pain raised to 3/10 on Mon 2 Mar 2026, advised by Dr Lee: build slowly"
        );
        assert_eq!(
            line(&Advised {
                change: Change::StepForward { from: 0, to: 1 },
                advice: Advice {
                    by: String::new(),
                    note: String::new(),
                    ..advice
                }
            }),
            "Stepped forward by hand to the front plank on Mon 2 Mar 2026, advised by a clinician."
        );
    }
}
