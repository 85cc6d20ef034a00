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
//! The next-morning check (another source's rule: the pain-monitoring model, Silbernagel
//! et al., Am J Sports Med 2007;35(6):897–906): when pain is allowed during exercise, it
//! must have settled by the next morning. So with an allowed pain above 0/10 (in force at
//! the session), a session counts only once the next-morning check-in is back to the
//! level before it; until that morning is answered it is pending. The app's own reading
//! of "the level before": the latest next-morning check-in on or before the session's
//! day, or 0/10 if there is none. At 0/10 the morning answer is kept and charted but
//! decides nothing (a session at 0/10 has no exercise pain to settle).
//!
//! The dose builds up (the app's own rule; the guide [7] gives the dose to reach,
//! "progressing to" 3–4 sets of 10–15, not the way there, and asks for exercises to be
//! eased into [3]): an exercise starts at `START_SETS` set of the lowest count the day it
//! becomes available, and each day a session does at least that many sets within the
//! allowed pain (with pain allowed, once its next morning has settled) adds `SETS_ADDED`,
//! up to the full dose's sets. Only sessions at the full dose, once it is reached, count
//! toward the next step. Like every decision it is recomputed from the whole log: no
//! dose is stored.
//!
//! A session counts on the local calendar day it started (a session begun at 23:50 and
//! ended after midnight belongs to the first day), and a day counts once however many
//! sessions it holds: the dose is once a day [7].

use super::protocol::{self, Exercise, Span, DAILY_DOSE, LADDER};
use super::settings::Settings;
use super::{dates, InvalidInput, Whole};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// The rules that decide progression, as set in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rules {
    pub allowed_pain: u8,
    pub sessions_to_progress: u8,
    /// Whether a new exercise builds up to the full dose (`START_SETS`, `SETS_ADDED`).
    /// True for every rule from this version of the app on; false in the history of a
    /// database whose sessions were judged before it, which asked for the full dose from
    /// an exercise's first session — so those sessions keep the verdicts they had.
    pub dose_builds_up: bool,
}

impl Rules {
    pub fn of(settings: &Settings) -> Rules {
        Rules {
            allowed_pain: settings.allowed_pain,
            sessions_to_progress: settings.sessions_to_progress,
            dose_builds_up: true,
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

/// A next-morning pain check-in: how the hamstring was the morning after a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Morning {
    pub at: DateTime<Utc>,
    /// The local day it was given on.
    pub date: NaiveDate,
    pub pain: u8,
}

/// Everything the engine reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    pub sessions: Vec<Session>,
    pub moves: Vec<Move>,
    /// The history of the rules, oldest first; the first one applies before any change.
    pub rules: Vec<RuleChange>,
    /// Every next-morning check-in, in any order.
    pub mornings: Vec<Morning>,
}

/// The level before a session on `date` (the app's reading of the model): the latest
/// next-morning check-in on or before that day, or 0/10 if there is none.
pub fn level_before(log: &Log, date: NaiveDate) -> u8 {
    Mornings::of(log).level_before(date)
}

/// The answer given the morning after a session on `date` (the latest that day), if any.
pub fn morning_after(log: &Log, date: NaiveDate) -> Option<u8> {
    Mornings::of(log).after(date).map(|m| m.pain)
}

/// The next-morning check-ins ordered by (day, time given), so the replay finds the one
/// before or after a session's day by a binary search instead of a pass over them all
/// (ten years of daily check-ins against ten years of sessions).
struct Mornings(Vec<Morning>);

impl Mornings {
    fn of(log: &Log) -> Mornings {
        let mut sorted = log.mornings.clone();
        // Stable: of check-ins given at the same instant, the last in the log is the one
        // read, as `Iterator::max_by_key` reads it.
        sorted.sort_by_key(|m| (m.date, m.at));
        Mornings(sorted)
    }

    /// The latest check-in on or before `date`, as its pain, or 0/10 without one.
    fn level_before(&self, date: NaiveDate) -> u8 {
        let end = self.0.partition_point(|m| m.date <= date);
        end.checked_sub(1).map_or(0, |i| self.0[i].pain)
    }

