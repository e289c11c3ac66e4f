//! The JSON Schemas under `schemas/` (both flavours and the configuration bodies), as
//! `cargo xtask codegen` writes them: the models' schemas, pretty-printed.

use crate::sync::GeneratedFile;

/// Every schema file: path relative to `schemas/`, and its contents (pretty JSON and a final
/// newline).
pub fn generated_files() -> Result<Vec<GeneratedFile>, String> {
    zapi_webhooks::schema::all_files()
        .into_iter()
        .map(|(relative, value)| {
            let mut text = serde_json::to_string_pretty(&value)
                .map_err(|err| format!("cannot serialize schemas/{relative}: {err}"))?;
            text.push('\n');
            Ok((relative, text.into_bytes()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_files_say_they_are_generated() {
        for (relative, contents) in generated_files().expect("generates") {
            let value: serde_json::Value = serde_json::from_slice(&contents).expect("json");
            let comment = value["$comment"].as_str().unwrap_or_default();
            assert!(
                comment.starts_with(zapi_webhooks::schema::GENERATED_NOTICE),
                "{relative}"
            );
            // `strict/received.schema.json` has the `$id` `urn:zapi-webhooks:schema:v1:strict:received`.
            let expected = format!(
                "urn:zapi-webhooks:schema:v1:{}",
                relative.trim_end_matches(".schema.json").replace('/', ":")
            );
            assert_eq!(value["$id"].as_str(), Some(expected.as_str()), "{relative}");
        }
    }

    #[test]
    fn every_schema_id_is_unique() {
        let mut ids = std::collections::BTreeSet::new();
        for (relative, contents) in generated_files().expect("generates") {
            let value: serde_json::Value = serde_json::from_slice(&contents).expect("json");
            let id = value["$id"].as_str().unwrap_or_default().to_owned();
            assert!(ids.insert(id), "{relative}: duplicate $id");
        }
        assert_eq!(ids.len(), generated_files().expect("generates").len());
    }
}
