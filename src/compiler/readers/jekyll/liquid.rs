//! Liquid and kramdown in a Jekyll page's Markdown body (`{% raw %}`, `{% highlight %}`, `{% link %}`,
//! `{{ site.title }}`, `{: .class}`…) turned into plain Markdown before parsing, with what was left out.

use super::permalink::strip_date;
use std::borrow::Cow;
use std::ops::Range;

pub use crate::compiler::model::diagnostics::Problem;

/// What Liquid replacements need from the site.
pub struct LiquidContext<'a> {
    /// The site's `baseurl`; Vitrine places the site itself, so `{{ site.baseurl }}` becomes empty.
    pub baseurl: &'a str,
    pub site_title: &'a str,
    /// Posts by their file stem `2021-04-11-name` → the post's address.
    pub post_url: &'a dyn Fn(&str) -> Option<String>,
}

/// A Markdown body with its Liquid turned into plain Markdown.
pub struct Liquid<'a> {
    pub body: Cow<'a, str>,
    /// Tags removed that mean something, each label once: span in the ORIGINAL body and the tag's name
    /// (`if`, `include figure.html`, `page.title`, `toc`).
    pub left_out: Vec<(Range<usize>, String)>,
    pub problems: Vec<Problem>,
}

/// Turns the Liquid (and kramdown attribute lists) in a Markdown body into plain Markdown, before Markdown
/// parsing. Tags are replaced in place so lines stay where they were; fenced code and code spans are kept as
/// written, except for `{% raw %}` tags.
pub fn liquid<'a>(body: &'a str, cx: &LiquidContext) -> Liquid<'a> {
    if !body.contains("{%") && !body.contains("{{") && !body.contains("{:") {
        return Liquid {
            body: Cow::Borrowed(body),
            left_out: Vec::new(),
            problems: Vec::new(),
        };
    }
    let mut scan = Scan::new(body, cx.site_title, cx.post_url);
    scan.run();
    let Scan {
        out,
        left_out,
        problems,
        ..
    } = scan;
    let body = if out == body {
        Cow::Borrowed(body)
    } else {
        Cow::Owned(out)
    };
    Liquid {
        body,
        left_out,
        problems,
    }
}

/// Where the scan is.
enum Mode {
    Normal,
    /// Inside a fenced code block: its character and length.
    Fence(u8, usize),
    /// Inside `{% highlight %}`: the fence written for it and the span of `{% endhighlight %}`.
    Highlight(String, Range<usize>),
}

/// A parsed `{% name args %}`.
struct Tag<'s> {
    span: Range<usize>,
    name: &'s str,
    args: &'s str,
}

/// Remembers the next occurrence of a pattern, so repeated look-ups stay linear.
struct Finder {
    pattern: &'static str,
    from: usize,
    found: Option<usize>,
}

impl Finder {
    fn new(pattern: &'static str) -> Self {
        Finder {
            pattern,
            from: usize::MAX,
            found: None,
        }
    }

    fn find(&mut self, src: &str, at: usize) -> Option<usize> {
        let valid = at >= self.from && self.found.is_none_or(|found| found >= at);
        if !valid {
            self.from = at;
            self.found = src
                .get(at..)
                .and_then(|rest| rest.find(self.pattern))
                .map(|pos| pos + at);
        }
        self.found
    }
}

/// Block tags whose inner text is kept.
const BLOCKS: &[&str] = &["if", "unless", "for", "capture", "case", "tablerow"];
/// Block tags handled on their own.
const SPECIAL_BLOCKS: &[&str] = &["raw", "highlight", "comment"];

struct Scan<'s, 'c> {
    src: &'s str,
    site_title: &'c str,
    post_url: &'c dyn Fn(&str) -> Option<String>,
    out: String,
    left_out: Vec<(Range<usize>, String)>,
    problems: Vec<Problem>,
    mode: Mode,
    /// Inside `{% raw %}`: the span of its `{% endraw %}` (`usize::MAX` when there is none).
    raw: Option<Range<usize>>,
    /// Open block tags: name and span.
    blocks: Vec<(String, Range<usize>)>,
    /// Line breaks owed after the current code block (for `{% raw %}` lines taken out of it).
    owed: usize,
    tag_ends: Finder,
    output_ends: Finder,
    /// Closing tag names known to be absent from a position on.
    no_closer: Vec<(String, usize)>,
    /// The paragraph last searched for code spans, and the backtick run lengths absent from a position on in it.
    para: Range<usize>,
    no_run: Vec<(usize, usize)>,
}

impl<'s, 'c> Scan<'s, 'c> {
    fn new(src: &'s str, site_title: &'c str, post_url: &'c dyn Fn(&str) -> Option<String>) -> Self {
        Scan {
            src,
            site_title,
            post_url,
            out: String::with_capacity(src.len()),
            left_out: Vec::new(),
            problems: Vec::new(),
            mode: Mode::Normal,
            raw: None,
            blocks: Vec::new(),
            owed: 0,
            tag_ends: Finder::new("%}"),
            output_ends: Finder::new("}}"),
            no_closer: Vec::new(),
            para: 0..0,
            no_run: Vec::new(),
        }
    }

