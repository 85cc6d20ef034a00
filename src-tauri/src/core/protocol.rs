//! The rehab protocol as data: the self-tests, the gate tests, the exercise ladder in
//! the guide's order with each exercise's dose, steps, cues and common mistakes, the
//! gentle hamstring stretch, and the guide's numbered citations. Written once, here,
//! in the project's own words; the UI gets all of it from the backend.
//!
//! Source: `../shared/seed/high-hamstring-tendinopathy-guide.txt`. Every figure keeps
//! the number of the citation it comes from (`citations`).

use serde::Serialize;

/// One of the guide's numbered sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub n: u8,
    /// Who and what, as the guide identifies it (the guide gives no full reference list).
    pub source: &'static str,
    /// What the app takes from it, in one line.
    pub used_for: &'static str,
}

/// A range of whole numbers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub min: u16,
    pub max: u16,
}

/// Which gate a test opens (see the return-to-running plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    /// Cycling and pool running.
    CrossTraining,
    /// The 8-week return to running (together with normal range of motion).
    Running,
}

/// A test the user does on each leg and records as pain / no pain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TestInfo {
    /// Stable id, stored in the database: never change one that has shipped.
    pub id: &'static str,
    pub name: &'static str,
    /// One sentence: what the test does and why.
    pub summary: &'static str,
    /// What to do, in order, one short sentence each.
    pub steps: &'static [&'static str],
    /// What counts as a positive result (pain where, when).
    pub positive: &'static str,
    /// Safety and technique notes (e.g. stop if the pain is sharp).
    pub cautions: &'static [&'static str],
    /// One of the three diagnostic self-tests.
    pub diagnostic: bool,
    /// The gate this test opens when pain-free, if any.
    pub gate: Option<Gate>,
    pub citations: &'static [u8],
}

/// How an exercise is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Counted repetitions per set.
    Reps,
    /// A held position, timed in seconds per set.
    Hold,
}

/// The daily dose: `sets` sets of `amount` repetitions (or seconds, for a hold).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dose {
    pub sets: Span,
    pub amount: Span,
    pub per_day: u8,
}

/// One rung of the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Exercise {
    /// Stable id, stored in the database: never change one that has shipped.
    pub id: &'static str,
    pub name: &'static str,
    /// One sentence: what it trains and why it sits at this step of the ladder.
    pub purpose: &'static str,
    pub measure: Measure,
    /// Done on each leg in turn (the amount is per leg).
    pub per_side: bool,
    pub dose: Dose,
    pub steps: &'static [&'static str],
    /// Short reminders while doing it.
    pub cues: &'static [&'static str],
    pub mistakes: &'static [&'static str],
    pub citations: &'static [u8],
    /// Where the steps come from: the guide names its exercises but describes none.
    pub described: &'static str,
    /// How to stay out of the painful range, and when to ease off (empty if nothing
    /// beyond the cues), from `safely_source`.
    pub safely: &'static [&'static str],
    /// The key of the source beyond the guide behind `safely` (`sources::OTHER_SOURCES`).
    pub safely_source: Option<&'static str>,
}

/// The gentle hamstring stretch done 3–4 times a day alongside the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stretch {
    pub id: &'static str,
    pub name: &'static str,
    pub purpose: &'static str,
    pub per_day: Span,
    /// Seconds to hold each side.
    pub hold_seconds: u16,
    /// Where the hold time comes from: the guide gives none, so it is the app's suggestion.
    pub hold_source: &'static str,
    pub steps: &'static [&'static str],
    pub cues: &'static [&'static str],
    pub mistakes: &'static [&'static str],
    pub citations: &'static [u8],
    /// How to stretch without pressing the tendon on the sitting bone, and when to ease
    /// off, from `safely_source`.
    pub safely: &'static [&'static str],
    pub safely_source: &'static str,
}

/// The steps of every exercise are the app's own.
pub const DESCRIBED_BY_APP: &str = "These steps are the app's own description: the guide names this exercise [3] but does not say how to do it.";

/// Staying out of the positions that squeeze the tendon, as the stretch and the
/// hamstring catch both need it [Goom 2016].
const NO_SQUEEZE: &str = "While the tendon is irritable, keep out of deep hip bending with a straight knee: it presses the tendon against the sitting bone.";

