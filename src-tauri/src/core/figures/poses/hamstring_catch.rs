//! The hamstring catch: standing on the worked leg with its knee slightly bent, the
//! body hinges forward from the hip while the free leg swings back in line, the
//! lowering is caught by the back of the standing thigh, and the body comes back up.

use super::super::demo::{Demo, Key, Mistake, Watch};
use super::super::model::{fit, on, Ground, Pose, Scene, Surface::Floor, A, J, STAND};
use super::common::NEAR_SIDE;

const GROUND: Ground = Ground {
    anchor: on("heel_n", Floor),
    x: 0.0,
    second: None,
    also: &[fit("toe_n", Floor, A::AnkleN)],
};

const STANDING: Pose = Pose {
    knee_n: 15.0,
    hip_n: 8.0,
    ankle_n: 7.0,
    hip_f: 10.0,
    knee_f: 40.0,
    ..STAND
};
const HINGED: Pose = Pose {
    trunk: 12.0,
    hip_n: 85.0,
    knee_n: 20.0,
    ankle_n: 5.0,
    hip_f: 0.0,
    knee_f: 0.0,
    ankle_f: -10.0,
    shoulder_n: 80.0,
    shoulder_f: 70.0,
    elbow_n: 0.0,
    elbow_f: 0.0,
    neck: -15.0,
    ..STAND
};

pub const DEMO: Demo = Demo {
    id: "hamstring_catch",
    alt: "Standing on the worked leg with the knee slightly bent, the body hinges forward from the hip with a flat back while the other leg swings back in line, the lowering is stopped by the back of the standing thigh, and the body returns upright.",
    side: NEAR_SIDE,
    root: J::AnkleN,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "standing", pose: STANDING, ground: GROUND, moving: 2.0, hold: 1.0 },
        Key { name: "hinged", pose: HINGED, ground: GROUND, moving: 3.0, hold: 1.0 },
    ],
    end: 1,
    props: &[],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::AnkleF], at: 1, label: "flat back, leg in line" }],
    mistake: Some(Mistake {
        text: "Rounding the back.",
        pose: Pose { spine: 40.0, trunk: 30.0, hip_n: 70.0, hip_f: 20.0, neck: 10.0, ..HINGED },
        ground: GROUND,
    }),
};
