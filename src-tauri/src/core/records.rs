//! What the user logged, one struct per kind of record, as the store reads it back:
//! the journal turns these into entries (`journal::entries`) and the export into CSV
//! rows (`export`). Values are kept as stored (ids, days, RFC 3339 instants, the stored
//! words of a context, source or outcome) so both read the same thing.

use super::running::Run;
use chrono::NaiveDate;

/// An exercise session, without its sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: i64,
    pub started_at: String,
    pub date: NaiveDate,
    pub finished_at: Option<String>,
}

/// One set of an exercise in a session, with the session's day and start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetRecord {
    pub session_id: i64,
    pub date: NaiveDate,
    pub started_at: String,
    pub exercise_id: String,
    pub set_no: u8,
    /// Repetitions, or seconds for a hold.
    pub amount: u16,
    pub recorded_at: String,
}

/// The pain given for an exercise in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PainRecord {
    pub session_id: i64,
    pub date: NaiveDate,
    pub exercise_id: String,
    pub pain: u8,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinRecord {
    pub id: i64,
    pub date: NaiveDate,
    pub at: String,
    /// As stored: `during_exercise`, `next_morning`, `sitting` or `other`.
    pub context: String,
    pub pain: u8,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StretchRecord {
    pub id: i64,
    pub date: NaiveDate,
    pub done_at: String,
    /// As stored: `logged` or `reminder`.
    pub source: String,
}

/// An outcome of a stretch reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderRecord {
    pub id: i64,
    pub date: NaiveDate,
    /// Minutes after local midnight.
    pub planned: u16,
    /// As stored: `shown`, `done`, `snoozed`, `skipped`, `missed` or `not_needed`.
    pub outcome: String,
    pub catch_up: bool,
    pub at: String,
}

/// One side of one self-test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestRecord {
    pub id: i64,
    pub date: NaiveDate,
    pub test_id: String,
    pub side: String,
    pub painful: bool,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RomRecord {
    pub id: i64,
    pub date: NaiveDate,
    pub normal: bool,
    pub recorded_at: String,
}

/// A run with the time it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRecord {
    pub run: Run,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub id: i64,
    pub date: NaiveDate,
    pub at: String,
    pub text: String,
}

/// A move along the ladder by hand (steps counted from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveRecord {
    pub id: i64,
    pub date: NaiveDate,
    pub moved_at: String,
    pub from_step: usize,
    pub to_step: usize,
}

/// Everything logged of the kinds asked for (the others left empty), each list in the
/// export's order (by day first; the journal sorts its entries itself).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Logged {
    pub sessions: Vec<SessionRecord>,
    pub sets: Vec<SetRecord>,
    pub pains: Vec<PainRecord>,
    pub checkins: Vec<CheckinRecord>,
    pub stretches: Vec<StretchRecord>,
    pub reminders: Vec<ReminderRecord>,
    pub tests: Vec<TestRecord>,
    pub roms: Vec<RomRecord>,
    pub runs: Vec<RunRecord>,
    pub notes: Vec<NoteRecord>,
    pub moves: Vec<MoveRecord>,
}
