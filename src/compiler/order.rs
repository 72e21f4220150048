//! Step 8: display order. Compétences then projets; within a section by
//! `weight`, then newest first, then title.

use super::document::Doc;
use std::cmp::Ordering;

pub fn sort(docs: &mut [Doc]) {
    docs.sort_by(compare);
}

fn compare(a: &Doc, b: &Doc) -> Ordering {
    a.file
        .kind
        .cmp(&b.file.kind)
        .then_with(|| match (a.meta.weight, b.meta.weight) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| b.meta.date.cmp(&a.meta.date))
        .then_with(|| fold(&a.meta.title).cmp(&fold(&b.meta.title)))
        .then_with(|| a.route.cmp(&b.route))
}

fn fold(title: &str) -> String {
    super::slugs::slugify(title)
}

/// Previous and next page routes within the same section, for each page in order.
pub fn neighbours(docs: &[Doc]) -> Vec<(Option<String>, Option<String>)> {
    (0..docs.len())
        .map(|i| {
            let same = |j: usize| {
                docs.get(j)
                    .filter(|d| d.file.kind == docs[i].file.kind)
                    .map(|d| d.route.clone())
            };
            (i.checked_sub(1).and_then(same), same(i + 1))
        })
        .collect()
}
