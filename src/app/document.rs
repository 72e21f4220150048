//! The document around the app: tab title, meta description and language,
//! kept in step with the route once the app runs (the prerendered page has them already).

use crate::data::RouteData;

/// Sets the tab title (`Page — Site`), the meta description and `<html lang>`.
pub fn set_meta(data: &RouteData) {
    #[cfg(target_arch = "wasm32")]
    {
        let doc = leptos::prelude::document();
        let title = data.document_title();
        if doc.title() != title {
            doc.set_title(&title);
        }
        if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &data.meta().description);
        }
        if let Some(html) = doc.document_element() {
            if html.get_attribute("lang").as_deref() != Some(data.site.lang.as_str()) {
                let _ = html.set_attribute("lang", &data.site.lang);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = data;
}

/// Sets the tab title and description for the error view.
pub fn set_error_title(title: &str, message: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let doc = leptos::prelude::document();
        doc.set_title(title);
        if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", message);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (title, message);
}
