//! Self-test and gate-test results: what the latest results mean, and which gates
//! (cross-training, running) they open. Pure: results come in, explanations go out.

use super::protocol::{self, Gate, TESTS};
use super::{dates, InvalidInput};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    pub fn parse(text: &str) -> Option<Side> {
        Side::BOTH.into_iter().find(|s| s.as_str() == text)
    }
}

/// A leg as the Self-tests screen asks about it: "left leg", marked when it is the side
/// that hurts (the setup's answer). Both legs are always asked: the other leg is the
/// comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Leg {
    pub side: Side,
    pub label: String,
    pub painful: bool,
    pub mark: Option<&'static str>,
}

pub fn legs(painful: Option<super::setup::PainfulSide>) -> Vec<Leg> {
    Side::BOTH
        .into_iter()
        .map(|side| {
            let hurts = painful.is_some_and(|p| p.includes(side.as_str()));
            Leg {
                side,
                label: format!("{} leg", side.as_str()),
                painful: hurts,
                mark: hurts.then_some(super::setup::PAINFUL_MARK),
            }
        })
        .collect()
}

/// One test on one leg, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestResult {
    pub test_id: &'static str,
    pub side: Side,
    pub painful: bool,
    pub taken_on: NaiveDate,
    pub recorded_at: DateTime<Utc>,
}

/// The user's own check that their range of motion is back to normal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RangeOfMotion {
    pub normal: bool,
    pub taken_on: NaiveDate,
    pub recorded_at: DateTime<Utc>,
}

/// The latest result of `test_id` on `side`.
fn latest<'a>(results: &'a [TestResult], test_id: &str, side: Side) -> Option<&'a TestResult> {
    results
        .iter()
        .filter(|r| r.test_id == test_id && r.side == side)
        .max_by_key(|r| (r.taken_on, r.recorded_at))
}

/// Checks a test id sent by the window and returns the protocol's own `&'static str`.
pub fn check_test_id(text: &str) -> Result<&'static str, InvalidInput> {
    protocol::test(text).map(|t| t.id).ok_or_else(|| {
        let known: Vec<&str> = TESTS.iter().map(|t| t.id).collect();
        InvalidInput::new(
            "test_id",
            format!("Test must be one of {} (got \"{text}\").", known.join(", ")),
        )
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// Not every diagnostic test has a result on both legs, and none is positive.
    Incomplete,
    /// At least one positive test: consistent with high hamstring tendinopathy.
    Consistent,
    /// All three tests negative on both legs.
    Negative,
}

/// What the latest self-test results mean, in the project's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interpretation {
    pub finding: Finding,
    pub headline: String,
    /// Paragraphs, each one or two sentences.
    pub explanation: Vec<String>,
    /// The positive results behind a `Consistent` finding ("Standing stretch test, left leg").
    pub positives: Vec<String>,
    /// Tests still missing a result ("Rapid bent-knee stretch test, right leg").
    pub missing: Vec<String>,
    /// Guide sections that say more, each with the words of its link.
    pub see_also: Vec<GuideLink>,
    pub citations: Vec<u8>,
}

/// A link to a section of the guide: its id and the words of the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GuideLink {
    pub id: &'static str,
    pub label: &'static str,
}

/// The guide sections a finding points to, with the words of each link.
const GUIDE_LINKS: [GuideLink; 4] = [
    GuideLink {
        id: "self-tests",
        label: "the self-tests",
    },
    GuideLink {
        id: "imaging",
        label: "MRI and ultrasound",
    },
    GuideLink {
        id: "who-to-see",
        label: "who to talk to",
    },
    GuideLink {
        id: "other-causes",
        label: "other causes of buttock pain",
    },
];

