//! Links: resolved to a page, an anchor, a file or another site, and written
//! with the address the app uses; each use recorded for the checks.

use super::access::host;
use super::{find_end, plain_text, title_attribute, Locate, Page, Renderer};
use crate::bundle::relative_link;
use crate::compiler::markup::links::{self, From};
use crate::compiler::model::html::escape;
use crate::compiler::model::rendered::{Access, LinkUse, Target};
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use std::ops::Range;

impl Renderer<'_, '_> {
    /// A link's opening tag, written here; its text is walked after it.
    pub(super) fn link(&mut self, i: usize, link_type: LinkType, dest_url: &str, title: &str, span: Range<usize>) {
        self.in_link = true;
        // `<contact@example.org>` is an address to write to.
        let mailto;
        let dest_url = if link_type == LinkType::Email && !dest_url.starts_with("mailto:") {
            mailto = format!("mailto:{dest_url}");
            mailto.as_str()
        } else {
            dest_url
        };
        let Page {
            from, routes, locate, ..
        } = self.page;
        let target = links::resolve(dest_url, from, routes);
        let (href, found) = href_of(&target, dest_url, from, locate);
        let rel = match target {
            Target::External if !dest_url.is_empty() => " rel=\"noopener noreferrer\"",
            // A file (PDF, image): the browser opens it, the app's router does not.
            Target::File { .. } => " rel=\"external\"",
            _ => "",
        };
        let named = !title.trim().is_empty();
        let title = title_attribute(title);
        self.html.push(Event::InlineHtml(
            format!("<a href=\"{}\"{title}{rel}>", escape(&href)).into(),
        ));
        if !named {
            self.name_empty_link(i, dest_url, &span);
        }
        self.out.links.push(LinkUse {
            href: dest_url.to_string(),
            target,
            span,
            found,
        });
    }

    /// A link opening at event `i` with nothing to read (`[](https://…)`)
    /// reads its address's host, noted; one holding only an image without
    /// alt text is noted and left as written.
    fn name_empty_link(&mut self, i: usize, dest_url: &str, span: &Range<usize>) {
        let end = find_end(self.events, i, |e| matches!(e, TagEnd::Link));
        let inside = &self.events[i + 1..end];
        let mut image = false;
        for (k, (event, _)) in inside.iter().enumerate() {
            match event {
                Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => return,
                Event::InlineHtml(_) | Event::FootnoteReference(_) => return,
                Event::Start(Tag::Image { .. }) => {
                    if !plain_text(&inside[k + 1..]).trim().is_empty() {
                        return;
                    }
                    image = true;
                }
                _ => {}
            }
        }
        let access = if image {
            Access::ImageOnlyLink {
                href: dest_url.to_string(),
            }
        } else {
            let host = host(dest_url);
            self.html.push(Event::Text(host.clone().into()));
            Access::EmptyLink { host }
        };
        self.out.access.push((access, span.clone()));
    }

    pub(super) fn link_end(&mut self) {
        self.in_link = false;
        self.html.push(Event::InlineHtml("</a>".into()));
    }
}

/// The address a resolved link is written with, and whether its file was found.
pub(super) fn href_of(target: &Target, written: &str, from: &From, locate: Locate) -> (String, bool) {
    match target {
        Target::Route { route, anchor } => (relative_link(&with_anchor(route, anchor.as_deref())), true),
        // Full path: `<base href>` would turn a bare `#x` into a link to the home page.
        Target::SamePage { anchor } => (format!("{}#{anchor}", relative_link(from.route)), true),
        Target::File { candidates } => match locate(candidates) {
            Some(l) => (relative_link(&l.url), true),
            None => (written.to_string(), false),
        },
        Target::Forbidden => (String::new(), true),
        Target::External | Target::Missing { .. } => (written.to_string(), true),
    }
}

fn with_anchor(route: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => format!("{route}#{a}"),
        None => route.to_string(),
    }
}
