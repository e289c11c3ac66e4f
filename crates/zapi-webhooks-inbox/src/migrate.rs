//! The one schema-migration mechanism of both backends: numbered SQL files
//! (`migrations/NNNN_name.sql`), one source for both, in which each backend's words replace the
//! few placeholders where the dialects differ, and a table `inbox_migrations` of those applied.
//! Each backend applies the missing ones, in order, each in its own transaction with its row.

use crate::store::StoreError;

/// One step of the schema.
pub(crate) struct Migration {
    /// Its number: migrations apply in this order, each once.
    pub version: i64,
    /// A short name, recorded with it.
    pub name: &'static str,
    /// The statements, with the placeholders of [`Dialect::words`].
    source: &'static str,
}

impl Migration {
    /// The statements for `dialect`.
    pub(crate) fn sql(&self, dialect: Dialect) -> String {
        dialect
            .words()
            .iter()
            .fold(self.source.to_owned(), |sql, (placeholder, word)| {
                sql.replace(placeholder, word)
            })
    }
}

/// The SQL dialect of a backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// SQLite.
    Sqlite,
    /// Postgres.
    Postgres,
}

impl Dialect {
    /// What each placeholder of the migrations stands for.
    fn words(self) -> [(&'static str, &'static str); 4] {
        match self {
            Dialect::Sqlite => [
                ("@ID@", "INTEGER PRIMARY KEY AUTOINCREMENT"),
                // Only `INTEGER PRIMARY KEY` makes the key SQLite's rowid; `BIGINT PRIMARY KEY`
                // would be one more index written for every delivery.
                ("@BODY_ID@", "INTEGER PRIMARY KEY"),
                ("@BLOB@", "BLOB"),
                ("@STATE_INDEX@", ""),
            ],
            Dialect::Postgres => [
                ("@ID@", "BIGSERIAL PRIMARY KEY"),
                ("@BODY_ID@", "BIGINT PRIMARY KEY"),
                ("@BLOB@", "BYTEA"),
                (
                    "@STATE_INDEX@",
                    "CREATE INDEX deliveries_state ON deliveries (state, id);",
                ),
            ],
        }
    }
}

/// The table that records applied migrations (the same SQL on both backends).
pub(crate) const TABLE: &str = "CREATE TABLE IF NOT EXISTS inbox_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)";

/// The schema, in order.
pub(crate) const ALL: &[Migration] = &[Migration {
    version: 1,
    name: "deliveries",
    source: include_str!("../migrations/0001_deliveries.sql"),
}];

/// The migrations still to apply to a database that has `applied`; an error when the database
/// has one this build does not know (it was migrated by a newer version).
pub(crate) fn to_apply(applied: &[i64]) -> Result<Vec<&'static Migration>, StoreError> {
    if let Some(unknown) = applied
        .iter()
        .find(|version| !ALL.iter().any(|m| m.version == **version))
    {
        return Err(StoreError::new(format!(
            "the database has schema migration {unknown}, which this version does not know: \
             use a newer zapi-webhooks-inbox"
        )));
    }
    Ok(ALL
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_increasing_and_known() {
        assert!(ALL.windows(2).all(|w| w[0].version < w[1].version));
        assert_eq!(to_apply(&[]).expect("fresh").len(), ALL.len());
        let every: Vec<i64> = ALL.iter().map(|m| m.version).collect();
        assert!(to_apply(&every).expect("current").is_empty());
        let error = to_apply(&[999]).err().expect("unknown version");
        assert!(error.to_string().contains("999"), "{error}");
    }

    #[test]
    fn every_placeholder_is_replaced() {
        for dialect in [Dialect::Sqlite, Dialect::Postgres] {
            for migration in ALL {
                let sql = migration.sql(dialect);
                assert!(!sql.contains('@'), "{dialect:?} {}: {sql}", migration.name);
            }
        }
        let postgres = ALL[0].sql(Dialect::Postgres);
        assert!(postgres.contains("id BIGSERIAL PRIMARY KEY,"));
        assert!(postgres.contains("body BYTEA NOT NULL"));
        assert!(postgres.contains("CREATE INDEX deliveries_state"));
        let sqlite = ALL[0].sql(Dialect::Sqlite);
        assert!(sqlite.contains("id INTEGER PRIMARY KEY AUTOINCREMENT,"));
        assert!(sqlite.contains("body BLOB NOT NULL"));
        assert!(!sqlite.contains("deliveries_state ON deliveries (state"));
    }
}
