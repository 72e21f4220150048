//! The sections, in menu order: compétences and projets (the portfolio's two
//! kinds, always there), then every other folder with pages, titled by its
//! `_index.md` (Hugo, Zola) or, failing that, by its name, and the navigation.

use super::diagnostics::Diagnostic;
use super::document::Doc;
use super::intros::Fields;
use crate::bundle::{Kind, Section, SiteLink};
use crate::text::FR as T;
use serde_json::Value;
use std::collections::BTreeSet;

/// `fields`: each folder's `_index.md` title and weight ([`super::intros::load`]);
/// `intros`: the `_index.md` bodies (a folder with one and no page is a section too).
pub fn list(docs: &[Doc], fields: &Fields, intros: &[Doc]) -> Vec<Section> {
    // The two kinds' titles are the portfolio's own, unless their `_index.md` has one.
    let titled = |kind: Kind, default: &str| {
        fields
            .iter()
            .filter(|(folder, _)| !folder.contains('/') && super::load::section_of(folder) == Some(kind))
            .find_map(|(_, f)| f.title.clone())
            .unwrap_or_else(|| default.to_string())
    };
    let mut sections = vec![
        Section {
            slug: Kind::Competence.section().into(),
            title: titled(Kind::Competence, T.competences_title),
            kind: Kind::Competence,
        },
        Section {
            slug: Kind::Projet.section().into(),
            title: titled(Kind::Projet, T.projets_title),
            kind: Kind::Projet,
        },
    ];
    let mut others: Vec<(Option<i64>, Section)> = Vec::new();
    for doc in docs
        .iter()
        .chain(intros)
        .filter(|d| d.file.kind == Kind::Other && !d.file.section.is_empty() && !d.file.folder.contains('/'))
    {
        let known = sections.iter().chain(others.iter().map(|(_, s)| s));
        if !known.into_iter().any(|s| s.slug == doc.file.section) {
            let own = fields.get(&doc.file.folder);
            let (title, weight) = (own.and_then(|f| f.title.clone()), own.and_then(|f| f.weight));
            let section = Section {
                slug: doc.file.section.clone(),
                title: title.unwrap_or_else(|| words(&doc.file.folder)),
                kind: Kind::Other,
            };
            others.push((weight, section));
        }
    }
    // Sections with a `weight` in their `_index.md` first, lightest first; the others as found.
    others.sort_by_key(|(weight, _)| weight.unwrap_or(i64::MAX));
    sections.extend(others.into_iter().map(|(_, s)| s));
    // Then the nested ones (`documentation/templates`): a list each, not in the menu.
    let pages: BTreeSet<&str> = docs.iter().map(|d| d.route.trim_start_matches('/')).collect();
    for doc in docs {
        for (route, folder) in nested_of(doc) {
            if !pages.contains(route.as_str()) && !sections.iter().any(|s| s.slug == route) {
                let title = fields.get(&folder).and_then(|f| f.title.clone());
                let name = folder.rsplit('/').next().unwrap_or_default();
                sections.push(Section {
                    slug: route,
                    title: title.unwrap_or_else(|| words(name)),
                    kind: doc.file.kind,
                });
            }
        }
    }
    sections
}

/// The nested sections a page is in, outermost first: (route, folder on disk).
/// `documentation/content/image-processing/index.md` (slug `content/image-processing`)
/// is in (`documentation/content`, `documentation/content`).
pub fn nested_of(doc: &Doc) -> Vec<(String, String)> {
    if doc.file.section.is_empty() {
        return Vec::new();
    }
    let slug_parts: Vec<&str> = doc.slug.split('/').collect();
    let dirs: Vec<&str> = doc.file.rel.split('/').collect();
    (1..slug_parts.len())
        .filter(|&k| k + 1 < dirs.len())
        .map(|k| {
            (
                format!("{}/{}", doc.file.section, slug_parts[..k].join("/")),
                dirs[..=k].join("/"),
            )
        })
        .collect()
}

/// Every top-level page, and whether it asks for a menu entry: Hugo's
/// `menu: main` (a string, a list or a table naming `main`) or a `weight`.
pub fn pages(docs: &[Doc]) -> Vec<(SiteLink, bool)> {
    docs.iter()
        .filter(|d| d.file.kind == Kind::Other && d.file.section.is_empty())
        .map(|d| {
            let asks = match d.meta.extra.get("menu") {
                Some(Value::String(s)) => s == "main",
                Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some("main")),
                Some(Value::Object(map)) => map.contains_key("main"),
                _ => false,
            };
            let link = SiteLink {
                label: d.meta.title.clone(),
                url: d.slug.clone(),
            };
            (link, asks || d.meta.weight.is_some())
        })
        .collect()
}

