//! The CV page (`/cv`) from the site's JSON Resume file: its sections ready
//! to show in the page's language, each skill, keyword, highlight or project
//! linked to the compétence, projet or tag it names, and each page it names
//! told so ("Au CV : …"); its JSON-LD and its words for the search index.

use crate::bundle::{Bundle, Cv, CvDates, CvEntry, CvItem, CvRole, CvSection, CvView, Image, Kind, Page, SiteLink};
use crate::compiler::model::html::escape;
use crate::compiler::model::slugs::slugify;
use crate::compiler::readers::resume::{Date, Resume, Skill, Work};
use crate::text::{cv_date, cv_duration, cv_text, CvText};
use std::collections::HashMap;

/// The CV's route in a language (`/cv`, `/en/cv`).
pub fn route(root: &str) -> String {
    crate::bundle::in_root(root, "/cv")
}

/// Puts the CV into the bundle: its page (the site's `cv.md`, whose text is
/// its introduction, or a page of its own, in the menu), the mentions on the
/// pages it names, its JSON-LD and words.
pub fn attach(bundle: &mut Bundle, resume: &Resume, photo: Option<Image>, today: &str) {
    let text = cv_text(&bundle.site.lang);
    let route = route(&bundle.site.root);
    let names = Names::new(bundle);
    let sections = sections(resume, text, &names, today);
    let mut view = CvView {
        route: route.clone(),
        name: match resume.basics.name.trim() {
            "" => text.menu.to_string(),
            name => name.to_string(),
        },
        label: resume.basics.label.clone(),
        photo,
        summary: resume.basics.summary.clone(),
        contacts: contacts(resume),
        intro: String::new(),
        sections,
        pdf: None,
    };
    mention(bundle, &view, text);
    match bundle.pages.iter_mut().find(|p| p.route == route) {
        // The `cv.md` page: its text is the introduction; the page is titled
        // as the CV (search results, lists), its menu entry kept.
        Some(page) => {
            view.intro = page.html.clone();
            page.title = view.name.clone();
            if !view.label.is_empty() {
                page.description = view.label.clone();
            }
        }
        None => {
            bundle.pages.push(own_page(&view));
            bundle.site.menu.push(SiteLink {
                label: text.menu.into(),
                url: route.trim_start_matches('/').to_string(),
            });
        }
    }
    let json_ld = json_ld(resume, &view, &bundle.site.base_url);
    let text = words(&view);
    bundle.cv = Some(Cv { view, json_ld, text });
}

/// The CV's page when the site has no `cv.md`.
fn own_page(view: &CvView) -> Page {
    Page {
        kind: Kind::Other,
        section: String::new(),
        slug: "cv".into(),
        route: view.route.clone(),
        title: view.name.clone(),
        description: view.label.clone(),
        date: None,
        updated: None,
        draft: false,
        weight: None,
        tags: Vec::new(),
        image: None,
        html: String::new(),
        toc: Vec::new(),
        word_count: 0,
        reading_minutes: 0,
        summary: view.label.clone(),
        links: Vec::new(),
        backlinks: Vec::new(),
        relations: Vec::new(),
        prev: None,
        next: None,
        aliases: Vec::new(),
        translations: Vec::new(),
        cv: Vec::new(),
        external: Vec::new(),
        extra: Default::default(),
    }
}

/// The site's compétences, projets and tags by their folded names, and its routes.
struct Names {
    /// Folded title, slug or tag → route (pages before tags).
    exact: HashMap<String, String>,
    /// The pages' folded titles, to find inside a highlight: (`-title-`, route).
    titles: Vec<(String, String)>,
    base_url: String,
    routes: Vec<String>,
}

impl Names {
    fn new(bundle: &Bundle) -> Names {
        let mut exact = HashMap::new();
        let mut titles = Vec::new();
        let pages = bundle.pages.iter().filter(|p| Kind::ALL.contains(&p.kind));
        for page in pages {
            let last = page.slug.rsplit('/').next().unwrap_or_default();
            for name in [slugify(&page.title), slugify(last)] {
                exact.entry(name).or_insert_with(|| page.route.clone());
            }
            let title = slugify(&page.title);
            if title.len() >= 4 {
                titles.push((format!("-{title}-"), page.route.clone()));
            }
        }
        for tag in &bundle.tags {
            let route = bundle.site.route(&format!("/tags/{}", tag.slug));
            exact.entry(slugify(&tag.name)).or_insert_with(|| route.clone());
            exact.entry(tag.slug.clone()).or_insert(route);
        }
        Names {
            exact,
            titles,
            base_url: bundle.site.base_url.clone(),
            routes: bundle.pages.iter().map(|p| p.route.clone()).collect(),
        }
    }

