//! Trunk's `index.html` as a template: its head and its mount point filled for each route.

use super::head::{content_security_policy, Head};
use crate::compiler::model::html::escape;
use crate::data::EMBED_ID;

/// What goes in the `<body>` of one route's file.
pub struct Page<'a> {
    pub body: &'a str,
    /// The route's data file, as `crate::data::embed_text`.
    pub data: &'a [u8],
    pub hydrate: bool,
}

pub struct Template {
    /// `index.html` with the bundle meta and the CSP in place, `{{TITLE}}`-style holes cut out.
    before_title: String,
    between_title_and_app: String,
    after_app: String,
    /// `<base href>` as Trunk wrote it from `public_url`.
    pub base_href: String,
    /// The site's language, escaped.
    lang: String,
    /// The folder of this language's search files (relative to `<base href>`).
    pub search_folder: String,
}

const APP_OPEN: &str = r#"<div id="app">"#;

impl Template {
    /// `data_dir`: the build's data folder (`data/<hash>/`); `search_file`: the
    /// search index's hashed name; `lang`: the site's language.
    pub fn new(index: &str, data_dir: &str, search_file: &str, lang: &str) -> Result<Template, String> {
        let missing = |what: &str| format!("index.html has no {what}; keep Trunk's template as shipped");
        let base_href = between(index, "<base href=\"", "\"")
            .ok_or_else(|| missing("<base href>"))?
            .to_string();
        // Drop the description meta (written per page) and put the bundle name in.
        let mut html = index.replacen("<html lang=\"fr\">", &format!("<html lang=\"{}\">", escape(lang)), 1);
        if crate::text::for_lang(lang).lang != "fr" {
            html = html.replacen("title=\"Flux Atom\"", "title=\"Atom feed\"", 1);
        }
        if let Some(start) = html.find("<meta name=\"description\"") {
            let end = start
                + html[start..]
                    .find('>')
                    .ok_or_else(|| missing("closed description meta"))?
                + 1;
            html.replace_range(start..end, "");
        }
        let mut html = defer_app(&html);
        let csp = content_security_policy(&html);
        let charset = html.find("<meta charset").ok_or_else(|| missing("<meta charset>"))?;
        let after_charset = charset + html[charset..].find('>').ok_or_else(|| missing("<meta charset>"))? + 1;
        html.insert_str(
            after_charset,
            &format!(
                r#"<meta http-equiv="Content-Security-Policy" content="{csp}"><meta name="vitrine-data" content="{data_dir}"><meta name="vitrine-search" content="{search_file}">"#
            ),
        );
        let title_start = html.find("<title>").ok_or_else(|| missing("<title>"))?;
        let title_end = title_start
            + html[title_start..]
                .find("</title>")
                .ok_or_else(|| missing("</title>"))?
            + 8;
        let app_start = html.find(APP_OPEN).ok_or_else(|| missing(APP_OPEN))?;
        let app_end = app_start
            + html[app_start..]
                .find("</div>")
                .ok_or_else(|| missing("closed app <div>"))?
            + 6;
        Ok(Template {
            before_title: html[..title_start].to_string(),
            between_title_and_app: html[title_end..app_start].to_string(),
            after_app: html[app_end..].to_string(),
            base_href,
            lang: escape(lang),
            search_folder: search_file.to_string(),
        })
    }

    /// The template for the pages of a language whose routes begin with `root`
    /// (`/en`): its own feed.
    pub fn for_language(mut self, root: &str) -> Template {
        let folder = root.trim_start_matches('/');
        if !folder.is_empty() {
            let feed = format!("href=\"{folder}/feed.xml\"");
            for part in [&mut self.before_title, &mut self.between_title_and_app] {
                *part = part.replacen("href=\"feed.xml\"", &feed, 1);
            }
        }
        self
    }

    /// The page for one route: its head tags, the app's HTML inside the mount
    /// point (`data-hydrate` when the app may hydrate it as it is), and the
    /// route's data (in a script block no browser executes).
    pub fn fill(&self, head: &Head, page: &Page) -> Vec<u8> {
        let hydrate = if page.hydrate { " data-hydrate" } else { "" };
        let (title, description, tags) = (escape(&head.title), escape(&head.description), head.tags());
        let parts: [&[u8]; 18] = [
            self.before_title.as_bytes(),
            b"<title>",
            title.as_bytes(),
            br#"</title><meta name="description" content=""#,
            description.as_bytes(),
            br#"">"#,
            tags.as_bytes(),
            self.between_title_and_app.as_bytes(),
            br#"<div id="app""#,
            hydrate.as_bytes(),
            b">",
            page.body.as_bytes(),
            br#"</div><script type="application/json" id=""#,
            EMBED_ID.as_bytes(),
            br#"">"#,
            page.data,
            b"</script>",
            self.after_app.as_bytes(),
        ];
        // Sized at once: a page is tens of kilobytes.
        let mut out = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
        parts.iter().for_each(|p| out.extend_from_slice(p));
        out
    }

