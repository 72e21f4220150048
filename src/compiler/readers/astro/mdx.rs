//! Astro's MDX pages read as Markdown: `import` and `export` statements become
//! blank lines of the same length (diagnostics keep their lines and columns),
//! JSX components are left to the sanitiser, which drops the tags and keeps their text.

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
            let content = line.trim_end_matches(['\n', '\r']);
            out.extend(std::iter::repeat_n(' ', content.len()));
            out.push_str(&line[content.len()..]);
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
        let blank = |n: usize| " ".repeat(n);
        assert_eq!(
            markdown,
            format!(
                "{}\n{}\n{}\n{}\n\n# Titre\n\n<Card title=\"x\">Texte</Card>\n\n```js\nimport y from 'y';\n```\n{}\n",
                blank(44),
                blank(8),
                blank(4),
                blank(11),
                blank(22)
            )
        );
        assert_eq!(markdown.len(), body.len(), "offsets are kept");
        assert_eq!(first, Some(0..44));
        let (markdown, _) = as_markdown("export const x = 1\nTexte\n");
        assert_eq!(markdown, format!("{}\nTexte\n", blank(18)));
        let (_, component) = as_markdown("Texte\n\nVoir <Image src={x} />\n");
        assert_eq!(component, Some(12..29));
        assert_eq!(as_markdown("Juste du *Markdown* <b>gras</b>.\n").1, None);
    }
}
