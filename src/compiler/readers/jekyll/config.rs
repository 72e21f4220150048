//! Jekyll's `_config.yml` as Vitrine needs it (`read_config`), its front-matter `defaults` among it
//! (applied by path, most specific first, in `jekyll/mod.rs`).

use super::liquid::{line_end, line_start};
use serde_json::{Map, Value};
use std::default::Default as StdDefault;

pub use crate::compiler::model::diagnostics::Problem;

/// `_config.yml` as Vitrine needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub title: Option<String>,
    pub description: Option<String>,
    /// Without a trailing slash.
    pub url: Option<String>,
    /// `/portfolio`: leading slash, no trailing slash; `""` and `/` are `None`.
    pub baseurl: Option<String>,
    /// `lang`, else the language part of `locale` (`fr_FR` → `fr`).
    pub lang: Option<String>,
    pub author: Option<Author>,
    /// `posts` first (always there, always output), then the configured ones.
    pub collections: Vec<Collection>,
    pub collections_dir: Option<String>,
    pub defaults: Vec<Default>,
    /// Site-wide `permalink:`, a pattern or a built-in style name.
    pub permalink: Option<String>,
    pub exclude: Vec<String>,
    pub include: Vec<String>,
    /// jekyll-polyglot's `languages: [fr, en]`: the site's languages, each
    /// page's in its `lang:` front matter.
    pub languages: Vec<String>,
}

/// The site's author.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Author {
    pub name: Option<String>,
    pub email: Option<String>,
    pub bio: Option<String>,
    pub avatar: Option<String>,
    /// `(label, url)`, in order, without duplicate addresses.
    pub links: Vec<(String, String)>,
}

/// One entry of `collections:`.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    pub name: String,
    pub output: bool,
    pub permalink: Option<String>,
}

/// One entry of `defaults:`.
#[derive(Debug, Clone, PartialEq)]
pub struct Default {
    /// `scope.path`, without leading `./` or `/` nor trailing `/`; empty matches every file.
    pub path: String,
    /// `scope.type`, plural (`post` → `posts`).
    pub kind: Option<String>,
    pub values: Map<String, Value>,
}

impl StdDefault for Config {
    /// An empty configuration: only the `posts` collection.
    fn default() -> Self {
        Config {
            title: None,
            description: None,
            url: None,
            baseurl: None,
            lang: None,
            languages: Vec::new(),
            author: None,
            collections: vec![posts_collection()],
            collections_dir: None,
            defaults: Vec::new(),
            permalink: None,
            exclude: Vec::new(),
            include: Vec::new(),
        }
    }
}

fn posts_collection() -> Collection {
    Collection {
        name: "posts".to_string(),
        output: true,
        permalink: None,
    }
}

/// Reads `_config.yml`. Not YAML (or not a mapping) → a `Problem` at the error's position.
/// An empty file → `Config::default()`.
pub fn read_config(text: &str) -> Result<Config, Problem> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let value = serde_norway::from_str::<Value>(text).map_err(|err| yaml_problem(text, &err))?;
    match value {
        Value::Object(map) => Ok(config_from(&map)),
        Value::Null => Ok(Config::default()),
        _ => Err(Problem {
            span: 0..line_end(text, 0),
            message: "`_config.yml` is not a mapping".to_string(),
            label: "expected `key: value` lines".to_string(),
            hint: "Write the settings as `key: value` lines, e.g. `title: My portfolio`.".to_string(),
        }),
    }
}

fn config_from(map: &Map<String, Value>) -> Config {
    let dir = text(map.get("collections_dir")).map(|d| d.trim_start_matches("./").trim_matches('/').to_string());
    Config {
        title: text(map.get("title")),
        description: text(map.get("description")),
        url: text(map.get("url"))
            .map(|u| u.trim_end_matches('/').to_string())
            .filter(|u| !u.is_empty()),
        baseurl: text(map.get("baseurl")).and_then(|b| clean_baseurl(&b)),
        lang: read_lang(map),
        author: read_author(map),
        collections: read_collections(map.get("collections")),
        collections_dir: dir.filter(|d| !d.is_empty() && d != "."),
        defaults: read_defaults(map.get("defaults")),
        permalink: text(map.get("permalink")),
        exclude: strings(map.get("exclude")),
        include: strings(map.get("include")),
        languages: strings(map.get("languages")),
    }
}

