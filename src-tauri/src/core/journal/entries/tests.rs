//! The journal's entries from records: titles, details, pain, notes and edit forms.

use super::entries;
use crate::core::journal::{change, Change, Context, Entry, Kind};
use crate::core::records::*;
use crate::core::running::Run;
use chrono::NaiveDate;
use serde_json::json;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn at(d: u32, hour: u32) -> String {
    format!("2026-03-{d:02}T{hour:02}:00:00.000Z")
}

fn set(session_id: i64, exercise_id: &str, set_no: u8, amount: u16) -> SetRecord {
    SetRecord {
        session_id,
        date: day(2),
        started_at: at(2, 9),
        exercise_id: exercise_id.into(),
        set_no,
        amount,
        recorded_at: at(2, 9),
    }
}

fn pain(session_id: i64, exercise_id: &str, pain: u8) -> PainRecord {
    PainRecord {
        session_id,
        date: day(2),
        exercise_id: exercise_id.into(),
        pain,
        recorded_at: at(2, 9),
    }
}

fn one(logged: Logged) -> Entry {
    let mut list = entries(logged);
    assert_eq!(list.len(), 1, "{list:?}");
    list.remove(0)
}

#[test]
fn a_session_has_a_line_per_exercise_in_ladder_order_and_its_highest_pain() {
    let logged = Logged {
        sessions: vec![SessionRecord {
            id: 1,
            started_at: at(2, 9),
            date: day(2),
            finished_at: None,
        }],
        // The plank (step 2) read before the bridge (step 1): the ladder orders them.
        sets: vec![
            set(1, "front_plank", 1, 20),
            set(1, "front_plank", 2, 25),
            set(1, "glute_bridge", 1, 12),
            set(2, "glute_bridge", 1, 12),
        ],
        pains: vec![pain(1, "front_plank", 3), pain(1, "glute_bridge", 1)],
        ..Logged::default()
    };
    let e = one(logged);
    assert_eq!((e.kind, e.id, e.date), (Kind::Session, 1, day(2)));
    assert_eq!(e.title, "Exercise session (not finished)");
    assert_eq!(
        e.details,
        [
            "Double-leg glute bridge: 1 set (12), pain 1/10",
            "Front plank: 2 sets (20s, 25s), pain 3/10",
        ]
    );
    assert_eq!(e.pain, Some(3), "the highest");
    let fields: Vec<_> = e
        .edits
        .iter()
        .map(|x| {
            (
                x.field.as_str(),
                x.label.as_str(),
                x.value.as_str(),
                x.input,
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            (
                "pain:glute_bridge",
                "Pain, Double-leg glute bridge",
                "1",
                "pain"
            ),
            ("pain:front_plank", "Pain, Front plank", "3", "pain"),
        ]
    );
}

#[test]
fn a_finished_session_without_pain_has_nothing_to_edit() {
    let logged = Logged {
        sessions: vec![SessionRecord {
            id: 4,
            started_at: at(2, 9),
            date: day(2),
            finished_at: Some(at(2, 10)),
        }],
        sets: vec![
            set(4, "glute_bridge", 1, 10),
            set(4, "not_an_exercise", 1, 5),
        ],
        ..Logged::default()
    };
    let e = one(logged);
    assert_eq!(e.title, "Exercise session");
    assert_eq!(e.details, ["Double-leg glute bridge: 1 set (10)"]);
    assert_eq!((e.pain, e.edits.len()), (None, 0));
}

#[test]
fn a_checkin_names_its_context_and_offers_each_one() {
    let e = one(Logged {
        checkins: vec![CheckinRecord {
            id: 7,
            date: day(3),
            at: at(3, 7),
            context: "next_morning".into(),
            pain: 2,
            note: "stiff".into(),
        }],
        ..Logged::default()
    });
    assert_eq!(e.title, "Pain check-in: the next morning");
    assert_eq!(e.details, ["Pain 2/10"]);
    assert_eq!((e.pain, e.note.as_deref()), (Some(2), Some("stiff")));
    let when = &e.edits[1];
    assert_eq!(
        (when.field.as_str(), when.input, when.value.as_str()),
        ("context", "choice", "next_morning")
    );
    assert_eq!(when.choices.len(), Context::ALL.len());
    assert_eq!(e.edits[0].field, "pain");
    assert_eq!(e.edits[2].field, "note");
}

#[test]
fn each_other_kind_has_its_words() {
    let logged = Logged {
        stretches: vec![StretchRecord {
            id: 1,
            date: day(2),
            done_at: at(2, 13),
            source: "reminder".into(),
        }],
        reminders: vec![ReminderRecord {
            id: 2,
            date: day(2),
            planned: 8 * 60 + 5,
            outcome: "not_needed".into(),
            catch_up: true,
            at: at(2, 8),
        }],
        tests: vec![TestRecord {
            id: 3,
            date: day(2),
            test_id: "bent_knee_stretch".into(),
            side: "left".into(),
            painful: true,
            recorded_at: at(2, 7),
        }],
        roms: vec![RomRecord {
            id: 4,
            date: day(2),
            normal: false,
            recorded_at: at(2, 6),
        }],
        runs: vec![RunRecord {
            run: Run {
                id: 5,
                date: day(2),
                sets: Some(1),
                minutes: None,
                pain: 0,
                note: String::new(),
                override_rule: Some("alternate_days".into()),
            },
            recorded_at: at(2, 17),
        }],
        notes: vec![NoteRecord {
            id: 6,
            date: day(2),
            at: at(2, 20),
            text: "new shoes".into(),
        }],
        moves: vec![MoveRecord {
            id: 7,
            date: day(2),
            moved_at: at(2, 5),
            from_step: 1,
            to_step: 0,
        }],
        ..Logged::default()
    };
    let list = entries(logged);
    let find = |k: Kind| list.iter().find(|e| e.kind == k).unwrap();
    assert_eq!(find(Kind::Stretch).details, ["From a reminder"]);
    assert_eq!(
        (
            find(Kind::Stretch).edits[0].input,
            find(Kind::Stretch).edits[0].value.as_str()
        ),
        ("date", "2026-03-02")
    );
    assert_eq!(
        find(Kind::Reminder).details,
        ["Reminder for 08:05 (catch-up): not needed (target met)"]
    );
    assert_eq!(find(Kind::Test).title, "Bent-knee stretch test, left leg");
    assert_eq!(
        (
            find(Kind::Test).details[0].as_str(),
            find(Kind::Test).edits[0].value.as_str()
        ),
        ("Painful", "pain")
    );
    assert_eq!(
        (
            find(Kind::Rom).details[0].as_str(),
            find(Kind::Rom).edits[0].value.as_str()
        ),
        ("Not yet normal", "no")
    );
    let run = find(Kind::Run);
    assert_eq!(
        run.details,
        [
            "1 walk/jog set, pain 0/10",
            "Logged against the rule \"alternate days\""
        ]
    );
    assert_eq!(
        (run.pain, run.note.clone()),
        (Some(0), None),
        "an empty note is no note"
    );
    assert_eq!(find(Kind::Note).note.as_deref(), Some("new shoes"));
    assert_eq!(
        find(Kind::Move).details,
        ["Front plank → Double-leg glute bridge"]
    );
    let order: Vec<_> = list.iter().map(|e| e.id).collect();
    assert_eq!(order, [6, 5, 1, 2, 3, 4, 7], "newest first within the day");
}

#[test]
fn a_change_is_read_as_its_entry_offers_it() {
    let today = day(9);
    assert_eq!(
        change(Kind::Run, "pain", &json!("4"), today),
        Ok(Change::RunPain(4))
    );
    assert_eq!(
        change(Kind::Checkin, "note", &json!(null), today),
        Ok(Change::CheckinNote(String::new()))
    );
    assert_eq!(
        change(Kind::Test, "painful", &json!("none"), today),
        Ok(Change::TestPainful(false))
    );
    assert_eq!(
        change(Kind::Rom, "normal", &json!(true), today),
        Ok(Change::RomNormal(true))
    );
    assert_eq!(
        change(Kind::Stretch, "date", &json!("2026-03-08"), today),
        Ok(Change::StretchDate(day(8)))
    );
    assert_eq!(
        change(Kind::Session, "pain:front_plank", &json!(2), today),
        Ok(Change::ExercisePain {
            exercise_id: "front_plank".into(),
            pain: 2
        })
    );
    assert_eq!(
        change(Kind::Test, "painful", &json!("maybe"), today)
            .unwrap_err()
            .field,
        "painful"
    );
    assert_eq!(
        change(Kind::Stretch, "date", &json!("2026-03-10"), today)
            .unwrap_err()
            .field,
        "date"
    );
    assert_eq!(
        change(Kind::Reminder, "pain", &json!(1), today)
            .unwrap_err()
            .field,
        "field"
    );
    assert_eq!(
        change(Kind::Note, "text", &json!(" "), today)
            .unwrap_err()
            .field,
        "text"
    );
}
