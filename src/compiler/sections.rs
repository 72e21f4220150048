//! The sections, in menu order: compétences and projets (the portfolio's two
//! kinds, always there), then every other folder with pages, titled by its
//! `_index.md` (Hugo, Zola) or, failing that, by its name.

use super::document::Doc;
use super::front_matter;
use crate::bundle::{Kind, Section, SiteLink};
use crate::text::FR as T;
use serde_json::Value;
use std::path::Path;

pub fn list(content: &Path, docs: &[Doc]) -> Vec<Section> {
    let mut sections = vec![
        Section {
            slug: Kind::Competence.section().into(),
            title: T.competences_title.into(),
            kind: Kind::Competence,
        },
        Section {
            slug: Kind::Projet.section().into(),
            title: T.projets_title.into(),
            kind: Kind::Projet,
        },
    ];
    for doc in docs
        .iter()
        .filter(|d| d.file.kind == Kind::Other && !d.file.section.is_empty())
    {
        if !sections.iter().any(|s| s.slug == doc.file.section) {
            sections.push(Section {
                slug: doc.file.section.clone(),
                title: title(content, &doc.file.folder),
                kind: Kind::Other,
            });
        }
    }
    sections
}

/// Top-level pages that ask for a menu entry: Hugo's `menu: main` (a string, a
/// list or a table naming `main`) or a `weight`; in weight order, then title.
pub fn menu(docs: &[Doc]) -> Vec<SiteLink> {
    docs.iter()
        .filter(|d| d.file.kind == Kind::Other && d.file.section.is_empty())
        .filter(|d| {
            let asks = match d.meta.extra.get("menu") {
                Some(Value::String(s)) => s == "main",
                Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some("main")),
                Some(Value::Object(map)) => map.contains_key("main"),
                _ => false,
            };
            asks || d.meta.weight.is_some()
        })
        .map(|d| SiteLink {
            label: d.meta.title.clone(),
            url: d.slug.clone(),
        })
        .collect()
}

/// The `title` of `<folder>/_index.md`, or the folder's name as words.
fn title(content: &Path, folder: &str) -> String {
    let from_index = std::fs::read_to_string(content.join(folder).join("_index.md"))
        .ok()
        .and_then(|text| {
            let split = front_matter::split(0, &text).ok()?;
            let map = front_matter::parse(0, &split).ok()?;
            map.get("title")?.as_str().map(str::to_string)
        })
        .filter(|t| !t.trim().is_empty());
    from_index.unwrap_or_else(|| {
        let words = folder.replace(['-', '_'], " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    })
}
