//! Hugo's common shortcodes as Markdown, before the body is parsed: videos and
//! posts as links (no third-party request, nothing to allow in the CSP),
//! `figure` as an image with its caption, `highlight` as a fenced code block;
//! Zola's escapes (`{{/* x() */}}`) as the literal text they stand for. Lines
//! are kept where they were, so diagnostics still point at the right line.
//! Shortcodes with a body (callouts, `details`, `comment`): `callouts.rs`;
//! the most used themes' own: `theme_shortcodes.rs`.
//!
//! Any other shortcode gives way to its inner text when it has a closing tag,
//! to a link when it has an address (`url`, `href`, `link`), else to nothing:
//! no page shows `{{<`, `{{%` or `{%` outside its code, where shortcodes are
//! shown as written. Each is listed by [`unhandled`], for a warning.

use super::themes::{self as theme, Shape};
use crate::compiler::model::diagnostics::Diagnostic;
use crate::compiler::model::document::Doc;
use crate::compiler::readers::callouts;
use std::borrow::Cow;
use std::ops::Range;

/// Shortcode names turned into Markdown here (`ref`/`relref` are links, in markdown.rs).
pub const HANDLED: [&str; 15] = [
    "alert",
    "callout",
    "notice",
    "admonition",
    "details",
    "comment",
    "youtube",
    "vimeo",
    "figure",
    "gist",
    "x",
    "tweet",
    "highlight",
    "ref",
    "relref",
];

/// One `{{< name args >}}` (or `{{% … %}}`, or Zola's `{{ name(args) }}`):
/// where it is and what it says.
struct Call<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    args: Vec<(Option<&'a str>, &'a str)>,
    /// Hugo's form (`{{<`, `{{%`), not Zola's.
    hugo: bool,
    /// Closed where it opens (`{{< name />}}`): no inner text.
    closed: bool,
}

impl<'a> Call<'a> {
    /// The argument named `key`, or else the positional one at `position`.
    fn arg(&self, key: &str, position: usize) -> Option<&'a str> {
        self.args
            .iter()
            .find(|(k, _)| *k == Some(key))
            .or_else(|| self.args.iter().filter(|(k, _)| k.is_none()).nth(position))
            .map(|(_, v)| *v)
    }
}

/// What the scanner finds at a `{`: a call, or an escape that prints literally.
enum Found<'a> {
    Call(Call<'a>),
    /// Hugo's `{{</* x */>}}` or Zola's `{{/* x() */}}`: the text it stands for.
    Literal {
        start: usize,
        end: usize,
        text: String,
    },
    /// Zola's `{% name() %}…{% end %}` (a body shortcode): callouts are
    /// expanded (`callouts.rs`), others give way to their body; `end` is
    /// where its opening ends.
    Block {
        start: usize,
        end: usize,
        name: &'a str,
        args: Vec<(Option<&'a str>, &'a str)>,
    },
}

/// The body with every shortcode replaced (those in code shown as written).
pub fn expand(body: &str) -> Cow<'_, str> {
    Run::new(body).expand(0, body.len())
}

/// A shortcode left as written, as text: `{{<button …>}}` (no space) would
/// otherwise read as an HTML `<button>` tag, which the sanitiser drops.
fn as_text(written: &str) -> String {
    match written.strip_prefix("{{<") {
        Some(rest) if rest.starts_with(|c: char| c.is_alphanumeric() || c == '/') => format!("{{{{&lt;{rest}"),
        _ => written.to_string(),
    }
}

/// Every shortcode in a body that [`expand`] does not render as what it
/// means (left out, given way to its inner text or made a link, or left as
/// written), outside code: its offset, the length of its opening, and its
/// name (closing tags left out).
pub fn unhandled(body: &str) -> Vec<(usize, usize, &str)> {
    let mut run = Run::new(body);
    run.expand(0, body.len());
    let mut out: Vec<(usize, usize, &str)> = run
        .unrun
        .iter()
        .filter(|u| !u.name.is_empty())
        .map(|u| (u.span.start, u.open.min(u.span.len()), u.name))
        .collect();
    out.sort_unstable_by_key(|(at, _, _)| *at);
    out
}

