//! Search across the portfolio: word normalisation (case, accents, ligatures,
//! French apostrophes), the index the compiler writes, and the ranking the app
//! runs on every keystroke. Compiled by both, so they cannot disagree.

use serde::{Deserialize, Serialize};

pub mod shards;

/// File name of the index before `vitrine prerender` gives it a hashed name.
pub const SEARCH_FILE: &str = "search.json";

/// Where a word was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title = 0,
    Heading = 1,
    Tag = 2,
    Body = 3,
}

impl Field {
    const ALL: [Field; 4] = [Field::Title, Field::Heading, Field::Tag, Field::Body];

    /// Title beats heading beats tag beats body, whatever the number of matches.
    fn weight(self) -> u32 {
        match self {
            Field::Title => 1000,
            Field::Heading => 100,
            Field::Tag => 10,
            Field::Body => 1,
        }
    }
}

/// An inverted index: every normalised word, with the documents and fields it occurs in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Document routes, by number.
    pub docs: Vec<String>,
    /// Normalised words, sorted.
    pub words: Vec<String>,
    /// For `words[i]`: `doc * 4 + field`, sorted. In the file each list holds the
    /// gaps between successive entries (smaller numbers, a smaller file): see
    /// [`SearchIndex::to_gaps`] and [`SearchIndex::from_gaps`].
    pub postings: Vec<Vec<u32>>,
    /// What a result shows of each document: title, section label, and the
    /// start of its text (for snippets), so search needs no other file.
    #[serde(default)]
    pub shown: Vec<Shown>,
}

/// The part of a document a search result shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub title: String,
    pub section: String,
    pub text: String,
}

/// Characters of each page's text kept for snippets.
pub const SHOWN_TEXT: usize = 400;

impl SearchIndex {
    /// Postings as gaps, as written to the file.
    pub fn to_gaps(mut self) -> SearchIndex {
        for list in &mut self.postings {
            for i in (1..list.len()).rev() {
                list[i] -= list[i - 1];
            }
        }
        self
    }

    /// Postings back from gaps, as read from the file.
    pub fn from_gaps(mut self) -> SearchIndex {
        for list in &mut self.postings {
            for i in 1..list.len() {
                list[i] += list[i - 1];
            }
        }
        self
    }
}

/// What the compiler indexes for one page.
pub struct Document<'a> {
    pub route: &'a str,
    pub title: &'a str,
    pub headings: Vec<&'a str>,
    pub tags: Vec<&'a str>,
    pub body: String,
}

/// Lower case, accents folded, ligatures spelled out: `Œuvre Développée` → `oeuvre developpee`.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    push_normalized(&mut out, text);
    out
}

/// [`normalize`]`(text)` appended to `out`: runs of ASCII copied whole and
/// lowered, the characters between them folded one by one.
fn push_normalized(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| b >= 0x80).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => out.push('a'),
            'æ' | 'Æ' => out.push_str("ae"),
            'ç' | 'Ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ñ' | 'Ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => out.push('o'),
            'œ' | 'Œ' => out.push_str("oe"),
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The text of an HTML fragment, normalised (see [`normalize`]), tags and
/// entities each read as a space: the same words as `normalize(&plain_text(html))`
/// in one pass and one copy, for the index.
pub fn normalized_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for (i, piece) in html.split('<').enumerate() {
        let mut text = match i {
            0 => piece,
            _ => match piece.find('>') {
                Some(end) => &piece[end + 1..],
                None => continue,
            },
        };
        out.push(' ');
        // Every entity [`plain_text`] decodes is a space or a mark between words.
        while let Some(amp) = text.find('&') {
            push_normalized(&mut out, &text[..amp]);
            out.push(' ');
            let len = ENTITIES
                .iter()
                .find(|(name, _)| text[amp..].starts_with(name))
                .map_or(1, |(name, _)| name.len());
            text = &text[amp + len..];
        }
        push_normalized(&mut out, text);
    }
    out
}

/// The first `chars` characters of [`plain_text`]`(html)`, reading only the
/// start of `html` when that is enough (a snippet of a long page).
pub fn plain_text_start(html: &str, chars: usize) -> String {
    // A few characters more, so none of the first ones is a space the end trims.
    let text = text_of(html, chars + 16);
    let end = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
    text[..end].to_string()
}