/// The navigation: the entries the settings configure first, in their order and
/// with their labels, then every section and menu page they did not name. Also
/// returns the configured entries that match nothing (internal addresses only).
pub fn nav(
    sections: &[Section],
    pages: Vec<(SiteLink, bool)>,
    configured: &[SiteLink],
    base_path: &str,
) -> (Vec<SiteLink>, Vec<SiteLink>) {
    let (asking, others): (Vec<_>, Vec<_>) = pages.into_iter().partition(|(_, asks)| *asks);
    let mut rest: Vec<SiteLink> = sections
        .iter()
        .map(|s| SiteLink {
            label: s.title.clone(),
            url: s.slug.clone(),
        })
        .chain(asking.into_iter().map(|(link, _)| link))
        .collect();
    // A page that does not ask for an entry still gets one when the settings name it.
    let named: Vec<SiteLink> = others.into_iter().map(|(link, _)| link).collect();
    let mut nav = Vec::new();
    let mut unmatched = Vec::new();
    for entry in configured {
        if entry.url.starts_with("https://") || entry.url.starts_with("http://") {
            nav.push(entry.clone());
            continue;
        }
        let (literal, route) = menu_route(&entry.url, base_path);
        // The app's own tags page and search box are always there.
        if APP_FEATURES.contains(&route.as_str()) {
            continue;
        }
        // `projects/` is the page or section `projects` when there is one, else the projets.
        let known = |url: &str| rest.iter().chain(&named).any(|l| l.url == url);
        let route = if literal != route && known(&literal) {
            literal
        } else {
            route
        };
        let found = match rest.iter().position(|l| l.url == route) {
            Some(at) => Some(rest.remove(at)),
            None => named.iter().find(|l| l.url == route).cloned(),
        };
        if let Some(found) = found {
            let label = if entry.label.is_empty() {
                found.label
            } else {
                entry.label.clone()
            };
            nav.push(SiteLink { label, url: route });
        } else if !route.is_empty() && !nav.iter().any(|l| l.url == route) {
            unmatched.push(entry.clone());
        }
    }
    nav.extend(rest);
    (nav, unmatched)
}

/// Menu entries for what the app always offers: its tags page, its search box.
const APP_FEATURES: [&str; 3] = ["tags", "search", "recherche"];

/// `/posts/`, `$BASE_URL/posts`, `posts/_index.md`, `/about.md` → `posts`, `about`;
/// as written, and with the kinds' folder names (`projects`) read as theirs (`projets`).
fn menu_route(url: &str, base_path: &str) -> (String, String) {
    let url = url.trim().trim_start_matches("$BASE_URL");
    let url = url.split(['#', '?']).next().unwrap_or("");
    let url = url
        .strip_prefix(base_path)
        .filter(|_| !base_path.is_empty())
        .unwrap_or(url);
    let url = url.trim_matches('/');
    let url = url.strip_suffix(".md").unwrap_or(url);
    let url = url
        .strip_suffix("/_index")
        .or_else(|| url.strip_suffix("/index"))
        .unwrap_or(url);
    let segments: Vec<String> = url.split('/').map(super::slugs::slugify_name).collect();
    let literal = segments.join("/");
    match super::load::section_of(url) {
        Some(kind) => (literal, kind.section().to_string()),
        None => (literal.clone(), literal),
    }
}

