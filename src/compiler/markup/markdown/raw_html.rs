//! Raw HTML: video players made links, ids kept as anchors, `href` and `src`
//! resolved like Markdown links, elements the sanitiser drops noted; the page
//! is sanitised.

use super::link::href_of;
use super::{Page, Renderer, SIZES};
use crate::bundle::relative_link;
use crate::compiler::markup::links;
use crate::compiler::model::html::escape;
use crate::compiler::model::rendered::{ImageUse, LinkUse, Located, Target};
use pulldown_cmark::Event;
use std::ops::Range;

/// Elements of raw HTML that never reach the page (the sanitiser drops them).
const REMOVED: [&str; 8] = ["style", "script", "iframe", "object", "embed", "form", "video", "audio"];

impl Renderer<'_, '_> {
    /// A block (`inline`: an inline piece) of raw HTML, written rewritten.
    pub(super) fn raw_html(&mut self, raw: &str, inline: bool, span: Range<usize>) {
        self.needs_sanitizer = true;
        let raw = &crate::compiler::markup::embeds::as_links(raw);
        let raw = &self.accessible(raw, &span);
        note_removed(raw, &span, &mut self.out.removed);
        // `<div id="1">` is an anchor too (the sanitiser keeps ids).
        self.out.anchors.extend(html_ids(raw));
        let rewritten = self.rewrite(raw, span);
        self.html.push(if inline {
            Event::InlineHtml(rewritten.into())
        } else {
            Event::Html(rewritten.into())
        });
    }

    /// Raw HTML's `href` and `src` resolved like Markdown links (`<a href="../../projets/citi">`,
    /// `<img src="/portfolio/x.png">`), and recorded so a missing page or file is an error.
    fn rewrite(&mut self, html: &str, span: Range<usize>) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = ["href=", "src=", "HREF=", "SRC="]
            .iter()
            .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
            .min()
        {
            let (i, len) = at;
            let value_start = i + len;
            // Only the attribute itself, not `data-src=`.
            let whole = rest[..i].ends_with(char::is_whitespace);
            let quote = rest[value_start..]
                .chars()
                .next()
                .filter(|c| whole && (*c == '"' || *c == '\''));
            let Some(quote) = quote else {
                out.push_str(&rest[..value_start]);
                rest = &rest[value_start..];
                continue;
            };
            let Some(end) = rest[value_start + 1..].find(quote).map(|e| value_start + 1 + e) else {
                break;
            };
            let value = &rest[value_start + 1..end];
            let (new, extra) = self.attribute(html, html.len() - rest.len() + i, value, &span);
            out.push_str(&rest[..value_start + 1]);
            out.push_str(&escape(&new));
            out.push(quote);
            out.push_str(&extra);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The `href` or `src` at byte `at` of `html`, its value `value`: the
    /// address written instead and what to add after it; the use recorded.
    fn attribute(&mut self, html: &str, at: usize, value: &str, span: &Range<usize>) -> (String, String) {
        let Page {
            from, routes, locate, ..
        } = self.page;
        let target = links::resolve(value, from, routes);
        // `<img src>` of a file: found once, its variants written when it has some.
        let (new, found, extra) = match (img_tag(html, at), &target) {
            (Some(tag), Target::File { candidates }) => match locate(candidates) {
                Some(l) => {
                    let (new, extra) = self.raw_image(tag, l, value, span);
                    (new, true, extra)
                }
                None => (value.to_string(), false, String::new()),
            },
            _ => {
                let (new, found) = href_of(&target, value, from, locate);
                (new, found, String::new())
            }
        };
        self.out.links.push(LinkUse {
            href: value.to_string(),
            target,
            span: span.clone(),
            found,
        });
        (new, extra)
    }

    /// A raw `<img>`'s file: the address of its variant and the `srcset` to add
    /// (none when the author wrote `srcset` or `sizes`), and the use recorded.
    fn raw_image(&mut self, tag: &str, found: Located, written: &str, span: &Range<usize>) -> (String, String) {
        let own = tag.to_ascii_lowercase();
        let resized = found
            .resized
            .as_ref()
            .filter(|_| !own.contains("srcset") && !own.contains("sizes"));
        let (src, extra) = match resized {
            Some(r) => (
                relative_link(&r.src),
                format!(" srcset=\"{}\" sizes=\"{SIZES}\"", escape(&r.srcset)),
            ),
            None => (relative_link(&found.url), String::new()),
        };
        self.out.images.push(ImageUse {
            src: written.to_string(),
            alt: String::new(),
            found: true,
            span: span.clone(),
            file: Some(found.path),
            raw: true,
        });
        (src, extra)
    }
}

/// Records the first use of each element in [`REMOVED`] that `raw` opens.
fn note_removed(raw: &str, span: &Range<usize>, removed: &mut Vec<(&'static str, Range<usize>)>) {
    if !raw.contains('<') {
        return;
    }
    let lower = raw.to_ascii_lowercase();
    for tag in REMOVED {
        let opens = lower.match_indices('<').any(|(at, _)| {
            lower[at + 1..].starts_with(tag)
                && !lower[at + 1 + tag.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        });
        if opens && !removed.iter().any(|(t, _)| *t == tag) {
            removed.push((tag, span.clone()));
        }
    }
}

/// The `<img …>` tag around byte `at` of `html`, when `at` starts its `src=`.
fn img_tag(html: &str, at: usize) -> Option<&str> {
    if !html[at..].get(..4)?.eq_ignore_ascii_case("src=") {
        return None;
    }
    let open = html[..at].rfind('<')?;
    let close = at + html[at..].find('>').unwrap_or(html.len() - at);
    let tag = &html[open..close];
    (tag.get(..4)?.eq_ignore_ascii_case("<img") && !tag[..at - open].contains('>')).then_some(tag)
}

/// The `id` attributes in raw HTML.
fn html_ids(html: &str) -> Vec<String> {
    html.match_indices("id=")
        .filter(|(at, _)| html[..*at].ends_with(char::is_whitespace))
        .filter_map(|(at, _)| {
            let value = &html[at + 3..];
            let (quote, rest) = match value.chars().next()? {
                q @ ('"' | '\'') => (q, &value[1..]),
                _ => (' ', value),
            };
            let end = rest.find(|c: char| c == quote || (quote == ' ' && (c == '>' || c.is_whitespace())))?;
            Some(rest[..end].to_string()).filter(|id| !id.is_empty())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_in_raw_html_are_anchors() {
        assert_eq!(
            super::html_ids(r#"<div id="1"></div><a class="x" id='note-b'>b</a><span data-id="no" id=bare>"#),
            ["1", "note-b", "bare"]
        );
    }
}
