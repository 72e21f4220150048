//! Step 1: find every Markdown file under the content folder and read it.

use crate::bundle::Kind;
use crate::compiler::model::dates::split_date_prefix;
use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::SourceFile;
use crate::compiler::model::kinds::section_of;
use crate::compiler::model::slugs::{slugify, slugify_name};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The kind of a top folder of `content`: `skills/` holds compétences, unless
/// `competences/` is there too (a bilingual site): one folder per kind, the
/// French name first, and any other is a section of its own.
pub fn kind_of(content: &Path, folder: &str) -> Kind {
    let Some(kind) = section_of(folder) else {
        return Kind::Other;
    };
    let mut folders: Vec<String> = std::fs::read_dir(content)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| section_of(f) == Some(kind))
        .collect();
    folders.sort_by_key(|f| (slugify(f) != kind.section(), f.clone()));
    if folders.first().is_none_or(|first| first == folder) {
        kind
    } else {
        Kind::Other
    }
}

pub fn section_slug(kind: Kind, folder: &str) -> String {
    match kind {
        Kind::Other => slugify(folder),
        known => known.section().to_string(),
    }
}

/// What the site's tool says of its folders.
pub struct Folders<'a> {
    /// Folders (and files) left out: another language's (said so by the
    /// caller), the tool's own that hold no pages.
    pub skip: &'a [PathBuf],
    /// Top folders whose pages are placed as if at the top (`pages/about.md` → `/about`).
    pub transparent: &'a [String],
}

pub use crate::compiler::model::lang::Lang;

/// Folder names that would collide with the app's own routes.
pub const RESERVED: [&str; 5] = ["tags", "recherche", "data", "synthese", "404"];

/// Reads the pages; `lang` is the site's language: `page.fr.md` is the French
/// version of `page.md` (Hugo's translations by file name), used instead of it on a
/// French site, and versions in other languages are left out.
/// Also returns the nested folders that hold an `_index.md` (`docs/glossary`).
pub fn load(content: &Path, lang: &Lang, folders: &Folders, sources: &mut Sources) -> Loaded {
    let skip = folders.skip;
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(content)
        .follow_links(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| !skip.iter().any(|dir| p.starts_with(dir)))
        // Hidden files are an editor's (Emacs's `.#page.md` lock), not pages.
        .filter(|p| p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.')))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "markdown" || e == "mdx")
        })
        .collect();
    paths.sort();
    let sections = folders_with_pages(content, &paths);
    // Every page in a folder is in one of these (the others are top-level pages).
    let kinds = sections.iter().map(|f| (f.clone(), kind_of(content, f))).collect();
    let place = Place {
        content,
        lang,
        transparent: folders.transparent,
        sections,
        kinds,
        home: crate::compiler::readers::intros::home_file(content, lang),
    };
    // Each file read, checked for UTF-8 and placed in parallel: most of a large site's loading time.
    let found: Vec<Found> = paths.into_par_iter().map(|path| place.find(path)).collect();
    gather(found, lang, sources)
}

