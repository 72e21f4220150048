//! The content compiler's readers, tested beside them: one module per tool whose sites
//! Vitrine reads (Hugo, Zola, Astro, Jekyll, Pelican), the common themes' shortcodes, and
//! `common` for what no single tool owns.

#[path = "../support/mod.rs"]
mod support;

mod astro;
mod common;
mod hugo;
mod jekyll;
mod languages;
mod pelican;
mod themes;
mod zola;

use support::content::{compile, png, printed, site_with};
use vitrine::bundle::{Bundle, Page};

fn build(files: &[(&str, &[u8])]) -> Bundle {
    build_at(site_with(files).path())
}

fn page<'a>(b: &'a Bundle, route: &str) -> &'a Page {
    b.page(route).unwrap_or_else(|| panic!("no page {route}"))
}

fn build_at(site: &std::path::Path) -> Bundle {
    let outcome = compile(site);
    let text = printed(&outcome, site);
    outcome.bundle.unwrap_or_else(|| panic!("build failed:\n{text}"))
}

/// An Astro site written under `root`, compiled from its `src/content`.
fn compile_astro(root: &std::path::Path) -> vitrine::compiler::Outcome {
    vitrine::compiler::compile(&vitrine::compiler::Options {
        content: root.join("src/content"),
        public: vec![root.join("public")],
        drafts: false,
        today: "2026-12-03".into(),
        image_cache: support::image_cache(),
    })
}

const HUGO: &str = r#"---
title: "Autonomie Professionnelle"
#date: 2014-09-28
description: "Pour bien réussir"
tags: ["BACKLINKS SEO", "TRANSITION 4.0", "TECHNIQUE","TRANSVERSE"]
draft: false
lastmod: 2024-01-02T10:00:00+01:00
aliases: ["/old/autonomie"]
---
## Ma Vision de L'Autonomie

 L'<b><u>autonomie  professionnelle</u></b> avec les projets [Transitions 4.0]( ../../projets/citi ) et [Base](../base/).
"#;

const ZOLA: &str = r#"+++
title = "Duvet Genius"
date = 2021-05-04T08:00:00Z
weight = 2
[taxonomies]
tags = ["Technique", "Développement"]
[extra]
repo = "https://example.org/duvet"
+++
## Contexte

Voir [la compétence](@/competences/hugo.md#ma-vision-de-lautonomie) et [Base](../../competences/base.md).
"#;

const ASTRO: &str = "---
title: Conduire un projet
publishDate: 2020-03-02 00:00:00
img: /assets/present.png
img_alt: Iridescent ripples of a bright blue and pink liquid
description: |
  Participer à la conception
  d'un projet
tags:

---

### Recul réflexif

#####\tProjet GECY :
- Projet mené de A à Z.
";

const BUNDLE_PAGE: &str = "---
title: GECY
pubDate: 2024-02-05T10:00:00
heroImage: ./photo.png
alt: Une photo
tags: developpement
---
![Photo de l'atelier](./photo.png)

Lien vers [citi](../citi.md) et [nested](../nested/duvet-genius/).
";

fn dialects() -> Bundle {
    let png = png();
    build(&[
        ("competences/hugo.md", HUGO.as_bytes()),
        ("projets/nested/duvet-genius.md", ZOLA.as_bytes()),
        ("competences/astro.md", ASTRO.as_bytes()),
        ("projets/gecy/index.md", BUNDLE_PAGE.as_bytes()),
        ("projets/gecy/photo.png", &png),
    ])
}

/// The HTML without its code (`<pre>…</pre>`, `<code>…</code>`): what a reader sees as text.
fn outside_code(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    loop {
        let next = ["<pre", "<code"]
            .iter()
            .filter_map(|open| rest.find(open).map(|at| (at, *open)))
            .min();
        let Some((at, open)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at]);
        let close = if open == "<pre" { "</pre>" } else { "</code>" };
        rest = rest[at..].find(close).map_or("", |end| &rest[at + end + close.len()..]);
    }
}

/// Where each printed diagnostic whose first line holds `message` points (`path:line:col`).
fn located(text: &str, message: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains(message) && (l.starts_with("warning:") || l.starts_with("error:")))
        .filter_map(|(i, _)| lines.get(i + 1)?.split_once("┌─ ").map(|(_, at)| at.trim().to_string()))
        .collect()
}
