//! MDX components written on lines of their own (`<Tabs>`, `<TabItem label="npm">`,
//! `<Card title="…">`, `<Steps>`), read as MDX reads them: their children
//! are Markdown, however indented (MDX has no indented code blocks), and the
//! tags give way to what they say in words: a label or title in bold, a link
//! card's link. Without this, an indented child was a code block of raw text.
//! Runs after the shortcodes are expanded: lines are added, so diagnostics are
//! mapped back by [`crate::compiler::model::offsets::Remap`].

/// `body` with its component lines replaced and their children unindented.
pub fn children_as_markdown(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    // The open components, each with the indentation of its first child line.
    let mut open: Vec<(String, Option<usize>)> = Vec::new();
    // Inside a fenced block: its marker, and the indentation taken from its lines.
    let mut fence: Option<(String, usize)> = None;
    let mut lines = body.split_inclusive('\n');
    while let Some(line) = lines.next() {
        let (content, end) = split_end(line);
        // Spaces and tabs only: what is taken off stays on character boundaries.
        let indent = content.len() - content.trim_start_matches([' ', '\t']).len();
        let trimmed = content.trim_start();
        if let Some((marker, strip)) = &fence {
            let strip = indent.min(*strip);
            if trimmed.starts_with(marker.as_str())
                && trimmed
                    .trim_end_matches(marker.chars().next().unwrap_or('`'))
                    .trim()
                    .is_empty()
            {
                fence = None;
            }
            out.push_str(&content[strip..]);
            out.push_str(end);
            continue;
        }
        if let Some(tag) = component_start(trimmed) {
            let mut text = trimmed.to_string();
            let mut raw = vec![line];
            // A tag over several lines (`<Card\n  title="x"\n>`) ends at its `>`.
            while tag_end(&text).is_none() {
                let Some(next) = lines.next() else { break };
                text.push(' ');
                text.push_str(next.trim());
                raw.push(next);
            }
            let Some(close) = tag_end(&text) else {
                raw.iter().for_each(|l| out.push_str(l));
                continue;
            };
            let taken = raw.len();
            // Only a tag alone on its line: one in a sentence is left to the sanitiser.
            if text[close..].trim().is_empty() {
                let self_closing = text[..close].trim_end_matches('>').trim_end().ends_with('/');
                if let Some(name) = tag.strip_prefix('/') {
                    if let Some(at) = open.iter().rposition(|(n, _)| n == name) {
                        open.truncate(at);
                    }
                } else if !self_closing {
                    open.push((tag.to_string(), None));
                }
                let words = in_words(&text[..close]);
                out.push_str(&words);
                out.push_str(if words.is_empty() { "\n" } else { "\n\n" });
                out.extend(std::iter::repeat_n('\n', taken - 1));
                continue;
            }
            out.push_str(&text);
            out.push('\n');
            continue;
        }
        let strip = match open.last_mut() {
            Some((_, base)) if !trimmed.is_empty() => indent.min(*base.get_or_insert(indent)),
            _ => 0,
        };
        let kept = &content[strip.min(indent)..];
        if let Some(marker) = fence_marker(kept.trim_start()) {
            fence = Some((marker, strip));
        }
        out.push_str(kept);
        out.push_str(end);
    }
    out
}

/// A line's content and its line ending.
fn split_end(line: &str) -> (&str, &str) {
    let content = line.trim_end_matches(['\n', '\r']);
    (content, &line[content.len()..])
}

