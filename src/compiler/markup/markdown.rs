//! Renders a page body: CommonMark with tables, footnotes, strikethrough, task
//! lists and heading attributes; headings get stable ids and form the table of
//! contents; links and images are resolved; the result is sanitised.
//!
//! One walk over pulldown-cmark's events hands each kind to its pass, all of
//! them methods of the [`Renderer`] that hold its state: headings (ids, outline
//! levels, table of contents: `heading.rs`), links (`link.rs`), images
//! (`image.rs`), raw HTML (`raw_html.rs`), footnotes (`footnote.rs`), code
//! blocks (`code_block.rs`), paragraphs and text (`text.rs`, words counted by
//! `words.rs`). Each writes the HTML events that stand for what it read.

mod access;
mod code_block;
mod footnote;
mod heading;
mod image;
mod link;
mod raw_html;
mod table;
mod task;
mod text;
mod words;

use crate::compiler::markup::links::From;
use crate::compiler::markup::sanitize::sanitize;
use crate::compiler::model::html::escape;
use crate::compiler::model::rendered::{Located, Rendered};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// How Markdown images load; the page's first one is made eager (`render.rs`).
pub const LAZY: &str = r#" decoding="async" loading="lazy""#;
pub const EAGER: &str = r#" decoding="async" fetchpriority="high""#;
/// Body images are at most the text's width (`--measure`: 70ch, about 42rem) wide.
const SIZES: &str = "(min-width: 44rem) 42rem, 100vw";

/// Finds a static file from candidate site paths (public folder, then page bundles).
pub type Locate<'a> = &'a (dyn Fn(&[String]) -> Option<Located> + Sync);

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        // GitHub's alerts (`> [!NOTE]`), which Hugo themes and Astro sites use.
        | Options::ENABLE_GFM
}

/// How the site's tool writes what Markdown leaves open.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markup {
    /// Emoji shortcodes turned on (Hugo's `enableEmoji`, Zola's `render_emoji`).
    pub emoji: bool,
    /// Heading ids made as GitHub makes them (Hugo, Astro), not folded (Zola, Vitrine).
    pub github_ids: bool,
    /// Definition lists (`term` then `: definition`), on in Hugo's Markdown.
    pub definition_lists: bool,
    /// What the body holds besides Markdown, as its reader says.
    pub syntax: crate::compiler::readers::syntax::Syntax,
    /// The site is in English: the names screen readers give tables.
    pub english: bool,
}

pub fn render(
    body: &str,
    body_offset: usize,
    from: &From,
    markup: Markup,
    routes: &BTreeSet<String>,
    locate: Locate,
) -> Rendered {
    let written = body;
    let body = crate::compiler::readers::syntax::to_markdown(body, markup.syntax);
    let body = &*body;
    let mut options = options();
    options.set(Options::ENABLE_DEFINITION_LIST, markup.definition_lists);
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options).into_offset_iter().collect();
    if markup.emoji {
        crate::compiler::markup::emoji::replace(&mut events);
    }
    let page = Page {
        from,
        english: markup.english,
        github_ids: markup.github_ids,
        routes,
        locate,
        body_offset,
    };
    let mut renderer = Renderer::new(page, &events);
    renderer.run();
    let Renderer {
        mut out,
        html: html_events,
        needs_sanitizer,
        first_paragraph,
        ..
    } = renderer;
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, html_events.into_iter());
    out.html = if needs_sanitizer { sanitize(&html) } else { html };
    out.summary = text::summary(body, options, first_paragraph.as_deref());
    if body != written {
        remap(&mut out, body, written, body_offset);
    }
    out
}

/// The spans of links, images and removed elements, found in the body as
/// expanded, moved to where they are in the file as written.
pub fn remap(out: &mut Rendered, body: &str, written: &str, body_offset: usize) {
    let remap = crate::compiler::model::offsets::Remap::new(body, written, body_offset);
    let spans = out.links.iter_mut().map(|l| &mut l.span);
    let spans = spans.chain(out.images.iter_mut().map(|i| &mut i.span));
    spans
        .chain(out.removed.iter_mut().map(|(_, s)| s))
        .chain(out.access.iter_mut().map(|(_, s)| s))
        .for_each(|s| remap.span(s));
}

/// What the passes know of the page.
#[derive(Clone, Copy)]
struct Page<'p> {
    from: &'p From<'p>,
    /// The site is in English (see [`Markup`]).
    english: bool,
    /// Heading ids made as GitHub makes them, else folded.
    github_ids: bool,
    routes: &'p BTreeSet<String>,
    locate: Locate<'p>,
    /// Where the body starts in its file: spans are the file's.
    body_offset: usize,
}

