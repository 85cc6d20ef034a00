//! Not a check: a tool that walks the screens and saves a screenshot of each, for the
//! README and for reviewing the look in both themes. Run it with
//! `HHR_SCREENSHOT_DIR=docs/screens xvfb-run -a dbus-run-session -- bash scripts/e2e.sh screens --ignored`.

use crate::program::{click, record_gate_tests, record_self_tests};
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::Client;
use std::path::{Path, PathBuf};

/// Waits until the page has painted two frames since now (a change is on screen).
async fn painted(client: &Client) {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .expect("two frames painted");
}

/// Where the screenshots go: `$HHR_SCREENSHOT_DIR`, or `target/screens`; made if missing.
fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(
        std::env::var("HHR_SCREENSHOT_DIR").unwrap_or_else(|_| "target/screens".into()),
    );
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

async fn shoot(client: &Client, dir: &Path, name: &str) {
    ui::wait_until_still(client).await;
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
}

#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn screens() {
    let dir = screenshot_dir();
    let mut h = Harness::new();
    let client = &h.launch().await;
    client.set_window_size(1100, 800).await.ok();

    record_self_tests(client).await;
    ui::wait_for_text(client, "#interpretation-headline", "the finding", |t| {
        t.contains("consistent")
    })
    .await;
    shoot(client, &dir, "self-tests").await;

    ui::open_page(client, "today", "Today").await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
    for _ in 0..3 {
        click(client, "#save-set").await;
    }
    shoot(client, &dir, "session").await;
    ui::choose_pain(client, "session-pain", 0).await;
    click(client, "#save-pain").await;
    click(client, "#finish-session").await;
    ui::wait_for(client, "#session-summary").await;
    shoot(client, &dir, "session-finished").await;
    ui::set_theme(client, "dark").await;
    shoot(client, &dir, "session-finished-dark").await;
    ui::set_theme(client, "light").await;

    ui::open_page(client, "today", "Today").await;
    ui::wait_for(client, "#decision-headline").await;
    shoot(client, &dir, "today").await;
    ui::open_page(client, "program", "Program").await;
    ui::wait_for(client, "ol#ladder").await;
    shoot(client, &dir, "program").await;
    ui::js(
        client,
        "document.documentElement.dataset.theme = 'dark';",
        vec![],
    )
    .await
    .expect("dark");
    shoot(client, &dir, "program-dark").await;
    ui::open_page(client, "today", "Today").await;
    ui::wait_for(client, "#decision-headline").await;
    ui::js(
        client,
        "document.documentElement.dataset.theme = 'dark';",
        vec![],
    )
    .await
    .expect("dark");
    shoot(client, &dir, "today-dark").await;

    // The guide: two sections, one in each theme, and two exercise drawings on their own.
    ui::js(
        client,
        "document.documentElement.dataset.theme = 'light';",
        vec![],
    )
    .await
    .expect("light");
    for (section, name) in [
        ("self-tests", "guide-self-tests"),
        ("treatment", "guide-treatment-dark"),
    ] {
        if name.ends_with("-dark") {
            ui::js(
                client,
                "document.documentElement.dataset.theme = 'dark';",
                vec![],
            )
            .await
            .expect("dark");
        }
        ui::js(
            client,
            &format!("location.hash = '#/guide/{section}';"),
            vec![],
        )
        .await
        .expect("go to the section");
        ui::wait_for(client, &format!("#guide-{section} figure.demo")).await;
        shoot(client, &dir, name).await;
    }
    ui::js(
        client,
        "document.documentElement.dataset.theme = 'light';",
        vec![],
    )
    .await
    .expect("light");
    for id in ["glute_bridge", "hamstring_catch"] {
        let figure = ui::wait_for(
            client,
            &format!(r#"#guide-treatment figure.demo[data-picture="{id}"]"#),
        )
        .await;
        ui::js(
            client,
            &format!(r#"document.querySelector('figure.demo[data-picture="{id}"]').scrollIntoView({{block: 'center', behavior: 'instant'}});"#),
            vec![],
        )
        .await
        .expect("scroll to the picture");
        ui::wait_until_still(client).await;
        let png = figure.screenshot().await.expect("screenshot of a picture");
        std::fs::write(dir.join(format!("picture-{id}.png")), png).expect("write the picture");
    }

    // Running: the gate open, week 1 started yesterday, one run logged.
    record_gate_tests(client).await;
    ui::open_page(client, "running", "Running").await;
    let yesterday = (chrono::Local::now().date_naive() - chrono::Duration::days(1)).to_string();
    ui::wait_for(client, "#running-start-date").await;
    ui::js(
        client,
        "document.getElementById('running-start-date').value = arguments[0];",
        vec![serde_json::json!(yesterday)],
    )
    .await
    .expect("start date");
    click(client, "#start-running").await;
    ui::wait_for(client, "#timer-start").await;
    click(client, "#timer-start").await;
    shoot(client, &dir, "running").await;
    h.finish().await;
}

/// The journal's charts and the report, on a week seeded through the app's services.
#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn journal_screens() {
    let dir = screenshot_dir();
    let mut h = Harness::new();
    crate::journal::seed(&h);
    let client = &h.launch().await;
    client.set_window_size(1100, 900).await.ok();
    for theme in ["light", "dark"] {
        ui::js(
            client,
            &format!("document.documentElement.dataset.theme = '{theme}';"),
            vec![],
        )
        .await
        .expect("theme");
        ui::open_page(client, "today", "Today").await;
        ui::open_page(client, "journal", "Journal").await;
        ui::wait_for(client, "#chart-running canvas").await;
        ui::js(
            client,
            "document.getElementById('charts-title').scrollIntoView({block: 'start'});",
            vec![],
        )
        .await
        .expect("scroll");
        let name = if theme == "dark" {
            "journal-charts-dark"
        } else {
            "journal-charts"
        };
        shoot(client, &dir, name).await;
    }
    ui::js(
        client,
        "document.documentElement.dataset.theme = 'light';",
        vec![],
    )
    .await
    .expect("theme");
    ui::js(
        client,
        "document.getElementById('journal-title').scrollIntoView({block: 'start'});",
        vec![],
    )
    .await
    .expect("scroll");
    shoot(client, &dir, "journal-log").await;
    click(client, "#open-report").await;
    ui::wait_for(client, "#report-chart canvas").await;
    shoot(client, &dir, "report").await;
    h.finish().await;
}

