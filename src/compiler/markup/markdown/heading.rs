//! Headings: a unique id each (written with `{#id}`, or made from the text),
//! their level in the page's outline, and the table of contents.

use super::{find_end, plain_text, Renderer};
use crate::bundle::TocEntry;
use crate::compiler::model::slugs::{github_id, slugify};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

impl<'a> Renderer<'_, 'a> {
    /// The heading opening at event `i`, written at its outline level with its
    /// unique id. Its text and links are walked after it like any other (its
    /// words are counted there).
    pub(super) fn heading(
        &mut self,
        i: usize,
        level: HeadingLevel,
        id: Option<&str>,
        classes: &[CowStr<'a>],
        attrs: &[(CowStr<'a>, Option<CowStr<'a>>)],
    ) {
        self.needs_sanitizer |= !attrs.is_empty();
        let end = find_end(self.events, i, |e| matches!(e, TagEnd::Heading(_)));
        let text = plain_text(&self.events[i + 1..end]);
        let unique = self.heading_id(id, &text);
        let level_num = outline_level(&mut self.open_levels, level as u8);
        self.heading_level = HeadingLevel::try_from(usize::from(level_num)).unwrap_or(level);
        if (2..=4).contains(&level_num) {
            self.out.toc.push(TocEntry {
                level: level_num,
                id: unique.clone(),
                title: text.trim().to_string(),
            });
        }
        self.out.anchors.push(unique.clone());
        self.html.push(Event::Start(Tag::Heading {
            level: self.heading_level,
            id: Some(CowStr::from(unique)),
            classes: classes.to_vec(),
            attrs: attrs.to_vec(),
        }));
    }

    /// Closed at the level it was opened at (not the one written).
    pub(super) fn heading_end(&mut self) {
        self.html.push(Event::End(TagEnd::Heading(self.heading_level)));
    }

    /// The id `written`, else one made from the heading's `text`; `-1`, `-2`…
    /// after it when an earlier heading has it.
    fn heading_id(&mut self, written: Option<&str>, text: &str) -> String {
        let made = || {
            if self.page.github_ids {
                github_id(text)
            } else {
                slugify(text)
            }
        };
        let base = written.map(|s| s.to_string()).unwrap_or_else(made);
        let base = if base.is_empty() { "section".to_string() } else { base };
        let n = self.used_ids.entry(base.clone()).or_insert(0);
        let unique = if *n == 0 { base.clone() } else { format!("{base}-{n}") };
        *n += 1;
        unique
    }
}

/// A heading's level in the page: the page title is the h1, so the body's
/// outline starts at h2 and never skips a level going down, whatever levels the
/// author wrote (`#`, or `###` then `#####`); headings written at the same
/// level stay at the same level. `open`: (written, shown) levels of the
/// headings above, outermost first.
pub(super) fn outline_level(open: &mut Vec<(u8, u8)>, written: u8) -> u8 {
    while open.last().is_some_and(|(w, _)| *w >= written) {
        open.pop();
    }
    let shown = open.last().map_or(2, |(_, s)| s + 1).min(6);
    open.push((written, shown));
    shown
}
