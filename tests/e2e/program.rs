//! The program end to end, in the real window: self-tests, guided sessions on days that
//! follow one another (a fake wall clock), the dose building up, the ladder's decisions
//! and their reasons, a setting that changes the reason, a restart, and a session
//! interrupted by SIGKILL.

use crate::procs;
use crate::support::{eventually, Harness};
use crate::ui;
use chrono::{DateTime, Local, TimeZone};
use fantoccini::{Client, Locator};
use high_hamstring_rehab::store::Store;

pub async fn click(client: &Client, css: &str) {
    ui::wait_for(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click {css}: {e}"));
}

/// Records the three self-tests on both legs, the standing test painful on the left.
pub async fn record_self_tests(client: &Client) {
    ui::open_page(client, "self-tests", "Self-tests").await;
    for test in [
        "standing_stretch",
        "bent_knee_stretch",
        "rapid_bent_knee_stretch",
    ] {
        for side in ["left", "right"] {
            let answer = if test == "standing_stretch" && side == "left" {
                "pain"
            } else {
                "none"
            };
            click(client, &format!("#st-{test}-{side}-{answer}")).await;
        }
    }
    click(client, "#save-self-tests").await;
}

/// Records the running gate in Self-tests: the back plank with leg lifts without pain on
/// either leg and a normal range of motion; waits for the gate to open.
pub async fn record_gate_tests(client: &Client) {
    ui::open_page(client, "self-tests", "Self-tests").await;
    click(client, "#st-back_plank_leg_lifts-left-none").await;
    click(client, "#st-back_plank_leg_lifts-right-none").await;
    click(client, "#rom-normal").await;
    click(client, "#save-gate-tests").await;
    ui::wait_for(client, r#"li[data-gate="running"][data-open="true"]"#).await;
}

/// 10:00 on the `n`th day from today on the local clock: training days that follow one
/// another, each far from midnight.
fn day_at_ten(n: u64) -> DateTime<Local> {
    let date = Local::now().date_naive() + chrono::Days::new(n);
    Local
        .from_local_datetime(&date.and_hms_opt(10, 0, 0).expect("a valid time"))
        .earliest()
        .expect("10:00 exists on every day")
}

/// The session's dose for the exercise on screen, as the page shows it.
async fn dose_shown(client: &Client, exercise: &str, want: &str) -> String {
    ui::wait_for_text(client, "#exercise-name", exercise, |t| t == exercise).await;
    ui::wait_for_text(client, "#exercise-dose", want, |t| t.starts_with(want)).await
}

/// From Today, into the guided session.
pub async fn start_session(client: &Client) {
    ui::open_page(client, "today", "Today").await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
}

/// Saves `sets` sets of `amount` repetitions of the exercise on screen.
pub async fn save_sets(client: &Client, exercise: &str, sets: usize, amount: &str) {
    ui::wait_for_text(client, "#exercise-name", exercise, |t| t == exercise).await;
    for done in 1..=sets {
        ui::enter_value(client, "#set-amount", amount).await;
        click(client, "#save-set").await;
        eventually(
            &format!("{done} sets of {exercise} listed"),
            || async move {
                let items = client
                    .find_all(Locator::Css("ol#sets-done li"))
                    .await
                    .map_err(|e| e.to_string())?;
                if items.len() == done {
                    Ok(())
                } else {
                    Err(format!("{} listed", items.len()))
                }
            },
        )
        .await;
    }
}

/// Does one hold of `seconds` with the hold timer, and waits for it to be saved.
async fn hold_once(client: &Client, seconds: &str) {
    ui::enter_value(client, "#hold-seconds", seconds).await;
    click(client, "#start-hold").await;
    eventually("the hold to be saved", || async move {
        let items = client
            .find_all(Locator::Css("ol#sets-done li"))
            .await
            .map_err(|e| e.to_string())?;
        if items.is_empty() {
            Err("no set yet".to_string())
        } else {
            Ok(())
        }
    })
    .await;
}

/// Picks a pain score on the session's pain control, as a user clicks it, and saves it.
pub async fn give_pain(client: &Client, pain: u8) {
    ui::choose_pain(client, "session-pain", pain).await;
    click(client, "#save-pain").await;
}

/// Finishes the session and returns the summary's sentences.
pub async fn finish(client: &Client) -> String {
    click(client, "#finish-session").await;
    ui::wait_for_text(client, "ul#session-changes", "what changed", |t| {
        !t.is_empty()
    })
    .await
}

#[tokio::test]
async fn a_new_user_tests_builds_up_the_dose_unlocks_is_held_and_the_reason_follows_the_allowed_pain_across_a_restart(
) {
    let mut h = Harness::new();
    h.set_clock(day_at_ten(0));
    let client = &h.launch().await;

    record_self_tests(client).await;
    let headline = ui::wait_for_text(client, "#interpretation-headline", "the finding", |t| {
        t.contains("consistent with")
    })
    .await;
    println!("self-tests: {headline}");

    // The stretch beside the ladder: its hold time is the app's suggestion, not a source's.
    ui::open_page(client, "today", "Today").await;
    click(client, "#open-stretch").await;
    ui::wait_for_heading(client, "Stretch").await;
    let hold = ui::wait_for_text(client, "#stretch-hold-source", "the hold's source", |t| {
        !t.is_empty()
    })
    .await;
    assert!(
        hold.contains("30 seconds each leg is the app's suggestion"),
        "{hold}"
    );

    // Day one: the glute bridge starts at one set; done at 0/10, it builds up.
    start_session(client).await;
    let dose = dose_shown(
        client,
        "Double-leg glute bridge",
        "Today: 1 set of 10 repetitions.",
    )
    .await;
    assert!(dose.contains("the app's own rule"), "{dose}");
    let line = ui::wait_for_text(client, "#exercise-dose-line", "the dose to reach", |t| {
        !t.is_empty()
    })
    .await;
    assert!(
        line.contains("3–4 sets of 10–15 repetitions") && line.contains("From the guide [7]"),
        "{line}"
    );
    ui::wait_for_text(client, "#set-count", "one set asked", |t| t == "Set 1 of 1").await;
    save_sets(client, "Double-leg glute bridge", 1, "10").await;
    give_pain(client, 0).await;
    let changes = finish(client).await;
    assert!(
        changes.contains("Building up the double-leg glute bridge"),
        "after the first pain-free session: {changes:?}"
    );
    let reason = ui::wait_for_text(client, "#decision-reason", "the build-up's reason", |t| {
        !t.is_empty()
    })
    .await;
    assert!(
        reason.contains("builds up to 2 of the 3 sets of the full dose"),
        "{reason}"
    );

    // Day two: two sets; the plank is not unlocked by a building session.
    h.set_clock(day_at_ten(1));
    start_session(client).await;
    dose_shown(
        client,
        "Double-leg glute bridge",
        "Today: 2 sets of 10 repetitions.",
    )
    .await;
    save_sets(client, "Double-leg glute bridge", 2, "10").await;
    give_pain(client, 0).await;
    let changes = finish(client).await;
    assert!(changes.contains("Building up"), "{changes:?}");
    assert!(!changes.contains("unlocked"), "{changes:?}");

    // Day three: Today shows the full dose; done at 0/10, it unlocks the front plank.
    h.set_clock(day_at_ten(2));
    ui::open_page(client, "today", "Today").await;
    ui::wait_for_text(client, "#today-exercises", "the full dose on Today", |t| {
        t.contains("Double-leg glute bridge — Today: 3–4 sets of 10–15 repetitions.")
    })
    .await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
    dose_shown(
        client,
        "Double-leg glute bridge",
        "Today: 3–4 sets of 10–15 repetitions.",
    )
    .await;
    save_sets(client, "Double-leg glute bridge", 3, "12").await;
    give_pain(client, 0).await;
    let changes = finish(client).await;
    assert!(
        changes.contains("Front plank is unlocked."),
        "after a pain-free session at the full dose: {changes:?}"
    );

    // The next session holds both; the plank hurts at 4/10: held, with the reason.
    start_session(client).await;
    save_sets(client, "Double-leg glute bridge", 3, "12").await;
    give_pain(client, 0).await;
    // The new exercise starts low, and its hold time is marked as the app's suggestion.
    dose_shown(client, "Front plank", "Today: 1 hold of 10 seconds.").await;
    let line = ui::wait_for_text(client, "#exercise-dose-line", "the plank's dose", |t| {
        !t.is_empty()
    })
    .await;
    assert!(
        line.contains("holds of 10–15 seconds are the app's suggestion"),
        "{line}"
    );
    hold_once(client, "2").await;
    give_pain(client, 4).await;
    let changes = finish(client).await;
    assert!(
        changes.contains("Holding at the front plank"),
        "after a painful session: {changes:?}"
    );
    let held = ui::wait_for_text(client, "#decision-reason", "the hold's reason", |t| {
        t.contains("4/10")
    })
    .await;
    assert!(held.contains("above your limit of 0/10"), "{held}");

    // Allowed pain 5 in Settings, on a clinician's advice the window asks to confirm:
    // the reason now names the new rule, the label what counts, the report the advice.
    ui::open_page(client, "settings", "Settings").await;
    ui::enter_value(client, "#setting-allowed_pain", "5").await;
    let asked = ui::confirm_clinician_advice(client, "5/10", "Dr Lee", "build up slowly").await;
    println!("asked: {asked}");
    ui::wait_for_text(client, "#settings-status", "\"Saved.\"", |t| t == "Saved.").await;
    ui::wait_for_text(
        client,
        r#"label[for="setting-sessions_to_progress"]"#,
        "a label within the allowed pain",
        |t| t.contains("within the allowed pain") && !t.contains("Pain-free"),
    )
    .await;
    ui::open_page(client, "journal", "Journal").await;
    click(client, "#open-report").await;
    ui::wait_for_heading(client, "Report for your physiotherapist").await;
    let advised = ui::wait_for_text(client, "#report-advised", "the advice", |t| {
        t.contains("Allowed pain raised to 5/10")
    })
    .await;
    assert!(
        advised.contains("advised by Dr Lee: build up slowly"),
        "{advised}"
    );
    ui::open_page(client, "program", "Program").await;
    let reason = ui::wait_for_text(client, "#decision-reason", "the new rule", |t| {
        t.contains("5/10")
    })
    .await;
    assert_ne!(
        reason, held,
        "the reason should change with the allowed pain"
    );
    let next = ui::wait_for_text(client, "#decision-next", "the next step's rule", |t| {
        !t.is_empty()
    })
    .await;
    assert!(next.contains("5/10"), "{next}");
    let statuses = ladder_statuses(client).await;
    assert_eq!(&statuses[..3], ["unlocked", "current", "locked"]);
    let doses = step_doses(client).await;
    assert_eq!(
        doses,
        ["true", "false"],
        "the Program page shows the bridge at the full dose, the plank building up"
    );

    // Quit and start again: the same state.
    ui::close_with_keyboard(client).await;
    ui::click_that_may_close(client, "#close-notice-quit").await;
    h.wait_for_app_exit().await;
    h.end_session().await;
    let client = &h.launch().await;
    ui::open_page(client, "program", "Program").await;
    ui::wait_for_text(
        client,
        "#decision-reason",
        "the same reason after a restart",
        |t| t == reason,
    )
    .await;
    assert_eq!(ladder_statuses(client).await, statuses);
    h.finish().await;
}

/// For each step in today's session, whether the Program page shows it at the full dose.
async fn step_doses(client: &Client) -> Vec<String> {
    let value = ui::js(
        client,
        "return [...document.querySelectorAll('ol#ladder > li .step-dose')].map((p) => p.dataset.full);",
        vec![],
    )
    .await
    .expect("step doses");
    serde_json::from_value(value).expect("a list of flags")
}

async fn ladder_statuses(client: &Client) -> Vec<String> {
    let value = ui::js(
        client,
        "return [...document.querySelectorAll('ol#ladder > li')].map((li) => li.dataset.status);",
        vec![],
    )
    .await
    .expect("ladder statuses");
    serde_json::from_value(value).expect("a list of statuses")
}

#[tokio::test]
async fn a_session_killed_mid_way_keeps_every_set_saved_before_the_kill() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    start_session(client).await;
    save_sets(client, "Double-leg glute bridge", 2, "11").await;

    let pid = h.app_pid();
    procs::kill_hard(pid);
    eventually("the app to be gone after SIGKILL", || async {
        if procs::is_alive(pid) {
            Err("still running".to_string())
        } else {
            Ok(())
        }
    })
    .await;
    h.forget_app();
    h.end_session().await;

    let (_store, set_aside) = Store::open(&h.database_path(), chrono::Utc::now())
        .expect("open the database after the kill");
    assert!(
        set_aside.is_none(),
        "the database was judged damaged after a kill: {set_aside:?}"
    );
    let conn = rusqlite::Connection::open(h.database_path()).expect("open the file");
    let amounts: Vec<i64> = conn
        .prepare("SELECT amount FROM exercise_sets ORDER BY set_no")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("read the sets");
    assert_eq!(
        amounts,
        [11, 11],
        "both sets saved before the kill are in the file"
    );
    drop(conn);

    let client = &h.launch().await;
    ui::open_page(client, "today", "Today").await;
    ui::wait_for_text(client, "#start-session", "Resume", |t| t.contains("Resume")).await;
    click(client, "#start-session").await;
    ui::wait_for_text(client, "#exercise-name", "the glute bridge", |t| {
        t == "Double-leg glute bridge"
    })
    .await;
    let listed = client
        .find_all(Locator::Css("ol#sets-done li"))
        .await
        .expect("sets listed");
    assert_eq!(
        listed.len(),
        2,
        "the resumed session shows the two saved sets"
    );
    h.finish().await;
}
