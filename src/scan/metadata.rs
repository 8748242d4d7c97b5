//! The facts an article header states around its title (reading time, view
//! count, byline), the name that opens an author bio, disclaimers, and header
//! lines that string several facts together
//! (`By Jane Doe | Nov 28, 2025 | 5 min read`).

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{all_consuming, consumed, map_opt, not, opt, peek, recognize, value, verify};
use nom::multi::{fold_many_m_n, many0_count, many1_count};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Offset, Parser};

use crate::model::Date;
use crate::options::DateOrder;
use crate::scan::date::{date_line, eq_ignore_case, keyword, only_date_furniture, Keywords};
use crate::scan::phrases::{Phrases, Shapes};

/// Author names in a byline, as byte ranges into the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BylineMatch {
    pub authors: Vec<Range<usize>>,
}

/// One fact in a header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HeaderFact {
    Byline(BylineMatch),
    Date(Date),
    ReadingTime(u32),
    Views(u64),
    /// Page furniture (`Share`, `Follow`), relative dates (`3 hours ago`) and
    /// job titles (`Senior Reporter`): known, but nothing to keep.
    Noise,
}

/// A fact and the byte range of the header line it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FactMatch {
    pub fact: HeaderFact,
    pub start: usize,
    pub end: usize,
}

/// A person's name as the byline and bio scanners read it.
struct PersonName<'a> {
    text: &'a str,
    /// Name words and initials; titles and particles (`Dr.`, `van`) not counted.
    words: usize,
}

/// Bylines are short; a longer line that starts with "By" is a sentence.
const MAX_BYLINE_CHARS: usize = 80;

/// A disclaimer is a line or a short paragraph; past this length a matching
/// phrase is more likely quoted in the body than disclaiming it.
const MAX_DISCLAIMER_BYTES: usize = 600;

#[rustfmt::skip]
static MINUTE_UNITS: Keywords = Keywords::new(&[
    "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "minuti",
]);

#[rustfmt::skip]
static VIEW_WORDS: Keywords = Keywords::new(&[
    "view", "views", "aufrufe", "vue", "vues", "visualizaciones", "vistas", "visualizações",
    "visualizzazioni", "visite",
]);

#[rustfmt::skip]
const AUTHOR_LABELS: &[&str] = &[
    "author", "authors", "byline", "autor", "autorin", "autoren", "auteur", "auteurs",
    "autora", "autores", "autore", "autori",
];

static AUTHOR_LABEL_WORDS: Keywords = Keywords::new(AUTHOR_LABELS);

#[rustfmt::skip]
static AND_WORDS: Keywords = Keywords::new(&["and", "und", "et", "y", "e"]);

/// Honorifics before a name; not counted as name words.
#[rustfmt::skip]
static TITLES: Keywords = Keywords::new(&["dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame"]);

/// Lower-case name particles (`Ludwig van Beethoven`, `María de la Cruz`).
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das",
    "do", "ten", "ter", "zu", "bin", "ibn", "al", "el",
];

/// Capitalised words that start sentences and headings, never names
/// (`By The Numbers`, `Our team`).
#[rustfmt::skip]
static NOT_NAME_WORDS: Keywords = Keywords::new(&[
    "the", "a", "an", "our", "this", "that", "these", "those", "my", "your", "his", "her",
    "their", "its", "we", "you", "they", "it", "i", "in", "on", "at", "for", "of", "to", "and",
    "or", "with", "from", "by", "how", "what", "why", "when", "where", "who", "is", "are",
    "was", "if", "as", "but", "so", "all", "no", "not",
]);

/// Words that make a phrase a job title rather than a name.
#[rustfmt::skip]
static JOB_WORDS: Keywords = Keywords::new(&[
    "reporter", "correspondent", "editor", "writer", "columnist", "contributor", "contributing",
    "journalist", "analyst", "staff", "senior", "chief", "producer", "economist", "strategist",
    "photographer", "intern", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
    "journaliste", "rédacteur", "rédactrice", "correspondant", "correspondante", "chroniqueur",
    "periodista", "redactor", "redactora", "corresponsal", "jornalista", "repórter", "editora",
    "giornalista", "corrispondente", "redattore", "redattrice", "inviato",
]);

/// Small words allowed in lower case inside a job title (`Editor at Large`).
#[rustfmt::skip]
static TITLE_CONNECTORS: Keywords = Keywords::new(&[
    "of", "for", "at", "and", "in", "on", "de", "des", "du", "für", "di", "del", "da", "&",
]);

/// Whole header segments that are page furniture, as lower-case word sequences.
#[rustfmt::skip]
const FURNITURE: &[&str] = &[
    "follow", "following", "follow us", "share", "share this", "share this article",
    "share on facebook", "share on twitter", "share on linkedin", "comments", "comment",
    "email", "email the author", "email this", "print", "save", "save article", "subscribe",
    "sign up", "listen", "listen to this article", "advertisement", "sponsored", "bookmark",
    "copy link", "link copied", "facebook", "twitter", "linkedin", "whatsapp", "reddit",
    "read more", "gift this article", "show comments",
    "folgen", "teilen", "kommentare", "drucken", "merken", "anzeige",
    "suivre", "partager", "commentaires", "imprimer", "publicité",
    "seguir", "compartir", "comentarios", "imprimir", "publicidad",
    "compartilhar", "comentários", "publicidade",
    "segui", "condividi", "commenti", "stampa", "pubblicità",
];

static FURNITURE_OPENINGS: Shapes = Shapes::of_leading_words(&[FURNITURE]);

/// Words counted by page furniture (`12 comments`, `Comments (12)`).
#[rustfmt::skip]
static FURNITURE_COUNTS: Keywords = Keywords::new(&[
    "comments", "comment", "shares", "share", "likes", "like", "claps", "responses", "replies",
    "kommentare", "commentaires", "comentarios", "comentários", "commenti",
]);

#[rustfmt::skip]
static RELATIVE_DAYS: Keywords = Keywords::new(&[
    "yesterday", "today", "gestern", "heute", "hier", "ayer", "hoy", "ontem", "hoje", "ieri",
    "oggi",
]);

#[rustfmt::skip]
static UPDATE_LABELS: Keywords = Keywords::new(&[
    "updated", "posted", "published", "edited", "aktualisiert", "veröffentlicht", "publié",
    "actualizado", "publicado", "atualizado", "aggiornato", "pubblicato",
]);

/// `3 hours ago`, `3 ore fa`.
static AGO_WORDS: Keywords = Keywords::new(&["ago", "fa"]);

/// `vor 3 Stunden`, `hace 3 horas`, `há 3 horas`.
static AGO_OPENINGS: Keywords = Keywords::new(&["vor", "hace", "há", "ha"]);

