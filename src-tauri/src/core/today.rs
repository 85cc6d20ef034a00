//! The Today screen's rules: what is next (`next_up`, the one thing to do now, with its
//! words), the words of today's session, and the last seven days at a glance
//! (`week_strip`). Pure: the service gathers the facts (today's session, stretches, the
//! reminder plan, the run) and the per-day counts, and this decides and words them.
//!
//! What comes next is the app's own order (`ORDER`, listed on "Sources and method"):
//! a stretch whose reminder is waiting, then a session under way, then a stretch the
//! day's plan has due by now, then today's session, then today's run, then the day's
//! remaining stretches; with all of those done, "Done for today" with what was done.
//! A reminder answered "Skip" (or skipped while paused) is not due; a snoozed one is due
//! again once its snooze ends.

use super::planner::{Day, SlotState};
use super::running::TodayRun;
use super::settings::ClockTime;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

/// The order `next_up` follows, in words (the "Sources and method" row).
pub const ORDER: &str = "a stretch whose reminder is waiting, a session under way, a stretch the day's reminder plan has due by now, today's session, today's run, the day's remaining stretches; then done for today";

/// The days the strip shows, today included.
pub const STRIP_DAYS: u8 = 7;

/// Where today's session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    NotStarted,
    InProgress,
    Done,
}

/// The words of today's session: where it stands and its button's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionWords {
    pub state: &'static str,
    pub action: &'static str,
}

pub fn session_words(state: SessionState) -> SessionWords {
    match state {
        SessionState::NotStarted => SessionWords {
            state: "Not started yet.",
            action: "Start today's session",
        },
        SessionState::InProgress => SessionWords {
            state: "In progress: your sets so far are saved.",
            action: "Resume session",
        },
        SessionState::Done => SessionWords {
            state: "Done today. Well done.",
            action: "Start another session",
        },
    }
}

/// What Today knows about the day, gathered by the service.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub session: SessionState,
    pub stretches_done: u32,
    pub stretch_target: u8,
    /// The day's reminders as planned and answered so far.
    pub reminders: &'a Day,
    /// The local wall-clock time now.
    pub now: NaiveDateTime,
    /// Today's run or rest, once the running plan has started.
    pub run: Option<&'a TodayRun>,
}

/// Which thing is next, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// A stretch reminder was shown and is waiting for an answer.
    ReminderWaiting,
    /// A session was started and can still take sets.
    SessionUnderWay,
    /// Fewer stretches than the reminders due by now.
    StretchDue,
    /// Today's session is not started.
    SessionToStart,
    /// The running plan has a run today, not logged yet.
    RunPlanned,
    /// Below the day's stretch target, none due yet.
    StretchesLeft,
    /// Session done, stretches at the target, no run waiting.
    AllDone,
}

/// The kind of thing next, for the page to pick its controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Stretch,
    Session,
    Run,
    Done,
}

impl Why {
    pub fn kind(self) -> Kind {
        match self {
            Why::ReminderWaiting | Why::StretchDue | Why::StretchesLeft => Kind::Stretch,
            Why::SessionUnderWay | Why::SessionToStart => Kind::Session,
            Why::RunPlanned => Kind::Run,
            Why::AllDone => Kind::Done,
        }
    }
}

/// The screen the next thing is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Go {
    Stretch,
    Session,
    Running,
}

/// The one button of "Next up": its words and the screen it opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextAction {
    pub label: &'static str,
    pub go: Go,
}

/// The one thing to do now, with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextUp {
    pub why: Why,
    pub kind: Kind,
    /// "Next up", or "Today" once all is done.
    pub label: &'static str,
    pub title: String,
    pub text: String,
    /// What to press; none once all is done.
    pub action: Option<NextAction>,
    /// Once all is done: what was done today, one line each.
    pub done: Vec<String>,
}

