//! Demonstrations: drawn figures that show each exercise, test and the stretch from
//! start to end. A demonstration is data — its key poses as joint angles, how each meets
//! the ground, the props, what to watch and the most common mistake — one file per
//! exercise or test under `poses/`. `render` turns it into the window's moving picture
//! (an SVG tree plus keyframes in `ui/figures.css`) and into still SVG files.
//!
//! `examples/figures.rs` writes `ui/img/<id>.svg` (start and end side by side, fixed
//! colours) and `ui/figures.css`; a test fails if either differs from what the poses
//! give now, so the files cannot drift from the data.

pub mod model;
pub mod poses;
pub mod render;

use model::{Ground, Pose, Scene, J};
use render::{Node, Paint, Shot};
use serde::Serialize;

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

/// Every demonstration.
pub fn all() -> &'static [Demo] {
    poses::ALL
}

pub fn demo(id: &str) -> Option<&'static Demo> {
    poses::ALL.iter().find(|d| d.id == id)
}

/// The words around a demonstration (the app's own).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Words {
    pub start: &'static str,
    pub end: &'static str,
    pub not_like_this: &'static str,
    pub paused: &'static str,
    pub open: &'static str,
    pub close: &'static str,
}

pub const WORDS: Words = Words {
    start: "Start",
    end: "End",
    not_like_this: "Not like this",
    paused: "Hover or focus the picture to pause it.",
    open: "Show larger",
    close: "Close",
};

/// A demonstration as the window shows it: the moving picture, the start and end poses
/// (shown instead when motion is reduced), the mistake, the words.
#[derive(Debug, Clone, Serialize)]
pub struct DemoView {
    pub id: &'static str,
    pub alt: &'static str,
    pub side: &'static str,
    pub moving: Node,
    pub start: Node,
    pub end: Node,
    pub mistake: Option<(&'static str, Node)>,
    pub words: Words,
}

pub fn view(d: &Demo) -> DemoView {
    DemoView {
        id: d.id,
        alt: d.alt,
        side: d.side,
        moving: render::picture(d, Shot::Moving, Paint::Themed),
        start: render::picture(d, Shot::Still(0), Paint::Themed),
        end: render::picture(d, Shot::Still(d.end), Paint::Themed),
        mistake: d
            .mistake
            .map(|m| (m.text, render::picture(d, Shot::Mistake, Paint::Themed))),
        words: WORDS,
    }
}

/// The end pose as a file's SVG (fixed colours), for the report.
pub fn end_svg(d: &Demo) -> String {
    render::svg_text(&render::picture(d, Shot::Still(d.end), Paint::Fixed))
}

/// The contents of `ui/img/<id>.svg`: start and end side by side, fixed colours, with
/// the alt text as its title.
pub fn file_svg(d: &Demo) -> String {
    let start = render::picture(d, Shot::Still(0), Paint::Fixed);
    let end = render::picture(d, Shot::Still(d.end), Paint::Fixed);
    let (x, y, w, h) = render::frame(d);
    let gap = 8.0;
    let label = |text: &str, at: f64| render::Node {
        t: "text",
        a: vec![
            ("x", render::n(at)),
            ("y", render::n(y + 5.0)),
            ("font-size", "4.5".into()),
            ("font-family", "sans-serif".into()),
            ("fill", "#3d5457".into()),
        ],
        c: vec![],
        x: text.to_string(),
    };
    let place = |mut svg: Node, at: f64| {
        svg.a.retain(|(k, _)| *k != "role");
        svg.a.push(("x", render::n(at)));
        svg.a.push(("y", render::n(y)));
        svg.a.push(("width", render::n(w)));
        svg.a.push(("height", render::n(h)));
        svg.c.retain(|c| c.t != "title");
        svg
    };
    let mut title = render::Node {
        t: "title",
        a: vec![],
        c: vec![],
        x: d.alt.to_string(),
    };
    title.a.clear();
    let total = 2.0 * w + gap;
    let root = render::Node {
        t: "svg",
        a: vec![
            ("viewBox", format!("{} {} {} {}", render::n(x), render::n(y), render::n(total), render::n(h))),
            ("width", render::n(total * 3.0)),
            ("height", render::n(h * 3.0)),
            ("role", "img".into()),
        ],
        c: vec![
            title,
            place(start, x),
            place(end, x + w + gap),
            label(WORDS.start, x + 2.0),
            label(WORDS.end, x + w + gap + 2.0),
        ],
        x: String::new(),
    };
    render::svg_text(&root)
}

/// The stylesheet of every moving picture (`ui/figures.css`).
pub fn stylesheet() -> String {
    let mut css = String::from(
        "/* Generated by `cargo run --example figures` from src-tauri/src/core/figures/poses/: do not edit. */\n",
    );
    for d in all() {
        css.push_str(&render::keyframes(d));
    }
    css
}

#[cfg(test)]
mod tests;
