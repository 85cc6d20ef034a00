//! The guide end to end: no safety banner once the first-run setup is past and safety
//! one click away in the guide, search that jumps to a section, and a deep link from the
//! Self-tests screen and back.

use crate::program::click;
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::{Client, Locator};
use serde_json::json;

/// The id of the focused element and the address, once the focus is on `want`.
async fn focus_lands_on(client: &Client, want: &str) -> String {
    let want = want.to_string();
    let want = &want;
    eventually(&format!("the focus on #{want}"), || async move {
        let v = ui::js(
            client,
            "return [document.activeElement ? document.activeElement.id : '', location.hash];",
            vec![],
        )
        .await?;
        if v[0] == json!(want) {
            Ok(v[1].as_str().unwrap_or_default().to_string())
        } else {
            Err(format!("{v}"))
        }
    })
    .await
}

#[tokio::test]
async fn the_guide_searches_jumps_and_is_reached_from_the_self_tests_and_back() {
    let mut h = Harness::new();
    let client = &h.launch().await;

    // Past the first-run setup (skipped, as Harness::new leaves it): no safety banner,
    // and safety is one click away in the guide.
    ui::wait_for_heading(client, "Today").await;
    let shown = client
        .find_all(Locator::Css("#safety-notice"))
        .await
        .expect("query");
    assert!(shown.is_empty(), "the safety banner shows after the setup");
    ui::open_page(client, "guide", "Guide").await;
    click(client, r##"#guide-toc a[href="#/guide/safety"]"##).await;
    ui::wait_for_text(client, "#guide-safety", "the red flags", |t| {
        t.contains("not medical advice")
    })
    .await;

    ui::open_page(client, "guide", "Guide").await;
    let toc = client
        .find_all(Locator::Css("#guide-toc li"))
        .await
        .expect("contents");
    assert!(
        toc.len() >= 12,
        "a table of contents: {} entries",
        toc.len()
    );
    ui::enter_value(client, "#guide-search", "shockwave").await;
    let found = ui::wait_for_text(client, "#guide-results", "a result", |t| {
        t.contains("Other options")
    })
    .await;
    println!("search results: {found}");
    click(client, r#"#guide-results a[data-section="ancillary"]"#).await;
    let address = focus_lands_on(client, "guide-ancillary-title").await;
    assert_eq!(address, "#/guide/ancillary");
    let text = ui::wait_for_text(client, "#guide-ancillary", "the section", |t| {
        t.contains("Shockwave")
    })
    .await;
    assert!(text.contains("[3, 5]"), "its sources are shown: {text}");

    ui::open_page(client, "self-tests", "Self-tests").await;
    click(client, "#guide-link-self-tests").await;
    let address = focus_lands_on(client, "guide-self-tests-title").await;
    assert_eq!(address, "#/guide/self-tests");
    ui::wait_for_text(client, "#guide-self-tests", "the figures", |t| {
        t.contains("76–89 %")
    })
    .await;
    click(client, "#guide-back").await;
    ui::wait_for_heading(client, "Self-tests").await;

    // From an exercise in the guided session to the section that explains it, and back.
    ui::open_page(client, "today", "Today").await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
    click(client, "#exercise-guide-link").await;
    let address = focus_lands_on(client, "guide-treatment-title").await;
    assert_eq!(address, "#/guide/treatment");
    click(client, "#guide-back").await;
    ui::wait_for_heading(client, "Session").await;
    ui::wait_for(client, "#exercise-name").await;

    h.finish().await;
}

