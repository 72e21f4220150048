//! Step 2: split and read each file's front matter; drafts are left out
//! unless asked for.

use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use crate::compiler::model::document::Doc;
use crate::compiler::model::document::SourceFile;
use crate::compiler::model::fields::Meta;
use crate::compiler::model::slugs::slugify;
use crate::compiler::model::{fields, front_matter};
use crate::compiler::readers::hugo::cascade::Cascade;
use crate::compiler::readers::pelican;
use crate::compiler::readers::settings::{PageText, ToolSettings};
use rayon::prelude::*;

/// A page's route left out of the build, and why when it is not a draft.
pub type LeftOut = (String, Option<String>);

/// What reading a page depends on besides its file.
pub struct Context<'a> {
    /// Drafts kept (`--drafts`).
    pub drafts: bool,
    /// `YYYY-MM-DD`: a page past Hugo's `expiryDate` is left out like a draft, and said so.
    pub today: &'a str,
    /// The site's tool settings: its conventions, its reader.
    pub settings: &'a ToolSettings,
    /// Hugo's `cascade`s, handed down from the `_index.md` files.
    pub cascades: &'a [Cascade],
    /// Dated pages by file name (`2021-04-11-titre`): their address by file.
    pub dated: &'a std::collections::HashMap<String, String>,
    /// The language read: its routes' prefix (`/en`).
    pub lang: &'a crate::compiler::readers::load::Lang,
}

/// The pages, the problems found, and the routes of the pages left out, with
/// why when it is not a draft.
pub fn parse(
    files: Vec<SourceFile>,
    sources: &Sources,
    context: &Context,
) -> (Vec<Doc>, Vec<Diagnostic>, Vec<LeftOut>) {
    let (drafts, today) = (context.drafts, context.today);
    let results: Vec<(Option<Doc>, Vec<Diagnostic>)> = files
        .into_par_iter()
        .map(|file| parse_one(sources.text(file.id), file, context))
        .collect();
    let mut diagnostics = Vec::new();
    let mut left_out = Vec::new();
    // The pages kept are collected in the list that held them, not copied
    // into a new one (10,000 pages are megabytes).
    let docs = results
        .into_iter()
        .filter_map(|(doc, found)| {
            diagnostics.extend(found);
            let doc = doc?;
            if doc.meta.draft && !drafts {
                left_out.push((doc.route, None));
            } else if let Some((warning, why)) = left_out_why(&doc, today).or_else(|| scheduled(&doc, context)) {
                diagnostics.push(warning);
                left_out.push((doc.route, Some(why)));
            } else {
                return Some(doc);
            }
            None
        })
        .collect();
    (docs, diagnostics, left_out)
}

/// A title for a page without one: its first line when that is a `# Heading`
/// (blanked in the body, which keeps its offsets), else its file name in
/// words. Returns it and where it came from.
fn stand_in_title(body: &mut String, slug: &str) -> (String, &'static str) {
    let start = body.len() - body.trim_start().len();
    let line_end = body[start..].find('\n').map_or(body.len(), |i| start + i);
    if let Some(heading) = body[start..line_end].strip_prefix("# ") {
        let heading = heading.trim().trim_end_matches('#').trim().to_string();
        if !heading.is_empty() {
            // Blanked, not removed: what follows keeps its offsets for diagnostics.
            let blank = " ".repeat(line_end - start);
            body.replace_range(start..line_end, &blank);
            return (heading, "its first heading");
        }
    }
    let name = slug.rsplit('/').next().unwrap_or(slug).replace(['-', '_'], " ");
    let mut chars = name.chars();
    let name = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    (name, "its file name")
}

