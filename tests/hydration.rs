//! One renderer: the page the browser receives is the app's own HTML, and the
//! app hydrates it in place. Nothing is swapped or replaced when it starts,
//! every route hydrates without an error, and moving between pages fetches one
//! small data file, never the whole site.

mod support;

use std::time::Duration;
use support::{dist, library, Browser, Host, Server};

/// Console lines that mean the app failed (a panic, a trap, a hydration mismatch).
fn failures(console: &str) -> Vec<&str> {
    console
        .lines()
        .filter(|l| {
            ["panicked", "RuntimeError", "unreachable", "hydrat", "Uncaught"]
                .iter()
                .any(|bad| l.contains(bad))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_prerendered_nodes_focus_scroll_and_selection_survive_the_start() {
    let server = Server::start_with_delay(&dist(), Host::GitHubPages, Duration::from_millis(1500)).await;
    let b = Browser::start().await;
    b.set_width(800, 500).await;
    // Not `goto`: act before the app has started.
    b.client
        .goto(&server.url("/competences/autonomie-professionnelle"))
        .await
        .unwrap();
    let before = b
        .js("window.__h1 = document.querySelector('main h1');
             window.__p = document.querySelector('.prose p');
             window.__link = document.querySelector('.prose a');
             window.__link.focus();
             window.scrollTo(0, 250);
             getSelection().selectAllChildren(window.__p);
             return [!!document.documentElement.dataset.app, getSelection().toString(), Math.round(scrollY)];")
        .await;
    assert_eq!(before[0], false, "the app started before the test could mark the page");
    b.wait_for_app().await;
    let after = b
        .js("return [document.documentElement.dataset.app,
                     document.querySelector('main h1') === window.__h1,
                     document.querySelector('.prose p') === window.__p,
                     document.activeElement === window.__link,
                     getSelection().toString(),
                     Math.round(scrollY)];")
        .await;
    assert_eq!(after[0], "hydrated");
    assert_eq!(after[1], true, "the <h1> was replaced");
    assert_eq!(after[2], true, "the first paragraph was replaced");
    assert_eq!(after[3], true, "focus was lost");
    assert_eq!(after[4], before[1], "the selection was lost");
    assert_eq!(after[5], before[2], "the page scrolled");
    // And the app works: a click routes without reloading.
    b.js("window.__same = 'oui';").await;
    b.click("nav a[href='projets']").await;
    b.wait_text("main h1", "Projets").await;
    assert_eq!(b.js("return window.__same || null").await, "oui");
    let console = b.console();
    assert!(failures(&console).is_empty(), "{console}");
    b.close().await;
}

/// Every address of the sample site (and of the draft build, when there is one).
fn addresses(drafts: bool) -> Vec<(String, String)> {
    let mut library = library();
    if drafts {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let options = vitrine::compiler::Options {
            content: root.join("content"),
            public: vec![root.join("public")],
            drafts: true,
            today: "2100-01-01".into(),
            image_cache: support::image_cache(),
        };
        library = vitrine::compiler::compile(&options).bundle.unwrap();
    }
    let mut out = vec![
        ("/".to_string(), library.site.author.clone()),
        ("/tags".into(), "Tags".into()),
        ("/recherche".into(), "Recherche".into()),
    ];
    out.extend(
        library
            .site
            .sections
            .iter()
            .map(|s| (format!("/{}", s.slug), s.title.clone())),
    );
    out.extend(
        library
            .tags
            .iter()
            .map(|t| (format!("/tags/{}", t.slug), t.name.clone())),
    );
    out.extend(library.pages.iter().map(|p| (p.route.clone(), p.title.clone())));
    out
}

async fn every_route_hydrates(site: &std::path::Path, drafts: bool) {
    let server = Server::start(site, Host::GitHubPages).await;
    let b = Browser::start().await;
    let routes = addresses(drafts);
    for (route, heading) in &routes {
        b.goto(&server.url(route)).await;
        b.wait_text("main h1", heading).await;
        assert_eq!(
            b.js("return document.documentElement.dataset.app").await,
            "hydrated",
            "{route}"
        );
    }
    let console = b.console();
    assert!(failures(&console).is_empty(), "{console}");
    println!("{} routes hydrated without an error", routes.len());
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_hydrates_without_an_error() {
    every_route_hydrates(&dist(), false).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_hydrates_with_drafts_shown() {
    // `make test` builds it with `VITRINE_FLAGS=--drafts`.
    let drafts = std::env::var_os("VITRINE_DIST_DRAFTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dist-drafts"));
    assert!(
        drafts.join("index.html").is_file(),
        "no draft build in {}: run `make test`",
        drafts.display()
    );
    let draft = std::fs::read_to_string(drafts.join("competences/veille-technologique/index.html")).unwrap();
    assert!(draft.contains("Brouillon"), "the draft build shows no draft");
    every_route_hydrates(&drafts, true).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_loads_no_data_file_and_a_click_fetches_one_small_one() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/competences/autonomie-professionnelle")).await;
    let fetched = "return performance.getEntriesByType('resource')
        .filter(e => e.name.endsWith('.json'))
        .map(e => [new URL(e.name).pathname, e.encodedBodySize]);";
    assert_eq!(
        b.js(fetched).await,
        serde_json::json!([]),
        "the page fetched data to start"
    );
    // The page's text comes with its HTML only once (not again in its data).
    let text = "return document.querySelector('.prose').textContent";
    let first = b.js(text).await;
    assert!(first.as_str().is_some_and(|t| t.contains("autonomie")), "{first}");
    b.click(".prose a[href='projets/citi']").await;
    b.wait_text("main h1", "Transition 4.0").await;
    let files: Vec<(String, u64)> = serde_json::from_value(b.js(fetched).await).unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    let (path, size) = &files[0];
    assert!(
        path.contains("/data/") && path.ends_with("/projets/citi.json"),
        "{path}"
    );
    assert!(*size < 20_000, "{path}: {size} bytes");
    // Back and forth again: nothing fetched twice.
    b.client.back().await.unwrap();
    b.wait_text("main h1", "Autonomie professionnelle").await;
    assert_eq!(
        b.js(text).await,
        first,
        "the first page's text is not the same on coming back"
    );
    b.client.forward().await.unwrap();
    b.wait_text("main h1", "Transition 4.0").await;
    let again: Vec<(String, u64)> = serde_json::from_value(b.js(fetched).await).unwrap();
    assert_eq!(again.len(), 1, "{again:?}");
    println!("a click to {path} fetched {size} bytes of data");
    b.close().await;
}
