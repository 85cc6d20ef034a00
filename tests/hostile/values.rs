//! The random values of tests/hostile.rs: words the app knows and words it must refuse
//! (dates out of range, markup, SQL, NUL, right-to-left marks), huge strings, numbers at
//! and past every limit, floats where whole numbers go, and nested arrays and objects
//! keyed with the names the app's inputs use.

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use serde_json::{json, Map, Value};

const WORDS: &[&str] = &[
    "",
    " ",
    "0",
    "1",
    "-1",
    "12",
    "abc",
    "NaN",
    "Infinity",
    "null",
    "true",
    "glute_bridge",
    "front_plank",
    "standing_stretch",
    "left",
    "right",
    "done",
    "snooze",
    "skip",
    "hour",
    "today",
    "tomorrow",
    "until",
    "sitting",
    "next_morning",
    "during_exercise",
    "other",
    "volume",
    "speed",
    "acceleration",
    "checkin",
    "run",
    "note",
    "session",
    "stretch",
    "test",
    "pain",
    "text",
    "context",
    "painful",
    "pain:glute_bridge",
    "theme",
    "dark",
    "both",
    "confirmed",
    "not_yet",
    "no",
    "pending",
    "skipped",
    "2026-11-24",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "1999-12-31",
    "24/11/2026",
    "2026-11-24T09:00",
    "25:99",
    "08:00",
    "21:00",
    "08:00,12:00",
    "/tmp",
    "relative/path",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"quoted\", comma\nnewline",
    "'; DROP TABLE runs; --",
    "ça va — 痛い 🦵",
    "\u{0}",
    "\u{202e}reversed",
];

const KEYS: &[&str] = &[
    "theme",
    "stretches_per_day",
    "allowed_pain",
    "reminder_window_start",
    "reminder_window_end",
    "fixed_times",
    "grace_minutes",
    "snooze_minutes",
    "start_at_login",
    "painful_side",
    "diagnosis",
    "sessions_to_progress",
    "taken_on",
    "results",
    "test_id",
    "side",
    "painful",
    "range_of_motion_normal",
    "date",
    "sets",
    "minutes",
    "pain",
    "note",
    "override_rule",
    "from",
    "to",
    "kinds",
    "x",
];

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(String::from),
        2 => ".{0,40}",
        1 => (1usize..4).prop_map(|k| "x".repeat(k * 50_000)),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-3i64..20).prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => Just(json!(i64::MAX)),
        1 => Just(json!(u64::MAX)),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        1 => Just(json!(1e308)),
        1 => Just(json!(-0.0)),
        1 => Just(json!(2.5)),
    ]
}

pub fn value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        3 => number(),
        3 => text().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..6).prop_map(
                |kv| Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>()
                )
            ),
        ]
    })
    .boxed()
}
