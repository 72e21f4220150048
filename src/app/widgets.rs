//! Small pieces shared by several views: cards, tag chips, dates, the pager.
//! Each is written as HTML (the route views are, see `routes`).

use super::{asset, escape, link};
use crate::bundle::{Image, TagRef};
use crate::data::{Card, Pager, TagCount};
use crate::text::{format_date, t};

/// ` name="value"`, the value escaped.
pub fn attr(name: &str, value: &str) -> String {
    format!(r#" {name}="{}""#, escape(value))
}

/// `<a href="…">text</a>` to an app route (`attrs` after the address: ` class="x"`).
pub fn a(route: &str, attrs: &str, text: &str) -> String {
    format!(r#"<a href="{}"{attrs}>{}</a>"#, escape(&link(route)), escape(text))
}

/// A page's image (`<img>`), its resized variants offered to the browser.
/// `rest` ends the tag (` loading="lazy" decoding="async"`).
pub fn img(class: &str, image: &Image, alt: &str, sizes: &str, rest: &str) -> String {
    let optional = |name: &str, value: Option<String>| value.map(|v| attr(name, &v)).unwrap_or_default();
    format!(
        r#"<img class="{class}"{}{}{}{}{}{}{rest}>"#,
        attr("src", &asset(image.shown())),
        optional("srcset", image.srcset()),
        attr("sizes", sizes),
        attr("alt", alt),
        optional("width", image.width.map(|w| w.to_string())),
        optional("height", image.height.map(|h| h.to_string())),
    )
}

/// A tag's link (`/tags/web`, in the language shown).
fn tag_link(slug: &str, inner: &str) -> String {
    let href = link(&crate::text::route(&format!("/tags/{slug}")));
    format!(r#"<li><a class="chip" href="{}">{inner}</a></li>"#, escape(&href))
}

pub fn tag_chips(tags: &[TagRef]) -> String {
    let items: String = tags.iter().map(|t| tag_link(&t.slug, &escape(&t.name))).collect();
    format!(r#"<ul class="chips">{items}</ul>"#)
}

/// Tags with their page counts.
pub fn counted_chips(tags: &[TagCount], class: &str) -> String {
    let items: String = tags
        .iter()
        .map(|t| {
            tag_link(
                &t.slug,
                &format!(r#"{}<span class="count">{}</span>"#, escape(&t.name), t.count),
            )
        })
        .collect();
    format!(r#"<ul class="{class}">{items}</ul>"#)
}

pub fn page_meta(date: Option<&str>, reading_minutes: usize, draft: bool) -> String {
    let mut out = String::from(r#"<p class="meta">"#);
    if let Some(d) = date {
        out += &format!(r#"<time{}>{}</time>"#, attr("datetime", d), escape(&format_date(d)));
    }
    // A page without text (front matter only) has no reading time.
    if reading_minutes > 0 {
        out += &format!("<span>{reading_minutes} {}</span>", escape(t().reading_time));
    }
    if draft {
        out += &format!(r#"<span class="badge">{}</span>"#, escape(t().draft));
    }
    out + "</p>"
}

/// A page as a card; `level` is its title's heading level (2 under the page title, 3 under a section).
pub fn card(card: &Card, with_image: bool, level: u8) -> String {
    let image = card.image.as_ref().filter(|_| with_image).map(|image| {
        img(
            "card-image",
            image,
            &image.alt,
            "(min-width: 40rem) 28rem, 100vw",
            r#" loading="lazy" decoding="async""#,
        )
    });
    let h = if level == 2 { 2 } else { 3 };
    format!(
        r#"<article class="card">{}<div class="card-body"><h{h} class="card-title">{}</h{h}>{}<p>{}</p>{}</div></article>"#,
        image.unwrap_or_default(),
        a(&card.route, "", &card.title),
        page_meta(card.date.as_deref(), card.reading_minutes, card.draft),
        escape(&card.text),
        tag_chips(&card.tags),
    )
}

pub fn cards(cards: &[Card], with_image: bool, level: u8) -> String {
    let items: String = cards.iter().map(|c| card(c, with_image, level)).collect();
    format!(r#"<div class="cards">{items}</div>"#)
}

/// Previous and next pages of a long list; nothing when it fits on one page.
pub fn pager(pager: Pager, route: impl Fn(usize) -> String) -> String {
    if pager.pages <= 1 {
        return String::new();
    }
    let step = |n: usize, label: &str, rel: &str| {
        if (1..=pager.pages).contains(&n) {
            a(&route(n), &format!(r#" rel="{rel}""#), label)
        } else {
            String::new()
        }
    };
    format!(
        r#"<nav class="pager"{}>{}<span>{} {} / {}</span>{}</nav>"#,
        attr("aria-label", t().pagination),
        step(pager.page.wrapping_sub(1), t().previous_page, "prev"),
        escape(t().page),
        pager.page,
        pager.pages,
        step(pager.page + 1, t().next_page, "next"),
    )
}

/// A list's tag filter: "Tous" then each tag, the current one marked
/// (`base?tag=slug`, a data file per filter).
pub fn filter(base: &str, tags: &[TagRef], current: Option<&str>, label: &str) -> String {
    // No tag, nothing to filter by.
    if tags.is_empty() {
        return String::new();
    }
    let chip = |href: &str, name: &str, selected: bool| {
        let selected = if selected { r#" aria-current="true""# } else { "" };
        format!(
            r#"<li><a class="chip"{}{selected}>{}</a></li>"#,
            attr("href", href),
            escape(name)
        )
    };
    let mut items = chip(base, t().all_tags, current.is_none());
    for tag in tags {
        items += &chip(
            &format!("{base}?tag={}", tag.slug),
            &tag.name,
            current == Some(tag.slug.as_str()),
        );
    }
    format!(r#"<ul class="chips filter"{}>{items}</ul>"#, attr("aria-label", label))
}