#[rustfmt::skip]
static QUANTITY_WORDS: Keywords = Keywords::new(&[
    "a", "an", "one", "ein", "eine", "einem", "einer", "un", "une", "uno", "una", "um", "uma",
]);

#[rustfmt::skip]
static TIME_UNITS: Keywords = Keywords::new(&[
    "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr",
    "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "wks", "week", "weeks", "mo", "mos",
    "month", "months", "y", "yr", "yrs", "year", "years",
    "sekunde", "sekunden", "minuten", "stunde", "stunden", "tag", "tage", "tagen", "woche",
    "wochen", "monat", "monaten", "jahr", "jahren",
    "seconde", "secondes", "heure", "heures", "jour", "jours", "semaine", "semaines", "mois",
    "an", "ans", "année", "années",
    "segundo", "segundos", "minuto", "minutos", "hora", "horas", "día", "días", "dia", "dias",
    "semana", "semanas", "mes", "meses", "mês", "año", "años", "ano", "anos",
    "secondo", "secondi", "minuti", "ora", "ore", "giorno", "giorni", "settimana", "settimane",
    "mese", "mesi", "anno", "anni",
]);

/// Lower-case phrases that only disclaimers use.
#[rustfmt::skip]
const DISCLAIMER_PHRASES: &[&str] = &[
    "disclaimer", "not financial advice", "not investment advice", "not a recommendation",
    "for informational purposes only", "for information purposes only",
    "for educational purposes only", "does not constitute", "may have changed since publication",
    "since publication",
    "time of publication",
    "time of writing",
    "views expressed", "author's own", "author\u{2019}s own", "are those of the author",
    "may earn a commission", "affiliate link", "originally published", "originally appeared",
    "do your own research", "past performance is not",
    "haftungsausschluss", "keine anlageberatung", "stellt keine",
    "avertissement", "ne constitue pas",
    "descargo de responsabilidad", "aviso legal", "no constituye",
    "isenção de responsabilidade", "não constitui",
    "esclusione di responsabilità", "non costituisce",
];

static DISCLAIMERS: Phrases<{ DISCLAIMER_PHRASES.len() }> = Phrases::new(&[DISCLAIMER_PHRASES]);

/// "5 min read", "5-minute read", "Reading time: 5 minutes", "Lesezeit: 5
/// Minuten", "5 min de lecture"; the whole trimmed line must match.
pub(crate) fn reading_time(line: &str) -> Option<u32> {
    let line = line.trim();
    if !may_be_reading_time(line.as_bytes()) {
        return None;
    }
    // reading_time = labelled_reading_time | counted_reading_time
    all_consuming(alt((labelled_reading_time, counted_reading_time)))
        .parse(line)
        .ok()
        .map(|(_, minutes)| minutes)
}

/// Whether a trimmed line may be a reading time, by its bytes, before the
/// parsers try it (most header lines are dates and bylines): it opens as a
/// label (`r`, `l`, `t`, ignoring case) or a count does (a digit, `~`, `≈`'s
/// lead byte), and holds a minute unit, all of which open with `min`. Only
/// ASCII letters lower-case to those letters alone, so the parsers, which
/// ignore case character by character, accept nothing else.
fn may_be_reading_time(line: &[u8]) -> bool {
    let opens = line.first().is_some_and(|&b| {
        b.is_ascii_digit() || matches!(b.to_ascii_lowercase(), b'r' | b'l' | b't' | b'~' | 0xE2)
    });
    opens && line.windows(3).any(|w| w.eq_ignore_ascii_case(b"min"))
}

/// "2 views", "1.2K views", "1,234 views", "Views: 1234", "1 234 views"; the
/// whole trimmed line must match.
pub(crate) fn view_count(line: &str) -> Option<u64> {
    let line = line.trim();
    // A count opens with a digit, a label with a view word's first letter
    // (`v` or `a`, ignoring case: only ASCII letters lower-case to them).
    let opens = line
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || matches!(b.to_ascii_lowercase(), b'v' | b'a'));
    if !opens {
        return None;
    }
    // view_count = labelled_views | counted_views
    all_consuming(alt((labelled_views, counted_views)))
        .parse(line)
        .ok()
        .map(|(_, views)| views)
}

/// Author names in a byline (`By Jane Doe, John Roe & Ann Lee`), as byte
/// ranges into `line`; the whole line must be the byline.
pub(crate) fn byline(line: &str) -> Option<BylineMatch> {
    // byline = byline_label author (author_separator author)* [role]
    if !opens_byline_label(line) || line.chars().nth(MAX_BYLINE_CHARS).is_some() {
        return None;
    }
    let span = |name: &str| {
        let start = line.offset(name);
        start..start + name.len()
    };
    let (mut rest, first) = preceded(byline_label, author).parse(line.trim()).ok()?;
    // Authors as far as they go, with what follows each.
    let mut authors = vec![(span(first), rest)];
    while let Ok((after, name)) = preceded(author_separator, author).parse(rest) {
        authors.push((span(name), after));
        rest = after;
    }
    // A role can read as one more name ("Jane Doe, Software Engineer on
    // Google Play"): the longest list whose rest is a role (or nothing) wins.
    let count = (1..=authors.len())
        .rev()
        .find(|&n| all_consuming(opt(role)).parse(authors[n - 1].1).is_ok())?;
    authors.truncate(count);
    Some(BylineMatch {
        authors: authors.into_iter().map(|(range, _)| range).collect(),
    })
}

/// Phrases that open a byline (`By`, `Written by`), tried in this order.
const BY_PHRASES: &[&str] = &[
    "written by",
    "posted by",
    "words by",
    "reported by",
    "story by",
    "text by",
    "by",
    "von",
    "par",
    "por",
    "di",
];

/// The line opens with a byline label, by phrase or author label (or a
/// longer word that starts like one): other lines skip the byline parsers.
/// The labels are ASCII, and only ASCII letters fold to ASCII letters, so
/// comparing bytes without case agrees with the parsers.
fn opens_byline_label(line: &str) -> bool {
    static FIRST_BYTES: [bool; 256] = first_bytes(&[BY_PHRASES, AUTHOR_LABELS]);
    let start = line.trim_start().as_bytes();
    // Most lines open with a letter no label opens with.
    let Some(&first) = start.first() else {
        return false;
    };
    if !FIRST_BYTES[usize::from(first.to_ascii_lowercase())] {
        return false;
    }
    // Many lines open with one of those letters ("The", "But"): the first
    // two bytes turn nearly all of them away before the labels are compared.
    static OPENING_PAIRS: [[u8; 2]; BY_PHRASES.len() + AUTHOR_LABELS.len()] =
        opening_pairs(&[BY_PHRASES, AUTHOR_LABELS]);
    let Some(&[a, b]) = start.first_chunk::<2>() else {
        // Every label is two bytes or more.
        return false;
    };
    let pair = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
    if !OPENING_PAIRS.contains(&pair) {
        return false;
    }
    let opens = |label: &&str| {
        start
            .get(..label.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(label.as_bytes()))
    };
    BY_PHRASES.iter().any(opens) || AUTHOR_LABELS.iter().any(opens)
}

