//! A demonstration as data: what one pose file holds.

use super::model::{Ground, Pose, Scene, J};

/// One key pose of a movement: its name, the pose, how it meets the ground, the
/// seconds taken to move into it (for the first pose, to come back to it at the end of
/// the loop) and the seconds it is held.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub pose: Pose,
    pub ground: Ground,
    pub moving: f64,
    pub hold: f64,
}

/// Things in the picture besides the body.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prop {
    /// An exercise mat on the floor.
    Mat,
    /// The scene's support (a step, bench or chair between knee and waist height).
    Support,
    /// A Swiss ball of the scene's radius under a body point.
    Ball { under: &'static str },
    /// A strap, belt or towel from one body point to another.
    Strap {
        from: &'static str,
        to: &'static str,
    },
    /// A helper's hands on the shin and the heel.
    HelperHands,
}

/// What to watch: a dashed line through joints that should line up in a key pose, or a
/// level line at a joint that should stay level; with a short label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Watch {
    Line {
        through: &'static [J],
        at: usize,
        label: &'static str,
    },
    Level {
        joint: J,
        at: usize,
        label: &'static str,
    },
}

/// The most common mistake, drawn small and outlined in red; `text` is one of the
/// protocol's listed mistakes for this exercise, word for word.
#[derive(Debug, Clone, Copy)]
pub struct Mistake {
    pub text: &'static str,
    pub pose: Pose,
    pub ground: Ground,
}

/// A demonstration: one pose file.
#[derive(Debug, Clone, Copy)]
pub struct Demo {
    /// The exercise, test or stretch it shows.
    pub id: &'static str,
    /// What the movement is, start to end, for people who cannot see it.
    pub alt: &'static str,
    /// The side the near (darker) limbs are: the side worked.
    pub side: &'static str,
    /// Where the body meets the ground; the drawing turns every limb from here.
    pub root: J,
    pub scene: Scene,
    /// Start first; the loop returns to it.
    pub keys: &'static [Key],
    /// The key pose that ends the movement (shown as "End").
    pub end: usize,
    pub props: &'static [Prop],
    pub watch: &'static [Watch],
    pub mistake: Option<Mistake>,
}
