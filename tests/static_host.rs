//! The built site on a plain static host, like GitHub Pages: every route is a
//! real HTML file that works without JavaScript, the app takes over when it
//! can, misses get `404.html`, and the SEO files are there.

mod support;

use fantoccini::Locator;
use support::{dist, library, Browser, Host, Server};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use vitrine::bundle::Bundle;

fn bundle() -> Bundle {
    library()
}

/// Every route of the site with the heading it must show.
fn routes(b: &Bundle) -> Vec<(String, String)> {
    let mut routes = vec![
        ("/".to_string(), b.site.author.clone()),
        ("/tags".to_string(), "Tags".to_string()),
    ];
    routes.extend(
        b.site
            .sections
            .iter()
            .map(|s| (format!("/{}", s.slug), s.title.clone())),
    );
    routes.extend(b.tags.iter().map(|t| (format!("/tags/{}", t.slug), t.name.clone())));
    routes.extend(b.pages.iter().map(|p| (p.route.clone(), p.title.clone())));
    routes
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_is_complete_without_javascript() {
    let b = bundle();
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let browser = Browser::start_without_js().await;
    for (i, (route, heading)) in routes(&b).into_iter().enumerate() {
        // Half the routes with a trailing slash, as hosts redirect folders to it.
        let url = if i % 2 == 0 || route == "/" {
            server.url(&route)
        } else {
            format!("{}/", server.url(&route))
        };
        browser.goto(&url).await;
        let h1 = browser
            .client
            .find(Locator::Css("main h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(h1, heading, "{url}");
        if let Some(page) = b.page(&route) {
            let body = browser
                .client
                .find(Locator::Css(".prose"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(
                body.contains(page.summary.split(' ').next().unwrap()),
                "{url}: body missing"
            );
            let title = browser.client.title().await.unwrap();
            assert!(title.starts_with(&page.title), "{url}: title {title}");
        }
    }
    // Links are real links: follow one from a body, then one from the navigation.
    browser
        .goto(&server.url("/competences/autonomie-professionnelle"))
        .await;
    browser
        .client
        .find(Locator::Css(".prose a[href='projets/citi']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_text("main h1", "Transition 4.0").await;
    browser
        .client
        .find(Locator::Css("nav a[href='tags']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_text("main h1", "Tags").await;
    // The page's own scripts did not run: no `js` class, the app never started.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        browser
            .js("return document.documentElement.classList.contains('js')")
            .await,
        false,
        "JavaScript was on"
    );
    assert_eq!(
        browser
            .js("return !document.documentElement.dataset.app && !!document.querySelector('[data-hydrate]')")
            .await,
        true
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_prerendered_deep_link_boots_the_app_without_moving_anything() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    // Where the heading and the first paragraph sit without JavaScript…
    let still = Browser::start_without_js().await;
    still.goto(&server.url("/competences/autonomie-professionnelle/")).await;
    let place = "const r = e => { const b = document.querySelector(e).getBoundingClientRect(); return [Math.round(b.top), Math.round(b.height)]; }; return [r('main h1'), r('.prose p')];";
    let static_place = still.js(place).await;
    still.close().await;
    // …and once the app has taken over.
    let b = Browser::start().await;
    b.goto(&server.url("/competences/autonomie-professionnelle/")).await;
    b.wait_text("main h1", "Autonomie professionnelle").await;
    b.wait_for_app().await;
    assert_eq!(
        b.js(place).await,
        static_place,
        "the app moved the page when it took over"
    );
    b.js("window.__sameDocument = 'oui';").await;
    b.click("nav a[href='projets']").await;
    b.wait_text("main h1", "Projets").await;
    assert_eq!(b.path().await, server.path("/projets"));
    assert_eq!(
        b.js("return window.__sameDocument || null;").await,
        "oui",
        "navigation left the app"
    );
    b.js("console.error('sonde-console')").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let console = b.console();
    assert!(
        console.contains("sonde-console"),
        "the console log is not captured:\n{console}"
    );
    assert!(
        !console.contains("Content Security Policy") && !console.contains("Refused to"),
        "CSP violation:\n{console}"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_accepts_routes_with_a_trailing_slash() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    for (route, heading) in [
        ("/projets/", "Projets"),
        ("/tags/technique/", "TECHNIQUE"),
        ("/projets/citi/", "Transition 4.0"),
    ] {
        b.goto(&server.url(route)).await;
        b.wait_for_app().await;
        b.wait_text("main h1", heading).await;
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_miss_gets_404_html_with_status_404_and_the_not_found_view() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    assert_eq!(status(&server, &server.path("/nulle/part")).await, 404);
    assert_eq!(status(&server, &server.path("/projets/citi/")).await, 200);
    let b = Browser::start().await;
    b.goto(&server.url("/nulle/part")).await;
    b.wait_text("main h1", "Page introuvable").await;
    b.wait_for_app().await;
    // The app routes from the 404 page too.
    b.click("nav a[href='competences']").await;
    b.wait_text("main h1", "Compétences").await;
    b.close().await;
}

#[test]
fn sitemap_robots_feed_and_favicon_use_absolute_urls() {
    let dist = dist();
    let b = bundle();
    let base = &b.site.base_url;
    assert!(base.starts_with("https://"), "the sample site sets base_url");
    let sitemap = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    for (route, _) in routes(&b) {
        let url = if route == "/" {
            format!("{base}/")
        } else {
            format!("{base}{route}/")
        };
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "sitemap lacks {url}");
    }
    let robots = std::fs::read_to_string(dist.join("robots.txt")).unwrap();
    assert!(robots.contains(&format!("Sitemap: {base}/sitemap.xml")), "{robots}");
    let feed = std::fs::read_to_string(dist.join("feed.xml")).unwrap();
    let dated = b.pages.iter().filter(|p| p.date.is_some()).count();
    assert_eq!(feed.matches("<entry>").count(), dated);
    assert!(feed.contains(&format!("<id>{base}/projets/gecy/</id>")), "{feed}");
    assert!(dist.join("favicon.svg").is_file());
    let page = std::fs::read_to_string(dist.join("projets/dashboardappro/index.html")).unwrap();
    assert!(
        page.contains(&format!(
            r#"<link rel="canonical" href="{base}/projets/dashboardappro/">"#
        )),
        "canonical"
    );
    assert!(
        page.contains(&format!(
            r#"<meta property="og:image" content="{base}/assets/dashboard.png">"#
        )),
        "og:image"
    );
    assert!(page.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    assert!(page.contains("http-equiv=\"Content-Security-Policy\""));
}

async fn status(server: &Server, path: &str) -> u16 {
    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    response.split(' ').nth(1).unwrap().parse().unwrap()
}
