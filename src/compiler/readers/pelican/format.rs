//! Pelican reading rules: the metadata header of Markdown files and `pelicanconf.py` read as text (never
//! run).

use serde_json::{Map, Value};
use std::ops::Range;

pub use crate::compiler::model::diagnostics::Problem;

/// Pelican's metadata header: the `Key: value` lines at the top of a Markdown file (python-markdown's Meta
/// extension syntax).
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub fields: Vec<Field>,
    /// Byte offset where the body starts (after the header and the blank line ending it).
    pub body_offset: usize,
    /// Span of the header block (for diagnostics about the whole block).
    pub span: Range<usize>,
    /// The line that ended the header without a blank line before it, read as text.
    pub unended: Option<Problem>,
}

/// One `Key: value` entry of the header, continuation lines included.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key, lowercased.
    pub key: String,
    pub value: String,
    /// The whole entry: its first line through its last continuation line, without the line ending.
    pub span: Range<usize>,
}

/// Metadata keys that mark a file as Pelican's when its first line uses one of them.
const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "modified",
    "tags",
    "keywords",
    "category",
    "slug",
    "author",
    "authors",
    "summary",
    "status",
    "lang",
    "translation",
    "save_as",
    "url",
    "template",
    "subtitle",
    "image",
    "cover",
    "og_image",
    "description",
    "series",
    "featured_image",
    "thumbnail",
];

/// Keys whose continuation lines are list items: joined with ", " (other keys are joined with a space).
const LIST_KEYS: &[&str] = &["tags", "keywords", "authors"];

/// One line: its text without the line ending, where it starts and ends, and where the next line starts.
pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
    next: usize,
}

/// The lines of `text` from byte `from` on; `\n` and `\r\n` endings both work.
pub(super) fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line<'_>> {
    let mut pos = from;
    std::iter::from_fn(move || {
        let rest = text.get(pos..).filter(|rest| !rest.is_empty())?;
        let (raw, next) = match rest.find('\n') {
            Some(i) => (rest.get(..i).unwrap_or(rest), pos + i + 1),
            None => (rest, text.len()),
        };
        let line_text = raw.strip_suffix('\r').unwrap_or(raw);
        let line = Line {
            text: line_text,
            start: pos,
            end: pos + line_text.len(),
            next,
        };
        pos = next;
        Some(line)
    })
}

/// Where the header would start: after a byte order mark and blank lines.
fn header_start(text: &str) -> usize {
    let from = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    lines_from(text, from)
        .find(|line| !line.text.trim().is_empty())
        .map_or(text.len(), |line| line.start)
}

/// What one line of a header is.
enum HeaderLine<'a> {
    Blank,
    /// Indented by 4+ spaces or a tab: continues the previous value.
    More(&'a str),
    Entry(&'a str, &'a str),
    /// No colon at all.
    NoColon,
    /// A colon, but what is before it is not a key.
    BadKey(&'a str),
}

/// Classifies a header line the way python-markdown's Meta extension does (up to 3 leading spaces allowed).
fn classify(line: &str) -> HeaderLine<'_> {
    if line.trim().is_empty() {
        return HeaderLine::Blank;
    }
    let unindented = line.trim_start_matches(' ');
    if line.len() - unindented.len() >= 4 || unindented.starts_with('\t') {
        return HeaderLine::More(line.trim());
    }
    match unindented.split_once(':') {
        Some((key, value)) if valid_key(key) => HeaderLine::Entry(key, value.trim()),
        Some((key, _)) => HeaderLine::BadKey(key),
        None => HeaderLine::NoColon,
    }
}

/// A metadata key is `[A-Za-z0-9_-]+`.
fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Whether the text starts (after a BOM and blank lines) with a Pelican header: its first line is `Key: value`
/// with a key (any case) Pelican or its common themes read, e.g. `Title:` or `Date:`.
pub fn starts_with_header(text: &str) -> bool {
    let Some(line) = lines_from(text, header_start(text)).next() else {
        return false;
    };
    match classify(line.text) {
        HeaderLine::Entry(key, _) => KNOWN_KEYS.contains(&key.to_ascii_lowercase().as_str()),
        _ => false,
    }
}

