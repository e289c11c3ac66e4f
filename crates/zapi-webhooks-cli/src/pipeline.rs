//! The `validate` run: one thread reads the inputs into batches of payloads, worker threads
//! check them, and the calling thread writes the results in input order.
//!
//! Batches go to the workers in turn (batch `k` to worker `k % jobs`) and the writer takes the
//! results back in the same turn, so the output keeps the input's order without any reordering
//! buffer. Every channel is bounded, so at most a few batches are in memory at once, however
//! large the input: a line longer than a batch still makes just one (larger) batch.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::check::{Checker, Framing};
use crate::input::{self, Input, Layout, Origin};
use crate::output::{self, Duplicates, Format, Source, Tally, UnmodeledTally};

/// A batch holds at most this many payloads...
const BATCH_ITEMS: usize = 256;
/// ...and stops taking lines once it holds this many bytes.
const BATCH_BYTES: usize = 256 * 1024;
/// Batches waiting for each worker, and results waiting for the writer from each worker.
const QUEUE: usize = 2;
/// The progress bar shows up once a run has taken this long...
const PROGRESS_AFTER: Duration = Duration::from_secs(1);
/// ...or has checked this many payloads.
const PROGRESS_AFTER_PAYLOADS: u64 = 1000;

/// How to run `validate`.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// What to check against.
    pub checker: Checker,
    /// What to print.
    pub format: Format,
    /// Worker threads (at least 1).
    pub jobs: usize,
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Counts over every payload checked.
    pub tally: Tally,
    /// Unmodeled pointers, counted (only for `--format human`).
    pub unmodeled: UnmodeledTally,
    /// Inputs that could not be read (whole or in part).
    pub unreadable: u64,
    /// The output went away (a closed pipe): the run stopped early.
    pub stdout_closed: bool,
}

/// Messages for standard error, kept apart from the progress bar.
pub struct Diagnostics {
    bar: ProgressBar,
    unreadable: AtomicU64,
}

impl Diagnostics {
    /// Diagnostics with a hidden progress bar.
    pub fn new() -> Diagnostics {
        Diagnostics {
            bar: ProgressBar::hidden(),
            unreadable: AtomicU64::new(0),
        }
    }

    /// Reports a path that could not be read (or not to the end), and counts it.
    pub fn unreadable(&self, message: &dyn std::fmt::Display) {
        self.unreadable.fetch_add(1, Ordering::Relaxed);
        self.bar.suspend(|| eprintln!("zapi-webhooks: {message}"));
    }

    /// How many paths could not be read.
    pub fn unreadable_count(&self) -> u64 {
        self.unreadable.load(Ordering::Relaxed)
    }
}

/// One payload of a batch.
struct Item {
    label: Arc<str>,
    line: Option<u64>,
    framing: Framing,
    start: usize,
    end: usize,
}

/// Payloads read together: their bytes back to back in `data`.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    items: Vec<Item>,
    /// Input bytes consumed to make this batch (for the progress bar).
    bytes: u64,
}

impl Batch {
    fn is_full(&self) -> bool {
        self.items.len() >= BATCH_ITEMS || self.data.len() >= BATCH_BYTES
    }
}

/// A checked batch: its output and its counts.
struct Checked {
    out: Vec<u8>,
    tally: Tally,
    bytes: u64,
    /// For `--format human`: the dedupe key (as [`Duplicates::hash`]) of each typed payload,
    /// in input order, for the writer to count duplicates across batches.
    keys: Vec<u64>,
}

