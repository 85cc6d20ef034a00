//! The guided session for someone on the floor, in the real window at 1280x900: the set
//! controls above the fold, the steps folded for an exercise shown before and open for a
//! new one, big − / + steppers, Enter saving a set (in the file), Space starting a hold
//! (the timer visibly running) and stopping it (saved, the timer still), and the summary.

use crate::program::{click, finish, give_pain, start_session};
use crate::support::{eventually, Harness};
use crate::ui;
use chrono::{Duration, Local, TimeZone, Utc};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::program;
use high_hamstring_rehab::store::Store;
use serde_json::{json, Value};
use std::path::Path;

/// The three days before today build the glute bridge to the full dose without pain, as
/// the app's own services record them, so today's session holds the bridge (shown
/// before) and the front plank (a hold, never shown).
fn seed_three_days(database: &Path) {
    let (mut store, _) = Store::open(database, Utc::now()).expect("open the test database");
    for (days_ago, sets) in [(3, 1), (2, 2), (1, 3)] {
        let date = Local::now().date_naive() - Duration::days(days_ago);
        let at = Local
            .from_local_datetime(&date.and_hms_opt(10, 0, 0).expect("a time"))
            .earliest()
            .expect("10:00 exists");
        let now = Now::of(at);
        let s = program::start_session(&mut store, now).expect("start");
        for _ in 0..sets {
            program::record_set(&mut store, now, s.id, "glute_bridge", Whole::from(12))
                .expect("a set");
        }
        program::record_pain(&mut store, now, s.id, "glute_bridge", Whole::from(0))
            .expect("pain");
        program::finish_session(&mut store, now, s.id).expect("finish");
    }
    let level = program::program(&mut store)
        .expect("the ladder")
        .progress
        .level;
    assert_eq!(level, 1, "the seeded days unlock the front plank");
}

