//! The lightbox: a body image opens large in a modal `<dialog>`, its alt text
//! as caption, with previous/next (buttons and arrow keys), Escape and a close
//! button; closing returns focus to the image. Built with the DOM directly at
//! the first click (a reactive view cost three times the wasm), outside `#app`:
//! the prerendered page has no dialog, and without JavaScript the image's link
//! opens the original file.

use crate::text::t;
use leptos::prelude::document;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, HtmlDialogElement, HtmlElement, KeyboardEvent, MouseEvent};

/// The body's zoomable images: links to the original around a resized image.
const ZOOMABLE: &str = ".prose a.zoom";

/// Listens for clicks on body images, once; the dialog is made at the first one.
pub fn install() {
    // Capture phase: before the router would follow the image's link.
    listen(&document(), "click", true, open);
}

thread_local! {
    static DIALOG: std::cell::OnceCell<Option<HtmlDialogElement>> = const { std::cell::OnceCell::new() };
}

/// The dialog, added to the page with its listeners the first time it is needed
/// (an empty one from the start would be a link without address to crawlers).
fn dialog() -> Option<HtmlDialogElement> {
    DIALOG.with(|d| d.get_or_init(|| build().inspect(wire)).clone())
}

fn wire(dialog: &HtmlDialogElement) {
    let on_buttons = dialog.clone();
    listen(dialog, "click", false, move |e: MouseEvent| {
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        let class = target
            .and_then(|t| t.closest("button").ok().flatten())
            .map(|b| b.class_name());
        match class.as_deref() {
            Some("lightbox-close") => on_buttons.close(),
            Some("lightbox-prev") => step(&on_buttons, -1),
            Some("lightbox-next") => step(&on_buttons, 1),
            _ => {}
        }
    });
    let on_keys = dialog.clone();
    listen(dialog, "keydown", false, move |e: KeyboardEvent| {
        match e.key().as_str() {
            "ArrowLeft" => step(&on_keys, -1),
            "ArrowRight" => step(&on_keys, 1),
            _ => {}
        }
    });
    let on_close = dialog.clone();
    listen(dialog, "close", false, move |_: web_sys::Event| {
        if let Some(link) = zoomable()
            .get(current(&on_close))
            .and_then(|l| l.dyn_ref::<HtmlElement>())
        {
            let _ = link.focus();
        }
    });
}

fn build() -> Option<HtmlDialogElement> {
    let dialog: HtmlDialogElement = document().create_element("dialog").ok()?.dyn_into().ok()?;
    dialog.set_class_name("lightbox");
    dialog.set_attribute("aria-label", t().lightbox).ok()?;
    dialog.set_inner_html(&format!(
        r#"<button type="button" class="lightbox-close" aria-label="{}" autofocus>×</button><figure><img sizes="100vw" alt=""><figcaption><span></span><span class="lightbox-count"></span><a rel="external">{}</a></figcaption></figure><button type="button" class="lightbox-prev" aria-label="{}">‹</button><button type="button" class="lightbox-next" aria-label="{}">›</button>"#,
        t().close, t().open_original, t().previous_image, t().next_image
    ));
    document().body()?.append_child(&dialog).ok()?;
    Some(dialog)
}

fn listen<E: JsCast + 'static>(target: &web_sys::EventTarget, event: &str, capture: bool, f: impl Fn(E) + 'static) {
    let f = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if let Ok(e) = e.dyn_into::<E>() {
            f(e);
        }
    });
    let _ = target.add_event_listener_with_callback_and_bool(event, f.as_ref().unchecked_ref(), capture);
    // The dialog lives as long as the page.
    f.forget();
}

fn open(e: MouseEvent) {
    if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
        return;
    }
    let link = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(ZOOMABLE).ok().flatten());
    let Some(at) = link.and_then(|link| zoomable().iter().position(|l| *l == link)) else {
        return;
    };
    let Some(dialog) = dialog() else {
        return;
    };
    e.prevent_default();
    show(&dialog, at);
    let _ = dialog.show_modal();
}

/// Shows the page's image number `at`.
fn show(dialog: &HtmlDialogElement, at: usize) {
    let links = zoomable();
    let Some(link) = links.get(at) else {
        return;
    };
    let img = link.query_selector("img").ok().flatten();
    let attr = |name: &str| img.as_ref().and_then(|i| i.get_attribute(name)).unwrap_or_default();
    let part = |css: &str| dialog.query_selector(css).ok().flatten();
    if let Some(big) = part("img") {
        for name in ["src", "srcset", "alt"] {
            let _ = big.set_attribute(name, &attr(name));
        }
    }
    if let Some(caption) = part("figcaption span") {
        caption.set_text_content(Some(&attr("alt")));
    }
    if let Some(count) = part(".lightbox-count") {
        count.set_text_content(Some(&format!("{} / {}", at + 1, links.len())));
    }
    if let Some(original) = part("figcaption a") {
        let _ = original.set_attribute("href", &link.get_attribute("href").unwrap_or_default());
    }
    for css in [".lightbox-prev", ".lightbox-next"] {
        if let Some(button) = part(css) {
            let _ = button.toggle_attribute_with_force("hidden", links.len() < 2);
        }
    }
    let _ = dialog.set_attribute("data-at", &at.to_string());
}

fn current(dialog: &HtmlDialogElement) -> usize {
    dialog
        .get_attribute("data-at")
        .and_then(|a| a.parse().ok())
        .unwrap_or(0)
}

fn step(dialog: &HtmlDialogElement, by: isize) {
    let n = zoomable().len() as isize;
    if n > 0 {
        show(dialog, (current(dialog) as isize + by).rem_euclid(n) as usize);
    }
}

fn zoomable() -> Vec<Element> {
    let Ok(all) = document().query_selector_all(ZOOMABLE) else {
        return Vec::new();
    };
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into().ok()).collect()
}
