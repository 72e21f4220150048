//! One route's `<body>` content, rendered by the app's own components (Leptos
//! `ssr`): the markup the browser hydrates, node for node.

use crate::app::api::Store;
use crate::app::App;
use crate::data::{RouteData, View};
use leptos::prelude::*;
use leptos::tachys::view::{Position, RenderHtml};
use leptos_router::location::RequestUrl;
use std::sync::Once;

/// The app's HTML for `data`'s route, as the browser will hydrate it.
pub fn render(data: RouteData) -> String {
    static EXECUTOR: Once = Once::new();
    // Leptos wants an executor even though nothing here is asynchronous.
    EXECUTOR.call_once(|| {
        let _ = any_spawner::Executor::init_futures_executor();
    });
    // No shared context: nothing is asynchronous or serialised for the
    // browser (the route's data goes in the page), and the HTML is the same.
    let owner = Owner::new_root(None);
    // Room for the page's own text and the layout around it, so the buffer
    // is not grown again and again (Leptos's own guess is small).
    let capacity = 12 * 1024
        + match &data.view {
            View::Page(page) => page.html.len(),
            _ => 12 * 1024,
        };
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&data.route));
        let store = Store::new();
        store.insert(data);
        let mut html = String::with_capacity(capacity);
        let app = view! { <App store/> };
        app.to_html_with_buf(&mut html, &mut Position::FirstChild, true, false, Vec::new());
        html
    });
    owner.cleanup();
    html
}
