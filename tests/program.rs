//! The program's services on a real SQLite file: self-tests, guided sessions saved set by
//! set, the ladder's decisions across days and setting changes, and rejected input that
//! writes nothing.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::progression::DecisionKind;
use high_hamstring_rehab::core::selftests::Finding;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::program::{self, RecordTests, SessionState, TestInput};
use high_hamstring_rehab::service::{self, ServiceError};
use high_hamstring_rehab::store::Store;
use serde_json::json;
use std::path::Path;

/// 08:00 UTC on 2026-11-`day`, with the local day the same.
fn on(day: u32) -> Now {
    let utc: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 11, day, 8, 0, 0).unwrap();
    Now::of(utc)
}

/// `minutes` after `now`, on the same day (no test goes past midnight this way).
fn later(now: Now, minutes: i64) -> Now {
    let then = Now::of(now.utc + Duration::minutes(minutes));
    assert_eq!(then.today, now.today);
    then
}

fn open(path: &Path) -> Store {
    Store::open(path, Utc::now()).unwrap().0
}

fn invalid(err: ServiceError) -> (String, String) {
    match err {
        ServiceError::Invalid(e) => (e.field, e.message),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

/// Counts rows in every program table: a rejected call must leave them all unchanged.
fn row_counts(path: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    [
        "test_results",
        "range_of_motion",
        "exercise_sessions",
        "exercise_sets",
        "exercise_pain",
        "ladder_moves",
        "progression_rules",
        "stretches",
    ]
    .iter()
    .map(|t| {
        (
            t.to_string(),
            conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap(),
        )
    })
    .collect()
}

/// Does today's session as the app asks it: every exercise at the dose the session names
/// (its sets, 12 repetitions or seconds each) at `pain`; returns what finishing said.
fn do_session(store: &mut Store, now: Now, pain: i64) -> program::Finished {
    let session = program::start_session(store, now).unwrap();
    for (k, exercise) in session.exercises.iter().enumerate() {
        for set in 0..usize::from(exercise.today.sets.min) {
            program::record_set(
                store,
                later(now, (k * 5 + set) as i64),
                session.id,
                exercise.id,
                Whole::Number(12),
            )
            .unwrap();
        }
        program::record_pain(
            store,
            later(now, (k * 5 + 4) as i64),
            session.id,
            exercise.id,
            Whole::Number(pain),
        )
        .unwrap();
    }
    program::finish_session(store, later(now, 40), session.id).unwrap()
}

fn tests_input(taken_on: &str, painful_standing_left: bool) -> RecordTests {
    let mut results = Vec::new();
    for test_id in [
        "standing_stretch",
        "bent_knee_stretch",
        "rapid_bent_knee_stretch",
    ] {
        for side in ["left", "right"] {
            results.push(TestInput {
                test_id: test_id.into(),
                side: side.into(),
                painful: painful_standing_left && test_id == "standing_stretch" && side == "left",
            });
        }
    }
    RecordTests {
        taken_on: taken_on.into(),
        results,
        range_of_motion_normal: None,
    }
}

#[test]
fn a_new_user_tests_trains_is_held_and_changes_the_rule_and_all_of_it_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);

    let today = program::today(&mut store, on(2)).unwrap();
    assert!(matches!(today.session_state, SessionState::NotStarted));
    assert_eq!(today.exercises, ["glute_bridge"]);
    assert_eq!(today.progress.decision.kind, DecisionKind::Start);

    let view = program::record_tests(&mut store, on(2), &tests_input("2026-11-02", true)).unwrap();
    assert_eq!(view.interpretation.finding, Finding::Consistent);
    assert_eq!(
        view.interpretation.positives,
        ["Standing stretch test, left leg"]
    );
    assert!(view
        .interpretation
        .explanation
        .iter()
        .any(|p| p.contains("76–89 %")));
    assert!(
        view.gates[0].open,
        "bent-knee stretch pain-free on both legs opens cross-training: {:?}",
        view.gates[0]
    );
    assert!(!view.gates[1].open);
    assert_eq!(view.history.len(), 1);

    // The glute bridge builds up from one set, a set more each pain-free day...
    let session = program::start_session(&mut store, on(2)).unwrap();
    assert_eq!(
        session.exercises[0].today.text,
        "Today: 1 set of 10 repetitions."
    );
    let finished = do_session(&mut store, on(2), 0);
    assert_eq!(
        finished.changes,
        ["Building up the double-leg glute bridge."]
    );
    assert_eq!(finished.decision.kind, DecisionKind::Building);
    assert!(finished.session.exercises[0].dose_done);
    let today = program::today(&mut store, on(3)).unwrap();
    assert_eq!(
        today.progress.doses[0].text,
        "Today: 2 sets of 10 repetitions."
    );
    let finished = do_session(&mut store, on(3), 0);
    assert_eq!(finished.progress.level, 0, "building up unlocks nothing");
    let today = program::today(&mut store, on(4)).unwrap();
    assert_eq!(
        today.progress.doses[0].text,
        "Today: 3–4 sets of 10–15 repetitions."
    );
    // ...and the first session at the full dose unlocks the front plank.
    let finished = do_session(&mut store, on(4), 0);
    assert_eq!(finished.changes, ["Front plank is unlocked."]);
    assert_eq!(finished.decision.kind, DecisionKind::Unlocked);
    assert_eq!(
        finished.summary.done[0].sets, "3 sets: 12, 12 and 12 repetitions",
        "the summary says what was done"
    );
    assert_eq!(finished.summary.done[0].pain, "Pain 0/10");
    assert_eq!(finished.summary.changes, finished.changes);
    let session = program::start_session(&mut store, on(5)).unwrap();
    assert_eq!(
        session
            .exercises
            .iter()
            .map(|e| e.today.text.as_str())
            .collect::<Vec<_>>(),
        [
            "Today: 3–4 sets of 10–15 repetitions.",
            "Today: 1 hold of 10 seconds."
        ],
        "the new exercise starts low, the one before stays at the full dose"
    );
    // The bridge has been shown before (sets in earlier sessions): its steps fold; the
    // plank is new: open. The words of the set controls come with the view.
    let steps: Vec<_> = session.exercises.iter().map(|e| e.steps_open).collect();
    assert_eq!(steps, [false, true]);
    assert_eq!(session.exercises[1].count, "Hold 1 of 1");
    assert_eq!(session.exercises[1].stepper.label, "Hold for (seconds)");
    assert_eq!(session.exercises[1].position, "Exercise 2 of 2");
    assert!(!session.all_scored);

    let finished = do_session(&mut store, on(5), 4);
    assert_eq!(finished.progress.level, 1);
    assert_eq!(finished.decision.kind, DecisionKind::Hold);
    assert_eq!(finished.changes, ["Holding at the front plank."]);
    let held_reason = finished.decision.reason.clone();
    assert!(
        held_reason.contains("4/10") && held_reason.contains("above your limit of 0/10"),
        "{held_reason}"
    );

    service::settings::update(
        &mut store,
        &serde_json::from_value(json!({"allowed_pain": 5, "clinician_confirmed": true})).unwrap(),
        later(on(5), 60),
    )
    .unwrap();
    let program = program::program(&mut store).unwrap();
    assert_ne!(
        program.progress.decision.reason, held_reason,
        "the reason names the rule now in force"
    );
    assert!(
        program
            .progress
            .decision
            .reason
            .contains("your limit is now 5/10"),
        "{}",
        program.progress.decision.reason
    );
    assert!(
        program
            .progress
            .decision
            .next
            .contains("at 5/10 pain or less"),
        "{}",
        program.progress.decision.next
    );

    let today = program::today(&mut store, on(5)).unwrap();
    assert!(matches!(today.session_state, SessionState::Done));
    assert_eq!(today.latest_pain.as_ref().map(|p| p.pain), Some(4));
    let before: serde_json::Value = serde_json::to_value(&today).unwrap();
    drop(store);

    let mut store = open(&path);
    let after = serde_json::to_value(program::today(&mut store, on(5)).unwrap()).unwrap();
    assert_eq!(before, after, "the same state after a restart");
}

