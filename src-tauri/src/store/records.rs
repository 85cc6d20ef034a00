//! Every kind of record the user logged, read for a span of days, one reader per table:
//! the journal reads a range of days, the CSV export and the running plan read them all.
//! Each list comes in the export's order (by day first).

use super::program::{day_at, ymd};
use super::{StoreError, Tx};
use crate::core::journal::Kind;
use crate::core::records::{
    CheckinRecord, Logged, MoveRecord, NoteRecord, PainRecord, ReminderRecord, RomRecord,
    RunRecord, SessionRecord, SetRecord, StretchRecord, TestRecord,
};
use crate::core::running::Run;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, Row};

/// The local days a read covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Days {
    All,
    /// `from` to `to`, both included.
    Between(NaiveDate, NaiveDate),
}

/// Runs `select` over the rows whose `column` (a local day) is in `days`, in `order`.
fn read<T>(
    tx: &Tx,
    select: &str,
    column: &str,
    order: &str,
    days: Days,
    map: impl FnMut(&Row) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let (sql, bounds) = match days {
        Days::All => (format!("{select} ORDER BY {order}"), Vec::new()),
        Days::Between(from, to) => (
            format!("{select} WHERE {column} BETWEEN ?1 AND ?2 ORDER BY {order}"),
            vec![ymd(from), ymd(to)],
        ),
    };
    tx.rows(&sql, params_from_iter(bounds), map)
}

/// Everything of `kinds` logged on `days`.
pub fn logged(tx: &Tx, days: Days, kinds: &[Kind]) -> Result<Logged, StoreError> {
    let mut out = Logged::default();
    for kind in kinds {
        match kind {
            Kind::Session => {
                out.sessions = sessions(tx, days)?;
                out.sets = sets(tx, days)?;
                out.pains = pains(tx, days)?;
            }
            Kind::Checkin => out.checkins = checkins(tx, days)?,
            Kind::Stretch => out.stretches = stretches(tx, days)?,
            Kind::Reminder => out.reminders = reminders(tx, days)?,
            Kind::Test => out.tests = tests(tx, days)?,
            Kind::Rom => out.roms = roms(tx, days)?,
            Kind::Run => out.runs = runs(tx, days)?,
            Kind::Note => out.notes = notes(tx, days)?,
            Kind::Move => out.moves = moves(tx, days)?,
        }
    }
    Ok(out)
}

pub fn sessions(tx: &Tx, days: Days) -> Result<Vec<SessionRecord>, StoreError> {
    read(
        tx,
        "SELECT id, started_at, local_date, finished_at FROM exercise_sessions",
        "local_date",
        "local_date, started_at, id",
        days,
        |r| {
            Ok(SessionRecord {
                id: r.get(0)?,
                started_at: r.get(1)?,
                date: day_at(r, 2)?,
                finished_at: r.get(3)?,
            })
        },
    )
}

/// Every set, with its session's day and start.
pub fn sets(tx: &Tx, days: Days) -> Result<Vec<SetRecord>, StoreError> {
    read(
        tx,
        "SELECT s.session_id, e.local_date, e.started_at, s.exercise_id, s.set_no, s.amount, s.recorded_at
         FROM exercise_sets s JOIN exercise_sessions e ON e.id = s.session_id",
        "e.local_date",
        "e.local_date, s.session_id, s.exercise_id, s.set_no",
        days,
        |r| {
            Ok(SetRecord {
                session_id: r.get(0)?,
                date: day_at(r, 1)?,
                started_at: r.get(2)?,
                exercise_id: r.get(3)?,
                set_no: r.get(4)?,
                amount: r.get(5)?,
                recorded_at: r.get(6)?,
            })
        },
    )
}

/// The pain given for each exercise of each session, with the session's day.
pub fn pains(tx: &Tx, days: Days) -> Result<Vec<PainRecord>, StoreError> {
    read(
        tx,
        "SELECT p.session_id, e.local_date, p.exercise_id, p.pain, p.recorded_at
         FROM exercise_pain p JOIN exercise_sessions e ON e.id = p.session_id",
        "e.local_date",
        "e.local_date, p.session_id, p.exercise_id",
        days,
        |r| {
            Ok(PainRecord {
                session_id: r.get(0)?,
                date: day_at(r, 1)?,
                exercise_id: r.get(2)?,
                pain: r.get(3)?,
                recorded_at: r.get(4)?,
            })
        },
    )
}

