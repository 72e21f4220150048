//! The content compiler: `content/*.md` → checked pages → the bundle.
//!
//! Each step is a function from values to values, in its own file:
//! load → parse → collisions → render → taxonomies → link check → order →
//! assemble → write.

pub mod assemble;
pub mod check;
pub mod markup;
pub mod model;
pub mod pictures;
pub mod readers;
pub mod write;

use assemble::{languages, order, relations, sections, taxonomies};
use check::{checks, link_check};
use markup::{images, markdown, render};
use model::{diagnostics, document, slugs};
use readers::{collisions, intros, load, parse};

use crate::bundle::{Bundle, Kind};
use diagnostics::{Diagnostic, Sources};
use document::Doc;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Mutex;

pub struct Options {
    pub content: PathBuf,
    /// Static file folders (`public/`, `static/`), searched in order and copied as they are.
    pub public: Vec<PathBuf>,
    pub drafts: bool,
    /// `YYYY-MM-DD`, for the future-date warning.
    pub today: String,
    /// Where resized images are kept between builds (`target/vitrine-images`).
    pub image_cache: PathBuf,
}

pub struct Outcome {
    pub sources: Sources,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The bundle, when there is no error.
    pub bundle: Option<Bundle>,
    /// The site in each of its other languages (`/en/…`), when it has some.
    pub languages: Vec<Bundle>,
    /// Files from page bundles to copy beside the bundle: (source, path in the output).
    pub content_files: Vec<(PathBuf, String)>,
    /// The resized images, to write with the site, and what resizing them took.
    pub pictures: pictures::Pictures,
    pub pictures_summary: pictures::Summary,
    /// Drafts left out (`draft: true`, without `--drafts`): counted in the summary.
    pub drafts: usize,
    /// What the site's settings ask of the checks (`strict = true`).
    pub checks: readers::site::Checks,
    /// Each page's and introduction's route, with the file it is written in
    /// (`make a11y` names the file behind a page).
    pub files: BTreeMap<String, String>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

pub fn compile(options: &Options) -> Outcome {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let clock = crate::clock::Clock::start();
    let layout = readers::read_site(&options.content, &mut sources, &mut diagnostics);
    let own = Edition {
        options: options.within(layout.content.as_deref().unwrap_or(&options.content)),
        lang: layout.lang,
        site: layout.site,
        skip: layout.skip,
        name: String::new(),
    };
    let (tool, checks) = (layout.settings, layout.checks);
    let others = layout.languages.into_iter().map(|e| Edition {
        options: options.within(&e.content),
        lang: e.lang,
        site: Some(e.site),
        skip: e.skip,
        name: e.name,
    });
    let shared = Shared {
        tool: &tool,
        pictures: pictures::Pictures::new(options.image_cache.clone()),
        copies: Mutex::new(render::ContentFiles::new()),
        cvs: layout.cvs,
    };
    let mut parts: Vec<Part> = Vec::new();
    let mut empty = Vec::new();
    let mut drafts = 0;
    for edition in std::iter::once(own).chain(others) {
        let read = read(&edition, &tool, &mut sources, &mut diagnostics);
        if !parts.is_empty() && read.docs.is_empty() {
            empty.push(edition.lang);
            continue;
        }
        drafts += read.left_out.iter().filter(|(_, why)| why.is_none()).count();
        diagnostics.extend(languages::interface_text(&edition.lang, &sources));
        let part = shared.make(edition, read, parts.first(), &sources, &mut diagnostics);
        parts.push(part);
    }
    // A declared language without pages is named when others have some; a site
    // whose settings declare languages its pages never use is built as it is.
    if parts.len() > 1 {
        for lang in &empty {
            diagnostics.push(languages::without_pages(lang, &options.content, &mut sources));
        }
    }
    clock.lap("· front matter parsed, tags, relations, images");
    let Shared { pictures, copies, .. } = shared;
    let (pictures_summary, failures) = pictures.encode();
    let mut bundles = Vec::new();
    let mut keys = Vec::new();
    let files = files_of(&parts, &sources);
    for mut part in parts {
        let site = part.edition.site.take();
        let folders = folders(&part.edition, &tool, &pictures, &part.moved);
        part.made.serve_failed(&failures, &pictures, &folders, &mut diagnostics);
        keys.push(languages::keys(&part.made.read.docs, &part.edition.lang));
        let bundle = finish(part.made, site, &part.edition, &folders, &mut sources, &mut diagnostics);
        bundles.push((bundle, part.edition.name.clone()));
    }
    diagnostics.extend(languages::pair(&mut bundles, &keys, &sources));
    diagnostics.sort_by_key(|d| (d.file, d.span.start, std::cmp::Reverse(d.severity)));
    clock.lap("· bundle assembled");
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    let mut bundles = bundles.into_iter().filter_map(|(b, _)| b.filter(|_| !errors));
    Outcome {
        sources,
        diagnostics,
        bundle: bundles.next(),
        languages: bundles.collect(),
        content_files: copies.into_inner().unwrap_or_default().into_iter().collect(),
        pictures,
        pictures_summary,
        drafts,
        checks,
        files,
    }
}

/// What every language's pages share while they are made: the tool's
/// settings, the images to resize, the page bundles' files to copy.
struct Shared<'a> {
    tool: &'a readers::settings::ToolSettings,
    pictures: pictures::Pictures,
    copies: Mutex<render::ContentFiles>,
    /// The CV of each language, when the site has one.
    cvs: readers::resume::Cvs,
}