    fn run(&mut self) {
        let src = self.src;
        let mut i = 0;
        while i < src.len() {
            let end = line_end(src, i);
            if i == 0 || src.as_bytes().get(i - 1) == Some(&b'\n') {
                if let Some(next) = self.whole_line(i, end) {
                    i = next;
                    continue;
                }
            }
            let next = match &self.mode {
                _ if self.raw.is_some() => self.raw_text(i, end),
                Mode::Normal => self.normal(i, end),
                Mode::Fence(..) => self.code(i, end),
                Mode::Highlight(_, close) => {
                    let close = close.clone();
                    if i >= close.start {
                        self.close_highlight()
                    } else {
                        self.code(i, end.min(close.start))
                    }
                }
            };
            i = if next > i {
                next
            } else {
                self.out.push_str(part(src, i, end));
                end
            };
        }
        self.out
            .extend(std::iter::repeat_n('\n', std::mem::take(&mut self.owed)));
        self.unclosed_blocks();
    }

    /// Fence lines and `* TOC` lines, handled whole; `None` for any other line.
    fn whole_line(&mut self, i: usize, end: usize) -> Option<usize> {
        let line = part(self.src, i, end);
        if self.raw.as_ref().is_some_and(|close| close.start < end) {
            return None;
        }
        match self.mode {
            Mode::Highlight(..) => return None,
            Mode::Fence(mark, len) if closes_fence(line, mark, len) => {
                self.out.push_str(line);
                self.out
                    .extend(std::iter::repeat_n('\n', std::mem::take(&mut self.owed)));
                self.mode = Mode::Normal;
            }
            Mode::Fence(..) => return None,
            Mode::Normal => {
                if let Some((mark, len)) = opens_fence(line) {
                    self.out.push_str(line);
                    self.mode = Mode::Fence(mark, len);
                } else if self.raw.is_none()
                    && is_list_item(line)
                    && is_toc(part(self.src, end, line_end(self.src, end)))
                {
                    self.out.push_str(&line[line.trim_end_matches(['\r', '\n']).len()..]);
                } else {
                    return None;
                }
            }
        }
        Some(end)
    }

    /// Text outside code, from `i` to `end` (a line's end); returns where the scan goes on.
    fn normal(&mut self, mut i: usize, end: usize) -> usize {
        let src = self.src;
        let bytes = src.as_bytes();
        while i < end {
            let found = bytes
                .get(i..end)
                .and_then(|b| b.iter().position(|&c| c == b'{' || c == b'`'));
            let Some(at) = found.map(|offset| i + offset) else {
                self.out.push_str(part(src, i, end));
                return end;
            };
            self.out.push_str(part(src, i, at));
            let next = match (bytes.get(at), bytes.get(at + 1)) {
                (Some(b'`'), _) => self.code_span(at),
                (_, Some(b'%')) => self.tag(at),
                (_, Some(b'{')) => self.output(at),
                (_, Some(b':')) => self.attributes(at),
                _ => {
                    self.out.push('{');
                    at + 1
                }
            };
            if next > end || self.raw.is_some() || !matches!(self.mode, Mode::Normal) {
                return next;
            }
            i = next;
        }
        i
    }

    /// Code text: kept as written, except `{% raw %}` tags.
    fn code(&mut self, mut i: usize, end: usize) -> usize {
        let src = self.src;
        while i < end {
            let Some(at) = part(src, i, end).find("{%").map(|offset| i + offset) else {
                self.out.push_str(part(src, i, end));
                return end;
            };
            self.out.push_str(part(src, i, at));
            match self.tag_at(at) {
                Some(tag) if tag.name == "raw" => return self.raw_start(tag, true),
                _ => {
                    self.out.push_str("{%");
                    i = at + 2;
                }
            }
        }
        i
    }

    /// An inline code span: kept as written, except `{% raw %}` tags.
    fn code_span(&mut self, at: usize) -> usize {
        let src = self.src;
        let run = run_length(src, at, b'`');
        let open_end = at + run;
        self.out.push_str(part(src, at, open_end));
        let Some(close) = self.closing_run(open_end, run) else {
            return open_end;
        };
        let mut i = open_end;
        while i < close {
            let next = if self.raw.is_some() {
                self.raw_text(i, close)
            } else {
                self.code(i, close)
            };
            if next <= i {
                self.out.push_str(part(src, i, close));
                i = close;
            } else {
                i = next;
            }
        }
        if i > close {
            return i;
        }
        self.out.push_str(part(src, close, close + run));
        close + run
    }

