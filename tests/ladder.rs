//! The ladder's fast path against the full replay, on a real SQLite file.
//!
//! The ladder is replayed from the whole log once and then read from memory
//! (`store::memo`, `program::ladder_in`); after a change the store can date it is brought
//! up to date from the last checkpoint of the replay before that day; nothing derived is
//! stored. This suite starts from a random history of past days (written with plain SQL,
//! so there are checkpoints before and after any edit) and runs random use through the
//! app's own services — sessions set by set, pain scores, next-morning check-ins, edits
//! of old pain and check-ins, sessions and check-ins moved to another day, deletes and
//! their undo, moves by hand, rule changes, unrelated writes — together with the ways
//! data can change behind the counters: a write that changes the log, reads the ladder
//! and is then rolled back, a write by another connection, and a restore of a backup.
//! After every step the fast path must equal the whole log read afresh and replayed
//! (checkpoint by checkpoint), the ladder without each session must equal its full
//! replay, the log as read must equal the rows as plain SQL gives them, and Today, the
//! charts and the report must equal what a freshly opened store (nothing in memory)
//! shows.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{data_folders, open, start_running};
use high_hamstring_rehab::core::dates::Now;
use high_hamstring_rehab::core::journal::Kind;
use high_hamstring_rehab::core::progression::{self, Entry, Session};
use high_hamstring_rehab::core::protocol::LADDER;
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::data::{self, Folders};
use high_hamstring_rehab::service::program::{self, Ladder};
use high_hamstring_rehab::service::{journal, report, running, settings, ServiceError};
use high_hamstring_rehab::store::{self, Store, StoreError};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::json;
use std::path::Path;

/// One thing done to the data.
#[derive(Debug, Clone)]
enum Step {
    /// A guided session: every exercise it holds at the sets asked (`short`: one set
    /// fewer, `extra`: one more), at `pain`; finished or left open.
    Session {
        pain: u8,
        short: bool,
        extra: bool,
        finish: bool,
    },
    /// A next-morning check-in.
    Morning { pain: u8 },
    /// A pain score of an earlier session changed in the Journal.
    EditPain { which: Index, pain: u8 },
    /// A check-in's pain changed in the Journal (a next-morning answer, maybe).
    EditCheckin { which: Index, pain: u8 },
    /// A session or a check-in moved `days` days, earlier or later (through the store,
    /// on its connection: no screen moves them yet).
    Shift { checkin: bool, which: Index, days: i64 },
    /// A session or a check-in deleted in the Journal.
    Delete { session: bool, which: Index },
    /// The last delete taken back.
    Undo,
    /// A step back or forward by hand (forward with a clinician's confirmation).
    Move { forward: bool },
    /// The progression rules changed in Settings.
    Rules { allowed_pain: u8, sessions: u8 },
    /// A write that touches nothing the ladder reads.
    Stretch,
    /// A run logged (the running plan started first, its gate opened by pain-free
    /// self-tests): a change the store does not date, which the kept running plan
    /// must not outlive.
    Run { pain: u8 },
    /// A pain score changed, the ladder read in the same transaction, and then the
    /// transaction rolled back.
    RolledBack { which: Index, pain: u8 },
    /// A pain score changed by another connection to the file.
    Elsewhere { which: Index, pain: u8 },
    /// A backup made now, for a later restore.
    Backup,
    /// The latest backup restored.
    Restore,
}

fn step() -> impl Strategy<Value = Step> {
    // Mostly pain-free, as a climb up the ladder is.
    let pain = prop_oneof![4 => Just(0u8), 1 => 1u8..=6];
    prop_oneof![
        8 => (pain.clone(), prop::bool::weighted(0.15), prop::bool::weighted(0.15), prop::bool::weighted(0.85))
            .prop_map(|(pain, short, extra, finish)| Step::Session { pain, short, extra, finish }),
        3 => pain.clone().prop_map(|pain| Step::Morning { pain }),
        2 => (any::<Index>(), pain.clone()).prop_map(|(which, pain)| Step::EditPain { which, pain }),
        1 => (any::<Index>(), pain.clone()).prop_map(|(which, pain)| Step::EditCheckin { which, pain }),
        1 => (any::<bool>(), any::<Index>()).prop_map(|(session, which)| Step::Delete { session, which }),
        1 => (any::<bool>(), any::<Index>(), prop_oneof![-30i64..=-1, 1i64..=30])
            .prop_map(|(checkin, which, days)| Step::Shift { checkin, which, days }),
        1 => Just(Step::Undo),
        1 => any::<bool>().prop_map(|forward| Step::Move { forward }),
        1 => (0u8..=3, 1u8..=3).prop_map(|(allowed_pain, sessions)| Step::Rules { allowed_pain, sessions }),
        1 => Just(Step::Stretch),
        1 => (0u8..=3).prop_map(|pain| Step::Run { pain }),
        1 => (any::<Index>(), pain.clone()).prop_map(|(which, pain)| Step::RolledBack { which, pain }),
        1 => (any::<Index>(), pain).prop_map(|(which, pain)| Step::Elsewhere { which, pain }),
        1 => Just(Step::Backup),
        1 => Just(Step::Restore),
    ]
}

