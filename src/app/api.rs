//! The route data the views read: a cache filled by the page's embedded data
//! (or, at build time, by the prerenderer), then by one small file per route,
//! fetched once when the visitor goes there.

use crate::bundle::Site;
use crate::data::RouteData;
use leptos::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// What is known of one data key.
#[derive(Clone, Debug)]
pub enum Loaded {
    Ready(Arc<RouteData>),
    /// The file could not be fetched or read: what to tell the visitor.
    Failed(String),
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Loaded) -> bool {
        match (self, other) {
            (Loaded::Ready(a), Loaded::Ready(b)) => Arc::ptr_eq(a, b),
            (Loaded::Failed(a), Loaded::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Route data by key, shared by every view.
#[derive(Clone, Copy)]
pub struct Store {
    chunks: RwSignal<HashMap<String, Loaded>>,
    /// The site settings, from the first data seen.
    site: RwSignal<Option<Arc<Site>>>,
    /// Keys being fetched, so each is fetched once.
    pending: StoredValue<HashSet<String>>,
    /// The route shown in the other languages.
    translations: RwSignal<Vec<(String, String)>>,
}

impl Store {
    pub fn new() -> Store {
        Store {
            chunks: RwSignal::new(HashMap::default()),
            site: RwSignal::new(None),
            pending: StoredValue::new(HashSet::default()),
            translations: RwSignal::new(Vec::new()),
        }
    }

    /// Puts data in the cache (the page's embedded data, or a fetched file).
    pub fn insert(&self, data: RouteData) {
        if self.site.with_untracked(Option::is_none) {
            // The interface speaks the page's language from its first view on.
            crate::text::set_language(&data.site.lang, &data.site.root);
            self.site.set(Some(Arc::new(data.site.clone())));
            // The first data is the page's own: its translations are the switch's.
            self.translations.set(data.translations.clone());
        }
        let key = data.route.clone();
        self.chunks.update(|c| {
            c.insert(key, Loaded::Ready(Arc::new(data)));
        });
    }

    pub fn site(&self) -> Option<Arc<Site>> {
        self.site.get()
    }

    /// The language shown (its code and routes' prefix, `en/en`), tracked.
    pub fn language(&self) -> String {
        self.site
            .with(|s| s.as_ref().map(|s| format!("{}{}", s.lang, s.root)).unwrap_or_default())
    }

    /// The route data about to be shown: its language becomes the interface's
    /// (text, routes, the header's site) before its view is made.
    pub fn show(&self, data: &RouteData) {
        crate::text::set_language(&data.site.lang, &data.site.root);
        let changed = self.site.with_untracked(|s| {
            s.as_ref()
                .is_none_or(|s| s.lang != data.site.lang || s.root != data.site.root)
        });
        if changed {
            self.site.set(Some(Arc::new(data.site.clone())));
        }
        if self.translations.with_untracked(|t| *t != data.translations) {
            self.translations.set(data.translations.clone());
        }
    }

    /// The route shown in the site's other languages (tracked).
    pub fn translations(&self) -> Vec<(String, String)> {
        self.translations.get()
    }

    /// What is known of `key` (tracked).
    pub fn get(&self, key: &str) -> Option<Loaded> {
        self.chunks.with(|c| c.get(key).cloned())
    }

    /// Whether `key` is cached or being fetched.
    fn has(&self, key: &str) -> bool {
        self.chunks.with_untracked(|c| c.contains_key(key)) || self.pending.with_value(|p| p.contains(key))
    }

    /// Fetches `key` once (in the browser; at build time everything is already there).
    pub fn request(&self, key: &str) {
        self.fetch(key, false);
    }

    /// Forgets a failure and fetches again, past the HTTP cache.
    pub fn retry(&self, key: &str) {
        self.chunks.update(|c| {
            c.remove(key);
        });
        self.fetch(key, true);
    }

    fn fetch(&self, key: &str, fresh: bool) {
        if self.has(key) {
            return;
        }
        self.pending.update_value(|p| {
            p.insert(key.to_string());
        });
        #[cfg(target_arch = "wasm32")]
        {
            let (store, key) = (*self, key.to_string());
            leptos::task::spawn_local(async move {
                let loaded = fetch::route(&key, fresh, store.site.get_untracked()).await;
                store.pending.update_value(|p| {
                    p.remove(&key);
                });
                match loaded {
                    Loaded::Ready(data) => store.insert(Arc::unwrap_or_clone(data)),
                    failed => store.chunks.update(|c| {
                        c.insert(key, failed);
                    }),
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = fresh;
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

#[cfg(target_arch = "wasm32")]
pub use fetch::{embedded, fetch_search_file};

/// Talking to the static host (browser only).
#[cfg(target_arch = "wasm32")]
mod fetch {
    use super::Loaded;
    use crate::bundle::Site;
    use crate::data::{self, LinkRef, NotFound, RouteData, Routes, Unreadable, View, DATA_VERSION, EMBED_ID};
    use crate::text::t;
    use gloo_net::http::Request;
    use std::cell::RefCell;
    use std::sync::Arc;

    /// A meta tag written by `vitrine prerender`: the build's data folder, the search index.
    fn meta(name: &str) -> Option<String> {
        leptos::prelude::document()
            .query_selector(&format!("meta[name={name}]"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
    }

    /// The data embedded in the page (a script block), if any, with a
    /// page's own HTML read back from the page (`data::encode_embedded`).
    pub fn embedded() -> Option<Result<RouteData, String>> {
        let document = leptos::prelude::document();
        let text = document.get_element_by_id(EMBED_ID)?.text_content()?;
        let mut data = parse::<RouteData>(&text, "la page");
        if let Ok(data) = &mut data {
            let selector = match data.view {
                View::Cv(_) => data::CV_HTML,
                _ => data::PAGE_HTML,
            };
            if let Some(own) = data.view.own_html() {
                if let Ok(Some(element)) = document.query_selector(selector) {
                    *own = element.inner_html();
                }
            }
        }
        Some(data)
    }

    fn parse<T: serde::de::DeserializeOwned>(json: &str, file: &str) -> Result<T, String> {
        data::decode_text(json).map_err(|e| match e {
            Unreadable::Version(found) => {
                let found = found.map_or("inconnue".to_string(), |v| v.to_string());
                format!(
                    "Le contenu a été produit par une autre version de Vitrine (version {found}, attendue {DATA_VERSION})."
                )
            }
            Unreadable::Damaged => format!("Le contenu de {file} est incomplet ou abîmé."),
        })
    }

    enum Failure {
        Missing,
        Other(String),
    }

    async fn get(file: &str, fresh: bool) -> Result<String, Failure> {
        let cache = if fresh {
            web_sys::RequestCache::Reload
        } else {
            web_sys::RequestCache::Default
        };
        let response = Request::get(file)
            .cache(cache)
            .send()
            .await
            // gloo's error text is not shown: formatting it would pull serde_json's
            // error machinery into the wasm, and "failed to fetch" says no more.
            .map_err(|_| Failure::Other(format!("Le serveur est injoignable ({file}).")))?;
        // A host that answers every address with the app's page (`trunk serve`,
        // a rewrite rule) sends HTML where a data file is missing.
        let html = response
            .headers()
            .get("content-type")
            .is_some_and(|t| t.starts_with("text/html"));
        match response.status() {
            404 => Err(Failure::Missing),
            _ if html => Err(Failure::Missing),
            _ if !response.ok() => Err(Failure::Other(format!(
                "Le serveur a répondu {} pour {file}.",
                response.status()
            ))),
            _ => response
                .text()
                .await
                .map_err(|_| Failure::Other(format!("La réponse pour {file} n'a pas pu être lue."))),
        }
    }

    fn folder() -> String {
        meta("vitrine-data").unwrap_or_else(|| "data/".into())
    }

    /// The data of one key: its file, or the not-found view when no page has that route.
    pub async fn route(key: &str, fresh: bool, site: Option<Arc<Site>>) -> Loaded {
        let Some(file) = data::file(key).map(|f| format!("{}{f}", folder())) else {
            return not_found(key, site).await;
        };
        match get(&file, fresh).await {
            Ok(json) => match parse(&json, &file) {
                Ok(data) => Loaded::Ready(Arc::new(data)),
                Err(e) => Loaded::Failed(e),
            },
            Err(Failure::Missing) => not_found(key, site).await,
            Err(Failure::Other(e)) => Loaded::Failed(e),
        }
    }

    thread_local! {
        static ROUTES: RefCell<Option<Arc<Vec<LinkRef>>>> = const { RefCell::new(None) };
    }

    /// Every page's route and title (`routes.json`), fetched the first time an address is not found.
    async fn routes() -> Result<Arc<Vec<LinkRef>>, String> {
        if let Some(routes) = ROUTES.with(|r| r.borrow().clone()) {
            return Ok(routes);
        }
        let file = format!("{}routes.json", folder());
        let json = match get(&file, false).await {
            Ok(json) => json,
            Err(Failure::Missing) => return Err(t().site_updated.to_string()),
            Err(Failure::Other(e)) => return Err(e),
        };
        let routes: Arc<Vec<LinkRef>> = Arc::new(parse::<Routes>(&json, &file)?.routes);
        ROUTES.with(|r| *r.borrow_mut() = Some(routes.clone()));
        Ok(routes)
    }

    async fn not_found(key: &str, site: Option<Arc<Site>>) -> Loaded {
        let routes = match routes().await {
            Ok(routes) => routes,
            Err(e) => return Loaded::Failed(e),
        };
        let route = key.split('?').next().unwrap_or(key);
        if routes.iter().any(|r| r.route == route) {
            // The page exists but its data file does not: a partial upload, or a newer deploy.
            return Loaded::Failed(format!("{} ({key}).", t().data_missing));
        }
        let Some(site) = site else {
            return Loaded::Failed(t().site_updated.to_string());
        };
        Loaded::Ready(Arc::new(RouteData {
            route: key.to_string(),
            site: (*site).clone(),
            view: View::NotFound(NotFound {
                suggestion: super::super::routes::not_found::nearest(&routes, route),
            }),
            translations: Vec::new(),
        }))
    }

    /// One file of the search folder of the language whose routes begin
    /// with `root` (`search.<hash>/` or `en/search.<hash>/`, see `search::shards`).
    pub async fn fetch_search_file(root: &str, name: &str, fresh: bool) -> Result<String, String> {
        let folder = meta("vitrine-search").unwrap_or_default();
        // The page names its own language's folder: the name without its parent.
        let folder = folder.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
        let file = match root.trim_start_matches('/') {
            "" => format!("{folder}/{name}"),
            lang => format!("{lang}/{folder}/{name}"),
        };
        get(&file, fresh).await.map_err(|e| match e {
            Failure::Missing => format!("{file} : 404"),
            Failure::Other(e) => e,
        })
    }
}
