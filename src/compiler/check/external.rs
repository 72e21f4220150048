//! `vitrine check --external`: every link to another site, checked once
//! (HEAD, then GET when HEAD is refused), a few at a time and at most two per
//! host, each within 10 s; the dead ones (404, 410, no such host, no answer,
//! a certificate refused, a redirect loop) named where they are written, as
//! warnings. Servers' answers are kept a day, so a second check asks them
//! nothing again; hosts that could not be reached are asked again.

use crate::compiler::model::diagnostics::{Diagnostic, Sources};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Longest wait for one address, redirects included.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Addresses asked at once, and at most per host.
const AT_ONCE: usize = 8;
const PER_HOST: usize = 2;
/// How long an answer is kept.
const KEPT: u64 = 24 * 60 * 60;

/// A link to another site, where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub url: String,
    pub file: usize,
    pub span: Range<usize>,
}

/// What the author asks: hosts not to ask (`linkedin.com` and its
/// subdomains), and the site's own host (not live yet, maybe).
pub struct Ask<'a> {
    pub skip: &'a [String],
    pub own: Option<&'a str>,
    /// The answers kept between checks (`target/vitrine-links.json`).
    pub cache: &'a Path,
}

/// Every `http(s)://` link of the pages (Markdown links, images and
/// autolinks in their text, addresses in their front matter) and of the
/// settings files read.
pub fn links(sources: &Sources) -> Vec<Link> {
    let mut out = Vec::new();
    for file in 0..sources.len() {
        let (name, text) = (sources.name(file), sources.text(file));
        let markdown = [".md", ".markdown", ".mdx"].iter().any(|e| name.ends_with(e));
        let body = if markdown { front_matter_end(text) } else { text.len() };
        out.extend(written(&text[..body]).map(|(url, span)| Link { url, file, span }));
        if markdown {
            out.extend(in_markdown(&text[body..]).map(|(url, span)| Link {
                url,
                file,
                span: body + span.start..body + span.end,
            }));
        }
    }
    out
}

/// Where the page's text starts: after the closing `---` or `+++`, if any.
fn front_matter_end(text: &str) -> usize {
    let fence = match text.trim_start_matches('\u{feff}').get(..3) {
        Some(f @ ("---" | "+++")) => f,
        _ => return 0,
    };
    let open = text.find(fence).unwrap_or(0) + 3;
    text[open..]
        .match_indices(&format!("\n{fence}"))
        .next()
        .map_or(0, |(at, _)| open + at + 4)
}

/// Addresses as written in settings and front matter: `https://…` up to a
/// space, a quote or a bracket.
fn written(text: &str) -> impl Iterator<Item = (String, Range<usize>)> + '_ {
    text.match_indices("http")
        .filter(|(at, _)| text[*at..].starts_with("https://") || text[*at..].starts_with("http://"))
        .map(move |(at, _)| {
            let end = text[at..]
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | ')' | ']' | ',' | '`'))
                .map_or(text.len(), |e| at + e);
            (text[at..end].to_string(), at..end)
        })
}

/// The links and images of Markdown text that lead to other sites.
fn in_markdown(text: &str) -> impl Iterator<Item = (String, Range<usize>)> + '_ {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(text, Options::all())
        .into_offset_iter()
        .filter_map(|(event, span)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), span))
            }
            _ => None,
        })
        .filter(|(url, _)| url.starts_with("https://") || url.starts_with("http://"))
}

/// Each dead link, at each place it is written, as a warning; malformed
/// addresses too. Each address is asked once.
pub fn check(links: &[Link], ask: &Ask) -> Vec<Diagnostic> {
    let mut parsed: BTreeMap<String, Option<url::Url>> = BTreeMap::new();
    for link in links {
        parsed
            .entry(link.url.clone())
            .or_insert_with(|| url::Url::parse(&link.url).ok());
    }
    let skipped = |u: &url::Url| {
        let host = u.host_str().unwrap_or_default();
        let under = |h: &str| host == h || host.ends_with(&format!(".{h}"));
        ask.skip.iter().any(|h| under(h.trim_start_matches("www."))) || ask.own.is_some_and(under)
    };
    let mut cache = Cache::read(ask.cache);
    let to_ask: Vec<url::Url> = parsed
        .values()
        .flatten()
        .filter(|u| !skipped(u) && cache.get(u.as_str()).is_none())
        .cloned()
        .collect();
    for (url, verdict) in ask_all(to_ask) {
        cache.put(url, verdict);
    }
    cache.write(ask.cache);
    // Read from here on, not kept: a host that did not answer today is asked again next time.
    links
        .iter()
        .filter_map(|link| match &parsed[&link.url] {
            None => Some(
                Diagnostic::warning(link.file, link.span.clone(), "malformed address")
                    .label(format!("`{}` cannot be read as a web address", link.url))
                    .hint("write spaces as `%20`; check the host name"),
            ),
            Some(u) if skipped(u) => None,
            Some(u) => cache.get(u.as_str()).flatten().map(|dead| {
                Diagnostic::warning(link.file, link.span.clone(), "dead link to another site")
                    .label(format!("`{}`: {dead}", link.url))
                    .hint("fix or remove the link; a host that refuses robots goes in site.toml's `[external] skip`")
            }),
        })
        .collect()
}

