//! `/competences` and `/projets`: cards in the compiler's order, a page at a
//! time, filterable by tag (`?tag=`, one data file per filter).

use crate::app::widgets::{cards, pager};
use crate::bundle::Kind;
use crate::data::{page_route, List};
use crate::text::FR as T;
use leptos::either::Either;
use leptos::prelude::*;

pub fn view(list: &List) -> impl IntoView {
    let base = list.section.clone();
    let all = {
        let selected = list.tag.is_none().then_some("true");
        view! { <li><a class="chip" href=base.clone() aria-current=selected>{T.all_tags}</a></li> }
    };
    let each = list
        .tags
        .iter()
        .map(|t| {
            let selected = (list.tag.as_deref() == Some(t.slug.as_str())).then_some("true");
            let href = format!("{base}?tag={}", t.slug);
            view! { <li><a class="chip" href=href aria-current=selected>{t.name.clone()}</a></li> }
        })
        .collect_view();
    let body = if list.cards.is_empty() {
        Either::Left(view! { <p class="empty">{T.no_result}</p> })
    } else {
        Either::Right(cards(&list.cards, list.kind != Kind::Competence, 2))
    };
    let first = format!("/{base}");
    let tag = list.tag.clone();
    view! {
        <div class="wrap">
            <h1>{list.title.clone()}</h1>
            {(!list.intro.is_empty()).then(|| view! { <p class="lead">{list.intro.clone()}</p> })}
            {(!list.intro_html.is_empty()).then(|| view! { <div class="prose intro" inner_html=list.intro_html.clone()></div> })}
            <ul class="chips filter" aria-label=T.filter_by_tag>{all}{each}</ul>
            {body}
            {pager(list.pager, move |n| page_route(&first, tag.as_deref(), n))}
        </div>
    }
}
