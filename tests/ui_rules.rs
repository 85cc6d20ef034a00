//! A number the user sees comes from core: the pages under `ui/js` (not `ui/vendor`) get
//! every range, limit, default and rule sentence from the view the backend sends, so a
//! rule written into a page is a second copy of it. This test reads every `ui/js/**/*.js`
//! and fails, naming file, line and pattern, on a literal rule number the first round
//! left in the pages:
//!
//! - the pain scale written out: `0–10` / `0-10`, `3/10` (`/10`), `out of 10`, the anchors
//!   `0 = none, 10 = worst` (or `0 = no pain`, `worst imaginable`: the words at the pain
//!   control's ends come with the scale), `min: 0` / `max: 10` (or `min="0"`,
//!   `max='10'`) on a control, a loop or check against `<= 10`;
//! - any range written into words with a literal number: `3–4 times` (an en dash between
//!   numbers), `from 0 to 10`, `1 to 10`;
//! - a chart axis with a literal range, `range: [0, 10]`;
//! - the note limit: `2000`, a `maxlength` with a literal number, `2000 characters`;
//! - week counts: `8 weeks`, `8-week`, `Last 4 weeks`, `Week ${n} of 8`, and a rule on
//!   the week, `week <= 2`;
//! - a default amount after `||`: `sets || 2`, `minutes || 20`;
//! - a dose written out: `1 set`, `3 sets`, `2 holds`, `10 repetitions` (each session's
//!   dose comes with the view: `TodayDose`, `DoseLine`).
//!
//! Whole comment lines (`//`, `/*`, `*`) are skipped, so a comment may still say what a
//! number is. Not flagged, because they are no rule: numbers of layout (`|| 700` pixels,
//! a chart's height), of time (`* 1000` ms), of counting (`i + 1`, `padStart(2, '0')`),
//! and a number built from view fields (`${limits.min_sets} to ${limits.max_sets}`).
//! Not caught: a rule sentence without a digit in it (words are checked by review, and
//! the views now carry them).

use std::path::{Path, PathBuf};

