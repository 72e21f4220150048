//! The CV from data (JSON Resume): the fixture `tests/fixtures/cv` uses every
//! section of the schema, a photo, a `cv.md` introduction and an English file
//! laid over the French one; what the compiler makes of it, and of bad files.

mod support;

use support::content::{compile, fixture, printed, write_tree};
use vitrine::bundle::{Bundle, CvEntry, CvSection, CvView};

/// The fixture in a temporary folder, with its photo and `changes` written over it.
fn site(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = support::copy_site(&fixture("fixtures/cv"));
    write_tree(&dir.path().join("public/assets"), &[("moi.jpg", photo())]);
    write_tree(&dir.path().join("content"), changes);
    dir
}

/// A real photo (JPEG), resized as any.
fn photo() -> Vec<u8> {
    std::fs::read(fixture("fixtures/photo.jpg")).unwrap()
}

fn built(dir: &tempfile::TempDir) -> (Bundle, Vec<Bundle>, String) {
    let outcome = compile(dir.path());
    let text = printed(&outcome, dir.path());
    let bundle = outcome.bundle.unwrap_or_else(|| panic!("build failed:\n{text}"));
    (bundle, outcome.languages, text)
}

fn cv(bundle: &Bundle) -> &CvView {
    &bundle.cv.as_ref().expect("the site has a CV").view
}

fn section<'a>(cv: &'a CvView, id: &str) -> &'a CvSection {
    cv.sections
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no section {id}"))
}

fn entry<'a>(cv: &'a CvView, id: &str, title: &str) -> &'a CvEntry {
    section(cv, id)
        .entries
        .iter()
        .find(|e| e.title.text == title)
        .unwrap_or_else(|| panic!("no {title} in {id}"))
}

#[test]
fn every_section_of_the_schema_is_shown_in_its_order() {
    let dir = site(&[]);
    let (bundle, _, warnings) = built(&dir);
    assert!(!warnings.contains("warning"), "{warnings}");
    let cv = cv(&bundle);
    let ids: Vec<&str> = cv.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "work",
            "volunteer",
            "education",
            "awards",
            "certificates",
            "publications",
            "skills",
            "languages",
            "interests",
            "references",
            "projects"
        ]
    );
    assert_eq!(section(cv, "work").title, "Expérience professionnelle");
    assert_eq!(
        (cv.name.as_str(), cv.label.as_str()),
        ("Alex Durand", "Chef de projet junior")
    );
    // The `cv.md` page's text is the CV's introduction, at its address.
    assert!(cv.intro.contains("Mon parcours"), "{}", cv.intro);
    assert_eq!(cv.route, "/cv");
    // The photo goes through the pictures as any image: resized.
    let photo = cv.photo.as_ref().expect("the photo");
    assert!(photo.resized.is_some(), "{photo:?}");
    // Contacts written out: place, e-mail, telephone, site, each profile.
    let contacts: Vec<&str> = cv.contacts.iter().map(|c| c.text.as_str()).collect();
    assert!(
        contacts.contains(&"3 rue des Forges, 21000 Dijon, Bourgogne, FR"),
        "{contacts:?}"
    );
    assert!(contacts.contains(&"GitHub : github.com/alex-demo"), "{contacts:?}");
    assert!(contacts.contains(&"Mastodon : alex@example.social"), "{contacts:?}");
    let email = cv.contacts.iter().find(|c| c.text == "alex@example.org").unwrap();
    assert_eq!(email.link.as_deref(), Some("mailto:alex@example.org"));
    // Each level, fluency, issuer is said beside its entry.
    assert_eq!(entry(cv, "languages", "Anglais").detail, "B2");
    assert_eq!(entry(cv, "certificates", "SecNumacadémie").detail, "ANSSI");
    assert_eq!(entry(cv, "skills", "Sécurité").detail, "Notions");
}

