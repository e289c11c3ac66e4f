//! A small, lenient, recursive-descent JSON parser for documentation examples.
//!
//! The Z-API docs contain example payloads that are *almost* JSON. This parser
//! accepts the usual mistakes, turns them into valid JSON and records every
//! repair it made (with the JSON pointer where it happened) so that the
//! importer can report them:
//!
//! - MongoDB shell wrappers: `NumberLong(1)`, `NumberInt(0)`, `NumberLong("1")`,
//!   `NumberDecimal(..)` become the number; `ObjectId("..")`/`ISODate("..")`
//!   become the string;
//! - several top-level values in one input (`{..}{..}`, `{..},{..}`) are all
//!   returned, in order;
//! - duplicate keys keep the **last** value (the rule `serde_json::Value` and
//!   JavaScript use) at the position of the **first** occurrence;
//! - single-quoted strings and keys, unquoted keys and bare values such as
//!   `instance.id` become strings;
//! - trailing, doubled and missing commas; `//` and `/* */` comments;
//! - invalid escapes (`\'`) and raw control characters inside strings.
//!
//! The result is an ordered AST ([`Node`]): objects keep the key order of the
//! source and numbers keep the exact text they were written with, so
//! [`to_pretty`] can write a file that differs from the docs only by the
//! repairs.

use std::fmt;

/// A JSON value whose objects keep their key order and whose numbers keep
/// their source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as the exact (valid JSON) text written in the source.
    Number(String),
    /// A string (already unescaped).
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object; keys are unique (duplicates were merged, see [`RepairKind::DuplicateKey`]).
    Object(Vec<(String, Node)>),
}

impl Node {
    /// The value of `key` if `self` is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string if `self` is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }
}

/// The kinds of repair the parser can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RepairKind {
    /// `NumberLong(1)`, `NumberInt(1)`, `NumberLong("1")`, `ObjectId("..")`...
    MongoWrapper,
    /// The input held several top-level values.
    ConcatenatedValues,
    /// A comma between two top-level values.
    TopLevelComma,
    /// A key appeared twice in one object; the last value was kept.
    DuplicateKey,
    /// A string or key written with single quotes.
    SingleQuotedString,
    /// A bare word value such as `instance.id`.
    BareWord,
    /// An object key without quotes.
    UnquotedKey,
    /// A comma right before `}` or `]`.
    TrailingComma,
    /// Two commas in a row, or a comma right after `{` or `[`.
    DoubledComma,
    /// Two members or elements without a comma between them.
    MissingComma,
    /// A `//` or `/* */` comment.
    Comment,
    /// A backslash escape JSON does not have, such as `\'`.
    InvalidEscape,
    /// A raw control character (tab...) inside a string.
    ControlCharacter,
}

impl RepairKind {
    /// A stable snake_case name for reports.
    pub fn name(self) -> &'static str {
        match self {
            RepairKind::MongoWrapper => "mongo_wrapper",
            RepairKind::ConcatenatedValues => "concatenated_values",
            RepairKind::TopLevelComma => "top_level_comma",
            RepairKind::DuplicateKey => "duplicate_key",
            RepairKind::SingleQuotedString => "single_quoted_string",
            RepairKind::BareWord => "bare_word",
            RepairKind::UnquotedKey => "unquoted_key",
            RepairKind::TrailingComma => "trailing_comma",
            RepairKind::DoubledComma => "doubled_comma",
            RepairKind::MissingComma => "missing_comma",
            RepairKind::Comment => "comment",
            RepairKind::InvalidEscape => "invalid_escape",
            RepairKind::ControlCharacter => "control_character",
        }
    }
}

/// One repair made while parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// What was repaired.
    pub kind: RepairKind,
    /// JSON pointer (RFC 6901) of the value the repair concerns; `""` is the root.
    pub pointer: String,
    /// Human-readable description, naming the pointer.
    pub message: String,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// One top-level value of the input with the repairs made to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The value.
    pub node: Node,
    /// Repairs, in source order (block-level ones first).
    pub repairs: Vec<Repair>,
    /// 1-based line of the input where the value starts.
    pub line: usize,
}

/// A syntax error the parser could not repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line in the input.
    pub line: usize,
    /// 1-based column (in characters) in the input.
    pub column: usize,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ParseError {}

