//! Finding where actors are named, in one pass over the text for all of them.
//!
//! German inflects names and builds compounds: "Tokajews", "Menschenrechtlern",
//! "OVKS-Truppen". A name matches when it starts a word and ends one, allowing
//! an inflection ending and a hyphenated compound part, but not inside an
//! unrelated word ("Russlanddeutsche" is not "Russland", "Tokajewa" not
//! "Tokajew"). All names and aliases go into one Aho-Corasick automaton, so
//! the search is linear in the text whatever the number of actors.

use aho_corasick::{AhoCorasick, MatchKind};

use super::Actor;
use crate::document::{ByteToChar, CharRange};

/// Inflection endings a name may carry, longest first.
const ENDINGS: &[&str] = &[
    "ern", "ens", "ses", "sen", "es", "en", "er", "em", "ns", "se", "s", "n", "e", "’s", "'s", "’",
    "'",
];

/// One place an actor is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index of the actor in the list searched for.
    pub actor: usize,
    /// The word as it stands, ending and compound included.
    pub range: CharRange,
}

/// Finds every mention of `actors` in `text`, in text order, never overlapping.
#[must_use]
pub fn mentions(actors: &[Actor], text: &str) -> Vec<Mention> {
    MentionFinder::new(actors).find(text)
}

/// The names of a list of actors, made ready to find in many texts: what
/// [`mentions`] builds for each call, kept for a corpus of documents.
#[derive(Clone, Debug)]
pub struct MentionFinder {
    /// All names and aliases; `None` when no actor has a usable name.
    matcher: Option<AhoCorasick>,
    /// The actor each pattern names, by index in the list.
    owner: Vec<usize>,
}

impl MentionFinder {
    /// The finder for the names and aliases of `actors`.
    #[must_use]
    pub fn new(actors: &[Actor]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut owner: Vec<usize> = Vec::new();
        for (index, actor) in actors.iter().enumerate() {
            for name in actor.names() {
                let name = name.trim();
                // Too short to mean anyone, or too long for anyone's name (and
                // a pattern that long makes the automaton's build quadratic).
                let chars = name.chars().count();
                if !(2..=super::MAX_NAME_CHARS).contains(&chars) {
                    continue;
                }
                for variant in [name.to_owned(), upper_first(name)] {
                    if !patterns.contains(&variant) {
                        patterns.push(variant);
                        owner.push(index);
                    }
                }
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        Self { matcher, owner }
    }

    /// Every mention in `text`, in text order, never overlapping.
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let owner = &self.owner;
        // Every raw hit, widened to the word it stands in and checked.
        let mut found: Vec<(usize, usize, usize)> = matcher
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let (start, end) = word_span(text, m.start(), m.end())?;
                Some((start, end, owner[m.pattern().as_usize()]))
            })
            .collect();
        // Leftmost first, longest first: "Kassym-Jomart Tokajew" beats "Tokajew".
        found.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));

        let mut walk = ByteToChar::new(text);
        let mut out = Vec::new();
        let mut taken_until = 0;
        for (start, end, actor) in found {
            if start < taken_until {
                continue;
            }
            taken_until = end;
            let start = walk.convert(start);
            let end = walk.convert(end);
            out.push(Mention {
                actor,
                range: CharRange::new(start, end),
            });
        }
        out
    }
}

/// The byte span of the word a hit at `start..end` stands in, if the hit is a
/// name there: it must start a word (or a hyphenated part of one) and end one,
/// after an inflection ending.
fn word_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let head = &text[..start];
    let word_start = match head.chars().next_back() {
        Some(c) if c.is_alphanumeric() => return None,
        // "Pro-OVKS-Kurs": the whole hyphenated word is the mention.
        Some('-') => start - hyphen_head(head),
        _ => start,
    };
    let rest = &text[end..];
    let ending = ENDINGS
        .iter()
        .find(|e| rest.starts_with(**e) && !starts_alphanumeric(&rest[e.len()..]))
        .map_or(0, |e| e.len());
    let tail = &rest[ending..];
    if starts_alphanumeric(tail) {
        return None;
    }
    // "OVKS-Truppen": the compound is a mention too.
    Some((word_start, end + ending + hyphen_tail(tail)))
}

fn starts_alphanumeric(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphanumeric)
}

/// Most hyphenated parts a compound takes in: real ones have two or three,
/// and a bound keeps "OVKS-OVKS-OVKS-…" from costing quadratic time.
const MAX_COMPOUND_PARTS: usize = 4;

/// Byte length of `-Wort-Teil` parts at the start of `text`.
fn hyphen_tail(text: &str) -> usize {
    let mut len = 0;
    let mut parts = 0;
    while parts < MAX_COMPOUND_PARTS
        && let Some(rest) = text[len..].strip_prefix('-')
    {
        parts += 1;
        let word: usize = rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .take(64)
            .map(char::len_utf8)
            .sum();
        if word == 0 {
            break;
        }
        len += 1 + word;
    }
    len
}

