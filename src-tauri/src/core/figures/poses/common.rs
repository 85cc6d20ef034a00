//! What several pose files share: the words for the side worked and the lying poses.

use super::super::model::{Pose, STAND};

/// What the near limbs mean, said with every picture.
pub const NEAR_SIDE: &str =
    "The darker leg is the one being worked; do the other side the same way.";
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
