//! The charts' data, day by day, and their text summaries (for screen readers and the
//! report), over a period fitted to the data (`window`: never before the first day of
//! use). Pure: per-day figures come in, aligned series and sentences go out.

use super::progression::Change;
use super::protocol::LADDER;
use super::running::Decision;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

/// One line of the pain chart: a value (0–10) or nothing for each day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Series {
    pub key: &'static str,
    pub label: &'static str,
    pub values: Vec<Option<u8>>,
}

/// A step change on the ladder, to mark on the pain chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepMark {
    pub date: NaiveDate,
    pub step: usize,
    pub name: &'static str,
    pub by_hand: bool,
}

/// A period the charts can show: the last `weeks` weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub weeks: u16,
    pub label: &'static str,
}

pub const PERIODS: [Period; 4] = [
    Period {
        weeks: 4,
        label: "Last 4 weeks",
    },
    Period {
        weeks: 8,
        label: "Last 8 weeks",
    },
    Period {
        weeks: 26,
        label: "Last 6 months",
    },
    Period {
        weeks: 52,
        label: "Last year",
    },
];
/// The period the Journal shows first.
pub const DEFAULT_WEEKS: u16 = 8;
/// The periods a caller may ask for.
pub const MIN_WEEKS: u16 = 1;
pub const MAX_WEEKS: u16 = 520;

/// The days a chart or a count covers: the last `days` days up to `today`, but never
/// before the first day of use (the app's own choice: a day before anything was logged
/// holds nothing, and counted it would read as a day missed, "met on 0 of 56 days" in a
/// first week). With nothing logged yet, today alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Whether the first day of use cut the period short.
    pub fitted: bool,
}

impl Window {
    /// The number of days, both ends counted.
    pub fn days(&self) -> u32 {
        ((self.to - self.from).num_days() + 1).max(1) as u32
    }
}

/// The window of the last `days` days up to `today` from `first_use` on (see [`Window`]).
/// A first day after today (a clock set back) counts as today.
pub fn window(today: NaiveDate, days: i64, first_use: Option<NaiveDate>) -> Window {
    let start = today - Duration::days(days.max(1) - 1);
    let first = first_use.unwrap_or(today).min(today);
    Window {
        from: start.max(first),
        to: today,
        fitted: first > start,
    }
}

/// The line under the period's choice when the first day of use cut it short.
pub fn fitted_line(w: &Window) -> Option<String> {
    w.fitted.then(|| {
        format!(
            "Shown from {}, the first day anything was logged.",
            super::dates::friendly(w.from)
        )
    })
}

/// The number of weeks a caller asked the charts for.
pub fn check_weeks(weeks: &super::Whole) -> Result<u16, super::InvalidInput> {
    weeks.within(MIN_WEEKS..=MAX_WEEKS).ok_or_else(|| {
        super::InvalidInput::new(
            "weeks",
            format!("Weeks must be a whole number from {MIN_WEEKS} to {MAX_WEEKS} (got {weeks})."),
        )
    })
}

/// A chart's title and the range of its vertical axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    pub title: String,
    pub min: f64,
    pub max: f64,
}

/// The axes of the pain, ladder and running charts (the stretch chart's follows its data).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axes {
    pub pain: Axis,
    pub ladder: Axis,
    pub running: Axis,
}

