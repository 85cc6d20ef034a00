//! The body: segments with human proportions, posed by joint angles (forward kinematics)
//! and placed so the pose's ground contacts touch the floor, a support or a ball.
//!
//! Units: a standing adult is 100 units tall. Proportions follow the usual
//! anthropometric segment lengths as a share of height (Winter, *Biomechanics and Motor
//! Control of Human Movement*): thigh 0.245, shank 0.246, upper arm 0.186, forearm
//! 0.146, hip to shoulder 0.29; the drawing rounds them. World coordinates have y up and
//! the figure faces +x; the renderer flips y for SVG.

use std::f64::consts::PI;

/// The joints, the points the segments join at (`Hip` is the hip joint, `Waist` the
/// bend of the lower back, `HeadC` the centre of the head).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum J {
    Hip,
    Waist,
    Shoulder,
    NeckTop,
    HeadC,
    ElbowN,
    WristN,
    FingersN,
    ElbowF,
    WristF,
    FingersF,
    KneeN,
    AnkleN,
    ToeN,
    KneeF,
    AnkleF,
    ToeF,
}

/// Which limb of a pair: the near one (toward the viewer, drawn in front, darker) or
/// the far one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Near,
    Far,
    Body,
}

/// A segment: from one joint to the next (proximal to distal), its length and its
/// half-thickness at both ends.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    pub name: &'static str,
    pub from: J,
    pub to: J,
    pub len: f64,
    pub r_from: f64,
    pub r_to: f64,
    pub tone: Tone,
}

const fn seg(name: &'static str, from: J, to: J, len: f64, r: (f64, f64), tone: Tone) -> Segment {
    Segment {
        name,
        from,
        to,
        len,
        r_from: r.0,
        r_to: r.1,
        tone,
    }
}

/// The segments, proximal to distal from the hip. The foot runs from the ankle to the
/// toes; its heel is drawn behind the ankle (`HEEL`).
pub const SEGMENTS: &[Segment] = &[
    seg("pelvis", J::Hip, J::Waist, 12.0, (7.0, 6.0), Tone::Body),
    seg("chest", J::Waist, J::Shoulder, 18.0, (6.0, 7.0), Tone::Body),
    seg("neck", J::Shoulder, J::NeckTop, 4.5, (2.6, 2.6), Tone::Body),
    seg("head", J::NeckTop, J::HeadC, 5.5, (2.6, HEAD_R), Tone::Body),
    seg(
        "upper_arm_n",
        J::Shoulder,
        J::ElbowN,
        18.0,
        (2.8, 2.2),
        Tone::Near,
    ),
    seg(
        "forearm_n",
        J::ElbowN,
        J::WristN,
        14.5,
        (2.2, 1.6),
        Tone::Near,
    ),
    seg(
        "hand_n",
        J::WristN,
        J::FingersN,
        6.5,
        (1.6, 1.2),
        Tone::Near,
    ),
    seg(
        "upper_arm_f",
        J::Shoulder,
        J::ElbowF,
        18.0,
        (2.8, 2.2),
        Tone::Far,
    ),
    seg(
        "forearm_f",
        J::ElbowF,
        J::WristF,
        14.5,
        (2.2, 1.6),
        Tone::Far,
    ),
    seg("hand_f", J::WristF, J::FingersF, 6.5, (1.6, 1.2), Tone::Far),
    seg("thigh_n", J::Hip, J::KneeN, 24.5, (4.8, 3.3), Tone::Near),
    seg("shank_n", J::KneeN, J::AnkleN, 24.5, (3.3, 2.1), Tone::Near),
    seg("foot_n", J::AnkleN, J::ToeN, 11.5, (2.1, 1.2), Tone::Near),
    seg("thigh_f", J::Hip, J::KneeF, 24.5, (4.8, 3.3), Tone::Far),
    seg("shank_f", J::KneeF, J::AnkleF, 24.5, (3.3, 2.1), Tone::Far),
    seg("foot_f", J::AnkleF, J::ToeF, 11.5, (2.1, 1.2), Tone::Far),
];

