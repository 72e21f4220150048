//! Code blocks highlighted at build time with syntect: spans with `hl-` classes
//! (`hl-keyword hl-control`), coloured by the stylesheet in both themes, and
//! the language shown above the block. Unknown languages stay plain.

use crate::compiler::model::html::escape;
use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A fence's language: the first word of its info string (`sql title="x"` → `sql`).
pub fn language(info: &str) -> &str {
    info.split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or("")
}

/// A fenced block as HTML; `info` is the fence's info string (`rust`, `sql title="x"`),
/// `label` the name a screen reader gives the block ("Code rust").
pub fn code_block(info: &str, code: &str, label: &str) -> String {
    let lang = language(info);
    let label = escape(label);
    let body = highlighted(lang, code).unwrap_or_else(|| escape(code));
    // A long line scrolls: the block is reached with the keyboard and named.
    let region = r#"tabindex="0" role="region""#;
    if lang.is_empty() {
        return format!("<pre {region} aria-label=\"{label}\"><code>{body}</code></pre>\n");
    }
    let lang = escape(lang);
    format!(
        "<figure class=\"code\"><figcaption>{lang}</figcaption><pre {region} aria-label=\"{label}\"><code class=\"language-{lang}\">{body}</code></pre></figure>\n"
    )
}

fn highlighted(lang: &str, code: &str) -> Option<String> {
    if lang.is_empty() {
        return None;
    }
    let set = syntaxes();
    let syntax = set
        .find_syntax_by_token(lang)
        .or_else(|| set.find_syntax_by_token(&lang.to_lowercase()))?;
    let mut html =
        ClassedHTMLGenerator::new_with_class_style(syntax, set, ClassStyle::SpacedPrefixed { prefix: "hl-" });
    for line in LinesWithEndings::from(code) {
        html.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(html.finalize())
}

#[cfg(test)]
mod tests {
    use super::code_block;

    #[test]
    fn known_languages_get_classes_and_a_caption_others_stay_plain() {
        let rust = code_block("rust", "fn main() { let x = \"a<b\"; }\n", "Code rust");
        assert!(rust.contains("<figcaption>rust</figcaption>"), "{rust}");
        assert!(rust.contains("hl-keyword") || rust.contains("hl-storage"), "{rust}");
        assert!(rust.contains("a&lt;b"), "{rust}");
        let plain = code_block("", "<script>\n", "Code");
        assert_eq!(
            plain,
            "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code\"><code>&lt;script&gt;\n</code></pre>\n"
        );
        assert!(
            rust.contains(r#"<pre tabindex="0" role="region" aria-label="Code rust">"#),
            "{rust}"
        );
        let unknown = code_block("klingon", "qapla'\n", "Code klingon");
        assert!(
            unknown.contains("language-klingon") && unknown.contains("qapla&#39;"),
            "{unknown}"
        );
    }
}