/// The first two bytes of each word of `lists` (lower-case ASCII, each two
/// bytes or more), in the order listed. `N` is the number of words.
const fn opening_pairs<const N: usize>(lists: &[&[&str]]) -> [[u8; 2]; N] {
    let mut pairs = [[0u8; 2]; N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let word = lists[l][i].as_bytes();
            assert!(word.len() >= 2, "a label of one byte");
            pairs[n] = [word[0], word[1]];
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "N is not the number of words");
    pairs
}

/// The first bytes, lower-cased, of the (non-empty) words of `lists`.
const fn first_bytes(lists: &[&[&str]]) -> [bool; 256] {
    let mut first = [false; 256];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            first[lists[l][i].as_bytes()[0].to_ascii_lowercase() as usize] = true;
            i += 1;
        }
        l += 1;
    }
    first
}

/// Byte length of a person's name leading a bio (`Dr. Jane Roe is a …`): two
/// to four name words, then a comma or a lower-case word.
pub(crate) fn leading_name(text: &str) -> Option<usize> {
    // leading_name = person_name ("," | blank lower-case letter), not consuming the tail
    let after_name = alt((
        value((), char(',')),
        value((), (blank, satisfy(char::is_lowercase))),
    ));
    let (_, name) = terminated(person_name, peek(after_name)).parse(text).ok()?;
    (2..=4).contains(&name.words).then_some(name.text.len())
}

/// True for a short text that disclaims (`This is not financial advice.`).
pub(crate) fn is_disclaimer(text: &str) -> bool {
    if text.len() > MAX_DISCLAIMER_BYTES {
        return false;
    }
    // Lower-case once on the stack, then look for every phrase in one pass
    // (a search per phrase read the text forty times).
    let mut buf = [0u8; MAX_DISCLAIMER_BYTES];
    let lower = &mut buf[..text.len()];
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    DISCLAIMERS.occur_in(lower, |_| true)
}

/// A header line made only of facts and page furniture, split at ` | `,
/// ` · `, ` • `, ` - `, ` – ` and ` — `; `None` unless every segment is a
/// fact or noise. The ranges cover the trimmed line without gaps, each fact
/// owning the separator after it.
pub(crate) fn header_facts(line: &str, order: DateOrder) -> Option<Vec<FactMatch>> {
    let start = line.len() - line.trim_start().len();
    let end = line.trim_end().len();
    let whole = line.get(start..end).filter(|text| !text.is_empty())?;
    // A whole-line reading first keeps `Nov 28, 2025 - 10:15` one date.
    if let Some(fact) = header_fact(whole, start, order) {
        return Some(vec![FactMatch { fact, start, end }]);
    }
    // Without a separator the one segment is the whole line, read above.
    if !may_hold_separator(whole) {
        return None;
    }
    let mut segments = Segments {
        line,
        pos: start,
        end,
    }
    .peekable();
    // One segment is the whole line, already read above.
    if segments.peek() == Some(&(start..end)) {
        return None;
    }
    let mut facts: Vec<FactMatch> = Vec::new();
    for range in segments {
        let segment = line.get(range.clone())?;
        let after_date = matches!(facts.last().map(|f| &f.fact), Some(HeaderFact::Date(_)));
        if after_date && only_date_furniture(segment) {
            continue; // the time or timezone of the date before
        }
        let fact = header_fact(segment, range.start, order)?;
        if let Some(previous) = facts.last_mut() {
            previous.end = range.start;
        }
        facts.push(FactMatch {
            fact,
            start: range.start,
            end,
        });
    }
    Some(facts)
}

// header_fact = reading_time | view_count | date_line | byline | header_noise
fn header_fact(segment: &str, offset: usize, order: DateOrder) -> Option<HeaderFact> {
    // Reading times and view counts are numbers: without a digit, skip both.
    if segment.bytes().any(|b| b.is_ascii_digit()) {
        if let Some(minutes) = reading_time(segment) {
            return Some(HeaderFact::ReadingTime(minutes));
        }
        if let Some(views) = view_count(segment) {
            return Some(HeaderFact::Views(views));
        }
    }
    if let Some(found) = date_line(segment, order) {
        return Some(HeaderFact::Date(found.date));
    }
    if let Some(mut found) = byline(segment) {
        for author in &mut found.authors {
            *author = author.start + offset..author.end + offset;
        }
        return Some(HeaderFact::Byline(found));
    }
    is_header_noise(segment).then_some(HeaderFact::Noise)
}

/// Page furniture, a relative date, a job title, or date labels and times
/// with no date.
fn is_header_noise(segment: &str) -> bool {
    let whole =
        |parser: fn(&str) -> IResult<&str, ()>| all_consuming(parser).parse(segment.trim()).is_ok();
    only_date_furniture(segment)
        || is_furniture(segment)
        || whole(relative_date)
        || whole(counted_furniture)
        || is_job_title(segment)
}

/// Most words in a `FURNITURE` phrase.
const MAX_FURNITURE_WORDS: usize = 4;

/// Whether the words of `segment` are one of the `FURNITURE` phrases: the
/// segment is split into words once, not once per phrase.
fn is_furniture(segment: &str) -> bool {
    let mut words = words(segment);
    // No phrase is empty, and an ASCII first word is compared with a phrase
    // only where some phrase opens with a word of its shape.
    let Some(first) = words.next() else {
        return false;
    };
    if first.is_ascii() && !FURNITURE_OPENINGS.admits_ascii(first) {
        return false;
    }
    let mut found = [""; MAX_FURNITURE_WORDS];
    found[0] = first;
    let mut count = 1;
    for word in words {
        // Longer than every phrase: none can match.
        let Some(slot) = found.get_mut(count) else {
            return false;
        };
        *slot = word;
        count += 1;
    }
    let found = &found[..count];
    // The first word's first letter, when ASCII: a phrase opening with
    // another ASCII letter is rejected before it is split into words (as
    // `eq_ignore_case` would reject it on that letter).
    let first_letter = found
        .first()
        .and_then(|word| word.bytes().next())
        .filter(u8::is_ascii)
        .map(|b| b.to_ascii_lowercase());
    FURNITURE.iter().any(|phrase| {
        if let (Some(letter), Some(&opens)) = (first_letter, phrase.as_bytes().first()) {
            if opens.is_ascii() && opens != letter {
                return false;
            }
        }
        let mut expected = phrase.split(' ');
        found
            .iter()
            .all(|word| expected.next().is_some_and(|e| eq_ignore_case(word, e)))
            && expected.next().is_none()
    })
}