    /// The latest check-in given the day after `date`, if any.
    fn after(&self, date: NaiveDate) -> Option<&Morning> {
        let next = date.succ_opt()?;
        let end = self.0.partition_point(|m| m.date <= next);
        end.checked_sub(1)
            .map(|i| &self.0[i])
            .filter(|m| m.date == next)
    }
}

/// The question Today asks the morning after a session.
pub const MORNING_QUESTION: &str = "How is the hamstring this morning compared with usual?";

/// Today's next-morning question, while it is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MorningCheck {
    pub question: &'static str,
    /// The day of the session it follows.
    pub session_date: NaiveDate,
    /// The level before that session.
    pub before: u8,
    /// Whether the answer decides if that session counts (an allowed pain above 0/10 in
    /// force at the session).
    pub gates: bool,
    /// What the answer does, in one sentence.
    pub hint: String,
}

/// The morning question for `today`: asked when a session was started the day before and
/// no next-morning check-in has been given today; otherwise `None`.
pub fn morning_check(log: &Log, today: NaiveDate, now_rules: Rules) -> Option<MorningCheck> {
    let yesterday = today.pred_opt()?;
    let session = log.sessions.iter().filter(|s| s.date == yesterday).last()?;
    if log.mornings.iter().any(|m| m.date == today) {
        return None;
    }
    let before = Mornings::of(log).level_before(yesterday);
    let rules = rules_at(log, session.started_at, now_rules);
    let gates = rules.allowed_pain > 0;
    let hint = if gates {
        format!(
            "Yesterday's session counts toward the next step once the hamstring is back to {before}/10 or less this morning, its level before the session."
        )
    } else {
        format!(
            "Kept with your check-ins and charted; with your limit of {}/10 it does not change the ladder.",
            rules.allowed_pain
        )
    };
    Some(MorningCheck {
        question: MORNING_QUESTION,
        session_date: yesterday,
        before,
        gates,
        hint,
    })
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
    /// The last session's pain was above the allowed level, or the morning after it
    /// the hamstring was worse than before it.
    Hold,
    /// The last session waits for its next-morning answer before it can count.
    Pending,
    /// Pain above the allowed level in two sessions in a row: step back one exercise.
    StepBack,
    /// The last session built up the dose of the top exercise, not yet at the full dose.
    Building,
    /// The last session did not do the dose of the top exercise.
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
    /// Those rules in one sentence, for the Program page (`rule_line`).
    pub rule_line: String,
    pub decision: Decision,
    pub changes: Vec<Change>,
    /// Today's dose of each exercise of today's session, in ladder order.
    pub doses: Vec<TodayDose>,
}

/// The sets a new exercise starts at (the app's own rule: see the module's comment).
pub const START_SETS: u8 = 1;
/// The sets added after each day with a session within the allowed pain.
pub const SETS_ADDED: u8 = 1;

/// The sets of the full dose: the least the guide's dose asks for [7].
pub fn full_sets() -> u8 {
    DAILY_DOSE.sets.min as u8
}

/// One exercise's dose today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodayDose {
    pub id: &'static str,
    /// Sets to do today: one number while building up, the full dose's range once there.
    pub sets: Span,
    /// Repetitions (or seconds) in each set.
    pub amount: Span,
    /// The full dose is reached.
    pub full: bool,
    /// "Today: 2 sets of 10 repetitions."
    pub text: String,
    /// Why that much, in one sentence.
    pub why: String,
}

/// The dose of exercise `index` once its sets have built up to `built`; `top` when it is
/// the current step, whose sessions at the full dose count toward the next one.
pub fn today_dose(index: usize, built: u8, rules: Rules, top: bool) -> TodayDose {
    let e = &LADDER[index];
    let full = built >= full_sets();
    let (sets, amount) = if full {
        (DAILY_DOSE.sets, DAILY_DOSE.amount)
    } else {
        let one = |n: u16| Span { min: n, max: n };
        (one(u16::from(built)), one(DAILY_DOSE.amount.min))
    };
    let why = if full && top {
        "The full dose: sessions at this dose count toward the next step.".to_string()
    } else if full {
        "The full dose, kept up while the next exercises build.".to_string()
    } else {
        format!(
            "Building up to the full dose of {} sets: one set more after each day with a session within your limit of {}/10 (the app's own rule).",
            full_sets(),
            rules.allowed_pain
        )
    };
    TodayDose {
        id: e.id,
        sets,
        amount,
        full,
        text: format!("Today: {}.", protocol::dose_words(e, sets, amount)),
        why,
    }
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
        /// The sets the dose asked for that day.
        asked: u8,
    },
    /// Within the allowed pain at the dose asked, which is now `sets` (not yet full).
    Building {
        date: NaiveDate,
        pain: u8,
        /// The allowed pain in force at the session.
        limit: u8,
        sets: u8,
    },
    /// Within the allowed pain, but the next morning was worse than before the session.
    MorningWorse {
        date: NaiveDate,
        morning: u8,
        before: u8,
    },
    /// Within the allowed pain, its next morning not answered yet.
    Pending { date: NaiveDate, before: u8 },
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