/// Today's sets in the file, as (exercise, amount), in the order saved.
fn sets_in_file(database: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(database).expect("open the file");
    let today = Local::now().date_naive().to_string();
    conn.prepare(
        "SELECT x.exercise_id, x.amount FROM exercise_sets x JOIN exercise_sessions s ON s.id = x.session_id \
         WHERE s.local_date = ?1 ORDER BY x.id",
    )
    .and_then(|mut st| {
        st.query_map([today], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    })
    .expect("read today's sets")
}

/// Waits until today's sets in the file are `want`.
async fn file_holds(database: &Path, want: Vec<(&str, i64)>) {
    let want: Vec<(String, i64)> = want.into_iter().map(|(e, a)| (e.to_string(), a)).collect();
    let want = &want;
    eventually("today's sets in the file", || async move {
        let got = sets_in_file(database);
        if &got == want {
            Ok(())
        } else {
            Err(format!("{got:?}"))
        }
    })
    .await;
}

/// Where each element is: its box's bottom and size, and the viewport's height.
const BOXES: &str = r#"
return arguments[0].map((css) => {
  const node = document.querySelector(css);
  if (!node) return [css, null];
  const r = node.getBoundingClientRect();
  return [css, { bottom: r.bottom, width: r.width, height: r.height }];
}).concat([['viewport', { bottom: window.innerHeight, width: window.innerWidth, height: window.scrollY }]]);
"#;

async fn boxes(client: &Client, css: &[&str]) -> Vec<(String, Value)> {
    let v = ui::js(client, BOXES, vec![json!(css)]).await.expect("boxes");
    serde_json::from_value(v).expect("a list of boxes")
}

async fn steps_open(client: &Client) -> bool {
    ui::js(
        client,
        "return document.getElementById('session-how-steps').open;",
        vec![],
    )
    .await
    .expect("the steps' state")
        == json!(true)
}

async fn field_value(client: &Client, css: &str) -> String {
    ui::wait_for(client, css)
        .await
        .prop("value")
        .await
        .expect("a value")
        .unwrap_or_default()
}

#[tokio::test]
async fn on_the_floor_the_set_controls_come_first_enter_saves_a_set_and_space_starts_and_stops_a_hold(
) {
    let mut h = Harness::new();
    seed_three_days(&h.database_path());
    let client = &h.launch().await;
    client
        .set_window_size(1280, 900)
        .await
        .expect("a 1280x900 window");
    let database = h.database_path();

    start_session(client).await;
    ui::wait_for_text(client, "#exercise-name", "the bridge", |t| {
        t == "Double-leg glute bridge"
    })
    .await;
    // The bridge has been shown before: its steps are folded.
    assert!(!steps_open(client).await, "the bridge's steps are folded");

    // Above the fold: the exercise, its dose, the demonstration and the set controls.
    ui::wait_for(client, ".session-demo figure.demo:not([aria-busy])").await;
    let seen = boxes(
        client,
        &[
            "#exercise-name",
            "#exercise-dose",
            ".session-demo figure.demo",
            "#set-count",
            "#set-amount-fewer",
            "#set-amount",
            "#set-amount-more",
            "#save-set",
        ],
    )
    .await;
    println!("boxes at 1280x900: {seen:?}");
    let viewport = seen.last().expect("the viewport").1.clone();
    assert_eq!(viewport["height"], json!(0), "the page is not scrolled");
    for (css, b) in &seen[..seen.len() - 1] {
        assert!(!b.is_null(), "{css} is on the page");
        assert!(
            b["bottom"].as_f64() <= viewport["bottom"].as_f64(),
            "{css} ends below the fold: {b} in {viewport}"
        );
    }
    // The steppers are big enough to hit from the floor, and named.
    for (css, b) in &seen {
        if css.ends_with("-fewer") || css.ends_with("-more") {
            assert!(
                b["width"].as_f64() >= Some(44.0) && b["height"].as_f64() >= Some(44.0),
                "{css} is at least 44 px: {b}"
            );
        }
    }
    let names = ui::js(
        client,
        "return ['set-amount-fewer', 'set-amount-more'].map((id) => document.getElementById(id).getAttribute('aria-label'));",
        vec![],
    )
    .await
    .expect("names");
    assert_eq!(names, json!(["Fewer repetitions", "More repetitions"]));

    // Enter, with the focus where the page put it (not in a field), saves a set of the
    // number shown: it lands in the file.
    let start = field_value(client, "#set-amount").await;
    let amount: i64 = start.parse().expect("a number to start with");
    ui::press(client, &[Key::Enter.into()]).await;
    file_holds(&database, vec![("glute_bridge", amount)]).await;
    ui::wait_for_text(client, "ol#sets-done", "the saved set", |t| {
        t == format!("Set 1: {amount} repetitions")
    })
    .await;

    // − and + change the number by one, within its bounds.
    click(client, "#set-amount-fewer").await;
    click(client, "#set-amount-fewer").await;
    click(client, "#set-amount-more").await;
    ui::wait_for_prop(client, "#set-amount", "value", &(amount - 1).to_string()).await;
    click(client, "#save-set").await;
    file_holds(
        &database,
        vec![("glute_bridge", amount), ("glute_bridge", amount - 1)],
    )
    .await;

    // The front plank is new: its steps are open. Space starts the hold...
    click(client, "#next-exercise").await;
    ui::wait_for_text(client, "#exercise-name", "the plank", |t| t == "Front plank").await;
    assert!(steps_open(client).await, "the plank's steps are open the first time");
    let target: i64 = field_value(client, "#hold-seconds")
        .await
        .parse()
        .expect("the seconds asked");
    ui::press(client, &[' ']).await;
    let running = ui::wait_for_text(client, "#timer", "the hold running", |t| {
        t.starts_with("Hold: ")
    })
    .await;
    println!("running: {running}");
    ui::wait_for(client, "#stop-hold").await;
    // ...and Space stops it: the seconds held are saved and the timer is still.
    ui::press(client, &[' ']).await;
    eventually("the hold saved", || async {
        let sets = sets_in_file(&database);
        match sets.last() {
            Some((id, _)) if id == "front_plank" => Ok(sets),
            _ => Err(format!("{sets:?}")),
        }
    })
    .await;
    let sets = sets_in_file(&database);
    let held = sets.last().expect("the hold").1;
    assert_eq!(sets.len(), 3, "one hold saved: {sets:?}");
    assert!(
        held >= 1 && held < target,
        "stopped by Space before the {target} s target: {held} s"
    );
    ui::wait_for(client, "#start-hold").await;
    ui::wait_for_text(client, "#timer", "the timer at rest", |t| t == "Ready").await;
    let stopped = ui::js(
        client,
        "return [document.getElementById('stop-hold').hidden, document.getElementById('timer').dataset.running || 'false'];",
        vec![],
    )
    .await
    .expect("the timer's state");
    assert_eq!(stopped, json!([true, "false"]), "the timer is stopped");
    ui::wait_for_text(client, "ol#sets-done", "the hold listed", |t| {
        t == format!("Hold 1: {held} second{}", if held == 1 { "" } else { "s" })
    })
    .await;

    // Pain for both, then the summary: what was done, the pain, what it means.
    click(client, "#prev-exercise").await;
    ui::wait_for_text(client, "#exercise-name", "the bridge", |t| {
        t == "Double-leg glute bridge"
    })
    .await;
    give_pain(client, 0).await;
    ui::wait_for_text(client, "#exercise-name", "the plank", |t| t == "Front plank").await;
    give_pain(client, 1).await;
    let changes = finish(client).await;
    println!("changes: {changes}");
    let rows = ui::js(
        client,
        "return [...document.querySelectorAll('#session-done tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));",
        vec![],
    )
    .await
    .expect("the summary's rows");
    println!("summary: {rows}");
    assert_eq!(
        rows,
        json!([
            [
                "Double-leg glute bridge",
                format!("2 sets: {amount} and {} repetitions", amount - 1),
                "Pain 0/10"
            ],
            [
                "Front plank",
                format!("1 hold: {held} second{}", if held == 1 { "" } else { "s" }),
                "Pain 1/10"
            ],
        ])
    );
    ui::wait_for_text(client, "#decision-reason", "the ladder's reason", |t| {
        !t.is_empty()
    })
    .await;
    let found = client
        .find_all(Locator::Css("#session-summary h3"))
        .await
        .expect("headings");
    assert_eq!(found.len(), 2, "what was done, and what it means for the ladder");
    h.finish().await;
}
