//! Step 6b: which compétences each projet demonstrates, and why: declared in
//! front matter (`competences: […]` on a projet, `projets: […]` on a
//! compétence), a link in either page's text, or tags both pages carry.
//! The result is symmetric: each pair is seen from both sides.

use super::backlinks;
use super::diagnostics::Diagnostic;
use super::document::Doc;
use super::link_check::nearest;
use super::slugs::slugify;
use crate::bundle::{Evidence, Kind, Relation, TagRef};
use std::collections::{BTreeMap, HashMap};

/// Relations by page route, each list in the other section's display order.
pub type Relations = HashMap<String, Vec<Relation>>;

/// `taxonomies`: the site's own taxonomy keys (Hugo), whose lists are terms, not pages.
pub fn compute(docs: &[Doc], taxonomies: &[String]) -> (Relations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // (compétence index, projet index) → evidence, in `docs` indices.
    let mut pairs: BTreeMap<(usize, usize), Evidence> = BTreeMap::new();
    let index: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.route.as_str(), i)).collect();
    // Built on first use: most sites declare no list, and a large one pays for it.
    let names = [Kind::Competence, Kind::Projet].map(|kind| (kind, std::cell::OnceCell::new()));
    let pair = |a: usize, b: usize| match docs[a].file.kind {
        Kind::Competence => (a, b),
        _ => (b, a),
    };
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
                Ok(j) => pairs.entry(pair(i, j)).or_default().declared = true,
                Err(hint) => diagnostics.push(unknown(doc, declared, hint)),
            }
        }
        if other.is_none() {
            continue;
        }
        for route in backlinks::outgoing(doc) {
            if let Some(&j) = index.get(route.as_str()) {
                if Some(docs[j].file.kind) == other {
                    pairs.entry(pair(i, j)).or_default().linked = true;
                }
            }
        }
    }
    shared_tags(docs, &mut pairs);
    // Each pair from both sides, sorted by page then by the other page's index:
    // each list then in the other section's order (`docs` is in display order).
    let mut sides: Vec<(usize, usize, Evidence)> = Vec::with_capacity(pairs.len() * 2);
    for ((c, p), evidence) in pairs {
        sides.push((p, c, evidence.clone()));
        sides.push((c, p, evidence));
    }
    sides.sort_unstable_by_key(|&(page, other, _)| (page, other));
    let mut relations = Relations::with_capacity(docs.len());
    let mut sides = sides.into_iter().peekable();
    while let Some((page, other, evidence)) = sides.next() {
        let mut list = vec![Relation {
            route: docs[other].route.clone(),
            evidence,
        }];
        while let Some((_, other, evidence)) = sides.next_if(|(next, _, _)| *next == page) {
            list.push(Relation {
                route: docs[other].route.clone(),
                evidence,
            });
        }
        relations.insert(docs[page].route.clone(), list);
    }
    (relations, diagnostics)
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

/// Every compétence and projet carrying the same tag, unless the tag is broad.
fn shared_tags(docs: &[Doc], pairs: &mut BTreeMap<(usize, usize), Evidence>) {
    let mut by_tag: BTreeMap<&str, (&TagRef, [Vec<usize>; 2])> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let side = match doc.file.kind {
            Kind::Competence => 0,
            Kind::Projet => 1,
            Kind::Other => continue,
        };
        for tag in &doc.tags {
            by_tag.entry(tag.slug.as_str()).or_insert((tag, Default::default())).1[side].push(i);
        }
    }
    for (tag, [competences, projets]) in by_tag.values() {
        if competences.len() > BROAD_TAG || projets.len() > BROAD_TAG {
            continue;
        }
        for &c in competences {
            for &p in projets {
                pairs.entry((c, p)).or_default().tags.push((*tag).clone());
            }
        }
    }
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
            let rel = rel.strip_suffix("/index").unwrap_or(rel);
            let below_section = rel.split_once('/').map_or(rel, |(_, rest)| rest);
            for name in [rel, below_section, d.route.trim_start_matches('/'), d.slug.as_str()] {
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

fn unknown(doc: &Doc, declared: &super::fields::Declared, near: Option<String>) -> Diagnostic {
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

/// `competences` on a compétence, or either list on a page of another section.
fn misplaced(doc: &Doc, declared: &super::fields::Declared) -> Diagnostic {
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
