//! Per-day figures for the charts and the report, read with one grouped query each
//! (indexed by date, so ten years of use stays quick).

use super::program::{day, ymd};
use super::{StoreError, Tx};
use chrono::NaiveDate;

/// (day, highest exercise pain that day).
pub fn exercise_pain_by_day(
    tx: &Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, u8)>, StoreError> {
    pairs(
        tx,
        "SELECT e.local_date, max(p.pain) FROM exercise_pain p JOIN exercise_sessions e ON e.id = p.session_id
         WHERE e.local_date BETWEEN ?1 AND ?2 GROUP BY e.local_date ORDER BY e.local_date",
        from,
        to,
    )
}

/// (day, context, highest check-in pain of that context that day).
pub fn checkin_pain_by_day(
    tx: &Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, String, u8)>, StoreError> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT local_date, context, max(pain) FROM pain_checkins WHERE local_date BETWEEN ?1 AND ?2
         GROUP BY local_date, context ORDER BY local_date",
    )?;
    let rows = stmt.query_map([ymd(from), ymd(to)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u8>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, c, p) = row?;
        out.push((day(&d)?, c, p));
    }
    Ok(out)
}

/// (day, highest run pain that day).
pub fn run_pain_by_day(
    tx: &Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, u8)>, StoreError> {
    pairs(
        tx,
        "SELECT date, max(pain) FROM runs WHERE date BETWEEN ?1 AND ?2 GROUP BY date ORDER BY date",
        from,
        to,
    )
}

/// (day, stretches done that day).
pub fn stretches_by_day(
    tx: &Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, u8)>, StoreError> {
    pairs(
        tx,
        "SELECT local_date, min(count(*), 255) FROM stretches WHERE local_date BETWEEN ?1 AND ?2 GROUP BY local_date ORDER BY local_date",
        from,
        to,
    )
}

/// The first day anything was logged (a session, a stretch or a check-in), if any.
pub fn first_day(tx: &Tx) -> Result<Option<NaiveDate>, StoreError> {
    let text: Option<String> = tx.conn().query_row(
        "SELECT min(d) FROM (SELECT min(local_date) AS d FROM exercise_sessions UNION ALL SELECT min(local_date) FROM stretches
         UNION ALL SELECT min(local_date) FROM pain_checkins)",
        [],
        |r| r.get(0),
    )?;
    text.map(|t| day(&t)).transpose()
}

fn pairs(
    tx: &Tx,
    sql: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, u8)>, StoreError> {
    let mut stmt = tx.conn().prepare_cached(sql)?;
    let rows = stmt.query_map([ymd(from), ymd(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, v) = row?;
        out.push((day(&d)?, v));
    }
    Ok(out)
}
