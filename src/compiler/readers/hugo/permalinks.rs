//! The addresses pages had under Hugo: its `[permalinks]` (`posts =
//! "/:year/:month/:slug/"`), else the file's path as written
//! (`commands/hugo_build.md`, `projets/réseau.md`). Vitrine keeps its own
//! (`/posts/slug`, `/projets/reseau`) and gives each page its Hugo address as
//! an alias, which the build writes as a redirect: links to the site as Hugo
//! built it still land.

use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use crate::compiler::model::slugs::urlize;

/// Adds each page's Hugo address to its aliases; a warning for each pattern
/// holding a token this does not know (no redirect is written for it).
/// `permalinks`: (section folder, pattern) as the settings write them.
/// `hugo`: a Hugo site, whose pages without a pattern keep their file's path.
pub fn add_aliases(
    docs: &mut [Doc],
    permalinks: &[(String, String)],
    hugo: bool,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let unknown: Vec<&(String, String)> = permalinks
        .iter()
        .filter(|(_, pattern)| expand(pattern, &Fields::default()).is_none())
        .collect();
    for doc in docs.iter_mut() {
        let folder = doc.file.folder.to_lowercase();
        let address = match permalinks.iter().find(|(section, _)| section.to_lowercase() == folder) {
            Some((_, pattern)) => expand(pattern, &Fields::of(doc)),
            None if hugo => file_path(doc),
            None => None,
        };
        let Some(address) = address else {
            continue;
        };
        if address.trim_end_matches('/') != doc.route && !doc.meta.aliases.contains(&address) {
            doc.meta.aliases.push(address);
        }
    }
    unknown.into_iter().map(|entry| warning(entry, sources)).collect()
}

/// Hugo's address of a page with no `slug` nor `url`: its path in the content
/// folder, lower case, spaces as hyphens, underscores and accents kept.
fn file_path(doc: &Doc) -> Option<String> {
    let own = doc.meta.slug.is_some() || ["url", "path"].iter().any(|k| doc.meta.extra.contains_key(*k));
    if own {
        return None;
    }
    let rel = doc
        .file
        .rel
        .rsplit_once('.')
        .map_or(doc.file.rel.as_str(), |(stem, _)| stem);
    // `page.fr.md` is `page` in its language, as the loader reads it.
    let (folder, name) = rel.rsplit_once('/').map_or(("", rel), |(f, n)| (f, n));
    let name = crate::compiler::readers::load::split_language(name).0;
    let path = if folder.is_empty() {
        name.to_string()
    } else {
        format!("{folder}/{name}")
    };
    let path = path.strip_suffix("/index").unwrap_or(&path);
    Some(format!("/{}/", path.to_lowercase().replace(' ', "-")))
}

/// What a pattern's tokens read from a page.
#[derive(Default)]
struct Fields {
    date: Option<(String, String, String)>,
    slug: String,
    title: String,
    filename: String,
    section: String,
    sections: String,
}

impl Fields {
    fn of(doc: &Doc) -> Fields {
        let date = doc.meta.date.as_deref().and_then(|d| {
            let (year, rest) = d.get(..10)?.split_once('-')?;
            let (month, day) = rest.split_once('-')?;
            Some((year.to_string(), month.to_string(), day.to_string()))
        });
        let folders: Vec<&str> = doc.file.rel.split('/').collect();
        let folders = &folders[..folders.len() - 1];
        let filename = doc.file.slug.rsplit('/').next().unwrap_or_default().to_string();
        Fields {
            date,
            // Hugo's `:slug`: the front matter's `slug`, else the title.
            slug: doc.meta.slug.as_deref().map_or_else(|| urlize(&doc.meta.title), urlize),
            title: urlize(&doc.meta.title),
            filename,
            section: folders.first().map(|f| f.to_lowercase()).unwrap_or_default(),
            sections: folders.join("/").to_lowercase(),
        }
    }
}

/// The address `pattern` gives a page, or `None` when it holds a token this
/// does not know or the page lacks (`:year` of a page with no date).
fn expand(pattern: &str, fields: &Fields) -> Option<String> {
    let mut out = String::new();
    for part in pattern.split('/') {
        if !out.ends_with('/') {
            out.push('/');
        }
        let value = match part.strip_prefix(':') {
            None => part.to_string(),
            Some(token) => token_value(token, fields)?,
        };
        out.push_str(&value);
    }
    Some(out)
}

fn token_value(token: &str, fields: &Fields) -> Option<String> {
    let date = || fields.date.as_ref();
    Some(match token {
        "year" => date().map_or("0001".into(), |d| d.0.clone()),
        "month" => date().map_or("01".into(), |d| d.1.clone()),
        "day" => date().map_or("01".into(), |d| d.2.clone()),
        "slug" | "slugorfilename" | "slugorcontentbasename" => fields.slug.clone(),
        "title" => fields.title.clone(),
        "filename" | "contentbasename" => fields.filename.clone(),
        "section" => fields.section.clone(),
        "sections" => fields.sections.clone(),
        _ => return None,
    })
}

fn warning((section, pattern): &(String, String), sources: &Sources) -> Diagnostic {
    let (file, span) = sources.find(pattern).unwrap_or((0, 0..0));
    Diagnostic::warning(file, span, format!("permalinks of `{section}` not followed"))
        .label(format!(
            "`{pattern}` holds a token Vitrine does not read: its pages are at `/{section}/…`, with no redirect from their Hugo addresses"
        ))
        .hint("write `:year`, `:month`, `:day`, `:slug`, `:title`, `:filename` or `:section`, or give a page `aliases` to keep an old address")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields {
            date: Some(("2024".into(), "05".into(), "01".into())),
            slug: "premier".into(),
            title: "mon-premier-billet".into(),
            filename: "first".into(),
            section: "posts".into(),
            sections: "posts/2024".into(),
        }
    }

    #[test]
    fn patterns_expand_as_hugo_writes_them() {
        assert_eq!(
            expand("/:year/:month/:slug/", &fields()).as_deref(),
            Some("/2024/05/premier/")
        );
        assert_eq!(expand(":section/:filename", &fields()).as_deref(), Some("/posts/first"));
        assert_eq!(
            expand("/blog/:title/", &fields()).as_deref(),
            Some("/blog/mon-premier-billet/")
        );
        assert_eq!(expand("/:monthname/:slug/", &fields()), None);
    }

    #[test]
    fn urlize_keeps_accents_and_drops_punctuation() {
        assert_eq!(urlize("Mon Projet à l'École !"), "mon-projet-à-lécole-");
    }
}
