//! Approximate search for a quote in a text, over chars.
//!
//! Candidates come from exact "seeds": by the pigeonhole principle a passage
//! with at most `k` edits still holds one of `k + 1` disjoint pieces of the
//! quote unchanged, and the context on either side usually survives too. Each
//! seed hit votes for where the passage would start; the best-supported
//! places are then aligned with a semi-global edit distance (Sellers), which
//! finds the best-matching stretch of text near each place. Scoring the
//! candidates is the caller's business.

use memchr::memmem;

use crate::document::{CharRange, Document};

/// A seed found more often than this says nothing about where a quote is.
const MAX_SEED_HITS: usize = 4000;
/// How many candidate places are aligned at most.
const MAX_CANDIDATES: usize = 8;
/// Shortest seed worth searching for.
const MIN_SEED_CHARS: usize = 5;
/// Most seeds taken from one quote.
const MAX_SEEDS: usize = 16;
/// Chars of context used as a seed.
const CONTEXT_SEED_CHARS: usize = 12;

/// A stretch of the text that approximately matches a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alignment {
    /// Where it stands in the document.
    pub range: CharRange,
    /// Edits (insertions, deletions, substitutions) between it and the quote.
    pub distance: usize,
}

/// What is known of the passage to search for.
pub struct Query<'q> {
    /// The quote's chars.
    pub exact: &'q [char],
    /// The context before it, as stored.
    pub prefix: &'q str,
    /// The context after it, as stored.
    pub suffix: &'q str,
    /// Where the passage stood before.
    pub old_start: usize,
    /// The most edits a match may have.
    pub max_edits: usize,
}

/// Places in `doc` that approximately match the quote, best-supported first.
pub fn candidates(doc: &Document, query: &Query<'_>) -> Vec<Alignment> {
    let m = query.exact.len();
    let mut votes: Vec<(usize, usize)> = Vec::new(); // (estimated start, seed id)
    let text = doc.text();

    // Pieces of the quote.
    let pieces = (query.max_edits + 1)
        .min(MAX_SEEDS)
        .min(m / MIN_SEED_CHARS)
        .max(1);
    let piece_len = m / pieces;
    if piece_len >= MIN_SEED_CHARS {
        for p in 0..pieces {
            let offset = p * m / pieces;
            let piece: String = query.exact[offset..offset + piece_len].iter().collect();
            for start in hits(doc, &piece) {
                votes.push((start.saturating_sub(offset), p));
            }
        }
    }
    // The context around it: the passage starts where the prefix ends, and
    // ends where the suffix starts.
    let prefix_tail: String = tail_chars(query.prefix, CONTEXT_SEED_CHARS);
    if prefix_tail.chars().count() >= MIN_SEED_CHARS {
        let len = prefix_tail.chars().count();
        for start in hits(doc, &prefix_tail) {
            votes.push((start + len, pieces));
        }
    }
    let suffix_head: String = query.suffix.chars().take(CONTEXT_SEED_CHARS).collect();
    if suffix_head.chars().count() >= MIN_SEED_CHARS {
        for start in hits(doc, &suffix_head) {
            votes.push((start.saturating_sub(m), pieces + 1));
        }
    }
    if votes.is_empty() {
        return Vec::new();
    }

    // Cluster nearby estimates; a cluster's support is how many distinct
    // seeds voted for it.
    votes.sort_unstable();
    let slack = query.max_edits / 2 + 2;
    let mut clusters: Vec<(usize, usize)> = Vec::new(); // (support, median start)
    let mut group: Vec<(usize, usize)> = Vec::new();
    let mut flush = |group: &mut Vec<(usize, usize)>| {
        if group.is_empty() {
            return;
        }
        let mut seeds: Vec<usize> = group.iter().map(|&(_, s)| s).collect();
        seeds.sort_unstable();
        seeds.dedup();
        clusters.push((seeds.len(), group[group.len() / 2].0));
        group.clear();
    };
    for vote in votes {
        if group.last().is_some_and(|&(last, _)| vote.0 > last + slack) {
            flush(&mut group);
        }
        group.push(vote);
    }
    flush(&mut group);
    clusters.sort_by_key(|&(support, start)| {
        (std::cmp::Reverse(support), start.abs_diff(query.old_start))
    });
    // Long quotes cost their length squared per candidate: fewer of them.
    clusters.truncate(if m > 1_000 { 3 } else { MAX_CANDIDATES });

    let len = doc.len_chars();
    let mut found = Vec::new();
    for (_, start) in clusters {
        let window = CharRange::new(
            start.saturating_sub(query.max_edits + slack),
            (start + m + query.max_edits + slack).min(len),
        );
        let chars: Vec<char> = text[doc.byte_range(window).as_std()].chars().collect();
        if let Some((s, e, distance)) = best_alignment(query.exact, &chars, query.max_edits) {
            let range = CharRange::new(window.start + s, window.start + e);
            if !found.iter().any(|a: &Alignment| a.range == range) {
                found.push(Alignment { range, distance });
            }
        }
    }
    found
}

