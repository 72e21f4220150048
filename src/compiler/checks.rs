//! Warnings: things that build but are probably not what the author wants.

use super::diagnostics::Diagnostic;
use super::document::Doc;
use crate::bundle::Tag;

pub fn warnings(docs: &[Doc], tags: &[Tag], today: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let lonely: std::collections::HashSet<&str> =
        tags.iter().filter(|t| t.count == 1).map(|t| t.slug.as_str()).collect();
    for doc in docs {
        let id = doc.file.id;
        if doc.body.trim().is_empty() {
            out.push(
                Diagnostic::warning(id, doc.close.clone(), "page has no body")
                    .label("nothing after the front matter")
                    .hint("write the page's text below the closing `---`"),
            );
        }
        if let Some((at, len)) = super::shortcodes::first_unhandled(&doc.body) {
            let start = doc.body_offset + at;
            out.push(
                Diagnostic::warning(id, start..start + len, "shortcode shown as written")
                    .label("Vitrine does not run Hugo or Zola shortcodes")
                    .hint("Vitrine reads youtube, vimeo, figure, gist, x, tweet, highlight, ref and relref; replace the others with Markdown (a link, an image)"),
            );
        }
        if let Some(date) = &doc.meta.date {
            if date.as_str() > today {
                out.push(
                    Diagnostic::warning(id, doc.meta.date_span.clone(), "date is in the future")
                        .label(format!("{date} is after today ({today})"))
                        .hint("check the year; the page is still published"),
                );
            }
        }
        for tag in &doc.tags {
            if lonely.contains(tag.slug.as_str()) {
                out.push(
                    Diagnostic::warning(
                        id,
                        doc.meta.tags_span.clone(),
                        format!("tag `{}` is used by this page only", tag.name),
                    )
                    .label("a tag page listing a single page")
                    .hint("check its spelling against the other pages' tags"),
                );
            }
        }
    }
    out
}
