//! After Trunk has built `index.html`: every route rendered by the app's own
//! components into a real HTML file (title, description, canonical URL, social
//! tags, readable content, and the route's data for hydration), each route's
//! data as a small file under `data/<build hash>/` (see `crate::data`), plus `404.html`,
//! `sitemap.xml`, `robots.txt`, `feed.xml`, the search index under a hashed
//! name, and a Content-Security-Policy.

mod feeds;
mod head;
mod languages;
pub mod render;
pub mod routes;
pub mod synthese;
mod template;

use crate::bundle::{Bundle, BUNDLE_FILE};
use crate::data::{self, LinkRef, RouteData, View, DATA_VERSION};
use crate::search::{shards, SearchIndex, SEARCH_FILE};
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

/// `vitrine prerender`: from the `content.json` and `search.json` that `vitrine build` wrote.
pub fn prerender_files(dist: &Path) -> Result<Outcome, String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {}: {e}", dist.join(name).display()))
    };
    let index = shell(dist).ok_or_else(|| format!("{} holds no Trunk index.html to fill", dist.display()))?;
    let bundle: Bundle =
        serde_json::from_slice(&read(BUNDLE_FILE)?).map_err(|e| format!("{BUNDLE_FILE} cannot be read: {e}"))?;
    let search = read(SEARCH_FILE)?;
    let outcome = prerender(dist, &index, std::slice::from_ref(&bundle), |_, folder| {
        let index: SearchIndex = data::decode(&search).map_err(|_| format!("{SEARCH_FILE} cannot be read"))?;
        write_search(index.from_gaps(), folder)
    })?;
    std::fs::remove_file(dist.join(BUNDLE_FILE)).map_err(|e| e.to_string())?;
    std::fs::remove_file(dist.join(SEARCH_FILE)).map_err(|e| e.to_string())?;
    Ok(outcome)
}

/// A language's search index split for the web ([`shards`]) into `folder`.
pub fn write_search(index: SearchIndex, folder: &Path) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
    shards::files(index, shards::SHARD_BYTES)?
        .into_par_iter()
        .try_for_each(|(name, bytes)| write(&folder.join(name), &bytes))
        .map_err(|e| e.to_string())
}

/// Fills `dist` (holding Trunk's `index.html`, given as `index`) with every
/// route of every language (`bundles`: the site's own language first). Each
/// route is built, rendered and written in one go, in parallel, so memory
/// does not grow with the site. `search` writes a language's search index
/// ([`write_search`]) into the folder given, meanwhile.
pub fn prerender(
    dist: &Path,
    index: &str,
    bundles: &[Bundle],
    search: impl Fn(&Bundle, &Path) -> Result<(), String> + Sync,
) -> Result<Outcome, String> {
    let io = |e: std::io::Error| e.to_string();
    let index = &template::inline_stylesheet(index, dist);
    // Every file of a build lives under a name no other build uses, so a page
    // of one deploy never reads the data of another.
    // The search index follows from the same inputs: it is named by the same hash.
    let data_hash = data_hash(bundles)?;
    let data_dir = format!("data/{data_hash}/");
    let languages = languages::Languages::new(bundles);
    let mut warnings = Vec::new();
    let mut count = 0;
    let mut listed = Vec::new();
    for (at, bundle) in bundles.iter().enumerate() {
        let edition = Edition {
            bundle,
            languages: &languages,
            at,
            data_dir: &data_dir,
            data_hash: &data_hash,
        };
        let done = edition.write(dist, index, &search, &mut warnings)?;
        count += done.0;
        listed.push(done.1);
    }
    let main = &bundles[0];
    let mut extra: Vec<(String, Vec<u8>)> = vec![
        (format!("{data_dir}routes.json"), routes_file(bundles)?),
        ("data/schema.json".into(), data::schema().into_bytes()),
        ("robots.txt".into(), feeds::robots(main).into_bytes()),
    ];
    if !main.site.base_url.is_empty() {
        extra.push((
            "sitemap.xml".into(),
            feeds::sitemap(bundles, &listed, &languages).into_bytes(),
        ));
    }
    if !main.site.root.is_empty() {
        // The site's own language in a folder of its own (`/fr/`): the root leads there.
        let template = Template::new(index, &data_dir, "", &main.site.lang)?;
        extra.push(("index.html".into(), template.redirect(&main.site.root).into_bytes()));
    }
    count += extra.len();
    extra
        .into_par_iter()
        .try_for_each(|(rel, bytes)| write(&dist.join(rel), &bytes))
        .map_err(io)?;
    Ok(Outcome {
        files: count,
        data_dir,
        warnings,
    })
}

