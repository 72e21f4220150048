//! Jekyll's permalinks: the pattern a page's address follows (its own `permalink`, its collection's, the
//! site's, or Jekyll's default) and that pattern (`date`, `pretty`, `/:year/:title/`…) filled in for one page.

/// What a permalink is made from.
pub struct PermalinkParts<'a> {
    /// `posts`, a collection's name, or `pages`.
    pub collection: &'a str,
    /// `YYYY-MM-DD`, optionally followed by ` HH:MM:SS` (or `T`); anything else counts as no date.
    pub date: Option<&'a str>,
    /// Front matter `slug`, else the file name without date and extension.
    pub slug: &'a str,
    /// Jekyll's `:title`: the file name's title part (or front matter `slug`); empty → `slug`.
    pub title: &'a str,
    pub categories: &'a [String],
    /// The site-relative path without extension, e.g. `_projects/web/glpi`. `:path` is the part inside the
    /// collection's folder (`web/glpi`), or for pages the folder (`about` for `about/team`), as in Jekyll.
    pub path: &'a str,
}

const STYLES: &[(&str, &str)] = &[
    ("date", "/:categories/:year/:month/:day/:title:output_ext"),
    ("pretty", "/:categories/:year/:month/:day/:title/"),
    ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
    ("weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext"),
    ("none", "/:categories/:title:output_ext"),
];

/// The pattern of a built-in style name (an empty pattern is `date`), else `None`.
fn style_template(pattern: &str) -> Option<&'static str> {
    let name = if pattern.is_empty() { "date" } else { pattern };
    STYLES
        .iter()
        .find(|(style, _)| *style == name)
        .map(|(_, template)| *template)
}

/// The pattern Jekyll uses for a file when its front matter has no `permalink`: the collection's own, else the
/// site-wide style for posts, `/:path/:basename` (or `/:path/` for an index) for pages, `/:collection/:path`
/// for other collections, each with the style's ending.
pub fn pattern_for(site: Option<&str>, collection: &str, collection_permalink: Option<&str>, index: bool) -> String {
    if let Some(own) = collection_permalink.map(str::trim).filter(|p| !p.is_empty()) {
        return own.to_string();
    }
    let style = site.map(str::trim).filter(|s| !s.is_empty()).unwrap_or("date");
    let template = style_template(style).unwrap_or(style);
    let suffix = if template.ends_with('/') {
        "/"
    } else if template.ends_with(":output_ext") {
        ":output_ext"
    } else {
        ""
    };
    match collection {
        "posts" => style.to_string(),
        "pages" if index => "/:path/".to_string(),
        "pages" => format!("/:path/:basename{suffix}"),
        _ => format!("/:collection/:path{suffix}"),
    }
}

