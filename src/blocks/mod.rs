//! Stage 3: lines grouped into blocks.
//!
//! One pass groups lines by their markers, indentation and wrapping; a second
//! pass over the blocks (not the lines) decides what each paragraph-shaped
//! block is: heading, quote, code or paragraph.

mod contents;
mod heuristics;
mod profile;
mod verdicts;

use heuristics::{is_figure, is_heading, isolated_code, repeats_itself, HeadingContext};
pub(crate) use profile::Profile;
pub(crate) use verdicts::LineVerdicts;

use crate::error::{Error, ErrorKind};
use crate::lines::{Line, LineKind};
use crate::model::QuoteStyle;
use crate::options::Options;
use crate::scan::{boilerplate, formula, metadata, quotes};
use crate::span::Span;
use std::num::NonZeroU32;
use std::ops::Range;

/// What a group of lines is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawKind {
    Paragraph,
    /// `explicit`: the text says it is a heading (`#`, setext underline).
    Heading {
        level: u8,
        explicit: bool,
    },
    /// A list item at nesting `depth` (0 for the outermost list).
    Item {
        depth: u32,
        ordered: bool,
    },
    Quote {
        style: QuoteStyle,
    },
    /// A "— Name" line that no quote has claimed yet.
    Attribution,
    Preformatted,
    /// A figure caption or an image's alt text.
    Caption,
    Rule,
}

/// A group of consecutive lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawBlock {
    pub kind: RawKind,
    /// Indices into the line table.
    pub lines: Range<usize>,
    /// Blank lines between this block and the one before it.
    pub blanks_before: u32,
    /// For quotes: the attribution line's index plus one, claimed from the
    /// next line (see [`RawBlock::attribution`]); `u32` (inputs are at most
    /// 4 GiB, so have fewer lines) and the niche keep the block at 32 bytes,
    /// one per block of a long input.
    attribution_plus_one: Option<NonZeroU32>,
}

impl RawBlock {
    fn new(kind: RawKind, lines: Range<usize>, blanks_before: u32) -> Self {
        RawBlock {
            kind,
            lines,
            blanks_before,
            attribution_plus_one: None,
        }
    }

    /// For quotes: the attribution line's index, claimed from the next line.
    pub(crate) fn attribution(&self) -> Option<usize> {
        self.attribution_plus_one.map(|i| i.get() as usize - 1)
    }

    fn set_attribution(&mut self, line: usize) {
        // A line index is below the number of lines, so below `u32::MAX`.
        self.attribution_plus_one = u32::try_from(line + 1).ok().and_then(NonZeroU32::new);
    }

    /// A heading found by its looks, not marked in the text (`##`, an
    /// underline): the later passes may still take it back.
    fn is_bare_heading(&self) -> bool {
        matches!(
            self.kind,
            RawKind::Heading {
                explicit: false,
                ..
            }
        )
    }

    /// Byte span from the first line's text to the last's (attribution included).
    pub(crate) fn span(&self, lines: &[Line<'_>]) -> Span {
        let last = self.attribution().unwrap_or(self.lines.end - 1);
        Span::new(lines[self.lines.start].start(), lines[last].end())
    }
}

/// Group `lines` into blocks. The verdicts on lines found on the way are
/// returned too, for the article stage to ask again without the cost.
///
/// # Errors
/// [`ErrorKind::NestingTooDeep`] when lists or `>` quotes nest deeper than
/// `options.max_nesting_depth`.
pub(crate) fn group<'l, 'a>(
    input: &str,
    lines: &'l [Line<'a>],
    options: &Options,
) -> Result<(Vec<RawBlock>, LineVerdicts<'l, 'a>), Error> {
    let profile = Profile::of(lines);
    let verdicts = LineVerdicts::new(lines);
    let mut grouper = Grouper {
        lines,
        profile,
        verdicts: &verdicts,
        blocks: Vec::with_capacity(lines.len() / 4 + 1),
        list_indents: Vec::new(),
    };
    grouper.run(input, options)?;
    let mut blocks = grouper.blocks;
    refine(input, lines, &profile, &verdicts, &mut blocks);
    // Blocks absorbed into others (code runs, comments, captions' partners)
    // are left empty by refining: drop them, so later stages need not know.
    blocks.retain(|b| !b.lines.is_empty());
    // The blocks live as long as the article is being built: give back the
    // room doubling left (up to half the vector).
    blocks.shrink_to_fit();
    Ok((blocks, verdicts))
}

struct Grouper<'l, 'a> {
    lines: &'l [Line<'a>],
    profile: Profile,
    verdicts: &'l LineVerdicts<'l, 'a>,
    blocks: Vec<RawBlock>,
    /// Indents of the open list levels, outermost first.
    list_indents: Vec<u32>,
}

impl Grouper<'_, '_> {
    fn run(&mut self, input: &str, options: &Options) -> Result<(), Error> {
        let lines = self.lines;
        let mut i = 0;
        let mut blanks = 0;
        while i < lines.len() {
            crate::work::tick(1);
            let line = &lines[i];
            let kind = match line.kind {
                LineKind::Blank => {
                    blanks += 1;
                    i += 1;
                    continue;
                }
                LineKind::Quoted { depth, .. } => {
                    if depth as usize > options.max_nesting_depth {
                        return Err(too_deep(input, line, options));
                    }
                    let end = self.run_while(i, |l| matches!(l.kind, LineKind::Quoted { .. }));
                    self.push(
                        RawKind::Quote {
                            style: QuoteStyle::Prefixed,
                        },
                        i..end,
                        blanks,
                    );
                    i = end;
                    blanks = 0;
                    continue;
                }
                LineKind::Atx { level, .. } => RawKind::Heading {
                    level,
                    explicit: true,
                },
                LineKind::Underline { level } if blanks == 0 && self.underlines_last() => {
                    if let Some(last) = self.blocks.last_mut() {
                        last.kind = RawKind::Heading {
                            level,
                            explicit: true,
                        };
                        last.lines.end = i + 1;
                    }
                    i += 1;
                    continue;
                }
                LineKind::Underline { .. } | LineKind::Rule => RawKind::Rule,
                // Two or more dash lines in a row are a list ("– Rents are
                // capped."), not attributions.
                LineKind::Attribution { .. } if self.dash_list_at(i) => RawKind::Item {
                    depth: self.list_depth(line.indent(), blanks),
                    ordered: false,
                },
                LineKind::Attribution { .. } => RawKind::Attribution,
                LineKind::Fence => {
                    let close =
                        (i + 1..lines.len()).find(|&j| matches!(lines[j].kind, LineKind::Fence));
                    let end = close.map_or(i + 1, |c| c + 1);
                    self.push(RawKind::Preformatted, i..end, blanks);
                    i = end;
                    blanks = 0;
                    continue;
                }
                LineKind::Bullet { .. } | LineKind::Ordered { .. } => {
                    let depth = self.list_depth(line.indent(), blanks);
                    if depth as usize >= options.max_nesting_depth {
                        return Err(too_deep(input, line, options));
                    }
                    let ordered = matches!(line.kind, LineKind::Ordered { .. });
                    let column = line.content_column();
                    let end = self.continuation(i, |prev_at, prev, next| {
                        matches!(next.kind, LineKind::Text)
                            && next.indent() + 1 >= column
                            && next.indent() > line.indent()
                            || (matches!(next.kind, LineKind::Text)
                                && next.indent() == column
                                && prev.indent() == column)
                            || self.heading_in_item(prev_at + 1, line.indent(), column)
                            || (next.indent() + 1 >= column
                                && next.indent() > line.indent()
                                && (self.wraps_into_marker(prev, next) || wraps_into_number(next)))
                    });
                    let end = self.item_paragraphs(end, column, ordered);
                    self.push(RawKind::Item { depth, ordered }, i..end, blanks);
                    i = end;
                    blanks = 0;
                    continue;
                }
                LineKind::Text => {
                    let first = line.start();
                    // (Ideographic spaces, perhaps with a space after them.)
                    let cjk_indent = || input[..first].trim_end_matches(' ').ends_with('\u{3000}');
                    let end = self.continuation(i, |prev_at, prev, next| {
                        self.joins(prev_at, prev, next)
                            || (prev.start() == first
                                && self
                                    .joins_after_first_line_indent(prev_at, prev, next, cjk_indent))
                    });
                    self.push(RawKind::Paragraph, i..end, blanks);
                    i = end;
                    blanks = 0;
                    continue;
                }
            };
            self.push(kind, i..i + 1, blanks);
            i += 1;
            blanks = 0;
        }
        Ok(())
    }