/// Reads the header, which ends at the first blank line (or the end of the text). Keys are lowercased; a line
/// indented by 4+ spaces or a tab continues the previous value (joined with ", " for tags, keywords and authors,
/// with a space otherwise). A repeated key gives a repeated field. Expects `starts_with_header(text)`: a first
/// line that is not `Key: value` is reported like any other.
pub fn header(text: &str) -> Result<Header, Problem> {
    let start = header_start(text);
    let mut fields: Vec<Field> = Vec::new();
    let mut body_offset = text.len();
    let mut unended = None;
    for line in lines_from(text, start) {
        let span = line.start..line.end;
        match classify(line.text) {
            HeaderLine::Blank => {
                body_offset = line.next;
                break;
            }
            HeaderLine::Entry(key, value) => fields.push(Field {
                key: key.to_ascii_lowercase(),
                value: value.to_string(),
                span,
            }),
            HeaderLine::More(more) => match fields.last_mut() {
                Some(field) => continue_field(field, more, line.end),
                None => return Err(bad_line(span, line.text, None)),
            },
            // As python-markdown reads it, the header ends at a line that is not
            // `Key: value`, which starts the text: said, not refused.
            HeaderLine::NoColon | HeaderLine::BadKey(_) if !fields.is_empty() => {
                let key = match classify(line.text) {
                    HeaderLine::BadKey(key) => Some(key),
                    _ => None,
                };
                unended = Some(bad_line(span, line.text, key));
                body_offset = line.start;
                break;
            }
            HeaderLine::NoColon => return Err(bad_line(span, line.text, None)),
            HeaderLine::BadKey(key) => return Err(bad_line(span, line.text, Some(key))),
        }
    }
    let end = fields.last().map_or(start, |field| field.span.end);
    Ok(Header {
        fields,
        body_offset,
        span: start..end,
        unended,
    })
}

/// Adds a continuation line to a field.
fn continue_field(field: &mut Field, more: &str, end: usize) {
    if !field.value.is_empty() {
        field.value.push_str(if LIST_KEYS.contains(&field.key.as_str()) {
            ", "
        } else {
            " "
        });
    }
    field.value.push_str(more);
    field.span.end = end;
}

/// The problem for a header line that is not `Key: value`.
fn bad_line(span: Range<usize>, line: &str, key: Option<&str>) -> Problem {
    let shown: String = line.trim().chars().take(60).collect();
    let (message, label) = match key {
        None => (
            format!("Pelican header line without a colon: `{shown}`"),
            "this line is inside the metadata header but is not `Key: value`".to_string(),
        ),
        Some(key) => (
            format!("Pelican header line without a valid key: `{shown}`"),
            format!(
                "`{}` is not a metadata key (letters, digits, `_` and `-` only)",
                key.trim()
            ),
        ),
    };
    let hint = "it is read as the page's first line of text: put a blank line before it, or write it as `Key: value` if it is a field".to_string();
    Problem {
        span,
        message,
        label,
        hint,
    }
}

/// The header as front-matter fields, in the names Vitrine's front matter reads.
///
/// title, slug, lang, template, date (as written) → same name; modified → "updated"; tags and keywords → "tags"
/// (split like Pelican: on `;` if the value has one, else on `,`; trimmed, empties and repeats dropped);
/// category → "categories": [value]; summary → "summary" and "description"; author → "author"; authors →
/// "authors" (split like tags) and "author" (the first, unless an `Author` field gives one); status draft →
/// "draft": true, hidden → "hidden": true, published → nothing, other → "status"; save_as and url →
/// "aliases": ["/value"]; translation → bool (`true` in any case); image, cover, og_image → "image"; any other
/// key → a string under its own name. Empty values are dropped and, as in Pelican, the first of repeated keys wins.
pub fn front_matter(header: &Header) -> Map<String, Value> {
    let mut out = Map::new();
    for field in &header.fields {
        let value = field.value.trim();
        if !value.is_empty() {
            put_field(&mut out, &field.key, value);
        }
    }
    let first_author = out.get("authors").and_then(|authors| authors.get(0)).cloned();
    if let Some(first) = first_author {
        out.entry("author").or_insert(first);
    }
    out
}

/// Puts one non-empty header field into the front matter.
fn put_field(out: &mut Map<String, Value>, key: &str, value: &str) {
    match key {
        "modified" => set(out, "updated", value),
        "tags" | "keywords" => push_all(out, "tags", split_list(value)),
        "category" => {
            out.entry("categories")
                .or_insert_with(|| Value::Array(vec![value.into()]));
        }
        "summary" => {
            set(out, "summary", value);
            set(out, "description", value);
        }
        "authors" => push_all(out, "authors", split_list(value)),
        "status" => put_status(out, value),
        "save_as" | "url" => {
            let alias = if value.starts_with('/') {
                value.to_string()
            } else {
                format!("/{value}")
            };
            push_all(out, "aliases", vec![alias]);
        }
        "translation" => {
            out.entry("translation")
                .or_insert(Value::Bool(value.eq_ignore_ascii_case("true")));
        }
        "image" | "cover" | "og_image" => set(out, "image", value),
        _ => set(out, key, value),
    }
}

/// Pelican's statuses: draft and hidden become flags, published is the default.
fn put_status(out: &mut Map<String, Value>, value: &str) {
    match value.to_lowercase().as_str() {
        "draft" => set_value(out, "draft", Value::Bool(true)),
        "hidden" => set_value(out, "hidden", Value::Bool(true)),
        "published" => {}
        _ => set(out, "status", value),
    }
}

