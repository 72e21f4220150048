//! Step 8: display order. Compétences then projets; within a section by
//! `weight`, then newest first, then title.

use crate::compiler::model::document::Doc;
use crate::compiler::model::slugs::slugify;
use rayon::prelude::*;
use std::cmp::Reverse;

/// Sorts with each page's key computed once, in parallel (titles are folded,
/// not compared raw); the pages are then moved into place as
/// `sort_by_cached_key` moves them.
pub fn sort(docs: &mut [Doc]) {
    let mut order: Vec<_> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let key = (
                d.file.kind,
                d.file.section.clone(),
                (d.meta.weight.is_none(), d.meta.weight),
                Reverse(d.meta.date.clone()),
                slugify(&d.meta.title),
                d.route.clone(),
            );
            (key, i)
        })
        .collect();
    // Each pair holds its page's index: no two are equal.
    order.par_sort_unstable();
    for i in 0..order.len() {
        // Where the page for place `i` is now: swapped away from `j` if `j < i`.
        let mut j = order[i].1;
        while j < i {
            j = order[j].1;
        }
        order[i].1 = j;
        docs.swap(i, j);
    }
}

/// Previous and next page routes within the same section, for each page in order.
pub fn neighbours(docs: &[Doc]) -> Vec<(Option<String>, Option<String>)> {
    (0..docs.len())
        .into_par_iter()
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