/// Asks every address, [`AT_ONCE`] at a time and at most [`PER_HOST`] per
/// host: each host's addresses dealt into that many lanes, each lane asked in
/// turn by the next free worker.
fn ask_all(urls: Vec<url::Url>) -> Vec<(String, Option<String>)> {
    let mut by_host: BTreeMap<String, Vec<url::Url>> = BTreeMap::new();
    for u in urls {
        by_host
            .entry(u.host_str().unwrap_or_default().to_string())
            .or_default()
            .push(u);
    }
    let mut lanes: Vec<Vec<url::Url>> = Vec::new();
    for (_, urls) in by_host {
        let mut host_lanes: Vec<Vec<url::Url>> = vec![Vec::new(); PER_HOST.min(urls.len())];
        for (i, u) in urls.into_iter().enumerate() {
            host_lanes[i % PER_HOST].push(u);
        }
        lanes.extend(host_lanes);
    }
    let queue = std::sync::Mutex::new(lanes);
    // The lock is let go before the lane is asked: the closure's guard ends with it.
    let next = || queue.lock().ok().and_then(|mut q| q.pop());
    let answers = std::sync::Mutex::new(Vec::new());
    let agent = agent();
    std::thread::scope(|scope| {
        for _ in 0..AT_ONCE {
            scope.spawn(|| {
                while let Some(lane) = next() {
                    for u in lane {
                        let verdict = dead(&agent, &u);
                        if let Ok(mut a) = answers.lock() {
                            a.push((u.to_string(), verdict));
                        }
                    }
                }
            });
        }
    });
    answers.into_inner().unwrap_or_default()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(10)
        .max_redirects_will_error(true)
        .user_agent(concat!("vitrine-link-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent()
}

/// Why the address is dead, or `None` when it answers.
fn dead(agent: &ureq::Agent, u: &url::Url) -> Option<String> {
    let status = match agent.head(u.as_str()).call() {
        Ok(r) if r.status().as_u16() < 400 => return None,
        // Refused to HEAD (405, 403, 501…), or a server that answers HEAD wrongly: asked with GET.
        Ok(_) => agent.get(u.as_str()).call().map(|r| r.status().as_u16()),
        Err(e) => Err(e),
    };
    match status {
        Ok(404) => Some("not found (404)".into()),
        Ok(410) => Some("gone (410)".into()),
        Ok(_) => None,
        Err(e) => Some(why(&e)),
    }
}

/// How [`why`] begins when no server answered.
const UNREACHED: [&str; 3] = ["no answer", "no such host", "cannot connect"];

/// A failed request in words.
fn why(e: &ureq::Error) -> String {
    let text = e.to_string();
    match e {
        ureq::Error::Timeout(_) => format!("no answer within {} s", TIMEOUT.as_secs()),
        ureq::Error::HostNotFound => "no such host (DNS)".into(),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => "a redirect loop".into(),
        _ if text.contains("failed to lookup") || text.contains("Name or service not known") => {
            "no such host (DNS)".into()
        }
        _ if text.to_lowercase().contains("certificate") => format!("certificate refused: {text}"),
        _ => format!("cannot connect: {text}"),
    }
}

/// Answers by address, with when they were given (seconds since 1970).
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Cache {
    answers: HashMap<String, (u64, Option<String>)>,
    #[serde(skip)]
    now: u64,
}

impl Cache {
    fn read(path: &Path) -> Cache {
        let mut cache: Cache = std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        cache.now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let now = cache.now;
        cache.answers.retain(|_, (at, _)| now.saturating_sub(*at) < KEPT);
        cache
    }

    /// The answer kept for `url`: `Some(None)` alive, `Some(Some(why))` dead.
    fn get(&self, url: &str) -> Option<Option<&str>> {
        self.answers.get(url).map(|(_, dead)| dead.as_deref())
    }

    fn put(&mut self, url: String, dead: Option<String>) {
        self.answers.insert(url, (self.now, dead));
    }

    /// Kept for the next check: the answers a server gave, not the failures
    /// to reach one (offline, a host down for the night), which are asked again.
    /// A cache that cannot be written only costs time.
    fn write(&self, path: &Path) {
        let unreached = |dead: &Option<String>| {
            dead.as_deref()
                .is_some_and(|d| UNREACHED.iter().any(|u| d.starts_with(u)))
        };
        let kept = Cache {
            answers: self
                .answers
                .iter()
                .filter(|(_, (_, dead))| !unreached(dead))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            now: self.now,
        };
        if let (Some(dir), Ok(bytes)) = (path.parent(), serde_json::to_vec(&kept)) {
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(path, bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_front_matter_text_and_settings_where_written() {
        let mut sources = Sources::default();
        let page = "---\ntitle: X\ngithub: \"https://github.com/x/y\"\n---\nVoir [le site](https://example.org/a) et ![i](http://img.example/i.png), <https://auto.example>, [ici](/projets/x).\n";
        sources.add("content/projets/x.md".into(), page.into());
        sources.add(
            "content/site.toml".into(),
            "[links]\ngithub = \"https://github.com/me\"\n".into(),
        );
        let found = links(&sources);
        let urls: Vec<(&str, &str)> = found
            .iter()
            .map(|l| (l.url.as_str(), &sources.text(l.file)[l.span.clone()]))
            .collect();
        assert_eq!(urls[0], ("https://github.com/x/y", "https://github.com/x/y"));
        assert_eq!(urls[1].0, "https://example.org/a");
        assert!(urls[1].1.starts_with("[le site]"));
        assert_eq!(urls[2].0, "http://img.example/i.png");
        assert_eq!(urls[3].0, "https://auto.example");
        assert_eq!(urls[4], ("https://github.com/me", "https://github.com/me"));
        assert_eq!(urls.len(), 5, "{urls:?}");
    }

    #[test]
    fn spaces_and_idn_hosts() {
        assert_eq!(
            url::Url::parse("https://exämple.org/a").unwrap().host_str(),
            Some("xn--exmple-cua.org")
        );
        assert!(url::Url::parse("https://exa mple.org/").is_err());
    }
}
