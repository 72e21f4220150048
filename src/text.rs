//! Every piece of interface text, in one place so another language can be
//! added. French is the default.

pub struct Text {
    /// Its language code.
    pub lang: &'static str,
    pub nav_tags: &'static str,
    pub skip_to_content: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    pub error_retry: &'static str,
    pub error_home: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub did_you_mean: &'static str,
    pub back_home: &'static str,
    pub competences_title: &'static str,
    pub competences_intro: &'static str,
    pub projets_title: &'static str,
    pub projets_intro: &'static str,
    pub tags_title: &'static str,
    pub tags_intro: &'static str,
    pub tag_title: &'static str,
    pub latest_projets: &'static str,
    /// Labels of the links a page's front matter gives (`github:`, `demo:`, `link:`).
    pub link_code: &'static str,
    pub link_demo: &'static str,
    pub link_document: &'static str,
    pub link_site: &'static str,
    pub page_links: &'static str,
    pub all_competences: &'static str,
    pub see_all: &'static str,
    pub reading_time: &'static str,
    pub toc: &'static str,
    pub linked_projets: &'static str,
    pub linked_competences: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub pages_one: &'static str,
    pub pages_many: &'static str,
    pub draft: &'static str,
    pub footer: &'static str,
    pub main_nav: &'static str,
    /// The language switch's name.
    pub languages: &'static str,
    pub all_tags: &'static str,
    pub filter_by_tag: &'static str,
    /// A section list's nested sections.
    pub subsections: &'static str,
    pub no_result: &'static str,
    pub menu: &'static str,
    pub dark_theme: &'static str,
    pub neighbours: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_title: &'static str,
    pub search_empty: &'static str,
    pub search_none: &'static str,
    pub search_unavailable: &'static str,
    pub page: &'static str,
    pub pages_title: &'static str,
    pub pagination: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub site_updated: &'static str,
    pub lightbox: &'static str,
    pub previous_image: &'static str,
    pub next_image: &'static str,
    pub close: &'static str,
    pub open_original: &'static str,
    pub data_missing: &'static str,
    pub synthese_title: &'static str,
    pub synthese_nav: &'static str,
    pub synthese_intro: &'static str,
    pub synthese_caption: &'static str,
    pub synthese_corner: &'static str,
    pub synthese_total: &'static str,
    pub synthese_gap: &'static str,
    pub synthese_csv: &'static str,
    pub synthese_legend: &'static str,
    pub synthese_omitted: &'static str,
    pub synthese_home: &'static str,
    pub evidence_declared: &'static str,
    pub evidence_linked: &'static str,
    pub evidence_tag: &'static str,
    pub synthese_filter: &'static str,
    pub competence_one: &'static str,
    pub competence_many: &'static str,
    pub projet_one: &'static str,
    pub projet_many: &'static str,
    pub months: [&'static str; 12],
    /// A compétence's or projet's entries on the CV ("Au CV").
    pub cv_mentions: &'static str,
    pub pdf_download: &'static str,
}

pub const FR: Text = Text {
    lang: "fr",
    nav_tags: "Tags",
    skip_to_content: "Aller au contenu",
    loading: "Chargement du portfolio…",
    error_title: "Le portfolio n'a pas pu être chargé",
    error_retry: "Réessayer",
    error_home: "Revenir à l'accueil",
    not_found_title: "Page introuvable",
    not_found_body: "Cette adresse ne correspond à aucune page du portfolio.",
    did_you_mean: "Vouliez-vous dire",
    back_home: "Revenir à l'accueil",
    competences_title: "Compétences",
    competences_intro: "Les compétences que j'ai développées, avec le recul sur leur mise en œuvre.",
    projets_title: "Projets",
    projets_intro: "Les projets menés en formation et en entreprise.",
    tags_title: "Tags",
    tags_intro: "Tous les thèmes abordés dans le portfolio.",
    tag_title: "Tag",
    latest_projets: "Derniers projets",
    link_code: "Code source",
    link_demo: "Démo",
    link_document: "Document",
    link_site: "Site",
    page_links: "Liens",
    all_competences: "Compétences",
    see_all: "Tout voir",
    reading_time: "min de lecture",
    toc: "Sommaire",
    linked_projets: "Projets liés",
    linked_competences: "Compétences mobilisées",
    previous: "Précédent",
    next: "Suivant",
    pages_one: "page",
    pages_many: "pages",
    draft: "Brouillon",
    footer: "Portfolio réalisé avec Vitrine",
    main_nav: "Navigation principale",
    languages: "Langues",
    all_tags: "Tous",
    filter_by_tag: "Filtrer par tag",
    subsections: "Sous-sections",
    no_result: "Aucune page ne correspond à ce filtre.",
    menu: "Menu",
    dark_theme: "Thème sombre",
    neighbours: "Pages voisines",
    search_label: "Rechercher dans le portfolio",
    search_placeholder: "Rechercher… (/)",
    search_title: "Recherche",
    search_empty: "Tapez un mot pour chercher dans les compétences et les projets.",
    search_none: "Aucun résultat pour",
    search_unavailable: "Recherche indisponible",
    page: "Page",
    pages_title: "Pages",
    pagination: "Pages de la liste",
    previous_page: "← Page précédente",
    next_page: "Page suivante →",
    site_updated: "Le portfolio a été mis à jour depuis l'ouverture de cette page : revenez à l'accueil pour charger la nouvelle version.",
    data_missing: "Les données de cette page sont introuvables sur le serveur",
    lightbox: "Image agrandie",
    previous_image: "Image précédente",
    next_image: "Image suivante",
    close: "Fermer",
    open_original: "Ouvrir l'original",
    synthese_title: "Tableau de synthèse",
    synthese_nav: "Synthèse",
    synthese_intro: "Quelles réalisations démontrent quelles compétences, et pourquoi.",
    synthese_caption: "Compétences (lignes) mobilisées dans les projets (colonnes)",
    synthese_corner: "Compétences",
    synthese_total: "Total",
    synthese_gap: "à étayer",
    synthese_csv: "Télécharger le tableau (CSV)",
    synthese_legend: "✓ déclaré dans une page · ↗ lien dans le texte · # tag commun · « à étayer » : compétence sans projet, ou projet sans compétence.",
    synthese_omitted: "Tableau limité aux premières compétences et aux premiers projets de leurs listes. Le site en compte :",
    synthese_home: "Voir le tableau de synthèse",
    evidence_declared: "déclaré",
    evidence_linked: "lien dans le texte",
    evidence_tag: "tag commun",
    synthese_filter: "Filtrer les projets par tag",
    competence_one: "compétence",
    competence_many: "compétences",
    projet_one: "projet",
    projet_many: "projets",
    cv_mentions: "Au CV",
    pdf_download: "Télécharger le PDF",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
};

/// For a site in another language than French (Hugo's `languageCode = "en-us"`,
/// Zola's `default_language`, Astro's `lang`).
pub const EN: Text = Text {
    lang: "en",
    nav_tags: "Tags",
    skip_to_content: "Skip to content",
    loading: "Loading…",
    error_title: "The site could not be loaded",
    error_retry: "Try again",
    error_home: "Back to the home page",
    not_found_title: "Page not found",
    not_found_body: "No page of this site has this address.",
    did_you_mean: "Did you mean",
    back_home: "Back to the home page",
    competences_title: "Skills",
    competences_intro: "The skills I have built, and what I learnt putting them to work.",
    projets_title: "Projects",
    projets_intro: "Projects carried out in training and at work.",
    tags_title: "Tags",
    tags_intro: "Every topic of the site.",
    tag_title: "Tag",
    latest_projets: "Latest projects",
    link_code: "Source code",
    link_demo: "Demo",
    link_document: "Document",
    link_site: "Website",
    page_links: "Links",
    all_competences: "Skills",
    see_all: "See all",
    reading_time: "min read",
    toc: "Contents",
    linked_projets: "Related projects",
    linked_competences: "Skills used",
    previous: "Previous",
    next: "Next",
    pages_one: "page",
    pages_many: "pages",
    draft: "Draft",
    footer: "Made with Vitrine",
    main_nav: "Main navigation",
    languages: "Languages",
    all_tags: "All",
    filter_by_tag: "Filter by tag",
    subsections: "Subsections",
    no_result: "No page matches this filter.",
    menu: "Menu",
    dark_theme: "Dark theme",
    neighbours: "Nearby pages",
    search_label: "Search the site",
    search_placeholder: "Search… (/)",
    search_title: "Search",
    search_empty: "Type a word to search the site.",
    search_none: "No results for",
    search_unavailable: "Search unavailable",
    page: "Page",
    pages_title: "Pages",
    pagination: "Pages of the list",
    previous_page: "← Previous page",
    next_page: "Next page →",
    site_updated: "The site was updated since this page was opened: go back to the home page to load the new version.",
    data_missing: "This page's data cannot be found on the server",
    lightbox: "Enlarged image",
    previous_image: "Previous image",
    next_image: "Next image",
    close: "Close",
    open_original: "Open the original",
    synthese_title: "Summary table",
    synthese_nav: "Summary",
    synthese_intro: "Which projects show which skills, and why.",
    synthese_caption: "Skills (rows) used in projects (columns)",
    synthese_corner: "Skills",
    synthese_total: "Total",
    synthese_gap: "to support",
    synthese_csv: "Download the table (CSV)",
    synthese_legend: "✓ declared on a page · ↗ link in the text · # shared tag · “to support”: a skill without a project, or a project without a skill.",
    synthese_omitted: "The table shows the first skills and the first projects of their lists. The site has:",
    synthese_home: "See the summary table",
    evidence_declared: "declared",
    evidence_linked: "link in the text",
    evidence_tag: "shared tag",
    synthese_filter: "Filter projects by tag",
    competence_one: "skill",
    competence_many: "skills",
    projet_one: "project",
    projet_many: "projects",
    cv_mentions: "On the CV",
    pdf_download: "Download the PDF",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

/// The interface text for a site's language: French unless the site says it
/// is in another language (French is also the default when it says nothing).
pub fn for_lang(lang: &str) -> &'static Text {
    let code = lang.split(['-', '_']).next().unwrap_or_default();
    if code.is_empty() || code.eq_ignore_ascii_case("fr") {
        &FR
    } else {
        &EN
    }
}

/// A language's name in itself, for the language switch (its code when unknown).
pub fn language_name(code: &str) -> &str {
    let primary = code.split(['-', '_']).next().unwrap_or(code).to_ascii_lowercase();
    match primary.as_str() {
        "fr" => "Français",
        "en" => "English",
        "de" => "Deutsch",
        "es" => "Español",
        "it" => "Italiano",
        "nl" => "Nederlands",
        "pt" => "Português",
        "ca" => "Català",
        "br" => "Brezhoneg",
        "eu" => "Euskara",
        "ar" => "العربية",
        "zh" => "中文",
        "ja" => "日本語",
        "pl" => "Polski",
        _ => code,
    }
}

/// Whether a language has interface text of its own (else English is used).
pub fn has_text(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    primary.is_empty() || primary.eq_ignore_ascii_case("fr") || primary.eq_ignore_ascii_case("en")
}

/// The language of the site this process renders: one site per build and per
/// browser page, set before its first view (see [`set_lang`]).
static ENGLISH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The interface text of the site being rendered.
pub fn t() -> &'static Text {
    if ENGLISH.load(std::sync::atomic::Ordering::Relaxed) {
        &EN
    } else {
        &FR
    }
}

