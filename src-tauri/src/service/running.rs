//! The return to running: the gates, the plan's week and calendar, logging a run under
//! the spacing rules (refused with the rule's reason unless the runner overrides it, and
//! then the override is stored with the run), and the targets for weeks 5–8.

use super::ServiceError;
use crate::core::dates::{self, Now};
use crate::core::protocol::Gate;
use crate::core::running::{self, Day, Focus, PlanState, RuleBreak, Run, Target, TodayRun, Week};
use crate::core::selftests::{self, GateStatus};
use crate::core::{InvalidInput, Whole};
use crate::store::{program as program_rows, running as rows, Store, Tx};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    pub max_sets: u8,
    pub max_minutes: u16,
    pub max_note: usize,
    /// How many days back week 1 may start.
    pub start_back_days: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub state: PlanState,
    pub week: &'static Week,
    pub calendar: Vec<Day>,
    pub today: TodayRun,
    /// This plan's runs, newest first.
    pub runs: Vec<Run>,
    pub targets: Vec<Target>,
    /// The week whose target can be set now (weeks 5–8, from week 4 on), and its range.
    pub target_week: Option<u8>,
    pub target_range: Option<(u16, u16)>,
    /// What a run logged today records: walk/jog sets (weeks 1–2) or minutes.
    pub logs_sets: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunningView {
    pub gates: Vec<GateStatus>,
    pub running_gate_open: bool,
    pub weeks: &'static [Week],
    pub plan: Option<PlanView>,
    pub limits: Limits,
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

/// The plan as stored and where it stands on `day`: the one place that loads it.
pub(crate) struct Plan {
    pub runs: Vec<Run>,
    pub targets: Vec<Target>,
    pub state: PlanState,
}

pub(crate) fn plan_in(tx: &Tx, day: chrono::NaiveDate) -> Result<Option<Plan>, ServiceError> {
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
        Some(Plan {
            runs,
            targets,
            state,
        }) => {
            let target_week = (state.week >= 4 && !state.finished).then(|| state.week.max(5));
            Some(PlanView {
                week: running::week(state.week),
                calendar: running::calendar(&state, &runs, now.today),
                today: running::today_run(&state, &runs, now.today),
                target_range: target_week.map(|w| running::target_range(&targets, w)),
                target_week,
                logs_sets: !state.finished
                    && matches!(
                        running::week(state.week).shape,
                        running::Shape::Intervals { .. }
                    ),
                runs: runs.into_iter().rev().collect(),
                targets,
                state,
            })
        }
    };
    Ok(RunningView {
        gates,
        running_gate_open: open,
        weeks: &running::PLAN,
        plan,
        limits: Limits {
            max_sets: running::MAX_SETS,
            max_minutes: running::MAX_MINUTES,
            max_note: running::MAX_NOTE,
            start_back_days: START_BACK_DAYS,
        },
    })
}

pub fn view(store: &mut Store, now: Now) -> Result<RunningView, ServiceError> {
    store.read(|tx| view_in(tx, now))
}

/// Today's run for the Today screen, once the running gate is open or a plan is under way.
pub(crate) fn today_in(tx: &Tx, now: Now) -> Result<Option<TodayRun>, ServiceError> {
    Ok(plan_in(tx, now.today)?.map(|p| running::today_run(&p.state, &p.runs, now.today)))
}

/// How far back a plan may be started, for a runner who began before logging it.
pub const START_BACK_DAYS: i64 = 14;

