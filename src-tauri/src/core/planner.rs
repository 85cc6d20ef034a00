//! The stretch-reminder planner: pure and sans-IO. From the settings, the day's record
//! and the local wall-clock time it plans the day's slots and says what to do now.
//!
//! Rules (capability 4 of the product brief, `../shared/PRODUCT.md` beside the repository):
//! - A day is a local calendar day; a slot is a wall-clock time on it, so daylight-saving
//!   and time-zone changes move no slot (only the instant it falls on).
//! - A slot fires at its time. A slot found more than the grace period late (the laptop
//!   was asleep or off) is recorded as missed, never fired late; of the slots found late
//!   but within the grace period (and, for slots spread through the window, before its
//!   end) only the latest fires, once, as a catch-up: at most one catch-up per wake-up.
//! - Once the day's target is met (reminders answered "Done" plus stretches logged by
//!   hand) the remaining slots are "not needed".
//! - While a pause lasts, slots that come due are recorded as skipped; the pause ends by
//!   itself at its time.
//! - A fired reminder stays pending until answered; a snoozed one fires again when its
//!   snooze ends (or is missed if that is long past).

use super::settings::{ClockTime, Settings};
use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;

/// A reminder fired more than this after its time counts as a catch-up: the scheduler
/// wakes at the slot's instant or on its one-minute tick, so only a gap makes it later.
pub const LATE_AFTER_MINUTES: i64 = 2;

/// What happened to a slot. `Pending` is the only state that can still fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum SlotState {
    Pending,
    /// Fired, waiting for an answer.
    Shown {
        at: NaiveDateTime,
    },
    Snoozed {
        until: NaiveDateTime,
    },
    Done,
    Skipped,
    Missed,
    NotNeeded,
}

impl SlotState {
    pub fn as_str(self) -> &'static str {
        match self {
            SlotState::Pending => "pending",
            SlotState::Shown { .. } => "shown",
            SlotState::Snoozed { .. } => "snoozed",
            SlotState::Done => "done",
            SlotState::Skipped => "skipped",
            SlotState::Missed => "missed",
            SlotState::NotNeeded => "not_needed",
        }
    }

    /// Settled: nothing more will happen to this slot today.
    pub fn is_settled(self) -> bool {
        matches!(
            self,
            SlotState::Done | SlotState::Skipped | SlotState::Missed | SlotState::NotNeeded
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Slot {
    pub time: ClockTime,
    pub state: SlotState,
    /// Fired as a catch-up after a gap.
    pub catch_up: bool,
}

/// One local day's reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub slots: Vec<Slot>,
    /// Stretches logged by hand today (answers "Done" are counted from the slots).
    pub logged: u32,
}

/// The reminder settings the planner reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub target: u8,
    pub window_start: ClockTime,
    pub window_end: ClockTime,
    /// Fixed times chosen by the user; when empty the slots are spread through the window.
    pub fixed: Vec<ClockTime>,
    pub grace_minutes: u16,
    pub snooze_minutes: u16,
}

impl Schedule {
    pub fn of(s: &Settings) -> Schedule {
        Schedule {
            target: s.stretches_per_day,
            window_start: s.reminder_window_start,
            window_end: s.reminder_window_end,
            fixed: s.fixed_times.clone(),
            grace_minutes: s.grace_minutes,
            snooze_minutes: u16::from(s.snooze_minutes),
        }
    }

    /// The day's slot times: the fixed times, or `target` times spread evenly from the
    /// window's start to its end (4 between 08:00 and 21:00: 08:00, 12:20, 16:40, 21:00).
    pub fn slot_times(&self) -> Vec<ClockTime> {
        if !self.fixed.is_empty() {
            let mut times = self.fixed.clone();
            times.sort();
            times.dedup();
            return times;
        }
        let n = u32::from(self.target.max(1));
        let start = u32::from(self.window_start.minutes());
        let span = u32::from(
            self.window_end
                .minutes()
                .saturating_sub(self.window_start.minutes()),
        );
        (0..n)
            .map(|k| {
                let offset = if n == 1 { 0 } else { span * k / (n - 1) };
                ClockTime::from_minutes((start + offset) as u16).expect("inside the day")
            })
            .collect()
    }

    /// A fresh day: every slot pending.
    pub fn plan_day(&self, date: NaiveDate) -> Day {
        Day {
            date,
            slots: self
                .slot_times()
                .into_iter()
                .map(|time| Slot {
                    time,
                    state: SlotState::Pending,
                    catch_up: false,
                })
                .collect(),
            logged: 0,
        }
    }
}

