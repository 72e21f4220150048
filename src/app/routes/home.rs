//! `/`: who the owner is, the latest projets, the compétences, a few tags.

use crate::app::widgets::{cards, counted_chips};
use crate::bundle::Site;
use crate::data::Home;
use crate::text::FR as T;
use leptos::prelude::*;

pub fn view(site: &Site, home: &Home) -> impl IntoView {
    let links = site
        .links
        .iter()
        .map(|l| {
            let (label, url) = (l.label.clone(), l.url.clone());
            view! { <li><a href=url rel="noopener noreferrer">{label}</a></li> }
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
                {cards(&home.latest, true, 3)}
            </section>
            <section aria-labelledby="competences">
                <div class="section-head">
                    <h2 id="competences">{T.all_competences}</h2>
                    <a href="competences">{format!("{} ({})", T.see_all, home.competences_total)}</a>
                </div>
                {cards(&home.competences, false, 3)}
            </section>
            <section aria-labelledby="themes">
                <h2 id="themes">{T.tags_title}</h2>
                {counted_chips(&home.tags, "chips")}
            </section>
        </div>
    }
}
