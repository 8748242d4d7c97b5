//! Raw blocks turned into model nodes: their text rendered, markers and
//! enclosing marks removed, lists nested.

use crate::blocks::{self, RawBlock, RawKind};
use crate::byte_words::{equal_bytes, word_at};
use crate::inline::{self, Segment};
use crate::lines::{Line, LineKind};
use crate::model::{
    Attribution, Block, BoilerplateKind, Heading, List, ListItem, Paragraph, Preformatted, Quote,
    QuoteStyle,
};
use crate::scan::{boilerplate, quotes};
use crate::span::Span;
use std::borrow::Cow;

/// A block's text segments. Most blocks are one line: their segment is kept
/// without allocating.
pub(super) enum Segments<'a> {
    One(Segment<'a>),
    Many(Vec<Segment<'a>>),
}

impl<'a> Segments<'a> {
    fn into_vec(self) -> Vec<Segment<'a>> {
        match self {
            Segments::One(seg) => vec![seg],
            Segments::Many(segs) => segs,
        }
    }
}

impl<'a> std::ops::Deref for Segments<'a> {
    type Target = [Segment<'a>];

    fn deref(&self) -> &[Segment<'a>] {
        match self {
            Segments::One(seg) => std::slice::from_ref(seg),
            Segments::Many(segs) => segs,
        }
    }
}

/// The lines of a block as text segments: markers stripped, blank lines skipped.
pub(super) fn segments<'a>(lines: &[Line<'a>], block: &RawBlock) -> Segments<'a> {
    let block_lines = &lines[block.lines.clone()];
    if let [line] = block_lines {
        return match segment(block, 0, line) {
            Some(seg) => Segments::One(seg),
            None => Segments::Many(Vec::new()),
        };
    }
    let mut out = Vec::with_capacity(block_lines.len());
    for (n, line) in block_lines.iter().enumerate() {
        out.extend(segment(block, n, line));
    }
    Segments::Many(out)
}

/// Line `n` of `block` as a segment, unless it holds no text.
fn segment<'a>(block: &RawBlock, n: usize, line: &Line<'a>) -> Option<Segment<'a>> {
    // Only the markers that made the block what it is are stripped: an
    // item's own marker, `>` in a quote, `#` in a heading. Elsewhere a
    // marker-shaped start ("2017.", "I. M. Pei", "— and") is text.
    let text = match (block.kind, line.kind) {
        (RawKind::Heading { .. }, LineKind::Underline { .. }) => return None,
        (RawKind::Item { .. }, _) if n == 0 => line.content(),
        (RawKind::Quote { .. }, LineKind::Quoted { .. })
        | (RawKind::Heading { .. }, LineKind::Atx { .. }) => line.content(),
        _ => line.text,
    };
    (!text.is_empty()).then(|| Segment::new(text, line.end() - text.len()))
}

pub(super) fn paragraph<'a>(lines: &[Line<'a>], block: &RawBlock) -> Paragraph<'a> {
    let r = inline::render(&segments(lines, block));
    Paragraph {
        text: r.text,
        quotations: r.quotations,
        links: r.links,
        formulas: r.formulas,
        span: block.span(lines),
    }
}

pub(super) fn heading<'a>(lines: &[Line<'a>], block: &RawBlock, level: u8) -> Heading<'a> {
    let text = inline::text(&segments(lines, block));
    Heading {
        level,
        text: match unpadded_bracket(&text) {
            Some(closed) => Cow::Owned(closed),
            None => text,
        },
        span: block.span(lines),
    }
}

/// A heading ending in a space-padded bracket group (`Examples [ edit ]`)
/// with it closed up (`Examples[edit]`): inscriptis pads inline elements with
/// spaces, so a wiki's section-edit link arrives padded inside and out.
fn unpadded_bracket(text: &str) -> Option<String> {
    let inner_end = text.strip_suffix(" ]")?;
    let open = inner_end.rfind(" [ ")?;
    let inner = &inner_end[open + 3..];
    let words = inner.split_whitespace().count();
    if !(1..=3).contains(&words) || inner.contains(['[', ']']) || open == 0 {
        return None;
    }
    Some(format!("{}[{}]", &text[..open], inner))
}