/// The time a slot wants attention: its planned time, or the end of its snooze.
fn wants_at(day: &Day, time: ClockTime, state: SlotState) -> Option<NaiveDateTime> {
    match state {
        SlotState::Pending | SlotState::Shown { .. } | SlotState::Missed | SlotState::Done => {
            day.date.and_hms_opt(
                u32::from(time.minutes() / 60),
                u32::from(time.minutes() % 60),
                0,
            )
        }
        SlotState::Snoozed { until } => Some(until),
        // Skipped by the user (or while paused), or no longer needed: not due.
        SlotState::Skipped | SlotState::NotNeeded => None,
    }
}

/// How many stretches the day's reminder plan has due by `now` (never more than the
/// target): every reminder whose time has come, answered or not, except those skipped.
pub fn due_by(day: &Day, now: NaiveDateTime, target: u8) -> u32 {
    let due = day
        .slots
        .iter()
        .filter_map(|s| wants_at(day, s.time, s.state))
        .filter(|at| *at <= now)
        .count() as u32;
    due.min(u32::from(target))
}

/// The reminder waiting for an answer (its planned time), if any.
fn waiting(day: &Day) -> Option<ClockTime> {
    super::planner::due(day).map(|k| day.slots[k].time)
}

/// The next reminder still to come after `now`.
fn next_reminder(day: &Day, now: NaiveDateTime) -> Option<NaiveDateTime> {
    super::planner::next_slot(day, now)
}

const STRETCH_NOW: NextAction = NextAction {
    label: "Stretch now",
    go: Go::Stretch,
};

/// What to do now: the first of `ORDER` that is not done.
pub fn next_up(f: &Facts) -> NextUp {
    let below = f.stretches_done < u32::from(f.stretch_target);
    let words = session_words(f.session);
    let next = |why: Why, title: String, text: String, action: NextAction| NextUp {
        why,
        kind: why.kind(),
        label: "Next up",
        title,
        text,
        action: Some(action),
        done: Vec::new(),
    };
    if let (true, Some(time)) = (below, waiting(f.reminders)) {
        return next(
            Why::ReminderWaiting,
            format!("A stretch: the {time} reminder is waiting"),
            "Stretch with the timer; Done there answers the reminder.".into(),
            STRETCH_NOW,
        );
    }
    if f.session == SessionState::InProgress {
        return next(
            Why::SessionUnderWay,
            "Finish today's session".into(),
            "Pick up where you left off.".into(),
            NextAction {
                label: words.action,
                go: Go::Session,
            },
        );
    }
    let due = due_by(f.reminders, f.now, f.stretch_target);
    if f.stretches_done < due {
        return next(
            Why::StretchDue,
            "A stretch is due".into(),
            format!(
                "The day's reminders had {due} due by now, and {} {} done.",
                f.stretches_done,
                if f.stretches_done == 1 { "is" } else { "are" }
            ),
            STRETCH_NOW,
        );
    }
    if f.session == SessionState::NotStarted {
        return next(
            Why::SessionToStart,
            "Today's session".into(),
            "Your exercises at today's dose: one session a day.".into(),
            NextAction {
                label: words.action,
                go: Go::Session,
            },
        );
    }
    if f.run.is_some_and(|r| r.kind == "run") {
        return next(
            Why::RunPlanned,
            "Today's run".into(),
            "The running plan has a run for today.".into(),
            NextAction {
                label: "Open today's run",
                go: Go::Running,
            },
        );
    }
    if below {
        let when = match next_reminder(f.reminders, f.now) {
            Some(at) => format!("The next reminder is at {}.", at.format("%H:%M")),
            None => "No reminder is left today: stretch when it suits you.".into(),
        };
        return next(
            Why::StretchesLeft,
            "The rest of today's stretches".into(),
            when,
            STRETCH_NOW,
        );
    }
    let mut done = vec![
        "Today's session: done.".to_string(),
        format!("Stretches: {} of {}.", f.stretches_done, f.stretch_target),
    ];
    if f.run.is_some_and(|r| r.kind == "done") {
        done.push("Today's run: logged.".into());
    }
    NextUp {
        why: Why::AllDone,
        kind: Kind::Done,
        label: "Today",
        title: "Done for today".into(),
        text: "Everything planned for today is done. Rest, and come back tomorrow.".into(),
        action: None,
        done,
    }
}

// --- the last seven days -----------------------------------------------------------

