//! Many short phrases looked for in one pass over a text, instead of one
//! search per phrase.

/// Phrases searched for anywhere in a text. Per byte value, the phrases (one
/// bit each) that have it as their first, second and third byte: a position
/// is compared only with the phrases its next three bytes allow, and most
/// positions with none. (Testing the first two bytes apart let every space
/// before an `a`, an `e` or a `p` through.)
pub(crate) struct Phrases<const N: usize> {
    phrases: [&'static str; N],
    by_byte: [[u64; 256]; FILTER_BYTES],
    /// One bit per pair of bytes that opens some phrase, by the pair's
    /// index ([`pair_index`]): most positions are turned away by this one
    /// lookup, as the pairs are few and mostly rare in text, before the
    /// three tables are read.
    opening_pairs: [u64; PAIR_WORDS],
}

/// Words of 64 bits holding a bit for every pair of bytes.
const PAIR_WORDS: usize = 65536 / 64;

/// Where the bit of a pair of bytes is in a pair bitset: the
/// two bytes read as one little-endian number, which a scan loads at once.
const fn pair_index(pair: [u8; 2]) -> usize {
    u16::from_le_bytes(pair) as usize
}

/// Leading bytes of a phrase that [`Phrases`] filters positions by.
const FILTER_BYTES: usize = 3;

impl<const N: usize> Phrases<N> {
    /// `N` is the number of phrases in all the lists, at most 64; every
    /// phrase must be at least [`FILTER_BYTES`] long.
    pub(crate) const fn new(lists: &[&[&'static str]]) -> Phrases<N> {
        assert!(N <= 64, "more phrases than bits");
        let mut phrases = [""; N];
        let mut by_byte = [[0u64; 256]; FILTER_BYTES];
        let mut opening_pairs = [0u64; PAIR_WORDS];
        let mut n = 0;
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let bytes = lists[l][i].as_bytes();
                assert!(bytes.len() >= FILTER_BYTES, "a phrase too short");
                let mut k = 0;
                while k < FILTER_BYTES {
                    by_byte[k][bytes[k] as usize] |= 1 << n;
                    k += 1;
                }
                let pair = pair_index([bytes[0], bytes[1]]);
                opening_pairs[pair / 64] |= 1 << (pair % 64);
                phrases[n] = lists[l][i];
                n += 1;
                i += 1;
            }
            l += 1;
        }
        assert!(n == N, "N is not the number of phrases");
        Phrases {
            phrases,
            by_byte,
            opening_pairs,
        }
    }