/// Parses every top-level value of `src`, repairing what it can.
///
/// Returns an empty list for input that holds only whitespace and comments.
pub fn parse_all(src: &str) -> Result<Vec<Parsed>, ParseError> {
    let mut parser = Parser::new(src);
    let mut out: Vec<Parsed> = Vec::new();
    loop {
        parser.skip_trivia()?;
        match parser.peek() {
            None => break,
            Some(',') => {
                parser.bump();
                let message = if out.is_empty() {
                    "comma before the first top-level value removed".to_owned()
                } else {
                    format!(
                        "comma between top-level values {} and {} removed",
                        out.len(),
                        out.len() + 1
                    )
                };
                parser.repair(RepairKind::TopLevelComma, String::new(), message);
            }
            Some(_) => {
                let line = parser.line_col(parser.pos).0;
                let node = parser.parse_value()?;
                let repairs = std::mem::take(&mut parser.repairs);
                out.push(Parsed {
                    node,
                    repairs,
                    line,
                });
            }
        }
    }
    // Comments after the last value belong to it.
    let trailing = std::mem::take(&mut parser.repairs);
    if let Some(last) = out.last_mut() {
        last.repairs.extend(trailing);
    }
    let count = out.len();
    if count > 1 {
        for (i, parsed) in out.iter_mut().enumerate() {
            parsed.repairs.insert(
                0,
                Repair {
                    kind: RepairKind::ConcatenatedValues,
                    pointer: String::new(),
                    message: format!(
                        "concatenated values: the block holds {count} top-level values; this is value {}",
                        i + 1
                    ),
                },
            );
        }
    }
    Ok(out)
}

/// Mongo shell wrappers whose argument is a number.
const NUMBER_WRAPPERS: &[&str] = &["NumberLong", "NumberInt", "NumberDecimal"];
/// Mongo shell wrappers whose argument is a string.
const STRING_WRAPPERS: &[&str] = &["ObjectId", "ISODate"];

/// Characters that end a bare word or a number token.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ':' | '[' | ']' | '{' | '}' | '"' | '\'' | '(' | ')'
        )
}

/// Whether `c` can start a bare word or an unquoted key.
fn is_word_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