fn links(ids: &[&'static str]) -> Vec<GuideLink> {
    ids.iter()
        .map(|id| {
            GUIDE_LINKS
                .iter()
                .find(|l| l.id == *id)
                .copied()
                .unwrap_or(GuideLink { id, label: id })
        })
        .collect()
}

/// What the Self-tests screen says about the gate tests, above them.
/// Under the tests' date field: what it takes (`dates::parse_past_day`, from 2000 on).
pub const DATE_HINT: &str = "A day up to today.";

pub const GATES_TEXT: &str = "The bent-knee stretch test above is also the gate for cross-training: once it is pain-free on both legs, cycling and pool running can start [3]. The back plank with leg lifts, with a normal range of motion, is the gate for running.";

fn leg(test_name: &str, side: Side) -> String {
    format!("{test_name}, {} leg", side.as_str())
}

pub fn interpret(results: &[TestResult]) -> Interpretation {
    let mut positives = Vec::new();
    let mut missing = Vec::new();
    for test in TESTS.iter().filter(|t| t.diagnostic) {
        for side in Side::BOTH {
            match latest(results, test.id, side) {
                Some(r) if r.painful => positives.push(leg(test.name, side)),
                Some(_) => {}
                None => missing.push(leg(test.name, side)),
            }
        }
    }
    let accuracy = "Among runners who had the injury, these tests were positive in 76–89 % [1] (their \
                    sensitivity, not their overall accuracy); none is perfect, so a clinician's examination, \
                    with an MRI where needed [2], is what confirms it."
        .to_string();
    if !positives.is_empty() {
        Interpretation {
            finding: Finding::Consistent,
            headline: "Your results are consistent with high hamstring tendinopathy".to_string(),
            explanation: vec![
                format!(
                    "Pain high in the hamstring or deep in the buttock during {} of the tests is what this \
                     injury typically produces.",
                    if positives.len() == 1 { "one" } else { "some" }
                ),
                accuracy,
                "The exercise program starts at its gentlest step; show these results to your physiotherapist \
                 or doctor."
                    .to_string(),
            ],
            positives,
            missing,
            see_also: links(&["self-tests", "imaging", "who-to-see"]),
            citations: vec![1, 2],
        }
    } else if missing.is_empty() {
        Interpretation {
            finding: Finding::Negative,
            headline: "Your results do not point to high hamstring tendinopathy".to_string(),
            explanation: vec![
                "All three tests were pain-free on both legs, so your pain may have another cause.".to_string(),
                "Deep buttock pain can also come from piriformis syndrome, a muscle strain, a sacral stress \
                 fracture or the lower back; a clinician can tell them apart."
                    .to_string(),
                accuracy,
            ],
            positives,
            missing,
            see_also: links(&["other-causes", "who-to-see"]),
            citations: vec![1],
        }
    } else {
        Interpretation {
            finding: Finding::Incomplete,
            headline: "Record all three tests on both legs".to_string(),
            explanation: vec![format!(
                "{} still {} a result; so far none was painful.",
                missing.len(),
                if missing.len() == 1 { "needs" } else { "need" }
            )],
            positives,
            missing,
            see_also: links(&["self-tests"]),
            citations: vec![1],
        }
    }
}

/// Whether a gate is open, and why, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateStatus {
    pub gate: Gate,
    pub name: &'static str,
    pub open: bool,
    pub reason: String,
    /// The test that decides it.
    pub test_id: &'static str,
}

fn gate_test(gate: Gate) -> &'static protocol::TestInfo {
    TESTS
        .iter()
        .find(|t| t.gate == Some(gate))
        .expect("every gate has its test in the protocol")
}

/// Both legs' latest result of the gate test: `Ok(day)` when both are pain-free (the
/// later of the two days), otherwise the sentence saying what is missing or painful.
fn both_legs_clear(results: &[TestResult], test: &protocol::TestInfo) -> Result<NaiveDate, String> {
    let left = latest(results, test.id, Side::Left);
    let right = latest(results, test.id, Side::Right);
    match (left, right) {
        (Some(l), Some(r)) if !l.painful && !r.painful => Ok(l.taken_on.max(r.taken_on)),
        (l, r) => {
            let painful: Vec<String> = [l, r]
                .into_iter()
                .flatten()
                .filter(|x| x.painful)
                .map(|x| {
                    format!(
                        "the {} leg on {}",
                        x.side.as_str(),
                        dates::friendly(x.taken_on)
                    )
                })
                .collect();
            if !painful.is_empty() {
                Err(format!(
                    "the {} was painful on {}",
                    lower(test.name),
                    painful.join(" and ")
                ))
            } else {
                let side = if l.is_none() && r.is_none() {
                    "either leg".to_string()
                } else {
                    format!("the {} leg", if l.is_none() { "left" } else { "right" })
                };
                Err(format!(
                    "the {} has no result yet for {side}",
                    lower(test.name)
                ))
            }
        }
    }
}

