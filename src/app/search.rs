//! Search in the app: the index is fetched on first use; the header box shows
//! results as you type (`/` to focus, arrows and Enter to choose, Escape to
//! close); `/recherche?q=…` is the same search as a page that can be linked.

use super::link;
use crate::search::shards::{self, Fragment, Partial, Shard, Table};
use crate::search::{normalize, search, snippet, Hit};
use crate::text::t;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const BOX_RESULTS: usize = 6;
const PAGE_RESULTS: usize = 20;
const SNIPPET_CHARS: usize = 70;

/// Results with what each shows, or why search is unavailable.
type Found = Result<Vec<(Hit, Arc<Fragment>)>, String>;

/// One file of a language's search folder (see [`shards`]).
#[derive(Clone, Copy)]
enum File {
    Table,
    Shard(usize),
    Fragment(usize),
}

impl File {
    fn name(self) -> String {
        match self {
            File::Table => shards::TABLE_FILE.to_string(),
            File::Shard(k) => shards::shard_file(k),
            File::Fragment(doc) => shards::fragment_file(doc),
        }
    }
}

/// A language's search files fetched so far (a failure kept until Retry).
#[derive(Default)]
struct Files {
    table: Option<Result<Arc<Table>, String>>,
    shards: HashMap<usize, Result<Arc<Shard>, String>>,
    fragments: HashMap<usize, Result<Arc<Fragment>, String>>,
}

/// Search: the table is fetched when the box gets focus or on first use,
/// then each query fetches only its words' shards and its results' fragments.
#[derive(Clone, Copy)]
pub struct Search {
    /// The language whose files are fetched (its routes' prefix).
    wanted: StoredValue<Option<String>>,
    files: RwSignal<Files>,
    /// Files being fetched, and those to fetch past the HTTP cache (after Retry).
    pending: StoredValue<HashSet<String>>,
    fresh: StoredValue<HashSet<String>>,
}

impl Search {
    pub fn new() -> Search {
        Search {
            wanted: StoredValue::new(None),
            files: RwSignal::new(Files::default()),
            pending: StoredValue::new(HashSet::new()),
            fresh: StoredValue::new(HashSet::new()),
        }
    }

    /// The table of the language shown, fetched if it is not there yet.
    fn table(&self) -> Option<Result<Arc<Table>, String>> {
        // Each language has its own files.
        let root = crate::text::root();
        if self.wanted.get_value().as_ref() != Some(&root) {
            self.wanted.set_value(Some(root));
            self.pending.update_value(HashSet::clear);
            self.files.set(Files::default());
        }
        let table = self.files.with(|f| f.table.clone());
        if table.is_none() {
            self.fetch(File::Table);
        }
        table
    }

    /// Fetches the table ahead of a search (the box got focus).
    fn prepare(&self) {
        let _ = self.table();
    }

    /// Hits for `query` once the files it needs are there (fetching them),
    /// or why search is unavailable.
    fn hits(&self, query: &str, limit: usize) -> Option<Found> {
        let table = match self.table()? {
            Ok(table) => table,
            Err(e) => return Some(Err(e)),
        };
        let needed = table.needed(query);
        let hits = self.files.with(|f| {
            for &k in &needed {
                match f.shards.get(&k) {
                    None => self.fetch(File::Shard(k)),
                    Some(Err(e)) => return Some(Err(e.clone())),
                    Some(Ok(_)) => {}
                }
            }
            let shard = |k: usize| f.shards.get(&k).and_then(|s| s.as_deref().ok());
            needed
                .iter()
                .all(|k| shard(*k).is_some())
                .then(|| Ok(search(&Partial { table: &table, shard }, query, limit)))
        })?;
        let hits = match hits {
            Ok(hits) => hits,
            Err(e) => return Some(Err(e)),
        };
        self.files.with(|f| {
            let mut found = Vec::with_capacity(hits.len());
            let mut missing = false;
            for hit in hits {
                match f.fragments.get(&hit.doc) {
                    None => {
                        self.fetch(File::Fragment(hit.doc));
                        missing = true;
                    }
                    Some(Err(e)) => return Some(Err(e.clone())),
                    Some(Ok(fragment)) => found.push((hit, fragment.clone())),
                }
            }
            (!missing).then_some(Ok(found))
        })
    }

    /// Forgets every failure and fetches again, past the HTTP cache.
    fn retry(&self) {
        self.files.update(|f| {
            let mut failed = Vec::new();
            if matches!(f.table, Some(Err(_))) {
                f.table = None;
                failed.push(File::Table.name());
            }
            f.shards.retain(|k, s| {
                if s.is_err() {
                    failed.push(File::Shard(*k).name());
                }
                s.is_ok()
            });
            f.fragments.retain(|d, s| {
                if s.is_err() {
                    failed.push(File::Fragment(*d).name());
                }
                s.is_ok()
            });
            self.fresh.update_value(|fresh| fresh.extend(failed));
        });
    }

