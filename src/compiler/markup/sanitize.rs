//! HTML sanitising with ammonia: whatever the Markdown holds, no script,
//! iframe, event handler, inline style or `javascript:` URL reaches the bundle.

use std::sync::OnceLock;

pub fn sanitize(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut b = ammonia::Builder::default();
            b.link_rel(None)
                .add_generic_attributes(["id", "class"])
                .add_tag_attributes("a", ["rel", "aria-label"])
                .add_tag_attributes("img", ["loading", "decoding", "fetchpriority", "srcset", "sizes"])
                .add_tags(["input"])
                // Scrolling code and tables: reached with the keyboard, named (markdown/access.rs).
                .add_tag_attributes("pre", ["tabindex", "role", "aria-label"])
                .add_tag_attributes("div", ["tabindex", "role", "aria-label"])
                .add_tag_attributes("input", ["type", "checked", "disabled", "aria-label"])
                .add_tag_attributes("td", ["style"])
                .add_tag_attributes("th", ["style"])
                .filter_style_properties(["text-align"].into_iter().collect())
                .attribute_filter(|_, attribute, value| {
                    // `srcset` URLs escape ammonia's scheme check: relative or http(s) only.
                    let bad = |candidate: &str| {
                        let url = candidate.split_whitespace().next().unwrap_or("");
                        url.contains(':') && !url.starts_with("https://") && !url.starts_with("http://")
                    };
                    // Nothing taken out of the reading order, no role but a region's.
                    let odd = (attribute == "tabindex" && value != "0") || (attribute == "role" && value != "region");
                    if odd || (attribute == "srcset" && value.split(',').any(bad)) {
                        None
                    } else {
                        Some(value.into())
                    }
                });
            b
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn dangerous_html_is_removed_and_formatting_kept() {
        let dirty = r#"<b><u>ok</u></b><script>alert(1)</script><iframe src="x"></iframe>
<a href="javascript:alert(1)" onclick="x()">a</a><p style="color:red" onmouseover="y()">p</p>
<img src="a.png" srcset="data:image/png;base64,AAAA 1x" alt="x"><img src="b.png" srcset="_img/b-480.webp 480w, https://cdn.example/b.webp 800w" alt="y">"#;
        let clean = sanitize(dirty);
        assert!(clean.contains("<b><u>ok</u></b>"), "{clean}");
        assert!(!clean.contains("data:image"), "{clean}");
        assert!(
            clean.contains("_img/b-480.webp 480w, https://cdn.example/b.webp 800w"),
            "{clean}"
        );
        for bad in [
            "<script",
            "<iframe",
            "javascript:",
            "onclick",
            "onmouseover",
            "color:red",
        ] {
            assert!(!clean.contains(bad), "{bad} survived in {clean}");
        }
    }
}
