//! The public model: what a parsed article is made of.
//!
//! Text borrows from the input where it can (`Cow::Borrowed`) and is owned only
//! where the parser had to change it (joining hard-wrapped lines, stripping
//! inline markup). Every node carries a [`Span`] into the input.
//! This module knows nothing about parsing.

mod body;
mod date;
mod metadata;

pub use body::{
    Attribution, Block, Formula, Heading, Link, List, ListItem, Paragraph, Preformatted, Quotation,
    Quote, QuoteStyle, Section,
};
pub use date::{Date, InvalidDate};
pub use metadata::{
    AuthorBox, Byline, Disclaimer, Metadata, Published, ReadingTime, Related, Text, Views,
};

use crate::span::Span;
use std::borrow::Cow;

pub(crate) fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

/// A parsed article: header metadata, the body as sections, and everything
/// that is neither (boilerplate and junk), each with its span.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Article<'a> {
    /// Title, byline, dates and the other facts around the body.
    pub metadata: Metadata<'a>,
    /// The body, in reading order. The first section has no heading when the
    /// body starts with text.
    pub sections: Vec<Section<'a>>,
    /// Lines that are neither body nor metadata (share lines, captions, credits,
    /// markup residue...), in input order.
    pub boilerplate: Vec<Boilerplate<'a>>,
}

impl<'a> Article<'a> {
    /// Detach the article from its input.
    pub fn into_owned(self) -> Article<'static> {
        Article {
            metadata: self.metadata.into_owned(),
            sections: self.sections.into_iter().map(Section::into_owned).collect(),
            boilerplate: self
                .boilerplate
                .into_iter()
                .map(Boilerplate::into_owned)
                .collect(),
        }
    }

    /// Every body block, section by section, in reading order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block<'a>> {
        self.sections.iter().flat_map(|s| s.blocks.iter())
    }

    /// Every section heading, in reading order.
    pub fn headings(&self) -> impl Iterator<Item = &Heading<'a>> {
        self.sections.iter().filter_map(|s| s.heading.as_ref())
    }

    /// The spans of all top-level nodes (each metadata field, heading, body
    /// block and boilerplate line), sorted by start. They do not overlap, and
    /// together they cover every non-whitespace byte of the input.
    pub fn spans(&self) -> Vec<Span> {
        let mut spans = self.metadata.spans();
        for section in &self.sections {
            spans.extend(section.heading.as_ref().map(|h| h.span));
            spans.extend(section.blocks.iter().map(Block::span));
        }
        spans.extend(self.boilerplate.iter().map(|b| b.span));
        spans.sort_unstable();
        spans
    }
}

/// What a boilerplate line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// Residue of markup or code: `?>`, `</div>`, `{{ var }}`.
    Junk,
    /// "Share", "Tweet", "Share this:", social buttons.
    Share,
    /// "Advertisement", "Sponsored".
    Advertisement,
    /// An image placeholder such as `[image]`, `![alt](src)`, "Image", a
    /// paragraph of nothing but image markup, or an image's file name.
    Image,
    /// A photo credit ("Photo: Jane Doe/Reuters", "Getty Images").
    Credit,
    /// Navigation or a call to action that introduces nothing the parser
    /// keeps ("Read more", "Next", "Continue reading").
    Label,
    /// A horizontal rule or a line of decoration (`***`, `----`, `• • •`,
    /// w3m's `━━━`).
    Separator,
    /// A figure caption or an image's alt text standing as its own line
    /// (pandoc's wrapped `[alt text]`, or one phrase printed twice as alt
    /// text and caption).
    Caption,
    /// A header line the parser recognised as page furniture but not as a
    /// metadata field ("Updated", "Follow", "Email the author").
    Header,
}

/// A line (or run of lines) kept out of the body, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Boilerplate<'a> {
    /// What it is.
    pub kind: BoilerplateKind,
    /// The text as it appears (trimmed).
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
}

impl<'a> Boilerplate<'a> {
    pub(crate) fn new(kind: BoilerplateKind, text: &'a str, span: Span) -> Self {
        Boilerplate {
            kind,
            text: Cow::Borrowed(text),
            span,
        }
    }

    /// Detach from the input.
    pub fn into_owned(self) -> Boilerplate<'static> {
        Boilerplate {
            kind: self.kind,
            text: owned(self.text),
            span: self.span,
        }
    }
}