/// Whether `s` is a number in strict JSON syntax.
pub fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    // Moves `i` past a run of digits; returns how many there were.
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(c) if c.is_ascii_digit() => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// The parser state: the input as characters, a cursor, the current JSON
/// pointer and the repairs not yet attached to a top-level value.
struct Parser<'a> {
    src: &'a str,
    /// `(byte offset, char)` of every character.
    chars: Vec<(usize, char)>,
    pos: usize,
    path: Vec<String>,
    repairs: Vec<Repair>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            chars: src.char_indices().collect(),
            pos: 0,
            path: Vec::new(),
            repairs: Vec::new(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|&(_, c)| c)
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// Byte offset of character index `pos` (or the end of input).
    fn offset(&self, pos: usize) -> usize {
        self.chars.get(pos).map_or(self.src.len(), |&(o, _)| o)
    }

    /// Source text between two character indexes.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.src[self.offset(from)..self.offset(to)]
    }

    /// 1-based line and column of character index `pos`.
    fn line_col(&self, pos: usize) -> (usize, usize) {
        let mut line = 1;
        let mut column = 1;
        for &(_, c) in self.chars.iter().take(pos) {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        (line, column)
    }

    fn error_at(&self, pos: usize, message: impl Into<String>) -> ParseError {
        let (line, column) = self.line_col(pos);
        ParseError {
            line,
            column,
            message: message.into(),
        }
    }

    fn error(&self, message: impl Into<String>) -> ParseError {
        self.error_at(self.pos, message)
    }

    fn pointer(&self) -> String {
        self.path.iter().fold(String::new(), |pointer, token| {
            zapi_webhooks::diagnostics::push(pointer, token)
        })
    }

    /// At the closing bracket of a container: reports a trailing comma after
    /// its last member (`last`), or after the container itself when empty.
    fn trailing_comma(&mut self, after_comma: bool, last: Option<String>, here: &str) {
        if after_comma {
            let at = last.unwrap_or_else(|| here.to_owned());
            self.repair(
                RepairKind::TrailingComma,
                at.clone(),
                format!("trailing comma removed after {at}"),
            );
        }
    }

    /// A comma inside a container (`what`: "object" or "array"): a leading
    /// or doubled comma is repaired; returns whether a member is now awaited.
    fn comma(&mut self, after_comma: bool, last: Option<String>, here: &str, what: &str) -> bool {
        match last {
            None => {
                let message = format!(
                    "leading comma removed at the start of the {what} {}",
                    zapi_webhooks::diagnostics::display(here)
                );
                self.repair(RepairKind::DoubledComma, here.to_owned(), message);
                after_comma
            }
            Some(at) if after_comma => {
                self.repair(
                    RepairKind::DoubledComma,
                    at.clone(),
                    format!("doubled comma removed after {at}"),
                );
                true
            }
            Some(_) => true,
        }
    }

    fn repair(&mut self, kind: RepairKind, pointer: String, message: String) {
        self.repairs.push(Repair {
            kind,
            pointer,
            message,
        });
    }

    /// Skips whitespace and comments (recording each comment as a repair).
    fn skip_trivia(&mut self) -> Result<(), ParseError> {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() || c == '\u{feff}' => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    let start = self.pos;
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                    let text = self.slice(start, self.pos).trim_end().to_owned();
                    let pointer = self.pointer();
                    let message = format!(
                        "comment `{text}` removed in {}",
                        zapi_webhooks::diagnostics::display(&pointer)
                    );
                    self.repair(RepairKind::Comment, pointer, message);
                }
                (Some('/'), Some('*')) => {
                    let start = self.pos;
                    self.pos += 2;
                    loop {
                        match (self.peek(), self.peek_at(1)) {
                            (Some('*'), Some('/')) => {
                                self.pos += 2;
                                break;
                            }
                            (Some(_), _) => {
                                self.bump();
                            }
                            (None, _) => {
                                return Err(self.error_at(start, "comment `/*` is never closed"));
                            }
                        }
                    }
                    let text = self.slice(start, self.pos).to_owned();
                    let pointer = self.pointer();
                    let message = format!(
                        "comment `{text}` removed in {}",
                        zapi_webhooks::diagnostics::display(&pointer)
                    );
                    self.repair(RepairKind::Comment, pointer, message);
                }
                _ => return Ok(()),
            }
        }
    }

    fn parse_value(&mut self) -> Result<Node, ParseError> {
        self.skip_trivia()?;
        match self.peek() {
            None => Err(self.error("unexpected end of input, expected a value")),
            Some('{') => self.parse_object(),
            Some('[') => self.parse_array(),
            Some('"') => Ok(Node::String(self.parse_string()?)),
            Some('\'') => {
                let start = self.pos;
                let s = self.parse_string()?;
                let pointer = self.pointer();
                let message = format!(
                    "single-quoted string {} -> {} at {}",
                    self.slice(start, self.pos),
                    escape_string(&s),
                    zapi_webhooks::diagnostics::display(&pointer)
                );
                self.repair(RepairKind::SingleQuotedString, pointer, message);
                Ok(Node::String(s))
            }
            Some(c) if c == '-' || c.is_ascii_digit() || is_word_start(c) => self.parse_word(),
            Some(c) => Err(self.error(format!("unexpected character `{c}`, expected a value"))),
        }
    }

    /// Reads characters up to the next delimiter.
    fn read_token(&mut self) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(|c| !is_delimiter(c)) {
            self.bump();
        }
        self.slice(start, self.pos)
    }

    /// A number, a literal, a Mongo shell wrapper or a bare word.
    fn parse_word(&mut self) -> Result<Node, ParseError> {
        let start = self.pos;
        let token = self.read_token();
        if is_json_number(token) {
            return Ok(Node::Number(token.to_owned()));
        }
        match token {
            "true" => return Ok(Node::Bool(true)),
            "false" => return Ok(Node::Bool(false)),
            "null" => return Ok(Node::Null),
            _ => {}
        }
        // `Name(` (possibly with spaces before the parenthesis) is a call.
        let mut look = self.pos;
        while self
            .chars
            .get(look)
            .is_some_and(|&(_, c)| c == ' ' || c == '\t')
        {
            look += 1;
        }
        if self.chars.get(look).is_some_and(|&(_, c)| c == '(') {
            self.pos = look;
            return self.parse_wrapper(start, token);
        }
        let pointer = self.pointer();
        let message = format!(
            "bare word {token} -> {} at {}",
            escape_string(token),
            zapi_webhooks::diagnostics::display(&pointer)
        );
        self.repair(RepairKind::BareWord, pointer, message);
        Ok(Node::String(token.to_owned()))
    }

    /// `NumberLong(1)`, `NumberLong("1")`, `ObjectId("..")`; the cursor is on `(`.
    fn parse_wrapper(&mut self, start: usize, name: &str) -> Result<Node, ParseError> {
        let wants_number = NUMBER_WRAPPERS.contains(&name);
        if !wants_number && !STRING_WRAPPERS.contains(&name) {
            return Err(self.error_at(start, format!("unsupported call `{name}(...)`")));
        }
        self.bump(); // '('
        self.skip_trivia()?;
        let inner_pos = self.pos;
        let inner = match self.peek() {
            Some('"' | '\'') => self.parse_string()?,
            _ => self.read_token().to_owned(),
        };
        self.skip_trivia()?;
        if self.peek() != Some(')') {
            return Err(self.error(format!("expected `)` to close `{name}(`")));
        }
        self.bump();
        let original = self.slice(start, self.pos).to_owned();
        let node = if wants_number {
            if !is_json_number(&inner) {
                return Err(
                    self.error_at(inner_pos, format!("`{name}(...)` does not hold a number"))
                );
            }
            Node::Number(inner)
        } else {
            Node::String(inner)
        };
        let pointer = self.pointer();
        let message = format!(
            "{original} -> {} at {}",
            to_compact(&node),
            zapi_webhooks::diagnostics::display(&pointer)
        );
        self.repair(RepairKind::MongoWrapper, pointer, message);
        Ok(node)
    }

    /// A string in double or single quotes; the cursor is on the quote.
    fn parse_string(&mut self) -> Result<String, ParseError> {
        let open = self.pos;
        let Some(quote) = self.bump() else {
            return Err(self.error("expected a string"));
        };
        let mut out = String::new();
        loop {
            let Some(c) = self.bump() else {
                return Err(self.error_at(open, "string is never closed"));
            };
            match c {
                c if c == quote => return Ok(out),
                '\\' => {
                    let escape_pos = self.pos - 1;
                    let Some(e) = self.bump() else {
                        return Err(self.error_at(open, "string is never closed"));
                    };
                    match e {
                        '"' | '\\' | '/' => out.push(e),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => out.push(self.parse_unicode_escape(escape_pos)?),
                        '\'' if quote == '\'' => out.push('\''),
                        '\n' => {
                            return Err(
                                self.error_at(escape_pos, "line continuation inside a string")
                            );
                        }
                        other => {
                            out.push(other);
                            let pointer = self.pointer();
                            let message = format!(
                                "invalid escape \\{other} -> {other} in the string at {}",
                                zapi_webhooks::diagnostics::display(&pointer)
                            );
                            self.repair(RepairKind::InvalidEscape, pointer, message);
                        }
                    }
                }
                '\n' => {
                    return Err(
                        self.error_at(open, "string is not closed before the end of the line")
                    );
                }
                c if (c as u32) < 0x20 => {
                    out.push(c);
                    let pointer = self.pointer();
                    let message = format!(
                        "raw control character U+{:04X} in the string at {} (written escaped)",
                        c as u32,
                        zapi_webhooks::diagnostics::display(&pointer)
                    );
                    self.repair(RepairKind::ControlCharacter, pointer, message);
                }
                c => out.push(c),
            }
        }
    }

    /// The `XXXX` of `\uXXXX` (and a following low surrogate if needed).
    fn parse_unicode_escape(&mut self, escape_pos: usize) -> Result<char, ParseError> {
        let high = self.read_hex4(escape_pos)?;
        if (0xD800..0xDC00).contains(&high) {
            if self.peek() == Some('\\') && self.peek_at(1) == Some('u') {
                self.pos += 2;
                let low = self.read_hex4(escape_pos)?;
                if (0xDC00..0xE000).contains(&low) {
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    return char::from_u32(code)
                        .ok_or_else(|| self.error_at(escape_pos, "invalid \\u escape"));
                }
            }
            return Err(self.error_at(escape_pos, "unpaired surrogate in \\u escape"));
        }
        char::from_u32(high).ok_or_else(|| self.error_at(escape_pos, "invalid \\u escape"))
    }

    fn read_hex4(&mut self, escape_pos: usize) -> Result<u32, ParseError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self.bump().and_then(|c| c.to_digit(16));
            let Some(digit) = digit else {
                return Err(self.error_at(escape_pos, "\\u escape needs four hex digits"));
            };
            value = value * 16 + digit;
        }
        Ok(value)
    }

    /// An object key: a string, a single-quoted string or a bare word.
    fn parse_key(&mut self) -> Result<String, ParseError> {
        match self.peek() {
            Some('"') => self.parse_string(),
            Some('\'') => {
                let start = self.pos;
                let key = self.parse_string()?;
                let pointer = zapi_webhooks::diagnostics::push(self.pointer(), &key);
                let message = format!(
                    "single-quoted key {} -> {} at {pointer}",
                    self.slice(start, self.pos),
                    escape_string(&key)
                );
                self.repair(RepairKind::SingleQuotedString, pointer, message);
                Ok(key)
            }
            Some(c) if is_word_start(c) => {
                let key = self.read_token().to_owned();
                let pointer = zapi_webhooks::diagnostics::push(self.pointer(), &key);
                let message = format!("unquoted key {key} -> {} at {pointer}", escape_string(&key));
                self.repair(RepairKind::UnquotedKey, pointer, message);
                Ok(key)
            }
            Some(c) => Err(self.error(format!(
                "unexpected character `{c}`, expected a key or `}}`"
            ))),
            None => Err(self.error("unexpected end of input, expected a key")),
        }
    }

    /// Moves a container's loop (`what`: "object" or "array", opened at `open`, closed by
    /// `close`, at pointer `here`) to its next member: skips trivia and commas (repairing
    /// doubled ones) and returns `Ok(true)` at the start of a member, for the caller to parse,
    /// or consumes the closing character (repairing a trailing comma) and returns `Ok(false)`.
    /// `last` is the pointer of the member before, if any, and `after_comma` whether a comma
    /// followed it; a member with no comma before it is repaired as a missing comma when
    /// `may_start` accepts its first character, and is an error otherwise.
    fn next_member(
        &mut self,
        (open, close, what, here): (usize, char, &str, &str),
        last: Option<String>,
        after_comma: &mut bool,
        may_start: impl Fn(char) -> bool,
    ) -> Result<bool, ParseError> {
        loop {
            self.skip_trivia()?;
            match self.peek() {
                None => return Err(self.error_at(open, format!("{what} is never closed"))),
                Some(c) if c == close => {
                    self.bump();
                    self.trailing_comma(*after_comma, last, here);
                    return Ok(false);
                }
                Some(',') => {
                    self.bump();
                    *after_comma = self.comma(*after_comma, last.clone(), here, what);
                }
                Some(c) => {
                    if let Some(at) = last.filter(|_| !*after_comma) {
                        if !may_start(c) {
                            return Err(self.error(format!(
                                "expected `,` or `{close}` after an {what} member"
                            )));
                        }
                        self.repair(
                            RepairKind::MissingComma,
                            at.clone(),
                            format!("missing comma inserted after {at}"),
                        );
                    }
                    *after_comma = false;
                    return Ok(true);
                }
            }
        }
    }

    fn parse_object(&mut self) -> Result<Node, ParseError> {
        let open = self.pos;
        self.bump(); // '{'
        let here = self.pointer();
        let mut members: Vec<(String, Node)> = Vec::new();
        let mut after_comma = false;
        loop {
            let last = members
                .last()
                .map(|(k, _)| zapi_webhooks::diagnostics::push(here.clone(), k));
            let may_start = |c: char| c == '"' || c == '\'' || is_word_start(c);
            let container = (open, '}', "object", here.as_str());
            if !self.next_member(container, last, &mut after_comma, may_start)? {
                return Ok(Node::Object(members));
            }
            let key = self.parse_key()?;
            self.skip_trivia()?;
            if self.peek() != Some(':') {
                return Err(self.error(format!(
                    "expected `:` after the key {}",
                    escape_string(&key)
                )));
            }
            self.bump();
            self.path.push(key.clone());
            let value = self.parse_value();
            let pointer = self.pointer();
            self.path.pop();
            let value = value?;
            if let Some(slot) = members.iter_mut().find(|(k, _)| *k == key) {
                let message = format!(
                    "duplicate key {pointer}: kept the last value {}, dropped {}",
                    short(&value),
                    short(&slot.1)
                );
                slot.1 = value;
                self.repair(RepairKind::DuplicateKey, pointer, message);
            } else {
                members.push((key, value));
            }
        }
    }

    fn parse_array(&mut self) -> Result<Node, ParseError> {
        let open = self.pos;
        self.bump(); // '['
        let here = self.pointer();
        let mut items: Vec<Node> = Vec::new();
        let mut after_comma = false;
        loop {
            let last = items.len().checked_sub(1).map(|i| format!("{here}/{i}"));
            let container = (open, ']', "array", here.as_str());
            if !self.next_member(container, last, &mut after_comma, |_| true)? {
                return Ok(Node::Array(items));
            }
            self.path.push(items.len().to_string());
            let value = self.parse_value();
            self.path.pop();
            items.push(value?);
        }
    }
}

