//! The data the app reads: one small file per route (`data/<build>/<route>.bin`),
//! also embedded in that route's prerendered HTML for hydration. Defined once,
//! compiled by the prerenderer and by the app, so the two cannot drift.
//!
//! The files are postcard (serde's fields in order, without names) after the
//! format's version: the app then needs no JSON reader and no field-name
//! matching, 14 KB (brotli) less wasm than JSON read through serde-wasm-bindgen.

use crate::bundle::{Image, Kind, Site, SiteLink, TagRef, TocEntry};
use crate::text::t;
use serde::{Deserialize, Serialize};

/// Bumped whenever the shape below changes in a way an older app cannot read.
pub const DATA_VERSION: u32 = 9;

/// Cards per list page (`/projets`, `/projets/page/2`, `/tags/web/page/2`).
pub const PAGE_SIZE: usize = 24;

/// Compétences shown on the home page before "Tout voir".
pub const HOME_COMPETENCES: usize = 12;

/// `id` of the `<script type="application/octet-stream">` that carries a page's data ([`embed_text`]).
pub const EMBED_ID: &str = "vitrine-data";

/// What one route needs: the site settings and its view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct TagCount {
    pub slug: String,
    pub name: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRef {
    pub route: String,
    pub title: String,
}

/// Which slice of a long list this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pager {
    /// From 1.
    pub page: usize,
    pub pages: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct Coverage {
    pub competences: usize,
    pub projets: usize,
    /// Compétences without a projet plus projets without a compétence.
    pub gaps: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct CvPage {
    /// `basics.name`, `basics.label`: the page's title and description.
    pub name: String,
    pub label: String,
    pub html: String,
}

/// A page of the other kind related to this one, and why in words
/// (`déclaré, lien dans le texte`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub route: String,
    pub title: String,
    pub why: String,
}

/// `/synthese`: compétences (rows) × projets (columns), totals computed. Cells
/// come ready to show, so the app holds no table logic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct Axis {
    pub route: String,
    pub title: String,
    pub gap: bool,
}

/// A compétence's row: one entry per column, filled or not, and its total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub axis: Axis,
    pub cells: Vec<Option<Mark>>,
    pub total: usize,
}

/// A filled cell: where its evidence is (the projet, or the shared tag's page),
/// its symbols (✓ declared, ↗ linked, # tag) and the same in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub href: String,
    pub symbols: String,
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagsView {
    pub tags: Vec<TagCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagView {
    pub tag: TagCount,
    /// By section, in menu order, each only if this slice has some.
    pub groups: Vec<Group>,
    pub pager: Pager,
}

/// The pages of one section in a tag's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub title: String,
    /// Cards show page images (projets and other sections; not compétences).
    pub images: bool,
    pub cards: Vec<Card>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
/// `/` → `index.bin`, `/projets/citi` → `projets/citi.bin`,
/// `/projets?tag=web&page=2` → `projets/_tag/web/2.bin`. `None` for a key
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
    Some(format!("{out}.bin"))
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

/// A data file's bytes: [`DATA_VERSION`], then the value.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    let value = (DATA_VERSION, value);
    // Sized first: grown by doubling, a large file (the search index) was
    // copied over and over into fresh memory.
    let size =
        postcard::serialize_with_flavor(&value, postcard::ser_flavors::Size::default()).map_err(|e| e.to_string())?;
    postcard::to_extend(&value, Vec::with_capacity(size)).map_err(|e| e.to_string())
}

/// A route's data file ([`encode`]), serialised once into room for most
/// routes (sizing it first, as `encode` does, would serialise it twice).
pub fn encode_route(data: &RouteData) -> Result<Vec<u8>, String> {
    let html = match &data.view {
        View::Page(page) => page.html.len(),
        _ => 0,
    };
    postcard::to_extend(&(DATA_VERSION, data), Vec::with_capacity(4096 + html)).map_err(|e| e.to_string())
}

/// The data a route's prerendered page carries ([`embed_text`]): its data
/// file's, but a page's own HTML, which the page holds already in its
/// `.prose` (the app reads it back from there when it starts).
pub fn encode_embedded(data: &mut RouteData) -> Result<Vec<u8>, String> {
    let html = match &mut data.view {
        View::Page(page) => std::mem::take(&mut page.html),
        _ => return encode_route(data),
    };
    let bytes = encode_route(data);
    if let View::Page(page) = &mut data.view {
        page.html = html;
    }
    bytes
}

/// The selector of the element holding a page's own HTML ([`encode_embedded`]).
pub const PAGE_HTML: &str = "#app .page-layout > .prose";

