//! Shortcodes with a body that themes use for boxes and folds: Docsy's,
//! Blowfish's and Congo's `alert`, Hextra's `callout`, Relearn's and coder's
//! `notice`, Book's `hint`, LoveIt's and tabi's `admonition`, Docsy's
//! `pageinfo` become GitHub alerts (`> [!WARNING]`), which the Markdown
//! reader renders as labelled boxes; Hugo's `details` a `<details>` fold;
//! Hugo's `comment` nothing. Found by `shortcodes.rs`.

/// Names of callout shortcodes, the generic ones first (their kind is an argument).
const GENERIC: [&str; 5] = ["alert", "callout", "notice", "hint", "admonition"];
const NAMED: [&str; 8] = [
    "note",
    "tip",
    "info",
    "warning",
    "caution",
    "danger",
    "important",
    "pageinfo",
];

/// Whether `name` is a shortcode with a body handled here.
pub fn handles(name: &str) -> bool {
    GENERIC.contains(&name) || NAMED.contains(&name) || name == "details" || name == "comment"
}

/// What a callout shows: its alert kind, from its name or its `type`,
/// `color`, `context`, `style`, `icon` or first argument (`notice warning`,
/// Congo's `alert "lightbulb"`); `NOTE` when none says.
pub fn kind<'a>(name: &'a str, arg: impl Fn(&str, usize) -> Option<&'a str>) -> &'static str {
    let word = if GENERIC.contains(&name) {
        ["type", "color", "context", "style", "icon"]
            .iter()
            .find_map(|key| arg(key, 99))
            .or_else(|| arg("", 0).filter(|w| !w.contains(' ')))
            .unwrap_or("note")
    } else {
        name
    };
    match word.to_ascii_lowercase().as_str() {
        "tip" | "success" | "hint" => "TIP",
        "important" | "primary" => "IMPORTANT",
        "warning" | "warn" | "caution" => "WARNING",
        "danger" | "error" | "bug" | "failure" => "CAUTION",
        // The icon a Blowfish or Congo alert shows (Font Awesome's names).
        icon if icon.contains("lightbulb") => "TIP",
        icon if icon.contains("exclamation") => "WARNING",
        icon if ["fire", "skull", "bomb", "ban", "xmark"]
            .iter()
            .any(|w| icon.contains(w)) =>
        {
            "CAUTION"
        }
        _ => "NOTE",
    }
}

/// The body as a GitHub alert, each of its lines quoted. A title takes a line
/// of its own; the closing tag's line is given back for it when a blank line
/// follows (`blank_after`), so the lines after the box stay where they were.
pub fn alert(kind: &str, title: Option<&str>, body: &str, blank_after: bool) -> String {
    let mut out = format!("> [!{kind}]");
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    if let Some(title) = title {
        out.push_str(&format!("\n> **{title}**"));
    }
    let lines: Vec<&str> = body.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let given_back = i + 1 == lines.len() && line.is_empty() && title.is_some() && blank_after;
        if (i == 0 && line.trim().is_empty()) || given_back {
            continue;
        }
        out.push_str("\n> ");
        out.push_str(line);
    }
    out
}

/// Hugo's `details`: a fold, its summary (default "Détails") shown.
pub fn details(summary: Option<&str>, body: &str) -> String {
    let summary = summary.unwrap_or("Détails").replace('<', "&lt;");
    format!(
        "<details><summary>{summary}</summary>\n\n{}\n\n</details>",
        body.trim_matches('\n')
    )
}

/// Hugo's `comment`: nothing shown, its lines kept as blank lines.
pub fn comment(written: &str) -> String {
    "\n".repeat(written.matches('\n').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callout_kinds_come_from_the_name_or_the_arguments() {
        let none = |_: &str, _: usize| None;
        assert_eq!(kind("warning", none), "WARNING");
        assert_eq!(kind("alert", none), "NOTE");
        assert_eq!(
            kind("alert", |k: &str, _| (k == "color").then_some("danger")),
            "CAUTION"
        );
        assert_eq!(
            kind("notice", |k: &str, p| (k.is_empty() && p == 0).then_some("tip")),
            "TIP"
        );
        // Congo's icon as first argument, Blowfish's as `icon`.
        assert_eq!(
            kind("alert", |k: &str, p| (k.is_empty() && p == 0).then_some("circle-info")),
            "NOTE"
        );
        assert_eq!(
            kind("alert", |k: &str, _| (k == "icon").then_some("triangle-exclamation")),
            "WARNING"
        );
        assert_eq!(kind("alert", |k: &str, _| (k == "icon").then_some("fire")), "CAUTION");
        assert_eq!(kind("pageinfo", none), "NOTE");
    }

    #[test]
    fn an_alert_keeps_the_lines_after_it_in_place() {
        let written = "{{< alert title=Astuce >}}\nUn.\n\nDeux.\n{{< /alert >}}\n\nAprès.";
        let out = alert("TIP", Some("Astuce"), "\nUn.\n\nDeux.\n", true) + "\n\nAprès.";
        assert_eq!(out, "> [!TIP]\n> **Astuce**\n> Un.\n> \n> Deux.\n\nAprès.");
        assert_eq!(out.lines().count(), written.lines().count());
        assert_eq!(alert("NOTE", None, "\nUn.\n", false), "> [!NOTE]\n> Un.\n> ");
    }
}
