//! The settings a site keeps where its own tool reads them, found beside the
//! content folder or one level up, each read by its tool's module; what they
//! say, in words no tool owns. `content/site.toml` and `_index.md` override them.

use super::{astro, hugo, jekyll, pelican, zola};
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
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
    /// The path of the site's address (`/portfolio`): the prefix its authors
    /// may write before links and images.
    pub base_path: Option<String>,
    /// The main menu as the settings write it.
    pub menu: Vec<MenuEntry>,
    /// Front matter keys that hold terms, not relations to pages (`competence`).
    pub taxonomies: Vec<String>,
    /// Content folders other than `content/`, relative to `root`, by
    /// language code (`""`: the site's own); see [`hugo::content_dirs`].
    pub content_dirs: Vec<(String, String)>,
    /// Mounts of single files into the content (`source`, `target`), not read.
    pub file_mounts: Vec<(String, String)>,
    /// Address patterns for pages: (section folder, pattern).
    pub permalinks: Vec<(String, String)>,
    /// The folder holding the settings file.
    pub root: Option<PathBuf>,
    /// A docs site whose pages are the `docs` collection, at the root.
    pub starlight: Option<astro::Starlight>,
    /// Emoji shortcodes (`:rocket:`) turned on.
    pub emoji: bool,
    /// Which tool the site was written for, when its settings say.
    pub tool: Tool,
    /// How the tool writes what Markdown and addresses leave open.
    pub conventions: Conventions,
    /// The author's profiles: (name, address).
    pub social: Vec<(String, String)>,
    /// Where the site keeps its data files (Hugo's `data/` and `assets/`,
    /// Jekyll's `_data/`, Astro's `src/data/`): a CV's `resume.json`, an author.
    pub data_folders: Vec<PathBuf>,
    /// The author's photo as the settings write it (`/img/moi.jpg`), and short bio.
    pub photo: Option<String>,
    pub bio: Option<String>,
    /// Folders under the content folder that are not pages (a Jekyll site's
    /// `_layouts/`, `vendor/`), relative to it.
    pub not_content: Vec<PathBuf>,
    /// Top folders whose pages are read as if at the top (`pages/about.md` → `/about`).
    pub transparent: Vec<String>,
    /// Front matter given to the pages under a path (`_drafts/` → `draft: true`),
    /// under their own: (path prefix, fields).
    pub defaults: Vec<(String, serde_json::Map<String, Value>)>,
    /// The settings' plain values by name, as pages may show them (`{{ site.x }}`).
    pub variables: Vec<(String, String)>,
    /// The languages the site is written in besides its own, lightest weight first.
    pub languages: Vec<Language>,
    /// The site's own language is served under `/<code>/` too (`/` leads there).
    pub default_in_subdir: bool,
    /// Each page names its language in its front matter (`lang: en`), not in its file name.
    pub languages_in_field: bool,
    /// Each section keeps each language's pages in a folder named by its code
    /// (Astro's `i18n`: `blog/en/post.md`).
    pub locale_folders: bool,
}

/// A language the site's settings declare besides its own: what it changes.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Language {
    /// `en`, as file names write it (`page.en.md`) and addresses begin (`/en/`).
    pub code: String,
    /// Its name in the language switch (`English`), when the settings give one.
    pub name: Option<String>,
    pub weight: i64,
    pub title: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
    /// Its own menu, when it has one (else the site's, matched to its pages).
    pub menu: Vec<MenuEntry>,
    /// Its own content folder (Hugo's `contentDir`, a Starlight locale's), whose
    /// files are all in this language; else its files are named `page.<code>.md`.
    pub content: Option<PathBuf>,
}

impl Language {
    pub fn new(code: &str) -> Language {
        Language {
            code: code.to_lowercase(),
            ..Language::default()
        }
    }
}

/// A tool's reader: its name and what it does beyond filling [`ToolSettings`].
/// Each tool's module has one (`hugo::TOOL`); [`READERS`] finds the site's.
#[derive(Clone, Copy)]
pub struct Tool {
    pub name: &'static str,
    /// The addresses the tool gave each page, added to its aliases (redirects).
    pub old_addresses: fn(&mut [Doc], &ToolSettings, &Sources) -> Vec<Diagnostic>,
    /// A page's body with the tool's own syntax around its Markdown turned into
    /// Markdown, when it has any; problems found.
    pub body: fn(&PageText, &mut Vec<Diagnostic>) -> Option<String>,
    /// Warnings about the site as a whole (pages the tool builds from elsewhere).
    pub site_warnings: fn(&Path, &mut Sources) -> Vec<Diagnostic>,
}

