//! The data the app reads: one small JSON file per route (`data/<build>/<route>.json`),
//! also embedded in that route's prerendered HTML for hydration. Defined once,
//! compiled by the prerenderer and by the app, so the two cannot drift.
//!
//! Each file is a JSON object, `{"version": DATA_VERSION, …}`, described by
//! `data/schema.json` (generated from these types, `vitrine schema`), so other
//! tools can read a Vitrine site. The app parses it with the browser's own
//! `JSON.parse` and reads the result in `browser.rs`.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::{decode, decode_text};

use crate::bundle::{Image, Kind, Site, SiteLink, TagRef, TocEntry};
use crate::text::t;
use serde::{Deserialize, Serialize};

/// Bumped whenever the shape below changes in a way an older app cannot read.
pub const DATA_VERSION: u32 = 9;

/// Cards per list page (`/projets`, `/projets/page/2`, `/tags/web/page/2`).
pub const PAGE_SIZE: usize = 24;

/// Compétences shown on the home page before "Tout voir".
pub const HOME_COMPETENCES: usize = 12;

/// `id` of the `<script type="application/json">` that carries a page's data ([`embed_text`]).
pub const EMBED_ID: &str = "vitrine-data";

/// What one route needs: the site settings and its view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RouteData {
    /// The data key ([`key`]) this file answers.
    pub route: String,
    pub site: Site,
    pub view: View,
    /// This route in the site's other languages: (language code, route).
    pub translations: Vec<(String, String)>,
}

/// Externally tagged (`{"page": {…}}`): an internally tagged enum costs the
/// app a buffering deserializer (23 KB of wasm, measured with twiggy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum View {
    Home(Home),
    List(List),
    Page(Box<PageView>),
    Tags(TagsView),
    Tag(TagView),
    Search,
    NotFound(NotFound),
    Synthese(Box<Synthese>),
    /// `/cv`: the CV made from the site's JSON Resume file.
    Cv(Box<CvPage>),
}

/// A page as a card in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Card {
    pub route: String,
    pub title: String,
    /// The description, or the summary when there is none.
    pub text: String,
    pub date: Option<String>,
    pub reading_minutes: usize,
    pub draft: bool,
    pub tags: Vec<TagRef>,
    pub image: Option<Image>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TagCount {
    pub slug: String,
    pub name: String,
    pub count: usize,
}

/// `routes.json`: every page's route and title, read when an address is not found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Routes {
    pub routes: Vec<LinkRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct LinkRef {
    pub route: String,
    pub title: String,
}

/// Which slice of a long list this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Pager {
    /// From 1.
    pub page: usize,
    pub pages: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Home {
    /// The body of `content/_index.md`, as sanitised HTML (often empty).
    pub intro: String,
    /// The latest projets, the first compétences, then the latest pages of each
    /// other section; sections without pages are left out.
    pub sections: Vec<HomeSection>,
    pub tags: Vec<TagCount>,
    /// The synthesis table's reach, when the site has compétences and projets.
    pub synthese: Option<Coverage>,
}

/// How many compétences and projets the synthesis table crosses, and how many lack a counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Coverage {
    pub competences: usize,
    pub projets: usize,
    /// Compétences without a projet plus projets without a compétence.
    pub gaps: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct HomeSection {
    /// Route segment of the section's list (`projets`).
    pub section: String,
    pub title: String,
    /// Cards show page images (not compétences).
    pub images: bool,
    pub cards: Vec<Card>,
    /// Pages in the section, for "Tout voir (n)".
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct List {
    pub kind: Kind,
    /// The section's route segment (`projets`, `posts`), its title and introduction.
    pub section: String,
    pub title: String,
    pub intro: String,
    /// The body of the section's `_index.md`, as sanitised HTML (often empty).
    pub intro_html: String,
    /// The tag filter (`?tag=`), if any.
    pub tag: Option<String>,
    /// Every tag of the section, for the filter.
    pub tags: Vec<TagRef>,
    /// The sections nested one level below (on the first page of the whole list).
    pub subsections: Vec<LinkRef>,
    pub cards: Vec<Card>,
    pub pager: Pager,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PageView {
    pub kind: Kind,
    pub route: String,
    pub title: String,
    pub description: String,
    pub date: Option<String>,
    pub draft: bool,
    pub reading_minutes: usize,
    pub tags: Vec<TagRef>,
    pub image: Option<Image>,
    /// Sanitised HTML of the body.
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Links the front matter gives (`github:`, `demo:`), labelled.
    pub external: Vec<SiteLink>,
    /// "Projets liés" or "Compétences mobilisées", with why each holds.
    pub related: Vec<Related>,
    /// The CV's entries naming this page ("Au CV : Alternance chez Acme (2023–2025)").
    #[serde(default)]
    pub cv: Vec<LinkRef>,
    pub prev: Option<LinkRef>,
    pub next: Option<LinkRef>,
}

/// `/cv`: the CV as the app's own components render it at build time
/// (`app::routes::cv::html`), shown as it is: the app carries no CV code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CvPage {
    /// `basics.name`, `basics.label`: the page's title and description.
    pub name: String,
    pub label: String,
    pub html: String,
}

/// A page of the other kind related to this one, and why in words
/// (`déclaré, lien dans le texte`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Related {
    pub route: String,
    pub title: String,
    pub why: String,
}

