//! The program's use cases: self-tests, the ladder, guided sessions, stretches and the
//! Today screen. Each reads the log, asks the core, and writes in one transaction.

use super::ServiceError;
use crate::core::advice::{self, AdviceForm};
use crate::core::dates::{self, Now};
use crate::core::pain::{self, PainScale};
use crate::core::progression::{self, Decision, Log, Move, Progress, Rules};
use crate::core::protocol::{
    self, Citation, Dose, Exercise, Measure, Stretch, TestInfo, DAILY_DOSE, LADDER,
};
use crate::core::selftests::{self, GateStatus, Interpretation, RangeOfMotion, Side, TestResult};
use crate::core::session;
use crate::core::{InvalidInput, Whole};
use crate::store::{self, program as rows, Store, Tx};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// An unfinished session can still take sets this long after it started (so one begun
/// before midnight can be finished after it), and no longer.
pub const SESSION_OPEN_HOURS: i64 = 12;

/// Everything the protocol says, for the screens that explain it.
#[derive(Debug, Clone, Serialize)]
pub struct ProtocolView {
    pub citations: &'static [Citation],
    pub tests: &'static [TestInfo],
    pub ladder: &'static [Exercise],
    pub stretch: &'static Stretch,
    pub dose: Dose,
    /// Each ladder exercise's dose to reach, in words, with where it comes from.
    pub doses: Vec<protocol::DoseLine>,
    pub pictures: &'static [crate::core::pictures::Picture],
    /// When a pain check-in can be felt, with the words for each.
    pub checkin_contexts: Vec<super::journal::ContextChoice>,
    /// The rules every form shares: the pain scale and the longest note.
    pub pain: PainScale,
    pub max_note: usize,
    /// The periods the charts can show, and the one shown first.
    pub chart_periods: &'static [crate::core::charts::Period],
    pub chart_weeks: u16,
}

/// The guide's sections and the sources they cite.
#[derive(Debug, Clone, Serialize)]
pub struct GuideView {
    pub sections: &'static [crate::core::guide::Section],
    pub citations: &'static [Citation],
    pub pictures: &'static [crate::core::pictures::Picture],
    /// "Sources and method": every rule with its provenance, and the sources beyond the guide.
    pub method: crate::core::method::MethodView,
}

pub fn guide() -> GuideView {
    GuideView {
        sections: crate::core::guide::SECTIONS,
        citations: protocol::CITATIONS,
        pictures: crate::core::pictures::PICTURES,
        method: crate::core::method::method(),
    }
}

pub fn protocol() -> ProtocolView {
    ProtocolView {
        citations: protocol::CITATIONS,
        tests: protocol::TESTS,
        ladder: LADDER,
        stretch: &protocol::STRETCH,
        dose: DAILY_DOSE,
        doses: protocol::dose_lines(),
        pictures: crate::core::pictures::PICTURES,
        checkin_contexts: super::journal::contexts(),
        pain: pain::SCALE,
        max_note: crate::core::note::MAX_NOTE,
        chart_periods: &crate::core::charts::PERIODS,
        chart_weeks: crate::core::charts::DEFAULT_WEEKS,
    }
}

/// The log the ladder is replayed from, the rules in force now, and the ladder they give.
/// Worked out from the data afresh by [`Ladder::replayed`]; kept in memory only while the
/// data is unchanged, and brought up to date after a change from the last checkpoint
/// before it (`ladder_in`, through `store::memo`), never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ladder {
    pub log: Log,
    pub rules: Rules,
    pub progress: Progress,
    /// Where the replay stood every few events (`progression::Checkpoints`).
    checkpoints: progression::Checkpoints,
    /// The ids of `log.mornings`, in its order (the store's order: time, then id).
    morning_ids: Vec<i64>,
    /// Each session's latest pain score, for the latest of them all (`latest_pain`).
    pains: Vec<rows::SessionPain>,
}

