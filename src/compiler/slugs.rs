//! Slugs and heading ids: lower case, accents folded, apostrophes dropped.

/// `Ma Vision de L'Autonomie` → `ma-vision-de-lautonomie`; `TRANSITION 4.0` → `transition-4-0`.
pub fn slugify(text: &str) -> String {
    let without_apostrophes: String = text.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '`')).collect();
    slug::slugify(without_apostrophes)
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
    use super::{slugify, slugify_name};

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
