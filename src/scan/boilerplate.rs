//! Lines that are page furniture rather than article text, and the labels
//! that introduce footer sections.

use crate::model::BoilerplateKind;
use crate::scan::phrases::{Phrases, Shapes};
use crate::trim::{trim, trim_end};

/// Whole-line share and social furniture (compared case-insensitively, with
/// a trailing `:` ignored).
const SHARE: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share via email",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "email",
    "e-mail",
    "print",
    "whatsapp",
    "pinterest",
    "reddit",
    "copy link",
    "follow us",
    "follow",
    "comments",
    "comment",
    "save",
    "bookmark",
    "telegram",
    "messenger",
];

const ADVERTISEMENT: &[&str] = &[
    "advertisement",
    "advertisment",
    "sponsored",
    "sponsored content",
    "ad",
    "paid content",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "story continues below advertisement",
    "scroll to continue with content",
    "continue reading below",
];

const IMAGE: &[&str] = &[
    "image",
    "photo",
    "picture",
    "video",
    "screenshot",
    "thumbnail",
    "[screenshot]",
    "[icon]",
    "[image]",
    "[img]",
    "[photo]",
    "[picture]",
    "[video]",
    "[figure]",
];

/// Whole-line navigation and calls to action left by page chrome.
const NAVIGATION: &[&str] = &[
    "learn more",
    "next",
    "previous",
    "prev",
    "next page",
    "previous page",
    "view photo",
    "view photos",
    "view gallery",
    "view image",
    "continue reading",
    "continue reading the main story",
    "see more",
    "show more",
    "load more",
    "back to top",
    "skip to content",
    "skip ad",
    "close",
    "click here",
    "expand",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "table of contents",
    "in this article",
    "on this page",
    "jump to",
    // Kickers: a story's label above its headline. (Single words such as
    // "Exclusive" or "Live" can be headings too: they are left alone.)
    "breaking news",
    "developing story",
];

/// Prefixes of photo credits and captions' credit lines.
const CREDIT_PREFIXES: &[&str] = &[
    "photo:",
    "photo by ",
    "portrait by ",
    "photograph:",
    "photograph by ",
    "photos:",
    "image:",
    "image by ",
    "image credit:",
    "credit:",
    "credits:",
    "picture:",
    "illustration:",
    "illustration by ",
    "foto:",
    "bild:",
    "(photo",
    "(image",
    "(bild",
    "(foto",
    "(credit",
    "photo credit:",
];

/// A credit after a caption on the same line ("Pi in schools - Image: Pi
/// Foundation").
const CREDIT_INFIXES: &[&str] = &[
    " - image:",
    " - photo:",
    " - credit:",
    " | image:",
    " | photo:",
    " — photo:",
    " — image:",
    " – photo:",
    " – image:",
];

/// Agencies whose names mark a short line as a credit.
const CREDIT_MARKS: &[&str] = &[
    "getty images",
    "shutterstock",
    "ap photo",
    "reuters/",
    "afp/",
    "/reuters",
    "/afp",
    "/ap",
];

/// Agencies and infixes: either one, as a whole word, marks a credit, so
/// both are looked for in one pass over the line.
const CREDIT_PHRASES: Phrases<{ CREDIT_MARKS.len() + CREDIT_INFIXES.len() }> =
    Phrases::new(&[CREDIT_MARKS, CREDIT_INFIXES]);

const RELATED_LABELS: &[&str] = &[
    "related articles",
    "related",
    "related posts",
    "related stories",
    "related content",
    "read more",
    "read next",
    "more to read",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended articles",
    "recommended for you",
    "more stories",
    "more articles",
    "more from this author",
    "more on this topic",
    "most popular",
    "ähnliche artikel",
    "à lire aussi",
    "articles similaires",
    "artículos relacionados",
    "leggi anche",
];

const AUTHOR_LABELS: &[&str] = &[
    "author",
    "about the author",
    "about author",
    "the author",
    "about the writer",
    "written by",
    "über den autor",
    "über die autorin",
    "à propos de l'auteur",
    "sobre el autor",
    "l'autore",
    "autor",
    "auteur",
];

/// A footer label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// Introduces a list of related articles.
    Related,
    /// Introduces the author's bio.
    Author,
}

fn normalized(line: &str) -> &str {
    let text = trim(line);
    // Stops are ASCII: dropped byte-wise, not by a char-pattern search.
    let stops = text
        .bytes()
        .rev()
        .take_while(|&b| b == b':' || b == b'.')
        .count();
    trim_end(&text[..text.len() - stops])
}