/// The dose the guide gives for every ladder exercise, to be reached ("progressing to"),
/// not started at: 3–4 sets of 10–15 repetitions, once a day [7]. For a hold the same
/// figures are used as seconds, and an exercise done one leg at a time counts them on
/// each leg: both are the app's suggestion (`dose_line` says so), the guide gives neither.
/// How a new exercise builds up to it is the app's own rule (`progression::START_SETS`).
pub const DAILY_DOSE: Dose = Dose {
    sets: Span { min: 3, max: 4 },
    amount: Span { min: 10, max: 15 },
    per_day: 1,
};

/// How a dose, or a part of one, that the guide does not give is labelled.
pub const APP_SUGGESTION: &str = "the app's suggestion";

/// "3", or "3–4" for a range.
pub fn span_words(s: Span) -> String {
    if s.min == s.max {
        s.min.to_string()
    } else {
        format!("{}–{}", s.min, s.max)
    }
}

/// A dose in words: "1 set of 10 repetitions", "3–4 holds of 10–15 seconds",
/// "2 sets of 10 repetitions each leg".
pub fn dose_words(e: &Exercise, sets: Span, amount: Span) -> String {
    let hold = e.measure == Measure::Hold;
    let one = sets.max == 1;
    let set = match (hold, one) {
        (true, true) => "hold",
        (true, false) => "holds",
        (false, true) => "set",
        (false, false) => "sets",
    };
    let unit = if hold { "seconds" } else { "repetitions" };
    let each = if e.per_side { " each leg" } else { "" };
    format!(
        "{} {set} of {} {unit}{each}",
        span_words(sets),
        span_words(amount)
    )
}

/// An exercise's dose to reach, in words, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoseLine {
    pub id: &'static str,
    /// "Progressing to 3–4 sets of 10–15 repetitions, once a day."
    pub text: String,
    /// Where it comes from: the guide [7], or the guide for part of it and the app's
    /// suggestion for the rest.
    pub source: String,
}

/// The dose `e` builds up to, and its provenance: the guide's figure is in repetitions of
/// each exercise [7]; holds in seconds and counts on each leg are the app's suggestion.
pub fn dose_line(e: &Exercise) -> DoseLine {
    let d = e.dose;
    let per_day = if d.per_day == 1 {
        "once a day".to_string()
    } else {
        format!("{} times a day", d.per_day)
    };
    let text = format!(
        "Progressing to {}, {per_day}.",
        dose_words(e, d.sets, d.amount)
    );
    let source = match (e.measure, e.per_side) {
        (Measure::Hold, _) => format!(
            "The sets and once a day are from the guide [7]; holds of {} seconds are {APP_SUGGESTION}: the guide's figure counts repetitions and gives no hold time.",
            span_words(d.amount)
        ),
        (Measure::Reps, true) => format!(
            "From the guide [7]; counting the repetitions on each leg is {APP_SUGGESTION}: the guide does not say."
        ),
        (Measure::Reps, false) => "From the guide [7].".to_string(),
    };
    DoseLine {
        id: e.id,
        text,
        source,
    }
}

/// The dose line of every ladder exercise, in ladder order.
pub fn dose_lines() -> Vec<DoseLine> {
    LADDER.iter().map(dose_line).collect()
}

/// "Stretch gently, 3–4 times a day, both legs, never into pain [3]." (Today, under
/// the count.)
pub fn stretch_hint() -> String {
    format!(
        "Stretch gently, {}–{} times a day, both legs, never into pain [3].",
        STRETCH.per_day.min, STRETCH.per_day.max
    )
}

// CONTENT BELOW: CITATIONS, TESTS, LADDER, STRETCH.