    /// A page that sends visitors (and crawlers) from an alias to the page's route.
    /// A page sending its visitors to `route`, or to a URL (`https://…`).
    pub fn redirect(&self, route: &str) -> String {
        let target = if route.contains("://") {
            route.to_string()
        } else {
            format!("{}{}", self.base_href, crate::bundle::relative_link(route))
        };
        let target = escape(&target);
        let lang = &self.lang;
        format!(
            r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Redirection</title><link rel="canonical" href="{target}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={target}"></head><body><p><a href="{target}">{target}</a></p></body></html>"#
        )
    }
}

/// The stylesheet Trunk links (`<link rel="stylesheet" href="/main-….css"
/// integrity=…>`) written into the page instead: a first visit then needs no
/// second request before its first paint and its largest image (on a phone's
/// connection each new request costs a round trip), and later pages come from
/// the app, not from the host. Kept as a link if the file cannot be read.
pub fn inline_stylesheet(index: &str, dist: &std::path::Path) -> String {
    let Some(start) = index.find("<link rel=\"stylesheet\" href=\"") else {
        return index.to_string();
    };
    let Some(end) = index[start..].find('>').map(|i| start + i + 1) else {
        return index.to_string();
    };
    let tag = &index[start..end];
    let name = between(tag, "href=\"", "\"").and_then(|href| href.rsplit('/').next());
    match name.and_then(|name| std::fs::read_to_string(dist.join(name)).ok()) {
        Some(css) if !css.contains("</") => index.replacen(tag, &format!("<style>{}</style>", compact(&css)), 1),
        _ => index.to_string(),
    }
}

/// Our own stylesheet without its comments and indentation (−13% brotli).
fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Trunk starts the app as the page is parsed and preloads its wasm, which
/// puts the wasm download (the biggest file) ahead of the page's first paints
/// on a slow connection. The page is complete without it: load the app once
/// the page has loaded and its frame is on screen (two animation frames,
/// then a task), without preloads.
fn defer_app(html: &str) -> String {
    let Some(start) = html.find("<script type=\"module\">") else {
        return html.to_string();
    };
    let Some(len) = html[start..].find("</script>") else {
        return html.to_string();
    };
    let script = &html[start..start + len + 9];
    let (Some(js), Some(wasm)) = (
        between(script, "from '", "'"),
        between(script, "module_or_path: '", "'"),
    ) else {
        return html.to_string();
    };
    let loader = format!(
        "<script type=\"module\">const go=async()=>{{const m=await import('{js}');await m.default({{module_or_path:'{wasm}'}});window.wasmBindings=m}};const later=()=>requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(go)));if(document.readyState==='complete')later();else addEventListener('load',later)</script>"
    );
    let mut out = html.replacen(script, &loader, 1);
    for tag in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(at) = out.find(tag) {
            let end = out[at..].find('>').map_or(out.len(), |i| at + i + 1);
            out.replace_range(at..end, "");
        }
    }
    out
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}

#[cfg(test)]
mod tests {
    use super::inline_stylesheet;

    #[test]
    fn the_stylesheet_is_written_into_the_page_without_comments() {
        let dist = tempfile::tempdir().unwrap();
        std::fs::write(
            dist.path().join("main-ab12.css"),
            "/* Theme. */\n:root {\n  --a: 1px; /* why */\n}\n\na { color: red; }\n",
        )
        .unwrap();
        let index = r#"<head><link rel="stylesheet" href="/portfolio/main-ab12.css" integrity="sha384-x"/></head>"#;
        assert_eq!(
            inline_stylesheet(index, dist.path()),
            "<head><style>:root {\n--a: 1px;\n}\na { color: red; }</style></head>"
        );
        // A file that cannot be read stays a link.
        let other = index.replace("ab12", "cd34");
        assert_eq!(inline_stylesheet(&other, dist.path()), other);
    }
}
