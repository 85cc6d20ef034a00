//! The app's own housekeeping: the close-to-tray notice and what a test reminder says.

use super::ServiceError;
use crate::core::dates::Now;
use crate::core::messages::{self, Reminder};
use crate::store::{self, app_state::CLOSE_NOTICE_SEEN, Store};

pub fn close_notice_seen(store: &mut Store) -> Result<bool, ServiceError> {
    seen(store, CLOSE_NOTICE_SEEN)
}

pub fn mark_close_notice_seen(store: &mut Store, now: Now) -> Result<(), ServiceError> {
    mark_seen(store, CLOSE_NOTICE_SEEN, now)
}

pub fn test_reminder(store: &mut Store) -> Result<Reminder, ServiceError> {
    Ok(messages::test_reminder(&super::settings::current(store)?))
}

/// Whether the notice behind `flag` has been seen.
fn seen(store: &mut Store, flag: &str) -> Result<bool, ServiceError> {
    store.read(|tx| Ok(store::app_state::flag(tx, flag)?))
}

fn mark_seen(store: &mut Store, flag: &str, now: Now) -> Result<(), ServiceError> {
    store.write(|tx| Ok(store::app_state::set_flag(tx, flag, true, now.utc)?))
}
