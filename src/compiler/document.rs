//! A page as the compiler sees it between steps.

use super::fields::Meta;
use super::load::SourceFile;
use super::markdown::Rendered;
use crate::bundle::TagRef;

#[derive(Debug, Clone)]
pub struct Doc {
    pub file: SourceFile,
    pub meta: Meta,
    /// The Markdown after the front matter; emptied once rendered (see `render.rs`).
    pub body: String,
    pub body_offset: usize,
    /// Span of the line closing the front matter.
    pub close: std::ops::Range<usize>,
    /// `citi`, `nested/duvet-genius`; a `slug` field replaces the last part.
    pub slug: String,
    /// `/projets/citi`.
    pub route: String,
    pub rendered: Rendered,
    pub tags: Vec<TagRef>,
    /// Found in the body as it is rendered: nothing but blank space in it, and
    /// the shortcodes left as written (keyed by name, see `checks::shortcodes`).
    pub blank: bool,
    /// The page routes its text links to, without repeats or itself.
    pub outgoing: Vec<String>,
    pub unrun: Vec<(String, super::diagnostics::Diagnostic)>,
}
