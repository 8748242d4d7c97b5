//! Stage 4: the text of a block as a reader sees it.
//!
//! Hard-wrapped lines are joined with one space, whitespace runs collapse,
//! Markdown inline markup left by converters (`[text](url)`, `**strong**`,
//! `_em_`, `` `code` ``, `![alt](src)`) is removed, and quotations and links
//! are found with their spans. TeX formulas (`{\displaystyle …}`) are taken
//! out of paragraph and item text and kept apart. A block of one line that needs none of this is
//! borrowed from the input, not copied.

use crate::model::{Formula, Link, Quotation};
use crate::scan::formula::{self, Reach};
use crate::scan::quotes;
use crate::span::Span;
use std::borrow::Cow;

/// One line's contribution to a block: its text and that text's offset.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl<'a> Segment<'a> {
    pub(crate) fn new(text: &'a str, start: usize) -> Self {
        Segment { text, start }
    }

    fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }
}

/// A block's text and what was found inside it.
#[derive(Debug, Default)]
pub(crate) struct Rendered<'a> {
    pub text: Cow<'a, str>,
    pub quotations: Vec<Quotation<'a>>,
    pub links: Vec<Link<'a>>,
    pub formulas: Vec<Formula<'a>>,
}

/// What [`join`] collects besides the text. Formulas are only taken out of
/// the text where they are collected: elsewhere (a heading's text) they stay.
struct Found<'a> {
    links: Vec<Link<'a>>,
    formulas: Vec<Formula<'a>>,
    /// Bytes formula matching may still read: twice the text, so that text
    /// full of unclosed openers stays linear.
    formula_budget: usize,
    /// Bit `n` set: segment `n` (of the first 64) holds no byte a quotation
    /// mark starts with, as joining read its bytes anyway. The quotation
    /// search skips those segments instead of searching them again.
    without_marks: u64,
}

impl Found<'_> {
    fn for_segments(segments: &[Segment<'_>]) -> Self {
        let bytes: usize = segments.iter().map(|s| s.text.len()).sum();
        Found {
            links: Vec::new(),
            formulas: Vec::new(),
            formula_budget: 2 * bytes,
            without_marks: 0,
        }
    }
}

/// Longest `[text]` and `(url)` looked for: bounds the work per `[` so that
/// text full of brackets stays linear.
const MAX_LINK_TEXT: usize = 400;
const MAX_URL: usize = 2048;

/// Render the segments: joined text, quotations and links.
pub(crate) fn render<'a>(segments: &[Segment<'a>]) -> Rendered<'a> {
    // Most blocks are one line that needs no rewrite: its text is borrowed,
    // it holds no link or formula (markup needs a rewrite), and most often
    // no quotation mark either. Such a block is answered here, without the
    // bookkeeping that joining lines and collecting finds take.
    let only_flags = match segments {
        [only] => {
            let flags = PairFlags::of(only.text.as_bytes());
            if !flags_need_rewrite(&flags, only.text) {
                let quotations = match flags.mark_lead {
                    true => kept_quotations(segments, 0),
                    false => Vec::new(),
                };
                return Rendered {
                    text: Cow::Borrowed(only.text),
                    quotations,
                    ..Rendered::default()
                };
            }
            Some(flags)
        }
        _ => None,
    };
    let mut found = Found::for_segments(segments);
    let text = join_read(segments, only_flags, Some(&mut found));
    let Found {
        mut links,
        mut formulas,
        without_marks,
        ..
    } = found;
    // Kept in the article: no room to grow (a first push reserves four).
    links.shrink_to_fit();
    formulas.shrink_to_fit();
    Rendered {
        text,
        quotations: kept_quotations(segments, without_marks),
        links,
        formulas,
    }
}

/// [`quotations`], in a vector with no room to grow: it is kept in the
/// article.
fn kept_quotations<'a>(segments: &[Segment<'a>], without_marks: u64) -> Vec<Quotation<'a>> {
    let mut found = quotations(segments, without_marks);
    found.shrink_to_fit();
    found
}

/// Push onto a vector the article keeps (it is shrunk to fit afterwards).
/// Most blocks hold one link or quotation, if any: the first push makes
/// room for exactly one, so that shrinking has nothing to give back, where
/// a first push of four would be allocated and then moved.
fn push_kept<T>(kept: &mut Vec<T>, item: T) {
    if kept.capacity() == 0 {
        kept.reserve_exact(1);
    }
    kept.push(item);
}

/// Render only the text.
pub(crate) fn text<'a>(segments: &[Segment<'a>]) -> Cow<'a, str> {
    join(segments, None)
}

/// Bytes that may need rewriting: markup, tabs, NBSP's lead byte, spaces
/// (runs, and padding before `.` and `,`).
#[cfg(test)]
fn needs_rewrite(text: &str) -> bool {
    flags_need_rewrite(&PairFlags::of(text.as_bytes()), text)
}

/// [`needs_rewrite`] with the flags of `text` already read.
fn flags_need_rewrite(flags: &PairFlags, text: &str) -> bool {
    if !flags.rewrite_or_caret {
        return false;
    }
    let bytes = text.as_bytes();
    let Some(first_caret) = memchr::memchr(b'^', bytes) else {
        return true;
    };
    // A `^` is looked at more closely only where one occurs, and the other
    // rewrites are told from it by reading the text again. That is seldom
    // needed: a `^` is rare outside of notes (`^[1]`), whose first `^`
    // settles it.
    memchr::memchr_iter(b'^', &bytes[first_caret..]).any(|i| {
        let i = first_caret + i;
        let before = i.checked_sub(1).map(|p| char::from(bytes[p]));
        is_superscript(before, &bytes[i..])
    }) || read_pairs::<RewriteLanes>(bytes).rewrite.iter().any(|&r| r)
}

/// What [`needs_rewrite`] reads from each byte and the one after it.
#[derive(Default)]
struct PairFlags {
    /// Markup (a backslash too), a tab, NBSP's lead byte, or a space before a
    /// space, `.` or `,`; or a `^`.
    rewrite_or_caret: bool,
    /// A byte that a quotation mark may start with (see [`mark_leads`]).
    mark_lead: bool,
}

/// Byte pairs read side by side: one SSE2 vector.
const PAIR_LANES: usize = 16;

/// Flags kept per lane while pairs are read, so that the loop ORs vectors
/// and tests them only once.
trait PairLanes: Default {
    fn add(&mut self, block: &[u8; PAIR_LANES], next: &[u8; PAIR_LANES]);
}

