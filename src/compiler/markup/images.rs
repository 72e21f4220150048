//! Front matter images (`img`, `image`, `cover`): found, measured, described;
//! and every image that could not be decoded, reported where a page uses it.

use crate::bundle::relative_link;
use crate::bundle::Image;
use crate::compiler::markup::render::{locate, ContentFiles, Folders};
use crate::compiler::model::diagnostics::Diagnostic;
use crate::compiler::model::document::Doc;
use crate::compiler::model::html::escape;
use crate::compiler::pictures::{Failure, Pictures};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;

/// Where a page uses an image file: (source file id, span, the file).
pub type Uses = Vec<(usize, Range<usize>, PathBuf)>;

/// Each page's image by route, the files used, and the problems found.
pub fn front_matter_images(
    docs: &[Doc],
    folders: &Folders,
    copies: &Mutex<ContentFiles>,
) -> (BTreeMap<String, Image>, Uses, Vec<Diagnostic>) {
    let mut images = BTreeMap::new();
    let mut uses = Vec::new();
    let mut diagnostics = Vec::new();
    for doc in docs {
        let Some(image) = &doc.meta.image else { continue };
        let id = doc.file.id;
        if image.src.starts_with("http://") || image.src.starts_with("https://") {
            images.insert(
                doc.route.clone(),
                Image {
                    src: image.src.clone(),
                    alt: image.alt.clone().unwrap_or_default(),
                    width: None,
                    height: None,
                    resized: None,
                },
            );
            continue;
        }
        let dir = doc.file.rel.rsplit_once('/').map_or("", |(d, _)| d);
        let candidates = if image.src.starts_with('/') {
            vec![crate::compiler::markup::links::strip_base(&image.src, folders.base_path).to_string()]
        } else {
            // Relative to the page (Astro writes `../../assets/x.jpg`), then to the site.
            vec![
                crate::compiler::markup::links::normalize(&format!("/{dir}/"), &image.src),
                crate::compiler::markup::links::normalize("/", &image.src),
            ]
        };
        // Without its file the page is shown without an image, and the author told.
        let Some(found) = locate(&candidates, folders, copies) else {
            diagnostics.push(
                Diagnostic::warning(id, image.span.clone(), "image not found")
                    .label(format!(
                        "`{}` is neither in the public folder nor beside the page",
                        image.src
                    ))
                    .hint("put images in `public/assets/` and write `/assets/name.jpg`"),
            );
            continue;
        };
        // Without alt text the image is shown as decorative (`alt=""`), and the
        // author is told: a site moved from another tool builds as it is.
        let alt = image.alt.clone().unwrap_or_else(|| {
            diagnostics.push(
                Diagnostic::warning(id, image.span.clone(), "image without alt text")
                    .label("visitors using a screen reader will not know what it shows")
                    .hint("add `img_alt: \"Ce que montre l'image\"` (or `alt`, `image_alt`) to the front matter"),
            );
            String::new()
        });
        let (width, height) = found.size.map_or((None, None), |(w, h)| (Some(w), Some(h)));
        uses.push((id, image.span.clone(), found.path));
        images.insert(
            doc.route.clone(),
            Image {
                src: found.url,
                alt: alt.clone(),
                width,
                height,
                resized: found.resized,
            },
        );
    }
    (images, uses, diagnostics)
}

/// The author's photo, found and resized like a page's image; a warning
/// naming the setting when it is not found.
pub fn photo(
    src: &str,
    folders: &Folders,
    copies: &Mutex<ContentFiles>,
    sources: &crate::compiler::model::diagnostics::Sources,
) -> (Option<Image>, Option<Diagnostic>) {
    if src.starts_with("http://") || src.starts_with("https://") {
        let image = Image {
            src: src.to_string(),
            alt: String::new(),
            width: None,
            height: None,
            resized: None,
        };
        return (Some(image), None);
    }
    let path = crate::compiler::markup::links::strip_base(src, folders.base_path);
    let candidates = vec![crate::compiler::markup::links::normalize("/", path)];
    match locate(&candidates, folders, copies) {
        Some(found) => {
            let (width, height) = found.size.map_or((None, None), |(w, h)| (Some(w), Some(h)));
            let image = Image {
                src: found.url,
                alt: String::new(),
                width,
                height,
                resized: found.resized,
            };
            (Some(image), None)
        }
        None => {
            let (file, span) = sources.find(src).unwrap_or((0, 0..0));
            let warning = Diagnostic::warning(file, span, "author's photo not found")
                .label(format!(
                    "`{src}` is neither in the public folder nor in the content folder"
                ))
                .hint("put the photo in `public/` (or the site's static folder) and write its path from there");
            (None, Some(warning))
        }
    }
}

/// The images that could not be decoded, served as they are: every page's
/// `<img>` points at the file itself instead of variants that do not exist.
pub fn serve_failed_as_is(
    failures: &[Failure],
    pictures: &Pictures,
    folders: &Folders,
    docs: &mut [Doc],
    images: &mut BTreeMap<String, Image>,
) {
    for failure in failures {
        let Some(picture) = pictures.plan(&failure.source).filter(|p| !p.variants.is_empty()) else {
            continue;
        };
        let Some(url) = crate::compiler::markup::render::url_of(&failure.source, folders) else {
            continue;
        };
        let variant = format!("/{}", picture.fallback().file);
        let resized_src = format!("src=\"{}\"", escape(&relative_link(&variant)));
        let original_src = format!("src=\"{}\"", escape(&relative_link(&url)));
        let srcset = format!(" srcset=\"{}\"", escape(&picture.srcset()));
        for doc in docs.iter_mut().filter(|d| d.rendered.html.contains(&resized_src)) {
            doc.rendered.html = doc
                .rendered
                .html
                .replace(&resized_src, &original_src)
                .replace(&srcset, "");
        }
        for image in images
            .values_mut()
            .filter(|i| i.resized.as_ref().is_some_and(|r| r.src == variant))
        {
            image.resized = None;
        }
    }
}

/// A warning at every use of an image that could not be decoded (any path with its bytes).
pub fn unreadable(failures: &[Failure], pictures: &Pictures, docs: &[&Doc], front: &Uses) -> Vec<Diagnostic> {
    let body = docs.iter().flat_map(|d| {
        d.rendered
            .images
            .iter()
            .filter_map(move |i| Some((d.file.id, i.span.clone(), i.file.clone()?)))
    });
    let mut out = Vec::new();
    for (id, span, file) in body.chain(front.iter().cloned()) {
        let key = pictures.key_of(&file);
        if let Some(failure) = failures
            .iter()
            .find(|f| f.source == file || key.as_ref() == Some(&f.key))
        {
            let lfs = std::fs::read(&file).is_ok_and(|b| b.starts_with(b"version https://git-lfs"));
            let hint = if lfs {
                "this file is a Git LFS pointer, not the image: run `git lfs pull` in the site's repository"
            } else {
                "open it in an image editor and export it again as JPEG, PNG or WebP"
            };
            out.push(
                Diagnostic::warning(id, span, "image cannot be read, so it is served as it is, not resized")
                    .label(format!("`{}`: {}", file.display(), failure.message))
                    .hint(hint),
            );
        }
    }
    out
}
