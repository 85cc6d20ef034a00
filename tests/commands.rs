//! The commands on Tauri's mock runtime, with the app's real configuration and
//! capabilities (so a command the window is not granted would fail here too) and a real
//! SQLite file in a temporary folder. No display needed.

#[path = "common/mock.rs"]
mod mock;

use mock::{start, Harness};
use serde_json::{json, Value};
use tauri::WebviewWindowBuilder;

#[test]
fn settings_are_read_with_their_limits_and_written_through_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    let view = h.invoke("get_settings", json!({})).unwrap();
    assert_eq!(view["settings"]["allowed_pain"], 0);
    assert_eq!(view["settings"]["reminder_window_start"], "08:00");
    assert_eq!(view["limits"]["allowed_pain"], json!({"min": 0, "max": 5}));

    // Allowed pain above 0 only on a clinician's advice, confirmed with the change.
    let err = h
        .invoke("update_settings", json!({"patch": {"allowed_pain": "3"}}))
        .unwrap_err();
    assert_eq!(
        (&err["kind"], &err["field"]),
        (&json!("invalid_input"), &json!("clinician_confirmed"))
    );
    let view = h
        .invoke(
            "update_settings",
            json!({"patch": {"allowed_pain": "3", "theme": "dark", "clinician_confirmed": true}}),
        )
        .unwrap();
    assert_eq!(view["settings"]["allowed_pain"], 3);
    assert_eq!(
        h.invoke("get_settings", json!({})).unwrap()["settings"]["theme"],
        "dark"
    );
}

#[test]
fn invalid_input_comes_back_as_kind_message_and_field_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    let err = h
        .invoke(
            "update_settings",
            json!({"patch": {"sessions_to_progress": 9}}),
        )
        .unwrap_err();
    assert_eq!(
        err,
        json!({
            "kind": "invalid_input",
            "field": "sessions_to_progress",
            "message": "Sessions in a row needed must be a whole number from 1 to 5 (got 9)."
        })
    );
    let err = h
        .invoke("update_settings", json!({"patch": {"volume": 11}}))
        .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("volume"), "{err}");
    assert_eq!(
        h.invoke("get_settings", json!({})).unwrap()["settings"]["sessions_to_progress"],
        1
    );
}

#[test]
fn the_test_reminder_goes_through_the_notifier_with_the_core_text() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    h.invoke(
        "update_settings",
        json!({"patch": {"stretches_per_day": 3}}),
    )
    .unwrap();
    let sent = h.invoke("send_test_reminder", json!({})).unwrap();
    assert_eq!(sent["title"], "High Hamstring Rehab — test reminder");
    // The settings change replans today on the real clock, so a real reminder may fall
    // due during it (with 3 a day spread over 08:00–21:00, one is at 14:30): only the
    // test reminder is this test's subject.
    let shown = h.shown.0.lock().unwrap();
    let tests: Vec<_> = shown.iter().filter(|r| r.title == sent["title"]).collect();
    assert_eq!(tests.len(), 1, "one test reminder among {shown:?}");
    assert!(tests[0].body.contains("3 a day"), "{}", tests[0].body);
}

#[test]
fn the_setup_opens_pending_ends_done_or_skipped_and_refuses_anything_else_naming_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    assert_eq!(h.invoke("get_app_status", json!({})).unwrap()["setup"], "pending");
    let view = h.invoke("get_setup", json!({})).unwrap();
    assert_eq!(view["state"], "pending");
    assert_eq!(view["start_at_login_offered"], true);
    assert_eq!(view["settings"]["settings"]["painful_side"], Value::Null);
    assert_eq!(
        view["texts"]["reminders"]["test"]["sent"],
        "A test reminder was sent. Did you see it?"
    );
    for bad in [json!({"outcome": "pending"}), json!({"outcome": 3}), json!({})] {
        let err = h.invoke("finish_setup", bad.clone()).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{bad}: {err}");
        assert_eq!(err["field"], "outcome", "{bad}: {err}");
    }
    // The "You" step is a settings change; a wrong answer names its field.
    let err = h
        .invoke("update_settings", json!({"patch": {"painful_side": "middle"}}))
        .unwrap_err();
    assert_eq!(err["field"], "painful_side");
    h.invoke(
        "update_settings",
        json!({"patch": {"painful_side": "both", "diagnosis": "confirmed"}}),
    )
    .unwrap();
    let view = h.invoke("finish_setup", json!({"outcome": "done"})).unwrap();
    assert_eq!(view["state"], "done");
    assert_eq!(view["settings"]["settings"]["painful_side"], "both");
    assert_eq!(
        h.invoke("get_settings", json!({})).unwrap()["settings"]["diagnosis"],
        "confirmed"
    );
}

