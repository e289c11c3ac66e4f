//! Finding the markdown pages in both docs layouts (`pt/` + `en/`, or a
//! docs repository checkout) and tagging each page's language and variant.

use std::fs;
use std::path::{Path, PathBuf};

/// Documentation language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Lang {
    Pt,
    En,
}

impl Lang {
    /// `pt` or `en`: the language folder and the manifest's `lang`.
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Lang::Pt => "pt",
            Lang::En => "en",
        }
    }
}

/// One markdown page.
pub(super) struct Page {
    /// Its language.
    pub(super) lang: Lang,
    /// `<lang>/<path relative to the language folder>`, with `/` separators.
    pub(super) id: String,
    /// Where it was read from (for messages).
    pub(super) path: PathBuf,
    /// Its markdown text.
    pub(super) text: String,
}

impl Page {
    /// The variant tag of the page: `fromme` for the "notify sent by me"
    /// copies of the received page, empty otherwise.
    pub(super) fn page_tag(&self) -> &'static str {
        let stem = self.id.rsplit('/').next().unwrap_or(&self.id);
        let stem = stem.split('.').next().unwrap_or(stem);
        if stem.ends_with("notify-fromme") {
            "fromme"
        } else {
            ""
        }
    }

    /// The fixture-name suffix of examples from this page.
    pub(super) fn variant_tag(&self) -> &'static str {
        match (self.page_tag(), self.lang) {
            ("", Lang::Pt) => "",
            ("", Lang::En) => "en",
            (_, Lang::Pt) => "fromme",
            (_, Lang::En) => "fromme_en",
        }
    }
}

/// The webhook pages of the docs: `(current name, name on the docs repository's
/// unmerged `new-doc` branch, callback folder the page documents)`. Paths are
/// relative to the language folder and the same in `pt/` and `en/`; an empty
/// `new-doc` name means the branch has no such page, and the configuration
/// pages document no callback (`""`). The callback of a payload is the models'
/// (from its `type`); this table pairs the two namings of a page, so the report
/// puts an example of `ao-receber.md` next to the fixtures that came from
/// `on-message-received.md`, and says which callback each page is about.
// One page a line, as a table reads (rustfmt would split the long rows).
#[rustfmt::skip]
pub(super) const PAGES: &[(&str, &str, &str)] = &[
    ("on-message-received.md",                "ao-receber.md",                  "received"),
    ("on-message-received-notify-fromme.md",  "",                               "received"),
    ("on-whatsapp-message-status-changes.md", "status-mensagem.md",             "message_status"),
    ("on-webhook-connected.md",               "ao-conectar.md",                 "connected"),
    ("on-whatsapp-disconnected.md",           "ao-desconectar.md",              "disconnected"),
    ("on-message-send.md",                    "ao-enviar.md",                   "delivery"),
    ("on-chat-presence.md",                   "chat-presence.md",               "presence_chat"),
    ("update-every-webhooks.md",              "atualizar-todos.md",             ""),
    ("update-notify-sent-by-me.md",           "atualizar-notificar-enviadas.md", ""),
    ("introduction.md",                       "introducao.md",                  ""),
];

/// A page id (`<lang>/<path>`) in the current naming: a `new-doc` page name
/// ([`PAGES`]) is replaced by the current one, any other id is kept.
pub(super) fn current_page_id(id: &str) -> String {
    let (lang, rel) = id.split_once('/').unwrap_or(("", id));
    match PAGES
        .iter()
        .find(|(_, new, _)| !new.is_empty() && *new == rel)
    {
        Some((current, _, _)) => format!("{lang}/{current}"),
        None => id.to_owned(),
    }
}

/// The callback folder a page documents ([`PAGES`]), by either of its names;
/// `None` for a page that is not in the table or documents no callback.
pub(super) fn page_callback(id: &str) -> Option<&'static str> {
    let rel = id.split_once('/').map_or(id, |(_, rel)| rel);
    PAGES
        .iter()
        .find(|(current, new, _)| *current == rel || (!new.is_empty() && *new == rel))
        .map(|(_, _, callback)| *callback)
        .filter(|callback| !callback.is_empty())
}

/// Rank of a variant tag: sources with a lower rank name the fixture.
pub(super) fn tag_rank(tag: &str) -> u8 {
    match tag {
        "" => 0,
        "fromme" => 1,
        "en" => 2,
        _ => 3,
    }
}

/// Finds the pt and en markdown pages under `root`, in a stable order.
pub(super) fn discover_pages(root: &Path) -> Result<Vec<Page>, String> {
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