impl Shared<'_> {
    /// One language's pages rendered, with their tags, relations and images;
    /// `first`: the site's own language's, when this is another.
    fn make(
        &self,
        mut edition: Edition,
        mut read: Read,
        first: Option<&Part>,
        sources: &Sources,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Part {
        let mut moved = moved_by_slug(&read.docs);
        if let Some(first) = first {
            // A link written as in the site's own language (`/projets/citi`, `../projets/citi.md`)
            // leads to this language's page, else to the site's own language's.
            moved.extend(languages::within(&read.routes, &edition.lang.root));
            read.routes
                .extend(first.routes.iter().filter(|r| !moved.contains_key(*r)).cloned());
        }
        // The CV's address is one links may lead to.
        let cv = self.cvs.of(first.map(|_| edition.lang.code.as_str()));
        if cv.is_some() {
            read.routes.insert(assemble::cv::route(&edition.lang.root));
        }
        let routes = read.routes.clone();
        // The photo as its settings write it, found and resized with the pages' images.
        let photo = edition.site.as_mut().and_then(|s| s.photo.take()).map(|p| p.src);
        let folders = folders(&edition, self.tool, &self.pictures, &moved);
        let kinds = (self.tool.taxonomies.as_slice(), first.is_some());
        let mut made = make(read, &folders, &self.copies, sources, kinds, diagnostics);
        diagnostics.extend(made.photo(photo.as_deref(), &folders, &self.copies, sources));
        if let Some((resume, _)) = cv {
            diagnostics.extend(self.cv_photo(&mut made, resume, &folders, sources));
        }
        Part {
            edition,
            made,
            moved,
            routes,
        }
    }
}

impl Shared<'_> {
    /// The CV's photo, found and resized as the pages' images; the CV kept for the bundle.
    fn cv_photo(
        &self,
        made: &mut Made,
        resume: &readers::resume::Resume,
        folders: &render::Folders,
        sources: &Sources,
    ) -> Option<Diagnostic> {
        made.cv = Some(resume.clone());
        let src = resume.basics.image.as_str();
        if src.is_empty() {
            return None;
        }
        let (photo, warning) = images::photo(src, folders, &self.copies, sources);
        if let Some(photo) = photo {
            made.images.insert(CV_PHOTO.to_string(), photo);
        }
        warning
    }
}

/// Each page's and introduction's route, with the file it is written in.
fn files_of(parts: &[Part], sources: &Sources) -> BTreeMap<String, String> {
    parts
        .iter()
        .flat_map(|p| p.made.read.docs.iter().chain(&p.made.read.intros))
        .map(|d| (d.route.clone(), sources.name(d.file.id).to_string()))
        .collect()
}

/// The site in one language: where its pages are read from, and its settings.
struct Edition {
    options: Options,
    lang: load::Lang,
    site: Option<crate::bundle::Site>,
    skip: Vec<PathBuf>,
    /// Its name in the language switch, when the settings give one.
    name: String,
}

/// One language's pages, made, until the pictures are encoded.
struct Part {
    edition: Edition,
    made: Made,
    moved: BTreeMap<String, String>,
    /// Every route its links may lead to.
    routes: BTreeSet<String>,
}