/// The text with the shortcodes [`unhandled`] lists taken out, and their
/// closing tags (for summaries).
pub fn without_unhandled(text: &str) -> String {
    let mut run = Run::new(text);
    run.expand(0, text.len());
    let mut spans: Vec<Range<usize>> = run
        .unrun
        .into_iter()
        .flat_map(|u| std::iter::once(u.span).chain(u.closing))
        .collect();
    spans.sort_unstable_by_key(|span| span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        if span.start >= at {
            out.push_str(&text[at..span.start]);
            at = span.end;
        }
    }
    out.push_str(&text[at..]);
    out
}

/// A shortcode not rendered as what it means (see [`unhandled`]), or a
/// closing tag without its opening (no name: not named in a warning).
struct Unrun<'a> {
    span: Range<usize>,
    /// The length of its opening (`{{<`, `{%`), shown in a warning.
    open: usize,
    name: &'a str,
    /// Its closing tag, when it has one.
    closing: Option<Range<usize>>,
}

/// One expansion of a body (`whole`), inner texts expanded in turn.
struct Run<'a> {
    whole: &'a str,
    /// The code spans and fenced code blocks of `whole`, found at the first call.
    code: Option<Vec<Range<usize>>>,
    unrun: Vec<Unrun<'a>>,
    /// The Docsy `tabpane` whose inner text is being expanded.
    pane: Option<theme::Pane<'a>>,
    /// Stretches of `whole` with no closing tag of a name: a page of lone
    /// shortcodes is read once, not once for each.
    unclosed: Vec<(&'a str, Range<usize>)>,
}

impl<'a> Run<'a> {
    fn new(whole: &'a str) -> Self {
        Run {
            whole,
            code: None,
            unrun: Vec::new(),
            pane: None,
            unclosed: Vec::new(),
        }
    }

