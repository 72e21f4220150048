//! Step 7: every link, anchor and image should point at something that exists.
//! A Zola `@/` link that does not is an error, as in Zola; other broken links
//! and images are warnings: Hugo, Zola and Astro build such pages, and a site
//! moved over builds as it did, with each one named.

use crate::compiler::model::diagnostics::Diagnostic;
use crate::compiler::model::document::Doc;
use crate::compiler::model::rendered::{LinkUse, Target};
use crate::compiler::readers::parse::LeftOut;
use std::collections::{BTreeMap, BTreeSet};

/// `left_out`: the routes of the pages left out of this build, each with why
/// (`None` for a draft).
pub fn check(docs: &[Doc], routes: &BTreeSet<String>, left_out: &[LeftOut]) -> Vec<Diagnostic> {
    let anchors: BTreeMap<&str, &Vec<String>> = docs.iter().map(|d| (d.route.as_str(), &d.rendered.anchors)).collect();
    let mut out = Vec::new();
    let mut missing = Vec::new();
    for doc in docs {
        for link in &doc.rendered.links {
            match &link.target {
                Target::Missing { guess, .. } => match left_out.iter().find(|(r, _)| r == guess) {
                    Some((_, why)) => out.push(to_left_out(doc.file.id, link, guess, why.as_deref())),
                    None => missing.push((link.href.clone(), to_missing_page(doc, link, guess, routes))),
                },
                _ => out.extend(link_problem(doc, link, &anchors)),
            }
        }
        out.extend(image_problems(doc));
    }
    // The same broken address all over a site: named thrice, the rest counted.
    out.extend(crate::compiler::model::diagnostics::counted(
        missing,
        |href, more, pages, d| {
            Diagnostic::warning(
                d.file,
                d.span.clone(),
                format!("{more} more links to `{href}`, which no file produces"),
            )
            .label(format!("this one among them, on {pages} pages in all"))
            .hint("a theme may give such links a meaning of its own; write the address of a page instead")
        },
    ));
    out
}

/// An error at the link when it is a Zola `@/` link, else a warning.
fn report(id: usize, link: &LinkUse, message: &str) -> Diagnostic {
    if link.href.starts_with("@/") {
        Diagnostic::error(id, link.span.clone(), message)
    } else {
        Diagnostic::warning(id, link.span.clone(), message)
    }
}

/// A link to `guess`, a page left out of this build (`why`; `None`: a draft).
fn to_left_out(id: usize, link: &LinkUse, guess: &str, why: Option<&str>) -> Diagnostic {
    match why {
        // The link is right; the page is what is left out: a warning, even for `@/`.
        Some(why) => Diagnostic::warning(id, link.span.clone(), "link to a page left out of this build")
            .label(format!("`{guess}` is left out: {why}"))
            .hint("see the warning on that page"),
        None => report(id, link, "link to a draft")
            .label(format!("`{guess}` is a draft (`draft: true`), left out of this build"))
            .hint("publish it (`draft: false`), or build with `--drafts` to see it"),
    }
}

/// A link to `guess`, which no file produces, with the nearest route.
fn to_missing_page(doc: &Doc, link: &LinkUse, guess: &str, routes: &BTreeSet<String>) -> Diagnostic {
    let mut d = report(doc.file.id, link, "link to a page that does not exist")
        .label(format!("`{}` would be `{guess}`, which no file produces", link.href));
    // Never the page itself: `[term](g)` on `/a/b` is not a link to `/a/b`.
    let others = routes.iter().map(String::as_str).filter(|r| *r != doc.route);
    if let Some(near) = nearest(guess, others) {
        d = d.hint(format!("did you mean `{near}`?"));
    }
    d
}

/// A link to an anchor that does not exist, a file that does not exist, or
/// `javascript:`; `anchors`: each page's.
fn link_problem(doc: &Doc, link: &LinkUse, anchors: &BTreeMap<&str, &Vec<String>>) -> Option<Diagnostic> {
    let id = doc.file.id;
    match &link.target {
        Target::Route {
            route,
            anchor: Some(anchor),
        } => {
            let known = anchors.get(route.as_str())?;
            (!known.contains(anchor) && anchor != TOP)
                .then(|| missing_anchor(report(id, link, ""), route, anchor, known))
        }
        Target::SamePage { anchor }
            if !anchor.is_empty() && anchor != TOP && !doc.rendered.anchors.contains(anchor) =>
        {
            let d = report(id, link, "");
            Some(missing_anchor(d, &doc.route, anchor, &doc.rendered.anchors))
        }
        Target::File { .. } if !link.found => Some(
            report(id, link, "link to a file that does not exist")
                .label(format!(
                    "`{}` is neither in the public folder nor beside the page",
                    link.href
                ))
                .hint("put the file in `public/` (linked as `/file.pdf`) or beside the page"),
        ),
        Target::Forbidden => Some(
            Diagnostic::error(id, link.span.clone(), "`javascript:` links are not allowed")
                .label("this link would run code in the visitor's browser")
                .hint("link to a page or a web address instead"),
        ),
        _ => None,
    }
}

/// `#top`: the top of any page, as HTML defines it.
const TOP: &str = "top";

/// `d`, an error or a warning at the link, said to be an anchor that does not exist.
fn missing_anchor(mut d: Diagnostic, route: &str, anchor: &str, known: &[String]) -> Diagnostic {
    d.message = format!("link to an anchor that does not exist in `{route}`");
    let mut d = d.label(format!("no heading has the id `{anchor}`"));
    if let Some(near) = nearest(anchor, known.iter().map(String::as_str)) {
        d = d.hint(format!("did you mean `#{near}`?"));
    } else if known.is_empty() {
        d = d.hint(format!("`{route}` has no headings"));
    } else {
        let ids: Vec<String> = known.iter().map(|k| format!("`#{k}`")).collect();
        d = d.hint(format!("its headings are {}", ids.join(", ")));
    }
    d
}

/// The closest candidate by edit distance, if it is reasonably close.
pub fn nearest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::levenshtein(wanted, c), c))
        .filter(|(d, c)| *d <= wanted.len().max(c.len()) / 2)
        .min()
        .map(|(_, c)| c)
}

/// A body image's file not found, or its alt text missing.
fn image_problems(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for image in &doc.rendered.images {
        if !image.found {
            out.push(
                Diagnostic::warning(doc.file.id, image.span.clone(), "image not found")
                    .label(format!(
                        "`{}` is neither in the public folder nor beside the page",
                        image.src
                    ))
                    .hint("put images in `public/assets/` and write `/assets/name.jpg`, or beside an `index.md`"),
            );
        }
        if image.alt.is_empty() && !image.raw {
            out.push(
                Diagnostic::warning(doc.file.id, image.span.clone(), "image without alt text")
                    .label("visitors using a screen reader will not know what it shows")
                    .hint(format!("describe the image: ![Ce que montre l'image]({})", image.src)),
            );
        }
    }
    out
}
