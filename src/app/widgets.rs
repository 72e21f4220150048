//! Small pieces shared by several views: cards, tag chips, dates.

use super::{asset, link};
use crate::bundle::{Page, TagRef};
use crate::text::{format_date, FR as T};
use leptos::prelude::*;

pub fn tag_chips(tags: &[TagRef]) -> impl IntoView {
    let items = tags
        .iter()
        .map(|t| {
            let href = format!("tags/{}", t.slug);
            let name = t.name.clone();
            view! { <li><a class="chip" href=href>{name}</a></li> }
        })
        .collect_view();
    view! { <ul class="chips">{items}</ul> }
}

pub fn page_meta(page: &Page) -> impl IntoView {
    let date = page.date.as_deref().map(|d| {
        let text = format_date(d);
        let d = d.to_string();
        view! { <time datetime=d>{text}</time> }
    });
    let reading = format!("{} {}", page.reading_minutes, T.reading_time);
    let draft = page.draft.then(|| view! { <span class="badge">{T.draft}</span> });
    view! {
        <p class="meta">{date}<span>{reading}</span>{draft}</p>
    }
}

/// A page as a card; `level` is its title's heading level (2 under the page title, 3 under a section).
pub fn card(page: &Page, with_image: bool, level: u8) -> impl IntoView {
    let image = page.image.as_ref().filter(|_| with_image).map(|img| {
        let (src, alt) = (asset(&img.src), img.alt.clone());
        let (w, h) = (img.width, img.height);
        view! { <img class="card-image" src=src alt=alt width=w height=h loading="lazy"/> }
    });
    let href = link(&page.route);
    let title = page.title.clone();
    let description = if page.description.is_empty() {
        page.summary.clone()
    } else {
        page.description.clone()
    };
    view! {
        <article class="card">
            {image}
            <div class="card-body">
                {heading(level, view! { <a href=href>{title}</a> })}
                {page_meta(page)}
                <p>{description}</p>
                {tag_chips(&page.tags)}
            </div>
        </article>
    }
}

fn heading(level: u8, inner: impl IntoView + 'static) -> AnyView {
    match level {
        2 => view! { <h2 class="card-title">{inner}</h2> }.into_any(),
        _ => view! { <h3 class="card-title">{inner}</h3> }.into_any(),
    }
}

pub fn cards<'a>(pages: impl IntoIterator<Item = &'a Page>, with_image: bool, level: u8) -> AnyView {
    let items = pages.into_iter().map(|p| card(p, with_image, level)).collect_view();
    view! { <div class="cards">{items}</div> }.into_any()
}
