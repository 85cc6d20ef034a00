//! Today around one "Next up", in the real window on a fake wall clock: a fresh user's
//! Today has one thing next with the screen's only filled button (the session); once the
//! session is finished it moves to the stretches; with the stretches at the target it
//! says done for today, with what was done and no filled button. The seven-day strip
//! shows what the file holds for each day, read back from the file. Each state is
//! audited with axe.

use crate::common::clock_at;
use crate::program::{finish, give_pain, save_sets, start_session};
use crate::support::{eventually, Harness};
use crate::ui;
use chrono::{Duration, Local, NaiveDate, TimeZone};
use fantoccini::{Client, Locator};
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::program::{self, RecordTests, TestInput};
use high_hamstring_rehab::service::running;
use high_hamstring_rehab::store::Store;
use serde_json::{json, Value};
use std::path::Path;

/// 07:00 today on the local clock: before the first reminder (08:00), so no stretch is
/// due by the plan and nothing fires while the test runs.
fn seven_today() -> chrono::DateTime<Local> {
    let date = Local::now().date_naive();
    Local
        .from_local_datetime(&date.and_hms_opt(7, 0, 0).expect("a valid time"))
        .earliest()
        .expect("07:00 exists")
}

/// The ids of the filled (primary) buttons and links on the page, and how many "Next
/// up" cards there are.
async fn primaries(client: &Client) -> (Vec<String>, u64) {
    let v = ui::js(
        client,
        "return [[...document.querySelectorAll('#page .primary')].map((b) => b.id + (b.closest('#next-up') ? ' in next-up' : ' elsewhere')), document.querySelectorAll('#page .next-up, #page #next-up').length];",
        vec![],
    )
    .await
    .expect("read the buttons");
    let ids = v[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    (ids, v[1].as_u64().unwrap())
}

/// Waits until "Next up" is `why` (the core's reason) and the page is fully drawn (the
/// reminders card loaded), and returns the card's text.
async fn next_up(client: &Client, why: &str) -> String {
    let css = format!(r#"#next-up[data-why="{why}"]"#);
    ui::wait_for(client, &css).await;
    ui::wait_for(client, "#reminder-status").await;
    ui::wait_for_text(client, &css, why, |t| !t.is_empty()).await
}

/// Clicks `css`, finding it again if the page redrew it in between (Today redraws its top
/// when the reminders change).
async fn click_fresh(client: &Client, css: &str) {
    eventually(&format!("a click on {css}"), || async move {
        let e = client
            .find(Locator::Css(css))
            .await
            .map_err(|e| e.to_string())?;
        e.click().await.map_err(|e| e.to_string())
    })
    .await;
}

async fn audit(client: &Client, what: &str) {
    ui::wait_until_still(client).await;
    let found = crate::a11y::audit(client).await;
    assert!(found.is_empty(), "axe on Today ({what}): {found:?}");
}

#[tokio::test]
async fn a_fresh_users_today_has_one_next_up_that_moves_from_the_session_to_the_stretches_to_done_for_today(
) {
    let mut h = Harness::new();
    h.set_clock(seven_today());
    let client = &h.launch().await;

    // A fresh user: one "Next up", today's session, with the only filled button.
    ui::open_page(client, "today", "Today").await;
    let card = next_up(client, "session_to_start").await;
    println!("fresh: {card:?}");
    assert!(
        card.starts_with("NEXT UP") || card.starts_with("Next up"),
        "{card}"
    );
    assert!(card.contains("Today's session"), "{card}");
    let (filled, cards) = primaries(client).await;
    assert_eq!(cards, 1, "one Next up");
    assert_eq!(
        filled,
        ["start-session in next-up"],
        "one filled button, in Next up"
    );
    audit(client, "a fresh user").await;

    // The session, done from Next up's button.
    start_session(client).await;
    save_sets(client, "Double-leg glute bridge", 1, "10").await;
    give_pain(client, 0).await;
    finish(client).await;

    // Finished: the stretches are next; another session is only a secondary link.
    ui::open_page(client, "today", "Today").await;
    let card = next_up(client, "stretches_left").await;
    println!("after the session: {card:?}");
    assert!(card.contains("The rest of today's stretches"), "{card}");
    assert!(card.contains("The next reminder is at 08:00."), "{card}");
    assert_eq!(primaries(client).await.0, ["open-stretch in next-up"]);
    let another = ui::js(
        client,
        "const a = document.getElementById('start-session'); return [a.tagName, a.textContent, a.classList.contains('primary'), !!a.closest('#next-up')];",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(another, json!(["A", "Start another session", false, false]));
    audit(client, "after the session").await;

    // Four stretches logged: done for today, saying what was done, nothing filled.
    for k in 1..=4 {
        click_fresh(client, "#log-stretch").await;
        let want = format!("{k} of 4 stretches today");
        ui::wait_for_text(client, "#stretch-count", &want, |t| t == want).await;
    }
    let card = next_up(client, "all_done").await;
    println!("done: {card:?}");
    assert!(card.contains("Done for today"), "{card}");
    let done = ui::js(
        client,
        "return [...document.querySelectorAll('#next-up-done li')].map((li) => li.textContent);",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(
        done,
        json!(["Today's session: done.", "Stretches: 4 of 4."])
    );
    let (filled, cards) = primaries(client).await;
    assert_eq!(
        (filled.len(), cards),
        (0, 1),
        "nothing to press once done: {filled:?}"
    );
    // Today's column of the strip says the same.
    let today = h.app_now().date_naive().to_string();
    let cells = strip(client).await;
    let column = cells
        .iter()
        .find(|c| c.0 == today)
        .expect("today in the strip");
    assert_eq!((column.1.as_str(), column.2.as_str()), ("4 of 4", "Done"));
    audit(client, "done for today").await;
    h.finish().await;
}

/// Each day column of the strip: (date, stretches cell, session cell, run cell or "").
async fn strip(client: &Client) -> Vec<(String, String, String, String)> {
    let v = ui::js(
        client,
        "const row = (r) => [...document.querySelectorAll(`#week-strip tr[data-row=\"${r}\"] td`)];
         const s = row('stretches'), x = row('session'), n = row('run');
         return s.map((c, i) => [c.dataset.date, c.textContent, x[i].textContent, n[i] ? n[i].textContent : '']);",
        vec![],
    )
    .await
    .expect("read the strip");
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |i: usize| c[i].as_str().unwrap().to_string();
            (s(0), s(1), s(2), s(3))
        })
        .collect()
}

/// One finished session of the first exercise on `date`, through the app's services.
fn session(store: &mut Store, date: NaiveDate, finished: bool) {
    let at = clock_at(date, 9, 0);
    let s = program::start_session(store, at).unwrap();
    program::record_set(store, at, s.id, "glute_bridge", Whole::from(10)).unwrap();
    if finished {
        program::record_pain(store, at, s.id, "glute_bridge", Whole::from(0)).unwrap();
        program::finish_session(store, at, s.id).unwrap();
    }
}

/// The last six days seeded into the test's file through the app's services: the
/// running gate and plan from the first, sessions (one left unfinished), stretches and
/// runs on some days, nothing on others.
fn seed(path: &Path, today: NaiveDate) {
    let (mut store, _) = Store::open(path, chrono::Utc::now()).expect("open the test database");
    let day = |n: i64| today - Duration::days(n);
    let side = |s: &str| TestInput {
        test_id: "back_plank_leg_lifts".into(),
        side: s.into(),
        painful: false,
    };
    program::record_tests(
        &mut store,
        clock_at(day(6), 8, 0),
        &RecordTests {
            taken_on: day(6).to_string(),
            results: vec![side("left"), side("right")],
            range_of_motion_normal: Some(true),
        },
    )
    .unwrap();
    running::start(&mut store, clock_at(day(6), 8, 0), false, None).unwrap();
    let stretches = [(6, 4), (4, 2), (2, 1), (1, 3)];
    for (n, count) in stretches {
        for k in 0..count {
            program::log_stretch(&mut store, clock_at(day(n), 12, k)).unwrap();
        }
    }
    session(&mut store, day(6), true);
    session(&mut store, day(4), false);
    session(&mut store, day(3), true);
    session(&mut store, day(1), true);
    for n in [6, 4] {
        let run = running::LogRun {
            date: day(n).to_string(),
            sets: json!(1),
            pain: json!(0),
            ..Default::default()
        };
        running::log_run(&mut store, clock_at(day(n), 17, 0), &run).unwrap();
    }
}

/// (stretches, finished sessions, runs) on `date`, and the stretch target, read from
/// the file itself.
fn in_file(path: &Path, date: &str) -> (i64, i64, i64, i64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [date], |r| r.get(0)).unwrap() };
    (
        count("SELECT count(*) FROM stretches WHERE local_date = ?1"),
        count("SELECT count(*) FROM exercise_sessions WHERE local_date = ?1 AND finished_at IS NOT NULL"),
        count("SELECT count(*) FROM runs WHERE date = ?1"),
        conn.query_row("SELECT stretches_per_day FROM settings", [], |r| r.get(0)).unwrap(),
    )
}

