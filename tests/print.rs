//! Printing, as a student hands a page to a jury: Chromium prints `/synthese`
//! and a compétence page of the served site to PDF; `pdftotext` reads them
//! back (the content is there, the navigation, search and theme button are
//! not), `pdfinfo` tells the paper's orientation, and `pdftoppm` keeps a
//! picture of the first page in `target/screenshots/`.

mod support;

use std::path::Path;
use support::{dist, library, print, run, Host, Server};
use vitrine::bundle::Kind;

/// Width and height of the first page, in points.
fn page_size(pdf: &Path) -> (f64, f64) {
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let numbers: Vec<f64> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[0], numbers[1])
}

/// What the screen shows around the content, and paper must not.
const CHROME: [&str; 5] = [
    "Aller au contenu",
    "Thème sombre",
    "Portfolio réalisé avec Vitrine",
    "Filtrer",
    "Télécharger le tableau",
];

/// Neither the screen's surroundings nor the site title (in the header) are on paper.
fn assert_no_chrome(text: &str, site_title: &str) {
    for chrome in CHROME.iter().chain(&[site_title]) {
        assert!(!text.contains(chrome), "`{chrome}` printed:\n{text}");
    }
}

/// The first sheet as a picture in `target/screenshots/<name>.png`, to look at.
fn keep_first_page(pdf: &Path, name: &str) {
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join(name);
    let args = ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"];
    let mut all: Vec<&str> = args.to_vec();
    all.extend([pdf.to_str().unwrap(), png.to_str().unwrap()]);
    run("pdftoppm", &all);
    assert!(png.with_extension("png").is_file(), "{name}.png not written");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_synthesis_and_a_competence_print_as_a_jury_reads_them() {
    let lib = library();
    let server = Server::start(&dist(), Host::SpaFallback).await;
    let dir = tempfile::tempdir().unwrap();

    let pdf = dir.path().join("synthese.pdf");
    print(&server.url("/synthese"), &pdf);
    let text = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("Tableau de synthèse"), "{text}");
    for page in lib.section(Kind::Competence) {
        // Long titles wrap in a table cell: their first word is enough.
        let first = page.title.split_whitespace().next().unwrap();
        assert!(
            text.contains(first),
            "{} missing from the printed table:\n{text}",
            page.title
        );
    }
    assert!(text.contains("Total"), "{text}");
    assert_no_chrome(&text, &lib.site.title);
    let (w, h) = page_size(&pdf);
    assert!(
        w > h && (w - 842.0).abs() < 2.0,
        "/synthese is not on A4 landscape: {w} × {h}"
    );
    keep_first_page(&pdf, "print-synthese");

    let page = lib.section(Kind::Competence).find(|p| !p.relations.is_empty()).unwrap();
    let pdf = dir.path().join("competence.pdf");
    print(&server.url(&page.route), &pdf);
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains(&page.title), "{text}");
    let first_words: String = page.summary.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains(&first_words), "`{first_words}` missing:\n{text}");
    assert!(squeezed.contains("Projets liés"), "{text}");
    assert_no_chrome(&squeezed, &lib.site.title);
    let (w, h) = page_size(&pdf);
    assert!(h > w, "a compétence page is printed in portrait: {w} × {h}");
    keep_first_page(&pdf, "print-competence");
}
