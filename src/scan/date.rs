//! Dates as articles print them, in English, French, German, Spanish,
//! Portuguese and Italian (`Nov 28, 2025`, `28. November 2025`, `2025-11-28`,
//! `28/11/2025`), and lines that carry nothing but a date and its furniture
//! (`Published: Nov 28, 2025 at 9:00 am`).
//!
//! Every part of a date has a bounded length (days of two digits, years of
//! four, month words of at most ten letters, at most three blanks between
//! parts), so trying [`date`] at every word start of a text stays linear.

use std::ops::RangeInclusive;

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{all_consuming, map_opt, not, opt, peek, recognize, value, verify};
use nom::multi::many0_count;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use crate::model::Date;
use crate::options::DateOrder;
use crate::scan::phrases::Shapes;

/// A date found in text: the date and its byte range in the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// Four-digit numbers outside this window are far more often counts, prices
/// or codes than years: web archives reach back into the twentieth century at
/// most, and a few decades ahead cover schedules and deadlines.
const YEARS: RangeInclusive<u16> = 1900..=2100;

/// Month words in lower case, January first, in English, French, German,
/// Spanish, Portuguese and Italian. Abbreviations shared by several languages
/// (`mar`, `mai`, `set`) always mean the same month, so no language needs to be
/// guessed first.
#[rustfmt::skip] // one row per month reads better than one word per line
const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "janeiro",
      "gennaio", "gen"],
    &["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "fev", "februar",
      "febrero", "fevereiro", "febbraio"],
    &["march", "mar", "mars", "märz", "maerz", "mär", "mrz", "marzo", "março", "marco"],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maio", "maggio", "mag"],
    &["june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu"],
    &["july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug"],
    &["august", "aug", "août", "aout", "agosto", "ago"],
    &["september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "setembro",
      "settembre", "sett"],
    &["october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre",
      "ott"],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
      "dezembro", "dicembre"],
];

/// Words that may stand next to a date on a date line, in lower case: the
/// labels for published and updated, `on`/`at` and their equivalents,
/// weekday names and abbreviations, and timezone abbreviations, in the six
/// languages. Kept short on purpose: every word here lets a line that holds
/// it pass as a date line.
#[rustfmt::skip] // one row per language
const DATE_LABELS: &[&str] = &[
    // English
    "published", "posted", "updated", "last", "modified", "date", "dated", "on", "at",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    // German
    "veröffentlicht", "aktualisiert", "zuletzt", "stand", "datum", "am", "um", "uhr", "vom",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
    // French
    "publié", "publie", "mis", "à", "jour", "le", "modifié", "du",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    // Spanish
    "publicado", "actualizado", "el", "a", "las", "fecha",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    // Portuguese
    "atualizado", "em", "às", "as", "data",
    "segunda", "terça", "quarta", "quinta", "sexta", "feira",
    // Italian
    "pubblicato", "aggiornato", "il", "alle", "ore",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    // Timezones
    "utc", "gmt", "z", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt",
    "hst", "et", "ct", "mt", "pt", "bst", "ist", "wet", "west", "cet", "cest", "eet", "eest",
    "mez", "mesz", "msk", "jst", "kst", "hkt", "sgt", "aest", "aedt", "acst", "awst", "nzst",
    "nzdt",
];

static DATE_LABEL_WORDS: Keywords = Keywords::new(DATE_LABELS);

/// Punctuation that separates a date from its labels and time.
const DATE_PUNCTUATION: &str = ",:;|·•-–—/()[].\"'";

/// A date at the start of `input`; returns the leftover.
pub(crate) fn date(input: &str, order: DateOrder) -> IResult<&str, Date> {
    // date = ["le" gap] date_body
    preceded(opt((tag_no_case("le"), gap)), |i| date_body(i, order)).parse(input)
}

