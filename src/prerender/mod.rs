//! After Trunk has built `index.html`: one real HTML file per route, with its
//! title, description, canonical URL, social tags and readable content, so every
//! route works without JavaScript and on any static host; plus `404.html`,
//! `sitemap.xml`, `robots.txt`, `feed.xml`, the bundle under a hashed name, and
//! a Content-Security-Policy.

mod feeds;
mod head;
mod template;
mod views;

use crate::bundle::{Bundle, Kind, BUNDLE_FILE};
use crate::compiler::write::write_atomic;
use crate::search::SEARCH_FILE;
use crate::text::FR as T;
use head::Head;
use sha2::{Digest, Sha256};
use std::path::Path;
use template::Template;

pub struct Outcome {
    pub files: usize,
    pub bundle_file: String,
    pub warnings: Vec<String>,
}

pub fn prerender(dist: &Path) -> Result<Outcome, String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {}: {e}", dist.join(name).display()))
    };
    let index = String::from_utf8(read("index.html")?).map_err(|_| "index.html is not UTF-8".to_string())?;
    let json = read(BUNDLE_FILE)?;
    let bundle: Bundle = serde_json::from_slice(&json).map_err(|e| format!("{BUNDLE_FILE} cannot be read: {e}"))?;
    let mut warnings = Vec::new();

    // Cache busting: the app finds the bundle's hashed name in its HTML, so a
    // redeployed app never reads an older bundle from a cache, nor the reverse.
    let hashed = |bytes: &[u8], stem: &str| {
        let hash: String = Sha256::digest(bytes)
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("{stem}.{hash}.json")
    };
    let bundle_file = hashed(&json, "content");
    let search = read(SEARCH_FILE)?;
    let search_file = hashed(&search, "search");
    let template = Template::new(&index, &bundle_file, &search_file)?;
    let io = |e: std::io::Error| e.to_string();
    let mut files = 0;
    let mut write = |rel: &str, text: &str| -> Result<(), String> {
        files += 1;
        write_atomic(&dist.join(rel), text.as_bytes()).map_err(io)
    };

    let base_url = bundle.site.base_url.as_str();
    let canonical = |route: &str| (!base_url.is_empty()).then(|| feeds::absolute(base_url, route));
    let site = &bundle.site;
    let head =
        |title: Option<&str>, description: &str, route: &str| make_head(site, title, description, canonical(route));

    let mut routes: Vec<String> = Vec::new();
    let mut render = |route: &str, head: Head, main: String| -> Result<(), String> {
        let html = template.fill(&head, &views::shell(&bundle, route, &main), &site.lang);
        let rel = if route == "/" {
            "index.html".to_string()
        } else {
            format!("{}/index.html", &route[1..])
        };
        routes.push(route.to_string());
        write(&rel, &html)
    };

    render("/", head(None, &site.tagline, "/"), views::home(&bundle))?;
    for kind in Kind::ALL {
        let (title, intro) = match kind {
            Kind::Competence => (T.competences_title, T.competences_intro),
            Kind::Projet => (T.projets_title, T.projets_intro),
        };
        let route = format!("/{}", kind.section());
        render(&route, head(Some(title), intro, &route), views::list(&bundle, kind))?;
    }
    render(
        "/tags",
        head(Some(T.tags_title), T.tags_intro, "/tags"),
        views::tags(&bundle),
    )?;
    render(
        "/recherche",
        head(Some(T.search_title), T.search_empty, "/recherche"),
        views::search(),
    )?;
    for tag in &bundle.tags {
        let route = format!("/tags/{}", tag.slug);
        let description = format!("{} : {}", T.tag_title, tag.name);
        render(
            &route,
            head(Some(&tag.name), &description, &route),
            views::tag(&bundle, tag),
        )?;
    }
    for page in &bundle.pages {
        let mut h = head(Some(&page.title), &page.description, &page.route);
        h.kind = "article";
        h.image = page.image.as_ref().and_then(|i| {
            let src = if i.src.starts_with('/') {
                (!base_url.is_empty()).then(|| format!("{base_url}{}", i.src))?
            } else {
                i.src.clone()
            };
            Some((src, i.alt.clone()))
        });
        render(&page.route, h, views::page(&bundle, page))?;
    }
    let not_found = template.fill(
        &head(Some(T.not_found_title), T.not_found_body, "/"),
        &views::shell(&bundle, "/404", &views::not_found()),
        &site.lang,
    );
    write("404.html", &template.without_canonical(&not_found))?;

    for page in &bundle.pages {
        for alias in &page.aliases {
            let rel = format!("{}/index.html", alias.trim_matches('/'));
            if alias.trim_matches('/').is_empty() || routes.contains(&format!("/{}", alias.trim_matches('/'))) {
                warnings.push(format!(
                    "alias `{alias}` of {} is already a page; no redirect written",
                    page.route
                ));
                continue;
            }
            write(&rel, &template.redirect(&page.route))?;
        }
    }

    write("robots.txt", &feeds::robots(&bundle))?;
    if base_url.is_empty() {
        warnings.push("no `base_url` in the site settings: no sitemap.xml, feed.xml or canonical URLs".into());
    } else {
        write(
            "sitemap.xml",
            &feeds::sitemap(
                &bundle,
                &routes
                    .iter()
                    .filter(|r| *r != "/recherche")
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
        )?;
        write("feed.xml", &feeds::atom(&bundle))?;
    }
    write_atomic(&dist.join(&bundle_file), &json).map_err(io)?;
    write_atomic(&dist.join(&search_file), &search).map_err(io)?;
    std::fs::remove_file(dist.join(BUNDLE_FILE)).map_err(io)?;
    std::fs::remove_file(dist.join(SEARCH_FILE)).map_err(io)?;
    Ok(Outcome {
        files: files + 2,
        bundle_file,
        warnings,
    })
}

fn make_head<'a>(
    site: &'a crate::bundle::Site,
    title: Option<&str>,
    description: &str,
    canonical: Option<String>,
) -> Head<'a> {
    Head {
        title: match title {
            Some(t) if t != site.title => format!("{t} — {}", site.title),
            _ => site.title.clone(),
        },
        description: if description.is_empty() {
            site.tagline.clone()
        } else {
            description.to_string()
        },
        canonical,
        image: None,
        site_name: &site.title,
        lang: &site.lang,
        kind: "website",
    }
}
