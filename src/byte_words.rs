//! Text read eight bytes at a time, as little-endian `u64` words: tests on
//! every byte of a word at once, exact per byte (no carry or borrow crosses
//! from one byte into the next).

/// The high bit of each byte of a `u64`: where the per-byte tests put their
/// answers.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// The low bit of each byte: times a byte, that byte in every lane.
pub(crate) const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// The first eight bytes of `bytes` as a little-endian word (zero if fewer).
pub(crate) fn word_at(bytes: &[u8]) -> u64 {
    bytes
        .first_chunk::<8>()
        .map_or(0, |word| u64::from_le_bytes(*word))
}

/// How many bytes of `flags` (bits from [`HIGH_BITS`] only) are set: each
/// flag moved down to its byte's low bit, and the bytes summed by a multiply
/// into the top byte.
pub(crate) fn byte_flags(flags: u64) -> usize {
    ((flags >> 7).wrapping_mul(LOW_BITS) >> 56) as usize
}

/// The high bit of each byte of `w` that equals `byte`: exact, unlike the
/// usual zero-byte test (whose borrow can flag the byte above a match).
pub(crate) fn equal_bytes(w: u64, byte: u8) -> u64 {
    let x = w ^ (LOW_BITS * u64::from(byte));
    !(((x & !HIGH_BITS) + !HIGH_BITS) | x) & HIGH_BITS
}

/// The high bit of each byte of `w`, an ASCII word (no high bit set), that
/// lies in `low..=high` (both ASCII): adding `0x80 - low` sets bit 7 from
/// `low` on, adding `0x7F - high` from past `high` on, and neither carries
/// out of a byte below 0x80.
pub(crate) fn ascii_in_range(w: u64, low: u8, high: u8) -> u64 {
    let from_low = w + LOW_BITS * u64::from(0x80 - low);
    let past_high = w + LOW_BITS * u64::from(0x7F - high);
    from_low & !past_high & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `flag(b)` for each byte of a word, as [`HIGH_BITS`] flags.
    fn expected(bytes: [u8; 8], flag: impl Fn(u8) -> bool) -> u64 {
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| flag(b))
            .map(|(i, _)| 0x80 << (8 * i))
            .sum()
    }

    #[test]
    fn per_byte_tests_are_exact() {
        let words = [
            *b"a1Z9 {`@",
            *b"\0\x7f/:[az0",
            [0xE2, 0x80, 0x9C, b'x', 0, 0xFF, 0x20, 0x21],
        ];
        for bytes in words {
            let w = u64::from_le_bytes(bytes);
            for byte in [b' ', 0xE2, 0, 0xFF, b'a'] {
                assert_eq!(equal_bytes(w, byte), expected(bytes, |b| b == byte));
            }
            if w & HIGH_BITS == 0 {
                for (low, high) in [(b'a', b'z'), (b'0', b'9'), (0, 0x7F), (b'A', b'A')] {
                    let in_range = expected(bytes, |b| (low..=high).contains(&b));
                    assert_eq!(ascii_in_range(w, low, high), in_range, "{bytes:?}");
                }
            }
            assert_eq!(
                byte_flags(expected(bytes, |b| b == b' ')),
                bytes.iter().filter(|&&b| b == b' ').count()
            );
        }
        assert_eq!(word_at(b"short"), 0);
        assert_eq!(word_at(b"\x01\0\0\0\0\0\0\0rest"), 1);
    }
}
