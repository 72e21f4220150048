//! The content bundle: what the compiler writes to `content.json` and what the
//! app reads. Defined once, compiled by both, so the two cannot drift.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped whenever the shape below changes in a way an older app cannot read.
pub const BUNDLE_VERSION: u32 = 1;

/// File name of the bundle inside the output folder.
pub const BUNDLE_FILE: &str = "content.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Bundle {
    pub version: u32,
    pub site: Site,
    /// Every page, compétences first then projets, each section in display order.
    pub pages: Vec<Page>,
    /// Every tag, sorted by count (descending) then name.
    pub tags: Vec<Tag>,
    /// The body of `_index.md` as HTML, by section route segment (`""` for the home page).
    #[serde(default)]
    pub intros: std::collections::BTreeMap<String, String>,
    /// Sections whose `_index.md` sends visitors elsewhere (Zola's
    /// `redirect_to`): list route → route or URL. Their list's page redirects.
    #[serde(default)]
    pub redirects: Vec<(String, String)>,
    /// The CV made from the site's JSON Resume file, when it has one.
    #[serde(default)]
    pub cv: Option<Cv>,
    /// The PDF files the build links to (`cv.pdf`, `synthese.pdf`), which
    /// `make pdf` prints beside the pages (`vitrine build --pdf`).
    #[serde(default)]
    pub pdfs: Vec<String>,
}

/// The CV page, made from a JSON Resume file: what it shows, ready to show
/// (dates and headings in the page's language), and what machines read of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cv {
    pub view: CvView,
    /// JSON-LD `ProfilePage` with its `Person`, for the page's `<head>`.
    pub json_ld: String,
    /// Its words as HTML, for the search index.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CvView {
    /// `/cv`, `/en/cv`.
    pub route: String,
    /// `basics.name`, and `basics.label` under it.
    pub name: String,
    pub label: String,
    pub photo: Option<Image>,
    pub summary: String,
    /// Location, e-mail, telephone, site and profiles, each written out.
    pub contacts: Vec<CvItem>,
    /// The text of the site's `cv.md` page, as sanitised HTML (often empty).
    pub intro: String,
    pub sections: Vec<CvSection>,
    /// The printed CV (`cv.pdf`), when the build has one.
    #[serde(default)]
    pub pdf: Option<String>,
}

/// One of JSON Resume's sections (`work`, `education`…), titled in the page's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CvSection {
    /// Its name in the schema (`work`), the heading's id.
    pub id: String,
    pub title: String,
    /// Dated entries, newest first, shown as a timeline.
    pub timeline: bool,
    pub entries: Vec<CvEntry>,
}

/// An entry: an employer with its positions, a school, a skill, a language…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CvEntry {
    /// Its anchor on the CV page (`work-1`).
    pub id: String,
    /// The employer, school, skill, language… linked to its page when one matches.
    pub title: CvItem,
    /// Place, level, fluency, issuer: said after the title.
    pub detail: String,
    /// Several positions at one employer, or one.
    pub roles: Vec<CvRole>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CvRole {
    pub title: String,
    pub dates: Option<CvDates>,
    pub summary: String,
    /// Highlights, courses: one line each, linked when one names a page.
    pub items: Vec<CvItem>,
    /// Keywords, linked when one names a page or a tag.
    pub keywords: Vec<CvItem>,
}

/// `sept. 2021 – aujourd'hui`, `2 ans 3 mois`: written in the page's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CvDates {
    /// `<time datetime>` of the start (`2021-09`) and its text; the same for the end.
    pub start: Option<(String, String)>,
    pub end: Option<(String, String)>,
    /// "aujourd'hui" when there is a start and no end.
    pub ongoing: String,
    pub duration: String,
}

/// A piece of text, with the page it names (an app route) or the address it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CvItem {
    pub text: String,
    /// An app route (`/competences/x`) or a web address (`https://…`, `mailto:…`).
    pub link: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Site {
    pub title: String,
    pub author: String,
    pub tagline: String,
    pub lang: String,
    /// `https://example.org/portfolio`, without a trailing slash; empty when not set.
    pub base_url: String,
    pub links: Vec<SiteLink>,
    /// Every section with pages, in menu order: compétences, projets, then the
    /// site's other folders (`posts/`, `veille/`…).
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The navigation in order: label and route segment (`projets`, `about`) or
    /// an absolute URL; the sections and the top-level pages that ask for an entry.
    #[serde(default)]
    pub menu: Vec<SiteLink>,
    /// The author's photo, shown on the home page.
    #[serde(default)]
    pub photo: Option<Image>,
    /// The author's short bio, under their name on the home page.
    #[serde(default)]
    pub bio: String,
    /// Where this language's routes begin: empty for the site's own language,
    /// `/en` for English (`/en/projets/citi`).
    #[serde(default)]
    pub root: String,
    /// Every language of a multilingual site, this one included, in the
    /// switch's order; empty for a site in one language.
    #[serde(default)]
    pub languages: Vec<SiteLanguage>,
}

