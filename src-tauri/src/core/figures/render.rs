//! From a demonstration's poses to pictures: an SVG tree the window builds (themed by
//! classes, animated by the generated stylesheet), the same tree as an SVG file (fixed
//! colours, for the report and the files under `ui/img/`), and the keyframes.
//!
//! The body is drawn as nested groups from the pose's root joint (where it meets the
//! ground), one group per segment turned about the joint it hangs from, so an animation
//! only turns groups: the root stays on the ground and the limbs swing from it.

use super::demo::{Demo, Prop, Watch};
use super::model::{self, Placed, Tone, J, P, SEGMENTS};
use super::props::{
    ball_under, moving_props, prop_transform, prop_transform_text, still_props, watch_marks,
};
use super::svg::{capsule, flip, node, paint, Ink};
pub use super::svg::{n, svg_inline, svg_text, Node, Paint, SVG_NS};
use std::fmt::Write;

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
