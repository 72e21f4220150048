//! The site's settings, from an optional `content/site.toml`: title, author,
//! tagline, language (default `fr`) and links.

use crate::bundle::{Site, SiteLink};
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::front_matter;
use crate::compiler::readers::settings::{Language, MenuEntry, ToolSettings};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Option<String>,
    author: Option<String>,
    #[serde(alias = "description")]
    tagline: Option<String>,
    #[serde(alias = "language", alias = "languageCode", alias = "default_language")]
    lang: Option<String>,
    #[serde(alias = "baseURL", alias = "baseUrl")]
    base_url: Option<String>,
    #[serde(default)]
    links: Links,
    /// `[[menu]]` entries (`name`, `url`, `weight`): order and labels of the navigation.
    #[serde(default)]
    menu: Vec<MenuEntry>,
    /// The author's photo (`/assets/moi.jpg`) and short bio, on the home page.
    #[serde(alias = "avatar", alias = "image")]
    photo: Option<String>,
    bio: Option<String>,
    /// `[languages.en]`: the other languages the site is written in (`page.en.md`).
    #[serde(default)]
    languages: std::collections::BTreeMap<String, LanguageFile>,
    /// Every warning an error: nothing built until the content is clean (`--strict`).
    #[serde(default)]
    strict: bool,
    /// `[external] skip = ["linkedin.com"]`: hosts `check --external` does not ask.
    #[serde(default)]
    external: External,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct External {
    #[serde(default)]
    skip: Vec<String>,
}

/// What the author asks of the checks, beside what the site shows.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Checks {
    /// `strict = true`: every warning is an error, as with `--strict`.
    pub strict: bool,
    /// Hosts whose links `check --external` does not ask (LinkedIn refuses robots).
    pub skip_hosts: Vec<String>,
}

/// What `[languages.<code>]` changes for that language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    #[serde(alias = "label", alias = "languageName")]
    name: Option<String>,
    title: Option<String>,
    #[serde(alias = "description")]
    tagline: Option<String>,
    author: Option<String>,
    weight: Option<i64>,
    #[serde(default)]
    menu: Vec<MenuEntry>,
}

#[derive(Debug, Default, Deserialize)]
struct Links {
    email: Option<String>,
    github: Option<String>,
    linkedin: Option<String>,
    website: Option<String>,
}

pub const FILE: &str = "site.toml";

/// `content/site.toml` (or `_index.md`), each field falling back on what the
/// site's own tool settings say (`defaults`); the site's other languages, and
/// what it asks of the checks.
pub fn read(
    content: &Path,
    defaults: &ToolSettings,
    sources: &mut Sources,
) -> Result<(Site, Vec<Language>, Checks), Diagnostic> {
    let path = content.join(FILE);
    let mut file: SiteFile = match std::fs::read_to_string(&path) {
        Ok(text) => {
            let parsed = toml::from_str(&text);
            let id = sources.add(path.to_string_lossy().into_owned(), text);
            parsed.map_err(|e: toml::de::Error| {
                Diagnostic::error(id, e.span().unwrap_or(0..0), "malformed site settings")
                    .label(e.message().to_string())
                    .hint(
                        "fields: title, author, tagline, lang, base_url, photo, bio, strict, [external] skip, [links] email, github, linkedin, website, [[menu]] name, url, weight, and [languages.en] name, title, tagline, author, weight, [[languages.en.menu]]",
                    )
            })?
        }
        Err(_) => from_index(
            content,
            &crate::compiler::readers::load::Lang::own(defaults.lang.as_deref().unwrap_or("fr")),
            sources,
        )?,
    };
    let d = defaults.clone();
    let languages = languages(std::mem::take(&mut file.languages), &d.languages);
    // `site.toml` is the site's own; the home page's `title` is only the home
    // page's (Hugo's "Welcome!"), behind the site title its tool's settings give.
    let own = path.is_file();
    let pick = |ours: Option<String>, tools: Option<String>| if own { ours.or(tools) } else { tools.or(ours) };
    let checks = Checks {
        strict: file.strict,
        skip_hosts: std::mem::take(&mut file.external.skip),
    };
    let author = file.author.or(d.author).unwrap_or_default();
    let title = pick(file.title, d.title).unwrap_or_else(|| {
        if author.is_empty() {
            "Portfolio".into()
        } else {
            author.clone()
        }
    });
    let site = Site {
        title,
        author,
        tagline: pick(file.tagline, d.description).unwrap_or_default(),
        lang: file.lang.or(d.lang).unwrap_or_else(|| "fr".into()),
        base_url: file
            .base_url
            .or(d.base_url)
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string(),
        links: links(file.links, &d.social),
        sections: Vec::new(),
        // The menu as configured, in weight order; the compiler matches it to the sections and pages.
        menu: configured_menu(if file.menu.is_empty() { d.menu } else { file.menu }),
        // As written here; found and resized with the pages' images (`markup::images::photo`).
        photo: file.photo.or(d.photo).map(|src| crate::bundle::Image {
            src,
            alt: String::new(),
            width: None,
            height: None,
            resized: None,
        }),
        bio: file.bio.or(d.bio).map(|bio| plain(&bio)).unwrap_or_default(),
        ..Site::default()
    };
    Ok((site, languages, checks))
}

