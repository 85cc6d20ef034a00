//! The 8-week return to running [3]: the weeks, the rules that space the runs, and the
//! engine that reads the run log and says which week the runner is in and why.
//!
//! Pure. Like the exercise ladder, nothing is stored about progress: the week is
//! recomputed from the start day and every run logged, so a run added or corrected in
//! the past gives the same answer as if it had been logged on the day.
//!
//! The rules, from the guide: weeks 1–2 are walk/jog intervals built up to 5 sets, on
//! alternate days; weeks 3–4 are 20 minutes (a jog, then at normal pace) on at most 5
//! days a week; weeks 5–8 add speed, volume and acceleration as tolerated. A week is
//! passed only without pain. Here that means:
//! - a week lasts at least 7 days and is passed once its goal is met with no pain;
//! - a run with any pain (above 0/10) holds the plan: the week starts again the next day;
//! - pain again before the week is passed steps back a week (week 1 starts again).

use super::selftests::GateStatus;
use super::{dates, note, pain, InvalidInput, Whole};
use chrono::{Duration, NaiveDate};
use serde::Serialize;

pub const WEEKS: u8 = 8;
/// Sets a walk/jog run builds up to in weeks 1–2.
pub const FULL_SETS: u8 = 5;
/// Minutes of the runs in weeks 3–4, and the start for weeks 5–8.
pub const BASE_MINUTES: u16 = 20;
/// Runs of the week's length a week needs (weeks 3–8) before it is passed.
pub const RUNS_TO_PASS: usize = 3;
/// At most this many run days in any 7 consecutive days (weeks 3–4).
pub const MAX_DAYS_IN_SEVEN: usize = 5;
/// Limits for what a run log may say (the note's is `core::note::MAX_NOTE`).
pub const MIN_SETS: u8 = 1;
pub const MAX_SETS: u8 = 10;
pub const MIN_MINUTES: u16 = 1;
pub const MAX_MINUTES: u16 = 300;
/// Shortest run target in weeks 5–8.
pub const MIN_TARGET: u16 = 10;
/// Sets of the first walk/jog run of a week (one more each run, up to `FULL_SETS`).
pub const START_SETS: u8 = 2;
/// How far back a plan may be started, for a runner who began before logging it.
pub const START_BACK_DAYS: i64 = 14;
/// The first week run to the runner's own target.
pub const FIRST_TARGET_WEEK: u8 = 5;
/// Targets for weeks 5–8 can be set from this week on.
pub const TARGETS_FROM_WEEK: u8 = FIRST_TARGET_WEEK - 1;

/// How a week's runs are made up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Shape {
    /// Sets of walking then jogging, built up to `FULL_SETS`.
    Intervals { walk_minutes: u8, jog_minutes: u8 },
    /// One continuous run of `minutes`.
    Continuous { minutes: u16 },
    /// The runner's own target for the week (weeks 5–8).
    Target,
}

/// How runs are spaced in a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Spacing {
    /// Never two days in a row.
    AlternateDays,
    /// At most 5 run days in any 7.
    FiveInSeven,
    /// As tolerated: one run a day; the calendar suggests 5 in 7.
    AsTolerated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Week {
    pub week: u8,
    pub title: &'static str,
    pub what: &'static str,
    pub shape: Shape,
    pub spacing: Spacing,
}

