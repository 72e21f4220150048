//! A page as the compiler sees it between steps.

use super::fields::Meta;
use super::load::SourceFile;
use super::markdown::Rendered;
use crate::bundle::TagRef;

#[derive(Debug, Clone)]
pub struct Doc {
    pub file: SourceFile,
    pub meta: Meta,
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
}
