//! Stretch reminders: reconcile the day with the planner, answer a reminder, pause and
//! resume. The shell's scheduler calls `tick` when it wakes and delivers what it returns.

use super::ServiceError;
use crate::core::dates::Now;
use crate::core::messages::{self, ReminderAction, StretchReminder, TrayFacts, TrayMenu};
use crate::core::planner::{self, Action, Day, Schedule, Showing, SlotState};
use crate::core::settings::ClockTime;
use crate::core::InvalidInput;
use crate::store::{self, reminders as rows, Store, Tx};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize)]
pub struct SlotView {
    pub time: String,
    pub state: &'static str,
    pub catch_up: bool,
}

/// The reminders as the window and the tray show them.
#[derive(Debug, Clone, Serialize)]
pub struct RemindersView {
    pub date: NaiveDate,
    pub slots: Vec<SlotView>,
    pub done: u32,
    pub target: u8,
    /// The time of the reminder waiting for an answer ("12:20").
    pub due: Option<String>,
    pub paused_until: Option<NaiveDateTime>,
    pub next_at: Option<NaiveDateTime>,
    pub snooze_minutes: u8,
    pub tray: TrayMenu,
    /// The reminder waiting for an answer, as it was shown: a notification of any other
    /// is stale and is withdrawn.
    #[serde(skip)]
    pub waiting: Option<Showing>,
}

/// A reminder that fell due: which showing it is and its words. Its event is written
/// once the shell has delivered it ([`delivered`]).
#[derive(Debug, Clone)]
pub struct Due {
    pub showing: Showing,
    pub reminder: StretchReminder,
}

/// What a wake-up decided: reminders to show now, the state, and when to wake next.
#[derive(Debug, Clone)]
pub struct Tick {
    pub fire: Vec<Due>,
    pub view: RemindersView,
    pub next: Option<NaiveDateTime>,
}

fn schedule(tx: &Tx) -> Result<Schedule, ServiceError> {
    Ok(Schedule::of(&store::settings::load(tx)?))
}

/// Today's slots, planned (and stored) the first time the day is seen.
fn day(tx: &Tx, s: &Schedule, now: Now) -> Result<Day, ServiceError> {
    let today = now.today;
    rows::settle_earlier_days(tx, today, now.utc)?;
    if let Some(day) = rows::load_day(tx, today)? {
        return Ok(day);
    }
    rows::plan_slots(tx, today, &s.slot_times())?;
    Ok(rows::load_day(tx, today)?.unwrap_or_else(|| s.plan_day(today)))
}

fn view(
    s: &Schedule,
    day: &Day,
    now: Now,
    paused_until: Option<NaiveDateTime>,
    snooze_minutes: u8,
) -> RemindersView {
    let due = planner::due(day);
    let done = planner::done_today(day);
    let next_at = planner::next_slot(day, now.local);
    RemindersView {
        date: day.date,
        slots: day
            .slots
            .iter()
            .map(|slot| SlotView {
                time: slot.time.to_string(),
                state: slot.state.as_str(),
                catch_up: slot.catch_up,
            })
            .collect(),
        done,
        target: s.target,
        due: due.map(|k| day.slots[k].time.to_string()),
        paused_until,
        next_at,
        snooze_minutes,
        waiting: planner::waiting(day),
        tray: messages::tray_menu(&TrayFacts {
            done,
            target: s.target,
            next_at,
            due: due.is_some(),
            paused_until,
            snooze_minutes,
            today: day.date,
        }),
    }
}

fn reconcile(tx: &Tx, now: Now) -> Result<Tick, ServiceError> {
    let settings = store::settings::load(tx)?;
    let s = Schedule::of(&settings);
    let mut day = day(tx, &s, now)?;
    let paused_until = rows::active_pause(tx, now.local)?;
    let decision = planner::decide(&s, &day, now.local, paused_until);
    let mut fire = Vec::new();
    for action in &decision.actions {
        if let Action::Fire { slot, catch_up } = action {
            fire.push((
                *slot,
                messages::stretch_reminder(
                    planner::done_today(&day) + 1,
                    s.target,
                    *catch_up,
                    settings.snooze_minutes,
                ),
            ));
        }
    }
    planner::apply(&mut day, &decision.actions, now.local);
    for action in &decision.actions {
        let k = match *action {
            Action::Fire { slot, .. }
            | Action::Missed { slot }
            | Action::Skipped { slot }
            | Action::NotNeeded { slot } => slot,
        };
        rows::save_slot(tx, day.date, &day.slots[k], now.utc)?;
    }
    // Look again at midnight at the latest: a new day is planned then.
    let midnight = (day.date + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .expect("midnight");
    let next = Some(decision.next.map_or(midnight, |n| n.min(midnight)));
    let fire = fire
        .into_iter()
        .map(|(k, reminder)| Due {
            showing: Showing {
                date: day.date,
                time: day.slots[k].time,
                // The time the slot keeps (to the second), not `now` itself.
                at: match day.slots[k].state {
                    SlotState::Shown { at } => at,
                    _ => now.local,
                },
            },
            reminder,
        })
        .collect();
    Ok(Tick {
        fire,
        view: view(&s, &day, now, paused_until, settings.snooze_minutes),
        next,
    })
}

/// Reconciles today's reminders with the clock: records what was missed, fires what is
/// due. Called at start-up and each time the scheduler wakes.
pub fn tick(store: &mut Store, now: Now) -> Result<Tick, ServiceError> {
    store.write(|tx| reconcile(tx, now))
}

/// Where a reminder that fell due reached the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// A notification server accepted it (the show call returned an id).
    Notification,
    /// None did: the app's window was brought forward with it.
    Window,
}

