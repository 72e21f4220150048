//! `/competences` and `/projets`: cards in the compiler's order, filterable by tag (`?tag=`).

use crate::app::document::set_meta;
use crate::app::widgets::cards;
use crate::bundle::{Bundle, Kind};
use crate::text::FR as T;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

pub fn view(bundle: Arc<Bundle>, kind: Kind) -> impl IntoView {
    let (title, intro) = match kind {
        Kind::Competence => (T.competences_title, T.competences_intro),
        Kind::Projet => (T.projets_title, T.projets_intro),
    };
    set_meta(Some(title), &bundle.site.title, intro);
    let query = use_query_map();
    let selected = move || query.read().get("tag").filter(|t| !t.is_empty());
    let base = kind.section().to_string();

    let mut section_tags: Vec<(String, String)> = Vec::new();
    for page in bundle.section(kind) {
        for t in &page.tags {
            if !section_tags.iter().any(|(s, _)| *s == t.slug) {
                section_tags.push((t.slug.clone(), t.name.clone()));
            }
        }
    }
    section_tags.sort_by_key(|t| t.1.to_lowercase());

    let chips = {
        let base = base.clone();
        move || {
            let current = selected();
            let all = {
                let selected = current.is_none().then_some("true");
                view! { <li><a class="chip" href=base.clone() aria-current=selected>{T.all_tags}</a></li> }
            };
            let each = section_tags
                .iter()
                .map(|(slug, name)| {
                    let selected = (current.as_deref() == Some(slug.as_str())).then_some("true");
                    let href = format!("{base}?tag={slug}");
                    view! { <li><a class="chip" href=href aria-current=selected>{name.clone()}</a></li> }
                })
                .collect_view();
            view! { <ul class="chips filter" aria-label=T.filter_by_tag>{all}{each}</ul> }
        }
    };
    let list = move || {
        let current = selected();
        let pages: Vec<_> = bundle
            .section(kind)
            .filter(|p| current.as_ref().is_none_or(|tag| p.tags.iter().any(|t| &t.slug == tag)))
            .collect();
        if pages.is_empty() {
            view! { <p class="empty">{T.no_result}</p> }.into_any()
        } else {
            cards(pages, kind == Kind::Projet, 2)
        }
    };
    view! {
        <div class="wrap">
            <h1>{title}</h1>
            <p class="lead">{intro}</p>
            {chips}
            {list}
        </div>
    }
}
