//! End-to-end: the built site, served by a real static file server, in real
//! headless Chromium.

mod support;

use fantoccini::Locator;
use support::{copy_site, data_dir, dist, Browser, Host, Server};

#[tokio::test(flavor = "multi_thread")]
async fn deep_link_to_a_competence_shows_its_title_and_body() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/competences/autonomie-professionnelle")).await;
    b.wait_text("h1", "Autonomie professionnelle").await;
    let body = b.wait_text(".prose", "Contexte d'utilisation").await;
    assert!(body.contains("autonomie professionnelle"), "{body}");
    // Raw inline HTML from the Markdown is kept.
    let bold = b
        .client
        .find(Locator::Css(".prose b u"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(bold, "autonomie professionnelle");
    let title = b.client.title().await.unwrap();
    assert!(title.starts_with("Autonomie professionnelle — "), "{title}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn in_body_link_opens_the_projet_without_a_reload() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/competences/autonomie-professionnelle")).await;
    b.wait_text("h1", "Autonomie professionnelle").await;
    b.js("window.__sameDocument = 'oui';").await;
    // The seed-style link `( ../../projets/citi )` was rewritten to the app route.
    let link = b
        .client
        .find(Locator::Css(".prose a[href='projets/citi']"))
        .await
        .unwrap();
    assert_eq!(link.text().await.unwrap(), "Transition 4.0");
    link.click().await.unwrap();
    b.wait_text("h1", "Transition 4.0").await;
    b.wait_text(".prose", "taux de rendement synthétique").await;
    assert_eq!(b.path().await, server.path("/projets/citi"));
    assert_eq!(
        b.js("return window.__sameDocument || null;").await,
        "oui",
        "the page was reloaded"
    );
    // The projet shows the compétence that links to it.
    b.wait_text(".related", "Autonomie professionnelle").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tag_page_lists_the_pages_with_that_tag() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/tags/transition-4-0")).await;
    b.wait_text("h1", "TRANSITION 4.0").await;
    b.wait_text("main", "Autonomie professionnelle").await;
    let titles = b.texts(".card-title").await;
    assert_eq!(titles, ["Autonomie professionnelle", "Transition 4.0"]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_routes_and_slugs_show_the_not_found_view() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/nulle/part")).await;
    b.wait_text("h1", "Page introuvable").await;
    b.goto(&server.url("/projets/cti")).await;
    b.wait_text("h1", "Page introuvable").await;
    // A near miss suggests the page it probably meant.
    b.wait_text(".not-found", "Transition 4.0").await;
    b.client.find(Locator::Css(".not-found a[href='./']")).await.unwrap();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn failed_data_fetch_shows_the_error_view_and_retry_recovers() {
    let site = copy_site(&dist());
    let chunk = data_dir(site.path()).join("projets/citi.json");
    let good = std::fs::read(&chunk).unwrap();
    // Cut short, as by an interrupted upload.
    std::fs::write(&chunk, &good[..good.len() / 2]).unwrap();
    let server = Server::start(site.path(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/competences/autonomie-professionnelle")).await;
    // The page itself came with its data: it works; the broken file shows when asked for.
    b.click(".prose a[href='projets/citi']").await;
    b.wait_text("h1", "Le portfolio n'a pas pu être chargé").await;
    b.wait_text(".error-message", "est incomplet ou abîmé").await;
    // Repair the file and retry: the page appears without reloading.
    std::fs::write(&chunk, &good).unwrap();
    b.click(".error-view button").await;
    b.wait_text("h1", "Transition 4.0").await;

    // A page whose data file is missing (a partial upload) is an error with Retry, not "not found".
    let missing = data_dir(site.path()).join("projets/gecy.json");
    let kept = std::fs::read(&missing).unwrap();
    std::fs::remove_file(&missing).unwrap();
    b.goto(&server.url("/projets")).await;
    b.click("main a[href='projets/gecy']").await;
    b.wait_text(".error-message", "introuvables sur le serveur").await;
    std::fs::write(&missing, kept).unwrap();
    b.click(".error-view button").await;
    b.wait_text("h1", "GECY").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_section_of_its_own_has_its_list_menu_entry_and_pages() {
    // `content/veille/` with its `_index.md`: a section like Hugo's `posts/`.
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.click("nav a[href='veille']").await;
    b.wait_text("main h1", "Veille technologique").await;
    assert_eq!(
        b.js("return document.querySelector(\"nav a[href='veille']\").getAttribute('aria-current')")
            .await,
        "page"
    );
    // The body of its `_index.md` introduces the list.
    b.wait_text("main .intro", "Ma veille sur les outils").await;
    b.click(".card-title a[href='veille/ia-generative-et-developpement']")
        .await;
    b.wait_text("main h1", "L'IA générative dans le développement").await;
    assert_eq!(b.path().await, server.path("/veille/ia-generative-et-developpement"));
    // Its link to a projet counts both ways: the projet lists it among its backlinks' pages.
    b.click(".prose a[href='projets/dashboardappro']").await;
    b.wait_text("main h1", "Dashboard Appros").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_top_level_page_is_in_the_menu_when_it_asks() {
    // `content/cv.md` with `menu: main`: the page `/cv`, after the sections in the menu.
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/projets")).await;
    let menu = b.texts("#nav-principale a").await;
    assert_eq!(menu.last().map(String::as_str), Some("Tags"), "{menu:?}");
    assert!(menu.iter().any(|m| m == "Curriculum vitae"), "{menu:?}");
    b.click("nav a[href='cv']").await;
    // The CV made from `content/resume.json`, titled with its name; `cv.md`'s text its introduction.
    b.wait_text("main h1", "Camille Martin").await;
    assert_eq!(b.path().await, server.path("/cv"));
    b.wait_text(".cv-summary", "BTS SIO").await;
    b.wait_text(".cv-intro", "Mon parcours").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn code_blocks_are_highlighted_at_build_time_in_both_themes() {
    // `content/projets/gecy/index.md` holds an SQL block; the axe-core test checks contrast.
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/projets/gecy")).await;
    b.wait_text(".code figcaption", "sql").await;
    let colour = "return getComputedStyle(document.querySelector('.prose .hl-keyword')).color";
    b.js("document.documentElement.setAttribute('data-theme', 'light')")
        .await;
    let light = b.js(colour).await;
    b.js("document.documentElement.setAttribute('data-theme', 'dark')")
        .await;
    let dark = b.js(colour).await;
    assert_ne!(light, dark, "keywords keep one colour in both themes");
    let text = b
        .js("return getComputedStyle(document.querySelector('.prose')).color")
        .await;
    assert_ne!(dark, text, "keywords are not coloured");
    b.close().await;
}
