//! Stretch reminders end to end: the real binary, the real clock and python3-dbusmock's
//! notification daemon. A fixed reminder time a minute ahead is set in Settings; the
//! notification is observed on the bus; "Done" in the window records it; a pause set
//! before the time stops it.

use crate::support::Harness;
use crate::ui;
use chrono::{Duration, Local, NaiveTime, Timelike};
use fantoccini::Client;
use high_hamstring_rehab::service;
use high_hamstring_rehab::store::Store;
use serde_json::json;
use std::time::Instant;

const TITLE: &str = "Time for your hamstring stretch — 1 of 4 today";

fn notification_log() -> String {
    let path = std::env::var_os("HHR_NOTIFICATION_LOG")
        .expect("HHR_NOTIFICATION_LOG is not set: run the suite through scripts/e2e.sh");
    String::from_utf8_lossy(&std::fs::read(path).expect("read the notification log")).into_owned()
}

fn reminders_in_log() -> usize {
    notification_log()
        .lines()
        .filter(|l| l.contains(TITLE))
        .count()
}

/// A reminder time at least a minute ahead, on today's date (waits past midnight if needed).
async fn a_minute_ahead() -> NaiveTime {
    loop {
        let now = Local::now().naive_local();
        let target = (now + Duration::seconds(75)).with_second(0).unwrap();
        if target.date() == now.date() {
            return target.time();
        }
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    }
}

impl Harness {
    /// Launches the app with a fixed reminder time two hours away set beforehand, so
    /// nothing fires at start-up whatever the time of day.
    async fn launch_quiet(&mut self) -> Client {
        std::fs::create_dir_all(self.app_data_dir()).expect("the data folder");
        seed_quiet_settings(self);
        self.launch().await
    }
}

fn seed_quiet_settings(h: &Harness) {
    let (mut store, _) =
        Store::open(&h.database_path(), chrono::Utc::now()).expect("create the database");
    let far = (Local::now().naive_local() + Duration::hours(2))
        .time()
        .format("%H:%M")
        .to_string();
    service::settings::update(
        &mut store,
        &serde_json::from_value(json!({ "fixed_times": far })).unwrap(),
        chrono::Utc::now(),
    )
    .expect("seed the settings");
}

async fn set_fixed_time(client: &Client, time: NaiveTime) {
    ui::open_page(client, "settings", "Settings").await;
    ui::enter_value(
        client,
        "#setting-fixed_times",
        &time.format("%H:%M").to_string(),
    )
    .await;
    ui::wait_for_text(client, "#settings-status", "\"Saved.\"", |t| t == "Saved.").await;
}

fn slot_state(h: &Harness, time: NaiveTime) -> String {
    let conn = rusqlite::Connection::open(h.database_path()).expect("open the database");
    conn.query_row(
        "SELECT state FROM reminder_slots WHERE local_date = ?1 AND planned = ?2",
        rusqlite::params![
            Local::now().date_naive().format("%Y-%m-%d").to_string(),
            time.hour() * 60 + time.minute()
        ],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| format!("no slot: {e}"))
}

/// Waits (up to `limit`) for `done`, checking every second.
async fn within(limit: std::time::Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

#[tokio::test]
async fn a_fixed_reminder_a_minute_ahead_is_notified_and_done_in_the_window_records_it() {
    let mut h = Harness::new();
    let client = &h.launch_quiet().await;
    let before = reminders_in_log();
    let time = a_minute_ahead().await;
    set_fixed_time(client, time).await;
    println!("reminder set for {time}");

    within(
        std::time::Duration::from_secs(150),
        "the reminder on the session bus",
        || reminders_in_log() > before,
    )
    .await;
    let line = notification_log()
        .lines()
        .rfind(|l| l.contains(TITLE))
        .unwrap_or_default()
        .to_string();
    assert!(
        line.contains("A gentle stretch on each leg"),
        "the body is shown too: {line}"
    );
    println!("notification: {line}");

    ui::open_page(client, "today", "Today").await;
    ui::wait_for(client, "#reminder-done")
        .await
        .click()
        .await
        .expect("click Done");
    let status = ui::wait_for_text(client, "#reminder-status", "one stretch done", |t| {
        t.starts_with("1 of 4 stretches today")
    })
    .await;
    println!("status after Done: {status}");
    assert_eq!(slot_state(&h, time), "done");
    h.finish().await;
}

#[tokio::test]
async fn a_pause_set_before_the_fixed_time_stops_the_reminder() {
    let mut h = Harness::new();
    let client = &h.launch_quiet().await;
    let before = reminders_in_log();
    let time = a_minute_ahead().await;
    set_fixed_time(client, time).await;

    ui::open_page(client, "today", "Today").await;
    ui::wait_for(client, "#pause-hour")
        .await
        .click()
        .await
        .expect("click Pause 1 hour");
    ui::wait_for_text(client, "#reminder-status", "paused", |t| {
        t.contains("paused until")
    })
    .await;

    // Past the reminder's minute: it is recorded as skipped and nothing is shown.
    within(
        std::time::Duration::from_secs(150),
        "the paused slot to be skipped",
        || slot_state(&h, time) == "skipped",
    )
    .await;
    assert_eq!(
        reminders_in_log(),
        before,
        "no reminder may be shown during a pause"
    );
    h.finish().await;
}

#[tokio::test]
async fn start_at_login_registers_the_app_to_start_in_the_background_and_unregisters_it() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    let autostart = h.home_dir().join(".config/autostart");
    let entries = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(&autostart)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default()
    };
    assert!(
        entries().is_empty(),
        "off until the user turns it on: {:?}",
        entries()
    );

    ui::open_page(client, "settings", "Settings").await;
    let login = r#"label[for="setting-start_at_login"]"#;
    ui::wait_for(client, login)
        .await
        .click()
        .await
        .expect("turn start at login on");
    ui::wait_for_text(client, "#settings-status", "\"Saved.\"", |t| t == "Saved.").await;
    let files = entries();
    let [entry] = files.as_slice() else {
        panic!(
            "one login entry expected in {}: {files:?}",
            autostart.display()
        )
    };
    let text = std::fs::read_to_string(entry).expect("read the login entry");
    assert!(
        text.contains("--background"),
        "the login entry starts the app in the tray: {text}"
    );
    println!("login entry {}:\n{text}", entry.display());

    ui::wait_for(client, login)
        .await
        .click()
        .await
        .expect("turn start at login off");
    within(
        std::time::Duration::from_secs(30),
        "the login entry to be removed",
        || entries().is_empty(),
    )
    .await;
    h.finish().await;
}
