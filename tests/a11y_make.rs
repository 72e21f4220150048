//! `make a11y` as an author runs it, on a site holding one thing the build
//! cannot mend without guessing (a link whose only content is an image without
//! alt text, tests/fixtures/a11y-bad): it fails, and names the rule and the
//! file to change.

use std::process::Command;

#[test]
fn make_a11y_on_a_site_with_a_violation_names_it_and_fails() {
    let dist = tempfile::tempdir().unwrap();
    let out = Command::new("make")
        .args([
            "--no-print-directory",
            "a11y",
            "SITE=tests/fixtures/a11y-bad",
            &format!("A11Y_DIST={}", dist.path().display()),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let text = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        !out.status.success(),
        "make a11y passed a site with a mute link:\n{text}"
    );
    // The audit itself exits 1 (make then says so).
    assert!(text.contains("a11y] Error 1"), "{text}");
    let line = stdout
        .lines()
        .find(|l| l.starts_with("a11y: link-name: "))
        .unwrap_or_else(|| panic!("no line names link-name:\n{text}"));
    assert!(line.contains("on 1 page"), "{line}");
    let first = stdout.lines().skip_while(|l| *l != line).nth(1).unwrap_or_default();
    assert!(
        first.contains("/projets/lien ← tests/fixtures/a11y-bad/content/projets/lien.md"),
        "{first}"
    );
    assert!(stdout.contains("a11y: 1 rule broken"), "{stdout}");
    // The build said where and why, before the audit.
    assert!(text.contains("link holding only an image without alt text"), "{text}");
}
