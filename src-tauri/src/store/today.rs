//! The Today screen's days at a glance: what the log holds for each of a few days
//! (stretches, finished sessions, runs) and the first day the app was used, in one
//! grouped query over the date indexes, however long the log.

use super::program::{day, ymd};
use super::{StoreError, Tx};
use crate::core::today::DayCounts;
use chrono::NaiveDate;

/// The days from `from` to `to` that have anything logged, with their counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Days {
    pub counts: Vec<(NaiveDate, DayCounts)>,
    /// The first day anything was logged or a reminder planned, if any.
    pub first_use: Option<NaiveDate>,
}

/// One statement: each table's rows in the window, by its date index, plus one row
/// for the first day of use (each table's `min` read from its index), grouped by day.
/// The first-use row has no counts; it is the earliest row unless the window's own
/// days are all there is, and it merges into its day when inside the window. Public so
/// a test can read its query plan (every table searched through an index, none scanned).
pub const DAYS: &str = "
SELECT d, sum(s), sum(x), sum(r) FROM (
    SELECT local_date AS d, 1 AS s, 0 AS x, 0 AS r FROM stretches WHERE local_date BETWEEN ?1 AND ?2
    UNION ALL
    SELECT local_date, 0, 1, 0 FROM exercise_sessions
     WHERE local_date BETWEEN ?1 AND ?2 AND finished_at IS NOT NULL
    UNION ALL
    SELECT date, 0, 0, 1 FROM runs WHERE date BETWEEN ?1 AND ?2
    UNION ALL
    SELECT min(f), 0, 0, 0 FROM (
        SELECT min(local_date) AS f FROM stretches
        UNION ALL SELECT min(local_date) FROM exercise_sessions
        UNION ALL SELECT min(date) FROM runs
        UNION ALL SELECT min(local_date) FROM pain_checkins
        UNION ALL SELECT min(local_date) FROM reminder_slots
    )
) WHERE d IS NOT NULL GROUP BY d ORDER BY d";

pub fn days(tx: &Tx, from: NaiveDate, to: NaiveDate) -> Result<Days, StoreError> {
    let rows = tx.rows(DAYS, [ymd(from), ymd(to)], |r| {
        let (d, s, x, n): (String, u32, u32, u32) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        Ok((
            day(&d)?,
            DayCounts {
                stretches: s,
                sessions: x,
                runs: n,
            },
        ))
    })?;
    Ok(Days {
        first_use: rows.first().map(|(d, _)| *d),
        counts: rows
            .into_iter()
            .filter(|(d, _)| (from..=to).contains(d))
            .collect(),
    })
}
