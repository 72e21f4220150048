//! The browser app: routes, the shared bundle, and the page shell.

mod api;
mod document;
mod layout;
mod navigation;
mod routes;
mod search;
mod theme;
mod widgets;

use crate::bundle::{Bundle, Kind};
use api::BundleResult;
use layout::{ErrorView, Footer, Header, Loading};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::sync::Arc;

/// Mounts the app. A prerendered page stays on screen while the app starts
/// in a hidden container; [`navigation::NavigationEffects`] swaps the two once
/// the content is there, so the visitor sees no flash.
pub fn start() {
    navigation::install();
    let document = leptos::prelude::document();
    let Some(root) = document.get_element_by_id("app") else {
        leptos::mount::mount_to_body(App);
        return;
    };
    let target = if root.has_attribute("data-prerendered") {
        let live = document.create_element("div").ok();
        if let (Some(live), Some(parent)) = (&live, root.parent_node()) {
            live.set_id(LIVE_ROOT);
            let _ = live.set_attribute("hidden", "");
            let _ = parent.insert_before(live, root.next_sibling().as_ref());
        }
        live
    } else {
        root.set_inner_html("");
        Some(root)
    };
    if let Some(Ok(target)) = target.map(wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>) {
        leptos::mount::mount_to(target, App).forget();
    }
}

/// Where the app mounts when the page was prerendered.
const LIVE_ROOT: &str = "app-live";

/// Replaces the prerendered page by the app, once the app has something to show.
fn take_over() {
    let document = leptos::prelude::document();
    if let Some(live) = document.get_element_by_id(LIVE_ROOT) {
        if let Some(prerendered) = document.get_element_by_id("app") {
            prerendered.remove();
        }
        let _ = live.remove_attribute("hidden");
        live.set_id("app");
    }
}

/// The site's path below the host (`/portfolio` under GitHub Pages, empty at the
/// root), from the `<base href>` Trunk writes from its `public_url`.
pub fn base_path() -> String {
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

/// An app route (`/projets/citi`) as a link relative to `<base href>`, so the
/// site works at the root of a host or under any sub-path.
pub fn link(route: &str) -> String {
    crate::bundle::relative_link(route)
}

/// A static file path from the bundle (`/assets/x.png`) as a link; web addresses stay as they are.
pub fn asset(src: &str) -> String {
    if src.starts_with('/') {
        link(src)
    } else {
        src.to_string()
    }
}

/// The app route of a location path: the sub-path removed.
pub fn current_route(pathname: &str) -> String {
    let base = base_path();
    let route = pathname.strip_prefix(base.as_str()).unwrap_or(pathname);
    if route.is_empty() {
        "/".to_string()
    } else {
        route.to_string()
    }
}

/// The bundle, fetched once and shared by every view.
#[derive(Clone, Copy)]
pub struct Content(LocalResource<BundleResult>, WriteSignal<u32>);

#[component]
pub fn App() -> impl IntoView {
    // Each retry bumps `attempt`, which fetches again, bypassing the HTTP cache.
    let (attempt, set_attempt) = signal(0u32);
    let content = Content(
        LocalResource::new(move || api::fetch_bundle(attempt.get() > 0)),
        set_attempt,
    );
    provide_context(content);
    provide_context(search::Search::new());
    view! {
        <Router base=base_path()>
            <navigation::NavigationEffects/>
            <Header/>
            <main id="contenu" tabindex="-1">
                <Routes fallback=|| view! { <WithBundle view=routes::not_found::view/> }>
                    <Route path=path!("") view=|| view! { <WithBundle view=routes::home::view/> }/>
                    <Route path=path!("competences") view=|| view! { <WithBundle view=|b| routes::list::view(b, Kind::Competence)/> }/>
                    <Route path=path!("competences/*slug") view=|| view! { <WithBundle view=|b| routes::page::view(b, Kind::Competence)/> }/>
                    <Route path=path!("projets") view=|| view! { <WithBundle view=|b| routes::list::view(b, Kind::Projet)/> }/>
                    <Route path=path!("projets/*slug") view=|| view! { <WithBundle view=|b| routes::page::view(b, Kind::Projet)/> }/>
                    <Route path=path!("tags") view=|| view! { <WithBundle view=routes::tags::view/> }/>
                    <Route path=path!("recherche") view=|| view! { <WithBundle view=search::page/> }/>
                    <Route path=path!("tags/:slug") view=|| view! { <WithBundle view=routes::tag::view/> }/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

/// Shows the loading state, the error view, or the view built from the bundle.
#[component]
fn WithBundle<F, V>(view: F) -> impl IntoView
where
    F: Fn(Arc<Bundle>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let Content(resource, retry) = expect_context::<Content>();
    move || match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(message)) => view! { <ErrorView message retry=move || retry.update(|n| *n += 1)/> }.into_any(),
        Some(Ok(bundle)) => view(bundle).into_any(),
    }
}
