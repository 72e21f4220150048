//! Step 8: display order. Compétences then projets; within a section by
//! `weight`, then newest first, then title.

use super::document::Doc;
use super::slugs::slugify;
use std::cmp::Reverse;

/// Sorts with each page's key computed once (titles are folded, not compared raw).
pub fn sort(docs: &mut [Doc]) {
    docs.sort_by_cached_key(|d| {
        (
            d.file.kind,
            d.file.section.clone(),
            (d.meta.weight.is_none(), d.meta.weight),
            Reverse(d.meta.date.clone()),
            slugify(&d.meta.title),
            d.route.clone(),
        )
    });
}

/// Previous and next page routes within the same section, for each page in order.
pub fn neighbours(docs: &[Doc]) -> Vec<(Option<String>, Option<String>)> {
    (0..docs.len())
        .map(|i| {
            let same = |j: usize| {
                docs.get(j)
                    .filter(|d| d.file.section == docs[i].file.section && !d.file.section.is_empty())
                    .map(|d| d.route.clone())
            };
            (i.checked_sub(1).and_then(same), same(i + 1))
        })
        .collect()
}
