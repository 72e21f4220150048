//! Task lists (`- [x] fait`): each box says what it marks to a screen reader,
//! which otherwise announces a checkbox without a name.

use super::Renderer;
use pulldown_cmark::Event;

impl Renderer<'_, '_> {
    pub(super) fn task_marker(&mut self, done: bool) {
        let label = match (self.page.english, done) {
            (false, true) => "Fait",
            (false, false) => "À faire",
            (true, true) => "Done",
            (true, false) => "To do",
        };
        let checked = if done { " checked=\"\"" } else { "" };
        self.html.push(Event::InlineHtml(
            format!("<input type=\"checkbox\" disabled=\"\"{checked} aria-label=\"{label}\"> ").into(),
        ));
    }
}
