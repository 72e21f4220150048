//! Hugo: its settings, its cross-references, its URL rules.

use std::borrow::Cow;

pub fn refs(body: Cow<'_, str>) -> Cow<'_, str> {
    if !body.contains("{{") {
        return body;
    }
    let mut out = body.into_owned();
    let mut from = 0;
    while let Some(start) = out[from..].find("{{").map(|i| from + i) {
        let Some(len) = out[start..].find("}}").map(|i| i + 2) else {
            break;
        };
        let inner = out[start + 2..start + len - 2]
            .trim_matches(|c: char| c == '<' || c == '>' || c == '%' || c.is_whitespace());
        // `relref`, `ref`, and the `relRef` some themes write.
        let name = |n: &str| {
            inner
                .get(..n.len())
                .filter(|p| p.eq_ignore_ascii_case(n))
                .map(|_| &inner[n.len()..])
        };
        let target = name("relref")
            .or_else(|| name("ref"))
            .filter(|rest| rest.starts_with(char::is_whitespace))
            .map(|rest| rest.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|t| !t.is_empty() && !t.contains(['\n', '"', '\'']));
        if let Some(target) = target {
            // Hugo looks beside the page first, then from the content root
            // (`links::resolve` does the same for a relative `.md` path).
            let target = target.replace(' ', "%20");
            let link = match target.strip_prefix('/') {
                Some(root) => format!("@/{root}"),
                // A content path, read as a file's (beside the page, then from
                // the root), even when written without its `.md`.
                None => as_content_file(&target),
            };
            if link.len() <= len {
                let padded = format!("{link:<len$}");
                out.replace_range(start..start + len, &padded);
            }
        }
        from = start + len;
    }
    Cow::Owned(out)
}

/// `docs/guide#x` → `docs/guide.md#x`: a `ref` to a page written without its extension.
fn as_content_file(target: &str) -> String {
    let (path, anchor) = target.split_once('#').map_or((target, None), |(p, a)| (p, Some(a)));
    let name = path.rsplit('/').next().unwrap_or(path);
    let path = if path.is_empty() || name.ends_with(".md") || name.ends_with(".markdown") {
        path.to_string()
    } else {
        format!("{}.md", path.trim_end_matches('/'))
    };
    match anchor {
        Some(anchor) => format!("{path}#{anchor}"),
        None => path,
    }
}
