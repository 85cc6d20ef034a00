//! The journal, charts, exports and report end to end: a week of use seeded through the
//! app's own services into the test's database, then, in the real window: the Journal
//! lists it, a pain score is edited, a run is deleted and the delete undone (the file is
//! exactly as before), the charts draw, the CSV export is written and the saved report
//! states the step, the gates and the adherence.

use crate::common::{dump, seed_week};
use crate::program::click;
use crate::support::{eventually, Harness};
use crate::ui;
use fantoccini::{Client, Locator};
use high_hamstring_rehab::store::Store;
use serde_json::json;

async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

/// A week ending yesterday, seeded with the app's own service calls.
pub fn seed(h: &Harness) -> chrono::NaiveDate {
    let first = chrono::Local::now().date_naive() - chrono::Duration::days(7);
    let (mut store, _) =
        Store::open(&h.database_path(), chrono::Utc::now()).expect("open the test database");
    seed_week(&mut store, first);
    first
}

#[tokio::test]
async fn a_seeded_week_is_in_the_journal_edited_deleted_and_undone_charted_exported_and_reported() {
    let mut h = Harness::new();
    let first = seed(&h);
    const MARKUP: &str =
        "<img src=x onerror=\"document.title='pwned'\"><b>bold</b> & <script>alert(1)</script>";
    {
        let (mut store, _) = Store::open(&h.database_path(), chrono::Utc::now()).unwrap();
        high_hamstring_rehab::service::journal::add_note(
            &mut store,
            crate::common::now_at(first, 21),
            MARKUP,
        )
        .unwrap();
    }
    let client = &h.launch().await;

    ui::open_page(client, "journal", "Journal").await;
    ui::wait_for(client, "#journal-entries li").await;
    let entries = count(client, "#journal-entries li.entry").await;
    assert!(entries >= 50, "a week of entries: {entries}");
    for kind in [
        "session", "checkin", "stretch", "reminder", "test", "run", "note",
    ] {
        assert!(
            count(
                client,
                &format!(r#"#journal-entries li[data-kind="{kind}"]"#)
            )
            .await
                > 0,
            "{kind} entries listed"
        );
    }

    // A note with markup shows as the text typed: no element made from it, no script run.
    let shown = ui::js(
        client,
        "const notes = [...document.querySelectorAll('#journal-entries li[data-kind=\"note\"] .entry-note')].map(n => n.textContent); return [notes, document.querySelectorAll('#journal-entries img, #journal-entries b, #journal-entries script').length, document.title];",
        vec![],
    )
    .await
    .unwrap();
    assert!(
        shown[0].as_array().unwrap().iter().any(|n| n == MARKUP),
        "the note as typed: {shown}"
    );
    assert_eq!(
        shown[1],
        json!(0),
        "markup in a note made elements: {shown}"
    );
    assert_ne!(shown[2], json!("pwned"));
    println!("markup in a note shown as text: {}", shown[0]);

    // A day at a time: each day's heading once, and its reminders in one line that opens
    // on them ("1 of 4 reminders answered"), not a row each.
    let days = ui::js(
        client,
        "return [...document.querySelectorAll('#journal-entries .journal-day')].map((d) => [d.querySelector('.day-heading').textContent, d.dataset.date, (d.querySelector('.day-reminders summary') || {}).textContent || '', d.querySelectorAll('.day-reminders li[data-kind=\"reminder\"]').length, [...d.querySelectorAll('li.entry')].every((e) => e.closest('.journal-day') === d)]);",
        vec![],
    )
    .await
    .unwrap();
    let days = days.as_array().unwrap();
    let dates: std::collections::BTreeSet<&str> =
        days.iter().map(|d| d[1].as_str().unwrap()).collect();
    assert_eq!(dates.len(), days.len(), "a heading once a day: {days:?}");
    assert!(days.len() >= 7, "the seeded week's days: {days:?}");
    let first_day = days
        .iter()
        .find(|d| d[1] == json!(first.to_string()))
        .unwrap_or_else(|| panic!("the seeded week's first day: {days:?}"));
    let expected_heading = high_hamstring_rehab::core::dates::friendly(first);
    assert_eq!(first_day[0], json!(expected_heading));
    let line = first_day[2].as_str().unwrap();
    assert!(
        line.ends_with(" reminders answered") && first_day[3].as_u64().unwrap() > 1,
        "the day's reminders folded into one line: {first_day:?}"
    );
    assert!(days.iter().all(|d| d[4] == json!(true)));
    assert_eq!(
        count(client, "#journal-entries .day-reminders[open]").await,
        0,
        "the reminders start folded"
    );
    println!("the seeded week's first day: {first_day}");

    // The charts draw: one canvas each, with its sentence.
    for chart in [
        "chart-pain",
        "chart-stretches",
        "chart-ladder",
        "chart-running",
    ] {
        let script = format!("const c = document.querySelector('#{chart} canvas'); return [c ? c.width : 0, document.getElementById('charts-body').innerText.slice(0, 200)];");
        let script = &script;
        eventually(&format!("{chart} drawn"), || async move {
            let v = ui::js(client, script, vec![]).await?;
            if v[0].as_u64().unwrap_or(0) > 0 {
                Ok(())
            } else {
                Err(format!("{v}"))
            }
        })
        .await;
    }
    let summary = ui::wait_for_text(client, "#chart-stretches-summary", "a summary", |t| {
        t.contains("stretches of a target")
    })
    .await;
    println!("stretches: {summary}");
    // Fitted to the data: from the seeded week's first day (the first day of use) to
    // today, not the 8 weeks chosen; and legends that read without hovering.
    assert!(
        summary.ends_with(" of 8 days."),
        "counted from the first day of use: {summary}"
    );
    ui::wait_for_text(client, "#charts-fitted", "the first day of use", |t| {
        t == format!(
            "Shown from {}, the first day anything was logged.",
            high_hamstring_rehab::core::dates::friendly(first)
        )
    })
    .await;
    let legends = ui::js(
        client,
        "return [...document.querySelectorAll('#charts-body .u-legend')].map((l) => l.innerText);",
        vec![],
    )
    .await
    .unwrap();
    let legends: Vec<&str> = legends
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(
        legends.len() == 4
            && legends
                .iter()
                .all(|l| !l.contains("--") && !l.trim().is_empty()),
        "each chart's legend names its series, without hovering: {legends:?}"
    );

    // Filter to check-ins and edit one pain score.
    click(client, "#kind-session").await;
    for kind in ["stretch", "reminder", "test", "rom", "run", "note", "move"] {
        click(client, &format!("#kind-{kind}")).await;
    }
    click(client, "#journal-apply").await;
    eventually("only check-ins listed", || async {
        let all = count(client, "#journal-entries li.entry").await;
        let checkins = count(client, r#"#journal-entries li.entry[data-kind="checkin"]"#).await;
        if all == checkins && all == 7 {
            Ok(())
        } else {
            Err(format!("{all} entries, {checkins} check-ins"))
        }
    })
    .await;
    let id = ui::js(client, r#"return document.querySelector('#journal-entries li.entry[data-kind="checkin"]').dataset.id;"#, vec![]).await.unwrap();
    let id = id.as_str().unwrap().to_string();
    click(client, &format!("#edit-checkin-{id}")).await;
    ui::choose_pain(client, &format!("edit-checkin-{id}-pain"), 7).await;
    click(client, &format!("#save-checkin-{id}")).await;
    ui::wait_for_text(client, "#journal-status", "Saved.", |t| t == "Saved.").await;
    ui::wait_for_text(client, &format!("#entry-checkin-{id}"), "pain 7", |t| {
        t.contains("Pain 7/10")
    })
    .await;
    let db = h.database_path();
    let stored: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT pain FROM pain_checkins WHERE id = ?1",
            [id.parse::<i64>().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 7);

    // Delete a run, then undo from the message: the file is exactly as before.
    click(client, "#kind-run").await;
    click(client, "#journal-apply").await;
    ui::wait_for(client, r#"#journal-entries li.entry[data-kind="run"]"#).await;
    let before = dump(&db);
    let run = ui::js(
        client,
        r#"return document.querySelector('#journal-entries li.entry[data-kind="run"]').dataset.id;"#,
        vec![],
    )
    .await
    .unwrap();
    let run = run.as_str().unwrap().to_string();
    click(client, &format!("#delete-run-{run}")).await;
    ui::wait_for(client, "#undo-delete").await;
    assert_eq!(
        count(client, &format!("#entry-run-{run}")).await,
        0,
        "the run is gone from the list"
    );
    assert_ne!(dump(&db), before);
    click(client, "#undo-delete").await;
    ui::wait_for_text(client, "#journal-status", "brought back", |t| {
        t == "Brought back."
    })
    .await;
    ui::wait_for(client, &format!("#entry-run-{run}")).await;
    assert_eq!(
        dump(&db),
        before,
        "undo leaves the database exactly as before"
    );

    // Export: the CSV files, in the private home's Documents.
    ui::open_page(client, "settings", "Settings").await;
    click(client, "#export-csv").await;
    let folder = ui::wait_for_text(client, "#export-path", "the export folder", |t| {
        t.contains("export-")
    })
    .await;
    println!("exported to {folder}");
    assert!(
        folder.starts_with(h.home_dir().to_str().unwrap()),
        "{folder}"
    );
    let runs = std::fs::read_to_string(std::path::Path::new(&folder).join("runs.csv")).unwrap();
    assert!(
        runs.starts_with("id,date,walk_jog_sets,minutes,pain,note,override_rule,recorded_at"),
        "{runs}"
    );
    assert!(
        runs.contains("\"easy, \"\"steady\"\"\""),
        "a quoted note: {runs}"
    );
    let files = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(files, 10);

    // The report: saved as one HTML file with the step, the gates and the adherence.
    ui::open_page(client, "journal", "Journal").await;
    click(client, "#open-report").await;
    ui::wait_for_heading(client, "Report for your physiotherapist").await;
    let step = ui::wait_for_text(client, "#report-step", "the step", |t| {
        t.starts_with("Step ")
    })
    .await;
    let adherence = ui::wait_for_text(client, "#report-adherence", "adherence", |t| {
        t.contains("stretches")
    })
    .await;
    click(client, "#save-report").await;
    let said = ui::wait_for_text(client, "#report-status", "saved", |t| {
        t.starts_with("Saved as ")
    })
    .await;
    let path = said
        .trim_start_matches("Saved as ")
        .trim_end_matches("Open folder")
        .trim()
        .to_string();
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("report: {path}; {step}; {adherence}");
    assert!(html.contains(&step), "the current step in the file: {step}");
    assert!(
        html.contains("Running") && html.contains(">Open<"),
        "gate status in the file"
    );
    assert!(
        html.contains(&adherence),
        "the adherence figure in the file: {adherence}"
    );
    assert!(
        !html.to_lowercase().contains("http"),
        "nothing outside the file"
    );
    h.finish().await;
}

#[tokio::test]
async fn a_pain_check_in_from_the_tray_opens_the_journal_form_and_is_saved() {
    let mut h = Harness::new();
    let client = &h.launch().await;
    let pid = h.app_pid();
    crate::tray::click(pid, "Pain check-in…").await;
    eventually("the check-in form's pain control, focused", || async {
        let v = ui::js(
            client,
            "const g = document.activeElement && document.activeElement.closest('[role=radiogroup]'); return [location.hash, g ? g.id : ''];",
            vec![],
        )
        .await?;
        if v == json!(["#/journal/checkin", "checkin-pain"]) {
            Ok(())
        } else {
            Err(format!("{v}"))
        }
    })
    .await;
    ui::wait_for(client, "#checkin-context")
        .await
        .select_by_value("sitting")
        .await
        .expect("choose sitting");
    ui::choose_pain(client, "checkin-pain", 3).await;
    click(client, "#checkin-save").await;
    ui::wait_for_text(client, "#checkin-status", "saved", |t| {
        t == "Check-in saved: pain 3/10, when sitting."
    })
    .await;
    ui::wait_for(client, r#"#journal-entries li.entry[data-kind="checkin"]"#).await;
    let stored: (String, i64) = rusqlite::Connection::open(h.database_path())
        .unwrap()
        .query_row("SELECT context, pain FROM pain_checkins", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(stored, ("sitting".to_string(), 3));
    h.finish().await;
}

/// The next-morning check (the pain-monitoring model's morning after): a pain-free session
/// seeded on yesterday's date, Today asks the morning question, the answer 2 is saved as a
/// next-morning check-in in the file, and the question is gone once answered.
#[tokio::test]
async fn the_morning_after_a_session_today_asks_the_morning_question_and_saves_the_answer() {
    use high_hamstring_rehab::core::Whole;
    use high_hamstring_rehab::service::program;
    let mut h = Harness::new();
    let yesterday = chrono::Local::now().date_naive() - chrono::Duration::days(1);
    {
        let (mut store, _) = Store::open(&h.database_path(), chrono::Utc::now()).unwrap();
        let at = crate::common::now_at(yesterday, 9);
        let s = program::start_session(&mut store, at).unwrap();
        for _ in 0..3 {
            program::record_set(&mut store, at, s.id, "glute_bridge", Whole::from(12)).unwrap();
        }
        program::record_pain(&mut store, at, s.id, "glute_bridge", Whole::from(0)).unwrap();
        program::finish_session(&mut store, at, s.id).unwrap();
    }
    let client = &h.launch().await;
    ui::wait_for_text(client, "#morning-title", "the morning question", |t| {
        t == "How is the hamstring this morning compared with usual?"
    })
    .await;
    ui::choose_pain(client, "morning-pain", 2).await;
    click(client, "#morning-save").await;
    ui::wait_for_text(client, "#morning-status", "saved", |t| t.starts_with("Check-in saved: pain 2/10")).await;
    let stored: (String, i64, String) = rusqlite::Connection::open(h.database_path())
        .unwrap()
        .query_row("SELECT context, pain, local_date FROM pain_checkins", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        stored,
        (
            "next_morning".to_string(),
            2,
            (yesterday + chrono::Duration::days(1)).to_string()
        )
    );
    // Answered: Today no longer asks.
    ui::open_page(client, "journal", "Journal").await;
    ui::open_page(client, "today", "Today").await;
    ui::wait_for(client, "#session-state").await;
    assert_eq!(count(client, "#morning-form").await, 0, "asked once");
    h.finish().await;
}
