//! Pictures in the built sample site, in headless Chromium: a phone downloads
//! resized variants (not the 4.4 MB photo), nothing shifts while they load, and
//! the lightbox works with the keyboard and passes axe-core.

mod support;

use support::{dist, Browser, Host, Server, ENTER};
use vitrine::compiler::markup::links::percent_decode;

const PAGE: &str = "/veille/images-legeres-pour-le-web";
const PHOTO: &str = "assets/kleiber-lukas-baubkus.jpg";
const SCREENSHOT: &str = "assets/capture-accueil-portfolio.png";
const ESCAPE: &str = "\u{E00C}";
const RIGHT: &str = "\u{E014}";

/// Scrolls through the page so lazy images load, then waits for every image.
const LOAD_ALL: &str = "window.scrollTo(0, document.body.scrollHeight);
    await new Promise(r => setTimeout(r, 300));
    window.scrollTo(0, 0);
    await Promise.all([...document.images].map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));";

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_downloads_resized_variants_and_nothing_shifts() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start_with(&["--force-device-scale-factor=2"]).await;
    b.set_width(375, 812).await;
    b.goto(&server.url(PAGE)).await;
    assert_eq!(b.js("return window.devicePixelRatio").await, 2);
    let report = b
        .js(&format!(
            "return (async () => {{ {LOAD_ALL}
            let cls = 0;
            new PerformanceObserver(l => {{ for (const e of l.getEntries()) if (!e.hadRecentInput) cls += e.value; }})
                .observe({{ type: 'layout-shift', buffered: true }});
            await new Promise(r => setTimeout(r, 300));
            const images = performance.getEntriesByType('resource').filter(e => e.initiatorType === 'img');
            return {{ cls, images: images.map(e => [e.name, e.encodedBodySize]),
                      widths: [...document.querySelectorAll('.prose img')].map(i => [i.naturalWidth, i.currentSrc]) }};
            }})()"
        ))
        .await;
    let images = report["images"].as_array().unwrap();
    let names: Vec<&str> = images.iter().map(|i| i[0].as_str().unwrap()).collect();
    assert!(
        names.iter().all(|n| !n.ends_with(PHOTO) && !n.ends_with(SCREENSHOT)),
        "an original was downloaded: {names:?}"
    );
    assert_eq!(names.iter().filter(|n| n.ends_with(".webp")).count(), 2, "{report}");
    let downloaded: u64 = images.iter().map(|i| i[1].as_u64().unwrap()).sum();
    let originals: u64 = [PHOTO, SCREENSHOT]
        .iter()
        .map(|f| std::fs::metadata(dist().join(f)).unwrap().len())
        .sum();
    assert!(
        downloaded * 4 <= originals,
        "images downloaded: {downloaded} B, originals {originals} B (more than 25%)"
    );
    // 375 px at 2x: the 800 px variants, not wider.
    for w in report["widths"].as_array().unwrap() {
        assert!(w[1].as_str().unwrap().ends_with("-800.webp"), "{report}");
    }
    assert_eq!(report["cls"], 0, "layout shifted while images loaded: {report}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_lightbox_opens_steps_and_closes_with_the_keyboard() {
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let b = Browser::start().await;
    b.goto(&server.url(PAGE)).await;
    b.wait_text("main h1", "Des images légères").await;
    let alts = b
        .js("return [...document.querySelectorAll('.prose a.zoom img')].map(i => i.alt)")
        .await;
    b.js("document.querySelector('.prose a.zoom').focus()").await;
    b.press(ENTER).await;
    b.wait_until("document.querySelector('dialog.lightbox')?.open === true")
        .await;
    assert_eq!(b.texts(".lightbox figcaption span").await[0], alts[0].as_str().unwrap());
    assert_eq!(b.texts(".lightbox-count").await, ["1 / 2"]);
    let focused = b.js("return document.activeElement.closest('dialog') !== null").await;
    assert_eq!(focused, true, "focus did not move into the dialog");
    b.screenshot("lightbox-1280").await;
    let violations = b.axe_violations().await;
    assert!(
        violations.is_empty(),
        "axe-core with the lightbox open:\n{}",
        violations.join("\n")
    );

    b.press(RIGHT).await;
    b.wait_text(".lightbox-count", "2 / 2").await;
    assert_eq!(b.texts(".lightbox figcaption span").await[0], alts[1].as_str().unwrap());
    // The dialog shows a variant, large (not the original). The browser picks
    // it from `srcset` after the step, so wait for the choice.
    b.wait_until("document.querySelector('.lightbox img').currentSrc !== ''")
        .await;
    let src = b.js("return document.querySelector('.lightbox img').currentSrc").await;
    assert!(src.as_str().unwrap().ends_with(".webp"), "{src}");

    b.press(ESCAPE).await;
    b.wait_until("document.querySelector('dialog.lightbox').open === false")
        .await;
    // Focus goes back in the dialog's `close` handler, which may run just after `open` turns false.
    b.wait_until("document.activeElement === document.querySelectorAll('.prose a.zoom')[1]")
        .await;
    // The close button closes too.
    b.click(".prose a.zoom").await;
    b.wait_until("document.querySelector('dialog.lightbox').open === true")
        .await;
    b.click(".lightbox-close").await;
    b.wait_until("document.querySelector('dialog.lightbox').open === false")
        .await;
    assert_eq!(
        b.path().await.trim_end_matches('/'),
        server.path(PAGE),
        "the click navigated away"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_an_image_links_to_its_original_and_there_is_no_lightbox() {
    let server = Server::start(&dist(), Host::GitHubPages).await;
    let b = Browser::start_without_js().await;
    b.goto(&server.url(PAGE)).await;
    let hrefs = b
        .js("return [...document.querySelectorAll('.prose a.zoom')].map(a => a.href)")
        .await;
    let hrefs: Vec<&str> = hrefs.as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert_eq!(hrefs.len(), 2, "{hrefs:?}");
    assert!(hrefs[0].ends_with(PHOTO) && hrefs[1].ends_with(SCREENSHOT), "{hrefs:?}");
    assert_eq!(
        b.js("return document.querySelector('dialog')").await,
        serde_json::Value::Null
    );
    // Sized (no shift), and lazy: it comes after a heading and a paragraph, below a phone's first screen.
    let first = b
        .js("const i = document.querySelector('.prose img'); return [i.loading, i.decoding, +i.getAttribute('width'), +i.getAttribute('height')]")
        .await;
    assert_eq!(first, serde_json::json!(["lazy", "async", 6028, 3391]));
    b.close().await;
}

/// `make image-bytes`: image bytes each page with pictures downloads, at 375 px
/// (2x) and 1280 px (1x), against the originals it shows. Prints; asserts nothing.
#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn image_bytes_per_page() {
    let library = support::library();
    // Each variant's name stem (its content hash) → the original file's size.
    let mut originals = std::collections::HashMap::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let size = |url: &str| {
        let rel = url.trim_start_matches('/');
        [root.join("public").join(rel), root.join("content").join(rel)]
            .iter()
            .find_map(|p| std::fs::metadata(p).ok())
            .map_or(0, |m| m.len())
    };
    let stem = |variant: &str| {
        variant
            .rsplit('/')
            .next()
            .unwrap()
            .split('-')
            .next()
            .unwrap()
            .to_string()
    };
    let mut routes = Vec::new();
    for page in &library.pages {
        if let Some(img) = &page.image {
            if let Some(r) = &img.resized {
                originals.insert(stem(&r.src), size(&img.src));
            }
        }
        for (href, src) in zoom_pairs(&page.html) {
            originals.insert(stem(&src), size(&percent_decode(&href.replace("&#39;", "'"))));
        }
        if page.image.is_some() || page.html.contains("<img") {
            routes.push(page.route.clone());
        }
    }
    routes.insert(0, "/".into());
    let server = Server::start(&dist(), Host::SpaFallback).await;
    println!(
        "{:48} {:>22} {:>22}",
        "page", "375 px 2x (before → after)", "1280 px (before → after)"
    );
    let mut rows: Vec<Vec<(u64, u64)>> = vec![Vec::new(); routes.len()];
    for (scale, width, height) in [(2, 375, 812), (1, 1280, 900)] {
        let b = Browser::start_with(&[&format!("--force-device-scale-factor={scale}")]).await;
        b.set_width(width, height).await;
        for (i, route) in routes.iter().enumerate() {
            b.goto(&server.url(route)).await;
            let loaded = b
                .js(&format!(
                    "return (async () => {{ {LOAD_ALL}
                    return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'img')
                        .map(e => [e.name, e.encodedBodySize]); }})()"
                ))
                .await;
            let (mut before, mut after) = (0, 0);
            for entry in loaded.as_array().unwrap() {
                let name = entry[0].as_str().unwrap();
                after += entry[1].as_u64().unwrap();
                before += originals
                    .get(&stem(name))
                    .copied()
                    .unwrap_or(entry[1].as_u64().unwrap());
            }
            rows[i].push((before, after));
        }
        b.close().await;
    }
    let kb = |b: u64| format!("{:.0} KB", b as f64 / 1024.0);
    for (route, row) in routes.iter().zip(rows) {
        let cell = |(before, after): (u64, u64)| format!("{} → {}", kb(before), kb(after));
        println!("{route:48} {:>22} {:>22}", cell(row[0]), cell(row[1]));
    }
}

/// (original href, variant src) of each zoomable body image.
fn zoom_pairs(html: &str) -> Vec<(String, String)> {
    html.split(r#"<a class="zoom" href=""#)
        .skip(1)
        .filter_map(|rest| {
            let href = rest.split('"').next()?;
            let src = rest.split(r#"<img src=""#).nth(1)?.split('"').next()?;
            Some((href.to_string(), src.to_string()))
        })
        .collect()
}
