//! Spans found in a body after its shortcodes and callouts were expanded,
//! mapped back to the file as written: same line, same column (clamped to
//! the line). The expansions keep a call's line count, so lines stay right.

use std::ops::Range;

/// Line starts of `text`, the first at 0.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

pub struct Remap<'a> {
    written: &'a str,
    from: Vec<usize>,
    to: Vec<usize>,
    /// Where the body starts in the file.
    offset: usize,
}

impl<'a> Remap<'a> {
    pub fn new(expanded: &str, written: &'a str, offset: usize) -> Self {
        Remap {
            written,
            from: line_starts(expanded),
            to: line_starts(written),
            offset,
        }
    }

    /// A file offset found in the expanded body, as the same line and column in the file.
    fn at(&self, file_offset: usize) -> usize {
        let at = file_offset.saturating_sub(self.offset);
        let line = self.from.partition_point(|&s| s <= at).saturating_sub(1);
        let column = at - self.from[line];
        let line = line.min(self.to.len() - 1);
        let start = self.to[line];
        let end = self.to.get(line + 1).map_or(self.written.len(), |next| next - 1);
        let mut to = (start + column).min(end);
        while !self.written.is_char_boundary(to) {
            to -= 1;
        }
        self.offset + to
    }

    pub fn span(&self, span: &mut Range<usize>) {
        let start = self.at(span.start);
        let end = self.at(span.end).max(start);
        *span = start..end;
    }
}

#[cfg(test)]
mod tests {
    use super::Remap;

    #[test]
    fn a_span_keeps_its_line_and_column() {
        let written = "{{< youtube abc >}}\n\nVoir [x](y).\n";
        let expanded = "[▶ Vidéo YouTube](https://www.youtube.com/watch?v=abc)\n\nVoir [x](y).\n";
        let remap = Remap::new(expanded, written, 10);
        let at = expanded.find("[x]").unwrap();
        let mut span = 10 + at..10 + at + 6;
        remap.span(&mut span);
        assert_eq!(&written[span.start - 10..span.end - 10], "[x](y)");
        // A column past the written line's end stays on that line.
        let mut long = 10 + 40..10 + 50;
        remap.span(&mut long);
        assert_eq!(long, 10 + 19..10 + 19);
    }
}