/// Sets the site's language for [`t`]: by the prerenderer before its first
/// route, by the app before its first view.
pub fn set_lang(lang: &str) {
    let english = for_lang(lang).lang == EN.lang;
    ENGLISH.store(english, std::sync::atomic::Ordering::Relaxed);
}

/// Where the routes of the language being shown begin (`/en`; empty for the site's own).
static ROOT: std::sync::RwLock<String> = std::sync::RwLock::new(String::new());

/// Sets the language being shown: its interface text and its routes' prefix.
/// By the prerenderer before each language's routes, by the app before each view.
pub fn set_language(lang: &str, root: &str) {
    set_lang(lang);
    if let Ok(mut current) = ROOT.write() {
        if *current != root {
            *current = root.to_string();
        }
    }
}

/// A route of the language being shown (`/tags` → `/en/tags` on an English page).
pub fn route(path: &str) -> String {
    crate::bundle::in_root(&root(), path)
}

/// The prefix of the language being shown (`/en`), empty for the site's own.
pub fn root() -> String {
    ROOT.read().map(|r| r.clone()).unwrap_or_default()
}

/// The CV's words (section headings, dates, durations), made into the
/// page at build time: none of it is in the app.
pub struct CvText {
    pub lang: &'static str,
    /// JSON Resume's sections, in the schema's order: (name in the schema, heading).
    pub sections: [(&'static str, &'static str); 11],
    pub short_months: [&'static str; 12],
    pub ongoing: &'static str,
    /// `2 ans 3 mois`: year (one, many), month (one, many).
    pub years: (&'static str, &'static str),
    pub months: (&'static str, &'static str),
    /// `Alternance chez Acme`.
    pub at: &'static str,
    /// `depuis 2023`.
    pub since: &'static str,
    pub menu: &'static str,
    pub score: &'static str,
}

pub const CV_FR: CvText = CvText {
    lang: "fr",
    sections: [
        ("work", "Expérience professionnelle"),
        ("volunteer", "Bénévolat"),
        ("education", "Formation"),
        ("awards", "Distinctions"),
        ("certificates", "Certifications"),
        ("publications", "Publications"),
        ("skills", "Compétences techniques"),
        ("languages", "Langues"),
        ("interests", "Centres d'intérêt"),
        ("references", "Références"),
        ("projects", "Projets"),
    ],
    short_months: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ],
    ongoing: "aujourd'hui",
    years: ("an", "ans"),
    months: ("mois", "mois"),
    at: "chez",
    since: "depuis",
    menu: "CV",
    score: "Résultat",
};

