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

/// Tables no kept value is worked out from (the app's own choice, for speed): the day's
/// stretches and reminders change many times a day and are read afresh on every screen,
/// so a change to them keeps the ladder, the running plan and the latest pain. A value
/// that comes to read one of these tables must take it off this list.
pub const NOT_KEPT_FROM: &[&str] = &[
    "stretches",
    "reminder_events",
    "reminder_slots",
    "pauses",
    "app_state",
    "notes",
];

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

/// The values kept for one version: at most one of each type for each key.
#[derive(Default)]
pub struct Memo {
    generation: u64,
    version: Option<Version>,
    values: HashMap<(TypeId, i64), Arc<dyn Any + Send + Sync>>,
}

impl Memo {
    /// The store's own part of the version.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The value of type `T` under `key` kept for `version`, if any. A new version
    /// drops every value kept for an older one.
    pub fn get<T: Any + Send + Sync>(&mut self, version: Version, key: i64) -> Option<Arc<T>> {
        if self.version != Some(version) {
            self.values.clear();
            self.version = Some(version);
            return None;
        }
        let value = self.values.get(&(TypeId::of::<T>(), key))?.clone();
        value.downcast::<T>().ok()
    }

    /// Keeps `value` for `version` (the one the data was read at, and still is).
    pub fn put<T: Any + Send + Sync>(&mut self, version: Version, key: i64, value: Arc<T>) {
        if self.version != Some(version) {
            self.values.clear();
            self.version = Some(version);
        }
        self.values.insert((TypeId::of::<T>(), key), value);
    }

    /// Forgets every value and moves the generation, so nothing kept before can match a
    /// version read after: for a rollback, a restore, or any change the counters miss.
    pub fn forget(&mut self) {
        self.generation += 1;
        self.version = None;
        self.values.clear();
    }
}
