//! `cargo xtask import-docs PATH [--write] [--fixtures DIR]`: turns the JSON
//! examples of the Z-API webhook documentation into test fixtures.
//!
//! PATH is either a folder with `pt/` and `en/` subfolders of markdown pages
//! (the layout of the docs copy CI uses, and of the sample `xtask/testdata/docs`)
//! or a checkout of the Z-API docs repository (`docs/webhooks/` is Portuguese,
//! `i18n/en/docusaurus-plugin-content-docs/current/webhooks/` is English). Every ```` ```json ```` block of every page
//! is parsed with the lenient parser ([`crate::lenient_json`]); each
//! top-level value becomes
//!
//! - a webhook payload (it has a known `type`): one fixture file per distinct
//!   payload (compared as `serde_json::Value`), listing every place it appears;
//! - a webhook-configuration example (`{"value": ...}`, `{"notifySentByMe": ..}`),
//!   listed under `config_examples` in the manifest;
//! - or a skipped block, listed with its reason (JavaScript `case` snippets
//!   also contribute to `notification_names_in_docs`).
//!
//! Without `--write` the result is compared with the fixtures folder and the
//! command fails if anything is new, changed or gone; with `--write` the
//! fixture files and `manifest.json` are (re)written.
//!
//! # Tests
//!
//! The importer's tests run on `xtask/testdata/docs`, a small synthetic docs
//! tree of our own (see its README) that exercises every repair. The drift
//! check of the committed `fixtures/` against the real Z-API docs runs only
//! when the environment variable `ZAPI_DOCS_DIR` names the docs folder (a
//! relative path is relative to the workspace root):
//! `ZAPI_DOCS_DIR=../shared/zapi-docs cargo test -p xtask`. Without it the
//! test passes and says on stderr that the check was not run; with a path
//! that is not a folder it fails.

use crate::lenient_json::{self, Node, Repair};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Usage line of the subcommand.
pub const USAGE: &str = "import-docs PATH [--write] [--fixtures DIR]";

/// Case names (the part after `<kind>__` in a fixture name) for the example
/// headings of the docs, Portuguese and English. Headings are compared after
/// [`normalize_heading`]. Headings not listed here fall back to the
/// notification name (notification payloads), to `basic` (status-code
/// headings such as `200`) or to a slug of the heading (with a warning).
const CASE_NAMES: &[(&str, &str)] = &[
    // pt/on-message-received.md and pt/on-message-received-notify-fromme.md
    ("exemplo de retorno de texto", "basic"),
    ("exemplo de retorno de template de texto", "text"),
    ("exemplo de retorno de reação", "basic"),
    ("exemplo de retorno de texto (lista de botão)", "basic"),
    ("exemplo de retorno de template de botão otp", "otp_button"),
    ("exemplo de retorno de botão de chave pix", "basic"),
    ("exemplo de retorno de botão com imagem", "image"),
    ("exemplo de retorno de botão com video", "video"),
    ("exemplo de retorno de texto (lista de opcão)", "basic"),
    ("exemplo de retorno de carrosel", "basic"),
    ("exemplo de retorno de texto vindos de anúncio", "from_ad"),
    ("exemplo de retorno de imagem", "basic"),
    ("exemplo de retorno de foto", "basic"),
    ("exemplo de retorno de template de imagem", "image"),
    ("exemplo de retorno de áudio", "basic"),
    ("exemplo de retorno de vídeo", "basic"),
    ("exemplo de retorno de template de vídeo", "video"),
    ("exemplo de retorno de ptv", "ptv"),
    ("exemplo de retorno de contato", "basic"),
    ("exemplo de retorno de documento", "basic"),
    ("exemplo de retorno de template de documento", "document"),
    ("exemplo de retorno de localização", "basic"),
    ("exemplo de retorno de template de localização", "location"),
    ("exemplo de retorno de sticker", "basic"),
    ("exemplo de retorno de gif", "gif"),
    ("exemplo de retorno de pagamento feito", "basic"),
    (
        "exemplo de retorno de pedido de pagamento",
        "payment_action_request_declined",
    ),
    ("exemplo de retorno de recebimento de pagamento", "basic"),
    ("exemplo de retorno de ligação recebida", "call_voice"),
    ("exemplo de retorno de ligação perdida", "call_missed_voice"),
    (
        "exemplo de solicitação de entrada em grupo através de um link de convite",
        "membership_approval_request_invite_link",
    ),
    (
        "exemplo de solicitação de entrada em grupo revogada pelo usuário",
        "revoked_membership_requests",
    ),
    (
        "exemplo de solicitação de entrada em grupo adicionado por um participante",
        "membership_approval_request_non_admin_add",
    ),
    (
        "exemplo de admin promovido a um canal",
        "newsletter_admin_promote",
    ),
    (
        "exemplo de admin removido de um canal",
        "newsletter_admin_demote",
    ),
    ("exemplo de retorno de produto", "basic"),
    ("exemplo de retorno de carrinho", "basic"),
    ("exemplo de retorno de enquete", "basic"),
    ("exemplo de retorno de resposta de enquete", "basic"),
    ("exemplo de retorno de envio de pedido", "basic"),
    ("exemplo de retorno de atualização de pedido", "basic"),
    ("exemplo de retorno de convite admin de canal", "basic"),
    ("exemplo de retorno de fixar mensagem", "basic"),
    ("exemplo de retorno de evento", "basic"),
    ("exemplo de retorno de resposta de evento", "basic"),
    ("exemplo de retorno de \"aguardando mensagem\"", "basic"),
    (
        "exemplo de retorno de alteração do nome do whatsapp conectado",
        "profile_name_updated",
    ),
    (
        "exemplo de retorno de alteração da foto do whatsapp conectado",
        "profile_picture_updated",
    ),
    (
        "exemplo de retorno de alteração de etiquetas de um chat",
        "chat_label_association",
    ),
    ("exemplo de retorno de resposta de status", "status_reply"),
    (
        "exemplo de retorno quando a mensagem é enviada para uma lista de transmissão",
        "broadcast_list",
    ),
    (
        "exemplo de notificação: acesso ao link de convite limitado a administradores",
        "group_member_link_property_update_admin_link",
    ),
    (
        "exemplo de notificação: acesso ao link de convite a todos os membros",
        "group_member_link_property_update_all_member_link",
    ),
    // en/on-message-received.md
    ("text return example", "basic"),
    ("template text return example", "text"),
    ("reaction return example", "basic"),
    ("example return text (button list)", "basic"),
    ("example return text (picklist)", "basic"),
    ("image return example", "basic"),
    ("template image return example", "image"),
    ("audio feedback example", "basic"),
    ("video return example", "basic"),
    ("template video return example", "video"),
    ("contact feedback example", "basic"),
    ("document return example", "basic"),
    ("template document return example", "document"),
    (
        "example of a group join request via an invitation link",
        "membership_approval_request_invite_link",
    ),
    (
        "example of a group join request revoked by user",
        "revoked_membership_requests",
    ),
    (
        "example of a group join request added by a participant",
        "membership_approval_request_non_admin_add",
    ),
    ("localization's feedback example", "basic"),
    ("template localization return example", "location"),
    ("template otp button return example", "otp_button"),
    ("pix key button return example", "basic"),
    ("button with image return example", "image"),
    ("button with video return example", "video"),
    ("carousel return example", "basic"),
    ("sticker feedback example", "basic"),
    ("example of return of payment made", "basic"),
    (
        "payment request return example",
        "payment_action_request_declined",
    ),
    (
        "example of an admin promoted to newsletter",
        "newsletter_admin_promote",
    ),
    (
        "example of an admin demoted of newsletter",
        "newsletter_admin_demote",
    ),
    ("example of payment receipt return", "basic"),
    ("product return example", "basic"),
    ("cart return example", "basic"),
    ("example of poll response", "basic"),
    ("example of poll response message", "basic"),
    ("send order return example", "basic"),
    ("update order return example", "basic"),
    ("newsletter admin invitation return example", "basic"),
    ("pin message return example", "basic"),
    ("event return example", "basic"),
    ("event response return example", "basic"),
    ("waiting message return example", "basic"),
    (
        "example of return for changing the connected whatsapp name",
        "profile_name_updated",
    ),
    (
        "example of return for changing the connected whatsapp photo",
        "profile_picture_updated",
    ),
    ("chat tag update return example", "chat_label_association"),
    ("status post response example", "status_reply"),
    (
        "example response when a message is sent to a broadcast list",
        "broadcast_list",
    ),
    (
        "example of notification: group invite link access restricted to administrators",
        "group_member_link_property_update_admin_link",
    ),
    (
        "example of notification: group invite link access to all members",
        "group_member_link_property_update_all_member_link",
    ),
];

/// Keys a webhook-configuration body may have (and nothing else).
const CONFIG_KEYS: &[&str] = &["value", "notifySentByMe"];

