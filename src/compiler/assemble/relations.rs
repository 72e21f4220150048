//! Step 6b: which compétences each projet demonstrates, and why: declared in
//! front matter (`competences: […]` on a projet, `projets: […]` on a
//! compétence), a link in either page's text, or tags both pages carry.
//! The result is symmetric: each pair is seen from both sides.

use crate::bundle::{Evidence, Kind, Relation, TagRef};
use crate::compiler::check::link_check::nearest;
use crate::compiler::model::diagnostics::Diagnostic;
use crate::compiler::model::document::Doc;
use crate::compiler::model::slugs::slugify;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};

/// Each page's relations, in `docs` order; each list in the other section's display order.
pub type Relations = Vec<Vec<Relation>>;

/// `taxonomies`: the site's own taxonomy keys (Hugo), whose lists are terms, not pages.
/// `translation`: the pages are another language's than the site's own, whose
/// entries may name pages not written in it.
pub fn compute(docs: &[Doc], taxonomies: &[String], translation: bool) -> (Relations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // Declared or linked pairs, from both sides: (page, other page, declared, linked).
    let mut pairs: Vec<(usize, usize, bool, bool)> = Vec::new();
    let mut note = |a: usize, b: usize, declared: bool| {
        for (page, other) in [(a, b), (b, a)] {
            pairs.push((page, other, declared, !declared));
        }
    };
    let index = crate::compiler::model::document::by_route(docs);
    // The pages of the other kind each page links to, found in parallel.
    let linked: Vec<Vec<usize>> = docs
        .par_iter()
        .map(|doc| {
            let other = opposite(doc.file.kind);
            let found = doc
                .outgoing
                .iter()
                .filter_map(|route| index.get(route.as_str()).copied());
            found.filter(|&j| other == Some(docs[j].file.kind)).collect()
        })
        .collect();
    // Built on first use: most sites declare no list, and a large one pays for it.
    let names = [Kind::Competence, Kind::Projet].map(|kind| (kind, std::cell::OnceCell::new()));
    for (i, doc) in docs.iter().enumerate() {
        let other = opposite(doc.file.kind);
        for declared in &doc.meta.declared {
            if taxonomies.contains(&declared.key) {
                continue;
            }
            if Some(declared.kind) != other {
                // One warning per list, not per entry.
                if doc.meta.declared.iter().find(|d| d.key == declared.key) == Some(declared) {
                    diagnostics.push(misplaced(doc, declared));
                }
                continue;
            }
            let (kind, names) = &names[usize::from(declared.kind == Kind::Projet)];
            match names.get_or_init(|| Names::of(docs, *kind)).find(&declared.target) {
                Ok(j) => note(i, j, true),
                Err(_) if translation => diagnostics.push(untranslated(doc, declared)),
                Err(hint) => diagnostics.push(unknown(doc, declared, hint)),
            }
        }
        for &j in &linked[i] {
            note(i, j, false);
        }
    }
    // Each page's pairs side by side (in the order noted), then each page's list on its own, in parallel.
    pairs.par_sort_by_key(|&(page, ..)| page);
    let by_tag = shared_tags(docs);
    let relations = docs
        .par_iter()
        .enumerate()
        .map(|(i, doc)| {
            let mine = &pairs[pairs.partition_point(|p| p.0 < i)..pairs.partition_point(|p| p.0 <= i)];
            let explicit = mine
                .iter()
                .map(|&(_, other, declared, linked)| (other, declared, linked));
            page_relations(docs, doc, explicit, &by_tag)
        })
        .collect();
    (relations, diagnostics)
}

/// One page's relations: declared or linked (`explicit`), or through a
/// shared tag. Sorted by the other page's index, the list is in the other
/// section's order (`docs` is in display order).
fn page_relations(
    docs: &[Doc],
    doc: &Doc,
    explicit: impl Iterator<Item = (usize, bool, bool)>,
    by_tag: &FxHashMap<&str, [Vec<usize>; 2]>,
) -> Vec<Relation> {
    let mut others: BTreeMap<usize, Evidence> = BTreeMap::new();
    for (other, declared, linked) in explicit {
        let evidence = others.entry(other).or_default();
        evidence.declared |= declared;
        evidence.linked |= linked;
    }
    // The other section's side of each shared tag: projets for a compétence.
    let side = match doc.file.kind {
        Kind::Competence => 1,
        Kind::Projet => 0,
        Kind::Other => return Vec::new(),
    };
    let mut tags: Vec<&TagRef> = doc.tags.iter().collect();
    tags.sort_by(|a, b| a.slug.cmp(&b.slug));
    for tag in tags {
        for &other in by_tag.get(tag.slug.as_str()).map_or(&[][..], |sides| &sides[side]) {
            others.entry(other).or_default().tags.push(tag.clone());
        }
    }
    others
        .into_iter()
        .map(|(other, evidence)| Relation {
            route: docs[other].route.clone(),
            evidence,
        })
        .collect()
}

/// The kind of page a page of `kind` relates to.
fn opposite(kind: Kind) -> Option<Kind> {
    match kind {
        Kind::Competence => Some(Kind::Projet),
        Kind::Projet => Some(Kind::Competence),
        Kind::Other => None,
    }
}

