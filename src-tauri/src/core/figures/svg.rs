//! SVG as data: the element tree the window builds and the files are written from, the
//! colours of each kind of shape (by class for the window, fixed for a file), the
//! numbers and the tapered limb outline, and the tree as markup.

use super::model::P;
use serde::Serialize;
use std::fmt::Write;

/// One SVG element: tag, attributes, children, and text (for `<text>` and `<title>`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub t: &'static str,
    pub a: Vec<(&'static str, String)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub c: Vec<Node>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub x: String,
}

pub(super) fn node(t: &'static str, a: Vec<(&'static str, String)>, c: Vec<Node>) -> Node {
    Node {
        t,
        a,
        c,
        x: String::new(),
    }
}

/// Colours: by class (the window's stylesheet picks them per theme) or fixed (a file
/// that stands alone, light background).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Themed,
    Fixed,
}

/// What a shape is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ink {
    Near,
    Far,
    Body,
    Prop,
    Floor,
    Helper,
    Watch,
    WatchText,
    Mistake,
}

impl Ink {
    fn class(self) -> &'static str {
        match self {
            Ink::Near => "fn",
            Ink::Far => "ff",
            Ink::Body => "fb",
            Ink::Prop => "fp",
            Ink::Floor => "fl",
            Ink::Helper => "fh",
            Ink::Watch => "fw",
            Ink::WatchText => "fwt",
            Ink::Mistake => "fm",
        }
    }
    /// The fixed colours: (fill, stroke).
    fn fixed(self) -> (&'static str, &'static str) {
        match self {
            Ink::Near | Ink::Body => ("#1f5c63", "none"),
            Ink::Far => ("#8db8bd", "none"),
            Ink::Prop => ("#dfe7e8", "#7a9598"),
            Ink::Floor => ("none", "#7a9598"),
            Ink::Helper => ("#c9a27a", "none"),
            Ink::Watch => ("none", "#b5651d"),
            Ink::WatchText => ("#9a4f12", "none"),
            Ink::Mistake => ("#f6dcd8", "#b3261e"),
        }
    }
}

pub(super) fn paint(
    ink: Ink,
    how: Paint,
    mut a: Vec<(&'static str, String)>,
) -> Vec<(&'static str, String)> {
    match how {
        Paint::Themed => a.push(("class", ink.class().into())),
        Paint::Fixed => {
            let (fill, stroke) = ink.fixed();
            if !a.iter().any(|(k, _)| *k == "fill") {
                a.push(("fill", fill.into()));
            }
            if stroke != "none" && !a.iter().any(|(k, _)| *k == "stroke") {
                a.push(("stroke", stroke.into()));
            }
        }
    }
    a
}

/// A number for SVG: one decimal, no "-0".
pub fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".into()
    } else if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The outline of a tapered limb: two circles and the lines touching both.
pub fn capsule(a: P, ra: f64, b: P, rb: f64) -> String {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let d = (dx * dx + dy * dy).sqrt().max(1e-6);
    let base = dy.atan2(dx);
    let k = ((ra - rb) / d).clamp(-1.0, 1.0);
    let off = k.acos();
    let pt = |c: P, r: f64, ang: f64| (c.0 + r * ang.cos(), c.1 + r * ang.sin());
    let (a1, b1) = (pt(a, ra, base + off), pt(b, rb, base + off));
    let (a2, b2) = (pt(a, ra, base - off), pt(b, rb, base - off));
    let big_a = if off < std::f64::consts::FRAC_PI_2 {
        1
    } else {
        0
    };
    let big_b = 1 - big_a;
    format!(
        "M{} {}L{} {}A{} {} 0 {} 0 {} {}L{} {}A{} {} 0 {} 0 {} {}Z",
        n(a1.0),
        n(a1.1),
        n(b1.0),
        n(b1.1),
        n(rb),
        n(rb),
        big_b,
        n(b2.0),
        n(b2.1),
        n(a2.0),
        n(a2.1),
        n(ra),
        n(ra),
        big_a,
        n(a1.0),
        n(a1.1),
    )
}

/// World (y up) to SVG (y down).
pub(super) fn flip(p: P) -> P {
    (p.0, -p.1)
}

/// The SVG namespace, for a file and for the window that builds the tree.
pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The tree as an SVG file.
pub fn svg_text(root: &Node) -> String {
    svg_markup(root, true)
}

/// The tree as SVG inside an HTML page: no namespace declaration (HTML gives it), so
/// the page names no address at all.
pub fn svg_inline(root: &Node) -> String {
    svg_markup(root, false)
}

fn svg_markup(root: &Node, standalone: bool) -> String {
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
    fn write(nd: &Node, out: &mut String, depth: usize, top: bool) {
        for _ in 0..depth {
            out.push(' ');
        }
        out.push('<');
        out.push_str(nd.t);
        if top {
            let _ = write!(out, " xmlns=\"{SVG_NS}\"");
        }
        for (k, v) in &nd.a {
            let _ = write!(out, " {k}=\"{}\"", esc(v));
        }
        if nd.c.is_empty() && nd.x.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push('>');
        if !nd.x.is_empty() {
            out.push_str(&esc(&nd.x));
        }
        if !nd.c.is_empty() {
            out.push('\n');
            for c in &nd.c {
                write(c, out, depth + 1, false);
            }
            for _ in 0..depth {
                out.push(' ');
            }
        }
        let _ = writeln!(out, "</{}>", nd.t);
    }
    let mut out = String::new();
    write(root, &mut out, 0, standalone);
    out
}
