//! The program's rows: test results, range-of-motion checks, exercise sessions with their
//! sets and pain, moves along the ladder, the rule history and stretches. Typed in and
//! out; every check of meaning is in `core`, and the schema's `CHECK`s mirror it.

use super::{StoreError, Tx};
use crate::core::advice::{Advice, Advised, Change};
use crate::core::progression::{Entry, Morning, Move, RuleChange, Rules, Session};
use crate::core::protocol;
use crate::core::selftests::{RangeOfMotion, Side, TestResult};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Row};

/// UTC instant as stored: RFC 3339, milliseconds, `Z` (sorts as text).
pub fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn instant(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::BadRow(format!("a time reads \"{text}\"")))
}

pub(crate) fn day(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::BadRow(format!("a date reads \"{text}\"")))
}

/// The day in column `i`.
pub(crate) fn day_at(r: &Row, i: usize) -> Result<NaiveDate, StoreError> {
    day(&r.get::<_, String>(i)?)
}

pub(crate) fn ymd(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

// --- self-tests -------------------------------------------------------------------

pub fn insert_test_results(
    tx: &Tx,
    results: &[(&'static str, Side, bool)],
    taken_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut insert = tx.conn().prepare_cached(
        "INSERT INTO test_results (test_id, side, painful, taken_on, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (test_id, side, painful) in results {
        insert.execute(params![
            test_id,
            side.as_str(),
            painful,
            ymd(taken_on),
            stamp(now)
        ])?;
    }
    Ok(())
}

/// Every test result, oldest first.
pub fn test_results(tx: &Tx) -> Result<Vec<TestResult>, StoreError> {
    tx.rows(
        "SELECT test_id, side, painful, taken_on, recorded_at FROM test_results ORDER BY taken_on, recorded_at, id",
        [],
        |r| {
            let (test_id, side, painful, taken_on, recorded_at): (String, String, bool, String, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            Ok(TestResult {
                test_id: protocol::test(&test_id)
                    .map(|t| t.id)
                    .ok_or_else(|| StoreError::BadRow(format!("test {test_id}")))?,
                side: Side::parse(&side).ok_or_else(|| StoreError::BadRow(format!("side {side}")))?,
                painful,
                taken_on: day(&taken_on)?,
                recorded_at: instant(&recorded_at)?,
            })
        },
    )
}

pub fn insert_range_of_motion(
    tx: &Tx,
    normal: bool,
    taken_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO range_of_motion (normal, taken_on, recorded_at) VALUES (?1, ?2, ?3)",
        params![normal, ymd(taken_on), stamp(now)],
    )?;
    Ok(())
}

pub fn latest_range_of_motion(tx: &Tx) -> Result<Option<RangeOfMotion>, StoreError> {
    let row = tx
        .conn()
        .query_row(
            "SELECT normal, taken_on, recorded_at FROM range_of_motion ORDER BY taken_on DESC, recorded_at DESC, id DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, bool>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
        )
        .optional()?;
    row.map(|(normal, taken_on, recorded_at)| {
        Ok(RangeOfMotion {
            normal,
            taken_on: day(&taken_on)?,
            recorded_at: instant(&recorded_at)?,
        })
    })
    .transpose()
}

// --- exercise sessions ------------------------------------------------------------

/// A session row, without its sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionRow {
    pub id: i64,
    pub started_at: DateTime<Utc>,
    pub date: NaiveDate,
    pub finished_at: Option<DateTime<Utc>>,
}

fn session_row(r: &Row) -> rusqlite::Result<(i64, String, String, Option<String>)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn to_session_row(
    (id, started_at, date, finished_at): (i64, String, String, Option<String>),
) -> Result<SessionRow, StoreError> {
    Ok(SessionRow {
        id,
        started_at: instant(&started_at)?,
        date: day(&date)?,
        finished_at: finished_at.as_deref().map(instant).transpose()?,
    })
}

pub fn create_session(
    tx: &Tx,
    started_at: DateTime<Utc>,
    date: NaiveDate,
) -> Result<i64, StoreError> {
    tx.conn().execute(
        "INSERT INTO exercise_sessions (started_at, local_date) VALUES (?1, ?2)",
        params![stamp(started_at), ymd(date)],
    )?;
    Ok(tx.conn().last_insert_rowid())
}

pub fn session(tx: &Tx, id: i64) -> Result<Option<SessionRow>, StoreError> {
    tx.conn()
        .query_row(
            "SELECT id, started_at, local_date, finished_at FROM exercise_sessions WHERE id = ?1",
            [id],
            session_row,
        )
        .optional()?
        .map(to_session_row)
        .transpose()
}

/// The most recent session started on `date`, finished or not.
pub fn latest_session_on(tx: &Tx, date: NaiveDate) -> Result<Option<SessionRow>, StoreError> {
    tx.conn()
        .query_row(
            "SELECT id, started_at, local_date, finished_at FROM exercise_sessions
              WHERE local_date = ?1 ORDER BY started_at DESC, id DESC LIMIT 1",
            [ymd(date)],
            session_row,
        )
        .optional()?
        .map(to_session_row)
        .transpose()
}

/// Saves the next set of `exercise_id` in `session_id`; returns its number (1, 2, …).
pub fn add_set(
    tx: &Tx,
    session_id: i64,
    exercise_id: &str,
    amount: u16,
    now: DateTime<Utc>,
) -> Result<u8, StoreError> {
    let next: u8 = tx.conn().query_row(
        "SELECT coalesce(max(set_no), 0) + 1 FROM exercise_sets WHERE session_id = ?1 AND exercise_id = ?2",
        params![session_id, exercise_id],
        |r| r.get(0),
    )?;
    tx.conn().execute(
        "INSERT INTO exercise_sets (session_id, exercise_id, set_no, amount, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![session_id, exercise_id, next, amount, stamp(now)],
    )?;
    Ok(next)
}

/// Removes the last set of `exercise_id` in `session_id`; false if there was none.
pub fn remove_last_set(tx: &Tx, session_id: i64, exercise_id: &str) -> Result<bool, StoreError> {
    let removed = tx.conn().execute(
        "DELETE FROM exercise_sets WHERE session_id = ?1 AND exercise_id = ?2
            AND set_no = (SELECT max(set_no) FROM exercise_sets WHERE session_id = ?1 AND exercise_id = ?2)",
        params![session_id, exercise_id],
    )?;
    Ok(removed > 0)
}

pub fn set_pain(
    tx: &Tx,
    session_id: i64,
    exercise_id: &str,
    pain: u8,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO exercise_pain (session_id, exercise_id, pain, recorded_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (session_id, exercise_id) DO UPDATE SET pain = excluded.pain, recorded_at = excluded.recorded_at",
        params![session_id, exercise_id, pain, stamp(now)],
    )?;
    Ok(())
}

pub fn finish_session(tx: &Tx, session_id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.conn().execute(
        "UPDATE exercise_sessions SET finished_at = max(?2, started_at) WHERE id = ?1 AND finished_at IS NULL",
        params![session_id, stamp(now)],
    )?;
    Ok(())
}

/// Every session with its entries (in ladder order), oldest first.
///
/// Ten years of daily sessions are some hundred thousand set and pain rows, read again
/// after every change of the data that cannot be dated: each row goes into its session
/// (found by a binary search over the sessions in id order), with no text copied on the
/// way.
pub fn sessions(tx: &Tx) -> Result<Vec<Session>, StoreError> {
    Ok(sessions_read(tx, None)?.0)
}

/// The latest pain score given in one session (by the time it was given, then the
/// exercise highest on the ladder), as the Today screen shows the latest of them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPain {
    pub session_id: i64,
    /// The session's local day.
    pub date: NaiveDate,
    /// When it was given, as stored (RFC 3339 UTC: sorts as text).
    pub recorded_at: String,
    pub exercise: usize,
    pub pain: u8,
}

impl SessionPain {
    /// What tells the latest apart: the time given, then the session, then the exercise.
    pub fn order(&self) -> (&str, i64, usize) {
        (&self.recorded_at, self.session_id, self.exercise)
    }
}

/// Every session as [`sessions`] reads it, and each one's latest pain score; or only
/// those dated `from` or later (their local day), what a change dated from that day on
/// may have changed.
pub fn sessions_and_pain(
    tx: &Tx,
    from: Option<NaiveDate>,
) -> Result<(Vec<Session>, Vec<SessionPain>), StoreError> {
    sessions_read(tx, from)
}

fn sessions_read(
    tx: &Tx,
    from: Option<NaiveDate>,
) -> Result<(Vec<Session>, Vec<SessionPain>), StoreError> {
    let session = |r: &Row| -> Result<Session, StoreError> {
        Ok(Session {
            id: r.get(0)?,
            started_at: instant(r.get_ref(1)?.as_str().map_err(bad_text)?)?,
            date: day(r.get_ref(2)?.as_str().map_err(bad_text)?)?,
            entries: Vec::new(),
        })
    };
    let set = |r: &Row| -> Result<(i64, usize, u8, u16), StoreError> {
        Ok((r.get(0)?, exercise_at(r, 1)?, r.get(2)?, r.get(3)?))
    };
    let (mut sessions, mut sets): (Vec<Session>, Vec<(i64, usize, u8, u16)>) = match from {
        None => (
            tx.rows(
                "SELECT id, started_at, local_date FROM exercise_sessions ORDER BY id",
                [],
                session,
            )?,
            // Read in the table's own order (an ORDER BY here walks the index and looks
            // up every row: several times slower), then put in order, which the rows
            // nearly are already.
            tx.rows(
                "SELECT session_id, exercise_id, set_no, amount FROM exercise_sets",
                [],
                set,
            )?,
        ),
        // A few days: through the date index and each session's sets.
        Some(from) => (
            tx.rows(
                "SELECT id, started_at, local_date FROM exercise_sessions WHERE local_date >= ?1 ORDER BY id",
                [ymd(from)],
                session,
            )?,
            tx.rows(
                "SELECT session_id, exercise_id, set_no, amount FROM exercise_sets
                  WHERE session_id IN (SELECT id FROM exercise_sessions WHERE local_date >= ?1)",
                [ymd(from)],
                set,
            )?,
        ),
    };
    let mut last: Option<usize> = None;
    sets.sort_by_key(|&(session_id, i, set_no, _)| (session_id, i, set_no));
    // One entry's sets at a time, each list made at its length.
    for run in sets.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        if let Some(e) = entry(&mut sessions, &mut last, run[0].0, run[0].1) {
            e.sets.extend(run.iter().map(|&(.., amount)| amount));
        }
    }
    // Each session's latest pain, by its place in `sessions` (still in id order).
    let mut latest: Vec<Option<SessionPain>> = vec![None; sessions.len()];
    let mut pain = |r: &Row| -> Result<(), StoreError> {
        let (session_id, exercise, score) = (r.get(0)?, exercise_at(r, 1)?, r.get(2)?);
        if let Some(e) = entry(&mut sessions, &mut last, session_id, exercise) {
            e.pain = Some(score);
            let at = r.get_ref(3)?.as_str().map_err(bad_text)?;
            let k = last.expect("the session of the entry just found");
            let kept = &mut latest[k];
            match kept {
                Some(p) if (p.recorded_at.as_str(), p.exercise) >= (at, exercise) => {}
                Some(p) => {
                    p.recorded_at.clear();
                    p.recorded_at.push_str(at);
                    (p.exercise, p.pain) = (exercise, score);
                }
                None => {
                    *kept = Some(SessionPain {
                        session_id,
                        date: sessions[k].date,
                        recorded_at: at.to_string(),
                        exercise,
                        pain: score,
                    })
                }
            }
        }
        Ok(())
    };
    match from {
        None => tx.rows(
            "SELECT session_id, exercise_id, pain, recorded_at FROM exercise_pain",
            [],
            &mut pain,
        )?,
        Some(from) => tx.rows(
            "SELECT session_id, exercise_id, pain, recorded_at FROM exercise_pain
              WHERE session_id IN (SELECT id FROM exercise_sessions WHERE local_date >= ?1)",
            [ymd(from)],
            &mut pain,
        )?,
    };
    let latest = latest.into_iter().flatten().collect();
    for s in &mut sessions {
        s.entries.sort_by_key(|e| e.exercise);
    }
    sessions.sort_by_key(|s| (s.started_at, s.id));
    Ok((sessions, latest))
}

