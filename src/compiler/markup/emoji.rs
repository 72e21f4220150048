//! Emoji shortcodes (`:rocket:` → 🚀) in a page's text, as Hugo (`enableEmoji`)
//! and Zola (`[markdown] render_emoji`) write them when the site asks.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// Each text event outside code blocks with its shortcodes replaced.
pub fn replace(events: &mut [(Event, Range<usize>)]) {
    let mut in_code = false;
    for (event, _) in events.iter_mut() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) if !in_code && text.contains(':') => {
                if let Some(replaced) = replaced(text) {
                    *event = Event::Text(CowStr::from(replaced));
                }
            }
            _ => {}
        }
    }
}

/// The text with each known `:name:` replaced by its emoji; `None` when there is none.
fn replaced(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut found = false;
    while let Some(open) = rest.find(':') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(':') else { break };
        let name = &after[..close];
        match emojis::get_by_shortcode(name).filter(|_| !name.is_empty() && !name.contains(' ')) {
            Some(emoji) => {
                out.push_str(&rest[..open]);
                out.push_str(emoji.as_str());
                rest = &after[close + 1..];
                found = true;
            }
            None => {
                // The closing colon may open the next shortcode (`10:30 :tada:`).
                out.push_str(&rest[..open + 1 + close]);
                rest = &after[close..];
            }
        }
    }
    out.push_str(rest);
    found.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::replaced;

    #[test]
    fn known_shortcodes_become_emoji_and_the_rest_is_kept() {
        assert_eq!(replaced("Lancé :rocket: !").as_deref(), Some("Lancé 🚀 !"));
        assert_eq!(replaced("À 10:30 :tada:").as_deref(), Some("À 10:30 🎉"));
        assert_eq!(replaced("10:30:45 a:qqq:b"), None);
        assert_eq!(replaced(":not_an_emoji_name:"), None);
        assert_eq!(replaced(":rocket::fire:").as_deref(), Some("🚀🔥"));
    }
}