    /// The route a name (a skill, a keyword, a project) or an address names, if any.
    fn route(&self, name: &str, url: &str) -> Option<String> {
        self.inside(url).or_else(|| self.exact.get(&slugify(name)).cloned())
    }

    /// A highlight: named whole, or holding a compétence's or projet's title.
    fn in_sentence(&self, text: &str) -> Option<String> {
        let folded = format!("-{}-", slugify(text));
        self.exact.get(folded.trim_matches('-')).cloned().or_else(|| {
            self.titles
                .iter()
                .find(|(title, _)| folded.contains(title.as_str()))
                .map(|(_, route)| route.clone())
        })
    }

    /// An address inside the site (`/projets/citi`, `https://site/projets/citi/`), as its route.
    fn inside(&self, url: &str) -> Option<String> {
        let path = match url.strip_prefix(self.base_url.as_str()) {
            Some(rest) if !self.base_url.is_empty() => rest,
            _ => url.strip_prefix('/').map(|_| url)?,
        };
        let route = format!("/{}", path.trim_matches('/'));
        self.routes.contains(&route).then_some(route)
    }

    fn item(&self, text: &str, url: &str) -> CvItem {
        let link = self.route(text, url).or_else(|| external(url));
        CvItem {
            text: text.to_string(),
            link,
        }
    }

    fn items(&self, texts: &[String], sentences: bool) -> Vec<CvItem> {
        texts
            .iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| CvItem {
                text: t.clone(),
                link: if sentences {
                    self.in_sentence(t)
                } else {
                    self.route(t, "")
                },
            })
            .collect()
    }
}

/// A web address as a link (`https://…`); anything else is no link.
fn external(url: &str) -> Option<String> {
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_string())
}

/// The sections with entries, in `meta.sections`' order or the schema's.
fn sections(resume: &Resume, text: &CvText, names: &Names, today: &str) -> Vec<CvSection> {
    let order: Vec<&str> = if resume.meta.sections.is_empty() {
        text.sections.iter().map(|(id, _)| *id).collect()
    } else {
        resume.meta.sections.iter().map(String::as_str).collect()
    };
    let today = Date::parse(today.get(..7).unwrap_or(today));
    let dates = |start: Option<Date>, end: Option<Date>| dates(text, start, end, today);
    order
        .into_iter()
        .filter_map(|id| {
            let title = text.sections.iter().find(|(s, _)| *s == id)?.1;
            let entries = entries(resume, id, names, &dates);
            (!entries.is_empty()).then(|| CvSection {
                id: id.to_string(),
                title: title.to_string(),
                timeline: matches!(id, "work" | "volunteer" | "education" | "projects"),
                entries,
            })
        })
        .collect()
}

type Dating<'a> = dyn Fn(Option<Date>, Option<Date>) -> Option<CvDates> + 'a;

/// An entry before its anchor: its title, detail and roles.
type Raw = (CvItem, String, Vec<CvRole>);

/// One section's entries, each with its anchor (`work-0`).
fn entries(resume: &Resume, id: &str, names: &Names, dates: &Dating) -> Vec<CvEntry> {
    let mut out: Vec<Raw> = match id {
        "work" => employers(&resume.work, names, dates),
        "volunteer" => employers(&resume.volunteer, names, dates),
        "education" => education(resume, names, dates),
        "skills" | "interests" => {
            let list = if id == "skills" {
                &resume.skills
            } else {
                &resume.interests
            };
            let keywords = |s: &Skill| {
                role(
                    String::new(),
                    None,
                    String::new(),
                    Vec::new(),
                    names.items(&s.keywords, false),
                )
            };
            list.iter()
                .map(|s| (names.item(&s.name, ""), s.level.clone(), keywords(s)))
                .collect()
        }
        "languages" => resume
            .languages
            .iter()
            .map(|l| (names.item(&l.language, ""), l.fluency.clone(), Vec::new()))
            .collect(),
        "projects" => projects(resume, names, dates),
        _ => singles(resume, id, names, dates),
    };
    out.retain(|(title, _, roles)| !title.text.trim().is_empty() || !roles.is_empty());
    out.into_iter()
        .enumerate()
        .map(|(i, (title, detail, roles))| CvEntry {
            id: format!("{id}-{i}"),
            title,
            detail,
            roles,
        })
        .collect()
}

