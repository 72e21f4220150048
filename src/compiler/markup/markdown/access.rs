//! Raw HTML made readable whatever the author wrote, tag by tag: code and
//! tables that scroll reachable with the keyboard and named, an image without
//! alt text decorative, a link without text given its address's host, headings
//! at their level in the page's outline. What cannot be mended without
//! changing the author's meaning (a link holding only an image without alt
//! text, a table without header cells) is left as written and noted.

use super::heading::outline_level;
use super::Renderer;
use crate::compiler::model::html::escape;
use crate::compiler::model::rendered::Access;
use std::ops::Range;

/// What a scrolling region gets: the keyboard reaches it, a screen reader names it.
pub const REGION: &str = r#"tabindex="0" role="region""#;

/// The name a table's scrolling frame is announced with.
pub fn table_label(english: bool) -> &'static str {
    if english {
        "Table"
    } else {
        "Tableau"
    }
}

/// The frame a table scrolls in (`.prose .table`), opened, named `label`.
pub fn table_open(label: &str) -> String {
    format!(r#"<div class="table" {REGION} aria-label="{}">"#, escape(label))
}

/// A link of raw HTML open (`<a href>` written, `</a>` not yet).
#[derive(Debug)]
pub(super) struct RawLink {
    href: String,
    /// It has text, a named image, or a label of its own.
    named: bool,
    /// It holds an image without alt text.
    bare_image: bool,
    span: Range<usize>,
}

impl Renderer<'_, '_> {
    /// A scrolling region's name, numbered from its second use on the page
    /// ("Code bash 2"): a screen reader lists regions by name, and tells them apart.
    pub(super) fn region_label(&mut self, name: &str) -> String {
        let n = self.regions.entry(name.to_string()).or_insert(0);
        *n += 1;
        if *n == 1 {
            name.to_string()
        } else {
            format!("{name} {n}")
        }
    }

    /// `raw` written back tag by tag, made readable (see the module's text).
    pub(super) fn accessible(&mut self, raw: &str, span: &Range<usize>) -> String {
        let mut out = String::with_capacity(raw.len() + 64);
        let mut rest = raw;
        while let Some(lt) = rest.find('<') {
            self.words_in_link(&rest[..lt]);
            out.push_str(&rest[..lt]);
            // A comment is kept as it is, tags written in it too.
            if rest[lt..].starts_with("<!--") {
                let end = rest[lt..].find("-->").map_or(rest.len(), |e| lt + e + 3);
                out.push_str(&rest[lt..end]);
                rest = &rest[end..];
                continue;
            }
            let Some(gt) = rest[lt..].find('>') else {
                rest = &rest[lt..];
                break;
            };
            self.tag(&rest[lt..=lt + gt], span, &mut out);
            rest = &rest[lt + gt + 1..];
        }
        self.words_in_link(rest);
        out.push_str(rest);
        out
    }

    /// Text inside a raw link names it.
    pub(super) fn words_in_link(&mut self, text: &str) {
        if let Some(link) = &mut self.raw_link {
            link.named |= has_words(text);
        }
    }

    /// An image inside a raw link: named by its alt text, or leaving it bare.
    pub(super) fn image_in_link(&mut self, alt: &str) {
        if let Some(link) = &mut self.raw_link {
            link.named |= !alt.trim().is_empty();
            link.bare_image |= alt.trim().is_empty();
        }
    }

    fn tag(&mut self, tag: &str, span: &Range<usize>, out: &mut String) {
        let name = tag_name(tag);
        let level = heading_level(&name);
        match name.as_str() {
            "a" if attribute(tag, "href").is_some() => {
                let label = attribute(tag, "aria-label").or_else(|| attribute(tag, "title"));
                self.raw_link = Some(RawLink {
                    href: attribute(tag, "href").unwrap_or_default(),
                    named: label.is_some_and(|l| has_words(&l)),
                    bare_image: false,
                    span: span.clone(),
                });
                out.push_str(tag);
            }
            "/a" => {
                self.close_link(out);
                out.push_str(tag);
            }
            "img" => out.push_str(&self.raw_img(tag, span)),
            "pre" if attribute(tag, "tabindex").is_none() => {
                let label = self.region_label("Code");
                out.push_str(&format!(r#"<pre {REGION} aria-label="{label}""#));
                out.push_str(&tag[4..]);
            }
            // A form's fields without the form (which pages do not hold, said at `<form>`).
            "input" => {}
            "table" => {
                let label = self.region_label(table_label(self.page.english));
                out.push_str(&table_open(&label));
                out.push_str(tag);
                self.raw_tables.push((span.clone(), false));
            }
            "th" => {
                self.raw_tables.iter_mut().for_each(|(_, headed)| *headed = true);
                out.push_str(tag);
            }
            "/table" => {
                out.push_str("</table></div>");
                if let Some((at, false)) = self.raw_tables.pop() {
                    self.out.access.push((Access::TableWithoutHeaders, at));
                }
            }
            _ if level.is_some() => out.push_str(&self.raw_heading(tag, &name, level.unwrap_or(2))),
            _ => out.push_str(tag),
        }
    }

    /// At a raw `</a>`: a link without text gets its address's host; one
    /// holding only an image without alt text is noted.
    fn close_link(&mut self, out: &mut String) {
        let Some(link) = self.raw_link.take() else {
            return;
        };
        if link.named {
            return;
        }
        let access = if link.bare_image {
            Access::ImageOnlyLink { href: link.href }
        } else {
            let host = host(&link.href);
            out.push_str(&escape(&host));
            Access::EmptyLink { host }
        };
        self.out.access.push((access, link.span));
    }

    /// A raw `<img>`: without `alt`, decorative (`alt=""`) and noted.
    fn raw_img(&mut self, tag: &str, span: &Range<usize>) -> String {
        let alt = attribute(tag, "alt");
        self.image_in_link(alt.as_deref().unwrap_or(""));
        if alt.is_some() {
            return tag.to_string();
        }
        let src = attribute(tag, "src").unwrap_or_default();
        self.out.access.push((Access::ImageWithoutAlt { src }, span.clone()));
        format!("<img alt=\"\"{}", &tag[4..])
    }

    /// A raw `<hN>` at its level in the page's outline, `</hN>` closing it there.
    fn raw_heading(&mut self, tag: &str, name: &str, written: u8) -> String {
        let shown = if name.starts_with('/') {
            let at = self.raw_headings.iter().rposition(|(w, _)| *w == written);
            at.map_or(written, |at| self.raw_headings.remove(at).1)
        } else {
            let shown = outline_level(&mut self.open_levels, written);
            self.raw_headings.push((written, shown));
            shown
        };
        let slash = if name.starts_with('/') { "/" } else { "" };
        format!("<{slash}h{shown}{}", &tag[1 + name.len()..])
    }
}

/// A tag's name, lower case, `/` first for a closing one (`<TABLE class=x>` → `table`).
fn tag_name(tag: &str) -> String {
    let inner = tag.trim_start_matches('<');
    let end = inner
        .find(|c: char| c.is_whitespace() || c == '>' || (c == '/' && !inner.starts_with('/')))
        .unwrap_or(inner.len());
    inner[..end].to_ascii_lowercase()
}

/// `h1`…`h6` (or `/h1`…): its level.
fn heading_level(name: &str) -> Option<u8> {
    let digits = name.trim_start_matches('/').strip_prefix('h')?;
    digits.parse().ok().filter(|n| (1..=6).contains(n))
}

/// The value of attribute `name` in an opening tag, quoted or not.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.match_indices(name).find(|(at, _)| {
        lower[..*at].ends_with(char::is_whitespace) && lower[at + name.len()..].trim_start().starts_with('=')
    })?;
    let value = tag[at.0 + name.len()..].trim_start()[1..].trim_start();
    let (quote, body) = match value.chars().next()? {
        q @ ('"' | '\'') => (Some(q), &value[1..]),
        _ => (None, value),
    };
    let end = body
        .find(|c: char| quote.map_or(c.is_whitespace() || c == '>', |q| c == q))
        .unwrap_or(body.len());
    Some(body[..end].to_string())
}

