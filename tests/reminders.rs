//! Stretch reminders through the service on a real SQLite file, with a fake clock:
//! start-up reconciliation, answers, pauses that survive a restart and end by
//! themselves, a new day, a change of times, and rejected input.

use chrono::{NaiveDate, TimeZone, Utc};
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::InvalidInput;
use high_hamstring_rehab::core::messages::ReminderAction;
use high_hamstring_rehab::service::reminders::{self, Answer, Delivery, PauseFor};
use high_hamstring_rehab::service::{self, ServiceError};
use high_hamstring_rehab::store::Store;
use std::path::Path;

mod common;

/// Local = UTC: `h`:`m` on 2026-03-`day`.
fn at(day: u32, h: u32, m: u32) -> Now {
    let local = NaiveDate::from_ymd_opt(2026, 3, day)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap();
    Now::of(Utc.from_utc_datetime(&local))
}

fn open(path: &Path) -> Store {
    Store::open(path, Utc::now()).unwrap().0
}

fn events(path: &Path) -> Vec<(String, i64, String)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT local_date, planned, outcome FROM reminder_events ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_day_of_reminders_with_a_late_start_an_answer_a_pause_and_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);

    // The app starts at 12:50: 08:00 is long past (missed), 12:20 is within the grace: one catch-up.
    let tick = reminders::tick(&mut store, at(10, 12, 50)).unwrap();
    assert_eq!(tick.fire.len(), 1);
    assert_eq!(
        tick.fire[0].reminder.title,
        "Time for your hamstring stretch — 1 of 4 today"
    );
    assert!(tick.fire[0].reminder.body.starts_with("A little late"));
    reminders::delivered(
        &mut store,
        at(10, 12, 50),
        &[(tick.fire[0].showing, Delivery::Notification)],
    )
    .unwrap();
    assert_eq!(tick.view.due.as_deref(), Some("12:20"));
    assert_eq!(
        tick.view.tray.status,
        "0 of 4 stretches today · stretch due now"
    );
    assert!(
        reminders::tick(&mut store, at(10, 12, 51))
            .unwrap()
            .fire
            .is_empty(),
        "pending until answered, never twice"
    );

    let view = reminders::answer(&mut store, at(10, 12, 55), Answer::Done)
        .unwrap()
        .view;
    assert_eq!((view.done, view.due.as_deref()), (1, None));
    assert_eq!(view.tray.status, "1 of 4 stretches today · next at 16:40");

    // Paused for an hour at 16:30: the 16:40 reminder is skipped, not shown.
    let view = reminders::pause(&mut store, at(10, 16, 30), PauseFor::Hour)
        .unwrap()
        .view;
    assert_eq!(
        view.tray.status,
        "1 of 4 stretches today · paused until 17:30"
    );
    assert!(view.tray.resume.is_some());
    assert!(reminders::tick(&mut store, at(10, 16, 40))
        .unwrap()
        .fire
        .is_empty());
    drop(store);

    // After a restart the pause is still there, and it ends by itself at 17:30.
    let mut store = open(&path);
    let view = reminders::reminders(&mut store, at(10, 17, 0))
        .unwrap()
        .view;
    assert!(view.paused_until.is_some(), "the pause survives a restart");
    let view = reminders::reminders(&mut store, at(10, 17, 31))
        .unwrap()
        .view;
    assert_eq!(view.paused_until, None);
    assert_eq!(view.tray.status, "1 of 4 stretches today · next at 21:00");
    let states: Vec<&str> = view.slots.iter().map(|s| s.state).collect();
    assert_eq!(states, ["missed", "done", "skipped", "pending"]);

    // The next morning yesterday's last slot (never reached: the app was closed) is missed.
    let view = reminders::reminders(&mut store, at(11, 7, 0)).unwrap().view;
    assert_eq!((view.done, view.slots.len()), (0, 4));
    let outcomes: Vec<(String, i64, String)> = events(&path);
    let outcome = |o: &str| outcomes.iter().filter(|e| e.2 == o).count();
    assert_eq!(
        (
            outcome("shown"),
            outcome("done"),
            outcome("skipped"),
            outcome("missed")
        ),
        (1, 1, 1, 2),
        "{outcomes:?}"
    );
    assert!(outcomes.contains(&("2026-03-10".into(), 21 * 60, "missed".into())));
}

