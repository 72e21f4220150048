//! Video players pasted as raw HTML (`<iframe src="https://www.youtube.com/embed/ID">`)
//! become links to the video, as the `youtube` and `vimeo` shortcodes do: the
//! page loads nothing from another site before the reader's click.

use std::borrow::Cow;

/// `raw` with each YouTube or Vimeo `<iframe>` replaced by a link (its closing tag dropped).
pub fn as_links(raw: &str) -> Cow<'_, str> {
    if !raw.contains("<iframe") && !raw.contains("<IFRAME") {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find("<iframe").or_else(|| rest.find("<IFRAME")) {
        let Some(len) = rest[at..].find('>') else { break };
        let tag = &rest[at..at + len + 1];
        out.push_str(&rest[..at]);
        match video_link(tag) {
            Some(link) => {
                out.push_str(&link);
                rest = &rest[at + len + 1..];
                let closing = rest.trim_start();
                if closing.len() >= 9 && closing[..9].eq_ignore_ascii_case("</iframe>") {
                    rest = &closing[9..];
                }
            }
            None => {
                out.push_str(tag);
                rest = &rest[at + len + 1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The link for one `<iframe …>` tag of a known player.
fn video_link(tag: &str) -> Option<String> {
    let src = attribute(tag, "src")?;
    let after = |marker: &str| {
        let at = src.find(marker)? + marker.len();
        let id: String = src[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        (!id.is_empty()).then_some(id)
    };
    let (url, default_title) =
        if let Some(id) = after("youtube.com/embed/").or_else(|| after("youtube-nocookie.com/embed/")) {
            (format!("https://www.youtube.com/watch?v={id}"), "YouTube")
        } else {
            (
                format!("https://vimeo.com/{}", after("player.vimeo.com/video/")?),
                "Vimeo",
            )
        };
    let title = attribute(tag, "title")
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(default_title.into());
    Some(format!(
        r#"<a href="{url}">▶ {}</a>"#,
        crate::compiler::model::html::escape(&title)
    ))
}

/// The value of `name="…"` (or `'…'`) in a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower
        .match_indices(&format!("{name}="))
        .find(|(i, _)| lower[..*i].ends_with(char::is_whitespace))?
        .0
        + name.len()
        + 1;
    let quote = tag[at..].chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let end = tag[at + 1..].find(quote)?;
    Some(tag[at + 1..at + 1 + end].to_string())
}

#[cfg(test)]
mod tests {
    use super::as_links;

    #[test]
    fn youtube_and_vimeo_players_become_links_and_others_stay() {
        let yt = r#"<iframe width="560" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=x" title="Ma démo" allowfullscreen></iframe>"#;
        assert_eq!(
            as_links(yt),
            r#"<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">▶ Ma démo</a>"#
        );
        let vimeo = "<p><iframe src='https://player.vimeo.com/video/123'></iframe></p>";
        assert_eq!(as_links(vimeo), r#"<p><a href="https://vimeo.com/123">▶ Vimeo</a></p>"#);
        let other = r#"<iframe src="https://maps.example/x"></iframe>"#;
        assert_eq!(as_links(other), other);
        assert_eq!(
            as_links("<iframe src=\"https://www.youtube.com/embed/"),
            "<iframe src=\"https://www.youtube.com/embed/"
        );
    }
}
