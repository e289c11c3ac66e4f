//! `packages/python/`: the Python package `zapi_webhooks` (distribution `zapi-webhooks`).
//!
//! `types.py` holds one `TypedDict` or type alias per named schema, with the names of the
//! TypeScript types ([`crate::typescript`]): the same schema patterns are read (with the
//! TypeScript generator's helpers), and one that has no Python translation fails the
//! generation. `_catalog.py` holds the version and the callback names, the README comes from the
//! template beside this file, the schemas and examples are package data. `__init__.py`
//! (`schema()`, `validate()`, `examples()`) is written by hand in the package ([`HAND_WRITTEN`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use zapi_webhooks::{CallbackType, Kind};

use super::{File, Inputs, NOTICE, PACKAGE_NAME, callback_names, fill};
use crate::openapi::definitions;
use crate::typescript::{
    Generator, Members, Shape, description, documentation, nullable_inner, pascal_case,
    split_outside,
};

/// The import name.
const MODULE: &str = "zapi_webhooks";

/// Every file of the package folder.
pub(super) fn files(inputs: &Inputs) -> Result<Vec<File>, String> {
    let version = inputs.package.version.as_str();
    let callbacks = callback_names();
    let values = [
        ("VERSION", version),
        ("NAME", PACKAGE_NAME),
        ("MODULE", MODULE),
        ("LICENSE", inputs.package.license.as_str()),
        ("CALLBACKS", callbacks.as_str()),
        ("NOTICE", NOTICE),
    ];
    let package = format!("src/{MODULE}/");
    let mut files = vec![
        (
            "pyproject.toml".to_owned(),
            fill(
                include_str!("templates/pyproject.toml"),
                &values,
                "pyproject.toml",
            )?,
        ),
        (
            "README.md".to_owned(),
            fill(
                include_str!("templates/python-README.md"),
                &values,
                "the Python README",
            )?,
        ),
        (
            format!("{package}_catalog.py"),
            catalog_py(version, &callbacks),
        ),
        (format!("{package}types.py"), types_py(&definitions()?)?),
        (format!("{package}py.typed"), String::new()),
    ];
    files.extend(inputs.licences.iter().cloned());
    files.extend(inputs.data_files(&package)?);
    Ok(files)
}

/// The files of the package written by hand (relative to the package folder): the runtime code,
/// `schema()`, `validate()` and `examples()`. It lives where it is shipped, so it is written
/// once; what it needs from the generator (the version, the callback names) it imports from
/// `_catalog.py`.
pub(super) const HAND_WRITTEN: &[&str] = &["src/zapi_webhooks/__init__.py"];

/// `_catalog.py`: the version and the callback names, for the hand-written `__init__.py`.
fn catalog_py(version: &str, callbacks: &str) -> String {
    format!(
        "# {NOTICE}\n\"\"\"The version of the package and the names of its callbacks.\"\"\"\n\n\
         from typing import Tuple\n\n__version__ = \"{version}\"\n\n\
         CALLBACKS: Tuple[str, ...] = ({callbacks})\n\
         \"\"\"The callback names: each has a schema of its own, and its examples are \
         `<name>/...`.\"\"\"\n"
    )
}

/// The header of `types.py`, after the notice. What the types mean (optional keys, open enums,
/// the kinds) is told once, in the package README.
const HEADER: &str = r#""""`TypedDict`s of the JSON bodies Z-API (WhatsApp) POSTs to webhooks; see the README.