/// The lists of phrases that a whole line is compared with.
const WHOLE_LINE_LISTS: &[&[&str]] = &[
    SHARE,
    ADVERTISEMENT,
    IMAGE,
    NAVIGATION,
    RELATED_LABELS,
    AUTHOR_LABELS,
];

/// The longest whole-line phrase, in bytes.
const LONGEST_PHRASE: usize = longest(WHOLE_LINE_LISTS);

const fn longest(lists: &[&[&str]]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if lists[i][j].len() > max {
                max = lists[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    max
}

/// The shapes of all whole-line phrases: a short line of text is seldom
/// shaped like any phrase, and is then compared with no list at all.
#[cfg(test)]
static PHRASE_SHAPES: Shapes = Shapes::of_phrases(WHOLE_LINE_LISTS);

/// The shapes of the footer labels alone, which [`label`] compares a line
/// with: the footer is searched for its labels block by block, and a line
/// shaped like some other phrase ("Advertisement") need not be folded.
static LABEL_SHAPES: Shapes = Shapes::of_phrases(&[RELATED_LABELS, AUTHOR_LABELS]);

// A phrase's length is a bit of its own (the top bit stands for any longer).
const _: () = assert!(LONGEST_PHRASE < 64, "a phrase's length is a bit");

/// One of [`WHOLE_LINE_LISTS`] with the shapes of its own phrases: a short
/// line shaped like some phrase of one list is compared with that list
/// alone, not with the others too.
struct WholeLines {
    phrases: &'static [&'static str],
    shapes: Shapes,
}

impl WholeLines {
    const fn new(phrases: &'static [&'static str]) -> WholeLines {
        WholeLines {
            phrases,
            shapes: Shapes::of_phrases(&[phrases]),
        }
    }
}

static SHARE_LINES: WholeLines = WholeLines::new(SHARE);
static ADVERTISEMENT_LINES: WholeLines = WholeLines::new(ADVERTISEMENT);
static IMAGE_LINES: WholeLines = WholeLines::new(IMAGE);
static NAVIGATION_LINES: WholeLines = WholeLines::new(NAVIGATION);
static RELATED_LINES: WholeLines = WholeLines::new(RELATED_LABELS);
static AUTHOR_LINES: WholeLines = WholeLines::new(AUTHOR_LABELS);

/// Prefixes with the bytes they can open with: most lines open with none of
/// them and are compared with no prefix.
struct Prefixes {
    list: &'static [&'static str],
    first: [bool; 256],
}

impl Prefixes {
    /// Every prefix must be non-empty.
    const fn new(list: &'static [&'static str]) -> Prefixes {
        let mut first = [false; 256];
        let mut i = 0;
        while i < list.len() {
            first[list[i].as_bytes()[0] as usize] = true;
            i += 1;
        }
        Prefixes { list, first }
    }
}

const CREDIT_OPENINGS: Prefixes = Prefixes::new(CREDIT_PREFIXES);

/// Lines longer than this (in bytes, once lower-cased) match no phrase or
/// credit: they are running text.
const MAX_FOLDED: usize = 128;

/// Bytes lowered at a time by [`Folded::copy_lowered_ascii`]; the buffer
/// holds a whole number of them.
const LOWERED_BLOCK: usize = 16;
const _: () = assert!(MAX_FOLDED % LOWERED_BLOCK == 0);

/// A short line lower-cased into a stack buffer, so that each table is
/// compared with plain byte equality and nothing is allocated.
struct Folded {
    buf: [u8; MAX_FOLDED],
    len: usize,
}

impl Folded {
    /// `text` lower-cased character by character, or `None` if that takes
    /// more than [`MAX_FOLDED`] bytes.
    #[cfg(test)]
    fn new(text: &str) -> Option<Folded> {
        let mut folded = Folded::empty();
        folded.fold(text)?;
        Some(folded)
    }

    /// An empty buffer, for [`Folded::fold`].
    fn empty() -> Folded {
        Folded {
            buf: [0; MAX_FOLDED],
            len: 0,
        }
    }