/// What the log holds for one day, as the store counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayCounts {
    pub stretches: u32,
    /// Sessions finished that day.
    pub sessions: u32,
    pub runs: u32,
}

/// One day of the strip, with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StripDay {
    pub date: NaiveDate,
    /// "Wed 25", the column's heading.
    pub label: String,
    pub today: bool,
    /// Before the first day the app was used: nothing is counted against it.
    pub before_use: bool,
    pub stretches: u32,
    /// The stretch target met that day.
    pub met: bool,
    pub stretches_text: String,
    pub session: bool,
    pub session_text: &'static str,
    pub run: bool,
    pub run_text: &'static str,
}

/// The last seven days, today last, with the rows' names and a summary line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekStrip {
    pub caption: String,
    pub stretches_label: &'static str,
    pub session_label: &'static str,
    pub run_label: &'static str,
    /// Whether to show the run row (once a running plan has started).
    pub show_run: bool,
    pub days: Vec<StripDay>,
    pub summary: String,
    /// Where the target comes from (today's setting applied to every day).
    pub target_note: String,
}

/// The first day of the strip ending `today`.
pub fn strip_start(today: NaiveDate) -> NaiveDate {
    today - Duration::days(i64::from(STRIP_DAYS) - 1)
}

const BEFORE_USE: &str = "–";

/// The strip for the `STRIP_DAYS` days ending `today`. `counts` holds the days with
/// anything logged (others count as nothing done); `first_use` is the first day the app
/// was used, if any (days before it show no count); `target` is the stretch target.
pub fn week_strip(
    today: NaiveDate,
    counts: &[(NaiveDate, DayCounts)],
    first_use: Option<NaiveDate>,
    target: u8,
    show_run: bool,
) -> WeekStrip {
    let start = strip_start(today);
    // A day with anything logged is a day of use, whatever `first_use` says.
    let logged = counts
        .iter()
        .filter(|(_, c)| *c != DayCounts::default())
        .map(|(d, _)| *d);
    let first = first_use
        .into_iter()
        .chain(logged)
        .fold(today, NaiveDate::min);
    let days: Vec<StripDay> = (0..i64::from(STRIP_DAYS))
        .map(|k| {
            let date = start + Duration::days(k);
            let c = counts
                .iter()
                .find(|(d, _)| *d == date)
                .map(|(_, c)| *c)
                .unwrap_or_default();
            let before_use = date < first;
            let met = !before_use && c.stretches >= u32::from(target);
            StripDay {
                date,
                label: date.format("%a %-d").to_string(),
                today: date == today,
                before_use,
                stretches: c.stretches,
                met,
                stretches_text: if before_use {
                    BEFORE_USE.into()
                } else {
                    format!("{} of {target}", c.stretches)
                },
                session: c.sessions > 0,
                session_text: match (before_use, c.sessions > 0) {
                    (_, true) => "Done",
                    (true, false) => BEFORE_USE,
                    (false, false) => "Not done",
                },
                run: c.runs > 0,
                run_text: match (before_use, c.runs > 0) {
                    (_, true) => "Logged",
                    (true, false) => BEFORE_USE,
                    (false, false) => "No run",
                },
            }
        })
        .collect();
    let used = days.iter().filter(|d| !d.before_use).count();
    let met = days.iter().filter(|d| d.met).count();
    let sessions = days.iter().filter(|d| d.session).count();
    let runs = days.iter().filter(|d| d.run).count();
    let mut summary = format!(
        "Stretch target met on {met} of {used} day{}; a session done on {sessions}",
        if used == 1 { "" } else { "s" }
    );
    if show_run {
        summary.push_str(&format!("; a run logged on {runs}"));
    }
    summary.push('.');
    WeekStrip {
        caption: format!("The last {STRIP_DAYS} days"),
        stretches_label: "Stretches",
        session_label: "Session",
        run_label: "Run",
        show_run,
        days,
        summary,
        target_note: format!(
            "Stretches are counted against today's target of {target} a day; \"{BEFORE_USE}\" marks a day before you started using the app."
        ),
    }
}

#[cfg(test)]
mod tests;
