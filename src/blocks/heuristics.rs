//! The judgement calls of the grouping stage, each a named predicate with the
//! signals it weighs, so they can be read and tuned in one place.

use crate::byte_words::{ascii_in_range, byte_flags, equal_bytes, word_at, HIGH_BITS, LOW_BITS};
use crate::options::DateOrder;
use crate::scan::code::{code_symbols_at_least, looks_like_code};
use crate::scan::date;

/// Words that stay lower-case inside a title-cased heading.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "de", "del", "der", "des", "di", "die", "du", "en",
    "et", "for", "from", "in", "into", "la", "le", "nor", "of", "on", "or", "per", "the", "to",
    "und", "via", "vs", "with",
];

/// Characters that end a sentence or a clause: a line ending in one reads as
/// running text, not as a heading.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '('
            | '{'
            | '='
            | '！'
            | '？'
            | '。'
            | '，'
            | '；'
            | '：'
            | '、'
            | '…'
    )
}

/// Where a heading candidate stands.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct HeadingContext {
    /// It is followed by a blank line or ends the document.
    pub blank_after: bool,
    /// It is indented less than the body (lynx puts headings flush left).
    pub outdented: bool,
    /// The line after it is a list item (a label such as "Contents").
    pub list_follows: bool,
    /// The line after it is a short figure ("71.1 MB"): it is a table cell.
    pub figure_follows: bool,
}

/// Is this one line a heading?
///
/// Signals: short (at most 15 words, 120 chars); starts with a capital, a
/// digit or a letter of a caseless script; does not end a clause (`.` `,`
/// `;` `:`); is not one sentence followed by another; stands alone (blank
/// line after, or outdented from the body). Lines ending in `?` or `!`
/// count only if they are short or title-cased, since questions are often
/// sentences in the text.
pub(crate) fn is_heading(text: &str, ctx: HeadingContext) -> bool {
    // (The tests below are pure, so their order only decides the cost: the
    // cheapest come first.)
    if !(ctx.blank_after || ctx.outdented) {
        return false;
    }
    // A footnote mark after the last word ("destinations.[206]") hides how
    // the sentence ends.
    let Some(last) = without_footnote(text).chars().next_back() else {
        return false;
    };
    // Markup may wrap a heading (`**Title**`); a quotation mark opens dialogue.
    let Some(first) = text.chars().find(|c| !matches!(c, '*' | '_' | '[')) else {
        return false;
    };
    // (More than 120 chars: only a text over 120 bytes can have them, and
    // the count stops at the 121st.)
    let too_long = || text.len() > 120 && text.chars().nth(120).is_some();
    if ends_clause(last) || too_long() {
        return false;
    }
    if first.is_lowercase() || !(first.is_alphanumeric()) {
        return false;
    }
    // Counted up to 16: every test below only asks about fewer.
    let words = count_words(text, 16);
    if words > 15 || (ctx.list_follows && words == 1) || ctx.figure_follows {
        return false;
    }
    // A raw address is a link left as text, not a title.
    if text.contains("://") {
        return false;
    }
    // Enumerations ("0 files updated, 0 merged, 0 removed") and code are not titles.
    if followed_by_space(text, b',').nth(1).is_some()
        || (code_symbols_at_least(text, 3) && looks_like_code(text))
    {
        return false;
    }
    // Table rows and timestamps ("8:09", "Gmail 17.8 MB 7.6 MB") are mostly digits.
    let (letters, digits) = letters_and_digits(text);
    if letters < 2 || digits * 3 > letters {
        return false;
    }
    // "First sentence. Second" reads as text.
    if followed_by_space(text, b'.').next().is_some()
        && !text
            .split(". ")
            .all(|part| part.split_whitespace().count() <= 2)
    {
        return false;
    }
    if repeats_itself(text) {
        return false;
    }
    // A heading does not stop on a function word ("…are limited: either").
    if words > 1 && DANGLING_WORDS.contains(&last_word(text)) {
        return false;
    }
    // Exclamations are speech unless the line is title-cased; a mark inside
    // the line ("Ah Bartleby! Ah humanity!") makes it two sentences.
    if last == '!' && text.trim_end_matches(['!', '?']).contains(['!', '?']) {
        return false;
    }
    match last {
        '!' => title_cased(text),
        '?' => words <= 10 || title_cased(text),
        _ => true,
    }
}