/// The head's radius.
pub const HEAD_R: f64 = 6.2;
/// The heel, in the foot's frame (along the foot, then toward the shin): behind and
/// below the ankle, with its radius.
pub const HEEL: (f64, f64, f64) = (-2.0, -2.6, 2.1);

pub fn segment(name: &str) -> &'static Segment {
    SEGMENTS
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no segment {name}"))
}

/// A pose as joint angles in degrees. `trunk` is the pelvis's direction in the world
/// (90 = upright; the figure faces +x); every other angle is a joint's bend: `spine`
/// forward bending of the back (negative arches it), `hip_*` flexion (thigh forward),
/// `knee_*` flexion, `ankle_*` dorsiflexion from a right angle to the shin, `shoulder_*`
/// flexion (arm forward and up), `elbow_*` and `wrist_*` flexion, `neck` and `nod`
/// forward bending of the neck and head.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    pub trunk: f64,
    pub spine: f64,
    pub neck: f64,
    pub nod: f64,
    pub shoulder_n: f64,
    pub elbow_n: f64,
    pub wrist_n: f64,
    pub shoulder_f: f64,
    pub elbow_f: f64,
    pub wrist_f: f64,
    pub hip_n: f64,
    pub knee_n: f64,
    pub ankle_n: f64,
    pub hip_f: f64,
    pub knee_f: f64,
    pub ankle_f: f64,
}

/// Standing upright, arms by the sides.
pub const STAND: Pose = Pose {
    trunk: 90.0,
    spine: 0.0,
    neck: 0.0,
    nod: 0.0,
    shoulder_n: 5.0,
    elbow_n: 10.0,
    wrist_n: 0.0,
    shoulder_f: -5.0,
    elbow_f: 10.0,
    wrist_f: 0.0,
    hip_n: 0.0,
    knee_n: 0.0,
    ankle_n: 0.0,
    hip_f: 0.0,
    knee_f: 0.0,
    ankle_f: 0.0,
};

/// Where a point of the body is: on `seg`, at `u` along it and `v` across it (toward
/// the segment's left when it points away from you), as a circle of radius `r` whose
/// lowest point is what touches a surface.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyPoint {
    pub name: &'static str,
    pub seg: &'static str,
    pub u: f64,
    pub v: f64,
    pub r: f64,
}

const fn bp(name: &'static str, seg: &'static str, u: f64, v: f64, r: f64) -> BodyPoint {
    BodyPoint { name, seg, u, v, r }
}

/// The named points a pose can rest on.
pub const POINTS: &[BodyPoint] = &[
    bp("sacrum", "pelvis", 1.0, 0.0, 7.0),
    bp("upper_back", "chest", 17.5, 0.0, 7.0),
    bp("head", "head", 5.5, 0.0, HEAD_R),
    bp("elbow_n", "forearm_n", 0.0, 0.0, 2.2),
    bp("elbow_f", "forearm_f", 0.0, 0.0, 2.2),
    bp("wrist_n", "forearm_n", 14.5, 0.0, 1.6),
    bp("wrist_f", "forearm_f", 14.5, 0.0, 1.6),
    bp("fingers_n", "hand_n", 6.5, 0.0, 1.2),
    bp("fingers_f", "hand_f", 6.5, 0.0, 1.2),
    bp("knee_n", "shank_n", 0.0, 0.0, 3.3),
    bp("knee_f", "shank_f", 0.0, 0.0, 3.3),
    bp("heel_n", "foot_n", HEEL.0, HEEL.1, HEEL.2),
    bp("heel_f", "foot_f", HEEL.0, HEEL.1, HEEL.2),
    bp("toe_n", "foot_n", 11.5, 0.0, 1.2),
    bp("toe_f", "foot_f", 11.5, 0.0, 1.2),
];

pub fn point(name: &str) -> &'static BodyPoint {
    POINTS
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no body point {name}"))
}