/// The private-use characters U+E000–U+E0FF stand for single bytes in [`embed_text`].
const BYTE_CHARS: u32 = 0xE000;

fn byte_char(byte: u8) -> char {
    char::from_u32(BYTE_CHARS + u32::from(byte)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// A data file's bytes as text an HTML `<script>` block keeps as written
/// (UTF-8, valid by construction). Its UTF-8 stays as it is, so the page's
/// words compress against the page's HTML (base64 made pages a third bigger
/// under brotli). Any other byte becomes U+E000 + byte. So do NUL and CR (the
/// HTML parser changes them), `/` and `!` after `<` (which could end the
/// block), and those characters themselves. One pass: text is checked and
/// copied in runs between the bytes that need a stand-in.
pub fn embed_text(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 16);
    let (mut run, mut i) = (0, 0);
    loop {
        i = plain_run_end(bytes, i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        // The first byte to stand in for, and how many.
        let (at, len) = match (b, bytes.get(i + 1)) {
            (0 | b'\r', _) => (i, 1),
            (b'<', Some(b'/' | b'!')) => (i + 1, 1),
            (0x80.., _) => match char_width(&bytes[i..]) {
                // U+E000–U+E0FF (EE 80 80 to EE 83 BF): the stand-ins themselves.
                Some(3) if b == 0xEE && bytes[i + 1] <= 0x83 => (i, 3),
                Some(width) => {
                    i += width;
                    continue;
                }
                None => (i, 1),
            },
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..at]);
        for &b in &bytes[at..at + len] {
            out.extend_from_slice(byte_char(b).encode_utf8(&mut [0; 4]).as_bytes());
        }
        i = at + len;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out
}

/// Where the run of ASCII bytes [`embed_text`] copies as they are, from `i`,
/// ends: at NUL, CR, `<`, a byte of 0x80 or more, or the end. Eight bytes at
/// a time while none of them is one of those.
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Whether a byte of `x` is zero (exact as a yes or no).
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    while let Some(Ok(word)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) {
        let word = u64::from_le_bytes(word);
        if word & HIGH != 0 || zero_byte(word) || zero_byte(word ^ (ONES * 0x0D)) || zero_byte(word ^ (ONES * 0x3C)) {
            break;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .take_while(|&&b| !matches!(b, 0 | b'\r' | b'<' | 0x80..))
        .count()
}

/// The length of the UTF-8 character `bytes` starts with, if valid.
fn char_width(bytes: &[u8]) -> Option<usize> {
    let width = match bytes[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    std::str::from_utf8(bytes.get(..width)?).ok().map(|_| width)
}

/// The bytes back from [`embed_text`]'s text.
pub fn embedded_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match u32::from(c).checked_sub(BYTE_CHARS) {
            Some(byte @ 0..=0xFF) => out.push(byte as u8),
            _ => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out
}

/// A value back from [`encode`]'s bytes, if they are of this format's version.
pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Unreadable> {
    match postcard::take_from_bytes::<u32>(bytes) {
        Ok((DATA_VERSION, rest)) => postcard::from_bytes(rest).map_err(|_| Unreadable::Damaged),
        Ok((other, _)) => Err(Unreadable::Version(Some(other))),
        Err(_) => Err(Unreadable::Version(None)),
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
        assert_eq!(file("/").as_deref(), Some("index.bin"));
        assert_eq!(file("/projets/citi").as_deref(), Some("projets/citi.bin"));
        assert_eq!(file("/projets?tag=web").as_deref(), Some("projets/_tag/web.bin"));
        assert_eq!(
            file("/projets?tag=web&page=2").as_deref(),
            Some("projets/_tag/web/2.bin")
        );
        assert_eq!(file("/projets/../secret"), None);
        assert_eq!(file("/projets?tag=../x"), None);
    }

    #[test]
    fn data_reads_back_and_tells_versions_from_damage() {
        let routes = vec![LinkRef {
            route: "/projets/citi".into(),
            title: "Citi — « refonte »".into(),
        }];
        let bytes = encode(&routes).unwrap();
        assert_eq!(decode::<Vec<LinkRef>>(&bytes), Ok(routes));
        let mut older = bytes.clone();
        older[0] = 3;
        assert_eq!(decode::<Vec<LinkRef>>(&older), Err(Unreadable::Version(Some(3))));
        assert_eq!(
            decode::<Vec<LinkRef>>(&bytes[..bytes.len() - 4]),
            Err(Unreadable::Damaged)
        );
        assert_eq!(decode::<Vec<LinkRef>>(&[]), Err(Unreadable::Version(None)));
    }
}
