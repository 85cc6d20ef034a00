//! The front plank: from lying face down on the forearms, the body lifts onto forearms
//! and toes in one straight line and holds.

use super::super::demo::{Demo, Key, Mistake, Prop, Watch};
use super::super::model::{fit, on, Ground, Pose, Scene, Surface::Floor, A, J};
use super::common::{BOTH_SIDES, PRONE};

const GROUND: Ground = Ground {
    anchor: on("elbow_n", Floor),
    x: 0.0,
    second: Some(on("toe_n", Floor)),
    also: &[fit("wrist_n", Floor, A::ElbowBoth)],
};

/// Lying on the forearms, hips and legs on the floor, chest raised a little.
const DOWN: Pose = Pose {
    spine: -18.0,
    shoulder_n: 72.0,
    shoulder_f: 72.0,
    neck: 10.0,
    knee_n: 12.0,
    knee_f: 12.0,
    ankle_n: -85.0,
    ankle_f: -85.0,
    ..PRONE
};

const PLANK: Pose = Pose {
    shoulder_n: 78.0,
    shoulder_f: 78.0,
    elbow_n: 90.0,
    elbow_f: 90.0,
    ankle_n: -10.0,
    ankle_f: -10.0,
    ..PRONE
};

pub const DEMO: Demo = Demo {
    id: "front_plank",
    alt: "Lying face down on the forearms, the body lifts onto the forearms and toes until head, hips and heels make one straight line, and holds there, breathing, before lowering.",
    side: BOTH_SIDES,
    root: J::ElbowN,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "down", pose: DOWN, ground: Ground { second: Some(on("knee_n", Floor)), also: &[fit("sacrum", Floor, A::Spine), fit("toe_n", Floor, A::AnkleBoth), fit("wrist_n", Floor, A::ElbowBoth)], ..GROUND }, moving: 2.0, hold: 1.0 },
        Key { name: "plank", pose: PLANK, ground: GROUND, moving: 2.0, hold: 5.0 },
    ],
    end: 1,
    props: &[Prop::Mat],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::AnkleN], at: 1, label: "one straight line" }],
    mistake: Some(Mistake {
        text: "Hips sagging toward the floor.",
        pose: Pose { spine: -22.0, hip_n: -8.0, hip_f: -8.0, ..PLANK },
        ground: GROUND,
    }),
};
