//! The pain-gated ladder: from the log (sessions, pain, moves made by hand) and the
//! rules (allowed pain, sessions in a row), which exercises are unlocked, what today's
//! session holds, and the decision with its reason in one sentence.
//!
//! The rule, from the guide [3]: an exercise is added only once the one before it can
//! be done without pain. By default one full session of the current top exercise at
//! 0/10 unlocks the next. The user may allow up to 5/10 (the pain-monitoring model) and
//! ask for 1–5 qualifying sessions in a row. Each session is judged by the rule in
//! force when it happened, so changing a setting never rewrites the past.
//!
//! A session counts on the local calendar day it started (a session begun at 23:50 and
//! ended after midnight belongs to the first day), and a day counts once however many
//! sessions it holds: the dose is once a day [7].

use super::protocol::{Exercise, DAILY_DOSE, LADDER};
use super::settings::Settings;
use super::{dates, InvalidInput, Whole};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// The rules that decide progression, as set in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rules {
    pub allowed_pain: u8,
    pub sessions_to_progress: u8,
}

impl Rules {
    pub fn of(settings: &Settings) -> Rules {
        Rules {
            allowed_pain: settings.allowed_pain,
            sessions_to_progress: settings.sessions_to_progress,
        }
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::of(&Settings::default())
    }
}

/// The rules from `at` on (until the next change).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleChange {
    pub at: DateTime<Utc>,
    pub rules: Rules,
}

/// What was done of one exercise in one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub exercise: usize,
    /// Repetitions (or seconds, for a hold) of each set, in order.
    pub sets: Vec<u16>,
    /// Pain 0–10 after the exercise; `None` until the user has given it.
    pub pain: Option<u8>,
}

/// One exercise session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub started_at: DateTime<Utc>,
    /// The local calendar day it started on.
    pub date: NaiveDate,
    pub entries: Vec<Entry>,
}

/// A step back or forward made by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub at: DateTime<Utc>,
    pub date: NaiveDate,
    pub from: usize,
    pub to: usize,
}

/// Everything the engine reads.
#[derive(Debug, Clone, Default)]
pub struct Log {
    pub sessions: Vec<Session>,
    pub moves: Vec<Move>,
    /// The history of the rules, oldest first; the first one applies before any change.
    pub rules: Vec<RuleChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unlocked,
    Current,
    Locked,
}

/// One rung as the Program screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub id: &'static str,
    pub name: &'static str,
    pub status: Status,
    /// The day it became available (unlocked or reached by hand); `None` if locked or
    /// the first step.
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Nothing logged yet.
    Start,
    /// The last session unlocked the next exercise.
    Unlocked,
    /// Qualifying sessions so far, more needed.
    Continue,
    /// The last session's pain was above the allowed level.
    Hold,
    /// Pain above the allowed level in two sessions in a row: step back one exercise.
    StepBack,
    /// The last session did not do the full dose of the top exercise.
    NotCounted,
    /// The user moved along the ladder by hand.
    Moved,
    /// Every exercise is unlocked.
    Top,
}

/// The app's decision, explained: a headline, the reason in one sentence, and what
/// unlocks the next step under the rules in force now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub kind: DecisionKind,
    pub headline: String,
    pub reason: String,
    pub next: String,
    /// For `StepBack`: the step the app suggests going back to.
    pub suggested_step: Option<usize>,
}

/// A change of step, for the ladder-over-time history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    pub date: NaiveDate,
    pub from: usize,
    pub to: usize,
    /// True when the user moved by hand; false when a session unlocked it.
    pub by_hand: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Index in the ladder of the current top exercise.
    pub level: usize,
    pub since: Option<NaiveDate>,
    pub steps: Vec<Step>,
    /// Qualifying sessions in a row at the current level, and how many are needed now.
    pub streak: u8,
    pub needed: u8,
    /// The rules in force now.
    pub rules: Rules,
    pub decision: Decision,
    pub changes: Vec<Change>,
}

impl Progress {
    /// The exercises of today's session: every unlocked one (the program is cumulative).
    pub fn session_exercises(&self) -> &'static [Exercise] {
        &LADDER[..=self.level]
    }
}

/// What a judged session did, for the decision text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Qualified {
        date: NaiveDate,
        pain: u8,
        rules: Rules,
        unlocked: bool,
    },
    Painful {
        date: NaiveDate,
        pain: u8,
        exercise: usize,
        rules: Rules,
        in_a_row: u8,
    },
    Short {
        date: NaiveDate,
        sets_done: usize,
    },
    Moved {
        date: NaiveDate,
        from: usize,
        to: usize,
    },
}

/// The highest pain given in a session, and for which exercise.
fn worst_pain(session: &Session) -> Option<(u8, usize)> {
    session
        .entries
        .iter()
        .filter_map(|e| Some((e.pain?, e.exercise)))
        .max_by_key(|(pain, ex)| (*pain, *ex))
}

