//! Hugo: its settings (`hugo.toml`, `config.*`, `config/_default/`), its
//! content folders per language, its cross-references (`ref`, `relref`) and
//! its URL rules (`permalinks.rs`).

pub mod archetypes;
pub mod cascade;
pub mod permalinks;
pub mod shortcodes;
pub mod themes;

use super::settings::{
    bool_at, first_text, menu_in, social_links, url_path, Conventions, FieldNames, Language, MenuEntry, Tool,
    ToolSettings,
};
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use serde_json::Value;
use std::path::{Path, PathBuf};

use std::borrow::Cow;

pub fn refs(body: Cow<'_, str>) -> Cow<'_, str> {
    if !body.contains("{{") {
        return body;
    }
    let mut out = body.into_owned();
    let mut from = 0;
    while let Some(start) = out[from..].find("{{").map(|i| from + i) {
        let Some(len) = out[start..].find("}}").map(|i| i + 2) else {
            break;
        };
        let inner = out[start + 2..start + len - 2]
            .trim_matches(|c: char| c == '<' || c == '>' || c == '%' || c.is_whitespace());
        // `relref`, `ref`, and the `relRef` some themes write.
        let name = |n: &str| {
            inner
                .get(..n.len())
                .filter(|p| p.eq_ignore_ascii_case(n))
                .map(|_| &inner[n.len()..])
        };
        let target = name("relref")
            .or_else(|| name("ref"))
            .filter(|rest| rest.starts_with(char::is_whitespace))
            .map(|rest| rest.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|t| !t.is_empty() && !t.contains(['\n', '"', '\'']));
        if let Some(target) = target {
            // Hugo looks beside the page first, then from the content root
            // (`links::resolve` does the same for a relative `.md` path).
            let target = target.replace(' ', "%20");
            let link = match target.strip_prefix('/') {
                Some(root) => format!("@/{root}"),
                // A content path, read as a file's (beside the page, then from
                // the root), even when written without its `.md`.
                None => as_content_file(&target),
            };
            if link.len() <= len {
                let padded = format!("{link:<len$}");
                out.replace_range(start..start + len, &padded);
            }
        }
        from = start + len;
    }
    Cow::Owned(out)
}

/// `docs/guide#x` → `docs/guide.md#x`: a `ref` to a page written without its extension.
fn as_content_file(target: &str) -> String {
    let (path, anchor) = target.split_once('#').map_or((target, None), |(p, a)| (p, Some(a)));
    let name = path.rsplit('/').next().unwrap_or(path);
    let path = if path.is_empty() || name.ends_with(".md") || name.ends_with(".markdown") {
        path.to_string()
    } else {
        format!("{}.md", path.trim_end_matches('/'))
    };
    match anchor {
        Some(anchor) => format!("{path}#{anchor}"),
        None => path,
    }
}

/// The files of Hugo's `config/_default/` beside the main one, each under its key
/// (`params.toml` → `params`, `menus.fr.toml` → `menus`, `languages.fr.toml` →
/// the site's own fields); what the main file says wins.
pub fn merge_config_dir(
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
    // The site's language: `defaultContentLanguage`, also when only the
    // folder's own `hugo.toml` gives it (the root one a `hugo new site` stub).
    let in_dir = || {
        paths
            .iter()
            .filter(|p| p.file_stem().is_some_and(|s| s == "hugo" || s == "config"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .find_map(|text| {
                let line = text
                    .lines()
                    .find(|l| l.trim_start().starts_with("defaultContentLanguage"))?;
                let (_, value) = line.split_once(['=', ':'])?;
                Some(value.trim().trim_matches(['"', '\'']).to_string())
            })
    };
    if value.get("defaultContentLanguage").is_none() {
        if let (Some(code), Some(object)) = (in_dir(), value.as_object_mut()) {
            object.insert("defaultContentLanguage".into(), Value::String(code));
        }
    }
    let lang = ["defaultContentLanguage", "languageCode"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .map(primary);
    for path in paths.iter().filter(|p| Some(p.as_path()) != main) {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Another language's file (`menus.en.toml`, `languages.en.toml`) goes under `languages.en`.
        let other = match (&lang, stem.split_once('.')) {
            (Some(lang), Some((_, code))) if primary(code) != *lang => Some(code.to_string()),
            _ => None,
        };
        let key = match stem.split('.').next().unwrap_or("") {
            "params" => Some("params"),
            "menus" | "menu" => Some("menus"),
            "taxonomies" if other.is_none() => Some("taxonomies"),
            "languages" if stem == "languages" => Some("languages"),
            "languages" => None,
            // The folder's own settings file beside a root one: both are read, the root's first.
            "hugo" | "config" if other.is_none() => None,
            _ => continue,
        };
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !["toml", "yaml", "yml", "json"].contains(&extension) {
            continue;
        }
        let part = match super::settings::parse_file(path, sources) {
            Ok(part) => part,
            Err(warning) => {
                found.push(warning);
                continue;
            }
        };
        let part = match (key, other) {
            (Some(key), Some(code)) => serde_json::json!({ "languages": { code: { key: part } } }),
            (None, Some(code)) => serde_json::json!({ "languages": { code: part } }),
            (Some(key), None) => serde_json::json!({ key: part }),
            (None, None) => part,
        };
        merge_absent(value, part);
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

/// Where a Hugo site keeps its pages when not in `content/`, by language code
/// (`""`: the site's own): each language's `contentDir`, a top-level
/// `contentDir`, and `[[module.mounts]]` whose target is `content`.
pub fn content_dirs(value: &Value) -> Vec<(String, String)> {
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
pub fn first_language(value: &Value) -> Option<(String, &Value)> {
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

/// The names Hugo and its themes give the fields (`publishDate`, `lastmod`;
/// PaperMod's `cover`, themes' `featured_image`, `thumbnail`, `banner`).
pub const FIELDS: FieldNames = FieldNames {
    date: &["publishDate"],
    updated: &["lastmod"],
    image: &["cover", "thumbnail", "featured_image", "featuredImage", "banner"],
    alt: &["image_alt"],
};

/// Hugo's reader: pages without a permalink pattern keep their file's path as an address.
pub const TOOL: Tool = Tool {
    name: "Hugo",
    old_addresses: |docs, settings, sources| permalinks::add_aliases(docs, &settings.permalinks, true, sources),
    body: |_, _| None,
    site_warnings: |_, _| Vec::new(),
};

/// The settings above the content folder (`roots[1..]`), if Hugo's or Zola's.
pub fn read_at(roots: &[PathBuf], sources: &mut Sources) -> Option<(ToolSettings, Vec<Diagnostic>)> {
    roots.iter().skip(1).find_map(|root| read(root, sources))
}

/// Whether a folder holds Hugo's (or Zola's) settings.
pub fn has_settings(dir: &Path) -> bool {
    DATA_FILES.iter().any(|name| dir.join(name).is_file()) || dir.join("config").join("_default").is_dir()
}

/// The settings file of a site whose root is `root` (Hugo's, or Zola's, which
/// is written alike), merged with Hugo's `config/_default/` folder.
pub fn read(root: &Path, sources: &mut Sources) -> Option<(ToolSettings, Vec<Diagnostic>)> {
    // Hugo also keeps its settings in `config/_default/` (`hugo.toml`,
    // `params.toml`, `menus.fr.toml`…), merged under the main file.
    let dir = root.join("config").join("_default");
    let main = [root, dir.as_path()]
        .iter()
        .flat_map(|folder| DATA_FILES.iter().map(move |name| folder.join(name)))
        .find(|path| path.is_file());
    if main.is_none() && !dir.is_dir() {
        return None;
    }
    let mut found = Vec::new();
    let mut value = match &main {
        Some(path) => match super::settings::parse_file(path, sources) {
            Ok(value) => value,
            Err(warning) => return Some((ToolSettings::default(), vec![warning])),
        },
        None => Value::Object(Default::default()),
    };
    merge_config_dir(&dir, main.as_deref(), &mut value, sources, &mut found);
    let zola = main.as_ref().is_some_and(|p| p.ends_with("zola.toml"));
    let mut settings = super::settings::from_value(&value, zola);
    settings.root = Some(root.to_path_buf());
    settings.photo = settings.photo.map(|photo| in_assets(root, photo));
    settings.data_folders = ["data", "assets"]
        .iter()
        .map(|d| root.join(d))
        .filter(|d| d.is_dir())
        .collect();
    Some((settings, found))
}

/// A theme's image found in the site's `assets/` folder (where Blowfish and
/// Congo look for the author's photo), as a path from the site's root.
fn in_assets(root: &Path, photo: String) -> String {
    let rel = photo.trim_start_matches('/');
    let in_static = root.join("static").join(rel).is_file();
    if !in_static && root.join("assets").join(rel).is_file() {
        format!("/assets/{rel}")
    } else {
        photo
    }
}

/// What Hugo's keys say.
pub fn settings(value: &Value) -> ToolSettings {
    let base_url = first_text(value, &["baseURL", "baseurl"]).map(|u| u.trim_end_matches('/').to_string());
    // `languageCode` is a locale for feeds; the language is `defaultContentLanguage`.
    let lang = first_text(value, &["defaultContentLanguage", "languageCode"])
        .or_else(|| first_language(value).map(|(code, _)| code));
    let build_future = bool_at(value, "buildFuture");
    ToolSettings {
        title: first_text(value, &["title"]),
        author: first_text(
            value,
            &[
                "params.author",
                "params.author.name",
                "author",
                "author.name",
                "params.profileMode.title",
            ],
        ),
        description: first_text(value, &["params.description", "description"]),
        lang: lang.map(|l| primary(&l)),
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
        emoji: bool_at(value, "enableEmoji"),
        social: [
            social_links(
                value,
                &["params.social", "menus.social", "menu.social", "params.socialIcons"],
            ),
            author_links(value),
        ]
        .concat(),
        photo: first_text(
            value,
            &[
                "params.profileMode.imageUrl",
                "params.author.image",
                "params.author.avatar",
                "params.avatar",
            ],
        ),
        bio: first_text(
            value,
            &[
                "params.author.bio",
                "params.author.headline",
                "params.profileMode.subtitle",
                "params.bio",
            ],
        ),
        languages: languages(value),
        default_in_subdir: bool_at(value, "defaultContentLanguageInSubdir"),
        tool: TOOL,
        conventions: Conventions {
            github_ids: true,
            definition_lists: true,
            slug_is_path: false,
            future_left_out: !build_future,
        },
        ..ToolSettings::default()
    }
}

/// Blowfish's and Congo's `params.author.links`: `[{ github = "https://…" }]`.
fn author_links(value: &Value) -> Vec<(String, String)> {
    let Some(links) = super::settings::at(value, "params.author.links").and_then(Value::as_array) else {
        return Vec::new();
    };
    links
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|link| link.iter())
        .filter_map(|(name, url)| Some((name.clone(), url.as_str()?.trim().to_string())))
        .filter(|(_, url)| url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:"))
        .collect()
}

/// The languages `[languages.<code>]` declares besides the site's own, not
/// `disabled` (nor in `disableLanguages`), lightest `weight` first; the key
/// names before and after Hugo 0.158 (`languageName`/`label`).
pub fn languages(value: &Value) -> Vec<Language> {
    let Some(table) = value.get("languages").and_then(Value::as_object) else {
        return Vec::new();
    };
    // The site's own: `defaultContentLanguage` even when its table was merged
    // into the settings (`config/_default/languages.fr.toml`), else the lightest.
    let own = first_text(value, &["defaultContentLanguage"])
        .or_else(|| first_language(value).map(|(code, _)| code))
        .map(|code| primary(&code));
    let disabled: Vec<String> = value
        .get("disableLanguages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(primary)
        .collect();
    let mut out: Vec<Language> = table
        .iter()
        .filter(|(code, l)| {
            let code = primary(code);
            Some(&code) != own.as_ref() && !disabled.contains(&code) && !bool_at(l, "disabled")
        })
        .map(|(code, l)| Language {
            name: first_text(l, &["languageName", "label"]),
            weight: l.get("weight").and_then(Value::as_i64).unwrap_or(i64::MAX),
            title: first_text(l, &["title"]),
            description: first_text(l, &["params.description", "description"]),
            author: first_text(l, &["params.author", "params.author.name", "author"]),
            menu: menu_in(l, &["menus.main", "menu.main"]),
            ..Language::new(code)
        })
        .collect();
    out.sort_by_key(|l| l.weight);
    out
}

/// `en` from `en-US`, `fr` from `fr_FR`, lower case.
pub fn primary(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or(lang).to_lowercase()
}

/// `menus.main` / `menu.main`, also under the first of `languages`.
fn menu(value: &Value) -> Vec<MenuEntry> {
    const PLACES: [&str; 2] = ["menus.main", "menu.main"];
    let own = menu_in(value, &PLACES);
    if !own.is_empty() {
        return own;
    }
    first_language(value)
        .map(|(_, l)| menu_in(l, &PLACES))
        .unwrap_or_default()
}

/// On a site with a content folder per language: the site language's
/// folder, and the other languages' folders (left out).
pub fn language_content(tool: &ToolSettings) -> Option<(PathBuf, Vec<(String, PathBuf)>)> {
    let root = tool.root.as_ref()?;
    // Hugo's own default language when its settings name none.
    let lang = tool.lang.as_deref().unwrap_or("en");
    let (own, others): (Vec<_>, Vec<_>) = tool
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

/// The warning for a mount of a single file into the content, not read.
pub fn file_mount((source, target): &(String, String), sources: &Sources) -> Diagnostic {
    let (file, span) = sources.find(source).unwrap_or((0, 0..0));
    Diagnostic::warning(file, span, format!("mount of `{source}` left out"))
        .label(format!(
            "Vitrine reads mounts of folders into `content`, not of one file (`{target}`)"
        ))
        .hint(format!("copy the file to `{target}` to build it as a page"))
}
