//! `vitrine new competence "Travailler en équipe"`: a new page's file, with
//! the front matter the site already uses, from its tool's template for new
//! pages when it has one; never over an existing file.

use crate::bundle::Kind;
use crate::compiler::model::front_matter::{self, Format};
use crate::compiler::model::{kinds, slugs};
use crate::compiler::readers;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// Longest file name made from a title (a 300-character title still makes a usable one).
const MAX_NAME: usize = 80;

/// What was written.
pub struct Written {
    pub file: PathBuf,
    /// The page's address on the site (`/competences/travailler-en-equipe`).
    pub route: String,
    /// Where its front matter came from, in words.
    pub from: String,
    /// Template actions that could not be filled, left empty.
    pub unfilled: Vec<String>,
    pub draft: bool,
}

/// Writes the page `title` of `kind` (`competence`, `projet`, `page` or a
/// section's folder) into `content`.
pub fn write(content: &Path, kind: &str, title: &str) -> Result<Written, String> {
    let title = title.trim();
    let name = file_name(title)?;
    let (folder, section) = folder_of(content, kind)?;
    let dir = content.join(&folder);
    let file = dir.join(format!("{name}.md"));
    for existing in [file.clone(), dir.join(&name).join("index.md")] {
        if existing.exists() {
            return Err(format!(
                "`{}` exists already: nothing written (choose another title, or edit that page)",
                existing.display()
            ));
        }
    }
    let now = chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let page = readers::NewPage {
        title,
        name: &name,
        section: &folder,
        now: &now,
    };
    let top = folder.split('/').next().unwrap_or_default();
    let (text, from, unfilled) = match readers::archetype(content, &[top, kind], &page) {
        Some((template, text, unfilled)) => (text, format!("from {}", template.display()), unfilled),
        None => {
            let (text, from) = like_the_others(&dir, section, &page);
            (text, from, Vec::new())
        }
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
    std::io::Write::write_all(&mut out, text.as_bytes())
        .map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
    let route = match folder.as_str() {
        "" => format!("/{}", slugs::slugify_name(&name)),
        folder => format!(
            "/{}/{}",
            crate::compiler::assemble::sections::route_of(folder),
            slugs::slugify_name(&name)
        ),
    };
    let draft = text.lines().any(|l| {
        let l = l.replace(' ', "");
        l == "draft:true" || l == "draft=true"
    });
    Ok(Written {
        file,
        route,
        from,
        unfilled,
        draft,
    })
}

/// The title as a file name: `Travailler en équipe` → `travailler-en-equipe`,
/// cut at a hyphen under [`MAX_NAME`] characters.
fn file_name(title: &str) -> Result<String, String> {
    let mut name = slugs::slugify(title);
    if name.len() > MAX_NAME {
        let cut = name[..MAX_NAME].rfind('-').unwrap_or(MAX_NAME);
        name.truncate(cut);
    }
    if name.is_empty() {
        return Err(format!(
            "the title `{title}` has no letter or digit to name its file: give a title with words"
        ));
    }
    Ok(name)
}

/// The folder, under `content`, of a page of `kind`, and its section's kind:
/// the compétences' and projets' folders as the site names them, the top for
/// `page`, else the section folder given (`veille`, `blog/notes`).
fn folder_of(content: &Path, kind: &str) -> Result<(String, Option<Kind>), String> {
    let kind = kind.trim().trim_matches('/');
    if kind.is_empty() || kind == "page" {
        return Ok((String::new(), None));
    }
    if let Some(k) = kinds::section_of(kind) {
        let mut folders: Vec<String> = std::fs::read_dir(content)
            .map_err(|e| format!("cannot read the content folder `{}`: {e}", content.display()))?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| kinds::section_of(name) == Some(k))
            .collect();
        folders.sort();
        let folder = folders.into_iter().next().unwrap_or_else(|| k.section().to_string());
        return Ok((folder, Some(k)));
    }
    if kind
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
        || kind.contains('\\')
    {
        return Err(format!(
            "`{kind}` is not a section: write `competence`, `projet`, `page`, or a folder under the content folder (`veille`)"
        ));
    }
    Ok((kind.to_string(), None))
}

