//! Turning the command line's PATHs into a list of inputs, and reading inputs into payloads.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How an input holds its payloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The whole input is one payload.
    Whole,
    /// One payload per line (NDJSON / JSON Lines); blank lines are skipped.
    Lines,
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// One input to check.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it.
    pub origin: Origin,
    /// How it holds its payloads.
    pub layout: Layout,
    /// The name used in reports: the path as given (joined with what the walk found), or
    /// `<stdin>`.
    pub label: Arc<str>,
    /// Size in bytes when known (regular files), for the progress bar.
    pub size: Option<u64>,
}

/// The name of the files skipped when walking a folder: `fixtures/manifest.json` describes the
/// fixtures and is no payload.
pub const SKIPPED_IN_FOLDERS: &str = "manifest.json";

/// The label of standard input in reports.
pub const STDIN_LABEL: &str = "<stdin>";

/// The layout of a file, from its extension: `.ndjson` and `.jsonl` hold lines, `.json` (and
/// anything else named explicitly) one payload.
pub fn layout_of(path: &Path) -> Layout {
    match path.extension().and_then(OsStr::to_str) {
        Some(ext) if ext.eq_ignore_ascii_case("ndjson") || ext.eq_ignore_ascii_case("jsonl") => {
            Layout::Lines
        }
        _ => Layout::Whole,
    }
}

/// `true` for the files a folder walk picks up: `*.json`, `*.ndjson`, `*.jsonl`.
fn is_payload_file(path: &Path) -> bool {
    match path.extension().and_then(OsStr::to_str) {
        Some(ext) => ["json", "ndjson", "jsonl"]
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known)),
        None => false,
    }
}

/// A path that could not be used, with why.
#[derive(Debug)]
pub struct PathError {
    /// The path, as it will be shown.
    pub path: String,
    /// Why it could not be used.
    pub error: io::Error,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read {}: {}", self.path, self.error)
    }
}

/// Expands the command line's PATHs into inputs, in order: a file is itself, a folder is every
/// `*.json`, `*.ndjson` and `*.jsonl` below it (except files named [`SKIPPED_IN_FOLDERS`]),
/// sorted by path, and `-` is standard input. Paths that cannot be read are passed to
/// `on_error` and left out; the others are still expanded.
pub fn expand(
    paths: &[PathBuf],
    stdin_layout: Layout,
    on_error: &mut dyn FnMut(PathError),
) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                origin: Origin::Stdin,
                layout: stdin_layout,
                label: Arc::from(STDIN_LABEL),
                size: None,
            });
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, on_error),
            Ok(meta) => inputs.push(file_input(path.clone(), &meta)),
            Err(error) => on_error(PathError {
                path: path.display().to_string(),
                error,
            }),
        }
    }
    inputs
}

fn file_input(path: PathBuf, meta: &fs::Metadata) -> Input {
    Input {
        layout: layout_of(&path),
        label: Arc::from(path.display().to_string()),
        size: meta.is_file().then_some(meta.len()),
        origin: Origin::File(path),
    }
}

/// Depth-first walk with each folder's entries sorted by name, which is the order of the full
/// paths sorted component by component. Symbolic links to files are followed; links to
/// folders are not (no cycles).
fn walk(dir: &Path, inputs: &mut Vec<Input>, on_error: &mut dyn FnMut(PathError)) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            on_error(PathError {
                path: dir.display().to_string(),
                error,
            });
            return;
        }
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => children.push(entry),
            Err(error) => {
                on_error(PathError {
                    path: dir.display().to_string(),
                    error,
                });
                return;
            }
        }
    }
    children.sort_by_key(|entry| entry.file_name());
    for entry in children {
        let path = entry.path();
        let file_type = match entry.file_type() {
            Ok(file_type) => file_type,
            Err(error) => {
                on_error(PathError {
                    path: path.display().to_string(),
                    error,
                });
                continue;
            }
        };
        if file_type.is_dir() {
            walk(&path, inputs, on_error);
            continue;
        }
        if !is_payload_file(&path) || entry.file_name() == SKIPPED_IN_FOLDERS {
            continue;
        }
        // `metadata` follows a symbolic link: a dangling one is reported, a link to a folder
        // skipped.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) => inputs.push(file_input(path, &meta)),
            Err(error) => on_error(PathError {
                path: path.display().to_string(),
                error,
            }),
        }
    }
}