    /// The start of the next run of exactly `run` backticks from `from` to the paragraph's end.
    fn closing_run(&mut self, from: usize, run: usize) -> Option<usize> {
        if !self.para.contains(&from) {
            self.para = from..para_end(self.src, from);
            self.no_run.clear();
        }
        if self
            .no_run
            .iter()
            .any(|&(length, after)| length == run && after <= from)
        {
            return None;
        }
        let found = closing_run(self.src, from, self.para.end, run);
        if found.is_none() {
            // Remembered for this paragraph: searches from further on fail at once.
            self.no_run.push((run, from));
        }
        found
    }

    /// Text inside `{% raw %}`: copied until its `{% endraw %}`.
    fn raw_text(&mut self, i: usize, end: usize) -> usize {
        let Some(close) = self.raw.clone() else { return i };
        if close.start < i {
            self.raw = None;
            return i;
        }
        if close.start >= end {
            self.out.push_str(part(self.src, i, end));
            return end;
        }
        self.out.push_str(part(self.src, i, close.start));
        self.raw = None;
        let in_code = !matches!(self.mode, Mode::Normal);
        self.drop_tag(close, in_code)
    }

    fn raw_start(&mut self, tag: Tag<'s>, in_code: bool) -> usize {
        let close = self.find_closing(tag.span.end, "raw", "endraw").unwrap_or_else(|| {
            let hint = "Add `{% endraw %}` where the text to keep as written ends.";
            self.problem(
                tag.span.clone(),
                "`{% raw %}` is never closed",
                "no `{% endraw %}` after this",
                hint,
            );
            usize::MAX..usize::MAX
        });
        self.raw = Some(close);
        self.drop_tag(tag.span, in_code)
    }

    /// A `{% … %}` tag outside code.
    fn tag(&mut self, at: usize) -> usize {
        let Some(tag) = self.tag_at(at) else {
            let hint = "Close the tag with `%}`, or wrap literal text in `{% raw %}` … `{% endraw %}`.";
            self.problem(
                at..at + 2,
                "Liquid tag left open",
                "this `{%` is never closed by `%}`",
                hint,
            );
            self.out.push_str("{%");
            return at + 2;
        };
        let span = tag.span.clone();
        match tag.name {
            "raw" => self.raw_start(tag, false),
            "highlight" => self.highlight(tag),
            "comment" => self.comment(tag),
            "link" => self.link(tag),
            "post_url" => self.post_link(tag),
            "" | "#" | "else" | "elsif" | "when" => self.remove(span),
            "include" | "include_relative" | "include_cached" | "render" => {
                let first = tag.args.split_whitespace().next().unwrap_or("");
                self.record(span.clone(), format!("{} {first}", tag.name).trim_end());
                self.remove(span)
            }
            name if BLOCKS.contains(&name) => {
                self.blocks.push((name.to_string(), span.clone()));
                self.record(span.clone(), name);
                self.remove(span)
            }
            name if name.starts_with("end") => self.end_tag(tag),
            name => {
                self.record(span.clone(), name);
                self.remove(span)
            }
        }
    }

    /// `{% endif %}` and the like: closes the innermost matching block.
    fn end_tag(&mut self, tag: Tag<'s>) -> usize {
        let opener = tag.name.get(3..).unwrap_or("");
        if BLOCKS.contains(&opener) || SPECIAL_BLOCKS.contains(&opener) {
            match self.blocks.iter().rposition(|(name, _)| name == opener) {
                Some(pos) => self.blocks.truncate(pos),
                None => {
                    let message = format!("`{{% {} %}}` without `{{% {opener} %}}`", tag.name);
                    let hint = format!("Remove it, or add the `{{% {opener} %}}` it closes.");
                    self.problem(tag.span.clone(), &message, "nothing to close here", &hint);
                }
            }
        }
        self.remove(tag.span)
    }

    fn unclosed_blocks(&mut self) {
        for (name, span) in std::mem::take(&mut self.blocks) {
            let message = format!("`{{% {name} %}}` is never closed");
            let label = format!("no `{{% end{name} %}}` after this");
            let hint = format!("Jekyll stops on an unclosed block: add `{{% end{name} %}}` where it ends.");
            self.problem(span, &message, &label, &hint);
        }
    }

