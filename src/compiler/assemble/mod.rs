//! Step 9: the bundle, from the checked pages.

pub mod backlinks;
pub mod cv;
pub mod external_links;
pub mod languages;
pub mod order;
pub mod relations;
pub mod sections;
pub mod taxonomies;

use crate::bundle::{Bundle, Image, Page, Site, Tag, BUNDLE_VERSION};
use crate::compiler::model::document::Doc;
use rayon::prelude::*;
use std::collections::BTreeMap;

const WORDS_PER_MINUTE: usize = 200;

pub fn assemble(
    site: Site,
    docs: Vec<Doc>,
    tags: Vec<Tag>,
    images: &BTreeMap<String, Image>,
    intros: Vec<Doc>,
    relations: crate::compiler::assemble::relations::Relations,
) -> Bundle {
    let back: Vec<Vec<String>> = backlinks::compute(&docs)
        .into_par_iter()
        .map(|from| from.into_iter().map(|i| docs[i].route.clone()).collect())
        .collect();
    let neighbours = order::neighbours(&docs);
    let text = crate::text::for_lang(&site.lang);
    // Each page on its own, in parallel.
    let pages = docs
        .into_par_iter()
        .zip(neighbours)
        .zip(relations)
        .zip(back)
        .map(|(((doc, (prev, next)), relations), backlinks)| {
            let r = doc.rendered;
            Page {
                kind: doc.file.kind,
                section: doc.file.section.clone(),
                slug: doc.slug,
                backlinks,
                relations,
                image: images.get(&doc.route).cloned(),
                route: doc.route,
                title: doc.meta.title,
                description: doc.meta.description,
                date: doc.meta.date,
                updated: doc.meta.updated,
                draft: doc.meta.draft,
                weight: doc.meta.weight,
                tags: doc.tags,
                html: r.html,
                toc: r.toc,
                reading_minutes: r.word_count.div_ceil(WORDS_PER_MINUTE),
                word_count: r.word_count,
                // Hugo's `summary` (Astro themes' `excerpt`) in front matter, else the text's.
                summary: match ["summary", "excerpt"]
                    .iter()
                    .find_map(|key| doc.meta.extra.get(*key)?.as_str())
                {
                    Some(own) if !own.trim().is_empty() => own.trim().to_string(),
                    _ => r.summary,
                },
                links: doc.outgoing,
                prev,
                next,
                aliases: doc.meta.aliases,
                translations: Vec::new(),
                cv: Vec::new(),
                external: crate::compiler::assemble::external_links::read(&doc.meta.extra, text),
                extra: doc.meta.extra,
            }
        })
        .collect();
    Bundle {
        version: BUNDLE_VERSION,
        site,
        pages,
        tags,
        intros: intros.into_iter().map(|d| (d.file.section, d.rendered.html)).collect(),
        redirects: Vec::new(),
        cv: None,
        pdfs: Vec::new(),
    }
}
