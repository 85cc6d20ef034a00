use super::*;
use crate::core::progression::{progress, today_dose, Entry, Log, Rules};
use crate::core::says;
use chrono::{Duration, NaiveDate, TimeZone, Utc};

const BRIDGE: usize = 0;
const PLANK: usize = 1;
/// Done on each leg in turn.
const BRIDGE_LEG_LIFT: usize = 2;

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + Duration::days(n)
}

fn session(id: i64, n: i64, entries: Vec<Entry>) -> Session {
    Session {
        id,
        started_at: Utc.from_utc_datetime(&day(n).and_hms_opt(9, 0, 0).unwrap()),
        date: day(n),
        entries,
    }
}

fn entry(exercise: usize, sets: &[u16], pain: Option<u8>) -> Entry {
    Entry {
        exercise,
        sets: sets.to_vec(),
        pain,
    }
}

/// The dose of `index` at `built` sets (the full dose from 3).
fn dose(index: usize, built: u8) -> TodayDose {
    today_dose(index, built, Rules::default(), true)
}

#[test]
fn the_count_names_the_next_set_while_the_dose_asks_for_more() {
    let bridge = &LADDER[BRIDGE];
    assert_eq!(set_count(bridge, &dose(BRIDGE, 1), 0, false), "Set 1 of 1");
    assert_eq!(set_count(bridge, &dose(BRIDGE, 2), 1, false), "Set 2 of 2");
    // At the full dose the sets asked are a range.
    assert_eq!(
        set_count(bridge, &dose(BRIDGE, 3), 0, false),
        "Set 1 of 3–4"
    );
    // A hold is counted in holds, a one-leg exercise says so.
    assert_eq!(
        set_count(&LADDER[PLANK], &dose(PLANK, 1), 0, false),
        "Hold 1 of 1"
    );
    assert_eq!(
        set_count(
            &LADDER[BRIDGE_LEG_LIFT],
            &dose(BRIDGE_LEG_LIFT, 2),
            0,
            false
        ),
        "Set 1 of 2 (each leg)"
    );
}

#[test]
fn the_count_says_when_the_sets_saved_make_the_dose_or_what_they_still_need() {
    let bridge = &LADDER[BRIDGE];
    assert_eq!(
        set_count(bridge, &dose(BRIDGE, 1), 1, true),
        "1 set saved: today's dose is done."
    );
    assert_eq!(
        set_count(bridge, &dose(BRIDGE, 3), 3, true),
        "3 sets saved: today's dose is done."
    );
    // Enough sets, but too short to count: the count names what each must reach.
    assert_eq!(
        set_count(bridge, &dose(BRIDGE, 2), 2, false),
        "2 sets saved: today's dose is done once 2 of them reach 10 repetitions."
    );
    assert_eq!(
        set_count(&LADDER[PLANK], &dose(PLANK, 1), 1, false),
        "1 hold saved: today's dose is done once one of them reaches 10 seconds."
    );
}

#[test]
fn each_set_is_listed_and_confirmed_in_its_unit() {
    assert_eq!(set_line(&LADDER[BRIDGE], 2, 12), "Set 2: 12 repetitions");
    assert_eq!(set_line(&LADDER[PLANK], 1, 15), "Hold 1: 15 seconds");
    assert_eq!(saved_line(&LADDER[BRIDGE], 1), "Set saved: 1 repetition.");
    assert_eq!(saved_line(&LADDER[PLANK], 1), "Hold saved: 1 second.");
    assert_eq!(position(0, 2), "Exercise 1 of 2");
}

#[test]
fn the_stepper_has_the_amount_range_and_starts_at_the_last_set_or_the_dose() {
    let bridge = stepper(BRIDGE, &dose(BRIDGE, 3), &[]);
    let range = amount_range(BRIDGE);
    assert_eq!(
        (bridge.min, bridge.max, bridge.step),
        (range.min, range.max, STEP)
    );
    // The most the dose asks of one set, then the last set saved.
    assert_eq!(bridge.start, dose(BRIDGE, 3).amount.max);
    assert_eq!(stepper(BRIDGE, &dose(BRIDGE, 3), &[12, 11]).start, 11);
    assert_eq!(bridge.label, "Repetitions");
    assert_eq!(
        (bridge.fewer, bridge.more),
        ("Fewer repetitions", "More repetitions")
    );

    let plank = stepper(PLANK, &dose(PLANK, 1), &[]);
    assert_eq!(plank.label, "Hold for (seconds)");
    assert_eq!(plank.max, amount_range(PLANK).max);
    assert_eq!(plank.start, dose(PLANK, 1).amount.max);
    says(plank.save, "without the timer");
    assert_eq!(
        stepper(BRIDGE_LEG_LIFT, &dose(BRIDGE_LEG_LIFT, 1), &[]).label,
        "Repetitions (each leg)"
    );
}

#[test]
fn the_stepper_never_starts_outside_its_range() {
    // A set saved under an older limit (or read from an edited file) is clamped.
    let s = stepper(BRIDGE, &dose(BRIDGE, 3), &[u16::MAX]);
    assert_eq!(s.start, s.max);
    let s = stepper(BRIDGE, &dose(BRIDGE, 3), &[0]);
    assert_eq!(s.start, s.min);
}

