//! `packages/npm/`: the npm package `zapi-webhooks`.
//!
//! `index.d.ts` is the TypeScript of [`crate::typescript`] plus the declarations of the small
//! runtime entry (`index.js` for ESM, `index.cjs` for CommonJS: the version and the callback
//! names, no dependency); `index.d.cts` gives CommonJS consumers the same types. The schemas
//! and examples are plain JSON files reached through the `exports` map.

use super::{File, Inputs, NOTICE, PACKAGE_NAME, callback_names, fill, json_text};
use serde::Serialize;
use serde_json::json;

/// Every file of the package folder.
pub(super) fn files(inputs: &Inputs) -> Result<Vec<File>, String> {
    let version = inputs.package.version.as_str();
    let callbacks = callback_names();
    let runtime = format!(
        "/** The version of this package: the version of the zapi-webhooks crates it was \
         generated from. */\nexport declare const version: \"{version}\";\n\n/**\n * The callback \
         names. Each has `schemas/<name>.schema.json` (and `schemas/strict/`), and its examples \
         are\n * under `examples/<name>/`.\n */\nexport declare const callbacks: readonly \
         [{callbacks}];\n\n/** A callback name, as in `callbacks`. */\nexport type CallbackName \
         = (typeof callbacks)[number];\n"
    );
    let mut index_d_ts = crate::typescript::declarations()?;
    index_d_ts.push('\n');
    index_d_ts.push_str(&runtime);
    let values = [
        ("VERSION", version),
        ("NAME", PACKAGE_NAME),
        ("NOTICE", NOTICE),
    ];
    let mut files = vec![
        ("package.json".to_owned(), package_json(inputs)?),
        ("index.d.ts".to_owned(), index_d_ts),
        (
            "index.d.cts".to_owned(),
            format!(
                "// {NOTICE}\n// The types of the CommonJS entry (index.cjs): the same as \
                 index.d.ts.\nexport type * from \"./index.js\";\n\n{runtime}"
            ),
        ),
        (
            "index.js".to_owned(),
            format!(
                "// {NOTICE}\n// ESM entry: plain values, no dependency (types: index.d.ts).\n\
                 export const version = \"{version}\";\nexport const callbacks = \
                 Object.freeze([{callbacks}]);\n"
            ),
        ),
        (
            "index.cjs".to_owned(),
            format!(
                "// {NOTICE}\n// CommonJS entry: the values of index.js (types: index.d.cts).\n\
                 \"use strict\";\nexports.version = \"{version}\";\nexports.callbacks = \
                 Object.freeze([{callbacks}]);\n"
            ),
        ),
        (
            "README.md".to_owned(),
            fill(
                include_str!("templates/npm-README.md"),
                &values,
                "the npm README",
            )?,
        ),
    ];
    files.extend(inputs.licences.iter().cloned());
    files.extend(inputs.data_files("")?);
    Ok(files)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PackageJson<'a> {
    name: &'a str,
    version: &'a str,
    description: &'a str,
    license: &'a str,
    keywords: [&'a str; 6],
    #[serde(rename = "type")]
    module_type: &'a str,
    main: &'a str,
    types: &'a str,
    exports: serde_json::Value,
    files: [&'a str; 7],
    side_effects: bool,
}

fn package_json(inputs: &Inputs) -> Result<String, String> {
    let manifest = PackageJson {
        name: PACKAGE_NAME,
        version: &inputs.package.version,
        description: "JSON Schemas, TypeScript types and examples of the webhooks of Z-API \
                      (WhatsApp), generated from the zapi-webhooks models. No runtime \
                      dependency.",
        license: &inputs.package.license,
        keywords: [
            "z-api",
            "whatsapp",
            "webhook",
            "json-schema",
            "typescript",
            "types",
        ],
        module_type: "module",
        main: "./index.cjs",
        types: "./index.d.ts",
        exports: json!({
            ".": {
                "import": { "types": "./index.d.ts", "default": "./index.js" },
                "require": { "types": "./index.d.cts", "default": "./index.cjs" }
            },
            "./schemas/*": "./schemas/*",
            "./examples/*": "./examples/*",
            "./package.json": "./package.json"
        }),
        files: [
            "index.js",
            "index.cjs",
            "index.d.ts",
            "index.d.cts",
            "schemas/",
            "examples/",
            "LICENSE-*",
        ],
        side_effects: false,
    };
    json_text(&manifest, "package.json")
}