/// The user's day so far: the store, the clock and what later steps refer back to.
struct Use {
    store: Store,
    path: std::path::PathBuf,
    folders: Folders,
    clock: DateTime<Utc>,
    trash: Vec<i64>,
    backups: Vec<String>,
}

impl Use {
    fn now(&self) -> Now {
        Now::of(self.clock)
    }

    /// Rows of `sql` (one integer column) as plain SQL gives them, on another connection.
    fn ids(&self, sql: &str) -> Vec<i64> {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let ids = stmt.query_map([], |r| r.get(0)).unwrap();
        ids.map(Result::unwrap).collect()
    }

    /// A pain row (its rowid) picked by `which`, if there is any.
    fn pain_row(&self, which: &Index) -> Option<i64> {
        let rows = self.ids("SELECT rowid FROM exercise_pain ORDER BY rowid");
        (!rows.is_empty()).then(|| rows[which.index(rows.len())])
    }

    /// The session and exercise of the pain row picked by `which`.
    fn pain_of(&self, which: &Index) -> Option<(i64, String)> {
        let row = self.pain_row(which)?;
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        let sql = "SELECT session_id, exercise_id FROM exercise_pain WHERE rowid = ?1";
        Some(
            conn.query_row(sql, [row], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap(),
        )
    }

    fn run(&mut self, step: &Step) {
        // Each step a few hours after the last, some on the next day.
        self.clock += Duration::hours(5);
        let now = self.now();
        match step {
            Step::Session {
                pain,
                short,
                extra,
                finish,
            } => {
                let Ok(session) = program::start_session(&mut self.store, now) else {
                    return;
                };
                for (k, e) in session.exercises.iter().enumerate() {
                    let asked = usize::from(e.today.sets.min);
                    let sets = if *short {
                        asked.saturating_sub(1)
                    } else {
                        asked + usize::from(*extra)
                    };
                    for s in 0..sets {
                        let at = Now::of(self.clock + Duration::minutes((k * 5 + s) as i64));
                        let _ = program::record_set(
                            &mut self.store,
                            at,
                            session.id,
                            e.id,
                            Whole::Number(12),
                        );
                    }
                    let at = Now::of(self.clock + Duration::minutes((k * 5 + 4) as i64));
                    let _ = program::record_pain(
                        &mut self.store,
                        at,
                        session.id,
                        e.id,
                        Whole::Number(i64::from(*pain)),
                    );
                }
                self.clock += Duration::minutes(45);
                if *finish {
                    let at = self.now();
                    let _ = program::finish_session(&mut self.store, at, session.id);
                }
            }
            Step::Morning { pain } => {
                journal::checkin(
                    &mut self.store,
                    now,
                    "next_morning",
                    &Whole::Number(i64::from(*pain)),
                    "",
                )
                .unwrap();
            }
            Step::EditPain { which, pain } => {
                let Some((session, exercise)) = self.pain_of(which) else {
                    return;
                };
                journal::edit(
                    &mut self.store,
                    now,
                    "session",
                    session,
                    &format!("pain:{exercise}"),
                    &json!(pain),
                )
                .unwrap();
            }
            Step::EditCheckin { which, pain } => {
                let rows = self.ids("SELECT id FROM pain_checkins ORDER BY id");
                if rows.is_empty() {
                    return;
                }
                let id = rows[which.index(rows.len())];
                journal::edit(&mut self.store, now, "checkin", id, "pain", &json!(pain)).unwrap();
            }
            Step::Shift {
                checkin,
                which,
                days,
            } => {
                let (kind, sql) = if *checkin {
                    (Kind::Checkin, "SELECT id FROM pain_checkins ORDER BY id")
                } else {
                    (Kind::Session, "SELECT id FROM exercise_sessions ORDER BY id")
                };
                let rows = self.ids(sql);
                if rows.is_empty() {
                    return;
                }
                let id = rows[which.index(rows.len())];
                let moved: Result<bool, ServiceError> = self
                    .store
                    .write(|tx| Ok(store::journal::shift_entry(tx, kind, id, *days)?));
                assert!(moved.unwrap());
            }
            Step::Delete { session, which } => {
                let (kind, sql) = if *session {
                    ("session", "SELECT id FROM exercise_sessions ORDER BY id")
                } else {
                    ("checkin", "SELECT id FROM pain_checkins ORDER BY id")
                };
                let rows = self.ids(sql);
                if rows.is_empty() {
                    return;
                }
                let id = rows[which.index(rows.len())];
                let deleted = journal::delete(&mut self.store, now, kind, id).unwrap();
                self.trash.push(deleted.trash_id);
            }
            Step::Undo => {
                if let Some(trash_id) = self.trash.pop() {
                    // Refused when a newer row took the deleted one's id: rolled back.
                    let _ = journal::undo(&mut self.store, trash_id);
                }
            }
            Step::Move { forward } => {
                let level = program::program(&mut self.store).unwrap().progress.level;
                let to = if *forward {
                    level + 1
                } else {
                    level.wrapping_sub(1)
                };
                if to < LADDER.len() {
                    let advice =
                        serde_json::from_value(json!({"clinician_confirmed": true})).unwrap();
                    program::move_step(&mut self.store, now, Whole::Number(to as i64), &advice)
                        .unwrap();
                }
            }
            Step::Rules {
                allowed_pain,
                sessions,
            } => {
                let patch = serde_json::from_value(json!({
                    "allowed_pain": allowed_pain,
                    "sessions_to_progress": sessions,
                    "clinician_confirmed": true,
                }))
                .unwrap();
                settings::update(&mut self.store, &patch, now).unwrap();
            }
            Step::Stretch => {
                program::log_stretch(&mut self.store, now).unwrap();
            }
            Step::Run { pain } => {
                if running::view(&mut self.store, now).unwrap().plan.is_none() {
                    start_running(&mut self.store, now);
                }
                let run = running::LogRun {
                    date: now.today.to_string(),
                    sets: json!(2),
                    pain: json!(pain),
                    ..Default::default()
                };
                // Refused when it breaks a spacing rule: nothing written.
                let _ = running::log_run(&mut self.store, now, &run);
            }
            Step::RolledBack { which, pain } => {
                let row = self.pain_of(which);
                let refused: Result<(), ServiceError> = self.store.write(|tx| {
                    program::ladder_in(tx)?;
                    if let Some((session, exercise)) = &row {
                        store::program::set_pain(tx, *session, exercise, *pain, now.utc)?;
                    } else {
                        store::program::create_session(tx, now.utc, now.today)?;
                    }
                    // Inside the transaction the fast path sees the change at once…
                    let fast = program::ladder_in(tx)?;
                    assert_eq!(
                        *fast,
                        Ladder::replayed(tx)?,
                        "in the transaction, after {step:?}"
                    );
                    // …and then the change is given up.
                    Err(StoreError::BadRow("given up on purpose".into()).into())
                });
                assert!(refused.is_err());
            }
            Step::Elsewhere { which, pain } => {
                if let Some(row) = self.pain_row(which) {
                    let conn = rusqlite::Connection::open(&self.path).unwrap();
                    conn.execute(
                        "UPDATE exercise_pain SET pain = ?1 WHERE rowid = ?2",
                        [i64::from(*pain), row],
                    )
                    .unwrap();
                }
            }
            Step::Backup => {
                let file = data::backup_now(&mut self.store, now, &self.folders).unwrap();
                self.backups.push(file.path.to_string_lossy().into_owned());
            }
            Step::Restore => {
                if let Some(path) = self.backups.last().cloned() {
                    data::restore(&mut self.store, now, &self.folders, &path).unwrap();
                }
            }
        }
    }
}

/// The sessions as plain SQL gives them, without the store's reader: each with its entries
/// in ladder order, sets in set order, oldest first.
fn sessions_by_sql(path: &Path) -> Vec<Session> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let index = |id: String| LADDER.iter().position(|e| e.id == id).unwrap();
    let mut sessions: Vec<Session> = conn
        .prepare("SELECT id, started_at, local_date FROM exercise_sessions ORDER BY started_at, id")
        .unwrap()
        .query_map([], |r| {
            let (id, at, date): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok(Session {
                id,
                started_at: DateTime::parse_from_rfc3339(&at)
                    .unwrap()
                    .with_timezone(&Utc),
                date: date.parse().unwrap(),
                entries: Vec::new(),
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for s in &mut sessions {
        let mut entries: Vec<Entry> = Vec::new();
        let mut sets = conn
            .prepare("SELECT exercise_id, amount FROM exercise_sets WHERE session_id = ?1 ORDER BY set_no")
            .unwrap();
        for row in sets
            .query_map([s.id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, u16>(1)?))
            })
            .unwrap()
        {
            let (exercise, amount) = row.unwrap();
            let i = index(exercise);
            match entries.iter_mut().find(|e| e.exercise == i) {
                Some(e) => e.sets.push(amount),
                None => entries.push(Entry {
                    exercise: i,
                    sets: vec![amount],
                    pain: None,
                }),
            }
        }
        let mut pains = conn
            .prepare("SELECT exercise_id, pain FROM exercise_pain WHERE session_id = ?1")
            .unwrap();
        for row in pains
            .query_map([s.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?)))
            .unwrap()
        {
            let (exercise, pain) = row.unwrap();
            let i = index(exercise);
            match entries.iter_mut().find(|e| e.exercise == i) {
                Some(e) => e.pain = Some(pain),
                None => entries.push(Entry {
                    exercise: i,
                    sets: Vec::new(),
                    pain: Some(pain),
                }),
            }
        }
        entries.sort_by_key(|e| e.exercise);
        s.entries = entries;
    }
    sessions
}

/// One past day: the pain of its session (every exercise up to a step that climbs
/// with the days, three sets of 12), and its next-morning check-in's pain, if any.
type Day = (u8, Option<u8>);

fn history() -> impl Strategy<Value = Vec<Day>> {
    let pain = prop_oneof![4 => Just(0u8), 1 => 1u8..=6];
    prop::collection::vec((pain.clone(), prop::option::weighted(0.5, pain)), 0..60)
}

/// The days of `days` ending the day before `first`, written with plain SQL on another
/// connection (as the benchmark's ten years are).
fn seed_history(path: &Path, days: &[Day], first: DateTime<Utc>) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for (k, (pain, morning)) in days.iter().enumerate() {
        let start = first - Duration::days((days.len() - k) as i64) + Duration::hours(2);
        let at = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        let date = start.date_naive().to_string();
        tx.execute(
            "INSERT INTO exercise_sessions (started_at, local_date, finished_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![at(start), date, at(start + Duration::minutes(40))],
        )
        .unwrap();
        let id = tx.last_insert_rowid();
        for e in LADDER.iter().take(k / 6 + 1) {
            for set_no in 1..=3 {
                tx.execute(
                    "INSERT INTO exercise_sets (session_id, exercise_id, set_no, amount, recorded_at) VALUES (?1, ?2, ?3, 12, ?4)",
                    rusqlite::params![id, e.id, set_no, at(start)],
                )
                .unwrap();
            }
            tx.execute(
                "INSERT INTO exercise_pain (session_id, exercise_id, pain, recorded_at) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![id, e.id, pain, at(start)],
            )
            .unwrap();
        }
        if let Some(pain) = morning {
            let next = start + Duration::days(1) - Duration::hours(2);
            tx.execute(
                "INSERT INTO pain_checkins (at, local_date, context, pain, note) VALUES (?1, ?2, 'next_morning', ?3, '')",
                rusqlite::params![at(next), next.date_naive().to_string(), pain],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

/// Today, the charts and the report as `store` shows them, as the window receives them.
fn screens(store: &mut Store, now: Now) -> serde_json::Value {
    json!({
        "today": program::today(store, now).unwrap(),
        "program": program::program(store).unwrap().progress,
        "charts": report::charts(store, now, &Whole::Number(8)).unwrap(),
        "report": report::report(store, now).unwrap(),
    })
}

fn check(u: &mut Use, after: &str) -> Result<(), TestCaseError> {
    let fast = u
        .store
        .read(|tx| program::ladder_in(tx).map(|l| (*l).clone()))
        .unwrap();
    let full = u.store.read(Ladder::replayed).unwrap();
    prop_assert_eq!(
        &fast,
        &full,
        "fast path and full replay differ after {}",
        after
    );
    prop_assert_eq!(
        &full.log.sessions,
        &sessions_by_sql(&u.path),
        "the log as read, after {}",
        after
    );
    for s in &full.log.sessions {
        prop_assert_eq!(
            fast.progress_without(s.id),
            progression::progress_without(&full.log, s.id, full.rules),
            "the ladder without session {}, after {}",
            s.id,
            after
        );
    }
    let now = u.now();
    let kept = screens(&mut u.store, now);
    let mut fresh = open(&u.path);
    prop_assert_eq!(
        kept,
        screens(&mut fresh, now),
        "the screens against a fresh store, after {}",
        after
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn the_fast_ladder_equals_the_full_replay_after_every_step(
        past in history(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rehab.db");
        let clock = Utc.with_ymd_and_hms(2026, 3, 2, 7, 0, 0).unwrap();
        drop(open(&path));
        seed_history(&path, &past, clock);
        let mut u = Use {
            store: open(&path),
            path,
            folders: data_folders(dir.path()),
            clock,
            trash: Vec::new(),
            backups: Vec::new(),
        };
        check(&mut u, "opening")?;
        for (n, step) in steps.iter().enumerate() {
            u.run(step);
            check(&mut u, &format!("step {n}: {step:?}"))?;
        }
    }
}

/// The running plan is kept across a change the store dates (`running::plan_in`), which
/// is right only while it reads none of the dated tables.
#[test]
fn the_running_plan_reads_no_table_whose_changes_are_dated() {
    for table in running::PLAN_TABLES {
        assert!(
            !store::memo::DATED.iter().any(|(dated, _)| dated == table),
            "{table} is dated, and the kept running plan would outlive its changes"
        );
    }
}

/// A logged stretch changes no table the ladder is worked out from
/// (`store::memo::NOT_KEPT_FROM`): the ladder kept before it is the one read after it, not
/// a new replay of the whole log; a pain score changes it. (Fails when every write
/// forgets what is kept.)
#[test]
fn a_logged_stretch_keeps_the_ladder_and_a_pain_score_replays_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("rehab.db"));
    let now = Now::of(Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
    let ladder = |store: &mut Store| {
        store
            .read(|tx| program::ladder_in(tx))
            .unwrap()
    };
    let before = ladder(&mut store);
    program::log_stretch(&mut store, now).unwrap();
    let after = ladder(&mut store);
    assert!(
        std::sync::Arc::ptr_eq(&before, &after),
        "a stretch made the ladder be replayed again"
    );
    journal::checkin(&mut store, now, "next_morning", &Whole::Number(2), "").unwrap();
    let replayed = ladder(&mut store);
    assert!(
        !std::sync::Arc::ptr_eq(&after, &replayed),
        "a pain check-in left the ladder kept from before it"
    );
}

/// What is kept in memory does not grow with the days the app stays open: the running
/// plan is worked out for the day it is read on, and a plan kept for an earlier day is
/// never read again, so it must not stay behind (it did, one a day, across the sessions
/// and check-ins the store dates, which keep resumable values). Today still equals what
/// a freshly opened store shows, on days with a change and days without.
#[test]
fn what_is_kept_does_not_grow_with_the_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehab.db");
    let mut store = open(&path);
    let first = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let now = Now::of(first);
    start_running(&mut store, now);
    let mut most = 0;
    for day in 0..30 {
        let now = Now::of(first + Duration::days(day));
        let today = serde_json::to_value(program::today(&mut store, now).unwrap()).unwrap();
        let fresh = serde_json::to_value(program::today(&mut open(&path), now).unwrap()).unwrap();
        assert_eq!(today, fresh, "Today on day {day}");
        if day % 3 != 0 {
            journal::checkin(&mut store, now, "next_morning", &Whole::Number(1), "").unwrap();
            program::today(&mut store, now).unwrap();
        }
        most = most.max(store.kept_values());
    }
    assert!(most <= 3, "{most} values kept after 30 days of use");
}
