//! The `vitrine` command line.

use crate::bundle::{Kind, BUNDLE_FILE};
use crate::compiler::{self, write, Options};
use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "vitrine",
    version,
    about = "Compiles a Markdown portfolio into the bundle the Vitrine app reads"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the content and write the site: into a folder holding Trunk's
    /// `index.html` (its post-build hook), every route's HTML and data;
    /// elsewhere, `content.json` (the site library) and the static files.
    Build {
        #[command(flatten)]
        input: Input,
        /// Output folder (created if missing).
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// While `trunk serve` runs (its hook, `scripts/trunk.sh serve`): on
        /// errors in the content, fill `--out` with the site served from this
        /// folder, an overlay on each page naming the errors, and exit 0, so
        /// the browser shows them and the server keeps going.
        #[arg(long, value_name = "SERVED")]
        keep_serving: Option<PathBuf>,
    },
    /// Run every check and write nothing.
    Check {
        #[command(flatten)]
        input: Input,
        /// Also ask every link to another site (once each, 10 s at most) and
        /// warn about the dead ones; hosts in site.toml's `[external] skip` are not asked.
        #[arg(long)]
        external: bool,
        /// Where the answers are kept for a day.
        #[arg(long, default_value = "target/vitrine-links.json")]
        link_cache: PathBuf,
    },
    /// Start a page: `vitrine new competence "Travailler en équipe"` writes
    /// `content/competences/travailler-en-equipe.md` with the front matter the
    /// site's pages use (or its archetype), never over an existing file.
    New {
        /// `competence`, `projet`, `page` (at the top), or a section's folder (`veille`).
        kind: String,
        /// The page's title, as it will show.
        title: String,
        /// Content folder (or the site's root).
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// After `trunk build`: write one HTML file per route, 404.html, sitemap.xml,
    /// robots.txt and feed.xml into the built site (Trunk's post-build hook runs it).
    Prerender {
        /// The built site, holding Trunk's index.html and content.json.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
    },
}

#[derive(Args)]
struct Input {
    /// Content folder, holding `competences/` and `projets/`.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Static files folder. By default: `public/` or `static/` beside the content
    /// folder or one level up (Astro keeps `public/` beside `src/`; Hugo and Zola use `static/`),
    /// then the themes' `static/` folders (`themes/x/static/`).
    #[arg(long)]
    public: Option<PathBuf>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Where resized images are kept between builds (keyed by their bytes: never stale).
    #[arg(long, default_value = "target/vitrine-images")]
    image_cache: PathBuf,
    /// Every warning is an error: exit 1, nothing written (as `strict = true`
    /// in the site's settings). Without it, a site being moved over builds with warnings.
    #[arg(long)]
    strict: bool,
    /// The CV and the synthesis table link to their printed PDF (`cv.pdf`,
    /// `synthese.pdf`), which `make pdf` prints right after this build.
    #[arg(long)]
    pdf: bool,
}

