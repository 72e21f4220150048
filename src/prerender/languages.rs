//! A site in several languages: for each route, the same route in the others
//! (a page's translations, or the list, tag or home page of that language),
//! as the language switch, `hreflang` and the sitemap give them.

use crate::bundle::Bundle;
use std::collections::HashSet;

/// What each language has, the site's own first.
pub struct Languages {
    editions: Vec<Edition>,
}

struct Edition {
    code: String,
    root: String,
    /// Its lists, tag pages, home, tags, search and synthesis, as the site's own
    /// language writes them (`/projets`, not `/en/projets`).
    paths: HashSet<String>,
}

impl Languages {
    pub fn new(bundles: &[Bundle]) -> Languages {
        let editions = bundles
            .iter()
            .map(|b| {
                let mut paths: HashSet<String> = ["/", "/tags", "/recherche"].map(String::from).into();
                if super::synthese::coverage(b).is_some() {
                    paths.insert("/synthese".into());
                }
                paths.extend(b.site.sections.iter().map(|s| format!("/{}", s.slug)));
                paths.extend(b.tags.iter().map(|t| format!("/tags/{}", t.slug)));
                Edition {
                    code: b.site.lang.clone(),
                    root: b.site.root.clone(),
                    paths,
                }
            })
            .collect();
        Languages { editions }
    }

    /// The same route in the site's other languages: (language, route).
    pub fn translations(&self, at: usize, route: &str, pages: &super::routes::Index) -> Vec<(String, String)> {
        if self.editions.len() < 2 {
            return Vec::new();
        }
        if let Some(page) = pages.get(route) {
            return page.translations.clone();
        }
        let here = &self.editions[at];
        let path = match route.strip_prefix(here.root.as_str()) {
            Some("") => "/",
            Some(path) => path,
            None => return Vec::new(),
        };
        self.editions
            .iter()
            .enumerate()
            .filter(|(i, e)| *i != at && e.paths.contains(path))
            .map(|(_, e)| (e.code.clone(), crate::bundle::in_root(&e.root, path)))
            .collect()
    }

    /// `hreflang` alternates of a route in `lang` with these translations:
    /// (language or `x-default`, absolute URL); none without a translation.
    pub fn alternates(
        &self,
        lang: &str,
        route: &str,
        translations: &[(String, String)],
        base_url: &str,
    ) -> Vec<(String, String)> {
        if translations.is_empty() {
            return Vec::new();
        }
        let url = |r: &str| super::head::absolute(base_url, r);
        let mut out = vec![(lang.to_string(), url(route))];
        out.extend(translations.iter().map(|(code, r)| (code.clone(), url(r))));
        let own = &self.editions[0].code;
        if let Some((_, default)) = out.iter().find(|(code, _)| code == own).cloned() {
            out.push(("x-default".into(), default));
        }
        out
    }
}
