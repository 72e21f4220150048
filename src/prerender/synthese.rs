//! `/synthese`: the compétences × projets table, for each tag filter, and its
//! CSV export. Rows and columns are the two sections in display order.

use crate::app::routes::synthese::evidence_text;
use crate::bundle::{Bundle, Evidence, Kind, Page, TagRef};
use crate::data::{key, Axis, Cell, Coverage, Synthese};
use crate::text::FR as T;
use std::collections::HashMap;

pub const ROUTE: &str = "/synthese";
pub const CSV_FILE: &str = "synthese.csv";

/// Rows and columns shown at most: a jury reads tens, not thousands.
pub const MAX_AXIS: usize = 60;

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
    let mut out = vec![(ROUTE.to_string(), table(bundle, coverage, &tags, None))];
    for tag in &tags {
        out.push((
            key(ROUTE, Some(&tag.slug), None),
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

/// Rows, columns (the projets with `tag`, if any) and filled cells.
fn table(bundle: &Bundle, coverage: Coverage, tags: &[TagRef], tag: Option<&TagRef>) -> Synthese {
    let rows: Vec<&Page> = bundle.section(Kind::Competence).take(MAX_AXIS).collect();
    let columns: Vec<&Page> = bundle
        .section(Kind::Projet)
        .filter(|p| tag.is_none_or(|t| p.tags.iter().any(|pt| pt.slug == t.slug)))
        .take(MAX_AXIS)
        .collect();
    let at: HashMap<&str, usize> = columns.iter().enumerate().map(|(i, p)| (p.route.as_str(), i)).collect();
    let mut cells = Vec::new();
    for (row, page) in rows.iter().enumerate() {
        for relation in &page.relations {
            if let Some(&column) = at.get(relation.route.as_str()) {
                cells.push(Cell {
                    row,
                    column,
                    href: evidence_href(&relation.route, &relation.evidence),
                    evidence: relation.evidence.clone(),
                });
            }
        }
    }
    let cut = coverage.competences > rows.len() || (tag.is_none() && coverage.projets > columns.len());
    Synthese {
        tag: tag.map(|t| t.slug.clone()),
        tags: tags.to_vec(),
        rows: rows.into_iter().map(axis).collect(),
        columns: columns.into_iter().map(axis).collect(),
        cells,
        omitted: cut.then_some(coverage),
        csv: CSV_FILE.into(),
    }
}

/// Where a cell leads: the projet that demonstrates the compétence, or the
/// shared tag's page when a tag is all there is.
fn evidence_href(projet: &str, evidence: &Evidence) -> String {
    match evidence.tags.first() {
        Some(tag) if !evidence.is_explicit() => format!("/tags/{}", tag.slug),
        _ => projet.to_string(),
    }
}

/// The unfiltered table as CSV for a French spreadsheet: UTF-8 with a BOM,
/// `;` between fields, each cell's evidence in words, totals last.
pub fn csv(bundle: &Bundle) -> Result<Vec<u8>, String> {
    let Some(coverage) = coverage(bundle) else {
        return Ok(Vec::new());
    };
    let table = table(bundle, coverage, &[], None);
    let mut grid = vec![vec![String::new(); table.columns.len()]; table.rows.len()];
    for cell in &table.cells {
        grid[cell.row][cell.column] = evidence_text(&cell.evidence);
    }
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer("\u{feff}".as_bytes().to_vec());
    let error = |e: csv::Error| format!("{CSV_FILE}: {e}");
    let mut header = vec![T.synthese_corner.to_string()];
    header.extend(table.columns.iter().map(|c| c.title.clone()));
    header.push(T.synthese_total.into());
    out.write_record(&header).map_err(error)?;
    for (row, cells) in table.rows.iter().zip(&grid) {
        let total = cells.iter().filter(|c| !c.is_empty()).count();
        let mut record = vec![row.title.clone()];
        record.extend(cells.iter().cloned());
        record.push(total.to_string());
        out.write_record(&record).map_err(error)?;
    }
    let mut totals = vec![T.synthese_total.to_string()];
    totals.extend((0..table.columns.len()).map(|c| grid.iter().filter(|r| !r[c].is_empty()).count().to_string()));
    totals.push(table.cells.len().to_string());
    out.write_record(&totals).map_err(error)?;
    out.into_inner().map_err(|e| format!("{CSV_FILE}: {e}"))
}
