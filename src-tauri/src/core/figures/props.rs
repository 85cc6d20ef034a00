//! What is drawn around the body: the floor, mat and support that stand still, the ball
//! and strap that follow the body from pose to pose, and the marks of what to watch.

use super::demo::{Demo, Prop, Watch};
use super::model::{self, Placed, P};
use super::svg::{flip, n, node, paint, Ink, Node, Paint};

pub(super) fn ball_under(demo: &Demo) -> &'static str {
    demo.props
        .iter()
        .find_map(|p| match p {
            Prop::Ball { under } => Some(*under),
            _ => None,
        })
        .unwrap_or("heel_n")
}

/// The props that stand still: the floor (and mat) and the support.
pub(super) fn still_props(demo: &Demo, how: Paint, f: (f64, f64, f64, f64)) -> Vec<Node> {
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
pub(super) fn prop_transform(p: &Prop, demo: &Demo, body: &Placed) -> Option<(f64, f64, f64, f64)> {
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

pub(super) fn prop_transform_text(t: &(f64, f64, f64, f64), css: bool) -> String {
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

pub(super) fn moving_props(demo: &Demo, body: &Placed, how: Paint, animate: bool) -> Vec<Node> {
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

pub(super) fn watch_marks(
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
