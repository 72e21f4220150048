//! Step 3: two files that would be served at one route are an error.

use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use std::collections::HashMap;

pub fn reject(mut docs: Vec<Doc>, sources: &Sources) -> (Vec<Doc>, Vec<Diagnostic>) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(docs.len());
    let mut diagnostics = Vec::new();
    let mut keep = Vec::with_capacity(docs.len());
    for doc in &docs {
        let Some(&other) = first.get(doc.route.as_str()) else {
            first.insert(&doc.route, doc.file.id);
            keep.push(true);
            continue;
        };
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
        keep.push(false);
    }
    // In place: a page is large, and a new list of them would be copied into fresh memory.
    let mut kept = keep.into_iter();
    docs.retain(|_| kept.next().unwrap_or(true));
    (docs, diagnostics)
}
