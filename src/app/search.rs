//! Search in the app: the index is fetched on first use; the header box shows
//! results as you type (`/` to focus, arrows and Enter to choose, Escape to
//! close); `/recherche?q=…` is the same search as a page that can be linked.

use super::link;
use crate::search::{normalize, search, snippet, Hit, SearchIndex};
use crate::text::t;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const BOX_RESULTS: usize = 6;
const PAGE_RESULTS: usize = 20;
const SNIPPET_CHARS: usize = 70;

type Found = Result<(Arc<SearchIndex>, Vec<Hit>), String>;

/// The index, fetched only once somebody searches (never at build time).
#[derive(Clone, Copy)]
pub struct Search {
    /// The language whose index is fetched or being fetched (its routes' prefix).
    wanted: StoredValue<Option<String>>,
    index: RwSignal<Option<Result<Arc<SearchIndex>, String>>>,
}

impl Search {
    pub fn new() -> Search {
        Search {
            wanted: StoredValue::new(None),
            index: RwSignal::new(None),
        }
    }

    /// Hits for `query`, once the index is there (the first call fetches it).
    fn hits(&self, query: &str, limit: usize) -> Option<Found> {
        // Each language has its index: the one of the language shown.
        let root = crate::text::root();
        if self.wanted.get_value().as_ref() != Some(&root) {
            let first = self.wanted.get_value().is_none();
            self.wanted.set_value(Some(root.clone()));
            if !first {
                self.index.set(None);
            }
            #[cfg(target_arch = "wasm32")]
            {
                let index = self.index;
                leptos::task::spawn_local(async move {
                    index.set(Some(super::api::fetch_search_index(&root).await));
                });
            }
        }
        match self.index.get()? {
            Ok(index) => {
                let hits = search(&index, query, limit);
                Some(Ok((index, hits)))
            }
            Err(e) => Some(Err(e)),
        }
    }
}

/// A result: title and snippet with the matched words marked.
fn result(index: &SearchIndex, hit: &Hit, id: String, selected: bool) -> Option<impl IntoView> {
    let shown = index.shown.get(hit.doc)?;
    let text = snippet(&shown.text, &hit.matched, SNIPPET_CHARS);
    Some(view! {
        <li id=id role="option" aria-selected=selected.to_string() class:selected=selected>
            <a href=link(&hit.route)>
                <span class="result-title">{marked(&shown.title, &hit.matched)}</span>
                <span class="result-kind">{shown.section.clone()}</span>
                <span class="result-snippet">{marked(&text, &hit.matched)}</span>
            </a>
        </li>
    })
}

/// `text` with every word whose normalised form was matched wrapped in `<mark>`.
fn marked(text: &str, matched: &[String]) -> Vec<Either<String, impl IntoView>> {
    let mut out = Vec::new();
    let mut plain = String::new();
    for piece in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
        let rest = &piece[word.len()..];
        if !word.is_empty() && matched.iter().any(|m| normalize(word) == *m) {
            out.push(Either::Left(std::mem::take(&mut plain)));
            out.push(Either::Right(view! { <mark>{word.to_string()}</mark> }));
            plain.push_str(rest);
        } else {
            plain.push_str(piece);
        }
    }
    out.push(Either::Left(plain));
    out
}

/// `/` anywhere but in a text field focuses the search box.
fn slash_focuses(input: NodeRef<leptos::html::Input>) {
    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if e.key() == "/" && !typing {
            if let Some(input) = input.get_untracked() {
                e.prevent_default();
                let _ = input.focus();
            }
        }
    });
    let _ = window().add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget();
}

/// The search box's state, which its handlers share.
#[derive(Clone, Copy)]
struct BoxState {
    query: ReadSignal<String>,
    set_query: WriteSignal<String>,
    selected: ReadSignal<Option<usize>>,
    set_selected: WriteSignal<Option<usize>>,
    input: NodeRef<leptos::html::Input>,
    found: Memo<Option<(Arc<SearchIndex>, Vec<Hit>)>>,
    hits: Memo<Vec<Hit>>,
}

impl BoxState {
    /// Whether the results show: something is typed.
    fn open(self) -> bool {
        !self.query.get().trim().is_empty()
    }

    /// The query emptied, the selection dropped.
    fn close(self) {
        self.set_query.set(String::new());
        self.set_selected.set(None);
    }

    fn blur(self) {
        if let Some(input) = self.input.get_untracked() {
            let _ = input.blur();
        }
    }

    /// Where Enter goes: the selected result, else the search page.
    fn chosen(self) -> String {
        let q = self.query.get_untracked();
        match self
            .selected
            .get_untracked()
            .and_then(|i| self.hits.with_untracked(|h| h.get(i).cloned()))
        {
            // Absolute routes: the router puts the sub-path in front.
            Some(hit) => hit.route,
            None => format!("{}?q={}", crate::text::route("/recherche"), encode(&q)),
        }
    }

    /// The results, the selected one marked.
    fn list(self) -> Vec<impl IntoView> {
        let Some((index, hits)) = self.found.get() else {
            return Vec::new();
        };
        let current = self.selected.get();
        hits.iter()
            .enumerate()
            .filter_map(|(i, hit)| result(&index, hit, format!("resultat-{i}"), current == Some(i)))
            .collect::<Vec<_>>()
    }

