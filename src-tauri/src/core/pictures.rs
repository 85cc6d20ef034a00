//! The pictures that show each exercise, test and the gentle stretch: which id, what a
//! screen reader says instead, and the still file. The pictures themselves are the
//! demonstrations of `figures` (drawn from one pose file each); this is the list the
//! views carry, so the window never guesses a name and every picture has its words.

use super::figures::{self, Demo};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Picture {
    /// The id of the exercise, test or stretch it shows (and of its demonstration).
    pub id: &'static str,
    /// The still file under `ui/`: its start and end poses side by side.
    pub src: &'static str,
    /// What the demonstration shows, start to end, for people who cannot see it.
    pub alt: &'static str,
}

const fn pic(d: &Demo, src: &'static str) -> Picture {
    Picture {
        id: d.id,
        src,
        alt: d.alt,
    }
}

use figures::poses;

pub const PICTURES: &[Picture] = &[
    pic(&poses::standing_stretch::DEMO, "img/standing_stretch.svg"),
    pic(&poses::bent_knee_stretch::DEMO, "img/bent_knee_stretch.svg"),
    pic(&poses::rapid_bent_knee_stretch::DEMO, "img/rapid_bent_knee_stretch.svg"),
    pic(&poses::back_plank_leg_lifts::DEMO, "img/back_plank_leg_lifts.svg"),
    pic(&poses::glute_bridge::DEMO, "img/glute_bridge.svg"),
    pic(&poses::front_plank::DEMO, "img/front_plank.svg"),
    pic(&poses::glute_bridge_leg_lift::DEMO, "img/glute_bridge_leg_lift.svg"),
    pic(&poses::front_plank_leg_lift::DEMO, "img/front_plank_leg_lift.svg"),
    pic(&poses::hamstring_catch::DEMO, "img/hamstring_catch.svg"),
    pic(&poses::swiss_ball_curl::DEMO, "img/swiss_ball_curl.svg"),
    pic(&poses::single_leg_swiss_ball_curl::DEMO, "img/single_leg_swiss_ball_curl.svg"),
    pic(&poses::hamstring_stretch::DEMO, "img/hamstring_stretch.svg"),
];

/// The picture of the exercise, test or stretch with id `id`.
pub fn picture(id: &str) -> Option<&'static Picture> {
    PICTURES.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{guide, protocol};
    use std::collections::HashSet;

    #[test]
    fn every_exercise_test_and_the_stretch_has_a_picture_with_words() {
        let ids = protocol::TESTS
            .iter()
            .map(|t| t.id)
            .chain(protocol::LADDER.iter().map(|e| e.id))
            .chain([protocol::STRETCH.id]);
        for id in ids {
            let p = picture(id).unwrap_or_else(|| panic!("{id} has no picture"));
            assert_eq!(p.src, format!("img/{id}.svg"));
            assert!(p.alt.len() > 30, "{id}: alt text too thin");
            assert!(figures::demo(id).is_some(), "{id}: no demonstration");
        }
        let unique: HashSet<_> = PICTURES.iter().map(|p| p.id).collect();
        assert_eq!(unique.len(), PICTURES.len(), "a picture listed twice");
    }

    #[test]
    fn every_picture_appears_somewhere_in_the_guide() {
        let in_guide: HashSet<&str> = guide::SECTIONS
            .iter()
            .flat_map(|s| s.pictures.iter().copied())
            .collect();
        for p in PICTURES {
            assert!(
                in_guide.contains(p.id),
                "{} is not shown in the guide",
                p.id
            );
        }
        for id in &in_guide {
            assert!(
                picture(id).is_some(),
                "the guide shows an unknown picture {id}"
            );
        }
    }
}
