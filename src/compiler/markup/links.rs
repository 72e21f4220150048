//! Resolves a link written in a page body to an app route, accepting the ways
//! Hugo, Zola, Obsidian and VS Code users write them:
//! `../../projets/citi` (relative to the page's URL, Hugo), `../projets/citi.md`
//! (relative to the file), `@/projets/citi.md` (Zola), `/projets/citi`, with or
//! without a trailing slash or an `#anchor`.

use crate::compiler::model::dates::split_date_prefix;
use crate::compiler::model::kinds::section_of;
use crate::compiler::model::rendered::Target;
use crate::compiler::model::slugs::{slugify, slugify_name};
use std::collections::{BTreeMap, BTreeSet};

/// Where the link is written.
pub struct From<'a> {
    /// The page's route, `/competences/autonomie`.
    pub route: &'a str,
    /// The file's folder relative to the content folder, `competences` or `projets/gecy`.
    pub dir: &'a str,
    /// The prefix the site's tool puts before every address (Astro's `base`, `/portfolio`), or empty.
    pub base: &'a str,
    /// Pages whose `slug` moved them: the route their file would give → their route.
    pub moved: &'a BTreeMap<String, String>,
}

/// For a [`From`] on a site where no `slug` moved a page (tools, tests).
pub static NOTHING_MOVED: BTreeMap<String, String> = BTreeMap::new();

pub fn resolve(href: &str, from: &From, routes: &BTreeSet<String>) -> Target {
    let href = href.trim();
    if let Some(target) = off_site(href) {
        return target;
    }
    if let Some(anchor) = href.strip_prefix('#') {
        return Target::SamePage {
            anchor: anchor.to_string(),
        };
    }
    let (path, anchor) = match href.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string()).filter(|a| !a.is_empty())),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let path = strip_base(path, from.base);
    let candidates = candidates(path, from);

    // Most links name a page by their first candidate, as it is: checked
    // before the other candidates' routes are made (the order below is the same).
    let literal = slugified(&candidates[0], &to_route(&candidates[0]));
    if routes.contains(&literal) {
        return Target::Route { route: literal, anchor };
    }
    // `@/evenements/swerc2023.md` is the page that file makes, wherever its `slug` put it.
    let moved = |route: &String| from.moved.get(route).unwrap_or(route).clone();
    let by_path: Vec<String> = candidates.iter().map(|c| to_route(c)).collect();
    // A page first: `transition-4.0` is a page when one has that name, not a `.0` file.
    // `projects/x` is `/projects/x` on a site that has both `projects/` and `projets/`.
    let literal = candidates.iter().zip(&by_path).map(|(c, route)| slugified(c, route));
    if let Some(route) = literal.chain(by_path.iter().map(moved)).find(|r| routes.contains(r)) {
        return Target::Route {
            route: route.clone(),
            anchor,
        };
    }
    let extension = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, e)| e.to_lowercase());
    if extension
        .as_deref()
        .is_some_and(|e| e != "md" && e != "markdown" && e != "html")
    {
        let mut files = candidates;
        files.dedup();
        return Target::File { candidates: files };
    }
    // A bare name (`{{< ref "front-matter" >}}`) is the one page of that name, as Hugo finds it.
    let guess = moved(&by_path[0]);
    if let Some(route) = the_page_named(path, &guess, routes) {
        return Target::Route { route, anchor };
    }
    Target::Missing { guess, anchor }
}

/// A forbidden address (`javascript:`, `vbscript:`, `data:`), or another site's.
fn off_site(href: &str) -> Option<Target> {
    // Only an address with a colon can name a scheme.
    if href.contains(':') {
        let lower: String = href
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_lowercase();
        if ["javascript:", "vbscript:", "data:"]
            .iter()
            .any(|s| lower.starts_with(s))
        {
            return Some(Target::Forbidden);
        }
    }
    if href.is_empty() || href.starts_with("//") || has_scheme(href) {
        return Some(Target::External);
    }
    None
}

/// The site paths `path` (without its anchor, query and base) may name, most
/// likely first: from the content folder, the site's root, the page's file or its URL.
fn candidates(path: &str, from: &From) -> Vec<String> {
    let mut candidates = Vec::new();
    if let Some(content_path) = path.strip_prefix("@/") {
        candidates.push(normalize("/", content_path));
    } else if path.starts_with('/') {
        candidates.push(normalize("/", path));
    } else {
        let by_file = normalize(&format!("/{}/", from.dir), path);
        let by_url = normalize(&format!("{}/", from.route), path);
        if is_markdown(path) {
            // Then from the content root, as Hugo's `ref` reads `projets/citi.md`.
            candidates.extend([by_file, by_url, normalize("/", path)]);
        } else {
            candidates.extend([by_url, by_file]);
        }
    }
    candidates
}

/// The one route ending with `guess`'s last segment, for a bare name (`front-matter`).
fn the_page_named(path: &str, guess: &str, routes: &BTreeSet<String>) -> Option<String> {
    let name = guess
        .rsplit('/')
        .next()
        .filter(|n| !n.is_empty() && !path.contains('/'))?;
    let mut named = routes.iter().filter(|r| r.rsplit('/').next() == Some(name));
    match (named.next(), named.next()) {
        (Some(route), None) => Some(route.clone()),
        _ => None,
    }
}

/// `/portfolio/projets/citi` → `/projets/citi` on an Astro site built for `base: '/portfolio'`.
pub fn strip_base<'a>(path: &'a str, base: &str) -> &'a str {
    match path.strip_prefix(base) {
        Some("") if !base.is_empty() => "/",
        Some(rest) if !base.is_empty() && rest.starts_with('/') => rest,
        _ => path,
    }
}