impl Ladder {
    /// The whole log read from the database and replayed: the full replay.
    pub fn replayed(tx: &Tx) -> Result<Ladder, ServiceError> {
        let (morning_ids, mornings) = rows::mornings_by_id(tx, None)?.into_iter().unzip();
        let (sessions, pains) = rows::sessions_and_pain(tx, None)?;
        let log = Log {
            sessions,
            moves: rows::moves(tx)?,
            rules: rows::rule_changes(tx)?,
            mornings,
        };
        let rules = Rules::of(&store::settings::load(tx)?);
        let (progress, checkpoints) = progression::progress_kept(&log, rules);
        Ok(Ladder {
            log,
            rules,
            progress,
            checkpoints,
            morning_ids,
            pains,
        })
    }

    /// This ladder brought up to date after changes dated `from` on (`store::memo`): the
    /// sessions and next-morning check-ins of those days read again in place of the
    /// kept ones, the moves and the rules read whole (a handful of rows), and the replay
    /// resumed from the last checkpoint before the change. Equals [`Ladder::replayed`].
    fn resumed(mut self, tx: &Tx, from: NaiveDate) -> Result<Ladder, ServiceError> {
        let (sessions, pains) = rows::sessions_and_pain(tx, Some(from))?;
        let log = &mut self.log;
        log.sessions.retain(|s| s.date < from);
        log.sessions.extend(sessions);
        log.sessions.sort_by_key(|s| (s.started_at, s.id));
        self.pains.retain(|p| p.date < from);
        self.pains.extend(pains);
        self.pains.sort_by_key(|p| p.session_id);
        let mut mornings: Vec<(i64, progression::Morning)> = self
            .morning_ids
            .iter()
            .copied()
            .zip(log.mornings.iter().copied())
            .filter(|(_, m)| m.date < from)
            .collect();
        mornings.extend(rows::mornings_by_id(tx, Some(from))?);
        mornings.sort_by_key(|(id, m)| (m.at, *id));
        (self.morning_ids, log.mornings) = mornings.into_iter().unzip();
        log.moves = rows::moves(tx)?;
        log.rules = rows::rule_changes(tx)?;
        self.rules = Rules::of(&store::settings::load(tx)?);
        let kept = std::mem::take(&mut self.checkpoints);
        (self.progress, self.checkpoints) =
            progression::progress_resumed(&self.log, self.rules, kept, from);
        Ok(self)
    }

    /// The latest pain score given for an exercise (by the time it was given, then the
    /// session, then the exercise highest on the ladder), with its session's day.
    pub fn latest_pain(&self) -> Option<&rows::SessionPain> {
        self.pains.iter().max_by(|a, b| a.order().cmp(&b.order()))
    }

    /// The ladder as it stood before session `session_id` counted
    /// (`progression::progress_without`), replayed from the last checkpoint before it.
    pub fn progress_without(&self, session_id: i64) -> Progress {
        self.checkpoints
            .progress_without(&self.log, session_id, self.rules)
    }
}

/// The ladder as the data stands in `tx`: the full replay, done once and then read from
/// memory until anything changes, and after a change that the store can date brought up
/// to date from the last checkpoint before it (`store::memo`). It always equals
/// [`Ladder::replayed`] (the property test in `tests/ladder.rs`).
pub fn ladder_in(tx: &Tx) -> Result<Arc<Ladder>, ServiceError> {
    tx.memo_resumed(0, |tx, before: Option<(Arc<Ladder>, NaiveDate)>| match before {
        // Owned unless a caller still holds it (then copied).
        Some((kept, from)) => Arc::unwrap_or_clone(kept).resumed(tx, from),
        None => Ladder::replayed(tx),
    })
}

/// Reads Today once and drops it, so that the first screen after start-up finds what it
/// needs in memory: the ladder worked out (`ladder_in`, kept by the store) and every
/// statement and page Today reads already prepared and cached by SQLite. For the
/// start-up, on a thread of its own. Writes nothing.
pub fn warm(store: &mut Store, now: Now) -> Result<(), ServiceError> {
    store.read(|tx| today_in(tx, now).map(|_| ()))
}

pub(crate) fn progress_in(tx: &Tx) -> Result<Progress, ServiceError> {
    Ok(ladder_in(tx)?.progress.clone())
}