/// Sets a string unless the key is already set (the first definition wins).
fn set(out: &mut Map<String, Value>, key: &str, value: &str) {
    set_value(out, key, Value::String(value.to_string()));
}

/// Sets a value unless the key is already set.
fn set_value(out: &mut Map<String, Value>, key: &str, value: Value) {
    out.entry(key).or_insert(value);
}

/// Appends strings to an array, skipping ones already there; leaves a non-array value alone.
fn push_all(out: &mut Map<String, Value>, key: &str, items: Vec<String>) {
    if let Value::Array(list) = out.entry(key).or_insert_with(|| Value::Array(Vec::new())) {
        for item in items {
            let item = Value::String(item);
            if !list.contains(&item) {
                list.push(item);
            }
        }
    }
}

/// Pelican's `ensure_metadata_list`: split on `;` if there is one, else on `,`; trim; drop empties and repeats.
fn split_list(value: &str) -> Vec<String> {
    let separator = if value.contains(';') { ';' } else { ',' };
    let mut items: Vec<String> = Vec::new();
    for item in value.split(separator).map(str::trim).filter(|item| !item.is_empty()) {
        if !items.iter().any(|known| known == item) {
            items.push(item.to_string());
        }
    }
    items
}

/// The settings read from pelicanconf.py.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conf {
    pub sitename: Option<String>,
    pub siteurl: Option<String>,
    pub author: Option<String>,
    pub default_lang: Option<String>,
    pub timezone: Option<String>,
    pub path: Option<String>,
    pub static_paths: Option<Vec<String>>,
    pub article_paths: Option<Vec<String>>,
    pub page_paths: Option<Vec<String>>,
    /// `PAGE_URL`, `PAGE_SAVE_AS`, `ARTICLE_URL`, `ARTICLE_SAVE_AS`: addresses with `{slug}`-style fields.
    pub page_url: Option<String>,
    pub page_save_as: Option<String>,
    pub article_url: Option<String>,
    pub article_save_as: Option<String>,
}

/// Settings whose value must be a plain string.
const TEXT_NAMES: &[&str] = &[
    "SITENAME",
    "SITEURL",
    "AUTHOR",
    "DEFAULT_LANG",
    "TIMEZONE",
    "PATH",
    "PAGE_URL",
    "PAGE_SAVE_AS",
    "ARTICLE_URL",
    "ARTICLE_SAVE_AS",
];

/// Settings whose value must be a list (or tuple) of plain strings.
const LIST_NAMES: &[&str] = &["STATIC_PATHS", "ARTICLE_PATHS", "PAGE_PATHS"];

/// The label of every pelicanconf.py problem.
const CONF_LABEL: &str = "Vitrine reads pelicanconf.py as text and never runs it";

/// pelicanconf.py read as text, never executed. Only top-level `NAME = value` assignments of the settings in
/// [`Conf`] are read: plain strings (`'…'`, `"…"`, triple quotes, `u`/`r` prefixes, adjacent literals joined)
/// and lists or tuples of plain strings. Any other value of those names, or code changing them (`+=`,
/// `.append(…)`), is a problem and keeps the earlier value; later assignments win. Other statements, indented
/// lines and comments are skipped; an unterminated string or bracket anywhere is a problem.
pub fn read_conf(text: &str) -> (Conf, Vec<Problem>) {
    let (statements, mut problems) = Lexer::run(text);
    let mut conf = Conf::default();
    for statement in &statements {
        if let Err(problem) = assign(&mut conf, statement) {
            problems.push(problem);
        }
    }
    problems.sort_by_key(|problem| problem.span.start);
    (conf, problems)
}

/// Applies one statement to the settings, if it assigns one of them.
fn assign(conf: &mut Conf, statement: &Statement) -> Result<(), Problem> {
    if statement.indented || statement.broken {
        return Ok(());
    }
    let Some((
        Token {
            tok: Tok::Name(name), ..
        },
        rest,
    )) = statement.tokens.split_first()
    else {
        return Ok(());
    };
    let is_text = TEXT_NAMES.contains(&name.as_str());
    if !is_text && !LIST_NAMES.contains(&name.as_str()) {
        return Ok(());
    }
    let span = statement.span();
    let value = match rest.split_first() {
        Some((eq, value)) if is_op(eq, "=") => value,
        _ => return Err(changed_by_code(name, span)),
    };
    if is_text {
        let text = plain_string(value).ok_or_else(|| not_plain(name, span, true))?;
        if let Some(slot) = text_slot(conf, name) {
            *slot = Some(text);
        }
    } else {
        let list = plain_list(value).ok_or_else(|| not_plain(name, span, false))?;
        if let Some(slot) = list_slot(conf, name) {
            *slot = Some(list);
        }
    }
    Ok(())
}

