//! The rapid bent-knee stretch test, with a helper: the same start as the bent-knee
//! stretch test; the helper straightens the knee in one quick movement.

use super::super::demo::{Demo, Key, Prop};
use super::super::model::{fit, Ground, Pose, Scene, Surface::Floor, A, J};
use super::bent_knee_stretch::{self, BENT};

const GROUND: Ground = Ground {
    also: &[
        fit("sacrum", Floor, A::Spine),
        fit("head", Floor, A::Neck),
        fit("fingers_n", Floor, A::ShoulderBoth),
    ],
    ..bent_knee_stretch::GROUND
};
use super::common::NEAR_SIDE;

const STRAIGHT: Pose = Pose {
    knee_n: 20.0,
    ankle_n: 0.0,
    ..BENT
};

pub const DEMO: Demo = Demo {
    id: "rapid_bent_knee_stretch",
    alt: "Lying on the back with the tested hip and knee bent toward the chest, a helper holding the shin and heel straightens the knee in one quick movement, then bends it again slowly.",
    side: NEAR_SIDE,
    root: J::Shoulder,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "knee bent", pose: BENT, ground: GROUND, moving: 2.5, hold: 1.5 },
        Key { name: "knee straightened", pose: STRAIGHT, ground: GROUND, moving: 0.4, hold: 1.0 },
    ],
    end: 1,
    props: &[Prop::Mat, Prop::HelperHands],
    watch: &[],
    mistake: None,
};
