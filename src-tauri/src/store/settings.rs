//! The settings row: typed read and write.

use super::{StoreError, Tx};
use crate::core::settings::{ClockTime, Settings, Theme};
use rusqlite::params;

pub fn load(tx: &Tx) -> Result<Settings, StoreError> {
    let row = tx.conn().query_row(
        "SELECT theme, stretches_per_day, reminder_window_start, reminder_window_end,
                allowed_pain, sessions_to_progress
           FROM settings WHERE id = 1",
        [],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u8>(1)?,
                r.get::<_, u16>(2)?,
                r.get::<_, u16>(3)?,
                r.get::<_, u8>(4)?,
                r.get::<_, u8>(5)?,
            ))
        },
    )?;
    let (theme, stretches_per_day, start, end, allowed_pain, sessions_to_progress) = row;
    let bad = |what: &str| StoreError::BadRow(format!("settings.{what}"));
    Ok(Settings {
        theme: Theme::parse(&theme).ok_or_else(|| bad("theme"))?,
        stretches_per_day,
        reminder_window_start: ClockTime::from_minutes(start)
            .ok_or_else(|| bad("reminder_window_start"))?,
        reminder_window_end: ClockTime::from_minutes(end)
            .ok_or_else(|| bad("reminder_window_end"))?,
        allowed_pain,
        sessions_to_progress,
    })
}

pub fn save(tx: &Tx, s: &Settings) -> Result<(), StoreError> {
    tx.conn().execute(
        "UPDATE settings SET theme = ?1, stretches_per_day = ?2, reminder_window_start = ?3,
                reminder_window_end = ?4, allowed_pain = ?5, sessions_to_progress = ?6,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE id = 1",
        params![
            s.theme.as_str(),
            s.stretches_per_day,
            s.reminder_window_start.minutes(),
            s.reminder_window_end.minutes(),
            s.allowed_pain,
            s.sessions_to_progress
        ],
    )?;
    Ok(())
}