/// Vitrine's own content, or a folder with no tool's settings.
pub const OWN: Tool = Tool {
    name: "Vitrine",
    old_addresses: |_, _, _| Vec::new(),
    body: |_, _| None,
    site_warnings: |_, _| Vec::new(),
};

impl Default for Tool {
    fn default() -> Tool {
        OWN
    }
}

impl PartialEq for Tool {
    fn eq(&self, other: &Tool) -> bool {
        self.name == other.name
    }
}

impl std::fmt::Debug for Tool {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// A page's text as a tool's [`Tool::body`] reads it.
pub struct PageText<'a> {
    pub body: &'a str,
    /// Where the body starts in its file, and the file.
    pub offset: usize,
    pub file: usize,
    pub meta: &'a crate::compiler::model::fields::Meta,
    pub settings: &'a ToolSettings,
    /// Dated pages by file name (`2021-04-11-titre`): their address by file.
    pub dated: &'a std::collections::HashMap<String, String>,
}

/// A tool's settings, with what was wrong in them.
pub type Found = (ToolSettings, Vec<Diagnostic>);

/// A tool's settings reader: its settings when `roots` hold them.
pub type ReadAt = fn(&[PathBuf], &mut Sources) -> Option<Found>;

/// Each tool's settings reader, in the order they are asked: the first that
/// finds its settings in `roots` (the content folder, then the two folders
/// above it) gives the site's tool. Adding a tool is its module and a line here.
pub const READERS: [ReadAt; 4] = [jekyll::read_at, astro::read_at, pelican::read_at, hugo::read_at];

/// The names one tool gives the common fields, besides their own.
pub struct FieldNames {
    pub date: &'static [&'static str],
    pub updated: &'static [&'static str],
    pub image: &'static [&'static str],
    pub alt: &'static [&'static str],
}

/// The names each field goes by on any site: its own, then each tool's
/// (a site moved between tools keeps the names it was written with).
pub fn field_names() -> &'static crate::compiler::model::fields::Names {
    static NAMES: std::sync::OnceLock<crate::compiler::model::fields::Names> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = crate::compiler::model::fields::Names::own();
        for tool in [hugo::FIELDS, astro::FIELDS, jekyll::FIELDS] {
            names.date.extend(tool.date);
            names.updated.extend(tool.updated);
            names.image.extend(tool.image);
            names.alt.extend(tool.alt);
        }
        names
    })
}

/// Where tools differ on what Markdown and addresses leave open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conventions {
    /// Heading ids as GitHub makes them (accents and repeated hyphens kept), not folded.
    pub github_ids: bool,
    /// Definition lists (`term` then `: definition`).
    pub definition_lists: bool,
    /// A `slug` field is the page's whole path in its section, not its last part.
    pub slug_is_path: bool,
    /// Pages dated after today are left out.
    pub future_left_out: bool,
}

impl ToolSettings {
    /// Each field this one leaves empty, from `other`.
    pub fn or(self, other: ToolSettings) -> ToolSettings {
        fn list<T>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
            if a.is_empty() {
                b
            } else {
                a
            }
        }
        ToolSettings {
            title: self.title.or(other.title),
            author: self.author.or(other.author),
            description: self.description.or(other.description),
            lang: self.lang.or(other.lang),
            base_path: self.base_path.or(other.base_path),
            base_url: self.base_url.or(other.base_url),
            menu: list(self.menu, other.menu),
            taxonomies: list(self.taxonomies, other.taxonomies),
            content_dirs: list(self.content_dirs, other.content_dirs),
            file_mounts: list(self.file_mounts, other.file_mounts),
            permalinks: list(self.permalinks, other.permalinks),
            social: list(self.social, other.social),
            emoji: self.emoji || other.emoji,
            photo: self.photo.or(other.photo),
            bio: self.bio.or(other.bio),
            languages: list(self.languages, other.languages),
            default_in_subdir: self.default_in_subdir || other.default_in_subdir,
            ..self
        }
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

/// The settings of the site whose content folder is `content`: the first
/// tool of [`READERS`] whose settings are there or up to two folders above.
pub fn read(content: &Path, sources: &mut Sources) -> (ToolSettings, Vec<Diagnostic>) {
    let roots: Vec<PathBuf> = content.ancestors().take(3).map(Path::to_path_buf).collect();
    READERS
        .iter()
        .find_map(|read| read(&roots, sources))
        .unwrap_or_default()
}

/// One settings file's text, read as its name says (for tools and the fuzzer).
pub fn read_text(name: &str, text: String, sources: &mut Sources) -> (ToolSettings, Vec<Diagnostic>) {
    if name.starts_with("astro.config") {
        (astro::from_astro(&text), Vec::new())
    } else {
        match parse_data(Path::new(name), text, sources) {
            Ok(value) => (from_value(&value, false), Vec::new()),
            Err(warning) => (ToolSettings::default(), vec![warning]),
        }
    }
}

/// A settings file read as its extension says (TOML, YAML or JSON).
pub fn parse_file(path: &Path, sources: &mut Sources) -> Result<Value, Diagnostic> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    parse_data(path, text, sources)
}