// --- the ladder -------------------------------------------------------------------

/// The Program screen: the ladder with each step's status, the decision, and the rules.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramView {
    pub progress: Progress,
    /// The words of the clinician's confirmation a step forward by hand asks for.
    pub advice: advice::Texts,
}

pub fn program(store: &mut Store) -> Result<ProgramView, ServiceError> {
    store.read(|tx| {
        Ok(ProgramView {
            progress: progress_in(tx)?,
            advice: advice::texts(),
        })
    })
}

/// Steps back or forward one exercise by hand (the window has asked the user to confirm).
pub fn move_step(
    store: &mut Store,
    now: Now,
    to_step: Whole,
    advice: &AdviceForm,
) -> Result<ProgramView, ServiceError> {
    store.write(|tx| {
        let before = progress_in(tx)?;
        let to = progression::check_move(before.level, to_step)?;
        let advice = advice::admit(advice::for_move(before.level, to), advice, now.today)?;
        rows::insert_move(
            tx,
            &Move {
                at: now.utc,
                date: now.today,
                from: before.level,
                to,
            },
            advice.as_ref(),
        )?;
        Ok(ProgramView {
            progress: progress_in(tx)?,
            advice: advice::texts(),
        })
    })
}

// --- guided sessions --------------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct SessionExercise {
    pub id: &'static str,
    pub name: &'static str,
    pub measure: Measure,
    pub per_side: bool,
    /// Repetitions (or seconds) of each set saved so far.
    pub sets: Vec<u16>,
    pub pain: Option<u8>,
    /// The sets saved make the full daily dose.
    pub full: bool,
    /// The dose asked of it in this session (built up from the log before it).
    pub today: progression::TodayDose,
    /// The sets saved make the dose asked.
    pub dose_done: bool,
    /// What one set may record.
    pub amount_range: progression::AmountRange,
    /// "Exercise 2 of 3".
    pub position: String,
    /// The line above the set controls ("Set 2 of 3", "3 sets saved: today's dose is done.").
    pub count: String,
    /// Each saved set in words ("Set 1: 12 repetitions").
    pub set_lines: Vec<String>,
    /// The status line for the last set saved ("Set saved: 12 repetitions."), if any.
    pub saved: Option<String>,
    /// The − / + control for the next set's repetitions or seconds.
    pub stepper: session::Stepper,
    /// The steps show open: the exercise has no set in an earlier session.
    pub steps_open: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub id: i64,
    pub date: NaiveDate,
    pub finished: bool,
    /// Every exercise unlocked when the session is shown, in ladder order.
    pub exercises: Vec<SessionExercise>,
    /// The first exercise still without a pain score: where to carry on.
    pub resume_at: Option<&'static str>,
    pub dose: Dose,
    /// The scale each exercise's pain is scored on.
    pub pain: PainScale,
    /// Every exercise has its pain score, so the session can be finished.
    pub all_scored: bool,
    /// How many exercises still need a pain score, in words.
    pub scoring_left: String,
    /// The hold timer's words.
    pub timer: session::TimerWords,
}

