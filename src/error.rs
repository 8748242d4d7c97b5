//! The one error type: what went wrong and where.

use crate::span::{Position, Span};

/// Why an input could not be read as an article.
///
/// The body grammar never fails; errors are for input that cannot be an article
/// at all, or that breaks a limit set in [`Options`](crate::Options).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input has no bytes at all.
    Empty,
    /// The input holds only whitespace.
    OnlyWhitespace,
    /// The input has text, but none of it reads as article text (only junk or
    /// boilerplate such as markup residue, share lines or labels).
    NoArticleText,
    /// The input is longer than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    InputTooLarge {
        /// The limit that was exceeded, in bytes.
        limit: usize,
    },
    /// Lists or quotes nest deeper than [`Options::max_nesting_depth`](crate::Options::max_nesting_depth).
    NestingTooDeep {
        /// The limit that was exceeded, in levels.
        limit: usize,
    },
    /// The bytes are not valid UTF-8 (from [`parse_bytes`](crate::parse_bytes)).
    InvalidUtf8,
}

impl ErrorKind {
    fn message(&self) -> String {
        match self {
            ErrorKind::Empty => "the input is empty".to_owned(),
            ErrorKind::OnlyWhitespace => "the input holds only whitespace".to_owned(),
            ErrorKind::NoArticleText => {
                "the input holds no article text, only junk or boilerplate".to_owned()
            }
            ErrorKind::InputTooLarge { limit } => {
                format!("the input is larger than the limit of {limit} bytes (Options::max_input_bytes)")
            }
            ErrorKind::NestingTooDeep { limit } => {
                format!("nesting is deeper than the limit of {limit} levels (Options::max_nesting_depth)")
            }
            ErrorKind::InvalidUtf8 => "the input is not valid UTF-8".to_owned(),
        }
    }
}

/// An input that could not be parsed: its [`ErrorKind`], the [`Span`] at fault
/// and the line:column where that span starts.
///
/// The error owns nothing from the input, so it can outlive it.
///
/// ```
/// let err = article_text::parse("   \n\t\n").unwrap_err();
/// assert_eq!(err.kind(), article_text::ErrorKind::OnlyWhitespace);
/// assert_eq!(err.to_string(), "the input holds only whitespace at 1:1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at {position}")]
pub struct Error {
    kind: ErrorKind,
    span: Span,
    position: Position,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, span: Span, input: &str) -> Self {
        Self::at(kind, span, Position::of(input, span.start))
    }

    pub(crate) fn at(kind: ErrorKind, span: Span, position: Position) -> Self {
        Error {
            message: kind.message(),
            kind,
            span,
            position,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The bytes at fault (for an empty input, the empty span `0..0`).
    pub fn span(&self) -> Span {
        self.span
    }

    /// Where the fault starts.
    pub fn position(&self) -> Position {
        self.position
    }

    /// 1-based line of the fault.
    pub fn line(&self) -> usize {
        self.position.line
    }

    /// 1-based column (in `char`s) of the fault.
    pub fn column(&self) -> usize {
        self.position.column
    }
}
