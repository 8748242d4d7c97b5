//! Does a line read as code rather than prose? Asked by the grouping stage
//! where the answer decides something (whether a line may wrap, whether a
//! run of short lines is code), and by the heading heuristic for a heading
//! candidate's text.

use crate::byte_words::{equal_bytes, word_at};
use crate::scan::formula;
use memchr::memmem;
use std::sync::OnceLock;

/// Does this text read as code or a command line rather than prose?
///
/// Signals: a shell prompt (`$ `), or many characters that prose rarely uses
/// (`{}[]<>=;$\|` and backticks).
pub(crate) fn looks_like_code(text: &str) -> bool {
    // Box-drawing characters are text tables; a leading comma continues a
    // list of SQL columns or arguments.
    // (A sentence wrapped after a link may start with a comma too.)
    if text.starts_with("$ ")
        || text.starts_with("% ")
        || text.starts_with(">>> ")
        || text.starts_with(", ") && !reads_as_sentence(text)
        || is_table_row(text)
    {
        return true;
    }
    // One vectorized pass counts what each test needs; the searches for
    // table rules and calls run only where their bytes occur at all.
    let counts = ByteCounts::of(text.as_bytes());
    if counts.box_marks > 0 && has_table_rule(text)
        || counts.call_marks > 0 && has_call(text) && !reads_as_sentence(text)
    {
        return true;
    }
    // Bytes, not chars, as the measure: cheaper, and code is ASCII. One
    // symbol in a few characters ("7:e3f9]") is a fragment, not code.
    let boxes = if counts.box_marks > 0 {
        box_symbols(text)
    } else {
        0
    };
    let symbols = counts.code_bytes + boxes;
    let dense = |symbols: usize| symbols >= 2 && symbols * 12 > text.len();
    // Prose's own symbols are discounted only where they would decide.
    (dense(symbols) && dense(symbols.saturating_sub(prose_symbols(text.as_bytes()))))
        || has_column_gaps(text)
}

/// Fewest words of a line that reads as a sentence.
const SENTENCE_WORDS: usize = 8;

/// Most words in a line of code are not plain words ("SELECT count(*) FROM
/// log WHERE status_code = 400"); most in a sentence are, and it names one
/// function at most ("we use the function percentile_disc. In"). Plain:
/// letters, joined by an apostrophe or a hyphen ("Sheriff's", "Ultra-Fast"),
/// with a closing stop or comma, and not a keyword in capitals (`SELECT`,
/// `WHERE`; three letters or more, so "PM" and "EU" stay plain). Tokens
/// without a letter or digit (a dash, a comma) are not words.
fn reads_as_sentence(text: &str) -> bool {
    let (mut words, mut plain, mut names) = (0, 0, 0);
    for word in text.split_ascii_whitespace() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        words += 1;
        names += usize::from(names_code(word));
        let letters = word.trim_end_matches(['.', ',', ';', ':']);
        let joined = |c: char| c.is_alphabetic() || matches!(c, '\'' | '’' | '-');
        let capitals = letters.len() >= 3 && letters.bytes().all(|b| b.is_ascii_uppercase());
        // A figure in a sentence ("12:00", "1,628,900", "2015") reads as prose.
        let figure = letters.starts_with(|c: char| c.is_ascii_digit())
            && letters
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':' | b'/' | b'%'));
        if figure
            || letters.starts_with(char::is_alphabetic) && letters.chars().all(joined) && !capitals
        {
            plain += 1;
        }
    }
    words >= SENTENCE_WORDS && plain * 5 >= words * 4 && names <= 1
}

