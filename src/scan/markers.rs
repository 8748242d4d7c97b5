//! Line-start markers: bullets, list numbers, `#` headings, `>` quote prefixes,
//! setext underlines and rules.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{map_opt, recognize, value};
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

/// The glyphs used as bullets, from browser copies, w3m, lynx, inscriptis,
/// pandoc and Markdown. `o` and `#` only count when indented (lynx and
/// inscriptis put them deep), which the caller decides. Tested for by
/// [`is_bullet`].
#[cfg(test)]
const BULLETS: &str = "•◦▪▫●○□■☆★‣⁃∙·-*+o#►▸➢✓✔";

/// A marker at the start of a line and where its content begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Byte length of the marker itself (`•`, `12.`, `(a)`).
    pub marker_len: usize,
    /// Byte offset of the content after the marker and its spaces.
    pub content: usize,
}

/// An ordinal marker: `12.`, `3)`, `(4)`, `b.`, `(iv)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ordinal {
    /// Where the marker and the content are.
    pub at: Marker,
    /// The number (`b` is 2, `iv` is 4), saturating on overflow.
    pub number: u64,
    /// Letters (`a.`, `iv.`) rather than digits: weaker evidence of a list.
    pub alphabetic: bool,
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

/// The spaces after a marker (at least one) and the content after them: a marker
/// alone on its line is not a list item.
fn content_after(marker_len: usize, rest: &str) -> Option<Marker> {
    let spaces = rest.len() - rest.trim_start_matches(is_space).len();
    (spaces > 0 && spaces < rest.len()).then(|| Marker {
        marker_len,
        content: marker_len + spaces,
    })
}

// bullet = BULLET-GLYPH space+ content
pub(crate) fn bullet(line: &str) -> Option<Marker> {
    // Every glyph opens with one of these bytes (the non-ASCII ones are C2
    // or E2 sequences): other lines, most lines of text, skip the parser.
    if !matches!(
        line.as_bytes().first(),
        Some(b'-' | b'*' | b'+' | b'o' | b'#' | 0xC2 | 0xE2)
    ) {
        return None;
    }
    let glyph = line.chars().next().filter(|&c| is_bullet(c))?;
    let rest = line.get(glyph.len_utf8()..)?;
    content_after(glyph.len_utf8(), rest)
}

/// One of [`BULLETS`]: a `match`, which compiles to a few range tests, where
/// a search of the string costs a vectorized search per line.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '□'
            | '■'
            | '☆'
            | '★'
            | '‣'
            | '⁃'
            | '∙'
            | '·'
            | '-'
            | '*'
            | '+'
            | 'o'
            | '#'
            | '►'
            | '▸'
            | '➢'
            | '✓'
            | '✔'
    )
}

// digits = 1*DIGIT   (saturating: list numbers that overflow u64 still parse)
fn decimal(input: &str) -> IResult<&str, u64> {
    take_while1(|c: char| c.is_ascii_digit())
        .map(|d: &str| {
            d.bytes().fold(0u64, |n, b| {
                n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
            })
        })
        .parse(input)
}

// roman = 1*7("i" / "v" / "x") with a valid value, either case
fn roman(input: &str) -> IResult<&str, u64> {
    map_opt(
        alt((
            take_while_m_n(1, 7, |c| matches!(c, 'i' | 'v' | 'x')),
            take_while_m_n(1, 7, |c| matches!(c, 'I' | 'V' | 'X')),
        )),
        roman_value,
    )
    .parse(input)
}

fn roman_value(s: &str) -> Option<u64> {
    let digit = |c: u8| match c.to_ascii_lowercase() {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let bytes = s.as_bytes();
    let mut total = 0i64;
    for (i, &c) in bytes.iter().enumerate() {
        let v = digit(c);
        match bytes.get(i + 1) {
            Some(&next) if digit(next) > v => total -= v,
            _ => total += v,
        }
    }
    // Reject spellings like "iiii" or "vx" by round-tripping through the canonical form.
    let canonical = to_roman(u64::try_from(total).ok()?)?;
    canonical.eq_ignore_ascii_case(s).then_some(total as u64)
}

fn to_roman(mut n: u64) -> Option<&'static str> {
    const TABLE: [&str; 40] = [
        "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
        "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv",
        "xxvi", "xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv",
        "xxxvi", "xxxvii", "xxxviii", "xxxix",
    ];
    if n == 0 || n >= 40 {
        return None;
    }
    n %= 40;
    TABLE.get(n as usize).copied()
}

// letter = ALPHA   ("a" is 1)
fn letter(input: &str) -> IResult<&str, u64> {
    satisfy(|c| c.is_ascii_alphabetic())
        .map(|c| u64::from(c.to_ascii_lowercase() as u8 - b'a' + 1))
        .parse(input)
}