    /// `text` lower-cased character by character into this empty buffer, or
    /// `None` if that takes more than [`MAX_FOLDED`] bytes. Filled where the
    /// caller keeps it: returned by value, the buffer was copied out and back.
    #[inline(always)]
    fn fold(&mut self, text: &str) -> Option<()> {
        let bytes = text.as_bytes();
        if bytes.len() > MAX_FOLDED {
            // Lower-casing shrinks a character by at most 3 bytes to 1 (the
            // Kelvin sign to `k`) and an ASCII one not at all; and every
            // character folds to a byte or more, so a text of more
            // characters than fit is turned away by a count, not by folding.
            if bytes.len() > 3 * MAX_FOLDED || text.is_ascii() || text.chars().count() > MAX_FOLDED
            {
                return None;
            }
            return self.push_lower_chars(text);
        }
        // Lowered as ASCII in one vector pass. Other bytes are copied as they
        // are, which is their folding for characters without case (quotes,
        // dashes) or already lower-case (`ä`), the usual other characters:
        // only those are looked at, and from the first that changes on,
        // the rest is folded character by character.
        self.copy_lowered_ascii(bytes)?;
        if text.is_ascii() {
            return Some(());
        }
        let mut at = 0;
        while let Some(skip) = bytes
            .get(at..)
            .and_then(|rest| rest.iter().position(|b| !b.is_ascii()))
        {
            at += skip;
            let rest = text.get(at..)?;
            let c = rest.chars().next()?;
            if !folds_to_itself(c) {
                self.len = at;
                self.push_lower_chars(rest)?;
                break;
            }
            at += c.len_utf8();
        }
        Some(())
    }

    /// Append `text` lower-cased character by character.
    fn push_lower_chars(&mut self, text: &str) -> Option<()> {
        for c in text.chars() {
            if c.is_ascii() {
                self.push(&[c.to_ascii_lowercase() as u8])?;
            } else if in_symbol_block(c) {
                // Typographic quotes and dashes have no case: copied without
                // a table lookup.
                let mut utf8 = [0; 4];
                self.push(c.encode_utf8(&mut utf8).as_bytes())?;
            } else {
                for lower in c.to_lowercase() {
                    let mut utf8 = [0; 4];
                    self.push(lower.encode_utf8(&mut utf8).as_bytes())?;
                }
            }
        }
        Some(())
    }

    fn push(&mut self, bytes: &[u8]) -> Option<()> {
        let end = self.len + bytes.len();
        self.buf.get_mut(self.len..end)?.copy_from_slice(bytes);
        self.len = end;
        Some(())
    }

