//! Values worked out from the data, kept in memory while the data is unchanged, so that
//! ten years of log are replayed once per change rather than on every screen. Nothing
//! here is written to the database: a memo is a copy in memory, thrown away as soon as
//! anything may have changed the rows it came from, and worked out again from them.
//!
//! "Unchanged" is the store's to say, because only the store sees every way the data can
//! change. A memo is kept for one [`Version`], the triple of
//! - SQLite's `PRAGMA data_version`, which moves when any other connection (another
//!   process, a tool, a test) commits to the file;
//! - the connection's own count of changed rows in the tables values are worked out from:
//!   temporary triggers (the connection's own, never in the file) count every row this
//!   connection inserts, updates or deletes in any table but those in [`NOT_KEPT_FROM`],
//!   inside a transaction too, so a write that changes the log and then reads it sees its
//!   own change, while a logged stretch or a reminder's event leaves the ladder kept;
//! - the store's own generation, moved by [`Memo::forget`] when a transaction is rolled
//!   back (its rows are gone but the count does not go back) and when a restore
//!   copies a backup in through the backup API (pages, not rows: neither counter moves).
//!
//! A change that moves none of the three changes no row a kept value was worked out
//! from, so the memo still holds. The property test `tests/ladder.rs` checks it.
//!
//! A value may instead be kept *resumable* (`Tx::memo_resumed`, the ladder): across this
//! connection's own changes it stays, with the earliest day they touched, so the next
//! read brings it up to date from that day on instead of working it out afresh. The same
//! triggers date every change: the earliest of the old and the new row's days ([`DATED`]:
//! the local day and the UTC day of its instant; a set or a pain score by its
//! session's), and a change to any other counted table as "from the start". Anything the
//! triggers cannot date — another connection's commit, a rollback, a restore — drops the
//! resumable values with the rest.

/// Tables no kept value is worked out from (the app's own choice, for speed): the day's
/// stretches and reminders change many times a day and are read afresh on every screen,
/// so a change to them keeps the ladder (with the latest pain score) and the running
/// plan; the trash is only read by an undo, which puts rows back into the tables the log
/// is read from. A value that comes to read one of these tables must take it off this
/// list.
pub const NOT_KEPT_FROM: &[&str] = &[
    "stretches",
    "reminder_events",
    "reminder_slots",
    "pauses",
    "app_state",
    "notes",
    "trash",
];

/// The day a change to a row of each of these tables is dated by, as SQL over the row
/// (`{row}` is `OLD` or `NEW`): the earliest of its local day and the UTC day of its
/// instant; a set or a pain score is dated by its session (no session: the row is in no
/// session's log, and the session's own delete is dated). A change to any other counted
/// table is dated from the start ("", before every day). A resumable value may only
/// read these tables' rows by day, and others only whole.
pub const DATED: &[(&str, &str)] = &[
    ("exercise_sessions", SESSION_DAY),
    ("exercise_sets", BY_SESSION),
    ("exercise_pain", BY_SESSION),
    ("ladder_moves", "min({row}.local_date, substr({row}.moved_at, 1, 10))"),
    ("pain_checkins", "min({row}.local_date, substr({row}.at, 1, 10))"),
];

const SESSION_DAY: &str = "min({row}.local_date, substr({row}.started_at, 1, 10))";
const BY_SESSION: &str = "(SELECT min(s.local_date, substr(s.started_at, 1, 10)) \
     FROM main.exercise_sessions s WHERE s.id = {row}.session_id)";

use chrono::NaiveDate;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

/// What the data is at, as far as a memo can tell (see the module's comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub(crate) data_version: i64,
    pub(crate) own_changes: i64,
    pub(crate) generation: u64,
}

/// How far back this connection's own changes reached since they were last taken (the
/// triggers' `since`): `None` for none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Only rows dated this day or later.
    From(NaiveDate),
    /// Rows no day bounds.
    All,
}

