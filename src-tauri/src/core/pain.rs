//! The one pain scale: every pain score in the app (a session's exercise, a check-in, a
//! run) is a whole number on it, checked by `check`, written with `out_of` ("3/10"), and
//! sent to the window with the views that ask for one (with the red flags beside it), so
//! no page holds the range.

use super::{InvalidInput, Whole};
use serde::Serialize;

/// The range of a pain score and the words for its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PainScale {
    pub min: u8,
    pub max: u8,
    /// "0 = none, 10 = worst": what the ends mean, as a form's hint shows it.
    pub anchors: &'static str,
    /// When to see a clinician promptly: every pain entry offers it one click away.
    pub red_flags: super::safety::flags::RedFlags,
}

/// Pain is scored 0–10.
pub const SCALE: PainScale = PainScale {
    min: 0,
    max: 10,
    anchors: "0 = none, 10 = worst",
    red_flags: super::safety::flags::CARD,
};

/// Checks a pain score sent by the window.
pub fn check(pain: &Whole) -> Result<u8, InvalidInput> {
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
        assert!(SCALE.anchors.starts_with(&format!("{} = ", SCALE.min)));
        assert!(SCALE.anchors.contains(&format!("{} = ", SCALE.max)));
    }
}
