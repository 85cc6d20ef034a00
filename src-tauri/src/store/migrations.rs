//! The schema, as numbered migrations. The number is SQLite's `user_version`.
//!
//! Rules: never edit a migration that has shipped; add a new one. Each `CHECK` mirrors a
//! rule in `core` so that even a bug above the store cannot write an impossible row.
//! Tests migrate from an empty file and from every earlier version with rows in it.

use rusqlite_migration::{Migrations, M};

/// Version 1: the user's settings, one typed row.
const V1_SETTINGS: &str = "
CREATE TABLE settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    theme                 TEXT    NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark')),
    stretches_per_day     INTEGER NOT NULL DEFAULT 4   CHECK (stretches_per_day BETWEEN 3 AND 4),
    reminder_window_start INTEGER NOT NULL DEFAULT 480 CHECK (reminder_window_start BETWEEN 0 AND 1439),
    reminder_window_end   INTEGER NOT NULL DEFAULT 1260 CHECK (reminder_window_end BETWEEN 0 AND 1439),
    allowed_pain          INTEGER NOT NULL DEFAULT 0   CHECK (allowed_pain BETWEEN 0 AND 5),
    sessions_to_progress  INTEGER NOT NULL DEFAULT 1   CHECK (sessions_to_progress BETWEEN 1 AND 5),
    updated_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (reminder_window_end >= reminder_window_start + 120)
) STRICT;
INSERT INTO settings (id) VALUES (1);
";

/// Version 2: the app's own flags (not user settings), such as whether the user has
/// been told that closing the window keeps the app in the tray.
const V2_APP_STATE: &str = "
CREATE TABLE app_state (
    key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
";

/// Version 3: the program. Self-test and gate results, range-of-motion checks,
/// exercise sessions (each set saved as it is done, pain per exercise), moves along the
/// ladder made by hand, the history of the progression rules (so a decision is judged by
/// the rule in force when the session happened), and stretches logged.
///
/// Times are UTC RFC 3339 with milliseconds and `Z` (they sort as text); `*_date` and
/// `taken_on` are the user's local calendar day, `YYYY-MM-DD`. The id lists mirror
/// `core::protocol` (ids that have shipped never change).
const V3_PROGRAM: &str = "
CREATE TABLE test_results (
    id          INTEGER PRIMARY KEY,
    test_id     TEXT    NOT NULL CHECK (test_id IN ('standing_stretch', 'bent_knee_stretch',
                                                    'rapid_bent_knee_stretch', 'back_plank_leg_lifts')),
    side        TEXT    NOT NULL CHECK (side IN ('left', 'right')),
    painful     INTEGER NOT NULL CHECK (painful IN (0, 1)),
    taken_on    TEXT    NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(taken_on) = taken_on),
    recorded_at TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;
CREATE INDEX test_results_by_test ON test_results (test_id, taken_on, recorded_at);

CREATE TABLE range_of_motion (
    id          INTEGER PRIMARY KEY,
    normal      INTEGER NOT NULL CHECK (normal IN (0, 1)),
    taken_on    TEXT    NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(taken_on) = taken_on),
    recorded_at TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;

CREATE TABLE exercise_sessions (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    local_date  TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(local_date) = local_date),
    finished_at TEXT CHECK (finished_at IS NULL OR finished_at >= started_at)
) STRICT;
CREATE INDEX exercise_sessions_by_date ON exercise_sessions (local_date, started_at);

CREATE TABLE exercise_sets (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES exercise_sessions (id) ON DELETE CASCADE,
    exercise_id TEXT    NOT NULL CHECK (exercise_id IN ('glute_bridge', 'front_plank', 'glute_bridge_leg_lift',
                        'front_plank_leg_lift', 'hamstring_catch', 'swiss_ball_curl', 'single_leg_swiss_ball_curl')),
    set_no      INTEGER NOT NULL CHECK (set_no BETWEEN 1 AND 10),
    amount      INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 600),
    recorded_at TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    UNIQUE (session_id, exercise_id, set_no)
) STRICT;

CREATE TABLE exercise_pain (
    session_id  INTEGER NOT NULL REFERENCES exercise_sessions (id) ON DELETE CASCADE,
    exercise_id TEXT    NOT NULL CHECK (exercise_id IN ('glute_bridge', 'front_plank', 'glute_bridge_leg_lift',
                        'front_plank_leg_lift', 'hamstring_catch', 'swiss_ball_curl', 'single_leg_swiss_ball_curl')),
    pain        INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    recorded_at TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    PRIMARY KEY (session_id, exercise_id)
) STRICT;