// ordinal = ( "(" label ")" / label ("." / ")") ) space+ content
//   label = digits / roman / letter
pub(crate) fn ordinal(line: &str) -> Option<Ordinal> {
    // A label opens with `(`, a digit or a letter.
    if !line
        .as_bytes()
        .first()
        .is_some_and(|&b| b == b'(' || b.is_ascii_alphanumeric())
    {
        return None;
    }
    // A number is a label only when a `.` or `)` closes it: lines that open
    // with a year or an amount ("2025 was", "10:30") skip the parser.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && !matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return None;
    }
    let numeric = |i| decimal.map(|n| (n, false)).parse(i);
    let alphabetic = |i| alt((roman, letter)).map(|n| (n, true)).parse(i);
    let label = |i| alt((numeric, alphabetic)).parse(i);
    let parsed: IResult<&str, (u64, bool)> = alt((
        delimited(char('('), label, char(')')),
        terminated(label, one_of(".)")),
    ))
    .parse(line);
    let (rest, (number, alphabetic)) = parsed.ok()?;
    let marker_len = line.len() - rest.len();
    Some(Ordinal {
        at: content_after(marker_len, rest)?,
        number,
        alphabetic,
    })
}

/// An ATX heading: its level and where its text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AtxHeading {
    /// Number of `#`s.
    pub level: u8,
    /// The text's byte range in the line, closing `#`s removed.
    pub text: std::ops::Range<usize>,
}

// atx = 1*6"#" space+ text [space+ *"#"]
pub(crate) fn atx_heading(line: &str) -> Option<AtxHeading> {
    let parsed: IResult<&str, &str> = take_while_m_n(1, 6, |c| c == '#').parse(line);
    let (rest, hashes) = parsed.ok()?;
    let at = content_after(hashes.len(), rest)?;
    let text = &line[at.content..];
    let closed = text.trim_end_matches('#');
    let text_end = if closed.is_empty() {
        at.content
    } else if closed.len() < text.len() && closed.ends_with(is_space) {
        at.content + closed.trim_end_matches(is_space).len()
    } else {
        line.len()
    };
    (text_end > at.content).then_some(AtxHeading {
        level: hashes.len() as u8,
        text: at.content..text_end,
    })
}

/// A setext underline: `===` (level 1) or `---` (level 2).
// underline = 2*"=" / 2*"-"
pub(crate) fn setext_underline(line: &str) -> Option<u8> {
    if !matches!(line.as_bytes().first(), Some(b'=' | b'-')) {
        return None;
    }
    let parsed: IResult<&str, u8> = alt((
        value(1u8, take_while1(|c| c == '=')),
        value(2u8, take_while1(|c| c == '-')),
    ))
    .parse(line);
    match parsed {
        Ok(("", level)) if line.len() >= 2 => Some(level),
        _ => None,
    }
}

// rule = 3*( "*" / "_" / "-" / "•" / "~" / "=" / "◆" / "·" / "━" ) with spaces between,
//        one glyph kind (w3m draws `<hr>` as a heavy box-drawing line; the light
//        `─` is left to tables in preformatted text)
pub(crate) fn rule(line: &str) -> bool {
    // Every glyph opens with one of these bytes (`•` `◆` are E2 sequences,
    // `·` a C2 one), and so does a rule after leading spaces (NBSP is C2):
    // other lines are rejected before decoding.
    if !matches!(
        line.as_bytes().first(),
        Some(b'*' | b'_' | b'-' | b'~' | b'=' | b' ' | b'\t' | 0xC2 | 0xE2)
    ) {
        return false;
    }
    // The first glyph sets the kind; every other character must be it or a
    // space. Read as little-endian words of up to four bytes, a whole
    // character at a time, rather than decoded (a long rule of `━` is a
    // thousand characters; a byte slice compare would call `memcmp`).
    let mut rest = line.as_bytes();
    while let Some(len) = space_len(word4(rest)) {
        rest = rest.get(len..).unwrap_or_default();
    }
    let Some(glyph_len) = rule_glyph_len(word4(rest)) else {
        return false;
    };
    let glyph_mask = u32::MAX >> (8 * (4 - glyph_len));
    let glyph = word4(rest) & glyph_mask;
    // A long rule is most often the glyph alone, repeated: then the line
    // equals itself shifted by a glyph, one comparison of its bytes.
    if rest.len() >= LONG_RULE && rest.len() % glyph_len == 0 {
        let repeats = word4(&rest[glyph_len..]) & glyph_mask == glyph;
        if repeats && rest[glyph_len..] == rest[..rest.len() - glyph_len] {
            return true;
        }
    }
    let mut count = 0;
    while !rest.is_empty() {
        let word = word4(rest);
        let len = if word & glyph_mask == glyph {
            count += 1;
            glyph_len
        } else {
            match space_len(word) {
                Some(len) => len,
                None => return false,
            }
        };
        rest = rest.get(len..).unwrap_or_default();
    }
    count >= 3
}

