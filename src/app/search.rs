//! Search in the app: the index is fetched on first use; the header box shows
//! results as you type (`/` to focus, arrows and Enter to choose, Escape to
//! close); `/recherche?q=…` is the same search as a page that can be linked.

use super::{escape, link};
use crate::search::shards::{self, Fragment, Partial, Shard, Table};
use crate::search::{matched, normalize, ranked, snippet, Hit, Matched};
use crate::text::t;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const BOX_RESULTS: usize = 6;
const PAGE_RESULTS: usize = 20;
const SNIPPET_CHARS: usize = 70;

/// Results with what each shows, or why search is unavailable.
type Found = Result<Vec<(Hit, Arc<Fragment>)>, String>;

/// One file of a language's search folder (see [`shards`]).
#[derive(Clone, Copy, PartialEq)]
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

/// A search file, read.
enum Contents {
    Table(Arc<Table>),
    Shard(Arc<Shard>),
    Fragment(Arc<Fragment>),
}

/// What became of a file: read, or why not (kept until Retry).
type Got = Result<Contents, String>;

/// Search: the table is fetched when the box gets focus or on first use,
/// then each query fetches only its words' shards and its results' fragments.
#[derive(Clone, Copy)]
pub struct Search {
    /// The language whose files are fetched (its routes' prefix).
    wanted: StoredValue<Option<String>>,
    /// The files fetched so far (a few hundred in a long session at most).
    files: RwSignal<Vec<(File, Got)>>,
    /// Files being fetched, and those to fetch past the HTTP cache (after Retry).
    pending: StoredValue<HashSet<String>>,
    fresh: StoredValue<HashSet<String>>,
    /// The last query's words matched in the table (a query is searched
    /// again as each of its files arrives): the table, the query, the words.
    last: StoredValue<Option<(usize, String, Arc<Matched>)>>,
}

/// `file` among `files`: `None` while not fetched (and then fetched).
fn got<'a>(search: &Search, files: &'a [(File, Got)], file: File) -> Option<Result<&'a Contents, String>> {
    match files.iter().find(|(f, _)| *f == file) {
        Some((_, got)) => Some(got.as_ref().map_err(Clone::clone)),
        None => {
            search.fetch(file);
            None
        }
    }
}

impl Search {
    pub fn new() -> Search {
        Search {
            wanted: StoredValue::new(None),
            files: RwSignal::new(Vec::new()),
            pending: StoredValue::new(HashSet::default()),
            fresh: StoredValue::new(HashSet::default()),
            last: StoredValue::new(None),
        }
    }

