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

/// The three warnings a site being moved over is allowed, each on a page of its own.
const WARNINGS: [(&str, &str, &str); 3] = [
    (
        "projets/lien.md",
        "---\ntitle: Lien\n---\n[a](/projets/inconnu)\n",
        "projets/lien.md:4:1",
    ),
    (
        "projets/image.md",
        "---\ntitle: Image\n---\n![img](/assets/absente.png)\n",
        "projets/image.md:4:1",
    ),
    (
        "projets/sans-titre.md",
        "---\ndate: 2021-01-01\n---\nTexte.\n",
        "projets/sans-titre.md:1:1",
    ),
];

#[test]
fn strict_makes_each_warning_an_error_and_writes_nothing() {
    for (file, text, at) in WARNINGS {
        let site = site_with(&[(file, text.as_bytes())]);
        let content = site.path().join("content");
        let out = site.path().join("out");
        let (ok, stderr) = build_site(&content, &out, &[]);
        assert!(ok, "{file}: a warning alone builds: {stderr}");
        assert!(stderr.contains("warning: ") && stderr.contains(at), "{stderr}");

        let strict_out = site.path().join("strict");
        let (ok, stderr) = build_site(&content, &strict_out, &["--strict"]);
        assert!(!ok, "{file}: built with --strict");
        assert!(
            stderr.contains(at) && stderr.contains("1 error found, 0 warnings; nothing was written"),
            "{stderr}"
        );
        assert!(stderr.contains("leave out `--strict`"), "{stderr}");
        assert!(!strict_out.join("synthese.csv").exists() && !strict_out.join("404.html").exists());

        let (ok, _, stderr) = vitrine(&["check", "--strict", "--content", content.to_str().unwrap()]);
        assert!(!ok, "{file}: checked with --strict");
        assert!(stderr.contains("error: ") && stderr.contains(at), "{stderr}");
    }
}

#[test]
fn strict_in_the_site_settings_is_strict_without_the_flag() {
    let (file, text, at) = WARNINGS[0];
    let site = site_with(&[
        (file, text.as_bytes()),
        ("site.toml", b"title = \"T\"\nstrict = true\n"),
    ]);
    let content = site.path().join("content");
    let (ok, _, stderr) = vitrine(&["check", "--content", content.to_str().unwrap()]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains(at) && stderr.contains("set `strict = false` in site.toml"),
        "{stderr}"
    );
    // A clean site builds strictly all the same.
    std::fs::remove_file(content.join(file)).unwrap();
    let (ok, _, stderr) = vitrine(&["check", "--strict", "--content", content.to_str().unwrap()]);
    assert!(ok, "{stderr}");
}
