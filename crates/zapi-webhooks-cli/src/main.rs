//! `zapi-webhooks`: validate Z-API webhook payloads (files, folders, NDJSON captures, standard
//! input) against the `zapi-webhooks` models and schemas, print those schemas, and list the
//! callbacks and kinds the models know.

mod check;
mod input;
mod kinds;
mod output;
mod pipeline;

use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use zapi_webhooks::CallbackType;
use zapi_webhooks::schema::{Flavor, Target};

use crate::check::Checker;
use crate::input::Layout;
use crate::output::Format;
use crate::pipeline::{Diagnostics, Options};

/// Exit status: every payload valid (and lossless).
const EXIT_OK: u8 = 0;
/// Exit status: some payload invalid (or not lossless).
const EXIT_INVALID: u8 = 1;
/// Exit status: a usage or I/O error (wins over [`EXIT_INVALID`]).
const EXIT_ERROR: u8 = 2;

/// Validate Z-API webhook payloads, print their JSON Schemas, list the callbacks and kinds.
#[derive(Debug, Parser)]
#[command(name = "zapi-webhooks", version, propagate_version = true)]
#[command(
    after_help = "Exit status of `validate`: 0 when every payload is valid (and lossless), 1 \
    when some payload is not, 2 on a usage or I/O error (2 wins over 1)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Validate(ValidateArgs),
    Schema(SchemaArgs),
    Kinds(KindsArgs),
}

/// Check payloads: callback, kind, schema validity, lossless round trip, unmodeled keys.
///
/// For each payload: which callback and content kind the model reads, whether the JSON Schema
/// accepts it (permissive, or strict with --strict), whether the model writes it back as the
/// same JSON value (lossless), which keys no model knows (JSON pointers), and every error
/// (JSON pointer + message: the model's parse error, its values of an unexpected JSON type, and
/// the schema's issues).
///
/// A payload is valid when it has no error. The exit status is 0 when every payload is valid
/// and lossless, 1 when some payload is not, 2 when a path cannot be read or the command line
/// is wrong (2 wins over 1). An unreadable path is named on standard error and the other paths
/// are still checked.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    zapi-webhooks validate fixtures\n  \
    zapi-webhooks validate --strict capture.ndjson\n  \
    zapi-webhooks validate --format json capture.ndjson | jq 'select(.valid | not)'\n  \
    curl -s https://example.com/hook.json | zapi-webhooks validate -")]
struct ValidateArgs {
    /// Files, folders, or `-` for standard input.
    ///
    /// A `*.json` file (or any file not ending in .ndjson/.jsonl) holds one payload. A
    /// `*.ndjson` or `*.jsonl` file holds one payload per line, read line by line (any size, in
    /// bounded memory); blank lines are skipped. A folder stands for every *.json, *.ndjson
    /// and *.jsonl file below it, in path order, except files named `manifest.json` (the
    /// fixtures' index; name one explicitly to check it). Standard input holds one payload,
    /// or one per line with --ndjson.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,

    /// Validate against the strict schema: keys that no model knows are errors.
    ///
    /// Without it the permissive schema is used: unmodeled keys are allowed (and listed).
    #[arg(long)]
    strict: bool,

    /// Output format.
    ///
    /// `human`: one line per problem payload (invalid or not lossless) with its errors, then a
    /// summary; "typed with unexpected values" there means that the model read the payload
    /// but kept some values verbatim because their JSON type is not the one it expects (for
    /// example `"fromMe": "yes"`), and "could not be typed" that the model could not read the
    /// payload at all (not JSON, not an object). `json`: one JSON object per payload per line,
    /// with the keys `source` (`path` or `path:line`), `callback` (snake name, or null),
    /// `kind` (or null when the payload could not be typed), `valid`, `lossless` (null when the
    /// payload could not be typed), `unmodeled` (JSON pointers), `unexpected` (objects with
    /// `pointer`, `expected` and `found`: the values of an unexpected JSON type, each also an
    /// error) and `errors` (objects with `pointer` and `message`); no summary.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Read standard input (`-`) as NDJSON: one payload per line.
    #[arg(long)]
    ndjson: bool,

    /// Worker threads checking payloads [default: the number of CPUs].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<NonZeroUsize>,
}

