//! Step 1, reading: each tool's reader turns a site folder into neutral
//! documents and settings. What one tool defines — where its files are, its
//! settings' keys, its front-matter names, its URL rules, its shortcodes and
//! themes' vocabulary — is in that tool's module (`hugo`, `zola`, `astro`,
//! `jekyll`, `pelican`); past this folder nothing names a tool.

pub mod astro;
pub mod callouts;
pub mod collisions;
pub mod hugo;
pub mod intros;
pub mod jekyll;
pub mod load;
pub mod parse;
pub mod pelican;
pub mod resume;
pub mod settings;
pub mod site;
pub mod syntax;
pub mod zola;

use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use settings::ToolSettings;
use std::path::{Path, PathBuf};

/// A site as its tool lays it out.
pub struct Layout {
    pub settings: ToolSettings,
    /// Where the pages really are, when not the folder given.
    pub content: Option<PathBuf>,
    /// The site's settings (`None` when they cannot be read).
    pub site: Option<crate::bundle::Site>,
    /// What the site's settings ask of the checks (`strict = true`).
    pub checks: site::Checks,
    /// Folders under the content folder that hold no pages of this build.
    pub skip: Vec<PathBuf>,
    /// The site's own language, and its routes' prefix (`/fr` when the tool puts it in a folder).
    pub lang: load::Lang,
    /// The site's other languages, each read on its own.
    pub languages: Vec<Edition>,
    /// The CV (JSON Resume) of each language, when the site has one.
    pub cvs: resume::Cvs,
}

/// The site in one of its other languages: where its pages are, and its settings.
pub struct Edition {
    pub lang: load::Lang,
    pub content: PathBuf,
    pub site: crate::bundle::Site,
    pub skip: Vec<PathBuf>,
    /// Its name in the language switch (`English`).
    pub name: String,
}

/// Reads the site's tool settings and finds where its pages are.
pub fn read_site(content: &Path, sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) -> Layout {
    let (mut tool, found) = settings::read(content, sources);
    diagnostics.extend(found);
    diagnostics.extend(tool.file_mounts.iter().map(|mount| hugo::file_mount(mount, sources)));
    let folders = language_folders(content, &tool);
    let moved = elsewhere(content, &tool, sources, diagnostics);
    let own = moved.as_deref().unwrap_or(content);
    let (site, declared, checks) = match site::read(own, &tool, sources) {
        Ok((site, declared, checks)) => (Some(site), declared, checks),
        Err(e) => {
            diagnostics.push(e);
            (None, Vec::new(), site::Checks::default())
        }
    };
    tool.languages = declared;
    diagnostics.extend((tool.tool.site_warnings)(content, sources));
    let mut skip: Vec<PathBuf> = folders.iter().map(|(_, d)| d.clone()).collect();
    skip.extend(tool.not_content.iter().map(|dir| own.join(dir)));
    let code = site.as_ref().map_or("fr", |s| s.lang.as_str());
    let lang = load::Lang {
        root: if tool.default_in_subdir {
            format!("/{}", hugo::primary(code))
        } else {
            String::new()
        },
        others: tool.languages.iter().map(|l| l.code.clone()).collect(),
        in_field: tool.languages_in_field.then(|| code.to_string()),
        locale_folders: tool.locale_folders,
        ..load::Lang::own(code)
    };
    let languages = match &site {
        Some(site) => editions(own, site, &tool, &lang, &folders, &skip, sources),
        None => Vec::new(),
    };
    // The CV: at the content folder's root, or in the data folders the tool keeps.
    let mut data: Vec<PathBuf> = vec![own.to_path_buf()];
    data.extend(tool.data_folders.iter().cloned());
    let codes: Vec<String> = languages.iter().map(|e| e.lang.code.clone()).collect();
    let cvs = resume::read(&data, &codes, sources, diagnostics);
    Layout {
        settings: tool,
        content: moved,
        site,
        checks,
        skip,
        lang,
        languages,
        cvs,
    }
}

