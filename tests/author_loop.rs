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

/// `vitrine new KIND TITLE --content CONTENT`: (ok, the file printed, the messages).
fn new_page(content: &Path, kind: &str, title: &str) -> (bool, String, String) {
    vitrine(&["new", kind, title, "--content", content.to_str().unwrap()])
}

#[test]
fn a_new_competence_has_the_sites_fields_and_its_route_and_is_never_written_twice() {
    let site = site_with(&[(
        "competences/autre.md",
        b"---\ntitle: \"Autre\"\ndate: 2021-01-01\ndescription: \"Une autre\"\ntags: []\nweight: 3\n---\n## Contexte\n\nTexte.\n\n## Bilan\n\nTexte.\n",
    )]);
    let content = site.path().join("content");
    let (ok, stdout, stderr) = new_page(&content, "competence", "Travailler en équipe");
    assert!(ok, "{stderr}");
    let file = content.join("competences/travailler-en-equipe.md");
    assert_eq!(stdout.trim(), file.to_str().unwrap());
    assert!(stderr.contains("at /competences/travailler-en-equipe"), "{stderr}");
    let text = std::fs::read_to_string(&file).unwrap();
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert_eq!(
        text,
        format!("---\ntitle: \"Travailler en équipe\"\ndate: {today}\ndescription: \"\"\ntags: []\nprojets: []\n---\n## Contexte\n\n## Bilan\n")
    );
    // The page builds, strictly, at the route printed.
    let out = site.path().join("out");
    let (ok, _, stderr) = vitrine(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--strict",
    ]);
    assert!(ok, "{stderr}");
    let library = std::fs::read_to_string(out.join("content.json")).unwrap();
    assert!(library.contains("\"/competences/travailler-en-equipe\""));

    std::fs::write(&file, "mon texte").unwrap();
    let (ok, _, stderr) = new_page(&content, "competence", "Travailler en équipe");
    assert!(!ok && stderr.contains("exists already: nothing written"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mon texte");
}

#[test]
fn a_new_page_in_a_section_without_pages_and_titles_without_a_file_name() {
    let site = site_with(&[]);
    let content = site.path().join("content");
    let (ok, _, stderr) = new_page(&content, "projet", "L'app \"mobile\": v2");
    assert!(ok, "{stderr}");
    let text = std::fs::read_to_string(content.join("projets/lapp-mobile-v2.md")).unwrap();
    assert!(text.starts_with("---\ntitle: \"L'app \\\"mobile\\\": v2\"\n"), "{text}");
    assert!(text.contains("\ncompetences: []\n"), "{text}");
    let (ok, _, stderr) = new_page(&content, "notes/lectures", "Un livre");
    assert!(ok && stderr.contains("at /notes/lectures/un-livre"), "{stderr}");
    let long = "Un titre très long ".repeat(16);
    let (ok, stdout, stderr) = new_page(&content, "page", &long);
    assert!(ok, "{stderr}");
    assert!(Path::new(stdout.trim()).file_name().unwrap().len() <= 83, "{stdout}");
    let (ok, _, stderr) = vitrine(&["check", "--content", content.to_str().unwrap()]);
    assert!(ok, "the new pages build as they are: {stderr}");
    // The only warning: the long title, kept as typed.
    assert!(
        stderr.contains("title of 303 characters") && stderr.contains(", 1 warning in"),
        "{stderr}"
    );
    for (kind, title) in [("page", "!!!"), ("../ailleurs", "Titre")] {
        let (ok, _, stderr) = new_page(&content, kind, title);
        assert!(!ok && stderr.starts_with("error: "), "{stderr}");
    }
}

#[test]
fn a_new_page_of_a_hugo_site_is_its_archetype_filled() {
    let site = tempfile::tempdir().unwrap();
    support::content::write_tree(
        site.path(),
        &[
            ("hugo.toml", "title = \"Site\"\nbaseURL = \"https://example.org/\"\n"),
            ("content/posts/premier.md", "+++\ntitle = 'Premier'\ndate = 2024-01-01\n+++\nTexte.\n"),
            (
                "archetypes/default.md",
                "+++\ndate = '{{ .Date }}'\ndraft = true\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\n+++\n",
            ),
            (
                "archetypes/posts.md",
                "---\ntitle: \"{{ replace .Name \"-\" \" \" | title }}\"\ndate: {{ .Date }}\nslug: {{ .Name }}\ndraft: true\n---\nVoir {{ .Site.Title }}.\n",
            ),
        ],
    );
    let root = site.path();
    let (ok, _, stderr) = new_page(root, "posts", "L'équipe soudée");
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("archetypes/posts.md") && stderr.contains("at /posts/lequipe-soudee"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`{{ .Site.Title }}` left empty") && stderr.contains("draft"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(root.join("content/posts/lequipe-soudee.md")).unwrap();
    assert!(text.starts_with("---\ntitle: \"L'équipe soudée\"\ndate: 20"), "{text}");
    assert!(
        text.contains("\nslug: lequipe-soudee\ndraft: true\n---\nVoir .\n"),
        "{text}"
    );

    let (ok, _, stderr) = new_page(root, "competence", "Travailler en équipe");
    assert!(ok && stderr.contains("archetypes/default.md"), "{stderr}");
    let text = std::fs::read_to_string(root.join("content/competences/travailler-en-equipe.md")).unwrap();
    assert!(
        text.contains("draft = true\ntitle = \"Travailler en équipe\"\n+++\n"),
        "{text}"
    );
    // Both read back as Hugo wrote them: drafts with their titles.
    let (ok, _, stderr) = vitrine(&["check", "--drafts", "--content", root.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("1 compétence"), "{stderr}");
}

#[test]
fn a_title_of_300_characters_is_a_warning_and_an_editors_hidden_file_no_page() {
    let title = "Un titre très long ".repeat(16);
    let page = format!("---\ntitle: \"{}\"\n---\nTexte.\n", title.trim());
    let site = site_with(&[
        ("projets/long.md", page.as_bytes()),
        ("projets/.#citi.md", b"---\ntitle: [\n"),
    ]);
    let content = site.path().join("content");
    let (ok, _, stderr) = vitrine(&["check", "--content", content.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("warning: title of 303 characters") && stderr.contains("projets/long.md:2:9"),
        "{stderr}"
    );
    assert!(!stderr.contains(".#citi.md"), "{stderr}");
}
