//! The first-run setup through its services on real SQLite files: a new database waits
//! for it, its answers are saved as settings (side, diagnosis, reminders, start at login
//! with the login item asked), they reach the Self-tests and the report, it ends done or
//! skipped, and a wrong value is refused naming the field and its allowed values with
//! nothing written.

mod common;

use chrono::NaiveDate;
use common::{dump, now_at};
use high_hamstring_rehab::core::settings::{Settings, SettingsPatch};
use high_hamstring_rehab::core::setup::{Diagnosis, PainfulSide, SetupState};
use high_hamstring_rehab::core::InvalidInput;
use high_hamstring_rehab::service::{self, ServiceError};
use high_hamstring_rehab::store::Store;
use serde_json::{json, Value};
use std::cell::RefCell;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn patch(v: Value) -> SettingsPatch {
    serde_json::from_value(v).unwrap()
}

/// The setup's "You" step as the window saves it: a settings change.
fn answer(store: &mut Store, v: Value) -> Result<Settings, ServiceError> {
    service::settings::change(store, &patch(v), now_at(day(), 9), |_| Ok(()))
        .map(|c| c.view.settings)
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("rehab.db"), now_at(day(), 9).utc).unwrap();
    (dir, store)
}

fn invalid(e: ServiceError) -> InvalidInput {
    match e {
        ServiceError::Invalid(i) => i,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_new_database_waits_for_the_setup_with_nothing_answered_and_start_at_login_offered() {
    let (_dir, mut store) = new_store();
    let view = service::setup::view(&mut store).unwrap();
    assert_eq!(view.state, SetupState::Pending);
    assert_eq!(view.settings.settings, Settings::default());
    assert_eq!(view.settings.settings.painful_side, None);
    assert_eq!(view.settings.settings.diagnosis, None);
    assert!(
        view.start_at_login_offered,
        "offered ticked on the first setup"
    );
    assert!(!view.settings.settings.start_at_login, "but not set until saved");
    assert_eq!(
        view.texts.safety.red_flags.flags,
        high_hamstring_rehab::core::safety::RED_FLAGS
    );
}

#[test]
fn the_three_steps_are_saved_in_the_file_and_reach_settings_self_tests_and_the_report() {
    let (dir, mut store) = new_store();
    let path = dir.path().join("rehab.db");
    answer(&mut store, json!({"painful_side": "right", "diagnosis": "not_yet"})).unwrap();
    let asked = RefCell::new(Vec::new());
    service::settings::change(
        &mut store,
        &patch(json!({
            "stretches_per_day": "3",
            "reminder_window_start": "09:00",
            "reminder_window_end": "20:00",
            "start_at_login": true
        })),
        now_at(day(), 9),
        |on| {
            asked.borrow_mut().push(on);
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(*asked.borrow(), [true], "the login item was asked for once");
    let view = service::setup::finish(&mut store, "done").unwrap();
    assert_eq!(view.state, SetupState::Done);
    drop(store);

    let conn = rusqlite::Connection::open(&path).unwrap();
    let row: (String, String, String, i64, i64, i64, bool) = conn
        .query_row(
            "SELECT painful_side, diagnosis, setup, stretches_per_day, reminder_window_start,
                    reminder_window_end, start_at_login FROM settings",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(
        row,
        ("right".into(), "not_yet".into(), "done".into(), 3, 540, 1200, true)
    );

    let (mut store, _) = Store::open(&path, now_at(day(), 10).utc).unwrap();
    let settings = service::settings::view(&mut store).unwrap();
    assert_eq!(settings.settings.painful_side, Some(PainfulSide::Right));
    assert_eq!(settings.settings.diagnosis, Some(Diagnosis::NotYet));
    assert_eq!(settings.setup.side.choices.len(), 3);
    let tests = service::program::self_tests(&mut store, now_at(day(), 10)).unwrap();
    let marked: Vec<(String, bool)> = tests
        .legs
        .iter()
        .map(|l| (l.label.clone(), l.painful))
        .collect();
    assert_eq!(
        marked,
        [("left leg".to_string(), false), ("right leg".to_string(), true)]
    );
    let report = service::report::report(&mut store, now_at(day(), 10)).unwrap();
    assert_eq!(
        report.texts.you,
        "Painful side: right. Diagnosis confirmed by a clinician: not yet."
    );
    let html = high_hamstring_rehab::core::report::render_html(&report);
    assert!(html.contains("Painful side: right."), "the saved report too");
    // Run again, the setup shows what is set now.
    let again = service::setup::view(&mut store).unwrap();
    assert!(again.start_at_login_offered);
    assert_eq!(again.settings.settings.stretches_per_day, 3);
}

#[test]
fn skipping_keeps_every_default_and_the_setup_is_not_pending_any_more() {
    let (dir, mut store) = new_store();
    let view = service::setup::finish(&mut store, "skipped").unwrap();
    assert_eq!(view.state, SetupState::Skipped);
    assert_eq!(view.settings.settings, Settings::default());
    assert!(!view.start_at_login_offered, "a re-run shows the setting as it is");
    drop(store);
    let (mut store, _) = Store::open(&dir.path().join("rehab.db"), now_at(day(), 10).utc).unwrap();
    assert_eq!(
        service::setup::state(&mut store).unwrap(),
        SetupState::Skipped
    );
    assert_eq!(
        service::settings::current(&mut store).unwrap(),
        Settings::default()
    );
}

#[test]
fn a_wrong_answer_is_refused_naming_the_field_and_the_allowed_values_and_nothing_is_written() {
    let (dir, mut store) = new_store();
    let path = dir.path().join("rehab.db");
    answer(&mut store, json!({"painful_side": "left"})).unwrap();
    let before = dump(&path);
    for (body, field, allowed) in [
        (json!({"painful_side": "middle"}), "painful_side", "left, right or both"),
        (json!({"painful_side": 2}), "painful_side", "left, right or both"),
        (
            json!({"diagnosis": "maybe", "painful_side": "right"}),
            "diagnosis",
            "confirmed, not_yet or no",
        ),
        (
            json!({"diagnosis": ["confirmed"]}),
            "diagnosis",
            "confirmed, not_yet or no",
        ),
        // A good answer with a bad reminder change: the whole change is refused.
        (
            json!({"painful_side": "both", "stretches_per_day": 5}),
            "stretches_per_day",
            "from 3 to 4",
        ),
    ] {
        let e = invalid(answer(&mut store, body.clone()).unwrap_err());
        assert_eq!(e.field, field, "{body}");
        assert!(e.message.contains(allowed), "{body}: {}", e.message);
        assert_eq!(dump(&path), before, "{body} wrote something");
    }
    for outcome in ["pending", "", "finished", "DONE"] {
        let e = invalid(service::setup::finish(&mut store, outcome).unwrap_err());
        assert_eq!(e.field, "outcome");
        assert!(e.message.contains("done or skipped"), "{}", e.message);
        assert_eq!(dump(&path), before, "{outcome:?} wrote something");
    }
    assert_eq!(
        service::setup::state(&mut store).unwrap(),
        SetupState::Pending
    );
}

#[test]
fn a_login_item_the_system_refuses_leaves_the_reminders_step_unsaved() {
    let (dir, mut store) = new_store();
    let path = dir.path().join("rehab.db");
    let before = dump(&path);
    let e = service::settings::change(
        &mut store,
        &patch(json!({"stretches_per_day": 3, "start_at_login": true})),
        now_at(day(), 9),
        |_| Err(InvalidInput::new("start_at_login", "no autostart here")),
    )
    .unwrap_err();
    assert!(matches!(e, ServiceError::System(ref i) if i.field == "start_at_login"));
    assert_eq!(dump(&path), before);
}
