//! A site in two languages, in Chromium, at the root of a host and under a
//! sub-path: every page says its language, the switch leads to the same page
//! in the other language (its home when there is none), in the app without a
//! reload and without JavaScript too, and search finds the language's pages.

mod support;

use fantoccini::Locator;
use support::{dist, Browser, Host, Server};

/// An attribute of the first element `css` matches, in the page as served.
async fn attr(b: &Browser, css: &str, name: &str) -> String {
    b.js(&format!(
        "const e = document.querySelector({css:?}); return e ? e.getAttribute({name:?}) : '(none)';"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_switch_leads_to_the_translation_in_the_app_and_says_each_language() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/competences/travailler-en-equipe")).await;
    b.wait_text("main h1", "Travailler en équipe").await;
    b.wait_for_app().await;
    assert_eq!(attr(&b, "html", "lang").await, "fr");
    assert_eq!(
        attr(&b, "link[hreflang=en]", "href")
            .await
            .rsplit_once(".org")
            .unwrap()
            .1,
        "/en/competences/working-in-a-team/"
    );
    assert!(attr(&b, "link[hreflang=x-default]", "href")
        .await
        .ends_with("/competences/travailler-en-equipe/"));
    assert_eq!(
        attr(&b, "meta[property='og:locale:alternate']", "content").await,
        "en_GB"
    );
    // In the app: the English page, its interface in English, without a reload.
    b.js("window.__same = 'yes';").await;
    b.click("nav.languages a[hreflang=en]").await;
    b.wait_text("main h1", "Working in a team").await;
    assert_eq!(
        b.js("return window.__same || null").await,
        "yes",
        "the switch reloaded the page"
    );
    assert!(
        b.path().await.ends_with("/en/competences/working-in-a-team"),
        "{}",
        b.path().await
    );
    b.wait_until("document.documentElement.lang === 'en'").await;
    assert_eq!(attr(&b, "#nav-principale", "aria-label").await, "Main navigation");
    assert_eq!(attr(&b, "#recherche", "placeholder").await, "Search… (/)");
    let menu = b.texts("#nav-principale a").await;
    assert!(menu.contains(&"Skills".to_string()), "{menu:?}");
    // Links in the English page stay in English; the menu too.
    assert!(attr(&b, "#nav-principale a", "href").await.starts_with("en/"));
    // And back: the French page.
    b.click("nav.languages a[hreflang=fr]").await;
    b.wait_text("main h1", "Travailler en équipe").await;
    b.wait_until("document.documentElement.lang === 'fr'").await;
    assert_eq!(attr(&b, "#nav-principale", "aria-label").await, "Navigation principale");
    // A page left in French: the switch leads to the English home, never to a 404.
    b.click("nav#nav-principale a[href='projets']").await;
    b.wait_text("main h1", "Projets").await;
    b.goto(&server.url("/competences/autonomie-professionnelle")).await;
    b.wait_text("main h1", "Autonomie professionnelle").await;
    assert_eq!(attr(&b, "nav.languages a[hreflang=en]", "href").await, "en");
    assert_eq!(
        attr(&b, "link[hreflang]", "href").await,
        "(none)",
        "no alternate for an untranslated page"
    );
    b.click("nav.languages a[hreflang=en]").await;
    b.wait_until("document.documentElement.lang === 'en'").await;
    b.wait_text(".site-title", "Camille Martin's portfolio").await;
    let console = b.console();
    assert!(
        !console.contains("panicked") && !console.contains("hydrat"),
        "{console}"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_the_switch_is_a_plain_link() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start_without_js().await;
    b.goto(&server.url("/en/projets/citi")).await;
    assert_eq!(attr(&b, "html", "lang").await, "en");
    assert_eq!(attr(&b, "nav.languages a[hreflang=fr]", "href").await, "projets/citi");
    b.click("nav.languages a[hreflang=fr]").await;
    assert!(b.path().await.ends_with("/projets/citi/"), "{}", b.path().await);
    assert_eq!(attr(&b, "html", "lang").await, "fr");
    assert_eq!(
        attr(&b, "nav.languages a[hreflang=en]", "href").await,
        "en/projets/citi"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_in_english_finds_english_pages_only() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/en")).await;
    b.wait_for_app().await;
    b.client
        .find(Locator::Css("#recherche"))
        .await
        .unwrap()
        .send_keys("team")
        .await
        .unwrap();
    b.wait_text("#resultats-recherche .result-title", "Working in a team")
        .await;
    let routes = b
        .js("return [...document.querySelectorAll('#resultats-recherche a')].map(a => a.getAttribute('href'))")
        .await;
    let routes: Vec<String> = serde_json::from_value(routes).unwrap();
    assert!(
        !routes.is_empty() && routes.iter().all(|r| r.starts_with("en/")),
        "{routes:?}"
    );
    // A page only in French is not found on the English site, and is on the French one.
    b.goto(&server.url("/en/recherche?q=messagerie")).await;
    b.wait_text("main .empty", "No results for « messagerie »").await;
    b.goto(&server.url("/recherche?q=messagerie")).await;
    b.wait_text(".search-page-results .result-title", "Migration de la messagerie")
        .await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_english_page_has_no_axe_violation_in_either_theme() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    let mut failures = Vec::new();
    for path in ["/en/projets/gecy", "/en"] {
        b.goto(&server.url(path)).await;
        b.wait_for_app().await;
        for theme in ["light", "dark"] {
            b.js(&format!(
                "document.documentElement.setAttribute('data-theme', '{theme}');"
            ))
            .await;
            for v in b.axe_violations().await {
                failures.push(format!("{path} ({theme}): {v}"));
            }
        }
    }
    b.close().await;
    assert!(failures.is_empty(), "axe-core found:\n{}", failures.join("\n"));
}