/// Where a string setting goes.
fn text_slot<'c>(conf: &'c mut Conf, name: &str) -> Option<&'c mut Option<String>> {
    match name {
        "SITENAME" => Some(&mut conf.sitename),
        "SITEURL" => Some(&mut conf.siteurl),
        "AUTHOR" => Some(&mut conf.author),
        "DEFAULT_LANG" => Some(&mut conf.default_lang),
        "TIMEZONE" => Some(&mut conf.timezone),
        "PATH" => Some(&mut conf.path),
        "PAGE_URL" => Some(&mut conf.page_url),
        "PAGE_SAVE_AS" => Some(&mut conf.page_save_as),
        "ARTICLE_URL" => Some(&mut conf.article_url),
        "ARTICLE_SAVE_AS" => Some(&mut conf.article_save_as),
        _ => None,
    }
}

/// Where a list setting goes.
fn list_slot<'c>(conf: &'c mut Conf, name: &str) -> Option<&'c mut Option<Vec<String>>> {
    match name {
        "STATIC_PATHS" => Some(&mut conf.static_paths),
        "ARTICLE_PATHS" => Some(&mut conf.article_paths),
        "PAGE_PATHS" => Some(&mut conf.page_paths),
        _ => None,
    }
}

/// The problem for a read setting whose value is not plain.
fn not_plain(name: &str, span: Range<usize>, text: bool) -> Problem {
    if text {
        let hint = format!("write the value as a quoted string, e.g. `{name} = 'value'`");
        Problem::new(span, format!("`{name}` is not a plain string"), CONF_LABEL, hint)
    } else {
        let hint = format!("write the value as a list of quoted strings, e.g. `{name} = ['images', 'pdfs']`");
        Problem::new(
            span,
            format!("`{name}` is not a plain list of strings"),
            CONF_LABEL,
            hint,
        )
    }
}

/// The problem for a read setting changed by code rather than assigned.
fn changed_by_code(name: &str, span: Range<usize>) -> Problem {
    let hint = format!("assign the whole value once, as `{name} = …` with quoted strings");
    Problem::new(span, format!("`{name}` is changed by code"), CONF_LABEL, hint)
}

/// One or more adjacent plain string literals, joined, possibly inside one pair of parentheses.
fn plain_string(tokens: &[Token]) -> Option<String> {
    let wrapped = tokens.len() >= 2
        && tokens.first().is_some_and(|t| is_op(t, "("))
        && tokens.last().is_some_and(|t| is_op(t, ")"));
    let tokens = if wrapped {
        tokens.get(1..tokens.len() - 1)?
    } else {
        tokens
    };
    if tokens.is_empty() {
        return None;
    }
    let mut out = String::new();
    for token in tokens {
        match &token.tok {
            Tok::Str(value, true) => out.push_str(value),
            _ => return None,
        }
    }
    Some(out)
}

/// A list `[…]`, a tuple `(…)` or a bare tuple `'a', 'b'` of plain strings; a trailing comma is allowed.
fn plain_list(tokens: &[Token]) -> Option<Vec<String>> {
    let (first, last) = (tokens.first()?, tokens.last()?);
    let bracketed =
        tokens.len() >= 2 && ((is_op(first, "[") && is_op(last, "]")) || (is_op(first, "(") && is_op(last, ")")));
    let inner = if bracketed {
        tokens.get(1..tokens.len() - 1)?
    } else {
        tokens
    };
    let has_comma = inner.iter().any(|token| is_op(token, ","));
    if !inner.is_empty() && !has_comma && !is_op(first, "[") {
        return None; // `('a')` and `'a'` are strings, not tuples
    }
    let parts: Vec<&[Token]> = inner.split(|token| is_op(token, ",")).collect();
    let mut items = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        if part.is_empty() && index + 1 == parts.len() && index > 0 {
            break; // trailing comma
        }
        if part.is_empty() && inner.is_empty() {
            break;
        }
        items.push(plain_string(part)?);
    }
    Some(items)
}

/// A token of Python source, as far as reading assignments needs.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    /// A string literal's value, and whether it is plain (no prefix, or `u`/`r`).
    Str(String, bool),
    Op(String),
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

/// Whether a token is the operator `op`.
fn is_op(token: &Token, op: &str) -> bool {
    matches!(&token.tok, Tok::Op(found) if found == op)
}

/// A logical line of Python: its tokens, whether it is indented, whether it could not be read.
#[derive(Debug, Default)]
struct Statement {
    tokens: Vec<Token>,
    indented: bool,
    broken: bool,
}

impl Statement {
    fn span(&self) -> Range<usize> {
        let start = self.tokens.first().map_or(0, |token| token.span.start);
        start..self.tokens.last().map_or(start, |token| token.span.end)
    }
}

