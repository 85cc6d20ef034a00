use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Monday 2 March 2026.
fn start() -> NaiveDate {
    d(2026, 3, 2)
}

fn plus(n: i64) -> NaiveDate {
    start() + Duration::days(n)
}

fn walk_jog(id: i64, day: i64, sets: u8, pain: u8) -> Run {
    Run {
        id,
        date: plus(day),
        sets: Some(sets),
        minutes: None,
        pain,
        note: String::new(),
        override_rule: None,
    }
}

fn minutes(id: i64, day: i64, minutes: u16, pain: u8) -> Run {
    Run {
        id,
        date: plus(day),
        sets: None,
        minutes: Some(minutes),
        pain,
        note: String::new(),
        override_rule: None,
    }
}

/// Runs that pass weeks 1–4 cleanly: 2,3,4,5 sets on days 0,2,4,6 and 7+0.., then three
/// 20-minute runs in weeks 3 and 4.
fn four_clean_weeks() -> Vec<Run> {
    let mut runs = Vec::new();
    let mut id = 0;
    for (wk, base) in [(1, 0), (2, 7)] {
        let _ = wk;
        for (i, sets) in [2, 3, 4, 5].into_iter().enumerate() {
            id += 1;
            runs.push(walk_jog(id, base + 2 * i as i64, sets, 0));
        }
    }
    for base in [14, 21] {
        for day in [0, 1, 3] {
            id += 1;
            runs.push(minutes(id, base + day, 20, 0));
        }
    }
    runs
}

#[test]
fn the_weeks_are_the_guides() {
    assert_eq!(PLAN.len(), 8);
    assert_eq!(
        week(1).shape,
        Shape::Intervals {
            walk_minutes: 5,
            jog_minutes: 1
        }
    );
    assert_eq!(
        week(2).shape,
        Shape::Intervals {
            walk_minutes: 5,
            jog_minutes: 5
        }
    );
    assert_eq!(week(3).shape, Shape::Continuous { minutes: 20 });
    assert_eq!(week(4).shape, Shape::Continuous { minutes: 20 });
    for w in 1..=2 {
        assert_eq!(week(w).spacing, Spacing::AlternateDays);
    }
    for w in 3..=4 {
        assert_eq!(week(w).spacing, Spacing::FiveInSeven);
    }
    for w in 5..=8 {
        assert_eq!(week(w).shape, Shape::Target);
    }
    assert!(week(4).what.contains("normal training pace"));
}

#[test]
fn a_plan_with_no_runs_is_week_one_and_waits() {
    let s = state(start(), &[], &[], plus(20));
    assert_eq!(s.week, 1);
    assert!(!s.goal_met);
    assert_eq!(s.latest().kind, DecisionKind::Started);
}

#[test]
fn four_pain_free_weeks_reach_week_five_each_on_its_eighth_day() {
    let runs = four_clean_weeks();
    for (day, want) in [
        (6, 1),
        (7, 2),
        (13, 2),
        (14, 3),
        (20, 3),
        (21, 4),
        (27, 4),
        (28, 5),
    ] {
        let s = state(start(), &runs, &[], plus(day));
        assert_eq!(s.week, want, "on day {day}");
    }
    let s = state(start(), &runs, &[], plus(28));
    let advanced: Vec<_> = s
        .decisions
        .iter()
        .filter(|x| x.kind == DecisionKind::Advanced)
        .collect();
    assert_eq!(advanced.len(), 4);
    assert_eq!(advanced[0].date, plus(7));
    assert_eq!(
        advanced[0].reason,
        "Week 2 started: week 1 was done without pain."
    );
}

#[test]
fn a_week_lasts_at_least_seven_days_even_when_the_goal_comes_early() {
    let runs = vec![walk_jog(1, 0, 5, 0)];
    assert_eq!(state(start(), &runs, &[], plus(6)).week, 1);
    assert!(state(start(), &runs, &[], plus(6)).goal_met);
    assert_eq!(state(start(), &runs, &[], plus(7)).week, 2);
}

#[test]
fn a_week_runs_over_until_its_goal_is_met() {
    let runs = vec![
        walk_jog(1, 0, 2, 0),
        walk_jog(2, 2, 3, 0),
        walk_jog(3, 9, 4, 0),
    ];
    let s = state(start(), &runs, &[], plus(12));
    assert_eq!(s.week, 1, "no 5-set run yet");
    assert_eq!(s.last_sets, Some(4));
    let mut more = runs.clone();
    more.push(walk_jog(4, 11, 5, 0));
    assert_eq!(
        state(start(), &more, &[], plus(11)).week,
        1,
        "passed the day after the goal"
    );
    assert_eq!(state(start(), &more, &[], plus(12)).week, 2);
}

