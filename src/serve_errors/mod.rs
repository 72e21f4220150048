//! Errors in the browser while `make serve` runs (`vitrine build
//! --keep-serving dist`): when the content has errors, the folder Trunk is
//! about to serve gets the last site that built, each page with an overlay
//! listing the same diagnostics as the terminal. Trunk then sees a build that
//! worked, reloads every open page (they show the overlay), and prints no
//! trace of its own; the next good build serves the fixed pages without it.
//!
//! Trunk's live-reload script is inline, and Trunk writes the server's
//! address into it when serving, after the page's Content-Security-Policy
//! hashed it: the browser refuses it. While serving, each page gets the same
//! client as a file of the site instead ([`RELOAD`]), which also keeps the
//! scroll position across the reload.

use std::path::Path;

/// The overlay's script, beside the pages (`<base href>`-relative).
pub const SCRIPT: &str = "_vitrine/errors.js";

/// Trunk's live-reload client as a file of the site.
pub const RELOAD: &str = "_vitrine/reload.js";

/// The overlay's code; [`REPORT`] is replaced by the diagnostics.
const OVERLAY: &str = include_str!("overlay.js");
const RELOAD_SCRIPT: &str = include_str!("reload.js");
/// What marks Trunk's inline live-reload script.
const TRUNK_RELOAD: &str = "{{__TRUNK_ADDRESS__}}";
const REPORT: &str = "__VITRINE_REPORT__";

/// One diagnostic as the overlay shows it.
#[derive(serde::Serialize)]
pub struct Shown {
    /// `error` or `warning`.
    pub severity: &'static str,
    pub message: String,
    /// `content/projets/x.md:3:1`.
    pub at: String,
    /// As printed in the terminal: the location, the source line, the hint.
    pub text: String,
}

/// Fills `out` (Trunk's staging folder) with the site in `previous` (the
/// folder served now), or leaves Trunk's page when nothing built yet, and
/// puts the overlay on every page. Returns how many pages show it.
pub fn show(out: &Path, previous: &Path, shown: &[Shown]) -> Result<usize, String> {
    let cannot = |e: std::io::Error| format!("cannot write to `{}`: {e}", out.display());
    if crate::prerender::built(previous) {
        link_tree(previous, out, out).map_err(cannot)?;
    }
    let report = serde_json::to_string(shown).map_err(|e| e.to_string())?;
    // A file of its own: a `</script>` in a message ends nothing.
    write(out, SCRIPT, &OVERLAY.replace(REPORT, &report)).map_err(cannot)?;
    pages(out, &[RELOAD, SCRIPT]).map_err(cannot)
}

/// A site built while serving: Trunk's live reload, as a file, on every page.
pub fn live(out: &Path) -> Result<usize, String> {
    pages(out, &[RELOAD]).map_err(|e| format!("cannot write to `{}`: {e}", out.display()))
}

/// A file of `out` written anew: never through a link into the served folder.
fn write(out: &Path, rel: &str, text: &str) -> std::io::Result<()> {
    let path = out.join(rel);
    std::fs::create_dir_all(path.parent().unwrap_or(out))?;
    let _ = std::fs::remove_file(&path);
    std::fs::write(&path, text)
}

/// Every page of `out` with these scripts (Trunk's inline live reload taken
/// out for ours); how many pages there are.
fn pages(out: &Path, scripts: &[&str]) -> std::io::Result<usize> {
    write(out, RELOAD, RELOAD_SCRIPT)?;
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(out).into_iter().filter_map(Result::ok) {
        let file = entry.path();
        if file.extension().is_some_and(|e| e == "html") && with_scripts(file, scripts)? {
            pages += 1;
        }
    }
    Ok(pages)
}

/// Every file of `from` into `to`, hard-linked (Trunk replaces the served
/// folder's files, never writes into them), copied where links fail; the
/// staging folder `skip` (inside the served one) left out.
fn link_tree(from: &Path, to: &Path, skip: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source == skip || source.canonicalize().ok() == skip.canonicalize().ok() {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&target)?;
            link_tree(&source, &target, skip)?;
        } else {
            // Trunk's fresh files (its page, the app) give way to the site's.
            let _ = std::fs::remove_file(&target);
            if std::fs::hard_link(&source, &target).is_err() {
                std::fs::copy(&source, &target)?;
            }
        }
    }
    Ok(())
}

