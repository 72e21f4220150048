//! Every view and behaviour a visitor meets, in headless Chromium against the
//! built site: accessibility (axe-core, light and dark), the tag filter in the
//! URL, the theme toggle, anchors, back/forward, keyboard use, honest errors.

mod support;

use fantoccini::Locator;
use support::{copy_site, data_dir, dist, Browser, Host, Server, ENTER, TAB};

const VIEWS: [(&str, &str, &str); 10] = [
    ("accueil", "/", "Camille Martin"),
    ("competences", "/competences", "Compétences"),
    ("projets", "/projets", "Projets"),
    (
        "competence",
        "/competences/autonomie-professionnelle",
        "Autonomie professionnelle",
    ),
    ("projet", "/projets/gecy", "GECY"),
    ("tags", "/tags", "Tags"),
    ("tag", "/tags/technique", "TECHNIQUE"),
    ("section", "/veille", "Veille technologique"),
    ("cv", "/cv", "Camille Martin"),
    ("introuvable", "/nulle/part", "Page introuvable"),
];

#[tokio::test(flavor = "multi_thread")]
async fn every_view_has_no_axe_violation_in_light_and_dark_and_is_screenshotted() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    let mut failures = Vec::new();
    for (name, path, heading) in VIEWS {
        b.goto(&server.url(path)).await;
        b.wait_text("main h1", heading).await;
        for theme in ["light", "dark"] {
            b.js(&format!(
                "document.documentElement.setAttribute('data-theme', '{theme}');"
            ))
            .await;
            for v in b.axe_violations().await {
                failures.push(format!("{path} ({theme}): {v}"));
            }
            for (width, height) in [(375, 812), (1280, 900)] {
                b.set_width(width, height).await;
                b.screenshot(&format!("{name}-{width}-{theme}")).await;
            }
        }
    }
    b.close().await;
    assert!(failures.is_empty(), "axe-core found:\n{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_sets_the_document_title_and_description() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/projets/dashboardappro")).await;
    b.wait_text("main h1", "Dashboard Appros").await;
    assert_eq!(
        b.client.title().await.unwrap(),
        "Dashboard Appros — Portfolio de Camille Martin"
    );
    let description = b
        .js("return document.querySelector('meta[name=description]').content")
        .await;
    assert_eq!(
        description,
        "Un tableau de bord des approvisionnements pour anticiper les ruptures de matière"
    );
    b.click("nav a[href='tags']").await;
    b.wait_text("main h1", "Tags").await;
    assert_eq!(b.client.title().await.unwrap(), "Tags — Portfolio de Camille Martin");
    let current = b
        .js("return document.querySelector('nav a[aria-current=page]').textContent")
        .await;
    assert_eq!(current, "Tags");
    assert_eq!(b.js("return document.documentElement.lang").await, "fr");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tag_filter_is_in_the_url_and_survives_reload() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/projets")).await;
    b.wait_text("main h1", "Projets").await;
    let projets = support::library().section(vitrine::bundle::Kind::Projet).count();
    assert_eq!(b.texts("main .card-title").await.len(), projets);
    b.click(".filter a[href='projets?tag=dashboard-appros']").await;
    b.wait_text(".filter a[aria-current=true]", "DASHBOARD APPROS").await;
    assert_eq!(
        b.client.current_url().await.unwrap().query(),
        Some("tag=dashboard-appros")
    );
    assert_eq!(b.texts("main .card-title").await, ["GECY", "Dashboard Appros"]);
    b.refresh().await;
    b.wait_text(".filter a[aria-current=true]", "DASHBOARD APPROS").await;
    assert_eq!(b.texts("main .card-title").await, ["GECY", "Dashboard Appros"]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn theme_toggle_is_remembered_without_a_flash() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.wait_text("main h1", "Camille Martin").await;
    let before = b.js("return getComputedStyle(document.body).backgroundColor").await;
    b.click(".theme-toggle").await;
    let after = b.js("return getComputedStyle(document.body).backgroundColor").await;
    assert_ne!(before, after, "the toggle did not change the theme");
    let pressed = b
        .js("return document.querySelector('.theme-toggle').getAttribute('aria-pressed')")
        .await;
    b.client.refresh().await.unwrap();
    // Read before the app has started: the theme comes from the inline script in <head>.
    let early = b.js("return getComputedStyle(document.body).backgroundColor").await;
    assert_eq!(
        early, after,
        "the remembered theme was not applied before the app started"
    );
    b.wait_text("main h1", "Camille Martin").await;
    b.wait_for_app().await;
    let pressed_again = b
        .js("return document.querySelector('.theme-toggle').getAttribute('aria-pressed')")
        .await;
    assert_eq!(pressed, pressed_again);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn anchors_scroll_on_first_load_and_from_the_table_of_contents() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.set_width(1280, 600).await;
    b.goto(&server.url("/competences/autonomie-professionnelle#regard-critique"))
        .await;
    b.wait_text("main h1", "Autonomie professionnelle").await;
    b.wait_until("window.scrollY > 100 && in_upper_third('regard-critique')")
        .await;
    b.js("window.scrollTo(0, 0)").await;
    b.click(".toc a[href$='#contexte-dutilisation']").await;
    b.wait_until("window.scrollY > 100 && in_upper_third('contexte-dutilisation')")
        .await;
    assert_eq!(
        b.client.current_url().await.unwrap().fragment(),
        Some("contexte-dutilisation")
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn navigation_focuses_the_heading_and_back_restores_the_scroll() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.set_width(375, 640).await;
    b.goto(&server.url("/competences")).await;
    b.wait_text("main h1", "Compétences").await;
    b.js("window.scrollTo(0, 700)").await;
    b.wait_until("window.scrollY > 650").await;
    let y = b.js("return window.scrollY").await.as_f64().unwrap();
    b.client
        .find(Locator::Css(
            "main .card-title a[href='competences/autonomie-professionnelle']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_text("main h1", "Autonomie professionnelle").await;
    b.wait_until("window.scrollY === 0 && document.activeElement === document.querySelector('main h1')")
        .await;
    b.client.back().await.unwrap();
    b.wait_text("main h1", "Compétences").await;
    b.wait_until(&format!("Math.abs(window.scrollY - {y}) < 5")).await;
    b.client.forward().await.unwrap();
    b.wait_text("main h1", "Autonomie professionnelle").await;
    b.wait_until("window.scrollY === 0").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_mobile_menu_works_with_the_keyboard() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.set_width(375, 700).await;
    b.goto(&server.url("/")).await;
    b.wait_text("main h1", "Camille Martin").await;
    let nav_visible = "return getComputedStyle(document.getElementById('nav-principale')).display !== 'none'";
    assert_eq!(b.js(nav_visible).await, false, "the menu starts closed on a phone");
    b.js("document.querySelector('.menu-toggle').focus()").await;
    b.press(ENTER).await;
    assert_eq!(b.js(nav_visible).await, true);
    assert_eq!(
        b.js("return document.querySelector('.menu-toggle').getAttribute('aria-expanded')")
            .await,
        "true"
    );
    b.press(TAB).await;
    assert_eq!(b.js("return document.activeElement.textContent").await, "Compétences");
    b.press(ENTER).await;
    b.wait_text("main h1", "Compétences").await;
    b.wait_until("document.activeElement === document.querySelector('main h1')")
        .await;
    assert_eq!(b.js(nav_visible).await, false, "the menu closes after choosing a page");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn data_of_another_version_shows_the_error_view() {
    let site = copy_site(&dist());
    let path = data_dir(site.path()).join("projets.json");
    let data = std::fs::read_to_string(&path).unwrap();
    // The file starts with its format's version.
    let version = format!("{{\"version\":{},", vitrine::data::DATA_VERSION);
    assert!(data.starts_with(&version), "{}", &data[..40]);
    std::fs::write(&path, data.replacen(&version, "{\"version\":999,", 1)).unwrap();
    let server = Server::start(site.path(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    b.click("nav a[href='projets']").await;
    b.wait_text("main h1", "Le portfolio n'a pas pu être chargé").await;
    b.wait_text(".error-message", "version 999").await;
    b.wait_text(".error-view button", "Réessayer").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn route_switch_time() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/competences/autonomie-professionnelle")).await;
    b.wait_text("main h1", "Autonomie professionnelle").await;
    // Clicks between two pages and measures, in the page, the time from the click
    // to the new page being in the DOM (MutationObserver), and to the next frame.
    let result = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const pages = [['projets/citi', 'Transition 4.0'], ['competences/autonomie-professionnelle', 'Autonomie professionnelle']];
             const dom = [], painted = [];
             function step(i) {
               if (i === 20) {
                 dom.sort((a, b) => a - b); painted.sort((a, b) => a - b);
                 return done({ dom, painted });
               }
               const [href, title] = pages[i % 2];
               const link = document.querySelector(`a[href='${href}']`);
               const observer = new MutationObserver(() => {
                 const h1 = document.querySelector('main h1');
                 if (h1 && h1.textContent === title) {
                   observer.disconnect();
                   dom.push(performance.now() - start);
                   requestAnimationFrame(() => setTimeout(() => {
                     painted.push(performance.now() - start);
                     setTimeout(() => step(i + 1), 30);
                   }, 0));
                 }
               });
               observer.observe(document.getElementById('app'), { childList: true, subtree: true, characterData: true });
               const start = performance.now();
               link.click();
             }
             step(0);",
            vec![],
        )
        .await
        .unwrap();
    let dom: Vec<f64> = serde_json::from_value(result["dom"].clone()).unwrap();
    let painted: Vec<f64> = serde_json::from_value(result["painted"].clone()).unwrap();
    assert_eq!((dom.len(), painted.len()), (20, 20));
    let html_len = b.js("return document.querySelector('.prose').innerHTML.length").await;
    println!(
        "route switch, 20 switches (body {html_len} bytes): click → new page in the DOM median {:.1} ms (max {:.1}); \
         → next frame painted median {:.1} ms (max {:.1})",
        dom[10], dom[19], painted[10], painted[19]
    );
    b.close().await;
}