/// Whether some text is more than spaces (`&nbsp;` among them).
fn has_words(text: &str) -> bool {
    !text.replace("&nbsp;", " ").replace("&#160;", " ").trim().is_empty()
}

/// What a link without text reads: its address's host (`www.intechinfo.fr`),
/// an e-mail address, or the address as written.
pub fn host(href: &str) -> String {
    if let Some(address) = href.strip_prefix("mailto:") {
        return address.to_string();
    }
    match href.split_once("://") {
        Some((_, rest)) => rest.split(['/', '?', '#']).next().unwrap_or(rest).to_string(),
        None => href.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::markup::links::{self, From};
    use crate::compiler::markup::markdown::{render, Markup};
    use crate::compiler::model::rendered::Rendered;

    fn rendered(body: &str) -> Rendered {
        let from = From {
            route: "/competences/x",
            dir: "competences",
            base: "",
            moved: &links::NOTHING_MOVED,
        };
        render(body, 0, &from, Markup::default(), &Default::default(), &|_| None)
    }

    #[test]
    fn an_empty_link_reads_its_host_and_is_noted_where_written() {
        let body = "Mon école : <a href=\"https://www.intechinfo.fr/\"> </a>.\n\nVoir [](https://example.org/page).\n";
        let r = rendered(body);
        assert!(r.html.contains("> www.intechinfo.fr</a>"), "{}", r.html);
        assert!(r.html.contains(">example.org</a>"), "{}", r.html);
        let hosts: Vec<_> = r.access.iter().map(|(a, s)| (a.clone(), s.start)).collect();
        assert_eq!(
            hosts,
            [
                (
                    Access::EmptyLink {
                        host: "www.intechinfo.fr".into()
                    },
                    body.find("<a").unwrap()
                ),
                (
                    Access::EmptyLink {
                        host: "example.org".into()
                    },
                    body.find("[](").unwrap()
                ),
            ]
        );
        let block = rendered("<p><a href=\"https://www.intechinfo.fr/\"></a></p>\n");
        assert!(block.html.contains(">www.intechinfo.fr</a>"), "{}", block.html);
    }

    #[test]
    fn a_link_holding_only_an_image_without_alt_is_noted_not_rewritten() {
        for body in [
            "<a href=\"https://example.org/\"><img src=\"https://example.org/logo.png\"></a>\n",
            "[![](https://example.org/logo.png)](https://example.org/)\n",
        ] {
            let r = rendered(body);
            assert!(
                r.access.iter().any(|(a, _)| matches!(a, Access::ImageOnlyLink { .. })),
                "{body}: {:?}",
                r.access
            );
            assert!(!r.html.contains(">example.org<"), "{}", r.html);
        }
        let named = rendered(
            "<a href=\"https://example.org/\"><img src=\"x.png\" alt=\"Le site\"></a> [texte](https://example.org)\n",
        );
        assert!(named.access.is_empty(), "{:?}", named.access);
    }

    #[test]
    fn raw_code_tables_images_and_headings_are_made_readable() {
        let r = rendered("Intro.\n\n<!-- <h2>ancien</h2> <table> -->\n\n<h4>Quatre</h4>\n\n<pre>long</pre>\n\n<table><tr><td>a</td></tr></table>\n\n<img src=\"https://example.org/a.png\">\n");
        assert!(r.html.contains("<h2>Quatre</h2>"), "{}", r.html);
        assert!(
            r.html
                .contains(r#"<pre tabindex="0" role="region" aria-label="Code">long</pre>"#),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains(r#"<div class="table" tabindex="0" role="region" aria-label="Tableau"><table>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains("</table></div>"), "{}", r.html);
        assert!(r.html.contains(r#"alt="""#), "{}", r.html);
        let noted: Vec<_> = r.access.iter().map(|(a, _)| a.clone()).collect();
        assert_eq!(
            noted,
            [
                Access::TableWithoutHeaders,
                Access::ImageWithoutAlt {
                    src: "https://example.org/a.png".into()
                }
            ]
        );
    }

    #[test]
    fn regions_of_one_name_are_told_apart() {
        let r = rendered(
            "```bash\nls\n```\n\n```bash\npwd\n```\n\n<pre>x</pre>\n\n| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |\n",
        );
        for label in ["Code bash\"", "Code bash 2\"", "Code\"", "Tableau\"", "Tableau 2\""] {
            assert!(r.html.contains(&format!("aria-label=\"{label}")), "{label}: {}", r.html);
        }
    }

    #[test]
    fn an_empty_header_cell_is_a_plain_cell_and_form_fields_go_with_their_form() {
        let r =
            rendered("|   | Lundi |\n|---|---|\n| Presse | 3 |\n\n<form><input type=\"text\" name=\"nom\"></form>\n");
        assert!(r.html.contains("<thead><tr><td></td><th>Lundi</th>"), "{}", r.html);
        assert!(!r.html.contains("<input"), "{}", r.html);
    }

    #[test]
    fn task_list_boxes_say_what_they_mark() {
        let r = rendered("- [x] Recette\n- [ ] Mise en production <b>x</b>\n");
        assert!(
            r.html
                .contains(r#"<input type="checkbox" disabled="" checked="" aria-label="Fait">"#),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains(r#"<input type="checkbox" disabled="" aria-label="À faire">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn a_raw_table_with_header_cells_on_its_own_lines_is_not_noted() {
        let r = rendered("<table>\n  <tr><th>Étape</th></tr>\n  <tr><td>Recette</td></tr>\n</table>\n");
        assert!(r.access.is_empty(), "{:?}", r.access);
        assert!(r.html.contains("<th>Étape</th>"), "{}", r.html);
    }

    #[test]
    fn a_zoom_link_around_an_image_without_alt_says_what_it_does() {
        let from = From {
            route: "/competences/x",
            dir: "competences",
            base: "",
            moved: &links::NOTHING_MOVED,
        };
        let located = |_: &[String]| {
            Some(crate::compiler::model::rendered::Located {
                url: "/assets/photo.png".into(),
                size: Some((960, 540)),
                resized: None,
                path: "photo.png".into(),
            })
        };
        let r = render(
            "![](/assets/photo.png) <b>x</b>\n",
            0,
            &from,
            Markup::default(),
            &Default::default(),
            &located,
        );
        assert!(
            r.html.contains(r#"rel="external" aria-label="Agrandir l’image"><img"#),
            "{}",
            r.html
        );
        let named = render(
            "![Le tableau de bord](/assets/photo.png)\n",
            0,
            &from,
            Markup::default(),
            &Default::default(),
            &located,
        );
        assert!(!named.html.contains("aria-label"), "{}", named.html);
    }

    #[test]
    fn markdown_tables_scroll_in_a_named_frame() {
        let r = rendered("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            r.html
                .starts_with(r#"<div class="table" tabindex="0" role="region" aria-label="Tableau"><table>"#),
            "{}",
            r.html
        );
        assert!(r.html.trim_end().ends_with("</table>\n</div>"), "{}", r.html);
    }

    #[test]
    fn attributes_and_hosts_are_read_as_written() {
        let tag = r#"<a class=x HREF="https://www.intechinfo.fr/ecole?a=1" title='École'>"#;
        assert_eq!(
            attribute(tag, "href").as_deref(),
            Some("https://www.intechinfo.fr/ecole?a=1")
        );
        assert_eq!(attribute(tag, "title").as_deref(), Some("École"));
        assert_eq!(attribute("<img src=a.png>", "src").as_deref(), Some("a.png"));
        assert_eq!(attribute(r#"<img data-alt="x">"#, "alt"), None);
        assert_eq!(host("https://www.intechinfo.fr/ecole?a=1"), "www.intechinfo.fr");
        assert_eq!(host("mailto:a@b.fr"), "a@b.fr");
        assert_eq!(tag_name("<TABLE class=x>"), "table");
        assert_eq!(tag_name("</h4>"), "/h4");
        assert_eq!(tag_name("<br/>"), "br");
    }
}