/// The guide's numbered sources, as the guide names them.
pub const CITATIONS: &[Citation] = &[
    Citation {
        n: 1,
        source: "A review from January 2012 of three clinical tests for proximal hamstring tendon pain",
        used_for: "The three self-tests and their sensitivity (positive in 76–89 % of the injured runners).",
    },
    Citation {
        n: 2,
        source: "Marc Sherry (University of Wisconsin), review of imaging in hamstring injuries",
        used_for: "What an MRI shows (tendon thickening, tears, bone-marrow edema) and what ultrasound cannot.",
    },
    Citation {
        n: 3,
        source: "Fredericson, Moore, Guillet and Beaulieu (Stanford University), treatment of high hamstring tendinopathy in runners",
        used_for: "The treatment plan: the exercise ladder and its order, soft-tissue work, stretching, the gate tests.",
    },
    Citation {
        n: 4,
        source: "Research describing tendinopathy as a degenerative process rather than an inflammatory one",
        used_for: "Why the tendon heals slowly and why eccentric loading is used.",
    },
    Citation {
        n: 5,
        source: "Studies of shockwave therapy in other chronic tendon injuries in athletes",
        used_for: "Shockwave therapy as an ancillary option, with its caution.",
    },
    Citation {
        n: 6,
        source: "Lempainen and colleagues (Finland, 2009), surgery for proximal hamstring tendinopathy",
        used_for: "Surgical outcomes: 80 of 90 back to the same level, 62 excellent, mean 5 months (2–12).",
    },
    Citation {
        n: 7,
        source: "Runner's World magazine, an article on proximal hamstring tendinopathy",
        used_for: "The dose: once a day, 3–4 sets of 10–15 repetitions for every exercise.",
    },
    Citation {
        n: 8,
        source: "Case studies of runners with high hamstring tendinopathy",
        used_for: "Recovery times of about 8–12 weeks.",
    },
];

/// The three diagnostic self-tests, then the gate test for running. The bent-knee
/// stretch test is both a self-test and the cross-training gate.
pub const TESTS: &[TestInfo] = &[
    TestInfo {
        id: "standing_stretch",
        name: "Standing stretch test",
        summary: "A standing hamstring stretch with the heel raised on a support, to see whether stretching provokes your pain.",
        steps: &[
            "Stand facing a step, bench or chair between knee and waist height.",
            "Rest the heel of the leg being tested on it, with that knee straight.",
            "Keep your back long and tip forward gently from the hips until you feel a stretch behind the thigh.",
            "Hold for a few breaths, notice any pain, then lower the leg.",
            "Repeat with the other leg.",
        ],
        positive: "Pain high in the back of the thigh or deep in the buttock, near the sitting bone, during the stretch.",
        cautions: &["Stretch only as far as is comfortable; stop if the pain is sharp.", "Hold on to something if your balance is unsteady."],
        diagnostic: true,
        gate: None,
        citations: &[1],
    },
    TestInfo {
        id: "bent_knee_stretch",
        name: "Bent-knee stretch test",
        summary: "Lying on your back, the bent knee is slowly straightened to load the hamstring tendon gently.",
        steps: &[
            "Lie on your back on a firm surface with both legs straight.",
            "Bend the hip and knee of the leg being tested, bringing the knee toward your chest.",
            "A helper holds your heel and slowly straightens your knee as far as it will comfortably go.",
            "Alone, loop a belt or rope around the foot and straighten the knee slowly with it.",
            "Notice any pain, lower the leg, then test the other side.",
        ],
        positive: "Pain high in the hamstring or deep in the buttock as the knee straightens.",
        cautions: &["Move slowly and stop at the first sharp pain.", "Keep the other leg relaxed on the floor."],
        diagnostic: true,
        gate: Some(Gate::CrossTraining),
        citations: &[1, 3],
    },
    TestInfo {
        id: "rapid_bent_knee_stretch",
        name: "Rapid bent-knee stretch test",
        summary: "The same start as the bent-knee stretch test, but the knee is straightened quickly.",
        steps: &[
            "Lie on your back with the hip and knee of the leg being tested bent toward your chest.",
            "A helper holds your heel and straightens your knee in one quick movement.",
            "Notice any pain, lower the leg, then test the other side.",
        ],
        positive: "Pain high in the hamstring or deep in the buttock during the quick straightening.",
        cautions: &[
            "Do this one only with a helper, never with a belt on your own.",
            "Skip it if the slow version already hurt, and stop at the first sharp pain.",
        ],
        diagnostic: true,
        gate: None,
        citations: &[1],
    },
    TestInfo {
        id: "back_plank_leg_lifts",
        name: "Back plank with leg lifts",
        summary: "A face-up plank with one leg lifted at a time, to check that the hamstring copes with load before running.",
        steps: &[
            "Sit with your legs straight and lean back onto your elbows.",
            "Lift your hips until shoulders, hips and heels are in one straight line.",
            "Keeping the hips level, lift one leg a hand's width off the floor, hold briefly, and lower it.",
            "Do the same with the other leg.",
            "Note whether either side hurt.",
        ],
        positive: "Any pain high in the hamstring or in the buttock while lifting the leg or holding the plank.",
        cautions: &["Lower your hips to rest if they start to sag.", "Stop if the pain is sharp."],
        diagnostic: false,
        gate: Some(Gate::Running),
        citations: &[3],
    },
];

