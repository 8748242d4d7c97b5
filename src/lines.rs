//! Stage 2: the input split into lines, each measured and classified once.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. A line's text is trimmed of
//! indentation and trailing whitespace (spaces, tabs, NBSP, a BOM); its
//! indentation is kept as a column count, because indentation is structure in
//! most plain-text dialects.

use crate::byte_words::{byte_flags, equal_bytes, word_at, HIGH_BITS, LOW_BITS};
use crate::scan::{markers, quotes};

/// Where a marker's text starts in its line (`"*   item"`: 4). A marker
/// is short, and the spaces after it are few: a marker further than this
/// from its text is no marker (the line is text), which keeps [`LineKind`]
/// at 8 bytes and [`Line`] at 32.
pub(crate) type MarkerEnd = u16;

/// `n` as a [`MarkerEnd`], if it fits.
fn marker_end(n: usize) -> Option<MarkerEnd> {
    MarkerEnd::try_from(n).ok()
}

/// What a line looks like on its own, before its neighbours are considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but whitespace.
    Blank,
    /// Anything else: running text, a heading candidate, a label.
    Text,
    /// `• item`: `content` is the byte offset of the item text.
    Bullet { content: MarkerEnd, glyph: char },
    /// `1. item`, `(a) item`.
    Ordered {
        content: MarkerEnd,
        /// Saturating: `u32` keeps [`Line`] small (one per input line).
        number: u32,
        alphabetic: bool,
    },
    /// `> quoted`: `depth` levels of `>`.
    Quoted { content: MarkerEnd, depth: u32 },
    /// `## Heading`: `content..end` is the heading text.
    Atx {
        level: u8,
        content: MarkerEnd,
        end: u32,
    },
    /// `===` or `---` under a line of text.
    Underline { level: u8 },
    /// `* * *`, `---`.
    Rule,
    /// `— Name`: `content` is where the name starts.
    Attribution { content: MarkerEnd },
    /// A code fence (```` ``` ````, `~~~`).
    Fence,
}

/// One line of input. One per input line, the largest table the parser
/// keeps: at 32 bytes, offsets are `u32` (inputs are at most 4 GiB), and
/// columns `u16`, saturating (a line 65,535 columns wide or indented so far
/// is as wide or as deep as any rule asks).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The text, indentation and trailing whitespace removed.
    pub text: &'a str,
    /// Byte offset of `text` in the input: see [`Line::start`].
    start: u32,
    /// Columns of indentation: see [`Line::indent`].
    indent: u16,
    /// Columns the text occupies: see [`Line::width`].
    width: u16,
    /// What the line looks like.
    pub kind: LineKind,
}

const _: () = assert!(std::mem::size_of::<Line<'static>>() == 32);

/// `n` columns, saturating at what a [`Line`] keeps.
fn columns_kept(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl<'a> Line<'a> {
    /// Columns of indentation (a tab advances to the next multiple of 4).
    pub fn indent(&self) -> u32 {
        u32::from(self.indent)
    }

    /// Columns the text occupies: one per `char`, two for East Asian wide
    /// characters, as terminals and text browsers lay them out.
    pub fn width(&self) -> u32 {
        u32::from(self.width)
    }

    /// The same line, set at another indent.
    pub fn at_indent(mut self, indent: u32) -> Self {
        self.indent = columns_kept(indent);
        self
    }

    /// Byte offset of the text in the input.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset one past the text.
    pub fn end(&self) -> usize {
        self.start() + self.text.len()
    }

    /// The column just past the text.
    pub fn end_column(&self) -> u32 {
        self.indent() + self.width()
    }

    /// The text after any list, quote or heading marker.
    pub fn content(&self) -> &'a str {
        let from = match self.kind {
            LineKind::Bullet { content, .. }
            | LineKind::Ordered { content, .. }
            | LineKind::Quoted { content, .. }
            | LineKind::Attribution { content } => content as usize,
            LineKind::Atx { content, end, .. } => {
                return self.text.get(content as usize..end as usize).unwrap_or("")
            }
            _ => 0,
        };
        self.text.get(from..).unwrap_or("")
    }

    /// The column where the content (after the marker) starts.
    pub fn content_column(&self) -> u32 {
        let marker = &self.text[..self.text.len() - self.content().len()];
        // Its characters are its bytes but UTF-8 continuation bytes: a
        // marker is a few bytes, counted in place rather than by the
        // general (out-of-line) count of characters.
        let chars = marker.bytes().filter(|&b| (b as i8) >= -0x40).count();
        self.indent().saturating_add(chars as u32)
    }
}

/// The longest input [`split`] measures exactly: line offsets are `u32`.
pub(crate) const MAX_INPUT: usize = u32::MAX as usize;

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Split `input` into classified lines. One allocation: the line table,
/// sized exactly by a first (vectorized) count of the line ends.
pub(crate) fn split(input: &str) -> Vec<Line<'_>> {
    let bytes = input.as_bytes();
    // Most text ends its lines with `\n` alone: then only `\n` is searched for.
    let cr = memchr::memchr(b'\r', bytes).is_some();
    let mut lines = Vec::with_capacity(count_lines(bytes, cr));
    if cr {
        split_into::<true>(input, &mut lines);
    } else {
        split_into::<false>(input, &mut lines);
    }
    lines
}