#[test]
fn pain_holds_the_week_and_it_starts_again_the_next_day() {
    let runs = vec![
        walk_jog(1, 0, 2, 0),
        walk_jog(2, 2, 3, 4),
        walk_jog(3, 4, 5, 0),
    ];
    let s = state(start(), &runs, &[], plus(8));
    assert_eq!(s.week, 1, "the 5-set run came 2 days into the new attempt");
    assert_eq!(s.week_start, plus(3));
    let held = s
        .decisions
        .iter()
        .find(|x| x.kind == DecisionKind::Held)
        .unwrap();
    assert_eq!(held.date, plus(3));
    assert!(held.reason.contains("pain 4/10"), "{}", held.reason);
    assert!(
        held.reason.contains("Week 1 starts again"),
        "{}",
        held.reason
    );
    // Seven days after the restart, with the goal met, week 2 begins.
    assert_eq!(state(start(), &runs, &[], plus(10)).week, 2);
}

#[test]
fn pain_again_before_the_week_is_passed_steps_back_a_week() {
    let mut runs = four_clean_weeks();
    runs.truncate(11); // weeks 1-2 and two runs of week 3
    runs.push(minutes(20, 17, 20, 3));
    let s = state(start(), &runs, &[], plus(18));
    assert_eq!((s.week, s.latest().kind), (3, DecisionKind::Held));
    runs.push(minutes(21, 19, 20, 2));
    let s = state(start(), &runs, &[], plus(20));
    assert_eq!((s.week, s.latest().kind), (2, DecisionKind::SteppedBack));
    assert_eq!(s.week_start, plus(20));
    assert!(
        s.latest().reason.starts_with("Back to week 2"),
        "{}",
        s.latest().reason
    );
}

#[test]
fn week_one_never_steps_back_below_one() {
    let runs = vec![
        walk_jog(1, 0, 2, 5),
        walk_jog(2, 2, 2, 5),
        walk_jog(3, 4, 2, 5),
    ];
    let s = state(start(), &runs, &[], plus(6));
    assert_eq!(s.week, 1);
    assert!(s
        .decisions
        .iter()
        .skip(1)
        .all(|x| x.kind == DecisionKind::Held));
}

#[test]
fn weeks_three_and_four_need_three_runs_of_twenty_minutes() {
    let mut runs: Vec<Run> = four_clean_weeks().into_iter().take(8).collect();
    runs.push(minutes(30, 14, 20, 0));
    runs.push(minutes(31, 15, 15, 0)); // too short to count
    runs.push(minutes(32, 17, 20, 0));
    let s = state(start(), &runs, &[], plus(21));
    assert_eq!((s.week, s.runs_this_week), (3, 2));
    runs.push(minutes(33, 21, 20, 0));
    assert_eq!(state(start(), &runs, &[], plus(22)).week, 4);
}

#[test]
fn weeks_five_to_eight_count_runs_of_the_runners_target_and_then_finish() {
    let mut runs = four_clean_weeks();
    let targets = vec![
        Target {
            week: 5,
            minutes: 25,
            focus: Focus::Volume,
        },
        Target {
            week: 6,
            minutes: 30,
            focus: Focus::Speed,
        },
    ];
    let mut id = 100;
    for (base, mins) in [(28, 25), (35, 30), (42, 30), (49, 30)] {
        for day in [0, 2, 4] {
            id += 1;
            runs.push(minutes(id, base + day, mins, 0));
        }
    }
    assert_eq!(state(start(), &runs, &targets, plus(34)).minutes, Some(25));
    assert_eq!(state(start(), &runs, &targets, plus(35)).week, 6);
    assert_eq!(state(start(), &runs, &targets, plus(42)).week, 7);
    assert_eq!(
        state(start(), &runs, &targets, plus(42)).minutes,
        Some(30),
        "week 7 keeps week 6's target"
    );
    let done = state(start(), &runs, &targets, plus(56));
    assert!(done.finished);
    assert_eq!(done.latest().kind, DecisionKind::Finished);
    assert_eq!(today_run(&done, &runs, plus(56)).kind, "finished");
}