impl Options {
    /// The same options for pages found in `content`.
    fn within(&self, content: &std::path::Path) -> Options {
        Options {
            content: content.to_path_buf(),
            public: self.public.clone(),
            drafts: self.drafts,
            today: self.today.clone(),
            image_cache: self.image_cache.clone(),
        }
    }
}

/// What rendering one language's pages needs.
fn folders<'a>(
    edition: &'a Edition,
    tool: &'a readers::settings::ToolSettings,
    pictures: &'a pictures::Pictures,
    moved: &'a BTreeMap<String, String>,
) -> render::Folders<'a> {
    let options = &edition.options;
    render::Folders {
        content: &options.content,
        public: &options.public,
        base_path: tool.base_path.as_deref().unwrap_or(""),
        pictures,
        moved,
        markup: markdown::Markup {
            emoji: tool.emoji,
            github_ids: tool.conventions.github_ids,
            definition_lists: tool.conventions.definition_lists,
            syntax: Default::default(),
            // The labels the Markdown adds (`Code bash`, `Tableau`) in the page's language.
            english: !crate::text::for_lang(&edition.lang.code).lang.eq("fr"),
        },
    }
}

/// The pages and section introductions read, with every route they make.
struct Read {
    docs: Vec<Doc>,
    intros: Vec<Doc>,
    fields: intros::Fields,
    routes: BTreeSet<String>,
    left_out: Vec<parse::LeftOut>,
}

