//! The journal: one chronological list of everything logged, read a day at a time (`days`:
//! each day's heading and its reminders in one line), the words for each kind of entry,
//! which fields of an entry can be edited, and the checks of a quick pain check-in or a
//! note. Pure: the store gathers the rows, this names and checks them.

mod days;
mod edit;
mod entries;
mod model;

pub use days::{days, reminder_line, Day};
pub use edit::*;
pub use entries::entries;
pub use model::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::InvalidInput;
    use chrono::NaiveDate;

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
