//! JSON Schemas generated from the models (draft 2020-12), in two flavours.
//!
//! * [`Flavor::Permissive`] says exactly what the models accept: every documented field may be
//!   absent or `null`, a known field must have its type, and any other key is allowed (it is
//!   kept in an `extra` map).
//! * [`Flavor::Strict`] is the same with `additionalProperties: false` on every modeled object,
//!   so a payload carrying a key nobody modeled fails, naming it: a drift detector.
//!
//! The files under `schemas/` are these schemas, written by `cargo xtask codegen`.

use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};

use crate::{Callback, CallbackType};

/// What every schema's `$id` starts with: a URN, so that no `$id` names a host the project
/// does not own, while staying an absolute URI that ajv, Python's jsonschema and OpenAPI tools
/// accept as a base for the schemas' own `#/$defs/...` references.
const ID_BASE: &str = "urn:zapi-webhooks:schema:v1:";

/// The first words of every generated schema's `$comment`. Not part of the public API (used by
/// `cargo xtask`).
#[doc(hidden)]
pub const GENERATED_NOTICE: &str =
    "Generated from the zapi-webhooks models by `cargo xtask codegen`; do not edit by hand.";

/// Which schema flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Flavor {
    /// What the models accept; unmodeled keys allowed.
    Permissive,
    /// Unmodeled keys rejected (`additionalProperties: false` on every modeled object).
    Strict,
}

impl Flavor {
    /// Both flavours.
    pub const ALL: [Flavor; 2] = [Flavor::Permissive, Flavor::Strict];

    /// The folder of this flavour under `schemas/` (`""` or `"strict/"`). Not part of the public
    /// API (used by `cargo xtask` and the benches).
    #[doc(hidden)]
    pub fn dir(self) -> &'static str {
        match self {
            Flavor::Permissive => "",
            Flavor::Strict => "strict/",
        }
    }
}

/// What a schema describes: one callback, or the union of all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Target {
    /// Any callback ([`Callback`]), dispatched on `type`.
    Any,
    /// One callback.
    One(CallbackType),
}

impl Target {
    /// Every target: the union first, then each callback.
    pub fn all() -> impl Iterator<Item = Target> {
        std::iter::once(Target::Any).chain(CallbackType::ALL.iter().copied().map(Target::One))
    }

    /// File name under `schemas/` (and `schemas/strict/`), e.g. `received.schema.json`. Not part
    /// of the public API (used by `cargo xtask` and the benches).
    #[doc(hidden)]
    pub fn file_name(self) -> String {
        match self {
            Target::Any => "callback.schema.json".to_owned(),
            Target::One(t) => format!("{}.schema.json", t.as_str()),
        }
    }
}

/// The generator settings of every schema file: draft 2020-12, shaped by [`strip_formats`]
/// and, for the strict flavour, by [`close_objects`] (below the root of the union, which must
/// accept an unknown callback).
fn settings(target: Target, flavor: Flavor) -> SchemaSettings {
    let settings = SchemaSettings::draft2020_12().with_transform(strip_formats as fn(&mut Schema));
    match (flavor, target) {
        (Flavor::Permissive, _) => settings,
        (Flavor::Strict, Target::Any) => {
            settings.with_transform(close_objects_below as fn(&mut Schema))
        }
        (Flavor::Strict, Target::One(_)) => {
            settings.with_transform(RecursiveTransform(close_objects as fn(&mut Schema)))
        }
    }
}

/// The schema of `target` in `flavor`, as a JSON value ready to write or compile.
pub fn schema(target: Target, flavor: Flavor) -> Value {
    let generator = settings(target, flavor).into_generator();
    let root = match target {
        Target::Any => generator.into_root_schema_for::<Callback>(),
        Target::One(callback) => callback.root_schema(generator),
    };
    let mut value = root.to_value();
    if let Value::Object(map) = &mut value {
        let name = match target {
            Target::Any => "callback",
            Target::One(callback) => callback.as_str(),
        };
        let id = match flavor {
            Flavor::Permissive => format!("{ID_BASE}{name}"),
            Flavor::Strict => format!("{ID_BASE}strict:{name}"),
        };
        let flavour_text = match flavor {
            Flavor::Permissive => "Permissive flavour: keys the models do not know are allowed.",
            Flavor::Strict => {
                "Strict flavour: keys the models do not know are rejected (additionalProperties: false)."
            }
        };
        map.insert("$id".to_owned(), Value::String(id));
        map.insert(
            "$comment".to_owned(),
            Value::String(format!("{GENERATED_NOTICE} {flavour_text}")),
        );
    }
    value
}

