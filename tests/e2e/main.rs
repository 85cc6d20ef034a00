//! End-to-end tests: the real app binary, driven through tauri-driver/WebKitWebDriver,
//! under a virtual display and a private session bus with a mock notification daemon.
//!
//! Run with `xvfb-run -a dbus-run-session -- bash scripts/e2e.sh` (which starts the
//! notification mock and runs the tests one at a time: the app is single-instance per
//! session bus). Each test gets its own data, config and cache folders.

mod a11y;
mod bus;
mod clock;
#[path = "../common/mod.rs"]
mod common;
mod demos;
mod font;
mod guide;
mod journal;
mod keys;
mod notifications;
mod pain;
mod procs;
mod program;
mod reminders;
mod restart;
mod running;
mod safety;
mod screens;
mod servers;
mod session;
mod setup;
mod support;
mod today;
mod tray;
mod ui;

use fantoccini::{key::Key, Locator};
use high_hamstring_rehab::shell::window::SHOWN_WITHOUT_THE_PAGE;
use high_hamstring_rehab::{service, store::Store};
use serde_json::json;
use support::{eventually, Harness, WINDOW_TITLE};
use ui::{nav_link, PAGES};

/// At most this many key presses to move the focus onto one navigation link.
const MAX_PRESSES: usize = 40;

/// Whether the focus is on the element matching arguments[0], and what it is on.
const FOCUS_SCRIPT: &str = r#"
const target = document.querySelector(arguments[0]);
const active = document.activeElement;
if (!target) throw new Error('no element matches ' + arguments[0]);
return [active === target, active ? active.outerHTML.slice(0, 80) : 'nothing'];
"#;

