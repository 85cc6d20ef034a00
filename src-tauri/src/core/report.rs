//! The clinician report: what a physiotherapist wants on one page, and the same page as
//! one self-contained HTML file (inline style, an inline SVG chart, no script, no link to
//! anything outside the file). Every piece of user text is escaped.

use super::charts::Charts;
use super::dates;
use super::journal::Kind;
use super::protocol::LADDER;
use super::selftests::{GateStatus, Side};
use super::setup::{self, Diagnosis, PainfulSide};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write;

/// The report's period: pain and notes of the last 8 weeks (from the first day of use on:
/// `charts::window`).
pub const REPORT_WEEKS: i64 = 8;
/// Stretching adherence is counted over the last 28 days (fewer in the first days of use:
/// `adherence_window`).
pub const ADHERENCE_DAYS: i64 = 28;

/// The days stretching adherence is counted over: the last `ADHERENCE_DAYS` up to `today`,
/// from the first day of use on.
pub fn adherence_window(
    today: NaiveDate,
    first_use: Option<NaiveDate>,
) -> crate::core::charts::Window {
    crate::core::charts::window(today, ADHERENCE_DAYS, first_use)
}

#[derive(Debug, Clone, Serialize)]
pub struct Ladder {
    /// 1-based.
    pub step: usize,
    pub name: &'static str,
    pub since: Option<NaiveDate>,
    pub headline: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Adherence {
    pub done: u32,
    pub target: u32,
    pub days: u32,
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunningStatus {
    pub started_on: NaiveDate,
    pub week: u8,
    pub title: &'static str,
    pub finished: bool,
    /// "Week 2 of 8: Walk 5, jog 5" or "All 8 weeks done".
    pub heading: String,
    pub latest: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportNote {
    pub date: NaiveDate,
    pub source: &'static str,
    pub text: String,
}

/// The report's sentences, the same in the window and in the saved file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Texts {
    /// The window's line at the top: when, with what, and that it is not a medical record.
    pub prepared: String,
    /// "Step 3 of 7: Isometric bridge since Mon 2 Mar 2026".
    pub step: String,
    /// "Pain, last 56 days".
    pub pain_title: String,
    /// The next-morning check-ins of the period, apart from the other scores: how many,
    /// the first, the latest and the highest (`mornings_line`).
    pub mornings: String,
    /// "21 of 28 stretches (75%) over the last 28 days".
    pub adherence: String,
    /// "Week 2 of 8: Walk 5, jog 5; started Mon 2 Mar 2026." or "Not started."
    pub running: String,
    pub no_notes: &'static str,
    /// The heading of the changes made on a clinician's advice, and the line when none was.
    pub advised_title: &'static str,
    pub no_advised: &'static str,
    /// "Painful side: right. Diagnosis confirmed by a clinician: not yet." (the setup's answers)
    pub you: String,
    /// The heading of the exercises so far, and each (drawn at its end pose in the window
    /// and in the file).
    pub exercises_title: &'static str,
    pub exercises: Vec<ExerciseShown>,
}

/// An exercise of the ladder up to the current step, as the report draws it.
#[derive(Debug, Clone, Serialize)]
pub struct ExerciseShown {
    pub id: &'static str,
    pub name: &'static str,
    /// The words of its picture.
    pub alt: &'static str,
}

/// The exercises of the ladder up to step `step` (1-based), at least the first.
pub fn exercises_so_far(step: usize) -> Vec<ExerciseShown> {
    crate::core::protocol::LADDER
        .iter()
        .take(step.max(1))
        .map(|e| ExerciseShown {
            id: e.id,
            name: e.name,
            alt: crate::core::pictures::picture(e.id).map_or("", |p| p.alt),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub generated_on: NaiveDate,
    pub ladder: Ladder,
    pub gates: Vec<GateStatus>,
    pub self_tests_headline: String,
    pub self_tests_positives: Vec<String>,
    /// Latest result of each test and side: "Standing stretch test, left leg: pain (Mon 2 Mar 2026)".
    pub test_results: Vec<String>,
    pub charts: Charts,
    pub adherence: Adherence,
    pub running: Option<RunningStatus>,
    pub notes: Vec<ReportNote>,
    /// Each rule change and step forward made on a clinician's advice, in one sentence
    /// ("Allowed pain raised to 3/10 on …, advised by …: …"), oldest first.
    pub advised: Vec<String>,
    /// The setup's answers, as Settings holds them.
    pub painful_side: Option<PainfulSide>,
    pub diagnosis: Option<Diagnosis>,
    /// Filled by `finish`.
    pub texts: Texts,
}

/// Adherence: `done` stretches of a target of `target`, over `days` days.
pub fn adherence(done: u32, target: u32, days: u32) -> Adherence {
    Adherence {
        done,
        target,
        days,
        percent: (done * 100).checked_div(target).unwrap_or(0),
    }
}

/// "Standing stretch test, left leg: pain (Mon 2 Mar 2026)".
pub fn test_result_line(test: &str, side: Side, painful: bool, taken_on: NaiveDate) -> String {
    format!(
        "{test}, {} leg: {} ({})",
        side.as_str(),
        if painful { "pain" } else { "no pain" },
        dates::friendly(taken_on)
    )
}

/// Where a note in the report comes from, in words.
pub fn note_source(kind: Kind) -> &'static str {
    match kind {
        Kind::Note => "Note",
        Kind::Checkin => "Pain check-in",
        _ => "Run",
    }
}

/// The report with its sentences.
pub fn finish(mut r: Report) -> Report {
    r.texts = texts(&r);
    r
}

/// The report's sentences, from its figures.
pub fn texts(r: &Report) -> Texts {
    let since = r
        .ladder
        .since
        .map(|d| format!(" since {}", dates::friendly(d)))
        .unwrap_or_default();
    Texts {
        prepared: format!(
            "Prepared on {} with High Hamstring Rehab. Not a medical record; for discussion with a clinician.",
            dates::friendly(r.generated_on)
        ),
        step: format!(
            "Step {} of {}: {}{since}",
            r.ladder.step,
            LADDER.len(),
            r.ladder.name
        ),
        pain_title: format!("Pain, last {} days", r.charts.days.len()),
        mornings: mornings_line(&r.charts),
        adherence: r.adherence_text(),
        running: match &r.running {
            None => "Not started.".to_string(),
            Some(run) => format!("{}; started {}.", run.heading, dates::friendly(run.started_on)),
        },
        no_notes: "No notes in this period.",
        advised_title: "Changes advised by a clinician",
        no_advised: "No rule was loosened and no step taken forward by hand.",
        you: setup::report_line(r.painful_side, r.diagnosis),
        exercises_title: EXERCISES_TITLE,
        exercises: exercises_so_far(r.ladder.step),
    }
}

/// The next-morning check-ins in the charts' period (a day's highest), in one sentence: the pain-monitoring
/// model's question (Silbernagel 2007) is whether pain settles by the next morning and
/// does not rise week to week, so the report shows them apart from the pooled summary.
pub fn mornings_line(charts: &Charts) -> String {
    let days: Vec<(NaiveDate, u8)> = charts
        .pain
        .iter()
        .filter(|s| s.key == "next_morning")
        .flat_map(|s| {
            s.values
                .iter()
                .zip(&charts.days)
                .filter_map(|(v, d)| v.map(|v| (*d, v)))
        })
        .collect();
    let (Some(&(first_day, first)), Some(&(last_day, last))) = (days.first(), days.last()) else {
        return "No next-morning check-ins in this period.".to_string();
    };
    let (peak_day, peak) = days
        .iter()
        .copied()
        .max_by_key(|&(d, v)| (v, std::cmp::Reverse(d)))
        .unwrap_or((last_day, last));
    if days.len() == 1 {
        return format!(
            "Next-morning pain on 1 day: {last}/10 on {}.",
            dates::friendly(last_day)
        );
    }
    format!(
        "Next-morning pain on {} days: {first}/10 on {} at first, latest {last}/10 on {}, highest {peak}/10 on {}.",
        days.len(),
        dates::friendly(first_day),
        dates::friendly(last_day),
        dates::friendly(peak_day)
    )
}

impl Report {
    /// The adherence sentence, as the report shows it.
    pub fn adherence_text(&self) -> String {
        let a = &self.adherence;
        format!(
            "{} of {} stretches ({}%) over the last {} days",
            a.done, a.target, a.percent, a.days
        )
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Ubuntu,Arial,sans-serif;color:#1b2a2d;max-width:46rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.25rem 0 .4rem;border-bottom:1px solid #c3d2d4;padding-bottom:.2rem}
.muted{color:#4a5c60}.figure{font-size:1.05rem;font-weight:650}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #e0e8e9;vertical-align:top}
.open{color:#1b6a33;font-weight:650}.closed{color:#a3161e;font-weight:650}.note{white-space:pre-wrap}svg{max-width:100%;height:auto}.exercises{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.5rem}.exercises figure{margin:0}.exercises svg{width:100%}.exercises figcaption{font-size:.85rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}";

const COLOURS: [&str; 5] = ["#146e78", "#b7791f", "#6b4fa3", "#a3161e", "#1b6a33"];

/// The pain chart as inline SVG: one line per kind of score, days along, 0–10 up.
pub fn pain_svg(charts: &Charts) -> String {
    let (w, h, left, top, bottom) = (640.0, 220.0, 34.0, 10.0, 28.0);
    let n = charts.days.len().max(2) as f64;
    let x = |k: usize| left + (w - left - 10.0) * k as f64 / (n - 1.0);
    let y = |v: u8| top + (h - top - bottom) * (1.0 - v as f64 / 10.0);
    let mut s = format!(
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        escape(&charts.summary.pain)
    );
    for v in [0u8, 5, 10] {
        let _ = write!(s, "<line x1=\"{left}\" x2=\"{}\" y1=\"{y0:.1}\" y2=\"{y0:.1}\" stroke=\"#c3d2d4\"/><text x=\"4\" y=\"{:.1}\" font-size=\"11\" fill=\"#4a5c60\">{v}</text>", w - 10.0, y(v) + 4.0, y0 = y(v));
    }
    for mark in &charts.steps {
        if let Some(k) = charts.days.iter().position(|d| *d == mark.date) {
            let _ = write!(s, "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{top}\" y2=\"{1:.1}\" stroke=\"#7a9598\" stroke-dasharray=\"3 3\"/><text x=\"{2:.1}\" y=\"{3}\" font-size=\"10\" fill=\"#4a5c60\">step {4}</text>", x(k), h - bottom, x(k) + 2.0, top + 10.0, mark.step);
        }
    }
    for (i, series) in charts.pain.iter().enumerate() {
        let points: Vec<String> = series
            .values
            .iter()
            .enumerate()
            .filter_map(|(k, v)| v.map(|v| format!("{:.1},{:.1}", x(k), y(v))))
            .collect();
        if points.is_empty() {
            continue;
        }
        let colour = COLOURS[i % COLOURS.len()];
        let _ = write!(
            s,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"/>",
            points.join(" ")
        );
        for p in &points {
            let (px, py) = p.split_once(',').unwrap_or(("0", "0"));
            let _ = write!(
                s,
                "<circle cx=\"{px}\" cy=\"{py}\" r=\"2.5\" fill=\"{colour}\"/>"
            );
        }
    }
    let first = charts
        .days
        .first()
        .map(|d| dates::friendly(*d))
        .unwrap_or_default();
    let last = charts
        .days
        .last()
        .map(|d| dates::friendly(*d))
        .unwrap_or_default();
    let _ = write!(s, "<text x=\"{left}\" y=\"{}\" font-size=\"11\" fill=\"#4a5c60\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#4a5c60\" text-anchor=\"end\">{}</text></svg>", h - 8.0, escape(&first), w - 10.0, h - 8.0, escape(&last));
    s
}

/// The exercises of the ladder up to the current step, each with its end pose drawn
/// (the demonstration's still file, fixed colours: the report stands alone).
fn exercise_list(s: &mut String, t: &Texts) {
    let _ = write!(s, "<h3>{}</h3><ul class=\"exercises\" id=\"report-exercises\">", escape(t.exercises_title));
    for e in &t.exercises {
        let svg = crate::core::figures::demo(e.id)
            .map(crate::core::figures::end_svg)
            .unwrap_or_default();
        let _ = write!(s, "<li><figure>{svg}<figcaption>{}</figcaption></figure></li>", escape(e.name));
    }
    s.push_str("</ul>");
}

/// The heading of the report's list of exercises.
pub const EXERCISES_TITLE: &str = "The exercises so far, each at the end of its movement";

/// The whole report as one HTML document.
pub fn render_html(r: &Report) -> String {
    let t = texts(r);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Rehab report, {}</title><style>{STYLE}</style></head><body>",
        escape(&dates::friendly(r.generated_on))
    );
    let _ = write!(s, "<h1>High hamstring tendinopathy: rehabilitation report</h1><p class=\"muted\">Prepared by the patient with High Hamstring Rehab on {}. Not a medical record; for discussion with a clinician.</p>", escape(&dates::friendly(r.generated_on)));
    let _ = write!(s, "<p id=\"report-you\">{}</p>", escape(&t.you));

    let _ = write!(
        s,
        "<h2>Exercise ladder</h2><p class=\"figure\" id=\"report-step\">{}</p><p>{}</p><p class=\"muted\">{}</p>",
        escape(&t.step),
        escape(&r.ladder.headline),
        escape(&r.ladder.reason)
    );
    exercise_list(&mut s, &t);

    let _ = write!(s, "<h2>{}</h2>", escape(t.advised_title));
    if r.advised.is_empty() {
        let _ = write!(s, "<p class=\"muted\">{}</p>", escape(t.no_advised));
    } else {
        s.push_str("<ul id=\"report-advised\">");
        for line in &r.advised {
            let _ = write!(s, "<li>{}</li>", escape(line));
        }
        s.push_str("</ul>");
    }

    s.push_str("<h2>Gates</h2><table id=\"report-gates\">");
    for g in &r.gates {
        let _ = write!(
            s,
            "<tr><th>{}</th><td class=\"{}\">{}</td><td>{}</td></tr>",
            escape(g.name),
            if g.open { "open" } else { "closed" },
            if g.open { "Open" } else { "Closed" },
            escape(&g.reason)
        );
    }
    s.push_str("</table>");

    let _ = write!(
        s,
        "<h2>Self-tests</h2><p>{}</p>",
        escape(&r.self_tests_headline)
    );
    if !r.test_results.is_empty() {
        s.push_str("<ul>");
        for t in &r.test_results {
            let _ = write!(s, "<li>{}</li>", escape(t));
        }
        s.push_str("</ul>");
    }

    let _ = write!(
        s,
        "<h2>{}</h2>{}<p class=\"muted\">{}</p>",
        escape(&t.pain_title),
        pain_svg(&r.charts),
        escape(&r.charts.summary.pain)
    );
    let _ = write!(s, "<p id=\"report-mornings\">{}</p>", escape(&t.mornings));
    s.push_str("<p class=\"muted\">");
    for (i, series) in r.charts.pain.iter().enumerate() {
        if series.values.iter().any(|v| v.is_some()) {
            let _ = write!(
                s,
                "<span style=\"color:{}\">&#9632;</span> {} &nbsp; ",
                COLOURS[i % COLOURS.len()],
                escape(series.label)
            );
        }
    }
    s.push_str("</p>");

    let _ = write!(
        s,
        "<h2>Stretching</h2><p class=\"figure\" id=\"report-adherence\">{}</p>",
        escape(&t.adherence)
    );

    s.push_str("<h2>Return to running</h2>");
    let _ = write!(s, "<p id=\"report-running\">{}</p>", escape(&t.running));
    if let Some(run) = &r.running {
        let _ = write!(s, "<p class=\"muted\">{}</p>", escape(&run.latest));
    }

    s.push_str("<h2>Notes</h2>");
    if r.notes.is_empty() {
        let _ = write!(s, "<p class=\"muted\">{}</p>", escape(t.no_notes));
    } else {
        s.push_str("<table>");
        for n in &r.notes {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"note\">{}</td></tr>",
                escape(&dates::friendly(n.date)),
                escape(n.source),
                escape(&n.text)
            );
        }
        s.push_str("</table>");
    }
    s.push_str("</body></html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::charts::{assemble, Inputs};

    fn d(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap() + chrono::Duration::days(n)
    }

    fn charts_with(checkins: &[(NaiveDate, String, u8)]) -> Charts {
        assemble(&Inputs {
            window: crate::core::charts::window(d(13), 14, Some(d(0))),
            exercise_pain: &[(d(1), 3), (d(5), 4)],
            checkins,
            runs: &[],
            stretches: &[],
            stretch_target: 4,
            changes: &[],
            running: None,
        })
    }

    #[test]
    fn the_next_morning_check_ins_have_their_own_line() {
        let checkins = vec![
            (d(2), "next_morning".to_string(), 1),
            (d(4), "next_morning".to_string(), 3),
            (d(6), "sitting".to_string(), 6),
            (d(9), "next_morning".to_string(), 0),
        ];
        assert_eq!(
            mornings_line(&charts_with(&checkins)),
            "Next-morning pain on 3 days: 1/10 on Wed 4 Mar 2026 at first, latest 0/10 on Wed 11 Mar 2026, highest 3/10 on Fri 6 Mar 2026."
        );
        // Only next-morning answers: the sitting 6/10 and the exercise scores are not in it.
        assert_eq!(
            mornings_line(&charts_with(&checkins[2..3])),
            "No next-morning check-ins in this period."
        );
        assert_eq!(
            mornings_line(&charts_with(&checkins[3..])),
            "Next-morning pain on 1 day: 0/10 on Wed 11 Mar 2026."
        );
    }

    #[test]
    fn adherence_counts_from_the_first_day_of_use() {
        let today = d(40);
        // Installed five days ago: five days' target, not 28.
        let w = adherence_window(today, Some(d(36)));
        assert_eq!((w.from, w.days()), (d(36), 5));
        let a = adherence(15, 4 * w.days(), w.days());
        assert_eq!((a.target, a.percent), (20, 75));
        // Used for longer than the period: the whole period.
        assert_eq!(
            adherence_window(today, Some(d(0))).days(),
            ADHERENCE_DAYS as u32
        );
        // Nothing logged yet: today.
        assert_eq!(adherence_window(today, None).days(), 1);
    }

    #[test]
    fn markup_in_user_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn the_exercise_list_draws_each_exercise_so_far_at_its_end_pose() {
        let mut s = String::new();
        let t = Texts {
            exercises_title: EXERCISES_TITLE,
            exercises: exercises_so_far(3),
            ..Texts::default()
        };
        exercise_list(&mut s, &t);
        assert_eq!(s.matches("<svg").count(), 3, "{s}");
        for e in &crate::core::protocol::LADDER[..3] {
            assert!(s.contains(&format!("<figcaption>{}</figcaption>", escape(e.name))));
        }
        assert!(!s.contains(crate::core::protocol::LADDER[3].name));
        assert!(
            !s.contains("href") && !s.contains("<script") && !s.contains("http"),
            "the drawings refer to nothing outside"
        );
    }
}