#[test]
fn positions_are_grouped_by_employer_newest_first_with_dates_and_durations() {
    let dir = site(&[]);
    let (bundle, _, _) = built(&dir);
    let cv = cv(&bundle);
    let work = section(cv, "work");
    assert!(work.timeline);
    let employers: Vec<&str> = work.entries.iter().map(|e| e.title.text.as_str()).collect();
    assert_eq!(employers, ["Forges de Bourgogne", "Club de handball"]);
    let forges = &work.entries[0];
    let positions: Vec<&str> = forges.roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(positions, ["Chef de projet (alternance)", "Stagiaire"]);
    let dates = forges.roles[0].dates.as_ref().unwrap();
    assert_eq!(
        dates.start.as_ref().unwrap(),
        &("2022-01".to_string(), "janv. 2022".to_string())
    );
    assert_eq!(
        dates.end.as_ref().unwrap(),
        &("2024-03-31".to_string(), "31 mars 2024".to_string())
    );
    assert_eq!(dates.duration, "2 ans 3 mois");
    assert_eq!(forges.roles[1].dates.as_ref().unwrap().duration, "3 mois");
    // A year alone, still going: at the year's precision, to today.
    let club = work.entries[1].roles[0].dates.as_ref().unwrap();
    assert_eq!(club.start.as_ref().unwrap().1, "2020");
    assert!(club.end.is_none());
    assert_eq!(club.ongoing, "aujourd'hui");
    assert_eq!(club.duration, "6 ans", "from 2020 to the build's day (2026)");
}

#[test]
fn skills_keywords_highlights_and_projects_link_to_the_pages_that_prove_them() {
    let dir = site(&[]);
    let (bundle, _, _) = built(&dir);
    let cv = cv(&bundle);
    let link = |text: &str| {
        cv.sections
            .iter()
            .flat_map(|s| &s.entries)
            .flat_map(|e| {
                std::iter::once(&e.title).chain(e.roles.iter().flat_map(|r| r.items.iter().chain(&r.keywords)))
            })
            .find(|i| i.text == text)
            .unwrap_or_else(|| panic!("no line {text}"))
            .link
            .clone()
    };
    // By title, folded for case and accents; by tag; by an address inside the site.
    assert_eq!(
        link("Conduire un projet").as_deref(),
        Some("/competences/conduire-un-projet")
    );
    assert_eq!(link("sécuriser les données").as_deref(), Some("/competences/securiser"));
    assert_eq!(link("Gestion de projet").as_deref(), Some("/tags/gestion-de-projet"));
    assert_eq!(link("Supervision").as_deref(), Some("/projets/citi"));
    // A highlight naming a projet, whole or within its sentence.
    assert_eq!(link("GECY").as_deref(), Some("/projets/gecy"));
    assert_eq!(
        link("Transition 4.0 : capteurs sur deux lignes").as_deref(),
        Some("/projets/citi")
    );
    // What names nothing stays plain text, and no warning says so.
    assert_eq!(link("Planning"), None);
    assert_eq!(link("Un tableur partagé"), None);
    assert_eq!(
        link("Forges de Bourgogne").as_deref(),
        Some("https://forges.example.com")
    );

    // Each page the CV names says so, with the position that names it.
    let cv_of = |route: &str| -> Vec<(String, String)> {
        let page = bundle.page(route).unwrap();
        page.cv.iter().map(|l| (l.label.clone(), l.url.clone())).collect()
    };
    assert!(
        cv_of("/projets/gecy").contains(&(
            "Chef de projet (alternance) chez Forges de Bourgogne (2022–2024)".into(),
            "/cv#work-0".into()
        )),
        "{:?}",
        cv_of("/projets/gecy")
    );
    assert!(cv_of("/projets/citi").contains(&("Stagiaire chez Forges de Bourgogne (2021)".into(), "/cv#work-0".into())));
    let competence = cv_of("/competences/conduire-un-projet");
    assert!(
        competence.contains(&(
            "BTS SIO, SLAM, Lycée Hippolyte Fontaine (2022–2024)".into(),
            "/cv#education-0".into()
        )),
        "{competence:?}"
    );
    assert!(
        competence.iter().any(|(label, _)| label == "Gestion de projet"),
        "{competence:?}"
    );
}

