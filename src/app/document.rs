//! The document around the app: title, meta description, language, focus and scroll.

use leptos::prelude::*;

/// Sets the tab title (`Page — Site`) and the meta description.
pub fn set_meta(page_title: Option<&str>, site_title: &str, description: &str) {
    let doc = document();
    let title = match page_title {
        Some(t) if t != site_title => format!("{t} — {site_title}"),
        _ => site_title.to_string(),
    };
    doc.set_title(&title);
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

/// Sets `<html lang>` from the site settings.
pub fn set_lang(lang: &str) {
    if let Some(html) = document().document_element() {
        if html.get_attribute("lang").as_deref() != Some(lang) {
            let _ = html.set_attribute("lang", lang);
        }
    }
}