    /// Copy `bytes` into the empty buffer lowered as ASCII (other bytes
    /// unchanged). The buffer is lowered in whole blocks of
    /// [`LOWERED_BLOCK`] bytes, past the copy into its zeros, which stay
    /// zeros: the loop then compiles to vector code with no byte-by-byte
    /// tail, which cost a short line more than its blocks.
    fn copy_lowered_ascii(&mut self, bytes: &[u8]) -> Option<()> {
        self.buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
        self.len = bytes.len();
        let blocks = bytes.len().div_ceil(LOWERED_BLOCK) * LOWERED_BLOCK;
        let padded = self.buf.get_mut(..blocks)?;
        for block in padded.chunks_exact_mut(LOWERED_BLOCK) {
            for b in block {
                *b |= u8::from(b.is_ascii_uppercase()) << 5;
            }
        }
        Some(())
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Equal to one of `lines`' (lower-case) phrases. A line longer than
    /// every phrase (most lines of text), or shaped like none of the list's,
    /// is rejected without reading the list.
    fn is_any(&self, lines: &WholeLines) -> bool {
        let shaped = self.bytes().first().is_some_and(|&first| {
            self.len <= LONGEST_PHRASE && lines.shapes.admits(first, self.len)
        });
        shaped && lines.phrases.iter().any(|w| w.as_bytes() == self.bytes())
    }

    fn starts_with_any(&self, prefixes: &Prefixes) -> bool {
        self.bytes()
            .first()
            .is_some_and(|&first| prefixes.first[usize::from(first)])
            && prefixes
                .list
                .iter()
                .any(|w| self.bytes().starts_with(w.as_bytes()))
    }

    /// One of `phrases` occurs, not followed by a letter or digit
    /// ("/ap" in "Smith/AP", not in "/api/v2").
    fn contains_word_any<const N: usize>(&self, phrases: &Phrases<N>) -> bool {
        phrases.occur_in(self.bytes(), |after| {
            !after.first().is_some_and(u8::is_ascii_alphanumeric)
        })
    }
}

/// What kind of furniture a whole line is, if it is one.
pub(crate) fn boilerplate(line: &str) -> Option<BoilerplateKind> {
    if junk(line) {
        return Some(BoilerplateKind::Junk);
    }
    let text = normalized(line);
    let mut folded = Folded::empty();
    folded.fold(text)?;
    if folded.is_any(&SHARE_LINES) {
        Some(BoilerplateKind::Share)
    } else if folded.is_any(&ADVERTISEMENT_LINES) {
        Some(BoilerplateKind::Advertisement)
    } else if folded.is_any(&IMAGE_LINES) || image_markup(line) || image_file_name(text) {
        Some(BoilerplateKind::Image)
    } else if folded.is_any(&NAVIGATION_LINES) {
        Some(BoilerplateKind::Label)
    } else if credit(line, text, &folded) {
        Some(BoilerplateKind::Credit)
    } else {
        None
    }
}

/// Whether `text` may fold to a whole-line phrase of the given `shapes`
/// (of some of [`WHOLE_LINE_LISTS`]), judged before folding it: by its first
/// byte, its length if it is ASCII (which folding keeps), and otherwise its
/// count of characters (each folds to a byte or more).
fn may_be_phrase(text: &str, shapes: &Shapes) -> bool {
    // No character takes more than four bytes.
    if text.len() > 4 * LONGEST_PHRASE {
        return false;
    }
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    let shapes = if first.is_ascii() {
        shapes.lengths(first.to_ascii_lowercase())
    } else {
        u64::MAX
    };
    if text.is_ascii() {
        text.len() <= LONGEST_PHRASE && shapes >> text.len() & 1 == 1
    } else {
        shapes != 0 && !more_chars_than(text, LONGEST_PHRASE)
    }
}

/// Whether `text` has more than `n` characters. Only the first `4 * (n +
/// 1)` bytes are counted: they hold the starts of `n + 1` characters if the
/// text has that many.
fn more_chars_than(text: &str, n: usize) -> bool {
    let bytes = text.as_bytes();
    let window = bytes.get(..4 * (n + 1)).unwrap_or(bytes);
    // Branch-free, so that it compiles to vector code: a byte that is no
    // UTF-8 continuation byte starts a character.
    let starts: usize = window
        .iter()
        .map(|&b| usize::from((b as i8) >= -0x40))
        .sum();
    starts > n
}

/// Markup or template residue: `?>`, `</div>`, `<br/>`, `{{ x }}`, `{% x %}`,
/// or a line with no letter or digit at all.
pub(crate) fn junk(line: &str) -> bool {
    let t = trim(line);
    // A stop left alone by a converter (a link's text dropped before it).
    let stray_stop = matches!(t, "." | ",");
    trimmed_markup_residue(t) || symbols_only(t) || stray_stop
}

/// No letter or digit, and not only the characters that rules and
/// ellipses are drawn with. One pass, stopping at the first letter or
/// digit: a line of 1,000 box-drawing characters (a text browser's rule)
/// is common furniture and is tested on every pass.
fn symbols_only(text: &str) -> bool {
    // Most lines open with a letter.
    if text.chars().next().is_some_and(is_alphanumeric) {
        return false;
    }
    // A rule is one character repeated: judged by that character after one
    // comparison of the bytes, not by decoding each of a thousand.
    if let Some(c) = one_char_repeated(text) {
        return !drawn(c);
    }
    let mut all_drawn = true;
    for c in text.chars() {
        if is_alphanumeric(c) {
            return false;
        }
        all_drawn &= drawn(c);
    }
    !text.is_empty() && !all_drawn
}

/// A character that rules and ellipses are drawn with.
fn drawn(c: char) -> bool {
    matches!(c, '…' | '—' | '–' | '-' | '*' | '•' | '·' | '.' | '━')
}

/// The character `text` is made of, if it is one character repeated. The
/// text is that when it equals itself shifted by the character's length.
fn one_char_repeated(text: &str) -> Option<char> {
    let c = text.chars().next()?;
    let bytes = text.as_bytes();
    let width = c.len_utf8();
    let shifted = bytes.get(width..)?;
    let unshifted = bytes.get(..bytes.len() - width)?;
    (bytes.len() % width == 0 && shifted == unshifted).then_some(c)
}

/// Markup or template residue alone: `?>`, `</div>`, `<br/>`, `{{ x }}`.
pub(crate) fn markup_residue(line: &str) -> bool {
    trimmed_markup_residue(trim(line))
}

/// [`markup_residue`] of a line already trimmed.
fn trimmed_markup_residue(t: &str) -> bool {
    let tag = t.starts_with('<') && t.ends_with('>') && !t.contains(' ')
        || t.starts_with("</")
        || t.starts_with("<!--");
    let php = t.starts_with("?>") || t.starts_with("<?");
    let template =
        (t.starts_with("{{") && t.ends_with("}}")) || (t.starts_with("{%") && t.ends_with("%}"));
    tag || php || template
}

/// A letter or digit. ASCII is tested without decoding, and characters of
/// the punctuation and drawing blocks without a Unicode table lookup.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !in_symbol_block(c) && c.is_alphanumeric()
    }
}