pub fn checkins(tx: &Tx, days: Days) -> Result<Vec<CheckinRecord>, StoreError> {
    read(
        tx,
        "SELECT id, local_date, at, context, pain, note FROM pain_checkins",
        "local_date",
        "local_date, at, id",
        days,
        |r| {
            Ok(CheckinRecord {
                id: r.get(0)?,
                date: day_at(r, 1)?,
                at: r.get(2)?,
                context: r.get(3)?,
                pain: r.get(4)?,
                note: r.get(5)?,
            })
        },
    )
}

pub fn stretches(tx: &Tx, days: Days) -> Result<Vec<StretchRecord>, StoreError> {
    read(
        tx,
        "SELECT id, local_date, done_at, source FROM stretches",
        "local_date",
        "local_date, done_at, id",
        days,
        |r| {
            Ok(StretchRecord {
                id: r.get(0)?,
                date: day_at(r, 1)?,
                done_at: r.get(2)?,
                source: r.get(3)?,
            })
        },
    )
}

pub fn reminders(tx: &Tx, days: Days) -> Result<Vec<ReminderRecord>, StoreError> {
    read(
        tx,
        "SELECT id, local_date, planned, outcome, catch_up, at FROM reminder_events",
        "local_date",
        "local_date, at, id",
        days,
        |r| {
            Ok(ReminderRecord {
                id: r.get(0)?,
                date: day_at(r, 1)?,
                planned: r.get(2)?,
                outcome: r.get(3)?,
                catch_up: r.get(4)?,
                at: r.get(5)?,
            })
        },
    )
}

pub fn tests(tx: &Tx, days: Days) -> Result<Vec<TestRecord>, StoreError> {
    read(
        tx,
        "SELECT id, taken_on, test_id, side, painful, recorded_at FROM test_results",
        "taken_on",
        "taken_on, recorded_at, id",
        days,
        |r| {
            Ok(TestRecord {
                id: r.get(0)?,
                date: day_at(r, 1)?,
                test_id: r.get(2)?,
                side: r.get(3)?,
                painful: r.get(4)?,
                recorded_at: r.get(5)?,
            })
        },
    )
}

pub fn roms(tx: &Tx, days: Days) -> Result<Vec<RomRecord>, StoreError> {
    read(
        tx,
        "SELECT id, taken_on, normal, recorded_at FROM range_of_motion",
        "taken_on",
        "taken_on, id",
        days,
        |r| {
            Ok(RomRecord {
                id: r.get(0)?,
                date: day_at(r, 1)?,
                normal: r.get(2)?,
                recorded_at: r.get(3)?,
            })
        },
    )
}

/// The one reader of the `runs` table.
pub fn runs(tx: &Tx, days: Days) -> Result<Vec<RunRecord>, StoreError> {
    read(
        tx,
        "SELECT id, date, sets, minutes, pain, note, override_rule, recorded_at FROM runs",
        "date",
        "date, id",
        days,
        |r| {
            Ok(RunRecord {
                run: Run {
                    id: r.get(0)?,
                    date: day_at(r, 1)?,
                    sets: r.get(2)?,
                    minutes: r.get(3)?,
                    pain: r.get(4)?,
                    note: r.get(5)?,
                    override_rule: r.get(6)?,
                },
                recorded_at: r.get(7)?,
            })
        },
    )
}

pub fn notes(tx: &Tx, days: Days) -> Result<Vec<NoteRecord>, StoreError> {
    read(
        tx,
        "SELECT id, local_date, at, text FROM notes",
        "local_date",
        "local_date, at, id",
        days,
        |r| {
            Ok(NoteRecord {
                id: r.get(0)?,
                date: day_at(r, 1)?,
                at: r.get(2)?,
                text: r.get(3)?,
            })
        },
    )
}

pub fn moves(tx: &Tx, days: Days) -> Result<Vec<MoveRecord>, StoreError> {
    read(
        tx,
        "SELECT id, local_date, moved_at, from_step, to_step FROM ladder_moves",
        "local_date",
        "local_date, id",
        days,
        |r| {
            Ok(MoveRecord {
                id: r.get(0)?,
                date: day_at(r, 1)?,
                moved_at: r.get(2)?,
                from_step: r.get::<_, u32>(3)? as usize,
                to_step: r.get::<_, u32>(4)? as usize,
            })
        },
    )
}