#[test]
fn the_json_ld_and_the_search_index_carry_the_cv() {
    let dir = site(&[]);
    let (bundle, _, _) = built(&dir);
    let cv = bundle.cv.as_ref().unwrap();
    let ld: serde_json::Value = serde_json::from_str(&cv.json_ld).unwrap();
    assert_eq!(ld["@type"], "ProfilePage");
    assert_eq!(ld["url"], "https://alex.example.org/cv/");
    let person = &ld["mainEntity"];
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["name"], "Alex Durand");
    assert_eq!(person["jobTitle"], "Chef de projet junior");
    assert_eq!(person["email"], "alex@example.org");
    assert!(
        person["image"]
            .as_str()
            .unwrap()
            .starts_with("https://alex.example.org/"),
        "{person}"
    );
    assert_eq!(person["address"]["addressLocality"], "Dijon");
    assert_eq!(person["sameAs"][0], "https://github.com/alex-demo");
    assert_eq!(person["alumniOf"][0]["name"], "Lycée Hippolyte Fontaine");
    assert_eq!(
        person["worksFor"][0]["name"], "Club de handball",
        "the position still held"
    );
    assert_eq!(person["hasCredential"][0]["name"], "SecNumacadémie");
    assert!(person["knowsAbout"].as_array().unwrap().contains(&"Planning".into()));
    assert_eq!(person["knowsLanguage"][0]["name"], "Anglais");

    let index = vitrine::compiler::write::search_index(&bundle);
    let hits = vitrine::search::search(&index, "arbitrage", 10);
    let first = hits.first().map(|h| index.docs[h.doc].as_str());
    assert_eq!(first, Some("/cv"), "{hits:?}");
}

#[test]
fn an_english_cv_falls_back_field_by_field_to_the_french_one() {
    let dir = site(&[]);
    let (_, languages, _) = built(&dir);
    let en = languages
        .iter()
        .find(|b| b.site.lang == "en")
        .expect("the English site");
    let cv = cv(en);
    assert_eq!(cv.route, "/en/cv");
    assert_eq!(cv.label, "Junior project manager", "its own field");
    assert_eq!(cv.name, "Alex Durand", "the French file's");
    assert_eq!(section(cv, "work").title, "Work experience");
    let forges = entry(cv, "work", "Forges de Bourgogne");
    let intern = forges
        .roles
        .iter()
        .find(|r| r.title == "Intern")
        .expect("the English position");
    let dates = intern.dates.as_ref().unwrap();
    assert_eq!(dates.start.as_ref().unwrap().1, "Sep 2021");
    assert_eq!(dates.duration, "3 months");
    let skill = entry(cv, "skills", "Project management");
    let leading = skill.roles[0]
        .keywords
        .iter()
        .find(|k| k.text == "Leading a project")
        .unwrap();
    assert_eq!(leading.link.as_deref(), Some("/en/competences/conduire-un-projet"));
    // The English site has no `cv.en.md`: the CV is a page of its own, in the menu.
    assert!(en.page("/en/cv").is_some());
    assert!(en.site.menu.iter().any(|m| m.url == "en/cv"), "{:?}", en.site.menu);
}

#[test]
fn meta_sections_choose_the_order() {
    let dir = site(&[]);
    let path = dir.path().join("content/resume.json");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        r#""meta": { "version""#,
        r#""meta": { "sections": ["skills", "education"], "version""#,
    );
    std::fs::write(&path, text).unwrap();
    let (bundle, _, _) = built(&dir);
    let ids: Vec<&str> = cv(&bundle).sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["skills", "education"]);
}

/// The fixture's `resume.json` with `from` replaced by `to`: its diagnostics as printed.
fn broken(from: &str, to: &str) -> (Option<Bundle>, String) {
    let dir = site(&[]);
    let path = dir.path().join("content/resume.json");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let outcome = compile(dir.path());
    let printed = printed(&outcome, dir.path());
    (outcome.bundle, printed)
}