/// Symbols that prose uses too, weighed against a line's code symbols: note
/// marks (`Cassino.^[113]`, `[n 3]`), parentheticals ("a chief (rangatira),
/// whose"), prices (`$26.2b`), formulas inside a sentence.
fn prose_symbols(bytes: &[u8]) -> usize {
    let notes = memchr::memchr_iter(b'[', bytes)
        .filter(|&i| footnote_len(&bytes[i..]).is_some())
        .count();
    let asides = memchr::memchr_iter(b'(', bytes)
        .filter(|&i| parenthetical(bytes, i))
        .count();
    let prices = memchr::memchr_iter(b'$', bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        .count();
    2 * (notes + asides) + prices + formula_symbols(bytes)
}

/// Letters outside its formulas that make a line a sentence with formulas
/// in it, rather than a displayed equation (which is set apart like code).
const SENTENCE_LETTERS: usize = 8;

/// The code symbols inside a line's TeX formulas (`{\displaystyle A^{H}}`),
/// where the line has words of its own around them. A formula wrapped onto
/// the next line is left to the plain count: it may be a displayed equation.
fn formula_symbols(bytes: &[u8]) -> usize {
    if !formula::has_tex_group(bytes) {
        return 0;
    }
    let (mut inside, mut outside_letters, mut from) = (0, 0, 0);
    let letters = |part: &[u8]| part.iter().filter(|b| b.is_ascii_alphabetic()).count();
    for found in formula::formulas_in_line(bytes) {
        outside_letters += letters(&bytes[from..found.start]);
        if found.closed {
            inside += bytes[found.start..found.end]
                .iter()
                .filter(|&&b| is_code_byte(b))
                .count();
        }
        from = found.end;
    }
    outside_letters += letters(&bytes[from..]);
    if outside_letters >= SENTENCE_LETTERS {
        inside
    } else {
        0
    }
}

/// A prose parenthetical opens at `open`: after a space, a word inside, and
/// closed within 40 bytes before a space or a punctuation mark, with no
/// other code symbol in between but a price's `$`.
fn parenthetical(bytes: &[u8], open: usize) -> bool {
    let after_space = open > 0 && bytes[open - 1] == b' ';
    let starts_word = bytes
        .get(open + 1)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    // A price in brackets: "Japan ($8.4b)".
    let starts_price =
        bytes.get(open + 1) == Some(&b'$') && bytes.get(open + 2).is_some_and(u8::is_ascii_digit);
    if !(after_space && (starts_word || starts_price)) {
        return false;
    }
    let window = &bytes[open + 1..bytes.len().min(open + 41)];
    let Some(close) = window.iter().position(|&b| b == b')') else {
        return false;
    };
    let inside_is_prose = window[..close]
        .iter()
        .all(|&b| !is_code_byte(b) || b == b'$');
    let closes_prose = window
        .get(close + 1)
        .is_none_or(|b| matches!(b, b' ' | b',' | b'.' | b';' | b':'));
    inside_is_prose && closes_prose
}

/// Length of a note mark at the start of `bytes`: `[` then a digit, or a
/// short note label (`[n 3]`, `[a]`), then `]`, within eight bytes.
fn footnote_len(bytes: &[u8]) -> Option<usize> {
    let close = bytes.iter().take(8).position(|&b| b == b']')?;
    let inner = &bytes[1..close];
    let digit_led = inner.first().is_some_and(u8::is_ascii_digit);
    let label = inner
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b' ');
    (close > 1 && label && (digit_led || inner.len() <= 4)).then_some(close + 1)
}

/// Is this a row of table columns, as a text browser lays them out
/// ("Auckland    23/16    74/60", "Largest city     Auckland")? Two or more
/// gaps of two spaces or more between words, or one of three or more. Two
/// spaces after a sentence are typing habit, not a column.
fn has_column_gaps(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !has_double_space(bytes) {
        return false;
    }
    let mut gaps = 0;
    // Built once: building a searcher costs more than most lines take to
    // search. (Searched with `find` from each run's end: `find_iter` copies
    // the searcher on every call.)
    static DOUBLE_SPACE: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    let double_space = DOUBLE_SPACE.get_or_init(|| memmem::Finder::new(b"  "));
    let mut measured_to = 0;
    while let Some(found) = bytes
        .get(measured_to..)
        .and_then(|rest| double_space.find(rest))
    {
        let at = measured_to + found;
        let width = bytes[at..].iter().take_while(|&&b| b == b' ').count();
        measured_to = at + width;
        let after_sentence =
            at == 0 || matches!(bytes[at - 1], b'.' | b'!' | b'?' | b':' | b'"' | b')');
        if after_sentence {
            continue;
        }
        if width >= 3 {
            return true;
        }
        gaps += 1;
    }
    gaps >= 2
}

