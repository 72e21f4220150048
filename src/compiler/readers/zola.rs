//! Zola: the keys of its `config.toml` (or `zola.toml`) and of its themes'
//! `extra` table. Its shortcodes are read with Hugo's (`shortcodes.rs`).

use super::settings::{bool_at, first_text, menu_in, social_links, Language, Tool, ToolSettings};
use serde_json::Value;

/// Zola's reader: `[permalinks]`-like patterns are Hugo's; a page keeps no other address.
pub const TOOL: Tool = Tool {
    name: "Zola",
    old_addresses: |docs, settings, sources| {
        super::hugo::permalinks::add_aliases(docs, &settings.permalinks, false, sources)
    },
    body: |_, _| None,
    site_warnings: |_, _| Vec::new(),
};

/// Zola requires `base_url`; Hugo writes `baseURL`.
pub fn is_zola(value: &Value) -> bool {
    value.get("base_url").is_some() || value.get("compile_sass").is_some()
}

/// What Zola's keys say.
pub fn settings(value: &Value) -> ToolSettings {
    let base_url = first_text(value, &["base_url"]).map(|u| u.trim_end_matches('/').to_string());
    ToolSettings {
        title: first_text(value, &["title"]),
        author: first_text(value, &["author", "author.name", "extra.author", "extra.author.name"]),
        photo: first_text(
            value,
            &[
                "extra.author.avatar",
                "extra.author.image",
                "extra.avatar",
                "extra.profile_image",
                "extra.author_image",
            ],
        ),
        bio: first_text(value, &["extra.author.bio", "extra.bio"]),
        description: first_text(value, &["description"]),
        lang: first_text(value, &["default_language"]).map(|l| super::hugo::primary(&l)),
        base_path: base_url.as_deref().and_then(super::settings::url_path),
        base_url,
        menu: menu_in(value, &["extra.menu", "extra.main_menu", "extra.menu_items"]),
        emoji: bool_at(value, "markdown.render_emoji"),
        social: social_links(value, &["extra.socials", "extra.social"]),
        tool: if is_zola(value) { TOOL } else { Default::default() },
        languages: languages(value),
        ..ToolSettings::default()
    }
}

/// Zola's `[languages.<code>]`: the languages besides `default_language`, each
/// with its `title` and `description`.
fn languages(value: &Value) -> Vec<Language> {
    let own = first_text(value, &["default_language"]).map(|l| super::hugo::primary(&l));
    let Some(table) = value.get("languages").and_then(Value::as_object) else {
        return Vec::new();
    };
    table
        .iter()
        .filter(|(code, _)| Some(super::hugo::primary(code)) != own)
        .map(|(code, l)| Language {
            title: first_text(l, &["title"]),
            description: first_text(l, &["description"]),
            ..Language::new(code)
        })
        .collect()
}
