//! Today on a real file: what comes next as the day goes (a session to start, a reminder
//! waiting, a stretch due by the plan, the remaining stretches, a planned run, done for
//! today), and the last seven days counted from the file in one indexed query.

mod common;

use chrono::{Duration, NaiveDate};
use common::{clock_at, open, seed_week};
use high_hamstring_rehab::core::today::{Kind, Why};
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::program::{self, RecordTests, TestInput};
use high_hamstring_rehab::service::reminders::{self, Answer};
use high_hamstring_rehab::service::running;
use high_hamstring_rehab::store::Store;
use std::path::Path;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// One full session of the first exercise at `hour`:`minute`, finished.
fn session(store: &mut Store, date: NaiveDate, hour: u32, minute: u32) {
    let at = clock_at(date, hour, minute);
    let s = program::start_session(store, at).unwrap();
    program::record_set(store, at, s.id, "glute_bridge", Whole::from(10)).unwrap();
    program::record_pain(store, at, s.id, "glute_bridge", Whole::from(0)).unwrap();
    program::finish_session(store, at, s.id).unwrap();
}

#[test]
fn a_day_goes_from_the_session_to_the_stretches_to_done_for_today() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);

    // 07:00, before the first reminder: the session, one button.
    let t = program::today(&mut store, clock_at(day(), 7, 0)).unwrap();
    assert_eq!(t.next_up.why, Why::SessionToStart);
    assert_eq!(
        t.next_up.action.as_ref().unwrap().label,
        "Start today's session"
    );
    // A new file: only today counts in the strip.
    assert_eq!(t.week.days.len(), 7);
    assert_eq!(t.week.days.iter().filter(|d| !d.before_use).count(), 1);
    assert_eq!(t.week.days[6].stretches_text, "0 of 4");

    // Under way: resume it.
    let at = clock_at(day(), 7, 5);
    let s = program::start_session(&mut store, at).unwrap();
    program::record_set(&mut store, at, s.id, "glute_bridge", Whole::from(10)).unwrap();
    let t = program::today(&mut store, clock_at(day(), 7, 10)).unwrap();
    assert_eq!(t.next_up.why, Why::SessionUnderWay);
    program::record_pain(&mut store, at, s.id, "glute_bridge", Whole::from(0)).unwrap();
    program::finish_session(&mut store, clock_at(day(), 7, 20), s.id).unwrap();

    // Finished: the stretches, with the next reminder's time.
    let t = program::today(&mut store, clock_at(day(), 7, 30)).unwrap();
    assert_eq!(t.next_up.why, Why::StretchesLeft);
    assert_eq!(t.next_up.title, "The rest of today's stretches");
    assert_eq!(t.next_up.text, "The next reminder is at 08:00.");
    assert_eq!(t.session_words.action, "Start another session");
    assert_eq!(t.week.days[6].session_text, "Done");

    for k in 0..4 {
        let t = program::log_stretch(&mut store, clock_at(day(), 7, 31 + k)).unwrap();
        assert_eq!(t.stretches.done, k + 1);
    }
    let t = program::today(&mut store, clock_at(day(), 7, 40)).unwrap();
    assert_eq!(t.next_up.why, Why::AllDone);
    assert_eq!(t.next_up.title, "Done for today");
    assert_eq!(
        t.next_up.done,
        ["Today's session: done.", "Stretches: 4 of 4."]
    );
    assert!(t.next_up.action.is_none());
    assert!(t.week.days[6].met);
}

#[test]
fn a_waiting_reminder_then_a_stretch_due_by_the_plan_come_before_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));

    // The 08:00 reminder fires and waits.
    let tick = reminders::tick(&mut store, clock_at(day(), 8, 0)).unwrap();
    assert_eq!(tick.fire.len(), 1);
    let t = program::today(&mut store, clock_at(day(), 8, 1)).unwrap();
    assert_eq!(t.next_up.why, Why::ReminderWaiting);
    assert_eq!(t.next_up.kind, Kind::Stretch);
    assert_eq!(t.next_up.title, "A stretch: the 08:00 reminder is waiting");
    reminders::answer(&mut store, clock_at(day(), 8, 2), Answer::Done).unwrap();
    // Answered: caught up with the plan, so the session.
    let t = program::today(&mut store, clock_at(day(), 8, 3)).unwrap();
    assert_eq!(t.next_up.why, Why::SessionToStart);
    assert_eq!(t.stretches.done, 1);
    // 13:00: the 12:20 reminder's time has come (the laptop slept through it, say):
    // a stretch is due before the session.
    let t = program::today(&mut store, clock_at(day(), 13, 0)).unwrap();
    assert_eq!(t.next_up.why, Why::StretchDue);
    program::log_stretch(&mut store, clock_at(day(), 13, 1)).unwrap();
    let t = program::today(&mut store, clock_at(day(), 13, 2)).unwrap();
    assert_eq!(t.next_up.why, Why::SessionToStart);
}

