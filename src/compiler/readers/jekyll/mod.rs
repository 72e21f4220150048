//! Jekyll (GitHub Pages' own tool): the site's root is its content folder;
//! `_config.yml`, `_posts/` as dated pages, collections (`_projects/`), front
//! matter `defaults`, `permalink` patterns (kept as redirects), Liquid tags
//! and kramdown attribute lists.

pub mod config;
pub mod liquid;
pub mod permalink;

use super::settings::{Conventions, FieldNames, PageText, Tool, ToolSettings};
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// Folders of a Jekyll site's root that hold no pages, whatever its settings say.
const NOT_CONTENT: [&str; 4] = ["vendor", "node_modules", "_site", "assets"];

/// The names Jekyll's plugins give the fields (`jekyll-last-modified-at`, themes' `modified`).
pub const FIELDS: FieldNames = FieldNames {
    date: &[],
    updated: &["last_modified_at", "modified"],
    image: &[],
    alt: &[],
};

/// Jekyll's reader: Liquid in its pages, its permalinks kept as redirects.
pub const TOOL: Tool = Tool {
    name: "Jekyll",
    old_addresses: |docs, settings, _| old_addresses(docs, settings),
    body: liquid,
    site_warnings: |_, _| Vec::new(),
};

/// The content folder's own settings (`roots[0]`: a Jekyll site's root is its
/// content folder), if a `_config.yml`.
pub fn read_at(roots: &[PathBuf], sources: &mut Sources) -> Option<(ToolSettings, Vec<Diagnostic>)> {
    read(roots.first()?, sources)
}

/// The settings of a Jekyll site whose root is `root`, if it is one.
pub fn read(root: &Path, sources: &mut Sources) -> Option<(ToolSettings, Vec<Diagnostic>)> {
    let path = ["_config.yml", "_config.yaml"]
        .map(|n| root.join(n))
        .into_iter()
        .find(|p| p.is_file())?;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let read = config::read_config(&text);
    let id = sources.add(path.display().to_string(), text);
    let (config, found) = match read {
        Ok(config) => (config, Vec::new()),
        Err(p) => {
            let warning = Diagnostic::warning(id, p.span, "site settings could not be read")
                .label(p.message)
                .hint("the site is built without them; fix the file, or set the fields in content/site.toml");
            (config::Config::default(), vec![warning])
        }
    };
    let mut found = found;
    found.extend(undeclared(root, &config, sources));
    Some((settings(config, root, sources.text(id)), found))
}

/// Jekyll's own folders, which hold no pages.
const OWN_FOLDERS: [&str; 8] = [
    "_layouts",
    "_includes",
    "_sass",
    "_data",
    "_site",
    "_plugins",
    "_config",
    "_scss",
];

/// A warning for each `_name/` folder holding Markdown that `collections`
/// does not build: Jekyll leaves its pages out, and so does Vitrine, said.
fn undeclared(root: &Path, config: &config::Config, sources: &mut Sources) -> Vec<Diagnostic> {
    let dir = config
        .collections_dir
        .as_deref()
        .map_or(root.to_path_buf(), |d| root.join(d));
    let built = built(config);
    let markdown = |folder: &Path| {
        walkdir::WalkDir::new(folder)
            .into_iter()
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "md" || x == "markdown"))
    };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('_') && !built.contains(n) && !OWN_FOLDERS.contains(&n.as_str()))
        .filter(|n| markdown(&dir.join(n)))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let id = sources.add(path.display().to_string(), String::new());
            let collection = &name[1..];
            Diagnostic::warning(id, 0..0, format!("pages in `{name}/` are left out"))
                .label("`_config.yml` does not list it in `collections` with `output: true`, so Jekyll builds none of them either")
                .hint(format!("add `{collection}: {{output: true}}` under `collections:` in `_config.yml` to build them"))
        })
        .collect()
}

