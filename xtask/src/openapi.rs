//! `schemas/openapi.json`, written by `cargo xtask codegen`: an OpenAPI 3.1 document that
//! describes every callback as a webhook (its body is the permissive JSON Schema of that
//! callback, and every fixture of that callback is a named example) and the
//! webhook-configuration endpoints as paths.
//!
//! The schemas are the JSON Schemas codegen writes beside it: each file's `$defs` move to
//! `components/schemas` and every `#/$defs/X` becomes `#/components/schemas/X`. A name defined
//! by two files must mean the same schema in both (it is then shared); otherwise generation
//! fails, naming both files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Value, json};
use zapi_webhooks::CallbackType;
use zapi_webhooks::schema::{Flavor, Target, schema};
use zapi_webhooks::webhook_config::WebhookEndpoint;

/// Where the document is written, relative to `schemas/`.
pub(crate) const OUTPUT: &str = "openapi.json";

/// What a `$ref` to a component schema starts with.
pub(crate) const SCHEMA_REF: &str = "#/components/schemas/";

/// What a `$ref` to a definition of the same file starts with, in the generated JSON Schemas.
const DEFS_REF: &str = "#/$defs/";

/// The document as written to [`OUTPUT`]: pretty JSON and a final newline.
pub fn render(root: &Path) -> Result<String, String> {
    let fixtures = load_fixtures(root)?;
    let package = WorkspacePackage::read(root)?;
    let document = document(&definitions()?, &fixtures, &package)?;
    let mut text = serde_json::to_string_pretty(&document)
        .map_err(|err| format!("cannot serialize the OpenAPI document: {err}"))?;
    text.push('\n');
    Ok(text)
}

// ---------------------------------------------------------------------------------------------
// Component schemas

/// Every named schema: the permissive schema of each callback (named by its `type`, e.g.
/// `ReceivedCallback`), of any callback (`Callback`), of each webhook-configuration body, and
/// every definition they use. References point into `#/components/schemas/`.
pub(crate) fn definitions() -> Result<BTreeMap<String, Value>, String> {
    let mut definitions = Definitions::default();
    definitions.add_document(
        schema(Target::Any, Flavor::Permissive),
        &format!("schemas/{}", Target::Any.file_name()),
    )?;
    for &callback in CallbackType::ALL {
        let target = Target::One(callback);
        let origin = format!("schemas/{}", target.file_name());
        let name = definitions.add_document(schema(target, Flavor::Permissive), &origin)?;
        if name != callback.type_value() {
            return Err(format!(
                "{origin} has title `{name}`, expected `{}`",
                callback.type_value()
            ));
        }
    }
    for (relative, value) in zapi_webhooks::schema::all_files() {
        if relative.starts_with("config/") {
            definitions.add_document(value, &format!("schemas/{relative}"))?;
        }
    }
    let mut needed: Vec<&str> = WebhookEndpoint::ALL
        .iter()
        .map(|endpoint| endpoint.request_type())
        .collect();
    needed.push(RESPONSE_TYPE);
    for name in needed {
        if !definitions.named.contains_key(name) {
            return Err(format!(
                "no schema titled `{name}` under schemas/config/, which the webhook endpoints use"
            ));
        }
    }
    Ok(definitions
        .named
        .into_iter()
        .map(|(name, (_, value))| (name, value))
        .collect())
}

/// The response body of every webhook-configuration endpoint.
const RESPONSE_TYPE: &str = "UpdateWebhookResponse";

/// Named schemas being collected, each with the file that first defined it.
#[derive(Default)]
struct Definitions {
    named: BTreeMap<String, (String, Value)>,
}

impl Definitions {
    /// Adds a generated schema file: its root under its `title`, and each of its `$defs`.
    /// Returns the root's name.
    fn add_document(&mut self, mut document: Value, origin: &str) -> Result<String, String> {
        let Value::Object(map) = &mut document else {
            return Err(format!("{origin} is not a JSON object"));
        };
        for keyword in ["$id", "$schema", "$comment"] {
            map.remove(keyword);
        }
        let defs = match map.remove("$defs") {
            None => serde_json::Map::new(),
            Some(Value::Object(defs)) => defs,
            Some(_) => return Err(format!("{origin}: `$defs` is not an object")),
        };
        let Some(name) = map.get("title").and_then(Value::as_str).map(str::to_owned) else {
            return Err(format!("{origin} has no `title` to name it by"));
        };
        for (def_name, mut def) in defs {
            rewrite_refs(&mut def, &format!("{origin}#/$defs/{def_name}"))?;
            self.add(def_name, def, origin)?;
        }
        rewrite_refs(&mut document, origin)?;
        self.add(name.clone(), document, origin)?;
        Ok(name)
    }

