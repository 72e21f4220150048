//! Splits a page into its front matter and its body, and parses the front
//! matter (YAML between `---` lines, TOML between `+++` lines) into a JSON-like
//! map, keeping byte offsets so every later error can name its line.

use crate::compiler::model::diagnostics::Diagnostic;
use serde_json::{Map, Value};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    /// `Key: value` lines at the top of the file, read by the reader that knows them.
    Lines,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Format,
    /// The front matter text, without its delimiters.
    pub matter: &'a str,
    /// Byte offset of `matter` in the file.
    pub matter_offset: usize,
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
    /// Spans of the opening and closing delimiter lines, for diagnostics about the whole block.
    pub open: Range<usize>,
    pub close: Range<usize>,
    /// No front matter at all: the whole file is the body (Hugo builds such pages).
    pub bare: bool,
}

/// A page's split text, its fields, and warnings about them.
pub type Fields<'a> = (Split<'a>, Map<String, Value>, Vec<Diagnostic>);

/// Splits `text` at its front matter delimiters.
pub fn split(file: usize, text: &str) -> Result<Split<'_>, Diagnostic> {
    let mut start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // Blank lines before the block (some Zola themes write them) are skipped.
    while let Some(line_end) = text[start..].find('\n').map(|i| start + i) {
        if !text[start..line_end].trim().is_empty() {
            break;
        }
        start = line_end + 1;
    }
    let first_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let first = text[start..first_end].trim_end();
    let (format, delimiter) = match first {
        "---" => (Format::Yaml, "---"),
        "+++" => (Format::Toml, "+++"),
        _ => {
            return Ok(Split {
                format: Format::Yaml,
                matter: "",
                matter_offset: start,
                body: &text[start..],
                body_offset: start,
                open: start..first_end,
                close: start..first_end,
                bare: true,
            });
        }
    };
    let matter_offset = (first_end + 1).min(text.len());
    let mut line_start = matter_offset;
    while line_start < text.len() {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end();
        if line == delimiter || (format == Format::Yaml && line == "...") {
            let body_offset = (line_end + 1).min(text.len());
            return Ok(Split {
                format,
                matter: &text[matter_offset..line_start],
                matter_offset,
                body: &text[body_offset..],
                body_offset,
                open: start..start + 3,
                close: line_start..line_start + line.len(),
                bare: false,
            });
        }
        line_start = line_end + 1;
    }
    Err(
        Diagnostic::error(file, start..first_end, "front matter is never closed")
            .label(format!("this `{delimiter}` opens it"))
            .hint(format!("add a line with `{delimiter}` after the last field")),
    )
}

/// Parses the front matter into a map. An empty block gives an empty map.
pub fn parse(file: usize, split: &Split) -> Result<Map<String, Value>, Diagnostic> {
    let value = match split.format {
        Format::Yaml => parse_yaml(file, split)?,
        Format::Toml => parse_toml(file, split)?,
        // Read by the reader that found them (`readers::pelican`).
        Format::Lines => Value::Null,
    };
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err(Diagnostic::error(
            file,
            split.matter_offset..split.matter_offset + split.matter.find('\n').unwrap_or(split.matter.len()),
            "front matter is not a list of fields",
        )
        .label("expected `name: value` lines")
        .hint("each line of the front matter should look like `title: \"Mon titre\"`")),
    }
}

fn parse_yaml(file: usize, split: &Split) -> Result<Value, Diagnostic> {
    if let Some(tab) = split.matter.find('\t') {
        let at = split.matter_offset + tab;
        return Err(
            Diagnostic::error(file, at..at + 1, "tab character in YAML front matter")
                .label("YAML does not allow tabs for indentation")
                .hint("replace the tab with spaces"),
        );
    }
    let yaml: serde_norway::Value = serde_norway::from_str(split.matter).map_err(|e| {
        let at = e
            .location()
            .map_or(split.matter_offset, |l| split.matter_offset + l.index());
        let reason = e.to_string();
        let reason = reason.split(" at line ").next().unwrap_or(&reason).to_string();
        Diagnostic::error(file, at..at + 1, "malformed YAML front matter")
            .label(reason)
            .hint(yaml_hint(split))
    })?;
    serde_json::to_value(yaml).map_err(|e| {
        Diagnostic::error(
            file,
            split.matter_offset..split.matter_offset + split.matter.len(),
            "front matter has a value Vitrine cannot read",
        )
        .label(e.to_string())
        .hint("field names must be plain text")
    })
}