/// One piece of a pattern. The matcher below is a small backtracking one (the crate has
/// no regex dependency); letters match without regard to case.
#[derive(Clone, Copy)]
enum Tok {
    /// This text.
    Lit(&'static str),
    /// A whole number not glued to a letter, digit, dot or colon before it (`Some(n)`:
    /// that one).
    Num(Option<u64>),
    /// Zero or more spaces.
    Sp,
    /// An optional quote (`'` or `"`).
    Quote,
    /// One of these characters.
    OneOf(&'static str),
    /// Up to this many characters of anything.
    Any(usize),
    /// The end of a word: no letter or digit next.
    End,
}
use Tok::*;

/// The patterns: a name for the failure message, and its tokens.
fn patterns() -> Vec<(&'static str, Vec<Tok>)> {
    vec![
        (
            "the pain scale as 0-10",
            vec![Num(Some(0)), Sp, OneOf("–-"), Sp, Num(Some(10)), End],
        ),
        (
            "a range in words (N–M)",
            vec![Num(None), Sp, Lit("–"), Sp, Num(None)],
        ),
        (
            "a pain score out of 10 (/10)",
            vec![Lit("/"), Num(Some(10)), End],
        ),
        (
            "a score 'out of' a literal",
            vec![Lit("out of "), Num(None), End],
        ),
        (
            "a literal range 'N to M'",
            vec![Num(None), Lit(" to "), Num(None), End],
        ),
        (
            "the pain anchors (0 = none)",
            vec![
                Num(None),
                Sp,
                Lit("="),
                Sp,
                OneOf("nw"),
                OneOf("oo"),
                OneOf("nr"),
            ],
        ),
        (
            "the pain anchors (0 = no pain)",
            vec![Num(None), Sp, Lit("="), Sp, Lit("no pain")],
        ),
        (
            "the pain anchors (worst imaginable)",
            vec![Lit("worst imaginable")],
        ),
        (
            "min 0 on a control",
            vec![Lit("min"), Sp, OneOf(":="), Sp, Quote, Num(Some(0)), End],
        ),
        (
            "max 10 on a control",
            vec![Lit("max"), Sp, OneOf(":="), Sp, Quote, Num(Some(10)), End],
        ),
        (
            "a check against 10",
            vec![OneOf("<>"), Sp, Num(Some(10)), End],
        ),
        (
            "a check against 10",
            vec![OneOf("<>"), Lit("="), Sp, Num(Some(10)), End],
        ),
        (
            "a literal chart axis range",
            vec![
                Lit("range"),
                Sp,
                Lit(":"),
                Sp,
                Lit("["),
                Sp,
                OneOf(DIGITS),
                Any(4),
                Lit(","),
                Sp,
                OneOf(DIGITS),
            ],
        ),
        ("the note limit (2000)", vec![Num(Some(2000)), End]),
        (
            "a literal maxlength",
            vec![Lit("maxlength"), Sp, OneOf(":="), Sp, Quote, Num(None)],
        ),
        (
            "a literal character limit",
            vec![Num(None), Lit(" characters")],
        ),
        (
            "a week count (N weeks)",
            vec![Num(None), OneOf(" -"), Lit("week")],
        ),
        (
            "a week count (week … of N)",
            vec![Lit("week"), Any(40), Lit(" of "), Num(None), End],
        ),
        (
            "a rule on the week (week <= N)",
            vec![Lit("week"), Any(12), OneOf("<>="), Any(2), Sp, Num(None)],
        ),
        (
            "a literal input range (min/max: 'N')",
            vec![
                OneOf("mx"),
                OneOf("ia"),
                OneOf("nx"),
                Lit(":"),
                Sp,
                Quote,
                Num(None),
            ],
        ),
        (
            "a count of backups kept (the last N)",
            vec![Lit("the last "), Num(None), Lit(" are kept")],
        ),
        (
            "a default amount (sets || N)",
            vec![Lit("sets"), Sp, Lit("||"), Sp, Num(None)],
        ),
        (
            "a default amount (minutes || N)",
            vec![Lit("minutes"), Sp, Lit("||"), Sp, Num(None)],
        ),
        (
            "a dose written out (N sets, N holds)",
            vec![Num(None), Lit(" "), OneOf("sh"), OneOf("eo"), OneOf("tl")],
        ),
        (
            "a dose written out (N repetitions)",
            vec![Num(None), Lit(" rep")],
        ),
    ]
}

const DIGITS: &str = "0123456789";

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `toks` match `line` starting at char `i`.
fn match_at(line: &[char], i: usize, toks: &[Tok]) -> bool {
    let Some((tok, rest)) = toks.split_first() else {
        return true;
    };
    match *tok {
        Lit(text) => {
            let want: Vec<char> = text.chars().collect();
            i + want.len() <= line.len()
                && want
                    .iter()
                    .zip(&line[i..])
                    .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
                && match_at(line, i + want.len(), rest)
        }
        Num(value) => {
            // Not the middle of a word, a decimal or a time of day ("00:00").
            if i > 0 && (is_word(line[i - 1]) || line[i - 1] == '.' || line[i - 1] == ':') {
                return false;
            }
            let mut j = i;
            while j < line.len() && line[j].is_ascii_digit() {
                j += 1;
            }
            if j == i {
                return false;
            }
            let n: String = line[i..j].iter().collect();
            let ok = match value {
                Some(v) => n.parse::<u64>().ok() == Some(v),
                None => true,
            };
            ok && match_at(line, j, rest)
        }
        Sp => {
            let mut j = i;
            while j < line.len() && line[j] == ' ' {
                j += 1;
            }
            match_at(line, j, rest)
        }
        Quote => {
            (i < line.len() && (line[i] == '\'' || line[i] == '"') && match_at(line, i + 1, rest))
                || match_at(line, i, rest)
        }
        OneOf(set) => {
            i < line.len()
                && set
                    .chars()
                    .any(|c| c.to_lowercase().eq(line[i].to_lowercase()))
                && match_at(line, i + 1, rest)
        }
        Any(max) => (0..=max).any(|k| i + k <= line.len() && match_at(line, i + k, rest)),
        End => (i >= line.len() || !is_word(line[i])) && match_at(line, i, rest),
    }
}

fn matches(line: &str, toks: &[Tok]) -> bool {
    let chars: Vec<char> = line.chars().collect();
    (0..chars.len()).any(|i| match_at(&chars, i, toks))
}

/// Every literal rule number in `source`, as "line: pattern: text".
fn findings(source: &str) -> Vec<String> {
    let patterns = patterns();
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("//") || t.starts_with("/*") || t.starts_with('*') {
            continue;
        }
        for (name, toks) in &patterns {
            if matches(line, toks) {
                out.push(format!("{}: {name}: {}", n + 1, t));
            }
        }
    }
    out
}

fn js_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("ui/js is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            js_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            out.push(path);
        }
    }
}

