//! Step 5: tags. The display name is kept as first written; the slug folds case
//! and accents, so `Développement` and `developpement` are one tag.

use super::document::Doc;
use super::slugs::slugify;
use crate::bundle::{Tag, TagRef};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Fills each page's tags and returns the tag index, by count then name.
/// `docs` must already be in display order.
pub fn collect(docs: &mut [Doc]) -> Vec<Tag> {
    let mut index: BTreeMap<String, Tag> = BTreeMap::new();
    // Each page's slugs first, in parallel; the index is then made in page order.
    let slugs: Vec<Vec<String>> = docs
        .par_iter()
        .map(|d| d.meta.tags.iter().map(|name| slugify(name)).collect())
        .collect();
    for (doc, slugs) in docs.iter_mut().zip(slugs) {
        doc.tags.clear();
        for (name, slug) in doc.meta.tags.iter().zip(slugs) {
            if slug.is_empty() || doc.tags.iter().any(|t| t.slug == slug) {
                continue;
            }
            let tag = index.entry(slug.clone()).or_insert_with(|| Tag {
                slug: slug.clone(),
                name: name.clone(),
                count: 0,
                pages: Vec::new(),
            });
            tag.count += 1;
            tag.pages.push(doc.route.clone());
            doc.tags.push(TagRef {
                slug,
                name: tag.name.clone(),
            });
        }
    }
    let mut tags: Vec<Tag> = index.into_values().collect();
    tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.slug.cmp(&b.slug)));
    tags
}
