//! The app's own housekeeping: the close-to-tray notice and what the tray and a test
//! reminder say.

use super::ServiceError;
use crate::core::dates::Now;
use crate::core::messages::{self, Reminder};
use crate::store::{self, app_state::CLOSE_NOTICE_SEEN, app_state::SAFETY_NOTICE_SEEN, Store};

pub fn close_notice_seen(store: &mut Store) -> Result<bool, ServiceError> {
    store.read(|tx| Ok(store::app_state::flag(tx, CLOSE_NOTICE_SEEN)?))
}

pub fn mark_close_notice_seen(store: &mut Store, now: Now) -> Result<(), ServiceError> {
    store.write(|tx| {
        Ok(store::app_state::set_flag(
            tx,
            CLOSE_NOTICE_SEEN,
            true,
            now.utc,
        )?)
    })
}

pub fn test_reminder(store: &mut Store) -> Result<Reminder, ServiceError> {
    Ok(messages::test_reminder(&super::settings::current(store)?))
}

pub fn safety_notice_seen(store: &mut Store) -> Result<bool, ServiceError> {
    store.read(|tx| Ok(store::app_state::flag(tx, SAFETY_NOTICE_SEEN)?))
}

pub fn mark_safety_notice_seen(store: &mut Store, now: Now) -> Result<(), ServiceError> {
    store.write(|tx| {
        Ok(store::app_state::set_flag(
            tx,
            SAFETY_NOTICE_SEEN,
            true,
            now.utc,
        )?)
    })
}