/// Two spaces in a row somewhere in `bytes`, looked for eight bytes at a
/// time: most lines have none, and are turned away before a string search
/// is set up.
fn has_double_space(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    // The last byte of the word before was a space (high bit set).
    let mut space_before = 0;
    for word in words.by_ref() {
        let spaces = equal_bytes(word_at(word), b' ');
        if spaces & ((spaces << 8) | space_before) != 0 {
            return true;
        }
        space_before = spaces >> 56;
    }
    let tail = words.remainder();
    let last_space = space_before != 0 && tail.first() == Some(&b' ');
    last_space || tail.windows(2).any(|pair| pair == b"  ")
}

/// A row or a border of a Markdown pipe or grid table, as pandoc prints
/// them: `| Gmail | 17.8 MB |`, `+-------+------+`.
fn is_table_row(text: &str) -> bool {
    let pipe_row = text.starts_with('|') && text.ends_with('|');
    let grid_border = text.starts_with('+')
        && text.ends_with('+')
        && text.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'));
    text.len() > 2 && (pipe_row || grid_border)
}

/// A function call or a snake_case name: a letter glued to `(` and followed
/// by more (`LAG(alert)`), or letters joined by `_` (`status_code`).
fn has_call(text: &str) -> bool {
    // Only where a `(` or `_` is: a vectorized search, then the bytes around it.
    let bytes = text.as_bytes();
    if !names_code(text) {
        return false;
    }
    // Not inside a formula in a sentence (`{\displaystyle R(\theta )}`):
    // walked alongside, as both come in order.
    let mut formulas = formula::formulas_in_line(bytes)
        .filter(|f| f.closed)
        .peekable();
    memchr::memchr2_iter(b'(', b'_', bytes).any(|j| {
        while formulas.next_if(|f| f.end <= j).is_some() {}
        if formulas.peek().is_some_and(|f| f.start <= j) {
            return false;
        }
        call_at(bytes, j)
    })
}

/// Is the `(` or `_` at `j` a call's or a snake_case name's?
fn call_at(bytes: &[u8], j: usize) -> bool {
    let (Some(&before), Some(&after)) = (
        j.checked_sub(1).and_then(|i| bytes.get(i)),
        bytes.get(j + 1),
    ) else {
        return false;
    };
    before.is_ascii_alphabetic()
        && if bytes[j] == b'(' {
            after != b')' && after != b's'
        } else {
            after.is_ascii_alphabetic()
        }
}

/// A word that names code: a call or a snake_case name (see [`has_call`]).
fn names_code(word: &str) -> bool {
    let bytes = word.as_bytes();
    memchr::memchr2_iter(b'(', b'_', bytes).any(|j| call_at(bytes, j))
}

/// A vertical table rule `│`, `┃` or `║` (E2 94 82, E2 94 83, E2 95 91),
/// found by a vectorized search for the lead byte rather than char by char.
fn has_table_rule(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|i| {
        matches!(
            bytes.get(i + 1..i + 3),
            Some([0x94, 0x82 | 0x83] | [0x95, 0x91])
        )
    })
}