/// A line standing alone that is code or data, not prose, though it is too
/// short to show it by its symbols: TeX math (`{\displaystyle …}`), a series
/// of numbers (`2, 3, 5, 12`), a setting (`publish = false`, `evolve =`).
pub(crate) fn isolated_code(text: &str) -> bool {
    let tex = text.starts_with("{\\") || text.starts_with("\\[") || text.starts_with("$$");
    tex || number_series(text) || setting(text)
}

/// Three or more whole numbers joined by `", "` and nothing else (not
/// "14.03.2024, 09:15").
fn number_series(text: &str) -> bool {
    // A line that does not open with a digit has an empty or non-numeric
    // first part: prose is rejected here without splitting the line.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut parts = 0;
    text.split(", ").all(|n| {
        parts += 1;
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
    }) && parts >= 3
}

/// A setting of three words or fewer: a key without spaces, `=`, and a value
/// or nothing (`publish = false`, `evolve =`).
fn setting(text: &str) -> bool {
    // Cheapest test first: a vectorized search for `=` rejects nearly every
    // line; words are counted (up to the fourth) and " = " searched for
    // (a string search first builds a searcher) only in the rest.
    memchr::memchr(b'=', text.as_bytes()).is_some()
        && text.split_whitespace().nth(3).is_none()
        && (text.ends_with(" =") || text.contains(" = "))
        && text
            .trim_end_matches(" =")
            .split(" = ")
            .next()
            .is_some_and(|key| !key.contains(' '))
}

/// An image's alt text and its caption on one line, the same phrase twice
/// ("Scatter plot Scatter plot").
pub(crate) fn repeats_itself(text: &str) -> bool {
    let bytes = text.as_bytes();
    halves_repeat(bytes.len(), |i| bytes[i])
}

/// [`repeats_itself`] for a phrase wrapped over two lines: `first` and
/// `second` joined by a space ("Backtesting with lower threshold Backtesting
/// with lower⏎threshold"). Compared in place, without joining them.
pub(crate) fn repeats_itself_wrapped(first: &str, second: &str) -> bool {
    let (a, b) = (first.as_bytes(), second.as_bytes());
    halves_repeat(a.len() + 1 + b.len(), |i| match i.cmp(&a.len()) {
        std::cmp::Ordering::Less => a[i],
        std::cmp::Ordering::Equal => b' ',
        std::cmp::Ordering::Greater => b[i - a.len() - 1],
    })
}

/// The `len` bytes `at` gives are one phrase, a space, and the phrase
/// again: short (a caption; long repeated text is text), and a phrase of
/// two words or more ("Bora Bora" is a name).
fn halves_repeat(len: usize, at: impl Fn(usize) -> u8) -> bool {
    const MAX_CAPTION: usize = 240;
    let half = len / 2;
    len <= MAX_CAPTION
        && len % 2 == 1
        && at(half) == b' '
        && (0..half).any(|i| at(i) == b' ')
        && (0..half).all(|i| at(i) == at(half + 1 + i))
}

/// A short line that is mostly a figure ("71.1 MB", "13.4 MB (-81%)",
/// "$199 billion"): a table cell or a statistic, not prose.
pub(crate) fn is_figure(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let (letters, digits) = letters_and_digits(text);
    // A date under a title ("14 March 2024") is a dateline, not a cell.
    digits > 0 && digits >= letters && date::find_date(text, DateOrder::default()).is_none()
}

/// Where `mark` stands right before a space (`", "`, `". "`), found by a
/// vectorized search for the mark.
fn followed_by_space(text: &str, mark: u8) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(mark, bytes).filter(move |&i| bytes.get(i + 1) == Some(&b' '))
}

/// Words of `text` as `split_whitespace` finds them, counted up to `limit`.
/// Eight ASCII bytes at a time while they last, then byte by byte, where
/// only characters other than ASCII are decoded: `split_whitespace` decodes
/// every character.
pub(crate) fn count_words(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    for chunk in bytes.chunks_exact(8) {
        let w = word_at(chunk);
        if words >= limit || w & HIGH_BITS != 0 {
            break;
        }
        words += ascii_word_starts(w, &mut in_word);
        i += 8;
    }
    // The tail of fewer than eight bytes (all of a short text), padded with
    // spaces, which start no word: one more word, if it is ASCII.
    let tail = bytes.len() - i;
    if tail < 8 && tail > 0 && words < limit {
        let w = padded_tail(bytes, tail);
        if w & HIGH_BITS == 0 {
            words += ascii_word_starts(w, &mut in_word);
            i = bytes.len();
        }
    }
    while words < limit {
        let Some(&b) = bytes.get(i) else { break };
        let (blank, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            (c.is_whitespace(), c.len_utf8())
        };
        if blank {
            in_word = false;
        } else if !in_word {
            words += 1;
            in_word = true;
        }
        i += len;
    }
    words.min(limit)
}

