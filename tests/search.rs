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
    // The table was fetched once, by the page's preload (beside the app, not after it).
    let table = "return performance.getEntriesByType('resource').filter(e => /\\/search\\.[^/]+\\/index\\.json$/.test(e.name)).map(e => e.initiatorType)";
    assert_eq!(b.js(table).await, serde_json::json!(["link"]));
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

/// A few thousand generated pages' search index in place of the sample's
/// (written by the prerenderer's own function into a copy of the built site):
/// about ten shards, one page with a word found by a typo.
fn generated_search(pages: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    use vitrine::search::{build, Document};
    let site = support::copy_site(&dist());
    let index = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    let marker = r#"<meta name="vitrine-search" content=""#;
    let start = index.find(marker).unwrap() + marker.len();
    let folder = site
        .path()
        .join(&index[start..start + index[start..].find('"').unwrap()]);
    // Pseudo-words from syllables, drawn by a fixed linear congruential generator.
    let syllables = [
        "ba", "de", "ri", "lo", "mu", "sa", "te", "vi", "no", "pe", "cu", "fa", "go", "ji",
    ];
    let mut seed = 42u64;
    let mut next = move |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let bodies: Vec<String> = (0..pages)
        .map(|_| {
            (0..80)
                .map(|_| (0..3).map(|_| syllables[next(syllables.len())]).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let routes: Vec<String> = (0..pages).map(|i| format!("/projets/page-{i:05}")).collect();
    let titles: Vec<String> = (0..pages).map(|i| format!("Page {i}")).collect();
    let mut documents: Vec<Document> = (0..pages)
        .map(|i| Document {
            route: &routes[i],
            title: &titles[i],
            headings: vec![],
            tags: vec![],
            body: bodies[i].clone(),
        })
        .collect();
    documents[pages / 2].title = "Cybersécurité industrielle";
    documents[pages / 2].route = "/projets/citi";
    let mut index = build(&documents);
    index.shown = documents
        .iter()
        .map(|d| vitrine::search::Shown {
            title: d.title.to_string(),
            section: "Projets".into(),
            text: d.body.chars().take(400).collect(),
        })
        .collect();
    std::fs::remove_dir_all(&folder).unwrap();
    vitrine::prerender::write_search(index, &folder).unwrap();
    (site, folder)
}

/// The search files the page fetched: (table, shards, fragments).
async fn search_requests(b: &support::Browser) -> (u64, u64, u64) {
    let count = |pattern: &str| {
        format!("return performance.getEntriesByType('resource').filter(e => /\\/search\\.[^/]+\\/{pattern}$/.test(e.name)).length")
    };
    (
        b.js(&count("index\\.json")).await.as_u64().unwrap(),
        b.js(&count("w\\d+\\.json")).await.as_u64().unwrap(),
        b.js(&count("p\\d+\\.json")).await.as_u64().unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn on_thousands_of_pages_a_query_fetches_a_few_shards_and_forgives_typos_and_accents() {
    let (site, folder) = generated_search(3000);
    let shards = std::fs::read_dir(&folder)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with('w'))
        .count();
    assert!(shards >= 8, "the index spans {shards} shards");
    let server = Server::start(site.path(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for_app().await;
    b.js("document.getElementById('recherche').focus()").await;
    // Misspelled (two letters swapped) and without its accents.
    b.press("cybersecurtie").await;
    b.wait_text("#resultats-recherche .result-title", "Cybersécurité industrielle")
        .await;
    let (table, fetched, fragments) = search_requests(&b).await;
    assert_eq!(table, 1);
    assert!(
        (1..=vitrine::search::shards::MAX_SHARDS as u64).contains(&fetched),
        "{fetched} of {shards} shards fetched"
    );
    assert!(fragments <= 6, "{fragments} fragments fetched");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_the_search_page_the_box_keeps_focus_while_files_arrive() {
    // GitHub Pages answers `/recherche` at `/recherche/`; typing makes `/recherche?q=`.
    let (site, _folder) = generated_search(3000);
    let server = Server::start(site.path(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/recherche")).await;
    b.wait_for_app().await;
    b.js("document.getElementById('recherche-page').focus()").await;
    b.press("cy").await;
    // The table, a shard and a fragment arrived: the same box, still focused.
    b.wait_text(".search-page-results .result-title", "Cybersécurité industrielle")
        .await;
    assert_eq!(b.js("return document.activeElement.id").await, "recherche-page");
    b.press("bersecurtie").await;
    b.wait_until("location.search === '?q=cybersecurtie'").await;
    b.wait_text(".search-page-results .result-title", "Cybersécurité industrielle")
        .await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_search_file_that_fails_says_search_is_unavailable_and_retry_works() {
    use vitrine::search::shards;
    let (site, folder) = generated_search(3000);
    let table = shards::decode_table(&std::fs::read_to_string(folder.join(shards::TABLE_FILE)).unwrap()).unwrap();
    let needed = table.needed("cybersecurtie");
    // The shards this query reads are missing (a partial upload), one other is truncated.
    let hidden = site.path().join("hidden");
    std::fs::create_dir_all(&hidden).unwrap();
    for &k in &needed {
        std::fs::rename(folder.join(shards::shard_file(k)), hidden.join(shards::shard_file(k))).unwrap();
    }
    let server = Server::start(site.path(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_for_app().await;
    b.js("document.getElementById('recherche').focus()").await;
    b.press("cybersecurtie").await;
    b.wait_text(".search-status", "Recherche indisponible").await;
    b.wait_text(".search-results .search-retry", "Réessayer").await;
    // The files are back: Retry finds the page.
    for &k in &needed {
        std::fs::rename(hidden.join(shards::shard_file(k)), folder.join(shards::shard_file(k))).unwrap();
    }
    b.click(".search-results .search-retry").await;
    b.wait_text("#resultats-recherche .result-title", "Cybersécurité industrielle")
        .await;
    // A damaged shard: the same message; the page keeps working.
    let k = (0..table.starts.len()).find(|k| !needed.contains(k)).unwrap();
    let bytes = std::fs::read(folder.join(shards::shard_file(k))).unwrap();
    std::fs::write(folder.join(shards::shard_file(k)), &bytes[..bytes.len() / 2]).unwrap();
    let word = &table.words[table.starts[k] as usize];
    b.js("const i = document.getElementById('recherche'); i.value = ''; i.dispatchEvent(new Event('input'));")
        .await;
    b.js("document.getElementById('recherche').focus()").await;
    b.press(word).await;
    b.wait_text(".search-status", "Recherche indisponible").await;
    b.js("const i = document.getElementById('recherche'); i.value = ''; i.dispatchEvent(new Event('input'));")
        .await;
    b.press("cybersecurite").await;
    b.wait_text("#resultats-recherche .result-title", "Cybersécurité industrielle")
        .await;
    b.close().await;
}