fn lower(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn gates(results: &[TestResult], rom: Option<&RangeOfMotion>) -> Vec<GateStatus> {
    let cross = gate_test(Gate::CrossTraining);
    let cross_status = match both_legs_clear(results, cross) {
        Ok(day) => GateStatus {
            gate: Gate::CrossTraining,
            name: "Cross-training",
            open: true,
            reason: format!(
                "Open: the {} was pain-free on both legs ({}), so cycling and pool running can start [3].",
                lower(cross.name),
                dates::friendly(day)
            ),
            test_id: cross.id,
        },
        Err(why) => GateStatus {
            gate: Gate::CrossTraining,
            name: "Cross-training",
            open: false,
            reason: format!("Closed: {why}; cycling and pool running wait until it is pain-free on both legs [3]."),
            test_id: cross.id,
        },
    };
    let run = gate_test(Gate::Running);
    let run_status = match (both_legs_clear(results, run), rom) {
        (Ok(day), Some(m)) if m.normal => GateStatus {
            gate: Gate::Running,
            name: "Running",
            open: true,
            reason: format!(
                "Open: the {} was pain-free on both legs ({}) and your range of motion is normal, so the \
                 8-week return to running can begin [3].",
                lower(run.name),
                dates::friendly(day)
            ),
            test_id: run.id,
        },
        (Ok(_), rom) => GateStatus {
            gate: Gate::Running,
            name: "Running",
            open: false,
            reason: match rom {
                Some(m) => format!(
                    "Closed: you noted on {} that your range of motion is not yet normal; running waits for it [3].",
                    dates::friendly(m.taken_on)
                ),
                None => format!(
                    "Closed: the {} is pain-free, but you have not yet confirmed a normal range of motion [3].",
                    lower(run.name)
                ),
            },
            test_id: run.id,
        },
        (Err(why), _) => GateStatus {
            gate: Gate::Running,
            name: "Running",
            open: false,
            reason: format!("Closed: {why}; running waits until it is pain-free on both legs [3]."),
            test_id: run.id,
        },
    };
    vec![cross_status, run_status]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guide_link_names_a_guide_section() {
        for link in GUIDE_LINKS {
            assert!(
                crate::core::guide::SECTIONS.iter().any(|s| s.id == link.id),
                "{} is not a guide section",
                link.id
            );
        }
    }
    use chrono::{Duration, TimeZone};

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, n).unwrap()
    }

    fn result(test_id: &'static str, side: Side, painful: bool, n: u32) -> TestResult {
        TestResult {
            test_id,
            side,
            painful,
            taken_on: day(n),
            recorded_at: Utc.with_ymd_and_hms(2026, 3, n, 9, 0, 0).unwrap(),
        }
    }

    fn both(test_id: &'static str, painful: bool, n: u32) -> Vec<TestResult> {
        Side::BOTH
            .into_iter()
            .map(|s| result(test_id, s, painful, n))
            .collect()
    }

    fn rom(normal: bool, n: u32) -> RangeOfMotion {
        RangeOfMotion {
            normal,
            taken_on: day(n),
            recorded_at: Utc.with_ymd_and_hms(2026, 3, n, 9, 0, 0).unwrap(),
        }
    }

    fn open(results: &[TestResult], rom: Option<&RangeOfMotion>) -> (bool, bool) {
        let g = gates(results, rom);
        (g[0].open, g[1].open)
    }

    #[test]
    fn cross_training_opens_on_a_pain_free_bent_knee_test_and_closes_on_a_later_painful_one() {
        assert_eq!(open(&[], None), (false, false));
        let mut results = vec![result("bent_knee_stretch", Side::Left, false, 2)];
        assert!(!open(&results, None).0, "one leg is not enough");
        results.push(result("bent_knee_stretch", Side::Right, false, 2));
        assert!(open(&results, None).0);
        results.push(result("bent_knee_stretch", Side::Right, true, 5));
        let g = gates(&results, None);
        assert!(!g[0].open);
        assert!(
            g[0].reason
                .contains("painful on the right leg on Thu 5 Mar 2026"),
            "{}",
            g[0].reason
        );
        results.push(result("bent_knee_stretch", Side::Right, false, 8));
        assert!(
            open(&results, None).0,
            "a later pain-free result opens it again"
        );
    }

    #[test]
    fn running_needs_the_plank_pain_free_on_both_legs_and_a_normal_range_of_motion() {
        let mut results = both("back_plank_leg_lifts", false, 3);
        assert!(!open(&results, None).1, "range of motion not confirmed");
        assert!(!open(&results, Some(&rom(false, 3))).1);
        assert!(open(&results, Some(&rom(true, 3))).1);
        assert!(gates(&results, Some(&rom(true, 3)))[1]
            .reason
            .starts_with("Open"));
        results.push(result("back_plank_leg_lifts", Side::Left, true, 9));
        let g = gates(&results, Some(&rom(true, 3)));
        assert!(!g[1].open, "a later painful plank closes the running gate");
        assert!(
            g[1].reason.contains("left leg on Mon 9 Mar 2026"),
            "{}",
            g[1].reason
        );
    }

    #[test]
    fn of_two_results_on_the_same_day_the_later_recorded_counts() {
        let mut later = result("back_plank_leg_lifts", Side::Left, false, 4);
        later.recorded_at += Duration::minutes(5);
        let results = vec![
            result("back_plank_leg_lifts", Side::Left, true, 4),
            later,
            result("back_plank_leg_lifts", Side::Right, false, 4),
        ];
        assert!(open(&results, Some(&rom(true, 4))).1);
    }
}
