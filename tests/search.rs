//! Search in the browser: results as you type, folded accents and typos,
//! keyboard use, and a search page that survives reload.

mod support;

use fantoccini::Locator;
use support::{dist, Browser, Host, Server, ENTER};

const DOWN: &str = "\u{E015}";
const ESCAPE: &str = "\u{E00C}";

#[tokio::test(flavor = "multi_thread")]
async fn typing_in_the_header_box_shows_ranked_highlighted_results_and_the_keyboard_works() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/projets")).await;
    b.wait_text("main h1", "Projets").await;
    b.wait_for_app().await;
    // `/` focuses the box from anywhere on the page.
    b.click("main h1").await;
    b.client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("/")
        .await
        .unwrap();
    assert_eq!(b.js("return document.activeElement.id").await, "recherche");
    b.press("auto").await;
    b.wait_text("#resultats-recherche .result-title", "Autonomie professionnelle")
        .await;
    let titles = b.texts("#resultats-recherche .result-title").await;
    assert_eq!(
        titles[0], "Autonomie professionnelle",
        "a title match ranks first: {titles:?}"
    );
    assert_eq!(
        b.js("return document.querySelector('#resultats-recherche mark').textContent")
            .await,
        "Autonomie"
    );
    // Results follow the typing.
    b.press("nomie vision").await;
    b.wait_text(".search-status", "1 résultat").await;
    b.press(DOWN).await;
    assert_eq!(
        b.js("return document.querySelector('#recherche').getAttribute('aria-activedescendant')")
            .await,
        "resultat-0"
    );
    b.js("window.__sameDocument = 'oui';").await;
    b.press(ENTER).await;
    b.wait_text("main h1", "Autonomie professionnelle").await;
    assert_eq!(b.path().await, server.path("/competences/autonomie-professionnelle"));
    assert_eq!(b.js("return window.__sameDocument || null").await, "oui");
    // No result, then Escape closes.
    b.js("document.getElementById('recherche').focus()").await;
    b.press("xyzzy").await;
    b.wait_text(".search-status", "Aucun résultat pour « xyzzy »").await;
    b.press(ESCAPE).await;
    assert_eq!(
        b.js("return document.querySelector('.search-results').hidden").await,
        true
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn accents_case_and_a_typo_are_forgiven() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for_app().await;
    b.js("document.getElementById('recherche').focus()").await;
    // « développeurs » is written with an accent in « Travailler en équipe ».
    b.press("DEVELOPPEURS").await;
    b.wait_text("#resultats-recherche .result-title", "Travailler en équipe")
        .await;
    b.wait_text("#resultats-recherche mark", "développeurs").await;
    b.js("const i = document.getElementById('recherche'); i.value = ''; i.dispatchEvent(new Event('input'));")
        .await;
    b.press("grafanq").await;
    b.wait_text("#resultats-recherche .result-title", "Dashboard Appros")
        .await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_page_can_be_linked_and_survives_reload() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&format!("{}?q=autono", server.url("/recherche"))).await;
    b.wait_text(".search-page-results .result-title", "Autonomie professionnelle")
        .await;
    b.refresh().await;
    b.wait_text(".search-page-results .result-title", "Autonomie professionnelle")
        .await;
    b.js("const i = document.getElementById('recherche-page'); i.value = ''; i.dispatchEvent(new Event('input'));")
        .await;
    b.wait_text("main .empty", "Tapez un mot").await;
    b.js("document.getElementById('recherche-page').focus()").await;
    b.press("gecy").await;
    b.wait_text(".search-page-results .result-title", "GECY").await;
    assert_eq!(b.client.current_url().await.unwrap().query(), Some("q=gecy"));
    b.close().await;
}
