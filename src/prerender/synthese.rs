//! `/synthese`: the compétences × projets table, for each tag filter, and its
//! CSV export. Rows and columns are the two sections in display order.

use crate::bundle::{Bundle, Evidence, Kind, Page, TagRef};
use crate::data::{key, Axis, Coverage, Mark, Row, Synthese};
use crate::text::t;
use std::collections::HashMap;

pub const ROUTE: &str = "/synthese";
pub const CSV_FILE: &str = "synthese.csv";
/// The table printed by `make pdf` (`vitrine build --pdf` links it).
pub const PDF_FILE: &str = "synthese.pdf";

/// Rows and columns shown at most: a jury reads tens, not thousands.
pub const MAX_AXIS: usize = 40;

/// Tag filters offered: the projets' most used tags.
const FILTERS: usize = 20;

/// The table's reach, when the site has both compétences and projets.
pub fn coverage(bundle: &Bundle) -> Option<Coverage> {
    let count = |kind| bundle.section(kind).count();
    let gaps = |kind| bundle.section(kind).filter(|p| p.relations.is_empty()).count();
    let (competences, projets) = (count(Kind::Competence), count(Kind::Projet));
    (competences > 0 && projets > 0).then(|| Coverage {
        competences,
        projets,
        gaps: gaps(Kind::Competence) + gaps(Kind::Projet),
    })
}

/// The table unfiltered and for each offered tag, with their data keys.
pub fn views(bundle: &Bundle) -> Vec<(String, Synthese)> {
    let Some(coverage) = coverage(bundle) else {
        return Vec::new();
    };
    let tags = filters(bundle);
    let route = bundle.site.route(ROUTE);
    let mut out = vec![(route.clone(), table(bundle, coverage, &tags, None))];
    for tag in &tags {
        out.push((
            key(&route, Some(&tag.slug), None),
            table(bundle, coverage, &tags, Some(tag)),
        ));
    }
    out
}

fn filters(bundle: &Bundle) -> Vec<TagRef> {
    let mut uses: HashMap<&str, (usize, &TagRef)> = HashMap::new();
    for page in bundle.section(Kind::Projet) {
        for tag in &page.tags {
            uses.entry(tag.slug.as_str()).or_insert((0, tag)).0 += 1;
        }
    }
    let mut tags: Vec<(usize, &TagRef)> = uses.into_values().collect();
    tags.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.slug.cmp(&b.1.slug)));
    let mut chips: Vec<TagRef> = tags.into_iter().take(FILTERS).map(|(_, t)| t.clone()).collect();
    chips.sort_by_key(|t| t.name.to_lowercase());
    chips
}

fn axis(page: &Page) -> Axis {
    Axis {
        route: page.route.clone(),
        title: page.title.clone(),
        gap: page.relations.is_empty(),
    }
}

/// Rows, columns (the projets with `tag`, if any), cells and totals.
fn table(bundle: &Bundle, coverage: Coverage, tags: &[TagRef], tag: Option<&TagRef>) -> Synthese {
    let competences: Vec<&Page> = bundle.section(Kind::Competence).take(MAX_AXIS).collect();
    let projets: Vec<&Page> = bundle
        .section(Kind::Projet)
        .filter(|p| tag.is_none_or(|t| p.tags.iter().any(|pt| pt.slug == t.slug)))
        .take(MAX_AXIS)
        .collect();
    let at: HashMap<&str, usize> = projets.iter().enumerate().map(|(i, p)| (p.route.as_str(), i)).collect();
    let mut column_totals = vec![0; projets.len()];
    let rows: Vec<Row> = competences
        .iter()
        .map(|page| {
            let mut cells = vec![None; projets.len()];
            for relation in &page.relations {
                if let Some(&column) = at.get(relation.route.as_str()) {
                    column_totals[column] += 1;
                    cells[column] = Some(mark(&relation.route, &relation.evidence));
                }
            }
            let total = cells.iter().flatten().count();
            Row {
                axis: axis(page),
                cells,
                total,
            }
        })
        .collect();
    let cut = coverage.competences > rows.len() || (tag.is_none() && coverage.projets > projets.len());
    Synthese {
        tag: tag.map(|t| t.slug.clone()),
        tags: tags.to_vec(),
        columns: projets.into_iter().map(axis).collect(),
        total: column_totals.iter().sum(),
        column_totals,
        rows,
        omitted: cut.then_some(coverage),
        csv: match bundle.site.root.trim_start_matches('/') {
            "" => CSV_FILE.into(),
            folder => format!("{folder}/{CSV_FILE}"),
        },
        // The whole table printed (`make pdf`), linked from the unfiltered one.
        pdf: tag
            .is_none()
            .then(|| bundle.pdfs.iter().find(|p| *p == PDF_FILE).cloned())
            .flatten(),
    }
}