/// The sets of `entry` that reach the dose's lowest count of repetitions (or seconds).
pub fn sets_at_dose(entry: &Entry) -> usize {
    entry
        .sets
        .iter()
        .filter(|&&amount| amount >= DAILY_DOSE.amount.min)
        .count()
}

/// Whether `entry` is the full daily dose: at least the minimum sets, each at least the
/// minimum repetitions (or seconds) [7].
pub fn is_full_dose(entry: &Entry) -> bool {
    sets_at_dose(entry) >= usize::from(DAILY_DOSE.sets.min)
}

/// Whether `entry` did the dose asked that day (`asked` sets at the lowest count).
pub fn did_dose(entry: &Entry, asked: u8) -> bool {
    sets_at_dose(entry) >= usize::from(asked)
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

impl Event<'_> {
    /// The latest day whose rows this event's judgement reads: its own day and UTC day,
    /// and for a session the morning after it (its next-morning answer). A change to rows
    /// dated after every event's reach so far leaves the replay up to there as it was.
    fn reach(&self, at: DateTime<Utc>) -> NaiveDate {
        let date = match self {
            Event::Session(s) => s.date,
            Event::Move(m) => m.date,
        };
        date.succ_opt().unwrap_or(date).max(at.date_naive())
    }

    fn session_id(&self) -> Option<i64> {
        match self {
            Event::Session(s) => Some(s.id),
            Event::Move(_) => None,
        }
    }
}

/// The log's sessions and moves in the order the replay takes them: by the instant they
/// happened (sessions before moves at the same instant, each in the log's order).
fn events(log: &Log, leave_out: Option<i64>) -> Vec<(DateTime<Utc>, Event<'_>)> {
    let mut events: Vec<(DateTime<Utc>, Event)> = log
        .sessions
        .iter()
        .filter(|s| Some(s.id) != leave_out)
        .map(|s| (s.started_at, Event::Session(s)))
        .chain(log.moves.iter().map(|m| (m.at, Event::Move(m))))
        .collect();
    events.sort_by_key(|(at, _)| *at);
    events
}

/// Works out where the user is on the ladder. `now_rules` are the rules in force now
/// (the settings); `log.rules` says which rules held when.
pub fn progress(log: &Log, now_rules: Rules) -> Progress {
    replay(log, now_rules, None)
}

/// The ladder as it stood before session `session_id` counted: `progress` of the log
/// without that session.
pub fn progress_without(log: &Log, session_id: i64, now_rules: Rules) -> Progress {
    replay(log, now_rules, Some(session_id))
}

fn replay(log: &Log, now_rules: Rules, leave_out: Option<i64>) -> Progress {
    let events = events(log, leave_out);
    let mornings = Mornings::of(log);
    let mut state = State::start();
    for (at, event) in &events {
        state.take(*at, event, log, &mornings, now_rules);
    }
    state.finish(now_rules)
}

/// Events between two checkpoints (the app's own choice: a few microseconds of replay
/// at most after a change, some hundreds of checkpoints for ten years of daily use).
pub const CHECKPOINT_EVERY: usize = 8;

