use super::owned;
use crate::span::Span;
use std::borrow::Cow;

/// A heading and the blocks under it, up to the next heading or section break.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Section<'a> {
    /// The heading, or `None` for text before the first heading or after a
    /// section break (a double blank line, a rule).
    pub heading: Option<Heading<'a>>,
    /// The blocks, in reading order.
    pub blocks: Vec<Block<'a>>,
    /// From the heading (or first block) to the last block.
    pub span: Span,
}

impl<'a> Section<'a> {
    /// Detach from the input.
    pub fn into_owned(self) -> Section<'static> {
        Section {
            heading: self.heading.map(Heading::into_owned),
            blocks: self.blocks.into_iter().map(Block::into_owned).collect(),
            span: self.span,
        }
    }
}

/// A heading.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Heading<'a> {
    /// 1 to 6: from the text where it says so (`##`, setext underlines),
    /// otherwise the parser's estimate (2 for a bare line).
    pub level: u8,
    /// The heading text, markers stripped.
    pub text: Cow<'a, str>,
    /// Where it is, markers and underline included.
    pub span: Span,
}

impl<'a> Heading<'a> {
    /// Detach from the input.
    pub fn into_owned(self) -> Heading<'static> {
        Heading {
            level: self.level,
            text: owned(self.text),
            span: self.span,
        }
    }
}

/// A body block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Block<'a> {
    /// Running text.
    Paragraph(Paragraph<'a>),
    /// A bullet or numbered list.
    List(List<'a>),
    /// A block quotation.
    Quote(Quote<'a>),
    /// Text whose line breaks matter (code, command lines, tables).
    Preformatted(Preformatted<'a>),
}

impl<'a> Block<'a> {
    /// Where the block is.
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(p) => p.span,
            Block::List(l) => l.span,
            Block::Quote(q) => q.span,
            Block::Preformatted(p) => p.span,
        }
    }

    /// Detach from the input.
    pub fn into_owned(self) -> Block<'static> {
        match self {
            Block::Paragraph(p) => Block::Paragraph(p.into_owned()),
            Block::List(l) => Block::List(l.into_owned()),
            Block::Quote(q) => Block::Quote(q.into_owned()),
            Block::Preformatted(p) => Block::Preformatted(p.into_owned()),
        }
    }
}

/// A quotation inside running text: “could be the basis”.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Quotation<'a> {
    /// The quoted words, without their marks.
    pub text: Cow<'a, str>,
    /// Where they are, marks included.
    pub span: Span,
}

/// A link left in the text by a converter: `[text](url)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Link<'a> {
    /// The link text as it reads in the paragraph.
    pub text: Cow<'a, str>,
    /// Its target.
    pub url: Cow<'a, str>,
    /// Where the link's markup is.
    pub span: Span,
}

/// A formula left in the text as TeX (`{\displaystyle a_{ij}}`), as
/// MediaWiki prints an equation's image fallback. It is a picture of the
/// equation, not words: kept here, out of the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Formula<'a> {
    /// The TeX, braces included; a formula wrapped over lines has them
    /// joined with one space.
    pub tex: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
}

fn own_formulas(f: Vec<Formula<'_>>) -> Vec<Formula<'static>> {
    f.into_iter()
        .map(|f| Formula {
            tex: owned(f.tex),
            span: f.span,
        })
        .collect()
}

fn own_quotations(q: Vec<Quotation<'_>>) -> Vec<Quotation<'static>> {
    q.into_iter()
        .map(|q| Quotation {
            text: owned(q.text),
            span: q.span,
        })
        .collect()
}

fn own_links(l: Vec<Link<'_>>) -> Vec<Link<'static>> {
    l.into_iter()
        .map(|l| Link {
            text: owned(l.text),
            url: owned(l.url),
            span: l.span,
        })
        .collect()
}

/// A paragraph of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Paragraph<'a> {
    /// The text, hard-wrapped lines joined with one space, inline markup removed.
    pub text: Cow<'a, str>,
    /// Quotations inside it, in order.
    pub quotations: Vec<Quotation<'a>>,
    /// Links inside it, in order.
    pub links: Vec<Link<'a>>,
    /// Formulas taken out of the text, in order (serialized only when there
    /// are some).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub formulas: Vec<Formula<'a>>,
    /// Where it is.
    pub span: Span,
}

impl<'a> Paragraph<'a> {
    /// Detach from the input.
    pub fn into_owned(self) -> Paragraph<'static> {
        Paragraph {
            text: owned(self.text),
            quotations: own_quotations(self.quotations),
            links: own_links(self.links),
            formulas: own_formulas(self.formulas),
            span: self.span,
        }
    }
}

/// A bullet or numbered list.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct List<'a> {
    /// True for `1.`, `a)`, `(iv)` markers; false for bullets.
    pub ordered: bool,
    /// The items, in order.
    pub items: Vec<ListItem<'a>>,
    /// Where it is.
    pub span: Span,
}