fn yaml_hint(split: &Split) -> String {
    let first_line = 2 + split.matter_offset.saturating_sub(split.open.end + 1);
    for (i, line) in split.matter.lines().enumerate() {
        let line_number = first_line + i;
        let value = line.split_once(':').map_or("", |(_, v)| v.trim());
        if value.starts_with('"') && (value.len() == 1 || !value.ends_with('"')) {
            return format!("the quote opened on line {line_number} is never closed");
        }
        if value.starts_with('[') && !value.contains(']') {
            return format!("the `[` opened on line {line_number} is never closed with `]`");
        }
        if value.contains(": ") && !value.starts_with(['"', '\'']) {
            return format!("a value that contains `: ` must be quoted (line {line_number}): title: \"Projet : GECY\"");
        }
    }
    "check the indentation and quote values that contain `:`, `#` or start with `[`, `{`, `*`, `&`, `!`, `%`, `@`"
        .into()
}

fn parse_toml(file: usize, split: &Split) -> Result<Value, Diagnostic> {
    let table: toml::Table = toml::from_str(split.matter).map_err(|e| {
        let span: Range<usize> = e.span().unwrap_or(0..0);
        let at = split.matter_offset + span.start;
        Diagnostic::error(
            file,
            at..split.matter_offset + span.end.max(span.start + 1),
            "malformed TOML front matter",
        )
        .label(e.message().to_string())
        .hint("TOML fields look like `title = \"Mon titre\"`; strings need quotes")
    })?;
    Ok(toml_to_json(toml::Value::Table(table)))
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// Byte span of the line that sets `key` (`key:` or `key =`), for diagnostics
/// about a field's value; the whole front matter when not found.
pub fn key_span(split: &Split, key: &str) -> Range<usize> {
    let mut offset = split.matter_offset;
    for line in split.matter.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key) {
            if rest.trim_start().starts_with([':', '=']) {
                let start = offset + (line.len() - trimmed.len());
                return start..offset + line.trim_end().len();
            }
        }
        offset += line.len();
    }
    split.matter_offset..split.matter_offset + split.matter.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_keeps_offsets() {
        let text = "---\ntitle: A\n---\nBody\n";
        let s = split(0, text).unwrap();
        assert_eq!(s.format, Format::Yaml);
        assert_eq!(s.matter, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(&text[s.body_offset..], "Body\n");
    }

    #[test]
    fn splits_toml_with_crlf_and_bom() {
        let text = "\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nBody";
        let s = split(0, text).unwrap();
        assert_eq!(s.format, Format::Toml);
        assert_eq!(parse(0, &s).unwrap()["title"], "A");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn commented_out_fields_are_ignored() {
        let text = "---\ntitle: A\n#date: 2014-09-28\ndraft: false\n---\n";
        let map = parse(0, &split(0, text).unwrap()).unwrap();
        assert!(!map.contains_key("date") && !map.contains_key("#date"));
        assert_eq!(map["draft"], false);
    }

    #[test]
    fn a_file_without_front_matter_is_all_body_and_an_unclosed_one_an_error() {
        let bare = split(0, "\n# Titre\nTexte.\n").unwrap();
        assert!(bare.bare && bare.matter.is_empty());
        assert_eq!((bare.body, bare.body_offset), ("# Titre\nTexte.\n", 1));
        assert_eq!(
            split(0, "---\ntitle: A\n").unwrap_err().message,
            "front matter is never closed"
        );
    }
}
