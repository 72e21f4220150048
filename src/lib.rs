//! Vitrine: a portfolio engine. Markdown with front matter is compiled, at
//! build time, into one JSON bundle ([`bundle`]) that a Leptos app reads.

pub mod bundle;
/// Search normalisation, index and ranking, shared by the compiler and the app.
pub mod search;
/// Interface text, shared by the app and the prerendered pages.
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod compiler;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

#[cfg(target_arch = "wasm32")]
pub mod app;