    /// How many results, said to screen readers.
    fn status(self) -> String {
        let q = self.query.get();
        if q.trim().is_empty() {
            return String::new();
        }
        match self.hits.with(Vec::len) {
            0 => format!("{} « {} »", t().search_none, q.trim()),
            1 => "1 résultat".to_string(),
            n => format!("{n} résultats"),
        }
    }

    /// Close when focus leaves the box and its results.
    fn focus_out(self, e: &web_sys::FocusEvent) {
        let inside = e
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(e.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
            .is_some_and(|(to, root)| root.contains(Some(&to)));
        if !inside {
            self.set_selected.set(None);
        }
    }

    /// Arrows move the selection, Enter goes to it (`go`), Escape closes.
    fn key_down(self, e: &web_sys::KeyboardEvent, go: impl Fn(String)) {
        let count = self.hits.with_untracked(Vec::len);
        match e.key().as_str() {
            "ArrowDown" if count > 0 => {
                e.prevent_default();
                self.set_selected
                    .update(|s| *s = Some(s.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                e.prevent_default();
                self.set_selected
                    .update(|s| *s = Some(s.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                e.prevent_default();
                go(self.chosen());
            }
            "Escape" => {
                self.close();
                self.blur();
            }
            _ => {}
        }
    }
}

/// The hits for the box's query, once the index is there.
fn box_hits(search: Search, query: ReadSignal<String>) -> Memo<Option<(Arc<SearchIndex>, Vec<Hit>)>> {
    Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return None;
        }
        match search.hits(&q, BOX_RESULTS) {
            Some(Ok(found)) => Some(found),
            _ => None,
        }
    })
}

/// The search box in the header.
#[component]
pub fn SearchBox() -> impl IntoView {
    let search = expect_context::<Search>();
    let (query, set_query) = signal(String::new());
    let (selected, set_selected) = signal(None::<usize>);
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();

    // `/` anywhere (but in a text field) focuses the box.
    Effect::new(move |_| slash_focuses(input));

    let found = box_hits(search, query);
    let hits = Memo::new(move |_| found.with(|f| f.as_ref().map(|(_, hits)| hits.clone()).unwrap_or_default()));
    let state = BoxState {
        query,
        set_query,
        selected,
        set_selected,
        input,
        found,
        hits,
    };
    let go = move |route: String| {
        state.close();
        state.blur();
        navigate(&route, Default::default());
    };
    view! {
        <div class="search" role="search" on:focusout=move |e: web_sys::FocusEvent| state.focus_out(&e)>
            <label class="visually-hidden" for="recherche">{super::text(|t| t.search_label)}</label>
            <input
                id="recherche"
                node_ref=input
                type="search"
                placeholder=super::text(|t| t.search_placeholder)
                autocomplete="off"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="resultats-recherche"
                aria-expanded=move || state.open().to_string()
                aria-activedescendant=move || selected.get().map(|i| format!("resultat-{i}"))
                prop:value=query
                on:input=move |e| {
                    set_query.set(event_target_value(&e));
                    set_selected.set(None);
                }
                on:keydown=move |e: web_sys::KeyboardEvent| state.key_down(&e, &go)
            />
            <div class="search-results" hidden=move || !state.open()>
                <p class="search-status" role="status">{move || state.status()}</p>
                <ul id="resultats-recherche" role="listbox" aria-label=super::text(|t| t.search_label) on:click=move |_| state.close()>{move || state.list()}</ul>
            </div>
        </div>
    }
}

/// `/recherche?q=…`: the same search as a page.
pub fn page() -> impl IntoView {
    use leptos_router::hooks::use_query_map;
    use leptos_router::NavigateOptions;
    let search = expect_context::<Search>();
    let query = use_query_map();
    let navigate = use_navigate();
    let q = move || query.read().get("q").unwrap_or_default();
    let results = move || {
        let q = q();
        let message = |text: String| Either::Left(view! { <p class="empty">{text}</p> });
        if q.trim().is_empty() {
            return message(t().search_empty.into());
        }
        match search.hits(&q, PAGE_RESULTS) {
            None => message(t().loading.into()),
            Some(Err(e)) => message(e),
            Some(Ok((_, hits))) if hits.is_empty() => message(format!("{} « {} »", t().search_none, q.trim())),
            Some(Ok((index, hits))) => {
                let items: Vec<_> = hits
                    .iter()
                    .enumerate()
                    .filter_map(|(i, h)| result(&index, h, format!("r-{i}"), false))
                    .collect();
                Either::Right(view! { <ul class="search-page-results">{items}</ul> })
            }
        }
    };
    view! {
        <div class="wrap">
            <h1>{t().search_title}</h1>
            <label class="visually-hidden" for="recherche-page">{t().search_label}</label>
            <input
                id="recherche-page"
                class="search-page-input"
                type="search"
                placeholder=t().search_placeholder
                prop:value=q
                on:input=move |e| {
                    let value = event_target_value(&e);
                    navigate(&format!("{}?q={}", crate::text::route("/recherche"), encode(&value)), NavigateOptions { replace: true, scroll: false, ..Default::default() });
                }
            />
            {results}
        </div>
    }
}

fn encode(text: &str) -> String {
    web_sys::js_sys::encode_uri_component(text)
        .as_string()
        .unwrap_or_default()
}
