//! Each tool's own syntax in a page body — shortcodes, callout blocks, MDX
//! components, cross-references — turned into the plain Markdown the renderer
//! reads. Lines stay where they were, so diagnostics still name the right one.

use std::borrow::Cow;

/// What a body may hold besides Markdown, as its reader knows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Syntax {
    /// An MDX page: components on lines of their own give way to their children.
    pub mdx: bool,
}

/// The body as plain Markdown.
pub fn to_markdown(body: &str, syntax: Syntax) -> Cow<'_, str> {
    let expanded = super::hugo::shortcodes::expand(body);
    let text = super::hugo::refs(super::astro::directives::expand(&expanded));
    let text = if syntax.mdx {
        Cow::Owned(super::astro::components::children_as_markdown(&text))
    } else {
        text
    };
    match text {
        Cow::Owned(text) => Cow::Owned(text),
        // Nothing after the shortcodes changed it: their result is the body.
        Cow::Borrowed(_) => expanded,
    }
}

/// Summary text without the shortcodes left as written.
pub fn without_unrun(text: &str) -> String {
    super::hugo::shortcodes::without_unhandled(text)
}

/// One warning per tool syntax a page leaves as written or unknown (its
/// shortcodes), keyed by name, read from its Markdown as it is rendered.
pub fn unrun(
    doc: &crate::compiler::model::document::Doc,
    body: &str,
) -> Vec<(String, crate::compiler::model::diagnostics::Diagnostic)> {
    super::hugo::shortcodes::unrun(doc, body)
}
