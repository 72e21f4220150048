//! The CV as data: a JSON Resume file (`resume.json`, schema v1.0.0; also
//! `cv.json`, `resume.yaml`, `cv.yml`…) at the content folder's root or in the
//! site's data folders. A format, not a tool: read here into typed values,
//! each error at its file, line and field path (`work[2].startDate`); made
//! into the CV page by `assemble::cv`.
//!
//! A language's own file (`resume.en.json`, `cv.en.yaml`) is laid over the
//! default one field by field: objects key by key, lists entry by entry.

use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The file names a CV is found under, in the order the first wins.
pub const NAMES: [&str; 6] = [
    "resume.json",
    "cv.json",
    "resume.yaml",
    "resume.yml",
    "cv.yaml",
    "cv.yml",
];

/// A JSON Resume document. Unknown keys at the root are refused (the schema
/// forbids them); inside, they are kept out of the way (the schema allows them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Resume {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub basics: Basics,
    pub work: Vec<Work>,
    pub volunteer: Vec<Work>,
    pub education: Vec<Education>,
    pub awards: Vec<Award>,
    pub certificates: Vec<Certificate>,
    pub publications: Vec<Publication>,
    pub skills: Vec<Skill>,
    pub languages: Vec<Language>,
    pub interests: Vec<Skill>,
    pub references: Vec<Reference>,
    pub projects: Vec<Project>,
    pub meta: Meta,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Basics {
    pub name: String,
    pub label: String,
    pub image: String,
    pub email: String,
    pub phone: String,
    pub url: String,
    pub summary: String,
    pub location: Location,
    pub profiles: Vec<Profile>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Location {
    pub address: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub region: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub network: String,
    pub username: String,
    pub url: String,
}

/// A position held (`work`), or volunteering (`volunteer`, whose employer is its `organization`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Work {
    #[serde(alias = "organization")]
    pub name: String,
    pub location: String,
    pub description: String,
    pub position: String,
    pub url: String,
    #[serde(deserialize_with = "date_or_none")]
    pub start_date: Option<Date>,
    #[serde(deserialize_with = "date_or_none")]
    pub end_date: Option<Date>,
    pub summary: String,
    pub highlights: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Education {
    pub institution: String,
    pub url: String,
    pub area: String,
    pub study_type: String,
    #[serde(deserialize_with = "date_or_none")]
    pub start_date: Option<Date>,
    #[serde(deserialize_with = "date_or_none")]
    pub end_date: Option<Date>,
    pub score: String,
    pub courses: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Award {
    pub title: String,
    #[serde(deserialize_with = "date_or_none")]
    pub date: Option<Date>,
    pub awarder: String,
    pub summary: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Certificate {
    pub name: String,
    #[serde(deserialize_with = "date_or_none")]
    pub date: Option<Date>,
    pub url: String,
    pub issuer: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Publication {
    pub name: String,
    pub publisher: String,
    #[serde(deserialize_with = "date_or_none")]
    pub release_date: Option<Date>,
    pub url: String,
    pub summary: String,
}

/// A skill (`name`, `level`, `keywords`), or an interest (`name`, `keywords`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    pub name: String,
    pub level: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Language {
    pub language: String,
    pub fluency: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reference {
    pub name: String,
    pub reference: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Project {
    pub name: String,
    pub description: String,
    pub highlights: Vec<String>,
    pub keywords: Vec<String>,
    #[serde(deserialize_with = "date_or_none")]
    pub start_date: Option<Date>,
    #[serde(deserialize_with = "date_or_none")]
    pub end_date: Option<Date>,
    pub url: String,
    pub roles: Vec<String>,
    pub entity: String,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Meta {
    pub canonical: String,
    pub version: String,
    pub last_modified: String,
    /// The sections in the order to show them (`["work", "education"]`), when not the schema's.
    pub sections: Vec<String>,
}

/// A date at the precision written: `2021`, `2021-09` or `2021-09-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// `2021`, `2021-09` or `2021-09-15`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let number = |part: Option<&str>, len: usize| {
            part.filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u16>().ok())
        };
        let year = number(parts.next(), 4)?;
        let month = match parts.next() {
            None => {
                return Some(Date {
                    year,
                    month: None,
                    day: None,
                })
            }
            Some(m) => number(Some(m), 2).filter(|m| (1..=12).contains(m))? as u8,
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(number(Some(d), 2).filter(|d| (1..=days_in(year, month)).contains(d))? as u8),
        };
        parts.next().is_none().then_some(Date {
            year,
            month: Some(month),
            day,
        })
    }

    /// As written in the file (and in `<time datetime>`).
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Months since year 0, the month taken as January when not written.
    pub fn months(&self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month.unwrap_or(1)) - 1
    }
}

fn days_in(year: u16, month: u8) -> u16 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// An empty date (`"endDate": ""`, as many files say "still there") is no
/// date; a year may be a number (YAML reads `startDate: 2021` as one).
fn date_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = Option<Date>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Option<Date>, E> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            Date::parse(text).map(Some).ok_or_else(|| {
                E::custom(format!(
                    "`{text}` is not a date: write `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`2021-09`)"
                ))
            })
        }
        fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<Option<Date>, E> {
            self.visit_str(&year.to_string())
        }
        fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<Option<Date>, E> {
            self.visit_str(&year.to_string())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<Date>, E> {
            Ok(None)
        }
    }
    d.deserialize_any(Visitor)
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        date_or_none(d)?.ok_or_else(|| serde::de::Error::custom("an empty date"))
    }
}

