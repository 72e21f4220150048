//! The sections, in menu order: compétences and projets (the portfolio's two
//! kinds, always there), then every other folder with pages, titled by its
//! `_index.md` (Hugo, Zola) or, failing that, by its name, and the navigation.

use crate::bundle::{Kind, Section, SiteLink};
use crate::compiler::model::diagnostics::Diagnostic;
use crate::compiler::model::document::Doc;
use crate::compiler::readers::intros::Fields;
use crate::text::Text;
use serde_json::Value;
use std::collections::BTreeSet;

/// `fields`: each folder's `_index.md` title and weight ([`crate::compiler::readers::intros::load`]);
/// `intros`: the `_index.md` bodies (a folder with one and no page is a section too).
/// `text`: the site's interface text, for the two kinds' default titles.
pub fn list(docs: &[Doc], fields: &Fields, intros: &[Doc], text: &Text) -> Vec<Section> {
    // The two kinds' titles are the portfolio's own, unless their `_index.md` has one.
    let titled = |kind: Kind, default: &str| {
        fields
            .iter()
            .filter(|(folder, _)| {
                !folder.contains('/') && crate::compiler::model::kinds::section_of(folder) == Some(kind)
            })
            .find_map(|(_, f)| f.title.clone())
            .unwrap_or_else(|| default.to_string())
    };
    let mut sections = vec![
        Section {
            slug: Kind::Competence.section().into(),
            title: titled(Kind::Competence, text.competences_title),
            kind: Kind::Competence,
        },
        Section {
            slug: Kind::Projet.section().into(),
            title: titled(Kind::Projet, text.projets_title),
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
    // Then the nested ones (`documentation/templates`): a list each, not in the
    // menu; those of an introduction alone (a glossary's text) too.
    let pages: BTreeSet<&str> = docs.iter().map(|d| d.route.trim_start_matches('/')).collect();
    for intro in intros.iter().filter(|d| d.file.section.contains('/')) {
        if !sections.iter().any(|s| s.slug == intro.file.section) {
            let title = fields.get(&intro.file.folder).and_then(|f| f.title.clone());
            let name = intro.file.folder.rsplit('/').next().unwrap_or_default();
            sections.push(Section {
                slug: intro.file.section.clone(),
                title: title.unwrap_or_else(|| words(name)),
                kind: Kind::Other,
            });
        }
    }
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

/// A section's folder on disk: `skills` for `competences`, `docs/tasks`.
pub fn folder_of(section: &Section, docs: &[Doc], intros: &[Doc]) -> String {
    let own = |d: &Doc| (d.file.section == section.slug).then(|| d.file.folder.clone());
    intros.iter().find_map(own).unwrap_or_else(|| {
        docs.iter()
            .find_map(|d| {
                own(d).or_else(|| {
                    nested_of(d)
                        .into_iter()
                        .find_map(|(route, folder)| (route == section.slug).then_some(folder))
                })
            })
            .unwrap_or_default()
    })
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

/// A section or page the navigation may show: its link, whether it asks for
/// an entry, the entry's weight (lightest first), and whether it is one of
/// the portfolio's two kinds (always first).
pub struct Candidate {
    pub link: SiteLink,
    pub asks: bool,
    pub weight: Option<i64>,
    pub pinned: bool,
}

/// Every top-level page as a candidate, and the pages of sections whose front
/// matter asks for an entry (Hugo Stack's `page/about/index.md`): a top-level
/// page asks with Hugo's `menu: main` or a `weight`. Labelled by the menu's
/// `name`, Hugo's `linkTitle`, or the title.
pub fn pages(docs: &[Doc]) -> Vec<Candidate> {
    let top = |d: &Doc| d.file.kind == Kind::Other && d.file.section.is_empty();
    docs.iter()
        .filter(|d| top(d) || crate::compiler::readers::intros::menu_ask(d.meta.extra.get("menu")).is_some())
        .map(|d| {
            let ask = crate::compiler::readers::intros::menu_ask(d.meta.extra.get("menu"));
            let asks = ask.is_some() || (top(d) && d.meta.weight.is_some());
            let link_title = d.meta.extra.get("linkTitle").and_then(Value::as_str);
            let url = d.route.trim_start_matches('/');
            Candidate::new(url, &d.meta.title, ask, link_title, d.meta.weight).asking(asks)
        })
        .collect()
}

/// The sections as candidates: the top-level ones with pages or an
/// introduction, a nested one only when its `_index.md` asks for an entry.
pub fn candidates(sections: &[Section], docs: &[Doc], intros: &[Doc], fields: &Fields) -> Vec<Candidate> {
    sections
        .iter()
        .filter(|s| docs.iter().chain(intros).any(|d| d.file.section == s.slug))
        .filter_map(|s| {
            let own = fields.get(&folder_of(s, docs, intros));
            let ask = own.and_then(|f| f.menu.clone());
            if s.slug.contains('/') && ask.is_none() {
                return None;
            }
            let link_title = own.and_then(|f| f.link_title.as_deref());
            let candidate = Candidate::new(&s.slug, &s.title, ask, link_title, own.and_then(|f| f.weight));
            Some(Candidate {
                pinned: s.kind != Kind::Other,
                ..candidate
            })
        })
        .collect()
}

impl Candidate {
    /// An entry asking for its place: labelled by its menu `name`, Hugo's
    /// `linkTitle` or its title; placed by its menu `weight`, else its `weight`.
    pub fn new(
        url: &str,
        title: &str,
        ask: Option<(Option<i64>, Option<String>)>,
        link_title: Option<&str>,
        weight: Option<i64>,
    ) -> Candidate {
        let (menu_weight, name) = ask.unwrap_or_default();
        Candidate {
            link: SiteLink {
                label: name.as_deref().or(link_title).unwrap_or(title).to_string(),
                url: url.to_string(),
            },
            asks: true,
            weight: menu_weight.or(weight),
            pinned: false,
        }
    }

    fn asking(self, asks: bool) -> Candidate {
        Candidate { asks, ..self }
    }
}

/// The navigation: the entries the settings configure first, in their order and
/// with their labels, then every candidate that asks for one and that they did
/// not name, the portfolio's kinds first, then by weight. Also returns the
/// configured entries that match nothing (internal addresses only).
pub fn nav(candidates: Vec<Candidate>, configured: &[SiteLink], base_path: &str) -> (Vec<SiteLink>, Vec<SiteLink>) {
    let (mut asking, others): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|c| c.asks);
    asking.sort_by_key(|c| (!c.pinned, c.weight.is_none(), c.weight));
    let mut rest: Vec<SiteLink> = asking.into_iter().map(|c| c.link).collect();
    // A page that does not ask for an entry still gets one when the settings name it.
    let named: Vec<SiteLink> = others.into_iter().map(|c| c.link).collect();
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
    let segments: Vec<String> = url
        .split('/')
        .map(crate::compiler::model::slugs::slugify_name)
        .collect();
    let literal = segments.join("/");
    match crate::compiler::model::kinds::section_of(url) {
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
pub fn route_of(folder: &str) -> String {
    let mut parts = folder.split('/');
    let top = parts.next().unwrap_or_default();
    let top = crate::compiler::model::kinds::section_of(top).map_or_else(
        || crate::compiler::model::slugs::slugify(top),
        |k| k.section().to_string(),
    );
    std::iter::once(top)
        .chain(parts.map(crate::compiler::model::slugs::slugify))
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
    sources: &crate::compiler::model::diagnostics::Sources,
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

/// A kind's folder under another name (`projects/` for the projets): its
/// list's former address leads to the kind's list, as its pages' do.
pub fn renamed_kinds(docs: &[Doc], routes: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for d in docs.iter().filter(|d| d.file.kind != Kind::Other) {
        let top = crate::compiler::model::slugs::slugify(d.file.folder.split('/').next().unwrap_or_default());
        let from = format!("/{top}");
        if top.is_empty() || top == d.file.section || routes.contains(&from) || out.iter().any(|(f, _)| *f == from) {
            continue;
        }
        out.push((from, format!("/{}", d.file.section)));
    }
    out
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

    fn candidate(label: &str, url: &str, asks: bool, weight: Option<i64>, pinned: bool) -> Candidate {
        Candidate {
            link: link(label, url),
            asks,
            weight,
            pinned,
        }
    }

    #[test]
    fn configured_menu_orders_and_labels_the_navigation() {
        let candidates = vec![
            candidate("Competences", "competences", true, None, true),
            candidate("Projets", "projets", true, None, true),
            candidate("Posts", "posts", true, None, false),
            candidate("CV", "cv", true, None, false),
            candidate("Archives", "archives", false, None, false),
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
        let (nav, unmatched) = nav(candidates, &configured, "/portfolio");
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

    #[test]
    fn unconfigured_entries_come_kinds_first_then_by_weight() {
        // Docsy: `menu: { main: { weight: 30 } }` on the blog, 10 on the about page.
        let candidates = vec![
            candidate("Blog", "blog", true, Some(30), false),
            candidate("Notes", "notes", true, None, false),
            candidate("Projets", "projets", true, None, true),
            candidate("About", "about", true, Some(10), false),
            candidate("Legal", "legal", false, Some(1), false),
        ];
        let (nav, _) = nav(candidates, &[], "");
        let got: Vec<&str> = nav.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(got, ["Projets", "About", "Blog", "Notes"]);
    }

    #[test]
    fn front_matter_asks_for_a_menu_entry_with_its_weight_and_name() {
        let ask = |yaml: &str| {
            crate::compiler::readers::intros::menu_ask(serde_norway::from_str::<Value>(yaml).ok().as_ref())
        };
        assert_eq!(ask("main"), Some((None, None)));
        assert_eq!(ask("[footer, main]"), Some((None, None)));
        assert_eq!(ask("{main: {weight: 20}}"), Some((Some(20), None)));
        assert_eq!(
            ask("{main: {weight: 5, name: Accueil}}"),
            Some((Some(5), Some("Accueil".into())))
        );
        assert_eq!(ask("{footer: {weight: 20}}"), None);
        assert_eq!(ask("footer"), None);
    }
}
