//! Test support: a real static file server over the built site and a real
//! headless Chromium driven through chromedriver (WebDriver).

#![allow(dead_code)]

pub mod content;

use axum::Router;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, Command};
use tower_http::services::{ServeDir, ServeFile};

pub const WAIT: Duration = Duration::from_secs(20);

/// The site Trunk built (`make test` builds it first); `VITRINE_DIST` overrides.
pub fn dist() -> PathBuf {
    let dist = std::env::var_os("VITRINE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").is_file() && dist.join("404.html").is_file(),
        "{} holds no built site: run `make test` (or `trunk build --release`) first",
        dist.display()
    );
    dist
}

/// The sub-path the site was built for (`VITRINE_BASE=/portfolio` with
/// `trunk build --public-url /portfolio/`), empty at the root.
pub fn base() -> String {
    std::env::var("VITRINE_BASE")
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_string()
}

/// The folder of a built site's route data (`data/<hash>/`), as named in its `index.html`.
pub fn data_dir(site: &Path) -> PathBuf {
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    let marker = r#"<meta name="vitrine-data" content=""#;
    let start = index.find(marker).expect("no vitrine-data meta in index.html") + marker.len();
    let name = &index[start..start + index[start..].find('"').unwrap()];
    site.join(name)
}

/// The sample site's library (pages, tags, settings), compiled from `content/`
/// the way the build does, to know what every route must show.
pub fn library() -> vitrine::bundle::Bundle {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = vitrine::compiler::Options {
        content: root.join("content"),
        public: vec![root.join("public")],
        drafts: false,
        today: "2100-01-01".into(),
        image_cache: image_cache(),
    };
    vitrine::compiler::compile(&options)
        .bundle
        .expect("the sample content compiles")
}

/// How the server answers a path that is not a file.
#[derive(Clone, Copy)]
pub enum Host {
    /// Netlify-style rewrite: every unknown path gets `index.html` with 200.
    SpaFallback,
    /// Like GitHub Pages: files as they are, a folder redirected to its slashed
    /// form and served from its `index.html`, `404.html` with status 404 on a miss.
    GitHubPages,
}

/// A static file server on 127.0.0.1, stopped when dropped.
pub struct Server {
    pub addr: SocketAddr,
    /// The sub-path the site is served under (see [`base`]).
    pub base: String,
    /// Every request answered: its path, and when it started and ended
    /// (since the server started).
    pub log: std::sync::Arc<std::sync::Mutex<Vec<(String, Duration, Duration)>>>,
    task: tokio::task::JoinHandle<()>,
    _holder: tempfile::TempDir,
}

impl Server {
    pub async fn start(root: &Path, host: Host) -> Server {
        Server::start_with_delay(root, host, Duration::ZERO).await
    }