#[test]
fn target_steps_are_small() {
    assert_eq!(target_range(&[], 5), (10, 25));
    let targets = vec![Target {
        week: 5,
        minutes: 60,
        focus: Focus::Volume,
    }];
    assert_eq!(target_range(&targets, 6), (10, 66));
    assert!(check_minutes("target_minutes", &Whole::from(67), 10, 66).is_err());
    assert!(check_target_week(&Whole::from(4), 3).is_err());
    assert!(check_target_week(&Whole::from(9), 5).is_err());
    assert_eq!(check_target_week(&Whole::from(6), 5), Ok(6));
    assert!(
        check_target_week(&Whole::from(5), 6).is_err(),
        "a past week's target is not changed"
    );
}

#[test]
fn alternate_days_in_weeks_one_and_two() {
    let runs = vec![walk_jog(1, 4, 2, 0)];
    let next = check_spacing(&runs, 1, plus(5)).unwrap_err();
    assert_eq!(next.rule, "alternate_days");
    assert!(next.reason.contains("alternate days"), "{}", next.reason);
    assert_eq!(
        check_spacing(&runs, 2, plus(3)).unwrap_err().rule,
        "alternate_days",
        "a day before counts too"
    );
    assert_eq!(
        check_spacing(&runs, 1, plus(4)).unwrap_err().rule,
        "one_a_day"
    );
    assert!(check_spacing(&runs, 1, plus(6)).is_ok());
    assert!(
        check_spacing(&runs, 3, plus(5)).is_ok(),
        "week 3 allows consecutive days"
    );
}

#[test]
fn no_sixth_day_in_seven_in_weeks_three_and_four() {
    let runs: Vec<Run> = (0..5).map(|i| minutes(i, 14 + i, 20, 0)).collect();
    assert_eq!(
        check_spacing(&runs, 3, plus(19)).unwrap_err().rule,
        "five_in_seven"
    );
    assert_eq!(
        check_spacing(&runs, 4, plus(20)).unwrap_err().rule,
        "five_in_seven"
    );
    assert!(
        check_spacing(&runs, 4, plus(21)).is_ok(),
        "day 21 starts a new 7 without day 14"
    );
    assert!(
        check_spacing(&runs, 5, plus(19)).is_ok(),
        "weeks 5-8 go as tolerated"
    );
}

#[test]
fn the_calendar_plans_alternate_days_and_marks_too_soon() {
    let runs = vec![walk_jog(1, 0, 2, 0)];
    let s = state(start(), &runs, &[], plus(0));
    let cal = calendar(&s, &runs, plus(0));
    let kinds: Vec<DayKind> = cal.iter().map(|x| x.kind).collect();
    use DayKind::*;
    assert_eq!(
        kinds,
        vec![Done, TooSoon, Planned, TooSoon, Planned, TooSoon, Planned]
    );
    assert!(cal[0].today);
    let t = today_run(&s, &runs, plus(1));
    assert_eq!(t.kind, "rest");
    let t = today_run(&s, &runs, plus(2));
    assert_eq!((t.kind, t.sets), ("run", Some(3)));
    assert!(
        t.text.contains("3 sets of walk 5 minutes, jog 1 minute"),
        "{}",
        t.text
    );
}

#[test]
fn the_calendar_is_seven_calendar_days_across_month_ends_and_clock_changes() {
    // Weeks that cross a month end, the spring-forward weekend (29 March 2026 in Europe)
    // and the fall-back one (25 October 2026): days are calendar days, never 23 or 25 h.
    for first in [
        d(2026, 1, 29),
        d(2026, 3, 26),
        d(2026, 10, 22),
        d(2028, 2, 26),
    ] {
        let s = state(first, &[], &[], first);
        let cal = calendar(&s, &[], first);
        assert_eq!(cal.len(), 7);
        for pair in cal.windows(2) {
            assert_eq!(pair[1].date - pair[0].date, Duration::days(1));
        }
        let runs = vec![Run {
            id: 1,
            date: first,
            sets: Some(5),
            minutes: None,
            pain: 0,
            note: String::new(),
            override_rule: None,
        }];
        assert_eq!(state(first, &runs, &[], first + Duration::days(7)).week, 2);
    }
}

