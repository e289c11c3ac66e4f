//! `zapi-webhooks inbox`: look into the store `serve` writes: counts, deliveries, replay, and
//! an NDJSON export that `validate` and `send` read.

use std::io::{self, Write};
use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};
use zapi_webhooks_inbox::{Delivery, Filter, Replay, State, Store};

use crate::output::Format;

/// Inspect the inbox of `serve`: counts, deliveries, replay, export.
#[derive(Debug, Args)]
pub struct InboxArgs {
    #[command(subcommand)]
    command: InboxCommand,
}

#[derive(Debug, Subcommand)]
enum InboxCommand {
    Stats(StatsArgs),
    List(ListArgs),
    Replay(ReplayArgs),
    Export(ExportArgs),
}

/// The store to open.
#[derive(Debug, Args)]
struct StoreArg {
    /// `sqlite:PATH` or `postgres://URL`, as given to `serve`.
    #[arg(long, env = "ZAPI_INBOX_STORE", hide_env_values = true)]
    store: String,
}

/// Print the counts: received (stored + duplicates), duplicates, pending (waiting or in
/// flight), delivered, dead.
#[derive(Debug, Args)]
struct StatsArgs {
    #[command(flatten)]
    store: StoreArg,
    /// `json` prints `{"received", "duplicates", "pending", "delivered", "dead"}`.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Which deliveries (every criterion given must hold).
#[derive(Debug, Args)]
struct Selection {
    /// Only deliveries in this state.
    #[arg(long, value_enum)]
    state: Option<StateArg>,
    /// Only deliveries of this chat (`phone`).
    #[arg(long)]
    chat: Option<String>,
    /// Only deliveries of this kind (`text`, `message_status`, ...).
    #[arg(long)]
    kind: Option<String>,
    /// At most this many, oldest first.
    #[arg(long)]
    limit: Option<u64>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StateArg {
    Pending,
    InFlight,
    Delivered,
    Dead,
}

impl From<StateArg> for State {
    fn from(state: StateArg) -> State {
        match state {
            StateArg::Pending => State::Pending,
            StateArg::InFlight => State::InFlight,
            StateArg::Delivered => State::Delivered,
            StateArg::Dead => State::Dead,
        }
    }
}

impl Selection {
    fn filter(&self, after_id: Option<i64>, limit: Option<u64>) -> Filter {
        Filter {
            state: self.state.map(State::from),
            chat: self.chat.clone(),
            kind: self.kind.clone(),
            after_id,
            limit,
        }
    }
}

/// List deliveries, oldest first: id, state, attempts, kind, chat, dedupe key, last error.
#[derive(Debug, Args)]
struct ListArgs {
    #[command(flatten)]
    store: StoreArg,
    #[command(flatten)]
    selection: Selection,
    /// `json`: one object per delivery per line (without its body; see `export`).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Set deliveries back to pending, attempts reset: one by id (any state but in flight), or
/// every dead one. A running `serve` forwards them again.
#[derive(Debug, Args)]
struct ReplayArgs {
    #[command(flatten)]
    store: StoreArg,
    /// The delivery's id (see `list`).
    #[arg(required_unless_present = "dead", conflicts_with = "dead")]
    id: Option<i64>,
    /// Every dead delivery.
    #[arg(long)]
    dead: bool,
}

/// Write the bodies as NDJSON, one per line, oldest first: `validate` and `send` read it.
///
/// Bodies are written as stored, except that line breaks between JSON tokens become spaces
/// (a body cannot hold a raw line break elsewhere), so that each is one line.
#[derive(Debug, Args)]
struct ExportArgs {
    #[command(flatten)]
    store: StoreArg,
    #[command(flatten)]
    selection: Selection,
}

/// Runs an `inbox` command.
pub fn run(args: &InboxArgs) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        match &args.command {
            InboxCommand::Stats(args) => stats(args).await,
            InboxCommand::List(args) => list(args).await,
            InboxCommand::Replay(args) => replay(args).await,
            InboxCommand::Export(args) => export(args).await,
        }
    })
}

async fn open(store: &StoreArg) -> Result<Arc<dyn Store>, String> {
    zapi_webhooks_inbox::open(&store.store)
        .await
        .map_err(|e| e.to_string())
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn emit(bytes: impl AsRef<[u8]>) -> Result<(), String> {
    match io::stdout().lock().write_all(bytes.as_ref()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write: {error}"))
        }
        _ => Ok(()),
    }
}

