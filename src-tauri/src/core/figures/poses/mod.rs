//! The pose files: one per exercise, test and the stretch. Each is the app's own
//! drawing of the movement its steps describe (the guide names the exercises and tests
//! but shows none), in joint angles — see `model::Pose` for what each angle means.

use super::demo::Demo;

pub mod back_plank_leg_lifts;
pub mod bent_knee_stretch;
mod common;
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
