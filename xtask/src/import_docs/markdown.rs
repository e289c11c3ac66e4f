//! Markdown: ATX headings, code fences and the JSON code blocks of a page
//! with the headings above them.

/// A fenced code block of a JSON language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CodeBlock {
    /// 1-based line of the opening fence in the page.
    pub(super) line: usize,
    /// Text of the nearest heading above the block (`""` before any heading).
    pub(super) heading: String,
    /// Texts of the enclosing headings, outermost first (ends with `heading`).
    pub(super) section: Vec<String>,
    /// 1-based index of this block among the JSON blocks under `heading`.
    pub(super) index: usize,
    /// The block content (fence lines excluded).
    pub(super) text: String,
    /// Markdown-level repairs (an unterminated fence).
    pub(super) notes: Vec<String>,
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
pub(super) fn extract_blocks(text: &str) -> Vec<CodeBlock> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