/// The CV of each language the site is built in.
#[derive(Debug, Default)]
pub struct Cvs {
    /// The site's own language's, and its file.
    pub own: Option<(Resume, usize)>,
    /// Another language's (code → the CV laid over the own one, and its own file).
    pub others: Vec<(String, Resume, usize)>,
}

impl Cvs {
    /// The CV of a language (`None`: the site's own), and the file to name in its warnings.
    pub fn of(&self, code: Option<&str>) -> Option<(&Resume, usize)> {
        match code.and_then(|c| self.others.iter().find(|(o, _, _)| o == c)) {
            Some((_, resume, file)) => Some((resume, *file)),
            None => self.own.as_ref().map(|(r, f)| (r, *f)),
        }
    }
}

/// The CV files of the site, read: the first found of [`NAMES`] in `folders`
/// (the content folder first, then the data folders) is the CV, the others
/// are named in a warning; `resume.<code>.json` (each name with the
/// language's code) is a language's.
pub fn read(folders: &[PathBuf], codes: &[String], sources: &mut Sources, found: &mut Vec<Diagnostic>) -> Cvs {
    let mut cvs = Cvs::default();
    let Some((base, file)) = first(folders, None, sources, found) else {
        return cvs;
    };
    if let Some(warning) = not_a_resume(file, sources) {
        found.push(warning);
        return cvs;
    }
    // Typed first: its errors are the ones told.
    let Some(resume) = typed(file, sources, found) else {
        return cvs;
    };
    found.extend(date_order(&resume, file, sources));
    let Ok(base_value) = to_value(&base, file, sources) else {
        return cvs;
    };
    cvs.own = Some((resume, file));
    for code in codes {
        let Some((path, file)) = first(folders, Some(code), sources, found) else {
            continue;
        };
        let (Some(own), Ok(value)) = (typed(file, sources, found), to_value(&path, file, sources)) else {
            continue;
        };
        found.extend(date_order(&own, file, sources));
        let mut merged = base_value.clone();
        lay_over(&mut merged, value);
        match serde_json::from_value::<Resume>(merged) {
            Ok(resume) => cvs.others.push((code.clone(), resume, file)),
            Err(e) => found
                .push(Diagnostic::error(file, 0..0, "this CV does not fit over the default one").label(e.to_string())),
        }
    }
    cvs
}

/// The keys of a JSON Resume document's root that say it is one (`meta`
/// alone does not: themes' own CV data has one too).
const ROOT_KEYS: [&str; 13] = [
    "$schema",
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
];

