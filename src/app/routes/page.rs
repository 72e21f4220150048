//! `/competences/:slug` and `/projets/:slug`: one page, with its links both ways.

use crate::app::widgets::{page_meta, tag_chips};
use crate::app::{asset, link};
use crate::bundle::Kind;
use crate::data::{LinkRef, PageView};
use crate::text::t;
use leptos::prelude::*;

pub fn view(page: &PageView) -> impl IntoView {
    let hero = page.image.as_ref().map(|img| {
        let (src, alt, w, h) = (asset(img.shown()), img.alt.clone(), img.width, img.height);
        let srcset = img.srcset();
        view! {
            <img class="hero-image" src=src srcset=srcset sizes="(min-width: 62rem) 60rem, 100vw"
                alt=alt width=w height=h decoding="async" fetchpriority="high"/>
        }
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
                <h2 id="sommaire">{t().toc}</h2>
                <ol>{items}</ol>
            </nav>
        }
    });
    let description = (!page.description.is_empty()).then(|| view! { <p class="lead">{page.description.clone()}</p> });
    view! {
        <article class="wrap page">
            <header class="page-header">
                <h1>{page.title.clone()}</h1>
                {description}
                {page_meta(page.date.as_deref(), page.reading_minutes, page.draft)}
                {tag_chips(&page.tags)}
                {external(page)}
            </header>
            {hero}
            // `data::PAGE_HTML`: where the app reads the page's HTML back when it starts.
            <div class="page-layout">
                {toc}
                <div class="prose" inner_html=page.html.clone()></div>
            </div>
            {related(page)}
            {on_cv(page)}
            {neighbours(page)}
        </article>
    }
}

/// The links the front matter gives (code, demo, site), with their address shown.
fn external(page: &PageView) -> Option<impl IntoView> {
    let items = page
        .external
        .iter()
        .map(|l| {
            let shown = l.url.split_once("://").map_or(l.url.as_str(), |(_, rest)| rest.trim_end_matches('/'));
            view! {
                <li><a href=l.url.clone() rel="noopener noreferrer">{l.label.clone()}" "<span>{shown.to_string()}</span></a></li>
            }
        })
        .collect_view();
    (!page.external.is_empty()).then(|| view! { <ul class="page-links" aria-label=t().page_links>{items}</ul> })
}

/// "Projets liés" on a compétence, "Compétences mobilisées" on a projet, each with why.
fn related(page: &PageView) -> Option<impl IntoView> {
    let heading = match page.kind {
        Kind::Competence => t().linked_projets,
        _ => t().linked_competences,
    };
    let items = page
        .related
        .iter()
        .map(|p| view! { <li><a href=link(&p.route)>{p.title.clone()}</a>" "<span class="why">{p.why.clone()}</span></li> })
        .collect_view();
    (!page.related.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="lies">
                <h2 id="lies">{heading}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// "Au CV": the CV's entries that name this page, each linked to its line.
fn on_cv(page: &PageView) -> Option<impl IntoView> {
    let items = page
        .cv
        .iter()
        .map(|l| view! { <li><a href=link(&l.route)>{l.title.clone()}</a></li> })
        .collect_view();
    (!page.cv.is_empty()).then(|| {
        view! {
            <section class="related on-cv" aria-labelledby="au-cv">
                <h2 id="au-cv">{t().cv_mentions}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

fn neighbours(page: &PageView) -> impl IntoView {
    let link = |to: &Option<LinkRef>, label: &'static str, class: &'static str| {
        to.as_ref().map(|p| {
            view! { <a class=class href=link(&p.route)><span>{label}</span>{p.title.clone()}</a> }
        })
    };
    view! {
        <nav class="prev-next" aria-label=t().neighbours>
            {link(&page.prev, t().previous, "prev")}
            {link(&page.next, t().next, "next")}
        </nav>
    }
}