#[test]
fn a_planned_run_comes_after_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));
    let side = |s: &str| TestInput {
        test_id: "back_plank_leg_lifts".into(),
        side: s.into(),
        painful: false,
    };
    program::record_tests(
        &mut store,
        clock_at(day(), 7, 0),
        &RecordTests {
            taken_on: day().to_string(),
            results: vec![side("left"), side("right")],
            range_of_motion_normal: Some(true),
        },
    )
    .unwrap();
    running::start(&mut store, clock_at(day(), 7, 0), false, None).unwrap();
    let t = program::today(&mut store, clock_at(day(), 7, 1)).unwrap();
    assert_eq!(t.next_up.why, Why::SessionToStart);
    assert!(t.week.show_run);
    session(&mut store, day(), 7, 2);
    let t = program::today(&mut store, clock_at(day(), 7, 3)).unwrap();
    assert_eq!(t.next_up.why, Why::RunPlanned);
    assert_eq!(t.next_up.action.as_ref().unwrap().label, "Open today's run");
    assert_eq!(t.running.as_ref().unwrap().kind, "run");
}

/// (stretches, finished sessions, runs) on `date`, read straight from the file.
fn in_file(path: &Path, date: NaiveDate) -> (u32, u32, u32) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let count = |sql: &str| -> u32 {
        conn.query_row(sql, [date.to_string()], |r| r.get(0))
            .unwrap()
    };
    (
        count("SELECT count(*) FROM stretches WHERE local_date = ?1"),
        count("SELECT count(*) FROM exercise_sessions WHERE local_date = ?1 AND finished_at IS NOT NULL"),
        count("SELECT count(*) FROM runs WHERE date = ?1"),
    )
}

#[test]
fn the_strip_counts_what_the_file_holds_for_each_of_the_last_seven_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    // A week ending yesterday, and a session today.
    seed_week(&mut store, day() - Duration::days(7));
    session(&mut store, day(), 7, 0);
    let t = program::today(&mut store, clock_at(day(), 7, 30)).unwrap();
    let target = t.stretches.target;
    assert!(t.week.show_run, "the seeded week started the running plan");
    let mut met = 0;
    for (k, d) in t.week.days.iter().enumerate() {
        assert_eq!(d.date, day() - Duration::days(6 - k as i64));
        assert!(
            !d.before_use,
            "{}: the seed started the week before",
            d.date
        );
        let (stretches, sessions, runs) = in_file(&path, d.date);
        assert_eq!(d.stretches, stretches, "{}", d.date);
        assert_eq!(d.stretches_text, format!("{stretches} of {target}"));
        assert_eq!(d.met, stretches >= u32::from(target));
        assert_eq!(d.session, sessions > 0, "{}", d.date);
        assert_eq!(d.run, runs > 0, "{}", d.date);
        met += usize::from(d.met);
    }
    // The seed: three stretches a day (a reminder answered, two by hand), a session every
    // day, runs on alternate days.
    assert_eq!(t.week.days[0].stretches_text, "3 of 4");
    assert_eq!(met, 0);
    assert_eq!(
        t.week.summary,
        "Stretch target met on 0 of 7 days; a session done on 7; a run logged on 3."
    );
}

#[test]
fn the_strip_query_searches_each_table_by_its_date_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    drop(open(&path));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare(&format!(
            "EXPLAIN QUERY PLAN {}",
            high_hamstring_rehab::store::today::DAYS
        ))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map(["2026-11-19", "2026-11-25"], |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    println!("{}", plan.join("\n"));
    for table in [
        "stretches",
        "exercise_sessions",
        "runs",
        "pain_checkins",
        "reminder_slots",
    ] {
        let uses: Vec<&String> = plan
            .iter()
            .filter(|l| l.contains(&format!(" {table} ")) || l.ends_with(&format!(" {table}")))
            .collect();
        assert!(
            !uses.is_empty(),
            "{table} not in the plan:\n{}",
            plan.join("\n")
        );
        for line in uses {
            assert!(
                line.starts_with("SEARCH") || line.contains("COVERING INDEX"),
                "{table} read without an index: {line}"
            );
        }
    }
}