/// Words starting in `w`, eight ASCII bytes; `in_word` says whether the
/// byte before them is inside a word, and is left saying so of its last.
fn ascii_word_starts(w: u64, in_word: &mut bool) -> usize {
    // `char::is_whitespace` on ASCII: tab to carriage return, space.
    let blank = ascii_in_range(w, b'\t', b'\r') | equal_bytes(w, b' ');
    // A word starts at a byte that is not blank after one that is (or
    // after the end of the last chunk, outside a word).
    let blank_before = (blank << 8) | if *in_word { 0 } else { 0x80 };
    *in_word = blank >> 63 == 0;
    byte_flags(!blank & blank_before & HIGH_BITS)
}

/// The last `tail` bytes of `bytes` (fewer than eight, more than none) as
/// the low bytes of a word, its high bytes spaces.
fn padded_tail(bytes: &[u8], tail: usize) -> u64 {
    const SPACES: u64 = LOW_BITS * 0x20;
    let low = match bytes.len().checked_sub(8) {
        // The last eight bytes, shifted so that only the tail's are left
        // (little-endian: the last bytes are the high ones).
        Some(from) => word_at(&bytes[from..]) >> (8 * (8 - tail)),
        None => bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b)),
    };
    low | (SPACES << (8 * tail))
}

/// Letters and ASCII digits in `text`, counted in one pass: eight bytes at
/// a time where they are ASCII, and char by char (a Unicode table lookup for
/// each letter) from the first word that is not.
fn letters_and_digits(text: &str) -> (usize, usize) {
    let (mut letters, mut digits) = (0, 0);
    let mut words = text.as_bytes().chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        let w = word_at(word);
        if w & HIGH_BITS != 0 {
            break;
        }
        let (l, d) = ascii_letters_and_digits(w);
        (letters, digits) = (letters + l, digits + d);
        at += 8;
    }
    // The tail of fewer than eight bytes, padded with spaces (neither).
    let tail = text.len() - at;
    if tail < 8 && tail > 0 {
        let w = padded_tail(text.as_bytes(), tail);
        if w & HIGH_BITS == 0 {
            let (l, d) = ascii_letters_and_digits(w);
            return (letters + l, digits + d);
        }
    }
    // Past ASCII words a char boundary: the rest, or the tail, one by one.
    for c in text.get(at..).unwrap_or_default().chars() {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
            digits += usize::from(c.is_ascii_digit());
        } else {
            letters += usize::from(c.is_alphabetic());
        }
    }
    (letters, digits)
}

/// Letters and digits among the eight ASCII bytes of `w`.
fn ascii_letters_and_digits(w: u64) -> (usize, usize) {
    // ASCII letters are those that fold (`| 0x20`) into `a..=z`.
    let letters = byte_flags(ascii_in_range(w | (LOW_BITS * 0x20), b'a', b'z'));
    let digits = byte_flags(ascii_in_range(w, b'0', b'9'));
    (letters, digits)
}

/// Lower-case words a sentence can stop on but a heading cannot.
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "either", "for", "from", "in", "into", "is", "of",
    "on", "or", "than", "that", "the", "to", "with", "was", "were", "are", "be",
];

/// `text` without trailing footnote marks such as `[12]` or `^[n 3]`.
pub(crate) fn without_footnote(text: &str) -> &str {
    let mut t = text;
    loop {
        // `^([12])` as pandoc prints a superscript mark.
        let inner = t.strip_suffix(')').and_then(|r| r.strip_suffix(']'));
        let (body, closers) = match inner {
            Some(r) if t.contains("^([") => (r, 2),
            _ => match t.strip_suffix(']') {
                Some(r) => (r, 1),
                None => break,
            },
        };
        let Some(open) = body.rfind('[') else { break };
        if open == 0 || body.len() + closers - open > 14 {
            break;
        }
        t = body[..open].trim_end_matches(['^', '(']);
    }
    t
}

