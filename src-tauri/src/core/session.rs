//! The guided session's words and small rules, sent with the session view so the page
//! builds none of them: where the user is ("Exercise 2 of 3"), the count above the set
//! controls ("Set 2 of 3", "2 sets saved: today's dose is done."), each saved set, the
//! stepper for repetitions or seconds (its label, bounds, step and first value), the hold
//! timer's words, whether an exercise's steps show open (only the first time it is shown)
//! and the summary when the session is finished (what was done, the pain given, and what
//! it means for the ladder).

use super::pain;
use super::progression::{amount_range, Decision, Progress, Session, TodayDose};
use super::protocol::{span_words, Exercise, Measure, LADDER};
use serde::Serialize;

/// Seconds counted down before a hold starts, to get into position (the app's own choice).
pub const COUNT_IN_SECONDS: u8 = 3;

/// How much one press of − or + changes the repetitions or seconds (the app's own choice).
pub const STEP: u16 = 1;

/// A set is a "hold" for an exercise held still, a "set" otherwise.
fn set_word(e: &Exercise, n: usize) -> &'static str {
    match (e.measure, n == 1) {
        (Measure::Hold, true) => "hold",
        (Measure::Hold, false) => "holds",
        (Measure::Reps, true) => "set",
        (Measure::Reps, false) => "sets",
    }
}

/// "Set" or "Hold", at the start of a line.
fn set_title(e: &Exercise) -> &'static str {
    match e.measure {
        Measure::Hold => "Hold",
        Measure::Reps => "Set",
    }
}

/// "repetitions", or "second" for one.
fn unit(e: &Exercise, one: bool) -> &'static str {
    match (e.measure, one) {
        (Measure::Hold, true) => "second",
        (Measure::Hold, false) => "seconds",
        (Measure::Reps, true) => "repetition",
        (Measure::Reps, false) => "repetitions",
    }
}

/// "12 repetitions", "1 second".
pub fn amount_words(e: &Exercise, amount: u16) -> String {
    format!("{amount} {}", unit(e, amount == 1))
}

/// "Exercise 2 of 3".
pub fn position(index: usize, count: usize) -> String {
    format!("Exercise {} of {count}", index + 1)
}

/// The line above the set controls: the set to do next while the dose asks for more,
/// then how many are saved and whether they make the dose.
pub fn set_count(e: &Exercise, today: &TodayDose, done: usize, dose_done: bool) -> String {
    let saved = format!("{done} {} saved", set_word(e, done));
    if dose_done {
        return format!("{saved}: today's dose is done.");
    }
    let asked = usize::from(today.sets.min);
    if done >= asked {
        let amount = amount_words(e, today.amount.min);
        return match asked {
            1 => format!("{saved}: today's dose is done once one of them reaches {amount}."),
            _ => format!("{saved}: today's dose is done once {asked} of them reach {amount}."),
        };
    }
    let each = if e.per_side { " (each leg)" } else { "" };
    format!(
        "{} {} of {}{each}",
        set_title(e),
        done + 1,
        span_words(today.sets)
    )
}

/// One saved set in the list: "Set 2: 12 repetitions", "Hold 1: 15 seconds".
pub fn set_line(e: &Exercise, number: usize, amount: u16) -> String {
    format!("{} {number}: {}", set_title(e), amount_words(e, amount))
}

/// The status line once a set is saved: "Set saved: 12 repetitions."
pub fn saved_line(e: &Exercise, amount: u16) -> String {
    format!("{} saved: {}.", set_title(e), amount_words(e, amount))
}

/// The − / + control for one set's repetitions or seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stepper {
    /// "Repetitions (each leg)", "Hold for (seconds)".
    pub label: String,
    pub min: u16,
    pub max: u16,
    pub step: u16,
    /// Where it starts: the last set saved, else the most the dose asks of one set.
    pub start: u16,
    /// The − and + buttons' names: "Fewer repetitions", "More seconds".
    pub fewer: &'static str,
    pub more: &'static str,
    /// The button that saves the number shown (for a hold: timed without the app's timer).
    pub save: &'static str,
}

/// The stepper of exercise `index` (in the ladder), given today's dose and the sets saved.
pub fn stepper(index: usize, today: &TodayDose, sets: &[u16]) -> Stepper {
    let e = &LADDER[index];
    let range = amount_range(index);
    let start = sets
        .last()
        .copied()
        .unwrap_or(today.amount.max)
        .clamp(range.min, range.max);
    let each = if e.per_side { " (each leg)" } else { "" };
    let (label, fewer, more, save) = match e.measure {
        Measure::Hold => (
            format!("Hold for (seconds){each}"),
            "Fewer seconds",
            "More seconds",
            "Save without the timer",
        ),
        Measure::Reps => (
            format!("Repetitions{each}"),
            "Fewer repetitions",
            "More repetitions",
            "Save set",
        ),
    };
    Stepper {
        label,
        min: range.min,
        max: range.max,
        step: STEP,
        start,
        fewer,
        more,
        save,
    }
}

