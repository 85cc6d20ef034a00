//! The user's settings: their types, their allowed ranges and how a change is checked.
//!
//! The ranges are the program's rules (allowed pain 0–5/10 follows the pain-monitoring
//! model; 3–4 stretches a day follows the guide), so they are defined here once and
//! served to the Settings page, which never repeats them.

use super::setup::answers::{self, Diagnosis, PainfulSide};
use super::InvalidInput;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use std::ops::RangeInclusive;

pub const ALLOWED_PAIN: RangeInclusive<u8> = 0..=5;
pub const SESSIONS_TO_PROGRESS: RangeInclusive<u8> = 1..=5;
pub const STRETCHES_PER_DAY: RangeInclusive<u8> = 3..=4;
/// The shortest reminder window that still leaves room between 4 stretches.
pub const MIN_WINDOW_MINUTES: u16 = 120;
/// How late a missed reminder may still come as a catch-up (default 60 minutes).
pub const GRACE_MINUTES: RangeInclusive<u8> = 15..=180;
/// How long "Snooze" puts a reminder off (default 15 minutes).
pub const SNOOZE_MINUTES: RangeInclusive<u8> = 5..=60;
/// Fixed reminder times: at most 4, at least this far apart.
pub const MAX_FIXED_TIMES: usize = 4;
pub const MIN_FIXED_GAP_MINUTES: u16 = 30;

/// How the window is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

/// A time of day on the local wall clock, to the minute (00:00–23:59).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    pub fn from_minutes(minutes: u16) -> Option<ClockTime> {
        (minutes < 24 * 60).then_some(ClockTime { minutes })
    }

    pub fn hm(hour: u16, minute: u16) -> Option<ClockTime> {
        if minute >= 60 {
            return None;
        }
        ClockTime::from_minutes(hour.checked_mul(60)?.checked_add(minute)?)
    }

    pub fn minutes(self) -> u16 {
        self.minutes
    }

    /// Parses "HH:MM" (24-hour clock), as an `<input type="time">` sends it.
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (h, m) = text.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        ClockTime::hm(h.parse().ok()?, m.parse().ok()?)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Every setting, always complete and always valid: the only way to change one is
/// [`Settings::apply`], which checks the whole result before anything is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub theme: Theme,
    pub stretches_per_day: u8,
    pub reminder_window_start: ClockTime,
    pub reminder_window_end: ClockTime,
    pub allowed_pain: u8,
    pub sessions_to_progress: u8,
    /// Reminder times chosen by hand; empty: spread through the window.
    pub fixed_times: Vec<ClockTime>,
    pub grace_minutes: u16,
    pub snooze_minutes: u8,
    /// Start in the tray at login (off until the user turns it on).
    pub start_at_login: bool,
    /// Which side hurts (the setup asks; unknown until answered).
    pub painful_side: Option<PainfulSide>,
    /// Whether a clinician has confirmed the diagnosis (unknown until answered).
    pub diagnosis: Option<Diagnosis>,
}

impl Default for Settings {
    /// The guide's defaults: progress after one session at 0/10 pain; 4 stretches
    /// between 08:00 and 21:00.
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            stretches_per_day: 4,
            reminder_window_start: ClockTime { minutes: 8 * 60 },
            reminder_window_end: ClockTime { minutes: 21 * 60 },
            allowed_pain: 0,
            sessions_to_progress: 1,
            fixed_times: Vec::new(),
            grace_minutes: 60,
            snooze_minutes: 15,
            start_at_login: false,
            painful_side: None,
            diagnosis: None,
        }
    }
}

/// A change to some settings, as the front end sends it: each field optional, values
/// loosely typed so that a wrong type becomes a message naming the field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsPatch {
    #[serde(default, deserialize_with = "present")]
    pub theme: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub stretches_per_day: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub reminder_window_start: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub reminder_window_end: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub allowed_pain: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub sessions_to_progress: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub fixed_times: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub grace_minutes: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub snooze_minutes: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub start_at_login: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub painful_side: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    pub diagnosis: Option<Value>,
    /// The confirmation that a clinician advised the change (`advice::form_of`): needed
    /// to raise the allowed pain above 0/10.
    #[serde(default)]
    pub clinician_confirmed: Option<Value>,
    #[serde(default)]
    pub clinician_name: Option<Value>,
    #[serde(default)]
    pub clinician_note: Option<Value>,
}

