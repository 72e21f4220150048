//! Diagnostics: every problem found in the content, with the file, the byte
//! span (so line and column), a short explanation and a hint, printed the way
//! rustc prints errors.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Index into [`Sources`].
    pub file: usize,
    /// Byte range in the file's text.
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: usize, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file,
            span,
            message: message.into(),
            label: String::new(),
            hint: None,
        }
    }

    pub fn warning(file: usize, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, span, message)
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Warnings of one key (a shortcode's name, a broken address) named on this many pages.
pub const SAME_WARNING_NAMED: usize = 3;

/// The same warning all over a site (a theme's shortcode, hugoDocs' `[term](g)`):
/// named where it first occurs, in file order, then one more warning at the
/// next occurrence counts the rest: `more(key, occurrences left, pages in all, that one)`.
/// Errors are all named.
pub fn counted(
    mut keyed: Vec<(String, Diagnostic)>,
    more: impl Fn(&str, usize, usize, &Diagnostic) -> Diagnostic,
) -> Vec<Diagnostic> {
    keyed.sort_by_key(|(_, d)| (d.file, d.span.start));
    let mut uses: std::collections::HashMap<&str, (usize, std::collections::BTreeSet<usize>)> = Default::default();
    for (key, d) in keyed.iter().filter(|(_, d)| !d.is_error()) {
        let (count, files) = uses.entry(key).or_default();
        *count += 1;
        files.insert(d.file);
    }
    let mut seen: std::collections::HashMap<&str, usize> = Default::default();
    let mut out = Vec::new();
    for (key, d) in &keyed {
        let Some((count, files)) = uses.get(key.as_str()).filter(|_| !d.is_error()) else {
            out.push(d.clone());
            continue;
        };
        let n = seen.entry(key).or_default();
        *n += 1;
        if *n <= SAME_WARNING_NAMED || *count == SAME_WARNING_NAMED + 1 {
            out.push(d.clone());
        } else if *n == SAME_WARNING_NAMED + 1 {
            out.push(more(key, count - SAME_WARNING_NAMED, files.len(), d));
        }
    }
    out
}

/// The text of every file read, by index, for printing diagnostics. Lines
/// are found only in the files a diagnostic names, when it is printed.
#[derive(Default)]
pub struct Sources {
    files: Vec<(String, String)>,
}

impl Sources {
    pub fn add(&mut self, name: String, text: String) -> usize {
        self.files.push((name, text));
        self.files.len() - 1
    }

    /// How many files were read.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn name(&self, id: usize) -> &str {
        self.files.get(id).map_or("?", |f| f.0.as_str())
    }

    pub fn text(&self, id: usize) -> &str {
        self.files.get(id).map_or("", |f| f.1.as_str())
    }

    /// The first file read whose text holds `needle`, and where: on a line
    /// that is not a comment (`#`, `//`) when there is one.
    pub fn find(&self, needle: &str) -> Option<(usize, Range<usize>)> {
        let texts = || self.files.iter().enumerate().map(|(id, f)| (id, f.1.as_str()));
        let live = |text: &str, at: usize| {
            let line = text[..at].rsplit('\n').next().unwrap_or_default().trim_start();
            !line.starts_with('#') && !line.starts_with("//")
        };
        texts()
            .find_map(|(id, text)| {
                text.match_indices(needle)
                    .find(|(at, _)| live(text, *at))
                    .map(|(at, _)| (id, at))
            })
            .or_else(|| texts().find_map(|(id, text)| text.find(needle).map(|at| (id, at))))
            .map(|(id, at)| (id, at..at + needle.len()))
    }

    /// Writes every diagnostic, errors and warnings in the order given.
    pub fn emit(&self, out: &mut dyn WriteColor, diagnostics: &[Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        let config = term::Config::default();
        // Every file by its index, its text only where a diagnostic points.
        let named: std::collections::HashSet<usize> = diagnostics.iter().map(|d| d.file).collect();
        let mut files = SimpleFiles::new();
        for (id, (name, text)) in self.files.iter().enumerate() {
            files.add(name.as_str(), if named.contains(&id) { text.as_str() } else { "" });
        }
        for d in diagnostics {
            let report = match d.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            };
            let text_len = self.text(d.file).len();
            let span = d.span.start.min(text_len)..d.span.end.min(text_len);
            let mut report = report
                .with_message(&d.message)
                .with_labels(vec![Label::primary(d.file, span).with_message(&d.label)]);
            if let Some(hint) = &d.hint {
                report = report.with_notes(vec![format!("hint: {hint}")]);
            }
            // Writing to a terminal or a buffer only fails if the terminal is gone.
            let _ = term::emit_to_write_style(out, &config, &files, &report);
        }
    }

    /// Diagnostics as plain text (no colour), as printed by `vitrine`.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        let mut buf = term::termcolor::NoColor::new(Vec::new());
        self.emit(&mut buf, diagnostics);
        String::from_utf8_lossy(&buf.into_inner()).into_owned()
    }
}

/// A problem a reader finds in one text, before it is known which file it
/// is: a [`Diagnostic`] once given its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub hint: String,
}

impl Problem {
    pub fn new(span: Range<usize>, message: String, label: &str, hint: String) -> Problem {
        Problem {
            span,
            message,
            label: label.to_string(),
            hint,
        }
    }

    /// As an error in `file`, its span moved by `offset` (where the text starts in the file).
    pub fn error(self, file: usize, offset: usize) -> Diagnostic {
        let span = offset + self.span.start..offset + self.span.end;
        Diagnostic::error(file, span, self.message)
            .label(self.label)
            .hint(self.hint)
    }

    /// As a warning in `file`, its span moved by `offset`.
    pub fn warning(self, file: usize, offset: usize) -> Diagnostic {
        let span = offset + self.span.start..offset + self.span.end;
        Diagnostic::warning(file, span, self.message)
            .label(self.label)
            .hint(self.hint)
    }
}

#[cfg(test)]
mod tests {
    use super::Sources;

    #[test]
    fn find_skips_a_commented_out_line_for_the_live_one() {
        let mut sources = Sources::default();
        let text = "# {name = \"blog\", url = \"/blog/\"},\n  {name = \"blog\", url = \"/blog/\"},\n";
        sources.add("config.toml".into(), text.into());
        let (_, span) = sources.find("/blog/").unwrap();
        assert_eq!(text[..span.start].lines().count(), 2, "{span:?}");
        sources.add("astro.config.mjs".into(), "// base: '/x/'\n".into());
        assert_eq!(
            sources.find("/x/"),
            Some((1, 10..13)),
            "a comment is still found when it is all there is"
        );
    }
}
