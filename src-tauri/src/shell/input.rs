//! A command's argument as the window sent it.
//!
//! Tauri reads a plain argument (`id: i64`) before the command runs and refuses a
//! missing or mistyped one with its own sentence as a bare string ("invalid args `id`
//! for command …"): not the app's `{kind, message, field}`, so the window can only show
//! it as an unknown error. An argument taken as `Input<T>` is read the same way but the
//! command decides: `.get()?` turns a failure into the app's `invalid_input` naming the
//! argument, like every other refusal.

use super::error::CommandError;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::Runtime;

pub struct Input<T> {
    /// The argument's name as the window sends it (`sessionId`).
    key: &'static str,
    read: Result<T, String>,
}

impl<T> Input<T> {
    /// The value, or the app's `invalid_input` for this argument.
    pub fn get(self) -> Result<T, CommandError> {
        let key = self.key;
        self.read.map_err(|why| CommandError {
            kind: "invalid_input",
            message: format!("The value for \"{key}\" {why}."),
            field: Some(key.to_string()),
        })
    }
}

/// A JSON argument read as `T` (a settings patch, a run, test results, a filter): if it
/// is not one, the app's `invalid_input` for `field`, "`what` could not be read: why.".
pub fn read_json<T: DeserializeOwned>(
    value: serde_json::Value,
    what: &str,
    field: &str,
) -> Result<T, CommandError> {
    serde_json::from_value(value).map_err(|e| CommandError {
        kind: "invalid_input",
        message: format!("{what} could not be read: {e}."),
        field: Some(field.into()),
    })
}

impl<'de, R: Runtime, T: DeserializeOwned> CommandArg<'de, R> for Input<T> {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let key = item.key;
        // Through `Option` so a missing key is `None` here, not Tauri's refusal.
        let read = match Option::<serde_json::Value>::deserialize(item) {
            Err(e) => Err(format!("could not be read ({e})")),
            Ok(sent) => {
                let missing = sent.is_none();
                serde_json::from_value::<T>(sent.unwrap_or(serde_json::Value::Null)).map_err(|e| {
                    match missing {
                        true => "is missing".to_string(),
                        false => format!("could not be read ({e})"),
                    }
                })
            }
        };
        Ok(Input { key, read })
    }
}
