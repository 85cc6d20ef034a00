//! Accessibility audit: axe-core (vendored in the test harness, never in the app) run
//! through WebDriver on every screen, in the light and the dark theme, with a week of
//! data so the screens are full (and the pain control refused, chosen and in an edit). No
//! serious or critical violation may remain.
//!
//! An audit is of a still page: it waits for every transition and animation to finish
//! (`ui::UNSETTLED_FN`, checked in the same script right before axe runs and again when
//! it is done, so nothing that started in between goes unseen) and audits again if the
//! page moved, instead of sleeping a fixed time. Colours caught half-way through a
//! transition are no colours the user reads for more than a moment, and once made this
//! suite flaky (a nav link measured at 1.01:1 in a theme switch).

use crate::program::click;
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::Client;
use serde_json::{json, Value};

const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// The script that runs axe and answers `{violations}` with its serious and critical
/// ones, or, when `settle`, `{unsettled}` if the page was moving before or after.
fn axe_script(settle: bool) -> String {
    format!(
        "{AXE}\n;const done = arguments[arguments.length - 1];
         {still}
         const settle = {settle};
         const moving = settle ? unsettled() : [];
         if (moving.length) done({{ unsettled: moving }});
         else axe.run(document, {{ resultTypes: ['violations'] }}).then(
           (r) => {{
             const after = settle ? unsettled() : [];
             done(after.length ? {{ unsettled: after }} : {{ violations: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
               .map((v) => ({{ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').slice(0, 160)) }})) }});
           }},
           (e) => done({{ violations: [{{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }}] }}));",
        still = ui::UNSETTLED_FN,
    )
}

/// Runs axe on the page, once it is still, and returns its serious and critical violations.
pub(crate) async fn audit(client: &Client) -> Vec<Value> {
    let script = axe_script(true);
    let script = &script;
    eventually("a still page to audit", || async move {
        match client.execute_async(script, vec![]).await {
            Ok(Value::Object(answer)) => match answer.get("violations") {
                Some(Value::Array(v)) => Ok(v.clone()),
                _ => Err(format!("the page moved: {}", Value::Object(answer))),
            },
            other => Ok(vec![
                json!({ "id": "axe-did-not-run", "help": format!("{other:?}") }),
            ]),
        }
    })
    .await
}

/// Runs axe at once, moving or not (to show what an audit that did not wait would see).
async fn audit_now(client: &Client) -> Vec<Value> {
    match client.execute_async(&axe_script(false), vec![]).await {
        Ok(answer) => answer["violations"].as_array().cloned().unwrap_or_default(),
        other => vec![json!({ "id": "axe-did-not-run", "help": format!("{other:?}") })],
    }
}

/// The audit waits for a colour transition: one planted on the navigation's current link
/// (its background fading, its text not, as the nav's highlight once did) and held at
/// its start after a theme switch is a contrast failure to an audit that does not wait,
/// and none to `audit`, which waits for it to end.
async fn the_audit_waits_for_a_transition(client: &Client) {
    ui::js(
        client,
        "const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith('styles.css'));
         sheet.insertRule('.nav-list a { transition: background-color 1s linear !important; }', sheet.cssRules.length);
         document.documentElement.dataset.theme = 'dark';
         getComputedStyle(document.querySelector('nav a[aria-current]')).backgroundColor;
         const fading = document.getAnimations().filter((a) => a.transitionProperty === 'background-color');
         for (const a of fading) { a.pause(); a.currentTime = 0; }
         return fading.length;",
        vec![],
    )
    .await
    .expect("plant a transition");
    let caught = audit_now(client).await;
    assert!(
        caught.iter().any(|v| v["id"] == "color-contrast"),
        "the planted transition made no contrast failure for an audit that does not wait: {caught:?}"
    );
    ui::js(
        client,
        "for (const a of document.getAnimations()) a.play();",
        vec![],
    )
    .await
    .expect("let the transition run");
    let settled = audit(client).await;
    assert!(
        settled.is_empty(),
        "the audit did not wait for the transition to end: {settled:?}"
    );
    ui::js(
        client,
        "const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith('styles.css'));
         sheet.deleteRule(sheet.cssRules.length - 1);",
        vec![],
    )
    .await
    .expect("unplant the transition");
    ui::set_theme(client, "light").await;
    println!("accessibility audit: a contrast failure half-way through a transition is caught by axe at once ({} violations) and none is left once the audit waits", caught.len());
}

#[tokio::test]
async fn every_screen_in_both_themes_has_no_serious_or_critical_violation() {
    let mut h = Harness::new();
    crate::journal::seed(&h);
    let client = &h.launch().await;
    // (route, heading, a selector that shows the screen has its data)
    let screens: &[(&str, &str, &str)] = &[
        ("today", "Today", "#decision-headline"),
        ("program", "Program", "ol#ladder"),
        ("self-tests", "Self-tests", "#interpretation-headline"),
        ("running", "Running", "#running-week-title"),
        ("journal", "Journal", "#chart-running canvas"),
        ("guide", "Guide", "#guide-toc"),
        ("settings", "Settings", "#backups, #no-backups"),
        ("stretch", "Stretch", "#stretch-name"),
        // The first-run setup's first step, as "Run the setup again" opens it.
        ("setup", "Setup", "#setup-step-safety"),
        (
            "report",
            "Report for your physiotherapist",
            "#report-chart canvas",
        ),
    ];
    // The audit can fail: a picture without words planted in the page is caught.
    ui::wait_for(client, "#decision-headline").await;
    ui::js(client, "const i = document.createElement('img'); i.id = 'planted'; i.src = 'img/front_plank.svg'; document.getElementById('page').append(i);", vec![]).await.expect("plant");
    let planted = audit(client).await;
    assert!(
        planted.iter().any(|v| v["id"] == "image-alt"),
        "axe did not catch a picture without alt text: {planted:?}"
    );
    ui::js(
        client,
        "document.getElementById('planted').remove();",
        vec![],
    )
    .await
    .expect("unplant");
    the_audit_waits_for_a_transition(client).await;

    let mut failures = Vec::new();
    let mut audited = 0;
    for theme in ["light", "dark"] {
        for (route, title, ready) in screens {
            ui::js(client, &format!("location.hash = '#/{route}';"), vec![])
                .await
                .expect("navigate");
            ui::wait_for_heading(client, title).await;
            ui::wait_for(client, ready).await;
            ui::set_theme(client, theme).await;
            let found = audit(client).await;
            audited += 1;
            for v in found {
                failures.push(format!("{route} ({theme}): {v}"));
            }
        }
    }
    // The setup's other two steps (a pointer shown on the second, the test reminder's
    // question on the third).
    for theme in ["light", "dark"] {
        ui::js(client, "location.hash = '#/today';", vec![]).await.expect("navigate");
        ui::wait_for_heading(client, "Today").await;
        ui::js(client, "location.hash = '#/setup';", vec![]).await.expect("navigate");
        ui::wait_for_heading(client, "Setup").await;
        click(client, "#setup-next").await;
        ui::wait_for(client, "#setup-step-you").await;
        click(client, r#"label[for="setup-diagnosis-not_yet"]"#).await;
        ui::wait_for(client, "#setup-diagnosis-pointer a").await;
        ui::set_theme(client, theme).await;
        for v in audit(client).await {
            failures.push(format!("setup, you ({theme}): {v}"));
        }
        // Leaving the step forward saves its answer, as it should; the file is a test's.
        click(client, "#setup-next").await;
        ui::wait_for(client, "#setup-step-reminders").await;
        click(client, "#setup-test-reminder").await;
        ui::wait_for(client, "#setup-test-yes").await;
        ui::set_theme(client, theme).await;
        for v in audit(client).await {
            failures.push(format!("setup, reminders ({theme}): {v}"));
        }
        audited += 2;
    }
    // The pain control in its states: refused (nothing chosen, marked invalid, focused),
    // a score chosen, and in a Journal entry's edit form.
    for theme in ["light", "dark"] {
        // Through Today, so the Journal is drawn afresh with nothing chosen.
        ui::js(client, "location.hash = '#/today';", vec![]).await.expect("navigate");
        ui::wait_for_heading(client, "Today").await;
        ui::js(client, "location.hash = '#/journal';", vec![]).await.expect("navigate");
        ui::wait_for_heading(client, "Journal").await;
        ui::wait_for(client, "#checkin-pain-0").await;
        click(client, "#checkin-save").await;
        ui::wait_for_text(client, "#checkin-status", "the refusal", |t| t.starts_with("Pain: choose")).await;
        ui::wait_for(client, r#"#checkin-pain[aria-invalid="true"]"#).await;
        ui::set_theme(client, theme).await;
        for v in audit(client).await {
            failures.push(format!("pain control, refused ({theme}): {v}"));
        }
        ui::choose_pain(client, "checkin-pain", 3).await;
        let edit = ui::js(client, r#"return document.querySelector('#journal-entries li.entry[data-kind="checkin"]').dataset.id;"#, vec![])
            .await
            .expect("a check-in in the list");
        let edit = edit.as_str().expect("an id").to_string();
        click(client, &format!("#edit-checkin-{edit}")).await;
        ui::wait_for(client, &format!("#edit-checkin-{edit}-pain-0")).await;
        ui::set_theme(client, theme).await;
        for v in audit(client).await {
            failures.push(format!("pain control, chosen and in an edit ({theme}): {v}"));
        }
        audited += 2;
    }
    // The guided session too (it starts a session, so last).
    ui::open_page(client, "today", "Today").await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
    ui::wait_for(client, "#exercise-name").await;
    for theme in ["light", "dark"] {
        ui::set_theme(client, theme).await;
        for v in audit(client).await {
            failures.push(format!("session ({theme}): {v}"));
        }
        audited += 1;
    }
    println!("accessibility audit: {audited} screens audited (15 screens x 2 themes), {} serious or critical violations", failures.len());
    assert!(
        failures.is_empty(),
        "axe-core found:\n{}",
        failures.join("\n")
    );
    h.finish().await;
}