/// Every column of the rule history and the moves, as text: what a refused change must
/// leave as it was.
fn rule_rows(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT effective_at, allowed_pain, sessions_to_progress, advised_on, advised_by, advice_note FROM progression_rules ORDER BY id",
        "SELECT moved_at, from_step, to_step, advised_on, advised_by, advice_note FROM ladder_moves ORDER BY id",
        "SELECT allowed_pain, sessions_to_progress FROM settings",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            out.push(
                (0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"),
            );
        }
    }
    out
}

#[test]
fn loosening_the_pain_rule_needs_a_clinicians_advice_which_is_kept_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let patch = |v: serde_json::Value| serde_json::from_value(v).unwrap();
    let before = rule_rows(&path);

    // Raising the allowed pain without the confirmation: refused, nothing written.
    for body in [
        json!({"allowed_pain": 3}),
        json!({"allowed_pain": 3, "clinician_confirmed": false, "clinician_name": "Dr Lee"}),
    ] {
        let (field, message) =
            invalid(service::settings::update(&mut store, &patch(body), on(2)).unwrap_err());
        assert_eq!(field, "clinician_confirmed", "{message}");
        assert!(message.contains("3/10"), "{message}");
        assert_eq!(rule_rows(&path), before, "a refused change wrote something");
    }
    // A step forward by hand without it: refused the same way.
    let (field, _) = invalid(
        program::move_step(&mut store, on(2), Whole::Number(1), &Default::default()).unwrap_err(),
    );
    assert_eq!(field, "clinician_confirmed");
    assert_eq!(rule_rows(&path), before);

    // With it: stored with the rules in their history, and on the report.
    let view = service::settings::update(
        &mut store,
        &patch(json!({"allowed_pain": 3, "clinician_confirmed": true,
                      "clinician_name": "Dr Lee", "clinician_note": "build up slowly"})),
        on(2),
    )
    .unwrap();
    assert_eq!(view.settings.allowed_pain, 3);
    assert!(
        view.labels
            .sessions_to_progress
            .contains("within the allowed pain"),
        "{}",
        view.labels.sessions_to_progress
    );
    let rows = rule_rows(&path);
    assert!(
        rows.iter().any(|r| r.contains("Integer(3)")
            && r.contains("Text(\"2026-11-02\")|Text(\"Dr Lee\")|Text(\"build up slowly\")")),
        "{rows:#?}"
    );
    // Lowering it needs no advice; raising it again does.
    service::settings::update(&mut store, &patch(json!({"allowed_pain": 1})), on(3)).unwrap();
    let (field, _) = invalid(
        service::settings::update(&mut store, &patch(json!({"allowed_pain": 2})), on(3))
            .unwrap_err(),
    );
    assert_eq!(field, "clinician_confirmed");

    let advice = serde_json::from_value(json!({"clinician_confirmed": true})).unwrap();
    program::move_step(&mut store, on(4), Whole::Number(1), &advice).unwrap();
    // A step back needs none.
    program::move_step(&mut store, on(4), Whole::Number(0), &Default::default()).unwrap();

    let report = service::report::report(&mut store, on(5)).unwrap();
    assert_eq!(
        report.advised,
        [
            "Allowed pain raised to 3/10 on Mon 2 Nov 2026, advised by Dr Lee: build up slowly",
            "Stepped forward by hand to the front plank on Wed 4 Nov 2026, advised by a clinician."
        ]
    );
    let html = high_hamstring_rehab::core::report::render_html(&report);
    assert!(
        html.contains("advised by Dr Lee: build up slowly"),
        "{html}"
    );
}