/// The entry of exercise `i` in session `session_id`, made on its first row; `None` for a
/// row of no session (the foreign keys allow none). `last` is the session found last:
/// rows come in session order.
fn entry<'s>(
    sessions: &'s mut [Session],
    last: &mut Option<usize>,
    session_id: i64,
    i: usize,
) -> Option<&'s mut Entry> {
    let at = match *last {
        Some(k) if sessions[k].id == session_id => k,
        _ => sessions.binary_search_by_key(&session_id, |s| s.id).ok()?,
    };
    *last = Some(at);
    let entries = &mut sessions[at].entries;
    let k = match entries.iter().position(|e| e.exercise == i) {
        Some(k) => k,
        None => {
            entries.push(Entry {
                exercise: i,
                sets: Vec::new(),
                pain: None,
            });
            entries.len() - 1
        }
    };
    Some(&mut entries[k])
}

fn bad_text(e: rusqlite::types::FromSqlError) -> StoreError {
    StoreError::BadRow(format!("a text column reads otherwise ({e})"))
}

/// The ladder index of the exercise id in column `i`.
fn exercise_at(r: &Row, i: usize) -> Result<usize, StoreError> {
    let id = r.get_ref(i)?.as_str().map_err(bad_text)?;
    protocol::exercise(id)
        .map(|(k, _)| k)
        .ok_or_else(|| StoreError::BadRow(format!("exercise {id}")))
}