/// Why a page that is not a draft is left out, if it is: past its expiry
/// date, asking not to be rendered, or a theme's empty page. The warning to
/// give, and the reason a link to it is told.
fn left_out_why(doc: &Doc, today: &str) -> Option<(Diagnostic, String)> {
    let warning = |message: &str| Diagnostic::warning(doc.file.id, doc.close.clone(), message.to_string());
    if let Some(date) = expired(doc, today) {
        let d = warning("page left out: it has expired")
            .label(format!("its `expiryDate` ({date}) is before today ({today})"))
            .hint("remove `expiryDate` or move it later to publish the page again");
        return Some((d, format!("it expired on {date}")));
    }
    if let Some((key, asked)) = not_rendered(doc) {
        let (why, hint) = match doc.meta.cascaded.get(key) {
            Some(file) => (
                format!("`{file}` hands `{asked}` down to it (`cascade`)"),
                "Hugo does not render it either; aim the cascade elsewhere to publish the page",
            ),
            None => (
                format!("its front matter has `{asked}`"),
                "remove it to publish the page",
            ),
        };
        let d = warning("page left out: it asks not to be rendered")
            .label(&why)
            .hint(hint);
        return Some((d, why));
    }
    let layout = theme_page(doc)?;
    let d = warning("page left out: the theme wrote it")
        .label(format!("`{layout}` with no text: a page the theme's template fills"))
        .hint("Vitrine has its own search box, tag pages and lists by date; a menu entry to it is left out too");
    Some((d, format!("it is the theme's `{layout}` page")))
}

/// A Hugo page dated after today: Hugo publishes it on that day, unless `buildFuture`.
fn scheduled(doc: &Doc, context: &Context) -> Option<(Diagnostic, String)> {
    let date = doc.meta.date.as_deref()?;
    if !context.settings.conventions.future_left_out || date <= context.today {
        return None;
    }
    let d = Diagnostic::warning(
        doc.file.id,
        doc.meta.date_span.clone(),
        "page left out: its date is to come",
    )
    .label(format!(
        "{date} is after today ({}): Hugo publishes it on that day",
        context.today
    ))
    .hint("set `buildFuture = true` in the Hugo settings to publish it now, or correct the date");
    Some((d, format!("it is dated {date}, to come")))
}

/// How a page asks not to be written: Zola's `render = false`, Hugo's
/// `headless: true` and `build: {render: never}` (also `_build`, `false`).
/// Returns the key that asks, and how it asks.
fn not_rendered(doc: &Doc) -> Option<(&'static str, &'static str)> {
    use serde_json::Value;
    let extra = &doc.meta.extra;
    if extra.get("render") == Some(&Value::Bool(false)) {
        return Some(("render", "render = false"));
    }
    if extra.get("headless") == Some(&Value::Bool(true)) {
        return Some(("headless", "headless: true"));
    }
    ["build", "_build"].into_iter().find_map(|key| {
        let render = extra.get(key)?.get("render")?;
        let never = matches!(render, Value::Bool(false))
            || render
                .as_str()
                .is_some_and(|s| s.eq_ignore_ascii_case("never") || s == "false");
        never.then_some((key, "build: {render: never}"))
    })
}

/// A page with no text that a theme's template fills (PaperMod's
/// `layout: search` and `layout: archives`): Vitrine has its own.
fn theme_page(doc: &Doc) -> Option<String> {
    const FILLED: [&str; 6] = ["search", "archives", "archive", "tags", "terms", "categories"];
    if !doc.blank {
        return None;
    }
    ["layout", "template", "type"].iter().find_map(|key| {
        let value = doc.meta.extra.get(*key)?.as_str()?;
        let name = value.trim_end_matches(".html").to_lowercase();
        FILLED.contains(&name.as_str()).then(|| format!("{key}: {value}"))
    })
}

/// The expiry date of a page (Hugo's `expiryDate`), when it is before `today`.
fn expired(doc: &Doc, today: &str) -> Option<String> {
    let value = ["expiryDate", "expirydate", "expiry_date"]
        .iter()
        .find_map(|k| doc.meta.extra.get(*k))?;
    let date = crate::compiler::model::dates::parse(value.as_str()?)?;
    (date.as_str() < today).then_some(date)
}