/// The exercise ladder, in the guide's order [3], each at the daily dose [7].
pub const LADDER: &[Exercise] = &[
    Exercise {
        id: "glute_bridge",
        name: "Double-leg glute bridge",
        purpose: "A gentle start for the glutes and hamstrings without stretching the sore tendon: slow lifts with a two-second pause at the top. The guide begins with static work of this kind [3]; the app doses it as repetitions.",
        measure: Measure::Reps,
        per_side: false,
        dose: DAILY_DOSE,
        steps: &[
            "Lie on your back, knees bent, feet flat and hip-width apart.",
            "Press through your heels and squeeze your glutes to lift your hips.",
            "Stop when shoulders, hips and knees form a straight line, and pause for two seconds.",
            "Lower slowly to the floor; that is one repetition.",
        ],
        cues: &["Push through the heels.", "Squeeze the glutes before the hips leave the floor.", "Breathe out as you lift."],
        mistakes: &["Arching the lower back at the top.", "Letting the knees fall in or out.", "Dropping down quickly."],
        citations: &[3, 7],
        described: DESCRIBED_BY_APP,
        safely: &[],
        safely_source: None,
    },
    Exercise {
        id: "front_plank",
        name: "Front plank",
        purpose: "Builds the core and pelvic stability that take strain off the hamstring.",
        measure: Measure::Hold,
        per_side: false,
        dose: DAILY_DOSE,
        steps: &[
            "Lie face down and rest on your forearms, elbows under your shoulders.",
            "Tuck your toes and lift your body so it forms a straight line from head to heels.",
            "Hold the position, breathing steadily, for the set time.",
            "Lower your knees to rest; each hold is one set.",
        ],
        cues: &["Tighten your tummy as if bracing for a light push.", "Keep your neck long, eyes to the floor."],
        mistakes: &["Hips sagging toward the floor.", "Hips piked high.", "Holding your breath."],
        citations: &[3, 7],
        described: DESCRIBED_BY_APP,
        safely: &[],
        safely_source: None,
    },
    Exercise {
        id: "glute_bridge_leg_lift",
        name: "Glute bridge with leg lifts",
        purpose: "Adds a leg lift to the bridge so the glute and hamstring of the standing leg work together.",
        measure: Measure::Reps,
        per_side: true,
        dose: DAILY_DOSE,
        steps: &[
            "Set up as for the glute bridge and lift your hips into a straight line.",
            "Keeping the hips level, straighten one knee so that foot lifts off the floor.",
            "Hold for two seconds, put the foot back down, then lower the hips.",
            "Do all the repetitions on one side, then the other.",
        ],
        cues: &["Keep both hips at the same height.", "Drive through the heel that stays down."],
        mistakes: &["One hip dropping as the leg lifts.", "Pushing off with the arms.", "Rushing the lowering."],
        citations: &[3, 7],
        described: DESCRIBED_BY_APP,
        safely: &[],
        safely_source: None,
    },
    Exercise {
        id: "front_plank_leg_lift",
        name: "Front plank with leg lifts",
        purpose: "Lifting a leg in the plank makes the glute and hamstring work with the core.",
        measure: Measure::Reps,
        per_side: true,
        dose: DAILY_DOSE,
        steps: &[
            "Get into a front plank on your forearms and toes.",
            "Squeeze the glute and raise one straight leg a few centimetres.",
            "Hold for a second, lower it, and keep the plank steady.",
            "Do all the repetitions on one side, then the other, resting between sets.",
        ],
        cues: &["Lift from the glute, not the lower back.", "Keep your hips square to the floor."],
        mistakes: &["Twisting the pelvis to lift higher.", "Letting the hips sag between lifts."],
        citations: &[3, 7],
        described: DESCRIBED_BY_APP,
        safely: &[],
        safely_source: None,
    },
    Exercise {
        id: "hamstring_catch",
        name: "Standing hamstring catch",
        purpose: "A first eccentric exercise: the hamstring controls the body as it lowers, the load that helps a tendon remodel.",
        measure: Measure::Reps,
        per_side: true,
        dose: DAILY_DOSE,
        steps: &[
            "Stand on one leg with the knee slightly bent, a wall or chair within reach.",
            "Hinge forward from the hip, letting the free leg swing back in line with your body.",
            "Lower slowly and stop the movement with the back of the standing thigh, as if catching it.",
            "Return to standing under control; do all repetitions on one side, then the other.",
        ],
        cues: &["Slow on the way down.", "Keep your back flat and hips level."],
        mistakes: &["Rounding the back.", "Dropping fast instead of controlling the lowering.", "Going deeper than pain allows."],
        citations: &[3, 7],
        described: DESCRIBED_BY_APP,
        safely: &[
            NO_SQUEEZE,
            "Keep the standing knee soft and lean only as far as you can without pain at the sitting bone; start with a small range and let it grow over the weeks.",
            "Ease off, with a smaller lean or fewer repetitions, if the pain at the sitting bone rises during the set or is worse the next morning.",
        ],
        safely_source: Some(crate::core::sources::GOOM_2016),
    },
    Exercise {
        id: "swiss_ball_curl",
        name: "Swiss ball curls",
        purpose: "Works the hamstrings both shortening and lengthening; start with a short range and widen it as it is tolerated.",
        measure: Measure::Reps,
        per_side: false,
        dose: DAILY_DOSE,
        steps: &[
            "Lie on your back with your heels on a Swiss ball, legs straight, arms out on the floor.",
            "Lift your hips so your body is in a straight line.",
            "Bend your knees to roll the ball toward you.",
            "Roll it back out slowly until your legs are straight again, keeping the hips up.",
        ],
        cues: &["The way out is the important part: take three seconds.", "Keep the hips lifted throughout."],
        mistakes: &["Letting the hips drop as the ball rolls out.", "Going into full range before a short range is easy."],
        citations: &[3, 7],
        described: DESCRIBED_BY_APP,
        safely: &[],
        safely_source: None,
    },
    Exercise {
        id: "single_leg_swiss_ball_curl",
        name: "Single-leg Swiss ball curls",
        purpose: "The last step of the ladder: the same curl with one leg doing all the work.",
        measure: Measure::Reps,
        per_side: true,
        dose: DAILY_DOSE,
        steps: &[
            "Set up as for the Swiss ball curl and lift your hips.",
            "Lift one foot off the ball and keep it in the air.",
            "Curl the ball in with the other leg, then roll it out slowly.",
            "Do all the repetitions on one side, then the other.",
        ],
        cues: &["Keep the pelvis level.", "Control the roll out."],
        mistakes: &["Hips twisting toward the free leg.", "Moving on before two-leg curls are pain-free."],
        citations: &[3, 7],
        described: DESCRIBED_BY_APP,
        safely: &[],
        safely_source: None,
    },
];