/// Starts week 1 on `date` (today, or up to 14 days back; `None` is today), or starts
/// again from week 1 (`again`). Needs the running gate open.
pub fn start(
    store: &mut Store,
    now: Now,
    again: bool,
    date: Option<&str>,
) -> Result<RunningView, ServiceError> {
    let earliest = now.today - chrono::Duration::days(START_BACK_DAYS);
    let date = match date {
        None => now.today,
        Some(text) => {
            let day = dates::parse_past_day("start_date", text, now.today)?;
            if day < earliest {
                return Err(InvalidInput::new(
                    "start_date",
                    format!(
                        "Start date must be from {earliest} to today ({}) (got {day}).",
                        now.today
                    ),
                )
                .into());
            }
            day
        }
    };
    store.write(|tx| {
        let gates = gates(tx)?;
        let gate = running_gate(&gates);
        if !gate.open {
            return Err(InvalidInput::new(
                "plan",
                format!("The plan cannot start yet. {}", gate.reason),
            )
            .into());
        }
        if rows::started_on(tx)?.is_some() && !again {
            return Err(InvalidInput::new(
                "plan",
                "The plan has already started; choose \"Start again from week 1\" to restart it.",
            )
            .into());
        }
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

/// Logs a run. Every field is checked first (nothing is written on a mistake); then the
/// rules: the running gate and the week's spacing. A broken rule is refused with its
/// reason unless `override_rule` names it, and then the override is stored with the run.
pub fn log_run(store: &mut Store, now: Now, input: &LogRun) -> Result<RunningView, ServiceError> {
    store.write(|tx| {
        let Some(started_on) = rows::started_on(tx)? else {
            return Err(InvalidInput::new("plan", "Start the plan before logging runs.").into());
        };
        let date = dates::parse_past_day("date", &input.date, now.today)?;
        if date < started_on {
            return Err(InvalidInput::new(
                "date",
                format!(
                    "Date must be from the plan's start ({started_on}) to today ({}) (got {date}).",
                    now.today
                ),
            )
            .into());
        }
        let runs = plan_runs(tx, started_on)?;
        let targets = rows::targets(tx)?;
        let before: Vec<Run> = runs.iter().filter(|r| r.date < date).cloned().collect();
        let week = running::state(started_on, &before, &targets, date).week;
        let (sets, minutes) = if week <= 2 {
            (
                Some(running::check_sets(&Whole::from_json(&input.sets))?),
                None,
            )
        } else {
            (
                None,
                Some(running::check_minutes(
                    "minutes",
                    &Whole::from_json(&input.minutes),
                    1,
                    running::MAX_MINUTES,
                )?),
            )
        };
        let pain = running::check_pain(&Whole::from_json(&input.pain))?;
        let note = running::check_note(&input.note)?;

        let gates = gates(tx)?;
        let gate = running_gate(&gates);
        let broken = if gate.open {
            running::check_spacing(&runs, week, date).err()
        } else {
            Some(RuleBreak {
                rule: "gate_closed",
                reason: format!("The running gate is closed again. {}", gate.reason),
            })
        };
        let override_rule = match broken {
            None => None,
            Some(b) if input.override_rule.as_deref() == Some(b.rule) => Some(b.rule.to_string()),
            Some(b) => return Err(ServiceError::Rule(b)),
        };
        let run = Run {
            id: 0,
            date,
            sets,
            minutes,
            pain,
            note,
            override_rule,
        };
        rows::insert_run(tx, &run, now.utc)?;
        view_in(tx, now)
    })
}

/// Sets the target run for a week 5–8 (this week or a later one).
pub fn set_target(
    store: &mut Store,
    now: Now,
    week: &Whole,
    minutes: &Whole,
    focus: &str,
) -> Result<RunningView, ServiceError> {
    store.write(|tx| {
        let Some(Plan { targets, state, .. }) = plan_in(tx, now.today)? else {
            return Err(InvalidInput::new("plan", "Start the plan before setting targets.").into());
        };
        if state.week < 4 {
            return Err(InvalidInput::new(
                "week",
                format!(
                    "Targets are set from week 4 on, for weeks 5–8; you are in week {}.",
                    state.week
                ),
            )
            .into());
        }
        let week = running::check_target_week(week, state.week)?;
        let (min, max) = running::target_range(&targets, week);
        let minutes = running::check_minutes("target_minutes", minutes, min, max)?;
        let focus = Focus::parse(focus).ok_or_else(|| {
            InvalidInput::new(
                "focus",
                format!("Focus must be volume, speed or acceleration (got \"{focus}\")."),
            )
        })?;
        rows::set_target(
            tx,
            &Target {
                week,
                minutes,
                focus,
            },
            now.utc,
        )?;
        view_in(tx, now)
    })
}