/// The component a line starts with (`Tabs`, or `/Tabs` for a closing tag):
/// a capital after `<`, as JSX names components.
fn component_start(trimmed: &str) -> Option<&str> {
    let rest = trimmed.strip_prefix('<')?;
    let name_start = usize::from(rest.starts_with('/'));
    if !rest[name_start..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let end = rest[name_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .map_or(rest.len(), |i| i + name_start);
    Some(&rest[..end])
}

/// Just past the `>` that ends the tag `text` starts with (quotes and `{…}` skipped).
fn tag_end(text: &str) -> Option<usize> {
    let (mut quote, mut braces) = (None, 0usize);
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '{') => braces += 1,
            (None, '}') => braces = braces.saturating_sub(1),
            (None, '>') if braces == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The opening of a fenced code block: its marker (three or more backticks or tildes).
fn fence_marker(trimmed: &str) -> Option<String> {
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = trimmed.chars().take_while(|x| *x == c).count();
    (n >= 3).then(|| c.to_string().repeat(n))
}

/// What a tag says in words: its `label` or `title` in bold, a link to its
/// `href`, and its `description`: `<LinkCard title="Guide" href="/guide/" />` →
/// `[Guide](/guide/)`. Nothing for a tag that says nothing (`<Tabs>`).
fn in_words(tag: &str) -> String {
    let name = attribute(tag, "label").or_else(|| attribute(tag, "title"));
    let mut words = match (attribute(tag, "href"), name) {
        (Some(href), name) => format!("[{}]({href})", name.unwrap_or(href)),
        (None, Some(name)) => format!("**{name}**"),
        (None, None) => String::new(),
    };
    if let Some(description) = attribute(tag, "description") {
        words.push_str(if words.is_empty() { "" } else { " — " });
        words.push_str(description);
    }
    words
}

/// The value of `name="…"` (or `'…'`) in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name) {
        let start = from + at;
        from = start + name.len();
        let before = tag[..start].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = tag[from..].trim_start().strip_prefix('=')?.trim_start();
        let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value = &rest[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::children_as_markdown;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(text in "[ <>/=\"'{}`~A-Za-z\t\n\u{3000}\u{a0}é]{0,80}") {
            let _ = children_as_markdown(&text);
        }

        #[test]
        fn keeps_every_word_of_the_text(
            lines in prop::collection::vec(prop_oneof![
                Just("<Tabs>".to_string()),
                Just("</Tabs>".to_string()),
                Just("  <TabItem label=\"npm\">".to_string()),
                Just("  </TabItem>".to_string()),
                Just("<LinkCard title=\"guide\" href=\"/g/\" />".to_string()),
                Just("```".to_string()),
                Just("\u{3000}\u{a0}mot".to_string()),
                "[ \t]{0,9}[a-zé]{1,5}( [a-z]{1,4})?",
            ], 0..24),
        ) {
            let body = lines.join("\n");
            let out = children_as_markdown(&body);
            for line in lines.iter().filter(|l| !l.contains('<') && !l.contains('`')) {
                prop_assert!(out.contains(line.trim()), "{line:?} lost from {body:?}: {out:?}");
            }
            for label in ["npm", "guide"] {
                prop_assert_eq!(body.contains(label), out.contains(label));
            }
        }
    }

    #[test]
    fn indented_children_are_markdown_and_labels_are_kept() {
        // Starlight's manual setup: tab items indented by four, their code by eight.
        let body = "Run:\n\n<Tabs syncKey=\"pkg\">\n    <TabItem label=\"npm\">\n        ```sh\n        npx astro add starlight\n        ```\n\n    </TabItem>\n    <TabItem label=\"pnpm\">\n        ```sh\n        pnpm astro add starlight\n        ```\n    </TabItem>\n</Tabs>\n\nDone.\n";
        let out = children_as_markdown(body);
        assert!(
            out.contains("**npm**\n\n```sh\nnpx astro add starlight\n```\n"),
            "{out}"
        );
        assert!(
            out.contains("**pnpm**\n\n```sh\npnpm astro add starlight\n```\n"),
            "{out}"
        );
        assert!(!out.contains('<'), "{out}");
        assert!(out.starts_with("Run:\n\n") && out.ends_with("\nDone.\n"), "{out}");
    }

    #[test]
    fn code_keeps_its_own_indentation_and_lists_their_nesting() {
        let body = "<Steps>\n\t1. Install:\n\n\t   ```js\n\t   if (x) {\n\t     y();\n\t   }\n\t   ```\n\t   - a detail\n\t2. Run.\n</Steps>\n";
        let out = children_as_markdown(body);
        assert_eq!(
            out,
            "\n1. Install:\n\n   ```js\n   if (x) {\n     y();\n   }\n   ```\n   - a detail\n2. Run.\n\n"
        );
    }

    #[test]
    fn a_tag_over_several_lines_says_its_link_and_tags_in_sentences_stay() {
        let body = "<LinkCard\n  title=\"Guide\"\n  href=\"/guide/\"\n  description=\"Pas à pas\"\n/>\nUn <Badge text=\"new\" /> ici.\n```mdx\n<Card title=\"x\">\n```\n";
        let out = children_as_markdown(body);
        assert_eq!(
            out,
            "[Guide](/guide/) — Pas à pas\n\n\n\n\n\nUn <Badge text=\"new\" /> ici.\n```mdx\n<Card title=\"x\">\n```\n"
        );
    }
}