/// A session with the exercises it holds: every step unlocked before it counted (an
/// exercise it unlocks joins from the next session on).
fn session_view(tx: &Tx, row: rows::SessionRow) -> Result<SessionView, ServiceError> {
    let ladder = ladder_in(tx)?;
    let before = ladder.progress_without(row.id);
    let level = before.level;
    let all = &ladder.log.sessions;
    let entries = all
        .iter()
        .find(|s| s.id == row.id)
        .map(|s| s.entries.clone())
        .unwrap_or_default();
    let top = entries
        .iter()
        .map(|e| e.exercise)
        .max()
        .unwrap_or(0)
        .max(level);
    let exercises: Vec<SessionExercise> = LADDER[..=top]
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let entry = entries.iter().find(|x| x.exercise == i);
            let today = before.doses.get(i).cloned().unwrap_or_else(|| {
                progression::today_dose(i, progression::START_SETS, before.rules, i == level)
            });
            let asked = u8::try_from(today.sets.min).unwrap_or(u8::MAX);
            let sets = entry.map(|x| x.sets.clone()).unwrap_or_default();
            let dose_done = entry.is_some_and(|x| progression::did_dose(x, asked));
            SessionExercise {
                id: e.id,
                name: e.name,
                measure: e.measure,
                per_side: e.per_side,
                pain: entry.and_then(|x| x.pain),
                full: entry.is_some_and(progression::is_full_dose),
                dose_done,
                amount_range: progression::amount_range(i),
                position: session::position(i, top + 1),
                count: session::set_count(e, &today, sets.len(), dose_done),
                set_lines: (1..)
                    .zip(&sets)
                    .map(|(n, &amount)| session::set_line(e, n, amount))
                    .collect(),
                saved: sets.last().map(|&amount| session::saved_line(e, amount)),
                stepper: session::stepper(i, &today, &sets),
                steps_open: session::steps_open(all, row.id, i),
                today,
                sets,
            }
        })
        .collect();
    let resume_at = exercises.iter().find(|e| e.pain.is_none()).map(|e| e.id);
    let left = exercises.iter().filter(|e| e.pain.is_none()).count();
    Ok(SessionView {
        id: row.id,
        date: row.date,
        finished: row.finished_at.is_some(),
        exercises,
        resume_at,
        dose: DAILY_DOSE,
        pain: pain::SCALE,
        all_scored: left == 0,
        scoring_left: session::scoring_left(left),
        timer: session::TIMER,
    })
}

fn open_session(tx: &Tx, now: Now, session_id: i64) -> Result<rows::SessionRow, ServiceError> {
    let Some(row) = rows::session(tx, session_id)? else {
        return Err(
            InvalidInput::new("session_id", format!("There is no session {session_id}.")).into(),
        );
    };
    if row.finished_at.is_some() {
        return Err(InvalidInput::new(
            "session_id",
            format!(
                "The session of {} is finished; start a new one to log more.",
                dates::friendly(row.date)
            ),
        )
        .into());
    }
    if now.utc - row.started_at > Duration::hours(SESSION_OPEN_HOURS)
        || now.utc < row.started_at - Duration::hours(1)
    {
        return Err(InvalidInput::new(
            "session_id",
            format!(
                "The session of {} can no longer take sets (sessions stay open for {SESSION_OPEN_HOURS} hours); start today's.",
                dates::friendly(row.date)
            ),
        )
        .into());
    }
    Ok(row)
}

/// The unfinished session still open now, if any.
fn resumable(tx: &Tx, now: Now) -> Result<Option<rows::SessionRow>, ServiceError> {
    for day in [now.today, now.today.pred_opt().unwrap_or(now.today)] {
        if let Some(row) = rows::latest_session_on(tx, day)? {
            if row.finished_at.is_none() && open_session(tx, now, row.id).is_ok() {
                return Ok(Some(row));
            }
        }
    }
    Ok(None)
}

/// Resumes the session still open, or starts a new one dated today.
pub fn start_session(store: &mut Store, now: Now) -> Result<SessionView, ServiceError> {
    store.write(|tx| {
        let row = match resumable(tx, now)? {
            Some(row) => row,
            None => {
                let id = rows::create_session(tx, now.utc, now.today)?;
                rows::session(tx, id)?.expect("the session just written")
            }
        };
        session_view(tx, row)
    })
}

pub fn active_session(store: &mut Store, now: Now) -> Result<Option<SessionView>, ServiceError> {
    store.read(|tx| {
        resumable(tx, now)?
            .map(|row| session_view(tx, row))
            .transpose()
    })
}

