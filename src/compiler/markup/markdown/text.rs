//! Paragraphs and text, written as they are: their words counted, the first
//! paragraph kept for the summary (unless the body marks where it ends).

use super::words::count_words;
use super::Renderer;
use pulldown_cmark::{Event, Options, Parser};

const SUMMARY_CHARS: usize = 220;

/// Hugo's manual summary divider.
const SUMMARY_DIVIDER: &str = "<!--more-->";

impl<'a> Renderer<'_, 'a> {
    pub(super) fn paragraph_start(&mut self, event: &Event<'a>) {
        if self.first_paragraph.is_none() {
            self.paragraph = Some(String::new());
        }
        self.html.push(event.clone());
    }

    pub(super) fn paragraph_end(&mut self, event: &Event<'a>) {
        if let Some(p) = self.paragraph.take() {
            if !p.trim().is_empty() {
                self.first_paragraph = Some(p);
            }
        }
        self.html.push(event.clone());
    }

    /// Text or inline code (`t`): its words counted.
    pub(super) fn text(&mut self, t: &str, event: &Event<'a>) {
        self.out.word_count += count_words(t);
        self.words_in_link(t);
        if let Some(p) = self.paragraph.as_mut() {
            p.push_str(t);
        }
        self.html.push(event.clone());
    }

    /// A soft or hard line break.
    pub(super) fn space(&mut self, event: &Event<'a>) {
        if let Some(p) = self.paragraph.as_mut() {
            p.push(' ');
        }
        self.html.push(event.clone());
    }
}

/// The page's summary: the text before Hugo's summary divider (`<!--more-->`),
/// else the first paragraph, cut at a word boundary.
pub(super) fn summary(body: &str, options: Options, first_paragraph: Option<&str>) -> String {
    // `contains` looks for it several bytes at a time, `find` one by one.
    let more = if body.contains(SUMMARY_DIVIDER) {
        body.find(SUMMARY_DIVIDER)
    } else {
        None
    };
    let before_more = more.map(|at| {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&body[..at], options));
        crate::search::plain_text(&html)
    });
    summarize(&crate::compiler::readers::syntax::without_unrun(
        before_more.as_deref().or(first_paragraph).unwrap_or(""),
    ))
}

/// First paragraph as plain text, cut at a word boundary.
fn summarize(text: &str) -> String {
    // The words joined by single spaces, up to the first past the limit.
    let (mut joined, mut chars) = (String::new(), 0);
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
            chars += 1;
        }
        joined.push_str(word);
        chars += word.chars().count();
        if chars > SUMMARY_CHARS {
            break;
        }
    }
    let text = joined;
    if chars <= SUMMARY_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}
