//! `make a11y`: axe-core in headless Chromium on every route of a built site
//! (its sitemap, plus the page a missing address gets), in the light and dark
//! themes and on a 375 px wide screen. One line per rule broken, with how many
//! elements, the first pages and the file each page is written in; exit
//! status 1 when anything is found.
//!
//! `cargo test` runs it on the sample site (`dist/`); `make a11y SITE=path`
//! builds that site and runs it there (`VITRINE_DIST`, `VITRINE_CONTENT`).
//! The rules are axe's defaults: WCAG 2.0, 2.1 and 2.2 A and AA, and its best
//! practices (a heading level skipped, landmarks).

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use support::{Browser, Host, Server};

/// One element axe found breaking a rule.
struct Found {
    rule: String,
    help: String,
    route: String,
    /// `light`, `dark` or `375 px`.
    view: &'static str,
    target: String,
}

fn main() -> ExitCode {
    if !asked_for() {
        return ExitCode::SUCCESS;
    }
    let dist = support::dist();
    let routes = routes(&dist);
    let files = files();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let found = runtime.block_on(audit(&dist, &routes));
    print!("{}", report(&found, &files, routes.len()));
    if found.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Whether `cargo test FILTER` names this audit (or names nothing), as a test name would.
fn asked_for() -> bool {
    let mut filters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--skip" {
            args.next();
        } else if !arg.starts_with('-') {
            filters.push(arg);
        }
    }
    filters.is_empty() || filters.iter().any(|f| "a11y".contains(f.as_str()))
}

/// Every route of the sitemap (its addresses without the site's own), or of
/// the pages written when there is none (a site without `base_url`), then a
/// missing one (the not-found page).
fn routes(dist: &Path) -> Vec<String> {
    let Ok(sitemap) = std::fs::read_to_string(dist.join("sitemap.xml")) else {
        let mut routes = written_pages(dist);
        routes.push("/une-adresse-qui-n-existe-pas".into());
        return routes;
    };
    let paths: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|l| l.split("</loc>").next())
        .map(|loc| {
            let after_scheme = loc.split_once("://").map_or(loc, |(_, rest)| rest);
            after_scheme.find('/').map_or("/", |at| &after_scheme[at..])
        })
        .collect();
    // The home page is the shortest address: the site's own path (`/portfolio/`).
    let home = paths.iter().min_by_key(|p| p.len()).copied().unwrap_or("/");
    let mut routes: Vec<String> = paths
        .iter()
        .map(|p| format!("/{}", p.strip_prefix(home).unwrap_or(p).trim_end_matches('/')))
        .map(|r| if r.len() > 1 { r } else { "/".into() })
        .collect();
    routes.dedup();
    routes.push("/une-adresse-qui-n-existe-pas".into());
    routes
}

/// The routes of the pages written (`projets/x/index.html`), redirections left out.
fn written_pages(dist: &Path) -> Vec<String> {
    let mut routes: Vec<String> = walkdir::WalkDir::new(dist)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .filter(|e| {
            let html = std::fs::read_to_string(e.path()).unwrap_or_default();
            !html.contains(r#"http-equiv="refresh""#)
        })
        .filter_map(|e| {
            let folder = e.path().parent()?.strip_prefix(dist).ok()?;
            Some(format!("/{}", folder.to_string_lossy()))
        })
        .collect();
    routes.sort();
    routes
}

/// The file behind each route, from the content folder the site was built from.
fn files() -> BTreeMap<String, String> {
    let given = std::env::var_os("VITRINE_CONTENT")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), PathBuf::from);
    let content = vitrine::compiler::readers::settings::site_root_content(&given).unwrap_or(given);
    if !content.is_dir() {
        return BTreeMap::new();
    }
    let options = vitrine::compiler::Options {
        public: vitrine::compiler::readers::static_folders(&content),
        content,
        drafts: std::env::var("VITRINE_FLAGS").is_ok_and(|f| f.contains("--drafts")),
        today: "2100-01-01".into(),
        image_cache: Path::new(env!("CARGO_MANIFEST_DIR")).join("target/vitrine-images"),
    };
    let outcome = vitrine::compiler::compile(&options);
    let here = format!("{}/", std::env::current_dir().unwrap().display());
    outcome
        .files
        .into_iter()
        .map(|(route, file)| (route, file.strip_prefix(&here).unwrap_or(&file).to_string()))
        .collect()
}