/// The last word of `text` (after its last whitespace), without the
/// punctuation around it: "of" in "Title of", "the" in "Notes (the)". An
/// ASCII last word is found from the end by bytes, without decoding.
fn last_word(text: &str) -> &str {
    let start = text
        .as_bytes()
        .iter()
        .rposition(|&b| matches!(b, b'\t'..=b'\r' | b' '))
        .map_or(0, |space| space + 1);
    // (After an ASCII byte: a character boundary.)
    let tail = &text[start..];
    if !tail.is_ascii() {
        // Whitespace beyond ASCII (a no-break space) may split it further.
        return text
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
    }
    let bytes = tail.as_bytes();
    match (
        bytes.iter().position(u8::is_ascii_alphanumeric),
        bytes.iter().rposition(u8::is_ascii_alphanumeric),
    ) {
        (Some(first), Some(last)) => &tail[first..=last],
        _ => "",
    }
}

/// Words (as `split_whitespace` splits them) holding a letter or a digit:
/// "Q&A — Part 2" has three. An ASCII text is read a byte at a time,
/// without decoding characters or slicing out words.
pub(crate) fn alphanumeric_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
    }
    let mut words = 0;
    // The current word has been counted (it holds a letter or digit).
    let mut counted = false;
    for b in text.bytes() {
        if matches!(b, b'\t'..=b'\r' | b' ') {
            counted = false;
        } else if !counted && b.is_ascii_alphanumeric() {
            words += 1;
            counted = true;
        }
    }
    words
}