/// Explains the manifest; written as its `$comment`.
const MANIFEST_COMMENT: &str = "Generated by `cargo xtask import-docs <docs> --write` from the JSON examples of the \
Z-API webhook docs (pt and en); do not edit by hand. Each code block is parsed leniently and repaired into valid JSON \
(every repair is listed per source with the JSON pointer where it happened). Each fixture file is one distinct payload \
(compared as serde_json::Value after repair), written with the key order and number text of its first source; \
`sources` lists every docs block it appears in (block = 1-based index of the json code block under that heading, \
object = 1-based index of the value inside the block). The callback folders belong to the importer: \
`cargo test -p xtask` fails when they drift from the docs. Non-payload blocks are listed under `skipped` and \
`config_examples`; `notification_names_in_docs` lists every notification name the docs mention.";

/// Command-line options of the subcommand.
#[derive(Debug, Clone)]
pub struct Options {
    /// The docs folder (shared layout or docs repository checkout).
    pub docs: PathBuf,
    /// The fixtures folder (`<workspace>/fixtures` by default).
    pub fixtures: PathBuf,
    /// Write the fixtures instead of only comparing.
    pub write: bool,
}

/// Entry point of `cargo xtask import-docs`.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut docs: Option<PathBuf> = None;
    let mut fixtures: Option<PathBuf> = None;
    let mut write = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--write" => write = true,
            "--fixtures" => {
                let dir = iter
                    .next()
                    .ok_or_else(|| format!("--fixtures needs a folder\nusage: {USAGE}"))?;
                fixtures = Some(PathBuf::from(dir));
            }
            "-h" | "--help" => {
                println!("usage: cargo xtask {USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}`\nusage: {USAGE}"));
            }
            path if docs.is_none() => docs = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument `{extra}`\nusage: {USAGE}")),
        }
    }
    let docs = docs.ok_or_else(|| format!("missing the docs PATH\nusage: {USAGE}"))?;
    let fixtures = fixtures.unwrap_or_else(|| workspace_root().join("fixtures"));
    let outcome = import(&Options {
        docs,
        fixtures,
        write,
    })?;
    print!("{}", outcome.report);
    if outcome.write || outcome.is_up_to_date() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}

/// The workspace root (the parent of the xtask crate).
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or_else(|| manifest_dir.to_path_buf(), Path::to_path_buf)
}

/// Result of one import run.
#[derive(Debug)]
pub struct Outcome {
    /// Whether files were written.
    pub write: bool,
    /// Fixture paths (relative to the fixtures folder) that did not exist.
    pub new: Vec<String>,
    /// Fixture paths whose content differs from the docs.
    pub changed: Vec<String>,
    /// Fixture paths that are up to date.
    pub unchanged: Vec<String>,
    /// Fixture files in the callback folders that the docs no longer produce.
    pub missing_from_docs: Vec<String>,
    /// Payload examples found in the docs (one per top-level value with a
    /// known webhook `type`, counting every language and page).
    pub payload_examples: usize,
    /// Distinct payloads, i.e. fixture files (the manifest not included).
    pub fixtures: usize,
    /// The human-readable report that `run` prints.
    pub report: String,
}

impl Outcome {
    /// True when the fixtures folder already matches the docs.
    pub fn is_up_to_date(&self) -> bool {
        self.new.is_empty() && self.changed.is_empty() && self.missing_from_docs.is_empty()
    }
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

/// Documentation language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Lang {
    Pt,
    En,
}

impl Lang {
    fn as_str(self) -> &'static str {
        match self {
            Lang::Pt => "pt",
            Lang::En => "en",
        }
    }
}

/// One markdown page.
struct Page {
    lang: Lang,
    /// `<lang>/<path relative to the language folder>`, with `/` separators.
    id: String,
    /// Where it was read from (for messages).
    path: PathBuf,
    text: String,
}

impl Page {
    /// The variant tag of the page: `fromme` for the "notify sent by me"
    /// copies of the received page, empty otherwise.
    fn page_tag(&self) -> &'static str {
        let stem = self.id.rsplit('/').next().unwrap_or(&self.id);
        let stem = stem.split('.').next().unwrap_or(stem);
        if stem.ends_with("notify-fromme") {
            "fromme"
        } else {
            ""
        }
    }

    /// The fixture-name suffix of examples from this page.
    fn variant_tag(&self) -> &'static str {
        match (self.page_tag(), self.lang) {
            ("", Lang::Pt) => "",
            ("", Lang::En) => "en",
            (_, Lang::Pt) => "fromme",
            (_, Lang::En) => "fromme_en",
        }
    }
}

/// Rank of a variant tag: sources with a lower rank name the fixture.
fn tag_rank(tag: &str) -> u8 {
    match tag {
        "" => 0,
        "fromme" => 1,
        "en" => 2,
        _ => 3,
    }
}

/// Finds the pt and en markdown pages under `root`, in a stable order.
fn discover_pages(root: &Path) -> Result<Vec<Page>, String> {
    if !root.is_dir() {
        return Err(format!(
            "{}: not a folder (expected the Z-API webhook docs)",
            root.display()
        ));
    }
    let (pt, en) = if root.join("pt").is_dir() && root.join("en").is_dir() {
        (root.join("pt"), root.join("en"))
    } else if root.join("docs").join("webhooks").is_dir() {
        let en = [
            "i18n",
            "en",
            "docusaurus-plugin-content-docs",
            "current",
            "webhooks",
        ]
        .iter()
        .fold(root.to_path_buf(), |p, c| p.join(c));
        (root.join("docs").join("webhooks"), en)
    } else {
        return Err(format!(
            "{}: expected `pt/` and `en/` folders or a docs checkout with `docs/webhooks/`",
            root.display()
        ));
    };
    if !en.is_dir() {
        return Err(format!("{}: English docs folder not found", en.display()));
    }
    let mut pages = Vec::new();
    for (lang, dir) in [(Lang::Pt, pt), (Lang::En, en)] {
        let mut files = Vec::new();
        list_markdown(&dir, "", &mut files)?;
        files.sort();
        for (rel, path) in files {
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            pages.push(Page {
                lang,
                id: format!("{}/{rel}", lang.as_str()),
                path,
                text,
            });
        }
    }
    Ok(pages)
}

/// Collects `(relative path, path)` of the `.md`/`.mdx` files under `dir`.
fn list_markdown(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if path.is_dir() {
            list_markdown(&path, &rel, out)?;
        } else if name.ends_with(".md") || name.ends_with(".mdx") {
            out.push((rel, path));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/// A fenced code block of a JSON language.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CodeBlock {
    /// 1-based line of the opening fence in the page.
    line: usize,
    /// Text of the nearest heading above the block (`""` before any heading).
    heading: String,
    /// Texts of the enclosing headings, outermost first (ends with `heading`).
    section: Vec<String>,
    /// 1-based index of this block among the JSON blocks under `heading`.
    index: usize,
    /// The block content (fence lines excluded).
    text: String,
    /// Markdown-level repairs (an unterminated fence).
    notes: Vec<String>,
}

/// An open code fence.
struct OpenFence {
    ch: char,
    len: usize,
    indent: usize,
    json: bool,
    line: usize,
    section: Vec<String>,
    index: usize,
    lines: Vec<String>,
}

impl OpenFence {
    fn finish(self, notes: Vec<String>) -> Option<CodeBlock> {
        self.json.then(|| CodeBlock {
            line: self.line,
            heading: self.section.last().cloned().unwrap_or_default(),
            section: self.section,
            index: self.index,
            text: self.lines.join("\n"),
            notes,
        })
    }
}

/// Level and text of an ATX heading line (`## Title {#anchor}` -> `(2, "Title")`).
fn heading_text(line: &str) -> Option<(usize, String)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &trimmed[hashes..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    // Optional closing sequence of #s.
    let without_closing = text.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        text = without_closing.trim_end();
    }
    // Docusaurus heading ids.
    if let Some(open) = text.rfind("{#") {
        if text.ends_with('}') {
            text = text[..open].trim_end();
        }
    }
    Some((hashes, text.to_owned()))
}

/// Headings enclosing the current line: `(level, text)`, outermost first.
#[derive(Default)]
struct Sections(Vec<(usize, String)>);

impl Sections {
    fn enter(&mut self, level: usize, text: String) {
        while self.0.last().is_some_and(|(l, _)| *l >= level) {
            self.0.pop();
        }
        self.0.push((level, text));
    }

    fn texts(&self) -> Vec<String> {
        self.0.iter().map(|(_, t)| t.clone()).collect()
    }
}

/// Parses an opening code fence: `(char, length, indentation, info string)`.
fn opening_fence(line: &str) -> Option<(char, usize, usize, String)> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let ch = trimmed.chars().next().filter(|&c| c == '`' || c == '~')?;
    let len = trimmed.chars().take_while(|&c| c == ch).count();
    if len < 3 {
        return None;
    }
    let info = trimmed[len..].trim();
    if ch == '`' && info.contains('`') {
        return None;
    }
    Some((ch, len, indent, info.to_owned()))
}