#[test]
fn the_first_screen_comes_in_one_call_on_the_setup_while_pending_then_on_today_with_its_views() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    // A new database: the window opens on the setup, and Today's views are not made.
    let first = h.invoke("get_first_screen", json!({})).unwrap();
    assert_eq!(first["route"], "#/setup");
    assert_eq!(first["setup"], "pending");
    assert_eq!(first["theme"], "system");
    assert_eq!(first["status"], h.invoke("get_app_status", json!({})).unwrap());
    for part in ["today", "protocol", "reminders"] {
        assert_eq!(first[part], Value::Null, "{part}");
    }

    h.invoke("update_settings", json!({"patch": {"theme": "dark"}}))
        .unwrap();
    h.invoke("finish_setup", json!({"outcome": "skipped"}))
        .unwrap();
    // Past the setup: no route of its own (Today), with the same views the screen's own
    // commands give.
    let first = h.invoke("get_first_screen", json!({})).unwrap();
    assert_eq!(first["route"], Value::Null);
    assert_eq!(first["setup"], "skipped");
    assert_eq!(first["theme"], "dark");
    assert_eq!(first["protocol"], h.invoke("get_protocol", json!({})).unwrap());
    let today = h.invoke("get_today", json!({})).unwrap();
    for field in ["date", "exercises", "stretches", "week", "gates", "progress"] {
        assert_eq!(first["today"][field], today[field], "{field}");
    }
    let reminders = h.invoke("get_reminders", json!({})).unwrap();
    assert_eq!(first["reminders"]["date"], reminders["date"]);
    assert_eq!(first["reminders"]["slots"], reminders["slots"]);
}

#[test]
fn app_status_reports_where_the_data_lives_and_a_set_aside_file_until_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rehab.db"),
        b"not a database at all, just text",
    )
    .unwrap();
    let h = start(dir.path());
    let status = h.invoke("get_app_status", json!({})).unwrap();
    assert_eq!(status["database_path"], json!(dir.path().join("rehab.db")));
    let moved_to = status["set_aside"]["moved_to"]
        .as_str()
        .expect("set_aside reported")
        .to_string();
    assert_eq!(
        std::fs::read(&moved_to).unwrap(),
        b"not a database at all, just text"
    );

    h.invoke("dismiss_recovery_notice", json!({})).unwrap();
    assert_eq!(
        h.invoke("get_app_status", json!({})).unwrap()["set_aside"],
        Value::Null
    );
}

#[test]
fn commands_are_granted_to_the_main_window_only() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    assert!(h.invoke("get_settings", json!({})).is_ok());
    // The same command from a window the capability does not name is refused: the
    // capability file is in force, not merely present.
    let other = WebviewWindowBuilder::new(&h.window, "other", Default::default())
        .build()
        .unwrap();
    let other = Harness {
        _app: None,
        window: other,
        shown: h.shown.clone(),
        desktop: h.desktop.clone(),
    };
    let err = other.invoke("get_settings", json!({})).unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
    // The notification plugin is not the front end's to call: reminders go out from Rust.
    assert!(h
        .invoke(
            "plugin:notification|notify",
            json!({"options": {"title": "x"}})
        )
        .is_err());
}