/// The gentle hamstring stretch, 3–4 times a day alongside the ladder [3].
pub const STRETCH: Stretch = Stretch {
    id: "hamstring_stretch",
    name: "Gentle hamstring stretch",
    purpose: "Eases hamstring tension on both legs; done gently several times a day beside the exercises.",
    per_day: Span { min: 3, max: 4 },
    hold_seconds: 30,
    hold_source: "About 30 seconds each leg is the app's suggestion: the guide [3] asks for gentle stretching but gives no hold time.",
    steps: &[
        "Lie on your back and loop a towel or belt around one foot.",
        "Raise that leg toward the ceiling with the knee a little bent, only until you feel a mild stretch in the middle of the back of the thigh.",
        "Hold it still, breathing slowly, for about 30 seconds.",
        "Lower the leg and repeat on the other side.",
    ],
    cues: &["A mild pull, never pain.", "Relax your shoulders and breathe out into the stretch."],
    mistakes: &["Bouncing.", "Pulling into pain near the sitting bone.", "Stretching only the sore leg."],
    citations: &[3],
    safely: &[
        NO_SQUEEZE,
        "Stop at a mild pull in the middle of the thigh; if you feel it at the sitting bone, lower the leg or bend the knee more.",
        "Ease off for a day or two, stretching less far, if the ache lasts after you let go or is worse the next morning.",
        "Sitting for long on a hard seat presses on the same spot: get up often, or use a softer seat.",
    ],
    safely_source: crate::core::sources::GOOM_2016,
};