/// Byte ranges of the parts of `line[pos..end]` between separators.
struct Segments<'a> {
    line: &'a str,
    pos: usize,
    end: usize,
}

impl Iterator for Segments<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        let text = self.line.get(start..self.end).filter(|t| !t.is_empty())?;
        let mut previous_blank = false;
        for (i, c) in text.char_indices() {
            // Only where a run of blanks begins, so each run is read once.
            if c.is_whitespace() && !previous_blank {
                if let Ok((rest, _)) = separator(text.get(i..)?) {
                    self.pos = self.end - rest.len();
                    return Some(start..start + i);
                }
            }
            previous_blank = c.is_whitespace();
        }
        self.pos = self.end;
        Some(start..self.end)
    }
}

// separator = blank ("|" | "·" | "•" | "-" | "–" | "—") blank
fn separator(input: &str) -> IResult<&str, ()> {
    value((), (blank, one_of(SEPARATOR_MARKS), blank)).parse(input)
}

/// The marks that split a header line between blanks.
const SEPARATOR_MARKS: &str = "|·•-–—";

/// Whether `text` may hold a separator: it has the last byte of a mark's
/// UTF-8 encoding. One byte scan, where finding segments parses at every
/// blank.
fn may_hold_separator(text: &str) -> bool {
    static LAST_BYTES: [bool; 256] = last_bytes(SEPARATOR_MARKS);
    text.bytes().any(|b| LAST_BYTES[usize::from(b)])
}

/// The bytes that end a character of `text`.
const fn last_bytes(text: &str) -> [bool; 256] {
    let bytes = text.as_bytes();
    let mut last = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        let continued = i + 1 < bytes.len() && bytes[i + 1] & 0xC0 == 0x80;
        if !continued {
            last[bytes[i] as usize] = true;
        }
        i += 1;
    }
    last
}

// labelled_reading_time = reading_label [blank] [":" [blank]] minutes
fn labelled_reading_time(input: &str) -> IResult<&str, u32> {
    preceded(
        (reading_label, opt(blank), opt((char(':'), opt(blank)))),
        minutes,
    )
    .parse(input)
}

// reading_label = "reading time" | "read time" | "lesezeit" | "lesedauer" | "temps de lecture" | "lecture" | "tiempo de lectura" | "tempo de leitura" | "tempo di lettura"
fn reading_label(input: &str) -> IResult<&str, &str> {
    alt((
        tag_no_case("reading time"),
        tag_no_case("read time"),
        tag_no_case("lesezeit"),
        tag_no_case("lesedauer"),
        tag_no_case("temps de lecture"),
        tag_no_case("lecture"),
        tag_no_case("tiempo de lectura"),
        tag_no_case("tempo de leitura"),
        tag_no_case("tempo di lettura"),
    ))
    .parse(input)
}

// counted_reading_time = ["~" [blank]] minutes [blank read_suffix]
fn counted_reading_time(input: &str) -> IResult<&str, u32> {
    terminated(
        preceded(opt((one_of("~≈"), opt(blank))), minutes),
        opt((blank, read_suffix)),
    )
    .parse(input)
}

// read_suffix = "read" | "lesezeit" | "de lecture" | "de lectura" | "de leitura" | "di lettura"
fn read_suffix(input: &str) -> IResult<&str, &str> {
    alt((
        tag_no_case("read"),
        tag_no_case("lesezeit"),
        tag_no_case("de lecture"),
        tag_no_case("de lectura"),
        tag_no_case("de leitura"),
        tag_no_case("di lettura"),
    ))
    .parse(input)
}

// minutes = digit{1,3} (blank* | "-") minute_unit ["."]
fn minutes(input: &str) -> IResult<&str, u32> {
    // Zero minutes and four-digit reading times are not what headers print.
    let count = verify(
        map_opt(
            terminated(take_while_m_n(1, 3, is_digit), not(satisfy(is_digit))),
            |s: &str| s.parse().ok(),
        ),
        |m: &u32| *m > 0,
    );
    let unit = |i| keyword(i, &MINUTE_UNITS);
    terminated(
        count,
        (alt((tag("-"), take_while(is_blank))), unit, opt(char('.'))),
    )
    .parse(input)
}

// labelled_views = view_word [blank] [":" [blank]] view_total
fn labelled_views(input: &str) -> IResult<&str, u64> {
    let view_word = |i| keyword(i, &VIEW_WORDS);
    preceded(
        (view_word, opt(blank), opt((char(':'), opt(blank)))),
        view_total,
    )
    .parse(input)
}

// counted_views = view_total blank view_word
fn counted_views(input: &str) -> IResult<&str, u64> {
    terminated(view_total, (blank, |i| keyword(i, &VIEW_WORDS))).parse(input)
}

// view_total = abbreviated_count | thousands | digit{1,15}
fn view_total(input: &str) -> IResult<&str, u64> {
    let plain = map_opt(
        terminated(take_while_m_n(1, 15, is_digit), not(satisfy(is_digit))),
        |s: &str| s.parse().ok(),
    );
    alt((abbreviated_count, thousands, plain)).parse(input)
}

// abbreviated_count = digit{1,3} [("." | ",") digit{1,3}] magnitude
fn abbreviated_count(input: &str) -> IResult<&str, u64> {
    let fraction = preceded(one_of(".,"), take_while_m_n(1, 3, is_digit));
    map_opt(
        (take_while_m_n(1, 3, is_digit), opt(fraction), magnitude),
        |(whole, fraction, scale)| scaled(whole, fraction, scale),
    )
    .parse(input)
}

/// `whole.fraction × scale`, or `None` on overflow.
fn scaled(whole: &str, fraction: Option<&str>, scale: u64) -> Option<u64> {
    let mut total = whole.parse::<u64>().ok()?.checked_mul(scale)?;
    if let Some(fraction) = fraction {
        let digits = u32::try_from(fraction.len()).ok()?;
        let part = fraction.parse::<u64>().ok()?.checked_mul(scale)?;
        total = total.checked_add(part / 10u64.checked_pow(digits)?)?;
    }
    Some(total)
}

// magnitude = "k" | "m" | "b", not glued to a letter or digit
fn magnitude(input: &str) -> IResult<&str, u64> {
    terminated(
        alt((
            value(1_000, one_of("kK")),
            value(1_000_000, one_of("mM")),
            value(1_000_000_000, one_of("bB")),
        )),
        not(satisfy(char::is_alphanumeric)),
    )
    .parse(input)
}

