//! Trunk's `index.html` as a template: its head and its mount point filled for each route.

use super::head::{content_security_policy, Head};
use crate::compiler::markdown::escape;

pub struct Template {
    /// `index.html` with the bundle meta and the CSP in place, `{{TITLE}}`-style holes cut out.
    before_title: String,
    between_title_and_app: String,
    after_app: String,
    /// `<base href>` as Trunk wrote it from `public_url`.
    pub base_href: String,
}

const APP_OPEN: &str = r#"<div id="app">"#;

impl Template {
    pub fn new(index: &str, bundle_file: &str, search_file: &str) -> Result<Template, String> {
        let missing = |what: &str| format!("index.html has no {what}; keep Trunk's template as shipped");
        let base_href = between(index, "<base href=\"", "\"")
            .ok_or_else(|| missing("<base href>"))?
            .to_string();
        // Drop the description meta (written per page) and put the bundle name in.
        let mut html = index.to_string();
        if let Some(start) = html.find("<meta name=\"description\"") {
            let end = start
                + html[start..]
                    .find('>')
                    .ok_or_else(|| missing("closed description meta"))?
                + 1;
            html.replace_range(start..end, "");
        }
        let csp = content_security_policy(&html);
        let charset = html.find("<meta charset").ok_or_else(|| missing("<meta charset>"))?;
        let after_charset = charset + html[charset..].find('>').ok_or_else(|| missing("<meta charset>"))? + 1;
        html.insert_str(
            after_charset,
            &format!(
                r#"<meta http-equiv="Content-Security-Policy" content="{csp}"><meta name="vitrine-bundle" content="{bundle_file}"><meta name="vitrine-search" content="{search_file}">"#
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
        })
    }

    /// The page for one route: its head tags and its content inside the mount point.
    pub fn fill(&self, head: &Head, body: &str, lang: &str) -> String {
        let before = self
            .before_title
            .replacen("<html lang=\"fr\">", &format!("<html lang=\"{}\">", escape(lang)), 1);
        format!(
            r#"{before}<title>{}</title><meta name="description" content="{}">{}{}<div id="app" data-prerendered>{body}</div>{}"#,
            escape(&head.title),
            escape(&head.description),
            head.tags(),
            self.between_title_and_app,
            self.after_app
        )
    }

    pub fn without_canonical(&self, html: &str) -> String {
        match html.find("<link rel=\"canonical\"") {
            Some(start) => {
                let end = start + html[start..].find('>').map_or(0, |i| i + 1);
                let mut out = html.to_string();
                out.replace_range(start..end, "");
                out
            }
            None => html.to_string(),
        }
    }

    /// A page that sends visitors (and crawlers) from an alias to the page's route.
    pub fn redirect(&self, route: &str) -> String {
        let target = format!("{}{}", self.base_href, crate::bundle::relative_link(route));
        let target = escape(&target);
        format!(
            r#"<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Redirection</title><link rel="canonical" href="{target}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={target}"></head><body><p><a href="{target}">{target}</a></p></body></html>"#
        )
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}