#[tokio::test]
async fn every_page_is_reachable_from_the_navigation_by_keyboard() {
    let mut h = Harness::new();
    let client = &h.launch().await;

    // Today is shown at start, so it comes last: every Enter is a real navigation.
    for &(page, title) in PAGES.iter().cycle().skip(1).take(PAGES.len()) {
        let link = nav_link(page);
        // Tab only, as the focus wraps from the end of the page back to its top.
        let mut presses = 0;
        loop {
            let answer = ui::js(client, FOCUS_SCRIPT, vec![json!(link)])
                .await
                .expect("focus check");
            if answer[0] == json!(true) {
                break;
            }
            assert!(
                presses < MAX_PRESSES,
                "{link} not focused after {MAX_PRESSES} Tab presses; focus is on {}",
                answer[1]
            );
            ui::press(client, &[Key::Tab.into()]).await;
            presses += 1;
        }
        ui::press(client, &[Key::Enter.into()]).await;
        println!("{page}: Tab ×{presses}, Enter");

        let heading = ui::wait_for_heading(client, title).await;
        assert_eq!(heading, title, "the {page} page's heading");
        let headings = ui::js(
            client,
            "return document.querySelectorAll('h1').length;",
            vec![],
        )
        .await
        .expect("h1 count");
        assert_eq!(
            headings,
            json!(1),
            "the {page} page should have exactly one h1"
        );
        let current = client
            .find(Locator::Css(&link))
            .await
            .expect("nav link")
            .attr("aria-current")
            .await;
        assert_eq!(
            current.expect("aria-current"),
            Some("page".to_string()),
            "{link} should be marked as the current page"
        );
        let others = format!(r#"{} a[aria-current]:not([data-page="{page}"])"#, ui::NAV);
        let stale = client
            .find_all(Locator::Css(&others))
            .await
            .expect("other links");
        assert!(
            stale.is_empty(),
            "after opening {page}, another link still has aria-current"
        );
        let url = client.current_url().await.expect("current url");
        assert_eq!(
            url.fragment(),
            Some(format!("/{page}").as_str()),
            "the address after opening {page}"
        );
    }
    h.finish().await;
}

/// The window is made hidden and shown once its page starts loading (shell/window.rs): it
/// must be on screen, visible to the page itself and focused, and shown by the page's
/// start, not by the fallback that shows it anyway after `SHOWN_ANYWAY_AFTER`.
#[tokio::test]
async fn the_window_made_hidden_is_shown_with_the_focus_once_its_page_starts() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    ui::wait_for_heading(client, "Today").await;
    eventually("the window shown on the display", || async {
        match procs::shown_x_windows_named(WINDOW_TITLE) {
            ids if ids.len() == 1 => Ok(()),
            ids => Err(format!("shown windows named {WINDOW_TITLE:?}: {ids:?}")),
        }
    })
    .await;
    eventually("the page visible and focused", || async {
        let seen = ui::js(
            client,
            "return [document.visibilityState, document.hasFocus()];",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
        match seen == json!(["visible", true]) {
            true => Ok(()),
            false => Err(format!("visibility and focus: {seen}")),
        }
    })
    .await;
    // The fallback logs before it shows the window, so a window it showed is seen here.
    assert!(
        !h.log_contains(SHOWN_WITHOUT_THE_PAGE),
        "the window was shown by the fallback, not by its page's start:\n{}",
        h.log_tail()
    );
    h.finish().await;
}

#[tokio::test]
async fn a_setting_changed_in_settings_survives_quitting_and_restarting() {
    const PAIN: &str = "#setting-allowed_pain";
    let mut h = Harness::new();
    let client = &h.launch().await;
    ui::open_page(client, "settings", "Settings").await;

    // Above 0/10 only on a clinician's advice: the window asks before it saves.
    ui::enter_value(client, PAIN, "3").await;
    ui::confirm_clinician_advice(client, "3/10", "", "").await;
    ui::wait_for_text(client, "#settings-status", "\"Saved.\"", |t| t == "Saved.").await;

    ui::enter_value(client, PAIN, "9").await;
    let error = ui::wait_for_text(client, "#settings-status", "the error for 9", |t| {
        t.contains("Allowed pain") && t.contains("0 to 5") && t.contains('9')
    })
    .await;
    println!("error shown for 9: {error}");
    let invalid = client
        .find(Locator::Css(PAIN))
        .await
        .expect("pain field")
        .attr("aria-invalid")
        .await;
    assert_eq!(
        invalid.expect("aria-invalid"),
        Some("true".into()),
        "the rejected field should be marked invalid"
    );

    ui::close_with_keyboard(client).await;
    ui::click_that_may_close(client, "#close-notice-quit").await;
    h.wait_for_app_exit().await;
    h.end_session().await;

    let (mut store, set_aside) =
        Store::open(&h.database_path(), chrono::Utc::now()).expect("open the app's database");
    assert!(
        set_aside.is_none(),
        "the database was damaged after a clean quit: {set_aside:?}"
    );
    let stored = service::settings::current(&mut store).expect("read the settings");
    assert_eq!(
        stored.allowed_pain, 3,
        "allowed pain in the database after quitting"
    );
    drop(store);

    let client = &h.launch().await;
    ui::open_page(client, "settings", "Settings").await;
    ui::wait_for_prop(client, PAIN, "value", "3").await;
    h.finish().await;
}

#[tokio::test]
async fn sending_a_test_reminder_produces_a_notification() {
    const TITLE: &str = "High Hamstring Rehab — test reminder";
    let log = std::env::var_os("HHR_NOTIFICATION_LOG").expect(
        "HHR_NOTIFICATION_LOG is not set: run the suite through scripts/e2e.sh, which starts the notification mock",
    );
    let mut h = Harness::new();
    let client = &h.launch().await;
    ui::open_page(client, "settings", "Settings").await;

    ui::wait_for(client, "#send-test-reminder")
        .await
        .click()
        .await
        .expect("click Send a test reminder");
    ui::wait_for_text(client, "#test-reminder-status", "the title sent", |t| {
        t == format!("Sent: {TITLE}")
    })
    .await;

    let log = &log;
    let line = eventually(
        "the notification in the mock daemon's log",
        move || async move {
            let text = String::from_utf8_lossy(
                &std::fs::read(log).map_err(|e| format!("cannot read the log: {e}"))?,
            )
            .into_owned();
            text.lines()
                .find(|l| l.contains(TITLE) && l.contains("Reminders reach you"))
                .map(String::from)
                .ok_or_else(|| {
                    format!(
                        "log has {} lines, none with the reminder: {text:?}",
                        text.lines().count()
                    )
                })
        },
    )
    .await;
    println!("notification: {line}");
    h.finish().await;
}

#[tokio::test]
async fn closing_the_window_keeps_the_process_without_a_webview_and_a_second_launch_brings_it_back()
{
    let mut h = Harness::new();
    h.set_clock_before_reminders();
    let client = &h.launch().await;
    let pid = h.app_pid();
    assert!(
        !procs::web_processes_under(pid).is_empty(),
        "the open window should have a WebKitWebProcess"
    );
    let connections = tray::connections_of(pid).expect("the app's bus connections");

    ui::close_with_keyboard(client).await;
    ui::click_that_may_close(client, "#close-notice-ok").await;

    // The process stays (same pid) and replaces itself with a tray-only start: no WebKit
    // process at all under it (the network process too), new bus connections.
    restart::wait_for_restart(pid, &connections).await;
    eventually("the window to be gone from the display", || async {
        match procs::x_windows_named(WINDOW_TITLE) {
            ids if ids.is_empty() => Ok(()),
            ids => Err(format!("windows named {WINDOW_TITLE:?}: {ids:?}")),
        }
    })
    .await;

    let status = h.launch_second_instance();
    assert!(
        status.success(),
        "the second launch should exit successfully, got {status}:\n{}",
        h.log_tail()
    );
    assert!(
        procs::is_alive(pid),
        "the first process should still be running after the second launch"
    );
    assert_eq!(
        h.app_instances(),
        vec![pid],
        "only the first process should remain"
    );

    eventually("a new WebKitWebProcess under the first process", || async {
        match procs::web_processes_under(pid) {
            web if web.is_empty() => Err("none yet".to_string()),
            _ => Ok(()),
        }
    })
    .await;
    let windows = eventually("the window to be back on the display", || async {
        match procs::shown_x_windows_named(WINDOW_TITLE) {
            ids if ids.is_empty() => Err("no window yet".to_string()),
            ids => Ok(ids),
        }
    })
    .await;
    println!("window back: {windows:?}");
    h.finish().await;
}

#[tokio::test]
async fn a_second_launch_while_the_window_is_open_exits_and_leaves_one_process() {
    let mut h = Harness::new();
    h.launch().await;
    let pid = h.app_pid();

    let status = h.launch_second_instance();
    assert!(
        status.success(),
        "the second launch should exit successfully, got {status}:\n{}",
        h.log_tail()
    );
    assert_eq!(
        h.app_instances(),
        vec![pid],
        "exactly the first app process should be running for this data folder"
    );
    // The first window is still there and still answers.
    ui::wait_for_heading(h.client(), "Today").await;
    h.finish().await;
}

#[tokio::test]
async fn a_corrupted_database_is_set_aside_with_its_contents_intact_and_the_user_is_told() {
    let mut h = Harness::new();
    let folder = h.app_data_dir();
    std::fs::create_dir_all(&folder).expect("create the data folder");
    let garbage: Vec<u8> = b"this is not a database\n"
        .iter()
        .copied()
        .cycle()
        .take(8 * 1024)
        .collect();
    std::fs::write(h.database_path(), &garbage).expect("write the damaged database");

    let client = &h.launch().await;
    let notice = ui::wait_for_text(client, "#recovery-notice", "the recovery notice", |t| {
        !t.is_empty()
    })
    .await;

    let set_aside: Vec<_> = std::fs::read_dir(&folder)
        .expect("list the data folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("rehab-damaged-") && name.ends_with(".db")
        })
        .collect();
    let [moved] = set_aside.as_slice() else {
        panic!(
            "expected one rehab-damaged-*.db in {}, found {set_aside:?}",
            folder.display()
        )
    };
    let name = moved
        .file_name()
        .and_then(|n| n.to_str())
        .expect("file name");
    let stamp = &name["rehab-damaged-".len()..name.len() - ".db".len()];
    let shape = stamp.len() == 16
        && stamp.char_indices().all(|(i, c)| match i {
            8 => c == 'T',
            15 => c == 'Z',
            _ => c.is_ascii_digit(),
        });
    assert!(
        shape,
        "set-aside name {name} should carry a YYYYMMDDTHHMMSSZ time"
    );
    assert!(
        notice.contains(&moved.display().to_string()),
        "the notice should name {}: {notice:?}",
        moved.display()
    );
    assert!(
        std::fs::read(moved).expect("read the set-aside file") == garbage,
        "the set-aside file's bytes changed"
    );

    let header = std::fs::read(h.database_path()).expect("read the new rehab.db");
    assert!(
        header.starts_with(b"SQLite format 3\0"),
        "rehab.db is not an SQLite file: {:?}",
        &header[..header.len().min(16)]
    );

    ui::click_that_may_close(client, "#recovery-dismiss").await;
    eventually("the recovery notice to go", || async {
        match client.find_all(Locator::Css("#recovery-notice")).await {
            Ok(found) if found.is_empty() => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    h.finish().await;

    let (_store, again) =
        Store::open(&h.database_path(), chrono::Utc::now()).expect("open the new rehab.db");
    assert!(
        again.is_none(),
        "the fresh rehab.db was judged damaged: {again:?}"
    );
}

#[tokio::test]
async fn a_database_damaged_in_an_index_only_is_set_aside_after_the_first_screen_before_anything_writes() {
    // The window's start runs SQLite's quick check, which passes this file; the full
    // check after the first screen (Today: the setup is done) finds it. Meanwhile the
    // day's reminders (planned and written at start-up on a sound file) must wait: the
    // file and its -wal are set aside exactly as they were.
    let mut h = Harness::new();
    std::fs::create_dir_all(h.app_data_dir()).expect("create the data folder");
    let (damaged, damaged_wal) = common::with_a_damaged_index(&h.database_path());

    let client = &h.launch().await;
    let notice = ui::wait_for_text(client, "#recovery-notice", "the recovery notice", |t| {
        !t.is_empty()
    })
    .await;
    // The page loaded again after the damage was found is on the fresh database, whose
    // setup has not been done (the damaged one's was: its first screen was Today).
    ui::wait_for_heading(client, "Setup").await;
    assert!(
        h.log_contains("found by the full check after the first screen"),
        "the damage should be found by the full check after the first screen, not at start-up"
    );
    let moved = std::fs::read_dir(h.app_data_dir())
        .expect("list the data folder")
        .map(|e| e.expect("folder entry").path())
        .find(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("rehab-damaged-") && name.ends_with(".db")
        })
        .expect("a rehab-damaged-*.db in the data folder");
    assert!(
        notice.contains(&moved.display().to_string()),
        "the notice should name {}: {notice:?}",
        moved.display()
    );
    assert!(
        std::fs::read(&moved).expect("read the set-aside file") == damaged,
        "the set-aside file's bytes changed"
    );
    let wal = std::fs::read(format!("{}-wal", moved.display())).unwrap_or_default();
    assert!(
        wal == damaged_wal,
        "the damaged file's -wal changed before it was set aside ({} bytes, {} before)",
        wal.len(),
        damaged_wal.len()
    );
    // The fresh database took the writes that waited (today's reminders planned).
    eventually("today's reminders planned in the fresh database", || async {
        let conn = rusqlite::Connection::open(h.database_path()).map_err(|e| e.to_string())?;
        let (slots, stretches): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM reminder_slots), (SELECT count(*) FROM stretches)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| e.to_string())?;
        match (slots, stretches) {
            (s, 0) if s > 0 => Ok(()),
            other => Err(format!("slots and stretches {other:?}")),
        }
    })
    .await;
    h.finish().await;
}