pub const PLAN: [Week; 8] = [
    Week {
        week: 1,
        title: "Walk 5, jog 1",
        what: "Walk 5 minutes then jog 1 minute, that is one set; start with 2 sets and add one each run until you do 5. Run every other day.",
        shape: Shape::Intervals { walk_minutes: 5, jog_minutes: 1 },
        spacing: Spacing::AlternateDays,
    },
    Week {
        week: 2,
        title: "Walk 5, jog 5",
        what: "Walk 5 minutes then jog 5 minutes per set, building up to 5 sets again. Still every other day.",
        shape: Shape::Intervals { walk_minutes: 5, jog_minutes: 5 },
        spacing: Spacing::AlternateDays,
    },
    Week {
        week: 3,
        title: "Jog 20 minutes",
        what: "One easy 20-minute jog per run, on no more than 5 days of the week.",
        shape: Shape::Continuous { minutes: BASE_MINUTES },
        spacing: Spacing::FiveInSeven,
    },
    Week {
        week: 4,
        title: "20 minutes at your normal pace",
        what: "20 minutes at your normal training pace, on no more than 5 days of the week.",
        shape: Shape::Continuous { minutes: BASE_MINUTES },
        spacing: Spacing::FiveInSeven,
    },
    Week {
        week: 5,
        title: "Build gradually",
        what: "Add a little speed, distance or acceleration, as your hamstring tolerates it. Set this week's target run first.",
        shape: Shape::Target,
        spacing: Spacing::AsTolerated,
    },
    Week {
        week: 6,
        title: "Build gradually",
        what: "Another small step in speed, distance or acceleration, only if last week was pain-free.",
        shape: Shape::Target,
        spacing: Spacing::AsTolerated,
    },
    Week {
        week: 7,
        title: "Build gradually",
        what: "Another small step in speed, distance or acceleration, only if last week was pain-free.",
        shape: Shape::Target,
        spacing: Spacing::AsTolerated,
    },
    Week {
        week: 8,
        title: "Build gradually",
        what: "The last step back toward your normal training, as tolerated.",
        shape: Shape::Target,
        spacing: Spacing::AsTolerated,
    },
];

pub fn week(n: u8) -> &'static Week {
    &PLAN[(n.clamp(1, WEEKS) - 1) as usize]
}

/// Whether a run in week `w` records walk/jog sets (rather than minutes): the one place
/// this follows from the week's shape.
pub fn logs_sets(w: u8) -> bool {
    matches!(week(w).shape, Shape::Intervals { .. })
}

/// "Week 3 of 8: Jog 20 minutes", or "All 8 weeks done".
pub fn heading(state: &PlanState) -> String {
    if state.finished {
        format!("All {WEEKS} weeks done")
    } else {
        format!("Week {} of {WEEKS}: {}", state.week, week(state.week).title)
    }
}

/// The week whose target can be set now (this week or, before week 5, week 5), once the
/// plan is in week 4 or later and not finished.
pub fn target_week(state: &PlanState) -> Option<u8> {
    (state.week >= TARGETS_FROM_WEEK && !state.finished).then(|| state.week.max(FIRST_TARGET_WEEK))
}

/// The minutes the target form starts at for week `w`: its target if set, else this
/// week's minutes within the range.
pub fn target_default(state: &PlanState, targets: &[Target], w: u8) -> u16 {
    match targets.iter().find(|t| t.week == w) {
        Some(t) => t.minutes,
        None => {
            let (_, max) = target_range(targets, w);
            state.minutes.unwrap_or(BASE_MINUTES).min(max)
        }
    }
}

/// The amount the run logger starts at: today's sets or minutes, else the week's.
pub fn log_default(state: &PlanState, today: &TodayRun) -> u16 {
    if !state.finished && logs_sets(state.week) {
        today.sets.unwrap_or(START_SETS) as u16
    } else {
        today.minutes.or(state.minutes).unwrap_or(BASE_MINUTES)
    }
}

/// One run as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub id: i64,
    pub date: NaiveDate,
    /// Walk/jog sets done (weeks 1–2).
    pub sets: Option<u8>,
    /// Minutes run (weeks 3–8).
    pub minutes: Option<u16>,
    /// Pain during or after, 0–10.
    pub pain: u8,
    pub note: String,
    /// The rule the runner chose to break, if any (recorded with the run).
    pub override_rule: Option<String>,
}

/// The runner's target for a week 5–8.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    pub week: u8,
    pub minutes: u16,
    /// What to build this week: speed, volume or acceleration.
    pub focus: Focus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Focus {
    Volume,
    Speed,
    Acceleration,
}

/// A focus as the target form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FocusChoice {
    pub value: &'static str,
    pub label: &'static str,
}

