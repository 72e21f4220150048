//! Vitrine: a portfolio engine. Markdown with front matter is compiled, at
//! build time, into a site library ([`bundle`]), then into the data each route
//! needs ([`data`]), which one set of Leptos views ([`app`]) renders to HTML
//! at build time and hydrates in the browser.

#![recursion_limit = "256"]

pub mod bundle;
/// The data each route needs, shared by the prerenderer and the app.
pub mod data;
/// Search normalisation, index and ranking, shared by the compiler and the app.
pub mod search;
/// Interface text, shared by the app and the prerendered pages.
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod clock;
#[cfg(not(target_arch = "wasm32"))]
pub mod compiler;
#[cfg(not(target_arch = "wasm32"))]
pub mod new_page;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod serve_errors;

/// The views: rendered at build time natively, hydrated in the browser.
pub mod app;