impl<'a> List<'a> {
    /// Detach from the input.
    pub fn into_owned(self) -> List<'static> {
        List {
            ordered: self.ordered,
            items: self.items.into_iter().map(ListItem::into_owned).collect(),
            span: self.span,
        }
    }
}

/// One list item.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ListItem<'a> {
    /// The marker as written: `•`, `-`, `1.`, `(a)`.
    pub marker: Cow<'a, str>,
    /// The item's text without its marker, wrapped lines joined.
    pub text: Cow<'a, str>,
    /// For items written "Lead — body" or "Lead: body", the lead.
    pub lead: Option<Cow<'a, str>>,
    /// Quotations inside the item.
    pub quotations: Vec<Quotation<'a>>,
    /// Links inside the item.
    pub links: Vec<Link<'a>>,
    /// Formulas taken out of the text, in order (serialized only when there
    /// are some).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub formulas: Vec<Formula<'a>>,
    /// Lists nested under this item.
    pub children: Vec<List<'a>>,
    /// Where it is, marker and nested lists included.
    pub span: Span,
}

impl<'a> ListItem<'a> {
    /// Detach from the input.
    pub fn into_owned(self) -> ListItem<'static> {
        ListItem {
            marker: owned(self.marker),
            text: owned(self.text),
            lead: self.lead.map(owned),
            quotations: own_quotations(self.quotations),
            links: own_links(self.links),
            formulas: own_formulas(self.formulas),
            children: self.children.into_iter().map(List::into_owned).collect(),
            span: self.span,
        }
    }
}

/// How a block quote was marked in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum QuoteStyle {
    /// A paragraph wholly inside quotation marks.
    Marks,
    /// Lines prefixed with `>`.
    Prefixed,
    /// Lines indented deeper than the body around them.
    Indented,
    /// No marks, but followed by an attribution line ("— Name").
    Attributed,
}

/// Who said it: the "— Name" line under a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Attribution<'a> {
    /// The name, without the dash.
    pub name: Cow<'a, str>,
    /// Where the attribution line is.
    pub span: Span,
}

/// A block quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Quote<'a> {
    /// The quotation without its enclosing marks, lines joined.
    pub text: Cow<'a, str>,
    /// Who said it.
    pub attribution: Option<Attribution<'a>>,
    /// How it was marked.
    pub style: QuoteStyle,
    /// Where it is, attribution included.
    pub span: Span,
}

impl<'a> Quote<'a> {
    /// Detach from the input.
    pub fn into_owned(self) -> Quote<'static> {
        Quote {
            text: owned(self.text),
            attribution: self.attribution.map(|a| Attribution {
                name: owned(a.name),
                span: a.span,
            }),
            style: self.style,
            span: self.span,
        }
    }
}

/// Text whose line breaks matter (code, shell sessions, tables).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Preformatted<'a> {
    /// The lines exactly as they stand in the input (first line's
    /// indentation excluded, fences and line endings kept).
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
}

impl<'a> Preformatted<'a> {
    /// Detach from the input.
    pub fn into_owned(self) -> Preformatted<'static> {
        Preformatted {
            text: owned(self.text),
            span: self.span,
        }
    }
}