/// Removes schemars' `format` annotations (`uint64`, `double`, ...) from a schema and its
/// subschemas: they constrain nothing in draft 2020-12, and validators in strict modes (ajv)
/// reject unknown formats. Only the `format` keyword of a schema is removed, never a property
/// that happens to be named `format`.
fn strip_formats(schema: &mut Schema) {
    if schema.get("format").is_some_and(Value::is_string) {
        schema.remove("format");
    }
    transform_subschemas(&mut (strip_formats as fn(&mut Schema)), schema);
}

/// Sets `additionalProperties: false` on a modeled object: a schema with `properties` and
/// `"type": "object"`. Not recursive by itself (see [`settings`]).
fn close_objects(schema: &mut Schema) {
    let modeled = schema.get("type") == Some(&Value::String("object".to_owned()))
        && schema.get("properties").is_some();
    if modeled {
        schema.insert("additionalProperties".to_owned(), Value::Bool(false));
    }
}

/// [`close_objects`] on every subschema, leaving the root open.
fn close_objects_below(schema: &mut Schema) {
    transform_subschemas(
        &mut RecursiveTransform(close_objects as fn(&mut Schema)),
        schema,
    );
}

impl JsonSchema for Callback {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Callback".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "zapi_webhooks::Callback".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut branches = Vec::new();
        for callback in CallbackType::ALL {
            let target = callback.subschema(generator);
            branches.push(json!({
                "if": {
                    "properties": { "type": { "enum": callback.spellings() } },
                    "required": ["type"]
                },
                "then": target
            }));
        }
        let schema = json!({
            "title": "Callback",
            "description": "Any Z-API webhook body. The `type` key picks the callback schema (both the `...Callback` and `...CallBack` spellings); an object with another `type`, or none, is an unknown callback and is accepted as it is.",
            "type": "object",
            "properties": { "type": { "type": "string" } },
            "allOf": branches
        });
        match schema {
            Value::Object(map) => Schema::from(map),
            _ => Schema::default(),
        }
    }
}

/// The schema of a webhook-configuration body (see [`crate::webhook_config`]), with `$id` and
/// `$comment` like the callback schemas. `name` is the file stem, e.g. `update_webhook_request`.
fn config_schema<T: JsonSchema>(name: &str) -> Value {
    let mut value = settings(Target::Any, Flavor::Permissive)
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    if let Value::Object(map) = &mut value {
        map.insert(
            "$id".to_owned(),
            Value::String(format!("{ID_BASE}config:{name}")),
        );
        map.insert(
            "$comment".to_owned(),
            Value::String(GENERATED_NOTICE.to_owned()),
        );
    }
    value
}

/// Every schema file this crate generates: its path under `schemas/` and its contents. This is
/// what `cargo xtask codegen` writes and `cargo xtask codegen --check` compares. Not part of the
/// public API (used by `cargo xtask`).
#[doc(hidden)]
pub fn all_files() -> Vec<(String, Value)> {
    use crate::webhook_config::{
        UpdateEveryWebhooksRequest, UpdateNotifySentByMeRequest, UpdateWebhookRequest,
        UpdateWebhookResponse,
    };
    let mut files = Vec::new();
    for flavor in Flavor::ALL {
        for target in Target::all() {
            files.push((
                format!("{}{}", flavor.dir(), target.file_name()),
                schema(target, flavor),
            ));
        }
    }
    for (name, value) in [
        (
            "update_webhook_request",
            config_schema::<UpdateWebhookRequest>("update_webhook_request"),
        ),
        (
            "update_every_webhooks_request",
            config_schema::<UpdateEveryWebhooksRequest>("update_every_webhooks_request"),
        ),
        (
            "update_notify_sent_by_me_request",
            config_schema::<UpdateNotifySentByMeRequest>("update_notify_sent_by_me_request"),
        ),
        (
            "update_webhook_response",
            config_schema::<UpdateWebhookResponse>("update_webhook_response"),
        ),
    ] {
        files.push((format!("config/{name}.schema.json"), value));
    }
    files
}