pub const CV_EN: CvText = CvText {
    lang: "en",
    sections: [
        ("work", "Work experience"),
        ("volunteer", "Volunteering"),
        ("education", "Education"),
        ("awards", "Awards"),
        ("certificates", "Certificates"),
        ("publications", "Publications"),
        ("skills", "Skills"),
        ("languages", "Languages"),
        ("interests", "Interests"),
        ("references", "References"),
        ("projects", "Projects"),
    ],
    short_months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    ongoing: "present",
    years: ("year", "years"),
    months: ("month", "months"),
    at: "at",
    since: "since",
    menu: "CV",
    score: "Result",
};

/// The CV's words for a site's language (as [`for_lang`] chooses).
pub fn cv_text(lang: &str) -> &'static CvText {
    if for_lang(lang).lang == FR.lang {
        &CV_FR
    } else {
        &CV_EN
    }
}

/// `sept. 2021`, `15 sept. 2021`, `2021` (`Sep 2021`, `15 Sep 2021` in English).
pub fn cv_date(text: &CvText, year: u16, month: Option<u8>, day: Option<u8>) -> String {
    let month = month.and_then(|m| text.short_months.get(usize::from(m).wrapping_sub(1)));
    match (day, month) {
        (Some(d), Some(m)) => format!("{d} {m} {year}"),
        (None, Some(m)) => format!("{m} {year}"),
        _ => year.to_string(),
    }
}

