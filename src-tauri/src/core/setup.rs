//! The first-run setup: three short steps — safety, you, reminders — shown once on a new
//! database and again from Settings. Every word, choice and source the steps show is
//! here (`texts`), sent with the setup's view; the window only lays them out.
//!
//! The safety step reuses the one list of red flags (`safety::CARD`) and the stretch's
//! advice on staying off the tendon (`protocol::STRETCH.safely`, from Goom 2016, a
//! source beyond the guide, shown with its reference and never with a guide number).

pub mod answers;
pub use answers::{Diagnosis, PainfulSide, SetupState};

use super::guide::ScreenLink;
use super::protocol::STRETCH;
use super::safety::{RedFlags, CARD};
use super::settings::{
    Settings, MAX_FIXED_TIMES, MIN_FIXED_GAP_MINUTES, MIN_WINDOW_MINUTES, STRETCHES_PER_DAY,
};
use super::sources::{other_source, OtherSource};
use serde::Serialize;

/// One answer offered to a question, and where it points the user (if anywhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// As sent back and stored.
    pub value: String,
    pub label: String,
    /// Shown once this answer is chosen.
    pub pointer: Option<Pointer>,
}

/// A sentence with links to screens or guide sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pointer {
    pub text: &'static str,
    pub links: &'static [ScreenLink],
}

/// A question with its choices: none is chosen for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The settings field it answers.
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub choices: Vec<Choice>,
    /// The words for "no answer" where an answer can be taken back (Settings).
    pub unanswered: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// "safety", "you", "reminders".
    pub id: &'static str,
    pub title: &'static str,
    /// "Step 1 of 3".
    pub progress: String,
    pub intro: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SafetyStep {
    pub step: Step,
    pub is: &'static str,
    pub is_not: &'static [&'static str],
    pub red_flags: RedFlags,
    pub safely_title: &'static str,
    pub safely: &'static [&'static str],
    /// "From a source beyond the guide…": the advice is not one of the guide's sources.
    pub safely_note: &'static str,
    pub safely_source: &'static OtherSource,
    pub read_more: ScreenLink,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YouStep {
    pub step: Step,
    pub side: Question,
    pub diagnosis: Question,
    /// What the answers are used for.
    pub used_for: &'static str,
}

