//! A Jekyll site, its root given as the content folder: `_config.yml`, `_posts/`,
//! collections, `defaults`, permalinks kept as redirects, Liquid and kramdown.

use crate::support::content::{png, printed, write_tree, TODAY};
use crate::{located, outside_code, page};
use vitrine::bundle::Kind;
use vitrine::compiler::{compile, Options, Outcome};

const CONFIG: &str = "\
title: Portfolio de Léa
description: Administratrice systèmes et réseaux
url: https://lea.example.org
baseurl: /portfolio
lang: fr
author:
  name: Léa Martin
permalink: /:categories/:title/
collections:
  projects:
    output: true
    permalink: /projects/:path/
  competences:
    output: true
defaults:
  - scope:
      path: \"\"
      type: posts
    values:
      layout: post
      tags: [veille]
  - scope:
      path: _projects
    values:
      layout: projet
      description: Un projet de BTS SIO
exclude:
  - Gemfile
";

const POST: &str = "---
title: Premier article
---
Le titre est « {{ page.title }} ».

Écrire {% raw %}{{ x }}{% endraw %} dans un gabarit.

{% highlight ruby %}
def bonjour
  puts 'bonjour'
end
{% endhighlight %}

Voir [le projet GLPI]({% link _projects/glpi.md %}).

{% include x.html %}

![Schéma du réseau]({{ site.baseurl }}/assets/x.png)