/// What a body point rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Surface {
    Floor,
    /// The top of the pose's support (a step or bench), at its height.
    Support,
    /// The top of the pose's Swiss ball.
    Ball,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contact {
    pub point: &'static str,
    pub on: Surface,
}

pub const fn on(point: &'static str, on: Surface) -> Contact {
    Contact { point, on }
}

/// A joint angle of `Pose` a contact may be fitted by; the `Both*` ones move the near
/// and far limb together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum A {
    Spine,
    Neck,
    HipN,
    HipF,
    HipBoth,
    KneeN,
    KneeF,
    AnkleN,
    AnkleF,
    AnkleBoth,
    ShoulderN,
    ShoulderF,
    ShoulderBoth,
    ElbowN,
    ElbowF,
    ElbowBoth,
}

impl A {
    fn add(self, p: &mut Pose, d: f64) {
        match self {
            A::Spine => p.spine += d,
            A::Neck => p.neck += d,
            A::HipN => p.hip_n += d,
            A::HipF => p.hip_f += d,
            A::HipBoth => {
                p.hip_n += d;
                p.hip_f += d
            }
            A::KneeN => p.knee_n += d,
            A::KneeF => p.knee_f += d,
            A::AnkleN => p.ankle_n += d,
            A::AnkleF => p.ankle_f += d,
            A::AnkleBoth => {
                p.ankle_n += d;
                p.ankle_f += d
            }
            A::ShoulderN => p.shoulder_n += d,
            A::ShoulderF => p.shoulder_f += d,
            A::ShoulderBoth => {
                p.shoulder_n += d;
                p.shoulder_f += d
            }
            A::ElbowN => p.elbow_n += d,
            A::ElbowF => p.elbow_f += d,
            A::ElbowBoth => {
                p.elbow_n += d;
                p.elbow_f += d
            }
        }
    }
}

/// A further contact: it must touch its surface, and if `by` names an angle, that
/// angle is adjusted (from the pose's value, the nearest fit within 90°) until it does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub contact: Contact,
    pub by: Option<A>,
}

pub const fn fit(point: &'static str, surface: Surface, by: A) -> Fit {
    Fit {
        contact: Contact { point, on: surface },
        by: Some(by),
    }
}

pub const fn touch(point: &'static str, surface: Surface) -> Fit {
    Fit {
        contact: Contact { point, on: surface },
        by: None,
    }
}

/// How a pose meets the ground: `anchor` is put on its surface at `x`; `second`, if
/// any, is brought onto its surface by turning the whole body about the anchor; each
/// of `also` must touch too, fitted by its angle where it names one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ground {
    pub anchor: Contact,
    pub x: f64,
    pub second: Option<Contact>,
    pub also: &'static [Fit],
}

/// The world the figure is in: the support's height and extent, the ball's radius.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scene {
    pub support: Option<(f64, f64, f64)>,
    pub ball_r: f64,
}

impl Scene {
    pub const OPEN: Scene = Scene {
        support: None,
        ball_r: 0.0,
    };
    /// The height of `surface` under `x`.
    pub fn height(&self, surface: Surface) -> f64 {
        match surface {
            Surface::Floor => 0.0,
            Surface::Support => self.support.map_or(0.0, |s| s.2),
            Surface::Ball => 2.0 * self.ball_r,
        }
    }
}

pub type P = (f64, f64);

fn dir(deg: f64) -> P {
    let a = deg * PI / 180.0;
    (a.cos(), a.sin())
}

/// A posed, placed body: every joint in the world and every segment's direction.
#[derive(Debug, Clone)]
pub struct Placed {
    pub joints: Vec<(J, P)>,
    /// Each segment's direction in the world, in degrees, in the order of `SEGMENTS`.
    pub angles: Vec<f64>,
}

impl Placed {
    pub fn at(&self, j: J) -> P {
        self.joints
            .iter()
            .find(|(k, _)| *k == j)
            .expect("every joint is placed")
            .1
    }

