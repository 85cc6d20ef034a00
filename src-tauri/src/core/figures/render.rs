//! From a demonstration's poses to pictures: an SVG tree the window builds (themed by
//! classes, animated by the generated stylesheet), the same tree as an SVG file (fixed
//! colours, for the report and the files under `ui/img/`), and the keyframes.
//!
//! The body is drawn as nested groups from the pose's root joint (where it meets the
//! ground), one group per segment turned about the joint it hangs from, so an animation
//! only turns groups: the root stays on the ground and the limbs swing from it.

use super::demo::{Demo, Prop, Watch};
use super::model::{self, Placed, Tone, J, P, SEGMENTS};
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

fn node(t: &'static str, a: Vec<(&'static str, String)>, c: Vec<Node>) -> Node {
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
enum Ink {
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

fn paint(ink: Ink, how: Paint, mut a: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
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
fn flip(p: P) -> P {
    (p.0, -p.1)
}

/// One segment as the body tree holds it: walked from `start` to `end`.
#[derive(Debug, Clone, Copy)]
struct Edge {
    seg: usize,
    reversed: bool,
}

impl Edge {
    fn start(&self) -> J {
        let s = &SEGMENTS[self.seg];
        if self.reversed {
            s.to
        } else {
            s.from
        }
    }
    fn end(&self) -> J {
        let s = &SEGMENTS[self.seg];
        if self.reversed {
            s.from
        } else {
            s.to
        }
    }
    /// A point of the segment's own frame (along, across) in the walked frame.
    fn local(&self, (u, v): P) -> P {
        if self.reversed {
            (SEGMENTS[self.seg].len - u, -v)
        } else {
            (u, v)
        }
    }
}

/// The tree of segments from `root`: each edge with its children, far limbs first.
#[derive(Debug, Clone)]
struct Tree {
    edge: Option<Edge>,
    children: Vec<Tree>,
}

fn tree(root: J) -> Tree {
    fn grow(at: J, came: Option<usize>) -> Vec<Tree> {
        let mut out: Vec<Tree> = SEGMENTS
            .iter()
            .enumerate()
            .filter(|(i, s)| Some(*i) != came && (s.from == at || s.to == at))
            .map(|(i, s)| {
                let e = Edge {
                    seg: i,
                    reversed: s.to == at,
                };
                Tree {
                    edge: Some(e),
                    children: grow(e.end(), Some(i)),
                }
            })
            .collect();
        out.sort_by_key(|t| match SEGMENTS[t.edge.expect("child edge").seg].tone {
            Tone::Far => 0,
            Tone::Body => 1,
            Tone::Near => 2,
        });
        out
    }
    Tree {
        edge: None,
        children: grow(root, None),
    }
}

/// One group's transform in a pose: the root moved to its joint, a segment hanging from
/// the root turned to its direction, or a segment moved to the end of its parent (`along`
/// its length) and turned relative to it. Angles in degrees, clockwise as SVG turns.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tf {
    Root { x: f64, y: f64 },
    Turn { angle: f64 },
    Hang { along: f64, angle: f64 },
}

impl Tf {
    fn angle(&self) -> f64 {
        match *self {
            Tf::Root { .. } => 0.0,
            Tf::Turn { angle } | Tf::Hang { angle, .. } => angle,
        }
    }

    fn with_angle(self, angle: f64) -> Tf {
        match self {
            Tf::Root { .. } => self,
            Tf::Turn { .. } => Tf::Turn { angle },
            Tf::Hang { along, .. } => Tf::Hang { along, angle },
        }
    }

    /// As an SVG `transform` attribute.
    fn attribute(&self) -> String {
        match *self {
            Tf::Root { x, y } => format!("translate({} {})", n(x), n(y)),
            Tf::Turn { angle } => format!("rotate({})", n(angle)),
            Tf::Hang { along, angle } => format!("translate({} 0) rotate({})", n(along), n(angle)),
        }
    }

    /// As a CSS `transform` value, for the keyframes.
    fn css(&self) -> String {
        match *self {
            Tf::Root { x, y } => format!("translate({}px,{}px)", n(x), n(y)),
            Tf::Turn { angle } => format!("rotate({}deg)", n(angle)),
            Tf::Hang { along, angle } => {
                format!("translate({}px,0) rotate({}deg)", n(along), n(angle))
            }
        }
    }
}

/// Every group's transform in one placed pose, in the tree's order (pre-order, as
/// `body_groups` numbers them).
fn transforms(t: &Tree, body: &Placed, root: J) -> Vec<Tf> {
    // A segment's direction in SVG: the world angle with y flipped.
    let angle_of = |e: &Edge| {
        let (a, b) = (body.at(e.start()), body.at(e.end()));
        -(b.1 - a.1).atan2(b.0 - a.0).to_degrees()
    };
    fn visit(t: &Tree, parent: Option<&Edge>, angle_of: &dyn Fn(&Edge) -> f64, out: &mut Vec<Tf>) {
        if let Some(e) = &t.edge {
            out.push(match parent {
                None => Tf::Turn { angle: angle_of(e) },
                Some(p) => Tf::Hang {
                    along: SEGMENTS[p.seg].len,
                    angle: angle_of(e) - angle_of(p),
                },
            });
        }
        for c in &t.children {
            visit(c, t.edge.as_ref(), angle_of, out);
        }
    }
    let r = flip(body.at(root));
    let mut out = vec![Tf::Root { x: r.0, y: r.1 }];
    for c in &t.children {
        visit(c, None, &angle_of, &mut out);
    }
    out
}

/// The shapes of one segment, in its walked frame.
fn shapes(e: &Edge, how: Paint, mistake: bool) -> Vec<Node> {
    let s = &SEGMENTS[e.seg];
    let ink = if mistake {
        Ink::Mistake
    } else {
        match s.tone {
            Tone::Near => Ink::Near,
            Tone::Far => Ink::Far,
            Tone::Body => Ink::Body,
        }
    };
    let path = |d: String| node("path", paint(ink, how, vec![("d", d)]), vec![]);
    let circle = |c: P, r: f64| {
        node(
            "circle",
            paint(ink, how, vec![("cx", n(c.0)), ("cy", n(c.1)), ("r", n(r))]),
            vec![],
        )
    };
    let at = |p: P| flip(e.local(p));
    match s.name {
        "head" => vec![
            path(capsule(
                at((0.0, 0.0)),
                s.r_from,
                at((s.len, 0.0)),
                s.r_from,
            )),
            circle(at((s.len, 0.0)), model::HEAD_R),
        ],
        "foot_n" | "foot_f" => vec![
            circle(at((0.0, 0.0)), s.r_from),
            path(capsule(
                at((model::HEEL.0, model::HEEL.1)),
                model::HEEL.2,
                at((s.len, 0.0)),
                s.r_to,
            )),
        ],
        _ => vec![path(capsule(
            at((0.0, 0.0)),
            s.r_from,
            at((s.len, 0.0)),
            s.r_to,
        ))],
    }
}

/// The helper's hands, for the tests done with a helper: on the shin and at the heel.
fn helper_hands(e: &Edge, how: Paint) -> Vec<Node> {
    let s = &SEGMENTS[e.seg];
    let hand = |a: P, b: P| {
        node(
            "path",
            paint(
                Ink::Helper,
                how,
                vec![("d", capsule(flip(e.local(a)), 1.9, flip(e.local(b)), 1.5))],
            ),
            vec![],
        )
    };
    match s.name {
        "shank_n" => vec![hand((15.0, -5.0), (21.0, -5.5))],
        "foot_n" => vec![hand((-4.5, -3.0), (-1.0, -6.5))],
        _ => vec![],
    }
}

/// The body in pose `k` (its transforms), each group tagged for the animation.
fn body_groups(
    t: &Tree,
    tf: &[Tf],
    index: &mut usize,
    how: Paint,
    demo: &Demo,
    mistake: bool,
    animate: bool,
) -> Node {
    let i = *index;
    *index += 1;
    let mut attrs = vec![("transform", tf[i].attribute())];
    if animate {
        attrs.push(("class", format!("k{i}")));
    }
    let mut children = Vec::new();
    let own = t.edge.map(|e| {
        let mut s = shapes(&e, how, mistake);
        if demo.props.contains(&Prop::HelperHands) && !mistake {
            s.extend(helper_hands(&e, how));
        }
        s
    });
    let mut placed_own = false;
    for c in &t.children {
        let tone = SEGMENTS[c.edge.expect("child edge").seg].tone;
        if tone != Tone::Far && !placed_own {
            if let Some(s) = own.clone() {
                children.extend(s);
            }
            placed_own = true;
        }
        children.push(body_groups(c, tf, index, how, demo, mistake, animate));
    }
    if !placed_own {
        if let Some(s) = own {
            children.extend(s);
        }
    }
    node("g", attrs, children)
}

/// The placed body of each key pose of `demo`.
pub fn placed_keys(demo: &Demo) -> Vec<Placed> {
    demo.keys
        .iter()
        .map(|k| {
            model::place(&k.pose, &k.ground, &demo.scene)
                .unwrap_or_else(|e| panic!("{}: {}: {}", demo.id, k.name, e.0))
        })
        .collect()
}

/// The area every key pose, the mistake and the props fit in: (x, y, width, height) in
/// SVG units.
pub fn frame(demo: &Demo) -> (f64, f64, f64, f64) {
    let mut bodies = placed_keys(demo);
    if let Some(m) = &demo.mistake {
        bodies.push(model::place(&m.pose, &m.ground, &demo.scene).expect("mistake placed"));
    }
    let (mut x0, mut x1, mut y1) = (f64::INFINITY, f64::NEG_INFINITY, 0.0f64);
    for b in &bodies {
        for s in SEGMENTS {
            for (j, r) in [(s.from, s.r_from), (s.to, s.r_to)] {
                let p = b.at(j);
                let r = if j == J::HeadC { model::HEAD_R } else { r };
                x0 = x0.min(p.0 - r);
                x1 = x1.max(p.0 + r);
                y1 = y1.max(p.1 + r);
            }
        }
        let heel = b.point(model::point("heel_n"));
        x0 = x0.min(heel.0 - 3.0);
        if demo.props.iter().any(|p| matches!(p, Prop::Ball { .. })) {
            let c = b.point(model::point(ball_under(demo)));
            x0 = x0.min(c.0 - demo.scene.ball_r);
            x1 = x1.max(c.0 + demo.scene.ball_r);
        }
    }
    if let Some((sx0, sx1, h)) = demo.scene.support {
        x0 = x0.min(sx0);
        x1 = x1.max(sx1);
        y1 = y1.max(h);
    }
    let pad = 6.0;
    let (x, w) = (x0 - pad, x1 - x0 + 2.0 * pad);
    let top = -(y1 + pad);
    let h = y1 + pad + 4.0;
    ((x).floor(), top.floor(), w.ceil(), h.ceil())
}

fn ball_under(demo: &Demo) -> &'static str {
    demo.props
        .iter()
        .find_map(|p| match p {
            Prop::Ball { under } => Some(*under),
            _ => None,
        })
        .unwrap_or("heel_n")
}

/// The props that stand still: the floor (and mat) and the support.
fn still_props(demo: &Demo, how: Paint, f: (f64, f64, f64, f64)) -> Vec<Node> {
    let mut out = vec![node(
        "line",
        paint(
            Ink::Floor,
            how,
            vec![
                ("x1", n(f.0 + 1.0)),
                ("y1", "0".into()),
                ("x2", n(f.0 + f.2 - 1.0)),
                ("y2", "0".into()),
                ("stroke-width", "0.8".into()),
            ],
        ),
        vec![],
    )];
    for p in demo.props {
        match p {
            Prop::Mat => out.push(node(
                "rect",
                paint(
                    Ink::Prop,
                    how,
                    vec![
                        ("x", n(f.0 + 3.0)),
                        ("y", "-1".into()),
                        ("width", n(f.2 - 6.0)),
                        ("height", "1".into()),
                        ("rx", "0.5".into()),
                        ("stroke-width", "0.3".into()),
                    ],
                ),
                vec![],
            )),
            Prop::Support => {
                if let Some((x0, x1, h)) = demo.scene.support {
                    out.push(node(
                        "rect",
                        paint(
                            Ink::Prop,
                            how,
                            vec![
                                ("x", n(x0)),
                                ("y", n(-h)),
                                ("width", n(x1 - x0)),
                                ("height", n(h)),
                                ("rx", "1.5".into()),
                                ("stroke-width", "0.6".into()),
                            ],
                        ),
                        vec![],
                    ))
                }
            }
            _ => {}
        }
    }
    out
}

/// A moving prop's transform in one pose: the ball under a heel; a strap from the hand
/// to the foot.
fn prop_transform(p: &Prop, demo: &Demo, body: &Placed) -> Option<(f64, f64, f64, f64)> {
    match p {
        Prop::Ball { under } => {
            let c = body.point(model::point(under));
            Some((c.0, -demo.scene.ball_r, 0.0, 1.0))
        }
        Prop::Strap { from, to } => {
            let a = body.point(model::point(from));
            let b = body.point(model::point(to));
            let (fa, fb) = (flip(a), flip(b));
            let ang = (fb.1 - fa.1).atan2(fb.0 - fa.0).to_degrees();
            let len = ((fb.0 - fa.0).powi(2) + (fb.1 - fa.1).powi(2)).sqrt();
            Some((fa.0, fa.1, ang, len))
        }
        _ => None,
    }
}

fn prop_transform_text(t: &(f64, f64, f64, f64), css: bool) -> String {
    let (x, y, a, s) = *t;
    if css {
        format!(
            "translate({}px,{}px) rotate({}deg) scale({},1)",
            n(x),
            n(y),
            n(a),
            n(s)
        )
    } else {
        format!(
            "translate({} {}) rotate({}) scale({} 1)",
            n(x),
            n(y),
            n(a),
            n(s)
        )
    }
}

fn moving_props(demo: &Demo, body: &Placed, how: Paint, animate: bool) -> Vec<Node> {
    let mut out = Vec::new();
    for (i, p) in demo.props.iter().enumerate() {
        let Some(t) = prop_transform(p, demo, body) else {
            continue;
        };
        let shape = match p {
            Prop::Ball { .. } => node(
                "circle",
                paint(
                    Ink::Prop,
                    how,
                    vec![("r", n(demo.scene.ball_r)), ("stroke-width", "0.6".into())],
                ),
                vec![],
            ),
            _ => node(
                "line",
                paint(
                    Ink::Prop,
                    how,
                    vec![
                        ("x1", "0".into()),
                        ("y1", "0".into()),
                        ("x2", "1".into()),
                        ("y2", "0".into()),
                        ("stroke-width", "1.2".into()),
                        ("vector-effect", "non-scaling-stroke".into()),
                    ],
                ),
                vec![],
            ),
        };
        let mut a = vec![("transform", prop_transform_text(&t, false))];
        if animate {
            a.push(("class", format!("p{i}")));
        }
        out.push(node("g", a, vec![shape]));
    }
    out
}

fn watch_marks(
    demo: &Demo,
    bodies: &[Placed],
    how: Paint,
    animate: bool,
    only: Option<usize>,
    f: (f64, f64, f64, f64),
) -> Vec<Node> {
    let mut out = Vec::new();
    for (i, w) in demo.watch.iter().enumerate() {
        let (at, pts, label) = match w {
            Watch::Line { through, at, label } => {
                let pts: Vec<P> = through.iter().map(|j| flip(bodies[*at].at(*j))).collect();
                (*at, pts, *label)
            }
            Watch::Level { joint, at, label } => {
                let c = flip(bodies[*at].at(*joint));
                (*at, vec![(c.0 - 14.0, c.1), (c.0 + 14.0, c.1)], *label)
            }
        };
        if only.is_some_and(|k| k != at) {
            continue;
        }
        let (first, last) = (pts[0], pts[pts.len() - 1]);
        // Extend the line a little past its ends.
        let (dx, dy) = (last.0 - first.0, last.1 - first.1);
        let d = (dx * dx + dy * dy).sqrt().max(1e-6);
        let (ex, ey) = (dx / d * 5.0, dy / d * 5.0);
        let line = node(
            "line",
            paint(
                Ink::Watch,
                how,
                vec![
                    ("x1", n(first.0 - ex)),
                    ("y1", n(first.1 - ey)),
                    ("x2", n(last.0 + ex)),
                    ("y2", n(last.1 + ey)),
                    ("stroke-width", "0.9".into()),
                    ("stroke-dasharray", "2.5 1.8".into()),
                    ("fill", "none".into()),
                ],
            ),
            vec![],
        );
        let top = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        // Above the line, starting where a label centred on it would start, but kept
        // inside the picture from its left edge (a character is about 0.65 of the font
        // size wide, allowing for wide fonts; a webview's minimum font size can make it
        // wider still, so it starts left and grows right).
        let width = label.chars().count() as f64 * 0.65 * LABEL_SIZE;
        let centre = pts.iter().map(|p| p.0).sum::<f64>() / pts.len() as f64;
        let start_x = (centre - width / 2.0)
            .min(f.0 + f.2 - width - 1.0)
            .max(f.0 + 1.0);
        let top = (top - 5.0).max(f.1 + LABEL_SIZE + 1.0) + 5.0;
        let mut text = node(
            "text",
            paint(
                Ink::WatchText,
                how,
                vec![
                    ("x", n(start_x)),
                    ("y", n(top - 5.0)),
                    ("font-size", n(LABEL_SIZE)),
                ],
            ),
            vec![],
        );
        text.x = label.to_string();
        let mut a = vec![];
        if animate {
            a.push(("class", format!("w{i}")));
        }
        out.push(node("g", a, vec![line, text]));
    }
    out
}

/// The size of a label of what to watch, in the figure's units.
const LABEL_SIZE: f64 = 5.5;

/// How to draw a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shot {
    /// Every key pose in turn (the first drawn, the stylesheet moves it).
    Moving,
    /// One key pose, still.
    Still(usize),
    /// The most common mistake, still, outlined in red.
    Mistake,
}