/// A field that is present is a change, even when its value is `null` (an emptied
/// form field): it must be checked, not silently skipped.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The allowed ranges, sent to the Settings page so it can label and bound its fields.
#[derive(Debug, Clone, Serialize)]
pub struct SettingLimits {
    pub allowed_pain: Bounds,
    pub sessions_to_progress: Bounds,
    pub stretches_per_day: Bounds,
    pub min_window_minutes: u16,
    pub themes: [Theme; 3],
    pub grace_minutes: Bounds,
    pub snooze_minutes: Bounds,
    pub max_fixed_times: usize,
    pub min_fixed_gap_minutes: u16,
    /// The scale the allowed pain is a point on.
    pub pain: super::pain::PainScale,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Bounds {
    pub min: u8,
    pub max: u8,
}

impl From<&RangeInclusive<u8>> for Bounds {
    fn from(r: &RangeInclusive<u8>) -> Self {
        Bounds {
            min: *r.start(),
            max: *r.end(),
        }
    }
}

/// The labels of the progression settings, which say what the numbers mean under the
/// settings `s`: at 0/10 the sessions that count are pain-free ones; above it, sessions
/// within the allowed pain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    pub allowed_pain: String,
    pub sessions_to_progress: String,
}

pub fn labels(s: &Settings) -> Labels {
    let max = super::pain::SCALE.max;
    Labels {
        allowed_pain: format!("Allowed pain during exercise (out of {max})"),
        sessions_to_progress: if s.allowed_pain == 0 {
            "Pain-free sessions in a row before the next exercise unlocks".to_string()
        } else {
            format!(
                "Sessions in a row within the allowed pain ({}/{max} or less) before the next exercise unlocks",
                s.allowed_pain
            )
        },
    }
}

pub fn limits() -> SettingLimits {
    SettingLimits {
        allowed_pain: (&ALLOWED_PAIN).into(),
        sessions_to_progress: (&SESSIONS_TO_PROGRESS).into(),
        stretches_per_day: (&STRETCHES_PER_DAY).into(),
        min_window_minutes: MIN_WINDOW_MINUTES,
        themes: Theme::ALL,
        grace_minutes: (&GRACE_MINUTES).into(),
        snooze_minutes: (&SNOOZE_MINUTES).into(),
        max_fixed_times: MAX_FIXED_TIMES,
        min_fixed_gap_minutes: MIN_FIXED_GAP_MINUTES,
        pain: super::pain::SCALE,
    }
}

