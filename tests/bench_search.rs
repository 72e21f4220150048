//! Search latency in the browser on a generated site (`scripts/bench-search.sh`
//! generates it and runs this with `--ignored`). Prints figures; asserts only
//! that searching worked.

mod support;

use support::{copy_site, dist, Browser, Host, Server};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: run by scripts/bench-search.sh"]
async fn search_latency_per_keystroke() {
    let generated =
        std::path::PathBuf::from(std::env::var("BENCH_SITE").expect("BENCH_SITE: a `vitrine build` output"));
    let site = copy_site(&dist());
    let index = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    let marker = r#"<meta name="vitrine-search" content=""#;
    let start = index.find(marker).unwrap() + marker.len();
    let search_file = &index[start..start + index[start..].find('"').unwrap()];
    std::fs::copy(generated.join("search.json"), site.path().join(search_file)).unwrap();

    let server = Server::start(site.path(), Host::SpaFallback).await;
    let b = Browser::start().await;
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(Some(std::time::Duration::from_secs(300)), None, None);
    b.client.update_timeouts(timeouts).await.unwrap();
    b.goto(&server.url("/recherche")).await;
    b.wait_for_app().await;
    let result = b
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            const input = document.getElementById('recherche-page');
            const queries = ['autonomie', 'developpeurs', 'projet equipe', 'indicateurs', 'production'];
            // Time from the input event to the next task: the search and the
            // DOM update both run before it (Leptos updates in microtasks).
            const nextTask = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
            const keystroke = async text => {
              const start = performance.now();
              input.value = text;
              input.dispatchEvent(new Event('input'));
              await nextTask();
              return performance.now() - start;
            };
            (async () => {
              // The first search fetches and reads the index.
              let first = performance.now();
              input.value = 'a'; input.dispatchEvent(new Event('input'));
              while (!document.querySelector('main .empty') || document.querySelector('main .empty').textContent.includes('Chargement')) await new Promise(r => setTimeout(r, 5));
              await keystroke('z');
              while (document.querySelector('main .empty') && document.querySelector('main .empty').textContent.includes('Chargement')) await new Promise(r => setTimeout(r, 5));
              first = performance.now() - first;
              const times = [];
              for (const q of queries) {
                for (let i = 1; i <= q.length; i++) {
                  times.push(await keystroke(q.slice(0, i)));
                  await new Promise(r => setTimeout(r, 20));
                }
              }
              const results = document.querySelectorAll('.search-page-results li').length;
              done({ first, times, results });
            })();"#,
            vec![],
        )
        .await
        .unwrap();
    let mut times: Vec<f64> = serde_json::from_value(result["times"].clone()).unwrap();
    assert!(result["results"].as_u64().unwrap() > 0, "the last query found nothing");
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "search, {} keystrokes: median {:.1} ms, p90 {:.1} ms, max {:.1} ms; first query (fetching and reading the index) {:.0} ms",
        times.len(),
        pct(0.5),
        pct(0.9),
        pct(1.0),
        result["first"].as_f64().unwrap()
    );
    b.close().await;
}