/// The ASCII characters that prose rarely uses and code often does:
/// `{}[]<>=;$\|` and backticks, `()` and `_`. Written as byte ranges joined
/// without branching, so that counting them over a line compiles to vector
/// compares (a `match` of 15 bytes compiles to a lookup per byte).
fn is_code_byte(b: u8) -> bool {
    let in_range = |first: u8, len: u8| b.wrapping_sub(first) < len;
    // `$`; `(` `)`; `;` `<` `=` `>`; `[` `\` `]` `^` `_` `` ` `` less `^`; `{` `|` `}`.
    (b == b'$')
        | in_range(b'(', 2)
        | in_range(b';', 4)
        | (in_range(b'[', 6) & (b != b'^'))
        | in_range(b'{', 3)
}

/// Characters that prose rarely uses and code often does.
pub(crate) fn code_symbols(text: &str) -> usize {
    symbols_with_prose_ones(text).saturating_sub(prose_symbols(text.as_bytes()))
}

/// [`code_symbols`] of `text` reach `n`. Prose's own symbols are looked for
/// only in a line that has `n` symbols before they are discounted (few
/// lines do).
pub(crate) fn code_symbols_at_least(text: &str, n: usize) -> bool {
    symbols_with_prose_ones(text) >= n && code_symbols(text) >= n
}

/// [`code_symbols`], prose's own symbols not discounted.
fn symbols_with_prose_ones(text: &str) -> usize {
    let counts = ByteCounts::of(text.as_bytes());
    // Box-drawing characters hold a 94 byte.
    let boxes = if counts.box_marks > 0 {
        box_symbols(text)
    } else {
        0
    };
    counts.code_bytes + boxes
}

/// Box-drawing `│` `─` `┼` (E2 94 82, E2 94 80 and E2 94 BC): code's tables.
fn box_symbols(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes)
        .filter(|&i| matches!(bytes.get(i + 1..i + 3), Some([0x94, 0x80 | 0x82 | 0xBC])))
        .count()
}

/// Byte counts over a line, taken in one pass.
struct ByteCounts {
    /// ASCII code symbols ([`is_code_byte`]): an ASCII byte is always its
    /// own character in UTF-8.
    code_bytes: usize,
    /// `(` and `_`, which [`has_call`] looks around.
    call_marks: usize,
    /// 94 and 95: box-drawing characters (U+2500 to U+257F) are E2 94 xx
    /// and E2 95 xx. (Some other characters hold them too, like the em dash
    /// E2 80 94, but far fewer lines than hold an E2.)
    box_marks: usize,
}

/// Bytes counted side by side: one SSE2 vector.
const LANES: usize = 16;
/// Blocks counted before the lanes are summed: a lane then holds at most
/// 15, and eight lanes at most 120, so one byte-wide multiply sums them.
const BLOCKS_PER_SUM: usize = 15;

impl ByteCounts {
    fn of(bytes: &[u8]) -> ByteCounts {
        // Counted in 16 byte-wide lanes, so that the loop compiles to vector
        // compares and adds; the last partial block is padded with zero
        // bytes (which no count includes) to take the same path.
        let mut counts = ByteCounts {
            code_bytes: 0,
            call_marks: 0,
            box_marks: 0,
        };
        let mut lanes = Lanes::default();
        let mut blocks = bytes.chunks_exact(LANES);
        let mut until_sum = BLOCKS_PER_SUM;
        for block in blocks.by_ref() {
            if let Ok(block) = <&[u8; LANES]>::try_from(block) {
                lanes.add(block);
            }
            until_sum -= 1;
            if until_sum == 0 {
                lanes.drain_into(&mut counts);
                until_sum = BLOCKS_PER_SUM;
            }
        }
        let mut last = [0u8; LANES];
        last[..blocks.remainder().len()].copy_from_slice(blocks.remainder());
        lanes.add(&last);
        lanes.drain_into(&mut counts);
        counts
    }
}

/// Per-lane counts for [`ByteCounts::of`].
#[derive(Default)]
struct Lanes {
    code: [u8; LANES],
    call: [u8; LANES],
    boxes: [u8; LANES],
}