/// Jekyll's permalink for a file: `pattern` is a built-in style name or a pattern with placeholders.
/// `:output_ext` is empty (Vitrine makes clean URLs). Double slashes and `.`/`..` segments go; a trailing slash
/// stays if the pattern has one. The result starts with `/` and is not percent-encoded.
pub fn permalink(pattern: &str, parts: &PermalinkParts) -> String {
    let pattern = pattern.trim();
    let template = style_template(pattern).unwrap_or(pattern);
    let values = Values::new(parts);
    let mut out = String::new();
    let mut rest = template;
    while let Some(colon) = rest.find(':') {
        out.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        match PLACEHOLDERS
            .iter()
            .filter(|name| after.starts_with(**name))
            .max_by_key(|name| name.len())
        {
            Some(name) => {
                out.push_str(&values.get(name));
                rest = &after[name.len()..];
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let segments: Vec<&str> = out
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .collect();
    let mut url = format!("/{}", segments.join("/"));
    if template.ends_with('/') && url.len() > 1 {
        url.push('/');
    }
    url
}

const PLACEHOLDERS: &[&str] = &[
    "year",
    "month",
    "day",
    "i_month",
    "i_day",
    "short_year",
    "hour",
    "minute",
    "second",
    "y_day",
    "week",
    "w_year",
    "w_day",
    "short_day",
    "long_day",
    "short_month",
    "long_month",
    "title",
    "slug",
    "name",
    "basename",
    "categories",
    "collection",
    "path",
    "output_ext",
];

const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
/// A date and time as written in front matter or a file name.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Date {
    year: i64,
    month: u32,
    day: u32,
    time: [u32; 3],
}

/// Reads `YYYY-MM-DD` with an optional ` HH:MM[:SS]` or `THH:MM[:SS]`.
fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.trim().as_bytes();
    let mut pos = 0;
    let year = number(bytes, &mut pos, 4).filter(|_| pos == 4)?;
    let month = expect(bytes, &mut pos, b'-').and_then(|_| number(bytes, &mut pos, 2))?;
    let day = expect(bytes, &mut pos, b'-').and_then(|_| number(bytes, &mut pos, 2))?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut time = [0; 3];
    if matches!(bytes.get(pos), Some(b'T' | b't' | b' ')) {
        pos += 1;
        for (k, slot) in time.iter_mut().enumerate() {
            if k > 0 && expect(bytes, &mut pos, b':').is_none() {
                break;
            }
            match number(bytes, &mut pos, 2) {
                Some(value) => *slot = value,
                None => break,
            }
        }
    }
    let time_ok = time[0] < 24 && time[1] < 60 && time[2] <= 60;
    time_ok.then_some(Date {
        year: i64::from(year),
        month,
        day,
        time,
    })
}

/// Up to `max` ASCII digits (at least one).
fn number(bytes: &[u8], pos: &mut usize, max: usize) -> Option<u32> {
    let start = *pos;
    let mut value = 0u32;
    while *pos < bytes.len() && *pos - start < max && bytes[*pos].is_ascii_digit() {
        value = value * 10 + u32::from(bytes[*pos] - b'0');
        *pos += 1;
    }
    (*pos > start).then_some(value)
}

fn expect(bytes: &[u8], pos: &mut usize, byte: u8) -> Option<()> {
    (bytes.get(*pos) == Some(&byte)).then(|| *pos += 1)
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Date {
    /// 0 = Sunday.
    fn weekday(&self) -> usize {
        (days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7) as usize
    }

    fn year_day(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) - days_from_civil(self.year, 1, 1) + 1
    }

    /// ISO 8601 week-numbering year and week.
    fn iso_week(&self) -> (i64, i64) {
        let iso_day = match self.weekday() {
            0 => 7,
            d => d as i64,
        };
        let week = (self.year_day() - iso_day + 10) / 7;
        if week < 1 {
            (self.year - 1, weeks_in(self.year - 1))
        } else if week > weeks_in(self.year) {
            (self.year + 1, 1)
        } else {
            (self.year, week)
        }
    }
}

/// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
fn weeks_in(year: i64) -> i64 {
    let jan1 = (days_from_civil(year, 1, 1) + 4).rem_euclid(7);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if jan1 == 4 || (leap && jan1 == 3) {
        53
    } else {
        52
    }
}

/// The placeholder values of one file.
struct Values<'a> {
    parts: &'a PermalinkParts<'a>,
    date: Option<Date>,
    inner: &'a str,
    basename: &'a str,
    slug: &'a str,
}

impl<'a> Values<'a> {
    fn new(parts: &'a PermalinkParts<'a>) -> Self {
        let path = parts.path.trim_matches('/');
        let basename = path.rsplit('/').next().unwrap_or("");
        let inner = if parts.collection == "pages" {
            path.rsplit_once('/').map_or("", |(dir, _)| dir)
        } else {
            inside_collection(path, parts.collection)
        };
        let slug = if parts.slug.trim().is_empty() {
            strip_date(basename)
        } else {
            parts.slug
        };
        let basename = if parts.collection == "pages" && basename == "index" {
            ""
        } else {
            basename
        };
        Values {
            parts,
            date: parts.date.and_then(parse_date),
            inner,
            basename,
            slug,
        }
    }

    fn get(&self, name: &str) -> String {
        match name {
            "title" => {
                let title = if self.parts.title.trim().is_empty() {
                    self.slug
                } else {
                    self.parts.title
                };
                slugify(title, true)
            }
            "slug" => slugify(self.slug, false),
            "name" => slugify(self.basename, false),
            "basename" => self.basename.to_string(),
            "categories" => categories(self.parts.categories),
            "collection" if self.parts.collection != "pages" => self.parts.collection.to_string(),
            "path" => self.inner.to_string(),
            _ => self.date.map(|date| date_value(&date, name)).unwrap_or_default(),
        }
    }
}

fn date_value(date: &Date, name: &str) -> String {
    let month = crate::text::EN
        .months
        .get(date.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    let day = DAYS.get(date.weekday()).copied().unwrap_or("");
    let (w_year, week) = date.iso_week();
    match name {
        "year" => format!("{:04}", date.year),
        "month" => format!("{:02}", date.month),
        "day" => format!("{:02}", date.day),
        "i_month" => date.month.to_string(),
        "i_day" => date.day.to_string(),
        "short_year" => format!("{:02}", date.year.rem_euclid(100)),
        "hour" => format!("{:02}", date.time[0]),
        "minute" => format!("{:02}", date.time[1]),
        "second" => format!("{:02}", date.time[2]),
        "y_day" => format!("{:03}", date.year_day()),
        "week" => format!("{week:02}"),
        "w_year" => w_year.to_string(),
        "w_day" => (if date.weekday() == 0 { 7 } else { date.weekday() }).to_string(),
        "short_day" => day.chars().take(3).collect(),
        "long_day" => day.to_string(),
        "short_month" => month.chars().take(3).collect(),
        "long_month" => month.to_string(),
        _ => String::new(),
    }
}

/// The part of `path` after the `_<collection>` folder (the path as is if there is none).
fn inside_collection<'p>(path: &'p str, collection: &str) -> &'p str {
    let folder = format!("_{collection}");
    let mut start = 0;
    for part in path.split('/') {
        start += part.len() + 1;
        if part == folder {
            return path.get(start..).unwrap_or("");
        }
    }
    path
}