    /// `whole[from..to]` with its shortcodes replaced; borrowed when it has none.
    fn expand(&mut self, from: usize, to: usize) -> Cow<'a, str> {
        let whole = self.whole;
        if next(&whole[from..to]).is_none() {
            return Cow::Borrowed(&whole[from..to]);
        }
        let mut out = String::with_capacity(to - from);
        let mut at = from;
        while let Some(found) = next(&whole[at..to]) {
            let (start, replacement, end) = match found {
                Found::Literal { start, end, text } => (at + start, Cow::Owned(text), at + end),
                Found::Call(call) => {
                    let call = Call {
                        start: at + call.start,
                        end: at + call.end,
                        ..call
                    };
                    let (replacement, end) = self.call(&call, to);
                    (call.start, replacement, end)
                }
                Found::Block { start, end, name, args } => {
                    let call = Call {
                        start: at + start,
                        end: at + end,
                        name,
                        args,
                        hugo: false,
                        closed: false,
                    };
                    let (replacement, end) = self.block(&call, to);
                    (call.start, replacement, end)
                }
            };
            out.push_str(&whole[at..start]);
            out.push_str(&replacement);
            at = end;
        }
        out.push_str(&whole[at..to]);
        Cow::Owned(out)
    }

    /// Whether `at` is in a code span or a fenced code block.
    fn in_code(&mut self, at: usize) -> bool {
        let whole = self.whole;
        let code = self.code.get_or_insert_with(|| code_spans(whole));
        code.get(code.partition_point(|span| span.end <= at))
            .is_some_and(|span| span.start <= at)
    }

    /// Notes a shortcode [`unhandled`] lists.
    fn unrun(&mut self, call: &Call<'a>, open: usize, closing: Option<Range<usize>>) {
        self.unrun.push(Unrun {
            span: call.start..call.end,
            open,
            name: call.name,
            closing,
        });
    }

    /// A Hugo or Zola call (its inner text and closing tag, if any, with it),
    /// in `whole[..to]`: its replacement, and where what it replaces ends.
    fn call(&mut self, call: &Call<'a>, to: usize) -> (Cow<'a, str>, usize) {
        let written = &self.whole[call.start..call.end];
        if self.in_code(call.start) {
            return (Cow::Borrowed(written), call.end);
        }
        let arg = |key: &str, position: usize| call.arg(key, position);
        if !call.hugo {
            // Zola's `{{ name() }}`: the others are left as written (`{{ page.title }}`).
            return match replace(call) {
                Some(replacement) => (Cow::Owned(replacement), call.end),
                None => {
                    self.unrun(call, 2, None);
                    (Cow::Owned(as_text(written)), call.end)
                }
            };
        }
        let name = call.name;
        if name.starts_with('/') {
            // A closing tag without its opening.
            self.unrun.push(Unrun {
                span: call.start..call.end,
                open: 3,
                name: "",
                closing: None,
            });
            return (Cow::Borrowed(""), call.end);
        }
        if name.eq_ignore_ascii_case("ref") || name.eq_ignore_ascii_case("relref") {
            return (Cow::Owned(as_text(written)), call.end);
        }
        if let Some(replacement) = replace(call).or_else(|| theme::lone(name, arg)) {
            return (Cow::Owned(replacement), call.end);
        }
        if name == "highlight" {
            if let Some((code, end)) = highlight(call, &self.whole[..to]) {
                return (Cow::Owned(code), end);
            }
        }
        let closing = match call.closed {
            true => None,
            false => self.closing(name, call.end, to),
        };
        match (closing, theme::paired(name)) {
            (Some(close), _) if callouts::handles(name) => (Cow::Owned(self.with_body(call, close, to)), close.1),
            (Some((inner_end, end)), Some(themed)) => (Cow::Owned(self.theme(call, themed, inner_end, end, to)), end),
            (None, Some(themed)) if call.closed => {
                (Cow::Owned(self.theme(call, themed, call.end, call.end, to)), call.end)
            }
            (Some((inner_end, end)), _) => {
                self.unrun(call, 3, Some(inner_end..end));
                (self.expand(call.end, inner_end), end)
            }
            (None, _) => {
                self.unrun(call, 3, None);
                (Cow::Owned(theme::link(arg).unwrap_or_default()), call.end)
            }
        }
    }

    /// Where the closing tag of `name` in `whole[from..to]` starts and ends.
    fn closing(&mut self, name: &'a str, from: usize, to: usize) -> Option<(usize, usize)> {
        let known = |(n, span): &(&str, Range<usize>)| *n == name && span.start <= from && to <= span.end;
        if self.unclosed.iter().any(known) {
            return None;
        }
        match hugo_closing(&self.whole[from..to], name) {
            Ok((at, len)) => Some((from + at, from + at + len)),
            Err(any) => {
                if !any {
                    self.unclosed.push((name, from..to));
                }
                None
            }
        }
    }

    /// Zola's `{% name() %}…{% end %}`: a callout, else its body; without
    /// its `{% end %}`, nothing (or a link).
    fn block(&mut self, call: &Call<'a>, to: usize) -> (Cow<'a, str>, usize) {
        if self.in_code(call.start) {
            return (Cow::Borrowed(&self.whole[call.start..call.end]), call.end);
        }
        let closing = zola_end(&self.whole[call.end..to]).map(|(at, len)| (call.end + at, call.end + at + len));
        match closing {
            Some(close) if callouts::handles(call.name) => (Cow::Owned(self.with_body(call, close, to)), close.1),
            Some((inner_end, end)) => {
                self.unrun(call, 2, Some(inner_end..end));
                (self.expand(call.end, inner_end), end)
            }
            None => {
                self.unrun(call, 2, None);
                let link = theme::link(|key: &str, position: usize| call.arg(key, position));
                (Cow::Owned(link.unwrap_or_default()), call.end)
            }
        }
    }

    /// A shortcode with a body (`callouts.rs`), its inner text ending at
    /// `inner_end` and its closing tag at `end`: the replacement.
    fn with_body(&mut self, call: &Call<'a>, (inner_end, end): (usize, usize), to: usize) -> String {
        let after = &self.whole[end..to];
        let blank_after = after.is_empty()
            || after
                .strip_prefix('\n')
                .is_some_and(|r| r.split('\n').next().unwrap_or("").trim().is_empty());
        match call.name {
            "comment" => callouts::comment(&self.whole[call.start..end]),
            "details" => {
                let fold = callouts::details(call.arg("summary", 0), &self.expand(call.end, inner_end));
                self.place(call.start, end, to, fold, Shape::Block)
            }
            name => {
                let kind = callouts::kind(name, |key, position| call.arg(key, position));
                callouts::alert(
                    kind,
                    call.arg("title", 1),
                    &self.expand(call.end, inner_end),
                    blank_after,
                )
            }
        }
    }

    /// A theme's paired shortcode (`theme_shortcodes.rs`), its inner text
    /// ending at `inner_end` and its closing tag at `end`: the replacement.
    fn theme(&mut self, call: &Call<'a>, name: &str, inner_end: usize, end: usize, to: usize) -> String {
        let arg = |key: &str, position: usize| call.arg(key, position);
        let code = name == "mermaid" || (name == "tab" && theme::code_tab(self.pane.as_ref(), arg));
        let inner = if code {
            Cow::Borrowed(&self.whole[call.end..inner_end])
        } else {
            // A tabpane's settings hold for its own tabs, not for those deeper in.
            let pane = (name == "tabpane").then(|| theme::pane(arg));
            let outer = std::mem::replace(&mut self.pane, pane);
            let inner = self.expand(call.end, inner_end);
            self.pane = outer;
            inner
        };
        let (replacement, shape) = theme::render(name, arg, &inner, self.pane.as_ref());
        self.place(call.start, end, to, replacement, shape)
    }

    /// A replacement put where the shortcode was, `whole[start..end]`: a
    /// block on lines of its own, each indented as its first (in a list
    /// item), a blank line after it when more text follows (in `..to`).
    fn place(&self, start: usize, end: usize, to: usize, text: String, shape: Shape) -> String {
        if shape == Shape::Inline {
            return text;
        }
        let line_start = self.whole[..start].rfind('\n').map_or(0, |i| i + 1);
        let before = &self.whole[line_start..start];
        let mut out = String::with_capacity(text.len() + 4);
        let indent = if before.trim().is_empty() {
            before
        } else {
            out.push_str(if shape == Shape::Fence { "\n" } else { "\n\n" });
            ""
        };
        if indent.is_empty() {
            out.push_str(&text);
        } else {
            out.push_str(&text.replace('\n', &format!("\n{indent}")));
        }
        let mut after = self.whole[end..to].split('\n');
        let rest_of_line = after.next().unwrap_or("");
        if !rest_of_line.trim().is_empty() {
            out.push_str(if shape == Shape::Fence { "\n" } else { "\n\n" });
        } else if shape == Shape::Block && after.next().is_some_and(|line| !line.trim().is_empty()) {
            out.push('\n');
        }
        out
    }
}

