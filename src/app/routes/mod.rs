//! One file per view; [`view`] picks the one a route's data is for.

pub mod cv;
pub mod home;
pub mod list;
pub mod not_found;
pub mod page;
pub mod synthese;
pub mod tag;
pub mod tags;

use crate::data::{RouteData, View};
use leptos::either::EitherOf9;
use leptos::prelude::*;
use std::sync::Arc;

/// An `EitherOf9` rather than `AnyView`s: smaller wasm (no type-erased copies of each view).
pub fn view(data: Arc<RouteData>) -> impl IntoView {
    match &data.view {
        View::Home(home) => EitherOf9::A(home::view(&data.site, home)),
        View::List(list) => EitherOf9::B(list::view(list)),
        View::Page(page) => EitherOf9::C(page::view(page)),
        View::Tags(tags) => EitherOf9::D(tags::view(tags)),
        View::Tag(tag) => EitherOf9::E(tag::view(tag)),
        View::Search => EitherOf9::F(super::search::page()),
        View::NotFound(not_found) => EitherOf9::G(not_found::view(not_found)),
        View::Synthese(table) => EitherOf9::H(synthese::view(table)),
        View::Cv(cv) => EitherOf9::I(cv::view(cv)),
    }
}
