//! The journal through its services on a real file: a week of use seen in one list,
//! filters, edits, deletes undone leaving the database exactly as before, check-ins and
//! notes, and bad input changing nothing.

mod common;

use chrono::{Duration, NaiveDate};
use common::{dump, now_at, open, seed_week};
use high_hamstring_rehab::core::journal::Kind;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::journal::{self, Filter};
use high_hamstring_rehab::service::ServiceError;
use serde_json::json;

fn first() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn last() -> NaiveDate {
    first() + Duration::days(6)
}

fn all() -> Filter {
    Filter {
        from: Some(first().to_string()),
        to: Some(last().to_string()),
        kinds: None,
    }
}

fn field_of(err: ServiceError) -> String {
    match err {
        ServiceError::Invalid(e) => e.field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_week_of_use_is_one_list_newest_first_and_filters_by_kind_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    seed_week(&mut store, first());
    let view = journal::journal(&mut store, now_at(last(), 21), &all()).unwrap();
    let count = |k: Kind| view.entries.iter().filter(|e| e.kind == k).count();
    assert_eq!(count(Kind::Session), 7);
    assert_eq!(
        count(Kind::Stretch),
        7 * 3,
        "two by hand and one from the reminder each day"
    );
    assert_eq!(count(Kind::Checkin), 7);
    assert_eq!(count(Kind::Run), 3);
    assert_eq!(count(Kind::Note), 1);
    assert_eq!(count(Kind::Test), 6);
    assert_eq!(count(Kind::Rom), 1);
    assert!(count(Kind::Reminder) >= 14, "shown and done each day");
    assert!(
        view.entries
            .windows(2)
            .all(|w| (w[0].date, &w[0].at) >= (w[1].date, &w[1].at)),
        "newest first"
    );
    let session = view
        .entries
        .iter()
        .find(|e| e.kind == Kind::Session && e.pain == Some(1))
        .unwrap();
    assert_eq!(
        session.details,
        vec!["Double-leg glute bridge: 3 sets (12, 12, 12), pain 1/10".to_string()]
    );

    let runs_only = Filter {
        kinds: Some(vec!["run".into()]),
        ..all()
    };
    let view = journal::journal(&mut store, now_at(last(), 21), &runs_only).unwrap();
    assert_eq!(view.entries.len(), 3);
    let one_day = Filter {
        from: Some("2026-03-04".into()),
        to: Some("2026-03-04".into()),
        kinds: Some(vec!["note".into(), "checkin".into()]),
    };
    let view = journal::journal(&mut store, now_at(last(), 21), &one_day).unwrap();
    assert_eq!(view.entries.len(), 2);
    assert_eq!(
        view.entries
            .iter()
            .find(|e| e.kind == Kind::Note)
            .unwrap()
            .note
            .as_deref(),
        Some("New shoes, \"light\" ones;\nfelt fine — très bien")
    );

    for bad in [
        Filter {
            from: Some("2026-03-09".into()),
            to: Some("2026-03-02".into()),
            kinds: None,
        },
        Filter {
            kinds: Some(vec!["dreams".into()]),
            ..all()
        },
        Filter {
            to: Some("2099-01-01".into()),
            ..all()
        },
    ] {
        assert!(journal::journal(&mut store, now_at(last(), 21), &bad).is_err());
    }
}

#[test]
fn an_edit_changes_one_value_and_editing_it_back_restores_the_file_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    seed_week(&mut store, first());
    let before = dump(&path);
    let view = journal::journal(&mut store, now_at(last(), 21), &all()).unwrap();
    let checkin = view
        .entries
        .iter()
        .find(|e| e.kind == Kind::Checkin && e.pain == Some(2))
        .unwrap()
        .id;
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "checkin",
        checkin,
        "pain",
        &json!(5),
    )
    .unwrap();
    let changed = dump(&path);
    let diff: Vec<_> = changed.iter().filter(|l| !before.contains(l)).collect();
    assert_eq!(diff.len(), 1, "one row changed: {diff:?}");
    assert!(diff[0].contains("Integer(5)"), "{diff:?}");
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "checkin",
        checkin,
        "pain",
        &json!(2),
    )
    .unwrap();
    assert_eq!(dump(&path), before);

    // Every other editable field, and back.
    let session = view
        .entries
        .iter()
        .find(|e| e.kind == Kind::Session)
        .unwrap()
        .id;
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "session",
        session,
        "pain:glute_bridge",
        &json!("3"),
    )
    .unwrap();
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "session",
        session,
        "pain:glute_bridge",
        &json!(0),
    )
    .unwrap();
    let run = view.entries.iter().find(|e| e.kind == Kind::Run).unwrap();
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "run",
        run.id,
        "note",
        &json!("<script>alert(1)</script>"),
    )
    .unwrap();
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "run",
        run.id,
        "note",
        &json!(run.note.clone().unwrap()),
    )
    .unwrap();
    let stretch = view
        .entries
        .iter()
        .find(|e| e.kind == Kind::Stretch)
        .unwrap();
    let day = stretch.date.to_string();
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "stretch",
        stretch.id,
        "date",
        &json!("2026-03-01"),
    )
    .unwrap();
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "stretch",
        stretch.id,
        "date",
        &json!(day),
    )
    .unwrap();
    let rom = view
        .entries
        .iter()
        .find(|e| e.kind == Kind::Rom)
        .unwrap()
        .id;
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "rom",
        rom,
        "normal",
        &json!("no"),
    )
    .unwrap();
    journal::edit(
        &mut store,
        now_at(last(), 21),
        "rom",
        rom,
        "normal",
        &json!("yes"),
    )
    .unwrap();
    assert_eq!(dump(&path), before);

    // Refused edits change nothing.
    for (kind, id, field, value, want) in [
        ("checkin", checkin, "pain", json!(11), "pain"),
        ("checkin", checkin, "pain", json!("NaN"), "pain"),
        ("checkin", checkin, "context", json!("at night"), "context"),
        ("checkin", 99_999, "pain", json!(1), "id"),
        ("stretch", 1, "pain", json!(1), "field"),
        ("session", session, "pain:front_plank", json!(1), "id"),
        ("note", 1, "text", json!(""), "text"),
        ("run", run.id, "note", json!("x".repeat(2001)), "note"),
        ("dream", 1, "pain", json!(1), "kind"),
        ("stretch", stretch.id, "date", json!("2099-01-01"), "date"),
        ("stretch", stretch.id, "date", json!("yesterday"), "date"),
        ("rom", rom, "normal", json!("maybe"), "normal"),
        ("reminder", 1, "outcome", json!("done"), "field"),
    ] {
        let err =
            journal::edit(&mut store, now_at(last(), 21), kind, id, field, &value).unwrap_err();
        assert_eq!(field_of(err), want, "{kind} {field} {value}");
    }
    assert_eq!(dump(&path), before);
}

