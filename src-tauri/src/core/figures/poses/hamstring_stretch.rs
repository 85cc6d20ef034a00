//! The gentle hamstring stretch: lying on the back, a towel round one foot, that leg
//! raised toward the ceiling with the knee a little bent only to a mild stretch, held.

use super::super::demo::{Demo, Key, Mistake, Prop};
use super::super::model::{fit, on, Ground, Pose, Scene, Surface::Floor, A, J};
use super::common::{LIE, NEAR_SIDE};

const GROUND: Ground = Ground {
    anchor: on("upper_back", Floor),
    x: 0.0,
    second: Some(on("heel_f", Floor)),
    also: &[fit("sacrum", Floor, A::Spine), fit("head", Floor, A::Neck)],
};

const START: Pose = Pose {
    hip_n: 45.0,
    knee_n: 60.0,
    ankle_n: -10.0,
    shoulder_n: 60.0,
    elbow_n: 30.0,
    shoulder_f: 65.0,
    elbow_f: 25.0,
    ..LIE
};
const STRETCH: Pose = Pose {
    hip_n: 72.0,
    knee_n: 18.0,
    ankle_n: 0.0,
    shoulder_n: 88.0,
    elbow_n: 35.0,
    shoulder_f: 92.0,
    elbow_f: 30.0,
    ..LIE
};

pub const DEMO: Demo = Demo {
    id: "hamstring_stretch",
    alt: "Lying on the back with a towel looped round one foot, that leg is raised toward the ceiling with the knee a little bent until a mild stretch is felt in the middle of the back of the thigh, held still, then lowered; the other leg rests on the floor.",
    side: NEAR_SIDE,
    root: J::Shoulder,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "leg bent", pose: START, ground: GROUND, moving: 3.0, hold: 1.0 },
        Key { name: "mild stretch", pose: STRETCH, ground: GROUND, moving: 3.0, hold: 5.0 },
    ],
    end: 1,
    props: &[Prop::Mat, Prop::Strap { from: "fingers_n", to: "toe_n" }],
    watch: &[],
    mistake: Some(Mistake {
        text: "Pulling into pain near the sitting bone.",
        pose: Pose { hip_n: 105.0, knee_n: 0.0, shoulder_n: 70.0, elbow_n: 80.0, ..STRETCH },
        ground: GROUND,
    }),
};
