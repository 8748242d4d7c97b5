//! The header: title, fact lines (byline, date, reading time, views), the dek
//! and a disclaimer, read from the front of the document.

use super::{nodes, Doc};
use crate::blocks::RawKind;
use crate::model::{
    Article, Boilerplate, BoilerplateKind, Byline, Disclaimer, Published, ReadingTime, Text, Views,
};
use crate::scan::date;
use crate::scan::metadata::{self, HeaderFact};
use crate::span::Span;
use std::borrow::Cow;

/// Most header fact lines looked at: the header is short, and stopping early
/// keeps a document of ten thousand date-like lines linear.
const MAX_FACT_LINES: usize = 12;
/// Longest header fact line, in bytes ("By …, Senior Reporter | date | 5 min read").
const MAX_FACT_LINE: usize = 200;
/// A dek is a summary, not an essay.
const MAX_DEK_WORDS: usize = 90;

/// Read the header into `article`; returns the index of the first body block.
pub(super) fn read<'a>(doc: &Doc<'_, 'a>, article: &mut Article<'a>) -> usize {
    let mut b = 0;
    while b < doc.blocks.len() {
        match doc.boilerplate(b) {
            Some(furniture) => article.boilerplate.push(furniture),
            None if doc.blocks[b].lines.is_empty() => {}
            None => break,
        }
        b += 1;
    }
    let facts_from = b;
    // Facts may come before the title (a kicker date) or after it.
    b = facts(doc, b, article, true);
    if let Some(title) = title(doc, b) {
        // A first line is the headline when the text says so (`# Title`,
        // `===`) or header facts stand around it; a bare first line with
        // body text straight under it is the body's first heading.
        let explicit = matches!(
            doc.blocks[b].kind,
            RawKind::Heading {
                level: 1,
                explicit: true
            }
        );
        let before = article.boilerplate.len();
        let after_title = facts(doc, b + 1, article, false);
        if explicit || after_title > b + 1 || b > facts_from {
            article.metadata.title = Some(title);
            b = after_title;
        } else {
            article.boilerplate.truncate(before);
        }
    }
    let had_facts = b > facts_from + usize::from(article.metadata.title.is_some());
    if had_facts {
        if let Some(dek) = dek(doc, b) {
            article.metadata.dek = Some(dek);
            b += 1;
        }
    }
    if let Some(disclaimer) = disclaimer(doc, b) {
        article.metadata.disclaimer = Some(disclaimer);
        b += 1;
    }
    b
}

/// The first block is the title when it is one title-like line and more
/// text follows it.
fn title<'a>(doc: &Doc<'_, 'a>, b: usize) -> Option<Text<'a>> {
    let block = doc.blocks.get(b)?;
    let titled = match block.kind {
        RawKind::Heading { .. } => true,
        RawKind::Paragraph => doc.single_line(b).is_some_and(title_like),
        _ => false,
    };
    if !titled || !body_follows(doc, b) {
        return None;
    }
    let segs = nodes::segments(doc.lines, block);
    Some(Text::new(crate::inline::text(&segs), doc.span(b)))
}

/// Some block after `b` is text, not furniture: taking `b` for the header
/// leaves a body.
fn body_follows(doc: &Doc<'_, '_>, b: usize) -> bool {
    (b + 1..doc.blocks.len())
        .any(|n| !doc.blocks[n].lines.is_empty() && doc.boilerplate(n).is_none())
}

fn title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words <= 25 && !text.ends_with(['.', ',', ';', ':']) && !text.starts_with(['“', '"', '«', '„'])
}

