//! The line drawings that show each exercise, test and the gentle stretch: which file
//! and what a screen reader says instead. The SVG files live in `ui/img/` (drawn by
//! `scripts/make_illustrations.py`); this is the one list of them, so the window never
//! guesses a file name and every picture has its words.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Picture {
    /// The id of the exercise, test or stretch it shows.
    pub id: &'static str,
    /// Path under `ui/`, as the page loads it.
    pub src: &'static str,
    /// Its size in CSS pixels, as the SVG file states it, so the page keeps the space.
    pub width: u16,
    pub height: u16,
    /// What the drawing shows, for people who cannot see it.
    pub alt: &'static str,
}

const fn pic(
    id: &'static str,
    src: &'static str,
    (width, height): (u16, u16),
    alt: &'static str,
) -> Picture {
    Picture {
        id,
        src,
        width,
        height,
        alt,
    }
}

pub const PICTURES: &[Picture] = &[
    pic(
        "standing_stretch",
        "img/standing_stretch.svg",
        (240, 129),
        "A person standing on one leg with the other heel resting on a low box, knee straight, leaning forward from the hips.",
    ),
    pic(
        "bent_knee_stretch",
        "img/bent_knee_stretch.svg",
        (240, 112),
        "A person lying on their back with one hip and knee bent; a belt from the hands to the foot slowly straightens the knee.",
    ),
    pic(
        "rapid_bent_knee_stretch",
        "img/rapid_bent_knee_stretch.svg",
        (240, 128),
        "A person lying on their back with one hip and knee bent; arrows show the knee being straightened quickly.",
    ),
    pic(
        "back_plank_leg_lifts",
        "img/back_plank_leg_lifts.svg",
        (240, 73),
        "A face-up plank on the elbows with the hips lifted in line with the heels, and one leg raised a little off the floor.",
    ),
    pic(
        "glute_bridge",
        "img/glute_bridge.svg",
        (240, 70),
        "A person lying on their back, knees bent and feet flat, lifting the hips until shoulders, hips and knees line up.",
    ),
    pic(
        "front_plank",
        "img/front_plank.svg",
        (240, 78),
        "A face-down plank on the forearms and toes, the body in one straight line.",
    ),
    pic(
        "glute_bridge_leg_lift",
        "img/glute_bridge_leg_lift.svg",
        (240, 78),
        "A glute bridge with the hips lifted and one leg straightened out in line with the body.",
    ),
    pic(
        "front_plank_leg_lift",
        "img/front_plank_leg_lift.svg",
        (240, 78),
        "A front plank on the forearms with one straight leg lifted a little; an arrow shows the lift.",
    ),
    pic(
        "hamstring_catch",
        "img/hamstring_catch.svg",
        (240, 107),
        "A person standing on one slightly bent leg, tipping forward from the hips while the other leg reaches back.",
    ),
    pic(
        "swiss_ball_curl",
        "img/swiss_ball_curl.svg",
        (240, 72),
        "A person lying on their back with hips lifted and both heels on a Swiss ball, bending the knees to roll it in.",
    ),
    pic(
        "single_leg_swiss_ball_curl",
        "img/single_leg_swiss_ball_curl.svg",
        (240, 112),
        "A Swiss ball curl on one leg: one heel rolls the ball in while the other leg points up.",
    ),
    pic(
        "hamstring_stretch",
        "img/hamstring_stretch.svg",
        (240, 116),
        "A person lying on their back holding a towel looped around one foot, that leg straight toward the ceiling, the other flat on the floor.",
    ),
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