/// One language of the site, as the language switch offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SiteLanguage {
    /// `en`, as `<html lang>` and `hreflang` write it.
    pub code: String,
    /// Its name in itself (`English`).
    pub name: String,
    /// Its home route (`/`, `/en`).
    pub home: String,
}

impl Site {
    /// A route of this language from a route of the site's own (`/tags` → `/en/tags`).
    pub fn route(&self, path: &str) -> String {
        in_root(&self.root, path)
    }
}

/// A folder of pages: its route (`/posts`), its title (from its `_index.md`, or its name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Section {
    pub slug: String,
    pub title: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SiteLink {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Competence,
    Projet,
    /// Any other section: its pages have no compétence/projet relations.
    Other,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Competence, Kind::Projet];

    /// The first segment of this kind's routes (empty for other sections, named by their folder).
    pub fn section(self) -> &'static str {
        match self {
            Kind::Competence => "competences",
            Kind::Projet => "projets",
            Kind::Other => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Page {
    pub kind: Kind,
    /// The section's route segment: `projets`, `posts`.
    #[serde(default)]
    pub section: String,
    /// Path below the section: `citi`, or `nested/duvet-genius`.
    pub slug: String,
    /// App route: `/projets/citi`.
    pub route: String,
    pub title: String,
    pub description: String,
    /// `YYYY-MM-DD`, from `date`, `publishDate` or `pubDate`.
    pub date: Option<String>,
    pub updated: Option<String>,
    pub draft: bool,
    pub weight: Option<i64>,
    pub tags: Vec<TagRef>,
    pub image: Option<Image>,
    /// Sanitised HTML of the body; links already point at app routes.
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub word_count: usize,
    pub reading_minutes: usize,
    pub summary: String,
    /// Routes of the pages this page links to.
    pub links: Vec<String>,
    /// Routes of the pages that link to this page.
    pub backlinks: Vec<String>,
    /// Compétence ↔ projet relations, the same seen from both sides, each with why it holds.
    #[serde(default)]
    pub relations: Vec<Relation>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub aliases: Vec<String>,
    /// The same page in the site's other languages: (language code, route).
    #[serde(default)]
    pub translations: Vec<(String, String)>,
    /// Links the front matter gives (`github:`, `demo:`), labelled.
    pub external: Vec<SiteLink>,
    /// The CV's entries that point at this page ("Alternance chez Acme
    /// (2023–2025)", `/cv#work-0`).
    #[serde(default)]
    pub cv: Vec<SiteLink>,
    /// Front matter fields Vitrine does not know, kept as written.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A compétence and a projet that go together: the other page's route, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Relation {
    pub route: String,
    pub evidence: Evidence,
}

/// Why a compétence and a projet are related; several reasons may hold at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Evidence {
    /// Listed in front matter (`competences: […]` or `projets: […]`) on either page.
    pub declared: bool,
    /// One page's text links to the other.
    pub linked: bool,
    /// Tags both pages carry.
    pub tags: Vec<TagRef>,
}

impl Evidence {
    /// Declared or linked: more than a shared tag.
    pub fn is_explicit(&self) -> bool {
        self.declared || self.linked
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TagRef {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Image {
    /// The file as found (`/assets/x.png`), or an external URL.
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// A JPEG, PNG or WebP file's resized variants.
    #[serde(default)]
    pub resized: Option<Resized>,
}

/// An image's WebP variants: `src` about 800 px wide, and the `srcset`
/// (`_img/…-480.webp 480w, …`, relative to the site root).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Resized {
    pub src: String,
    pub srcset: String,
}

impl Image {
    /// What `<img src>` shows: the resized variant, else the file.
    pub fn shown(&self) -> &str {
        self.resized.as_ref().map_or(&self.src, |r| &r.src)
    }

    pub fn srcset(&self) -> Option<String> {
        self.resized.as_ref().map(|r| r.srcset.clone())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Tag {
    pub slug: String,
    pub name: String,
    pub count: usize,
    /// Routes of the pages that carry this tag, in section order.
    pub pages: Vec<String>,
}

impl Bundle {
    pub fn page(&self, route: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.route == route)
    }

    pub fn section(&self, kind: Kind) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(move |p| p.kind == kind)
    }

    pub fn tag(&self, slug: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.slug == slug)
    }
}

/// A route of the site's own language within a language's `root`
/// (`/tags` → `/en/tags`, `/` → `/en`); the same route when `root` is empty.
pub fn in_root(root: &str, path: &str) -> String {
    match (root, path) {
        ("", path) => path.to_string(),
        (root, "/") => root.to_string(),
        (root, path) => format!("{root}{path}"),
    }
}

/// A site path (`/projets/citi`, `/assets/x.png`) as a link relative to the
/// document's `<base href>`, so the site works at the root of a host or under
/// any sub-path (`/portfolio/`). Used by the compiler for page bodies and by the app.
pub fn relative_link(path: &str) -> String {
    match path.trim_start_matches('/') {
        "" => "./".to_string(),
        relative => relative.to_string(),
    }
}