/// [`split`], for `input` holding a `\r` or (`CR` false) none.
fn split_into<'a, const CR: bool>(input: &'a str, lines: &mut Vec<Line<'a>>) {
    let bytes = input.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let (end, next) = match find_line_break::<CR>(&bytes[at..]) {
            Some(i) => {
                let eol = at + i;
                let crlf = CR && bytes[eol] == b'\r' && bytes.get(eol + 1) == Some(&b'\n');
                (eol, eol + 1 + usize::from(crlf))
            }
            None => (bytes.len(), bytes.len()),
        };
        crate::work::tick(1);
        lines.push(measure(&input[at..end], at));
        at = next;
    }
}

/// The offset of the first `\n` or (`CR` true) `\r` in `bytes`. Most lines
/// are short (blank lines, headings, list items): the first two words are
/// searched in place, before a vectorized search, whose setup costs more
/// than they do.
fn find_line_break<const CR: bool>(bytes: &[u8]) -> Option<usize> {
    let mut searched = 0;
    for word in bytes.chunks_exact(8).take(2) {
        let w = word_at(word);
        let breaks = equal_bytes(w, b'\n') | if CR { equal_bytes(w, b'\r') } else { 0 };
        if breaks != 0 {
            return Some(searched + breaks.trailing_zeros() as usize / 8);
        }
        searched += 8;
    }
    let rest = bytes.get(searched..)?;
    let found = if CR {
        memchr::memchr2(b'\n', b'\r', rest)
    } else {
        memchr::memchr(b'\n', rest)
    };
    found.map(|i| searched + i)
}

/// The number of lines [`split`] makes of `bytes`: one per `\n`, `\r\n` or
/// lone `\r`, plus one for text after the last. `cr`: `bytes` holds a `\r`.
fn count_lines(bytes: &[u8], cr: bool) -> usize {
    // Without `\r` (most text), a vectorized count of `\n`; it counts in
    // blocks, without stopping at each match as an iterator does.
    let ends = if !cr {
        memchr::memchr_iter(b'\n', bytes).count()
    } else {
        memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
            .count()
    };
    let last_open = !matches!(bytes.last(), None | Some(b'\n' | b'\r'));
    ends + usize::from(last_open)
}