impl Focus {
    pub const ALL: [Focus; 3] = [Focus::Volume, Focus::Speed, Focus::Acceleration];
    pub fn label(self) -> &'static str {
        match self {
            Focus::Volume => "Volume: a little longer",
            Focus::Speed => "Speed: a little faster",
            Focus::Acceleration => "Acceleration: short pick-ups",
        }
    }
    pub fn choices() -> Vec<FocusChoice> {
        Focus::ALL
            .into_iter()
            .map(|f| FocusChoice {
                value: f.as_str(),
                label: f.label(),
            })
            .collect()
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Focus::Volume => "volume",
            Focus::Speed => "speed",
            Focus::Acceleration => "acceleration",
        }
    }
    pub fn parse(text: &str) -> Option<Focus> {
        Focus::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Started,
    Advanced,
    Held,
    SteppedBack,
    Finished,
}

/// Something the plan decided, on a day, with its reason in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub kind: DecisionKind,
    pub date: NaiveDate,
    /// The week the runner is in from `date`.
    pub week: u8,
    pub reason: String,
}

/// Where the runner is, as of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanState {
    pub started_on: NaiveDate,
    pub week: u8,
    /// The first day of the current attempt at this week.
    pub week_start: NaiveDate,
    /// All 8 weeks passed.
    pub finished: bool,
    /// Pain-free runs counted toward this week's goal.
    pub runs_this_week: usize,
    /// The goal is met; the week is passed once 7 days have gone by.
    pub goal_met: bool,
    /// What this week needs, in one sentence.
    pub goal: String,
    /// Newest last.
    pub decisions: Vec<Decision>,
    /// Sets of the latest pain-free run of this attempt (weeks 1–2).
    pub last_sets: Option<u8>,
    /// Minutes a run of this week should last (weeks 3–8).
    pub minutes: Option<u16>,
}

impl PlanState {
    pub fn latest(&self) -> &Decision {
        self.decisions.last().expect("a plan always has its start")
    }
}

fn target_minutes(targets: &[Target], w: u8) -> Option<u16> {
    match week(w).shape {
        Shape::Intervals { .. } => None,
        Shape::Continuous { minutes } => Some(minutes),
        Shape::Target => Some(
            targets
                .iter()
                .find(|t| t.week == w)
                .map(|t| t.minutes)
                .unwrap_or_else(|| previous_target(targets, w)),
        ),
    }
}

/// The target of the week before `w` (20 minutes before week 5).
fn previous_target(targets: &[Target], w: u8) -> u16 {
    (5..w)
        .rev()
        .find_map(|k| targets.iter().find(|t| t.week == k).map(|t| t.minutes))
        .unwrap_or(BASE_MINUTES)
}

/// The sane range for week `w`'s target: no shorter than 10 minutes, no more than a
/// small step (5 minutes or 10 %, whichever is more) above the week before.
pub fn target_range(targets: &[Target], w: u8) -> (u16, u16) {
    let prev = previous_target(targets, w);
    (MIN_TARGET, prev + (prev / 10).max(5))
}

fn counts(w: u8, run: &Run, targets: &[Target]) -> bool {
    match week(w).shape {
        Shape::Intervals { .. } => run.sets.is_some(),
        _ => run.minutes.unwrap_or(0) >= target_minutes(targets, w).unwrap_or(BASE_MINUTES),
    }
}

fn goal_text(w: u8, targets: &[Target]) -> String {
    match week(w).shape {
        Shape::Intervals { .. } => format!(
            "Build up to a pain-free run of {FULL_SETS} sets; the week lasts at least 7 days."
        ),
        _ => format!(
            "{RUNS_TO_PASS} pain-free runs of at least {} minutes; the week lasts at least 7 days.",
            target_minutes(targets, w).unwrap_or(BASE_MINUTES)
        ),
    }
}

struct Attempt {
    week: u8,
    start: NaiveDate,
    counted: usize,
    goal_day: Option<NaiveDate>,
    painful: u8,
    last_sets: Option<u8>,
}