/// Consecutive fact lines from `b`; returns the first block after them.
///
/// Before the title (`before_title`), a line that is only page furniture
/// ("Staff Picks", "Letter From The Editor") is left for the title: there it
/// is more likely the headline than a job title.
fn facts<'a>(
    doc: &Doc<'_, 'a>,
    mut b: usize,
    article: &mut Article<'a>,
    before_title: bool,
) -> usize {
    let meta = &mut article.metadata;
    let limit = (b + MAX_FACT_LINES).min(doc.blocks.len());
    while b < limit {
        let Some(text) = doc.single_line(b) else {
            break;
        };
        // Fact lines are short; a long line is the first paragraph, and
        // scanning it for dates word by word is wasted work.
        if text.len() > MAX_FACT_LINE {
            break;
        }
        // ("3. März 2025" looks like a list item; a real item is no fact and
        // stops the loop below.)
        if matches!(doc.blocks[b].kind, RawKind::Quote { .. }) {
            break;
        }
        // A setext heading's underline would be lost: fact spans cover one line.
        if doc.blocks[b].lines.len() > 1 {
            break;
        }
        // Furniture (an image, a share line) may sit among the fact lines.
        if let Some(furniture) = doc.boilerplate(b) {
            article.boilerplate.push(furniture);
            b += 1;
            continue;
        }
        crate::work::tick(1);
        // Converters keep emphasis around a byline (`_By Jane Doe · date_`).
        let emphasis = |c: char| c == '_' || c == '*';
        let marked = text.len() - text.trim_start_matches(emphasis).len();
        let inner = text.trim_matches(emphasis);
        let Some(found) = metadata::header_facts(inner, doc.options.date_order) else {
            // Sites repeat each byline name on its own line (an author card).
            let repeats_author = meta
                .byline
                .as_ref()
                .is_some_and(|b| b.authors.iter().any(|a| a.eq_ignore_ascii_case(text)));
            if !repeats_author {
                break;
            }
            let span = doc.span(b);
            article
                .boilerplate
                .push(Boilerplate::new(BoilerplateKind::Header, text, span));
            b += 1;
            continue;
        };
        if before_title && found.iter().all(|f| matches!(f.fact, HeaderFact::Noise)) {
            break;
        }
        let line_start = doc.span(b).start;
        let last = found.len().saturating_sub(1);
        for (n, fact) in found.into_iter().enumerate() {
            // The emphasis marks belong to the first and last fact, so that
            // the facts' spans still cover the whole line.
            let start = if n == 0 { 0 } else { marked + fact.start };
            let end = if n == last {
                text.len()
            } else {
                marked + fact.end
            };
            let span = Span::new(line_start + start, line_start + end);
            match fact.fact {
                HeaderFact::Byline(m) if meta.byline.is_none() => {
                    let authors = m
                        .authors
                        .into_iter()
                        .filter_map(|r| inner.get(r).map(Cow::Borrowed))
                        .collect();
                    meta.byline = Some(Byline { authors, span });
                }
                HeaderFact::Date(date) if meta.published.is_none() => {
                    meta.published = Some(Published { date, span });
                }
                HeaderFact::ReadingTime(minutes) if meta.reading_time.is_none() => {
                    meta.reading_time = Some(ReadingTime { minutes, span });
                }
                HeaderFact::Views(count) if meta.views.is_none() => {
                    meta.views = Some(Views { count, span });
                }
                _ => {
                    let part = doc.input.get(span.range()).unwrap_or("");
                    article
                        .boilerplate
                        .push(Boilerplate::new(BoilerplateKind::Header, part, span));
                }
            }
        }
        b += 1;
    }
    b
}

/// The paragraph right under the header facts, when it is short enough to be
/// a summary.
fn dek<'a>(doc: &Doc<'_, 'a>, b: usize) -> Option<crate::model::Paragraph<'a>> {
    let block = doc.blocks.get(b)?;
    if !matches!(block.kind, RawKind::Paragraph) {
        return None;
    }
    let p = nodes::paragraph(doc.lines, block);
    let words = p.text.split_whitespace().count();
    (words <= MAX_DEK_WORDS && body_follows(doc, b) && !metadata::is_disclaimer(&p.text))
        .then_some(p)
}

fn disclaimer<'a>(doc: &Doc<'_, 'a>, b: usize) -> Option<Disclaimer<'a>> {
    let block = doc.blocks.get(b)?;
    if !matches!(block.kind, RawKind::Paragraph) {
        return None;
    }
    let segs = nodes::segments(doc.lines, block);
    let text = crate::inline::text(&segs);
    if !metadata::is_disclaimer(&text) || text.split_whitespace().count() > 80 {
        return None;
    }
    let date = date::find_date(&text, doc.options.date_order).map(|m| m.date);
    Some(Disclaimer {
        text,
        date,
        span: doc.span(b),
    })
}