/// The pages found, numbered in the sources in path order, and one warning
/// per reason a file is left out.
fn gather(found: Vec<Found>, lang: &Lang, sources: &mut Sources) -> Loaded {
    let mut files = Vec::with_capacity(found.len());
    let mut index_folders = BTreeSet::new();
    let mut diagnostics = Vec::new();
    let mut ignored = BTreeSet::new();
    let mut translated = BTreeSet::new();
    for found in found {
        match found {
            Found::Index(Some(folder)) => {
                index_folders.insert(folder);
            }
            Found::Index(None) | Found::SectionIndex | Found::OtherBuild => {}
            Found::OtherLanguage { display, language } => {
                if ignored.insert(format!(".{language}")) {
                    let id = sources.add(display, String::new());
                    diagnostics.push(
                        Diagnostic::warning(
                            id,
                            0..0,
                            format!("pages in another language (`.{language}.md`) are left out"),
                        )
                        .label(format!("the site's language is `{}`, and `{language}` is not one of its languages", lang.code))
                        .hint(format!("declare it in content/site.toml (`[languages.{language}]`) to build those pages at `/{language}/`")),
                    );
                }
            }
            Found::BesidePages { display, rel, folder } => {
                let id = sources.add(display, String::new());
                diagnostics.push(index_beside_pages(id, &rel, &folder));
            }
            Found::Reserved { display, rel, folder } => {
                if ignored.insert(folder.clone()) {
                    let id = sources.add(display, String::new());
                    diagnostics.push(reserved(id, &rel, &folder));
                }
            }
            Found::Page {
                display,
                read,
                mut file,
                translation,
            } => {
                file.id = match source(read, display, sources) {
                    Ok((id, warning)) => {
                        diagnostics.extend(warning);
                        id
                    }
                    Err(error) => {
                        diagnostics.push(error);
                        continue;
                    }
                };
                if translation {
                    translated.insert((file.section.clone(), file.slug.clone()));
                }
                files.push(file);
            }
        }
    }
    (site_language_first(files, &translated), index_folders, diagnostics)
}

/// What one Markdown file under the content folder is.
enum Found {
    /// A section's `_index.md` or the home page's file, not a page; the nested
    /// folder it introduces (`docs/glossary`), if any.
    Index(Option<String>),
    /// `projets/index.md`: the section's own page, not one of its pages.
    SectionIndex,
    /// A page in another of the site's languages, read by that language's build.
    OtherBuild,
    OtherLanguage {
        display: String,
        language: String,
    },
    BesidePages {
        display: String,
        rel: String,
        folder: String,
    },
    Reserved {
        display: String,
        rel: String,
        folder: String,
    },
    /// A page, read (its `id` is given once it joins the sources); `translation`:
    /// the site-language version of a page (`page.fr.md`).
    Page {
        display: String,
        read: Read,
        file: SourceFile,
        translation: bool,
    },
}

/// What places a file: the content folder and what is known of its folders.
struct Place<'a> {
    content: &'a Path,
    lang: &'a Lang,
    transparent: &'a [String],
    /// Top folders holding pages (see [`folders_with_pages`]).
    sections: std::collections::HashSet<String>,
    /// Each top folder's kind (see [`kind_of`]).
    kinds: std::collections::HashMap<String, Kind>,
    home: Option<PathBuf>,
}