// thousands = digit{1,3} (group_separator digit{3}){1,6}
fn thousands(input: &str) -> IResult<&str, u64> {
    let (rest, lead) = map_opt(
        terminated(take_while_m_n(1, 3, is_digit), not(satisfy(is_digit))),
        |s: &str| s.parse::<u64>().ok(),
    )
    .parse(input)?;
    let group = map_opt(
        terminated(take_while_m_n(3, 3, is_digit), not(satisfy(is_digit))),
        |s: &str| s.parse::<u64>().ok(),
    );
    // group_separator = "," | "." | "'" | blank; Swiss and French group with ' and spaces.
    let group_separator = satisfy(|c| matches!(c, ',' | '.' | '\'') || is_blank(c));
    map_opt(
        fold_many_m_n(
            1,
            6,
            preceded(group_separator, group),
            move || Some(lead),
            |total: Option<u64>, group| total?.checked_mul(1000)?.checked_add(group),
        ),
        |total| total,
    )
    .parse(rest)
}

// byline_label = by_phrase [":"] blank | author_label [blank] ":" [blank]
fn byline_label(input: &str) -> IResult<&str, ()> {
    // by_phrase = one of BY_PHRASES, the first that matches
    let by_phrase = |i| {
        BY_PHRASES
            .iter()
            .find_map(|phrase| {
                tag_no_case::<_, _, nom::error::Error<&str>>(*phrase)
                    .parse(i)
                    .ok()
            })
            .ok_or(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
    };
    alt((
        value((), (by_phrase, opt(char(':')), blank)),
        value(
            (),
            (
                |i| keyword(i, &AUTHOR_LABEL_WORDS),
                opt(blank),
                char(':'),
                opt(blank),
            ),
        ),
    ))
    .parse(input)
}

// author = byline_name [[blank] handle]
fn author(input: &str) -> IResult<&str, &str> {
    // The name stops at a social handle: `Natasha Turak@NatashaTurak`.
    terminated(byline_name, opt((opt(blank), handle))).parse(input)
}

// byline_name = person_name of 2 to 5 words, none a job word
fn byline_name(input: &str) -> IResult<&str, &str> {
    verify(person_name, |name: &PersonName| {
        (2..=5).contains(&name.words) && !has_job_word(name.text)
    })
    .map(|name| name.text)
    .parse(input)
}

// handle = "@" (letter | digit | "_" | ".")+
fn handle(input: &str) -> IResult<&str, &str> {
    recognize((
        char('@'),
        take_while1(|c: char| c.is_alphanumeric() || c == '_' || c == '.'),
    ))
    .parse(input)
}

// author_separator = [","] blank ("&" | and_word) blank | "," blank
fn author_separator(input: &str) -> IResult<&str, ()> {
    let and = alt((tag("&"), |i| keyword(i, &AND_WORDS)));
    alt((
        value((), (opt(char(',')), blank, and, blank)),
        value((), (char(','), blank)),
    ))
    .parse(input)
}

// role = "," [blank] role_text, where role_text starts capitalised or with a job word
fn role(input: &str) -> IResult<&str, ()> {
    let role_char = |c: char| c.is_alphanumeric() || c.is_whitespace() || "&-.,'’/()".contains(c);
    let looks_like_role = |text: &str| {
        let opens_role = text.split_whitespace().next().is_some_and(|first| {
            first.chars().next().is_some_and(char::is_uppercase) || has_job_word(first)
        });
        opens_role && text.split_whitespace().nth(8).is_none()
    };
    value(
        (),
        (
            char(','),
            opt(blank),
            verify(take_while1(role_char), looks_like_role),
        ),
    )
    .parse(input)
}

// person_name = [title blank] name_word (blank (particle blank)* name_word){0,5}
fn person_name(input: &str) -> IResult<&str, PersonName<'_>> {
    let title = (|i| keyword(i, &TITLES), opt(char('.')), blank);
    let particle = verify(take_while1(char::is_alphabetic), |w: &str| {
        PARTICLES.contains(&w)
    });
    let tail = (blank, many0_count((particle, blank)), name_word);
    consumed((
        opt(title),
        name_word,
        fold_many_m_n(0, 5, tail, || 1usize, |n, _| n + 1),
    ))
    .map(|(text, (_, _, words))| PersonName { text, words })
    .parse(input)
}

// name_word = initials | capitalised_word
fn name_word(input: &str) -> IResult<&str, &str> {
    alt((initials, capitalised_word)).parse(input)
}

// initials = (upper ".")+
fn initials(input: &str) -> IResult<&str, &str> {
    recognize(many1_count((satisfy(char::is_uppercase), char('.')))).parse(input)
}

// capitalised_word = upper (letter | "-" | "'" | "’")*, not one of NOT_NAME_WORDS
fn capitalised_word(input: &str) -> IResult<&str, &str> {
    verify(
        recognize((
            satisfy(char::is_uppercase),
            take_while(|c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '’')),
        )),
        |word: &str| !NOT_NAME_WORDS.contains(word),
    )
    .parse(input)
}

// relative_date = [update_label blank] (elapsed_ago | ago_elapsed | relative_day)
fn relative_date(input: &str) -> IResult<&str, ()> {
    let update_label = alt((tag_no_case("mis à jour"), |i| keyword(i, &UPDATE_LABELS)));
    value(
        (),
        (
            opt((update_label, blank)),
            alt((elapsed_ago, ago_elapsed, relative_day)),
        ),
    )
    .parse(input)
}

// elapsed_ago = quantity [blank] time_unit blank ("ago" | "fa")
fn elapsed_ago(input: &str) -> IResult<&str, ()> {
    let ago = |i| keyword(i, &AGO_WORDS);
    value((), (quantity, opt(blank), time_unit, blank, ago)).parse(input)
}

// ago_elapsed = ("il y a" | "vor" | "hace" | "há" | "ha") blank quantity [blank] time_unit
fn ago_elapsed(input: &str) -> IResult<&str, ()> {
    let ago = alt((tag_no_case("il y a"), |i| keyword(i, &AGO_OPENINGS)));
    value((), (ago, blank, quantity, opt(blank), time_unit)).parse(input)
}

// relative_day = "just now" | "aujourd'hui" | a word of RELATIVE_DAYS
fn relative_day(input: &str) -> IResult<&str, ()> {
    let day = |i| keyword(i, &RELATIVE_DAYS);
    value(
        (),
        alt((tag_no_case("just now"), tag_no_case("aujourd'hui"), day)),
    )
    .parse(input)
}

