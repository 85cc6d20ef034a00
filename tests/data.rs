//! The user's data as files, on real files: CSV exports parse back to the same records
//! (commas, quotes, newlines, accents) with formula-like text made inert, backups restore
//! every row, a damaged or foreign file is refused leaving the live database untouched,
//! daily backups keep the last 7, a backup is restored by its listed name or from a
//! picked file, the export folder's rule, and folders opened by name only.

mod common;
use common::{data_folders as folders, path_error};

use chrono::{Duration, NaiveDate};
use common::{dump, now_at, open, seed_week};
use high_hamstring_rehab::core::Whole;
use high_hamstring_rehab::service::data;
use high_hamstring_rehab::service::{journal, ServiceError};
use std::path::Path;

fn first() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}


fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn query(db: &Path, sql: &str) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => String::new(),
                rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8(t.to_vec()).unwrap(),
                other => panic!("{other:?}"),
            })
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn csv_files_parse_back_to_the_same_records_even_with_commas_quotes_newlines_and_accents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let mut store = open(&db);
    seed_week(&mut store, first());
    let tricky = "sat on a \"hard\" bench, then\nwalked — ça va, 痛い";
    journal::checkin(
        &mut store,
        now_at(first(), 22),
        "sitting",
        &Whole::from(3),
        tricky,
    )
    .unwrap();
    let f = folders(dir.path());
    let out = data::export_csv(&mut store, now_at(first(), 22), &f).unwrap();
    assert!(
        out.folder.starts_with(&f.default_export),
        "{}",
        out.folder.display()
    );
    assert_eq!(out.files.len(), 10);

    for (file, sql) in [
        ("pain_checkins.csv", "SELECT id, local_date, at, context, pain, note FROM pain_checkins ORDER BY local_date, at, id"),
        ("runs.csv", "SELECT id, date, sets, minutes, pain, note, override_rule, recorded_at FROM runs ORDER BY date, id"),
        ("notes.csv", "SELECT id, local_date, at, text FROM notes ORDER BY local_date, at, id"),
        ("stretches.csv", "SELECT id, local_date, done_at, source FROM stretches ORDER BY local_date, done_at, id"),
        ("exercise_pain.csv", "SELECT p.session_id, e.local_date, p.exercise_id, p.pain, p.recorded_at FROM exercise_pain p JOIN exercise_sessions e ON e.id = p.session_id ORDER BY e.local_date, p.session_id, p.exercise_id"),
    ] {
        let (header, rows) = read_csv(&out.folder.join(file));
        assert_eq!(header[1], "date", "{file}: a header row");
        assert_eq!(rows, query(&db, sql), "{file} parses back to the database's records");
        assert!(!rows.is_empty(), "{file} has rows");
        assert_eq!(out.files.iter().find(|x| x.name == file).unwrap().rows, rows.len());
    }
    let (_, checkins) = read_csv(&out.folder.join("pain_checkins.csv"));
    assert!(
        checkins.iter().any(|r| r[5] == tricky),
        "the tricky note survives exactly"
    );
    let (_, sets) = read_csv(&out.folder.join("exercise_sets.csv"));
    assert_eq!(sets.len(), 7 * 3);
    assert!(
        sets.iter()
            .all(|r| NaiveDate::parse_from_str(&r[1], "%Y-%m-%d").is_ok()),
        "ISO dates"
    );
    let (_, tests) = read_csv(&out.folder.join("test_results.csv"));
    assert!(tests.iter().any(|r| r[4] == "pain"));
    assert!(!out.folder.read_dir().unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".partial")));
}

#[test]
fn a_restored_backup_brings_back_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    seed_week(&mut store, first());
    let at_backup = dump(&db);
    let backup = data::backup_now(&mut store, now_at(first() + Duration::days(7), 8), &f).unwrap();
    assert!(backup.bytes > 0);

    // Life goes on: more data, a deletion.
    seed_week(&mut store, first() + Duration::days(14));
    let view = journal::journal(
        &mut store,
        now_at(first() + Duration::days(20), 8),
        &Default::default(),
    )
    .unwrap();
    journal::delete(
        &mut store,
        now_at(first() + Duration::days(20), 8),
        "note",
        view.entries
            .iter()
            .find(|e| e.note.is_some() && e.title == "Note")
            .unwrap()
            .id,
    )
    .unwrap();
    let before_restore = dump(&db);
    assert_ne!(before_restore, at_backup);

    let restored = data::restore(
        &mut store,
        now_at(first() + Duration::days(21), 8),
        &f,
        backup.path.to_str().unwrap(),
    )
    .unwrap();
    assert_eq!(dump(&db), at_backup, "every row as it was at the backup");
    // The database as it was before the restore is kept, whole.
    assert_eq!(dump(&restored.kept), before_restore);
    // And the app keeps working on the restored file.
    journal::add_note(
        &mut store,
        now_at(first() + Duration::days(21), 9),
        "after the restore",
    )
    .unwrap();
    drop(store);
    let mut store = open(&db);
    assert!(journal::journal(
        &mut store,
        now_at(first() + Duration::days(21), 9),
        &Default::default()
    )
    .unwrap()
    .entries
    .iter()
    .any(|e| e.note.as_deref() == Some("after the restore")));
}