/// One language's part of the build.
struct Edition<'a> {
    bundle: &'a Bundle,
    languages: &'a languages::Languages,
    /// Its place among the site's languages (0: the site's own).
    at: usize,
    data_dir: &'a str,
    data_hash: &'a str,
}

impl Edition<'_> {
    /// Writes this language's routes, search index, synthesis CSV, redirects
    /// and feed; returns how many files, and the routes the sitemap lists.
    fn write(
        &self,
        dist: &Path,
        index: &str,
        search: &(impl Fn(&Bundle, &Path) -> Result<(), String> + Sync),
        warnings: &mut Vec<String>,
    ) -> Result<(usize, Vec<String>), String> {
        let (bundle, site) = (self.bundle, &self.bundle.site);
        let clock = crate::clock::Clock::start();
        crate::text::set_lang(&site.lang);
        let pages = routes::index(bundle);
        let search_file = in_folder(&site.root, &format!("search.{}/", self.data_hash));
        let template = Template::new(index, self.data_dir, &search_file, &site.lang)?.for_language(&site.root);
        if !site.root.is_empty() {
            std::fs::create_dir_all(dist.join(site.root.trim_start_matches('/'))).map_err(|e| e.to_string())?;
        }
        let emit = |data: RouteData| route_files(dist, &template, self, &pages, data);
        let (searched, (written, feed)) = rayon::join(
            || search(bundle, &dist.join(&search_file)),
            || every_route(bundle, &pages, &emit),
        );
        searched?;
        let written: Vec<(usize, Option<String>)> = written.into_iter().collect::<Result<_, String>>()?;
        clock.lap("routes rendered and written");
        let routes: Vec<String> = written.iter().filter_map(|(_, route)| route.clone()).collect();
        let mut extra: Vec<(String, Vec<u8>)> = Vec::new();
        if let Some(csv) = synthese::csv(bundle)? {
            extra.push((in_folder(&site.root, synthese::CSV_FILE), csv));
        }
        extra.extend(aliases(bundle, &template, &routes, warnings));
        // A section that redirects (Zola's `redirect_to`): its list's page sends visitors on.
        extra.extend(bundle.redirects.iter().map(|(from, to)| {
            (
                format!("{}/index.html", from.trim_matches('/')),
                template.redirect(to).into_bytes(),
            )
        }));
        if site.base_url.is_empty() {
            if self.at == 0 {
                warnings.push(
                    "no `base_url` in the site settings, so no sitemap.xml, feed.xml or canonical URLs: \
                     set `base_url = \"https://…\"` in content/site.toml"
                        .into(),
                );
            }
        } else {
            extra.extend(feed.map(|feed| (in_folder(&site.root, "feed.xml"), feed.into_bytes())));
        }
        let redirected = |r: &String| bundle.redirects.iter().any(|(from, _)| from == r);
        let search_route = site.route("/recherche");
        let listed = routes
            .into_iter()
            .filter(|r| *r != search_route && !redirected(r))
            .collect();
        let count = written.iter().map(|(files, _)| files).sum::<usize>() + extra.len();
        extra
            .into_par_iter()
            .try_for_each(|(rel, bytes)| write(&dist.join(rel), &bytes))
            .map_err(|e| e.to_string())?;
        Ok((count, listed))
    }
}

