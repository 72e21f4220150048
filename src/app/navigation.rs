//! What a visitor expects when moving between pages of a single-page app:
//! scroll to the top (or to the `#anchor`, also on first load), focus on the new
//! page's main heading, and scroll positions restored by back and forward.

use super::api::{Loaded, Store};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Last scroll position seen on each path.
    static POSITIONS: RefCell<HashMap<String, f64>> = const { RefCell::new(HashMap::with_hasher(rustc_hash::FxBuildHasher)) };
    /// Set by `popstate` (back/forward) until the next page is shown.
    static FROM_HISTORY: Cell<bool> = const { Cell::new(false) };
    /// The path of the page on screen, once shown. Scroll positions are kept
    /// for it alone: a scroll event that arrives after back or forward changed
    /// the address is not taken for the next page's position.
    static SHOWN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Installs the window listeners, once, at start.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    let window = window();
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let on_scroll = Closure::<dyn Fn()>::new(|| {
        let w = leptos::prelude::window();
        let path = w.location().pathname().unwrap_or_default();
        if SHOWN.with(|shown| *shown.borrow() == path) {
            keep_position(path);
        }
    });
    let on_popstate = Closure::<dyn Fn()>::new(|| {
        // The page left is still on screen: its position, as it is now.
        keep_position(SHOWN.with(|shown| shown.borrow().clone()));
        FROM_HISTORY.with(|f| f.set(true));
    });
    let _ = window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    on_scroll.forget();
    on_popstate.forget();
}

#[cfg(target_arch = "wasm32")]
fn keep_position(path: String) {
    let y = leptos::prelude::window().scroll_y().unwrap_or(0.0);
    POSITIONS.with(|p| p.borrow_mut().insert(path, y));
}

/// Runs after every page shown with its data; prefetches the data of a link
/// the pointer or focus rests on, so the click finds it there.
#[component]
pub fn NavigationEffects() -> impl IntoView {
    let store = expect_context::<Store>();
    let key = super::use_data_key();
    let location = use_location();
    Effect::new(move |_| prefetch_on_hover(store));
    Effect::new(move |previous: Option<Option<String>>| {
        let path = location.pathname.get();
        let hash = location.hash.get();
        let previous = previous.flatten();
        if !matches!(store.get(&key.get()), Some(Loaded::Ready(_))) {
            // Wait for the page's data; remember the page we come from.
            return previous;
        }
        // `/recherche/` and `/recherche?q=…` are one page (GitHub Pages adds the slash).
        let url = format!("{}{hash}", super::current_route(&path));
        if previous.as_deref() == Some(url.as_str()) {
            return previous;
        }
        let first = previous.is_none();
        request_animation_frame(move || after_navigation(&path, hash.trim_start_matches('#'), first));
        Some(url)
    });
}

/// Fetches the data behind an in-site link as soon as it is hovered or focused.
fn prefetch_on_hover(store: Store) {
    let on_point = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(anchor) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let Ok(url) = web_sys::Url::new_with_base(
            &anchor.get_attribute("href").unwrap_or_default(),
            &document().base_uri().ok().flatten().unwrap_or_default(),
        ) else {
            return;
        };
        let leaves = anchor
            .get_attribute("rel")
            .is_some_and(|r| r.contains("external") || r.contains("noopener"));
        if url.origin() != window().location().origin().unwrap_or_default() || leaves {
            return;
        }
        let key = super::url_key(&url.pathname(), &url.search_params());
        if !url.pathname().contains('.') {
            store.request(&key);
        }
    });
    for event in ["pointerover", "focusin"] {
        let _ = document().add_event_listener_with_callback(event, on_point.as_ref().unchecked_ref());
    }
    on_point.forget();
}

fn after_navigation(path: &str, anchor: &str, first: bool) {
    let window = window();
    let document = document();
    let from_history = FROM_HISTORY.with(|f| f.replace(false));
    if !first {
        if let Ok(Some(heading)) = document.query_selector("main h1") {
            let _ = heading.set_attribute("tabindex", "-1");
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
            }
        }
    }
    if from_history {
        let y = POSITIONS.with(|p| p.borrow().get(path).copied()).unwrap_or(0.0);
        window.scroll_to_with_x_and_y(0.0, y);
    } else if let Some(target) = (!anchor.is_empty())
        .then(|| document.get_element_by_id(&decode(anchor)))
        .flatten()
    {
        target.scroll_into_view();
    } else if !first {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    SHOWN.with(|shown| path.clone_into(&mut shown.borrow_mut()));
}

fn decode(anchor: &str) -> String {
    js_sys_decode(anchor).unwrap_or_else(|| anchor.to_string())
}

fn js_sys_decode(text: &str) -> Option<String> {
    let decoded = web_sys::js_sys::decode_uri_component(text).ok()?;
    decoded.as_string()
}
