//! The one error a command returns: `{kind, message, field?}`, shown by the UI as is.

use crate::service::ServiceError;
use crate::store::StoreError;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CommandError {
    /// `invalid_input`, `not_found` (a folder not made yet), `rule` (a running rule the
    /// user may override; `field` names it), `storage`, `notification`, `window` or
    /// `system` (start at login could not be changed).
    pub kind: &'static str,
    /// A sentence for the user: what went wrong and, where it helps, what to do.
    pub message: String,
    /// For `invalid_input`: the field at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl CommandError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
            field: None,
        }
    }
}

impl From<ServiceError> for CommandError {
    fn from(err: ServiceError) -> Self {
        match err {
            ServiceError::Invalid(invalid) => CommandError {
                kind: "invalid_input",
                message: invalid.message,
                field: Some(invalid.field),
            },
            ServiceError::NotFound(missing) => CommandError {
                kind: "not_found",
                message: missing.message,
                field: Some(missing.field),
            },
            ServiceError::System(refused) => CommandError {
                kind: "system",
                message: refused.message,
                field: Some(refused.field),
            },
            ServiceError::Store(store) => store.into(),
            ServiceError::Rule(rule) => CommandError {
                kind: "rule",
                message: rule.reason,
                field: Some(rule.rule.to_string()),
            },
        }
    }
}

impl From<StoreError> for CommandError {
    fn from(err: StoreError) -> Self {
        CommandError::new("storage", format!("Nothing was saved: {err}."))
    }
}

impl From<tauri::Error> for CommandError {
    fn from(err: tauri::Error) -> Self {
        CommandError::new("window", format!("The window could not do that: {err}."))
    }
}