const OPEN: &str = "Open High Hamstring Rehab";

/// Waits until the app `pid` has a webview (a WebKitWebProcess) and a window shown on the
/// display (on Linux it is made hidden and shown once its page starts).
async fn wait_for_window(pid: u32) {
    eventually("a WebKitWebProcess under the app", || async {
        match procs::web_processes_under(pid) {
            web if web.is_empty() => Err("none yet".to_string()),
            _ => Ok(()),
        }
    })
    .await;
    eventually("the window shown on the display", || async {
        match procs::shown_x_windows_named(WINDOW_TITLE) {
            ids if ids.is_empty() => Err("no window yet".to_string()),
            _ => Ok(()),
        }
    })
    .await;
}

#[tokio::test]
async fn started_with_background_it_waits_in_the_tray_without_a_webview_until_open_and_quit_ends_it(
) {
    let mut h = Harness::new();
    let pid = h.launch_background().await;

    // The scheduler's first wake-up writes the day's status into the menu.
    let status = tray::wait_for_status(pid, "the day's stretch count in the tray", |s| {
        s.starts_with("0 of 4 stretches today · ")
    })
    .await;
    println!("tray status: {status}");
    let items = tray::menu(pid).await;
    let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    for wanted in [
        "Log a stretch",
        "Pause reminders",
        "For 1 hour",
        OPEN,
        "Quit",
    ] {
        assert!(
            labels.contains(&wanted),
            "{wanted:?} missing from the tray menu: {items:?}"
        );
    }
    assert!(
        !items[0].enabled,
        "the status line is information, not an action"
    );
    // The menu is only built at the end of start-up, so start-up is over here.
    assert!(
        procs::web_processes_under(pid).is_empty(),
        "--background started a WebKitWebProcess"
    );
    assert!(
        procs::x_windows_named(WINDOW_TITLE).is_empty(),
        "--background showed a window"
    );

    tray::click(pid, OPEN).await;
    wait_for_window(pid).await;
    assert_eq!(
        h.app_instances(),
        vec![pid],
        "Open should reuse the running process"
    );

    tray::click(pid, "Quit").await;
    h.wait_for_app_exit().await;
    let (_store, set_aside) =
        Store::open(&h.database_path(), chrono::Utc::now()).expect("open the app's database");
    assert!(
        set_aside.is_none(),
        "the database was damaged after Quit from the tray: {set_aside:?}"
    );
}