// --- the ladder and its rules -----------------------------------------------------

/// The advice's three columns (`advised_on`, `advised_by`, `advice_note`): NULL and
/// empty when the change needed none.
fn advice_columns(advice: Option<&Advice>) -> (Option<String>, &str, &str) {
    match advice {
        Some(a) => (Some(ymd(a.on)), a.by.as_str(), a.note.as_str()),
        None => (None, "", ""),
    }
}

/// Stores a move by hand, with the clinician's advice it was made on, if any.
pub fn insert_move(tx: &Tx, m: &Move, advice: Option<&Advice>) -> Result<(), StoreError> {
    let (on, by, note) = advice_columns(advice);
    tx.conn().execute(
        "INSERT INTO ladder_moves (moved_at, local_date, from_step, to_step, advised_on, advised_by, advice_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![stamp(m.at), ymd(m.date), m.from as i64, m.to as i64, on, by, note],
    )?;
    Ok(())
}

pub fn moves(tx: &Tx) -> Result<Vec<Move>, StoreError> {
    tx.rows(
        "SELECT moved_at, local_date, from_step, to_step FROM ladder_moves ORDER BY moved_at, id",
        [],
        |r| {
            let (at, date, from, to): (String, String, u8, u8) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            Ok(Move {
                at: instant(&at)?,
                date: day(&date)?,
                from: usize::from(from),
                to: usize::from(to),
            })
        },
    )
}