/// The pairs of `bytes` (each byte with the one after it, the last byte
/// with a zero) read in blocks of 16, in one branch-free pass that compiles
/// to vector compares. The last block overlaps the one before it (flags
/// only accumulate, so pairs read twice change nothing); a text of 16 bytes
/// or fewer is copied into a zero-padded block.
fn read_pairs<L: PairLanes>(bytes: &[u8]) -> L {
    let mut lanes = L::default();
    match bytes.len().checked_sub(PAIR_LANES) {
        Some(last_start) if last_start > 0 => {
            let nexts = bytes.get(1..).unwrap_or_default();
            for (block, next) in bytes
                .chunks_exact(PAIR_LANES)
                .zip(nexts.chunks_exact(PAIR_LANES))
            {
                if let (Ok(block), Ok(next)) = (block.try_into(), next.try_into()) {
                    lanes.add(block, next);
                }
            }
            // The pairs that the whole blocks left, in one block that ends
            // at the last byte, with a zero after it.
            let mut next = [0u8; PAIR_LANES];
            if let (Some(block), Some(rest)) =
                (bytes.get(last_start..), bytes.get(last_start + 1..))
            {
                next[..PAIR_LANES - 1].copy_from_slice(rest);
                if let Ok(block) = block.try_into() {
                    lanes.add(block, &next);
                }
            }
        }
        _ => {
            let packed = packed_short(bytes);
            lanes.add(&packed.to_le_bytes(), &(packed >> 8).to_le_bytes());
        }
    }
    lanes
}

/// `bytes` (16 or fewer) as a little-endian number, zero above them. Most
/// texts read are this short: they are read as two overlapping words (equal
/// bytes where they overlap) rather than copied into a padded block, which
/// costs a call to `memcpy`.
fn packed_short(bytes: &[u8]) -> u128 {
    let shift = |width: usize| 8 * (bytes.len() - width) as u32;
    if let (Some(head), Some(tail)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        let (head, tail) = (u64::from_le_bytes(*head), u64::from_le_bytes(*tail));
        u128::from(head) | u128::from(tail) << shift(8)
    } else if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let (head, tail) = (u32::from_le_bytes(*head), u32::from_le_bytes(*tail));
        u128::from(head) | u128::from(tail) << shift(4)
    } else if let (Some(head), Some(tail)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        let (head, tail) = (u16::from_le_bytes(*head), u16::from_le_bytes(*tail));
        u128::from(head) | u128::from(tail) << shift(2)
    } else {
        bytes.first().map_or(0, |&b| u128::from(b))
    }
}

/// A byte a quotation mark may start with (see [`mark_leads`]).
fn is_mark_lead(b: u8) -> bool {
    (b == b'"') | (b == 0xC2) | (b == 0xE2) | (b == 0xE3)
}

/// A space before a space, `.` or `,`.
fn is_padding(b: u8, after: u8) -> bool {
    (b == b' ') & ((after == b' ') | (after == b'.') | (after == b','))
}

/// Bytes that need a rewrite (markup, a backslash too, a tab, NBSP's lead
/// byte), or a space before a space, `.` or `,`.
fn is_rewritten(b: u8, after: u8) -> bool {
    let marks = (b == b'[') | (b == b'*') | (b == b'_') | (b == b'`') | (b == b'\\');
    let blanks = (b == b'\t') | (b == 0xC2);
    marks | blanks | is_padding(b, after)
}

/// [`is_rewritten`] or a `^`, with fewer compares: the six bytes from `[`
/// to `` ` `` are one range, and `]` is taken out of it.
fn is_rewritten_or_caret(b: u8, after: u8) -> bool {
    let bracket_to_backtick = (b.wrapping_sub(b'[') <= b'`' - b'[') & (b != b']');
    let others = (b == b'*') | (b == b'\t') | (b == 0xC2);
    bracket_to_backtick | others | is_padding(b, after)
}

/// The rewrite flag alone.
#[derive(Default)]
struct RewriteLanes {
    rewrite: [bool; PAIR_LANES],
}

impl PairLanes for RewriteLanes {
    fn add(&mut self, block: &[u8; PAIR_LANES], next: &[u8; PAIR_LANES]) {
        for lane in 0..PAIR_LANES {
            self.rewrite[lane] |= is_rewritten(block[lane], next[lane]);
        }
    }
}

/// The flags of [`PairFlags`].
#[derive(Default)]
struct FlagLanes {
    rewrite_or_caret: [bool; PAIR_LANES],
    mark_lead: [bool; PAIR_LANES],
}

impl PairLanes for FlagLanes {
    fn add(&mut self, block: &[u8; PAIR_LANES], next: &[u8; PAIR_LANES]) {
        for lane in 0..PAIR_LANES {
            let (b, after) = (block[lane], next[lane]);
            self.rewrite_or_caret[lane] |= is_rewritten_or_caret(b, after);
            self.mark_lead[lane] |= is_mark_lead(b);
        }
    }
}

impl PairFlags {
    fn of(bytes: &[u8]) -> PairFlags {
        let lanes: FlagLanes = read_pairs(bytes);
        PairFlags {
            rewrite_or_caret: lanes.rewrite_or_caret.iter().any(|&r| r),
            mark_lead: lanes.mark_lead.iter().any(|&m| m),
        }
    }
}

/// [`strip_markup`] would copy this segment as it is, after a joining
/// space: it needs no rewrite, holds no `^` (whose superscript test reads
/// the character before it, which [`needs_rewrite`] only approximates),
/// and does not open with a space, `.` or `,` (which the joining space
/// before it would collapse with or be dropped for).
fn copies_unchanged(text: &str, flags: &PairFlags) -> bool {
    // (No `^` at all: then `needs_rewrite` would say no more than the flags.)
    !text.starts_with([' ', '.', ',']) && !flags.rewrite_or_caret
}

/// Note in `found` that segment `n` holds no quotation mark's first byte,
/// if so.
fn note_marks(found: Option<&mut Found<'_>>, n: usize, flags: &PairFlags) {
    if let Some(found) = found {
        if !flags.mark_lead && n < 64 {
            found.without_marks |= 1 << n;
        }
    }
}

fn join<'a>(segments: &[Segment<'a>], found: Option<&mut Found<'a>>) -> Cow<'a, str> {
    join_read(segments, None, found)
}

