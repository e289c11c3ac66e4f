//! The one schema-migration mechanism of both backends: numbered SQL files per backend
//! (`migrations/<backend>/NNNN_name.sql`) and a table `inbox_migrations` of those applied.
//! Each backend applies the missing ones, in order, each in its own transaction with its row.

use crate::store::StoreError;

/// One step of the schema.
pub(crate) struct Migration {
    /// Its number: migrations apply in this order, each once.
    pub version: i64,
    /// A short name, recorded with it.
    pub name: &'static str,
    /// The statements.
    pub sql: &'static str,
}

/// The table that records applied migrations (the same SQL on both backends).
pub(crate) const TABLE: &str = "CREATE TABLE IF NOT EXISTS inbox_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)";

/// The SQLite schema.
pub(crate) const SQLITE: &[Migration] = &[Migration {
    version: 1,
    name: "deliveries",
    sql: include_str!("../migrations/sqlite/0001_deliveries.sql"),
}];

/// The Postgres schema.
pub(crate) const POSTGRES: &[Migration] = &[Migration {
    version: 1,
    name: "deliveries",
    sql: include_str!("../migrations/postgres/0001_deliveries.sql"),
}];

/// The migrations of `all` still to apply to a database that has `applied`; an error when the
/// database has one this build does not know (it was migrated by a newer version).
pub(crate) fn to_apply<'a>(
    all: &'a [Migration],
    applied: &[i64],
) -> Result<Vec<&'a Migration>, StoreError> {
    if let Some(unknown) = applied
        .iter()
        .find(|version| !all.iter().any(|m| m.version == **version))
    {
        return Err(StoreError::new(format!(
            "the database has schema migration {unknown}, which this version does not know: \
             use a newer zapi-webhooks-inbox"
        )));
    }
    Ok(all
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_increasing_and_known() {
        for all in [SQLITE, POSTGRES] {
            assert!(all.windows(2).all(|w| w[0].version < w[1].version));
            assert_eq!(to_apply(all, &[]).expect("fresh").len(), all.len());
            let every: Vec<i64> = all.iter().map(|m| m.version).collect();
            assert!(to_apply(all, &every).expect("current").is_empty());
            let error = to_apply(all, &[999]).err().expect("unknown version");
            assert!(error.to_string().contains("999"), "{error}");
        }
    }
}
