//! What makes a database file ours: its schema, as the rows of `sqlite_master`, equal to
//! the schema this build's migrations produce at the file's `user_version`.
//!
//! A name such as `settings` proves nothing (any program may have one); the full
//! definitions of every table, column, index, `CHECK` and trigger do. Each version's
//! schema also has a committed fingerprint ([`FINGERPRINTS`]), so a test notices when a
//! migration that has shipped is edited: files already on users' disks would then no
//! longer match and could not be restored.

use super::{migrations, StoreError};
use rusqlite::Connection;

/// One object of a schema: a row of `sqlite_master`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaObject {
    pub kind: String,
    pub name: String,
    pub table: String,
    pub sql: Option<String>,
}

/// The fingerprint of the schema of each version, `FINGERPRINTS[v - 1]` for version `v`.
/// Written once when a version ships, never changed (see the test below: it prints the
/// value for a new version).
pub const FINGERPRINTS: [u64; migrations::LATEST] = [
    0x7ad5_b30d_bbf7_59f8, // v1
    0xc21f_d987_4060_6324, // v2
    0xb7eb_130b_b2cc_d72e, // v3
    0xb188_a6c2_e837_bebf, // v4
    0xfa92_a1b0_1e50_3b90, // v5
    0x9c4f_61a9_49eb_4085, // v6
    0x0b7c_b06d_653f_41d9, // v7
    0xb64d_0c23_0c71_e48a, // v8
];

/// The schema of the main database of `conn`, in a stable order.
///
/// Objects named `sqlite_…` are left out: SQLite makes them itself (the automatic index
/// of a `UNIQUE` or `PRIMARY KEY`, `sqlite_sequence`, `sqlite_stat1` after `ANALYZE`),
/// they follow from the definitions that are compared, and no program may create an
/// object with such a name.
pub fn of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    conn.prepare(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY type, name",
    )?
    .query_map([], |r| {
        Ok(SchemaObject {
            kind: r.get(0)?,
            name: r.get(1)?,
            table: r.get(2)?,
            sql: r.get(3)?,
        })
    })?
    .collect()
}

/// The schema this build's migrations produce at `version` (made in memory).
pub fn expected(version: usize) -> Result<Vec<SchemaObject>, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    migrations::migrations().to_version(&mut conn, version)?;
    Ok(of(&conn)?)
}

/// FNV-1a (64 bit) over every field, each followed by a separator byte that cannot occur
/// in SQL text, so that moving text from one field to the next changes the value. Not a
/// defence against a forger (the full comparison is); a stable number for a test to keep.
pub fn fingerprint(schema: &[SchemaObject]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
        }
    };
    for object in schema {
        for field in [&object.kind, &object.name, &object.table] {
            eat(field.as_bytes());
            eat(&[0x1f]);
        }
        match &object.sql {
            Some(sql) => eat(sql.as_bytes()),
            None => eat(&[0x00]),
        }
        eat(&[0x1e]);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::OpenFlags;
    use std::path::Path;

    #[test]
    fn the_committed_fingerprints_are_what_the_migrations_produce() {
        let now: Vec<String> = (1..=migrations::LATEST)
            .map(|v| format!("{:#018x}", fingerprint(&expected(v).unwrap())))
            .collect();
        let committed: Vec<String> = FINGERPRINTS.iter().map(|f| format!("{f:#018x}")).collect();
        assert_eq!(
            committed,
            now,
            "a shipped migration was edited (add a new one instead), or a new version's \
             fingerprint is missing: versions 1..={} now give the right-hand list",
            migrations::LATEST
        );
    }

    #[test]
    fn every_committed_fixture_has_its_versions_fingerprint() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut seen = 0;
        for v in 1..=migrations::LATEST {
            let path = fixtures.join(format!("schema-v{v}.db"));
            if !path.exists() {
                continue; // the latest version has no fixture until the next one ships
            }
            let conn =
                Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            let version: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(version, v as i64, "{}", path.display());
            assert_eq!(
                fingerprint(&of(&conn).unwrap()),
                FINGERPRINTS[v - 1],
                "{} does not have schema {v}",
                path.display()
            );
            seen += 1;
        }
        assert!(seen >= migrations::LATEST - 1, "fixtures found: {seen}");
    }

    #[test]
    fn the_fingerprint_sees_a_dropped_check_and_a_moved_field() {
        let schema = expected(migrations::LATEST).unwrap();
        let mut changed = schema.clone();
        let settings = changed.iter_mut().find(|o| o.name == "settings").unwrap();
        let sql = settings.sql.take().unwrap();
        settings.sql = Some(sql.replace(" CHECK (theme IN ('system', 'light', 'dark'))", ""));
        assert_ne!(settings.sql.as_deref(), Some(sql.as_str()));
        assert_ne!(fingerprint(&changed), fingerprint(&schema));

        let a = SchemaObject {
            kind: "table".into(),
            name: "ab".into(),
            table: "c".into(),
            sql: None,
        };
        let b = SchemaObject {
            name: "a".into(),
            table: "bc".into(),
            ..a.clone()
        };
        assert_ne!(fingerprint(&[a]), fingerprint(&[b]));
    }
}