/// Where the plan stands on `today`, from its start day and every run up to `today`.
pub fn state(
    started_on: NaiveDate,
    runs: &[Run],
    targets: &[Target],
    today: NaiveDate,
) -> PlanState {
    let mut sorted: Vec<&Run> = runs
        .iter()
        .filter(|r| r.date >= started_on && r.date <= today)
        .collect();
    sorted.sort_by_key(|r| (r.date, r.id));
    let mut decisions = vec![Decision {
        kind: DecisionKind::Started,
        date: started_on,
        week: 1,
        reason: "Week 1 started: the running gate was open.".to_string(),
    }];
    let mut a = Attempt {
        week: 1,
        start: started_on,
        counted: 0,
        goal_day: None,
        painful: 0,
        last_sets: None,
    };
    let mut finished = false;

    let advance = |a: &mut Attempt,
                   day: NaiveDate,
                   decisions: &mut Vec<Decision>,
                   finished: &mut bool| {
        while !*finished {
            let Some(goal_day) = a.goal_day else { break };
            let passed_on = (a.start + Duration::days(7)).max(goal_day + Duration::days(1));
            if day < passed_on {
                break;
            }
            if a.week == WEEKS {
                *finished = true;
                decisions.push(Decision {
                    kind: DecisionKind::Finished,
                    date: passed_on,
                    week: WEEKS,
                    reason: format!("All {WEEKS} weeks done without pain: carry on building toward your normal training, as tolerated."),
                });
                break;
            }
            let next = a.week + 1;
            decisions.push(Decision {
                kind: DecisionKind::Advanced,
                date: passed_on,
                week: next,
                reason: format!(
                    "Week {next} started: week {} was done without pain.",
                    a.week
                ),
            });
            *a = Attempt {
                week: next,
                start: passed_on,
                counted: 0,
                goal_day: None,
                painful: 0,
                last_sets: None,
            };
        }
    };

    for run in sorted {
        advance(&mut a, run.date, &mut decisions, &mut finished);
        if finished {
            continue;
        }
        if run.pain > 0 {
            a.painful = a.painful.saturating_add(1);
            let restart = run.date + Duration::days(1);
            let when = dates::friendly(run.date);
            if a.painful >= 2 && a.week > 1 {
                let back = a.week - 1;
                decisions.push(Decision {
                    kind: DecisionKind::SteppedBack,
                    date: restart,
                    week: back,
                    reason: format!(
                        "Back to week {back}: pain again in week {} ({} on {when}), so the step before comes first.",
                        a.week, pain::out_of(run.pain)
                    ),
                });
                a = Attempt {
                    week: back,
                    start: restart,
                    counted: 0,
                    goal_day: None,
                    painful: 0,
                    last_sets: None,
                };
            } else {
                decisions.push(Decision {
                    kind: DecisionKind::Held,
                    date: restart,
                    week: a.week,
                    reason: format!(
                        "Week {} starts again: you logged pain {} on {when}, and a week is passed only without pain.",
                        a.week, pain::out_of(run.pain)
                    ),
                });
                a.start = restart;
                a.counted = 0;
                a.goal_day = None;
                a.last_sets = None;
            }
            continue;
        }
        if run.date < a.start {
            // A pain-free run on the very day of a restart's previous run: not counted.
            continue;
        }
        if counts(a.week, run, targets) {
            a.counted += 1;
        }
        if let Some(s) = run.sets {
            a.last_sets = Some(a.last_sets.map_or(s, |l| l.max(s)));
        }
        let met = match week(a.week).shape {
            Shape::Intervals { .. } => run.sets.is_some_and(|s| s >= FULL_SETS),
            _ => a.counted >= RUNS_TO_PASS,
        };
        if met && a.goal_day.is_none() {
            a.goal_day = Some(run.date);
        }
    }
    advance(&mut a, today, &mut decisions, &mut finished);

    PlanState {
        started_on,
        week: a.week,
        week_start: a.start,
        finished,
        runs_this_week: a.counted,
        goal_met: a.goal_day.is_some(),
        goal: goal_text(a.week, targets),
        decisions,
        last_sets: a.last_sets,
        minutes: target_minutes(targets, a.week),
    }
}