/// A change to record, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Action {
    /// Show the reminder for slot `slot` (a catch-up when fired after a gap).
    Fire {
        slot: usize,
        catch_up: bool,
    },
    Missed {
        slot: usize,
    },
    /// Came due during a pause.
    Skipped {
        slot: usize,
    },
    NotNeeded {
        slot: usize,
    },
}

/// What to do now, and when to look again (the scheduler also wakes on its own tick).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub actions: Vec<Action>,
    pub next: Option<NaiveDateTime>,
}

fn at(date: NaiveDate, time: ClockTime) -> NaiveDateTime {
    date.and_hms_opt(
        u32::from(time.minutes() / 60),
        u32::from(time.minutes() % 60),
        0,
    )
    .expect("a valid time")
}

/// Stretches that count toward the day's target.
pub fn done_today(day: &Day) -> u32 {
    day.slots
        .iter()
        .filter(|s| s.state == SlotState::Done)
        .count() as u32
        + day.logged
}

/// What to do at local time `now` for `day` (which must be `now`'s date), given an active
/// pause ending at `paused_until`. Apply the actions to the day, in order, then call again
/// at `next` or on the next tick.
pub fn decide(
    schedule: &Schedule,
    day: &Day,
    now: NaiveDateTime,
    paused_until: Option<NaiveDateTime>,
) -> Decision {
    let grace = Duration::minutes(i64::from(schedule.grace_minutes));
    let paused = paused_until.is_some_and(|until| now < until);
    let mut actions = Vec::new();

    if done_today(day) >= u32::from(schedule.target) {
        for (k, slot) in day.slots.iter().enumerate() {
            if !slot.state.is_settled() {
                actions.push(Action::NotNeeded { slot: k });
            }
        }
        return Decision {
            actions,
            next: None,
        };
    }

    let window_end = at(day.date, schedule.window_end);
    let spread = schedule.fixed.is_empty();
    let mut catch_up: Option<usize> = None;
    let mut next: Option<NaiveDateTime> = None;
    let mut consider = |t: NaiveDateTime| next = Some(next.map_or(t, |n: NaiveDateTime| n.min(t)));

    for (k, slot) in day.slots.iter().enumerate() {
        // When this slot wants attention, if it is waiting for a time at all.
        let due = match slot.state {
            SlotState::Pending => at(day.date, slot.time),
            SlotState::Snoozed { until } => until,
            _ => continue,
        };
        if now < due {
            consider(due);
            continue;
        }
        if paused {
            actions.push(Action::Skipped { slot: k });
            continue;
        }
        let late = now - due;
        let past_window =
            spread && now > window_end && late > Duration::minutes(LATE_AFTER_MINUTES);
        if late > grace || past_window {
            actions.push(Action::Missed { slot: k });
        } else if late <= Duration::minutes(LATE_AFTER_MINUTES) {
            actions.push(Action::Fire {
                slot: k,
                catch_up: false,
            });
        } else {
            // Late but within the grace period: only the latest such slot fires.
            if let Some(earlier) = catch_up.replace(k) {
                actions.push(Action::Missed { slot: earlier });
            }
        }
    }
    if let Some(k) = catch_up {
        actions.push(Action::Fire {
            slot: k,
            catch_up: true,
        });
    }
    if let Some(until) = paused_until.filter(|u| now < *u) {
        consider(until);
    }
    Decision { actions, next }
}

/// Applies `actions` to `day` at `now`.
pub fn apply(day: &mut Day, actions: &[Action], now: NaiveDateTime) {
    for action in actions {
        match *action {
            Action::Fire { slot, catch_up } => {
                // To the second, as the store keeps it: a notification names its showing
                // by this time, and must still match once the day is read back.
                let at = now.with_nanosecond(0).unwrap_or(now);
                day.slots[slot].state = SlotState::Shown { at };
                day.slots[slot].catch_up |= catch_up;
            }
            Action::Missed { slot } => day.slots[slot].state = SlotState::Missed,
            Action::Skipped { slot } => day.slots[slot].state = SlotState::Skipped,
            Action::NotNeeded { slot } => day.slots[slot].state = SlotState::NotNeeded,
        }
    }
}

/// The reminder waiting for an answer, if any (the latest shown).
pub fn due(day: &Day) -> Option<usize> {
    day.slots
        .iter()
        .rposition(|s| matches!(s.state, SlotState::Shown { .. }))
}

