//! The single-leg Swiss ball curl: as the Swiss ball curl with the hips up, one foot
//! off the ball and pointing up; the other heel rolls the ball in and slowly out.

use super::super::demo::{Demo, Key, Prop, Watch};
use super::super::model::{
    fit, on, Ground, Pose,
    Surface::{Ball, Floor},
    A, J,
};
use super::common::NEAR_SIDE;
use super::swiss_ball_curl::{FLAT, LIFTED, SCENE};

const GROUND: Ground = Ground {
    anchor: on("upper_back", Floor),
    x: 0.0,
    second: Some(on("heel_n", Ball)),
    also: &[
        fit("head", Floor, A::Neck),
        fit("fingers_n", Floor, A::ShoulderBoth),
    ],
};

const ONE_LEG: Pose = Pose {
    hip_f: 80.0,
    knee_f: 10.0,
    ankle_f: -20.0,
    ..LIFTED
};
const CURLED: Pose = Pose {
    trunk: 225.0,
    hip_n: 10.0,
    knee_n: 100.0,
    ankle_n: 20.0,
    shoulder_n: -35.0,
    shoulder_f: -35.0,
    neck: 30.0,
    hip_f: 70.0,
    ..ONE_LEG
};

pub const DEMO: Demo = Demo {
    id: "single_leg_swiss_ball_curl",
    alt: "Lying on the back with the hips lifted and one heel on a Swiss ball, the other leg pointing up, the heel on the ball rolls it in toward the buttocks and then slowly back out, the pelvis kept level.",
    side: NEAR_SIDE,
    root: J::Shoulder,
    scene: SCENE,
    keys: &[
        Key { name: "lying", pose: FLAT, ground: Ground { also: &[fit("sacrum", Floor, A::HipBoth), fit("head", Floor, A::Neck), fit("fingers_n", Floor, A::ShoulderBoth)], ..GROUND }, moving: 2.0, hold: 1.0 },
        Key { name: "hips up, one leg", pose: ONE_LEG, ground: GROUND, moving: 2.0, hold: 0.5 },
        Key { name: "ball in", pose: CURLED, ground: GROUND, moving: 1.5, hold: 0.5 },
        Key { name: "ball out", pose: ONE_LEG, ground: GROUND, moving: 3.0, hold: 0.5 },
    ],
    end: 2,
    props: &[Prop::Mat, Prop::Ball { under: "heel_n" }],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::KneeN], at: 3, label: "pelvis level" }],
    mistake: None,
};