// --- the spacing rules --------------------------------------------------------------

/// A rule a run on a day would break, and why, in one sentence. The runner may log it
/// anyway; the rule is then recorded with the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleBreak {
    /// `alternate_days`, `five_in_seven`, `one_a_day` or `gate_closed`.
    pub rule: &'static str,
    pub reason: String,
}

fn run_days(runs: &[Run]) -> std::collections::BTreeSet<NaiveDate> {
    runs.iter().map(|r| r.date).collect()
}

/// Whether a run on `date`, in week `w`, keeps the spacing rules given the runs already
/// logged.
pub fn check_spacing(runs: &[Run], w: u8, date: NaiveDate) -> Result<(), RuleBreak> {
    let days = run_days(runs);
    if days.contains(&date) {
        return Err(RuleBreak {
            rule: "one_a_day",
            reason: format!(
                "There is already a run on {}: one run a day.",
                dates::friendly(date)
            ),
        });
    }
    match week(w).spacing {
        Spacing::AlternateDays => {
            for near in [date - Duration::days(1), date + Duration::days(1)] {
                if days.contains(&near) {
                    return Err(RuleBreak {
                        rule: "alternate_days",
                        reason: format!(
                            "In week {w} runs are on alternate days, and you ran on {}: rest the day before and after a run.",
                            dates::friendly(near)
                        ),
                    });
                }
            }
            Ok(())
        }
        Spacing::FiveInSeven => {
            let mut with = days.clone();
            with.insert(date);
            if crowded(&with, date) {
                return Err(RuleBreak {
                    rule: "five_in_seven",
                    reason: format!(
                        "In week {w} you run on at most {MAX_DAYS_IN_SEVEN} days in any 7, and this would be a sixth."
                    ),
                });
            }
            Ok(())
        }
        Spacing::AsTolerated => Ok(()),
    }
}

/// Whether some 7-day window around `date` holds more than 5 of `days`.
fn crowded(days: &std::collections::BTreeSet<NaiveDate>, date: NaiveDate) -> bool {
    (0..7).any(|back| {
        let from = date - Duration::days(back);
        days.range(from..from + Duration::days(7)).count() > MAX_DAYS_IN_SEVEN
    })
}

// --- the calendar ---------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A run logged without pain.
    Done,
    /// A run logged with pain.
    Painful,
    /// A day to run (today or later).
    Planned,
    /// Too soon after a run (weeks 1–2).
    TooSoon,
    /// A rest day: in the past with no run, or the week's running days are used up.
    Rest,
}

impl DayKind {
    /// The words for the day on the calendar.
    pub fn label(self) -> &'static str {
        match self {
            DayKind::Done => "Run done",
            DayKind::Painful => "Run, with pain",
            DayKind::Planned => "Planned run",
            DayKind::TooSoon => "Rest: too soon after a run",
            DayKind::Rest => "Rest",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// `kind` in words.
    pub label: &'static str,
    pub today: bool,
}

/// The current week's days (at least 7, from the week's start; longer if the week has
/// run over), each done, painful, planned, too soon or rest. Future days are planned
/// greedily under the week's spacing rule.
pub fn calendar(state: &PlanState, runs: &[Run], today: NaiveDate) -> Vec<Day> {
    let start = state.week_start.min(today);
    let end = (state.week_start + Duration::days(6)).max(today + Duration::days(1));
    let mut busy = run_days(runs);
    let mut out = Vec::new();
    let mut day = start;
    while day <= end {
        let logged: Vec<&Run> = runs.iter().filter(|r| r.date == day).collect();
        let kind = if !logged.is_empty() {
            if logged.iter().any(|r| r.pain > 0) {
                DayKind::Painful
            } else {
                DayKind::Done
            }
        } else if day < today || state.finished {
            DayKind::Rest
        } else {
            match week(state.week).spacing {
                Spacing::AlternateDays => {
                    if busy.contains(&(day - Duration::days(1)))
                        || busy.contains(&(day + Duration::days(1)))
                    {
                        DayKind::TooSoon
                    } else {
                        DayKind::Planned
                    }
                }
                Spacing::FiveInSeven | Spacing::AsTolerated => {
                    let mut with = busy.clone();
                    with.insert(day);
                    if crowded(&with, day) {
                        DayKind::Rest
                    } else {
                        DayKind::Planned
                    }
                }
            }
        };
        if kind == DayKind::Planned {
            busy.insert(day);
        }
        out.push(Day {
            date: day,
            kind,
            label: kind.label(),
            today: day == today,
        });
        day += Duration::days(1);
    }
    out
}

/// What today holds: a run (and what it is), or rest and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodayRun {
    /// `run`, `done`, `rest` or `finished`.
    pub kind: &'static str,
    pub text: String,
    /// For weeks 1–2: the sets to do, and the walk and jog minutes of each.
    pub sets: Option<u8>,
    pub walk_minutes: Option<u8>,
    pub jog_minutes: Option<u8>,
    pub minutes: Option<u16>,
}