/// A field of the reminders step: its label and the rule it follows, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub label: &'static str,
    pub hint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestReminder {
    pub intro: &'static str,
    pub button: &'static str,
    /// Shown once the notification was handed to the system.
    pub sent: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub seen: &'static str,
    pub not_seen: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Login {
    pub label: &'static str,
    /// One sentence on why it is offered ticked.
    pub why: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemindersStep {
    pub step: Step,
    pub count: Question,
    pub window_start: Field,
    pub window_end: Field,
    pub fixed_times: Field,
    pub test: TestReminder,
    pub login: Login,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Buttons {
    pub back: &'static str,
    pub next: &'static str,
    pub skip_step: &'static str,
    pub skip_all: &'static str,
    pub finish: &'static str,
}

/// The banner shown on the other pages while the setup is neither done nor skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Banner {
    pub title: &'static str,
    pub text: &'static str,
    pub continue_label: &'static str,
    pub read_more: ScreenLink,
}

/// What Settings shows of the setup: the two answers (changed there like any setting)
/// and "Run the setup again".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InSettings {
    pub legend: &'static str,
    pub side: Question,
    pub diagnosis: Question,
    pub again: &'static str,
    pub again_hint: &'static str,
}

pub fn in_settings() -> InSettings {
    InSettings {
        legend: "About you",
        side: side_question(),
        diagnosis: diagnosis_question(),
        again: "Run the setup again",
        again_hint: "The three first-run steps: safety, these two answers and your reminders.",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Texts {
    pub intro: &'static str,
    pub safety: SafetyStep,
    pub you: YouStep,
    pub reminders: RemindersStep,
    pub buttons: Buttons,
    pub banner: Banner,
}

/// The three steps, in order.
pub const STEPS: [&str; 3] = ["safety", "you", "reminders"];

fn step(id: &'static str, title: &'static str, intro: &'static str) -> Step {
    let n = STEPS.iter().position(|s| *s == id).map_or(0, |i| i + 1);
    Step {
        id,
        title,
        progress: format!("Step {n} of {}", STEPS.len()),
        intro,
    }
}

const SAFETY_SECTION: ScreenLink = ScreenLink {
    label: "Safety in the guide",
    route: "#/guide/safety",
};

const NOT_YET: Pointer = Pointer {
    text: "Until then, the self-tests give a first idea, and the guide says which clinician can confirm it.",
    links: &[
        ScreenLink {
            label: "Self-tests",
            route: "#/self-tests",
        },
        ScreenLink {
            label: "Who to see, in the guide",
            route: "#/guide/who-to-see",
        },
    ],
};

const NOT_CONFIRMED: Pointer = Pointer {
    text: "The exercises suit this tendon injury; if a clinician found another cause, follow their advice. The guide lists the look-alikes.",
    links: &[ScreenLink {
        label: "Other causes, in the guide",
        route: "#/guide/other-causes",
    }],
};

fn side_question() -> Question {
    Question {
        name: "painful_side",
        label: "Which side hurts?",
        hint: "The self-tests mark this side, and the report prints it.",
        choices: PainfulSide::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_string(),
                label: s.label().to_string(),
                pointer: None,
            })
            .collect(),
        unanswered: "Not answered",
    }
}

fn diagnosis_question() -> Question {
    Question {
        name: "diagnosis",
        label: "Has a clinician confirmed that it is high hamstring tendinopathy?",
        hint: "A physiotherapist or doctor; the report prints your answer.",
        choices: Diagnosis::ALL
            .iter()
            .map(|d| Choice {
                value: d.as_str().to_string(),
                label: d.label().to_string(),
                pointer: match d {
                    Diagnosis::Confirmed => None,
                    Diagnosis::NotYet => Some(NOT_YET),
                    Diagnosis::No => Some(NOT_CONFIRMED),
                },
            })
            .collect(),
        unanswered: "Not answered",
    }
}

fn count_question() -> Question {
    Question {
        name: "stretches_per_day",
        label: "Stretch reminders a day",
        hint: "The guide asks for a gentle stretch several times a day.",
        choices: STRETCHES_PER_DAY
            .map(|n| Choice {
                value: n.to_string(),
                label: format!("{n} a day"),
                pointer: None,
            })
            .collect(),
        unanswered: "",
    }
}

pub fn texts() -> Texts {
    Texts {
        intro: "Three short steps so the app fits you. Skip any step, or the whole setup: you can run it again from Settings.",
        safety: SafetyStep {
            step: step(
                "safety",
                "Safety first",
                "What this app can and cannot do for you, and when to stop and see someone.",
            ),
            is: "A companion for your rehabilitation: the exercises, your stretches and their reminders, and a record to show your physiotherapist.",
            is_not: &[
                "It is not medical advice and it does not diagnose you.",
                "It does not replace a physiotherapist or doctor: have one confirm the diagnosis, and talk to one before any injection or surgery.",
            ],
            red_flags: CARD,
            safely_title: "Stretching without pressing on the tendon",
            safely: STRETCH.safely,
            safely_note: "From a source beyond the guide, not one of its numbered sources:",
            // The stretch's own source (a test checks it is listed).
            safely_source: other_source(STRETCH.safely_source)
                .unwrap_or(&super::sources::OTHER_SOURCES[0]),
            read_more: SAFETY_SECTION,
        },
        you: YouStep {
            step: step(
                "you",
                "About you",
                "Two questions. Leave either unanswered if you prefer.",
            ),
            side: side_question(),
            diagnosis: diagnosis_question(),
            used_for: "You can change both answers in Settings at any time.",
        },
        reminders: RemindersStep {
            step: step(
                "reminders",
                "Stretch reminders",
                "When the app should remind you to stretch. These are the settings now; change what does not suit you.",
            ),
            count: count_question(),
            window_start: Field {
                label: "Reminders start at",
                hint: "A time from 00:00 to 23:59.".to_string(),
            },
            window_end: Field {
                label: "Reminders end at",
                hint: format!(
                    "At least {} hours after the start; the reminders are spread between the two.",
                    MIN_WINDOW_MINUTES / 60
                ),
            },
            fixed_times: Field {
                label: "Or at fixed times (optional)",
                hint: format!(
                    "Up to {MAX_FIXED_TIMES} times such as 09:00, 13:00, at least {MIN_FIXED_GAP_MINUTES} minutes apart, separated by commas. Leave it empty to use the window."
                ),
            },
            test: TestReminder {
                intro: "Check that reminders reach you: one notification is sent now.",
                button: "Send a test reminder",
                sent: "A test reminder was sent. Did you see it?",
                yes: "Yes, I saw it",
                no: "No",
                seen: "Good: your reminders will reach you the same way.",
                not_seen: "Check that your system allows notifications from High Hamstring Rehab and that do-not-disturb is off, then send another. Reminders also show in the app's window and tray.",
            },
            login: Login {
                label: "Start in the tray when I log in",
                why: "Reminders only come while the app is running, so it starts quietly in the tray, with no window, each time you log in.",
            },
        },
        buttons: Buttons {
            back: "Back",
            next: "Continue",
            skip_step: "Skip this step",
            skip_all: "Skip the setup",
            finish: "Finish",
        },
        banner: Banner {
            title: "This app is not medical advice.",
            text: "It helps you follow and record a rehabilitation plan. See a clinician to confirm the diagnosis, and get prompt care for any of the red flags (they sit beside every pain score you enter). The short setup shows them and fits the reminders to you.",
            continue_label: "Go to the setup",
            read_more: SAFETY_SECTION,
        },
    }
}

/// The setup's screen, and Today's: the window opens on one of them (`opening_route`).
pub const SETUP_ROUTE: &str = "#/setup";
pub const TODAY_ROUTE: &str = "#/today";

/// The screen a new window opens on (the app's own choice): the one asked for from the
/// tray before the window existed; else the setup, while it is neither done nor skipped;
/// else none in particular (`None`: the window's own, Today unless it already shows
/// another screen).
pub fn opening_route(state: SetupState, asked: Option<String>) -> Option<String> {
    match asked {
        Some(route) => Some(route),
        None if state == SetupState::Pending => Some(SETUP_ROUTE.to_string()),
        None => None,
    }
}

/// Whether a window opening on `route` (`opening_route`) shows Today first.
pub fn opens_on_today(route: Option<&str>) -> bool {
    matches!(route, None | Some(TODAY_ROUTE))
}

/// Whether "Start in the tray when I log in" is ticked when the reminders step opens:
/// offered ticked on a setup not yet done or skipped (reminders need the app running);
/// when the setup is run again, what is set now.
pub fn offer_start_at_login(state: SetupState, settings: &Settings) -> bool {
    state == SetupState::Pending || settings.start_at_login
}

/// The report's line: "Painful side: right. Diagnosis confirmed by a clinician: not yet."
pub fn report_line(side: Option<PainfulSide>, diagnosis: Option<Diagnosis>) -> String {
    let side = side.map_or("not answered", |s| s.label());
    let diagnosis = diagnosis.map_or("not answered", |d| d.label());
    format!(
        "Painful side: {}. Diagnosis confirmed by a clinician: {}.",
        side.to_lowercase(),
        diagnosis.to_lowercase()
    )
}

/// The mark beside a leg on the Self-tests screen when it is the side that hurts.
pub const PAINFUL_MARK: &str = "the side that hurts";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::says;

    #[test]
    fn a_window_opens_where_the_tray_asked_else_on_a_pending_setup_else_on_today() {
        let asked = Some("#/journal/checkin".to_string());
        for state in [SetupState::Pending, SetupState::Done, SetupState::Skipped] {
            assert_eq!(opening_route(state, asked.clone()), asked);
        }
        assert_eq!(
            opening_route(SetupState::Pending, None).as_deref(),
            Some(SETUP_ROUTE)
        );
        assert_eq!(opening_route(SetupState::Done, None), None);
        assert_eq!(opening_route(SetupState::Skipped, None), None);
        assert!(opens_on_today(None));
        assert!(opens_on_today(Some(TODAY_ROUTE)));
        assert!(!opens_on_today(Some(SETUP_ROUTE)));
        assert!(!opens_on_today(Some("#/journal/checkin")));
    }

    #[test]
    fn the_safety_step_reuses_the_red_flags_and_the_stretch_advice_with_its_source() {
        let t = texts();
        assert_eq!(t.safety.red_flags, CARD);
        assert_eq!(t.safety.red_flags.flags, crate::core::safety::RED_FLAGS);
        assert_eq!(t.safety.safely, STRETCH.safely);
        assert_eq!(t.safety.safely_source.key, STRETCH.safely_source);
        says(t.safety.safely_source.reference, "2016;46(6):483–493");
        assert!(t.safety.safely_note.contains("beyond the guide"));
    }

    #[test]
    fn no_answer_is_chosen_and_not_yet_points_to_the_self_tests_and_who_to_see() {
        let t = texts();
        let values = |q: &Question| q.choices.iter().map(|c| c.value.clone()).collect::<Vec<_>>();
        assert_eq!(values(&t.you.side), ["left", "right", "both"]);
        assert_eq!(values(&t.you.diagnosis), ["confirmed", "not_yet", "no"]);
        let not_yet = t.you.diagnosis.choices[1].pointer.expect("a pointer");
        let routes: Vec<&str> = not_yet.links.iter().map(|l| l.route).collect();
        assert_eq!(routes, ["#/self-tests", "#/guide/who-to-see"]);
        for link in not_yet.links.iter().chain(NOT_CONFIRMED.links) {
            if let Some(id) = link.route.strip_prefix("#/guide/") {
                assert!(crate::core::guide::section(id).is_some(), "{id}");
            }
        }
        assert_eq!(values(&t.reminders.count), ["3", "4"]);
    }

    #[test]
    fn steps_count_themselves() {
        let t = texts();
        let progress = [&t.safety.step, &t.you.step, &t.reminders.step].map(|s| s.progress.clone());
        assert_eq!(progress, ["Step 1 of 3", "Step 2 of 3", "Step 3 of 3"]);
    }

    #[test]
    fn start_at_login_is_offered_ticked_the_first_time_and_as_set_after() {
        let off = Settings::default();
        assert!(offer_start_at_login(SetupState::Pending, &off));
        assert!(!offer_start_at_login(SetupState::Done, &off));
        assert!(!offer_start_at_login(SetupState::Skipped, &off));
        let on = Settings {
            start_at_login: true,
            ..off
        };
        assert!(offer_start_at_login(SetupState::Done, &on));
    }

    #[test]
    fn the_report_line_says_each_answer_or_that_it_is_missing() {
        assert_eq!(
            report_line(Some(PainfulSide::Right), Some(Diagnosis::NotYet)),
            "Painful side: right. Diagnosis confirmed by a clinician: not yet."
        );
        assert_eq!(
            report_line(None, None),
            "Painful side: not answered. Diagnosis confirmed by a clinician: not answered."
        );
        says(&report_line(Some(PainfulSide::Both), Some(Diagnosis::Confirmed)), "both sides");
    }
}
