//! Small pieces shared by several views: cards, tag chips, dates, the pager.

use super::{asset, link};
use crate::bundle::TagRef;
use crate::data::{Card, Pager, TagCount};
use crate::text::{format_date, t};
use leptos::either::Either;
use leptos::prelude::*;

pub fn tag_chips(tags: &[TagRef]) -> impl IntoView {
    let items = tags
        .iter()
        .map(|t| {
            let href = link(&crate::text::route(&format!("/tags/{}", t.slug)));
            let name = t.name.clone();
            view! { <li><a class="chip" href=href>{name}</a></li> }
        })
        .collect_view();
    view! { <ul class="chips">{items}</ul> }
}

/// Tags with their page counts.
pub fn counted_chips(tags: &[TagCount], class: &'static str) -> impl IntoView {
    let items = tags
        .iter()
        .map(|t| {
            let href = link(&crate::text::route(&format!("/tags/{}", t.slug)));
            let (name, count) = (t.name.clone(), t.count);
            view! { <li><a class="chip" href=href>{name}<span class="count">{count}</span></a></li> }
        })
        .collect_view();
    view! { <ul class=class>{items}</ul> }
}

pub fn page_meta(date: Option<&str>, reading_minutes: usize, draft: bool) -> impl IntoView {
    let date = date.map(|d| {
        let text = format_date(d);
        let d = d.to_string();
        view! { <time datetime=d>{text}</time> }
    });
    // A page without text (front matter only) has no reading time.
    let reading =
        (reading_minutes > 0).then(|| view! { <span>{format!("{reading_minutes} {}", t().reading_time)}</span> });
    let draft = draft.then(|| view! { <span class="badge">{t().draft}</span> });
    view! {
        <p class="meta">{date}{reading}{draft}</p>
    }
}

/// A page as a card; `level` is its title's heading level (2 under the page title, 3 under a section).
pub fn card(card: &Card, with_image: bool, level: u8) -> impl IntoView {
    let image = card.image.as_ref().filter(|_| with_image).map(|img| {
        let (src, alt) = (asset(img.shown()), img.alt.clone());
        let (w, h) = (img.width, img.height);
        let srcset = img.srcset();
        view! {
            <img class="card-image" src=src srcset=srcset sizes="(min-width: 40rem) 28rem, 100vw"
                alt=alt width=w height=h loading="lazy" decoding="async"/>
        }
    });
    let title = view! { <a href=link(&card.route)>{card.title.clone()}</a> };
    view! {
        <article class="card">
            {image}
            <div class="card-body">
                {heading(level, title)}
                {page_meta(card.date.as_deref(), card.reading_minutes, card.draft)}
                <p>{card.text.clone()}</p>
                {tag_chips(&card.tags)}
            </div>
        </article>
    }
}

fn heading(level: u8, inner: impl IntoView + 'static) -> impl IntoView {
    match level {
        2 => Either::Left(view! { <h2 class="card-title">{inner}</h2> }),
        _ => Either::Right(view! { <h3 class="card-title">{inner}</h3> }),
    }
}

pub fn cards(cards: &[Card], with_image: bool, level: u8) -> impl IntoView {
    let items = cards.iter().map(|c| card(c, with_image, level)).collect_view();
    view! { <div class="cards">{items}</div> }
}

/// Previous and next pages of a long list; nothing when it fits on one page.
pub fn pager(pager: Pager, route: impl Fn(usize) -> String) -> Option<impl IntoView> {
    (pager.pages > 1).then(|| {
        let step = |n: usize, label: &'static str, rel: &'static str| {
            (1..=pager.pages)
                .contains(&n)
                .then(|| view! { <a href=link(&route(n)) rel=rel>{label}</a> })
        };
        let status = format!("{} {} / {}", t().page, pager.page, pager.pages);
        view! {
            <nav class="pager" aria-label=t().pagination>
                {step(pager.page.wrapping_sub(1), t().previous_page, "prev")}
                <span>{status}</span>
                {step(pager.page + 1, t().next_page, "next")}
            </nav>
        }
    })
}

/// A list's tag filter: "Tous" then each tag, the current one marked
/// (`base?tag=slug`, a data file per filter).
pub fn filter(base: &str, tags: &[TagRef], current: Option<&str>, label: &'static str) -> impl IntoView {
    let chip = |href: String, name: String, selected: bool| {
        view! { <li><a class="chip" href=href aria-current=selected.then_some("true")>{name}</a></li> }
    };
    let each = tags
        .iter()
        .map(|t| {
            chip(
                format!("{base}?tag={}", t.slug),
                t.name.clone(),
                current == Some(t.slug.as_str()),
            )
        })
        .collect_view();
    let all = chip(base.to_string(), t().all_tags.into(), current.is_none());
    // No tag, nothing to filter by.
    (!tags.is_empty()).then(|| view! { <ul class="chips filter" aria-label=label>{all}{each}</ul> })
}
