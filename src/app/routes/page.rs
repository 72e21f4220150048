//! `/competences/:slug` and `/projets/:slug`: one page, with its links both ways.

use super::not_found;
use crate::app::document::set_meta;
use crate::app::widgets::{page_meta, tag_chips};
use crate::app::{asset, link};
use crate::bundle::{Bundle, Kind, Page};
use crate::text::FR as T;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

pub fn view(bundle: Arc<Bundle>, kind: Kind) -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        let route = format!("/{}/{}", kind.section(), slug.trim_matches('/'));
        match bundle.page(&route) {
            Some(page) => article(&bundle, page).into_any(),
            None => not_found::view(bundle.clone()).into_any(),
        }
    }
}

fn article(bundle: &Bundle, page: &Page) -> impl IntoView {
    set_meta(Some(&page.title), &bundle.site.title, &page.description);
    let hero = page.image.as_ref().map(|img| {
        let (src, alt, w, h) = (asset(&img.src), img.alt.clone(), img.width, img.height);
        view! { <img class="hero-image" src=src alt=alt width=w height=h/> }
    });
    let toc = (page.toc.len() > 1).then(|| {
        let items = page
            .toc
            .iter()
            .map(|e| {
                let href = format!("{}#{}", link(&page.route), e.id);
                let class = format!("toc-l{}", e.level);
                view! { <li class=class><a href=href>{e.title.clone()}</a></li> }
            })
            .collect_view();
        view! {
            <nav class="toc" aria-labelledby="sommaire">
                <h2 id="sommaire">{T.toc}</h2>
                <ol>{items}</ol>
            </nav>
        }
    });
    let related = related(bundle, page);
    let neighbours = neighbours(bundle, page);
    let description = (!page.description.is_empty()).then(|| view! { <p class="lead">{page.description.clone()}</p> });
    view! {
        <article class="wrap page">
            <header class="page-header">
                <h1>{page.title.clone()}</h1>
                {description}
                {page_meta(page)}
                {tag_chips(&page.tags)}
            </header>
            {hero}
            <div class="page-layout">
                {toc}
                <div class="prose" inner_html=page.html.clone()></div>
            </div>
            {related}
            {neighbours}
        </article>
    }
}

/// "Projets liés" on a compétence, "Compétences mobilisées" on a projet: links and backlinks.
fn related(bundle: &Bundle, page: &Page) -> Option<impl IntoView> {
    let (other, heading) = match page.kind {
        Kind::Competence => (Kind::Projet, T.linked_projets),
        Kind::Projet => (Kind::Competence, T.linked_competences),
    };
    let mut routes: Vec<&String> = page.links.iter().chain(&page.backlinks).collect();
    routes.dedup();
    let mut seen = Vec::new();
    let items: Vec<_> = routes
        .into_iter()
        .filter_map(|r| bundle.page(r))
        .filter(|p| p.kind == other)
        .filter(|p| {
            let new = !seen.contains(&p.route);
            seen.push(p.route.clone());
            new
        })
        .map(|p| {
            let (href, title) = (link(&p.route), p.title.clone());
            view! { <li><a href=href>{title}</a></li> }
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="lies">
                <h2 id="lies">{heading}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

fn neighbours(bundle: &Bundle, page: &Page) -> impl IntoView {
    let link = |route: &Option<String>, label: &'static str, class: &'static str| {
        route.as_ref().and_then(|r| bundle.page(r)).map(|p| {
            let (href, title) = (link(&p.route), p.title.clone());
            view! { <a class=class href=href><span>{label}</span>{title}</a> }
        })
    };
    view! {
        <nav class="prev-next" aria-label=T.neighbours>
            {link(&page.prev, T.previous, "prev")}
            {link(&page.next, T.next, "next")}
        </nav>
    }
}
