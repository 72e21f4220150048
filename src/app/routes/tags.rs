//! `/tags`: every tag with its count, by count then name.

use crate::app::document::set_meta;
use crate::bundle::Bundle;
use crate::text::FR as T;
use leptos::prelude::*;
use std::sync::Arc;

pub fn view(bundle: Arc<Bundle>) -> impl IntoView {
    set_meta(Some(T.tags_title), &bundle.site.title, T.tags_intro);
    let items = bundle
        .tags
        .iter()
        .map(|t| {
            let href = format!("tags/{}", t.slug);
            let (name, count) = (t.name.clone(), t.count);
            view! { <li><a class="chip" href=href>{name}<span class="count">{count}</span></a></li> }
        })
        .collect_view();
    view! {
        <div class="wrap">
            <h1>{T.tags_title}</h1>
            <p class="lead">{T.tags_intro}</p>
            <ul class="chips big">{items}</ul>
        </div>
    }
}