async fn audit(dist: &Path, routes: &[String]) -> Vec<Found> {
    let server = Server::start(dist, Host::GitHubPages).await;
    let browser = Browser::start().await;
    let mut found = Vec::new();
    for route in routes {
        browser.goto(&server.url(route)).await;
        for theme in ["light", "dark"] {
            browser
                .js(&format!(
                    "document.documentElement.setAttribute('data-theme', '{theme}');"
                ))
                .await;
            found.extend(axe(&browser, route, theme).await);
        }
    }
    browser.set_width(375, 812).await;
    for route in routes {
        browser.goto(&server.url(route)).await;
        browser
            .js("document.documentElement.setAttribute('data-theme', 'light');")
            .await;
        found.extend(axe(&browser, route, "375 px").await);
    }
    browser.close().await;
    found
}

/// axe-core's violations on the page shown, one per element.
async fn axe(browser: &Browser, route: &str, view: &'static str) -> Vec<Found> {
    let result = browser.axe_results().await;
    let mut found = Vec::new();
    for violation in result.as_array().into_iter().flatten() {
        let text = |key: &str| violation[key].as_str().unwrap_or_default().to_string();
        for node in violation["nodes"].as_array().into_iter().flatten() {
            found.push(Found {
                rule: text("id"),
                help: text("help"),
                route: route.to_string(),
                view,
                target: node.as_str().unwrap_or_default().to_string(),
            });
        }
    }
    found
}

/// How many elements of pages are named, each once whatever the views it is found in.
fn elements<'f>(found: impl Iterator<Item = &'f Found>) -> usize {
    let distinct: std::collections::BTreeSet<(&str, &str, &str)> = found
        .map(|f| (f.rule.as_str(), f.route.as_str(), f.target.as_str()))
        .collect();
    distinct.len()
}

/// How many pages a rule's line names before "…".
const FIRST_PAGES: usize = 4;

/// One line per rule: its elements and pages, the first pages with their file
/// and one element each; then the total.
fn report(found: &[Found], files: &BTreeMap<String, String>, routes: usize) -> String {
    let mut by_rule: BTreeMap<&str, Vec<&Found>> = BTreeMap::new();
    for f in found {
        by_rule.entry(&f.rule).or_default().push(f);
    }
    let mut out = String::new();
    for (rule, all) in &by_rule {
        let mut pages: Vec<&str> = all.iter().map(|f| f.route.as_str()).collect();
        pages.dedup();
        pages.sort();
        pages.dedup();
        let first: Vec<String> = pages
            .iter()
            .take(FIRST_PAGES)
            .map(|route| {
                let on = all.iter().find(|f| f.route == *route).unwrap();
                let views: Vec<&str> = all.iter().filter(|f| f.route == *route).map(|f| f.view).collect();
                let views = ["light", "dark", "375 px"].into_iter().filter(|v| views.contains(v));
                let file = files.get(*route).map(|f| format!(" ← {f}")).unwrap_or_default();
                format!(
                    "{route}{file} ({}: `{}`)",
                    views.collect::<Vec<_>>().join(", "),
                    on.target
                )
            })
            .collect();
        let more = if pages.len() > FIRST_PAGES { ", …" } else { "" };
        out.push_str(&format!(
            "a11y: {rule}: {} element{} on {} page{} — {}\n    {}{more}\n",
            elements(all.iter().copied()),
            if elements(all.iter().copied()) == 1 { "" } else { "s" },
            pages.len(),
            if pages.len() == 1 { "" } else { "s" },
            all[0].help,
            first.join("\n    ")
        ));
    }
    let pages: std::collections::BTreeSet<&str> = found.iter().map(|f| f.route.as_str()).collect();
    if found.is_empty() {
        out.push_str(&format!("a11y: no violation on {routes} pages (light, dark, 375 px)\n"));
        return out;
    }
    out.push_str(&format!(
        "a11y: {} rule{} broken, {} element{}, on {} of {routes} pages (light, dark, 375 px)\n",
        by_rule.len(),
        if by_rule.len() == 1 { "" } else { "s" },
        elements(found.iter()),
        if elements(found.iter()) == 1 { "" } else { "s" },
        pages.len()
    ));
    out
}