/// One page: its front matter read and its route known, with the problems found.
fn parse_one(text: &str, file: SourceFile, context: &Context) -> (Option<Doc>, Vec<Diagnostic>) {
    let (split, mut map, found) = match fields_of(file.id, text) {
        Ok(read) => read,
        Err(e) => return (None, vec![e]),
    };
    let cascaded = crate::compiler::readers::hugo::cascade::apply(context.cascades, &file.rel, &mut map);
    defaults(&context.settings.defaults, &file.rel, &mut map);
    let names = crate::compiler::readers::settings::field_names();
    let (mut meta, mut errors) = fields::read(file.id, &split, map, names);
    errors.extend(found);
    meta.cascaded = cascaded.into_iter().collect();
    if meta.date.is_none() {
        meta.date = file.date_from_name.clone();
    }
    let (slug, route) = route_of(&mut meta, &file, &split, context, &mut errors);
    let mut body = mdx_body(&split, &file, &mut errors);
    if let Some(own) = page_syntax(
        body.as_deref().unwrap_or(split.body),
        &split,
        &file,
        &meta,
        context,
        &mut errors,
    ) {
        body = Some(own);
    }
    if meta.title.is_empty() {
        let mut own = body.take().unwrap_or_else(|| split.body.to_string());
        let (title, warning) = no_title(&mut own, &file, &split);
        errors.push(warning);
        body = Some(own);
        meta.title = title;
    }
    let doc = Doc {
        blank: body.as_deref().unwrap_or(split.body).trim().is_empty(),
        body,
        body_offset: split.body_offset,
        close: split.close.clone(),
        file,
        meta,
        slug,
        route,
        rendered: Default::default(),
        tags: Vec::new(),
        outgoing: Vec::new(),
        unrun: Vec::new(),
    };
    (Some(doc), errors)
}

/// The page's slug and route; its address by its folder's own name redirects there.
fn route_of(
    meta: &mut Meta,
    file: &SourceFile,
    split: &front_matter::Split,
    context: &Context,
    errors: &mut Vec<Diagnostic>,
) -> (String, String) {
    let slug = match address_override(meta, file) {
        Some(Ok(slug)) => slug,
        moved => {
            if let Some(Err(asked)) = moved {
                errors.push(outside_section(file.id, split, &asked, &file.section));
            }
            custom_slug(
                meta.slug.as_deref(),
                &file.slug,
                context.settings.conventions.slug_is_path,
            )
        }
    };
    let path = if file.section.is_empty() {
        format!("/{slug}")
    } else {
        format!("/{}/{}", file.section, slug)
    };
    // `projects/x.md` is served at `/projets/x`: its old address redirects there.
    let top = slugify(file.folder.split('/').next().unwrap_or_default());
    if !file.section.is_empty() && !top.is_empty() && top != file.section {
        let old = format!("/{top}{}/", &path[1 + file.section.len()..]);
        meta.aliases.push(context.lang.route(&old));
    }
    let route = context.lang.route(&path);
    (slug, route)
}

/// An MDX page's body read as Markdown, its imports and components left out (said once).
fn mdx_body(split: &front_matter::Split, file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Option<String> {
    if !file.rel.ends_with(".mdx") {
        return None;
    }
    let (body, left_out) = crate::compiler::readers::astro::mdx::as_markdown(split.body);
    if let Some(span) = left_out {
        let span = split.body_offset + span.start..split.body_offset + span.end;
        errors.push(
            Diagnostic::warning(file.id, span, "MDX imports and components are left out")
                .label("Vitrine reads MDX as Markdown")
                .hint("the Markdown around and inside components is kept, with their labels and titles; what they do (tabs, cards) is not"),
        );
    }
    Some(body)
}

/// A stand-in title for a page without one, and the warning saying where it came from.
fn no_title(body: &mut String, file: &SourceFile, split: &front_matter::Split) -> (String, Diagnostic) {
    let (title, from) = stand_in_title(body, &file.slug);
    let (message, hint) = if split.bare {
        (
            "page has no front matter",
            "start the file with a block such as\n---\ntitle: \"Mon titre\"\n---",
        )
    } else {
        (
            "page has no title",
            "add a line `title: \"Mon titre\"` to the front matter",
        )
    };
    let warning = Diagnostic::warning(file.id, split.open.clone(), message)
        .label(format!("its title is `{title}`, from {from}"))
        .hint(hint);
    (title, warning)
}

/// A page's fields and where its body starts: its front matter, or the
/// `Key: value` header lines some tools read instead.
/// Warnings about them come with them.
fn fields_of(id: usize, text: &str) -> Result<front_matter::Fields<'_>, Diagnostic> {
    if let Some(read) = pelican::fields_of(id, text) {
        return read;
    }
    let split = front_matter::split(id, text)?;
    let map = front_matter::parse(id, &split)?;
    Ok((split, map, Vec::new()))
}

