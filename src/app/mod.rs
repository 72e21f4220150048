//! The app: one set of views that renders every route to HTML at build time
//! (`vitrine prerender`, Leptos `ssr`) and hydrates in the browser (Leptos
//! `hydrate`), then routes client-side with one small data file per route.

pub mod api;
mod document;
mod fresh;
mod html;
mod layout;
#[cfg(target_arch = "wasm32")]
mod lightbox;
mod navigation;
pub mod routes;
mod search;
mod theme;
mod widgets;

use crate::data;
use api::{Loaded, Store};
use layout::{ErrorView, Footer, Header, Loading};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_query_map};
use leptos_router::location::{BrowserUrl, LocationProvider};

/// The whole page below `<body>`'s mount point, for one store of route data.
#[component]
pub fn App(store: Store) -> impl IntoView {
    provide_context(store);
    provide_context(search::Search::new());
    view! {
        <Router base=base_path()>
            <navigation::NavigationEffects/>
            <Header/>
            <main id="contenu" tabindex="-1">
                <RouteView/>
            </main>
            <Footer/>
        </Router>
    }
}

/// The data key of the current address (`/projets?tag=web`), tracked.
pub fn use_data_key() -> Memo<String> {
    let location = use_location();
    let query = use_query_map();
    Memo::new(move |_| {
        let path = current_route(&location.pathname.get());
        query.with(|q| {
            let page = q.get("page").and_then(|p| p.parse().ok());
            data::key(&path, q.get("tag").as_deref(), page)
        })
    })
}

/// The view of the current route: from the store, or loading, or the error view with Retry.
/// Every address shows the view its data names, so there is no route table:
/// this view also tells the router a navigation is complete (address bar,
/// history), which `<Routes>` would do at a cost of ~58 KB of wasm (brotli).
#[component]
fn RouteView() -> impl IntoView {
    let store = expect_context::<Store>();
    let key = use_data_key();
    let location = use_location();
    let browser = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        // Any change of address, even one with the same data (`/a/` → `/a#b`).
        location.pathname.track();
        location.search.track();
        location.hash.track();
        if let Some(location) = &browser {
            location.ready_to_complete();
        }
    });
    let current = Memo::new(move |_| store.get(&key.get()));
    Effect::new(move |_| {
        if let Some(Loaded::Ready(data)) = current.get() {
            document::set_meta(&data);
        }
    });
    move || {
        fresh::Fresh(match current.get() {
            None => {
                store.request(&key.get_untracked());
                EitherOf3::A(view! { <Loading/> })
            }
            Some(Loaded::Failed(message)) => {
                let retry = move || store.retry(&key.get_untracked());
                EitherOf3::B(view! { <ErrorView message retry/> })
            }
            Some(Loaded::Ready(data)) => {
                store.show(&data);
                EitherOf3::C(routes::view(data))
            }
        })
    }
}

/// A piece of interface text that follows the language shown (switched in the app).
pub fn text(pick: fn(&'static crate::text::Text) -> &'static str) -> impl Fn() -> &'static str + Clone + Send + Sync {
    let store = expect_context::<Store>();
    move || {
        store.language();
        pick(crate::text::t())
    }
}

/// The site's path below the host (`/portfolio` under GitHub Pages, empty at the
/// root), from the `<base href>` Trunk writes from its `public_url`. Routes are
/// rendered without it at build time: every link is relative to `<base href>`.
pub fn base_path() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        thread_local! {
            static BASE: String = {
                let base = document().base_uri().ok().flatten().unwrap_or_default();
                let path = base
                    .split_once("://")
                    .map_or(base.as_str(), |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
                path.trim_end_matches('/').to_string()
            };
        }
        BASE.with(Clone::clone)
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// An app route (`/projets/citi`) as a link relative to `<base href>`, so the
/// site works at the root of a host or under any sub-path.
pub fn link(route: &str) -> String {
    crate::bundle::relative_link(route)
}

/// Text for HTML, in an attribute or not (the views and lists the app writes as HTML).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A static file path from the bundle (`/assets/x.png`) as a link; web addresses stay as they are.
pub fn asset(src: &str) -> String {
    if src.starts_with('/') {
        link(src)
    } else {
        src.to_string()
    }
}

/// The app route of a location path: the sub-path and any trailing slash removed.
pub fn current_route(pathname: &str) -> String {
    let base = base_path();
    let route = pathname.strip_prefix(base.as_str()).unwrap_or(pathname);
    match route.trim_end_matches('/') {
        "" => "/".to_string(),
        r => r.to_string(),
    }
}

/// Starts the app in the browser: hydrates the prerendered page when its
/// embedded data is for this address, else mounts afresh (`trunk serve`'s
/// shell, `404.html` answering a deep link, a filtered list).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;
    navigation::install();
    lightbox::install();
    let document = document();
    // The page's language, until its data says it (and where its routes begin).
    if let Some(html) = document.document_element() {
        crate::text::set_lang(&html.get_attribute("lang").unwrap_or_default());
    }
    let store = Store::new();
    let mut hydratable = false;
    if let Some(embedded) = api::embedded() {
        match embedded {
            Ok(data) => {
                // The prerendered HTML is for the path alone: an address with a
                // query it does not answer (`/recherche?q=`) is rendered afresh.
                let (here, exact) = here();
                hydratable = data.route == here && exact;
                store.insert(data);
            }
            Err(e) => leptos::logging::warn!("{e}"),
        }
    }
    let root = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) if hydratable && root.has_attribute("data-hydrate") => {
            leptos::mount::hydrate_from(root, move || view! { <App store/> }).forget();
        }
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, move || view! { <App store/> }).forget();
        }
        None => leptos::mount::mount_to_body(move || view! { <App store/> }),
    }
    // For tests and scripts: the app is running.
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", if hydratable { "hydrated" } else { "mounted" });
    }
}

/// The data key of the address the page was opened at, and whether that key
/// says all of the address (no query, or only the list filter).
#[cfg(target_arch = "wasm32")]
fn here() -> (String, bool) {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let key = web_sys::UrlSearchParams::new_with_str(&search)
        .map(|params| url_key(&location.pathname().unwrap_or_default(), &params))
        .unwrap_or_default();
    let exact = search.is_empty() || key.contains('?');
    (key, exact)
}

/// The data key of a browser address (path and query), outside the router.
pub fn url_key(pathname: &str, params: &web_sys::UrlSearchParams) -> String {
    let page = params.get("page").and_then(|p| p.parse().ok());
    data::key(&current_route(pathname), params.get("tag").as_deref(), page)
}