#[test]
fn bad_cv_files_are_errors_at_their_line_and_field() {
    // Not JSON: file:line:column.
    let (bundle, text) = broken(
        r#""label": "Chef de projet junior","#,
        r#""label": "Chef de projet junior""#,
    );
    assert!(bundle.is_none());
    assert!(text.contains("does not parse"), "{text}");
    assert!(
        text.contains("content/resume.json:6:5") && text.contains("expected `,` or `}`"),
        "{text}"
    );
    // A date at no precision the schema allows: its path and line.
    let (bundle, text) = broken(r#""startDate": "2020""#, r#""startDate": "sept. 2020""#);
    assert!(bundle.is_none());
    assert!(text.contains("`work[2].startDate`"), "{text}");
    assert!(text.contains("content/resume.json:29:"), "{text}");
    // A value of the wrong type.
    let (bundle, text) = broken(
        r#""highlights": ["GECY", "Un tableur partagé"]"#,
        r#""highlights": "GECY""#,
    );
    assert!(bundle.is_none());
    assert!(text.contains("`work[1].highlights`"), "{text}");
    assert!(text.contains("content/resume.json:27:"), "{text}");
    // A key the schema does not have, at the root.
    let (bundle, text) = broken(r#""awards""#, r#""prizes""#);
    assert!(bundle.is_none());
    assert!(text.contains("unknown field `prizes`"), "{text}");
    assert!(text.contains("content/resume.json:37:"), "{text}");
}

#[test]
fn doubtful_cv_files_are_warnings() {
    // Ending before it starts.
    let (bundle, text) = broken(r#""endDate": "2021-11""#, r#""endDate": "2021-02""#);
    assert!(bundle.is_some(), "{text}");
    assert!(
        text.contains("warning: `work[0].endDate` is before its start"),
        "{text}"
    );
    assert!(text.contains("content/resume.json:20:"), "{text}");
    // A photo that is not there: as for any image.
    let (bundle, text) = broken("/assets/moi.jpg", "/assets/absent.jpg");
    assert!(bundle.is_some_and(|b| b.cv.unwrap().view.photo.is_none()), "{text}");
    assert!(text.contains("photo not found"), "{text}");
    assert!(text.contains("content/resume.json:6:"), "{text}");
    // Two CV files: the first found wins, the other is named.
    let dir = site(&[("cv.yaml", "basics:\n  name: Autre\n")]);
    let (bundle, _, text) = built(&dir);
    assert_eq!(cv(&bundle).name, "Alex Durand");
    assert!(text.contains("several CV files") && text.contains("cv.yaml"), "{text}");
}

#[test]
fn a_yaml_cv_in_a_hugo_sites_data_folder_with_no_cv_page() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            ("hugo.toml", "title = \"Site\"\nlanguageCode = \"fr\"\n"),
            ("content/projets/citi.md", "---\ntitle: Transition 4.0\n---\nTexte.\n"),
            (
                "data/cv.yaml",
                "basics:\n  name: Alex\nwork:\n  - name: Forges\n    position: Stagiaire\n    startDate: 2021-09\n    highlights: [Transition 4.0]\n",
            ),
        ],
    );
    let outcome = compile(dir.path());
    let text = printed(&outcome, dir.path());
    let bundle = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let cv = cv(&bundle);
    assert_eq!(cv.name, "Alex");
    assert_eq!(
        section(cv, "work").entries[0].roles[0].items[0].link.as_deref(),
        Some("/projets/citi")
    );
    // No `cv.md`: the CV is a page of its own, in the menu.
    assert!(bundle.page("/cv").is_some());
    assert!(bundle.site.menu.iter().any(|m| m.url == "cv" && m.label == "CV"));
    // YAML errors too name the field and the line.
    std::fs::write(
        dir.path().join("data/cv.yaml"),
        "basics:\n  name: Alex\nwork:\n  - startDate: 2021-13\n",
    )
    .unwrap();
    let outcome = compile(dir.path());
    let text = printed(&outcome, dir.path());
    assert!(outcome.bundle.is_none());
    assert!(
        text.contains("`work[0].startDate`") && text.contains("data/cv.yaml:4:"),
        "{text}"
    );
}

