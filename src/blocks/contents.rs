//! A document's own table of contents as the authority on its outline.
//!
//! Encyclopedia pages, manuals and long posts print a list of their section
//! titles ("1 History", "  3.1 Climate", …) before the body. Where the
//! sections below do carry those titles, the list says which of the body's
//! short lines are section headings and which are not: an image's alt text,
//! an infobox label or a navigation box label looks just like a heading in
//! plain text, but no table of contents lists it.

use super::heuristics::count_words;
use super::{ends_sentence, RawBlock, RawKind};
use crate::lines::{Line, LineKind};

/// Fewest entries that make a list a table of contents.
const ENTRIES_MIN: usize = 4;
/// Most words in one entry: a section title, not an item of prose.
const ENTRY_WORDS_MAX: usize = 10;
/// Lists tried as a table of contents: each try reads the rest of the
/// document, so a document of many lists tries only its first few.
const CANDIDATES_MAX: usize = 4;
/// Deepest heading level a nested entry gives.
const LEVEL_MAX: u8 = 6;

/// One entry: the title, its depth in the list and its place in the list.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    title: &'a str,
    depth: u32,
    order: usize,
}

/// Find a table of contents and let it settle the headings after it:
/// a one-line block carrying an entry's title (in the list's order) is a
/// heading at the entry's level. When the table is nested, an unmarked
/// heading that carries no entry's title is a caption (kept, out of the
/// body): a nested table lists subsections too, so such a line is a label.
///
/// A list counts as a table of contents when it has at least
/// [`ENTRIES_MIN`] short one-line entries and at least three quarters of
/// them come back, in order, as one-line blocks after it. Headings marked
/// in the text (`##`, an underline) are left as they are.
pub(super) fn follow_table_of_contents(lines: &[Line<'_>], blocks: &mut [RawBlock]) {
    let mut tried = 0;
    let mut b = 0;
    while b < blocks.len() && tried < CANDIDATES_MAX {
        if !matches!(blocks[b].kind, RawKind::Item { .. }) {
            b += 1;
            continue;
        }
        let end = b + blocks[b..]
            .iter()
            .take_while(|x| matches!(x.kind, RawKind::Item { .. }) || x.lines.is_empty())
            .count();
        let Some(mut entries) = entries(lines, &blocks[b..end]) else {
            b = end;
            continue;
        };
        tried += 1;
        // No title soon after the list: no table of contents, and no need
        // to sort the entries and walk the blocks to find that out.
        if !title_soon_after(lines, &blocks[end..], &entries) {
            b = end;
            continue;
        }
        entries.sort_unstable_by(|x, y| folded_cmp(x.title, y.title).then(x.order.cmp(&y.order)));
        let tally = walk(lines, &mut blocks[end..], &entries, Settle::Count);
        if tally.is_table_of(entries.len()) {
            // A nested table goes below the top level, so it lists the
            // subsections too; a flat one may leave them out.
            let settle = if entries.iter().any(|e| e.depth > 0) {
                Settle::Outline
            } else {
                Settle::Listed
            };
            walk(lines, &mut blocks[end..], &entries, settle);
            return;
        }
        b = end;
    }
}

/// The entries of a list, or `None` when it cannot be a table of contents.
fn entries<'a>(lines: &[Line<'a>], items: &[RawBlock]) -> Option<Vec<Entry<'a>>> {
    let items = items.iter().filter(|x| !x.lines.is_empty());
    // The cheap tests first, before any title is read or kept.
    let count = items.clone().count();
    if count < ENTRIES_MIN || items.clone().any(|x| x.lines.len() != 1) {
        return None;
    }
    let mut entries = Vec::with_capacity(count);
    for (order, item) in items.enumerate() {
        let RawKind::Item { depth, .. } = item.kind else {
            return None;
        };
        if item.lines.len() != 1 {
            return None;
        }
        let title = without_section_number(lines[item.lines.start].content());
        // Words take a byte each and a space between: a title this short
        // has too few to count.
        let may_be_wordy = title.len() > 2 * ENTRY_WORDS_MAX;
        if title.is_empty()
            || ends_sentence(title)
            || may_be_wordy && count_words(title, ENTRY_WORDS_MAX + 1) > ENTRY_WORDS_MAX
        {
            return None;
        }
        entries.push(Entry {
            title,
            depth,
            order,
        });
    }
    (entries.len() >= ENTRIES_MIN).then_some(entries)
}

