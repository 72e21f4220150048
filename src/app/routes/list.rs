//! `/competences` and `/projets`: cards in the compiler's order, a page at a
//! time, filterable by tag (`?tag=`, one data file per filter).

use crate::app::escape;
use crate::app::widgets::{a, attr, cards, filter, pager};
use crate::bundle::Kind;
use crate::data::{page_route, LinkRef, List};
use crate::text::t;

pub fn html(list: &List) -> String {
    // A section made of its introduction alone (no page yet) says nothing more.
    let body = if !list.cards.is_empty() {
        cards(&list.cards, list.kind != Kind::Competence, 2)
    } else if list.intro_html.is_empty() || list.tag.is_some() {
        format!(r#"<p class="empty">{}</p>"#, escape(t().no_result))
    } else {
        String::new()
    };
    let first = format!("/{}", list.section);
    let intro = (!list.intro.is_empty()).then(|| format!(r#"<p class="lead">{}</p>"#, escape(&list.intro)));
    let intro_html =
        (!list.intro_html.is_empty()).then(|| format!(r#"<div class="prose intro">{}</div>"#, list.intro_html));
    format!(
        r#"<div class="wrap"><h1>{}</h1>{}{}{}{}{body}{}</div>"#,
        escape(&list.title),
        intro.unwrap_or_default(),
        intro_html.unwrap_or_default(),
        filter(&list.section, &list.tags, list.tag.as_deref(), t().filter_by_tag),
        subsections(&list.subsections),
        pager(list.pager, |n| page_route(&first, list.tag.as_deref(), n)),
    )
}

/// Links to the sections nested one level below (`/docs/guide` under `/docs`).
fn subsections(nested: &[LinkRef]) -> String {
    if nested.is_empty() {
        return String::new();
    }
    let items: String = nested
        .iter()
        .map(|s| format!("<li>{}</li>", a(&s.route, "", &s.title)))
        .collect();
    format!(
        r#"<nav class="subsections"{}><h2>{}</h2><ul>{items}</ul></nav>"#,
        attr("aria-label", t().subsections),
        escape(t().subsections)
    )
}
