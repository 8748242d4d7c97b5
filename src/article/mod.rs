//! Stage 5: blocks assembled into an article.
//!
//! The header (title, fact lines, dek, disclaimer) is read from the front,
//! the footer (junk, related articles, author box) from the back, and what
//! lies between becomes the body's sections. Furniture anywhere is kept as
//! boilerplate.

mod header;
mod nodes;

use crate::blocks::{LineVerdicts, RawBlock, RawKind};
use crate::error::{Error, ErrorKind};
use crate::lines::Line;
use crate::model::{AuthorBox, Block, Boilerplate, BoilerplateKind, Related, Section, Text};
use crate::options::Options;
use crate::scan::boilerplate::{self, Label};
use crate::scan::metadata;
use crate::span::Span;
use crate::{inline, model::Article};
use std::borrow::Cow;

/// Shared by the assembly steps.
pub(super) struct Doc<'l, 'a> {
    pub input: &'a str,
    pub lines: &'l [Line<'a>],
    pub blocks: &'l [RawBlock],
    pub options: &'l Options,
    /// Per line, whether it is furniture ([`Doc::boilerplate`]): the
    /// header, the footer and the body each ask, some several times, and
    /// grouping asked of some lines already.
    verdicts: &'l LineVerdicts<'l, 'a>,
}

impl<'a> Doc<'_, 'a> {
    /// The text of a one-line block, `None` for longer or empty ones.
    pub(super) fn single_line(&self, b: usize) -> Option<&'a str> {
        let block = self.blocks.get(b)?;
        let one_line =
            block.lines.len() == 1 || matches!(block.kind, RawKind::Heading { explicit: true, .. });
        one_line.then(|| self.lines[block.lines.start].text)
    }

    pub(super) fn span(&self, b: usize) -> Span {
        self.blocks[b].span(self.lines)
    }

    /// Block `b` kept as furniture of the given kind, its text as it stands
    /// (a wrapped caption keeps its line breaks).
    fn furniture(&self, b: usize, kind: BoilerplateKind) -> Boilerplate<'a> {
        let span = self.span(b);
        let text = self.input.get(span.start..span.end).unwrap_or("");
        Boilerplate::new(kind, text, span)
    }

    /// Block `b` as furniture, if it is one line of it.
    fn boilerplate(&self, b: usize) -> Option<Boilerplate<'a>> {
        let block = &self.blocks[b];
        if matches!(
            block.kind,
            RawKind::Item { .. } | RawKind::Preformatted | RawKind::Quote { .. }
        ) {
            return None;
        }
        // (The one line is the block's first.)
        let text = self.single_line(b)?;
        let kind = self.verdicts.furniture(block.lines.start)?;
        Some(Boilerplate::new(kind, text, self.span(b)))
    }
}

pub(crate) fn assemble<'a>(
    input: &'a str,
    lines: &[Line<'a>],
    blocks: Vec<RawBlock>,
    verdicts: &LineVerdicts<'_, 'a>,
    options: &Options,
) -> Result<Article<'a>, Error> {
    let doc = Doc {
        input,
        lines,
        blocks: &blocks,
        options,
        verdicts,
    };
    let mut article = Article::default();
    let mut start = header::read(&doc, &mut article);
    let end = footer(&doc, start, &mut article);
    if start > end {
        start = end;
    }
    body(&doc, start..end, &mut article);
    article.boilerplate.sort_by_key(|b| b.span);
    if article.sections.is_empty() && article.metadata.dek.is_none() {
        let trimmed = input.trim_start();
        let from = input.len() - trimmed.len();
        let span = Span::new(from, from + trimmed.trim_end().len());
        return Err(Error::new(ErrorKind::NoArticleText, span, input));
    }
    Ok(article)
}

/// Read the footer from the back: trailing furniture, a related-articles
/// list, an author box. Returns where the body ends.
fn footer<'a>(doc: &Doc<'_, 'a>, start: usize, article: &mut Article<'a>) -> usize {
    let mut end = doc.blocks.len();
    let mut trailing = Vec::new();
    let skip_furniture = |end: &mut usize, trailing: &mut Vec<Boilerplate<'a>>| {
        while *end > start {
            match doc.boilerplate(*end - 1) {
                Some(b) => trailing.push(b),
                None if doc.blocks[*end - 1].lines.is_empty() => {}
                None => break,
            }
            *end -= 1;
        }
    };
    skip_furniture(&mut end, &mut trailing);
    if let Some((label, related)) = related(doc, start, end) {
        article.metadata.related = Some(related);
        end = label;
        skip_furniture(&mut end, &mut trailing);
    }
    if let Some(author_box) = author_box(doc, start, end) {
        end -= 1 + usize::from(author_box.label.is_some());
        article.metadata.author_box = Some(author_box);
        skip_furniture(&mut end, &mut trailing);
    }
    article.boilerplate.extend(trailing);
    end
}

/// The last "Related Articles" label whose following blocks are all short
/// title lines (or list items) or furniture.
fn related<'a>(doc: &Doc<'_, 'a>, start: usize, end: usize) -> Option<(usize, Related<'a>)> {
    let from = end.saturating_sub(40).max(start);
    let label_at = (from..end)
        .rev()
        .find(|&b| doc.single_line(b).and_then(boilerplate::label) == Some(Label::Related))?;
    let mut items = Vec::new();
    for b in label_at + 1..end {
        let block = &doc.blocks[b];
        match block.kind {
            RawKind::Item { .. } | RawKind::Paragraph | RawKind::Heading { .. } => {
                let segs = nodes::segments(doc.lines, block);
                let text = inline::text(&segs);
                if text.split_whitespace().count() > 25 {
                    return None;
                }
                items.push(Text::new(text, doc.span(b)));
            }
            _ if block.lines.is_empty() => {}
            _ => return None,
        }
    }
    let label = Text::new(
        Cow::Borrowed(doc.single_line(label_at)?),
        doc.span(label_at),
    );
    let span = items
        .last()
        .map_or(label.span, |last| label.span.cover(last.span));
    Some((label_at, Related { label, items, span }))
}