pub(super) fn preformatted<'a>(
    input: &'a str,
    lines: &[Line<'a>],
    block: &RawBlock,
) -> Preformatted<'a> {
    let span = block.span(lines);
    let text = input.get(span.range()).unwrap_or("");
    Preformatted {
        text: Cow::Borrowed(text),
        span,
    }
}

pub(super) fn quote<'a>(lines: &[Line<'a>], block: &RawBlock, style: QuoteStyle) -> Quote<'a> {
    let mut segs = segments(lines, block).into_vec();
    let mut attribution = block.attribution().map(|i| attribution_of(&lines[i]));
    if style == QuoteStyle::Prefixed {
        // "> — Name" as the last quoted line attributes the quote.
        if let Some(last) = segs.last() {
            if let Some(offset) = quotes::attribution(last.text) {
                if segs.len() > 1 && attribution.is_none() {
                    attribution = Some(Attribution {
                        name: Cow::Borrowed(&last.text[offset..]),
                        span: Span::new(last.start, last.start + last.text.len()),
                    });
                    segs.pop();
                }
            }
        }
    }
    if style == QuoteStyle::Marks {
        strip_marks(&mut segs);
    }
    Quote {
        text: inline::text(&segs),
        attribution,
        style,
        span: block.span(lines),
    }
}

fn attribution_of<'a>(line: &Line<'a>) -> Attribution<'a> {
    Attribution {
        name: Cow::Borrowed(line.content()),
        span: Span::new(line.start(), line.end()),
    }
}

/// Remove the opening mark from the first segment and the closing mark (and
/// punctuation after it) from the last.
fn strip_marks(segs: &mut [Segment<'_>]) {
    if let [only] = segs {
        if let Some(e) = quotes::enclosed(only.text) {
            let end = only.text.len() - e.close;
            *only = Segment::new(&only.text[e.open..end.max(e.open)], only.start + e.open);
        }
        return;
    }
    if let Some(first) = segs.first_mut() {
        if let Some(c) = first.text.chars().next() {
            let n = c.len_utf8();
            *first = Segment::new(first.text[n..].trim_start(), first.start + n);
        }
    }
    if let Some(last) = segs.last_mut() {
        let t = last
            .text
            .trim_end_matches(['.', ','])
            .trim_end_matches(quotes::is_closer)
            .trim_end();
        *last = Segment::new(t, last.start);
    }
}

/// A list still taking items: its items are the shared stack's from `start`.
struct OpenList {
    ordered: bool,
    start: usize,
    span: Span,
}

/// Consecutive item blocks as one or more lists, nested by depth. A change
/// between bullets and numbers at the outer level starts a new list.
pub(super) fn lists<'a>(lines: &[Line<'a>], items: &[RawBlock], out: &mut Vec<Block<'a>>) {
    let mut open: Vec<OpenList> = Vec::new();
    // The items of every open list, outer lists' first. A list takes its
    // items when it closes, in a vector of exactly their number: one
    // allocation, where pushing to its own grew it step by step and
    // shrinking it to fit moved it once more.
    let mut stacked: Vec<ListItem<'a>> = Vec::with_capacity(items.len());
    for block in items {
        let RawKind::Item { depth, ordered } = block.kind else {
            continue;
        };
        let depth = (depth as usize).min(open.len());
        while open.len() > depth + 1 {
            close_level(&mut open, &mut stacked, out);
        }
        if depth == 0 && open.first().is_some_and(|l| l.ordered != ordered) {
            close_level(&mut open, &mut stacked, out);
        }
        if open.len() < depth + 1 {
            open.push(OpenList {
                ordered,
                start: stacked.len(),
                span: block.span(lines),
            });
        }
        let item = item(lines, block);
        if let Some(list) = open.last_mut() {
            list.span = list.span.cover(item.span);
            stacked.push(item);
        }
    }
    while !open.is_empty() {
        close_level(&mut open, &mut stacked, out);
    }
}

