//! Compétence ↔ projet relations through the whole compiler: declared in
//! front matter on either side, found in links, or from a shared tag; the same
//! seen from both pages; an unknown entry is an error at its line; and the
//! synthesis table's CSV as a French spreadsheet reads it.

mod support;

use support::content::{compile, printed, site_with};
use vitrine::bundle::{Bundle, Evidence};

fn site() -> tempfile::TempDir {
    site_with(&[
        (
            "competences/analyser.md",
            "---\ntitle: Analyser un besoin\nprojets: [atelier]\ntags: [Données]\n---\nTexte.\n".as_bytes(),
        ),
        (
            "competences/deployer.md",
            b"---\ntitle: \"D\xc3\xa9ployer un service\"\n---\nTexte.\n" as &[u8],
        ),
        ("competences/orpheline.md", b"---\ntitle: Orpheline\n---\nTexte.\n"),
        (
            "projets/atelier.md",
            "---\ntitle: Atelier\ncompetences:\n  - Déployer un service\n  - competences/analyser.md\n---\nTexte.\n"
                .as_bytes(),
        ),
        (
            "projets/stocks.md",
            b"---\ntitle: Stocks\n---\nVoir [le d\xc3\xa9ploiement](../../competences/deployer).\n",
        ),
        (
            "projets/mesures.md",
            "---\ntitle: Mesures\ntags: [données]\n---\nTexte.\n".as_bytes(),
        ),
    ])
}

fn bundle(site: &std::path::Path) -> Bundle {
    let outcome = compile(site);
    let text = printed(&outcome, site);
    outcome.bundle.unwrap_or_else(|| panic!("{text}"))
}

/// A site with generated pages (path, text) beside the base fixture.
fn site_of(files: &[(String, String)]) -> tempfile::TempDir {
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (p.as_str(), t.as_bytes())).collect();
    site_with(&refs)
}

/// The evidence `from` has for `to`, if they are related.
fn evidence(b: &Bundle, from: &str, to: &str) -> Option<Evidence> {
    let page = b.page(from).unwrap_or_else(|| panic!("no page {from}"));
    page.relations
        .iter()
        .find(|r| r.route == to)
        .map(|r| r.evidence.clone())
}

#[test]
fn relations_come_from_declarations_links_and_tags_and_are_symmetric() {
    let site = site();
    let b = bundle(site.path());
    let (analyser, deployer) = ("/competences/analyser", "/competences/deployer");
    let (atelier, stocks, mesures) = ("/projets/atelier", "/projets/stocks", "/projets/mesures");

    // Declared on both sides (by slug, by title, by file path): one declared relation.
    let e = evidence(&b, analyser, atelier).expect("analyser ↔ atelier");
    assert!(e.declared && !e.linked && e.tags.is_empty(), "{e:?}");
    assert!(evidence(&b, atelier, deployer).is_some_and(|e| e.declared));
    // A link in a projet's text.
    let e = evidence(&b, deployer, stocks).expect("deployer ↔ stocks");
    assert!(e.linked && !e.declared, "{e:?}");
    // A tag both carry, whatever its case.
    let e = evidence(&b, mesures, analyser).expect("mesures ↔ analyser");
    assert!(!e.declared && !e.linked, "{e:?}");
    assert_eq!(e.tags.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(), ["donnees"]);

    // Every relation is seen the same from the other page.
    for page in &b.pages {
        for r in &page.relations {
            assert_eq!(
                evidence(&b, &r.route, &page.route).as_ref(),
                Some(&r.evidence),
                "{} → {} is not symmetric",
                page.route,
                r.route
            );
        }
    }
    assert!(b.page("/competences/orpheline").unwrap().relations.is_empty());
}

#[test]
fn an_unknown_entry_is_an_error_at_its_line_with_the_nearest_page() {
    let site = site_with(&[
        (
            "competences/analyser.md",
            b"---\ntitle: Analyser\n---\nTexte.\n" as &[u8],
        ),
        (
            "projets/atelier.md",
            b"---\ntitle: Atelier\ncompetences: [analyser, analyzer]\n---\nTexte.\n",
        ),
    ]);
    let outcome = compile(site.path());
    assert!(outcome.bundle.is_none(), "an unknown compétence must stop the build");
    let text = printed(&outcome, site.path());
    assert!(text.contains("unknown compétence in `competences`"), "{text}");
    assert!(text.contains("projets/atelier.md:3:"), "{text}");
    assert!(text.contains("did you mean `analyser`?"), "{text}");
    assert_eq!(outcome.errors(), 1, "{text}");
}

#[test]
fn a_list_on_a_page_of_another_section_is_named_in_a_warning() {
    let site = site_with(&[(
        "posts/billet.md",
        b"---\ntitle: Billet\ncompetences: [base]\n---\nTexte.\n" as &[u8],
    )]);
    let outcome = compile(site.path());
    let text = printed(&outcome, site.path());
    assert!(outcome.bundle.is_some(), "{text}");
    assert!(text.contains("`competences` left out"), "{text}");
    assert!(text.contains("posts/billet.md:3:"), "{text}");
}

