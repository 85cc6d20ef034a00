//! The return to running: loads the plan, the runs and the gates, asks the core
//! (`core::running`) for the view or whether a start, a run or a target is admitted, and
//! stores what it admits. The rules (gate, spacing, overrides, weeks) are all the core's.

use super::ServiceError;
use crate::core::dates::Now;
use crate::core::pain::{self, PainScale};
use crate::core::protocol::Gate;
use crate::core::running::{
    self, Day, FocusChoice, Logged, PlanState, Refusal, Run, RunEntry, Target, Texts, TodayRun,
    Week,
};
use crate::core::selftests::{self, GateStatus};
use crate::core::{note, Whole};
use crate::core::dates::DayField;
use crate::store::{program as program_rows, running as rows, Store, Tx};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    pub min_sets: u8,
    pub max_sets: u8,
    pub min_minutes: u16,
    pub max_minutes: u16,
    pub max_note: usize,
    pub pain: PainScale,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub state: PlanState,
    pub week: &'static Week,
    /// "Week 3 of 8: Jog 20 minutes", or "All 8 weeks done".
    pub heading: String,
    pub calendar: Vec<Day>,
    pub today: TodayRun,
    /// This plan's runs, newest first.
    pub runs: Vec<Run>,
    pub targets: Vec<Target>,
    /// The week whose target can be set now (weeks 5–8, from week 4 on), and its range.
    pub target_week: Option<u8>,
    pub target_range: Option<(u16, u16)>,
    /// The minutes the target form starts at, and the sentence under it.
    pub target_minutes: Option<u16>,
    pub target_hint: Option<String>,
    /// What a run logged today records: walk/jog sets (weeks 1–2) or minutes.
    pub logs_sets: bool,
    /// The sets or minutes the run logger starts at.
    pub log_amount: u16,
    /// The run logger's date: from the plan's first day to today.
    pub log_day: DayField,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunningView {
    pub gates: Vec<GateStatus>,
    pub running_gate_open: bool,
    pub weeks: &'static [Week],
    pub plan: Option<PlanView>,
    pub limits: Limits,
    /// The start form's date: today, or a few days back.
    pub start_day: DayField,
    /// What to build in a week 5–8, with its words.
    pub focus_choices: Vec<FocusChoice>,
    /// The screen's rule sentences.
    pub text: Texts,
    /// After a run is logged: the red flags, when its pain calls for them.
    pub safety: Option<crate::core::safety::Prompt>,
}

fn gates(tx: &Tx) -> Result<Vec<GateStatus>, ServiceError> {
    let results = program_rows::test_results(tx)?;
    let rom = program_rows::latest_range_of_motion(tx)?;
    Ok(selftests::gates(&results, rom.as_ref()))
}

fn running_gate(gates: &[GateStatus]) -> &GateStatus {
    gates
        .iter()
        .find(|g| g.gate == Gate::Running)
        .expect("the running gate is always listed")
}

fn plan_runs(tx: &Tx, started_on: chrono::NaiveDate) -> Result<Vec<Run>, ServiceError> {
    Ok(rows::runs(tx)?
        .into_iter()
        .filter(|r| r.date >= started_on)
        .collect())
}

/// The tables the plan is read from (`plan_replayed`): none of them dated by the store.
pub const PLAN_TABLES: &[&str] = &["running_plan", "runs", "running_targets"];

/// The plan as stored and where it stands on `day`: the one place that loads it.
pub(crate) struct Plan {
    pub runs: Vec<Run>,
    pub targets: Vec<Target>,
    pub state: PlanState,
}

/// Kept in memory while the data is unchanged (`store::memo`): the plan replays every run.
/// It reads none of the tables whose changes the store dates (`store::memo::DATED`: the
/// log of sessions, moves and check-ins), so it is kept as it is across such a change (a
/// set saved today); a change to its own tables (`PLAN_TABLES`, not dated) drops it.
pub(crate) fn plan_in(tx: &Tx, day: chrono::NaiveDate) -> Result<Option<Arc<Plan>>, ServiceError> {
    let kept = tx.memo_resumed(i64::from(day.num_days_from_ce()), |tx, before: Option<(Arc<Option<Arc<Plan>>>, _)>| {
        match before {
            Some((kept, _)) => Ok::<_, ServiceError>((*kept).clone()),
            None => Ok(plan_replayed(tx, day)?.map(Arc::new)),
        }
    })?;
    Ok((*kept).clone())
}

fn plan_replayed(tx: &Tx, day: chrono::NaiveDate) -> Result<Option<Plan>, ServiceError> {
    let Some(started_on) = rows::started_on(tx)? else {
        return Ok(None);
    };
    let runs = plan_runs(tx, started_on)?;
    let targets = rows::targets(tx)?;
    let state = running::state(started_on, &runs, &targets, day);
    Ok(Some(Plan {
        runs,
        targets,
        state,
    }))
}