// quantity = digit{1,4} | a word of QUANTITY_WORDS
fn quantity(input: &str) -> IResult<&str, &str> {
    let digits = recognize((take_while_m_n(1, 4, is_digit), not(satisfy(is_digit))));
    alt((digits, |i| keyword(i, &QUANTITY_WORDS))).parse(input)
}

// time_unit = a word of TIME_UNITS
fn time_unit(input: &str) -> IResult<&str, &str> {
    keyword(input, &TIME_UNITS)
}

// counted_furniture = view_total blank count_word | count_word [blank] ["("] digit+ [")"]
fn counted_furniture(input: &str) -> IResult<&str, ()> {
    let count_word = || |i| keyword(i, &FURNITURE_COUNTS);
    let trailing = (
        count_word(),
        opt(blank),
        opt(char('(')),
        take_while1(is_digit),
        opt(char(')')),
    );
    alt((
        value((), (view_total, blank, count_word())),
        value((), trailing),
    ))
    .parse(input)
}

/// One to five words, each capitalised, a job word or a connector, and at
/// least one a job word: `Senior Reporter`, `Editor at Large`.
fn is_job_title(segment: &str) -> bool {
    (1..=5).contains(&segment.split_whitespace().count())
        && has_job_word(segment)
        && segment.split_whitespace().all(|word| {
            let plain = word
                .chars()
                .all(|c| c.is_alphabetic() || "-&.'’".contains(c));
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let allowed = TITLE_CONNECTORS.contains(word);
            plain && (capitalised || allowed || has_job_word(word))
        })
}

fn has_job_word(text: &str) -> bool {
    words(text).any(|word| JOB_WORDS.contains(word))
}

/// Words split at anything but letters, digits and apostrophes, so that
/// `aujourd'hui` stays one word.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty())
}

