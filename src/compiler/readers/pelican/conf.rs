//! `pelicanconf.py` read as text, never run (`read_conf`): the plain assignments of the settings Vitrine uses,
//! found by a small Python lexer.

use std::ops::Range;

pub use crate::compiler::model::diagnostics::Problem;

/// The settings read from pelicanconf.py.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conf {
    pub sitename: Option<String>,
    pub siteurl: Option<String>,
    pub author: Option<String>,
    pub default_lang: Option<String>,
    pub timezone: Option<String>,
    pub path: Option<String>,
    pub static_paths: Option<Vec<String>>,
    pub article_paths: Option<Vec<String>>,
    pub page_paths: Option<Vec<String>>,
    /// `PAGE_URL`, `PAGE_SAVE_AS`, `ARTICLE_URL`, `ARTICLE_SAVE_AS`: addresses with `{slug}`-style fields.
    pub page_url: Option<String>,
    pub page_save_as: Option<String>,
    pub article_url: Option<String>,
    pub article_save_as: Option<String>,
}

/// Settings whose value must be a plain string.
const TEXT_NAMES: &[&str] = &[
    "SITENAME",
    "SITEURL",
    "AUTHOR",
    "DEFAULT_LANG",
    "TIMEZONE",
    "PATH",
    "PAGE_URL",
    "PAGE_SAVE_AS",
    "ARTICLE_URL",
    "ARTICLE_SAVE_AS",
];

/// Settings whose value must be a list (or tuple) of plain strings.
const LIST_NAMES: &[&str] = &["STATIC_PATHS", "ARTICLE_PATHS", "PAGE_PATHS"];

/// The label of every pelicanconf.py problem.
const CONF_LABEL: &str = "Vitrine reads pelicanconf.py as text and never runs it";

/// pelicanconf.py read as text, never executed. Only top-level `NAME = value` assignments of the settings in
/// [`Conf`] are read: plain strings (`'…'`, `"…"`, triple quotes, `u`/`r` prefixes, adjacent literals joined)
/// and lists or tuples of plain strings. Any other value of those names, or code changing them (`+=`,
/// `.append(…)`), is a problem and keeps the earlier value; later assignments win. Other statements, indented
/// lines and comments are skipped; an unterminated string or bracket anywhere is a problem.
pub fn read_conf(text: &str) -> (Conf, Vec<Problem>) {
    let (statements, mut problems) = Lexer::run(text);
    let mut conf = Conf::default();
    for statement in &statements {
        if let Err(problem) = assign(&mut conf, statement) {
            problems.push(problem);
        }
    }
    problems.sort_by_key(|problem| problem.span.start);
    (conf, problems)
}

/// Applies one statement to the settings, if it assigns one of them.
fn assign(conf: &mut Conf, statement: &Statement) -> Result<(), Problem> {
    if statement.indented || statement.broken {
        return Ok(());
    }
    let Some((
        Token {
            tok: Tok::Name(name), ..
        },
        rest,
    )) = statement.tokens.split_first()
    else {
        return Ok(());
    };
    let is_text = TEXT_NAMES.contains(&name.as_str());
    if !is_text && !LIST_NAMES.contains(&name.as_str()) {
        return Ok(());
    }
    let span = statement.span();
    let value = match rest.split_first() {
        Some((eq, value)) if is_op(eq, "=") => value,
        _ => return Err(changed_by_code(name, span)),
    };
    if is_text {
        let text = plain_string(value).ok_or_else(|| not_plain(name, span, true))?;
        if let Some(slot) = text_slot(conf, name) {
            *slot = Some(text);
        }
    } else {
        let list = plain_list(value).ok_or_else(|| not_plain(name, span, false))?;
        if let Some(slot) = list_slot(conf, name) {
            *slot = Some(list);
        }
    }
    Ok(())
}

