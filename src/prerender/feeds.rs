//! Files for crawlers and feed readers: `sitemap.xml`, `robots.txt`, `feed.xml` (Atom).

use super::head::absolute;
use crate::bundle::{Bundle, Page};
use crate::compiler::model::html::escape;
use rayon::prelude::*;

/// Every listed route of every language (`routes`, by language, the site's
/// own first), with its translations as `xhtml:link` alternates.
pub fn sitemap(bundles: &[Bundle], routes: &[Vec<String>], languages: &super::languages::Languages) -> String {
    let base = &bundles[0].site.base_url;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (at, (bundle, routes)) in bundles.iter().zip(routes).enumerate() {
        let pages = super::routes::index(bundle);
        // One line per route, made in parallel (a large site has tens of thousands).
        let lines: Vec<String> = routes
            .par_iter()
            .map(|route| {
                let lastmod = pages
                    .get(route.as_str())
                    .and_then(|p| p.updated.as_ref().or(p.date.as_ref()))
                    .map(|d| format!("<lastmod>{d}</lastmod>"))
                    .unwrap_or_default();
                let translations = languages.translations(at, route, &pages);
                let alternates: String = languages
                    .alternates(&bundle.site.lang, route, &translations, base)
                    .iter()
                    .map(|(code, url)| {
                        format!(
                            "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                            escape(code),
                            escape(url)
                        )
                    })
                    .collect();
                format!(
                    "  <url><loc>{}</loc>{lastmod}{alternates}</url>\n",
                    escape(&absolute(base, route))
                )
            })
            .collect();
        // Sized once: grown step by step, it was copied into fresh memory each time.
        out.reserve(lines.iter().map(String::len).sum::<usize>() + 16);
        lines.iter().for_each(|line| out.push_str(line));
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(bundle: &Bundle) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if !bundle.site.base_url.is_empty() {
        out.push_str(&format!("Sitemap: {}/sitemap.xml\n", bundle.site.base_url));
    }
    out
}

/// An Atom feed of the dated pages, newest first.
pub fn atom(bundle: &Bundle) -> String {
    let base = &bundle.site.base_url;
    let mut pages: Vec<&Page> = bundle.pages.iter().filter(|p| p.date.is_some()).collect();
    pages.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.route.cmp(&b.route)));
    let updated = pages
        .iter()
        .filter_map(|p| p.updated.as_ref().or(p.date.as_ref()))
        .max()
        .cloned()
        .unwrap_or_else(|| "1970-01-01".into());
    let author = if bundle.site.author.is_empty() {
        &bundle.site.title
    } else {
        &bundle.site.author
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n  <subtitle>{tagline}</subtitle>\n  <id>{home}</id>\n  <link href=\"{home}\"/>\n  <link rel=\"self\" href=\"{base}/feed.xml\"/>\n  <updated>{updated}T00:00:00Z</updated>\n  <author><name>{author}</name></author>\n",
        lang = escape(&bundle.site.lang),
        title = escape(&bundle.site.title),
        tagline = escape(&bundle.site.tagline),
        home = escape(&absolute(base, &bundle.site.route("/"))),
        base = escape(&format!("{base}{}", bundle.site.root)),
        author = escape(author),
    );
    for p in pages {
        let url = escape(&absolute(base, &p.route));
        let date = p.date.as_deref().unwrap_or_default();
        let updated = p.updated.as_deref().unwrap_or(date);
        let summary = if p.description.is_empty() {
            &p.summary
        } else {
            &p.description
        };
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{url}</id>\n    <link href=\"{url}\"/>\n    <published>{date}T00:00:00Z</published>\n    <updated>{updated}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&p.title),
            escape(summary)
        ));
    }
    out.push_str("</feed>\n");
    out
}