    /// The line at `at` is a heading held by the item whose marker is at
    /// `marker` and text at `column`, printed outdented from the text under
    /// it as lynx prints headings ("     * Screenshot⏎    WebIDE⏎
    /// Develop, deploy…" at the item's column): a short title set left of
    /// the marker, though not at the body's indent, over a line at the
    /// item's text column.
    fn heading_in_item(&self, at: usize, marker: u32, column: u32) -> bool {
        let (Some(title), Some(under)) = (self.lines.get(at), self.lines.get(at + 1)) else {
            return false;
        };
        matches!(title.kind, LineKind::Text)
            && matches!(under.kind, LineKind::Text)
            && title.indent() < marker
            && title.indent() != self.profile.body_indent
            && under.indent() == column
            && title.width() <= HEADING_IN_ITEM_WIDTH
            && !ends_sentence(title.text)
    }

    /// Paragraphs after a blank line, indented exactly to an item's text,
    /// belong to the item (a list item holding several paragraphs).
    fn item_paragraphs(&self, mut end: usize, column: u32, ordered: bool) -> usize {
        let lines = self.lines;
        // Where the body itself sits at the item's text column, a flush-left
        // number over it is a numbered heading (lynx), not an item holding
        // the body; a bullet there still holds its paragraphs.
        if ordered && column <= self.profile.body_indent {
            return end;
        }
        while end + 1 < lines.len()
            && matches!(lines[end].kind, LineKind::Blank)
            && matches!(lines[end + 1].kind, LineKind::Text)
            && lines[end + 1].indent() == column
        {
            end = self.continuation(end + 1, |prev_at, prev, next| {
                self.joins(prev_at, prev, next)
            });
        }
        end
    }

    fn push(&mut self, kind: RawKind, lines: Range<usize>, blanks: u32) {
        if !matches!(kind, RawKind::Item { .. }) {
            self.list_indents.clear();
        }
        self.blocks.push(RawBlock::new(kind, lines, blanks));
    }

    /// The last block is a one-line paragraph right above: a setext underline
    /// makes it a heading.
    fn underlines_last(&self) -> bool {
        self.blocks
            .last()
            .is_some_and(|b| matches!(b.kind, RawKind::Paragraph) && b.lines.len() == 1)
    }

    /// Lines from `i` on while `pred` holds.
    fn run_while(&self, i: usize, pred: impl Fn(&Line<'_>) -> bool) -> usize {
        let mut end = i + 1;
        while end < self.lines.len() && pred(&self.lines[end]) {
            end += 1;
        }
        end
    }

    /// Lines from `i` on while each joins the one before it (`joins` is
    /// given the index of the line before too).
    fn continuation(&self, i: usize, joins: impl Fn(usize, &Line<'_>, &Line<'_>) -> bool) -> usize {
        let mut end = i + 1;
        while end < self.lines.len() && joins(end - 1, &self.lines[end - 1], &self.lines[end]) {
            end += 1;
        }
        end
    }

    /// Does `next` continue the paragraph line `prev`? Only in hard-wrapped
    /// text, at the same indentation, and only when `prev` is full: the next
    /// line's first word would not have fitted after it. (`prev_at`: the
    /// index of `prev`'s text in the line table, for whether it is code:
    /// `prev` may be a copy at another indent.)
    fn joins(&self, prev_at: usize, prev: &Line<'_>, next: &Line<'_>) -> bool {
        if next.indent().abs_diff(prev.indent()) > 1
            && !self.hangs_under(prev, next)
            && !self.hanging_indent(prev_at + 1, prev, next)
        {
            return false;
        }
        let Some(wrap) = self.profile.wrap else {
            // Unwrapped text may still be cut at a converter's line limit
            // (w3m at about 1,000 columns): a very long line that stops
            // mid-sentence before a lower-case line was cut, not ended.
            // At the limit itself (w3m cuts near 1,024 columns) the next
            // line may start with anything: "the Cook⏎Islands", "died in⏎1933.".
            let at_limit = prev.width() >= LINE_LIMIT_WIDTH
                && matches!(
                    next.kind,
                    LineKind::Text
                        | LineKind::Ordered {
                            alphabetic: false,
                            ..
                        }
                );
            return !ends_sentence(prev.text)
                && (at_limit
                    || matches!(next.kind, LineKind::Text)
                        && prev.width() >= CUT_LINE_WIDTH
                        && next.text.chars().next().is_some_and(char::is_lowercase));
        };
        let continues = match next.kind {
            LineKind::Text => true,
            // A wrapped line may start with "2025." or "-": a marker only
            // opens an item after a line that ends a sentence.
            LineKind::Ordered {
                alphabetic: false, ..
            }
            | LineKind::Bullet { .. } => !prev.text.ends_with(['.', ':', '!', '?']),
            _ => false,
        };
        // A line wider than the margin was never wrapped (a column or two
        // over is ragged wrapping, e.g. of wide characters).
        if !continues || self.profile.line_end(prev) > wrap + MARGIN_SLACK {
            return false;
        }
        // A line broken early (lynx keeps a link's words together) still
        // continues when it ends mid-sentence and the next starts in lower case.
        // (Early, not short: a line of a few words is a code or verse line.)
        // (Not for lines lynx prints flush left over an indented body:
        // those are headings and preformatted text, which only wrap full.)
        let outdented = self.profile.outdents_headings && prev.indent() < self.profile.body_indent;
        let mid_sentence = || {
            !outdented
                && self.profile.line_end(prev) * 2 >= wrap
                && !prev.text.ends_with(['.', '!', '?', ':', ';', '"', '”'])
                && next
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '(')
        };
        // Code is never wrapped: checked last, as it is the costliest test.
        (is_full(&self.profile, prev, next, wrap) || mid_sentence()) && !self.verdicts.code(prev_at)
    }