/// Whether `entry` is the full daily dose: at least the minimum sets, each at least the
/// minimum repetitions (or seconds) [7].
pub fn is_full_dose(entry: &Entry) -> bool {
    let enough = entry
        .sets
        .iter()
        .filter(|&&amount| amount >= DAILY_DOSE.amount.min)
        .count();
    enough >= usize::from(DAILY_DOSE.sets.min)
}

fn rules_at(log: &Log, at: DateTime<Utc>, fallback: Rules) -> Rules {
    log.rules
        .iter()
        .take_while(|c| c.at <= at)
        .last()
        .or(log.rules.first())
        .map_or(fallback, |c| c.rules)
}

enum Event<'a> {
    Session(&'a Session),
    Move(&'a Move),
}

/// Works out where the user is on the ladder. `now_rules` are the rules in force now
/// (the settings); `log.rules` says which rules held when.
pub fn progress(log: &Log, now_rules: Rules) -> Progress {
    let last = LADDER.len() - 1;
    let mut events: Vec<(DateTime<Utc>, Event)> = log
        .sessions
        .iter()
        .map(|s| (s.started_at, Event::Session(s)))
        .chain(log.moves.iter().map(|m| (m.at, Event::Move(m))))
        .collect();
    events.sort_by_key(|(at, _)| *at);

    let mut level = 0usize;
    let mut since: Option<NaiveDate> = None;
    let mut streak = 0u8;
    let mut counted_day: Option<NaiveDate> = None;
    let mut painful_days = 0u8;
    let mut painful_day: Option<NaiveDate> = None;
    let mut outcome: Option<Outcome> = None;
    let mut changes = Vec::new();
    let mut step_since: Vec<Option<NaiveDate>> = vec![None; LADDER.len()];

    for (at, event) in events {
        match event {
            Event::Move(m) => {
                let to = m.to.min(last);
                if to == level {
                    continue;
                }
                changes.push(Change {
                    date: m.date,
                    from: level,
                    to,
                    by_hand: true,
                });
                outcome = Some(Outcome::Moved {
                    date: m.date,
                    from: level,
                    to,
                });
                level = to;
                since = Some(m.date);
                step_since[to] = Some(m.date);
                streak = 0;
                counted_day = None;
                painful_days = 0;
                painful_day = None;
            }
            Event::Session(s) => {
                let rules = rules_at(log, at, now_rules);
                let Some((pain, exercise)) = worst_pain(s) else {
                    continue;
                };
                if pain > rules.allowed_pain {
                    streak = 0;
                    counted_day = None;
                    if painful_day != Some(s.date) {
                        painful_days = painful_days.saturating_add(1);
                        painful_day = Some(s.date);
                    }
                    outcome = Some(Outcome::Painful {
                        date: s.date,
                        pain,
                        exercise,
                        rules,
                        in_a_row: painful_days,
                    });
                    continue;
                }
                let top = s
                    .entries
                    .iter()
                    .find(|e| e.exercise == level && e.pain.is_some());
                match top {
                    Some(entry) if is_full_dose(entry) => {
                        painful_days = 0;
                        painful_day = None;
                        if counted_day == Some(s.date) {
                            continue;
                        }
                        counted_day = Some(s.date);
                        streak = streak.saturating_add(1);
                        let unlocked = streak >= rules.sessions_to_progress && level < last;
                        if unlocked {
                            changes.push(Change {
                                date: s.date,
                                from: level,
                                to: level + 1,
                                by_hand: false,
                            });
                            level += 1;
                            since = Some(s.date);
                            step_since[level] = Some(s.date);
                            streak = 0;
                            counted_day = None;
                        }
                        outcome = Some(Outcome::Qualified {
                            date: s.date,
                            pain,
                            rules,
                            unlocked,
                        });
                    }
                    Some(entry) => {
                        outcome = Some(Outcome::Short {
                            date: s.date,
                            sets_done: entry.sets.len(),
                        });
                    }
                    // Only lower exercises done so far: nothing to judge yet.
                    None => {}
                }
            }
        }
    }

    let steps = LADDER
        .iter()
        .enumerate()
        .map(|(i, e)| Step {
            id: e.id,
            name: e.name,
            status: match i.cmp(&level) {
                std::cmp::Ordering::Less => Status::Unlocked,
                std::cmp::Ordering::Equal => Status::Current,
                std::cmp::Ordering::Greater => Status::Locked,
            },
            since: if i <= level { step_since[i] } else { None },
        })
        .collect();
    let decision = decide(level, streak, outcome, now_rules);
    Progress {
        level,
        since,
        steps,
        streak,
        needed: now_rules.sessions_to_progress,
        rules: now_rules,
        decision,
        changes,
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn sessions(n: u8) -> String {
    match n {
        1 => "one session".to_string(),
        n => format!("{n} sessions in a row"),
    }
}

/// What unlocks the next step under `rules`, in one sentence.
pub fn next_rule(level: usize, streak: u8, rules: Rules) -> String {
    let Some(next) = LADDER.get(level + 1) else {
        return format!(
            "Keep doing the full session once a day at {}/10 pain or less; pain above that still means easing off.",
            rules.allowed_pain
        );
    };
    let current = lower_first(LADDER[level].name);
    let left = rules.sessions_to_progress.saturating_sub(streak).max(1);
    if streak == 0 {
        format!(
            "{} unlocks after {} of {current} in full ({} sets of at least {}) at {}/10 pain or less.",
            next.name,
            sessions(rules.sessions_to_progress),
            DAILY_DOSE.sets.min,
            DAILY_DOSE.amount.min,
            rules.allowed_pain
        )
    } else {
        format!(
            "{} unlocks after {left} more {} of {current} in full at {}/10 pain or less ({streak} of {} done).",
            next.name,
            if left == 1 { "session" } else { "sessions" },
            rules.allowed_pain,
            rules.sessions_to_progress
        )
    }
}

fn decide(level: usize, streak: u8, outcome: Option<Outcome>, now: Rules) -> Decision {
    let name = |i: usize| LADDER[i].name;
    let next = next_rule(level, streak, now);
    let at_top = level == LADDER.len() - 1;
    let (kind, headline, reason, suggested_step) = match outcome {
        None => (
            DecisionKind::Start,
            format!("Start with the {}", lower_first(name(0))),
            "Every program starts at the first step of the ladder, the gentlest load on the tendon.".to_string(),
            None,
        ),
        Some(Outcome::Painful { date, pain, exercise, rules, in_a_row }) => {
            let limit = if rules.allowed_pain == now.allowed_pain {
                format!("above your limit of {}/10", rules.allowed_pain)
            } else {
                format!(
                    "above the limit of {}/10 in force then (your limit is now {}/10)",
                    rules.allowed_pain, now.allowed_pain
                )
            };
            if in_a_row >= 2 && level > 0 {
                (
                    DecisionKind::StepBack,
                    format!("Consider stepping back to the {}", lower_first(name(level - 1))),
                    format!(
                        "Pain went above your limit in {in_a_row} sessions in a row, most recently {pain}/10 in {} on {} ({limit}).",
                        lower_first(name(exercise)),
                        dates::friendly(date)
                    ),
                    Some(level - 1),
                )
            } else {
                (
                    DecisionKind::Hold,
                    format!("Holding at the {}", lower_first(name(level))),
                    format!(
                        "Your session on {} reached {pain}/10 in {}, {limit}.",
                        dates::friendly(date),
                        lower_first(name(exercise))
                    ),
                    None,
                )
            }
        }
        Some(Outcome::Qualified { date, pain, rules, unlocked: true }) => (
            DecisionKind::Unlocked,
            format!("{} is unlocked", name(level)),
            format!(
                "Your {} on {} {} at {pain}/10 pain, within your limit of {}/10.",
                lower_first(name(level - 1)),
                dates::friendly(date),
                match rules.sessions_to_progress {
                    1 => "was done in full".to_string(),
                    n => format!("made {n} full sessions in a row"),
                },
                rules.allowed_pain
            ),
            None,
        ),
        Some(Outcome::Qualified { date, pain, rules, unlocked: false }) if at_top => (
            DecisionKind::Top,
            "The whole ladder is unlocked".to_string(),
            format!(
                "{} is the last exercise of the program, and your session on {} was at {pain}/10, within your limit of {}/10.",
                name(level),
                dates::friendly(date),
                rules.allowed_pain
            ),
            None,
        ),
        Some(Outcome::Qualified { date, pain, .. }) => (
            DecisionKind::Continue,
            format!("On track at the {}", lower_first(name(level))),
            format!(
                "Your session on {} counted: the full dose at {pain}/10, within your limit of {}/10.",
                dates::friendly(date),
                now.allowed_pain
            ),
            None,
        ),
        Some(Outcome::Short { date, sets_done }) => (
            DecisionKind::NotCounted,
            "Last session not counted yet".to_string(),
            format!(
                "On {} the {} had {sets_done} of the {} full sets ({} or more each) a session needs to count.",
                dates::friendly(date),
                lower_first(name(level)),
                DAILY_DOSE.sets.min,
                DAILY_DOSE.amount.min
            ),
            None,
        ),
        Some(Outcome::Moved { date, from, to }) => (
            DecisionKind::Moved,
            format!("You moved to the {}", lower_first(name(to))),
            format!(
                "On {} you stepped {} by hand from the {}.",
                dates::friendly(date),
                if to < from { "back" } else { "forward" },
                lower_first(name(from))
            ),
            None,
        ),
    };
    Decision {
        kind,
        headline,
        reason,
        next,
        suggested_step,
    }
}

/// Checks a move made by hand: one step back or forward, within the ladder.
pub fn check_move(level: usize, to: impl Into<Whole>) -> Result<usize, InvalidInput> {
    let to = to.into();
    let last = LADDER.len() - 1;
    let Some(to) = to.within(0..=last) else {
        return Err(InvalidInput::new(
            "to_step",
            format!("Step must be a whole number from 0 to {last} (got {to})."),
        ));
    };
    if to.abs_diff(level) != 1 {
        let mut options: Vec<&str> = Vec::new();
        if level > 0 {
            options.push(LADDER[level - 1].name);
        }
        if let Some(next) = LADDER.get(level + 1) {
            options.push(next.name);
        }
        return Err(InvalidInput::new(
            "to_step",
            format!(
                "Steps are moved one at a time: from {} you can go to {} (not {}).",
                LADDER[level].name,
                options.join(" or "),
                LADDER[to].name
            ),
        ));
    }
    Ok(to)
}

/// Sets a session may hold per exercise: the dose is 3–4 [7]; more than 10 is a slip.
pub const MAX_SETS: u8 = 10;
/// Repetitions in one set, at most.
pub const MAX_REPS: u16 = 100;
/// Seconds in one hold, at most.
pub const MAX_HOLD_SECONDS: u16 = 600;
/// Pain is scored on the one scale (`core::pain`).
pub const MAX_PAIN: u8 = super::pain::SCALE.max;

/// Checks a pain score sent by the window.
pub fn check_pain(pain: impl Into<Whole>) -> Result<u8, InvalidInput> {
    super::pain::check(&pain.into())
}

/// Checks one set of `exercise` (index in the ladder): repetitions, or seconds for a hold.
pub fn check_amount(exercise: usize, amount: impl Into<Whole>) -> Result<u16, InvalidInput> {
    let amount = amount.into();
    let hold = LADDER[exercise].measure == super::protocol::Measure::Hold;
    let (max, unit) = if hold {
        (MAX_HOLD_SECONDS, "Seconds held")
    } else {
        (MAX_REPS, "Repetitions")
    };
    amount.within(1..=max).ok_or_else(|| {
        InvalidInput::new(
            "amount",
            format!(
                "{unit} must be a whole number from 1 to {max} for {} (got {amount}).",
                LADDER[exercise].name
            ),
        )
    })
}

/// Checks an exercise id sent by the window against the ladder and today's session
/// (every step up to `level`). Returns its index.
pub fn check_exercise(id: &str, level: usize) -> Result<usize, InvalidInput> {
    match super::protocol::exercise(id) {
        Some((i, _)) if i <= level => Ok(i),
        Some((_, e)) => Err(InvalidInput::new(
            "exercise_id",
            format!(
                "{} is still locked: today's session goes up to {}.",
                e.name, LADDER[level].name
            ),
        )),
        None => {
            let known: Vec<&str> = LADDER.iter().map(|e| e.id).collect();
            Err(InvalidInput::new(
                "exercise_id",
                format!(
                    "Exercise must be one of {} (got \"{id}\").",
                    known.join(", ")
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate, TimeZone};
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + Duration::days(i64::from(n))
    }

    /// A UTC instant on day `n` at `hour` (UTC).
    fn at(n: u32, hour: u32) -> DateTime<Utc> {
        Utc.from_utc_datetime(&day(n).and_hms_opt(hour, 0, 0).unwrap())
    }

    fn full(exercise: usize, pain: u8) -> Entry {
        Entry {
            exercise,
            sets: vec![12, 12, 12],
            pain: Some(pain),
        }
    }

    /// Every exercise up to `level`, in full, all at `pain`.
    fn whole_session(id: i64, n: u32, level: usize, pain: u8) -> Session {
        Session {
            id,
            started_at: at(n, 8),
            date: day(n),
            entries: (0..=level).map(|i| full(i, pain)).collect(),
        }
    }

    fn rules(allowed_pain: u8, sessions_to_progress: u8) -> Rules {
        Rules {
            allowed_pain,
            sessions_to_progress,
        }
    }

    fn log_of(sessions: Vec<Session>) -> Log {
        Log {
            sessions,
            ..Log::default()
        }
    }

    #[test]
    fn an_empty_log_starts_at_the_first_step() {
        let p = progress(&Log::default(), Rules::default());
        assert_eq!(p.level, 0);
        assert_eq!(p.decision.kind, DecisionKind::Start);
        assert_eq!(
            p.decision.headline,
            "Start with the double-leg glute bridge"
        );
        assert_eq!(
            p.decision.next,
            "Front plank unlocks after one session of double-leg glute bridge in full (3 sets of at least 10) at 0/10 pain or less."
        );
        assert_eq!(p.steps[0].status, Status::Current);
        assert!(p.steps[1..].iter().all(|s| s.status == Status::Locked));
        assert_eq!(p.session_exercises().len(), 1);
        assert!(p.changes.is_empty());
    }

    #[test]
    fn every_step_unlocks_after_one_pain_free_full_session_of_the_one_before() {
        let mut sessions = Vec::new();
        for n in 0..LADDER.len() as u32 + 2 {
            let before = progress(&log_of(sessions.clone()), Rules::default()).level;
            sessions.push(whole_session(i64::from(n), n, before, 0));
            let p = progress(&log_of(sessions.clone()), Rules::default());
            let expected = (n as usize + 1).min(LADDER.len() - 1);
            assert_eq!(p.level, expected, "after {} sessions", n + 1);
            assert_eq!(
                p.session_exercises().len(),
                expected + 1,
                "today's session is cumulative"
            );
            if expected > before {
                assert_eq!(p.decision.kind, DecisionKind::Unlocked);
                assert_eq!(
                    p.decision.headline,
                    format!("{} is unlocked", LADDER[expected].name)
                );
                assert_eq!(p.since, Some(day(n)));
                assert!(
                    p.decision.reason.contains("within your limit of 0/10"),
                    "{}",
                    p.decision.reason
                );
            } else {
                assert_eq!(p.decision.kind, DecisionKind::Top, "{:?}", p.decision);
                assert!(
                    p.decision.next.starts_with("Keep doing the full session"),
                    "{}",
                    p.decision.next
                );
            }
        }
        let p = progress(&log_of(sessions), Rules::default());
        assert_eq!(p.changes.len(), LADDER.len() - 1);
        assert!(p.changes.iter().all(|c| !c.by_hand && c.to == c.from + 1));
        assert!(p
            .steps
            .iter()
            .take(LADDER.len() - 1)
            .all(|s| s.status == Status::Unlocked));
    }

    #[test]
    fn pain_above_the_limit_holds_and_twice_in_a_row_suggests_a_step_back() {
        let mut s = vec![whole_session(1, 0, 0, 0)]; // front plank unlocked
        s.push(whole_session(2, 1, 1, 4));
        let p = progress(&log_of(s.clone()), Rules::default());
        assert_eq!((p.level, p.decision.kind), (1, DecisionKind::Hold));
        assert_eq!(p.decision.headline, "Holding at the front plank");
        assert_eq!(
            p.decision.reason,
            "Your session on Mon 2 Mar 2026 reached 4/10 in front plank, above your limit of 0/10."
        );
        assert_eq!(p.decision.suggested_step, None);

        s.push(whole_session(3, 2, 1, 5));
        let p = progress(&log_of(s.clone()), Rules::default());
        assert_eq!((p.level, p.decision.kind), (1, DecisionKind::StepBack));
        assert_eq!(p.decision.suggested_step, Some(0));
        assert_eq!(
            p.decision.headline,
            "Consider stepping back to the double-leg glute bridge"
        );
        assert!(
            p.decision.reason.contains("2 sessions in a row"),
            "{}",
            p.decision.reason
        );

        // A pain-free full session clears it and counts.
        s.push(whole_session(4, 3, 1, 0));
        let p = progress(&log_of(s), Rules::default());
        assert_eq!((p.level, p.decision.kind), (2, DecisionKind::Unlocked));
    }

    #[test]
    fn pain_in_a_lower_exercise_holds_too() {
        let mut s = vec![whole_session(1, 0, 0, 0)];
        s.push(Session {
            id: 2,
            started_at: at(1, 8),
            date: day(1),
            entries: vec![full(0, 3), full(1, 0)],
        });
        let p = progress(&log_of(s), Rules::default());
        assert_eq!((p.level, p.decision.kind), (1, DecisionKind::Hold));
        assert!(
            p.decision
                .reason
                .contains("3/10 in double-leg glute bridge"),
            "{}",
            p.decision.reason
        );
    }

    #[test]
    fn the_allowed_pain_setting_decides_what_counts() {
        for allowed in 0..=5u8 {
            for pain in 0..=10u8 {
                let p = progress(
                    &log_of(vec![whole_session(1, 0, 0, pain)]),
                    rules(allowed, 1),
                );
                if pain <= allowed {
                    assert_eq!(p.level, 1, "pain {pain} with limit {allowed}");
                    assert!(p
                        .decision
                        .reason
                        .contains(&format!("within your limit of {allowed}/10")));
                } else {
                    assert_eq!(
                        (p.level, p.decision.kind),
                        (0, DecisionKind::Hold),
                        "pain {pain} with limit {allowed}"
                    );
                    assert!(p
                        .decision
                        .reason
                        .contains(&format!("above your limit of {allowed}/10")));
                }
                assert!(
                    p.decision
                        .next
                        .contains(&format!("at {allowed}/10 pain or less")),
                    "{}",
                    p.decision.next
                );
            }
        }
    }

    #[test]
    fn every_setting_combination_unlocks_after_exactly_its_sessions_at_its_limit() {
        for allowed in 0..=5u8 {
            for needed in 1..=5u8 {
                let r = rules(allowed, needed);
                let sessions: Vec<Session> = (0..u32::from(needed))
                    .map(|n| whole_session(i64::from(n), n, 0, allowed))
                    .collect();
                let short = progress(&log_of(sessions[..sessions.len() - 1].to_vec()), r);
                assert_eq!(
                    (short.level, short.streak),
                    (0, needed - 1),
                    "limit {allowed}, {needed} needed, one short"
                );
                let p = progress(&log_of(sessions), r);
                assert_eq!(p.level, 1, "limit {allowed}, {needed} needed");
                assert_eq!(p.needed, needed);
                let over = progress(&log_of(vec![whole_session(9, 0, 0, allowed + 1)]), r);
                assert_eq!(
                    (over.level, over.decision.kind),
                    (0, DecisionKind::Hold),
                    "limit {allowed}: {} hurts too much",
                    allowed + 1
                );
            }
        }
    }

    #[test]
    fn sessions_in_a_row_are_counted_and_pain_resets_them() {
        let r = rules(0, 3);
        let mut s = vec![whole_session(1, 0, 0, 0), whole_session(2, 1, 0, 0)];
        let p = progress(&log_of(s.clone()), r);
        assert_eq!(
            (p.level, p.streak, p.decision.kind),
            (0, 2, DecisionKind::Continue)
        );
        assert_eq!(
            p.decision.next,
            "Front plank unlocks after 1 more session of double-leg glute bridge in full at 0/10 pain or less (2 of 3 done)."
        );
        s.push(whole_session(3, 2, 0, 2)); // painful: back to zero
        let p = progress(&log_of(s.clone()), r);
        assert_eq!((p.level, p.streak), (0, 0));
        s.push(Session {
            id: 4,
            started_at: at(3, 8),
            date: day(3),
            entries: vec![Entry {
                exercise: 0,
                sets: vec![12, 12],
                pain: Some(0),
            }],
        });
        let p = progress(&log_of(s.clone()), r);
        assert_eq!(
            (p.streak, p.decision.kind),
            (0, DecisionKind::NotCounted),
            "two sets are not the full dose"
        );
        assert!(
            p.decision.reason.contains("had 2 of the 3 full sets"),
            "{}",
            p.decision.reason
        );
        for n in 4..7 {
            s.push(whole_session(i64::from(n) + 1, n, 0, 0));
        }
        assert_eq!(progress(&log_of(s), r).level, 1);
    }

    #[test]
    fn a_day_counts_once_however_many_sessions_it_holds() {
        let r = rules(0, 2);
        let morning = whole_session(1, 0, 0, 0);
        let evening = Session {
            id: 2,
            started_at: at(0, 19),
            ..whole_session(2, 0, 0, 0)
        };
        let p = progress(&log_of(vec![morning.clone(), evening]), r);
        assert_eq!((p.level, p.streak), (0, 1));
        let p = progress(&log_of(vec![morning, whole_session(3, 1, 0, 0)]), r);
        assert_eq!(p.level, 1);
    }

    #[test]
    fn a_session_across_midnight_belongs_to_the_day_it_started() {
        let r = rules(0, 2);
        // Started at 23:50 local on day 0 (stored date day 0), its sets finished after midnight.
        let late = Session {
            id: 1,
            started_at: at(0, 23) + Duration::minutes(50),
            date: day(0),
            entries: vec![full(0, 0)],
        };
        // The next morning's session is a different day, so the two make two in a row.
        let morning = Session {
            id: 2,
            started_at: at(1, 7),
            date: day(1),
            entries: vec![full(0, 0)],
        };
        assert_eq!(progress(&log_of(vec![late.clone()]), r).streak, 1);
        assert_eq!(progress(&log_of(vec![late, morning]), r).level, 1);
    }

    #[test]
    fn days_across_a_daylight_saving_change_are_calendar_days() {
        // Europe/Paris springs forward on 2026-03-29: two sessions 23 hours apart in UTC
        // are on two local days; two sessions on one local day stay one day.
        let r = rules(0, 2);
        let sat = NaiveDate::from_ymd_opt(2026, 3, 28).unwrap();
        let sun = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let s1 = Session {
            id: 1,
            started_at: Utc.with_ymd_and_hms(2026, 3, 28, 7, 0, 0).unwrap(),
            date: sat,
            entries: vec![full(0, 0)],
        };
        let s2 = Session {
            id: 2,
            started_at: Utc.with_ymd_and_hms(2026, 3, 29, 6, 0, 0).unwrap(),
            date: sun,
            entries: vec![full(0, 0)],
        };
        assert_eq!(progress(&log_of(vec![s1.clone(), s2]), r).level, 1);
        let s3 = Session {
            id: 3,
            started_at: Utc.with_ymd_and_hms(2026, 3, 28, 21, 30, 0).unwrap(),
            date: sat,
            entries: vec![full(0, 0)],
        };
        assert_eq!(progress(&log_of(vec![s1, s3]), r).level, 0);
    }

    #[test]
    fn moves_by_hand_change_the_step_and_restart_the_count() {
        let mut log = log_of(vec![whole_session(1, 0, 0, 0), whole_session(2, 1, 1, 0)]);
        assert_eq!(progress(&log, Rules::default()).level, 2);
        log.moves.push(Move {
            at: at(2, 9),
            date: day(2),
            from: 2,
            to: 1,
        });
        let p = progress(&log, Rules::default());
        assert_eq!(
            (p.level, p.streak, p.decision.kind),
            (1, 0, DecisionKind::Moved)
        );
        assert_eq!(
            p.decision.reason,
            "On Tue 3 Mar 2026 you stepped back by hand from the glute bridge with leg lifts."
        );
        assert_eq!(p.steps[2].status, Status::Locked);
        assert_eq!(
            p.changes.last(),
            Some(&Change {
                date: day(2),
                from: 2,
                to: 1,
                by_hand: true
            })
        );
        log.moves.push(Move {
            at: at(3, 9),
            date: day(3),
            from: 1,
            to: 2,
        });
        let p = progress(&log, Rules::default());
        assert_eq!(p.level, 2);
        assert!(
            p.decision.reason.contains("stepped forward"),
            "{}",
            p.decision.reason
        );
        // A session after the move is judged at the new step.
        log.sessions.push(whole_session(3, 4, 2, 0));
        assert_eq!(progress(&log, Rules::default()).level, 3);
    }

    #[test]
    fn each_session_is_judged_by_the_rules_in_force_when_it_happened() {
        let mut log = log_of(vec![whole_session(1, 0, 0, 0), whole_session(2, 1, 1, 4)]);
        log.rules = vec![RuleChange {
            at: at(0, 0) - Duration::days(30),
            rules: rules(0, 1),
        }];
        let held = progress(&log, rules(0, 1));
        assert_eq!(
            held.decision.reason,
            "Your session on Mon 2 Mar 2026 reached 4/10 in front plank, above your limit of 0/10."
        );

        // The limit is raised to 5 after that session: the past is not rewritten...
        log.rules.push(RuleChange {
            at: at(1, 20),
            rules: rules(5, 1),
        });
        let p = progress(&log, rules(5, 1));
        assert_eq!((p.level, p.decision.kind), (1, DecisionKind::Hold));
        assert_eq!(
            p.decision.reason,
            "Your session on Mon 2 Mar 2026 reached 4/10 in front plank, above the limit of 0/10 in force then (your limit is now 5/10)."
        );
        assert!(
            p.decision.next.contains("at 5/10 pain or less"),
            "{}",
            p.decision.next
        );
        // ...and the next session at 4/10 counts under the new rule.
        log.sessions.push(whole_session(3, 2, 1, 4));
        assert_eq!(progress(&log, rules(5, 1)).level, 2);
    }

    #[test]
    fn unfinished_and_lower_only_sessions_do_not_judge_the_top_step() {
        let mut log = log_of(vec![whole_session(1, 0, 0, 0)]);
        // Today: glute bridge done at 0, front plank not yet scored.
        log.sessions.push(Session {
            id: 2,
            started_at: at(1, 8),
            date: day(1),
            entries: vec![
                full(0, 0),
                Entry {
                    exercise: 1,
                    sets: vec![15, 15, 15],
                    pain: None,
                },
            ],
        });
        let p = progress(&log, Rules::default());
        assert_eq!((p.level, p.decision.kind), (1, DecisionKind::Unlocked));
    }

    #[test]
    fn input_checks_name_the_field_and_the_range() {
        assert_eq!(check_pain(10), Ok(10));
        let e = check_pain(11).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.message.as_str()),
            ("pain", "Pain must be a whole number from 0 to 10 (got 11).")
        );
        assert!(check_pain(-1).is_err());
        let e = check_pain(Whole::from_json(&serde_json::json!("lots"))).unwrap_err();
        assert!(e.message.ends_with("(got \"lots\")."), "{}", e.message);
        assert!(check_pain(Whole::from_json(&serde_json::json!(2.5))).is_err());
        assert_eq!(check_pain(Whole::from_json(&serde_json::json!("3"))), Ok(3));

        assert_eq!(check_amount(0, 15), Ok(15));
        let e = check_amount(0, 101).unwrap_err();
        assert_eq!(e.field, "amount");
        assert!(
            e.message.starts_with(
                "Repetitions must be a whole number from 1 to 100 for Double-leg glute bridge"
            ),
            "{}",
            e.message
        );
        assert!(check_amount(0, 0).is_err());
        let plank = LADDER
            .iter()
            .position(|e| e.measure == super::super::protocol::Measure::Hold)
            .unwrap();
        assert_eq!(check_amount(plank, 600), Ok(600));
        assert!(check_amount(plank, 601)
            .unwrap_err()
            .message
            .starts_with("Seconds held must be a whole number from 1 to 600"));

        assert_eq!(check_exercise("glute_bridge", 0), Ok(0));
        let e = check_exercise("front_plank", 0).unwrap_err();
        assert_eq!(
            e.message,
            "Front plank is still locked: today's session goes up to Double-leg glute bridge."
        );
        assert!(check_exercise("pistol_squat", 6)
            .unwrap_err()
            .message
            .contains("(got \"pistol_squat\")"));

        assert_eq!(check_move(2, 1), Ok(1));
        assert_eq!(check_move(2, 3), Ok(3));
        let e = check_move(2, 4).unwrap_err();
        assert_eq!(e.field, "to_step");
        assert!(
            e.message
                .contains("you can go to Front plank or Front plank with leg lifts"),
            "{}",
            e.message
        );
        assert!(check_move(0, -1)
            .unwrap_err()
            .message
            .contains("from 0 to 6"));
        assert!(check_move(6, 7).is_err());
    }

    /// Per session: days after the previous one, an unused offset, pain, the top's sets.
    type SessionSpec = (u8, u8, u8, Vec<u16>);

    fn arb_log() -> impl Strategy<Value = (Vec<SessionSpec>, u8, u8)> {
        // Per session: days after the previous one (0 = same day), top exercise offset,
        // pain, and the sets of the top exercise.
        (
            prop::collection::vec(
                (
                    0u8..3,
                    0u8..3,
                    0u8..=10,
                    prop::collection::vec(1u16..20, 0..5),
                ),
                0..40,
            ),
            0u8..=5,
            1u8..=5,
        )
    }

    fn build(spec: &[SessionSpec], r: Rules) -> Log {
        let mut log = Log::default();
        let mut n = 0u32;
        for (i, (gap, _, pain, sets)) in spec.iter().enumerate() {
            n += u32::from(*gap);
            // Do what the user would be shown: every unlocked exercise.
            let level = progress(&log, r).level;
            let mut entries: Vec<Entry> = (0..level)
                .map(|k| full(k, (*pain).min(r.allowed_pain)))
                .collect();
            entries.push(Entry {
                exercise: level,
                sets: sets.clone(),
                pain: Some(*pain),
            });
            log.sessions.push(Session {
                id: i as i64,
                started_at: at(n, 8) + Duration::minutes(i as i64),
                date: day(n),
                entries,
            });
        }
        log
    }

    proptest! {
        #[test]
        fn progress_holds_its_invariants_for_any_log((spec, allowed, needed) in arb_log()) {
            let r = rules(allowed, needed);
            let log = build(&spec, r);
            let p = progress(&log, r);
            prop_assert!(p.level < LADDER.len());
            prop_assert_eq!(p.session_exercises().len(), p.level + 1);
            prop_assert_eq!(p.steps.iter().filter(|s| s.status == Status::Current).count(), 1);
            prop_assert!(!p.decision.headline.is_empty() && !p.decision.reason.is_empty() && !p.decision.next.is_empty());
            prop_assert!(p.decision.next.contains(&format!("{allowed}/10")), "the rule in force is named: {}", p.decision.next);
            // Never more unlocks than qualifying days allow: each needs `needed` distinct days.
            let days: std::collections::BTreeSet<_> = log.sessions.iter()
                .filter(|s| s.entries.iter().all(|e| e.pain.unwrap_or(0) <= allowed))
                .map(|s| s.date).collect();
            prop_assert!(p.level * usize::from(needed) <= days.len(), "level {} from {} qualifying days", p.level, days.len());
            prop_assert_eq!(p.changes.len(), p.level, "without moves, each change is one unlock");
            // Without moves by hand the ladder never goes down as sessions are added.
            let mut previous = 0;
            for k in 0..=log.sessions.len() {
                let partial = Log { sessions: log.sessions[..k].to_vec(), ..Log::default() };
                let level = progress(&partial, r).level;
                prop_assert!(level >= previous);
                previous = level;
            }
        }

        #[test]
        fn sessions_always_above_the_limit_never_unlock_anything(pains in prop::collection::vec(1u8..=10, 1..20), allowed in 0u8..=5) {
            let sessions: Vec<Session> = pains.iter().enumerate()
                .map(|(i, p)| whole_session(i as i64, i as u32, 0, (*p).max(allowed + 1)))
                .collect();
            let p = progress(&log_of(sessions.clone()), rules(allowed, 1));
            prop_assert_eq!(p.level, 0);
            // At the first step there is nowhere to step back to: it stays a hold.
            prop_assert_eq!(p.decision.kind, DecisionKind::Hold);
        }
    }
}
