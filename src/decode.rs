//! Bytes in: strict or lossy UTF-8 decoding with positions for what went wrong.

use crate::error::{Error, ErrorKind};
use crate::options::Options;
use crate::span::{Position, Span};
use std::borrow::Cow;

/// Text decoded from bytes by [`decode`], with the places where invalid UTF-8
/// was replaced by U+FFFD (only with [`Options::lossy_utf8`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    text: Cow<'a, str>,
    replacements: Vec<Span>,
}

impl<'a> Decoded<'a> {
    /// The text, borrowed from the bytes when they were valid.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte ranges of the input that were invalid and replaced, in order.
    pub fn replacements(&self) -> &[Span] {
        &self.replacements
    }

    /// Take the text.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }
}

/// Decode bytes as UTF-8.
///
/// Strict by default; with [`Options::lossy_utf8`] each invalid sequence becomes
/// U+FFFD and its byte range in `input` is recorded.
///
/// ```
/// let mut options = article_text::Options::default();
/// let err = article_text::decode(b"ok\n\xff", &options).unwrap_err();
/// assert_eq!((err.line(), err.column(), err.span().start), (2, 1, 3));
/// options.lossy_utf8 = true;
/// let decoded = article_text::decode(b"ok\n\xff", &options)?;
/// assert_eq!(decoded.text(), "ok\n\u{FFFD}");
/// assert_eq!(decoded.replacements(), [article_text::Span::new(3, 4)]);
/// # Ok::<(), article_text::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::InvalidUtf8`] at the first invalid byte, when not lossy.
pub fn decode<'a>(input: &'a [u8], options: &Options) -> Result<Decoded<'a>, Error> {
    if !options.lossy_utf8 {
        return strict(input).map(|text| Decoded {
            text: Cow::Borrowed(text),
            replacements: Vec::new(),
        });
    }
    let mut replacements = Vec::new();
    let mut text = String::new();
    let mut rest = input;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                if replacements.is_empty() {
                    // Every byte was valid: borrow instead of copying.
                    return Ok(Decoded {
                        text: Cow::Borrowed(valid),
                        replacements,
                    });
                }
                text.push_str(valid);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // `valid_up_to` marks a prefix that is valid UTF-8 by definition.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(after.len());
                let start = offset + valid.len();
                replacements.push(Span::new(start, start + bad));
                text.push('\u{FFFD}');
                rest = &after[bad..];
                offset = start + bad;
            }
        }
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        replacements,
    })
}

pub(crate) fn strict(input: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(input).map_err(|e| {
        let start = e.valid_up_to();
        let end = start + e.error_len().unwrap_or(input.len() - start);
        Error::at(
            ErrorKind::InvalidUtf8,
            Span::new(start, end),
            Position::of_bytes(input, start),
        )
    })
}
