//! Calendar days as the app shows and checks them. Pure: "today" comes in as an argument.

use super::InvalidInput;
use chrono::{DateTime, NaiveDate, Utc};

/// The moment a user action happens: the UTC instant, and the user's local calendar day
/// at that instant (taken from the wall clock by the shell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub utc: DateTime<Utc>,
    pub today: NaiveDate,
}

/// "Tue 24 Nov 2026": short, unambiguous in every locale's order.
pub fn friendly(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// The earliest day a record may carry: older dates are typing mistakes.
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date")
}

/// Parses a `YYYY-MM-DD` day for `field`, refusing days after `today` or before 2000.
pub fn parse_past_day(
    field: &str,
    text: &str,
    today: NaiveDate,
) -> Result<NaiveDate, InvalidInput> {
    let range = format!("a date from {} to today ({})", earliest(), today);
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        InvalidInput::new(
            field,
            format!(
                "{} must be {range} (got \"{}\").",
                label(field),
                text.trim()
            ),
        )
    })?;
    if date > today || date < earliest() {
        return Err(InvalidInput::new(
            field,
            format!("{} must be {range} (got {date}).", label(field)),
        ));
    }
    Ok(date)
}

fn label(field: &str) -> String {
    let spaced = field.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_in_the_future_or_badly_written_are_refused_with_the_range() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(parse_past_day("taken_on", "2026-11-24", today), Ok(today));
        let future = parse_past_day("taken_on", "2026-11-25", today).unwrap_err();
        assert_eq!(future.field, "taken_on");
        assert!(
            future
                .message
                .contains("Taken on must be a date from 2000-01-01 to today (2026-11-24)"),
            "{}",
            future.message
        );
        assert!(parse_past_day("taken_on", "1999-12-31", today).is_err());
        assert!(parse_past_day("taken_on", "2026-02-30", today).is_err());
        assert!(parse_past_day("taken_on", "24/11/2026", today)
            .unwrap_err()
            .message
            .contains("24/11/2026"));
        assert_eq!(friendly(today), "Tue 24 Nov 2026");
    }
}
