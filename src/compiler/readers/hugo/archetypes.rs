//! Hugo's archetypes: the page `hugo new` starts from (`archetypes/<section>.md`,
//! then `archetypes/default.md`, beside `content/`), its template actions
//! filled the way Hugo fills them for a new page.

use std::path::{Path, PathBuf};

/// What a new page's placeholders are filled with.
pub struct NewPage<'a> {
    /// The title as the author typed it (`Travailler en équipe`).
    pub title: &'a str,
    /// The file's name without `.md` (`travailler-en-equipe`).
    pub name: &'a str,
    /// The section folder (`competences`), empty at the top.
    pub section: &'a str,
    /// `2026-12-06T07:41:03+01:00`.
    pub now: &'a str,
}

/// The site's archetype for a page of `sections` (the section folder first,
/// then other names it goes by), or its default one: (file, text).
pub fn find(content: &Path, sections: &[&str]) -> Option<(PathBuf, String)> {
    let folders = [content.join("archetypes"), content.parent()?.join("archetypes")];
    let names = sections.iter().filter(|s| !s.is_empty()).map(|s| format!("{s}.md"));
    let names: Vec<String> = names.chain(["default.md".to_string()]).collect();
    names
        .iter()
        .flat_map(|name| folders.iter().map(move |dir| dir.join(name)))
        .find_map(|file| Some((file.clone(), std::fs::read_to_string(&file).ok()?)))
}

/// The archetype with its actions filled (`{{ .Date }}`, `{{ replace
/// .File.ContentBaseName "-" " " | title }}` → the title as typed), and the
/// actions it could not fill, left out.
pub fn fill(template: &str, page: &NewPage) -> (String, Vec<String>) {
    let mut out = String::with_capacity(template.len() + 64);
    let mut unknown = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        // Shortcodes (`{{< x >}}`, `{{% x %}}`) are the page's, not the archetype's.
        let Some(len) = after.find("}}").filter(|_| !after.starts_with(['<', '%'])) else {
            out.push_str(&rest[..start + 2]);
            rest = after;
            continue;
        };
        let (mut before, raw) = (&rest[..start], &after[..len]);
        rest = &after[len + 2..];
        // `{{-` and `-}}` trim the spaces before and after, as Go templates do.
        if raw.starts_with("- ") {
            before = before.trim_end();
        }
        if raw.ends_with(" -") {
            rest = rest.trim_start();
        }
        let action = raw.trim_start_matches("- ").trim_end_matches(" -").trim();
        match value(action, page) {
            Some(Value::Title) => {
                // Quoted as a whole, so a title with quotes or a colon stays one string.
                let quote = before
                    .chars()
                    .last()
                    .filter(|q| matches!(q, '"' | '\'') && rest.starts_with(*q));
                out.push_str(&before[..before.len() - quote.map_or(0, char::len_utf8)]);
                out.push_str(&quoted(page.title));
                rest = &rest[quote.map_or(0, char::len_utf8)..];
            }
            Some(Value::Text(text)) => {
                out.push_str(before);
                out.push_str(&text);
            }
            None => {
                out.push_str(before);
                unknown.push(format!("{{{{ {action} }}}}"));
            }
        }
    }
    out.push_str(rest);
    (out, unknown)
}

enum Value {
    /// The page's title, as typed.
    Title,
    Text(String),
}

/// What one action gives for a new page.
fn value(action: &str, page: &NewPage) -> Option<Value> {
    const NAMES: [&str; 5] = [
        ".File.ContentBaseName",
        ".File.BaseFileName",
        ".File.TranslationBaseName",
        ".TranslationBaseName",
        ".Name",
    ];
    let names_file = NAMES.iter().any(|n| action.contains(n));
    let words = action
        .split(|c: char| c.is_whitespace() || c == '|')
        .collect::<Vec<_>>();
    if action.starts_with("/*") {
        return Some(Value::Text(String::new()));
    }
    if action == ".Title" || (names_file && words.iter().any(|w| matches!(*w, "title" | "replace" | "humanize"))) {
        return Some(Value::Title);
    }
    if names_file {
        return Some(Value::Text(page.name.to_string()));
    }
    if action.starts_with(".Date") || action.starts_with("now") {
        let date = if action.contains("2006-01-02") && !action.contains("15:04") {
            page.now[..10].to_string()
        } else {
            page.now.to_string()
        };
        return Some(Value::Text(date));
    }
    if matches!(action, ".Type" | ".Section") {
        return Some(Value::Text(page.section.to_string()));
    }
    None
}

/// A string as YAML and TOML both read it: double quotes, `\` and `"` escaped.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::{fill, NewPage};

    const PAGE: NewPage = NewPage {
        title: "L'équipe \"soudée\"",
        name: "lequipe-soudee",
        section: "competences",
        now: "2026-12-06T07:41:03+01:00",
    };

    #[test]
    fn hugos_default_archetype_is_filled_with_the_title_as_typed() {
        let template = "+++\ndate = '{{ .Date }}'\ndraft = true\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\n+++\n";
        let (text, unknown) = fill(template, &PAGE);
        assert_eq!(
            text,
            "+++\ndate = '2026-12-06T07:41:03+01:00'\ndraft = true\ntitle = \"L'équipe \\\"soudée\\\"\"\n+++\n"
        );
        assert!(unknown.is_empty());
        let parsed: toml::Table = toml::from_str(text.trim().trim_matches('+')).unwrap();
        assert_eq!(parsed["title"].as_str(), Some(PAGE.title));
    }

    #[test]
    fn names_dates_sections_comments_and_shortcodes() {
        let template = "---\nslug: {{ .Name }}\nday: {{ now.Format \"2006-01-02\" }}\ntype: {{ .Type }}\n{{- /* note */}}\nsite: {{ .Site.Title }}\n---\n{{< figure src=\"x\" >}}\n";
        let (text, unknown) = fill(template, &PAGE);
        assert_eq!(
            text,
            "---\nslug: lequipe-soudee\nday: 2026-12-06\ntype: competences\nsite: \n---\n{{< figure src=\"x\" >}}\n"
        );
        assert_eq!(unknown, vec!["{{ .Site.Title }}"]);
    }
}
