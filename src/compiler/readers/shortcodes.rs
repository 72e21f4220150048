//! Hugo's common shortcodes as Markdown, before the body is parsed: videos and
//! posts as links (no third-party request, nothing to allow in the CSP),
//! `figure` as an image with its caption, `highlight` as a fenced code block;
//! Zola's escapes (`{{/* x() */}}`) as the literal text they stand for. Lines
//! are kept where they were, so diagnostics still point at the right line.
//! Shortcodes with a body (callouts, `details`, `comment`): `callouts.rs`.

use crate::compiler::model::diagnostics::Diagnostic;
use crate::compiler::model::document::Doc;
use crate::compiler::readers::callouts;
use std::borrow::Cow;

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

/// One `{{< name args >}}` (or `{{% … %}}`): where it is and what it says.
struct Call<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    args: Vec<(Option<&'a str>, &'a str)>,
}

impl Call<'_> {
    /// The argument named `key`, or else the positional one at `position`.
    fn arg(&self, key: &str, position: usize) -> Option<&str> {
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
    /// Zola's `{% name() %}…{% end %}` (a body shortcode): only callouts
    /// are expanded (`callouts.rs`); `end` is where its opening ends.
    Block {
        start: usize,
        end: usize,
        name: &'a str,
        args: Vec<(Option<&'a str>, &'a str)>,
    },
}

