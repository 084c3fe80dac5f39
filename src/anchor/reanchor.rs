//! Finding a target again in a possibly changed text.

use memchr::memmem;
use rapidfuzz::distance::indel;

use super::approx::{self, Query};
use super::{CONTEXT_CHARS, Target};
use crate::document::{ByteToChar, CharRange, Document};

/// The least score an approximate match needs to be taken.
///
/// Scores weigh quote similarity 50, prefix 20, suffix 20 and nearness 2 (the
/// weights Hypothesis uses), divided by their sum. A lightly edited passage in
/// its old surroundings scores above 0.9; a lookalike sentence elsewhere, with
/// other words around it, scores about 0.6.
pub const MIN_APPROX_SCORE: f64 = 0.78;
/// The least quote similarity (1 − edits / length) an approximate match needs.
const MIN_QUOTE_SIMILARITY: f64 = 0.75;
/// Share of the quote that may be edited in an approximate match.
const MAX_EDIT_SHARE: f64 = 0.25;
/// Quotes shorter than this need some surviving context to move to another
/// exact occurrence: "Tokajew" alone occurs everywhere.
const SHORT_QUOTE_CHARS: usize = 16;
/// The share of adjacent context a short quote needs to move: about eight
/// chars on one side.
const SHORT_QUOTE_CONTEXT: f64 = 0.125;
/// An exact quote shorter than this, or found more than once, moves only
/// where at least this share of its stored context still stands next to it:
/// a common phrase that opens another sentence, a repeated interjection in a
/// transcript, a short token in lookalike surroundings are other passages.
const CONTEXT_NEEDED: f64 = 0.25;
/// An exact quote this long and found once moves without its context: a
/// whole sentence does not recur by chance.
const SELF_EVIDENT_CHARS: usize = 40;
/// A long quote this similar (or more) is taken on weak context: one word
/// changed in a sentence moved to another paragraph.
const STRONG_QUOTE_SIMILARITY: f64 = 0.9;
/// How long a quote must be to count as long for that.
const STRONG_QUOTE_CHARS: usize = 60;
/// Quotes longer than this are searched approximately with a narrower band
/// and fewer candidates: alignment costs quote length squared.
const LONG_QUOTE_CHARS: usize = 1_000;
/// Quotes longer than this are found exactly or not at all.
const MAX_APPROX_CHARS: usize = 4_000;
/// Windows of chars searched around the old position before the whole text.
const WINDOWS: [usize; 2] = [2_000, 64_000];

/// Where a target ended up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// The position still holds the quote.
    Anchored(CharRange),
    /// The passage was found elsewhere, or slightly changed.
    Moved {
        /// Where it is now.
        range: CharRange,
        /// True when the quote was found unchanged.
        exact: bool,
        /// 1.0 for an exact quote in full context, less for approximate matches.
        score: f64,
    },
    /// The passage is gone from the text.
    Orphaned,
}

impl Outcome {
    /// The range the target now covers, unless orphaned.
    #[must_use]
    pub fn range(self) -> Option<CharRange> {
        match self {
            Self::Anchored(range) | Self::Moved { range, .. } => Some(range),
            Self::Orphaned => None,
        }
    }
}

/// Re-anchors many targets against one document.
///
/// Remembers by how far the last target moved: after an insertion every later
/// passage shifts by the same amount, so the next one is usually found at once.
pub struct Reanchorer<'d> {
    doc: &'d Document,
    last_shift: isize,
}

impl<'d> Reanchorer<'d> {
    /// A re-anchorer for `doc`.
    #[must_use]
    pub fn new(doc: &'d Document) -> Self {
        Self { doc, last_shift: 0 }
    }