#[test]
fn every_set_is_in_the_file_as_soon_as_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let session = program::start_session(&mut store, on(5)).unwrap();
    for amount in [10, 12, 15] {
        program::record_set(
            &mut store,
            on(5),
            session.id,
            "glute_bridge",
            Whole::Number(amount),
        )
        .unwrap();
    }
    // No close, no checkpoint: as if the process had been killed here.
    std::mem::forget(store);
    let mut store = open(&path);
    let resumed = program::start_session(&mut store, later(on(5), 30)).unwrap();
    assert_eq!(
        resumed.id, session.id,
        "the unfinished session is resumed, not replaced"
    );
    assert_eq!(resumed.exercises[0].sets, [10, 12, 15]);
    assert!(resumed.exercises[0].full);
    assert_eq!(resumed.resume_at, Some("glute_bridge"));
}

#[test]
fn a_session_started_before_midnight_is_finished_after_it_and_counts_for_its_first_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));
    let evening = Now::of(Utc.with_ymd_and_hms(2026, 11, 9, 23, 50, 0).unwrap());
    let after_midnight = Now::of(evening.utc + Duration::minutes(20));
    assert_eq!(evening.today, NaiveDate::from_ymd_opt(2026, 11, 9).unwrap());
    assert_eq!(
        after_midnight.today,
        NaiveDate::from_ymd_opt(2026, 11, 10).unwrap()
    );
    let session = program::start_session(&mut store, evening).unwrap();
    for _ in 0..3 {
        program::record_set(
            &mut store,
            after_midnight,
            session.id,
            "glute_bridge",
            Whole::Number(12),
        )
        .unwrap();
    }
    program::record_pain(
        &mut store,
        after_midnight,
        session.id,
        "glute_bridge",
        Whole::Number(0),
    )
    .unwrap();
    let finished = program::finish_session(&mut store, after_midnight, session.id).unwrap();
    assert_eq!(finished.session.date, evening.today);
    assert_eq!(finished.decision.kind, DecisionKind::Building);
    assert!(
        finished
            .decision
            .reason
            .contains(&high_hamstring_rehab::core::dates::friendly(evening.today)),
        "judged on the day it started: {}",
        finished.decision.reason
    );
    // The new day has no session of its own yet.
    assert!(matches!(
        program::today(&mut store, after_midnight)
            .unwrap()
            .session_state,
        SessionState::NotStarted
    ));
}