/// Where the replay of one log stood every [`CHECKPOINT_EVERY`] events, so that after a
/// change dated from some day on it resumes from the last checkpoint before that day
/// instead of from the first event ([`progress_resumed`]), and the ladder without one
/// session is replayed from the last checkpoint before it
/// ([`Checkpoints::progress_without`]). Worked out from the log with the replay itself,
/// kept in memory only: equal, checkpoint by checkpoint, whichever way it was reached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checkpoints {
    marks: Vec<Mark>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Mark {
    /// How many events (in replay order) were taken.
    taken: usize,
    /// The latest day those events read (`Event::reach`).
    reach: NaiveDate,
    state: State,
}

impl Checkpoints {
    /// How many checkpoints there are.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// [`progress_without`], replayed from the last checkpoint before the session.
    /// `self` must be the checkpoints of `log` under `now_rules` ([`progress_kept`]).
    pub fn progress_without(&self, log: &Log, session_id: i64, now_rules: Rules) -> Progress {
        let events = events(log, None);
        let Some(at) = events
            .iter()
            .position(|(_, e)| e.session_id() == Some(session_id))
        else {
            return progress(log, now_rules);
        };
        let mornings = Mornings::of(log);
        let (from, mut state) = match self.marks.iter().rev().find(|m| m.taken <= at) {
            Some(mark) => (mark.taken, mark.state.clone()),
            None => (0, State::start()),
        };
        for (when, event) in &events[from..] {
            if event.session_id() != Some(session_id) {
                state.take(*when, event, log, &mornings, now_rules);
            }
        }
        state.finish(now_rules)
    }
}

/// [`progress`], recording the replay's checkpoints on the way.
pub fn progress_kept(log: &Log, now_rules: Rules) -> (Progress, Checkpoints) {
    progress_resumed(log, now_rules, Checkpoints::default(), NaiveDate::MIN)
}

/// [`progress`] of `log`, resumed from `kept`, the checkpoints of an earlier log that
/// differs from `log` only in rows dated `changed_from` or later — by both their local
/// day and the UTC day of their instant; for a set or a pain score, those of its
/// session — under the same rules (their history and the rules now), with sessions and
/// moves in the same order. The checkpoints whose events read nothing from
/// `changed_from` on hold for `log` too: the replay takes the same events in the same
/// order up to each of them (an event added or taken out sorts after them, its instant
/// being on or after that day) and judges each the same way. It goes on from the last
/// of them. Returns what [`progress_kept`] of `log` returns.
pub fn progress_resumed(
    log: &Log,
    now_rules: Rules,
    kept: Checkpoints,
    changed_from: NaiveDate,
) -> (Progress, Checkpoints) {
    let events = events(log, None);
    let mornings = Mornings::of(log);
    let mut marks = kept.marks;
    let holds = marks.partition_point(|m| m.reach < changed_from);
    marks.truncate(holds);
    let (from, mut state, mut reach) = match marks.last() {
        Some(mark) => (mark.taken, mark.state.clone(), mark.reach),
        None => (0, State::start(), NaiveDate::MIN),
    };
    for (k, (at, event)) in events.iter().enumerate().skip(from) {
        state.take(*at, event, log, &mornings, now_rules);
        reach = reach.max(event.reach(*at));
        if (k + 1) % CHECKPOINT_EVERY == 0 {
            marks.push(Mark {
                taken: k + 1,
                reach,
                state: state.clone(),
            });
        }
    }
    (state.finish(now_rules), Checkpoints { marks })
}

/// The replay between two events: everything it carries from one to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    level: usize,
    since: Option<NaiveDate>,
    streak: u8,
    counted_day: Option<NaiveDate>,
    painful_days: u8,
    painful_day: Option<NaiveDate>,
    outcome: Option<Outcome>,
    changes: Vec<Change>,
    step_since: Vec<Option<NaiveDate>>,
    /// Each exercise's dose (its sets) as built so far, and the last day that built it.
    built: Vec<u8>,
    built_day: Vec<Option<NaiveDate>>,
    /// Builds waiting for their next morning (with pain allowed): a session's set is
    /// added when its settled morning answer was given, so a session started before that
    /// answer is asked for the dose as it stood then (the page showed that dose).
    waiting: Vec<(DateTime<Utc>, NaiveDate, Vec<usize>)>,
}

impl State {
    fn start() -> State {
        State {
            level: 0,
            since: None,
            streak: 0,
            counted_day: None,
            painful_days: 0,
            painful_day: None,
            outcome: None,
            changes: Vec::new(),
            step_since: vec![None; LADDER.len()],
            built: vec![START_SETS; LADDER.len()],
            built_day: vec![None; LADDER.len()],
            waiting: Vec::new(),
        }
    }

