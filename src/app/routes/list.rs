//! `/competences` and `/projets`: cards in the compiler's order, a page at a
//! time, filterable by tag (`?tag=`, one data file per filter).

use crate::app::link;
use crate::app::widgets::{cards, filter, pager};
use crate::bundle::Kind;
use crate::data::{page_route, LinkRef, List};
use crate::text::t;
use leptos::either::Either;
use leptos::prelude::*;

pub fn view(list: &List) -> impl IntoView {
    // A section made of its introduction alone (no page yet) says nothing more.
    let body = if !list.cards.is_empty() {
        Some(Either::Right(cards(&list.cards, list.kind != Kind::Competence, 2)))
    } else if list.intro_html.is_empty() || list.tag.is_some() {
        Some(Either::Left(view! { <p class="empty">{t().no_result}</p> }))
    } else {
        None
    };
    let first = format!("/{}", list.section);
    let tag = list.tag.clone();
    view! {
        <div class="wrap">
            <h1>{list.title.clone()}</h1>
            {(!list.intro.is_empty()).then(|| view! { <p class="lead">{list.intro.clone()}</p> })}
            {(!list.intro_html.is_empty()).then(|| view! { <div class="prose intro" inner_html=list.intro_html.clone()></div> })}
            {filter(&list.section, &list.tags, list.tag.as_deref(), t().filter_by_tag)}
            {subsections(&list.subsections)}
            {body}
            {pager(list.pager, move |n| page_route(&first, tag.as_deref(), n))}
        </div>
    }
}

/// Links to the sections nested one level below (`/docs/guide` under `/docs`).
fn subsections(nested: &[LinkRef]) -> Option<impl IntoView> {
    let items: Vec<_> = nested
        .iter()
        .map(|s| view! { <li><a href=link(&s.route)>{s.title.clone()}</a></li> })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <nav class="subsections" aria-label=t().subsections>
                <h2>{t().subsections}</h2>
                <ul>{items}</ul>
            </nav>
        }
    })
}
