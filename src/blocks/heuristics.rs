//! The judgement calls of the grouping stage, each a named predicate with the
//! signals it weighs, so they can be read and tuned in one place.

use crate::options::DateOrder;
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
    // A footnote mark after the last word ("destinations.[206]") hides how
    // the sentence ends.
    let Some(last) = without_footnote(text).chars().next_back() else {
        return false;
    };
    // Markup may wrap a heading (`**Title**`); a quotation mark opens dialogue.
    let Some(first) = text.chars().find(|c| !matches!(c, '*' | '_' | '[')) else {
        return false;
    };
    if ends_clause(last) || text.chars().count() > 120 || !(ctx.blank_after || ctx.outdented) {
        return false;
    }
    if first.is_lowercase() || !(first.is_alphanumeric()) {
        return false;
    }
    let words = text.split_whitespace().count();
    if words > 15 || (ctx.list_follows && words == 1) || ctx.figure_follows {
        return false;
    }
    // A raw address is a link left as text, not a title.
    if text.contains("://") {
        return false;
    }
    // Enumerations ("0 files updated, 0 merged, 0 removed") and code are not titles.
    if text.matches(", ").count() >= 2 || (looks_like_code(text) && code_symbols(text) >= 3) {
        return false;
    }
    // Table rows and timestamps ("8:09", "Gmail 17.8 MB 7.6 MB") are mostly digits.
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if letters < 2 || digits * 3 > letters {
        return false;
    }
    // "First sentence. Second" reads as text.
    if text.contains(". ")
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
    let last_word = text
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    if words > 1 && DANGLING_WORDS.contains(&last_word) {
        return false;
    }
    // Exclamations are speech unless the line is title-cased; a mark inside
    // the line ("Ah Bartleby! Ah humanity!") makes it two sentences.
    if text.trim_end_matches(['!', '?']).contains(['!', '?']) && last == '!' {
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
    // Whole numbers and commas only (not "14.03.2024, 09:15").
    let numbers = text.split(", ").filter(|n| !n.is_empty()).count();
    let series = numbers >= 3
        && text
            .split(", ")
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let words = text.split_whitespace().count();
    let setting = words <= 3
        && (text.ends_with(" =") || text.contains(" = "))
        && text
            .trim_end_matches(" =")
            .split(" = ")
            .next()
            .is_some_and(|key| !key.contains(' '));
    tex || series || setting
}

/// An image's alt text and its caption on one line, the same phrase twice
/// ("Scatter plot Scatter plot").
pub(crate) fn repeats_itself(text: &str) -> bool {
    // A caption is short; long repeated text is text.
    const MAX_CAPTION: usize = 240;
    let half = text.len() / 2;
    text.len() <= MAX_CAPTION
        && text.len() % 2 == 1
        && text.as_bytes().get(half) == Some(&b' ')
        && text.get(..half).is_some_and(|a| {
            // A phrase of two words or more ("Bora Bora" is a name).
            a.contains(' ') && text.get(half + 1..) == Some(a)
        })
}