#[test]
fn a_guided_session_runs_through_the_commands_with_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    let protocol = h.invoke("get_protocol", json!({})).unwrap();
    assert_eq!(protocol["ladder"].as_array().unwrap().len(), 7);
    assert_eq!(protocol["ladder"][1]["measure"], "hold");
    assert_eq!(protocol["dose"]["sets"], json!({"min": 3, "max": 4}));

    let session = h.invoke("start_session", json!({})).unwrap();
    let id = session["id"].clone();
    assert_eq!(session["exercises"][0]["id"], "glute_bridge");
    // A new exercise starts below the full dose; the dose to reach says where it comes from.
    assert_eq!(
        session["exercises"][0]["today"]["text"],
        "Today: 1 set of 10 repetitions."
    );
    assert!(protocol["doses"][1]["source"]
        .as_str()
        .unwrap()
        .contains("the app's suggestion"));
    for _ in 0..3 {
        h.invoke(
            "record_set",
            json!({"sessionId": id, "exerciseId": "glute_bridge", "amount": 12}),
        )
        .unwrap();
    }
    // A value the window could send by mistake: named field, range, nothing written.
    let err = h
        .invoke(
            "record_pain",
            json!({"sessionId": id, "exerciseId": "glute_bridge", "pain": "eleven"}),
        )
        .unwrap_err();
    assert_eq!(
        err,
        json!({
            "kind": "invalid_input",
            "field": "pain",
            "message": "Pain must be a whole number from 0 to 10 (got \"eleven\")."
        })
    );
    // No score chosen (the pain control sends null, or leaves the argument out): refused
    // naming the field, with what to do; the same through a check-in and a run.
    let missing = json!({
        "kind": "invalid_input",
        "field": "pain",
        "message": "Pain: choose a number from 0 to 10 before saving."
    });
    for (command, args) in [
        ("record_pain", json!({"sessionId": id, "exerciseId": "glute_bridge", "pain": null})),
        ("record_pain", json!({"sessionId": id, "exerciseId": "glute_bridge"})),
        ("add_checkin", json!({"context": "sitting", "pain": null, "note": ""})),
        ("add_checkin", json!({"context": "sitting", "pain": "", "note": ""})),
    ] {
        assert_eq!(h.invoke(command, args.clone()).unwrap_err(), missing, "{command} {args}");
    }
    assert_eq!(protocol["pain"]["min_words"], "no pain");
    assert_eq!(protocol["pain"]["max_words"], "worst imaginable");
    let err = h
        .invoke(
            "record_set",
            json!({"sessionId": id, "exerciseId": "front_plank", "amount": 10}),
        )
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("exercise_id"))
    );

    let scored = h
        .invoke(
            "record_pain",
            json!({"sessionId": id, "exerciseId": "glute_bridge", "pain": 0}),
        )
        .unwrap();
    assert_eq!(scored["decision"]["kind"], "building");
    assert_eq!(scored["safety"], json!(null), "0/10 brings up no red flags");
    // Every pain entry is one click from the red flags: they come with the pain scale.
    assert_eq!(
        protocol["pain"]["red_flags"]["flags"]
            .as_array()
            .map(Vec::len),
        Some(high_hamstring_rehab::core::safety::RED_FLAGS.len())
    );
    // A 7/10 check-in answers with the calm message and the red flags, from the backend.
    let saved = h
        .invoke(
            "add_checkin",
            json!({"context": "sitting", "pain": 7, "note": ""}),
        )
        .unwrap();
    assert_eq!(saved["safety"]["trigger"], "high_score");
    assert!(saved["safety"]["headline"]
        .as_str()
        .unwrap()
        .contains("consider contacting your clinician"));
    assert!(saved["message"]
        .as_str()
        .unwrap()
        .starts_with("Check-in saved"));
    let finished = h
        .invoke("finish_session", json!({"sessionId": id}))
        .unwrap();
    assert_eq!(
        finished["changes"],
        json!(["Building up the double-leg glute bridge."])
    );
    let today = h.invoke("get_today", json!({})).unwrap();
    assert_eq!(today["session_state"], "done");
    assert_eq!(today["exercises"], json!(["glute_bridge"]));
    assert_eq!(
        today["progress"]["doses"][0]["text"],
        "Today: 2 sets of 10 repetitions."
    );

    let err = h.invoke("move_step", json!({"toStep": 5})).unwrap_err();
    assert_eq!(err["field"], "to_step");
    let err = h
        .invoke(
            "move_step",
            json!({"toStep": 1, "advice": {"clinician_confirmed": "maybe"}}),
        )
        .unwrap_err();
    assert_eq!(err["field"], "clinician_confirmed");
    h.invoke(
        "move_step",
        json!({"toStep": 1, "advice": {"clinician_confirmed": true}}),
    )
    .unwrap();
    let moved = h.invoke("move_step", json!({"toStep": 0})).unwrap();
    assert_eq!(moved["progress"]["decision"]["kind"], "moved");

    let err = h
        .invoke(
            "record_self_tests",
            json!({"input": {"taken_on": "2999-01-01", "results": [{"test_id": "standing_stretch", "side": "left", "painful": true}]}}),
        )
        .unwrap_err();
    assert_eq!(err["field"], "taken_on");
    let view = h.invoke("get_self_tests", json!({})).unwrap();
    assert_eq!(view["interpretation"]["finding"], "incomplete");
    assert!(view["history"].as_array().unwrap().is_empty());
}

