//! `/synthese`: compétences (rows) × projets (columns), each filled cell a link
//! to its evidence, totals, the pages without a counterpart flagged, a tag
//! filter on projets (`?tag=`) and the CSV export. The data comes ready to show.

use crate::app::link;
use crate::app::widgets::filter;
use crate::data::{Axis, Mark, Row, Synthese};
use crate::text::t;
use leptos::prelude::*;

pub fn view(table: &Synthese) -> impl IntoView {
    let head = table
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{heading(c)}</th> })
        .collect_view();
    let totals = table
        .column_totals
        .iter()
        .map(|n| view! { <td class="total">{*n}</td> })
        .collect_view();
    view! {
        <div class="wrap synthese">
            <h1>{t().synthese_title}</h1>
            <p class="lead">{t().synthese_intro}</p>
            {(!table.tags.is_empty()).then(|| filter("synthese", &table.tags, table.tag.as_deref(), t().synthese_filter))}
            {table.omitted.map(|c| {
                view! { <p class="note">{format!("{} {}.", t().synthese_omitted, crate::text::reach(c.competences, c.projets))}</p> }
            })}
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="synthese-legende">
                <table class="matrix">
                    <caption id="synthese-legende">{t().synthese_caption}</caption>
                    <thead><tr><th scope="col">{t().synthese_corner}</th>{head}<th scope="col">{t().synthese_total}</th></tr></thead>
                    <tbody>{table.rows.iter().map(row).collect_view()}</tbody>
                    <tfoot><tr><th scope="row">{t().synthese_total}</th>{totals}<td class="total">{table.total}</td></tr></tfoot>
                </table>
            </div>
            <p class="legend">{t().synthese_legend}</p>
            <p><a class="csv" href=table.csv.clone() download="">{t().synthese_csv}</a></p>
            {table.pdf.as_ref().map(|pdf| view! { <p class="pdf"><a href=link(pdf) download="">{t().pdf_download}</a></p> })}
        </div>
    }
}

fn row(row: &Row) -> impl IntoView {
    let cells = row.cells.iter().map(cell).collect_view();
    view! { <tr><th scope="row">{heading(&row.axis)}</th>{cells}<td class="total">{row.total}</td></tr> }
}

/// A filled cell links to its evidence: symbols for the eye, words for screen readers and the tooltip.
fn cell(mark: &Option<Mark>) -> impl IntoView {
    let inner = mark.as_ref().map(|m| {
        view! { <a href=link(&m.href) title=m.words.clone() aria-label=m.words.clone()>{m.symbols.clone()}</a> }
    });
    view! { <td class:filled=mark.is_some()>{inner}</td> }
}

/// A row or column title, linked, with "à étayer" when it has no counterpart anywhere.
fn heading(axis: &Axis) -> impl IntoView {
    let gap = axis.gap.then(|| view! { <span class="gap">{t().synthese_gap}</span> });
    view! { <span class="label"><a href=link(&axis.route)>{axis.title.clone()}</a>{gap}</span> }
}