/// `/synthese`: compétences (rows) × projets (columns), totals computed. Cells
/// come ready to show, so the app holds no table logic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Synthese {
    /// The tag filter (`?tag=`) on projets, if any, and the tags offered.
    pub tag: Option<String>,
    pub tags: Vec<TagRef>,
    pub columns: Vec<Axis>,
    pub rows: Vec<Row>,
    /// Filled cells per column, then in all.
    pub column_totals: Vec<usize>,
    pub total: usize,
    /// Compétences and projets on the site, when the table shows fewer.
    pub omitted: Option<Coverage>,
    /// The CSV export, relative to the site root.
    pub csv: String,
    /// The printed table (`synthese.pdf`), when the build has one.
    #[serde(default)]
    pub pdf: Option<String>,
}

/// A row or column title: a page, and whether it has no counterpart on the whole site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Axis {
    pub route: String,
    pub title: String,
    pub gap: bool,
}

/// A compétence's row: one entry per column, filled or not, and its total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Row {
    pub axis: Axis,
    pub cells: Vec<Option<Mark>>,
    pub total: usize,
}

/// A filled cell: where its evidence is (the projet, or the shared tag's page),
/// its symbols (✓ declared, ↗ linked, # tag) and the same in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Mark {
    pub href: String,
    pub symbols: String,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TagsView {
    pub tags: Vec<TagCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TagView {
    pub tag: TagCount,
    /// By section, in menu order, each only if this slice has some.
    pub groups: Vec<Group>,
    pub pager: Pager,
}

/// The pages of one section in a tag's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Group {
    pub title: String,
    /// Cards show page images (projets and other sections; not compétences).
    pub images: bool,
    pub cards: Vec<Card>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct NotFound {
    /// A page whose route is close to the address asked for.
    pub suggestion: Option<LinkRef>,
}

/// Title and description of a route, for `<title>`, meta tags and the app.
pub struct Meta {
    /// `None` on the home page (the site title alone).
    pub title: Option<String>,
    pub description: String,
}

impl RouteData {
    pub fn meta(&self) -> Meta {
        let (title, description): (Option<String>, String) = match &self.view {
            View::Home(_) => (None, self.site.tagline.clone()),
            View::List(l) => (Some(l.title.clone()), l.intro.clone()),
            View::Page(p) => (Some(p.title.clone()), p.description.clone()),
            View::Tags(_) => (Some(t().tags_title.into()), t().tags_intro.into()),
            View::Tag(view) => (
                Some(view.tag.name.clone()),
                format!("{} : {}", t().tag_title, view.tag.name),
            ),
            View::Search => (Some(t().search_title.into()), t().search_empty.into()),
            View::NotFound(_) => (Some(t().not_found_title.into()), t().not_found_body.into()),
            // Titled as its page is (`basics.name`), its label the description.
            View::Cv(cv) => (Some(cv.name.clone()), cv.label.clone()),
            View::Synthese(s) => (
                Some(t().synthese_title.into()),
                match &s.tag {
                    Some(tag) => format!("{} ({} : {tag})", t().synthese_intro, t().tag_title),
                    None => t().synthese_intro.into(),
                },
            ),
        };
        let description = if description.is_empty() {
            self.site.tagline.clone()
        } else {
            description
        };
        Meta { title, description }
    }

    /// `Page — Site`, or the site title alone.
    pub fn document_title(&self) -> String {
        match self.meta().title {
            Some(t) if t != self.site.title => format!("{t} — {}", self.site.title),
            _ => self.site.title.clone(),
        }
    }
}

/// The introduction of a section's list (other sections have none).
pub fn section_intro(kind: Kind) -> &'static str {
    match kind {
        Kind::Competence => t().competences_intro,
        Kind::Projet => t().projets_intro,
        Kind::Other => "",
    }
}

