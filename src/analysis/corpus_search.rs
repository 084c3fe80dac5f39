//! Searching all documents of a corpus at once, for a keyword-in-context
//! list: every hit as a document and a char range, with counts, and its
//! context on demand.
//!
//! A project holds hundreds or thousands of articles, and a reader asks
//! "where does *Regierung* stand, in all of them?". The [`CorpusIndex`] is
//! built once from the documents' normalised texts and keeps what a search
//! needs: each text, its folded copy (one char for one char, so offsets
//! line up, see [`crate::document::search::fold`]) and a char index of
//! both to turn byte hits into char offsets. A search is then one pass of
//! `memchr` (a typed query) or the `regex` crate (a regular expression) over
//! the texts, without building anything; see [`Query`] for what matches.
//!
//! Hits come in document order, then text order, as char ranges into that
//! document's text; [`CorpusIndex::context`] gives a hit's KWIC line.

mod kwic;
mod query;

pub use kwic::Kwic;
pub use query::{Matches, Query, QueryError, REGEX_DFA_LIMIT, REGEX_SIZE_LIMIT, WordBounds};

use crate::actors::MentionFinder;
use crate::document::CharRange;
use crate::document::offsets::CharIndex;
use crate::document::search::fold;

/// One place a query stands: which document, and where in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hit {
    /// The document, by its index in the order the corpus was built.
    pub doc: usize,
    /// Char offsets into that document's normalised text.
    pub range: CharRange,
}

/// How many hits one document has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocHits {
    /// The document, by its index in build order.
    pub doc: usize,
    /// Its number of hits, all of them, whatever the limit.
    pub hits: usize,
}

/// What a search found: the first hits up to the limit, and how many there
/// are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// The first hits, in document order then text order, at most the limit.
    pub hits: Vec<Hit>,
    /// Number of hits in the whole corpus, past the limit too.
    pub total: usize,
    /// The documents with at least one hit, in order, with their counts.
    pub per_doc: Vec<DocHits>,
}

impl SearchResult {
    /// True when there are more hits than [`Self::hits`] holds.
    #[must_use]
    pub fn is_capped(&self) -> bool {
        self.total > self.hits.len()
    }

    /// Adds the hits of document `doc`: `kept` (at most the room left
    /// under the limit) and the number of `more` found past it.
    fn add(&mut self, doc: usize, kept: impl IntoIterator<Item = Hit>, more: usize) {
        let before = self.hits.len();
        self.hits.extend(kept);
        let count = self.hits.len() - before + more;
        if count > 0 {
            self.total += count;
            self.per_doc.push(DocHits { doc, hits: count });
        }
    }

    /// How many more hits [`Self::hits`] takes under `limit`.
    fn room(&self, limit: usize) -> usize {
        limit.saturating_sub(self.hits.len())
    }
}

/// One document's text as the index keeps it.
#[derive(Clone, Debug)]
struct Entry {
    text: String,
    chars: CharIndex,
    folded: String,
    folded_chars: CharIndex,
}

impl Entry {
    fn new(text: &str) -> Self {
        let folded = fold(text);
        Self {
            chars: CharIndex::new(text),
            folded_chars: CharIndex::new(&folded),
            folded,
            text: text.to_owned(),
        }
    }
}

/// The texts of a corpus, prepared for searching them all at once.
#[derive(Clone, Debug, Default)]
pub struct CorpusIndex {
    docs: Vec<Entry>,
}

impl CorpusIndex {
    /// The index of `texts`, each a document's normalised text (as
    /// `Document::text` gives it); documents are numbered in this order.
    /// Takes a copy of each text and folds it: linear in the corpus.
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            docs: texts.into_iter().map(Entry::new).collect(),
        }
    }

    /// Adds one more document at the end; its number is the old [`Self::len`].
    pub fn push(&mut self, text: &str) -> usize {
        self.docs.push(Entry::new(text));
        self.docs.len() - 1
    }

    /// Puts `text` in the place of document `doc` (its text was made anew);
    /// false when there is no such document.
    pub fn replace(&mut self, doc: usize, text: &str) -> bool {
        let Some(entry) = self.docs.get_mut(doc) else {
            return false;
        };
        *entry = Entry::new(text);
        true
    }

    /// Number of documents.
    #[must_use]
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when the corpus holds no document.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The text of document `doc`, as it was given.
    #[must_use]
    pub fn text(&self, doc: usize) -> Option<&str> {
        self.docs.get(doc).map(|e| e.text.as_str())
    }

    /// Every place `query` stands in the corpus, in document order then text
    /// order; the first `limit` are kept, all are counted.
    #[must_use]
    pub fn search(&self, query: &Query, limit: usize) -> SearchResult {
        let mut result = SearchResult::default();
        for (doc, entry) in self.docs.iter().enumerate() {
            let (haystack, index) = if query.is_regex() {
                (&entry.text, &entry.chars)
            } else {
                (&entry.folded, &entry.folded_chars)
            };
            // Only kept hits are turned into chars: counting the rest is
            // the search alone.
            let mut matches = query.find_iter(haystack);
            let kept: Vec<Hit> = matches
                .by_ref()
                .take(result.room(limit))
                .map(|bytes| Hit {
                    doc,
                    range: CharRange::new(
                        index.byte_to_char(haystack, bytes.start),
                        index.byte_to_char(haystack, bytes.end),
                    ),
                })
                .collect();
            result.add(doc, kept, matches.count());
        }
        result
    }

    /// The hit with up to `chars` chars of context on each side, whitespace
    /// collapsed; `None` for a hit of a document the index does not hold.
    /// A range past the text's end is cut to it.
    #[must_use]
    pub fn context(&self, hit: Hit, chars: usize) -> Option<Kwic> {
        let entry = self.docs.get(hit.doc)?;
        let range = hit.range.clamped(entry.chars.len_chars());
        Some(kwic::kwic(&entry.text, &entry.chars, range, chars))
    }

    /// Where the actor at `actor` of the finder's list is named, across the
    /// corpus, as the reader underlines it in each document: names and
    /// aliases, inflected and in compounds, and a longer name of another
    /// actor taking precedence (see [`crate::actors::mentions`]). The first
    /// `limit` are kept, all are counted.
    #[must_use]
    pub fn mentions(&self, finder: &MentionFinder, actor: usize, limit: usize) -> SearchResult {
        let mut result = SearchResult::default();
        for (doc, entry) in self.docs.iter().enumerate() {
            let found = finder.find(&entry.text);
            let mut ranges = found.iter().filter(|m| m.actor == actor).map(|m| Hit {
                doc,
                range: m.range,
            });
            let kept: Vec<Hit> = ranges.by_ref().take(result.room(limit)).collect();
            result.add(doc, kept, ranges.count());
        }
        result
    }
}

#[cfg(test)]
mod tests;
