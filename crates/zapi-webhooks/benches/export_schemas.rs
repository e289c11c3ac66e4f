//! Not a benchmark: writes the union schemas that the `validate` bench compiles, for the ajv
//! comparison (`benches/compare-ajv.sh`), when `schemas/` has not been generated yet.
//!
//! ```text
//! cargo bench -p zapi-webhooks --bench export_schemas -- OUT_DIR
//! ```
//!
//! writes `OUT_DIR/callback.schema.json` (permissive) and `OUT_DIR/strict/callback.schema.json`,
//! the same layout as `schemas/`. Without `OUT_DIR` (as under a plain `cargo bench`) it does
//! nothing.

use std::path::PathBuf;

use zapi_webhooks::schema::{Flavor, Target, schema};

fn main() {
    // Cargo passes `--bench` to every bench binary; the first other argument is the folder.
    let Some(out) = std::env::args().skip(1).find(|arg| !arg.starts_with("--")) else {
        println!("export_schemas: no output folder given, nothing to do");
        return;
    };
    let out = PathBuf::from(out);
    for flavor in Flavor::ALL {
        let dir = out.join(flavor.dir());
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|err| panic!("cannot create {}: {err}", dir.display()));
        let path = dir.join(Target::Any.file_name());
        let mut text = serde_json::to_string_pretty(&schema(Target::Any, flavor))
            .expect("a serde_json::Value always serializes");
        text.push('\n');
        std::fs::write(&path, text)
            .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
        println!("export_schemas: wrote {}", path.display());
    }
}