/// The walk over a body's events: what the passes found (`out`), the HTML
/// events they wrote, and what they remember between events.
struct Renderer<'r, 'a> {
    page: Page<'r>,
    events: &'r [(Event<'a>, Range<usize>)],
    /// The events written as HTML: the body's own, or the passes' in their place.
    html: Vec<Event<'a>>,
    out: Rendered,
    /// Each heading id given, with how many headings asked for it.
    used_ids: HashMap<String, usize>,
    /// Each footnote's number, in the order of first mention.
    footnotes: HashMap<String, usize>,
    /// Raw HTML or custom heading attributes are the only ways for the author to
    /// write markup pulldown-cmark does not escape; without them, skip the sanitiser.
    needs_sanitizer: bool,
    /// An image inside a Markdown link keeps that link (no zoom link around it).
    in_link: bool,
    /// Headings never skip a level going down (`###` then `#####` becomes h2, h3):
    /// screen reader users move by levels. The page title is the h1.
    /// (written, shown) levels of the headings open, outermost first.
    open_levels: Vec<(u8, u8)>,
    /// The level the open heading is shown at, which closes it.
    heading_level: HeadingLevel,
    /// The link of raw HTML open, to see whether it says where it leads.
    raw_link: Option<access::RawLink>,
    /// (written, shown) levels of the raw HTML headings open.
    raw_headings: Vec<(u8, u8)>,
    /// The raw tables open: where each is written, and whether it has a header cell yet.
    raw_tables: Vec<(Range<usize>, bool)>,
    /// How many scrolling regions of each name the page has ("Code bash": 2).
    regions: HashMap<String, usize>,
    /// The first paragraph with text, for the summary.
    first_paragraph: Option<String>,
    /// The text of the paragraph open, until the first one is found.
    paragraph: Option<String>,
}

impl<'r, 'a> Renderer<'r, 'a> {
    fn new(page: Page<'r>, events: &'r [(Event<'a>, Range<usize>)]) -> Self {
        Renderer {
            page,
            events,
            html: Vec::with_capacity(events.len()),
            out: Rendered::default(),
            used_ids: HashMap::new(),
            footnotes: HashMap::new(),
            needs_sanitizer: false,
            in_link: false,
            open_levels: Vec::new(),
            heading_level: HeadingLevel::H2,
            raw_link: None,
            raw_headings: Vec::new(),
            raw_tables: Vec::new(),
            regions: HashMap::new(),
            first_paragraph: None,
            paragraph: None,
        }
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.events.len() {
            i = self.event(i);
        }
    }

    /// The event at `i` handed to its pass; the index of the next one to walk
    /// (an image or a code block is read to its end by its pass).
    fn event(&mut self, i: usize) -> usize {
        let events = self.events;
        let (event, range) = &events[i];
        let span = self.page.body_offset + range.start..self.page.body_offset + range.end;
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => self.heading(i, *level, id.as_deref(), classes, attrs),
            Event::End(TagEnd::Heading(_)) => self.heading_end(),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => self.link(i, *link_type, dest_url, title, span),
            Event::End(TagEnd::Link) => self.link_end(),
            Event::Start(Tag::Image { dest_url, title, .. }) => return self.image(i, dest_url, title, span),
            Event::Html(raw) => self.raw_html(raw, false, span),
            Event::InlineHtml(raw) => self.raw_html(raw, true, span),
            Event::FootnoteReference(name) => self.footnote_reference(name),
            Event::Start(Tag::FootnoteDefinition(name)) => self.footnote_definition(name),
            Event::End(TagEnd::FootnoteDefinition) => self.footnote_definition_end(),
            Event::Start(Tag::CodeBlock(kind)) => return self.code_block(i, kind),
            Event::Start(Tag::Table(_)) => self.table(event),
            Event::End(TagEnd::Table) => self.table_end(event),
            Event::Start(Tag::TableCell) => return self.table_cell(i, event),
            Event::TaskListMarker(done) => self.task_marker(*done),
            Event::Start(Tag::Paragraph) => self.paragraph_start(event),
            Event::End(TagEnd::Paragraph) => self.paragraph_end(event),
            Event::Text(t) | Event::Code(t) => self.text(t, event),
            Event::SoftBreak | Event::HardBreak => self.space(event),
            _ => self.html.push(event.clone()),
        }
        i + 1
    }
}

/// The index of the event closing the one at `start`, or the last one.
fn find_end(events: &[(Event, Range<usize>)], start: usize, is_end: impl Fn(&TagEnd) -> bool) -> usize {
    events[start + 1..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(end) if is_end(end)))
        .map_or(events.len() - 1, |p| start + 1 + p)
}

