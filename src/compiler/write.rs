//! Last step: write the output. Every file goes to a temporary name first and
//! is renamed into place, so a failed run never leaves a half-written bundle.

use crate::bundle::{Bundle, BUNDLE_FILE};
use crate::compiler::model::files::write_atomic;
use crate::search::{self, SearchIndex, Shown, SEARCH_FILE};
use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::Path;

/// Copies the static files and page-bundle files into `out`.
pub fn copy_static(
    out: &Path,
    public: &[std::path::PathBuf],
    content_files: &[(std::path::PathBuf, String)],
) -> io::Result<()> {
    fs::create_dir_all(out)?;
    // In reverse, so the first folder wins when two hold the same file.
    for folder in public.iter().rev().filter(|f| f.is_dir()) {
        copy_tree(folder, out)?;
    }
    for (from, rel) in content_files {
        write_atomic(&out.join(rel), &fs::read(from)?)?;
    }
    Ok(())
}

/// The search index as the app reads it (`crate::data`'s format).
pub fn search_file(bundle: &Bundle) -> io::Result<Vec<u8>> {
    crate::data::encode(&search_index(bundle).to_gaps()).map_err(io::Error::other)
}

/// `content.json` (the whole site library) and `search.json`, for tools and
/// for `vitrine prerender`, built and written side by side.
pub fn library(out: &Path, bundle: &Bundle) -> io::Result<()> {
    let (index, library) = rayon::join(
        || write_atomic(&out.join(SEARCH_FILE), &search_file(bundle)?),
        || {
            write_atomic(
                &out.join(BUNDLE_FILE),
                &serde_json::to_vec(bundle).map_err(io::Error::other)?,
            )
        },
    );
    index.and(library)
}

/// The search index: titles, headings, tags and body text of every page.
/// Pages are read in parallel, in a few runs of consecutive pages per
/// thread, each run's postings then joined in page order.
pub fn search_index(bundle: &Bundle) -> SearchIndex {
    let runs = 4 * rayon::current_num_threads();
    let run = bundle.pages.len().div_ceil(runs).max(64);
    let titles: std::collections::HashMap<&str, &str> = bundle
        .site
        .sections
        .iter()
        .map(|s| (s.slug.as_str(), s.title.as_str()))
        .collect();
    let (postings, shown) = bundle
        .pages
        .par_chunks(run)
        .enumerate()
        .map(|(n, pages)| {
            let mut postings = search::Postings::default();
            let mut shown = Vec::with_capacity(pages.len());
            for (i, p) in pages.iter().enumerate() {
                let headings: Vec<&str> = p.toc.iter().map(|e| e.title.as_str()).collect();
                let tags: Vec<&str> = p.tags.iter().map(|t| t.name.as_str()).collect();
                // The CV's page is found by the CV's words too.
                let cv = bundle.cv.as_ref().filter(|cv| cv.view.route == p.route);
                let html = cv.map_or(std::borrow::Cow::Borrowed(p.html.as_str()), |cv| {
                    (p.html.clone() + &cv.text).into()
                });
                postings.add_page((n * run + i) as u32, &p.title, &headings, &tags, &html);
                shown.push(Shown {
                    title: p.title.clone(),
                    section: titles.get(p.section.as_str()).copied().unwrap_or_default().to_string(),
                    text: search::plain_text_start(&p.html, search::SHOWN_TEXT),
                });
            }
            (postings, shown)
        })
        .reduce(
            || (search::Postings::default(), Vec::new()),
            |(postings, mut shown), (later, more)| {
                shown.extend(more);
                (postings.then(later), shown)
            },
        );
    let mut index = postings.index(bundle.pages.iter().map(|p| p.route.clone()).collect());
    index.shown = shown;
    index
}

fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(from).follow_links(true) {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry.path().strip_prefix(from).map_err(io::Error::other)?;
        if entry.file_type().is_file() {
            write_atomic(&to.join(rel), &fs::read(entry.path())?)?;
        }
    }
    Ok(())
}
