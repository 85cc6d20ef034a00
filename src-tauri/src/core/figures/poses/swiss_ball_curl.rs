//! The Swiss ball curl: lying with the heels on the ball, the hips lift into a straight
//! line, the knees bend to roll the ball in, and it rolls out slowly with the hips up.

use super::super::demo::{Demo, Key, Mistake, Prop, Watch};
use super::super::model::{
    fit, on, Ground, Pose, Scene,
    Surface::{Ball, Floor},
    A, J,
};
use super::common::{BOTH_SIDES, LIE};

pub const SCENE: Scene = Scene {
    support: None,
    ball_r: 17.0,
};

pub const GROUND: Ground = Ground {
    anchor: on("upper_back", Floor),
    x: 0.0,
    second: Some(on("heel_n", Ball)),
    also: &[
        fit("head", Floor, A::Neck),
        fit("fingers_n", Floor, A::ShoulderBoth),
    ],
};

pub const FLAT: Pose = Pose {
    shoulder_n: -12.0,
    ankle_n: -10.0,
    ankle_f: -10.0,
    ..LIE
};
pub const LIFTED: Pose = Pose {
    shoulder_n: -20.0,
    shoulder_f: -20.0,
    neck: 15.0,
    ..FLAT
};
const CURLED: Pose = Pose {
    trunk: 225.0,
    hip_n: 10.0,
    knee_n: 100.0,
    hip_f: 10.0,
    knee_f: 100.0,
    ankle_n: 20.0,
    ankle_f: 20.0,
    shoulder_n: -35.0,
    shoulder_f: -35.0,
    neck: 30.0,
    ..FLAT
};

pub const DEMO: Demo = Demo {
    id: "swiss_ball_curl",
    alt: "Lying on the back with both heels on a Swiss ball, the hips lift until the body is straight, the knees bend to roll the ball in toward the buttocks, and the ball rolls slowly back out with the hips kept up.",
    side: BOTH_SIDES,
    root: J::Shoulder,
    scene: SCENE,
    keys: &[
        Key { name: "lying", pose: FLAT, ground: Ground { also: &[fit("sacrum", Floor, A::HipBoth), fit("head", Floor, A::Neck), fit("fingers_n", Floor, A::ShoulderBoth)], ..GROUND }, moving: 2.0, hold: 1.0 },
        Key { name: "hips up", pose: LIFTED, ground: GROUND, moving: 1.5, hold: 0.5 },
        Key { name: "ball in", pose: CURLED, ground: GROUND, moving: 1.5, hold: 0.5 },
        Key { name: "ball out", pose: LIFTED, ground: GROUND, moving: 3.0, hold: 0.5 },
    ],
    end: 2,
    props: &[Prop::Mat, Prop::Ball { under: "heel_n" }],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::KneeN], at: 3, label: "hips stay up" }],
    mistake: Some(Mistake {
        text: "Letting the hips drop as the ball rolls out.",
        pose: Pose { hip_n: 30.0, hip_f: 30.0, knee_n: 20.0, knee_f: 20.0, ..LIFTED },
        ground: GROUND,
    }),
};
