//! What the app says outside its window: notification text and the tray's status line.
//! Written here so that the words are tested and the shell only delivers them.

use super::settings::Settings;

/// A notification to show: the shell decides how it is delivered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Reminder {
    pub title: String,
    pub body: String,
}

/// The reminder sent by "Send a test reminder" in Settings.
pub fn test_reminder(settings: &Settings) -> Reminder {
    Reminder {
        title: "High Hamstring Rehab — test reminder".to_string(),
        body: format!(
            "Reminders reach you. Stretch reminders will look like this, {} a day between {} and {}.",
            settings.stretches_per_day, settings.reminder_window_start, settings.reminder_window_end
        ),
    }
}

/// A stretch reminder: "Time for your hamstring stretch — 2 of 4 today".
pub fn stretch_reminder(number: u32, target: u8, catch_up: bool) -> Reminder {
    Reminder {
        title: format!("Time for your hamstring stretch — {number} of {target} today"),
        body: if catch_up {
            "A little late, after a break: a gentle stretch on each leg, about 30 seconds, never into pain. Answer Done, Snooze or Skip in the tray or the window."
                .to_string()
        } else {
            "A gentle stretch on each leg, about 30 seconds, never into pain. Answer Done, Snooze or Skip in the tray or the window."
                .to_string()
        },
    }
}

/// What the tray menu shows, as a pure function of the reminder state: the shell only
/// builds the menu from it (and tests check every state without a tray).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TrayMenu {
    /// "2 of 4 stretches today · next at 16:40".
    pub status: String,
    /// Present while a reminder waits for an answer: "Stretch due (2 of 4)".
    pub due: Option<String>,
    pub snooze_label: String,
    /// Present while paused: "Resume reminders (paused until 14:00)"; otherwise the Pause submenu.
    pub resume: Option<String>,
}

/// Facts the tray needs, gathered by the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrayFacts {
    pub done: u32,
    pub target: u8,
    pub next_at: Option<chrono::NaiveDateTime>,
    pub due: bool,
    pub paused_until: Option<chrono::NaiveDateTime>,
    pub snooze_minutes: u8,
    pub today: chrono::NaiveDate,
}

fn clock_text(t: chrono::NaiveDateTime, today: chrono::NaiveDate) -> String {
    if t.date() == today {
        t.format("%H:%M").to_string()
    } else {
        t.format("%a %H:%M").to_string()
    }
}

pub fn tray_menu(f: &TrayFacts) -> TrayMenu {
    let count = format!("{} of {} stretches today", f.done, f.target);
    let status = if let Some(until) = f.paused_until {
        format!("{count} · paused until {}", clock_text(until, f.today))
    } else if f.due {
        format!("{count} · stretch due now")
    } else if f.done >= u32::from(f.target) {
        format!("{count} · done for today")
    } else if let Some(next) = f.next_at {
        format!("{count} · next at {}", clock_text(next, f.today))
    } else {
        format!("{count} · no more reminders today")
    };
    TrayMenu {
        status,
        due: f
            .due
            .then(|| format!("Stretch due ({} of {})", f.done + 1, f.target)),
        snooze_label: format!("Snooze {} min", f.snooze_minutes),
        resume: f
            .paused_until
            .map(|u| format!("Resume reminders (paused until {})", clock_text(u, f.today))),
    }
}

/// The settings that shape the program, as sentences for the Today screen.
pub fn settings_summary(settings: &Settings) -> Vec<String> {
    let sessions = match settings.sessions_to_progress {
        1 => "one session".to_string(),
        n => format!("{n} sessions in a row"),
    };
    vec![
        format!(
            "Stretch goal: {} a day between {} and {}.",
            settings.stretches_per_day,
            settings.reminder_window_start,
            settings.reminder_window_end
        ),
        format!(
            "The next exercise unlocks after {sessions} of the current one at {}/10 pain or less.",
            settings.allowed_pain
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> TrayFacts {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        TrayFacts {
            done: 2,
            target: 4,
            next_at: today.and_hms_opt(16, 40, 0),
            due: false,
            paused_until: None,
            snooze_minutes: 15,
            today,
        }
    }

    #[test]
    fn the_tray_menu_follows_the_state() {
        let f = facts();
        let menu = tray_menu(&f);
        assert_eq!(menu.status, "2 of 4 stretches today · next at 16:40");
        assert_eq!((menu.due, menu.resume), (None, None));
        assert_eq!(menu.snooze_label, "Snooze 15 min");

        let due = tray_menu(&TrayFacts { due: true, ..f });
        assert_eq!(due.status, "2 of 4 stretches today · stretch due now");
        assert_eq!(due.due.as_deref(), Some("Stretch due (3 of 4)"));

        let until = f.today.succ_opt().unwrap().and_hms_opt(8, 0, 0);
        let paused = tray_menu(&TrayFacts {
            paused_until: until,
            ..f
        });
        assert_eq!(
            paused.status,
            "2 of 4 stretches today · paused until Wed 08:00"
        );
        assert_eq!(
            paused.resume.as_deref(),
            Some("Resume reminders (paused until Wed 08:00)")
        );

        let met = tray_menu(&TrayFacts {
            done: 4,
            next_at: None,
            ..f
        });
        assert_eq!(met.status, "4 of 4 stretches today · done for today");
        let over = tray_menu(&TrayFacts {
            done: 5,
            next_at: None,
            ..f
        });
        assert_eq!(over.status, "5 of 4 stretches today · done for today");
        let none = tray_menu(&TrayFacts { next_at: None, ..f });
        assert_eq!(
            none.status,
            "2 of 4 stretches today · no more reminders today"
        );
    }

    #[test]
    fn a_reminder_says_which_stretch_of_the_day_it_is() {
        let r = stretch_reminder(2, 4, false);
        assert_eq!(r.title, "Time for your hamstring stretch — 2 of 4 today");
        assert!(stretch_reminder(1, 3, true)
            .body
            .starts_with("A little late"));
    }

    #[test]
    fn texts_follow_the_settings() {
        let s = Settings {
            stretches_per_day: 3,
            ..Settings::default()
        };
        let r = test_reminder(&s);
        assert!(
            r.body.contains("3 a day between 08:00 and 21:00"),
            "{}",
            r.body
        );
    }

    #[test]
    fn the_summary_names_the_progression_rule_in_force() {
        let s = Settings::default();
        assert_eq!(
            settings_summary(&s)[1],
            "The next exercise unlocks after one session of the current one at 0/10 pain or less."
        );
        let s = Settings {
            sessions_to_progress: 3,
            allowed_pain: 2,
            ..s
        };
        assert!(settings_summary(&s)[1].contains("3 sessions in a row of the current one at 2/10"));
    }
}
