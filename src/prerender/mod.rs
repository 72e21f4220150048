//! After Trunk has built `index.html`: every route rendered by the app's own
//! components into a real HTML file (title, description, canonical URL, social
//! tags, readable content, and the route's data for hydration), each route's
//! data as a small JSON file under `data/<build hash>/`, plus `404.html`,
//! `sitemap.xml`, `robots.txt`, `feed.xml`, the search index under a hashed
//! name, and a Content-Security-Policy.

mod feeds;
mod head;
mod render;
pub mod routes;
pub mod synthese;
mod template;

use crate::bundle::{Bundle, BUNDLE_FILE};
use crate::data::{self, LinkRef, RouteData, View, DATA_VERSION};
use crate::search::SEARCH_FILE;
use head::Head;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::path::Path;
use template::{Page, Template};

pub struct Outcome {
    pub files: usize,
    /// `data/<hash>/`: where this build's route data is.
    pub data_dir: String,
    pub warnings: Vec<String>,
}

fn hash(bytes: impl IntoIterator<Item = impl AsRef<[u8]>>) -> String {
    let mut hasher = Sha256::new();
    for b in bytes {
        hasher.update(b.as_ref());
    }
    hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Trunk's `index.html` in `dist`, when it is still the bare shell (not yet prerendered).
pub fn shell(dist: &Path) -> Option<String> {
    let index = std::fs::read_to_string(dist.join("index.html")).ok()?;
    index.contains(r#"<div id="app">"#).then_some(index)
}

/// `vitrine prerender`: from the `content.json` and `search.json` that `vitrine build` wrote.
pub fn prerender_files(dist: &Path) -> Result<Outcome, String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {}: {e}", dist.join(name).display()))
    };
    let index = shell(dist).ok_or_else(|| format!("{} holds no Trunk index.html to fill", dist.display()))?;
    let bundle: Bundle =
        serde_json::from_slice(&read(BUNDLE_FILE)?).map_err(|e| format!("{BUNDLE_FILE} cannot be read: {e}"))?;
    let search = read(SEARCH_FILE)?;
    let outcome = prerender(dist, &index, &bundle, search)?;
    std::fs::remove_file(dist.join(BUNDLE_FILE)).map_err(|e| e.to_string())?;
    std::fs::remove_file(dist.join(SEARCH_FILE)).map_err(|e| e.to_string())?;
    Ok(outcome)
}

