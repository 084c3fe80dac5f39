//! Char and byte positions, kept apart by type.
//!
//! The model speaks in Unicode scalar (char) offsets into a document's
//! normalised text; Rust strings, egui's `LayoutSection::byte_range` and
//! searching with `memchr` speak in bytes. Every conversion goes through this
//! module, so a `usize` meaning "bytes" never meets one meaning "chars".

use serde::{Deserialize, Serialize};

/// One position in a document's text, in chars from its start: what
/// crosses modules as a single position (an annotation's start and end, a
/// place in the reader), so it cannot be taken for a byte offset. In files
/// it is the bare number.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CharPos(pub usize);

impl CharPos {
    /// The offset as a number of chars.
    #[must_use]
    pub const fn get(self) -> usize {
        self.0
    }
}

impl From<usize> for CharPos {
    fn from(pos: usize) -> Self {
        Self(pos)
    }
}

impl From<CharPos> for usize {
    fn from(pos: CharPos) -> Self {
        pos.0
    }
}

impl std::ops::Add<usize> for CharPos {
    type Output = Self;
    fn add(self, chars: usize) -> Self {
        Self(self.0 + chars)
    }
}

impl PartialEq<usize> for CharPos {
    fn eq(&self, other: &usize) -> bool {
        self.0 == *other
    }
}

impl PartialEq<CharPos> for usize {
    fn eq(&self, other: &CharPos) -> bool {
        *self == other.0
    }
}

impl PartialOrd<usize> for CharPos {
    fn partial_cmp(&self, other: &usize) -> Option<std::cmp::Ordering> {
        self.0.partial_cmp(other)
    }
}

impl std::fmt::Display for CharPos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A half-open range of char offsets (`start..end`) into a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct CharRange {
    /// First char of the range.
    pub start: usize,
    /// One past the last char of the range.
    pub end: usize,
}

impl CharRange {
    /// The range `start..end`; a reversed pair is put in order.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: start.min(end),
            end: start.max(end),
        }
    }

    /// Number of chars in the range.
    #[must_use]
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the range holds no char.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// True when `pos` lies inside the range.
    #[must_use]
    pub fn contains(self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// True when the two ranges share at least one char.
    #[must_use]
    pub fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The chars both ranges hold, if any.
    #[must_use]
    pub fn intersect(self, other: Self) -> Option<Self> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Self { start, end })
    }

    /// The range shifted so that it starts relative to `origin`.
    #[must_use]
    pub fn relative_to(self, origin: usize) -> Self {
        Self {
            start: self.start.saturating_sub(origin),
            end: self.end.saturating_sub(origin),
        }
    }

    /// The range clamped to `0..len`.
    #[must_use]
    pub fn clamped(self, len: usize) -> Self {
        Self {
            start: self.start.min(len),
            end: self.end.min(len),
        }
    }
}

impl std::fmt::Display for CharRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A half-open range of byte offsets into a UTF-8 string.
///
/// Only ever built by [`CharIndex`] or by a parser walking the text, so both
/// ends lie on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ByteRange {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl ByteRange {
    /// The range as a `std` range for slicing.
    #[must_use]
    pub fn as_std(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// How many chars lie between two checkpoints of a [`CharIndex`].
const STRIDE: usize = 64;

/// Converts between char and byte offsets of one text in (nearly) constant time.
///
/// Holds the byte offset of every 64th char, so a conversion walks at most 63
/// chars. For pure ASCII text both offsets agree and no table is kept.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// Byte offset of char `i * STRIDE`; empty for ASCII text.
    checkpoints: Vec<usize>,
    /// Number of chars in the text.
    chars: usize,
    /// Number of bytes in the text.
    bytes: usize,
}

