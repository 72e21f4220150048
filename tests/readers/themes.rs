//! A Hugo site whose pages use the common themes' shortcodes (Blowfish and Congo,
//! PaperMod, Docsy): each shows what it means, none is shown as written.

use crate::support::content::{compile, png, printed, write_tree};
use crate::{located, outside_code, page};
use vitrine::bundle::Bundle;

/// A Blowfish or Congo "about" page: a lead, a button, badges, a timeline, keywords…
const BLOWFISH: &str = r#"---
title: Mon parcours
---
{{< lead >}}
Administratrice systèmes, curieuse de **réseau**.
{{< /lead >}}

{{< button href="/projets/" target="_self" >}}Voir mes projets{{< /button >}} {{< badge >}}Disponible{{< /badge >}}

Retrouvez-moi sur {{< icon "github" >}} GitHub.

{{< alert icon="circle-info" >}}
Ce site est fait avec **Blowfish**.
{{< /alert >}}

## Compétences

{{< keywordList >}}
{{< keyword icon="code" >}} Scripts *Bash* {{< /keyword >}}
{{< keyword >}} Supervision {{< /keyword >}}
{{< /keywordList >}}

## Expérience

{{< timeline >}}

{{< timelineItem icon="work" header="Technicienne réseau" badge="2021 - 2024" subheader="Mairie de Lyon" >}}
Déploiement du *Wi-Fi* dans les écoles.
{{< /timelineItem >}}

{{< timelineItem icon="school" header="BTS SIO" badge="2019" subheader="Lycée du Parc" >}}
Option SISR.
{{< /timelineItem >}}

{{< /timeline >}}

{{< gallery >}}
  <img src="galerie/salle.png" alt="La salle serveur" class="grid-w50" />
  <img src="galerie/baie.png" alt="La baie" class="grid-w50" />
{{< /gallery >}}

{{< article link="/posts/papermod/" >}}

{{< mermaid >}}
graph LR;
A[Poste]-->B[Switch];
{{< /mermaid >}}

{{< spoiler >}}Le texte gardé du shortcode inconnu.{{< /spoiler >}}

{{< spoiler >}}Une deuxième fois.{{< /spoiler >}}
"#;

/// A PaperMod post: a fold, raw HTML.
const PAPERMOD: &str = r#"---
title: Notes PaperMod
---
{{< collapse summary="Voir la configuration" >}}

Le fichier *config.yml* du thème.

{{< /collapse >}}

{{< rawhtml >}}
<p class="note">Du <strong>HTML</strong> écrit tel quel.</p>
{{< /rawhtml >}}

{{< newsletter >}}

{{< spoiler >}}Encore un secret.{{< /spoiler >}}
"#;

/// A Docsy docs page: an alert, a page info box, tabs of code.
const DOCSY: &str = r#"---
title: Installer l'agent
---
{{% pageinfo color="info" %}}
Cette page est **provisoire**.
{{% /pageinfo %}}

{{% alert title="Attention" color="warning" %}}
Redémarrez le service après l'installation.
{{% /alert %}}

{{< tabpane >}}
{{< tab header="Debian" lang="sh" >}}
apt install zabbix-agent
{{< /tab >}}
{{< tab header="Windows" lang="powershell" >}}
msiexec /i zabbix_agent.msi
{{< /tab >}}
{{< /tabpane >}}

{{< newsletter >}} et {{< newsletter >}}
"#;

fn site() -> (tempfile::TempDir, vitrine::compiler::Outcome) {
    let png = png();
    let root = tempfile::tempdir().unwrap();
    write_tree(
        root.path(),
        &[
            ("hugo.toml", "title = 'Portfolio'\ntheme = 'blowfish'\n".as_bytes()),
            ("content/about/index.md", BLOWFISH.as_bytes()),
            ("content/about/galerie/salle.png", &png),
            ("content/about/galerie/baie.png", &png),
            ("content/posts/papermod.md", PAPERMOD.as_bytes()),
            ("content/docs/agent.md", DOCSY.as_bytes()),
            (
                "content/projets/supervision.md",
                b"---\ntitle: Supervision\n---\nZabbix.\n",
            ),
        ],
    );
    let outcome = compile(root.path());
    (root, outcome)
}

fn built() -> (Bundle, String) {
    let (root, outcome) = site();
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    (b, text)
}

/// The part of `html` from `open` to the first `close` after it.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open} in {html}"));
    let end = html[start..]
        .find(close)
        .unwrap_or_else(|| panic!("no {close} in {html}"));
    &html[start..start + end + close.len()]
}