/// A problem for a YAML error, at the line and column the parser gives.
fn yaml_problem(text: &str, err: &serde_norway::Error) -> Problem {
    let at = err.location().map_or(0, |l| offset_of(text, l.line(), l.column()));
    let last = text.trim_end().len();
    let start = if at >= last {
        text[..last].char_indices().last().map_or(0, |(i, _)| i)
    } else {
        at
    };
    let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
    let line = &text[line_start(text, start)..line_end(text, start)];
    let hint = if err.to_string().contains("tab") || line.starts_with('\t') {
        "YAML does not allow tabs for indentation: indent with spaces."
    } else {
        "Check the indentation, the quotes and the brackets on this line or the one before."
    };
    Problem {
        span: start..end,
        message: "`_config.yml` is not valid YAML".to_string(),
        label: err.to_string(),
        hint: hint.to_string(),
    }
}

/// Byte offset of a 1-based line and character column, clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(pos) => start += pos + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[start..line_end(text, start)];
    let col = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    start + col
}

/// A scalar as text, trimmed; empty → `None`.
fn text(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// A list of scalars, or one scalar, as strings.
fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|item| text(Some(item))).collect(),
        other => text(other).into_iter().collect(),
    }
}

fn clean_baseurl(raw: &str) -> Option<String> {
    let trimmed = raw.trim().trim_end_matches('/');
    if trimmed.is_empty() {
        return None;
    }
    Some(if trimmed.starts_with('/') || trimmed.contains("://") {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    })
}

fn read_lang(map: &Map<String, Value>) -> Option<String> {
    // jekyll-polyglot's `default_lang` is the site's own language.
    if let Some(lang) = text(map.get("default_lang")).or_else(|| text(map.get("lang"))) {
        return Some(lang.replace('_', "-"));
    }
    let locale = text(map.get("locale"))?;
    let primary = locale.split(['_', '-']).next().unwrap_or("").to_lowercase();
    (!primary.is_empty()).then_some(primary)
}

/// `author:` (a name or a map), plus minima's site-wide `email` and `*_username` keys and jekyll-seo-tag's `social`.
fn read_author(map: &Map<String, Value>) -> Option<Author> {
    let mut author = match map.get("author") {
        Some(Value::Object(fields)) => author_from_map(fields),
        other => Author {
            name: text(other),
            ..StdDefault::default()
        },
    };
    for (key, value) in map {
        if let Some(platform) = key.strip_suffix("_username") {
            push_platform(&mut author.links, platform, value);
        }
    }
    if let Some(Value::Object(social)) = map.get("social") {
        read_links(social.get("links"), &mut author.links);
        if author.name.is_none() {
            author.name = text(social.get("name"));
        }
    }
    if author.email.is_none() {
        author.email = text(map.get("email"));
    }
    (author != Author::default()).then_some(author)
}

fn author_from_map(fields: &Map<String, Value>) -> Author {
    let mut author = Author {
        name: text(fields.get("name")),
        email: text(fields.get("email")).map(|e| e.trim_start_matches("mailto:").to_string()),
        bio: text(fields.get("bio")).or_else(|| text(fields.get("description"))),
        avatar: ["avatar", "image", "picture"]
            .iter()
            .find_map(|key| text(fields.get(*key))),
        links: Vec::new(),
    };
    read_links(fields.get("links"), &mut author.links);
    read_links(fields.get("social"), &mut author.links);
    for (key, value) in fields {
        push_platform(&mut author.links, key, value);
    }
    author
}