    /// The table of the language shown, fetched if it is not there yet.
    fn table(&self) -> Option<Result<Arc<Table>, String>> {
        // Each language has its own files.
        let root = crate::text::root();
        if self.wanted.get_value().as_ref() != Some(&root) {
            self.wanted.set_value(Some(root));
            self.pending.update_value(HashSet::clear);
            self.last.set_value(None);
            self.files.set(Vec::new());
        }
        self.files.with(|files| match got(self, files, File::Table)? {
            Ok(Contents::Table(table)) => Some(Ok(table.clone())),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
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
        let found = self.matched(&table, query);
        let needed = table.needed_for(&found);
        self.files.with(|files| {
            // Every needed shard asked for at once (in parallel), then read.
            let needed: Vec<_> = needed.iter().map(|&k| (k, got(self, files, File::Shard(k)))).collect();
            let mut at_hand = Vec::with_capacity(needed.len());
            for (k, shard) in needed {
                match shard? {
                    Ok(Contents::Shard(shard)) => at_hand.push((k, shard)),
                    Ok(_) => return None,
                    Err(e) => return Some(Err(e)),
                }
            }
            let shard = |k: usize| at_hand.iter().find(|(at, _)| *at == k).map(|(_, s)| &***s);
            let hits = ranked(&Partial { table: &table, shard }, &found, limit);
            let shown: Vec<_> = hits
                .iter()
                .map(|hit| got(self, files, File::Fragment(hit.doc)))
                .collect();
            let mut found = Vec::with_capacity(hits.len());
            for (hit, shown) in hits.into_iter().zip(shown) {
                match shown? {
                    Ok(Contents::Fragment(fragment)) => found.push((hit, fragment.clone())),
                    Ok(_) => return None,
                    Err(e) => return Some(Err(e)),
                }
            }
            Some(Ok(found))
        })
    }

    /// `query`'s words matched in `table`, found once per query.
    fn matched(&self, table: &Arc<Table>, query: &str) -> Arc<Matched> {
        let key = Arc::as_ptr(table) as usize;
        let known = self.last.with_value(|last| match last {
            Some((at, q, found)) if *at == key && q == query => Some(found.clone()),
            _ => None,
        });
        known.unwrap_or_else(|| {
            let found = Arc::new(matched(&table.words, query));
            self.last.set_value(Some((key, query.to_string(), found.clone())));
            found
        })
    }

    /// Forgets every failure and fetches again, past the HTTP cache.
    fn retry(&self) {
        self.files.update(|files| {
            self.fresh.update_value(|fresh| {
                fresh.extend(files.iter().filter(|(_, got)| got.is_err()).map(|(f, _)| f.name()));
            });
            files.retain(|(_, got)| got.is_ok());
        });
    }

    /// Fetches `file` of the language shown once (in the browser only).
    fn fetch(&self, file: File) {
        let name = file.name();
        let asked = self
            .pending
            .try_update_value(|p| p.insert(name.clone()))
            .unwrap_or(false);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = asked;
        #[cfg(target_arch = "wasm32")]
        if asked {
            let this = *self;
            let root = self.wanted.get_value().unwrap_or_default();
            let fresh = self.fresh.try_update_value(|f| f.remove(&name)).unwrap_or(false);
            leptos::task::spawn_local(async move {
                let json = super::api::fetch_search_file(&root, &name, fresh).await;
                if this.wanted.get_value().as_ref() != Some(&root) {
                    return;
                }
                this.files.update(|files| {
                    let got = read(files, file, json);
                    files.push((file, got));
                });
                this.pending.update_value(|p| {
                    p.remove(&name);
                });
            });
        }
    }
}

/// A fetched file read (a shard checked against the table).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn read(files: &[(File, Got)], file: File, json: Result<String, String>) -> Got {
    let unavailable = |e: String| format!("{} ({e}).", t().search_unavailable);
    let json = json.map_err(unavailable)?;
    let read = match file {
        File::Table => shards::decode_table(&json).map(|t| Contents::Table(Arc::new(t))),
        File::Shard(k) => match files.iter().find(|(f, _)| *f == File::Table) {
            Some((_, Ok(Contents::Table(table)))) => {
                shards::decode_shard(&json, table, k).map(|s| Contents::Shard(Arc::new(s)))
            }
            _ => Err(shards::Damaged::Damaged),
        },
        File::Fragment(_) => shards::decode_fragment(&json).map(|f| Contents::Fragment(Arc::new(f))),
    };
    read.map_err(|_| unavailable(format!("{} ?", file.name())))
}

/// A result: title and snippet with the matched words marked, as HTML (a
/// list of results changes all at once: one piece of HTML costs the wasm
/// less than a view per result).
fn result(hit: &Hit, shown: &Fragment, id: &str, selected: bool) -> String {
    let text = snippet(&shown.text, &hit.matched, SNIPPET_CHARS);
    let selected = if selected {
        r#" aria-selected="true" class="selected""#
    } else {
        r#" aria-selected="false""#
    };
    format!(
        r#"<li id="{id}" role="option"{selected}><a href="{}"><span class="result-title">{}</span><span class="result-kind">{}</span><span class="result-snippet">{}</span></a></li>"#,
        escape(&link(&shown.route)),
        marked(&shown.title, &hit.matched),
        escape(&shown.section),
        marked(&text, &hit.matched),
    )
}

/// Search unavailable: a button that fetches what failed again.
fn retry_button(search: Search) -> impl IntoView {
    view! { <button type="button" class="button search-retry" on:click=move |_| search.retry()>{t().error_retry}</button> }
}

/// `text` as HTML, every word whose normalised form was matched wrapped in `<mark>`.
fn marked(text: &str, matched: &[String]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for piece in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.is_empty() && matched.iter().any(|m| normalize(word) == *m) {
            out.push_str(&format!(
                "<mark>{}</mark>{}",
                escape(word),
                escape(&piece[word.len()..])
            ));
        } else {
            out.push_str(&escape(piece));
        }
    }
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
    /// The results, and whether newer ones are being fetched.
    found: Memo<(Option<Found>, bool)>,
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

    /// The results, the selected one marked (HTML).
    fn list(self) -> String {
        let (Some(Ok(found)), _) = self.found.get() else {
            return String::new();
        };
        let current = self.selected.get();
        found
            .iter()
            .enumerate()
            .map(|(i, (hit, shown))| result(hit, shown, &format!("resultat-{i}"), current == Some(i)))
            .collect()
    }

    /// How many results, said to screen readers.
    fn status(self) -> String {
        let q = self.query.get();
        if q.trim().is_empty() {
            return String::new();
        }
        if let (Some(Err(e)), _) = self.found.get() {
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
fn box_hits(search: Search, query: ReadSignal<String>) -> Memo<(Option<Found>, bool)> {
    Memo::new(move |before: Option<&(Option<Found>, bool)>| {
        let q = query.get();
        if q.trim().is_empty() {
            return (None, false);
        }
        match search.hits(&q, BOX_RESULTS) {
            Some(found) => (Some(found), false),
            None => (before.and_then(|b| b.0.clone()), true),
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
    let hits = Memo::new(move |_| {
        found.with(|f| match &f.0 {
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
            <div class="search-results" hidden=move || !state.open() aria-busy=move || found.with(|f| f.1).to_string()>
                <p class="search-status" role="status">{move || state.status()}</p>
                {move || found.with(|f| matches!(f.0, Some(Err(_)))).then(|| retry_button(search))}
                <ul id="resultats-recherche" role="listbox" aria-label=super::text(|t| t.search_label) on:click=move |_| state.close() inner_html=move || state.list()></ul>
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
    // The page is for searching: its table is fetched at once (untracked: the
    // route view must not be rebuilt, and the box lose focus, as files arrive).
    untrack(|| search.prepare());
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
                let items: String = found
                    .iter()
                    .enumerate()
                    .map(|(i, (hit, shown))| result(hit, shown, &format!("r-{i}"), false))
                    .collect();
                Either::Right(Either::Right(
                    view! { <ul class="search-page-results" inner_html=items></ul> },
                ))
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
