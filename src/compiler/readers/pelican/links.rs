//! Pelican's intra-site link markers (`{filename}`, `{static}`, `|filename|`, …) turned into plain links
//! (`links`).

use super::header::lines_from;
use std::borrow::Cow;
use std::ops::Range;

/// What a link marker points to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    /// `{filename}`, `{static}`, `{attach}`: the path that follows is kept as is.
    Path,
    Tag,
    Category,
    /// `{author}name`: Vitrine has no author pages, so the site root.
    Author,
    Index,
}

/// Pelican's intra-site link markers turned into plain links: `{filename}`, `{static}` and `{attach}` are
/// dropped (so `/x.md` stays from the content root and `x.md` relative to the page), `{tag}x` → `/tags/x`,
/// `{category}x` → `/categories/x`, `{author}x` and `{index}` → `/`; also the old `|filename|` forms and
/// URL-encoded `%7Bfilename%7D`. A marker is only rewritten where a link starts (after `(`, `<`, a quote or `=`;
/// braces also after whitespace) and when a link follows it; fenced code blocks and code spans are untouched.
pub fn links(body: &str) -> Cow<'_, str> {
    if !body.contains(['{', '|']) && !body.contains("%7B") && !body.contains("%7b") {
        return Cow::Borrowed(body);
    }
    let mut rewrite = Rewrite {
        src: body,
        out: None,
        copied: 0,
    };
    let mut fence: Option<(u8, usize)> = None;
    let mut paragraph: Option<Range<usize>> = None;
    for line in lines_from(body, 0) {
        if let Some(open) = fence {
            if closes_fence(line.text, open) {
                fence = None;
            }
            continue;
        }
        let opens = opens_fence(line.text);
        if opens.is_some() || line.text.trim().is_empty() {
            if let Some(run) = paragraph.take() {
                rewrite.paragraph(run);
            }
            fence = opens;
            continue;
        }
        paragraph = Some(paragraph.map_or(line.start..line.end, |run| run.start..line.end));
    }
    if let Some(run) = paragraph {
        rewrite.paragraph(run);
    }
    rewrite.finish()
}

/// The fence character and length if the line opens a fenced code block (any indentation).
fn opens_fence(line: &str) -> Option<(u8, usize)> {
    let rest = line.trim_start();
    let fence = *rest.as_bytes().first().filter(|&&b| b == b'`' || b == b'~')?;
    let len = rest.bytes().take_while(|&b| b == fence).count();
    let info = rest.get(len..).unwrap_or("");
    (len >= 3 && !(fence == b'`' && info.contains('`'))).then_some((fence, len))
}

/// Whether the line closes a fence opened with `open`.
fn closes_fence(line: &str, (fence, len): (u8, usize)) -> bool {
    let rest = line.trim();
    let run = rest.bytes().take_while(|&b| b == fence).count();
    run >= len && run == rest.len()
}

/// Builds the rewritten body, copying untouched text only once something changes.
struct Rewrite<'a> {
    src: &'a str,
    out: Option<String>,
    copied: usize,
}

impl<'a> Rewrite<'a> {
    fn paragraph(&mut self, run: Range<usize>) {
        let Some(new) = self.src.get(run.clone()).and_then(rewrite_inline) else {
            return;
        };
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.src.len() + 16));
        out.push_str(self.src.get(self.copied..run.start).unwrap_or(""));
        out.push_str(&new);
        self.copied = run.end;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.src),
            Some(mut out) => {
                out.push_str(self.src.get(self.copied..).unwrap_or(""));
                Cow::Owned(out)
            }
        }
    }
}

/// Rewrites the markers of one paragraph outside code spans; `None` when nothing changes.
fn rewrite_inline(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let (mut i, mut copied) = (0, 0);
    while let Some(&byte) = bytes.get(i) {
        if byte == b'`' {
            i = after_code_span(bytes, i);
            continue;
        }
        let Some((len, target)) = marker_at(text, i) else {
            i += 1;
            continue;
        };
        let after = i + len;
        let (replacement, resume) = match target {
            Target::Path => ("", after),
            Target::Tag => ("/tags/", after),
            Target::Category => ("/categories/", after),
            Target::Index => ("/", after),
            Target::Author => (
                "/",
                after + bytes.iter().skip(after).take_while(|&&b| !ends_name(b)).count(),
            ),
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(text.get(copied..i).unwrap_or(""));
        out.push_str(replacement);
        (i, copied) = (resume, resume);
    }
    let mut out = out?;
    out.push_str(text.get(copied..).unwrap_or(""));
    Some(out)
}

/// Where an author name in a link ends.
fn ends_name(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b')' | b'"' | b'\'' | b'>' | b'#' | b'?')
}

