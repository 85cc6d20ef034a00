//! Writes ten years of daily use into a new High Hamstring Rehab database, for the
//! benchmark (`make bench`): every day a session (all unlocked exercises, 3 sets each,
//! pain), 4 stretches, the day's reminder events, a check-in; test results monthly,
//! runs on alternate days, a note a week. The schema comes from the app's own
//! migrations (`Store::open`); the rows go in with plain SQL in one transaction.
//!
//! Usage: cargo run --release --example ten_years -- <path/to/rehab.db> [years]

use chrono::{Duration, NaiveDate, Utc};
use high_hamstring_rehab::core::protocol::LADDER;
use high_hamstring_rehab::store::Store;
use rusqlite::params;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: ten_years <path/to/rehab.db> [years]");
    let years: i64 = args
        .next()
        .map(|y| y.parse().expect("years is a whole number"))
        .unwrap_or(10);
    let path = std::path::PathBuf::from(path);
    if path.exists() {
        panic!("{} exists: give a new file", path.display());
    }
    drop(Store::open(&path, Utc::now()).expect("create the database"));
    let mut conn = rusqlite::Connection::open(&path).expect("open");
    let tx = conn.transaction().expect("transaction");
    let today = chrono::Local::now().date_naive();
    let first = today - Duration::days(365 * years);
    let stamp = |d: NaiveDate, h: u32, m: u32| format!("{}T{:02}:{:02}:00.000Z", d, h, m);
    let mut rows = 0u64;
    {
        let mut session = tx.prepare("INSERT INTO exercise_sessions (id, started_at, local_date, finished_at) VALUES (?1, ?2, ?3, ?4)").unwrap();
        let mut set = tx.prepare("INSERT INTO exercise_sets (session_id, exercise_id, set_no, amount, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)").unwrap();
        let mut pain = tx.prepare("INSERT INTO exercise_pain (session_id, exercise_id, pain, recorded_at) VALUES (?1, ?2, ?3, ?4)").unwrap();
        let mut stretch = tx
            .prepare("INSERT INTO stretches (done_at, local_date, source) VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut event = tx.prepare("INSERT INTO reminder_events (local_date, planned, outcome, catch_up, at) VALUES (?1, ?2, ?3, 0, ?4)").unwrap();
        let mut checkin = tx.prepare("INSERT INTO pain_checkins (at, local_date, context, pain, note) VALUES (?1, ?2, ?3, ?4, ?5)").unwrap();
        let mut test = tx.prepare("INSERT INTO test_results (test_id, side, painful, taken_on, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)").unwrap();
        let mut run = tx.prepare("INSERT INTO runs (date, sets, minutes, pain, note, override_rule, recorded_at) VALUES (?1, NULL, ?2, ?3, '', NULL, ?4)").unwrap();
        let mut note = tx
            .prepare("INSERT INTO notes (at, local_date, text) VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut day = first;
        let mut n = 0i64;
        while day < today {
            n += 1;
            // The ladder climbs over the first months, then stays at the top.
            let level = ((n / 20) as usize).min(LADDER.len() - 1);
            let p = ((n * 7919) % 11) as u8 % 3; // 0-2, deterministic
            session
                .execute(params![
                    n,
                    stamp(day, 9, 0),
                    day.to_string(),
                    stamp(day, 9, 40)
                ])
                .unwrap();
            rows += 1;
            for ex in &LADDER[..=level] {
                for s in 1..=3 {
                    set.execute(params![n, ex.id, s, 12, stamp(day, 9, 5)])
                        .unwrap();
                    rows += 1;
                }
                pain.execute(params![n, ex.id, p.min(1), stamp(day, 9, 30)])
                    .unwrap();
                rows += 1;
            }
            for (k, (h, planned)) in [(8, 480), (12, 740), (16, 1000), (21, 1260)]
                .into_iter()
                .enumerate()
            {
                stretch
                    .execute(params![
                        stamp(day, h, 5),
                        day.to_string(),
                        if k % 2 == 0 { "reminder" } else { "logged" }
                    ])
                    .unwrap();
                event
                    .execute(params![day.to_string(), planned, "shown", stamp(day, h, 0)])
                    .unwrap();
                event
                    .execute(params![day.to_string(), planned, "done", stamp(day, h, 5)])
                    .unwrap();
                rows += 3;
            }
            checkin
                .execute(params![
                    stamp(day, 7, 30),
                    day.to_string(),
                    "next_morning",
                    p,
                    if n % 5 == 0 { "stiff, then fine" } else { "" }
                ])
                .unwrap();
            rows += 1;
            if n % 30 == 1 {
                for t in [
                    "standing_stretch",
                    "bent_knee_stretch",
                    "rapid_bent_knee_stretch",
                    "back_plank_leg_lifts",
                ] {
                    for side in ["left", "right"] {
                        test.execute(params![
                            t,
                            side,
                            (n < 60) as i64,
                            day.to_string(),
                            stamp(day, 7, 0)
                        ])
                        .unwrap();
                        rows += 1;
                    }
                }
            }
            if n > 120 && n % 2 == 0 {
                run.execute(params![
                    day.to_string(),
                    20 + (n % 40),
                    p.min(1),
                    stamp(day, 18, 0)
                ])
                .unwrap();
                rows += 1;
            }
            if n % 7 == 0 {
                note.execute(params![
                    stamp(day, 20, 0),
                    day.to_string(),
                    format!("Week {}: steady.", n / 7)
                ])
                .unwrap();
                rows += 1;
            }
            day += Duration::days(1);
        }
        tx.execute(
            "INSERT INTO running_plan (id, started_on, updated_at) VALUES (1, ?1, ?2)",
            params![
                (first + Duration::days(121)).to_string(),
                stamp(first, 8, 0)
            ],
        )
        .unwrap();
        tx.execute("UPDATE app_state SET value = value", [])
            .unwrap();
    }
    tx.commit().expect("commit");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "{} days, {rows} rows, {:.1} MB: {}",
        (today - first).num_days(),
        bytes as f64 / 1e6,
        path.display()
    );
}
