//! What rendering a page's Markdown gives: its HTML and what it links to.

use crate::bundle::{Resized, TocEntry};
use std::ops::Range;

/// A link found in the body, with its byte span in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkUse {
    pub href: String,
    pub target: Target,
    pub span: Range<usize>,
    /// For a link to a static file: whether the file was found.
    pub found: bool,
}

/// An image found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageUse {
    pub src: String,
    pub alt: String,
    pub found: bool,
    pub span: Range<usize>,
    /// The file found, when found.
    pub file: Option<std::path::PathBuf>,
    /// Written as raw HTML `<img>` (its `src` is checked as a link, its alt left to the author).
    pub raw: bool,
}

/// A static file found by [`Locate`]: its URL and, for images, its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub url: String,
    pub size: Option<(u32, u32)>,
    /// For a JPEG, PNG or WebP: its resized variants.
    pub resized: Option<Resized>,
    /// The file on disk.
    pub path: std::path::PathBuf,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Every heading id, for anchor checks.
    pub anchors: Vec<String>,
    pub word_count: usize,
    pub summary: String,
    pub links: Vec<LinkUse>,
    pub images: Vec<ImageUse>,
    /// Raw HTML elements the sanitiser removes (`style`, `script`, `iframe`…),
    /// each at its first use, to say so.
    pub removed: Vec<(&'static str, Range<usize>)>,
    /// What a screen reader meets that the author should hear about, where it is written.
    pub access: Vec<(Access, Range<usize>)>,
}

/// Something in a body a screen reader meets badly, said in a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// A link without text (`<a href="https://www.intechinfo.fr/"> </a>`, `[](url)`):
    /// given its address's host as text.
    EmptyLink { host: String },
    /// A link whose only content is an image without alt text: read as a bare
    /// "link", left as written (its meaning is the image's).
    ImageOnlyLink { href: String },
    /// A raw `<table>` without header cells, maybe laying things out: read
    /// cell by cell as a table, left as written.
    TableWithoutHeaders,
    /// A raw `<img>` without `alt`: made decorative (`alt=""`).
    ImageWithoutAlt { src: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `https://…`, `mailto:…`: left as written.
    External,
    /// An existing page or list route, with an optional anchor.
    Route { route: String, anchor: Option<String> },
    /// `#contexte` on the same page.
    SamePage { anchor: String },
    /// A static file (image, PDF); candidate paths from the site root, most likely first.
    File { candidates: Vec<String> },
    /// Looks like a page link but no such route exists; `guess` is the route it would be.
    Missing { guess: String, anchor: Option<String> },
    /// `javascript:`, `vbscript:` or `data:` URLs.
    Forbidden,
}
