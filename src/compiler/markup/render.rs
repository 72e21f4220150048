//! Step 4: render every body, resolving links and images against the routes
//! and the static files.

use crate::bundle::Resized;
use crate::compiler::markup::links::From;
use crate::compiler::markup::markdown;
use crate::compiler::model::diagnostics::Sources;
use crate::compiler::model::document::Doc;
use crate::compiler::model::rendered::Located;
use crate::compiler::model::rendered::Target;
use crate::compiler::pictures::Pictures;
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
    /// Pages a `slug` moved: the route their file would give → their route.
    pub moved: &'a std::collections::BTreeMap<String, String>,
    /// How the site's tool writes emoji and heading ids.
    pub markup: markdown::Markup,
}

pub fn render(
    mut docs: Vec<Doc>,
    sources: &Sources,
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
            moved: folders.moved,
        };
        let markup = markdown::Markup {
            syntax: crate::compiler::readers::syntax::Syntax {
                mdx: doc.file.rel.ends_with(".mdx"),
            },
            ..folders.markup
        };
        let body = doc.markdown(sources);
        let mut rendered = markdown::render(body, doc.body_offset, &from, markup, routes, &locate);
        let mut unrun = crate::compiler::readers::syntax::unrun(doc, body);
        // A body its reader rewrote (Liquid, link markers): spans back to the file as written.
        let written = sources.text(doc.file.id).get(doc.body_offset..).unwrap_or_default();
        if doc.body.is_some() && body != written {
            markdown::remap(&mut rendered, body, written, doc.body_offset);
            let remap = crate::compiler::model::offsets::Remap::new(body, written, doc.body_offset);
            unrun.iter_mut().for_each(|(_, d)| remap.span(&mut d.span));
        }
        (doc.rendered, doc.unrun, doc.body) = (rendered, unrun, None);
        if doc.meta.image.is_none() {
            eager_first_image(&mut doc.rendered.html);
        }
        doc.outgoing = crate::compiler::markup::render::outgoing(doc);
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
/// The site path a static file is served at (as [`locate`] gives it), if it is one.
pub fn url_of(path: &Path, folders: &Folders) -> Option<String> {
    let rel = |root: &Path| {
        path.strip_prefix(root)
            .ok()
            .map(|r| r.to_string_lossy().replace('\\', "/"))
    };
    let rel = folders
        .public
        .iter()
        .find_map(|p| rel(p))
        .or_else(|| rel(folders.content))
        .or_else(|| folders.content.parent().and_then(rel).map(|r| format!("_files/{r}")))?;
    Some(format!("/{}", encode_path(&rel)))
}

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

/// A site path's file: in a public folder, in the content folder (copied to
/// the same path), or beside the content folder (Astro's `src/assets/`,
/// copied under `_files/`). The file and its path in the output.
fn find_file(rel: &str, folders: &Folders, copies: &Mutex<ContentFiles>) -> Option<(PathBuf, String)> {
    if let Some(in_public) = folders.public.iter().map(|p| p.join(rel)).find(|p| p.is_file()) {
        return Some((in_public, rel.to_string()));
    }
    if rel.ends_with(".md") || rel.split('/').any(|s| s.starts_with('.')) {
        return None;
    }
    let (path, out) = [(folders.content.join(rel), rel.to_string())]
        .into_iter()
        .chain(
            folders
                .content
                .parent()
                .filter(|_| !rel.ends_with(".html"))
                .map(|up| (up.join(rel), format!("_files/{rel}"))),
        )
        .find(|(path, _)| path.is_file())?;
    copies
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert((path.clone(), out.clone()));
    Some((path, out))
}

/// Each candidate is also tried percent-decoded
/// (`/assets/Capture%20d'%C3%A9cran.png` → `assets/Capture d'écran.png`).
pub fn locate(candidates: &[String], folders: &Folders, copies: &Mutex<ContentFiles>) -> Option<Located> {
    let decoded = candidates
        .iter()
        .map(|c| crate::compiler::markup::links::percent_decode(c));
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
        let Some((path, rel)) = find_file(rel, folders, copies) else {
            continue;
        };
        let rel = rel.as_str();
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

/// The page routes a page links to, without repeats or itself.
pub fn outgoing(doc: &Doc) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for link in &doc.rendered.links {
        if let Target::Route { route, .. } = &link.target {
            if *route != doc.route && !out.contains(route) && is_page_route(route) {
                out.push(route.clone());
            }
        }
    }
    out
}

/// A page of any section (`/posts/premier`), not a list or a tag.
fn is_page_route(route: &str) -> bool {
    route.matches('/').count() >= 2 && !route.starts_with("/tags/")
}

#[cfg(test)]
mod tests {
    use super::eager_first_image;
    use crate::compiler::markup::markdown::{EAGER, LAZY};

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