#[test]
fn a_cv_json_of_another_shape_is_left_out_with_a_warning() {
    // As a real Hugo portfolio keeps its theme's data in `assets/cv.json`.
    let dir = tempfile::tempdir().unwrap();
    write_tree(
        dir.path(),
        &[
            ("hugo.toml", "title = \"Site\"\nlanguageCode = \"fr\"\n"),
            ("content/projets/citi.md", "---\ntitle: Transition 4.0\n---\nTexte.\n"),
            (
                "assets/cv.json",
                r#"{"basics": {"name": "Pierre"}, "experiences": [{"company": "X", "duration": "2018 - today"}]}"#,
            ),
        ],
    );
    let outcome = compile(dir.path());
    let text = printed(&outcome, dir.path());
    // With `basics` it is a résumé: the key the schema does not have is an error.
    assert!(outcome.bundle.is_none());
    assert!(
        text.contains("unknown field `experiences`") && text.contains("assets/cv.json:1:"),
        "{text}"
    );
    // Without any of the schema's keys (`meta` is a theme's too), it is some other data.
    std::fs::write(
        dir.path().join("assets/cv.json"),
        r#"{"meta": {"name": "Pierre"}, "competences": {"languages": ["C"]}, "experiences": []}"#,
    )
    .unwrap();
    let outcome = compile(dir.path());
    let text = printed(&outcome, dir.path());
    let bundle = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(bundle.cv.is_none());
    assert!(
        text.contains("not a JSON Resume file") && text.contains("assets/cv.json"),
        "{text}"
    );
}

/// `vitrine build` as Trunk's hook runs it: into a folder holding the app's page.
fn prerendered(site: &std::path::Path, extra: &[&str]) -> std::path::PathBuf {
    let out = site.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let shell = std::fs::read_to_string(fixture("../index.html"))
        .unwrap()
        .replace("<base data-trunk-public-url>", r#"<base href="/">"#);
    std::fs::write(out.join("index.html"), shell).unwrap();
    let mut args = vec!["build", "--content"];
    let content = site.join("content");
    args.push(content.to_str().unwrap());
    args.extend(["--out", out.to_str().unwrap()]);
    args.extend_from_slice(extra);
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(&args)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    out
}

#[test]
fn the_cv_page_is_prerendered_with_its_json_ld_and_links_its_pdf_only_when_make_pdf_prints_it() {
    let dir = site(&[]);
    let out = prerendered(dir.path(), &[]);
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    let page = read("cv/index.html");
    assert!(page.contains(r#"<ol class="cv-entries timeline">"#), "{page}");
    assert!(page.contains(r#"<time datetime="2022-01">janv. 2022</time>"#), "{page}");
    assert!(page.contains(r#"href="projets/gecy""#), "{page}");
    let start = page.find(r#"<script type="application/ld+json">"#).expect("JSON-LD") + 35;
    let end = start + page[start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(ld["mainEntity"]["name"], "Alex Durand");
    assert!(read("en/cv/index.html").contains("Work experience"));
    // "Au CV" on the projet the CV names, leading to its line.
    let gecy = read("projets/gecy/index.html");
    assert!(gecy.contains(r#"href="cv#work-0""#), "{gecy}");
    // A plain build links no PDF: none is written.
    assert!(!page.contains("cv.pdf") && !read("synthese/index.html").contains("synthese.pdf"));

    let dir = site(&[]);
    let out = prerendered(dir.path(), &["--pdf"]);
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    assert!(read("cv/index.html").contains(r#"href="cv.pdf""#));
    assert!(read("synthese/index.html").contains(r#"href="synthese.pdf""#));
    assert!(
        !read("en/cv/index.html").contains(".pdf\""),
        "only the site's own language is printed"
    );
}
