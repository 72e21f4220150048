//! Reads the fields Vitrine knows from a parsed front matter map, the way
//! Hugo, Zola and Astro name them, and keeps the others as `extra`.

use crate::bundle::Kind;
use crate::compiler::model::dates;
use crate::compiler::model::diagnostics::Diagnostic;
use crate::compiler::model::front_matter::{key_span, Split};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub description: String,
    pub date: Option<String>,
    pub date_span: Range<usize>,
    pub updated: Option<String>,
    pub draft: bool,
    pub weight: Option<i64>,
    pub slug: Option<String>,
    pub tags: Vec<String>,
    pub tags_span: Range<usize>,
    /// The `categories` among the tags, as written (some tools' addresses hold them).
    pub categories: Vec<String>,
    pub image: Option<MetaImage>,
    pub aliases: Vec<String>,
    /// `competences: […]` and `projets: […]`: relations the author declares.
    pub declared: Vec<Declared>,
    pub extra: BTreeMap<String, Value>,
    /// Keys a Hugo `cascade` gave the page → the `_index.md` that did (`notes/_index.md`).
    pub cascaded: BTreeMap<String, String>,
}

/// One entry of a `competences` or `projets` list, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Declared {
    /// The kind of page the key names.
    pub kind: Kind,
    pub key: String,
    pub target: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetaImage {
    pub src: String,
    pub alt: Option<String>,
    pub span: Range<usize>,
}

/// The names a field goes by: its own, then those the tools and their themes
/// give it (each reader lists its tool's: `readers::settings::field_names`),
/// looked for in this order.
#[derive(Debug, Clone)]
pub struct Names {
    pub date: Vec<&'static str>,
    pub updated: Vec<&'static str>,
    /// The page image and its alt text.
    pub image: Vec<&'static str>,
    pub alt: Vec<&'static str>,
}

impl Names {
    /// Each field by its own name only.
    pub fn own() -> Names {
        Names {
            date: vec!["date"],
            updated: vec!["updated"],
            image: vec!["image"],
            alt: vec!["alt"],
        }
    }
}

/// Reads the known fields. Every problem found is returned, not just the first,
/// with the fields that could be read, so later checks still run on the page.
pub fn read(file: usize, split: &Split, mut map: Map<String, Value>, names: &Names) -> (Meta, Vec<Diagnostic>) {
    let mut r = Reader {
        file,
        split,
        names,
        errors: Vec::new(),
    };
    let mut meta = Meta::default();

    match map.remove("title") {
        Some(Value::String(t)) if !t.trim().is_empty() => meta.title = t.trim().to_string(),
        // `title: 2048` is a fine title for a game.
        Some(Value::Number(n)) => meta.title = n.to_string(),
        // Left empty: the page's first heading or its file name stands in (`parse.rs`).
        Some(Value::String(_)) | Some(Value::Null) | None => {}
        Some(other) => r.wrong_type("title", "text", &other),
    }
    meta.description = r.text(&mut map, "description").unwrap_or_default();
    meta.draft = r.boolean(&mut map, "draft").unwrap_or(false);
    // `published: false` (Jekyll's): a page not published is a draft.
    if let Some(Value::Bool(published)) = map.get("published") {
        meta.draft |= !published;
        map.remove("published");
    }
    meta.weight = match map.remove("weight") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) if n.is_i64() => n.as_i64(),
        Some(other) => {
            r.wrong_type("weight", "a whole number", &other);
            None
        }
    };
    meta.slug = r.text(&mut map, "slug").filter(|s| !s.is_empty());
    (meta.date, meta.date_span) = r.date(&mut map, &names.date);
    (meta.updated, _) = r.date(&mut map, &names.updated);
    meta.aliases = r.list(&mut map, "aliases");

    // Hugo's and Zola's other default taxonomy, `categories`, is read as tags too
    // (a portfolio has one way to group its pages).
    meta.tags_span = key_span(split, "tags");
    if meta.tags_span.is_empty() {
        meta.tags_span = key_span(split, "categories");
    }
    meta.tags = r.list(&mut map, "tags");
    meta.categories = r.list(&mut map, "categories");
    meta.tags.extend(meta.categories.iter().cloned());
    if let Some(Value::Object(mut taxonomies)) = map.remove("taxonomies") {
        meta.tags_span = key_span(split, "tags");
        meta.tags.extend(r.list(&mut taxonomies, "tags"));
        meta.tags.extend(r.list(&mut taxonomies, "categories"));
        if !taxonomies.is_empty() {
            map.insert("taxonomies".into(), Value::Object(taxonomies));
        }
    }
    let mut seen = std::collections::HashSet::new();
    meta.tags.retain(|t| seen.insert(t.to_lowercase()));
    meta.declared = r.declared(&map);
    meta.image = r.image(&mut map);
    // Zola themes keep the page image among the `[extra]` fields.
    if meta.image.is_none() {
        if let Some(Value::Object(mut extra)) = map.remove("extra") {
            meta.image = r.image(&mut extra);
            if !extra.is_empty() {
                map.insert("extra".into(), Value::Object(extra));
            }
        }
    }
    meta.extra = map.into_iter().collect();

    (meta, r.errors)
}