#[test]
fn a_truncated_foreign_newer_or_missing_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    seed_week(&mut store, first());
    let backup = data::backup_now(&mut store, now_at(first(), 8), &f).unwrap();
    let before = dump(&db);

    let bytes = std::fs::read(&backup.path).unwrap();
    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all\n").unwrap();
    let foreign = dir.path().join("other-app.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos VALUES (1, 'cat'); PRAGMA user_version = 3;").unwrap();
    }
    // A settings table at a version this build knows is not enough: the tables must be ours.
    let lookalike = dir.path().join("lookalike.db");
    rusqlite::Connection::open(&lookalike)
        .unwrap()
        .execute_batch(
            "CREATE TABLE settings (id INTEGER PRIMARY KEY, theme TEXT); PRAGMA user_version = 6;",
        )
        .unwrap();
    let newer = dir.path().join("newer.db");
    std::fs::copy(&backup.path, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();

    for (file, says) in [
        (truncated.as_path(), "malformed"),
        (text.as_path(), "is not an SQLite database"),
        (foreign.as_path(), "from another program"),
        (lookalike.as_path(), "from another program"),
        (newer.as_path(), "newer version"),
        (dir.path().join("missing.db").as_path(), "cannot be read"),
        (dir.path(), "not a file"),
    ] {
        let message = path_error(
            data::restore(&mut store, now_at(first(), 9), &f, file.to_str().unwrap()).unwrap_err(),
        );
        assert!(
            message.contains(says) && message.starts_with("Nothing was changed"),
            "{}: {message}",
            file.display()
        );
        assert_eq!(
            dump(&db),
            before,
            "{} changed the live database",
            file.display()
        );
    }
    assert!(
        std::fs::read(&truncated).unwrap().len() == bytes.len() / 2,
        "the refused file is left alone"
    );
    assert_eq!(
        data::backups(&f.backups).len(),
        1,
        "no copy was made for a refused restore"
    );
}

#[test]
fn an_older_backup_is_brought_up_to_date_when_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let old = dir.path().join("v3.db");
    {
        let mut c = rusqlite::Connection::open(&old).unwrap();
        high_hamstring_rehab::store::migrations::migrations()
            .to_version(&mut c, 3)
            .unwrap();
        c.execute_batch(
            "INSERT INTO stretches VALUES (1, '2026-03-01T09:00:00.000Z', '2026-03-01', 'logged');",
        )
        .unwrap();
    }
    let mut store = open(&db);
    data::restore(&mut store, now_at(first(), 9), &f, old.to_str().unwrap()).unwrap();
    let rows = query(&db, "SELECT local_date FROM stretches");
    assert_eq!(rows, vec![vec!["2026-03-01".to_string()]]);
    let version = query(&db, "PRAGMA user_version");
    assert_eq!(
        version[0][0],
        high_hamstring_rehab::store::SCHEMA_VERSION.to_string()
    );
}

#[test]
fn one_daily_backup_a_day_and_the_last_seven_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    for day in 0..10 {
        let date = first() + Duration::days(day);
        assert!(data::daily_backup(&mut store, now_at(date, 8), &f)
            .unwrap()
            .is_some());
        assert!(
            data::daily_backup(&mut store, now_at(date, 20), &f)
                .unwrap()
                .is_none(),
            "once a day"
        );
    }
    let kept = data::backups(&f.backups);
    assert_eq!(kept.len(), 7);
    assert!(
        kept[0].name.contains("2026-03-11"),
        "newest first: {}",
        kept[0].name
    );
    assert!(
        kept[6].name.contains("2026-03-05"),
        "oldest kept: {}",
        kept[6].name
    );
}

