//! A stretch reminder answered where it appears: on its notification (python3-dbusmock's
//! daemon with the `actions` capability: the test plays the click by emitting
//! `ActionInvoked` from the mock, as a real server does), or, with no notification server
//! on the bus, in the window the app brings forward instead. Same fake clock as
//! `reminders.rs`: 10:00:35 today, a fixed reminder at 10:01.

use crate::bus::Monitor;
use crate::reminders::{reminder_time, set_fixed_time, slot_state, within, CLOSE_RULE, TITLE};
use crate::servers::Notifications;
use crate::restart::{close_to_the_tray, wait_for_restart};
use crate::support::{eventually, Harness};
use crate::{procs, tray, ui};
use chrono::{Duration as Minutes, Timelike};
use fantoccini::Client;
use high_hamstring_rehab::shell::restart::WAITING_FOR_NOTIFICATION;
use std::process::Command;
use std::time::Duration;

/// The Notify calls the test's own mock logged, one line each.
fn notifies(h: &Harness) -> Vec<String> {
    let text = std::fs::read(h.notification_log()).unwrap_or_default();
    String::from_utf8_lossy(&text)
        .lines()
        .filter(|l| l.contains(" Notify ") && l.contains(TITLE))
        .map(String::from)
        .collect()
}

/// Waits (real time: the scheduler sleeps until the minute) for the `n`th reminder
/// notification and returns its log line. The mock numbers notifications 1, 2, … so
/// this one's id is `n`.
async fn nth_notification(h: &Harness, n: usize) -> String {
    within(
        Duration::from_secs(90),
        &format!("reminder notification {n} on the bus"),
        || notifies(h).len() >= n,
    )
    .await;
    let line = notifies(h)[n - 1].clone();
    println!("notification {n}: {line}");
    line
}

/// What `dbus-monitor` records to see the app start listening for a notification's
/// answer: its `AddMatch` calls to the bus.
const LISTEN_RULE: &str = "type='method_call',interface='org.freedesktop.DBus',member='AddMatch'";

/// Waits until the app listens for the answers of `n` notifications (notify-rust adds a
/// match for `NotificationClosed` after the one for `ActionInvoked`, then reads): a real
/// user cannot click before that, a test could.
async fn listening(listens: &Monitor, n: usize) {
    eventually(&format!("the app listening for notification {n}'s answer"), || async {
        let seen = listens
            .text()
            .lines()
            .filter(|l| l.contains("member='NotificationClosed'"))
            .count();
        if seen >= n {
            Ok(())
        } else {
            Err(format!("{seen} match rules for NotificationClosed"))
        }
    })
    .await;
}