/// A file of a language's own (`feed.xml` → `en/feed.xml`).
fn in_folder(root: &str, file: &str) -> String {
    match root.trim_start_matches('/') {
        "" => file.to_string(),
        folder => format!("{folder}/{file}"),
    }
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
fn data_hash(bundles: &[Bundle]) -> Result<String, String> {
    let mut hasher = Xxh3::new();
    hasher.update(&DATA_VERSION.to_le_bytes());
    // This program, named by its sources at compile time (build.rs).
    hasher.update(env!("VITRINE_PROGRAM_ID").as_bytes());
    for bundle in bundles {
        // Each page hashed on its own, in parallel.
        let pages = bundle.pages.par_iter().map(digest).collect::<Result<Vec<_>, _>>()?;
        hasher.update(&bundle.version.to_le_bytes());
        for part in [digest(&bundle.site)?, digest(&bundle.tags)?, digest(&bundle.intros)?]
            .iter()
            .chain(&pages)
        {
            hasher.update(&part.to_le_bytes());
        }
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
    edition: &Edition,
    pages: &routes::Index,
    mut data: RouteData,
) -> Result<(usize, Option<String>), String> {
    let failed = |e: std::io::Error| e.to_string();
    let bundle = edition.bundle;
    data.translations = edition.languages.translations(edition.at, &data.route, pages);
    let bytes = data::encode(&data)?;
    let key = data.route.clone();
    let not_found_route = bundle.site.route("/404");
    let mut files = 0;
    let html_file = if key == not_found_route {
        Some(format!("{}.html", &key[1..]))
    } else if key == "/" {
        Some("index.html".to_string())
    } else if key.contains('?') {
        None
    } else {
        Some(format!("{}/index.html", &key[1..]))
    };
    if let Some(html_file) = &html_file {
        let not_found = matches!(data.view, View::NotFound(_));
        let mut head = make_head(bundle, &data, not_found, edition.languages);
        if matches!(data.view, View::Search) {
            // Above `<base href>` in the page: from the host's root.
            let (base, folder) = (&template.base_href, &template.search_folder);
            head.preload = Some(format!("{base}{folder}{}", crate::search::shards::TABLE_FILE));
        }
        let embedded = data::embed_text(&data::encode_embedded(&mut data)?);
        let body = render::render(data);
        let page = Page {
            body: &body,
            data: embedded.as_bytes(),
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
    if key != not_found_route {
        let file = data::file(&key).ok_or_else(|| format!("route {key} has no data file name"))?;
        write(&dist.join(format!("{}{file}", edition.data_dir)), &bytes).map_err(failed)?;
        files += 1;
    }
    let page = html_file.filter(|f| f.ends_with("index.html")).map(|_| key);
    Ok((files, page))
}

fn make_head<'a>(bundle: &'a Bundle, data: &RouteData, not_found: bool, languages: &languages::Languages) -> Head<'a> {
    let site = &bundle.site;
    let base_url = site.base_url.as_str();
    let meta = data.meta();
    let mut head = Head {
        title: data.document_title(),
        description: meta.description,
        canonical: (!base_url.is_empty() && !not_found).then(|| head::absolute(base_url, &data.route)),
        image: None,
        site_name: &site.title,
        lang: &site.lang,
        kind: "website",
        json_ld: None,
        preload: None,
        alternates: if base_url.is_empty() || not_found {
            Vec::new()
        } else {
            languages.alternates(&site.lang, &data.route, &data.translations, base_url)
        },
    };
    if let (View::Cv(_), Some(cv)) = (&data.view, &bundle.cv) {
        head.kind = "profile";
        head.json_ld = Some(cv.json_ld.clone());
    }
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
fn routes_file(bundles: &[Bundle]) -> Result<Vec<u8>, String> {
    let routes = bundles
        .iter()
        .flat_map(|b| &b.pages)
        .map(|p| LinkRef {
            route: p.route.clone(),
            title: p.title.clone(),
        })
        .collect();
    data::encode(&data::Routes { routes })
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
