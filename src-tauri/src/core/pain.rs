//! The one pain scale: every pain score in the app (a session's exercise, a check-in, a
//! run) is a whole number on it, checked by `check`, written with `out_of` ("3/10"), and
//! sent to the window with the views that ask for one (with the words at its ends and the
//! red flags beside it), so no page holds the range. The window's one pain control
//! (`ui/js/pain-ui.js`) starts with nothing chosen and sends nothing until a score is
//! picked: `check` refuses that with a message naming the field, so a careless save is
//! never recorded as "no pain".

use super::{InvalidInput, Whole};
use serde::Serialize;

/// The range of a pain score and the words for its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PainScale {
    pub min: u8,
    pub max: u8,
    /// What the lowest score means ("no pain"), shown at that end of the control.
    pub min_words: &'static str,
    /// What the highest score means ("worst imaginable"), shown at that end.
    pub max_words: &'static str,
    /// "0 = no pain, 10 = worst imaginable": both ends in one line, as a label shows it.
    pub anchors: &'static str,
    /// When to see a clinician promptly: every pain entry offers it one click away.
    pub red_flags: super::safety::flags::RedFlags,
}

/// Pain is scored 0–10, 0 being no pain and 10 the worst imaginable (the numeric rating
/// scale's usual anchors; the app's own choice of words).
pub const SCALE: PainScale = PainScale {
    min: 0,
    max: 10,
    min_words: "no pain",
    max_words: "worst imaginable",
    anchors: "0 = no pain, 10 = worst imaginable",
    red_flags: super::safety::flags::CARD,
};

/// Checks a pain score sent by the window: none sent (nothing chosen) is refused with
/// what to do, naming the field.
pub fn check(pain: &Whole) -> Result<u8, InvalidInput> {
    if *pain == Whole::Missing {
        return Err(InvalidInput::new("pain", missing()));
    }
    pain.within(SCALE.min..=SCALE.max).ok_or_else(|| {
        InvalidInput::new(
            "pain",
            format!(
                "Pain must be a whole number from {} to {} (got {pain}).",
                SCALE.min, SCALE.max
            ),
        )
    })
}

/// "Pain: choose a number from 0 to 10 before saving.": a save with no score chosen.
pub fn missing() -> String {
    format!(
        "Pain: choose a number from {} to {} before saving.",
        SCALE.min, SCALE.max
    )
}

/// "3/10".
pub fn out_of(pain: u8) -> String {
    format!("{pain}/{}", SCALE.max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_is_checked_with_its_range_in_the_message() {
        assert_eq!(check(&Whole::from(0)), Ok(0));
        assert_eq!(check(&Whole::from(10)), Ok(10));
        assert_eq!(
            check(&Whole::from(11)).unwrap_err().message,
            "Pain must be a whole number from 0 to 10 (got 11)."
        );
        assert!(check(&Whole::from(-1)).is_err());
        assert!(check(&Whole::Other("\"x\"".into())).is_err());
        assert_eq!(out_of(3), "3/10");
        assert_eq!(
            SCALE.anchors,
            format!(
                "{} = {}, {} = {}",
                SCALE.min, SCALE.min_words, SCALE.max, SCALE.max_words
            )
        );
    }

    /// A control left unset sends `null`, leaves the argument out or sends a blank
    /// string: each is refused naming the field and saying what to do, not echoed back.
    #[test]
    fn no_score_chosen_is_refused_with_what_to_do() {
        use serde_json::json;
        for sent in [json!(null), json!(""), json!("  ")] {
            assert_eq!(Whole::from_json(&sent), Whole::Missing, "{sent}");
            let refused = check(&Whole::from_json(&sent)).unwrap_err();
            assert_eq!(refused.field, "pain");
            assert_eq!(
                refused.message,
                "Pain: choose a number from 0 to 10 before saving."
            );
        }
        // A chosen 0 is a score, not nothing.
        assert_eq!(check(&Whole::from_json(&json!(0))), Ok(0));
        assert_eq!(check(&Whole::from_json(&json!("0"))), Ok(0));
        assert_eq!(check(&Whole::from_json(&json!(3))), Ok(3));
    }
}