/// Steps 1 to 3, then the `_index.md` files: a section made of its
/// introduction alone is a route links may lead to.
fn read(
    edition: &Edition,
    tool: &readers::settings::ToolSettings,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Read {
    let (options, lang, skip) = (&edition.options, &edition.lang, edition.skip.as_slice());
    let (docs, index_folders, mut left_out) = read_pages(options, tool, lang, skip, sources, diagnostics);
    let (intros, fields, found) = intros::load(
        &options.content,
        lang,
        &folders_of(&docs, &options.content, lang, &index_folders, skip),
        sources,
    );
    diagnostics.extend(found);
    let mut routes = routes(&docs, lang);
    routes.extend(intros.iter().map(|d| d.route.clone()));
    left_out.extend(sections::left_out(&fields, &routes));
    Read {
        docs,
        intros,
        fields,
        routes,
        left_out,
    }
}

/// The pages rendered, with their tags, relations and images.
struct Made {
    read: Read,
    tags: Vec<crate::bundle::Tag>,
    relations: relations::Relations,
    images: BTreeMap<String, crate::bundle::Image>,
    image_uses: images::Uses,
    /// The CV of this language, when the site has one.
    cv: Option<readers::resume::Resume>,
}

/// Key of the author's photo among the pages' images, until the bundle is made.
const PHOTO: &str = " photo";
/// The CV's photo, the same way.
const CV_PHOTO: &str = " cv photo";

/// Steps 4 to 6: Markdown rendered, tags, relations, front matter images.
fn make(
    mut read: Read,
    folders: &render::Folders,
    copies: &Mutex<render::ContentFiles>,
    sources: &Sources,
    (taxonomies, translation): (&[String], bool),
    diagnostics: &mut Vec<Diagnostic>,
) -> Made {
    let docs = std::mem::take(&mut read.docs);
    read.docs = render::render(docs, sources, &read.routes, folders, copies);
    let intros = std::mem::take(&mut read.intros);
    read.intros = render::render(intros, sources, &read.routes, folders, copies);
    let tags = taxonomies::collect(&mut read.docs);
    let (relations, found) = relations::compute(&read.docs, taxonomies, translation);
    diagnostics.extend(found);
    let (images, image_uses, found) = images::front_matter_images(&read.docs, folders, copies);
    diagnostics.extend(found);
    Made {
        read,
        tags,
        relations,
        images,
        image_uses,
        cv: None,
    }
}

impl Made {
    /// The author's photo, found and planned with the pages' images.
    fn photo(
        &mut self,
        src: Option<&str>,
        folders: &render::Folders,
        copies: &Mutex<render::ContentFiles>,
        sources: &Sources,
    ) -> Option<Diagnostic> {
        let (photo, warning) = images::photo(src?, folders, copies, sources);
        if let Some(photo) = photo {
            self.images.insert(PHOTO.to_string(), photo);
        }
        warning
    }

    /// The images that could not be decoded: said at each use, served as they are.
    fn serve_failed(
        &mut self,
        failures: &[pictures::Failure],
        pictures: &pictures::Pictures,
        folders: &render::Folders,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let read = &mut self.read;
        let with_images: Vec<&Doc> = read.docs.iter().chain(&read.intros).collect();
        diagnostics.extend(images::unreadable(failures, pictures, &with_images, &self.image_uses));
        images::serve_failed_as_is(failures, pictures, folders, &mut read.docs, &mut self.images);
        images::serve_failed_as_is(failures, pictures, folders, &mut read.intros, &mut BTreeMap::new());
    }
}

/// Steps 7 and 8: the checks, then the bundle when nothing is an error.
fn finish(
    mut made: Made,
    site: Option<crate::bundle::Site>,
    edition: &Edition,
    folders: &render::Folders,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Bundle> {
    let (options, lang) = (&edition.options, &edition.lang);
    let read = &made.read;
    let pages = Pages {
        docs: &read.docs,
        intros: &read.intros,
        fields: &read.fields,
        routes: &read.routes,
    };
    diagnostics.extend(checks(
        &pages,
        &made.tags,
        &read.left_out,
        &options.today,
        lang,
        sources,
    ));
    if read.docs.is_empty() && !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.push(no_pages(&options.content, lang, sources));
    }
    let mut site = site.filter(|_| !diagnostics.iter().any(Diagnostic::is_error))?;
    site.root = lang.root.clone();
    let (redirects, found) = sections_and_menu(&mut site, &pages, folders.base_path, sources);
    diagnostics.extend(found);
    site.photo = made.images.remove(PHOTO);
    let cv_photo = made.images.remove(CV_PHOTO);
    let Read { docs, intros, .. } = made.read;
    let mut bundle = assemble::assemble(site, docs, made.tags, &made.images, intros, made.relations);
    if let Some(resume) = &made.cv {
        assemble::cv::attach(&mut bundle, resume, cv_photo, &options.today);
    }
    Some(Bundle { redirects, ..bundle })
}

/// Steps 1 to 3: the pages read and parsed, in display order, no two at one
/// route; the nested folders with an `_index.md`; the pages left out, and why.
fn read_pages(
    options: &Options,
    tool: &readers::settings::ToolSettings,
    lang: &load::Lang,
    skip: &[PathBuf],
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Doc>, BTreeSet<String>, Vec<parse::LeftOut>) {
    let folders = load::Folders {
        skip,
        transparent: &tool.transparent,
    };
    let (files, index_folders, found) = load::load(&options.content, lang, &folders, sources);
    diagnostics.extend(found);
    let cascades = readers::cascades(&options.content, lang);
    let dated = load::dated(&files);
    let context = parse::Context {
        drafts: options.drafts,
        today: &options.today,
        settings: tool,
        cascades: &cascades,
        dated: &dated,
        lang,
    };
    let (mut docs, found, left_out) = parse::parse(files, sources, &context);
    diagnostics.extend(found);
    // Pages naming another language in their front matter are that language's.
    docs.retain(|d| lang.holds(d.meta.extra.get("lang").and_then(|v| v.as_str())));
    let (mut docs, found) = collisions::reject(docs, sources);
    diagnostics.extend(found);
    diagnostics.extend(readers::old_addresses(&mut docs, tool, sources));
    order::sort(&mut docs);
    (docs, index_folders, left_out)
}

/// Step 7: links, images, dates, tags, shortcodes and HTML the pages lose.
fn checks(
    pages: &Pages,
    tags: &[crate::bundle::Tag],
    left_out: &[parse::LeftOut],
    today: &str,
    lang: &load::Lang,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let (docs, intros) = (pages.docs, pages.intros);
    let mut found = link_check::check(intros, pages.routes, left_out);
    found.extend(link_check::check(docs, pages.routes, left_out));
    found.extend(languages::untranslated_links(docs.iter().chain(intros), &lang.root));
    // A translation's tags are its original's, checked there: a tag on one
    // translated page is no misspelling.
    let tags = if lang.root.is_empty() { tags } else { &[] };
    found.extend(checks::warnings(docs, tags, today, sources));
    found.extend(checks::counted_shortcodes(
        intros.iter().flat_map(|d| d.unrun.iter().cloned()).collect(),
    ));
    found.extend(docs.iter().chain(intros).flat_map(checks::removed_html));
    found.extend(docs.iter().chain(intros).flat_map(checks::accessibility));
    found.extend(sections::unshown(pages.fields, docs, intros));
    found
}

/// Each section's route (`posts`, `documentation/templates`) and folder, once:
/// the folders with pages, then the top folders with only an `_index.md`
/// (a skills page written as the section's introduction).
/// `nested`: the nested folders with an `_index.md`, a section each even without a page.
fn folders_of(
    docs: &[Doc],
    content: &std::path::Path,
    lang: &load::Lang,
    nested: &BTreeSet<String>,
    skip: &[PathBuf],
) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    let intro_only = std::fs::read_dir(content)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir() && !skip.contains(&e.path()) && intros::index_file(&e.path(), lang).is_some())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|folder| !folder.starts_with('.') && !load::RESERVED.contains(&slugs::slugify(folder).as_str()))
        .map(|folder| {
            let kind = load::kind_of(content, &folder);
            (load::section_slug(kind, &folder), folder)
        });
    docs.iter()
        .filter(|d| !d.file.section.is_empty())
        .flat_map(|d| std::iter::once((d.file.section.clone(), d.file.folder.clone())).chain(sections::nested_of(d)))
        .chain(intro_only)
        .chain(nested.iter().map(|folder| (sections::route_of(folder), folder.clone())))
        .filter(|(route, _)| seen.insert(route.clone()))
        .collect()
}

