//! A Pelican site: `pelicanconf.py` read as text, `Key: value` header lines,
//! `content/pages/` at the top, link markers, Pelican's addresses as redirects.

use crate::support::content::{png, printed, site_with, write_tree, TODAY};
use crate::{located, page};
use vitrine::compiler::readers::settings::site_root_content;
use vitrine::compiler::{compile, Options, Outcome};

const CONF: &str = "\
#!/usr/bin/env python
# -*- coding: utf-8 -*- #

AUTHOR = 'Léa Martin'
SITENAME = 'Veille et projets'
SITEURL = 'https://lea.example.org'

PATH = 'content'
TIMEZONE = 'Europe/Paris'
DEFAULT_LANG = 'fr'
PAGE_URL = 'pages/{slug}.html'
PAGE_SAVE_AS = 'pages/{slug}.html'
STATIC_PATHS = ['images']

# Blogroll
LINKS = (
    ('Pelican', 'https://getpelican.com/'),
    ('Python.org', 'https://www.python.org/'),
)
SOCIAL = (('Mastodon', 'https://mastodon.social/@lea'),)
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = None
";

const PROJECT: &str = "\
Title: Gestion de parc avec GLPI
Date: 2023-01-15 10:20
Tags: réseau, linux
Category: Projets
Slug: glpi
Summary: Inventaire et tickets du parc.