/// A reminder as it was shown: its day, its slot's time and when it fired. A snoozed
/// reminder that comes back fires again at a new time, so each showing has its own key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Showing {
    pub date: NaiveDate,
    pub time: ClockTime,
    pub at: NaiveDateTime,
}

/// The reminder waiting for an answer, as a [`Showing`].
pub fn waiting(day: &Day) -> Option<Showing> {
    let k = due(day)?;
    match day.slots[k].state {
        SlotState::Shown { at } => Some(Showing {
            date: day.date,
            time: day.slots[k].time,
            at,
        }),
        _ => None,
    }
}

/// The slot an answer given on `showing` (a notification's button) may still settle:
/// only the reminder waiting now, shown at that very time. Answered elsewhere, snoozed,
/// followed by a later reminder, or of another day, it is none: a late click on a stale
/// notification records nothing.
pub fn answerable(day: &Day, showing: &Showing) -> Option<usize> {
    (waiting(day) == Some(*showing)).then(|| due(day)).flatten()
}

/// The next slot still to come after `now`, for the tray's "next at 16:40".
pub fn next_slot(day: &Day, now: NaiveDateTime) -> Option<NaiveDateTime> {
    day.slots
        .iter()
        .filter_map(|s| match s.state {
            SlotState::Pending => Some(at(day.date, s.time)),
            SlotState::Snoozed { until } => Some(until),
            _ => None,
        })
        .filter(|t| *t > now)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn schedule() -> Schedule {
        Schedule::of(&Settings::default())
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveDateTime {
        date().and_hms_opt(h, m, 0).unwrap()
    }

    fn times(day: &Day) -> Vec<String> {
        day.slots.iter().map(|s| s.time.to_string()).collect()
    }

    fn states(day: &Day) -> Vec<&'static str> {
        day.slots.iter().map(|s| s.state.as_str()).collect()
    }

    /// Runs the planner at `now` and applies what it says; returns the actions.
    fn step(
        s: &Schedule,
        day: &mut Day,
        now: NaiveDateTime,
        pause: Option<NaiveDateTime>,
    ) -> Vec<Action> {
        let d = decide(s, day, now, pause);
        apply(day, &d.actions, now);
        d.actions
    }

    fn answer(day: &mut Day, slot: usize, state: SlotState) {
        day.slots[slot].state = state;
    }

    #[test]
    fn a_showing_is_kept_to_the_second_as_the_store_keeps_it() {
        let s = schedule();
        let mut day = s.plan_day(date());
        let now = hm(8, 0) + Duration::milliseconds(1500);
        step(&s, &mut day, now, None);
        assert_eq!(waiting(&day).map(|w| w.at), Some(hm(8, 0) + Duration::seconds(1)));
    }

    #[test]
    fn only_the_reminder_waiting_now_as_it_was_shown_can_be_answered_from_its_notification() {
        let s = Schedule {
            fixed: vec![ClockTime::hm(10, 0).unwrap(), ClockTime::hm(11, 0).unwrap()],
            ..schedule()
        };
        let mut day = s.plan_day(date());
        assert_eq!(waiting(&day), None);
        step(&s, &mut day, hm(10, 0), None);
        let first = waiting(&day).expect("the 10:00 reminder waits");
        assert_eq!((first.time, first.at), (ClockTime::hm(10, 0).unwrap(), hm(10, 0)));
        assert_eq!(answerable(&day, &first), Some(0));
        // Another day's, or the same slot shown at another time: not this one.
        let yesterday = Showing {
            date: date().pred_opt().unwrap(),
            ..first
        };
        assert_eq!(answerable(&day, &yesterday), None);
        let earlier = Showing {
            at: hm(9, 59),
            ..first
        };
        assert_eq!(answerable(&day, &earlier), None);

        // Answered elsewhere (done, skipped): nothing left to answer.
        for answered in [SlotState::Done, SlotState::Skipped, SlotState::Missed] {
            let mut d = day.clone();
            answer(&mut d, 0, answered);
            assert_eq!(answerable(&d, &first), None, "{answered:?}");
        }
        // Snoozed, then back: the new showing is answerable, the old one is not.
        let mut d = day.clone();
        answer(&mut d, 0, SlotState::Snoozed { until: hm(10, 15) });
        assert_eq!(answerable(&d, &first), None);
        step(&s, &mut d, hm(10, 15), None);
        let again = waiting(&d).unwrap();
        assert_eq!(answerable(&d, &again), Some(0));
        assert_eq!(answerable(&d, &first), None);

        // A later reminder fired while the first waited: only the later one.
        step(&s, &mut day, hm(11, 0), None);
        let second = waiting(&day).unwrap();
        assert_eq!(answerable(&day, &second), Some(1));
        assert_eq!(answerable(&day, &first), None);
    }

    #[test]
    fn four_slots_are_spread_from_the_start_to_the_end_of_the_window() {
        let day = schedule().plan_day(date());
        assert_eq!(times(&day), ["08:00", "12:20", "16:40", "21:00"]);
        let three = Schedule {
            target: 3,
            ..schedule()
        };
        assert_eq!(times(&three.plan_day(date())), ["08:00", "14:30", "21:00"]);
        let fixed = Schedule {
            fixed: vec![ClockTime::hm(18, 0).unwrap(), ClockTime::hm(9, 0).unwrap()],
            ..schedule()
        };
        assert_eq!(times(&fixed.plan_day(date())), ["09:00", "18:00"]);
    }

    #[test]
    fn a_normal_day_fires_each_slot_at_its_time_and_waits_in_between() {
        let s = schedule();
        let mut day = s.plan_day(date());
        let d = decide(&s, &day, hm(7, 0), None);
        assert_eq!((d.actions.len(), d.next), (0, Some(hm(8, 0))));
        assert_eq!(
            step(&s, &mut day, hm(8, 0), None),
            [Action::Fire {
                slot: 0,
                catch_up: false
            }]
        );
        // Pending until answered: nothing new fires, the next slot is the next wake-up.
        let d = decide(&s, &day, hm(8, 30), None);
        assert_eq!((d.actions.len(), d.next), (0, Some(hm(12, 20))));
        // Each answered, the next fires at its time.
        for (slot, time) in [(1, hm(12, 21)), (2, hm(16, 40)), (3, hm(21, 0))] {
            answer(&mut day, slot - 1, SlotState::Done);
            assert_eq!(
                step(&s, &mut day, time, None),
                [Action::Fire {
                    slot,
                    catch_up: false
                }],
                "slot {slot}"
            );
        }
        answer(&mut day, 3, SlotState::Done);
        assert_eq!(done_today(&day), 4);
        assert_eq!(
            decide(&s, &day, hm(22, 0), None),
            Decision {
                actions: vec![],
                next: None
            }
        );
    }

    #[test]
    fn asleep_from_10_to_15_misses_the_slot_long_past_and_never_bursts() {
        let s = schedule();
        let mut day = s.plan_day(date());
        step(&s, &mut day, hm(8, 0), None);
        answer(&mut day, 0, SlotState::Done);
        // Woken at 15:00: 12:20 is 2 h 40 late, beyond the 60-minute grace: missed, not fired.
        assert_eq!(
            step(&s, &mut day, hm(15, 0), None),
            [Action::Missed { slot: 1 }]
        );
        assert_eq!(states(&day), ["done", "missed", "pending", "pending"]);
        // Woken at 13:00 instead: 40 minutes late, within grace: one catch-up.
        let mut day = s.plan_day(date());
        answer(&mut day, 0, SlotState::Done);
        assert_eq!(
            step(&s, &mut day, hm(13, 0), None),
            [Action::Fire {
                slot: 1,
                catch_up: true
            }]
        );
        assert!(day.slots[1].catch_up);
        assert!(
            step(&s, &mut day, hm(13, 1), None).is_empty(),
            "fired once only"
        );
    }

    #[test]
    fn after_a_gap_at_most_one_catch_up_fires_and_the_earlier_slots_are_missed() {
        let s = Schedule {
            fixed: ["09:00", "09:30", "10:00", "10:30"]
                .iter()
                .map(|t| ClockTime::parse(t).unwrap())
                .collect(),
            ..schedule()
        };
        let mut day = s.plan_day(date());
        let actions = step(&s, &mut day, hm(10, 45), None);
        assert_eq!(
            actions,
            [
                Action::Missed { slot: 0 },
                Action::Missed { slot: 1 },
                Action::Missed { slot: 2 },
                Action::Fire {
                    slot: 3,
                    catch_up: true
                }
            ]
        );
    }

    #[test]
    fn powered_off_overnight_the_old_day_is_left_and_the_new_day_starts_fresh() {
        let s = schedule();
        let mut day = s.plan_day(date());
        step(&s, &mut day, hm(21, 0), None); // 08:00–16:40 long past: missed; 21:00 fires
        assert_eq!(states(&day), ["missed", "missed", "missed", "shown"]);
        // Next morning at 07:30 the service plans a new day; nothing from yesterday fires.
        let tomorrow = s.plan_day(date().succ_opt().unwrap());
        let d = decide(
            &s,
            &tomorrow,
            date().succ_opt().unwrap().and_hms_opt(7, 30, 0).unwrap(),
            None,
        );
        assert!(d.actions.is_empty());
    }

    #[test]
    fn late_evening_after_the_window_nothing_catches_up() {
        let s = schedule();
        let mut day = s.plan_day(date());
        for k in 0..3 {
            answer(&mut day, k, SlotState::Done);
        }
        // 21:00 was 30 minutes ago (within grace) but the window is over.
        assert_eq!(
            step(&s, &mut day, hm(21, 30), None),
            [Action::Missed { slot: 3 }]
        );
    }

    #[test]
    fn wall_clock_slots_survive_daylight_saving_changes() {
        // Local wall-clock times: on spring-forward day 02:00–03:00 does not exist and on
        // fall-back day 01:00–02:00 happens twice. A slot at 02:30 is reached when the clock
        // reads 03:00 after the jump (fired, not lost); a slot at 01:30 fires on the first
        // pass and is never fired again on the second.
        let s = Schedule {
            fixed: vec![ClockTime::hm(2, 30).unwrap()],
            grace_minutes: 60,
            ..schedule()
        };
        let mut day = s.plan_day(date());
        assert_eq!(step(&s, &mut day, hm(1, 59), None), []);
        assert_eq!(
            step(&s, &mut day, hm(3, 0), None),
            [Action::Fire {
                slot: 0,
                catch_up: true
            }]
        );
        let s = Schedule {
            fixed: vec![ClockTime::hm(1, 30).unwrap()],
            ..schedule()
        };
        let mut day = s.plan_day(date());
        assert_eq!(
            step(&s, &mut day, hm(1, 30), None),
            [Action::Fire {
                slot: 0,
                catch_up: false
            }]
        );
        // The clock falls back to 01:00 and passes 01:30 again.
        assert_eq!(step(&s, &mut day, hm(1, 0), None), []);
        assert_eq!(step(&s, &mut day, hm(1, 31), None), []);
    }

    #[test]
    fn a_time_zone_change_moves_no_slot_on_the_wall_clock() {
        // Flying east: the local clock jumps from 09:00 to 12:00. The 12:20 slot still fires
        // at 12:20 local; the 08:00 slot already done stays done.
        let s = schedule();
        let mut day = s.plan_day(date());
        step(&s, &mut day, hm(8, 0), None);
        answer(&mut day, 0, SlotState::Done);
        assert_eq!(step(&s, &mut day, hm(12, 0), None), []);
        assert_eq!(decide(&s, &day, hm(12, 0), None).next, Some(hm(12, 20)));
        assert_eq!(
            step(&s, &mut day, hm(12, 20), None),
            [Action::Fire {
                slot: 1,
                catch_up: false
            }]
        );
    }

    #[test]
    fn meeting_the_target_by_hand_settles_the_rest_of_the_day() {
        let s = schedule();
        let mut day = s.plan_day(date());
        step(&s, &mut day, hm(8, 0), None);
        answer(&mut day, 0, SlotState::Done);
        day.logged = 3;
        let actions = step(&s, &mut day, hm(9, 0), None);
        assert_eq!(
            actions,
            [
                Action::NotNeeded { slot: 1 },
                Action::NotNeeded { slot: 2 },
                Action::NotNeeded { slot: 3 }
            ]
        );
        assert_eq!(decide(&s, &day, hm(12, 20), None).actions, []);
    }

    #[test]
    fn snooze_fires_again_when_it_ends_and_skip_settles() {
        let s = schedule();
        let mut day = s.plan_day(date());
        step(&s, &mut day, hm(8, 0), None);
        answer(&mut day, 0, SlotState::Snoozed { until: hm(8, 15) });
        let d = decide(&s, &day, hm(8, 5), None);
        assert_eq!((d.actions.len(), d.next), (0, Some(hm(8, 15))));
        assert_eq!(
            step(&s, &mut day, hm(8, 15), None),
            [Action::Fire {
                slot: 0,
                catch_up: false
            }]
        );
        answer(&mut day, 0, SlotState::Skipped);
        assert_eq!(step(&s, &mut day, hm(8, 30), None), []);
        assert_eq!(done_today(&day), 0, "a skip is not a stretch");
    }

    #[test]
    fn a_pause_until_tomorrow_skips_the_rest_and_ends_by_itself() {
        let s = schedule();
        let mut day = s.plan_day(date());
        answer(&mut day, 0, SlotState::Done);
        let until = date().succ_opt().unwrap().and_hms_opt(8, 0, 0).unwrap();
        assert_eq!(
            decide(&s, &day, hm(10, 0), Some(until)).next,
            Some(hm(12, 20))
        );
        assert_eq!(
            step(&s, &mut day, hm(12, 20), Some(until)),
            [Action::Skipped { slot: 1 }]
        );
        assert_eq!(
            step(&s, &mut day, hm(21, 0), Some(until)),
            [Action::Skipped { slot: 2 }, Action::Skipped { slot: 3 }]
        );
        // Tomorrow, after the pause's end, the new day fires normally.
        let next_day = date().succ_opt().unwrap();
        let mut tomorrow = s.plan_day(next_day);
        let now = next_day.and_hms_opt(8, 0, 0).unwrap();
        assert_eq!(
            step(&s, &mut tomorrow, now, Some(until)),
            [Action::Fire {
                slot: 0,
                catch_up: false
            }]
        );
        // A one-hour pause: the slot inside it is skipped, the next one fires.
        let mut day = s.plan_day(date());
        answer(&mut day, 0, SlotState::Done);
        let hour = hm(13, 0);
        assert_eq!(
            step(&s, &mut day, hm(12, 20), Some(hour)),
            [Action::Skipped { slot: 1 }]
        );
        assert_eq!(
            decide(&s, &day, hm(12, 30), Some(hour)).next,
            Some(hm(13, 0)),
            "wakes when the pause ends"
        );
        assert_eq!(
            step(&s, &mut day, hm(16, 40), Some(hour)),
            [Action::Fire {
                slot: 2,
                catch_up: false
            }]
        );
    }

    #[test]
    fn a_window_crossing_no_slot_fixed_times_outside_it_still_fire() {
        let s = Schedule {
            window_start: ClockTime::hm(8, 0).unwrap(),
            window_end: ClockTime::hm(10, 0).unwrap(),
            fixed: vec![ClockTime::hm(18, 0).unwrap()],
            ..schedule()
        };
        let mut day = s.plan_day(date());
        assert_eq!(step(&s, &mut day, hm(9, 0), None), []);
        assert_eq!(
            step(&s, &mut day, hm(18, 0), None),
            [Action::Fire {
                slot: 0,
                catch_up: false
            }]
        );
        assert_eq!(next_slot(&day, hm(18, 0)), None);
        assert_eq!(due(&day), Some(0));
    }

    proptest! {
        /// Any sequence of wake-ups through a day: no slot fires twice, at most one
        /// catch-up per wake-up, and every slot is settled or still waiting at the end.
        #[test]
        fn no_slot_fires_twice_and_at_most_one_catch_up_follows_a_gap(
            mut wakes in prop::collection::vec(0u32..(24 * 60), 1..60),
            target in 3u8..=4,
            grace in 15u16..=180,
            answers in prop::collection::vec(0u8..4, 60),
        ) {
            wakes.sort_unstable();
            let s = Schedule { target, grace_minutes: grace, ..schedule() };
            let mut day = s.plan_day(date());
            let mut fired = vec![0u32; day.slots.len()];
            for (i, minute) in wakes.iter().enumerate() {
                let now = hm(minute / 60, minute % 60);
                let actions = step(&s, &mut day, now, None);
                let catch_ups = actions.iter().filter(|a| matches!(a, Action::Fire { catch_up: true, .. })).count();
                prop_assert!(catch_ups <= 1, "{catch_ups} catch-ups at once");
                for a in &actions {
                    if let Action::Fire { slot, .. } = a {
                        fired[*slot] += 1;
                        let late = now - at(day.date, day.slots[*slot].time);
                        prop_assert!(late <= Duration::minutes(i64::from(grace)), "fired {late} late");
                    }
                }
                // The user answers (or not) what is due.
                if let Some(k) = due(&day) {
                    match answers[i] {
                        0 => answer(&mut day, k, SlotState::Done),
                        1 => answer(&mut day, k, SlotState::Skipped),
                        _ => {}
                    }
                }
            }
            prop_assert!(fired.iter().all(|&n| n <= 1), "fired: {fired:?}");
        }
    }
}