    /// Whether some phrase occurs in `text` with `accept` true of the bytes
    /// after it.
    pub(crate) fn occur_in(&self, text: &[u8], accept: impl Fn(&[u8]) -> bool) -> bool {
        let mut from = 0;
        while let Some(i) = self.next_opening(text, from) {
            from = i + 1;
            let rest = text.get(i..).unwrap_or_default();
            let Some(window) = rest.first_chunk::<FILTER_BYTES>() else {
                return false;
            };
            let mut candidates = self.candidates(window);
            while candidates != 0 {
                let phrase = self.phrases[candidates.trailing_zeros() as usize].as_bytes();
                candidates &= candidates - 1;
                if let Some(after) = rest.strip_prefix(phrase) {
                    if accept(after) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The first position from `from` on whose two bytes open some phrase.
    /// A loop of its own, apart from the comparing, so that it keeps its
    /// few values in registers.
    #[inline(never)]
    fn next_opening(&self, text: &[u8], from: usize) -> Option<usize> {
        let text = text.get(from..)?;
        let at = text
            .windows(2)
            .position(|pair| pair.first_chunk().is_some_and(|&pair| self.opens(pair)))?;
        Some(from + at)
    }

    /// Whether some phrase opens with the two bytes `pair`.
    fn opens(&self, pair: [u8; 2]) -> bool {
        let pair = pair_index(pair);
        self.opening_pairs[pair / 64] >> (pair % 64) & 1 == 1
    }

    /// The phrases that may start at the head of `window`: those whose
    /// first bytes it has.
    fn candidates(&self, window: &[u8; FILTER_BYTES]) -> u64 {
        let [first, second, third] = &self.by_byte;
        first[usize::from(window[0])]
            & second[usize::from(window[1])]
            & third[usize::from(window[2])]
    }
}

/// Per first byte, the byte lengths of listed phrases (or of their first
/// words) that open with it, one bit each; the top bit stands for every
/// length from 63 up. A text whose first byte and length match no listed one
/// is turned away before any list is read.
pub(crate) struct Shapes([u64; 256]);

impl Shapes {
    /// The shapes of whole phrases.
    pub(crate) const fn of_phrases(lists: &[&[&str]]) -> Shapes {
        Shapes::of(lists, false)
    }

    /// The shapes of the leading words (up to the first space) of phrases,
    /// the ASCII ones only.
    pub(crate) const fn of_leading_words(lists: &[&[&str]]) -> Shapes {
        Shapes::of(lists, true)
    }

    const fn of(lists: &[&[&str]], leading_words: bool) -> Shapes {
        let mut shapes = [0u64; 256];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let bytes = lists[l][i].as_bytes();
                let mut len = bytes.len();
                if leading_words {
                    len = 0;
                    while len < bytes.len() && bytes[len] != b' ' {
                        len += 1;
                    }
                }
                let (word, _) = bytes.split_at(len);
                if !word.is_empty() && (!leading_words || word.is_ascii()) {
                    shapes[word[0] as usize] |= length_bit(word.len());
                }
                i += 1;
            }
            l += 1;
        }
        Shapes(shapes)
    }

    /// The lengths of the listed phrases opening with `first`, one bit each.
    pub(crate) fn lengths(&self, first: u8) -> u64 {
        self.0[usize::from(first)]
    }

    /// Some listed phrase opens with `first` and is `len` bytes long.
    pub(crate) fn admits(&self, first: u8, len: usize) -> bool {
        self.lengths(first) & length_bit(len) != 0
    }

    /// Some listed ASCII word has the length of `word`, an ASCII word, and
    /// opens with its first byte lower-cased.
    pub(crate) fn admits_ascii(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&first| self.admits(first.to_ascii_lowercase(), word.len()))
    }
}

const fn length_bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_admit_listed_first_bytes_and_lengths() {
        let phrases = Shapes::of_phrases(&[&["share", "more on this"], &["related"]]);
        assert!(phrases.admits(b's', 5));
        assert!(phrases.admits(b'm', 12));
        assert!(!phrases.admits(b's', 6));
        assert!(!phrases.admits(b'x', 5));
        let words = Shapes::of_leading_words(&[&["updated on", "mis à jour", "été"]]);
        assert!(words.admits_ascii("Updated"));
        assert!(words.admits_ascii("mis"));
        assert!(!words.admits_ascii("updated on"));
        // Non-ASCII words are not listed; long ones share the top bit.
        assert_eq!(words.lengths(0xC3), 0);
        let long = "x".repeat(70);
        let long_list = [long.as_str()];
        let shapes = Shapes::of_phrases(&[&long_list]);
        assert!(shapes.admits(b'x', 63) && shapes.admits(b'x', 100));
    }

    const LISTS: &[&[&str]] = &[&["abc", "abd", "xyz"], &["bcd", "a b"]];
    const PHRASES: Phrases<5> = Phrases::new(LISTS);

    #[test]
    fn pairs_open_exactly_the_phrases_that_start_with_them() {
        for first in 0..=u8::MAX {
            for second in 0..=u8::MAX {
                let opens = LISTS
                    .iter()
                    .flat_map(|list| list.iter())
                    .any(|p| p.as_bytes().starts_with(&[first, second]));
                assert_eq!(PHRASES.opens([first, second]), opens, "{first} {second}");
            }
        }
    }

    #[test]
    fn finds_what_one_search_per_phrase_finds() {
        let all = || LISTS.iter().flat_map(|list| list.iter());
        let texts = [
            "", "ab", "abc", "xabdx", "a b", "xy z", "bcabc", "zzzxyz", "abcd", "ab", "xab",
            "a b ", "aba b",
        ];
        for text in texts {
            let anywhere = all().any(|p| text.contains(p));
            assert_eq!(
                PHRASES.occur_in(text.as_bytes(), |_| true),
                anywhere,
                "{text}"
            );
            // Followed by nothing: a phrase that ends the text.
            let at_end = all().any(|p| text.ends_with(p));
            assert_eq!(
                PHRASES.occur_in(text.as_bytes(), <[u8]>::is_empty),
                at_end,
                "{text}"
            );
        }
    }
}
