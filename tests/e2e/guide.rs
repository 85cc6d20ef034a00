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

/// The pictures on the current page once every one has finished loading: for each, its
/// id, its natural width (0 for a broken image), its alt text and its CSS filter.
async fn pictures_on_page(client: &Client, at_least: usize) -> Vec<(String, u64, String, String)> {
    let script = "const imgs = [...document.querySelectorAll('#page img')];\
        if (imgs.some((i) => !i.complete)) return null;\
        return imgs.map((i) => [i.dataset.picture || i.src, i.naturalWidth, i.alt, getComputedStyle(i).filter]);";
    eventually(&format!("{at_least} pictures loaded"), || async move {
        let v = ui::js(client, script, vec![]).await?;
        let Some(rows) = v.as_array() else {
            return Err("still loading".into());
        };
        if rows.len() < at_least {
            return Err(format!("{} pictures", rows.len()));
        }
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r[0].as_str().unwrap_or_default().to_string(),
                    r[1].as_u64().unwrap_or(0),
                    r[2].as_str().unwrap_or_default().to_string(),
                    r[3].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect())
    })
    .await
}

#[tokio::test]
async fn every_illustration_loads_in_both_themes() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    let mut seen = std::collections::BTreeSet::new();
    let mut checked = 0;
    for theme in ["light", "dark"] {
        ui::open_page(client, "settings", "Settings").await;
        click(
            client,
            &format!(r#"#setting-theme option[value="{theme}"]"#),
        )
        .await;
        eventually(&format!("the {theme} theme"), || async {
            let v = ui::js(
                client,
                "return document.documentElement.dataset.theme;",
                vec![],
            )
            .await?;
            if v == json!(theme) {
                Ok(())
            } else {
                Err(format!("{v}"))
            }
        })
        .await;

        let mut pages = Vec::new();
        ui::open_page(client, "guide", "Guide").await;
        pages.push(("guide", pictures_on_page(client, 12).await));
        ui::open_page(client, "self-tests", "Self-tests").await;
        pages.push(("self-tests", pictures_on_page(client, 4).await));
        ui::open_page(client, "today", "Today").await;
        click(client, "#open-stretch").await;
        ui::wait_for_heading(client, "Stretch").await;
        pages.push(("stretch", pictures_on_page(client, 1).await));
        ui::open_page(client, "today", "Today").await;
        click(client, "#start-session").await;
        ui::wait_for_heading(client, "Session").await;
        pages.push(("session", pictures_on_page(client, 1).await));

        for (page, pictures) in pages {
            for (id, width, alt, filter) in pictures {
                assert!(width > 0, "{theme}: {id} is broken on {page}");
                assert!(
                    alt.len() > 30,
                    "{theme}: {id} on {page} has no real alt text: {alt:?}"
                );
                let inverted = filter.contains("invert");
                assert_eq!(
                    inverted,
                    theme == "dark",
                    "{theme}: {id} on {page} has filter {filter:?}"
                );
                seen.insert(id);
                checked += 1;
            }
        }
    }
    println!(
        "{checked} pictures checked in two themes; {} different: {seen:?}",
        seen.len()
    );
    assert_eq!(
        seen.len(),
        12,
        "every drawing was shown somewhere: {seen:?}"
    );
    h.finish().await;
}