impl Lanes {
    fn add(&mut self, block: &[u8; LANES]) {
        for (i, &b) in block.iter().enumerate() {
            self.code[i] += u8::from(is_code_byte(b));
            self.call[i] += u8::from((b == b'(') | (b == b'_'));
            self.boxes[i] += u8::from((b == 0x94) | (b == 0x95));
        }
    }

    fn drain_into(&mut self, counts: &mut ByteCounts) {
        counts.code_bytes += lane_sum(&self.code);
        counts.call_marks += lane_sum(&self.call);
        counts.box_marks += lane_sum(&self.boxes);
        *self = Lanes::default();
    }
}

/// The sum of 16 lanes of at most 15 each: each half, read as a `u64`, is
/// multiplied so that its top byte collects the sum of all eight.
fn lane_sum(lanes: &[u8; LANES]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let half = |bytes: &[u8]| {
        let word = <[u8; 8]>::try_from(bytes).map_or(0, u64::from_le_bytes);
        (word.wrapping_mul(ONES) >> 56) as usize
    };
    half(&lanes[..8]) + half(&lanes[8..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_marks_are_not_code() {
        assert!(!looks_like_code(
            "in Gallipoli, Crete,^[111] El Alamein^[112] and Cassino.^[113] The"
        ));
        assert!(looks_like_code("let x = v[i] + w[j];"));
        assert!(!looks_like_code(
            "subtribes (hapū) and tribes (iwi) ruled by a chief (rangatira), whose"
        ));
        assert!(looks_like_code("SELECT count(*) FROM t WHERE (a = b);"));
        assert!(!looks_like_code(
            "as at June 2018, are China (NZ$27.8b), Australia ($26.2b), the European"
        ));
        // Prices in brackets are parentheticals too.
        assert!(!looks_like_code(
            "Union ($22.9b), the United States ($17.6b), and Japan ($8.4b).^[220] On"
        ));
        assert!(looks_like_code("if ($x > 0) { $y = $x; }"));
        assert!(looks_like_code("echo $HOME > $OUT; cat $OUT"));
        assert!(looks_like_code("Auckland    23/16    74/60   14/7"));
        assert!(!looks_like_code(
            "One sentence.  Another one.  And a third."
        ));
        assert!(looks_like_code("| Gmail | 17.8 MB | 7.6 MB (-57%) |"));
        assert!(looks_like_code("+--------+---------+"));
        assert!(!looks_like_code("|"));
        assert!(!looks_like_code("+ and - are operators"));
        assert!(has_column_gaps("a  b  c"));
        for n in 0..20 {
            let x = "x".repeat(n);
            assert!(has_double_space(format!("{x}  y").as_bytes()), "{n}");
            assert!(has_double_space(format!("{x}  ").as_bytes()), "{n}");
            assert!(!has_double_space(format!("{x} y x ").as_bytes()), "{n}");
        }
        assert!(has_column_gaps("Largest city     Auckland"));
        assert!(!has_column_gaps("Largest city  Auckland"));
        assert!(!has_column_gaps("It ended.   Then it began."));
        assert_eq!(footnote_len(b"[12] next"), Some(4));
        assert_eq!(footnote_len(b"[n 3]"), Some(5));
        assert_eq!(footnote_len(b"[i]"), Some(3));
        assert_eq!(footnote_len(b"[]"), None);
        assert_eq!(footnote_len(b"[status_code]"), None);
    }

    #[test]
    fn formulas_in_a_sentence_are_not_code() {
        assert!(!looks_like_code(
            "{\\displaystyle A^{\\mathsf {H}}=A^{\\dagger }=A^{\\ast }}, although note that in"
        ));
        // A displayed equation, alone on its line or wrapped, is set apart.
        assert!(looks_like_code(
            "{\\displaystyle \\langle w,Av\\rangle =\\langle Aw,v\\rangle ,}"
        ));
        assert!(looks_like_code(
            "{\\displaystyle A{\\text{ Hermitian}}\\quad \\iff \\quad a_{ij}={\\overline {a_"
        ));
        assert_eq!(formula_symbols(b"x {\\displaystyle {a}} y"), 0);
        assert_eq!(formula_symbols(b"the sum {\\displaystyle {a}} of all"), 5);
        assert_eq!(
            formula_symbols(b"Therefore if {\\displaystyle A=A^{\\mathsf"),
            0
        );
        assert_eq!(
            formula_symbols(b"so {\\displaystyle R^{T}}, and its determinant is {\\displaystyle"),
            5
        );
    }

    #[test]
    fn code() {
        assert!(looks_like_code("$ hg init public"));
        assert!(looks_like_code("if (x) { y = z[0]; }"));
        assert!(looks_like_code("LAG(alert) over status_code"));
        assert!(looks_like_code(
            "SELECT count(*) FROM server_log WHERE status_code = 400 GROUP BY period"
        ));
        assert!(looks_like_code(", status_code"));
        assert!(!looks_like_code(
            ", branded as Ultra-Fast Broadband, began in 2009 with a target of being"
        ));
        assert!(!looks_like_code(
            "update_graphic_red_bar12:00 PM PT -- Sheriff's deputies were at The London"
        ));
        assert!(looks_like_code(
            "result = compute_total(items, tax, discount, region, currency)"
        ));
        // SQL reads as words, but names several columns or shouts keywords.
        assert!(looks_like_code(
            "where is_active and country is not null and signup_date is not null"
        ));
        assert!(looks_like_code(
            "SELECT name FROM users WHERE active AND NOT deleted ORDER BY created_at DESC"
        ));
        assert!(looks_like_code(
            "UPDATE orders SET shipped_at = created_at WHERE status is shipped"
        ));
        assert!(!looks_like_code(
            "To calculate the median in PostgreSQL we use the function percentile_disc. In"
        ));
        assert!(!looks_like_code(
            ", the Royal New Zealand Air Force and the Royal New Zealand Navy. New"
        ));
        assert!(!looks_like_code(
            "function that to M associates the Rayleigh quotient R(M, x) for a fixed x and M"
        ));
        // An image's file name before a timed update: the figures are prose.
        assert!(!looks_like_code(
            "harbour_photo_03 11:40 AM -- The ferry docked at 12:15 after a delay at"
        ));
        assert!(looks_like_code(
            "SELECT id FROM crossings WHERE sailed_at > 10 AND berth_id < 20 LIMIT 5"
        ));
        assert!(has_call("the matrix R(x) turns"));
        assert!(!has_call("the matrix {\\displaystyle R(\\theta )} turns"));
        assert!(has_call("{\\displaystyle R(\\theta )} and f(x)"));
        assert!(looks_like_code("│ a │ b │"));
        assert!(!looks_like_code(
            "A plain sentence, with commas; and a colon: here."
        ));
    }

    #[test]
    fn counts_symbols() {
        assert_eq!(code_symbols("{}[]<>=;$\\|`()_"), 15);
        assert_eq!(code_symbols("a ─┼─ b"), 3);
        assert_eq!(code_symbols("plain “quoted” text ^ ^"), 0);
        // More than a lane holds.
        for n in [
            0,
            1,
            15,
            16,
            17,
            239,
            240,
            241,
            1000,
            16 * 255 + 1,
            16 * 256 + 7,
        ] {
            assert_eq!(code_symbols(&"{".repeat(n)), n);
            assert_eq!(ByteCounts::of("_".repeat(n).as_bytes()).call_marks, n);
        }
        for b in 0..=u8::MAX {
            let expected = b"{}[]<>=;$\\|`()_".contains(&b);
            assert_eq!(is_code_byte(b), expected, "{b:#x}");
        }
    }
}