/// Escapes `s` as a JSON string literal (quotes included). Non-ASCII
/// characters are kept as they are; control characters are escaped.
pub fn escape_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `node` as JSON with two-space indentation, in the same layout as
/// `serde_json::to_string_pretty` (no trailing newline).
pub fn to_pretty(node: &Node) -> String {
    let mut out = String::new();
    write_pretty(&mut out, node, 0);
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_pretty(out: &mut String, node: &Node, depth: usize) {
    match node {
        Node::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                write_pretty(out, item, depth + 1);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Node::Object(members) if !members.is_empty() => {
            out.push_str("{\n");
            for (i, (key, value)) in members.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&escape_string(key));
                out.push_str(": ");
                write_pretty(out, value, depth + 1);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        scalar_or_empty => out.push_str(&to_compact(scalar_or_empty)),
    }
}

/// Writes `node` as compact JSON (no whitespace).
pub fn to_compact(node: &Node) -> String {
    match node {
        Node::Null => "null".to_owned(),
        Node::Bool(b) => b.to_string(),
        Node::Number(text) => text.clone(),
        Node::String(s) => escape_string(s),
        Node::Array(items) => {
            let inner: Vec<String> = items.iter().map(to_compact).collect();
            format!("[{}]", inner.join(","))
        }
        Node::Object(members) => {
            let inner: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{}:{}", escape_string(k), to_compact(v)))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
    }
}

/// Compact JSON of `node`, cut to about 60 characters for messages.
fn short(node: &Node) -> String {
    const MAX: usize = 60;
    let text = to_compact(node);
    if text.chars().count() <= MAX {
        return text;
    }
    let cut: String = text.chars().take(MAX - 3).collect();
    format!("{cut}...")
}

/// Converts `node` to a `serde_json::Value` (numbers are parsed by serde_json).
pub fn to_value(node: &Node) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    Ok(match node {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(*b),
        Node::Number(text) => {
            let number: serde_json::Number = serde_json::from_str(text)
                .map_err(|e| format!("number {text} is not representable: {e}"))?;
            Value::Number(number)
        }
        Node::String(s) => Value::String(s.clone()),
        Node::Array(items) => Value::Array(items.iter().map(to_value).collect::<Result<_, _>>()?),
        Node::Object(members) => {
            let mut map = serde_json::Map::new();
            for (k, v) in members {
                map.insert(k.clone(), to_value(v)?);
            }
            Value::Object(map)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `src` and expects exactly one value.
    fn one(src: &str) -> Parsed {
        let mut values = parse_all(src).unwrap_or_else(|e| panic!("parse failed: {e}"));
        assert_eq!(values.len(), 1, "expected one value in {src}");
        values.remove(0)
    }

    fn kinds(parsed: &Parsed) -> Vec<RepairKind> {
        parsed.repairs.iter().map(|r| r.kind).collect()
    }

    fn messages(parsed: &Parsed) -> Vec<String> {
        parsed.repairs.iter().map(|r| r.message.clone()).collect()
    }

    #[test]
    fn valid_json_needs_no_repair_and_keeps_key_order() {
        let p = one(r#"{"b": 1, "a": [true, false, null], "c": {"z": "x", "y": -1.5e3}}"#);
        assert!(p.repairs.is_empty());
        assert_eq!(
            to_compact(&p.node),
            r#"{"b":1,"a":[true,false,null],"c":{"z":"x","y":-1.5e3}}"#
        );
    }

    #[test]
    fn number_long_and_number_int_become_numbers() {
        let p = one(
            r#"{"momment": NumberLong(1657209752000), "a": {"m": NumberInt(1)}, "s": NumberLong("123")}"#,
        );
        assert_eq!(
            to_compact(&p.node),
            r#"{"momment":1657209752000,"a":{"m":1},"s":123}"#
        );
        assert_eq!(kinds(&p), vec![RepairKind::MongoWrapper; 3]);
        assert_eq!(
            messages(&p),
            vec![
                "NumberLong(1657209752000) -> 1657209752000 at /momment",
                "NumberInt(1) -> 1 at /a/m",
                "NumberLong(\"123\") -> 123 at /s",
            ]
        );
        assert_eq!(p.repairs[1].pointer, "/a/m");
    }

    #[test]
    fn number_wrapper_must_hold_a_number() {
        let err = parse_all(r#"{"a": NumberLong("x")}"#).expect_err("not a number");
        assert!(err.message.contains("does not hold a number"), "{err}");
        let err = parse_all(r#"{"a": Foo(1)}"#).expect_err("unknown call");
        assert!(err.message.contains("unsupported call"), "{err}");
    }

    #[test]
    fn concatenated_objects_are_all_returned() {
        let values = parse_all("{\"a\": 1}{\"a\": 2}\n{\"a\": 3},\n{\"a\": 4}")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(values.len(), 4);
        let compact: Vec<String> = values.iter().map(|v| to_compact(&v.node)).collect();
        assert_eq!(
            compact,
            vec![r#"{"a":1}"#, r#"{"a":2}"#, r#"{"a":3}"#, r#"{"a":4}"#]
        );
        assert_eq!(values[2].line, 2);
        assert_eq!(values[1].repairs[0].kind, RepairKind::ConcatenatedValues);
        assert_eq!(
            values[1].repairs[0].message,
            "concatenated values: the block holds 4 top-level values; this is value 2"
        );
        assert_eq!(
            kinds(&values[3]),
            vec![RepairKind::ConcatenatedValues, RepairKind::TopLevelComma]
        );
        assert!(
            parse_all("  // nothing\n")
                .unwrap_or_else(|e| panic!("{e}"))
                .is_empty()
        );
    }

    #[test]
    fn duplicate_keys_keep_the_last_value_at_the_first_position() {
        let p = one(
            r#"{"instanceId": "A20D", "x": {"t": "https://", "t": "https://"}, "instanceId": "instance.id"}"#,
        );
        assert_eq!(
            to_compact(&p.node),
            r#"{"instanceId":"instance.id","x":{"t":"https://"}}"#
        );
        assert_eq!(kinds(&p), vec![RepairKind::DuplicateKey; 2]);
        assert_eq!(
            messages(&p),
            vec![
                r#"duplicate key /x/t: kept the last value "https://", dropped "https://""#,
                r#"duplicate key /instanceId: kept the last value "instance.id", dropped "A20D""#,
            ]
        );
        // Same rule as serde_json::Value.
        let serde: serde_json::Value =
            serde_json::from_str(r#"{"a": 1, "a": 2}"#).unwrap_or_else(|e| panic!("{e}"));
        let ours = to_value(&one(r#"{"a": 1, "a": 2}"#).node).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(serde, ours);
    }

    #[test]
    fn single_quoted_strings_become_double_quoted() {
        let p = one(r#"{"type": 'ConnectedCallback', 'k': 'it\'s "x"'}"#);
        assert_eq!(
            to_compact(&p.node),
            r#"{"type":"ConnectedCallback","k":"it's \"x\""}"#
        );
        assert_eq!(kinds(&p), vec![RepairKind::SingleQuotedString; 3]);
        assert_eq!(
            p.repairs[0].message,
            r#"single-quoted string 'ConnectedCallback' -> "ConnectedCallback" at /type"#
        );
        assert_eq!(p.repairs[1].pointer, "/k");
    }

    #[test]
    fn bare_words_and_unquoted_keys_become_strings() {
        let p = one("{\"instanceId\": instance.id, \"value\": boolean, key: 1}");
        assert_eq!(
            to_compact(&p.node),
            r#"{"instanceId":"instance.id","value":"boolean","key":1}"#
        );
        assert_eq!(
            kinds(&p),
            vec![
                RepairKind::BareWord,
                RepairKind::BareWord,
                RepairKind::UnquotedKey
            ]
        );
        assert_eq!(
            p.repairs[0].message,
            r#"bare word instance.id -> "instance.id" at /instanceId"#
        );
        // A token that starts like a number but is not one is a bare word too.
        let p = one("[1.2.3, 01]");
        assert_eq!(to_compact(&p.node), r#"["1.2.3","01"]"#);
    }

    #[test]
    fn trailing_doubled_and_missing_commas_are_fixed() {
        let p = one(
            "{\n  \"phone\": \"número\",,\n  \"a\": [1, 2,],\n  \"b\": {\"c\": 1,}\n  \"d\": [1 2],\n}",
        );
        assert_eq!(
            to_compact(&p.node),
            r#"{"phone":"número","a":[1,2],"b":{"c":1},"d":[1,2]}"#
        );
        assert_eq!(
            messages(&p),
            vec![
                "doubled comma removed after /phone",
                "trailing comma removed after /a/1",
                "trailing comma removed after /b/c",
                "missing comma inserted after /b",
                "missing comma inserted after /d/0",
                "trailing comma removed after /d",
            ]
        );
        assert_eq!(
            kinds(&p),
            vec![
                RepairKind::DoubledComma,
                RepairKind::TrailingComma,
                RepairKind::TrailingComma,
                RepairKind::MissingComma,
                RepairKind::MissingComma,
                RepairKind::TrailingComma,
            ]
        );
    }

    #[test]
    fn comments_are_removed() {
        let p = one("{\n  // a comment\n  \"a\": 1, /* another */ \"b\": 2\n}");
        assert_eq!(to_compact(&p.node), r#"{"a":1,"b":2}"#);
        assert_eq!(
            messages(&p),
            vec![
                "comment `// a comment` removed in (root)",
                "comment `/* another */` removed in (root)"
            ]
        );
    }

    #[test]
    fn number_text_is_preserved() {
        let src = "{\"lon\": -99.999999999999999, \"lat\": -99.9999999999999999, \"t\": 1632228638000, \"e\": 1E+2, \"z\": -0.0}";
        let p = one(src);
        assert!(p.repairs.is_empty());
        let pretty = to_pretty(&p.node);
        assert!(pretty.contains("\"lon\": -99.999999999999999,"), "{pretty}");
        assert!(
            pretty.contains("\"lat\": -99.9999999999999999,"),
            "{pretty}"
        );
        assert!(pretty.contains("\"t\": 1632228638000,"), "{pretty}");
        assert!(pretty.contains("\"e\": 1E+2,"), "{pretty}");
        let value: serde_json::Value =
            serde_json::from_str(&pretty).unwrap_or_else(|e| panic!("{e}"));
        assert!(value["t"].is_u64());
        assert_eq!(value, to_value(&p.node).unwrap_or_else(|e| panic!("{e}")));
    }

    #[test]
    fn string_escapes_round_trip() {
        let src = r#"{"s": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00 ❤️ ção", "q": "it\'s"}"#;
        let p = one(src);
        assert_eq!(
            p.node.get("s").and_then(Node::as_str),
            Some("a\"b\\c/d\n\té😀 ❤️ ção")
        );
        assert_eq!(p.node.get("q").and_then(Node::as_str), Some("it's"));
        assert_eq!(kinds(&p), vec![RepairKind::InvalidEscape]);
        let pretty = to_pretty(&p.node);
        assert!(pretty.contains(r#""a\"b\\c/d\n\té😀 ❤️ ção""#), "{pretty}");
        let value: serde_json::Value =
            serde_json::from_str(&pretty).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(value["s"], "a\"b\\c/d\n\té😀 ❤️ ção");
        assert_eq!(escape_string("\u{1}\u{7f}"), "\"\\u0001\u{7f}\"");
    }

    #[test]
    fn control_characters_in_strings_are_escaped() {
        let p = one("{\"a\": \"x\ty\"}");
        assert_eq!(kinds(&p), vec![RepairKind::ControlCharacter]);
        assert_eq!(to_compact(&p.node), r#"{"a":"x\ty"}"#);
    }

    #[test]
    fn pretty_output_matches_serde_json_layout() {
        let src = r#"{"a": [], "b": {}, "c": [1, {"d": null}], "e/f~": "x"}"#;
        let p = one(src);
        let value: serde_json::Value = serde_json::from_str(src).unwrap_or_else(|e| panic!("{e}"));
        // serde_json sorts keys (no preserve_order); this input is already sorted.
        let expected = serde_json::to_string_pretty(&value).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(to_pretty(&p.node), expected);
        assert_eq!(
            zapi_webhooks::diagnostics::push(String::new(), "e/f~"),
            "/e~1f~0"
        );
    }

    #[test]
    fn unrepairable_input_reports_line_and_column() {
        let err = parse_all("{\n  \"a\": 1\n  \"b\" 2\n}").expect_err("missing colon");
        assert_eq!((err.line, err.column), (3, 7));
        assert!(err.message.contains("expected `:`"), "{err}");
        let err = parse_all("case 'X':\ncampo = 1").expect_err("javascript");
        assert_eq!(err.line, 1);
        let err = parse_all("{\"a\": \"open\n}").expect_err("unterminated");
        assert!(err.message.contains("not closed"), "{err}");
        let err = parse_all("{\"a\": 1").expect_err("unclosed");
        assert!(err.message.contains("never closed"), "{err}");
    }
}
