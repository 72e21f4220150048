//! `/`: who the owner is, the latest projets, the compétences, a few tags.

use crate::app::asset;
use crate::app::widgets::{cards, counted_chips};
use crate::bundle::Site;
use crate::data::{Coverage, Home, HomeSection};
use crate::text::t;
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
    // The author's photo, as their theme shows it: round, beside the name.
    let photo = site.photo.as_ref().map(|img| {
        let (src, alt, w, h) = (asset(img.shown()), name.clone(), img.width, img.height);
        let srcset = img.srcset();
        view! {
            <img class="avatar" src=src srcset=srcset sizes="8rem" alt=alt width=w height=h decoding="async"/>
        }
    });
    let bio = (!site.bio.is_empty()).then(|| view! { <p class="bio">{site.bio.clone()}</p> });
    view! {
        <div class="wrap home">
            <section class="hero">
                {photo}
                <h1>{name}</h1>
                <p class="tagline">{site.tagline.clone()}</p>
                {bio}
                <ul class="social">{links}</ul>
            </section>
            {(!home.intro.is_empty()).then(|| view! { <div class="prose intro" inner_html=home.intro.clone()></div> })}
            {home.sections.iter().map(section).collect_view()}
            {home.synthese.map(synthese)}
            <section aria-labelledby="themes">
                <h2 id="themes">{t().tags_title}</h2>
                {counted_chips(&home.tags, "chips")}
            </section>
        </div>
    }
}

/// A section's latest cards and a link to its list; the top-level pages
/// (`section` empty) have no list, and all their cards are shown.
fn section(s: &HomeSection) -> impl IntoView {
    let id = format!("accueil-{}", if s.section.is_empty() { "pages" } else { &s.section });
    let label = id.clone();
    let all = (!s.section.is_empty())
        .then(|| view! { <a href=s.section.clone()>{format!("{} ({})", t().see_all, s.total)}</a> });
    view! {
        <section aria-labelledby=label>
            <div class="section-head">
                <h2 id=id>{s.title.clone()}</h2>
                {all}
            </div>
            {cards(&s.cards, s.images, 3)}
        </section>
    }
}

/// The synthesis table's reach, and a link to it.
fn synthese(c: Coverage) -> impl IntoView {
    let reach = crate::text::reach(c.competences, c.projets);
    let gaps = (c.gaps > 0).then(|| format!(" · {} {}", c.gaps, t().synthese_gap));
    view! {
        <section class="synthese-cta" aria-labelledby="accueil-synthese">
            <h2 id="accueil-synthese">{t().synthese_title}</h2>
            <p>{reach}{gaps}</p>
            <a class="button" href=crate::app::link(&crate::text::route("/synthese"))>{t().synthese_home}</a>
        </section>
    }
}
