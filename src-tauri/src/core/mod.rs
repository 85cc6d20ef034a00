//! The rehab program's rules, as plain data and pure functions.
//!
//! Nothing here performs I/O, reads the clock or knows about Tauri: time and state come
//! in as arguments and decisions go out as values, so every rule can be tested at any
//! date. The later capabilities (protocol, progression, reminder planner, running
//! plan) live here too.

pub mod messages;
pub mod settings;

use serde::Serialize;

/// Input a user (or the front end) sent that breaks a rule. `field` is the name of the
/// offending field; `message` names it for a person and says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct InvalidInput {
    pub field: String,
    pub message: String,
}

impl InvalidInput {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}
