//! The single-leg glute bridge: bridge up, straighten one knee so the foot leaves the
//! floor, hold, foot back down, hips down.

use super::super::demo::{Demo, Key, Mistake, Prop, Watch};
use super::super::model::{fit, on, Ground, Pose, Scene, Surface::Floor, A, J};
use super::common::NEAR_SIDE;
use super::glute_bridge::{DOWN, UP};

const GROUND: Ground = Ground {
    anchor: on("upper_back", Floor),
    x: 0.0,
    second: Some(on("heel_f", Floor)),
    also: &[
        fit("toe_f", Floor, A::AnkleBoth),
        fit("head", Floor, A::Neck),
        fit("fingers_n", Floor, A::ShoulderBoth),
    ],
};

const LEG_OUT: Pose = Pose {
    hip_n: 0.0,
    knee_n: 0.0,
    ankle_n: -20.0,
    ..UP
};

pub const DEMO: Demo = Demo {
    id: "glute_bridge_leg_lift",
    alt: "From a glute bridge with the hips up, one knee straightens so that leg stretches out in line with the body while the hips stay level; the foot goes back down, then the hips lower.",
    side: NEAR_SIDE,
    root: J::Shoulder,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "down", pose: DOWN, ground: Ground { also: &[fit("sacrum", Floor, A::HipBoth), fit("toe_f", Floor, A::AnkleBoth), fit("head", Floor, A::Neck), fit("fingers_n", Floor, A::ShoulderBoth)], ..GROUND }, moving: 2.5, hold: 1.0 },
        Key { name: "bridge", pose: UP, ground: GROUND, moving: 2.0, hold: 0.5 },
        Key { name: "leg out", pose: LEG_OUT, ground: GROUND, moving: 1.5, hold: 2.0 },
        Key { name: "foot down", pose: UP, ground: GROUND, moving: 1.5, hold: 0.5 },
    ],
    end: 2,
    props: &[Prop::Mat],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::KneeF], at: 2, label: "hips stay up" }],
    mistake: Some(Mistake {
        text: "One hip dropping as the leg lifts.",
        pose: Pose { hip_f: 35.0, knee_f: 110.0, ankle_f: -15.0, hip_n: 35.0, ..LEG_OUT },
        ground: Ground { also: &[fit("toe_f", Floor, A::AnkleF), fit("head", Floor, A::Neck), fit("fingers_n", Floor, A::ShoulderBoth)], ..GROUND },
    }),
};