    fn build(&mut self, date: NaiveDate, ks: &[usize]) {
        for &k in ks {
            if self.built[k] < full_sets() && self.built_day[k] != Some(date) {
                self.built[k] = (self.built[k] + SETS_ADDED).min(full_sets());
                self.built_day[k] = Some(date);
            }
        }
    }

    /// Builds every dose waiting for a morning given by `until` (all, for `None`).
    fn settle(&mut self, until: Option<DateTime<Utc>>) {
        self.waiting.sort_by_key(|w| w.0);
        while let Some(first) = self.waiting.first() {
            if until.is_some_and(|t| first.0 > t) {
                break;
            }
            let (_, date, ks) = self.waiting.remove(0);
            self.build(date, &ks);
        }
    }

    /// Takes the next event, at `at`.
    fn take(&mut self, at: DateTime<Utc>, event: &Event, log: &Log, mornings: &Mornings, now_rules: Rules) {
        let last = LADDER.len() - 1;
        self.settle(Some(at));
        match event {
            Event::Move(m) => {
                let to = m.to.min(last);
                if to == self.level {
                    return;
                }
                self.changes.push(Change {
                    date: m.date,
                    from: self.level,
                    to,
                    by_hand: true,
                });
                self.outcome = Some(Outcome::Moved {
                    date: m.date,
                    from: self.level,
                    to,
                });
                // Every exercise newly in the session starts its build-up again.
                for k in self.level + 1..=to {
                    self.built[k] = START_SETS;
                    self.built_day[k] = None;
                }
                self.level = to;
                self.since = Some(m.date);
                self.step_since[to] = Some(m.date);
                self.streak = 0;
                self.counted_day = None;
                self.painful_days = 0;
                self.painful_day = None;
            }
            Event::Session(s) => {
                let rules = rules_at(log, at, now_rules);
                let level = self.level;
                // Judged by the rule of its time: before the build-up, every exercise in
                // the session was asked for the full dose from its first session.
                if !rules.dose_builds_up {
                    for b in self.built.iter_mut().take(level + 1) {
                        *b = full_sets();
                    }
                }
                let Some((pain, exercise)) = worst_pain(s) else {
                    return;
                };
                if pain > rules.allowed_pain {
                    self.streak = 0;
                    self.counted_day = None;
                    if self.painful_day != Some(s.date) {
                        self.painful_days = self.painful_days.saturating_add(1);
                        self.painful_day = Some(s.date);
                    }
                    self.outcome = Some(Outcome::Painful {
                        date: s.date,
                        pain,
                        exercise,
                        rules,
                        in_a_row: self.painful_days,
                    });
                    return;
                }
                // With pain allowed, the next morning must be back to the level before
                // the session: worse, the session neither builds nor counts and breaks
                // the run; unanswered, it waits (and breaks nothing).
                let mut morning_worse = None;
                let mut pending = None;
                if rules.allowed_pain > 0 {
                    let before = mornings.level_before(s.date);
                    match mornings.after(s.date).map(|m| m.pain) {
                        None => pending = Some(before),
                        Some(morning) if morning > before => {
                            morning_worse = Some((morning, before))
                        }
                        Some(_) => {}
                    }
                }
                let asked = self.built[level];
                let top = s
                    .entries
                    .iter()
                    .find(|e| e.exercise == level && e.pain.is_some());
                // Build up every exercise of the session done at its dose (once a day):
                // at once with no pain allowed, else when its settled morning was given.
                if pending.is_none() && morning_worse.is_none() {
                    let ks: Vec<usize> = s
                        .entries
                        .iter()
                        .filter(|e| e.pain.is_some() && e.exercise <= level)
                        .filter(|e| did_dose(e, self.built[e.exercise]))
                        .map(|e| e.exercise)
                        .collect();
                    let given = mornings.after(s.date).map(|m| m.at);
                    match given.filter(|_| rules.allowed_pain > 0) {
                        Some(given) if given > at => self.waiting.push((given, s.date, ks)),
                        _ => self.build(s.date, &ks),
                    }
                }
                let Some(entry) = top else {
                    // Only lower exercises done so far: nothing to judge yet.
                    return;
                };
                if !did_dose(entry, asked) {
                    self.outcome = Some(Outcome::Short {
                        date: s.date,
                        sets_done: sets_at_dose(entry),
                        asked,
                    });
                    return;
                }
                self.painful_days = 0;
                self.painful_day = None;
                if self.counted_day == Some(s.date) {
                    return;
                }
                if let Some(before) = pending {
                    self.outcome = Some(Outcome::Pending {
                        date: s.date,
                        before,
                    });
                    return;
                }
                if let Some((morning, before)) = morning_worse {
                    self.streak = 0;
                    self.counted_day = None;
                    self.outcome = Some(Outcome::MorningWorse {
                        date: s.date,
                        morning,
                        before,
                    });
                    return;
                }
                // Still building up: the session built the dose, it does not count; nor
                // does a later session the same day that built it to the full dose (a
                // day counts once).
                if asked < full_sets() || self.built_day[level] == Some(s.date) {
                    self.outcome = Some(Outcome::Building {
                        date: s.date,
                        pain,
                        limit: rules.allowed_pain,
                        sets: self.built[level],
                    });
                    return;
                }
                self.counted_day = Some(s.date);
                self.streak = self.streak.saturating_add(1);
                let unlocked = self.streak >= rules.sessions_to_progress && level < last;
                if unlocked {
                    self.changes.push(Change {
                        date: s.date,
                        from: level,
                        to: level + 1,
                        by_hand: false,
                    });
                    self.level += 1;
                    self.since = Some(s.date);
                    self.step_since[self.level] = Some(s.date);
                    self.built[self.level] = START_SETS;
                    self.built_day[self.level] = None;
                    self.streak = 0;
                    // The day that unlocked a step has been counted: a second
                    // session that day must not count toward the next step too
                    // (one session a day; each unlock needs its own days).
                    self.counted_day = Some(s.date);
                }
                self.outcome = Some(Outcome::Qualified {
                    date: s.date,
                    pain,
                    rules,
                    unlocked,
                });
            }
        }
    }

