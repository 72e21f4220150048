//! Renders a page body: CommonMark with tables, footnotes, strikethrough, task
//! lists and heading attributes; headings get stable ids and form the table of
//! contents; links and images are resolved; the result is sanitised.

use crate::bundle::{relative_link, TocEntry};
use crate::compiler::markup::links::{self, From};
use crate::compiler::markup::sanitize::sanitize;
use crate::compiler::model::html::escape;
use crate::compiler::model::rendered::{ImageUse, LinkUse, Located, Rendered, Target};
use crate::compiler::model::slugs::{github_id, slugify};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// How Markdown images load; the page's first one is made eager (`render.rs`).
pub const LAZY: &str = r#" decoding="async" loading="lazy""#;
pub const EAGER: &str = r#" decoding="async" fetchpriority="high""#;
/// Body images are at most the text's width (`--measure`: 70ch, about 42rem) wide.
const SIZES: &str = "(min-width: 44rem) 42rem, 100vw";

/// Finds a static file from candidate site paths (public folder, then page bundles).
pub type Locate<'a> = &'a (dyn Fn(&[String]) -> Option<Located> + Sync);

/// Elements of raw HTML that never reach the page (the sanitiser drops them).
const REMOVED: [&str; 6] = ["style", "script", "iframe", "object", "embed", "form"];

const SUMMARY_CHARS: usize = 220;

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
}