#[tokio::test]
async fn the_seven_day_strip_counts_what_the_file_holds() {
    let mut h = Harness::new();
    h.set_clock(seven_today());
    let today = h.app_now().date_naive();
    seed(&h.database_path(), today);
    let client = &h.launch().await;

    ui::open_page(client, "today", "Today").await;
    ui::wait_for(client, "#week-strip").await;
    let cells = strip(client).await;
    let dates: Vec<String> = (0..7)
        .rev()
        .map(|n| (today - Duration::days(n)).to_string())
        .collect();
    assert_eq!(
        cells.iter().map(|c| c.0.clone()).collect::<Vec<_>>(),
        dates,
        "the last 7 days, today last"
    );
    let path = h.database_path();
    let mut seen = Vec::new();
    for (date, stretches, session, run) in &cells {
        let (s, x, r, target) = in_file(&path, date);
        seen.push(format!(
            "{date}: file {s}/{x}/{r}, strip {stretches:?} {session:?} {run:?}"
        ));
        assert_eq!(*stretches, format!("{s} of {target}"), "{date}");
        assert_eq!(session, if x > 0 { "Done" } else { "Not done" }, "{date}");
        assert_eq!(run, if r > 0 { "Logged" } else { "No run" }, "{date}");
    }
    println!("{}", seen.join("\n"));
    // What was seeded, as the file holds it: the unfinished session does not count.
    let by_day = |n: i64| cells[6 - n as usize].clone();
    assert_eq!(by_day(6).1, "4 of 4");
    assert_eq!(
        by_day(4).2,
        "Not done",
        "an unfinished session is not a session done"
    );
    assert_eq!(by_day(4).3, "Logged");
    let summary =
        ui::wait_for_text(client, "#week-summary", "the summary", |t| !t.is_empty()).await;
    assert_eq!(
        summary,
        "Stretch target met on 1 of 7 days; a session done on 3; a run logged on 2."
    );
    // Each cell is words in a table with row and column headers, not colour alone.
    let headers = ui::js(
        client,
        "return [document.querySelectorAll('#week-strip thead th[scope=col]').length, [...document.querySelectorAll('#week-strip tbody th[scope=row]')].map((t) => t.textContent), document.querySelector('#week-strip thead th[aria-current=date]').textContent];",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(headers[0], json!(7));
    assert_eq!(headers[1], json!(["Stretches", "Session", "Run"]));
    assert_eq!(headers[2], Value::from(today.format("%a %-d").to_string()));
    // Still one filled button, in Next up.
    let (filled, cards) = primaries(client).await;
    assert_eq!(cards, 1);
    assert_eq!(filled.len(), 1, "{filled:?}");
    assert!(filled[0].ends_with("in next-up"), "{filled:?}");
    audit(client, "a seeded week").await;
    h.finish().await;
}
