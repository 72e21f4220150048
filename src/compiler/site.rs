//! The site's settings, from an optional `content/site.toml`: title, author,
//! tagline, language (default `fr`) and links.

use super::diagnostics::{Diagnostic, Sources};
use crate::bundle::{Site, SiteLink};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Option<String>,
    author: Option<String>,
    tagline: Option<String>,
    #[serde(alias = "language", alias = "languageCode", alias = "default_language")]
    lang: Option<String>,
    #[serde(alias = "baseURL", alias = "baseUrl")]
    base_url: Option<String>,
    #[serde(default)]
    links: Links,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Links {
    email: Option<String>,
    github: Option<String>,
    linkedin: Option<String>,
    website: Option<String>,
}

pub const FILE: &str = "site.toml";

pub fn read(content: &Path, sources: &mut Sources) -> Result<Site, Diagnostic> {
    let path = content.join(FILE);
    let file: SiteFile = match std::fs::read_to_string(&path) {
        Ok(text) => {
            let parsed = toml::from_str(&text);
            let id = sources.add(path.to_string_lossy().into_owned(), text);
            parsed.map_err(|e: toml::de::Error| {
                Diagnostic::error(id, e.span().unwrap_or(0..0), "malformed site settings")
                    .label(e.message().to_string())
                    .hint(
                        "fields: title, author, tagline, lang, base_url, and [links] email, github, linkedin, website",
                    )
            })?
        }
        Err(_) => SiteFile::default(),
    };
    let author = file.author.unwrap_or_default();
    let title = file.title.unwrap_or_else(|| {
        if author.is_empty() {
            "Portfolio".into()
        } else {
            author.clone()
        }
    });
    let mut links = Vec::new();
    let l = file.links;
    for (label, url) in [
        (
            "E-mail",
            l.email.map(|e| {
                if e.starts_with("mailto:") {
                    e
                } else {
                    format!("mailto:{e}")
                }
            }),
        ),
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
    Ok(Site {
        title,
        author,
        tagline: file.tagline.unwrap_or_default(),
        lang: file.lang.unwrap_or_else(|| "fr".into()),
        base_url: file.base_url.unwrap_or_default().trim_end_matches('/').to_string(),
        links,
    })
}