#[test]
fn no_page_holds_a_literal_rule_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/js");
    let mut files = Vec::new();
    js_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 10, "the pages were found: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a page is text");
        for f in findings(&source) {
            found.push(format!(
                "{}:{f}",
                file.strip_prefix(&root).unwrap().display()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "a rule number is written into a page; send it with the view instead:\n{}",
        found.join("\n")
    );
}

/// The patterns catch what the first round left in the pages (each line from it), and
/// pass what is no rule.
#[test]
fn the_patterns_catch_the_old_literals_and_pass_harmless_code() {
    for caught in [
        "const pain = el('input', { type: 'number', min: 0, max: 10, step: 1 });",
        "el('p', { class: 'hint' }, '0 = none, 10 = worst.')",
        "el('span', {}, '0 = no pain')",
        "const ends = ['No pain', 'Worst imaginable'];",
        "const note = el('input', { type: 'text', maxlength: 2000 });",
        "el('input', { min=\"0\" })",
        "const painOpts = baseOptions(uPlot, width, 'Pain (0–10)', { range: [0, 10] });",
        "const ladderOpts = baseOptions(uPlot, width, 'Ladder step (1–7)', { range: [0.5, 7.5] });",
        "  [8, 'Last 8 weeks'],",
        "el('p', {}, 'The 8-week plan starts once the running gate above is open.')",
        "state.finished ? 'All 8 weeks done' : `Week ${state.week} of 8: ${plan.week.title}`",
        "el('td', {}, `${run.pain}/10`),",
        "for (let value = 0; value <= 10; value += 1) {",
        "showError(view.status, { message: 'Choose a pain score from 0 to 10 first.' });",
        "'Allowed pain during exercise (out of 10)',",
        "value: String(plan.today.sets || 2)",
        "value: String(plan.today.minutes || plan.state.minutes || 20)",
        "el('p', { class: 'hint' }, 'Stretch gently, 3–4 times a day, both legs.')",
        "if (state.week <= 2) logSets();",
        "const input = el('input', { type: 'number', id: 'set-amount', min: '1', step: '1' });",
        "`A copy of your data is made each day; the last 7 are kept in `",
        "el('p', { class: 'dose' }, 'Today: 1 set of 10 repetitions.')",
        "const countText = `Set ${done + 1} of 3 sets`;",
        "el('p', {}, '2 holds of 10 seconds')",
    ] {
        assert!(!findings(caught).is_empty(), "not caught: {caught}");
    }
    for harmless in [
        "const width = Math.max(300, Math.min(760, (target.clientWidth || 700) - 8));",
        "return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;",
        "el('p', {}, `Exercise ${state.index + 1} of ${state.session.exercises.length}`)",
        "inputField('run-amount', 'Minutes run', amount, `${limits.min_minutes} to ${limits.max_minutes}.`)",
        "const pain = el('input', { min: limits.pain.min, max: limits.pain.max });",
        "const s = Math.max(0, Math.round(seconds));",
        "endsAt = Date.now() + phase.seconds * 1000;",
        "// Pain is scored 0–10 (a comment may say so).",
        "el('h2', { id: 'running-week-title' }, plan.heading),",
        "el('button', {}, 'Start week 1')",
        "baseOptions(uPlot, width, title, { range: [0, Math.max(data.stretch_target + 1, ...data.stretches)] });",
        "field('reminder_window_start', 'Reminders start at', input, 'A time from 00:00 to 23:59.'),",
        "el('p', { id: 'set-count' }, `Set ${done + 1} of ${asked}`)",
    ] {
        assert!(findings(harmless).is_empty(), "flagged: {harmless}: {:?}", findings(harmless));
    }
}

/// The colour transitions declared in `css` (outside comments), as "line: declaration":
/// a `transition` of a colour, a background, a border, a fill or stroke, `all`, or of no
/// property named (which is `all`). `transition: none` is none.
fn colour_transitions(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (n, line) in css.lines().enumerate() {
        let mut text = String::new();
        let mut rest = line;
        loop {
            if in_comment {
                match rest.find("*/") {
                    Some(end) => {
                        rest = &rest[end + 2..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("/*") {
                    Some(start) => {
                        text.push_str(&rest[..start]);
                        rest = &rest[start + 2..];
                        in_comment = true;
                    }
                    None => {
                        text.push_str(rest);
                        break;
                    }
                }
            }
        }
        for decl in text.split([';', '{', '}']) {
            let Some((name, value)) = decl.split_once(':') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim().to_lowercase());
            if !name.starts_with("transition") || name == "transition-duration" {
                continue;
            }
            let value = value.trim_end_matches("!important").trim();
            if value == "none" || name == "transition-timing-function" || name == "transition-delay"
            {
                continue;
            }
            let colour = value.split(',').any(|part| {
                let first = part.split_whitespace().next().unwrap_or("");
                first.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                    || [
                        "color",
                        "background",
                        "border",
                        "fill",
                        "stroke",
                        "outline",
                        "all",
                        "box-shadow",
                    ]
                    .iter()
                    .any(|p| first.contains(p))
            });
            if colour {
                out.push(format!("{}: {}", n + 1, decl.trim()));
            }
        }
    }
    out
}

/// No colour fades in the stylesheets: a theme switch (or a hover) would pass the text
/// and its background through each other, below any contrast for a moment (the dark
/// theme's nav highlight was once measured at 1.01:1 half-way). Colours change at once.
#[test]
fn no_colour_fades_in_the_stylesheets() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut found = Vec::new();
    for file in ["styles.css", "figures.css"] {
        let css = std::fs::read_to_string(ui.join(file)).expect("a stylesheet");
        for f in colour_transitions(&css) {
            found.push(format!("{file}:{f}"));
        }
    }
    assert!(
        found.is_empty(),
        "a colour transition:\n{}",
        found.join("\n")
    );
    for caught in [
        ".nav-list a { transition: background-color 120ms ease; }",
        "button {\n  transition: background-color 120ms ease, color 120ms ease;\n}",
        "a { transition: 0.2s; }",
        "a { transition: all 1s linear !important }",
        "input { transition-property: border-color; }",
    ] {
        assert!(
            !colour_transitions(caught).is_empty(),
            "not caught: {caught}"
        );
    }
    for harmless in [
        "* { transition: none !important; }",
        "/* transition: background-color 1s */",
        ".demo { transition: transform 200ms ease; }",
        "a { transition-duration: 1s; }",
    ] {
        assert!(
            colour_transitions(harmless).is_empty(),
            "flagged: {harmless}"
        );
    }
}