/// The ladder exercise with id `id`, and its place in the ladder.
pub fn exercise(id: &str) -> Option<(usize, &'static Exercise)> {
    LADDER.iter().enumerate().find(|(_, e)| e.id == id)
}

pub fn test(id: &str) -> Option<&'static TestInfo> {
    TESTS.iter().find(|t| t.id == id)
}

pub fn citation(n: u8) -> Option<&'static Citation> {
    CITATIONS.iter().find(|c| c.n == n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every text the app shows from the protocol.
    fn all_texts() -> Vec<&'static str> {
        let mut out = Vec::new();
        for c in CITATIONS {
            out.extend([c.source, c.used_for]);
        }
        for t in TESTS {
            out.extend([t.name, t.summary, t.positive]);
            out.extend(t.steps.iter().chain(t.cautions));
        }
        for e in LADDER {
            out.extend([e.name, e.purpose]);
            out.extend(
                e.steps
                    .iter()
                    .chain(e.cues)
                    .chain(e.mistakes)
                    .chain(e.safely),
            );
            out.push(e.described);
        }
        out.extend([STRETCH.name, STRETCH.purpose, STRETCH.hold_source]);
        out.extend(
            STRETCH
                .steps
                .iter()
                .chain(STRETCH.cues)
                .chain(STRETCH.mistakes)
                .chain(STRETCH.safely),
        );
        out
    }

    #[test]
    fn the_ladder_is_the_guides_seven_steps_in_order_at_the_guides_dose() {
        let ids: Vec<&str> = LADDER.iter().map(|e| e.id).collect();
        assert_eq!(
            ids,
            [
                "glute_bridge",
                "front_plank",
                "glute_bridge_leg_lift",
                "front_plank_leg_lift",
                "hamstring_catch",
                "swiss_ball_curl",
                "single_leg_swiss_ball_curl"
            ]
        );
        for e in LADDER {
            assert_eq!(e.dose, DAILY_DOSE, "{}", e.id);
            assert!(
                e.citations.contains(&7),
                "{} must cite the dose's source",
                e.id
            );
            assert!(
                !e.steps.is_empty() && !e.cues.is_empty() && !e.mistakes.is_empty(),
                "{}",
                e.id
            );
        }
        assert_eq!(
            (
                DAILY_DOSE.sets.min,
                DAILY_DOSE.sets.max,
                DAILY_DOSE.amount.min,
                DAILY_DOSE.amount.max
            ),
            (3, 4, 10, 15)
        );
        assert_eq!(
            exercise("front_plank").map(|(i, e)| (i, e.measure)),
            Some((1, Measure::Hold))
        );
        assert_eq!(exercise("nope"), None);
    }

    #[test]
    fn the_stretch_and_the_catch_say_how_to_stay_out_of_the_painful_range() {
        use crate::core::sources::{other_source, GOOM_2016};
        let catch = exercise("hamstring_catch").unwrap().1;
        for (safely, source) in [
            (STRETCH.safely, Some(STRETCH.safely_source)),
            (catch.safely, catch.safely_source),
        ] {
            assert_eq!(source, Some(GOOM_2016));
            let all = safely.join(" ");
            for part in ["sitting bone", "straight knee", "Ease off", "next morning"] {
                crate::core::says(&all, part);
            }
        }
        for e in LADDER {
            crate::core::says(e.described, "app's own description");
            if let Some(key) = e.safely_source {
                assert!(other_source(key).is_some(), "{key}");
            }
        }
        assert!(!exercise("glute_bridge")
            .unwrap()
            .1
            .purpose
            .contains("mostly static"));
    }

    /// The guide's dose [7] is repetitions of each exercise: a hold time, a count on each
    /// leg and the stretch's hold are never put under a source's number alone.
    #[test]
    fn a_dose_the_guide_does_not_give_is_the_apps_suggestion() {
        for e in LADDER {
            let line = dose_line(e);
            crate::core::says(&line.text, "Progressing to 3–4");
            crate::core::says(&line.text, "once a day");
            if e.measure == Measure::Hold || e.per_side {
                crate::core::says(&line.source, "the app's suggestion");
                assert!(!line.source.starts_with("From the guide [7]."), "{}", e.id);
            } else {
                assert_eq!(line.source, "From the guide [7].", "{}", e.id);
            }
        }
        let plank = dose_line(exercise("front_plank").unwrap().1);
        assert_eq!(
            plank.text,
            "Progressing to 3–4 holds of 10–15 seconds, once a day."
        );
        crate::core::says(
            &plank.source,
            "holds of 10–15 seconds are the app's suggestion",
        );
        let catch = dose_line(exercise("hamstring_catch").unwrap().1);
        assert_eq!(
            catch.text,
            "Progressing to 3–4 sets of 10–15 repetitions each leg, once a day."
        );
        crate::core::says(
            STRETCH.hold_source,
            &format!("About {} seconds", STRETCH.hold_seconds),
        );
        crate::core::says(STRETCH.hold_source, "the app's suggestion");
        let bridge = exercise("glute_bridge").unwrap().1;
        assert_eq!(
            dose_words(bridge, Span { min: 1, max: 1 }, Span { min: 10, max: 10 }),
            "1 set of 10 repetitions"
        );
        assert_eq!(
            dose_words(
                plank_exercise(),
                Span { min: 2, max: 2 },
                Span { min: 10, max: 10 }
            ),
            "2 holds of 10 seconds"
        );
    }

    fn plank_exercise() -> &'static Exercise {
        exercise("front_plank").unwrap().1
    }

    #[test]
    fn three_self_tests_and_one_test_per_gate() {
        assert_eq!(TESTS.iter().filter(|t| t.diagnostic).count(), 3);
        for gate in [Gate::CrossTraining, Gate::Running] {
            assert_eq!(
                TESTS.iter().filter(|t| t.gate == Some(gate)).count(),
                1,
                "{gate:?}"
            );
        }
        assert_eq!(
            test("bent_knee_stretch").and_then(|t| t.gate),
            Some(Gate::CrossTraining)
        );
        assert_eq!(
            test("back_plank_leg_lifts").and_then(|t| t.gate),
            Some(Gate::Running)
        );
    }

    #[test]
    fn ids_are_unique_and_every_citation_exists() {
        let mut ids = BTreeSet::new();
        for id in LADDER
            .iter()
            .map(|e| e.id)
            .chain(TESTS.iter().map(|t| t.id))
            .chain([STRETCH.id])
        {
            assert!(ids.insert(id), "duplicate id {id}");
        }
        let numbers: Vec<u8> = CITATIONS.iter().map(|c| c.n).collect();
        assert_eq!(numbers, (1..=8).collect::<Vec<u8>>());
        let cited = LADDER
            .iter()
            .flat_map(|e| e.citations)
            .chain(TESTS.iter().flat_map(|t| t.citations))
            .chain(STRETCH.citations);
        for n in cited {
            assert!(citation(*n).is_some(), "citation [{n}] is not in the list");
        }
    }

    #[test]
    fn every_text_is_a_finished_sentence_or_name() {
        for text in all_texts() {
            assert!(!text.trim().is_empty(), "an empty text");
            assert_eq!(text, text.trim(), "stray spaces in {text:?}");
            assert!(!text.contains("  "), "double space in {text:?}");
        }
    }
}
