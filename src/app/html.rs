//! [`Html`]: a view that is one element given as HTML. The views of a route
//! with nothing to interact with (pages, lists, tags, the table, the CV) are
//! written as HTML (`routes::html`, the same function natively and in the
//! browser) and shown through it: the wasm carries no code to build or to
//! hydrate their elements, which was its largest part (twiggy). Hydrating
//! takes the element already in the page as it is. Their links are routed
//! all the same: the router listens for clicks on any `<a>` in the document.

use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::Element;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};
use wasm_bindgen::JsCast;

/// One element (`<div class="wrap">…</div>`), as HTML.
pub struct Html(pub String);

impl Render for Html {
    type State = Element;

    /// The element parsed from the HTML (in a `<template>`: nothing in it
    /// loads or runs until it is in the page).
    fn build(self) -> Self::State {
        let template = leptos::prelude::document()
            .create_element("template")
            .unwrap()
            .unchecked_into::<web_sys::HtmlTemplateElement>();
        template.set_inner_html(&self.0);
        template
            .content()
            .first_element_child()
            .unwrap_or_else(|| template.into())
    }

    fn rebuild(self, state: &mut Self::State) {
        super::fresh::replace(state, self.build());
    }
}

impl AddAnyAttr for Html {
    type Output<A: Attribute> = Html;

    fn add_any_attr<A: Attribute>(self, _attr: A) -> Self::Output<A>
    where
        Self::Output<A>: RenderHtml,
    {
        self
    }
}

impl RenderHtml for Html {
    type AsyncOutput = Html;
    type Owned = Html;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    fn html_len(&self) -> usize {
        self.0.len()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        buf.push_str(&self.0);
        *position = Position::NextChild;
    }

    /// The element already in the page, as it is.
    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        position.set(Position::NextChild);
        cursor.current().unchecked_into()
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
