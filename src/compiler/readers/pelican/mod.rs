//! Pelican: `pelicanconf.py` read as text (never run), pages whose fields are
//! `Key: value` header lines, `content/pages/` as the site's top-level pages,
//! and its link markers (`{filename}`, `{static}`, `|filename|`).

pub mod conf;
pub mod header;
pub mod links;

use super::settings::{url_path, PageText, Tool, ToolSettings};
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use crate::compiler::model::front_matter::{Fields, Format, Split};
use std::path::{Path, PathBuf};

const CONF: &str = "pelicanconf.py";

/// Pelican's reader: its pages' link markers, its `PAGE_URL`-style addresses.
pub const TOOL: Tool = Tool {
    name: "Pelican",
    old_addresses: |docs, settings, _| old_addresses(docs, settings),
    body: |page: &PageText, _| links(page.body),
    site_warnings: |_, _| Vec::new(),
};

/// The settings above the content folder (`roots[1..]`), if a `pelicanconf.py`.
pub fn read_at(roots: &[PathBuf], sources: &mut Sources) -> Option<(ToolSettings, Vec<Diagnostic>)> {
    roots.iter().skip(1).find_map(|root| read(root, sources))
}

/// The content folder of a Pelican site's root: its `PATH`, `content` by default.
pub fn content_of(root: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(root.join(CONF)).ok()?;
    let (conf, _) = conf::read_conf(&text);
    let content = root.join(conf.path.as_deref().unwrap_or("content"));
    content.is_dir().then_some(content)
}

/// The settings of a Pelican site whose root is `root`, if it is one.
pub fn read(root: &Path, sources: &mut Sources) -> Option<(ToolSettings, Vec<Diagnostic>)> {
    let path = root.join(CONF);
    let text = std::fs::read_to_string(&path).ok()?;
    let (conf, problems) = conf::read_conf(&text);
    let id = sources.add(path.display().to_string(), text);
    let found = problems.into_iter().map(|p| p.warning(id, 0)).collect();
    let base_url = conf
        .siteurl
        .clone()
        .filter(|u| !u.is_empty())
        .map(|u| u.trim_end_matches('/').to_string());
    // Pelican's translations: a `Lang:` header on each page in another language
    // than `DEFAULT_LANG`, paired with its original by address (the same `Slug:`).
    let own = conf.default_lang.as_deref().map(super::hugo::primary);
    let content = root.join(conf.path.as_deref().unwrap_or("content"));
    let languages: Vec<super::settings::Language> = page_languages(&content)
        .into_iter()
        .filter(|l| Some(l) != own.as_ref())
        .map(|l| super::settings::Language::new(&l))
        .collect();
    let settings = ToolSettings {
        title: conf.sitename.clone(),
        author: conf.author.clone(),
        lang: own,
        languages_in_field: !languages.is_empty(),
        languages,
        base_path: base_url.as_deref().and_then(url_path),
        base_url,
        permalinks: permalinks(&conf),
        tool: TOOL,
        transparent: conf.page_paths.clone().unwrap_or_else(|| vec!["pages".into()]),
        root: Some(root.to_path_buf()),
        ..ToolSettings::default()
    };
    Some((settings, found))
}

/// The languages the pages' `Lang:` header lines name.
fn page_languages(content: &Path) -> std::collections::BTreeSet<String> {
    let pages = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md" || x == "markdown"));
    let mut found = std::collections::BTreeSet::new();
    for page in pages {
        let Ok(text) = std::fs::read_to_string(page.path()) else {
            continue;
        };
        let lang = text
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .find_map(|l| l.split_once(':').filter(|(k, _)| k.trim().eq_ignore_ascii_case("lang")))
            .map(|(_, v)| super::hugo::primary(v.trim()));
        found.extend(lang.filter(|l| l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase())));
    }
    found
}