impl Place<'_> {
    fn find(&self, path: PathBuf) -> Found {
        let content = self.content;
        let rel_path = path.strip_prefix(content).unwrap_or(&path);
        let rel = rel_path.to_string_lossy().replace('\\', "/");
        let mut segments: Vec<&str> = rel.split('/').collect();
        if segments.len() > 1 && self.transparent.iter().any(|t| t == segments[0]) {
            segments.remove(0);
        }
        // `blog/en/post.md`: a page of `blog` in English, read by that language's build.
        if self.lang.locale_folders && segments.len() > 2 {
            let folder = segments[1];
            if same_language(folder, &self.lang.code) && folder.len() <= 5 {
                segments.remove(1);
            } else if self.lang.others.iter().any(|o| o.eq_ignore_ascii_case(folder)) {
                return Found::OtherBuild;
            }
        }
        let stem = rel_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem.starts_with('_') || self.home.as_ref() == Some(&path) {
            // Site settings (`_index.md`) and section pages are not pages.
            let nested = stem.starts_with("_index") && segments.len() > 2;
            return Found::Index(nested.then(|| segments[..segments.len() - 1].join("/")));
        }
        let display = display_path(content, &path);
        let (stem, language) = split_language(&stem);
        match language {
            Some(l) if !same_language(l, &self.lang.code) => {
                if self.lang.others.iter().any(|o| same_language(o, l)) {
                    return Found::OtherBuild;
                }
                let language = l.to_string();
                return Found::OtherLanguage { display, language };
            }
            None if !self.lang.bare => return Found::OtherBuild,
            _ => {}
        }
        // `about/index.md` alone in its folder is a page (Hugo's leaf bundle, `/about`);
        // beside other pages it would be the folder's introduction, which is `_index.md`.
        let leaf = segments.len() == 2 && stem == "index";
        if leaf && self.sections.contains(segments[0]) {
            let folder = segments[0].to_string();
            return Found::BesidePages { display, rel, folder };
        }
        let stem = if leaf { segments[0] } else { stem };
        // A top-level page (`about.md`, `about/index.md` → `/about`) is a page of no section.
        let top = segments.len() < 2 || leaf;
        let folder = if top { String::new() } else { segments[0].to_string() };
        if RESERVED.contains(&slugify(if top { stem } else { &folder }).as_str()) || (top && stem == "index") {
            return Found::Reserved { display, rel, folder };
        }
        let kind = match self.kinds.get(&folder) {
            _ if top => Kind::Other,
            Some(kind) => *kind,
            None => kind_of(content, &folder),
        };
        let (parts, date_from_name) = slug_parts(&segments, top, stem);
        if parts.is_empty() {
            return Found::SectionIndex;
        }
        let slug = parts.join("/");
        let read = std::fs::read(&path).map(String::from_utf8);
        Found::Page {
            display,
            read,
            translation: language.is_some(),
            file: SourceFile {
                id: 0,
                kind,
                section: section_slug(kind, &folder),
                folder,
                slug,
                dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
                rel,
                date_from_name,
            },
        }
    }
}

/// Each dated page's address by its file's name (`2021-04-11-titre` →
/// `/posts/titre`), as links to posts by file name need it.
pub fn dated(files: &[SourceFile]) -> std::collections::HashMap<String, String> {
    files
        .iter()
        .filter(|f| f.date_from_name.is_some())
        .filter_map(|f| {
            let name = f.rel.rsplit('/').next()?;
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            Some((stem.to_string(), format!("/{}/{}", f.section, f.slug)))
        })
        .collect()
}

/// The pages found, the nested folders with an `_index.md`, and warnings.
pub type Loaded = (Vec<SourceFile>, BTreeSet<String>, Vec<Diagnostic>);

/// The site-language version of a page (`page.fr.md`) replaces the default one
/// (`page.md`); `translated` holds the (section, slug) of those versions.
fn site_language_first(files: Vec<SourceFile>, translated: &BTreeSet<(String, String)>) -> Vec<SourceFile> {
    files
        .into_iter()
        .filter(|f| {
            let name = f.rel.rsplit('/').next().unwrap_or("");
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            split_language(stem).1.is_some() || !translated.contains(&(f.section.clone(), f.slug.clone()))
        })
        .collect()
}

/// The route segments below the section (`nested/duvet-genius`; none for a
/// section's own `index.md`), and the date a `2020-03-02-titre.md` name gives.
fn slug_parts(segments: &[&str], top: bool, stem: &str) -> (Vec<String>, Option<String>) {
    let mut parts: Vec<String> = if top {
        Vec::new()
    } else {
        segments[1..segments.len() - 1].iter().map(|s| slugify(s)).collect()
    };
    if stem == "index" {
        return (parts, None);
    }
    let (date, name) = split_date_prefix(stem);
    parts.push(slugify_name(name));
    (parts, date)
}

/// `projets/index.md` beside other projets: left out, and how to keep it.
fn index_beside_pages(id: usize, rel: &str, folder: &str) -> Diagnostic {
    Diagnostic::warning(id, 0..0, format!("`{rel}` is left out"))
        .label(format!("`{folder}/` holds other pages, so this is no page of its own"))
        .hint(format!(
            "rename it `{folder}/_index.md` to make it the section's introduction"
        ))
}