/// Each declared language's edition: from its own folder when the tool gives
/// it one, else from the pages named `page.<code>.md` beside the others.
fn editions(
    own: &Path,
    site: &crate::bundle::Site,
    tool: &ToolSettings,
    lang: &load::Lang,
    folders: &[(String, PathBuf)],
    skip: &[PathBuf],
    sources: &mut Sources,
) -> Vec<Edition> {
    let mut out = Vec::new();
    for language in &tool.languages {
        let folder = language.content.clone().or_else(|| {
            let code = hugo::primary(&language.code);
            folders
                .iter()
                .find(|(c, _)| hugo::primary(c) == code)
                .map(|(_, d)| d.clone())
        });
        // Pages naming their language in their front matter are sorted after they
        // are read; those in a language's folder of each section by that folder.
        let bare = folder.is_some() || tool.languages_in_field || tool.locale_folders;
        let content = folder.unwrap_or_else(|| own.to_path_buf());
        let skip = if bare {
            tool.not_content.iter().map(|dir| content.join(dir)).collect()
        } else {
            skip.to_vec()
        };
        let mut others: Vec<String> = lang.others.iter().filter(|o| **o != language.code).cloned().collect();
        others.push(lang.code.clone());
        out.push(Edition {
            lang: load::Lang {
                code: language.code.clone(),
                bare,
                root: format!("/{}", language.code),
                others,
                in_field: tool.languages_in_field.then(|| lang.code.clone()),
                locale_folders: tool.locale_folders,
            },
            site: site::in_language(site, language, Some(&content), sources),
            content,
            skip,
            name: language.name.clone().unwrap_or_default(),
        });
    }
    out
}

/// The folders of the site's other languages (a Starlight site's other locales,
/// a Hugo language's `contentDir`): (code, folder).
fn language_folders(content: &Path, tool: &ToolSettings) -> Vec<(String, PathBuf)> {
    let mut folders = match &tool.starlight {
        Some(starlight) => astro::other_locales(&content.join("docs"), starlight),
        None => Vec::new(),
    };
    if let Some((_, others)) = hugo::language_content(tool) {
        folders.extend(others);
    }
    folders
}

pub use hugo::archetypes::{quoted, NewPage};

/// The page the site's tool starts a new one of `sections` from (Hugo's
/// archetypes), filled for `page`: (its file, the text, actions left unfilled).
pub fn archetype(content: &Path, sections: &[&str], page: &NewPage) -> Option<(PathBuf, String, Vec<String>)> {
    let (file, template) = hugo::archetypes::find(content, sections)?;
    let (text, unfilled) = hugo::archetypes::fill(&template, page);
    Some((file, text, unfilled))
}

/// The front matter sections hand down to their pages (Hugo's `cascade`).
pub fn cascades(content: &Path, lang: &load::Lang) -> Vec<hugo::cascade::Cascade> {
    hugo::cascade::read(content, lang)
}

/// The addresses the site's tool gave its pages, where Vitrine's differ,
/// added to each page's aliases (written as redirects); warnings.
pub fn old_addresses(docs: &mut [Doc], tool: &ToolSettings, sources: &Sources) -> Vec<Diagnostic> {
    (tool.tool.old_addresses)(docs, tool, sources)
}

/// The folder the pages are really in, when not the content folder given: a
/// Hugo site's folder for its language (`contentDir`), or where an Astro
/// site's collections are loaded from.
fn elsewhere(
    content: &Path,
    tool: &ToolSettings,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    if let Some((own, _)) = hugo::language_content(tool) {
        return Some(own);
    }
    if let Some(starlight) = &tool.starlight {
        return astro::starlight_content(content, starlight, sources, diagnostics);
    }
    // Only a site whose content config names other folders pays for the walk.
    let loaded_from = astro::astro_loader_content(content)?;
    let markdown = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "md" || x == "mdx" || x == "markdown")
        });
    (!markdown).then_some(loaded_from)
}

/// The warning for another language's folder, left out.
pub fn other_language(dir: &Path, code: &str, built_in: &str, sources: &mut Sources) -> Diagnostic {
    let id = sources.add(dir.display().to_string(), String::new());
    Diagnostic::warning(id, 0..0, format!("pages in `{}` are left out", dir.display()))
        .label(format!(
            "they are the `{code}` version; the site is built in {built_in}"
        ))
        .hint(format!("build them on their own with `--content {}`", dir.display()))
}

/// The folders a site's static files are copied from, as its tool keeps them: `static/`
/// where it exists (Hugo and Zola, whose `public/` is their own output), else `public/`.
pub fn static_folders(content: &Path) -> Vec<PathBuf> {
    let parent = content.parent().map(PathBuf::from).unwrap_or_default();
    let grandparent = parent.parent().map(PathBuf::from);
    let mut folders: Vec<PathBuf> = [Some(&parent), grandparent.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|dir| {
            [dir.join("static"), dir.join("public")]
                .into_iter()
                .find(|d| d.is_dir())
        })
        .collect();
    // Then the Hugo or Zola themes' own (`themes/x/static/`), as those tools serve them.
    let mut themes: Vec<PathBuf> = std::fs::read_dir(parent.join("themes"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|theme| theme.path().join("static"))
        .filter(|d| d.is_dir())
        .collect();
    themes.sort();
    folders.extend(themes);
    folders
}