/// [`join`], given the flags of a single segment if they were read already.
fn join_read<'a>(
    segments: &[Segment<'a>],
    only_flags: Option<PairFlags>,
    mut found: Option<&mut Found<'a>>,
) -> Cow<'a, str> {
    // A single segment that needs a rewrite is not copied unchanged: its
    // bytes are not read for that a second time.
    let may_copy_unchanged = match segments {
        [] => return Cow::Borrowed(""),
        [only] => {
            let flags = only_flags.unwrap_or_else(|| PairFlags::of(only.text.as_bytes()));
            note_marks(found.as_deref_mut(), 0, &flags);
            if !flags_need_rewrite(&flags, only.text) {
                return Cow::Borrowed(only.text);
            }
            false
        }
        _ => true,
    };
    let capacity = segments.iter().map(|s| s.text.len() + 1).sum();
    let mut out = String::with_capacity(capacity);
    // Where to go on: the next segment from its start, or the rest of a
    // later one after a formula that ended inside it.
    let (mut next, mut resume_at) = (0, 0);
    while let Some(seg) = segments.get(next) {
        if resume_at > 0 {
            let rest = Segment::new(&seg.text[resume_at..], seg.start + resume_at);
            let jump = strip_markup(&rest, &segments[next + 1..], &mut out, found.as_deref_mut());
            (next, resume_at) = jump.map_or((next + 1, 0), |j| (next + 1 + j.segment, j.offset));
            continue;
        }
        next += 1;
        if seg.text.is_empty() {
            continue;
        }
        if !out.is_empty() && !out.ends_with(' ') {
            let joins_cjk = out.chars().next_back().is_some_and(is_cjk)
                && seg.text.chars().next().is_some_and(is_cjk);
            if !joins_cjk && !wrapped_inside_token(&out, seg.text) {
                out.push(' ');
            }
            // A superscript's `^` wrapped away from its mark (`other.^⏎[27]`).
            if out.ends_with('^') && seg.text.starts_with(['[', '(']) {
                out.pop();
            }
        }
        let copies = may_copy_unchanged && {
            let flags = PairFlags::of(seg.text.as_bytes());
            note_marks(found.as_deref_mut(), next - 1, &flags);
            copies_unchanged(seg.text, &flags)
        };
        if copies {
            out.push_str(seg.text);
        } else if let Some(jump) =
            strip_markup(seg, &segments[next..], &mut out, found.as_deref_mut())
        {
            (next, resume_at) = (next + jump.segment, jump.offset);
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    Cow::Owned(out)
}

/// A character that Markdown writers escape with a backslash: markup
/// characters, and a stop after a number (`89\.`, lest it open a list).
/// Paths keep their backslashes (`\\server\share`, `..\logs`).
fn markdown_escape(c: char, before: Option<char>) -> bool {
    const MARKUP: &str = "*_`[]#>!()+-|~{}";
    MARKUP.contains(c) || (c == '.' && before.is_some_and(|b| b.is_ascii_digit()))
}

/// w3m wraps long tokens at punctuation ("doi⏎:10.1016", "10.1073/⏎pnas",
/// "Otago⏎.^[159]", "justice⏎—were"), so no space goes between when:
/// - the line starts with `:` `;` `,` `)`, a superscript `^`, a stop before
///   a note mark (`.^[`, `.[`), or an unspaced dash (`—were`);
/// - the line before ends with a `/` or an unspaced dash glued to a word, or
///   with something that opens the next word: a quotation mark (`the
///   informal "⏎Kiwi"`), a bracket, a superscript `^`.
fn wrapped_inside_token(before: &str, next: &str) -> bool {
    let starts_glued = next.starts_with([':', ';', ',', ')', '^'])
        || next.starts_with(".^")
        || next.starts_with(".[")
        || (next.starts_with(['—', '–']) && next.chars().nth(1) != Some(' '));
    let glued_end = |mark: char| {
        before.ends_with(mark)
            && before[..before.len() - mark.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace())
    };
    let opens = before.ends_with(" \"") || before.ends_with(['“', '„', '(', '[', '^']);
    // After a `/`, only a path goes on ("10.1073/⏎pnas.1015"); a word after
    // an address ("https://example.org/⏎for anyone") is a new word.
    let path_goes_on = || {
        let word = next.split(' ').next().unwrap_or_default().as_bytes();
        word.iter()
            .any(|&b| matches!(b, b'.' | b'/' | b'-' | b'_') || b.is_ascii_digit())
    };
    starts_glued || glued_end('/') && path_goes_on() || glued_end('—') || opens
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0xAC00..=0xD7AF)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

/// Whether [`strip_markup`] must decide on byte `b`, given the byte before
/// it (a space at the start of a run): markup (a formula's `{` too), a tab,
/// the lead byte of NBSP
/// and of the soft hyphen; or a space, `.` or `,` after a space (where a
/// space collapses or a padded stop closes up). Every other byte is copied
/// unchanged. Branch-free, so that a block of bytes compiles to vector
/// compares.
fn stops_run(b: u8, before: u8) -> bool {
    let markup = (b == b'!')
        | (b == b'[')
        | (b == b'*')
        | (b == b'_')
        | (b == b'`')
        | (b == b'\t')
        | (b == b'^')
        | (b == b'\\')
        | (b == b'{')
        | (b == 0xC2);
    let spacing = (b == b' ') | (b == b'.') | (b == b',');
    markup | (spacing & (before == b' '))
}

/// Bytes of a plain run tested side by side: one SSE2 vector.
const RUN_LANES: usize = 16;

/// Length of the run at the start of `bytes` that [`strip_markup`] copies
/// unchanged: up to the first byte [`stops_run`] stops at. `before` is the
/// byte the output ends with (a space for an empty output, where a space
/// is dropped): what a space, `.` or `,` opening the run follows.
fn plain_run(bytes: &[u8], before: u8) -> usize {
    match bytes.first() {
        Some(&first) if !stops_run(first, before) => {}
        _ => return 0,
    }
    let mut end = 1;
    // Whole blocks, each with the bytes before it. A lane holds 1 where the
    // run stops: read as one little-endian number, the first such lane is
    // its lowest set byte.
    while let (Some(block), Some(before)) = (
        bytes.get(end..end + RUN_LANES),
        bytes.get(end - 1..end - 1 + RUN_LANES),
    ) {
        let mut stops = [0u8; RUN_LANES];
        for ((stop, &b), &before) in stops.iter_mut().zip(block).zip(before) {
            *stop = u8::from(stops_run(b, before));
        }
        let stops = u128::from_le_bytes(stops);
        if stops != 0 {
            return end + (stops.trailing_zeros() / 8) as usize;
        }
        end += RUN_LANES;
    }
    while let Some(&b) = bytes.get(end) {
        if stops_run(b, bytes[end - 1]) {
            break;
        }
        end += 1;
    }
    end
}

/// Where [`join`] goes on after a formula that ends in a later segment: that
/// segment (counted from the one after the current), past the formula.
struct Jump {
    segment: usize,
    offset: usize,
}

/// Copy one segment's text into `out`, dropping markup and collapsing
/// spaces. A formula wrapped into the `following` segments is taken out
/// whole: the jump past it is returned, and the rest of this segment is not
/// looked at.
fn strip_markup<'a>(
    seg: &Segment<'a>,
    following: &[Segment<'a>],
    out: &mut String,
    mut found: Option<&mut Found<'a>>,
) -> Option<Jump> {
    let text = seg.text;
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < text.len() {
        // Most text is copied as it is: take a run of bytes that need no
        // decision in one step. It ends before an ASCII byte or a lead byte,
        // so on a char boundary. Whether a space or stop opening it is
        // copied as it is depends on what the output ends with, not on the
        // text before it (markup may have been dropped in between).
        let out_ends_with = out.as_bytes().last().map_or(b' ', |&b| b);
        let plain = plain_run(&text.as_bytes()[i..], out_ends_with);
        if plain > 0 {
            crate::work::tick(plain);
            let run = &text[i..i + plain];
            out.push_str(run);
            prev = run.chars().next_back();
            i += plain;
            continue;
        }
        crate::work::tick(1);
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        // A run of spaces after a space adds nothing (padded text).
        if out_ends_with == b' ' && c == ' ' {
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            prev = Some(' ');
            i += spaces;
            continue;
        }
        let next = rest[c.len_utf8()..].chars().next();
        match c {
            // A Markdown escape (`p. 89\.`, `\*`): the character, not the backslash.
            '\\' if next.is_some_and(|n| markdown_escape(n, prev)) => {
                if let Some(n) = next {
                    out.push(n);
                    prev = Some(n);
                    i += 1 + n.len_utf8();
                }
                continue;
            }
            '^' if is_superscript(prev, rest.as_bytes()) => {
                // Text browsers print a superscript as `^[1]`, `^a` (w3m) or
                // `^(H)` (pandoc): keep the superscript, drop its marker.
                if let Some(inner) = rest.strip_prefix("^(").and_then(|r| {
                    let window = &r.as_bytes()[..r.len().min(MAX_SUPERSCRIPT)];
                    window.iter().position(|&b| b == b')').map(|end| &r[..end])
                }) {
                    out.push_str(inner);
                    prev = inner.chars().next_back().or(prev);
                    i += 2 + inner.len() + 1;
                } else {
                    i += 1;
                }
                continue;
            }
            // (Not inside inline code: `{\displaystyle x}` is literal there.)
            '{' if found.is_some()
                && !text[..i].ends_with('`')
                && (formula::opens_formula(rest.as_bytes())
                    || following.first().is_some_and(|next| {
                        formula::opens_formula_across(rest.as_bytes(), next.text.as_bytes())
                    })) =>
            {
                let taken = found
                    .as_deref_mut()
                    .and_then(|found| formula_at(seg, i, following, &mut found.formula_budget));
                if let Some((taken, end)) = taken {
                    if let Some(found) = found.as_deref_mut() {
                        push_kept(&mut found.formulas, taken);
                    }
                    let after = match end {
                        FormulaEnd::Here(len) => {
                            i += len;
                            &text[i..]
                        }
                        FormulaEnd::Later(jump) => {
                            let later = &following[jump.segment].text[jump.offset..];
                            let closed = close_gap(out, later);
                            return Some(Jump {
                                offset: jump.offset + closed,
                                ..jump
                            });
                        }
                    };
                    i += close_gap(out, after);
                    continue;
                }
            }
            '!' if rest.starts_with("![") => {
                if let Some(link) = link_at(&rest[1..]) {
                    // An image inside text: its alt text is not prose.
                    i += 1 + link.len;
                    continue;
                }
            }
            '[' => {
                if let Some(link) = link_at(rest) {
                    let inner = Segment::new(&rest[1..1 + link.text_len], seg.start + i + 1);
                    let label = join(&[inner], None);
                    if !out.is_empty() && !out.ends_with(' ') && prev.is_some_and(is_space) {
                        out.push(' ');
                    }
                    out.push_str(&label);
                    if let Some(found) = found.as_deref_mut() {
                        let url_start = i + 1 + link.text_len + 2;
                        push_kept(
                            &mut found.links,
                            Link {
                                text: label,
                                url: Cow::Borrowed(&text[url_start..url_start + link.url_len]),
                                span: Span::new(seg.start + i, seg.start + i + link.len),
                            },
                        );
                    }
                    prev = Some(')');
                    i += link.len;
                    continue;
                }
            }
            '*' | '_' | '`' if is_emphasis(c, prev, rest) => {
                let run = rest.len() - rest.trim_start_matches(c).len();
                i += run;
                // "**Term** : text" reads "Term: text".
                let after = &text[i..];
                if !prev.is_some_and(is_space)
                    && after.starts_with(" ")
                    && after[1..].starts_with([':', ',', ';', '.'])
                {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        if is_space(c) {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if matches!(c, '.' | ',')
            && out.ends_with(' ')
            && next.is_none_or(|n| n.is_whitespace() || n == '"' || n == '”')
        {
            // Converters that pad inline elements write "word ." for "word.".
            out.pop();
            out.push(c);
        } else if c != '\u{ad}' {
            out.push(c);
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    None
}

/// Close up what a formula taken out leaves behind, returning the bytes of
/// `after` to skip: of two commas side by side ("its transpose, {…}, and")
/// the second goes; empty brackets ("the matrix ({…}) leaves") go both.
fn close_gap(out: &mut String, after: &str) -> usize {
    if out.trim_end().ends_with(',') && after.starts_with(',') {
        return 1;
    }
    if out.ends_with('(') && after.starts_with(')') {
        out.pop();
        return 1;
    }
    0
}

/// Where a formula ends: in its own segment, this many bytes on, or in a
/// later one.
enum FormulaEnd {
    Here(usize),
    Later(Jump),
}

/// The formula opening at byte `at` of `seg`, matched across the
/// `following` segments when it is wrapped, within [`formula::MAX_FORMULA`]
/// bytes and what is left of `budget` (which it spends). One that never
/// closes is left as text.
fn formula_at<'a>(
    seg: &Segment<'a>,
    at: usize,
    following: &[Segment<'a>],
    budget: &mut usize,
) -> Option<(Formula<'a>, FormulaEnd)> {
    let rest = &seg.text[at..];
    let limit = formula::MAX_FORMULA.min(*budget);
    let window = &rest.as_bytes()[..rest.len().min(limit)];
    *budget -= window.len();
    crate::work::tick(window.len());
    let mut depth = match formula::reach(window, 0) {
        Reach::Closes(len) if formula::spans_sentences(&rest[..len]) => return None,
        Reach::Closes(len) => {
            let taken = Formula {
                tex: Cow::Borrowed(&rest[..len]),
                span: Span::new(seg.start + at, seg.start + at + len),
            };
            return Some((taken, FormulaEnd::Here(len)));
        }
        Reach::Open(_) if window.len() < rest.len() => return None,
        Reach::Open(depth) => depth,
    };
    let mut scanned = rest.len();
    for (n, later) in following.iter().enumerate() {
        let left = limit.checked_sub(scanned)?.min(*budget);
        let bytes = later.text.as_bytes();
        let window = &bytes[..bytes.len().min(left)];
        *budget -= window.len();
        crate::work::tick(window.len());
        match formula::reach(window, depth) {
            Reach::Closes(len) => {
                // Lines joined with a space, but for a break after a
                // backslash, where w3m cut a command's name from it
                // (`{\⏎displaystyle`, `A^{\⏎mathsf`).
                let mut tex = String::from(rest);
                for part in following[..n]
                    .iter()
                    .map(|p| p.text)
                    .chain([&later.text[..len]])
                {
                    if !tex.ends_with('\\') {
                        tex.push(' ');
                    }
                    tex.push_str(part);
                }
                if formula::spans_sentences(&tex) {
                    return None;
                }
                let taken = Formula {
                    tex: Cow::Owned(tex),
                    span: Span::new(seg.start + at, later.start + len),
                };
                let jump = Jump {
                    segment: n,
                    offset: len,
                };
                return Some((taken, FormulaEnd::Later(jump)));
            }
            Reach::Open(_) if window.len() < bytes.len() => return None,
            Reach::Open(deeper) => depth = deeper,
        }
        scanned += bytes.len();
    }
    None
}

/// A `*`, `_` or backtick run that opens or closes emphasis or code: it has
/// text on one side and a space, punctuation or the line's edge on the other.
/// Inside a word (`snake_case`, `2*3`) it is kept.
fn is_emphasis(c: char, prev: Option<char>, rest: &str) -> bool {
    let after = rest.trim_start_matches(c).chars().next();
    if c == '`' {
        return true;
    }
    if in_file_name(c, rest) {
        return false;
    }
    let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
    let blank = |x: Option<char>| x.is_none_or(|x| x.is_whitespace());
    let opens = blank(prev) || (!word(prev) && !blank(after));
    let closes = blank(after) || (!word(after) && !blank(prev));
    (opens && !blank(after)) || (closes && !blank(prev)) && !(word(prev) && word(after))
}

/// The word starting at `rest` has `c` right before a `.` and a letter or
/// digit, as file names do (`__init__.py`, `*.txt`): there `_` and `*` are
/// part of the name, while `_Stuff.co.nz_` is still emphasis. Looks at most
/// one word of 64 bytes ahead.
fn in_file_name(c: char, rest: &str) -> bool {
    let bytes = &rest.as_bytes()[..rest.len().min(64)];
    let word = bytes
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(bytes, |end| &bytes[..end]);
    let mark = c as u8;
    word.windows(3)
        .any(|w| w[0] == mark && w[1] == b'.' && w[2].is_ascii_alphanumeric())
}

/// `[text](url)` at the start of `s`.
struct LinkAt {
    len: usize,
    text_len: usize,
    url_len: usize,
}

fn link_at(s: &str) -> Option<LinkAt> {
    link_at_nested(s, true)
}

/// `images`: step over an image inside the link text. Only the outer link
/// does, so `[![![![…` costs neither recursion nor more than one window.
fn link_at_nested(s: &str, images: bool) -> Option<LinkAt> {
    let body = s.strip_prefix('[')?;
    let bytes = body.as_bytes();
    let limit = bytes.len().min(MAX_LINK_TEXT);
    // The link text ends at `]`; an image inside it (`[![alt](src)](url)`,
    // as html2text writes linked images) is stepped over whole.
    let mut close = 0;
    loop {
        crate::work::tick(1);
        match bytes[..limit].get(close)? {
            b']' => break,
            b'[' => return None,
            b'!' if images && bytes.get(close + 1) == Some(&b'[') => {
                close += 1 + link_at_nested(&body[close + 1..], false).map(|l| l.len)?;
            }
            _ => close += 1,
        }
    }
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let url_part = &body[close + 2..];
    let url_window = &url_part.as_bytes()[..url_part.len().min(MAX_URL)];
    // The URL ends at a space or at the `)` that balances the link's `(`:
    // Wikipedia URLs hold parentheses ("…/Mercury_(planet)").
    let mut depth = 0usize;
    let url_len = url_window.iter().position(|&b| match b {
        b'(' => {
            depth += 1;
            false
        }
        b')' if depth > 0 => {
            depth -= 1;
            false
        }
        b')' | b' ' => true,
        _ => false,
    })?;
    // `(url "title")`: the title runs to its closing quote and `)`.
    let target_len = match url_window[url_len] {
        b')' => url_len,
        _ if url_window.get(url_len + 1) == Some(&b'"') => {
            let title = &url_window[url_len + 2..];
            let end = title.iter().position(|&b| b == b'"')?;
            if title.get(end + 1) != Some(&b')') {
                return None;
            }
            url_len + 2 + end + 1
        }
        _ => return None,
    };
    Some(LinkAt {
        len: 1 + close + 2 + target_len + 1,
        text_len: close,
        url_len,
    })
}

/// Longest `^(…)` superscript looked for.
const MAX_SUPERSCRIPT: usize = 40;

/// `^` glued to a bracket (`^[1]`, `^(H)`), to a word after a space (`^a`)
/// or to a digit after a letter (`km^2`) marks a superscript; any other `^`
/// is kept.
fn is_superscript(before: Option<char>, bytes: &[u8]) -> bool {
    // `2^10` and `a^b` are arithmetic; `^a` after a space is w3m's footnote
    // back-reference and `km^2` a unit's exponent.
    let after_space = before.is_none_or(char::is_whitespace);
    let after_letter = before.is_some_and(char::is_alphabetic);
    bytes.first() == Some(&b'^')
        && bytes.get(1).is_some_and(|&b| {
            b == b'['
                || b == b'('
                || (after_space && b.is_ascii_alphanumeric())
                || (after_letter && b.is_ascii_digit())
        })
}

/// Quotations in the segments, in one left-to-right pass: an opening mark
/// waits for its closing mark; a second opening mark of the same kind restarts
/// the wait, so unclosed marks cost nothing extra.
///
/// Bit `n` of `without_marks` set: segment `n` holds no quotation mark. It
/// is skipped as it would be read: as a text that ends in a space.
fn quotations<'a>(segments: &[Segment<'a>], without_marks: u64) -> Vec<Quotation<'a>> {
    let mut found = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let mut prev: Option<char> = None;
    for (n, seg) in segments.iter().enumerate() {
        let text = seg.text;
        if n < 64 && without_marks >> n & 1 == 1 {
            prev = Some(' ');
            continue;
        }
        // Only `"` and non-ASCII characters open or close a quotation: step
        // from one to the next. The character before each is read back from
        // the text (the segment's first sees the last segment's end as a space).
        let start_prev = prev;
        for i in mark_leads(text.as_bytes()) {
            crate::work::tick(1);
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            // Most characters with these lead bytes (dashes, bullets, NBSP,
            // box drawing) open and close nothing: step over them before
            // reading the characters around them.
            if !is_quotation_mark(c) {
                continue;
            }
            let from = i + c.len_utf8();
            let prev = match i {
                0 => start_prev,
                _ => text[..i].chars().next_back(),
            };
            let at = seg.start + i;
            let next = text[from..].chars().next();
            if let Some((opener, start)) = open {
                let closes = quotes::closers(opener).is_some_and(|cl| cl.contains(&c));
                let apostrophe = c == '’' && next.is_some_and(char::is_alphabetic);
                if closes
                    && !apostrophe
                    && (matches!(c, '»' | '›') || !prev.is_some_and(char::is_whitespace))
                {
                    let span = Span::new(start, at + c.len_utf8());
                    if let Some(q) = quotation(segments, span, opener.len_utf8(), c.len_utf8()) {
                        push_kept(&mut found, q);
                    }
                    open = None;
                    continue;
                }
            }
            if opens_quotation(c, prev, next) {
                // Keep the outer quotation open across inner ones of another kind.
                if open.is_none_or(|(o, _)| o == c) {
                    open = Some((c, at));
                }
            }
        }
        prev = Some(' ');
    }
    found
}

/// Where a quotation mark may start in `bytes`, in order: every mark is `"`
/// or starts with C2 (`«` `»`), E2 (`“` `”` `„` `‚` `‘` `’` `‹` `›`) or E3
/// (`「` `」` `『` `』`). Characters between them open and close nothing, so
/// they are skipped by vectorized searches rather than read one by one.
fn mark_leads(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut common = memchr::memchr3_iter(b'"', 0xC2, 0xE2, bytes).peekable();
    let mut cjk = memchr::memchr_iter(0xE3, bytes).peekable();
    std::iter::from_fn(move || match (common.peek(), cjk.peek()) {
        (Some(&a), Some(&b)) if b < a => cjk.next(),
        (Some(_), _) => common.next(),
        (None, _) => cjk.next(),
    })
}

/// A mark that opens or closes some quotation.
fn is_quotation_mark(c: char) -> bool {
    quotes::closers(c).is_some() || quotes::is_closer(c)
}

fn opens_quotation(c: char, prev: Option<char>, next: Option<char>) -> bool {
    quotes::closers(c).is_some()
        && !prev.is_some_and(char::is_alphanumeric)
        && next.is_some_and(|n| !n.is_whitespace() || matches!(c, '«' | '‹'))
}

fn quotation<'a>(
    segments: &[Segment<'a>],
    span: Span,
    open: usize,
    close: usize,
) -> Option<Quotation<'a>> {
    let inner = Span::new(span.start + open, span.end - close);
    // Only the segments the quotation overlaps: scanning all of them for
    // every quotation is quadratic in a long item full of quotations.
    let first = segments.partition_point(|s| s.span().end <= inner.start);
    let clipped: Vec<Segment<'a>> = segments[first..]
        .iter()
        .take_while(|s| s.start < inner.end)
        .filter_map(|s| {
            crate::work::tick(1);
            let sp = s.span();
            let (from, to) = (sp.start.max(inner.start), sp.end.min(inner.end));
            (from < to).then(|| Segment::new(&s.text[from - sp.start..to - sp.start], from))
        })
        .collect();
    let text = match join(&clipped, None) {
        Cow::Borrowed(t) => Cow::Borrowed(crate::trim::trim(t)),
        Cow::Owned(t) => Cow::Owned(crate::trim::trim(&t).to_owned()),
    };
    (!text.is_empty()).then_some(Quotation { text, span })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Vec<Segment<'_>> {
        vec![Segment::new(text, 0)]
    }

    #[test]
    fn borrows_plain_lines() {
        let r = render(&seg("Plain text, nothing to do."));
        assert!(matches!(r.text, Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_escapes_lose_their_backslash() {
        assert_eq!(
            render(&seg(r"Oxford. p. 89\. ISBN")).text,
            "Oxford. p. 89. ISBN"
        );
        assert_eq!(render(&seg(r"2\*3 and \[x\]")).text, "2*3 and [x]");
        assert_eq!(render(&seg(r"C:\Users\jane")).text, r"C:\Users\jane");
        assert_eq!(render(&seg(r"a \\ b")).text, r"a \\ b");
        assert_eq!(
            render(&seg(r"Map \\fileserver\shared, then open ..\..\logs")).text,
            r"Map \\fileserver\shared, then open ..\..\logs"
        );
    }

    #[test]
    fn closes_tokens_wrapped_at_punctuation() {
        // (line, next line, joined)
        let cases = [
            ("Ecology. doi", ":10.1016/x", "Ecology. doi:10.1016/x"),
            ("doi:10.1073/", "pnas.1015", "doi:10.1073/pnas.1015"),
            ("ABC-CLIO/", "Greenwood.", "ABC-CLIO/Greenwood."),
            (
                "at https://example.org/",
                "for anyone",
                "at https://example.org/ for anyone",
            ),
            ("either this /", "or that", "either this / or that"),
            (
                "Ranfurly, Otago",
                ".^[159] Then",
                "Ranfurly, Otago.[159] Then",
            ),
            (
                "without trees.",
                "^[173] Massive",
                "without trees.[173] Massive",
            ),
            (
                "and chief justice",
                "—were occupied",
                "and chief justice—were occupied",
            ),
            ("as I said —", "and more", "as I said — and more"),
            ("the informal \"", "Kiwi\" is", "the informal \"Kiwi\" is"),
            ("she said.\"", "Then", "she said.\" Then"),
            ("each other.^", "[27] At", "each other.[27] At"),
            (
                "global trends (",
                "modern art)",
                "global trends (modern art)",
            ),
            ("as follows:", "the end", "as follows: the end"),
        ];
        for (line, next, want) in cases {
            let segs = [Segment::new(line, 0), Segment::new(next, line.len() + 1)];
            assert_eq!(text(&segs), want, "{line:?} + {next:?}");
        }
    }

    #[test]
    fn joins_wrapped_lines() {
        let segs = [Segment::new("one two", 0), Segment::new("three", 8)];
        assert_eq!(text(&segs), "one two three");
        let cjk = [Segment::new("日本語の", 0), Segment::new("文章", 13)];
        assert_eq!(text(&cjk), "日本語の文章");
    }

    #[test]
    fn strips_markup() {
        assert_eq!(text(&seg("A **bold** and _em_ word")), "A bold and em word");
        assert_eq!(
            text(&seg("keep snake_case and 2*3")),
            "keep snake_case and 2*3"
        );
        assert_eq!(text(&seg("tabs\tand  \u{a0}spaces")), "tabs and spaces");
        assert_eq!(text(&seg("see ![a cat](cat.png) here")), "see here");
        assert_eq!(text(&seg("run `cargo test` now")), "run cargo test now");
        assert_eq!(text(&seg("**Term** : meaning")), "Term: meaning");
        assert_eq!(text(&seg("2^10 and a^b stay")), "2^10 and a^b stay");
        assert_eq!(text(&seg("268 km^2 total")), "268 km2 total");
        assert_eq!(
            text(&seg("edit __init__.py and *.txt files")),
            "edit __init__.py and *.txt files"
        );
        assert_eq!(
            text(&seg("occasions.^[1] AA^(H) = ^a ^b 2 ^ 3")),
            "occasions.[1] AAH = a b 2 ^ 3"
        );
        assert_eq!(
            text(&seg("padded word , and end .")),
            "padded word, and end."
        );
        assert_eq!(text(&seg("keep .5 and a ...")), "keep .5 and a ...");
    }

    #[test]
    fn plain_bytes_are_all_but_markup_and_space() {
        for b in 0..=u8::MAX {
            let markup = matches!(
                b,
                b'!' | b'[' | b'*' | b'_' | b'`' | b'\t' | b'^' | b'\\' | b'{' | 0xC2
            );
            let spacing = matches!(b, b' ' | b'.' | b',');
            assert_eq!(stops_run(b, b'a'), markup, "{b:#x}");
            assert_eq!(stops_run(b, b' '), markup || spacing, "{b:#x}");
        }
        assert_eq!(plain_run(b"ab cd  e", b' '), 6);
        assert_eq!(plain_run(b" ab", b' '), 0);
        assert_eq!(plain_run(b" ab", b'x'), 3);
        assert_eq!(plain_run(b"ab, c. d", b' '), 8);
        assert_eq!(plain_run(b"ab ,c", b' '), 3);
        assert_eq!(plain_run(b".ab", b' '), 0);
        assert_eq!(plain_run(b".ab", b'x'), 3);
        assert_eq!(plain_run(b"a*b", b' '), 1);
        // Across and after whole blocks, as byte by byte.
        for len in 0..50 {
            for stop in 0..len {
                for piece in [&b"  "[..], b" .", b"*", b"\xC2\xA0"] {
                    let mut text = vec![b'x'; len];
                    text.splice(stop..stop, piece.iter().copied());
                    let by_byte = (0..text.len())
                        .find(|&i| stops_run(text[i], i.checked_sub(1).map_or(b' ', |p| text[p])))
                        .unwrap_or(text.len());
                    assert_eq!(plain_run(&text, b' '), by_byte, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn short_texts_pack_as_padded_copies() {
        let text: Vec<u8> = (1..=16).collect();
        for len in 0..=16 {
            let mut padded = [0u8; 16];
            padded[..len].copy_from_slice(&text[..len]);
            assert_eq!(packed_short(&text[..len]), u128::from_le_bytes(padded));
        }
    }

    #[test]
    fn rewrite_test_finds_each_pattern() {
        // The patterns one at a time, as vectorized searches would find them.
        let by_search = |text: &str| {
            let bytes = text.as_bytes();
            memchr::memchr3(b'[', b'*', b'_', bytes).is_some()
                || memchr::memchr3(b'`', b'\t', 0xC2, bytes).is_some()
                || memchr::memchr(b'\\', bytes).is_some()
                || memchr::memmem::find(bytes, b"  ").is_some()
                || memchr::memmem::find(bytes, b" .").is_some()
                || memchr::memmem::find(bytes, b" ,").is_some()
                || memchr::memchr_iter(b'^', bytes).any(|i| {
                    let before = i.checked_sub(1).map(|p| char::from(bytes[p]));
                    is_superscript(before, &bytes[i..])
                })
        };
        let pieces = [
            "plain", " ", "  ", ".", ",", " .", " ,", "[", "*", "_", "`", "\t", "\u{a0}", "é", "^",
            "\\", "^[1]", "km^2", "a^b", "«", "", "]", "\"", "“", "「", "Z", "a",
        ];
        let check = |text: &str| {
            assert_eq!(needs_rewrite(text), by_search(text), "{text:?}");
            let bytes = text.as_bytes();
            let flags = PairFlags::of(bytes);
            let rewrite_or_caret = by_search(text) || bytes.contains(&b'^');
            assert_eq!(flags.rewrite_or_caret, rewrite_or_caret, "{text:?}");
            assert_eq!(
                flags.mark_lead,
                bytes.iter().any(|&b| is_mark_lead(b)),
                "{text:?}"
            );
        };
        for pad in 0..40 {
            for piece in pieces {
                check(&format!("{}{piece}", "x".repeat(pad)));
                check(&format!("{}{piece}y", "x".repeat(pad)));
                check(&format!("{piece}{}", "x".repeat(pad)));
            }
        }
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    check(&format!("{a}{b}word{c}"));
                    check(&format!("{a}{b}{c}"));
                }
            }
        }
    }

    /// Segments for lines at offsets as in `a⏎b⏎c`.
    fn lines(text: &str) -> Vec<Segment<'_>> {
        let mut start = 0;
        text.split('\n')
            .map(|line| {
                let seg = Segment::new(line, start);
                start += line.len() + 1;
                seg
            })
            .collect()
    }

    #[test]
    fn takes_formulas_out_of_the_text() {
        let text =
            "vectors {\\displaystyle v,w}, where {\\displaystyle \\langle a_{i} \\rangle } denotes";
        let r = render(&seg(text));
        assert_eq!(r.text, "vectors, where denotes");
        let tex: Vec<_> = r.formulas.iter().map(|f| f.tex.as_ref()).collect();
        assert_eq!(
            tex,
            [
                "{\\displaystyle v,w}",
                "{\\displaystyle \\langle a_{i} \\rangle }"
            ]
        );
        assert_eq!(r.formulas[0].span, Span::new(8, 27));
        // A heading's text keeps them: nothing collects them there.
        assert!(text_of(text).contains("{\\displaystyle v,w}"));
        // Not a formula: an unclosed opener, other TeX.
        let r = render(&seg("a {\\displaystyle x and {\\bf y}"));
        assert_eq!(r.text, "a {\\displaystyle x and {\\bf y}");
        assert!(r.formulas.is_empty());
    }

    #[test]
    fn takes_out_formulas_wrapped_over_lines() {
        let text = "matrix A is denoted by {\\displaystyle A^{\\\nmathsf\n{H}}}, then the property";
        let r = render(&lines(text));
        assert_eq!(r.text, "matrix A is denoted by, then the property");
        assert_eq!(r.formulas.len(), 1);
        assert_eq!(r.formulas[0].tex, "{\\displaystyle A^{\\mathsf {H}}}");
        let end = text.find(", then").unwrap_or_default();
        assert_eq!(r.formulas[0].span, Span::new(23, end));
        // Not a formula: in inline code, or an opener left unclosed until
        // prose sentences later.
        let r = render(&seg("write `{\\displaystyle \\frac{a}{b}}` in your"));
        assert_eq!(r.text, "write {\\displaystyle \\frac{a}{b}} in your");
        let r = render(&lines(
            "a stray {\\displaystyle opener left\nhere. Then a brace } and more",
        ));
        assert!(r.formulas.is_empty());
        // What a formula leaves behind closes up.
        let r = render(&seg("The identity ({\\displaystyle I}) leaves it"));
        assert_eq!(r.text, "The identity leaves it");
        // Broken inside the opener itself.
        let r = render(&lines("Note that {\\\ndisplaystyle R(M,cx)} for any c"));
        assert_eq!(r.text, "Note that for any c");
        assert_eq!(r.formulas[0].tex, "{\\displaystyle R(M,cx)}");
        // Two formulas, the second wrapped, and text after it.
        let r = render(&lines("x {\\textstyle a} y {\\textstyle {b\nc}} z\nlast"));
        assert_eq!(r.text, "x y z last");
        assert_eq!(r.formulas.len(), 2);
    }

    fn text_of(t: &str) -> String {
        text(&seg(t)).into_owned()
    }

    #[test]
    fn finds_links() {
        let r = render(&seg("Read [the guide](http://x.org/g) today"));
        assert_eq!(r.text, "Read the guide today");
        assert_eq!(r.links.len(), 1);
        assert_eq!(r.links[0].url, "http://x.org/g");
        assert_eq!(r.links[0].text, "the guide");
        assert_eq!(r.links[0].span, Span::new(5, 32));
        let r = render(&seg("[Māori](http://x.org/M \"Māori language\")[n 1]"));
        assert_eq!(r.text, "Māori[n 1]");
        assert_eq!(r.links[0].url, "http://x.org/M");
        let r = render(&seg("See [docs](https://x.org/path(1)) for more."));
        assert_eq!(r.text, "See docs for more.");
        assert_eq!(r.links[0].url, "https://x.org/path(1)");
        let r = render(&seg("[ ![shot](a.jpg) ](https://v.example/1) Caption"));
        assert_eq!(r.text, "Caption");
        assert_eq!(r.links[0].url, "https://v.example/1");
        // not links
        assert_eq!(text(&seg("a [bracket] only")), "a [bracket] only");
        assert_eq!(text(&seg("[unclosed (x)")), "[unclosed (x)");
    }

    #[test]
    fn skipping_segments_without_marks_finds_the_same_quotations() {
        let lines = [
            "He said \"yes",
            "and no\" twice.",
            "Plain line",
            "\u{201c}Curly",
            "quote\u{201d} here",
            "«Guillemets»",
            "「日本」",
            " padded , line",
            "*markup* \"x\"",
            "",
            "tail",
        ];
        let mut texts: Vec<Vec<&str>> = lines.iter().map(|l| vec![*l]).collect();
        for a in 0..lines.len() {
            for b in 0..lines.len() {
                texts.push(vec![lines[a], lines[b], lines[(a + b) % lines.len()]]);
            }
        }
        texts.push(lines.iter().copied().cycle().take(150).collect());
        for parts in texts {
            let mut start = 0;
            let segments: Vec<Segment<'_>> = parts
                .iter()
                .map(|text| {
                    let seg = Segment::new(text, start);
                    start += text.len() + 1;
                    seg
                })
                .collect();
            let searched = quotations(&segments, 0);
            assert_eq!(render(&segments).quotations, searched, "{parts:?}");
        }
    }

    #[test]
    fn finds_quotations() {
        let r = render(&seg("He said “could be the basis” and “pointless.” Then."));
        let q: Vec<_> = r.quotations.iter().map(|q| q.text.as_ref()).collect();
        assert_eq!(q, ["could be the basis", "pointless."]);
        assert_eq!(r.quotations[0].span, Span::new(8, 32));
        let r = render(&seg("Il a dit « bonjour » et „hallo“ und ‘it’s’."));
        let q: Vec<_> = r.quotations.iter().map(|q| q.text.as_ref()).collect();
        assert_eq!(q, ["bonjour", "hallo", "it’s"]);
        let r = render(&seg("a \"straight\" one, don't \"stop"));
        let q: Vec<_> = r.quotations.iter().map(|q| q.text.as_ref()).collect();
        assert_eq!(q, ["straight"]);
    }

    #[test]
    fn mark_leads_merge_in_order() {
        let text = "a\"b«c»d「e」f“g”h’i";
        let leads: Vec<_> = mark_leads(text.as_bytes()).collect();
        let expected: Vec<_> = text
            .char_indices()
            .filter(|&(_, c)| c == '"' || quotes::closers(c).is_some() || quotes::is_closer(c))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(leads, expected);
    }

    #[test]
    fn joins_plain_lines_as_stripping_would() {
        let lines = [
            "He said",
            "it was fine. Then,",
            ", padded",
            ". also",
            "km^2 and é^2",
            "tab\there",
            "  spaced",
            "日本語",
            "の文章!",
        ];
        for a in lines {
            for b in lines {
                let segs = [Segment::new(a, 0), Segment::new(b, 100)];
                let mut slow = String::new();
                for seg in &segs {
                    if !slow.is_empty() && !slow.ends_with(' ') {
                        let cjk = slow.chars().next_back().is_some_and(is_cjk)
                            && seg.text.chars().next().is_some_and(is_cjk);
                        if !cjk {
                            slow.push(' ');
                        }
                    }
                    strip_markup(seg, &[], &mut slow, None);
                }
                assert_eq!(text(&segs), slow.trim_end(), "{a:?} + {b:?}");
            }
        }
    }

    #[test]
    fn quotations_span_lines() {
        let segs = [
            Segment::new("He said “the end", 0),
            Segment::new("is near”.", 19),
        ];
        let r = render(&segs);
        assert_eq!(r.quotations[0].text, "the end is near");
        assert_eq!(r.quotations[0].span, Span::new(8, 29));
    }
}
