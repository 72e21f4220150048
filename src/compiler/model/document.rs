//! A page as the compiler sees it between steps.

use crate::bundle::Kind;
use crate::bundle::TagRef;
use crate::compiler::model::fields::Meta;
use crate::compiler::model::rendered::Rendered;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Doc {
    pub file: SourceFile,
    pub meta: Meta,
    /// The Markdown after the front matter when it is not the file's own text
    /// from `body_offset` (MDX read as Markdown, a title line blanked); `None`:
    /// the file's text, read from the sources. Dropped once rendered.
    pub body: Option<String>,
    pub body_offset: usize,
    /// Span of the line closing the front matter.
    pub close: std::ops::Range<usize>,
    /// `citi`, `nested/duvet-genius`; a `slug` field replaces the last part.
    pub slug: String,
    /// `/projets/citi`.
    pub route: String,
    pub rendered: Rendered,
    pub tags: Vec<TagRef>,
    /// Nothing but blank space after the front matter.
    pub blank: bool,
    /// The page routes its text links to, without repeats or itself.
    pub outgoing: Vec<String>,
    /// The shortcodes left as written, found as the body is rendered (keyed by
    /// name, see `checks::shortcodes`).
    pub unrun: Vec<(String, crate::compiler::model::diagnostics::Diagnostic)>,
}

impl Doc {
    /// The Markdown to render: [`Doc::body`], or the file's text after its front matter.
    pub fn markdown<'a>(&'a self, sources: &'a crate::compiler::model::diagnostics::Sources) -> &'a str {
        match &self.body {
            Some(body) => body,
            None => sources.text(self.file.id).get(self.body_offset..).unwrap_or_default(),
        }
    }
}

/// Each page's index in `docs`, by route.
pub fn by_route(docs: &[Doc]) -> rustc_hash::FxHashMap<&str, usize> {
    docs.iter().enumerate().map(|(i, d)| (d.route.as_str(), i)).collect()
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: usize,
    pub kind: Kind,
    /// The section's route segment (`projets`, `posts`) and its folder as written (`Projects`, `posts`).
    pub section: String,
    pub folder: String,
    /// Slug from the path: `citi`, `nested/duvet-genius`, `gecy` for `gecy/index.md`.
    pub slug: String,
    /// The folder holding the file; for a page bundle (`index.md`), its own folder.
    pub dir: PathBuf,
    /// Path relative to the content folder, with `/`.
    pub rel: String,
    /// `2020-03-02` from a file named `2020-03-02-titre.md` (Zola, Jekyll).
    pub date_from_name: Option<String>,
}
