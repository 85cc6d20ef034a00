//! The use cases: one function per thing a user does. Each reads the store, asks the
//! core, and writes the store in one transaction. No Tauri; tested on real SQLite files.

pub mod app;
pub mod data;
pub mod demos;
pub mod journal;
pub mod opening;
pub mod program;
pub mod reminders;
pub mod report;
pub mod running;
pub mod settings;
pub mod setup;
pub mod today;

use crate::core::InvalidInput;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Invalid(#[from] InvalidInput),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Something the user asked to see is not there (yet): not a mistake in the input.
    #[error(transparent)]
    NotFound(InvalidInput),
    /// A rule of the running plan the user may override knowingly.
    #[error("{}", .0.reason)]
    Rule(crate::core::running::RuleBreak),
    /// The system refused what the shell asked of it on the service's behalf (the login
    /// item): `field` names the setting, `message` says why. Nothing was stored.
    #[error(transparent)]
    System(InvalidInput),
}
