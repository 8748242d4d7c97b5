//! Does a line read as code rather than prose? Measured once per line by
//! the line stage (the grouping stage asks about the same line several
//! times), and by the heading heuristic for a heading candidate's text.

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
    {
        return true;
    }
    // One vectorized pass counts what each test needs; the searches for
    // table rules and calls run only where their bytes occur at all.
    let counts = ByteCounts::of(text.as_bytes());
    if counts.box_marks > 0 && has_table_rule(text) || counts.call_marks > 0 && has_call(text) {
        return true;
    }
    // Bytes, not chars, as the measure: cheaper, and code is ASCII. One
    // symbol in a few characters ("7:e3f9]") is a fragment, not code.
    let boxes = if counts.box_marks > 0 {
        box_symbols(text)
    } else {
        0
    };
    let symbols = counts.code_bytes + boxes;
    symbols >= 2 && symbols * 12 > text.len()
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

/// The ASCII characters that prose rarely uses and code often does:
/// `{}[]<>=;$\|` and backticks, `()` and `_`. Written as byte ranges joined
/// without branching, so that counting them over a line compiles to vector
/// compares (a `match` of 15 bytes compiles to a lookup per byte).
fn is_code_byte(b: u8) -> bool {
    let in_range = |first: u8, len: u8| b.wrapping_sub(first) < len;
    // `$`; `(` `)`; `;` `<` `=` `>`; `[` `\` `]` `^` `_` `` ` `` less `^`; `{` `|` `}`.
    (b == b'$')
        | in_range(b'(', 2)
        | in_range(b';', 4)
        | (in_range(b'[', 6) & (b != b'^'))
        | in_range(b'{', 3)
}

/// Characters that prose rarely uses and code often does.
pub(crate) fn code_symbols(text: &str) -> usize {
    let counts = ByteCounts::of(text.as_bytes());
    counts.code_bytes + box_symbols(text)
}

/// Box-drawing `│` `─` `┼` (E2 94 82, E2 94 80 and E2 94 BC): code's tables.
fn box_symbols(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes)
        .filter(|&i| matches!(bytes.get(i + 1..i + 3), Some([0x94, 0x80 | 0x82 | 0xBC])))
        .count()
}

/// Byte counts over a line, taken in one pass.
struct ByteCounts {
    /// ASCII code symbols ([`is_code_byte`]): an ASCII byte is always its
    /// own character in UTF-8.
    code_bytes: usize,
    /// `(` and `_`, which [`has_call`] looks around.
    call_marks: usize,
    /// 94 and 95: box-drawing characters (U+2500 to U+257F) are E2 94 xx
    /// and E2 95 xx. (Some other characters hold them too, like the em dash
    /// E2 80 94, but far fewer lines than hold an E2.)
    box_marks: usize,
}

impl ByteCounts {
    fn of(bytes: &[u8]) -> ByteCounts {
        let mut counts = ByteCounts {
            code_bytes: 0,
            call_marks: 0,
            box_marks: 0,
        };
        // Counted in byte-wide sums, 255 bytes at a time so that none
        // overflows: the loop compiles to vector compares and adds.
        for chunk in bytes.chunks(usize::from(u8::MAX)) {
            let (mut code, mut call, mut boxes) = (0u8, 0u8, 0u8);
            for &b in chunk {
                code += u8::from(is_code_byte(b));
                call += u8::from((b == b'(') | (b == b'_'));
                boxes += u8::from((b == 0x94) | (b == 0x95));
            }
            counts.code_bytes += usize::from(code);
            counts.call_marks += usize::from(call);
            counts.box_marks += usize::from(boxes);
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code() {
        assert!(looks_like_code("$ hg init public"));
        assert!(looks_like_code("if (x) { y = z[0]; }"));
        assert!(looks_like_code("LAG(alert) over status_code"));
        assert!(looks_like_code("│ a │ b │"));
        assert!(!looks_like_code(
            "A plain sentence, with commas; and a colon: here."
        ));
    }

    #[test]
    fn counts_symbols() {
        assert_eq!(code_symbols("{}[]<>=;$\\|`()_"), 15);
        assert_eq!(code_symbols("a ─┼─ b"), 3);
        assert_eq!(code_symbols("plain “quoted” text ^ ^"), 0);
        // More than a lane holds.
        for n in [1000, 16 * 255, 16 * 255 + 1, 16 * 256 + 7] {
            assert_eq!(code_symbols(&"{".repeat(n)), n);
            assert_eq!(ByteCounts::of("_".repeat(n).as_bytes()).call_marks, n);
        }
        for b in 0..=u8::MAX {
            let expected = b"{}[]<>=;$\\|`()_".contains(&b);
            assert_eq!(is_code_byte(b), expected, "{b:#x}");
        }
    }
}
