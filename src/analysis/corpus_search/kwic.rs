//! Keyword in context: a hit with the words on either side, in one line.
//!
//! A line of a KWIC list reads `left` `hit` `right` with the hits lined up
//! in a column, so every run of whitespace (a paragraph break too) becomes
//! one space, the outer ends are trimmed, and a context cut inside a word
//! drops that word's stump when a whole word is left to show.

use super::query::is_word_char;
use crate::document::CharRange;
use crate::document::offsets::CharIndex;

/// A hit with its context, whitespace collapsed: `left + hit + right`
/// reads as the text does, the spaces around the hit kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kwic {
    /// Up to the asked number of chars before the hit.
    pub left: String,
    /// The hit itself.
    pub hit: String,
    /// Up to the asked number of chars after the hit.
    pub right: String,
}

/// The hit at `range` of `text` with up to `chars` chars of context on
/// each side. `index` is `text`'s char index.
pub(super) fn kwic(text: &str, index: &CharIndex, range: CharRange, chars: usize) -> Kwic {
    let span = index.byte_range(text, range);
    let mut left = collapse(text[..span.start].chars().rev(), chars);
    left.reverse();
    Kwic {
        left: left.into_iter().collect(),
        hit: collapse(text[span.as_std()].chars(), usize::MAX)
            .into_iter()
            .collect(),
        right: collapse(text[span.end..].chars(), chars)
            .into_iter()
            .collect(),
    }
}

/// Up to `most` chars taken from `from` (walking away from the hit), each
/// whitespace run as one space; a word cut at the far end is dropped when
/// something before it is left, and a space at the far end is too.
fn collapse(mut from: impl Iterator<Item = char>, most: usize) -> Vec<char> {
    let mut out = Vec::new();
    while out.len() < most {
        let Some(c) = from.next() else { break };
        if !c.is_whitespace() {
            out.push(c);
        } else if out.last() != Some(&' ') {
            out.push(' ');
        }
    }
    let cut_in_word =
        out.last().is_some_and(|&c| is_word_char(c)) && from.next().is_some_and(is_word_char);
    if cut_in_word && let Some(space) = out.iter().rposition(|&c| c == ' ') {
        out.truncate(space);
    }
    if out.last() == Some(&' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context of the `[marked]` hit of `text`.
    fn context(marked: &str, chars: usize) -> Kwic {
        let start = marked.chars().position(|c| c == '[').unwrap();
        let end = marked.chars().position(|c| c == ']').unwrap() - 1;
        let text: String = marked.chars().filter(|c| !matches!(c, '[' | ']')).collect();
        kwic(
            &text,
            &CharIndex::new(&text),
            CharRange::new(start, end),
            chars,
        )
    }

    fn line(k: &Kwic) -> String {
        format!("{}|{}|{}", k.left, k.hit, k.right)
    }

    #[test]
    fn whitespace_and_paragraph_breaks_become_one_space() {
        let k = context(
            "Erster Absatz.\n\n  Der [Minister\n sagte] am\tMontag,\n\ndass",
            40,
        );
        assert_eq!(
            line(&k),
            "Erster Absatz. Der |Minister sagte| am Montag, dass"
        );
    }

    #[test]
    fn a_word_cut_at_the_edge_is_dropped() {
        let k = context(
            "Die Bundesregierung und der [Minister] reisten gestern ab",
            10,
        );
        // The 10 chars before the hit are "g und der ": "g" is a stump.
        assert_eq!(line(&k), "und der |Minister| reisten");
        // A single long word is shown cut rather than not at all.
        let k = context("Donaudampfschifffahrt[s]gesellschaft", 5);
        assert_eq!(line(&k), "fahrt|s|gesel");
    }

    #[test]
    fn edges_of_the_text_and_offsets_past_ascii() {
        let k = context("[Äußerst] große Öfen 👍🏽 am Ende", 100);
        assert_eq!(line(&k), "|Äußerst| große Öfen 👍🏽 am Ende");
        let k = context("Schluss mit e\u{301}[ß]", 3);
        assert_eq!(line(&k), "e\u{301}|ß|");
        assert_eq!(line(&context("a [b] c", 0)), "|b|");
    }
}
