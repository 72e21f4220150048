//! `make serve` as the author uses it: Trunk's rebuild loop (`scripts/trunk.sh
//! serve`, its hook, live reload) on a copy of the fixture site, in Chromium.
//! A page broken shows the errors over it, with their file and line; fixed, it
//! comes back by itself. Needs Trunk and the wasm toolchain (`make tools`).

mod support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::content::fixture;
use support::Browser;
use tokio::process::{Child, Command};

/// The first build compiles the app's wasm when it is not built yet.
const FIRST_BUILD: Duration = Duration::from_secs(1200);
/// A content rebuild, from a save to the browser.
const REBUILD: Duration = Duration::from_secs(60);

const PAGE: &str = "content/competences/base.md";
const GOOD: &str = "---\ntitle: \"Base\"\ndate: 2021-01-01\n---\n## Contexte\n\nUne page valide.\n";

/// The page made long enough to scroll (40 paragraphs after it).
fn long(text: &str) -> String {
    format!(
        "{text}{}",
        "\nUn paragraphe de plus, pour que la page défile.\n".repeat(40)
    )
}

/// `scripts/trunk.sh serve` on a copy of the fixture site, stopped when dropped.
struct Serve {
    site: tempfile::TempDir,
    url: String,
    trunk: Child,
}

