//! One file per view; [`view`] picks the one a route's data is for.

pub mod cv;
pub mod home;
pub mod list;
pub mod not_found;
pub mod page;
pub mod synthese;
pub mod tag;
pub mod tags;

use super::html::Html;
use crate::data::{RouteData, View};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// The search page is the one view to interact with; every other one is
/// written as HTML (links are all they hold) and shown as that ([`Html`]):
/// the wasm carries no code to build or hydrate their elements, which was
/// its largest part (measured with twiggy).
pub fn view(data: Arc<RouteData>) -> impl IntoView {
    match &data.view {
        View::Search => Either::Right(super::search::page()),
        _ => Either::Left(Html(html(&data))),
    }
}

/// The HTML of a route's view (none for the search page, a view of its own).
pub fn html(data: &RouteData) -> String {
    match &data.view {
        View::Home(home) => home::html(&data.site, home),
        View::List(list) => list::html(list),
        View::Page(page) => page::html(page),
        View::Tags(tags) => tags::html(tags),
        View::Tag(tag) => tag::html(tag),
        View::Search => String::new(),
        View::NotFound(not_found) => not_found::html(not_found),
        View::Synthese(table) => synthese::html(table),
        View::Cv(cv) => cv::article(cv),
    }
}
