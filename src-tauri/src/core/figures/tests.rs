use super::model::{self, Contact, Placed, Scene, Surface, SEGMENTS};
use super::*;
use crate::core::protocol;
use std::path::Path;

/// How far (in units; a standing adult is 100) a contact may be off its surface.
const TOUCH: f64 = 0.8;

fn every_id() -> Vec<&'static str> {
    protocol::TESTS
        .iter()
        .map(|t| t.id)
        .chain(protocol::LADDER.iter().map(|e| e.id))
        .chain([protocol::STRETCH.id])
        .collect()
}

/// Every pose of a demonstration, placed: (what, body, ground).
fn poses(d: &Demo) -> Vec<(String, Placed, model::Ground)> {
    let mut out: Vec<_> = d
        .keys
        .iter()
        .map(|k| {
            let b = match model::place(&k.pose, &k.ground, &d.scene) {
                Ok(b) => b,
                Err(e) => panic!("{}: {}: {}", d.id, k.name, e.0),
            };
            (format!("{} {}", d.id, k.name), b, k.ground)
        })
        .collect();
    if let Some(m) = &d.mistake {
        let b = model::place(&m.pose, &m.ground, &d.scene).expect("mistake placed");
        out.push((format!("{} mistake", d.id), b, m.ground));
    }
    out
}

fn gap(body: &Placed, c: &Contact, scene: &Scene) -> f64 {
    model::gap(body, c, scene)
}

#[test]
fn every_exercise_test_and_the_stretch_has_a_demonstration_with_a_start_an_end_and_words() {
    for id in every_id() {
        let d = demo(id).unwrap_or_else(|| panic!("{id} has no pose file"));
        assert!(d.keys.len() >= 2, "{id}: a start and an end pose");
        assert!(
            d.end > 0 && d.end < d.keys.len(),
            "{id}: the end is one of the later poses"
        );
        assert!(
            d.alt.split_whitespace().count() >= 20,
            "{id}: the alt text tells the movement start to end"
        );
        assert!(!d.side.is_empty());
        for k in d.keys {
            assert!(k.moving > 0.0 && k.hold >= 0.0, "{id} {}: a tempo", k.name);
        }
    }
    assert_eq!(
        all().len(),
        every_id().len(),
        "a pose file for something the app does not show"
    );
}

#[test]
fn a_mistake_is_one_the_protocol_lists_for_that_exercise() {
    for d in all() {
        let Some(m) = &d.mistake else { continue };
        let listed: Vec<&str> = protocol::LADDER
            .iter()
            .filter(|e| e.id == d.id)
            .flat_map(|e| e.mistakes.iter().copied())
            .chain(
                (protocol::STRETCH.id == d.id)
                    .then_some(protocol::STRETCH.mistakes)
                    .into_iter()
                    .flatten()
                    .copied(),
            )
            .collect();
        assert!(
            listed.contains(&m.text),
            "{}: {:?} is not one of {listed:?}",
            d.id,
            m.text
        );
    }
    // Every ladder exercise whose first mistakes can be seen from the side shows one.
    let shown = all().iter().filter(|d| d.mistake.is_some()).count();
    assert!(shown >= 7, "only {shown} mistakes drawn");
}

#[test]
fn in_every_pose_limbs_keep_their_length_contacts_touch_and_nothing_goes_through_the_floor() {
    for d in all() {
        for (what, body, ground) in poses(d) {
            for s in SEGMENTS {
                let (a, b) = (body.at(s.from), body.at(s.to));
                let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
                assert!(
                    (len - s.len).abs() < 1e-6,
                    "{what}: {} is {len}, not {}",
                    s.name,
                    s.len
                );
            }
            let contacts = [Some(ground.anchor), ground.second]
                .into_iter()
                .flatten()
                .chain(ground.also.iter().map(|f| f.contact));
            for c in contacts {
                let g = gap(&body, &c, &d.scene);
                assert!(
                    g.abs() <= TOUCH,
                    "{what}: {} is {g:.2} off its {:?}",
                    c.point,
                    c.on
                );
            }
            let low = body.lowest();
            assert!(
                low >= -TOUCH,
                "{what}: the body goes {low:.2} through the floor"
            );
            // Nothing passes through the support either (a point above its area is on or
            // over its top).
            if let Some((x0, x1, h)) = d.scene.support {
                for p in model::POINTS {
                    let c = body.point(p);
                    if c.0 > x0 && c.0 < x1 {
                        assert!(
                            c.1 - p.r >= h - TOUCH,
                            "{what}: {} inside the support",
                            p.name
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_ball_sits_on_the_floor_under_its_heel_in_every_pose() {
    for d in all() {
        for p in d.props {
            if let Prop::Ball { under } = p {
                for (what, _body, ground) in poses(d) {
                    let on_ball = [Some(ground.anchor), ground.second]
                        .into_iter()
                        .flatten()
                        .chain(ground.also.iter().map(|f| f.contact))
                        .any(|c| c.point == *under && c.on == Surface::Ball);
                    assert!(on_ball, "{what}: {under} is not on the ball");
                }
            }
        }
    }
}

fn ui(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui").join(path)
}

#[test]
fn the_files_are_what_the_pose_files_give_now() {
    let mut stale = Vec::new();
    for d in all() {
        let path = ui(&format!("img/{}.svg", d.id));
        if std::fs::read_to_string(&path).ok() != Some(file_svg(d)) {
            stale.push(path.display().to_string());
        }
    }
    let css = ui("figures.css");
    if std::fs::read_to_string(&css).ok() != Some(stylesheet()) {
        stale.push(css.display().to_string());
    }
    assert!(
        stale.is_empty(),
        "out of date (run `cargo run --example figures`): {stale:?}"
    );
}

#[test]
fn all_the_pictures_together_stay_under_200_kb() {
    let mut total = std::fs::metadata(ui("figures.css")).unwrap().len();
    for d in all() {
        total += std::fs::metadata(ui(&format!("img/{}.svg", d.id)))
            .unwrap()
            .len();
    }
    assert!(total < 200 * 1024, "{total} bytes");
    println!("pictures: {total} bytes");
}

#[test]
fn the_moving_picture_has_keyframes_for_what_moves() {
    for d in all() {
        let css = render::keyframes(d);
        assert!(
            css.contains(&format!("@keyframes fig-{}-k", d.id)),
            "{}: nothing moves",
            d.id
        );
    }
}

#[test]
#[ignore = "a tool for drawing poses: prints how far each contact is off its surface"]
fn print_gaps() {
    for d in all() {
        for (what, body, ground) in poses(d) {
            let contacts = [Some(ground.anchor), ground.second]
                .into_iter()
                .flatten()
                .chain(ground.also.iter().map(|f| f.contact));
            let gaps: Vec<String> = contacts
                .map(|c| format!("{}={:.2}", c.point, gap(&body, &c, &d.scene)))
                .collect();
            let (part, low) = body.lowest_part();
            println!("{what:40} low={low:.2} ({part}) {}", gaps.join(" "));
        }
    }
}

#[test]
#[ignore = "a tool: prints the joints of one pose"]
fn print_joints() {
    let d = demo(&std::env::var("FIG").unwrap_or("standing_stretch".into())).unwrap();
    for (what, body, _) in poses(d) {
        println!("{what}");
        for (j, p) in &body.joints {
            println!("  {j:?} {:.1} {:.1}", p.0, p.1);
        }
        println!("  heel_n {:?}", body.point(model::point("heel_n")));
    }
}