/// Whether exercise `index`'s steps show open in session `this`: only until it has been
/// shown before, which the log tells by a set of it saved in an earlier session.
pub fn steps_open(sessions: &[Session], this: i64, index: usize) -> bool {
    let Some(current) = sessions.iter().find(|s| s.id == this) else {
        return true;
    };
    !sessions.iter().any(|s| {
        (s.started_at, s.id) < (current.started_at, current.id)
            && s.entries
                .iter()
                .any(|e| e.exercise == index && !e.sets.is_empty())
    })
}

/// The hold timer's words; `{n}`, `{held}` and `{target}` are filled in by the page as
/// the seconds go by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimerWords {
    /// Seconds of the count-in before the hold (`COUNT_IN_SECONDS`).
    pub count_in: u8,
    pub ready: &'static str,
    pub get_ready: &'static str,
    pub begin: &'static str,
    pub holding: &'static str,
    pub done: &'static str,
    pub too_short: &'static str,
}

pub const TIMER: TimerWords = TimerWords {
    count_in: COUNT_IN_SECONDS,
    ready: "Ready",
    get_ready: "Get ready: {n}",
    begin: "Hold! 0 of {target} s",
    holding: "Hold: {held} of {target} s",
    done: "Done: {held} s held",
    too_short: "Stopped before the hold began: nothing saved.",
};

/// The line under the exercises: how many still need a pain score, or that none does.
pub fn scoring_left(left: usize) -> String {
    match left {
        0 => "Every exercise has its pain score.".to_string(),
        1 => "1 exercise still to score. Your sets are saved as you go.".to_string(),
        n => format!("{n} exercises still to score. Your sets are saved as you go."),
    }
}

/// What finishing changed on the ladder: each exercise it unlocked, or the decision's
/// headline when it unlocked none.
pub fn changes(level_before: usize, after: &Progress) -> Vec<String> {
    let mut lines: Vec<String> = (level_before + 1..=after.level.max(level_before))
        .map(|i| format!("{} is unlocked.", LADDER[i].name))
        .collect();
    if lines.is_empty() {
        lines.push(format!("{}.", after.decision.headline));
    }
    lines
}

/// One exercise in the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoneLine {
    pub id: &'static str,
    pub name: &'static str,
    /// "3 sets: 12, 12 and 12 repetitions", "No holds saved".
    pub sets: String,
    /// "Pain 0/10", or that none was given.
    pub pain: String,
}

/// The end of a session in a few lines: what was done, and what it means for the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub title: &'static str,
    pub done_title: &'static str,
    /// The columns of `done`: the exercise, what was done, the pain.
    pub headers: [&'static str; 3],
    pub done: Vec<DoneLine>,
    pub ladder_title: &'static str,
    /// Each exercise unlocked, or the decision's headline (`changes`).
    pub changes: Vec<String>,
    /// The decision with its reason and what unlocks the next step.
    pub decision: Decision,
}

/// "12, 12 and 12".
fn listed(amounts: &[u16]) -> String {
    let words: Vec<String> = amounts.iter().map(u16::to_string).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => words.concat(),
    }
}

/// The summary of `session` once finished: `level_before` is the ladder's level before
/// it counted, `after` the progress with it.
pub fn summary(session: &Session, level_before: usize, after: &Progress) -> Summary {
    let mut entries: Vec<_> = session.entries.iter().collect();
    entries.sort_by_key(|e| e.exercise);
    let done = entries
        .into_iter()
        .filter_map(|entry| {
            let e = LADDER.get(entry.exercise)?;
            let n = entry.sets.len();
            let sets = match entry.sets.last() {
                None => format!("No {} saved", set_word(e, n)),
                Some(_) => format!(
                    "{n} {}: {} {}",
                    set_word(e, n),
                    listed(&entry.sets),
                    unit(e, entry.sets == [1])
                ),
            };
            let pain = match entry.pain {
                Some(p) => format!("Pain {}", pain::out_of(p)),
                None => "No pain score given".to_string(),
            };
            Some(DoneLine {
                id: e.id,
                name: e.name,
                sets,
                pain,
            })
        })
        .collect();
    Summary {
        title: "Session finished",
        done_title: "What you did",
        headers: ["Exercise", "Sets", "Pain"],
        done,
        ladder_title: "What it means for the ladder",
        changes: changes(level_before, after),
        decision: after.decision.clone(),
    }
}

#[cfg(test)]
mod tests;