/// The body with every handled shortcode replaced.
pub fn expand(body: &str) -> Cow<'_, str> {
    if next(body).is_none() {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(found) = next(rest) {
        let (start, replacement, consumed) = match found {
            Found::Call(call) => {
                let (replacement, consumed) = match call.name {
                    "highlight" => highlight(&call, rest),
                    name if callouts::handles(name) => match hugo_closing(&rest[call.end..], name) {
                        Some(close) => with_body(&call, rest, close),
                        None => (as_text(&rest[call.start..call.end]), call.end),
                    },
                    _ => (
                        replace(&call).unwrap_or_else(|| as_text(&rest[call.start..call.end])),
                        call.end,
                    ),
                };
                (call.start, replacement, consumed)
            }
            Found::Literal { start, end, text } => (start, text, end),
            Found::Block { start, end, name, args } => {
                let call = Call { start, end, name, args };
                match zola_end(&rest[end..]).filter(|_| callouts::handles(name)) {
                    Some(close) => {
                        let (replacement, consumed) = with_body(&call, rest, close);
                        (start, replacement, consumed)
                    }
                    None => (start, rest[start..end].to_string(), end),
                }
            }
        };
        out.push_str(&rest[..start]);
        out.push_str(&replacement);
        rest = &rest[consumed..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A shortcode left as written, as text: `{{<button …>}}` (no space) would
/// otherwise read as an HTML `<button>` tag, which the sanitiser drops.
fn as_text(written: &str) -> String {
    match written.strip_prefix("{{<") {
        Some(rest) if rest.starts_with(|c: char| c.is_alphanumeric() || c == '/') => format!("{{{{&lt;{rest}"),
        _ => written.to_string(),
    }
}

/// Every shortcode in a body that [`expand`] leaves as written: its offset,
/// the length of its opening, and its name (closing tags left out).
pub fn unhandled(body: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = next(&body[from..]) {
        let (start, end, name, open) = match found {
            Found::Call(call) => {
                let handled = match call.name {
                    "highlight" => true,
                    name if name.eq_ignore_ascii_case("ref") || name.eq_ignore_ascii_case("relref") => true,
                    name if callouts::handles(name) => hugo_closing(&body[from + call.end..], name).is_some(),
                    _ => replace(&call).is_some(),
                };
                let open = if body[from + call.start..].starts_with("{{ ") {
                    2
                } else {
                    3
                };
                let name = if handled || call.name.starts_with('/') {
                    ""
                } else {
                    call.name
                };
                (call.start, call.end, name, open)
            }
            Found::Literal { start, end, .. } => (start, end, "", 0),
            Found::Block { start, end, name, .. } => {
                let handled = callouts::handles(name) && zola_end(&body[from + end..]).is_some();
                (start, end, if handled { "" } else { name }, 2)
            }
        };
        if !name.is_empty() {
            out.push((from + start, open.min(end - start), name));
        }
        from += end;
    }
    out
}

/// The text with the shortcodes [`expand`] left as written taken out (for summaries).
pub fn without_unhandled(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, _, _) in unhandled(text) {
        if start < at {
            continue;
        }
        out.push_str(&text[at..start]);
        at = next(&text[start..]).map_or(text.len(), |found| {
            start
                + match found {
                    Found::Call(call) => call.end,
                    Found::Literal { end, .. } | Found::Block { end, .. } => end,
                }
        });
    }
    out.push_str(&text[at..]);
    out
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
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    Some(Found::Call(Call {
        start,
        end: end + 3,
        name,
        args: arguments(args),
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

/// Where the closing tag of `name` starts after its opening (`{{< /alert >}}`,
/// `{{% /notice %}}`, spaces or none), and its length.
fn hugo_closing(after: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = after[from..].find("{{").map(|i| from + i) {
        if let Some(Found::Call(call)) = hugo_call(after, at) {
            if call.name.strip_prefix('/').map(str::trim) == Some(name) {
                return Some((at, call.end - at));
            }
        }
        from = at + 2;
    }
    None
}

/// Where Zola's `{% end %}` starts after a block's opening, and its length.
fn zola_end(after: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = after[from..].find("{%").map(|i| from + i) {
        let inner = &after[at + 2..];
        if let Some(len) = inner.find("%}").filter(|&len| inner[..len].trim() == "end") {
            return Some((at, len + 4));
        }
        from = at + 2;
    }
    None
}

/// A shortcode with a body (`callouts.rs`), its closing tag at `close` after
/// its opening: the replacement and where the closing tag ends.
fn with_body(call: &Call, text: &str, (at, len): (usize, usize)) -> (String, usize) {
    let body = &text[call.end..call.end + at];
    let end = call.end + at + len;
    let after = &text[end..];
    let blank_after = after.is_empty()
        || after
            .strip_prefix('\n')
            .is_some_and(|r| r.split('\n').next().unwrap_or("").trim().is_empty());
    let replacement = match call.name {
        "comment" => callouts::comment(&text[call.start..end]),
        "details" => callouts::details(call.arg("summary", 0), &expand(body)),
        name => {
            let kind = callouts::kind(name, |key, position| call.arg(key, position));
            callouts::alert(kind, call.arg("title", 1), &expand(body), blank_after)
        }
    };
    (replacement, end)
}

/// `{{< highlight go >}}code{{< /highlight >}}` → a fenced block; returns it and where the call ends.
fn highlight(call: &Call, text: &str) -> (String, usize) {
    let closing = ["{{< /highlight >}}", "{{% /highlight %}}", "{{</highlight>}}"];
    let after = &text[call.end..];
    let Some((at, len)) = closing.iter().filter_map(|c| after.find(c).map(|i| (i, c.len()))).min() else {
        return (text[call.start..call.end].to_string(), call.end);
    };
    let lang = call.arg("lang", 0).unwrap_or("");
    let code = after[..at].trim_start_matches([' ', '\t']).trim_start_matches('\n');
    let code = code.trim_end_matches([' ', '\t']).trim_end_matches('\n');
    (format!("```{lang}\n{code}\n```"), call.end + at + len)
}

/// One warning per shortcode name a page leaves as written, at its first use,
/// keyed by the name; read from its Markdown (`body`) as it is rendered.
pub fn unrun(doc: &Doc, body: &str) -> Vec<(String, Diagnostic)> {
    let calls = crate::compiler::readers::shortcodes::unhandled(body);
    let mut names: Vec<&str> = calls.iter().map(|(_, _, name)| *name).collect();
    names.sort_unstable();
    names.dedup();
    let known = crate::compiler::readers::shortcodes::HANDLED.join(", ");
    names
        .into_iter()
        .filter_map(|name| {
            let (at, len, _) = calls.iter().find(|(_, _, n)| *n == name)?;
            let count = calls.iter().filter(|(_, _, n)| *n == name).count();
            let start = doc.body_offset + at;
            let label = match count {
                1 => "Vitrine does not run this Hugo or Zola shortcode".to_string(),
                n => format!("Vitrine does not run this Hugo or Zola shortcode ({n} uses in this page)"),
            };
            Some((
                name.to_string(),
                Diagnostic::warning(
                    doc.file.id,
                    start..start + len,
                    format!("shortcode `{name}` shown as written"),
                )
                .label(label)
                .hint(format!(
                    "Vitrine reads {known}; replace the others with Markdown (a link, an image)"
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
        // Without its closing tag, a callout is left as written, and said.
        assert_eq!(expand("{{< alert >}}\nSeul."), "{{< alert >}}\nSeul.");
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
        // Unknown ones stay as written (and are warned about elsewhere).
        assert_eq!(expand("{{< instagram x >}}"), "{{< instagram x >}}");
        assert_eq!(expand("{{< youtube >}} {{ not a call"), "{{< youtube >}} {{ not a call");
        assert_eq!(expand("{{</* youtube x */>}}"), "{{< youtube x >}}");
        assert_eq!(
            expand("{{<button href=\"/x\">}}Go{{</button>}}"),
            "{{&lt;button href=\"/x\">}}Go{{&lt;/button>}}"
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
