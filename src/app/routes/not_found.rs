//! Any other address: a not-found view with a way back and, for a near miss, a suggestion.

use crate::app::escape;
use crate::app::widgets::a;
use crate::data::{LinkRef, NotFound};
use crate::text::t;

pub fn html(not_found: &NotFound) -> String {
    let suggestion = not_found
        .suggestion
        .as_ref()
        .map(|s| format!("<p>{} {} ?</p>", escape(t().did_you_mean), a(&s.route, "", &s.title)));
    format!(
        r#"<div class="wrap not-found"><h1>{}</h1><p>{}</p>{}<p><a class="button" href="./">{}</a></p></div>"#,
        escape(t().not_found_title),
        escape(t().not_found_body),
        suggestion.unwrap_or_default(),
        escape(t().back_home),
    )
}

/// The page whose route is closest to `path`, if close enough to be a typo.
pub fn nearest(routes: &[LinkRef], path: &str) -> Option<LinkRef> {
    routes
        .iter()
        .map(|r| (distance(&r.route, path), r))
        .filter(|(d, r)| *d <= r.route.len().max(path.len()) / 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, r)| r.clone())
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + usize::from(ca != *cb));
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
