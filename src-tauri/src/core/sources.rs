//! Where each rule comes from. The guide's numbered sources are `protocol::CITATIONS`;
//! sources beyond the guide are `OTHER_SOURCES`, keyed by author and year ("Goom 2016"),
//! never by a guide number. `Provenance` says which, for each row of the "Sources and
//! method" table (`method.rs`). A leaf: it imports nothing of the core, so the protocol
//! and the guide can cite from it.

use serde::Serialize;

/// A source the guide does not cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OtherSource {
    /// How the app cites it, in brackets: "[Goom 2016]".
    pub key: &'static str,
    pub reference: &'static str,
    pub used_for: &'static str,
}

pub const GOOM_2016: &str = "Goom 2016";
pub const SILBERNAGEL_2007: &str = "Silbernagel 2007";

pub const OTHER_SOURCES: &[OtherSource] = &[
    OtherSource {
        key: GOOM_2016,
        reference: "Goom TSH, Malliaras P, Reiman MP, Purdam CR. Proximal hamstring tendinopathy: clinical aspects of assessment and management. J Orthop Sports Phys Ther 2016;46(6):483–493",
        used_for: "Why positions that press the tendon against the sitting bone (deep hip bending, more so with a straight knee, and long sitting on hard seats) are limited while the tendon is irritable, and how to stretch without them.",
    },
    OtherSource {
        key: SILBERNAGEL_2007,
        reference: "Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007;35(6):897–906",
        used_for: "The pain-monitoring model: pain up to 5/10 during exercise may be accepted if it settles by the next morning.",
    },
];

pub fn other_source(key: &str) -> Option<&'static OtherSource> {
    OTHER_SOURCES.iter().find(|s| s.key == key)
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provenance {
    /// The guide, with the numbers of its sources.
    Guide { cites: &'static [u8] },
    /// A source beyond the guide (`OTHER_SOURCES`).
    Other { key: &'static str },
    /// The app's own design choice.
    Own,
}

impl Provenance {
    /// "From the guide [3]", "From Goom 2016", "The app's own choice".
    pub fn label(self) -> String {
        match self {
            Provenance::Guide { cites } => {
                let numbers: Vec<String> = cites.iter().map(u8::to_string).collect();
                format!("From the guide [{}]", numbers.join(", "))
            }
            Provenance::Other { key } => format!("From {key} (beyond the guide)"),
            Provenance::Own => "The app's own choice".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_sources_are_kept_apart_from_the_guides_numbers() {
        for s in OTHER_SOURCES {
            assert!(
                s.key.parse::<u8>().is_err(),
                "{} looks like a guide number",
                s.key
            );
            assert!(!s.reference.is_empty() && !s.used_for.is_empty());
        }
        crate::core::says(
            other_source(GOOM_2016).unwrap().reference,
            "2016;46(6):483–493",
        );
        crate::core::says(
            other_source(SILBERNAGEL_2007).unwrap().reference,
            "2007;35(6):897–906",
        );
    }
}