/// Whether `line` closes a fence opened with `len` times `ch`.
fn is_closing_fence(line: &str, ch: char, len: usize) -> bool {
    let trimmed = line.trim();
    let run = trimmed.chars().take_while(|&c| c == ch).count();
    run >= len && trimmed.chars().all(|c| c == ch)
}

/// Whether a fence info string names JSON.
fn is_json_info(info: &str) -> bool {
    let lang = info
        .split(|c: char| c.is_whitespace() || c == '{')
        .next()
        .unwrap_or("");
    matches!(
        lang.to_ascii_lowercase().as_str(),
        "json" | "jsonc" | "json5"
    )
}

/// Drops up to `n` leading spaces.
fn strip_indent(line: &str, n: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(n)..]
}

/// Extracts the JSON code blocks of a markdown page with their headings.
///
/// Skips the front matter and HTML comments; a JSON block that is not closed
/// before the next heading + opening fence is closed there (with a note).
fn extract_blocks(text: &str) -> Vec<CodeBlock> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut sections = Sections::default();
    let mut count_under_heading = 0;
    let mut open: Option<OpenFence> = None;
    let mut in_comment = false;
    let mut i = 0;
    if lines.first().is_some_and(|l| l.trim() == "---") {
        if let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---") {
            i = end + 2;
        }
    }
    while i < lines.len() {
        let line = lines[i];
        let line_no = i + 1;
        i += 1;
        if let Some(mut fence) = open.take() {
            if is_closing_fence(line, fence.ch, fence.len) {
                blocks.extend(fence.finish(Vec::new()));
                continue;
            }
            let reopens =
                fence.json && opening_fence(line).is_some_and(|(_, _, _, info)| !info.is_empty());
            if !reopens {
                fence
                    .lines
                    .push(strip_indent(line, fence.indent).to_owned());
                open = Some(fence);
                continue;
            }
            // An opening fence inside a JSON block: the block was never
            // closed. Give back the trailing headings and blank lines.
            let mut given_back = Vec::new();
            while let Some(last) = fence.lines.last() {
                if last.trim().is_empty() || heading_text(last).is_some() {
                    given_back.push(fence.lines.pop().unwrap_or_default());
                } else {
                    break;
                }
            }
            given_back.reverse();
            let before = given_back
                .iter()
                .find(|l| !l.trim().is_empty())
                .map_or_else(|| line.trim().to_owned(), |l| l.trim().to_owned());
            let note = format!(
                "markdown: unterminated code fence; the block was closed before `{before}`"
            );
            blocks.extend(fence.finish(vec![note]));
            for given in &given_back {
                if let Some((level, text)) = heading_text(given) {
                    sections.enter(level, text);
                    count_under_heading = 0;
                }
            }
            // Fall through: `line` opens the next block.
        }
        if in_comment {
            if line.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if let Some(start) = line.find("<!--") {
            if !line[start..].contains("-->") {
                in_comment = true;
            }
            if line[..start].trim().is_empty() {
                continue;
            }
        }
        if let Some((level, text)) = heading_text(line) {
            sections.enter(level, text);
            count_under_heading = 0;
            continue;
        }
        if let Some((ch, len, indent, info)) = opening_fence(line) {
            let json = is_json_info(&info);
            if json {
                count_under_heading += 1;
            }
            open = Some(OpenFence {
                ch,
                len,
                indent,
                json,
                line: line_no,
                section: sections.texts(),
                index: count_under_heading,
                lines: Vec::new(),
            });
        }
    }
    if let Some(fence) = open {
        blocks.extend(fence.finish(vec![
            "markdown: unterminated code fence; closed at the end of the page".to_owned(),
        ]));
    }
    blocks
}

// ---------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------

/// Where a block or value comes from, as written in the manifest.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
struct SourceRef {
    lang: &'static str,
    page: String,
    heading: String,
    block: usize,
}

/// One payload example found in the docs.
struct Occurrence {
    source: SourceRef,
    object: usize,
    /// `(variant tag rank, language, page, line, object)`: the lowest names the fixture.
    rank: (u8, Lang, String, usize, usize),
    tag: &'static str,
    node: Node,
    value: Value,
    canonical: String,
    callback: &'static str,
    type_name: String,
    kind: String,
    notification: Option<String>,
    case: String,
    repairs: Vec<String>,
}

/// A manifest entry for a block or value that is not a payload.
#[derive(Debug, Clone, Serialize)]
struct Skipped {
    #[serde(flatten)]
    source: SourceRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<usize>,
    reason: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notification_names: Vec<String>,
}

/// A manifest entry for a webhook-configuration example.
#[derive(Debug, Clone, Serialize)]
struct ConfigExample {
    #[serde(flatten)]
    source: SourceRef,
    object: usize,
    /// `request_body` or `response`.
    role: &'static str,
    value: Value,
    repairs: Vec<String>,
}

/// Where a notification name was seen.
#[derive(Debug, Clone, Serialize)]
struct NameSource {
    /// `javascript_case` (a `case '...'` snippet) or `payload`.
    origin: &'static str,
    #[serde(flatten)]
    source: SourceRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixture: Option<String>,
}

/// Everything found in the pages.
#[derive(Default)]
struct Extraction {
    pages: BTreeMap<Lang, usize>,
    blocks: usize,
    values: usize,
    occurrences: Vec<Occurrence>,
    skipped: Vec<Skipped>,
    configs: Vec<ConfigExample>,
    js_names: Vec<(String, SourceRef)>,
    repair_counts: BTreeMap<&'static str, usize>,
    warnings: Vec<String>,
}

/// Lowercases a heading and normalizes spaces, quotes and final punctuation.
fn normalize_heading(heading: &str) -> String {
    let lowered = heading
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'");
    let collapsed = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches(['.', ':']).trim_end().to_owned()
}

/// A snake_case ASCII slug (`"Exemplo de PTV"` -> `exemplo_de_ptv`).
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let folded = match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' => 'a',
            'é' | 'ê' | 'è' | 'É' | 'Ê' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ô' | 'Õ' => 'o',
            'ú' | 'ü' | 'Ú' => 'u',
            'ç' | 'Ç' => 'c',
            c => c,
        };
        if folded.is_ascii_alphanumeric() {
            out.push(folded.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The kind of a payload of `callback`, by the models' own table
/// (`zapi_webhooks::Kind`): the first content key present with a value that
/// is not `null`. The committed manifest, reviewed by hand, is what the
/// models are then tested against.
fn kind_of(callback: &str, node: &Node) -> String {
    if callback != "received" {
        return callback.to_owned();
    }
    if let Some(kind) = zapi_webhooks::Kind::ALL.iter().find(|kind| {
        kind.content_key()
            .is_some_and(|key| !matches!(node.get(key), None | Some(Node::Null)))
    }) {
        return kind.as_str().to_owned();
    }
    if node.get("waitingMessage") == Some(&Node::Bool(true)) {
        return "waiting_message".to_owned();
    }
    "unknown".to_owned()
}

/// The case name of an example (see [`CASE_NAMES`]) and whether it is a
/// known one (`false` when it had to be made up from the heading).
fn case_of(callback: &str, kind: &str, heading: &str, node: &Node) -> (String, bool) {
    if matches!(callback, "message_status" | "presence_chat") {
        if let Some(status) = node.get("status").and_then(Node::as_str) {
            return (slug(status), true);
        }
    }
    let normalized = normalize_heading(heading);
    if let Some((_, case)) = CASE_NAMES.iter().find(|(h, _)| *h == normalized) {
        return ((*case).to_owned(), true);
    }
    if kind == "notification" {
        if let Some(name) = node.get("notification").and_then(Node::as_str) {
            return (slug(name), true);
        }
    }
    if normalized.is_empty() || normalized.chars().all(|c| c.is_ascii_digit()) {
        return ("basic".to_owned(), true);
    }
    let made_up = slug(&normalized);
    (
        if made_up.is_empty() {
            "example".to_owned()
        } else {
            made_up
        },
        false,
    )
}

/// Notification names listed by a JavaScript `case 'NAME':` snippet, or
/// `None` if the block is not such a snippet.
fn javascript_case_names(text: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix("case ") else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|&c| c == '\'' || c == '"') else {
            continue;
        };
        let inner = &rest[1..];
        let Some(end) = inner.find(quote) else {
            continue;
        };
        if inner[end + 1..].trim_start().starts_with(':') {
            names.push(inner[..end].to_owned());
        }
    }
    (!names.is_empty()).then_some(names)
}