/// Checks every payload of `inputs` and writes the results to standard output.
pub fn run(inputs: Vec<Input>, options: Options, diagnostics: &Diagnostics) -> io::Result<Outcome> {
    let jobs = options.jobs.max(1);
    let total_bytes: Option<u64> = inputs.iter().map(|input| input.size).sum();
    thread::scope(|scope| {
        let mut batch_senders = Vec::with_capacity(jobs);
        let mut result_receivers = Vec::with_capacity(jobs);
        let mut workers = Vec::with_capacity(jobs);
        for _ in 0..jobs {
            let (batch_tx, batch_rx) = sync_channel::<Batch>(QUEUE);
            let (result_tx, result_rx) = sync_channel::<Checked>(QUEUE);
            batch_senders.push(batch_tx);
            result_receivers.push(result_rx);
            workers.push(
                thread::Builder::new()
                    .name("zapi-webhooks-check".to_owned())
                    .spawn_scoped(scope, move || work(&options, batch_rx, result_tx))?,
            );
        }
        let reader = thread::Builder::new()
            .name("zapi-webhooks-read".to_owned())
            .spawn_scoped(scope, move || read(inputs, batch_senders, diagnostics))?;

        let written = write(result_receivers, total_bytes, diagnostics);

        let mut panicked = reader.join().is_err();
        let mut unmodeled = UnmodeledTally::default();
        for worker in workers {
            match worker.join() {
                Ok(tally) => unmodeled.merge(tally),
                Err(_) => panicked = true,
            }
        }
        if panicked {
            return Err(io::Error::other(
                "internal error: a worker thread panicked; the results are incomplete",
            ));
        }
        let (tally, stdout_closed) = written.map_err(|error| {
            io::Error::new(error.kind(), format!("cannot write the results: {error}"))
        })?;
        Ok(Outcome {
            tally,
            unmodeled,
            unreadable: diagnostics.unreadable_count(),
            stdout_closed,
        })
    })
}

/// The reading thread: fills batches from the inputs, in order, and deals them to the workers
/// in turn. Stops early when the workers are gone (the output was closed).
fn read(inputs: Vec<Input>, workers: Vec<SyncSender<Batch>>, diagnostics: &Diagnostics) {
    let mut dealer = Dealer {
        workers,
        next: 0,
        batch: Batch::default(),
        label: Arc::from(""),
        framing: Framing::File,
        alive: true,
    };
    for input in inputs {
        dealer.label = Arc::clone(&input.label);
        dealer.framing = match (input.layout, &input.origin) {
            (Layout::Lines, _) => Framing::Line,
            (Layout::Whole, Origin::File(_)) => Framing::File,
            (Layout::Whole, Origin::Stdin) => Framing::Stdin,
        };
        if let Err(message) = input::read_payloads(&input, &mut dealer) {
            diagnostics.unreadable(&message);
        }
        if !dealer.alive {
            return;
        }
    }
    dealer.deal();
}

impl input::Sink for Dealer {
    fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.batch.data
    }

    fn consumed(&mut self, bytes: u64) {
        self.batch.bytes += bytes;
    }

    fn payload(&mut self, start: usize, end: usize, line: Option<u64>) -> bool {
        self.batch.items.push(Item {
            label: Arc::clone(&self.label),
            line,
            framing: self.framing,
            start,
            end,
        });
        self.alive = self.deal_if_full();
        self.alive
    }
}

/// Deals batches to the workers in turn.
struct Dealer {
    workers: Vec<SyncSender<Batch>>,
    next: usize,
    batch: Batch,
    /// The input being read, and how its payloads are framed.
    label: Arc<str>,
    framing: Framing,
    /// `false` once the workers are gone.
    alive: bool,
}

impl Dealer {
    /// Sends the current batch if it is full. Returns `false` when the workers are gone.
    fn deal_if_full(&mut self) -> bool {
        !self.batch.is_full() || self.deal()
    }

    /// Sends the current batch (if it holds anything). Returns `false` when the workers are
    /// gone.
    fn deal(&mut self) -> bool {
        if self.batch.items.is_empty() && self.batch.bytes == 0 {
            return true;
        }
        let batch = std::mem::take(&mut self.batch);
        let worker = &self.workers[self.next % self.workers.len()];
        self.next += 1;
        worker.send(batch).is_ok()
    }
}

