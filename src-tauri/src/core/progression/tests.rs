use super::*;
use crate::core::says;
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
        dose_builds_up: true,
    }
}

fn log_of(sessions: Vec<Session>) -> Log {
    Log {
        sessions,
        ..Log::default()
    }
}

/// The sessions, each followed the next morning by a check-in back at 0/10 (so with pain
/// allowed, the morning check lets every one of them count).
fn settled_log(sessions: Vec<Session>) -> Log {
    let mornings = sessions
        .iter()
        .map(|s| Morning {
            at: s.started_at + Duration::days(1) - Duration::hours(1),
            date: s.date + Duration::days(1),
            pain: 0,
        })
        .collect();
    Log {
        sessions,
        mornings,
        ..Log::default()
    }
}

/// A day long before `day(0)`, for the sessions that bring a test to its start.
fn early(k: u32) -> NaiveDate {
    day(0) - Duration::days(400) + Duration::days(i64::from(k))
}

/// A log, all before `day(0)`, that reaches step `level` under `r` with that step's dose
/// built up to the full dose: one session a day of every unlocked exercise in full at
/// 0/10, each with a settled next morning. A test adds its own sessions after it, so a
/// session of step `level` in full at `day(0)` or later is judged at the full dose.
fn ready(level: usize, r: Rules) -> Log {
    let mut log = Log::default();
    let mut k = 0;
    loop {
        let p = progress(&log, r);
        if p.level == level && p.doses[level].full {
            return log;
        }
        assert!(p.level <= level, "passed step {level}");
        let date = early(k);
        log.sessions.push(Session {
            id: 10_000 + i64::from(k),
            started_at: Utc.from_utc_datetime(&date.and_hms_opt(8, 0, 0).unwrap()),
            date,
            entries: (0..=p.level).map(|i| full(i, 0)).collect(),
        });
        log.mornings.push(Morning {
            at: Utc.from_utc_datetime(&date.and_hms_opt(7, 0, 0).unwrap()) + Duration::days(1),
            date: date + Duration::days(1),
            pain: 0,
        });
        k += 1;
    }
}

/// `base` with more sessions and mornings.
fn then(mut base: Log, sessions: Vec<Session>, mornings: Vec<Morning>) -> Log {
    base.sessions.extend(sessions);
    base.mornings.extend(mornings);
    base
}

/// The days a new exercise takes to build up to the full dose.
fn build_days() -> u32 {
    u32::from((full_sets() - START_SETS).div_ceil(SETS_ADDED))
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
        "Front plank unlocks once the double-leg glute bridge has built up to the full dose (1 of 3 sets so far), then after one session at the full dose at 0/10 pain or less."
    );
    says(&p.decision.reason, "with 1 set while the dose builds up");
    assert_eq!(p.doses.len(), 1);
    assert_eq!(p.doses[0].text, "Today: 1 set of 10 repetitions.");
    assert_eq!(p.steps[0].status, Status::Current);
    assert!(p.steps[1..].iter().all(|s| s.status == Status::Locked));
    assert_eq!(p.session_exercises().len(), 1);
    assert!(p.changes.is_empty());
}

