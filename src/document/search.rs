//! Searching a text, case-insensitively, with hits as char ranges: the one
//! search the window's Ctrl+F and the command line's `search` both run.
//!
//! The text is searched in a folded copy where every char is replaced by
//! one lower-case char, so a hit's char offsets in the copy are its offsets
//! in the document. The copy is made once per text and kept by the caller.

use memchr::memmem;

use super::{ByteToChar, CharRange, Document};

/// What to look for, folded. `None` from [`Needle::new`] for a blank query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle {
    folded: String,
    chars: usize,
}

impl Needle {
    /// The query, trimmed and folded; `None` when nothing is left.
    #[must_use]
    pub fn new(query: &str) -> Option<Self> {
        let folded = fold(query.trim());
        (!folded.is_empty()).then(|| Self {
            chars: folded.chars().count(),
            folded,
        })
    }

    /// True when `text` holds the needle, case aside.
    #[must_use]
    pub fn found_in(&self, text: &str) -> bool {
        fold(text).contains(&self.folded)
    }
}

/// A document's text folded for searching, tied to the document by hash.
#[derive(Clone, Debug)]
pub struct Folded {
    hash: String,
    text: String,
}

impl Folded {
    /// The folded copy of `doc`'s text.
    #[must_use]
    pub fn of(doc: &Document) -> Self {
        Self {
            hash: doc.hash().to_owned(),
            text: fold(doc.text()),
        }
    }

    /// True when this is the folded copy of `doc` (by content hash).
    #[must_use]
    pub fn is_of(&self, doc: &Document) -> bool {
        self.hash == doc.hash()
    }

    /// The first `max` places the needle stands, in text order, as char
    /// ranges of the document.
    #[must_use]
    pub fn find(&self, needle: &Needle, max: usize) -> Vec<CharRange> {
        let mut walk = ByteToChar::new(&self.text);
        memmem::find_iter(self.text.as_bytes(), needle.folded.as_bytes())
            .take(max)
            .map(|byte| {
                let start = walk.convert(byte);
                CharRange::new(start, start + needle.chars)
            })
            .collect()
    }
}

/// Lower case, one char for one char: chars whose lower case is longer keep
/// its first char, so offsets line up with the original.
#[must_use]
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::TextFormat;

    #[test]
    fn folding_keeps_char_offsets() {
        let text = "İstanbul ÄÖÜ ẞ Tokajew";
        assert_eq!(fold(text).chars().count(), text.chars().count());
        assert_eq!(fold("TOKAJEWS"), "tokajews");
    }

    #[test]
    fn hits_are_char_ranges_of_the_document() {
        let doc = Document::parse(
            "Überschrift\n\nDie ÖFFNUNG und die Öffnung.",
            TextFormat::Plain,
        );
        let needle = Needle::new("  öffnung ").unwrap();
        let hits = Folded::of(&doc).find(&needle, 10);
        assert_eq!(hits.len(), 2);
        for hit in hits {
            assert_eq!(fold(doc.slice(hit)), "öffnung");
        }
        assert!(Needle::new("   ").is_none());
        assert!(needle.found_in("Zur Öffnung"));
    }
}
