//! The links a page's front matter gives (`github:`, `demo:`, `link:`, as
//! portfolio themes for Hugo, Zola and Astro name them), shown on the page.

use crate::bundle::SiteLink;
use crate::text::Text;
use serde_json::Value;
use std::collections::BTreeMap;

/// Each known key with a web address, by key name, then Zola's `[extra]` ones.
/// `text`: the interface text of the site's language, for the labels.
pub fn read(extra: &BTreeMap<String, Value>, text: &Text) -> Vec<SiteLink> {
    let nested = extra.get("extra").and_then(Value::as_object);
    let fields = extra.iter().chain(nested.into_iter().flatten());
    let mut out: Vec<SiteLink> = Vec::new();
    for (key, value) in fields {
        let Some(url) = value.as_str().map(str::trim).filter(|u| is_web(u)) else {
            continue;
        };
        if let Some(label) = label(key, text) {
            if !out.iter().any(|l| l.url == url) {
                out.push(SiteLink {
                    label: label.to_string(),
                    url: url.to_string(),
                });
            }
        }
    }
    out
}

fn is_web(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && !url.contains(char::is_whitespace)
}

/// What the key means to a reader, or `None` for a key that is not a link.
fn label(key: &str, text: &Text) -> Option<&'static str> {
    let key: String = key
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let key = key
        .strip_suffix("url")
        .or_else(|| key.strip_suffix("link"))
        .unwrap_or(&key);
    Some(match key {
        "github" | "gitlab" | "codeberg" | "repo" | "repository" | "source" | "sourcecode" | "code" | "git"
        | "depot" | "dépôt" => text.link_code,
        "demo" | "démo" | "live" | "preview" | "app" | "play" => text.link_demo,
        "download" | "pdf" | "doc" | "document" | "report" | "rapport" => text.link_document,
        "" | "website" | "site" | "external" | "project" | "projet" | "href" | "web" | "homepage" | "lien" => {
            text.link_site
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_keys_with_web_addresses_become_links() {
        let extra: BTreeMap<String, Value> = serde_json::from_value(json!({
            "github": "https://github.com/a/b",
            "demoUrl": "https://a.example/demo",
            "link": "https://a.example",
            "layout": "https://not-a-link-key.example",
            "repo": "a/b",
            "extra": { "source_code": "https://gitlab.com/a/b", "website": "https://a.example" }
        }))
        .unwrap();
        let links: Vec<(String, String)> = read(&extra, &crate::text::FR)
            .into_iter()
            .map(|l| (l.label, l.url))
            .collect();
        assert_eq!(
            links,
            [
                ("Démo".to_string(), "https://a.example/demo".to_string()),
                ("Code source".to_string(), "https://github.com/a/b".to_string()),
                ("Site".to_string(), "https://a.example".to_string()),
                ("Code source".to_string(), "https://gitlab.com/a/b".to_string()),
            ]
        );
        let english = read(&extra, &crate::text::EN);
        assert_eq!(english[0].label, "Demo");
        assert_eq!(english[1].label, "Source code");
    }
}