/// The safety screens: the Stretch view (how to stretch safely), the guide's "Sources and
/// method" page, and the red-flag message a 7/10 check-in brings. Run it with
/// `HHR_SCREENSHOT_DIR=docs/screens … bash scripts/e2e.sh screens::safety --ignored`.
#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn safety_screens() {
    let dir = screenshot_dir();
    let mut h = Harness::new();
    let client = &h.launch().await;
    client.set_window_size(1100, 800).await.ok();

    ui::open_page(client, "today", "Today").await;
    click(client, "#open-stretch").await;
    ui::wait_for_heading(client, "Stretch").await;
    // The advice, the hold's source and the timer in the window. An element screenshot
    // of the advice block came out black here, and a window shot right after the page
    // changed showed the page before it: the shot is taken once two frames have been
    // painted after the (instant) scroll.
    ui::wait_for(client, "#stretch-hold-source").await;
    ui::js(
        client,
        "document.getElementById('stretch-safely-title').scrollIntoView({ block: 'start' });",
        vec![],
    )
    .await
    .expect("scroll to the advice");
    painted(client).await;
    shoot(client, &dir, "stretch-safely").await;

    ui::js(client, "location.hash = '#/guide/method';", vec![])
        .await
        .expect("the method page");
    ui::wait_for(client, "#method-table").await;
    ui::wait_until_still(client).await;
    let section = ui::wait_for(client, "#guide-method").await;
    let png = section
        .screenshot()
        .await
        .expect("screenshot of the method page");
    std::fs::write(dir.join("guide-sources-and-method.png"), png).expect("write");
    // The table's dose rows (the guide's dose to reach, the app's build-up, holds and
    // per-leg counts), further down than one window.
    ui::js(
        client,
        "[...document.querySelectorAll('#method-table tr')].find((tr) => tr.textContent.includes('Dose every exercise')).scrollIntoView({ block: 'start' });",
        vec![],
    )
    .await
    .expect("scroll to the dose rows");
    painted(client).await;
    shoot(client, &dir, "guide-method-dose").await;

    ui::open_page(client, "journal", "Journal").await;
    ui::wait_for(client, "#checkin-context").await;
    ui::choose_pain(client, "checkin-pain", 7).await;
    click(client, "#checkin-save").await;
    ui::wait_for(client, "#safety-prompt").await;
    ui::js(
        client,
        "document.getElementById('checkin-form').scrollIntoView({ block: 'start' });",
        vec![],
    )
    .await
    .expect("scroll to the form");
    shoot(client, &dir, "red-flags-message").await;
    h.finish().await;
}