/// Every next-morning pain check-in (the engine's morning check), oldest first.
pub fn mornings(tx: &Tx) -> Result<Vec<Morning>, StoreError> {
    Ok(mornings_by_id(tx, None)?.into_iter().map(|(_, m)| m).collect())
}

/// The next-morning check-ins with their ids, oldest first (by time, then id): every
/// one, or those dated `from` or later (their local day).
pub fn mornings_by_id(tx: &Tx, from: Option<NaiveDate>) -> Result<Vec<(i64, Morning)>, StoreError> {
    let morning = |r: &Row| -> Result<(i64, Morning), StoreError> {
        let (id, at, date, pain): (i64, String, String, u8) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        Ok((
            id,
            Morning {
                at: instant(&at)?,
                date: day(&date)?,
                pain,
            },
        ))
    };
    let context = crate::core::journal::Context::NextMorning.as_str();
    match from {
        None => tx.rows(
            "SELECT id, at, local_date, pain FROM pain_checkins WHERE context = ?1 ORDER BY at, id",
            [context],
            morning,
        ),
        Some(from) => tx.rows(
            "SELECT id, at, local_date, pain FROM pain_checkins
              WHERE local_date >= ?2 AND context = ?1 ORDER BY at, id",
            [context, &ymd(from)],
            morning,
        ),
    }
}

