//! Step 2: split and read each file's front matter; drafts are left out
//! unless asked for.

use super::diagnostics::{Diagnostic, Sources};
use super::document::Doc;
use super::load::SourceFile;
use super::slugs::slugify;
use super::{fields, front_matter};

pub fn parse(files: Vec<SourceFile>, sources: &Sources, drafts: bool) -> (Vec<Doc>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    for file in files {
        let text = sources.text(file.id);
        let result = front_matter::split(file.id, text).and_then(|split| {
            let map = front_matter::parse(file.id, &split)?;
            Ok((
                split.body_offset,
                split.close.clone(),
                split.body.to_string(),
                fields::read(file.id, &split, map),
            ))
        });
        let (body_offset, close, body, meta) = match result {
            Ok((offset, close, body, (meta, errors))) => {
                diagnostics.extend(errors);
                (offset, close, body, meta)
            }
            Err(error) => {
                diagnostics.push(error);
                continue;
            }
        };
        if meta.draft && !drafts {
            continue;
        }
        let slug = match &meta.slug {
            Some(custom) => match file.slug.rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/{}", slugify(custom)),
                None => slugify(custom),
            },
            None => file.slug.clone(),
        };
        let route = format!("/{}/{}", file.kind.section(), slug);
        docs.push(Doc {
            file,
            meta,
            body,
            body_offset,
            close,
            slug,
            route,
            rendered: Default::default(),
            tags: Vec::new(),
        });
    }
    (docs, diagnostics)
}