/// A page's fields when it starts with header lines (`Title: …`), with or
/// without a `pelicanconf.py` beside it; `None` when it does not.
pub fn fields_of(id: usize, text: &str) -> Option<Result<Fields<'_>, Diagnostic>> {
    if !header::starts_with_header(text) {
        return None;
    }
    let header = match header::header(text) {
        Ok(header) => header,
        Err(problem) => return Some(Err(problem.error(id, 0))),
    };
    let first_line = header.fields.first().map_or(header.span.clone(), |f| f.span.clone());
    let end = header.span.end;
    let split = Split {
        format: Format::Lines,
        matter: text.get(header.span.clone()).unwrap_or_default(),
        matter_offset: header.span.start,
        body: text.get(header.body_offset..).unwrap_or_default(),
        body_offset: header.body_offset,
        open: first_line,
        close: end..end,
        bare: false,
    };
    let found = header.unended.clone().map(|p| p.warning(id, 0)).into_iter().collect();
    Some(Ok((split, header::front_matter(&header), found)))
}

/// The body with its link markers as plain links, when it has any.
pub fn links(body: &str) -> Option<String> {
    match links::links(body) {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(text) => Some(text),
    }
}

/// The address patterns Pelican writes pages and articles at: (`pages` for the
/// pages, `""` for the articles, pattern), Pelican's default for each setting
/// the file leaves out.
fn permalinks(conf: &conf::Conf) -> Vec<(String, String)> {
    let or = |value: &Option<String>, default: &str| value.clone().unwrap_or_else(|| default.to_string());
    vec![
        ("pages".into(), or(&conf.page_url, "pages/{slug}.html")),
        ("pages".into(), or(&conf.page_save_as, "pages/{slug}.html")),
        (String::new(), or(&conf.article_url, "{slug}.html")),
        (String::new(), or(&conf.article_save_as, "{slug}.html")),
    ]
}

/// Each page's addresses under Pelican, where Vitrine's differ, added to its
/// aliases (written as redirects, and links written to them land).
pub fn old_addresses(docs: &mut [Doc], tool: &ToolSettings) -> Vec<Diagnostic> {
    for doc in docs.iter_mut() {
        // Pelican's pages are those under `PAGE_PATHS`; every other file is an article.
        let page = tool
            .transparent
            .iter()
            .any(|t| doc.file.rel.starts_with(&format!("{t}/")));
        let kind = if page { "pages" } else { "" };
        let slug = doc.slug.rsplit('/').next().unwrap_or_default().to_string();
        let category = doc.file.folder.to_lowercase();
        // The file's path too (`{filename}/pages/about.md` links by it).
        let by_file = doc.file.rel.rsplit_once('.').map(|(stem, _)| format!("/{stem}"));
        let patterns = tool
            .permalinks
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, p)| fill(p, &slug, &category, doc.meta.date.as_deref()));
        for address in patterns.chain(by_file) {
            for address in [address.clone(), address.trim_end_matches(".html").to_string()] {
                if address.trim_end_matches('/') != doc.route && !doc.meta.aliases.contains(&address) {
                    doc.meta.aliases.push(address);
                }
            }
        }
    }
    Vec::new()
}

/// A Pelican address pattern filled: `{slug}`, `{category}`, `{lang}` (empty),
/// `{date:%Y}`/`%m`/`%d`.
fn fill(pattern: &str, slug: &str, category: &str, date: Option<&str>) -> String {
    let date = date.unwrap_or("0001-01-01");
    let part = |range: std::ops::Range<usize>| date.get(range).unwrap_or_default().to_string();
    let filled = pattern
        .replace("{slug}", slug)
        .replace("{category}", category)
        .replace("{lang}", "")
        .replace("{date:%Y}", &part(0..4))
        .replace("{date:%m}", &part(5..7))
        .replace("{date:%d}", &part(8..10));
    format!("/{}", filled.trim_start_matches('/')).replace("//", "/")
}
