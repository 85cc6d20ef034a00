//! The back plank with leg lifts (the running gate test): face up on the elbows with
//! the hips lifted in line with the heels, one leg lifts a hand's width and lowers.

use super::super::demo::{Demo, Key, Prop, Watch};
use super::super::model::{fit, on, touch, Ground, Pose, Scene, Surface::Floor, A, J};
use super::common::{LIE, NEAR_SIDE};

const GROUND: Ground = Ground {
    anchor: on("elbow_f", Floor),
    x: 0.0,
    second: Some(on("heel_f", Floor)),
    also: &[fit("fingers_f", Floor, A::ElbowBoth)],
};

/// Face up on the elbows: upper arms straight down, forearms on the floor toward the
/// feet, body straight from shoulders to heels.
const PLANK: Pose = Pose {
    trunk: 165.0,
    shoulder_n: -75.0,
    elbow_n: 90.0,
    shoulder_f: -75.0,
    elbow_f: 90.0,
    neck: 20.0,
    ankle_n: -20.0,
    ankle_f: -20.0,
    ..LIE
};
const LIFT: Pose = Pose {
    hip_n: 8.0,
    ..PLANK
};

pub const DEMO: Demo = Demo {
    id: "back_plank_leg_lifts",
    alt: "Face up on the elbows with the hips lifted so shoulders, hips and heels line up, one straight leg lifts about a hand's width, holds briefly and lowers, the hips staying level.",
    side: NEAR_SIDE,
    root: J::ElbowF,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "plank", pose: PLANK, ground: Ground { also: &[fit("fingers_f", Floor, A::ElbowBoth), touch("heel_n", Floor)], ..GROUND }, moving: 1.5, hold: 1.0 },
        Key { name: "leg up", pose: LIFT, ground: GROUND, moving: 1.5, hold: 1.5 },
    ],
    end: 1,
    props: &[Prop::Mat],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::AnkleF], at: 1, label: "shoulders, hips, heels in line" }],
    mistake: None,
};
