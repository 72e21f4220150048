//! Dates as Hugo, Zola and Astro write them, normalised to `YYYY-MM-DD`.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

pub const ACCEPTED: &str = "accepted forms: `2020-03-02`, `2020-03-02 00:00:00`, `2020-03-02T00:00:00`, `2020-03-02T00:00:00+01:00`, `2020-03-02T00:00:00Z` or, as Astro's starters write them, `Mar 02 2020`";

/// The calendar date of `text` as written (no time zone conversion), or `None`.
pub fn parse(text: &str) -> Option<String> {
    const WITH_ZONE: [&str; 2] = ["%Y-%m-%d %H:%M:%S%.f %:z", "%Y-%m-%d %H:%M:%S%.f %z"];
    const WITHOUT_ZONE: [&str; 4] = [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ];
    let text = text.trim();
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(text).ok().map(|d| d.date_naive()))
        .or_else(|| {
            DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1))
                .ok()
                .map(|d| d.date_naive())
        })
        .or_else(|| {
            WITH_ZONE
                .iter()
                .find_map(|f| DateTime::parse_from_str(text, f).ok())
                .map(|d| d.date_naive())
        })
        .or_else(|| {
            WITHOUT_ZONE
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
                .map(|d| d.date())
        })
        .or_else(|| {
            // What JavaScript's `new Date()` reads (Astro's `z.coerce.date()`):
            // English month names, abbreviated or not.
            const ENGLISH: [&str; 7] = [
                "%b %d %Y",
                "%b %d, %Y",
                "%B %d %Y",
                "%B %d, %Y",
                "%d %b %Y",
                "%d %B %Y",
                "%a %b %d %Y",
            ];
            ENGLISH.iter().find_map(|f| NaiveDate::parse_from_str(text, f).ok())
        })?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// `2020-03-02-titre` → (`Some("2020-03-02")`, `titre`), as Zola and Jekyll read file names.
pub fn split_date_prefix(name: &str) -> (Option<String>, &str) {
    let bytes = name.as_bytes();
    let looks_dated = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && matches!(bytes[10], b'-' | b'_');
    if looks_dated {
        if let Some(date) = crate::compiler::model::dates::parse(&name[..10]) {
            return (Some(date), &name[11..]);
        }
    }
    (None, name)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn accepts_the_forms_of_each_dialect() {
        for text in [
            "2020-03-02",
            "2020-03-02 00:00:00",
            "2020-03-02T10:30:00",
            "2020-03-02T10:30:00Z",
            "2020-03-02T23:30:00+01:00",
            "2020-03-02T10:30:00.123Z",
            "2020-03-02 10:30:00 +01:00",
            "Mar 02 2020",
            "March 2, 2020",
            "2 Mar 2020",
            "Mon Mar 02 2020",
        ] {
            assert_eq!(parse(text).as_deref(), Some("2020-03-02"), "{text}");
        }
    }

    #[test]
    fn rejects_other_forms() {
        for text in ["02/03/2020", "2020-13-01", "mars 2020", "2020-03-02 25:00:00", ""] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
