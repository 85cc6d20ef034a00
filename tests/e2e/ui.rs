//! What the tests do in the window, through WebDriver only: find, read, wait, type.
//! The selectors are the UI contract (ids and the navigation's markup in ui/).

use crate::support::eventually;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value;

pub const NAV: &str = r#"nav[aria-label="Sections"]"#;

/// Every page: its route name (data-page, "#/<name>") and its heading.
pub const PAGES: [(&str, &str); 7] = [
    ("today", "Today"),
    ("program", "Program"),
    ("self-tests", "Self-tests"),
    ("running", "Running"),
    ("journal", "Journal"),
    ("guide", "Guide"),
    ("settings", "Settings"),
];

pub fn nav_link(page: &str) -> String {
    format!(r#"{NAV} a[data-page="{page}"]"#)
}

pub async fn js(client: &Client, script: &str, args: Vec<Value>) -> Result<Value, String> {
    client
        .execute(script, args)
        .await
        .map_err(|e| format!("script failed: {e}"))
}

async fn displayed(client: &Client, css: &str) -> Result<Element, String> {
    let element = client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("{css} not found: {e}"))?;
    match element.is_displayed().await {
        Ok(true) => Ok(element),
        Ok(false) => Err(format!("{css} is not displayed")),
        Err(e) => Err(format!("{css}: {e}")),
    }
}

/// Waits for `css` to exist and be displayed.
pub async fn wait_for(client: &Client, css: &str) -> Element {
    eventually(&format!("{css} to be displayed"), move || {
        displayed(client, css)
    })
    .await
}

/// Waits until the visible text of `css` satisfies `ok`, and returns it.
pub async fn wait_for_text(
    client: &Client,
    css: &str,
    want: &str,
    ok: impl Fn(&str) -> bool,
) -> String {
    let ok = &ok;
    eventually(&format!("{css} to show {want}"), move || async move {
        let text = displayed(client, css)
            .await?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        if ok(&text) {
            Ok(text)
        } else {
            Err(format!("{text:?}"))
        }
    })
    .await
}

/// Waits until an element property (e.g. `value`) of `css` equals `want`.
pub async fn wait_for_prop(client: &Client, css: &str, prop: &str, want: &str) {
    eventually(
        &format!("{css}.{prop} to be {want:?}"),
        move || async move {
            let element = displayed(client, css).await?;
            match element.prop(prop).await.map_err(|e| e.to_string())? {
                Some(value) if value == want => Ok(()),
                other => Err(format!("{other:?}")),
            }
        },
    )
    .await
}

/// The app has drawn its navigation and a page heading.
pub async fn wait_until_ready(client: &Client) {
    let script = format!(
        "return document.querySelectorAll('{} a[data-page]').length === 7 && !!document.querySelector('#page h1');",
        NAV.replace('\'', "\\'")
    );
    let script = &script;
    eventually("the app's navigation and first page", move || async move {
        match js(client, script, vec![]).await? {
            Value::Bool(true) => Ok(()),
            other => {
                // Say what the page shows instead, so a broken page explains itself.
                let seen = js(
                    client,
                    "return [document.querySelectorAll('nav a[data-page]').length, (document.querySelector('#page') || document.body).innerText.slice(0, 300), String(window.__hhrError || '')];",
                    vec![],
                )
                .await
                .unwrap_or_default();
                Err(format!("ready check returned {other}; the page shows {seen}"))
            }
        }
    })
    .await;
}

/// The text of the one visible page heading.
pub async fn wait_for_heading(client: &Client, title: &str) -> String {
    wait_for_text(client, "#page h1", &format!("the heading {title:?}"), |t| {
        t == title
    })
    .await
}

/// Presses `keys` together (held in order, released in reverse) on whatever has the
/// keyboard focus, as a user would: WebDriver input actions, which (unlike Element Send
/// Keys) do not focus an element first.
pub async fn press(client: &Client, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for &key in keys {
        actions = actions.then(KeyAction::Down { value: key });
    }
    for &key in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: key });
    }
    client
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("could not press {keys:?}: {e}"));
}

/// Goes to a page by clicking its navigation link; waits for its heading.
pub async fn open_page(client: &Client, page: &str, title: &str) {
    wait_for(client, &nav_link(page))
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click {page}: {e}"));
    wait_for_heading(client, title).await;
}

/// Replaces the value of an input as a user would: clear it, type, leave with Tab (which
/// fires `change`).
pub async fn enter_value(client: &Client, css: &str, value: &str) {
    let input = wait_for(client, css).await;
    input
        .clear()
        .await
        .unwrap_or_else(|e| panic!("could not clear {css}: {e}"));
    input
        .send_keys(&format!("{value}{}", &*Key::Tab))
        .await
        .unwrap_or_else(|e| panic!("could not type into {css}: {e}"));
}

