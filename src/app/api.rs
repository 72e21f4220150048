//! Fetching the bundle, once, with a clear error when it cannot be used.

use crate::bundle::{Bundle, BUNDLE_FILE, BUNDLE_VERSION};
use gloo_net::http::Request;
use std::sync::Arc;

pub type BundleResult = Result<Arc<Bundle>, String>;

pub async fn fetch_bundle() -> BundleResult {
    let response = Request::get(BUNDLE_FILE)
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
            Err(_) => format!("{BUNDLE_FILE} n'est pas un fichier JSON valide."),
        })?;
    if bundle.version != BUNDLE_VERSION {
        return Err(format!(
            "Le contenu a été produit par une autre version de Vitrine (version {}, attendue {BUNDLE_VERSION}).",
            bundle.version
        ));
    }
    Ok(Arc::new(bundle))
}