/// The text of `events`, breaks as spaces.
fn plain_text(events: &[(Event, Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// A link's or an image's ` title="…"`, or nothing.
fn title_attribute(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::markup::links;

    fn html(body: &str) -> String {
        let from = From {
            route: "/competences/x",
            dir: "competences",
            base: "",
            moved: &links::NOTHING_MOVED,
        };
        render(body, 0, &from, Markup::default(), &BTreeSet::new(), &|_| None).html
    }

    #[test]
    fn github_alerts_are_marked_by_kind() {
        let out = html("> [!WARNING]\n> Sauvegardez avant.\n");
        assert!(out.contains(r#"<blockquote class="markdown-alert-warning">"#), "{out}");
        assert!(!out.contains("[!WARNING]"), "{out}");
    }

    #[test]
    fn a_line_starting_with_a_colon_stays_a_paragraph() {
        // Astro and Zola have no definition lists: no `<dl>` out of a stray colon.
        let out = html("Voir la source\n:contentReference[oaicite:0]\n");
        assert!(!out.contains("<dl>"), "{out}");
    }

    #[test]
    fn an_email_autolink_writes_to_the_address() {
        let out = html("Écrivez à <contact@example.org>.\n");
        assert!(out.contains(r#"href="mailto:contact@example.org""#), "{out}");
    }

    #[test]
    fn the_outline_starts_at_h2_and_siblings_stay_siblings() {
        let out = html("# A\n\n### Un\n\n### Deux\n\n# B\n\n## C\n");
        let levels: Vec<&str> = out.match_indices("<h").map(|(i, _)| &out[i..i + 3]).collect();
        assert_eq!(levels, ["<h2", "<h3", "<h3", "<h2", "<h3"], "{out}");
    }

    #[test]
    fn a_heading_moved_up_a_level_is_closed_once_at_that_level() {
        let out = html("Texte.\n\n### Trois\n\nx\n\n##### Cinq {#c5}\n\ny");
        assert!(out.contains(r#"<h2 id="trois">Trois</h2>"#), "{out}");
        assert!(out.contains(r#"<h3 id="c5">Cinq</h3>"#), "{out}");
        assert!(!out.contains("</h5>") && !out.contains("</h4>"), "{out}");
        assert_eq!(out.matches("</h").count(), 2, "{out}");
    }

    #[test]
    fn markdown_without_raw_html_is_still_safe() {
        let out = html("## Titre {onclick=alert(1) #t}\n\n[a](javascript:alert(1)) <javascript:alert(2)>\n\n![x](javascript:alert(3))");
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("=\"javascript:"), "{out}");
    }

    #[test]
    fn headings_get_folded_unique_ids_and_form_the_toc() {
        let from = From {
            route: "/competences/x",
            dir: "competences",
            base: "",
            moved: &links::NOTHING_MOVED,
        };
        let r = render(
            "## Ma Vision de L'Autonomie\n\n## Contexte\n\n### Contexte\n\n#####\tProjet GECY :\n",
            0,
            &from,
            Markup::default(),
            &BTreeSet::new(),
            &|_| None,
        );
        assert_eq!(
            r.anchors,
            ["ma-vision-de-lautonomie", "contexte", "contexte-1", "projet-gecy"]
        );
        // `#####` right after `###` skips a level: it is written as an h4.
        assert!(
            r.html.contains("<h4 id=\"projet-gecy\">Projet GECY :</h4>"),
            "{}",
            r.html
        );
        assert_eq!(r.toc.len(), 4);
        let deep = render(
            "## A\n\n### B\n\n#### C\n\n##### D\n",
            0,
            &from,
            Markup::default(),
            &BTreeSet::new(),
            &|_| None,
        );
        assert!(deep.html.contains("<h5 id=\"d\">D</h5>"), "{}", deep.html);
        assert_eq!(deep.toc.len(), 3, "h5 headings stay out of the table of contents");
    }

    #[test]
    fn external_links_get_rel_and_internal_ones_do_not() {
        let out = html("[ext](https://example.org) [int](#contexte)");
        assert!(
            out.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">ext</a>"),
            "{out}"
        );
        assert!(out.contains("<a href=\"competences/x#contexte\">int</a>"), "{out}");
    }

    #[test]
    fn hugo_ref_shortcodes_in_links_resolve() {
        let routes: BTreeSet<String> = ["/projets/citi".to_string()].into();
        let from = From {
            route: "/competences/x",
            dir: "competences",
            base: "",
            moved: &links::NOTHING_MOVED,
        };
        let body = r#"Voir [Citi]({{< ref "projets/citi.md" >}}) et [là]({{< relref "/projets/citi.md#contexte" >}})."#;
        let r = render(body, 0, &from, Markup::default(), &routes, &|_| None);
        assert!(r.html.contains(r#"<a href="projets/citi">Citi</a>"#), "{}", r.html);
        assert!(
            r.html.contains(r#"<a href="projets/citi#contexte">là</a>"#),
            "{}",
            r.html
        );
        assert_eq!(r.links[0].span.start, 5, "offsets are those of the file");
    }

    #[test]
    fn footnotes_link_with_the_page_route() {
        let out = html("Texte[^remarque].\n\n[^remarque]: La note.");
        assert!(
            out.contains(r##"<a href="competences/x#note-remarque" id="appel-remarque">1</a>"##),
            "{out}"
        );
        assert!(
            out.contains(r#"<div class="footnote-definition" id="note-remarque">"#),
            "{out}"
        );
    }

    #[test]
    fn words_reading_summary() {
        let from = From {
            route: "/competences/x",
            dir: "competences",
            base: "",
            moved: &links::NOTHING_MOVED,
        };
        let r = render(
            "Premier paragraphe, l'autonomie compte.\n\n```\ncode ignoré ici\n```\n\nSecond.",
            0,
            &from,
            Markup::default(),
            &BTreeSet::new(),
            &|_| None,
        );
        assert_eq!(r.word_count, 6);
        assert_eq!(r.summary, "Premier paragraphe, l'autonomie compte.");
    }
}