/// A `cv.json` of another shape (a theme's own data, none of the schema's
/// keys at its root): left out with a warning, not read as a broken résumé.
fn not_a_resume(file: usize, sources: &Sources) -> Option<Diagnostic> {
    let (name, text) = (sources.name(file), sources.text(file));
    let value: Value = if is_yaml(name) {
        serde_norway::from_str(text).ok()?
    } else {
        serde_json::from_str(text).ok()?
    };
    let keys = value.as_object()?;
    if keys.is_empty() || keys.keys().any(|k| ROOT_KEYS.contains(&k.as_str())) {
        return None;
    }
    let some: Vec<String> = keys.keys().take(3).map(|k| format!("`{k}`")).collect();
    Some(
        Diagnostic::warning(file, 0..0, "not a JSON Resume file: no CV made from it")
            .label(format!("its keys ({}…) are none of the schema's", some.join(", ")))
            .hint("a CV page is made from JSON Resume's `basics`, `work`, `education`…: https://jsonresume.org/schema"),
    )
}

/// The first CV file of a language in `folders`, read into `sources`; the others named in a warning.
fn first(
    folders: &[PathBuf],
    code: Option<&str>,
    sources: &mut Sources,
    found: &mut Vec<Diagnostic>,
) -> Option<(PathBuf, usize)> {
    let named = |name: &str| match code {
        None => name.to_string(),
        Some(code) => match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.{code}.{ext}"),
            None => name.to_string(),
        },
    };
    let files: Vec<PathBuf> = folders
        .iter()
        .flat_map(|folder| NAMES.iter().map(move |name| folder.join(named(name))))
        .filter(|p| p.is_file())
        .collect();
    let chosen = files.first()?.clone();
    let text = match std::fs::read_to_string(&chosen) {
        Ok(text) => text,
        Err(e) => {
            let id = sources.add(chosen.display().to_string(), String::new());
            found.push(Diagnostic::error(id, 0..0, "the CV file cannot be read").label(e.to_string()));
            return None;
        }
    };
    let id = sources.add(chosen.display().to_string(), text);
    if files.len() > 1 {
        let others: Vec<String> = files[1..].iter().map(|p| format!("`{}`", p.display())).collect();
        found.push(
            Diagnostic::warning(id, 0..0, "several CV files: this one is used")
                .label(format!("left out: {}", others.join(", ")))
                .hint("keep one CV file (per language), or remove the others"),
        );
    }
    Some((chosen, id))
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// A file's text as a JSON value, for laying one language's over another's
/// (its errors are [`typed`]'s to tell).
fn to_value(path: &Path, file: usize, sources: &Sources) -> Result<Value, ()> {
    let text = sources.text(file);
    if is_yaml(&path.to_string_lossy()) {
        serde_norway::from_str(text).map_err(|_| ())
    } else {
        serde_json::from_str(text).map_err(|_| ())
    }
}

/// The file read as a [`Resume`]; its first error, at its line and field path, if any.
pub fn typed(file: usize, sources: &Sources, found: &mut Vec<Diagnostic>) -> Option<Resume> {
    let (name, text) = (sources.name(file), sources.text(file));
    let result = if is_yaml(name) {
        parse_yaml(text)
    } else {
        parse_json(text)
    };
    match result {
        Ok(resume) => Some(resume),
        Err(problem) => {
            found.push(problem.diagnostic(file, text));
            None
        }
    }
}

/// Why a CV file cannot be read: where, which field, what.
#[derive(Debug)]
pub struct Problem {
    /// 1-based line and column.
    pub line: usize,
    pub column: usize,
    /// The field's path (`work[2].startDate`), empty when the text does not parse.
    pub path: String,
    pub message: String,
}

impl Problem {
    fn diagnostic(&self, file: usize, text: &str) -> Diagnostic {
        let at = offset_of(text, self.line, self.column);
        let span = at..(at + 1).min(text.len()).max(at);
        if self.path.is_empty() {
            Diagnostic::error(file, span, "the CV file does not parse")
                .label(self.message.clone())
                .hint("JSON Resume: https://jsonresume.org/schema")
        } else {
            Diagnostic::error(file, span, format!("`{}`: {}", self.path, self.message))
                .label(format!("at `{}`", self.path))
                .hint("JSON Resume's fields: https://jsonresume.org/schema")
        }
    }
}

/// A JSON CV, typed; its error, if any.
pub fn parse_json(text: &str) -> Result<Resume, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let resume: Resume =
        serde_path_to_error::deserialize(&mut de).map_err(|e| json_problem(e.path().to_string(), e.inner()))?;
    de.end().map_err(|e| json_problem(String::new(), &e))?;
    Ok(resume)
}

