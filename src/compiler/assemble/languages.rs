//! A site in several languages: each language's pages paired with their
//! translations, and the links that leave a language for the site's own.

use crate::bundle::{Bundle, SiteLanguage};
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use crate::compiler::model::rendered::Target;
use crate::compiler::readers::load::Lang;
use std::collections::{BTreeMap, BTreeSet};

/// The front-matter fields that name a page's translation key, as tools and
/// their plugins write them; without one, pages are paired by file path.
const KEY_FIELDS: [&str; 4] = ["translationKey", "translation_key", "ref", "lang_ref"];

/// A page's translation key, its route and its file.
pub struct Keyed {
    pub key: String,
    pub route: String,
    pub file: usize,
}

/// Each page's translation key: the one its front matter gives, else its
/// file's path in its language's folder without the language
/// (`projets/citi.en.md` → `projets/citi`).
/// Pages naming their language in their front matter are paired by address
/// (jekyll-polyglot's same `permalink`, Pelican's same `slug`).
pub fn keys(docs: &[Doc], lang: &Lang) -> Vec<Keyed> {
    docs.iter()
        .map(|doc| {
            let given = KEY_FIELDS
                .iter()
                .find_map(|k| doc.meta.extra.get(*k).and_then(|v| v.as_str()).map(str::trim))
                .filter(|k| !k.is_empty());
            let key = match given {
                Some(key) => format!("key:{key}"),
                None if lang.in_field.is_some() => {
                    let route = doc.route.strip_prefix(&lang.root).unwrap_or(&doc.route);
                    let written = doc.meta.extra.get("permalink").and_then(|v| v.as_str());
                    format!("route:{}", written.unwrap_or(route).trim_matches('/'))
                }
                None if lang.locale_folders => path_key(&without_locale(&doc.file.rel, lang)),
                None => path_key(&doc.file.rel),
            };
            Keyed {
                key,
                route: doc.route.clone(),
                file: doc.file.id,
            }
        })
        .collect()
}

/// `blog/en/post.md` → `blog/post.md`: a page's path without its language's folder.
fn without_locale(rel: &str, lang: &Lang) -> String {
    let mut segments: Vec<&str> = rel.split('/').collect();
    let code = |s: &str| s.eq_ignore_ascii_case(&lang.code) || lang.others.iter().any(|o| o.eq_ignore_ascii_case(s));
    if segments.len() > 2 && code(segments[1]) {
        segments.remove(1);
    }
    segments.join("/")
}

/// `projets/citi.en.md` → `projets/citi`; `projets/gecy/index.md` → `projets/gecy/index`.
fn path_key(rel: &str) -> String {
    let stem = rel.rsplit_once('.').map_or(rel, |(stem, _)| stem);
    let (folder, name) = stem.rsplit_once('/').map_or(("", stem), |(f, n)| (f, n));
    let name = crate::compiler::readers::load::split_language(name).0;
    if folder.is_empty() {
        format!("path:{name}")
    } else {
        format!("path:{folder}/{name}")
    }
}

/// Pairs the pages of each language (the site's own first) by key: every
/// page's translations, every bundle's list of languages. Two pages of one
/// language with one key are an error; a translation of no page of the site's
/// own language is named in a warning.
pub fn pair(bundles: &mut [(Option<Bundle>, String)], keys: &[Vec<Keyed>], sources: &Sources) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if bundles.len() < 2 {
        return found;
    }
    // key → (language index → route)
    let mut by_key: BTreeMap<&str, BTreeMap<usize, &Keyed>> = BTreeMap::new();
    for (language, keyed) in keys.iter().enumerate() {
        for k in keyed {
            let slot = by_key.entry(&k.key).or_default();
            match slot.get(&language) {
                Some(first) => found.push(same_key(first, k, sources)),
                None => {
                    slot.insert(language, k);
                }
            }
        }
    }
    let codes: Vec<String> = bundles
        .iter()
        .map(|(b, _)| b.as_ref().map(|b| b.site.lang.clone()).unwrap_or_default())
        .collect();
    for keyed in keys.iter().skip(1) {
        for k in keyed.iter().filter(|k| !by_key[k.key.as_str()].contains_key(&0)) {
            found.push(untranslated_original(k, &codes[0]));
        }
    }
    let list = site_languages(bundles);
    for (language, (bundle, _)) in bundles.iter_mut().enumerate() {
        let Some(bundle) = bundle else { continue };
        bundle.site.languages = list.clone();
        let routes: BTreeMap<&str, &str> = keys[language]
            .iter()
            .map(|k| (k.route.as_str(), k.key.as_str()))
            .collect();
        for page in &mut bundle.pages {
            let Some(key) = routes.get(page.route.as_str()) else {
                continue;
            };
            page.translations = by_key[key]
                .iter()
                .filter(|(other, _)| **other != language)
                .map(|(other, k)| (codes[*other].clone(), k.route.clone()))
                .collect();
        }
    }
    found
}