/// Adds the scripts to a page, once each, and takes Trunk's inline live
/// reload out. Whether the file is a page.
fn with_scripts(page: &Path, scripts: &[&str]) -> std::io::Result<bool> {
    let mut html = std::fs::read_to_string(page)?;
    let Some(mut end) = html.rfind("</body>") else {
        return Ok(false);
    };
    let before = html.len();
    if let Some(at) = html.find(TRUNK_RELOAD) {
        let start = html[..at].rfind("<script").unwrap_or(at);
        let close = html[at..].find("</script>").map_or(at, |c| at + c + "</script>".len());
        html.replace_range(start..close, "");
        end = html.rfind("</body>").unwrap_or(html.len());
    }
    let tags: String = scripts
        .iter()
        .filter(|s| !html.contains(*s))
        .map(|s| format!(r#"<script src="{s}" defer></script>"#))
        .collect();
    if tags.is_empty() && html.len() == before {
        return Ok(true);
    }
    html.insert_str(end, &tags);
    // Written anew, not in place: the file may be a link to the served page.
    std::fs::remove_file(page)?;
    std::fs::write(page, html)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_site_is_served_with_the_overlay_and_the_served_folder_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let (dist, stage) = (dir.path().join("dist"), dir.path().join("dist/.stage"));
        std::fs::create_dir_all(dist.join("projets/a")).unwrap();
        std::fs::create_dir_all(&stage).unwrap();
        let page = r#"<html><head><meta name="vitrine-data" content="data/x/"></head><body><div id="app">A</div></body></html>"#;
        std::fs::write(dist.join("index.html"), page).unwrap();
        std::fs::write(dist.join("projets/a/index.html"), page).unwrap();
        std::fs::write(dist.join("app.wasm"), "old").unwrap();
        std::fs::write(
            stage.join("index.html"),
            "<html><body><div id=\"app\"></div></body></html>",
        )
        .unwrap();
        let shown = [Shown {
            severity: "error",
            message: "malformed front matter </script>".into(),
            at: "content/projets/a.md:3:1".into(),
            text: "error: …".into(),
        }];
        assert_eq!(show(&stage, &dist, &shown).unwrap(), 2);
        let staged = std::fs::read_to_string(stage.join("projets/a/index.html")).unwrap();
        assert!(staged.ends_with(
            r#"<script src="_vitrine/reload.js" defer></script><script src="_vitrine/errors.js" defer></script></body></html>"#
        ));
        assert_eq!(
            std::fs::read_to_string(dist.join("projets/a/index.html")).unwrap(),
            page
        );
        assert_eq!(std::fs::read_to_string(stage.join("app.wasm")).unwrap(), "old");
        assert!(!stage.join(".stage").exists());
        let script = std::fs::read_to_string(stage.join(SCRIPT)).unwrap();
        assert!(script.contains("content/projets/a.md:3:1") && !script.contains(REPORT));
        // Twice in a row (the served site shows errors already): one script
        // per page, the served files untouched.
        std::fs::create_dir_all(dist.join("_vitrine")).unwrap();
        std::fs::hard_link(stage.join(SCRIPT), dist.join(SCRIPT)).unwrap();
        let served = std::fs::read_to_string(dist.join(SCRIPT)).unwrap();
        assert_eq!(show(&stage, &dist, &shown[..0]).unwrap(), 2);
        assert_eq!(std::fs::read_to_string(dist.join(SCRIPT)).unwrap(), served);
        let staged = std::fs::read_to_string(stage.join("index.html")).unwrap();
        assert_eq!(staged.matches(SCRIPT).count(), 1);
    }

    #[test]
    fn trunks_inline_live_reload_gives_way_to_the_sites_own() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<html><body><div id=\"app\"></div><script>(function () { const address = '{{__TRUNK_ADDRESS__}}'; })()</script></body></html>";
        std::fs::write(dir.path().join("index.html"), page).unwrap();
        assert_eq!(live(dir.path()).unwrap(), 1);
        let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
        assert_eq!(
            html,
            r#"<html><body><div id="app"></div><script src="_vitrine/reload.js" defer></script></body></html>"#
        );
        assert!(dir.path().join(RELOAD).is_file());
    }
}
