//! The "Sources and method" page of the guide: every rule the app applies, its value
//! (read from the constant that applies it, so the table cannot drift) and where it comes
//! from (`sources::Provenance`: the guide with its source number, a source beyond the
//! guide, or the app's own choice).

use super::settings::{self, Settings};
use super::sources::{OtherSource, Provenance, GOOM_2016, OTHER_SOURCES, SILBERNAGEL_2007};
use super::{files, journal, pain, progression, protocol, report, running, safety, today};
use serde::Serialize;

/// One row of the "Sources and method" table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleRow {
    pub rule: &'static str,
    pub value: String,
    pub provenance: Provenance,
    /// `provenance` in words.
    pub source: String,
}

fn row(rule: &'static str, value: String, provenance: Provenance) -> RuleRow {
    RuleRow {
        rule,
        value,
        provenance,
        source: provenance.label(),
    }
}

fn span(r: &std::ops::RangeInclusive<u8>) -> String {
    format!("{}–{}", r.start(), r.end())
}

/// Every rule the app applies, with its value and where it comes from.
pub fn rules() -> Vec<RuleRow> {
    use Provenance::{Guide, Other, Own};
    let d = Settings::default();
    let dose = protocol::DAILY_DOSE;
    let stretch = protocol::STRETCH;
    vec![
        row("Pain scale", format!("{}–{}, {}", pain::SCALE.min, pain::SCALE.max, pain::SCALE.anchors), Own),
        row(
            "The exercise ladder: seven steps in a fixed order",
            format!("{} exercises, the next one only after the one before is done without pain", protocol::LADDER.len()),
            Guide { cites: &[3] },
        ),
        row(
            "Pain that still counts as a good session (allowed pain), by default",
            pain::out_of(d.allowed_pain),
            Guide { cites: &[3] },
        ),
        row(
            "Allowed pain you may choose, with a clinician",
            format!("up to {}, if it has settled by the next morning", pain::out_of(*settings::ALLOWED_PAIN.end())),
            Other { key: SILBERNAGEL_2007 },
        ),
        row("Good sessions in a row before the next step, by default", d.sessions_to_progress.to_string(), Guide { cites: &[3] }),
        row("Good sessions in a row you may choose", span(&settings::SESSIONS_TO_PROGRESS), Own),
        row(
            "Dose every exercise builds up to",
            format!("{}–{} sets of {}–{} repetitions, once a day", dose.sets.min, dose.sets.max, dose.amount.min, dose.amount.max),
            Guide { cites: &[7] },
        ),
        row(
            "Dose of a new exercise",
            format!(
                "starts at {} set of {}; one set more after each day with a session at that dose within the allowed pain (with pain allowed, once the next morning has settled), up to {} sets",
                progression::START_SETS,
                dose.amount.min,
                progression::full_sets()
            ),
            Own,
        ),
        row(
            "Sessions that count toward the next step",
            "only sessions at the full dose, once the dose has built up to it".to_string(),
            Own,
        ),
        row(
            "Holds (front plank)",
            format!("{}–{} seconds a hold, in place of the guide's repetitions", dose.amount.min, dose.amount.max),
            Own,
        ),
        row("Exercises done one leg at a time", "the repetitions are counted on each leg".to_string(), Own),
        row("Gentle hamstring stretch", format!("{}–{} times a day, both legs", stretch.per_day.min, stretch.per_day.max), Guide { cites: &[3] }),
        row("Stretch hold", format!("{} seconds each leg", stretch.hold_seconds), Own),
        row(
            "Stretching without pressing on the tendon",
            "knee kept soft, a mild pull only, no deep hip bending with a straight knee while it is irritable".to_string(),
            Other { key: GOOM_2016 },
        ),
        row(
            "Reminder window, by default",
            format!("{} to {}, at least {} hours long", d.reminder_window_start, d.reminder_window_end, settings::MIN_WINDOW_MINUTES / 60),
            Own,
        ),
        row(
            "A missed reminder may still come (grace period)",
            format!("{} minutes by default, {} minutes allowed", d.grace_minutes, span(&settings::GRACE_MINUTES)),
            Own,
        ),
        row("Snooze", format!("{} minutes by default, {} minutes allowed", d.snooze_minutes, span(&settings::SNOOZE_MINUTES)), Own),
        row("What Today puts next, in this order", today::ORDER.to_string(), Own),
        row(
            "Today's strip",
            format!("the last {} days, today included; stretches against today's target; days before the app was first used count nothing", today::STRIP_DAYS),
            Own,
        ),
        row("Cross-training gate", "the bent-knee stretch test pain-free on both legs".to_string(), Guide { cites: &[3] }),
        row(
            "Running gate",
            "no pain on either side in the back plank with leg lifts, and a normal range of motion".to_string(),
            Guide { cites: &[3] },
        ),
        row(
            "Return-to-running plan",
            format!("{} weeks; move on only after a week without pain", running::WEEKS),
            Guide { cites: &[3] },
        ),
        row(
            "Spacing of runs",
            format!("alternate days in weeks 1–2; at most {} run days in a week in weeks 3–4", running::MAX_DAYS_IN_SEVEN),
            Guide { cites: &[3] },
        ),
        row("Walk/jog sets", format!("start at {}, one more each run, up to {}", running::START_SETS, running::FULL_SETS), Own),
        row(
            "When a week is passed",
            format!("at least 7 days and {} runs of the week's length without pain (weeks 3–8)", running::RUNS_TO_PASS),
            Own,
        ),
        row(
            "After a painful run",
            "the week starts again the next day; pain again before it is passed steps back a week".to_string(),
            Own,
        ),
        row("One run a day, and any day in any 7 in weeks 3–4", format!("at most {} in any 7 days in a row", running::MAX_DAYS_IN_SEVEN), Own),
        row("Expected recovery in the case series", "about 8–12 weeks".to_string(), Guide { cites: &[8, 3] }),
        row("Red flags beside every pain entry", format!("{} signs", safety::RED_FLAGS.len()), Own),
        row("When the red flags come up by themselves", safety::rule_text(), Own),
        row("Backups kept", format!("the last {}", files::KEEP_BACKUPS), Own),
        row("Deleted entries can be brought back for", format!("{} days", journal::TRASH_DAYS), Own),
        row(
            "Clinician report",
            format!("the last {} weeks; stretching over the last {} days", report::REPORT_WEEKS, report::ADHERENCE_DAYS),
            Own,
        ),
        row(
            "Charts, the report and stretching adherence begin",
            "on the first day anything was logged, never before (a day before it is not a day missed)".to_string(),
            Own,
        ),
    ]
}

