//! One file per view; [`view`] picks the one a route's data is for.

pub mod home;
pub mod list;
pub mod not_found;
pub mod page;
pub mod synthese;
pub mod tag;
pub mod tags;

use crate::data::{RouteData, View};
use leptos::either::EitherOf8;
use leptos::prelude::*;
use std::sync::Arc;

/// An `EitherOf8` rather than `AnyView`s: smaller wasm (no type-erased copies of each view).
pub fn view(data: Arc<RouteData>) -> impl IntoView {
    match &data.view {
        View::Home(home) => EitherOf8::A(home::view(&data.site, home)),
        View::List(list) => EitherOf8::B(list::view(list)),
        View::Page(page) => EitherOf8::C(page::view(page)),
        View::Tags(tags) => EitherOf8::D(tags::view(tags)),
        View::Tag(tag) => EitherOf8::E(tag::view(tag)),
        View::Search => EitherOf8::F(super::search::page()),
        View::NotFound(not_found) => EitherOf8::G(not_found::view(not_found)),
        View::Synthese(table) => EitherOf8::H(synthese::view(table)),
    }
}