/// Plays the user's click on button `key` of notification `id`.
fn click(id: usize, key: &str) {
    let out = Command::new("gdbus")
        .args([
            "call",
            "--session",
            "--dest",
            "org.freedesktop.Notifications",
            "--object-path",
            "/org/freedesktop/Notifications",
            "--method",
            "org.freedesktop.DBus.Mock.EmitSignal",
            "org.freedesktop.Notifications",
            "ActionInvoked",
            "us",
            &format!("[<uint32 {id}>, <'{key}'>]"),
        ])
        .output()
        .expect("gdbus could not be run (install libglib2.0-bin)");
    assert!(
        out.status.success(),
        "emitting ActionInvoked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn query(h: &Harness, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(h.database_path()).expect("open the database");
    let mut stmt = conn.prepare(sql).expect("a valid query");
    let today = h.app_now().date_naive().format("%Y-%m-%d").to_string();
    let minutes = reminder_time().hour() * 60 + reminder_time().minute();
    let rows = stmt
        .query_map(rusqlite::params![today, minutes], |r| r.get::<_, String>(0))
        .expect("rows");
    rows.map(|r| r.expect("a row")).collect()
}

/// The reminder's events in order (`?1` today, `?2` the slot).
fn outcomes(h: &Harness) -> Vec<String> {
    query(
        h,
        "SELECT outcome FROM reminder_events WHERE local_date = ?1 AND planned = ?2 ORDER BY id",
    )
}

fn reminder_stretches(h: &Harness) -> usize {
    query(
        h,
        "SELECT source FROM stretches WHERE local_date = ?1 AND source = 'reminder' AND ?2 > 0",
    )
    .len()
}

/// Waits until the monitor has seen CloseNotification for notification `id`.
async fn closed(monitor: &Monitor, id: usize) {
    let arg = format!("uint32 {id}");
    let arg = &arg;
    eventually(&format!("CloseNotification({id}) on the bus"), || async move {
        match monitor.calls("CloseNotification", Some(arg)) {
            0 => Err(monitor.text()),
            n => Ok(n),
        }
    })
    .await;
}

/// What each test of a notification with buttons starts from: the server with
/// `actions`, the monitors of `CloseNotification` calls and of the app's match rules, and
/// a launch on the fake clock with the fixed reminder set.
async fn launch_with_buttons(h: &mut Harness) -> (Monitor, Monitor, Client) {
    h.use_notifications(Notifications::WithActions);
    let bus = Monitor::start(CLOSE_RULE, h.temp_path("bus.log")).await;
    let listens = Monitor::start(LISTEN_RULE, h.temp_path("listens.log")).await;
    let client = h.launch_quiet_before_ten().await;
    set_fixed_time(&client, reminder_time()).await;
    h.still_before_the_reminder("setting the reminder time");
    (bus, listens, client)
}

#[tokio::test]
async fn done_on_the_notification_records_the_stretch_updates_the_tray_and_closes_it() {
    let mut h = Harness::new();
    let (bus, listens, client) = launch_with_buttons(&mut h).await;
    let client = &client;

    let line = nth_notification(&h, 1).await;
    for action in [
        r#""default", "Open the stretch""#,
        r#""done", "Done""#,
        r#""snooze", "Snooze 15 min""#,
        r#""skip", "Skip""#,
    ] {
        assert!(line.contains(action), "the notification carries {action}: {line}");
    }
    assert_eq!(outcomes(&h), ["shown"], "a server took it");
    tray::wait_for_status(h.app_pid(), "the tray saying a stretch is due", |s| {
        s.ends_with("stretch due now")
    })
    .await;

    listening(&listens, 1).await;
    click(1, "done");
    let status = tray::wait_for_status(h.app_pid(), "the tray counting the stretch", |s| {
        s.starts_with("1 of 4 stretches today")
    })
    .await;
    println!("tray after Done on the notification: {status}");
    closed(&bus, 1).await;
    assert_eq!(slot_state(&h, reminder_time()), "done");
    assert_eq!(outcomes(&h), ["shown", "done"]);
    assert_eq!(reminder_stretches(&h), 1, "the stretch is in the file");
    // The open window follows too.
    ui::open_page(client, "today", "Today").await;
    ui::wait_for_text(client, "#reminder-status", "one stretch done", |t| {
        t.starts_with("1 of 4 stretches today")
    })
    .await;

    h.finish().await;
}

#[tokio::test]
async fn snooze_on_the_notification_brings_a_new_one_later_and_skip_on_that_one_records_the_skip() {
    let mut h = Harness::new();
    let (bus, listens, _client) = launch_with_buttons(&mut h).await;
    nth_notification(&h, 1).await;

    listening(&listens, 1).await;
    click(1, "snooze");
    let status = tray::wait_for_status(h.app_pid(), "the tray showing the snooze", |s| {
        s.starts_with("0 of 4 stretches today · next at 10:1")
    })
    .await;
    println!("tray after Snooze: {status}");
    closed(&bus, 1).await;
    assert_eq!(slot_state(&h, reminder_time()), "snoozed");
    assert_eq!(outcomes(&h), ["shown", "snoozed"]);

    // Fifteen minutes later on the app's clock: the reminder comes back as notification 2.
    h.set_clock(h.app_now() + Minutes::minutes(15));
    let line = nth_notification(&h, 2).await;
    assert!(line.contains(r#""skip", "Skip""#), "{line}");
    assert_eq!(outcomes(&h), ["shown", "snoozed", "shown"]);

    listening(&listens, 2).await;
    click(2, "skip");
    tray::wait_for_status(h.app_pid(), "the tray after Skip", |s| {
        s.starts_with("0 of 4 stretches today") && !s.ends_with("stretch due now")
    })
    .await;
    closed(&bus, 2).await;
    assert_eq!(slot_state(&h, reminder_time()), "skipped");
    assert_eq!(outcomes(&h), ["shown", "snoozed", "shown", "skipped"]);
    assert_eq!(reminder_stretches(&h), 0);
    h.finish().await;
}

#[tokio::test]
async fn with_no_notification_server_the_window_opens_on_the_stretch_and_done_there_records_it() {
    let mut h = Harness::new();
    h.use_notifications(Notifications::Nothing);
    let client = &h.launch_quiet_before_ten().await;
    set_fixed_time(client, reminder_time()).await;
    h.still_before_the_reminder("setting the reminder time");
    // Looking elsewhere when the reminder comes: the window is brought to the stretch.
    ui::open_page(client, "settings", "Settings").await;
    within(Duration::from_secs(90), "the reminder to fall due", || {
        slot_state(&h, reminder_time()) == "shown"
    })
    .await;
    ui::wait_for_heading(client, "Stretch").await;
    let done = ui::wait_for(client, "#reminder-done").await;
    assert_eq!(outcomes(&h), ["window"], "no server took it: never `shown`");
    done.click().await.expect("click Done on the Stretch view");
    ui::wait_for_text(client, "#reminder-status", "one stretch done", |t| {
        t.starts_with("1 of 4 stretches today")
    })
    .await;
    assert_eq!(slot_state(&h, reminder_time()), "done");
    assert_eq!(outcomes(&h), ["window", "done"]);
    assert_eq!(reminder_stretches(&h), 1);

    // Settings says once that notifications are not available, and (no tray host on
    // this bus either) that there is no tray.
    ui::open_page(client, "settings", "Settings").await;
    let notes = ui::wait_for_text(client, "#desktop-notes", "the desktop notes", |t| {
        t.contains("notifications are not available") && t.contains("no tray")
    })
    .await;
    println!("Settings says: {notes}");
    h.finish().await;
}

/// A close to the tray while a reminder's notification with buttons is on screen: the
/// program does not replace itself yet (the buttons answer on its bus connection), the
/// app's log says it waits, Done on the notification still records the stretch and
/// closes the notification, and then the program restarts into the tray, having shown
/// the reminder once.
#[tokio::test]
async fn a_close_while_a_notification_with_buttons_is_on_screen_waits_for_its_answer_then_restarts()
{
    let mut h = Harness::new();
    let (bus, listens, client) = launch_with_buttons(&mut h).await;
    let client = &client;
    nth_notification(&h, 1).await;
    listening(&listens, 1).await;
    let pid = h.app_pid();
    let connections = tray::connections_of(pid).expect("the app's bus connections");

    close_to_the_tray(client).await;
    eventually(
        "the app to say the restart waits for the notification",
        || async {
            if h.log_contains(WAITING_FOR_NOTIFICATION) {
                Ok(())
            } else {
                Err(h.log_tail())
            }
        },
    )
    .await;
    // Still the old program: not started with --background, its bus connections kept.
    let args = procs::cmdline(pid);
    assert!(
        !args.iter().any(|a| a == "--background"),
        "the program was replaced while its notification was on screen: {args:?}"
    );
    let now = tray::connections_of(pid).unwrap_or_default();
    assert!(
        now.iter().any(|c| connections.contains(c)),
        "the bus connections changed while the notification was on screen: {now:?} (before: {connections:?})"
    );

    click(1, "done");
    closed(&bus, 1).await;
    wait_for_restart(pid, &connections).await;
    h.end_session().await;
    // The new program has reconciled and published once its tray says so.
    let status = tray::wait_for_status(pid, "the tray after the restart", |s| {
        s.starts_with("1 of 4 stretches today")
    })
    .await;
    println!("tray after the restart: {status}");
    assert_eq!(slot_state(&h, reminder_time()), "done");
    assert_eq!(outcomes(&h), ["shown", "done"]);
    assert_eq!(reminder_stretches(&h), 1, "the stretch is in the file");
    assert_eq!(notifies(&h).len(), 1, "the reminder was shown once");
    tray::click(pid, "Quit").await;
    h.wait_for_app_exit().await;
}
