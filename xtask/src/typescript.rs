//! The TypeScript types of the npm package (`packages/npm/index.d.ts`, written by
//! [`crate::packages`]), generated from the permissive JSON Schemas.
//!
//! The input is the set of named schemas of the OpenAPI document ([`crate::openapi`]): every
//! callback, every definition, every webhook-configuration body, with `$ref`s into
//! `#/components/schemas/`. Each becomes one exported type:
//!
//! * an object schema becomes an `interface`; a property not in `required` is optional, and a
//!   nullable one (`"type": [T, "null"]`, or `{"if": {"type": "null"}, "else": X}`) adds `| null`;
//! * an object that allows unknown keys (no `"additionalProperties": false`) gets
//!   `[key: string]: unknown`, see the header of the generated file for why;
//! * `anyOf` becomes a union; string `const`s next to a plain `{"type": "string"}` branch are an
//!   open enum, `"A" | "B" | (string & {})`;
//! * the `Callback` schema's branches (`if type is one of these spellings, then $ref`) become a
//!   union discriminated on `type`, each member's `type` narrowed to its spellings.
//!
//! A keyword or pattern this file does not know fails the generation instead of being emitted
//! as `unknown`, so a model change cannot quietly weaken the types.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use zapi_webhooks::{CallbackType, Kind};

use crate::openapi::{SCHEMA_REF, definitions};

/// The first line of every generated file that can hold a comment.
const NOTICE: &str =
    "Generated from the zapi-webhooks JSON Schemas by `cargo xtask codegen`; do not edit by hand.";

/// The TypeScript declarations of every named schema: `index.d.ts` of the npm package
/// (`crate::packages`), which adds the declarations of its small runtime entry.
pub(crate) fn declarations() -> Result<String, String> {
    index_d_ts(&definitions()?)
}

// ---------------------------------------------------------------------------------------------
// index.d.ts

/// Keywords that constrain values in ways TypeScript cannot express, or only annotate: they are
/// not translated (the descriptions become doc comments).
pub(crate) const IGNORED_KEYWORDS: &[&str] = &[
    "description",
    "title",
    "$comment",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
];

/// Keywords translated into types.
const TYPE_KEYWORDS: &[&str] = &[
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "$ref",
    "anyOf",
    "const",
    "enum",
    "if",
    "then",
    "else",
];

/// Any JSON value that is not an object, for `{"if": {"type": "object"}, "then": X}`.
const NOT_AN_OBJECT: &str = "string | number | boolean | null | unknown[]";

