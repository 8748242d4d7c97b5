//! Formulas left in text as TeX. MediaWiki prints a formula's image
//! fallback as a brace group opening with a style command,
//! `{\displaystyle a_{ij}={\overline {a_{ji}}}}`, and text browsers copy it
//! into the running text. It is a picture of an equation, not words: the
//! inline stage takes it out of the text (keeping it as a formula), and the
//! code test does not count its symbols against the line around it.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::{IResult, Parser};

/// Longest formula looked for: bounds the brace matching, so that a stray
/// opener in a long text costs at most this much.
pub(crate) const MAX_FORMULA: usize = 4096;

fn opener(input: &[u8]) -> IResult<&[u8], &[u8]> {
    alt((tag(&b"{\\displaystyle"[..]), tag(&b"{\\textstyle"[..]))).parse(input)
}

/// Does a formula open at the start of `bytes`?
pub(crate) fn opens_formula(bytes: &[u8]) -> bool {
    opener(bytes).is_ok()
}

/// Does a formula open across a line break, `{\` ending one line and its
/// style command starting the next? (w3m breaks long tokens after a
/// backslash.)
pub(crate) fn opens_formula_across(end: &[u8], next: &[u8]) -> bool {
    end == b"{\\" && (next.starts_with(b"displaystyle") || next.starts_with(b"textstyle"))
}

/// Does this "formula" run across a sentence's end (". The")? TeX has no
/// sentences: an opener left unclosed in prose reached a brace much later.
pub(crate) fn spans_sentences(tex: &str) -> bool {
    memchr::memmem::find_iter(tex.as_bytes(), b". ")
        .any(|at| tex[at + 2..].chars().next().is_some_and(char::is_uppercase))
}

/// How far a formula reaches in `bytes`, brace depth carried in `depth`
/// (0 before its opening brace).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// It closes here: the length up to and including its last `}`.
    Closes(usize),
    /// It is still open at the end of `bytes`, this many braces deep.
    Open(u32),
}

/// Match braces from `depth` on through `bytes`. An escaped brace (`\{`) is
/// a character of the formula, not a group.
pub(crate) fn reach(bytes: &[u8], mut depth: u32) -> Reach {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 1,
            b'{' => depth += 1,
            // A `}` with no group open is a stray, not a close.
            b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Reach::Closes(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Reach::Open(depth)
}

/// A formula's place in a line, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InLine {
    pub start: usize,
    pub end: usize,
    /// False for one still open at the line's end (wrapped onto the next):
    /// it reaches to the end.
    pub closed: bool,
}

/// Does the text hold `{\` anywhere, as every formula opens? Searched for
/// by its brace, a single byte: a substring searcher costs more to set up
/// than most lines take to scan.
pub(crate) fn has_tex_group(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'{', bytes).any(|i| bytes.get(i + 1) == Some(&b'\\'))
}

/// The formulas in one line.
pub(crate) fn formulas_in_line(bytes: &[u8]) -> impl Iterator<Item = InLine> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(from..)?;
        let at = memchr::memchr_iter(b'{', rest)
            .map(|i| from + i)
            .find(|&i| opens_formula(&bytes[i..]))?;
        let window = &bytes[at..bytes.len().min(at + MAX_FORMULA)];
        let (end, closed) = match reach(window, 0) {
            Reach::Closes(len) => (at + len, true),
            Reach::Open(_) => (at + window.len(), false),
        };
        from = end;
        Some(InLine {
            start: at,
            end,
            closed,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_openers() {
        assert!(opens_formula(b"{\\displaystyle A}"));
        assert!(opens_formula(b"{\\textstyle x}"));
        assert!(!opens_formula(b"{\\bf x}"));
        assert!(!opens_formula(b"{ \\displaystyle"));
        assert!(!opens_formula(b""));
        assert!(opens_formula_across(b"{\\", b"displaystyle R(M)}"));
        assert!(!opens_formula_across(b"x {\\", b"displaystyle R(M)}"));
        assert!(!opens_formula_across(b"{\\", b"display"));
    }

    #[test]
    fn finds_tex_groups() {
        assert!(has_tex_group(b"a {\\displaystyle x}"));
        assert!(has_tex_group(b"{\\"));
        assert!(!has_tex_group(b"a {b} \\c {"));
    }

    #[test]
    fn tells_prose_from_tex() {
        assert!(spans_sentences("{\\displaystyle x left. Then a }"));
        assert!(!spans_sentences("{\\displaystyle a. b}"));
        assert!(!spans_sentences("{\\displaystyle \\text{i.e. x}}"));
        assert!(!spans_sentences("{\\displaystyle x.}"));
    }

    #[test]
    fn matches_braces() {
        let f = b"{\\displaystyle a_{ij}={\\overline {a_{ji}}}}, then";
        assert_eq!(reach(f, 0), Reach::Closes(f.len() - 6));
        assert_eq!(reach(b"{\\displaystyle A^{\\", 0), Reach::Open(2));
        // The rest of a formula wrapped onto the next line.
        assert_eq!(reach(b"mathsf {H}}}, then", 2), Reach::Closes(12));
        // Escaped braces are characters.
        assert_eq!(reach(b"{\\displaystyle \\{x\\}}", 0), Reach::Closes(21));
        assert_eq!(reach(b"", 3), Reach::Open(3));
        assert_eq!(reach(b"}}}", 0), Reach::Open(0));
    }

    #[test]
    fn finds_formulas_in_a_line() {
        let line = b"vectors {\\displaystyle v,w}, where {\\displaystyle \\langle \\cdot";
        let found: Vec<_> = formulas_in_line(line)
            .map(|f| (f.start, f.end, f.closed))
            .collect();
        assert_eq!(found, vec![(8, 27, true), (35, line.len(), false)]);
        assert_eq!(formulas_in_line(b"no {braces} here {\\bf x}").count(), 0);
        let long = format!("{{\\displaystyle {}", "{".repeat(2 * MAX_FORMULA));
        let found: Vec<_> = formulas_in_line(long.as_bytes())
            .map(|f| (f.start, f.end, f.closed))
            .collect();
        assert_eq!(found, vec![(0, MAX_FORMULA, false)]);
    }
}
