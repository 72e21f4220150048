//! The search index as the browser fetches it, in one folder per language
//! (`search.<hash>/`): a table ([`TABLE_FILE`]: every word, and where each
//! shard starts), the postings split by word range into shards of about
//! [`SHARD_BYTES`], and one fragment per page (what its result shows).
//!
//! A query looks its words up in the table's word list first (prefixes and
//! typos included), so it knows exactly which words match before fetching
//! anything, wherever shard boundaries fall; then it fetches those words'
//! shards (at most [`MAX_SHARDS`]) and its shown results' fragments.
//! Encoding and decoding live here only: the one place to change the format.

use super::{matched, Lookup, Matched};
#[cfg(not(target_arch = "wasm32"))]
use super::{SearchIndex, Shown};
use serde::{Deserialize, Serialize};

/// The table's file name in a language's search folder.
pub const TABLE_FILE: &str = "index.json";
/// Postings bytes (as written, before compression) a shard holds at most,
/// unless one word's postings are larger (JSON numbers: about a third of that with brotli).
pub const SHARD_BYTES: usize = 40 * 1024;
/// Shards one query fetches at most: its words' exact matches first, then
/// prefixes, then typos.
pub const MAX_SHARDS: usize = 4;

/// Shard `k`'s file name.
pub fn shard_file(k: usize) -> String {
    format!("w{k}.json")
}

/// The fragment file name of page `doc`.
pub fn fragment_file(doc: usize) -> String {
    format!("p{doc}.json")
}

/// Every indexed word, and which shard holds its postings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Normalised words, sorted.
    pub words: Vec<String>,
    /// Shard `k` holds the words from `starts[k]` to the next shard's start.
    pub starts: Vec<u32>,
}

/// The table as written: each word as the bytes it shares with the one before
/// and the rest (front coding: a sorted list is mostly shared prefixes).
#[derive(Serialize, Deserialize)]
struct TableFile {
    starts: Vec<u32>,
    words: Vec<(u8, String)>,
}

/// The postings of a run of consecutive words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// The number of its first word in the table (checked on reading).
    pub first: u32,
    /// `doc * 4 + field` codes of each word; gaps in the file.
    pub postings: Vec<Vec<u32>>,
}

/// What one page's result shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    pub route: String,
    pub title: String,
    pub section: String,
    pub text: String,
}

impl Table {
    /// The shard holding word `w`.
    pub fn shard_of(&self, w: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= w).saturating_sub(1)
    }

    /// The shards a query reads, at most [`MAX_SHARDS`]: those of its words'
    /// exact matches, then of the words they begin, then of their typo
    /// neighbours, taking each word of the query in turn at each step.
    pub fn needed(&self, query: &str) -> Vec<usize> {
        self.needed_for(&matched(&self.words, query))
    }

    /// [`Table::needed`] with the query's words already matched in the table.
    pub fn needed_for(&self, found: &Matched) -> Vec<usize> {
        let mut out = Vec::new();
        for quality in [3, 2, 1] {
            let mut each: Vec<_> = found
                .iter()
                .map(|list| list.iter().filter(move |(_, q)| *q == quality))
                .collect();
            let mut left = true;
            while left {
                left = false;
                for (w, _) in each.iter_mut().filter_map(Iterator::next) {
                    left = true;
                    let k = self.shard_of(*w);
                    if !out.contains(&k) {
                        if out.len() == MAX_SHARDS {
                            return out;
                        }
                        out.push(k);
                    }
                }
            }
        }
        out
    }
}

/// The table and the shards fetched so far, searched as one index: words
/// whose shard is not at hand are left out.
pub struct Partial<'a, F> {
    pub table: &'a Table,
    /// Shard `k`, if fetched.
    pub shard: F,
}

impl<'a, F: Fn(usize) -> Option<&'a Shard>> Lookup for Partial<'a, F> {
    fn words(&self) -> &[String] {
        &self.table.words
    }

    fn postings(&self, w: usize) -> Option<&[u32]> {
        let shard = (self.shard)(self.table.shard_of(w))?;
        let at = w.checked_sub(shard.first as usize)?;
        shard.postings.get(at).map(Vec::as_slice)
    }
}

/// The bytes a number and its comma take in JSON.
fn written(n: u32) -> usize {
    n.checked_ilog10().unwrap_or(0) as usize + 2
}