/// What [`walk`] changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Settle {
    /// Nothing: it only counts the matches.
    Count,
    /// The headings the table lists.
    Listed,
    /// The headings it lists, and the unmarked headings it does not list:
    /// those are labels (alt text, a caption, an infobox's field).
    Outline,
}

/// What a walk after a list found.
#[derive(Debug, Default)]
struct Tally {
    /// Blocks carrying an entry's title, in the list's order.
    matched: usize,
    /// Matches with something else after them: a section's text, not the
    /// next title straight away.
    followed: usize,
}

impl Tally {
    /// The titles come back as a table of contents' do (the first one soon
    /// after the list, [`title_soon_after`]): most of its `entries`, and
    /// most of them over a section's text. (A site's menu repeated in its
    /// footer comes back too, but late and as a run of bare titles.)
    fn is_table_of(&self, entries: usize) -> bool {
        self.matched >= ENTRIES_MIN
            && self.matched * 4 >= entries * 3
            && self.followed * 2 >= self.matched
    }
}

/// Most blocks between a table of contents and the first title it lists.
const FIRST_TITLE_WITHIN: usize = 3;

/// Some entry's title comes back with at most [`FIRST_TITLE_WITHIN`]
/// blocks between it and the list, as a table of contents' first title does (any entry: before
/// its first match, [`walk`] looks for one from the top of the list). A
/// list that fails this is never walked, which keeps a document of many
/// lists from reading itself for each.
fn title_soon_after(lines: &[Line<'_>], blocks: &[RawBlock], entries: &[Entry<'_>]) -> bool {
    blocks
        .iter()
        .filter(|x| !x.lines.is_empty())
        .take(FIRST_TITLE_WITHIN + 1)
        .filter_map(|block| title_line(lines, block))
        .any(|title| entries.iter().any(|e| e.title.eq_ignore_ascii_case(title)))
}

/// The text of a block that may carry an entry's title, its section number
/// dropped: a one-line paragraph or unmarked heading.
fn title_line<'a>(lines: &[Line<'a>], block: &RawBlock) -> Option<&'a str> {
    (block.lines.len() == 1
        && (matches!(block.kind, RawKind::Paragraph) || block.is_bare_heading()))
    .then(|| &lines[block.lines.start])
    .filter(|line| matches!(line.kind, LineKind::Text))
    .map(|line| without_section_number(line.text))
}