/// Every demonstration's start and end poses, in both themes (with reduced motion, so the
/// two poses show side by side), and the session with its large moving figure.
#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn demonstration_screens() {
    let dir = screenshot_dir();
    let mut h = Harness::new();
    let client = &h.launch().await;
    client.set_window_size(1280, 860).await.ok();
    ui::open_page(client, "today", "Today").await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
    ui::wait_for(client, ".session-demo figure.demo:not([aria-busy])").await;
    shoot(client, &dir, "session-demonstration").await;
    ui::set_theme(client, "dark").await;
    shoot(client, &dir, "session-demonstration-dark").await;
    h.finish().await;

    let gtk = h.temp_path("config").join("gtk-3.0");
    std::fs::create_dir_all(&gtk).unwrap();
    std::fs::write(gtk.join("settings.ini"), "[Settings]\ngtk-enable-animations=false\n").unwrap();
    let client = &h.launch().await;
    client.set_window_size(1280, 860).await.ok();
    ui::open_page(client, "guide", "Guide").await;
    for theme in ["light", "dark"] {
        ui::set_theme(client, theme).await;
        let ids = ui::js(
            client,
            "return [...new Set([...document.querySelectorAll('#page figure.demo')].map((f) => f.dataset.picture))];",
            vec![],
        )
        .await
        .expect("ids");
        for id in ids.as_array().expect("a list") {
            let id = id.as_str().expect("an id");
            let css = format!(r#"#page figure.demo[data-picture="{id}"]"#);
            let figure = ui::wait_for(client, &css).await;
            ui::js(
                client,
                &format!(r#"document.querySelector('{css}').scrollIntoView({{block: 'center', behavior: 'instant'}});"#),
                vec![],
            )
            .await
            .expect("scroll to the picture");
            ui::wait_until_still(client).await;
            // The element's place on screen, read until two reads in a row agree and it is
            // whole in the window: a screenshot taken while the scroll settles is offset.
            let last = std::cell::RefCell::new(String::new());
            eventually("the demonstration to stay put on screen", || {
                let last = &last;
                let css = css.clone();
                async move {
                    let now = ui::js(
                        client,
                        &format!("const r = document.querySelector('{css}').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight ? `${{r.top}},${{r.left}}` : 'out';"),
                        vec![],
                    )
                    .await?;
                    let now = now.as_str().unwrap_or("out").to_string();
                    if now != "out" && now == *last.borrow() {
                        Ok(())
                    } else {
                        last.replace(now.clone());
                        Err(now)
                    }
                }
            })
            .await;
            let png = figure.screenshot().await.expect("screenshot of a demonstration");
            let suffix = if theme == "dark" { "-dark" } else { "" };
            std::fs::write(dir.join(format!("demo-{id}{suffix}.png")), png).expect("write");
        }
    }
    h.finish().await;
}

/// The first-run setup's three steps on a fresh data folder, in the light theme (and the
/// first again in the dark one): the
/// safety step (the red flags, stretching off the tendon with its source beyond the
/// guide), the two questions with "not yet" answered, and the reminders with a test
/// reminder sent. The window is up to 1620 pixels tall, so run it on a screen 1700 tall:
/// `HHR_SCREENSHOT_DIR=docs/screens xvfb-run -a -s "-screen 0 1280x1700x24" dbus-run-session -- bash scripts/e2e.sh screens::setup --ignored`.
#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn setup_screens() {
    let dir = screenshot_dir();
    let mut h = Harness::fresh_install();
    let client = &h.launch().await;
    ui::set_theme(client, "light").await;
    ui::wait_for_heading(client, "Setup").await;

    // The whole window, `height` tall (each step whole; the safety step needs a screen at
    // least 1700 pixels tall), from the top, with no focus ring left on the button just
    // clicked and the pointer on plain text.
    let page = |name: &'static str, height: u32| {
        let dir = dir.clone();
        async move {
            client.set_window_size(1100, height).await.ok();
            click(client, "#setup-intro").await;
            ui::js(
                client,
                "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
                vec![],
            )
            .await
            .expect("blur");
            // The resized window painted: its new height seen by the page, two frames drawn.
            crate::support::eventually("the window at its new size", || async {
                match ui::js(client, "return window.innerHeight;", vec![]).await?.as_u64() {
                    Some(h) if h + 100 >= u64::from(height) => Ok(()),
                    other => Err(format!("innerHeight {other:?}")),
                }
            })
            .await;
            client
                .execute_async(
                    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                    vec![],
                )
                .await
                .expect("two frames");
            shoot(client, &dir, name).await;
        }
    };
    ui::wait_for(client, "#setup-step-safety").await;
    page("setup-1-safety", 1620).await;

    click(client, "#setup-next").await;
    ui::wait_for(client, "#setup-step-you").await;
    click(client, r#"label[for="setup-painful_side-right"]"#).await;
    click(client, r#"label[for="setup-diagnosis-not_yet"]"#).await;
    ui::wait_for(client, "#setup-diagnosis-pointer a").await;
    page("setup-2-you", 820).await;

    click(client, "#setup-next").await;
    ui::wait_for(client, "#setup-step-reminders").await;
    click(client, "#setup-test-reminder").await;
    ui::wait_for(client, "#setup-test-yes").await;
    click(client, "#setup-test-yes").await;
    page("setup-3-reminders", 1180).await;

    // The safety step once more, in the dark theme.
    click(client, "#setup-back").await;
    ui::wait_for(client, "#setup-step-you").await;
    click(client, "#setup-back").await;
    ui::wait_for(client, "#setup-step-safety").await;
    ui::set_theme(client, "dark").await;
    page("setup-1-safety-dark", 1620).await;
    h.finish().await;
}

/// The pain control: the Journal's check-in refused with nothing chosen, then with 3
/// chosen, in both themes; the run log's and the session's. Run it with
/// `HHR_SCREENSHOT_DIR=… bash scripts/e2e.sh screens::pain --ignored`.
#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn pain_screens() {
    let dir = screenshot_dir();
    let mut h = Harness::new();
    crate::journal::seed(&h);
    let client = &h.launch().await;
    client.set_window_size(1100, 800).await.ok();
    for theme in ["light", "dark"] {
        ui::open_page(client, "today", "Today").await;
        ui::open_page(client, "journal", "Journal").await;
        ui::set_theme(client, theme).await;
        click(client, "#checkin-save").await;
        ui::wait_for(client, r#"#checkin-pain[aria-invalid="true"]"#).await;
        shoot(client, &dir, &format!("pain-refused-{theme}")).await;
        ui::choose_pain(client, "checkin-pain", 3).await;
        shoot(client, &dir, &format!("pain-chosen-{theme}")).await;
    }
    ui::set_theme(client, "light").await;
    ui::open_page(client, "running", "Running").await;
    ui::wait_for(client, "#run-pain-0").await;
    ui::js(client, "document.getElementById('run-form').scrollIntoView({ block: 'start' });", vec![])
        .await
        .expect("scroll to the run log");
    painted(client).await;
    shoot(client, &dir, "pain-run").await;
    ui::js(client, "location.hash = '#/session';", vec![]).await.expect("the session");
    ui::wait_for(client, "#session-pain-0").await;
    ui::js(client, "document.getElementById('pain-question').scrollIntoView({ block: 'center' });", vec![])
        .await
        .expect("scroll to the pain question");
    painted(client).await;
    shoot(client, &dir, "pain-session").await;
    h.finish().await;
}

/// Every screen, each in both themes, on a seeded week (sessions, check-ins, stretches,
/// reminders, tests and runs through the app's services): `screen-<name>.png` and
/// `screen-<name>-dark.png`, the window 1280×900 from the top of the page. The setup has
/// its own tool (`setup_screens`). Run it with
/// `HHR_SCREENSHOT_DIR=docs/screens xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- bash scripts/e2e.sh screens::every_screen --ignored`.
#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn every_screen_in_both_themes() {
    let dir = screenshot_dir();
    let mut h = Harness::new();
    crate::journal::seed(&h);
    let client = &h.launch().await;
    client.set_window_size(1280, 900).await.ok();

    // Both themes of what is on screen now, from the top, with no focus ring left over.
    let both = |name: String| {
        let dir = dir.clone();
        async move {
            ui::js(
                client,
                "document.activeElement && document.activeElement !== document.body && !document.activeElement.closest('dialog') && document.activeElement.blur(); window.scrollTo(0, 0); const m = document.getElementById('page'); if (m) m.scrollTop = 0;",
                vec![],
            )
            .await
            .expect("to the top");
            for theme in ["light", "dark"] {
                ui::set_theme(client, theme).await;
                painted(client).await;
                let suffix = if theme == "dark" { "-dark" } else { "" };
                shoot(client, &dir, &format!("screen-{name}{suffix}")).await;
            }
            ui::set_theme(client, "light").await;
        }
    };

    for (page, title, ready) in [
        ("today", "Today", "#next-up"),
        ("program", "Program", "ol#ladder"),
        ("self-tests", "Self-tests", "#page form"),
        ("running", "Running", "#page h2"),
        ("journal", "Journal", "#journal-entries li"),
        ("guide", "Guide", "#page figure.demo"),
        ("settings", "Settings", "#page form"),
    ] {
        ui::open_page(client, page, title).await;
        ui::wait_for(client, ready).await;
        both(page.to_string()).await;
    }

    // The Journal's charts, further down its page.
    ui::open_page(client, "journal", "Journal").await;
    ui::wait_for(client, "#chart-running canvas").await;
    for theme in ["light", "dark"] {
        ui::set_theme(client, theme).await;
        ui::js(
            client,
            "document.getElementById('charts-title').scrollIntoView({block: 'start'});",
            vec![],
        )
        .await
        .expect("scroll to the charts");
        painted(client).await;
        let suffix = if theme == "dark" { "-dark" } else { "" };
        shoot(client, &dir, &format!("screen-charts{suffix}")).await;
    }
    ui::set_theme(client, "light").await;

    // The report, from the Journal.
    click(client, "#open-report").await;
    ui::wait_for(client, "#report-chart canvas").await;
    both("report".into()).await;

    // The Stretch view.
    ui::js(client, "location.hash = '#/stretch';", vec![]).await.expect("the stretch view");
    ui::wait_for_heading(client, "Stretch").await;
    both("stretch".into()).await;

    // A session: the first exercise, then its end with the summary.
    ui::open_page(client, "today", "Today").await;
    ui::js(client, "location.hash = '#/session';", vec![]).await.expect("the session");
    ui::wait_for_heading(client, "Session").await;
    ui::wait_for(client, ".session-demo figure.demo:not([aria-busy])").await;
    both("session".into()).await;

    // The shortcuts, over Today.
    ui::open_page(client, "today", "Today").await;
    ui::wait_for(client, "#next-up").await;
    ui::js(
        client,
        "document.body.dispatchEvent(new KeyboardEvent('keydown', {key: '?', bubbles: true}));",
        vec![],
    )
    .await
    .expect("press ?");
    ui::wait_for(client, "dialog[open]").await;
    both("shortcuts".into()).await;
    h.finish().await;
}

