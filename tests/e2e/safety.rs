//! Safety end to end: a pain score that calls for it brings up the backend's calm message
//! with the red flags, and every pain entry has the red flags one click away.

use crate::program::click;
use crate::support::Harness;
use crate::ui;

#[tokio::test]
async fn a_check_in_of_7_out_of_10_shows_the_red_flags() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    ui::open_page(client, "journal", "Journal").await;
    ui::wait_for(client, "#checkin-context").await;
    // One click from the pain control: the red flags behind "When to see a clinician promptly".
    ui::wait_for_text(client, "#checkin-red-flags summary", "the red flags' label", |t| {
        t == "When to see a clinician promptly"
    })
    .await;
    click(client, "#checkin-red-flags summary").await;
    ui::wait_for_text(client, "#checkin-red-flags", "the open list", |t| {
        t.contains("pop") && t.contains("saddle")
    })
    .await;
    // A 6/10 check-in says nothing more; a 7/10 one shows the message and the red flags.
    ui::choose_pain(client, "checkin-pain", 6).await;
    click(client, "#checkin-save").await;
    ui::wait_for_text(client, "#checkin-status", "saved 6", |t| t.contains("6/10")).await;
    let none = ui::js(client, "return document.getElementById('safety-prompt') === null;", vec![])
        .await
        .unwrap();
    assert_eq!(none, serde_json::json!(true), "6/10 brings no message");
    ui::choose_pain(client, "checkin-pain", 7).await;
    click(client, "#checkin-save").await;
    ui::wait_for_text(client, "#safety-prompt", "the red-flag message", |t| {
        t.contains("consider contacting your clinician")
            && t.contains("7/10")
            && t.contains("sitting bone")
            && t.contains("bladder or bowel")
            && t.contains("app's own choice")
    })
    .await;
    h.finish().await;
}