/// Platform key, label, and the address a bare handle goes after (empty: the value must be a URL).
const PLATFORMS: &[(&str, &str, &str)] = &[
    ("twitter", "Twitter", "https://twitter.com/"),
    ("x", "X", "https://x.com/"),
    ("github", "GitHub", "https://github.com/"),
    ("gitlab", "GitLab", "https://gitlab.com/"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/"),
    ("instagram", "Instagram", "https://www.instagram.com/"),
    ("facebook", "Facebook", "https://www.facebook.com/"),
    ("youtube", "YouTube", "https://www.youtube.com/"),
    ("bluesky", "Bluesky", "https://bsky.app/profile/"),
    ("stackoverflow", "Stack Overflow", "https://stackoverflow.com/users/"),
    ("mastodon", "Mastodon", ""),
    ("website", "Website", ""),
    ("homepage", "Website", ""),
    ("uri", "Website", ""),
    ("url", "Website", ""),
];

/// `links:` / `social:` as a list of URLs or `{label, url}` maps, or as a `{platform: handle}` map.
fn read_links(value: Option<&Value>, links: &mut Vec<(String, String)>) {
    let items = match value {
        Some(Value::Array(items)) => items.as_slice(),
        Some(Value::Object(map)) => {
            for (key, handle) in map {
                push_platform(links, key, handle);
            }
            return;
        }
        _ => return,
    };
    for item in items {
        match item {
            Value::Object(fields) => {
                let url = ["url", "href", "link", "user_url"]
                    .iter()
                    .find_map(|k| text(fields.get(*k)));
                match url {
                    Some(url) => {
                        let label = ["label", "name", "title", "platform"]
                            .iter()
                            .find_map(|k| text(fields.get(*k)));
                        push_link(links, label.unwrap_or_else(|| label_for(&url)), url);
                    }
                    None => fields
                        .iter()
                        .for_each(|(key, handle)| push_platform(links, key, handle)),
                }
            }
            other => {
                if let Some(url) = text(Some(other)).filter(|u| u.contains("://")) {
                    push_link(links, label_for(&url), url);
                }
            }
        }
    }
}

/// `github: jdupont` → ("GitHub", "https://github.com/jdupont"); unknown keys are ignored.
fn push_platform(links: &mut Vec<(String, String)>, key: &str, value: &Value) {
    let key = key.to_ascii_lowercase();
    let Some((_, label, prefix)) = PLATFORMS.iter().find(|(name, _, _)| *name == key) else {
        return;
    };
    let handle = match value {
        Value::Object(fields) => text(fields.get("username")).or_else(|| text(fields.get("url"))),
        other => text(Some(other)),
    };
    let Some(handle) = handle else { return };
    let url = if handle.contains("://") {
        handle
    } else if key == "mastodon" {
        match handle.trim_start_matches('@').split_once('@') {
            Some((user, host)) => format!("https://{host}/@{user}"),
            None => return,
        }
    } else if prefix.is_empty() {
        format!("https://{handle}")
    } else if key == "youtube" {
        format!("{prefix}{handle}")
    } else {
        format!("{prefix}{}", handle.trim_start_matches('@'))
    };
    push_link(links, label.to_string(), url);
}

fn push_link(links: &mut Vec<(String, String)>, label: String, url: String) {
    if !links.iter().any(|(_, known)| *known == url) {
        links.push((label, url));
    }
}

/// A label for a bare URL: the platform's name, else the host without `www.`.
fn label_for(url: &str) -> String {
    let host = url.split("://").nth(1).unwrap_or(url).split('/').next().unwrap_or("");
    let host = host.trim_start_matches("www.");
    PLATFORMS
        .iter()
        .find(|(_, _, prefix)| {
            !prefix.is_empty() && prefix.split('/').nth(2).map(|h| h.trim_start_matches("www.")) == Some(host)
        })
        .map_or_else(|| host.to_string(), |(_, label, _)| label.to_string())
}

/// `collections:` as a map `{name: {output, permalink}}` or a list of names; `posts` always first.
fn read_collections(value: Option<&Value>) -> Vec<Collection> {
    let mut list = vec![posts_collection()];
    let mut add = |name: &str, meta: Option<&Value>| {
        let name = name.trim();
        let fields = meta.and_then(Value::as_object);
        let permalink = fields.and_then(|f| text(f.get("permalink")));
        let output = fields
            .and_then(|f| f.get("output"))
            .is_some_and(|o| o == true || o == "true");
        if name == "posts" {
            list[0].permalink = permalink;
        } else if !name.is_empty() && !list.iter().any(|c| c.name == name) {
            list.push(Collection {
                name: name.to_string(),
                output,
                permalink,
            });
        }
    };
    match value {
        Some(Value::Object(map)) => map.iter().for_each(|(name, meta)| add(name, Some(meta))),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| text(Some(i)))
            .for_each(|name| add(&name, None)),
        other => text(other).iter().for_each(|name| add(name, None)),
    }
    list
}

