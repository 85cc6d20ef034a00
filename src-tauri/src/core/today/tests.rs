use super::*;
use crate::core::planner::Slot;
use crate::core::says;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn clock(h: u32, m: u32) -> NaiveDateTime {
    date().and_hms_opt(h, m, 0).unwrap()
}

fn slot(h: u16, m: u16, state: SlotState) -> Slot {
    Slot {
        time: ClockTime::hm(h, m).unwrap(),
        state,
        catch_up: false,
    }
}

/// The default four reminders (08:00, 12:20, 16:40, 21:00), each in `states`' state.
fn day_of(states: [SlotState; 4]) -> Day {
    let times = [(8, 0), (12, 20), (16, 40), (21, 0)];
    Day {
        date: date(),
        slots: times
            .iter()
            .zip(states)
            .map(|(&(h, m), s)| slot(h, m, s))
            .collect(),
        logged: 0,
    }
}

fn pending() -> Day {
    day_of([SlotState::Pending; 4])
}

fn run(kind: &'static str) -> TodayRun {
    TodayRun {
        kind,
        text: format!("the {kind} words"),
        sets: None,
        walk_minutes: None,
        jog_minutes: None,
        minutes: None,
    }
}

struct F {
    session: SessionState,
    done: u32,
    day: Day,
    now: NaiveDateTime,
    run: Option<TodayRun>,
}

impl F {
    /// 07:00, nothing done, every reminder to come, no running plan.
    fn new() -> F {
        F {
            session: SessionState::NotStarted,
            done: 0,
            day: pending(),
            now: clock(7, 0),
            run: None,
        }
    }

    fn next(&self) -> NextUp {
        next_up(&Facts {
            session: self.session,
            stretches_done: self.done,
            stretch_target: 4,
            reminders: &self.day,
            now: self.now,
            run: self.run.as_ref(),
        })
    }
}

fn shown_at(h: u32, m: u32) -> SlotState {
    SlotState::Shown { at: clock(h, m) }
}

#[test]
fn a_fresh_morning_starts_with_the_session() {
    let n = F::new().next();
    assert_eq!(n.why, Why::SessionToStart);
    assert_eq!(n.kind, Kind::Session);
    assert_eq!(n.label, "Next up");
    let action = n.action.expect("a button");
    assert_eq!(action.go, Go::Session);
    assert_eq!(action.label, "Start today's session");
}

#[test]
fn a_waiting_reminder_comes_first_even_before_a_session_under_way() {
    let mut f = F::new();
    f.day = day_of([
        shown_at(8, 0),
        SlotState::Pending,
        SlotState::Pending,
        SlotState::Pending,
    ]);
    f.now = clock(8, 1);
    f.session = SessionState::InProgress;
    let n = f.next();
    assert_eq!(n.why, Why::ReminderWaiting);
    assert_eq!(n.kind, Kind::Stretch);
    says(&n.title, "08:00 reminder is waiting");
    says(&n.text, "Done there answers the reminder");
    assert_eq!(n.action.unwrap().go, Go::Stretch);
}

#[test]
fn a_session_under_way_comes_before_a_stretch_due_by_the_plan() {
    let mut f = F::new();
    f.session = SessionState::InProgress;
    f.now = clock(13, 0);
    f.day = day_of([
        SlotState::Missed,
        SlotState::Missed,
        SlotState::Pending,
        SlotState::Pending,
    ]);
    let n = f.next();
    assert_eq!(n.why, Why::SessionUnderWay);
    assert_eq!(n.action.unwrap().label, "Resume session");
}

#[test]
fn a_stretch_due_by_the_plan_comes_before_starting_the_session() {
    let mut f = F::new();
    f.now = clock(13, 0);
    f.done = 1;
    f.day = day_of([
        SlotState::Done,
        SlotState::Missed,
        SlotState::Pending,
        SlotState::Pending,
    ]);
    let n = f.next();
    assert_eq!(n.why, Why::StretchDue);
    assert_eq!(
        n.text,
        "The day's reminders had 2 due by now, and 1 is done."
    );
    // Caught up with the plan: the session is next.
    f.done = 2;
    assert_eq!(f.next().why, Why::SessionToStart);
}

#[test]
fn skipped_reminders_are_not_due_and_snoozed_ones_once_the_snooze_ends() {
    let mut f = F::new();
    f.now = clock(13, 0);
    f.day = day_of([
        SlotState::Skipped,
        SlotState::Snoozed {
            until: clock(13, 5),
        },
        SlotState::Pending,
        SlotState::Pending,
    ]);
    assert_eq!(due_by(&f.day, f.now, 4), 0);
    assert_eq!(f.next().why, Why::SessionToStart);
    f.now = clock(13, 5);
    assert_eq!(due_by(&f.day, f.now, 4), 1);
    assert_eq!(f.next().why, Why::StretchDue);
}

