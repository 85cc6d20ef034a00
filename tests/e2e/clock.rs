//! The app's clock is the only one a page goes by: its date fields start at and end on
//! the day the app's views send, not the day the web view's own clock says.
//!
//! The test puts the app three days ahead (`Harness::set_clock`); the web view's clock
//! stays real, so a page that read its own clock (as the pages once did, `new Date()`)
//! would offer the real day, three days off.

use crate::support::Harness;
use crate::ui;
use chrono::Duration;
use serde_json::json;

/// `[value, min, max]` of the date input `id`, once it is on the page.
async fn field(client: &fantoccini::Client, id: &str) -> serde_json::Value {
    ui::wait_for(client, &format!("#{id}")).await;
    ui::js(
        client,
        "const d = document.getElementById(arguments[0]); return [d.value, d.min, d.max];",
        vec![json!(id)],
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn the_date_fields_start_and_end_on_the_apps_day_not_the_web_views() {
    let mut h = Harness::new();
    h.set_clock(chrono::Local::now() + Duration::days(3));
    let client = &h.launch().await;
    let day = h.app_now().date_naive().to_string();
    assert_ne!(day, chrono::Local::now().date_naive().to_string());

    ui::open_page(client, "self-tests", "Self-tests").await;
    for id in ["taken-on", "gate-taken-on"] {
        let f = field(client, id).await;
        println!("{id}: {f}");
        assert_eq!(f, json!([day, "2000-01-01", day]), "{id}");
        // The sentence under it comes with the view too.
        let hint = ui::js(
            client,
            "return document.getElementById(arguments[0] + '-hint').textContent;",
            vec![json!(id)],
        )
        .await
        .unwrap();
        assert_eq!(
            hint,
            json!(high_hamstring_rehab::core::selftests::DATE_HINT)
        );
    }

    ui::open_page(client, "journal", "Journal").await;
    for id in ["journal-from", "journal-to"] {
        let f = field(client, id).await;
        println!("{id}: {f}");
        assert_eq!(f[2], json!(day), "{id}'s last day");
    }
    assert_eq!(
        field(client, "journal-to").await[0],
        json!(day),
        "the journal ends today"
    );
}