fn read_defaults(value: Option<&Value>) -> Vec<Default> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let item = item.as_object()?;
            let values = item.get("values")?.as_object()?.clone();
            let scope = item.get("scope").and_then(Value::as_object);
            let path = scope.and_then(|s| text(s.get("path"))).unwrap_or_default();
            let path = path.trim_start_matches("./").trim_matches('/').to_string();
            let kind = scope.and_then(|s| text(s.get("type"))).map(|kind| plural_type(&kind));
            Some(Default { path, kind, values })
        })
        .collect()
}

/// Jekyll's deprecated singular types (`post`, `page`, `draft`) name the plural ones.
fn plural_type(kind: &str) -> String {
    match kind {
        "post" | "page" | "draft" => format!("{kind}s"),
        other => other.to_string(),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use serde_json::json;

    pub(crate) const PORTFOLIO: &str = r#"# Site settings
title: Jeanne Dupont — Portfolio
description: >-
  Développeuse web : projets, articles
  et notes.
url: "https://jdupont.github.io/"
baseurl: "/portfolio/"
lang: fr
timezone: Europe/Paris

author:
  name: Jeanne Dupont
  email: jeanne@example.fr
  bio: "Développeuse full-stack à Lyon."
  avatar: /assets/img/me.jpg
  links:
    - label: GitHub
      url: https://github.com/jdupont
    - https://www.linkedin.com/in/jeanne-dupont
  twitter: jdupont_dev

permalink: /blog/:year/:month/:title/

collections:
  projects:
    output: true
    permalink: /projets/:path/
  recipes:
    output: false

defaults:
  - scope:
      path: ""
    values:
      layout: default
      comments: false
  - scope:
      path: ""
      type: posts
    values:
      layout: post
      comments: true
  - scope:
      path: _projects
      type: projects
    values:
      layout: project
      header:
        overlay: true

plugins:
  - jekyll-feed
  - jekyll-seo-tag
  - jekyll-sitemap

exclude:
  - Gemfile
  - Gemfile.lock
  - node_modules
  - vendor/bundle/
"#;

    pub(crate) const MINIMAL_MISTAKES: &str = r#"remote_theme: "mmistakes/minimal-mistakes@4.24.0"
minimal_mistakes_skin: "dirt"
locale: "fr-FR"
title: "Notes de Karim"
description: "Carnet de projets"
url: "https://kbenali.github.io"
baseurl: ""
author:
  name   : "Karim Benali"
  avatar : "/assets/images/bio-photo.jpg"
  bio    : "Ingénieur systèmes & réseaux."
  location: "Marseille"
  links:
    - label: "Website"
      icon: "fas fa-fw fa-link"
      url: "https://kbenali.dev"
    - label: "GitHub"
      icon: "fab fa-fw fa-github"
      url: "https://github.com/kbenali"
    - label: "Mastodon"
      icon: "fab fa-fw fa-mastodon"
      # url: "https://mastodon.social/@kbenali"
include:
  - _pages
exclude:
  - "*.sublime-project"
  - vendor
collections_dir: my_collections/
collections:
  - recettes
  - notes
defaults:
  # _posts
  - scope:
      path: ""
      type: post
    values:
      layout: single
      author_profile: true
  # _pages
  - scope:
      path: "_pages"
      type: pages
    values:
      layout: single
permalink: /:categories/:title/
"#;

    const BROKEN: &[&str] = &[
        "title: Mon site\n\tdescription: tabulation\n",
        "title: Mon site\nnav: [accueil, projets\n",
        "- title\n- url\n",
    ];

    #[test]
    fn reads_a_github_pages_portfolio_config() {
        let config = read_config(PORTFOLIO).expect("valid config");
        assert_eq!(config.title.as_deref(), Some("Jeanne Dupont — Portfolio"));
        assert_eq!(
            config.description.as_deref(),
            Some("Développeuse web : projets, articles et notes.")
        );
        assert_eq!(config.url.as_deref(), Some("https://jdupont.github.io"));
        assert_eq!(config.baseurl.as_deref(), Some("/portfolio"));
        assert_eq!(config.lang.as_deref(), Some("fr"));
        assert_eq!(config.permalink.as_deref(), Some("/blog/:year/:month/:title/"));
        assert_eq!(
            config.exclude,
            ["Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/"]
        );
        assert!(config.include.is_empty());
        let author = config.author.expect("author");
        assert_eq!(author.name.as_deref(), Some("Jeanne Dupont"));
        assert_eq!(author.email.as_deref(), Some("jeanne@example.fr"));
        assert_eq!(author.avatar.as_deref(), Some("/assets/img/me.jpg"));
        let links = [
            ("GitHub", "https://github.com/jdupont"),
            ("LinkedIn", "https://www.linkedin.com/in/jeanne-dupont"),
            ("Twitter", "https://twitter.com/jdupont_dev"),
        ];
        let links: Vec<(String, String)> = links.iter().map(|(l, u)| (l.to_string(), u.to_string())).collect();
        assert_eq!(author.links, links);
        let names: Vec<(&str, bool, Option<&str>)> = config
            .collections
            .iter()
            .map(|c| (c.name.as_str(), c.output, c.permalink.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("posts", true, None),
                ("projects", true, Some("/projets/:path/")),
                ("recipes", false, None)
            ]
        );
        assert_eq!(config.defaults.len(), 3);
        assert_eq!(config.defaults[2].path, "_projects");
        assert_eq!(config.defaults[2].kind.as_deref(), Some("projects"));
        assert_eq!(config.defaults[1].values.get("layout"), Some(&json!("post")));
    }

    #[test]
    fn reads_a_minimal_mistakes_config() {
        let config = read_config(MINIMAL_MISTAKES).expect("valid config");
        assert_eq!(config.lang.as_deref(), Some("fr"));
        assert_eq!(config.baseurl, None);
        assert_eq!(config.collections_dir.as_deref(), Some("my_collections"));
        assert_eq!(config.include, ["_pages"]);
        let author = config.author.expect("author");
        assert_eq!(author.bio.as_deref(), Some("Ingénieur systèmes & réseaux."));
        assert_eq!(author.avatar.as_deref(), Some("/assets/images/bio-photo.jpg"));
        let labels: Vec<&str> = author.links.iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(labels, ["Website", "GitHub"], "the link without url is skipped");
        let names: Vec<(&str, bool)> = config.collections.iter().map(|c| (c.name.as_str(), c.output)).collect();
        assert_eq!(names, [("posts", true), ("recettes", false), ("notes", false)]);
        assert_eq!(
            config.defaults[0].kind.as_deref(),
            Some("posts"),
            "`post` is the old name of `posts`"
        );
        assert_eq!(config.defaults[1].path, "_pages");
    }

    #[test]
    fn reads_small_and_odd_configs() {
        assert_eq!(read_config(""), Ok(Config::default()));
        assert_eq!(read_config("# rien\n---\n"), Ok(Config::default()));
        assert_eq!(Config::default().collections, [posts_collection()]);
        let config = read_config("author: Jeanne\nlocale: fr_FR\nbaseurl: /\ncollections: [posts, talks]\n").unwrap();
        assert_eq!(config.author.and_then(|a| a.name).as_deref(), Some("Jeanne"));
        assert_eq!(config.lang.as_deref(), Some("fr"));
        assert_eq!(config.baseurl, None);
        assert_eq!(config.collections.len(), 2);
        let config = read_config("baseurl: blog\nlang: pt_BR\ngithub_username: jd\nemail: a@b.c\n").unwrap();
        assert_eq!(config.baseurl.as_deref(), Some("/blog"));
        assert_eq!(config.lang.as_deref(), Some("pt-BR"));
        let author = config.author.expect("author from minima keys");
        assert_eq!(
            author.links,
            [("GitHub".to_string(), "https://github.com/jd".to_string())]
        );
        assert_eq!(author.email.as_deref(), Some("a@b.c"));
        let social = "author:\n  name: A\n  social:\n    mastodon: \"@a@piaille.fr\"\n    github: a\n";
        let links = read_config(social).unwrap().author.unwrap().links;
        assert!(links.contains(&("Mastodon".to_string(), "https://piaille.fr/@a".to_string())));
    }

    #[test]
    fn reports_a_config_that_is_not_yaml() {
        let tab = read_config(BROKEN[0]).unwrap_err();
        assert_eq!(tab.span, 16..17, "points at the tab on line 2");
        assert!(tab.hint.contains("tabs"));
        assert!(tab.label.contains("line 2"));
        let unclosed = read_config(BROKEN[1]).unwrap_err();
        assert_eq!(
            &BROKEN[1][unclosed.span.clone()],
            "s",
            "points at the end of the text, not past it"
        );
        let list = read_config(BROKEN[2]).unwrap_err();
        assert_eq!(list.span, 0..8);
        assert!(list.message.contains("not a mapping"));
    }
}
