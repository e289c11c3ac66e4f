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
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};

use crate::{
    Callback, CallbackType, ConnectedCallback, DeliveryCallback, DisconnectedCallback,
    MessageStatusCallback, PresenceChatCallback, ReceivedCallback,
};

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

/// The schema of `target` in `flavor`, as a JSON value ready to write or compile.
pub fn schema(target: Target, flavor: Flavor) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let root = match target {
        Target::Any => generator.into_root_schema_for::<Callback>(),
        Target::One(CallbackType::Received) => generator.into_root_schema_for::<ReceivedCallback>(),
        Target::One(CallbackType::Delivery) => generator.into_root_schema_for::<DeliveryCallback>(),
        Target::One(CallbackType::MessageStatus) => {
            generator.into_root_schema_for::<MessageStatusCallback>()
        }
        Target::One(CallbackType::PresenceChat) => {
            generator.into_root_schema_for::<PresenceChatCallback>()
        }
        Target::One(CallbackType::Connected) => {
            generator.into_root_schema_for::<ConnectedCallback>()
        }
        Target::One(CallbackType::Disconnected) => {
            generator.into_root_schema_for::<DisconnectedCallback>()
        }
    };
    let mut value = root.to_value();
    if flavor == Flavor::Strict {
        make_strict(&mut value, target == Target::Any);
    }
    strip_formats(&mut value);
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

/// Removes schemars' `format` annotations (`uint64`, `double`, ...): they constrain nothing in
/// draft 2020-12, and validators in strict modes (ajv) reject unknown formats. Only string-valued
/// `format` keywords are removed, never a property that happens to be named `format`.
fn strip_formats(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if matches!(map.get("format"), Some(Value::String(_))) {
                map.remove("format");
            }
            map.values_mut().for_each(strip_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_formats),
        _ => {}
    }
}

/// Sets `additionalProperties: false` on every modeled object: every schema with `properties`
/// and `"type": "object"`. The union's root (which only checks `type`) is left open, as an
/// unknown callback must stay valid.
fn make_strict(value: &mut Value, skip_root: bool) {
    fn walk(value: &mut Value, is_root: bool, skip_root: bool) {
        match value {
            Value::Object(map) => {
                let modeled = map.get("type") == Some(&Value::String("object".to_owned()))
                    && map.contains_key("properties");
                if modeled && !(is_root && skip_root) {
                    map.insert("additionalProperties".to_owned(), Value::Bool(false));
                }
                for child in map.values_mut() {
                    walk(child, false, skip_root);
                }
            }
            Value::Array(items) => {
                for item in items {
                    walk(item, false, skip_root);
                }
            }
            _ => {}
        }
    }
    walk(value, true, skip_root);
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
            let target = match callback {
                CallbackType::Received => generator.subschema_for::<ReceivedCallback>(),
                CallbackType::Delivery => generator.subschema_for::<DeliveryCallback>(),
                CallbackType::MessageStatus => generator.subschema_for::<MessageStatusCallback>(),
                CallbackType::PresenceChat => generator.subschema_for::<PresenceChatCallback>(),
                CallbackType::Connected => generator.subschema_for::<ConnectedCallback>(),
                CallbackType::Disconnected => generator.subschema_for::<DisconnectedCallback>(),
            };
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
    let mut value = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    strip_formats(&mut value);
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
