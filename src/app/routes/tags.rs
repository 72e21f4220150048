//! `/tags`: every tag with its count, by count then name.

use crate::app::escape;
use crate::app::widgets::counted_chips;
use crate::data::TagsView;
use crate::text::t;

pub fn html(tags: &TagsView) -> String {
    format!(
        r#"<div class="wrap"><h1>{}</h1><p class="lead">{}</p>{}</div>"#,
        escape(t().tags_title),
        escape(t().tags_intro),
        counted_chips(&tags.tags, "chips big")
    )
}
