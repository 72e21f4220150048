//! The bodies of `_index.md` files (Hugo and Zola's home and section pages):
//! rendered like a page body, shown above the home page and each section's list.

use super::diagnostics::{Diagnostic, Sources};
use super::document::Doc;
use super::front_matter;
use super::load::SourceFile;
use crate::bundle::Kind;
use std::path::Path;

/// A `Doc` for each `_index.md` with a body: `content/_index.md` (route `/`) and
/// `content/<section folder>/_index.md` (route `/<section>`), for `sections` as
/// (route segment, folder). Its front matter is read elsewhere (site settings, section title).
pub fn load(content: &Path, sections: &[(String, String)], sources: &mut Sources) -> (Vec<Doc>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    let root = (String::new(), String::new());
    for (section, folder) in std::iter::once(&root).chain(sections) {
        let dir = content.join(folder);
        let path = dir.join("_index.md");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let id = sources.add(path.to_string_lossy().into_owned(), text);
        let split = match front_matter::split(id, sources.text(id)) {
            Ok(split) => split,
            // The home page's front matter is the site settings, which report their own errors.
            Err(e) => {
                diagnostics.extend((!folder.is_empty()).then_some(e));
                continue;
            }
        };
        if split.body.trim().is_empty() {
            continue;
        }
        let rel = if folder.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{folder}/_index.md")
        };
        docs.push(Doc {
            body: split.body.to_string(),
            body_offset: split.body_offset,
            close: split.close.clone(),
            file: SourceFile {
                id,
                kind: Kind::Other,
                section: section.clone(),
                folder: folder.clone(),
                slug: String::new(),
                dir,
                rel,
                date_from_name: None,
            },
            meta: Default::default(),
            slug: String::new(),
            route: format!("/{section}"),
            rendered: Default::default(),
            tags: Vec::new(),
        });
    }
    (docs, diagnostics)
}
