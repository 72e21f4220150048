//! Front matter images (`img`, `image`, `cover`): found, measured, described.

use super::diagnostics::Diagnostic;
use super::document::Doc;
use super::render::{locate, ContentFiles, Folders};
use crate::bundle::Image;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Each page's image by route, and the problems found.
pub fn front_matter_images(
    docs: &[Doc],
    folders: &Folders,
    copies: &Mutex<ContentFiles>,
) -> (BTreeMap<String, Image>, Vec<Diagnostic>) {
    let mut images = BTreeMap::new();
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
                },
            );
            continue;
        }
        let dir = doc.file.rel.rsplit_once('/').map_or("", |(d, _)| d);
        let candidates = if image.src.starts_with('/') {
            vec![super::links::strip_base(&image.src, folders.base_path).to_string()]
        } else {
            vec![
                format!("/{dir}/{}", image.src.trim_start_matches("./")),
                format!("/{}", image.src),
            ]
        };
        let Some(found) = locate(&candidates, folders, copies) else {
            diagnostics.push(
                Diagnostic::error(id, image.span.clone(), "image not found")
                    .label(format!(
                        "`{}` is neither in the public folder nor beside the page",
                        image.src
                    ))
                    .hint("put images in `public/assets/` and write `/assets/name.jpg`"),
            );
            continue;
        };
        let Some(alt) = image.alt.clone() else {
            diagnostics.push(
                Diagnostic::error(id, image.span.clone(), "image without alt text")
                    .label("visitors using a screen reader will not know what it shows")
                    .hint("add `img_alt: \"Ce que montre l'image\"` (or `alt`, `image_alt`) to the front matter"),
            );
            continue;
        };
        let (width, height) = found.size.map_or((None, None), |(w, h)| (Some(w), Some(h)));
        images.insert(
            doc.route.clone(),
            Image {
                src: found.url,
                alt: alt.clone(),
                width,
                height,
            },
        );
    }
    (images, diagnostics)
}
