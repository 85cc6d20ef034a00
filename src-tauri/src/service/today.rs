//! What Today puts first and the last seven days at a glance: the facts gathered from
//! the store (one grouped query for the days, today's reminder plan), decided and worded
//! by `core::today`. Called by `program::today`, which adds the rest of the Today view.

use super::ServiceError;
use crate::core::dates::Now;
use crate::core::planner::Schedule;
use crate::core::running::TodayRun;
use crate::core::settings::Settings;
use crate::core::today::{self, Facts, NextUp, SessionState, WeekStrip};
use crate::store::{self, Tx};

/// The top of Today: the one thing next and the strip, with today's stretch count.
pub(crate) struct Glance {
    pub next_up: NextUp,
    pub week: WeekStrip,
    pub stretches_done: u32,
}

pub(crate) fn glance(
    tx: &Tx,
    now: Now,
    settings: &Settings,
    session: SessionState,
    run: Option<&TodayRun>,
) -> Result<Glance, ServiceError> {
    let days = store::today::days(tx, today::strip_start(now.today), now.today)?;
    let stretches_done = days
        .counts
        .iter()
        .find(|(d, _)| *d == now.today)
        .map_or(0, |(_, c)| c.stretches);
    // Read, not planned: looking at Today writes nothing (the scheduler plans the day).
    let reminders = match store::reminders::load_day(tx, now.today)? {
        Some(day) => day,
        None => Schedule::of(settings).plan_day(now.today),
    };
    let target = settings.stretches_per_day;
    let next_up = today::next_up(&Facts {
        session,
        stretches_done,
        stretch_target: target,
        reminders: &reminders,
        now: now.local,
        run,
    });
    let week = today::week_strip(
        now.today,
        &days.counts,
        days.first_use,
        target,
        run.is_some(),
    );
    Ok(Glance {
        next_up,
        week,
        stretches_done,
    })
}
