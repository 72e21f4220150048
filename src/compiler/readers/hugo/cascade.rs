//! Hugo's `cascade`: front matter an `_index.md` hands down to the pages
//! below it, unless a page sets the key itself (the nearest `_index.md` first).
//! A map applies to every page; a list's entries may aim with `_target`
//! (`target` since Hugo 0.141): a `path` glob (`/blog/**`) and a `kind`.

use crate::compiler::model::front_matter;
use serde_json::{Map, Value};
use std::path::Path;

pub struct Cascade {
    /// The folder it applies under, relative to the content folder with `/` (`""`: all).
    folder: String,
    /// The file declaring it (`docs/_index.fr.md`), to name in warnings.
    file: String,
    /// `_target.path`: a glob over the page's path (`/blog/**`).
    path: Option<glob::Pattern>,
    values: Map<String, Value>,
}

/// Every `_index.md` cascade under `content`, the deepest folders first. An
/// `_index.md` that cannot be read is told by the step that reads it as a
/// section (`intros.rs`).
pub fn read(content: &Path, lang: &crate::compiler::readers::load::Lang) -> Vec<Cascade> {
    let mut out: Vec<Cascade> = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .filter_map(|dir| {
            let file = crate::compiler::readers::intros::index_file(dir.path(), lang)?;
            let text = std::fs::read_to_string(&file).ok()?;
            let rel = |path: &Path| Some(path.strip_prefix(content).ok()?.to_string_lossy().replace('\\', "/"));
            Some(of_file(&rel(dir.path())?, &rel(&file)?, &text))
        })
        .flatten()
        .collect();
    out.sort_by_key(|c| std::cmp::Reverse(depth(&c.folder)));
    out
}

fn depth(folder: &str) -> usize {
    if folder.is_empty() {
        0
    } else {
        1 + folder.matches('/').count()
    }
}

/// The cascades one `_index.md` declares.
fn of_file(folder: &str, file: &str, text: &str) -> Vec<Cascade> {
    let Some(map) = front_matter::split(0, text)
        .ok()
        .and_then(|split| front_matter::parse(0, &split).ok())
    else {
        return Vec::new();
    };
    let entries: Vec<Map<String, Value>> = match map.get("cascade") {
        Some(Value::Object(values)) => vec![values.clone()],
        Some(Value::Array(list)) => list.iter().filter_map(|v| v.as_object().cloned()).collect(),
        _ => return Vec::new(),
    };
    entries
        .into_iter()
        .filter_map(|mut values| {
            let target = values.remove("_target").or_else(|| values.remove("target"));
            let target = target.as_ref().and_then(Value::as_object);
            let pattern = |key: &str| {
                let text = target?.get(key)?.as_str()?;
                // Hugo's `{home,section}` alternatives are not globs the crate reads: left to match nothing.
                Some(glob::Pattern::new(text).ok())
            };
            // Aimed at other kinds (sections, taxonomies): no page takes it.
            if let Some(kind) = pattern("kind") {
                if !kind.is_some_and(|k| k.matches("page")) {
                    return None;
                }
            }
            let path = match pattern("path") {
                Some(None) => return None,
                Some(path) => path,
                None => None,
            };
            Some(Cascade {
                folder: folder.to_string(),
                file: file.to_string(),
                path,
                values,
            })
        })
        .collect()
}

/// Gives the page at `rel` (its path in the content folder, `blog/x.md`) the
/// keys its cascades set and its own front matter does not. Returns each key
/// given, with the `_index.md` that gave it.
pub fn apply(cascades: &[Cascade], rel: &str, map: &mut Map<String, Value>) -> Vec<(String, String)> {
    let mut given = Vec::new();
    if cascades.is_empty() {
        return given;
    }
    let stem = rel.rsplit_once('.').map_or(rel, |(stem, _)| stem);
    let stem = stem.strip_suffix("/index").unwrap_or(stem);
    let logical = format!("/{}", stem.to_lowercase());
    let options = glob::MatchOptions {
        require_literal_separator: true,
        ..Default::default()
    };
    for cascade in cascades {
        let under = cascade.folder.is_empty()
            || rel
                .strip_prefix(&cascade.folder)
                .is_some_and(|rest| rest.starts_with('/'));
        let aimed = cascade.path.as_ref().is_none_or(|p| p.matches_with(&logical, options));
        if under && aimed {
            for (key, value) in &cascade.values {
                if !map.keys().any(|k| k.eq_ignore_ascii_case(key)) {
                    map.insert(key.clone(), value.clone());
                    given.push((key.clone(), cascade.file.clone()));
                }
            }
        }
    }
    given
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cascades(files: &[(&str, &str)]) -> Vec<Cascade> {
        let file = |folder: &str| format!("{folder}/_index.md").trim_start_matches('/').to_string();
        let mut out: Vec<Cascade> = files
            .iter()
            .flat_map(|(folder, text)| of_file(folder, &file(folder), text))
            .collect();
        out.sort_by_key(|c| std::cmp::Reverse(depth(&c.folder)));
        out
    }

    fn page(cascades: &[Cascade], rel: &str, own: &str) -> Map<String, Value> {
        let mut map: Map<String, Value> = serde_json::from_str(own).unwrap();
        apply(cascades, rel, &mut map);
        map
    }

    #[test]
    fn the_nearest_index_wins_and_the_page_own_keys_win_over_both() {
        let all = cascades(&[
            ("", "---\ncascade:\n  author: Site\n  banner: a.png\n---\n"),
            ("blog", "---\ncascade:\n  banner: blog.png\n---\n"),
        ]);
        let post = page(&all, "blog/x.md", r#"{"title": "X"}"#);
        assert_eq!(post["banner"], "blog.png");
        assert_eq!(post["author"], "Site");
        let own = page(&all, "blog/y.md", r#"{"Banner": "mine.png"}"#);
        assert!(!own.contains_key("banner"), "{own:?}");
        assert_eq!(page(&all, "about.md", "{}")["banner"], "a.png");
        // `blogue/` is not under `blog/`.
        assert_eq!(page(&all, "blogue/z.md", "{}")["banner"], "a.png");
    }

    #[test]
    fn targets_aim_a_list_entry_at_some_pages() {
        let all = cascades(&[(
            "",
            "+++\n[[cascade]]\n  draft = true\n  [cascade._target]\n    path = '/archive/**'\n[[cascade]]\n  sidebar = true\n  [cascade.target]\n    kind = 'section'\n+++\n",
        )]);
        assert_eq!(page(&all, "archive/2019/old.md", "{}")["draft"], true);
        assert!(!page(&all, "blog/new.md", "{}").contains_key("draft"));
        // Aimed at sections only: no page takes it.
        assert!(!page(&all, "archive/2019/old.md", "{}").contains_key("sidebar"));
    }
}
