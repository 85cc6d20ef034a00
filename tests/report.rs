//! The charts and the clinician report from a seeded week, on a real file: the figures
//! the report states, and the saved HTML file is whole, self-contained and escaped.

mod common;

use chrono::{Duration, NaiveDate};
use common::{now_at, open, seed_week};
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::data::Folders;
use high_hamstring_rehab::service::{journal, report, ServiceError};

fn first() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

#[test]
fn the_charts_cover_the_weeks_asked_for_from_the_first_day_of_use() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));
    seed_week(&mut store, first());
    let today = now_at(first() + Duration::days(6), 21);
    // 8 weeks asked for, a week of use: that week, said under the period's choice.
    let c = report::charts(&mut store, today, &Whole::from(8)).unwrap();
    assert_eq!((c.from, c.days.len()), (first(), 7));
    assert_eq!(
        c.fitted.as_deref(),
        Some("Shown from Mon 2 Mar 2026, the first day anything was logged.")
    );
    assert!(
        c.summary.stretches.ends_with("met on 0 of 7 days."),
        "{}",
        c.summary.stretches
    );
    // One week asked for: the same week, not cut short.
    let one = report::charts(&mut store, today, &Whole::from(1)).unwrap();
    assert_eq!((one.from, one.days.len(), one.fitted), (first(), 7, None));

    assert_eq!(c.stretches.iter().map(|&n| n as u32).sum::<u32>(), 21);
    let exercise = &c.pain[0];
    assert_eq!(exercise.values.iter().flatten().count(), 7);
    assert_eq!(exercise.values.iter().flatten().max(), Some(&1));
    assert_eq!(c.running_week.last(), Some(&Some(1)));
    assert!(
        c.summary.stretches.contains("21 stretches"),
        "{}",
        c.summary.stretches
    );
    for bad in [
        Whole::from(0),
        Whole::from(521),
        Whole::Other("\"all\"".into()),
    ] {
        match report::charts(&mut store, today, &bad).unwrap_err() {
            ServiceError::Invalid(e) => assert_eq!(e.field, "weeks"),
            other => panic!("{other:?}"),
        }
    }
    // Anything logged is use: a note the day before the week moves its first day back.
    let before = first() - Duration::days(1);
    journal::add_note(&mut store, now_at(before, 20), "before the week").unwrap();
    let c = report::charts(&mut store, today, &Whole::from(8)).unwrap();
    assert_eq!((c.from, c.days.len()), (before, 8));
}

#[test]
fn the_saved_report_states_the_step_the_gates_and_adherence_and_references_nothing_outside() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("data/rehab.db"));
    seed_week(&mut store, first());
    let today = now_at(first() + Duration::days(6), 21);
    journal::add_note(
        &mut store,
        today,
        "<script>alert('x')</script> & <img src=x>",
    )
    .unwrap();
    let r = report::report(&mut store, today).unwrap();
    assert_eq!(
        r.ladder.step, 2,
        "a week of pain-free bridges unlocks the front plank"
    );
    assert_eq!(
        r.adherence.days, 7,
        "adherence counts from the first day of use"
    );
    assert_eq!((r.adherence.done, r.adherence.target), (21, 28));
    assert_eq!(
        r.adherence_text(),
        "21 of 28 stretches (75%) over the last 7 days"
    );
    assert!(r.running.as_ref().is_some_and(|x| x.week == 1));

    let folders = Folders {
        data: dir.path().join("data"),
        backups: dir.path().join("data/backups"),
        default_export: dir.path().join("export"),
    };
    let saved = report::save_report(&mut store, today, &folders).unwrap();
    let html = std::fs::read_to_string(&saved.path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(
        html.contains("Step 2 of 7: Front plank"),
        "the current step"
    );
    assert!(
        html.contains("Cross-training") && html.contains("Running") && html.contains(">Open<"),
        "gate status"
    );
    assert!(html.contains("21 of 28 stretches (75%)"), "adherence");
    assert!(
        html.contains("Next-morning pain on 7 days: 0/10 on Mon 2 Mar 2026 at first, latest 0/10 on Sun 8 Mar 2026, highest 2/10 on Wed 4 Mar 2026."),
        "the next-morning check-ins on their own line"
    );
    assert!(html.contains("Week 1 of 8"), "running status");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x&gt;"),
        "notes escaped"
    );
    let lower = html.to_lowercase();
    for outside in [
        "http:", "https:", "<script", "<link", "src=\"", "url(", "@import", "<img",
    ] {
        assert!(
            !lower.contains(outside),
            "the report refers outside itself: {outside}"
        );
    }
}