/// Awards, certificates, publications, references: a title, a detail, one date, a summary.
fn singles(resume: &Resume, id: &str, names: &Names, dates: &Dating) -> Vec<Raw> {
    let single = |title: CvItem, detail: &str, date: Option<Date>, summary: &str| -> Raw {
        let roles = role(
            String::new(),
            dates(None, date),
            summary.to_string(),
            Vec::new(),
            Vec::new(),
        );
        (title, detail.to_string(), roles)
    };
    match id {
        "awards" => resume
            .awards
            .iter()
            .map(|a| single(names.item(&a.title, ""), &a.awarder, a.date, &a.summary))
            .collect(),
        "certificates" => resume
            .certificates
            .iter()
            .map(|c| single(names.item(&c.name, &c.url), &c.issuer, c.date, ""))
            .collect(),
        "publications" => resume
            .publications
            .iter()
            .map(|p| single(names.item(&p.name, &p.url), &p.publisher, p.release_date, &p.summary))
            .collect(),
        "references" => resume
            .references
            .iter()
            .map(|r| {
                single(
                    CvItem {
                        text: r.name.clone(),
                        link: None,
                    },
                    "",
                    None,
                    &r.reference,
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Schools newest first: the diploma and its field, the courses, the result.
fn education(resume: &Resume, names: &Names, dates: &Dating) -> Vec<Raw> {
    newest_first(&resume.education, |e| e.start_date)
        .into_iter()
        .map(|e| {
            let title = joined(&[&e.study_type, &e.area]);
            let courses = names.items(&e.courses, true);
            let roles = role(
                title,
                dates(e.start_date, e.end_date),
                e.score.clone(),
                courses,
                Vec::new(),
            );
            (names.item(&e.institution, &e.url), String::new(), roles)
        })
        .collect()
}

/// The parts that are written, separated by commas.
fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

fn projects(resume: &Resume, names: &Names, dates: &Dating) -> Vec<Raw> {
    newest_first(&resume.projects, |p| p.start_date)
        .into_iter()
        .map(|p| {
            let detail = joined(&[&p.entity, &p.kind]);
            let roles = role(
                p.roles.join(", "),
                dates(p.start_date, p.end_date),
                p.description.clone(),
                names.items(&p.highlights, true),
                names.items(&p.keywords, false),
            );
            (names.item(&p.name, &p.url), detail, roles)
        })
        .collect()
}

/// A role, unless it would show nothing.
fn role(
    title: String,
    dates: Option<CvDates>,
    summary: String,
    items: Vec<CvItem>,
    keywords: Vec<CvItem>,
) -> Vec<CvRole> {
    let empty = title.is_empty() && dates.is_none() && summary.is_empty() && items.is_empty() && keywords.is_empty();
    if empty {
        return Vec::new();
    }
    vec![CvRole {
        title,
        dates,
        summary,
        items,
        keywords,
    }]
}

/// Entries by start date, newest first (undated ones last, in their order).
fn newest_first<T>(items: &[T], start: impl Fn(&T) -> Option<Date>) -> Vec<&T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_key(|item| std::cmp::Reverse(start(item).map(|d| (d.months(), d.day))));
    sorted
}

/// Positions newest first, grouped by employer when one has several.
fn employers(work: &[Work], names: &Names, dates: &Dating) -> Vec<Raw> {
    let mut out: Vec<(String, Raw)> = Vec::new();
    for w in newest_first(work, |w| w.start_date) {
        let items = names.items(&w.highlights, true);
        let summary = if w.summary.is_empty() {
            w.description.clone()
        } else {
            w.summary.clone()
        };
        let roles = role(
            w.position.clone(),
            dates(w.start_date, w.end_date),
            summary,
            items,
            Vec::new(),
        );
        let key = slugify(&w.name);
        match out.iter_mut().find(|(k, _)| !key.is_empty() && *k == key) {
            Some((_, (title, _, all))) => {
                all.extend(roles);
                // The employer's address, from whichever position gives it.
                if title.link.is_none() {
                    title.link = names.item(&w.name, &w.url).link;
                }
            }
            None => out.push((key, (names.item(&w.name, &w.url), w.location.clone(), roles))),
        }
    }
    out.into_iter().map(|(_, entry)| entry).collect()
}

/// The dates as the page shows them; a duration when there is a start.
fn dates(text: &CvText, start: Option<Date>, end: Option<Date>, today: Option<Date>) -> Option<CvDates> {
    let stamp = |d: Date| (d.iso(), cv_date(text, d.year, d.month, d.day));
    let until = end.or(today);
    let duration = match (start, until) {
        (Some(s), Some(e)) if end.is_some() || today.is_some() => {
            // Months counted both ends in (`sept. 2021 – nov. 2023`: 2 ans 3 mois);
            // years apart when either is written as a year only.
            if s.month.is_none() || e.month.is_none() {
                cv_duration(text, 12 * (i64::from(e.year) - i64::from(s.year)))
            } else {
                cv_duration(text, e.months() - s.months() + 1)
            }
        }
        _ => String::new(),
    };
    let dates = CvDates {
        start: start.map(stamp),
        end: end.map(stamp),
        ongoing: if start.is_some() && end.is_none() && today.is_some() {
            text.ongoing.to_string()
        } else {
            String::new()
        },
        duration,
    };
    (dates.start.is_some() || dates.end.is_some()).then_some(dates)
}

/// The contact lines, each written out (paper shows no link): place, e-mail, telephone, site, profiles.
fn contacts(resume: &Resume) -> Vec<CvItem> {
    let b = &resume.basics;
    let l = &b.location;
    let city = [l.postal_code.as_str(), l.city.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let place = [
        l.address.as_str(),
        city.as_str(),
        l.region.as_str(),
        l.country_code.as_str(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(", ");
    let mut out = Vec::new();
    let mut push = |text: String, link: Option<String>| {
        if !text.trim().is_empty() {
            out.push(CvItem { text, link });
        }
    };
    push(place, None);
    push(b.email.clone(), Some(format!("mailto:{}", b.email)));
    push(b.phone.clone(), Some(format!("tel:{}", b.phone.replace(' ', ""))));
    push(shown(&b.url), external(&b.url));
    for p in &b.profiles {
        let what = if p.url.is_empty() {
            p.username.clone()
        } else {
            shown(&p.url)
        };
        let text = match (p.network.as_str(), what.as_str()) {
            (_, "") => String::new(),
            ("", what) => what.to_string(),
            (network, what) => format!("{network} : {what}"),
        };
        push(text, external(&p.url));
    }
    out
}

/// An address written out without its scheme (`github.com/camille`).
fn shown(url: &str) -> String {
    url.split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_end_matches('/')
        .to_string()
}

/// Each page the CV names is told which entries: "Alternance chez Acme (2023–2025)",
/// the position (of several at one employer) whose line names it.
fn mention(bundle: &mut Bundle, view: &CvView, text: &CvText) {
    let mut told: HashMap<String, Vec<SiteLink>> = HashMap::new();
    for section in &view.sections {
        for entry in &section.entries {
            let url = format!("{}#{}", view.route, entry.id);
            let roles: Vec<Option<&CvRole>> = match entry.roles.len() {
                0 => vec![None],
                _ => entry.roles.iter().map(Some).collect(),
            };
            for (i, role) in roles.into_iter().enumerate() {
                let lines = role.into_iter().flat_map(|r| r.items.iter().chain(&r.keywords));
                let title = (i == 0).then_some(&entry.title);
                let named = title.into_iter().chain(lines).filter_map(|item| item.link.as_deref());
                let link = SiteLink {
                    label: mention_label(section, entry, role, text),
                    url: url.clone(),
                };
                for route in named.filter(|l| l.starts_with('/')) {
                    let list = told.entry(route.to_string()).or_default();
                    if !list.contains(&link) {
                        list.push(link.clone());
                    }
                }
            }
        }
    }
    for page in &mut bundle.pages {
        if let Some(links) = told.remove(&page.route) {
            page.cv = links;
        }
    }
}

/// How a page names a CV entry: `Cheffe de projet chez Acme (2023–2025)`.
fn mention_label(section: &CvSection, entry: &CvEntry, role: Option<&CvRole>, text: &CvText) -> String {
    let name = match role.map(|r| r.title.as_str()).filter(|t| !t.is_empty()) {
        Some(title) if section.id == "work" || section.id == "volunteer" => {
            format!("{title} {} {}", text.at, entry.title.text)
        }
        Some(title) if section.id == "education" => format!("{title}, {}", entry.title.text),
        _ => entry.title.text.clone(),
    };
    let years = role.and_then(|r| r.dates.as_ref()).map(|d| {
        let year = |s: &Option<(String, String)>| s.as_ref().map(|(iso, _)| iso[..4].to_string());
        match (year(&d.start), year(&d.end)) {
            (Some(s), Some(e)) if s == e => s,
            (Some(s), Some(e)) => format!("{s}–{e}"),
            (Some(s), None) => format!("{} {s}", text.since),
            (None, Some(e)) => e,
            (None, None) => String::new(),
        }
    });
    match years.filter(|y| !y.is_empty()) {
        Some(years) => format!("{name} ({years})"),
        None => name,
    }
}

/// JSON-LD: a `ProfilePage` whose `mainEntity` is the `Person`.
fn json_ld(resume: &Resume, view: &CvView, base_url: &str) -> String {
    let mut person = serde_json::json!({ "@type": "Person" });
    for (key, value) in basics_ld(resume, view, base_url).into_iter().chain(history_ld(resume)) {
        let empty = value.is_null() || value.as_str() == Some("") || value.as_array().is_some_and(Vec::is_empty);
        if !empty {
            person[key] = value;
        }
    }
    let url = match base_url {
        "" => String::new(),
        base => format!("{base}{}/", view.route),
    };
    serde_json::json!({ "@context": "https://schema.org", "@type": "ProfilePage", "url": url, "mainEntity": person })
        .to_string()
}

/// The person as `basics` says: name, title, photo, contacts, address, profiles.
fn basics_ld(resume: &Resume, view: &CvView, base_url: &str) -> Vec<(&'static str, serde_json::Value)> {
    let b = &resume.basics;
    let l = &b.location;
    let absolute = |src: &str| match src.starts_with('/') {
        true => format!("{base_url}{src}"),
        false => src.to_string(),
    };
    let address = [&l.address, &l.city, &l.postal_code, &l.region, &l.country_code]
        .iter()
        .any(|s| !s.is_empty())
        .then(|| {
            serde_json::json!({ "@type": "PostalAddress", "streetAddress": l.address, "postalCode": l.postal_code,
                "addressLocality": l.city, "addressRegion": l.region, "addressCountry": l.country_code })
        });
    let profiles: Vec<String> = b
        .profiles
        .iter()
        .filter(|p| !p.url.is_empty())
        .map(|p| p.url.clone())
        .collect();
    vec![
        ("name", b.name.clone().into()),
        ("jobTitle", b.label.clone().into()),
        ("description", b.summary.clone().into()),
        ("image", view.photo.as_ref().map(|p| absolute(p.shown())).into()),
        ("email", b.email.clone().into()),
        ("telephone", b.phone.clone().into()),
        ("url", b.url.clone().into()),
        ("address", address.unwrap_or_default()),
        ("sameAs", profiles.into()),
    ]
}

/// The person as the rest of the CV says: schools, employers, credentials, skills, languages.
fn history_ld(resume: &Resume) -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::{json, Value};
    let org = |kind: &str, name: &str, url: &str| json!({ "@type": kind, "name": name, "url": url });
    let schools = resume
        .education
        .iter()
        .map(|e| org("EducationalOrganization", &e.institution, &e.url));
    let employers = resume.work.iter().filter(|w| w.end_date.is_none());
    let skills = resume
        .skills
        .iter()
        .flat_map(|s| std::iter::once(&s.name).chain(&s.keywords));
    let languages = resume
        .languages
        .iter()
        .map(|l| json!({ "@type": "Language", "name": l.language }));
    vec![
        ("alumniOf", Value::Array(schools.collect())),
        (
            "worksFor",
            employers.map(|w| org("Organization", &w.name, &w.url)).collect(),
        ),
        ("hasCredential", resume.certificates.iter().map(credential).collect()),
        ("knowsAbout", skills.filter(|s| !s.is_empty()).cloned().collect()),
        ("knowsLanguage", Value::Array(languages.collect())),
    ]
}

fn credential(c: &crate::compiler::readers::resume::Certificate) -> serde_json::Value {
    serde_json::json!({ "@type": "EducationalOccupationalCredential", "name": c.name, "url": c.url,
        "recognizedBy": { "@type": "Organization", "name": c.issuer } })
}

/// The CV's words as HTML, for the search index.
fn words(view: &CvView) -> String {
    let mut out = format!(
        "<p>{} {} {}</p>",
        escape(&view.name),
        escape(&view.label),
        escape(&view.summary)
    );
    for section in &view.sections {
        out.push_str(&format!("<h2>{}</h2>", escape(&section.title)));
        for entry in &section.entries {
            out.push_str(&format!("<p>{} {}", escape(&entry.title.text), escape(&entry.detail)));
            for role in &entry.roles {
                let items = role
                    .items
                    .iter()
                    .chain(&role.keywords)
                    .map(|i| escape(&i.text))
                    .collect::<Vec<_>>();
                out.push_str(&format!(
                    " {} {} {}",
                    escape(&role.title),
                    escape(&role.summary),
                    items.join(" ")
                ));
            }
            out.push_str("</p>");
        }
    }
    out
}
