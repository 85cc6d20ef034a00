//! The front plank with a leg lift: in a front plank, one straight leg lifts a few
//! centimetres and lowers while the plank stays still.

use super::super::demo::{Demo, Key, Mistake, Prop, Watch};
use super::super::model::{fit, on, touch, Ground, Pose, Scene, Surface::Floor, A, J};
use super::common::{NEAR_SIDE, PRONE};

const GROUND: Ground = Ground {
    anchor: on("elbow_f", Floor),
    x: 0.0,
    second: Some(on("toe_f", Floor)),
    also: &[fit("wrist_f", Floor, A::ElbowBoth)],
};

const PLANK: Pose = Pose {
    shoulder_n: 78.0,
    shoulder_f: 78.0,
    ankle_n: -10.0,
    ankle_f: -10.0,
    ..PRONE
};
const LIFT: Pose = Pose {
    hip_n: -12.0,
    ankle_n: -30.0,
    ..PLANK
};

pub const DEMO: Demo = Demo {
    id: "front_plank_leg_lift",
    alt: "In a front plank on the forearms and toes, one straight leg lifts a few centimetres from the glute, holds for a second and lowers, while the hips stay square and still.",
    side: NEAR_SIDE,
    root: J::ElbowF,
    scene: Scene::OPEN,
    keys: &[
        Key { name: "plank", pose: PLANK, ground: Ground { also: &[fit("wrist_f", Floor, A::ElbowBoth), touch("toe_n", Floor)], ..GROUND }, moving: 1.5, hold: 1.0 },
        Key { name: "leg up", pose: LIFT, ground: GROUND, moving: 1.5, hold: 1.0 },
    ],
    end: 1,
    props: &[Prop::Mat],
    watch: &[Watch::Line { through: &[J::Shoulder, J::Hip, J::AnkleF], at: 1, label: "hips stay still" }],
    mistake: Some(Mistake {
        text: "Twisting the pelvis to lift higher.",
        pose: Pose { spine: -15.0, hip_n: -38.0, ..LIFT },
        ground: GROUND,
    }),
};
