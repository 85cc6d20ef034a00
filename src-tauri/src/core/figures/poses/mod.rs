//! The pose files: one per exercise, test and the stretch. Each is the app's own
//! drawing of the movement its steps describe (the guide names the exercises and tests
//! but shows none), in joint angles — see `model::Pose` for what each angle means.

use super::model::{Pose, STAND};
use super::Demo;

pub mod back_plank_leg_lifts;
pub mod bent_knee_stretch;
pub mod front_plank;
pub mod front_plank_leg_lift;
pub mod glute_bridge;
pub mod glute_bridge_leg_lift;
pub mod hamstring_catch;
pub mod hamstring_stretch;
pub mod rapid_bent_knee_stretch;
pub mod single_leg_swiss_ball_curl;
pub mod standing_stretch;
pub mod swiss_ball_curl;

pub const ALL: &[Demo] = &[
    standing_stretch::DEMO,
    bent_knee_stretch::DEMO,
    rapid_bent_knee_stretch::DEMO,
    back_plank_leg_lifts::DEMO,
    glute_bridge::DEMO,
    front_plank::DEMO,
    glute_bridge_leg_lift::DEMO,
    front_plank_leg_lift::DEMO,
    hamstring_catch::DEMO,
    swiss_ball_curl::DEMO,
    single_leg_swiss_ball_curl::DEMO,
    hamstring_stretch::DEMO,
];

/// What the near limbs mean, said with every picture.
pub const NEAR_SIDE: &str = "The darker leg is the one being worked; do the other side the same way.";
/// For the exercises done with both legs at once.
pub const BOTH_SIDES: &str = "Both legs work together; the darker one is nearer to you.";

/// Lying on the back, head to the left, legs straight, arms along the sides on the
/// floor, feet relaxed.
pub const LIE: Pose = Pose {
    trunk: 180.0,
    spine: 0.0,
    neck: 0.0,
    nod: 0.0,
    shoulder_n: -12.0,
    elbow_n: 0.0,
    wrist_n: 0.0,
    shoulder_f: -12.0,
    elbow_f: 0.0,
    wrist_f: 0.0,
    hip_n: 0.0,
    knee_n: 0.0,
    ankle_n: -30.0,
    hip_f: 0.0,
    knee_f: 0.0,
    ankle_f: -30.0,
};

/// Face down, head to the right, on the forearms (elbows under the shoulders).
pub const PRONE: Pose = Pose {
    trunk: 0.0,
    shoulder_n: 90.0,
    elbow_n: 90.0,
    shoulder_f: 90.0,
    elbow_f: 90.0,
    ankle_n: 0.0,
    ankle_f: 0.0,
    ..STAND
};