#[test]
fn a_delete_of_any_kind_undone_leaves_the_file_exactly_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    seed_week(&mut store, first());
    let before = dump(&path);
    let view = journal::journal(&mut store, now_at(last(), 21), &all()).unwrap();
    for kind in Kind::ALL {
        let Some(entry) = view.entries.iter().find(|e| e.kind == kind) else {
            assert_eq!(
                kind,
                Kind::Move,
                "the seeded week has every kind but ladder moves"
            );
            continue;
        };
        let deleted =
            journal::delete(&mut store, now_at(last(), 21), kind.as_str(), entry.id).unwrap();
        let after = journal::journal(&mut store, now_at(last(), 21), &all()).unwrap();
        assert!(
            !after
                .entries
                .iter()
                .any(|e| e.kind == kind && e.id == entry.id),
            "{kind:?} still listed"
        );
        assert_ne!(dump(&path), before);
        journal::undo(&mut store, deleted.trash_id).unwrap();
        assert_eq!(dump(&path), before, "undo of a {kind:?}");
    }
    // A session's sets and pain come back with it.
    let session = view
        .entries
        .iter()
        .find(|e| e.kind == Kind::Session)
        .unwrap();
    let d = journal::delete(&mut store, now_at(last(), 21), "session", session.id).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let sets: i64 = conn
        .query_row(
            "SELECT count(*) FROM exercise_sets WHERE session_id = ?1",
            [session.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sets, 0);
    journal::undo(&mut store, d.trash_id).unwrap();
    assert_eq!(dump(&path), before);
    assert_eq!(
        field_of(journal::undo(&mut store, d.trash_id).unwrap_err()),
        "trash_id",
        "undone once only"
    );
    assert_eq!(
        field_of(journal::delete(&mut store, now_at(last(), 21), "run", 99_999).unwrap_err()),
        "id"
    );
}

