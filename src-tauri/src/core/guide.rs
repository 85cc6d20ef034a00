//! The guide: what the app knows about high hamstring tendinopathy, in the project's own
//! words, in the source's order, each fact with the number of the source it comes from
//! (see `protocol::CITATIONS`), or with the key of a source beyond the guide
//! (`sources::OTHER_SOURCES`, never a guide number). Shipped as data in the binary; the
//! window renders it as text (no markup in it, no `innerHTML`).

use serde::Serialize;

/// One paragraph and the sources behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Para {
    pub text: &'static str,
    /// The guide's source numbers.
    pub cites: &'static [u8],
    /// Keys of sources beyond the guide ("Goom 2016").
    pub others: &'static [&'static str],
}

/// A link from a section to a screen of the app ("#/self-tests").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScreenLink {
    pub label: &'static str,
    pub route: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Stable id, used in deep links (`#/guide/<id>`): never change one that has shipped.
    pub id: &'static str,
    pub title: &'static str,
    pub paras: &'static [Para],
    pub links: &'static [ScreenLink],
    /// A list shown after the paragraphs (the safety section's red flags).
    pub list: &'static [&'static str],
    /// Ids of the pictures shown with the section (`pictures::PICTURES`).
    pub pictures: &'static [&'static str],
}

const fn p(text: &'static str, cites: &'static [u8]) -> Para {
    Para {
        text,
        cites,
        others: &[],
    }
}

/// A paragraph of the app's own (a rule it adds, said as its own in the text).
const fn own(text: &'static str) -> Para {
    Para {
        text,
        cites: &[],
        others: &[],
    }
}