    /// The ladder once every event is taken.
    fn finish(&self, now_rules: Rules) -> Progress {
        let mut state = self.clone();
        let level = state.level;
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
                since: if i <= level { state.step_since[i] } else { None },
            })
            .collect();
        // Every settled morning given by now has built its session's dose.
        state.settle(None);
        let built = &state.built;
        let mut outcome = state.outcome;
        if let Some(Outcome::Building { sets, .. }) = &mut outcome {
            *sets = built[level];
        }
        let decision = decide(level, state.streak, built[level], outcome, now_rules);
        let doses = (0..=level)
            .map(|i| today_dose(i, built[i], now_rules, i == level))
            .collect();
        Progress {
            level,
            since: state.since,
            steps,
            streak: state.streak,
            needed: now_rules.sessions_to_progress,
            rules: now_rules,
            rule_line: rule_line(now_rules),
            decision,
            changes: state.changes,
            doses,
        }
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

/// The rule in force, whatever the step: the build-up, how many sessions, at what pain,
/// and with pain allowed the next-morning check.
pub fn rule_line(rules: Rules) -> String {
    let line = format!(
        "Your rule: a new exercise starts at {START_SETS} set and builds up by one set a day within your limit to the full dose; the next exercise unlocks after {} of the current one at the full dose at {}/{} pain or less.",
        sessions(rules.sessions_to_progress),
        rules.allowed_pain,
        super::pain::SCALE.max
    );
    if rules.allowed_pain == 0 {
        return line;
    }
    format!("{line} Each such session counts once the next morning is back to its level before it.")
}

/// What unlocks the next step under `rules`, in one sentence; with pain allowed, the
/// next-morning check is named too. `built` is the top exercise's sets so far.
pub fn next_rule(level: usize, streak: u8, built: u8, rules: Rules) -> String {
    let rule = ladder_rule(level, streak, built, rules);
    if rules.allowed_pain == 0 {
        return rule;
    }
    format!(
        "{} Each such session counts once, the morning after, the hamstring is back to its level before it.",
        rule
    )
}