#[test]
fn hand_logged_stretches_meet_the_target_and_no_more_reminders_come() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    service::settings::update(
        &mut store,
        &serde_json::from_value(serde_json::json!({"stretches_per_day": 3})).unwrap(),
        Now::of(Utc::now()),
    )
    .unwrap();
    reminders::tick(&mut store, at(12, 7, 0)).unwrap();
    for _ in 0..3 {
        service::program::log_stretch(&mut store, at(12, 7, 30)).unwrap();
    }
    let tick = reminders::tick(&mut store, at(12, 8, 0)).unwrap();
    assert!(tick.fire.is_empty());
    assert_eq!(
        tick.view.tray.status,
        "3 of 3 stretches today · done for today"
    );
    assert!(
        tick.view.slots.iter().all(|s| s.state == "not_needed"),
        "{:?}",
        tick.view.slots
    );
}

#[test]
fn new_fixed_times_replan_the_rest_of_today_and_fire_on_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));
    reminders::tick(&mut store, at(13, 9, 0)).unwrap(); // 08:00 caught up
    reminders::answer(&mut store, at(13, 9, 1), Answer::Skip).unwrap();
    service::settings::update(
        &mut store,
        &serde_json::from_value(serde_json::json!({"fixed_times": "09:30, 18:00"})).unwrap(),
        Now::of(Utc::now()),
    )
    .unwrap();
    let view = reminders::replan_today(&mut store, at(13, 9, 5))
        .unwrap()
        .view;
    let times: Vec<(&str, &str)> = view
        .slots
        .iter()
        .map(|s| (s.time.as_str(), s.state))
        .collect();
    assert_eq!(
        times,
        [
            ("08:00", "skipped"),
            ("09:30", "pending"),
            ("18:00", "pending")
        ]
    );
    let tick = reminders::tick(&mut store, at(13, 9, 30)).unwrap();
    assert_eq!(tick.fire.len(), 1);
    assert_eq!(tick.view.due.as_deref(), Some("09:30"));
    assert_eq!(
        tick.next,
        Some(
            NaiveDate::from_ymd_opt(2026, 3, 13)
                .unwrap()
                .and_hms_opt(18, 0, 0)
                .unwrap()
        )
    );
    let snoozed = reminders::answer(&mut store, at(13, 9, 31), Answer::Snooze)
        .unwrap()
        .view;
    assert_eq!(snoozed.slots[1].state, "snoozed");
    let again = reminders::tick(&mut store, at(13, 9, 46)).unwrap();
    assert_eq!(again.fire.len(), 1, "the snooze ends after 15 minutes");
}

/// What the Settings page does: one call, one transaction. New times are planned into
/// the rest of today in it; the login item is asked only when "start at login" changes,
/// and a refusal by the system stores nothing at all.
#[test]
fn a_settings_change_replans_today_and_a_refused_login_item_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    reminders::tick(&mut store, at(15, 7, 0)).unwrap();
    let patch = |v: serde_json::Value| serde_json::from_value(v).unwrap();
    let times = |view: &reminders::RemindersView| -> Vec<String> {
        view.slots.iter().map(|s| s.time.clone()).collect()
    };

    let mut asked = Vec::new();
    let changed = service::settings::change(
        &mut store,
        &patch(serde_json::json!({"fixed_times": "09:30", "start_at_login": true})),
        at(15, 7, 5),
        |on| {
            asked.push(on);
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(asked, [true]);
    assert!(changed.view.settings.start_at_login);
    assert_eq!(times(&changed.tick.view), ["09:30"]);

    let before = events(&path);
    let err = service::settings::change(
        &mut store,
        &patch(serde_json::json!({"fixed_times": "10:00", "start_at_login": false})),
        at(15, 7, 6),
        |_| {
            Err(InvalidInput::new(
                "start_at_login",
                "Start at login could not be changed: no.",
            ))
        },
    )
    .unwrap_err();
    match err {
        ServiceError::System(refused) => assert_eq!(refused.field, "start_at_login"),
        other => panic!("expected the system's refusal, got {other:?}"),
    }
    let settings = service::settings::current(&mut store).unwrap();
    assert!(
        settings.start_at_login,
        "the setting says what the system does"
    );
    assert_eq!(settings.fixed_times.len(), 1);
    assert_eq!(settings.fixed_times[0].to_string(), "09:30");
    assert_eq!(events(&path), before);
    let view = reminders::reminders(&mut store, at(15, 7, 7)).unwrap().view;
    assert_eq!(times(&view), ["09:30"]);

    let mut asked = Vec::new();
    service::settings::change(
        &mut store,
        &patch(serde_json::json!({"allowed_pain": 2, "clinician_confirmed": true})),
        at(15, 7, 8),
        |on| {
            asked.push(on);
            Ok(())
        },
    )
    .unwrap();
    assert!(asked.is_empty(), "the login item is left alone: {asked:?}");
}

#[test]
fn a_pause_in_the_past_or_an_answer_with_nothing_due_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    reminders::tick(&mut store, at(14, 7, 0)).unwrap();
    let before = events(&path);
    let field = |e: ServiceError| match e {
        ServiceError::Invalid(i) => (i.field, i.message),
        other => panic!("{other:?}"),
    };
    let (f, m) =
        field(reminders::pause_until(&mut store, at(14, 7, 0), "2026-03-14T06:00").unwrap_err());
    assert_eq!(f, "until");
    assert!(m.contains("after now (2026-03-14 07:00)"), "{m}");
    assert_eq!(
        field(reminders::pause_until(&mut store, at(14, 7, 0), "2026-04-30T06:00").unwrap_err()).0,
        "until"
    );
    assert_eq!(
        field(reminders::pause_until(&mut store, at(14, 7, 0), "soon").unwrap_err()).0,
        "until"
    );
    assert_eq!(
        field(reminders::answer(&mut store, at(14, 7, 1), Answer::Done).unwrap_err()).0,
        "answer"
    );
    assert_eq!(
        field(
            reminders::Answer::parse("later")
                .map(|_| ())
                .map_err(ServiceError::from)
                .unwrap_err()
        )
        .0,
        "answer"
    );
    assert_eq!(
        reminders::reminders(&mut store, at(14, 7, 2))
            .unwrap()
            .view
            .paused_until,
        None
    );
    assert_eq!(events(&path), before);
}