/// The first date anywhere in `text`, tried only at word starts.
pub(crate) fn find_date(text: &str, order: DateOrder) -> Option<DateMatch> {
    // Every form has a year of four digits in a row (YYYY): without them,
    // skip the word-by-word attempts (titles, most header lines and figures
    // such as "13.4 MB" have none).
    if !has_four_digits_in_a_row(text.as_bytes()) {
        return None;
    }
    word_starts(text).find_map(|start| {
        crate::work::tick(1);
        let (rest, date) = date(text.get(start..)?, order).ok()?;
        let end = text.len() - rest.len();
        Some(DateMatch { date, start, end })
    })
}

/// Four ASCII digits in a row somewhere in `bytes`: the year every date form
/// holds ([`year`], and the `YYYY` of [`cjk_date`]).
fn has_four_digits_in_a_row(bytes: &[u8]) -> bool {
    let mut run = 0;
    for &b in bytes {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// A line that is a date plus only labels, weekday, time of day, timezone
/// and punctuation.
pub(crate) fn date_line(line: &str, order: DateOrder) -> Option<DateMatch> {
    let found = find_date(line, order)?;
    let before = line.get(..found.start)?;
    let after = line.get(found.end..)?;
    (only_date_furniture(before) && only_date_furniture(after)).then_some(found)
}

/// True when `text` holds only what may stand next to a date on a date line:
/// labels, weekdays, times of day, timezones, punctuation and blanks.
pub(crate) fn only_date_furniture(text: &str) -> bool {
    if opens_with_other_word(text) {
        return false;
    }
    // date_furniture* to the end
    all_consuming(many0_count(date_furniture))
        .parse(text)
        .is_ok()
}

/// Whether `text` opens with a word that no date furniture opens with: no
/// date label, and no time or meridiem (among ASCII letters only `T` before
/// a digit, `a.`, `am`, `p.` and `pm` open those). Titles and names are
/// most of the lines tried, and their first word is enough to turn them
/// away.
fn opens_with_other_word(text: &str) -> bool {
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    let second = text.as_bytes().get(1).copied();
    let opens_time = match first.to_ascii_lowercase() {
        b't' => second.is_some_and(|b| b.is_ascii_digit()),
        b'a' | b'p' => matches!(second, Some(b'.' | b'm' | b'M')),
        _ => false,
    };
    if !first.is_ascii_alphabetic() || opens_time {
        return false;
    }
    // The word as the keyword parser reads it, which may go on past ASCII.
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    text.get(..end)
        .is_some_and(|word| !DATE_LABEL_WORDS.contains(word))
}

/// Whether `word` equals `lower`, a lower-case word, ignoring case; accented
/// capitals (`MÄRZ`) fold too, without allocating.
pub(crate) fn eq_ignore_case(word: &str, lower: &str) -> bool {
    // Most comparisons fail on the first letter: decide those without a scan
    // and, for a word opening with another script (CJK, Cyrillic) compared
    // with a listed word opening with ASCII, without a case table lookup.
    if let (Some(&w), Some(&l)) = (word.as_bytes().first(), lower.as_bytes().first()) {
        let first = if w.is_ascii() {
            Some(w.to_ascii_lowercase())
        } else {
            word.chars()
                .next()
                .and_then(ascii_lower_first)
                .map(|c| c as u8)
        };
        if l.is_ascii() && first != Some(l) {
            return false;
        }
    }
    // The ASCII path is the common one and several times faster.
    if word.is_ascii() && lower.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// The first character of `c` lower-cased, if it is ASCII: only ASCII
/// letters, `İ` and the Kelvin sign lower-case to an ASCII character (a
/// test checks every character).
fn ascii_lower_first(c: char) -> Option<char> {
    match c {
        _ if c.is_ascii() => Some(c.to_ascii_lowercase()),
        '\u{130}' => Some('i'),
        '\u{212a}' => Some('k'),
        _ => None,
    }
}

/// A whole alphabetic word that is one of `words`, ignoring case.
pub(crate) fn keyword<'a>(input: &'a str, words: &Keywords) -> IResult<&'a str, &'a str> {
    // keyword = letter+, one of words
    verify(take_while1(char::is_alphabetic), |w: &str| {
        words.contains(w)
    })
    .parse(input)
}

/// A list of lower-case words, looked up ignoring case as
/// [`eq_ignore_case`] compares. Header scanners try every word of a line
/// against lists of up to 150 words; the shapes turn most words away before
/// the list is read.
pub(crate) struct Keywords {
    words: &'static [&'static str],
    shapes: Shapes,
}

impl Keywords {
    /// Every word is a single word: the keyword parser reads no spaces.
    pub(crate) const fn new(words: &'static [&'static str]) -> Keywords {
        let mut i = 0;
        while i < words.len() {
            let mut k = 0;
            while k < words[i].len() {
                assert!(words[i].as_bytes()[k] != b' ', "a keyword with a space");
                k += 1;
            }
            i += 1;
        }
        Keywords {
            words,
            shapes: Shapes::of_leading_words(&[words]),
        }
    }

    #[cfg(test)]
    pub(crate) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Whether `word` equals one of the words, ignoring case: the same as
    /// `eq_ignore_case(word, k)` for some word `k`.
    pub(crate) fn contains(&self, word: &str) -> bool {
        if word.is_empty() || !word.is_ascii() {
            return self.words.iter().any(|k| eq_ignore_case(word, k));
        }
        // An ASCII word folds to ASCII, byte for byte: only an ASCII word of
        // its length and first letter can match.
        self.shapes.admits_ascii(word)
            && self
                .words
                .iter()
                .any(|k| k.len() == word.len() && word.eq_ignore_ascii_case(k))
    }
}