    /// A server that holds every `.wasm` response for `delay`, so a test can
    /// act on the prerendered page before the app starts.
    pub async fn start_with_delay(root: &Path, host: Host, delay: Duration) -> Server {
        let base = base();
        // Under a sub-path the site sits in a folder of the served root, as a
        // GitHub Pages project site does (so folder redirects keep the prefix).
        let holder = tempfile::tempdir().unwrap();
        let served = if base.is_empty() {
            root.to_path_buf()
        } else {
            let link = holder.path().join(base.trim_start_matches('/'));
            std::os::unix::fs::symlink(root.canonicalize().unwrap(), &link).unwrap();
            holder.path().to_path_buf()
        };
        let app = match host {
            Host::SpaFallback => {
                Router::new().fallback_service(ServeDir::new(&served).fallback(ServeFile::new(root.join("index.html"))))
            }
            Host::GitHubPages => Router::new()
                .fallback_service(ServeDir::new(&served).not_found_service(ServeFile::new(root.join("404.html")))),
        };
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (kept, started) = (log.clone(), std::time::Instant::now());
        let app = app.layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let kept = kept.clone();
                async move {
                    let (path, start) = (request.uri().path().to_string(), started.elapsed());
                    if path.ends_with(".wasm") {
                        tokio::time::sleep(delay).await;
                    }
                    let response = next.run(request).await;
                    kept.lock().unwrap().push((path, start, started.elapsed()));
                    response
                }
            },
        ));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Server {
            addr,
            base,
            log,
            task,
            _holder: holder,
        }
    }

    /// The URL of an app route (`/projets/citi`), under the sub-path if any.
    pub fn url(&self, route: &str) -> String {
        format!("http://{}{}", self.addr, self.path(route))
    }

    /// The location path of an app route, under the sub-path if any.
    pub fn path(&self, route: &str) -> String {
        format!("{}{route}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A headless Chromium session; the driver process dies with it.
pub struct Browser {
    pub client: Client,
    javascript: bool,
    /// One browser at a time: the machines have two cores, and parallel
    /// Chromium starts make timings (and so waits) unpredictable.
    _turn: tokio::sync::MutexGuard<'static, ()>,
    _driver: Child,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::start_with(&[]).await
    }

    /// A browser with JavaScript switched off.
    pub async fn start_without_js() -> Browser {
        Browser::launch(&[], false).await
    }

    pub async fn start_with(extra_args: &[&str]) -> Browser {
        Browser::launch(extra_args, true).await
    }

    async fn launch(extra_args: &[&str], javascript: bool) -> Browser {
        static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
        let turn = TURN.lock().await;
        let port = free_port();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver not found: run scripts/install-tools.sh");
        let profile = tempfile::tempdir().unwrap();
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,900",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        // The page's console (CSP violations among it) goes to this file.
        args.push("--enable-logging".into());
        args.push("--v=0".into());
        args.push(format!("--log-file={}", profile.path().join("chrome.log").display()));
        args.extend(extra_args.iter().map(|s| s.to_string()));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": args,
                "prefs": { "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 } },
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        javascript,
                        _turn: turn,
                        _driver: driver,
                        _profile: profile,
                    }
                }
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("could not start Chromium through chromedriver: {last_error:?}");
    }

    /// Opens `url` and, with JavaScript on, waits until the app has taken over
    /// the prerendered page (before that, both are in the document).
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        if self.javascript {
            self.wait_for_app().await;
        }
    }

    /// Reloads the page, like [`Browser::goto`].
    pub async fn refresh(&self) {
        self.client.refresh().await.unwrap();
        if self.javascript {
            self.wait_for_app().await;
        }
    }

    /// Waits for an element matching `css` whose text contains `text`, and returns its text.
    pub async fn wait_text(&self, css: &str, text: &str) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut seen = Vec::new();
        loop {
            seen.clear();
            if let Ok(elements) = self.client.find_all(Locator::Css(css)).await {
                for e in elements {
                    if let Ok(t) = e.text().await {
                        if t.contains(text) {
                            return t;
                        }
                        seen.push(t);
                    }
                }
            }
            if tokio::time::Instant::now() > deadline {
                let body = self.body_text().await;
                panic!("no `{css}` containing {text:?} after {WAIT:?}; saw {seen:?}; page text: {body}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the JavaScript `condition` holds; `in_upper_third(id)` is
    /// available to it. Panics with the page's state after [`WAIT`].
    pub async fn wait_until(&self, condition: &str) {
        let helpers = "const in_upper_third = id => { const t = document.getElementById(id).getBoundingClientRect().top; return t >= 0 && t < innerHeight / 3; };";
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if self.js(&format!("{helpers} return !!({condition});")).await == true {
                return;
            }
            if tokio::time::Instant::now() > deadline {
                let state = self
                    .js("return [location.href, scrollY, innerHeight, document.activeElement.outerHTML.slice(0, 80)]")
                    .await;
                panic!("still false after {WAIT:?}: {condition}\npage state: {state}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the app runs (hydrated, or mounted afresh where the page could not be hydrated).
    pub async fn wait_for_app(&self) {
        self.wait_until("!!document.documentElement.dataset.app").await;
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no `{css}` to click: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// The text of every element matching `css`, in document order.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.client.find_all(Locator::Css(css)).await.unwrap() {
            out.push(e.text().await.unwrap());
        }
        out
    }

    pub async fn body_text(&self) -> String {
        match self.client.find(Locator::Css("body")).await {
            Ok(b) => b.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_string()
    }

    /// The console lines Chromium logged so far.
    pub fn console(&self) -> String {
        std::fs::read_to_string(self._profile.path().join("chrome.log"))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("CONSOLE"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// A copy of the built site, for tests that break part of it.
pub fn copy_site(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

impl Browser {
    /// Loads axe-core (from `node_modules/axe-core`) into the current page.
    async fn inject_axe(&self) {
        static AXE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let source = AXE.get_or_init(|| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
            std::fs::read_to_string(&path).expect("axe-core missing: run scripts/install-tools.sh")
        });
        self.client
            .execute(&format!("{source}\nreturn true;"), vec![])
            .await
            .unwrap();
    }

    /// Runs axe-core (from `node_modules/axe-core`) on the current page; returns the violations, one line each.
    pub async fn axe_violations(&self) -> Vec<String> {
        self.inject_axe().await;
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(result).unwrap()
    }

    /// axe-core's violations on the current page, as `[{id, help, nodes: [selector…]}]`.
    pub async fn axe_results(&self) -> serde_json::Value {
        self.inject_axe().await;
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))))
                    .catch(e => done([{ id: 'axe-failed', help: String(e), nodes: [''] }]));",
                vec![],
            )
            .await
            .unwrap()
    }

    /// Saves a screenshot of the viewport under `target/screenshots/`.
    pub async fn screenshot(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    pub async fn set_width(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.unwrap();
    }

    /// Presses keys in the focused element (WebDriver key codes: Tab `\u{E004}`, Enter `\u{E007}`).
    pub async fn press(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .unwrap()
            .send_keys(keys)
            .await
            .unwrap();
    }
}

pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";

/// Resized images shared by the tests' builds (keyed by content, so never stale).
pub fn image_cache() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("vitrine-images")
}

/// Prints `url` with headless Chromium, as its print dialog would (the page's own `@page` sizes).
pub fn print(url: &str, pdf: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-pdf-header-footer",
            // Lets the app start before printing, as in a visitor's browser.
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .expect("chromium not found: run scripts/install-tools.sh");
    assert!(
        pdf.is_file(),
        "Chromium printed nothing: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// A command-line tool's output (`pdfinfo`, `pdftotext`); it must succeed.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} not found ({e}): run scripts/install-tools.sh"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