/// Byte length of `Wort-Teil-` parts at the end of `text`.
fn hyphen_head(text: &str) -> usize {
    let mut len = 0;
    let mut parts = 0;
    while parts < MAX_COMPOUND_PARTS
        && let Some(rest) = text[..text.len() - len].strip_suffix('-')
    {
        parts += 1;
        let word: usize = rest
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .take(64)
            .map(char::len_utf8)
            .sum();
        if word == 0 {
            break;
        }
        len += 1 + word;
    }
    len
}

fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Mentions grouped by actor, for counts and underlines.
#[derive(Clone, Debug, Default)]
pub struct MentionIndex {
    all: Vec<Mention>,
    by_actor: Vec<Vec<CharRange>>,
}

impl MentionIndex {
    /// Finds and groups the mentions of `actors` in `text`.
    #[must_use]
    pub fn build(actors: &[Actor], text: &str) -> Self {
        let all = mentions(actors, text);
        let mut by_actor = vec![Vec::new(); actors.len()];
        for m in &all {
            by_actor[m.actor].push(m.range);
        }
        Self { all, by_actor }
    }

    /// All mentions in text order.
    #[must_use]
    pub fn all(&self) -> &[Mention] {
        &self.all
    }

    /// The mentions of the actor at `index` of the list.
    #[must_use]
    pub fn of(&self, index: usize) -> &[CharRange] {
        self.by_actor.get(index).map_or(&[], Vec::as_slice)
    }

    /// Mentions overlapping `range`, in text order.
    pub fn within(&self, range: CharRange) -> impl Iterator<Item = &Mention> {
        let first = self.all.partition_point(|m| m.range.end <= range.start);
        self.all[first..]
            .iter()
            .take_while(move |m| m.range.start < range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{ActorId, ActorKind};

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        let mut a = Actor::new(ActorId(id.into()), name, ActorKind::Other);
        a.aliases = aliases.iter().map(|s| (*s).to_owned()).collect();
        a
    }

    /// The mentioned words of `text`, as `[word]` marks.
    fn marked(actors: &[Actor], text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut pos = 0;
        for m in mentions(actors, text) {
            out.extend(&chars[pos..m.range.start]);
            out.push('[');
            out.extend(&chars[m.range.start..m.range.end]);
            out.push(']');
            pos = m.range.end;
        }
        out.extend(&chars[pos..]);
        out
    }

    #[test]
    fn inflected_and_compound_forms() {
        let actors = [
            actor(
                "ovks",
                "OVKS",
                &["Militärbündnis", "Bündnis", "Friedenstruppen"],
            ),
            actor(
                "tokajew",
                "Tokajew",
                &["Kassym-Jomart Tokajew", "Staatschef"],
            ),
            actor(
                "russland",
                "Russland",
                &["russische Verteidigungsministerium"],
            ),
            actor("mr", "Menschenrechtler", &[]),
        ];
        assert_eq!(
            marked(
                &actors,
                "Tokajews Besuch: die OVKS-Truppen des Bündnisses und das Militärbündnis."
            ),
            "[Tokajews] Besuch: die [OVKS-Truppen] des [Bündnisses] und das [Militärbündnis]."
        );
        assert_eq!(
            marked(
                &actors,
                "Präsident Kassym-Jomart Tokajew sprach mit Menschenrechtlern."
            ),
            "Präsident [Kassym-Jomart Tokajew] sprach mit [Menschenrechtlern]."
        );
        assert_eq!(
            marked(&actors, "Der Pro-OVKS-Kurs und die OVKS- und EU-Truppen"),
            "Der [Pro-OVKS-Kurs] und die [OVKS]- und EU-Truppen"
        );
        assert_eq!(
            marked(
                &actors,
                "Russische Verteidigungsministerium; Russlands Luftwaffe"
            ),
            "[Russische Verteidigungsministerium]; [Russlands] Luftwaffe"
        );
    }

    #[test]
    fn not_inside_unrelated_words() {
        let actors = [
            actor("russland", "Russland", &[]),
            actor("tokajew", "Tokajew", &[]),
            actor("ovks", "OVKS", &["Bündnis"]),
        ];
        assert_eq!(
            marked(
                &actors,
                "Russlanddeutsche, Tokajewa, Militärbündnisse, WeißrusslandOVKS"
            ),
            "Russlanddeutsche, Tokajewa, Militärbündnisse, WeißrusslandOVKS"
        );
    }

    #[test]
    fn index_groups_by_actor() {
        let actors = [actor("a", "Almaty", &[]), actor("t", "Tokajew", &[])];
        let text = "Tokajew in Almaty. Almatys Flughafen.";
        let index = MentionIndex::build(&actors, text);
        assert_eq!(index.of(0).len(), 2);
        assert_eq!(index.of(1), &[CharRange::new(0, 7)]);
        assert_eq!(index.within(CharRange::new(8, 18)).count(), 1);
        assert_eq!(index.within(CharRange::new(8, 20)).count(), 2);
    }
}
