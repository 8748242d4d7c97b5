//! Byte spans into the input and the line:column positions derived from them.

/// A half-open byte range `start..end` into the text that was parsed.
///
/// Every node of an [`Article`](crate::Article) carries one. Spans are always on
/// `char` boundaries of the input, so `&input[span.range()]` never panics for the
/// input the article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing the input.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers in `input`, or `None` when the span does not fit it.
    pub fn text(self, input: &str) -> Option<&str> {
        input.get(self.range())
    }

    /// The 1-based line and column of the span's start in `input`.
    ///
    /// Lines end at `\n`, `\r\n` or a lone `\r`; columns count `char`s.
    /// Computed on demand: nodes store only byte offsets.
    pub fn position(self, input: &str) -> Position {
        Position::of(input, self.start)
    }
}

/// A 1-based line and column (columns count `char`s, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in `char`s.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `input` (clamped to the input's
    /// length; an offset inside a character counts that character's column).
    pub fn of(input: &str, offset: usize) -> Position {
        Self::of_bytes(input.as_bytes(), offset)
    }

    /// Like [`Position::of`] for bytes that may not be valid UTF-8: columns count
    /// UTF-8 lead bytes and invalid bytes, one each.
    pub(crate) fn of_bytes(input: &[u8], offset: usize) -> Position {
        let offset = offset.min(input.len());
        let before = &input[..offset];
        let mut line = 1;
        let mut line_start = 0;
        let mut i = 0;
        while i < before.len() {
            match before[i] {
                b'\n' => {
                    line += 1;
                    line_start = i + 1;
                }
                b'\r'
                    // `\r\n` counts once, at its `\n`.
                    if before.get(i + 1) != Some(&b'\n') && input.get(i + 1) != Some(&b'\n') => {
                        line += 1;
                        line_start = i + 1;
                    }
                _ => {}
            }
            i += 1;
        }
        let column = 1 + before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        Position { line, column }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_chars() {
        let s = "ab\ncé\r\nx\ry";
        assert_eq!(Position::of(s, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(s, 3), Position { line: 2, column: 1 });
        // after "cé" (3 bytes): column 3
        assert_eq!(Position::of(s, 6), Position { line: 2, column: 3 });
        assert_eq!(Position::of(s, 8), Position { line: 3, column: 1 });
        assert_eq!(Position::of(s, 10), Position { line: 4, column: 1 });
        assert_eq!(Position::of(s, 999), Position { line: 4, column: 2 });
    }

    #[test]
    fn span_text_is_checked() {
        let s = "héllo";
        assert_eq!(Span::new(0, 1).text(s), Some("h"));
        assert_eq!(Span::new(0, 2).text(s), None);
        assert_eq!(Span::new(0, 99).text(s), None);
    }
}
