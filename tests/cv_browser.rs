//! `/cv` in headless Chromium against the built sample site (its
//! `content/resume.json`): the dated timeline, the links both ways between
//! the CV and the compétences and projets, the JSON-LD, readable without
//! JavaScript, axe-core in both themes, a phone's width, and paper (Chromium's
//! PDF read back with `pdfinfo` and `pdftotext`).

mod support;

use support::{dist, library, print, run, Browser, Host, Server};
use vitrine::bundle::{Cv, CvItem};

fn sample_cv() -> Cv {
    library().cv.expect("the sample site has a CV (content/resume.json)")
}

/// The first line of the CV that links to a page of the site, and that page's route.
fn linked(cv: &Cv) -> (CvItem, String) {
    let item = cv
        .view
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .flat_map(|e| std::iter::once(&e.title).chain(e.roles.iter().flat_map(|r| r.items.iter().chain(&r.keywords))))
        .find(|i| i.link.as_deref().is_some_and(|l| l.starts_with("/projets/")))
        .expect("a line of the sample CV names a projet")
        .clone();
    let route = item.link.clone().unwrap();
    (item, route)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_timeline_links_to_the_pages_and_the_pages_back_to_the_cv() {
    let cv = sample_cv();
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/")).await;
    // In the menu; in the app, no reload.
    b.click("header nav a[href='cv']").await;
    b.wait_text("main h1", &cv.view.name).await;
    assert_eq!(b.path().await, server.path("/cv"));
    // Opened at its address, the prerendered CV is hydrated as it is.
    b.goto(&server.url("/cv")).await;
    assert_eq!(b.js("return document.documentElement.dataset.app").await, "hydrated");
    let console = b.console();
    let failures: Vec<&str> = console
        .lines()
        .filter(|l| {
            ["panicked", "RuntimeError", "unreachable", "hydrat", "Uncaught"]
                .iter()
                .any(|bad| l.contains(bad))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:?}");
    // The work experience as a dated timeline, newest first.
    let employers = b.texts("#cv-work + ol.timeline > li.cv-entry > h3").await;
    let work = cv.view.sections.iter().find(|s| s.id == "work").unwrap();
    assert_eq!(employers.len(), work.entries.len(), "{employers:?}");
    assert!(employers[0].contains(&work.entries[0].title.text), "{employers:?}");
    let dates = b
        .js("return [...document.querySelectorAll('#cv-work + ol time')].map(t => t.getAttribute('datetime'))")
        .await;
    let dates: Vec<String> = serde_json::from_value(dates).unwrap();
    assert!(dates.iter().any(|d| d.len() == 7), "{dates:?}");
    let first = b.texts("#cv-work + ol .cv-dates").await;
    assert!(
        first[0].contains("aujourd'hui") && first[0].contains(" an"),
        "{first:?}"
    );

    // CV → page: the line naming a projet leads to it.
    let (item, route) = linked(&cv);
    b.click(&format!("main .cv a[href='{}']", route.trim_start_matches('/')))
        .await;
    let page = library().page(&route).unwrap().clone();
    b.wait_text("main h1", &page.title).await;
    // Page → CV: "Au CV", to the entry's anchor.
    let mention = b.wait_text(".on-cv li a", "").await;
    assert_eq!(mention, page.cv[0].label, "{item:?}");
    b.click(".on-cv li a").await;
    b.wait_text("main h1", &cv.view.name).await;
    let anchor = page.cv[0].url.split_once('#').unwrap().1.to_string();
    b.wait_until(&format!(
        "location.hash === '#{anchor}' && !!document.getElementById('{anchor}')"
    ))
    .await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_the_cv_is_there_with_its_json_ld() {
    let cv = sample_cv();
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start_without_js().await;
    b.goto(&server.url("/cv")).await;
    b.wait_text("main h1", &cv.view.name).await;
    assert!(b.texts("main .cv-section h2").await.len() >= 5);
    let json = b
        .js("return document.querySelector('script[type=\"application/ld+json\"]').textContent")
        .await;
    let ld: serde_json::Value = serde_json::from_str(json.as_str().unwrap()).unwrap();
    assert_eq!(ld["@type"], "ProfilePage");
    let person = &ld["mainEntity"];
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["name"], cv.view.name.as_str());
    assert_eq!(person["jobTitle"], cv.view.label.as_str());
    for field in [
        "email",
        "address",
        "sameAs",
        "alumniOf",
        "worksFor",
        "hasCredential",
        "knowsAbout",
        "knowsLanguage",
    ] {
        assert!(!person[field].is_null(), "no {field} in {person}");
    }
    assert!(
        person["sameAs"][0].as_str().unwrap().starts_with("https://"),
        "{person}"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cv_has_no_axe_violation_and_fits_a_phone() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start().await;
    let mut failures = Vec::new();
    b.goto(&server.url("/cv")).await;
    for theme in ["light", "dark"] {
        b.js(&format!(
            "document.documentElement.setAttribute('data-theme', '{theme}');"
        ))
        .await;
        for v in b.axe_violations().await {
            failures.push(format!("/cv ({theme}): {v}"));
        }
    }
    b.set_width(375, 812).await;
    b.wait_until("innerWidth <= 400").await;
    let widths = b
        .js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        .await;
    assert!(
        widths[0].as_u64() <= widths[1].as_u64(),
        "scrolls sideways at 375 px: {widths}"
    );
    for v in b.axe_violations().await {
        failures.push(format!("/cv (375 px): {v}"));
    }
    b.close().await;
    assert!(failures.is_empty(), "axe-core found:\n{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cv_prints_on_at_most_two_a4_sheets_with_addresses_written_out() {
    let lib = library();
    let cv = lib.cv.as_ref().unwrap();
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("cv.pdf");
    print(&server.url("/cv"), &pdf);
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!((1..=2).contains(&pages), "the sample CV takes {pages} sheets");
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let numbers: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert!(
        (numbers[0] - 595.0).abs() < 2.0 && (numbers[1] - 842.0).abs() < 2.0,
        "not A4 portrait: {size}"
    );
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains(&cv.view.name), "{text}");
    for section in &cv.view.sections {
        assert!(
            squeezed.contains(&section.title),
            "`{}` missing:\n{text}",
            section.title
        );
    }
    // Addresses written out: the profiles, and the employers' sites after
    // their name (a long address may wrap: compared without white space).
    let compact: String = text.split_whitespace().collect();
    assert!(compact.contains("github.com/camille-martin-demo"), "{text}");
    let employer = cv.view.sections[0].entries[0].title.link.as_deref().unwrap();
    assert!(compact.contains(employer), "`{employer}` not written out:\n{text}");
    assert!(!squeezed.contains("Télécharger le PDF"), "{text}");
    for chrome in [
        "Aller au contenu",
        "Thème sombre",
        "Portfolio réalisé avec Vitrine",
        "Rechercher",
        &lib.site.title,
    ] {
        assert!(!squeezed.contains(chrome), "`{chrome}` printed:\n{text}");
    }
    for menu in &lib.site.menu {
        if menu.label != "CV" && !cv.view.name.contains(&menu.label) {
            assert!(
                !text.lines().any(|l| l.trim() == menu.label),
                "menu entry `{}` printed:\n{text}",
                menu.label
            );
        }
    }
}