#[test]
fn the_export_folder_is_a_full_path_or_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    let v = data::view(&mut store, &f).unwrap();
    assert!(v.export_is_default);
    match data::set_export_folder(&mut store, now_at(first(), 8), &f, "relative/folder")
        .unwrap_err()
    {
        ServiceError::Invalid(e) => assert_eq!(e.field, "export_folder"),
        other => panic!("{other:?}"),
    }
    let chosen = dir.path().join("exports");
    let v = data::set_export_folder(&mut store, now_at(first(), 8), &f, chosen.to_str().unwrap())
        .unwrap();
    assert_eq!(
        (v.export_folder.as_path(), v.export_is_default),
        (chosen.as_path(), false)
    );
    let out = data::export_csv(&mut store, now_at(first(), 8), &f).unwrap();
    assert!(out.folder.starts_with(&chosen));
}

fn refused(err: ServiceError, field: &str) -> String {
    match err {
        ServiceError::Invalid(e) if e.field == field => e.message,
        other => panic!("expected {field} refused, got {other:?}"),
    }
}

#[test]
fn the_export_folder_refuses_dots_system_folders_relative_paths_and_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    let mine = dir.path().join("mine");
    data::set_export_folder(&mut store, now_at(first(), 8), &f, mine.to_str().unwrap()).unwrap();
    let before = data::view(&mut store, &f).unwrap().export_folder;

    let climbing = format!("{}/../../../../../../../etc", mine.display());
    let data_folder = f.data.to_str().unwrap().to_string();
    let backups = f.backups.to_str().unwrap().to_string();
    for bad in [
        climbing.as_str(),
        "/etc",
        "/etc/",
        "/",
        "/usr/share/x",
        "/var/lib/x",
        "relative/folder",
        "exports",
        data_folder.as_str(),
        backups.as_str(),
    ] {
        let message = refused(
            data::set_export_folder(&mut store, now_at(first(), 9), &f, bad).unwrap_err(),
            "export_folder",
        );
        assert!(
            message.contains("must be a full path to a folder of your own"),
            "{bad}: {message}"
        );
        assert_eq!(
            data::view(&mut store, &f).unwrap().export_folder,
            before,
            "{bad} changed the export folder"
        );
    }
    // A link in a folder of the user's own that leads into a system folder.
    #[cfg(unix)]
    {
        let link = dir.path().join("innocent");
        std::os::unix::fs::symlink("/etc", &link).unwrap();
        refused(
            data::set_export_folder(&mut store, now_at(first(), 9), &f, link.to_str().unwrap())
                .unwrap_err(),
            "export_folder",
        );
    }
    assert!(!mine.exists(), "setting the folder does not create it");
}

#[test]
fn a_stored_export_folder_that_breaks_the_rule_is_not_used() {
    // As an older version could have stored it, or a restored backup brings it.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    drop(store);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT OR REPLACE INTO app_state (key, value, updated_at) VALUES ('export_folder', '/etc', '2026-03-02T08:00:00.000Z')",
            [],
        )
        .unwrap();
    store = open(&db);
    let v = data::view(&mut store, &f).unwrap();
    assert_eq!(
        (v.export_folder.as_path(), v.export_is_default),
        (f.default_export.as_path(), true)
    );
}

#[test]
fn folders_open_by_name_only_and_are_never_created_to_be_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    let mut last = data::LastWritten::default();
    let export_base = data::view(&mut store, &f).unwrap().export_folder;
    let climbing = format!("{}/../../x", export_base.display());
    for bad in [
        "",
        "Data",
        "../x",
        "export/..",
        climbing.as_str(),
        f.data.to_str().unwrap(),
        "/tmp",
        "/",
    ] {
        let message = refused(
            data::folder_to_open(&mut store, &f, bad, &last).unwrap_err(),
            "which",
        );
        assert!(
            message.contains("data, backups, export, last_export, last_report"),
            "{bad}: {message}"
        );
    }
    assert_eq!(
        data::folder_to_open(&mut store, &f, "data", &last).unwrap(),
        f.data
    );
    for (which, says) in [
        (
            "export",
            "has not been created yet: it is made on the first export",
        ),
        (
            "backups",
            "has not been created yet: it is made on the first backup",
        ),
        ("last_export", "Nothing has been exported"),
        ("last_report", "No report has been saved"),
    ] {
        match data::folder_to_open(&mut store, &f, which, &last).unwrap_err() {
            ServiceError::NotFound(e) => {
                assert_eq!(e.field, "which");
                assert!(e.message.contains(says), "{which}: {}", e.message);
            }
            other => panic!("{which}: {other:?}"),
        }
    }
    assert!(
        !export_base.exists() && !f.backups.exists(),
        "nothing created"
    );

    let out = data::export_csv(&mut store, now_at(first(), 8), &f).unwrap();
    data::backup_now(&mut store, now_at(first(), 8), &f).unwrap();
    last.export = Some(out.folder.clone());
    last.report = Some(export_base.clone());
    for (which, path) in [
        ("export", &export_base),
        ("backups", &f.backups),
        ("last_export", &out.folder),
        ("last_report", &export_base),
    ] {
        assert_eq!(
            &data::folder_to_open(&mut store, &f, which, &last).unwrap(),
            path,
            "{which}"
        );
    }
    // A folder written and since deleted is said to be gone, not made again.
    std::fs::remove_dir_all(&out.folder).unwrap();
    assert!(matches!(
        data::folder_to_open(&mut store, &f, "last_export", &last),
        Err(ServiceError::NotFound(_))
    ));
    assert!(!out.folder.exists());
}

