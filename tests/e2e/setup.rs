//! The first-run setup end to end, on a fresh data folder (`Harness::fresh_install`): the
//! app opens on it; the safety step shows the red flags and how to stretch off the tendon
//! with its source beyond the guide; the answers saved land in the file and in Settings
//! (and on the report); the test reminder reaches the notification daemon on the bus;
//! skipping keeps the defaults and the setup never comes back by itself, across a restart;
//! Settings runs it again.

use crate::program::click;
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::{Client, Locator};
use high_hamstring_rehab::core::safety::RED_FLAGS;
use high_hamstring_rehab::core::settings::Settings;
use high_hamstring_rehab::service;
use high_hamstring_rehab::store::Store;
use serde_json::json;

const TEST_TITLE: &str = "High Hamstring Rehab — test reminder";

fn notification_log() -> String {
    let path = std::env::var_os("HHR_NOTIFICATION_LOG")
        .expect("HHR_NOTIFICATION_LOG is not set: run the suite through scripts/e2e.sh");
    String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
}

fn test_reminders_in_log() -> usize {
    notification_log()
        .lines()
        .filter(|l| l.contains(TEST_TITLE))
        .count()
}

async fn absent(client: &Client, css: &str) {
    eventually(&format!("{css} to be absent"), || async move {
        match client.find_all(Locator::Css(css)).await {
            Ok(found) if found.is_empty() => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
}

async fn checked(client: &Client, css: &str) -> bool {
    ui::js(
        client,
        "return document.querySelector(arguments[0]).checked;",
        vec![json!(css)],
    )
    .await
    .expect("read a checkbox")
        == json!(true)
}

/// The setup's own row of the settings table.
fn setup_row(h: &Harness) -> (Option<String>, Option<String>, String) {
    let conn = rusqlite::Connection::open(h.database_path()).expect("open the database");
    conn.query_row(
        "SELECT painful_side, diagnosis, setup FROM settings",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .expect("read the settings row")
}

async fn quit_and_relaunch(h: &mut Harness, client: &Client) -> Client {
    ui::close_with_keyboard(client).await;
    ui::click_that_may_close(client, "#close-notice-quit").await;
    h.wait_for_app_exit().await;
    h.end_session().await;
    h.launch().await
}

#[tokio::test]
async fn a_fresh_data_folder_opens_on_the_setup_and_its_three_steps_land_in_the_file_and_in_settings(
) {
    let mut h = Harness::fresh_install();
    assert!(!h.database_path().exists(), "a fresh install has no database");
    let client = &h.launch().await;

    // Opened on the setup, not Today.
    ui::wait_for_heading(client, "Setup").await;
    ui::wait_for(client, "#setup-step-safety").await;
    let flags = client
        .find_all(Locator::Css("#setup-red-flags li"))
        .await
        .expect("the red flags");
    assert_eq!(flags.len(), RED_FLAGS.len(), "the complete list of red flags");
    let source = ui::wait_for_text(client, "#setup-safely-source", "Goom 2016", |t| {
        t.contains("[Goom 2016]")
    })
    .await;
    assert!(
        source.contains("beyond the guide") && source.contains("483–493"),
        "the source is marked as beyond the guide, with its reference: {source}"
    );

    // Elsewhere, the safety banner until the setup is done; one click back to it.
    ui::open_page(client, "today", "Today").await;
    ui::wait_for_text(client, "#safety-notice", "the safety banner", |t| {
        t.contains("not medical advice")
    })
    .await;
    click(client, "#safety-setup").await;
    ui::wait_for_heading(client, "Setup").await;
    absent(client, "#safety-notice").await;

    // Step 2: nothing chosen for the user; "not yet" points to the self-tests and who to see.
    click(client, "#setup-next").await;
    ui::wait_for(client, "#setup-step-you").await;
    for css in [
        "#setup-painful_side-left",
        "#setup-painful_side-right",
        "#setup-painful_side-both",
        "#setup-diagnosis-not_yet",
    ] {
        assert!(!checked(client, css).await, "{css} was chosen for the user");
    }
    click(client, r#"label[for="setup-painful_side-right"]"#).await;
    click(client, r#"label[for="setup-diagnosis-not_yet"]"#).await;
    ui::wait_for(client, r##"#setup-diagnosis-pointer a[href="#/self-tests"]"##).await;
    ui::wait_for(client, r##"#setup-diagnosis-pointer a[href="#/guide/who-to-see"]"##).await;
    click(client, "#setup-next").await;

    // Step 3: reminders, the test reminder on the bus, start at login offered ticked.
    ui::wait_for(client, "#setup-step-reminders").await;
    assert!(
        checked(client, "#setup-stretches_per_day-4").await,
        "the current setting (4 a day) is shown"
    );
    assert!(
        checked(client, "#setup-start_at_login").await,
        "start in the tray is offered ticked"
    );
    click(client, r#"label[for="setup-stretches_per_day-3"]"#).await;
    ui::js(
        client,
        "document.getElementById('setup-reminder_window_start').value = '09:00';
         document.getElementById('setup-reminder_window_end').value = '20:00';",
        vec![],
    )
    .await
    .expect("set the window");
    let before = test_reminders_in_log();
    click(client, "#setup-test-reminder").await;
    ui::wait_for_text(client, "#setup-test-status", "the question", |t| {
        t == "A test reminder was sent. Did you see it?"
    })
    .await;
    let line = eventually("the test reminder on the bus", || async {
        if test_reminders_in_log() > before {
            Ok(notification_log()
                .lines()
                .rfind(|l| l.contains(TEST_TITLE))
                .unwrap_or_default()
                .to_string())
        } else {
            Err(format!("{} test reminders in the log", test_reminders_in_log()))
        }
    })
    .await;
    println!("notification: {line}");
    click(client, "#setup-test-yes").await;
    ui::wait_for_text(client, "#setup-test-reply", "the reply", |t| !t.is_empty()).await;
    click(client, "#setup-finish").await;

    ui::wait_for_heading(client, "Today").await;
    absent(client, "#safety-notice").await;

    // In the file.
    assert_eq!(
        setup_row(&h),
        (Some("right".into()), Some("not_yet".into()), "done".into())
    );
    let conn = rusqlite::Connection::open(h.database_path()).expect("open the database");
    let reminders: (i64, i64, i64, bool) = conn
        .query_row(
            "SELECT stretches_per_day, reminder_window_start, reminder_window_end, start_at_login FROM settings",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("read the reminders");
    assert_eq!(reminders, (3, 9 * 60, 20 * 60, true));
    let autostart = std::fs::read_dir(h.home_dir().join(".config/autostart"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(autostart, 1, "the login entry was written");

    // In Settings.
    ui::open_page(client, "settings", "Settings").await;
    ui::wait_for_prop(client, "#setting-painful_side", "value", "right").await;
    ui::wait_for_prop(client, "#setting-diagnosis", "value", "not_yet").await;
    ui::wait_for_prop(client, "#setting-stretches_per_day", "value", "3").await;
    ui::wait_for_prop(client, "#setting-reminder_window_start", "value", "09:00").await;
    assert!(checked(client, "#setting-start_at_login").await);

    // On the report, and the painful leg marked on the Self-tests.
    ui::js(client, "location.hash = '#/report';", vec![])
        .await
        .expect("the report");
    ui::wait_for_text(client, "#report-you", "the answers", |t| {
        t == "Painful side: right. Diagnosis confirmed by a clinician: not yet."
    })
    .await;
    ui::open_page(client, "self-tests", "Self-tests").await;
    let mark = ui::wait_for_text(
        client,
        r#"fieldset[data-test="standing_stretch"][data-side="right"] legend"#,
        "the mark",
        |t| t.contains("the side that hurts"),
    )
    .await;
    println!("self-test leg: {mark}");
    h.finish().await;
}

#[tokio::test]
async fn skipping_the_setup_keeps_the_defaults_it_never_returns_and_settings_runs_it_again() {
    let mut h = Harness::fresh_install();
    let client = &h.launch().await;
    ui::wait_for_heading(client, "Setup").await;
    click(client, "#setup-next").await;
    ui::wait_for(client, "#setup-step-you").await;
    click(client, r#"label[for="setup-painful_side-left"]"#).await;
    // Skipped from the second step: the side chosen but not saved.
    click(client, "#setup-skip-all").await;
    ui::wait_for_heading(client, "Today").await;
    absent(client, "#safety-notice").await;

    assert_eq!(setup_row(&h), (None, None, "skipped".into()));
    {
        let (mut store, _) =
            Store::open(&h.database_path(), chrono::Utc::now()).expect("open the database");
        assert_eq!(
            service::settings::current(&mut store).expect("the settings"),
            Settings::default(),
            "skipping changed no setting"
        );
    }

    // After a restart on the same folder: Today, no setup, no banner.
    let client = &quit_and_relaunch(&mut h, client).await;
    ui::wait_for_heading(client, "Today").await;
    ui::wait_for(client, "#decision-headline").await;
    absent(client, "#safety-notice").await;
    absent(client, "#setup").await;

    // Settings → "Run the setup again" shows it; leaving it changes nothing.
    ui::open_page(client, "settings", "Settings").await;
    click(client, "#run-setup-again").await;
    ui::wait_for_heading(client, "Setup").await;
    ui::wait_for(client, "#setup-step-safety").await;
    click(client, "#setup-skip-all").await;
    ui::wait_for_heading(client, "Settings").await;
    assert_eq!(setup_row(&h), (None, None, "skipped".into()));
    h.finish().await;
}
