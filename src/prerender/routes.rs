//! The site library ([`Bundle`]) cut into the data of each route: what the
//! app needs to show one route, and nothing of the others.

use crate::bundle::{Bundle, Kind, Page, Section, Tag, TagRef};
use crate::data::*;
use crate::text::t;
use rayon::prelude::*;
use std::collections::HashMap;

/// Pages by route, so each lookup is constant time on large sites.
pub type Index<'a> = HashMap<&'a str, &'a Page>;

pub fn index(bundle: &Bundle) -> Index<'_> {
    bundle.pages.iter().map(|p| (p.route.as_str(), p)).collect()
}

const HOME_LATEST: usize = 3;
const HOME_TAGS: usize = 8;

fn wrap(bundle: &Bundle, route: String, view: View) -> RouteData {
    RouteData {
        route,
        site: bundle.site.clone(),
        view,
        translations: Vec::new(),
    }
}

/// What is done with each route's data as soon as it is built (see [`collections`]).
pub type Emit<'a, T> = dyn Fn(RouteData) -> T + Sync + 'a;

/// Every route's data but the pages' (see [`page`]): home, lists (every
/// page, every tag filter), tags, search, synthesis, not found. Each is handed
/// to `emit` once built, in parallel, so a large site's lists are never all
/// in memory at once; returns what `emit` gave, in route order.
pub fn collections<T: Send>(bundle: &Bundle, index: &Index, emit: &Emit<T>) -> Vec<T> {
    // Tag lists group pages by section, top-level pages last.
    let mut groups = bundle.site.sections.clone();
    groups.push(Section {
        slug: String::new(),
        title: crate::text::t().pages_title.into(),
        kind: Kind::Other,
    });
    let site = &bundle.site;
    let mut out = vec![emit(wrap(bundle, site.route("/"), View::Home(home(bundle))))];
    // A blog has no compétences: no empty list for them (nor in the sitemap).
    let shown = |s: &&Section| {
        s.kind == Kind::Other || bundle.section(s.kind).next().is_some() || bundle.intros.contains_key(&s.slug)
    };
    // Lists and tag pages are most of a large site's routes: built in parallel.
    let sections: Vec<&Section> = bundle.site.sections.iter().filter(shown).collect();
    out.par_extend(
        sections
            .into_par_iter()
            .flat_map(|section| lists(bundle, section, emit)),
    );
    let tags = bundle.tags.iter().map(count).collect();
    out.push(emit(wrap(bundle, site.route("/tags"), View::Tags(TagsView { tags }))));
    out.push(emit(wrap(bundle, site.route("/recherche"), View::Search)));
    out.par_extend(
        super::synthese::views(bundle)
            .into_par_iter()
            .map(|(route, table)| emit(wrap(bundle, route, View::Synthese(Box::new(table))))),
    );
    out.par_extend(bundle.tags.par_iter().flat_map_iter(|tag| {
        tag_pages(site, index, &groups, tag)
            .into_iter()
            .map(|(route, view)| emit(wrap(bundle, route, View::Tag(view))))
    }));
    out.push(emit(not_found(bundle)));
    out
}

/// One page's route data; the CV's page shows the CV.
pub fn page(bundle: &Bundle, index: &Index, page: &Page) -> RouteData {
    if let Some(cv) = bundle.cv.as_ref().filter(|cv| cv.view.route == page.route) {
        let mut view = cv.view.clone();
        view.pdf = bundle.pdfs.iter().find(|p| *p == CV_PDF).cloned();
        let cv = CvPage {
            name: view.name.clone(),
            label: view.label.clone(),
            html: crate::app::routes::cv::html(&view),
        };
        return wrap(bundle, page.route.clone(), View::Cv(Box::new(cv)));
    }
    wrap(bundle, page.route.clone(), View::Page(Box::new(page_view(index, page))))
}

/// The CV printed by `make pdf` (`vitrine build --pdf` links it).
pub const CV_PDF: &str = "cv.pdf";

/// The not-found view, for `404.html`.
pub fn not_found(bundle: &Bundle) -> RouteData {
    RouteData {
        route: bundle.site.route("/404"),
        site: bundle.site.clone(),
        view: View::NotFound(NotFound::default()),
        translations: Vec::new(),
    }
}

pub fn card(page: &Page) -> Card {
    Card {
        route: page.route.clone(),
        title: page.title.clone(),
        text: if page.description.is_empty() {
            page.summary.clone()
        } else {
            page.description.clone()
        },
        date: page.date.clone(),
        reading_minutes: page.reading_minutes,
        draft: page.draft,
        tags: page.tags.clone(),
        image: page.image.clone(),
    }
}

fn count(tag: &Tag) -> TagCount {
    TagCount {
        slug: tag.slug.clone(),
        name: tag.name.clone(),
        count: tag.count,
    }
}

fn link(page: &Page) -> LinkRef {
    LinkRef {
        route: page.route.clone(),
        title: page.title.clone(),
    }
}

