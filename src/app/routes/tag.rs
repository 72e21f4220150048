//! `/tags/:slug`: every page with that tag, grouped by kind, a page at a time.

use crate::app::escape;
use crate::app::widgets::{cards, pager};
use crate::data::{page_route, TagView};
use crate::text::t;

pub fn html(tag: &TagView) -> String {
    let groups: String = tag
        .groups
        .iter()
        .map(|group| {
            format!(
                "<section><h2>{}</h2>{}</section>",
                escape(&group.title),
                cards(&group.cards, group.images, 3)
            )
        })
        .collect();
    let count = tag.tag.count;
    let count = format!("{count} {}", if count == 1 { t().pages_one } else { t().pages_many });
    let first = format!("/tags/{}", tag.tag.slug);
    format!(
        r#"<div class="wrap"><p class="eyebrow"><a href="tags">{}</a></p><h1>{}</h1><p class="lead">{}</p>{groups}{}</div>"#,
        escape(t().tags_title),
        escape(&tag.tag.name),
        escape(&count),
        pager(tag.pager, |n| page_route(&first, None, n)),
    )
}