pub fn today_run(state: &PlanState, runs: &[Run], today: NaiveDate) -> TodayRun {
    let w = week(state.week);
    let mut out = TodayRun {
        kind: "rest",
        text: String::new(),
        sets: None,
        walk_minutes: None,
        jog_minutes: None,
        minutes: None,
    };
    if state.finished {
        out.kind = "finished";
        out.text = format!("The {WEEKS}-week plan is done: keep building as tolerated.");
        return out;
    }
    let cal = calendar(state, runs, today);
    let kind = cal
        .iter()
        .find(|d| d.today)
        .map(|d| d.kind)
        .unwrap_or(DayKind::Rest);
    match kind {
        DayKind::Done | DayKind::Painful => {
            out.kind = "done";
            out.text = "Today's run is logged. Rest or cross-train until the next one.".into();
        }
        DayKind::TooSoon => {
            out.text = format!(
                "Rest today: in week {} runs are on alternate days.",
                state.week
            );
        }
        DayKind::Rest => {
            out.text = format!("Rest today: at most {MAX_DAYS_IN_SEVEN} run days in any 7.");
        }
        DayKind::Planned => {
            out.kind = "run";
            match w.shape {
                Shape::Intervals {
                    walk_minutes,
                    jog_minutes,
                } => {
                    let sets = state
                        .last_sets
                        .map_or(START_SETS, |s| (s + 1).min(FULL_SETS));
                    out.sets = Some(sets);
                    out.walk_minutes = Some(walk_minutes);
                    out.jog_minutes = Some(jog_minutes);
                    out.text = format!(
                        "Week {}: {sets} sets of walk {walk_minutes} minutes, jog {jog_minutes} minute{}.",
                        state.week,
                        if jog_minutes == 1 { "" } else { "s" }
                    );
                }
                _ => {
                    let minutes = state.minutes.unwrap_or(BASE_MINUTES);
                    out.minutes = Some(minutes);
                    out.text = match state.week {
                        3 => format!("Week 3: an easy {minutes}-minute jog."),
                        4 => format!("Week 4: {minutes} minutes at your normal training pace."),
                        n => format!("Week {n}: your {minutes}-minute run, building as tolerated."),
                    };
                }
            }
        }
    }
    out
}

// --- input checks ---------------------------------------------------------------------

pub fn check_sets(sets: &Whole) -> Result<u8, InvalidInput> {
    sets.within(MIN_SETS..=MAX_SETS).ok_or_else(|| {
        InvalidInput::new(
            "sets",
            format!("Sets must be a whole number from {MIN_SETS} to {MAX_SETS} (got {sets})."),
        )
    })
}

pub fn check_minutes(
    field: &str,
    minutes: &Whole,
    min: u16,
    max: u16,
) -> Result<u16, InvalidInput> {
    minutes.within(min..=max).ok_or_else(|| {
        let label = if field == "minutes" {
            "Minutes"
        } else {
            "Target minutes"
        };
        InvalidInput::new(
            field,
            format!("{label} must be a whole number from {min} to {max} (got {minutes})."),
        )
    })
}