/// A folder's name as words: `veille-techno` → `Veille techno`.
fn words(folder: &str) -> String {
    // `_common` → `Common`: separators at the ends are not words.
    let words = folder.trim_matches(['-', '_']).replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The sections whose `_index.md` asks for no list (Zola's `render = false`):
/// their pages are built, the menu does not name them.
pub fn unlisted(sections: &[Section], fields: &Fields) -> Vec<String> {
    sections
        .iter()
        .filter(|s| {
            fields
                .iter()
                .any(|(folder, f)| f.unlisted && route_of(folder) == s.slug)
        })
        .map(|s| s.slug.clone())
        .collect()
}

/// The route segment of a section folder, as its sections have it
/// (`Projects` → `projets`, `documentation/Templates` → `documentation/templates`).
fn route_of(folder: &str) -> String {
    let mut parts = folder.split('/');
    let top = parts.next().unwrap_or_default();
    let top = super::load::section_of(top).map_or_else(|| super::slugs::slugify(top), |k| k.section().to_string());
    std::iter::once(top)
        .chain(parts.map(super::slugs::slugify))
        .collect::<Vec<_>>()
        .join("/")
}

/// The section folders with an `_index.md` that make no list (no page, no
/// text): their routes, and why, so links to them say so.
pub fn left_out(fields: &Fields, routes: &BTreeSet<String>) -> Vec<(String, Option<String>)> {
    fields
        .iter()
        .map(|(folder, f)| (format!("/{}", route_of(folder)), f))
        .filter(|(route, _)| !routes.contains(route))
        .map(|(route, f)| {
            let why = match &f.template {
                Some(template) => format!("its `_index.md` has no text, only the theme's `{template}` to fill it"),
                None => "its folder has no page and its `_index.md` no text".to_string(),
            };
            (route, Some(why))
        })
        .collect()
}

/// Each section whose `_index.md` sends its visitors elsewhere (Zola's
/// `redirect_to`): its list route → the target, a route (`/docs/start`) or a
/// URL as written. A target that is no route of the site is warned of and dropped.
pub fn redirects(
    fields: &Fields,
    sections: &[Section],
    routes: &BTreeSet<String>,
    sources: &super::diagnostics::Sources,
) -> (Vec<(String, String)>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (folder, f) in fields {
        let Some(target) = f.redirect_to.as_deref().map(str::trim) else {
            continue;
        };
        let Some(section) = sections.iter().find(|s| s.slug == route_of(folder)) else {
            continue;
        };
        let to = if target.contains("://") {
            target.to_string()
        } else {
            let path = target.trim_start_matches("@/").trim_matches('/');
            let path = path.strip_suffix(".md").unwrap_or(path);
            format!("/{}", path.strip_suffix("/_index").unwrap_or(path))
        };
        if to.starts_with('/') && !routes.contains(&to) {
            let at = sources
                .text(f.file)
                .find("redirect_to")
                .map_or(0..0, |i| i..i + "redirect_to".len());
            warnings.push(
                Diagnostic::warning(f.file, at, format!("`redirect_to` of `{folder}/` left out"))
                    .label(format!(
                        "`{target}` is the address of no page or list: `/{}` shows its list",
                        section.slug
                    ))
                    .hint("write the path of a page of the site (`docs/getting-started`)"),
            );
            continue;
        }
        out.push((format!("/{}", section.slug), to));
    }
    (out, warnings)
}

/// Menu entries naming a section that redirects name its target instead.
pub fn follow_redirects(menu: &mut [SiteLink], redirects: &[(String, String)]) {
    for entry in menu {
        let url = entry.url.trim_matches('/');
        if let Some((_, to)) = redirects.iter().find(|(from, _)| from.trim_start_matches('/') == url) {
            entry.url = to.strip_prefix('/').unwrap_or(to).to_string();
        }
    }
}

/// One warning for each section folder not shown as a list: asking for none
/// (`render = false`), or holding only an `_index.md` with no text (a page a
/// theme's template makes, as Zola's `archive/`).
pub fn unshown(fields: &Fields, docs: &[Doc], intros: &[Doc]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (folder, f) in fields {
        let inside = |d: &Doc| d.file.folder == *folder || d.file.rel.starts_with(&format!("{folder}/"));
        let has_pages = docs.iter().any(inside);
        let at = |message: String| Diagnostic::warning(f.file, 0..0, message);
        if f.unlisted && has_pages {
            out.push(
                at(format!("section `{folder}/` is left out of the menu"))
                    .label("its `_index.md` has `render = false`: its pages are built, not listed")
                    .hint("remove `render = false` to list them, or name the section in the menu settings"),
            );
        } else if !has_pages && !f.text && !intros.iter().any(inside) {
            let why = match &f.template {
                Some(template) => format!("a page the theme's template `{template}` made"),
                None => "its `_index.md` has no text and the folder no page".to_string(),
            };
            out.push(
                at(format!("section `{folder}/` left out: nothing to show"))
                    .label(why)
                    .hint("Vitrine lists pages by date and by tag itself; write text below the front matter to keep it as a page"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(label: &str, url: &str) -> SiteLink {
        SiteLink {
            label: label.into(),
            url: url.into(),
        }
    }

    #[test]
    fn a_folder_name_reads_as_words() {
        assert_eq!(words("_common"), "Common");
        assert_eq!(words("veille-techno"), "Veille techno");
        assert_eq!(words("notes_"), "Notes");
    }

    #[test]
    fn configured_menu_orders_and_labels_the_navigation() {
        let section = |slug: &str, kind| Section {
            slug: slug.into(),
            title: words(slug),
            kind,
        };
        let sections = [
            section("competences", Kind::Competence),
            section("projets", Kind::Projet),
            section("posts", Kind::Other),
        ];
        let configured = [
            // No label: the section's title.
            link("", "/competences/"),
            link("Articles", "$BASE_URL/posts/"),
            link("Mes projets", "/portfolio/Projects"),
            link("Disparu", "/nulle-part"),
            link("GitHub", "https://github.com/camille"),
            link("Archive", "archives/"),
            link("Tags", "tags/"),
        ];
        let pages = vec![(link("CV", "cv"), true), (link("Archives", "archives"), false)];
        let (nav, unmatched) = nav(&sections, pages, &configured, "/portfolio");
        let got: Vec<(&str, &str)> = nav.iter().map(|l| (l.label.as_str(), l.url.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Competences", "competences"),
                ("Articles", "posts"),
                ("Mes projets", "projets"),
                ("GitHub", "https://github.com/camille"),
                ("Archive", "archives"),
                ("CV", "cv"),
            ]
        );
        assert_eq!(unmatched, [link("Disparu", "/nulle-part")]);
    }
}