/// Where `text` has code spans and fenced code blocks, in order: what
/// shortcodes there are shown as written.
fn code_spans(text: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
    if !text.contains(['`', '~']) {
        return Vec::new();
    }
    Parser::new(text)
        .into_offset_iter()
        .filter_map(|(event, span)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => Some(span),
            _ => None,
        })
        .collect()
}

/// The first call or escape in `text`.
fn next(text: &str) -> Option<Found<'_>> {
    let mut from = 0;
    while let Some(start) = text[from..].find('{').map(|i| from + i) {
        let found = escape(text, start)
            .or_else(|| hugo_call(text, start))
            .or_else(|| zola_call(text, start));
        if found.is_some() {
            return found;
        }
        from = start + 1;
    }
    None
}

/// `{{</* x */>}}` → `{{< x >}}`, `{{/* x() */}}` → `{{ x() }}`, and the `%` forms.
fn escape(text: &str, start: usize) -> Option<Found<'_>> {
    const ESCAPES: [(&str, &str, &str, &str); 5] = [
        // Tera's (Zola's) raw block: its text as it is, shortcodes not run.
        ("{% raw %}", "{% endraw %}", "", ""),
        ("{{</*", "*/>}}", "{{<", ">}}"),
        ("{{%/*", "*/%}}", "{{%", "%}}"),
        ("{{/*", "*/}}", "{{", "}}"),
        ("{%/*", "*/%}", "{%", "%}"),
    ];
    let rest = &text[start..];
    ESCAPES.iter().find_map(|(open, close, shown_open, shown_close)| {
        let inner = rest.strip_prefix(open)?;
        let len = inner.find(close)?;
        Some(Found::Literal {
            start,
            end: start + open.len() + len + close.len(),
            text: format!("{shown_open}{}{shown_close}", &inner[..len]),
        })
    })
}

