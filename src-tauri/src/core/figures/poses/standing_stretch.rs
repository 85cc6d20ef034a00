//! The standing stretch test: the heel of the tested leg on a support between knee and
//! waist height, knee straight, tipping forward from the hips with a long back.

use super::super::demo::{Demo, Key, Prop, Watch};
use super::super::model::{
    fit, on, Ground, Pose, Scene,
    Surface::{Floor, Support},
    A, J, STAND,
};
use super::common::NEAR_SIDE;

const GROUND: Ground = Ground {
    anchor: on("heel_f", Floor),
    x: 0.0,
    second: None,
    also: &[
        fit("toe_f", Floor, A::AnkleF),
        fit("heel_n", Support, A::HipN),
    ],
};

const UPRIGHT: Pose = Pose {
    hip_n: 75.0,
    ankle_n: -15.0,
    ..STAND
};
const LEAN: Pose = Pose {
    trunk: 62.0,
    hip_n: 103.0,
    hip_f: 28.0,
    shoulder_n: 40.0,
    shoulder_f: 30.0,
    neck: -10.0,
    ..UPRIGHT
};

pub const DEMO: Demo = Demo {
    id: "standing_stretch",
    alt: "Standing with the heel of the tested leg resting on a knee-to-waist-high step, knee straight, the body tips forward from the hips with a long back until a stretch is felt behind the thigh, then comes back up.",
    side: NEAR_SIDE,
    root: J::AnkleF,
    scene: Scene { support: Some((49.0, 73.0, 34.0)), ball_r: 0.0 },
    keys: &[
        Key { name: "upright", pose: UPRIGHT, ground: GROUND, moving: 2.5, hold: 1.5 },
        Key { name: "tipped forward", pose: LEAN, ground: GROUND, moving: 3.0, hold: 3.0 },
    ],
    end: 1,
    props: &[Prop::Support],
    watch: &[Watch::Line { through: &[J::Hip, J::Waist, J::Shoulder], at: 1, label: "back long" }],
    mistake: None,
};