/// Close the innermost list: attach it to its parent's last item, or emit it.
fn close_level<'a>(
    open: &mut Vec<OpenList>,
    stacked: &mut Vec<ListItem<'a>>,
    out: &mut Vec<Block<'a>>,
) {
    let Some(closing) = open.pop() else { return };
    let list = List {
        ordered: closing.ordered,
        items: take_items(stacked, closing.start),
        span: closing.span,
    };
    match open.last_mut() {
        Some(parent) => {
            parent.span = parent.span.cover(list.span);
            // The parent's items end where the closed list's began.
            let parent_last = stacked.len().checked_sub(1).filter(|&i| i >= parent.start);
            if let Some(last) = parent_last.and_then(|i| stacked.get_mut(i)) {
                last.span = last.span.cover(list.span);
                last.children.push(list);
            }
        }
        None => out.push(Block::List(list)),
    }
}

/// The items of `stacked` from `start` on, taken out in a vector of exactly
/// their number. Items are large and were moved one by one: the vector is
/// taken whole when it holds just them and is full (a run of items with no
/// nesting, the usual list), and they are copied out at once otherwise.
fn take_items<T>(stacked: &mut Vec<T>, start: usize) -> Vec<T> {
    if start == 0 && stacked.len() == stacked.capacity() {
        std::mem::take(stacked)
    } else if start > 0 && start <= stacked.len() {
        stacked.split_off(start)
    } else if start == 0 {
        let mut items = Vec::with_capacity(stacked.len());
        items.append(stacked);
        items
    } else {
        Vec::new()
    }
}

fn item<'a>(lines: &[Line<'a>], block: &RawBlock) -> ListItem<'a> {
    let first = &lines[block.lines.start];
    let marker = trim_marker_end(&first.text[..first.text.len() - first.content().len()]);
    let mut segs = segments(lines, block);
    // An image's placeholder on the marker's line over the item's title
    // and its text ("* Screenshot⏎WebIDE⏎Develop, deploy…") is the item's
    // picture, not its text: it leaves the text as an image inside a
    // paragraph does, and stays in the item's span (boilerplate spans lie
    // outside the body's). Over a description alone ("1. Photo⏎Takes a
    // still picture…") the word is the item's term, and stays.
    let titled = |segs: &[Segment<'_>]| {
        segs.len() >= 3
            && !blocks::ends_sentence(segs[1].text)
            && segs[1]
                .text
                .split_whitespace()
                .nth(PICTURE_TITLE_WORDS)
                .is_none()
            && !segs[1].text.starts_with(char::is_lowercase)
    };
    let picture = block.lines.len() > 2
        && boilerplate::boilerplate(first.content()) == Some(BoilerplateKind::Image)
        && titled(&segs);
    if picture {
        let mut rest = segs.into_vec();
        rest.remove(0);
        segs = Segments::Many(rest);
    }
    let mut r = inline::render(&segs);
    if !r.formulas.is_empty() && crate::trim::trim(&r.text).is_empty() {
        // An item that is nothing but a formula is that formula: an item
        // has no other place to show it.
        r.text = inline::text(&segs);
        r.formulas = Vec::new();
    }
    let lead = lead_of(&r.text);
    ListItem {
        marker: Cow::Borrowed(marker),
        lead,
        text: r.text,
        quotations: r.quotations,
        links: r.links,
        formulas: r.formulas,
        children: Vec::new(),
        span: block.span(lines),
    }
}

/// `marker.trim_end()`, with the spaces after a marker dropped byte by byte
/// rather than decoded as characters: what is left most often ends in ASCII
/// (`1.`, `*`, `(a)`), where the trim stops at one look.
fn trim_marker_end(marker: &str) -> &str {
    let spaces = marker
        .bytes()
        .rev()
        .take_while(|&b| b.is_ascii() && char::from(b).is_whitespace())
        .count();
    crate::trim::trim_end(&marker[..marker.len() - spaces])
}

/// Most words in the title under an item's picture.
const PICTURE_TITLE_WORDS: usize = 8;

/// Most words in a list item's lead phrase.
const MAX_LEAD_WORDS: usize = 8;
/// What ends a lead phrase.
const LEAD_SEPARATORS: [&str; 4] = [" — ", " – ", ": ", " - "];