/// Where a string setting goes.
fn text_slot<'c>(conf: &'c mut Conf, name: &str) -> Option<&'c mut Option<String>> {
    match name {
        "SITENAME" => Some(&mut conf.sitename),
        "SITEURL" => Some(&mut conf.siteurl),
        "AUTHOR" => Some(&mut conf.author),
        "DEFAULT_LANG" => Some(&mut conf.default_lang),
        "TIMEZONE" => Some(&mut conf.timezone),
        "PATH" => Some(&mut conf.path),
        "PAGE_URL" => Some(&mut conf.page_url),
        "PAGE_SAVE_AS" => Some(&mut conf.page_save_as),
        "ARTICLE_URL" => Some(&mut conf.article_url),
        "ARTICLE_SAVE_AS" => Some(&mut conf.article_save_as),
        _ => None,
    }
}

/// Where a list setting goes.
fn list_slot<'c>(conf: &'c mut Conf, name: &str) -> Option<&'c mut Option<Vec<String>>> {
    match name {
        "STATIC_PATHS" => Some(&mut conf.static_paths),
        "ARTICLE_PATHS" => Some(&mut conf.article_paths),
        "PAGE_PATHS" => Some(&mut conf.page_paths),
        _ => None,
    }
}

/// The problem for a read setting whose value is not plain.
fn not_plain(name: &str, span: Range<usize>, text: bool) -> Problem {
    if text {
        let hint = format!("write the value as a quoted string, e.g. `{name} = 'value'`");
        Problem::new(span, format!("`{name}` is not a plain string"), CONF_LABEL, hint)
    } else {
        let hint = format!("write the value as a list of quoted strings, e.g. `{name} = ['images', 'pdfs']`");
        Problem::new(
            span,
            format!("`{name}` is not a plain list of strings"),
            CONF_LABEL,
            hint,
        )
    }
}

/// The problem for a read setting changed by code rather than assigned.
fn changed_by_code(name: &str, span: Range<usize>) -> Problem {
    let hint = format!("assign the whole value once, as `{name} = …` with quoted strings");
    Problem::new(span, format!("`{name}` is changed by code"), CONF_LABEL, hint)
}

/// One or more adjacent plain string literals, joined, possibly inside one pair of parentheses.
fn plain_string(tokens: &[Token]) -> Option<String> {
    let wrapped = tokens.len() >= 2
        && tokens.first().is_some_and(|t| is_op(t, "("))
        && tokens.last().is_some_and(|t| is_op(t, ")"));
    let tokens = if wrapped {
        tokens.get(1..tokens.len() - 1)?
    } else {
        tokens
    };
    if tokens.is_empty() {
        return None;
    }
    let mut out = String::new();
    for token in tokens {
        match &token.tok {
            Tok::Str(value, true) => out.push_str(value),
            _ => return None,
        }
    }
    Some(out)
}

/// A list `[…]`, a tuple `(…)` or a bare tuple `'a', 'b'` of plain strings; a trailing comma is allowed.
fn plain_list(tokens: &[Token]) -> Option<Vec<String>> {
    let (first, last) = (tokens.first()?, tokens.last()?);
    let bracketed =
        tokens.len() >= 2 && ((is_op(first, "[") && is_op(last, "]")) || (is_op(first, "(") && is_op(last, ")")));
    let inner = if bracketed {
        tokens.get(1..tokens.len() - 1)?
    } else {
        tokens
    };
    let has_comma = inner.iter().any(|token| is_op(token, ","));
    if !inner.is_empty() && !has_comma && !is_op(first, "[") {
        return None; // `('a')` and `'a'` are strings, not tuples
    }
    let parts: Vec<&[Token]> = inner.split(|token| is_op(token, ",")).collect();
    let mut items = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        if part.is_empty() && index + 1 == parts.len() && index > 0 {
            break; // trailing comma
        }
        if part.is_empty() && inner.is_empty() {
            break;
        }
        items.push(plain_string(part)?);
    }
    Some(items)
}

/// A token of Python source, as far as reading assignments needs.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    /// A string literal's value, and whether it is plain (no prefix, or `u`/`r`).
    Str(String, bool),
    Op(String),
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