pub fn parse_data(path: &Path, text: String, sources: &mut Sources) -> Result<Value, Diagnostic> {
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

/// Hugo's or Zola's keys, the file's tool's first (`zola`: a Zola file by its name).
pub fn from_value(value: &Value, zola: bool) -> ToolSettings {
    if zola || zola::is_zola(value) {
        let settings = zola::settings(value).or(hugo::settings(value));
        ToolSettings {
            tool: zola::TOOL,
            ..settings
        }
    } else {
        hugo::settings(value).or(zola::settings(value))
    }
}

/// The text at `path` in the settings, trimmed, when not empty.
pub fn text_at(value: &Value, path: &str) -> Option<String> {
    at(value, path)
        .and_then(Value::as_str)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The setting at a dotted path (`params.author.name`), keys in any case.
pub fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, field)
}

/// Whether the setting at `path` is `true`.
pub fn bool_at(value: &Value, path: &str) -> bool {
    at(value, path).and_then(Value::as_bool) == Some(true)
}

/// The first of `paths` that gives a text.
pub fn first_text(value: &Value, paths: &[&str]) -> Option<String> {
    paths.iter().find_map(|path| text_at(value, path))
}

/// The author's profiles listed at any of `places`.
pub fn social_links(value: &Value, places: &[&str]) -> Vec<(String, String)> {
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
        .filter_map(|path| at(value, path))
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(entry)
        .collect()
}