    /// Finds `target` in the document.
    pub fn anchor(&mut self, target: &Target) -> Outcome {
        let exact = &target.quote.exact;
        if exact.is_empty() {
            return Outcome::Orphaned;
        }
        // In place, unless a word it ended (or began) on now goes on:
        // "Lage" has become "Lageentwicklung".
        if target.matches(self.doc) && self.same_boundaries(target, target.range()) {
            self.last_shift = 0;
            return Outcome::Anchored(target.range());
        }
        let len = exact.chars().count();

        // The passage shifted like the one before it.
        if let Some(start) = target.start.get().checked_add_signed(self.last_shift) {
            let range = CharRange::new(start, start.saturating_add(len));
            if range.end <= self.doc.len_chars()
                && self.doc.slice(range) == exact.as_str()
                && self.adjacency(target, range) >= 1.0
                && self.same_boundaries(target, range)
            {
                return self.moved(target, range, true, 1.0);
            }
        }

        if let Some(found) = self.exact_occurrence(target, len) {
            // Without stored context (another tool's annotation) the quote
            // and the old position are all there is: nearest wins.
            let no_context = target.quote.prefix.is_empty() && target.quote.suffix.is_empty();
            let needed = if len < SHORT_QUOTE_CHARS {
                SHORT_QUOTE_CONTEXT.max(CONTEXT_NEEDED)
            } else if len < SELF_EVIDENT_CHARS || found.count > 1 {
                CONTEXT_NEEDED
            } else {
                0.0
            };
            // Two places alike in every way are a guess, not a find.
            let ambiguous = found.tied && !no_context;
            if (no_context || found.context >= needed) && !ambiguous {
                return self.moved(target, found.range, true, 0.5 + found.context / 2.0);
            }
        }

        match self.approximate(target, len) {
            Some((range, score)) => self.moved(target, range, false, score),
            None => Outcome::Orphaned,
        }
    }

    fn moved(&mut self, target: &Target, range: CharRange, exact: bool, score: f64) -> Outcome {
        self.last_shift = signed(range.start) - signed(target.start.get());
        Outcome::Moved {
            range,
            exact,
            score,
        }
    }

    /// How well the text around `range` matches the stored context: 0 to 1,
    /// the mean of prefix and suffix similarity; `None` where nothing was
    /// stored (another tool's annotation: no context is no evidence either way).
    fn context_score(&self, target: &Target, range: CharRange) -> Option<f64> {
        let doc = self.doc;
        let prefix_len = target.quote.prefix.chars().count().min(CONTEXT_CHARS);
        let suffix_len = target.quote.suffix.chars().count().min(CONTEXT_CHARS);
        let before = doc.slice(CharRange::new(
            range.start.saturating_sub(prefix_len),
            range.start,
        ));
        let after =
            doc.slice(CharRange::new(range.end, range.end + suffix_len).clamped(doc.len_chars()));
        let p = (prefix_len > 0)
            .then(|| indel::normalized_similarity(target.quote.prefix.chars(), before.chars()));
        let s = (suffix_len > 0)
            .then(|| indel::normalized_similarity(target.quote.suffix.chars(), after.chars()));
        match (p, s) {
            (Some(p), Some(s)) => Some(f64::midpoint(p, s)),
            (Some(one), None) | (None, Some(one)) => Some(one),
            (None, None) => None,
        }
    }

