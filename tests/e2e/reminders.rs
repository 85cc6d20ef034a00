//! Stretch reminders end to end: the real binary on a fake wall clock (see
//! `Harness::set_clock`) and python3-dbusmock's notification daemon. The clock is set to
//! 10:00:35 today and a fixed reminder at 10:01 is set in Settings, so the reminder is
//! always on the same day, whatever the real time; the notification is observed on the
//! bus (text only: the default mock has no `actions`); "Done" in the window records it
//! and withdraws the notification (`CloseNotification`); a pause set before the time
//! stops it. The notification's buttons, and no notification server at all, are
//! `notifications.rs`.

use crate::bus::Monitor;
use crate::support::{eventually, Harness};
use crate::ui;
use chrono::{DateTime, Local, NaiveTime, TimeZone, Timelike};
use fantoccini::Client;
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::service;
use high_hamstring_rehab::store::Store;
use serde_json::json;
use std::time::{Duration, Instant};

/// What `dbus-monitor` records: the calls to the notification server.
pub(crate) const CLOSE_RULE: &str =
    "type='method_call',interface='org.freedesktop.Notifications'";

pub(crate) const TITLE: &str = "Time for your hamstring stretch — 1 of 4 today";

/// The fixed reminder the tests set, and the wall-clock time they set it at: far
/// enough ahead for a slow machine to finish setting it (checked), near enough for a
/// short wait. The scheduler's sleep until it is real time passing.
pub(crate) fn reminder_time() -> NaiveTime {
    NaiveTime::from_hms_opt(10, 1, 0).expect("a valid time")
}

pub(crate) fn today_at(h: u32, m: u32, s: u32) -> DateTime<Local> {
    let now = Local::now().date_naive().and_hms_opt(h, m, s).expect("a valid time");
    Local
        .from_local_datetime(&now)
        .earliest()
        .expect("a morning time exists on every day")
}

pub(crate) fn notification_log() -> String {
    let path = std::env::var_os("HHR_NOTIFICATION_LOG")
        .expect("HHR_NOTIFICATION_LOG is not set: run the suite through scripts/e2e.sh");
    String::from_utf8_lossy(&std::fs::read(path).expect("read the notification log")).into_owned()
}

pub(crate) fn reminders_in_log() -> usize {
    notification_log()
        .lines()
        .filter(|l| l.contains(TITLE))
        .count()
}

impl Harness {
    /// Launches the app at 09:00 on the fake clock with a fixed reminder time of 12:00
    /// set beforehand, so nothing fires at start-up, then moves the clock to 10:00:35.
    pub(crate) async fn launch_quiet_before_ten(&mut self) -> Client {
        self.set_clock(today_at(9, 0, 0));
        std::fs::create_dir_all(self.app_data_dir()).expect("the data folder");
        seed_quiet_settings(self);
        let client = self.launch().await;
        self.set_clock(today_at(10, 0, 35));
        client
    }

    /// Sets the app's clock to 06:00 today, before the default reminder window opens
    /// (08:00), so no stretch reminder falls due during the test. At the real time of
    /// day one could, and while its notification is on screen the restart into the
    /// tray waits for it (shell/restart.rs), longer than a test waits for the restart.
    pub(crate) fn set_clock_before_reminders(&mut self) {
        self.set_clock(today_at(6, 0, 0));
    }

    /// Fails the test if the app's clock has reached the reminder already: a step the
    /// test needed to finish before it took too long on this machine.
    pub(crate) fn still_before_the_reminder(&self, step: &str) {
        let now = self.app_now();
        assert!(
            now.time() < reminder_time(),
            "{step} took until {now} on the app's clock, past the reminder at {}: too slow a machine for this test",
            reminder_time()
        );
    }
}

fn seed_quiet_settings(h: &Harness) {
    let at = Now::of(h.app_now());
    let (mut store, _) = Store::open(&h.database_path(), at.utc).expect("create the database");
    service::settings::update(
        &mut store,
        &serde_json::from_value(json!({ "fixed_times": "12:00" })).unwrap(),
        at,
    )
    .expect("seed the settings");
}

pub(crate) async fn set_fixed_time(client: &Client, time: NaiveTime) {
    ui::open_page(client, "settings", "Settings").await;
    ui::enter_value(
        client,
        "#setting-fixed_times",
        &time.format("%H:%M").to_string(),
    )
    .await;
    ui::wait_for_text(client, "#settings-status", "\"Saved.\"", |t| t == "Saved.").await;
}

pub(crate) fn slot_state(h: &Harness, time: NaiveTime) -> String {
    let conn = rusqlite::Connection::open(h.database_path()).expect("open the database");
    conn.query_row(
        "SELECT state FROM reminder_slots WHERE local_date = ?1 AND planned = ?2",
        rusqlite::params![
            h.app_now().date_naive().format("%Y-%m-%d").to_string(),
            time.hour() * 60 + time.minute()
        ],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| format!("no slot: {e}"))
}

/// Waits (up to `limit`) for `done`, checking every second: for the reminder's minute,
/// real time has to pass (the scheduler sleeps until it), longer than the suite's
/// usual deadline allows.
pub(crate) async fn within(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[tokio::test]
async fn a_fixed_reminder_a_minute_ahead_is_notified_and_done_in_the_window_records_it() {
    let mut h = Harness::new();
    let closes = Monitor::start(CLOSE_RULE, h.temp_path("bus.log")).await;
    let client = &h.launch_quiet_before_ten().await;
    let before = reminders_in_log();
    let time = reminder_time();
    set_fixed_time(client, time).await;
    h.still_before_the_reminder("setting the reminder time");
    println!("reminder set for {time} at {} on the app's clock", h.app_now());

    within(
        Duration::from_secs(90),
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
    // This server has no `actions`: the text-only notification, saying where to answer.
    assert!(
        line.contains("Answer Done, Snooze or Skip in the tray or the window") && !line.contains("Snooze 15 min"),
        "text only, no buttons: {line}"
    );
    println!("notification: {line}");
    assert_eq!(closes.calls("CloseNotification", None), 0, "still waiting: not withdrawn");

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
    // Answered in the window, its notification is withdrawn.
    eventually("CloseNotification on the bus after Done in the window", || async {
        match closes.calls("CloseNotification", None) {
            0 => Err(closes.text()),
            n => Ok(n),
        }
    })
    .await;
    h.finish().await;
}

#[tokio::test]
async fn a_pause_set_before_the_fixed_time_stops_the_reminder() {
    let mut h = Harness::new();
    let client = &h.launch_quiet_before_ten().await;
    let before = reminders_in_log();
    let time = reminder_time();
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
    h.still_before_the_reminder("setting the reminder time and the pause");

    // Past the reminder's minute: it is recorded as skipped and nothing is shown.
    within(
        Duration::from_secs(90),
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
        Duration::from_secs(30),
        "the login entry to be removed",
        || entries().is_empty(),
    )
    .await;
    h.finish().await;
}