struct Reader<'a, 'b> {
    file: usize,
    split: &'a Split<'b>,
    names: &'a Names,
    errors: Vec<Diagnostic>,
}

impl Reader<'_, '_> {
    fn wrong_type(&mut self, key: &str, expected: &str, found: &Value) {
        let found = match found {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "a group of fields",
        };
        self.errors.push(
            Diagnostic::error(
                self.file,
                key_span(self.split, key),
                format!("`{key}` has the wrong type"),
            )
            .label(format!("expected {expected}, found {found}"))
            .hint(format!("write `{key}` as {expected}")),
        );
    }

    fn text(&mut self, map: &mut Map<String, Value>, key: &str) -> Option<String> {
        match map.remove(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.wrong_type(key, "text", &other);
                None
            }
        }
    }

    fn boolean(&mut self, map: &mut Map<String, Value>, key: &str) -> Option<bool> {
        match map.remove(key)? {
            Value::Null => None,
            Value::Bool(b) => Some(b),
            other => {
                self.wrong_type(key, "`true` or `false`", &other);
                None
            }
        }
    }

    /// A list of strings; a single string is a list of one; empty or absent is empty.
    fn list(&mut self, map: &mut Map<String, Value>, key: &str) -> Vec<String> {
        map.remove(key).map_or_else(Vec::new, |value| self.items(key, value))
    }

    /// `value` as `key`'s list of strings (see [`Self::list`]).
    fn items(&mut self, key: &str, value: Value) -> Vec<String> {
        match value {
            Value::Null => Vec::new(),
            Value::String(s) if s.trim().is_empty() => Vec::new(),
            Value::String(s) => vec![s.trim().to_string()],
            Value::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                        Value::Number(n) => out.push(n.to_string()),
                        Value::String(_) | Value::Null => {}
                        other => {
                            self.wrong_type(key, "a list of text", &Value::Array(vec![other]));
                            break;
                        }
                    }
                }
                out
            }
            other => {
                self.wrong_type(key, "a list of text", &other);
                Vec::new()
            }
        }
    }

    /// The relation lists: `competences` (also `compétences`) and `projets`.
    /// Not `skills` or `projects`: other tools' sites use those for
    /// technologies (`skills: [Rust, Docker]`), kept as they are in `extra`.
    /// These stay in `extra` too: on a site where they are a taxonomy, they are terms.
    fn declared(&mut self, map: &Map<String, Value>) -> Vec<Declared> {
        const KEYS: [(&str, Kind); 3] = [
            ("competences", Kind::Competence),
            ("compétences", Kind::Competence),
            ("projets", Kind::Projet),
        ];
        let mut out = Vec::new();
        for (key, kind) in KEYS {
            let Some(value) = map.get(key).cloned() else { continue };
            let line = key_span(self.split, key);
            // Each entry's own span, searched from the key's line on.
            let after_key = &self.split.matter[line.start - self.split.matter_offset..];
            for target in self.items(key, value) {
                let span = after_key
                    .find(target.as_str())
                    .map_or(line.clone(), |at| line.start + at..line.start + at + target.len());
                out.push(Declared {
                    kind,
                    key: key.to_string(),
                    target,
                    span,
                });
            }
        }
        out
    }

    fn date(&mut self, map: &mut Map<String, Value>, keys: &[&str]) -> (Option<String>, Range<usize>) {
        for key in keys {
            let Some(value) = map.remove(*key) else { continue };
            let span = key_span(self.split, key);
            match value {
                Value::Null => {}
                Value::String(s) => match dates::parse(&s) {
                    Some(d) => return (Some(d), span),
                    None => self.errors.push(
                        Diagnostic::error(self.file, span, format!("`{key}` is not a date Vitrine can read"))
                            .label(format!("`{}` is not a date", s.trim()))
                            .hint(dates::ACCEPTED),
                    ),
                },
                other => self.wrong_type(key, "a date", &other),
            }
        }
        (None, 0..0)
    }

    fn image(&mut self, map: &mut Map<String, Value>) -> Option<MetaImage> {
        let names = self.names;
        let mut alt = names.alt.iter().find_map(|k| self.text(map, k));
        for &key in &names.image {
            let Some(value) = map.remove(key) else { continue };
            let span = key_span(self.split, key);
            let src = match value {
                Value::Null => continue,
                Value::String(s) if s.trim().is_empty() => continue,
                Value::String(s) => s.trim().to_string(),
                // `cover: { image: …, alt: … }` (PaperMod) or `image: { url: …, alt: … }` (Astro).
                Value::Object(mut fields) => {
                    let src = ["image", "src", "url"].iter().find_map(|k| self.text(&mut fields, k));
                    alt = alt.or_else(|| self.text(&mut fields, "alt"));
                    match src {
                        Some(src) => src,
                        None => continue,
                    }
                }
                other => {
                    self.wrong_type(key, "an image path", &other);
                    continue;
                }
            };
            return Some(MetaImage {
                src,
                alt: alt.filter(|a| !a.is_empty()),
                span,
            });
        }
        None
    }
}