    /// How much of the stored context still stands right next to `range`:
    /// the chars that agree, counted outwards from the passage, over all
    /// stored context chars. Unrelated text scores near 0 (unlike a
    /// similarity measure, which finds shared letters in any two sentences).
    fn adjacency(&self, target: &Target, range: CharRange) -> f64 {
        let doc = self.doc;
        let prefix = &target.quote.prefix;
        let suffix = &target.quote.suffix;
        let stored = prefix.chars().count() + suffix.chars().count();
        if stored == 0 {
            return 1.0;
        }
        let before = doc.slice(CharRange::new(
            range.start.saturating_sub(CONTEXT_CHARS),
            range.start,
        ));
        let after = doc
            .slice(CharRange::new(range.end, range.end + CONTEXT_CHARS).clamped(doc.len_chars()));
        let left = prefix
            .chars()
            .rev()
            .zip(before.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let right = suffix
            .chars()
            .zip(after.chars())
            .take_while(|(a, b)| a == b)
            .count();
        #[allow(clippy::cast_precision_loss)]
        let share = (left + right) as f64 / stored as f64;
        share
    }

    /// The exact quote's best occurrence: most adjacent context first, then
    /// nearest to the old position. Looks near the old position first.
    fn exact_occurrence(&self, target: &Target, len: usize) -> Option<Occurrence> {
        let doc = self.doc;
        let total = doc.len_chars();
        let mut best: Option<(CharRange, f64)> = None;
        let mut count = 0;
        let mut tied = false;
        for window in WINDOWS.into_iter().map(Some).chain([None]) {
            let area = match window {
                Some(w) => CharRange::new(
                    target.start.get().saturating_sub(w),
                    target.end.get().saturating_add(w),
                )
                .clamped(total),
                None => CharRange::new(0, total),
            };
            best = None;
            count = 0;
            tied = false;
            for start in self.occurrences(&target.quote.exact, area) {
                let range = CharRange::new(start, start.saturating_add(len));
                // A passage that began or ended at a word boundary does not
                // move into the middle of a word ("Protes" in "Protesten").
                if !self.same_boundaries(target, range) {
                    continue;
                }
                count += 1;
                let context = self.adjacency(target, range);
                if let Some((_, c)) = best
                    && (context - c).abs() < f64::EPSILON
                    && context < 1.0
                {
                    tied = true;
                }
                let better = best.is_none_or(|(b, c)| {
                    context > c
                        || (context == c
                            && start.abs_diff(target.start.get())
                                < b.start.abs_diff(target.start.get()))
                });
                if better {
                    if best.is_some_and(|(_, c)| context > c) {
                        tied = false;
                    }
                    best = Some((range, context));
                }
            }
            // Stop widening once a passage in its full context is found, or
            // when the whole text has been searched.
            if best.is_some_and(|(_, c)| c >= 1.0) || area == CharRange::new(0, total) {
                break;
            }
        }
        // Found more than once anywhere in the text counts too, not only in
        // the window searched last.
        if count == 1 && best.is_some_and(|(_, c)| c < 1.0) {
            count = self
                .occurrences(&target.quote.exact, CharRange::new(0, total))
                .len();
        }
        best.map(|(range, context)| Occurrence {
            range,
            context,
            count,
            tied,
        })
    }

    /// True when `range` starts and ends at word boundaries wherever the
    /// stored passage did.
    fn same_boundaries(&self, target: &Target, range: CharRange) -> bool {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let quote = &target.quote;
        let first = quote.exact.chars().next();
        let last = quote.exact.chars().next_back();
        let (starts_word, ends_word) = stood_alone(target);
        let doc = self.doc;
        let len = doc.len_chars();
        let before = doc
            .slice(CharRange::new(range.start.saturating_sub(1), range.start))
            .chars()
            .next();
        let after = doc
            .slice(CharRange::new(range.end, range.end.saturating_add(1)).clamped(len))
            .chars()
            .next();
        // Text that joins the found range where the passage stood alone.
        let glued_in_front = starts_word && word(before) && word(first);
        let glued_behind = ends_word && word(last) && word(after);
        !(glued_in_front || glued_behind)
    }

    /// Char offsets where `needle` starts inside `area`.
    fn occurrences(&self, needle: &str, area: CharRange) -> Vec<usize> {
        let bytes = self.doc.byte_range(area);
        let hay = &self.doc.text()[bytes.as_std()];
        let mut walk = ByteToChar::new(hay);
        memmem::find_iter(hay.as_bytes(), needle.as_bytes())
            .map(|b| area.start + walk.convert(b))
            .collect()
    }

    /// The best approximate match scoring at least [`MIN_APPROX_SCORE`].
    fn approximate(&self, target: &Target, len: usize) -> Option<(CharRange, f64)> {
        if len > MAX_APPROX_CHARS || len > self.doc.len_chars().saturating_mul(2) {
            return None;
        }
        let exact: Vec<char> = target.quote.exact.chars().collect();
        let share = if len > LONG_QUOTE_CHARS {
            MAX_EDIT_SHARE / 2.5
        } else {
            MAX_EDIT_SHARE
        };
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let max_edits = (len as f64 * share).floor() as usize;
        if max_edits == 0 {
            return None;
        }
        let query = Query {
            exact: &exact,
            prefix: &target.quote.prefix,
            suffix: &target.quote.suffix,
            old_start: target.start.get(),
            max_edits,
        };
        let total = self.doc.len_chars().max(1);
        approx::candidates(self.doc, &query)
            .into_iter()
            .filter_map(|a| {
                #[allow(clippy::cast_precision_loss)]
                let quote = 1.0 - a.distance as f64 / len.max(a.range.len()) as f64;
                if quote < MIN_QUOTE_SIMILARITY {
                    return None;
                }
                #[allow(clippy::cast_precision_loss)]
                let near = 1.0 - a.range.start.abs_diff(target.start.get()) as f64 / total as f64;
                let score = match self.context_score(target, a.range) {
                    Some(context) => (50.0 * quote + 40.0 * context + 2.0 * near) / 92.0,
                    // Missing context weighs nothing, for or against.
                    None => (50.0 * quote + 2.0 * near) / 52.0,
                };
                let strong = len >= STRONG_QUOTE_CHARS && quote >= STRONG_QUOTE_SIMILARITY;
                (score >= MIN_APPROX_SCORE || strong)
                    .then_some((a.range, score.max(MIN_APPROX_SCORE)))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(range, score)| (self.on_word_edges(target, range), score))
    }

    /// An approximate match made to begin and end on word boundaries where
    /// the stored passage did: the alignment may stop inside a word whose
    /// ending changed ("Lage" in "Lageentwicklung"). Each such edge goes to
    /// the end of its word or back to the word before, whichever leaves the
    /// text closer to the quote.
    fn on_word_edges(&self, target: &Target, range: CharRange) -> CharRange {
        use crate::document::words;
        let doc = self.doc;
        let quote = &target.quote;
        let (starts_word, ends_word) = stood_alone(target);
        let starts: Vec<usize> = if starts_word && words::inside_word(doc, range.start) {
            vec![
                words::word_edge(doc, range.start, false),
                words::word_edge(doc, range.start, true),
            ]
        } else {
            vec![range.start]
        };
        let ends: Vec<usize> = if ends_word && words::inside_word(doc, range.end) {
            vec![
                words::word_edge(doc, range.end, true),
                words::word_edge(doc, range.end, false),
            ]
        } else {
            vec![range.end]
        };
        // The whole word first (an ending or a compound grew on it); back to
        // the word before only where that is clearly closer to the quote.
        let mut best = (range, f64::MIN);
        for (i, &start) in starts.iter().enumerate() {
            for (j, &end) in ends.iter().enumerate() {
                if end <= start {
                    continue;
                }
                let candidate = CharRange::new(start, end);
                let shrinks = usize::from(i > 0) + usize::from(j > 0);
                #[allow(clippy::cast_precision_loss)]
                let similarity =
                    indel::normalized_similarity(quote.exact.chars(), doc.slice(candidate).chars())
                        - 0.1 * shrinks as f64;
                if similarity > best.1 {
                    best = (candidate, similarity);
                }
            }
        }
        best.0
    }
}

/// The best exact occurrence of a quote, and how sure it is.
struct Occurrence {
    range: CharRange,
    /// Share of the stored context that stands next to it.
    context: f64,
    /// How often the quote stands in the text.
    count: usize,
    /// Another occurrence has the same context: which one is a guess.
    tied: bool,
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// Whether the stored passage began and ended on a word boundary, as far as
/// its stored context tells. A passage from another tool without context
/// (past the text's start) tells nothing, and nothing is held against it.
fn stood_alone(target: &Target) -> (bool, bool) {
    let quote = &target.quote;
    if quote.prefix.is_empty() && quote.suffix.is_empty() && target.start.get() > 0 {
        return (false, false);
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let starts = !(word(quote.prefix.chars().next_back()) && word(quote.exact.chars().next()));
    let ends = !(word(quote.exact.chars().next_back()) && word(quote.suffix.chars().next()));
    (starts, ends)
}