/// Char offsets where `needle` occurs, or nothing if it occurs too often.
fn hits(doc: &Document, needle: &str) -> Vec<usize> {
    let positions: Vec<usize> = memmem::find_iter(doc.text().as_bytes(), needle.as_bytes())
        .take(MAX_SEED_HITS + 1)
        .collect();
    if positions.len() > MAX_SEED_HITS {
        return Vec::new();
    }
    let mut walk = crate::document::ByteToChar::new(doc.text());
    positions.into_iter().map(|b| walk.convert(b)).collect()
}

fn tail_chars(text: &str, n: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(n)).collect()
}

/// The stretch of `window` closest to `pattern` by edit distance, if within
/// `max_dist`: `(start, end, distance)` in window chars.
///
/// Semi-global alignment (Sellers 1980): a match may start and end anywhere in
/// the window. Each cell carries the start of its best path, so no traceback is
/// needed. On a tie the longer match wins, then the earlier.
#[must_use]
pub fn best_alignment(
    pattern: &[char],
    window: &[char],
    max_dist: usize,
) -> Option<(usize, usize, usize)> {
    let m = pattern.len();
    if m == 0 {
        return None;
    }
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut best: Option<(usize, usize, usize)> = None;
    if m <= max_dist {
        best = Some((0, 0, m));
    }
    for (j, &w) in window.iter().enumerate() {
        let mut diag_cost = cost[0];
        let mut diag_start = start[0];
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let sub = diag_cost + usize::from(pattern[i - 1] != w);
            let del = cost[i - 1] + 1; // pattern char skipped (up)
            let ins = cost[i] + 1; // window char extra (left)
            let (c, s) = if sub <= del && sub <= ins {
                (sub, diag_start)
            } else if ins <= del {
                (ins, start[i])
            } else {
                (del, start[i - 1])
            };
            diag_cost = cost[i];
            diag_start = start[i];
            cost[i] = c;
            start[i] = s;
        }
        let (c, s) = (cost[m], start[m]);
        let end = j + 1;
        let better = match best {
            None => c <= max_dist,
            Some((bs, be, bc)) => c < bc || (c == bc && end - s > be - bs),
        };
        if better {
            best = Some((s, end, c));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn alignment_finds_an_edited_stretch() {
        let window = chars("xx Die Behörden nutzten ihn später yy");
        let (s, e, d) = best_alignment(&chars("Die Behörden nutzten ihn"), &window, 5).unwrap();
        let found: String = window[s..e].iter().collect();
        assert_eq!(found, "Die Behörden nutzten ihn");
        assert_eq!(d, 0);

        let window = chars("xx Die Behörde nutzte ihn yy");
        let (s, e, d) = best_alignment(&chars("Die Behörden nutzten ihn"), &window, 5).unwrap();
        let found: String = window[s..e].iter().collect();
        assert_eq!(found, "Die Behörde nutzte ihn");
        assert_eq!(d, 2);
    }

    #[test]
    fn alignment_respects_the_limit() {
        assert!(best_alignment(&chars("Almaty"), &chars("Moskau"), 2).is_none());
        assert!(best_alignment(&chars(""), &chars("abc"), 2).is_none());
    }
}