/// Go through the blocks after a table of contents, matching one-line
/// blocks to its entries in order; count the matches and settle the
/// headings as `settle` says.
fn walk(
    lines: &[Line<'_>],
    blocks: &mut [RawBlock],
    entries: &[Entry<'_>],
    settle: Settle,
) -> Tally {
    let mut tally = Tally::default();
    // The list position of the entry matched last: entries come in order.
    let mut next_order = 0;
    let mut after_match = false;
    for block in blocks.iter_mut().filter(|x| !x.lines.is_empty()) {
        crate::work::tick(1);
        let title = title_line(lines, block).and_then(|title| find(entries, title, next_order));
        if after_match && title.is_none() {
            tally.followed += 1;
        }
        after_match = title.is_some();
        let line = &lines[block.lines.start];
        match title {
            Some(entry) => {
                tally.matched += 1;
                next_order = entry.order + 1;
                if settle != Settle::Count {
                    let level = 2u32.saturating_add(entry.depth).min(u32::from(LEVEL_MAX));
                    block.kind = RawKind::Heading {
                        level: level as u8,
                        explicit: false,
                    };
                }
            }
            None => {
                if settle == Settle::Outline && block.is_bare_heading() && is_label(line.text) {
                    block.kind = RawKind::Caption;
                }
            }
        }
    }
    tally
}

/// An unlisted heading-shaped line under a nested table of contents that
/// reads as a label (an image's alt text, a figure's caption, an infobox's
/// field) rather than a title the table left out: a phrase of two words or
/// more, not a question, not a titled aside. (A one-word line may be a
/// subsection below the table's depth, "Climate"; a question is an FAQ's
/// title; "Pro tip: chill the jar" titles a box.)
fn is_label(text: &str) -> bool {
    !text.ends_with('?') && !text.contains(':') && text.split_whitespace().nth(1).is_some()
}

/// `a` against `b`, ASCII letters compared without case: a table and its
/// sections may case a title differently ("What you need", "What You Need").
fn folded_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The first entry titled `title` at list position `from` or later.
fn find<'e, 'a>(entries: &'e [Entry<'a>], title: &str, from: usize) -> Option<&'e Entry<'a>> {
    let first = entries.partition_point(|e| folded_cmp(e.title, title).is_lt());
    entries[first..]
        .iter()
        .take_while(|e| folded_cmp(e.title, title).is_eq())
        .find(|e| e.order >= from)
}

/// `title` without a leading section number ("4.1 Geography", "12. Notes").
fn without_section_number(title: &str) -> &str {
    // Most titles open with a letter: no number to drop.
    if !title.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return title;
    }
    let number = title
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    // Each part of a section number is short: "1984 was" is no section.
    let parts_short = title[..number].split('.').all(|part| part.len() <= 3)
        && title.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if !parts_short {
        return title;
    }
    match title[number..].strip_prefix(' ') {
        Some(rest) if rest.starts_with(|c: char| !c.is_whitespace()) => rest,
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    /// The kind and first line of each block `input` groups into.
    fn blocks(input: &str) -> Vec<(RawKind, &str)> {
        let lines = crate::lines::split(input);
        let (blocks, _) = super::super::group(input, &lines, &Options::default()).expect("groups");
        blocks
            .iter()
            .filter(|b| !b.lines.is_empty())
            .map(|b| (b.kind, lines[b.lines.start].text))
            .collect()
    }

    fn kind_of(input: &str, text: &str) -> Option<RawKind> {
        blocks(input)
            .into_iter()
            .find(|(_, t)| *t == text)
            .map(|(k, _)| k)
    }

    const HEADING_2: RawKind = RawKind::Heading {
        level: 2,
        explicit: false,
    };
    const HEADING_3: RawKind = RawKind::Heading {
        level: 3,
        explicit: false,
    };

    const NESTED: &str = "Contents\n\n  • 1 Origins\n  • 2 Works\n      □ 2.1 Early\n      □ 2.2 Late\n  • 3 Legacy\n\n\
        Origins\n\nShe was born in a mill town and left it at sixteen for the coast.\n\n\
        Works\n\nEarly\n\nHer first book sold four hundred copies in its first year.\n\n\
        Late\n\nA desk by a window\n\nThe later novels were written at night, after the shop shut.\n\n\
        Legacy\n\nTwo of her novels are still taught in the schools of her county.\n";

    #[test]
    fn a_nested_table_settles_levels_and_labels() {
        assert_eq!(kind_of(NESTED, "Origins"), Some(HEADING_2));
        assert_eq!(kind_of(NESTED, "Early"), Some(HEADING_3));
        assert_eq!(kind_of(NESTED, "Late"), Some(HEADING_3));
        // Listed nowhere: an image's alt text, not a section.
        assert_eq!(
            kind_of(NESTED, "A desk by a window"),
            Some(RawKind::Caption)
        );
        // Before the table: not its business.
        assert_eq!(kind_of(NESTED, "Contents"), Some(HEADING_2));
    }

    #[test]
    fn a_flat_table_leaves_unlisted_headings() {
        let flat = "Contents\n\n  • Origins\n  • Works\n  • Legacy\n  • Notes\n\n\
            Origins\n\nShe was born in a mill town and left it at sixteen for the coast.\n\n\
            Works\n\nHer first book sold four hundred copies in its first year.\n\n\
            Early novels\n\nThe first two were set in the mill town she had left behind.\n\n\
            Legacy\n\nTwo of her novels are still taught in the schools of her county.\n\n\
            Notes\n\nDates follow the county register.\n";
        assert_eq!(kind_of(flat, "Works"), Some(HEADING_2));
        assert_eq!(kind_of(flat, "Early novels"), Some(HEADING_2));
    }

    #[test]
    fn a_list_whose_items_do_not_come_back_is_no_table() {
        let shopping =
            "What to bring\n\n  • 1 Boots\n  • 2 Water\n      □ 2.1 Flask\n  • 3 Map\n\n\
            Before you go\n\nCheck the forecast the night before and tell someone your route.\n\n\
            On the hill\n\nKeep to the path above the quarry where the fence is down.\n";
        assert_eq!(kind_of(shopping, "Before you go"), Some(HEADING_2));
        assert_eq!(kind_of(shopping, "On the hill"), Some(HEADING_2));
    }

    #[test]
    fn entries_come_back_in_order_or_not_at_all() {
        // Titles after the table in another order match only as far as
        // the order holds: too few, so nothing is settled.
        let shuffled = "Contents\n\n  • 1 Origins\n  • 2 Works\n      □ 2.1 Early\n  • 3 Legacy\n  • 4 Notes\n\n\
            Notes\n\nDates follow the county register.\n\n\
            Legacy\n\nTwo of her novels are still taught in the schools of her county.\n\n\
            Works\n\nHer first book sold four hundred copies in its first year.\n\n\
            A desk by a window\n\nThe later novels were written at night, after the shop shut.\n\n\
            Origins\n\nShe was born in a mill town and left it at sixteen for the coast.\n";
        assert_ne!(
            kind_of(shuffled, "A desk by a window"),
            Some(RawKind::Caption)
        );
    }

    #[test]
    fn section_numbers_come_off() {
        assert_eq!(without_section_number("4.1 Geography"), "Geography");
        assert_eq!(without_section_number("12. Notes"), "Notes");
        assert_eq!(without_section_number("1 Etymology"), "Etymology");
        assert_eq!(without_section_number("1984 was a year"), "1984 was a year");
        assert_eq!(without_section_number("3.5%"), "3.5%");
        assert_eq!(without_section_number("History"), "History");
        assert_eq!(without_section_number("4.1  Gap"), "4.1  Gap");
        assert_eq!(without_section_number(".5 Half"), ".5 Half");
    }

    fn entry(title: &str, order: usize) -> Entry<'_> {
        Entry {
            title,
            depth: 0,
            order,
        }
    }

    #[test]
    fn a_menu_repeated_in_the_footer_is_no_table() {
        let page = "  • News\n      □ World\n  • Sport\n  • Culture\n  • About\n\n\
            Council approves cycle lanes\n\nThe city council voted on Tuesday to build twelve miles of lanes.\n\n\
            Who pays\n\nMost of the money comes from a national transport grant.\n\n\
            News\n\nWorld\n\nSport\n\nCulture\n\nAbout\n";
        assert_eq!(
            kind_of(page, "Council approves cycle lanes"),
            Some(HEADING_2)
        );
        assert_eq!(kind_of(page, "Who pays"), Some(HEADING_2));
    }

    #[test]
    fn titles_match_without_case_and_questions_stay() {
        let input = NESTED
            .replace("\nWorks\n", "\nWORKS\n")
            .replace("Legacy\n\nTwo", "Is she still read?\n\nTwo");
        assert_eq!(kind_of(&input, "WORKS"), Some(HEADING_2));
        assert_ne!(
            kind_of(&input, "Is she still read?"),
            Some(RawKind::Caption)
        );
        // One word the table does not list may be a deeper subsection.
        let deeper = NESTED.replace("A desk by a window", "Novels");
        assert_ne!(kind_of(&deeper, "Novels"), Some(RawKind::Caption));
    }

    #[test]
    fn entries_are_found_in_list_order() {
        let mut entries = vec![entry("Notes", 0), entry("Art", 1), entry("Notes", 2)];
        entries.sort_unstable_by(|x, y| folded_cmp(x.title, y.title).then(x.order.cmp(&y.order)));
        assert_eq!(find(&entries, "Notes", 0).map(|e| e.order), Some(0));
        assert_eq!(find(&entries, "Notes", 1).map(|e| e.order), Some(2));
        assert_eq!(find(&entries, "Notes", 3).map(|e| e.order), None);
        assert_eq!(find(&entries, "Art", 2).map(|e| e.order), None);
        assert_eq!(find(&entries, "Zebra", 0).map(|e| e.order), None);
    }
}