/// Hugo's `{{< name args >}}` or `{{% name args %}}`.
fn hugo_call(text: &str, start: usize) -> Option<Found<'_>> {
    let close = match text[start..].get(..3)? {
        "{{<" => ">}}",
        "{{%" => "%}}",
        _ => return None,
    };
    let inner_start = start + 3;
    let end = text[inner_start..].find(close)? + inner_start;
    let inner = text[inner_start..end].trim();
    // `{{< tab header="x" />}}`: closed where it opens (not `url=/a/`, a value's end).
    let closed = inner.strip_suffix('/').filter(|rest| {
        !rest.starts_with('/')
            && (rest.is_empty() || rest.ends_with(|c: char| c.is_whitespace() || c == '"' || c == '\''))
    });
    let inner = closed.map_or(inner, str::trim_end);
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    Some(Found::Call(Call {
        start,
        end: end + 3,
        name,
        args: arguments(args),
        hugo: true,
        closed: closed.is_some(),
    }))
}

/// Zola's `{{ name(key="value", n=1) }}`, or the opening of `{% name(…) %}…{% end %}`.
fn zola_call(text: &str, start: usize) -> Option<Found<'_>> {
    let rest = &text[start..];
    let (block, after) = match rest.get(..2)? {
        "{{" => (false, &rest[2..]),
        "{%" => (true, &rest[2..]),
        _ => return None,
    };
    let trimmed = after.trim_start();
    let name_len = trimmed.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    let name = &trimmed[..name_len];
    let args_text = trimmed[name_len..].strip_prefix('(')?;
    let args_len = closing_paren(args_text)?;
    let tail = args_text[args_len + 1..].trim_start();
    let close = if block { "%}" } else { "}}" };
    if name.is_empty() || name == "end" || !tail.starts_with(close) {
        return None;
    }
    let end = text.len() - tail.len() + close.len();
    if block {
        return Some(Found::Block {
            start,
            end,
            name,
            args: zola_arguments(&args_text[..args_len]),
        });
    }
    Some(Found::Call(Call {
        start,
        end,
        name,
        args: zola_arguments(&args_text[..args_len]),
        hugo: false,
        closed: false,
    }))
}

/// Where the `)` that closes a Zola call is, quotes skipped.
fn closing_paren(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, ')') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `id="x", width=80` → `[(Some("id"), "x"), (Some("width"), "80")]`.
fn zola_arguments(text: &str) -> Vec<(Option<&str>, &str)> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while let Some((key, after)) = rest.split_once('=') {
        let value_start = after.trim_start();
        let (value, after) = match value_start.chars().next() {
            Some(q @ ('"' | '\'' | '`')) => {
                let end = value_start[1..].find(q).map_or(value_start.len(), |i| i + 1);
                (&value_start[1..end], value_start.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = value_start.find([',', ' ']).unwrap_or(value_start.len());
                (&value_start[..end], &value_start[end..])
            }
        };
        out.push((Some(key.trim()), value));
        rest = after.trim_start().trim_start_matches(',').trim_start();
    }
    out
}