    /// Adds one named schema. The same name may come from several files only with the same
    /// schema.
    fn add(&mut self, name: String, value: Value, origin: &str) -> Result<(), String> {
        if !is_component_name(&name) {
            return Err(format!(
                "{origin}: `{name}` cannot name an OpenAPI component (allowed: A-Z a-z 0-9 . - _)"
            ));
        }
        match self.named.get(&name) {
            Some((first, existing)) if *existing != value => Err(format!(
                "two different schemas are both named `{name}`: one in {first}, one in {origin}; \
                 rename one of the types so that components/schemas/{name} is unambiguous"
            )),
            Some(_) => Ok(()),
            None => {
                self.named.insert(name, (origin.to_owned(), value));
                Ok(())
            }
        }
    }
}

/// Whether `name` can be a key of `components/schemas` (OpenAPI 3.1 requires
/// `^[a-zA-Z0-9.\-_]+$`).
fn is_component_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// Rewrites every `#/$defs/X` reference of a schema to `#/components/schemas/X`. Fails on
/// anything that would resolve differently once the schema is moved into the document: another
/// kind of `$ref`, a nested `$defs`, or a keyword that changes the base URI or adds anchors.
fn rewrite_refs(schema: &mut Value, at: &str) -> Result<(), String> {
    let map = match schema {
        Value::Bool(_) => return Ok(()),
        Value::Object(map) => map,
        _ => return Err(format!("{at}: a schema must be an object or a boolean")),
    };
    for (keyword, value) in map.iter_mut() {
        let here = format!("{at}/{keyword}");
        match keyword.as_str() {
            "$ref" => {
                let Some(target) = value.as_str().and_then(|r| r.strip_prefix(DEFS_REF)) else {
                    return Err(format!(
                        "{here}: only `{DEFS_REF}...` references can be moved, found {value}"
                    ));
                };
                *value = Value::String(format!("{SCHEMA_REF}{target}"));
            }
            "$defs" | "definitions" | "$id" | "$anchor" | "$dynamicRef" | "$dynamicAnchor" => {
                return Err(format!("{here}: not supported inside a moved schema"));
            }
            "properties" | "patternProperties" | "dependentSchemas" => {
                let Value::Object(children) = value else {
                    return Err(format!("{here} is not an object"));
                };
                for (name, child) in children.iter_mut() {
                    rewrite_refs(child, &format!("{here}/{name}"))?;
                }
            }
            "allOf" | "anyOf" | "oneOf" | "prefixItems" => {
                let Value::Array(children) = value else {
                    return Err(format!("{here} is not an array"));
                };
                for (index, child) in children.iter_mut().enumerate() {
                    rewrite_refs(child, &format!("{here}/{index}"))?;
                }
            }
            "items"
            | "additionalProperties"
            | "unevaluatedProperties"
            | "unevaluatedItems"
            | "propertyNames"
            | "contains"
            | "not"
            | "if"
            | "then"
            | "else" => {
                rewrite_refs(value, &here)?;
            }
            // Annotations and assertions whose values are data, not schemas.
            _ => {}
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/// One fixture, as listed in `fixtures/manifest.json`.
pub(crate) struct Fixture {
    /// File name without `.json`, e.g. `received__text`; the example's name.
    pub stem: String,
    /// The callback it belongs to.
    pub callback: CallbackType,
    /// Heading of the docs section of its first source.
    pub heading: String,
    /// Where in the docs it comes from, e.g. `pt/on-message-received.md (code block 3)`.
    pub sources: Vec<String>,
    /// The payload.
    pub value: Value,
}

/// `fixtures/manifest.json`, the parts read here.
#[derive(Deserialize)]
struct Manifest {
    fixtures: Vec<ManifestEntry>,
}

#[derive(Deserialize)]
struct ManifestEntry {
    path: String,
    callback: String,
    sources: Vec<ManifestSource>,
}

#[derive(Deserialize)]
struct ManifestSource {
    page: String,
    heading: String,
    block: u64,
}

/// Reads every fixture the manifest lists, and checks that the manifest and the fixture
/// folders agree (so no fixture is left out of the examples).
pub(crate) fn load_fixtures(root: &Path) -> Result<Vec<Fixture>, String> {
    let dir = root.join("fixtures");
    let manifest: Manifest = read_json(&dir.join("manifest.json"))?;
    let mut fixtures = Vec::new();
    let mut listed = BTreeSet::new();
    for entry in manifest.fixtures {
        let callback = CallbackType::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == entry.callback)
            .ok_or_else(|| {
                format!(
                    "fixtures/manifest.json: `{}` has unknown callback `{}`",
                    entry.path, entry.callback
                )
            })?;
        let Some(file_name) = entry
            .path
            .strip_prefix(&format!("{}/", callback.as_str()))
            .filter(|name| !name.contains('/'))
        else {
            return Err(format!(
                "fixtures/manifest.json: `{}` is not in fixtures/{}/",
                entry.path, entry.callback
            ));
        };
        let Some(stem) = file_name.strip_suffix(".json") else {
            return Err(format!(
                "fixtures/manifest.json: `{}` is not a .json",
                entry.path
            ));
        };
        let Some(first) = entry.sources.first() else {
            return Err(format!(
                "fixtures/manifest.json: `{}` has no source",
                entry.path
            ));
        };
        if !listed.insert(entry.path.clone()) {
            return Err(format!(
                "fixtures/manifest.json lists `{}` twice",
                entry.path
            ));
        }
        fixtures.push(Fixture {
            stem: stem.to_owned(),
            callback,
            heading: first.heading.clone(),
            sources: entry
                .sources
                .iter()
                .map(|s| format!("{} (code block {})", s.page, s.block))
                .collect(),
            value: read_json(&dir.join(&entry.path))?,
        });
    }
    for &callback in CallbackType::ALL {
        let folder = dir.join(callback.as_str());
        let entries = std::fs::read_dir(&folder)
            .map_err(|err| format!("cannot list {}: {err}", folder.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{}/{name}", callback.as_str());
            if name.ends_with(".json") && !listed.contains(&path) {
                return Err(format!(
                    "fixtures/{path} is not in fixtures/manifest.json (run `cargo xtask import-docs`)"
                ));
            }
        }
    }
    Ok(fixtures)
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    serde_json::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))
}

/// `version` and `license` of `[workspace.package]` in the workspace's Cargo.toml.
pub(crate) struct WorkspacePackage {
    pub version: String,
    pub license: String,
}

impl WorkspacePackage {
    /// Reads them with a line scan (enough for the two `key = "value"` lines needed).
    pub(crate) fn read(root: &Path) -> Result<WorkspacePackage, String> {
        let path = root.join("Cargo.toml");
        let text = std::fs::read_to_string(&path)
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        let mut in_section = false;
        let (mut version, mut license) = (None, None);
        for line in text.lines().map(str::trim) {
            if line.starts_with('[') {
                in_section = line == "[workspace.package]";
                continue;
            }
            if !in_section {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let value = value.trim().trim_matches('"').to_owned();
            match key.trim() {
                "version" => version = Some(value),
                "license" => license = Some(value),
                _ => {}
            }
        }
        match (version, license) {
            (Some(version), Some(license)) => Ok(WorkspacePackage { version, license }),
            _ => Err(format!(
                "{}: [workspace.package] needs `version` and `license`",
                path.display()
            )),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The document

/// A JSON object whose keys stay in the order given (serde_json's own map sorts them).
struct Ordered<T>(Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    openapi: &'static str,
    #[serde(rename = "x-generated")]
    generated: &'static str,
    info: Value,
    json_schema_dialect: &'static str,
    servers: Value,
    tags: Value,
    paths: Ordered<PathItem>,
    webhooks: Ordered<PathItem>,
    components: Components,
}

#[derive(Serialize)]
struct PathItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    put: Option<Operation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    post: Option<Operation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Operation {
    tags: Vec<&'static str>,
    summary: String,
    description: String,
    operation_id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parameters: Vec<Value>,
    request_body: RequestBody,
    responses: Ordered<Response>,
}

#[derive(Serialize)]
struct RequestBody {
    description: String,
    required: bool,
    content: Ordered<MediaType>,
}

#[derive(Serialize)]
struct MediaType {
    schema: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    examples: Option<Ordered<Example>>,
}

#[derive(Serialize)]
struct Example {
    summary: String,
    description: String,
    value: Value,
}

#[derive(Serialize)]
struct Response {
    description: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Ordered<MediaType>>,
}

#[derive(Serialize)]
struct Components {
    schemas: Ordered<Value>,
    parameters: Ordered<Value>,
}

const JSON: &str = "application/json";
const TAG_CALLBACKS: &str = "Callbacks";
const TAG_CONFIG: &str = "Webhook configuration";

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("{SCHEMA_REF}{name}") })
}

fn json_content(schema: Value, examples: Option<Ordered<Example>>) -> Ordered<MediaType> {
    Ordered(vec![(JSON.to_owned(), MediaType { schema, examples })])
}

/// `update-webhook-received` → `updateWebhookReceived`.
fn camel_case(kebab: &str) -> String {
    let mut out = String::new();
    for (index, word) in kebab.split(['-', '_']).enumerate() {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if index == 0 {
                out.extend(first.to_lowercase());
            } else {
                out.extend(first.to_uppercase());
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

fn config_path(endpoint: WebhookEndpoint) -> String {
    format!(
        "/instances/{{instanceId}}/token/{{token}}/{}",
        endpoint.path()
    )
}

/// Builds the document from the named schemas and the fixtures.
fn document(
    definitions: &BTreeMap<String, Value>,
    fixtures: &[Fixture],
    package: &WorkspacePackage,
) -> Result<Document, String> {
    let mut paths = Vec::new();
    for &endpoint in WebhookEndpoint::ALL {
        let (summary, description) = (endpoint.summary(), endpoint.description());
        let mut description = description.to_owned();
        let aliases = endpoint.documented_aliases();
        if !aliases.is_empty() {
            let listed: Vec<String> = aliases.iter().map(|a| format!("`{a}`")).collect();
            description.push_str(&format!(
                " The Z-API docs also write this path as {} in places; `{}` is the one described here.",
                listed.join(", "),
                endpoint.path()
            ));
        }
        let operation = Operation {
            tags: vec![TAG_CONFIG],
            summary: summary.to_owned(),
            description,
            operation_id: camel_case(endpoint.path()),
            parameters: ["InstanceId", "Token", "ClientToken"]
                .iter()
                .map(|name| json!({ "$ref": format!("#/components/parameters/{name}") }))
                .collect(),
            request_body: RequestBody {
                description: "The new setting.".to_owned(),
                required: true,
                content: json_content(schema_ref(endpoint.request_type()), None),
            },
            responses: Ordered(vec![(
                "200".to_owned(),
                Response {
                    description: "The request was handled; `value` says whether the setting was applied.",
                    content: Some(json_content(schema_ref(RESPONSE_TYPE), None)),
                },
            )]),
        };
        paths.push((
            config_path(endpoint),
            PathItem {
                put: Some(operation),
                post: None,
            },
        ));
    }

    let mut webhooks = Vec::new();
    for &callback in CallbackType::ALL {
        let name = callback.type_value();
        let schema_description = definitions
            .get(name)
            .and_then(|s| s["description"].as_str())
            .ok_or_else(|| format!("components/schemas/{name} has no description"))?;
        let endpoint = WebhookEndpoint::Callback(callback);
        let [spelling, other_spelling] = callback.spellings();
        let mut description = format!(
            "{schema_description}\n\nZ-API POSTs this callback to the URL set with `PUT {}` (or \
             `PUT {}` for every callback at once). Its `type` is `{spelling}`; the docs also \
             spell it `{other_spelling}`. Every documented field may be absent or null, and keys \
             not described here are allowed.",
            config_path(endpoint),
            config_path(WebhookEndpoint::Every),
        );
        if callback == CallbackType::Received {
            description.push_str(&format!(
                " `PUT {}` also sets this URL, and turns on callbacks for messages the connected \
                 number sends.",
                config_path(WebhookEndpoint::ReceivedDelivery)
            ));
        }
        let mut examples = Vec::new();
        for fixture in fixtures.iter().filter(|f| f.callback == callback) {
            if examples.iter().any(|(stem, _)| *stem == fixture.stem) {
                return Err(format!("two {name} fixtures are named `{}`", fixture.stem));
            }
            examples.push((
                fixture.stem.clone(),
                Example {
                    summary: fixture.heading.clone(),
                    description: format!(
                        "fixtures/{}/{}.json, from the Z-API docs: {}.",
                        callback.as_str(),
                        fixture.stem,
                        fixture.sources.join("; ")
                    ),
                    value: fixture.value.clone(),
                },
            ));
        }
        if examples.is_empty() {
            return Err(format!("no fixture of {name} to use as an example"));
        }
        let operation = Operation {
            tags: vec![TAG_CALLBACKS],
            summary: format!("{name}, sent by Z-API"),
            description,
            operation_id: camel_case(name),
            parameters: Vec::new(),
            request_body: RequestBody {
                description: format!(
                    "The callback, as JSON. Examples: every {name} example of the Z-API docs."
                ),
                required: true,
                content: json_content(schema_ref(name), Some(Ordered(examples))),
            },
            responses: Ordered(
                [
                    (
                        "200",
                        "Acknowledged: the receiver took the callback. No body is needed.",
                    ),
                    (
                        "400",
                        "The body is not JSON, or a known field has a value of the wrong type.",
                    ),
                    ("405", "The receiver only takes callbacks with POST."),
                    (
                        "415",
                        "The body was not declared as JSON (`Content-Type: application/json`).",
                    ),
                ]
                .into_iter()
                .map(|(code, description)| {
                    (
                        code.to_owned(),
                        Response {
                            description,
                            content: None,
                        },
                    )
                })
                .collect(),
            ),
        };
        webhooks.push((
            name.to_owned(),
            PathItem {
                put: None,
                post: Some(operation),
            },
        ));
    }

    let parameters = vec![
        (
            "InstanceId".to_owned(),
            json!({
                "name": "instanceId",
                "in": "path",
                "required": true,
                "description": "Id of the Z-API instance.",
                "schema": { "type": "string" }
            }),
        ),
        (
            "Token".to_owned(),
            json!({
                "name": "token",
                "in": "path",
                "required": true,
                "description": "Token of the instance.",
                "schema": { "type": "string" }
            }),
        ),
        (
            "ClientToken".to_owned(),
            json!({
                "name": "Client-Token",
                "in": "header",
                "required": true,
                "description": "The account's security token (\"Account Security Token\" in the Z-API panel).",
                "schema": { "type": "string" }
            }),
        ),
    ];

    Ok(Document {
        openapi: "3.1.0",
        generated: "Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.",
        info: json!({
            "title": "Z-API webhooks",
            "version": package.version,
            "summary": "The callbacks Z-API (WhatsApp) sends, and the endpoints that set where they go.",
            "description": "Generated from the zapi-webhooks models. Each webhook is one callback type; its \
                body schema is the permissive JSON Schema of that callback (schemas/<callback>.schema.json: \
                unknown keys allowed, every documented field optional and nullable), and its examples are \
                the fixtures taken from the Z-API docs. The paths are the webhook-configuration endpoints \
                of the Z-API REST API.",
            "license": { "name": package.license, "identifier": package.license }
        }),
        json_schema_dialect: "https://json-schema.org/draft/2020-12/schema",
        servers: json!([{ "url": "https://api.z-api.io", "description": "Z-API" }]),
        tags: json!([
            { "name": TAG_CALLBACKS, "description": "Requests Z-API makes to your HTTPS endpoint." },
            { "name": TAG_CONFIG, "description": "Requests you make to Z-API to choose that endpoint." }
        ]),
        paths: Ordered(paths),
        webhooks: Ordered(webhooks),
        components: Components {
            schemas: Ordered(
                definitions
                    .iter()
                    .map(|(name, value)| (name.clone(), value.clone()))
                    .collect(),
            ),
            parameters: Ordered(parameters),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace_root;

    fn generated() -> Value {
        serde_json::from_str(&render(&workspace_root()).expect("renders")).expect("json")
    }

    #[test]
    fn every_fixture_is_an_example_of_its_webhook() {
        let document = generated();
        let fixtures = load_fixtures(&workspace_root()).expect("fixtures");
        assert!(fixtures.len() > 100);
        for fixture in &fixtures {
            let name = fixture.callback.type_value();
            let examples =
                &document["webhooks"][name]["post"]["requestBody"]["content"][JSON]["examples"];
            let example = &examples[&fixture.stem];
            assert_eq!(example["value"], fixture.value, "{name} {}", fixture.stem);
            assert_eq!(example["summary"], fixture.heading.as_str());
        }
        let total: usize = CallbackType::ALL
            .iter()
            .map(|c| {
                document["webhooks"][c.type_value()]["post"]["requestBody"]["content"][JSON]
                    ["examples"]
                    .as_object()
                    .map_or(0, serde_json::Map::len)
            })
            .sum();
        assert_eq!(total, fixtures.len());
    }

    #[test]
    fn every_ref_resolves_inside_the_document() {
        fn walk(value: &Value, document: &Value, seen: &mut usize) {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(target)) = map.get("$ref") {
                        let pointer = target.strip_prefix('#').expect("local ref");
                        assert!(document.pointer(pointer).is_some(), "dangling {target}");
                        *seen += 1;
                    }
                    map.values().for_each(|v| walk(v, document, seen));
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, document, seen)),
                _ => {}
            }
        }
        let document = generated();
        let mut seen = 0;
        walk(&document, &document, &mut seen);
        assert!(seen > 100, "{seen}");
        assert_eq!(document["openapi"], "3.1.0");
        for &endpoint in WebhookEndpoint::ALL {
            let operation = &document["paths"][config_path(endpoint)]["put"];
            assert_eq!(
                operation["requestBody"]["content"][JSON]["schema"]["$ref"],
                format!("{SCHEMA_REF}{}", endpoint.request_type())
            );
        }
    }

    #[test]
    fn refs_are_moved_and_anything_else_fails() {
        let mut schema = json!({
            "properties": { "a": { "if": { "type": "null" }, "else": { "$ref": "#/$defs/A" } } },
            "items": { "anyOf": [{ "$ref": "#/$defs/B" }, true] },
            "const": { "$ref": "not a schema, left alone" }
        });
        rewrite_refs(&mut schema, "t").expect("rewrites");
        assert_eq!(
            schema["properties"]["a"]["else"]["$ref"],
            "#/components/schemas/A"
        );
        assert_eq!(
            schema["items"]["anyOf"][0]["$ref"],
            "#/components/schemas/B"
        );
        assert_eq!(schema["const"]["$ref"], "not a schema, left alone");
        for bad in [
            json!({ "$ref": "other.json#/x" }),
            json!({ "items": { "$defs": {} } }),
            json!({ "properties": { "x": { "$id": "y" } } }),
        ] {
            let mut bad = bad;
            assert!(rewrite_refs(&mut bad, "t").is_err(), "{bad}");
        }
    }

    #[test]
    fn a_name_defined_twice_is_shared_when_equal_and_an_error_otherwise() {
        let one = json!({
            "title": "One",
            "$defs": { "Shared": { "type": "string" } },
            "properties": { "s": { "$ref": "#/$defs/Shared" } }
        });
        let two_same = json!({
            "title": "Two",
            "$defs": { "Shared": { "type": "string" } }
        });
        let two_different = json!({
            "title": "Three",
            "$defs": { "Shared": { "type": "integer" } }
        });
        let mut definitions = Definitions::default();
        definitions.add_document(one, "one.json").expect("first");
        definitions
            .add_document(two_same, "two.json")
            .expect("same");
        let err = definitions
            .add_document(two_different, "three.json")
            .expect_err("different");
        assert!(
            err.contains("`Shared`") && err.contains("one.json") && err.contains("three.json"),
            "{err}"
        );
        assert_eq!(
            definitions.named["One"].1["properties"]["s"]["$ref"],
            "#/components/schemas/Shared"
        );
    }

    #[test]
    fn names_are_camel_cased_from_paths() {
        assert_eq!(
            camel_case("update-webhook-received"),
            "updateWebhookReceived"
        );
        assert_eq!(camel_case("ReceivedCallback"), "receivedCallback");
    }
}