fn home(bundle: &Bundle) -> Home {
    // Projets first, then compétences, then the other top-level sections in their order.
    let mut sections: Vec<&Section> = bundle.site.sections.iter().filter(|s| !s.slug.contains('/')).collect();
    sections.sort_by_key(|s| match s.kind {
        Kind::Projet => 0,
        Kind::Competence => 1,
        Kind::Other => 2,
    });
    let mut sections: Vec<HomeSection> = sections
        .into_iter()
        .map(|s| home_section(bundle, s))
        .filter(|s| s.total > 0)
        .collect();
    sections.extend(other_pages(bundle));
    Home {
        intro: bundle.intros.get("").cloned().unwrap_or_default(),
        sections,
        tags: bundle.tags.iter().take(HOME_TAGS).map(count).collect(),
        synthese: super::synthese::coverage(bundle),
    }
}

/// A section on the home page: the first compétences in order, the latest pages of the others.
fn home_section(bundle: &Bundle, section: &Section) -> HomeSection {
    let mut pages: Vec<&Page> = bundle.pages.iter().filter(|p| p.section == section.slug).collect();
    let (title, shown) = match section.kind {
        Kind::Competence => (t().all_competences.to_string(), HOME_COMPETENCES),
        Kind::Projet => (t().latest_projets.to_string(), HOME_LATEST),
        Kind::Other => (section.title.clone(), HOME_LATEST),
    };
    if section.kind != Kind::Competence {
        pages.sort_by(|a, b| b.date.cmp(&a.date));
    }
    HomeSection {
        section: bundle.site.route(&format!("/{}", section.slug))[1..].to_string(),
        title,
        images: section.kind != Kind::Competence,
        total: pages.len(),
        cards: pages.into_iter().take(shown).map(card).collect(),
    }
}

/// The top-level pages the menu does not name (`content/notes.md`, a Zola blog
/// kept at the root), newest first, all shown: they have no list of their own.
fn other_pages(bundle: &Bundle) -> Option<HomeSection> {
    let in_menu = |p: &Page| {
        bundle
            .site
            .menu
            .iter()
            .any(|l| l.url == p.route.trim_start_matches('/'))
    };
    let mut pages: Vec<&Page> = bundle
        .pages
        .iter()
        .filter(|p| p.section.is_empty() && !in_menu(p))
        .collect();
    pages.sort_by(|a, b| b.date.cmp(&a.date));
    (!pages.is_empty()).then(|| HomeSection {
        section: String::new(),
        title: t().pages_title.to_string(),
        images: true,
        total: pages.len(),
        cards: pages.into_iter().map(card).collect(),
    })
}

/// A list cut in pages of [`PAGE_SIZE`]: (page number from 1, its items). Always at least one page.
fn paged<T>(items: &[T]) -> impl Iterator<Item = (Pager, &[T])> {
    let pages = items.len().div_ceil(PAGE_SIZE).max(1);
    (0..pages).map(move |i| {
        let end = |i: usize| (i * PAGE_SIZE).min(items.len());
        (Pager { page: i + 1, pages }, &items[end(i)..end(i + 1)])
    })
}

/// A section's list, unfiltered and filtered by each of its tags, page by page.
fn lists<T: Send>(bundle: &Bundle, section: &Section, emit: &Emit<T>) -> Vec<T> {
    let first = bundle.site.route(&format!("/{}", section.slug));
    // The section's pages, nested ones included (`/documentation/templates/…`).
    let prefix = format!("{first}/");
    let pages: Vec<&Page> = bundle.pages.iter().filter(|p| p.route.starts_with(&prefix)).collect();
    // Each tag's pages, in section order, found in one pass. A nested section's
    // list (`/posts/papermod`) has no tag filter: its address takes no `?tag=`.
    let mut tags: Vec<&TagRef> = Vec::new();
    let mut tagged: HashMap<&str, Vec<&Page>> = HashMap::new();
    let filterable = !section.slug.contains('/');
    for page in pages.iter().filter(|_| filterable) {
        for t in &page.tags {
            let pages = tagged.entry(t.slug.as_str()).or_default();
            if pages.is_empty() {
                tags.push(t);
            }
            pages.push(page);
        }
    }
    tags.sort_by_key(|t| t.name.to_lowercase());
    let chips = filter_chips(&tags, &tagged);
    let subsections: Vec<LinkRef> = bundle
        .site
        .sections
        .iter()
        .filter(|s| {
            s.slug
                .strip_prefix(&format!("{}/", section.slug))
                .is_some_and(|rest| !rest.contains('/'))
        })
        .map(|s| LinkRef {
            route: bundle.site.route(&format!("/{}", s.slug)),
            title: s.title.clone(),
        })
        .collect();
    let mut filters: Vec<(Option<&TagRef>, Vec<&Page>)> = vec![(None, pages)];
    filters.extend(
        tags.iter()
            .map(|t| (Some(*t), tagged.remove(t.slug.as_str()).unwrap_or_default())),
    );
    // Each filter's pages in parallel: a large section has hundreds of tags.
    filters
        .into_par_iter()
        .flat_map_iter(|(filter, pages)| {
            let nested = if filter.is_none() { &subsections[..] } else { &[] };
            filtered(bundle, section, &chips, nested, filter, &pages)
                .into_iter()
                .map(|(route, list)| emit(wrap(bundle, route, View::List(list))))
        })
        .collect()
}