fn measure(raw: &str, offset: usize) -> Line<'_> {
    // Most indentation is plain spaces, and most text then starts with
    // ASCII: only other lines have their indentation decoded. A line of
    // spaces alone, or none (a blank line), has nothing more to decode.
    let spaces = leading_spaces(raw.as_bytes());
    let (indent, lead) = match raw.as_bytes().get(spaces) {
        Some(&b) if !b.is_ascii() || is_blank_char(char::from(b)) => indentation(raw, spaces),
        _ => (u32::try_from(spaces).unwrap_or(u32::MAX), spaces),
    };
    let rest = raw.get(lead..).unwrap_or("");
    // A line ending in ASCII other than a space (most do) has nothing to
    // trim, and nor has an empty one (a blank line, its spaces passed).
    let text = match rest.as_bytes().last() {
        None => rest,
        Some(&b) if b.is_ascii() && !is_blank_char(char::from(b)) => rest,
        _ => rest.trim_end_matches(is_blank_char),
    };
    let width = display_width(text);
    let kind = if text.is_empty() {
        LineKind::Blank
    } else {
        classify(text, indent)
    };
    Line {
        text,
        // `parse_with` refuses inputs past `MAX_INPUT`, so this never saturates.
        start: u32::try_from(offset + lead).unwrap_or(u32::MAX),
        indent: columns_kept(indent),
        width: columns_kept(width),
        kind,
    }
}

/// The columns of indentation of `raw`, whose first `spaces` bytes are
/// spaces, and the byte offset of its text.
fn indentation(raw: &str, spaces: usize) -> (u32, usize) {
    let mut indent = u32::try_from(spaces).unwrap_or(u32::MAX);
    let mut lead = spaces;
    for (i, c) in raw.get(spaces..).unwrap_or("").char_indices() {
        let i = spaces + i;
        match c {
            '\t' => indent = (indent / 4 + 1).saturating_mul(4),
            '\u{feff}' | '\u{200b}' => {}
            // The ideographic space is as wide as a CJK character.
            '\u{3000}' => indent = indent.saturating_add(2),
            c if is_blank_char(c) => indent = indent.saturating_add(1),
            _ => return (indent, i),
        }
        lead = i + c.len_utf8();
    }
    (indent, lead)
}

/// How many spaces `bytes` starts with, counted a word at a time.
fn leading_spaces(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut spaces = 0;
    for word in words.by_ref() {
        let others = !equal_bytes(word_at(word), b' ') & HIGH_BITS;
        if others != 0 {
            return spaces + others.trailing_zeros() as usize / 8;
        }
        spaces += 8;
    }
    spaces + words.remainder().iter().take_while(|&&b| b == b' ').count()
}

/// Terminal columns of `text`: wide (CJK, Hangul, fullwidth) characters
/// take two. Its ASCII start, most often the whole text, is one column a
/// byte: only from the first word holding another byte on is it counted.
pub(crate) fn display_width(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let ascii = ascii_words(bytes);
    match bytes.get(ascii..) {
        Some(rest) if !rest.is_empty() => (ascii + columns(rest)) as u32,
        _ => bytes.len() as u32,
    }
}

/// How many bytes of `bytes` come before the first eight-byte word (or the
/// shorter tail) that holds a non-ASCII byte: a character boundary.
fn ascii_words(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        if word_at(word) & HIGH_BITS != 0 {
            return at;
        }
        at += 8;
    }
    if words.remainder().is_ascii() {
        bytes.len()
    } else {
        at
    }
}

/// [`display_width`] of `bytes` (UTF-8), read eight bytes at a time: a word
/// of ASCII (most of any line, even one with curly quotes) costs one test,
/// and only words holding other bytes are looked into.
#[inline(never)]
fn columns(bytes: &[u8]) -> usize {
    // One column per character (every byte but a continuation byte) and one
    // more per wide character.
    let mut extra = Columns::default();
    // Four words at a time: one test passes a block of ASCII.
    let blocks = bytes.chunks_exact(32);
    let rest = blocks.remainder();
    for (n, block) in blocks.enumerate() {
        let words: [u64; 4] = std::array::from_fn(|k| word_at(&block[8 * k..]));
        if (words[0] | words[1] | words[2] | words[3]) & HIGH_BITS == 0 {
            continue;
        }
        for (k, &w) in words.iter().enumerate() {
            if w & HIGH_BITS != 0 {
                extra.add(bytes, w, n * 32 + k * 8);
            }
        }
    }
    let words = rest.chunks_exact(8);
    let tail = words.remainder();
    let words_from = bytes.len() - rest.len();
    for (n, word) in words.enumerate() {
        let w = word_at(word);
        if w & HIGH_BITS != 0 {
            extra.add(bytes, w, words_from + n * 8);
        }
    }
    let last = match bytes.len().checked_sub(8) {
        // The last eight bytes, shifted so that only the tail's are left
        // (little-endian: the last bytes are the high ones).
        Some(from) if !tail.is_empty() => word_at(&bytes[from..]) >> (8 * (8 - tail.len())),
        _ => tail.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b)),
    };
    if last & HIGH_BITS != 0 {
        extra.add(bytes, last, bytes.len() - tail.len());
    }
    bytes.len() - extra.continuations + extra.wide
}