fn settings(config: config::Config, root: &Path, text: &str) -> ToolSettings {
    let base_path = config.baseurl.clone();
    let base_url = config
        .url
        .as_ref()
        .map(|u| format!("{u}{}", base_path.as_deref().unwrap_or("")));
    let author = config.author.clone().or_else(|| data_author(root)).unwrap_or_default();
    let not_content = not_content(root, &config);
    // jekyll-polyglot's `languages`, else the languages the pages' `lang:` name
    // (a hand-made bilingual site: `lang: en` + `ref:` on each page).
    let own = config.lang.as_deref().map(super::hugo::primary);
    let mut languages = config.languages.clone();
    if languages.is_empty() {
        languages = page_languages(root, &not_content);
    }
    let languages: Vec<super::settings::Language> = languages
        .iter()
        .filter(|l| Some(super::hugo::primary(l)) != own)
        .map(|l| super::settings::Language::new(l))
        .collect();
    let web = |url: &str| url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:");
    ToolSettings {
        title: config.title.clone(),
        description: config.description.clone(),
        lang: config.lang.as_deref().map(super::hugo::primary),
        languages_in_field: !languages.is_empty(),
        languages,
        author: author.name.clone(),
        photo: author.avatar.clone(),
        bio: author.bio.clone(),
        social: author.links.into_iter().filter(|(_, url)| web(url)).collect(),
        variables: site_variables(text),
        base_url,
        base_path,
        tool: TOOL,
        // kramdown's heading ids and definition lists.
        conventions: Conventions {
            github_ids: true,
            definition_lists: true,
            ..Conventions::default()
        },
        not_content,
        transparent: config.collections_dir.iter().cloned().collect(),
        defaults: defaults(&config),
        permalinks: permalinks(&config),
        data_folders: Some(root.join("_data")).filter(|d| d.is_dir()).into_iter().collect(),
        root: Some(root.to_path_buf()),
        ..ToolSettings::default()
    }
}

/// `_data/author.yml`, where some themes keep the author.
fn data_author(root: &Path) -> Option<config::Author> {
    let text = ["author.yml", "author.yaml"]
        .iter()
        .find_map(|name| std::fs::read_to_string(root.join("_data").join(name)).ok())?;
    config::read_config(&format!("author:\n{}", indent(&text))).ok()?.author
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// The collections whose pages are built, by folder (`_posts`, `_projects`).
fn built(config: &config::Config) -> Vec<String> {
    let mut folders: Vec<String> = config
        .collections
        .iter()
        .filter(|c| c.output)
        .map(|c| format!("_{}", c.name))
        .collect();
    folders.push("_drafts".into());
    folders
}

/// The root's entries that are not pages: the tool's own folders (`_layouts`,
/// `_includes`, `_data`, a collection not built), `vendor/`, what `exclude` names.
/// The languages the site's pages name in a `lang:` line of their front
/// matter, when they name more than one.
fn page_languages(root: &Path, not_content: &[PathBuf]) -> Vec<String> {
    let mut found = std::collections::BTreeSet::new();
    let pages = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !not_content.iter().any(|skip| e.path() == root.join(skip)))
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md" || x == "markdown"));
    for page in pages {
        let Ok(text) = std::fs::read_to_string(page.path()) else {
            continue;
        };
        let Some(front) = text.strip_prefix("---").and_then(|t| t.split("\n---").next()) else {
            continue;
        };
        let lang = front
            .lines()
            .find_map(|l| l.strip_prefix("lang:"))
            .map(|l| l.trim().trim_matches(['"', '\'']));
        if let Some(lang) = lang.filter(|l| {
            crate::compiler::readers::load::split_language(&format!("x.{l}"))
                .1
                .is_some()
        }) {
            found.insert(super::hugo::primary(lang));
        }
    }
    if found.len() > 1 {
        found.into_iter().collect()
    } else {
        Vec::new()
    }
}

fn not_content(root: &Path, config: &config::Config) -> Vec<PathBuf> {
    let dir = config
        .collections_dir
        .as_deref()
        .map_or(root.to_path_buf(), |d| root.join(d));
    let built = built(config);
    let mut skip: Vec<PathBuf> = [root.to_path_buf(), dir.clone()]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().filter_map(Result::ok))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.') || (name.starts_with('_') && !built.contains(name)))
        .map(PathBuf::from)
        .collect();
    skip.extend(NOT_CONTENT.iter().map(PathBuf::from));
    skip.extend(config.exclude.iter().map(|e| PathBuf::from(e.trim_matches('/'))));
    skip
}

