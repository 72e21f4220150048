//! Tables: each in a frame that scrolls when it is wider than the text, which
//! the keyboard reaches and a screen reader names ("Tableau").

use super::access::{table_label, table_open};
use super::Renderer;
use pulldown_cmark::{Event, TagEnd};

impl<'a> Renderer<'_, 'a> {
    pub(super) fn table(&mut self, event: &Event<'a>) {
        let label = self.region_label(table_label(self.page.english));
        self.html.push(Event::Html(table_open(&label).into()));
        self.html.push(event.clone());
    }

    /// The header row's cells: an empty one is no header (`| | Lundi |`), and
    /// written as a plain cell, so a screen reader does not announce a blank
    /// column title. The index of the next event to walk.
    pub(super) fn table_cell(&mut self, i: usize, event: &Event<'a>) -> usize {
        let in_head = self.events[..i]
            .iter()
            .rev()
            .find_map(|(e, _)| match e {
                Event::Start(pulldown_cmark::Tag::TableHead) => Some(true),
                Event::End(TagEnd::TableHead) | Event::Start(pulldown_cmark::Tag::TableRow) => Some(false),
                _ => None,
            })
            .unwrap_or(false);
        let empty = matches!(self.events.get(i + 1), Some((Event::End(TagEnd::TableCell), _)));
        if in_head && empty {
            self.html.push(Event::Html("<td></td>".into()));
            return i + 2;
        }
        self.html.push(event.clone());
        i + 1
    }

    pub(super) fn table_end(&mut self, event: &Event<'a>) {
        self.html.push(event.clone());
        self.html.push(Event::Html("</div>\n".into()));
    }
}