impl Changed {
    /// Reads the triggers' `since` ("" or anything not a day: from the start).
    pub(crate) fn of(since: &str) -> Changed {
        match NaiveDate::parse_from_str(since, "%Y-%m-%d") {
            Ok(day) => Changed::From(day),
            Err(_) => Changed::All,
        }
    }

    fn and(self, other: Changed) -> Changed {
        match (self, other) {
            (Changed::From(a), Changed::From(b)) => Changed::From(a.min(b)),
            _ => Changed::All,
        }
    }
}

type Key = (TypeId, i64);
type Value = Arc<dyn Any + Send + Sync>;

/// The values kept for one version: at most one of each type for each key.
#[derive(Default)]
pub struct Memo {
    generation: u64,
    version: Option<Version>,
    values: HashMap<Key, Value>,
    /// Values kept across this connection's own changes, each with how far back they
    /// reached since it was worked out (`None`: it holds for `version`).
    resumable: HashMap<Key, (Value, Option<Changed>)>,
}

impl Memo {
    /// How many values are kept, resumable ones included.
    pub fn len(&self) -> usize {
        self.values.len() + self.resumable.len()
    }

    /// The store's own part of the version.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Takes note that the data is at `version`, the connection's own changes since the
    /// last note having reached back as far as `taken` says. A new version drops every
    /// value kept for an older one but the resumable ones, which take note of how far
    /// back the change reached; a version from another connection's commit or a new
    /// generation drops those too.
    pub fn observe(&mut self, version: Version, taken: Option<Changed>) {
        if self.version != Some(version) {
            let own = self.version.is_some_and(|v| {
                v.data_version == version.data_version && v.generation == version.generation
            });
            if !own {
                self.resumable.clear();
            }
            self.values.clear();
            self.version = Some(version);
        }
        if let Some(taken) = taken {
            for (_, changed) in self.resumable.values_mut() {
                *changed = Some(changed.map_or(taken, |c| c.and(taken)));
            }
            self.resumable
                .retain(|_, (_, changed)| *changed != Some(Changed::All));
        }
    }

    /// The value of type `T` under `key` kept for `version`, if any.
    pub fn get<T: Any + Send + Sync>(&mut self, version: Version, key: i64) -> Option<Arc<T>> {
        if self.version != Some(version) {
            return None;
        }
        let value = self.values.get(&(TypeId::of::<T>(), key))?.clone();
        value.downcast::<T>().ok()
    }

    /// Keeps `value` for `version` (the one the data was read at, and still is).
    pub fn put<T: Any + Send + Sync>(&mut self, version: Version, key: i64, value: Arc<T>) {
        if self.version == Some(version) {
            self.values.insert((TypeId::of::<T>(), key), value);
        }
    }

    /// Takes out the resumable value of type `T` under `key`, with how far back the data
    /// changed since it was worked out (`None`: not at all), if one is kept.
    pub fn take_resumable<T: Any + Send + Sync>(
        &mut self,
        key: i64,
    ) -> Option<(Arc<T>, Option<Changed>)> {
        let (value, changed) = self.resumable.remove(&(TypeId::of::<T>(), key))?;
        Some((value.downcast::<T>().ok()?, changed))
    }

    /// Keeps `value` as worked out for `version` (the one the data is still at), in place
    /// of any resumable value of its type kept under another key: one of each type is
    /// kept, as a value under an old key (the running plan of an earlier day) is read
    /// no more and would otherwise stay for as long as only dated changes are made.
    pub fn put_resumable<T: Any + Send + Sync>(&mut self, version: Version, key: i64, value: Arc<T>) {
        if self.version == Some(version) {
            let kind = TypeId::of::<T>();
            self.resumable.retain(|(t, _), _| *t != kind);
            self.resumable.insert((kind, key), (value, None));
        }
    }

    /// Forgets every value and moves the generation, so nothing kept before can match a
    /// version read after: for a rollback, a restore, or any change the counters miss.
    pub fn forget(&mut self) {
        self.generation += 1;
        self.version = None;
        self.values.clear();
        self.resumable.clear();
    }
}