    /// `next` (at `at`) wraps a full `prev` with a hanging indent (lynx
    /// prints a definition's or a note's wrapped lines a few columns
    /// deeper): it sits a little deeper, a line that stops mid-sentence
    /// runs on into its lower-case start, and it is wrapped prose itself:
    /// full over a line at its indent, or the paragraph's last. (Code
    /// indented under a sentence, "…what I have⏎    import pandas as pd⏎
    /// total = 0", is not full.)
    fn hanging_indent(&self, at: usize, prev: &Line<'_>, next: &Line<'_>) -> bool {
        let Some(wrap) = self.profile.wrap else {
            return false;
        };
        // (A line set in and then back out of, "…then to run⏎    make
        // clean⏎in the top-level directory", is displayed, not wrapped.)
        let wraps_on = || match self.lines.get(at + 1) {
            Some(after) if matches!(after.kind, LineKind::Text) => {
                after.indent() == next.indent() && is_full(&self.profile, next, after, wrap)
            }
            _ => true,
        };
        next.indent() > prev.indent()
            && next.indent() - prev.indent() <= HANGING_INDENT_MAX
            && matches!(next.kind, LineKind::Text)
            && next.text.starts_with(|c: char| c.is_lowercase())
            && !ends_sentence(prev.text)
            && !prev.text.ends_with([':', ';'])
            && is_full(&self.profile, prev, next, wrap)
            && !self.verdicts.code(at)
            && wraps_on()
    }

    /// `next` is a wrapped line aligned under a later word of a full `prev`
    /// ("[icon] This section needs expansion…⏎       You can help…"): a
    /// table cell or a labelled line wrapped with a hanging indent.
    fn hangs_under(&self, prev: &Line<'_>, next: &Line<'_>) -> bool {
        // Columns are bytes in the ASCII lead-in this needs ("[icon] ").
        let offset = next.indent().saturating_sub(prev.indent()) as usize;
        let lead_in = prev.text.get(..offset).filter(|l| l.is_ascii());
        let aligned = offset >= 2
            && lead_in.is_some_and(|l| l.ends_with(' ') && !l.ends_with("  "))
            && !prev.text[offset..].starts_with(' ');
        aligned
            && matches!(next.kind, LineKind::Text)
            && self
                .profile
                .wrap
                .is_some_and(|wrap| is_full(&self.profile, prev, next, wrap))
    }

    /// A paragraph whose first line is indented (a tab in typescript, `　　`
    /// in CJK text, there perhaps with a space more) continues at the body's
    /// indentation.
    fn joins_after_first_line_indent(
        &self,
        first_at: usize,
        first: &Line<'_>,
        next: &Line<'_>,
        cjk_indent: impl Fn() -> bool,
    ) -> bool {
        let indented = first.indent() > next.indent()
            && match first.indent() - next.indent() {
                depth if depth <= FIRST_LINE_INDENT_MAX => true,
                depth => depth <= CJK_FIRST_LINE_INDENT_MAX && cjk_indent(),
            };
        let at_body = next.indent() <= self.profile.body_indent;
        let moved = first.at_indent(next.indent());
        indented && at_body && self.profile.wrap.is_some() && self.joins(first_at, &moved, next)
    }

    /// The line at `i` and a neighbour (no blank between) both start with a dash.
    fn dash_list_at(&self, i: usize) -> bool {
        let dash = |l: Option<&Line<'_>>| {
            l.is_some_and(|l| matches!(l.kind, LineKind::Attribution { .. }))
        };
        dash(i.checked_sub(1).and_then(|p| self.lines.get(p))) || dash(self.lines.get(i + 1))
    }

    /// A wrapped line that happens to start like a marker ("2017. United
    /// States…") after a full line that ends mid-sentence.
    fn wraps_into_marker(&self, prev: &Line<'_>, next: &Line<'_>) -> bool {
        let marker = matches!(
            next.kind,
            LineKind::Ordered {
                alphabetic: false,
                ..
            } | LineKind::Bullet { .. }
        );
        marker
            && self
                .profile
                .wrap
                .is_some_and(|wrap| is_full(&self.profile, prev, next, wrap))
            && !prev.text.ends_with(['.', ':', '!', '?', ';'])
    }

    /// Nesting depth of an item indented by `indent`: deeper than the open
    /// level above it by two columns or more opens a new level.
    fn list_depth(&mut self, indent: u32, blanks: u32) -> u32 {
        let in_list =
            matches!(self.blocks.last(), Some(b) if matches!(b.kind, RawKind::Item { .. }));
        if !in_list || blanks > 1 {
            self.list_indents.clear();
        }
        while let Some(&top) = self.list_indents.last() {
            if indent + 1 >= top && indent <= top + 1 {
                return self.list_indents.len() as u32 - 1;
            }
            if indent > top {
                break;
            }
            self.list_indents.pop();
        }
        self.list_indents.push(indent);
        self.list_indents.len() as u32 - 1
    }
}

/// A wrapped line under an item that starts with a year ("2005. ISBN…"), is
/// a number alone, or starts with a letter other than `a` or `i` ("p. 6149."):
/// no nested list starts counting there.
fn wraps_into_number(line: &Line<'_>) -> bool {
    match line.kind {
        LineKind::Ordered {
            number,
            alphabetic: false,
            content,
        } => (1000..=2999).contains(&number) || content as usize >= line.text.len(),
        LineKind::Ordered {
            number,
            alphabetic: true,
            ..
        } => number > 1,
        _ => false,
    }
}

/// `prev` is filled to the wrap column: `next`'s first word would not have fit.
fn is_full(profile: &Profile, prev: &Line<'_>, next: &Line<'_>, wrap: u32) -> bool {
    let first_word = next.text.split(' ').next().unwrap_or("");
    let word = profile.wrap_unit.len(first_word);
    profile.line_end(prev) + 1 + word > wrap.saturating_sub(1)
}

fn too_deep(input: &str, line: &Line<'_>, options: &Options) -> Error {
    Error::new(
        ErrorKind::NestingTooDeep {
            limit: options.max_nesting_depth,
        },
        Span::new(line.start(), line.end()),
        input,
    )
}

/// An unpunctuated line no wider than a terminal, standing in a run of
/// such lines, reads as code or a table row rather than prose.
const SHORT_LINE: u32 = 80;

/// How far past the wrap margin a line may end and still have been wrapped.
const MARGIN_SLACK: u32 = 2;

/// Deepest hanging indent of a wrapped line, in columns.
const HANGING_INDENT_MAX: u32 = 8;

/// Widest heading held inside a list item.
const HEADING_IN_ITEM_WIDTH: u32 = 60;

/// Lines at least this wide that stop mid-sentence before a lower-case line
/// were cut by a line limit.
const CUT_LINE_WIDTH: u32 = 200;

/// Lines this wide that stop mid-sentence were cut by a converter's line
/// limit (w3m's is about 1,024 columns), whatever the next line starts with.
const LINE_LIMIT_WIDTH: u32 = 960;

/// The line ends a sentence: a stop, or a stop inside a closing quotation
/// mark (`…here."`), not a comma before one (`…mutation,”`).
pub(crate) fn ends_sentence(text: &str) -> bool {
    // Most lines end in ASCII other than a quotation mark or a bracket:
    // nothing to strip, and the last byte is the last character.
    if let Some(&last) = text.as_bytes().last() {
        if last.is_ascii() && !matches!(last, b'"' | b']' | b')') {
            return matches!(last, b'.' | b'!' | b'?' | b':' | b';');
        }
    }
    // A note mark after the stop ("…region.[12]") does not hide it.
    let unquoted = heuristics::without_footnote(text).trim_end_matches(['"', '”', '’', '»']);
    unquoted.ends_with(['.', '!', '?', ':', ';', '。', '！', '？'])
}

/// In dialogue-heavy text (fiction, interviews) paragraphs wholly in quotation
/// marks are lines of dialogue, not block quotes: above this share of
/// paragraphs, they stay paragraphs.
const DIALOGUE_SHARE: f32 = 0.2;
/// Articles quote a few passages; more than this many quoted paragraphs (and
/// half the share above) reads as dialogue.
const DIALOGUE_MIN: usize = 6;

