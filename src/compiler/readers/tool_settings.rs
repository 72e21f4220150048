//! The settings a site keeps where its own tool reads them, found beside the
//! content folder or one level up: Hugo (`hugo.toml|yaml|json`,
//! `config.toml|yaml|json`), Zola (`config.toml`), Astro (`astro.config.*`, read
//! as text: it is JavaScript). `content/site.toml` and `_index.md` override them.

use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What a tool's settings say, each field only when they say it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ToolSettings {
    pub title: Option<String>,
    pub author: Option<String>,
    pub description: Option<String>,
    pub lang: Option<String>,
    /// `https://example.org/portfolio`, without a trailing slash.
    pub base_url: Option<String>,
    /// The path of the site's address (Astro's `base`, the end of Hugo's
    /// `baseURL`: `/portfolio`): the prefix its authors may write before links and images.
    pub base_path: Option<String>,
    /// The main menu as the settings write it (Hugo `menus.main`, Zola themes' `extra.menu`).
    pub menu: Vec<MenuEntry>,
    /// Hugo's taxonomies (`[taxonomies] competence = "competences"`): front matter
    /// keys that hold terms, not relations to pages.
    pub taxonomies: Vec<String>,
    /// Hugo's content folders other than `content/`, relative to `root`, by
    /// language code (`""`: the site's own); see [`content_dirs`].
    pub content_dirs: Vec<(String, String)>,
    /// Hugo mounts of single files into the content (`source`, `target`), not read.
    pub file_mounts: Vec<(String, String)>,
    /// Hugo's `[permalinks]` for pages: (section folder, pattern).
    pub permalinks: Vec<(String, String)>,
    /// The folder holding the settings file.
    pub root: Option<PathBuf>,
    /// An Astro Starlight site: its pages are the `docs` collection, at the root.
    pub starlight: Option<Starlight>,
    /// Emoji shortcodes turned on: Hugo's `enableEmoji`, Zola's `[markdown] render_emoji`.
    pub emoji: bool,
    /// Which tool the site was written for, when its settings say.
    pub dialect: Dialect,
    /// Hugo's `buildFuture`: pages dated after today are published (Hugo leaves them out).
    pub build_future: bool,
    /// The author's profiles: Hugo themes' `[[params.social]]` and `[[menus.social]]`,
    /// Zola themes' `extra.socials`: (name, address).
    pub social: Vec<(String, String)>,
}

/// The tool a site was written for: where its ways differ (a `slug`'s reach,
/// heading ids), Vitrine follows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dialect {
    /// Vitrine's own content, or no settings file found.
    #[default]
    Own,
    Hugo,
    Zola,
    Astro,
}

impl Dialect {
    /// Heading ids as GitHub makes them (Hugo's default, Astro's github-slugger):
    /// accents and repeated hyphens kept. Zola and Vitrine fold them.
    pub fn github_ids(self) -> bool {
        matches!(self, Dialect::Hugo | Dialect::Astro)
    }
}

/// What Vitrine reads of a Starlight config: which locale is the site's own
/// (`defaultLocale`, `root` for the top of `docs/`) and the others' codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Starlight {
    pub default_locale: String,
    pub locales: Vec<String>,
}

impl ToolSettings {
    /// On a Hugo site with a content folder per language: the site language's
    /// folder, and the other languages' folders (left out).
    pub fn language_content(&self) -> Option<(PathBuf, Vec<(String, PathBuf)>)> {
        let root = self.root.as_ref()?;
        // Hugo's own default language when its settings name none.
        let lang = self.lang.as_deref().unwrap_or("en");
        let (own, others): (Vec<_>, Vec<_>) = self
            .content_dirs
            .iter()
            .map(|(code, dir)| (code.clone(), root.join(dir)))
            .filter(|(_, dir)| dir.is_dir())
            .partition(|(code, _)| code.is_empty() || code.split(['-', '_']).next() == Some(lang));
        // The site's language with no folder of its own reads Hugo's default, `content/`.
        let own = match own.into_iter().next() {
            Some((_, own)) => own,
            None if !others.is_empty() => Some(root.join("content")).filter(|d| d.is_dir())?,
            None => return None,
        };
        Some((own, others))
    }
}

/// One menu entry as Hugo or a Zola theme writes it.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct MenuEntry {
    name: Option<String>,
    title: Option<String>,
    identifier: Option<String>,
    url: Option<String>,
    #[serde(rename = "pageRef")]
    page_ref: Option<String>,
    path: Option<String>,
    pub weight: Option<i64>,
    /// A sub-menu entry's parent: see [`one_level`].
    parent: Option<String>,
}