/// `2 ans 3 mois`, `1 an`, `5 mois` (`2 years 3 months`); empty under a month.
pub fn cv_duration(text: &CvText, months: i64) -> String {
    let word = |n: i64, (one, many): (&str, &str)| format!("{n} {}", if n == 1 { one } else { many });
    match (months / 12, months % 12) {
        (0, 0) => String::new(),
        (0, m) => word(m, text.months),
        (y, 0) => word(y, text.years),
        (y, m) => format!("{} {}", word(y, text.years), word(m, text.months)),
    }
}

/// `10 compétences × 12 projets`, `1 compétence × 1 projet`.
pub fn reach(competences: usize, projets: usize) -> String {
    let word = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} × {}",
        word(competences, t().competence_one, t().competence_many),
        word(projets, t().projet_one, t().projet_many)
    )
}

/// `2023-04-11` → `11 avril 2023` (`April 11, 2023` on an English site).
pub fn format_date(date: &str) -> String {
    format_date_in(t(), date)
}

/// [`format_date`] in the language of `text`.
pub fn format_date_in(text: &Text, date: &str) -> String {
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) if text.lang == EN.lang => format!("{} {d}, {y}", text.months[m - 1]),
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", text.months[m - 1]),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_in_another_language_gets_the_english_interface() {
        assert_eq!(for_lang("fr").lang, "fr");
        assert_eq!(for_lang("fr-FR").lang, "fr");
        assert_eq!(for_lang("").lang, "fr", "French by default");
        assert_eq!(for_lang("en-us").lang, "en");
        assert_eq!(for_lang("de").lang, "en");
        assert_eq!(format_date_in(&FR, "2023-04-11"), "11 avril 2023");
        assert_eq!(format_date_in(&EN, "2023-04-11"), "April 11, 2023");
        assert_eq!(format_date_in(&EN, "2023"), "2023");
        assert_eq!(cv_date(&CV_FR, 2021, Some(9), None), "sept. 2021");
        assert_eq!(cv_date(&CV_EN, 2021, Some(9), Some(15)), "15 Sep 2021");
        assert_eq!(cv_duration(&CV_FR, 27), "2 ans 3 mois");
        assert_eq!(cv_duration(&CV_FR, 12), "1 an");
        assert_eq!(cv_duration(&CV_EN, 5), "5 months");
    }
}
