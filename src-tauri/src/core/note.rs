//! The one note limit: a note on a run, a check-in or any journal entry, and a free note,
//! is at most `MAX_NOTE` characters, trimmed, without a NUL. Sent with the views that
//! show a note field.

use super::InvalidInput;

pub const MAX_NOTE: usize = 2000;

/// A note for `field`: may be empty, at most `MAX_NOTE` characters, trimmed.
pub fn check(field: &str, text: &str) -> Result<String, InvalidInput> {
    let text = text.trim();
    // SQLite's length() stops at a NUL, so the table's CHECK would judge another text
    // than this one (a note of one NUL is empty to it); no keyboard types one.
    if text.contains('\0') {
        return Err(InvalidInput::new(
            field,
            "Note cannot contain a NUL character.",
        ));
    }
    let n = text.chars().count();
    if n > MAX_NOTE {
        return Err(InvalidInput::new(
            field,
            format!("Note must be at most {MAX_NOTE} characters (got {n})."),
        ));
    }
    Ok(text.to_string())
}
