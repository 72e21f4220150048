//! Search figures in Chromium, ours against Pagefind on the same built sites
//! (`scripts/bench-search.sh` builds them, runs `pagefind` on each, then runs
//! this with `--ignored`). Prints figures; asserts only that searching worked.
//!
//! Bytes: the brotli size (`-q 11`) of each file a search fetched (as listed
//! by the Performance API), or its size on disk when smaller (Pagefind's
//! files are gzipped already). Requests in a row: the longest chain of
//! fetches each asked for after the one before arrived, by the browser's own
//! timings (Resource Timing), and by the server's (which count as a chain the
//! requests Chromium sends in turn on one kept-alive connection; the only
//! view of Pagefind's, which fetches from a worker the page's timings miss). Relevant pages for
//! recall@10: the built pages whose `<main>` text holds the correctly spelled word.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{Browser, Host, Server};

/// (kind, what is typed, the word as spelled right).
const QUERIES: [(&str, &str, &str); 15] = [
    ("correct", "déploiement", "déploiement"),
    ("correct", "développeurs", "développeurs"),
    ("correct", "cybersécurité", "cybersécurité"),
    ("correct", "expérience", "expérience"),
    ("correct", "données", "données"),
    ("no accents", "deploiement", "déploiement"),
    ("no accents", "developpeurs", "développeurs"),
    ("no accents", "cybersecurite", "cybersécurité"),
    ("no accents", "experience", "expérience"),
    ("no accents", "donnees", "données"),
    ("misspelled", "deploiemnt", "déploiement"),
    ("misspelled", "developeurs", "développeurs"),
    ("misspelled", "cybersecurtie", "cybersécurité"),
    ("misspelled", "experiance", "expérience"),
    ("misspelled", "donnes", "données"),
];

/// The session of five queries (the first is "the first query").
const SESSION: [&str; 5] = ["deploiement", "developeurs", "cybersecurite", "experience", "donnees"];

/// Helpers both engines' scripts use.
const HELPERS: &str = r#"
performance.setResourceTimingBufferSize(100000);
window.__marks = window.__marks || {};
window.__marks[arguments[0]] = performance.now();
const nextTask = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
"#;

