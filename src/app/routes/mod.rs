//! One file per view; [`view`] picks the one a route's data is for.

pub mod home;
pub mod list;
pub mod not_found;
pub mod page;
pub mod tag;
pub mod tags;

use crate::data::{RouteData, View};
use leptos::either::EitherOf7;
use leptos::prelude::*;
use std::sync::Arc;

/// An `EitherOf7` rather than `AnyView`s: smaller wasm (no type-erased copies of each view).
pub fn view(data: Arc<RouteData>) -> impl IntoView {
    match &data.view {
        View::Home(home) => EitherOf7::A(home::view(&data.site, home)),
        View::List(list) => EitherOf7::B(list::view(list)),
        View::Page(page) => EitherOf7::C(page::view(page)),
        View::Tags(tags) => EitherOf7::D(tags::view(tags)),
        View::Tag(tag) => EitherOf7::E(tag::view(tag)),
        View::Search => EitherOf7::F(super::search::page()),
        View::NotFound(not_found) => EitherOf7::G(not_found::view(not_found)),
    }
}
