//! Step 6: which pages link to each page.

use super::document::Doc;
use super::links::Target;

/// For each page of `docs`, the pages linking to it (their indexes in `docs`,
/// in order), without repeats or self-links: each page's outgoing routes
/// have neither, and each route is one page's.
pub fn compute(docs: &[Doc]) -> Vec<Vec<usize>> {
    let index = super::document::by_route(docs);
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

/// The page routes a page links to, without repeats or itself.
pub fn outgoing(doc: &Doc) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for link in &doc.rendered.links {
        if let Target::Route { route, .. } = &link.target {
            if *route != doc.route && !out.contains(route) && is_page_route(route) {
                out.push(route.clone());
            }
        }
    }
    out
}

/// A page of any section (`/posts/premier`), not a list or a tag.
fn is_page_route(route: &str) -> bool {
    route.matches('/').count() >= 2 && !route.starts_with("/tags/")
}