pub fn render(
    body: &str,
    body_offset: usize,
    from: &From,
    markup: Markup,
    routes: &BTreeSet<String>,
    locate: Locate,
) -> Rendered {
    let mut out = Rendered::default();
    let written = body;
    let body = crate::compiler::readers::syntax::to_markdown(body, markup.syntax);
    let body = &*body;
    let mut options = options();
    options.set(Options::ENABLE_DEFINITION_LIST, markup.definition_lists);
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options).into_offset_iter().collect();
    if markup.emoji {
        crate::compiler::markup::emoji::replace(&mut events);
    }
    let mut html_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut footnotes: HashMap<String, usize> = HashMap::new();
    // Raw HTML or custom heading attributes are the only ways for the author to
    // write markup pulldown-cmark does not escape; without them, skip the sanitiser.
    let mut needs_sanitizer = false;
    // An image inside a Markdown link keeps that link (no zoom link around it).
    let mut in_link = false;
    // Headings never skip a level going down (`###` then `#####` becomes h2, h3):
    // screen reader users move by levels. The page title is the h1.
    let mut open_levels: Vec<(u8, u8)> = Vec::new();
    let mut heading_level = HeadingLevel::H2;
    let mut first_paragraph: Option<String> = None;
    let mut paragraph: Option<String> = None;
    let mut i = 0;

    while i < events.len() {
        let (event, range) = &events[i];
        let span = body_offset + range.start..body_offset + range.end;
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                needs_sanitizer |= !attrs.is_empty();
                let end = find_end(&events, i, |e| matches!(e, TagEnd::Heading(_)));
                // Its words are counted with the text events inside it, below.
                let text = plain_text(&events[i + 1..end]);
                let made = || {
                    if markup.github_ids {
                        github_id(&text)
                    } else {
                        slugify(&text)
                    }
                };
                let base = id.as_ref().map(|s| s.to_string()).unwrap_or_else(made);
                let base = if base.is_empty() { "section".to_string() } else { base };
                let n = used_ids.entry(base.clone()).or_insert(0);
                let unique = if *n == 0 { base.clone() } else { format!("{base}-{n}") };
                *n += 1;
                let level_num = outline_level(&mut open_levels, *level as u8);
                heading_level = HeadingLevel::try_from(usize::from(level_num)).unwrap_or(*level);
                if (2..=4).contains(&level_num) {
                    out.toc.push(TocEntry {
                        level: level_num,
                        id: unique.clone(),
                        title: text.trim().to_string(),
                    });
                }
                out.anchors.push(unique.clone());
                html_events.push(Event::Start(Tag::Heading {
                    level: heading_level,
                    id: Some(CowStr::from(unique)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
                // Links inside the heading are handled like any other.
                i += 1;
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                in_link = true;
                // `<contact@example.org>` is an address to write to.
                let mailto = format!("mailto:{dest_url}");
                let dest_url = if *link_type == LinkType::Email && !dest_url.starts_with("mailto:") {
                    mailto.as_str()
                } else {
                    dest_url.as_ref()
                };
                let target = links::resolve(dest_url, from, routes);
                let (href, found) = href_of(&target, dest_url, from, locate);
                let rel = match target {
                    Target::External if !dest_url.is_empty() => " rel=\"noopener noreferrer\"",
                    // A file (PDF, image): the browser opens it, the app's router does not.
                    Target::File { .. } => " rel=\"external\"",
                    _ => "",
                };
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", escape(title))
                };
                html_events.push(Event::InlineHtml(
                    format!("<a href=\"{}\"{title}{rel}>", escape(&href)).into(),
                ));
                out.links.push(LinkUse {
                    href: dest_url.to_string(),
                    target,
                    span,
                    found,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                // Closed at the level it was opened at (not the one written).
                html_events.push(Event::End(TagEnd::Heading(heading_level)));
                i += 1;
                continue;
            }
            Event::End(TagEnd::Link) => {
                in_link = false;
                html_events.push(Event::InlineHtml("</a>".into()));
            }
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                let end = find_end(&events, i, |e| matches!(e, TagEnd::Image));
                let alt = plain_text(&events[i + 1..end]).trim().to_string();
                let target = links::resolve(dest_url, from, routes);
                let located = match &target {
                    Target::External | Target::Forbidden => None,
                    Target::File { candidates } => locate(candidates),
                    _ => locate(&[dest_url.to_string()]),
                };
                let found = located.is_some() || target == Target::External;
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", escape(title))
                };
                let html = match &located {
                    Some(l) => image_html(l, &alt, &title, in_link),
                    None => {
                        let src = if target == Target::Forbidden {
                            ""
                        } else {
                            dest_url.as_ref()
                        };
                        format!("<img src=\"{}\" alt=\"{}\"{title}{LAZY}>", escape(src), escape(&alt))
                    }
                };
                html_events.push(Event::InlineHtml(html.into()));
                out.images.push(ImageUse {
                    src: dest_url.to_string(),
                    alt,
                    found,
                    span,
                    file: located.map(|l| l.path),
                    raw: false,
                });
                i = end + 1;
                continue;
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                needs_sanitizer = true;
                let raw = &crate::compiler::markup::embeds::as_links(raw);
                note_removed(raw, &span, &mut out.removed);
                // `<div id="1">` is an anchor too (the sanitiser keeps ids).
                out.anchors.extend(html_ids(raw));
                let inline = matches!(event, Event::InlineHtml(_));
                let rewritten = raw_html(raw, span.clone(), from, routes, locate, &mut out.links, &mut out.images);
                html_events.push(if inline {
                    Event::InlineHtml(rewritten.into())
                } else {
                    Event::Html(rewritten.into())
                });
                i += 1;
                continue;
            }
            Event::FootnoteReference(name) => {
                let next = footnotes.len() + 1;
                let n = *footnotes.entry(name.to_string()).or_insert(next);
                let id = slugify(name);
                html_events.push(Event::InlineHtml(
                    format!(
                        "<sup class=\"footnote-reference\"><a href=\"{}#note-{id}\" id=\"appel-{id}\">{n}</a></sup>",
                        relative_link(from.route)
                    )
                    .into(),
                ));
                i += 1;
                continue;
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let next = footnotes.len() + 1;
                let n = *footnotes.entry(name.to_string()).or_insert(next);
                let id = slugify(name);
                out.anchors.push(format!("note-{id}"));
                html_events.push(Event::Html(
                    format!("<div class=\"footnote-definition\" id=\"note-{id}\"><sup class=\"footnote-definition-label\">{n}</sup>")
                        .into(),
                ));
                i += 1;
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                html_events.push(Event::Html("</div>".into()));
                i += 1;
                continue;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                // Highlighted at build time; its text counts neither as words nor as a summary.
                let end = find_end(&events, i, |e| matches!(e, TagEnd::CodeBlock));
                let code: String = events[i + 1..end]
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
                html_events.push(Event::Html(
                    crate::compiler::markup::highlight::code_block(info, &code).into(),
                ));
                i = end + 1;
                continue;
            }
            Event::Start(Tag::Paragraph) if first_paragraph.is_none() => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                if let Some(p) = paragraph.take() {
                    if !p.trim().is_empty() {
                        first_paragraph = Some(p);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                out.word_count += count_words(t);
                if let Some(p) = paragraph.as_mut() {
                    p.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = paragraph.as_mut() {
                    p.push(' ');
                }
            }
            _ => {}
        }
        if !matches!(event, Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link)) {
            html_events.push(event.clone());
        }
        i += 1;
    }

    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, html_events.into_iter());
    out.html = if needs_sanitizer { sanitize(&html) } else { html };
    // Hugo's summary divider: the text before `<!--more-->`, else the first paragraph.
    // `contains` looks for it several bytes at a time, `find` one by one.
    let more = if body.contains(SUMMARY_DIVIDER) {
        body.find(SUMMARY_DIVIDER)
    } else {
        None
    };
    let before_more = more.map(|at| {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&body[..at], options));
        crate::search::plain_text(&html)
    });
    out.summary = summarize(&crate::compiler::readers::syntax::without_unrun(
        before_more.as_deref().or(first_paragraph.as_deref()).unwrap_or(""),
    ));
    if body != written {
        let remap = crate::compiler::model::offsets::Remap::new(body, written, body_offset);
        let spans = out.links.iter_mut().map(|l| &mut l.span);
        let spans = spans.chain(out.images.iter_mut().map(|i| &mut i.span));
        spans
            .chain(out.removed.iter_mut().map(|(_, s)| s))
            .for_each(|s| remap.span(s));
    }
    out
}