/// Where each shard starts: a new one when the current one would pass `budget`
/// postings bytes (gaps as JSON numbers).
pub fn starts(postings: &[Vec<u32>], budget: usize) -> Vec<u32> {
    let mut out = Vec::new();
    let mut size = budget;
    for (w, list) in postings.iter().enumerate() {
        let bytes = 2 + list
            .iter()
            .scan(0, |last, &code| Some(written(code - std::mem::replace(last, code))))
            .sum::<usize>();
        if size > 0 && size + bytes > budget {
            out.push(w as u32);
            size = 0;
        }
        size += bytes;
    }
    out
}

/// The index split for the web: the table, then every shard, then every
/// page's fragment, each with its file name. `index`: postings as built (not gaps).
#[cfg(not(target_arch = "wasm32"))]
pub fn files(index: SearchIndex, budget: usize) -> Result<Vec<(String, Vec<u8>)>, String> {
    let starts = starts(&index.postings, budget);
    let mut out = Vec::with_capacity(1 + starts.len() + index.docs.len());
    out.push((TABLE_FILE.to_string(), encode_table(&index.words, &starts)?));
    let mut postings = index.postings.into_iter();
    for (k, &first) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(index.words.len(), |&e| e as usize);
        let mut lists: Vec<Vec<u32>> = postings.by_ref().take(end - first as usize).collect();
        for list in &mut lists {
            for i in (1..list.len()).rev() {
                list[i] -= list[i - 1];
            }
        }
        let shard = Shard { first, postings: lists };
        out.push((shard_file(k), crate::data::encode(&shard)?));
    }
    let mut shown = index.shown.into_iter();
    for (doc, route) in index.docs.into_iter().enumerate() {
        let Shown { title, section, text } = shown.next().unwrap_or_default();
        let fragment = Fragment {
            route,
            title,
            section,
            text,
        };
        out.push((fragment_file(doc), crate::data::encode(&fragment)?));
    }
    Ok(out)
}