const HEADER: &str = "\
/**
 * TypeScript types for Z-API (WhatsApp) webhook bodies, from the permissive JSON Schemas of
 * the zapi-webhooks models.
 *
 * - `Callback` is a union discriminated on `type`; each callback's `type` is required here and
 *   narrowed to the two spellings the docs use.
 * - A documented field may be absent or `null`, as in the schemas: `field?: T | null`.
 * - Known values of open enums are listed, and any other string is allowed too:
 *   `\"READ\" | \"PLAYED\" | (string & {})` (editors still suggest the known values).
 * - Objects that accept unknown keys have `[key: string]: unknown`. Z-API adds fields without
 *   notice and the models keep them, so an object literal with a key not listed here must
 *   type-check (TypeScript's excess-property check would reject it otherwise). A listed key
 *   with a value of the wrong type is still an error (`fromMe: \"yes\"` does not compile);
 *   the price is that a misspelled key is taken as an unknown one, and reading an unlisted key
 *   gives `unknown`, which must be narrowed before use.
 *
 * @packageDocumentation
 */
";

/// The whole `index.d.ts`.
fn index_d_ts(definitions: &BTreeMap<String, Value>) -> Result<String, String> {
    for name in definitions.keys() {
        if !is_identifier(name) {
            return Err(format!("`{name}` cannot name a TypeScript type"));
        }
    }
    let generator = Generator { definitions };
    let callbacks = generator.callback_branches()?;
    let mut out = format!("// {NOTICE}\n{HEADER}");

    // The union.
    let members: Vec<&str> = callbacks.iter().map(|(name, _)| name.as_str()).collect();
    out.push('\n');
    out.push_str(&doc_comment(
        "Any callback described here, discriminated on `type`. Z-API may also send callbacks \
         with another `type` (the JSON Schema accepts them as unknown); they are not part of \
         this union, so check `type` before trusting the shape.",
        0,
    ));
    out.push_str(&type_alias("Callback", &members.join(" | ")));

    // The callbacks, with `type` narrowed to their spellings.
    for (name, spellings) in &callbacks {
        let schema = generator.definition(name)?;
        if schema.pointer("/properties/type").is_none() {
            return Err(format!("{name} has no `type` property to discriminate on"));
        }
        let literals: Vec<String> = spellings.iter().map(|s| literal(s)).collect();
        let discriminant = Override {
            ts: literals.join(" | "),
            doc: format!(
                "The callback type: {}. Required here so that `Callback` can be narrowed on \
                 it (the JSON Schema also accepts a body without it).",
                spellings
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        };
        out.push('\n');
        out.push_str(&generator.declaration(name, schema, &[("type", discriminant)])?);
    }

    // One type per received kind, and a map from kind name to type.
    out.push_str(&generator.received_kinds()?);

    // Everything else, by name.
    for (name, schema) in definitions {
        if name == "Callback" || callbacks.iter().any(|(callback, _)| callback == name) {
            continue;
        }
        out.push('\n');
        out.push_str(&generator.declaration(name, schema, &[])?);
    }
    Ok(out)
}

/// A property whose type (and doc) is given instead of derived; it is required.
struct Override {
    ts: String,
    doc: String,
}

pub(crate) struct Generator<'a> {
    pub(crate) definitions: &'a BTreeMap<String, Value>,
}

impl Generator<'_> {
    pub(crate) fn definition(&self, name: &str) -> Result<&Value, String> {
        self.definitions
            .get(name)
            .ok_or_else(|| format!("no schema named `{name}`"))
    }

    /// The callbacks of the `Callback` schema, in its order: type name and `type` spellings.
    /// Its shape is `allOf: [{if: {properties: {type: {enum: [...]}}, required: ["type"]},
    /// then: {$ref}}]`.
    pub(crate) fn callback_branches(&self) -> Result<Vec<(String, Vec<String>)>, String> {
        let schema = self.definition("Callback")?;
        let Some(branches) = schema["allOf"].as_array() else {
            return Err("Callback: expected `allOf` branches".to_owned());
        };
        let mut callbacks = Vec::new();
        for (index, branch) in branches.iter().enumerate() {
            let spellings: Option<Vec<String>> = branch
                .pointer("/if/properties/type/enum")
                .and_then(Value::as_array)
                .map(|values| {
                    values
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                });
            let target = branch
                .pointer("/then/$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix(SCHEMA_REF));
            match (spellings, target) {
                (Some(spellings), Some(target)) if !spellings.is_empty() => {
                    self.definition(target)?;
                    callbacks.push((target.to_owned(), spellings));
                }
                _ => {
                    return Err(format!(
                        "Callback/allOf/{index}: expected {{if: {{properties: {{type: {{enum}}}}}}, then: {{$ref}}}}"
                    ));
                }
            }
        }
        let expected: Vec<&str> = CallbackType::ALL.iter().map(|c| c.type_value()).collect();
        let found: Vec<&str> = callbacks.iter().map(|(name, _)| name.as_str()).collect();
        if found != expected {
            return Err(format!(
                "Callback's branches are {found:?}, expected {expected:?}"
            ));
        }
        Ok(callbacks)
    }

    /// `ReceivedText`, `ReceivedImage`, ...: a `ReceivedCallback` whose content key is set; and
    /// `ReceivedKinds`, from kind name to that type.
    fn received_kinds(&self) -> Result<String, String> {
        let base = CallbackType::Received.type_value();
        let properties = self.definition(base)?["properties"]
            .as_object()
            .ok_or_else(|| format!("{base} has no properties"))?;
        let mut out = String::new();
        let mut listed = Vec::new();
        for &kind in Kind::ALL {
            let name = format!("Received{}", pascal_case(kind.as_str()));
            if self.definitions.contains_key(&name) {
                return Err(format!(
                    "the type of kind `{kind}` would be `{name}`, which a schema already names"
                ));
            }
            let (key, ts, condition, about) = if let Some(key) = kind.content_key() {
                let schema = properties.get(key).ok_or_else(|| {
                    format!("{base} has no property `{key}` (content key of kind `{kind}`)")
                })?;
                let Some(inner) = nullable_inner(schema) else {
                    return Err(format!(
                        "{base}/{key}: expected {{if: {{type: null}}, else: X}}"
                    ));
                };
                let description = description(schema);
                let about = description
                    .split(" Content key:")
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let ts = self.type_of(inner, &format!("{base}/{key}"), 1)?;
                (
                    key,
                    ts,
                    format!("whose `{key}` is present and not null"),
                    about,
                )
            } else if kind.as_str() == "waiting_message" {
                let key = "waitingMessage";
                if properties.get(key).and_then(|s| s.get("type"))
                    != Some(&serde_json::json!(["boolean", "null"]))
                {
                    return Err(format!("{base}/{key}: expected a nullable boolean"));
                }
                let about = "No content yet: WhatsApp is waiting for the message.".to_owned();
                let condition = format!("with no content key and `{key}: true`");
                (key, "true".to_owned(), condition, about)
            } else if kind.as_str() == "unknown" {
                // A payload with no content key the models know: plain `ReceivedCallback`.
                continue;
            } else {
                return Err(format!(
                    "kind `{kind}` has no content key; decide how to type it in {}",
                    file!()
                ));
            };
            out.push('\n');
            out.push_str(&doc_comment(
                &format!("Kind `{kind}`: a `{base}` {condition}.\n\n{about}"),
                0,
            ));
            out.push_str(&format!("export interface {name} extends {base} {{\n"));
            out.push_str(&format!("  {}: {ts};\n}}\n", property_key(key)));
            listed.push((kind.as_str(), name));
        }
        out.push('\n');
        out.push_str(&doc_comment(
            &format!(
                "The type of each kind of `{base}`, by kind name (the `kind` of the fixtures \
                 manifest). When a body holds several content keys, the kind is the one listed \
                 first here; a body with none that the models know is of kind `unknown`, a \
                 plain `{base}`."
            ),
            0,
        ));
        out.push_str("export interface ReceivedKinds {\n");
        for (kind, name) in &listed {
            out.push_str(&format!("  {}: {name};\n", property_key(kind)));
        }
        out.push_str("}\n\n/** The name of a kind of `ReceivedCallback` that has a type. */\n");
        out.push_str("export type ReceivedKind = keyof ReceivedKinds;\n");
        Ok(out)
    }

    /// The exported declaration of a named schema: an interface for an object, else a type
    /// alias.
    fn declaration(
        &self,
        name: &str,
        schema: &Value,
        overrides: &[(&str, Override)],
    ) -> Result<String, String> {
        let doc = documentation(schema);
        let mut out = doc_comment(&doc, 0);
        if schema.get("type") == Some(&Value::String("object".to_owned())) {
            let Value::Object(map) = schema else {
                return Err(format!("{name} is not an object schema"));
            };
            self.check_keywords(map, name)?;
            out.push_str(&format!("export interface {name} "));
            out.push_str(&self.object_body(map, name, 0, overrides)?);
            out.push('\n');
        } else {
            if !overrides.is_empty() {
                return Err(format!(
                    "{name}: properties can only be narrowed on an object"
                ));
            }
            out.push_str(&type_alias(name, &self.type_of(schema, name, 0)?));
        }
        Ok(out)
    }

    /// `{ ...members }` of an object schema, closing brace at `indent` levels.
    fn object_body(
        &self,
        map: &Map<String, Value>,
        at: &str,
        indent: usize,
        overrides: &[(&str, Override)],
    ) -> Result<String, String> {
        let pad = "  ".repeat(indent + 1);
        let named: Vec<&str> = overrides.iter().map(|(name, _)| *name).collect();
        let members = Members::of(map, at, &named)?;
        let mut out = String::from("{\n");
        for (name, schema) in members.properties {
            let here = format!("{at}/{name}");
            let (ts, optional, doc) =
                if let Some((_, given)) = overrides.iter().find(|(n, _)| *n == name) {
                    (given.ts.clone(), false, given.doc.clone())
                } else {
                    (
                        self.type_of(schema, &here, indent + 1)?,
                        !members.required.contains(&name),
                        description(schema).to_owned(),
                    )
                };
            out.push_str(&doc_comment(&doc, indent + 1));
            let mark = if optional { "?" } else { "" };
            out.push_str(&format!("{pad}{}{mark}: {ts};\n", property_key(name)));
        }
        if members.open {
            out.push_str(&doc_comment(
                "A key not described here, kept as sent.",
                indent + 1,
            ));
            out.push_str(&format!("{pad}[key: string]: unknown;\n"));
        }
        out.push_str(&"  ".repeat(indent));
        out.push('}');
        Ok(out)
    }

    /// Fails on a keyword that is neither translated nor known to be safe to ignore.
    pub(crate) fn check_keywords(&self, map: &Map<String, Value>, at: &str) -> Result<(), String> {
        for keyword in map.keys() {
            if !TYPE_KEYWORDS.contains(&keyword.as_str())
                && !IGNORED_KEYWORDS.contains(&keyword.as_str())
            {
                return Err(format!(
                    "{at}: keyword `{keyword}` has no TypeScript translation in {}",
                    file!()
                ));
            }
        }
        Ok(())
    }

    /// What `schema` is, as far as a type goes: one of the patterns of [`Shape`], checked
    /// (known keywords only, no keyword beside one it cannot go with, `$ref`s that resolve, a
    /// `type` beside `anyOf` that fits every branch). Anything else is an error naming `at`.
    pub(crate) fn shape<'s>(&self, schema: &'s Value, at: &str) -> Result<Shape<'s>, String> {
        let map = match schema {
            Value::Bool(true) => return Ok(Shape::Anything),
            Value::Bool(false) => return Ok(Shape::Nothing),
            Value::Object(map) => map,
            _ => return Err(format!("{at}: a schema must be an object or a boolean")),
        };
        self.check_keywords(map, at)?;
        let structural: Vec<&str> = map
            .keys()
            .map(String::as_str)
            .filter(|k| TYPE_KEYWORDS.contains(k))
            .collect();
        let only = |allowed: &[&str]| structural.iter().all(|k| allowed.contains(k));

        if let Some(target) = map.get("$ref") {
            if !only(&["$ref"]) {
                return Err(format!("{at}: `$ref` next to other keywords"));
            }
            let name = target
                .as_str()
                .and_then(|r| r.strip_prefix(SCHEMA_REF))
                .ok_or_else(|| format!("{at}: unexpected $ref {target}"))?;
            self.definition(name)?;
            return Ok(Shape::Ref(name));
        }
        if let Some(condition) = map.get("if") {
            if let Some(inner) = nullable_inner(schema) {
                return Ok(Shape::Nullable(inner));
            }
            if *condition == serde_json::json!({ "type": "object" }) && only(&["if", "then"]) {
                return Ok(Shape::IfObject(&map["then"]));
            }
            return Err(format!(
                "{at}: only {{if: {{type: null}}, else: X}} and {{if: {{type: object}}, then: X}} can be translated"
            ));
        }
        if let Some(branches) = map.get("anyOf") {
            return self.any_of(map, branches, at, &structural);
        }
        if let Some(value) = map.get("const") {
            if !only(&["const", "type"]) {
                return Err(format!("{at}: `const` next to other keywords"));
            }
            return Ok(Shape::Const(value));
        }
        if let Some(values) = map.get("enum") {
            if !only(&["enum", "type"]) {
                return Err(format!("{at}: `enum` next to other keywords"));
            }
            let values = values
                .as_array()
                .ok_or_else(|| format!("{at}/enum is not an array"))?;
            return Ok(Shape::Enum(values));
        }
        let types: Vec<&str> = match map.get("type") {
            None => {
                if structural.is_empty() {
                    return Ok(Shape::Anything);
                }
                return Err(format!("{at}: {structural:?} without `type`"));
            }
            Some(Value::String(one)) => vec![one.as_str()],
            Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
            Some(other) => return Err(format!("{at}/type: unexpected {other}")),
        };
        if let Some(other) = types.iter().find(|ty| !JSON_TYPES.contains(ty)) {
            return Err(format!("{at}: unknown type `{other}`"));
        }
        Ok(Shape::Types(types, map))
    }

    /// The TypeScript type of a schema. `indent` is the nesting level of inline objects.
    fn type_of(&self, schema: &Value, at: &str, indent: usize) -> Result<String, String> {
        Ok(match self.shape(schema, at)? {
            Shape::Anything => "unknown".to_owned(),
            Shape::Nothing => "never".to_owned(),
            Shape::Ref(name) => name.to_owned(),
            Shape::Nullable(inner) => union([
                self.type_of(inner, &format!("{at}/else"), indent)?,
                "null".to_owned(),
            ]),
            Shape::IfObject(then) => union([
                self.type_of(then, &format!("{at}/then"), indent)?,
                NOT_AN_OBJECT.to_owned(),
            ]),
            Shape::AnyOf(branches) => {
                // A plain `{"type": "string"}` branch next to string constants makes the enum
                // open: `(string & {})` keeps the constants visible to editors.
                let has_string_const = branches
                    .iter()
                    .any(|b| b.get("const").is_some_and(Value::is_string));
                let mut parts = Vec::new();
                for (index, branch) in branches.iter().enumerate() {
                    let plain_string = branch.as_object().is_some_and(|b| {
                        b.get("type") == Some(&Value::String("string".to_owned()))
                            && b.keys()
                                .all(|k| k == "type" || k == "description" || k == "title")
                    });
                    parts.push(if plain_string && has_string_const {
                        "(string & {})".to_owned()
                    } else {
                        self.type_of(branch, &format!("{at}/anyOf/{index}"), indent)?
                    });
                }
                union(parts)
            }
            Shape::Const(value) => literal_of(value, at)?,
            Shape::Enum(values) => union(
                values
                    .iter()
                    .map(|v| literal_of(v, at))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            Shape::Types(types, map) => {
                let mut parts = Vec::new();
                for ty in types {
                    parts.push(match ty {
                        "null" => "null".to_owned(),
                        "string" => "string".to_owned(),
                        "integer" | "number" => "number".to_owned(),
                        "boolean" => "boolean".to_owned(),
                        "array" => match map.get("items") {
                            None => "unknown[]".to_owned(),
                            Some(items) => {
                                let item = self.type_of(items, &format!("{at}/items"), indent)?;
                                if item.contains(' ') {
                                    format!("({item})[]")
                                } else {
                                    format!("{item}[]")
                                }
                            }
                        },
                        _ => self.object_body(map, at, indent, &[])?,
                    });
                }
                union(parts)
            }
        })
    }

    /// Checks `anyOf`: nothing beside it but a `type`, which must fit every branch (as in an
    /// enum of strings).
    fn any_of<'s>(
        &self,
        map: &Map<String, Value>,
        branches: &'s Value,
        at: &str,
        structural: &[&str],
    ) -> Result<Shape<'s>, String> {
        let branches = branches
            .as_array()
            .ok_or_else(|| format!("{at}/anyOf is not an array"))?;
        let outer = match map.get("type") {
            None => None,
            Some(Value::String(ty)) => Some(ty.as_str()),
            Some(other) => return Err(format!("{at}/type: unexpected {other} beside anyOf")),
        };
        if structural.iter().any(|k| !["anyOf", "type"].contains(k)) {
            return Err(format!("{at}: `anyOf` next to other keywords"));
        }
        if let Some(outer) = outer {
            for (index, branch) in branches.iter().enumerate() {
                let ty = match (branch.get("const"), branch.get("type")) {
                    (Some(value), _) => json_type(value),
                    (None, Some(Value::String(ty))) => ty.as_str(),
                    _ => "",
                };
                if ty != outer && !(outer == "number" && ty == "integer") {
                    return Err(format!(
                        "{at}/anyOf/{index}: does not fit the outer type `{outer}`"
                    ));
                }
            }
        }
        Ok(Shape::AnyOf(branches))
    }
}

