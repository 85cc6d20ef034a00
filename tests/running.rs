//! The return to running through its services on a real database file: the gate, a
//! first week, the spacing rules refused with their reason or overridden on purpose,
//! a painful run holding the week, targets, and bad input writing nothing.

use chrono::{DateTime, Duration, TimeZone, Utc};
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::running::DecisionKind;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::program::{self, RecordTests, TestInput};
use high_hamstring_rehab::service::running::{self, LogRun};
use high_hamstring_rehab::service::ServiceError;
use high_hamstring_rehab::store::Store;
use serde_json::json;
use std::path::Path;

/// 09:00 UTC on 2026-03-`day` (a Monday is the 2nd), the local day the same.
fn on(day: u32) -> Now {
    let utc: DateTime<Utc> =
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap() + Duration::days(day as i64 - 1);
    Now::of(utc)
}

fn open(path: &Path) -> Store {
    Store::open(path, Utc::now()).unwrap().0
}

fn plank(store: &mut Store, now: Now, painful: bool) {
    let side = |s: &str| TestInput {
        test_id: "back_plank_leg_lifts".into(),
        side: s.into(),
        painful,
    };
    program::record_tests(
        store,
        now,
        &RecordTests {
            taken_on: now.today.to_string(),
            results: vec![side("left"), side("right")],
            range_of_motion_normal: Some(true),
        },
    )
    .unwrap();
}

fn run(date: &str, sets: i64, pain: i64) -> LogRun {
    LogRun {
        date: date.into(),
        sets: json!(sets),
        pain: json!(pain),
        ..Default::default()
    }
}

fn runs_in_file(path: &Path) -> Vec<(String, Option<i64>, i64, Option<String>)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT date, sets, pain, override_rule FROM runs ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn invalid(err: ServiceError) -> (String, String) {
    match err {
        ServiceError::Invalid(e) => (e.field, e.message),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn the_plan_waits_for_the_running_gate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let (field, message) = invalid(running::start(&mut store, on(2), false, None).unwrap_err());
    assert_eq!(field, "plan");
    assert!(message.contains("no result yet"), "{message}");
    plank(&mut store, on(2), true);
    let (_, message) = invalid(running::start(&mut store, on(2), false, None).unwrap_err());
    assert!(message.contains("painful"), "{message}");
    assert!(running::view(&mut store, on(2)).unwrap().plan.is_none());
    plank(&mut store, on(3), false);
    let v = running::start(&mut store, on(3), false, None).unwrap();
    assert!(v.running_gate_open);
    let plan = v.plan.unwrap();
    assert_eq!(
        (plan.state.week, plan.today.kind, plan.today.sets),
        (1, "run", Some(2))
    );
    let (_, message) = invalid(running::start(&mut store, on(3), false, None).unwrap_err());
    assert!(message.contains("already started"), "{message}");
}

#[test]
fn a_first_week_with_a_refusal_an_override_and_a_painful_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    plank(&mut store, on(2), false);
    running::start(&mut store, on(2), false, None).unwrap();

    let v = running::log_run(&mut store, on(2), &run("2026-03-02", 2, 0)).unwrap();
    assert_eq!(v.plan.as_ref().unwrap().today.kind, "done");

    // The next day: refused with the rule's reason, nothing written.
    match running::log_run(&mut store, on(3), &run("2026-03-03", 3, 0)).unwrap_err() {
        ServiceError::Rule(rule) => {
            assert_eq!(rule.rule, "alternate_days");
            assert!(rule.reason.contains("alternate days"), "{}", rule.reason);
        }
        other => panic!("expected a rule, got {other:?}"),
    }
    assert_eq!(runs_in_file(&path).len(), 1);
    // Overriding another rule than the one broken does not count.
    let mut wrong = run("2026-03-03", 3, 0);
    wrong.override_rule = Some("five_in_seven".into());
    assert!(matches!(
        running::log_run(&mut store, on(3), &wrong),
        Err(ServiceError::Rule(_))
    ));
    // Overridden on purpose: stored with the rule.
    let mut anyway = run("2026-03-03", 3, 0);
    anyway.override_rule = Some("alternate_days".into());
    running::log_run(&mut store, on(3), &anyway).unwrap();
    assert_eq!(
        runs_in_file(&path)[1],
        (
            "2026-03-03".into(),
            Some(3),
            0,
            Some("alternate_days".into())
        )
    );

    // A painful run two days later holds the week.
    let v = running::log_run(&mut store, on(5), &run("2026-03-05", 4, 3)).unwrap();
    let plan = v.plan.unwrap();
    assert_eq!(plan.state.week, 1);
    assert_eq!(plan.state.latest().kind, DecisionKind::Held);
    assert!(
        plan.state.latest().reason.contains("pain 3/10"),
        "{}",
        plan.state.latest().reason
    );
    assert_eq!(plan.state.week_start.to_string(), "2026-03-06");

    // Reopened from the file, the same answer.
    drop(store);
    let mut store = open(&path);
    let v = running::view(&mut store, on(6)).unwrap();
    assert_eq!(v.plan.unwrap().state.latest().kind, DecisionKind::Held);
}