#[test]
fn every_step_builds_up_then_unlocks_after_one_pain_free_full_dose_session() {
    // One session a day of every unlocked exercise in full: each step takes its build-up
    // days, then the one full-dose session that unlocks the next.
    let per_step = build_days() + 1;
    let mut sessions = Vec::new();
    let total = LADDER.len() as u32 * per_step + 2;
    for n in 0..total {
        let prior = progress(&log_of(sessions.clone()), Rules::default());
        let (before, was_full) = (prior.level, prior.doses[prior.level].full);
        sessions.push(whole_session(i64::from(n), n, before, 0));
        let p = progress(&log_of(sessions.clone()), Rules::default());
        let expected = (((n + 1) / per_step) as usize).min(LADDER.len() - 1);
        assert_eq!(p.level, expected, "after {} sessions", n + 1);
        assert_eq!(
            p.session_exercises().len(),
            expected + 1,
            "today's session is cumulative"
        );
        assert_eq!(p.doses.len(), expected + 1);
        if expected > before {
            assert_eq!(p.decision.kind, DecisionKind::Unlocked);
            assert_eq!(
                p.decision.headline,
                format!("{} is unlocked", LADDER[expected].name)
            );
            assert_eq!(p.since, Some(day(n)));
            says(&p.decision.reason, "within your limit of 0/10");
            assert!(
                !p.doses[expected].full,
                "a new exercise starts below the full dose"
            );
            assert!(p.doses[..expected].iter().all(|d| d.full));
        } else if !was_full {
            assert_eq!(p.decision.kind, DecisionKind::Building, "{:?}", p.decision);
            says(&p.decision.reason, "only sessions at the full dose count");
        } else {
            assert_eq!(expected, LADDER.len() - 1);
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
    // The front plank unlocked and built up to the full dose, before day 0.
    let base = ready(1, Rules::default());
    let mut s = vec![whole_session(2, 1, 1, 4)];
    let p = progress(&then(base.clone(), s.clone(), vec![]), Rules::default());
    assert_eq!((p.level, p.decision.kind), (1, DecisionKind::Hold));
    assert_eq!(p.decision.headline, "Holding at the front plank");
    assert_eq!(
        p.decision.reason,
        "Your session on Mon 2 Mar 2026 reached 4/10 in front plank, above your limit of 0/10."
    );
    assert_eq!(p.decision.suggested_step, None);

    s.push(whole_session(3, 2, 1, 5));
    let p = progress(&then(base.clone(), s.clone(), vec![]), Rules::default());
    assert_eq!((p.level, p.decision.kind), (1, DecisionKind::StepBack));
    assert_eq!(p.decision.suggested_step, Some(0));
    assert_eq!(
        p.decision.headline,
        "Consider stepping back to the double-leg glute bridge"
    );
    says(&p.decision.reason, "2 sessions in a row");

    // A pain-free full session clears it and counts.
    s.push(whole_session(4, 3, 1, 0));
    let p = progress(&then(base, s, vec![]), Rules::default());
    assert_eq!((p.level, p.decision.kind), (2, DecisionKind::Unlocked));
}

#[test]
fn pain_in_a_lower_exercise_holds_too() {
    let s = vec![Session {
        id: 2,
        started_at: at(1, 8),
        date: day(1),
        entries: vec![full(0, 3), full(1, 0)],
    }];
    let p = progress(
        &then(ready(1, Rules::default()), s, vec![]),
        Rules::default(),
    );
    assert_eq!((p.level, p.decision.kind), (1, DecisionKind::Hold));
    says(&p.decision.reason, "3/10 in double-leg glute bridge");
}

#[test]
fn the_allowed_pain_setting_decides_what_counts() {
    for allowed in 0..=5u8 {
        for pain in 0..=10u8 {
            let r = rules(allowed, 1);
            let session = settled_log(vec![whole_session(1, 0, 0, pain)]);
            let p = progress(&then(ready(0, r), session.sessions, session.mornings), r);
            if pain <= allowed {
                assert_eq!(p.level, 1, "pain {pain} with limit {allowed}");
                says(
                    &p.decision.reason,
                    &format!("within your limit of {allowed}/10"),
                );
            } else {
                assert_eq!(
                    (p.level, p.decision.kind),
                    (0, DecisionKind::Hold),
                    "pain {pain} with limit {allowed}"
                );
                says(
                    &p.decision.reason,
                    &format!("above your limit of {allowed}/10"),
                );
            }
            says(&p.decision.next, &format!("at {allowed}/10 pain or less"));
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
            let base = ready(0, r);
            let settled = |sessions: &[Session]| {
                let l = settled_log(sessions.to_vec());
                then(base.clone(), l.sessions, l.mornings)
            };
            let short = progress(&settled(&sessions[..sessions.len() - 1]), r);
            assert_eq!(
                (short.level, short.streak),
                (0, needed - 1),
                "limit {allowed}, {needed} needed, one short"
            );
            let p = progress(&settled(&sessions), r);
            assert_eq!(p.level, 1, "limit {allowed}, {needed} needed");
            assert_eq!(p.needed, needed);
            let over = progress(&settled(&[whole_session(9, 0, 0, allowed + 1)]), r);
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
    let base = ready(0, r);
    let with = |s: &[Session]| then(base.clone(), s.to_vec(), vec![]);
    let mut s = vec![whole_session(1, 0, 0, 0), whole_session(2, 1, 0, 0)];
    let p = progress(&with(&s), r);
    assert_eq!(
        (p.level, p.streak, p.decision.kind),
        (0, 2, DecisionKind::Continue)
    );
    assert_eq!(
        p.decision.next,
        "Front plank unlocks after 1 more session of double-leg glute bridge in full at 0/10 pain or less (2 of 3 done)."
    );
    s.push(whole_session(3, 2, 0, 2)); // painful: back to zero
    let p = progress(&with(&s), r);
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
    let p = progress(&with(&s), r);
    assert_eq!(
        (p.streak, p.decision.kind),
        (0, DecisionKind::NotCounted),
        "two sets are not the full dose"
    );
    says(&p.decision.reason, "had 2 of the 3 full sets");
    for n in 4..7 {
        s.push(whole_session(i64::from(n) + 1, n, 0, 0));
    }
    assert_eq!(progress(&with(&s), r).level, 1);
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
    let base = ready(0, r);
    let p = progress(
        &then(base.clone(), vec![morning.clone(), evening], vec![]),
        r,
    );
    assert_eq!((p.level, p.streak), (0, 1));
    let p = progress(
        &then(base, vec![morning, whole_session(3, 1, 0, 0)], vec![]),
        r,
    );
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
    let base = ready(0, r);
    assert_eq!(
        progress(&then(base.clone(), vec![late.clone()], vec![]), r).streak,
        1
    );
    assert_eq!(
        progress(&then(base, vec![late, morning], vec![]), r).level,
        1
    );
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
    let base = ready(0, r);
    assert_eq!(
        progress(&then(base.clone(), vec![s1.clone(), s2], vec![]), r).level,
        1
    );
    let s3 = Session {
        id: 3,
        started_at: Utc.with_ymd_and_hms(2026, 3, 28, 21, 30, 0).unwrap(),
        date: sat,
        entries: vec![full(0, 0)],
    };
    assert_eq!(progress(&then(base, vec![s1, s3], vec![]), r).level, 0);
}

#[test]
fn moves_by_hand_change_the_step_and_restart_the_count() {
    let mut log = then(
        ready(1, Rules::default()),
        vec![whole_session(2, 1, 1, 0)],
        vec![],
    );
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
    says(&p.decision.reason, "stepped forward");
    // A session after the move is judged at the new step, whose dose starts again at
    // the lowest: it builds up before its sessions count.
    let p = progress(&log, Rules::default());
    assert_eq!(p.doses[2].sets.max, u16::from(START_SETS));
    for n in 4..4 + build_days() {
        log.sessions.push(whole_session(i64::from(n), n, 2, 0));
        let p = progress(&log, Rules::default());
        assert_eq!((p.level, p.decision.kind), (2, DecisionKind::Building));
    }
    log.sessions.push(whole_session(99, 4 + build_days(), 2, 0));
    assert_eq!(progress(&log, Rules::default()).level, 3);
}

#[test]
fn each_session_is_judged_by_the_rules_in_force_when_it_happened() {
    let mut log = then(
        ready(1, rules(0, 1)),
        vec![whole_session(2, 1, 1, 4)],
        vec![],
    );
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
    says(&p.decision.next, "at 5/10 pain or less");
    // ...and the next session at 4/10 counts under the new rule, once its next morning
    // is back to the level before it.
    log.sessions.push(whole_session(3, 2, 1, 4));
    let waiting = progress(&log, rules(5, 1));
    assert_eq!(
        (waiting.level, waiting.decision.kind),
        (1, DecisionKind::Pending)
    );
    log.mornings.push(Morning {
        at: at(3, 7),
        date: day(3),
        pain: 0,
    });
    assert_eq!(progress(&log, rules(5, 1)).level, 2);
}

#[test]
fn unfinished_and_lower_only_sessions_do_not_judge_the_top_step() {
    let mut log = then(
        ready(0, Rules::default()),
        vec![whole_session(1, 0, 0, 0)],
        vec![],
    );
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
    says(
        &check_exercise("pistol_squat", 6).unwrap_err().message,
        "(got \"pistol_squat\")",
    );

    assert_eq!(check_move(2, 1), Ok(1));
    assert_eq!(check_move(2, 3), Ok(3));
    let e = check_move(2, 4).unwrap_err();
    assert_eq!(e.field, "to_step");
    says(
        &e.message,
        "you can go to Front plank or Front plank with leg lifts",
    );
    says(&check_move(0, -1).unwrap_err().message, "from 0 to 6");
    assert!(check_move(6, 7).is_err());
}

/// Per session: days after the previous one, the morning after (0: back to 0/10, 1:
/// worse, at 2/10, 2: not answered), pain, the top's sets.
type SessionSpec = (u8, u8, u8, Vec<u16>);

fn arb_log() -> impl Strategy<Value = (Vec<SessionSpec>, u8, u8)> {
    // Per session: days after the previous one (0 = same day), the morning after, pain,
    // and the sets of the top exercise.
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
    for (i, (gap, after, pain, sets)) in spec.iter().enumerate() {
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
        // The morning after, given at 07:00 the next day (before any session that day).
        if *after < 2 {
            log.mornings.push(Morning {
                at: at(n + 1, 7) + Duration::minutes(i as i64),
                date: day(n + 1),
                pain: if *after == 0 { 0 } else { 2 },
            });
        }
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
        // With pain allowed, only days whose morning was answered and settled can count.
        if allowed > 0 {
            let settled: std::collections::BTreeSet<_> = log.sessions.iter()
                .filter(|s| s.entries.iter().all(|e| e.pain.unwrap_or(0) <= allowed))
                .filter(|s| morning_after(&log, s.date).is_some_and(|m| m <= level_before(&log, s.date)))
                .map(|s| s.date).collect();
            prop_assert!(p.level * usize::from(needed) <= settled.len(), "level {} from {} settled days", p.level, settled.len());
            let unanswered = Log { mornings: Vec::new(), ..log.clone() };
            prop_assert_eq!(progress(&unanswered, r).level, 0, "no morning answered, nothing counts");
        }
        // Without moves by hand the ladder never goes down as sessions are added.
        let mut previous = 0;
        for k in 0..=log.sessions.len() {
            let partial = Log { sessions: log.sessions[..k].to_vec(), mornings: log.mornings.clone(), ..Log::default() };
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

/// Found by `progress_holds_its_invariants_for_any_log`: two pain-free sessions on one day
/// unlocked two steps, the second session counting toward the step the first had just
/// unlocked. Each unlock needs its own days.
#[test]
fn two_sessions_on_one_day_unlock_one_step() {
    let mut evening = whole_session(2, 0, 1, 0);
    evening.started_at = at(0, 18);
    let base = ready(0, rules(0, 1));
    let one_day = vec![whole_session(1, 0, 0, 0), evening];
    let p = progress(&then(base.clone(), one_day.clone(), vec![]), rules(0, 1));
    assert_eq!(p.level, 1, "one day, one unlock");
    assert_eq!(p.changes.len(), 1);
    // The evening built the new front plank once; the next days build it up to the
    // full dose and then unlock the next step.
    assert_eq!(p.doses[1].sets.max, u16::from(START_SETS + SETS_ADDED));
    let mut more = one_day;
    for n in 1..=build_days() {
        more.push(whole_session(i64::from(n) + 2, n, 1, 0));
    }
    let p = progress(&then(base, more, vec![]), rules(0, 1));
    assert_eq!(p.level, 2);
}

// --- the next-morning check ------------------------------------------------------------

/// A next-morning check-in on day `n` at 07:00 UTC.
fn morning(n: u32, pain: u8) -> Morning {
    Morning {
        at: at(n, 7),
        date: day(n),
        pain,
    }
}

fn log_with(sessions: Vec<Session>, mornings: Vec<Morning>) -> Log {
    Log {
        sessions,
        mornings,
        ..Log::default()
    }
}

#[test]
fn with_pain_allowed_a_session_whose_next_morning_is_worse_does_not_count() {
    // Day 0 at 2/10 (allowed 3); the level before is 1/10 (day 0's own morning); the
    // morning after is 3/10.
    let log = then(
        ready(0, rules(3, 1)),
        vec![whole_session(1, 0, 0, 2)],
        vec![morning(0, 1), morning(1, 3)],
    );
    let p = progress(&log, rules(3, 1));
    assert_eq!(p.level, 0);
    assert_eq!(p.streak, 0);
    assert_eq!(p.decision.kind, DecisionKind::Hold);
    assert_eq!(
        p.decision.reason,
        format!(
            "Held: the morning after {} your hamstring was at 3/10, above 1/10 before the session, so that session did not count.",
            dates::friendly(day(0))
        )
    );
    // A worse morning breaks a run of sessions in a row.
    let log = then(
        ready(0, rules(3, 2)),
        vec![
            whole_session(1, 0, 0, 2),
            whole_session(2, 1, 0, 2),
            whole_session(3, 2, 0, 2),
        ],
        vec![morning(1, 0), morning(2, 2), morning(3, 0)],
    );
    let p = progress(&log, rules(3, 2));
    assert_eq!(
        (p.level, p.streak),
        (0, 1),
        "day 1's worse morning broke the run"
    );
}

#[test]
fn at_zero_allowed_pain_the_morning_is_only_recorded() {
    let base = ready(0, rules(0, 1));
    let log = then(
        base.clone(),
        vec![whole_session(1, 0, 0, 0)],
        vec![morning(1, 4)],
    );
    let p = progress(&log, rules(0, 1));
    assert_eq!(p.level, 1, "the session counts as it always did");
    assert_eq!(p.decision.kind, DecisionKind::Unlocked);
    // And without any morning answer too.
    let unanswered = Log {
        mornings: Vec::new(),
        ..then(base, vec![whole_session(1, 0, 0, 0)], vec![])
    };
    assert_eq!(progress(&unanswered, rules(0, 1)).level, 1);
    assert!(!p.decision.next.contains("morning"));
}

#[test]
fn with_pain_allowed_a_session_that_settles_by_the_morning_counts() {
    // Before: no morning check-in at all, so 0/10; the morning after is back to 0.
    let base = ready(0, rules(3, 1));
    let log = then(
        base.clone(),
        vec![whole_session(1, 0, 0, 3)],
        vec![morning(1, 0)],
    );
    let p = progress(&log, rules(3, 1));
    assert_eq!(p.level, 1);
    assert_eq!(p.decision.kind, DecisionKind::Unlocked);
    // Back to the level before (2/10, the latest morning on or before the day) counts.
    let log = then(
        base,
        vec![whole_session(1, 5, 0, 3)],
        vec![morning(2, 4), morning(5, 2), morning(6, 2)],
    );
    assert_eq!(progress(&log, rules(3, 1)).level, 1);
    says(
        &progress(&Log::default(), rules(3, 1)).decision.next,
        "the morning after, the hamstring is back to its level before it",
    );
}

#[test]
fn with_pain_allowed_a_session_without_its_morning_answer_is_pending() {
    let base = ready(0, rules(3, 1));
    let log = then(base.clone(), vec![whole_session(1, 0, 0, 1)], vec![]);
    let p = progress(&log, rules(3, 1));
    assert_eq!(p.level, 0);
    assert_eq!(p.decision.kind, DecisionKind::Pending);
    assert_eq!(
        p.decision.reason,
        format!(
            "Your session on {} counts once the morning after it the hamstring is back to 0/10 or less; answer the morning question on Today.",
            dates::friendly(day(0))
        )
    );
    // Answered, it counts; the rule is the one in force at the session.
    let answered = then(base, vec![whole_session(1, 0, 0, 1)], vec![morning(1, 0)]);
    assert_eq!(progress(&answered, rules(3, 1)).level, 1);
    let mut raised_later = then(
        ready(0, rules(0, 1)),
        vec![whole_session(1, 0, 0, 0)],
        vec![],
    );
    raised_later.rules = vec![
        RuleChange {
            at: at(0, 0),
            rules: rules(0, 1),
        },
        RuleChange {
            at: at(3, 0),
            rules: rules(3, 1),
        },
    ];
    assert_eq!(
        progress(&raised_later, rules(3, 1)).level,
        1,
        "judged at 0/10, in force then: no morning needed"
    );
}

#[test]
fn today_asks_the_morning_question_only_the_morning_after_a_session_until_answered() {
    let log = log_with(vec![whole_session(1, 0, 0, 2)], vec![morning(0, 1)]);
    let q = morning_check(&log, day(1), rules(3, 1)).expect("asked the day after");
    assert_eq!(
        q.question,
        "How is the hamstring this morning compared with usual?"
    );
    assert_eq!((q.session_date, q.before, q.gates), (day(0), 1, true));
    says(&q.hint, "back to 1/10 or less");
    assert_eq!(
        morning_check(&log, day(2), rules(3, 1)),
        None,
        "no session the day before"
    );
    assert_eq!(morning_check(&log, day(0), rules(3, 1)), None);
    let answered = log_with(log.sessions.clone(), vec![morning(0, 1), morning(1, 1)]);
    assert_eq!(
        morning_check(&answered, day(1), rules(3, 1)),
        None,
        "answered"
    );
    let q = morning_check(&log, day(1), rules(0, 1)).unwrap();
    assert!(!q.gates);
    says(&q.hint, "does not change the ladder");
}

#[test]
fn the_rule_line_names_the_sessions_the_pain_and_with_pain_allowed_the_morning() {
    let strict = rule_line(rules(0, 1));
    assert!(
        strict.contains("one session") && strict.contains("0/10"),
        "{strict}"
    );
    assert!(!strict.contains("morning"), "{strict}");
    let loose = rule_line(rules(3, 2));
    assert!(
        loose.contains("2 sessions in a row") && loose.contains("3/10"),
        "{loose}"
    );
    assert!(loose.contains("next morning"), "{loose}");
}

// --- the dose's build-up -----------------------------------------------------------------

/// A session of the glute bridge alone on day `n`: `sets` sets of `amount`, at `pain`.
fn bridge(id: i64, n: u32, sets: usize, amount: u16, pain: u8) -> Session {
    Session {
        id,
        started_at: at(n, 8),
        date: day(n),
        entries: vec![Entry {
            exercise: 0,
            sets: vec![amount; sets],
            pain: Some(pain),
        }],
    }
}

/// With allowed pain 0 and 3: a new exercise starts at one set of the lowest count; each
/// day with a session at that dose within the allowed pain (and, with pain allowed, a
/// settled next morning) adds a set; a painful session does not build; the full dose is
/// reached at 3 sets, and only then do sessions count toward the next step.
#[test]
fn the_dose_builds_up_one_set_after_each_session_within_the_allowed_pain() {
    for allowed in [0u8, 3] {
        let r = rules(allowed, 1);
        let ok = allowed; // a session at the limit is within it
        let settled = |n: u32| morning(n + 1, 0);
        let mut log = Log::default();
        let step = |log: &Log| progress(log, r);

        // First session: the lower volume.
        let p = step(&log);
        assert_eq!(
            p.doses[0].sets,
            Span { min: 1, max: 1 },
            "allowed {allowed}"
        );
        assert_eq!(p.doses[0].amount, Span { min: 10, max: 10 });
        assert!(!p.doses[0].full);
        assert_eq!(p.doses[0].text, "Today: 1 set of 10 repetitions.");
        says(
            &p.doses[0].why,
            &format!("within your limit of {allowed}/10 (the app's own rule)"),
        );

        // One set of 10 within the allowed pain: one step up.
        log.sessions.push(bridge(1, 0, 1, 10, ok));
        log.mornings.push(settled(0));
        let p = step(&log);
        assert_eq!(p.doses[0].sets.max, 2, "allowed {allowed}");
        assert_eq!(p.doses[0].text, "Today: 2 sets of 10 repetitions.");
        assert_eq!((p.level, p.decision.kind), (0, DecisionKind::Building));
        assert_eq!(
            p.decision.headline,
            "Building up the double-leg glute bridge"
        );
        assert_eq!(
            p.decision.reason,
            format!(
                "Your session on {} was at {ok}/10, within your limit of {allowed}/10, so the double-leg glute bridge builds up to 2 of the 3 sets of the full dose, and only sessions at the full dose count toward the next step.",
                dates::friendly(day(0))
            )
        );
        says(
            &p.decision.next,
            "has built up to the full dose (2 of 3 sets so far)",
        );

        // A painful session at the dose asked does not build.
        log.sessions.push(bridge(2, 1, 2, 10, allowed + 1));
        log.mornings.push(settled(1));
        let p = step(&log);
        assert_eq!(p.doses[0].sets.max, 2, "a painful session holds the dose");
        assert_eq!(p.decision.kind, DecisionKind::Hold);

        // Fewer sets than asked does not build either.
        log.sessions.push(bridge(3, 2, 1, 12, ok));
        log.mornings.push(settled(2));
        let p = step(&log);
        assert_eq!(p.doses[0].sets.max, 2);
        assert_eq!(p.decision.kind, DecisionKind::NotCounted);
        says(
            &p.decision.reason,
            "had 1 of the 2 sets (10 or more each) its dose asked for",
        );

        // Two sets within the allowed pain: the full dose is reached, nothing unlocked.
        log.sessions.push(bridge(4, 3, 2, 10, ok));
        log.mornings.push(settled(3));
        let p = step(&log);
        assert_eq!(p.level, 0, "building sessions never unlock");
        assert!(p.doses[0].full);
        assert_eq!(p.doses[0].sets, DAILY_DOSE.sets);
        assert_eq!(p.doses[0].amount, DAILY_DOSE.amount);
        assert_eq!(p.doses[0].text, "Today: 3–4 sets of 10–15 repetitions.");
        assert_eq!(
            p.decision.next,
            if allowed == 0 {
                "Front plank unlocks after one session of double-leg glute bridge in full (3 sets of at least 10) at 0/10 pain or less.".to_string()
            } else {
                "Front plank unlocks after one session of double-leg glute bridge in full (3 sets of at least 10) at 3/10 pain or less. Each such session counts once, the morning after, the hamstring is back to its level before it.".to_string()
            }
        );

        // A session at the full dose within the allowed pain unlocks the next exercise,
        // which starts at the lower volume in its turn.
        log.sessions.push(bridge(5, 4, 3, 10, ok));
        log.mornings.push(settled(4));
        let p = step(&log);
        assert_eq!(
            (p.level, p.decision.kind),
            (1, DecisionKind::Unlocked),
            "allowed {allowed}"
        );
        assert!(p.doses[0].full);
        assert_eq!(p.doses[1].text, "Today: 1 hold of 10 seconds.");
    }
}

/// A user who does the full dose from the first session unlocks nothing until the dose
/// has built up and then `needed` sessions at the full dose have been done; with pain
/// allowed, a session waiting for its morning answer or followed by a worse morning
/// does not build.
#[test]
fn the_next_exercise_unlocks_only_after_full_dose_sessions() {
    for allowed in [0u8, 3] {
        for needed in [1u8, 2] {
            let r = rules(allowed, needed);
            let days = build_days() + u32::from(needed);
            let sessions: Vec<Session> = (0..days)
                .map(|n| whole_session(i64::from(n), n, 0, allowed))
                .collect();
            let short = settled_log(sessions[..sessions.len() - 1].to_vec());
            let p = progress(&short, r);
            assert_eq!(p.level, 0, "allowed {allowed}, {needed} needed: one short");
            assert_eq!(
                p.streak,
                needed - 1,
                "the build-up days are not in the count"
            );
            assert_eq!(
                progress(&settled_log(sessions), r).level,
                1,
                "allowed {allowed}, {needed} needed"
            );
        }
    }
    // With pain allowed: unanswered, the first session has not built yet.
    let r = rules(3, 1);
    let waiting = log_with(vec![whole_session(1, 0, 0, 2)], vec![]);
    let p = progress(&waiting, r);
    assert_eq!(
        (p.doses[0].sets.max, p.decision.kind),
        (1, DecisionKind::Pending)
    );
    // Answered worse than before: it does not build; settled, it does.
    let worse = log_with(vec![whole_session(1, 0, 0, 2)], vec![morning(1, 2)]);
    assert_eq!(progress(&worse, r).doses[0].sets.max, 1);
    let settled = log_with(vec![whole_session(1, 0, 0, 2)], vec![morning(1, 0)]);
    assert_eq!(progress(&settled, r).doses[0].sets.max, 2);
}

#[test]
fn a_morning_answered_after_the_next_session_does_not_raise_the_dose_that_session_was_asked() {
    // Allowed pain 3: day 0 builds only once its next morning settles. That answer comes
    // on day 1 at 20:00, after day 1's session (08:00) did the one set the page showed.
    let r = rules(3, 1);
    let one_set = |id: i64, n: u32| Session {
        id,
        started_at: at(n, 8),
        date: day(n),
        entries: vec![Entry { exercise: 0, sets: vec![12], pain: Some(1) }],
    };
    let late = Morning { at: at(1, 20), date: day(1), pain: 0 };
    let p = progress(&log_with(vec![one_set(1, 0), one_set(2, 1)], vec![late]), r);
    assert_ne!(p.decision.kind, DecisionKind::NotCounted, "{}", p.decision.reason);
    assert_eq!(p.decision.kind, DecisionKind::Pending, "{}", p.decision.reason);
    assert_eq!(p.doses[0].sets.max, 2, "day 0 has built, from its morning on");
    // Answered before day 1's session, the same answer raises what day 1 is asked.
    let early = Morning { at: at(1, 7), date: day(1), pain: 0 };
    let p = progress(&log_with(vec![one_set(1, 0), one_set(2, 1)], vec![early]), r);
    assert_eq!(p.decision.kind, DecisionKind::NotCounted, "{}", p.decision.reason);
}

#[test]
fn a_day_that_builds_the_dose_to_full_does_not_also_count_toward_the_next_step() {
    // Allowed 0, one session needed. Day 0 builds 1 → 2; day 1's morning session 2 → 3;
    // day 1's evening session is at the full dose but the day has built: it does not count.
    let r = rules(0, 1);
    let evening = Session {
        id: 3,
        started_at: at(1, 18),
        date: day(1),
        entries: vec![full(0, 0)],
    };
    let sessions = vec![whole_session(1, 0, 0, 0), whole_session(2, 1, 0, 0), evening];
    let p = progress(&log_of(sessions.clone()), r);
    assert_eq!(p.level, 0, "{}", p.decision.reason);
    assert!(p.doses[0].full);
    // The next day's session at the full dose counts.
    let mut next = sessions;
    next.push(whole_session(4, 2, 0, 0));
    assert_eq!(progress(&log_of(next), r).level, 1);
}

#[test]
fn sessions_from_before_the_build_up_keep_their_verdicts_and_later_steps_build_up() {
    // Two full-dose sessions at 0/10, two in a row needed: under the rule of their time
    // (no build-up) they unlock the plank; judged by today's rule they would not.
    let old = Rules {
        dose_builds_up: false,
        ..rules(0, 2)
    };
    let now = rules(0, 2);
    let sessions = vec![whole_session(1, 0, 0, 0), whole_session(2, 1, 0, 0)];
    assert_eq!(progress(&log_of(sessions.clone()), now).level, 0, "today's rule alone");
    let upgraded = Log {
        sessions: sessions.clone(),
        rules: vec![
            RuleChange { at: at(0, 0) - Duration::days(30), rules: old },
            // The upgrade, on day 2: from here on the dose builds up.
            RuleChange { at: at(2, 0), rules: now },
        ],
        ..Log::default()
    };
    let p = progress(&upgraded, now);
    assert_eq!(p.level, 1, "the plank stays unlocked after the upgrade");
    assert!(p.doses[0].full, "the bridge was at the full dose before");
    assert_eq!(
        (p.doses[1].sets.max, p.doses[1].full),
        (u16::from(START_SETS), false),
        "the plank, unlocked under the old rule, builds up from now on"
    );
    // A new session after the upgrade is judged by the new rule: it builds the plank.
    let mut later = upgraded;
    later.sessions.push(whole_session(3, 2, 1, 0));
    let p = progress(&later, now);
    assert_eq!(p.doses[1].sets.max, u16::from(START_SETS + SETS_ADDED));
}

#[test]
fn a_day_builds_the_dose_once_and_a_hold_counts_in_seconds() {
    // Two sessions on one day add one set.
    let mut evening = bridge(2, 0, 1, 10, 0);
    evening.started_at = at(0, 19);
    let p = progress(&log_of(vec![bridge(1, 0, 1, 10, 0), evening]), rules(0, 1));
    assert_eq!(p.doses[0].sets.max, 2);
    // A set below the lowest count (10) is not at the dose.
    let p = progress(&log_of(vec![bridge(1, 0, 1, 9, 0)]), rules(0, 1));
    assert_eq!(
        (p.doses[0].sets.max, p.decision.kind),
        (1, DecisionKind::NotCounted)
    );
    // The front plank, a hold, builds on holds of at least 10 seconds.
    let base = ready(0, rules(0, 1));
    let mut log = then(base, vec![whole_session(1, 0, 0, 0)], vec![]);
    assert_eq!(progress(&log, rules(0, 1)).level, 1);
    log.sessions.push(Session {
        id: 2,
        started_at: at(1, 8),
        date: day(1),
        entries: vec![
            full(0, 0),
            Entry {
                exercise: 1,
                sets: vec![10],
                pain: Some(0),
            },
        ],
    });
    let p = progress(&log, rules(0, 1));
    assert_eq!(p.doses[1].text, "Today: 2 holds of 10 seconds.");
    says(&p.doses[1].why, "Building up to the full dose of 3 sets");
    // The bridge, below the current step, is at the full dose but no longer counts.
    assert_eq!(
        p.doses[0].why,
        "The full dose, kept up while the next exercises build."
    );
}

proptest! {
    /// The replay looks mornings up in a sorted index; it reads the same check-in as the
    /// rule's plain words: the latest (by day, then time, the last of equals) on or
    /// before the day, and the latest given the day after — ties and days with several
    /// check-ins included.
    #[test]
    fn the_mornings_index_reads_what_a_pass_over_every_check_in_reads(
        given in prop::collection::vec((0u32..12, 0u32..3, 0u8..=10), 0..25),
        date in 0u32..14,
    ) {
        let log = Log {
            mornings: given.iter().map(|&(n, h, pain)| Morning { at: at(n, 6 + h), date: day(n), pain }).collect(),
            ..Log::default()
        };
        let date = day(date);
        let before = log.mornings.iter()
            .filter(|m| m.date <= date)
            .max_by_key(|m| (m.date, m.at))
            .map_or(0, |m| m.pain);
        let next = date.succ_opt().unwrap();
        let after = log.mornings.iter().filter(|m| m.date == next).max_by_key(|m| m.at);
        let index = Mornings::of(&log);
        prop_assert_eq!(index.level_before(date), before);
        prop_assert_eq!(index.after(date).map(|m| (m.pain, m.at)), after.map(|m| (m.pain, m.at)));
        prop_assert_eq!(level_before(&log, date), before);
        prop_assert_eq!(morning_after(&log, date), after.map(|m| m.pain));
    }
}

proptest! {
    /// A guided session is judged against the ladder without itself: leaving it out of
    /// the replay is the replay of the log it is taken out of.
    #[test]
    fn progress_without_a_session_is_the_progress_of_the_log_without_it(
        (spec, allowed, needed) in arb_log(),
        pick in any::<prop::sample::Index>(),
    ) {
        let r = rules(allowed, needed);
        let log = build(&spec, r);
        let id = if log.sessions.is_empty() { 7 } else { log.sessions[pick.index(log.sessions.len())].id };
        let mut without = log.clone();
        without.sessions.retain(|s| s.id != id);
        prop_assert_eq!(progress_without(&log, id, r), progress(&without, r));
    }
}

/// What a change dated from some day on does to one row of that day or later.
#[derive(Debug, Clone)]
enum Touch {
    Keep,
    Drop,
    Pain(u8),
}

fn touch() -> impl Strategy<Value = Touch> {
    prop_oneof![4 => Just(Touch::Keep), 1 => Just(Touch::Drop), 2 => (0u8..=10).prop_map(Touch::Pain)]
}

/// `log` changed only in rows dated `from` on: each session and next-morning check-in of
/// those days kept, dropped or given another pain (`touches`, in turn), a session added
/// on `from` and a move by hand made on it (`added`, `moved`).
fn changed_from(log: &Log, from: NaiveDate, touches: &[Touch], added: Option<u8>, moved: bool) -> Log {
    let mut touches = touches.iter().cycle();
    let mut next = || touches.next().cloned().unwrap_or(Touch::Keep);
    let mut out = log.clone();
    out.sessions = Vec::new();
    for s in &log.sessions {
        if s.date < from {
            out.sessions.push(s.clone());
            continue;
        }
        match next() {
            Touch::Keep => out.sessions.push(s.clone()),
            Touch::Drop => {}
            Touch::Pain(p) => {
                let mut s = s.clone();
                for e in &mut s.entries {
                    e.pain = e.pain.map(|_| p);
                }
                out.sessions.push(s);
            }
        }
    }
    out.mornings = Vec::new();
    for m in &log.mornings {
        if m.date < from {
            out.mornings.push(*m);
            continue;
        }
        match next() {
            Touch::Keep => out.mornings.push(*m),
            Touch::Drop => {}
            Touch::Pain(p) => out.mornings.push(Morning { pain: p, ..*m }),
        }
    }
    let start = Utc.from_utc_datetime(&from.and_hms_opt(0, 30, 0).unwrap());
    if let Some(pain) = added {
        out.sessions.push(Session {
            id: 1000,
            started_at: start,
            date: from,
            entries: (0..=progress(log, Rules::default()).level).map(|k| full(k, pain)).collect(),
        });
        // As the store reads them: by instant, then id.
        out.sessions.sort_by_key(|s| (s.started_at, s.id));
    }
    if moved {
        let level = progress(log, Rules::default()).level;
        let to = if level > 0 { level - 1 } else { 1 };
        out.moves.push(Move { at: start, date: from, from: level, to });
        out.moves.sort_by_key(|m| m.at);
    }
    out
}

proptest! {
    /// The replay resumed from the checkpoints kept for a log, after a change dated from
    /// some day on, is the full replay of the changed log, checkpoints included; and the
    /// ladder without one session, replayed from the checkpoint before it, is the full
    /// replay without it.
    #[test]
    fn the_replay_resumed_from_a_checkpoint_is_the_full_replay(
        (spec, allowed, needed) in arb_log(),
        from in 0u32..90,
        touches in prop::collection::vec(touch(), 1..8),
        added in prop::option::of(0u8..=4),
        moved in any::<bool>(),
        pick in any::<prop::sample::Index>(),
    ) {
        let r = rules(allowed, needed);
        let before = build(&spec, r);
        let (_, kept) = progress_kept(&before, r);
        prop_assert_eq!(kept.len(), (before.sessions.len() + before.moves.len()) / CHECKPOINT_EVERY);
        let from = day(from);
        let after = changed_from(&before, from, &touches, added, moved);
        let full = progress_kept(&after, r);
        prop_assert_eq!(&full.0, &progress(&after, r));
        prop_assert_eq!(progress_resumed(&after, r, kept, from), full.clone());
        if !after.sessions.is_empty() {
            let id = after.sessions[pick.index(after.sessions.len())].id;
            prop_assert_eq!(full.1.progress_without(&after, id, r), progress_without(&after, id, r));
        }
    }
}

/// A change dated later than every event read keeps every checkpoint, one dated earlier
/// keeps none; a change the resume point is computed wrongly for (the day after the
/// change) gives another ladder than the full replay.
#[test]
fn a_resume_keeps_only_the_checkpoints_before_the_change() {
    let r = rules(0, 1);
    let sessions: Vec<Session> = (0..40).map(|n| whole_session(i64::from(n), n, 0, 0)).collect();
    let log = log_of(sessions);
    let (p, kept) = progress_kept(&log, r);
    assert_eq!(kept.len(), 40 / CHECKPOINT_EVERY);
    // Nothing changed from day 100 on: all kept, nothing replayed again.
    assert_eq!(progress_resumed(&log, r, kept.clone(), day(100)), (p.clone(), kept.clone()));
    // Day 3's session painful: the checkpoints after it are replayed again.
    let mut painful = log.clone();
    for e in &mut painful.sessions[3].entries {
        e.pain = Some(5);
    }
    let full = progress_kept(&painful, r);
    assert_ne!(full.0, p);
    assert_eq!(progress_resumed(&painful, r, kept.clone(), day(3)), full);
    // Resumed from after the change, the old verdict of day 3 stays: not the replay.
    assert_ne!(progress_resumed(&painful, r, kept, day(3 + CHECKPOINT_EVERY as u32 + 1)).1, full.1);
}
