//! When to stop following the program and see a clinician: the red flags (one list, shown
//! in the guide's safety section and beside every pain entry) and the app's own rule for
//! when a saved pain score brings them up (`prompt`).

use serde::Serialize;

pub mod flags;
pub use flags::{RedFlags, CARD, RED_FLAGS};

/// A pain score at or above this (out of the pain scale's maximum) brings up the red
/// flags (the app's own choice).
pub const PROMPT_PAIN: u8 = 7;
/// Check-ins in a row, each higher than the one before, that bring up the red flags
/// (the app's own choice).
pub const RISING_CHECKINS: usize = 3;

/// Why a saved pain score brought up the red flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// One score at or above `PROMPT_PAIN`.
    HighScore,
    /// `RISING_CHECKINS` check-ins in a row, each higher than the last.
    Rising,
}

/// The calm message a pain entry shows, with the red flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prompt {
    pub trigger: Trigger,
    pub headline: &'static str,
    /// What was seen, in one sentence.
    pub reason: String,
    pub red_flags: RedFlags,
    /// That the rule is the app's own.
    pub rule: String,
}

/// The rule, as the "Sources and method" table and the prompt state it.
pub fn rule_text() -> String {
    format!(
        "A pain score of {} or more, or {} check-ins in a row each higher than the one before, brings up this message and the red flags.",
        super::pain::out_of(PROMPT_PAIN),
        RISING_CHECKINS
    )
}

/// The last `RISING_CHECKINS` scores (oldest first) each higher than the one before.
fn rising(checkins: &[u8]) -> bool {
    checkins.len() >= RISING_CHECKINS
        && checkins[checkins.len() - RISING_CHECKINS..]
            .windows(2)
            .all(|w| w[1] > w[0])
}

/// What a just-saved pain score shows. `score` is the score saved; `checkins` the
/// latest check-ins' scores, oldest first, including this one when it is a check-in
/// (empty when the score is not a check-in's, so only the score counts).
pub fn prompt(score: u8, checkins: &[u8]) -> Option<Prompt> {
    let (trigger, reason) = if score >= PROMPT_PAIN {
        (
            Trigger::HighScore,
            format!("You saved a pain score of {}.", super::pain::out_of(score)),
        )
    } else if rising(checkins) {
        (
            Trigger::Rising,
            format!(
                "Your last {RISING_CHECKINS} check-ins have each been higher than the one before."
            ),
        )
    } else {
        return None;
    };
    Some(Prompt {
        trigger,
        headline: "This is more than the program expects; consider contacting your clinician.",
        reason,
        red_flags: CARD,
        rule: format!("{} This rule is the app's own choice.", rule_text()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_out_of_ten_brings_up_the_red_flags_and_six_does_not() {
        let seven = prompt(7, &[]).expect("7/10 prompts");
        assert_eq!(seven.trigger, Trigger::HighScore);
        crate::core::says(&seven.reason, "7/10");
        crate::core::says(seven.headline, "consider contacting your clinician");
        assert_eq!(seven.red_flags.flags, RED_FLAGS);
        assert!(prompt(10, &[]).is_some());
        assert_eq!(prompt(6, &[]), None);
        assert_eq!(prompt(0, &[]), None);
        assert_eq!(prompt(6, &[6]), None);
    }

    #[test]
    fn three_rising_check_ins_in_a_row_bring_up_the_red_flags() {
        let p = prompt(4, &[2, 3, 4]).expect("rising");
        assert_eq!(p.trigger, Trigger::Rising);
        assert!(
            prompt(5, &[0, 0, 1, 3, 5]).is_some(),
            "only the last three count"
        );
        // Flat, falling, or rising over two only.
        assert_eq!(prompt(3, &[3, 3, 3]), None);
        assert_eq!(prompt(2, &[4, 3, 2]), None);
        assert_eq!(prompt(4, &[2, 4, 4]), None);
        assert_eq!(prompt(4, &[5, 2, 4]), None);
        assert_eq!(prompt(4, &[2, 4]), None);
        assert_eq!(prompt(4, &[]), None);
    }

    #[test]
    fn the_list_is_complete_and_says_the_rule_is_the_apps() {
        let all = RED_FLAGS.join(" ");
        for sign in [
            "pop",
            "imaging",
            "unable to walk",
            "saddle",
            "bladder",
            "bowel",
            "Fever",
            "unwell",
            "Weight loss",
            "cancer",
            "below the knee",
            "hop",
            "stress fracture",
            "bruising",
            "Numbness or weakness",
            "at night or at rest",
        ] {
            crate::core::says(&all, sign);
        }
        crate::core::says(CARD.source, "app's own choice");
        crate::core::says(&prompt(9, &[]).unwrap().rule, "app's own choice");
        crate::core::says(&rule_text(), "7/10");
    }
}