/// The data key of an address: its route without trailing slash, plus the
/// list filter and page when the route is a section list (`/projets?tag=web&page=2`).
pub fn key(path: &str, tag: Option<&str>, page: Option<usize>) -> String {
    let route = match path.trim_end_matches('/') {
        "" => "/".to_string(),
        r => r.to_string(),
    };
    // A section's list: one segment, not one of the app's own lists.
    // A list is one segment, after a language's (`/projets`, `/en/projets`).
    let path = match route.get(1..).and_then(|r| r.split_once('/')) {
        Some((first, rest)) if is_language(first) => rest,
        _ => route.get(1..).unwrap_or_default(),
    };
    let is_list = !path.is_empty() && !path.contains('/') && !["tags", "recherche"].contains(&path);
    match tag.filter(|t| is_list && !t.is_empty()) {
        Some(tag) => match page.filter(|p| *p > 1) {
            Some(page) => format!("{route}?tag={tag}&page={page}"),
            None => format!("{route}?tag={tag}"),
        },
        None => route,
    }
}

/// Whether a route's first segment is a language's (`en`, `pt-br`), as
/// multilingual sites begin their other languages' routes.
pub fn is_language(segment: &str) -> bool {
    let mut parts = segment.split('-');
    parts
        .next()
        .is_some_and(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts.all(|p| (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The file holding a key's data, below the build's data folder:
/// `/` → `index.json`, `/projets/citi` → `projets/citi.json`,
/// `/projets?tag=web&page=2` → `projets/_tag/web/2.json`. `None` for a key
/// no file can answer (characters a route never has).
pub fn file(key: &str) -> Option<String> {
    let (route, query) = key.split_once('?').unwrap_or((key, ""));
    let safe = |s: &str| {
        !s.is_empty()
            && !s.split('/').any(|seg| seg.is_empty() || seg.starts_with('.'))
            && !s.contains(['\\', '?', '#', '%', '<', '>', '"', '\''])
    };
    let route = route.trim_start_matches('/');
    let mut out = if route.is_empty() {
        "index".to_string()
    } else if safe(route) {
        route.to_string()
    } else {
        return None;
    };
    if !query.is_empty() {
        let mut tag = None;
        let mut page = None;
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("tag", t)) if safe(t) && !t.contains('/') => tag = Some(t),
                Some(("page", p)) => page = p.parse::<usize>().ok(),
                _ => return None,
            }
        }
        out.push_str(&format!("/_tag/{}", tag?));
        if let Some(page) = page {
            out.push_str(&format!("/{page}"));
        }
    }
    Some(format!("{out}.json"))
}

/// The route of page `page` of a paginated list (`/projets`, `/projets/page/2`).
pub fn page_route(first: &str, tag: Option<&str>, page: usize) -> String {
    match (tag, page) {
        (Some(tag), 1) => format!("{first}?tag={tag}"),
        (Some(tag), n) => format!("{first}?tag={tag}&page={n}"),
        (None, 1) => first.to_string(),
        (None, n) => format!("{first}/page/{n}"),
    }
}

/// Why a data file cannot be read.
#[derive(Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Written for another data format (`None`: not even a version).
    Version(Option<u32>),
    /// The right version, but cut short or damaged.
    Damaged,
}

/// A data file: the value's JSON object with the format's version first
/// (`{"version":9,"route":"/projets/citi",…}`). `value` serialises as an object.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    let body = serde_json::to_vec(value).map_err(|e| e.to_string())?;
    let fields = body
        .strip_prefix(b"{")
        .ok_or_else(|| "a data file holds a JSON object".to_string())?;
    let mut out = Vec::with_capacity(body.len() + 16);
    out.extend_from_slice(format!("{{\"version\":{DATA_VERSION}").as_bytes());
    if fields != b"}" {
        out.push(b',');
    }
    out.extend_from_slice(fields);
    Ok(out)
}

/// The data a route's prerendered page carries ([`embed_text`]): its data
/// file's, but a page's (or the CV's) own HTML, which the page holds already
/// ([`PAGE_HTML`], [`CV_HTML`]: the app reads it back from there when it starts).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_embedded(data: &mut RouteData) -> Result<Vec<u8>, String> {
    let Some(html) = data.view.own_html().map(std::mem::take) else {
        return encode(data);
    };
    let bytes = encode(data);
    if let Some(own) = data.view.own_html() {
        *own = html;
    }
    bytes
}

/// The selector of the element holding a page's own HTML ([`encode_embedded`]).
pub const PAGE_HTML: &str = "#app .page-layout > .prose";

/// The selector of the element holding the CV's HTML ([`encode_embedded`]).
pub const CV_HTML: &str = "#app article.cv";

impl View {
    /// The HTML a page or the CV shows as it is, which its prerendered page
    /// holds already ([`encode_embedded`]).
    pub fn own_html(&mut self) -> Option<&mut String> {
        match self {
            View::Page(page) => Some(&mut page.html),
            View::Cv(cv) => Some(&mut cv.html),
            _ => None,
        }
    }
}

