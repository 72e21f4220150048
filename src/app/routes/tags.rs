//! `/tags`: every tag with its count, by count then name.

use crate::app::widgets::counted_chips;
use crate::data::TagsView;
use crate::text::t;
use leptos::prelude::*;

pub fn view(tags: &TagsView) -> impl IntoView {
    view! {
        <div class="wrap">
            <h1>{t().tags_title}</h1>
            <p class="lead">{t().tags_intro}</p>
            {counted_chips(&tags.tags, "chips big")}
        </div>
    }
}