impl CharIndex {
    /// Builds the index for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                chars: text.len(),
                bytes: text.len(),
            };
        }
        // A char starts at every byte that is not a UTF-8 continuation byte
        // (0b10xx_xxxx): counting those needs no decoding.
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        for (byte, &b) in text.as_bytes().iter().enumerate() {
            if (b & 0xC0) != 0x80 {
                if chars % STRIDE == 0 {
                    checkpoints.push(byte);
                }
                chars += 1;
            }
        }
        Self {
            checkpoints,
            chars,
            bytes: text.len(),
        }
    }

    /// Number of chars in the text.
    #[must_use]
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    fn is_ascii(&self) -> bool {
        self.chars == self.bytes
    }

    /// Byte offset of char `pos` in `text`; `pos` past the end gives the end.
    ///
    /// `text` must be the text this index was built for.
    #[must_use]
    pub fn char_to_byte(&self, text: &str, pos: usize) -> usize {
        if pos >= self.chars {
            return self.bytes;
        }
        if self.is_ascii() {
            return pos;
        }
        let base = self.checkpoints[pos / STRIDE];
        let rest = pos % STRIDE;
        text[base..]
            .char_indices()
            .nth(rest)
            .map_or(self.bytes, |(b, _)| base + b)
    }

    /// Char offset of the char that holds byte `byte` (rounding down to its
    /// first byte); `byte` past the end gives the char count.
    #[must_use]
    pub fn byte_to_char(&self, text: &str, byte: usize) -> usize {
        if byte >= self.bytes {
            return self.chars;
        }
        if self.is_ascii() {
            return byte;
        }
        let slot = self.checkpoints.partition_point(|&b| b <= byte) - 1;
        let base = self.checkpoints[slot];
        slot * STRIDE + text[base..byte_floor(text, byte)].chars().count()
    }

    /// Byte range of a char range.
    #[must_use]
    pub fn byte_range(&self, text: &str, range: CharRange) -> ByteRange {
        let start = self.char_to_byte(text, range.start);
        // Walk from the start instead of looking the end up afresh: ranges are short.
        let end = if range.end >= self.chars {
            self.bytes
        } else if self.is_ascii() {
            range.end
        } else if range.end.saturating_sub(range.start) < STRIDE {
            text[start..]
                .char_indices()
                .nth(range.end.saturating_sub(range.start))
                .map_or(self.bytes, |(b, _)| start + b)
        } else {
            self.char_to_byte(text, range.end)
        };
        ByteRange { start, end }
    }
}

/// The largest char boundary at or below `byte`.
#[must_use]
pub fn byte_floor(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Converts a rising sequence of byte offsets into char offsets in one walk.
///
/// Search results (`memchr`, `aho-corasick`) come in byte order; converting
/// them one by one through [`CharIndex`] would be fine, this is cheaper still.
#[derive(Debug)]
pub struct ByteToChar<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> ByteToChar<'a> {
    /// A converter starting at the beginning of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Char offset of `byte`, which must not lie before the previous call's.
    /// A smaller offset restarts the walk from the beginning (still correct).
    pub fn convert(&mut self, byte: usize) -> usize {
        let byte = byte_floor(self.text, byte);
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_umlauts_agree_with_a_plain_walk() {
        for text in [
            "plain ascii text",
            "Düsseldorf, Straße „Zitat“ 👍🏽 e\u{301}nde",
            &"Käse ".repeat(100),
        ] {
            let index = CharIndex::new(text);
            let positions: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            assert_eq!(index.len_chars(), positions.len());
            for (c, &b) in positions.iter().enumerate() {
                assert_eq!(index.char_to_byte(text, c), b, "char {c} of {text:?}");
                assert_eq!(index.byte_to_char(text, b), c, "byte {b} of {text:?}");
            }
            assert_eq!(index.char_to_byte(text, positions.len()), text.len());
            assert_eq!(index.char_to_byte(text, usize::MAX), text.len());
        }
    }

    #[test]
    fn byte_range_slices_the_chars_asked_for() {
        let text = "In Düsseldorf saß 👍 der Staatschef.";
        let index = CharIndex::new(text);
        let range = index.byte_range(text, CharRange::new(3, 13));
        assert_eq!(&text[range.as_std()], "Düsseldorf");
        let range = index.byte_range(text, CharRange::new(18, 19));
        assert_eq!(&text[range.as_std()], "👍");
    }

    #[test]
    fn byte_to_char_walks_rising_offsets() {
        let text = "Ä b Ö d Ü";
        let mut walk = ByteToChar::new(text);
        assert_eq!(walk.convert(0), 0);
        assert_eq!(walk.convert(3), 2); // "b"
        assert_eq!(walk.convert(text.len()), 9);
        assert_eq!(walk.convert(3), 2); // going back restarts
    }

    #[test]
    fn char_range_helpers() {
        let a = CharRange::new(5, 2);
        assert_eq!(a, CharRange { start: 2, end: 5 });
        assert!(a.overlaps(CharRange::new(4, 9)));
        assert!(!a.overlaps(CharRange::new(5, 9)));
        assert_eq!(
            a.intersect(CharRange::new(4, 9)),
            Some(CharRange::new(4, 5))
        );
        assert_eq!(CharRange::new(3, 20).clamped(10), CharRange::new(3, 10));
    }
}