/// Most words capitalised, small words aside: "What We Know About the Plan".
pub(crate) fn title_cased(text: &str) -> bool {
    let mut capitalised = 0;
    let mut counted = 0;
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word)) {
            continue;
        }
        counted += 1;
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
        }
    }
    counted > 0 && capitalised * 4 >= counted * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_by_words_match_char_by_char() {
        let naive = |text: &str| {
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let digits = text.chars().filter(char::is_ascii_digit).count();
            (letters, digits)
        };
        for text in [
            "",
            "Gmail 17.8 MB 7.6 MB",
            "@[`{ AZaz09 /:",
            "8:09",
            "Ünïcödé after ASCII words: 123 été 4",
            "sixteen bytes!!! then “quoted” 2024",
            "日本語のテキスト 2024年",
        ] {
            assert_eq!(letters_and_digits(text), naive(text), "{text:?}");
        }
    }

    #[test]
    fn last_word_matches_split_and_trim() {
        for text in [
            "",
            "Title of",
            "Notes (the)",
            "Ends with space ",
            "Q&A\u{a0}the",
            "Über die",
            "...",
            "one",
        ] {
            let naive = text
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric());
            assert_eq!(last_word(text), naive, "{text:?}");
        }
    }

    #[test]
    fn alphanumeric_words_match_split_whitespace() {
        for text in [
            "",
            "Q&A — Part 2",
            "Q&A - Part 2",
            "  -- a\x0bb\tc ... ",
            "Ünïcödé 2024",
        ] {
            let naive = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(alphanumeric_words(text), naive, "{text:?}");
        }
    }

    #[test]
    fn counts_words_as_split_whitespace_does() {
        let texts = [
            "",
            "   ",
            "one",
            " two  words ",
            "a\u{b}b\u{c}c\rd\te\nf",
            "x\u{a0}y\u{3000}z\u{2003}w\u{85}v",
            "é à\u{1c}ü",
            "a b c d e f g h i j k l m n o p q r s",
            "eight by eight\tbytes\r\nwith\u{b}vertical  tabs and more words than sixteen here",
            "        leading blanks, then words        ",
            "abcdefghijklmnop qrstuvwx yz",
            "ASCII words, then é à ü\u{3000}after, and more words past them",
            "wordsABCDEFGH\u{85}next",
        ];
        for text in texts {
            for limit in [0, 1, 3, 4, 16, 100] {
                let expected = text.split_whitespace().take(limit).count();
                assert_eq!(count_words(text, limit), expected, "{text:?} {limit}");
            }
        }
        for b in 0..=0x7f_u8 {
            let text = format!("a{}b", char::from(b));
            let long = format!("abcdef{}ghijklmnop", char::from(b));
            assert_eq!(
                count_words(&long, 16),
                long.split_whitespace().count(),
                "{b:#x}"
            );
            assert_eq!(
                count_words(&text, 16),
                text.split_whitespace().count(),
                "{b:#x}"
            );
        }
    }

    const ALONE: HeadingContext = HeadingContext {
        blank_after: true,
        outdented: false,
        list_follows: false,
        figure_follows: false,
    };

    #[test]
    fn code_lines_standing_alone() {
        assert!(isolated_code(
            "{\\displaystyle \\langle w,Av\\rangle =\\langle Aw,v\\rangle ,}"
        ));
        assert!(isolated_code("2, 3, 5, 2, 3, 12, 5, 3, 4"));
        assert!(!isolated_code("14.03.2024, 09:15"));
        assert!(isolated_code("publish = false"));
        assert!(isolated_code("evolve ="));
        assert!(!isolated_code("2025-11-28"));
        assert!(!isolated_code("12, 13 and 14 March"));
        assert!(!isolated_code("The answer = 42 in the end"));
    }

    #[test]
    fn figures() {
        assert!(is_figure("71.1 MB"));
        assert!(is_figure("13.4 MB (-81%)"));
        assert!(!is_figure("14 March 2024"));
        assert!(!is_figure("Google Maps"));
        assert!(!is_figure("In 2019 the harbour reopened."));
        assert!(!is_heading(
            "Farm Heroes Super Saga",
            HeadingContext {
                figure_follows: true,
                ..ALONE
            }
        ));
    }

    #[test]
    fn repeated_phrases() {
        assert!(repeats_itself("Scatter plot Scatter plot"));
        assert!(!repeats_itself("Scatter plot"));
        assert!(!repeats_itself("a"));
        assert!(!repeats_itself("abXab"));
        assert!(!repeats_itself("Bora Bora"));
        assert!(repeats_itself_wrapped(
            "Backtesting with lower threshold Backtesting with lower",
            "threshold"
        ));
        assert!(repeats_itself_wrapped("Scatter plot", "Scatter plot"));
        assert!(repeats_itself_wrapped("Scatter plot Scatter", "plot"));
        assert!(!repeats_itself_wrapped("Scatter plot Scatter", "plots"));
        assert!(!repeats_itself_wrapped("Bora", "Bora"));
        assert!(!repeats_itself_wrapped(
            "It was late and the ferry",
            "had gone."
        ));
    }

    #[test]
    fn headings() {
        assert!(is_heading(
            "A Glimmer of Hope or Just Diplomatic Theater?",
            ALONE
        ));
        assert!(is_heading("What Happens Next? Three Scenarios", ALONE));
        assert!(is_heading(
            "The European Attack Clause — “Ridiculous but Fine”",
            ALONE
        ));
        assert!(is_heading("Information from other Facebook users", ALONE));
        assert!(is_heading("Sharing with a single developer¶", ALONE));
    }

    #[test]
    fn not_headings() {
        assert!(!is_heading(
            "Bug report: https://example.org/issue/48/",
            ALONE
        ));
        assert!(!is_heading("His response was almost comical:", ALONE));
        assert!(!is_heading(
            "When all those pressures align, strange things become possible.",
            ALONE
        ));
        assert!(!is_heading("lower-case start of a line", ALONE));
        assert!(!is_heading("“That’s pretty sad,” she said", ALONE));
        assert!(!is_heading("8:09", ALONE));
        assert!(!is_heading("Milford Sound is famous.[206]", ALONE));
        assert!(!is_heading("Milford Sound is famous.^([206])", ALONE));
        assert!(is_heading("Speakers by region^[n 3]", ALONE));
        assert!(!is_heading(
            "Traditionally, your options are limited: either",
            ALONE
        ));
        assert!(!is_heading("You didn't try vlc!", ALONE));
        assert!(!is_heading("Scatter plot Scatter plot", ALONE));
        // Halves that fall inside a multi-byte character are compared safely.
        assert!(is_heading("Aé Bé", ALONE));
        assert!(!is_heading("Ah Bartleby! Ah humanity!", ALONE));
        assert!(!is_heading(
            "Gmail 17.8 MB 7.6 MB (-57%) 7.3 MB (-59%)",
            ALONE
        ));
        assert!(!is_heading("Standing alone", HeadingContext::default()));
        assert!(!is_heading(
            "Contents",
            HeadingContext {
                list_follows: true,
                ..ALONE
            }
        ));
        assert!(!is_heading(
            "Is the endgame finally starting, or is this just another round of posturing by everyone?",
            ALONE
        ));
    }

    #[test]
    fn title_case() {
        assert!(title_cased(
            "What We Know About the Mysterious 28-Point Plan"
        ));
        assert!(!title_cased("Information from other Facebook users"));
    }
}
