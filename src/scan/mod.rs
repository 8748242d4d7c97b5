//! Small pure scanners, one per grammar rule, each with its unit tests.
//!
//! They are written with nom's `complete` parsers and never fail loudly: a
//! scanner that does not match returns `None` (or a nom error), and the caller
//! treats the line as plain text.

pub(crate) mod boilerplate;
pub(crate) mod date;
pub(crate) mod markers;
pub(crate) mod metadata;
pub(crate) mod quotes;

/// Whether `needle` occurs in `haystack`. Haystacks here are single short
/// lines, where building a `memmem` finder per call costs more than a
/// first-byte search with `memchr`.
pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr_iter(first, haystack)
        .any(|i| haystack.get(i + 1..i + 1 + rest.len()) == Some(rest))
}

#[cfg(test)]
mod tests {
    #[test]
    fn contains_finds_substrings() {
        assert!(super::contains(b"not financial advice", b"financial"));
        assert!(super::contains(b"abc", b""));
        assert!(!super::contains(b"financ", b"financial"));
        assert!(!super::contains(b"", b"a"));
    }
}