#[test]
fn the_steps_are_open_only_until_the_exercise_has_a_set_in_an_earlier_session() {
    let first = session(1, 0, vec![entry(BRIDGE, &[10], Some(0))]);
    let second = session(2, 1, vec![entry(BRIDGE, &[10, 10], None)]);
    let log = vec![first.clone(), second.clone()];
    assert!(steps_open(&log, 1, BRIDGE), "the first time it is shown");
    assert!(!steps_open(&log, 2, BRIDGE), "shown the day before");
    // Another exercise, never done before, shows open.
    assert!(steps_open(&log, 2, PLANK));
    // A later session does not count, nor sets saved in this one.
    assert!(steps_open(&[second.clone(), first.clone()], 1, BRIDGE));
    // A pain score without a set is not a showing.
    let pain_only = session(1, 0, vec![entry(PLANK, &[], Some(2))]);
    let next = session(2, 1, vec![]);
    assert!(steps_open(&[pain_only, next], 2, PLANK));
    // Two sessions the same day: the order they started in decides.
    let morning = session(5, 3, vec![entry(PLANK, &[12], Some(0))]);
    let mut evening = session(6, 3, vec![]);
    evening.started_at += Duration::hours(8);
    assert!(!steps_open(&[evening.clone(), morning.clone()], 6, PLANK));
    assert!(steps_open(&[evening, morning], 5, PLANK));
    // A session the log does not hold yet shows them open.
    assert!(steps_open(&log, 99, BRIDGE));
}

#[test]
fn the_timer_words_carry_the_count_in_and_their_placeholders() {
    assert_eq!(TIMER.count_in, COUNT_IN_SECONDS);
    says(TIMER.get_ready, "{n}");
    for words in [TIMER.begin, TIMER.holding] {
        says(words, "{target}");
    }
    says(TIMER.holding, "{held}");
    says(TIMER.done, "{held}");
}

#[test]
fn the_line_under_the_exercises_counts_those_left_to_score() {
    assert_eq!(scoring_left(0), "Every exercise has its pain score.");
    says(&scoring_left(1), "1 exercise still to score.");
    says(&scoring_left(3), "3 exercises still to score.");
}

/// Three days that build the bridge to the full dose at 0/10: the third unlocks the plank.
fn three_days() -> Log {
    Log {
        sessions: vec![
            session(1, 0, vec![entry(BRIDGE, &[10], Some(0))]),
            session(2, 1, vec![entry(BRIDGE, &[10, 10], Some(0))]),
            session(3, 2, vec![entry(BRIDGE, &[12, 12, 12], Some(0))]),
        ],
        ..Log::default()
    }
}

#[test]
fn the_summary_lists_what_was_done_with_the_pain_and_what_it_unlocked() {
    let log = three_days();
    let after = progress(&log, Rules::default());
    assert_eq!(after.level, PLANK, "the plank is unlocked");
    let s = summary(&log.sessions[2], BRIDGE, &after);
    assert_eq!(s.title, "Session finished");
    assert_eq!(s.done.len(), 1);
    assert_eq!(s.done[0].name, LADDER[BRIDGE].name);
    assert_eq!(s.done[0].sets, "3 sets: 12, 12 and 12 repetitions");
    assert_eq!(s.done[0].pain, "Pain 0/10");
    assert_eq!(s.changes, ["Front plank is unlocked."]);
    assert_eq!(s.decision, after.decision);
    says(s.ladder_title, "ladder");
}

#[test]
fn the_summary_without_an_unlock_gives_the_decision_and_says_what_is_missing() {
    let mut log = three_days();
    log.sessions.truncate(1);
    let after = progress(&log, Rules::default());
    let s = summary(&log.sessions[0], BRIDGE, &after);
    assert_eq!(s.changes, [format!("{}.", after.decision.headline)]);
    assert_eq!(s.done[0].sets, "1 set: 10 repetitions");

    // Exercises in ladder order, a hold in holds and seconds, nothing saved said so.
    let odd = session(
        7,
        4,
        vec![entry(PLANK, &[1], None), entry(BRIDGE, &[], Some(3))],
    );
    let s = summary(&odd, PLANK, &after);
    let lines: Vec<_> = s
        .done
        .iter()
        .map(|d| (d.sets.as_str(), d.pain.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            ("No sets saved", "Pain 3/10"),
            ("1 hold: 1 second", "No pain score given"),
        ]
    );
}

#[test]
fn changes_name_every_exercise_unlocked_in_order() {
    let after = progress(&three_days(), Rules::default());
    let mut two_up = after.clone();
    two_up.level = 3;
    assert_eq!(
        changes(BRIDGE, &two_up),
        [
            format!("{} is unlocked.", LADDER[1].name),
            format!("{} is unlocked.", LADDER[2].name),
            format!("{} is unlocked.", LADDER[3].name),
        ]
    );
    // A step back unlocks nothing: the decision's headline.
    assert_eq!(
        changes(2, &after),
        [format!("{}.", after.decision.headline)]
    );
}
