//! `vitrine check --external` against a server started here that answers
//! 200, 301 → 200, 404, 410, a redirect loop, a refused HEAD, and never.

mod support;

use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::any;
use axum::Router;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use support::content::site_with;

/// The server's routes; every request counted.
async fn server(asked: Arc<AtomicUsize>) -> std::net::SocketAddr {
    let app = Router::new()
        .route("/ok", any(|| async { "ok" }))
        .route("/moved", any(|| async { Redirect::permanent("/ok") }))
        .route("/missing", any(|| async { StatusCode::NOT_FOUND }))
        .route("/gone", any(|| async { StatusCode::GONE }))
        .route("/loop", any(|| async { Redirect::permanent("/loop") }))
        .route(
            "/no-head",
            any(|method: Method| async move {
                match method {
                    Method::HEAD => StatusCode::METHOD_NOT_ALLOWED.into_response(),
                    _ => "ok".into_response(),
                }
            }),
        )
        .route(
            "/hang",
            any(|| async {
                tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
                Response::new(axum::body::Body::empty())
            }),
        )
        .layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let asked = asked.clone();
                async move {
                    asked.fetch_add(1, Ordering::SeqCst);
                    next.run(request).await
                }
            },
        ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

async fn vitrine(args: &[&str]) -> (bool, String) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(args)
        .output()
        .await
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dead_links_to_other_sites_are_named_where_written_once_a_day() {
    let asked = Arc::new(AtomicUsize::new(0));
    let at = format!("http://{}", server(asked.clone()).await);
    let page = format!(
        "---\ntitle: Liens\ngithub: \"{at}/gone\"\n---\n\
         [a]({at}/ok) [b]({at}/moved) [c]({at}/no-head)\n\
         [d]({at}/missing)\n\
         [e]({at}/loop)\n\
         [f]({at}/hang)\n\
         [g](https://ailleurs.example/page) [h](https://www.linkedin.com/in/x)\n\
         [i]({at}/missing)\n"
    );
    let settings = "title = \"T\"\n[external]\nskip = [\"ailleurs.example\", \"linkedin.com\"]\n";
    let site = site_with(&[
        ("projets/liens.md", page.as_bytes()),
        ("site.toml", settings.as_bytes()),
    ]);
    let content = site.path().join("content");
    let cache = site.path().join("target/links.json");
    let args = [
        "check",
        "--external",
        "--content",
        content.to_str().unwrap(),
        "--link-cache",
        cache.to_str().unwrap(),
    ];
    let (ok, stderr) = vitrine(&args).await;
    assert!(ok, "dead links are warnings: {stderr}");
    let stderr = stderr.replace(&format!("{}/", site.path().display()), "");
    for (line, why) in [
        ("content/projets/liens.md:3:10", "gone (410)"),
        ("content/projets/liens.md:6:1", "not found (404)"),
        ("content/projets/liens.md:7:1", "a redirect loop"),
        ("content/projets/liens.md:8:1", "no answer within 10 s"),
        ("content/projets/liens.md:10:1", "not found (404)"),
    ] {
        let warning = stderr.split("warning: ").find(|w| w.contains(line));
        assert!(warning.is_some_and(|w| w.contains(why)), "{line}: {why}\n{stderr}");
    }
    assert_eq!(stderr.matches("dead link to another site").count(), 5, "{stderr}");
    for alive in ["/ok`", "/moved`", "/no-head`", "ailleurs.example", "linkedin"] {
        assert!(!stderr.contains(alive), "{alive}\n{stderr}");
    }

    // The next check within the day asks again only the address that gave no
    // answer (once: HEAD), and says the same.
    let before = asked.load(Ordering::SeqCst);
    let (_, again) = vitrine(&args).await;
    assert_eq!(asked.load(Ordering::SeqCst), before + 1, "asked again: {again}");
    assert_eq!(again.matches("dead link to another site").count(), 5, "{again}");

    // Strict: a dead link stops the build.
    let (ok, strict) = vitrine(&[&args[..], &["--strict"]].concat()).await;
    assert!(!ok && strict.contains("error: dead link to another site"), "{strict}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_address_is_named_and_a_refused_connection_is_dead() {
    let site = site_with(&[(
        "projets/adresses.md",
        "---\ntitle: Adresses\n---\n[a](<https://exa mple.org/x>) [b](http://127.0.0.1:9/exämple)\n".as_bytes(),
    )]);
    let content = site.path().join("content");
    let cache = site.path().join("links.json");
    let (ok, stderr) = vitrine(&[
        "check",
        "--external",
        "--content",
        content.to_str().unwrap(),
        "--link-cache",
        cache.to_str().unwrap(),
    ])
    .await;
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("warning: malformed address") && stderr.contains("adresses.md:4:1"),
        "{stderr}"
    );
    // Nothing listens on port 9: asked, and dead.
    assert!(
        stderr.contains("adresses.md:4:31") && stderr.contains("cannot connect"),
        "{stderr}"
    );
}