pub fn check_target_week(w: &Whole, current: u8) -> Result<u8, InvalidInput> {
    let lowest = current.max(FIRST_TARGET_WEEK);
    match w.within(lowest..=WEEKS) {
        Some(w) => Ok(w),
        None => Err(InvalidInput::new(
            "week",
            format!("Week must be from {lowest} to {WEEKS}: targets are set for this week or a later one in weeks {FIRST_TARGET_WEEK}–{WEEKS} (got {w})."),
        ))
    }
}

// --- admission: what the runner asks for, checked against every rule at once ------------

/// Why a start, a run or a target is refused: a mistake in what was sent, or a rule
/// the runner may choose to break (and then names it as the override).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Invalid(InvalidInput),
    Rule(RuleBreak),
}

impl From<InvalidInput> for Refusal {
    fn from(e: InvalidInput) -> Self {
        Refusal::Invalid(e)
    }
}

/// The start date's field: today, or up to `START_BACK_DAYS` back (what `admit_start`
/// takes).
pub fn start_days(today: NaiveDate) -> dates::DayField {
    dates::DayField::between(today - Duration::days(START_BACK_DAYS), today)
}

/// The day week 1 starts on: `date` (today, or up to `START_BACK_DAYS` back; `None` is
/// today), once the running gate is open, and not over a plan under way unless `again`.
pub fn admit_start(
    gate: &GateStatus,
    started: bool,
    again: bool,
    date: Option<&str>,
    today: NaiveDate,
) -> Result<NaiveDate, InvalidInput> {
    let earliest = start_days(today).min;
    let date = match date {
        None => today,
        Some(text) => {
            let day = dates::parse_past_day("start_date", text, today)?;
            if day < earliest {
                return Err(InvalidInput::new(
                    "start_date",
                    format!("Start date must be from {earliest} to today ({today}) (got {day})."),
                ));
            }
            day
        }
    };
    if !gate.open {
        return Err(InvalidInput::new(
            "plan",
            format!("The plan cannot start yet. {}", gate.reason),
        ));
    }
    if started && !again {
        return Err(InvalidInput::new(
            "plan",
            "The plan has already started; choose \"Start again from week 1\" to restart it.",
        ));
    }
    Ok(date)
}

/// A run as the window sent it.
#[derive(Debug, Clone)]
pub struct RunEntry<'a> {
    pub date: &'a str,
    pub sets: Whole,
    pub minutes: Whole,
    pub pain: Whole,
    pub note: &'a str,
    /// The rule the runner chose to override after being told about it.
    pub override_rule: Option<&'a str>,
}

/// The plan as stored: its start day, its runs and targets.
#[derive(Debug, Clone, Copy)]
pub struct Logged<'a> {
    pub started_on: NaiveDate,
    pub runs: &'a [Run],
    pub targets: &'a [Target],
}

/// Admits a run, or says why not. Every field is checked first, in the week the plan is
/// in on the run's day (sets in weeks of intervals, minutes otherwise); then the rules:
/// the running gate, and the week's spacing. A broken rule is refused with its reason
/// unless `override_rule` names it, and then it is recorded with the run.
pub fn admit_run(
    plan: Option<Logged>,
    gate: &GateStatus,
    today: NaiveDate,
    entry: &RunEntry,
) -> Result<Run, Refusal> {
    let Some(plan) = plan else {
        return Err(InvalidInput::new("plan", "Start the plan before logging runs.").into());
    };
    let started_on = plan.started_on;
    let date = dates::parse_past_day("date", entry.date, today)?;
    if date < started_on {
        return Err(InvalidInput::new(
            "date",
            format!(
                "Date must be from the plan's start ({started_on}) to today ({today}) (got {date})."
            ),
        )
        .into());
    }
    let before: Vec<Run> = plan
        .runs
        .iter()
        .filter(|r| r.date < date)
        .cloned()
        .collect();
    let week = state(started_on, &before, plan.targets, date).week;
    let (sets, minutes) = if logs_sets(week) {
        (Some(check_sets(&entry.sets)?), None)
    } else {
        let minutes = check_minutes("minutes", &entry.minutes, MIN_MINUTES, MAX_MINUTES)?;
        (None, Some(minutes))
    };
    let pain = pain::check(&entry.pain)?;
    let note = note::check("note", entry.note)?;
    let broken = if gate.open {
        check_spacing(plan.runs, week, date).err()
    } else {
        Some(RuleBreak {
            rule: "gate_closed",
            reason: format!("The running gate is closed again. {}", gate.reason),
        })
    };
    let override_rule = match broken {
        None => None,
        Some(b) if entry.override_rule == Some(b.rule) => Some(b.rule.to_string()),
        Some(b) => return Err(Refusal::Rule(b)),
    };
    Ok(Run {
        id: 0,
        date,
        sets,
        minutes,
        pain,
        note,
        override_rule,
    })
}