/// `abc key="v w" other='x' plain` → `[(None, "abc"), (Some("key"), "v w"), …]`.
fn arguments(text: &str) -> Vec<(Option<&str>, &str)> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let (key, value_start) = match rest.find(['=', ' ', '"', '\'']) {
            Some(i) if rest[i..].starts_with('=') => (Some(&rest[..i]), &rest[i + 1..]),
            _ => (None, rest),
        };
        let (value, after) = match value_start.chars().next() {
            Some(q @ ('"' | '\'' | '`')) => {
                let end = value_start[1..].find(q).map_or(value_start.len(), |i| i + 1);
                (&value_start[1..end], value_start.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = value_start.find(char::is_whitespace).unwrap_or(value_start.len());
                (&value_start[..end], &value_start[end..])
            }
        };
        out.push((key, value));
        rest = after.trim_start();
    }
    out
}

fn replace(call: &Call) -> Option<String> {
    let link = |label: String, url: String| Some(format!("[{label}]({url})"));
    match call.name {
        "youtube" => {
            let id = call.arg("id", 0)?;
            let title = call.arg("title", 99).unwrap_or("YouTube");
            link(format!("▶ {title}"), format!("https://www.youtube.com/watch?v={id}"))
        }
        "vimeo" => {
            let id = call.arg("id", 0)?;
            let title = call.arg("title", 99).unwrap_or("Vimeo");
            link(format!("▶ {title}"), format!("https://vimeo.com/{id}"))
        }
        // Zola's `gist(url="https://gist.github.com/…")`.
        "gist" if call.arg("url", 99).is_some() => link("Gist".into(), call.arg("url", 99)?.into()),
        "gist" => {
            let (user, id) = (call.arg("user", 0)?, call.arg("id", 1)?);
            link(
                format!("Gist {user}/{id}"),
                format!("https://gist.github.com/{user}/{id}"),
            )
        }
        "x" | "tweet" => {
            let (user, id) = (call.arg("user", 0)?, call.arg("id", 1)?);
            link(format!("@{user} (X)"), format!("https://x.com/{user}/status/{id}"))
        }
        "figure" => {
            let src = call.arg("src", 0)?;
            // Hugo shows the title and the caption under the image.
            let (title, caption) = (call.arg("title", 99), call.arg("caption", 99));
            let alt = call.arg("alt", 99).or(caption).or(title).unwrap_or("");
            let shown: Vec<&str> = [title, caption].into_iter().flatten().collect();
            let shown = if shown.is_empty() {
                String::new()
            } else {
                format!(" *{}*", shown.join(" — "))
            };
            let src = if src.contains(' ') {
                format!("<{src}>")
            } else {
                src.to_string()
            };
            Some(format!("![{alt}]({src}){shown}"))
        }
        _ => None,
    }
}

/// The name a closing tag closes: `tab` for `/tab` and for `/ tab`.
fn closes<'a>(call: &Call<'a>) -> Option<&'a str> {
    match call.name.strip_prefix('/')?.trim() {
        "" => call.arg("", 0),
        name => Some(name),
    }
}

/// Where the closing tag of `name` starts after its opening (`{{< /alert >}}`,
/// `{{% /notice %}}`, spaces or none), and its length; the same shortcode
/// nested inside has its own. Else whether there is any closing tag of `name`.
fn hugo_closing(after: &str, name: &str) -> Result<(usize, usize), bool> {
    let mut any = false;
    let mut from = 0;
    let mut depth = 0;
    while let Some(at) = after[from..].find("{{").map(|i| from + i) {
        match hugo_call(after, at) {
            Some(Found::Call(call)) if closes(&call) == Some(name) => {
                if depth == 0 {
                    return Ok((at, call.end - at));
                }
                any = true;
                depth -= 1;
                from = call.end;
            }
            Some(Found::Call(call)) if call.name == name && !call.closed => {
                depth += 1;
                from = call.end;
            }
            _ => from = at + 2,
        }
    }
    Err(any)
}

/// Where Zola's `{% end %}` starts after a block's opening, and its length;
/// a block nested inside has its own.
fn zola_end(after: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut depth = 0;
    while let Some(at) = after[from..].find("{%").map(|i| from + i) {
        let inner = &after[at + 2..];
        if let Some(len) = inner.find("%}").filter(|&len| inner[..len].trim() == "end") {
            if depth == 0 {
                return Some((at, len + 4));
            }
            depth -= 1;
        } else if let Some(Found::Block { .. }) = zola_call(after, at) {
            depth += 1;
        }
        from = at + 2;
    }
    None
}