/// What makes a text's width differ from its length in bytes.
#[derive(Default)]
struct Columns {
    /// UTF-8 continuation bytes: no column of their own.
    continuations: usize,
    /// Wide characters: a second column each.
    wide: usize,
}

impl Columns {
    /// Count the word `w`, the bytes of `bytes` from `at` on (fewer than
    /// eight when its high bytes are zero).
    #[inline]
    fn add(&mut self, bytes: &[u8], w: u64, at: usize) {
        // Shifting within the word moves each byte's bits 6 and 5 up to its
        // bit 7 (the mask drops what crosses between bytes): continuation
        // bytes are 10xxxxxx, and wide characters start at E1, a lead byte
        // of 111xxxxx.
        self.continuations += byte_flags(w & !(w << 1) & HIGH_BITS);
        let leads = w & (w << 1) & (w << 2) & HIGH_BITS;
        if leads == 0 {
            return;
        }
        // Most such characters in Western text are punctuation (`’` `“` `—`
        // are E2 80 xx) or box drawing (E2 94 xx), below E2's first wide
        // block (U+2E80, E2 BA 80): those are ruled out by their second
        // byte for the whole word at once. The bytes after the word's are
        // zero (in a tail word, or past the text), which rules out nothing
        // a decoding would not: a lead byte there has no character.
        let following = bytes.get(at + 8).copied().unwrap_or(0);
        let seconds = (w >> 8) | (u64::from(following) << 56);
        let below_wide = equal_bytes(w, 0xE2) & !continuations_from_ba(seconds);
        let mut candidates = leads & !below_wide;
        while candidates != 0 {
            let byte = candidates.trailing_zeros() as usize / 8;
            let lead = (w >> (8 * byte)) as u8;
            self.wide += usize::from(wide_lead(lead) || is_wide_at(bytes, at + byte));
            candidates &= candidates - 1;
        }
    }
}

/// A lead byte all of whose characters are wide: E5..E9 start U+5000..U+9FFF
/// (CJK ideographs), EB and EC start U+B000..U+CFFF (Hangul syllables). Most
/// wide characters are these, and need no decoding.
fn wide_lead(lead: u8) -> bool {
    matches!(lead, 0xE5..=0xE9 | 0xEB | 0xEC)
}

/// The high bit of each byte of `w` that, read as a UTF-8 continuation byte
/// (10xxxxxx), is BA or above: its low six bits reach 3A, so adding 46 to
/// them carries into bit 7 (and never past it).
fn continuations_from_ba(w: u64) -> u64 {
    ((w & (LOW_BITS * 0x3F)) + LOW_BITS * 0x46) & HIGH_BITS
}

/// The character whose lead byte is at `at` is a wide one. Kept out of line:
/// few characters get this far, and its range tests would otherwise be set
/// up for every word that holds any non-ASCII byte.
#[inline(never)]
fn is_wide_at(bytes: &[u8], at: usize) -> bool {
    decode_lead(bytes, at).is_some_and(is_wide)
}