/// The site's menu: its sections with pages or an introduction (a blog has no
/// compétences), the synthesis table on a site with both kinds, the pages that
/// ask for an entry, in the order the settings give; not the `unlisted`
/// sections unless the settings name them. Returns the entries that match nothing.
fn navigation(
    site: &mut crate::bundle::Site,
    pages: &Pages,
    base_path: &str,
    unlisted: &[String],
) -> Vec<crate::bundle::SiteLink> {
    let (docs, intro_docs, fields) = (pages.docs, pages.intros, pages.fields);
    // Another language's entries lead within it (`projets` → `en/projets`).
    let within = |url: &str| languages::within_root(url, &site.root);
    let menu: Vec<crate::bundle::SiteLink> = site
        .menu
        .iter()
        .map(|e| crate::bundle::SiteLink {
            label: e.label.clone(),
            url: languages::menu_url(&e.url, base_path, &site.root),
        })
        .collect();
    let configured: Vec<String> = menu.iter().map(|e| e.url.trim_matches('/').to_string()).collect();
    let mut candidates = sections::candidates(&site.sections, docs, intro_docs, fields);
    if Kind::ALL.iter().all(|k| docs.iter().any(|d| d.file.kind == *k)) {
        let label = crate::text::for_lang(&site.lang).synthese_nav;
        candidates.push(sections::Candidate {
            pinned: true,
            ..sections::Candidate::new("synthese", label, None, None, None)
        });
    }
    for candidate in &mut candidates {
        candidate.link.url = within(&candidate.link.url);
    }
    candidates.extend(sections::pages(docs));
    let (mut nav, unmatched) = sections::nav(candidates, &menu, base_path);
    let unlisted: Vec<String> = unlisted.iter().map(|u| within(u)).collect();
    nav.retain(|e| !unlisted.contains(&e.url) || configured.contains(&e.url));
    site.menu = nav;
    unmatched
}

/// What the sections and the menu are made from.
struct Pages<'a> {
    docs: &'a [Doc],
    intros: &'a [Doc],
    fields: &'a intros::Fields,
    routes: &'a BTreeSet<String>,
}

/// The site's sections and menu; the sections that redirect (Zola's
/// `redirect_to`), their menu entries sent to the target; warnings.
fn sections_and_menu(
    site: &mut crate::bundle::Site,
    pages: &Pages,
    base_path: &str,
    sources: &Sources,
) -> (Vec<(String, String)>, Vec<Diagnostic>) {
    site.sections = sections::list(
        pages.docs,
        pages.fields,
        pages.intros,
        crate::text::for_lang(&site.lang),
    );
    let unlisted = sections::unlisted(&site.sections, pages.fields);
    let unmatched = navigation(site, pages, base_path, &unlisted);
    let mut found: Vec<Diagnostic> = unmatched.iter().map(|entry| menu_warning(entry, sources)).collect();
    let (mut redirects, more) = sections::redirects(pages.fields, &site.sections, pages.routes, sources);
    found.extend(more);
    redirects.extend(sections::renamed_kinds(pages.docs, pages.routes));
    sections::follow_redirects(&mut site.menu, &redirects);
    (redirects, found)
}

