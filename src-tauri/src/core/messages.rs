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

/// The first line of the tray menu: the day's stretch goal, from the settings.
pub fn tray_status(settings: &Settings) -> String {
    format!(
        "Stretch goal: {} a day, {}–{}",
        settings.stretches_per_day, settings.reminder_window_start, settings.reminder_window_end
    )
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

    #[test]
    fn texts_follow_the_settings() {
        let s = Settings {
            stretches_per_day: 3,
            ..Settings::default()
        };
        assert_eq!(tray_status(&s), "Stretch goal: 3 a day, 08:00–21:00");
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