pub fn axes() -> Axes {
    let pain = super::pain::SCALE;
    let steps = LADDER.len();
    let weeks = super::running::WEEKS;
    Axes {
        pain: Axis {
            title: format!("Pain ({}–{})", pain.min, pain.max),
            min: pain.min as f64,
            max: pain.max as f64,
        },
        // Steps and weeks are whole: half a unit of room above and below.
        ladder: Axis {
            title: format!("Ladder step (1–{steps})"),
            min: 0.5,
            max: steps as f64 + 0.5,
        },
        running: Axis {
            title: format!("Running plan week (1–{weeks})"),
            min: 0.5,
            max: weeks as f64 + 0.5,
        },
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Charts {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "Shown from …, the first day anything was logged." when the period was cut short.
    pub fitted: Option<String>,
    pub days: Vec<NaiveDate>,
    pub pain: Vec<Series>,
    pub steps: Vec<StepMark>,
    /// The ladder step (1–7) on each day.
    pub ladder: Vec<u8>,
    pub stretches: Vec<u8>,
    pub stretch_target: u8,
    /// The running plan's week (1–8) on each day, once it started.
    pub running_week: Vec<Option<u8>>,
    pub summary: Summary,
    pub axes: Axes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub pain: String,
    pub stretches: String,
    pub ladder: String,
    pub running: String,
}

/// Every input the charts need for the days of `window`.
pub struct Inputs<'a> {
    pub window: Window,
    pub exercise_pain: &'a [(NaiveDate, u8)],
    /// (day, context, pain)
    pub checkins: &'a [(NaiveDate, String, u8)],
    pub runs: &'a [(NaiveDate, u8)],
    pub stretches: &'a [(NaiveDate, u8)],
    pub stretch_target: u8,
    pub changes: &'a [Change],
    pub running: Option<&'a [Decision]>,
}

pub const PAIN_SERIES: [(&str, &str); 5] = [
    ("exercise", "After exercises"),
    ("during_exercise", "Check-in: during exercise"),
    ("next_morning", "Check-in: next morning"),
    ("sitting", "Check-in: sitting"),
    ("run", "Runs"),
];

pub fn assemble(i: &Inputs) -> Charts {
    let from = i.window.from;
    let n = i.window.days() as usize;
    let days: Vec<NaiveDate> = (0..n).map(|k| from + Duration::days(k as i64)).collect();
    let index = |d: NaiveDate| -> Option<usize> {
        let k = (d - from).num_days();
        (0..n as i64).contains(&k).then_some(k as usize)
    };
    let mut pain: Vec<Series> = PAIN_SERIES
        .iter()
        .map(|(key, label)| Series {
            key,
            label,
            values: vec![None; n],
        })
        .collect();
    let mut put = |series: usize, d: NaiveDate, v: u8| {
        if let Some(k) = index(d) {
            let slot = &mut pain[series].values[k];
            *slot = Some(slot.map_or(v, |old| old.max(v)));
        }
    };
    for &(d, v) in i.exercise_pain {
        put(0, d, v);
    }
    for (d, context, v) in i.checkins {
        let s = match context.as_str() {
            "during_exercise" => 1,
            "next_morning" => 2,
            "sitting" => 3,
            _ => 2,
        };
        put(s, *d, *v);
    }
    for &(d, v) in i.runs {
        put(4, d, v);
    }
    let mut stretches = vec![0u8; n];
    for &(d, v) in i.stretches {
        if let Some(k) = index(d) {
            stretches[k] = v;
        }
    }
    // The ladder: the step on each day, from the changes in date order.
    let mut ladder = vec![1u8; n];
    let mut level = 0usize;
    let mut changes: Vec<&Change> = i.changes.iter().collect();
    changes.sort_by_key(|c| c.date);
    let mut next = 0;
    for (k, d) in days.iter().enumerate() {
        while next < changes.len() && changes[next].date <= *d {
            level = changes[next].to;
            next += 1;
        }
        ladder[k] = (level + 1) as u8;
    }
    let steps = changes
        .iter()
        .filter(|c| index(c.date).is_some())
        .map(|c| StepMark {
            date: c.date,
            step: c.to + 1,
            name: LADDER.get(c.to).map(|e| e.name).unwrap_or("?"),
            by_hand: c.by_hand,
        })
        .collect();
    let mut running_week = vec![None; n];
    if let Some(decisions) = i.running {
        let mut sorted: Vec<&Decision> = decisions.iter().collect();
        sorted.sort_by_key(|d| d.date);
        for (k, d) in days.iter().enumerate() {
            running_week[k] = sorted.iter().rev().find(|x| x.date <= *d).map(|x| x.week);
        }
    }
    let summary = summarise(
        &days,
        &pain,
        &stretches,
        i.stretch_target,
        &ladder,
        &running_week,
    );
    Charts {
        from,
        to: i.window.to,
        fitted: fitted_line(&i.window),
        days,
        pain,
        steps,
        ladder,
        stretches,
        stretch_target: i.stretch_target,
        running_week,
        summary,
        axes: axes(),
    }
}

fn summarise(
    days: &[NaiveDate],
    pain: &[Series],
    stretches: &[u8],
    target: u8,
    ladder: &[u8],
    running: &[Option<u8>],
) -> Summary {
    let span = format!(
        "{} to {}",
        super::dates::friendly(days[0]),
        super::dates::friendly(*days.last().unwrap_or(&days[0]))
    );
    let all: Vec<(usize, u8)> = pain
        .iter()
        .flat_map(|s| {
            s.values
                .iter()
                .enumerate()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
        })
        .collect();
    let pain_text = if all.is_empty() {
        format!("No pain scores from {span}.")
    } else {
        let (peak_day, peak) = all
            .iter()
            .copied()
            .max_by_key(|&(k, v)| (v, std::cmp::Reverse(k)))
            .unwrap_or((0, 0));
        let latest_day = all.iter().map(|&(k, _)| k).max().unwrap_or(0);
        let latest = all
            .iter()
            .filter(|&&(k, _)| k == latest_day)
            .map(|&(_, v)| v)
            .max()
            .unwrap_or(0);
        let mean = all.iter().map(|&(_, v)| v as f64).sum::<f64>() / all.len() as f64;
        format!(
            "{} pain scores from {span}: highest {peak}/10 on {}, average {mean:.1}/10, latest {latest}/10 on {}.",
            all.len(),
            super::dates::friendly(days[peak_day]),
            super::dates::friendly(days[latest_day])
        )
    };
    let done: u32 = stretches.iter().map(|&v| v as u32).sum();
    let goal = target as u32 * stretches.len() as u32;
    let met = stretches.iter().filter(|&&v| v >= target).count();
    let stretch_text = format!(
        "{done} stretches of a target of {goal} ({}%) from {span}; the daily target of {target} was met on {met} of {} days.",
        (done * 100).checked_div(goal).unwrap_or(0),
        stretches.len()
    );
    let first = ladder.first().copied().unwrap_or(1);
    let last = ladder.last().copied().unwrap_or(1);
    let ladder_text = if first == last {
        format!("On step {last} of 7 throughout, {span}.")
    } else {
        format!("From step {first} to step {last} of 7, {span}.")
    };
    let running_text = match running.iter().flatten().last() {
        None => "The running plan has not started in this period.".to_string(),
        Some(w) => format!("Running plan: week {w} of 8 at the end of the period."),
    };
    Summary {
        pain: pain_text,
        stretches: stretch_text,
        ladder: ladder_text,
        running: running_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + Duration::days(n)
    }

    #[test]
    fn series_line_up_with_the_days_and_take_each_days_highest() {
        let checkins = vec![
            (d(1), "sitting".to_string(), 2),
            (d(1), "sitting".to_string(), 5),
            (d(2), "next_morning".to_string(), 1),
        ];
        let changes = vec![Change {
            date: d(3),
            from: 0,
            to: 1,
            by_hand: false,
        }];
        let c = assemble(&Inputs {
            window: window(d(6), 7, Some(d(0))),
            exercise_pain: &[(d(0), 1), (d(9), 8)],
            checkins: &checkins,
            runs: &[(d(4), 3)],
            stretches: &[(d(0), 4), (d(1), 2)],
            stretch_target: 4,
            changes: &changes,
            running: None,
        });
        assert_eq!(c.days.len(), 7);
        assert_eq!(
            c.pain[0].values,
            vec![Some(1), None, None, None, None, None, None],
            "a day outside the range is left out"
        );
        assert_eq!(c.pain[3].values[1], Some(5));
        assert_eq!(c.pain[2].values[2], Some(1));
        assert_eq!(c.pain[4].values[4], Some(3));
        assert_eq!(c.ladder, vec![1, 1, 1, 2, 2, 2, 2]);
        assert_eq!(c.steps.len(), 1);
        assert_eq!(c.stretches, vec![4, 2, 0, 0, 0, 0, 0]);
        assert!(
            c.summary
                .stretches
                .starts_with("6 stretches of a target of 28 (21%)"),
            "{}",
            c.summary.stretches
        );
        assert!(
            c.summary.pain.contains("highest 5/10 on Mon 2 Mar 2026"),
            "{}",
            c.summary.pain
        );
        assert!(
            c.summary.ladder.starts_with("From step 1 to step 2"),
            "{}",
            c.summary.ladder
        );
    }

    #[test]
    fn an_empty_period_says_so() {
        let c = assemble(&Inputs {
            window: window(d(0), 56, None),
            exercise_pain: &[],
            checkins: &[],
            runs: &[],
            stretches: &[],
            stretch_target: 3,
            changes: &[],
            running: None,
        });
        assert!(c.summary.pain.starts_with("No pain scores"));
        assert!(c.summary.running.contains("not started"));
        assert_eq!(c.days, vec![d(0)], "nothing logged yet: today alone");
    }

    #[test]
    fn a_window_starts_at_the_first_day_of_use_and_never_after_today() {
        let today = d(60);
        // Used for years: the whole period.
        let w = window(today, 56, Some(d(-400)));
        assert_eq!((w.from, w.to, w.days(), w.fitted), (d(5), today, 56, false));
        assert_eq!(fitted_line(&w), None);
        // The period's first day is the first day of use: not cut short.
        assert!(!window(today, 56, Some(d(5))).fitted);
        // Started a week ago: that week only.
        let w = window(today, 56, Some(d(54)));
        assert_eq!((w.from, w.days(), w.fitted), (d(54), 7, true));
        assert_eq!(
            fitted_line(&w).as_deref(),
            Some("Shown from Fri 24 Apr 2026, the first day anything was logged.")
        );
        // Started today, or nothing logged yet, or a first day after today (a clock set
        // back): today alone.
        for first in [Some(today), None, Some(d(70))] {
            let w = window(today, 56, first);
            assert_eq!((w.from, w.to, w.days()), (today, today, 1), "{first:?}");
        }
        // A period of one day, or a nonsense one, is today.
        assert_eq!(window(today, 1, Some(d(0))).days(), 1);
        assert_eq!(window(today, 0, Some(d(0))).days(), 1);
    }

    #[test]
    fn adherence_in_a_first_week_counts_only_the_days_of_use() {
        // Three days of use, the target met on two: "met on 2 of 3 days", not "of 56".
        let c = assemble(&Inputs {
            window: window(d(2), 56, Some(d(0))),
            exercise_pain: &[],
            checkins: &[],
            runs: &[],
            stretches: &[(d(0), 4), (d(1), 1), (d(2), 4)],
            stretch_target: 4,
            changes: &[],
            running: None,
        });
        assert_eq!(c.days.len(), 3);
        assert_eq!(c.stretches, vec![4, 1, 4]);
        assert!(
            c.summary
                .stretches
                .ends_with("the daily target of 4 was met on 2 of 3 days."),
            "{}",
            c.summary.stretches
        );
        assert!(c
            .summary
            .stretches
            .starts_with("9 stretches of a target of 12 (75%)"));
        assert!(c.fitted.is_some());
    }
}
