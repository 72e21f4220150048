//! Astro (and its Starlight docs theme): `astro.config.*` read as text (it is
//! JavaScript), content collections, Starlight's locales, Markdown pages kept
//! outside the collections; its slugs are a page's whole path.

pub mod components;
pub mod directives;
pub mod mdx;

use super::settings::{FieldNames, Tool, ToolSettings};
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use std::path::{Path, PathBuf};

pub const ASTRO_FILES: [&str; 4] = [
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.js",
    "astro.config.cjs",
];

/// What Vitrine reads of a Starlight config: which locale is the site's own
/// (`defaultLocale`, `root` for the top of `docs/`) and the others' codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Starlight {
    pub default_locale: String,
    pub locales: Vec<String>,
}

/// Where an Astro site's content config (`src/content.config.ts`, or
/// `src/content/config.ts`) has its collections loaded from, when its content
/// folder holds none of them: `glob({ base: 'src/data/post' })` → `src/data`.
pub fn astro_loader_content(content: &Path) -> Option<PathBuf> {
    let src = content.parent()?;
    let root = src.parent()?;
    let config = ["content.config.ts", "content.config.mjs", "content.config.js"]
        .iter()
        .map(|name| src.join(name))
        .chain(
            ["config.ts", "config.mjs", "config.js"]
                .iter()
                .map(|name| content.join(name)),
        )
        .find_map(|path| std::fs::read_to_string(path).ok())?;
    let bases: Vec<PathBuf> = config
        .match_indices("base:")
        .filter_map(|(at, _)| {
            let value = config[at + 5..].trim_start();
            let quote = value.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
            let end = value[1..].find(quote)?;
            Some(root.join(value[1..1 + end].trim_start_matches("./")))
        })
        .filter(|base| base.is_dir())
        .collect();
    // The folder above the collections: each collection is then a section.
    let first = bases.first()?.parent()?.to_path_buf();
    bases.iter().all(|b| b.starts_with(&first)).then_some(first)
}

/// `site: 'https://x.github.io'` and `base: '/repo'` from an Astro config, read as text.
pub fn from_astro(text: &str) -> ToolSettings {
    let site = string_field(text, "site");
    let base = string_field(text, "base")
        .map(|b| format!("/{}", b.trim_matches('/')))
        .filter(|b| b != "/");
    let base_url = site.map(|s| format!("{}{}", s.trim_end_matches('/'), base.as_deref().unwrap_or("")));
    let starlight = text.contains("starlight(").then(|| {
        let locales = object_keys(text, "locales");
        let default_locale = string_field(text, "defaultLocale")
            .or_else(|| locales.iter().find(|l| *l == "root").cloned())
            .or_else(|| locales.first().cloned())
            .unwrap_or_else(|| "root".into());
        Starlight {
            default_locale,
            locales,
        }
    });
    let settings = ToolSettings {
        base_url,
        base_path: base,
        // Starlight's `title` is the site's; a plain Astro config has none.
        title: starlight.as_ref().and_then(|_| string_field(text, "title")),
        lang: starlight.as_ref().and_then(|s| match s.default_locale.as_str() {
            // `locales: { root: { label: 'English', lang: 'en' } }`
            "root" => root_locale_lang(text),
            code => Some(code.split(['-', '_']).next().unwrap_or(code).to_lowercase()),
        }),
        // Starlight's other locales are the site's other languages, each in its folder.
        languages: starlight
            .iter()
            .flat_map(|s| &s.locales)
            .filter(|code| *code != "root" && starlight.as_ref().is_some_and(|s| s.default_locale != **code))
            .map(|code| super::settings::Language::new(code))
            .collect(),
        starlight,
        tool: TOOL,
        conventions: super::settings::Conventions {
            github_ids: true,
            slug_is_path: true,
            ..Default::default()
        },
        ..ToolSettings::default()
    };
    match i18n(text).filter(|_| settings.starlight.is_none()) {
        Some(i18n) => ToolSettings {
            lang: i18n.lang,
            languages: i18n.languages,
            locale_folders: true,
            default_in_subdir: i18n.default_in_subdir,
            ..settings
        },
        None => settings,
    }
}

/// Astro's own `i18n: { defaultLocale, locales, routing: { prefixDefaultLocale } }`,
/// each collection's pages in a folder per locale (`blog/en/post.md`).
fn i18n(text: &str) -> Option<ToolSettings> {
    let i18n = object_body(text, "i18n")?;
    let own = string_field(i18n, "defaultLocale").map(|l| super::hugo::primary(&l))?;
    let locales = string_list(i18n, "locales");
    (locales.len() > 1).then(|| ToolSettings {
        lang: Some(own.clone()),
        languages: locales
            .iter()
            .filter(|l| super::hugo::primary(l) != own)
            .map(|l| super::settings::Language::new(l))
            .collect(),
        locale_folders: true,
        default_in_subdir: i18n.contains("prefixDefaultLocale: true"),
        ..ToolSettings::default()
    })
}

/// The text after the `{` of the object literal given as `name: {` or
/// `name = {` (`export const locales = {…}`, then `locales,` in the config).
fn object_body<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    text.match_indices(name).find_map(|(at, _)| {
        let rest = text[at + name.len()..].trim_start();
        let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
        value.trim_start().strip_prefix('{')
    })
}

/// The strings of an array literal (`locales: ['fr', 'en']`); the `path` of
/// its objects (`{ path: 'english', codes: ['en'] }`) are left out.
fn string_list(text: &str, name: &str) -> Vec<String> {
    let Some(at) = text.find(&format!("{name}:")) else {
        return Vec::new();
    };
    let rest = text[at + name.len() + 1..].trim_start();
    let Some(body) = rest.strip_prefix('[').and_then(|b| b.split(']').next()) else {
        return Vec::new();
    };
    body.split(',')
        .map(|s| s.trim().trim_matches(['\'', '"', '`']))
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(str::to_string)
        .collect()
}

