//! Astro's MDX pages read as Markdown: `import` and `export` statements become
//! blank lines (diagnostics keep their line numbers), JSX components are left
//! to the sanitiser, which drops the tags and keeps their text.

use std::ops::Range;

/// The body as Markdown, and where the first statement or component left out is.
pub fn as_markdown(body: &str) -> (String, Option<Range<usize>>) {
    let mut out = String::with_capacity(body.len());
    let mut first = None;
    let mut fence: Option<&str> = None;
    let mut depth = 0i64;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let span = offset..offset + line.trim_end().len();
        offset += line.len();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if depth > 0 || line.starts_with("import ") || line.starts_with("export ") {
            first.get_or_insert(span);
            // A statement over several lines (`import {\n  A,\n} from "x";`) ends where its braces close.
            depth += line.matches('{').count() as i64 - line.matches('}').count() as i64;
            depth = depth.max(0);
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
            continue;
        } else if first.is_none() {
            if let Some(at) = component(line) {
                first = Some(span.start + at..span.end);
            }
        }
        out.push_str(line);
    }
    (out, first)
}

/// Where a JSX component (`<Card …>`, `<Image />`: a capital after `<`) starts in a line.
fn component(line: &str) -> Option<usize> {
    line.match_indices('<')
        .find(|(at, _)| line[at + 1..].starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::as_markdown;

    #[test]
    fn statements_become_blank_lines_and_code_is_kept() {
        let body = "import Card from '../components/Card.astro';\nimport {\n  A,\n} from \"x\";\n\n# Titre\n\n<Card title=\"x\">Texte</Card>\n\n```js\nimport y from 'y';\n```\nexport const meta = 1;\n";
        let (markdown, first) = as_markdown(body);
        assert_eq!(
            markdown,
            "\n\n\n\n\n# Titre\n\n<Card title=\"x\">Texte</Card>\n\n```js\nimport y from 'y';\n```\n\n"
        );
        assert_eq!(first, Some(0..44));
        let (markdown, _) = as_markdown("export const x = 1\nTexte\n");
        assert_eq!(markdown, "\nTexte\n");
        let (_, component) = as_markdown("Texte\n\nVoir <Image src={x} />\n");
        assert_eq!(component, Some(12..29));
        assert_eq!(as_markdown("Juste du *Markdown* <b>gras</b>.\n").1, None);
    }
}
