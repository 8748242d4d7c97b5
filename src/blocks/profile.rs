//! Document-wide measurements taken once before grouping: is the text
//! hard-wrapped, and at which column; how deep is the body indented.

use crate::lines::{Line, LineKind};

/// Lines narrower than this say nothing about wrapping (headings, short items).
const MIN_WRAP_EVIDENCE: u32 = 20;
/// A document wrapped at N columns has almost no lines wider than N; an
/// unwrapped one has many lines far wider than any terminal.
const UNWRAPPED_WIDTH: u32 = 100;

/// What the grouping stage needs to know about the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Profile {
    /// The column text is wrapped at, when the text is hard-wrapped.
    pub wrap: Option<u32>,
    /// What the wrapper counted: terminal columns (w3m), or `char`s or bytes
    /// (lynx, whose CJK lines look ragged in columns).
    pub wrap_unit: WrapUnit,
    /// The indentation of most running text.
    pub body_indent: u32,
    /// The text marks its headings (`## Title`): then an unmarked short line
    /// is not a heading.
    pub marks_headings: bool,
    /// Headings stand outdented from an indented body (lynx): then a short
    /// line at the body's indentation is not a heading.
    pub outdents_headings: bool,
}

impl Profile {
    pub(crate) fn of(lines: &[Line<'_>]) -> Profile {
        let mut ends = [0u32; UNWRAPPED_WIDTH as usize + 1];
        let mut wide = 0u32;
        let mut byte_ends = [0u32; UNWRAPPED_WIDTH as usize + 1];
        let mut byte_wide = 0u32;
        let mut char_ends = [0u32; UNWRAPPED_WIDTH as usize + 1];
        let mut char_wide = 0u32;
        let mut measured = 0u32;
        let mut indents = [0u32; 41];
        // `#` lines standing after a blank line: headings, not code comments.
        let mut atx_headings = 0u32;
        let mut after_blank = true;
        for line in lines {
            if matches!(line.kind, LineKind::Atx { .. }) && after_blank {
                atx_headings += 1;
            }
            after_blank = matches!(line.kind, LineKind::Blank);
            if !matches!(
                line.kind,
                LineKind::Text | LineKind::Bullet { .. } | LineKind::Ordered { .. }
            ) {
                continue;
            }
            if matches!(line.kind, LineKind::Text) {
                if let Some(slot) = indents.get_mut(line.indent() as usize) {
                    *slot += line.width().min(200);
                }
            }
            if line.width() < MIN_WRAP_EVIDENCE {
                continue;
            }
            measured += 1;
            match ends.get_mut(line.end_column() as usize) {
                Some(slot) => *slot += 1,
                None => wide += 1,
            }
            match byte_ends.get_mut(WrapUnit::Bytes.end(line) as usize) {
                Some(slot) => *slot += 1,
                None => byte_wide += 1,
            }
            match char_end_up_to(line, UNWRAPPED_WIDTH)
                .and_then(|end| char_ends.get_mut(end as usize))
            {
                Some(slot) => *slot += 1,
                None => char_wide += 1,
            }
        }
        let body_indent = indents
            .iter()
            .enumerate()
            .max_by_key(|&(indent, weight)| (*weight, std::cmp::Reverse(indent)))
            .map_or(0, |(indent, _)| indent as u32);
        // Short flush-left text lines, each followed by body text.
        let outdented = (1..lines.len())
            .filter(|&i| {
                let line = &lines[i - 1];
                matches!(line.kind, LineKind::Text)
                    && line.indent() == 0
                    && line.width() < 100
                    && lines[i..]
                        .iter()
                        .take(3)
                        .find(|l| !matches!(l.kind, LineKind::Blank))
                        .is_some_and(|l| l.indent() == body_indent)
            })
            .count();
        let (wrap, wrap_unit) = [
            (wrap_width(&ends, wide, measured), WrapUnit::Columns),
            (wrap_width(&char_ends, char_wide, measured), WrapUnit::Chars),
            (wrap_width(&byte_ends, byte_wide, measured), WrapUnit::Bytes),
        ]
        .into_iter()
        .find(|(wrap, _)| wrap.is_some())
        .unwrap_or((None, WrapUnit::Columns));
        Profile {
            wrap,
            wrap_unit,
            body_indent,
            marks_headings: atx_headings >= 2,
            outdents_headings: body_indent >= 2 && outdented >= 2,
        }
    }
}

/// What a hard-wrapping converter counted to decide where to break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WrapUnit {
    /// Terminal columns, wide characters counting two.
    Columns,
    /// Characters.
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

impl WrapUnit {
    /// Where `line` ends, in this unit.
    pub(crate) fn end(self, line: &Line<'_>) -> u32 {
        let len = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        match self {
            WrapUnit::Columns => line.end_column(),
            // A line as wide as it is long is ASCII (every other character
            // takes more bytes than columns): no need to read it.
            WrapUnit::Chars if line.width() as usize == line.text.len() => {
                line.indent().saturating_add(len(line.text.len()))
            }
            WrapUnit::Chars => line.indent().saturating_add(len(line.text.chars().count())),
            WrapUnit::Bytes => line.indent().saturating_add(len(line.text.len())),
        }
    }