/// Fills `dist` (holding Trunk's `index.html`, given as `index`) with every route.
pub fn prerender(dist: &Path, index: &str, bundle: &Bundle, search: Vec<u8>) -> Result<Outcome, String> {
    let io = |e: std::io::Error| e.to_string();
    let clock = crate::clock::Clock::start();

    let mut all = routes::all(bundle);
    all.push(routes::not_found(bundle));
    let json: Vec<String> = all
        .par_iter()
        .map(|d| serde_json::to_string(d).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    // Every file of a build lives under a name no other build uses, so a page
    // of one deploy never reads the data of another.
    let data_dir = format!("data/{}/", hash(json.iter().chain([&DATA_VERSION.to_string()])));
    let search_file = format!("search.{}.json", hash([&search]));
    let template = Template::new(index, &data_dir, &search_file)?;
    clock.lap("route data");

    let files: Vec<(String, Vec<u8>)> = all
        .into_par_iter()
        .zip(json)
        .map(|(data, json)| route_files(&template, bundle, &data_dir, data, json))
        .collect::<Result<Vec<_>, String>>()?
        .into_iter()
        .flatten()
        .collect();
    clock.lap("route pages rendered");
    let mut warnings = Vec::new();
    let pages: Vec<String> = files
        .iter()
        .filter_map(|(rel, _)| rel.strip_suffix("index.html"))
        .map(|dir| format!("/{}", dir.trim_end_matches('/')))
        .collect();
    let mut extra: Vec<(String, Vec<u8>)> = vec![
        (format!("{data_dir}routes.json"), routes_json(bundle)?),
        (search_file, search),
        ("robots.txt".into(), feeds::robots(bundle).into_bytes()),
    ];
    if let Some(csv) = synthese::csv(bundle)? {
        extra.push((synthese::CSV_FILE.into(), csv));
    }
    extra.extend(aliases(bundle, &template, &pages, &mut warnings));
    if bundle.site.base_url.is_empty() {
        warnings.push(
            "no `base_url` in the site settings, so no sitemap.xml, feed.xml or canonical URLs: \
             set `base_url = \"https://…\"` in content/site.toml"
                .into(),
        );
    } else {
        let listed: Vec<String> = pages.iter().filter(|r| *r != "/recherche").cloned().collect();
        extra.push(("sitemap.xml".into(), feeds::sitemap(bundle, &listed).into_bytes()));
        extra.push(("feed.xml".into(), feeds::atom(bundle).into_bytes()));
    }
    let count = files.len() + extra.len();
    // Straight writes, no temporary file each: the folder is Trunk's staging
    // folder, which replaces dist/ only once the whole build succeeded.
    let folders: std::collections::BTreeSet<_> = files
        .iter()
        .chain(&extra)
        .filter_map(|(rel, _)| dist.join(rel).parent().map(Path::to_path_buf))
        .collect();
    folders.iter().try_for_each(std::fs::create_dir_all).map_err(io)?;
    files
        .into_par_iter()
        .chain(extra)
        .try_for_each(|(rel, bytes)| std::fs::write(dist.join(rel), bytes))
        .map_err(io)?;
    clock.lap("files written");
    Ok(Outcome {
        files: count,
        data_dir,
        warnings,
    })
}

/// The files of one route: its data, and its HTML page when it has an address of its own.
fn route_files(
    template: &Template,
    bundle: &Bundle,
    data_dir: &str,
    data: RouteData,
    json: String,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let site = &bundle.site;
    let mut out = Vec::new();
    let key = data.route.clone();
    let html_file = if key == "/404" {
        Some("404.html".to_string())
    } else if key == "/" {
        Some("index.html".to_string())
    } else if key.contains('?') {
        None
    } else {
        Some(format!("{}/index.html", &key[1..]))
    };
    if let Some(html_file) = html_file {
        let not_found = matches!(data.view, View::NotFound(_));
        let head = make_head(bundle, &data, not_found);
        let body = render::render(data);
        let page = Page {
            body: &body,
            json: &json,
            lang: &site.lang,
            // 404.html answers any address: the app renders it afresh for the one asked.
            hydrate: !not_found,
        };
        out.push((html_file, template.fill(&head, &page).into_bytes()));
    }
    if key != "/404" {
        let file = data::file(&key).ok_or_else(|| format!("route {key} has no data file name"))?;
        out.push((format!("{data_dir}{file}"), json.into_bytes()));
    }
    Ok(out)
}

fn make_head<'a>(bundle: &'a Bundle, data: &RouteData, not_found: bool) -> Head<'a> {
    let site = &bundle.site;
    let base_url = site.base_url.as_str();
    let meta = data.meta();
    let mut head = Head {
        title: data.document_title(),
        description: meta.description,
        canonical: (!base_url.is_empty() && !not_found).then(|| feeds::absolute(base_url, &data.route)),
        image: None,
        site_name: &site.title,
        lang: &site.lang,
        kind: "website",
    };
    if let View::Page(page) = &data.view {
        head.kind = "article";
        head.image = page.image.as_ref().and_then(|i| {
            let src = if i.src.starts_with('/') {
                (!base_url.is_empty()).then(|| format!("{base_url}{}", i.src))?
            } else {
                i.src.clone()
            };
            Some((src, i.alt.clone()))
        });
    }
    head
}

/// Every page's route and title: what the app reads to tell a mistyped address
/// (with a suggestion) from a page whose data file is missing.
fn routes_json(bundle: &Bundle) -> Result<Vec<u8>, String> {
    let routes: Vec<LinkRef> = bundle
        .pages
        .iter()
        .map(|p| LinkRef {
            route: p.route.clone(),
            title: p.title.clone(),
        })
        .collect();
    serde_json::to_vec(&routes).map_err(|e| e.to_string())
}

/// A redirecting page for each alias that is not already a route.
fn aliases(
    bundle: &Bundle,
    template: &Template,
    pages: &[String],
    warnings: &mut Vec<String>,
) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for page in &bundle.pages {
        for alias in &page.aliases {
            let trimmed = alias.trim_matches('/');
            if trimmed.is_empty() || pages.iter().any(|r| r.trim_start_matches('/') == trimmed) {
                warnings.push(format!(
                    "alias `{alias}` of {} is already a page; no redirect written",
                    page.route
                ));
                continue;
            }
            out.push((
                format!("{trimmed}/index.html"),
                template.redirect(&page.route).into_bytes(),
            ));
        }
    }
    out
}