impl MenuEntry {
    /// Its label, empty when it gives none (the section's or page's title is used).
    pub fn label(&self) -> String {
        [&self.name, &self.title, &self.identifier]
            .into_iter()
            .find_map(|v| v.clone())
            .unwrap_or_default()
    }

    pub fn address(&self) -> String {
        [&self.url, &self.page_ref, &self.path]
            .into_iter()
            .find_map(|v| v.clone())
            .unwrap_or_default()
    }
}

const DATA_FILES: [&str; 9] = [
    "hugo.toml",
    "zola.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];
const ASTRO_FILES: [&str; 4] = [
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.js",
    "astro.config.cjs",
];

/// The content folder of a site root given instead of it: `content/` (Hugo,
/// Zola) or `src/content/` (Astro) of a folder that holds the tool's settings.
pub fn site_root_content(dir: &Path) -> Option<PathBuf> {
    let settings = DATA_FILES
        .iter()
        .chain(&ASTRO_FILES)
        .any(|name| dir.join(name).is_file())
        || dir.join("config").join("_default").is_dir();
    let inner = [dir.join("src").join("content"), dir.join("content")]
        .into_iter()
        .find(|d| d.is_dir())?;
    settings.then_some(inner)
}

/// The first settings file found beside `content` or one level up, read.
pub fn read(content: &Path, sources: &mut Sources) -> (ToolSettings, Vec<Diagnostic>) {
    let roots: Vec<PathBuf> = content.ancestors().skip(1).take(2).map(Path::to_path_buf).collect();
    // Astro's config first: AstroWind keeps a `src/config.yaml` of its own, not Hugo's.
    for root in &roots {
        for name in ASTRO_FILES {
            if let Ok(text) = std::fs::read_to_string(root.join(name)) {
                return (from_astro(&text), Vec::new());
            }
        }
    }
    for root in &roots {
        // Hugo also keeps its settings in `config/_default/` (`hugo.toml`,
        // `params.toml`, `menus.fr.toml`…), merged under the main file.
        let dir = root.join("config").join("_default");
        let main = [root.as_path(), dir.as_path()]
            .iter()
            .flat_map(|folder| DATA_FILES.iter().map(move |name| folder.join(name)))
            .find(|path| path.is_file());
        if main.is_some() || dir.is_dir() {
            let mut found = Vec::new();
            let mut value = match &main {
                Some(path) => match parse_file(path, sources) {
                    Ok(value) => value,
                    Err(warning) => return (ToolSettings::default(), vec![warning]),
                },
                None => Value::Object(Default::default()),
            };
            merge_config_dir(&dir, main.as_deref(), &mut value, sources, &mut found);
            let mut settings = from_value(&value);
            if main.as_ref().is_some_and(|p| p.ends_with("zola.toml")) {
                settings.dialect = Dialect::Zola;
            }
            settings.root = Some(root.clone());
            return (settings, found);
        }
    }
    (ToolSettings::default(), Vec::new())
}

/// One settings file's text, read as its name says (for tools and the fuzzer).
pub fn read_text(name: &str, text: String, sources: &mut Sources) -> (ToolSettings, Vec<Diagnostic>) {
    if name.starts_with("astro.config") {
        (from_astro(&text), Vec::new())
    } else {
        from_data(Path::new(name), text, sources)
    }
}

fn from_data(path: &Path, text: String, sources: &mut Sources) -> (ToolSettings, Vec<Diagnostic>) {
    match parse_data(path, text, sources) {
        Ok(value) => (from_value(&value), Vec::new()),
        Err(warning) => (ToolSettings::default(), vec![warning]),
    }
}

fn parse_file(path: &Path, sources: &mut Sources) -> Result<Value, Diagnostic> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    parse_data(path, text, sources)
}

/// The files of Hugo's `config/_default/` beside the main one, each under its key
/// (`params.toml` → `params`, `menus.fr.toml` → `menus`, `languages.fr.toml` →
/// the site's own fields); what the main file says wins.
fn merge_config_dir(
    dir: &Path,
    main: Option<&Path>,
    value: &mut Value,
    sources: &mut Sources,
    found: &mut Vec<Diagnostic>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    // `menus.de.toml` beside `menus.en.toml`: only the site language's (when the main file names it).
    let lang = ["defaultContentLanguage", "languageCode"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase());
    for path in paths.iter().filter(|p| Some(p.as_path()) != main) {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let (Some(lang), Some((_, code))) = (&lang, stem.split_once('.')) {
            if code.split(['-', '_']).next().unwrap_or(code).to_lowercase() != *lang {
                continue;
            }
        }
        let key = match stem.split('.').next().unwrap_or("") {
            "params" => Some("params"),
            "menus" | "menu" => Some("menus"),
            "taxonomies" => Some("taxonomies"),
            "languages" if stem == "languages" => Some("languages"),
            "languages" => None,
            _ => continue,
        };
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !["toml", "yaml", "yml", "json"].contains(&extension) {
            continue;
        }
        let part = match parse_file(path, sources) {
            Ok(part) => part,
            Err(warning) => {
                found.push(warning);
                continue;
            }
        };
        match key {
            Some(key) => {
                let slot = value.as_object_mut().map(|o| o.entry(key).or_insert(Value::Null));
                if let Some(slot) = slot {
                    merge_absent(slot, part);
                }
            }
            None => merge_absent(value, part),
        }
    }
}

