//! The double-leg glute bridge: from lying with knees bent, the hips lift until
//! shoulders, hips and knees line up; a pause; down slowly.

use super::super::demo::{Demo, Key, Mistake, Prop, Watch};
use super::super::model::{fit, on, Ground, Pose, Scene, Surface::Floor, A, J};
use super::common::{BOTH_SIDES, LIE};

const GROUND: Ground = Ground {
    anchor: on("upper_back", Floor),
    x: 0.0,
    second: Some(on("heel_n", Floor)),
    also: &[
        fit("toe_n", Floor, A::AnkleBoth),
        fit("head", Floor, A::Neck),
        fit("fingers_n", Floor, A::ShoulderBoth),
    ],
};

/// Lying with knees bent and feet flat (also the single-leg bridge's start).
pub const DOWN: Pose = Pose {
    hip_n: 55.0,
    knee_n: 120.0,
    ankle_n: -25.0,
    hip_f: 55.0,
    knee_f: 120.0,
    ankle_f: -25.0,
    ..LIE
};

/// Hips up, shoulders, hips and knees in line (also the single-leg bridge's).
pub const UP: Pose = Pose {
    hip_n: 0.0,
    knee_n: 85.0,
    ankle_n: 5.0,
    hip_f: 0.0,
    knee_f: 85.0,
    ankle_f: 5.0,
    shoulder_n: -25.0,
    shoulder_f: -25.0,
    neck: 25.0,
    ..LIE
};

pub const DEMO: Demo = Demo {
    id: "glute_bridge",
    alt: "Lying on the back with knees bent and feet flat, the hips lift until shoulders, hips and knees make one straight line, pause there, and lower slowly back to the floor.",
    side: BOTH_SIDES,
    root: J::Shoulder,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "down", pose: DOWN, ground: Ground { also: &[fit("sacrum", Floor, A::HipBoth), fit("toe_n", Floor, A::AnkleBoth), fit("head", Floor, A::Neck), fit("fingers_n", Floor, A::ShoulderBoth)], ..GROUND }, moving: 3.0, hold: 1.0 },
        Key { name: "top", pose: UP, ground: GROUND, moving: 2.0, hold: 2.0 },
    ],
    end: 1,
    props: &[Prop::Mat],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::KneeN], at: 1, label: "one straight line" }],
    mistake: Some(Mistake {
        text: "Arching the lower back at the top.",
        pose: Pose { spine: -25.0, hip_n: -20.0, hip_f: -20.0, knee_n: 70.0, knee_f: 70.0, ankle_n: 15.0, ankle_f: 15.0, ..UP },
        ground: Ground { also: &[fit("toe_n", Floor, A::AnkleBoth), fit("head", Floor, A::Neck)], ..GROUND },
    }),
};
