//! The CSV export as rules: one file per kind of record, its name, its header and the
//! cells of each record (in header order). The service writes them, each cell made safe
//! by [`super::files::csv_safe_cell`].

use super::protocol::{self, Measure};
use super::records::{
    CheckinRecord, MoveRecord, NoteRecord, PainRecord, ReminderRecord, RomRecord, RunRecord,
    SetRecord, StretchRecord, TestRecord,
};

/// A record that is one row of one CSV file.
pub trait CsvRow {
    const FILE: &'static str;
    const HEADER: &'static [&'static str];
    fn cells(&self) -> Vec<String>;
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(T::to_string).unwrap_or_default()
}

/// The unit of an exercise's amount: seconds for a hold, repetitions otherwise.
fn unit(exercise_id: &str) -> &'static str {
    match protocol::exercise(exercise_id).map(|(_, e)| e.measure) {
        Some(Measure::Hold) => "seconds",
        Some(Measure::Reps) | None => "repetitions",
    }
}

impl CsvRow for SetRecord {
    const FILE: &'static str = "exercise_sets.csv";
    const HEADER: &'static [&'static str] = &[
        "session_id",
        "date",
        "started_at",
        "exercise_id",
        "set_no",
        "amount",
        "unit",
        "recorded_at",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.session_id.to_string(),
            self.date.to_string(),
            self.started_at.clone(),
            self.exercise_id.clone(),
            self.set_no.to_string(),
            self.amount.to_string(),
            unit(&self.exercise_id).to_string(),
            self.recorded_at.clone(),
        ]
    }
}

impl CsvRow for PainRecord {
    const FILE: &'static str = "exercise_pain.csv";
    const HEADER: &'static [&'static str] =
        &["session_id", "date", "exercise_id", "pain", "recorded_at"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.session_id.to_string(),
            self.date.to_string(),
            self.exercise_id.clone(),
            self.pain.to_string(),
            self.recorded_at.clone(),
        ]
    }
}

impl CsvRow for CheckinRecord {
    const FILE: &'static str = "pain_checkins.csv";
    const HEADER: &'static [&'static str] = &["id", "date", "at", "context", "pain", "note"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.date.to_string(),
            self.at.clone(),
            self.context.clone(),
            self.pain.to_string(),
            self.note.clone(),
        ]
    }
}

impl CsvRow for StretchRecord {
    const FILE: &'static str = "stretches.csv";
    const HEADER: &'static [&'static str] = &["id", "date", "done_at", "source"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.date.to_string(),
            self.done_at.clone(),
            self.source.clone(),
        ]
    }
}

impl CsvRow for ReminderRecord {
    const FILE: &'static str = "reminders.csv";
    const HEADER: &'static [&'static str] = &["id", "date", "planned", "outcome", "catch_up", "at"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.date.to_string(),
            format!("{:02}:{:02}", self.planned / 60, self.planned % 60),
            self.outcome.clone(),
            u8::from(self.catch_up).to_string(),
            self.at.clone(),
        ]
    }
}

impl CsvRow for TestRecord {
    const FILE: &'static str = "test_results.csv";
    const HEADER: &'static [&'static str] =
        &["id", "date", "test_id", "side", "result", "recorded_at"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.date.to_string(),
            self.test_id.clone(),
            self.side.clone(),
            if self.painful { "pain" } else { "no pain" }.to_string(),
            self.recorded_at.clone(),
        ]
    }
}

impl CsvRow for RomRecord {
    const FILE: &'static str = "range_of_motion.csv";
    const HEADER: &'static [&'static str] = &["id", "date", "normal", "recorded_at"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.date.to_string(),
            if self.normal { "yes" } else { "no" }.to_string(),
            self.recorded_at.clone(),
        ]
    }
}

impl CsvRow for RunRecord {
    const FILE: &'static str = "runs.csv";
    const HEADER: &'static [&'static str] = &[
        "id",
        "date",
        "walk_jog_sets",
        "minutes",
        "pain",
        "note",
        "override_rule",
        "recorded_at",
    ];
    fn cells(&self) -> Vec<String> {
        let run = &self.run;
        vec![
            run.id.to_string(),
            run.date.to_string(),
            opt(&run.sets),
            opt(&run.minutes),
            run.pain.to_string(),
            run.note.clone(),
            opt(&run.override_rule),
            self.recorded_at.clone(),
        ]
    }
}

impl CsvRow for NoteRecord {
    const FILE: &'static str = "notes.csv";
    const HEADER: &'static [&'static str] = &["id", "date", "at", "text"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.date.to_string(),
            self.at.clone(),
            self.text.clone(),
        ]
    }
}

/// Steps are counted from 1 in the file, as the user sees them.
impl CsvRow for MoveRecord {
    const FILE: &'static str = "ladder_moves.csv";
    const HEADER: &'static [&'static str] = &["id", "date", "moved_at", "from_step", "to_step"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.date.to_string(),
            self.moved_at.clone(),
            (self.from_step + 1).to_string(),
            (self.to_step + 1).to_string(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hold_is_timed_in_seconds_and_everything_else_counted() {
        assert_eq!(unit("front_plank"), "seconds");
        assert_eq!(unit("glute_bridge"), "repetitions");
        assert_eq!(unit("no_such_exercise"), "repetitions");
        for e in protocol::LADDER {
            let timed = e.measure == Measure::Hold;
            assert_eq!(unit(e.id) == "seconds", timed, "{}", e.id);
        }
    }

    #[test]
    fn every_row_has_a_cell_per_header_column() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let reminder = ReminderRecord {
            id: 1,
            date,
            planned: 8 * 60 + 5,
            outcome: "done".into(),
            catch_up: true,
            at: "2026-03-02T08:06:00.000Z".into(),
        };
        assert_eq!(reminder.cells().len(), ReminderRecord::HEADER.len());
        assert_eq!(reminder.cells()[2], "08:05");
        assert_eq!(reminder.cells()[4], "1");
        let ladder = MoveRecord {
            id: 2,
            date,
            moved_at: "2026-03-02T08:00:00.000Z".into(),
            from_step: 0,
            to_step: 1,
        };
        assert_eq!(ladder.cells()[3..], ["1", "2"]);
        assert_eq!(ladder.cells().len(), MoveRecord::HEADER.len());
    }
}