/// `2021-04-11-name` → `name`.
pub(super) fn strip_date(stem: &str) -> &str {
    let bytes = stem.as_bytes();
    let dated = bytes.len() > 11
        && bytes.iter().take(10).enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    if dated {
        stem.get(11..).unwrap_or(stem)
    } else {
        stem
    }
}

/// Jekyll's `slugify`: `pretty` keeps case and `._~!$&'()+,;=@`; otherwise lowercase alphanumerics and dashes.
fn slugify(text: &str, pretty: bool) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() || (pretty && "._~!$&'()+,;=@".contains(c)) {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if pretty {
        out
    } else {
        out.to_lowercase()
    }
}

/// Lowercase, without duplicates, joined by `/`.
fn categories(list: &[String]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for category in list {
        let category = category.trim().to_lowercase();
        if !category.is_empty() && !seen.contains(&category) {
            seen.push(category);
        }
    }
    seen.join("/")
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn parts<'a>(
        collection: &'a str,
        date: Option<&'a str>,
        path: &'a str,
        cats: &'a [String],
    ) -> PermalinkParts<'a> {
        PermalinkParts {
            collection,
            date,
            slug: "",
            title: "",
            categories: cats,
            path,
        }
    }

    #[test]
    fn builds_permalinks() {
        let cats = ["Web".to_string(), "DevOps".to_string(), "web".to_string()];
        let date = Some("2021-04-11 09:05:03 +0200");
        let post = parts("posts", date, "_posts/2021-04-11-installer-glpi", &cats);
        assert_eq!(permalink("date", &post), "/web/devops/2021/04/11/installer-glpi");
        assert_eq!(permalink("", &post), "/web/devops/2021/04/11/installer-glpi");
        assert_eq!(permalink("pretty", &post), "/web/devops/2021/04/11/installer-glpi/");
        assert_eq!(permalink("ordinal", &post), "/web/devops/2021/101/installer-glpi");
        assert_eq!(permalink("weekdate", &post), "/web/devops/2021/W14/Sun/installer-glpi");
        assert_eq!(permalink("none", &post), "/web/devops/installer-glpi");
        let pattern = "/:short_year/:i_month/:i_day/:hour:minute:second/:name:output_ext";
        assert_eq!(permalink(pattern, &post), "/21/4/11/090503/2021-04-11-installer-glpi");
        let uncategorised = parts("posts", Some("2021-01-03"), "_posts/2021-01-03-bonne-annee", &[]);
        assert_eq!(
            permalink("/blog/:categories/:w_year-W:week/:title/", &uncategorised),
            "/blog/2020-W53/bonne-annee/"
        );
        let project = parts("projects", None, "_projects/web/glpi", &[]);
        assert_eq!(permalink("/projets/:path/", &project), "/projets/web/glpi/");
        assert_eq!(permalink("/:collection/:name", &project), "/projects/glpi");
        let titled = PermalinkParts {
            slug: "Mon Slug",
            title: "Mon Titre, v2.0",
            ..parts("posts", None, "x", &[])
        };
        assert_eq!(permalink("/:title/:slug/", &titled), "/Mon-Titre,-v2.0/mon-slug/");
        let evil = ["../..".to_string()];
        assert_eq!(
            permalink(
                "/:categories//./:title:output_ext",
                &parts("posts", None, "_posts/a", &evil)
            ),
            "/a"
        );
    }

    #[test]
    fn chooses_jekyll_default_patterns() {
        assert_eq!(pattern_for(None, "posts", None, false), "date");
        assert_eq!(pattern_for(Some("pretty"), "pages", None, false), "/:path/:basename/");
        assert_eq!(
            pattern_for(Some("/:title:output_ext"), "talks", None, false),
            "/:collection/:path:output_ext"
        );
        assert_eq!(
            pattern_for(Some("pretty"), "projects", Some("/projets/:path/"), false),
            "/projets/:path/"
        );
        let page = parts("pages", None, "a-propos/equipe", &[]);
        assert_eq!(
            permalink(&pattern_for(Some("pretty"), "pages", None, false), &page),
            "/a-propos/equipe/"
        );
        let index = parts("pages", None, "a-propos/index", &[]);
        assert_eq!(permalink(&pattern_for(None, "pages", None, true), &index), "/a-propos/");
        assert_eq!(
            permalink("/:path/:basename:output_ext", &parts("pages", None, "index", &[])),
            "/"
        );
    }
}
