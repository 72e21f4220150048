//! Footnotes: numbered in the order of their first mention, each reference a
//! link to its note and each note an anchor.

use super::Renderer;
use crate::bundle::relative_link;
use crate::compiler::model::slugs::slugify;
use pulldown_cmark::Event;

impl Renderer<'_, '_> {
    pub(super) fn footnote_reference(&mut self, name: &str) {
        let n = self.footnote_number(name);
        let id = slugify(name);
        self.html.push(Event::InlineHtml(
            format!(
                "<sup class=\"footnote-reference\"><a href=\"{}#note-{id}\" id=\"appel-{id}\">{n}</a></sup>",
                relative_link(self.page.from.route)
            )
            .into(),
        ));
    }

    pub(super) fn footnote_definition(&mut self, name: &str) {
        let n = self.footnote_number(name);
        let id = slugify(name);
        self.out.anchors.push(format!("note-{id}"));
        self.html.push(Event::Html(
            format!("<div class=\"footnote-definition\" id=\"note-{id}\"><sup class=\"footnote-definition-label\">{n}</sup>")
                .into(),
        ));
    }

    pub(super) fn footnote_definition_end(&mut self) {
        self.html.push(Event::Html("</div>".into()));
    }

    /// The note's number: the next one at its first mention.
    fn footnote_number(&mut self, name: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(name.to_string()).or_insert(next)
    }
}
