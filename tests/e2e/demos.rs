//! The exercise demonstrations end to end: every figure is drawn on the screens that show
//! it, in both themes, with its words; in the session it moves; with reduced motion the
//! start and end poses show instead, labelled.

use crate::program::click;
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::Client;
use high_hamstring_rehab::core::{figures, pictures};
use serde_json::{json, Value};

/// Every demonstration on the page once all have arrived: for each, its id, the width
/// it is drawn at, its words (the moving picture's label, or the thumbnail button's) and
/// the fill of the near body in the shown figure.
async fn demos_on_page(client: &Client, at_least: usize) -> Vec<(String, f64, String, String)> {
    let script = "const demos = [...document.querySelectorAll('#page figure.demo')];\
        if (demos.some((d) => d.getAttribute('aria-busy') === 'true')) return null;\
        return demos.map((d) => {\
          const shown = [...d.querySelectorAll('svg.fig')].find((s) => s.getBoundingClientRect().width > 0);\
          const labelled = d.querySelector('.demo-anim, .demo-thumb');\
          const body = shown ? shown.querySelector('.fn, .fb') : null;\
          return [d.dataset.picture, shown ? shown.getBoundingClientRect().width : 0,\
            labelled ? labelled.getAttribute('aria-label') : '', body ? getComputedStyle(body).fill : ''];\
        });";
    eventually(&format!("{at_least} demonstrations drawn"), || async move {
        let v = ui::js(client, script, vec![]).await?;
        let Some(rows) = v.as_array() else {
            return Err("still loading".into());
        };
        if rows.len() < at_least {
            return Err(format!("{} demonstrations", rows.len()));
        }
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r[0].as_str().unwrap_or_default().to_string(),
                    r[1].as_f64().unwrap_or(0.0),
                    r[2].as_str().unwrap_or_default().to_string(),
                    r[3].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect())
    })
    .await
}

async fn set_theme(client: &Client, theme: &str) {
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
}

#[tokio::test]
async fn every_demonstration_is_drawn_in_both_themes_with_its_words() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    let mut seen = std::collections::BTreeSet::new();
    let mut fills = std::collections::BTreeMap::new();
    for theme in ["light", "dark"] {
        set_theme(client, theme).await;
        let mut pages = Vec::new();
        ui::open_page(client, "guide", "Guide").await;
        pages.push(("guide", demos_on_page(client, 12).await));
        ui::open_page(client, "self-tests", "Self-tests").await;
        pages.push(("self-tests", demos_on_page(client, 4).await));
        ui::open_page(client, "program", "Program").await;
        pages.push(("program", demos_on_page(client, 7).await));
        ui::open_page(client, "today", "Today").await;
        click(client, "#open-stretch").await;
        ui::wait_for_heading(client, "Stretch").await;
        pages.push(("stretch", demos_on_page(client, 1).await));
        ui::open_page(client, "today", "Today").await;
        click(client, "#start-session").await;
        ui::wait_for_heading(client, "Session").await;
        pages.push(("session", demos_on_page(client, 1).await));
        for (page, demos) in pages {
            for (id, width, words, fill) in demos {
                assert!(width > 0.0, "{theme}: {id} is not drawn on {page}");
                // Its words are the pose file's alt text (a thumbnail's button says it opens).
                let alt = pictures::picture(&id).expect("a listed picture").alt;
                let thumb = format!("{}: {alt}", figures::WORDS.open);
                assert!(
                    words == alt || words == thumb,
                    "{theme}: {id} on {page} says {words:?}, not its alt text"
                );
                assert!(!fill.is_empty(), "{theme}: {id} on {page}: no body drawn");
                if page == "session" {
                    assert!(
                        width >= 360.0,
                        "{theme}: the session's figure is {width} px wide"
                    );
                }
                fills
                    .entry(theme)
                    .or_insert_with(std::collections::BTreeSet::new)
                    .insert(fill);
                seen.insert(id);
            }
        }
    }
    // A thumbnail on the Program ladder opens the large, moving demonstration in a
    // dialog, and closing it gives the focus back to the thumbnail.
    ui::open_page(client, "program", "Program").await;
    demos_on_page(client, 7).await;
    click(
        client,
        r#"figure.demo[data-picture="glute_bridge"] .demo-thumb"#,
    )
    .await;
    let opened = eventually("the large demonstration in its dialog", || async {
        let v = ui::js(
            client,
            "const d = document.querySelector('dialog.demo-dialog[open] figure.demo-large');\
             if (!d) return null;\
             const g = [...d.querySelectorAll('.demo-anim g[class]')].map((g) => getComputedStyle(g).animationName).find((n) => n !== 'none');\
             return [d.dataset.picture, d.querySelector('.demo-anim').getBoundingClientRect().width, g || 'none'];",
            vec![],
        )
        .await?;
        if v.is_null() { Err("not open".into()) } else { Ok(v) }
    })
    .await;
    assert_eq!(opened[0], json!("glute_bridge"), "{opened}");
    assert!(opened[1].as_f64().unwrap_or(0.0) >= 360.0, "{opened}");
    assert!(
        opened[2]
            .as_str()
            .unwrap_or("none")
            .starts_with("fig-glute_bridge-"),
        "{opened}"
    );
    click(client, "dialog.demo-dialog .demo-close").await;
    eventually("the dialog closed and the focus back on the thumbnail", || async {
        let v = ui::js(
            client,
            "return [!!document.querySelector('dialog.demo-dialog'), document.activeElement.classList.contains('demo-thumb')];",
            vec![],
        )
        .await?;
        if v == json!([false, true]) { Ok(()) } else { Err(format!("{v}")) }
    })
    .await;

    // The report draws each exercise so far at its end pose, with its words.
    ui::js(client, "location.hash = '#/report';", vec![])
        .await
        .expect("open the report");
    let drawn = eventually("the report's exercise drawings", || async {
        let v = ui::js(
            client,
            "const f = [...document.querySelectorAll('#report-exercises figure.demo')];\
             if (!f.length || f.some((d) => d.getAttribute('aria-busy') === 'true')) return null;\
             return f.map((d) => [d.dataset.picture, d.querySelector('svg[role=img]').getAttribute('aria-label'), d.querySelector('svg').getBoundingClientRect().width]);",
            vec![],
        )
        .await?;
        if v.is_null() {
            Err("not drawn".into())
        } else {
            Ok(v)
        }
    })
    .await;
    let first = &drawn[0];
    assert_eq!(first[0], json!("glute_bridge"), "{drawn}");
    assert_eq!(
        first[1],
        json!(pictures::picture("glute_bridge").unwrap().alt),
        "{drawn}"
    );
    assert!(first[2].as_f64().unwrap_or(0.0) > 0.0, "{drawn}");

    // The figures take the theme's colours (not one drawing for both).
    assert_eq!(fills["light"].len(), 1, "{fills:?}");
    assert_ne!(fills["light"], fills["dark"], "{fills:?}");
    assert_eq!(
        seen.len(),
        12,
        "every demonstration was shown somewhere: {seen:?}"
    );
    h.finish().await;
}

