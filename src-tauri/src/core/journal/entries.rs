//! The journal's entries made from the records the store read: each kind's title,
//! details, pain, note and edit form, in the journal's words.

use super::model::{sort, Context, Editable, Entry, Kind};
use crate::core::protocol::{self, Measure};
use crate::core::records::{
    CheckinRecord, Logged, MoveRecord, NoteRecord, ReminderRecord, RomRecord, RunRecord,
    SessionRecord, StretchRecord, TestRecord,
};
use std::collections::BTreeMap;

#[cfg(test)]
mod tests;

const PAIN_WORD: &str = "Pain";

/// Every entry of `logged`, newest first.
pub fn entries(logged: Logged) -> Vec<Entry> {
    let mut out = sessions(&logged);
    out.extend(logged.checkins.into_iter().map(checkin));
    out.extend(logged.stretches.into_iter().map(stretch));
    out.extend(logged.reminders.into_iter().map(reminder));
    out.extend(logged.tests.into_iter().map(test));
    out.extend(logged.roms.into_iter().map(rom));
    out.extend(logged.runs.into_iter().map(run));
    out.extend(logged.notes.into_iter().map(note));
    out.extend(logged.moves.into_iter().map(ladder_move));
    sort(&mut out);
    out
}

fn plain(
    kind: Kind,
    id: i64,
    date: chrono::NaiveDate,
    at: String,
    title: &str,
    detail: &str,
) -> Entry {
    Entry {
        kind,
        id,
        date,
        at,
        title: title.into(),
        details: vec![detail.into()],
        pain: None,
        note: None,
        edits: Vec::new(),
    }
}

fn choice(mut edit: Editable, choices: Vec<(&'static str, &'static str)>) -> Editable {
    edit.input = "choice";
    edit.choices = choices;
    edit
}

/// Each session with a line per exercise (in ladder order): its sets and pain; the
/// session's pain is the highest, and each exercise's pain can be edited.
fn sessions(logged: &Logged) -> Vec<Entry> {
    let mut sessions: BTreeMap<i64, Entry> = logged.sessions.iter().map(session).collect();
    if sessions.is_empty() {
        return Vec::new();
    }
    let index = |id: &str| protocol::exercise(id).map(|(i, _)| i).unwrap_or(usize::MAX);
    let mut per: BTreeMap<(i64, usize), (Vec<u16>, Option<u8>)> = BTreeMap::new();
    for set in &logged.sets {
        per.entry((set.session_id, index(&set.exercise_id)))
            .or_default()
            .0
            .push(set.amount);
    }
    for pain in &logged.pains {
        per.entry((pain.session_id, index(&pain.exercise_id)))
            .or_default()
            .1 = Some(pain.pain);
    }
    for ((sid, i), (sets, pain)) in per {
        let (Some(entry), Some(ex)) = (sessions.get_mut(&sid), protocol::LADDER.get(i)) else {
            continue;
        };
        let unit = match ex.measure {
            Measure::Hold => "s",
            Measure::Reps => "",
        };
        let list: Vec<String> = sets.iter().map(|a| format!("{a}{unit}")).collect();
        let pain_text = pain.map(|p| format!(", pain {p}/10")).unwrap_or_default();
        entry.details.push(format!(
            "{}: {} set{} ({}){pain_text}",
            ex.name,
            sets.len(),
            if sets.len() == 1 { "" } else { "s" },
            list.join(", ")
        ));
        if let Some(p) = pain {
            entry.pain = Some(entry.pain.map_or(p, |q| q.max(p)));
            entry.edits.push(Editable::pain(
                format!("pain:{}", ex.id),
                format!("{PAIN_WORD}, {}", ex.name),
                p,
            ));
        }
    }
    sessions.into_values().collect()
}

fn session(s: &SessionRecord) -> (i64, Entry) {
    let title = if s.finished_at.is_some() {
        "Exercise session"
    } else {
        "Exercise session (not finished)"
    };
    let entry = Entry {
        kind: Kind::Session,
        id: s.id,
        date: s.date,
        at: s.started_at.clone(),
        title: title.into(),
        details: Vec::new(),
        pain: None,
        note: None,
        edits: Vec::new(),
    };
    (s.id, entry)
}