/// Print the JSON Schema (draft 2020-12) of one callback, or of any callback.
///
/// The schemas are generated from the models; they are the files under `schemas/` in the
/// repository.
#[derive(Debug, Args)]
struct SchemaArgs {
    /// The callback, by snake name (e.g. `received`) or `type` value (e.g. `ReceivedCallback`).
    /// Omitted: the union schema of every callback (`callback.schema.json`).
    #[arg(value_name = "CALLBACK", value_parser = parse_callback)]
    callback: Option<CallbackType>,

    /// The strict flavour: keys that no model knows are rejected (`additionalProperties:
    /// false`).
    #[arg(long)]
    strict: bool,
}

/// List every callback and content kind the models know.
///
/// Every payload gets a kind: for received callbacks the content kind (chosen by the content
/// key, e.g. `image`), for the other callbacks the callback's name, and `unknown` for a
/// received callback with no known content key or a callback of an unknown type.
#[derive(Debug, Args)]
struct KindsArgs {
    /// Output format: a `human` table, or one `json` document.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Parses a callback named by its snake name or its `type` value.
fn parse_callback(name: &str) -> Result<CallbackType, String> {
    CallbackType::from_name(name)
        .or_else(|| CallbackType::from_type_value(name))
        .ok_or_else(|| {
            let names: Vec<&str> = CallbackType::ALL.iter().map(|c| c.as_str()).collect();
            format!("unknown callback; expected one of: {}", names.join(", "))
        })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Validate(args) => validate(&args),
        Command::Schema(args) => print_schema(&args),
        Command::Kinds(args) => print_kinds(&args),
    };
    ExitCode::from(status)
}

fn validate(args: &ValidateArgs) -> u8 {
    let diagnostics = Diagnostics::new();
    let stdin_layout = if args.ndjson {
        Layout::Lines
    } else {
        Layout::Whole
    };
    let stdin_count = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        eprintln!("zapi-webhooks: `-` (standard input) can be given only once");
        return EXIT_ERROR;
    }
    let inputs = input::expand(&args.paths, stdin_layout, &mut |error| {
        diagnostics.unreadable(&error);
    });
    let flavor = if args.strict {
        Flavor::Strict
    } else {
        Flavor::Permissive
    };
    let options = Options {
        checker: Checker::new(flavor),
        format: args.format,
        jobs: args
            .jobs
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get),
    };
    let outcome = match pipeline::run(inputs, options, &diagnostics) {
        Ok(outcome) => outcome,
        Err(error) => {
            eprintln!("zapi-webhooks: {error}");
            return EXIT_ERROR;
        }
    };
    if args.format == Format::Human && !outcome.stdout_closed {
        let mut stdout = io::stdout().lock();
        let written = output::write_summary(
            &mut stdout,
            &outcome.tally,
            &outcome.unmodeled,
            outcome.unreadable,
        )
        .and_then(|()| stdout.flush());
        if let Err(error) = written {
            if error.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("zapi-webhooks: cannot write the results: {error}");
                return EXIT_ERROR;
            }
        }
    }
    if outcome.tally.checked == 0 && outcome.unreadable == 0 {
        eprintln!(
            "zapi-webhooks: warning: no payload found (folders are searched for *.json, *.ndjson and *.jsonl)"
        );
    }
    if outcome.unreadable > 0 {
        EXIT_ERROR
    } else if outcome.tally.has_problems() {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

fn print_schema(args: &SchemaArgs) -> u8 {
    let target = args.callback.map_or(Target::Any, Target::One);
    let flavor = if args.strict {
        Flavor::Strict
    } else {
        Flavor::Permissive
    };
    let schema = zapi_webhooks::schema::schema(target, flavor);
    print_json(&schema)
}

fn print_kinds(args: &KindsArgs) -> u8 {
    match args.format {
        Format::Human => print_text(&kinds::table()),
        Format::Json => print_json(&kinds::json()),
    }
}

/// Prints a JSON value, pretty, with a final newline.
fn print_json(value: &serde_json::Value) -> u8 {
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut stdout, value)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(stdout))
        .and_then(|()| stdout.flush());
    finish_output(written)
}

fn print_text(text: &str) -> u8 {
    let mut stdout = io::stdout().lock();
    finish_output(
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush()),
    )
}

fn finish_output(written: io::Result<()>) -> u8 {
    match written {
        Ok(()) => EXIT_OK,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(error) => {
            eprintln!("zapi-webhooks: cannot write the output: {error}");
            EXIT_ERROR
        }
    }
}