#[test]
fn the_csv_opens_in_a_french_spreadsheet() {
    let site = site();
    let b = bundle(site.path());
    let bytes = vitrine::prerender::synthese::csv(&b).unwrap().expect("no CSV");
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "no byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).expect("not UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let header = &rows[0];
    assert_eq!(header.first().map(String::as_str), Some("Compétences"));
    assert_eq!(header.last().map(String::as_str), Some("Total"));
    // Every row is as wide as the header; the last row holds the totals.
    assert!(rows.iter().all(|r| r.len() == header.len()), "{rows:?}");
    let column = |title: &str| header.iter().position(|h| h == title).unwrap();
    let row = |title: &str| rows.iter().find(|r| r[0] == title).unwrap();
    assert_eq!(row("Analyser un besoin")[column("Atelier")], "déclaré");
    assert_eq!(row("Déployer un service")[column("Stocks")], "lien dans le texte");
    assert_eq!(row("Analyser un besoin")[column("Mesures")], "tag commun : Données");
    assert_eq!(row("Orpheline")[column("Total")], "0");
    assert_eq!(row("Analyser un besoin")[column("Total")], "2");
    let totals = rows.last().unwrap();
    assert_eq!(totals[0], "Total");
    assert_eq!(totals[column("Atelier")], "2");
    // 4 filled cells: analyser–atelier, analyser–mesures, deployer–atelier, deployer–stocks.
    assert_eq!(totals.last().map(String::as_str), Some("4"));
}

#[test]
fn a_site_without_both_kinds_has_no_synthesis_table() {
    let site = tempfile::tempdir().unwrap();
    let posts = site.path().join("content/posts");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::write(posts.join("un.md"), "---\ntitle: Un\n---\nTexte.\n").unwrap();
    let b = bundle(site.path());
    assert!(vitrine::prerender::synthese::coverage(&b).is_none());
    assert!(!b.site.menu.iter().any(|m| m.url == "synthese"), "{:?}", b.site.menu);
    assert!(vitrine::prerender::synthese::views(&b).is_empty());
}

#[test]
fn a_tag_on_most_of_a_large_site_relates_nothing() {
    let broad = vitrine::compiler::assemble::relations::BROAD_TAG;
    let mut files: Vec<(String, String)> = (0..=broad)
        .map(|i| {
            let text = format!("---\ntitle: Projet {i}\ntags: [Partout]\n---\nTexte.\n");
            (format!("projets/p{i}.md"), text)
        })
        .collect();
    files.push((
        "competences/c.md".into(),
        "---\ntitle: C\ntags: [Partout]\n---\nTexte.\n".into(),
    ));
    let site = site_of(&files);
    let b = bundle(site.path());
    assert!(b.page("/competences/c").unwrap().relations.is_empty());
    // One projet fewer, and the tag is specific enough again.
    std::fs::remove_file(site.path().join("content/projets/p0.md")).unwrap();
    let b = bundle(site.path());
    assert_eq!(b.page("/competences/c").unwrap().relations.len(), broad);
}

#[test]
fn other_tools_skills_lists_are_kept_as_they_are() {
    // Astro and Hugo portfolios list technologies as `skills`: not compétences, no error.
    let site = site_with(&[(
        "projets/api.md",
        b"---\ntitle: API\nskills: [Rust, Docker]\n---\nTexte.\n" as &[u8],
    )]);
    let b = bundle(site.path());
    let page = b.page("/projets/api").unwrap();
    assert!(page.relations.is_empty());
    assert_eq!(page.extra["skills"], serde_json::json!(["Rust", "Docker"]));
}

#[test]
fn a_large_site_shows_the_first_rows_and_says_so() {
    let max = vitrine::prerender::synthese::MAX_AXIS;
    let files: Vec<(String, String)> = (0..=max)
        .map(|i| {
            (
                format!("competences/c{i:02}.md"),
                format!("---\ntitle: Compétence {i:02}\n---\nTexte.\n"),
            )
        })
        .collect();
    let site = site_of(&files);
    let b = bundle(site.path());
    let (route, table) = &vitrine::prerender::synthese::views(&b)[0];
    assert_eq!(route, "/synthese");
    assert_eq!(table.rows.len(), max);
    // The base fixture's compétence is one more.
    assert_eq!(table.omitted.map(|c| c.competences), Some(max + 2));
}

#[test]
fn a_hugo_taxonomy_named_competences_holds_terms_not_pages() {
    // `[taxonomies] competence = "competences"`: Hugo makes term pages of these
    // lists; they name no page here, and the site must build as it is.
    let site = site_with(&[(
        "projets/api.md",
        "---\ntitle: API\ncompetences: [SQL, Git]\n---\nTexte.\n".as_bytes(),
    )]);
    std::fs::write(
        site.path().join("config.toml"),
        "title = 'Portfolio'\n[taxonomies]\ntag = 'tags'\ncompetence = 'competences'\n",
    )
    .unwrap();
    let b = bundle(site.path());
    let page = b.page("/projets/api").unwrap();
    assert!(page.relations.is_empty());
    assert_eq!(page.extra["competences"], serde_json::json!(["SQL", "Git"]));
}