/// The offset after the code span opening at `start`, or after its backticks if it never closes.
fn after_code_span(bytes: &[u8], start: usize) -> usize {
    let run = |from: usize| bytes.iter().skip(from).take_while(|&&b| b == b'`').count();
    let len = run(start);
    let mut at = start + len;
    while let Some(&byte) = bytes.get(at) {
        if byte != b'`' {
            at += 1;
            continue;
        }
        let other = run(at);
        if other == len {
            return at + other;
        }
        at += other;
    }
    start + len
}

/// The length and target of a link marker at byte `i`, if one is there where a link starts.
fn marker_at(text: &str, i: usize) -> Option<(usize, Target)> {
    let rest = text.get(i..)?;
    let (open, close) = if rest.starts_with('{') {
        ("{", "}")
    } else if rest.starts_with('|') {
        ("|", "|")
    } else if rest.get(..3)?.eq_ignore_ascii_case("%7B") {
        ("%7B", "%7D")
    } else {
        return None;
    };
    let word_len = rest.bytes().skip(open.len()).take_while(u8::is_ascii_lowercase).count();
    let word = rest.get(open.len()..open.len() + word_len)?;
    let after = rest.get(open.len() + word_len..)?;
    if !after
        .get(..close.len())
        .is_some_and(|found| found.eq_ignore_ascii_case(close))
    {
        return None;
    }
    let target = match word {
        "filename" | "static" | "attach" => Target::Path,
        "tag" => Target::Tag,
        "category" => Target::Category,
        "author" => Target::Author,
        "index" => Target::Index,
        _ => return None,
    };
    let len = open.len() + word_len + close.len();
    let bytes = text.as_bytes();
    let before = i.checked_sub(1).and_then(|at| bytes.get(at)).copied();
    let next = bytes.get(i + len).copied();
    let piped = open == "|";
    let starts_link = match before {
        None => !piped,
        Some(b) => matches!(b, b'(' | b'<' | b'"' | b'\'' | b'=') || (!piped && b.is_ascii_whitespace()),
    };
    (starts_link && next.is_some_and(|b| !b.is_ascii_whitespace())).then_some((len, target))
}

#[cfg(test)]
mod tests {
    use super::super::header::header;
    use super::super::header::tests::GLPI;
    use super::*;

    #[test]
    fn rewrites_link_markers() {
        let body = &GLPI[header(GLPI).expect("header").body_offset..];
        let out = links(body);
        assert!(out.contains("[la mission 2](/projets/mission2.md)"));
        assert!(out.contains("![schéma](/images/glpi.png)"));
        assert_eq!(links("[a]({filename}../x.md#sec)"), "[a](../x.md#sec)");
        assert_eq!(
            links("[a](|filename|x.md) [b](|static|img/a.png)"),
            "[a](x.md) [b](img/a.png)"
        );
        assert_eq!(
            links("[a](%7Bfilename%7Dx.md) [b](%7battach%7dy.pdf)"),
            "[a](x.md) [b](y.pdf)"
        );
        assert_eq!(
            links("[t]({tag}linux) [c]({category}Projets)"),
            "[t](/tags/linux) [c](/categories/Projets)"
        );
        assert_eq!(links("[a]({author}jean) [i]({index})"), "[a](/) [i](/)");
        assert_eq!(
            links("<img src=\"{static}/a.png\">\n[r]: {filename}/b.md"),
            "<img src=\"/a.png\">\n[r]: /b.md"
        );
    }

    #[test]
    fn leaves_code_and_prose_alone() {
        let code = "```markdown\n[a]({filename}x.md)\n```\n~~~~\n{static}/a.png\n~~~~\n";
        assert!(matches!(links(code), Cow::Borrowed(_)));
        assert_eq!(
            links("`{filename}x.md` and [b]({filename}y.md)"),
            "`{filename}x.md` and [b](y.md)"
        );
        assert_eq!(links("``a ` {filename}x.md``"), "``a ` {filename}x.md``");
        assert!(matches!(
            links("the {filename} marker, {foo}x, | filename | col |filename|x"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(links("plain text"), Cow::Borrowed(_)));
        assert_eq!(links("a\r\n\r\n[b]({filename}c.md)\r\n"), "a\r\n\r\n[b](c.md)\r\n");
    }
}