/// The character whose lead byte is at `at` in UTF-8 `bytes`, decoded in
/// place (three or four bytes: only leads of E1 and above are asked about).
fn decode_lead(bytes: &[u8], at: usize) -> Option<char> {
    let tail = |b: u8| u32::from(b & 0x3F);
    let code = match *bytes.get(at..)? {
        [lead @ 0xE0..=0xEF, b1, b2, ..] => {
            (u32::from(lead & 0x0F) << 12) | (tail(b1) << 6) | tail(b2)
        }
        [lead @ 0xF0..=0xFF, b1, b2, b3, ..] => {
            (u32::from(lead & 0x07) << 18) | (tail(b1) << 12) | (tail(b2) << 6) | tail(b3)
        }
        _ => return None,
    };
    char::from_u32(code)
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn classify(text: &str, indent: u32) -> LineKind {
    let first = text.as_bytes()[0];
    if first.is_ascii_alphabetic() {
        return classify_word(text, indent);
    }
    if let Some(level) = markers::setext_underline(text) {
        return LineKind::Underline { level };
    }
    if markers::rule(text) {
        return LineKind::Rule;
    }
    if text.starts_with("```") || text.starts_with("~~~") {
        return LineKind::Fence;
    }
    if first == b'#' && indent < 4 {
        if let Some(h) = markers::atx_heading(text) {
            if let Some(content) = marker_end(h.text.start) {
                return LineKind::Atx {
                    level: h.level,
                    content,
                    end: h.text.end as u32,
                };
            }
        }
    }
    if first == b'>' {
        if let Some((q, content)) =
            markers::quote_prefix(text).and_then(|q| Some((q, marker_end(q.content)?)))
        {
            return LineKind::Quoted {
                content,
                depth: q.depth as u32,
            };
        }
    }
    if let Some(content) = quotes::attribution(text).and_then(marker_end) {
        return LineKind::Attribution { content };
    }
    if let Some(content) = markers::bullet(text).and_then(|m| marker_end(m.content)) {
        let glyph = text.chars().next().unwrap_or('•');
        // `o` and `#` are bullets only where converters put them: indented.
        if !(matches!(glyph, 'o' | '#') && indent == 0) {
            return LineKind::Bullet { content, glyph };
        }
    }
    if let Some(kind) = markers::ordinal(text).and_then(|o| ordered(&o)) {
        return kind;
    }
    LineKind::Text
}

/// [`classify`] for a line that starts with an ASCII letter, as most do. Of
/// all the markers only a lynx `o` bullet and a letter or roman ordinal can
/// start so, and an ordinal's `.` or `)` comes within its first eight bytes
/// (`b.`, `viii)`): other lines skip the scanners.
fn classify_word(text: &str, indent: u32) -> LineKind {
    let bytes = text.as_bytes();
    if bytes[0] == b'o' && indent > 0 {
        if let Some(content) = markers::bullet(text).and_then(|m| marker_end(m.content)) {
            return LineKind::Bullet {
                content,
                glyph: 'o',
            };
        }
    }
    if ordinal_stop_in_first_word(bytes) {
        if let Some(kind) = markers::ordinal(text).and_then(|o| ordered(&o)) {
            return kind;
        }
    }
    LineKind::Text
}

/// A `.` or `)` among the first eight bytes, tested in one word.
fn ordinal_stop_in_first_word(bytes: &[u8]) -> bool {
    match bytes.first_chunk::<8>() {
        Some(&head) => {
            let w = u64::from_le_bytes(head);
            equal_bytes(w, b'.') | equal_bytes(w, b')') != 0
        }
        None => bytes.iter().any(|&b| b == b'.' || b == b')'),
    }
}

fn ordered(o: &markers::Ordinal) -> Option<LineKind> {
    Some(LineKind::Ordered {
        content: marker_end(o.at.content)?,
        number: u32::try_from(o.number).unwrap_or(u32::MAX),
        alphabetic: o.alphabetic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(split("日本語 ok")[0].width, 9);
        assert_eq!(split("plain")[0].width, 5);
        assert_eq!(split("é")[0].width, 1);
    }

    #[test]
    fn wide_leads_start_only_wide_characters() {
        let mut buf = [0; 4];
        for c in
            ('\u{800}'..='\u{FFFF}').filter(|&c| wide_lead(c.encode_utf8(&mut buf).as_bytes()[0]))
        {
            assert!(is_wide(c), "{c:?}");
        }
    }

    #[test]
    fn wide_characters_decoded_in_place() {
        let text = "aé字한ｱ😀\u{1100}\u{115F}\u{1160}\u{4DC0}\u{20000}".repeat(5);
        let expected: usize = text.chars().map(|c| 1 + usize::from(is_wide(c))).sum();
        assert_eq!(display_width(&text) as usize, expected);
        for (at, c) in text.char_indices().filter(|(_, c)| *c >= '\u{1100}') {
            assert_eq!(decode_lead(text.as_bytes(), at), Some(c));
        }
    }

    /// Width as the definition reads: one column a character, two for a
    /// wide one.
    fn naive_width(text: &str) -> u32 {
        text.chars().map(|c| 1 + u32::from(is_wide(c))).sum()
    }

    #[test]
    fn width_counted_by_words_matches_char_by_char() {
        // Every alignment of non-ASCII, wide and box-drawing characters
        // against the eight-byte words and 32-byte blocks, and at both ends.
        let pieces = [
            "a", "é", "’", "━", "字", "한", "😀", "\u{2E80}", "\u{2E7F}", "ｱ",
        ];
        for lead in 0..40 {
            for piece in pieces {
                for trail in [0, 1, 5, 8, 31] {
                    let text = format!("{}{piece}{piece}{}", "x".repeat(lead), "y".repeat(trail));
                    assert_eq!(display_width(&text), naive_width(&text), "{text:?}");
                }
            }
        }
        assert_eq!(display_width(""), 0);
    }

    #[test]
    fn ascii_words_stop_at_the_first_word_with_another_byte() {
        assert_eq!(ascii_words(b"plain"), 5);
        assert_eq!(ascii_words(b"eight by"), 8);
        assert_eq!(ascii_words("sixteen bytes ok".as_bytes()), 16);
        assert_eq!(ascii_words("0123456789é".as_bytes()), 8);
        assert_eq!(ascii_words("é".as_bytes()), 0);
        assert_eq!(ascii_words("01234567é".as_bytes()), 8);
    }

    #[test]
    fn line_breaks_found_in_and_past_the_first_words() {
        let find_line_break = find_line_break::<true>;
        assert_eq!(find_line_break(b""), None);
        assert_eq!(find_line_break(b"no break"), None);
        assert_eq!(find_line_break(b"\n"), Some(0));
        assert_eq!(find_line_break(b"ab\rc"), Some(2));
        assert_eq!(find_line_break(b"0123456789\n"), Some(10));
        assert_eq!(find_line_break(b"0123456789abcdef\r\n"), Some(16));
        assert_eq!(find_line_break(&[b'x'; 100]), None);
        let long = format!("{}\n", "y".repeat(70));
        assert_eq!(find_line_break(long.as_bytes()), Some(70));
        // Text without `\r` is searched for `\n` alone.
        assert_eq!(super::find_line_break::<false>(b"0123\n"), Some(4));
        assert_eq!(super::find_line_break::<false>(long.as_bytes()), Some(70));
        assert_eq!(super::find_line_break::<false>(b"0123456789abcdefgh"), None);
    }

    #[test]
    fn leading_spaces_counted_across_words() {
        for n in [0, 1, 7, 8, 9, 16, 23] {
            let line = format!("{}x y", " ".repeat(n));
            assert_eq!(leading_spaces(line.as_bytes()), n, "{line:?}");
            assert_eq!(leading_spaces(" ".repeat(n).as_bytes()), n);
        }
        assert_eq!(leading_spaces("  \u{a0}x".as_bytes()), 2);
    }

    #[test]
    fn ordinal_stops_looked_for_in_eight_bytes() {
        assert!(ordinal_stop_in_first_word(b"viii) eighth"));
        assert!(ordinal_stop_in_first_word(b"b. bee"));
        assert!(ordinal_stop_in_first_word(b"a."));
        assert!(!ordinal_stop_in_first_word(b"Sentence. Two"));
        assert!(!ordinal_stop_in_first_word(b"abc"));
    }

    #[test]
    fn byte_lane_tests_are_exact() {
        let w = u64::from_le_bytes([0xE2, 0xE3, 0x62, 0xE2, 0x00, 0xFF, 0xE2, 0xE1]);
        assert_eq!(equal_bytes(w, 0xE2), 0x0080_0000_8000_0080);
        let seconds = u64::from_le_bytes([0x80, 0xB9, 0xBA, 0xBF, 0x94, 0x00, 0xBB, 0xA0]);
        assert_eq!(continuations_from_ba(seconds), 0x0080_0000_8080_0000);
    }

    #[test]
    fn only_ascii_lines_are_as_wide_as_long() {
        for text in ["plain", "é", "日本", "ｱ", "a\u{300}", "😀", "a é 日"] {
            let line = split(text)[0];
            assert_eq!(line.width as usize == text.len(), text.is_ascii(), "{text}");
        }
    }

    #[test]
    fn splits_all_line_endings() {
        let lines = split("a\r\nb\rc\n\nd");
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d"]);
        assert_eq!(lines[1].start, 3);
        assert_eq!(lines[4].start, 8);
    }

    #[test]
    fn measures_indent_and_trims() {
        let lines = split("\u{feff}Title \n\t  • item\u{a0}\n   ");
        assert_eq!(lines[0].text, "Title");
        assert_eq!(lines[0].start, 3);
        assert_eq!(lines[1].indent, 6);
        assert_eq!(lines[1].text, "• item");
        assert!(matches!(
            lines[1].kind,
            LineKind::Bullet {
                content: 4,
                glyph: '•'
            }
        ));
        assert_eq!(lines[1].content(), "item");
        assert_eq!(lines[1].content_column(), 8);
        assert_eq!(lines[2].kind, LineKind::Blank);
    }

    #[test]
    fn classifies_markers() {
        let kind = |s: &str| split(s)[0].kind;
        assert!(matches!(kind("## Heading"), LineKind::Atx { level: 2, .. }));
        assert!(matches!(
            kind("> quoted"),
            LineKind::Quoted { depth: 1, .. }
        ));
        assert!(matches!(
            kind("  3. three"),
            LineKind::Ordered { number: 3, .. }
        ));
        assert!(matches!(
            kind("— Vidal Sassoon"),
            LineKind::Attribution { .. }
        ));
        assert!(matches!(kind("====="), LineKind::Underline { level: 1 }));
        assert!(matches!(kind("* * *"), LineKind::Rule));
        assert!(matches!(kind("o not a bullet here"), LineKind::Text));
        assert!(matches!(kind("    o lynx bullet"), LineKind::Bullet { .. }));
        assert!(matches!(kind("Plain text."), LineKind::Text));
        assert!(matches!(
            kind("b. second"),
            LineKind::Ordered {
                number: 2,
                alphabetic: true,
                ..
            }
        ));
        assert!(matches!(
            kind("viii) eighth"),
            LineKind::Ordered { number: 8, .. }
        ));
        assert!(matches!(
            kind("xxxviii) thirty-eight"),
            LineKind::Ordered { number: 38, .. }
        ));
        assert!(matches!(kind("xxxviiii) too long"), LineKind::Text));
        assert!(matches!(kind("99999999999 overflows"), LineKind::Text));
        assert!(matches!(
            kind("99999999999. saturates"),
            LineKind::Ordered {
                number: u32::MAX,
                ..
            }
        ));
    }

    #[test]
    fn counts_lines_exactly() {
        for text in ["", "a", "a\n", "a\r\nb", "a\rb\r", "\n\n\r\r\n", "x\r\n\ry"] {
            let cr = text.contains('\r');
            assert_eq!(
                count_lines(text.as_bytes(), cr),
                split(text).len(),
                "{text:?}"
            );
        }
    }
}