#[test]
fn bad_input_names_the_field_and_the_range_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let session = program::start_session(&mut store, on(6)).unwrap();
    program::record_set(
        &mut store,
        on(6),
        session.id,
        "glute_bridge",
        Whole::Number(12),
    )
    .unwrap();
    let before = row_counts(&path);

    let cases: Vec<(ServiceError, &str, &str)> = vec![
        (
            program::record_pain(
                &mut store,
                on(6),
                session.id,
                "glute_bridge",
                Whole::Number(11),
            )
            .unwrap_err(),
            "pain",
            "from 0 to 10",
        ),
        (
            program::record_pain(
                &mut store,
                on(6),
                session.id,
                "glute_bridge",
                Whole::from_json(&json!("a lot")),
            )
            .unwrap_err(),
            "pain",
            "from 0 to 10",
        ),
        (
            program::record_set(
                &mut store,
                on(6),
                session.id,
                "glute_bridge",
                Whole::Number(0),
            )
            .unwrap_err(),
            "amount",
            "from 1 to 100",
        ),
        (
            program::record_set(
                &mut store,
                on(6),
                session.id,
                "glute_bridge",
                Whole::Number(5000),
            )
            .unwrap_err(),
            "amount",
            "from 1 to 100",
        ),
        (
            program::record_set(&mut store, on(6), session.id, "moonwalk", Whole::Number(10))
                .unwrap_err(),
            "exercise_id",
            "must be one of",
        ),
        (
            program::record_set(
                &mut store,
                on(6),
                session.id,
                "front_plank",
                Whole::Number(10),
            )
            .unwrap_err(),
            "exercise_id",
            "still locked",
        ),
        (
            program::record_set(&mut store, on(6), 999, "glute_bridge", Whole::Number(10))
                .unwrap_err(),
            "session_id",
            "no session 999",
        ),
        (
            program::move_step(&mut store, on(6), Whole::Number(3), &Default::default())
                .unwrap_err(),
            "to_step",
            "one at a time",
        ),
        (
            program::move_step(&mut store, on(6), Whole::Number(-1), &Default::default())
                .unwrap_err(),
            "to_step",
            "from 0 to 6",
        ),
        (
            program::record_tests(&mut store, on(6), &tests_input("2026-11-07", false))
                .unwrap_err(),
            "taken_on",
            "to today (2026-11-06)",
        ),
        (
            program::record_tests(&mut store, on(6), &tests_input("yesterday", false)).unwrap_err(),
            "taken_on",
            "2000-01-01",
        ),
        (
            program::record_tests(
                &mut store,
                on(6),
                &RecordTests {
                    taken_on: "2026-11-06".into(),
                    results: vec![TestInput {
                        test_id: "toe_touch".into(),
                        side: "left".into(),
                        painful: true,
                    }],
                    range_of_motion_normal: None,
                },
            )
            .unwrap_err(),
            "test_id",
            "standing_stretch",
        ),
        (
            program::record_tests(
                &mut store,
                on(6),
                &RecordTests {
                    taken_on: "2026-11-06".into(),
                    results: vec![TestInput {
                        test_id: "standing_stretch".into(),
                        side: "middle".into(),
                        painful: true,
                    }],
                    range_of_motion_normal: None,
                },
            )
            .unwrap_err(),
            "side",
            "left or right",
        ),
    ];
    for (err, field, range) in cases {
        let (got_field, message) = invalid(err);
        assert_eq!(got_field, field, "{message}");
        assert!(
            message.contains(range),
            "{field}: {message:?} should contain {range:?}"
        );
    }
    // Eleven sets is more than a session holds.
    for _ in 0..9 {
        program::record_set(
            &mut store,
            on(6),
            session.id,
            "glute_bridge",
            Whole::Number(12),
        )
        .unwrap();
    }
    let full = row_counts(&path);
    let (field, message) = invalid(
        program::record_set(
            &mut store,
            on(6),
            session.id,
            "glute_bridge",
            Whole::Number(12),
        )
        .unwrap_err(),
    );
    assert_eq!(
        (field.as_str(), message.contains("10 sets")),
        ("set", true),
        "{message}"
    );
    assert_eq!(row_counts(&path), full);
    for _ in 0..9 {
        program::undo_set(&mut store, on(6), session.id, "glute_bridge").unwrap();
    }
    assert_eq!(row_counts(&path), before, "rejected input wrote nothing");

    // A finished session takes nothing more.
    program::finish_session(&mut store, on(6), session.id).unwrap();
    let (field, _) = invalid(
        program::record_set(
            &mut store,
            on(6),
            session.id,
            "glute_bridge",
            Whole::Number(12),
        )
        .unwrap_err(),
    );
    assert_eq!(field, "session_id");
}

