//! The journal's days: the list is read a day at a time, each day under one heading, and
//! the day's stretch reminders folded into one line ("2 of 3 reminders answered") that
//! opens on each showing, rather than a row of "missed" for each one.

use super::model::Entry;
use crate::core::dates;
use crate::core::records::ReminderRecord;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One day of the journal, as its heading shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    /// "Tue 24 Nov 2026".
    pub heading: String,
    /// The day's reminders in one line, if any was recorded that day.
    pub reminders: Option<String>,
}

/// Outcomes that are the user's answer to a showing.
const ANSWERS: [&str; 3] = ["done", "skipped", "snoozed"];
/// The outcome of a reminder the target made unnecessary (never shown).
const NOT_NEEDED: &str = "not_needed";

/// The day's reminders in one line, from every event recorded that day: a reminder is a
/// planned time (its catch-up is the same reminder shown again); it counts once it was
/// needed (shown, missed or answered), and it is answered once any showing of it was
/// (done, skipped or snoozed).
pub fn reminder_line(events: &[&ReminderRecord]) -> Option<String> {
    if events.is_empty() {
        return None;
    }
    let needed: BTreeSet<u16> = events
        .iter()
        .filter(|e| e.outcome != NOT_NEEDED)
        .map(|e| e.planned)
        .collect();
    if needed.is_empty() {
        return Some("No reminder needed: the day's stretches were done".into());
    }
    let answered = events
        .iter()
        .filter(|e| ANSWERS.contains(&e.outcome.as_str()))
        .map(|e| e.planned)
        .collect::<BTreeSet<u16>>()
        .len();
    let total = needed.len();
    Some(format!(
        "{answered} of {total} reminder{} answered",
        if total == 1 { "" } else { "s" }
    ))
}

/// The days of `entries` (newest first, as `sort` leaves them), each with its heading and
/// the line of its `reminders`.
pub fn days(entries: &[Entry], reminders: &[ReminderRecord]) -> Vec<Day> {
    let mut by_day: BTreeMap<NaiveDate, Vec<&ReminderRecord>> = BTreeMap::new();
    for r in reminders {
        by_day.entry(r.date).or_default().push(r);
    }
    let mut out: Vec<Day> = Vec::new();
    for e in entries {
        if out.last().is_some_and(|d| d.date == e.date) {
            continue;
        }
        out.push(Day {
            date: e.date,
            heading: dates::friendly(e.date),
            reminders: by_day.get(&e.date).and_then(|r| reminder_line(r)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::entries::entries;
    use super::super::model::Kind;
    use super::*;
    use crate::core::records::{Logged, NoteRecord};

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, n).unwrap()
    }

    fn event(
        id: i64,
        date: NaiveDate,
        planned: u16,
        outcome: &str,
        catch_up: bool,
    ) -> ReminderRecord {
        ReminderRecord {
            id,
            date,
            planned,
            outcome: outcome.into(),
            catch_up,
            at: format!("{date}T{:02}:{:02}:00.000Z", planned / 60, planned % 60),
        }
    }

    fn line(events: &[ReminderRecord]) -> Option<String> {
        reminder_line(&events.iter().collect::<Vec<_>>())
    }

    #[test]
    fn a_days_reminders_are_counted_by_planned_time() {
        let d = day(2);
        // 08:00 missed then answered as a catch-up; 12:20 shown then done; 16:40 missed.
        let events = [
            event(1, d, 480, "missed", false),
            event(2, d, 480, "shown", true),
            event(3, d, 480, "done", true),
            event(4, d, 740, "shown", false),
            event(5, d, 740, "done", false),
            event(6, d, 1000, "missed", false),
        ];
        assert_eq!(line(&events).as_deref(), Some("2 of 3 reminders answered"));
        // Skipped and snoozed are answers too; shown and waiting, or missed, are not.
        let events = [
            event(1, d, 480, "skipped", false),
            event(2, d, 740, "snoozed", false),
            event(3, d, 1000, "window", false),
        ];
        assert_eq!(line(&events).as_deref(), Some("2 of 3 reminders answered"));
        assert_eq!(
            line(&[event(1, d, 480, "missed", false)]).as_deref(),
            Some("0 of 1 reminder answered")
        );
        // Not needed (the day's target met) is no reminder given.
        let events = [
            event(1, d, 480, "done", false),
            event(2, d, 740, "not_needed", false),
        ];
        assert_eq!(line(&events).as_deref(), Some("1 of 1 reminder answered"));
        assert_eq!(
            line(&[event(1, d, 740, "not_needed", false)]).as_deref(),
            Some("No reminder needed: the day's stretches were done")
        );
        assert_eq!(line(&[]), None);
    }

    #[test]
    fn each_day_once_newest_first_with_its_reminders() {
        let note = |id, date: NaiveDate| NoteRecord {
            id,
            date,
            at: format!("{date}T10:00:00.000Z"),
            text: "n".into(),
        };
        let reminders = vec![
            event(10, day(1), 480, "missed", false),
            event(11, day(3), 480, "done", false),
            event(12, day(3), 740, "missed", false),
        ];
        let logged = Logged {
            notes: vec![
                note(1, day(1)),
                note(2, day(3)),
                note(3, day(3)),
                note(4, day(2)),
            ],
            reminders: reminders.clone(),
            ..Logged::default()
        };
        let list = entries(logged);
        let shown = days(&list, &reminders);
        assert_eq!(
            shown
                .iter()
                .map(|d| (d.heading.as_str(), d.reminders.as_deref()))
                .collect::<Vec<_>>(),
            vec![
                ("Tue 3 Mar 2026", Some("1 of 2 reminders answered")),
                ("Mon 2 Mar 2026", None),
                ("Sun 1 Mar 2026", Some("0 of 1 reminder answered")),
            ]
        );
        // Every entry's day has its heading.
        assert!(list.iter().all(|e| shown.iter().any(|d| d.date == e.date)));
        assert!(list.iter().any(|e| e.kind == Kind::Reminder));
    }
}