#[test]
fn due_by_the_plan_never_exceeds_the_target() {
    // Five fixed times, a target of four: at night, four are due.
    let mut day = pending();
    day.slots.push(slot(22, 0, SlotState::Pending));
    assert_eq!(due_by(&day, clock(23, 0), 4), 4);
    assert_eq!(due_by(&day, clock(7, 59), 4), 0);
    assert_eq!(due_by(&day, clock(8, 0), 4), 1);
}

#[test]
fn after_the_session_a_planned_run_then_the_remaining_stretches() {
    let mut f = F::new();
    f.session = SessionState::Done;
    f.run = Some(run("run"));
    let n = f.next();
    assert_eq!(n.why, Why::RunPlanned);
    assert_eq!(n.kind, Kind::Run);
    says(&n.text, "a run for today");
    assert_eq!(n.action.unwrap().go, Go::Running);
    // Rest day, or the run logged: the stretches left, with the next reminder's time.
    for kind in ["rest", "done", "finished"] {
        f.run = Some(run(kind));
        let n = f.next();
        assert_eq!(n.why, Why::StretchesLeft, "{kind}");
        assert_eq!(n.title, "The rest of today's stretches", "{kind}");
        assert_eq!(n.text, "The next reminder is at 08:00.");
    }
    // 21:30 with three done and all four due: a stretch is due, before anything else left.
    f.now = clock(21, 30);
    f.day = day_of([SlotState::Missed; 4]);
    f.done = 3;
    assert_eq!(f.next().why, Why::StretchDue);
}

#[test]
fn a_run_comes_after_the_session_not_before() {
    let mut f = F::new();
    f.run = Some(run("run"));
    assert_eq!(f.next().why, Why::SessionToStart);
}

#[test]
fn the_remaining_stretches_say_when_no_reminder_is_left() {
    let mut f = F::new();
    f.session = SessionState::Done;
    f.day = day_of([
        SlotState::Done,
        SlotState::Done,
        SlotState::Skipped,
        SlotState::Skipped,
    ]);
    f.done = 2;
    f.now = clock(21, 30);
    let n = f.next();
    assert_eq!(n.why, Why::StretchesLeft);
    assert_eq!(n.title, "The rest of today's stretches");
    says(&n.text, "No reminder is left today");
}

#[test]
fn with_everything_done_it_is_done_for_today_saying_what_was_done() {
    let mut f = F::new();
    f.session = SessionState::Done;
    f.done = 4;
    let n = f.next();
    assert_eq!(n.why, Why::AllDone);
    assert_eq!(n.kind, Kind::Done);
    assert_eq!(n.title, "Done for today");
    assert!(n.action.is_none(), "nothing to press");
    assert_eq!(n.done, ["Today's session: done.", "Stretches: 4 of 4."]);
    f.run = Some(run("done"));
    assert_eq!(f.next().done.last().unwrap(), "Today's run: logged.");
    f.run = Some(run("rest"));
    assert_eq!(f.next().why, Why::AllDone);
    // More stretches than the target change nothing.
    f.done = 6;
    assert_eq!(f.next().why, Why::AllDone);
}

#[test]
fn a_waiting_reminder_once_the_target_is_met_is_not_next() {
    let mut f = F::new();
    f.session = SessionState::Done;
    f.done = 4;
    f.day = day_of([
        SlotState::Done,
        SlotState::Done,
        SlotState::Done,
        shown_at(21, 0),
    ]);
    f.now = clock(21, 1);
    assert_eq!(f.next().why, Why::AllDone);
}