/// Every language with pages, as the switch lists them.
fn site_languages(bundles: &[(Option<Bundle>, String)]) -> Vec<SiteLanguage> {
    bundles
        .iter()
        .filter_map(|(bundle, name)| {
            let site = &bundle.as_ref()?.site;
            Some(SiteLanguage {
                code: site.lang.clone(),
                name: if name.is_empty() {
                    crate::text::language_name(&site.lang).to_string()
                } else {
                    name.clone()
                },
                home: site.route("/"),
            })
        })
        .collect()
}

fn same_key(first: &Keyed, second: &Keyed, sources: &Sources) -> Diagnostic {
    let what = first.key.split_once(':').map_or(first.key.as_str(), |(_, k)| k);
    // At the key as written, when the front matter gives it.
    let text = sources.text(second.file);
    let span = KEY_FIELDS
        .iter()
        .find_map(|f| text.find(&format!("{f}:")).or_else(|| text.find(&format!("{f} ="))))
        .map_or(0..0, |at| at..at + what.len().max(1));
    Diagnostic::error(second.file, span, format!("two pages claim the translation `{what}`"))
        .label(format!("`{}` is already that translation", sources.name(first.file)))
        .hint("give each page its own `translationKey`, or rename one of the files")
}

fn untranslated_original(k: &Keyed, own: &str) -> Diagnostic {
    Diagnostic::warning(k.file, 0..0, "translation of no page")
        .label(format!("no page in the site's own language (`{own}`) has this path or key"))
        .hint("it is built on its own; give it the `translationKey` of the page it translates, or name it as that page's file with the language (`page.en.md`)")
}

/// Each route of a language below its root, by the route the site's own
/// language would give it: `/projets/citi` → `/en/projets/citi`.
pub fn within(routes: &BTreeSet<String>, root: &str) -> BTreeMap<String, String> {
    routes
        .iter()
        .filter_map(|r| {
            let path = match r.strip_prefix(root)? {
                "" => "/",
                p if p.starts_with('/') => p,
                _ => return None,
            };
            Some((path.to_string(), r.clone()))
        })
        .collect()
}

/// A link in a page of another language to a page that has no version in
/// it: it leads to the site's own language's page, said at the link.
pub fn untranslated_links<'a>(docs: impl Iterator<Item = &'a Doc>, root: &str) -> Vec<Diagnostic> {
    if root.is_empty() {
        return Vec::new();
    }
    let ours = |r: &str| r == root || r.starts_with(&format!("{root}/"));
    let mut out = Vec::new();
    for doc in docs {
        for link in &doc.rendered.links {
            if let Target::Route { route, .. } = &link.target {
                if !ours(route) {
                    out.push(
                        Diagnostic::warning(
                            doc.file.id,
                            link.span.clone(),
                            "link to a page not written in this language",
                        )
                        .label(format!(
                            "`{route}` has no `{}` version: the link leads to it as it is",
                            root.trim_start_matches('/')
                        ))
                        .hint("translate that page (`page.<code>.md`), or link to another one"),
                    );
                }
            }
        }
    }
    out
}

/// A declared language none of whose pages were found.
pub fn without_pages(lang: &Lang, content: &std::path::Path, sources: &mut Sources) -> Diagnostic {
    let id = sources.add(content.display().to_string(), String::new());
    let how = if lang.bare {
        format!("its folder `{}` holds no page", content.display())
    } else {
        format!("no file is named `page.{}.md`", lang.primary())
    };
    Diagnostic::warning(id, 0..0, format!("the language `{}` has no page", lang.code))
        .label(how)
        .hint("write its pages, or remove the language from the settings")
}

/// A menu address (`projets`, a route segment) within a language's `root` (`en/projets`).
pub fn within_root(url: &str, root: &str) -> String {
    let folder = root.trim_start_matches('/');
    if folder.is_empty() || url == folder || url.starts_with(&format!("{folder}/")) {
        url.to_string()
    } else if url.is_empty() {
        folder.to_string()
    } else {
        format!("{folder}/{url}")
    }
}

/// A configured menu entry's address in a language's menu: within its root
/// when internal (`/about/` → `/en/about/`), as written otherwise.
pub fn menu_url(url: &str, base_path: &str, root: &str) -> String {
    if root.is_empty() || url.contains("://") || url.starts_with("mailto:") {
        return url.to_string();
    }
    let path = url.trim().trim_start_matches("$BASE_URL");
    let path = path
        .strip_prefix(base_path)
        .filter(|_| !base_path.is_empty())
        .unwrap_or(path);
    match path.trim_matches('/') {
        // The home page is no menu entry of its own.
        "" => url.to_string(),
        path => format!("/{}/", within_root(path, root)),
    }
}

/// A language Vitrine has no interface text for: English is used, said once.
pub fn interface_text(lang: &Lang, sources: &Sources) -> Option<Diagnostic> {
    if crate::text::has_text(&lang.code) {
        return None;
    }
    let (file, span) = sources
        .find(&format!("languages.{}", lang.code))
        .or_else(|| sources.find(&format!("{}:", lang.code)))
        .unwrap_or((0, 0..0));
    Some(
        Diagnostic::warning(
            file,
            span,
            format!("no interface text in `{}`: English is used", lang.code),
        )
        .label("menus, buttons and dates of these pages are in English; their content is as written")
        .hint("Vitrine's interface speaks French and English; another language is one table of text in src/text.rs"),
    )
}