/// A configured menu entry that points at no section or page.
fn menu_warning(entry: &crate::bundle::SiteLink, sources: &Sources) -> Diagnostic {
    // The entry as a quoted value first: the bare word may also be part of a key.
    let quoted = ['"', '\''].map(|q| format!("{q}{}{q}", entry.url));
    let (file, span) = quoted
        .iter()
        .find_map(|q| sources.find(q))
        .map(|(file, span)| (file, span.start + 1..span.end - 1))
        .or_else(|| sources.find(&entry.url))
        .unwrap_or((0, 0..0));
    Diagnostic::warning(file, span, format!("menu entry `{}` left out", entry.label))
        .label(format!("`{}` is the address of no section or page", entry.url))
        .hint("write a section's folder (`/posts/`) or a top-level page (`/about/`)")
}

/// The error for a content folder that yields no page: what is there, and
/// where pages are looked for (never a silent empty site).
fn no_pages(content: &std::path::Path, lang: &load::Lang, sources: &mut Sources) -> Diagnostic {
    let mut markdown = 0;
    let mut folders = BTreeSet::new();
    for entry in walkdir::WalkDir::new(content).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path
            .extension()
            .is_some_and(|e| e == "md" || e == "mdx" || e == "markdown")
        {
            markdown += 1;
        }
        if entry.depth() == 1 && entry.file_type().is_dir() {
            folders.insert(entry.file_name().to_string_lossy().into_owned());
        }
    }
    let found = if folders.is_empty() {
        "no folder".to_string()
    } else {
        let list: Vec<String> = folders.iter().map(|f| format!("`{f}/`")).collect();
        format!("the folders {}", list.join(", "))
    };
    let home = intros::home_file(content, lang)
        .and_then(|p| {
            p.file_name()
                .map(|n| format!(" (`{}` is the home page's introduction)", n.to_string_lossy()))
        })
        .unwrap_or_default();
    let id = sources.add(content.display().to_string(), String::new());
    Diagnostic::error(id, 0..0, "no page to build")
        .label(format!("{markdown} Markdown file(s) found{home}; at the top: {found}"))
        .hint("pages go in section folders: `competences/`, `projets/` (also read: `projects/`, `work/`, `portfolio/`, `skills/`, `competencies/`) or any other (`posts/`, `veille/`), one Markdown file each with a `title`")
}

/// The pages a `slug` moved: the route their file would give → their route;
/// and the addresses the site's tool gave them (their aliases), so links
/// written to those land on the page.
fn moved_by_slug(docs: &[Doc]) -> BTreeMap<String, String> {
    let by_alias = docs.iter().flat_map(|d| {
        d.meta.aliases.iter().map(|alias| {
            let path = alias.trim_end_matches('/');
            let path = path.strip_suffix(".html").unwrap_or(path);
            (path.to_string(), d.route.clone())
        })
    });
    let by_file = docs.iter().filter(|d| d.slug != d.file.slug).map(|d| {
        let by_file = match d.file.section.as_str() {
            "" => format!("/{}", d.file.slug),
            section => format!("/{section}/{}", d.file.slug),
        };
        (by_file, d.route.clone())
    });
    by_alias.chain(by_file).collect()
}

/// Every route the app serves in the language `lang`: lists, tag pages and pages.
fn routes(docs: &[document::Doc], lang: &load::Lang) -> BTreeSet<String> {
    let fixed = ["/".to_string(), "/tags".to_string()];
    let lists = Kind::ALL.iter().map(|kind| format!("/{}", kind.section()));
    // Each page's route, its section's list and nested sections' lists
    // (`/documentation/templates`), its tags' pages: made in parallel.
    let mut routes: Vec<String> = docs
        .par_iter()
        .flat_map_iter(|doc| {
            let mut own = vec![lang.route(&format!("/{}", doc.file.section)), doc.route.clone()];
            own.extend(
                sections::nested_of(doc)
                    .into_iter()
                    .map(|(nested, _)| lang.route(&format!("/{nested}"))),
            );
            own.extend(
                doc.meta
                    .tags
                    .iter()
                    .map(|tag| lang.route(&format!("/tags/{}", slugs::slugify(tag)))),
            );
            own
        })
        .collect();
    routes.extend(fixed.into_iter().chain(lists).map(|r| lang.route(&r)));
    routes.par_sort_unstable();
    routes.dedup();
    routes.into_iter().collect()
}