/// Saves one set as soon as it is done: a crash later keeps it.
pub fn record_set(
    store: &mut Store,
    now: Now,
    session_id: i64,
    exercise_id: &str,
    amount: Whole,
) -> Result<SessionView, ServiceError> {
    store.write(|tx| {
        let row = open_session(tx, now, session_id)?;
        let level = level_without(tx, session_id)?;
        let exercise = progression::check_exercise(exercise_id, level)?;
        let amount = progression::check_amount(exercise, amount)?;
        let done = ladder_in(tx)?
            .log
            .sessions
            .iter()
            .find(|s| s.id == session_id)
            .and_then(|s| s.entries.iter().find(|e| e.exercise == exercise))
            .map_or(0, |e| e.sets.len());
        if done >= usize::from(progression::MAX_SETS) {
            return Err(InvalidInput::new(
                "set",
                format!(
                    "{} already has {} sets in this session, the most one can hold.",
                    LADDER[exercise].name,
                    progression::MAX_SETS
                ),
            )
            .into());
        }
        rows::add_set(tx, session_id, LADDER[exercise].id, amount, now.utc)?;
        session_view(tx, row)
    })
}

/// Takes back the last set of an exercise (a mis-tap).
pub fn undo_set(
    store: &mut Store,
    now: Now,
    session_id: i64,
    exercise_id: &str,
) -> Result<SessionView, ServiceError> {
    store.write(|tx| {
        let row = open_session(tx, now, session_id)?;
        let level = level_without(tx, session_id)?;
        let exercise = progression::check_exercise(exercise_id, level)?;
        if !rows::remove_last_set(tx, session_id, LADDER[exercise].id)? {
            return Err(InvalidInput::new(
                "set",
                format!("{} has no set to take back.", LADDER[exercise].name),
            )
            .into());
        }
        session_view(tx, row)
    })
}

/// What a pain score changed, for the guided session.
#[derive(Debug, Clone, Serialize)]
pub struct PainRecorded {
    pub session: SessionView,
    pub decision: Decision,
    /// The red flags, when this score calls for them.
    pub safety: Option<crate::core::safety::Prompt>,
}

pub fn record_pain(
    store: &mut Store,
    now: Now,
    session_id: i64,
    exercise_id: &str,
    pain: Whole,
) -> Result<PainRecorded, ServiceError> {
    store.write(|tx| {
        let row = open_session(tx, now, session_id)?;
        // Judged against the ladder as it stood before this score.
        let level = level_without(tx, session_id)?;
        let exercise = progression::check_exercise(exercise_id, level)?;
        let pain = progression::check_pain(pain)?;
        rows::set_pain(tx, session_id, LADDER[exercise].id, pain, now.utc)?;
        let progress = progress_in(tx)?;
        Ok(PainRecorded {
            session: session_view(tx, row)?,
            decision: progress.decision,
            safety: crate::core::safety::prompt(pain, &[]),
        })
    })
}

/// The level the ladder had before `session_id` counted.
fn level_without(tx: &Tx, session_id: i64) -> Result<usize, ServiceError> {
    Ok(ladder_in(tx)?.progress_without(session_id).level)
}

/// What finishing a session changed.
#[derive(Debug, Clone, Serialize)]
pub struct Finished {
    pub session: SessionView,
    /// Sentences such as "Front plank is unlocked"; one "No change" sentence otherwise.
    pub changes: Vec<String>,
    pub decision: Decision,
    pub progress: Progress,
    /// The session in a few lines: sets and pain per exercise, what it means for the ladder.
    pub summary: session::Summary,
}

pub fn finish_session(
    store: &mut Store,
    now: Now,
    session_id: i64,
) -> Result<Finished, ServiceError> {
    store.write(|tx| {
        let row = open_session(tx, now, session_id)?;
        let before = level_without(tx, session_id)?;
        rows::finish_session(tx, session_id, now.utc)?;
        let progress = progress_in(tx)?;
        // The session just finished is in the log (read in this transaction).
        let done = ladder_in(tx)?
            .log
            .sessions
            .iter()
            .find(|s| s.id == session_id)
            .cloned()
            .unwrap_or_else(|| progression::Session {
                id: session_id,
                started_at: row.started_at,
                date: row.date,
                entries: Vec::new(),
            });
        let summary = session::summary(&done, before, &progress);
        let row = rows::session(tx, row.id)?.unwrap_or(row);
        Ok(Finished {
            session: session_view(tx, row)?,
            changes: summary.changes.clone(),
            decision: progress.decision.clone(),
            progress,
            summary,
        })
    })
}

