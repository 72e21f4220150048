//! Step 4: render every body, resolving links and images against the routes
//! and the static files.

use super::document::Doc;
use super::links::From;
use super::markdown::{self, Located};
use super::pictures::Pictures;
use crate::bundle::Resized;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Static files found in the content folder (page bundles), to copy beside the bundle.
pub type ContentFiles = BTreeSet<(PathBuf, String)>;

pub struct Folders<'a> {
    pub content: &'a Path,
    /// Static file folders, searched in order.
    pub public: &'a [PathBuf],
    /// The prefix Astro authors write before their files (its `base`, `/portfolio`), or empty.
    pub base_path: &'a str,
    /// Raster images found, resized later (`pictures.rs`).
    pub pictures: &'a Pictures,
}

pub fn render(
    mut docs: Vec<Doc>,
    routes: &BTreeSet<String>,
    folders: &Folders,
    copies: &Mutex<ContentFiles>,
) -> Vec<Doc> {
    let locate = |candidates: &[String]| locate(candidates, folders, copies);
    docs.par_iter_mut().for_each(|doc| {
        let dir = doc.file.rel.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        let from = From {
            route: &doc.route,
            dir: &dir,
            base: folders.base_path,
        };
        doc.rendered = markdown::render(&doc.body, doc.body_offset, &from, routes, &locate);
        if doc.meta.image.is_none() {
            eager_first_image(&mut doc.rendered.html);
        }
    });
    docs
}

/// A body image at the top of a page without a front-matter image (at most
/// one block before it) is likely its largest paint: loaded at once, first.
/// Markdown images are written lazy; further down, they stay so.
fn eager_first_image(html: &mut String) {
    let Some(at) = html.find(markdown::LAZY) else {
        return;
    };
    let blocks_before = [
        "</p>", "</h2>", "</h3>", "</h4>", "</ul>", "</ol>", "</pre>", "</table>",
    ]
    .iter()
    .map(|end| html[..at].matches(end).count())
    .sum::<usize>();
    if blocks_before <= 1 {
        html.replace_range(at..at + markdown::LAZY.len(), markdown::EAGER);
    }
}

/// The first candidate that exists in a static folder, then in the content folder.
/// A file path as it goes in an `src` or `href`: spaces, `%` and non-ASCII characters percent-encoded.
fn encode_path(rel: &str) -> String {
    let mut out = String::with_capacity(rel.len());
    for byte in rel.bytes() {
        match byte {
            b' ' | b'%' | b'"' | b'<' | b'>' | b'#' | b'?' | 0x80..=0xff => out.push_str(&format!("%{byte:02X}")),
            _ => out.push(byte as char),
        }
    }
    out
}

/// Each candidate is also tried percent-decoded
/// (`/assets/Capture%20d'%C3%A9cran.png` → `assets/Capture d'écran.png`).
pub fn locate(candidates: &[String], folders: &Folders, copies: &Mutex<ContentFiles>) -> Option<Located> {
    let decoded = candidates.iter().map(|c| super::links::percent_decode(c));
    let mut tried = std::collections::HashSet::new();
    for candidate in candidates
        .iter()
        .cloned()
        .chain(decoded)
        .filter(|c| tried.insert(c.clone()))
    {
        let rel = candidate.trim_start_matches('/');
        if rel.is_empty() || rel.split('/').any(|s| s == "..") {
            continue;
        }
        let in_public = folders.public.iter().map(|p| p.join(rel)).find(|p| p.is_file());
        let in_content = folders.content.join(rel);
        let path = if let Some(in_public) = in_public {
            in_public
        } else if in_content.is_file() && !rel.ends_with(".md") {
            copies
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert((in_content.clone(), rel.to_string()));
            in_content
        } else {
            continue;
        };
        let picture = folders.pictures.plan(&path).filter(|p| !p.variants.is_empty());
        let size = match &picture {
            Some(p) => Some((p.width, p.height)),
            None => imagesize::size(&path)
                .ok()
                .and_then(|s| Some((u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?))),
        };
        return Some(Located {
            url: format!("/{}", encode_path(rel)),
            size,
            resized: picture.map(|p| Resized {
                src: format!("/{}", p.fallback().file),
                srcset: p.srcset(),
            }),
            path,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::eager_first_image;
    use crate::compiler::markdown::{EAGER, LAZY};

    #[test]
    fn only_an_image_at_the_top_loads_eagerly() {
        let mut top = format!("<p>Intro.</p><img src=\"a\"{LAZY}><img src=\"b\"{LAZY}>");
        eager_first_image(&mut top);
        assert_eq!(top.matches(EAGER).count(), 1, "{top}");
        assert!(top.find(EAGER) < top.find(LAZY), "{top}");
        let mut lower = format!("<h2>A</h2><p>Texte.</p><img src=\"a\"{LAZY}>");
        eager_first_image(&mut lower);
        assert!(!lower.contains(EAGER), "{lower}");
    }
}
