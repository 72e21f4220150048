//! Spans found in a body after its shortcodes and callouts were expanded,
//! mapped back to the file as written: the same line (lines matched by a
//! line diff, so an expansion that adds lines, a `details` fold, does not
//! shift the ones after it), the same column (clamped to the line).

use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::ops::Range;

/// Line starts of `text`, the first at 0.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// For each line of `expanded`, the line of `written` it came from: the same
/// line where they match, else the changed lines' place, in order.
fn line_map(expanded: &str, written: &str) -> Vec<usize> {
    let (new, old): (Vec<&str>, Vec<&str>) = (expanded.split('\n').collect(), written.split('\n').collect());
    let last = old.len() - 1;
    let mut map = vec![0; new.len()];
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (old_index, old_len, new_index, new_len) = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (old_index, len, new_index, len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index, new_len),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 1, new_index, new_len),
            DiffOp::Delete { .. } => continue,
        };
        for k in 0..new_len {
            map[new_index + k] = (old_index + k.min(old_len.saturating_sub(1))).min(last);
        }
    }
    map
}

pub struct Remap<'a> {
    written: &'a str,
    from: Vec<usize>,
    to: Vec<usize>,
    /// The line of `written` each line of the expanded body came from.
    lines: Vec<usize>,
    /// Where the body starts in the file.
    offset: usize,
}

impl<'a> Remap<'a> {
    pub fn new(expanded: &str, written: &'a str, offset: usize) -> Self {
        Remap {
            written,
            from: line_starts(expanded),
            to: line_starts(written),
            lines: line_map(expanded, written),
            offset,
        }
    }

    /// A file offset found in the expanded body, as the same line and column in the file.
    fn at(&self, file_offset: usize) -> usize {
        let at = file_offset.saturating_sub(self.offset);
        let line = self.from.partition_point(|&s| s <= at).saturating_sub(1);
        let column = at - self.from[line];
        let line = self.lines.get(line).copied().unwrap_or(line).min(self.to.len() - 1);
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

    #[test]
    fn lines_after_an_expansion_that_adds_lines_keep_their_number() {
        let written = "{{< details >}}\nCorps.\n{{< /details >}}\n\nVoir [x](y).\n";
        let expanded = "<details><summary>Détails</summary>\n\nCorps.\n\n</details>\n\nVoir [x](y).\n";
        let remap = Remap::new(expanded, written, 0);
        let at = expanded.find("[x]").unwrap();
        let mut span = at..at + 6;
        remap.span(&mut span);
        assert_eq!(&written[span], "[x](y)");
    }
}
