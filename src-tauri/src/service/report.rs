//! The charts (per-day series for a number of weeks) and the clinician report, in the
//! window and as a self-contained HTML file in the export folder.

use super::data::{self, Folders};
use super::ServiceError;
use crate::core::charts::{self, Charts, Inputs, Window};
use crate::core::dates::Now;
use crate::core::progression::Progress;
use crate::core::report::{self, Ladder, Report, ReportNote, RunningStatus, REPORT_WEEKS};
use crate::core::running::PlanState;
use crate::core::selftests::{self, Side};
use crate::core::{protocol, running, Whole};
use crate::store::charts::{self as rows, Daily};
use crate::store::{self, program as program_rows, Store, StoreError, Tx};
use chrono::NaiveDate;
use std::path::PathBuf;

/// The charts for the days of `window`, given the ladder's progress and the running plan
/// (both replay the whole log, so a caller that needs them too computes them once).
fn charts_in(
    tx: &Tx,
    window: Window,
    progress: &Progress,
    plan: Option<&PlanState>,
) -> Result<Charts, ServiceError> {
    let (from, to) = (window.from, window.to);
    let settings = store::settings::load(tx)?;
    let exercise = rows::by_day(tx, Daily::ExercisePain, from, to)?;
    let checkins = rows::checkin_pain_by_day(tx, from, to)?;
    let runs = rows::by_day(tx, Daily::RunPain, from, to)?;
    let stretches = rows::by_day(tx, Daily::Stretches, from, to)?;
    Ok(charts::assemble(&Inputs {
        window,
        exercise_pain: &exercise,
        checkins: &checkins,
        runs: &runs,
        stretches: &stretches,
        stretch_target: settings.stretches_per_day,
        changes: &progress.changes,
        running: plan.map(|p| p.decisions.as_slice()),
    }))
}

/// The charts for the last `weeks` weeks up to today, from the first day of use on.
pub fn charts(store: &mut Store, now: Now, weeks: &Whole) -> Result<Charts, ServiceError> {
    let weeks = charts::check_weeks(weeks)?;
    store.read(|tx| {
        let window = charts::window(now.today, weeks as i64 * 7, rows::first_day(tx)?);
        let progress = super::program::progress_in(tx)?;
        let plan = super::running::plan_in(tx, now.today)?;
        charts_in(tx, window, &progress, plan.as_ref().map(|p| &p.state))
    })
}

fn report_in(tx: &Tx, now: Now) -> Result<Report, ServiceError> {
    let first_use = rows::first_day(tx)?;
    let window = charts::window(now.today, REPORT_WEEKS * 7, first_use);
    let progress = super::program::progress_in(tx)?;
    let plan = super::running::plan_in(tx, now.today)?;
    let charts = charts_in(tx, window, &progress, plan.as_ref().map(|p| &p.state))?;
    let exercise = &protocol::LADDER[progress.level];
    let results = program_rows::test_results(tx)?;
    let rom = program_rows::latest_range_of_motion(tx)?;
    let interpretation = selftests::interpret(&results);
    let mut test_results = Vec::new();
    for test in protocol::TESTS {
        for side in Side::BOTH {
            if let Some(r) = results
                .iter()
                .filter(|r| r.test_id == test.id && r.side == side)
                .max_by_key(|r| (r.taken_on, r.recorded_at))
            {
                test_results.push(report::test_result_line(
                    test.name, side, r.painful, r.taken_on,
                ));
            }
        }
    }
    let settings = store::settings::load(tx)?;
    let counted = report::adherence_window(now.today, first_use);
    let done: u32 = rows::by_day(tx, Daily::Stretches, counted.from, counted.to)?
        .iter()
        .map(|&(_, n)| n as u32)
        .sum();
    let days = counted.days();
    let target = settings.stretches_per_day as u32 * days;
    let running = plan.map(|p| RunningStatus {
        started_on: p.state.started_on,
        week: p.state.week,
        title: running::week(p.state.week).title,
        finished: p.state.finished,
        heading: running::heading(&p.state),
        latest: p.state.latest().reason.clone(),
    });
    let notes = notes_in(tx, window.from, now.today)?;
    let advised = program_rows::advised_changes(tx)?
        .iter()
        .map(crate::core::advice::line)
        .collect();
    Ok(report::finish(Report {
        generated_on: now.today,
        ladder: Ladder {
            step: progress.level + 1,
            name: exercise.name,
            since: progress.since,
            headline: progress.decision.headline.clone(),
            reason: progress.decision.reason.clone(),
        },
        gates: selftests::gates(&results, rom.as_ref()),
        self_tests_headline: interpretation.headline,
        self_tests_positives: interpretation.positives,
        test_results,
        charts,
        adherence: report::adherence(done, target, days),
        running,
        notes,
        advised,
        painful_side: settings.painful_side,
        diagnosis: settings.diagnosis,
        texts: Default::default(),
    }))
}

/// The user's notes in the period: free notes, and notes on check-ins and runs.
fn notes_in(tx: &Tx, from: NaiveDate, to: NaiveDate) -> Result<Vec<ReportNote>, StoreError> {
    let logged = store::records::logged(
        tx,
        store::records::Days::Between(from, to),
        &[
            crate::core::journal::Kind::Note,
            crate::core::journal::Kind::Checkin,
            crate::core::journal::Kind::Run,
        ],
    )?;
    let entries = crate::core::journal::entries(logged);
    let mut notes: Vec<ReportNote> = entries
        .into_iter()
        .filter_map(|e| {
            let source = report::note_source(e.kind);
            e.note.filter(|n| !n.is_empty()).map(|text| ReportNote {
                date: e.date,
                source,
                text,
            })
        })
        .collect();
    notes.reverse(); // oldest first on paper
    Ok(notes)
}

pub fn report(store: &mut Store, now: Now) -> Result<Report, ServiceError> {
    store.read(|tx| report_in(tx, now))
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SavedReport {
    pub path: PathBuf,
    pub folder: PathBuf,
}

/// Writes the report as one self-contained HTML file into the export folder.
pub fn save_report(
    store: &mut Store,
    now: Now,
    folders: &Folders,
) -> Result<SavedReport, ServiceError> {
    let html = report::render_html(&report(store, now)?);
    let folder = data::view(store, folders)?.export_folder;
    let path = folder.join(format!("rehab-report-{}.html", now.today));
    let io = |action: &'static str, path: PathBuf| {
        move |source| {
            ServiceError::Store(StoreError::Io {
                action,
                path,
                source,
            })
        }
    };
    std::fs::create_dir_all(&folder)
        .map_err(io("could not create the export folder", folder.clone()))?;
    let partial = path.with_extension("html.partial");
    std::fs::write(&partial, html).map_err(io("could not write", partial.clone()))?;
    std::fs::rename(&partial, &path).map_err(io("could not name", path.clone()))?;
    Ok(SavedReport { path, folder })
}
