//! Accessibility audit: axe-core (vendored in the test harness, never in the app) run
//! through WebDriver on every screen, in the light and the dark theme, with a week of
//! data so the screens are full (and the pain control refused, chosen and in an edit). No
//! serious or critical violation may remain.

use crate::program::click;
use crate::support::Harness;
use crate::ui;
use fantoccini::Client;
use serde_json::{json, Value};

const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// Runs axe on the page and returns its serious and critical violations.
pub(crate) async fn audit(client: &Client) -> Vec<Value> {
    let script = format!(
        "{AXE}\n;const done = arguments[arguments.length - 1];
         axe.run(document, {{ resultTypes: ['violations'] }}).then(
           (r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
             .map((v) => ({{ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').slice(0, 160)) }}))),
           (e) => done([{{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }}]));"
    );
    match client.execute_async(&script, vec![]).await {
        Ok(Value::Array(v)) => v,
        other => vec![json!({ "id": "axe-did-not-run", "help": format!("{other:?}") })],
    }
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
        let edit = ui::js(client, r#"return document.querySelector('#journal-entries > li[data-kind="checkin"]').dataset.id;"#, vec![])
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
