//! The restart into the tray: once the window is closed to the tray, the process replaces
//! itself (`exec`) with a `--background` start, so it keeps no WebKit process and no
//! memory the window touched. Same pid, new program: its command line says
//! `--background`, no WebKit process is left under it, and every bus connection is new.
//! On the fake clock of `reminders.rs`: a fixed reminder that falls due while the app
//! switches is shown exactly once, "Open" in the tray brings the window back, and a
//! pause set before a close is still in force after the switch.

use crate::reminders::{
    reminder_time, reminders_in_log, set_fixed_time, slot_state, today_at, within,
};
use crate::support::{eventually, Harness, WINDOW_TITLE};
use crate::{procs, tray, ui, wait_for_window, OPEN};
use chrono::Timelike;
use high_hamstring_rehab::store::Store;
use std::time::Duration;

/// Waits until the process `pid` has replaced itself with a tray-only start: started
/// with `--background`, no WebKit process under it, and none of the bus connections
/// it had before (`before`) left.
pub(crate) async fn wait_for_restart(pid: u32, before: &[String]) {
    eventually("the app to restart in the tray (same pid)", || async {
        assert!(
            procs::is_alive(pid),
            "the app process {pid} ended instead of restarting"
        );
        let args = procs::cmdline(pid);
        let webkit = procs::descendants(pid);
        let now = tray::connections_of(pid).unwrap_or_default();
        let kept: Vec<&String> = now.iter().filter(|c| before.contains(c)).collect();
        if !args.iter().any(|a| a == "--background") {
            Err(format!("its command line is still {args:?}"))
        } else if !webkit.is_empty() {
            Err(format!("processes still under it: {webkit:?}"))
        } else if now.is_empty() || !kept.is_empty() {
            Err(format!(
                "bus connections {now:?}, of which from before: {kept:?}"
            ))
        } else {
            Ok(())
        }
    })
    .await;
}

/// Closes the window with the keyboard, chooses "Keep running in the tray" on the
/// first-close notice and waits until the window is gone.
pub(crate) async fn close_to_the_tray(client: &fantoccini::Client) {
    ui::close_with_keyboard(client).await;
    ui::click_that_may_close(client, "#close-notice-ok").await;
    eventually("the window to close", || async {
        match procs::x_windows_named(WINDOW_TITLE) {
            ids if ids.is_empty() => Ok(()),
            ids => Err(format!("windows: {ids:?}")),
        }
    })
    .await;
}

/// How many times the reminder at `time` today was recorded as shown.
fn shown_events(h: &Harness, time: chrono::NaiveTime) -> i64 {
    let conn = rusqlite::Connection::open(h.database_path()).expect("open the database");
    conn.query_row(
        "SELECT count(*) FROM reminder_events WHERE local_date = ?1 AND planned = ?2 AND outcome = 'shown'",
        rusqlite::params![
            h.app_now().date_naive().format("%Y-%m-%d").to_string(),
            time.hour() * 60 + time.minute()
        ],
        |r| r.get(0),
    )
    .expect("count the shown events")
}

#[tokio::test]
async fn closed_to_the_tray_just_before_a_reminder_it_restarts_light_notifies_once_keeps_a_pause_and_opens_again(
) {
    let mut h = Harness::new();
    let client = &h.launch_quiet_before_ten().await;
    let before = reminders_in_log();
    let time = reminder_time();
    set_fixed_time(client, time).await;
    h.still_before_the_reminder("setting the reminder time");
    let pid = h.app_pid();
    let connections = tray::connections_of(pid).expect("the app's bus connections");

    // Closed to the tray a few seconds before the reminder.
    close_to_the_tray(client).await;
    // The reminder's time passes while the app switches (or just after): whichever
    // program reconciles first after 10:01 shows it, and the other must not.
    h.set_clock(today_at(10, 1, 1));
    wait_for_restart(pid, &connections).await;
    h.end_session().await;
    println!("restarted in the tray: {:?}", procs::cmdline(pid));

    within(
        Duration::from_secs(90),
        "the reminder on the session bus",
        || reminders_in_log() > before,
    )
    .await;
    let status = tray::wait_for_status(pid, "the reminder waiting in the tray", |s| {
        s.contains("stretch due now")
    })
    .await;
    println!("tray after the restart: {status}");
    assert_eq!(
        reminders_in_log(),
        before + 1,
        "the reminder is shown exactly once"
    );
    assert_eq!(shown_events(&h, time), 1, "and recorded shown once");

    // "Open" in the tray brings the window back, in the same process.
    tray::click(pid, OPEN).await;
    wait_for_window(pid).await;
    assert_eq!(
        h.app_instances(),
        vec![pid],
        "Open reuses the running process"
    );

    // With the window open: answered, then paused for an hour, from the tray.
    tray::click(pid, "Done").await;
    within(Duration::from_secs(30), "the slot to be done", || {
        slot_state(&h, time) == "done"
    })
    .await;
    tray::click(pid, "For 1 hour").await;
    let paused =
        tray::wait_for_status(pid, "the pause in the tray", |s| s.contains("paused until")).await;
    let connections = tray::connections_of(pid).expect("the app's bus connections");

    // Closed again (the notice was seen: it goes straight to the tray): the second
    // restart keeps the pause, which is a row in the database.
    procs::type_into_window(WINDOW_TITLE, "ctrl+w");
    wait_for_restart(pid, &connections).await;
    let status = tray::wait_for_status(pid, "the pause after the restart", |s| {
        s.contains("paused until")
    })
    .await;
    assert_eq!(status, paused, "the same pause, to the same time");
    let items = tray::menu(pid).await;
    assert!(
        items
            .iter()
            .any(|i| i.label.starts_with("Resume reminders")),
        "Resume is offered after the restart: {items:?}"
    );
    assert_eq!(
        reminders_in_log(),
        before + 1,
        "still exactly one reminder shown, over both restarts"
    );

    tray::click(pid, "Quit").await;
    h.wait_for_app_exit().await;
    let (_store, set_aside) =
        Store::open(&h.database_path(), chrono::Utc::now()).expect("open the app's database");
    assert!(
        set_aside.is_none(),
        "the database was damaged: {set_aside:?}"
    );
}
