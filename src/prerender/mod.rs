//! After Trunk has built `index.html`: every route rendered by the app's own
//! components into a real HTML file (title, description, canonical URL, social
//! tags, readable content, and the route's data for hydration), each route's
//! data as a small file under `data/<build hash>/` (see `crate::data`), plus `404.html`,
//! `sitemap.xml`, `robots.txt`, `feed.xml`, the search index under a hashed
//! name, and a Content-Security-Policy.

mod feeds;
mod head;
pub mod render;
pub mod routes;
pub mod synthese;
mod template;

use crate::bundle::{Bundle, BUNDLE_FILE};
use crate::data::{self, LinkRef, RouteData, View, DATA_VERSION};
use crate::search::SEARCH_FILE;
use head::Head;
use rayon::prelude::*;
use std::path::Path;
use template::{Page, Template};
use xxhash_rust::xxh3::Xxh3;

pub struct Outcome {
    pub files: usize,
    /// `data/<hash>/`: where this build's route data is.
    pub data_dir: String,
    pub warnings: Vec<String>,
}

/// Trunk's `index.html` in `dist`, when it is still the bare shell (not yet prerendered).
pub fn shell(dist: &Path) -> Option<String> {
    let index = std::fs::read_to_string(dist.join("index.html")).ok()?;
    index.contains(r#"<div id="app">"#).then_some(index)
}

/// Whether `dist` holds pages Vitrine has prerendered (its `index.html` names a data folder).
pub fn built(dist: &Path) -> bool {
    std::fs::read_to_string(dist.join("index.html")).is_ok_and(|index| index.contains(r#"<meta name="vitrine-data""#))
}

/// `vitrine prerender`: from the `content.json` and `search.bin` that `vitrine build` wrote.
pub fn prerender_files(dist: &Path) -> Result<Outcome, String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {}: {e}", dist.join(name).display()))
    };
    let index = shell(dist).ok_or_else(|| format!("{} holds no Trunk index.html to fill", dist.display()))?;
    let bundle: Bundle =
        serde_json::from_slice(&read(BUNDLE_FILE)?).map_err(|e| format!("{BUNDLE_FILE} cannot be read: {e}"))?;
    let search = read(SEARCH_FILE)?;
    let outcome = prerender(dist, &index, &bundle, |path| {
        std::fs::write(path, search).map_err(|e| e.to_string())
    })?;
    std::fs::remove_file(dist.join(BUNDLE_FILE)).map_err(|e| e.to_string())?;
    std::fs::remove_file(dist.join(SEARCH_FILE)).map_err(|e| e.to_string())?;
    Ok(outcome)
}

/// Fills `dist` (holding Trunk's `index.html`, given as `index`) with every
/// route. Each route is built, rendered and written in one go, in parallel,
/// so memory does not grow with the site. `search` writes the search index
/// to the path given, meanwhile.
pub fn prerender(
    dist: &Path,
    index: &str,
    bundle: &Bundle,
    search: impl FnOnce(&Path) -> Result<(), String> + Send,
) -> Result<Outcome, String> {
    let io = |e: std::io::Error| e.to_string();
    let clock = crate::clock::Clock::start();
    crate::text::set_lang(&bundle.site.lang);
    let pages = routes::index(bundle);
    // Every file of a build lives under a name no other build uses, so a page
    // of one deploy never reads the data of another.
    // The search index follows from the same inputs: it is named by the same hash.
    let data_hash = data_hash(bundle)?;
    let data_dir = format!("data/{data_hash}/");
    let search_file = format!("search.{data_hash}.bin");
    let template = Template::new(index, &data_dir, &search_file, &bundle.site.lang)?;
    clock.lap("data folder name");

    let emit = |data: RouteData| route_files(dist, &template, bundle, &data_dir, data);
    let (searched, (written, feed)) = rayon::join(
        || search(&dist.join(&search_file)),
        || every_route(bundle, &pages, &emit),
    );
    searched?;
    let written: Vec<(usize, Option<String>)> = written.into_iter().collect::<Result<_, String>>()?;
    clock.lap("routes rendered and written");
    let mut warnings = Vec::new();
    let routes: Vec<String> = written.iter().filter_map(|(_, route)| route.clone()).collect();
    let mut extra: Vec<(String, Vec<u8>)> = vec![
        (format!("{data_dir}routes.bin"), routes_file(bundle)?),
        ("robots.txt".into(), feeds::robots(bundle).into_bytes()),
    ];
    if let Some(csv) = synthese::csv(bundle)? {
        extra.push((synthese::CSV_FILE.into(), csv));
    }
    extra.extend(aliases(bundle, &template, &routes, &mut warnings));
    // A section that redirects (Zola's `redirect_to`): its list's page sends visitors on.
    extra.extend(bundle.redirects.iter().map(|(from, to)| {
        (
            format!("{}/index.html", from.trim_matches('/')),
            template.redirect(to).into_bytes(),
        )
    }));
    if bundle.site.base_url.is_empty() {
        warnings.push(
            "no `base_url` in the site settings, so no sitemap.xml, feed.xml or canonical URLs: \
             set `base_url = \"https://…\"` in content/site.toml"
                .into(),
        );
    } else {
        let redirected = |r: &String| bundle.redirects.iter().any(|(from, _)| from == r);
        let listed: Vec<String> = routes
            .iter()
            .filter(|r| *r != "/recherche" && !redirected(r))
            .cloned()
            .collect();
        extra.push((
            "sitemap.xml".into(),
            feeds::sitemap(bundle, &pages, &listed).into_bytes(),
        ));
        extra.extend(feed.map(|feed| ("feed.xml".to_string(), feed.into_bytes())));
    }
    let count = written.iter().map(|(files, _)| files).sum::<usize>() + extra.len();
    extra
        .into_par_iter()
        .try_for_each(|(rel, bytes)| write(&dist.join(rel), &bytes))
        .map_err(io)?;
    clock.lap("other files written");
    Ok(Outcome {
        files: count,
        data_dir,
        warnings,
    })
}

/// Every route handed to `emit`, lists first, then pages, and the Atom feed
/// made beside them (when the site has an address).
fn every_route<T: Send>(bundle: &Bundle, pages: &routes::Index, emit: &routes::Emit<T>) -> (Vec<T>, Option<String>) {
    let mut written = routes::collections(bundle, pages, emit);
    let (pages_written, feed) = rayon::join(
        || {
            bundle
                .pages
                .par_iter()
                .map(|p| emit(routes::page(bundle, pages, p)))
                .collect::<Vec<_>>()
        },
        || (!bundle.site.base_url.is_empty()).then(|| feeds::atom(bundle)),
    );
    written.extend(pages_written);
    (written, feed)
}

/// The name of this build's data folder: a hash of all that decides the data
/// files (the site library, the data format, this very program), so that an
/// unchanged site keeps its name and browsers their cache, and any change
/// gets a new one. A fingerprint, not a seal: xxh3, 128 bits, of which 48 name it.
fn data_hash(bundle: &Bundle) -> Result<String, String> {
    // Each page hashed on its own, in parallel.
    let pages = bundle.pages.par_iter().map(digest).collect::<Result<Vec<_>, _>>()?;
    let mut hasher = Xxh3::new();
    hasher.update(&bundle.version.to_le_bytes());
    hasher.update(&DATA_VERSION.to_le_bytes());
    // This program, named by its sources at compile time (build.rs).
    hasher.update(env!("VITRINE_PROGRAM_ID").as_bytes());
    for part in [digest(&bundle.site)?, digest(&bundle.tags)?, digest(&bundle.intros)?]
        .iter()
        .chain(&pages)
    {
        hasher.update(&part.to_le_bytes());
    }
    Ok(hasher
        .digest128()
        .to_le_bytes()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The hash of a value in the data files' format (as the same bytes streamed
/// through xxh3 would give, hashed at once: much faster than byte by byte).
fn digest<T: serde::Serialize>(value: &T) -> Result<u128, String> {
    let bytes = postcard::to_allocvec(value).map_err(|e| e.to_string())?;
    Ok(xxhash_rust::xxh3::xxh3_128(&bytes))
}

/// Straight writes, no temporary file each: the folder is Trunk's staging
/// folder, which replaces dist/ only once the whole build succeeded. The
/// folder is made only when missing (most files go where others already are).
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::write(path, bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder)?;
            }
            std::fs::write(path, bytes)
        }
        done => done,
    }
}