/// Admits the target run for a week 5–8 (this week or a later one), set from week 4 on.
pub fn admit_target(
    state: Option<&PlanState>,
    targets: &[Target],
    week: &Whole,
    minutes: &Whole,
    focus: &str,
) -> Result<Target, InvalidInput> {
    let Some(state) = state else {
        return Err(InvalidInput::new(
            "plan",
            "Start the plan before setting targets.",
        ));
    };
    if state.week < TARGETS_FROM_WEEK {
        return Err(InvalidInput::new(
            "week",
            format!(
                "Targets are set from week {TARGETS_FROM_WEEK} on, for weeks {FIRST_TARGET_WEEK}–{WEEKS}; you are in week {}.",
                state.week
            ),
        ));
    }
    let week = check_target_week(week, state.week)?;
    let (min, max) = target_range(targets, week);
    let minutes = check_minutes("target_minutes", minutes, min, max)?;
    let focus = Focus::parse(focus).ok_or_else(|| {
        InvalidInput::new(
            "focus",
            format!("Focus must be volume, speed or acceleration (got \"{focus}\")."),
        )
    })?;
    Ok(Target {
        week,
        minutes,
        focus,
    })
}

// --- the words of the Running screen ------------------------------------------------------

/// The rule sentences the Running screen (and Today's running card) shows around the
/// plan, sent with the view so the page holds none of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Texts {
    /// Before the gate opens.
    pub waits: String,
    /// The gate open, the plan not started.
    pub ready: &'static str,
    /// Under the start date.
    pub start_hint: String,
    /// Today's card, gate open and the plan not started.
    pub today_ready: &'static str,
    /// The run logger's pain field and its hint.
    pub pain_label: String,
    pub pain_hint: String,
    /// Above the target form.
    pub target_intro: &'static str,
    /// The restart card.
    pub restart: &'static str,
    /// The overview of the weeks: its title and the source of the plan's length.
    pub weeks_title: String,
    pub weeks_source: &'static str,
}

pub fn texts() -> Texts {
    Texts {
        waits: format!("The {WEEKS}-week plan starts once the running gate above is open: the back plank with leg lifts done without pain on either leg, and a normal range of motion."),
        ready: "The running gate is open. Week 1 is walking with short jogs, every other day; each week moves on only if it stays pain-free.",
        start_hint: format!("Today, or up to {START_BACK_DAYS} days back if you have already begun."),
        today_ready: "The running gate is open: you can start week 1 of the return to running.",
        // The pain control shows what its ends mean.
        pain_label: "Pain during or after the run".into(),
        pain_hint: format!(
            "Any pain above {} holds the plan: the week starts again.",
            pain::SCALE.min
        ),
        target_intro: "Build gradually: a small step at a time, and only while it stays pain-free.",
        restart: "If a flare-up stopped you running, start the plan again from week 1. Your earlier runs stay in the log.",
        weeks_title: format!("The {WEEKS} weeks"),
        weeks_source: "Case series report about 8–12 weeks from the start of rehabilitation back to running [8].",
    }
}

/// "10 to 22 minutes (a small step up from the week before)."
pub fn target_hint(min: u16, max: u16) -> String {
    format!("{min} to {max} minutes (a small step up from the week before).")
}

#[cfg(test)]
mod tests;
