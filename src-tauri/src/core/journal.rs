//! The journal: one chronological list of everything logged, the words for each kind of
//! entry, which fields of an entry can be edited, and the checks of a quick pain check-in
//! or a note. Pure: the store gathers the rows, this names and checks them.

mod edit;
mod entries;
mod model;

pub use edit::*;
pub use entries::entries;
pub use model::*;