/// The members of an object schema.
pub(crate) struct Members<'s> {
    /// The properties, in the schema's order.
    pub(crate) properties: Vec<(&'s str, &'s Value)>,
    /// The names in `required`.
    pub(crate) required: Vec<&'s str>,
    /// Whether keys not listed are allowed (`additionalProperties` absent or `true`).
    pub(crate) open: bool,
}

impl<'s> Members<'s> {
    /// Reads them from `map`; every required name, and every name of `named` (keys the caller
    /// types itself), must be a property. `additionalProperties` other than a boolean fails.
    pub(crate) fn of(
        map: &'s Map<String, Value>,
        at: &str,
        named: &[&str],
    ) -> Result<Members<'s>, String> {
        let properties: Vec<(&str, &Value)> = match map.get("properties") {
            None => Vec::new(),
            Some(Value::Object(properties)) => properties
                .iter()
                .map(|(name, schema)| (name.as_str(), schema))
                .collect(),
            Some(_) => return Err(format!("{at}/properties is not an object")),
        };
        let required: Vec<&str> = match map.get("required") {
            None => Vec::new(),
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            Some(_) => return Err(format!("{at}/required is not an array")),
        };
        let has = |name: &str| properties.iter().any(|(property, _)| *property == name);
        if let Some(name) = required.iter().find(|name| !has(name)) {
            return Err(format!(
                "{at}: required `{name}` is not among the properties"
            ));
        }
        if let Some(name) = named.iter().find(|name| !has(name)) {
            return Err(format!("{at}: `{name}` is not among the properties"));
        }
        let open = match map.get("additionalProperties") {
            None | Some(Value::Bool(true)) => true,
            Some(Value::Bool(false)) => false,
            Some(_) => {
                return Err(format!(
                    "{at}/additionalProperties: only true or false can be translated"
                ));
            }
        };
        Ok(Members {
            properties,
            required,
            open,
        })
    }
}