#[cfg(not(target_arch = "wasm32"))]
fn encode_table(words: &[String], starts: &[u32]) -> Result<Vec<u8>, String> {
    let mut coded = Vec::with_capacity(words.len());
    let mut last = "";
    for word in words {
        let shared = word
            .bytes()
            .zip(last.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(255);
        // Cut on a character boundary.
        let shared = (0..=shared).rev().find(|&i| word.is_char_boundary(i)).unwrap_or(0);
        coded.push((shared as u8, word[shared..].to_string()));
        last = word;
    }
    crate::data::encode(&TableFile {
        starts: starts.to_vec(),
        words: coded,
    })
}

/// Why a search file cannot be used.
pub type Damaged = crate::data::Unreadable;

/// The table back from its file; a damaged one (a word sharing more than the
/// word before holds, shards not in order) is refused.
pub fn decode_table(json: &str) -> Result<Table, Damaged> {
    let file: TableFile = crate::data::decode_text(json)?;
    let mut words: Vec<String> = Vec::with_capacity(file.words.len());
    for (shared, rest) in file.words {
        let before = words.last().map_or("", String::as_str);
        let head = before.get(..shared as usize).ok_or(Damaged::Damaged)?;
        words.push(format!("{head}{rest}"));
    }
    let ordered = file.starts.windows(2).all(|w| w[0] < w[1]);
    if !ordered
        || file.starts.first().is_some_and(|&s| s != 0)
        || file.starts.last().is_some_and(|&s| s as usize >= words.len())
    {
        return Err(Damaged::Damaged);
    }
    Ok(Table {
        words,
        starts: file.starts,
    })
}

/// Shard `k` back from its file, postings from gaps; one that does not
/// start where the table says (another build's) is refused.
pub fn decode_shard(json: &str, table: &Table, k: usize) -> Result<Shard, Damaged> {
    let mut shard: Shard = crate::data::decode_text(json)?;
    let end = table.starts.get(k + 1).map_or(table.words.len(), |&e| e as usize);
    if table.starts.get(k) != Some(&shard.first) || shard.first as usize + shard.postings.len() != end {
        return Err(Damaged::Damaged);
    }
    for list in &mut shard.postings {
        for i in 1..list.len() {
            list[i] = list[i].wrapping_add(list[i - 1]);
        }
    }
    Ok(shard)
}

/// A page's fragment back from its file.
pub fn decode_fragment(json: &str) -> Result<Fragment, Damaged> {
    crate::data::decode_text(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{build, search, Document};

    /// Ten pages, one word each (`mot0`… is too short for typos: real words).
    fn index() -> SearchIndex {
        let words = [
            "capteur",
            "capteurs",
            "developpement",
            "grafana",
            "kotlin",
            "mesure",
            "projet",
            "rigueur",
            "tableau",
            "usine",
        ];
        let docs: Vec<(String, String)> = words.iter().map(|w| (format!("/p/{w}"), w.to_string())).collect();
        build(
            &docs
                .iter()
                .map(|(route, word)| Document {
                    route,
                    title: word,
                    headings: vec![],
                    tags: vec![],
                    body: String::new(),
                })
                .collect::<Vec<_>>(),
        )
    }

    /// The files of `index()`, shards of `budget` bytes, read back.
    fn read(budget: usize) -> (Table, Vec<Shard>, Vec<Fragment>) {
        let files = files(index(), budget).unwrap();
        let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
        let table = decode_table(&text(&files[0].1)).unwrap();
        let shards: Vec<Shard> = (0..table.starts.len())
            .map(|k| {
                let (name, bytes) = files.iter().find(|(n, _)| *n == shard_file(k)).unwrap();
                assert_eq!(*name, shard_file(k));
                decode_shard(&text(bytes), &table, k).unwrap()
            })
            .collect();
        let fragments = (0..10)
            .map(|d| decode_fragment(&text(&files.iter().find(|(n, _)| *n == fragment_file(d)).unwrap().1)).unwrap())
            .collect();
        (table, shards, fragments)
    }

    #[test]
    fn words_go_to_shards_by_range_and_read_back() {
        // Each word's postings take 4 or 5 bytes (`[8],`, `[12],`): 3 words a shard.
        let (table, shards, fragments) = read(15);
        assert_eq!(table.words, index().words);
        assert_eq!(table.starts, [0, 3, 6, 9]);
        assert_eq!(shards.len(), 4);
        // Boundary words: the last of a shard and the first of the next.
        assert_eq!((table.shard_of(2), table.shard_of(3)), (0, 1));
        assert_eq!((table.shard_of(8), table.shard_of(9)), (2, 3));
        assert_eq!(shards[1].first, 3);
        assert_eq!(shards[1].postings, index().postings[3..6]);
        assert_eq!(fragments[4].route, "/p/kotlin");
        // One shard when everything fits.
        assert_eq!(read(SHARD_BYTES).0.starts, [0]);
    }

    #[test]
    fn a_query_reads_only_its_words_shards_and_typos_cross_boundaries() {
        let (table, shards, _) = read(15);
        // `capteur` and `capteurs` (words 0 and 1): one shard.
        assert_eq!(table.needed("capteur"), [0]);
        // `rigeur` (a letter missing) is `rigueur`, word 7, shard 2.
        assert_eq!(table.needed("rigeur"), [2]);
        // `tablaeu` → `tableau` (word 8, shard 2); `usinr` → `usine` (word 9, the next shard).
        assert_eq!(table.needed("usinr"), [3]);
        // A typo whose word sits in the shard after the exact match's neighbours.
        assert_eq!(table.needed("grafama kotlim"), [1]);
        assert_eq!(table.needed("mesure usine capteur"), [1, 3, 0]);
        // What is not fetched is not searched; once fetched it is.
        let none = Partial {
            table: &table,
            shard: |_| None::<&Shard>,
        };
        assert!(search(&none, "rigeur", 10).is_empty());
        let some = Partial {
            table: &table,
            shard: |k| shards.get(k),
        };
        assert_eq!(search(&some, "rigeur", 10)[0].doc, 7);
        assert_eq!(search(&some, "Développement", 10)[0].matched, ["developpement"]);
    }

    #[test]
    fn a_query_reads_a_few_shards_at_most() {
        let (table, _, _) = read(2);
        assert_eq!(table.starts.len(), 10);
        let all = table.words.join(" ");
        assert_eq!(table.needed(&all).len(), MAX_SHARDS);
        assert!(table.needed(&"x".repeat(1000)).is_empty());
        assert!(table.needed("").is_empty());
    }

    #[test]
    fn damaged_or_foreign_files_are_refused() {
        let files = files(index(), 15).unwrap();
        let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
        let (table_file, shard) = (
            text(&files[0].1),
            text(&files.iter().find(|(n, _)| *n == shard_file(1)).unwrap().1),
        );
        let table = decode_table(&table_file).unwrap();
        // Truncated, or read as another shard (another build's table).
        assert!(decode_table(&table_file[..table_file.len() - 3]).is_err());
        assert!(decode_shard(&shard[..shard.len() - 1], &table, 1).is_err());
        assert!(decode_shard(&shard, &table, 2).is_err());
        assert!(decode_fragment("<!DOCTYPE html>").is_err());
    }
}
