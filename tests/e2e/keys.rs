//! The keyboard shortcuts in the real window: Ctrl+n goes to the nth section of the
//! navigation, Ctrl+, to Settings, Ctrl+F in the guide to its search, and `?` (not while
//! typing) lists every shortcut in a dialog that Escape closes, giving the focus back.
//! The README's table says the same as the dialog.

use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::{json, Value};

async fn press_ctrl(client: &Client, key: char) {
    ui::press(client, &[Key::Control.into(), key]).await;
}

/// The id (or tag) of the focused element, once `ok` holds for it.
async fn focus_on(client: &Client, want: &str, ok: impl Fn(&str) -> bool) -> String {
    let ok = &ok;
    eventually(&format!("the focus on {want}"), || async move {
        let v = ui::js(
            client,
            "const a = document.activeElement; return a ? (a.id || a.tagName.toLowerCase()) : '';",
            vec![],
        )
        .await?;
        let v = v.as_str().unwrap_or_default().to_string();
        if ok(&v) {
            Ok(v)
        } else {
            Err(v)
        }
    })
    .await
}

async fn dialog_open(client: &Client) -> bool {
    ui::js(
        client,
        "return document.getElementById('shortcuts').open;",
        vec![],
    )
    .await
    .expect("the dialog's state")
        == json!(true)
}

#[tokio::test]
async fn ctrl_3_goes_to_self_tests_and_question_mark_lists_the_shortcuts() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    ui::wait_for_heading(client, "Today").await;

    // Ctrl+3: the third section of the navigation, Self-tests, marked as current.
    press_ctrl(client, '3').await;
    ui::wait_for_heading(client, "Self-tests").await;
    let current = ui::js(
        client,
        "return document.querySelector('nav[aria-label=\"Sections\"] a[aria-current=\"page\"]').dataset.page;",
        vec![],
    )
    .await
    .expect("the current link");
    assert_eq!(current, json!("self-tests"));
    // Every section by its number, in the navigation's order.
    for (n, (_, title)) in ui::PAGES.iter().enumerate().rev() {
        let digit = char::from_digit(n as u32 + 1, 10).expect("a digit");
        press_ctrl(client, digit).await;
        ui::wait_for_heading(client, title).await;
    }
    press_ctrl(client, ',').await;
    ui::wait_for_heading(client, "Settings").await;

    // Ctrl+F in the guide: its search has the focus; `?` typed there is text.
    press_ctrl(client, '6').await;
    ui::wait_for_heading(client, "Guide").await;
    press_ctrl(client, 'f').await;
    focus_on(client, "the guide's search", |id| id == "guide-search").await;
    ui::press(client, &['?']).await;
    ui::wait_for_prop(client, "#guide-search", "value", "?").await;
    assert!(!dialog_open(client).await, "`?` in a field opens nothing");

    // `?` elsewhere: the list, naming the sections from the navigation.
    press_ctrl(client, '3').await;
    ui::wait_for_heading(client, "Self-tests").await;
    let before = focus_on(client, "the page heading", |id| id == "h1").await;
    ui::press(client, &['?']).await;
    eventually("the shortcuts dialog to open", || async {
        if dialog_open(client).await {
            Ok(())
        } else {
            Err("closed".to_string())
        }
    })
    .await;
    let rows = ui::js(
        client,
        "return [...document.querySelectorAll('#shortcut-rows tr')].map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]);",
        vec![],
    )
    .await
    .expect("the rows");
    let rows: Vec<(String, String)> = serde_json::from_value(rows).expect("pairs of words");
    println!("shortcuts: {rows:?}");
    assert!(
        rows.contains(&("Ctrl+3".to_string(), "Go to Self-tests".to_string())),
        "{rows:?}"
    );
    assert!(rows.iter().any(|(k, _)| k == "Space"), "{rows:?}");
    focus_on(client, "the dialog's Close", |id| id == "shortcuts-close").await;

    // The README lists the same, row for row.
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("the README");
    let section = readme
        .split("\n## Keyboard shortcuts\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a section \"Keyboard shortcuts\"");
    let listed: Vec<(String, String)> = section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").collect();
            match cells[..] {
                [keys, what] if keys.trim().starts_with('`') => Some((
                    keys.trim().trim_matches('`').to_string(),
                    what.trim().to_string(),
                )),
                _ => None,
            }
        })
        .collect();
    assert_eq!(listed, rows, "the README's shortcut table");

    // Escape closes it and the focus goes back.
    ui::press(client, &[Key::Escape.into()]).await;
    eventually("the shortcuts dialog to close", || async {
        if dialog_open(client).await {
            Err("open".to_string())
        } else {
            Ok(())
        }
    })
    .await;
    focus_on(client, "where it was", |id| id == before).await;
    let heading: Value = ui::js(
        client,
        "return document.activeElement.textContent;",
        vec![],
    )
    .await
    .expect("the focused heading");
    assert_eq!(heading, json!("Self-tests"));
    h.finish().await;
}