/// `from`'s fields into `into` where `into` has none.
fn merge_absent(into: &mut Value, from: Value) {
    match (into, from) {
        (Value::Object(into), Value::Object(from)) => {
            for (key, value) in from {
                match into.get_mut(&key) {
                    Some(existing) => merge_absent(existing, value),
                    None => {
                        into.insert(key, value);
                    }
                }
            }
        }
        (into @ Value::Null, from) => *into = from,
        _ => {}
    }
}

fn parse_data(path: &Path, text: String, sources: &mut Sources) -> Result<Value, Diagnostic> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let parsed: Result<Value, (Option<std::ops::Range<usize>>, String)> = match extension {
        "toml" => toml::from_str(&text).map_err(|e: toml::de::Error| (e.span(), e.message().to_string())),
        "yaml" | "yml" => {
            serde_norway::from_str(&text).map_err(|e| (e.location().map(|l| l.index()..l.index()), e.to_string()))
        }
        _ => serde_json::from_str(&text).map_err(|e| (None, e.to_string())),
    };
    let id = sources.add(path.display().to_string(), text);
    parsed.map_err(|(span, message)| {
        Diagnostic::warning(id, span.unwrap_or(0..0), "site settings could not be read")
            .label(message)
            .hint("the site is built without them; fix the file, or set the fields in content/site.toml")
    })
}