/// `defaults` as fields by path, most specific first (the first that gives a
/// field wins); `_drafts/` are drafts.
fn defaults(config: &config::Config) -> Vec<(String, Map<String, Value>)> {
    let within = |folder: &str| match &config.collections_dir {
        Some(dir) => format!("{}/{folder}", dir.trim_matches('/')),
        None => folder.to_string(),
    };
    // (specificity: path length, typed, order), prefix, fields.
    type Rule = ((usize, bool, usize), String, Map<String, Value>);
    let mut rules: Vec<Rule> = Vec::new();
    for (order, d) in config.defaults.iter().enumerate() {
        let path = d.path.trim_matches('/');
        let prefix = match d.kind.as_deref() {
            None => path.to_string(),
            Some("pages" | "page") if path.is_empty() => continue,
            Some("pages" | "page") => path.to_string(),
            Some(kind) => {
                let folder = within(&format!("_{}", if kind == "post" { "posts" } else { kind }));
                if path.is_empty() {
                    folder
                } else if path.starts_with(&folder) {
                    path.to_string()
                } else {
                    continue;
                }
            }
        };
        rules.push(((prefix.len(), d.kind.is_some(), order), prefix, d.values.clone()));
    }
    rules.sort_by_key(|rule| std::cmp::Reverse(rule.0));
    let mut out: Vec<(String, Map<String, Value>)> = rules.into_iter().map(|(_, p, v)| (p, v)).collect();
    let draft = Map::from_iter([("draft".to_string(), Value::Bool(true))]);
    out.insert(0, (within("_drafts/"), draft));
    out
}

/// The site's `permalink` (folder `""`) and each collection's: (folder, pattern).
fn permalinks(config: &config::Config) -> Vec<(String, String)> {
    let site = ("".to_string(), config.permalink.clone().unwrap_or_default());
    let own = config
        .collections
        .iter()
        .filter_map(|c| Some((format!("_{}", c.name), c.permalink.clone()?)));
    std::iter::once(site).chain(own).collect()
}

/// Each page's address as Jekyll gives it, where Vitrine's differs, added to
/// its aliases (written as redirects).
pub fn old_addresses(docs: &mut [Doc], tool: &ToolSettings) -> Vec<Diagnostic> {
    let site = tool
        .permalinks
        .iter()
        .find(|(f, _)| f.is_empty())
        .map(|(_, p)| p.as_str());
    for doc in docs.iter_mut() {
        let address = address(doc, tool, site);
        if address.trim_end_matches('/') != doc.route && !doc.meta.aliases.contains(&address) {
            doc.meta.aliases.push(address);
        }
    }
    Vec::new()
}

/// A page's address under Jekyll: its `permalink`, else its collection's pattern.
fn address(doc: &Doc, tool: &ToolSettings, site: Option<&str>) -> String {
    let rel = tool
        .transparent
        .iter()
        .find_map(|dir| doc.file.rel.strip_prefix(&format!("{dir}/")))
        .unwrap_or(&doc.file.rel);
    let stem = rel.rsplit_once('.').map_or(rel, |(stem, _)| stem);
    let (folder, inner) = match stem.split_once('/') {
        Some((folder, inner)) if folder.starts_with('_') => (folder, inner),
        _ => ("", stem),
    };
    let collection = match folder {
        "" => "pages",
        "_drafts" => "posts",
        folder => &folder[1..],
    };
    let name = inner.rsplit('/').next().unwrap_or(inner);
    let (date, name) = crate::compiler::model::dates::split_date_prefix(name);
    let index = name == "index";
    let own = tool
        .permalinks
        .iter()
        .find(|(f, _)| f == folder)
        .map(|(_, p)| p.as_str());
    let pattern = match doc.meta.extra.get("permalink").and_then(Value::as_str) {
        Some(own) => own.to_string(),
        None => permalink::pattern_for(site, collection, own, index),
    };
    // `categories: [blog]`, `categories: blog news` or `category: blog`.
    let category = doc.meta.extra.get("category").and_then(Value::as_str);
    let categories: Vec<String> = doc
        .meta
        .categories
        .iter()
        .map(String::as_str)
        .chain(category)
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect();
    let date = doc.meta.date.clone().or(date);
    let path = if collection == "pages" { stem } else { inner };
    let parts = permalink::PermalinkParts {
        collection,
        date: date.as_deref(),
        slug: name,
        title: name,
        categories: &categories,
        path,
    };
    permalink::permalink(&pattern, &parts)
}