/// Splits Python source into logical lines of tokens (strings, comments, brackets and `\` continuations
/// handled), reporting unterminated strings and brackets.
struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    line_start: usize,
    current: Statement,
    statements: Vec<Statement>,
    problems: Vec<Problem>,
}

impl<'a> Lexer<'a> {
    fn run(text: &'a str) -> (Vec<Statement>, Vec<Problem>) {
        let mut lexer = Lexer {
            text,
            pos: 0,
            depth: 0,
            line_start: 0,
            current: Statement::default(),
            statements: Vec::new(),
            problems: Vec::new(),
        };
        while let Some(c) = lexer.rest().chars().next() {
            lexer.step(c);
        }
        if lexer.depth > 0 {
            lexer.unclosed();
        }
        lexer.end_statement();
        (lexer.statements, lexer.problems)
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn step(&mut self, c: char) {
        let start = self.pos;
        match c {
            '\n' => {
                self.pos += 1;
                self.line_start = self.pos;
                if self.depth == 0 {
                    self.end_statement();
                }
            }
            '#' => self.pos = self.rest().find('\n').map_or(self.text.len(), |i| start + i),
            '\\' if self.rest().starts_with("\\\n") || self.rest().starts_with("\\\r\n") => {
                self.pos += if self.rest().starts_with("\\\n") { 2 } else { 3 };
                self.line_start = self.pos;
            }
            '\'' | '"' => self.string(start, ""),
            c if c.is_whitespace() => self.pos += c.len_utf8(),
            c if c.is_alphabetic() || c == '_' => self.word(start),
            c if c.is_ascii_digit() => {
                let len = self
                    .rest()
                    .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_'));
                self.pos += len.unwrap_or(self.rest().len());
                self.push(Tok::Other, start..self.pos);
            }
            c => self.op(start, c),
        }
    }

    /// A name, or the prefix of a string literal.
    fn word(&mut self, start: usize) {
        let len = self
            .rest()
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(self.rest().len());
        let word = self.rest().get(..len).unwrap_or("");
        self.pos += len;
        let prefix = word.len() <= 2 && word.chars().all(|c| "rRuUbBfF".contains(c));
        if prefix && self.rest().starts_with(['\'', '"']) {
            self.string(start, word);
        } else {
            self.push(Tok::Name(word.to_string()), start..self.pos);
        }
    }

    /// A string literal with its opening quote at `self.pos`.
    fn string(&mut self, start: usize, prefix: &str) {
        let raw = prefix.contains(['r', 'R']);
        let plain = prefix.chars().all(|c| matches!(c, 'r' | 'R' | 'u' | 'U'));
        let quote = if self.rest().starts_with('"') { "\"" } else { "'" };
        let triple = quote.repeat(3);
        let delimiter = if self.rest().starts_with(&triple) {
            triple.as_str()
        } else {
            quote
        };
        match scan_string(self.text, self.pos + delimiter.len(), delimiter, raw) {
            Ok((value, end)) => {
                self.pos = end;
                self.push(Tok::Str(value, plain), start..end);
            }
            Err(end) => {
                self.pos = end;
                self.current.broken = true;
                let hint = format!("close the string with {delimiter}");
                let message = "unterminated string in pelicanconf.py".to_string();
                self.problems
                    .push(Problem::new(start..end, message, "this string is never closed", hint));
            }
        }
    }

    /// An operator or bracket (compound assignments such as `+=` are one token).
    fn op(&mut self, start: usize, c: char) {
        let rest = self.rest();
        let len = if ["**=", "//=", ">>=", "<<="].iter().any(|op| rest.starts_with(op)) {
            3
        } else if "+-*/%&|^<>=!:@".contains(c) && rest.get(1..).is_some_and(|after| after.starts_with('=')) {
            2
        } else {
            c.len_utf8()
        };
        match c {
            '(' | '[' | '{' => self.depth += 1,
            ')' | ']' | '}' => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        self.pos += len;
        self.push(Tok::Op(rest.get(..len).unwrap_or("").to_string()), start..self.pos);
    }

    fn push(&mut self, tok: Tok, span: Range<usize>) {
        if self.current.tokens.is_empty() {
            self.current.indented = span.start != self.line_start;
        }
        self.current.tokens.push(Token { tok, span });
    }

    fn end_statement(&mut self) {
        if !self.current.tokens.is_empty() {
            self.statements.push(std::mem::take(&mut self.current));
        }
        self.current = Statement::default();
    }

    /// Reports a bracket still open at the end of the file.
    fn unclosed(&mut self) {
        let message = match self.current.tokens.first() {
            Some(Token {
                tok: Tok::Name(name), ..
            }) => format!("unclosed bracket in `{name}`"),
            _ => "unclosed bracket in pelicanconf.py".to_string(),
        };
        let hint = "close the list with `]` (or the tuple with `)`)".to_string();
        let span = self.current.span();
        self.problems
            .push(Problem::new(span, message, "this bracket is never closed", hint));
        self.current.broken = true;
    }
}

/// Reads a string body from `from` up to `delimiter`: its value and the offset after the delimiter, or the
/// offset where reading stopped if it never closes. Escapes `\\ \' \" \n \t \r` and `\`-newline are handled;
/// raw strings keep their backslashes.
fn scan_string(text: &str, from: usize, delimiter: &str, raw: bool) -> Result<(String, usize), usize> {
    let rest = text.get(from..).unwrap_or("");
    let triple = delimiter.len() == 3;
    let mut value = String::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if rest.get(at..).is_some_and(|r| r.starts_with(delimiter)) {
            return Ok((value, from + at + delimiter.len()));
        }
        match c {
            '\n' if !triple => return Err(from + at),
            '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => {}
            '\\' => {
                let Some((_, mut next)) = chars.next() else {
                    return Err(text.len());
                };
                if next == '\r' && chars.peek().is_some_and(|&(_, after)| after == '\n') {
                    chars.next();
                    next = '\n';
                }
                escape(&mut value, next, raw);
            }
            _ => value.push(c),
        }
    }
    Err(text.len())
}

/// Appends the character a backslash escape stands for.
fn escape(value: &mut String, next: char, raw: bool) {
    match next {
        _ if raw => {
            value.push('\\');
            value.push(next);
        }
        '\n' => {}
        'n' => value.push('\n'),
        't' => value.push('\t'),
        'r' => value.push('\r'),
        '\\' | '\'' | '"' => value.push(next),
        _ => {
            value.push('\\');
            value.push(next);
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::links::links;
    use super::*;
    use serde_json::json;

    pub(crate) const GLPI: &str = "\u{feff}Title: Mission 1 - Installation GLPI
Date: 2023-01-15 10:20
Modified: 2023-02-01
Category: Projets
Tags: réseau, linux
Slug: glpi
Authors: Jean Dupont, Marie Curie
Summary: Installation et configuration de GLPI pour le parc informatique.
Save_as: missions/glpi.html

# Contexte

Voir [la mission 2]({filename}/projets/mission2.md) et ![schéma]({static}/images/glpi.png).
";

    const DRAFT: &str = "title: Mission 3 - Active Directory
date: 2023-03-02
status: draft

Brouillon.
";

    const CONTINUED: &str = "Title: Veille technologique
Tags: sécurité,
    cloud
Summary: Une veille sur la cybersécurité
    et le cloud.
Lang: fr

Texte.
";

    const NO_COLON: &str = "Title: Mission 2
Date: 2023-02-10
Cette ligne a oublié la ligne vide.

Texte.
";

    pub(crate) const CONF: &str = r#"#!/usr/bin/env python
# -*- coding: utf-8 -*- #

AUTHOR = 'Jean'
SITENAME = 'Portfolio'
SITEURL = ''

PATH = 'content'

TIMEZONE = 'Europe/Paris'

DEFAULT_LANG = 'fr'

# Feed generation is usually not desired when developing
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None

# Blogroll
LINKS = (('Pelican', 'https://getpelican.com/'),
         ('Python.org', 'https://www.python.org/'),)

# Social widget
SOCIAL = (('You can add links in your config file', '#'),
          ('Another social link', '#'),)

DEFAULT_PAGINATION = 10

STATIC_PATHS = [
    'images',
    'pdfs',  # CV et attestations
]

# Uncomment following line if you want document-relative URLs when developing
# RELATIVE_URLS = True
"#;

    pub(crate) const BAD_CONF: &str = r#"import os
SITENAME = "Mon " + "Portfolio"
PATH = os.path.join(os.path.dirname(__file__), 'content')
SITEURL = PUBLISH_URL
AUTHOR = 'Jean'  # comment
AUTHOR = u"Jean \"JD\" Dupont"
STATIC_PATHS = ['images', EXTRA]
ARTICLE_PATHS = ('articles',)
ARTICLE_PATHS += ['more']
if True:
    TIMEZONE = 'Ailleurs'
DESCRIPTION = """
PATH = 'not-read'
"""
TIMEZONE = 'Europe/Paris
"#;

    fn fields(text: &str) -> Vec<(String, String)> {
        let found = header(text).expect("header");
        found.fields.into_iter().map(|field| (field.key, field.value)).collect()
    }

    #[test]
    fn detects_pelican_headers_only() {
        assert!(starts_with_header(GLPI));
        assert!(starts_with_header(DRAFT));
        assert!(starts_with_header("\n\n  TITLE: x"));
        assert!(starts_with_header("Title:"));
        assert!(!starts_with_header("---\ntitle: x\n---\n"));
        assert!(!starts_with_header("+++\ntitle = 'x'\n+++\n"));
        assert!(!starts_with_header("Note: blah\n\ntext"));
        assert!(!starts_with_header("# Title\n\ntext"));
        assert!(!starts_with_header("    Title: indented code"));
        assert!(!starts_with_header(""));
    }

    #[test]
    fn reads_portfolio_header() {
        let found = header(GLPI).expect("header");
        assert_eq!(found.fields.len(), 9);
        assert_eq!(found.fields[0].key, "title");
        assert_eq!(found.fields[0].value, "Mission 1 - Installation GLPI");
        assert_eq!(&GLPI[found.fields[4].span.clone()], "Tags: réseau, linux");
        assert_eq!(
            &GLPI[found.span.clone()].lines().last(),
            &Some("Save_as: missions/glpi.html")
        );
        assert!(GLPI[found.body_offset..].starts_with("# Contexte"));
        assert_eq!(found.span.start, 3);
    }

    #[test]
    fn portfolio_front_matter() {
        let map = front_matter(&header(GLPI).expect("header"));
        assert_eq!(map["title"], json!("Mission 1 - Installation GLPI"));
        assert_eq!(map["date"], json!("2023-01-15 10:20"));
        assert_eq!(map["updated"], json!("2023-02-01"));
        assert_eq!(map["categories"], json!(["Projets"]));
        assert_eq!(map["tags"], json!(["réseau", "linux"]));
        assert_eq!(map["slug"], json!("glpi"));
        assert_eq!(map["summary"], map["description"]);
        assert_eq!(map["author"], json!("Jean Dupont"));
        assert_eq!(map["authors"], json!(["Jean Dupont", "Marie Curie"]));
        assert_eq!(map["aliases"], json!(["/missions/glpi.html"]));
        assert!(!map.contains_key("draft"));
    }

    #[test]
    fn status_and_other_keys() {
        let map = front_matter(&header(DRAFT).expect("header"));
        assert_eq!(map["draft"], json!(true));
        assert!(!map.contains_key("status"));
        let text = "Title: A\nStatus: Hidden\nUrl: /a/\nTranslation: True\nOg_image: a.png\nSeries: BTS\nTitle: B\n";
        let map = front_matter(&header(text).expect("header"));
        assert_eq!(map["hidden"], json!(true));
        assert_eq!(map["aliases"], json!(["/a/"]));
        assert_eq!(map["translation"], json!(true));
        assert_eq!(map["image"], json!("a.png"));
        assert_eq!(map["series"], json!("BTS"));
        assert_eq!(map["title"], json!("A"));
        let map = front_matter(&header("Title: A\nStatus: published\nTags: a; b, c; a\n").expect("header"));
        assert_eq!(map["tags"], json!(["a", "b, c"]));
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn continuation_lines() {
        let found = fields(CONTINUED);
        assert_eq!(found[1], ("tags".to_string(), "sécurité,, cloud".to_string()));
        assert_eq!(found[2].1, "Une veille sur la cybersécurité et le cloud.");
        let map = front_matter(&header(CONTINUED).expect("header"));
        assert_eq!(map["tags"], json!(["sécurité", "cloud"]));
        assert_eq!(map["lang"], json!("fr"));
        let tabbed = fields("Title: a\n\tb\n   Slug: c\n");
        assert_eq!(
            tabbed,
            vec![("title".into(), "a b".into()), ("slug".into(), "c".into())]
        );
    }

    #[test]
    fn a_line_without_colon_ends_the_header_and_is_said() {
        // python-markdown (so Pelican) starts the text there: read as it, said.
        let found = header(NO_COLON).expect("header");
        let problem = found.unended.expect("said");
        assert_eq!(&NO_COLON[problem.span.clone()], "Cette ligne a oublié la ligne vide.");
        assert!(problem.message.starts_with("Pelican header line without a colon"));
        assert!(problem.hint.contains("blank line"));
        assert!(NO_COLON[found.body_offset..].starts_with("Cette ligne a oublié la ligne vide."));
        let found = header("Title: a\nNote that: b\n").expect("header");
        let problem = found.unended.expect("bad key said");
        assert!(problem.label.contains("`Note that`"));
        assert_eq!(problem.span, 9..21);
        assert_eq!(found.fields.len(), 1);
        assert!(header("    Title: a").is_err());
    }

    #[test]
    fn header_ends_at_end_of_text() {
        let found = header("Title: only").expect("header");
        assert_eq!(found.body_offset, 11);
        assert_eq!(found.span, 0..11);
        assert_eq!(header("").expect("empty").fields, vec![]);
    }

    #[test]
    fn crlf_headers() {
        let crlf = GLPI.replace('\n', "\r\n");
        let found = header(&crlf).expect("header");
        assert_eq!(found.fields[1].value, "2023-01-15 10:20");
        assert_eq!(&crlf[found.fields[1].span.clone()], "Date: 2023-01-15 10:20");
        assert!(crlf[found.body_offset..].starts_with("# Contexte"));
        assert!(starts_with_header(&crlf));
        let continued = header(&CONTINUED.replace('\n', "\r\n")).expect("header");
        assert_eq!(
            continued.fields[2].value,
            "Une veille sur la cybersécurité et le cloud."
        );
    }

    #[test]
    fn reads_quickstart_conf() {
        let (conf, problems) = read_conf(CONF);
        assert_eq!(problems, vec![]);
        assert_eq!(conf.author.as_deref(), Some("Jean"));
        assert_eq!(conf.sitename.as_deref(), Some("Portfolio"));
        assert_eq!(conf.siteurl.as_deref(), Some(""));
        assert_eq!(conf.path.as_deref(), Some("content"));
        assert_eq!(conf.timezone.as_deref(), Some("Europe/Paris"));
        assert_eq!(conf.default_lang.as_deref(), Some("fr"));
        assert_eq!(conf.static_paths, Some(vec!["images".to_string(), "pdfs".to_string()]));
        assert_eq!(conf.article_paths, None);
        let (crlf, problems) = read_conf(&CONF.replace('\n', "\r\n"));
        assert_eq!((crlf, problems), (conf, vec![]));
    }

    #[test]
    fn reports_bad_conf() {
        let (conf, problems) = read_conf(BAD_CONF);
        let messages: Vec<&str> = problems.iter().map(|problem| problem.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "`SITENAME` is not a plain string",
                "`PATH` is not a plain string",
                "`SITEURL` is not a plain string",
                "`STATIC_PATHS` is not a plain list of strings",
                "`ARTICLE_PATHS` is changed by code",
                "unterminated string in pelicanconf.py",
            ]
        );
        assert_eq!(
            &BAD_CONF[problems[1].span.clone()],
            "PATH = os.path.join(os.path.dirname(__file__), 'content')"
        );
        assert_eq!(problems[0].label, CONF_LABEL);
        assert_eq!(conf.author.as_deref(), Some("Jean \"JD\" Dupont"));
        assert_eq!(conf.article_paths, Some(vec!["articles".to_string()]));
        assert_eq!((conf.sitename, conf.path, conf.timezone), (None, None, None));
    }

    #[test]
    fn conf_value_forms() {
        let text = "SITENAME = r'C:\\x' u'\\n'\nSITEURL = ('https://a'\n  '.fr')\nPATH = \\\n  \"content\"\n";
        let (conf, problems) = read_conf(text);
        assert_eq!(problems, vec![]);
        assert_eq!(conf.sitename.as_deref(), Some("C:\\x\n"));
        assert_eq!(conf.siteurl.as_deref(), Some("https://a.fr"));
        assert_eq!(conf.path.as_deref(), Some("content"));
        let (conf, problems) = read_conf("PAGE_PATHS = 'pages', 'autres'\nARTICLE_PATHS = []\nSTATIC_PATHS = ('x')\n");
        assert_eq!(conf.page_paths, Some(vec!["pages".into(), "autres".into()]));
        assert_eq!(conf.article_paths, Some(vec![]));
        assert_eq!(problems.len(), 1);
        let (_, problems) = read_conf("STATIC_PATHS = ['images',\n");
        assert_eq!(problems[0].message, "unclosed bracket in `STATIC_PATHS`");
        let (conf, _) = read_conf("PATH = 'a'\nPATH = 'b'\nPATH == 'c'\n");
        assert_eq!(conf.path.as_deref(), Some("b"));
    }

    #[test]
    fn never_panics() {
        let odd = [
            "Title:",
            ":",
            "Tïtle: x",
            "é: x\n\u{feff}",
            "\r\n\r\nTitle: a\r\n    b\r\n",
            "'",
            "\"\"\"",
            "x = '\\",
        ];
        let crlf: Vec<String> = [GLPI, DRAFT, CONTINUED, NO_COLON, CONF, BAD_CONF]
            .map(|t| t.replace('\n', "\r\n"))
            .into();
        let mut texts: Vec<&str> = vec![
            GLPI,
            DRAFT,
            CONTINUED,
            NO_COLON,
            CONF,
            BAD_CONF,
            "{filename}é`|static|é%7B",
        ];
        texts.extend(odd);
        texts.extend(crlf.iter().map(String::as_str));
        for text in texts {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let prefix = &text[..at];
                let _ = (starts_with_header(prefix), read_conf(prefix), links(prefix));
                if let Ok(found) = header(prefix) {
                    assert!(found.body_offset <= prefix.len());
                    let _ = front_matter(&found);
                }
            }
        }
        assert_eq!(fields("Title:"), vec![("title".into(), String::new())]);
        assert!(header(":").is_err());
        assert!(header("Tïtle: x").is_err());
    }
}
