//! `/synthese`: compétences (rows) × projets (columns), each filled cell a link
//! to its evidence, totals, the pages without a counterpart flagged, a tag
//! filter on projets (`?tag=`) and the CSV export.

use crate::app::link;
use crate::bundle::Evidence;
use crate::data::{Axis, Synthese};
use crate::text::FR as T;
use leptos::either::Either;
use leptos::prelude::*;

pub fn view(table: &Synthese) -> impl IntoView {
    let mut grid = vec![vec![None; table.columns.len()]; table.rows.len()];
    for cell in &table.cells {
        grid[cell.row][cell.column] = Some(cell);
    }
    let column_totals: Vec<usize> = (0..table.columns.len())
        .map(|c| grid.iter().filter(|row| row[c].is_some()).count())
        .collect();
    let head = table
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{heading(c)}</th> })
        .collect_view();
    let body = table
        .rows
        .iter()
        .zip(&grid)
        .map(|(row, cells)| {
            let filled = cells.iter().flatten().count();
            let cells = cells
                .iter()
                .map(|cell| match cell {
                    Some(cell) => {
                        let words = evidence_text(&cell.evidence);
                        let title = words.clone();
                        Either::Left(view! {
                            <td class="filled">
                                <a href=link(&cell.href) title=title>
                                    <span aria-hidden="true">{symbols(&cell.evidence)}</span>
                                    <span class="visually-hidden">{words}</span>
                                </a>
                            </td>
                        })
                    }
                    None => Either::Right(view! { <td></td> }),
                })
                .collect_view();
            view! { <tr><th scope="row">{heading(row)}</th>{cells}<td class="total">{filled}</td></tr> }
        })
        .collect_view();
    let totals = column_totals
        .into_iter()
        .map(|n| view! { <td class="total">{n}</td> })
        .collect_view();
    view! {
        <div class="wrap synthese">
            <h1>{T.synthese_title}</h1>
            <p class="lead">{T.synthese_intro}</p>
            {filter(table)}
            {omitted(table)}
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="synthese-legende">
                <table class="matrix">
                    <caption id="synthese-legende">{T.synthese_caption}</caption>
                    <thead><tr><th scope="col">{T.synthese_corner}</th>{head}<th scope="col">{T.synthese_total}</th></tr></thead>
                    <tbody>{body}</tbody>
                    <tfoot><tr><th scope="row">{T.synthese_total}</th>{totals}<td class="total">{table.cells.len()}</td></tr></tfoot>
                </table>
            </div>
            {legend()}
            <p><a class="csv" href=table.csv.clone() download="">{T.synthese_csv}</a></p>
        </div>
    }
}

/// A row or column title, linked, with "à étayer" when it has no counterpart anywhere.
fn heading(axis: &Axis) -> impl IntoView {
    let gap = axis.gap.then(|| view! { <span class="gap">{T.synthese_gap}</span> });
    view! { <span class="label"><a href=link(&axis.route)>{axis.title.clone()}</a>{gap}</span> }
}

/// ✓ declared, ↗ linked, # shared tag.
fn symbols(evidence: &Evidence) -> String {
    let mut out = String::new();
    for (on, symbol) in [
        (evidence.declared, '✓'),
        (evidence.linked, '↗'),
        (!evidence.tags.is_empty(), '#'),
    ] {
        if on {
            out.push(symbol);
        }
    }
    out
}

/// The evidence in words, for screen readers and the tooltip.
pub fn evidence_text(evidence: &Evidence) -> String {
    let mut words: Vec<String> = Vec::new();
    if evidence.declared {
        words.push(T.evidence_declared.into());
    }
    if evidence.linked {
        words.push(T.evidence_linked.into());
    }
    if !evidence.tags.is_empty() {
        let names: Vec<&str> = evidence.tags.iter().map(|t| t.name.as_str()).collect();
        words.push(format!("{} : {}", T.evidence_tag, names.join(", ")));
    }
    words.join(", ")
}

fn legend() -> impl IntoView {
    view! {
        <h2 class="legend-title">{T.synthese_legend}</h2>
        <dl class="legend">
            <div><dt aria-hidden="true">"✓"</dt><dd>{T.evidence_declared}</dd></div>
            <div><dt aria-hidden="true">"↗"</dt><dd>{T.evidence_linked}</dd></div>
            <div><dt aria-hidden="true">"#"</dt><dd>{T.evidence_tag}</dd></div>
            <div><dt><span class="gap">{T.synthese_gap}</span></dt><dd>{T.synthese_gap_text}</dd></div>
        </dl>
    }
}

fn filter(table: &Synthese) -> impl IntoView {
    let all = {
        let selected = table.tag.is_none().then_some("true");
        view! { <li><a class="chip" href="synthese" aria-current=selected>{T.all_tags}</a></li> }
    };
    let each = table
        .tags
        .iter()
        .map(|t| {
            let selected = (table.tag.as_deref() == Some(t.slug.as_str())).then_some("true");
            let href = format!("synthese?tag={}", t.slug);
            view! { <li><a class="chip" href=href aria-current=selected>{t.name.clone()}</a></li> }
        })
        .collect_view();
    (!table.tags.is_empty()).then(|| view! { <ul class="chips filter" aria-label=T.synthese_filter>{all}{each}</ul> })
}

fn omitted(table: &Synthese) -> Option<impl IntoView> {
    table.omitted.map(|c| {
        let text = format!(
            "{} {} compétences, {} projets.",
            T.synthese_omitted, c.competences, c.projets
        );
        view! { <p class="note">{text}</p> }
    })
}
