//! The settings row: typed read and write.

use super::{StoreError, Tx};
use crate::core::settings::{ClockTime, Settings, Theme};
use crate::core::setup::{Diagnosis, PainfulSide, SetupState};
use rusqlite::params;

pub fn load(tx: &Tx) -> Result<Settings, StoreError> {
    let bad = |what: &str| StoreError::BadRow(format!("settings.{what}"));
    let (settings, fixed, answers) = tx.conn().query_row(
        "SELECT theme, stretches_per_day, reminder_window_start, reminder_window_end,
                allowed_pain, sessions_to_progress, fixed_times, grace_minutes, snooze_minutes,
                start_at_login, painful_side, diagnosis
           FROM settings WHERE id = 1",
        [],
        |r| {
            let theme: String = r.get(0)?;
            let start: u16 = r.get(2)?;
            let end: u16 = r.get(3)?;
            Ok((
                (
                    theme,
                    r.get::<_, u8>(1)?,
                    start,
                    end,
                    r.get::<_, u8>(4)?,
                    r.get::<_, u8>(5)?,
                ),
                (
                    r.get::<_, String>(6)?,
                    r.get::<_, u16>(7)?,
                    r.get::<_, u8>(8)?,
                    r.get::<_, bool>(9)?,
                ),
                (
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, Option<String>>(11)?,
                ),
            ))
        },
    )?;
    let (theme, stretches_per_day, start, end, allowed_pain, sessions_to_progress) = settings;
    let (fixed_text, grace_minutes, snooze_minutes, start_at_login) = fixed;
    let (side, diagnosis) = answers;
    let fixed_times = fixed_text
        .split(',')
        .filter(|t| !t.is_empty())
        .map(|t| ClockTime::parse(t).ok_or_else(|| bad("fixed_times")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Settings {
        theme: Theme::parse(&theme).ok_or_else(|| bad("theme"))?,
        stretches_per_day,
        reminder_window_start: ClockTime::from_minutes(start)
            .ok_or_else(|| bad("reminder_window_start"))?,
        reminder_window_end: ClockTime::from_minutes(end)
            .ok_or_else(|| bad("reminder_window_end"))?,
        allowed_pain,
        sessions_to_progress,
        fixed_times,
        grace_minutes,
        snooze_minutes,
        start_at_login,
        painful_side: match side {
            None => None,
            Some(text) => Some(PainfulSide::parse(&text).ok_or_else(|| bad("painful_side"))?),
        },
        diagnosis: match diagnosis {
            None => None,
            Some(text) => Some(Diagnosis::parse(&text).ok_or_else(|| bad("diagnosis"))?),
        },
    })
}

pub fn save(tx: &Tx, s: &Settings) -> Result<(), StoreError> {
    let fixed: Vec<String> = s.fixed_times.iter().map(ToString::to_string).collect();
    tx.conn().execute(
        "UPDATE settings SET theme = ?1, stretches_per_day = ?2, reminder_window_start = ?3,
                reminder_window_end = ?4, allowed_pain = ?5, sessions_to_progress = ?6,
                fixed_times = ?7, grace_minutes = ?8, snooze_minutes = ?9, start_at_login = ?10,
                painful_side = ?11, diagnosis = ?12,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE id = 1",
        params![
            s.theme.as_str(),
            s.stretches_per_day,
            s.reminder_window_start.minutes(),
            s.reminder_window_end.minutes(),
            s.allowed_pain,
            s.sessions_to_progress,
            fixed.join(","),
            s.grace_minutes,
            s.snooze_minutes,
            s.start_at_login,
            s.painful_side.map(PainfulSide::as_str),
            s.diagnosis.map(Diagnosis::as_str)
        ],
    )?;
    Ok(())
}

/// Where the first-run setup stands.
pub fn setup_state(tx: &Tx) -> Result<SetupState, StoreError> {
    let text: String = tx
        .conn()
        .query_row("SELECT setup FROM settings WHERE id = 1", [], |r| r.get(0))?;
    SetupState::parse(&text).ok_or_else(|| StoreError::BadRow("settings.setup".into()))
}

pub fn set_setup_state(tx: &Tx, state: SetupState) -> Result<(), StoreError> {
    tx.conn().execute(
        "UPDATE settings SET setup = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE id = 1",
        [state.as_str()],
    )?;
    Ok(())
}
