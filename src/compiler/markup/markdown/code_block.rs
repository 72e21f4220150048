//! Code blocks: highlighted at build time; their text counts neither as words
//! nor as a summary.

use super::{find_end, Renderer};
use pulldown_cmark::{CodeBlockKind, Event, TagEnd};

impl Renderer<'_, '_> {
    /// The block opening at event `i`, read to its end; the index of the
    /// event after that end.
    pub(super) fn code_block(&mut self, i: usize, kind: &CodeBlockKind) -> usize {
        let end = find_end(self.events, i, |e| matches!(e, TagEnd::CodeBlock));
        let code: String = self.events[i + 1..end]
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let info = match kind {
            CodeBlockKind::Fenced(info) => info.as_ref(),
            CodeBlockKind::Indented => "",
        };
        let lang = crate::compiler::markup::highlight::language(info);
        let label = self.region_label(format!("Code {lang}").trim_end());
        self.html.push(Event::Html(
            crate::compiler::markup::highlight::code_block(info, &code, &label).into(),
        ));
        end + 1
    }
}