impl Settings {
    /// Returns the settings with `patch` applied, or the first rule it breaks. `self`
    /// is untouched either way, so a rejected change changes nothing.
    pub fn apply(&self, patch: &SettingsPatch) -> Result<Settings, InvalidInput> {
        let mut next = self.clone();
        if let Some(v) = &patch.theme {
            next.theme = as_text(v).and_then(Theme::parse).ok_or_else(|| {
                InvalidInput::new(
                    "theme",
                    format!("Theme must be system, light or dark (got {}).", shown(v)),
                )
            })?;
        }
        if let Some(v) = &patch.stretches_per_day {
            next.stretches_per_day = in_range(
                v,
                "stretches_per_day",
                "Stretches per day",
                &STRETCHES_PER_DAY,
            )?;
        }
        if let Some(v) = &patch.allowed_pain {
            next.allowed_pain = in_range(v, "allowed_pain", "Allowed pain", &ALLOWED_PAIN)?;
        }
        if let Some(v) = &patch.sessions_to_progress {
            next.sessions_to_progress = in_range(
                v,
                "sessions_to_progress",
                "Sessions in a row needed",
                &SESSIONS_TO_PROGRESS,
            )?;
        }
        if let Some(v) = &patch.reminder_window_start {
            next.reminder_window_start =
                clock(v, "reminder_window_start", "Reminder window start")?;
        }
        if let Some(v) = &patch.reminder_window_end {
            next.reminder_window_end = clock(v, "reminder_window_end", "Reminder window end")?;
        }
        if let Some(v) = &patch.fixed_times {
            next.fixed_times = fixed_times(v)?;
        }
        if let Some(v) = &patch.grace_minutes {
            next.grace_minutes = u16::from(in_range(
                v,
                "grace_minutes",
                "Catch-up grace period (minutes)",
                &GRACE_MINUTES,
            )?);
        }
        if let Some(v) = &patch.snooze_minutes {
            next.snooze_minutes = in_range(
                v,
                "snooze_minutes",
                "Snooze length (minutes)",
                &SNOOZE_MINUTES,
            )?;
        }
        if let Some(v) = &patch.start_at_login {
            next.start_at_login = match v {
                Value::Bool(b) => *b,
                Value::String(s) if s == "true" || s == "false" => s == "true",
                other => {
                    return Err(InvalidInput::new(
                        "start_at_login",
                        format!("Start at login must be on or off (got {}).", shown(other)),
                    ))
                }
            };
        }
        if let Some(v) = &patch.painful_side {
            next.painful_side = answers::painful_side(v)?;
        }
        if let Some(v) = &patch.diagnosis {
            next.diagnosis = answers::diagnosis(v)?;
        }
        next.check_window(patch.reminder_window_end.is_some())?;
        Ok(next)
    }

    /// The reminder window must run forward within one day and be long enough.
    fn check_window(&self, end_changed: bool) -> Result<(), InvalidInput> {
        let (start, end) = (self.reminder_window_start, self.reminder_window_end);
        if end.minutes() < start.minutes() + MIN_WINDOW_MINUTES {
            let field = if end_changed {
                "reminder_window_end"
            } else {
                "reminder_window_start"
            };
            return Err(InvalidInput::new(
                field,
                format!(
                    "The reminder window must end at least {} hours after it starts (now {start}–{end}).",
                    MIN_WINDOW_MINUTES / 60
                ),
            ));
        }
        Ok(())
    }
}

fn as_text(v: &Value) -> Option<&str> {
    v.as_str().map(str::trim)
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) if s.trim().is_empty() => "nothing".to_string(),
        Value::String(s) => format!("“{}”", s.chars().take(40).collect::<String>()),
        Value::Null => "nothing".to_string(),
        other => other.to_string().chars().take(40).collect(),
    }
}

fn in_range(
    v: &Value,
    field: &str,
    label: &str,
    range: &RangeInclusive<u8>,
) -> Result<u8, InvalidInput> {
    let number = match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    number
        .filter(|n| (*range.start() as i64..=*range.end() as i64).contains(n))
        .map(|n| n as u8)
        .ok_or_else(|| {
            InvalidInput::new(
                field,
                format!(
                    "{label} must be a whole number from {} to {} (got {}).",
                    range.start(),
                    range.end(),
                    shown(v)
                ),
            )
        })
}

/// Fixed reminder times: a list of "HH:MM" (or one string with commas or spaces), empty to
/// spread the reminders through the window instead; at most 4, at least 30 minutes apart.
fn fixed_times(v: &Value) -> Result<Vec<ClockTime>, InvalidInput> {
    let texts: Vec<String> = match v {
        Value::Null => Vec::new(),
        Value::String(s) => s
            .split([',', ' ', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(|s| s.trim().to_string())
                    .unwrap_or_else(|| i.to_string())
            })
            .collect(),
        other => vec![other.to_string()],
    };
    let rule = format!(
        "up to {MAX_FIXED_TIMES} times such as 09:00, 13:00, at least {MIN_FIXED_GAP_MINUTES} minutes apart"
    );
    if texts.len() > MAX_FIXED_TIMES {
        return Err(InvalidInput::new(
            "fixed_times",
            format!("Fixed reminder times must be {rule} (got {}).", texts.len()),
        ));
    }
    let mut times = Vec::new();
    for text in &texts {
        let time = ClockTime::parse(text).ok_or_else(|| {
            InvalidInput::new(
                "fixed_times",
                format!("Fixed reminder times must be {rule} (got “{text}”)."),
            )
        })?;
        times.push(time);
    }
    times.sort();
    for pair in times.windows(2) {
        if pair[1].minutes() - pair[0].minutes() < MIN_FIXED_GAP_MINUTES {
            return Err(InvalidInput::new(
                "fixed_times",
                format!(
                    "Fixed reminder times must be {rule} ({} and {} overlap).",
                    pair[0], pair[1]
                ),
            ));
        }
    }
    Ok(times)
}