/// The picture of `demo` as an SVG tree.
pub fn picture(demo: &Demo, shot: Shot, how: Paint) -> Node {
    let bodies = placed_keys(demo);
    let f = frame(demo);
    let root_tree = tree(demo.root);
    let (body, mistake) = match shot {
        Shot::Moving => (bodies[0].clone(), false),
        Shot::Still(k) => (bodies[k].clone(), false),
        Shot::Mistake => {
            let m = demo.mistake.as_ref().expect("a mistake pose");
            (
                model::place(&m.pose, &m.ground, &demo.scene).expect("mistake placed"),
                true,
            )
        }
    };
    let animate = shot == Shot::Moving;
    let tf = transforms(&root_tree, &body, demo.root);
    let mut children = Vec::new();
    let mut title = node("title", vec![], vec![]);
    title.x = demo.alt.to_string();
    children.push(title);
    children.extend(still_props(demo, how, f));
    let under: Vec<Node> = moving_props(demo, &body, how, animate);
    // The ball goes under the body, the strap over it.
    let (balls, straps): (Vec<_>, Vec<_>) = under
        .into_iter()
        .zip(
            demo.props
                .iter()
                .filter(|p| matches!(p, Prop::Ball { .. } | Prop::Strap { .. })),
        )
        .partition(|(_, p)| matches!(p, Prop::Ball { .. }));
    children.extend(balls.into_iter().map(|(n, _)| n));
    children.push(body_groups(
        &root_tree, &tf, &mut 0, how, demo, mistake, animate,
    ));
    children.extend(straps.into_iter().map(|(n, _)| n));
    if !mistake {
        let only = match shot {
            Shot::Still(k) => Some(k),
            _ => None,
        };
        children.extend(watch_marks(demo, &bodies, how, animate, only, f));
    }
    let mut attrs = vec![
        (
            "viewBox",
            format!("{} {} {} {}", n(f.0), n(f.1), n(f.2), n(f.3)),
        ),
        ("role", "img".into()),
    ];
    if how == Paint::Themed {
        attrs.push(("class", format!("fig fig-{}", demo.id)));
    }
    node("svg", attrs, children)
}