// blank = (space | tab | no-break space)+
fn blank(input: &str) -> IResult<&str, &str> {
    take_while1(is_blank).parse(input)
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: DateOrder = DateOrder::DayFirst;

    /// The author names a byline found, as text.
    fn authors(line: &str) -> Option<Vec<&str>> {
        let found = byline(line)?;
        found.authors.into_iter().map(|r| line.get(r)).collect()
    }

    /// Each fact of a header line with the text its range covers.
    fn facts(line: &str) -> Option<Vec<(HeaderFact, &str)>> {
        header_facts(line, DAY)?
            .into_iter()
            .map(|f| Some((f.fact, line.get(f.start..f.end)?)))
            .collect()
    }

    #[test]
    fn keywords_agree_with_comparing_every_word() {
        for keywords in [
            &MINUTE_UNITS,
            &VIEW_WORDS,
            &AUTHOR_LABEL_WORDS,
            &AND_WORDS,
            &TITLES,
            &NOT_NAME_WORDS,
            &JOB_WORDS,
            &TITLE_CONNECTORS,
            &FURNITURE_COUNTS,
            &RELATIVE_DAYS,
            &UPDATE_LABELS,
            &AGO_WORDS,
            &AGO_OPENINGS,
            &QUANTITY_WORDS,
            &TIME_UNITS,
        ] {
            crate::scan::date::tests::check_keywords(keywords);
        }
    }

    #[test]
    fn every_byline_label_passes_the_opening_check() {
        for phrase in BY_PHRASES {
            for label in [(*phrase).to_owned(), phrase.to_uppercase()] {
                assert!(byline(&format!("{label} Jane Doe")).is_some(), "{label}");
            }
        }
        for label in AUTHOR_LABELS {
            assert!(byline(&format!("{label}: Jane Doe")).is_some(), "{label}");
        }
    }

    #[test]
    fn reading_time_accepts() {
        for (line, minutes) in [
            ("5 min read", 5),
            ("5 minute read", 5),
            ("5 mins read", 5),
            ("5-minute read", 5),
            ("Reading time: 5 minutes", 5),
            ("Read time: 5 min", 5),
            ("5 min", 5),
            ("Lesezeit: 5 Minuten", 5),
            ("Lecture : 5 min", 5),
            ("5 min de lecture", 5),
            ("  12 MIN READ  ", 12),
            ("5 Min. Lesezeit", 5),
            ("~3 min read", 3),
            ("Tempo di lettura: 4 minuti", 4),
        ] {
            assert_eq!(reading_time(line), Some(minutes), "{line}");
        }
    }

    #[test]
    fn reading_time_rejects() {
        for line in [
            "",
            "5",
            "0 min read",
            "1000 min read",
            "5 minutes ago",
            "5 min read more",
            "Read 5 min",
            "5 minx read",
            "Reading time",
            "5\u{a0}min\u{301}",
        ] {
            assert_eq!(reading_time(line), None, "{line:?}");
        }
    }

    #[test]
    fn reading_time_needs_the_whole_line() {
        assert_eq!(reading_time("5 min read · 2 views"), None);
        assert_eq!(reading_time("It is a 5 min read"), None);
    }

    /// Every reading label and read suffix, every minute unit and every
    /// view word, in the cases the parsers accept, passes the byte tests
    /// that turn lines away before parsing.
    #[test]
    fn byte_tests_let_every_form_through() {
        let labels = [
            "reading time",
            "read time",
            "lesezeit",
            "lesedauer",
            "temps de lecture",
            "lecture",
            "tiempo de lectura",
            "tempo de leitura",
            "tempo di lettura",
        ];
        let whole = |line: &str| {
            all_consuming(alt((labelled_reading_time, counted_reading_time)))
                .parse(line.trim())
                .ok()
                .map(|(_, minutes)| minutes)
        };
        let views = |line: &str| {
            all_consuming(alt((labelled_views, counted_views)))
                .parse(line.trim())
                .ok()
                .map(|(_, views)| views)
        };
        for unit in MINUTE_UNITS.words() {
            for unit in [(*unit).to_owned(), unit.to_uppercase()] {
                let mut lines = vec![
                    format!("5 {unit}"),
                    format!("~ 5-{unit}."),
                    format!("≈5 {unit} read"),
                ];
                for label in labels {
                    lines.push(format!("{label}: 5 {unit}"));
                    lines.push(format!("{}: 5 {unit}", label.to_uppercase()));
                    lines.push(format!("5 {unit} {label}"));
                }
                for line in lines {
                    assert_eq!(reading_time(&line), whole(&line), "{line}");
                }
                // The labelled form is read whatever the label.
                for label in labels {
                    assert!(reading_time(&format!("{label}: 5 {unit}")).is_some());
                }
            }
        }
        for word in VIEW_WORDS.words() {
            for word in [(*word).to_owned(), word.to_uppercase()] {
                for line in [format!("{word}: 12"), format!("1.2K {word}")] {
                    assert!(views(&line).is_some(), "{line}");
                    assert_eq!(view_count(&line), views(&line), "{line}");
                }
            }
        }
    }

    #[test]
    fn view_count_accepts() {
        for (line, views) in [
            ("2 views", 2),
            ("1 view", 1),
            ("1.2K views", 1200),
            ("1,234 views", 1234),
            ("3.4M views", 3_400_000),
            ("Views: 1234", 1234),
            ("1 234 views", 1234),
            ("1.25k views", 1250),
            ("2B views", 2_000_000_000),
            ("1.234.567 Aufrufe", 1_234_567),
            ("12\u{202f}345 vues", 12345),
        ] {
            assert_eq!(view_count(line), Some(views), "{line}");
        }
    }

    #[test]
    fn view_count_rejects() {
        for line in [
            "",
            "views",
            "2",
            "1.2 views",
            "1,2345 views",
            "2 viewers",
            "1.2Kg views",
            "999,999,999,999,999,999,999 views",
            "99999999999999999999 views",
            "2 views today",
        ] {
            assert_eq!(view_count(line), None, "{line:?}");
        }
    }

    #[test]
    fn view_count_needs_the_whole_line() {
        assert_eq!(view_count("2 views · 5 min read"), None);
        assert_eq!(view_count("Over 2 views"), None);
    }

    #[test]
    fn byline_accepts() {
        let cases: [(&str, &[&str]); 19] = [
            ("By Jane Doe", &["Jane Doe"]),
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            (
                "By Jane Doe, John Roe & Ann Lee",
                &["Jane Doe", "John Roe", "Ann Lee"],
            ),
            ("Written by Jane Doe", &["Jane Doe"]),
            ("Author: Jane Doe", &["Jane Doe"]),
            ("Words by Jane Doe", &["Jane Doe"]),
            ("Von Max Mustermann", &["Max Mustermann"]),
            ("Par Jean Dupont", &["Jean Dupont"]),
            ("Por Juan Pérez", &["Juan Pérez"]),
            ("Di Mario Rossi", &["Mario Rossi"]),
            ("By Natasha Turak@NatashaTurak", &["Natasha Turak"]),
            ("By Jane Doe, Senior Reporter", &["Jane Doe"]),
            ("BY JANE DOE", &["JANE DOE"]),
            ("By J. R. Smith", &["J. R. Smith"]),
            ("By Ludwig van Beethoven", &["Ludwig van Beethoven"]),
            (
                "Por María de la Cruz y Juan Pérez",
                &["María de la Cruz", "Juan Pérez"],
            ),
            ("  By Anne-Marie O'Neil  ", &["Anne-Marie O'Neil"]),
            ("By: Dr. Jane Roe, contributing writer", &["Dr. Jane Roe"]),
            (
                "Posted by Jane Doe, Software Engineer on Google Play",
                &["Jane Doe"],
            ),
        ];
        for (line, want) in cases {
            assert_eq!(authors(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn byline_ranges_point_into_the_line() {
        let found = byline("  By Jane Doe").map(|b| b.authors);
        let ends = found.map(|a| a.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>());
        assert_eq!(ends, Some(vec![(5, 13)]));
    }

    #[test]
    fn byline_rejects() {
        let long = format!("By Jane Doe, {}", "Senior ".repeat(12));
        for line in [
            "",
            "By",
            "Follow",
            "Email the author",
            "Senior Reporter",
            "3 hours ago",
            "By the way, this is a sentence that goes on.",
            "By 2030 the city will grow",
            "By Reuters",
            "By The Numbers",
            "By Jane Doe, who wrote this.",
            "Byron Smith",
            "By Jane Doe.",
            "By Jane Doe and",
            "By Staff Reporter",
            "By jane doe",
            &long,
        ] {
            assert_eq!(byline(line), None, "{line:?}");
        }
    }

    #[test]
    fn byline_needs_the_whole_line() {
        assert_eq!(byline("By Jane Doe | Nov 28, 2025"), None);
        assert_eq!(byline("Photo by Jane Doe"), None);
    }

    #[test]
    fn leading_name_accepts() {
        for (text, name) in [
            (
                "Steven Soarez passionately shares his views.",
                "Steven Soarez",
            ),
            ("Dr. Jane Roe is a physician.", "Dr. Jane Roe"),
            ("Jane Doe, a reporter, lives in Paris.", "Jane Doe"),
            (
                "Ludwig van Beethoven was a composer.",
                "Ludwig van Beethoven",
            ),
            (
                "Mary Ann Lee Smith has written for years.",
                "Mary Ann Lee Smith",
            ),
        ] {
            assert_eq!(leading_name(text), Some(name.len()), "{text}");
        }
    }

    #[test]
    fn leading_name_rejects() {
        for text in [
            "",
            "The author writes about markets.",
            "Our team covers markets.",
            "Steven writes about markets.",
            "Jane Doe",
            "Jane Doe Writes About Markets Every Day",
            "Jane Doe. She writes.",
            "jane doe writes",
        ] {
            assert_eq!(leading_name(text), None, "{text:?}");
        }
    }

    #[test]
    fn leading_name_leaves_the_rest() {
        let text = "Ann Lee has covered energy since 2010.";
        assert_eq!(
            leading_name(text).and_then(|n| text.get(n..)),
            Some(" has covered energy since 2010.")
        );
    }

    #[test]
    fn is_disclaimer_accepts() {
        for text in [
            "Market conditions may have changed since publication.",
            "This is not financial advice.",
            "For informational purposes only",
            "Disclaimer: the author holds no positions.",
            "The views expressed here are the author’s own.",
            "We may earn a commission from links on this page.",
            "This article was originally published on Example.com.",
            "Financial market analysis from 28/11/2025. Market conditions may have changed since publication.",
            "DIESER ARTIKEL STELLT KEINE ANLAGEBERATUNG DAR.",
        ] {
            assert!(is_disclaimer(text), "{text}");
        }
    }

    #[test]
    fn is_disclaimer_finds_what_a_search_per_phrase_finds() {
        let by_search = |text: &str| {
            let lower = text.to_ascii_lowercase();
            text.len() <= MAX_DISCLAIMER_BYTES
                && DISCLAIMER_PHRASES.iter().any(|p| lower.contains(p))
        };
        for phrase in DISCLAIMER_PHRASES {
            let cut: String = phrase.chars().skip(1).collect();
            for text in [
                (*phrase).to_owned(),
                phrase.to_uppercase(),
                format!("Some text. {phrase}."),
                format!("x{}y", phrase.to_ascii_uppercase()),
                cut.to_owned(),
                format!("{cut} {cut}"),
                format!("{} {phrase}", "word ".repeat(120)),
            ] {
                assert_eq!(is_disclaimer(&text), by_search(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn is_disclaimer_rejects() {
        let long = format!("{} This is not financial advice.", "Word ".repeat(150));
        for text in [
            "",
            "Putin opens door to peace plan.",
            "Our plan is simple",
            &long,
            "disclaime",
        ] {
            assert!(!is_disclaimer(text), "{text:?}");
        }
    }

    #[test]
    fn header_facts_reads_the_reference_header() {
        assert_eq!(
            facts("5 min read"),
            Some(vec![(HeaderFact::ReadingTime(5), "5 min read")])
        );
        assert_eq!(
            facts("2 views"),
            Some(vec![(HeaderFact::Views(2), "2 views")])
        );
        let date = Date::new(2025, 11, 28).map(HeaderFact::Date);
        assert_eq!(
            facts("Nov 28, 2025").map(|f| f.into_iter().map(|(f, _)| Some(f)).collect()),
            Some(vec![date])
        );
    }

    #[test]
    fn header_facts_splits_at_separators() {
        let line = " By Jane Doe | Nov 28, 2025 | 5 min read ";
        let found = header_facts(line, DAY);
        let ranges: Option<Vec<_>> = found
            .as_ref()
            .map(|f| f.iter().map(|f| f.start..f.end).collect());
        assert_eq!(ranges, Some(vec![1..15, 15..30, 30..40]));
        let byline = found.and_then(|f| match f.first().map(|f| &f.fact) {
            Some(HeaderFact::Byline(b)) => b.authors.first().cloned(),
            _ => None,
        });
        assert_eq!(byline.and_then(|r| line.get(r)), Some("Jane Doe"));

        assert_eq!(
            facts("5 min read · 1.2K views"),
            Some(vec![
                (HeaderFact::ReadingTime(5), "5 min read · "),
                (HeaderFact::Views(1200), "1.2K views")
            ])
        );
        assert_eq!(
            facts("Share • Comments — 3 hours ago"),
            Some(vec![
                (HeaderFact::Noise, "Share • "),
                (HeaderFact::Noise, "Comments — "),
                (HeaderFact::Noise, "3 hours ago"),
            ])
        );
    }

    #[test]
    fn header_facts_keeps_a_time_with_its_date() {
        let found = facts("Nov 28, 2025 | 10:15 AM EST - 2 views");
        let kinds: Option<Vec<_>> = found.map(|f| f.into_iter().map(|(_, text)| text).collect());
        assert_eq!(
            kinds,
            Some(vec!["Nov 28, 2025 | 10:15 AM EST - ", "2 views"])
        );
    }

    #[test]
    fn header_facts_accepts_noise_lines() {
        for line in [
            "Follow",
            "Email the author",
            "Senior Reporter",
            "Share",
            "Comments",
            "Updated 3 hours ago",
            "yesterday",
            "vor 3 Stunden",
            "il y a 2 jours",
            "3 ore fa",
            "12 comments",
            "Comments (12)",
            "Editor at Large",
            "an hour ago",
        ] {
            assert_eq!(facts(line), Some(vec![(HeaderFact::Noise, line)]), "{line}");
        }
    }

    #[test]
    fn header_facts_rejects_prose() {
        for line in [
            "",
            "   ",
            "Our plan is simple",
            "By Jane Doe | Our plan is simple",
            "The meeting on Nov 28, 2025 was long",
            "5 min read | and more",
            "The editor is wrong",
            "a |  | b",
        ] {
            assert_eq!(header_facts(line, DAY), None, "{line:?}");
        }
    }

    #[test]
    fn furniture_phrases_fit_the_word_buffer() {
        for phrase in FURNITURE {
            assert!(phrase.split(' ').count() <= MAX_FURNITURE_WORDS, "{phrase}");
        }
    }

    #[test]
    fn is_furniture_compares_whole_word_sequences() {
        for text in [
            "Share",
            "SHARE THIS ARTICLE:",
            "  follow — us ",
            "Listen to this article",
        ] {
            assert!(is_furniture(text), "{text}");
        }
        for text in [
            "",
            "Share this article now",
            "sharing",
            "share this",
            "a b c d e f",
        ] {
            assert_eq!(is_furniture(text), text == "share this", "{text}");
        }
    }

    #[test]
    fn is_furniture_agrees_with_comparing_every_phrase() {
        let by_phrase = |segment: &str| {
            let found: Vec<&str> = words(segment).collect();
            FURNITURE.iter().any(|phrase| {
                let expected: Vec<&str> = phrase.split(' ').collect();
                expected.len() == found.len()
                    && found
                        .iter()
                        .zip(&expected)
                        .all(|(w, e)| eq_ignore_case(w, e))
            })
        };
        let mut segments = crate::scan::date::tests::probes(&[FURNITURE, JOB_WORDS.words()]);
        segments.extend(
            FURNITURE
                .iter()
                .map(|p| format!("{} — now", p.to_uppercase())),
        );
        for segment in segments {
            assert_eq!(is_furniture(&segment), by_phrase(&segment), "{segment:?}");
        }
    }

    #[test]
    fn may_hold_separator_sees_every_mark() {
        for mark in SEPARATOR_MARKS.chars() {
            assert!(may_hold_separator(&format!("a {mark} b")), "{mark}");
        }
        assert!(!may_hold_separator("Why Urban Foxes Are Getting “Bolder”"));
        for line in [
            "a | b",
            "a b",
            "a - b",
            "a-b",
            "a — b",
            "x · y · z",
            "Nov 28, 2025 – 10:15",
        ] {
            let whole = Segments {
                line,
                pos: 0,
                end: line.len(),
            }
            .next();
            if whole != Some(0..line.len()) {
                assert!(may_hold_separator(line), "{line}");
            }
        }
    }

    #[test]
    fn opens_byline_label_agrees_with_comparing_every_label() {
        let by_label = |line: &str| {
            let start = line.trim_start().as_bytes();
            BY_PHRASES.iter().chain(AUTHOR_LABELS).any(|label| {
                start
                    .get(..label.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(label.as_bytes()))
            })
        };
        let lists: &[&[&str]] = &[BY_PHRASES, AUTHOR_LABELS, FURNITURE];
        for line in crate::scan::date::tests::probes(lists) {
            for line in [line.clone(), format!("  {line} Jane Doe")] {
                assert_eq!(opens_byline_label(&line), by_label(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "\u{301}", "·", " | ", "By é", "@", "1.", "K views", "By J.", "é | é", "Dr.",
        ] {
            let _ = (
                reading_time(text),
                view_count(text),
                byline(text),
                leading_name(text),
            );
            let _ = (is_disclaimer(text), header_facts(text, DAY));
        }
    }
}