/// The `lang` of a Starlight config's `root` locale.
fn root_locale_lang(text: &str) -> Option<String> {
    let locales = object_body(text, "locales")?;
    let root = &locales[locales.find("root:")?..];
    let entry = &root[..root.find('}').unwrap_or(root.len())];
    string_field(entry, "lang").map(|l| l.split(['-', '_']).next().unwrap_or(&l).to_lowercase())
}

/// The keys of the object literal after `name:` in JavaScript source
/// (`locales: { root: {…}, 'pt-br': {…} }` → `root`, `pt-br`).
fn object_keys(text: &str, name: &str) -> Vec<String> {
    let Some(body) = object_body(text, name) else {
        return Vec::new();
    };
    let (mut depth, mut keys, mut start) = (0usize, Vec::new(), 0usize);
    for (i, c) in body.char_indices() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' if depth == 0 => break,
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => start = i + 1,
            ':' if depth == 0 => {
                let key = body[start..i].trim().trim_matches(['\'', '"', '`']);
                if !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
                    keys.push(key.to_string());
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    keys
}

/// The string value of `name: '…'` (or `"…"`, `` `…` ``) in JavaScript source.
fn string_field(text: &str, name: &str) -> Option<String> {
    let mut rest = text;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let Some(value) = after.strip_prefix(':') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
        let end = value[1..].find(quote)?;
        return Some(value[1..1 + end].to_string());
    }
    None
}

/// Astro's Markdown pages (`src/pages/privacy.md` → `/privacy`), which live
/// outside the content collections Vitrine reads: named in one warning.
pub fn astro_pages(content: &Path, sources: &mut Sources) -> Option<Diagnostic> {
    let dir = content.parent()?.join("pages");
    let markdown: Vec<String> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md" || x == "mdx"))
        .filter_map(|e| Some(e.path().strip_prefix(&dir).ok()?.to_string_lossy().into_owned()))
        .collect();
    let first = markdown.first()?;
    let id = sources.add(dir.display().to_string(), String::new());
    let (n, one) = (markdown.len(), markdown.len() == 1);
    Some(
        Diagnostic::warning(id, 0..0, format!("Markdown pages in `{}` are left out", dir.display()))
            .label(format!(
                "{n} page{} (`{first}`…) that Astro publishes at {} path; Vitrine reads the content collections",
                if one { "" } else { "s" },
                if one { "its" } else { "their" },
            ))
            .hint("move them into the content folder: a page at its top is built at `/<name>`"),
    )
}

/// A Starlight site's pages: `docs/` (its default locale's folder when that is
/// not the root), at the root of the site; the other locales' folders are
/// left out (see [`other_locales`]), said once each.
pub fn starlight_content(
    content: &Path,
    starlight: &Starlight,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let docs = content.join("docs");
    if !docs.is_dir() {
        return None;
    }
    let own = docs.join(&starlight.default_locale);
    let built_in = format!("`{}`", starlight.default_locale);
    let at_root = starlight.default_locale == "root" || !own.is_dir();
    if !at_root && has_pages(&docs) {
        diagnostics.push(super::other_language(&docs, "root", &built_in, sources));
    }
    Some(if at_root { docs } else { own })
}

/// The folders of a Starlight site's locales other than its default one (`docs/en/`).
pub fn other_locales(docs: &Path, starlight: &Starlight) -> Vec<(String, PathBuf)> {
    starlight
        .locales
        .iter()
        .filter(|code| **code != starlight.default_locale && *code != "root")
        .map(|code| (code.clone(), docs.join(code)))
        .filter(|(_, dir)| dir.is_dir())
        .collect()
}

/// Whether a folder holds Markdown files of its own (not in its subfolders).
fn has_pages(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .any(|e| {
            let path = e.path();
            path.is_file() && path.extension().is_some_and(|x| x == "md" || x == "mdx")
        })
}

/// The names Astro's starters and themes give the fields (`pubDate`,
/// `updatedDate`, `heroImage`, Cactus's `coverImage`, portfolio templates' `img`).
pub const FIELDS: FieldNames = FieldNames {
    date: &["pubDate", "published"],
    updated: &["updatedDate"],
    image: &["img", "heroImage", "coverImage"],
    alt: &["img_alt", "imageAlt"],
};

/// Astro's reader: its Markdown pages outside the collections are named in a warning.
pub const TOOL: Tool = Tool {
    name: "Astro",
    old_addresses: |_, _, _| Vec::new(),
    body: |_, _| None,
    site_warnings: |content, sources| astro_pages(content, sources).into_iter().collect(),
};

/// The settings above the content folder (`roots[1..]`), if an Astro config.
pub fn read_at(roots: &[PathBuf], _: &mut Sources) -> Option<(ToolSettings, Vec<Diagnostic>)> {
    roots.iter().skip(1).find_map(|root| {
        let mut settings = read(root)?;
        // `src/data/` beside the content folder, or `data/` at the root.
        let data = [root.join("src").join("data"), root.join("data")];
        settings.data_folders = data.into_iter().filter(|d| d.is_dir()).collect();
        Some((settings, Vec::new()))
    })
}

/// Whether a folder holds an Astro config.
pub fn has_settings(dir: &Path) -> bool {
    ASTRO_FILES.iter().any(|name| dir.join(name).is_file())
}

/// The settings of an Astro site whose root is `root`, if it is one.
pub fn read(root: &Path) -> Option<ToolSettings> {
    ASTRO_FILES
        .iter()
        .find_map(|name| std::fs::read_to_string(root.join(name)).ok())
        .map(|text| from_astro(&text))
}