/// Byte offsets where a letter or digit follows a non-alphanumeric character
/// (or the start), so that a date is never read from inside a word or number.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous: Option<char> = None;
    text.char_indices().filter_map(move |(i, c)| {
        let starts = c.is_alphanumeric() && !previous.is_some_and(char::is_alphanumeric);
        previous = Some(c);
        starts.then_some(i)
    })
}

// date_body = iso_date | cjk_date | numeric_date | month_first_date | day_first_date
fn date_body(input: &str, order: DateOrder) -> IResult<&str, Date> {
    alt((
        iso_date,
        cjk_date,
        |i| numeric_date(i, order),
        month_first_date,
        day_first_date,
    ))
    .parse(input)
}

// iso_date = YYYY sep D{1,2} sep D{1,2} iso_date_end, the same sep twice
fn iso_date(input: &str) -> IResult<&str, Date> {
    map_opt(
        terminated(
            (
                year,
                date_separator,
                small_number,
                date_separator,
                small_number,
            ),
            iso_date_end,
        ),
        |(y, s1, m, s2, d)| if s1 == s2 { Date::new(y, m, d) } else { None },
    )
    .parse(input)
}

// cjk_date = digit{4} ("年" | "년") [blank] D{1,2} ("月" | "월") [blank] D{1,2} ("日" | "일")
fn cjk_date(input: &str) -> IResult<&str, Date> {
    let marked = |marks: [&'static str; 2]| alt((tag(marks[0]), tag(marks[1])));
    map_opt(
        (
            take_while_m_n(4, 4, is_digit),
            marked(["年", "년"]),
            take_while(is_blank),
            small_number,
            marked(["月", "월"]),
            take_while(is_blank),
            small_number,
            marked(["日", "일"]),
        ),
        |(y, _, _, m, _, _, d, _): (&str, _, _, u8, _, _, u8, _)| {
            let year: u16 = y.parse().ok()?;
            YEARS.contains(&year).then(|| Date::new(year, m, d))?
        },
    )
    .parse(input)
}

// iso_date_end = !(letter | digit) | "T" digit, not consumed
fn iso_date_end(input: &str) -> IResult<&str, ()> {
    // The time after an ISO `T` is left for the caller.
    peek(alt((
        not(satisfy(char::is_alphanumeric)),
        value((), (one_of("Tt"), satisfy(is_digit))),
    )))
    .parse(input)
}

// numeric_date = D{1,2} sep D{1,2} sep YYYY, the same sep twice
fn numeric_date(input: &str, order: DateOrder) -> IResult<&str, Date> {
    map_opt(
        (
            small_number,
            date_separator,
            small_number,
            date_separator,
            year,
        ),
        |(a, s1, b, s2, y)| {
            if s1 != s2 {
                return None;
            }
            let (day, month) = day_and_month(a, b, s1, order);
            Date::new(y, month, day)
        },
    )
    .parse(input)
}

/// Which of two leading numbers is the day. A number over 12 can only be the
/// day; dotted dates are a European convention and so always day first; the
/// caller's order settles the rest.
fn day_and_month(first: u8, second: u8, separator: char, order: DateOrder) -> (u8, u8) {
    if first > 12 || separator == '.' {
        (first, second)
    } else if second > 12 {
        (second, first)
    } else {
        match order {
            DateOrder::DayFirst => (first, second),
            DateOrder::MonthFirst => (second, first),
        }
    }
}

// month_first_date = month_name gap day_of_month field_gap YYYY
fn month_first_date(input: &str) -> IResult<&str, Date> {
    map_opt(
        (month_name, gap, day_of_month, field_gap, year),
        |(m, _, d, _, y)| Date::new(y, m, d),
    )
    .parse(input)
}

// day_first_date = day_of_month gap [("of" | "de") gap] month_name field_gap [("del" | "de") gap] YYYY
fn day_first_date(input: &str) -> IResult<&str, Date> {
    map_opt(
        (
            day_of_month,
            gap,
            opt((alt((tag_no_case("of"), tag_no_case("de"))), gap)),
            month_name,
            field_gap,
            opt((alt((tag_no_case("del"), tag_no_case("de"))), gap)),
            year,
        ),
        |(d, _, _, m, _, _, y)| Date::new(y, m, d),
    )
    .parse(input)
}

// day_of_month = D{1,2} [ordinal], not glued to a letter or digit
fn day_of_month(input: &str) -> IResult<&str, u8> {
    terminated(
        small_number,
        (opt(ordinal), not(satisfy(char::is_alphanumeric))),
    )
    .parse(input)
}

// ordinal = "st" | "nd" | "rd" | "th" | "er" | "º" | "."
fn ordinal(input: &str) -> IResult<&str, &str> {
    // "er" is the French `1er`; "." the German `28.`.
    alt((
        tag_no_case("st"),
        tag_no_case("nd"),
        tag_no_case("rd"),
        tag_no_case("th"),
        tag_no_case("er"),
        tag("º"),
        tag("."),
    ))
    .parse(input)
}

// month_name = letter{1,10} ["."], a word of MONTH_NAMES
fn month_name(input: &str) -> IResult<&str, u8> {
    terminated(
        map_opt(
            terminated(
                take_while_m_n(1, 10, char::is_alphabetic),
                not(satisfy(char::is_alphabetic)),
            ),
            month_number,
        ),
        opt(char('.')),
    )
    .parse(input)
}

/// The shapes of all month names: most words are shaped like none.
static MONTH_SHAPES: Shapes = Shapes::of_leading_words(&MONTH_NAMES);

fn month_number(word: &str) -> Option<u8> {
    let ascii = word.is_ascii();
    if ascii && !word.is_empty() && !MONTH_SHAPES.admits_ascii(word) {
        return None;
    }
    // An ASCII word folds to ASCII: only a name of its length can match.
    let is_name = |name: &&str| {
        if ascii {
            name.len() == word.len() && word.eq_ignore_ascii_case(name)
        } else {
            eq_ignore_case(word, name)
        }
    };
    let index = MONTH_NAMES
        .iter()
        .position(|names| names.iter().any(is_name))?;
    u8::try_from(index + 1).ok()
}

// YYYY = digit{4} within YEARS, not glued to a letter or digit
fn year(input: &str) -> IResult<&str, u16> {
    verify(
        map_opt(
            terminated(
                take_while_m_n(4, 4, is_digit),
                not(satisfy(char::is_alphanumeric)),
            ),
            |s: &str| s.parse().ok(),
        ),
        |y: &u16| YEARS.contains(y),
    )
    .parse(input)
}

// D{1,2} = digit{1,2}, not followed by a third digit
fn small_number(input: &str) -> IResult<&str, u8> {
    map_opt(
        terminated(take_while_m_n(1, 2, is_digit), not(satisfy(is_digit))),
        |s: &str| s.parse().ok(),
    )
    .parse(input)
}

// MM = digit{2}, not followed by a third digit
fn two_digits(input: &str) -> IResult<&str, u8> {
    map_opt(
        terminated(take_while_m_n(2, 2, is_digit), not(satisfy(is_digit))),
        |s: &str| s.parse().ok(),
    )
    .parse(input)
}

// sep = "-" | "/" | "."
fn date_separator(input: &str) -> IResult<&str, char> {
    one_of("-/.").parse(input)
}

// field_gap = "," [gap] | gap
fn field_gap(input: &str) -> IResult<&str, &str> {
    alt((recognize((char(','), opt(gap))), gap)).parse(input)
}

// gap = blank{1,3}
fn gap(input: &str) -> IResult<&str, &str> {
    // Bounded so that each attempt in `find_date` reads a bounded length.
    take_while_m_n(1, 3, is_blank).parse(input)
}

// date_furniture = whitespace+ | time_of_day | utc_offset | meridiem | punctuation | date label
fn date_furniture(input: &str) -> IResult<&str, ()> {
    alt((
        value((), take_while1(char::is_whitespace)),
        time_of_day,
        utc_offset,
        meridiem,
        value((), one_of(DATE_PUNCTUATION)),
        value((), |i| keyword(i, &DATE_LABEL_WORDS)),
    ))
    .parse(input)
}

// time_of_day = clock_time | hour [blank] meridiem
fn time_of_day(input: &str) -> IResult<&str, ()> {
    alt((
        clock_time,
        value((), (hour, opt(take_while1(is_blank)), meridiem)),
    ))
    .parse(input)
}

// clock_time = ["T"] hour (":" | "." | "h") minute [":" minute ["." digit+]] | hour "h"
fn clock_time(input: &str) -> IResult<&str, ()> {
    // `14h05` and `14h` are French; `10.15` British.
    let minutes = (
        one_of(":.h"),
        minute,
        opt((char(':'), minute, opt((char('.'), take_while1(is_digit))))),
    );
    alt((
        value((), (opt(one_of("Tt")), hour, minutes)),
        value((), (hour, char('h'), not(satisfy(char::is_alphanumeric)))),
    ))
    .parse(input)
}

// hour = D{1,2} up to 24
fn hour(input: &str) -> IResult<&str, u8> {
    verify(small_number, |h: &u8| *h <= 24).parse(input)
}

// minute = MM up to 59
fn minute(input: &str) -> IResult<&str, u8> {
    verify(two_digits, |m: &u8| *m <= 59).parse(input)
}

// meridiem = ("a.m." | "p.m." | "am" | "pm"), not followed by a letter
fn meridiem(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            alt((
                tag_no_case("a.m."),
                tag_no_case("p.m."),
                tag_no_case("am"),
                tag_no_case("pm"),
            )),
            not(satisfy(char::is_alphabetic)),
        ),
    )
    .parse(input)
}

