//! Warnings: things that build but are probably not what the author wants.

use super::diagnostics::{Diagnostic, Sources};
use super::document::Doc;
use crate::bundle::Tag;

pub fn warnings(docs: &[Doc], tags: &[Tag], today: &str, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut unrun = Vec::new();
    let lonely: std::collections::HashSet<&str> =
        tags.iter().filter(|t| t.count == 1).map(|t| t.slug.as_str()).collect();
    for doc in docs {
        let id = doc.file.id;
        if doc.blank {
            out.push(
                Diagnostic::warning(id, doc.close.clone(), "page has no body")
                    .label("nothing after the front matter")
                    .hint("write the page's text below the closing `---`"),
            );
        }
        unrun.extend(doc.unrun.iter().cloned());
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
                        term_span(doc, &tag.name, sources),
                        format!("tag `{}` is used by this page only", tag.name),
                    )
                    .label("a tag page listing a single page")
                    .hint("check its spelling against the other pages' tags"),
                );
            }
        }
    }
    out.extend(counted_shortcodes(unrun));
    out
}

/// Where the front matter writes a term: in the `tags` or `categories` list
/// (from the first one on), else the list's line.
fn term_span(doc: &Doc, name: &str, sources: &Sources) -> std::ops::Range<usize> {
    let text = sources.text(doc.file.id);
    let front = &text[..doc.close.start.min(text.len())];
    let from = doc.meta.tags_span.start.min(front.len());
    front[from..]
        .find(name)
        .map(|at| from + at)
        .or_else(|| front.find(name))
        .map_or(doc.meta.tags_span.clone(), |at| at..at + name.len())
}

/// A site's own shortcode used on many pages: named on the first few, the rest counted.
pub fn counted_shortcodes(warnings: Vec<(String, Diagnostic)>) -> Vec<Diagnostic> {
    super::diagnostics::counted(warnings, |name, more, pages, d| {
        Diagnostic::warning(
            d.file,
            d.span.clone(),
            format!("shortcode `{name}` shown as written on {more} more pages"),
        )
        .label(format!("this one among them, on {pages} pages in all"))
        .hint(d.hint.clone().unwrap_or_default())
    })
}

/// One warning per shortcode name a page leaves as written, at its first use,
/// keyed by the name; read from its Markdown (`body`) as it is rendered.
pub fn shortcodes(doc: &Doc, body: &str) -> Vec<(String, Diagnostic)> {
    let calls = super::shortcodes::unhandled(body);
    let mut names: Vec<&str> = calls.iter().map(|(_, _, name)| *name).collect();
    names.sort_unstable();
    names.dedup();
    let known = super::shortcodes::HANDLED.join(", ");
    names
        .into_iter()
        .filter_map(|name| {
            let (at, len, _) = calls.iter().find(|(_, _, n)| *n == name)?;
            let count = calls.iter().filter(|(_, _, n)| *n == name).count();
            let start = doc.body_offset + at;
            let label = match count {
                1 => "Vitrine does not run this Hugo or Zola shortcode".to_string(),
                n => format!("Vitrine does not run this Hugo or Zola shortcode ({n} uses in this page)"),
            };
            Some((
                name.to_string(),
                Diagnostic::warning(
                    doc.file.id,
                    start..start + len,
                    format!("shortcode `{name}` shown as written"),
                )
                .label(label)
                .hint(format!(
                    "Vitrine reads {known}; replace the others with Markdown (a link, an image)"
                )),
            ))
        })
        .collect()
}

/// One warning per kind of raw HTML element a page loses (`<style>`, `<iframe>`…), at its first use.
pub fn removed_html(doc: &Doc) -> Vec<Diagnostic> {
    doc.rendered
        .removed
        .iter()
        .map(|(tag, span)| {
            let (label, hint) = match *tag {
                "style" => (
                    "the site's Content-Security-Policy allows no inline style",
                    "the theme styles the page; keep the content in Markdown and drop the rules",
                ),
                "iframe" | "object" | "embed" => (
                    "pages load nothing from other sites before a click",
                    "for a video, write {{< youtube ID >}} or {{< vimeo ID >}}; otherwise a link to the page",
                ),
                _ => (
                    "pages run no script of their own and hold no form",
                    "remove it, or link to a page that offers it",
                ),
            };
            Diagnostic::warning(doc.file.id, span.clone(), format!("`<{tag}>` left out"))
                .label(label)
                .hint(hint)
        })
        .collect()
}