fn fixed_times(store: &mut Store, times: &str) {
    service::settings::update(
        store,
        &serde_json::from_value(serde_json::json!({ "fixed_times": times })).unwrap(),
        Now::of(Utc::now()),
    )
    .unwrap();
}

fn stretches(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM stretches", [], |r| r.get(0))
        .unwrap()
}

/// A reminder that fell due has no event until the shell says how it reached the user:
/// `shown` when a notification server took it, `window` when none did.
#[test]
fn a_fired_reminder_is_recorded_shown_only_once_a_server_took_it_and_window_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    fixed_times(&mut store, "10:00, 11:00");
    // A moment into the second, as a real clock reads.
    let fired = Now::of(at(14, 10, 0).utc + chrono::Duration::milliseconds(750));
    let tick = reminders::tick(&mut store, fired).unwrap();
    assert_eq!(tick.fire.len(), 1);
    assert!(events(&path).is_empty(), "nothing recorded before delivery");
    let first = tick.fire[0].showing;
    assert_eq!(tick.view.waiting, Some(first));
    reminders::delivered(&mut store, at(14, 10, 0), &[(first, Delivery::Window)]).unwrap();
    assert_eq!(
        events(&path),
        [("2026-03-14".to_string(), 600, "window".to_string())]
    );
    // Its notification's Done, read back from the file, still names it.
    reminders::answer_showing(&mut store, at(14, 10, 1), &first, Answer::Done)
        .unwrap()
        .expect("the reminder just shown is answerable");
    let tick = reminders::tick(&mut store, at(14, 11, 0)).unwrap();
    reminders::delivered(
        &mut store,
        at(14, 11, 0),
        &[(tick.fire[0].showing, Delivery::Notification)],
    )
    .unwrap();
    let outcomes: Vec<String> = events(&path).into_iter().map(|e| e.2).collect();
    assert_eq!(outcomes, ["window", "done", "shown"]);
}