/// Hugo's `{{< ref "projets/citi.md" >}}` and `relref` in link destinations,
/// rewritten as the link forms the resolver knows (`@/projets/citi.md` from the
/// content folder, or relative), padded with spaces so byte offsets, and so the
/// lines and columns of diagnostics, stay those of the file.
/// The address a resolved link is written with, and whether its file was found.
fn href_of(target: &Target, written: &str, from: &From, locate: Locate) -> (String, bool) {
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

/// Raw HTML's `href` and `src` resolved like Markdown links (`<a href="../../projets/citi">`,
/// `<img src="/portfolio/x.png">`), and recorded so a missing page or file is an error.
fn raw_html(
    html: &str,
    span: Range<usize>,
    from: &From,
    routes: &BTreeSet<String>,
    locate: Locate,
    links: &mut Vec<LinkUse>,
    images: &mut Vec<ImageUse>,
) -> String {
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
        let target = links::resolve(value, from, routes);
        // `<img src>` of a file: found once, its variants written when it has some.
        let at = html.len() - rest.len() + i;
        let (new, found, extra) = match (img_tag(html, at), &target) {
            (Some(tag), Target::File { candidates }) => match locate(candidates) {
                Some(l) => {
                    let (new, extra) = raw_image(tag, l, value, &span, images);
                    (new, true, extra)
                }
                None => (value.to_string(), false, String::new()),
            },
            _ => {
                let (new, found) = href_of(&target, value, from, locate);
                (new, found, String::new())
            }
        };
        links.push(LinkUse {
            href: value.to_string(),
            target,
            span: span.clone(),
            found,
        });
        out.push_str(&rest[..value_start + 1]);
        out.push_str(&escape(&new));
        out.push(quote);
        out.push_str(&extra);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A raw `<img>`'s file: the address of its variant and the `srcset` to add
/// (none when the author wrote `srcset` or `sizes`), and the use recorded.
fn raw_image(
    tag: &str,
    found: Located,
    written: &str,
    span: &Range<usize>,
    images: &mut Vec<ImageUse>,
) -> (String, String) {
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
    images.push(ImageUse {
        src: written.to_string(),
        alt: String::new(),
        found: true,
        span: span.clone(),
        file: Some(found.path),
        raw: true,
    });
    (src, extra)
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

/// A heading's level in the page: the page title is the h1, so the body's
/// outline starts at h2 and never skips a level going down, whatever levels the
/// author wrote (`#`, or `###` then `#####`); headings written at the same
/// level stay at the same level. `open`: (written, shown) levels of the
/// headings above, outermost first.
fn outline_level(open: &mut Vec<(u8, u8)>, written: u8) -> u8 {
    while open.last().is_some_and(|(w, _)| *w >= written) {
        open.pop();
    }
    let shown = open.last().map_or(2, |(_, s)| s + 1).min(6);
    open.push((written, shown));
    shown
}

fn with_anchor(route: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => format!("{route}#{a}"),
        None => route.to_string(),
    }
}

fn find_end(events: &[(Event, Range<usize>)], start: usize, is_end: impl Fn(&TagEnd) -> bool) -> usize {
    events[start + 1..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(end) if is_end(end)))
        .map_or(events.len() - 1, |p| start + 1 + p)
}

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

fn count_words(text: &str) -> usize {
    // Runs between white space and apostrophes that hold a letter or digit, in
    // one pass: eight ASCII bytes at a time where they are all ASCII, other
    // characters one by one. `word`: whether a word is open.
    let (mut count, mut word) = (0, 0usize);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(Ok(chunk)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) {
            let chunk = u64::from_le_bytes(chunk);
            if chunk & ASCII_HIGH == 0 {
                let (ends, letters) = ascii_classes(chunk);
                for half in [0, 4] {
                    let step = FOUR_BYTES[((ends >> half) & 15) << 4 | ((letters >> half) & 15)][word];
                    count += usize::from(step >> 1);
                    word = usize::from(step & 1);
                }
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let class = if b < 0x80 {
            i += 1;
            ascii_class(b)
        } else if word == 1 && !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            // Inside a word, only white space and `’` end it, and none of
            // them starts with this byte: a letter's byte, or a mark's.
            i += 1;
            0
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() || c == '’' {
                1
            } else {
                2 * usize::from(word == 1 || c.is_alphanumeric())
            }
        };
        (count, word) = word_step(class, word, count);
    }
    count + word
}

/// A character's class for [`count_words`]: 1 ends a word (white space, an
/// apostrophe), 2 is part of one (a letter or digit), 0 changes nothing.
const fn ascii_class(b: u8) -> usize {
    if b.is_ascii_whitespace() || b == 0x0b || b == b'\'' {
        1
    } else if b.is_ascii_alphanumeric() {
        2
    } else {
        0
    }
}

/// One character of class `class` counted: the words ended, and whether one is open.
const fn word_step(class: usize, word: usize, count: usize) -> (usize, usize) {
    let ended = word & (class == 1) as usize;
    (count + ended, (class == 2) as usize | (word & (class == 0) as usize))
}

const ASCII_HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes: which end a word and which are letters or digits
/// (bit `k` for byte `k`).
fn ascii_classes(chunk: u64) -> (usize, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes from `lo` to `hi`: their high bit set (bytes below 0x80, no carry).
    let within = |x: u64, lo: u64, hi: u64| (x + (0x80 - lo) * ONES) & !(x + (0x7F - hi) * ONES) & ASCII_HIGH;
    let ends = within(chunk, 0x09, 0x0D) | within(chunk, 0x20, 0x20) | within(chunk, 0x27, 0x27);
    let letters = within(chunk, 0x30, 0x39) | within(chunk | (0x20 * ONES), 0x61, 0x7A);
    // The high bits gathered into one byte, byte `k`'s as bit `k`.
    let gather = |bits: u64| ((bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as usize;
    (gather(ends), gather(letters))
}

/// [`word_step`] over four bytes at once, by their end and letter bits and
/// whether a word is open before them: `words ended * 2 + open after`.
const FOUR_BYTES: [[u8; 2]; 256] = {
    let mut table = [[0u8; 2]; 256];
    let mut index = 0;
    while index < 256 {
        let mut open = 0;
        while open < 2 {
            let (mut count, mut word, mut k) = (0, open, 0);
            while k < 4 {
                let class = if (index >> 4) >> k & 1 == 1 {
                    1
                } else if index >> k & 1 == 1 {
                    2
                } else {
                    0
                };
                (count, word) = word_step(class, word, count);
                k += 1;
            }
            table[index][open] = (count * 2 + word) as u8;
            open += 1;
        }
        index += 1;
    }
    table
};

/// First paragraph as plain text, cut at a word boundary.
/// Hugo's manual summary divider.
const SUMMARY_DIVIDER: &str = "<!--more-->";

fn summarize(text: &str) -> String {
    // The words joined by single spaces, up to the first past the limit.
    let (mut joined, mut chars) = (String::new(), 0);
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
            chars += 1;
        }
        joined.push_str(word);
        chars += word.chars().count();
        if chars > SUMMARY_CHARS {
            break;
        }
    }
    let text = joined;
    if chars <= SUMMARY_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// A found image: its resized variants when it has some, sized, lazy, inside a
/// link to the original (which the lightbox opens large) unless already in a link.
fn image_html(found: &Located, alt: &str, title: &str, in_link: bool) -> String {
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
        img
    } else {
        format!(
            "<a class=\"zoom\" href=\"{}\" rel=\"external\">{img}</a>",
            escape(&original)
        )
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The byte-wise count agrees with the plain definition, char by char.
        #[test]
        fn count_words_counts_runs_holding_a_letter(text in "[a-zA-Z0-9é’'\u{a0}\u{2003} \t\n\r\x0b\x0c.,;!«»@`{_~-]{0,120}") {
            let expected = text
                .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                .filter(|run| run.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(super::count_words(&text), expected);
        }
    }
    use super::*;

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
    fn ids_in_raw_html_are_anchors() {
        assert_eq!(
            super::html_ids(r#"<div id="1"></div><a class="x" id='note-b'>b</a><span data-id="no" id=bare>"#),
            ["1", "note-b", "bare"]
        );
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
