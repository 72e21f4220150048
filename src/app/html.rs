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
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use wasm_bindgen::JsCast;

/// One element (`<div class="wrap">…</div>`), as HTML.
pub struct Html(pub String);

/// The element on screen.
pub struct HtmlState(Element);

impl Mountable for HtmlState {
    fn unmount(&mut self) {
        self.0.unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.0.mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.0.insert_before_this(child)
    }

    fn elements(&self) -> Vec<Element> {
        vec![self.0.clone()]
    }
}

impl Render for Html {
    type State = HtmlState;

    /// The element parsed from the HTML (in a `<template>`: nothing in it
    /// loads or runs until it is in the page).
    fn build(self) -> Self::State {
        let template = leptos::prelude::document()
            .create_element("template")
            .unwrap()
            .unchecked_into::<web_sys::HtmlTemplateElement>();
        template.set_inner_html(&self.0);
        HtmlState(
            template
                .content()
                .first_element_child()
                .unwrap_or_else(|| template.into()),
        )
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut new = self.build();
        state.insert_before_this(&mut new);
        state.unmount();
        *state = new;
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
        HtmlState(cursor.current().unchecked_into())
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