/// What one try of [`a_reminder_that_falls_due_during_a_command_is_delivered_not_lost`]
/// saw, and whether the wall clock stayed in the minute it planned for.
struct DueNow {
    minute: String,
    shown: Vec<high_hamstring_rehab::core::messages::Reminder>,
    due: Value,
    shown_after_reading: usize,
    done: Value,
    in_one_minute: bool,
}

/// Sets the current minute as the fixed reminder time through the settings command and
/// reads and answers the reminder, on a fresh app.
fn set_the_current_minute_as_the_reminder() -> DueNow {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    let began = chrono::Local::now();
    let minute = began.format("%H:%M").to_string();
    h.invoke("update_settings", json!({"patch": {"fixed_times": minute}}))
        .unwrap();
    let shown = h.shown.0.lock().unwrap().clone();
    let due = h.invoke("get_reminders", json!({})).unwrap()["due"].clone();
    let shown_after_reading = h.shown.0.lock().unwrap().len();
    let done = h
        .invoke("answer_reminder", json!({"answer": "done"}))
        .unwrap()["done"]
        .clone();
    let err = h
        .invoke("answer_reminder", json!({"answer": "later"}))
        .unwrap_err();
    assert_eq!(err["field"], "answer");
    let ended = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
    DueNow {
        minute,
        shown,
        due,
        shown_after_reading,
        done,
        in_one_minute: ended == began.format("%Y-%m-%d %H:%M").to_string(),
    }
}

#[test]
fn a_reminder_that_falls_due_during_a_command_is_delivered_not_lost() {
    // Whichever path reconciles the day first (the scheduler, or a command such as a
    // settings change) marks the slot shown; it must also deliver the notification.
    // The commands read the real clock: a try that the wall clock carried into the next
    // minute (or day) proves nothing, so it is made again, then at the start of a
    // minute. No waiting for a time of day.
    let mut seen = set_the_current_minute_as_the_reminder();
    if !seen.in_one_minute {
        seen = set_the_current_minute_as_the_reminder();
    }
    assert!(
        seen.in_one_minute,
        "two tries in a row each took past the end of a minute"
    );
    assert_eq!(
        seen.shown.len(),
        1,
        "the reminder due now was delivered: {:?}",
        seen.shown
    );
    assert_eq!(
        seen.shown[0].title,
        "Time for your hamstring stretch — 1 of 4 today"
    );
    assert_eq!(seen.due, json!(seen.minute));
    assert_eq!(seen.shown_after_reading, 1, "and only once");
    assert_eq!(seen.done, 1);
}