/// A bio paragraph at the end of the body, under an "Author" label (or
/// without one when it opens with a name and the label is missing).
fn author_box<'a>(doc: &Doc<'_, 'a>, start: usize, end: usize) -> Option<AuthorBox<'a>> {
    let bio_at = end.checked_sub(1)?;
    if bio_at <= start || !matches!(doc.blocks[bio_at].kind, RawKind::Paragraph) {
        return None;
    }
    let label_at = bio_at - 1;
    let label_text = doc
        .single_line(label_at)
        .filter(|t| boilerplate::label(t) == Some(Label::Author))?;
    let bio = nodes::paragraph(doc.lines, &doc.blocks[bio_at]);
    let name = match &bio.text {
        Cow::Borrowed(t) => metadata::leading_name(t).map(|n| Cow::Borrowed(&t[..n])),
        Cow::Owned(t) => metadata::leading_name(t).map(|n| Cow::Owned(t[..n].to_owned())),
    };
    let label = Text::new(Cow::Borrowed(label_text), doc.span(label_at));
    Some(AuthorBox {
        span: label.span.cover(bio.span),
        label: Some(label),
        name,
        bio,
    })
}

/// The body: blocks into sections; headings and section breaks (two blank
/// lines, a rule) open new sections.
fn body<'a>(doc: &Doc<'_, 'a>, range: std::ops::Range<usize>, article: &mut Article<'a>) {
    let mut section = Section {
        heading: None,
        blocks: Vec::new(),
        span: Span::default(),
    };
    let mut b = range.start;
    while b < range.end {
        let block = &doc.blocks[b];
        if block.lines.is_empty() {
            b += 1;
            continue;
        }
        if let Some(furniture) = doc.boilerplate(b) {
            article.boilerplate.push(furniture);
            b += 1;
            continue;
        }
        if block.blanks_before >= 2 && !section.blocks.is_empty() && b > range.start {
            flush(&mut section, article);
        }
        match block.kind {
            RawKind::Heading { level, .. } => {
                flush(&mut section, article);
                section.heading = Some(nodes::heading(doc.lines, block, level));
            }
            RawKind::Paragraph | RawKind::Attribution => {
                let paragraph = nodes::paragraph(doc.lines, block);
                if crate::trim::trim(&paragraph.text).is_empty() && paragraph.formulas.is_empty() {
                    // Nothing but image markup (`[![alt](src)](href)`): the
                    // image, kept as furniture, not an empty paragraph.
                    article
                        .boilerplate
                        .push(doc.furniture(b, BoilerplateKind::Image));
                } else if crate::trim::trim(&paragraph.text).is_empty() {
                    // Nothing but formulas: an equation set apart.
                    section.blocks.push(Block::Preformatted(nodes::preformatted(
                        doc.input, doc.lines, block,
                    )));
                } else {
                    section.blocks.push(Block::Paragraph(paragraph));
                }
            }
            RawKind::Quote { style } => {
                section
                    .blocks
                    .push(Block::Quote(nodes::quote(doc.lines, block, style)));
            }
            RawKind::Preformatted => {
                section.blocks.push(Block::Preformatted(nodes::preformatted(
                    doc.input, doc.lines, block,
                )));
            }
            RawKind::Rule => {
                article
                    .boilerplate
                    .push(doc.furniture(b, BoilerplateKind::Separator));
                flush(&mut section, article);
            }
            RawKind::Caption => {
                article
                    .boilerplate
                    .push(doc.furniture(b, BoilerplateKind::Caption));
            }
            RawKind::Item { .. } => {
                let run_end = (b..range.end)
                    .find(|&i| !matches!(doc.blocks[i].kind, RawKind::Item { .. }))
                    .unwrap_or(range.end);
                nodes::lists(doc.lines, &doc.blocks[b..run_end], &mut section.blocks);
                b = run_end;
                continue;
            }
        }
        b += 1;
    }
    flush(&mut section, article);
}

/// The most blocks a section is gathered in a kept vector with (see [`flush`]).
const MAX_GATHERED_BLOCKS: usize = 64;

fn flush<'a>(section: &mut Section<'a>, article: &mut Article<'a>) {
    let first = section
        .heading
        .as_ref()
        .map(|h| h.span)
        .or_else(|| section.blocks.first().map(Block::span));
    let Some(first) = first else { return };
    let last = section.blocks.last().map_or(first, Block::span);
    let span = first.cover(last);
    // A finished section keeps no room to grow: blocks are large (a
    // paragraph is 88 bytes), and doubling leaves up to half again unused.
    // A short section's blocks are gathered in a vector kept from section
    // to section and moved out into one of exactly their number: one
    // allocation, where a vector of its own grew step by step and was
    // shrunk once more. A long one keeps its vector, shrunk: a copy would
    // hold its blocks twice at once, and that is the peak of memory.
    let blocks = if section.blocks.len() > MAX_GATHERED_BLOCKS {
        section.blocks.shrink_to_fit();
        std::mem::take(&mut section.blocks)
    } else {
        let mut blocks = Vec::with_capacity(section.blocks.len());
        // Moved at once, and the kept vector's room stays with it.
        blocks.append(&mut section.blocks);
        blocks
    };
    article.sections.push(Section {
        heading: section.heading.take(),
        blocks,
        span,
    });
    section.span = Span::default();
}