/// Whether a token is the operator `op`.
fn is_op(token: &Token, op: &str) -> bool {
    matches!(&token.tok, Tok::Op(found) if found == op)
}

/// A logical line of Python: its tokens, whether it is indented, whether it could not be read.
#[derive(Debug, Default)]
struct Statement {
    tokens: Vec<Token>,
    indented: bool,
    broken: bool,
}

impl Statement {
    fn span(&self) -> Range<usize> {
        let start = self.tokens.first().map_or(0, |token| token.span.start);
        start..self.tokens.last().map_or(start, |token| token.span.end)
    }
}

/// Splits Python source into logical lines of tokens (strings, comments, brackets and `\` continuations
/// handled), reporting unterminated strings and brackets.
struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    line_start: usize,
    current: Statement,
    statements: Vec<Statement>,
    problems: Vec<Problem>,
}

impl<'a> Lexer<'a> {
    fn run(text: &'a str) -> (Vec<Statement>, Vec<Problem>) {
        let mut lexer = Lexer {
            text,
            pos: 0,
            depth: 0,
            line_start: 0,
            current: Statement::default(),
            statements: Vec::new(),
            problems: Vec::new(),
        };
        while let Some(c) = lexer.rest().chars().next() {
            lexer.step(c);
        }
        if lexer.depth > 0 {
            lexer.unclosed();
        }
        lexer.end_statement();
        (lexer.statements, lexer.problems)
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn step(&mut self, c: char) {
        let start = self.pos;
        match c {
            '\n' => {
                self.pos += 1;
                self.line_start = self.pos;
                if self.depth == 0 {
                    self.end_statement();
                }
            }
            '#' => self.pos = self.rest().find('\n').map_or(self.text.len(), |i| start + i),
            '\\' if self.rest().starts_with("\\\n") || self.rest().starts_with("\\\r\n") => {
                self.pos += if self.rest().starts_with("\\\n") { 2 } else { 3 };
                self.line_start = self.pos;
            }
            '\'' | '"' => self.string(start, ""),
            c if c.is_whitespace() => self.pos += c.len_utf8(),
            c if c.is_alphabetic() || c == '_' => self.word(start),
            c if c.is_ascii_digit() => {
                let len = self
                    .rest()
                    .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_'));
                self.pos += len.unwrap_or(self.rest().len());
                self.push(Tok::Other, start..self.pos);
            }
            c => self.op(start, c),
        }
    }

    /// A name, or the prefix of a string literal.
    fn word(&mut self, start: usize) {
        let len = self
            .rest()
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(self.rest().len());
        let word = self.rest().get(..len).unwrap_or("");
        self.pos += len;
        let prefix = word.len() <= 2 && word.chars().all(|c| "rRuUbBfF".contains(c));
        if prefix && self.rest().starts_with(['\'', '"']) {
            self.string(start, word);
        } else {
            self.push(Tok::Name(word.to_string()), start..self.pos);
        }
    }

    /// A string literal with its opening quote at `self.pos`.
    fn string(&mut self, start: usize, prefix: &str) {
        let raw = prefix.contains(['r', 'R']);
        let plain = prefix.chars().all(|c| matches!(c, 'r' | 'R' | 'u' | 'U'));
        let quote = if self.rest().starts_with('"') { "\"" } else { "'" };
        let triple = quote.repeat(3);
        let delimiter = if self.rest().starts_with(&triple) {
            triple.as_str()
        } else {
            quote
        };
        match scan_string(self.text, self.pos + delimiter.len(), delimiter, raw) {
            Ok((value, end)) => {
                self.pos = end;
                self.push(Tok::Str(value, plain), start..end);
            }
            Err(end) => {
                self.pos = end;
                self.current.broken = true;
                let hint = format!("close the string with {delimiter}");
                let message = "unterminated string in pelicanconf.py".to_string();
                self.problems
                    .push(Problem::new(start..end, message, "this string is never closed", hint));
            }
        }
    }

    /// An operator or bracket (compound assignments such as `+=` are one token).
    fn op(&mut self, start: usize, c: char) {
        let rest = self.rest();
        let len = if ["**=", "//=", ">>=", "<<="].iter().any(|op| rest.starts_with(op)) {
            3
        } else if "+-*/%&|^<>=!:@".contains(c) && rest.get(1..).is_some_and(|after| after.starts_with('=')) {
            2
        } else {
            c.len_utf8()
        };
        match c {
            '(' | '[' | '{' => self.depth += 1,
            ')' | ']' | '}' => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        self.pos += len;
        self.push(Tok::Op(rest.get(..len).unwrap_or("").to_string()), start..self.pos);
    }

    fn push(&mut self, tok: Tok, span: Range<usize>) {
        if self.current.tokens.is_empty() {
            self.current.indented = span.start != self.line_start;
        }
        self.current.tokens.push(Token { tok, span });
    }

    fn end_statement(&mut self) {
        if !self.current.tokens.is_empty() {
            self.statements.push(std::mem::take(&mut self.current));
        }
        self.current = Statement::default();
    }

    /// Reports a bracket still open at the end of the file.
    fn unclosed(&mut self) {
        let message = match self.current.tokens.first() {
            Some(Token {
                tok: Tok::Name(name), ..
            }) => format!("unclosed bracket in `{name}`"),
            _ => "unclosed bracket in pelicanconf.py".to_string(),
        };
        let hint = "close the list with `]` (or the tuple with `)`)".to_string();
        let span = self.current.span();
        self.problems
            .push(Problem::new(span, message, "this bracket is never closed", hint));
        self.current.broken = true;
    }
}

/// Reads a string body from `from` up to `delimiter`: its value and the offset after the delimiter, or the
/// offset where reading stopped if it never closes. Escapes `\\ \' \" \n \t \r` and `\`-newline are handled;
/// raw strings keep their backslashes.
fn scan_string(text: &str, from: usize, delimiter: &str, raw: bool) -> Result<(String, usize), usize> {
    let rest = text.get(from..).unwrap_or("");
    let triple = delimiter.len() == 3;
    let mut value = String::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if rest.get(at..).is_some_and(|r| r.starts_with(delimiter)) {
            return Ok((value, from + at + delimiter.len()));
        }
        match c {
            '\n' if !triple => return Err(from + at),
            '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => {}
            '\\' => {
                let Some((_, mut next)) = chars.next() else {
                    return Err(text.len());
                };
                if next == '\r' && chars.peek().is_some_and(|&(_, after)| after == '\n') {
                    chars.next();
                    next = '\n';
                }
                escape(&mut value, next, raw);
            }
            _ => value.push(c),
        }
    }
    Err(text.len())
}

/// Appends the character a backslash escape stands for.
fn escape(value: &mut String, next: char, raw: bool) {
    match next {
        _ if raw => {
            value.push('\\');
            value.push(next);
        }
        '\n' => {}
        'n' => value.push('\n'),
        't' => value.push('\t'),
        'r' => value.push('\r'),
        '\\' | '\'' | '"' => value.push(next),
        _ => {
            value.push('\\');
            value.push(next);
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) const CONF: &str = r#"#!/usr/bin/env python
# -*- coding: utf-8 -*- #

AUTHOR = 'Jean'
SITENAME = 'Portfolio'
SITEURL = ''

PATH = 'content'

TIMEZONE = 'Europe/Paris'

DEFAULT_LANG = 'fr'

# Feed generation is usually not desired when developing
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None

# Blogroll
LINKS = (('Pelican', 'https://getpelican.com/'),
         ('Python.org', 'https://www.python.org/'),)

# Social widget
SOCIAL = (('You can add links in your config file', '#'),
          ('Another social link', '#'),)

DEFAULT_PAGINATION = 10

STATIC_PATHS = [
    'images',
    'pdfs',  # CV et attestations
]

# Uncomment following line if you want document-relative URLs when developing
# RELATIVE_URLS = True
"#;

    pub(crate) const BAD_CONF: &str = r#"import os
SITENAME = "Mon " + "Portfolio"
PATH = os.path.join(os.path.dirname(__file__), 'content')
SITEURL = PUBLISH_URL
AUTHOR = 'Jean'  # comment
AUTHOR = u"Jean \"JD\" Dupont"
STATIC_PATHS = ['images', EXTRA]
ARTICLE_PATHS = ('articles',)
ARTICLE_PATHS += ['more']
if True:
    TIMEZONE = 'Ailleurs'
DESCRIPTION = """
PATH = 'not-read'
"""
TIMEZONE = 'Europe/Paris
"#;

    #[test]
    fn reads_quickstart_conf() {
        let (conf, problems) = read_conf(CONF);
        assert_eq!(problems, vec![]);
        assert_eq!(conf.author.as_deref(), Some("Jean"));
        assert_eq!(conf.sitename.as_deref(), Some("Portfolio"));
        assert_eq!(conf.siteurl.as_deref(), Some(""));
        assert_eq!(conf.path.as_deref(), Some("content"));
        assert_eq!(conf.timezone.as_deref(), Some("Europe/Paris"));
        assert_eq!(conf.default_lang.as_deref(), Some("fr"));
        assert_eq!(conf.static_paths, Some(vec!["images".to_string(), "pdfs".to_string()]));
        assert_eq!(conf.article_paths, None);
        let (crlf, problems) = read_conf(&CONF.replace('\n', "\r\n"));
        assert_eq!((crlf, problems), (conf, vec![]));
    }

    #[test]
    fn reports_bad_conf() {
        let (conf, problems) = read_conf(BAD_CONF);
        let messages: Vec<&str> = problems.iter().map(|problem| problem.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "`SITENAME` is not a plain string",
                "`PATH` is not a plain string",
                "`SITEURL` is not a plain string",
                "`STATIC_PATHS` is not a plain list of strings",
                "`ARTICLE_PATHS` is changed by code",
                "unterminated string in pelicanconf.py",
            ]
        );
        assert_eq!(
            &BAD_CONF[problems[1].span.clone()],
            "PATH = os.path.join(os.path.dirname(__file__), 'content')"
        );
        assert_eq!(problems[0].label, CONF_LABEL);
        assert_eq!(conf.author.as_deref(), Some("Jean \"JD\" Dupont"));
        assert_eq!(conf.article_paths, Some(vec!["articles".to_string()]));
        assert_eq!((conf.sitename, conf.path, conf.timezone), (None, None, None));
    }

    #[test]
    fn conf_value_forms() {
        let text = "SITENAME = r'C:\\x' u'\\n'\nSITEURL = ('https://a'\n  '.fr')\nPATH = \\\n  \"content\"\n";
        let (conf, problems) = read_conf(text);
        assert_eq!(problems, vec![]);
        assert_eq!(conf.sitename.as_deref(), Some("C:\\x\n"));
        assert_eq!(conf.siteurl.as_deref(), Some("https://a.fr"));
        assert_eq!(conf.path.as_deref(), Some("content"));
        let (conf, problems) = read_conf("PAGE_PATHS = 'pages', 'autres'\nARTICLE_PATHS = []\nSTATIC_PATHS = ('x')\n");
        assert_eq!(conf.page_paths, Some(vec!["pages".into(), "autres".into()]));
        assert_eq!(conf.article_paths, Some(vec![]));
        assert_eq!(problems.len(), 1);
        let (_, problems) = read_conf("STATIC_PATHS = ['images',\n");
        assert_eq!(problems[0].message, "unclosed bracket in `STATIC_PATHS`");
        let (conf, _) = read_conf("PATH = 'a'\nPATH = 'b'\nPATH == 'c'\n");
        assert_eq!(conf.path.as_deref(), Some("b"));
    }
}