#[test]
fn bad_input_names_the_field_and_range() {
    assert_eq!(pain::check(&Whole::from(11)).unwrap_err().field, "pain");
    assert!(pain::check(&Whole::from(-1))
        .unwrap_err()
        .message
        .contains("0 to 10"));
    assert!(check_sets(&Whole::from(0))
        .unwrap_err()
        .message
        .contains("1 to 10"));
    assert!(check_minutes("minutes", &Whole::from(0), 1, MAX_MINUTES).is_err());
    assert!(
        check_minutes("minutes", &Whole::from(100_000), 1, MAX_MINUTES)
            .unwrap_err()
            .message
            .contains("1 to 300")
    );
    assert!(note::check("note", &"x".repeat(2001)).is_err());
    assert_eq!(note::check("note", "  fine  ").unwrap(), "fine");
}

/// Logs runs the way the app does: each on a day the rules allow, in the week the plan
/// is in on that day.
fn simulate(steps: &[(u8, u8, u16, u8)]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut day = 0i64;
    for (i, &(gap, sets, mins, pain)) in steps.iter().enumerate() {
        day += gap as i64;
        let date = plus(day);
        let s = state(start(), &runs, &[], date);
        if check_spacing(&runs, s.week, date).is_err() {
            continue;
        }
        let run = if logs_sets(s.week) {
            Run {
                id: i as i64,
                date,
                sets: Some(sets),
                minutes: None,
                pain,
                note: String::new(),
                override_rule: None,
            }
        } else {
            Run {
                id: i as i64,
                date,
                sets: None,
                minutes: Some(mins),
                pain,
                note: String::new(),
                override_rule: None,
            }
        };
        runs.push(run);
    }
    runs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever was logged, the calendar never plans consecutive days in weeks 1–2 nor
    /// more than 5 days in any 7 in weeks 3–4, and the week stays within 1–8.
    #[test]
    fn the_calendar_keeps_the_spacing_rules(
        steps in proptest::collection::vec((1u8..4, 1u8..7, 10u16..40, prop_oneof![4 => Just(0u8), 1 => 1u8..8]), 0..40),
        look in 0i64..120,
    ) {
        let runs = simulate(&steps);
        let today = plus(look);
        let s = state(start(), &runs, &[], today);
        prop_assert!((1..=WEEKS).contains(&s.week));
        let cal = calendar(&s, &runs, today);
        let mut busy: std::collections::BTreeSet<NaiveDate> = runs.iter().map(|r| r.date).collect();
        for day in &cal {
            if day.kind == DayKind::Planned {
                prop_assert!(day.date >= today);
                busy.insert(day.date);
            }
        }
        for day in cal.iter().filter(|x| x.kind == DayKind::Planned) {
            match week(s.week).spacing {
                Spacing::AlternateDays => {
                    prop_assert!(!busy.contains(&(day.date - Duration::days(1))), "planned {} after a run", day.date);
                    prop_assert!(!busy.contains(&(day.date + Duration::days(1))), "planned {} before a run", day.date);
                }
                Spacing::FiveInSeven => {
                    prop_assert!(!crowded(&busy, day.date), "more than 5 in 7 around {}", day.date);
                }
                Spacing::AsTolerated => {}
            }
        }
        // The rules themselves held for every accepted run in weeks 1-2.
        for r in &runs {
            let w = state(start(), &runs.iter().filter(|x| x.date < r.date).cloned().collect::<Vec<_>>(), &[], r.date).week;
            if w <= 2 {
                let before: Vec<Run> = runs.iter().filter(|x| x.date < r.date).cloned().collect();
                prop_assert!(check_spacing(&before, w, r.date).is_ok());
            }
        }
    }

    /// The state on a later day never undoes a decision made earlier.
    #[test]
    fn decisions_only_grow(
        steps in proptest::collection::vec((1u8..4, 1u8..7, 10u16..40, prop_oneof![4 => Just(0u8), 1 => 1u8..8]), 0..30),
        a in 0i64..90, b in 0i64..90,
    ) {
        let runs = simulate(&steps);
        let (early, late) = (a.min(b), a.max(b));
        let e = state(start(), &runs, &[], plus(early));
        let l = state(start(), &runs, &[], plus(late));
        prop_assert!(l.decisions.len() >= e.decisions.len());
        prop_assert_eq!(&l.decisions[..e.decisions.len()], &e.decisions[..]);
    }
}

fn gate(open: bool) -> GateStatus {
    GateStatus {
        gate: super::super::protocol::Gate::Running,
        name: "Running",
        open,
        reason: "Closed: the back plank with leg lifts hurt.".into(),
        test_id: "back_plank",
    }
}