// utc_offset = ("+" | "-" | "−") (digit{4} | D{1,2} [":" MM])
fn utc_offset(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            one_of("+-−"),
            alt((
                value(
                    (),
                    terminated(take_while_m_n(4, 4, is_digit), not(satisfy(is_digit))),
                ),
                value((), (small_number, opt((char(':'), two_digits)))),
            )),
        ),
    )
    .parse(input)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Spaces and tabs, plus the no-break spaces French typesetting puts in
/// dates (`28 novembre`).
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn only_listed_characters_lower_case_to_ascii() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let first = c.to_lowercase().next().filter(char::is_ascii);
            assert_eq!(first, ascii_lower_first(c), "{c:?}");
        }
        assert_eq!(ascii_lower_first('Q'), Some('q'));
        assert!(eq_ignore_case("\u{212a}ELVIN", "kelvin"));
        assert!(!eq_ignore_case("社区", "am"));
    }

    const DAY: DateOrder = DateOrder::DayFirst;
    const MONTH: DateOrder = DateOrder::MonthFirst;

    /// `date` on `input`, as the leftover and the date's `Y-M-D`.
    fn read(input: &str, order: DateOrder) -> Option<(&str, String)> {
        date(input, order)
            .ok()
            .map(|(rest, d)| (rest, d.to_string()))
    }

    fn found(text: &str) -> Option<(usize, usize, String)> {
        find_date(text, DAY).map(|m| (m.start, m.end, m.date.to_string()))
    }

    #[test]
    fn date_accepts_every_form() {
        let cases = [
            ("Nov 28, 2025", "2025-11-28"),
            ("Nov. 28, 2025", "2025-11-28"),
            ("November 28th, 2025", "2025-11-28"),
            ("November 28 2025", "2025-11-28"),
            ("28 November 2025", "2025-11-28"),
            ("28th of November, 2025", "2025-11-28"),
            ("2025-11-28", "2025-11-28"),
            ("2025/11/28", "2025-11-28"),
            ("28/11/2025", "2025-11-28"),
            ("28-11-2025", "2025-11-28"),
            ("11/28/2025", "2025-11-28"),
            ("28.11.2025", "2025-11-28"),
            ("28. November 2025", "2025-11-28"),
            ("28 de noviembre de 2025", "2025-11-28"),
            ("28 de novembro de 2025", "2025-11-28"),
            ("le 28 novembre 2025", "2025-11-28"),
            ("1er décembre 2025", "2025-12-01"),
            ("28 novembre 2025", "2025-11-28"),
            ("3. März 2025", "2025-03-03"),
            ("3 MÄRZ 2025", "2025-03-03"),
            ("3 Mär 2025", "2025-03-03"),
            ("3 févr. 2025", "2025-02-03"),
            ("15 août 2025", "2025-08-15"),
            ("24 dic 2025", "2025-12-24"),
            ("9 set 2025", "2025-09-09"),
            ("9 ottobre 2025", "2025-10-09"),
            ("9 de outubro de 2025", "2025-10-09"),
            ("Sept. 9, 2025", "2025-09-09"),
            ("28\u{a0}novembre\u{a0}2025", "2025-11-28"),
            ("29 Feb 2024", "2024-02-29"),
        ];
        for (input, want) in cases {
            assert_eq!(read(input, DAY), Some(("", want.to_string())), "{input}");
        }
    }

    #[test]
    fn date_orders_ambiguous_numbers() {
        let day_first = Some(("", "2025-04-03".to_string()));
        let month_first = Some(("", "2025-03-04".to_string()));
        assert_eq!(read("03/04/2025", DAY), day_first);
        assert_eq!(read("03/04/2025", MONTH), month_first);
        assert_eq!(read("03-04-2025", MONTH), month_first);
        assert_eq!(read("03.04.2025", MONTH), day_first);
        assert_eq!(read("28/11/2025", MONTH), Some(("", "2025-11-28".into())));
        assert_eq!(read("11/28/2025", DAY), Some(("", "2025-11-28".into())));
    }

    #[test]
    fn date_rejects() {
        for input in [
            "",
            "Nov",
            "Nov 28",
            "28 Nov",
            "Feb 30, 2025",
            "30 February 2025",
            "2025-13-01",
            "2025-11-00",
            "0 Nov 2025",
            "13/13/2025",
            "28/11/25",
            "28/11-2025",
            "2025-11-289",
            "128 November 2025",
            "28 November 20251",
            "28 November 2025x",
            "Nov 28, 1850",
            "Nov 28, 2200",
            "28 Novembers 2025",
            "28x November 2025",
            "2025-11-28x",
            "November28, 2025",
            "28     November 2025",
            "é",
            "ä 28",
            "28 de de noviembre 2025",
        ] {
            assert_eq!(read(input, DAY), None, "{input:?}");
        }
    }

    #[test]
    fn date_leaves_the_rest() {
        let rest = |input| read(input, DAY).map(|(rest, _)| rest);
        assert_eq!(rest("2025-11-28T10:15:00Z"), Some("T10:15:00Z"));
        assert_eq!(rest("Nov 28, 2025 at 9:00"), Some(" at 9:00"));
        assert_eq!(rest("28.11.2025, 14:05"), Some(", 14:05"));
        assert_eq!(rest("28 November 2025."), Some("."));
    }

    #[test]
    fn find_date_accepts_at_word_starts() {
        let text = "Financial market analysis from 28/11/2025. Market";
        assert_eq!(found(text), Some((31, 41, "2025-11-28".into())));
        assert_eq!(
            found("Publié le 28 novembre 2025"),
            Some((8, 27, "2025-11-28".into()))
        );
        assert_eq!(found("(Nov 28, 2025)"), Some((1, 13, "2025-11-28".into())));
        assert_eq!(found("ünd 2025-11-28"), Some((5, 15, "2025-11-28".into())));
    }

    #[test]
    fn find_date_rejects_inside_words_and_numbers() {
        for text in [
            "",
            "no date here",
            "x28/11/2025",
            "1128/11/2025",
            "v2025-11-28",
            "32/11/2025",
        ] {
            assert_eq!(found(text), None, "{text:?}");
        }
    }

    #[test]
    fn find_date_leaves_text_after_the_date() {
        let text = "On 2025-11-28 and 2025-11-29";
        assert_eq!(found(text), Some((3, 13, "2025-11-28".into())));
    }

    #[test]
    fn date_line_accepts_labels_and_times() {
        for line in [
            "Nov 28, 2025",
            "Published: Nov 28, 2025",
            "Posted on November 28th, 2025 at 9:00 am",
            "Updated 28.11.2025, 14:05",
            "Fri 28 Nov 2025 10.15 GMT",
            "Friday, November 28, 2025",
            "2025-11-28T10:15:00Z",
            "2025-11-28T10:15:00.123+01:00",
            "Veröffentlicht am 28. November 2025",
            "Publié le 28 novembre 2025",
            "Nov 28, 2025 | 10:15 AM EST",
            "Nov 28, 2025 9 a.m. ET",
            "Publicado el 28 de noviembre de 2025 a las 14h05",
            "Pubblicato il 28 novembre 2025 alle 14:05",
            "  Sexta-feira, 28 de novembro de 2025 às 10:15 -0300",
        ] {
            assert_eq!(
                date_line(line, DAY).map(|m| m.date.to_string()),
                Some("2025-11-28".into()),
                "{line}"
            );
        }
    }

    #[test]
    fn date_line_rejects_other_words() {
        for line in [
            "",
            "Published",
            "The meeting on Nov 28, 2025 was long",
            "Financial market analysis from 28/11/2025.",
            "Nov 28, 2025 | 5 min read",
            "Nov 28, 2025 at 25:00",
            "Nov 28, 2025 12",
        ] {
            assert_eq!(date_line(line, DAY), None, "{line:?}");
        }
    }

    #[test]
    fn a_year_is_four_digits_in_a_row() {
        assert!(has_four_digits_in_a_row(b"on 2025-03-03"));
        assert!(has_four_digits_in_a_row(b"1999"));
        assert!(!has_four_digits_in_a_row(b"13.4 MB (-81%)"));
        assert!(!has_four_digits_in_a_row(b"8:09 12:30 3/4/25"));
        // Digits enough, but never four together: no date form can match.
        for text in ["12.03.25", "3 Mar 25", "201 5", "7/8/99 10:45", "202५"] {
            assert_eq!(find_date(text, DAY), None, "{text}");
        }
    }

    #[test]
    fn cjk_dates() {
        assert_eq!(
            date("2025年3月3日 公開", DAY).map(|(rest, d)| (rest, d.to_string())),
            Ok((" 公開", "2025-03-03".to_owned()))
        );
        assert!(date("2025年2月30日", DAY).is_err());
        assert_eq!(
            date_line("2025년 11월 28일", DAY).map(|m| m.date.to_string()),
            Some("2025-11-28".to_owned())
        );
    }

    #[test]
    fn date_line_range_is_the_date_only() {
        let m = date_line("Published: Nov 28, 2025 at 9:00", DAY);
        assert_eq!(m.map(|m| (m.start, m.end)), Some((11, 23)));
    }

    #[test]
    fn only_date_furniture_agrees_with_the_parser() {
        let parsed = |text: &str| {
            all_consuming(many0_count(date_furniture))
                .parse(text)
                .is_ok()
        };
        let mut texts = probes(&[DATE_LABELS, &MONTH_NAMES.concat()]);
        for text in [
            "Why Urban Foxes",
            "T10:15",
            "Tuesday 10:15",
            "am",
            "PM EST",
            "a.m.",
            "Ämter",
            "Sonntag, 10:15 Uhr",
            "Zeit",
            "Mon",
            "Mont",
            "10h",
            "Éte",
            "ET | 9 a.m.",
        ] {
            texts.push(text.to_owned());
            texts.push(format!("{text} at 9:00"));
        }
        for text in texts {
            assert_eq!(only_date_furniture(&text), parsed(&text), "{text:?}");
        }
    }

    #[test]
    fn furniture_accepts_rejects() {
        assert!(only_date_furniture(""));
        assert!(only_date_furniture(" | 10:15 AM EST"));
        assert!(!only_date_furniture("10:15 sharp"));
    }

    #[test]
    fn keyword_is_whole_word_and_case_blind() {
        static MAERZ: Keywords = Keywords::new(&["märz"]);
        assert_eq!(keyword("MÄRZ 2025", &MAERZ), Ok((" 2025", "MÄRZ")));
        assert!(keyword("märzen", &MAERZ).is_err());
        assert!(keyword("", &MAERZ).is_err());
    }

    /// Words to look up: every listed word as listed, upper-cased and
    /// capitalised, cut short and lengthened, plus odd words.
    pub(crate) fn probes(lists: &[&[&str]]) -> Vec<String> {
        let mut probes: Vec<String> = ["", "x", "İ", "\u{212a}m", "社区", "ǅ", "a\u{301}", "ÄÖÜ"]
            .map(String::from)
            .to_vec();
        for word in lists.iter().flat_map(|list| list.iter()) {
            let mut chars = word.chars();
            let capital: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            probes.extend([
                (*word).to_owned(),
                word.to_uppercase(),
                capital + chars.as_str(),
                format!("{word}s"),
                word.chars().skip(1).collect(),
                word.chars()
                    .take(word.chars().count().saturating_sub(1))
                    .collect(),
            ]);
        }
        probes
    }

    /// `Keywords::contains` agrees with comparing every word, and the lists
    /// are lower case (the shapes index them by their first byte as listed).
    pub(crate) fn check_keywords(keywords: &Keywords) {
        for word in keywords.words {
            assert_eq!(*word, word.to_lowercase(), "{word}");
        }
        for probe in probes(&[keywords.words, DATE_LABELS, &MONTH_NAMES.concat()]) {
            let reference = keywords.words.iter().any(|k| eq_ignore_case(&probe, k));
            assert_eq!(keywords.contains(&probe), reference, "{probe:?}");
        }
    }

    #[test]
    fn keywords_agree_with_comparing_every_word() {
        check_keywords(&DATE_LABEL_WORDS);
        for names in MONTH_NAMES {
            check_keywords(&Keywords::new(names));
        }
    }

    #[test]
    fn month_number_agrees_with_comparing_every_name() {
        for probe in probes(&[&MONTH_NAMES.concat(), DATE_LABELS]) {
            let reference = MONTH_NAMES
                .iter()
                .position(|names| names.iter().any(|n| eq_ignore_case(&probe, n)))
                .map(|i| i as u8 + 1);
            assert_eq!(month_number(&probe), reference, "{probe:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "\u{301}",
            "28/",
            "2025-",
            "28 nov",
            "🎉 28 🎉 2025",
            "le",
            "le 28",
            "+",
            "T1",
        ] {
            let _ = date(text, DAY);
            let _ = find_date(text, MONTH);
            let _ = date_line(text, DAY);
        }
    }
}