/// Opens an input for reading. Files get a large buffer: lines are read straight out of it.
pub fn open(input: &Input) -> io::Result<Box<dyn BufRead + Send>> {
    const BUFFER: usize = 256 * 1024;
    Ok(match &input.origin {
        Origin::File(path) => Box::new(BufReader::with_capacity(BUFFER, File::open(path)?)),
        Origin::Stdin => Box::new(BufReader::with_capacity(BUFFER, io::stdin())),
    })
}

/// Reads a whole input (one payload) at the end of `buf`, returning how many bytes came.
pub fn read_whole(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    reader.read_to_end(buf)
}

/// Reads one line at the end of `buf`, without its line ending (`\n` or `\r\n`). Returns the
/// bytes consumed (0 at the end of the input) and the length of the line kept in `buf`.
pub fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<(usize, usize)> {
    let start = buf.len();
    let consumed = reader.read_until(b'\n', buf)?;
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok((consumed, buf.len() - start))
}

/// `true` when a line holds nothing but whitespace.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Where [`read_payloads`] puts what it reads, and what it tells as it goes.
pub trait Sink {
    /// The buffer the next payload is read onto the end of (it may change between payloads).
    fn buffer(&mut self) -> &mut Vec<u8>;

    /// Input bytes consumed (payloads, line endings and blank lines), for progress.
    fn consumed(&mut self, bytes: u64);

    /// A payload, now at `buffer()[start..end]`. Returns `false` to stop reading.
    fn payload(&mut self, start: usize, end: usize, line: Option<u64>) -> bool;
}

/// Reads every payload of one input into `sink`: the whole input as one payload
/// ([`Layout::Whole`]), or each line that is not blank ([`Layout::Lines`], with its 1-based
/// line number). Returns `Ok(false)` when the sink asked to stop, and an error message naming
/// the input (and the last line read) when it cannot be opened or read to the end; the payloads
/// read before the error have been passed on.
pub fn read_payloads(input: &Input, sink: &mut dyn Sink) -> Result<bool, String> {
    let mut reader =
        open(input).map_err(|error| format!("cannot read {}: {error}", input.label))?;
    match input.layout {
        Layout::Whole => {
            let buf = sink.buffer();
            let start = buf.len();
            match read_whole(&mut *reader, buf) {
                Ok(read) => {
                    let end = buf.len();
                    sink.consumed(read as u64);
                    Ok(sink.payload(start, end, None))
                }
                Err(error) => {
                    buf.truncate(start);
                    Err(format!("cannot read {}: {error}", input.label))
                }
            }
        }
        Layout::Lines => {
            let mut line_number = 0u64;
            loop {
                let buf = sink.buffer();
                let start = buf.len();
                let (consumed, length) = match read_line(&mut *reader, buf) {
                    Ok(read) => read,
                    Err(error) => {
                        buf.truncate(start);
                        return Err(format!(
                            "cannot read {} after line {line_number}: {error}",
                            input.label
                        ));
                    }
                };
                if consumed == 0 {
                    return Ok(true);
                }
                line_number += 1;
                let end = start + length;
                if is_blank(&buf[start..end]) {
                    buf.truncate(start);
                    sink.consumed(consumed as u64);
                    continue;
                }
                sink.consumed(consumed as u64);
                if !sink.payload(start, end, Some(line_number)) {
                    return Ok(false);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_by_extension() {
        assert_eq!(layout_of(Path::new("a/b.json")), Layout::Whole);
        assert_eq!(layout_of(Path::new("a/b.ndjson")), Layout::Lines);
        assert_eq!(layout_of(Path::new("a/b.JSONL")), Layout::Lines);
        assert_eq!(layout_of(Path::new("capture.txt")), Layout::Whole);
        assert!(is_payload_file(Path::new("x.jsonl")));
        assert!(!is_payload_file(Path::new("x.txt")));
        assert!(!is_payload_file(Path::new("json")));
    }

    #[test]
    fn lines_lose_their_endings() {
        let mut reader: &[u8] = b"{\"a\":1}\r\n\n  \n{\"b\":2}";
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut reader, &mut buf).ok(), Some((9, 7)));
        assert_eq!(buf, b"{\"a\":1}");
        buf.clear();
        assert_eq!(read_line(&mut reader, &mut buf).ok(), Some((1, 0)));
        buf.clear();
        assert_eq!(read_line(&mut reader, &mut buf).ok(), Some((3, 2)));
        assert!(is_blank(&buf));
        buf.clear();
        assert_eq!(read_line(&mut reader, &mut buf).ok(), Some((7, 7)));
        buf.clear();
        assert_eq!(read_line(&mut reader, &mut buf).ok(), Some((0, 0)));
    }
}