fn entry<'a>(date: &'a str, sets: i64, minutes: i64, pain: i64) -> RunEntry<'a> {
    RunEntry {
        date,
        sets: Whole::from(sets),
        minutes: Whole::from(minutes),
        pain: Whole::from(pain),
        note: "",
        override_rule: None,
    }
}

#[test]
fn admission_checks_fields_by_the_weeks_shape_then_the_gate_and_spacing() {
    let runs = vec![walk_jog(1, 0, 2, 0)];
    let plan = Some(Logged {
        started_on: start(),
        runs: &runs,
        targets: &[],
    });
    let today = plus(2);
    // No plan: refused before anything else.
    assert!(matches!(
        admit_run(None, &gate(true), today, &entry("2026-03-04", 2, 0, 0)),
        Err(Refusal::Invalid(e)) if e.field == "plan"
    ));
    // Week 1 logs sets: minutes are not asked for, sets are checked.
    let run = admit_run(plan, &gate(true), today, &entry("2026-03-04", 3, 0, 0)).unwrap();
    assert_eq!((run.sets, run.minutes), (Some(3), None));
    assert!(matches!(
        admit_run(plan, &gate(true), today, &entry("2026-03-04", 0, 20, 0)),
        Err(Refusal::Invalid(e)) if e.field == "sets"
    ));
    // The day after a run breaks alternate days; named as the override, it is admitted.
    let next_day = entry("2026-03-03", 3, 0, 0);
    let Err(Refusal::Rule(b)) = admit_run(plan, &gate(true), today, &next_day) else {
        panic!("alternate days")
    };
    assert_eq!(b.rule, "alternate_days");
    let anyway = RunEntry {
        override_rule: Some("alternate_days"),
        ..next_day
    };
    let run = admit_run(plan, &gate(true), today, &anyway).unwrap();
    assert_eq!(run.override_rule.as_deref(), Some("alternate_days"));
    // A closed gate is a rule too, with the gate's reason.
    let Err(Refusal::Rule(b)) = admit_run(plan, &gate(false), today, &entry("2026-03-04", 3, 0, 0))
    else {
        panic!("gate")
    };
    assert_eq!(b.rule, "gate_closed");
    assert!(b.reason.ends_with("hurt."));
    // Pain off the scale is a field error, before any rule.
    assert!(matches!(
        admit_run(plan, &gate(false), today, &entry("2026-03-04", 3, 0, 11)),
        Err(Refusal::Invalid(e)) if e.field == "pain"
    ));
}

#[test]
fn logs_sets_follows_the_weeks_shape() {
    for w in 1..=WEEKS {
        assert_eq!(
            logs_sets(w),
            matches!(week(w).shape, Shape::Intervals { .. }),
            "week {w}"
        );
    }
    assert!(logs_sets(1) && logs_sets(2) && !logs_sets(3));
}

#[test]
fn a_start_needs_the_gate_and_a_day_within_reach() {
    let today = plus(20);
    assert_eq!(admit_start(&gate(true), false, false, None, today), Ok(today));
    let back = today - Duration::days(START_BACK_DAYS);
    assert_eq!(
        admit_start(&gate(true), false, false, Some(&back.to_string()), today),
        Ok(back)
    );
    let too_far = back - Duration::days(1);
    assert_eq!(
        admit_start(&gate(true), false, false, Some(&too_far.to_string()), today)
            .unwrap_err()
            .field,
        "start_date"
    );
    assert_eq!(
        admit_start(&gate(false), false, false, None, today)
            .unwrap_err()
            .field,
        "plan"
    );
    assert!(admit_start(&gate(true), true, false, None, today).is_err());
    assert!(admit_start(&gate(true), true, true, None, today).is_ok());
    // The start form's field offers exactly the days admitted.
    let field = start_days(today);
    assert_eq!((field.value, field.min, field.max), (today, back, today));
    let first = admit_start(&gate(true), false, false, Some(&field.min.to_string()), today);
    assert_eq!(first, Ok(field.min));
}

/// Years of painful runs in week one (it never steps back below one, so its count of
/// painful runs only grows): the count stops at its top instead of overflowing (a debug
/// build panicked on the Today screen of ten years of data).
#[test]
fn years_of_painful_runs_in_week_one_do_not_overflow_the_count() {
    let runs: Vec<Run> = (0..400).map(|i| walk_jog(i + 1, i * 2, 2, 3)).collect();
    let s = state(start(), &runs, &[], plus(800));
    assert_eq!(s.week, 1);
}