/// Rules this many bytes long or longer are first compared with themselves
/// shifted (see [`rule`]).
const LONG_RULE: usize = 32;

/// The first four bytes of `bytes` as a little-endian word, zero-padded:
/// no character that [`rule`] looks for holds a zero byte.
fn word4(bytes: &[u8]) -> u32 {
    match bytes.first_chunk::<4>() {
        Some(word) => u32::from_le_bytes(*word),
        None => bytes
            .iter()
            .rev()
            .fold(0, |word, &b| (word << 8) | u32::from(b)),
    }
}

/// The length in bytes of the [`is_space`] character that opens `word`
/// ([`word4`]).
fn space_len(word: u32) -> Option<usize> {
    match word.to_le_bytes() {
        [b' ' | b'\t', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        _ => None,
    }
}

/// The length in bytes of the rule glyph that opens `word` ([`word4`]):
/// `*` `_` `-` `~` `=`, `·` (C2 B7), `•` (E2 80 A2), `◆` (E2 97 86) or `━`
/// (E2 94 81).
fn rule_glyph_len(word: u32) -> Option<usize> {
    match word.to_le_bytes() {
        [b'*' | b'_' | b'-' | b'~' | b'=', ..] => Some(1),
        [0xC2, 0xB7, ..] => Some(2),
        [0xE2, 0x80, 0xA2, _] | [0xE2, 0x97, 0x86, _] | [0xE2, 0x94, 0x81, _] => Some(3),
        _ => None,
    }
}

/// A `>`-prefixed line: how many `>` and where the content starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuotePrefix {
    /// Number of `>` levels.
    pub depth: usize,
    /// Byte offset of the content (equal to the line's length when empty).
    pub content: usize,
}