#[test]
fn bad_runs_are_refused_naming_the_field_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let (field, _) =
        invalid(running::log_run(&mut store, on(2), &run("2026-03-02", 2, 0)).unwrap_err());
    assert_eq!(field, "plan", "no plan yet");
    plank(&mut store, on(2), false);
    running::start(&mut store, on(2), false, None).unwrap();
    for (input, want) in [
        (run("2026-03-09", 2, 0), "date"), // the future
        (run("2026-03-01", 2, 0), "date"), // before the plan
        (run("02/03/2026", 2, 0), "date"),
        (run("2026-03-02", 0, 0), "sets"),
        (run("2026-03-02", -3, 0), "sets"),
        (run("2026-03-02", 99_999_999_999, 0), "sets"),
        (run("2026-03-02", 2, 11), "pain"),
        (run("2026-03-02", 2, -1), "pain"),
        (
            LogRun {
                date: "2026-03-02".into(),
                sets: json!("two"),
                pain: json!(0),
                ..Default::default()
            },
            "sets",
        ),
        (
            LogRun {
                date: "2026-03-02".into(),
                sets: json!(2),
                pain: json!(null),
                ..Default::default()
            },
            "pain",
        ),
        (
            LogRun {
                date: "2026-03-02".into(),
                sets: json!(2),
                pain: json!(0),
                note: "x".repeat(2001),
                ..Default::default()
            },
            "note",
        ),
    ] {
        let (field, message) = invalid(running::log_run(&mut store, on(2), &input).unwrap_err());
        assert_eq!(field, want, "{message}");
    }
    assert!(runs_in_file(&path).is_empty());

    let (field, message) = invalid(
        running::set_target(
            &mut store,
            on(2),
            &Whole::from(5),
            &Whole::from(25),
            "volume",
        )
        .unwrap_err(),
    );
    assert_eq!(field, "week", "{message}");
}

#[test]
fn a_run_with_markup_in_its_note_is_kept_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    plank(&mut store, on(2), false);
    running::start(&mut store, on(2), false, None).unwrap();
    let mut r = run("2026-03-02", 2, 0);
    r.note = "<b>felt \"fine\"</b>, légère gêne".into();
    let v = running::log_run(&mut store, on(2), &r).unwrap();
    assert_eq!(
        v.plan.unwrap().runs[0].note,
        "<b>felt \"fine\"</b>, légère gêne"
    );
}

#[test]
fn weeks_advance_to_the_target_weeks_and_targets_are_kept_in_range() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    plank(&mut store, on(2), false);
    running::start(&mut store, on(2), false, None).unwrap();
    // Weeks 1-2: 2,3,4,5 sets every other day.
    for base in [2, 10] {
        for (i, sets) in [2, 3, 4, 5].into_iter().enumerate() {
            let day = base + 2 * i as u32;
            running::log_run(
                &mut store,
                on(day),
                &run(&on(day).today.to_string(), sets, 0),
            )
            .unwrap();
        }
    }
    // Weeks 3-4: three 20-minute runs.
    for base in [17, 24] {
        for day in [base, base + 2, base + 4] {
            let input = LogRun {
                date: on(day).today.to_string(),
                minutes: json!(20),
                pain: json!(0),
                ..Default::default()
            };
            running::log_run(&mut store, on(day), &input).unwrap();
        }
    }
    let v = running::view(&mut store, on(31)).unwrap();
    let plan = v.plan.unwrap();
    assert_eq!(plan.state.week, 5);
    assert_eq!(
        (plan.target_week, plan.target_range),
        (Some(5), Some((10, 25)))
    );
    let (field, message) = invalid(
        running::set_target(
            &mut store,
            on(31),
            &Whole::from(5),
            &Whole::from(40),
            "volume",
        )
        .unwrap_err(),
    );
    assert_eq!(field, "target_minutes");
    assert!(message.contains("10 to 25"), "{message}");
    let (field, _) = invalid(
        running::set_target(
            &mut store,
            on(31),
            &Whole::from(5),
            &Whole::from(25),
            "cadence",
        )
        .unwrap_err(),
    );
    assert_eq!(field, "focus");
    let v = running::set_target(
        &mut store,
        on(31),
        &Whole::from(5),
        &Whole::from(25),
        "speed",
    )
    .unwrap();
    let plan = v.plan.unwrap();
    assert_eq!(plan.state.minutes, Some(25));
    assert_eq!(plan.today.minutes, Some(25));
}

#[test]
fn a_plan_can_start_up_to_two_weeks_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    plank(&mut store, on(20), false);
    for date in ["2026-03-05", "2026-03-21", "soon"] {
        let (got, message) =
            invalid(running::start(&mut store, on(20), false, Some(date)).unwrap_err());
        assert_eq!(got, "start_date", "{message}");
    }
    let v = running::start(&mut store, on(20), false, Some("2026-03-06")).unwrap();
    assert_eq!(v.plan.unwrap().state.started_on.to_string(), "2026-03-06");
}

#[test]
fn a_gate_closed_again_after_the_start_refuses_runs_unless_overridden() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    plank(&mut store, on(2), false);
    running::start(&mut store, on(2), false, None).unwrap();
    plank(&mut store, on(3), true);
    let v = running::view(&mut store, on(4)).unwrap();
    assert!(!v.running_gate_open);
    assert!(v.plan.is_some(), "the plan and its runs stay");
    match running::log_run(&mut store, on(4), &run("2026-03-04", 2, 0)).unwrap_err() {
        ServiceError::Rule(rule) => {
            assert_eq!(rule.rule, "gate_closed");
            assert!(rule.reason.contains("closed again"), "{}", rule.reason);
        }
        other => panic!("expected the closed gate, got {other:?}"),
    }
    assert!(runs_in_file(&path).is_empty());
}