/// A page or folder whose address is one of the app's own.
fn reserved(id: usize, rel: &str, folder: &str) -> Diagnostic {
    let what = if folder.is_empty() {
        format!("the page `{rel}` is left out")
    } else {
        format!("pages in `{folder}/` are left out")
    };
    Diagnostic::warning(id, 0..0, what)
        .label("its address is one of the app's own")
        .hint("`tags`, `recherche`, `synthese`, `data` and `404` (Vitrine writes the not-found page) are the app's own addresses: rename the file or folder")
}

/// A file as read: its text, or its bytes when they are not UTF-8.
type Read = std::io::Result<Result<String, std::string::FromUtf8Error>>;

/// A page's text added to `sources`, or why it cannot be read (not UTF-8: at the first bad byte).
fn source(read: Read, display: String, sources: &mut Sources) -> Result<(usize, Option<Diagnostic>), Diagnostic> {
    let text = match read {
        Ok(text) => text,
        Err(e) => {
            let id = sources.add(display, String::new());
            return Err(Diagnostic::error(id, 0..0, format!("cannot read file: {e}")));
        }
    };
    match text {
        Ok(text) => {
            let (text, forbidden) = without_forbidden(text);
            let id = sources.add(display, text);
            let warning = forbidden.map(|(at, c, count)| {
                Diagnostic::warning(
                    id,
                    at..at + 1,
                    format!("{count} invisible control character(s) removed"),
                )
                .label(format!("U+{:04X} here", u32::from(c)))
                .hint("HTML forbids control characters in a page; often pasted from a PDF or a terminal")
            });
            Ok((id, warning))
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let id = sources.add(display, String::from_utf8_lossy(e.as_bytes()).into_owned());
            Err(Diagnostic::error(id, at..at + 1, "file is not valid UTF-8")
                .label("this byte is not UTF-8")
                .hint("save the file as UTF-8 in your editor"))
        }
    }
}

/// The text with every code point HTML forbids in a page (controls other
/// than white space, noncharacters) blanked out, one space per byte so that
/// positions in the file still hold; the first one found, and how many.
fn without_forbidden(text: String) -> (String, Option<(usize, char, usize)>) {
    let forbidden = crate::data::forbidden_in_html;
    let Some((at, first)) = text.char_indices().find(|(_, c)| forbidden(*c)) else {
        return (text, None);
    };
    let count = text.chars().filter(|&c| forbidden(c)).count();
    let cleaned = text
        .chars()
        .map(|c| {
            if forbidden(c) {
                " ".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect();
    (cleaned, Some((at, first, count)))
}

/// The top folders holding a page other than their own `index.md`: sections.
fn folders_with_pages(content: &Path, paths: &[PathBuf]) -> std::collections::HashSet<String> {
    paths
        .iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(content).ok()?.to_string_lossy().replace('\\', "/");
            let (folder, rest) = rel.split_once('/')?;
            let stem = rest.rsplit('/').next()?.split('.').next()?;
            (rest.contains('/') || (stem != "index" && !stem.starts_with('_'))).then(|| folder.to_string())
        })
        .collect()
}

/// `page.fr` → (`page`, `Some("fr")`); `page` → (`page`, `None`).
/// A language code as Hugo reads it in file names: two letters, then optional
/// region or script subtags (`fr`, `pt-br`, `zh-Hans`, `zh-hant-tw`).
pub fn split_language(stem: &str) -> (&str, Option<&str>) {
    let is_code = |code: &str| {
        let mut parts = code.split('-');
        parts
            .next()
            .is_some_and(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    match stem.rsplit_once('.') {
        Some((base, code)) if !base.is_empty() && is_code(code) => (base, Some(code)),
        _ => (stem, None),
    }
}

fn same_language(a: &str, b: &str) -> bool {
    let primary = |l: &str| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

/// The path as the user gave it, joined with the file's place in the content folder.
fn display_path(content: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(content).unwrap_or(path);
    content.join(rel).to_string_lossy().into_owned()
}