/// The JSON type names `type` may hold.
const JSON_TYPES: &[&str] = &[
    "null", "boolean", "integer", "number", "string", "array", "object",
];

/// The patterns of schema the generated schemas use, each of which becomes a type (see
/// [`Generator::shape`]); the TypeScript and the Python generator translate these and nothing
/// else.
pub(crate) enum Shape<'a> {
    /// `true`, or no keyword that constrains the type: any value.
    Anything,
    /// `false`: no value.
    Nothing,
    /// A `$ref` to the named schema (which exists).
    Ref(&'a str),
    /// `{"if": {"type": "null"}, "else": X}`: null, or X.
    Nullable(&'a Value),
    /// `{"if": {"type": "object"}, "then": X}`: X when an object, else any other value.
    IfObject(&'a Value),
    /// `anyOf`: any of the branches.
    AnyOf(&'a [Value]),
    /// `const`: that value.
    Const(&'a Value),
    /// `enum`: one of the values.
    Enum(&'a [Value]),
    /// `type`: one of the JSON types named (known ones), with the rest of the schema
    /// (`items`, `properties`, ...).
    Types(Vec<&'a str>, &'a Map<String, Value>),
}

/// `X` of `{"if": {"type": "null"}, "else": X}` (nothing else but annotations): null, or X.
pub(crate) fn nullable_inner(schema: &Value) -> Option<&Value> {
    let map = schema.as_object()?;
    let structural_ok = map
        .keys()
        .all(|k| ["if", "else"].contains(&k.as_str()) || IGNORED_KEYWORDS.contains(&k.as_str()));
    (structural_ok && map.get("if")? == &serde_json::json!({ "type": "null" }))
        .then(|| map.get("else"))
        .flatten()
}

/// The JSON type name of a value, as in `"type"`.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A TypeScript literal type for a JSON scalar.
fn literal_of(value: &Value, at: &str) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(literal(s)),
        Value::Number(_) | Value::Bool(_) | Value::Null => Ok(value.to_string()),
        _ => Err(format!("{at}: only scalar constants can be literal types")),
    }
}

/// A string literal (JSON's escaping is valid TypeScript).
fn literal(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// A value in backticks for a doc comment.
fn code(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// `export type name = ts;`, with a long union put one member per line.
fn type_alias(name: &str, ts: &str) -> String {
    let line = format!("export type {name} = {ts};\n");
    let members = split_outside(ts, '|');
    if line.len() <= WIDTH + 1 || members.len() < 2 {
        return line;
    }
    let mut out = format!("export type {name} =");
    for member in members {
        out.push_str(&format!("\n  | {member}"));
    }
    out.push_str(";\n");
    out
}

/// `text` split at each `separator` outside brackets (`()`, `{}`, `[]`, `<>`) and string
/// literals, each part trimmed: the members of a union type (`|`), the arguments of a Python
/// `X[...]` (`,`).
pub(crate) fn split_outside(text: &str, separator: char) -> Vec<&str> {
    let mut members = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut start) = (0i32, false, false, 0);
    for (index, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '{' | '[' | '<' => depth += 1,
            ')' | '}' | ']' | '>' => depth -= 1,
            _ if c == separator && depth == 0 => {
                members.push(text[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    members.push(text[start..].trim());
    members
}

/// The members joined with `|`, each once, in order.
fn union(parts: impl IntoIterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for part in parts {
        if !seen.contains(&part) {
            seen.push(part);
        }
    }
    seen.join(" | ")
}

/// The description of a named schema, with the known values of an enum (the `const`s of its
/// `anyOf`) listed after it, each with what it means.
pub(crate) fn documentation(schema: &Value) -> String {
    let mut doc = description(schema).to_owned();
    if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
        let known: Vec<String> = branches
            .iter()
            .filter_map(|branch| {
                let value = branch.get("const")?;
                let meaning = branch.get("description").and_then(Value::as_str);
                Some(match meaning {
                    Some(meaning) => format!("- {}: {meaning}", code(value)),
                    None => format!("- {}", code(value)),
                })
            })
            .collect();
        if !known.is_empty() {
            doc.push_str("\n\n");
            doc.push_str(&known.join("\n"));
        }
    }
    doc
}

pub(crate) fn description(schema: &Value) -> &str {
    schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// A property name, quoted unless it is an identifier.
fn property_key(name: &str) -> String {
    if is_identifier(name) {
        name.to_owned()
    } else {
        literal(name)
    }
}

/// `hydrated_template` → `HydratedTemplate`.
pub(crate) fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

/// Maximum width of a doc comment line.
const WIDTH: usize = 100;

/// A `/** ... */` comment at `indent` levels, wrapped; empty text gives nothing. Lines of the
/// text are kept (a line starting with `- ` is a list item, continued two spaces further in).
fn doc_comment(text: &str, indent: usize) -> String {
    let text = text.trim().replace("*/", "*\\/");
    if text.is_empty() {
        return String::new();
    }
    let pad = "  ".repeat(indent);
    let room = WIDTH.saturating_sub(pad.len() + 3).max(40);
    if !text.contains('\n') && text.len() + 7 <= room + 3 {
        return format!("{pad}/** {text} */\n");
    }
    let mut out = format!("{pad}/**\n");
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push_str(&format!("{pad} *\n"));
            continue;
        }
        let continuation = if line.starts_with("- ") { "  " } else { "" };
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() && current.len() + 1 + word.len() > room {
                out.push_str(&format!("{pad} * {current}\n"));
                current = continuation.to_owned();
            } else if !current.is_empty() && current != continuation {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&format!("{pad} * {current}\n"));
    }
    out.push_str(&format!("{pad} */\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn generator_with(definitions: &BTreeMap<String, Value>) -> Generator<'_> {
        Generator { definitions }
    }

    #[test]
    fn schema_patterns_become_types() {
        let mut definitions = BTreeMap::new();
        definitions.insert("Audio".to_owned(), json!({ "type": "object" }));
        let generator = generator_with(&definitions);
        let cases = [
            (json!({ "type": ["string", "null"] }), "string | null"),
            (
                json!({ "type": ["integer", "null"], "minimum": 0 }),
                "number | null",
            ),
            (
                json!({ "if": { "type": "null" }, "else": { "$ref": "#/components/schemas/Audio" } }),
                "Audio | null",
            ),
            (
                json!({ "type": ["array", "null"], "items": { "$ref": "#/components/schemas/Audio" } }),
                "Audio[] | null",
            ),
            (
                json!({ "type": "array", "items": { "type": ["string", "null"] } }),
                "(string | null)[]",
            ),
            (
                json!({ "type": "string", "anyOf": [
                    { "const": "A", "description": "a" }, { "const": "B" },
                    { "type": "string", "description": "other" }
                ] }),
                "\"A\" | \"B\" | (string & {})",
            ),
            (
                json!({ "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^[0-9]+$" }] }),
                "number | string",
            ),
            (
                json!({ "if": { "type": "object" }, "then": { "$ref": "#/components/schemas/Audio" } }),
                "Audio | string | number | boolean | null | unknown[]",
            ),
            (json!({ "enum": ["x", 1, null] }), "\"x\" | 1 | null"),
            (json!(true), "unknown"),
            (json!({ "description": "anything" }), "unknown"),
        ];
        for (schema, expected) in cases {
            assert_eq!(
                generator.type_of(&schema, "t", 0).expect("type"),
                expected,
                "{schema}"
            );
        }
        let object = json!({
            "type": "object",
            "properties": { "a-b": { "type": "string" }, "n": { "type": "integer" } },
            "required": ["n"],
            "additionalProperties": false
        });
        assert_eq!(
            generator.type_of(&object, "t", 0).expect("type"),
            "{\n  \"a-b\"?: string;\n  n: number;\n}"
        );
    }

    #[test]
    fn unknown_keywords_and_patterns_fail() {
        let definitions = BTreeMap::new();
        let generator = generator_with(&definitions);
        for schema in [
            json!({ "oneOf": [{ "type": "string" }] }),
            json!({ "not": { "type": "string" } }),
            json!({ "if": { "type": "string" }, "then": true }),
            json!({ "$ref": "#/components/schemas/Missing" }),
            json!({ "type": "object", "additionalProperties": { "type": "string" } }),
            json!({ "type": "string", "anyOf": [{ "const": 1 }] }),
        ] {
            assert!(generator.type_of(&schema, "t", 0).is_err(), "{schema}");
        }
    }

    #[test]
    fn the_declarations_cover_every_callback_and_kind() {
        let text = index_d_ts(&definitions().expect("definitions")).expect("generates");
        assert!(text.starts_with(&format!("// {NOTICE}\n")));
        let members: Vec<&str> = CallbackType::ALL.iter().map(|c| c.type_value()).collect();
        assert!(text.contains(&type_alias("Callback", &members.join(" | "))));
        for callback in CallbackType::ALL {
            let [a, b] = callback.spellings();
            assert!(text.contains(&format!("export interface {} {{", callback.type_value())));
            assert!(text.contains(&format!("  type: \"{a}\" | \"{b}\";")), "{a}");
        }
        for kind in Kind::ALL {
            if kind.as_str() != "unknown" {
                let name = format!("Received{}", pascal_case(kind.as_str()));
                assert!(text.contains(&format!(
                    "export interface {name} extends ReceivedCallback {{"
                )));
            }
        }
        assert!(text.contains("  fromMe?: boolean | null;"));
        assert!(text.contains("  [key: string]: unknown;"));
        assert!(text.contains("| (string & {});"));
    }

    #[test]
    fn doc_comments_wrap_and_escape() {
        assert_eq!(doc_comment("Short.", 1), "  /** Short. */\n");
        assert_eq!(doc_comment("", 0), "");
        let long = format!(
            "{} end */ x\n- item {}",
            "word ".repeat(30),
            "more ".repeat(25)
        );
        let out = doc_comment(&long, 0);
        assert!(out.lines().all(|line| line.len() <= WIDTH), "{out}");
        assert!(out.contains("end *\\/ x"));
        assert!(out.contains(" * - item more"));
        assert!(out.contains(" *   more"));
    }

    #[test]
    fn long_unions_go_one_member_per_line() {
        assert_eq!(type_alias("A", "\"x\" | B"), "export type A = \"x\" | B;\n");
        let long = format!("\"{}|\" | {{ a: B | C }} | (string & {{}})", "y".repeat(90));
        assert_eq!(
            type_alias("A", &long),
            format!(
                "export type A =\n  | \"{}|\"\n  | {{ a: B | C }}\n  | (string & {{}});\n",
                "y".repeat(90)
            )
        );
    }

    #[test]
    fn names() {
        assert_eq!(pascal_case("hydrated_template"), "HydratedTemplate");
        assert_eq!(property_key("fromMe"), "fromMe");
        assert_eq!(property_key("a-b"), "\"a-b\"");
    }
}
