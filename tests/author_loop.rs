//! The author's loop as a user meets it: the synthesis CSV opened in a
//! spreadsheet, `--strict` keeping a broken site from going out, and
//! `vitrine new` starting a page.

mod support;

use std::path::Path;
use std::process::Command;
use support::content::{fixture, site_with};

fn vitrine(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vitrine")).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Builds `content` into `out` the way Trunk's hook does (a folder holding the app's page).
fn build_site(content: &Path, out: &Path, extra: &[&str]) -> (bool, String) {
    std::fs::create_dir_all(out).unwrap();
    let shell = std::fs::read_to_string(fixture("../index.html"))
        .unwrap()
        .replace("<base data-trunk-public-url>", r#"<base href="/">"#);
    std::fs::write(out.join("index.html"), shell).unwrap();
    let mut args = vec![
        "build",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (ok, _, stderr) = vitrine(&args);
    (ok, stderr)
}

#[test]
fn the_synthesis_csv_shows_a_formula_title_as_text() {
    let title = r#"=HYPERLINK("http://x";"clic")"#;
    let page = format!("---\ntitle: '{title}'\ndate: 2021-01-01\nprojets: [citi]\n---\nTexte.\n");
    let site = site_with(&[("competences/formule.md", page.as_bytes())]);
    let out = site.path().join("out");
    let (ok, stderr) = build_site(&site.path().join("content"), &out, &[]);
    assert!(ok, "{stderr}");
    let bytes = std::fs::read(out.join("synthese.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .collect();
    assert!(cells.contains(&format!("'{title}")), "{cells:?}");
    let risky = |c: &&String| c.starts_with(['=', '+', '-', '@', '\t', '\r']);
    assert_eq!(cells.iter().find(risky), None, "a cell a spreadsheet would run");
}
