//! The data a built site carries is JSON other tools can read: every route's
//! data file, and the copy each page embeds, is valid against the site's own
//! `data/schema.json`, the browser reads it with `JSON.parse`, and no page
//! holds a code point HTML forbids.

mod support;

use std::path::Path;
use support::{data_dir, dist, Browser, Host, Server};

fn schema(site: &Path) -> jsonschema::Validator {
    let text = std::fs::read_to_string(site.join("data/schema.json")).expect("the build writes data/schema.json");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn errors(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .take(3)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every built HTML file, with its path below the site.
fn pages(site: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let path = e.path().strip_prefix(site).unwrap().display().to_string();
            (path, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The text of a page's `<script type="application/json">` data block, if any.
fn embedded(html: &str) -> Option<&str> {
    let start = html.find(r#"<script type="application/json" id="vitrine-data">"#)?;
    let text = &html[start..];
    let text = &text[text.find('>')? + 1..];
    Some(&text[..text.find("</script>")?])
}

#[test]
fn every_data_file_and_every_embedded_copy_is_valid_against_the_schema() {
    let site = dist();
    let validator = schema(&site);
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(data_dir(&site))
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_none_or(|x| x != "json") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{entry:?}: {e}"));
        assert_eq!(
            value["version"],
            vitrine::data::DATA_VERSION,
            "{}",
            entry.path().display()
        );
        let wrong = errors(&validator, &value);
        assert!(wrong.is_empty(), "{}: {wrong:?}", entry.path().display());
        checked += 1;
    }
    assert!(checked > 40, "only {checked} data files");
    let mut embedded_copies = 0;
    for (path, html) in pages(&site) {
        let Some(text) = embedded(&html) else { continue };
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let wrong = errors(&validator, &value);
        assert!(wrong.is_empty(), "{path}: {wrong:?}");
        embedded_copies += 1;
    }
    assert!(embedded_copies > 40, "only {embedded_copies} pages embed their data");
    // The schema does check: a file with a field of the wrong type fails it.
    let mut bad: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data_dir(&site).join("index.json")).unwrap()).unwrap();
    bad["site"]["title"] = serde_json::json!(12);
    assert!(!errors(&validator, &bad).is_empty(), "a title of 12 passed the schema");
}

#[test]
fn no_built_page_holds_a_code_point_html_forbids() {
    let site = dist();
    let all = pages(&site);
    assert!(all.len() > 40, "{} pages", all.len());
    for (path, html) in all {
        if let Some((at, c)) = html.char_indices().find(|(_, c)| vitrine::data::forbidden_in_html(*c)) {
            let line = html[..at].lines().count();
            panic!("{path}:{line}: U+{:04X} in the page", u32::from(c));
        }
        if let Some(text) = embedded(&html) {
            assert!(
                !text.contains("</") && !text.contains("<!--"),
                "{path}: the data could end its script"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_browser_reads_a_route_data_file_as_json_and_the_schema_accepts_it() {
    let site = dist();
    let server = Server::start(&site, Host::GitHubPages).await;
    let b = Browser::start().await;
    b.goto(&server.url("/competences/autonomie-professionnelle")).await;
    // What another tool (or the page's own JavaScript) sees: fetched, typed, parsed.
    let read = "const folder = document.querySelector('meta[name=vitrine-data]').content;
        const answer = await fetch(folder + 'projets/citi.json');
        const data = JSON.parse(await answer.text());
        const embedded = JSON.parse(document.getElementById('vitrine-data').textContent);
        const schema = await (await fetch('data/schema.json')).json();
        return [answer.headers.get('content-type'), data, embedded, schema];";
    let read = format!("return (async () => {{ {read} }})();");
    let found = b.js(&read).await;
    let [kind, data, embedded, schema] = <[serde_json::Value; 4]>::try_from(found.as_array().unwrap().clone()).unwrap();
    assert!(
        kind.as_str().is_some_and(|k| k.starts_with("application/json")),
        "{kind}"
    );
    assert_eq!(data["route"], "/projets/citi");
    assert_eq!(data["view"]["page"]["title"], "Transition 4.0");
    assert!(data["view"]["page"]["html"].as_str().is_some_and(|h| h.contains("<p>")));
    assert_eq!(embedded["route"], "/competences/autonomie-professionnelle");
    let validator = jsonschema::validator_for(&schema).unwrap();
    for value in [&data, &embedded] {
        let wrong = errors(&validator, value);
        assert!(wrong.is_empty(), "{wrong:?}");
    }
    b.close().await;
}