    /// `{% highlight lang %}`: opens a fenced code block on its own line.
    fn highlight(&mut self, tag: Tag<'s>) -> usize {
        let Some(close) = self.find_closing(tag.span.end, "highlight", "endhighlight") else {
            let hint = "Add `{% endhighlight %}` after the code.";
            self.problem(
                tag.span.clone(),
                "`{% highlight %}` is never closed",
                "no `{% endhighlight %}` after this",
                hint,
            );
            self.out.push_str(part(self.src, tag.span.start, tag.span.end));
            return tag.span.end;
        };
        let lang: String = tag
            .args
            .split_whitespace()
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_alphanumeric() || "+-#_.".contains(*c))
            .collect();
        let fence = "`".repeat(longest_run(part(self.src, tag.span.end, close.start), b'`').max(2) + 1);
        if !line_blank(&self.out) {
            self.out.push('\n');
        }
        self.out.push_str(&fence);
        self.out.push_str(&lang);
        let next = self.break_line(tag.span.end);
        self.mode = Mode::Highlight(fence, close);
        next
    }

    /// `{% endhighlight %}`: the closing fence on its own line.
    fn close_highlight(&mut self) -> usize {
        let Mode::Highlight(fence, close) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return 0;
        };
        if !line_blank(&self.out) {
            self.out.push('\n');
        }
        self.out.push_str(&fence);
        let next = self.break_line(close.end);
        self.out
            .extend(std::iter::repeat_n('\n', std::mem::take(&mut self.owed)));
        next
    }

    /// Ends the output line after a fence: the source line's own break if only blanks follow, else a new one.
    fn break_line(&mut self, pos: usize) -> usize {
        let rest = rest_of_line(self.src, pos);
        if !rest.trim().is_empty() {
            self.out.push('\n');
            return pos + blank_prefix(rest);
        }
        let end = line_end(self.src, pos);
        self.out.push_str(part(self.src, pos + blank_prefix(rest), end));
        end
    }

    /// `{% comment %}…{% endcomment %}`: dropped with its text, line breaks kept.
    fn comment(&mut self, tag: Tag<'s>) -> usize {
        match self.find_closing(tag.span.end, "comment", "endcomment") {
            Some(close) => self.remove(tag.span.start..close.end),
            None => {
                let hint = "Add `{% endcomment %}` where the comment ends.";
                self.problem(
                    tag.span.clone(),
                    "`{% comment %}` is never closed",
                    "no `{% endcomment %}` after this",
                    hint,
                );
                self.remove(tag.span)
            }
        }
    }

    /// `{% link path %}` → `/path`, for Vitrine's link resolver.
    fn link(&mut self, tag: Tag<'s>) -> usize {
        let path = tag.args.trim_matches(['"', '\'']).trim();
        if path.is_empty() || path.contains("{{") {
            self.record(tag.span.clone(), "link");
            return self.remove(tag.span);
        }
        if !path.starts_with('/') {
            self.out.push('/');
        }
        self.out.push_str(path);
        tag.span.end
    }

    /// `{% post_url 2021-04-11-name %}` → the post's address, else a `/posts/name` guess.
    fn post_link(&mut self, tag: Tag<'s>) -> usize {
        let stem = tag.args.trim_matches(['"', '\'']).trim();
        if stem.is_empty() {
            self.record(tag.span.clone(), "post_url");
            return self.remove(tag.span);
        }
        let url = (self.post_url)(stem).unwrap_or_else(|| {
            let name = stem.rsplit('/').next().unwrap_or(stem);
            format!("/posts/{}", strip_date(name))
        });
        self.out.push_str(&url);
        tag.span.end
    }

    /// A `{{ … }}` output outside code.
    fn output(&mut self, at: usize) -> usize {
        let src = self.src;
        let close = self.output_ends.find(src, at + 2).filter(|&close| {
            let inner = part(src, at + 2, close);
            !inner.contains("{{") && !has_blank_line(inner)
        });
        let Some(close) = close else {
            let hint = "Close the output with `}}`, or wrap literal text in `{% raw %}` … `{% endraw %}`.";
            self.problem(
                at..at + 2,
                "Liquid tag left open",
                "this `{{` is never closed by `}}`",
                hint,
            );
            self.out.push_str("{{");
            return at + 2;
        };
        let span = at..close + 2;
        let inner = part(src, at + 2, close)
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        if let Some(text) = expand_output(inner, self.site_title) {
            self.out.push_str(&text);
            return span.end;
        }
        let word = pipes(inner)
            .first()
            .and_then(|first| first.split_whitespace().next())
            .unwrap_or("");
        if !word.is_empty() {
            self.record(span.clone(), word);
        }
        self.remove(span)
    }

    /// kramdown's `{: …}` attribute lists and `{::…}` extensions: removed.
    fn attributes(&mut self, at: usize) -> usize {
        let src = self.src;
        let Some(close) = attribute_end(src, at) else {
            self.out.push_str("{:");
            return at + 2;
        };
        let span = at..close + 1;
        let content = part(src, at + 2, close);
        if content.trim() == "toc" {
            self.record(span.clone(), "toc");
        }
        let name = content
            .strip_prefix(':')
            .and_then(|ext| ext.split(|c: char| c.is_whitespace() || c == '/').next());
        if name == Some("comment") && !content.trim_end().ends_with('/') {
            let ends = ["{:/comment}", "{:/}"]
                .iter()
                .filter_map(|end| part(src, span.end, src.len()).find(end).map(|p| (p, end.len())));
            if let Some((pos, len)) = ends.min() {
                return self.remove(at..span.end + pos + len);
            }
        }
        self.remove(span)
    }

    /// Removes `span` from the output, keeping its line breaks; a tag alone on its line leaves an empty line.
    fn remove(&mut self, span: Range<usize>) -> usize {
        let rest = rest_of_line(self.src, span.end);
        let alone = line_blank(&self.out) && rest.trim().is_empty();
        if alone {
            let keep = self.out.trim_end_matches([' ', '\t']).len();
            self.out.truncate(keep);
        }
        let breaks = part(self.src, span.start, span.end).matches('\n').count();
        self.out.extend(std::iter::repeat_n('\n', breaks));
        if alone {
            span.end + blank_prefix(rest)
        } else {
            span.end
        }
    }

    /// Removes a `{% raw %}`/`{% endraw %}` tag; in code, a tag alone on its line takes the line with it, and the
    /// line break is owed until the code block ends (so the code shows no empty line, and later lines stay put).
    fn drop_tag(&mut self, span: Range<usize>, in_code: bool) -> usize {
        let end = line_end(self.src, span.end);
        let rest = part(self.src, span.end, end);
        if in_code && rest.ends_with('\n') && rest.trim().is_empty() && line_blank(&self.out) {
            let keep = self.out.trim_end_matches([' ', '\t']).len();
            self.out.truncate(keep);
            self.owed += 1 + part(self.src, span.start, span.end).matches('\n').count();
            return end;
        }
        self.remove(span)
    }

    /// The tag starting at `at`, if it is closed by `%}` within its paragraph.
    fn tag_at(&mut self, at: usize) -> Option<Tag<'s>> {
        let src = self.src;
        let close = self.tag_ends.find(src, at + 2)?;
        let inner = part(src, at + 2, close);
        if inner.contains("{%") || has_blank_line(inner) {
            return None;
        }
        let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
        let (name, args) = match inner.strip_prefix('#') {
            Some(rest) => ("#", rest),
            None => inner.split_once(char::is_whitespace).unwrap_or((inner, "")),
        };
        Some(Tag {
            span: at..close + 2,
            name,
            args: args.trim(),
        })
    }

    /// The `close` tag ending a block that starts at `pos`, counting nested `open` tags and skipping `raw` text.
    fn find_closing(&mut self, mut pos: usize, open: &str, close: &str) -> Option<Range<usize>> {
        if self.no_closer.iter().any(|(name, from)| name == close && *from <= pos) {
            return None;
        }
        let start = pos;
        let (mut depth, mut seen) = (0usize, false);
        while let Some(at) = part(self.src, pos, self.src.len())
            .find("{%")
            .map(|offset| pos + offset)
        {
            let Some(tag) = self.tag_at(at) else {
                pos = at + 2;
                continue;
            };
            pos = tag.span.end;
            if tag.name == close {
                if depth == 0 {
                    return Some(tag.span);
                }
                (depth, seen) = (depth - 1, true);
            } else if tag.name == open && open != "raw" {
                depth += 1;
            } else if tag.name == "raw" && close != "endraw" {
                pos = self.find_closing(pos, "raw", "endraw")?.end;
            }
        }
        if !seen {
            // No `close` tag at all from `start` on: later searches from further on fail at once.
            self.no_closer.push((close.to_string(), start));
        }
        None
    }

    fn record(&mut self, span: Range<usize>, label: &str) {
        if !self.left_out.iter().any(|(_, known)| known == label) {
            self.left_out.push((span, label.to_string()));
        }
    }

    fn problem(&mut self, span: Range<usize>, message: &str, label: &str, hint: &str) {
        let (message, label, hint) = (message.to_string(), label.to_string(), hint.to_string());
        self.problems.push(Problem {
            span,
            message,
            label,
            hint,
        });
    }
}