CREATE TABLE ladder_moves (
    id         INTEGER PRIMARY KEY,
    moved_at   TEXT    NOT NULL CHECK (moved_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    local_date TEXT    NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(local_date) = local_date),
    from_step  INTEGER NOT NULL CHECK (from_step BETWEEN 0 AND 6),
    to_step    INTEGER NOT NULL CHECK (to_step BETWEEN 0 AND 6),
    CHECK (abs(to_step - from_step) = 1)
) STRICT;

CREATE TABLE progression_rules (
    id                   INTEGER PRIMARY KEY,
    effective_at         TEXT    NOT NULL CHECK (effective_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    allowed_pain         INTEGER NOT NULL CHECK (allowed_pain BETWEEN 0 AND 5),
    sessions_to_progress INTEGER NOT NULL CHECK (sessions_to_progress BETWEEN 1 AND 5)
) STRICT;
-- The rules already in the settings held from the beginning.
INSERT INTO progression_rules (effective_at, allowed_pain, sessions_to_progress)
    SELECT '1970-01-01T00:00:00.000Z', allowed_pain, sessions_to_progress FROM settings WHERE id = 1;

CREATE TABLE stretches (
    id          INTEGER PRIMARY KEY,
    done_at     TEXT NOT NULL CHECK (done_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    local_date  TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(local_date) = local_date),
    source      TEXT NOT NULL CHECK (source IN ('logged', 'reminder'))
) STRICT;
CREATE INDEX stretches_by_date ON stretches (local_date);
";

/// Version 4: stretch reminders. The reminder settings; each day's slots with their
/// state (one row per local day and planned time); every outcome as it happens; pauses.
/// Local wall-clock times are `YYYY-MM-DDTHH:MM:SS` without a zone (the planner works in
/// local time, so a time-zone change moves no slot).
const V4_REMINDERS: &str = "
ALTER TABLE settings ADD COLUMN fixed_times TEXT NOT NULL DEFAULT ''
    CHECK (fixed_times = '' OR fixed_times GLOB '[0-2][0-9]:[0-5][0-9]*');
ALTER TABLE settings ADD COLUMN grace_minutes INTEGER NOT NULL DEFAULT 60 CHECK (grace_minutes BETWEEN 15 AND 180);
ALTER TABLE settings ADD COLUMN snooze_minutes INTEGER NOT NULL DEFAULT 15 CHECK (snooze_minutes BETWEEN 5 AND 60);
ALTER TABLE settings ADD COLUMN start_at_login INTEGER NOT NULL DEFAULT 0 CHECK (start_at_login IN (0, 1));

CREATE TABLE reminder_slots (
    local_date    TEXT    NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(local_date) = local_date),
    planned       INTEGER NOT NULL CHECK (planned BETWEEN 0 AND 1439),
    state         TEXT    NOT NULL CHECK (state IN ('pending', 'shown', 'snoozed', 'done', 'skipped', 'missed', 'not_needed')),
    shown_at      TEXT    CHECK (shown_at IS NULL OR shown_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
    snoozed_until TEXT    CHECK (snoozed_until IS NULL OR snoozed_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
    catch_up      INTEGER NOT NULL DEFAULT 0 CHECK (catch_up IN (0, 1)),
    PRIMARY KEY (local_date, planned),
    CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
    CHECK (state <> 'shown' OR shown_at IS NOT NULL)
) STRICT;

CREATE TABLE reminder_events (
    id          INTEGER PRIMARY KEY,
    local_date  TEXT    NOT NULL CHECK (date(local_date) = local_date),
    planned     INTEGER NOT NULL CHECK (planned BETWEEN 0 AND 1439),
    outcome     TEXT    NOT NULL CHECK (outcome IN ('shown', 'done', 'snoozed', 'skipped', 'missed', 'not_needed')),
    catch_up    INTEGER NOT NULL DEFAULT 0 CHECK (catch_up IN (0, 1)),
    at          TEXT    NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;
CREATE INDEX reminder_events_by_date ON reminder_events (local_date);

CREATE TABLE pauses (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    until_local TEXT NOT NULL CHECK (until_local GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
    reason      TEXT NOT NULL CHECK (reason IN ('hour', 'today', 'tomorrow', 'until')),
    ended_at    TEXT CHECK (ended_at IS NULL OR ended_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;
";

/// Version 5: the return to running. The plan's start day (one row; starting again
/// moves it), every run logged (walk/jog sets in weeks 1–2 or minutes later, pain 0–10,
/// a note, and the spacing rule the runner chose to override, if any), and the targets
/// the runner set for weeks 5–8.
const V5_RUNNING: &str = "
CREATE TABLE running_plan (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    started_on  TEXT NOT NULL CHECK (started_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(started_on) = started_on),
    updated_at  TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;

CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    date          TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) = date),
    sets          INTEGER CHECK (sets IS NULL OR sets BETWEEN 1 AND 10),
    minutes       INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 300),
    pain          INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    note          TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    override_rule TEXT    CHECK (override_rule IS NULL OR override_rule IN ('alternate_days', 'five_in_seven', 'one_a_day', 'gate_closed')),
    recorded_at   TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    CHECK ((sets IS NULL) <> (minutes IS NULL))
) STRICT;
CREATE INDEX runs_by_date ON runs (date);

CREATE TABLE running_targets (
    week    INTEGER PRIMARY KEY CHECK (week BETWEEN 5 AND 8),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 10 AND 300),
    focus   TEXT    NOT NULL CHECK (focus IN ('volume', 'speed', 'acceleration')),
    set_at  TEXT    NOT NULL CHECK (set_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;
";

/// Version 6: the journal. Quick pain check-ins (during exercise, next morning, when
/// sitting), free notes, and the trash: a deleted entry's rows kept as JSON so the delete
/// can be undone exactly (same ids, same values) from the message that confirms it.
const V6_JOURNAL: &str = "
CREATE TABLE pain_checkins (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    local_date TEXT    NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(local_date) = local_date),
    context    TEXT    NOT NULL CHECK (context IN ('during_exercise', 'next_morning', 'sitting', 'other')),
    pain       INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    note       TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;
CREATE INDEX pain_checkins_by_date ON pain_checkins (local_date);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    local_date TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(local_date) = local_date),
    text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000)
) STRICT;
CREATE INDEX notes_by_date ON notes (local_date);

CREATE TABLE trash (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    entry_id   INTEGER NOT NULL,
    rows       TEXT NOT NULL CHECK (json_valid(rows)),
    deleted_at TEXT NOT NULL CHECK (deleted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;

CREATE INDEX test_results_by_day ON test_results (taken_on);
CREATE INDEX range_of_motion_by_day ON range_of_motion (taken_on);
CREATE INDEX ladder_moves_by_date ON ladder_moves (local_date);
CREATE INDEX exercise_sets_by_session ON exercise_sets (session_id);
";

/// Version 7: clinician-set rules. A rule change or a move made on a clinician's advice
/// keeps the day it was confirmed, the clinician's name and their note (all empty for
/// changes that needed none, and for every row written before this version).
const V7_CLINICIAN_ADVICE: &str = "
ALTER TABLE progression_rules ADD COLUMN advised_on TEXT
    CHECK (advised_on IS NULL OR (advised_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(advised_on) = advised_on));
ALTER TABLE progression_rules ADD COLUMN advised_by TEXT NOT NULL DEFAULT '' CHECK (length(advised_by) <= 100);
ALTER TABLE progression_rules ADD COLUMN advice_note TEXT NOT NULL DEFAULT '' CHECK (length(advice_note) <= 2000);
ALTER TABLE ladder_moves ADD COLUMN advised_on TEXT
    CHECK (advised_on IS NULL OR (advised_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(advised_on) = advised_on));
ALTER TABLE ladder_moves ADD COLUMN advised_by TEXT NOT NULL DEFAULT '' CHECK (length(advised_by) <= 100);
ALTER TABLE ladder_moves ADD COLUMN advice_note TEXT NOT NULL DEFAULT '' CHECK (length(advice_note) <= 2000);
";

/// Version 8: the first-run setup, and reminders that no notification server took.
/// The setup's answers (which side hurts, whether a clinician has confirmed the
/// diagnosis; both unknown until asked) and whether the setup was finished or skipped:
/// a database that already passed the first-run safety notice, or holds anything the
/// user logged, counts as skipped, so an upgrade does not interrupt someone mid-program
/// (Settings offers the setup again).
/// A reminder's event may now be `window`: shown in the app's own window because no
/// notification server accepted it (SQLite cannot widen a `CHECK`, so the events table
/// is rebuilt with every row and id kept).
/// The dose now builds up (`progression::Rules::dose_builds_up`): in a database that
/// already holds sessions, the rules on record are marked as from before it, and a copy
/// of the latest takes effect at the upgrade with the build-up on, so every session is
/// still judged by the rule of its time.
const V8_SETUP_AND_FALLBACK: &str = "
ALTER TABLE progression_rules ADD COLUMN dose_builds_up INTEGER NOT NULL DEFAULT 1 CHECK (dose_builds_up IN (0, 1));
UPDATE progression_rules SET dose_builds_up = 0 WHERE EXISTS (SELECT 1 FROM exercise_sessions);
INSERT INTO progression_rules (effective_at, allowed_pain, sessions_to_progress, dose_builds_up)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), allowed_pain, sessions_to_progress, 1 FROM progression_rules
    WHERE EXISTS (SELECT 1 FROM exercise_sessions)
    ORDER BY effective_at DESC, id DESC LIMIT 1;

ALTER TABLE settings ADD COLUMN painful_side TEXT
    CHECK (painful_side IS NULL OR painful_side IN ('left', 'right', 'both'));
ALTER TABLE settings ADD COLUMN diagnosis TEXT
    CHECK (diagnosis IS NULL OR diagnosis IN ('confirmed', 'not_yet', 'no'));
ALTER TABLE settings ADD COLUMN setup TEXT NOT NULL DEFAULT 'pending'
    CHECK (setup IN ('pending', 'done', 'skipped'));
UPDATE settings SET setup = 'skipped'
    WHERE EXISTS (SELECT 1 FROM app_state WHERE key = 'safety_notice_seen')
       OR EXISTS (SELECT 1 FROM exercise_sessions) OR EXISTS (SELECT 1 FROM stretches)
       OR EXISTS (SELECT 1 FROM test_results) OR EXISTS (SELECT 1 FROM pain_checkins)
       OR EXISTS (SELECT 1 FROM runs) OR EXISTS (SELECT 1 FROM notes);

CREATE TABLE reminder_events_v8 (
    id          INTEGER PRIMARY KEY,
    local_date  TEXT    NOT NULL CHECK (date(local_date) = local_date),
    planned     INTEGER NOT NULL CHECK (planned BETWEEN 0 AND 1439),
    outcome     TEXT    NOT NULL CHECK (outcome IN ('shown', 'window', 'done', 'snoozed', 'skipped', 'missed', 'not_needed')),
    catch_up    INTEGER NOT NULL DEFAULT 0 CHECK (catch_up IN (0, 1)),
    at          TEXT    NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;
INSERT INTO reminder_events_v8 (id, local_date, planned, outcome, catch_up, at)
    SELECT id, local_date, planned, outcome, catch_up, at FROM reminder_events ORDER BY id;
DROP INDEX reminder_events_by_date;
DROP TABLE reminder_events;
ALTER TABLE reminder_events_v8 RENAME TO reminder_events;
CREATE INDEX reminder_events_by_date ON reminder_events (local_date);
";

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1_SETTINGS),
        M::up(V2_APP_STATE),
        M::up(V3_PROGRAM),
        M::up(V4_REMINDERS),
        M::up(V5_RUNNING),
        M::up(V6_JOURNAL),
        M::up(V7_CLINICIAN_ADVICE),
        M::up(V8_SETUP_AND_FALLBACK),
    ])
}