#[test]
fn a_cell_a_spreadsheet_would_run_is_written_with_an_apostrophe() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    let at = now_at(first(), 9);
    for text in [
        "=1+1",
        "@SUM(A1:A2)",
        "+44 123",
        "-x",
        "plain, with a \"quote\"",
    ] {
        journal::add_note(&mut store, at, text).unwrap();
    }
    journal::checkin(
        &mut store,
        at,
        "sitting",
        &Whole::from(2),
        "=HYPERLINK(\"http://x\")",
    )
    .unwrap();
    let out = data::export_csv(&mut store, at, &f).unwrap();
    let (_, notes) = read_csv(&out.folder.join("notes.csv"));
    let texts: Vec<&str> = notes.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(
        texts,
        [
            "'=1+1",
            "'@SUM(A1:A2)",
            "'+44 123",
            "'-x",
            "plain, with a \"quote\""
        ]
    );
    let (_, checkins) = read_csv(&out.folder.join("pain_checkins.csv"));
    assert_eq!(checkins[0][5], "'=HYPERLINK(\"http://x\")");
    assert_eq!(checkins[0][4], "2", "numbers are written as they are");
}

#[test]
fn a_backup_is_restored_by_its_listed_name_and_any_other_name_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    seed_week(&mut store, first());
    let backup = data::backup_now(&mut store, now_at(first() + Duration::days(7), 8), &f).unwrap();
    let at_backup = dump(&db);
    journal::add_note(&mut store, now_at(first() + Duration::days(8), 8), "after").unwrap();
    let outside = dir.path().join("elsewhere.db");
    std::fs::copy(&backup.path, &outside).unwrap();
    let before = dump(&db);

    for bad in [
        "",
        "rehab-backup-.db",
        "../rehab.db",
        "rehab.db",
        backup.path.to_str().unwrap(),
        outside.to_str().unwrap(),
        format!("../backups/{}", backup.name).as_str(),
        format!("{} ", backup.name).as_str(),
    ] {
        let message = refused(
            data::restore_listed(&mut store, now_at(first() + Duration::days(9), 8), &f, bad)
                .unwrap_err(),
            "name",
        );
        assert!(
            message.contains("one of the backups listed"),
            "{bad}: {message}"
        );
        assert_eq!(dump(&db), before, "{bad} changed the database");
    }
    assert_eq!(data::backups(&f.backups).len(), 1, "no copy made");

    data::restore_listed(
        &mut store,
        now_at(first() + Duration::days(9), 8),
        &f,
        &backup.name,
    )
    .unwrap();
    assert_eq!(dump(&db), at_backup);
}

#[test]
fn a_picked_file_is_restored_after_its_checks_and_never_the_live_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/rehab.db");
    let f = folders(dir.path());
    let mut store = open(&db);
    seed_week(&mut store, first());
    let backup = data::backup_now(&mut store, now_at(first(), 8), &f).unwrap();
    let at_backup = dump(&db);
    let picked = dir.path().join("from a stick.db");
    std::fs::copy(&backup.path, &picked).unwrap();
    journal::add_note(&mut store, now_at(first(), 9), "after").unwrap();
    let before = dump(&db);

    for bad in [
        db.as_path(),
        dir.path(),
        dir.path().join("gone.db").as_path(),
    ] {
        refused(data::picked_backup(&store, bad).unwrap_err(), "file");
        refused(
            data::restore_picked(&mut store, now_at(first(), 10), &f, bad).unwrap_err(),
            "file",
        );
        assert_eq!(dump(&db), before);
    }
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a backup").unwrap();
    let message = refused(
        data::restore_picked(&mut store, now_at(first(), 10), &f, &text).unwrap_err(),
        "file",
    );
    assert!(message.starts_with("Nothing was changed"), "{message}");
    assert_eq!(dump(&db), before);

    let shown = data::picked_backup(&store, &picked).unwrap();
    assert_eq!(shown.name, "from a stick.db");
    data::restore_picked(&mut store, now_at(first(), 10), &f, &picked).unwrap();
    assert_eq!(dump(&db), at_backup);
}