/// Records how each reminder of a [`Tick`] was delivered: `shown` only for one a
/// notification server accepted, `window` for one shown in the app's window instead.
pub fn delivered(
    store: &mut Store,
    now: Now,
    deliveries: &[(Showing, Delivery)],
) -> Result<(), ServiceError> {
    store.write(|tx| {
        for (showing, how) in deliveries {
            let outcome = match how {
                Delivery::Notification => "shown",
                Delivery::Window => "window",
            };
            rows::record_delivery(tx, showing.date, showing.time, outcome, now.utc)?;
        }
        Ok(())
    })
}

/// The reminders as the window shows them, worked out without writing anything: the
/// day as stored (or as it would be planned), with what is due decided in memory. For
/// the first screen while the full integrity check is owed (the store refuses writes
/// until then); the scheduler's next wake-up records and delivers the same decisions.
pub fn preview(store: &mut Store, now: Now) -> Result<RemindersView, ServiceError> {
    store.read(|tx| {
        let settings = store::settings::load(tx)?;
        let s = Schedule::of(&settings);
        let mut day = rows::load_day(tx, now.today)?.unwrap_or_else(|| s.plan_day(now.today));
        let paused_until = rows::active_pause(tx, now.local)?;
        let decision = planner::decide(&s, &day, now.local, paused_until);
        planner::apply(&mut day, &decision.actions, now.local);
        Ok(view(&s, &day, now, paused_until, settings.snooze_minutes))
    })
}

/// The state for the window: the day reconciled first; the caller delivers `fire`.
pub fn reminders(store: &mut Store, now: Now) -> Result<Tick, ServiceError> {
    tick(store, now)
}

/// How the user answers a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Done,
    Snooze,
    Skip,
}

impl Answer {
    pub fn parse(text: &str) -> Result<Answer, InvalidInput> {
        match text {
            "done" => Ok(Answer::Done),
            "snooze" => Ok(Answer::Snooze),
            "skip" => Ok(Answer::Skip),
            other => Err(InvalidInput::new(
                "answer",
                format!("Answer must be done, snooze or skip (got \"{other}\")."),
            )),
        }
    }
}

impl Answer {
    /// The answer a notification's action gives; opening the window answers nothing.
    pub fn of_action(action: ReminderAction) -> Option<Answer> {
        match action {
            ReminderAction::Open => None,
            ReminderAction::Done => Some(Answer::Done),
            ReminderAction::Snooze => Some(Answer::Snooze),
            ReminderAction::Skip => Some(Answer::Skip),
        }
    }
}

/// Answers the reminder waiting now (from the tray or the window). Like every call below
/// it reconciles the day too, so the caller delivers `fire` (a reminder may fall due at
/// that very moment) and shows the view.
pub fn answer(store: &mut Store, now: Now, answer: Answer) -> Result<Tick, ServiceError> {
    store.write(|tx| {
        let settings = store::settings::load(tx)?;
        let s = Schedule::of(&settings);
        let day = day(tx, &s, now)?;
        let Some(k) = planner::due(&day).or_else(|| {
            // A snoozed reminder can also be answered before it comes back.
            day.slots
                .iter()
                .position(|slot| matches!(slot.state, SlotState::Snoozed { .. }))
        }) else {
            return Err(
                InvalidInput::new("answer", "No reminder is waiting for an answer.").into(),
            );
        };
        settle(tx, now, day, k, answer, settings.snooze_minutes)
    })
}

