//! `/synthese` in headless Chromium against the built sample site: the table a
//! jury reads (cells with their evidence, totals, the pages "à étayer"), its
//! tag filter in the URL, keyboard use, accessibility in both themes, a phone's
//! width, and the relation kinds on the compétence and projet pages.

mod support;

use support::{dist, library, Browser, Host, Server, TAB};
use vitrine::bundle::{Bundle, Kind, Page};

fn section(b: &Bundle, kind: Kind) -> Vec<&Page> {
    b.section(kind).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_table_shows_every_relation_with_totals_and_gaps() {
    let lib = library();
    let (competences, projets) = (section(&lib, Kind::Competence), section(&lib, Kind::Projet));
    assert!(
        competences.len() >= 6 && projets.len() >= 6,
        "the sample content is too small for a meaningful table"
    );
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    // Reached from the navigation and from the home page.
    b.goto(&server.url("/")).await;
    b.click("main a[href='synthese']").await;
    b.wait_text("main h1", "Tableau de synthèse").await;
    assert_eq!(
        b.js("return document.querySelector('nav a[aria-current=page]').textContent")
            .await,
        "Synthèse"
    );
    assert_eq!(b.texts("table.matrix tbody tr").await.len(), competences.len());
    let columns = b.texts("table.matrix thead th[scope=col]").await;
    assert_eq!(columns.len(), projets.len() + 2, "{columns:?}");

    // Each compétence row: its filled cells and total, as the library relates them.
    let rows = b
        .js(
            "return [...document.querySelectorAll('table.matrix tbody tr')].map(r => ({
                title: r.querySelector('th a').textContent,
                gap: !!r.querySelector('th .gap'),
                filled: [...r.querySelectorAll('td.filled')].map(td => td.textContent),
                total: r.querySelector('td.total').textContent }))",
        )
        .await;
    let rows = rows.as_array().unwrap();
    let mut gaps = 0;
    for (row, page) in rows.iter().zip(&competences) {
        assert_eq!(row["title"], page.title.as_str());
        let related = page.relations.len();
        assert_eq!(row["filled"].as_array().unwrap().len(), related, "{row}");
        assert_eq!(row["total"], related.to_string().as_str(), "{row}");
        assert_eq!(row["gap"], related == 0, "{row}");
        gaps += usize::from(related == 0);
    }
    assert!(gaps >= 1, "the sample content has a compétence without projet");
    let flagged_columns = b.texts("table.matrix thead th .gap").await.len();
    let expected = projets.iter().filter(|p| p.relations.is_empty()).count();
    assert!(expected >= 1, "the sample content has a projet without compétence");
    assert_eq!(flagged_columns, expected);

    // A declared relation reads "déclaré" to a screen reader, and leads to the projet.
    let (competence, relation) = competences
        .iter()
        .find_map(|c| c.relations.iter().find(|r| r.evidence.declared).map(|r| (c, r)))
        .expect("no declared relation in the sample content");
    let cell = b
        .js(&format!(
            "const row = [...document.querySelectorAll('table.matrix tbody tr')].find(r => r.querySelector('th a').textContent === {:?});
             const col = [...document.querySelectorAll('table.matrix thead th')].findIndex(th => th.querySelector('a')?.getAttribute('href') === {:?});
             const a = row.children[col].querySelector('a');
             return [a.getAttribute('aria-label'), a.getAttribute('href')];",
            competence.title,
            relation.route.trim_start_matches('/')
        ))
        .await;
    assert!(cell[0].as_str().unwrap().contains("déclaré"), "{cell}");
    assert_eq!(cell[1], relation.route.trim_start_matches('/'));
    let grand_total: usize = competences.iter().map(|c| c.relations.len()).sum();
    assert_eq!(
        b.js("return document.querySelector('table.matrix tfoot td:last-child').textContent")
            .await,
        grand_total.to_string().as_str()
    );
    // The CSV is linked and served.
    let csv = b
        .js(
            "return fetch(document.querySelector('a.csv').href).then(r => r.arrayBuffer()).then(b => [
                 [...new Uint8Array(b).slice(0, 3)], new TextDecoder().decode(b)])",
        )
        .await;
    assert_eq!(csv[0], serde_json::json!([0xef, 0xbb, 0xbf]), "no byte order mark");
    assert!(csv[1].as_str().unwrap().starts_with("Compétences;"), "{csv}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tag_filter_is_in_the_url_and_survives_reload() {
    let lib = library();
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url("/synthese")).await;
    b.wait_text("main h1", "Tableau de synthèse").await;
    let href = b
        .js("return document.querySelectorAll('.filter a')[1].getAttribute('href')")
        .await;
    let tag = href.as_str().unwrap().split("tag=").nth(1).unwrap().to_string();
    let tagged: Vec<String> = section(&lib, Kind::Projet)
        .iter()
        .filter(|p| p.tags.iter().any(|t| t.slug == tag))
        .map(|p| p.title.clone())
        .collect();
    assert!(!tagged.is_empty());
    b.click(&format!(".filter a[href='synthese?tag={tag}']")).await;
    b.wait_until(&format!("location.search === '?tag={tag}'")).await;
    let shown = "return [...document.querySelectorAll('table.matrix thead th[scope=col] a')].map(a => a.textContent)";
    b.wait_until(&format!(
        "document.querySelectorAll('table.matrix thead th[scope=col] a').length === {}",
        tagged.len()
    ))
    .await;
    assert_eq!(b.js(shown).await, serde_json::json!(tagged));
    b.refresh().await;
    b.wait_text("main h1", "Tableau de synthèse").await;
    assert_eq!(b.js(shown).await, serde_json::json!(tagged));
    assert_eq!(
        b.js("return document.querySelector('.filter a[aria-current=true]').getAttribute('href')")
            .await,
        format!("synthese?tag={tag}").as_str()
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_table_is_keyboard_reachable_accessible_and_scrolls_inside_on_a_phone() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.set_width(375, 812).await;
    b.goto(&server.url("/synthese")).await;
    b.wait_text("main h1", "Tableau de synthèse").await;
    // The page never scrolls sideways; the table does, inside its frame.
    let widths = b
        .js("const f = document.querySelector('.table-scroll');
             return [document.documentElement.scrollWidth, innerWidth, f.scrollWidth, f.clientWidth]")
        .await;
    let w: Vec<u64> = widths.as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(w[0] <= w[1], "the page scrolls sideways at 375 px: {w:?}");
    assert!(w[2] > w[3], "the table fits at 375 px, so this checks nothing: {w:?}");

    // Tab from the last filter chip: the scrolling frame, then the first link in the table.
    b.js("document.querySelector('.filter li:last-child a').focus()").await;
    b.press(TAB).await;
    assert_eq!(b.js("return document.activeElement.className").await, "table-scroll");
    b.press(TAB).await;
    assert_eq!(
        b.js("return !!document.activeElement.closest('table.matrix') && document.activeElement.tagName")
            .await,
        "A"
    );
    // Arrow keys scroll the focused frame.
    b.js("document.querySelector('.table-scroll').focus()").await;
    b.press("\u{E014}\u{E014}\u{E014}").await; // → three times
    b.wait_until("document.querySelector('.table-scroll').scrollLeft > 0")
        .await;

    b.js("scrollTo(0, 0); document.querySelector('.table-scroll').scrollLeft = 0; document.activeElement.blur();")
        .await;
    let mut failures = Vec::new();
    for theme in ["light", "dark"] {
        b.js(&format!(
            "document.documentElement.setAttribute('data-theme', '{theme}');"
        ))
        .await;
        for v in b.axe_violations().await {
            failures.push(format!("/synthese ({theme}): {v}"));
        }
        for (width, height) in [(375, 812), (1280, 900)] {
            b.set_width(width, height).await;
            b.screenshot(&format!("synthese-{width}-{theme}")).await;
        }
    }
    assert!(failures.is_empty(), "axe-core found:\n{}", failures.join("\n"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_say_why_each_related_page_is_there() {
    let lib = library();
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    for kind in Kind::ALL {
        let page = section(&lib, kind)
            .into_iter()
            .find(|p| p.relations.iter().any(|r| r.evidence.declared))
            .expect("a page with a declared relation");
        b.goto(&server.url(&page.route)).await;
        b.wait_text("main h1", &page.title).await;
        let items = b.texts(".related:not(.on-cv) li").await;
        assert_eq!(items.len(), page.relations.len(), "{items:?}");
        let declared = page.relations.iter().find(|r| r.evidence.declared).unwrap();
        let title = &lib.page(&declared.route).unwrap().title;
        assert!(
            items
                .iter()
                .any(|i| i.starts_with(title.as_str()) && i.contains("déclaré")),
            "{title} not shown as declared in {items:?}"
        );
    }
    b.close().await;
}