/// Writes one route's files: its data, and its HTML page when it has an
/// address of its own. Returns how many files, and the page's route.
fn route_files(
    dist: &Path,
    template: &Template,
    bundle: &Bundle,
    data_dir: &str,
    mut data: RouteData,
) -> Result<(usize, Option<String>), String> {
    let failed = |e: std::io::Error| e.to_string();
    let bytes = data::encode_route(&data)?;
    let key = data.route.clone();
    let mut files = 0;
    let html_file = if key == "/404" {
        Some("404.html".to_string())
    } else if key == "/" {
        Some("index.html".to_string())
    } else if key.contains('?') {
        None
    } else {
        Some(format!("{}/index.html", &key[1..]))
    };
    if let Some(html_file) = &html_file {
        let not_found = matches!(data.view, View::NotFound(_));
        let head = make_head(bundle, &data, not_found);
        let embedded = data::encode_embedded(&mut data)?;
        let body = render::render(data);
        let page = Page {
            body: &body,
            data: &data::embed_text(&embedded),
            // 404.html answers any address: the app renders it afresh for the one asked.
            hydrate: !not_found,
        };
        let path = dist.join(html_file);
        // A page's own folder is new: made first, without a failed write before it.
        if let Some(folder) = path.parent().filter(|_| html_file.ends_with("/index.html")) {
            let _ = std::fs::create_dir(folder);
        }
        write(&path, &template.fill(&head, &page)).map_err(failed)?;
        files += 1;
    }
    if key != "/404" {
        let file = data::file(&key).ok_or_else(|| format!("route {key} has no data file name"))?;
        write(&dist.join(format!("{data_dir}{file}")), &bytes).map_err(failed)?;
        files += 1;
    }
    let page = html_file.filter(|f| f.ends_with("index.html")).map(|_| key);
    Ok((files, page))
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
fn routes_file(bundle: &Bundle) -> Result<Vec<u8>, String> {
    let routes: Vec<LinkRef> = bundle
        .pages
        .iter()
        .map(|p| LinkRef {
            route: p.route.clone(),
            title: p.title.clone(),
        })
        .collect();
    data::encode(&routes)
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