/// A data file's JSON as the text of a `<script type="application/json">`:
/// every `<` written `\u003c`, so no `</script` or `<!--` can end or change
/// the block, and every code point HTML forbids in a page (controls, U+007F
/// to U+009F, noncharacters) escaped too. Both only occur inside JSON
/// strings, where the escape reads back as the same character.
#[cfg(not(target_arch = "wasm32"))]
pub fn embed_text(json: &[u8]) -> String {
    let json = String::from_utf8_lossy(json);
    let mut out = String::with_capacity(json.len() + json.len() / 32);
    for c in json.chars() {
        if c == '<' || forbidden_in_html(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Code points an HTML page must not contain: controls other than ASCII
/// white space (C0, DEL, C1) and noncharacters.
pub fn forbidden_in_html(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// [`decode`] from text.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_text<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Unreadable> {
    decode(json.as_bytes())
}

/// The version a data file says it is in, if it says.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
struct Version {
    version: Option<u32>,
}

/// `data/schema.json`: the JSON Schema of every data file (a route's, and
/// `routes.json`), made from the types above.
#[cfg(not(target_arch = "wasm32"))]
pub fn schema() -> String {
    /// A route's data file (`data/<build>/projets/citi.json`).
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code)]
    struct RouteFile {
        /// The data format's version ([`DATA_VERSION`]); an app reads only its own.
        version: u32,
        #[serde(flatten)]
        data: RouteData,
    }
    /// `data/<build>/routes.json`: every page, read when an address is not found.
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code)]
    struct RoutesFile {
        version: u32,
        #[serde(flatten)]
        routes: Routes,
    }
    /// A Vitrine site's data file: `data/<build>/<route>.json`, or `data/<build>/routes.json`.
    #[derive(schemars::JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum DataFile {
        Route(Box<RouteFile>),
        Routes(RoutesFile),
    }
    let schema = schemars::schema_for!(DataFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// A value back from [`encode`]'s JSON, if it is of this format's version
/// (the compiler's side and tests; the app reads through the browser's
/// `JSON.parse`, [`browser::decode`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn decode<T: serde::de::DeserializeOwned>(json: &[u8]) -> Result<T, Unreadable> {
    match serde_json::from_slice::<Version>(json) {
        Ok(Version {
            version: Some(DATA_VERSION),
        }) => serde_json::from_slice(json).map_err(|_| Unreadable::Damaged),
        Ok(Version { version }) => Err(Unreadable::Version(version)),
        Err(_) => Err(Unreadable::Damaged),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_files() {
        assert_eq!(key("/projets/citi/", None, None), "/projets/citi");
        assert_eq!(key("", Some("web"), None), "/");
        assert_eq!(key("/projets", Some("web"), Some(2)), "/projets?tag=web&page=2");
        assert_eq!(file("/").as_deref(), Some("index.json"));
        assert_eq!(file("/projets/citi").as_deref(), Some("projets/citi.json"));
        assert_eq!(file("/projets?tag=web").as_deref(), Some("projets/_tag/web.json"));
        assert_eq!(
            file("/projets?tag=web&page=2").as_deref(),
            Some("projets/_tag/web/2.json")
        );
        assert_eq!(file("/projets/../secret"), None);
        assert_eq!(file("/projets?tag=../x"), None);
    }

    #[test]
    fn data_reads_back_and_tells_versions_from_damage() {
        let routes = Routes {
            routes: vec![LinkRef {
                route: "/projets/citi".into(),
                title: "Citi — « refonte » </script>".into(),
            }],
        };
        let json = encode(&routes).unwrap();
        assert!(json.starts_with(format!("{{\"version\":{DATA_VERSION},\"routes\":").as_bytes()));
        assert_eq!(decode::<Routes>(&json), Ok(routes.clone()));
        let older = String::from_utf8(json.clone())
            .unwrap()
            .replacen(&DATA_VERSION.to_string(), "3", 1);
        assert_eq!(decode::<Routes>(older.as_bytes()), Err(Unreadable::Version(Some(3))));
        assert_eq!(decode::<Routes>(&json[..json.len() - 4]), Err(Unreadable::Damaged));
        assert_eq!(decode::<Routes>(b"{}"), Err(Unreadable::Version(None)));
        assert_eq!(decode::<Routes>(b""), Err(Unreadable::Damaged));
        assert_eq!(
            encode(&Routes { routes: vec![] }).unwrap(),
            format!("{{\"version\":{DATA_VERSION},\"routes\":[]}}").into_bytes()
        );
    }

    #[test]
    fn embedded_json_cannot_end_its_script_and_reads_back() {
        let routes = Routes {
            routes: vec![LinkRef {
                route: "/a".into(),
                title: "</script><!-- \u{7}\u{85}\u{FDD0}\u{1FFFE} é".into(),
            }],
        };
        let text = embed_text(&encode(&routes).unwrap());
        assert!(!text.contains('<') && !text.chars().any(forbidden_in_html), "{text}");
        assert_eq!(decode::<Routes>(text.as_bytes()), Ok(routes));
    }
}