/// A filled cell. It leads to the projet that demonstrates the compétence, or
/// to the shared tag's page when a tag is all there is.
fn mark(projet: &str, evidence: &Evidence) -> Mark {
    let href = match evidence.tags.first() {
        Some(tag) if !evidence.is_explicit() => crate::text::route(&format!("/tags/{}", tag.slug)),
        _ => projet.to_string(),
    };
    let symbols = [
        (evidence.declared, '✓'),
        (evidence.linked, '↗'),
        (!evidence.tags.is_empty(), '#'),
    ]
    .into_iter()
    .filter_map(|(on, symbol)| on.then_some(symbol))
    .collect();
    Mark {
        href,
        symbols,
        words: words(evidence),
    }
}

/// The evidence in words: `déclaré, lien dans le texte, tag commun : Web`.
pub fn words(evidence: &Evidence) -> String {
    let mut words: Vec<String> = Vec::new();
    if evidence.declared {
        words.push(t().evidence_declared.into());
    }
    if evidence.linked {
        words.push(t().evidence_linked.into());
    }
    if !evidence.tags.is_empty() {
        let names: Vec<&str> = evidence.tags.iter().map(|t| t.name.as_str()).collect();
        words.push(format!("{} : {}", t().evidence_tag, names.join(", ")));
    }
    words.join(", ")
}

/// The unfiltered table as CSV for a French spreadsheet: UTF-8 with a BOM,
/// `;` between fields, each cell's evidence in words, totals last, every
/// cell [`text_cell`]. `None` on a site without both kinds.
pub fn csv(bundle: &Bundle) -> Result<Option<Vec<u8>>, String> {
    let Some(coverage) = coverage(bundle) else {
        return Ok(None);
    };
    let table = table(bundle, coverage, &[], None);
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer("\u{feff}".as_bytes().to_vec());
    let error = |e: csv::Error| format!("{CSV_FILE}: {e}");
    let mut header = vec![t().synthese_corner.to_string()];
    header.extend(table.columns.iter().map(|c| c.title.clone()));
    header.push(t().synthese_total.into());
    out.write_record(header.iter().map(|c| text_cell(c))).map_err(error)?;
    for row in &table.rows {
        let mut record = vec![row.axis.title.clone()];
        record.extend(
            row.cells
                .iter()
                .map(|c| c.as_ref().map(|m| m.words.clone()).unwrap_or_default()),
        );
        record.push(row.total.to_string());
        out.write_record(record.iter().map(|c| text_cell(c))).map_err(error)?;
    }
    let mut totals = vec![t().synthese_total.to_string()];
    totals.extend(table.column_totals.iter().map(usize::to_string));
    totals.push(table.total.to_string());
    out.write_record(totals.iter().map(|c| text_cell(c))).map_err(error)?;
    out.into_inner().map(Some).map_err(|e| format!("{CSV_FILE}: {e}"))
}

/// A cell a spreadsheet shows as the text it is, never runs: one beginning
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (a compétence titled
/// `=HYPERLINK(…)`) gets a leading `'` (OWASP's rule against CSV injection).
pub fn text_cell(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn a_cell_that_a_spreadsheet_would_run_is_written_as_text() {
        for cell in ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(text_cell(cell), format!("'{cell}"));
        }
        for cell in ["Travailler en équipe", "3", "", "a=b", " =x"] {
            assert_eq!(text_cell(cell), cell);
        }
    }
}