/// A paragraph from a source beyond the guide.
const fn beyond(text: &'static str, others: &'static [&'static str]) -> Para {
    Para {
        text,
        cites: &[],
        others,
    }
}

pub const SECTIONS: &[Section] = &[
    Section {
        id: "safety",
        title: "Before you start: this is not medical advice",
        paras: &[
            p("This app helps you follow a rehabilitation plan and keep a record of it. It does not diagnose you and it does not replace a clinician.", &[]),
            p("Have a physiotherapist or doctor confirm the diagnosis, and talk to one before any injection or surgery.", &[]),
            p("Stop the program and see a doctor or physiotherapist soon if you notice any of the signs below (the red flags). The same list sits beside every place where you score your pain. It is the app's own list, not the guide's.", &[]),
        ],
        links: &[],
        list: crate::core::safety::RED_FLAGS,
        pictures: &[],
    },
    Section {
        id: "what-is-hht",
        title: "What high hamstring tendinopathy is",
        paras: &[
            p("The hamstrings run down the back of the thigh, from the pelvis to just below the knee. They bend the knee and help straighten the hip, so they work through much of every running stride.", &[]),
            p("Most of them start from a bony knob at the bottom of the pelvis, the ischial tuberosity, often called the sitting bones because you rest on them in a chair. High (proximal) hamstring tendinopathy is trouble where the tendons meet that bone.", &[]),
            p("It heals slowly. Like Achilles and patellar tendon problems, it is a wearing, degenerative change in the tendon's fibres rather than an inflammation, and the tendon there is thick, fibrous and poorly supplied with blood.", &[3, 4]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "symptoms",
        title: "How it feels",
        paras: &[
            p("A deep, dull ache high in the back of the thigh and in the buttock, rather than a sharp pain.", &[]),
            p("It hurts when you run, most of all when you speed up or hold a fast pace.", &[]),
            p("Sitting on a hard seat can bother it, and pressing on the sitting bone can be sore.", &[]),
            p("The sciatic nerve passes close to the sitting bone and can be irritated as well, sending pain down the back of the thigh.", &[]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "self-tests",
        title: "The self-tests",
        paras: &[
            p("Three simple stretch tests from a 2012 review can point to this injury: a standing stretch with the heel on a support, a slow bent-knee stretch lying down, and the same done quickly by a helper. Pain high in the hamstring or in the buttock during any of them fits the diagnosis.", &[1]),
            p("Among runners who had the injury, the tests were positive in 76–89 %: that is their sensitivity, the share of injured runners they picked out, not how often a result is right overall. Useful, but not certain, so imaging and a clinician's examination settle the question.", &[1]),
        ],
        list: &[],
        links: &[ScreenLink { label: "Do the self-tests", route: "#/self-tests" }],
        pictures: &["standing_stretch", "bent_knee_stretch", "rapid_bent_knee_stretch"],
    },
    Section {
        id: "other-causes",
        title: "If the tests do not match your pain",
        paras: &[
            p("If none of the three tests reproduces your pain, something else may be behind it. Deep buttock pain can also come from piriformis syndrome, a muscle strain, a stress fracture of the sacrum, or pain referred from the lower back.", &[]),
            p("A clinician can tell these apart; each needs its own treatment.", &[]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "imaging",
        title: "Imaging: MRI and ultrasound",
        paras: &[
            p("An MRI shows thickening and tears of the tendon, inflammation around it, and swelling (edema) in the bone marrow of the sitting bone.", &[2]),
            p("Ultrasound can also look at the tendon but cannot show the bone-marrow edema.", &[2]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "treatment",
        title: "Treatment",
        paras: &[
            p("The first step is a confirmed diagnosis, from an examination and an MRI. Then a clinician checks how strong your core is, how flexible your hamstrings are and how stable your pelvis is.", &[3]),
            p("A tilted pelvis can add tension to the hamstrings, so it is worth correcting.", &[3]),
            p("Soft-tissue work such as massage, Active Release Technique (ART) or Graston can help loosen scar tissue along the tendon, as long as nobody presses directly on the sitting bone.", &[3]),
            p("Gentle stretching of both hamstrings, 3–4 times a day, runs alongside everything else.", &[3]),
            beyond("Stretch without squeezing the tendon. Current management limits, while the tendon is irritable, the positions that press it against the sitting bone: bending deep at the hip, more so with the knee straight, and sitting for long on hard seats. So keep the knee soft, stop at a mild pull in the middle of the thigh, and ease off if you feel it at the sitting bone, if the ache lasts after you let go, or if it is worse the next morning.", &[crate::core::sources::GOOM_2016]),
            p("The heart of the rehabilitation is eccentric strengthening: loading the hamstring while it lengthens under control, the approach that works for Achilles and patellar tendon problems.", &[3, 4]),
            p("Ease in. Start with gentle glute and hamstring work such as bridges (the guide calls this first work static; the app programs the bridge as slow repetitions with a pause at the top), and add the next exercise only when the one before it causes no pain. Planks with leg lifts train the core and make the glutes and hamstrings work together; the standing hamstring catch and Swiss ball curls build eccentric strength.", &[3]),
            p("Aim for 3–4 sets of 10–15 repetitions per exercise, done once daily.", &[7]),
            own("The app works up to that dose: a new exercise starts at one set and gains a set after each day it stays within your pain limit (the app's own way there, listed under Sources and method)."),
        ],
        list: &[],
        links: &[ScreenLink { label: "Your exercise ladder", route: "#/program" }, ScreenLink { label: "Do a stretch", route: "#/stretch" }],
        pictures: &["hamstring_stretch", "glute_bridge", "front_plank", "glute_bridge_leg_lift", "front_plank_leg_lift", "hamstring_catch", "swiss_ball_curl", "single_leg_swiss_ball_curl"],
    },
    Section {
        id: "ancillary",
        title: "Other options, and their cautions",
        paras: &[
            p("Both options below can weaken the tendon, so they support the exercise program; they do not replace it.", &[3]),
            p("Corticosteroid injection: injected into the tendon itself it can do harm, but guided by ultrasound it can reach the irritated tissue around the tendon without touching the tendon. People whose MRI shows more swelling near the sitting bone and less tendon thickening gained more from it.", &[3]),
            p("Shockwave therapy has helped other long-standing tendon problems in athletes, but there is little experience with it for this injury, and animal studies found the tendon weaker afterwards, at least for a while.", &[3, 5]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "surgery",
        title: "Surgery",
        paras: &[
            p("A small number of people need an operation that frees the sciatic nerve and releases the damaged tendon tissue near the sitting bone.", &[6]),
            p("In a 2009 study from Finland by Lempainen and colleagues, 80 of 90 athletes were back at their earlier level of sport after the operation, 62 of them with excellent results.", &[6]),
            p("Recovery took 5 months on average, anywhere from 2 to 12 months: a reminder that few operations for a running injury are minor once you count the time away from running.", &[6]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "why-it-lingers",
        title: "Why it lingers",
        paras: &[
            p("It is uncommon outside running and little studied, so firm treatment rules are still missing.", &[]),
            p("Because it is a degenerative tendon problem, what works for the Achilles and patellar tendons should work here too: a progressive program for the core, the glutes and, through eccentric loading, the tendon itself.", &[3]),
            p("Its symptoms resemble other hip problems, so a proper diagnosis matters, and because each case differs, an orthopedist and a physical therapist are best placed to guide your rehabilitation and your return to running.", &[]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "who-to-see",
        title: "Who to talk to, and what to ask",
        paras: &[
            p("See a physiotherapist or a chiropractor for hands-on work on the muscle and tendon, such as massage, ART or Graston. Ask them to keep clear of the sitting bone itself.", &[]),
            p("An orthopedist: whether a corticosteroid injection suits you, preferably guided by ultrasound; it tends to help most when the MRI shows a lot of swelling near the sitting bone.", &[3]),
            p("Your doctor: the risks and benefits of shockwave therapy, which is unproven for this injury but has helped other long-standing tendon problems.", &[5]),
        ],
        links: &[],
        list: &[],
        pictures: &[],
    },
    Section {
        id: "return-to-running",
        title: "Getting back to running",
        paras: &[
            p("Recovery is slow: the few case reports on runners describe 8–12 weeks, in line with the Stanford group's experience.", &[8, 3]),
            p("Cross-training such as cycling and pool running can start once the bent-knee stretch test is pain-free.", &[3]),
            p("Running can start once the back plank with leg lifts is pain-free on both sides and your range of motion is normal. The plan then builds over 8 weeks: walk 5 minutes and jog 1 in week 1, walk 5 and jog 5 in week 2 (both on alternate days, up to 5 sets), 20 minutes of jogging in week 3 and 20 minutes at your normal pace in week 4 (at most 5 days a week), then more speed, distance and acceleration as you tolerate them. Move on each week only if there was no pain.", &[3]),
        ],
        list: &[],
        links: &[ScreenLink { label: "Your gates", route: "#/self-tests" }, ScreenLink { label: "Running", route: "#/running" }],
        pictures: &["back_plank_leg_lifts"],
    },
];

/// The section with id `id`.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::protocol;

    fn text_of(id: &str) -> String {
        section(id)
            .unwrap_or_else(|| panic!("no section {id}"))
            .paras
            .iter()
            .map(|p| p.text)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A fact is in a section's paragraph that cites its source.
    fn cited(fact: &str, n: u8) -> bool {
        SECTIONS
            .iter()
            .flat_map(|s| s.paras)
            .any(|p| p.text.contains(fact) && p.cites.contains(&n))
    }

    #[test]
    fn every_figure_is_in_the_guide_with_its_source() {
        for (fact, n) in [
            ("76–89 %", 1),
            ("80 of 90", 6),
            ("62 of them", 6),
            ("5 months", 6),
            ("2 to 12 months", 6),
            ("8–12 weeks", 8),
            ("3–4 times a day", 3),
            ("3–4 sets of 10–15", 7),
            ("bone-marrow edema", 2),
            ("Lempainen", 6),
        ] {
            assert!(
                cited(fact, n),
                "{fact:?} is not in a paragraph citing [{n}]"
            );
        }
        for cause in [
            "piriformis syndrome",
            "muscle strain",
            "sacrum",
            "lower back",
        ] {
            assert!(text_of("other-causes").contains(cause), "{cause}");
        }
        let safety = section("safety").unwrap();
        assert_eq!(safety.list, crate::core::safety::RED_FLAGS);
    }

    #[test]
    fn compression_advice_cites_goom_apart_from_the_guides_numbers() {
        let treatment = section("treatment").unwrap();
        let para = treatment
            .paras
            .iter()
            .find(|p| p.others.contains(&crate::core::sources::GOOM_2016))
            .expect("the treatment section cites Goom 2016");
        assert!(
            para.cites.is_empty(),
            "a source beyond the guide takes no guide number"
        );
        for part in ["sitting bone", "knee straight", "hard seats", "ease off"] {
            crate::core::says(para.text, part);
        }
        crate::core::says(&text_of("self-tests"), "sensitivity");
        assert!(!text_of("surgery").contains("no operation"));
        for key in SECTIONS.iter().flat_map(|s| s.paras).flat_map(|p| p.others) {
            assert!(crate::core::sources::other_source(key).is_some(), "{key}");
        }
    }

    #[test]
    fn sections_have_unique_ids_and_cite_only_known_sources() {
        let mut ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SECTIONS.len());
        for p in SECTIONS.iter().flat_map(|s| s.paras) {
            for n in p.cites {
                assert!(protocol::citation(*n).is_some(), "[{n}] in {:?}", p.text);
            }
            assert!(
                !p.text.contains('<') && !p.text.contains('>'),
                "no markup in the guide: {}",
                p.text
            );
        }
        for s in SECTIONS {
            for link in s.links {
                assert!(link.route.starts_with("#/"), "{}", link.route);
            }
        }
    }
}
