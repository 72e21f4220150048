//! One route's `<body>` content, rendered by the app's own components (Leptos
//! `ssr`): the markup the browser hydrates, node for node.

use crate::app::api::Store;
use crate::app::App;
use crate::data::RouteData;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::sync::{Arc, Once};

/// The app's HTML for `data`'s route, as the browser will hydrate it.
pub fn render(data: RouteData) -> String {
    static EXECUTOR: Once = Once::new();
    // Leptos wants an executor even though nothing here is asynchronous.
    EXECUTOR.call_once(|| {
        let _ = any_spawner::Executor::init_futures_executor();
    });
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&data.route));
        let store = Store::new();
        store.insert(data);
        view! { <App store/> }.to_html()
    });
    owner.cleanup();
    html
}