async fn stats(args: &StatsArgs) -> Result<(), String> {
    let stats = open(&args.store)
        .await?
        .stats()
        .await
        .map_err(|e| e.to_string())?;
    let text = match args.format {
        Format::Json => format!(
            "{}\n",
            json!({
                "received": stats.received,
                "duplicates": stats.duplicates,
                "pending": stats.pending,
                "delivered": stats.delivered,
                "dead": stats.dead,
            })
        ),
        Format::Human => format!(
            "received {} (duplicates {}), pending {} (in flight {}), delivered {}, dead {}\n",
            stats.received,
            stats.duplicates,
            stats.pending,
            stats.in_flight,
            stats.delivered,
            stats.dead
        ),
    };
    emit(&text)
}

/// Pages through the selection, 500 deliveries at a time, handing each page to `each`.
async fn each_page(
    store: &StoreArg,
    selection: &Selection,
    mut each: impl FnMut(&[Delivery]) -> Result<(), String>,
) -> Result<(), String> {
    const PAGE: u64 = 500;
    let store = open(store).await?;
    let mut after = None;
    let mut left = selection.limit;
    loop {
        let size = left.map_or(PAGE, |left| left.min(PAGE));
        if size == 0 {
            return Ok(());
        }
        let page = store
            .list(selection.filter(after, Some(size)))
            .await
            .map_err(|e| e.to_string())?;
        each(&page)?;
        let Some(last) = page.last() else {
            return Ok(());
        };
        after = Some(last.id);
        left = left.map(|left| left - page.len() as u64);
        if (page.len() as u64) < size {
            return Ok(());
        }
    }
}

fn summary(delivery: &Delivery) -> Value {
    json!({
        "id": delivery.id,
        "state": delivery.state.as_str(),
        "attempts": delivery.attempts,
        "callback": delivery.callback,
        "kind": delivery.kind,
        "chat": delivery.chat,
        "instance": delivery.instance,
        "dedupe_key": delivery.dedupe_key,
        "path": delivery.path,
        "received_at": delivery.received_at,
        "next_attempt_at": delivery.next_attempt_at,
        "last_error": delivery.last_error,
        "bytes": delivery.body.len(),
    })
}

async fn list(args: &ListArgs) -> Result<(), String> {
    each_page(&args.store, &args.selection, |page| {
        let mut text = String::new();
        for delivery in page {
            match args.format {
                Format::Json => text.push_str(&format!("{}\n", summary(delivery))),
                Format::Human => text.push_str(&format!(
                    "{:>8} {:<9} {:>2} {:<16} {:<24} {}{}\n",
                    delivery.id,
                    delivery.state.as_str(),
                    delivery.attempts,
                    delivery.kind,
                    delivery.chat.as_deref().unwrap_or("-"),
                    delivery.dedupe_key,
                    delivery
                        .last_error
                        .as_deref()
                        .map_or_else(String::new, |e| format!("  ({e})")),
                )),
            }
        }
        emit(&text)
    })
    .await
}

async fn replay(args: &ReplayArgs) -> Result<(), String> {
    let which = match args.id {
        Some(id) => Replay::One(id),
        None => Replay::AllDead,
    };
    let count = open(&args.store)
        .await?
        .replay(which)
        .await
        .map_err(|e| e.to_string())?;
    if let (Replay::One(id), 0) = (which, count) {
        return Err(format!(
            "no delivery {id} to replay (unknown, or in flight)"
        ));
    }
    emit(format!("replayed {count}\n"))
}

/// The body on one line: its line breaks (only ever whitespace between tokens in JSON)
/// become spaces.
fn one_line(body: &[u8]) -> Vec<u8> {
    body.iter()
        .map(|&byte| {
            if byte == b'\n' || byte == b'\r' {
                b' '
            } else {
                byte
            }
        })
        .collect()
}

async fn export(args: &ExportArgs) -> Result<(), String> {
    each_page(&args.store, &args.selection, |page| {
        let mut out = Vec::new();
        for delivery in page {
            out.extend(one_line(&delivery.body));
            out.push(b'\n');
        }
        emit(out)
    })
    .await
}