    /// The length of `word`, in this unit.
    pub(crate) fn len(self, word: &str) -> u32 {
        let n = match self {
            WrapUnit::Columns => return crate::lines::display_width(word),
            WrapUnit::Chars => word.chars().count(),
            WrapUnit::Bytes => word.len(),
        };
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// Where `line` ends in `char`s ([`WrapUnit::Chars`]), if not past `limit`.
/// A character takes at most two columns, so a line whose width shows it
/// ends past `limit` anyway is not counted (most long lines of unwrapped
/// text with a curly quote or an accent).
fn char_end_up_to(line: &Line<'_>, limit: u32) -> Option<u32> {
    let fewest_chars = line.width().div_ceil(2);
    if line.indent().saturating_add(fewest_chars) > limit {
        return None;
    }
    Some(WrapUnit::Chars.end(line)).filter(|&end| end <= limit)
}

impl Profile {
    /// Where `line` ends, in the unit the text was wrapped in.
    pub(crate) fn line_end(&self, line: &Line<'_>) -> u32 {
        self.wrap_unit.end(line)
    }
}

/// Lines ending this close to the margin count as filled to it.
const NEAR_MARGIN: u32 = 15;

/// The wrap column: among the columns that at most 5% of lines pass (a few
/// code or table lines are not wrapped), the one with the most lines ending
/// just before it, provided those are a good share of all lines (a
/// hard-wrapped paragraph fills its lines to within a word of the margin).
fn wrap_width(ends: &[u32], wide: u32, measured: u32) -> Option<u32> {
    if measured < 4 || wide * 20 > measured {
        return None;
    }
    let allowed_above = measured / 20;
    // Lines ending after each column, from the right.
    let mut above = wide;
    let mut best: Option<(u32, u32)> = None;
    for column in (MIN_WRAP_EVIDENCE..ends.len() as u32).rev() {
        if above > allowed_above {
            break;
        }
        let from = column.saturating_sub(NEAR_MARGIN - 1) as usize;
        let near: u32 = ends[from..=column as usize].iter().sum();
        if best.is_none_or(|(_, n)| near >= n) {
            best = Some((column, near));
        }
        above += ends[column as usize];
    }
    let (window_end, near) = best?;
    // The margin is the last column several lines reach: one stray line (a
    // rule, a table row) past it must not move it.
    let from = window_end.saturating_sub(NEAR_MARGIN - 1);
    let reached = (from..=window_end)
        .rev()
        .find(|&c| ends[c as usize] >= 2)
        .unwrap_or(window_end);
    (near * 10 >= measured * 4).then_some(reached)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;

    #[test]
    fn unwrapped_text_has_no_width() {
        let long = "word ".repeat(40);
        let text = format!("{long}\n\n{long}\n\n{long}\n\n{long}\n");
        assert_eq!(Profile::of(&split(&text)).wrap, None);
    }

    #[test]
    fn wrapped_text_finds_its_column() {
        let para = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi\n";
        let text = para.repeat(12);
        let profile = Profile::of(&split(&text));
        assert_eq!(profile.wrap, Some(para.trim_end().len() as u32));
        assert_eq!(profile.body_indent, 0);
    }

    #[test]
    fn wrap_unit_falls_back_to_chars() {
        // 60 CJK characters per line: 120 columns, 180 bytes, 60 chars.
        let line = "字".repeat(60) + "\n";
        let text = line.repeat(8);
        let profile = Profile::of(&split(&text));
        assert_eq!(
            (profile.wrap, profile.wrap_unit),
            (Some(60), WrapUnit::Chars)
        );
    }

    #[test]
    fn char_ends_are_counted_only_up_to_the_limit() {
        for text in [
            "short é line",
            "wide 字字字 line",
            &"é".repeat(60),
            &"字".repeat(60),
        ] {
            for indent in ["", "    "] {
                let input = format!("{indent}{text}\n");
                let line = split(&input)[0];
                let end = WrapUnit::Chars.end(&line);
                for limit in [0, 10, 50, 64, 100] {
                    let expected = (end <= limit).then_some(end);
                    assert_eq!(char_end_up_to(&line, limit), expected, "{input:?} {limit}");
                }
            }
        }
    }

    #[test]
    fn body_indent_is_the_most_common() {
        let text = "Heading\n\n   body line one that is long\n   body line two that is long\n";
        assert_eq!(Profile::of(&split(text)).body_indent, 3);
    }
}