    /// The centre of body point `p` in the world.
    pub fn point(&self, p: &BodyPoint) -> P {
        let i = SEGMENTS
            .iter()
            .position(|s| s.name == p.seg)
            .expect("known segment");
        let s = &SEGMENTS[i];
        let o = self.at(s.from);
        let (c, sn) = dir(self.angles[i]);
        (o.0 + p.u * c - p.v * sn, o.1 + p.u * sn + p.v * c)
    }

    /// The lowest point of the body (every segment's end circles, the heels, the head).
    pub fn lowest(&self) -> f64 {
        self.lowest_part().1
    }

    /// The part of the body that is lowest, and how low it is.
    pub fn lowest_part(&self) -> (&'static str, f64) {
        let mut low = ("", f64::INFINITY);
        for s in SEGMENTS {
            for (y, r) in [(self.at(s.from).1, s.r_from), (self.at(s.to).1, s.r_to)] {
                if y - r < low.1 {
                    low = (s.name, y - r);
                }
            }
        }
        for p in POINTS {
            let y = self.point(p).1 - p.r;
            if y < low.1 {
                low = (p.name, y);
            }
        }
        low
    }

    fn transform(&mut self, f: impl Fn(P) -> P, turn: f64) {
        for (_, p) in &mut self.joints {
            *p = f(*p);
        }
        for a in &mut self.angles {
            *a += turn;
        }
    }
}

/// The segments' world directions for `pose`, in the order of `SEGMENTS`.
fn directions(p: &Pose) -> Vec<f64> {
    let pelvis = p.trunk;
    let chest = pelvis - p.spine;
    let neck = chest - p.neck;
    let head = neck - p.nod;
    let arm_n = chest + 180.0 + p.shoulder_n;
    let fore_n = arm_n + p.elbow_n;
    let arm_f = chest + 180.0 + p.shoulder_f;
    let fore_f = arm_f + p.elbow_f;
    let thigh_n = pelvis + 180.0 + p.hip_n;
    let shank_n = thigh_n - p.knee_n;
    let thigh_f = pelvis + 180.0 + p.hip_f;
    let shank_f = thigh_f - p.knee_f;
    vec![
        pelvis,
        chest,
        neck,
        head,
        arm_n,
        fore_n,
        fore_n + p.wrist_n,
        arm_f,
        fore_f,
        fore_f + p.wrist_f,
        thigh_n,
        shank_n,
        shank_n + 90.0 + p.ankle_n,
        thigh_f,
        shank_f,
        shank_f + 90.0 + p.ankle_f,
    ]
}

/// Forward kinematics: the joints of `pose` with the hip at the origin.
pub fn pose(p: &Pose) -> Placed {
    let angles = directions(p);
    let mut joints: Vec<(J, P)> = vec![(J::Hip, (0.0, 0.0))];
    for (s, a) in SEGMENTS.iter().zip(&angles) {
        let o = joints
            .iter()
            .find(|(j, _)| *j == s.from)
            .expect("parents come first")
            .1;
        let d = dir(*a);
        joints.push((s.to, (o.0 + s.len * d.0, o.1 + s.len * d.1)));
    }
    Placed { joints, angles }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceError(pub String);

/// How far `c`'s lowest point is above its surface.
pub fn gap(body: &Placed, c: &Contact, scene: &Scene) -> f64 {
    let p = point(c.point);
    body.point(p).1 - p.r - scene.height(c.on)
}

/// `pose`, placed on the ground as `ground` says, in `scene`, with the angles its
/// fitted contacts name adjusted so they touch.
pub fn place(p: &Pose, ground: &Ground, scene: &Scene) -> Result<Placed, PlaceError> {
    let mut pose = *p;
    for _round in 0..8 {
        for f in ground.also {
            let Some(by) = f.by else { continue };
            let gap_at = |d: f64| -> Result<f64, PlaceError> {
                let mut q = pose;
                by.add(&mut q, d);
                Ok(gap(&place_rigid(&q, ground, scene)?, &f.contact, scene))
            };
            // The nearest change (searching outward a degree at a time) that crosses
            // zero, then halved down.
            let g0 = gap_at(0.0)?;
            if g0.abs() < 1e-3 {
                continue;
            }
            let mut found = None;
            'search: for step in 1..=90 {
                for sign in [1.0, -1.0] {
                    let d = sign * step as f64;
                    let prev = sign * (step - 1) as f64;
                    if gap_at(d)?.signum() != gap_at(prev)?.signum() {
                        found = Some((prev, d));
                        break 'search;
                    }
                }
            }
            let Some((mut a, mut b)) = found else {
                return Err(PlaceError(format!("{} cannot be fitted", f.contact.point)));
            };
            let ga = gap_at(a)?;
            for _ in 0..40 {
                let m = (a + b) / 2.0;
                if gap_at(m)?.signum() == ga.signum() {
                    a = m;
                } else {
                    b = m;
                }
            }
            by.add(&mut pose, (a + b) / 2.0);
        }
    }
    place_rigid(&pose, ground, scene)
}

