//! The one pain control end to end: a check-in (Journal), a run (Running) and a session's
//! pain, each saved without a score chosen, is refused with the backend's message naming
//! the field, the control marked and focused, and the database file unchanged (a dump of
//! every row before and after); choosing 3 then saves 3 (by a click, by End, the left
//! arrow and Enter, and by the right arrow and Space).

use crate::common::{dump, now_at};
use crate::program::click;
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::key::Key;
use fantoccini::Client;
use high_hamstring_rehab::service::program::{self, RecordTests, TestInput};
use high_hamstring_rehab::service::running;
use high_hamstring_rehab::store::Store;
use serde_json::json;
use std::path::Path;

/// The backend's words for a save with no score chosen (core/pain.rs `missing`).
const REFUSED: &str = "Pain: choose a number from 0 to 10 before saving.";

/// Clicks `save` with nothing chosen on the control `group`: the refusal shows in
/// `status`, the control is marked invalid with the focus in it, and the file is as it was.
async fn refused_and_nothing_written(
    client: &Client,
    db: &Path,
    group: &str,
    save: &str,
    status: &str,
) {
    ui::wait_for(client, &format!("#{group}-0")).await;
    let none = ui::js(
        client,
        "return document.querySelectorAll(`#${arguments[0]} [aria-checked=\"true\"]`).length;",
        vec![json!(group)],
    )
    .await
    .unwrap();
    assert_eq!(
        none,
        json!(0),
        "{group}: no score chosen before the user picks one"
    );
    let before = dump(db);
    click(client, save).await;
    let said = ui::wait_for_text(client, status, "the refusal", |t| t == REFUSED).await;
    println!("{group}: {said}");
    let marked = ui::js(
        client,
        "const g = document.getElementById(arguments[0]); return [g.getAttribute('aria-invalid'), g.contains(document.activeElement)];",
        vec![json!(group)],
    )
    .await
    .unwrap();
    assert_eq!(
        marked,
        json!(["true", true]),
        "{group}: marked invalid and focused"
    );
    assert_eq!(dump(db), before, "{group}: a refused save writes nothing");
}

/// Waits until the focused element and the scores chosen in `group` are `want`
/// (`[focused id, [chosen ids]]`).
async fn focus_and_chosen(client: &Client, group: &str, want: serde_json::Value) {
    let want = &want;
    eventually(&format!("{group}: focus and choice {want}"), || async move {
        let seen = ui::js(
            client,
            "return [document.activeElement.id, [...document.querySelectorAll(`#${arguments[0]} [aria-checked=\"true\"]`)].map((b) => b.id)];",
            vec![json!(group)],
        )
        .await?;
        if seen == *want {
            Ok(())
        } else {
            Err(format!("{seen}"))
        }
    })
    .await
}

#[tokio::test]
async fn saving_a_check_in_a_run_and_a_session_pain_without_a_score_is_refused_and_writes_nothing_and_3_saves_3(
) {
    let mut h = Harness::new();
    let db = h.database_path();
    // The running gate open and the plan started yesterday, so today's run may be logged.
    let yesterday = chrono::Local::now().date_naive() - chrono::Duration::days(1);
    {
        let (mut store, _) = Store::open(&db, chrono::Utc::now()).expect("open the test database");
        let result = |side: &str| TestInput {
            test_id: "back_plank_leg_lifts".into(),
            side: side.into(),
            painful: false,
        };
        program::record_tests(
            &mut store,
            now_at(yesterday, 9),
            &RecordTests {
                taken_on: yesterday.to_string(),
                results: vec![result("left"), result("right")],
                range_of_motion_normal: Some(true),
            },
        )
        .unwrap();
        running::start(&mut store, now_at(yesterday, 9), true, None).unwrap();
    }
    let client = &h.launch().await;
    let read = |sql: &str| -> Vec<i64> {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };

    // A check-in in the Journal.
    ui::open_page(client, "journal", "Journal").await;
    refused_and_nothing_written(
        client,
        &db,
        "checkin-pain",
        "#checkin-save",
        "#checkin-status",
    )
    .await;
    ui::choose_pain(client, "checkin-pain", 3).await;
    click(client, "#checkin-save").await;
    ui::wait_for_text(client, "#checkin-status", "saved 3", |t| {
        t.starts_with("Check-in saved: pain 3/10")
    })
    .await;
    assert_eq!(read("SELECT pain FROM pain_checkins"), vec![3]);
    // Saved, the control is empty again for the next check-in.
    let none = ui::js(
        client,
        "return document.querySelectorAll('#checkin-pain [aria-checked=\"true\"]').length;",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(none, json!(0));

    // A run.
    ui::open_page(client, "running", "Running").await;
    refused_and_nothing_written(client, &db, "run-pain", "#log-run", "#run-status").await;
    // From the keyboard (the focus is on the control): End, then left to 3, moves
    // without choosing; Enter chooses.
    ui::press(client, &[Key::End.into()]).await;
    for _ in 0..7 {
        ui::press(client, &[Key::Left.into()]).await;
    }
    focus_and_chosen(client, "run-pain", json!(["run-pain-3", []])).await;
    ui::press(client, &[Key::Enter.into()]).await;
    focus_and_chosen(client, "run-pain", json!(["run-pain-3", ["run-pain-3"]])).await;
    click(client, "#log-run").await;
    ui::wait_for_text(client, "#run-status", "saved", |t| t == "Run saved.").await;
    assert_eq!(read("SELECT pain FROM runs"), vec![3]);

    // A session's pain after its first exercise.
    ui::js(client, "location.hash = '#/session';", vec![])
        .await
        .expect("open the session");
    ui::wait_for_heading(client, "Session").await;
    refused_and_nothing_written(
        client,
        &db,
        "session-pain",
        "#save-pain",
        "#session-pain-status",
    )
    .await;
    // Right three times from 0 moves to 3; Space chooses it.
    for _ in 0..3 {
        ui::press(client, &[Key::Right.into()]).await;
    }
    focus_and_chosen(client, "session-pain", json!(["session-pain-3", []])).await;
    ui::press(client, &[' ']).await;
    focus_and_chosen(
        client,
        "session-pain",
        json!(["session-pain-3", ["session-pain-3"]]),
    )
    .await;
    click(client, "#save-pain").await;
    ui::wait_for_text(client, "#session-status", "saved 3", |t| {
        t.starts_with("Pain saved: 3/10")
    })
    .await;
    assert_eq!(read("SELECT pain FROM exercise_pain"), vec![3]);
    h.finish().await;
}
