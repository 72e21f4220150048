//! Markdown images: found in the public folder or beside the page, written
//! with their resized variants and size, lazy, and a link to the original
//! (the lightbox opens it large); each use recorded for the checks.

use super::{find_end, plain_text, title_attribute, Renderer, LAZY, SIZES};
use crate::bundle::relative_link;
use crate::compiler::markup::links;
use crate::compiler::model::html::escape;
use crate::compiler::model::rendered::{ImageUse, Located, Target};
use pulldown_cmark::{Event, TagEnd};
use std::ops::Range;

impl Renderer<'_, '_> {
    /// The image opening at event `i`, its alt text read to its end; the
    /// index of the event after that end.
    pub(super) fn image(&mut self, i: usize, dest_url: &str, title: &str, span: Range<usize>) -> usize {
        let end = find_end(self.events, i, |e| matches!(e, TagEnd::Image));
        let alt = plain_text(&self.events[i + 1..end]).trim().to_string();
        self.image_in_link(&alt);
        let target = links::resolve(dest_url, self.page.from, self.page.routes);
        let located = match &target {
            Target::External | Target::Forbidden => None,
            Target::File { candidates } => (self.page.locate)(candidates),
            _ => (self.page.locate)(&[dest_url.to_string()]),
        };
        let found = located.is_some() || target == Target::External;
        let title = title_attribute(title);
        let html = match &located {
            Some(l) => image_html(l, &alt, &title, self.in_link, self.page.english),
            None => {
                let src = if target == Target::Forbidden { "" } else { dest_url };
                format!("<img src=\"{}\" alt=\"{}\"{title}{LAZY}>", escape(src), escape(&alt))
            }
        };
        self.html.push(Event::InlineHtml(html.into()));
        self.out.images.push(ImageUse {
            src: dest_url.to_string(),
            alt,
            found,
            span,
            file: located.map(|l| l.path),
            raw: false,
        });
        end + 1
    }
}

/// A found image: its resized variants when it has some, sized, lazy, inside a
/// link to the original (which the lightbox opens large) unless already in a link;
/// that link says what it does when the image has no alt text to name it.
fn image_html(found: &Located, alt: &str, title: &str, in_link: bool, english: bool) -> String {
    let size = found
        .size
        .map(|(w, h)| format!(" width=\"{w}\" height=\"{h}\""))
        .unwrap_or_default();
    let original = relative_link(&found.url);
    let img = match &found.resized {
        Some(r) => format!(
            "<img src=\"{}\" srcset=\"{}\" sizes=\"{SIZES}\" alt=\"{}\"{title}{size}{LAZY}>",
            escape(&relative_link(&r.src)),
            escape(&r.srcset),
            escape(alt)
        ),
        None => format!(
            "<img src=\"{}\" alt=\"{}\"{title}{size}{LAZY}>",
            escape(&original),
            escape(alt)
        ),
    };
    // Resized or large images open large; a small icon in a sentence stays inline.
    let zoom = found.resized.is_some() || found.size.is_some_and(|(w, _)| w >= 480);
    if in_link || !zoom {
        return img;
    }
    let label = match (alt.is_empty(), english) {
        (false, _) => "",
        (true, false) => " aria-label=\"Agrandir l’image\"",
        (true, true) => " aria-label=\"Enlarge the image\"",
    };
    format!(
        "<a class=\"zoom\" href=\"{}\" rel=\"external\"{label}>{img}</a>",
        escape(&original)
    )
}