/// The session's demonstration: whether the moving picture and the still poses are shown,
/// the animation of its first moving group, and the still poses' labels.
async fn session_demo(client: &Client) -> Value {
    eventually("the session's demonstration", || async {
        let v = ui::js(
            client,
            "const d = document.querySelector('.session-demo figure.demo');\
             if (!d || d.getAttribute('aria-busy') === 'true') return null;\
             const anim = d.querySelector('.demo-anim');\
             const still = d.querySelector('.demo-still');\
             const moving = [...anim.querySelectorAll('g[class]')].map((g) => getComputedStyle(g).animationName).find((n) => n && n !== 'none');\
             return { anim: getComputedStyle(anim).display, still: getComputedStyle(still).display,\
               animation: moving || 'none',\
               labels: [...still.querySelectorAll('figcaption')].map((c) => c.textContent),\
               stillWidth: still.getBoundingClientRect().width };",
            vec![],
        )
        .await?;
        if v.is_null() {
            Err("not drawn yet".into())
        } else {
            Ok(v)
        }
    })
    .await
}

#[tokio::test]
async fn the_session_demonstration_moves_and_with_reduced_motion_shows_start_and_end() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    ui::open_page(client, "today", "Today").await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
    let v = session_demo(client).await;
    assert_eq!(v["still"], json!("none"), "{v}");
    assert_ne!(v["anim"], json!("none"), "{v}");
    let name = v["animation"].as_str().unwrap_or_default();
    assert!(
        name.starts_with("fig-glute_bridge-"),
        "the session's first exercise moves: {v}"
    );
    // Pause holds it (a lasting pause, not only while hovered); Play lets it go on.
    for (press, state) in [("true", "paused"), ("false", "running")] {
        click(client, ".session-demo .demo-pause").await;
        eventually(&format!("the motion {state}"), || async {
            let v = ui::js(
                client,
                "const d = document.querySelector('.session-demo figure.demo');\
                 const g = [...d.querySelectorAll('.demo-anim g[class]')].find((g) => getComputedStyle(g).animationName !== 'none');\
                 return [d.querySelector('.demo-pause').getAttribute('aria-pressed'), getComputedStyle(g).animationPlayState];",
                vec![],
            )
            .await?;
            if v == json!([press, state]) {
                Ok(())
            } else {
                Err(format!("{v}"))
            }
        })
        .await;
    }
    // Stopped for good before the next start (ending the WebDriver session only closes
    // the window, which may leave the app in the tray).
    h.finish().await;

    // Reduced motion, as GTK says it (gtk-enable-animations off), which WebKitGTK turns
    // into prefers-reduced-motion: reduce.
    h.gtk_settings("gtk-enable-animations=false");
    let client = &h.launch().await;
    let reduced = ui::js(
        client,
        "return matchMedia('(prefers-reduced-motion: reduce)').matches;",
        vec![],
    )
    .await
    .unwrap();
    assert_eq!(
        reduced,
        json!(true),
        "the webview did not take the reduced-motion setting"
    );
    ui::open_page(client, "today", "Today").await;
    click(client, "#start-session").await;
    ui::wait_for_heading(client, "Session").await;
    let v = session_demo(client).await;
    assert_eq!(v["anim"], json!("none"), "{v}");
    assert_ne!(v["still"], json!("none"), "{v}");
    assert_eq!(v["labels"], json!(["Start", "End"]), "{v}");
    assert!(v["stillWidth"].as_f64().unwrap_or(0.0) > 300.0, "{v}");
    h.finish().await;
}
