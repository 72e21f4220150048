//! Fetching the bundle, once, with a clear error when it cannot be used.

use crate::bundle::{Bundle, BUNDLE_FILE, BUNDLE_VERSION};
use crate::search::{SearchIndex, SEARCH_FILE};
use gloo_net::http::Request;
use std::sync::Arc;

pub type BundleResult = Result<Arc<Bundle>, String>;

/// A file's hashed name, written in the page by `vitrine prerender`
/// (`<meta name="vitrine-bundle">`), or its plain name before that.
fn file_name(meta: &str, default: &str) -> String {
    leptos::prelude::document()
        .query_selector(&format!("meta[name={meta}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| default.to_string())
}

/// The search index, fetched the first time a visitor searches.
pub async fn fetch_search_index() -> Result<Arc<SearchIndex>, String> {
    let file = file_name("vitrine-search", SEARCH_FILE);
    let response = Request::get(&file)
        .send()
        .await
        .map_err(|e| format!("Recherche indisponible ({e})."))?;
    if !response.ok() {
        return Err(format!("Recherche indisponible ({}).", response.status()));
    }
    response
        .json::<SearchIndex>()
        .await
        .map(|index| Arc::new(index.from_gaps()))
        .map_err(|_| "Recherche indisponible.".to_string())
}

/// Fetches the bundle; `fresh` skips the HTTP cache (a retry after a failure).
pub async fn fetch_bundle(fresh: bool) -> BundleResult {
    let file = file_name("vitrine-bundle", BUNDLE_FILE);
    let cache = if fresh {
        web_sys::RequestCache::Reload
    } else {
        web_sys::RequestCache::Default
    };
    let response = Request::get(&file)
        .cache(cache)
        .send()
        .await
        .map_err(|e| format!("Le serveur est injoignable ({e})."))?;
    if !response.ok() {
        return Err(format!(
            "Le serveur a répondu {} pour {BUNDLE_FILE}.",
            response.status()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("La réponse n'a pas pu être lue ({e})."))?;
    let bundle: Bundle =
        serde_json::from_str(&text).map_err(|e| match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(v) if v.get("version").and_then(|v| v.as_u64()) != Some(u64::from(BUNDLE_VERSION)) => format!(
                "Le contenu a été produit par une autre version de Vitrine (version {}, attendue {BUNDLE_VERSION}).",
                v.get("version").map_or("inconnue".to_string(), |v| v.to_string())
            ),
            Ok(_) => format!("Le contenu est incomplet ({e})."),
            Err(_) => format!("{file} n'est pas un fichier JSON valide."),
        })?;
    if bundle.version != BUNDLE_VERSION {
        return Err(format!(
            "Le contenu a été produit par une autre version de Vitrine (version {}, attendue {BUNDLE_VERSION}).",
            bundle.version
        ));
    }
    Ok(Arc::new(bundle))
}
