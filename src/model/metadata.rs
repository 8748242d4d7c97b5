use super::{owned, Date, Paragraph};
use crate::span::Span;
use std::borrow::Cow;

/// A piece of text and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Text<'a> {
    /// The text as a reader sees it.
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
}

impl<'a> Text<'a> {
    pub(crate) fn new(text: Cow<'a, str>, span: Span) -> Self {
        Text { text, span }
    }

    /// Detach from the input.
    pub fn into_owned(self) -> Text<'static> {
        Text {
            text: owned(self.text),
            span: self.span,
        }
    }
}

/// A byline: "By Jane Doe and John Roe".
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Byline<'a> {
    /// The names, in order.
    pub authors: Vec<Cow<'a, str>>,
    /// The byline's text in the input.
    pub span: Span,
}

/// The publication date.
///
/// When several facts share a header line ("By Jane Doe | Mar 3, 2025"),
/// each fact's span runs up to the next fact, so the separator after a
/// fact belongs to it and the line's facts cover it without gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Published {
    /// The date.
    pub date: Date,
    /// The text it was read from.
    pub span: Span,
}

/// "5 min read".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReadingTime {
    /// Minutes.
    pub minutes: u32,
    /// The text it was read from.
    pub span: Span,
}

/// "1.2K views".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Views {
    /// The number of views (`1.2K` is 1200).
    pub count: u64,
    /// The text it was read from.
    pub span: Span,
}

/// A disclaimer such as "Financial market analysis from 28/11/2025. Market
/// conditions may have changed since publication."
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Disclaimer<'a> {
    /// Its text.
    pub text: Cow<'a, str>,
    /// A date it mentions, if any.
    pub date: Option<Date>,
    /// Where it is.
    pub span: Span,
}

/// The box about the author at the end of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct AuthorBox<'a> {
    /// The label above the bio ("Author", "About the author"), if any.
    pub label: Option<Text<'a>>,
    /// The author's name, from the bio's leading name ("Steven Soarez
    /// passionately shares..." gives "Steven Soarez").
    pub name: Option<Cow<'a, str>>,
    /// The bio paragraph.
    pub bio: Paragraph<'a>,
    /// Where the whole box is, label included.
    pub span: Span,
}

/// A list of related articles ("Related Articles", "Read more", "More from...").
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Related<'a> {
    /// The label introducing the list.
    pub label: Text<'a>,
    /// The titles listed under it (possibly none).
    pub items: Vec<Text<'a>>,
    /// Where the label and the list are.
    pub span: Span,
}

/// Facts about the article found around its body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Metadata<'a> {
    /// The headline.
    pub title: Option<Text<'a>>,
    /// The byline, when the text has one.
    pub byline: Option<Byline<'a>>,
    /// The publication date.
    pub published: Option<Published>,
    /// Reading time.
    pub reading_time: Option<ReadingTime>,
    /// View count.
    pub views: Option<Views>,
    /// The standfirst: the summary paragraph under the headline.
    pub dek: Option<Paragraph<'a>>,
    /// A disclaimer about the article.
    pub disclaimer: Option<Disclaimer<'a>>,
    /// The author box.
    pub author_box: Option<AuthorBox<'a>>,
    /// Related articles.
    pub related: Option<Related<'a>>,
}

impl<'a> Metadata<'a> {
    /// The article's authors: the byline's names, or else the author box's name.
    pub fn authors(&self) -> Vec<&str> {
        match &self.byline {
            Some(b) if !b.authors.is_empty() => b.authors.iter().map(|a| a.as_ref()).collect(),
            _ => self
                .author_box
                .as_ref()
                .and_then(|a| a.name.as_deref())
                .into_iter()
                .collect(),
        }
    }

    /// Spans of every field, each once.
    pub(crate) fn spans(&self) -> Vec<Span> {
        let mut spans = Vec::new();
        spans.extend(self.title.as_ref().map(|t| t.span));
        spans.extend(self.byline.as_ref().map(|b| b.span));
        spans.extend(self.published.as_ref().map(|p| p.span));
        spans.extend(self.reading_time.as_ref().map(|r| r.span));
        spans.extend(self.views.as_ref().map(|v| v.span));
        spans.extend(self.dek.as_ref().map(|d| d.span));
        spans.extend(self.disclaimer.as_ref().map(|d| d.span));
        if let Some(a) = &self.author_box {
            spans.extend(a.label.as_ref().map(|l| l.span));
            spans.push(a.bio.span);
        }
        if let Some(r) = &self.related {
            spans.push(r.label.span);
            spans.extend(r.items.iter().map(|i| i.span));
        }
        spans
    }

    /// Detach from the input.
    pub fn into_owned(self) -> Metadata<'static> {
        Metadata {
            title: self.title.map(Text::into_owned),
            byline: self.byline.map(|b| Byline {
                authors: b.authors.into_iter().map(owned).collect(),
                span: b.span,
            }),
            published: self.published,
            reading_time: self.reading_time,
            views: self.views,
            dek: self.dek.map(Paragraph::into_owned),
            disclaimer: self.disclaimer.map(|d| Disclaimer {
                text: owned(d.text),
                date: d.date,
                span: d.span,
            }),
            author_box: self.author_box.map(|a| AuthorBox {
                label: a.label.map(Text::into_owned),
                name: a.name.map(owned),
                bio: a.bio.into_owned(),
                span: a.span,
            }),
            related: self.related.map(|r| Related {
                label: r.label.into_owned(),
                items: r.items.into_iter().map(Text::into_owned).collect(),
                span: r.span,
            }),
        }
    }
}
