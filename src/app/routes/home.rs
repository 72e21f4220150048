//! `/`: who the owner is, the latest projets, the compétences, a few tags.

use crate::app::document::{set_lang, set_meta};
use crate::app::widgets::cards;
use crate::bundle::{Bundle, Kind};
use crate::text::FR as T;
use leptos::prelude::*;
use std::sync::Arc;

const LATEST: usize = 3;
const TAGS: usize = 8;

pub fn view(bundle: Arc<Bundle>) -> impl IntoView {
    let site = &bundle.site;
    set_lang(&site.lang);
    set_meta(None, &site.title, &site.tagline);
    let links = site
        .links
        .iter()
        .map(|l| {
            let (label, url) = (l.label.clone(), l.url.clone());
            view! { <li><a href=url rel="noopener noreferrer">{label}</a></li> }
        })
        .collect_view();
    let mut projets: Vec<_> = bundle.section(Kind::Projet).collect();
    projets.sort_by(|a, b| b.date.cmp(&a.date));
    let tags = bundle
        .tags
        .iter()
        .take(TAGS)
        .map(|t| {
            let href = format!("tags/{}", t.slug);
            let (name, count) = (t.name.clone(), t.count);
            view! { <li><a class="chip" href=href>{name}<span class="count">{count}</span></a></li> }
        })
        .collect_view();
    let name = if site.author.is_empty() {
        site.title.clone()
    } else {
        site.author.clone()
    };
    view! {
        <div class="wrap home">
            <section class="hero">
                <h1>{name}</h1>
                <p class="tagline">{site.tagline.clone()}</p>
                <ul class="social">{links}</ul>
            </section>
            <section aria-labelledby="derniers-projets">
                <div class="section-head">
                    <h2 id="derniers-projets">{T.latest_projets}</h2>
                    <a href="projets">{T.see_all}</a>
                </div>
                {cards(projets.into_iter().take(LATEST), true, 3)}
            </section>
            <section aria-labelledby="competences">
                <div class="section-head">
                    <h2 id="competences">{T.all_competences}</h2>
                    <a href="competences">{T.see_all}</a>
                </div>
                {cards(bundle.section(Kind::Competence), false, 3)}
            </section>
            <section aria-labelledby="themes">
                <h2 id="themes">{T.tags_title}</h2>
                <ul class="chips">{tags}</ul>
            </section>
        </div>
    }
}
