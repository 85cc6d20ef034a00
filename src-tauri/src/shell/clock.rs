//! The one place the app reads the system clock. Everything below the shell gets the
//! moment as a [`Now`], made here.

use crate::core::dates::Now;

/// Now: the UTC instant and the wall-clock time in the system's zone, read together.
pub fn now() -> Now {
    Now::of(chrono::Local::now())
}