impl Serve {
    async fn start() -> Serve {
        let site = support::copy_site(&fixture("fixtures/base"));
        // The compiler this test was built with, copied: the hook runs it as it is.
        let bin = site.path().join("vitrine");
        std::fs::copy(env!("CARGO_BIN_EXE_vitrine"), &bin).unwrap();
        let help = std::process::Command::new(&bin)
            .args(["build", "--help"])
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&help.stdout).contains("--keep-serving"),
            "{} is not this crate's compiler (a build of another checkout sharing the target folder?): build again",
            env!("CARGO_BIN_EXE_vitrine")
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::File::create(site.path().join("trunk.log")).unwrap();
        let content = site.path().join("content");
        let trunk = Command::new("./scripts/trunk.sh")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            // As `make serve` runs it: the app's wasm built small (see the Makefile).
            .args([
                "serve",
                "--release",
                "--address",
                "127.0.0.1",
                "--port",
                &port.to_string(),
            ])
            .arg("--dist")
            .arg(site.path().join("dist"))
            .arg("--watch")
            .arg(&content)
            .env("VITRINE_CONTENT", &content)
            .env("VITRINE_BIN", &bin)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .kill_on_drop(true)
            .process_group(0)
            .spawn()
            .expect("scripts/trunk.sh serve");
        let mut serve = Serve {
            url: format!("http://127.0.0.1:{port}"),
            site,
            trunk,
        };
        let (dist, deadline) = (serve.path("dist/404.html"), Instant::now() + FIRST_BUILD);
        while !dist.is_file() {
            let stopped = serve.trunk.try_wait().unwrap();
            assert!(stopped.is_none(), "Trunk stopped ({stopped:?}):\n{}", serve.log());
            assert!(
                Instant::now() < deadline,
                "no first build after {FIRST_BUILD:?}:\n{}",
                serve.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        serve
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.site.path().join(rel)
    }

    /// Trunk's and the hook's output so far.
    fn log(&self) -> String {
        std::fs::read_to_string(self.path("trunk.log")).unwrap_or_default()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        // Trunk and the builds it started: the process group the test made.
        if let Some(id) = self.trunk.id() {
            let _ = std::process::Command::new("kill")
                .arg("--")
                .arg(format!("-{id}"))
                .status();
        }
    }
}

/// The page's state, read each 50 ms until `condition` (JavaScript) holds;
/// a page being reloaded answers nothing, and is asked again.
async fn wait_in_page(browser: &Browser, serve: &Serve, condition: &str) {
    let deadline = Instant::now() + REBUILD;
    let script = format!("return !!({condition});");
    loop {
        if let Ok(serde_json::Value::Bool(true)) = browser.client.execute(&script, vec![]).await {
            return;
        }
        if Instant::now() > deadline {
            let state = browser.client.execute("return document.body.innerText", vec![]).await;
            panic!(
                "still false after {REBUILD:?}: {condition}\npage: {state:?}\nlog:\n{}",
                serve.log()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Writes `text` to the file as an editor saves: a temporary file renamed over it.
fn save(file: &Path, text: &str) {
    let temporary = file.with_extension("md.swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, file).unwrap();
}

const OVERLAY_OPEN: &str = "document.querySelector('dialog#vitrine-errors[open]')";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_page_shows_its_errors_in_the_browser_and_comes_back_when_fixed() {
    let serve = Serve::start().await;
    let browser = Browser::start().await;
    let page = serve.path(PAGE);
    save(&page, &long(GOOD));
    browser.goto(&format!("{}/competences/base", serve.url)).await;
    wait_in_page(
        &browser,
        &serve,
        "document.body.innerText.includes('pour que la page défile')",
    )
    .await;

    // A front matter that does not parse: the page shows the error, where it is.
    save(&page, "---\ntitle: [\n---\nTexte.\n");
    wait_in_page(
        &browser,
        &serve,
        &format!("{OVERLAY_OPEN} && {OVERLAY_OPEN}.innerText.includes('competences/base.md:3:1')"),
    )
    .await;
    let overlay = browser.texts("#vitrine-errors").await.join("\n");
    assert!(overlay.contains("1 error in the content"), "{overlay}");
    assert!(
        overlay.contains("the `[` opened on line 2 is never closed"),
        "{overlay}"
    );
    assert!(overlay.contains("3 │ ---"), "the source line: {overlay}");
    // Focus is in it; Escape hides it, and the last good page is under it.
    assert_eq!(
        browser
            .js("return !!document.activeElement.closest('#vitrine-errors')")
            .await,
        true
    );
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{e00c}")
        .await
        .unwrap();
    wait_in_page(&browser, &serve, &format!("!{OVERLAY_OPEN}")).await;
    assert!(browser.texts("h1").await.iter().any(|h| h.contains("Base")));

    // Fixed: the page reloads by itself with the fix, without the overlay.
    save(&page, &GOOD.replace("Une page valide.", "Une page corrigée."));
    wait_in_page(
        &browser,
        &serve,
        "document.body.innerText.includes('Une page corrigée.') && !document.getElementById('vitrine-errors')",
    )
    .await;

    // A page deleted is gone from the site served (Trunk alone would not notice).
    let served = serve.path("dist/projets/citi/index.html");
    assert!(served.is_file());
    std::fs::remove_file(serve.path("content/projets/citi.md")).unwrap();
    let deadline = Instant::now() + REBUILD;
    while served.is_file() {
        assert!(
            Instant::now() < deadline,
            "still served after {REBUILD:?}\n{}",
            serve.log()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // The terminal: our diagnostic, no failed build nor trace from Trunk.
    let log = serve.log();
    assert!(log.contains("competences/base.md:3:1"), "{log}");
    for trace in ["Caused by", "error from build pipeline", "❌"] {
        assert!(!log.contains(trace), "`{trace}` in the terminal:\n{log}");
    }
    browser.close().await;
}

/// `cargo test --test serve time_to_browser -- --ignored --nocapture`: from a
/// save to the page showing it, for 10 edits; prints the median (not asserted).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement, printed: make bench-serve"]
async fn time_to_browser() {
    let serve = Serve::start().await;
    let browser = Browser::start().await;
    browser.goto(&format!("{}/competences/base", serve.url)).await;
    let page = serve.path(PAGE);
    let mut times = Vec::new();
    for edit in 1..=10 {
        let marker = format!("Édition numéro {edit}.");
        let started = Instant::now();
        save(&page, &GOOD.replace("Une page valide.", &marker));
        wait_in_page(
            &browser,
            &serve,
            &format!("document.body.innerText.includes('{marker}')"),
        )
        .await;
        times.push(started.elapsed());
    }
    times.sort();
    let ms: Vec<u128> = times.iter().map(Duration::as_millis).collect();
    let median = (times[4] + times[5]) / 2;
    println!(
        "time to browser, 10 edits: median {} ms (each, sorted: {ms:?} ms)",
        median.as_millis()
    );
    browser.close().await;
}
