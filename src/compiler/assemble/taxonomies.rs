//! Step 5: tags. The display name is kept as first written; the slug folds case
//! and accents, so `Développement` and `developpement` are one tag.

use crate::bundle::{Tag, TagRef};
use crate::compiler::model::document::Doc;
use crate::compiler::model::slugs::slugify;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Fills each page's tags and returns the tag index, by count then name.
/// `docs` must already be in display order.
pub fn collect(docs: &mut [Doc]) -> Vec<Tag> {
    // Each page's slugs first, in parallel.
    let slugs: Vec<Vec<String>> = docs
        .par_iter()
        .map(|d| d.meta.tags.iter().map(|name| slugify(name)).collect())
        .collect();
    // Then the tags, numbered in page order (a tag is named as first written),
    // and each page's tags by number, without repeats.
    let mut tags: Vec<Tag> = Vec::new();
    let mut pages_of: Vec<Vec<usize>> = Vec::new();
    let mut numbers: FxHashMap<&str, usize> = FxHashMap::default();
    let mut own: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    for (i, (doc, slugs)) in docs.iter().zip(&slugs).enumerate() {
        let mut mine = Vec::with_capacity(slugs.len());
        for (name, slug) in doc.meta.tags.iter().zip(slugs) {
            if slug.is_empty() {
                continue;
            }
            let n = *numbers.entry(slug).or_insert_with(|| {
                tags.push(Tag {
                    slug: slug.clone(),
                    name: name.clone(),
                    count: 0,
                    pages: Vec::new(),
                });
                pages_of.push(Vec::new());
                tags.len() - 1
            });
            if !mine.contains(&n) {
                mine.push(n);
                tags[n].count += 1;
                pages_of[n].push(i);
            }
        }
        own.push(mine);
    }
    // Each page's tag list and each tag's pages, in parallel.
    docs.par_iter_mut().zip(own).for_each(|(doc, mine)| {
        doc.tags = mine
            .into_iter()
            .map(|n| TagRef {
                slug: tags[n].slug.clone(),
                name: tags[n].name.clone(),
            })
            .collect();
    });
    let routes: Vec<Vec<String>> = pages_of
        .into_par_iter()
        .map(|pages| pages.into_iter().map(|i| docs[i].route.clone()).collect())
        .collect();
    tags.iter_mut().zip(routes).for_each(|(tag, routes)| tag.pages = routes);
    tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.slug.cmp(&b.slug)));
    tags
}
