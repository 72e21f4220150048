//! The lightbox: a body image opens large in a modal `<dialog>`, its alt text
//! as caption, with previous/next (buttons and arrow keys), Escape and a close
//! button; closing returns focus to the image. It exists only once the app runs:
//! without JavaScript the image's link opens the original file.

use crate::text::FR as T;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// The body's zoomable images: links to the original around a resized image.
const ZOOMABLE: &str = ".prose a.zoom";

#[derive(Clone, Debug, Default, PartialEq)]
struct Item {
    src: String,
    srcset: String,
    alt: String,
    original: String,
}

#[component]
pub fn Lightbox() -> impl IntoView {
    let (running, set_running) = signal(false);
    // Effects run only in the browser, so the prerendered page has no dialog.
    Effect::new(move |_| set_running.set(true));
    move || running.get().then(|| view! { <Dialog/> })
}

#[component]
fn Dialog() -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let items = RwSignal::new(Vec::<Item>::new());
    let at = RwSignal::new(0usize);
    // Tracks nothing, so runs once, in the browser, after the dialog is mounted.
    Effect::new(move |_| listen(dialog, items, at));
    let shown = move || items.with(|list| list.get(at.get()).cloned()).unwrap_or_default();
    let count = move || items.with(Vec::len);
    let step = move |by: usize| {
        let n = count();
        if n > 0 {
            at.set((at.get_untracked() + by) % n);
        }
    };
    let on_key = move |e: web_sys::KeyboardEvent| match e.key().as_str() {
        "ArrowLeft" => step(count().saturating_sub(1)),
        "ArrowRight" => step(1),
        _ => {}
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <dialog class="lightbox" node_ref=dialog aria-label=T.lightbox on:keydown=on_key on:close=move |_| focus_opener(at.get_untracked())>
            <button type="button" class="lightbox-close" aria-label=T.close autofocus on:click=close>"×"</button>
            <figure>
                <img src=move || shown().src srcset=move || shown().srcset sizes="100vw" alt=move || shown().alt/>
                <figcaption>
                    <span>{move || shown().alt}</span>
                    <span class="lightbox-count">{move || format!("{} / {}", at.get() + 1, count())}</span>
                    <a href=move || shown().original rel="external">{T.open_original}</a>
                </figcaption>
            </figure>
            <button type="button" class="lightbox-prev" aria-label=T.previous_image hidden=move || count() < 2
                on:click=move |_| step(count().saturating_sub(1))>"‹"</button>
            <button type="button" class="lightbox-next" aria-label=T.next_image hidden=move || count() < 2
                on:click=move |_| step(1)>"›"</button>
        </dialog>
    }
}

/// A click on a body image (before the router sees it: capture phase) opens it.
fn listen(dialog: NodeRef<html::Dialog>, items: RwSignal<Vec<Item>>, at: RwSignal<usize>) {
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
        if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
            return;
        }
        let Some(link) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(ZOOMABLE).ok().flatten())
        else {
            return;
        };
        let links = zoomable();
        let Some(index) = links.iter().position(|l| l == &link) else {
            return;
        };
        e.prevent_default();
        items.set(links.iter().map(item_of).collect());
        at.set(index);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    // One listener for the app's lifetime (the lightbox is mounted once).
    on_click.forget();
}

fn zoomable() -> Vec<web_sys::Element> {
    let Ok(all) = document().query_selector_all(ZOOMABLE) else {
        return Vec::new();
    };
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into().ok()).collect()
}

fn item_of(link: &web_sys::Element) -> Item {
    let img = link.query_selector("img").ok().flatten();
    let attr = |name: &str| img.as_ref().and_then(|i| i.get_attribute(name)).unwrap_or_default();
    Item {
        src: attr("src"),
        srcset: attr("srcset"),
        alt: attr("alt"),
        original: link.get_attribute("href").unwrap_or_default(),
    }
}

fn focus_opener(at: usize) {
    if let Some(link) = zoomable().get(at).and_then(|l| l.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = link.focus();
    }
}