#[tokio::test]
async fn the_tray_status_follows_the_settings_and_open_brings_back_a_window_closed_to_the_tray() {
    let mut h = Harness::new();
    h.set_clock_before_reminders();
    let client = &h.launch().await;
    let pid = h.app_pid();
    tray::wait_for_status(pid, "the default stretch goal in the tray", |s| {
        s.starts_with("0 of 4 stretches today · ")
    })
    .await;

    ui::open_page(client, "settings", "Settings").await;
    ui::wait_for(client, "#setting-stretches_per_day")
        .await
        .select_by_value("3")
        .await
        .expect("choose 3 stretches a day");
    ui::wait_for_text(client, "#settings-status", "\"Saved.\"", |t| t == "Saved.").await;
    let status = tray::wait_for_status(pid, "the new stretch goal in the tray", |s| {
        s.starts_with("0 of 3 stretches today · ")
    })
    .await;
    println!("tray status after the change: {status}");

    let connections = tray::connections_of(pid).expect("the app's bus connections");
    ui::close_with_keyboard(client).await;
    ui::click_that_may_close(client, "#close-notice-ok").await;
    // Closed to the tray, the process restarts light (same pid); its tray comes back
    // with the same status, read from the database.
    restart::wait_for_restart(pid, &connections).await;
    h.end_session().await;
    tray::wait_for_status(pid, "the stretch goal in the restarted tray", |s| {
        s.starts_with("0 of 3 stretches today · ")
    })
    .await;

    tray::click(pid, OPEN).await;
    wait_for_window(pid).await;
    tray::click(pid, "Quit").await;
    h.wait_for_app_exit().await;
}