fn json_problem(path: String, inner: &serde_json::Error) -> Problem {
    let syntax = !matches!(inner.classify(), serde_json::error::Category::Data);
    Problem {
        line: inner.line(),
        column: inner.column(),
        path: if syntax || path == "." { String::new() } else { path },
        message: strip_position(&inner.to_string()),
    }
}

/// A YAML CV, typed; its error, if any.
pub fn parse_yaml(text: &str) -> Result<Resume, Problem> {
    let de = serde_norway::Deserializer::from_str(text);
    let result: Result<Resume, _> = serde_path_to_error::deserialize(de);
    result.map_err(|e| {
        let path = e.path().to_string();
        let location = e.inner().location();
        Problem {
            line: location.as_ref().map_or(1, |l| l.line()),
            column: location.as_ref().map_or(1, |l| l.column()),
            path: if path == "." { String::new() } else { path },
            message: strip_position(&e.inner().to_string()),
        }
    })
}

/// serde_json's and serde_norway's messages without their own `at line 3 column 5`.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// Byte offset of a 1-based line and character column, clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let start = start.min(text.len());
    let line_text = text[start..].split('\n').next().unwrap_or_default();
    start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

/// `over` laid on `base`: objects key by key, lists entry by entry (a longer list's rest kept).
pub fn lay_over(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(slot) => lay_over(slot, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (Value::Array(base), Value::Array(over)) => {
            for (i, value) in over.into_iter().enumerate() {
                match base.get_mut(i) {
                    Some(slot) => lay_over(slot, value),
                    None => base.push(value),
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// An entry ending before it starts: a warning at its end date.
fn date_order(resume: &Resume, file: usize, sources: &Sources) -> Vec<Diagnostic> {
    let dated = |section: &'static str, entries: Vec<(Option<Date>, Option<Date>)>| {
        entries.into_iter().enumerate().map(move |(i, d)| (section, i, d))
    };
    let spans = |items: &[Work]| items.iter().map(|w| (w.start_date, w.end_date)).collect::<Vec<_>>();
    let all = dated("work", spans(&resume.work))
        .chain(dated("volunteer", spans(&resume.volunteer)))
        .chain(dated(
            "education",
            resume.education.iter().map(|e| (e.start_date, e.end_date)).collect(),
        ))
        .chain(dated(
            "projects",
            resume.projects.iter().map(|p| (p.start_date, p.end_date)).collect(),
        ));
    let text = sources.text(file);
    all.filter_map(|(section, i, (start, end))| {
        let (start, end) = (start?, end?);
        (end.months() < start.months() || (end.months() == start.months() && end < start)).then(|| {
            let (start, end) = (start.iso(), end.iso());
            let from = text.find(&start).unwrap_or(0);
            let at = text[from..].find(&end).map_or(0, |i| from + i);
            Diagnostic::warning(
                file,
                at..at + end.len(),
                format!("`{section}[{i}].endDate` is before its start"),
            )
            .label(format!("ends {end}, starts {start}"))
            .hint("swap the two dates, or correct one")
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_at_each_precision_and_nothing_else() {
        assert_eq!(Date::parse("2021").map(|d| d.iso()).as_deref(), Some("2021"));
        assert_eq!(Date::parse("2021-09").map(|d| d.iso()).as_deref(), Some("2021-09"));
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.iso()).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "21",
            "2021-9",
            "2021-13",
            "2023-02-29",
            "2021-09-15T10:00",
            "sept 2021",
            "2021-09-15-1",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_language_lays_its_fields_over_the_default() {
        let mut base = serde_json::json!({"basics": {"name": "Camille", "label": "Étudiante"}, "work": [{"name": "A", "position": "Cheffe"}, {"name": "B"}]});
        lay_over(
            &mut base,
            serde_json::json!({"basics": {"label": "Student"}, "work": [{"position": "Manager"}]}),
        );
        assert_eq!(base["basics"]["name"], "Camille");
        assert_eq!(base["basics"]["label"], "Student");
        assert_eq!(base["work"][0]["name"], "A");
        assert_eq!(base["work"][0]["position"], "Manager");
        assert_eq!(base["work"][1]["name"], "B");
    }
}