/// The action → answer mapping, and a notification's answer recorded exactly as the
/// tray's, but only while its reminder is the one waiting: answered elsewhere, snoozed,
/// replaced by a later one or of another day, a late click records nothing.
#[test]
fn an_action_answers_like_the_tray_and_a_stale_or_answered_notification_records_nothing() {
    assert_eq!(Answer::of_action(ReminderAction::Open), None);
    assert_eq!(Answer::of_action(ReminderAction::Done), Some(Answer::Done));
    assert_eq!(Answer::of_action(ReminderAction::Snooze), Some(Answer::Snooze));
    assert_eq!(Answer::of_action(ReminderAction::Skip), Some(Answer::Skip));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    fixed_times(&mut store, "10:00, 11:00, 12:00");
    // Fired a moment into the second: the showing is named to the second, as stored.
    let fired = Now::of(at(15, 10, 0).utc + chrono::Duration::milliseconds(750));
    let first = reminders::tick(&mut store, fired).unwrap().fire[0].showing;

    // Done from the tray; the notification's Done afterwards records nothing.
    reminders::answer(&mut store, at(15, 10, 1), Answer::Done).unwrap();
    let (before, stretched) = (events(&path), stretches(&path));
    let late = reminders::answer_showing(&mut store, at(15, 10, 2), &first, Answer::Done);
    assert!(late.unwrap().is_none());
    assert_eq!((events(&path), stretches(&path)), (before, stretched));

    // Snoozed from its notification: recorded as the tray would; the old notification's
    // Skip then records nothing, the new showing's Done does.
    let second = reminders::tick(&mut store, at(15, 11, 0)).unwrap().fire[0].showing;
    let tick = reminders::answer_showing(&mut store, at(15, 11, 1), &second, Answer::Snooze)
        .unwrap()
        .expect("the waiting reminder is answered");
    assert_eq!(tick.view.slots[1].state, "snoozed");
    assert_eq!(tick.view.waiting, None);
    let again = reminders::tick(&mut store, at(15, 11, 16)).unwrap().fire[0].showing;
    assert_ne!(again, second);
    let before = events(&path);
    assert!(
        reminders::answer_showing(&mut store, at(15, 11, 17), &second, Answer::Skip)
            .unwrap()
            .is_none()
    );
    assert_eq!(events(&path), before);

    // A later reminder fired while this one waited: only the later one is answerable.
    let third = reminders::tick(&mut store, at(15, 12, 0)).unwrap().fire[0].showing;
    assert!(
        reminders::answer_showing(&mut store, at(15, 12, 1), &again, Answer::Done)
            .unwrap()
            .is_none()
    );
    // The next day, yesterday's notification records nothing either.
    assert!(
        reminders::answer_showing(&mut store, at(16, 8, 0), &third, Answer::Done)
            .unwrap()
            .is_none()
    );
    assert_eq!(events(&path), before, "no answer recorded by a stale click");

    // The waiting one's Done: the same event and stretch as the tray's Done.
    let stretched = stretches(&path);
    reminders::answer_showing(&mut store, at(15, 12, 2), &third, Answer::Done)
        .unwrap()
        .expect("answered");
    let last = events(&path).pop().unwrap();
    assert_eq!(last, ("2026-03-15".to_string(), 12 * 60, "done".to_string()));
    assert_eq!(stretches(&path), stretched + 1);
}

#[test]
fn the_first_screens_preview_of_the_reminders_writes_nothing_and_matches_the_reconciled_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    // Through two days: before the first reminder, one due, one answered, a late start
    // with a catch-up, a pause, the evening, and the next morning (a new day to plan).
    let mut paused = false;
    let mut fired = 0;
    for now in [
        at(10, 7, 0),
        at(10, 8, 5),
        at(10, 8, 40),
        at(10, 12, 50),
        at(10, 13, 30),
        at(10, 17, 59),
        at(10, 22, 30),
        at(11, 6, 0),
        at(11, 8, 1),
    ] {
        let before = common::dump(&path);
        let preview = reminders::preview(&mut store, now).unwrap();
        assert_eq!(common::dump(&path), before, "the preview at {:?} wrote", now.local);
        let tick = reminders::tick(&mut store, now).unwrap();
        assert_eq!(
            format!("{preview:?}"),
            format!("{:?}", tick.view),
            "the preview at {:?} differs from the reconciled view",
            now.local
        );
        let shown: Vec<_> = tick
            .fire
            .iter()
            .map(|due| (due.showing, Delivery::Notification))
            .collect();
        reminders::delivered(&mut store, now, &shown).unwrap();
        fired += shown.len();
        if !tick.fire.is_empty() {
            if now.local.format("%H").to_string() == "08" {
                reminders::answer(&mut store, now, Answer::Done).unwrap();
            } else if !paused {
                paused = true;
                reminders::pause(&mut store, now, PauseFor::Hour).unwrap();
            }
        }
    }
    assert!(fired >= 3 && paused, "the walk should fire reminders ({fired}) and pause");
}