#[test]
fn the_order_holds_over_every_combination() {
    // Each fact on and off: the first rule that applies wins, in `ORDER`'s order.
    let states = [
        SessionState::NotStarted,
        SessionState::InProgress,
        SessionState::Done,
    ];
    for session in states {
        for waiting in [false, true] {
            for due in [false, true] {
                for below in [false, true] {
                    for run_kind in [None, Some("run"), Some("rest")] {
                        let mut f = F::new();
                        f.session = session;
                        f.now = clock(13, 0);
                        // Two reminders due by 13:00 when `due`, none otherwise.
                        let first = if due {
                            SlotState::Missed
                        } else {
                            SlotState::Skipped
                        };
                        let second = if waiting { shown_at(12, 20) } else { first };
                        f.day = day_of([first, second, SlotState::Pending, SlotState::Pending]);
                        f.done = if below {
                            if due {
                                0
                            } else {
                                1
                            }
                        } else {
                            4
                        };
                        f.run = run_kind.map(run);
                        let want = if below && waiting {
                            Why::ReminderWaiting
                        } else if session == SessionState::InProgress {
                            Why::SessionUnderWay
                        } else if below && (due || waiting) {
                            // A waiting reminder's time has come: it is due by the plan.
                            Why::StretchDue
                        } else if session == SessionState::NotStarted {
                            Why::SessionToStart
                        } else if run_kind == Some("run") {
                            Why::RunPlanned
                        } else if below {
                            Why::StretchesLeft
                        } else {
                            Why::AllDone
                        };
                        assert_eq!(
                            f.next().why,
                            want,
                            "{session:?} waiting {waiting} due {due} below {below} run {run_kind:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn session_words_for_each_state() {
    assert_eq!(
        session_words(SessionState::NotStarted).action,
        "Start today's session"
    );
    assert_eq!(
        session_words(SessionState::InProgress).action,
        "Resume session"
    );
    assert_eq!(
        session_words(SessionState::Done).action,
        "Start another session"
    );
    says(session_words(SessionState::Done).state, "Done today");
}

fn counts(stretches: u32, sessions: u32, runs: u32) -> DayCounts {
    DayCounts {
        stretches,
        sessions,
        runs,
    }
}

#[test]
fn the_strip_is_seven_days_ending_today_with_what_the_log_holds() {
    let today = date();
    let c = [
        (today - Duration::days(6), counts(4, 1, 0)),
        (today - Duration::days(3), counts(2, 0, 1)),
        (today, counts(1, 1, 0)),
    ];
    let s = week_strip(today, &c, Some(today - Duration::days(30)), 4, true);
    assert_eq!(s.days.len(), usize::from(STRIP_DAYS));
    assert_eq!(s.days[0].date, today - Duration::days(6));
    assert_eq!(s.days[0].label, "Thu 19");
    assert!(s.days[6].today && !s.days[5].today);
    assert_eq!(s.days[0].stretches_text, "4 of 4");
    assert!(s.days[0].met && s.days[0].session && !s.days[0].run);
    assert_eq!(s.days[3].stretches_text, "2 of 4");
    assert!(!s.days[3].met);
    assert_eq!(
        (s.days[3].session_text, s.days[3].run_text),
        ("Not done", "Logged")
    );
    // A day with nothing logged counts as nothing done.
    assert_eq!(
        (s.days[1].stretches_text.as_str(), s.days[1].session_text),
        ("0 of 4", "Not done")
    );
    assert_eq!(
        s.summary,
        "Stretch target met on 1 of 7 days; a session done on 2; a run logged on 1."
    );
    says(&s.target_note, "today's target of 4");
    // Without a running plan the run row and its count are left out.
    let s = week_strip(today, &c, Some(today - Duration::days(30)), 4, false);
    assert!(!s.show_run);
    assert_eq!(
        s.summary,
        "Stretch target met on 1 of 7 days; a session done on 2."
    );
}

#[test]
fn days_before_the_first_use_count_nothing_against_the_user() {
    let today = date();
    let s = week_strip(
        today,
        &[(today, counts(0, 0, 0))],
        Some(today - Duration::days(1)),
        3,
        false,
    );
    assert!(s.days[..5]
        .iter()
        .all(|d| d.before_use && d.stretches_text == "–" && d.session_text == "–"));
    assert!(!s.days[5].before_use && !s.days[6].before_use);
    assert_eq!(
        s.summary,
        "Stretch target met on 0 of 2 days; a session done on 0."
    );
    // Never used before today (a fresh install): today alone counts.
    let s = week_strip(today, &[], None, 3, false);
    assert_eq!(s.days.iter().filter(|d| !d.before_use).count(), 1);
    assert_eq!(
        s.summary,
        "Stretch target met on 0 of 1 day; a session done on 0."
    );
    // A day with anything logged is a day of use, whatever the first day says.
    let s = week_strip(
        today,
        &[(today - Duration::days(6), counts(1, 1, 0))],
        Some(today),
        3,
        false,
    );
    assert!(!s.days[0].before_use);
    assert_eq!(
        (s.days[0].stretches_text.as_str(), s.days[0].session_text),
        ("1 of 3", "Done")
    );
}