fn clock(v: &Value, field: &str, label: &str) -> Result<ClockTime, InvalidInput> {
    as_text(v).and_then(ClockTime::parse).ok_or_else(|| {
        InvalidInput::new(
            field,
            format!(
                "{label} must be a time from 00:00 to 23:59 (got {}).",
                shown(v)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn patch(v: Value) -> SettingsPatch {
        serde_json::from_value(v).expect("valid patch shape")
    }

    #[test]
    fn defaults_follow_the_guide() {
        let s = Settings::default();
        assert_eq!(
            (s.allowed_pain, s.sessions_to_progress, s.stretches_per_day),
            (0, 1, 4)
        );
        assert_eq!(s.reminder_window_start.to_string(), "08:00");
        assert_eq!(s.reminder_window_end.to_string(), "21:00");
    }

    #[test]
    fn a_valid_patch_changes_only_what_it_names() {
        let s = Settings::default()
            .apply(&patch(json!({"allowed_pain": 3, "theme": "dark"})))
            .unwrap();
        assert_eq!(s.allowed_pain, 3);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.sessions_to_progress, 1);
    }

    #[test]
    fn the_sessions_label_says_pain_free_only_at_0() {
        let s = Settings::default();
        assert_eq!(
            labels(&s).sessions_to_progress,
            "Pain-free sessions in a row before the next exercise unlocks"
        );
        let s = Settings {
            allowed_pain: 3,
            ..s
        };
        let label = labels(&s).sessions_to_progress;
        assert!(!label.contains("Pain-free"), "{label}");
        assert!(
            label.contains("within the allowed pain (3/10 or less)"),
            "{label}"
        );
    }

    #[test]
    fn numbers_may_arrive_as_text_from_a_form() {
        let s = Settings::default()
            .apply(&patch(json!({"sessions_to_progress": " 2 "})))
            .unwrap();
        assert_eq!(s.sessions_to_progress, 2);
    }

    #[test]
    fn out_of_range_pain_names_the_field_and_the_range() {
        let err = Settings::default()
            .apply(&patch(json!({"allowed_pain": 6})))
            .unwrap_err();
        assert_eq!(err.field, "allowed_pain");
        assert_eq!(
            err.message,
            "Allowed pain must be a whole number from 0 to 5 (got 6)."
        );
    }

    #[test]
    fn wrong_types_are_rejected_with_the_field_named() {
        for (body, field) in [
            (json!({"stretches_per_day": "four"}), "stretches_per_day"),
            (json!({"sessions_to_progress": 1.5}), "sessions_to_progress"),
            (json!({"theme": 3}), "theme"),
            (
                json!({"reminder_window_start": "25:00"}),
                "reminder_window_start",
            ),
            (json!({"allowed_pain": null}), "allowed_pain"),
        ] {
            let err = Settings::default().apply(&patch(body)).unwrap_err();
            assert_eq!(err.field, field);
        }
    }

    #[test]
    fn unknown_fields_are_not_a_patch() {
        assert!(serde_json::from_value::<SettingsPatch>(json!({"colour": "red"})).is_err());
    }

    #[test]
    fn the_window_must_run_forward_and_be_long_enough() {
        let err = Settings::default()
            .apply(&patch(json!({"reminder_window_end": "09:00"})))
            .unwrap_err();
        assert_eq!(err.field, "reminder_window_end");
        assert!(err.message.contains("at least 2 hours"), "{}", err.message);
        let err = Settings::default()
            .apply(&patch(json!({"reminder_window_start": "20:30"})))
            .unwrap_err();
        assert_eq!(err.field, "reminder_window_start");
        let ok = Settings::default()
            .apply(&patch(
                json!({"reminder_window_start": "06:30", "reminder_window_end": "08:30"}),
            ))
            .unwrap();
        assert_eq!(ok.reminder_window_end.to_string(), "08:30");
    }

    #[test]
    fn fixed_times_are_few_real_and_apart() {
        let s = Settings::default();
        let ok = s
            .apply(&patch(json!({"fixed_times": ["13:00", "09:30"]})))
            .unwrap();
        assert_eq!(
            ok.fixed_times
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>(),
            ["09:30", "13:00"]
        );
        assert_eq!(
            s.apply(&patch(json!({"fixed_times": "07:00, 19:45"})))
                .unwrap()
                .fixed_times
                .len(),
            2
        );
        assert!(s
            .apply(&patch(json!({"fixed_times": ""})))
            .unwrap()
            .fixed_times
            .is_empty());
        let e = s
            .apply(&patch(json!({"fixed_times": ["09:00", "09:20"]})))
            .unwrap_err();
        assert_eq!(e.field, "fixed_times");
        assert!(
            e.message.contains("09:00 and 09:20 overlap"),
            "{}",
            e.message
        );
        assert!(s
            .apply(&patch(json!({"fixed_times": ["25:00"]})))
            .unwrap_err()
            .message
            .contains("“25:00”"));
        assert!(s
            .apply(&patch(
                json!({"fixed_times": ["06:00", "09:00", "12:00", "15:00", "18:00"]})
            ))
            .is_err());
        let e = s.apply(&patch(json!({"grace_minutes": 5}))).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.message.contains("from 15 to 180")),
            ("grace_minutes", true)
        );
        let e = s.apply(&patch(json!({"snooze_minutes": 90}))).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.message.contains("from 5 to 60")),
            ("snooze_minutes", true)
        );
        assert!(
            s.apply(&patch(json!({"start_at_login": true})))
                .unwrap()
                .start_at_login
        );
        assert_eq!(
            s.apply(&patch(json!({"start_at_login": 3})))
                .unwrap_err()
                .field,
            "start_at_login"
        );
    }

    #[test]
    fn the_setup_answers_are_settings_and_a_wrong_one_changes_nothing() {
        let s = Settings::default()
            .apply(&patch(json!({"painful_side": "left", "diagnosis": "not_yet"})))
            .unwrap();
        assert_eq!(s.painful_side, Some(PainfulSide::Left));
        assert_eq!(s.diagnosis, Some(Diagnosis::NotYet));
        let cleared = s.apply(&patch(json!({"painful_side": null}))).unwrap();
        assert_eq!((cleared.painful_side, cleared.diagnosis), (None, Some(Diagnosis::NotYet)));
        let e = s
            .apply(&patch(json!({"diagnosis": "maybe", "theme": "dark"})))
            .unwrap_err();
        assert_eq!(e.field, "diagnosis");
        assert_eq!(serde_json::to_value(&s).unwrap()["diagnosis"], "not_yet");
    }

    #[test]
    fn clock_times_parse_only_real_times() {
        assert_eq!(ClockTime::parse("7:05").map(|c| c.minutes()), Some(425));
        for bad in ["24:00", "12:60", "12:5", "noon", "", ":30", "-1:00"] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn allowed_pain_is_accepted_exactly_on_0_to_5(n in -50i64..50) {
            let result = Settings::default().apply(&patch(json!({"allowed_pain": n})));
            prop_assert_eq!(result.is_ok(), (0..=5).contains(&n));
            if let Ok(s) = result { prop_assert_eq!(s.allowed_pain as i64, n); }
        }

        #[test]
        fn every_accepted_window_is_at_least_the_minimum(a in 0u16..1440, b in 0u16..1440) {
            let start = ClockTime::from_minutes(a).unwrap().to_string();
            let end = ClockTime::from_minutes(b).unwrap().to_string();
            let result = Settings::default()
                .apply(&patch(json!({"reminder_window_start": start, "reminder_window_end": end})));
            prop_assert_eq!(result.is_ok(), b >= a + MIN_WINDOW_MINUTES);
        }
    }
}