fn checkin(c: CheckinRecord) -> Entry {
    let context = Context::parse(&c.context)
        .map(|c| c.label())
        .unwrap_or("Other");
    let contexts = Context::ALL
        .iter()
        .map(|c| (c.as_str(), c.label()))
        .collect();
    Entry {
        kind: Kind::Checkin,
        id: c.id,
        date: c.date,
        at: c.at,
        title: format!("Pain check-in: {}", context.to_lowercase()),
        details: vec![format!("Pain {}/10", c.pain)],
        pain: Some(c.pain),
        edits: vec![
            Editable::pain("pain", PAIN_WORD, c.pain),
            choice(Editable::text("context", "When", &c.context), contexts),
            Editable::text("note", "Note", &c.note),
        ],
        note: (!c.note.is_empty()).then_some(c.note),
    }
}

fn stretch(s: StretchRecord) -> Entry {
    let how = if s.source == "reminder" {
        "From a reminder"
    } else {
        "Logged by hand"
    };
    let mut day = Editable::text("date", "Day", &s.date.to_string());
    day.input = "date";
    let mut entry = plain(Kind::Stretch, s.id, s.date, s.done_at, "Stretch done", how);
    entry.edits.push(day);
    entry
}

fn reminder(r: ReminderRecord) -> Entry {
    let word = match r.outcome.as_str() {
        "shown" => "shown",
        "window" => "shown in the app's window (no notifications)",
        "done" => "done",
        "snoozed" => "snoozed",
        "skipped" => "skipped",
        "missed" => "missed",
        _ => "not needed (target met)",
    };
    let what = format!(
        "Reminder for {:02}:{:02}{}: {word}",
        r.planned / 60,
        r.planned % 60,
        if r.catch_up { " (catch-up)" } else { "" }
    );
    plain(
        Kind::Reminder,
        r.id,
        r.date,
        r.at,
        "Stretch reminder",
        &what,
    )
}

fn test(t: TestRecord) -> Entry {
    let name = protocol::test(&t.test_id)
        .map(|t| t.name)
        .unwrap_or("A test");
    let result = if t.painful { "pain" } else { "none" };
    let mut entry = plain(
        Kind::Test,
        t.id,
        t.date,
        t.recorded_at,
        &format!("{name}, {} leg", t.side),
        if t.painful { "Painful" } else { "No pain" },
    );
    entry.edits.push(choice(
        Editable::text("painful", "Result", result),
        vec![("pain", "Pain"), ("none", "No pain")],
    ));
    entry
}

fn rom(r: RomRecord) -> Entry {
    let (value, words) = if r.normal {
        ("yes", "Back to normal")
    } else {
        ("no", "Not yet normal")
    };
    let mut entry = plain(
        Kind::Rom,
        r.id,
        r.date,
        r.recorded_at,
        "Range of motion",
        words,
    );
    entry.edits.push(choice(
        Editable::text("normal", "Range of motion", value),
        vec![("yes", "Back to normal"), ("no", "Not yet normal")],
    ));
    entry
}

fn run(r: RunRecord) -> Entry {
    let run = r.run;
    let what = match (run.sets, run.minutes) {
        (Some(s), _) => format!("{s} walk/jog set{}", if s == 1 { "" } else { "s" }),
        (_, Some(m)) => format!("{m} minutes"),
        _ => String::new(),
    };
    let mut details = vec![format!("{what}, pain {}/10", run.pain)];
    if let Some(rule) = &run.override_rule {
        details.push(format!(
            "Logged against the rule \"{}\"",
            rule.replace('_', " ")
        ));
    }
    Entry {
        kind: Kind::Run,
        id: run.id,
        date: run.date,
        at: r.recorded_at,
        title: "Run".into(),
        details,
        pain: Some(run.pain),
        edits: vec![
            Editable::pain("pain", PAIN_WORD, run.pain),
            Editable::text("note", "Note", &run.note),
        ],
        note: (!run.note.is_empty()).then_some(run.note),
    }
}

fn note(n: NoteRecord) -> Entry {
    Entry {
        kind: Kind::Note,
        id: n.id,
        date: n.date,
        at: n.at,
        title: "Note".into(),
        details: Vec::new(),
        pain: None,
        edits: vec![Editable::text("text", "Note", &n.text)],
        note: Some(n.text),
    }
}

fn ladder_move(m: MoveRecord) -> Entry {
    let name = |i: usize| protocol::LADDER.get(i).map(|e| e.name).unwrap_or("?");
    let what = format!("{} → {}", name(m.from_step), name(m.to_step));
    plain(
        Kind::Move,
        m.id,
        m.date,
        m.moved_at,
        "Ladder moved by hand",
        &what,
    )
}
