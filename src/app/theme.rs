//! Light and dark themes: the system's choice by default, a toggle that is
//! remembered. `index.html` applies the remembered choice before the first
//! paint, so the wrong theme never flashes.

use leptos::prelude::*;

const KEY: &str = "vitrine-theme";

fn is_dark_now() -> bool {
    let document = document();
    match document
        .document_element()
        .and_then(|e| e.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

fn apply(dark: bool) {
    let theme = if dark { "dark" } else { "light" };
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(KEY, theme);
    }
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    // Light at first on both sides, so hydration finds what was prerendered;
    // the real theme (set before the first paint by `index.html`) right after.
    let (dark, set_dark) = signal(false);
    Effect::new(move |_| set_dark.set(is_dark_now()));
    view! {
        <button
            class="theme-toggle"
            type="button"
            aria-pressed=move || dark.get().to_string()
            title=super::text(|t| t.dark_theme)
            on:click=move |_| {
                let next = !dark.get_untracked();
                apply(next);
                set_dark.set(next);
            }
        >
            <span aria-hidden="true">{move || if dark.get() { "☾" } else { "☀" }}</span>
            <span class="visually-hidden">{super::text(|t| t.dark_theme)}</span>
        </button>
    }
}