/// Picks `score` on the pain control whose group has the id `group` (`checkin-pain`,
/// `run-pain`, `session-pain`, `morning-pain`, `edit-checkin-N-pain`), as a user clicks
/// it, and waits until the control says it is chosen.
pub async fn choose_pain(client: &Client, group: &str, score: u8) {
    let css = format!("#{group} #{group}-{score}");
    wait_for(client, &css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click {css}: {e}"));
    eventually(&format!("{css} to be chosen"), || async {
        let checked = displayed(client, &css)
            .await?
            .attr("aria-checked")
            .await
            .map_err(|e| e.to_string())?;
        match checked.as_deref() {
            Some("true") => Ok(()),
            other => Err(format!("aria-checked {other:?}")),
        }
    })
    .await;
}

/// Ctrl+W in the page, and waits for the close-to-tray notice.
pub async fn close_with_keyboard(client: &Client) {
    press(client, &[Key::Control.into(), 'w']).await;
    eventually("the close notice dialog to open", move || async move {
        let open = displayed(client, "#close-notice")
            .await?
            .attr("open")
            .await
            .map_err(|e| e.to_string())?;
        open.map(|_| ())
            .ok_or_else(|| "dialog#close-notice has no open attribute".to_string())
    })
    .await;
}

/// Clicks a button whose action may end the window (and so the WebDriver session's
/// answer): a lost reply is not an error here; the caller checks what happened.
pub async fn click_that_may_close(client: &Client, css: &str) {
    let button = wait_for(client, css).await;
    if let Err(e) = button.click().await {
        eprintln!("(click on {css} got no clean reply, expected when the window goes: {e})");
    }
}

/// What is still moving or loading on the page: running CSS transitions and animations
/// (a theme switch, or the pointer left on a link by an earlier test, starts some),
/// pictures not yet decoded and demonstrations not yet drawn. Empty when the page is
/// still. The demonstrations' own motion loops for ever: it is not waited for but
/// stopped at its start, so an audit or a screenshot sees the same thing every time.
/// Defines `unsettled()`, for a script to call (the audit calls it before and after).
pub const UNSETTLED_FN: &str = r#"
const unsettled = () => {
  const looping = (a) => a.effect && a.effect.getTiming && a.effect.getTiming().iterations === Infinity;
  for (const a of document.getAnimations().filter(looping)) { a.pause(); a.currentTime = 0; }
  const moving = document.getAnimations().filter((a) => !looping(a)).map((a) =>
    (a.transitionProperty || a.animationName || 'animation') + ' on ' +
    ((a.effect && a.effect.target && a.effect.target.outerHTML) || '?').slice(0, 60));
  const loading = [...document.images].filter((i) => !i.complete).map((i) => 'loading ' + i.src)
    .concat([...document.querySelectorAll('[aria-busy="true"]')].map((e) => 'drawing ' + (e.dataset.picture || e.id)));
  return moving.concat(loading);
};
"#;

/// Waits until the page is still (see [`UNSETTLED_FN`]): an audit or a screenshot
/// taken while a colour transition runs sees mixed colours.
pub async fn wait_until_still(client: &Client) {
    let script = format!("{UNSETTLED_FN}\nreturn unsettled();");
    let script = &script;
    eventually(
        "the page to be still (no transition, animation or loading picture)",
        || async move {
            match js(client, script, vec![]).await? {
                Value::Array(left) if left.is_empty() => Ok(()),
                left => Err(format!("{left}")),
            }
        },
    )
    .await
}

/// Switches the page to `theme` ("light" or "dark") and waits until its colours have
/// finished changing.
pub async fn set_theme(client: &Client, theme: &str) {
    // Reading a computed style applies the new theme now, so its transitions have
    // started before the wait looks for them.
    js(
        client,
        "document.documentElement.dataset.theme = arguments[0]; getComputedStyle(document.body).color;",
        vec![Value::from(theme)],
    )
    .await
    .expect("switch the theme");
    wait_until_still(client).await;
}

/// Answers the clinician's confirmation (`#clinician-advice`) a loosened pain rule asks
/// for, as a user would: waits for it to open with a question naming `names`, ticks the
/// box, types the clinician's name and note, and saves. Returns the question.
pub async fn confirm_clinician_advice(
    client: &Client,
    names: &str,
    name: &str,
    note: &str,
) -> String {
    let question = wait_for_text(client, "#clinician-advice-text", names, |t| {
        t.contains(names)
    })
    .await;
    let tick = wait_for(client, r#"label[for="clinician-advice-confirmed"]"#).await;
    tick.click()
        .await
        .unwrap_or_else(|e| panic!("could not tick the clinician's confirmation: {e}"));
    for (css, text) in [
        ("#clinician-advice-name", name),
        ("#clinician-advice-note", note),
    ] {
        if text.is_empty() {
            continue; // both optional
        }
        wait_for(client, css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("could not type into {css}: {e}"));
    }
    wait_for(client, "#clinician-advice-ok")
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not save the clinician's confirmation: {e}"));
    question
}