/// Normalised words of at least two letters; apostrophes split (`l'autonomie` → `autonomie`).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(&normalize(text), |w| out.push(w.to_string()));
    out
}

/// Each run of letters and digits of two characters or more in `text`, in
/// one pass: ASCII bytes (most of normalised text) in tight loops, other
/// characters decoded.
fn each_word<'a>(text: &'a str, mut found: impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    // Whether the character at `i` is a letter or digit, and its length.
    let at = |i: usize| match bytes[i] {
        b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    };
    let mut i = 0;
    while i < bytes.len() {
        // Up to the next word…
        let (word, width) = at(i);
        if !word {
            i += width;
            continue;
        }
        let start = i;
        i += width;
        // …and to its end: ASCII letters and digits skipped at once.
        loop {
            i += bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if i >= bytes.len() || bytes[i] < 0x80 {
                break;
            }
            match at(i) {
                (true, width) => i += width,
                (false, _) => break,
            }
        }
        // Two characters or more: the first is not the whole word.
        if i - start > width {
            found(&text[start..i]);
        }
    }
}

/// The text of an HTML fragment, tags removed and common entities decoded,
/// white space collapsed to single spaces.
pub fn plain_text(html: &str) -> String {
    text_of(html, usize::MAX)
}

/// [`plain_text`], read only until it holds more than `enough` characters.
fn text_of(html: &str, enough: usize) -> String {
    let mut out = String::with_capacity(html.len().min(enough.saturating_mul(2)));
    // Whether `out` ends with a space (or is empty): no second one then.
    let mut space = true;
    let mut count = 0;
    for (i, piece) in html.split('<').enumerate() {
        let before = out.len();
        // Every piece but the first starts inside a tag, which reads as a space.
        let text = match i {
            0 => piece,
            _ => match piece.find('>') {
                Some(end) => {
                    push_space(&mut out, &mut space);
                    &piece[end + 1..]
                }
                None => continue,
            },
        };
        push_text(&mut out, text, &mut space);
        if enough < usize::MAX {
            count += out[before..].chars().count();
            if count > enough {
                break;
            }
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Text between tags into `out`: runs of ordinary characters copied whole,
/// white space collapsed, entities decoded (one pass, no per-word split).
fn push_text(out: &mut String, text: &str, space: &mut bool) {
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        // `char::is_whitespace` on ASCII: tab to carriage return, and space.
        let ascii_space = matches!(b, b'\t'..=b'\r' | b' ');
        let width = match b {
            b'&' => 0,
            _ if ascii_space => 1,
            0x80.. => match text[i..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            },
            _ => {
                i += 1;
                continue;
            }
        };
        if run < i {
            out.push_str(&text[run..i]);
            *space = false;
        }
        if width > 0 {
            push_space(out, space);
            i += width;
        } else {
            i += push_entity(out, &text[i..], space);
        }
        run = i;
    }
    if run < bytes.len() {
        out.push_str(&text[run..]);
        *space = false;
    }
}

fn push_space(out: &mut String, space: &mut bool) {
    if !*space {
        out.push(' ');
        *space = true;
    }
}

/// The entity `text` starts with (`&amp;`…) decoded into `out`, or a lone
/// `&`; returns the bytes read.
/// The entities [`plain_text`] decodes.
const ENTITIES: [(&str, char); 6] = [
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
    ("&nbsp;", ' '),
    ("&amp;", '&'),
];

fn push_entity(out: &mut String, text: &str, space: &mut bool) -> usize {
    let (decoded, len) = ENTITIES
        .iter()
        .find(|(name, _)| text.starts_with(name))
        .map_or(('&', 1), |(name, c)| (*c, name.len()));
    if decoded == ' ' {
        push_space(out, space);
    } else {
        out.push(decoded);
        *space = false;
    }
    len
}

/// The index as it is built: each word and the `doc * 4 + field` codes it
/// occurs in, in order. Documents are added in order, fields in order, so
/// each list stays sorted, and a repeat in one field is its list's last code.
#[derive(Debug, Default)]
pub struct Postings(rustc_hash::FxHashMap<String, Vec<u32>>);

impl Postings {
    /// The words of one field of document `doc`, from normalised text (see [`normalize`]).
    pub fn add(&mut self, doc: u32, field: Field, normalized: &str) {
        let code = doc * 4 + field as u32;
        each_word(normalized, |word| match self.0.get_mut(word) {
            Some(list) if list.last() == Some(&code) => {}
            Some(list) => list.push(code),
            None => {
                self.0.insert(word.to_string(), vec![code]);
            }
        });
    }

    /// One page: its title, headings, tags, and its body read from its HTML ([`normalized_text`]).
    pub fn add_page(&mut self, doc: u32, title: &str, headings: &[&str], tags: &[&str], html: &str) {
        self.add_labels(doc, title, headings, tags);
        self.add(doc, Field::Body, &normalized_text(html));
    }

    /// A document's fields but its body.
    fn add_labels(&mut self, doc: u32, title: &str, headings: &[&str], tags: &[&str]) {
        self.add(doc, Field::Title, &normalize(title));
        self.add(doc, Field::Heading, &normalize(&headings.join(" ")));
        self.add(doc, Field::Tag, &normalize(&tags.join(" ")));
    }

    /// These postings, then `later`'s, whose documents all come after these.
    pub fn then(mut self, later: Postings) -> Postings {
        for (word, list) in later.0 {
            self.0.entry(word).or_default().extend(list);
        }
        self
    }

    /// The index, words sorted; `docs`: the documents' routes, by number.
    pub fn index(self, docs: Vec<String>) -> SearchIndex {
        let mut entries: Vec<(String, Vec<u32>)> = self.0.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = entries.into_iter().unzip();
        SearchIndex {
            docs,
            words,
            postings,
            shown: Vec::new(),
        }
    }
}

/// The index of documents given as plain text.
pub fn build(documents: &[Document]) -> SearchIndex {
    let mut postings = Postings::default();
    for (n, doc) in documents.iter().enumerate() {
        let n = n as u32;
        postings.add_labels(n, doc.title, &doc.headings, &doc.tags);
        postings.add(n, Field::Body, &normalize(&doc.body));
    }
    postings.index(documents.iter().map(|d| d.route.to_string()).collect())
}

/// One result: the page (its number), its score, and the indexed words that
/// matched (for highlighting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: usize,
    pub score: u32,
    pub matched: Vec<String>,
}

/// What a search reads: every indexed word, and the postings of those at hand
/// (the whole index, or the shards fetched so far: see [`shards`]).
pub trait Lookup {
    /// Every indexed word, sorted.
    fn words(&self) -> &[String];
    /// `doc * 4 + field` codes of `words()[w]`, sorted; `None` when not at hand.
    fn postings(&self, w: usize) -> Option<&[u32]>;
}

impl Lookup for SearchIndex {
    fn words(&self) -> &[String] {
        &self.words
    }

    fn postings(&self, w: usize) -> Option<&[u32]> {
        self.postings.get(w).map(Vec::as_slice)
    }
}

/// Words of a query that are looked up: a pasted page cannot make a search
/// read the whole index.
pub const MAX_TERMS: usize = 6;
/// Characters of a query word that are looked up.
const MAX_TERM_CHARS: usize = 40;

/// The query's words that are looked up: the first [`MAX_TERMS`], each cut
/// at [`MAX_TERM_CHARS`].
pub fn terms(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(&normalize(query), |w| {
        if out.len() < MAX_TERMS {
            out.push(w.chars().take(MAX_TERM_CHARS).collect());
        }
    });
    out
}

/// Typos forgiven in a query word of `chars` characters: none under five,
/// one up to nine, two from ten.
fn typos(chars: usize) -> usize {
    match chars {
        0..5 => 0,
        5..10 => 1,
        _ => 2,
    }
}

/// Indexed words matching `term`, each with how well (3 the word itself, 2
/// a word it begins, 1 a word within its typos): its prefix range found by
/// binary search, then every word of a close length.
pub fn matches(words: &[String], term: &str) -> Vec<(usize, u32)> {
    let start = words.partition_point(|w| w.as_str() < term);
    let mut out: Vec<(usize, u32)> = words[start..]
        .iter()
        .take_while(|w| w.starts_with(term))
        .enumerate()
        .map(|(i, w)| (start + i, if w == term { 3 } else { 2 }))
        .collect();
    let term: Vec<char> = term.chars().collect();
    let allowed = typos(term.len());
    if allowed > 0 {
        let prefix = start..start + out.len();
        let mut row = Vec::new();
        out.extend(
            words
                .iter()
                .enumerate()
                .filter(|(w, word)| {
                    // Bytes ≥ characters: a cheap bound before the real distance.
                    !prefix.contains(w)
                        && word.len() + allowed >= term.len()
                        && word.len() <= 4 * (term.len() + allowed)
                        && within(&term, word, allowed, &mut row)
                })
                .map(|(w, _)| (w, 1)),
        );
    }
    out
}

/// For each word of a query (see [`terms`]), the indexed words it matches
/// (see [`matches`]): found once per query, read both to choose the shards
/// to fetch and to rank.
pub type Matched = Vec<Vec<(usize, u32)>>;

pub fn matched(words: &[String], query: &str) -> Matched {
    terms(query).iter().map(|t| matches(words, t)).collect()
}

/// Pages matching every word of the query (prefixes, and typos in words of
/// five letters or more, accepted), best first; ties in page order.
pub fn search(index: &impl Lookup, query: &str, limit: usize) -> Vec<Hit> {
    ranked(index, &matched(index.words(), query), limit)
}

/// [`search`] with the query's words already matched.
pub fn ranked(index: &impl Lookup, matched: &Matched, limit: usize) -> Vec<Hit> {
    if matched.is_empty() {
        return Vec::new();
    }
    let mut scores = Scores::default();
    for (t, words) in matched.iter().enumerate() {
        for &(w, quality) in words {
            for &code in index.postings(w).unwrap_or_default() {
                scores.offer(code / 4, Field::ALL[(code % 4) as usize].weight() * quality);
            }
        }
        scores.end_term(t);
    }
    let mut hits: Vec<(u32, u32)> = scores
        .total
        .into_iter()
        .filter(|(_, (_, terms))| *terms == matched.len())
        .map(|(doc, (score, _))| (doc, score))
        .collect();
    hits.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.truncate(limit);
    hits.into_iter()
        .map(|(doc, score)| Hit {
            doc: doc as usize,
            score,
            matched: words_in(index, matched, doc),
        })
        .collect()
}

/// Per page: the best score of the query word being read, then the sum of
/// the best scores of every query word read so far and how many matched
/// (a page out of the running once one did not).
#[derive(Default)]
struct Scores {
    best: rustc_hash::FxHashMap<u32, u32>,
    total: rustc_hash::FxHashMap<u32, (u32, usize)>,
}

impl Scores {
    fn offer(&mut self, doc: u32, score: u32) {
        let best = self.best.entry(doc).or_default();
        *best = (*best).max(score);
    }

    /// Query word `t` read: its best scores added to the pages still in the running.
    fn end_term(&mut self, t: usize) {
        for (doc, best) in self.best.drain() {
            let total = self.total.entry(doc).or_default();
            if total.1 == t {
                total.0 += best;
                total.1 += 1;
            }
        }
    }
}

/// The indexed words matched in page `doc`, sorted (for highlighting).
fn words_in(index: &impl Lookup, matched: &Matched, doc: u32) -> Vec<String> {
    let mut found: Vec<usize> = matched
        .iter()
        .flatten()
        .map(|&(w, _)| w)
        .filter(|&w| {
            let codes = index.postings(w).unwrap_or_default();
            let at = codes.partition_point(|&c| c / 4 < doc);
            codes.get(at).is_some_and(|&c| c / 4 == doc)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(|w| index.words()[w].clone()).collect()
}

/// True when `b` is at most `max` insertions, deletions or substitutions
/// away from `a` (Levenshtein, stopped as soon as every path costs more);
/// `row`: room reused from one call to the next.
fn within(a: &[char], b: &str, max: usize, row: &mut Vec<usize>) -> bool {
    let len = b.chars().count();
    if a.len().abs_diff(len) > max {
        return false;
    }
    row.clear();
    row.extend(0..=len);
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, cb) in b.chars().enumerate() {
            let next = (diagonal + usize::from(*ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
            least = least.min(next);
        }
        if least > max {
            return false;
        }
    }
    row[len] <= max
}

/// A short passage of `text` around the first word matching `matched`, with `…` where cut.
pub fn snippet(text: &str, matched: &[String], around: usize) -> String {
    let mut at = None;
    let mut offset = 0;
    for piece in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.is_empty() && matched.iter().any(|m| normalize(word) == *m) {
            at = Some(offset);
            break;
        }
        offset += piece.len();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let Some(at) = at else {
        return chars.iter().take(around * 2).map(|(_, c)| c).collect();
    };
    let pos = chars.partition_point(|(i, _)| *i < at);
    let start = pos.saturating_sub(around);
    let end = (pos + around).min(chars.len());
    let mut out: String = chars[start..end].iter().map(|(_, c)| c).collect();
    if start > 0 {
        out = format!("…{}", out.trim_start());
    }
    if end < chars.len() {
        out = format!("{}…", out.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        build(&[
            Document {
                route: "/competences/autonomie",
                title: "Autonomie professionnelle",
                headings: vec!["Ma vision de l'autonomie"],
                tags: vec!["TRANSVERSE"],
                body: "Savoir avancer seule, puis demander de l'aide.".into(),
            },
            Document {
                route: "/projets/grafana",
                title: "Tableaux de bord",
                headings: vec!["Développement des vues"],
                tags: vec!["Grafana"],
                body: "Une œuvre collective, et un peu d'autonomie.".into(),
            },
            Document {
                route: "/projets/citi",
                title: "Transition 4.0",
                headings: vec!["Contexte"],
                tags: vec!["Technique"],
                body: "Capteurs et façon de mesurer le Grafana du site.".into(),
            },
        ])
    }

    fn routes(query: &str) -> Vec<String> {
        let index = index();
        search(&index, query, 10)
            .into_iter()
            .map(|h| index.docs[h.doc].clone())
            .collect()
    }

    #[test]
    fn folds_case_accents_and_ligatures() {
        assert_eq!(normalize("Développement ÇA Œuvre"), "developpement ca oeuvre");
        assert_eq!(words("l'autonomie, c'est…"), ["autonomie", "est"]);
        assert_eq!(routes("developpement"), ["/projets/grafana"]);
        assert_eq!(routes("DÉVELOPPEMENT"), ["/projets/grafana"]);
        assert_eq!(routes("oeuvre"), ["/projets/grafana"]);
        assert_eq!(routes("facon"), ["/projets/citi"]);
    }

    #[test]
    fn apostrophes_prefixes_and_one_typo() {
        assert_eq!(routes("l'autonomie"), ["/competences/autonomie", "/projets/grafana"]);
        assert_eq!(routes("autono"), ["/competences/autonomie", "/projets/grafana"]);
        assert_eq!(routes("autonomei"), Vec::<String>::new(), "two edits are too many");
        assert_eq!(routes("autonomoe"), ["/competences/autonomie", "/projets/grafana"]);
        assert_eq!(routes("grafna"), ["/projets/grafana", "/projets/citi"]);
        assert_eq!(routes("capteur"), ["/projets/citi"]);
        assert_eq!(routes("capteurz"), ["/projets/citi"]);
        assert!(routes("sit").contains(&"/projets/citi".to_string()));
        assert!(routes("sie").is_empty(), "no typo tolerance under five letters");
    }

    #[test]
    fn two_typos_from_ten_letters() {
        // « developpement » (13 letters) typed with two letters missing, then two wrong.
        assert_eq!(routes("devlopement"), ["/projets/grafana"]);
        assert_eq!(routes("developpamant"), ["/projets/grafana"]);
        assert!(routes("dxvxlxppement").is_empty(), "three are too many");
        let row = &mut Vec::new();
        assert!(within(&['a', 'b'], "ab", 0, row) && !within(&['a', 'b'], "ba", 1, row));
    }

    #[test]
    fn long_and_odd_queries_are_cut() {
        let long = "autonomie ".repeat(200);
        assert_eq!(terms(&long).len(), MAX_TERMS);
        assert_eq!(routes(&long), ["/competences/autonomie", "/projets/grafana"]);
        let word = "a".repeat(1000);
        assert_eq!(terms(&word)[0].len(), 40);
        assert!(routes(&word).is_empty());
        assert_eq!(
            routes("\u{0}auto\u{7}\u{1b}\t"),
            ["/competences/autonomie", "/projets/grafana"]
        );
    }

    #[test]
    fn ranking_is_title_then_heading_then_tag_then_body() {
        // `autonomie`: title of the first page, body of the second.
        assert_eq!(routes("autonomie")[0], "/competences/autonomie");
        // `grafana`: tag of one page, body of the other.
        assert_eq!(routes("grafana"), ["/projets/grafana", "/projets/citi"]);
        let idx = build(&[
            Document {
                route: "/b",
                title: "Autre",
                headings: vec![],
                tags: vec![],
                body: "vision".into(),
            },
            Document {
                route: "/t",
                title: "Autre",
                headings: vec![],
                tags: vec!["vision"],
                body: String::new(),
            },
            Document {
                route: "/h",
                title: "Autre",
                headings: vec!["Vision"],
                tags: vec![],
                body: String::new(),
            },
            Document {
                route: "/a",
                title: "Vision",
                headings: vec![],
                tags: vec![],
                body: String::new(),
            },
        ]);
        let order: Vec<String> = search(&idx, "vision", 10)
            .into_iter()
            .map(|h| idx.docs[h.doc].clone())
            .collect();
        assert_eq!(order, ["/a", "/h", "/t", "/b"]);
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(routes("autonomie vision"), ["/competences/autonomie"]);
        assert!(routes("autonomie capteurs").is_empty());
        assert!(routes("  ").is_empty());
    }

    #[test]
    fn gaps_round_trip() {
        let index = index();
        let gaps = index.clone().to_gaps();
        assert_ne!(gaps.postings, index.postings);
        assert_eq!(gaps.from_gaps(), index);
    }

    #[test]
    fn snippets_and_plain_text() {
        assert_eq!(plain_text("<p>Un <b>mot</b> &amp; l&#39;autre</p>"), "Un mot & l'autre");
        let text = "Une longue phrase avant le mot Grafana puis une suite de texte encore";
        let s = snippet(text, &["grafana".to_string()], 12);
        assert!(s.contains("Grafana") && s.starts_with('…') && s.ends_with('…'), "{s}");
    }

    /// The plain way, word by word (the former code): what the one-pass
    /// [`plain_text`] must give.
    fn plain_text_by_words(html: &str) -> String {
        let mut out = String::new();
        let mut space = true;
        for (i, piece) in html.split('<').enumerate() {
            let text = match (i, piece.find('>')) {
                (0, _) => piece,
                (_, Some(end)) => {
                    push_space(&mut out, &mut space);
                    &piece[end + 1..]
                }
                (_, None) => continue,
            };
            for (j, word) in text.split(char::is_whitespace).enumerate() {
                if j > 0 {
                    push_space(&mut out, &mut space);
                }
                let mut rest = word;
                while let Some(at) = rest.find('&') {
                    if at > 0 {
                        out.push_str(&rest[..at]);
                        space = false;
                    }
                    rest = &rest[at + push_entity(&mut out, &rest[at..], &mut space)..];
                }
                if !rest.is_empty() {
                    out.push_str(rest);
                    space = false;
                }
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    proptest::proptest! {
        #[test]
        fn words_are_the_runs_of_letters_and_digits(text in "[a-zA-Z0-9éŒ'’ .,\u{a0}\u{3b1}\u{660}-]{0,40}") {
            let split: Vec<String> = normalize(&text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_string)
                .collect();
            proptest::prop_assert_eq!(words(&text), split);
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_text_reads_as_word_by_word(html in "[a-zé <>&;/#39\u{a0}\u{2003}\u{85}\t\n\x0b\x0c]{0,60}|(<p>|</p>| |&amp;|&nbsp;|&lt;|&#39;|é|\u{a0}|x|\n){0,20}") {
            proptest::prop_assert_eq!(plain_text(&html), plain_text_by_words(&html));
        }
    }
}