/// Answers the reminder shown as `showing` from its notification: exactly as [`answer`]
/// does, but only while that showing is the reminder waiting now. Answered elsewhere,
/// snoozed, replaced by a later reminder or of another day, it records nothing and
/// returns `None`.
pub fn answer_showing(
    store: &mut Store,
    now: Now,
    showing: &Showing,
    answer: Answer,
) -> Result<Option<Tick>, ServiceError> {
    if showing.date != now.today {
        return Ok(None);
    }
    store.write(|tx| {
        let Some(day) = rows::load_day(tx, showing.date)? else {
            return Ok(None);
        };
        let Some(k) = planner::answerable(&day, showing) else {
            return Ok(None);
        };
        let settings = store::settings::load(tx)?;
        settle(tx, now, day, k, answer, settings.snooze_minutes).map(Some)
    })
}

/// Stores `answer` for slot `k` of `day` (and the stretch, for Done), then reconciles.
fn settle(
    tx: &Tx,
    now: Now,
    mut day: Day,
    k: usize,
    answer: Answer,
    snooze_minutes: u8,
) -> Result<Tick, ServiceError> {
    day.slots[k].state = match answer {
        Answer::Done => SlotState::Done,
        Answer::Skip => SlotState::Skipped,
        Answer::Snooze => SlotState::Snoozed {
            until: now.local + Duration::minutes(i64::from(snooze_minutes)),
        },
    };
    rows::save_slot(tx, day.date, &day.slots[k], now.utc)?;
    if answer == Answer::Done {
        store::program::insert_stretch(tx, now.utc, day.date, "reminder")?;
    }
    reconcile(tx, now)
}

/// Pause lengths offered in the tray and the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseFor {
    Hour,
    RestOfToday,
    UntilTomorrow,
}

impl PauseFor {
    pub fn parse(text: &str) -> Result<PauseFor, InvalidInput> {
        match text {
            "hour" => Ok(PauseFor::Hour),
            "today" => Ok(PauseFor::RestOfToday),
            "tomorrow" => Ok(PauseFor::UntilTomorrow),
            other => Err(InvalidInput::new(
                "pause",
                format!("Pause must be hour, today or tomorrow (got \"{other}\")."),
            )),
        }
    }
}

/// Pauses reminders; the pause is stored and ends by itself.
pub fn pause(store: &mut Store, now: Now, length: PauseFor) -> Result<Tick, ServiceError> {
    store.write(|tx| {
        let settings = store::settings::load(tx)?;
        let tomorrow = now.today + Duration::days(1);
        let (until, reason) = match length {
            PauseFor::Hour => (now.local + Duration::hours(1), "hour"),
            PauseFor::RestOfToday => (tomorrow.and_hms_opt(0, 0, 0).expect("midnight"), "today"),
            PauseFor::UntilTomorrow => (at(tomorrow, settings.reminder_window_start), "tomorrow"),
        };
        rows::insert_pause(tx, now.utc, until, reason)?;
        reconcile(tx, now)
    })
}

/// Pauses until a given local time, which must be in the future and within a week.
pub fn pause_until(store: &mut Store, now: Now, until: &str) -> Result<Tick, ServiceError> {
    let parsed = NaiveDateTime::parse_from_str(until.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(until.trim(), "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .filter(|t| *t > now.local && *t <= now.local + Duration::days(7))
        .ok_or_else(|| {
            InvalidInput::new(
                "until",
                format!(
                    "Pause until must be a time after now ({}) and within 7 days (got \"{}\").",
                    now.local.format("%Y-%m-%d %H:%M"),
                    until.trim()
                ),
            )
        })?;
    store.write(|tx| {
        rows::insert_pause(tx, now.utc, parsed, "until")?;
        reconcile(tx, now)
    })
}

pub fn resume(store: &mut Store, now: Now) -> Result<Tick, ServiceError> {
    store.write(|tx| {
        rows::end_pauses(tx, now.utc)?;
        reconcile(tx, now)
    })
}

/// After the reminder settings change: today's slots that have not happened yet are
/// planned again from the new settings (those already shown or answered stay).
pub fn replan_today(store: &mut Store, now: Now) -> Result<Tick, ServiceError> {
    store.write(|tx| replan(tx, now))
}

/// [`replan_today`] inside a caller's transaction (a change of settings).
pub(super) fn replan(tx: &Tx, now: Now) -> Result<Tick, ServiceError> {
    let s = schedule(tx)?;
    let today = now.today;
    if rows::load_day(tx, today)?.is_some() {
        rows::drop_pending(tx, today)?;
        let later: Vec<ClockTime> = s
            .slot_times()
            .into_iter()
            .filter(|t| at(today, *t) >= now.local - Duration::minutes(1))
            .collect();
        rows::plan_slots(tx, today, &later)?;
    }
    reconcile(tx, now)
}

fn at(date: NaiveDate, time: ClockTime) -> NaiveDateTime {
    date.and_hms_opt(
        u32::from(time.minutes() / 60),
        u32::from(time.minutes() % 60),
        0,
    )
    .expect("a valid time")
}
