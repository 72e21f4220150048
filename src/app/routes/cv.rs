//! `/cv`: the CV made from the site's JSON Resume file. Everything comes
//! ready to show (headings, dates, durations in the page's language, links
//! to the pages that prove each line), so this view holds no CV logic.
//!
//! The CV has nothing to interact with: its components run at build time
//! only ([`html`]), and the app shows (and hydrates) that HTML as it is, as
//! it does a page's body: the app's wasm carries none of them.

use crate::data::CvPage;

/// The CV page: its HTML, made at build time, in the article.
pub fn article(cv: &CvPage) -> String {
    format!(r#"<article class="wrap cv">{}</article>"#, cv.html)
}

#[cfg(not(target_arch = "wasm32"))]
pub use markup::html;

/// The CV's components, run natively when the site is built.
#[cfg(not(target_arch = "wasm32"))]
mod markup {
    use crate::app::{asset, link};
    use crate::bundle::{CvDates, CvEntry, CvItem, CvRole, CvSection, CvView};
    use crate::text::t;
    use leptos::either::{Either, EitherOf3};
    use leptos::prelude::*;

    /// The CV's markup, rendered by its components (natively, at build time).
    pub fn html(cv: &CvView) -> String {
        use leptos::tachys::view::RenderHtml;
        let owner = Owner::new_root(None);
        let html = owner.with(|| inner(cv).to_html());
        owner.cleanup();
        html
    }

    fn inner(cv: &CvView) -> impl IntoView {
        let photo = cv.photo.as_ref().map(|img| {
            let (src, w, h) = (asset(img.shown()), img.width, img.height);
            view! { <img class="cv-photo" src=src srcset=img.srcset() sizes="8rem" alt="" width=w height=h/> }
        });
        let contacts = cv.contacts.iter().map(|c| view! { <li>{item(c)}</li> }).collect_view();
        let pdf = cv
            .pdf
            .as_ref()
            .map(|pdf| view! { <p class="pdf"><a href=link(pdf) download="">{t().pdf_download}</a></p> });
        let summary = (!cv.summary.is_empty()).then(|| view! { <p class="cv-summary">{cv.summary.clone()}</p> });
        let intro =
            (!cv.intro.is_empty()).then(|| view! { <div class="prose cv-intro" inner_html=cv.intro.clone()></div> });
        view! {
                <header class="cv-header">
                    {photo}
                    <div>
                        <h1>{cv.name.clone()}</h1>
                        {(!cv.label.is_empty()).then(|| view! { <p class="lead">{cv.label.clone()}</p> })}
                        <ul class="cv-contacts">{contacts}</ul>
                    </div>
                </header>
                {pdf}
                {summary}
                {intro}
                {cv.sections.iter().map(section).collect_view()}
        }
    }

    fn section(section: &CvSection) -> impl IntoView {
        let class = if section.timeline {
            "cv-entries timeline"
        } else {
            "cv-entries"
        };
        let entries = section.entries.iter().map(entry).collect_view();
        // `cv-work`: no heading of the introduction's text (`## Work` → `work`) has it.
        let (id, labelled) = (format!("cv-{}", section.id), format!("cv-{}", section.id));
        view! {
            <section class="cv-section" aria-labelledby=labelled>
                <h2 id=id>{section.title.clone()}</h2>
                <ol class=class>{entries}</ol>
            </section>
        }
    }

    fn entry(entry: &CvEntry) -> impl IntoView {
        let detail =
            (!entry.detail.is_empty()).then(|| view! { <span class="cv-detail">{entry.detail.clone()}</span> });
        view! {
            <li class="cv-entry" id=entry.id.clone()>
                <h3>{item(&entry.title)}{detail}</h3>
                {entry.roles.iter().map(role).collect_view()}
            </li>
        }
    }

    fn role(role: &CvRole) -> impl IntoView {
        let list = |class: &'static str, items: &[CvItem]| {
            (!items.is_empty()).then(|| {
                let items = items.iter().map(|i| view! { <li>{item(i)}</li> }).collect_view();
                view! { <ul class=class>{items}</ul> }
            })
        };
        view! {
            <div class="cv-role">
                {(!role.title.is_empty()).then(|| view! { <p class="cv-role-title">{role.title.clone()}</p> })}
                {role.dates.as_ref().map(dates)}
                {(!role.summary.is_empty()).then(|| view! { <p>{role.summary.clone()}</p> })}
                {list("cv-items", &role.items)}
                {list("chips cv-keywords", &role.keywords)}
            </div>
        }
    }

    /// `<time>sept. 2021</time> – <time>nov. 2023</time> · 2 ans 3 mois`, or
    /// `… – aujourd'hui · 2 ans`, or one date alone (a certificate's).
    fn dates(dates: &CvDates) -> impl IntoView {
        let time = |(iso, text): &(String, String)| view! { <time datetime=iso.clone()>{text.clone()}</time> };
        let duration = (!dates.duration.is_empty()).then(|| format!(" · {}", dates.duration));
        let inner = match (&dates.start, &dates.end) {
            (Some(start), Some(end)) => EitherOf3::A(view! { {time(start)}" – "{time(end)}{duration} }),
            (Some(start), None) => {
                let ongoing = (!dates.ongoing.is_empty()).then(|| format!(" – {}", dates.ongoing));
                let rest = format!("{}{}", ongoing.unwrap_or_default(), duration.unwrap_or_default());
                EitherOf3::B(view! { {time(start)}{(!rest.is_empty()).then_some(rest)} })
            }
            (None, end) => EitherOf3::C(end.as_ref().map(time)),
        };
        view! { <p class="cv-dates">{inner}</p> }
    }

    /// A line of the CV: linked to the page it names, or to the address it gives.
    fn item(item: &CvItem) -> impl IntoView {
        match &item.link {
            Some(to) if to.starts_with('/') => Either::Left(view! { <a href=link(to)>{item.text.clone()}</a> }),
            Some(url) => Either::Left(view! { <a href=url.clone()>{item.text.clone()}</a> }),
            None => Either::Right(item.text.clone()),
        }
    }
}