    /// Fetches `file` of the language shown once (in the browser only).
    fn fetch(&self, file: File) {
        let name = file.name();
        if !self
            .pending
            .try_update_value(|p| p.insert(name.clone()))
            .unwrap_or(false)
        {
            return;
        }
        #[cfg(target_arch = "wasm32")]
        {
            let this = *self;
            let root = self.wanted.get_value().unwrap_or_default();
            let fresh = self.fresh.try_update_value(|f| f.remove(&name)).unwrap_or(false);
            leptos::task::spawn_local(async move {
                let bytes = super::api::fetch_search_file(&root, &name, fresh).await;
                if this.wanted.get_value().as_ref() != Some(&root) {
                    return;
                }
                this.files.update(|f| this.keep(f, file, bytes));
                this.pending.update_value(|p| {
                    p.remove(&name);
                });
            });
        }
    }

    /// A fetched file read into `files`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    fn keep(&self, files: &mut Files, file: File, bytes: Result<Vec<u8>, String>) {
        let unavailable = |e: String| format!("{} ({e}).", t().search_unavailable);
        let damaged = |_| unavailable(format!("{} ?", file.name()));
        let table = files.table.clone().and_then(Result::ok);
        match (file, bytes) {
            (File::Table, bytes) => {
                files.table = Some(
                    bytes
                        .map_err(unavailable)
                        .and_then(|b| shards::decode_table(&b).map(Arc::new).map_err(damaged)),
                )
            }
            (File::Shard(k), bytes) => {
                let shard = bytes.map_err(unavailable).and_then(|b| match &table {
                    Some(table) => shards::decode_shard(&b, table, k).map(Arc::new).map_err(damaged),
                    None => Err(unavailable(file.name())),
                });
                files.shards.insert(k, shard);
            }
            (File::Fragment(doc), bytes) => {
                let fragment = bytes
                    .map_err(unavailable)
                    .and_then(|b| shards::decode_fragment(&b).map(Arc::new).map_err(damaged));
                files.fragments.insert(doc, fragment);
            }
        }
    }
}

/// A result: title and snippet with the matched words marked.
fn result(hit: &Hit, shown: &Fragment, id: String, selected: bool) -> impl IntoView {
    let text = snippet(&shown.text, &hit.matched, SNIPPET_CHARS);
    view! {
        <li id=id role="option" aria-selected=selected.to_string() class:selected=selected>
            <a href=link(&shown.route)>
                <span class="result-title">{marked(&shown.title, &hit.matched)}</span>
                <span class="result-kind">{shown.section.clone()}</span>
                <span class="result-snippet">{marked(&text, &hit.matched)}</span>
            </a>
        </li>
    }
}

/// Search unavailable: a button that fetches what failed again.
fn retry_button(search: Search) -> impl IntoView {
    view! { <button type="button" class="button search-retry" on:click=move |_| search.retry()>{t().error_retry}</button> }
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
    found: Memo<Option<Found>>,
    /// The routes of the results shown.
    hits: Memo<Vec<String>>,
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
            Some(route) => route,
            None => format!("{}?q={}", crate::text::route("/recherche"), encode(&q)),
        }
    }

    /// The results, the selected one marked.
    fn list(self) -> Vec<impl IntoView> {
        let Some(Ok(found)) = self.found.get() else {
            return Vec::new();
        };
        let current = self.selected.get();
        found
            .iter()
            .enumerate()
            .map(|(i, (hit, shown))| result(hit, shown, format!("resultat-{i}"), current == Some(i)))
            .collect::<Vec<_>>()
    }

    /// How many results, said to screen readers.
    fn status(self) -> String {
        let q = self.query.get();
        if q.trim().is_empty() {
            return String::new();
        }
        if let Some(Err(e)) = self.found.get() {
            return e;
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

/// The results for the box's query once its files are there; meanwhile
/// the previous query's stay.
fn box_hits(search: Search, query: ReadSignal<String>) -> Memo<Option<Found>> {
    Memo::new(move |before: Option<&Option<Found>>| {
        let q = query.get();
        if q.trim().is_empty() {
            return None;
        }
        search.hits(&q, BOX_RESULTS).or_else(|| before.cloned().flatten())
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
    let hits = Memo::new(move |_| {
        found.with(|f| match f {
            Some(Ok(found)) => found.iter().map(|(_, shown)| shown.route.clone()).collect(),
            _ => Vec::new(),
        })
    });
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
                on:focus=move |_| search.prepare()
            />
            <div class="search-results" hidden=move || !state.open()>
                <p class="search-status" role="status">{move || state.status()}</p>
                {move || matches!(found.get(), Some(Err(_))).then(|| retry_button(search))}
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
            Some(Err(e)) => Either::Right(Either::Left(
                view! { <p class="empty" role="alert">{e}</p> {retry_button(search)} },
            )),
            Some(Ok(found)) if found.is_empty() => message(format!("{} « {} »", t().search_none, q.trim())),
            Some(Ok(found)) => {
                let items: Vec<_> = found
                    .iter()
                    .enumerate()
                    .map(|(i, (hit, shown))| result(hit, shown, format!("r-{i}"), false))
                    .collect();
                Either::Right(Either::Right(view! { <ul class="search-page-results">{items}</ul> }))
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
