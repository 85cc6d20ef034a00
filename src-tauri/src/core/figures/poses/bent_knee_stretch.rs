//! The bent-knee stretch test, done alone: lying on the back, the tested hip and knee
//! bent toward the chest, a belt round the foot slowly straightens the knee.

use super::super::demo::{Demo, Key, Prop};
use super::super::model::{fit, on, Ground, Pose, Scene, Surface::Floor, A, J};
use super::common::{LIE, NEAR_SIDE};

pub const GROUND: Ground = Ground {
    anchor: on("upper_back", Floor),
    x: 0.0,
    second: Some(on("heel_f", Floor)),
    also: &[fit("sacrum", Floor, A::Spine), fit("head", Floor, A::Neck)],
};

pub const BENT: Pose = Pose {
    hip_n: 100.0,
    knee_n: 115.0,
    ankle_n: -10.0,
    ..LIE
};
const HOLDING: Pose = Pose {
    shoulder_n: 70.0,
    elbow_n: 40.0,
    shoulder_f: 75.0,
    elbow_f: 35.0,
    ..BENT
};
const STRAIGHT: Pose = Pose {
    knee_n: 25.0,
    ankle_n: 0.0,
    shoulder_n: 95.0,
    elbow_n: 25.0,
    shoulder_f: 100.0,
    elbow_f: 20.0,
    ..BENT
};

pub const DEMO: Demo = Demo {
    id: "bent_knee_stretch",
    alt: "Lying on the back with the tested hip and knee bent toward the chest, a belt looped round the foot slowly straightens the knee as far as is comfortable, then lets it bend again.",
    side: NEAR_SIDE,
    root: J::Shoulder,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "knee bent", pose: HOLDING, ground: GROUND, moving: 3.0, hold: 1.0 },
        Key { name: "knee straightened", pose: STRAIGHT, ground: GROUND, moving: 4.0, hold: 1.5 },
    ],
    end: 1,
    props: &[Prop::Mat, Prop::Strap { from: "fingers_n", to: "toe_n" }],
    watch: &[],
    mistake: None,
};
