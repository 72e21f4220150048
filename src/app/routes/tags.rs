//! `/tags`: every tag with its count, by count then name.

use crate::app::widgets::counted_chips;
use crate::data::TagsView;
use crate::text::FR as T;
use leptos::prelude::*;

pub fn view(tags: &TagsView) -> impl IntoView {
    view! {
        <div class="wrap">
            <h1>{T.tags_title}</h1>
            <p class="lead">{T.tags_intro}</p>
            {counted_chips(&tags.tags, "chips big")}
        </div>
    }
}
