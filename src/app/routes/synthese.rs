//! `/synthese`: compétences (rows) × projets (columns), each filled cell a link
//! to its evidence, totals, the pages without a counterpart flagged, a tag
//! filter on projets (`?tag=`) and the CSV export. The data comes ready to show.

use crate::app::widgets::{a, attr, filter};
use crate::app::{escape, link};
use crate::data::{Axis, Mark, Row, Synthese};
use crate::text::t;

pub fn html(table: &Synthese) -> String {
    let head: String = table
        .columns
        .iter()
        .map(|c| format!(r#"<th scope="col">{}</th>"#, heading(c)))
        .collect();
    let totals: String = table
        .column_totals
        .iter()
        .map(|n| format!(r#"<td class="total">{n}</td>"#))
        .collect();
    let rows: String = table.rows.iter().map(row).collect();
    let omitted = table.omitted.map(|c| {
        let text = format!(
            "{} {}.",
            t().synthese_omitted,
            crate::text::reach(c.competences, c.projets)
        );
        format!(r#"<p class="note">{}</p>"#, escape(&text))
    });
    let pdf = table.pdf.as_ref().map(|pdf| {
        format!(
            r#"<p class="pdf"><a{} download="">{}</a></p>"#,
            attr("href", &link(pdf)),
            escape(t().pdf_download)
        )
    });
    let total = escape(t().synthese_total);
    format!(
        concat!(
            r#"<div class="wrap synthese"><h1>{}</h1><p class="lead">{}</p>{}{}"#,
            r#"<div class="table-scroll" role="region" tabindex="0" aria-labelledby="synthese-legende"><table class="matrix">"#,
            r#"<caption id="synthese-legende">{}</caption>"#,
            r#"<thead><tr><th scope="col">{}</th>{}<th scope="col">{}</th></tr></thead><tbody>{}</tbody>"#,
            r#"<tfoot><tr><th scope="row">{}</th>{}<td class="total">{}</td></tr></tfoot></table></div>"#,
            r#"<p class="legend">{}</p><p><a class="csv"{} download="">{}</a></p>{}</div>"#
        ),
        escape(t().synthese_title),
        escape(t().synthese_intro),
        filter("synthese", &table.tags, table.tag.as_deref(), t().synthese_filter),
        omitted.unwrap_or_default(),
        escape(t().synthese_caption),
        escape(t().synthese_corner),
        head,
        total,
        rows,
        total,
        totals,
        table.total,
        escape(t().synthese_legend),
        attr("href", &table.csv),
        escape(t().synthese_csv),
        pdf.unwrap_or_default(),
    )
}

fn row(row: &Row) -> String {
    let cells: String = row.cells.iter().map(cell).collect();
    format!(
        r#"<tr><th scope="row">{}</th>{cells}<td class="total">{}</td></tr>"#,
        heading(&row.axis),
        row.total
    )
}

/// A filled cell links to its evidence: symbols for the eye, words for screen readers and the tooltip.
fn cell(mark: &Option<Mark>) -> String {
    match mark {
        Some(m) => {
            let words = attr("title", &m.words) + &attr("aria-label", &m.words);
            format!(r#"<td class="filled">{}</td>"#, a(&m.href, &words, &m.symbols))
        }
        None => r#"<td class=""></td>"#.into(),
    }
}

/// A row or column title, linked, with "à étayer" when it has no counterpart anywhere.
fn heading(axis: &Axis) -> String {
    let gap = if axis.gap {
        format!(r#"<span class="gap">{}</span>"#, escape(t().synthese_gap))
    } else {
        String::new()
    };
    format!(r#"<span class="label">{}{gap}</span>"#, a(&axis.route, "", &axis.title))
}
