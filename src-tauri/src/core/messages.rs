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

/// A stretch reminder as the notifier gets it: the words for a notification with buttons
/// and for a text-only one (the server decides which it can show), and the buttons.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StretchReminder {
    pub title: String,
    /// The body when the notification carries the buttons.
    pub body: String,
    /// The body of a text-only notification: where to answer instead.
    pub text_only_body: String,
    /// The buttons, in order: Done, Snooze (with its length), Skip.
    pub buttons: Vec<Button>,
    /// What clicking the notification's body does (the default action).
    pub open: Button,
}

/// One action of a reminder notification: the key the server sends back and its label.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Button {
    pub key: &'static str,
    pub label: String,
}

impl StretchReminder {
    /// The reminder as a text-only notification (no buttons).
    pub fn text_only(&self) -> Reminder {
        Reminder {
            title: self.title.clone(),
            body: self.text_only_body.clone(),
        }
    }
}

/// What the user can do on a reminder notification. The key is what the notification
/// server sends back (`ActionInvoked`); "default" is the freedesktop key of a click on
/// the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderAction {
    /// Clicked the body: open the window on the stretch, answer nothing.
    Open,
    Done,
    Snooze,
    Skip,
}

impl ReminderAction {
    pub fn key(self) -> &'static str {
        match self {
            ReminderAction::Open => "default",
            ReminderAction::Done => "done",
            ReminderAction::Snooze => "snooze",
            ReminderAction::Skip => "skip",
        }
    }

    /// The action a key names; anything else (a server's own key, a typo) is none.
    pub fn from_key(key: &str) -> Option<ReminderAction> {
        [
            ReminderAction::Open,
            ReminderAction::Done,
            ReminderAction::Snooze,
            ReminderAction::Skip,
        ]
        .into_iter()
        .find(|a| a.key() == key)
    }

    fn button(self, snooze_minutes: u8) -> Button {
        let label = match self {
            ReminderAction::Open => "Open the stretch".to_string(),
            ReminderAction::Done => "Done".to_string(),
            ReminderAction::Snooze => snooze_label(snooze_minutes),
            ReminderAction::Skip => "Skip".to_string(),
        };
        Button {
            key: self.key(),
            label,
        }
    }
}

fn snooze_label(snooze_minutes: u8) -> String {
    format!("Snooze {snooze_minutes} min")
}

/// A stretch reminder: "Time for your hamstring stretch — 2 of 4 today", with Done,
/// "Snooze 15 min" and Skip.
pub fn stretch_reminder(
    number: u32,
    target: u8,
    catch_up: bool,
    snooze_minutes: u8,
) -> StretchReminder {
    let what = if catch_up {
        "A little late, after a break: a gentle stretch on each leg, about 30 seconds, never into pain."
    } else {
        "A gentle stretch on each leg, about 30 seconds, never into pain."
    };
    StretchReminder {
        title: format!("Time for your hamstring stretch — {number} of {target} today"),
        body: format!("{what} Click here to stretch with the timer."),
        text_only_body: format!(
            "{what} Answer Done, Snooze or Skip in the tray or the window."
        ),
        buttons: [
            ReminderAction::Done,
            ReminderAction::Snooze,
            ReminderAction::Skip,
        ]
        .into_iter()
        .map(|a| a.button(snooze_minutes))
        .collect(),
        open: ReminderAction::Open.button(snooze_minutes),
    }
}

/// A fact about this desktop the user should know once, said in Settings (and the setup).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DesktopNote {
    pub key: &'static str,
    pub text: &'static str,
}

/// No notification server took a reminder.
pub const NO_NOTIFICATIONS: DesktopNote = DesktopNote {
    key: "no_notifications",
    text: "System notifications are not available on this desktop: when a reminder is due, the app's window opens on the stretch instead, with Done, Snooze and Skip.",
};

/// No tray host on the session bus.
pub const NO_TRAY: DesktopNote = DesktopNote {
    key: "no_tray",
    text: "This desktop has no tray, so the app shows no tray icon. Reminders keep running after you close the window; answer them on the notification or in the window.",
};

/// The notes that apply, in a fixed order.
pub fn desktop_notes(notifications_unavailable: bool, no_tray: bool) -> Vec<DesktopNote> {
    [
        (notifications_unavailable, NO_NOTIFICATIONS),
        (no_tray, NO_TRAY),
    ]
    .into_iter()
    .filter_map(|(applies, note)| applies.then_some(note))
    .collect()
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
        snooze_label: snooze_label(f.snooze_minutes),
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
        let r = stretch_reminder(2, 4, false, 15);
        assert_eq!(r.title, "Time for your hamstring stretch — 2 of 4 today");
        assert!(stretch_reminder(1, 3, true, 15)
            .body
            .starts_with("A little late"));
        assert!(r.text_only().body.ends_with("in the tray or the window."));
        assert!(!r.body.contains("tray"), "with buttons: {}", r.body);
    }

    #[test]
    fn a_reminder_carries_done_snooze_with_its_length_and_skip() {
        let r = stretch_reminder(1, 4, false, 5);
        let buttons: Vec<(&str, &str)> =
            r.buttons.iter().map(|b| (b.key, b.label.as_str())).collect();
        assert_eq!(
            buttons,
            [("done", "Done"), ("snooze", "Snooze 5 min"), ("skip", "Skip")]
        );
        assert_eq!(r.open.key, "default");
    }

    #[test]
    fn each_action_key_names_one_action_and_nothing_else_names_one() {
        for (key, action) in [
            ("default", ReminderAction::Open),
            ("done", ReminderAction::Done),
            ("snooze", ReminderAction::Snooze),
            ("skip", ReminderAction::Skip),
        ] {
            assert_eq!(ReminderAction::from_key(key), Some(action));
            assert_eq!(action.key(), key);
        }
        for other in ["", "Done", "close", "__closed", "inline-reply"] {
            assert_eq!(ReminderAction::from_key(other), None, "{other:?}");
        }
    }

    #[test]
    fn desktop_notes_are_said_only_when_they_apply() {
        assert!(desktop_notes(false, false).is_empty());
        let keys = |n: Vec<DesktopNote>| n.iter().map(|n| n.key).collect::<Vec<_>>();
        assert_eq!(keys(desktop_notes(true, false)), ["no_notifications"]);
        assert_eq!(keys(desktop_notes(true, true)), ["no_notifications", "no_tray"]);
        assert!(NO_TRAY.text.contains("keep running"));
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