/// Points the export folder into the test's own folder through the (scripted) dialog, so
/// no export is written into the real Documents folder.
fn export_into(h: &Harness, folder: &std::path::Path) -> Value {
    h.desktop.will_pick(Some(folder));
    h.invoke("choose_export_folder", json!({})).unwrap()
}

#[test]
fn open_folder_takes_five_names_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    // Outside the data folder (the rule refuses that one).
    let mine = tempfile::tempdir().unwrap();
    let exports = mine.path().join("exports");
    let view = export_into(&h, &exports);
    assert_eq!(view["export_folder"], json!(exports));

    let climbing = format!("{}/../../x", exports.display());
    let data_dir = dir.path().to_str().unwrap().to_string();
    let mut messages = Vec::new();
    for bad in [
        json!("../x"),
        json!("export/../.."),
        json!(climbing),
        json!(data_dir),
        json!("/tmp"),
        json!("/"),
        json!("C:\\Windows"),
        json!(""),
        json!("DATA"),
    ] {
        let err = h
            .invoke("open_folder", json!({ "which": bad }))
            .map(|_| format!("{bad} was accepted"))
            .unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{bad}: {err}");
        assert_eq!(err["field"], "which");
        messages.push(err["message"].as_str().unwrap_or_default().to_string());
    }
    for message in messages {
        assert!(
            message.contains("data, backups, export, last_export, last_report"),
            "the allowed names are said: {message}"
        );
    }
    assert!(
        h.desktop.opened.lock().unwrap().is_empty(),
        "nothing opened"
    );

    // Not made yet: said so, and not created to be shown.
    for which in ["export", "backups", "last_export", "last_report"] {
        let err = h
            .invoke("open_folder", json!({ "which": which }))
            .unwrap_err();
        assert_eq!(err["kind"], "not_found", "{which}: {err}");
    }
    let err = h
        .invoke("open_folder", json!({"which": "export"}))
        .unwrap_err();
    assert_eq!(
        err["message"],
        "The export folder has not been created yet: it is made on the first export."
    );
    assert!(!exports.exists());

    let exported = h.invoke("export_csv", json!({})).unwrap();
    let report = h.invoke("save_report", json!({})).unwrap();
    h.invoke("backup_now", json!({})).unwrap();
    for which in ["data", "backups", "export", "last_export", "last_report"] {
        h.invoke("open_folder", json!({ "which": which }))
            .unwrap_or_else(|e| panic!("{which}: {e}"));
    }
    let opened: Vec<Value> = h
        .desktop
        .opened
        .lock()
        .unwrap()
        .iter()
        .map(|p| json!(p))
        .collect();
    assert_eq!(
        opened,
        [
            json!(dir.path()),
            json!(dir.path().join("backups")),
            json!(exports),
            exported["folder"].clone(),
            report["folder"].clone(),
        ]
    );
}

#[test]
fn the_export_folder_is_chosen_in_the_dialog_checked_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    let default = h.invoke("get_data", json!({})).unwrap();
    assert_eq!(default["export_is_default"], true);

    // Cancelled: nothing changes.
    h.desktop.will_pick(None);
    assert_eq!(
        h.invoke("choose_export_folder", json!({})).unwrap(),
        default
    );

    for bad in [
        std::path::PathBuf::from("/etc"),
        std::path::PathBuf::from("/"),
        dir.path().to_path_buf(), // the data folder
        dir.path().join("backups"),
    ] {
        h.desktop.will_pick(Some(&bad));
        let err = h.invoke("choose_export_folder", json!({})).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{}: {err}", bad.display());
        assert_eq!(err["field"], "export_folder");
        assert_eq!(h.invoke("get_data", json!({})).unwrap(), default);
    }

    let mine = tempfile::tempdir().unwrap();
    let chosen = mine.path().join("rehab exports");
    let view = export_into(&h, &chosen);
    assert_eq!(
        (
            view["export_folder"].clone(),
            view["export_is_default"].clone()
        ),
        (json!(chosen), json!(false))
    );
    assert!(
        !chosen.exists(),
        "made on the first export, not when chosen"
    );
    let view = h.invoke("reset_export_folder", json!({})).unwrap();
    assert_eq!(view, default);

    // The window can no longer set a folder by sending a path.
    assert!(h
        .invoke("set_export_folder", json!({"folder": "/tmp"}))
        .is_err());
    assert_eq!(h.invoke("get_data", json!({})).unwrap(), default);
}