/// A settings field by name, in any case (Hugo reads `Menus:` as `menus`).
pub fn field<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.get(key).or_else(|| {
        value
            .as_object()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// The menu entries at the first of `places` that has a list.
pub fn menu_in(value: &Value, places: &[&str]) -> Vec<MenuEntry> {
    let list = places.iter().find_map(|path| at(value, path)).and_then(Value::as_array);
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

/// `/portfolio` from `https://x.github.io/portfolio`; `None` at the root of a host.
pub fn url_path(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map(|(_, path)| path.trim_matches('/'))?;
    (!path.is_empty()).then(|| format!("/{path}"))
}

/// A note when a site's root holds the settings of more than one tool: the
/// one read is the one whose content folder is read (`content`).
pub fn mixed_note(root: &Path, content: &Path) -> Option<String> {
    let found: Vec<(&str, &str)> = [
        ("Jekyll", "_config.yml", root.join("_config.yml").is_file()),
        ("Pelican", "pelicanconf.py", root.join("pelicanconf.py").is_file()),
        ("Astro", "astro.config.*", astro::has_settings(root)),
        ("Hugo/Zola", "config.toml/hugo.toml", hugo::has_settings(root)),
    ]
    .into_iter()
    .filter(|(_, _, here)| *here)
    .map(|(tool, file, _)| (tool, file))
    .collect();
    if found.len() < 2 {
        return None;
    }
    let used = if content == root {
        "Jekyll"
    } else if pelican::content_of(root).as_deref() == Some(content) && found.iter().any(|(t, _)| *t == "Pelican") {
        "Pelican"
    } else if content.ends_with("src/content") {
        "Astro"
    } else {
        "Hugo/Zola"
    };
    let aside: Vec<String> = found
        .iter()
        .filter(|(tool, _)| *tool != used)
        .map(|(tool, file)| format!("{tool} (`{file}`)"))
        .collect();
    Some(format!(
        "{} holds the settings of several tools: read as a {used} site, from {}; left aside: {}",
        root.display(),
        content.display(),
        aside.join(", ")
    ))
}

/// The content folder of a site root given instead of it: `content/` (Hugo,
/// Zola) or `src/content/` (Astro) of a folder that holds the tool's settings.
pub fn site_root_content(dir: &Path) -> Option<PathBuf> {
    if let Some(inner) = pelican::content_of(dir) {
        return Some(inner);
    }
    let settings = hugo::has_settings(dir) || astro::has_settings(dir);
    let inner = [dir.join("src").join("content"), dir.join("content")]
        .into_iter()
        .find(|d| d.is_dir())?;
    settings.then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astro_config_is_read_as_text() {
        let config = "import { defineConfig } from 'astro/config';\n// https://astro.build\nexport default defineConfig({\n  site: 'https://camille.github.io',\n  base: '/portfolio',\n  integrations: [],\n});\n";
        let s = super::astro::from_astro(config);
        assert_eq!(s.base_url.as_deref(), Some("https://camille.github.io/portfolio"));
        assert_eq!(s.base_path.as_deref(), Some("/portfolio"));
        assert_eq!(super::astro::from_astro("export default {}").base_url, None);
        assert_eq!(s.starlight, None);
    }

    #[test]
    fn emoji_are_on_when_hugo_or_zola_turn_them_on() {
        let on = |json: serde_json::Value| from_value(&json, false).emoji;
        assert!(on(serde_json::json!({ "enableEmoji": true })));
        assert!(on(serde_json::json!({ "enableemoji": true })));
        assert!(on(serde_json::json!({ "markdown": { "render_emoji": true } })));
        assert!(!on(serde_json::json!({ "enableEmoji": false })));
        assert!(!on(serde_json::json!({})));
    }

    #[test]
    fn a_starlight_config_gives_the_title_and_locales() {
        let config = "export default defineConfig({\n  integrations: [\n    starlight({\n      title: 'Mes docs',\n      defaultLocale: 'root',\n      locales: {\n        root: { label: 'Français', lang: 'fr' },\n        'en': { label: 'English' },\n      },\n      sidebar: [{ label: 'Guides', items: [] }],\n    }),\n  ],\n});\n";
        let s = super::astro::from_astro(config);
        assert_eq!(s.title.as_deref(), Some("Mes docs"));
        let star = s.starlight.expect("a Starlight site");
        assert_eq!(star.default_locale, "root");
        assert_eq!(star.locales, ["root", "en"]);
        assert_eq!(s.lang.as_deref(), Some("fr"));
        let s = super::astro::from_astro("starlight({ title: 'D', defaultLocale: 'fr', locales: { fr: {}, en: {} } })");
        assert_eq!(s.lang.as_deref(), Some("fr"));
        // Starlight's own docs: the locales in a constant, passed by name.
        let s = super::astro::from_astro("export const locales = {\n\troot: { label: 'English', lang: 'en' },\n\t'zh-cn': { label: 'x', lang: 'zh-CN' },\n};\nexport default defineConfig({ integrations: [starlight({ title: 'S', defaultLocale: 'root', locales })] });\n");
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
        assert_eq!(
            super::astro::astro_loader_content(&content),
            Some(site.path().join("src/data"))
        );
        std::fs::remove_dir(site.path().join("src/data/post")).unwrap();
        assert_eq!(super::astro::astro_loader_content(&content), None);
    }

    #[test]
    fn hugo_and_zola_keys() {
        let hugo: Value = toml::from_str(
            "baseURL = 'https://example.org/'\nlanguageCode = 'fr-FR'\ntitle = 'Mon portfolio'\n[params]\nauthor = 'Camille'\ndescription = 'BTS SIO'\n",
        )
        .unwrap();
        let s = from_value(&hugo, false);
        assert_eq!(s.base_url.as_deref(), Some("https://example.org"));
        assert_eq!(s.lang.as_deref(), Some("fr"));
        assert_eq!(s.author.as_deref(), Some("Camille"));
        assert_eq!(s.description.as_deref(), Some("BTS SIO"));
        assert_eq!(s.base_path, None);
        let capitals: Value =
            serde_json::json!({ "Title": "Profil", "Menus": { "main": [{ "name": "Blog", "url": "/blog" }] } });
        let s = from_value(&capitals, false);
        assert_eq!(s.title.as_deref(), Some("Profil"));
        assert_eq!(s.menu.iter().map(MenuEntry::label).collect::<Vec<_>>(), ["Blog"]);
        let project: Value = serde_json::json!({ "baseURL": "https://flo.github.io/portfolio-website/" });
        assert_eq!(
            from_value(&project, false).base_path.as_deref(),
            Some("/portfolio-website")
        );
        let menus: Value = toml::from_str(
            "[[menus.main]]\nname = 'Articles'\npageRef = '/posts'\nweight = 2\n[[menus.main]]\nname = 'À propos'\nurl = '/about/'\nweight = 1\n",
        )
        .unwrap();
        let names: Vec<(String, String)> = from_value(&menus, false)
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
        let s = from_value(&zola, false);
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