fn ladder_rule(level: usize, streak: u8, built: u8, rules: Rules) -> String {
    let current = lower_first(LADDER[level].name);
    let Some(next) = LADDER.get(level + 1) else {
        if built < full_sets() {
            return format!(
                "Build the {current} up to the full dose ({built} of {} sets so far), then keep doing the full session once a day at {}/10 pain or less.",
                full_sets(),
                rules.allowed_pain
            );
        }
        return format!(
            "Keep doing the full session once a day at {}/10 pain or less; pain above that still means easing off.",
            rules.allowed_pain
        );
    };
    let left = rules.sessions_to_progress.saturating_sub(streak).max(1);
    if built < full_sets() {
        format!(
            "{} unlocks once the {current} has built up to the full dose ({built} of {} sets so far), then after {} at the full dose at {}/10 pain or less.",
            next.name,
            full_sets(),
            sessions(rules.sessions_to_progress),
            rules.allowed_pain
        )
    } else if streak == 0 {
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

fn decide(level: usize, streak: u8, built: u8, outcome: Option<Outcome>, now: Rules) -> Decision {
    let name = |i: usize| LADDER[i].name;
    let next = next_rule(level, streak, built, now);
    let at_top = level == LADDER.len() - 1;
    let (kind, headline, reason, suggested_step) = match outcome {
        None => (
            DecisionKind::Start,
            format!("Start with the {}", lower_first(name(0))),
            format!(
                "Every program starts at the first step of the ladder, the gentlest load on the tendon, with {START_SETS} set while the dose builds up."
            ),
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
        Some(Outcome::Short { date, sets_done, asked }) if asked >= full_sets() => (
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
        Some(Outcome::Short { date, sets_done, asked }) => (
            DecisionKind::NotCounted,
            "Last session did not build up the dose".to_string(),
            format!(
                "On {} the {} had {sets_done} of the {asked} sets ({} or more each) its dose asked for that day, so the dose stays at {}.",
                dates::friendly(date),
                lower_first(name(level)),
                DAILY_DOSE.amount.min,
                if built == 1 { "1 set".to_string() } else { format!("{built} sets") }
            ),
            None,
        ),
        Some(Outcome::Building { date, pain, limit, sets }) => (
            DecisionKind::Building,
            format!("Building up the {}", lower_first(name(level))),
            format!(
                "Your session on {} was at {pain}/10, within your limit of {}/10, so the {} builds up to {sets} of the {} sets of the full dose, and only sessions at the full dose count toward the next step.",
                dates::friendly(date),
                limit,
                lower_first(name(level)),
                full_sets()
            ),
            None,
        ),
        Some(Outcome::MorningWorse { date, morning, before }) => (
            DecisionKind::Hold,
            format!("Holding at the {}", lower_first(name(level))),
            format!(
                "Held: the morning after {} your hamstring was at {morning}/10, above {before}/10 before the session, so that session did not count.",
                dates::friendly(date)
            ),
            None,
        ),
        Some(Outcome::Pending { date, before }) => (
            DecisionKind::Pending,
            "Waiting for the morning check".to_string(),
            format!(
                "Your session on {} counts once the morning after it the hamstring is back to {before}/10 or less; answer the morning question on Today.",
                dates::friendly(date)
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
/// The repetitions (or seconds held) one set of `exercise` may record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct AmountRange {
    pub min: u16,
    pub max: u16,
}

pub fn amount_range(exercise: usize) -> AmountRange {
    let hold = LADDER[exercise].measure == super::protocol::Measure::Hold;
    let max = if hold { MAX_HOLD_SECONDS } else { MAX_REPS };
    AmountRange { min: 1, max }
}

pub fn check_amount(exercise: usize, amount: impl Into<Whole>) -> Result<u16, InvalidInput> {
    let amount = amount.into();
    let hold = LADDER[exercise].measure == super::protocol::Measure::Hold;
    let unit = if hold { "Seconds held" } else { "Repetitions" };
    let AmountRange { min, max } = amount_range(exercise);
    amount.within(min..=max).ok_or_else(|| {
        InvalidInput::new(
            "amount",
            format!(
                "{unit} must be a whole number from {min} to {max} for {} (got {amount}).",
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
mod tests;
