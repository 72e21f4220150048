//! The `_index.md` files (Hugo and Zola's home and section pages), read once:
//! a section's title and weight, and each body, rendered like a page body and
//! shown above the home page and the section's list.

use crate::bundle::Kind;
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use crate::compiler::model::document::SourceFile;
use crate::compiler::model::front_matter;
use crate::compiler::model::lang::Lang;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each section folder's `_index.md` settings, by folder (`posts`, `documentation/templates`).
pub type Fields = BTreeMap<String, SectionFields>;

/// What a section's `_index.md` says about the section.
#[derive(Debug, Clone, Default)]
pub struct SectionFields {
    pub title: Option<String>,
    pub weight: Option<i64>,
    /// Zola's `render = false`: the section's pages are built, its list is not shown.
    pub unlisted: bool,
    /// Zola's `template = "archive.html"`: the theme's template for it.
    pub template: Option<String>,
    /// Zola's `redirect_to = "docs/start"`: where a visit of its list goes.
    pub redirect_to: Option<String>,
    /// Whether it has text to show above the list.
    pub text: bool,
    /// What it asks of the main menu (Hugo's `menu: { main: { weight } }`): weight, name.
    pub menu: Option<(Option<i64>, Option<String>)>,
    /// Hugo's `linkTitle`: its label in the menu.
    pub link_title: Option<String>,
    /// The `_index.md` file, for warnings.
    pub file: usize,
}

/// A folder's `_index.md`, or its version in the language `lang`
/// (`_index.fr.md`: Hugo and Zola's translations by file name), which wins;
/// for a language whose files are all named so, only that version.
pub fn index_file(dir: &Path, lang: &Lang) -> Option<PathBuf> {
    own_index_file(dir, &lang.code).or_else(|| Some(dir.join("_index.md")).filter(|p| lang.bare && p.is_file()))
}

/// A folder's `_index.<code>.md` (`en-US` is the language; files name it `en`).
pub fn own_index_file(dir: &Path, code: &str) -> Option<PathBuf> {
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    [format!("_index.{code}.md"), format!("_index.{primary}.md")]
        .iter()
        .map(|name| dir.join(name))
        .find(|path| path.is_file())
}

/// The home page's file: `_index.md` (Hugo, Zola; see [`index_file`]), else
/// `index.md` or `index.mdx` at the top (Astro, Starlight's home).
pub fn home_file(content: &Path, lang: &Lang) -> Option<PathBuf> {
    index_file(content, lang).or_else(|| {
        ["index.md", "index.mdx", "index.markdown"]
            .iter()
            .map(|name| content.join(name))
            .find(|path| lang.bare && path.is_file())
    })
}

/// What a section's `_index.md` says of it.
fn section_fields(id: usize, split: &front_matter::Split) -> SectionFields {
    let map = front_matter::parse(id, split).unwrap_or_default();
    let text = |key: &str| {
        map.get(key)
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
            .map(str::to_string)
    };
    SectionFields {
        title: text("title"),
        weight: map.get("weight").and_then(Value::as_i64),
        unlisted: map.get("render") == Some(&Value::Bool(false)),
        // Zola's `template`, Hugo's `layout`.
        template: text("template").or_else(|| text("layout")),
        redirect_to: text("redirect_to"),
        text: shows_text(split.body),
        menu: menu_ask(map.get("menu")),
        link_title: text("linkTitle"),
        file: id,
    }
}

/// The introduction of the section `(route segment, folder)` (the home page's for `("", "")`).
fn intro_doc(
    id: usize,
    split: &front_matter::Split,
    path: &Path,
    (section, folder): (&String, &String),
    dir: PathBuf,
    lang: &Lang,
) -> Doc {
    let name = path.file_name().map_or("_index.md".into(), |n| n.to_string_lossy());
    let rel = if folder.is_empty() {
        name.to_string()
    } else {
        format!("{folder}/{name}")
    };
    // Starlight's home is `index.mdx`: its imports and components are left out.
    let body = name
        .ends_with(".mdx")
        .then(|| crate::compiler::readers::astro::mdx::as_markdown(split.body).0);
    Doc {
        body,
        body_offset: split.body_offset,
        close: split.close.clone(),
        file: SourceFile {
            id,
            kind: Kind::Other,
            section: section.clone(),
            folder: folder.clone(),
            slug: String::new(),
            dir,
            rel,
            date_from_name: None,
        },
        meta: Default::default(),
        slug: String::new(),
        route: lang.route(&format!("/{section}")),
        rendered: Default::default(),
        tags: Vec::new(),
        blank: false,
        outgoing: Vec::new(),
        unrun: Vec::new(),
    }
}

/// A `Doc` for each `_index.md` with a body: `content/_index.md` (route `/`) and
/// `content/<section folder>/_index.md` (route `/<section>`), for `sections` as
/// (route segment, folder); and each section's fields. The home page's front
/// matter is the site settings (`site.rs`).
pub fn load(
    content: &Path,
    lang: &Lang,
    sections: &[(String, String)],
    sources: &mut Sources,
) -> (Vec<Doc>, Fields, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut fields = Fields::new();
    let mut diagnostics = Vec::new();
    let root = (String::new(), String::new());
    for (section, folder) in std::iter::once(&root).chain(sections) {
        let dir = content.join(folder);
        let Some(path) = (if folder.is_empty() {
            home_file(content, lang)
        } else {
            index_file(&dir, lang)
        }) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let id = sources.add(path.to_string_lossy().into_owned(), text);
        let split = match front_matter::split(id, sources.text(id)) {
            Ok(split) => split,
            // The home page's front matter is the site settings, which report their own errors.
            Err(e) => {
                diagnostics.extend((!folder.is_empty()).then_some(e));
                continue;
            }
        };
        if !folder.is_empty() {
            fields.insert(folder.clone(), section_fields(id, &split));
        }
        if !shows_text(split.body) {
            continue;
        }
        docs.push(intro_doc(id, &split, &path, (section, folder), dir, lang));
    }
    (docs, fields, diagnostics)
}

/// Whether a body shows anything: HTML comments alone (hugoDocs' `_common`
/// notes to its authors) show nothing.
fn shows_text(body: &str) -> bool {
    let mut rest = body;
    while let Some(start) = rest.find("<!--") {
        if !rest[..start].trim().is_empty() {
            return true;
        }
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => return false,
        }
    }
    !rest.trim().is_empty()
}

/// What front matter asks of the main menu (Hugo's `menu: main`, `menu: [main]`,
/// `menu: { main: { weight: 20, name: … } }`): `None` when it does not ask,
/// else the entry's weight and name when given.
pub fn menu_ask(menu: Option<&Value>) -> Option<(Option<i64>, Option<String>)> {
    match menu? {
        Value::String(s) => (s == "main").then_some((None, None)),
        Value::Array(list) => list.iter().any(|v| v.as_str() == Some("main")).then_some((None, None)),
        Value::Object(map) => {
            let main = map.get("main")?;
            let name = main.get("name").and_then(Value::as_str).map(str::to_string);
            Some((main.get("weight").and_then(Value::as_i64), name))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_body_of_html_comments_shows_no_text() {
        assert!(!super::shows_text(
            "\n<!-- snippets, not pages -->\n\n<!--\nmore\n-->\n"
        ));
        assert!(!super::shows_text("  \n"));
        assert!(super::shows_text("<!-- note -->\nBienvenue.\n"));
        assert!(super::shows_text("Texte <!-- note -->"));
    }
}