pub(crate) fn view_in(tx: &Tx, now: Now) -> Result<RunningView, ServiceError> {
    let gates = gates(tx)?;
    let open = running_gate(&gates).open;
    let plan = match plan_in(tx, now.today)? {
        None => None,
        Some(plan) => {
            let Plan {
                runs,
                targets,
                state,
            } = &*plan;
            let target_week = running::target_week(state);
            let target_range = target_week.map(|w| running::target_range(targets, w));
            let today = running::today_run(state, runs, now.today);
            Some(PlanView {
                week: running::week(state.week),
                heading: running::heading(state),
                calendar: running::calendar(state, runs, now.today),
                log_amount: running::log_default(state, &today),
                today,
                target_minutes: target_week.map(|w| running::target_default(state, targets, w)),
                target_hint: target_range.map(|(min, max)| running::target_hint(min, max)),
                target_range,
                target_week,
                logs_sets: !state.finished && running::logs_sets(state.week),
                log_day: DayField::between(state.started_on, now.today),
                runs: runs.iter().rev().cloned().collect(),
                targets: targets.clone(),
                state: state.clone(),
            })
        }
    };
    Ok(RunningView {
        gates,
        running_gate_open: open,
        weeks: &running::PLAN,
        plan,
        limits: Limits {
            min_sets: running::MIN_SETS,
            max_sets: running::MAX_SETS,
            min_minutes: running::MIN_MINUTES,
            max_minutes: running::MAX_MINUTES,
            max_note: note::MAX_NOTE,
            pain: pain::SCALE,
        },
        start_day: running::start_days(now.today),
        focus_choices: running::Focus::choices(),
        text: running::texts(),
        safety: None,
    })
}

pub fn view(store: &mut Store, now: Now) -> Result<RunningView, ServiceError> {
    store.read(|tx| view_in(tx, now))
}

/// Today's run for the Today screen, once the running gate is open or a plan is under way.
pub(crate) fn today_in(tx: &Tx, now: Now) -> Result<Option<TodayRun>, ServiceError> {
    Ok(plan_in(tx, now.today)?.map(|p| running::today_run(&p.state, &p.runs, now.today)))
}

/// Starts week 1 on `date` (today, or up to `START_BACK_DAYS` back; `None` is today),
/// or starts again from week 1 (`again`), if the core admits it.
pub fn start(
    store: &mut Store,
    now: Now,
    again: bool,
    date: Option<&str>,
) -> Result<RunningView, ServiceError> {
    store.write(|tx| {
        let gates = gates(tx)?;
        let started = rows::started_on(tx)?.is_some();
        let date = running::admit_start(running_gate(&gates), started, again, date, now.today)?;
        rows::start(tx, date, now.utc)?;
        view_in(tx, now)
    })
}

/// A run as the window sends it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LogRun {
    pub date: String,
    #[serde(default)]
    pub sets: serde_json::Value,
    #[serde(default)]
    pub minutes: serde_json::Value,
    #[serde(default)]
    pub pain: serde_json::Value,
    #[serde(default)]
    pub note: String,
    /// The rule the runner chose to override after being told about it.
    #[serde(default)]
    pub override_rule: Option<String>,
}

impl From<Refusal> for ServiceError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Invalid(e) => e.into(),
            Refusal::Rule(b) => ServiceError::Rule(b),
        }
    }
}

/// Logs a run the core admits (`running::admit_run`: the fields, the gate, the spacing,
/// an override named on purpose), with any override stored with it.
pub fn log_run(store: &mut Store, now: Now, input: &LogRun) -> Result<RunningView, ServiceError> {
    store.write(|tx| {
        let started_on = rows::started_on(tx)?;
        let runs = match started_on {
            Some(day) => plan_runs(tx, day)?,
            None => Vec::new(),
        };
        let targets = rows::targets(tx)?;
        let gates = gates(tx)?;
        let entry = RunEntry {
            date: &input.date,
            sets: Whole::from_json(&input.sets),
            minutes: Whole::from_json(&input.minutes),
            pain: Whole::from_json(&input.pain),
            note: &input.note,
            override_rule: input.override_rule.as_deref(),
        };
        let plan = started_on.map(|started_on| Logged {
            started_on,
            runs: &runs,
            targets: &targets,
        });
        let run = running::admit_run(plan, running_gate(&gates), now.today, &entry)?;
        rows::insert_run(tx, &run, now.utc)?;
        let mut view = view_in(tx, now)?;
        view.safety = crate::core::safety::prompt(run.pain, &[]);
        Ok(view)
    })
}

/// Sets the target run for a week 5–8 (this week or a later one), if the core admits it.
pub fn set_target(
    store: &mut Store,
    now: Now,
    week: &Whole,
    minutes: &Whole,
    focus: &str,
) -> Result<RunningView, ServiceError> {
    store.write(|tx| {
        let plan = plan_in(tx, now.today)?;
        let (state, targets) = match &plan {
            Some(p) => (Some(&p.state), p.targets.as_slice()),
            None => (None, &[][..]),
        };
        let target = running::admit_target(state, targets, week, minutes, focus)?;
        rows::set_target(tx, &target, now.utc)?;
        view_in(tx, now)
    })
}
