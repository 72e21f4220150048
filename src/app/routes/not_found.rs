//! Anything else: a not-found view with a way back and, for a near miss, a suggestion.

use crate::app::document::set_meta;
use crate::app::{current_route, link};
use crate::bundle::Bundle;
use crate::text::FR as T;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::sync::Arc;

pub fn view(bundle: Arc<Bundle>) -> impl IntoView {
    set_meta(Some(T.not_found_title), &bundle.site.title, T.not_found_body);
    let path = current_route(&use_location().pathname.get_untracked());
    let suggestion = nearest(&bundle, path.trim_end_matches('/')).map(|(route, title)| {
        view! { <p>{T.did_you_mean}" " <a href=link(&route)>{title}</a>" ?"</p> }
    });
    view! {
        <div class="wrap not-found">
            <h1>{T.not_found_title}</h1>
            <p>{T.not_found_body}</p>
            {suggestion}
            <p><a class="button" href="./">{T.back_home}</a></p>
        </div>
    }
}

/// The page whose route is closest to `path`, if close enough to be a typo.
fn nearest(bundle: &Bundle, path: &str) -> Option<(String, String)> {
    bundle
        .pages
        .iter()
        .map(|p| (distance(&p.route, path), p))
        .filter(|(d, p)| *d <= p.route.len().max(path.len()) / 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| (p.route.clone(), p.title.clone()))
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
