//! Step 6: which pages link to each page.

use super::document::Doc;
use super::links::Target;
use std::collections::BTreeMap;

/// Routes linking to each route, in the order of `docs`, without repeats or self-links.
pub fn compute(docs: &[Doc]) -> BTreeMap<String, Vec<String>> {
    let mut back: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for doc in docs {
        for route in &doc.outgoing {
            let list = back.entry(route.clone()).or_default();
            if !list.contains(&doc.route) {
                list.push(doc.route.clone());
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