impl Input {
    fn options(mut self) -> Options {
        // A site's root given for its content folder (`--content my-hugo-site`).
        let root = self.content.clone();
        if let Some(inner) = crate::compiler::readers::settings::site_root_content(&self.content) {
            eprintln!(
                "note: {} is a site's root; its pages are read from {}",
                self.content.display(),
                inner.display()
            );
            self.content = inner;
        }
        if let Some(note) = crate::compiler::readers::settings::mixed_note(&root, &self.content) {
            eprintln!("note: {note}");
        }
        let public = match self.public {
            Some(folder) => vec![folder],
            None => crate::compiler::readers::static_folders(&self.content),
        };
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        Options {
            content: self.content,
            public,
            drafts: self.drafts,
            today,
            image_cache: self.image_cache,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    let (input, out, served, external) = match cli.command {
        Command::Build {
            input,
            out,
            keep_serving,
        } => (input, Some(out), keep_serving, None),
        Command::Check {
            input,
            external,
            link_cache,
        } => (input, None, None, external.then_some(link_cache)),
        Command::Prerender { dist } => return prerender(&dist, started),
        Command::New { kind, title, content } => return new_page(content, &kind, &title),
    };
    let (strict_flag, pdf) = (input.strict, input.pdf);
    let options = input.options();
    if !options.content.is_dir() {
        eprintln!("error: content folder `{}` does not exist", options.content.display());
        return ExitCode::FAILURE;
    }
    let clock = crate::clock::Clock::start();
    let mut outcome = compiler::compile(&options);
    clock.lap("content compiled");
    if let Some(cache) = &external {
        check_external(&mut outcome, cache);
    }
    let strict = strict_flag || outcome.checks.strict;
    let promoted = if strict { strictly(&mut outcome) } else { 0 };
    let color = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut stderr = StandardStream::stderr(color);
    outcome.sources.emit(&mut stderr, &outcome.diagnostics);
    let overlay = served
        .as_ref()
        .filter(|_| outcome.bundle.is_none())
        .map(|s| (s, shown(&outcome)));
    // The files' text is not needed once told: the pages' HTML reuses its memory.
    drop(std::mem::take(&mut outcome.sources));

    let Some(bundle) = outcome.bundle.take() else {
        failed(&outcome, promoted, strict_flag);
        return match (overlay, &out) {
            (Some((served, shown)), Some(out)) => keep_serving(out, served, &shown),
            _ => ExitCode::FAILURE,
        };
    };
    // The site's own language first, then its others (`/en/…`).
    let mut bundles = vec![bundle];
    bundles.append(&mut outcome.languages);
    bundles[0].pdfs = pdfs(&bundles[0], pdf);
    let written = match &out {
        Some(out) => match write_site(out, &bundles, &options, &outcome, &clock, strict) {
            Ok(summary) if served.is_some() => {
                // While serving: live reload the page's policy allows.
                if let Err(e) = crate::serve_errors::live(out) {
                    eprintln!("warning: {e}");
                }
                summary
            }
            Ok(summary) => summary,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => " (check only, nothing written)".into(),
    };
    eprintln!("{}", summary(&bundles, &outcome, &written, started));
    // The process ends here: freeing every page one by one would only delay it.
    std::mem::forget(outcome);
    std::mem::forget(bundles);
    ExitCode::SUCCESS
}

/// The PDFs `make pdf` prints of the site's own language (`--pdf`): the
/// CV's and the synthesis table's, when the site has them.
fn pdfs(bundle: &crate::bundle::Bundle, pdf: bool) -> Vec<String> {
    let cv = bundle.cv.is_some().then_some(crate::prerender::routes::CV_PDF);
    let table = crate::prerender::synthese::coverage(bundle).map(|_| crate::prerender::synthese::PDF_FILE);
    cv.into_iter().chain(table).filter(|_| pdf).map(String::from).collect()
}

/// The last line of a build: what was built, how long it took, where it went.
fn summary(bundles: &[crate::bundle::Bundle], outcome: &compiler::Outcome, written: &str, started: Instant) -> String {
    let bundle = &bundles[0];
    let languages = match bundles.len() {
        1 => String::new(),
        _ => format!(
            " ({})",
            bundles
                .iter()
                .map(|b| format!("{}: {} page{}", b.site.lang, b.pages.len(), plural(b.pages.len())))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let count = |k: Kind| bundle.section(k).count();
    let others = match count(Kind::Other) {
        0 => String::new(),
        n => format!(", {n} other page{}", plural(n)),
    };
    // Left out as the author asked, and said so once.
    let others = match outcome.drafts {
        0 => others,
        n => format!("{others} ({n} draft{} left out: `--drafts` shows them)", plural(n)),
    };
    format!(
        "vitrine: {} compétence{}, {} projet{}{others}, {} tag{}{languages}{}, {} warning{} in {} ms{written}",
        count(Kind::Competence),
        plural(count(Kind::Competence)),
        count(Kind::Projet),
        plural(count(Kind::Projet)),
        bundle.tags.len(),
        plural(bundle.tags.len()),
        pictures_summary(&outcome.pictures_summary),
        outcome.warnings(),
        plural(outcome.warnings()),
        started.elapsed().as_millis()
    )
}

/// `check --external`: the dead links to other sites added to the warnings.
fn check_external(outcome: &mut compiler::Outcome, cache: &std::path::Path) {
    use compiler::check::external;
    let links = external::links(&outcome.sources);
    let own = outcome
        .bundle
        .as_ref()
        .map(|b| b.site.base_url.clone())
        .unwrap_or_default();
    let own = url::Url::parse(&own).ok();
    let ask = external::Ask {
        skip: &outcome.checks.skip_hosts,
        own: own.as_ref().and_then(|u| u.host_str()),
        cache,
    };
    let started = Instant::now();
    let found = external::check(&links, &ask);
    eprintln!(
        "vitrine: {} link{} to other sites checked in {} ms, {} dead or malformed",
        links.len(),
        plural(links.len()),
        started.elapsed().as_millis(),
        found.len()
    );
    outcome.diagnostics.extend(found);
    outcome.diagnostics.sort_by_key(|d| (d.file, d.span.start));
}

/// Diagnostics shown over the pages at most: the first ones are the ones to fix.
const SHOWN: usize = 50;

/// The diagnostics as the browser's overlay shows them, each as printed here.
fn shown(outcome: &compiler::Outcome) -> Vec<crate::serve_errors::Shown> {
    // Errors first: they are why the site did not build.
    let (errors, warnings): (Vec<_>, Vec<_>) = outcome.diagnostics.iter().partition(|d| d.is_error());
    errors
        .into_iter()
        .chain(warnings)
        .take(SHOWN)
        .map(|d| {
            let text = outcome.sources.render(std::slice::from_ref(d));
            let at = text
                .lines()
                .find_map(|l| l.split_once("┌─ ").map(|(_, at)| at.trim().to_string()))
                .unwrap_or_default();
            crate::serve_errors::Shown {
                severity: if d.is_error() { "error" } else { "warning" },
                message: d.message.clone(),
                at,
                text: text.trim_end().to_string(),
            }
        })
        .collect()
}

/// The content did not build while `trunk serve` runs: the served site again,
/// the errors over its pages, and a build that worked for Trunk.
fn keep_serving(out: &std::path::Path, served: &std::path::Path, shown: &[crate::serve_errors::Shown]) -> ExitCode {
    match crate::serve_errors::show(out, served, shown) {
        Ok(pages) => {
            eprintln!("vitrine: the last site that built is served, these errors over its {pages} pages; saving a fix reloads them");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Strict: every warning made an error, and no site built when there was
/// one. Returns how many were warnings.
fn strictly(outcome: &mut compiler::Outcome) -> usize {
    let warnings = outcome.warnings();
    for d in &mut outcome.diagnostics {
        d.severity = compiler::model::diagnostics::Severity::Error;
    }
    if warnings > 0 {
        outcome.bundle = None;
        outcome.languages.clear();
    }
    warnings
}

/// The last line of a build with errors, and how to relax strictness when it made them.
fn failed(outcome: &compiler::Outcome, promoted: usize, strict_flag: bool) {
    eprintln!(
        "error: {} error{} found, {} warning{}; nothing was written",
        outcome.errors(),
        plural(outcome.errors()),
        outcome.warnings(),
        plural(outcome.warnings())
    );
    if promoted > 0 {
        let relax = if strict_flag {
            "leave out `--strict`"
        } else {
            "set `strict = false` in site.toml"
        };
        let were = if promoted == 1 {
            "was a warning"
        } else {
            "were warnings"
        };
        eprintln!(
            "note: strict: {promoted} of these {were}; to build a site being moved over with its warnings, {relax}"
        );
    }
}

/// Writes the site into `out`. Into Trunk's staging folder (its bare
/// `index.html` there): every route rendered in this same run; elsewhere: the
/// site library as JSON. Returns the end of the summary line. Strict, a
/// warning while rendering fails the build (the staging folder is not published).
fn write_site(
    out: &std::path::Path,
    bundles: &[crate::bundle::Bundle],
    options: &Options,
    outcome: &compiler::Outcome,
    clock: &crate::clock::Clock,
    strict: bool,
) -> Result<String, String> {
    let shell = crate::prerender::shell(out);
    // Pages of an earlier build would stay beside a library of this one.
    if shell.is_none() && crate::prerender::built(out) {
        return Err(format!(
            "`{}` holds a site Vitrine built already, no longer Trunk's page to fill: build into an empty folder, or run `make build`",
            out.display()
        ));
    }
    let cannot = |e: std::io::Error| format!("cannot write to `{}`: {e}", out.display());
    write::copy_static(out, &options.public, &outcome.content_files).map_err(cannot)?;
    outcome.pictures.write(out).map_err(cannot)?;
    clock.lap("static files");
    let Some(index) = shell else {
        write::library(out, &bundles[0]).map_err(cannot)?;
        return Ok(format!(" → {}", out.join(BUNDLE_FILE).display()));
    };
    // Each language's search index is built and written while its routes are rendered.
    let done = crate::prerender::prerender(out, &index, bundles, |bundle, folder| {
        crate::prerender::write_search(write::search_index(bundle), folder)
    })?;
    let told = if strict { "error" } else { "warning" };
    for warning in &done.warnings {
        eprintln!("{told}: {warning}");
    }
    if strict && !done.warnings.is_empty() {
        return Err(format!(
            "{} warning{} while writing the pages, errors with `--strict` or `strict = true`",
            done.warnings.len(),
            plural(done.warnings.len())
        ));
    }
    // The routes' files, and the search index written here.
    Ok(format!(" → {} files in {}", done.files + bundles.len(), out.display()))
}

/// `, 3 images (1 resized, 2 from the cache; 9.4 MB → 412 KB at 800 px)`.
fn pictures_summary(s: &compiler::pictures::Summary) -> String {
    if s.images == 0 {
        return String::new();
    }
    let size = |bytes: u64| match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1u64 << 20) as f64),
        b => format!("{} KB", b.div_ceil(1024)),
    };
    format!(
        ", {} image{} ({} resized, {} from the cache; {} → {} at 800 px)",
        s.images,
        plural(s.images),
        s.encoded,
        s.cached,
        size(s.source_bytes),
        size(s.variant_bytes_800)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn new_page(mut content: PathBuf, kind: &str, title: &str) -> ExitCode {
    if let Some(inner) = crate::compiler::readers::settings::site_root_content(&content) {
        content = inner;
    }
    if !content.is_dir() {
        eprintln!("error: content folder `{}` does not exist", content.display());
        return ExitCode::FAILURE;
    }
    match crate::new_page::write(&content, kind, title) {
        Ok(page) => {
            println!("{}", page.file.display());
            eprintln!(
                "vitrine: new page {} ({}), at {}",
                page.file.display(),
                page.from,
                page.route
            );
            for action in &page.unfilled {
                eprintln!("note: `{action}` left empty: fill it in by hand");
            }
            if page.draft {
                eprintln!(
                    "note: it is a draft (`draft: true`): `--drafts` shows it (`VITRINE_FLAGS=--drafts make serve`)"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(dist: &std::path::Path, started: Instant) -> ExitCode {
    match crate::prerender::prerender_files(dist) {
        Ok(outcome) => {
            for warning in &outcome.warnings {
                eprintln!("warning: {warning}");
            }
            eprintln!(
                "vitrine: {} files prerendered in {} ms, route data in {}",
                outcome.files,
                started.elapsed().as_millis(),
                outcome.data_dir
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