Voir [qui je suis]({filename}/pages/about.md), [ma veille](|filename|../veille/ipv6.md)
et [l'ancienne adresse](/pages/about.html).

![Capture de GLPI]({static}/images/x.png)
";

fn files(extra: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    let text = |path: &str, text: &str| (path.to_string(), text.as_bytes().to_vec());
    let mut all = vec![
        text("pelicanconf.py", CONF),
        text("content/projets/gestion-parc.md", PROJECT),
        text("content/pages/about.md", "Title: À propos\n\nMoi.\n"),
        text(
            "content/veille/ipv6.md",
            "Title: IPv6 en entreprise\nDate: 2023-03-02\nTags: réseau\n\nLe déploiement.\n",
        ),
        text(
            "content/veille/brouillon.md",
            "Title: Pas prêt\nDate: 2023-04-01\nStatus: draft\n\nPlus tard.\n",
        ),
        text(
            "content/veille/ancien.md",
            "Title: Ancien billet\nDate: 2022-05-01\nSave_as: vieux/ancien.html\nURL: vieux/ancien.html\n\nTexte.\n",
        ),
        ("content/images/x.png".to_string(), png()),
    ];
    for (path, body) in extra {
        all.retain(|(p, _)| p != path);
        all.push(text(path, body));
    }
    all
}

/// The site written under a temporary root, compiled from the content folder the root names.
fn compile_site(extra: &[(&str, &str)]) -> (tempfile::TempDir, Outcome) {
    let root = tempfile::tempdir().unwrap();
    let files = files(extra);
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    write_tree(root.path(), &files);
    let content = site_root_content(root.path()).expect("the root names its content folder");
    assert_eq!(content, root.path().join("content"));
    let outcome = compile(&Options {
        content,
        public: vec![],
        drafts: false,
        today: TODAY.into(),
        image_cache: crate::support::image_cache(),
    });
    (root, outcome)
}

#[test]
fn a_pelican_sites_root_names_its_content_folder_and_its_settings_are_read_as_text() {
    let (root, outcome) = compile_site(&[]);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(b.site.title, "Veille et projets");
    assert_eq!(b.site.author, "Léa Martin");
    assert_eq!(b.site.base_url, "https://lea.example.org");
    assert_eq!(b.site.lang, "fr");
    // `LINKS`, `SOCIAL`, `DEFAULT_PAGINATION`, `FEED_ALL_ATOM = None`: not Vitrine's, not warned of.
    assert!(!text.contains("pelicanconf.py"), "{text}");
    // `DEFAULT_LANG` is read, not taken for the default.
    let conf = CONF.replace("DEFAULT_LANG = 'fr'", "DEFAULT_LANG = 'en'");
    let (root, outcome) = compile_site(&[("pelicanconf.py", &conf)]);
    let text = printed(&outcome, root.path());
    assert_eq!(outcome.bundle.unwrap_or_else(|| panic!("{text}")).site.lang, "en");
}

#[test]
fn pelican_header_lines_are_the_pages_fields_and_folders_their_sections() {
    let (root, outcome) = compile_site(&[]);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let mut routes: Vec<&str> = b.pages.iter().map(|p| p.route.as_str()).collect();
    routes.sort();
    assert_eq!(
        routes,
        ["/about", "/projets/glpi", "/veille/ancien", "/veille/ipv6"],
        "`Status: draft` is left out: {text}"
    );
    assert_eq!(outcome.drafts, 1);
    let glpi = page(&b, "/projets/glpi");
    assert_eq!(glpi.kind, vitrine::bundle::Kind::Projet);
    assert_eq!(glpi.title, "Gestion de parc avec GLPI");
    assert_eq!(glpi.date.as_deref(), Some("2023-01-15"));
    let tags: Vec<&str> = glpi.tags.iter().map(|t| t.name.as_str()).collect();
    assert!(tags.starts_with(&["réseau", "linux"]), "{tags:?}");
    assert_eq!(glpi.description, "Inventaire et tickets du parc.");
    assert_eq!(glpi.summary, "Inventaire et tickets du parc.");
    // `content/pages/` are the site's top-level pages.
    let about = page(&b, "/about");
    assert_eq!((about.title.as_str(), about.section.as_str()), ("À propos", ""));
    assert_eq!(page(&b, "/veille/ipv6").section, "veille");
    assert!(
        b.site.sections.iter().any(|s| s.slug == "veille"),
        "{:?}",
        b.site.sections
    );
    // Pelican's addresses redirect: `PAGE_URL`, a page's own `Save_as`/`URL`.
    assert!(
        about.aliases.contains(&"/pages/about.html".to_string()),
        "{:?}",
        about.aliases
    );
    let ancien = page(&b, "/veille/ancien");
    assert!(
        ancien.aliases.contains(&"/vieux/ancien.html".to_string()),
        "{:?}",
        ancien.aliases
    );
    assert!(
        !text.contains("front matter") && !text.contains("has no title"),
        "{text}"
    );
}

#[test]
fn pelican_link_markers_and_addresses_lead_to_the_pages_and_files() {
    let (root, outcome) = compile_site(&[]);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let html = &page(&b, "/projets/glpi").html;
    assert!(
        html.contains(r#"<a href="about">qui je suis</a>"#),
        "{{filename}}: {html}"
    );
    assert!(
        html.contains(r#"<a href="veille/ipv6">ma veille</a>"#),
        "|filename|: {html}"
    );
    assert!(
        html.contains(r#"<a href="about">l'ancienne adresse</a>"#),
        "/pages/about.html: {html}"
    );
    assert!(
        html.contains(r#"<img src="images/x.png" alt="Capture de GLPI" width="960" height="540""#),
        "{{static}}: {html}"
    );
    assert!(
        !text.contains("does not exist") && !text.contains("not found"),
        "{text}"
    );
    assert_eq!(page(&b, "/veille/ipv6").backlinks, ["/projets/glpi"]);
    for p in &b.pages {
        for marker in ["{filename}", "|filename|", "{static}"] {
            assert!(!p.html.contains(marker), "{}: {}", p.route, p.html);
        }
    }
}

#[test]
fn a_header_line_without_a_colon_is_named_with_its_line() {
    // As python-markdown reads it, the header ends there and the text starts: said, not refused.
    let ipv6 = "Title: IPv6 en entreprise\nDate 2023-03-02\n\nLe déploiement.\n";
    let (root, outcome) = compile_site(&[("content/veille/ipv6.md", ipv6)]);
    let text = printed(&outcome, root.path());
    let at = located(&text, "Pelican header line without a colon");
    assert_eq!(at, ["content/veille/ipv6.md:2:1"], "{text}");
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let page = page(&b, "/veille/ipv6");
    assert_eq!(page.title, "IPv6 en entreprise");
    assert!(page.html.starts_with("<p>Date 2023-03-02</p>"), "{}", page.html);
}

#[test]
fn header_lines_give_a_page_its_fields_without_a_pelicanconf() {
    let site = site_with(&[(
        "posts/notes.md",
        "Title: Mes notes de veille\nDate: 2023-02-01 09:00\nTags: réseau\n\nTexte.\n".as_bytes(),
    )]);
    let outcome = crate::support::content::compile(site.path());
    let text = printed(&outcome, site.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let notes = page(&b, "/posts/notes");
    assert_eq!(notes.title, "Mes notes de veille");
    assert_eq!(notes.date.as_deref(), Some("2023-02-01"));
    assert_eq!(notes.html, "<p>Texte.</p>\n");
    assert!(
        !text.contains("page has no front matter") && !text.contains("page has no title"),
        "{text}"
    );
}

#[test]
fn an_articles_default_address_stays_when_only_the_pages_is_set() {
    // `CONF` sets `PAGE_URL` and `PAGE_SAVE_AS`, not `ARTICLE_URL`: Pelican writes the article at `/ipv6.html`.
    let (root, outcome) = compile_site(&[]);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(page(&b, "/veille/ipv6").aliases.contains(&"/ipv6.html".to_string()));
}

#[test]
fn a_filename_link_finds_its_page_whatever_page_url_says() {
    let conf = "SITENAME = 'S'\nPAGE_URL = '{slug}/'\nPAGE_SAVE_AS = '{slug}/index.html'\n";
    let (root, outcome) = compile_site(&[("pelicanconf.py", conf)]);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let html = &page(&b, "/projets/glpi").html;
    assert!(html.contains(r#"<a href="about">qui je suis</a>"#), "{html}");
    assert!(!text.contains("does not exist"), "{text}");
}

#[test]
fn warnings_after_a_link_marker_name_the_line_they_are_on() {
    let project = "Title: GLPI\n\n[a]({filename}/pages/about.md)\n\n[b](../nulle-part/)\n";
    let (root, outcome) = compile_site(&[("content/projets/gestion-parc.md", project)]);
    let text = printed(&outcome, root.path());
    let at = located(&text, "warning: link to a page that does not exist");
    assert_eq!(at, ["content/projets/gestion-parc.md:5:1"], "{text}");
}