/// The keyframes of `demo`'s moving picture, for the stylesheet.
pub fn keyframes(demo: &Demo) -> String {
    let bodies = placed_keys(demo);
    let root_tree = tree(demo.root);
    let per_key: Vec<Vec<Tf>> = bodies
        .iter()
        .map(|b| transforms(&root_tree, b, demo.root))
        .collect();
    // The timeline: hold key 0, move to key 1, hold it, …, move back to key 0.
    let total: f64 = demo.keys.iter().map(|k| k.moving + k.hold).sum();
    let mut stops: Vec<(f64, f64, usize)> = Vec::new(); // (arrive %, leave %, key)
    let mut t = 0.0;
    for (i, k) in demo.keys.iter().enumerate() {
        if i > 0 {
            t += k.moving;
        }
        stops.push((t / total * 100.0, (t + k.hold) / total * 100.0, i));
        t += k.hold;
    }
    let pct = |x: f64| format!("{}%", n(x));
    let mut css = String::new();
    let name = |what: &str| format!("fig-{}-{what}", demo.id);
    let emit = |css: &mut String, what: String, values: Vec<String>| {
        if values.iter().all(|v| *v == values[0]) {
            return;
        }
        let _ = writeln!(
            css,
            ".fig-{} .{what}{{animation:{} {}s ease-in-out infinite}}",
            demo.id,
            name(&what),
            n(total)
        );
        let _ = write!(css, "@keyframes {}{{", name(&what));
        for (a, l, k) in &stops {
            if a == l {
                let _ = write!(css, "{}{{transform:{}}}", pct(*a), values[*k]);
            } else {
                let _ = write!(css, "{},{}{{transform:{}}}", pct(*a), pct(*l), values[*k]);
            }
        }
        let _ = writeln!(css, "100%{{transform:{}}}}}", values[0]);
    };
    let groups = per_key[0].len();
    for g in 0..groups {
        // Turns unwrapped so each step is the short way round.
        let mut last: Option<f64> = None;
        let values: Vec<String> = per_key
            .iter()
            .map(|tf| {
                let mut angle = tf[g].angle();
                if let Some(prev) = last {
                    while angle - prev > 180.0 {
                        angle -= 360.0;
                    }
                    while prev - angle > 180.0 {
                        angle += 360.0;
                    }
                }
                last = Some(angle);
                tf[g].with_angle(angle).css()
            })
            .collect();
        emit(&mut css, format!("k{g}"), values);
    }
    for (i, p) in demo.props.iter().enumerate() {
        let values: Vec<String> = bodies
            .iter()
            .filter_map(|b| prop_transform(p, demo, b))
            .map(|t| prop_transform_text(&t, true))
            .collect();
        if !values.is_empty() {
            emit(&mut css, format!("p{i}"), values);
        }
    }
    for (i, w) in demo.watch.iter().enumerate() {
        let at = match w {
            Watch::Line { at, .. } | Watch::Level { at, .. } => *at,
        };
        let (a, l, _) = stops[at];
        let fade = 2.0;
        let _ = writeln!(
            css,
            ".fig-{} .w{i}{{animation:{} {}s linear infinite}}",
            demo.id,
            name(&format!("w{i}")),
            n(total)
        );
        let _ = writeln!(
            css,
            "@keyframes {}{{0%,{}{{opacity:0}}{}{{opacity:1}}{}{{opacity:1}}{},100%{{opacity:0}}}}",
            name(&format!("w{i}")),
            pct((a - fade).max(0.0)),
            pct(a),
            pct(l),
            pct((l + fade).min(100.0)),
        );
    }
    css
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
