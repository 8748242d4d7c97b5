//! `str::trim` and `str::trim_end` with a shortcut for the usual case.
//!
//! Most texts reaching the scanners were trimmed by the line stage already,
//! yet the standard trims walk them through a generic char-pattern search
//! (about fifty instructions a call). An ASCII byte that is not whitespace
//! at an end is a whole character that the standard trim would stop at, so
//! looking at one byte settles that end; anything else takes the standard
//! path, which keeps the results identical.

/// The same as `text.trim()`.
pub(crate) fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if settled(*first) && settled(*last) => text,
        [only] if settled(*only) => text,
        _ => text.trim(),
    }
}

/// The same as `text.trim_end()`.
pub(crate) fn trim_end(text: &str) -> &str {
    match text.as_bytes().last() {
        Some(&last) if settled(last) => text,
        _ => text.trim_end(),
    }
}

/// A byte that is a whole character and not whitespace: a trim stops there.
fn settled(byte: u8) -> bool {
    byte.is_ascii() && !char::from(byte).is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_the_standard_library_does() {
        let texts = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}a\u{a0}",
            "\u{2003}x",
            "x\u{2003}",
            "\u{1c}a\u{1f}",
            "\u{b}a\u{c}",
            "é",
            "a b",
            "\ta\r\n",
            "\u{85}",
            "ab\u{3000}",
        ];
        for text in texts {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
        }
        for byte in 0..=127u8 {
            let text = char::from(byte).to_string();
            for padded in [text.clone(), format!("a{text}"), format!("{text}a")] {
                assert_eq!(trim(&padded), padded.trim(), "{padded:?}");
                assert_eq!(trim_end(&padded), padded.trim_end(), "{padded:?}");
            }
        }
    }
}