/// How a paragraph stands toward quotation marks.
#[derive(Debug, Clone, Copy)]
struct Quoting {
    /// The document reads as dialogue (see [`DIALOGUE_SHARE`]).
    dialogue: bool,
    /// The paragraph is wholly one quotation ([`encloses`]).
    whole: bool,
}

/// Decide what each paragraph-shaped block is, now that its neighbours are known.
fn refine(
    input: &str,
    lines: &[Line<'_>],
    profile: &Profile,
    verdicts: &LineVerdicts<'_, '_>,
    blocks: &mut [RawBlock],
) {
    let paragraphs = blocks
        .iter()
        .filter(|b| matches!(b.kind, RawKind::Paragraph))
        .count();
    // Whether each paragraph is wholly one quotation: counted here, and
    // asked again below of each paragraph (whose lines do not change).
    let enclosed: Vec<bool> = blocks
        .iter()
        .map(|b| {
            // (The first byte turns nearly every paragraph away here,
            // without a call.)
            matches!(b.kind, RawKind::Paragraph)
                && quotes::may_open_quotation(lines[b.lines.start].text)
                && encloses(lines, b)
        })
        .collect();
    let quoted = enclosed.iter().filter(|&&e| e).count();
    let share = quoted as f32 / paragraphs.max(1) as f32;
    let dialogue =
        share > DIALOGUE_SHARE || (quoted >= DIALOGUE_MIN && share > DIALOGUE_SHARE / 2.0);
    mark_preformatted_runs(lines, profile, verdicts, blocks);
    for (b, &quotation) in enclosed.iter().enumerate() {
        let (before, rest) = blocks.split_at_mut(b);
        let Some((block, after)) = rest.split_first_mut() else {
            break;
        };
        if block.lines.is_empty() {
            // Absorbed into a preformatted run: nothing to decide, and
            // looking past its empty neighbours for each is quadratic.
            continue;
        }
        // (Only paragraphs and numbered items look at the block after them.)
        let next = || after.iter().find(|n| !n.lines.is_empty());
        match block.kind {
            RawKind::Paragraph => {
                let next = next();
                let prev = before.iter().rev().find(|p| !p.lines.is_empty());
                let quoting = Quoting {
                    dialogue,
                    whole: quotation,
                };
                let neighbours = (prev, next);
                block.kind =
                    paragraph_kind(input, lines, profile, verdicts, block, neighbours, quoting);
                if matches!(block.kind, RawKind::Caption) {
                    // The line it repeats, if it repeats one, is the image's alt text.
                    let text = lines[block.lines.start].text;
                    if let Some(alt) = before.iter_mut().rev().find(|p| !p.lines.is_empty()) {
                        if lines[alt.lines.start].text == text {
                            alt.kind = RawKind::Caption;
                        }
                    }
                }
            }
            RawKind::Item { ordered: true, .. } => {
                let next = next();
                // A lone "A. Smith said" is text, not a list of one.
                let first = &lines[block.lines.start];
                let alphabetic = matches!(
                    first.kind,
                    LineKind::Ordered {
                        alphabetic: true,
                        ..
                    }
                );
                let item_near = |b: Option<&RawBlock>| {
                    b.is_some_and(|b| matches!(b.kind, RawKind::Item { .. }))
                };
                let alone = !item_near(before.last()) && !item_near(next);
                if alone && alphabetic {
                    block.kind = RawKind::Paragraph;
                } else if alone && block.lines.len() == 1 {
                    // "2. The cloud becomes table stakes" standing alone
                    // between paragraphs is a numbered section heading.
                    let ctx = HeadingContext {
                        blank_after: next.is_none_or(|n| n.blanks_before > 0),
                        ..HeadingContext::default()
                    };
                    if is_heading(first.content(), ctx) {
                        block.kind = RawKind::Heading {
                            level: 2,
                            explicit: false,
                        };
                    }
                }
            }
            RawKind::Attribution => {
                // Not a block absorbed into a preformatted run: its line is gone.
                if let Some(prev) = before.iter_mut().rev().find(|p| !p.lines.is_empty()) {
                    claim_attribution(prev, block);
                }
            }
            _ => {}
        }
    }
    demote_heading_runs(lines, blocks);
    demote_outlying_headings(lines, blocks);
    contents::follow_table_of_contents(lines, blocks);
    mark_cell_runs(lines, blocks);
}

/// Widest line read as a table cell.
const CELL_WIDTH: u32 = 48;
/// Most words in a table cell.
const CELL_WORDS_MAX: usize = 4;
/// Fewest cells in a run read as a table.
const CELL_RUN_MIN: usize = 6;

/// A table printed one cell to a line ("Google Maps", "32.7 MB", "17.5 MB
/// (-46%)", …), as lynx and inscriptis print some: a long run of one-line
/// paragraphs of a few words, none ending a sentence, a quarter of them
/// figures. It becomes one preformatted block, not a paragraph per cell.
/// Headings bound a run; a line of more words is prose (a timeline's
/// events), and ends it. A cell holding a short list (an infobox's
/// "Official languages" over "• English", "• Māori") stays in the run.
fn mark_cell_runs(lines: &[Line<'_>], blocks: &mut [RawBlock]) {
    let cell = |b: &RawBlock| {
        let line = &lines[b.lines.start];
        b.kind == RawKind::Paragraph
            && b.lines.len() == 1
            && line.width() <= CELL_WIDTH
            && !ends_sentence(line.text)
            && heuristics::count_words(line.text, CELL_WORDS_MAX + 1) <= CELL_WORDS_MAX
    };
    // A cell may hold a short list ("Official languages" over "• English",
    // "• Māori"): its items neither count as cells nor end the run, as long
    // as a stretch of two cells or more comes after them ("Ethnic groups",
    // "(2018)"). A list after which the cells stop (a recipe card's
    // "Ingredients" list, then "Instructions" over its steps) is the text's
    // own, and ends the table before it.
    let cell_item = |b: &RawBlock| {
        let line = &lines[b.lines.start];
        matches!(b.kind, RawKind::Item { .. })
            && b.lines.len() == 1
            && line.width() <= CELL_WIDTH
            && !ends_sentence(line.text)
    };
    let mut b = 0;
    while b < blocks.len() {
        if !cell(&blocks[b]) {
            b += 1;
            continue;
        }
        // The run up to its last stretch of two cells or more (or its first
        // stretch), the short stretches after that, and the current one.
        let mut taken = CellStretch::default();
        let mut pending = CellStretch::default();
        let mut stretch = CellStretch::default();
        let (mut end, mut in_list, mut after_list) = (b, false, false);
        while let Some(block) = blocks.get(end) {
            crate::work::tick(1);
            if !block.lines.is_empty() {
                if cell_item(block) {
                    if !in_list {
                        stretch.close(&mut taken, &mut pending, after_list);
                    }
                    in_list = true;
                    end += 1;
                    continue;
                }
                if !cell(block) {
                    break;
                }
                if in_list {
                    // The cells before the list held it: a label over it at
                    // least, and one more above.
                    if taken.cells < CELL_STRETCH_MIN {
                        break;
                    }
                    (in_list, after_list) = (false, true);
                }
                stretch.cells += 1;
                stretch.figures += usize::from(is_figure(lines[block.lines.start].text));
                stretch.last = end;
            }
            end += 1;
        }
        if !in_list {
            stretch.close(&mut taken, &mut pending, after_list);
        }
        let CellStretch {
            cells,
            figures,
            last,
        } = taken;
        if cells >= CELL_RUN_MIN && figures * 4 >= cells {
            let last_line = blocks[last].lines.end;
            blocks[b].kind = RawKind::Preformatted;
            blocks[b].lines.end = last_line;
            for absorbed in &mut blocks[b + 1..=last] {
                absorbed.lines = absorbed.lines.start..absorbed.lines.start;
            }
        }
        b = end;
    }
}

/// Fewest cells around a list inside a table printed a cell per line.
const CELL_STRETCH_MIN: usize = 2;

/// Cells of a table printed a cell per line (see [`mark_cell_runs`]).
#[derive(Debug, Default, Clone, Copy)]
struct CellStretch {
    cells: usize,
    figures: usize,
    /// The block index of the last cell.
    last: usize,
}

impl CellStretch {
    /// End this stretch of cells. A short stretch after a list waits in
    /// `pending` (the table may have ended before the list); the first
    /// stretch, or one of [`CELL_STRETCH_MIN`] cells, joins the run `taken`
    /// with whatever waited.
    fn close(&mut self, taken: &mut CellStretch, pending: &mut CellStretch, after_list: bool) {
        if self.cells == 0 {
            return;
        }
        pending.add(self);
        if !after_list || self.cells >= CELL_STRETCH_MIN {
            taken.add(pending);
            *pending = CellStretch::default();
        }
        *self = CellStretch::default();
    }

    fn add(&mut self, more: &CellStretch) {
        self.cells += more.cells;
        self.figures += more.figures;
        self.last = more.last;
    }
}

/// Fewest unmarked headings that show how long a document's headings are.
const HEADING_STYLE_MIN: usize = 5;
/// A heading this many times longer than the document's usual one, and
/// longer than [`OUTLYING_HEADING_WORDS`], is out of its outline.
const OUTLYING_HEADING_FACTOR: usize = 4;
const OUTLYING_HEADING_WORDS: usize = 6;

/// Where a document's unmarked headings are short ("History", "Climate",
/// "See also"), a much longer line among them ("A Romney ewe with her two
/// lambs", "Largest urban areas in New Zealand") is most likely no section
/// title but an image's alt text or a table's caption. It becomes a
/// paragraph: kept in the body where it stands, should it be a long subhead
/// after all. The document's first line (its headline) and a question keep
/// their heading.
fn demote_outlying_headings(lines: &[Line<'_>], blocks: &mut [RawBlock]) {
    let bare = RawBlock::is_bare_heading;
    // (Counted as `split_whitespace` counts, eight bytes at a time.)
    let words =
        |b: &RawBlock, limit: usize| heuristics::count_words(lines[b.lines.start].text, limit);
    let mut lengths: Vec<usize> = blocks
        .iter()
        .filter(|b| bare(b))
        .map(|b| words(b, usize::MAX))
        .collect();
    if lengths.len() < HEADING_STYLE_MIN {
        return;
    }
    let mid = lengths.len() / 2;
    let median = *lengths.select_nth_unstable(mid).1;
    let longest = OUTLYING_HEADING_WORDS.max(OUTLYING_HEADING_FACTOR * median);
    let headline = blocks.iter().position(|b| !b.lines.is_empty());
    for (b, block) in blocks.iter_mut().enumerate() {
        if !bare(block) {
            continue;
        }
        // (Words are counted last, and only up to one past the longest.)
        let question = lines[block.lines.start].text.ends_with('?');
        if Some(b) != headline && !question && words(block, longest + 1) > longest {
            block.kind = RawKind::Paragraph;
        }
    }
}

/// Three or more unmarked headings in a row are not an outline but a run of
/// short lines (captions, table cells, buttons, a list of linked titles):
/// they become paragraphs. Only a short title over longer lines stays: a
/// section heading over an image's alt text and caption. A heading directly
/// over a subheading stays too (that is a run of two), and so does a run
/// opening the document. A title wrapped over two lines counts toward a
/// run, though it is no heading candidate itself.
fn demote_heading_runs(lines: &[Line<'_>], blocks: &mut [RawBlock]) {
    // Only unmarked headings are demoted: without one, no run is looked for.
    if !blocks.iter().any(RawBlock::is_bare_heading) {
        return;
    }
    let bare = |b: &RawBlock| b.is_bare_heading() || wrapped_title(lines, b);
    let words = |b: &RawBlock| heuristics::alphanumeric_words(lines[b.lines.start].text);
    // The current run: where it starts and how many headings it holds
    // (empty blocks between them are skipped).
    // The document's head (headline, standfirst, first section) is a run
    // of its own kind.
    let head = blocks.iter().position(|b| !b.lines.is_empty());
    let mut start = 0;
    let mut count = 0;
    // The fewest words of any heading in the run after its first.
    let mut fewest_after_first = usize::MAX;
    for b in 0..=blocks.len() {
        if blocks.get(b).is_some_and(|x| x.lines.is_empty()) {
            continue;
        }
        if let Some(block) = blocks.get(b).filter(|x| bare(x)) {
            if count == 0 {
                start = b;
                fewest_after_first = usize::MAX;
            } else {
                fewest_after_first = fewest_after_first.min(words(block));
            }
            count += 1;
            continue;
        }
        if count >= 3 && Some(start) != head {
            let first_words = words(&blocks[start]);
            let titled = first_words <= 4 && first_words < fewest_after_first;
            let from = if titled { start + 1 } else { start };
            for run in &mut blocks[from..b] {
                if run.is_bare_heading() {
                    run.kind = RawKind::Paragraph;
                }
            }
        }
        count = 0;
    }
}

/// A paragraph of two lines that reads as a title wrapped: title-cased, no
/// sentence end ("Pizza Man Making Special Delivery … During Super⏎Bowl").
fn wrapped_title(lines: &[Line<'_>], block: &RawBlock) -> bool {
    if !matches!(block.kind, RawKind::Paragraph) || block.lines.len() != 2 {
        return false;
    }
    let (first, second) = (&lines[block.lines.start], &lines[block.lines.start + 1]);
    // (Each line on its own: joining them would allocate. The second line,
    // a wrapped title's short tail, is read first: prose fails there cheaply.)
    !ends_sentence(second.text)
        && !first.text.ends_with([',', ';', ':'])
        && heuristics::title_cased(second.text)
        && heuristics::title_cased(first.text)
}

/// Consecutive one-line paragraphs with no blank line between them are code,
/// a table or verse rather than prose: merge them into one preformatted block
/// when they are indented deeper than the body (two lines suffice), or when
/// three or more short unpunctuated lines include one that reads as code
/// (lynx prints code flush left).
fn mark_preformatted_runs(
    lines: &[Line<'_>],
    profile: &Profile,
    verdicts: &LineVerdicts<'_, '_>,
    blocks: &mut [RawBlock],
) {
    let single = |b: &RawBlock| matches!(b.kind, RawKind::Paragraph) && b.lines.len() == 1;
    let indented =
        |b: &RawBlock| single(b) && lines[b.lines.start].indent() >= profile.body_indent + 2;
    // Page furniture ("Share this:", "Facebook", `</div>`) is never code:
    // it stays a line of its own for the article stage to classify.
    let codeish = |blocks: &[RawBlock], b: usize| {
        let block = &blocks[b];
        let l = &lines[block.lines.start];
        // A sentence introducing the code ("…pull that into the repository:")
        // at another indent than the code under it stays text.
        let lead_in = || {
            l.text.ends_with(':')
                && l.text.split_whitespace().nth(3).is_some()
                && blocks
                    .get(b + 1)
                    .and_then(|n| lines.get(n.lines.start))
                    .is_some_and(|n| n.indent() != l.indent())
                && !verdicts.code(block.lines.start)
        };
        single(block)
            && ((l.width() <= SHORT_LINE && !l.text.ends_with(['.', '!', '?', '"', '”']))
                || verdicts.code(block.lines.start))
            && !lead_in()
    };
    let mut b = 0;
    // Blocks before this index lie in a run already found to hold no code.
    let mut codeless_until = 0;
    while b < blocks.len() {
        let mut end = b + 1;
        if indented(&blocks[b]) {
            let indent = lines[blocks[b].lines.start].indent();
            while end < blocks.len()
                && indented(&blocks[end])
                && blocks[end].blanks_before == 0
                && lines[blocks[end].lines.start].indent() >= indent
            {
                crate::work::tick(1);
                end += 1;
            }
        }
        // A run needs a second one-line paragraph right under the first (and
        // a run of one changes nothing): only then is the first line looked
        // at, which may mean reading all of it for code.
        let run_follows = blocks
            .get(b + 1)
            .is_some_and(|n| n.blanks_before == 0 && single(n));
        // (The line under it first: a line of prose there ends the run
        // before a long first line is read for code.)
        if end - b < 2
            && b >= codeless_until
            && run_follows
            && codeish(blocks, b + 1)
            && codeish(blocks, b)
        {
            end = b + 1;
            while end < blocks.len() && blocks[end].blanks_before == 0 && codeish(blocks, end) {
                crate::work::tick(1);
                end += 1;
            }
            let code_lines = blocks[b..end]
                .iter()
                .filter(|x| {
                    // Markup residue (`</div>`) under share lines is junk, not
                    // code; a table's rule (`────`) is.
                    let line = &lines[x.lines.start];
                    verdicts.code(x.lines.start) && !boilerplate::markup_residue(line.text)
                })
                .count();
            // Three short lines with some code, or two that are both code.
            let is_code = (end - b >= 3 && code_lines > 0) || (end - b == 2 && code_lines == 2);
            if !is_code {
                // Every later start inside the run ends at the same place.
                codeless_until = end;
                end = b + 1;
            }
        }
        // Markup residue alone (`?>`, `</div>`) is junk for the article
        // stage, not code.
        let all_junk = || {
            blocks[b..end]
                .iter()
                .all(|x| boilerplate::junk(lines[x.lines.start].text))
        };
        if end - b >= 2 && !all_junk() {
            let last_line = blocks[end - 1].lines.end;
            blocks[b].kind = RawKind::Preformatted;
            blocks[b].lines.end = last_line;
            for absorbed in &mut blocks[b + 1..end] {
                absorbed.lines = absorbed.lines.start..absorbed.lines.start;
            }
        }
        b = end;
    }
    claim_leading_comments(lines, blocks);
    absorb_stray_code_lines(lines, verdicts, blocks);
}

/// A short paragraph just under code that reads as code too: a line after a
/// blank inside `<pre>` (`with_alert AS (`), or a statement or a few lines of
/// output glued to the run (`SELECT * FROM stats;`) that a sentence-like end
/// or a wrap-like join kept out of it.
fn absorb_stray_code_lines(
    lines: &[Line<'_>],
    verdicts: &LineVerdicts<'_, '_>,
    blocks: &mut [RawBlock],
) {
    let stray = |block: &RawBlock| {
        let body = &lines[block.lines.clone()];
        let (Some(first), Some(last)) = (body.first(), body.last()) else {
            return false;
        };
        // After a blank line only code's own syntax continues the code; with
        // no blank, so does output, which does not open like a sentence.
        // (Output under a command can read as a wrapped line or two:
        // "added 1 changesets … (+1 heads)⏎updating bookmark bug15".)
        let syntax = || {
            first.text.ends_with(['(', '{', '[', ',', ';', '=', '\\'])
                || first.text.starts_with([')', '}', ']'])
        };
        let output_like =
            || !first.text.starts_with(char::is_uppercase) || verdicts.code(block.lines.start);
        matches!(block.kind, RawKind::Paragraph)
            && !last.text.ends_with(['.', '!', '?', '"', '”'])
            && body.iter().all(|l| l.width() <= SHORT_LINE)
            && match (body.len(), block.blanks_before) {
                (1, 1) => syntax(),
                (1..=3, 0) => syntax() || output_like(),
                _ => false,
            }
    };
    // Nothing before the first code can join it.
    let Some(first_code) = blocks
        .iter()
        .position(|b| matches!(b.kind, RawKind::Preformatted))
    else {
        return;
    };
    let mut code_at: Option<usize> = None;
    for b in first_code..blocks.len() {
        if blocks[b].lines.is_empty() {
            continue;
        }
        match code_at {
            Some(code) if stray(&blocks[b]) => {
                let (start, end) = (blocks[b].lines.start, blocks[b].lines.end);
                blocks[b].lines = start..start;
                blocks[code].lines.end = end;
            }
            _ => {
                code_at = matches!(blocks[b].kind, RawKind::Preformatted).then_some(b);
            }
        }
    }
}

/// A comment line right above code (`-- Wrong!`, `# setup`), with no blank
/// line between, opens that code: its sentence-like end kept it out of the run.
fn claim_leading_comments(lines: &[Line<'_>], blocks: &mut [RawBlock]) {
    for b in 1..blocks.len() {
        // Code right under a line is rare: only then is that line read.
        if !(matches!(blocks[b].kind, RawKind::Preformatted) && blocks[b].blanks_before == 0) {
            continue;
        }
        let (before, rest) = blocks.split_at_mut(b);
        let code = &mut rest[0];
        let comment = &mut before[b - 1];
        let text = lines[comment.lines.start].text;
        // (`-- ` reads as an attribution dash on its own.)
        let is_comment = matches!(comment.kind, RawKind::Paragraph | RawKind::Attribution)
            && comment.lines.len() == 1
            && (["-- ", "// ", "# ", "/* "]
                .iter()
                .any(|c| text.starts_with(c))
                || text.ends_with(['(', '{', '[']));
        if is_comment {
            code.lines.start = comment.lines.start;
            code.blanks_before = comment.blanks_before;
            comment.lines = comment.lines.start..comment.lines.start;
        }
    }
}

/// A "— Name" line attributes the quote above it; a paragraph right above
/// it (no blank line between) becomes that quote.
fn claim_attribution(prev: &mut RawBlock, attribution: &mut RawBlock) {
    let adjacent = attribution.blanks_before == 0;
    let claim = match prev.kind {
        RawKind::Quote { .. } => prev.attribution().is_none() && attribution.blanks_before <= 1,
        RawKind::Paragraph if adjacent => {
            prev.kind = RawKind::Quote {
                style: QuoteStyle::Attributed,
            };
            true
        }
        _ => false,
    };
    if claim {
        prev.set_attribution(attribution.lines.start);
        // The attribution now lives in the quote; mark its own block empty.
        attribution.lines = attribution.lines.start..attribution.lines.start;
    }
}

/// Deepest first-line indent of a paragraph: a tab, or two ideographic
/// spaces; in CJK text, a space more where the source had one.
const FIRST_LINE_INDENT_MAX: u32 = 4;
const CJK_FIRST_LINE_INDENT_MAX: u32 = 5;

/// Deepest indent past the body's that still reads as nesting (two levels of
/// the converters' two- to four-column steps), not as a placed title.
const NESTED_DEPTH_MAX: u32 = 8;

fn paragraph_kind(
    input: &str,
    lines: &[Line<'_>],
    profile: &Profile,
    verdicts: &LineVerdicts<'_, '_>,
    block: &RawBlock,
    (prev, next): (Option<&RawBlock>, Option<&RawBlock>),
    quoting: Quoting,
) -> RawKind {
    let first = &lines[block.lines.start];
    let text = first.text;
    if block.lines.len() == 2
        && heuristics::repeats_itself_wrapped(text, lines[block.lines.start + 1].text)
    {
        return RawKind::Caption;
    }
    if block.lines.len() == 1 {
        let list_follows =
            next.is_some_and(|n| n.blanks_before == 0 && matches!(n.kind, RawKind::Item { .. }));
        let ctx = HeadingContext {
            blank_after: next.is_none_or(|n| n.blanks_before > 0),
            outdented: first.indent() < profile.body_indent
                && next.is_some_and(|n| {
                    let l = &lines[n.lines.start];
                    // Prose or a list under it, not code: lynx also prints
                    // code flush left ("SELECT" over indented columns).
                    // (A keyword in capitals over a short line is code.)
                    let worded = text.chars().any(char::is_lowercase);
                    let under = match n.kind {
                        // (Two words, or a line's worth of unspaced CJK text.)
                        RawKind::Paragraph => {
                            worded || l.text.split_whitespace().nth(1).is_some() || l.width() >= 24
                        }
                        RawKind::Item { .. } | RawKind::Heading { .. } => worded,
                        _ => false,
                    };
                    // A subheading flush left under it ("Environment" over
                    // "Geography") is the next level of the outline.
                    let subheading = matches!(n.kind, RawKind::Paragraph)
                        && n.lines.len() == 1
                        && n.blanks_before > 0
                        && l.indent() == first.indent()
                        && worded
                        && l.text.chars().any(char::is_lowercase)
                        && !l.text.ends_with(['.', ',', ':', ';']);
                    (l.indent() > first.indent() && under || subheading)
                        && !verdicts.code(n.lines.start)
                }),
            list_follows,
            // Asked below only of a line that is a heading otherwise: a
            // figure after it only ever says no, and reading the next line
            // for one costs more than most tests before it.
            figure_follows: false,
        };
        let figure_follows = || {
            next.is_some_and(|n| {
                matches!(n.kind, RawKind::Paragraph)
                    && n.lines.len() == 1
                    && is_figure(lines[n.lines.start].text)
            })
        };
        // An image's alt text printed again as its caption on the next line
        // (or the one after a blank): a pair, not a run of repeated lines.
        let repeats_line_above = block.blanks_before <= 1
            && prev.is_some_and(|p| {
                p.lines.len() == 1
                    && p.blanks_before > 0
                    && matches!(
                        p.kind,
                        RawKind::Paragraph
                            | RawKind::Heading {
                                explicit: false,
                                ..
                            }
                    )
                    && lines[p.lines.start].text == text
            })
            && !next.is_some_and(|n| n.blanks_before <= 1 && lines[n.lines.start].text == text);
        if repeats_line_above || repeats_itself(text) {
            return RawKind::Caption;
        }
        // A byline in the body ("Posted by Jane Doe, Engineer") or page
        // furniture (`[image]`, "Advertisement") is not a title.
        // A heading stands apart: a blank line above it too, unless the
        // text starts there or it is outdented ("Range: 22 km" under
        // "Height: 31 m" is a row, not a title).
        let stands_apart = block.blanks_before > 0 || prev.is_none() || ctx.outdented;
        // CJK typesetting opens every paragraph with ideographic spaces
        // ("　　"); a title is not indented that way.
        let paragraph_indent = input[..first.start()].ends_with('\u{3000}');
        // Sections sit at the body's indent or left of it: a line set in a
        // level or two deeper than the body and than both its neighbours is
        // nested in something (a figure's caption, a table cell), not a
        // section title. Set in further, or by a tab, it is typescript's way
        // of placing a title ("          CHAPTER I"), centred or not.
        let tabbed = input[..first.start()].ends_with('\t');
        let nested = (profile.body_indent + 2..=profile.body_indent + NESTED_DEPTH_MAX)
            .contains(&first.indent())
            && !tabbed
            && [prev, next]
                .iter()
                .all(|b| b.is_none_or(|b| lines[b.lines.start].indent() < first.indent()));
        if !profile.marks_headings
            && stands_apart
            && !paragraph_indent
            && !nested
            // (A line holding a formula is a statement, not a title.)
            && !formula::has_tex_group(text.as_bytes())
            && (ctx.outdented || !profile.outdents_headings)
            && !quoting.whole
            && is_heading(text, ctx)
            && !figure_follows()
            && metadata::byline(text).is_none()
            && verdicts.furniture(block.lines.start).is_none()
        {
            return RawKind::Heading {
                level: 2,
                explicit: false,
            };
        }
    }
    // pandoc prints an image as its alt text in brackets, wrapped like a
    // paragraph ("[Workers remove a sign from a roof …]"); indented, it is
    // a quoted note ("[figure 4: …]").
    if first.indent() < profile.body_indent + 2 && bracketed_alt_text(lines, block) {
        return RawKind::Caption;
    }
    if !quoting.dialogue && quoting.whole {
        return RawKind::Quote {
            style: QuoteStyle::Marks,
        };
    }
    // A shell prompt line is a command, wherever it stands; so is a line of
    // math, numbers or settings.
    if block.lines.len() == 1 && (text.starts_with("$ ") || isolated_code(text)) {
        return RawKind::Preformatted;
    }
    if first.indent() >= profile.body_indent + 2 {
        if block.lines.clone().any(|i| verdicts.code(i)) {
            return RawKind::Preformatted;
        }
        let shallower = |b: Option<&RawBlock>| {
            b.is_none_or(|b| {
                lines[b.lines.start].indent() < first.indent()
                    || !matches!(b.kind, RawKind::Paragraph | RawKind::Quote { .. })
            })
        };
        // Four words at least, counted only as far as the fourth (each
        // line's count stops there, so the sum reaches four only if the
        // paragraph's does).
        let four_words = || {
            let mut words = 0;
            lines[block.lines.clone()].iter().any(|l| {
                words += heuristics::count_words(l.text, 4);
                words >= 4
            })
        };
        // Only prose is quoted: it opens like a sentence and closes like one.
        let last_line = lines[block.lines.end - 1].text;
        let opens = text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"“‘«([„".contains(c));
        let closes = last_line
            .chars()
            .next_back()
            .is_some_and(|c| ".!?\"”’»)]…".contains(c));
        if opens && closes && four_words() && shallower(prev) && shallower(next) {
            return RawKind::Quote {
                style: QuoteStyle::Indented,
            };
        }
    }
    RawKind::Paragraph
}

/// The paragraph, first line to last, is one bracketed phrase of several
/// words with no bracket inside: an image's alt text, not a link or a note.
fn bracketed_alt_text(lines: &[Line<'_>], block: &RawBlock) -> bool {
    let body = &lines[block.lines.clone()];
    let (Some(first), Some(last)) = (body.first(), body.last()) else {
        return false;
    };
    let opens = first.text.starts_with('[')
        && !first.text.starts_with("[[")
        && !boilerplate::bracketed_note(first.text);
    let closes = last.text.ends_with(']') && !last.text.ends_with("]]");
    opens
        && closes
        && body.iter().enumerate().all(|(n, l)| {
            let inner = l.text.trim_start_matches('[').trim_end_matches(']');
            let ends = usize::from(n == 0) + usize::from(n + 1 == body.len());
            l.text.len() - inner.len() == ends && !inner.contains(['[', ']'])
        })
        && body
            .iter()
            .map(|l| l.text.split_whitespace().count())
            .sum::<usize>()
            >= 3
}

/// The paragraph's text, first line to last, is one quotation.
fn encloses(lines: &[Line<'_>], block: &RawBlock) -> bool {
    let first = &lines[block.lines.start];
    if !quotes::may_open_quotation(first.text) {
        return false;
    }
    let last = &lines[block.lines.end - 1];
    if block.lines.len() == 1 {
        return quotes::enclosed(first.text).is_some();
    }
    // Over several lines, check the marks at both ends and that no closing
    // mark of the same kind appears in between.
    let Some(open) = first.text.chars().next() else {
        return false;
    };
    let Some(closes) = quotes::closers(open) else {
        return false;
    };
    let ends_closed = last
        .text
        .trim_end_matches(['.', ','])
        .chars()
        .next_back()
        .is_some_and(|c| closes.contains(&c));
    ends_closed
        && lines[block.lines.clone()].iter().enumerate().all(|(n, l)| {
            let body = if n == 0 {
                &l.text[open.len_utf8()..]
            } else {
                l.text
            };
            let body = if n + 1 == block.lines.len() {
                body.trim_end_matches(['.', ','])
                    .trim_end_matches(|c| closes.contains(&c))
            } else {
                body
            };
            !body.contains(closes) || closes == ['’']
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<RawKind> {
        let lines = crate::lines::split(input);
        let (blocks, _) = group(input, &lines, &Options::default()).expect("groups");
        blocks
            .iter()
            .filter(|b| !b.lines.is_empty())
            .map(|b| b.kind)
            .collect()
    }

    #[test]
    fn a_comment_above_code_opens_it() {
        let input = "Count the rows per minute first.\n\n-- Wrong!\nSELECT\n   count(*) AS n\nFROM\n   server_log;\n";
        assert_eq!(kinds(input), [RawKind::Paragraph, RawKind::Preformatted]);
    }

    #[test]
    fn stray_lines_join_the_code_above() {
        let inputs = [
            // A line after a blank inside `<pre>`; prose after it stays prose.
            "Build the window first.\n\nWITH stats AS (\n   SELECT *\n   FROM log\n),\n\nwith_alert AS (\n\nThe query above runs once a minute, and nothing in it uses percentile_disc.\n",
            // Command output glued under its command.
            "Push the fix to the review repository:\n\n$ hg amend -m 'fix bug 15 (v2)'\n$ hg push\n[...]\nadded 1 changesets with 1 changes to 1 files (+1 heads)\nupdating bookmark bug15\n\nFigure 6 shows the state of the review repository at this point.\n",
        ];
        for input in inputs {
            let want = [
                RawKind::Paragraph,
                RawKind::Preformatted,
                RawKind::Paragraph,
            ];
            assert_eq!(kinds(input), want, "{input:?}");
        }
    }

    #[test]
    fn a_heading_after_code_stays_a_heading() {
        let input = "Set the pool size:\n\n    [database]\n    pool_size = 20\n    timeout = 30\n\nTuning max_connections\n\nThe database accepts a hundred connections by default, which is more than most sites need.\n";
        assert_eq!(
            kinds(input),
            [
                RawKind::Paragraph,
                RawKind::Preformatted,
                RawKind::Heading {
                    level: 2,
                    explicit: false
                },
                RawKind::Paragraph
            ]
        );
    }

    #[test]
    fn a_table_a_cell_per_line_takes_in_its_short_lists() {
        let input = "The ferry runs all year.\n\n   Length\n\n   41 m\n\n   Crew\n     * Master\n     * Two deckhands\n\n   Built\n\n   1987\n\n   Tonnage\n\n   812 t\n\n   Speed\n\n   11 kn\n\nShe was refitted in 2019.\n";
        assert_eq!(
            kinds(input),
            [
                RawKind::Paragraph,
                RawKind::Preformatted,
                RawKind::Paragraph
            ]
        );
    }

    #[test]
    fn an_item_holds_a_heading_printed_left_of_its_marker() {
        let input = "   Kit we carried this season, every piece of it tested on the hill.\n\n     * Screenshot\n    Ridge 40 pack\n       A forty-litre pack with a frame that moves the load onto the hips.\n     * Photo\n    Two-person tarp\n       Pitches with two poles or two trees and weighs under a kilo.\n";
        let item = RawKind::Item {
            depth: 0,
            ordered: false,
        };
        assert_eq!(kinds(input), [RawKind::Paragraph, item, item]);
    }

    #[test]
    fn text_at_the_body_indent_after_an_item_leaves_the_list() {
        // Left of the marker, but where the body's paragraphs stand.
        let input = "   Kit we carried this season, every piece of it tested on the hill.\n\n     * Ridge 40 pack\n   Packs and straps\n       And this line is indented under the item text for some reason.\n";
        let kinds = kinds(input);
        assert_eq!(
            kinds[1],
            RawKind::Item {
                depth: 0,
                ordered: false
            }
        );
        assert_eq!(kinds[2], RawKind::Paragraph);
    }

    #[test]
    fn a_hanging_indent_wraps_a_paragraph() {
        let wrapped = "   The ferry left at dawn, as it had done every day for forty years, and\n   the harbour master wrote the time in his book before he went to sleep.\n\n   (He kept the book for thirty years, though nobody ever asked him for\n       it, and the county archive took it when he died in the winter.)\n";
        assert_eq!(kinds(wrapped), [RawKind::Paragraph, RawKind::Paragraph]);
        // A line that ends its sentence is not wrapped into the deeper one.
        let ended = "   The ferry left at dawn, as it had done every day for forty years, and\n   the harbour master wrote the time in his book before he went to sleep.\n\n   The ferry left at dawn, as it had done every day for forty years, and\n   the harbour master wrote the time in his book before he went to sleep.\n         then the ferry left again, as it had done every day for forty years.\n";
        assert_eq!(kinds(ended).len(), 3);
    }

    #[test]
    fn a_short_list_of_figures_stays_a_list() {
        let input = "What the laptop has:\n\n  * 16 GB\n  * 512 GB\n  * 14 in\n  * 1.2 kg\n  * 2024\n  * 3 ports\n  * 65 W\n";
        let list = kinds(input)
            .iter()
            .filter(|k| matches!(k, RawKind::Item { .. }))
            .count();
        assert_eq!(list, 7);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("It was late."));
        assert!(ends_sentence("“It was late.”"));
        assert!(ends_sentence("He asked, “Why?”"));
        assert!(ends_sentence("夜は長かった。"));
        assert!(!ends_sentence("with a mutation,”"));
        assert!(!ends_sentence("the Cook"));
        assert!(ends_sentence("across the region.[12]"));
        assert!(ends_sentence("He said \"go.\""));
        assert!(!ends_sentence("(as it was.)"));
        assert!(!ends_sentence("a list, [1]"));
        assert!(!ends_sentence(""));
    }
}