impl Extraction {
    fn count_repairs<'r>(&mut self, repairs: impl IntoIterator<Item = &'r Repair>) {
        for repair in repairs {
            *self.repair_counts.entry(repair.kind.name()).or_default() += 1;
        }
    }

    /// Classifies every value of one code block.
    fn add_block(&mut self, page: &Page, block: &CodeBlock) {
        self.blocks += 1;
        if !block.notes.is_empty() {
            *self.repair_counts.entry("unterminated_fence").or_default() += block.notes.len();
        }
        let source = SourceRef {
            lang: page.lang.as_str(),
            page: page.id.clone(),
            heading: block.heading.clone(),
            block: block.index,
        };
        let skip = |reason: String, object: Option<usize>, names: Vec<String>| Skipped {
            source: source.clone(),
            object,
            reason,
            notification_names: names,
        };
        if let Some(names) = javascript_case_names(&block.text) {
            for name in &names {
                self.js_names.push((name.clone(), source.clone()));
            }
            let first = block.text.lines().next().unwrap_or("").trim();
            let reason = format!(
                "JavaScript snippet (`{first} campo_html = ...`) that renders a notification, not a JSON payload"
            );
            self.skipped.push(skip(reason, None, names));
            return;
        }
        let parsed = match lenient_json::parse_all(&block.text) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.warnings.push(format!(
                    "{}:{}: unparsable JSON block skipped: {e}",
                    page.path.display(),
                    block.line + e.line
                ));
                self.skipped.push(skip(
                    format!("unparsable: {e} (of the block)"),
                    None,
                    Vec::new(),
                ));
                return;
            }
        };
        if parsed.is_empty() {
            self.skipped
                .push(skip("empty code block".to_owned(), None, Vec::new()));
            return;
        }
        for (i, value) in parsed.into_iter().enumerate() {
            self.values += 1;
            let object = i + 1;
            self.count_repairs(&value.repairs);
            let mut repairs: Vec<String> = block.notes.clone();
            repairs.extend(value.repairs.iter().map(|r| r.message.clone()));
            let Node::Object(members) = &value.node else {
                self.skipped.push(skip(
                    "top-level value is not an object".to_owned(),
                    Some(object),
                    Vec::new(),
                ));
                continue;
            };
            let type_name = value.node.get("type").and_then(Node::as_str);
            let callback = type_name
                .and_then(zapi_webhooks::CallbackType::from_type_value)
                .map(zapi_webhooks::CallbackType::as_str);
            if let (Some(callback), Some(type_name)) = (callback, type_name) {
                let json = match lenient_json::to_value(&value.node) {
                    Ok(json) => json,
                    Err(e) => {
                        self.skipped.push(skip(
                            format!("not representable: {e}"),
                            Some(object),
                            Vec::new(),
                        ));
                        continue;
                    }
                };
                let kind = kind_of(callback, &value.node);
                let notification = if kind == "notification" {
                    value
                        .node
                        .get("notification")
                        .and_then(Node::as_str)
                        .map(str::to_owned)
                } else {
                    None
                };
                let (case, known) = case_of(callback, &kind, &block.heading, &value.node);
                if !known {
                    self.warnings.push(format!(
                        "{}:{}: no case name for heading {:?}; using `{case}` (add it to CASE_NAMES)",
                        page.path.display(),
                        block.line,
                        block.heading
                    ));
                }
                if kind == "unknown" {
                    self.warnings.push(format!(
                        "{}:{}: received payload with no known content key (kind `unknown`)",
                        page.path.display(),
                        block.line + value.line
                    ));
                }
                self.occurrences.push(Occurrence {
                    source: source.clone(),
                    object,
                    rank: (
                        tag_rank(page.variant_tag()),
                        page.lang,
                        page.id.clone(),
                        block.line + value.line,
                        object,
                    ),
                    tag: page.variant_tag(),
                    canonical: json.to_string(),
                    value: json,
                    node: value.node.clone(),
                    callback,
                    type_name: type_name.to_owned(),
                    kind,
                    notification,
                    case,
                    repairs,
                });
                continue;
            }
            if let Some(type_name) = type_name {
                let reason = format!(
                    "object with an unknown webhook `type` {}",
                    lenient_json::escape_string(type_name)
                );
                self.skipped.push(skip(reason, Some(object), Vec::new()));
                continue;
            }
            if !members.is_empty()
                && members
                    .iter()
                    .all(|(k, _)| CONFIG_KEYS.contains(&k.as_str()))
            {
                let value_json = match lenient_json::to_value(&value.node) {
                    Ok(json) => json,
                    Err(e) => {
                        self.skipped.push(skip(
                            format!("not representable: {e}"),
                            Some(object),
                            Vec::new(),
                        ));
                        continue;
                    }
                };
                let request = block
                    .section
                    .iter()
                    .any(|h| ["request body", "body"].contains(&normalize_heading(h).as_str()));
                self.configs.push(ConfigExample {
                    source: source.clone(),
                    object,
                    role: if request { "request_body" } else { "response" },
                    value: value_json,
                    repairs,
                });
                continue;
            }
            let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            let reason = format!("object without a webhook `type`; keys: {}", keys.join(", "));
            self.skipped.push(skip(reason, Some(object), Vec::new()));
        }
    }
}

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// One source of a fixture, as written in the manifest.
#[derive(Debug, Clone, Serialize)]
struct FixtureSource {
    #[serde(flatten)]
    source: SourceRef,
    object: usize,
    repairs: Vec<String>,
}

/// One fixture, as written in the manifest.
#[derive(Debug, Clone, Serialize)]
struct FixtureEntry {
    path: String,
    callback: &'static str,
    #[serde(rename = "type")]
    type_name: String,
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    notification: Option<String>,
    sources: Vec<FixtureSource>,
}

/// A notification name and where it appears.
#[derive(Debug, Clone, Serialize)]
struct NotificationName {
    name: String,
    sources: Vec<NameSource>,
}

/// `fixtures/manifest.json`.
#[derive(Debug, Serialize)]
struct Manifest {
    #[serde(rename = "$comment")]
    comment: &'static str,
    fixtures: Vec<FixtureEntry>,
    skipped: Vec<Skipped>,
    config_examples: Vec<ConfigExample>,
    notification_names_in_docs: Vec<NotificationName>,
}

/// Groups the occurrences into distinct payloads and names them.
///
/// Returns the manifest entries and the file contents, sorted by path.
fn plan_fixtures(extraction: &mut Extraction) -> Result<Vec<(FixtureEntry, String)>, String> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Occurrence>> = BTreeMap::new();
    for occ in &extraction.occurrences {
        groups
            .entry((occ.callback, occ.canonical.as_str()))
            .or_default()
            .push(occ);
    }
    let mut groups: Vec<Vec<&Occurrence>> = groups.into_values().collect();
    for group in &mut groups {
        group.sort_by(|a, b| a.rank.cmp(&b.rank));
    }
    groups.sort_by(|a, b| a[0].rank.cmp(&b[0].rank));

    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut planned = Vec::new();
    for group in groups {
        let primary = group[0];
        let suffix = if primary.tag.is_empty() {
            String::new()
        } else {
            format!("__{}", primary.tag)
        };
        let mut path = format!(
            "{}/{}__{}{suffix}.json",
            primary.callback, primary.kind, primary.case
        );
        let mut n = 1;
        while taken.contains(&path) {
            n += 1;
            path = format!(
                "{}/{}__{}_{n}{suffix}.json",
                primary.callback, primary.kind, primary.case
            );
        }
        if n > 1 {
            extraction.warnings.push(format!(
                "{} ({}, {:?}): another payload already has this name; named it `{path}` (give it a case name)",
                primary.source.page, primary.source.heading, primary.case
            ));
        }
        taken.insert(path.clone());

        let contents = format!("{}\n", lenient_json::to_pretty(&primary.node));
        let reparsed: Value = serde_json::from_str(&contents)
            .map_err(|e| format!("internal error: {path} is not valid JSON: {e}"))?;
        if reparsed != primary.value {
            return Err(format!(
                "internal error: {path} does not round-trip through serde_json"
            ));
        }
        let sources = group
            .iter()
            .map(|occ| FixtureSource {
                source: occ.source.clone(),
                object: occ.object,
                repairs: occ.repairs.clone(),
            })
            .collect();
        let entry = FixtureEntry {
            path,
            callback: primary.callback,
            type_name: primary.type_name.clone(),
            kind: primary.kind.clone(),
            notification: primary.notification.clone(),
            sources,
        };
        planned.push((entry, contents));
    }
    planned.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    Ok(planned)
}

/// Every notification name: JavaScript snippets and payloads.
fn notification_names(
    extraction: &Extraction,
    fixtures: &[(FixtureEntry, String)],
) -> Vec<NotificationName> {
    let mut names: BTreeMap<String, Vec<NameSource>> = BTreeMap::new();
    for (name, source) in &extraction.js_names {
        names.entry(name.clone()).or_default().push(NameSource {
            origin: "javascript_case",
            source: source.clone(),
            fixture: None,
        });
    }
    for (entry, _) in fixtures {
        let Some(name) = &entry.notification else {
            continue;
        };
        for source in &entry.sources {
            names.entry(name.clone()).or_default().push(NameSource {
                origin: "payload",
                source: source.source.clone(),
                fixture: Some(entry.path.clone()),
            });
        }
    }
    names
        .into_iter()
        .map(|(name, sources)| NotificationName { name, sources })
        .collect()
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

/// Status of one expected file on disk.
enum FileStatus {
    New,
    Changed,
    Unchanged,
}

fn file_status(path: &Path, contents: &str) -> Result<FileStatus, String> {
    match fs::read(path) {
        Ok(bytes) if bytes == contents.as_bytes() => Ok(FileStatus::Unchanged),
        Ok(_) => Ok(FileStatus::Changed),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(FileStatus::New),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

/// The `.json` files (relative paths) in the given subfolders of `root`.
fn existing_json_files(
    root: &Path,
    folders: &BTreeSet<String>,
) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    for folder in folders {
        let dir = root.join(folder);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("{}: cannot list: {e}", dir.display())),
        };
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && entry.path().is_file() {
                out.insert(format!("{folder}/{name}"));
            }
        }
    }
    Ok(out)
}

