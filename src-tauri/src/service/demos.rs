//! The exercise demonstrations: a pose file's moving picture, start and end poses and
//! mistake, drawn by the core for the window.

use super::ServiceError;
use crate::core::figures::{self, DemoView};
use crate::core::InvalidInput;

/// The demonstration of the exercise, test or stretch `id`.
pub fn demonstration(id: &str) -> Result<DemoView, ServiceError> {
    figures::demo(id).map(figures::view).ok_or_else(|| {
        ServiceError::NotFound(InvalidInput::new(
            "id",
            "There is no demonstration with that name.",
        ))
    })
}
