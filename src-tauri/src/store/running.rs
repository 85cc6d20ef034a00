//! The return to running's rows: the plan's start day, the runs, the week 5–8 targets.

use super::program::{day, stamp, ymd};
use super::records::{self, Days};
use super::{StoreError, Tx};
use crate::core::running::{Focus, Run, Target};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};

pub fn started_on(tx: &Tx) -> Result<Option<NaiveDate>, StoreError> {
    let text: Option<String> = tx
        .conn()
        .query_row(
            "SELECT started_on FROM running_plan WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    text.map(|t| day(&t)).transpose()
}

/// Starts the plan on `date` (or starts it again from week 1).
pub fn start(tx: &Tx, date: NaiveDate, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO running_plan (id, started_on, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET started_on = excluded.started_on, updated_at = excluded.updated_at",
        params![ymd(date), stamp(now)],
    )?;
    Ok(())
}

pub fn insert_run(tx: &Tx, run: &Run, now: DateTime<Utc>) -> Result<i64, StoreError> {
    tx.conn().execute(
        "INSERT INTO runs (date, sets, minutes, pain, note, override_rule, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            ymd(run.date),
            run.sets,
            run.minutes,
            run.pain,
            run.note,
            run.override_rule,
            stamp(now)
        ],
    )?;
    Ok(tx.conn().last_insert_rowid())
}

/// Every run, oldest first.
pub fn runs(tx: &Tx) -> Result<Vec<Run>, StoreError> {
    Ok(records::runs(tx, Days::All)?
        .into_iter()
        .map(|r| r.run)
        .collect())
}

pub fn set_target(tx: &Tx, target: &Target, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO running_targets (week, minutes, focus, set_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (week) DO UPDATE SET minutes = excluded.minutes, focus = excluded.focus, set_at = excluded.set_at",
        params![target.week, target.minutes, target.focus.as_str(), stamp(now)],
    )?;
    Ok(())
}

pub fn targets(tx: &Tx) -> Result<Vec<Target>, StoreError> {
    tx.rows(
        "SELECT week, minutes, focus FROM running_targets ORDER BY week",
        [],
        |r| {
            let (week, minutes, focus): (u8, u16, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let focus = Focus::parse(&focus).ok_or_else(|| {
                StoreError::BadRow(format!("a run target's focus reads \"{focus}\""))
            })?;
            Ok(Target {
                week,
                minutes,
                focus,
            })
        },
    )
}