/// The screens of the visual pass, in both themes, for reviewing a change to the look:
/// the navigation with the pointer on another section, disabled buttons (Program's first
/// step, the interval timer before it starts), the Journal's list and charts, the report
/// and its print layout (the print rules applied to the screen). The window is up to
/// 1700 pixels tall: `HHR_SCREENSHOT_DIR=/tmp/shots xvfb-run -a -s "-screen 0 1280x1800x24"
/// dbus-run-session -- bash scripts/e2e.sh screens::visual --ignored`.
#[tokio::test]
#[ignore = "a tool for screenshots, run on demand"]
async fn visual_screens() {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    let dir = screenshot_dir();
    // A new user: the first step (nothing to step back to), the timer not started.
    let mut h = Harness::new();
    let client = &h.launch().await;
    client.set_window_size(1100, 800).await.ok();
    record_gate_tests(client).await;
    ui::open_page(client, "running", "Running").await;
    let yesterday = (chrono::Local::now().date_naive() - chrono::Duration::days(1)).to_string();
    ui::wait_for(client, "#running-start-date").await;
    ui::js(
        client,
        "document.getElementById('running-start-date').value = arguments[0];",
        vec![serde_json::json!(yesterday)],
    )
    .await
    .expect("start date");
    click(client, "#start-running").await;
    ui::wait_for(client, "#timer-start").await;
    for theme in ["light", "dark"] {
        ui::set_theme(client, theme).await;
        ui::open_page(client, "program", "Program").await;
        ui::wait_for(client, "ol#ladder").await;
        let today = ui::wait_for(client, &ui::nav_link("today")).await;
        let moves = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
            element: today,
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        client
            .perform_actions(moves)
            .await
            .expect("pointer on Today");
        shoot(client, &dir, &format!("visual-program-{theme}")).await;
        ui::open_page(client, "running", "Running").await;
        ui::js(
            client,
            "document.getElementById('timer-start').scrollIntoView({block: 'center'});",
            vec![],
        )
        .await
        .expect("scroll");
        painted(client).await;
        shoot(client, &dir, &format!("visual-running-{theme}")).await;
    }
    h.finish().await;

    // A seeded week: the Journal and the report.
    let mut h = Harness::new();
    crate::journal::seed(&h);
    let client = &h.launch().await;
    client.set_window_size(1100, 1700).await.ok();
    for theme in ["light", "dark"] {
        ui::set_theme(client, theme).await;
        ui::open_page(client, "today", "Today").await;
        ui::open_page(client, "journal", "Journal").await;
        ui::wait_for(client, "#chart-running canvas").await;
        ui::wait_for(client, "#journal-title").await;
        for (anchor, name) in [
            ("note-form", "journal-top"),
            ("charts-title", "journal-charts"),
            ("journal-title", "journal-log"),
        ] {
            ui::js(
                client,
                &format!("document.getElementById('{anchor}').scrollIntoView({{block: 'start'}});"),
                vec![],
            )
            .await
            .expect("scroll");
            painted(client).await;
            shoot(client, &dir, &format!("visual-{name}-{theme}")).await;
        }
        click(client, "#open-report").await;
        ui::wait_for(client, "#report-chart canvas").await;
        shoot(client, &dir, &format!("visual-report-{theme}")).await;
    }
    // The print layout: the stylesheet's print rules made to apply on screen (and its
    // screen-only rules not), and the page told it is printed, in the dark theme (paper is
    // light all the same). WebKitWebDriver has no Print command to make a real PDF.
    ui::open_page(client, "journal", "Journal").await;
    click(client, "#open-report").await;
    ui::wait_for(client, "#report-chart canvas").await;
    ui::js(
        client,
        "for (const s of document.styleSheets) for (const r of s.cssRules) if (r.media) r.media.mediaText = r.media.mediaText === 'print' ? 'all' : r.media.mediaText.replace(/^screen/, 'print');
         window.dispatchEvent(new Event('beforeprint'));",
        vec![],
    )
    .await
    .expect("print rules on screen");
    painted(client).await;
    shoot(client, &dir, "visual-report-print").await;
    h.finish().await;
}