/// One filter of a section's list (`None`: all its pages), page by page.
fn filtered(
    bundle: &Bundle,
    section: &Section,
    chips: &[TagRef],
    subsections: &[LinkRef],
    filter: Option<&TagRef>,
    pages: &[&Page],
) -> Vec<(String, List)> {
    let first = bundle.site.route(&format!("/{}", section.slug));
    let tag = filter.map(|f| f.slug.clone());
    paged(pages)
        .map(|(pager, pages)| {
            let route = match &tag {
                Some(t) => key(&first, Some(t), Some(pager.page)),
                None => page_route(&first, None, pager.page),
            };
            (
                route,
                List {
                    kind: section.kind,
                    section: first[1..].to_string(),
                    title: section.title.clone(),
                    // The portfolio's own lead, unless the section's `_index.md` has its own text.
                    intro: if bundle.intros.contains_key(&section.slug) {
                        String::new()
                    } else {
                        section_intro(section.kind).to_string()
                    },
                    intro_html: if tag.is_none() && pager.page == 1 {
                        bundle.intros.get(&section.slug).cloned().unwrap_or_default()
                    } else {
                        String::new()
                    },
                    tag: tag.clone(),
                    tags: with_current(chips, filter),
                    subsections: if pager.page == 1 {
                        subsections.to_vec()
                    } else {
                        Vec::new()
                    },
                    cards: pages.iter().map(|p| card(p)).collect(),
                    pager,
                },
            )
        })
        .collect()
}

/// The filter offers the section's most used tags (all of them on a portfolio;
/// on a large site `/tags` lists the rest), by name.
const FILTER_CHIPS: usize = 20;

fn filter_chips(tags: &[&TagRef], tagged: &HashMap<&str, Vec<&Page>>) -> Vec<TagRef> {
    let mut by_use: Vec<&&TagRef> = tags.iter().collect();
    by_use.sort_by_key(|t| std::cmp::Reverse(tagged.get(t.slug.as_str()).map_or(0, Vec::len)));
    let mut chips: Vec<TagRef> = by_use.into_iter().take(FILTER_CHIPS).map(|t| (*t).clone()).collect();
    chips.sort_by_key(|t| t.name.to_lowercase());
    chips
}

/// The chips, with the selected tag among them even when it is a rare one.
fn with_current(chips: &[TagRef], current: Option<&TagRef>) -> Vec<TagRef> {
    let mut out = chips.to_vec();
    if let Some(current) = current.filter(|c| !chips.iter().any(|t| t.slug == c.slug)) {
        out.push(current.clone());
    }
    out
}

fn tag_pages(site: &crate::bundle::Site, index: &Index, sections: &[Section], tag: &Tag) -> Vec<(String, TagView)> {
    let pages: Vec<&Page> = tag
        .pages
        .iter()
        .filter_map(|r| index.get(r.as_str()).copied())
        .collect();
    let first = site.route(&format!("/tags/{}", tag.slug));
    paged(&pages)
        .map(|(pager, slice)| {
            let groups = sections
                .iter()
                .map(|s| Group {
                    title: s.title.clone(),
                    images: s.kind != Kind::Competence,
                    cards: slice.iter().filter(|p| p.section == s.slug).map(|p| card(p)).collect(),
                })
                .filter(|g| !g.cards.is_empty())
                .collect();
            (
                page_route(&first, None, pager.page),
                TagView {
                    tag: count(tag),
                    groups,
                    pager,
                },
            )
        })
        .collect()
}

/// Relations a page lists at most when a shared tag is all they have (a tag
/// on hundreds of pages would otherwise list them all); declared and linked ones are all kept.
const TAG_ONLY_RELATED: usize = 12;

fn page_view(index: &Index, page: &Page) -> PageView {
    let mut tag_only = 0;
    let related = page
        .relations
        .iter()
        .filter(|r| {
            tag_only += usize::from(!r.evidence.is_explicit());
            r.evidence.is_explicit() || tag_only <= TAG_ONLY_RELATED
        })
        .filter_map(|r| {
            index.get(r.route.as_str()).map(|p| Related {
                route: p.route.clone(),
                title: p.title.clone(),
                why: super::synthese::words(&r.evidence),
            })
        })
        .collect();
    let neighbour = |r: &Option<String>| r.as_deref().and_then(|r| index.get(r)).map(|p| link(p));
    PageView {
        kind: page.kind,
        route: page.route.clone(),
        title: page.title.clone(),
        description: page.description.clone(),
        date: page.date.clone(),
        draft: page.draft,
        reading_minutes: page.reading_minutes,
        tags: page.tags.clone(),
        image: page.image.clone(),
        html: page.html.clone(),
        toc: page.toc.clone(),
        external: page.external.clone(),
        related,
        cv: page
            .cv
            .iter()
            .map(|l| LinkRef {
                route: l.url.clone(),
                title: l.label.clone(),
            })
            .collect(),
        prev: neighbour(&page.prev),
        next: neighbour(&page.next),
    }
}
