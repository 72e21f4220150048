//! `/`: who the owner is, the latest projets, the compétences, a few tags.

use crate::app::escape;
use crate::app::widgets::{a, attr, cards, counted_chips, img};
use crate::bundle::Site;
use crate::data::{Coverage, Home, HomeSection};
use crate::text::t;

pub fn html(site: &Site, home: &Home) -> String {
    let links: String = site
        .links
        .iter()
        .map(|l| {
            format!(
                r#"<li><a{} rel="noopener noreferrer">{}</a></li>"#,
                attr("href", &l.url),
                escape(&l.label)
            )
        })
        .collect();
    let name = if site.author.is_empty() {
        &site.title
    } else {
        &site.author
    };
    // The author's photo, as their theme shows it: round, beside the name.
    let photo = site
        .photo
        .as_ref()
        .map(|image| img("avatar", image, name, "8rem", r#" decoding="async""#));
    let bio = (!site.bio.is_empty()).then(|| format!(r#"<p class="bio">{}</p>"#, escape(&site.bio)));
    let intro = (!home.intro.is_empty()).then(|| format!(r#"<div class="prose intro">{}</div>"#, home.intro));
    let sections: String = home.sections.iter().map(section).collect();
    format!(
        r#"<div class="wrap home"><section class="hero">{}<h1>{}</h1><p class="tagline">{}</p>{}<ul class="social">{links}</ul></section>{}{sections}{}<section aria-labelledby="themes"><h2 id="themes">{}</h2>{}</section></div>"#,
        photo.unwrap_or_default(),
        escape(name),
        escape(&site.tagline),
        bio.unwrap_or_default(),
        intro.unwrap_or_default(),
        home.synthese.map(synthese).unwrap_or_default(),
        escape(t().tags_title),
        counted_chips(&home.tags, "chips"),
    )
}

/// A section's latest cards and a link to its list; the top-level pages
/// (`section` empty) have no list, and all their cards are shown.
fn section(s: &HomeSection) -> String {
    let id = format!("accueil-{}", if s.section.is_empty() { "pages" } else { &s.section });
    let all = (!s.section.is_empty()).then(|| {
        format!(
            "<a{}>{}</a>",
            attr("href", &s.section),
            escape(&format!("{} ({})", t().see_all, s.total))
        )
    });
    format!(
        r#"<section{}><div class="section-head"><h2{}>{}</h2>{}</div>{}</section>"#,
        attr("aria-labelledby", &id),
        attr("id", &id),
        escape(&s.title),
        all.unwrap_or_default(),
        cards(&s.cards, s.images, 3),
    )
}

/// The synthesis table's reach, and a link to it.
fn synthese(c: Coverage) -> String {
    let reach = crate::text::reach(c.competences, c.projets);
    let gaps = if c.gaps > 0 {
        format!(" · {} {}", c.gaps, t().synthese_gap)
    } else {
        String::new()
    };
    format!(
        r#"<section class="synthese-cta" aria-labelledby="accueil-synthese"><h2 id="accueil-synthese">{}</h2><p>{}</p>{}</section>"#,
        escape(t().synthese_title),
        escape(&format!("{reach}{gaps}")),
        a(
            &crate::text::route("/synthese"),
            r#" class="button""#,
            t().synthese_home
        ),
    )
}