/// Fixture paths listed in an existing manifest (empty if there is none).
fn previous_manifest_paths(
    manifest: &Path,
    warnings: &mut Vec<String>,
) -> Result<BTreeSet<String>, String> {
    let text = match fs::read_to_string(manifest) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(format!("{}: cannot read: {e}", manifest.display())),
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) => {
            warnings.push(format!(
                "{}:{}: not valid JSON ({e}); ignoring it",
                manifest.display(),
                e.line()
            ));
            return Ok(BTreeSet::new());
        }
    };
    let paths = value
        .get("fixtures")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|f| f.get("path").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Ok(paths)
}

/// Runs the importer: reads the docs, compares with (or writes) the fixtures.
pub fn import(opts: &Options) -> Result<Outcome, String> {
    let pages = discover_pages(&opts.docs)?;
    let mut extraction = Extraction::default();
    for page in &pages {
        *extraction.pages.entry(page.lang).or_default() += 1;
        for block in extract_blocks(&page.text) {
            extraction.add_block(page, &block);
        }
    }
    let fixtures = plan_fixtures(&mut extraction)?;
    let manifest = Manifest {
        comment: MANIFEST_COMMENT,
        notification_names_in_docs: notification_names(&extraction, &fixtures),
        fixtures: fixtures.iter().map(|(entry, _)| entry.clone()).collect(),
        skipped: extraction.skipped.clone(),
        config_examples: extraction.configs.clone(),
    };
    let manifest_text = serde_json::to_string_pretty(&manifest)
        .map_err(|e| format!("cannot serialize manifest: {e}"))?;
    let manifest_text = format!("{manifest_text}\n");

    // Compare with the disk.
    let manifest_path = opts.fixtures.join("manifest.json");
    let previous = previous_manifest_paths(&manifest_path, &mut extraction.warnings)?;
    let mut folders: BTreeSet<String> = zapi_webhooks::CallbackType::ALL
        .iter()
        .map(|callback| callback.as_str().to_owned())
        .collect();
    folders.extend(
        previous
            .iter()
            .filter_map(|p| p.split_once('/').map(|(folder, _)| folder.to_owned())),
    );
    let on_disk = existing_json_files(&opts.fixtures, &folders)?;

    let mut outcome = Outcome {
        write: opts.write,
        new: Vec::new(),
        changed: Vec::new(),
        unchanged: Vec::new(),
        missing_from_docs: Vec::new(),
        payload_examples: extraction.occurrences.len(),
        fixtures: fixtures.len(),
        report: String::new(),
    };
    let mut expected: Vec<(String, &str)> = fixtures
        .iter()
        .map(|(e, c)| (e.path.clone(), c.as_str()))
        .collect();
    expected.push(("manifest.json".to_owned(), manifest_text.as_str()));
    for (rel, contents) in &expected {
        match file_status(&opts.fixtures.join(rel), contents)? {
            FileStatus::New => outcome.new.push(rel.clone()),
            FileStatus::Changed => outcome.changed.push(rel.clone()),
            FileStatus::Unchanged => outcome.unchanged.push(rel.clone()),
        }
    }
    let produced: BTreeSet<&str> = fixtures.iter().map(|(e, _)| e.path.as_str()).collect();
    outcome.missing_from_docs = on_disk
        .iter()
        .filter(|p| !produced.contains(p.as_str()))
        .cloned()
        .collect();

    let mut removed = Vec::new();
    if opts.write {
        for (rel, contents) in &expected {
            if outcome.unchanged.contains(rel) {
                continue;
            }
            let path = opts.fixtures.join(rel);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)
                    .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
            }
            fs::write(&path, contents)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        }
        for rel in &outcome.missing_from_docs {
            if previous.contains(rel) {
                let path = opts.fixtures.join(rel);
                fs::remove_file(&path)
                    .map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
                removed.push(rel.clone());
            } else {
                extraction.warnings.push(format!(
                    "{}: not produced by the docs and not in the previous manifest; left in place (remove it or move it out of the callback folders)",
                    opts.fixtures.join(rel).display()
                ));
            }
        }
    }
    outcome.report = render_report(opts, &extraction, &fixtures, &manifest, &outcome, &removed);
    Ok(outcome)
}

/// The text printed by `run`.
fn render_report(
    opts: &Options,
    extraction: &Extraction,
    fixtures: &[(FixtureEntry, String)],
    manifest: &Manifest,
    outcome: &Outcome,
    removed: &[String],
) -> String {
    let mut r = String::new();
    let pages: Vec<String> = extraction
        .pages
        .iter()
        .map(|(lang, n)| format!("{n} {}", lang.as_str()))
        .collect();
    let _ = writeln!(r, "import-docs: {}", opts.docs.display());
    let _ = writeln!(
        r,
        "  pages: {}; json code blocks: {}; top-level values: {}",
        pages.join(", "),
        extraction.blocks,
        extraction.values
    );
    let multi: Vec<&FixtureEntry> = fixtures
        .iter()
        .map(|(e, _)| e)
        .filter(|e| e.sources.len() > 1)
        .collect();
    let cross = multi
        .iter()
        .filter(|e| {
            e.sources.iter().any(|s| s.source.lang == "pt")
                && e.sources.iter().any(|s| s.source.lang == "en")
        })
        .count();
    let _ = writeln!(
        r,
        "  payload examples: {} -> {} distinct fixtures ({} with several sources: {} pt+en, {} within one language)",
        outcome.payload_examples,
        outcome.fixtures,
        multi.len(),
        cross,
        multi.len() - cross
    );
    let mut per_callback: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_kind: BTreeMap<String, usize> = BTreeMap::new();
    for (entry, _) in fixtures {
        *per_callback.entry(entry.callback).or_default() += 1;
        *per_kind
            .entry(format!("{}/{}", entry.callback, entry.kind))
            .or_default() += 1;
    }
    let _ = writeln!(r, "  per callback: {}", list_counts(&per_callback));
    let _ = writeln!(r, "  per kind: {}", list_counts(&per_kind));
    let repairs: Vec<String> = extraction
        .repair_counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| format!("{k} x{n}"))
        .collect();
    let _ = writeln!(
        r,
        "  repairs: {}",
        if repairs.is_empty() {
            "none".to_owned()
        } else {
            repairs.join(", ")
        }
    );
    let _ = writeln!(
        r,
        "  skipped: {}; config examples: {}; notification names: {}",
        manifest.skipped.len(),
        manifest.config_examples.len(),
        manifest.notification_names_in_docs.len()
    );
    let _ = writeln!(r, "fixtures: {}", opts.fixtures.display());
    let section = |r: &mut String, title: &str, items: &[String]| {
        let _ = writeln!(r, "  {title} ({}):", items.len());
        for item in items {
            let _ = writeln!(r, "    {item}");
        }
    };
    section(&mut r, "new", &outcome.new);
    section(&mut r, "changed", &outcome.changed);
    section(&mut r, "unchanged", &outcome.unchanged);
    section(&mut r, "missing from docs", &outcome.missing_from_docs);
    if !extraction.warnings.is_empty() {
        section(&mut r, "WARNINGS", &extraction.warnings);
    }
    if outcome.write {
        let written = outcome.new.len() + outcome.changed.len();
        let _ = writeln!(
            r,
            "result: wrote {written} file(s), removed {} stale fixture(s)",
            removed.len()
        );
    } else if outcome.is_up_to_date() {
        let _ = writeln!(r, "result: fixtures are up to date");
    } else {
        let _ = writeln!(
            r,
            "result: fixtures are OUT OF DATE; run `cargo xtask import-docs {} --write`",
            opts.docs.display()
        );
    }
    r
}