/// A character that lower-cases to itself alone.
fn folds_to_itself(c: char) -> bool {
    if in_symbol_block(c) {
        return true;
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

/// Unicode blocks that hold no letter or digit (the tests check every
/// character): general punctuation, arrows, mathematical operators, box
/// drawing, block elements, geometric shapes and miscellaneous symbols.
fn in_symbol_block(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{2190}'..='\u{22FF}' | '\u{2500}'..='\u{26FF}')
}

/// A line that is only an image: `![alt](src)` or a bracketed placeholder
/// `[alt text]` as pandoc and w3m print images.
fn image_markup(line: &str) -> bool {
    let t = trim(line);
    (t.starts_with("![") && t.ends_with(')'))
        || (t.starts_with('[') && t.ends_with(']') && !t[1..].contains('[') && !bracketed_note(t))
}

/// Openings of an editor's note in brackets ("[Update: …]", "[This story
/// has been corrected …]"): text of the article, not an image's alt text.
const NOTE_OPENINGS: &[&str] = &[
    "update",
    "updated",
    "editor's note",
    "editor’s note",
    "editors' note",
    "correction",
    "clarification",
    "disclosure",
    "note",
    "this article",
    "this story",
    "this post",
];

/// A bracketed editor's note: `[` then one of [`NOTE_OPENINGS`] as a whole word.
pub(crate) fn bracketed_note(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('[') else {
        return false;
    };
    let inner = inner.trim_start();
    NOTE_OPENINGS.iter().any(|opening| {
        inner
            .get(..opening.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(opening))
            && !inner[opening.len()..].starts_with(char::is_alphanumeric)
    })
}

/// An image's file name printed as its alt text: one token of four or more
/// parts joined by `-` or `_`, two of them words, with a digit
/// (`0226-sub-hotel-swipe-02`), or ending in an image extension
/// (`IMG_4031.JPG`).
fn image_file_name(text: &str) -> bool {
    // A space, the usual whitespace, is looked for first byte-wise.
    if text.len() < 5 || text.as_bytes().contains(&b' ') || has_whitespace(text) {
        return false;
    }
    let extension = text.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty()
            && ["jpg", "jpeg", "png", "gif", "webp"]
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e))
    });
    if extension {
        return true;
    }
    // Four parts take three joins: most tokens (words, links) have fewer
    // and are turned away by a count of bytes.
    let joins = text.bytes().filter(|&b| b == b'-' || b == b'_').count();
    if joins < 3 {
        return false;
    }
    // Words among the parts: a date (`2024-03-14`) or a phone number has none.
    let (mut parts, mut worded) = (0, 0);
    for part in text.split(['-', '_']).filter(|p| !p.is_empty()) {
        parts += 1;
        worded += usize::from(part.chars().any(char::is_alphabetic));
    }
    parts >= 4 && worded >= 2 && text.bytes().any(|b| b.is_ascii_digit())
}

/// `text.contains(char::is_whitespace)`, byte-wise for ASCII text.
fn has_whitespace(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|b| char::from(b).is_whitespace())
    } else {
        text.contains(char::is_whitespace)
    }
}

/// A short line that opens like a credit ("Photo: …"), or names an agency
/// as a whole word and does not read as a sentence ("Jane Doe/Getty Images",
/// not "Getty Images reported record revenue.").
fn credit(line: &str, text: &str, folded: &Folded) -> bool {
    let sentence = trim_end(line).ends_with(['.', '!', '?']);
    // The word count last: it reads the whole line.
    (folded.starts_with_any(&CREDIT_OPENINGS)
        || (!sentence && folded.contains_word_any(&CREDIT_PHRASES)))
        && text.split_whitespace().count() <= 16
}

