//! Reminder rows: each day's slots and their state, every outcome as an event, pauses.

use super::program::{stamp, ymd};
use super::{StoreError, Tx};
use crate::core::planner::{Day, Slot, SlotState};
use crate::core::settings::ClockTime;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{params, OptionalExtension};

const LOCAL: &str = "%Y-%m-%dT%H:%M:%S";

pub fn local(t: NaiveDateTime) -> String {
    t.format(LOCAL).to_string()
}

fn parse_local(text: &str) -> Result<NaiveDateTime, StoreError> {
    NaiveDateTime::parse_from_str(text, LOCAL)
        .map_err(|_| StoreError::BadRow(format!("a local time reads \"{text}\"")))
}

/// The day's slots as stored (empty if the day was never planned), and stretches logged by hand.
pub fn load_day(tx: &Tx, date: NaiveDate) -> Result<Option<Day>, StoreError> {
    let slots = tx.rows(
        "SELECT planned, state, shown_at, snoozed_until, catch_up FROM reminder_slots
          WHERE local_date = ?1 ORDER BY planned",
        [ymd(date)],
        |r| {
            let (planned, state, shown_at, snoozed_until, catch_up): (
                u16,
                String,
                Option<String>,
                Option<String>,
                bool,
            ) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            let time = ClockTime::from_minutes(planned)
                .ok_or_else(|| StoreError::BadRow(format!("slot at {planned}")))?;
            let state = match state.as_str() {
                "pending" => SlotState::Pending,
                "shown" => SlotState::Shown {
                    at: parse_local(shown_at.as_deref().unwrap_or(""))?,
                },
                "snoozed" => SlotState::Snoozed {
                    until: parse_local(snoozed_until.as_deref().unwrap_or(""))?,
                },
                "done" => SlotState::Done,
                "skipped" => SlotState::Skipped,
                "missed" => SlotState::Missed,
                "not_needed" => SlotState::NotNeeded,
                other => return Err(StoreError::BadRow(format!("slot state {other}"))),
            };
            Ok(Slot {
                time,
                state,
                catch_up,
            })
        },
    )?;
    if slots.is_empty() {
        return Ok(None);
    }
    Ok(Some(Day {
        date,
        slots,
        logged: logged_on(tx, date)?,
    }))
}

pub fn logged_on(tx: &Tx, date: NaiveDate) -> Result<u32, StoreError> {
    Ok(tx.conn().query_row(
        "SELECT count(*) FROM stretches WHERE local_date = ?1 AND source = 'logged'",
        [ymd(date)],
        |r| r.get(0),
    )?)
}

/// Adds pending slots at `times` (existing ones are kept as they are).
pub fn plan_slots(tx: &Tx, date: NaiveDate, times: &[ClockTime]) -> Result<(), StoreError> {
    let mut insert = tx
        .conn()
        .prepare_cached("INSERT OR IGNORE INTO reminder_slots (local_date, planned, state) VALUES (?1, ?2, 'pending')")?;
    for t in times {
        insert.execute(params![ymd(date), t.minutes()])?;
    }
    Ok(())
}

/// Drops the day's slots that have not happened yet (before planning them again).
pub fn drop_pending(tx: &Tx, date: NaiveDate) -> Result<(), StoreError> {
    tx.conn().execute(
        "DELETE FROM reminder_slots WHERE local_date = ?1 AND state = 'pending'",
        [ymd(date)],
    )?;
    Ok(())
}

/// Writes a slot's state and records the outcome as an event at `at`. A slot just
/// fired (`shown`) gets no event here: whether a notification server took it decides
/// its event, written by [`record_delivery`] once the shell knows.
pub fn save_slot(
    tx: &Tx,
    date: NaiveDate,
    slot: &Slot,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (shown_at, snoozed_until) = match slot.state {
        SlotState::Shown { at } => (Some(local(at)), None),
        SlotState::Snoozed { until } => (None, Some(local(until))),
        _ => (None, None),
    };
    tx.conn().execute(
        "UPDATE reminder_slots SET state = ?3, shown_at = coalesce(?4, shown_at), snoozed_until = ?5, catch_up = ?6
          WHERE local_date = ?1 AND planned = ?2",
        params![ymd(date), slot.time.minutes(), slot.state.as_str(), shown_at, snoozed_until, slot.catch_up],
    )?;
    if !matches!(slot.state, SlotState::Pending | SlotState::Shown { .. }) {
        tx.conn().execute(
            "INSERT INTO reminder_events (local_date, planned, outcome, catch_up, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![ymd(date), slot.time.minutes(), slot.state.as_str(), slot.catch_up, stamp(at)],
        )?;
    }
    Ok(())
}

/// How a fired reminder reached the user: `shown` (a notification server accepted it)
/// or `window` (none did; the app's window showed it). Recorded for the slot at `time`
/// on `date`, with the slot's catch-up flag.
pub fn record_delivery(
    tx: &Tx,
    date: NaiveDate,
    time: ClockTime,
    outcome: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO reminder_events (local_date, planned, outcome, catch_up, at)
         SELECT local_date, planned, ?3, catch_up, ?4 FROM reminder_slots
          WHERE local_date = ?1 AND planned = ?2",
        params![ymd(date), time.minutes(), outcome, stamp(at)],
    )?;
    Ok(())
}

/// Slots of days before `today` that never settled (the app was closed, or the reminder
/// never answered) are recorded as missed. Returns how many.
pub fn settle_earlier_days(
    tx: &Tx,
    today: NaiveDate,
    at: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let open: Vec<(String, u16, bool)> = tx.rows(
        "SELECT local_date, planned, catch_up FROM reminder_slots
          WHERE local_date < ?1 AND state IN ('pending', 'shown', 'snoozed')",
        [ymd(today)],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    for (date, planned, catch_up) in &open {
        tx.conn().execute(
            "UPDATE reminder_slots SET state = 'missed', snoozed_until = NULL WHERE local_date = ?1 AND planned = ?2",
            params![date, planned],
        )?;
        tx.conn().execute(
            "INSERT INTO reminder_events (local_date, planned, outcome, catch_up, at) VALUES (?1, ?2, 'missed', ?3, ?4)",
            params![date, planned, catch_up, stamp(at)],
        )?;
    }
    Ok(open.len())
}

/// The end of the pause in force at `now`, if any.
pub fn active_pause(tx: &Tx, now: NaiveDateTime) -> Result<Option<NaiveDateTime>, StoreError> {
    let until: Option<String> = tx
        .conn()
        .query_row(
            "SELECT until_local FROM pauses WHERE ended_at IS NULL AND until_local > ?1
              ORDER BY until_local DESC LIMIT 1",
            [local(now)],
            |r| r.get(0),
        )
        .optional()?;
    until.as_deref().map(parse_local).transpose()
}

pub fn insert_pause(
    tx: &Tx,
    at: DateTime<Utc>,
    until: NaiveDateTime,
    reason: &str,
) -> Result<(), StoreError> {
    tx.conn().execute(
        "INSERT INTO pauses (started_at, until_local, reason) VALUES (?1, ?2, ?3)",
        params![stamp(at), local(until), reason],
    )?;
    Ok(())
}

/// Ends every pause still running (the user resumed by hand).
pub fn end_pauses(tx: &Tx, at: DateTime<Utc>) -> Result<(), StoreError> {
    tx.conn().execute(
        "UPDATE pauses SET ended_at = ?1 WHERE ended_at IS NULL",
        [stamp(at)],
    )?;
    Ok(())
}