/// The Markdown for a `{{ … }}` output Vitrine can stand for, else `None`.
fn expand_output(inner: &str, site_title: &str) -> Option<String> {
    let parts = pipes(inner);
    let (first, filters) = parts.split_first()?;
    let filters: Vec<String> = filters
        .iter()
        .map(|f| f.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let url_filters = filters.iter().all(|f| {
        matches!(
            f.as_str(),
            "relative_url" | "absolute_url" | "prepend:site.baseurl" | "prepend:site.url"
        )
    });
    if let Some(value) = unquote(first) {
        if !url_filters {
            return None;
        }
        let leading = filters.iter().any(|f| f.ends_with("_url")) && !value.starts_with('/') && !value.contains("://");
        return Some(if leading {
            format!("/{value}")
        } else {
            value.to_string()
        });
    }
    match *first {
        "site.baseurl" | "site.url" | "site.github.url" if url_filters => Some(String::new()),
        "site.title"
            if filters
                .iter()
                .all(|f| matches!(f.as_str(), "escape" | "xml_escape" | "strip" | "smartify")) =>
        {
            let escape = filters.iter().any(|f| f.ends_with("escape"));
            Some(if escape {
                escape_html(site_title)
            } else {
                site_title.to_string()
            })
        }
        _ => None,
    }
}

/// An expression's parts split on `|` outside quotes, trimmed.
fn pipes(expression: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in expression.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, '|') => {
                parts.push(expression[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(expression[start..].trim());
    parts
}

fn unquote(text: &str) -> Option<&str> {
    ['"', '\''].iter().find_map(|q| text.strip_prefix(*q)?.strip_suffix(*q))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The slice `a..b`, or empty when it is not one.
fn part(src: &str, a: usize, b: usize) -> &str {
    src.get(a..b).unwrap_or("")
}

/// The start of the line holding `pos`.
pub(super) fn line_start(src: &str, pos: usize) -> usize {
    src.get(..pos)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |nl| nl + 1)
}

/// Just past the `\n` ending the line holding `pos`, or the text's end.
pub(super) fn line_end(src: &str, pos: usize) -> usize {
    src.get(pos..)
        .and_then(|rest| rest.find('\n'))
        .map_or(src.len(), |nl| pos + nl + 1)
}

/// From `pos` to the line's `\n` (excluded).
fn rest_of_line(src: &str, pos: usize) -> &str {
    let rest = src.get(pos..).unwrap_or("");
    rest.find('\n').map_or(rest, |nl| &rest[..nl])
}

/// Where the paragraph holding `pos` ends: the start of the next blank line, or the text's end.
fn para_end(src: &str, pos: usize) -> usize {
    let mut at = line_end(src, pos);
    while at < src.len() {
        let next = line_end(src, at);
        if part(src, at, next).trim().is_empty() {
            return at;
        }
        at = next;
    }
    src.len()
}

fn has_blank_line(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    lines.len() > 2 && lines[1..lines.len() - 1].iter().any(|line| line.trim().is_empty())
}

/// Whether the output's last line holds only spaces and tabs.
fn line_blank(out: &str) -> bool {
    out.rsplit('\n')
        .next()
        .unwrap_or("")
        .trim_matches([' ', '\t'])
        .is_empty()
}

/// The number of leading spaces and tabs.
fn blank_prefix(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

fn run_length(src: &str, at: usize, byte: u8) -> usize {
    src.as_bytes()
        .get(at..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| b == byte).count())
}

fn longest_run(text: &str, byte: u8) -> usize {
    text.as_bytes()
        .split(|&b| b != byte)
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
}

/// The start of the next run of exactly `run` backticks in `from..limit`.
fn closing_run(src: &str, mut from: usize, limit: usize, run: usize) -> Option<usize> {
    while let Some(at) = part(src, from, limit).find('`').map(|offset| from + offset) {
        let length = run_length(src, at, b'`');
        if length == run {
            return Some(at);
        }
        from = at + length;
    }
    None
}

/// The `}` closing a `{:` attribute list on the same line, outside quotes.
fn attribute_end(src: &str, at: usize) -> Option<usize> {
    let mut quote = None;
    for (offset, c) in part(src, at + 2, src.len()).char_indices() {
        match (quote, c) {
            (_, '\n') | (None, '{') => return None,
            (None, '}') => return Some(at + 2 + offset),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            _ => {}
        }
    }
    None
}

/// A fence opening line (after indentation, `>` and a list marker): its character and length.
fn opens_fence(line: &str) -> Option<(u8, usize)> {
    let text = line.trim_start_matches([' ', '\t', '>']);
    let text = strip_list_marker(text).unwrap_or(text).trim_start_matches([' ', '\t']);
    let mark = *text.as_bytes().first().filter(|b| **b == b'`' || **b == b'~')?;
    let len = run_length(text, 0, mark);
    let info = &text[len..];
    (len >= 3 && !(mark == b'`' && info.contains('`'))).then_some((mark, len))
}

fn closes_fence(line: &str, mark: u8, len: usize) -> bool {
    let text = line.trim_start_matches([' ', '\t', '>']);
    let run = run_length(text, 0, mark);
    run >= len && text[run..].trim().is_empty()
}

/// The text after a list marker (`* `, `- `, `+ `, `1. `, `1) `), if the line starts with one.
fn strip_list_marker(text: &str) -> Option<&str> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = if digits > 0 {
        text[digits..].strip_prefix(['.', ')'])?
    } else {
        text.strip_prefix(['*', '-', '+'])?
    };
    rest.starts_with([' ', '\t']).then_some(rest)
}

fn is_list_item(line: &str) -> bool {
    strip_list_marker(line.trim_start_matches([' ', '\t'])).is_some_and(|rest| !rest.trim().is_empty())
}

fn is_toc(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact == "{:toc}"
}

#[cfg(test)]
mod tests {
    use super::super::config::read_config;
    use super::super::config::tests::{MINIMAL_MISTAKES, PORTFOLIO};
    use super::super::permalink::tests::parts;
    use super::super::permalink::{permalink, PermalinkParts};
    use super::*;

    const POST: &str = r#"* TOC
{:toc}

Voici mon [projet GLPI]({% link _projects/glpi.md %}) et [l'article précédent]({% post_url 2021-04-11-installer-glpi %}).

![Capture]({{ "/assets/img/glpi.png" | relative_url }}){: .shadow width="600"}
[Télécharger]({{ site.baseurl }}/assets/glpi.pdf){:target="_blank"}

## Installation
{: #install .no_toc}

{% include figure.html src="schema.png" caption="Architecture" %}

{% highlight bash linenos %}
sudo apt install glpi
echo "{{ pas du liquid }}"
{% endhighlight %}

Pour afficher une variable Liquid :

```liquid
{% raw %}
{{ page.title | upcase }}
{% endraw %}
```

{% if page.comments %}
Les commentaires sont ouverts sur {{ site.title }}.
{% endif %}

Écrit par {{ page.author }} — `{{ gardé }}` et {% raw %}{{ montré }}{% endraw %}.
{% comment %}
Brouillon : ne pas publier.
{% endcomment %}
Fin.
"#;

    const BROKEN: &[&str] = &[
        "title: Mon site\n\tdescription: tabulation\n",
        "title: Mon site\nnav: [accueil, projets\n",
        "- title\n- url\n",
        "Texte {% include note.html\n\nSuite {{ page.title\n",
        "{% raw %}\n{{ x }}\n",
        "{% highlight ruby %}\nputs 1\n",
        "{% if a %}{% for b in c %}x{% endfor %}{% endif %}{% endif %}{% unless d %}",
        "`{%` ``{{ x }}`` {:é\"}\n{::comment}\nsecret\n{:/comment}\n{::options parse_block_html=\"true\" /}",
    ];

    fn no_post(_: &str) -> Option<String> {
        None
    }

    fn context(post_url: &dyn Fn(&str) -> Option<String>) -> LiquidContext<'_> {
        LiquidContext {
            baseurl: "/portfolio",
            site_title: "Jeanne & co",
            post_url,
        }
    }

    #[test]
    fn liquid_fast_path_borrows() {
        let cx = context(&no_post);
        let plain = "# Titre\n\nDu texte { avec } des accolades.\n";
        assert!(matches!(liquid(plain, &cx).body, Cow::Borrowed(_)));
        let code_only = "```liquid\n{{ page.title }}\n```\n";
        let result = liquid(code_only, &cx);
        assert!(matches!(result.body, Cow::Borrowed(_)));
        assert!(result.left_out.is_empty() && result.problems.is_empty());
    }

    #[test]
    fn turns_a_jekyll_post_into_markdown() {
        let known =
            |stem: &str| (stem == "2021-04-11-installer-glpi").then(|| "/blog/2021/04/installer-glpi/".to_string());
        let result = liquid(POST, &context(&known));
        let body = result.body.as_ref();
        assert!(result.problems.is_empty(), "{:?}", result.problems);
        assert_eq!(body.lines().count(), POST.lines().count(), "{body}");
        let lines: Vec<&str> = body.lines().collect();
        assert_eq!(&lines[..2], ["", ""], "the TOC list and its `{{:toc}}` are emptied");
        assert!(lines[3].contains("[projet GLPI](/_projects/glpi.md)"));
        assert!(lines[3].contains("(/blog/2021/04/installer-glpi/)"));
        assert_eq!(lines[5], "![Capture](/assets/img/glpi.png)");
        assert_eq!(lines[6], "[Télécharger](/assets/glpi.pdf)");
        assert_eq!(lines[9], "", "a line holding only an attribute list becomes empty");
        assert_eq!(lines[11], "");
        assert_eq!(
            &lines[13..17],
            [
                "```bash",
                "sudo apt install glpi",
                "echo \"{{ pas du liquid }}\"",
                "```"
            ]
        );
        assert_eq!(
            &lines[20..24],
            ["```liquid", "{{ page.title | upcase }}", "```", ""],
            "raw lines leave the code"
        );
        assert_eq!(lines[27], "Les commentaires sont ouverts sur Jeanne & co.");
        assert_eq!(lines[30], "Écrit par  — `{{ gardé }}` et {{ montré }}.");
        assert_eq!(&lines[31..], ["", "", "", "Fin."]);
        let labels: Vec<&str> = result.left_out.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(labels, ["toc", "include figure.html", "if", "page.author"]);
        let include = &result.left_out[1].0;
        assert!(POST[include.clone()].starts_with("{% include figure.html"));
    }

    #[test]
    fn guesses_unknown_post_urls() {
        let result = liquid("[avant]({% post_url tech/2020-01-02-old-one %})", &context(&no_post));
        assert_eq!(result.body, "[avant](/posts/old-one)");
    }

    #[test]
    fn reports_open_tags_and_keeps_the_text() {
        let text = BROKEN[3];
        let result = liquid(text, &context(&no_post));
        assert_eq!(result.body, text);
        let spans: Vec<Range<usize>> = result.problems.iter().map(|p| p.span.clone()).collect();
        assert_eq!(spans, [6..8, 34..36]);
        assert!(result.problems.iter().all(|p| p.message == "Liquid tag left open"));
        let raw = liquid(BROKEN[4], &context(&no_post));
        assert_eq!(raw.problems.len(), 1);
        assert_eq!(raw.body, "\n{{ x }}\n", "the rest stays as written");
        let highlight = liquid(BROKEN[5], &context(&no_post));
        assert_eq!(highlight.problems[0].span, 0..20);
        assert_eq!(highlight.body, BROKEN[5]);
    }

    #[test]
    fn strips_block_tags_once_and_checks_nesting() {
        let result = liquid(BROKEN[6], &context(&no_post));
        assert_eq!(result.body, "x");
        let labels: Vec<&str> = result.left_out.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(labels, ["if", "for", "unless"]);
        let messages: Vec<&str> = result.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            ["`{% endif %}` without `{% if %}`", "`{% unless %}` is never closed"]
        );
        let text = "{% assign n = 1 %}{% capture c %}gardé{% endcapture %}{% seo %}{% assign m = 2 %}{% # note %}";
        let result = liquid(text, &context(&no_post));
        assert_eq!(result.body, "gardé");
        let labels: Vec<&str> = result.left_out.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(labels, ["assign", "capture", "seo"]);
    }

    #[test]
    fn handles_code_spans_and_kramdown_extensions() {
        let result = liquid(BROKEN[7], &context(&no_post));
        assert_eq!(result.body, "`{%` ``{{ x }}`` {:é\"}\n\n\n\n");
        assert!(result.problems.is_empty());
        let inline = liquid(
            "Voir `{% raw %}{{ site.title }}{% endraw %}` {{ site.title | escape }}",
            &context(&no_post),
        );
        assert_eq!(inline.body, "Voir `{{ site.title }}` Jeanne &amp; co");
        let crlf = liquid("a\r\n  {% if x %}  \r\nb{:.c}\r\n", &context(&no_post));
        assert_eq!(crlf.body, "a\r\n\r\nb\r\n");
    }

    #[test]
    fn wraps_inline_highlight_blocks_in_fences() {
        let text = "- étape {% highlight ruby %}puts \"```\"{% endhighlight %} fin";
        let result = liquid(text, &context(&no_post));
        assert_eq!(result.body, "- étape \n````ruby\nputs \"```\"\n````\nfin");
        let text = "{% highlight liquid %}\n  {% raw %}\n{{ x }}{%%}\n{% endraw %}\n{% endhighlight %}\nsuite";
        let result = liquid(text, &context(&no_post));
        assert_eq!(result.body, "```liquid\n{{ x }}{%%}\n```\n\n\nsuite");
        assert!(result.left_out.is_empty() && result.problems.is_empty());
    }

    #[test]
    fn never_panics_on_token_soup() {
        let tokens = [
            "{%",
            "%}",
            "{{",
            "}}",
            "{:",
            "}",
            "`",
            "```",
            "~~~",
            "\n",
            "\n\n",
            "\r\n",
            " raw ",
            " endraw ",
            " highlight c ",
            " endhighlight ",
            " comment ",
            " endcomment ",
            " if ",
            " endif ",
            "é",
            "* TOC\n{:toc}\n",
            "{::comment}",
            "{:/}",
            "-",
            "'",
            "\"",
            "|",
            " relative_url ",
            "site.baseurl",
            "link",
            "post_url ",
            " x ",
            "#",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(tokens[(seed % tokens.len() as u64) as usize]);
            }
            let result = liquid(&text, &context(&no_post));
            assert!(
                result.problems.iter().all(|p| text.get(p.span.clone()).is_some()),
                "{text:?}"
            );
            assert!(
                result.left_out.iter().all(|(span, _)| text.get(span.clone()).is_some()),
                "{text:?}"
            );
            let _ = read_config(&text);
        }
    }

    #[test]
    fn never_panics_on_prefixes() {
        let mut texts = vec![PORTFOLIO, MINIMAL_MISTAKES, POST];
        texts.extend_from_slice(BROKEN);
        let cats = ["é/ü".to_string()];
        for text in texts {
            for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let prefix = &text[..end];
                let _ = read_config(prefix);
                let _ = liquid(prefix, &context(&no_post));
                let tail = &text[end..];
                let parts = PermalinkParts {
                    slug: tail,
                    title: prefix,
                    date: Some(tail),
                    ..parts("pages", Some(prefix), tail, &cats)
                };
                let url = permalink(prefix, &parts);
                assert!(url.starts_with('/') && !url.contains("//"), "{url}");
            }
        }
    }
}