/// Hugo's and Zola's keys, whichever the file uses.
fn from_value(value: &Value) -> ToolSettings {
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let at = |path: &[&str]| path.iter().try_fold(value, |v, key| field(v, key));
    let author = text(at(&["params", "author"]))
        .or_else(|| text(at(&["params", "author", "name"])))
        .or_else(|| text(at(&["author"])))
        .or_else(|| text(at(&["author", "name"])))
        .or_else(|| text(at(&["extra", "author"])));
    let base_url = text(at(&["baseURL"]))
        .or_else(|| text(at(&["baseurl"])))
        .or_else(|| text(at(&["base_url"])))
        .map(|u| u.trim_end_matches('/').to_string());
    ToolSettings {
        title: text(at(&["title"])),
        author,
        description: text(at(&["params", "description"])).or_else(|| text(at(&["description"]))),
        lang: text(at(&["languageCode"]))
            .or_else(|| text(at(&["defaultContentLanguage"])))
            .or_else(|| text(at(&["default_language"])))
            .or_else(|| first_language(value).map(|(code, _)| code))
            .map(|l| l.split(['-', '_']).next().unwrap_or(&l).to_lowercase()),
        base_path: base_url.as_deref().and_then(url_path),
        base_url,
        menu: menu(value),
        taxonomies: value
            .get("taxonomies")
            .and_then(Value::as_object)
            .map(|t| t.values().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default(),
        content_dirs: content_dirs(value),
        file_mounts: file_mounts(value),
        permalinks: permalinks(value),
        root: None,
        starlight: None,
        emoji: [&["enableEmoji"][..], &["markdown", "render_emoji"]]
            .iter()
            .any(|path| at(path).and_then(Value::as_bool) == Some(true)),
        build_future: at(&["buildFuture"]).and_then(Value::as_bool) == Some(true),
        social: social_links(value),
        // Zola requires `base_url`; Hugo writes `baseURL`.
        dialect: if value.get("base_url").is_some() || value.get("compile_sass").is_some() {
            Dialect::Zola
        } else {
            Dialect::Hugo
        },
    }
}

/// The author's profiles, wherever Hugo and Zola themes keep them.
fn social_links(value: &Value) -> Vec<(String, String)> {
    let places: [&[&str]; 5] = [
        &["params", "social"],
        &["menus", "social"],
        &["menu", "social"],
        &["extra", "socials"],
        &["extra", "social"],
    ];
    let entry = |e: &Value| {
        let url = ["url", "link", "href"].iter().find_map(|k| e.get(*k)?.as_str())?.trim();
        let name = ["name", "title", "label", "identifier"]
            .iter()
            .find_map(|k| e.get(*k)?.as_str())?;
        let web = url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:");
        web.then(|| (name.trim().to_string(), url.to_string()))
    };
    places
        .iter()
        .filter_map(|path| path.iter().try_fold(value, |v, key| field(v, key)))
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(entry)
        .collect()
}

/// Where a Hugo site keeps its pages when not in `content/`, by language code
/// (`""`: the site's own): each language's `contentDir`, a top-level
/// `contentDir`, and `[[module.mounts]]` whose target is `content`.
fn content_dirs(value: &Value) -> Vec<(String, String)> {
    let languages = value
        .get("languages")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(code, l)| Some((code.to_lowercase(), l.get("contentDir")?.as_str()?.to_string())));
    let top = value
        .get("contentDir")
        .and_then(Value::as_str)
        .map(|dir| (String::new(), dir.to_string()));
    let mounts = value
        .get("module")
        .and_then(|m| m.get("mounts"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|m| m.get("target").and_then(Value::as_str) == Some("content"))
        .filter_map(|m| {
            // `lang: fr`, or Hugo 0.153's `sites: {matrix: {languages: [fr]}}`:
            // a mount for one language is that language's; for several, shared.
            let languages: Vec<&str> = match m.get("lang").and_then(Value::as_str) {
                Some(lang) => vec![lang],
                None => m
                    .pointer("/sites/matrix/languages")
                    .and_then(Value::as_array)
                    .map(|l| l.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default(),
            };
            let code = if languages.len() == 1 { languages[0] } else { "" };
            Some((code.to_lowercase(), m.get("source")?.as_str()?.to_string()))
        });
    languages.chain(top).chain(mounts).collect()
}

/// Hugo's `[permalinks]` of pages: `posts = "/:year/:slug/"`, or the same
/// under `[permalinks.page]` (Hugo 0.114+).
fn permalinks(value: &Value) -> Vec<(String, String)> {
    let Some(table) = value.get("permalinks").and_then(Value::as_object) else {
        return Vec::new();
    };
    let pages = table.get("page").and_then(Value::as_object).into_iter().flatten();
    table
        .iter()
        .chain(pages)
        .filter_map(|(section, pattern)| Some((section.clone(), pattern.as_str()?.to_string())))
        .collect()
}

/// Hugo's `[[module.mounts]]` of one file into the content
/// (`target = "content/project/README.md"`): (source, target).
fn file_mounts(value: &Value) -> Vec<(String, String)> {
    let mounts = value
        .get("module")
        .and_then(|m| m.get("mounts"))
        .and_then(Value::as_array);
    mounts
        .into_iter()
        .flatten()
        .filter_map(|m| Some((m.get("source")?.as_str()?, m.get("target")?.as_str()?)))
        .filter(|(_, target)| target.starts_with("content/"))
        .map(|(source, target)| (source.to_string(), target.to_string()))
        .collect()
}

/// A multilingual Hugo site's main language: `defaultContentLanguage`, else
/// the lightest `weight` of `languages`; its code and settings.
fn first_language(value: &Value) -> Option<(String, &Value)> {
    let languages = value.get("languages")?.as_object()?;
    let default = value.get("defaultContentLanguage").and_then(Value::as_str);
    if let Some((code, l)) = default.and_then(|d| languages.get_key_value(d)) {
        return Some((code.clone(), l));
    }
    languages
        .iter()
        .min_by_key(|(_, l)| l.get("weight").and_then(Value::as_i64).unwrap_or(i64::MAX))
        .map(|(code, l)| (code.clone(), l))
}

/// Hugo's `menus.main` / `menu.main` (also under the first of `languages`), or
/// the `extra.menu` Zola themes use.
fn menu(value: &Value) -> Vec<MenuEntry> {
    let own = menu_in(value);
    if !own.is_empty() {
        return own;
    }
    first_language(value).map(|(_, l)| menu_in(l)).unwrap_or_default()
}

/// A settings field by name, in any case (Hugo reads `Menus:` as `menus`).
fn field<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.get(key).or_else(|| {
        value
            .as_object()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

fn menu_in(value: &Value) -> Vec<MenuEntry> {
    let places: [&[&str]; 5] = [
        &["menus", "main"],
        &["menu", "main"],
        &["extra", "menu"],
        &["extra", "main_menu"],
        &["extra", "menu_items"],
    ];
    let list = places
        .iter()
        .find_map(|path| path.iter().try_fold(value, |v, key| field(v, key)))
        .and_then(Value::as_array);
    // Entry by entry: one odd entry does not cost the others.
    one_level(
        list.into_iter()
            .flatten()
            .filter_map(|entry| serde_json::from_value::<MenuEntry>(entry.clone()).ok())
            .collect(),
    )
}

/// The navigation has one level: the entries of a sub-menu (Hugo's `parent`)
/// take the place of a parent that has no address of its own, and follow one
/// that has, lightest first, at the parent's weight. Those whose parent is
/// not in the menu stay entries of their own.
fn one_level(entries: Vec<MenuEntry>) -> Vec<MenuEntry> {
    let (mut children, top): (Vec<_>, Vec<_>) = entries.into_iter().partition(|e| e.parent.is_some());
    children.sort_by_key(|c| c.weight.unwrap_or(i64::MAX));
    let mut out = Vec::new();
    for entry in top {
        let id = entry.identifier.clone().or_else(|| entry.name.clone());
        let (under, others): (Vec<_>, Vec<_>) = children.into_iter().partition(|c| c.parent == id);
        children = others;
        let weight = entry.weight;
        if !entry.address().is_empty() || under.is_empty() {
            out.push(entry);
        }
        out.extend(under.into_iter().map(|c| MenuEntry { weight, ..c }));
    }
    out.extend(children);
    out
}

/// Where an Astro site's content config (`src/content.config.ts`, or
/// `src/content/config.ts`) has its collections loaded from, when its content
/// folder holds none of them: `glob({ base: 'src/data/post' })` → `src/data`.
pub fn astro_loader_content(content: &Path) -> Option<PathBuf> {
    let src = content.parent()?;
    let root = src.parent()?;
    let config = ["content.config.ts", "content.config.mjs", "content.config.js"]
        .iter()
        .map(|name| src.join(name))
        .chain(
            ["config.ts", "config.mjs", "config.js"]
                .iter()
                .map(|name| content.join(name)),
        )
        .find_map(|path| std::fs::read_to_string(path).ok())?;
    let bases: Vec<PathBuf> = config
        .match_indices("base:")
        .filter_map(|(at, _)| {
            let value = config[at + 5..].trim_start();
            let quote = value.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
            let end = value[1..].find(quote)?;
            Some(root.join(value[1..1 + end].trim_start_matches("./")))
        })
        .filter(|base| base.is_dir())
        .collect();
    // The folder above the collections: each collection is then a section.
    let first = bases.first()?.parent()?.to_path_buf();
    bases.iter().all(|b| b.starts_with(&first)).then_some(first)
}

/// `/portfolio` from `https://x.github.io/portfolio`; `None` at the root of a host.
fn url_path(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map(|(_, path)| path.trim_matches('/'))?;
    (!path.is_empty()).then(|| format!("/{path}"))
}

/// `site: 'https://x.github.io'` and `base: '/repo'` from an Astro config, read as text.
fn from_astro(text: &str) -> ToolSettings {
    let site = string_field(text, "site");
    let base = string_field(text, "base")
        .map(|b| format!("/{}", b.trim_matches('/')))
        .filter(|b| b != "/");
    let base_url = site.map(|s| format!("{}{}", s.trim_end_matches('/'), base.as_deref().unwrap_or("")));
    let starlight = text.contains("starlight(").then(|| {
        let locales = object_keys(text, "locales");
        let default_locale = string_field(text, "defaultLocale")
            .or_else(|| locales.iter().find(|l| *l == "root").cloned())
            .or_else(|| locales.first().cloned())
            .unwrap_or_else(|| "root".into());
        Starlight {
            default_locale,
            locales,
        }
    });
    ToolSettings {
        base_url,
        base_path: base,
        // Starlight's `title` is the site's; a plain Astro config has none.
        title: starlight.as_ref().and_then(|_| string_field(text, "title")),
        lang: starlight.as_ref().and_then(|s| match s.default_locale.as_str() {
            // `locales: { root: { label: 'English', lang: 'en' } }`
            "root" => root_locale_lang(text),
            code => Some(code.split(['-', '_']).next().unwrap_or(code).to_lowercase()),
        }),
        starlight,
        dialect: Dialect::Astro,
        ..ToolSettings::default()
    }
}

/// The text after the `{` of the object literal given as `name: {` or
/// `name = {` (`export const locales = {…}`, then `locales,` in the config).
fn object_body<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    text.match_indices(name).find_map(|(at, _)| {
        let rest = text[at + name.len()..].trim_start();
        let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
        value.trim_start().strip_prefix('{')
    })
}

/// The `lang` of a Starlight config's `root` locale.
fn root_locale_lang(text: &str) -> Option<String> {
    let locales = object_body(text, "locales")?;
    let root = &locales[locales.find("root:")?..];
    let entry = &root[..root.find('}').unwrap_or(root.len())];
    string_field(entry, "lang").map(|l| l.split(['-', '_']).next().unwrap_or(&l).to_lowercase())
}

/// The keys of the object literal after `name:` in JavaScript source
/// (`locales: { root: {…}, 'pt-br': {…} }` → `root`, `pt-br`).
fn object_keys(text: &str, name: &str) -> Vec<String> {
    let Some(body) = object_body(text, name) else {
        return Vec::new();
    };
    let (mut depth, mut keys, mut start) = (0usize, Vec::new(), 0usize);
    for (i, c) in body.char_indices() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' if depth == 0 => break,
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => start = i + 1,
            ':' if depth == 0 => {
                let key = body[start..i].trim().trim_matches(['\'', '"', '`']);
                if !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
                    keys.push(key.to_string());
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    keys
}

/// The string value of `name: '…'` (or `"…"`, `` `…` ``) in JavaScript source.
fn string_field(text: &str, name: &str) -> Option<String> {
    let mut rest = text;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let Some(value) = after.strip_prefix(':') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
        let end = value[1..].find(quote)?;
        return Some(value[1..1 + end].to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astro_config_is_read_as_text() {
        let config = "import { defineConfig } from 'astro/config';\n// https://astro.build\nexport default defineConfig({\n  site: 'https://camille.github.io',\n  base: '/portfolio',\n  integrations: [],\n});\n";
        let s = from_astro(config);
        assert_eq!(s.base_url.as_deref(), Some("https://camille.github.io/portfolio"));
        assert_eq!(s.base_path.as_deref(), Some("/portfolio"));
        assert_eq!(from_astro("export default {}").base_url, None);
        assert_eq!(s.starlight, None);
    }

    #[test]
    fn emoji_are_on_when_hugo_or_zola_turn_them_on() {
        let on = |json: serde_json::Value| from_value(&json).emoji;
        assert!(on(serde_json::json!({ "enableEmoji": true })));
        assert!(on(serde_json::json!({ "enableemoji": true })));
        assert!(on(serde_json::json!({ "markdown": { "render_emoji": true } })));
        assert!(!on(serde_json::json!({ "enableEmoji": false })));
        assert!(!on(serde_json::json!({})));
    }

    #[test]
    fn a_starlight_config_gives_the_title_and_locales() {
        let config = "export default defineConfig({\n  integrations: [\n    starlight({\n      title: 'Mes docs',\n      defaultLocale: 'root',\n      locales: {\n        root: { label: 'Français', lang: 'fr' },\n        'en': { label: 'English' },\n      },\n      sidebar: [{ label: 'Guides', items: [] }],\n    }),\n  ],\n});\n";
        let s = from_astro(config);
        assert_eq!(s.title.as_deref(), Some("Mes docs"));
        let star = s.starlight.expect("a Starlight site");
        assert_eq!(star.default_locale, "root");
        assert_eq!(star.locales, ["root", "en"]);
        assert_eq!(s.lang.as_deref(), Some("fr"));
        let s = from_astro("starlight({ title: 'D', defaultLocale: 'fr', locales: { fr: {}, en: {} } })");
        assert_eq!(s.lang.as_deref(), Some("fr"));
        // Starlight's own docs: the locales in a constant, passed by name.
        let s = from_astro("export const locales = {\n\troot: { label: 'English', lang: 'en' },\n\t'zh-cn': { label: 'x', lang: 'zh-CN' },\n};\nexport default defineConfig({ integrations: [starlight({ title: 'S', defaultLocale: 'root', locales })] });\n");
        assert_eq!(s.starlight.unwrap().locales, ["root", "zh-cn"]);
        assert_eq!(s.lang.as_deref(), Some("en"));
    }

    #[test]
    fn a_site_root_given_for_content_reads_its_content_folder() {
        let make = |files: &[&str], dirs: &[&str]| {
            let site = tempfile::tempdir().unwrap();
            files
                .iter()
                .for_each(|f| std::fs::write(site.path().join(f), "").unwrap());
            dirs.iter()
                .for_each(|d| std::fs::create_dir_all(site.path().join(d)).unwrap());
            site
        };
        let hugo = make(&["hugo.toml"], &["content/posts"]);
        assert_eq!(site_root_content(hugo.path()), Some(hugo.path().join("content")));
        let astro = make(&["astro.config.mjs"], &["src/content/blog", "public"]);
        assert_eq!(site_root_content(astro.path()), Some(astro.path().join("src/content")));
        // A content folder that happens to hold a `content/` section stays as given.
        let plain = make(&[], &["content", "projets"]);
        assert_eq!(site_root_content(plain.path()), None);
        // So does a site root without pages where they are looked for.
        let empty = make(&["config.toml"], &["static"]);
        assert_eq!(site_root_content(empty.path()), None);
    }

    #[test]
    fn theme_social_links_are_read() {
        // hugo-coder's `[[params.social]]`, Stack's `[[menu.social]]`, a Zola theme's `extra.socials`.
        let text = "title = 'x'\n[[params.social]]\nname = 'Github'\nicon = 'fa-github'\nurl = 'https://github.com/me/'\n[[menu.social]]\nidentifier = 'mastodon'\nurl = 'https://mastodon.social/@me'\n[[params.social]]\nname = 'Local'\nurl = '/about/'\n";
        let (s, _) = read_text("hugo.toml", text.into(), &mut Sources::default());
        let want = [
            ("Github", "https://github.com/me/"),
            ("mastodon", "https://mastodon.social/@me"),
        ];
        assert_eq!(s.social, want.map(|(n, u)| (n.to_string(), u.to_string())));
        let (s, _) = read_text(
            "config.toml",
            "base_url = 'https://x.org'\n[extra]\nsocials = [{ name = 'GitHub', url = 'https://github.com/me' }]\n"
                .into(),
            &mut Sources::default(),
        );
        assert_eq!(s.social, [("GitHub".to_string(), "https://github.com/me".to_string())]);
    }

    #[test]
    fn hugo_config_folder_is_merged_under_the_main_file() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join("config/_default");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        std::fs::write(
            dir.join("hugo.toml"),
            "baseURL = 'https://n.github.io/'\ntitle = 'Blog'\ndefaultContentLanguage = 'fr'\n",
        )
        .unwrap();
        std::fs::write(dir.join("menus.de.toml"), "[[main]]\nname = 'Beispiele'\n").unwrap();
        std::fs::write(
            dir.join("menus.fr.toml"),
            "[[main]]\nname = 'Articles'\npageRef = 'posts'\nweight = 1\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("languages.fr.toml"),
            "title = 'Autre'\n[author]\nname = 'Nathan'\n",
        )
        .unwrap();
        std::fs::write(dir.join("params.toml"), "description = 'Notes'\n").unwrap();
        let (s, found) = read(&site.path().join("content"), &mut Sources::default());
        assert!(found.is_empty());
        assert_eq!(s.title.as_deref(), Some("Blog"));
        assert_eq!(s.author.as_deref(), Some("Nathan"));
        assert_eq!(s.description.as_deref(), Some("Notes"));
        assert_eq!(s.base_url.as_deref(), Some("https://n.github.io"));
        assert_eq!(s.menu.iter().map(MenuEntry::label).collect::<Vec<_>>(), ["Articles"]);
    }

    #[test]
    fn astro_collections_loaded_from_elsewhere_are_found() {
        // AstroWind: `src/content/config.ts` loads its posts from `src/data/post`.
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("src/content")).unwrap();
        std::fs::create_dir_all(site.path().join("src/data/post")).unwrap();
        std::fs::write(
            site.path().join("src/content/config.ts"),
            "const post = defineCollection({\n  loader: glob({ pattern: ['*.md', '*.mdx'], base: 'src/data/post' }),\n});\n",
        )
        .unwrap();
        let content = site.path().join("src/content");
        assert_eq!(astro_loader_content(&content), Some(site.path().join("src/data")));
        std::fs::remove_dir(site.path().join("src/data/post")).unwrap();
        assert_eq!(astro_loader_content(&content), None);
    }

    #[test]
    fn hugo_and_zola_keys() {
        let hugo: Value = toml::from_str(
            "baseURL = 'https://example.org/'\nlanguageCode = 'fr-FR'\ntitle = 'Mon portfolio'\n[params]\nauthor = 'Camille'\ndescription = 'BTS SIO'\n",
        )
        .unwrap();
        let s = from_value(&hugo);
        assert_eq!(s.base_url.as_deref(), Some("https://example.org"));
        assert_eq!(s.lang.as_deref(), Some("fr"));
        assert_eq!(s.author.as_deref(), Some("Camille"));
        assert_eq!(s.description.as_deref(), Some("BTS SIO"));
        assert_eq!(s.base_path, None);
        let capitals: Value =
            serde_json::json!({ "Title": "Profil", "Menus": { "main": [{ "name": "Blog", "url": "/blog" }] } });
        let s = from_value(&capitals);
        assert_eq!(s.title.as_deref(), Some("Profil"));
        assert_eq!(s.menu.iter().map(MenuEntry::label).collect::<Vec<_>>(), ["Blog"]);
        let project: Value = serde_json::json!({ "baseURL": "https://flo.github.io/portfolio-website/" });
        assert_eq!(from_value(&project).base_path.as_deref(), Some("/portfolio-website"));
        let menus: Value = toml::from_str(
            "[[menus.main]]\nname = 'Articles'\npageRef = '/posts'\nweight = 2\n[[menus.main]]\nname = 'À propos'\nurl = '/about/'\nweight = 1\n",
        )
        .unwrap();
        let names: Vec<(String, String)> = from_value(&menus)
            .menu
            .iter()
            .map(|m| (m.label(), m.address()))
            .collect();
        assert_eq!(
            names,
            [
                ("Articles".into(), "/posts".into()),
                ("À propos".into(), "/about/".into())
            ]
        );
        let zola: Value = toml::from_str(
            "base_url = 'https://z.org'\ntitle = 'Docs'\ndescription = 'Doc'\ndefault_language = 'en'\n[extra]\nauthor = 'Z'\n",
        )
        .unwrap();
        let s = from_value(&zola);
        assert!(s.menu.is_empty());
        assert_eq!(
            (
                s.title.as_deref(),
                s.base_url.as_deref(),
                s.lang.as_deref(),
                s.author.as_deref()
            ),
            (Some("Docs"), Some("https://z.org"), Some("en"), Some("Z"))
        );
    }

    #[test]
    fn a_multilingual_hugo_config_yml_gives_its_first_language_and_its_menu() {
        let text = "baseURL: 'https://x.github.io/site/'\ntitle: PaperMod\nlanguages:\n  fr:\n    weight: 2\n  en:\n    weight: 1\n    menu:\n      main:\n        - name: About\n          url: about\n          weight: 1\n";
        let (s, problems) = read_text("config.yml", text.into(), &mut Sources::default());
        assert!(problems.is_empty());
        assert_eq!((s.title.as_deref(), s.lang.as_deref()), (Some("PaperMod"), Some("en")));
        assert_eq!(s.menu.len(), 1);
        assert_eq!(
            (s.menu[0].label(), s.menu[0].address()),
            ("About".into(), "about".into())
        );
    }

    #[test]
    fn menu_entries_are_read_one_by_one() {
        // Hugo's docs write entries with `pageRef` only; sub-menus have a `parent`;
        // an entry with a name and a title, or an odd field, costs nothing to the others.
        let text = "[[menus.main]]\npageRef = '/posts'\nweight = 2\n[[menus.main]]\nname = 'Sous'\nurl = '/x'\nparent = 'posts'\n[[menus.main]]\nname = 'A'\ntitle = 'B'\nurl = '/about'\nurl2 = 3\n[[menus.main]]\nname = 7\n";
        let (s, _) = read_text("hugo.toml", text.into(), &mut Sources::default());
        let got: Vec<(String, String)> = s.menu.iter().map(|m| (m.label(), m.address())).collect();
        // `Sous` names a parent the menu does not have: an entry of its own, last.
        let want = [("", "/posts"), ("A", "/about"), ("Sous", "/x")].map(|(l, a)| (l.to_string(), a.to_string()));
        assert_eq!(got, want);
    }

    #[test]
    fn a_sub_menu_takes_its_parents_place() {
        // Hextra's menu: `More` has no address, its entries take its place at its
        // weight; `Blog`'s own sub-entry follows it.
        let text = "menu:\n  main:\n    - {identifier: more, name: More, weight: 4}\n    - {name: Docs, pageRef: /docs, weight: 1}\n    - {name: Glossary, pageRef: /glossary, parent: more, weight: 3}\n    - {name: About, pageRef: /about, parent: more, weight: 1}\n    - {identifier: blog, name: Blog, pageRef: /blog, weight: 5}\n    - {name: Archives, pageRef: /archives, parent: blog}\n";
        let (s, _) = read_text("hugo.yaml", text.into(), &mut Sources::default());
        let got: Vec<(String, Option<i64>)> = s.menu.iter().map(|m| (m.label(), m.weight)).collect();
        let want = [("Docs", 1), ("About", 4), ("Glossary", 4), ("Blog", 5), ("Archives", 5)];
        let mut sorted = got.clone();
        sorted.sort_by_key(|(_, w)| *w);
        assert_eq!(sorted, want.map(|(l, w)| (l.to_string(), Some(w))));
    }
}