#[test]
fn stretches_logged_by_hand_count_toward_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));
    assert_eq!(program::today(&mut store, on(8)).unwrap().stretches.done, 0);
    program::log_stretch(&mut store, on(8)).unwrap();
    let today = program::log_stretch(&mut store, later(on(8), 180)).unwrap();
    assert_eq!((today.stretches.done, today.stretches.target), (2, 4));
    assert_eq!(
        program::today(&mut store, on(9)).unwrap().stretches.done,
        0,
        "a new day starts at zero"
    );
}

#[test]
fn the_running_gate_needs_the_plank_on_both_legs_and_a_normal_range_of_motion() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));
    let plank = |left: bool, right: bool, rom: Option<bool>| RecordTests {
        taken_on: "2026-11-10".into(),
        results: vec![
            TestInput {
                test_id: "back_plank_leg_lifts".into(),
                side: "left".into(),
                painful: left,
            },
            TestInput {
                test_id: "back_plank_leg_lifts".into(),
                side: "right".into(),
                painful: right,
            },
        ],
        range_of_motion_normal: rom,
    };
    let v = program::record_tests(&mut store, on(10), &plank(false, true, Some(true))).unwrap();
    assert!(!v.gates[1].open);
    assert!(
        v.gates[1].reason.contains("painful on the right leg"),
        "{}",
        v.gates[1].reason
    );
    let v =
        program::record_tests(&mut store, later(on(10), 5), &plank(false, false, None)).unwrap();
    assert!(v.gates[1].open, "{}", v.gates[1].reason);
    let v = program::record_tests(
        &mut store,
        later(on(10), 10),
        &plank(false, false, Some(false)),
    )
    .unwrap();
    assert!(
        !v.gates[1].open && v.gates[1].reason.contains("range of motion"),
        "{}",
        v.gates[1].reason
    );
}

/// Every picture the window is told to show is a file that ships in `ui/img/`: an SVG
/// with a title and nothing fetched from elsewhere.
#[test]
fn every_picture_ships_as_a_self_contained_svg() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    for p in high_hamstring_rehab::core::pictures::PICTURES {
        let path = ui.join(p.src);
        let svg =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{}",
            p.src
        );
        assert!(
            svg.contains(&format!("<title>{}</title>", p.alt)),
            "{} is not titled with its alt text",
            p.src
        );
        for forbidden in ["href", "<image", "<script", "url("] {
            assert!(!svg.contains(forbidden), "{} contains {forbidden}", p.src);
        }
    }
}