[La documentation](https://jekyllrb.com){:target=\"_blank\"}

Un paragraphe mis en avant.
{: .note}
";

const PROJECT: &str = "---
title: GLPI
---
Parc informatique. Lire [l'article]({% post_url 2021-04-11-premier-article %}).
";

/// The site's files, each of `extra` replacing the one at its path.
fn files(extra: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    let text = |path: &str, text: &str| (path.to_string(), text.as_bytes().to_vec());
    let mut all = vec![
        text("_config.yml", CONFIG),
        text("_posts/2021-04-11-premier-article.md", POST),
        text("_projects/glpi.md", PROJECT),
        text(
            "_competences/reseau.md",
            "---\ntitle: Administrer un réseau\n---\nVLAN et routage.\n",
        ),
        text("_drafts/x.md", "---\ntitle: Brouillon\n---\nPas prêt.\n"),
        text("about.md", "---\ntitle: À propos\npermalink: /a-propos/\n---\nMoi.\n"),
        text("_layouts/default.html", "<html>{{ content }}</html>\n"),
        text("_layouts/notes.md", "---\ntitle: Gabarit\n---\nUn gabarit.\n"),
        text("_includes/x.md", "---\ntitle: Inclus\n---\nUn morceau.\n"),
        text("_includes/x.html", "<p>Inclus en HTML</p>\n"),
        text("vendor/bundle/x.md", "---\ntitle: Gemme\n---\nDu code de gemme.\n"),
        text("_site/x.md", "---\ntitle: Construit\n---\nUne copie construite.\n"),
        text("Gemfile", "source 'https://rubygems.org'\n"),
        ("assets/x.png".to_string(), png()),
    ];
    for (path, body) in extra {
        all.retain(|(p, _)| p != path);
        all.push(text(path, body));
    }
    all
}

/// The site written under a temporary root, compiled with the root as its content folder.
fn compile_site(extra: &[(&str, &str)], drafts: bool) -> (tempfile::TempDir, Outcome) {
    let root = tempfile::tempdir().unwrap();
    let files = files(extra);
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    write_tree(root.path(), &files);
    let outcome = compile(&Options {
        content: root.path().to_path_buf(),
        public: vec![],
        drafts,
        today: TODAY.into(),
        image_cache: crate::support::image_cache(),
    });
    (root, outcome)
}

#[test]
fn a_jekyll_site_is_built_from_its_root_with_its_settings_collections_and_posts() {
    let (root, outcome) = compile_site(&[], false);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(b.site.title, "Portfolio de Léa");
    assert_eq!(b.site.tagline, "Administratrice systèmes et réseaux");
    assert_eq!(b.site.author, "Léa Martin");
    assert_eq!(b.site.lang, "fr");
    assert_eq!(b.site.base_url, "https://lea.example.org/portfolio");
    // `_layouts/`, `_includes/`, `vendor/`, `_site/` and the draft are no pages.
    let mut routes: Vec<&str> = b.pages.iter().map(|p| p.route.as_str()).collect();
    routes.sort();
    assert_eq!(
        routes,
        [
            "/about",
            "/competences/reseau",
            "/posts/premier-article",
            "/projets/glpi"
        ],
        "{text}"
    );
    assert!(
        b.pages.iter().all(|p| p.title != "Brouillon" && !p.draft),
        "the draft is left out"
    );
    assert_eq!(outcome.drafts, 1);
    let post = page(&b, "/posts/premier-article");
    assert_eq!(post.title, "Premier article");
    assert_eq!(post.date.as_deref(), Some("2021-04-11"));
    // `defaults` give the posts their tag and the projects their description.
    assert!(post.tags.iter().any(|t| t.slug == "veille"), "{:?}", post.tags);
    let glpi = page(&b, "/projets/glpi");
    assert_eq!(glpi.kind, Kind::Projet);
    assert_eq!(glpi.description, "Un projet de BTS SIO");
    assert_eq!(page(&b, "/competences/reseau").kind, Kind::Competence);
    // Each page's Jekyll address leads to it: its `permalink`, its collection's pattern.
    let about = page(&b, "/about");
    assert_eq!(about.section, "", "a top-level page");
    assert_eq!(about.aliases, ["/a-propos/"]);
    assert_eq!(glpi.aliases, ["/projects/glpi/"]);
    assert!(
        b.redirects.contains(&("/projects".to_string(), "/projets".to_string())),
        "{:?}",
        b.redirects
    );

    // `lang` is read, not taken for the default.
    let (root, outcome) = compile_site(&[("_config.yml", "title: Lea's portfolio\nlang: en-GB\n")], false);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(b.site.lang, "en");
}

#[test]
fn drafts_are_built_when_asked() {
    let (root, outcome) = compile_site(&[], true);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let draft = b.pages.iter().find(|p| p.title == "Brouillon").expect("the draft");
    assert!(draft.draft);
}

#[test]
fn liquid_and_kramdown_in_a_jekyll_page_become_what_they_show() {
    let (root, outcome) = compile_site(&[], false);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    let html = &page(&b, "/posts/premier-article").html;
    assert!(html.contains("Le titre est « Premier article »."), "{html}");
    assert!(
        html.contains("Écrire {{ x }} dans un gabarit."),
        "raw text as written: {html}"
    );
    assert!(
        html.contains(r#"<code class="language-ruby">"#) && html.contains(">bonjour</span>"),
        "{html}"
    );
    assert!(html.contains(r#"<a href="projets/glpi">le projet GLPI</a>"#), "{html}");
    assert_eq!(page(&b, "/projets/glpi").backlinks, ["/posts/premier-article"]);
    assert!(
        page(&b, "/projets/glpi")
            .html
            .contains(r#"<a href="posts/premier-article">l'article</a>"#),
        "{}",
        page(&b, "/projets/glpi").html
    );
    // The include is named, once, and shows nothing.
    let at = located(&text, "Liquid `include x.html` left out");
    assert!(
        at.len() == 1 && at[0].starts_with("_posts/2021-04-11-premier-article.md:"),
        "{text}"
    );
    assert!(!html.contains("Inclus") && !html.contains("include"), "{html}");
    // `{{ site.baseurl }}/assets/x.png` is the image at the site's root, found.
    assert!(
        html.contains(r#"<img src="assets/x.png" alt="Schéma du réseau" width="960" height="540""#),
        "{html}"
    );
    assert!(
        !text.contains("does not exist") && !text.contains("not found"),
        "{text}"
    );
    // kramdown's attribute lists are gone, the text they followed kept.
    assert!(html.contains(r#"<a href="https://jekyllrb.com""#), "{html}");
    assert!(html.contains("<p>Un paragraphe mis en avant.</p>"), "{html}");
    assert!(
        !html.contains("{:") && !html.contains("_blank") && !html.contains(".note"),
        "{html}"
    );
    // No page shows Liquid outside its code, but for the text `{% raw %}` kept.
    for p in &b.pages {
        let shown = outside_code(&p.html).replace("Écrire {{ x }} dans", "");
        assert!(
            !shown.contains("{%") && !shown.contains("{{"),
            "{}: {}",
            p.route,
            p.html
        );
    }
}

#[test]
fn a_liquid_tag_left_open_is_an_error_naming_its_line() {
    let project = "---\ntitle: GLPI\n---\nDébut.\n\n{% if site.show_stats\nFin.\n";
    let (root, outcome) = compile_site(&[("_projects/glpi.md", project)], false);
    let text = printed(&outcome, root.path());
    assert!(outcome.bundle.is_none(), "{text}");
    assert_eq!(
        located(&text, "error: Liquid tag left open"),
        ["_projects/glpi.md:6:1"],
        "{text}"
    );
}

#[test]
fn a_config_that_is_not_yaml_is_named_with_its_line_and_the_site_still_builds() {
    let (root, outcome) = compile_site(&[("_config.yml", "title: Portfolio\nlang: fr\nauthor: [Léa\n")], false);
    let text = printed(&outcome, root.path());
    let at = located(&text, "warning: site settings could not be read");
    assert!(at.len() == 1 && at[0].starts_with("_config.yml:3:"), "{text}");
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    page(&b, "/posts/premier-article");
    page(&b, "/about");
}

#[test]
fn a_posts_categories_are_part_of_its_jekyll_address() {
    let post = "---\ntitle: Premier article\ncategories: [blog]\n---\nTexte.\n";
    let (root, outcome) = compile_site(&[("_posts/2021-04-11-premier-article.md", post)], false);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    // `permalink: /:categories/:title/`
    assert_eq!(page(&b, "/posts/premier-article").aliases, ["/blog/premier-article/"]);
}

#[test]
fn warnings_after_liquid_name_the_line_they_are_on() {
    let post = "---\ntitle: A longer title\n---\n# {{ page.title }}\n\n{% include x.html %}\n\n[a](../nulle-part/)\n";
    let (root, outcome) = compile_site(&[("_posts/2021-04-11-premier-article.md", post)], false);
    let text = printed(&outcome, root.path());
    let at = |message: &str| located(&text, message).join(", ");
    assert_eq!(
        at("Liquid `include x.html` left out"),
        "_posts/2021-04-11-premier-article.md:6:1",
        "{text}"
    );
    assert_eq!(
        at("link to a page that does not exist"),
        "_posts/2021-04-11-premier-article.md:8:1",
        "{text}"
    );
}

#[test]
fn a_folder_no_collection_builds_is_left_out_and_said() {
    let (root, outcome) = compile_site(&[("_notes/brouillon.md", "---\ntitle: Note\n---\nTexte.\n")], false);
    let text = printed(&outcome, root.path());
    assert!(text.contains("pages in `_notes/` are left out"), "{text}");
    assert!(text.contains("`notes: {output: true}` under `collections:`"), "{text}");
    let b = outcome.bundle.expect("a warning, not an error");
    assert!(b.pages.iter().all(|p| !p.route.contains("brouillon")));
}

#[test]
fn a_post_with_published_false_is_a_draft_not_an_error() {
    let extra = [(
        "_posts/2021-05-01-cache.md",
        "---\ntitle: Caché\npublished: false\n---\nTexte.\n",
    )];
    let (root, outcome) = compile_site(&extra, false);
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert!(
        b.pages.iter().all(|p| p.route != "/posts/cache"),
        "left out like a draft"
    );
    let (_root, outcome) = compile_site(&extra, true);
    assert!(outcome
        .bundle
        .expect("built")
        .pages
        .iter()
        .any(|p| p.route == "/posts/cache"));
}
