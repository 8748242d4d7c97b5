//! Turn plain-text articles into typed structure.
//!
//! News and blog text rarely arrives as clean HTML: it is copied from a
//! browser, dumped by w3m, lynx, html2text, inscriptis or pandoc, or pulled
//! from crawl text. `article-text` reads such text into an [`Article`]:
//! metadata (title, byline, date, reading time, views, dek, disclaimer, author
//! box, related articles), a body of [`Section`]s with headings, paragraphs,
//! lists and quotes, and the [`Boilerplate`] around them, every node with its
//! byte [`Span`] in the input.
//!
//! ```
//! let text = "How Rivers Learn to Bend\n\nBy Ada Reyes\nMarch 3, 2025\n\n\
//!             Rivers do not run straight for long.\n\n\
//!             What Shapes a Bend\n\n\
//!             A bend grows where the current is fastest:\n\n\
//!             • Erosion on the outer bank\n\
//!             • Deposits on the inner bank\n";
//! let article = article_text::parse(text)?;
//! assert_eq!(article.metadata.title.as_ref().unwrap().text, "How Rivers Learn to Bend");
//! assert_eq!(article.metadata.authors(), ["Ada Reyes"]);
//! assert_eq!(article.metadata.published.unwrap().date.to_string(), "2025-03-03");
//! let headings: Vec<_> = article.headings().map(|h| h.text.as_ref()).collect();
//! assert_eq!(headings, ["What Shapes a Bend"]);
//! # Ok::<(), article_text::Error>(())
//! ```
//!
//! # The pipeline
//! Each stage calls only the one below it:
//! 1. `scan`: small pure nom scanners (markers, dates, reading time, bylines,
//!    quotation marks);
//! 2. `lines`: the input split into lines, each measured and classified once;
//! 3. `blocks`: lines grouped into paragraphs, lists, quotes and headings,
//!    using indentation and wrapping;
//! 4. `inline`: wrapped lines joined, quotations, links and formulas found
//!    inside text;
//! 5. `article`: the header read into [`Metadata`], the body into sections, the
//!    footer into the author box, related articles and junk.
//!
//! The model ([`Article`] and its parts), [`Span`] and [`Error`] are leaves
//! that know nothing of parsing.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod article;
mod blocks;
mod byte_words;
mod decode;
mod error;
mod inline;
mod lines;
mod model;
mod options;
mod scan;
mod span;
mod trim;
mod work;

#[cfg(test)]
mod linear_tests;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use decode::{decode, Decoded};
pub use error::{Error, ErrorKind};
pub use model::{
    Article, Attribution, AuthorBox, Block, Boilerplate, BoilerplateKind, Byline, Date, Disclaimer,
    Formula, Heading, InvalidDate, Link, List, ListItem, Metadata, Paragraph, Preformatted,
    Published, Quotation, Quote, QuoteStyle, ReadingTime, Related, Section, Text, Views,
};
pub use options::{DateOrder, Options};
pub use span::{Position, Span};

/// Parse an article with the default [`Options`].
///
/// # Errors
/// See [`parse_with`].
pub fn parse(input: &str) -> Result<Article<'_>, Error> {
    parse_with(input, &Options::default())
}

/// Parse an article.
///
/// # Errors
/// [`ErrorKind::Empty`], [`ErrorKind::OnlyWhitespace`] or
/// [`ErrorKind::NoArticleText`] when the input cannot be an article;
/// [`ErrorKind::InputTooLarge`] or [`ErrorKind::NestingTooDeep`] when it breaks
/// a limit of `options`.
pub fn parse_with<'a>(input: &'a str, options: &Options) -> Result<Article<'a>, Error> {
    // (Line offsets are 32-bit: no input is longer than `MAX_INPUT`.)
    let limit = options.max_input_bytes.min(lines::MAX_INPUT);
    if input.len() > limit {
        // Point at the first byte past the limit without scanning the whole input for lines.
        let at = (0..=limit.min(input.len()))
            .rev()
            .find(|&i| input.is_char_boundary(i))
            .unwrap_or(0);
        return Err(Error::new(
            ErrorKind::InputTooLarge { limit },
            Span::new(at, input.len()),
            input,
        ));
    }
    if input.is_empty() {
        return Err(Error::new(ErrorKind::Empty, Span::new(0, 0), input));
    }
    if input.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(Error::new(
            ErrorKind::OnlyWhitespace,
            Span::new(0, input.len()),
            input,
        ));
    }
    let lines = lines::split(input);
    let (blocks, verdicts) = blocks::group(input, &lines, options)?;
    article::assemble(input, &lines, blocks, &verdicts, options)
}

/// Parse UTF-8 bytes with the default [`Options`].
///
/// # Errors
/// [`ErrorKind::InvalidUtf8`] at the first invalid byte; otherwise as [`parse_with`].
/// To read damaged text anyway, [`decode`] it lossily first.
pub fn parse_bytes(input: &[u8]) -> Result<Article<'_>, Error> {
    let text = decode::strict(input)?;
    parse(text)
}
