//! `/tags/:slug`: every page with that tag, grouped by kind, a page at a time.

use crate::app::widgets::{cards, pager};
use crate::data::{page_route, TagView};
use crate::text::t;
use leptos::prelude::*;

pub fn view(tag: &TagView) -> impl IntoView {
    let groups = tag
        .groups
        .iter()
        .map(|group| {
            view! {
                <section>
                    <h2>{group.title.clone()}</h2>
                    {cards(&group.cards, group.images, 3)}
                </section>
            }
        })
        .collect_view();
    let count = tag.tag.count;
    let count = format!("{count} {}", if count == 1 { t().pages_one } else { t().pages_many });
    let first = format!("/tags/{}", tag.tag.slug);
    view! {
        <div class="wrap">
            <p class="eyebrow"><a href="tags">{t().tags_title}</a></p>
            <h1>{tag.tag.name.clone()}</h1>
            <p class="lead">{count}</p>
            {groups}
            {pager(tag.pager, move |n| page_route(&first, None, n))}
        </div>
    }
}
