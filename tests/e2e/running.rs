//! The return to running end to end: a runner whose gate tests are pain-free starts
//! week 1, uses the walk/jog timer, logs a run, is refused a run the next day with the
//! rule's reason, logs it anyway with pain, and sees the week held.

use crate::program::{click, record_gate_tests};
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::Client;
use serde_json::json;

/// Sets a date input's value directly (WebDriver typing into date fields is unreliable).
async fn set_date(client: &Client, id: &str, ymd: &str) {
    ui::wait_for(client, &format!("#{id}")).await;
    ui::js(
        client,
        "document.getElementById(arguments[0]).value = arguments[1];",
        vec![json!(id), json!(ymd)],
    )
    .await
    .expect("set the date");
}

async fn text_of(client: &Client, css: &str) -> String {
    ui::wait_for(client, css)
        .await
        .text()
        .await
        .unwrap_or_default()
}

/// Waits until the timer's remaining time is below `below` (e.g. "5:00") and returns it.
async fn counts_down_from(client: &Client, full: &str) -> String {
    let full = full.to_string();
    let full = &full;
    eventually(
        &format!("the timer to count down from {full}"),
        || async move {
            let now = text_of(client, "#timer-remaining").await;
            if !now.is_empty() && now != *full {
                Ok(now)
            } else {
                Err(now)
            }
        },
    )
    .await
}

#[tokio::test]
async fn a_runner_starts_week_one_times_intervals_logs_runs_is_refused_a_next_day_run_and_sees_the_hold(
) {
    let mut h = Harness::new();
    let client = &h.launch().await;
    let today = chrono::Local::now().date_naive();
    let yesterday = today - chrono::Duration::days(1);

    // The gate: the back plank with leg lifts without pain on either leg, range of motion normal.
    record_gate_tests(client).await;

    // Start week 1 from yesterday (the runner began then).
    ui::open_page(client, "running", "Running").await;
    ui::wait_for(
        client,
        r#"#running-body li[data-gate="running"][data-open="true"]"#,
    )
    .await;
    set_date(client, "running-start-date", &yesterday.to_string()).await;
    click(client, "#start-running").await;
    let title = ui::wait_for_text(client, "#running-week-title", "week 1", |t| {
        t.starts_with("Week 1 of 8")
    })
    .await;
    println!("{title}");
    let plan_today = text_of(client, "#running-today").await;
    assert!(
        plan_today.contains("2 sets of walk 5 minutes, jog 1 minute"),
        "{plan_today}"
    );

    // The interval timer counts and switches between walking and jogging.
    click(client, "#timer-start").await;
    ui::wait_for_text(client, "#timer-phase", "Walk", |t| t == "Walk").await;
    let walking = counts_down_from(client, "5:00").await;
    assert!(
        walking.starts_with("4:5"),
        "walking counts down from 5:00: {walking}"
    );
    assert_eq!(text_of(client, "#timer-set").await, "Set 1 of 2");
    click(client, "#timer-next").await;
    ui::wait_for_text(client, "#timer-phase", "Jog", |t| t == "Jog").await;
    let jogging = counts_down_from(client, "1:00").await;
    assert!(
        jogging.starts_with("0:5"),
        "jogging counts down from 1:00: {jogging}"
    );
    click(client, "#timer-next").await;
    ui::wait_for_text(client, "#timer-phase", "Walk again", |t| t == "Walk").await;
    assert_eq!(text_of(client, "#timer-set").await, "Set 2 of 2");
    click(client, "#timer-stop").await;

    // Yesterday's run, pain-free.
    set_date(client, "run-date", &yesterday.to_string()).await;
    ui::enter_value(client, "#run-amount", "2").await;
    ui::choose_pain(client, "run-pain", 0).await;
    click(client, "#log-run").await;
    ui::wait_for_text(client, "#run-status", "saved", |t| t == "Run saved.").await;
    ui::wait_for(
        client,
        &format!(r#"#running-calendar li[data-date="{yesterday}"][data-kind="done"]"#),
    )
    .await;
    ui::wait_for(
        client,
        &format!(r#"#running-calendar li[data-date="{today}"][data-kind="too_soon"]"#),
    )
    .await;
    let rest = text_of(client, "#running-today").await;
    assert!(rest.starts_with("Rest today"), "{rest}");

    // Today, the next day: refused with the rule's reason, nothing saved.
    ui::enter_value(client, "#run-amount", "3").await;
    ui::choose_pain(client, "run-pain", 4).await;
    click(client, "#log-run").await;
    let reason = ui::wait_for_text(client, "#run-rule-reason", "the rule", |t| {
        t.contains("alternate days")
    })
    .await;
    println!("refused: {reason}");
    assert_eq!(
        client
            .find_all(fantoccini::Locator::Css("#runs tbody tr"))
            .await
            .unwrap()
            .len(),
        1
    );

    // Logged anyway, on purpose, with pain: the week is held.
    click(client, "#run-override").await;
    ui::wait_for_text(client, "#run-status", "saved with the override", |t| {
        t.contains("override")
    })
    .await;
    let decision = ui::wait_for_text(client, "#running-decision", "the hold", |t| {
        t.contains("pain 4/10")
    })
    .await;
    println!("decision: {decision}");
    assert!(decision.contains("Week 1 starts again"), "{decision}");
    let kind = ui::js(
        client,
        "return document.getElementById('running-decision').dataset.kind;",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(kind, json!("held"));

    // Today shows today's running state.
    ui::open_page(client, "today", "Today").await;
    let on_today = text_of(client, "#today-running").await;
    assert!(on_today.contains("logged"), "{on_today}");

    ui::close_with_keyboard(client).await;
    ui::click_that_may_close(client, "#close-notice-quit").await;
    h.wait_for_app_exit().await;
    h.end_session().await;

    // In the file: both runs, the second with its override and its pain.
    let conn = rusqlite::Connection::open(h.database_path()).unwrap();
    let rows: Vec<(String, Option<i64>, i64, Option<String>)> = conn
        .prepare("SELECT date, sets, pain, override_rule FROM runs ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        vec![
            (yesterday.to_string(), Some(2), 0, None),
            (
                today.to_string(),
                Some(3),
                4,
                Some("alternate_days".to_string())
            ),
        ]
    );
    h.finish().await;
}