/// The settings' plain values (`github_username: jdupont`), as
/// `{{ site.github_username }}` shows them.
fn site_variables(text: &str) -> Vec<(String, String)> {
    let Ok(Value::Object(map)) = serde_norway::from_str::<Value>(text) else {
        return Vec::new();
    };
    map.iter().filter_map(|(k, v)| Some((k.clone(), shown(v)?))).collect()
}

/// A value as Liquid prints it: text, a number, a list joined.
fn shown(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => Some(items.iter().filter_map(shown).collect::<Vec<_>>().join(", ")),
        _ => None,
    }
}

/// What the page and the site say: `{{ page.title }}`, `{{ site.github_username }}`.
pub struct Variables<'a> {
    pub meta: &'a crate::compiler::model::fields::Meta,
    pub site: &'a [(String, String)],
}

impl Variables<'_> {
    fn get(&self, name: &str) -> Option<String> {
        if let Some(key) = name.strip_prefix("page.") {
            return match key {
                "title" => Some(self.meta.title.clone()),
                "description" | "excerpt" => Some(self.meta.description.clone()),
                "date" => self.meta.date.clone(),
                "tags" => Some(self.meta.tags.join(", ")),
                key => self.meta.extra.get(key).and_then(shown),
            };
        }
        let key = name.strip_prefix("site.")?;
        self.site.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// `{{ page.x }}` and `{{ site.x }}` replaced by their values where the page
/// or the settings give one (the others are left to [`liquid`]).
fn with_variables(body: &str, vars: &Variables) -> Option<String> {
    if !body.contains("{{") {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut changed = false;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else { break };
        let inner = rest[start + 2..start + len].trim();
        let (name, filters) = inner.split_once('|').map_or((inner, ""), |(n, f)| (n.trim(), f.trim()));
        let plain = filters.is_empty() || filters == "escape" || filters == "markdownify";
        match vars.get(name).filter(|_| plain && !name.contains(char::is_whitespace)) {
            Some(value) => {
                out.push_str(&rest[..start]);
                out.push_str(&value.replace('\n', " "));
                changed = true;
            }
            None => out.push_str(&rest[..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The body with its Liquid turned into Markdown, when it has any; the tags
/// left open are errors, the ones left out (`include`, `if`) warnings.
fn liquid(page: &PageText, errors: &mut Vec<Diagnostic>) -> Option<String> {
    let (body, offset, id) = (page.body, page.offset, page.file);
    let settings = page.settings;
    let dated = |stem: &str| page.dated.get(stem).cloned();
    let cx = liquid::LiquidContext {
        baseurl: settings.base_path.as_deref().unwrap_or(""),
        site_title: settings.title.as_deref().unwrap_or(""),
        post_url: &dated,
    };
    let vars = Variables {
        meta: page.meta,
        site: &settings.variables,
    };
    let own = with_variables(body, &vars);
    let body = own.as_deref().unwrap_or(body);
    let out = liquid::liquid(body, &cx);
    // Spans found after the variables were filled, back to the body as written.
    let remap = own
        .as_deref()
        .map(|own| crate::compiler::model::offsets::Remap::new(own, page.body, 0));
    let at = |mut span: std::ops::Range<usize>| {
        if let Some(remap) = &remap {
            remap.span(&mut span);
        }
        offset + span.start..offset + span.end
    };
    for p in out.problems {
        let span = at(p.span.clone());
        errors.push(Diagnostic::error(id, span, p.message).label(p.label).hint(p.hint));
    }
    for (span, name) in out.left_out {
        errors.push(
            Diagnostic::warning(id, at(span), format!("Liquid `{name}` left out"))
                .label("Vitrine reads the page's Markdown; Jekyll's templates and includes are not run")
                .hint("write what it shows as Markdown, or leave it out"),
        );
    }
    match out.body {
        std::borrow::Cow::Owned(text) => Some(text),
        std::borrow::Cow::Borrowed(_) => own,
    }
}
