//! Quotation marks and attribution lines.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::space0;
use nom::{IResult, Parser};

/// The marks that may close a quotation opened by `open`, or `None` when
/// `open` does not open one. Straight `'` is left out: it is far more often an
/// apostrophe than a quotation mark.
pub(crate) fn closers(open: char) -> Option<&'static [char]> {
    Some(match open {
        '“' => &['”'],
        '"' => &['"'],
        '«' => &['»'],
        '„' => &['“', '”'],
        '‚' => &['‘', '’'],
        '‘' => &['’'],
        '「' => &['」'],
        '『' => &['』'],
        '‹' => &['›'],
        _ => return None,
    })
}

/// Whether `text` may open with a mark that [`closers`] knows: its first
/// byte is one such a mark's UTF-8 starts with. Most paragraphs open with a
/// letter and are turned away by this one byte, not by decoding a character
/// and matching it against every mark.
pub(crate) fn may_open_quotation(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'"' | 0xC2 | 0xE2 | 0xE3))
}

/// True when `c` closes some quotation.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '»' | '“' | '‘' | '’' | '」' | '』' | '›')
}

/// The byte lengths of the marks enclosing a text that is wholly one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Enclosed {
    /// Length of the opening mark and the spaces after it.
    pub open: usize,
    /// Length of the closing mark, the spaces before it and any trailing
    /// punctuation after it.
    pub close: usize,
}

/// `text` is one quotation from its first to its last character: it opens with
/// a mark and the first matching close is at its very end.
pub(crate) fn enclosed(text: &str) -> Option<Enclosed> {
    if !may_open_quotation(text) {
        return None;
    }
    let open = text.chars().next()?;
    let closes = closers(open)?;
    let body = &text[open.len_utf8()..];
    // A closing mark may be followed by a full stop or similar ("…” .", "“…”.").
    let tail = body.trim_end_matches(['.', ',', ';', ' ']);
    let close = tail.chars().next_back()?;
    if !closes.contains(&close) {
        return None;
    }
    let inner = &tail[..tail.len() - close.len_utf8()];
    if inner.trim().is_empty() {
        return None;
    }
    let apostrophe_like = close == '’';
    let mut chars = inner.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if closes.contains(&c) {
            // In ‘…’ quotes an inner ’ between letters is an apostrophe.
            let next_is_letter = chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if !(apostrophe_like && next_is_letter) {
                return None;
            }
        }
    }
    let inner_start = open.len_utf8() + (inner.len() - inner.trim_start().len());
    let inner_end = open.len_utf8() + inner.trim_end().len();
    Some(Enclosed {
        open: inner_start,
        close: text.len() - inner_end,
    })
}

// dash = "—" / "―" / "–" / "--" / "~"
fn dash(input: &str) -> IResult<&str, &str> {
    alt((tag("—"), tag("―"), tag("–"), tag("--"), tag("~"))).parse(input)
}

/// The byte offset of the name in an attribution line: `— Vidal Sassoon`.
// attribution = 1*dash *space name      ; name: 1 to 12 words, starting with a capital
pub(crate) fn attribution(line: &str) -> Option<usize> {
    // Every dash opens with `-`, `~` or E2 80 93 to 95 (`–` `—` `―`): other
    // lines, among them the many that open with a curly quote (E2 80 9C) or
    // box drawing (E2 94 xx), are rejected before the parser runs.
    if !matches!(
        line.as_bytes(),
        [b'-' | b'~', ..] | [0xE2, 0x80, 0x93..=0x95, ..]
    ) {
        return None;
    }
    // Japanese typesetting doubles the dash ("―― 佐藤 美咲").
    let parsed: IResult<&str, (usize, &str)> = (nom::multi::many1_count(dash), space0).parse(line);
    let (name, _) = parsed.ok()?;
    let first = name.chars().next()?;
    let words = name.split_whitespace().count();
    let offset = line.len() - name.len();
    // A name starts with a capital (or a letter of a caseless script); a
    // dash before a lower-case word is a wrapped clause.
    let named = first.is_alphabetic() && !first.is_lowercase();
    (named && words <= 12 && name.len() <= 160).then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enclosed_quotes() {
        let s = "“If they don’t withdraw, we will.”";
        assert_eq!(enclosed(s), Some(Enclosed { open: 3, close: 3 }));
        assert_eq!(
            enclosed("\"Plain straight.\""),
            Some(Enclosed { open: 1, close: 1 })
        );
        assert_eq!(
            enclosed("« Bonjour à tous »"),
            Some(Enclosed { open: 3, close: 3 })
        );
        assert_eq!(
            enclosed("„Guten Tag“"),
            Some(Enclosed { open: 3, close: 3 })
        );
        assert_eq!(enclosed("‘It’s fine,’ she said’").map(|e| e.open), None);
        assert_eq!(enclosed("‘It’s fine’").map(|e| e.close), Some(3));
        assert_eq!(
            enclosed("「こんにちは」"),
            Some(Enclosed { open: 3, close: 3 })
        );
        // trailing punctuation after the closing mark belongs to the close
        assert_eq!(enclosed("“Done”."), Some(Enclosed { open: 3, close: 4 }));
        // rejects: two quotations, unclosed, not opening with a mark, empty
        assert_eq!(enclosed("“One,” he said, “two.”"), None);
        assert_eq!(enclosed("“Unclosed"), None);
        assert_eq!(enclosed("The “quoted” word"), None);
        assert_eq!(enclosed("“”"), None);
        assert_eq!(enclosed(""), None);
    }

    #[test]
    fn attribution_dashes_open_with_the_checked_bytes() {
        for dash in ["—", "―", "–", "--", "~"] {
            assert_eq!(
                attribution(&format!("{dash} Ada Reyes")),
                Some(dash.len() + 1)
            );
        }
    }

    #[test]
    fn attributions() {
        assert_eq!(attribution("— Vidal Sassoon"), Some(4));
        assert_eq!(attribution("–Ada Lovelace"), Some(3));
        assert_eq!(attribution("-- Grace Hopper, 1987"), Some(3));
        assert_eq!(attribution("― Rumi"), Some(4));
        // rejects
        assert_eq!(attribution("—"), None);
        assert_eq!(attribution("— 42"), None);
        assert_eq!(attribution("— say, the latitude of the winds"), None);
        assert_eq!(attribution("— 佐藤 美咲"), Some(4));
        assert_eq!(attribution("―― 佐藤 美咲"), Some(7));
        assert_eq!(attribution("Vidal Sassoon"), None);
        assert_eq!(
            attribution("— and then the long dash led into a sentence that kept going far beyond any name at all"),
            None
        );
    }

    #[test]
    fn every_opening_mark_passes_the_first_byte_test() {
        let mut buf = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if closers(c).is_some() {
                assert!(may_open_quotation(c.encode_utf8(&mut buf)), "{c:?}");
            }
        }
    }

    #[test]
    fn closers_pair_marks() {
        assert_eq!(closers('“'), Some(&['”'][..]));
        assert_eq!(closers('„').map(|c| c.len()), Some(2));
        assert_eq!(closers('\''), None);
        assert!(is_closer('»'));
        assert!(!is_closer('«'));
    }
}