/// "Gradual De-escalation — Both sides…" leads with "Gradual De-escalation":
/// a short phrase (up to 8 words, no sentence end) before a dash or colon.
fn lead_of<'a>(text: &Cow<'a, str>) -> Option<Cow<'a, str>> {
    let cut = first_separator(text.as_bytes())?;
    let lead = text[..cut].trim();
    // Words past the ninth need no counting: nine are too many.
    let words = lead.split_whitespace().take(MAX_LEAD_WORDS + 1).count();
    let rest = text[cut..].trim_start_matches([' ', '—', '–', ':', '-']);
    if lead.is_empty()
        || words > MAX_LEAD_WORDS
        || lead.ends_with(['.', '!', '?', ','])
        || rest.trim().is_empty()
        || opens_unclosed(lead)
    {
        return None;
    }
    // The lead is trimmed: borrow it from where it starts, not from 0.
    let start = cut - text[..cut].trim_start().len();
    Some(match text {
        Cow::Borrowed(t) => match t.get(start..start + lead.len()) {
            Some(borrowed) => Cow::Borrowed(borrowed),
            None => Cow::Owned(lead.to_owned()),
        },
        Cow::Owned(_) => Cow::Owned(lead.to_owned()),
    })
}

/// Where the first of [`LEAD_SEPARATORS`] starts. Each holds a `:`, a `-` or
/// a dash's lead byte (0xE2) at its start or just after it, so only those
/// bytes are searched for, not every space. Found in order, each gives the
/// earliest separator it can belong to: the first that does is the first.
fn first_separator(bytes: &[u8]) -> Option<usize> {
    // Many items are a word or two: testing their one or two words at once
    // costs less than setting up a vectorized search.
    if bytes.len() < SHORT_ITEM {
        return short_first_separator(bytes);
    }
    memchr::memchr3_iter(b':', b'-', 0xE2, bytes).find_map(|key| separator_at(bytes, key))
}

/// [`first_separator`] of a short text, read a word at a time: its whole
/// eight-byte words, then its last eight bytes (or all, zero-padded), of
/// which only those past the whole words count.
fn short_first_separator(bytes: &[u8]) -> Option<usize> {
    let in_word = |flags: u64, base: usize| {
        let mut flags = flags;
        while flags != 0 {
            let key = base + flags.trailing_zeros() as usize / 8;
            flags &= flags - 1;
            if let Some(start) = separator_at(bytes, key) {
                return Some(start);
            }
        }
        None
    };
    let words = bytes.chunks_exact(8);
    let tail_len = words.remainder().len();
    for (n, word) in words.enumerate() {
        if let Some(start) = in_word(key_bytes(word_at(word)), 8 * n) {
            return Some(start);
        }
    }
    if tail_len == 0 {
        return None;
    }
    match bytes.len().checked_sub(8) {
        Some(from) => {
            // Bytes of the last word that the whole words held are dropped.
            let past_words = u64::MAX << (8 * (8 - tail_len));
            in_word(key_bytes(word_at(&bytes[from..])) & past_words, from)
        }
        None => {
            let word = bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b));
            in_word(key_bytes(word), 0)
        }
    }
}

/// The bytes of `w` that a lead separator holds at or next to its start:
/// `:`, `-` and a dash's lead byte (0xE2).
fn key_bytes(w: u64) -> u64 {
    equal_bytes(w, b':') | equal_bytes(w, b'-') | equal_bytes(w, 0xE2)
}

/// Texts shorter than this are searched for a separator a word at a time
/// (at 32 bytes the vectorized search costs as much, past it less).
const SHORT_ITEM: usize = 16;

/// Where the separator that the key byte at `key` belongs to starts, if it
/// belongs to one.
fn separator_at(bytes: &[u8], key: usize) -> Option<usize> {
    let start = match bytes[key] {
        b':' => key,
        _ => key.checked_sub(1)?,
    };
    let rest = bytes.get(start..)?;
    LEAD_SEPARATORS
        .iter()
        .any(|sep| rest.starts_with(sep.as_bytes()))
        .then_some(start)
}