#[test]
fn theme_shortcodes_show_what_they_mean_and_none_is_shown_as_written() {
    let (b, text) = built();
    for p in &b.pages {
        let shown = outside_code(&p.html);
        for written in ["{{<", "{{%", "{%", "{{&lt;", ">}}", "%}}", "&gt;}}"] {
            assert!(!shown.contains(written), "{} shows `{written}`: {}", p.route, p.html);
        }
    }
    // Blowfish and Congo.
    let html = &page(&b, "/about").html;
    assert!(
        between(html, r#"<div class="lead">"#, "</div>").contains("curieuse de <strong>réseau</strong>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<a class="button" href="projets">Voir mes projets</a>"#),
        "{html}"
    );
    assert!(html.contains(r#"<span class="badge">Disponible</span>"#), "{html}");
    assert!(
        html.contains("Retrouvez-moi sur  GitHub.") && !html.contains("circle-info"),
        "{html}"
    );
    assert!(
        between(html, r#"<blockquote class="markdown-alert-note">"#, "</blockquote>")
            .contains("<strong>Blowfish</strong>"),
        "{html}"
    );
    let keywords = between(html, r#"<div class="keywords">"#, "</div>");
    assert!(
        keywords.contains(r#"<span class="keyword">Scripts <em>Bash</em></span>"#),
        "{html}"
    );
    assert!(
        keywords.contains(r#"<span class="keyword">Supervision</span>"#),
        "{html}"
    );
    // The timeline is a list, in order, each entry with its date.
    let timeline = between(html, r#"<ol class="timeline">"#, "</ol>");
    assert_eq!(timeline.matches("<li>").count(), 2, "{html}");
    let first = timeline.find("<time>2021 - 2024</time>").expect("the first date");
    let second = timeline.find("<time>2019</time>").expect("the second date");
    assert!(first < second, "{timeline}");
    assert!(
        timeline.contains("<strong>Technicienne réseau</strong>") && timeline.contains("Mairie de Lyon"),
        "{timeline}"
    );
    assert!(timeline.contains("Déploiement du <em>Wi-Fi</em>"), "{timeline}");
    let gallery = between(html, r#"<div class="gallery">"#, "</div>");
    assert!(
        gallery.contains(r#"src="about/galerie/salle.png" alt="La salle serveur""#)
            && gallery.contains(r#"src="about/galerie/baie.png" alt="La baie""#),
        "{html}"
    );
    assert!(
        html.contains(r#"<a href="posts/papermod">"#),
        "the article is a link: {html}"
    );
    assert_eq!(page(&b, "/posts/papermod").backlinks, ["/about"]);
    let mermaid = between(html, "<pre ", "</pre>");
    assert!(
        mermaid.contains(r#"<code class="language-mermaid">graph LR;"#),
        "{html}"
    );
    // PaperMod.
    let html = &page(&b, "/posts/papermod").html;
    assert!(
        between(html, "<details><summary>Voir la configuration</summary>", "</details>")
            .contains("<em>config.yml</em>"),
        "{html}"
    );
    assert!(
        html.contains(r#"<p class="note">Du <strong>HTML</strong> écrit tel quel.</p>"#),
        "{html}"
    );
    // Docsy.
    let html = &page(&b, "/docs/agent").html;
    assert!(
        between(html, "<blockquote", "</blockquote>").contains("Cette page est <strong>provisoire</strong>."),
        "{html}"
    );
    assert!(
        between(html, r#"<blockquote class="markdown-alert-warning">"#, "</blockquote>")
            .contains("<strong>Attention</strong>"),
        "{html}"
    );
    let debian = html.find("<strong>Debian</strong>").expect("the first tab's label");
    let sh = html
        .find(r#"<code class="language-sh">"#)
        .expect("the first tab's code");
    let windows = html.find("<strong>Windows</strong>").expect("the second tab's label");
    let powershell = html
        .find(r#"<code class="language-powershell">msiexec"#)
        .expect("the second tab's code");
    assert!(debian < sh && sh < windows && windows < powershell, "{html}");
    // Every theme shortcode above is known: only the unknown ones are warned of.
    assert_eq!(text.matches("warning:").count(), 4, "{text}");
}

#[test]
fn unknown_shortcodes_keep_their_inner_text_and_are_named_once_per_page() {
    let (b, text) = built();
    let about = &page(&b, "/about").html;
    assert!(
        about.contains("<p>Le texte gardé du shortcode inconnu.</p>") && about.contains("<p>Une deuxième fois.</p>"),
        "{about}"
    );
    assert!(page(&b, "/posts/papermod").html.contains("<p>Encore un secret.</p>"));
    // A lone one with no address shows nothing.
    let agent = &page(&b, "/docs/agent").html;
    assert!(agent.contains("<p>et</p>") && !agent.contains("newsletter"), "{agent}");
    assert_eq!(
        located(&text, "warning: shortcode `spoiler` not run"),
        ["content/about/index.md:49:1", "content/posts/papermod.md:16:1"],
        "{text}"
    );
    assert_eq!(
        located(&text, "warning: shortcode `newsletter` not run"),
        ["content/docs/agent.md:21:1", "content/posts/papermod.md:14:1"],
        "{text}"
    );
}

/// A real photo (a flat PNG is served as it is, never resized).
fn photo() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/photo.jpg")).unwrap()
}

/// A site with `files` at its root (settings beside `content/`), a photo in `static/img/`.
fn profile_site(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Bundle) {
    let root = tempfile::tempdir().unwrap();
    write_tree(root.path(), files);
    write_tree(
        root.path(),
        &[
            ("static/img/moi.jpg", photo()),
            ("content/projets/glpi.md", b"---\ntitle: GLPI\n---\nParc.\n".to_vec()),
        ],
    );
    let outcome = vitrine::compiler::compile(&vitrine::compiler::Options {
        content: root.path().join("content"),
        public: vec![root.path().join("static")],
        drafts: false,
        today: "2026-12-03".into(),
        image_cache: crate::support::image_cache(),
    });
    let text = printed(&outcome, root.path());
    let bundle = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    (root, bundle)
}

#[test]
fn the_author_profile_the_theme_keeps_is_on_the_home_page_with_the_photo_resized() {
    let papermod = "title = 'Portfolio'\n[params.profileMode]\nenabled = true\ntitle = 'Camille'\nsubtitle = 'Étudiante en *BTS SIO*, option SISR'\nimageUrl = '/img/moi.jpg'\n[[params.socialIcons]]\nname = 'github'\nurl = 'https://github.com/camille'\n";
    let blowfish = "title = 'Portfolio'\n[params.author]\nname = 'Camille'\nimage = 'img/moi.jpg'\nbio = 'Alternante en administration réseau'\nlinks = [{ github = 'https://github.com/camille' }, { linkedin = 'https://linkedin.com/in/camille' }]\n";
    let zola = "base_url = 'https://camille.example'\ntitle = 'Portfolio'\n[extra]\navatar = '/img/moi.jpg'\nbio = 'Développeuse'\nsocials = [{ name = 'github', url = 'https://github.com/camille' }]\n";
    for (file, settings, bio) in [
        ("hugo.toml", papermod, "Étudiante en BTS SIO, option SISR"),
        ("hugo.toml", blowfish, "Alternante en administration réseau"),
        ("config.toml", zola, "Développeuse"),
    ] {
        let (_root, b) = profile_site(&[(file, settings.as_bytes())]);
        let photo = b
            .site
            .photo
            .as_ref()
            .unwrap_or_else(|| panic!("no photo from {settings}"));
        assert_eq!(photo.src, "/img/moi.jpg", "{settings}");
        assert!(
            photo.resized.is_some(),
            "the photo is resized like every image: {settings}"
        );
        assert_eq!(b.site.bio, bio);
        assert!(
            b.site.links.iter().any(|l| l.url == "https://github.com/camille"),
            "{:?}",
            b.site.links
        );
    }
    let (_root, b) = profile_site(&[("hugo.toml", blowfish.as_bytes())]);
    assert!(b.site.links.iter().any(|l| l.url == "https://linkedin.com/in/camille"));
    // PaperMod's profile names the author by its title.
    let (_root, b) = profile_site(&[("hugo.toml", papermod.as_bytes())]);
    assert_eq!(b.site.author, "Camille");
}

#[test]
fn a_jekyll_author_in_data_or_settings_gives_the_profile() {
    let root = tempfile::tempdir().unwrap();
    write_tree(
        root.path(),
        &[
            (
                "_config.yml",
                b"title: Portfolio\ncollections:\n  projects:\n    output: true\n".to_vec(),
            ),
            (
                "_data/author.yml",
                b"name: Camille\navatar: /assets/moi.png\nbio: Etudiante\nlinks:\n  - label: GitHub\n    url: https://github.com/camille\n".to_vec(),
            ),
            ("assets/moi.png", png()),
            ("_projects/glpi.md", b"---\ntitle: GLPI\n---\nParc.\n".to_vec()),
        ],
    );
    let outcome = vitrine::compiler::compile(&vitrine::compiler::Options {
        content: root.path().to_path_buf(),
        public: vec![],
        drafts: false,
        today: "2026-12-03".into(),
        image_cache: crate::support::image_cache(),
    });
    let text = printed(&outcome, root.path());
    let b = outcome.bundle.unwrap_or_else(|| panic!("{text}"));
    assert_eq!(b.site.author, "Camille");
    assert_eq!(b.site.bio, "Etudiante");
    assert_eq!(b.site.photo.as_ref().map(|p| p.src.as_str()), Some("/assets/moi.png"));
    assert!(b.site.links.iter().any(|l| l.url == "https://github.com/camille"));
}

#[test]
fn a_photo_that_is_not_there_is_a_warning_naming_the_setting() {
    let root = tempfile::tempdir().unwrap();
    write_tree(
        root.path(),
        &[
            (
                "hugo.toml",
                "title = 'P'\n[params.author]\nimage = '/img/absente.png'\n".as_bytes(),
            ),
            ("content/projets/glpi.md", &b"---\ntitle: GLPI\n---\nParc.\n"[..]),
        ],
    );
    let outcome = compile(root.path());
    let text = printed(&outcome, root.path());
    assert!(text.contains("author's photo not found"), "{text}");
    assert!(text.contains("hugo.toml:3"), "{text}");
    assert!(outcome.bundle.expect("a warning, not an error").site.photo.is_none());
}