/// A worker thread: checks each batch it is dealt and passes the output on. Returns its count
/// of unmodeled pointers.
fn work(
    options: &Options,
    batches: Receiver<Batch>,
    results: SyncSender<Checked>,
) -> UnmodeledTally {
    let mut unmodeled = UnmodeledTally::default();
    for batch in batches {
        let mut out = Vec::with_capacity(match options.format {
            Format::Json => batch.items.len() * 160,
            Format::Human => 0,
        });
        let mut tally = Tally::default();
        let mut keys = Vec::new();
        for item in &batch.items {
            let report = options
                .checker
                .check(&batch.data[item.start..item.end], item.framing);
            let source = Source {
                label: &item.label,
                line: item.line,
            };
            tally.add(&report);
            match options.format {
                Format::Json => output::write_json_line(&mut out, source, &report),
                Format::Human => {
                    output::write_human_line(&mut out, source, &report);
                    unmodeled.add(&report.unmodeled);
                    if let Some(model) = &report.model {
                        keys.push(Duplicates::hash(&model.dedupe_key()));
                    }
                }
            }
        }
        let checked = Checked {
            out,
            tally,
            bytes: batch.bytes,
            keys,
        };
        if results.send(checked).is_err() {
            break;
        }
    }
    unmodeled
}

/// The writing side (the calling thread): takes the results in input order and writes them to
/// a locked, buffered standard output. Returns the counts, and whether standard output was
/// closed early.
fn write(
    results: Vec<Receiver<Checked>>,
    total_bytes: Option<u64>,
    diagnostics: &Diagnostics,
) -> io::Result<(Tally, bool)> {
    let started = Instant::now();
    let progress_wanted = io::stderr().is_terminal();
    let stdout_is_terminal = io::stdout().is_terminal();
    let bar = &diagnostics.bar;
    let mut bar_shown = false;
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut tally = Tally::default();
    let mut duplicates = Duplicates::default();

    let mut turn = 0usize;
    // A worker that has no result left means there are no batches left at all: batches were
    // dealt in turn, and each worker's results come in the order of its batches.
    while let Ok(checked) = results[turn % results.len()].recv() {
        turn += 1;
        tally.merge(&checked.tally);
        duplicates.count(&checked.keys, &mut tally);
        if progress_wanted
            && !bar_shown
            && (tally.checked > PROGRESS_AFTER_PAYLOADS || started.elapsed() > PROGRESS_AFTER)
        {
            show_bar(bar, total_bytes);
            bar_shown = true;
        }
        let written = if bar_shown {
            bar.inc(checked.bytes);
            bar.set_message(format!("{} payloads", tally.checked));
            if stdout_is_terminal {
                // Both on the terminal: print between two drawings of the bar.
                bar.suspend(|| out.write_all(&checked.out).and_then(|()| out.flush()))
            } else {
                out.write_all(&checked.out)
            }
        } else {
            bar.inc(checked.bytes);
            out.write_all(&checked.out)
        };
        if let Err(error) = written {
            return closed_or_error(error, tally);
        }
    }
    bar.finish_and_clear();
    match out.flush() {
        Ok(()) => Ok((tally, false)),
        Err(error) => closed_or_error(error, tally),
    }
}

/// A closed pipe (`| head`) ends the run quietly; any other write error is an error.
fn closed_or_error(error: io::Error, tally: Tally) -> io::Result<(Tally, bool)> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok((tally, true))
    } else {
        Err(error)
    }
}

fn show_bar(bar: &ProgressBar, total_bytes: Option<u64>) {
    let style = match total_bytes {
        Some(total) => {
            bar.set_length(total);
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg} (eta {eta})",
            )
        }
        None => ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {binary_bytes} read, {msg} ({binary_bytes_per_sec})",
        ),
    };
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(200));
}
