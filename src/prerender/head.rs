//! What goes in each page's `<head>`: title, description, canonical URL, Open
//! Graph and Twitter tags, the bundle's hashed name, and the Content-Security-Policy.

use crate::compiler::model::html::escape;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Absolute URL of a route, with the trailing slash static hosts serve folders with.
pub fn absolute(base_url: &str, route: &str) -> String {
    if route == "/" {
        format!("{base_url}/")
    } else {
        format!("{base_url}{route}/")
    }
}

pub struct Head<'a> {
    pub title: String,
    pub description: String,
    /// Absolute URL of the page, when the site's `base_url` is set.
    pub canonical: Option<String>,
    /// Absolute URL of the page's image.
    pub image: Option<(String, String)>,
    pub site_name: &'a str,
    pub lang: &'a str,
    pub kind: &'a str,
    /// The page in each language, `x-default` last: (hreflang, absolute URL).
    pub alternates: Vec<(String, String)>,
    /// Structured data (`/cv`'s `ProfilePage`), as JSON.
    pub json_ld: Option<String>,
    /// A file the page's app fetches at once (the search page's table),
    /// fetched as the page loads, beside the app rather than after it.
    pub preload: Option<String>,
}

impl Head<'_> {
    pub fn tags(&self) -> String {
        let mut out = format!(
            r#"<meta property="og:title" content="{t}"><meta property="og:description" content="{d}"><meta property="og:type" content="{k}"><meta property="og:site_name" content="{s}"><meta property="og:locale" content="{l}"><meta name="twitter:card" content="{card}"><meta name="twitter:title" content="{t}"><meta name="twitter:description" content="{d}">"#,
            t = escape(&self.title),
            d = escape(&self.description),
            k = self.kind,
            s = escape(self.site_name),
            l = locale(self.lang),
            card = if self.image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            },
        );
        if let Some(url) = &self.canonical {
            out.push_str(&format!(
                r#"<link rel="canonical" href="{u}"><meta property="og:url" content="{u}">"#,
                u = escape(url)
            ));
        }
        for (code, url) in &self.alternates {
            out.push_str(&format!(
                r#"<link rel="alternate" hreflang="{c}" href="{u}">"#,
                c = escape(code),
                u = escape(url)
            ));
            if code != self.lang && code != "x-default" {
                out.push_str(&format!(
                    r#"<meta property="og:locale:alternate" content="{}">"#,
                    locale(code)
                ));
            }
        }
        if let Some((src, alt)) = &self.image {
            out.push_str(&format!(
                r#"<meta property="og:image" content="{s}"><meta property="og:image:alt" content="{a}"><meta name="twitter:image" content="{s}"><meta name="twitter:image:alt" content="{a}">"#,
                s = escape(src),
                a = escape(alt)
            ));
        }
        if let Some(href) = &self.preload {
            out.push_str(&format!(
                r#"<link rel="preload" href="{}" as="fetch" crossorigin>"#,
                escape(href)
            ));
        }
        if let Some(json) = &self.json_ld {
            // A data block, never run (no hash in the CSP); `</` could end it early.
            out.push_str(&format!(
                r#"<script type="application/ld+json">{}</script>"#,
                json.replace("</", "<\\/")
            ));
        }
        out
    }
}

fn locale(lang: &str) -> String {
    match lang {
        "fr" => "fr_FR".into(),
        "en" => "en_GB".into(),
        other => other.replace('-', "_"),
    }
}

/// A Content-Security-Policy allowing the app's own files, WebAssembly, and
/// exactly the inline scripts present in `html` (by hash).
pub fn content_security_policy(html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .iter()
        .map(|s| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        })
        .collect();
    // Inline `style` attributes are allowed for table column alignment (the
    // only style the sanitiser keeps, `text-align`).
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'",
        hashes.join(" ")
    )
}

/// The contents of every `<script>` without a `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>').map(|i| start + i) else {
            break;
        };
        let tag = &rest[start..tag_end];
        let Some(close) = rest[tag_end..].find("</script>").map(|i| tag_end + i) else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&rest[tag_end + 1..close]);
        }
        rest = &rest[close + 9..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_hashes_each_inline_script() {
        let html = r#"<script>a()</script><script type="module">b()</script><script src="x.js"></script>"#;
        assert_eq!(inline_scripts(html), ["a()", "b()"]);
        let csp = content_security_policy(html);
        assert_eq!(csp.matches("'sha256-").count(), 2, "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("'unsafe-eval'"));
    }
}
