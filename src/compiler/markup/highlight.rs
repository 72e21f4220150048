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

/// A fenced block as HTML; `info` is the fence's info string (`rust`, `sql title="x"`).
pub fn code_block(info: &str, code: &str) -> String {
    let lang = info
        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or("");
    let body = highlighted(lang, code).unwrap_or_else(|| escape(code));
    if lang.is_empty() {
        return format!("<pre><code>{body}</code></pre>\n");
    }
    let lang = escape(lang);
    format!(
        "<figure class=\"code\"><figcaption>{lang}</figcaption><pre><code class=\"language-{lang}\">{body}</code></pre></figure>\n"
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
        let rust = code_block("rust", "fn main() { let x = \"a<b\"; }\n");
        assert!(rust.contains("<figcaption>rust</figcaption>"), "{rust}");
        assert!(rust.contains("hl-keyword") || rust.contains("hl-storage"), "{rust}");
        assert!(rust.contains("a&lt;b"), "{rust}");
        let plain = code_block("", "<script>\n");
        assert_eq!(plain, "<pre><code>&lt;script&gt;\n</code></pre>\n");
        let unknown = code_block("klingon", "qapla'\n");
        assert!(
            unknown.contains("language-klingon") && unknown.contains("qapla&#39;"),
            "{unknown}"
        );
    }
}
