//! Search figures in Chromium, ours against Pagefind on the same built sites
//! (`scripts/bench-search.sh` builds them, runs `pagefind` on each, then runs
//! this with `--ignored`). Prints figures; asserts only that searching worked.
//!
//! Bytes: the brotli size (`-q 11`) of each file a search fetched (as listed
//! by the Performance API), or its size on disk when smaller (Pagefind's
//! files are gzipped already). Requests in a row: the longest chain of
//! fetches each starting after the one before ended. Relevant pages for
//! recall@10: the built pages whose text holds the correctly spelled word.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
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

/// Helpers both engines' scripts use: chain depth and the files fetched.
const HELPERS: &str = r#"
const nextTask = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
const fetched = (from, part) => performance.getEntriesByType('resource').slice(from).filter(e => e.name.includes(part));
const depth = entries => { const d = []; entries.forEach((e, i) => { d[i] = 1 + Math.max(0, ...entries.slice(0, i).map((f, j) => f.responseEnd <= e.startTime ? d[j] : 0)); }); return Math.max(0, ...d); };
performance.setResourceTimingBufferSize(100000);
"#;

/// Ours: the header box (six results), its table fetched on focus.
const OURS: &str = r#"
const [session, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('recherche');
const results = document.querySelector('.search-results');
const settle = async () => { await nextTask(); while (results.getAttribute('aria-busy') !== 'false') await nextTask(); };
const type = async text => { const t = performance.now(); input.value = text; input.dispatchEvent(new Event('input')); await settle(); return performance.now() - t; };
(async () => {
  const start = performance.getEntriesByType('resource').length;
  input.focus();
  while (fetched(start, '/search.').length < 1 || fetched(start, '/search.')[0].responseEnd === 0) await new Promise(r => setTimeout(r, 5));
  const focused = performance.getEntriesByType('resource').length;
  const timeFirst = await type(session[0]);
  const first = fetched(start, '/search.').map(e => e.name);
  const chain = depth(fetched(focused, '/search.'));
  for (const q of session.slice(1)) await type(q);
  const all = fetched(start, '/search.').map(e => e.name);
  // Keystrokes: each query typed letter by letter, after the session (files cached).
  const times = [];
  for (const q of session) { await type(''); for (let i = 1; i <= q.length; i++) times.push(await type(q.slice(0, i))); }
  const count = document.querySelectorAll('#resultats-recherche li').length;
  done({ first, all, chain, chainCold: chain + 1, timeFirst, times, count });
})();
"#;

/// Pagefind: its own API (what its UI calls), six results' data per query,
/// `init()` (its entry file, wasm and metadata) on focus.
const PAGEFIND: &str = r#"
const [session, base, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const run = async q => { const s = await pagefind.search(q); return Promise.all(s.results.slice(0, 6).map(r => r.data())); };
let pagefind;
(async () => {
  const start = performance.getEntriesByType('resource').length;
  pagefind = await import(base + '/pagefind/pagefind.js');
  await pagefind.init();
  const focused = performance.getEntriesByType('resource').length;
  let t = performance.now();
  await run(session[0]);
  const timeFirst = performance.now() - t;
  const first = fetched(start, '/pagefind/').map(e => e.name);
  const chain = depth(fetched(focused, '/pagefind/'));
  const chainCold = depth(fetched(start, '/pagefind/'));
  for (const q of session.slice(1)) await run(q);
  const all = fetched(start, '/pagefind/').map(e => e.name);
  const times = [];
  for (const q of session) for (let i = 1; i <= q.length; i++) { t = performance.now(); await run(q.slice(0, i)); times.push(performance.now() - t); }
  done({ first, all, chain, chainCold, timeFirst, times, count: 1 });
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
    await nextTask();
    while (document.querySelector('main .empty') && document.querySelector('main .empty').textContent.includes('Chargement')) await nextTask();
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

/// Bytes on the wire for files fetched (URLs), read from the site's folder.
fn wire(site: &Path, urls: &[String]) -> usize {
    urls.iter()
        .map(|url| {
            let path = url
                .split("://")
                .nth(1)
                .and_then(|u| u.find('/').map(|i| &u[i..]))
                .unwrap_or(url);
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

/// Every built page's route and its words, accents folded.
fn pages(site: &Path) -> HashMap<String, std::collections::HashSet<String>> {
    walk(site)
        .into_iter()
        .filter(|p| p.ends_with("index.html"))
        .map(|p| {
            let html = std::fs::read_to_string(&p).unwrap_or_default();
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
    for ((kind, _, right), top) in QUERIES.iter().zip(tops) {
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

/// The search folder's files as written (postcard) and as JSON would be, brotli.
fn json_or_binary(site: &Path) {
    use vitrine::search::shards;
    let folder = walk(site)
        .into_iter()
        .find(|p| p.ends_with(shards::TABLE_FILE) && p.parent().unwrap().parent() == Some(site))
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let read = |name: &str| std::fs::read(folder.join(name)).unwrap();
    let table_bytes = read(shards::TABLE_FILE);
    let table = shards::decode_table(&table_bytes).unwrap();
    let json = serde_json::json!({"starts": table.starts, "words": table.words});
    let (mut bin, mut text) = (0, 0);
    for k in 0..table.starts.len() {
        let bytes = read(&shards::shard_file(k));
        let mut shard = shards::decode_shard(&bytes, &table, k).unwrap();
        for list in &mut shard.postings {
            for i in (1..list.len()).rev() {
                list[i] -= list[i - 1];
            }
        }
        bin += brotli(&bytes);
        text += brotli(&serde_json::to_vec(&shard).unwrap());
    }
    let fragment = read(&shards::fragment_file(0));
    let as_json = serde_json::to_vec(&shards::decode_fragment(&fragment).unwrap()).unwrap();
    println!(
        "brotli, postcard vs JSON: table {} vs {} B (JSON without front coding), all shards {} vs {} B, a fragment {} vs {} B",
        brotli(&table_bytes),
        brotli(&serde_json::to_vec(&json).unwrap()),
        bin,
        text,
        brotli(&fragment),
        brotli(&as_json)
    );
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
        "{:<10} {:<9} {:>12} {:>12} {:>9} {:>9} {:>10} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "site",
        "engine",
        "1st query B",
        "5 queries B",
        "in a row",
        "cold",
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
            let (script, top) = match engine {
                "vitrine" => (OURS, TOP_OURS),
                _ => (PAGEFIND, TOP_PAGEFIND),
            };
            let args = vec![serde_json::json!(session), base.clone()];
            let r = b
                .client
                .execute_async(&format!("{HELPERS}{script}"), args)
                .await
                .unwrap();
            assert!(r["count"].as_u64().unwrap() > 0, "{engine} found nothing: {r}");
            let list = |key: &str| -> Vec<String> { serde_json::from_value(r[key].clone()).unwrap() };
            let mut times: Vec<f64> = serde_json::from_value(r["times"].clone()).unwrap();
            if engine == "vitrine" {
                b.goto(&server.url("/recherche")).await;
                b.wait_for_app().await;
            }
            let args = vec![serde_json::json!(queries), base.clone()];
            let tops = b.client.execute_async(&format!("{HELPERS}{top}"), args).await.unwrap();
            let tops: Vec<Vec<String>> = serde_json::from_value(tops).unwrap();
            let recall = recall(&tops, &words);
            println!(
                "{:<10} {:<9} {:>12} {:>12} {:>9} {:>9} {:>10.0} {:>8.1} {:>8.1} {:>8.2} {:>8.2} {:>8.2}",
                pages_count,
                engine,
                wire(&site, &list("first")),
                wire(&site, &list("all")),
                r["chain"],
                r["chainCold"],
                r["timeFirst"].as_f64().unwrap(),
                percentile(&mut times, 0.5),
                percentile(&mut times, 0.9),
                recall[0].1,
                recall[1].1,
                recall[2].1
            );
            println!(
                "           {engine}: first query {} files, session {} files",
                list("first").len(),
                list("all").len()
            );
            b.close().await;
        }
    }
}
