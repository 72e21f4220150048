//! `/competences/:slug` and `/projets/:slug`: one page, with its links both ways.

use crate::app::escape;
use crate::app::link;
use crate::app::widgets::{a, attr, img, page_meta, tag_chips};
use crate::bundle::Kind;
use crate::data::{LinkRef, PageView};
use crate::text::t;

pub fn html(page: &PageView) -> String {
    let hero = page.image.as_ref().map(|image| {
        img(
            "hero-image",
            image,
            &image.alt,
            "(min-width: 62rem) 60rem, 100vw",
            r#" decoding="async" fetchpriority="high""#,
        )
    });
    let description =
        (!page.description.is_empty()).then(|| format!(r#"<p class="lead">{}</p>"#, escape(&page.description)));
    // `data::PAGE_HTML`: where the app reads the page's HTML back when it starts.
    format!(
        r#"<article class="wrap page"><header class="page-header"><h1>{}</h1>{}{}{}{}</header>{}<div class="page-layout">{}<div class="prose">{}</div></div>{}{}{}</article>"#,
        escape(&page.title),
        description.unwrap_or_default(),
        page_meta(page.date.as_deref(), page.reading_minutes, page.draft),
        tag_chips(&page.tags),
        external(page),
        hero.unwrap_or_default(),
        toc(page),
        page.html,
        related(page),
        on_cv(page),
        neighbours(page),
    )
}

/// The table of contents, when the page has more than one heading.
fn toc(page: &PageView) -> String {
    if page.toc.len() <= 1 {
        return String::new();
    }
    let items: String = page
        .toc
        .iter()
        .map(|e| {
            let href = format!("{}#{}", link(&page.route), e.id);
            format!(
                r#"<li class="toc-l{}"><a{}>{}</a></li>"#,
                e.level,
                attr("href", &href),
                escape(&e.title)
            )
        })
        .collect();
    format!(
        r#"<nav class="toc" aria-labelledby="sommaire"><h2 id="sommaire">{}</h2><ol>{items}</ol></nav>"#,
        escape(t().toc)
    )
}

/// The links the front matter gives (code, demo, site), with their address shown.
fn external(page: &PageView) -> String {
    if page.external.is_empty() {
        return String::new();
    }
    let items: String = page
        .external
        .iter()
        .map(|l| {
            let shown = l
                .url
                .split_once("://")
                .map_or(l.url.as_str(), |(_, rest)| rest.trim_end_matches('/'));
            format!(
                r#"<li><a{} rel="noopener noreferrer">{} <span>{}</span></a></li>"#,
                attr("href", &l.url),
                escape(&l.label),
                escape(shown)
            )
        })
        .collect();
    format!(
        r#"<ul class="page-links"{}>{items}</ul>"#,
        attr("aria-label", t().page_links)
    )
}

/// A section of links (`id` names its heading).
fn links_section(class: &str, id: &str, heading: &str, items: String) -> String {
    format!(
        r#"<section class="{class}" aria-labelledby="{id}"><h2 id="{id}">{}</h2><ul>{items}</ul></section>"#,
        escape(heading)
    )
}

/// "Projets liés" on a compétence, "Compétences mobilisées" on a projet, each with why.
fn related(page: &PageView) -> String {
    if page.related.is_empty() {
        return String::new();
    }
    let heading = match page.kind {
        Kind::Competence => t().linked_projets,
        _ => t().linked_competences,
    };
    let items = page
        .related
        .iter()
        .map(|p| {
            format!(
                r#"<li>{} <span class="why">{}</span></li>"#,
                a(&p.route, "", &p.title),
                escape(&p.why)
            )
        })
        .collect();
    links_section("related", "lies", heading, items)
}

/// "Au CV": the CV's entries that name this page, each linked to its line.
fn on_cv(page: &PageView) -> String {
    if page.cv.is_empty() {
        return String::new();
    }
    let items = page
        .cv
        .iter()
        .map(|l| format!("<li>{}</li>", a(&l.route, "", &l.title)))
        .collect();
    links_section("related on-cv", "au-cv", t().cv_mentions, items)
}

fn neighbours(page: &PageView) -> String {
    let link = |to: &Option<LinkRef>, label: &str, class: &str| {
        to.as_ref()
            .map(|p| {
                format!(
                    r#"<a class="{class}"{}><span>{}</span>{}</a>"#,
                    attr("href", &link(&p.route)),
                    escape(label),
                    escape(&p.title)
                )
            })
            .unwrap_or_default()
    };
    format!(
        r#"<nav class="prev-next"{}>{}{}</nav>"#,
        attr("aria-label", t().neighbours),
        link(&page.prev, t().previous, "prev"),
        link(&page.next, t().next, "next"),
    )
}
