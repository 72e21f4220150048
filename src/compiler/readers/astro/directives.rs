//! Callout blocks as Astro (Starlight, remark-directive), Docusaurus and
//! VitePress write them, `:::tip[Titre]` … `:::`, turned into GitHub's alerts
//! (`> [!TIP]`), which the Markdown reader renders as labelled boxes. Line for
//! line, so diagnostics keep their line numbers.

use std::borrow::Cow;

/// The body with every `:::kind` … `:::` block written as a GitHub alert.
pub fn expand(body: &str) -> Cow<'_, str> {
    if !body.contains(":::") {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len() + body.len() / 8);
    let mut fence: Option<&str> = None;
    // Inside a block, and whether its title took a line of its own (then the
    // closing `:::` line gives it back, so the lines after the block stay where they were).
    let mut inside = false;
    let mut titled = false;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        let newline = if line.ends_with('\n') { "\n" } else { "" };
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if inside && trimmed == ":::" {
            inside = false;
            if !titled {
                out.push_str(newline);
            }
            continue;
        } else if !inside {
            if let Some((kind, title)) = opening(trimmed) {
                inside = true;
                titled = title.is_some();
                out.push_str(&format!("> [!{kind}]"));
                if let Some(title) = title {
                    out.push_str(&format!("\n> **{title}**"));
                }
                out.push_str(newline);
                continue;
            }
        }
        if inside {
            out.push_str("> ");
        }
        out.push_str(line);
    }
    Cow::Owned(out)
}

/// `:::tip[Titre]` → (`TIP`, `Some("Titre")`), for the kinds GitHub's alerts have.
fn opening(line: &str) -> Option<(&'static str, Option<&str>)> {
    let rest = line.strip_prefix(":::")?.trim_start();
    let name_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let kind = match rest[..name_end].to_ascii_lowercase().as_str() {
        "note" | "info" => "NOTE",
        "tip" => "TIP",
        "important" => "IMPORTANT",
        "warning" => "WARNING",
        "caution" | "danger" => "CAUTION",
        _ => return None,
    };
    let title = rest[name_end..]
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .or_else(|| Some(rest[name_end..].trim()).filter(|t| !t.is_empty()));
    Some((kind, title))
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn callouts_become_alerts_line_for_line_and_code_is_kept() {
        let body =
            "Avant.\n\n:::tip[Voir la démo]\nEssayez **ceci**.\n:::\n\n```md\n:::note\n```\n:::danger\nNon.\n:::\n";
        assert_eq!(
            expand(body),
            "Avant.\n\n> [!TIP]\n> **Voir la démo**\n> Essayez **ceci**.\n\n```md\n:::note\n```\n> [!CAUTION]\n> Non.\n\n"
        );
        assert_eq!(expand(":::unknown\nx\n:::\n"), ":::unknown\nx\n:::\n");
    }
}
