//! The language one reading of a site's pages is in.

/// The language one reading of the pages is in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lang {
    /// `fr`, or `en-US` as settings may write it (files name it `en`).
    pub code: String,
    /// Whether files with no language in their name (`page.md`, `_index.md`)
    /// are in it: the site's own language, or one read from a folder of its own.
    pub bare: bool,
    /// Its routes' prefix: empty, or `/en`.
    pub root: String,
    /// The site's other languages: their files are theirs, not left out.
    pub others: Vec<String>,
    /// When pages name their language in their front matter (`lang: en`), not
    /// in their file name: the site's own language, that of pages naming none.
    pub in_field: Option<String>,
    /// Each section holds a folder per language (`blog/en/post.md`).
    pub locale_folders: bool,
}

impl Lang {
    /// The site's own language, alone.
    pub fn own(code: &str) -> Lang {
        Lang {
            code: code.to_string(),
            bare: true,
            ..Lang::default()
        }
    }

    /// `en` from `en-US`.
    pub fn primary(&self) -> &str {
        self.code.split(['-', '_']).next().unwrap_or(&self.code)
    }

    /// Whether a page whose front matter names the language `named` (or none) is in this one.
    pub fn holds(&self, named: Option<&str>) -> bool {
        let Some(own) = &self.in_field else { return true };
        let primary = |l: &str| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase();
        primary(named.unwrap_or(own)) == primary(&self.code)
    }

    /// The route of a path in this language: `/projets` → `/en/projets`, `/` → `/en`.
    pub fn route(&self, path: &str) -> String {
        crate::bundle::in_root(&self.root, path)
    }
}
