//! Calendar days as the app shows and checks them. Pure: "today" comes in as an argument.

use super::InvalidInput;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

/// The one "now": the moment something happens, made once by the shell from the system
/// clock (`shell::clock::now`) and passed down to every service as this one type.
///
/// - `utc`: the instant, for what is stored (`recorded_at`, `created_at`, file stamps).
/// - `local`: the wall-clock time in the user's zone at that instant. The reminder
///   planner works on this alone (a slot is a local time on a local day), so the zone
///   itself is not carried: a change of zone or clock shows in the next `Now`.
/// - `today`: the calendar day on that wall clock (`local.date()`).
///
/// Made only by [`Now::of`], so the three always agree (`non_exhaustive`: no struct
/// literal outside the crate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Now {
    pub utc: DateTime<Utc>,
    pub local: NaiveDateTime,
    pub today: NaiveDate,
}

impl Now {
    /// The moment `at` names, read on the wall clock of its own zone: the shell passes
    /// `chrono::Local::now()`, tests a UTC or fixed-offset time. Reads no clock.
    pub fn of<Tz: TimeZone>(at: DateTime<Tz>) -> Now {
        let local = at.naive_local();
        Now {
            utc: at.with_timezone(&Utc),
            local,
            today: local.date(),
        }
    }
}

/// "Tue 24 Nov 2026": short, unambiguous in every locale's order.
pub fn friendly(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// The earliest day a record may carry: older dates are typing mistakes.
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date")
}

/// A date field as a page shows it: the day it starts on and the earliest and latest days
/// it offers, from the day the backend calls today, so a page reads no clock and holds
/// no bound. The backend checks what comes back all the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayField {
    pub value: NaiveDate,
    pub min: NaiveDate,
    pub max: NaiveDate,
}

impl DayField {
    /// A past day, as [`parse_past_day`] takes it: from [`earliest`] to `today`, starting
    /// at today.
    pub fn up_to(today: NaiveDate) -> DayField {
        DayField::between(earliest(), today)
    }

    /// A day from `first` to `today`, starting at today.
    pub fn between(first: NaiveDate, today: NaiveDate) -> DayField {
        DayField {
            value: today,
            min: first.min(today),
            max: today,
        }
    }
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
    fn a_day_field_offers_the_days_parse_past_day_takes() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let f = DayField::up_to(today);
        assert_eq!((f.value, f.min, f.max), (today, earliest(), today));
        for day in [f.min, f.max] {
            assert_eq!(parse_past_day("date", &day.to_string(), today), Ok(day));
        }
        let after = f.max.succ_opt().unwrap().to_string();
        assert!(parse_past_day("date", &after, today).is_err());
        let before = f.min.pred_opt().unwrap().to_string();
        assert!(parse_past_day("date", &before, today).is_err());
        // A first day after today (a clock put back) never makes min later than max.
        let f = DayField::between(today.succ_opt().unwrap(), today);
        assert_eq!((f.min, f.max), (today, today));
    }

    #[test]
    fn now_reads_the_wall_clock_of_its_zone() {
        use chrono::FixedOffset;
        // 23:30 UTC is already the next day at UTC+2, and that is the day that counts.
        let utc = Utc.with_ymd_and_hms(2026, 11, 24, 23, 30, 0).unwrap();
        let now = Now::of(utc.with_timezone(&FixedOffset::east_opt(2 * 3600).unwrap()));
        assert_eq!(now.utc, utc);
        assert_eq!(now.local.to_string(), "2026-11-25 01:30:00");
        assert_eq!(now.today, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert_eq!(
            Now::of(utc).today,
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
        );
    }

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
