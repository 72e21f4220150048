//! Vitrine: a portfolio engine. Markdown with front matter is compiled, at
//! build time, into one JSON bundle ([`bundle`]) that a Leptos app reads.

pub mod bundle;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod compiler;

#[cfg(target_arch = "wasm32")]
pub mod app;