/// Ours: the header box (six results). Phases, each a call: `prepare` (focus:
/// the table is fetched), `first` (the first query), `rest` (four more),
/// `keys` (each query typed letter by letter, files cached). Each resolves
/// once the results shown are the query's (`aria-busy` false).
const OURS: &str = r#"
const [phase, session, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const input = document.getElementById('recherche');
const results = document.querySelector('.search-results');
const settle = async () => { await nextTask(); while (results.getAttribute('aria-busy') !== 'false') await nextTask(); };
const type = async text => { const t = performance.now(); input.value = text; input.dispatchEvent(new Event('input')); await settle(); return performance.now() - t; };
(async () => {
  if (phase === 'prepare') { input.focus(); return done(0); }
  if (phase === 'first') return done([await type(session[0])]);
  if (phase === 'rest') { for (const q of session.slice(1)) await type(q); return done([document.querySelectorAll('#resultats-recherche li').length]); }
  const times = [];
  for (const q of session) { await type(''); for (let i = 1; i <= q.length; i++) times.push(await type(q.slice(0, i))); }
  done(times);
})();
"#;

/// Pagefind: its own API (what its UI calls), six results' data per query;
/// `prepare`: `init()` (its entry file, wasm and metadata), as on focus.
const PAGEFIND: &str = r#"
const [phase, session, base, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
const run = async q => { const s = await window.__pagefind.search(q); return Promise.all(s.results.slice(0, 6).map(r => r.data())); };
const timed = async q => { const t = performance.now(); await run(q); return performance.now() - t; };
(async () => {
  if (phase === 'prepare') { window.__pagefind = await import(base + '/pagefind/pagefind.js'); await window.__pagefind.init(); return done(0); }
  if (phase === 'first') return done([await timed(session[0])]);
  if (phase === 'rest') { let n = 0; for (const q of session.slice(1)) n = (await run(q)).length; return done([n]); }
  const times = [];
  for (const q of session) for (let i = 1; i <= q.length; i++) times.push(await timed(q.slice(0, i)));
  done(times);
})();
"#;

/// The top ten routes of each query, ours (the search page) or Pagefind's.
const TOP_OURS: &str = r#"
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('recherche-page');
(async () => {
  const out = [];
  for (const q of queries) {
    input.value = q; input.dispatchEvent(new Event('input'));
    // The results are this query's once the address holds it and nothing loads.
    const loading = () => { const e = document.querySelector('main .empty'); return e && e.textContent.includes('Chargement'); };
    const since = performance.now();
    do { await nextTask(); } while ((new URLSearchParams(location.search).get('q') !== q || loading()) && performance.now() - since < 10000);
    await nextTask();
    out.push([...document.querySelectorAll('.search-page-results a')].slice(0, 10).map(a => new URL(a.href).pathname));
  }
  done(out);
})();
"#;
const TOP_PAGEFIND: &str = r#"
const [queries, base, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {
  const pagefind = await import(base + '/pagefind/pagefind.js');
  const out = [];
  for (const q of queries) {
    const s = await pagefind.search(q);
    out.push((await Promise.all(s.results.slice(0, 10).map(r => r.data()))).map(d => new URL(d.url, location.href).pathname));
  }
  done(out);
})();
"#;

/// The search files fetched from phase `from` on, as (start, end) in ms.
const TIMINGS: &str = r#"
const [from, part] = arguments;
return performance.getEntriesByType('resource')
  .filter(e => e.name.includes(part) && e.startTime >= window.__marks[from])
  .map(e => [e.startTime, e.responseEnd]);
"#;

/// Bytes on the wire for files served (paths), read from the site's folder.
fn wire(site: &Path, served: &[&(String, Duration, Duration)]) -> usize {
    served
        .iter()
        .map(|(path, _, _)| {
            let path = path.strip_prefix(&support::base()).unwrap_or(path);
            let file = site.join(path.trim_start_matches('/'));
            let raw = std::fs::metadata(&file).map(|m| m.len() as usize).unwrap_or(0);
            let brotli = std::process::Command::new("brotli")
                .args(["-c", "-q", "11"])
                .arg(&file)
                .output()
                .map(|o| o.stdout.len())
                .unwrap_or(raw);
            raw.min(brotli)
        })
        .sum()
}

/// Every built page's route and the words of its `<main>`, accents folded.
fn pages(site: &Path) -> HashMap<String, std::collections::HashSet<String>> {
    walk(site)
        .into_iter()
        .filter(|p| p.ends_with("index.html"))
        .map(|p| {
            let html = std::fs::read_to_string(&p).unwrap_or_default();
            // The page's own content: its `<main>` (not the menu, the footer or the embedded data).
            let html = html
                .split_once("<main")
                .and_then(|(_, rest)| rest.split_once("</main>"))
                .map_or(String::new(), |(main, _)| main.to_string());
            let route = format!("/{}", p.parent().unwrap().strip_prefix(site).unwrap().display());
            let words = vitrine::search::words(&vitrine::search::plain_text(&html))
                .into_iter()
                .collect();
            (route.trim_end_matches('/').to_string(), words)
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Mean recall@10 per kind of query.
fn recall(tops: &[Vec<String>], pages: &HashMap<String, std::collections::HashSet<String>>) -> Vec<(String, f64)> {
    let mut by_kind: Vec<(String, f64, usize)> = Vec::new();
    for ((kind, typed, right), top) in QUERIES.iter().zip(tops) {
        let word = vitrine::search::normalize(right);
        let relevant = pages.values().filter(|w| w.contains(&word)).count();
        let found = top
            .iter()
            .filter(|r| {
                let route = r.strip_prefix(&support::base()).unwrap_or(r).trim_end_matches('/');
                pages
                    .get(if route.is_empty() { "/" } else { route })
                    .is_some_and(|w| w.contains(&word))
            })
            .count();
        let value = found as f64 / relevant.clamp(1, 10) as f64;
        if value < 1.0 {
            println!("           recall@10 of « {typed} »: {value:.1} ({relevant} pages hold « {right} »)");
        }
        match by_kind.iter_mut().find(|(k, _, _)| k == kind) {
            Some(entry) => {
                entry.1 += value;
                entry.2 += 1;
            }
            None => by_kind.push((kind.to_string(), value, 1)),
        }
    }
    by_kind.into_iter().map(|(k, sum, n)| (k, sum / n as f64)).collect()
}

/// Brotli size of bytes.
fn brotli(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut child = std::process::Command::new("brotli")
        .args(["-c", "-q", "11"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    child.wait_with_output().unwrap().stdout.len()
}

/// What front coding saves the table (brotli): as written, and as plain JSON.
fn json_or_binary(site: &Path) {
    use vitrine::search::shards;
    let folder = walk(site)
        .into_iter()
        .find(|p| p.ends_with(shards::TABLE_FILE) && p.parent().unwrap().parent() == Some(site))
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let written = std::fs::read_to_string(folder.join(shards::TABLE_FILE)).unwrap();
    let table = shards::decode_table(&written).unwrap();
    let plain = serde_json::json!({"starts": table.starts, "words": table.words});
    println!(
        "table, brotli: {} B front-coded as written, {} B as plain JSON",
        brotli(written.as_bytes()),
        brotli(&serde_json::to_vec(&plain).unwrap()),
    );
}

/// Requests as the server saw them, (start, end) in ms.
fn served(requests: &[&(String, Duration, Duration)]) -> Vec<(f64, f64)> {
    let ms = |d: &Duration| d.as_secs_f64() * 1e3;
    requests.iter().map(|(_, start, end)| (ms(start), ms(end))).collect()
}

/// The longest chain of requests (start, end) each starting after the one before ended.
fn in_a_row(mut requests: Vec<(f64, f64)>) -> usize {
    requests.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut depth: Vec<usize> = Vec::new();
    for (i, (start, _)) in requests.iter().enumerate() {
        let before = (0..i).filter(|&j| requests[j].1 <= *start).map(|j| depth[j]).max();
        depth.push(1 + before.unwrap_or(0));
    }
    depth.into_iter().max().unwrap_or(0)
}

fn percentile(times: &mut [f64], p: f64) -> f64 {
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[((times.len() - 1) as f64 * p).round() as usize]
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: run by scripts/bench-search.sh"]
async fn search_ours_and_pagefind_side_by_side() {
    let sites =
        std::env::var("BENCH_SITES").expect("BENCH_SITES: `pages:folder` pairs, built with pagefind run on each");
    println!(
        "{:<10} {:<9} {:>12} {:>12} {:>9} {:>9} {:>10} {:>10} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "site",
        "engine",
        "1st query B",
        "5 queries B",
        "row br",
        "row srv",
        "cold srv",
        "1st ms",
        "key p50",
        "key p90",
        "recall ok",
        "no acc",
        "typo"
    );
    for pair in sites.split_whitespace() {
        let (pages_count, folder) = pair.split_once(':').unwrap();
        let site = PathBuf::from(folder);
        json_or_binary(&site);
        let words = pages(&site);
        let server = Server::start(&site, Host::SpaFallback).await;
        let session: Vec<String> = SESSION.iter().map(|s| s.to_string()).collect();
        let queries: Vec<String> = QUERIES.iter().map(|q| q.1.to_string()).collect();
        let base = serde_json::json!(server.base);
        for engine in ["vitrine", "pagefind"] {
            let b = Browser::start().await;
            let timeouts =
                fantoccini::wd::TimeoutConfiguration::new(Some(std::time::Duration::from_secs(600)), None, None);
            b.client.update_timeouts(timeouts).await.unwrap();
            b.goto(&server.url("/")).await;
            b.wait_for_app().await;
            let (script, top, part) = match engine {
                "vitrine" => (OURS, TOP_OURS, "/search."),
                _ => (PAGEFIND, TOP_PAGEFIND, "/pagefind/"),
            };
            let phase = |name: &str| {
                let args = vec![serde_json::json!(name), serde_json::json!(session), base.clone()];
                let script = format!("{HELPERS}{script}");
                let b = &b;
                async move { b.client.execute_async(&script, args).await.unwrap() }
            };
            let mark = || server.log.lock().unwrap().len();
            let begin = mark();
            phase("prepare").await;
            // Ours: the table asked for on focus, then read.
            while engine == "vitrine" && !server.log.lock().unwrap()[begin..].iter().any(|r| r.0.contains(part)) {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
            let prepared = mark();
            let first_time = phase("first").await[0].as_f64().unwrap();
            let first_done = mark();
            let timings = |from: &str| {
                let args = vec![serde_json::json!(from), serde_json::json!(part)];
                let b = &b;
                async move {
                    let value = b.client.execute(TIMINGS, args).await.unwrap();
                    serde_json::from_value::<Vec<(f64, f64)>>(value).unwrap()
                }
            };
            let (after_focus, cold) = (timings("first").await, timings("prepare").await);
            let count = phase("rest").await[0].as_u64().unwrap();
            let all_done = mark();
            assert!(count > 0, "{engine} found nothing");
            let mut times: Vec<f64> = serde_json::from_value(phase("keys").await).unwrap();
            let log = server.log.lock().unwrap().clone();
            let ours = |from: usize, to: usize| log[from..to].iter().filter(|r| r.0.contains(part)).collect::<Vec<_>>();
            let (first, all) = (ours(begin, first_done), ours(begin, all_done));
            if engine == "vitrine" {
                b.goto(&server.url("/recherche")).await;
                b.wait_for_app().await;
            }
            let args = vec![serde_json::json!(queries), base.clone()];
            let tops = b.client.execute_async(&format!("{HELPERS}{top}"), args).await.unwrap();
            let tops: Vec<Vec<String>> = serde_json::from_value(tops).unwrap();
            let recall = recall(&tops, &words);
            println!(
                "{:<10} {:<9} {:>12} {:>12} {:>9} {:>9} {:>10} {:>10.0} {:>8.1} {:>8.1} {:>8.2} {:>8.2} {:>8.2}",
                pages_count,
                engine,
                wire(&site, &first),
                wire(&site, &all),
                match engine {
                    "vitrine" => format!("{}/{}", in_a_row(after_focus), in_a_row(cold)),
                    _ => "worker".to_string(),
                },
                in_a_row(served(&ours(prepared, first_done))),
                in_a_row(served(&first)),
                first_time,
                percentile(&mut times, 0.5),
                percentile(&mut times, 0.9),
                recall[0].1,
                recall[1].1,
                recall[2].1
            );
            println!(
                "           {engine}: first query {} files ({} before it), session of five {} files",
                first.len(),
                ours(begin, prepared).len(),
                all.len()
            );
            b.close().await;
        }
    }
}