/// A quotation or parenthesis opened and not closed: the separator sits
/// inside it (`"Keepers and their logs: a history"`), so it ends no lead.
fn opens_unclosed(lead: &str) -> bool {
    let count = |c: char| lead.matches(c).count();
    count('"') % 2 == 1 || count('“') > count('”') || count('(') > count(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_taken_as_a_drain_takes_them_and_in_no_more_room() {
        for (len, capacity) in [(0, 0), (0, 4), (3, 3), (3, 8), (6, 6), (6, 9)] {
            for start in 0..=len {
                let mut stacked: Vec<usize> = Vec::with_capacity(capacity);
                stacked.extend(0..len);
                let mut reference = stacked.clone();
                let expected: Vec<usize> = reference.drain(start..).collect();
                let taken = take_items(&mut stacked, start);
                assert_eq!((&taken, &stacked), (&expected, &reference));
                assert_eq!(taken.capacity(), taken.len(), "{len} {capacity} {start}");
            }
        }
    }

    #[test]
    fn markers_trimmed_as_strings_are() {
        for marker in [
            "",
            "* ",
            "1.",
            "1.\t ",
            "(a)\u{a0}",
            "• ",
            "•\u{a0} ",
            " ",
            "\u{3000}",
            "-\x0b",
        ] {
            assert_eq!(trim_marker_end(marker), marker.trim_end(), "{marker:?}");
        }
    }

    #[test]
    fn padded_brackets_close_up() {
        assert_eq!(
            unpadded_bracket("See also [ edit ]").as_deref(),
            Some("See also[edit]")
        );
        assert_eq!(
            unpadded_bracket("Notes [ a b ]").as_deref(),
            Some("Notes[a b]")
        );
        assert_eq!(unpadded_bracket("See also[edit]"), None);
        assert_eq!(unpadded_bracket("[ edit ]"), None);
        assert_eq!(unpadded_bracket("A [ ]"), None);
        assert_eq!(unpadded_bracket("A [ one two three four ]"), None);
    }

    #[test]
    fn first_separator_as_every_position_finds_it() {
        let naive = |text: &str| {
            (0..text.len()).find(|&i| {
                LEAD_SEPARATORS
                    .iter()
                    .any(|sep| text.as_bytes()[i..].starts_with(sep.as_bytes()))
            })
        };
        let pieces = [
            "a", " ", ":", "-", "—", "–", " — ", " – ", ": ", " - ", "é", "::", "--", "—:",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    // Short texts are read as words (at every length and
                    // alignment), long ones searched.
                    for pad in ["", "a", "abc", "abcdefg", "a long word to start with"] {
                        let text = format!("{pad}{a}{b}{c}");
                        assert_eq!(first_separator(text.as_bytes()), naive(&text), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn leads() {
        let t = Cow::Borrowed("Gradual De-escalation — Both sides use it. More.");
        assert_eq!(lead_of(&t).as_deref(), Some("Gradual De-escalation"));
        let t = Cow::Borrowed("Speed: faster than before");
        assert_eq!(lead_of(&t).as_deref(), Some("Speed"));
        // A lead after leading whitespace is borrowed from where it starts.
        let t = Cow::Borrowed("\u{3000}Lead — body text");
        assert_eq!(lead_of(&t).as_deref(), Some("Lead"));
        let t = Cow::Borrowed("A ceasefire along the current line of contact");
        assert_eq!(lead_of(&t), None);
        // A separator inside a quoted title or a parenthesis ends no lead.
        let t = Cow::Borrowed("Moss (2010) \"Keepers: a history\". Harbour History.");
        assert_eq!(lead_of(&t), None);
        let t = Cow::Borrowed("Tide tables (see notes: below) list it");
        assert_eq!(lead_of(&t), None);
        let t = Cow::Borrowed("This is a whole sentence that runs on and on before: a colon");
        assert_eq!(lead_of(&t), None);
        // The separator may open the ninth word, and may follow a long lead.
        let t = Cow::Borrowed("one two three four five six seven eight : rest");
        assert_eq!(
            lead_of(&t).as_deref(),
            Some("one two three four five six seven eight")
        );
        let t = Cow::Borrowed("one two three four five six seven eight nine — rest");
        assert_eq!(lead_of(&t), None);
        let t = Cow::Borrowed("one two three four five six seven eight — rest");
        assert_eq!(
            lead_of(&t).as_deref(),
            Some("one two three four five six seven eight")
        );
        let t = Cow::Borrowed("one two three four five six seven eight nine ten — rest");
        assert_eq!(lead_of(&t), None);
    }
}