fn has_scheme(href: &str) -> bool {
    match href.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

fn is_markdown(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    path.ends_with(".md") || path.ends_with(".mdx") || path.ends_with(".markdown")
}

/// Joins `path` onto the folder `base` (ending in `/`) and folds `.` and `..`.
pub fn normalize(base: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{base}{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    format!("/{}", parts.join("/"))
}

/// `/projets/citi.md`, `/projets/gecy/index.md`, `/Projects/Citi/` → `/projets/citi`, …
/// `to_route` without the kinds' folder names (`/projects/x` stays `/projects/x`);
/// `route`: `to_route(path)`.
fn slugified(path: &str, route: &str) -> String {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match route.trim_start_matches('/').split_once('/') {
        Some((_, rest)) if section_of(first).is_some() => format!("/{}/{rest}", slugify(first)),
        _ => route.to_string(),
    }
}

fn to_route(path: &str) -> String {
    let mut parts: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect();
    if let Some(last) = parts.last_mut() {
        for ext in [".md", ".mdx", ".markdown", ".html"] {
            if let Some(stem) = last.strip_suffix(ext) {
                *last = stem.to_string();
            }
        }
    }
    if parts.last().is_some_and(|l| l == "index" || l == "_index") {
        parts.pop();
    }
    if let Some(first) = parts.first_mut() {
        if let Some(kind) = section_of(first) {
            *first = kind.section().to_string();
        } else if first != "tags" {
            *first = slugify(first);
        }
    }
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter_mut().enumerate().skip(1) {
        let decoded = percent_decode(part);
        // `2020-03-02-titre` is the page `titre`, as the loader reads file names.
        let name = if i == last {
            split_date_prefix(&decoded).1
        } else {
            &decoded
        };
        *part = if i == last { slugify_name(name) } else { slugify(name) };
    }
    format!("/{}", parts.join("/"))
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes() -> BTreeSet<String> {
        [
            "/",
            "/projets",
            "/projets/citi",
            "/projets/gecy",
            "/projets/nested/duvet-genius",
            "/competences/autonomie",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    fn from_competence() -> From<'static> {
        From {
            route: "/competences/autonomie",
            dir: "competences",
            base: "",
            moved: &NOTHING_MOVED,
        }
    }

    fn route(r: &str, a: Option<&str>) -> Target {
        Target::Route {
            route: r.into(),
            anchor: a.map(Into::into),
        }
    }

    #[test]
    fn hugo_relative_links_resolve_from_the_page_url() {
        let f = from_competence();
        assert_eq!(
            resolve(" ../../projets/citi ", &f, &routes()),
            route("/projets/citi", None)
        );
        assert_eq!(
            resolve("../../projets/citi/", &f, &routes()),
            route("/projets/citi", None)
        );
        let g = From {
            route: "/projets/citi",
            dir: "projets",
            base: "",
            moved: &NOTHING_MOVED,
        };
        assert_eq!(resolve("../gecy/", &g, &routes()), route("/projets/gecy", None));
    }

    #[test]
    fn a_bare_name_is_the_one_page_of_that_name() {
        let f = from_competence();
        assert_eq!(
            resolve("duvet-genius", &f, &routes()),
            route("/projets/nested/duvet-genius", None)
        );
        assert!(matches!(resolve("inconnu", &f, &routes()), Target::Missing { .. }));
    }

    #[test]
    fn source_file_links_resolve_from_the_file() {
        let f = from_competence();
        assert_eq!(
            resolve("../projets/citi.md", &f, &routes()),
            route("/projets/citi", None)
        );
        assert_eq!(
            resolve("../projets/gecy/index.md", &f, &routes()),
            route("/projets/gecy", None)
        );
        assert_eq!(
            resolve("../projets/citi#contexte", &f, &routes()),
            route("/projets/citi", Some("contexte"))
        );
    }

    #[test]
    fn zola_and_absolute_links() {
        let f = from_competence();
        assert_eq!(
            resolve("@/projets/citi.md", &f, &routes()),
            route("/projets/citi", None)
        );
        assert_eq!(
            resolve("@/projets/nested/duvet-genius.md#a", &f, &routes()),
            route("/projets/nested/duvet-genius", Some("a"))
        );
        assert_eq!(resolve("/projets/", &f, &routes()), route("/projets", None));
        assert_eq!(
            resolve("@/projects/2021-05-04-citi.md", &f, &routes()),
            route("/projets/citi", None)
        );
    }

    #[test]
    fn missing_pages_keep_a_guess() {
        let f = from_competence();
        assert_eq!(
            resolve("../../projets/citty", &f, &routes()),
            Target::Missing {
                guess: "/projets/citty".into(),
                anchor: None
            }
        );
    }

    #[test]
    fn other_kinds_of_link() {
        let f = from_competence();
        assert_eq!(resolve("https://example.org", &f, &routes()), Target::External);
        assert_eq!(resolve("mailto:a@b.fr", &f, &routes()), Target::External);
        assert_eq!(
            resolve("#contexte", &f, &routes()),
            Target::SamePage {
                anchor: "contexte".into()
            }
        );
        assert_eq!(resolve(" JavaScript:alert(1)", &f, &routes()), Target::Forbidden);
        assert_eq!(resolve("java\nscript:alert(1)", &f, &routes()), Target::Forbidden);
        assert_eq!(
            resolve("/assets/cv.pdf", &f, &routes()),
            Target::File {
                candidates: vec!["/assets/cv.pdf".into()]
            }
        );
    }
}
