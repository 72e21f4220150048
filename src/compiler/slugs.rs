//! Slugs and heading ids: lower case, accents folded, apostrophes dropped.

/// `Ma Vision de L'Autonomie` → `ma-vision-de-lautonomie`; `TRANSITION 4.0` → `transition-4-0`.
pub fn slugify(text: &str) -> String {
    let without_apostrophes: String = text.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '`')).collect();
    slug::slugify(without_apostrophes)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn folds_accents_and_apostrophes() {
        assert_eq!(slugify("Ma Vision de L'Autonomie"), "ma-vision-de-lautonomie");
        assert_eq!(slugify("TRANSITION 4.0"), "transition-4-0");
        assert_eq!(slugify("développement"), "developpement");
        assert_eq!(slugify("Mise en œuvre — ça marche"), "mise-en-oeuvre-ca-marche");
        assert_eq!(slugify("Projet GECY :"), "projet-gecy");
    }
}