/// Adds rules to the history from `at` on, with the clinician's advice they were set on,
/// if any.
pub fn insert_rule_change(
    tx: &Tx,
    at: DateTime<Utc>,
    rules: Rules,
    advice: Option<&Advice>,
) -> Result<(), StoreError> {
    let (on, by, note) = advice_columns(advice);
    tx.conn().execute(
        "INSERT INTO progression_rules (effective_at, allowed_pain, sessions_to_progress, advised_on, advised_by, advice_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![stamp(at), rules.allowed_pain, rules.sessions_to_progress, on, by, note],
    )?;
    Ok(())
}

/// Every change made on a clinician's advice (rule changes and moves), in the order made.
pub fn advised_changes(tx: &Tx) -> Result<Vec<Advised>, StoreError> {
    let mut out: Vec<(String, Advised)> = Vec::new();
    let advice = |r: &Row, i: usize| -> Result<Advice, StoreError> {
        Ok(Advice {
            on: day_at(r, i)?,
            by: r.get(i + 1)?,
            note: r.get(i + 2)?,
        })
    };
    out.extend(tx.rows(
        "SELECT effective_at, allowed_pain, advised_on, advised_by, advice_note
           FROM progression_rules WHERE advised_on IS NOT NULL ORDER BY effective_at, id",
        [],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                Advised {
                    change: Change::AllowedPain { to: r.get(1)? },
                    advice: advice(r, 2)?,
                },
            ))
        },
    )?);
    out.extend(tx.rows(
        "SELECT moved_at, from_step, to_step, advised_on, advised_by, advice_note
           FROM ladder_moves WHERE advised_on IS NOT NULL ORDER BY moved_at, id",
        [],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                Advised {
                    change: Change::StepForward {
                        from: usize::from(r.get::<_, u8>(1)?),
                        to: usize::from(r.get::<_, u8>(2)?),
                    },
                    advice: advice(r, 3)?,
                },
            ))
        },
    )?);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out.into_iter().map(|(_, a)| a).collect())
}

pub fn rule_changes(tx: &Tx) -> Result<Vec<RuleChange>, StoreError> {
    tx.rows(
        "SELECT effective_at, allowed_pain, sessions_to_progress, dose_builds_up FROM progression_rules ORDER BY effective_at, id",
        [],
        |r| {
            let (at, allowed_pain, sessions_to_progress, dose_builds_up): (String, u8, u8, bool) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            Ok(RuleChange {
                at: instant(&at)?,
                rules: Rules {
                    allowed_pain,
                    sessions_to_progress,
                    dose_builds_up,
                },
            })
        },
    )
}

// --- stretches ----------------------------------------------------------------------

pub fn insert_stretch(
    tx: &Tx,
    at: DateTime<Utc>,
    date: NaiveDate,
    source: &str,
) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO stretches (done_at, local_date, source) VALUES (?1, ?2, ?3)",
        params![stamp(at), ymd(date), source],
    )?;
    Ok(())
}

