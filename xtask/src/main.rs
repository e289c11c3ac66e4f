//! Workspace automation for zapi-webhooks: `cargo xtask <command> [args]`.
//!
//! Each command lives in its own module and exposes
//! `run(&[String]) -> Result<ExitCode, String>`; adding a command is one arm
//! in [`main`] (plus a line in [`USAGE`]).

mod import_docs;
mod lenient_json;
mod msrv;
mod openapi;
mod schemas;
mod typescript;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Help text listing the commands.
const USAGE: &str = "\
usage: cargo xtask <command> [args]

commands:
  import-docs PATH [--write] [--fixtures DIR]
      Extract the JSON examples of the Z-API webhook docs at PATH (a folder
      with pt/ and en/, or a checkout of the Z-API docs repository), repair
      them and compare them with fixtures/ (exit code 1 when anything is new,
      changed or gone). --write updates the fixtures and fixtures/manifest.json.
      `cargo test -p xtask` tests the importer on the sample docs in
      xtask/testdata/docs; it also checks fixtures/ against the real docs
      when ZAPI_DOCS_DIR names them (relative to the workspace root), e.g.
      ZAPI_DOCS_DIR=../shared/zapi-docs cargo test -p xtask.
  schemas [--check]
      Regenerate every JSON Schema under schemas/ from the models. With
      --check, change nothing and fail naming each stale or missing file.
  openapi [--check]
      Regenerate schemas/openapi.json: an OpenAPI 3.1 document with one webhook
      per callback (every fixture as an example) and the webhook-configuration
      endpoints. --check changes nothing and fails if the file is stale.
  typescript [--check]
      Regenerate the npm package of TypeScript types in schemas/typescript/
      from the JSON Schemas. --check changes nothing and fails if it is stale.
  msrv
      Check that the workspace's rust-version covers the rust-version of every
      normal and build dependency of each published crate (cargo metadata,
      offline); prints what the tests need too.
  help
      Show this text.
";

/// The workspace root: the parent of the xtask crate's folder, where the
/// commands find `fixtures/`, `schemas/` and the workspace `Cargo.toml`.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or_else(|| manifest_dir.to_path_buf(), Path::to_path_buf)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "import-docs" => import_docs::run(rest),
        "schemas" => schemas::run(rest),
        "openapi" => openapi::run(rest),
        "typescript" => typescript::run(rest),
        "msrv" => msrv::run(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
