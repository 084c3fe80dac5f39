//! Where an annotation sits in its text, and finding it again when the text changed.
//!
//! Each target holds two selectors, as the W3C Web Annotation model does: a
//! position (char start and end) and a quote (the exact text plus about 32
//! chars before and after it). The position is fast and exact while the text
//! is unchanged; the quote survives edits. [`Reanchorer`] tries, in order:
//! the position, the exact quote (best context, then nearest), an approximate
//! match scored on quote, prefix, suffix and distance — accepted only above a
//! minimum score — and otherwise reports the annotation orphaned. Orphans are
//! kept and shown, never dropped.

mod approx;
mod reanchor;

use serde::{Deserialize, Serialize};

pub use reanchor::{MIN_APPROX_SCORE, Outcome, Reanchorer};

use crate::document::{CharPos, CharRange, Document};

/// How many chars of context a quote selector keeps on either side.
pub const CONTEXT_CHARS: usize = 32;

/// The quote selector: the passage's text and its surroundings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextQuote {
    /// Up to [`CONTEXT_CHARS`] chars right before the passage.
    pub prefix: String,
    /// The passage itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] chars right after the passage.
    pub suffix: String,
}

/// What an annotation points at: a position selector and a quote selector.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    /// First char of the passage.
    pub start: CharPos,
    /// One past the last char of the passage.
    pub end: CharPos,
    /// The passage's text and context, to find it again after edits.
    pub quote: TextQuote,
}

impl Target {
    /// The target for `range` of `doc`, with its quote and context.
    #[must_use]
    pub fn from_range(doc: &Document, range: CharRange) -> Self {
        let range = range.clamped(doc.len_chars());
        let before = CharRange::new(range.start.saturating_sub(CONTEXT_CHARS), range.start);
        let after = CharRange::new(range.end, range.end + CONTEXT_CHARS);
        Self {
            start: CharPos(range.start),
            end: CharPos(range.end),
            quote: TextQuote {
                prefix: doc.slice(before).to_owned(),
                exact: doc.slice(range).to_owned(),
                suffix: doc.slice(after.clamped(doc.len_chars())).to_owned(),
            },
        }
    }

    /// The position selector as a range.
    #[must_use]
    pub fn range(&self) -> CharRange {
        CharRange::new(self.start.get(), self.end.get())
    }

    /// True when the position selector points at the quoted text in `doc`.
    #[must_use]
    pub fn matches(&self, doc: &Document) -> bool {
        self.end <= doc.len_chars()
            && self.start < self.end
            && doc.slice(self.range()) == self.quote.exact
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::TextFormat;

    #[test]
    fn target_keeps_quote_and_context() {
        let doc = Document::parse(
            "Das von Russland angeführte Militärbündnis zieht ab.",
            TextFormat::Plain,
        );
        let start = doc.text().chars().position(|c| c == 'M').unwrap();
        let target = Target::from_range(&doc, CharRange::new(start, start + 14));
        assert_eq!(target.quote.exact, "Militärbündnis");
        assert_eq!(target.quote.prefix, "Das von Russland angeführte ");
        assert_eq!(target.quote.suffix, " zieht ab.");
        assert!(target.matches(&doc));
    }
}
