//! Step 3: two files that would be served at one route are an error.

use super::diagnostics::{Diagnostic, Sources};
use super::document::Doc;
use std::collections::BTreeMap;

pub fn reject(docs: Vec<Doc>, sources: &Sources) -> (Vec<Doc>, Vec<Diagnostic>) {
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept = Vec::new();
    let mut diagnostics = Vec::new();
    for doc in docs {
        if let Some(&other) = first.get(&doc.route) {
            let first_line = sources.text(doc.file.id).find('\n').unwrap_or(0);
            diagnostics.push(
                Diagnostic::error(
                    doc.file.id,
                    0..first_line,
                    format!("two files map to the route `{}`", doc.route),
                )
                .label("this page")
                .hint(format!(
                    "`{}` has the same route; rename one of the files or give it a different `slug`",
                    sources.name(other)
                )),
            );
            continue;
        }
        first.insert(doc.route.clone(), doc.file.id);
        kept.push(doc);
    }
    (kept, diagnostics)
}
