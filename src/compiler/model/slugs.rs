//! Slugs and heading ids: lower case, accents folded, apostrophes dropped.

/// `Ma Vision de L'Autonomie` → `ma-vision-de-lautonomie`; `TRANSITION 4.0` → `transition-4-0`.
pub fn slugify(text: &str) -> String {
    let without_apostrophes: String = text.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '`')).collect();
    slug::slugify(without_apostrophes)
}

/// A heading id as GitHub, Hugo and Astro make it: lower case, letters and
/// digits kept with their accents, each space a hyphen, other punctuation
/// dropped (`Smileys & Emotion` → `smileys--emotion`).
pub fn github_id(text: &str) -> String {
    hyphenated(text, &['-', '_'])
}

/// Hugo's `urlize`, as its permalinks use it: like [`github_id`], dots kept too.
pub fn urlize(text: &str) -> String {
    hyphenated(text, &['-', '_', '.'])
}

/// Lower case, each space a hyphen, letters and digits kept with their
/// accents, of the rest only `kept`.
fn hyphenated(text: &str, kept: &[char]) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() => Some('-'),
            c if c.is_alphanumeric() || kept.contains(&c) => Some(c),
            _ => None,
        })
        .collect()
}

/// A file or page name as a route segment: like [`slugify`], but the dots
/// stay, as Hugo and Zola keep them (`transition-4.0` → `/projets/transition-4.0`).
pub fn slugify_name(name: &str) -> String {
    name.split('.')
        .map(slugify)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::{github_id, slugify, slugify_name};

    #[test]
    fn github_ids_keep_accents_and_hyphens() {
        assert_eq!(github_id("Smileys & Emotion"), "smileys--emotion");
        assert_eq!(github_id("Starlights UI übersetzen"), "starlights-ui-übersetzen");
        assert_eq!(github_id("Ma Vision de L'Autonomie"), "ma-vision-de-lautonomie");
        assert_eq!(github_id("TRANSITION 4.0"), "transition-40");
    }

    #[test]
    fn file_names_keep_their_dots() {
        assert_eq!(slugify_name("transition-4.0"), "transition-4.0");
        assert_eq!(slugify_name("Capture d'écran 1.2"), "capture-decran-1.2");
        assert_eq!(slugify_name("citi"), "citi");
    }

    #[test]
    fn folds_accents_and_apostrophes() {
        assert_eq!(slugify("Ma Vision de L'Autonomie"), "ma-vision-de-lautonomie");
        assert_eq!(slugify("TRANSITION 4.0"), "transition-4-0");
        assert_eq!(slugify("développement"), "developpement");
        assert_eq!(slugify("Mise en œuvre — ça marche"), "mise-en-oeuvre-ca-marche");
        assert_eq!(slugify("Projet GECY :"), "projet-gecy");
    }
}