/// The front matter of the section's fullest page, each field started empty
/// (`title`, `date`, `description`, `tags`, relations), or Vitrine's own
/// fields when the section has no page yet; and where it came from.
fn like_the_others(dir: &Path, section: Option<Kind>, page: &readers::NewPage) -> (String, String) {
    let example = example(dir);
    let (format, mut keys, from) = match &example {
        Some(e) => (
            e.format,
            e.keys.clone(),
            format!("with the fields and headings of {}", e.file.display()),
        ),
        None => (
            Format::Yaml,
            ["title", "date", "description", "tags"]
                .map(|k| (k.to_string(), Value::Null))
                .to_vec(),
            "with Vitrine's fields".into(),
        ),
    };
    // The relations the portfolio's two kinds declare, offered.
    let relation = match section {
        Some(Kind::Competence) => Some("projets"),
        Some(Kind::Projet) => Some("competences"),
        _ => None,
    };
    if let Some(relation) = relation.filter(|r| !keys.iter().any(|(k, _)| k == r)) {
        keys.push((relation.to_string(), Value::Array(Vec::new())));
    }
    let lines: Vec<String> = keys
        .iter()
        .filter_map(|(key, value)| started(key, value, page).map(|v| (key, v)))
        .map(|(key, value)| match format {
            Format::Toml => format!("{key} = {value}"),
            _ => format!("{key}: {value}"),
        })
        .collect();
    let fence = if format == Format::Toml { "+++" } else { "---" };
    // The other page's headings to write under, or a line to write over.
    let body = match example.map(|e| e.headings).filter(|h| !h.is_empty()) {
        Some(headings) => headings.join("\n\n"),
        None => "<!-- The page's text, in Markdown. -->".into(),
    };
    let text = format!("{fence}\n{}\n{fence}\n{body}\n", lines.join("\n"));
    (text, from)
}

/// One field's value on a new page: the title, today, and empty text or
/// lists for the fields the author fills in (`description`, `tags`,
/// relations); `None` for the rest (a menu, an image, a weight, an update
/// date), whose values only make sense for the page they were written for.
fn started(key: &str, value: &Value, page: &readers::NewPage) -> Option<String> {
    let names = readers::settings::field_names();
    if key == "title" {
        return Some(readers::quoted(page.title));
    }
    if names.date.contains(&key) {
        let timed = value.as_str().is_some_and(|v| v.contains('T'));
        return Some(if timed {
            page.now.to_string()
        } else {
            page.now[..10].to_string()
        });
    }
    match (key, value) {
        ("description" | "summary" | "subtitle", _) => Some("\"\"".into()),
        ("tags" | "categories" | "keywords", _) | (_, Value::Array(_)) => Some("[]".into()),
        ("draft", _) => Some("false".into()),
        _ => None,
    }
}

/// A page of the section, whose fields and headings a new one starts with.
struct Example {
    file: PathBuf,
    format: Format,
    /// Its fields in the order written.
    keys: Vec<(String, Value)>,
    /// Its `## Contexte` lines.
    headings: Vec<String>,
}

/// The page of `dir` with the most fields.
fn example(dir: &Path) -> Option<Example> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .map(|p| if p.is_dir() { p.join("index.md") } else { p })
        .filter(|p| p.extension().is_some_and(|e| e == "md") && p.file_name().is_some_and(|n| n != "_index.md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|file| {
            let text = std::fs::read_to_string(&file).ok()?;
            let split = front_matter::split(0, &text).ok()?;
            let map = front_matter::parse(0, &split).ok()?;
            let headings = split
                .body
                .lines()
                .filter(|l| l.starts_with("## "))
                .map(|l| l.trim_end().to_string())
                .collect();
            Some(Example {
                keys: in_order(split.matter, split.format, map),
                format: split.format,
                file,
                headings,
            })
        })
        .filter(|e| e.format != Format::Lines && !e.keys.is_empty())
        .max_by_key(|e| (e.keys.len(), std::cmp::Reverse(e.file.clone())))
}

/// The map's fields in the order the front matter writes them.
fn in_order(matter: &str, format: Format, mut map: Map<String, Value>) -> Vec<(String, Value)> {
    let separator = if format == Format::Toml { '=' } else { ':' };
    matter
        .lines()
        .take_while(|line| !(format == Format::Toml && line.starts_with('[')))
        .filter(|line| !line.starts_with([' ', '\t', '-', '#']))
        .filter_map(|line| line.split_once(separator))
        .map(|(key, _)| key.trim().trim_matches(['"', '\'']).to_string())
        .filter_map(|key| map.remove(&key).map(|value| (key, value)))
        .collect()
}