/// `"a 1, b 2"` from a map of counts.
fn list_counts<K: std::fmt::Display>(counts: &BTreeMap<K, usize>) -> String {
    counts
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Environment variable naming the real Z-API docs folder for the drift
    /// check; a relative path is relative to the workspace root. CI sets it
    /// to `../shared/zapi-docs`.
    const DOCS_DIR_VAR: &str = "ZAPI_DOCS_DIR";

    /// `xtask/testdata/docs`: the synthetic docs tree of our own (see its
    /// README) that the importer's tests run on.
    fn sample_docs() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata")
            .join("docs")
    }

    /// A fresh, empty folder under the system temp folder, removed on drop.
    struct TempFolder(PathBuf);

    impl std::ops::Deref for TempFolder {
        type Target = Path;

        fn deref(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempFolder {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// A [`TempFolder`] whose name contains `name`, the process id and a
    /// counter (tests run in parallel).
    fn temp_folder(name: &str) -> TempFolder {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        TempFolder(dir)
    }

    fn read_json(path: &Path) -> Value {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The docs folder named by [`DOCS_DIR_VAR`] (as written, and resolved
    /// against the workspace root), or `None` when the variable is unset.
    /// Panics, failing the test, when it is set but does not name a folder.
    fn docs_dir_from_env() -> Option<(String, PathBuf)> {
        let value = std::env::var_os(DOCS_DIR_VAR)?;
        let shown = value.to_string_lossy().into_owned();
        assert!(
            !value.is_empty(),
            "{DOCS_DIR_VAR} is set but empty: set it to the Z-API webhook docs folder \
             (e.g. {DOCS_DIR_VAR}=../shared/zapi-docs) or unset it to skip the drift check"
        );
        let path = workspace_root().join(&value);
        assert!(
            path.is_dir(),
            "{DOCS_DIR_VAR}={shown}: {} is missing or not a folder (expected the Z-API webhook \
             docs, with pt/ and en/); fix the path or unset {DOCS_DIR_VAR} to skip the drift check",
            path.display()
        );
        Some((shown, path))
    }

    /// The drift check: the committed fixtures match the real docs. Runs only
    /// when [`DOCS_DIR_VAR`] is set; says on stderr (not captured by the
    /// test harness) whether it ran.
    #[test]
    fn fixtures_are_up_to_date_with_the_shared_docs() {
        let Some((shown, docs)) = docs_dir_from_env() else {
            let _ = writeln!(
                std::io::stderr(),
                "NOTE: fixture drift check NOT run: {DOCS_DIR_VAR} is not set; to run it: \
                 {DOCS_DIR_VAR}=../shared/zapi-docs cargo test -p xtask \
                 (a relative path is relative to the workspace root)"
            );
            return;
        };
        let opts = Options {
            docs: docs.clone(),
            fixtures: workspace_root().join("fixtures"),
            write: false,
        };
        let outcome = import(&opts).unwrap_or_else(|e| panic!("import-docs failed: {e}"));
        assert!(
            outcome.is_up_to_date(),
            "fixtures/ drifted from the docs at {}; run `cargo xtask import-docs {shown} --write` \
             from the workspace root\n{}",
            docs.display(),
            outcome.report
        );
        assert!(outcome.fixtures > 0, "no fixtures from {}", docs.display());
        let _ = writeln!(
            std::io::stderr(),
            "fixture drift check ran: {DOCS_DIR_VAR}={shown} ({}): {} payload examples -> {} \
             fixtures; fixtures/ is up to date",
            docs.display(),
            outcome.payload_examples,
            outcome.fixtures
        );
    }

    /// Imports the sample docs into a fresh folder with `--write`; returns
    /// the folder, the outcome and the manifest written.
    fn import_sample(name: &str) -> (TempFolder, Outcome, Value) {
        let dir = temp_folder(name);
        let outcome = import(&Options {
            docs: sample_docs(),
            fixtures: dir.to_path_buf(),
            write: true,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let manifest = read_json(&dir.join("manifest.json"));
        (dir, outcome, manifest)
    }

    /// The manifest entry of the fixture at `path`.
    fn fixture_entry<'m>(manifest: &'m Value, path: &str) -> &'m Value {
        manifest["fixtures"]
            .as_array()
            .and_then(|list| list.iter().find(|f| f["path"] == path))
            .unwrap_or_else(|| panic!("{path} is not in the manifest"))
    }

    /// `(lang, page, heading, block, object)` of each source of a fixture.
    fn sources_of(manifest: &Value, path: &str) -> Vec<(String, String, String, u64, u64)> {
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        fixture_entry(manifest, path)["sources"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|s| {
                        (
                            text(&s["lang"]),
                            text(&s["page"]),
                            text(&s["heading"]),
                            s["block"].as_u64().unwrap_or_default(),
                            s["object"].as_u64().unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn source(
        lang: &str,
        page: &str,
        heading: &str,
        block: u64,
        object: u64,
    ) -> (String, String, String, u64, u64) {
        (
            lang.to_owned(),
            page.to_owned(),
            heading.to_owned(),
            block,
            object,
        )
    }

    const SAMPLE_RECEIVED_PT: &str = "pt/on-message-received.md";
    const SAMPLE_RECEIVED_EN: &str = "en/on-message-received.md";
    const SAMPLE_STATUS_PT: &str = "pt/on-whatsapp-message-status-changes.md";
    const SAMPLE_STATUS_EN: &str = "en/on-whatsapp-message-status-changes.md";
    const SAMPLE_CONFIG_PT: &str = "pt/webhooksConf/update-webhook-message-status.md";

    #[test]
    fn sample_docs_give_the_expected_fixtures() {
        let (dir, outcome, manifest) = import_sample("sample-fixtures");
        assert_eq!(
            outcome.new,
            vec![
                "message_status/message_status__delivered.json",
                "message_status/message_status__read.json",
                "message_status/message_status__sent.json",
                "received/audio__audio_message_sample__en.json",
                "received/image__exemplo_de_imagem.json",
                "received/text__exemplo_de_mensagem_de_texto.json",
                "manifest.json",
            ],
            "{}",
            outcome.report
        );
        assert!(outcome.changed.is_empty() && outcome.unchanged.is_empty());
        assert!(outcome.missing_from_docs.is_empty());
        // 3 + 2 + 3 + 2 examples in the four payload pages, 6 distinct.
        assert_eq!(outcome.payload_examples, 10);
        assert_eq!(outcome.fixtures, 6);

        // Callback, type and kind of every fixture, in manifest order.
        let entries: Vec<(String, String, String, String)> = manifest["fixtures"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|f| {
                        let text = |key: &str| f[key].as_str().unwrap_or_default().to_owned();
                        (text("path"), text("callback"), text("type"), text("kind"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let entry = |path: &str, callback: &str, type_name: &str, kind: &str| {
            (
                path.to_owned(),
                callback.to_owned(),
                type_name.to_owned(),
                kind.to_owned(),
            )
        };
        let status = "MessageStatusCallback";
        let received = "ReceivedCallback";
        assert_eq!(
            entries,
            vec![
                entry(
                    "message_status/message_status__delivered.json",
                    "message_status",
                    status,
                    "message_status"
                ),
                entry(
                    "message_status/message_status__read.json",
                    "message_status",
                    status,
                    "message_status"
                ),
                entry(
                    "message_status/message_status__sent.json",
                    "message_status",
                    status,
                    "message_status"
                ),
                entry(
                    "received/audio__audio_message_sample__en.json",
                    "received",
                    received,
                    "audio"
                ),
                entry(
                    "received/image__exemplo_de_imagem.json",
                    "received",
                    received,
                    "image"
                ),
                entry(
                    "received/text__exemplo_de_mensagem_de_texto.json",
                    "received",
                    received,
                    "text"
                ),
            ]
        );

        // The text payload is in pt and en: one fixture, two sources, named
        // after the pt one.
        assert_eq!(
            sources_of(
                &manifest,
                "received/text__exemplo_de_mensagem_de_texto.json"
            ),
            vec![
                source(
                    "pt",
                    SAMPLE_RECEIVED_PT,
                    "Exemplo de mensagem de texto",
                    1,
                    1
                ),
                source("en", SAMPLE_RECEIVED_EN, "Text message sample", 1, 1),
            ]
        );
        // Payloads found in one language only: one source each; the en one
        // has the `__en` suffix.
        assert_eq!(
            sources_of(&manifest, "received/image__exemplo_de_imagem.json"),
            vec![source("pt", SAMPLE_RECEIVED_PT, "Exemplo de imagem", 1, 1)]
        );
        assert_eq!(
            sources_of(&manifest, "received/audio__audio_message_sample__en.json"),
            vec![source(
                "en",
                SAMPLE_RECEIVED_EN,
                "Audio message sample",
                1,
                1
            )]
        );
        // The two values of one block are two fixtures; each also comes from
        // the en block.
        for (status, object) in [("sent", 1), ("read", 2)] {
            assert_eq!(
                sources_of(
                    &manifest,
                    &format!("message_status/message_status__{status}.json")
                ),
                vec![
                    source("pt", SAMPLE_STATUS_PT, "Exemplos de status", 1, object),
                    source("en", SAMPLE_STATUS_EN, "Status samples", 1, object),
                ],
                "{status}"
            );
        }
        assert_eq!(
            sources_of(&manifest, "message_status/message_status__delivered.json"),
            vec![
                source("pt", SAMPLE_STATUS_PT, "Exemplo de entrega", 1, 1),
                source("en", SAMPLE_STATUS_EN, "Delivery sample", 1, 1),
            ]
        );

        // Fixture text: the repaired payload in the key order and number text
        // of its first source.
        let text_fixture =
            fs::read_to_string(dir.join("received/text__exemplo_de_mensagem_de_texto.json"))
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            text_fixture,
            "{\n  \"instanceId\": \"INSTANCIA-AMOSTRA-01\",\n  \"messageId\": \"AMOSTRA0000000001\",\n  \
             \"phone\": \"5511900000001\",\n  \"fromMe\": false,\n  \"momment\": 1700000000000,\n  \
             \"status\": \"RECEIVED\",\n  \"chatName\": \"Contato de amostra\",\n  \
             \"senderName\": \"Contato de amostra\",\n  \"type\": \"ReceivedCallback\",\n  \
             \"text\": {\n    \"message\": \"mensagem de amostra\"\n  }\n}\n"
        );
        // A duplicate key keeps its first position and its last value.
        let image_path = dir.join("received/image__exemplo_de_imagem.json");
        let image_text = fs::read_to_string(&image_path).unwrap_or_else(|e| panic!("{e}"));
        let top_level_lines: Vec<&str> = image_text
            .lines()
            .filter(|line| line.starts_with("  \"") && !line.starts_with("   "))
            .collect();
        assert_eq!(
            top_level_lines,
            [
                "  \"instanceId\": \"INSTANCIA_AMOSTRA\",",
                "  \"messageId\": \"AMOSTRA0000000002\",",
                "  \"phone\": \"5511900000002\",",
                "  \"fromMe\": false,",
                "  \"momment\": 1700000000100,",
                "  \"type\": \"ReceivedCallback\",",
                "  \"image\": {",
            ]
        );
        let image = read_json(&image_path);
        let mut keys: Vec<&str> = image
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "fromMe",
                "image",
                "instanceId",
                "messageId",
                "momment",
                "phone",
                "type"
            ]
        );
        assert_eq!(image["phone"], "5511900000002");
        assert_eq!(image["instanceId"], "INSTANCIA_AMOSTRA");
        assert_eq!(image["image"]["width"], 640);
        let delivered = read_json(&dir.join("message_status/message_status__delivered.json"));
        assert_eq!(delivered["momment"], 1_700_000_000_300_u64);

        // Every fixture is read by the models as its callback.
        for (path, callback, _, kind) in &entries {
            let bytes = fs::read(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            let parsed = zapi_webhooks::Callback::from_slice(&bytes)
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(
                parsed
                    .callback_type()
                    .map(zapi_webhooks::CallbackType::as_str),
                Some(callback.as_str()),
                "{path} ({kind})"
            );
        }

        // Webhook-configuration bodies and the block without a `type`.
        let configs: Vec<(String, String, String)> = manifest["config_examples"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|c| {
                        let text = |key: &str| c[key].as_str().unwrap_or_default().to_owned();
                        (text("lang"), text("heading"), text("role"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let config = |lang: &str, heading: &str, role: &str| {
            (lang.to_owned(), heading.to_owned(), role.to_owned())
        };
        assert_eq!(
            configs,
            vec![
                config("pt", "Request Body", "request_body"),
                config("pt", "200", "response"),
                config("en", "Request Body", "request_body"),
                config("en", "200", "response"),
            ]
        );
        assert_eq!(
            manifest["skipped"],
            serde_json::json!([{
                "lang": "pt",
                "page": SAMPLE_CONFIG_PT,
                "heading": "405",
                "block": 1,
                "object": 1,
                "reason": "object without a webhook `type`; keys: erro"
            }])
        );
    }

    /// The repair kind of a manifest repair record (its message), or `None`
    /// for a message this test does not know.
    fn repair_kind(message: &str) -> Option<&'static str> {
        const WRAPPERS: &[&str] = &[
            "NumberLong",
            "NumberInt",
            "NumberDecimal",
            "ObjectId",
            "ISODate",
        ];
        const PREFIXES: &[(&str, &str)] = &[
            ("markdown: unterminated code fence", "unterminated_fence"),
            ("concatenated values: ", "concatenated_values"),
            ("comma between top-level values", "top_level_comma"),
            ("comma before the first top-level value", "top_level_comma"),
            ("duplicate key ", "duplicate_key"),
            ("single-quoted ", "single_quoted_string"),
            ("bare word ", "bare_word"),
            ("unquoted key ", "unquoted_key"),
            ("trailing comma ", "trailing_comma"),
            ("doubled comma ", "doubled_comma"),
            ("leading comma ", "doubled_comma"),
            ("missing comma ", "missing_comma"),
            ("comment ", "comment"),
            ("invalid escape ", "invalid_escape"),
            ("raw control character ", "control_character"),
        ];
        if WRAPPERS.iter().any(|w| message.starts_with(w)) {
            return Some("mongo_wrapper");
        }
        PREFIXES
            .iter()
            .find(|(prefix, _)| message.starts_with(prefix))
            .map(|(_, kind)| *kind)
    }

    /// Every repair record of a manifest: `(where, message)`, from the
    /// fixtures' sources and the configuration examples.
    fn repair_records(manifest: &Value) -> Vec<(String, String)> {
        let mut records = Vec::new();
        let mut collect = |place: String, repairs: &Value| {
            for message in repairs.as_array().into_iter().flatten() {
                let message = message
                    .as_str()
                    .unwrap_or_else(|| panic!("{place}: {message}"));
                records.push((place.clone(), message.to_owned()));
            }
        };
        for fixture in manifest["fixtures"].as_array().into_iter().flatten() {
            for source in fixture["sources"].as_array().into_iter().flatten() {
                let place = format!("{} <- {}", fixture["path"], source["page"]);
                collect(place, &source["repairs"]);
            }
        }
        for config in manifest["config_examples"].as_array().into_iter().flatten() {
            collect(format!("config {}", config["page"]), &config["repairs"]);
        }
        records
    }

    #[test]
    fn sample_docs_manifest_records_every_repair() {
        let (_dir, outcome, manifest) = import_sample("sample-repairs");
        let records = repair_records(&manifest);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (place, message) in &records {
            let kind =
                repair_kind(message).unwrap_or_else(|| panic!("{place}: unknown repair {message}"));
            *counts.entry(kind).or_default() += 1;
        }
        // One record per value: the note of the unterminated pt block is on
        // both of its values.
        assert_eq!(
            counts,
            BTreeMap::from([
                ("bare_word", 1),
                ("concatenated_values", 4),
                ("doubled_comma", 1),
                ("duplicate_key", 1),
                ("mongo_wrapper", 5),
                ("single_quoted_string", 3),
                ("top_level_comma", 1),
                ("trailing_comma", 2),
                ("unterminated_fence", 3),
            ]),
            "{records:#?}"
        );
        // The report counts fences per block (2) and the rest per record.
        assert!(
            outcome.report.contains(
                "\n  repairs: bare_word x1, concatenated_values x4, doubled_comma x1, \
                 duplicate_key x1, mongo_wrapper x5, single_quoted_string x3, \
                 top_level_comma x1, trailing_comma x2, unterminated_fence x2\n"
            ),
            "{}",
            outcome.report
        );

        // Each source lists its own repairs, in source order: the pt and en
        // copies of one payload can differ.
        let repairs_of = |path: &str| -> Vec<Vec<String>> {
            fixture_entry(&manifest, path)["sources"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| {
                    s["repairs"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|m| m.as_str().unwrap_or_default().to_owned())
                        .collect()
                })
                .collect()
        };
        assert_eq!(
            repairs_of("received/text__exemplo_de_mensagem_de_texto.json"),
            vec![
                vec![
                    "NumberLong(1700000000000) -> 1700000000000 at /momment",
                    "single-quoted string 'ReceivedCallback' -> \"ReceivedCallback\" at /type",
                    "trailing comma removed after /text",
                ],
                vec!["NumberLong(1700000000000) -> 1700000000000 at /momment"],
            ]
        );
        assert_eq!(
            repairs_of("received/image__exemplo_de_imagem.json"),
            vec![vec![
                "bare word INSTANCIA_AMOSTRA -> \"INSTANCIA_AMOSTRA\" at /instanceId",
                "duplicate key /phone: kept the last value \"5511900000002\", dropped \"5511900000009\"",
                "NumberInt(640) -> 640 at /image/width",
                "NumberInt(480) -> 480 at /image/height",
            ]]
        );
        assert_eq!(
            repairs_of("received/audio__audio_message_sample__en.json"),
            vec![vec![
                "doubled comma removed after /phone",
                "trailing comma removed after /audio/seconds",
            ]]
        );
        assert_eq!(
            repairs_of("message_status/message_status__read.json"),
            vec![
                vec![
                    "markdown: unterminated code fence; the block was closed before `### Exemplo de entrega`",
                    "concatenated values: the block holds 2 top-level values; this is value 2",
                ],
                vec![
                    "concatenated values: the block holds 2 top-level values; this is value 2",
                    "comma between top-level values 1 and 2 removed",
                ],
            ]
        );
        assert_eq!(
            repairs_of("message_status/message_status__delivered.json"),
            vec![
                vec!["NumberLong(\"1700000000300\") -> 1700000000300 at /momment"],
                vec!["markdown: unterminated code fence; closed at the end of the page"],
            ]
        );
    }

    #[test]
    fn writing_twice_gives_identical_files() {
        let dir = temp_folder("import-docs-twice");
        let opts = Options {
            docs: sample_docs(),
            fixtures: dir.to_path_buf(),
            write: true,
        };
        let first = import(&opts).unwrap_or_else(|e| panic!("{e}"));
        assert!(first.changed.is_empty() && first.unchanged.is_empty());
        assert_eq!(first.new.len(), 7, "{}", first.report);
        let snapshot = |root: &Path| -> BTreeMap<String, Vec<u8>> {
            let mut files = BTreeMap::new();
            let mut stack = vec![root.to_path_buf()];
            while let Some(d) = stack.pop() {
                for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("{e}")) {
                    let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
                    if path.is_dir() {
                        stack.push(path);
                    } else {
                        let rel = path
                            .strip_prefix(root)
                            .unwrap_or(&path)
                            .to_string_lossy()
                            .into_owned();
                        files.insert(rel, fs::read(&path).unwrap_or_else(|e| panic!("{e}")));
                    }
                }
            }
            files
        };
        let before = snapshot(&dir);
        assert_eq!(before.len(), 7);
        let second = import(&opts).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            second.new.is_empty() && second.changed.is_empty(),
            "{}",
            second.report
        );
        assert_eq!(second.unchanged.len(), 7);
        assert_eq!(before, snapshot(&dir));
        let check = import(&Options {
            write: false,
            ..opts
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(check.is_up_to_date(), "{}", check.report);
        // Every fixture parses with serde_json.
        for (rel, bytes) in &before {
            serde_json::from_slice::<Value>(bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
        }
    }

    fn write_file(path: &Path, text: &str) {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    const MINI_PAGE: &str = "# Status\n\n### 200\n\n```json\n{\"type\": \"MessageStatusCallback\", \"status\": \"SENT\", \"momment\": NumberLong(1)}\n{\"type\": \"MessageStatusCallback\", \"status\": \"READ\"}\n```\n\n#### Request Body\n\n```json\n{\"value\": \"https://x\"}\n```\n";

    #[test]
    fn docs_repository_layout_drift_and_stale_files() {
        let root = temp_folder("repo-layout");
        let docs = root.join("z-api-docs");
        write_file(&docs.join("docs/webhooks/status.md"), MINI_PAGE);
        write_file(
            &docs.join("i18n/en/docusaurus-plugin-content-docs/current/webhooks/status.md"),
            &MINI_PAGE.replace("READ", "PLAYED"),
        );
        let fixtures = root.join("fixtures");
        let opts = Options {
            docs,
            fixtures: fixtures.clone(),
            write: false,
        };

        let check = import(&opts).unwrap_or_else(|e| panic!("{e}"));
        assert!(!check.is_up_to_date());
        assert_eq!(
            check.new,
            vec![
                "message_status/message_status__played__en.json",
                "message_status/message_status__read.json",
                "message_status/message_status__sent.json",
                "manifest.json",
            ]
        );
        let wrote = import(&Options {
            write: true,
            ..opts.clone()
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(wrote.new.len(), 4);
        let sent = fs::read_to_string(fixtures.join("message_status/message_status__sent.json"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            sent,
            "{\n  \"type\": \"MessageStatusCallback\",\n  \"status\": \"SENT\",\n  \"momment\": 1\n}\n"
        );
        let manifest: Value = serde_json::from_str(
            &fs::read_to_string(fixtures.join("manifest.json")).unwrap_or_else(|e| panic!("{e}")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let sources = &manifest["fixtures"][2]["sources"];
        assert_eq!(
            manifest["fixtures"][2]["path"],
            "message_status/message_status__sent.json"
        );
        assert_eq!(
            sources.as_array().map(Vec::len),
            Some(2),
            "pt and en merged: {sources}"
        );
        assert_eq!(sources[0]["page"], "pt/status.md");
        assert_eq!(sources[1]["lang"], "en");
        assert_eq!(
            sources[0]["repairs"],
            serde_json::json!([
                "concatenated values: the block holds 2 top-level values; this is value 1",
                "NumberLong(1) -> 1 at /momment"
            ])
        );
        assert_eq!(manifest["config_examples"][0]["role"], "request_body");
        assert!(
            import(&opts)
                .unwrap_or_else(|e| panic!("{e}"))
                .is_up_to_date()
        );

        // A hand-edited fixture is "changed"; a fixture the docs dropped is "missing".
        write_file(
            &fixtures.join("message_status/message_status__read.json"),
            "{}\n",
        );
        write_file(
            &docs_page_pt(&opts.docs),
            &MINI_PAGE.replace(
                "\n{\"type\": \"MessageStatusCallback\", \"status\": \"READ\"}",
                "",
            ),
        );
        let drift = import(&opts).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            drift.missing_from_docs,
            vec!["message_status/message_status__read.json"]
        );
        assert!(
            drift.changed.contains(&"manifest.json".to_owned()),
            "{}",
            drift.report
        );
        // --write removes it because the previous manifest listed it.
        import(&Options {
            write: true,
            ..opts.clone()
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !fixtures
                .join("message_status/message_status__read.json")
                .exists()
        );
        assert!(
            import(&opts)
                .unwrap_or_else(|e| panic!("{e}"))
                .is_up_to_date()
        );
    }

    fn docs_page_pt(docs: &Path) -> PathBuf {
        docs.join("docs/webhooks/status.md")
    }

    #[test]
    fn a_folder_that_is_not_docs_is_an_error() {
        let root = temp_folder("not-docs");
        let opts = Options {
            docs: root.to_path_buf(),
            fixtures: root.join("fixtures"),
            write: false,
        };
        let err = import(&opts).expect_err("not docs");
        assert!(err.contains("expected `pt/` and `en/`"), "{err}");
    }

    #[test]
    fn markdown_blocks_headings_comments_and_unterminated_fences() {
        let page = "---\nid: x\n---\n\n# Title\n\n<!-- ## Hidden\n```json\n{}\n```\n-->\n  ### Indented {#anchor}\n\n```json\n{\"a\": 1}\n```\n\n```bash\n# not a heading\n```\n\n```json\n{\"b\": 2}\n\n### Next\n\n```json\n{\"c\": 3}\n```\n";
        let blocks = extract_blocks(page);
        let summary: Vec<(&str, usize, &str, usize)> = blocks
            .iter()
            .map(|b| (b.heading.as_str(), b.index, b.text.trim(), b.notes.len()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("Indented", 1, "{\"a\": 1}", 0),
                ("Indented", 2, "{\"b\": 2}", 1),
                ("Next", 1, "{\"c\": 3}", 0)
            ]
        );
        assert_eq!(
            blocks[1].notes[0],
            "markdown: unterminated code fence; the block was closed before `### Next`"
        );
        assert_eq!(
            blocks[0].section,
            vec!["Title".to_owned(), "Indented".to_owned()]
        );
        assert_eq!(
            blocks[2].section,
            vec!["Title".to_owned(), "Next".to_owned()]
        );
    }

    #[test]
    fn received_kinds_follow_the_table_order() {
        let node = |src: &str| {
            lenient_json::parse_all(src)
                .unwrap_or_else(|e| panic!("{e}"))
                .remove(0)
                .node
        };
        assert_eq!(
            kind_of("received", &node(r#"{"text": {}, "statusImage": {}}"#)),
            "text"
        );
        assert_eq!(
            kind_of("received", &node(r#"{"image": {}, "notification": "X"}"#)),
            "image"
        );
        assert_eq!(
            kind_of("received", &node(r#"{"waitingMessage": true}"#)),
            "waiting_message"
        );
        assert_eq!(
            kind_of("received", &node(r#"{"waitingMessage": false}"#)),
            "unknown"
        );
        assert_eq!(
            kind_of("message_status", &node(r#"{"text": {}}"#)),
            "message_status"
        );
    }

    #[test]
    fn javascript_case_snippets_are_recognized() {
        let names =
            javascript_case_names("case 'A_B':\ncampo_html = \"x\"\nbreak;\ncase \"C\" :\n");
        assert_eq!(names, Some(vec!["A_B".to_owned(), "C".to_owned()]));
        assert_eq!(javascript_case_names("{\"case\": 1}"), None);
    }

    #[test]
    fn case_names_and_slugs() {
        assert_eq!(
            slug("Exemplo de retorno de PTV!"),
            "exemplo_de_retorno_de_ptv"
        );
        assert_eq!(slug("Localização ação"), "localizacao_acao");
        let node = Node::Object(vec![(
            "notification".to_owned(),
            Node::String("CALL_VOICE".to_owned()),
        )]);
        assert_eq!(
            case_of("received", "notification", "Whatever", &node),
            ("call_voice".to_owned(), true)
        );
        assert_eq!(
            case_of("delivery", "delivery", "200", &node),
            ("basic".to_owned(), true)
        );
        assert_eq!(
            case_of("received", "text", "Localization’s feedback example", &node),
            ("basic".to_owned(), true)
        );
        assert_eq!(
            case_of("received", "text", "Something new", &node),
            ("something_new".to_owned(), false)
        );
    }
}