/// `pose` placed by its anchor and second contact only.
fn place_rigid(p: &Pose, ground: &Ground, scene: &Scene) -> Result<Placed, PlaceError> {
    let mut body = pose(p);
    let a = point(ground.anchor.point);
    let c = body.point(a);
    let (dx, dy) = (ground.x - c.0, scene.height(ground.anchor.on) + a.r - c.1);
    body.transform(|(x, y)| (x + dx, y + dy), 0.0);
    if let Some(second) = ground.second {
        let pivot = body.point(a);
        let b = point(second.point);
        let q = body.point(b);
        let (vx, vy) = (q.0 - pivot.0, q.1 - pivot.1);
        let d = (vx * vx + vy * vy).sqrt();
        let want = (scene.height(second.on) + b.r - pivot.1) / d;
        if want.abs() > 1.0 {
            return Err(PlaceError(format!("{} cannot reach its surface", b.name)));
        }
        let phi = vy.atan2(vx);
        let options = [want.asin() - phi, PI - want.asin() - phi];
        let norm = |t: f64| (t + PI).rem_euclid(2.0 * PI) - PI;
        let turn = options
            .iter()
            .map(|t| norm(*t))
            .min_by(|x, y| x.abs().total_cmp(&y.abs()))
            .expect("two options");
        let (cs, sn) = (turn.cos(), turn.sin());
        body.transform(
            |(x, y)| {
                let (rx, ry) = (x - pivot.0, y - pivot.1);
                (pivot.0 + rx * cs - ry * sn, pivot.1 + rx * sn + ry * cs)
            },
            turn * 180.0 / PI,
        );
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standing_is_a_hundred_units_tall_with_the_heel_on_the_floor() {
        let g = Ground {
            anchor: on("heel_n", Surface::Floor),
            x: 0.0,
            second: Some(on("toe_n", Surface::Floor)),
            also: &[],
        };
        let b = place(&STAND, &g, &Scene::OPEN).unwrap();
        let top = b.at(J::HeadC).1 + HEAD_R;
        assert!((95.0..=102.0).contains(&top), "standing height {top}");
        assert!(b.lowest() > -0.01, "below the floor: {}", b.lowest());
        let hip = b.at(J::Hip).1;
        assert!((48.0..=56.0).contains(&hip), "hip height {hip}");
    }

    #[test]
    fn a_second_contact_turns_the_body_onto_its_surface() {
        let lying = Pose {
            trunk: 180.0,
            hip_n: 0.0,
            ..STAND
        };
        let g = Ground {
            anchor: on("upper_back", Surface::Floor),
            x: 0.0,
            second: Some(on("heel_n", Surface::Floor)),
            also: &[],
        };
        let b = place(&lying, &g, &Scene::OPEN).unwrap();
        let heel = b.point(point("heel_n"));
        assert!((heel.1 - HEEL.2).abs() < 1e-9, "heel centre at {heel:?}");
    }
}