/// `{{< highlight go >}}code{{< /highlight >}}` → a fenced block, where it
/// is (no line added); returns it and where its closing tag ends in `text`.
fn highlight(call: &Call, text: &str) -> Option<(String, usize)> {
    let closing = ["{{< /highlight >}}", "{{% /highlight %}}", "{{</highlight>}}"];
    let after = &text[call.end..];
    let (at, len) = closing
        .iter()
        .filter_map(|c| after.find(c).map(|i| (i, c.len())))
        .min()?;
    let lang = call.arg("lang", 0).unwrap_or("");
    let code = after[..at].trim_start_matches([' ', '\t']).trim_start_matches('\n');
    let code = code.trim_end_matches([' ', '\t']).trim_end_matches('\n');
    Some((format!("```{lang}\n{code}\n```"), call.end + at + len))
}

/// One warning per shortcode name a page does not run, at its first use,
/// keyed by the name; read from its Markdown (`body`) as it is rendered.
pub fn unrun(doc: &Doc, body: &str) -> Vec<(String, Diagnostic)> {
    let calls = crate::compiler::readers::hugo::shortcodes::unhandled(body);
    let mut names: Vec<&str> = calls.iter().map(|(_, _, name)| *name).collect();
    names.sort_unstable();
    names.dedup();
    let known = crate::compiler::readers::hugo::shortcodes::HANDLED.join(", ");
    names
        .into_iter()
        .filter_map(|name| {
            let (at, len, _) = calls.iter().find(|(_, _, n)| *n == name)?;
            let count = calls.iter().filter(|(_, _, n)| *n == name).count();
            let start = doc.body_offset + at;
            let label = match count {
                1 => "Vitrine does not know this Hugo or Zola shortcode".to_string(),
                n => format!("Vitrine does not know this Hugo or Zola shortcode ({n} uses in this page)"),
            };
            Some((
                name.to_string(),
                Diagnostic::warning(
                    doc.file.id,
                    start..start + len,
                    format!("shortcode `{name}` not run"),
                )
                .label(label)
                .hint(format!(
                    "Vitrine reads {known} and the common themes' own (Blowfish, Congo, PaperMod, Docsy, Stack); another keeps its inner text, or becomes a link to its `url`, or nothing: write what it showed in Markdown"
                )),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{expand, unhandled, without_unhandled};

    #[test]
    fn theme_callouts_details_and_comments_become_boxes_folds_and_nothing() {
        let body = "{{% alert title=\"Attention\" color=\"warning\" %}}\nNe **pas** toucher.\n{{% /alert %}}\n\nSuite.";
        assert_eq!(
            expand(body),
            "> [!WARNING]\n> **Attention**\n> Ne **pas** toucher.\n\nSuite."
        );
        assert_eq!(
            expand("{{< hint info >}}\nUn indice.\n{{< /hint >}}\n"),
            "> [!NOTE]\n> Un indice.\n> \n"
        );
        assert_eq!(
            expand("{% admonition(type=\"danger\") %}\nNon.\n{% end %}"),
            "> [!CAUTION]\n> Non.\n> "
        );
        assert_eq!(
            expand("{{< details summary=\"Solution\" >}}\nLa *voici*.\n{{< /details >}}"),
            "<details><summary>Solution</summary>\n\nLa *voici*.\n\n</details>"
        );
        assert_eq!(expand("A\n{{< comment >}}\nprivé\n{{< /comment >}}\nB"), "A\n\n\n\nB");
        // Without its closing tag, a callout is left out, and said.
        assert_eq!(expand("{{< alert >}}\nSeul."), "\nSeul.");
        assert_eq!(unhandled("{{< alert >}}\nSeul.").len(), 1);
        assert!(unhandled("{{< alert >}}x{{< /alert >}} {% note() %}y{% end %}").is_empty());
    }

    #[test]
    fn videos_posts_and_gists_become_links() {
        assert_eq!(
            expand("Voir {{< youtube dQw4w9WgXcQ >}} ici."),
            "Voir [▶ YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ) ici."
        );
        assert_eq!(
            expand(r#"{{< youtube id="abc" title="Démo" >}}"#),
            "[▶ Démo](https://www.youtube.com/watch?v=abc)"
        );
        assert_eq!(expand("{{< vimeo 123 >}}"), "[▶ Vimeo](https://vimeo.com/123)");
        assert_eq!(
            expand("{{< gist spf13 7896402 >}}"),
            "[Gist spf13/7896402](https://gist.github.com/spf13/7896402)"
        );
        assert_eq!(
            expand(r#"{{< x user="SanDiegoZoo" id="1453110110599868418" >}}"#),
            "[@SanDiegoZoo (X)](https://x.com/SanDiegoZoo/status/1453110110599868418)"
        );
    }

    #[test]
    fn figures_highlights_and_zola_escapes() {
        assert_eq!(
            expand(r#"{{< figure src="/img/a.png" alt="Un schéma" caption="Figure 1" >}}"#),
            "![Un schéma](/img/a.png) *Figure 1*"
        );
        assert_eq!(
            expand("{{< highlight rust >}}\nfn main() {}\n{{< /highlight >}}\nSuite"),
            "```rust\nfn main() {}\n```\nSuite"
        );
        assert_eq!(expand("{{/* youtube(id=\"x\") */}}"), "{{ youtube(id=\"x\") }}");
        assert_eq!(expand("{%/* note() */%}"), "{% note() %}");
        // Unknown ones (and known ones that say too little) give way to
        // nothing (and are warned about elsewhere).
        assert_eq!(expand("{{< instagram x >}}"), "");
        assert_eq!(expand("{{< youtube >}} {{ not a call"), " {{ not a call");
        assert_eq!(expand("{{</* youtube x */>}}"), "{{< youtube x >}}");
        assert_eq!(
            expand("{{<button href=\"/x\">}}Go{{</button>}}"),
            "<a class=\"button\" href=\"/x\">Go</a>"
        );
    }

    #[test]
    fn zola_calls_expand_and_their_escapes_print_as_written() {
        assert_eq!(
            expand(r#"Voir {{ youtube(id="ym3y13nA3ew", width=80) }}."#),
            "Voir [▶ YouTube](https://www.youtube.com/watch?v=ym3y13nA3ew)."
        );
        assert_eq!(
            expand(r#"{{ gist(url="https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57", class="g") }}"#),
            "[Gist](https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57)"
        );
        assert_eq!(expand(r#"{{/* youtube(id="x") */}}"#), r#"{{ youtube(id="x") }}"#);
        // A call over two lines, and a raw block whose calls are shown, not run.
        assert_eq!(
            expand("{{ youtube(id=\"a\",\n  class=\"v\") }}"),
            "[▶ YouTube](https://www.youtube.com/watch?v=a)"
        );
        assert_eq!(
            expand("```\n{% raw %}{{ youtube(id=\"a\") }}{% endraw %}\n```"),
            "```\n{{ youtube(id=\"a\") }}\n```"
        );
        assert_eq!(
            expand("{{ page.title }} {{ x(a=\"(\") }}"),
            "{{ page.title }} {{ x(a=\"(\") }}"
        );
    }

    #[test]
    fn every_shortcode_left_as_written_is_found_and_kept_out_of_summaries() {
        let body = "A {{< tabs >}}x{{< /tabs >}} B {{% notice tip %}} C {{ note(a=1) }}\n{% quote(by=\"K\") %}q{% end %} {{< youtube abc >}} {{/* z() */}}";
        let names: Vec<&str> = unhandled(body).iter().map(|(_, _, n)| *n).collect();
        assert_eq!(names, ["tabs", "notice", "note", "quote"]);
        assert_eq!(
            without_unhandled("Intro {{< inTextImg url=\"a.png\" >}} et {{ note() }} fin"),
            "Intro  et  fin"
        );
    }
}