/// The schema version this build writes.
pub const LATEST: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// Rows a user of schema version `v` could have written; each later version must keep them.
    fn write_rows_of_version(conn: &Connection, v: usize) {
        if v >= 1 {
            conn.execute_batch("UPDATE settings SET allowed_pain = 3, theme = 'dark', reminder_window_start = 420 WHERE id = 1")
                .unwrap();
        }
        if v >= 2 {
            conn.execute_batch(
                "INSERT INTO app_state VALUES ('close_notice_seen', '1', '2026-01-01T00:00:00Z')",
            )
            .unwrap();
        }
        if v >= 3 {
            conn.execute_batch(
                "INSERT INTO exercise_sessions VALUES (1, '2026-03-01T08:00:00.000Z', '2026-03-01', NULL);
                 INSERT INTO exercise_sets VALUES (1, 1, 'glute_bridge', 1, 12, '2026-03-01T08:01:00.000Z');
                 INSERT INTO exercise_pain VALUES (1, 'glute_bridge', 0, '2026-03-01T08:05:00.000Z');
                 INSERT INTO test_results VALUES (1, 'standing_stretch', 'left', 1, '2026-03-01', '2026-03-01T07:00:00.000Z');
                 INSERT INTO range_of_motion VALUES (1, 1, '2026-03-01', '2026-03-01T07:00:00.000Z');
                 INSERT INTO ladder_moves (id, moved_at, local_date, from_step, to_step) VALUES (1, '2026-03-02T08:00:00.000Z', '2026-03-02', 1, 0);
                 INSERT INTO progression_rules (id, effective_at, allowed_pain, sessions_to_progress) VALUES (2, '2026-03-02T09:00:00.000Z', 2, 2);
                 INSERT INTO stretches VALUES (1, '2026-03-01T09:00:00.000Z', '2026-03-01', 'logged');",
            )
            .unwrap();
        }
        if v >= 4 {
            conn.execute_batch(
                "UPDATE settings SET fixed_times = '09:00,13:00', grace_minutes = 90;
                 INSERT INTO reminder_slots VALUES ('2026-03-01', 540, 'done', '2026-03-01T09:00:00', NULL, 0);
                 INSERT INTO reminder_events VALUES (1, '2026-03-01', 540, 'done', 0, '2026-03-01T08:05:00.000Z');
                 INSERT INTO pauses VALUES (1, '2026-03-01T10:00:00.000Z', '2026-03-01T12:00:00', 'hour', NULL);",
            )
            .unwrap();
        }
        if v >= 5 {
            conn.execute_batch(
                "INSERT INTO running_plan VALUES (1, '2026-04-01', '2026-04-01T08:00:00.000Z');
                 INSERT INTO runs VALUES (1, '2026-04-01', 2, NULL, 0, 'easy, \"fine\"', NULL, '2026-04-01T09:00:00.000Z');
                 INSERT INTO running_targets VALUES (5, 25, 'volume', '2026-05-01T08:00:00.000Z');",
            )
            .unwrap();
        }
        if v >= 6 {
            conn.execute_batch(
                "INSERT INTO pain_checkins VALUES (1, '2026-05-02T07:00:00.000Z', '2026-05-02', 'next_morning', 2, 'stiff');
                 INSERT INTO notes VALUES (1, '2026-05-02T07:00:00.000Z', '2026-05-02', 'new shoes');
                 INSERT INTO trash VALUES (1, 'stretch', 9, '[]', '2026-05-02T07:00:00.000Z');",
            )
            .unwrap();
        }
        if v >= 7 {
            conn.execute_batch(
                "INSERT INTO progression_rules (id, effective_at, allowed_pain, sessions_to_progress, advised_on, advised_by, advice_note) VALUES (3, '2026-05-03T09:00:00.000Z', 3, 1, '2026-05-03', 'Dr Lee', 'slowly');
                 INSERT INTO ladder_moves VALUES (2, '2026-05-04T08:00:00.000Z', '2026-05-04', 0, 1, '2026-05-04', '', '');",
            )
            .unwrap();
        }
        if v >= 8 {
            conn.execute_batch(
                "UPDATE settings SET painful_side = 'left', diagnosis = 'not_yet', setup = 'done';
                 INSERT INTO reminder_events VALUES (2, '2026-05-05', 600, 'window', 0, '2026-05-05T10:00:00.000Z');",
            )
            .unwrap();
        }
    }

    fn assert_rows_of_version_kept(conn: &Connection, v: usize) {
        let (pain, theme, start): (i64, String, i64) = conn
            .query_row(
                "SELECT allowed_pain, theme, reminder_window_start FROM settings",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        if v >= 1 {
            assert_eq!(
                (pain, theme.as_str(), start),
                (3, "dark", 420),
                "settings written at v{v}"
            );
        } else {
            assert_eq!(
                (pain, theme.as_str(), start),
                (0, "system", 480),
                "defaults from an empty file"
            );
        }
        let flags: i64 = conn
            .query_row("SELECT count(*) FROM app_state", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            flags,
            if v >= 2 { 1 } else { 0 },
            "app_state written at v{v}"
        );
        let count = |table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        let program = [
            "exercise_sessions",
            "exercise_sets",
            "exercise_pain",
            "test_results",
            "range_of_motion",
            "ladder_moves",
            "stretches",
        ];
        for table in program {
            let expected = match table {
                "ladder_moves" if v >= 7 => 2,
                _ if v >= 3 => 1,
                _ => 0,
            };
            assert_eq!(count(table), expected, "{table} rows written at v{v}");
        }
        // Rows from before v7 have no advice; the ones written at v7 keep theirs.
        let advised = |table: &str| -> Vec<(String, String, String)> {
            let mut stmt = conn
                .prepare(&format!(
                    "SELECT advised_on, advised_by, advice_note FROM {table} WHERE advised_on IS NOT NULL ORDER BY id"
                ))
                .unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let (rules, moves) = (advised("progression_rules"), advised("ladder_moves"));
        if v >= 7 {
            assert_eq!(
                rules,
                [("2026-05-03".into(), "Dr Lee".into(), "slowly".into())]
            );
            assert_eq!(moves, [("2026-05-04".into(), String::new(), String::new())]);
        } else {
            assert!(
                rules.is_empty() && moves.is_empty(),
                "advice invented at v{v}"
            );
        }
        // The setup: unknown answers and not yet done before v8 (the first-run notice was
        // never seen in these rows); what v8 wrote is kept.
        let setup: (Option<String>, Option<String>, String) = conn
            .query_row("SELECT painful_side, diagnosis, setup FROM settings", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        if v >= 8 {
            assert_eq!(setup, (Some("left".into()), Some("not_yet".into()), "done".into()));
            assert_eq!(count("reminder_events"), 2, "reminder_events rows written at v8");
        } else {
            // Rows logged before the upgrade (sessions from v3 on) mean someone is using
            // the app: the setup counts as skipped rather than interrupting them.
            let state = if v >= 3 { "skipped" } else { "pending" };
            assert_eq!(setup, (None, None, state.into()), "setup at v{v}");
        }
        for (table, since) in [
            ("reminder_slots", 4),
            ("reminder_events", 4),
            ("pauses", 4),
            ("running_plan", 5),
            ("runs", 5),
            ("running_targets", 5),
            ("pain_checkins", 6),
            ("notes", 6),
            ("trash", 6),
        ] {
            if table == "reminder_events" && v >= 8 {
                continue; // counted above
            }
            assert_eq!(
                count(table),
                if v >= since { 1 } else { 0 },
                "{table} rows written at v{v}"
            );
        }
        // The rules in the settings at the upgrade to v3 are the first rules on record
        // (rows "written at v3" come after that upgrade, so they start from the defaults).
        let first: (String, i64) = conn
            .query_row(
                "SELECT effective_at, allowed_pain FROM progression_rules ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            first,
            (
                "1970-01-01T00:00:00.000Z".to_string(),
                if (1..3).contains(&v) { 3 } else { 0 }
            ),
            "first rules at v{v}"
        );
        // Upgraded past v8 with sessions on record, the rules gain a row with the dose
        // build-up on and the older ones are marked as from before it.
        let upgraded_with_sessions = (3..8).contains(&v);
        assert_eq!(
            count("progression_rules"),
            if v >= 7 {
                3
            } else if v >= 3 {
                2
            } else {
                1
            } + i64::from(upgraded_with_sessions),
            "rule history at v{v}"
        );
        let builds: Vec<i64> = conn
            .prepare("SELECT dose_builds_up FROM progression_rules ORDER BY effective_at, id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        if upgraded_with_sessions {
            let (last, older) = builds.split_last().unwrap();
            assert_eq!((*last, older.iter().all(|b| *b == 0)), (1, true), "v{v}: {builds:?}");
        } else {
            assert!(builds.iter().all(|b| *b == 1), "v{v}: {builds:?}");
        }
    }

    #[test]
    fn every_earlier_version_upgrades_to_latest_keeping_every_row() {
        assert_eq!(
            migrations()
                .pending_migrations(&Connection::open_in_memory().unwrap())
                .unwrap(),
            LATEST as i32
        );
        for from in 0..=LATEST {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("rehab.db");
            {
                let mut conn = Connection::open(&path).unwrap();
                migrations().to_version(&mut conn, from).unwrap();
                write_rows_of_version(&conn, from);
            } // closed: the upgrade below reopens the real file, as a new app version would
            let mut conn = Connection::open(&path).unwrap();
            migrations().to_latest(&mut conn).unwrap();
            let v: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(v, LATEST as i64, "from v{from}");
            assert_rows_of_version_kept(&conn, from);
        }
    }

    #[test]
    fn an_upgraded_database_with_only_a_logged_stretch_counts_its_setup_as_skipped() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch("INSERT INTO stretches VALUES (1, '2026-03-01T09:00:00.000Z', '2026-03-01', 'logged')")
            .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let setup: String = conn
            .query_row("SELECT setup FROM settings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(setup, "skipped");
        let mut empty = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut empty).unwrap();
        let setup: String = empty
            .query_row("SELECT setup FROM settings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(setup, "pending", "a new database waits for the setup");
    }

    #[test]
    fn an_upgraded_database_that_saw_the_safety_notice_counts_its_setup_as_skipped() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO app_state VALUES ('safety_notice_seen', '1', '2026-01-01T00:00:00Z');
             INSERT INTO reminder_events VALUES (7, '2026-03-01', 540, 'missed', 1, '2026-03-01T08:05:00.000Z');",
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let setup: String = conn
            .query_row("SELECT setup FROM settings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(setup, "skipped");
        let event: (i64, String, i64) = conn
            .query_row("SELECT id, outcome, catch_up FROM reminder_events", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(event, (7, "missed".into(), 1), "the rebuilt events table keeps ids");
    }

    #[test]
    fn check_constraints_refuse_impossible_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrations().to_latest(&mut conn).unwrap();
        for bad in [
            "UPDATE settings SET allowed_pain = 6",
            "UPDATE settings SET sessions_to_progress = 0",
            "UPDATE settings SET stretches_per_day = 5",
            "UPDATE settings SET theme = 'blue'",
            "UPDATE settings SET reminder_window_end = 500",
            "INSERT INTO settings (id) VALUES (2)",
            "UPDATE settings SET allowed_pain = 'two'",
            "INSERT INTO exercise_sessions VALUES (1, '2026-03-01T08:00:00.000Z', '2026-02-30', NULL)",
            "INSERT INTO exercise_sessions VALUES (1, '2026-03-01T08:00:00.000Z', '2026-03-01', '2026-03-01T07:00:00.000Z')",
            "INSERT INTO exercise_sets VALUES (1, 99, 'glute_bridge', 1, 12, '2026-03-01T08:01:00.000Z')",
            "INSERT INTO exercise_sessions VALUES (5, '2026-03-01T08:00:00.000Z', '2026-03-01', NULL);
             INSERT INTO exercise_sets VALUES (1, 5, 'pistol_squat', 1, 12, '2026-03-01T08:01:00.000Z')",
            "INSERT INTO exercise_sessions VALUES (6, '2026-03-01T08:00:00.000Z', '2026-03-01', NULL);
             INSERT INTO exercise_sets VALUES (1, 6, 'glute_bridge', 11, 12, '2026-03-01T08:01:00.000Z')",
            "INSERT INTO exercise_sessions VALUES (7, '2026-03-01T08:00:00.000Z', '2026-03-01', NULL);
             INSERT INTO exercise_sets VALUES (1, 7, 'glute_bridge', 1, 0, '2026-03-01T08:01:00.000Z')",
            "INSERT INTO exercise_sessions VALUES (8, '2026-03-01T08:00:00.000Z', '2026-03-01', NULL);
             INSERT INTO exercise_pain VALUES (8, 'glute_bridge', 11, '2026-03-01T08:01:00.000Z')",
            "INSERT INTO exercise_sessions VALUES (9, '2026-03-01T08:00:00.000Z', '2026-03-01', NULL);
             INSERT INTO exercise_pain VALUES (9, 'glute_bridge', -1, '2026-03-01T08:01:00.000Z')",
            "INSERT INTO test_results VALUES (1, 'standing_stretch', 'both', 1, '2026-03-01', '2026-03-01T07:00:00.000Z')",
            "INSERT INTO test_results VALUES (1, 'standing_stretch', 'left', 2, '2026-03-01', '2026-03-01T07:00:00.000Z')",
            "INSERT INTO test_results VALUES (1, 'toe_touch', 'left', 1, '2026-03-01', '2026-03-01T07:00:00.000Z')",
            "INSERT INTO test_results VALUES (1, 'standing_stretch', 'left', 1, '1 March', '2026-03-01T07:00:00.000Z')",
            "INSERT INTO ladder_moves VALUES (1, '2026-03-02T08:00:00.000Z', '2026-03-02', 1, 3, NULL, '', '')",
            "INSERT INTO ladder_moves VALUES (1, '2026-03-02T08:00:00.000Z', '2026-03-02', 6, 7, NULL, '', '')",
            "INSERT INTO progression_rules VALUES (9, '2026-03-02T09:00:00.000Z', 6, 2, NULL, '', '', 1)",
            "INSERT INTO progression_rules VALUES (9, '2026-03-02T09:00:00.000Z', 2, 0, NULL, '', '', 1)",
            "INSERT INTO progression_rules VALUES (9, '2026-03-02T09:00:00.000Z', 2, 1, '2 March', '', '', 1)",
            "INSERT INTO ladder_moves VALUES (9, '2026-03-02T08:00:00.000Z', '2026-03-02', 0, 1, '2026-02-30', '', '')",
            "INSERT INTO stretches VALUES (1, '2026-03-01T09:00:00.000Z', '2026-03-01', 'dreamed')",
            "UPDATE settings SET grace_minutes = 5",
            "UPDATE settings SET snooze_minutes = 61",
            "UPDATE settings SET fixed_times = 'nine'",
            "INSERT INTO reminder_slots VALUES ('2026-03-01', 540, 'asleep', NULL, NULL, 0)",
            "INSERT INTO reminder_slots VALUES ('2026-03-01', 1440, 'pending', NULL, NULL, 0)",
            "INSERT INTO reminder_slots VALUES ('2026-03-01', 600, 'snoozed', NULL, NULL, 0)",
            "INSERT INTO reminder_slots VALUES ('2026-03-01', 660, 'shown', NULL, NULL, 0)",
            "INSERT INTO pauses VALUES (7, '2026-03-01T10:00:00.000Z', 'tomorrow', 'tomorrow', NULL)",
            "INSERT INTO runs VALUES (9, '2026-04-01', 2, NULL, 11, '', NULL, '2026-04-01T09:00:00.000Z')",
            "INSERT INTO runs VALUES (9, '2026-04-01', 2, 20, 0, '', NULL, '2026-04-01T09:00:00.000Z')",
            "INSERT INTO runs VALUES (9, '2026-04-01', NULL, NULL, 0, '', NULL, '2026-04-01T09:00:00.000Z')",
            "INSERT INTO runs VALUES (9, '2026-04-01', NULL, 301, 0, '', NULL, '2026-04-01T09:00:00.000Z')",
            "INSERT INTO runs VALUES (9, '2026-04-01', 1, NULL, 0, '', 'because', '2026-04-01T09:00:00.000Z')",
            "INSERT INTO running_targets VALUES (4, 25, 'volume', '2026-05-01T08:00:00.000Z')",
            "INSERT INTO running_targets VALUES (6, 25, 'cadence', '2026-05-01T08:00:00.000Z')",
            "INSERT INTO running_plan VALUES (2, '2026-04-01', '2026-04-01T08:00:00.000Z')",
            "INSERT INTO pain_checkins VALUES (9, '2026-05-02T07:00:00.000Z', '2026-05-02', 'at_night', 2, '')",
            "INSERT INTO pain_checkins VALUES (9, '2026-05-02T07:00:00.000Z', '2026-05-02', 'sitting', 12, '')",
            "INSERT INTO notes VALUES (9, '2026-05-02T07:00:00.000Z', '2026-05-02', '')",
            "INSERT INTO trash VALUES (9, 'note', 1, 'not json', '2026-05-02T07:00:00.000Z')",
            "UPDATE settings SET painful_side = 'middle'",
            "UPDATE settings SET diagnosis = 'maybe'",
            "UPDATE settings SET setup = NULL",
            "UPDATE settings SET setup = 'later'",
            "INSERT INTO reminder_events VALUES (9, '2026-03-01', 540, 'popup', 0, '2026-03-01T08:05:00.000Z')",
            "UPDATE progression_rules SET dose_builds_up = 2",
        ] {
            assert!(conn.execute_batch(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn migrations_are_valid_and_latest_is_counted() {
        migrations()
            .validate()
            .expect("migrations apply cleanly to an empty database");
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST as i64);
    }
}