/// A tag on more compétences or more projets than this is too broad to say
/// that any one of them goes with another (a large generated site, a tag on everything).
pub const BROAD_TAG: usize = 30;

/// For each tag on compétences and projets, unless it is broad: the
/// compétences (`[0]`) and the projets (`[1]`) carrying it.
fn shared_tags(docs: &[Doc]) -> FxHashMap<&str, [Vec<usize>; 2]> {
    let mut by_tag: FxHashMap<&str, [Vec<usize>; 2]> = FxHashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        let side = match doc.file.kind {
            Kind::Competence => 0,
            Kind::Projet => 1,
            Kind::Other => continue,
        };
        for tag in &doc.tags {
            by_tag.entry(tag.slug.as_str()).or_default()[side].push(i);
        }
    }
    by_tag.retain(|_, [competences, projets]| {
        !(competences.is_empty() || projets.is_empty() || competences.len() > BROAD_TAG || projets.len() > BROAD_TAG)
    });
    by_tag
}

/// The pages of one kind by every name an entry may use: slug, path below
/// the section or the content folder, route, and title (as a slug).
struct Names(HashMap<String, usize>);

impl Names {
    fn of(docs: &[Doc], kind: Kind) -> Names {
        let mut names = HashMap::new();
        // Titles first, so a page's own slug or path wins over another page's title.
        for (i, d) in docs.iter().enumerate().filter(|(_, d)| d.file.kind == kind) {
            names.insert(slugify(&d.meta.title), i);
        }
        for (i, d) in docs.iter().enumerate().filter(|(_, d)| d.file.kind == kind) {
            let rel = d
                .file
                .rel
                .rsplit_once('.')
                .map_or(d.file.rel.as_str(), |(stem, _)| stem);
            // `page.en.md` is named as `page.md` is.
            let rel = crate::compiler::readers::load::split_language(rel).0;
            let rel = rel.strip_suffix("/index").unwrap_or(rel);
            let below_section = rel.split_once('/').map_or(rel, |(_, rest)| rest);
            let route = d.route.trim_start_matches('/');
            for name in [rel, below_section, route, d.slug.as_str(), d.file.slug.as_str()] {
                names.insert(name.to_string(), i);
            }
        }
        Names(names)
    }

    /// The page an entry names, or the nearest name as a hint.
    fn find(&self, target: &str) -> Result<usize, Option<String>> {
        let wanted = normalise(target);
        let slug = slugify(&wanted);
        match self.0.get(&wanted).or_else(|| self.0.get(&slug)) {
            Some(&i) => Ok(i),
            None => Err(nearest(&slug, self.0.keys().map(String::as_str)).map(str::to_string)),
        }
    }
}

/// `../projets/citi.md`, `@/projets/citi.md`, `/projets/citi/` → `projets/citi`.
fn normalise(target: &str) -> String {
    let mut t = target.trim().trim_start_matches("@/");
    while let Some(rest) = t.strip_prefix("./").or_else(|| t.strip_prefix("../")) {
        t = rest;
    }
    let t = t.trim_matches('/');
    let t = t
        .strip_suffix(".md")
        .or_else(|| t.strip_suffix(".markdown"))
        .unwrap_or(t);
    let t = t
        .strip_suffix("/index")
        .or_else(|| t.strip_suffix("/_index"))
        .unwrap_or(t);
    t.to_string()
}

fn unknown(doc: &Doc, declared: &crate::compiler::model::fields::Declared, near: Option<String>) -> Diagnostic {
    let what = match declared.kind {
        Kind::Competence => "compétence",
        _ => "projet",
    };
    let d = Diagnostic::error(
        doc.file.id,
        declared.span.clone(),
        format!("unknown {what} in `{}`", declared.key),
    )
    .label(format!("no {what} page is `{}`", declared.target));
    match near {
        Some(near) => d.hint(format!("did you mean `{near}`?")),
        None => d.hint(format!(
            "write the file name of a page in `{}/` (without `.md`), or its title",
            declared.kind.section()
        )),
    }
}

/// An entry naming a page this language does not have: the relation is left
/// out of this language's pages (the site's own language shows it).
fn untranslated(doc: &Doc, declared: &crate::compiler::model::fields::Declared) -> Diagnostic {
    Diagnostic::warning(
        doc.file.id,
        declared.span.clone(),
        format!("`{}` has no page in this language", declared.target),
    )
    .label("the relation is left out of this language's pages")
    .hint("translate that page, or check the name")
}

/// `competences` on a compétence, or either list on a page of another section.
fn misplaced(doc: &Doc, declared: &crate::compiler::model::fields::Declared) -> Diagnostic {
    let read_on = match declared.kind {
        Kind::Competence => "projet",
        _ => "compétence",
    };
    Diagnostic::warning(
        doc.file.id,
        declared.span.clone(),
        format!("`{}` left out", declared.key),
    )
    .label(format!(
        "`{}` relates a {read_on} page to others; this page is not one",
        declared.key
    ))
    .hint(format!(
        "list compétences on a projet page, projets on a compétence page (`{}` is in `{}/`)",
        doc.route, doc.file.folder
    ))
}
