//! Per-day figures for the charts and the report, read with one grouped query each
//! (indexed by date, so ten years of use stays quick).

use super::program::{day, ymd};
use super::{StoreError, Tx};
use chrono::NaiveDate;

/// A figure with at most one value a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Daily {
    /// The highest exercise pain that day.
    ExercisePain,
    /// The highest run pain that day.
    RunPain,
    /// Stretches done that day.
    Stretches,
}

/// (day, `figure` that day) for each day from `from` to `to` that has one.
pub fn by_day(
    tx: &Tx,
    figure: Daily,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, u8)>, StoreError> {
    let sql = match figure {
        Daily::ExercisePain => {
            "SELECT e.local_date, max(p.pain) FROM exercise_pain p JOIN exercise_sessions e ON e.id = p.session_id
             WHERE e.local_date BETWEEN ?1 AND ?2 GROUP BY e.local_date ORDER BY e.local_date"
        }
        Daily::RunPain => {
            "SELECT date, max(pain) FROM runs WHERE date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date"
        }
        Daily::Stretches => {
            "SELECT local_date, min(count(*), 255) FROM stretches WHERE local_date BETWEEN ?1 AND ?2 GROUP BY local_date ORDER BY local_date"
        }
    };
    tx.rows(sql, [ymd(from), ymd(to)], |r| {
        let (d, v): (String, u8) = (r.get(0)?, r.get(1)?);
        Ok((day(&d)?, v))
    })
}

/// (day, context, highest check-in pain of that context that day).
pub fn checkin_pain_by_day(
    tx: &Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, String, u8)>, StoreError> {
    tx.rows(
        "SELECT local_date, context, max(pain) FROM pain_checkins WHERE local_date BETWEEN ?1 AND ?2
         GROUP BY local_date, context ORDER BY local_date",
        [ymd(from), ymd(to)],
        |r| {
            let (d, c, p): (String, String, u8) = (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok((day(&d)?, c, p))
        },
    )
}

/// The first day of use: the first day anything was recorded (a session, a stretch, a
/// check-in, a reminder shown or missed, a test, a range of motion, a run, a note or a
/// move on the ladder), if any. Each is the smallest of a date index.
pub fn first_day(tx: &Tx) -> Result<Option<NaiveDate>, StoreError> {
    let text: Option<String> = tx.conn().query_row(
        "SELECT min(d) FROM (SELECT min(local_date) AS d FROM exercise_sessions UNION ALL SELECT min(local_date) FROM stretches
         UNION ALL SELECT min(local_date) FROM pain_checkins UNION ALL SELECT min(local_date) FROM reminder_events
         UNION ALL SELECT min(taken_on) FROM test_results UNION ALL SELECT min(taken_on) FROM range_of_motion
         UNION ALL SELECT min(date) FROM runs UNION ALL SELECT min(local_date) FROM notes
         UNION ALL SELECT min(local_date) FROM ladder_moves)",
        [],
        |r| r.get(0),
    )?;
    text.map(|t| day(&t)).transpose()
}
