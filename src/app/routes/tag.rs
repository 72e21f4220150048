//! `/tags/:slug`: every page with that tag, grouped by kind.

use super::not_found;
use crate::app::document::set_meta;
use crate::app::widgets::cards;
use crate::bundle::{Bundle, Kind};
use crate::text::FR as T;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

pub fn view(bundle: Arc<Bundle>) -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        let Some(tag) = bundle.tag(slug.trim_matches('/')) else {
            return not_found::view(bundle.clone()).into_any();
        };
        set_meta(
            Some(&tag.name),
            &bundle.site.title,
            &format!("{} : {}", T.tag_title, tag.name),
        );
        let groups = Kind::ALL
            .into_iter()
            .map(|kind| {
                let pages: Vec<_> = tag
                    .pages
                    .iter()
                    .filter_map(|r| bundle.page(r))
                    .filter(|p| p.kind == kind)
                    .collect();
                let heading = match kind {
                    Kind::Competence => T.competences_title,
                    Kind::Projet => T.projets_title,
                };
                (!pages.is_empty()).then(|| {
                    view! {
                        <section>
                            <h2>{heading}</h2>
                            {cards(pages, kind == Kind::Projet, 3)}
                        </section>
                    }
                })
            })
            .collect_view();
        let count = format!(
            "{} {}",
            tag.count,
            if tag.count == 1 { T.pages_one } else { T.pages_many }
        );
        view! {
            <div class="wrap">
                <p class="eyebrow"><a href="tags">{T.tags_title}</a></p>
                <h1>{tag.name.clone()}</h1>
                <p class="lead">{count}</p>
                {groups}
            </div>
        }
        .into_any()
    }
}
