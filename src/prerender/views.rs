//! The app's views as static HTML, for visitors and crawlers without
//! JavaScript. Same markup and classes as `src/app/`, so the app takes over
//! without a visible change.

use crate::bundle::{relative_link as link, Bundle, Kind, Page, TagRef};
use crate::compiler::markdown::escape;
use crate::text::{format_date, FR as T};

/// The whole mount point for one route: header, main view, footer.
pub fn shell(bundle: &Bundle, route: &str, main: &str) -> String {
    let section = |href: &str, label: &str| {
        let current = route == format!("/{href}") || route.starts_with(&format!("/{href}/"));
        let aria = if current { r#" aria-current="page""# } else { "" };
        format!(r#"<li><a href="{href}"{aria}>{label}</a></li>"#)
    };
    let author = if bundle.site.author.is_empty() {
        String::new()
    } else {
        format!("© {} · ", escape(&bundle.site.author))
    };
    format!(
        r##"<a class="skip-link" href="{skip}#contenu">{skip_label}</a><header class="site-header"><div class="wrap header-row"><a class="site-title" href="./">{title}</a><button class="menu-toggle" aria-expanded="false" aria-controls="nav-principale">{menu}</button><nav id="nav-principale" aria-label="{nav}"><ul>{c}{p}{t}</ul></nav><div class="search" role="search"><label class="visually-hidden" for="recherche">{search_label}</label><input id="recherche" type="search" placeholder="{search_placeholder}" autocomplete="off"></div><button class="theme-toggle" type="button" aria-pressed="false" title="{theme}"><span aria-hidden="true">☀</span><span class="visually-hidden">{theme}</span></button></div></header><main id="contenu" tabindex="-1">{main}</main><footer class="site-footer"><div class="wrap"><p>{author}{footer}</p></div></footer>"##,
        skip = link(route),
        skip_label = T.skip_to_content,
        title = escape(&bundle.site.title),
        menu = T.menu,
        nav = T.main_nav,
        c = section("competences", T.competences_title),
        p = section("projets", T.projets_title),
        t = section("tags", T.tags_title),
        footer = T.footer,
        theme = T.dark_theme,
        search_label = T.search_label,
        search_placeholder = escape(T.search_placeholder),
    )
}

/// Tag chips with their page counts.
fn counted_chips<'a>(tags: impl Iterator<Item = &'a crate::bundle::Tag>) -> String {
    tags.map(|t| {
        format!(
            r#"<li><a class="chip" href="tags/{}">{}<span class="count">{}</span></a></li>"#,
            t.slug,
            escape(&t.name),
            t.count
        )
    })
    .collect()
}

fn chips(tags: &[TagRef]) -> String {
    let items: String = tags
        .iter()
        .map(|t| {
            format!(
                r#"<li><a class="chip" href="tags/{}">{}</a></li>"#,
                t.slug,
                escape(&t.name)
            )
        })
        .collect();
    format!(r#"<ul class="chips">{items}</ul>"#)
}

fn meta(page: &Page) -> String {
    let date = page
        .date
        .as_deref()
        .map(|d| format!(r#"<time datetime="{d}">{}</time>"#, format_date(d)))
        .unwrap_or_default();
    let draft = if page.draft {
        format!(r#"<span class="badge">{}</span>"#, T.draft)
    } else {
        String::new()
    };
    format!(
        r#"<p class="meta">{date}<span>{} {}</span>{draft}</p>"#,
        page.reading_minutes, T.reading_time
    )
}

fn image(src: &str, alt: &str, width: Option<u32>, height: Option<u32>, class: &str, lazy: bool) -> String {
    let size = match (width, height) {
        (Some(w), Some(h)) => format!(r#" width="{w}" height="{h}""#),
        _ => String::new(),
    };
    let src = if src.starts_with('/') {
        link(src)
    } else {
        src.to_string()
    };
    let loading = if lazy { r#" loading="lazy""# } else { "" };
    format!(
        r#"<img class="{class}" src="{}" alt="{}"{size}{loading}>"#,
        escape(&src),
        escape(alt)
    )
}

fn card(page: &Page, with_image: bool, level: u8) -> String {
    let img = page
        .image
        .as_ref()
        .filter(|_| with_image)
        .map(|i| image(&i.src, &i.alt, i.width, i.height, "card-image", true))
        .unwrap_or_default();
    let description = if page.description.is_empty() {
        &page.summary
    } else {
        &page.description
    };
    format!(
        r#"<article class="card">{img}<div class="card-body"><h{level} class="card-title"><a href="{}">{}</a></h{level}>{}<p>{}</p>{}</div></article>"#,
        link(&page.route),
        escape(&page.title),
        meta(page),
        escape(description),
        chips(&page.tags)
    )
}

fn cards<'a>(pages: impl IntoIterator<Item = &'a Page>, with_image: bool, level: u8) -> String {
    let items: String = pages.into_iter().map(|p| card(p, with_image, level)).collect();
    format!(r#"<div class="cards">{items}</div>"#)
}

pub fn home(bundle: &Bundle) -> String {
    let site = &bundle.site;
    let links: String = site
        .links
        .iter()
        .map(|l| {
            format!(
                r#"<li><a href="{}" rel="noopener noreferrer">{}</a></li>"#,
                escape(&l.url),
                escape(&l.label)
            )
        })
        .collect();
    let mut projets: Vec<&Page> = bundle.section(Kind::Projet).collect();
    projets.sort_by(|a, b| b.date.cmp(&a.date));
    let tags = counted_chips(bundle.tags.iter().take(8));
    let name = if site.author.is_empty() {
        &site.title
    } else {
        &site.author
    };
    format!(
        r#"<div class="wrap home"><section class="hero"><h1>{}</h1><p class="tagline">{}</p><ul class="social">{links}</ul></section><section aria-labelledby="derniers-projets"><div class="section-head"><h2 id="derniers-projets">{latest}</h2><a href="projets">{all}</a></div>{}</section><section aria-labelledby="competences"><div class="section-head"><h2 id="competences">{comp}</h2><a href="competences">{all}</a></div>{}</section><section aria-labelledby="themes"><h2 id="themes">{tags_title}</h2><ul class="chips">{tags}</ul></section></div>"#,
        escape(name),
        escape(&site.tagline),
        cards(projets.into_iter().take(3), true, 3),
        cards(bundle.section(Kind::Competence), false, 3),
        latest = T.latest_projets,
        all = T.see_all,
        comp = T.competences_title,
        tags_title = T.tags_title,
    )
}

pub fn list(bundle: &Bundle, kind: Kind) -> String {
    let (title, intro) = match kind {
        Kind::Competence => (T.competences_title, T.competences_intro),
        Kind::Projet => (T.projets_title, T.projets_intro),
    };
    let section = kind.section();
    let mut tags: Vec<&TagRef> = Vec::new();
    for page in bundle.section(kind) {
        for tag in &page.tags {
            if !tags.iter().any(|t| t.slug == tag.slug) {
                tags.push(tag);
            }
        }
    }
    tags.sort_by_key(|t| t.name.to_lowercase());
    let chips: String = tags
        .iter()
        .map(|t| {
            format!(
                r#"<li><a class="chip" href="{section}?tag={}">{}</a></li>"#,
                t.slug,
                escape(&t.name)
            )
        })
        .collect();
    format!(
        r#"<div class="wrap"><h1>{title}</h1><p class="lead">{intro}</p><ul class="chips filter" aria-label="{filter}"><li><a class="chip" href="{section}" aria-current="true">{all}</a></li>{chips}</ul>{}</div>"#,
        cards(bundle.section(kind), kind == Kind::Projet, 2),
        filter = T.filter_by_tag,
        all = T.all_tags,
    )
}

pub fn page(bundle: &Bundle, page: &Page) -> String {
    let description = if page.description.is_empty() {
        String::new()
    } else {
        format!(r#"<p class="lead">{}</p>"#, escape(&page.description))
    };
    let hero = page
        .image
        .as_ref()
        .map(|i| image(&i.src, &i.alt, i.width, i.height, "hero-image", false))
        .unwrap_or_default();
    let toc = if page.toc.len() > 1 {
        let items: String = page
            .toc
            .iter()
            .map(|e| {
                format!(
                    r#"<li class="toc-l{}"><a href="{}#{}">{}</a></li>"#,
                    e.level,
                    link(&page.route),
                    e.id,
                    escape(&e.title)
                )
            })
            .collect();
        format!(
            r#"<nav class="toc" aria-labelledby="sommaire"><h2 id="sommaire">{}</h2><ol>{items}</ol></nav>"#,
            T.toc
        )
    } else {
        String::new()
    };
    let (other, heading) = match page.kind {
        Kind::Competence => (Kind::Projet, T.linked_projets),
        Kind::Projet => (Kind::Competence, T.linked_competences),
    };
    let mut seen: Vec<&str> = Vec::new();
    let related: String = page
        .links
        .iter()
        .chain(&page.backlinks)
        .filter_map(|r| bundle.page(r))
        .filter(|p| p.kind == other)
        .filter(|p| {
            let new = !seen.contains(&p.route.as_str());
            seen.push(&p.route);
            new
        })
        .map(|p| format!(r#"<li><a href="{}">{}</a></li>"#, link(&p.route), escape(&p.title)))
        .collect();
    let related = if related.is_empty() {
        String::new()
    } else {
        format!(
            r#"<section class="related" aria-labelledby="lies"><h2 id="lies">{heading}</h2><ul>{related}</ul></section>"#
        )
    };
    let neighbour = |route: &Option<String>, label: &str, class: &str| {
        route
            .as_ref()
            .and_then(|r| bundle.page(r))
            .map(|p| {
                format!(
                    r#"<a class="{class}" href="{}"><span>{label}</span>{}</a>"#,
                    link(&p.route),
                    escape(&p.title)
                )
            })
            .unwrap_or_default()
    };
    format!(
        r#"<article class="wrap page"><header class="page-header"><h1>{}</h1>{description}{}{}</header>{hero}<div class="page-layout">{toc}<div class="prose">{}</div></div>{related}<nav class="prev-next" aria-label="{}">{}{}</nav></article>"#,
        escape(&page.title),
        meta(page),
        chips(&page.tags),
        page.html,
        T.neighbours,
        neighbour(&page.prev, T.previous, "prev"),
        neighbour(&page.next, T.next, "next"),
    )
}

pub fn tags(bundle: &Bundle) -> String {
    let items = counted_chips(bundle.tags.iter());
    format!(
        r#"<div class="wrap"><h1>{}</h1><p class="lead">{}</p><ul class="chips big">{items}</ul></div>"#,
        T.tags_title, T.tags_intro
    )
}

pub fn tag(bundle: &Bundle, tag: &crate::bundle::Tag) -> String {
    let groups: String = Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let pages: Vec<&Page> = tag
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
                format!(
                    "<section><h2>{heading}</h2>{}</section>",
                    cards(pages, kind == Kind::Projet, 3)
                )
            })
        })
        .collect();
    let count = format!(
        "{} {}",
        tag.count,
        if tag.count == 1 { T.pages_one } else { T.pages_many }
    );
    format!(
        r#"<div class="wrap"><p class="eyebrow"><a href="tags">{}</a></p><h1>{}</h1><p class="lead">{count}</p>{groups}</div>"#,
        T.tags_title,
        escape(&tag.name)
    )
}

pub fn not_found() -> String {
    format!(
        r#"<div class="wrap not-found"><h1>{}</h1><p>{}</p><p><a class="button" href="./">{}</a></p></div>"#,
        T.not_found_title, T.not_found_body, T.back_home
    )
}

pub fn search() -> String {
    format!(
        r#"<div class="wrap"><h1>{}</h1><p class="empty">{}</p></div>"#,
        T.search_title, T.search_empty
    )
}
