//! One file per view; [`view`] picks the one a route's data is for.

pub mod home;
pub mod list;
pub mod not_found;
pub mod page;
pub mod tag;
pub mod tags;

use crate::data::{RouteData, View};
use leptos::prelude::*;
use std::sync::Arc;

pub fn view(data: Arc<RouteData>) -> AnyView {
    match &data.view {
        View::Home(home) => home::view(&data.site, home).into_any(),
        View::List(list) => list::view(list).into_any(),
        View::Page(page) => page::view(page).into_any(),
        View::Tags(tags) => tags::view(tags).into_any(),
        View::Tag(tag) => tag::view(tag).into_any(),
        View::Search => super::search::page().into_any(),
        View::NotFound(not_found) => not_found::view(not_found).into_any(),
    }
}