/// A launch in the moment the running copy quits: the hand-over to it fails (the old
/// copy leaves the bus without answering), and the new launch starts again once and
/// becomes the running copy instead of exiting with an error.
#[tokio::test]
async fn a_launch_while_the_running_copy_quits_starts_the_app_instead_of_failing() {
    let mut h = Harness::new();
    let old = h.launch_background().await;
    tray::wait_for_status(old, "the first copy's tray", |s| {
        s.contains("stretches today")
    })
    .await;
    // Freeze the first copy so the second launch's hand-over waits on it, then kill it:
    // the hand-over fails exactly as it does when a copy is quitting.
    procs::signal(old, "STOP");
    let monitor = bus::Monitor::start(
        "type='method_call',interface='org.SingleInstance.DBus',member='ExecuteCallback'",
        h.temp_path("bus-monitor.log"),
    )
    .await;
    let mut new = h.spawn_app(&["--background"]);
    let new_pid = new.id();
    // Killed before the hand-over is sent, the first copy would free the name and the
    // new launch would simply start: wait until the new launch has sent it.
    let m = &monitor;
    eventually(
        "the new launch's hand-over to the frozen copy",
        move || async move {
            let callers = m.callers();
            let mine = tray::connections_of(new_pid).unwrap_or_default();
            if callers.iter().any(|c| mine.contains(c)) {
                Ok(())
            } else {
                Err(format!(
                    "hand-overs sent by {callers:?}; the new launch's connections: {mine:?}"
                ))
            }
        },
    )
    .await;
    procs::signal(old, "KILL");
    let status = tray::wait_for_status(new_pid, "the new copy's tray", |s| {
        s.contains("stretches today")
    })
    .await;
    println!("the relaunched copy runs: {status}");
    assert!(
        new.try_wait().expect("status").is_none(),
        "the new launch exited:\n{}",
        h.log_tail()
    );
    // The copy that runs is the relaunch (the same pid after exec), not a plain start.
    assert!(
        procs::environ_has(new_pid, &["HHR_RELAUNCHED=1".into()]),
        "the new copy runs without HHR_RELAUNCHED=1: it started without the relaunch path"
    );
    procs::signal(new_pid, "TERM");
    let _ = new.wait();
}