/// The fields the site's tool gives the pages under a path, where the page
/// gives none (`_drafts/` → `draft: true`).
fn defaults(
    defaults: &[(String, serde_json::Map<String, serde_json::Value>)],
    rel: &str,
    map: &mut serde_json::Map<String, serde_json::Value>,
) {
    for (_, values) in defaults.iter().filter(|(prefix, _)| rel.starts_with(prefix.as_str())) {
        for (key, value) in values {
            map.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
}

/// The body with the site's tool's own syntax around its Markdown turned into
/// Markdown (Liquid tags, link markers), when there is any; problems found.
fn page_syntax(
    body: &str,
    split: &front_matter::Split,
    file: &SourceFile,
    meta: &Meta,
    context: &Context,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let page = PageText {
        body,
        offset: split.body_offset,
        file: file.id,
        meta,
        settings: context.settings,
        dated: context.dated,
    };
    match (context.settings.tool.body)(&page, errors) {
        // Header lines are Pelican's, whose links may hold its markers, with or without its settings.
        None if split.format == front_matter::Format::Lines => pelican::links(body),
        own => own,
    }
}

/// The slug a `slug` field gives: Astro's is the page's whole path in its
/// collection; Hugo's and Zola's replaces the last part of the file's.
fn custom_slug(custom: Option<&str>, by_file: &str, whole_path: bool) -> String {
    match custom {
        Some(custom) if whole_path => {
            let parts: Vec<String> = custom.split('/').map(slugify).filter(|p| !p.is_empty()).collect();
            if parts.is_empty() {
                by_file.to_string()
            } else {
                parts.join("/")
            }
        }
        Some(custom) => match by_file.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{}", slugify(custom)),
            None => slugify(custom),
        },
        None => by_file.to_string(),
    }
}

/// Hugo's `url:` and Zola's `path =`: the page's whole address. Inside the
/// page's section (or anywhere, for a top-level page) it is the page's slug;
/// elsewhere the page keeps its section's address and the one asked for
/// redirects there (`Err` holds it, and it joins the aliases).
fn address_override(meta: &mut Meta, file: &SourceFile) -> Option<Result<String, String>> {
    let asked = ["url", "path"].iter().find_map(|k| match meta.extra.get(*k) {
        Some(serde_json::Value::String(s)) if s.starts_with('/') || !s.contains(':') => {
            Some((k.to_string(), s.clone()))
        }
        _ => None,
    })?;
    let trimmed = asked.1.trim_matches('/').to_string();
    if trimmed.is_empty() {
        return None;
    }
    meta.extra.remove(&asked.0);
    let rest = if file.section.is_empty() {
        Some(trimmed.as_str())
    } else {
        trimmed
            .split_once('/')
            .filter(|(first, _)| slugify(first) == file.section)
            .map(|(_, rest)| rest)
    };
    let slug: Vec<String> = rest
        .unwrap_or_default()
        .split('/')
        .filter(|s| !s.is_empty())
        .map(slugify)
        .collect();
    if slug.is_empty() {
        meta.aliases.push(format!("/{trimmed}/"));
        return Some(Err(asked.1));
    }
    Some(Ok(slug.join("/")))
}

fn outside_section(file: usize, split: &front_matter::Split, asked: &str, section: &str) -> Diagnostic {
    let span = ["url", "path"]
        .iter()
        .map(|k| front_matter::key_span(split, k))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| split.open.clone());
    Diagnostic::warning(file, span, format!("address `{asked}` is outside the page's section"))
        .label(format!(
            "the page is served under /{section}/, and `{asked}` redirects there"
        ))
        .hint(format!(
            "start the address with /{section}/ to keep the page in its section"
        ))
}
