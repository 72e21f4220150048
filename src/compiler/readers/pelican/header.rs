//! Pelican's metadata header: the `Key: value` lines at the top of a Markdown file (`starts_with_header`,
//! `header`), and its fields in the names Vitrine's front matter reads (`front_matter`).

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

#[cfg(test)]
pub(super) mod tests {
    use super::super::conf::read_conf;
    use super::super::conf::tests::{BAD_CONF, CONF};
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