#[test]
fn check_ins_and_notes_are_checked_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let before = dump(&path);
    for (context, pain, note, want) in [
        ("sitting", Whole::from(-1), "", "pain"),
        ("sitting", Whole::from(11), "", "pain"),
        ("sitting", Whole::Other("\"a lot\"".into()), "", "pain"),
        ("in bed", Whole::from(3), "", "context"),
        ("sitting", Whole::from(3), &"n".repeat(2001), "note"),
    ] {
        let err =
            journal::checkin(&mut store, now_at(first(), 8), context, &pain, note).unwrap_err();
        assert_eq!(field_of(err), want);
    }
    assert_eq!(
        field_of(journal::add_note(&mut store, now_at(first(), 8), " \n ").unwrap_err()),
        "text"
    );
    assert_eq!(dump(&path), before);
    let said = journal::checkin(
        &mut store,
        now_at(first(), 8),
        "sitting",
        &Whole::from(3),
        "hard chair",
    )
    .unwrap();
    assert_eq!(said.message, "Check-in saved: pain 3/10, when sitting.");
    assert!(said.safety.is_none());
}

/// The red-flag prompt comes back with every save of a pain score that calls for it:
/// a check-in of 7/10, three check-ins rising in a row, an edit of a run's pain.
#[test]
fn a_high_or_rising_pain_brings_up_the_red_flags() {
    use high_hamstring_rehab::core::safety::Trigger;
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("app.db"));
    let at = |h| now_at(first(), h);
    let checkin = |store: &mut high_hamstring_rehab::store::Store, h, pain: i64| {
        journal::checkin(store, at(h), "next_morning", &Whole::from(pain), "").unwrap()
    };
    assert!(
        checkin(&mut store, 7, 6).safety.is_none(),
        "6/10 alone is not enough"
    );
    let high = checkin(&mut store, 8, 7).safety.expect("7/10 prompts");
    assert_eq!(high.trigger, Trigger::HighScore);
    // Flat, then falling: nothing.
    assert!(checkin(&mut store, 9, 2).safety.is_none());
    assert!(checkin(&mut store, 10, 2).safety.is_none());
    assert!(checkin(&mut store, 11, 1).safety.is_none());
    // 1 → 2 → 3: three check-ins in a row, each higher than the last.
    assert!(checkin(&mut store, 12, 2).safety.is_none());
    let rising = checkin(&mut store, 13, 3).safety.expect("rising prompts");
    assert_eq!(rising.trigger, Trigger::Rising);
}

/// SQLite gives the highest id again once its row is deleted: a check-in deleted, then a
/// new one saved (taking its id), then the delete undone — both are kept, the one put
/// back under a new id. (Failed with a raw "UNIQUE constraint failed" before.)
#[test]
fn undoing_a_delete_after_a_new_entry_took_its_id_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let now = now_at(first(), 9);
    journal::checkin(&mut store, now, "other", &Whole::Number(2), "first").unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let id_of = |note: &str| -> Vec<i64> {
        let mut stmt = conn
            .prepare("SELECT id FROM pain_checkins WHERE note = ?1")
            .unwrap();
        stmt.query_map([note], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let old = id_of("first")[0];
    let d = journal::delete(&mut store, now_at(first(), 10), "checkin", old).unwrap();
    journal::checkin(&mut store, now_at(first(), 11), "other", &Whole::Number(4), "second").unwrap();
    assert_eq!(id_of("second"), vec![old], "the new check-in took the deleted one's id");
    journal::undo(&mut store, d.trash_id).unwrap();
    let pains: Vec<(String, i64)> = {
        let mut stmt = conn
            .prepare("SELECT note, pain FROM pain_checkins ORDER BY at")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(pains, vec![("first".to_string(), 2), ("second".to_string(), 4)]);
}