// --- self-tests -------------------------------------------------------------------

#[derive(Debug, Clone, Deserialize)]
pub struct TestInput {
    pub test_id: String,
    pub side: String,
    pub painful: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecordTests {
    pub taken_on: String,
    pub results: Vec<TestInput>,
    /// For the running gate: the user's own check of their range of motion.
    #[serde(default)]
    pub range_of_motion_normal: Option<bool>,
}

/// One day's recording, for the history.
#[derive(Debug, Clone, Serialize)]
pub struct Round {
    pub taken_on: NaiveDate,
    pub results: Vec<TestResult>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SelfTestsView {
    pub interpretation: Interpretation,
    pub gates: Vec<GateStatus>,
    /// Newest first.
    pub history: Vec<Round>,
    pub range_of_motion: Option<RangeOfMotion>,
    /// What the gate tests open, above them.
    pub gates_text: &'static str,
    /// The legs each test asks about, the painful side (the setup's answer) marked.
    pub legs: Vec<selftests::Leg>,
    /// The tests' date field: a day up to today, and the sentence under it.
    pub taken_on: dates::DayField,
    pub date_hint: &'static str,
}

fn self_tests_in(tx: &Tx, today: NaiveDate) -> Result<SelfTestsView, ServiceError> {
    let results = rows::test_results(tx)?;
    let rom = rows::latest_range_of_motion(tx)?;
    let mut history: Vec<Round> = Vec::new();
    for r in results.iter().rev() {
        match history.last_mut() {
            Some(round) if round.taken_on == r.taken_on => round.results.push(r.clone()),
            _ => history.push(Round {
                taken_on: r.taken_on,
                results: vec![r.clone()],
            }),
        }
    }
    for round in &mut history {
        round.results.sort_by_key(|r| {
            (
                protocol::TESTS.iter().position(|t| t.id == r.test_id),
                r.side,
            )
        });
    }
    Ok(SelfTestsView {
        interpretation: selftests::interpret(&results),
        gates: selftests::gates(&results, rom.as_ref()),
        history,
        range_of_motion: rom,
        gates_text: selftests::GATES_TEXT,
        legs: selftests::legs(store::settings::load(tx)?.painful_side),
        taken_on: dates::DayField::up_to(today),
        date_hint: selftests::DATE_HINT,
    })
}

pub fn self_tests(store: &mut Store, now: Now) -> Result<SelfTestsView, ServiceError> {
    store.read(|tx| self_tests_in(tx, now.today))
}

/// Records one or more test results (and optionally the range-of-motion check), all
/// checked before anything is written.
pub fn record_tests(
    store: &mut Store,
    now: Now,
    input: &RecordTests,
) -> Result<SelfTestsView, ServiceError> {
    let taken_on = dates::parse_past_day("taken_on", &input.taken_on, now.today)?;
    if input.results.is_empty() && input.range_of_motion_normal.is_none() {
        return Err(InvalidInput::new(
            "results",
            "Choose pain or no pain for at least one test and leg.",
        )
        .into());
    }
    let mut checked: Vec<(&'static str, Side, bool)> = Vec::new();
    for r in &input.results {
        let test_id = selftests::check_test_id(&r.test_id)?;
        let side = Side::parse(&r.side).ok_or_else(|| {
            InvalidInput::new(
                "side",
                format!("Side must be left or right (got \"{}\").", r.side),
            )
        })?;
        if checked.iter().any(|(t, s, _)| *t == test_id && *s == side) {
            return Err(InvalidInput::new(
                "results",
                format!("The {} leg of {test_id} appears twice.", side.as_str()),
            )
            .into());
        }
        checked.push((test_id, side, r.painful));
    }
    store.write(|tx| {
        rows::insert_test_results(tx, &checked, taken_on, now.utc)?;
        if let Some(normal) = input.range_of_motion_normal {
            rows::insert_range_of_motion(tx, normal, taken_on, now.utc)?;
        }
        self_tests_in(tx, now.today)
    })
}

// --- stretches and Today -----------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct Stretches {
    pub done: u32,
    pub target: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct LatestPain {
    pub pain: u8,
    pub exercise: &'static str,
    pub date: NaiveDate,
}

pub use crate::core::today::SessionState;

#[derive(Debug, Clone, Serialize)]
pub struct TodayView {
    pub date: NaiveDate,
    pub date_text: String,
    /// The one thing to do now (`core::today::next_up`), with its words.
    pub next_up: crate::core::today::NextUp,
    /// The last seven days: stretches against the target, session and run done.
    pub week: crate::core::today::WeekStrip,
    pub session_state: SessionState,
    /// Where today's session stands and its button's words.
    pub session_words: crate::core::today::SessionWords,
    /// The open (or today's finished) session.
    pub session: Option<SessionView>,
    /// Today's exercises: every unlocked one.
    pub exercises: Vec<&'static str>,
    pub stretches: Stretches,
    pub latest_pain: Option<LatestPain>,
    pub progress: Progress,
    pub gates: Vec<GateStatus>,
    /// Today's run or rest, once the running plan has started.
    pub running: Option<crate::core::running::TodayRun>,
    /// What the running card says once the gate is open and the plan not started.
    pub running_ready: &'static str,
    /// How often to stretch, under the stretch count.
    pub stretch_hint: String,
    /// The scale the latest pain is on.
    pub pain: PainScale,
    /// The next-morning question, the morning after a session until it is answered.
    pub morning: Option<MorningQuestion>,
}

/// Today's next-morning question with the check-in context its answer is saved under.
#[derive(Debug, Clone, Serialize)]
pub struct MorningQuestion {
    #[serde(flatten)]
    pub check: progression::MorningCheck,
    pub context: &'static str,
}

fn today_in(tx: &Tx, now: Now) -> Result<TodayView, ServiceError> {
    let ladder = ladder_in(tx)?;
    let (log, progress) = (&ladder.log, ladder.progress.clone());
    let morning =
        progression::morning_check(log, now.today, progress.rules).map(|check| MorningQuestion {
            check,
            context: crate::core::journal::Context::NextMorning.as_str(),
        });
    let settings = store::settings::load(tx)?;
    let (session_state, session) = match resumable(tx, now)? {
        Some(row) => (SessionState::InProgress, Some(session_view(tx, row)?)),
        None => match rows::latest_session_on(tx, now.today)? {
            Some(row) => (SessionState::Done, Some(session_view(tx, row)?)),
            None => (SessionState::NotStarted, None),
        },
    };
    let latest_pain = ladder.latest_pain().map(|p| LatestPain {
        pain: p.pain,
        exercise: LADDER[p.exercise].name,
        date: p.date,
    });
    let results = rows::test_results(tx)?;
    let rom = rows::latest_range_of_motion(tx)?;
    let running = super::running::today_in(tx, now)?;
    let glance = super::today::glance(tx, now, &settings, session_state, running.as_ref())?;
    Ok(TodayView {
        date: now.today,
        date_text: dates::friendly(now.today),
        next_up: glance.next_up,
        week: glance.week,
        session_state,
        session_words: crate::core::today::session_words(session_state),
        session,
        exercises: progress.session_exercises().iter().map(|e| e.id).collect(),
        stretches: Stretches {
            done: glance.stretches_done,
            target: settings.stretches_per_day,
        },
        latest_pain,
        gates: selftests::gates(&results, rom.as_ref()),
        running,
        running_ready: crate::core::running::texts().today_ready,
        stretch_hint: protocol::stretch_hint(),
        pain: pain::SCALE,
        progress,
        morning,
    })
}

pub fn today(store: &mut Store, now: Now) -> Result<TodayView, ServiceError> {
    store.read(|tx| today_in(tx, now))
}

/// Logs a stretch done now (by hand, from Today).
pub fn log_stretch(store: &mut Store, now: Now) -> Result<TodayView, ServiceError> {
    store.write(|tx| {
        rows::insert_stretch(tx, now.utc, now.today, "logged")?;
        today_in(tx, now)
    })
}