#[test]
fn a_backup_is_restored_by_name_or_from_the_picked_file_never_from_a_sent_path() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    h.invoke("add_note", json!({"text": "before the backup"}))
        .unwrap();
    let view = h.invoke("backup_now", json!({})).unwrap();
    let name = view["backups"][0]["name"].as_str().unwrap().to_string();
    let path = view["backups"][0]["path"].as_str().unwrap().to_string();
    h.invoke("add_note", json!({"text": "after the backup"}))
        .unwrap();
    let journal = || h.invoke("get_journal", json!({})).unwrap();
    let before = journal();

    for bad in [
        "rehab-backup-2020-01-01T000000.000Z.db",
        path.as_str(),
        "../rehab.db",
        "rehab.db",
        "",
    ] {
        let err = h
            .invoke("restore_backup", json!({ "name": bad }))
            .unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{bad}: {err}");
        assert_eq!(err["field"], "name");
        assert_eq!(journal(), before, "{bad} changed the data");
    }
    // The old argument, a path, is not read at all.
    assert!(h.invoke("restore_backup", json!({ "path": path })).is_err());
    assert_eq!(journal(), before);

    // Nothing picked yet, or the pick cancelled: nothing to restore.
    let err = h.invoke("restore_picked_backup", json!({})).unwrap_err();
    assert_eq!(err["field"], "file", "{err}");
    h.desktop.will_pick(None);
    assert_eq!(
        h.invoke("choose_backup_file", json!({})).unwrap(),
        Value::Null
    );
    assert!(h.invoke("restore_picked_backup", json!({})).is_err());

    // A file picked in the dialog: shown back, then restored once confirmed.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("my backup.db");
    std::fs::copy(&path, &copy).unwrap();
    h.desktop.will_pick(Some(&copy));
    let picked = h.invoke("choose_backup_file", json!({})).unwrap();
    assert_eq!(picked["name"], "my backup.db");
    assert_eq!(picked["path"], json!(copy));
    h.invoke("restore_picked_backup", json!({})).unwrap();
    let after = journal();
    assert_ne!(after, before);
    assert!(
        !after.to_string().contains("after the backup"),
        "restored to the backup"
    );
    // Used once: confirming again restores nothing.
    assert_eq!(
        h.invoke("restore_picked_backup", json!({})).unwrap_err()["field"],
        "file"
    );

    // And by its listed name.
    h.invoke("add_note", json!({"text": "after the restore"}))
        .unwrap();
    h.invoke("restore_backup", json!({ "name": name })).unwrap();
    assert!(!journal().to_string().contains("after the restore"));
}

#[test]
fn the_page_has_no_dialog_or_opener_permission() {
    let dir = tempfile::tempdir().unwrap();
    let h = start(dir.path());
    for (cmd, args) in [
        (
            "plugin:dialog|open",
            json!({"options": {"directory": true}}),
        ),
        ("plugin:opener|open_path", json!({"path": "/etc"})),
        ("plugin:fs|read_file", json!({"path": "/etc/passwd"})),
    ] {
        assert!(h.invoke(cmd, args).is_err(), "{cmd}");
    }
    assert!(h.desktop.opened.lock().unwrap().is_empty());
}
