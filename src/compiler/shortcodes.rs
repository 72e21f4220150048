//! Hugo's common shortcodes as Markdown, before the body is parsed: videos and
//! posts as links (no third-party request, nothing to allow in the CSP),
//! `figure` as an image with its caption, `highlight` as a fenced code block;
//! Zola's escapes (`{{/* x() */}}`) as the literal text they stand for. Lines
//! are kept where they were, so diagnostics still point at the right line.

/// Shortcode names turned into Markdown here (`ref`/`relref` are links, in markdown.rs).
const HANDLED: [&str; 9] = [
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

/// The body with every handled shortcode replaced.
pub fn expand(body: &str) -> String {
    let body = zola_escapes(body);
    let mut out = String::with_capacity(body.len());
    let mut rest = body.as_str();
    while let Some(call) = next_call(rest) {
        out.push_str(&rest[..call.start]);
        let written = &rest[call.start..call.end];
        let (replacement, consumed) = match call.name {
            "highlight" => highlight(&call, rest),
            _ => (replace(&call).unwrap_or_else(|| written.to_string()), call.end),
        };
        out.push_str(&replacement);
        rest = &rest[consumed..];
    }
    out.push_str(rest);
    out
}

/// `{{/* name() */}}` → `{{ name() }}`, `{%/* name() */%}` → `{% name() %}`.
fn zola_escapes(body: &str) -> String {
    if !body.contains("/*") {
        return body.to_string();
    }
    body.replace("{{/*", "{{")
        .replace("*/}}", "}}")
        .replace("{%/*", "{%")
        .replace("*/%}", "%}")
}

fn next_call(text: &str) -> Option<Call<'_>> {
    let mut from = 0;
    while let Some(start) = text[from..].find("{{").map(|i| from + i) {
        let open = text[start + 2..].chars().next();
        let close = match open {
            Some('<') => ">}}",
            Some('%') => "%}}",
            _ => {
                from = start + 2;
                continue;
            }
        };
        let inner_start = start + 3;
        let end = text[inner_start..].find(close)? + inner_start;
        let inner = text[inner_start..end].trim();
        let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        return Some(Call {
            start,
            end: end + 3,
            name,
            args: arguments(args),
        });
    }
    None
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
            let title = call.arg("title", 99).unwrap_or("Vidéo YouTube");
            link(format!("▶ {title}"), format!("https://www.youtube.com/watch?v={id}"))
        }
        "vimeo" => {
            let id = call.arg("id", 0)?;
            let title = call.arg("title", 99).unwrap_or("Vidéo Vimeo");
            link(format!("▶ {title}"), format!("https://vimeo.com/{id}"))
        }
        "gist" => {
            let (user, id) = (call.arg("user", 0)?, call.arg("id", 1)?);
            link(
                format!("Gist {user}/{id}"),
                format!("https://gist.github.com/{user}/{id}"),
            )
        }
        "x" | "tweet" => {
            let (user, id) = (call.arg("user", 0)?, call.arg("id", 1)?);
            link(
                format!("Publication de @{user}"),
                format!("https://x.com/{user}/status/{id}"),
            )
        }
        "figure" => {
            let src = call.arg("src", 0)?;
            let alt = call.arg("alt", 99).or(call.arg("caption", 99)).unwrap_or("");
            let image = match call.arg("title", 99) {
                Some(title) => format!("![{alt}]({src} \"{}\")", title.replace('"', "'")),
                None => format!("![{alt}]({src})"),
            };
            let caption = call.arg("caption", 99).map(|c| format!(" *{c}*")).unwrap_or_default();
            Some(format!("{image}{caption}"))
        }
        _ => None,
    }
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

/// The first Hugo (`{{< x >}}`, `{{% x %}}`) or Zola (`{{ x(...) }}`, `{% x() %}`)
/// shortcode in a body that `expand` leaves as written: its offset and the length of its opening.
pub fn first_unhandled(body: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = body[from..].find('{').map(|i| from + i) {
        let rest = &body[i..];
        if rest.starts_with("{{<") || rest.starts_with("{{%") {
            // The common ones are turned into Markdown by `expand`.
            let name: String = rest[3..]
                .trim_start()
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !HANDLED.contains(&name.as_str()) {
                return Some((i, 3));
            }
        }
        for open in ["{{", "{%"] {
            if let Some(after) = rest.strip_prefix(open) {
                let name: String = after
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let next = after.trim_start()[name.len()..].chars().next();
                if !name.is_empty() && next == Some('(') {
                    return Some((i, 2));
                }
            }
        }
        from = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn videos_posts_and_gists_become_links() {
        assert_eq!(
            expand("Voir {{< youtube dQw4w9WgXcQ >}} ici."),
            "Voir [▶ Vidéo YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ) ici."
        );
        assert_eq!(
            expand(r#"{{< youtube id="abc" title="Démo" >}}"#),
            "[▶ Démo](https://www.youtube.com/watch?v=abc)"
        );
        assert_eq!(expand("{{< vimeo 123 >}}"), "[▶ Vidéo Vimeo](https://vimeo.com/123)");
        assert_eq!(
            expand("{{< gist spf13 7896402 >}}"),
            "[Gist spf13/7896402](https://gist.github.com/spf13/7896402)"
        );
        assert_eq!(
            expand(r#"{{< x user="SanDiegoZoo" id="1453110110599868418" >}}"#),
            "[Publication de @SanDiegoZoo](https://x.com/SanDiegoZoo/status/1453110110599868418)"
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
    }
}