/// The "Sources and method" page of the guide.
#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    /// The table's column headings: rule, value, where it comes from.
    pub columns: [&'static str; 3],
    pub rules: Vec<RuleRow>,
    pub other_sources_title: &'static str,
    pub other_sources: &'static [OtherSource],
}

pub fn method() -> MethodView {
    MethodView {
        id: "method",
        title: "Sources and method",
        intro: "Every rule the app applies, and where it comes from: the guide (with its source number), another source (listed below, outside the guide's numbering), or the app's own design choice where neither gives a figure.",
        columns: ["Rule", "Value", "Where it comes from"],
        rules: rules(),
        other_sources_title: "Other sources (beyond the guide)",
        other_sources: OTHER_SOURCES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sources::other_source;

    #[test]
    fn every_rule_has_a_provenance_that_exists() {
        let rules = rules();
        assert!(rules.len() >= 20);
        for r in &rules {
            assert!(!r.rule.is_empty() && !r.value.is_empty(), "{r:?}");
            match r.provenance {
                Provenance::Guide { cites } => {
                    assert!(!cites.is_empty(), "{} cites no guide source", r.rule);
                    for n in cites {
                        assert!(
                            protocol::citation(*n).is_some(),
                            "{}: no guide source [{n}]",
                            r.rule
                        );
                    }
                }
                Provenance::Other { key } => {
                    assert!(
                        other_source(key).is_some(),
                        "{}: no other source {key}",
                        r.rule
                    );
                }
                Provenance::Own => {}
            }
            assert_eq!(r.source, r.provenance.label());
        }
    }

    #[test]
    fn the_table_holds_the_rules_the_brief_names() {
        let all: Vec<String> = rules()
            .iter()
            .map(|r| format!("{} | {} | {}", r.rule, r.value, r.source))
            .collect();
        let has = |part: &str| {
            assert!(
                all.iter().any(|l| l.contains(part)),
                "{part:?} not in {all:#?}"
            )
        };
        has("allowed pain), by default | 0/10 | From the guide [3]");
        has("up to 5/10, if it has settled by the next morning | From Silbernagel 2007");
        has("Dose every exercise builds up to | 3–4 sets of 10–15 repetitions, once a day | From the guide [7]");
        has("Dose of a new exercise | starts at 1 set of 10; one set more after each day");
        has("up to 3 sets | The app's own choice");
        has("Holds (front plank) | 10–15 seconds a hold, in place of the guide's repetitions | The app's own choice");
        has("the repetitions are counted on each leg | The app's own choice");
        has("Stretch hold | 30 seconds each leg | The app's own choice");
        has("3–4 times a day, both legs | From the guide [3]");
        has("8 weeks");
        has("8–12 weeks | From the guide [8, 3]");
        has("7/10");
        has("Backups kept | the last 7 | The app's own choice");
        has("From Goom 2016");
    }
}