// quote-prefix = 1*( ">" [space] )
pub(crate) fn quote_prefix(line: &str) -> Option<QuotePrefix> {
    let parsed: IResult<&str, &str> = recognize(nom::multi::many1_count(terminated(
        tag(">"),
        nom::combinator::opt(one_of(" \t")),
    )))
    .parse(line);
    let (rest, prefix) = parsed.ok()?;
    let depth = prefix.bytes().filter(|&b| b == b'>').count();
    let content = line.len() - rest.trim_start_matches(is_space).len();
    Some(QuotePrefix { depth, content })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_open_with_the_checked_bytes() {
        for glyph in BULLETS.chars() {
            let line = format!("{glyph} item");
            assert!(bullet(&line).is_some(), "{line}");
        }
        for glyph in "*_-•~=◆·".chars() {
            let line = format!("{glyph} {glyph} {glyph}");
            assert!(rule(&line), "{line}");
            assert!(rule(&format!("\u{a0}{line}")), "{line}");
        }
    }

    #[test]
    fn is_bullet_is_the_glyph_list() {
        for c in ('\0'..='\u{FFFF}').chain(['\u{1F600}']) {
            assert_eq!(is_bullet(c), BULLETS.contains(c), "{c:?}");
        }
    }

    #[test]
    fn ordinal_labels_need_their_stop() {
        assert_eq!(ordinal("2025 was a year"), None);
        assert_eq!(ordinal("10:30 start"), None);
        assert_eq!(ordinal("12345"), None);
        assert_eq!(ordinal("3) three").map(|o| o.number), Some(3));
    }

    #[test]
    fn bullets() {
        assert_eq!(
            bullet("• A ceasefire"),
            Some(Marker {
                marker_len: 3,
                content: 4
            })
        );
        assert_eq!(
            bullet("-   item"),
            Some(Marker {
                marker_len: 1,
                content: 4
            })
        );
        assert_eq!(bullet("* item").map(|m| m.content), Some(2));
        assert_eq!(bullet("☆ deep").map(|m| m.content), Some(4));
        assert_eq!(bullet("o lynx third level").map(|m| m.content), Some(2));
        // rejects
        assert_eq!(bullet("•"), None);
        assert_eq!(bullet("• "), None);
        assert_eq!(bullet("**bold** text"), None);
        assert_eq!(bullet("-5 degrees"), None);
        assert_eq!(bullet("Text"), None);
        assert_eq!(bullet(""), None);
    }

    #[test]
    fn ordinals() {
        let o = ordinal("1. Gradual").unwrap();
        assert_eq!((o.number, o.alphabetic, o.at.content), (1, false, 3));
        assert_eq!(ordinal("12) twelve").map(|o| o.number), Some(12));
        assert_eq!(ordinal("(3) three").map(|o| o.number), Some(3));
        assert_eq!(
            ordinal("b. bee").map(|o| (o.number, o.alphabetic)),
            Some((2, true))
        );
        assert_eq!(ordinal("iv. four").map(|o| o.number), Some(4));
        assert_eq!(ordinal("(xii) twelve").map(|o| o.number), Some(12));
        assert_eq!(ordinal("IX) nine").map(|o| o.number), Some(9));
        assert_eq!(
            ordinal("99999999999999999999999. big").map(|o| o.number),
            Some(u64::MAX)
        );
        // leftover: the content offset points past the spaces
        assert_eq!(ordinal("2.   spaced").map(|o| o.at.content), Some(5));
        // rejects
        assert_eq!(ordinal("1.5 million"), None);
        assert_eq!(ordinal("2025"), None);
        assert_eq!(ordinal("1."), None);
        assert_eq!(ordinal("ab. no"), None);
        assert_eq!(ordinal("iiii. no"), None);
        assert_eq!(ordinal("(1 unclosed"), None);
    }

    #[test]
    fn atx_headings() {
        assert_eq!(
            atx_heading("## Title"),
            Some(AtxHeading {
                level: 2,
                text: 3..8
            })
        );
        assert_eq!(atx_heading("# Title #").map(|h| h.text), Some(2..7));
        assert_eq!(atx_heading("###### Six").map(|h| h.level), Some(6));
        assert_eq!(atx_heading("#hashtag"), None);
        assert_eq!(atx_heading("####### seven"), None);
        assert_eq!(atx_heading("#"), None);
        assert_eq!(atx_heading("# #"), None);
    }

    #[test]
    fn underlines_and_rules() {
        assert_eq!(setext_underline("====="), Some(1));
        assert_eq!(setext_underline("--"), Some(2));
        assert_eq!(setext_underline("-"), None);
        assert_eq!(setext_underline("==-"), None);
        for c in (0..0x3000).filter_map(char::from_u32) {
            let glyph = matches!(c, '*' | '_' | '-' | '•' | '~' | '=' | '◆' | '·' | '━');
            let mut encoded = [0u8; 4];
            let len = c.encode_utf8(&mut encoded).len();
            let expected = glyph.then_some(len);
            assert_eq!(
                rule_glyph_len(u32::from_le_bytes(encoded)),
                expected,
                "{c:?}"
            );
        }
        assert_eq!(word4(b"abcde"), u32::from_le_bytes(*b"abcd"));
        assert_eq!(word4(b"ab"), u32::from_le_bytes([b'a', b'b', 0, 0]));
        assert_eq!(word4(b""), 0);
        assert_eq!(space_len(word4(b" x")), Some(1));
        assert_eq!(space_len(word4(b"\tx")), Some(1));
        assert_eq!(space_len(word4("\u{a0}x".as_bytes())), Some(2));
        assert_eq!(space_len(word4("\u{a1}".as_bytes())), None);
        assert_eq!(space_len(word4(b"")), None);
        assert!(rule("·\u{a0}·\u{a0}·"));
        assert!(!rule("··\u{b7}\u{c2}"));
        assert!(rule("*\u{a0}*\t* "));
        assert!(!rule("━━━━━━━━━x"));
        assert!(!rule("━━━━━━━━━\u{2501}\u{2502}"));
        assert!(rule("* * *"));
        assert!(rule("---"));
        assert!(rule("• • •"));
        assert!(rule("━━━━━━━━"));
        assert!(!rule("──────"));
        assert!(!rule("*-*"));
        assert!(!rule("**"));
        assert!(!rule("*** text"));
        // Long rules, compared with themselves shifted or read glyph by glyph.
        for glyph in ["*", "-", "=", "·", "•", "◆", "━"] {
            for n in [10, 11, 12, 40, 1000] {
                let line = glyph.repeat(n);
                assert!(rule(&line), "{line}");
                assert!(rule(&format!("  {line} ")), "{line}");
                assert!(!rule(&format!("{line}x")), "{line}");
                assert!(!rule(&format!("{line}─{glyph}")), "{line}");
                assert!(!rule(&format!("x{line}")), "{line}");
            }
        }
    }

    #[test]
    fn quote_prefixes() {
        assert_eq!(
            quote_prefix("> text"),
            Some(QuotePrefix {
                depth: 1,
                content: 2
            })
        );
        assert_eq!(
            quote_prefix(">> deep"),
            Some(QuotePrefix {
                depth: 2,
                content: 3
            })
        );
        assert_eq!(quote_prefix("> > x").map(|q| q.depth), Some(2));
        assert_eq!(quote_prefix(">").map(|q| q.content), Some(1));
        assert_eq!(quote_prefix(">   * item").map(|q| q.content), Some(4));
        assert_eq!(quote_prefix("text > more"), None);
    }
}