/// A footer label, if the whole line is one.
pub(crate) fn label(line: &str) -> Option<Label> {
    let text = normalized(line);
    if !may_be_phrase(text, &LABEL_SHAPES) {
        return None;
    }
    let mut folded = Folded::empty();
    folded.fold(text)?;
    if folded.is_any(&RELATED_LINES) {
        Some(Label::Related)
    } else if folded.is_any(&AUTHOR_LINES) {
        Some(Label::Author)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test as it read before its shortcuts.
    fn image_file_name_reference(text: &str) -> bool {
        // A space, the usual whitespace, is looked for first byte-wise.
        if text.len() < 5 || text.as_bytes().contains(&b' ') || text.contains(char::is_whitespace) {
            return false;
        }
        let extension = text.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty()
                && ["jpg", "jpeg", "png", "gif", "webp"]
                    .iter()
                    .any(|e| ext.eq_ignore_ascii_case(e))
        });
        // Words among the parts: a date (`2024-03-14`) or a phone number has none.
        let (mut parts, mut worded) = (0, 0);
        for part in text.split(['-', '_']).filter(|p| !p.is_empty()) {
            parts += 1;
            worded += usize::from(part.chars().any(char::is_alphabetic));
        }
        extension || (parts >= 4 && worded >= 2 && text.bytes().any(|b| b.is_ascii_digit()))
    }

    #[test]
    fn image_file_names_as_before_the_shortcuts() {
        for text in [
            "",
            "abcd",
            "IMG_4031.JPG",
            "photo.jpeg",
            ".png",
            "0226-SUB-london-hotel-swipe-02",
            "2024-03-14",
            "a-b-c-d1",
            "a-b-c-d",
            "ab-cd-ef-gh-1",
            "x__y__z__w9",
            "1-2-3-4",
            "über-straße-foto-bild-2",
            "ab-cd\u{a0}ef-gh-1",
            "ab-cd\tef-gh-1",
            "ab-cd\u{2003}e-f-1",
            "https://example.com/a-b-c-1",
            "word",
            "-_-_-",
            "a-b_c-d-e-f-g-h-9",
            "ÄÖ-ÜÖ-x-y-3",
        ] {
            assert_eq!(
                image_file_name(text),
                image_file_name_reference(text),
                "{text:?}"
            );
        }
    }

    /// [`WHOLE_LINE_LISTS`] with their shapes.
    const WHOLE_LINES: [&WholeLines; 6] = [
        &SHARE_LINES,
        &ADVERTISEMENT_LINES,
        &IMAGE_LINES,
        &NAVIGATION_LINES,
        &RELATED_LINES,
        &AUTHOR_LINES,
    ];

    #[test]
    fn whole_lines_are_the_whole_line_lists() {
        let phrases = WHOLE_LINES.map(|lines| lines.phrases);
        assert_eq!(phrases.as_slice(), WHOLE_LINE_LISTS);
    }

    #[test]
    fn a_folded_line_is_in_a_list_when_it_equals_a_phrase() {
        let mut lines: Vec<&str> = vec!["", "x", "share", "shares", "related", "advertisement"];
        lines.extend(WHOLE_LINE_LISTS.iter().flat_map(|list| list.iter()));
        for line in lines {
            let folded = Folded::new(line).unwrap();
            for whole in WHOLE_LINES {
                assert_eq!(
                    folded.is_any(whole),
                    whole.phrases.contains(&line),
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn symbols_only_as_every_character_read() {
        let reference = |text: &str| {
            !text.is_empty() && !text.chars().any(is_alphanumeric) && !text.chars().all(drawn)
        };
        for text in [
            "",
            "a",
            "━━━━",
            "────",
            "─━",
            "***",
            "* * *",
            "…",
            "a━━",
            "━━a",
            "→→",
            "§",
            "§a",
            "--",
            "-=-",
            "==",
            "·",
            "é",
            "¿?",
        ] {
            assert_eq!(symbols_only(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn one_char_repeated_as_every_character_compared() {
        for text in [
            "",
            "a",
            "aa",
            "ab",
            "aba",
            "━",
            "━━━━",
            "━━━─",
            "─━━━",
            "ab".repeat(5).as_str(),
            "ééé",
            "éé e",
            "𝄞𝄞",
            "𝄞",
            "…..",
            ". . .",
        ] {
            let first = text.chars().next();
            let reference = first.filter(|&c| text.chars().all(|x| x == c));
            assert_eq!(one_char_repeated(text), reference, "{text:?}");
        }
    }

    #[test]
    fn normalizes_as_the_char_pattern_trims_did() {
        for line in [
            "",
            ".",
            " : ",
            "Related:",
            " Related .: ",
            "a.\u{a0}:",
            "x \u{2003}.",
            "…",
            "é.:",
        ] {
            let reference = line.trim().trim_end_matches([':', '.']).trim_end();
            assert_eq!(normalized(line), reference, "{line:?}");
        }
    }

    #[test]
    fn texts_turned_away_unfolded_fold_to_no_phrase() {
        let mut texts = vec![
            String::new(),
            "x".to_string(),
            "Kelvin".to_string(),
            "\u{212A}".to_string(),
            "Ähnliche Artikel".to_string(),
            "ÄHNLICHE ARTIKEL".to_string(),
            "À lire aussi".to_string(),
            "Über den Autor".to_string(),
            "Publicité".to_string(),
            "“Related”".to_string(),
            "Read more about it".to_string(),
            "Related".to_string(),
            "RELATED ARTICLES".to_string(),
        ];
        for list in WHOLE_LINE_LISTS {
            for phrase in *list {
                texts.push(phrase.to_string());
                texts.push(phrase.to_uppercase());
                texts.push(format!("{phrase}s"));
                texts.push(format!("é{phrase}"));
            }
        }
        for text in &texts {
            if !may_be_phrase(text, &PHRASE_SHAPES) {
                let folded = Folded::new(text);
                let phrase = folded.is_some_and(|f| WHOLE_LINES.iter().any(|l| f.is_any(l)));
                assert!(!phrase, "{text}");
            }
            if !may_be_phrase(text, &LABEL_SHAPES) {
                let folded = Folded::new(text);
                let labels = [&RELATED_LINES, &AUTHOR_LINES];
                let phrase = folded.is_some_and(|f| labels.iter().any(|l| f.is_any(l)));
                assert!(!phrase, "{text}");
            }
        }
        assert!(!may_be_phrase("Not a label at all", &PHRASE_SHAPES));
        assert!(!may_be_phrase("Advertisement", &LABEL_SHAPES));
    }

    #[test]
    fn characters_counted_in_a_window() {
        for text in ["", "abc", "äöü", "日本語の文章", "a€b€c€d€e€", "ü𝄞ü𝄞ü𝄞"]
        {
            for n in 0..8 {
                assert_eq!(
                    more_chars_than(text, n),
                    text.chars().count() > n,
                    "{text} {n}"
                );
            }
        }
    }

    #[test]
    fn folded_as_each_character_lower_cased() {
        let mut texts = vec![
            String::new(),
            "Plain ASCII, Mixed Case".to_string(),
            "“Quoted” — and – dashed…".to_string(),
            "MÄRZ märz Über".to_string(),
            "ΣΊΣΥΦΟΣ".to_string(),
            "İstanbul \u{212a}elvin".to_string(),
            "日本語の文章 ABC".to_string(),
            "a\u{212a}".repeat(MAX_FOLDED / 2),
            "\u{212a}".repeat(MAX_FOLDED + 1),
            "ä".repeat(MAX_FOLDED / 2),
            "ä".repeat(MAX_FOLDED / 2 + 1),
            "“".repeat(MAX_FOLDED / 3 + 1),
            format!("{}İ", "a".repeat(MAX_FOLDED - 2)),
            format!("{}İ", "a".repeat(MAX_FOLDED - 3)),
        ];
        texts.push(texts.concat());
        for text in texts {
            let reference: String = text.chars().flat_map(char::to_lowercase).collect();
            let expected = (reference.len() <= MAX_FOLDED).then(|| reference.into_bytes());
            assert_eq!(
                Folded::new(&text).map(|f| f.bytes().to_vec()),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn folded_lower_cases_within_the_buffer() {
        let folded = |t: &str| Folded::new(t).map(|f| f.bytes().to_vec());
        assert_eq!(folded("Share THIS"), Some(b"share this".to_vec()));
        assert_eq!(folded("MÄRZ"), Some("märz".as_bytes().to_vec()));
        assert_eq!(
            folded("Über DEN „Autor“ İ"),
            Some("über den „autor“ i\u{307}".as_bytes().to_vec())
        );
        assert_eq!(
            folded(&"a".repeat(MAX_FOLDED)).map(|f| f.len()),
            Some(MAX_FOLDED)
        );
        assert_eq!(folded(&"a".repeat(MAX_FOLDED + 1)), None);
        // Kelvin signs (3 bytes) fold to one byte each.
        let kelvin = "\u{212a}".repeat(MAX_FOLDED);
        assert_eq!(folded(&kelvin).map(|f| f.len()), Some(MAX_FOLDED));
        assert_eq!(folded(&(kelvin + "k")), None);
    }

    #[test]
    fn every_phrase_passes_the_filters() {
        for lines in WHOLE_LINES {
            for phrase in lines.phrases {
                let folded = Folded::new(phrase).unwrap();
                assert!(folded.is_any(lines), "{phrase:?}");
            }
        }
        for prefix in CREDIT_PREFIXES {
            let folded = Folded::new(&format!("{prefix}x")).unwrap();
            assert!(folded.starts_with_any(&CREDIT_OPENINGS), "{prefix:?}");
        }
        let phrases = CREDIT_MARKS.iter().chain(CREDIT_INFIXES);
        for phrase in phrases.clone() {
            for line in [
                phrase.to_string(),
                format!("a {phrase} b"),
                format!("{phrase}x"),
            ] {
                let folded = Folded::new(&line).unwrap();
                // As the phrases one at a time would find them.
                let by_search = phrases.clone().any(|w| {
                    line.match_indices(w).any(|(i, _)| {
                        !line
                            .as_bytes()
                            .get(i + w.len())
                            .is_some_and(u8::is_ascii_alphanumeric)
                    })
                });
                assert_eq!(
                    folded.contains_word_any(&CREDIT_PHRASES),
                    by_search,
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn symbol_blocks_hold_no_alphanumeric() {
        let all = ('\u{2000}'..='\u{26FF}').filter(|&c| in_symbol_block(c));
        assert_eq!(all.clone().count(), 0x70 + 0x170 + 0x200);
        for c in all {
            assert!(!c.is_alphanumeric(), "{c:?}");
            // `Folded` copies these unchanged.
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        for (text, symbols) in [
            ("──── a ────", false),
            ("──── é ────", false),
            ("── ² ──", false),
            ("──── → ────", true),
            ("━━━━━━━━", false),
            ("**…", false),
            ("* * *", true),
            ("-- → --", true),
            ("", false),
        ] {
            assert_eq!(symbols_only(text), symbols, "{text:?}");
        }
    }

    #[test]
    fn furniture() {
        assert_eq!(boilerplate("?>"), Some(BoilerplateKind::Junk));
        assert_eq!(boilerplate("</div>"), Some(BoilerplateKind::Junk));
        assert_eq!(boilerplate("."), Some(BoilerplateKind::Junk));
        // A rule is a separator, for the block stage to keep as one.
        assert_eq!(boilerplate("━━━━━━━━"), None);
        assert_eq!(
            boilerplate("(Bild: Hersteller)"),
            Some(BoilerplateKind::Credit)
        );
        assert_eq!(
            boilerplate("{{ related_posts }}"),
            Some(BoilerplateKind::Junk)
        );
        assert_eq!(boilerplate("Share this:"), Some(BoilerplateKind::Share));
        assert_eq!(
            boilerplate("ADVERTISEMENT"),
            Some(BoilerplateKind::Advertisement)
        );
        assert_eq!(boilerplate("[image]"), Some(BoilerplateKind::Image));
        assert_eq!(
            boilerplate("![A cat](cat.jpg)"),
            Some(BoilerplateKind::Image)
        );
        assert_eq!(
            boilerplate("Photo: Jane Doe/Reuters"),
            Some(BoilerplateKind::Credit)
        );
        assert_eq!(
            boilerplate("John Smith/Getty Images"),
            Some(BoilerplateKind::Credit)
        );
        assert_eq!(
            boilerplate("Pi in schools - Image: Pi Foundation"),
            Some(BoilerplateKind::Credit)
        );
        assert_eq!(
            boilerplate("Table of Contents"),
            Some(BoilerplateKind::Label)
        );
        assert_eq!(
            boilerplate("0226-SUB-london-hotel-swipe-02"),
            Some(BoilerplateKind::Image)
        );
        assert_eq!(boilerplate("IMG_4031.JPG"), Some(BoilerplateKind::Image));
    }

    #[test]
    fn markup_residue_is_not_a_table_rule() {
        assert!(markup_residue("</div>"));
        assert!(markup_residue("{{ related_posts }}"));
        assert!(!markup_residue("────────────"));
        assert!(junk("────────────"));
    }

    #[test]
    fn not_furniture() {
        assert_eq!(boilerplate("Share prices fell sharply on Monday."), None);
        assert_eq!(boilerplate("The photo was taken in 1962."), None);
        assert_eq!(
            boilerplate("The data is at https://example.org/api/v2 for all"),
            None
        );
        assert_eq!(boilerplate("Getty Images reported record revenue."), None);
        assert_eq!(boilerplate("— Vidal Sassoon"), None);
        assert_eq!(boilerplate("..."), None);
        assert_eq!(boilerplate("Self-Driving-Cars"), None);
        assert_eq!(boilerplate("COVID-19"), None);
        assert_eq!(boilerplate("2024-03-14"), None);
        assert_eq!(boilerplate("1-800-273-8255"), None);
        assert_eq!(boilerplate("SARS-CoV-2"), None);
        assert_eq!(boilerplate("Live"), None);
        assert_eq!(
            boilerplate("[Update: the mayor's office replied on Friday.]"),
            None
        );
        assert_eq!(
            boilerplate("[Notebook on a desk]"),
            Some(BoilerplateKind::Image)
        );
        assert_eq!(boilerplate("The image: a study"), None);
        assert_eq!(boilerplate("<b>bold</b> text in a sentence"), None);
    }

    #[test]
    fn labels() {
        assert_eq!(label("Related Articles"), Some(Label::Related));
        assert_eq!(label("Read more:"), Some(Label::Related));
        assert_eq!(label("Author"), Some(Label::Author));
        assert_eq!(label("About the Author"), Some(Label::Author));
        assert_eq!(label("Über den Autor"), Some(Label::Author));
        assert_eq!(label("Authorities said"), None);
    }
}
