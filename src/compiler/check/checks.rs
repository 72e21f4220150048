//! Warnings: things that build but are probably not what the author wants.

use crate::bundle::Tag;
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;

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
        out.extend(long_title(doc, sources));
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

/// Characters of a title that a tab, a search result or a card shows whole.
pub const LONG_TITLE: usize = 120;

/// A title too long to read as one (a paragraph pasted into `title:`).
fn long_title(doc: &Doc, sources: &Sources) -> Option<Diagnostic> {
    let length = doc.meta.title.chars().count();
    if length <= LONG_TITLE {
        return None;
    }
    let text = sources.text(doc.file.id);
    let front = &text[..doc.close.start.min(text.len())];
    let start: String = doc.meta.title.chars().take(20).collect();
    let span = front.find(&start).map_or(0..0, |at| at..at + start.len());
    Some(
        Diagnostic::warning(doc.file.id, span, format!("title of {length} characters"))
            .label(format!(
                "tabs, search results and cards cut it after about {LONG_TITLE}"
            ))
            .hint("keep the title short and put the rest in `description`"),
    )
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
    crate::compiler::model::diagnostics::counted(warnings, |name, more, pages, d| {
        Diagnostic::warning(
            d.file,
            d.span.clone(),
            format!("shortcode `{name}` not run on {more} more pages"),
        )
        .label(format!("this one among them, on {pages} pages in all"))
        .hint(d.hint.clone().unwrap_or_default())
    })
}

/// What a screen reader meets badly on a page, at each place: what it hears, and how to write it.
pub fn accessibility(doc: &Doc) -> Vec<Diagnostic> {
    use crate::compiler::model::rendered::Access;
    let warn = |span: &std::ops::Range<usize>, message: &str| Diagnostic::warning(doc.file.id, span.clone(), message);
    doc.rendered
        .access
        .iter()
        .map(|(access, span)| match access {
            Access::EmptyLink { host } => warn(span, "link without text")
                .label(format!(
                    "a screen reader would announce a bare \"link\"; it reads \"{host}\" instead"
                ))
                .hint("write what the link leads to between the tags: [Le site de l'école](https://…)"),
            Access::ImageOnlyLink { href } => warn(span, "link holding only an image without alt text")
                .label(format!(
                    "a screen reader announces a bare \"link\" to {href}, with nothing to say where it leads"
                ))
                .hint("give the image an alt text saying where the link leads: <img alt=\"Le site de l'école\" …>"),
            Access::TableWithoutHeaders => warn(span, "table without header cells")
                .label("a screen reader reads it cell by cell as a table of data, without saying what a column holds")
                .hint("for data, write its first row with <th>; to lay things out, write paragraphs or a list instead"),
            Access::ImageWithoutAlt { src } => warn(span, "image without alt text")
                .label("visitors using a screen reader will not know what it shows; it is written as decorative")
                .hint(format!(
                    "describe the image: <img src=\"{src}\" alt=\"Ce que montre l'image\">"
                )),
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
                "video" | "audio" => (
                    "pages play nothing of their own (no player, nothing loaded before a click)",
                    "link to the file: [La démonstration (vidéo)](/assets/demo.mp4); for YouTube, {{< youtube ID >}}",
                ),
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
