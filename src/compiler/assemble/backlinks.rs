//! Step 6: which pages link to each page.

use crate::compiler::model::document::Doc;

/// For each page of `docs`, the pages linking to it (their indexes in `docs`,
/// in order), without repeats or self-links: each page's outgoing routes
/// have neither, and each route is one page's.
pub fn compute(docs: &[Doc]) -> Vec<Vec<usize>> {
    let index = crate::compiler::model::document::by_route(docs);
    let mut back = vec![Vec::new(); docs.len()];
    for (i, doc) in docs.iter().enumerate() {
        for route in &doc.outgoing {
            if let Some(&target) = index.get(route.as_str()) {
                back[target].push(i);
            }
        }
    }
    back
}