/// A short line that is mostly a figure ("71.1 MB", "13.4 MB (-81%)",
/// "$199 billion"): a table cell or a statistic, not prose.
pub(crate) fn is_figure(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    // A date under a title ("14 March 2024") is a dateline, not a cell.
    text.len() <= 40
        && digits > 0
        && digits >= letters
        && date::find_date(text, DateOrder::default()).is_none()
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

/// Does this text read as code or a command line rather than prose?
///
/// Signals: a shell prompt (`$ `), or many characters that prose rarely uses
/// (`{}[]<>=;$\|` and backticks).
pub(crate) fn looks_like_code(text: &str) -> bool {
    // Box-drawing characters are text tables; a leading comma continues a
    // list of SQL columns or arguments.
    if text.starts_with("$ ")
        || text.starts_with("% ")
        || text.starts_with(">>> ")
        || text.starts_with(", ")
        || has_table_rule(text)
        || has_call(text)
        || has_column_gaps(text)
        || is_table_row(text)
    {
        return true;
    }
    // Bytes, not chars, as the measure: cheaper, and code is ASCII. One
    // symbol in a few characters ("7:e3f9]") is a fragment, not code.
    let symbols = code_symbols(text);
    symbols >= 2 && symbols * 12 > text.len()
}

/// Is this a row of table columns, as a text browser lays them out
/// ("Auckland    23/16    74/60", "Largest city     Auckland")? Two or more
/// gaps of two spaces or more between words, or one of three or more. Two
/// spaces after a sentence are typing habit, not a column.
fn has_column_gaps(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut gaps = 0;
    let mut measured_to = 0;
    for at in memchr::memmem::find_iter(bytes, b"  ") {
        if at < measured_to {
            // Inside a run already measured.
            continue;
        }
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
    memchr::memchr2_iter(b'(', b'_', bytes).any(|j| {
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
    })
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

/// The ASCII characters that prose rarely uses and code often does, by
/// byte value: `{}[]<>=;$\|` and backticks, `()` and `_`.
static CODE_BYTES: [u8; 256] = {
    let symbols = b"{}[]<>=;$\\|`()_";
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < symbols.len() {
        table[symbols[i] as usize] = 1;
        i += 1;
    }
    table
};

/// Characters that prose rarely uses and code often does.
fn code_symbols(text: &str) -> usize {
    // Counted on bytes with a table: an ASCII byte is always its own
    // character in UTF-8, and the box-drawing `│` `─` `┼` are E2 94 82,
    // E2 94 80 and E2 94 BC.
    let bytes = text.as_bytes();
    let ascii: usize = bytes
        .iter()
        .map(|&b| usize::from(CODE_BYTES[usize::from(b)]))
        .sum();
    let boxes = memchr::memchr_iter(0xE2, bytes)
        .filter(|&i| matches!(bytes.get(i + 1..i + 3), Some([0x94, 0x80 | 0x82 | 0xBC])))
        .count();
    // Footnote marks ("Cassino.^[113]", "[n 3]") are prose's brackets.
    let footnotes = memchr::memchr_iter(b'[', bytes)
        .filter(|&i| footnote_len(&bytes[i..]).is_some())
        .count();
    // So are parentheticals: "chief (rangatira), whose" is not `f(x)`.
    let asides = memchr::memchr_iter(b'(', bytes)
        .filter(|&i| parenthetical(bytes, i))
        .count();
    // And prices: `$26.2b` is money, not a shell variable.
    let prices = memchr::memchr_iter(b'$', bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        .count();
    (ascii + boxes).saturating_sub(2 * (footnotes + asides) + prices)
}

/// A prose parenthetical opens at `open`: after a space, a word inside, and
/// closed within 40 bytes before a space or a punctuation mark, with no
/// other code symbol in between but a price's `$`.
fn parenthetical(bytes: &[u8], open: usize) -> bool {
    let after_space = open > 0 && bytes[open - 1] == b' ';
    let starts_word = bytes
        .get(open + 1)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    if !(after_space && starts_word) {
        return false;
    }
    let window = &bytes[open + 1..bytes.len().min(open + 41)];
    let Some(close) = window.iter().position(|&b| b == b')') else {
        return false;
    };
    let inside_is_prose = window[..close]
        .iter()
        .all(|&b| CODE_BYTES[usize::from(b)] == 0 || b == b'$');
    let closes_prose = window
        .get(close + 1)
        .is_none_or(|b| matches!(b, b' ' | b',' | b'.' | b';' | b':'));
    inside_is_prose && closes_prose
}

/// Length of a footnote mark at the start of `bytes`: `[` then a digit, or a
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }

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

    #[test]
    fn code() {
        assert!(looks_like_code("$ hg init public"));
        assert!(looks_like_code("if (x) { y = z[0]; }"));
        assert!(!looks_like_code(
            "A plain sentence, with commas; and a colon: here."
        ));
    }
}
