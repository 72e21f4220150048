//! The page shell: header with navigation, footer, loading and error views.

use super::{current_route, escape, link, text, Store};
use crate::text::t;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Header() -> impl IntoView {
    let store = expect_context::<Store>();
    let site_title = move || store.site().map(|s| s.title.clone()).unwrap_or_default();
    let pathname = use_location().pathname;
    let (open, set_open) = signal(false);
    // Close the mobile menu whenever the route changes.
    Effect::new(move |_| {
        pathname.track();
        set_open.set(false);
    });
    // The skip link names this very document (`/competences/#contenu`, with
    // the host's trailing slash and sub-path), or tools and browsers take it
    // for a link to another page; the prerendered link cannot know those.
    let skip = NodeRef::<leptos::html::A>::new();
    Effect::new(move |_| {
        pathname.track();
        request_animation_frame(move || {
            if let (Some(a), Ok(path)) = (skip.get_untracked(), window().location().pathname()) {
                let _ = a.set_attribute("href", &format!("{path}#contenu"));
            }
        });
    });
    view! {
        <a class="skip-link" node_ref=skip href=format!("{}#contenu", link(&current_route(&pathname.get_untracked())))>{text(|t| t.skip_to_content)}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="site-title" href=move || { store.language(); link(&crate::text::route("/")) }>{site_title}</a>
                <button
                    class="menu-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="nav-principale"
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    {text(|t| t.menu)}
                </button>
                <nav id="nav-principale" aria-label=text(|t| t.main_nav) class:open=open>
                    <ul inner_html=move || menu(store, &current_route(&pathname.get()))></ul>
                </nav>
                <super::search::SearchBox/>
                <LanguageSwitch/>
                <super::theme::ThemeToggle/>
            </div>
        </header>
    }
}

/// The site's navigation, from its data, then the tags; the entry of the
/// route shown marked. One piece of HTML, remade when the route changes
/// (cheaper in the wasm than a reactive view per entry).
fn menu(store: Store, route: &str) -> String {
    let mut items: Vec<(String, String)> = store
        .site()
        .map(|s| s.menu.iter().map(|m| (m.url.clone(), m.label.clone())).collect())
        .unwrap_or_default();
    items.push((crate::text::route("/tags")[1..].to_string(), t().nav_tags.into()));
    items
        .iter()
        .map(|(href, label)| {
            let current = route == format!("/{href}") || route.starts_with(&format!("/{href}/"));
            let current = if current { r#" aria-current="page""# } else { "" };
            format!(r#"<li><a href="{}"{current}>{}</a></li>"#, escape(href), escape(label))
        })
        .collect()
}

/// On a site in several languages: each language, leading to this page in it
/// when it is translated, else to that language's home. Written as one
/// piece of HTML (a few links that only change all together): its view code
/// cost the wasm more than the rest of the header.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let store = expect_context::<Store>();
    move || {
        let site = store.site().filter(|s| s.languages.len() > 1)?;
        let translations = store.translations();
        let items: String = site
            .languages
            .iter()
            .map(|l| {
                let (code, name) = (escape(&l.code), escape(&l.name));
                if l.code == site.lang {
                    return format!(r#"<li><span aria-current="true" lang="{code}">{name}</span></li>"#);
                }
                let route = translations
                    .iter()
                    .find(|(c, _)| *c == l.code)
                    .map_or(&l.home, |(_, route)| route);
                let href = escape(&link(route));
                format!(r#"<li><a href="{href}" hreflang="{code}" lang="{code}">{name}</a></li>"#)
            })
            .collect();
        Some(view! { <nav class="languages" aria-label=t().languages><ul inner_html=items></ul></nav> })
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let store = expect_context::<Store>();
    let author = move || match store.site() {
        Some(site) if !site.author.is_empty() => format!("© {} · ", site.author),
        _ => String::new(),
    };
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{author}{text(|t| t.footer)}</p>
            </div>
        </footer>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="wrap loading" role="status" aria-live="polite">
            <div class="skeleton skeleton-title"></div>
            <div class="skeleton"></div>
            <div class="skeleton"></div>
            <div class="skeleton short"></div>
            <p class="visually-hidden">{t().loading}</p>
        </div>
    }
}

#[component]
pub fn ErrorView(message: String, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    super::document::set_error_title(t().error_title, &message);
    view! {
        <div class="wrap error-view" role="alert">
            <h1>{t().error_title}</h1>
            <p class="error-message">{message}</p>
            <p class="actions">
                <button class="button" on:click=move |_| retry()>{t().error_retry}</button>
                " "
                <a class="button secondary" href="./" rel="external">{t().error_home}</a>
            </p>
        </div>
    }
}