Generated from the permissive JSON Schemas, with the names of the npm package's TypeScript types.
"""

from __future__ import annotations

from typing import List, Literal, Union

from typing_extensions import ReadOnly, Required, TypeAlias, TypedDict
"#;

/// The whole `types.py`.
fn types_py(definitions: &BTreeMap<String, Value>) -> Result<String, String> {
    let generator = Generator { definitions };
    let callbacks = generator.callback_branches()?;
    let mut classes = String::new();
    let mut aliases: Vec<(String, String)> = Vec::new();
    let mut exported = Vec::new();

    let received = CallbackType::Received.type_value();
    let content_keys = content_keys(&generator)?;
    for (name, spellings) in &callbacks {
        let schema = generator.definition(name)?;
        let literals: Vec<String> = spellings.iter().map(|s| py_string(s)).collect();
        let discriminant = (
            "type",
            format!("Literal[{}]", literals.join(", ")),
            format!(
                "The callback type: {}. Required here so that `Callback` can be narrowed on it \
                 (the JSON Schema also accepts a body without it).",
                spellings
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        );
        let read_only: &[(&str, String)] = if name == received { &content_keys } else { &[] };
        classes.push_str(&class(
            &generator,
            name,
            schema,
            &[discriminant],
            read_only,
        )?);
        exported.push(name.clone());
    }
    let members: Vec<&str> = callbacks.iter().map(|(name, _)| name.as_str()).collect();
    aliases.push((
        "Callback".to_owned(),
        alias(
            "Callback",
            &format!("Union[{}]", members.join(", ")),
            "Any callback described here, discriminated on `type`. Z-API may also send \
             callbacks with another `type` (the JSON Schema accepts them as unknown); they are \
             not part of this union, so check `type` before trusting the shape.",
        ),
    ));

    // One class per received kind, each narrowing its content key.
    let mut kinds = Vec::new();
    for (kind, key, ty, about) in kind_types(&generator)? {
        let name = format!("Received{}", pascal_case(kind));
        if definitions.contains_key(&name) {
            return Err(format!(
                "the type of kind `{kind}` would be `{name}`, which a schema already names"
            ));
        }
        classes.push_str(&format!(
            "\n\nclass {name}({received}):\n{}    {key}: ReadOnly[{ty}]\n",
            docstring(&format!("Kind `{kind}`: a `{received}` {about}"), 1)
        ));
        kinds.push((kind, name.clone()));
        exported.push(name);
    }
    classes.push_str(&format!(
        "\n\nReceivedKinds = TypedDict(\n    \"ReceivedKinds\",\n    {{\n{}    }},\n)\n{}",
        kinds
            .iter()
            .map(|(kind, name)| format!("        \"{kind}\": {name},\n"))
            .collect::<String>(),
        docstring(
            &format!(
                "The type of each kind of `{received}`, by kind name (the `kind` of the \
                 examples manifest)."
            ),
            0
        )
    ));
    exported.push("ReceivedKinds".to_owned());
    aliases.push((
        "ReceivedKind".to_owned(),
        alias(
            "ReceivedKind",
            &format!(
                "Literal[{}]",
                kinds
                    .iter()
                    .map(|(kind, _)| py_string(kind))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &format!("The name of a kind of `{received}` that has a type."),
        ),
    ));

    // Everything else, by name.
    for (name, schema) in definitions {
        if name == "Callback" || members.contains(&name.as_str()) {
            continue;
        }
        if is_object(schema) {
            classes.push_str(&class(&generator, name, schema, &[], &[])?);
        } else {
            let ty = py_type(&generator, schema, name)?;
            aliases.push((name.clone(), alias(name, &ty, &documentation(schema))));
        }
        exported.push(name.clone());
    }
    exported.push("Callback".to_owned());
    exported.push("ReceivedKind".to_owned());
    exported.sort();

    let mut out = format!("# {NOTICE}\n{HEADER}\n__all__ = [\n");
    for name in &exported {
        out.push_str(&format!("    \"{name}\",\n"));
    }
    out.push_str("]\n");
    out.push_str(&classes);
    // Aliases are evaluated at import time: each after the aliases it names.
    for (_, text) in order_aliases(aliases)? {
        out.push_str("\n\n");
        out.push_str(&text);
    }
    Ok(out)
}

/// The content keys of `ReceivedCallback` (and `waitingMessage`), with the type a kind narrows
/// them to: they are declared `ReadOnly` in the base class.
fn content_keys(generator: &Generator<'_>) -> Result<Vec<(&'static str, String)>, String> {
    Ok(kind_types(generator)?
        .into_iter()
        .map(|(_, key, ty, _)| (key, ty))
        .collect())
}

/// For each received kind with a type: kind name, key, the key's type in that kind, and the
/// condition in words.
fn kind_types(
    generator: &Generator<'_>,
) -> Result<Vec<(&'static str, &'static str, String, String)>, String> {
    let base = CallbackType::Received.type_value();
    let properties = generator.definition(base)?["properties"]
        .as_object()
        .ok_or_else(|| format!("{base} has no properties"))?;
    let mut out = Vec::new();
    for &kind in Kind::ALL {
        if let Some(key) = kind.content_key() {
            let schema = properties.get(key).ok_or_else(|| {
                format!("{base} has no property `{key}` (content key of kind `{kind}`)")
            })?;
            let inner = nullable_inner(schema)
                .ok_or_else(|| format!("{base}/{key}: expected {{if: {{type: null}}, else: X}}"))?;
            let about = description(schema)
                .split(" Content key:")
                .next()
                .unwrap_or_default()
                .to_owned();
            out.push((
                kind.as_str(),
                key,
                py_type(generator, inner, &format!("{base}/{key}"))?,
                format!("whose `{key}` is present and not None.\n\n{about}"),
            ));
        } else if kind.as_str() == "waiting_message" {
            out.push((
                kind.as_str(),
                "waitingMessage",
                "Literal[True]".to_owned(),
                "with no content key and `waitingMessage: True`.\n\nNo content yet: WhatsApp \
                 is waiting for the message."
                    .to_owned(),
            ));
        } else if kind.as_str() != "unknown" {
            return Err(format!(
                "kind `{kind}` has no content key; decide how to type it in {}",
                file!()
            ));
        }
    }
    Ok(out)
}

fn is_object(schema: &Value) -> bool {
    schema.get("type") == Some(&Value::String("object".to_owned()))
}

/// `class Name(TypedDict):` for an object schema. `overrides` give a required key its type and
/// doc; `read_only` lists keys declared `ReadOnly` (with their narrowed type, unused here).
fn class(
    generator: &Generator<'_>,
    name: &str,
    schema: &Value,
    overrides: &[(&str, String, String)],
    read_only: &[(&str, String)],
) -> Result<String, String> {
    let Value::Object(map) = schema else {
        return Err(format!("{name} is not an object schema"));
    };
    if !is_object(schema) {
        return Err(format!("{name}: only object schemas become a TypedDict"));
    }
    generator.check_keywords(map, name)?;
    let named: Vec<&str> = overrides
        .iter()
        .map(|(key, _, _)| *key)
        .chain(read_only.iter().map(|(key, _)| *key))
        .collect();
    let members = Members::of(map, name, &named)?;
    let doc = description(schema);
    // Every key the schema does not require may be absent: `total=False`, the required ones
    // `Required[...]`. That other keys are allowed (the schemas are permissive, and a TypedDict
    // cannot list them) is true of every class, so the README says it once.
    let mut out = format!(
        "\n\nclass {name}(TypedDict, total=False):\n{}",
        docstring(doc, 1)
    );
    for &(key, property) in &members.properties {
        if !is_identifier(key) {
            return Err(format!(
                "{name}/{key}: not a Python identifier; a TypedDict class cannot declare it"
            ));
        }
        let here = format!("{name}/{key}");
        let (mut ty, optional, text) =
            if let Some((_, ty, text)) = overrides.iter().find(|(k, _, _)| *k == key) {
                (ty.clone(), false, text.clone())
            } else {
                (
                    py_type(generator, property, &here)?,
                    !members.required.contains(&key),
                    description(property).to_owned(),
                )
            };
        // `T | None` rather than `Optional[T]`: lighter to read, and annotations are never
        // evaluated (`from __future__ import annotations`).
        let nullable = ty
            .strip_prefix("Optional[")
            .and_then(|rest| rest.strip_suffix(']'))
            .filter(|inner| brackets_balance(inner))
            .map(str::to_owned);
        let mut wrappers = Vec::new();
        if read_only.iter().any(|(k, _)| *k == key) {
            wrappers.push("ReadOnly");
        }
        if !optional {
            wrappers.push("Required");
        }
        let column = 6 + key.len() + wrappers.iter().map(|w| w.len() + 1).sum::<usize>();
        ty = match nullable {
            Some(inner) => format!("{} | None", layout(&inner, column, 1)),
            None => layout(&ty, column, 1),
        };
        for wrapper in wrappers {
            ty = format!("{wrapper}[{ty}]");
        }
        out.push_str(&comment(&text, 1));
        out.push_str(&format!("    {key}: {ty}\n"));
    }
    if members.properties.is_empty() {
        out.push_str("    pass\n");
    }
    Ok(out)
}

/// `Name: TypeAlias = ...` with its docstring after it (as editors show it).
fn alias(name: &str, ty: &str, doc: &str) -> String {
    let lead = format!("{name}: TypeAlias = ");
    let mut out = format!("{lead}{}\n", layout(ty, lead.len(), 0));
    out.push_str(&docstring(doc, 0));
    out
}

/// `ty` as written after `column` characters of a line at `indent` levels: as it is when it
/// fits in [`WIDTH`], else with the arguments of its outer `X[...]` one per line (each laid out
/// the same way, one level further in).
fn layout(ty: &str, column: usize, indent: usize) -> String {
    if column + ty.len() <= WIDTH {
        return ty.to_owned();
    }
    let Some((head, inner)) = ty
        .split_once('[')
        .and_then(|(head, rest)| Some((head, rest.strip_suffix(']')?)))
    else {
        return ty.to_owned();
    };
    let pad = "    ".repeat(indent + 1);
    let mut out = format!("{head}[\n");
    for argument in split_outside(inner, ',') {
        out.push_str(&format!(
            "{pad}{},\n",
            layout(argument, pad.len() + 1, indent + 1)
        ));
    }
    out.push_str(&"    ".repeat(indent));
    out.push(']');
    out
}

/// Whether every `[` of `text` is closed in it, none closed before it opens: `A], Optional[B`
/// (what stripping `Optional[...]` off `Union[Optional[A], Optional[B]]` would leave) does not.
fn brackets_balance(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// Orders the aliases so that each comes after every alias it names.
fn order_aliases(aliases: Vec<(String, String)>) -> Result<Vec<(String, String)>, String> {
    let names: BTreeSet<String> = aliases.iter().map(|(name, _)| name.clone()).collect();
    let mut done: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    let mut pending = aliases;
    while !pending.is_empty() {
        let before = pending.len();
        let mut rest = Vec::new();
        for (name, text) in pending {
            let value = text.split_once(" = ").map_or("", |(_, v)| v);
            let value = value.split("\n\"\"\"").next().unwrap_or_default();
            let ready = names
                .iter()
                .filter(|other| **other != name && mentions(value, other))
                .all(|other| done.contains(other));
            if ready {
                done.insert(name.clone());
                out.push((name, text));
            } else {
                rest.push((name, text));
            }
        }
        if rest.len() == before {
            let stuck: Vec<&str> = rest.iter().map(|(name, _)| name.as_str()).collect();
            return Err(format!(
                "type aliases name each other in a cycle: {stuck:?}"
            ));
        }
        pending = rest;
    }
    Ok(out)
}

/// Whether `text` contains `name` as a whole word.
fn mentions(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        !word(before) && !word(after)
    })
}

/// The Python type of a schema.
fn py_type(generator: &Generator<'_>, schema: &Value, at: &str) -> Result<String, String> {
    Ok(match generator.shape(schema, at)? {
        Shape::Anything => "object".to_owned(),
        Shape::Nothing => {
            return Err(format!(
                "{at}: `false` (nothing allowed) has no Python type"
            ));
        }
        Shape::Ref(name) => name.to_owned(),
        Shape::Nullable(inner) => optional(py_type(generator, inner, &format!("{at}/else"))?),
        Shape::IfObject(then) => union([
            py_type(generator, then, &format!("{at}/then"))?,
            "str".to_owned(),
            "float".to_owned(),
            "bool".to_owned(),
            "List[object]".to_owned(),
            "None".to_owned(),
        ]),
        Shape::AnyOf(branches) => {
            // The constants make one `Literal[...]`; a plain `str` branch beside them keeps
            // the enum open.
            let mut constants = Vec::new();
            let mut others = Vec::new();
            for (index, branch) in branches.iter().enumerate() {
                match branch.get("const") {
                    Some(value) => constants.push(literal(value, at)?),
                    None => {
                        others.push(py_type(generator, branch, &format!("{at}/anyOf/{index}"))?);
                    }
                }
            }
            let mut parts = Vec::new();
            if !constants.is_empty() {
                parts.push(format!("Literal[{}]", constants.join(", ")));
            }
            parts.extend(others);
            union(parts)
        }
        Shape::Const(Value::Null) => "None".to_owned(),
        Shape::Const(value) => format!("Literal[{}]", literal(value, at)?),
        Shape::Enum(values) => {
            let literals = values
                .iter()
                .filter(|v| !v.is_null())
                .map(|v| literal(v, at))
                .collect::<Result<Vec<_>, _>>()?;
            let ty = format!("Literal[{}]", literals.join(", "));
            if values.iter().any(Value::is_null) {
                optional(ty)
            } else {
                ty
            }
        }
        Shape::Types(types, map) => {
            let mut parts = Vec::new();
            for ty in types {
                parts.push(match ty {
                    "null" => "None".to_owned(),
                    "string" => "str".to_owned(),
                    "integer" => "int".to_owned(),
                    "number" => "float".to_owned(),
                    "boolean" => "bool".to_owned(),
                    "array" => match map.get("items") {
                        None => "List[object]".to_owned(),
                        Some(items) => format!(
                            "List[{}]",
                            py_type(generator, items, &format!("{at}/items"))?
                        ),
                    },
                    _ => {
                        return Err(format!(
                            "{at}: an inline object has no name to become a TypedDict; give it \
                             a definition"
                        ));
                    }
                });
            }
            union(parts)
        }
    })
}

/// `Optional[X]`, or `X` when it already admits `None`; a `Union[...]` gains a `None` member.
fn optional(ty: String) -> String {
    if ty.starts_with("Optional[") || ty == "None" || ty.ends_with(", None]") {
        ty
    } else if let Some(members) = ty
        .strip_prefix("Union[")
        .and_then(|rest| rest.strip_suffix(']'))
    {
        format!("Union[{members}, None]")
    } else {
        format!("Optional[{ty}]")
    }
}

/// The members as one type: `X` alone, or `Union[X, Y]` (each member once; the members of a
/// member that is itself a `Union` or an `Optional` are taken one by one, `None` last).
fn union(parts: impl IntoIterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for part in parts {
        let members: Vec<String> = if let Some(inner) = part
            .strip_prefix("Optional[")
            .and_then(|rest| rest.strip_suffix(']'))
        {
            vec![inner.to_owned(), "None".to_owned()]
        } else if let Some(inner) = part
            .strip_prefix("Union[")
            .and_then(|rest| rest.strip_suffix(']'))
        {
            split_outside(inner, ',')
                .into_iter()
                .map(str::to_owned)
                .collect()
        } else {
            vec![part]
        };
        for member in members {
            if !seen.contains(&member) {
                seen.push(member);
            }
        }
    }
    let has_none = seen.iter().any(|p| p == "None");
    seen.retain(|p| p != "None");
    let ty = match seen.len() {
        0 => return "None".to_owned(),
        1 => seen.remove(0),
        _ => format!("Union[{}]", seen.join(", ")),
    };
    if has_none { optional(ty) } else { ty }
}

/// A `Literal[...]` member for a JSON scalar.
fn literal(value: &Value, at: &str) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(py_string(s)),
        Value::Bool(true) => Ok("True".to_owned()),
        Value::Bool(false) => Ok("False".to_owned()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        _ => Err(format!("{at}: {value} cannot be a Literal")),
    }
}

/// A Python string literal (JSON's escaping is valid Python).
fn py_string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

fn is_identifier(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// Maximum width of a generated line.
const WIDTH: usize = 99;

/// `text` wrapped into lines of at most `room` characters; a line of the text starting with
/// `- ` is a list item, continued two spaces further in. Blank lines are kept.
fn wrapped(text: &str, room: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            lines.push(String::new());
            continue;
        }
        let continuation = if line.starts_with("- ") { "  " } else { "" };
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.trim().is_empty() && current.len() + 1 + word.len() > room {
                lines.push(current);
                current = continuation.to_owned();
            } else if !current.is_empty() && current != continuation {
                current.push(' ');
            }
            current.push_str(word);
        }
        lines.push(current);
    }
    lines
}

/// A docstring at `indent` levels (four spaces each); empty text gives `""` lines nothing.
fn docstring(text: &str, indent: usize) -> String {
    let text = text.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    if text.trim().is_empty() {
        return String::new();
    }
    let pad = "    ".repeat(indent);
    let lines = wrapped(&text, WIDTH - pad.len() - 3);
    if lines.len() == 1 && lines[0].len() + pad.len() + 6 <= WIDTH {
        return format!("{pad}\"\"\"{}\"\"\"\n", lines[0]);
    }
    let mut out = format!("{pad}\"\"\"");
    for (index, line) in lines.iter().enumerate() {
        if index > 0 && !line.is_empty() {
            out.push_str(&pad);
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!("{pad}\"\"\"\n"));
    out
}

/// `# ...` comment lines at `indent` levels; empty text gives nothing.
fn comment(text: &str, indent: usize) -> String {
    let pad = "    ".repeat(indent);
    wrapped(text, WIDTH - pad.len() - 2)
        .into_iter()
        .map(|line| {
            if line.is_empty() {
                format!("{pad}#\n")
            } else {
                format!("{pad}# {line}\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schema_patterns_become_python_types() {
        let mut definitions = BTreeMap::new();
        definitions.insert("Audio".to_owned(), json!({ "type": "object" }));
        let generator = Generator {
            definitions: &definitions,
        };
        let cases = [
            (json!({ "type": ["string", "null"] }), "Optional[str]"),
            (json!({ "type": "integer" }), "int"),
            (
                json!({ "if": { "type": "null" }, "else": { "$ref": "#/components/schemas/Audio" } }),
                "Optional[Audio]",
            ),
            (
                json!({ "type": ["array", "null"], "items": { "$ref": "#/components/schemas/Audio" } }),
                "Optional[List[Audio]]",
            ),
            (
                json!({ "type": "string", "anyOf": [
                    { "const": "A" }, { "const": "B" }, { "type": "string" }
                ] }),
                "Union[Literal[\"A\", \"B\"], str]",
            ),
            (
                json!({ "anyOf": [{ "type": "integer" }, { "type": "string" }] }),
                "Union[int, str]",
            ),
            (
                json!({ "anyOf": [{ "type": "integer" }, { "type": ["string", "null"] }] }),
                "Union[int, str, None]",
            ),
            (
                json!({ "enum": ["x", 1, null] }),
                "Optional[Literal[\"x\", 1]]",
            ),
            (json!(true), "object"),
        ];
        for (schema, expected) in cases {
            assert_eq!(
                py_type(&generator, &schema, "t").expect("type"),
                expected,
                "{schema}"
            );
        }
        for schema in [
            json!({ "oneOf": [{ "type": "string" }] }),
            json!({ "type": "object" }),
            json!({ "$ref": "#/components/schemas/Missing" }),
            json!(false),
        ] {
            assert!(py_type(&generator, &schema, "t").is_err(), "{schema}");
        }
    }

    #[test]
    fn types_cover_every_callback_and_kind() {
        let text = types_py(&definitions().expect("definitions")).expect("generates");
        assert!(text.starts_with(&format!("# {NOTICE}\n")));
        for callback in CallbackType::ALL {
            let [a, b] = callback.spellings();
            assert!(text.contains(&format!(
                "class {}(TypedDict, total=False):",
                callback.type_value()
            )));
            assert!(
                text.contains(&format!("    type: Required[Literal[\"{a}\", \"{b}\"]]\n")),
                "{a}"
            );
        }
        for kind in Kind::ALL {
            if kind.as_str() != "unknown" {
                let name = format!("Received{}", pascal_case(kind.as_str()));
                assert!(
                    text.contains(&format!("class {name}(ReceivedCallback):")),
                    "{name}"
                );
            }
        }
        assert!(text.contains("    fromMe: bool | None\n"));
        assert!(text.contains("    text: ReadOnly[Text | None]\n"));
        assert!(text.contains("class ReceivedCallback(TypedDict, total=False):\n"));
        assert!(!text.contains("NotRequired"));
        assert!(brackets_balance("List[A] | None") && !brackets_balance("A], Optional[B"));
        assert!(
            text.lines().all(|line| line.len() <= WIDTH),
            "a line is too long"
        );
    }

    #[test]
    fn long_types_go_one_argument_per_line() {
        assert_eq!(layout("Union[A, B]", 0, 0), "Union[A, B]");
        let long = format!("Union[Literal[\"{}\", \"a,]\"], str]", "x".repeat(95));
        assert_eq!(
            layout(&long, 4, 0),
            format!(
                "Union[\n    Literal[\n        \"{}\",\n        \"a,]\",\n    ],\n    str,\n]",
                "x".repeat(95)
            )
        );
    }

    #[test]
    fn aliases_come_after_the_aliases_they_name() {
        let ordered = order_aliases(vec![
            ("A".to_owned(), "A: TypeAlias = Union[B, int]\n".to_owned()),
            ("B".to_owned(), "B: TypeAlias = str\n".to_owned()),
            ("AB".to_owned(), "AB: TypeAlias = A\n".to_owned()),
        ])
        .expect("orders");
        let names: Vec<&str> = ordered.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["B", "A", "AB"]);
        assert!(
            order_aliases(vec![
                ("A".to_owned(), "A: TypeAlias = B\n".to_owned()),
                ("B".to_owned(), "B: TypeAlias = A\n".to_owned()),
            ])
            .is_err()
        );
    }
}