/// The site's other languages: those `site.toml` declares (its fields first),
/// then those the tool's settings declare.
fn languages(own: std::collections::BTreeMap<String, LanguageFile>, tools: &[Language]) -> Vec<Language> {
    let mut out: Vec<Language> = own
        .into_iter()
        .map(|(code, f)| {
            let tool = tools.iter().find(|l| l.code == code.to_lowercase()).cloned();
            let tool = tool.unwrap_or_else(|| Language::new(&code));
            Language {
                name: f.name.or(tool.name),
                weight: f.weight.unwrap_or(tool.weight),
                title: f.title.or(tool.title),
                description: f.tagline.or(tool.description),
                author: f.author.or(tool.author),
                menu: if f.menu.is_empty() { tool.menu } else { f.menu },
                ..tool
            }
        })
        .collect();
    let declared: Vec<String> = out.iter().map(|l| l.code.clone()).collect();
    out.extend(tools.iter().filter(|t| !declared.contains(&t.code)).cloned());
    out.sort_by_key(|l| l.weight);
    out
}

/// The site as shown in another language: that language's title, tagline,
/// author and menu where its settings give them (the tagline also from its
/// home page, `_index.en.md`), the rest as in the site's own.
pub fn in_language(site: &Site, language: &Language, home: Option<&Path>, sources: &mut Sources) -> Site {
    let index = home.and_then(|content| {
        let file = crate::compiler::readers::intros::own_index_file(content, &language.code)?;
        index_fields(&file, sources).ok()
    });
    let tagline = index.as_ref().and_then(|i| i.tagline.clone());
    Site {
        title: language.title.clone().unwrap_or_else(|| site.title.clone()),
        author: language.author.clone().unwrap_or_else(|| site.author.clone()),
        tagline: language
            .description
            .clone()
            .or(tagline)
            .unwrap_or_else(|| site.tagline.clone()),
        lang: language.code.clone(),
        menu: if language.menu.is_empty() {
            site.menu.clone()
        } else {
            configured_menu(language.menu.clone())
        },
        ..site.clone()
    }
}

/// A short text as written in settings, where themes allow Markdown
/// (PaperMod's `subtitle: "*Check my work*"`), as the plain text it shows.
fn plain(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let text: String = Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Text(text) | Event::Code(text) => Some(text.to_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            _ => None,
        })
        .collect();
    text.trim().to_string()
}

/// The author's links: `site.toml`'s `[links]`, then the profiles the tool's
/// settings list (a theme's social links).
fn links(l: Links, social: &[(String, String)]) -> Vec<SiteLink> {
    let mut links = Vec::new();
    let email = l.email.map(|e| {
        if e.starts_with("mailto:") {
            e
        } else {
            format!("mailto:{e}")
        }
    });
    for (label, url) in [
        ("E-mail", email),
        ("GitHub", l.github),
        ("LinkedIn", l.linkedin),
        ("Site web", l.website),
    ] {
        if let Some(url) = url.filter(|u| !u.trim().is_empty()) {
            links.push(SiteLink {
                label: label.into(),
                url,
            });
        }
    }
    for (label, url) in social {
        if !links.iter().any(|l| l.url == *url) {
            links.push(SiteLink {
                label: label.clone(),
                url: url.clone(),
            });
        }
    }
    links
}

/// Settings from the front matter of `content/_index.md` (Hugo and Zola's home
/// page): `title`, `description` or `tagline`, `author`, `lang`, and `links`
/// (or `extra.links`, Zola's place for custom fields). Other fields are ignored.
fn from_index(
    content: &Path,
    lang: &crate::compiler::readers::load::Lang,
    sources: &mut Sources,
) -> Result<SiteFile, Diagnostic> {
    let Some(path) = crate::compiler::readers::intros::index_file(content, lang) else {
        return Ok(SiteFile::default());
    };
    index_fields(&path, sources)
}

/// The site's fields an `_index.md` gives.
fn index_fields(path: &Path, sources: &mut Sources) -> Result<SiteFile, Diagnostic> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(SiteFile::default());
    };
    let id = sources.add(path.to_string_lossy().into_owned(), text);
    let text = sources.text(id);
    let split = front_matter::split(id, text)?;
    let mut map = front_matter::parse(id, &split)?;
    let text_of = |map: &serde_json::Map<String, serde_json::Value>, key: &str| {
        map.get(key).and_then(|v| v.as_str()).map(|s| s.trim().to_string())
    };
    let extra = map
        .remove("extra")
        .and_then(|e| e.as_object().cloned())
        .unwrap_or_default();
    let links = map
        .remove("links")
        .or_else(|| extra.get("links").cloned())
        .unwrap_or_default();
    Ok(SiteFile {
        title: text_of(&map, "title"),
        author: text_of(&map, "author").or_else(|| text_of(&extra, "author")),
        tagline: text_of(&map, "tagline").or_else(|| text_of(&map, "description")),
        lang: text_of(&map, "lang").or_else(|| text_of(&map, "language")),
        base_url: text_of(&map, "base_url"),
        links: serde_json::from_value(links).unwrap_or_default(),
        ..SiteFile::default()
    })
}

/// In weight order as Hugo sorts them: weighted entries first, then the others as written.
fn configured_menu(mut entries: Vec<MenuEntry>) -> Vec<SiteLink> {
    entries.sort_by_key(|e| e.weight.filter(|w| *w != 0).unwrap_or(i64::MAX));
    entries
        .into_iter()
        .map(|e| SiteLink {
            label: e.label(),
            url: e.address(),
        })
        .collect()
}
