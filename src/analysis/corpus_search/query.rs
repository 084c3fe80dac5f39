//! What a corpus search looks for: a word or phrase as typed, or a regular
//! expression; and where it stands in one text, as byte ranges.
//!
//! A typed query is searched in the folded copy of each text (see
//! [`fold`]), so case does not count and a hit's chars are the document's
//! chars. It matches anywhere, inside words too, as Ctrl+F in one document
//! does: "Tokajew" finds "Tokajews" and "Tokajew-Regierung", and so does
//! "kajew". [`WordBounds`] narrows that to word starts or whole words.
//!
//! A regular expression is searched in the text as it stands, case-
//! insensitively unless it says `(?-i)`, with `^` and `$` at line ends. The
//! `regex` crate runs in time linear in the text whatever the pattern, so
//! `(a+)+$` cannot hang; what a hostile pattern can do is compile to an
//! enormous automaton (`\w{1000}{1000}`), and the limits below refuse that
//! with an error the user can act on.

use std::fmt;
use std::ops::Range;

use memchr::memmem::Finder;
use regex::{Regex, RegexBuilder};

use crate::document::search::fold;
use crate::i18n::{fill, tr_co};

/// Most bytes a regular expression may compile to. Patterns a person types
/// stay far below it, but a Unicode `\w` compiles to some 40 kB, so `\w{50}`
/// fits and `\w{100}` does not: the limit keeps the automaton small enough
/// for a search to stay fast (`\w{50}` over 1,000 articles: 22 ms), and
/// compiling it far from the memory a nested repetition would ask for.
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// Most bytes of lazy-DFA cache a regular expression may use; past it the
/// search goes on with a slower engine instead of growing.
pub const REGEX_DFA_LIMIT: usize = 8 << 20;

/// How a typed query must sit in the words of the text. Regular expressions
/// say that themselves (`\b`) and ignore it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WordBounds {
    /// Anywhere, inside words too, as Ctrl+F: "kajew" finds "Tokajews".
    #[default]
    Anywhere,
    /// Where a word starts: "Tokajew" finds "Tokajews" and
    /// "Tokajew-Regierung", and "ew" finds "Ewigkeit" but not "Tokajew".
    Start,
    /// Whole words only: "Tokajew" finds "Tokajew" and "Tokajew-Regierung"
    /// (a hyphen ends a word) but not "Tokajews".
    Whole,
}

/// Why a query cannot be searched. The message says what to change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// Nothing but whitespace was typed.
    #[error("{}", tr_co().search_empty)]
    Empty,
    /// The regular expression does not parse; `why` is the `regex` crate's
    /// description, with a caret under the place.
    #[error("{}", fill(tr_co().search_bad_regex, &[("why", why)]))]
    InvalidRegex {
        /// What the parser found wrong, and where.
        why: String,
    },
    /// The regular expression compiles past [`REGEX_SIZE_LIMIT`].
    #[error("{}", fill(tr_co().search_regex_too_big, &[("limit", &(REGEX_SIZE_LIMIT >> 20))]))]
    RegexTooBig,
}

/// A parsed query, ready to run over many texts.
#[derive(Clone, Debug)]
pub struct Query {
    kind: Kind,
    bounds: WordBounds,
}

#[derive(Clone)]
enum Kind {
    /// The words of a typed query, folded; whitespace between them matches
    /// any run of whitespace. The finder looks for the first.
    Text {
        words: Vec<String>,
        first: Box<Finder<'static>>,
    },
    Regex(Regex),
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text { words, .. } => f.debug_tuple("Text").field(words).finish(),
            Self::Regex(regex) => f.debug_tuple("Regex").field(&regex.as_str()).finish(),
        }
    }
}

impl Query {
    /// Reads what the user typed: a word or phrase, or with `regex` a
    /// regular expression. Blank text, a pattern that does not parse and one
    /// that compiles too large are errors to show.
    pub fn parse(text: &str, regex: bool) -> Result<Self, QueryError> {
        if text.trim().is_empty() {
            return Err(QueryError::Empty);
        }
        let kind = if regex {
            Kind::Regex(compile(text)?)
        } else {
            let words: Vec<String> = text.split_whitespace().map(fold).collect();
            let Some(first) = words.first() else {
                return Err(QueryError::Empty);
            };
            Kind::Text {
                first: Box::new(Finder::new(first.as_bytes()).into_owned()),
                words,
            }
        };
        Ok(Self {
            kind,
            bounds: WordBounds::Anywhere,
        })
    }

    /// The same query held to word bounds (typed queries only).
    #[must_use]
    pub fn with_bounds(mut self, bounds: WordBounds) -> Self {
        self.bounds = bounds;
        self
    }

    /// True for a regular expression, which runs on the text as it stands;
    /// a typed query runs on the folded copy.
    #[must_use]
    pub fn is_regex(&self) -> bool {
        matches!(self.kind, Kind::Regex(_))
    }

    /// The word bounds a typed query is held to.
    #[must_use]
    pub fn bounds(&self) -> WordBounds {
        self.bounds
    }

    /// Where the query stands in `haystack`, in text order, never
    /// overlapping, as byte ranges. `haystack` is the folded copy of a text
    /// for a typed query and the text itself for a regular expression (see
    /// [`Self::is_regex`]). Empty matches of a regular expression are left
    /// out: there is nothing to show of them.
    pub fn find_iter<'q, 't>(&'q self, haystack: &'t str) -> Matches<'q, 't> {
        Matches(match &self.kind {
            Kind::Text { words, first } => Walk::Text {
                words,
                first,
                bounds: self.bounds,
                haystack,
                from: 0,
            },
            Kind::Regex(regex) => Walk::Regex(regex.find_iter(haystack)),
        })
    }
}

fn compile(pattern: &str) -> Result<Regex, QueryError> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .multi_line(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_LIMIT)
        .build()
        .map_err(|error| match error {
            regex::Error::CompiledTooBig(_) => QueryError::RegexTooBig,
            regex::Error::Syntax(why) => QueryError::InvalidRegex { why },
            other => QueryError::InvalidRegex {
                why: other.to_string(),
            },
        })
}

/// The places a query stands in one text, as byte ranges; made by
/// [`Query::find_iter`].
#[derive(Debug)]
pub struct Matches<'q, 't>(Walk<'q, 't>);

#[derive(Debug)]
enum Walk<'q, 't> {
    /// A typed query's hits in a folded text.
    Text {
        /// The folded words, the first one found by `first`.
        words: &'q [String],
        first: &'q Finder<'static>,
        bounds: WordBounds,
        haystack: &'t str,
        /// Where the next search starts, in bytes.
        from: usize,
    },
    /// A regular expression's matches, empty ones skipped.
    Regex(regex::Matches<'q, 't>),
}

impl Iterator for Matches<'_, '_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        match &mut self.0 {
            Walk::Regex(matches) => matches.find(|m| !m.is_empty()).map(|m| m.range()),
            Walk::Text {
                words,
                first,
                bounds,
                haystack,
                from,
            } => loop {
                let start = *from + first.find(haystack.as_bytes().get(*from..)?)?;
                // A valid UTF-8 needle only matches at a char boundary, so
                // `start` is one; the next try starts a byte later, which
                // `find` needs no boundary for.
                match phrase_end(haystack, start, words, *bounds) {
                    Some(end) => {
                        *from = end;
                        return Some(start..end);
                    }
                    None => *from = start + 1,
                }
            },
        }
    }
}

/// Where a phrase whose first word stands at `start` ends, if the other
/// words follow it, each after a run of whitespace, and the bounds hold.
fn phrase_end(haystack: &str, start: usize, words: &[String], bounds: WordBounds) -> Option<usize> {
    let mut end = start;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let gap: usize = haystack[end..]
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            if gap == 0 {
                return None;
            }
            end += gap;
        }
        if !haystack[end..].starts_with(word.as_str()) {
            return None;
        }
        end += word.len();
    }
    // A bound holds where the hit's own edge char is no word char
    // ("-Regierung"), or the char beyond it is none.
    let (hit, before, after) = (&haystack[start..end], &haystack[..start], &haystack[end..]);
    let starts_word = || !starts_word_char(hit) || !ends_word_char(before);
    let ends_word = || !ends_word_char(hit) || !starts_word_char(after);
    let fits = match bounds {
        WordBounds::Anywhere => true,
        WordBounds::Start => starts_word(),
        WordBounds::Whole => starts_word() && ends_word(),
    };
    fits.then_some(end)
}

/// A letter or digit, or a combining mark, which belongs to the letter
/// before it (the `\u{301}` of a decomposed "é").
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

fn starts_word_char(text: &str) -> bool {
    text.chars().next().is_some_and(is_word_char)
}

fn ends_word_char(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hits of `query` in `text` (folded first for a typed query), as
    /// the strings they cover.
    fn hits(query: &Query, text: &str) -> Vec<String> {
        let haystack = if query.is_regex() {
            text.to_owned()
        } else {
            fold(text)
        };
        query
            .find_iter(&haystack)
            .map(|r| haystack[r].to_owned())
            .collect()
    }

    #[test]
    fn a_word_is_found_inside_words_unless_bounded() {
        let text = "Tokajews Rede, die Tokajew-Regierung und Herr Tokajew; Neuwahl";
        let any = Query::parse("Tokajew", false).unwrap();
        assert_eq!(hits(&any, text).len(), 3);
        let ew = Query::parse("ew", false).unwrap();
        assert_eq!(hits(&ew, text).len(), 3);
        let start = ew.with_bounds(WordBounds::Start);
        assert!(hits(&start, text).is_empty());
        let start = Query::parse("tokajew", false)
            .unwrap()
            .with_bounds(WordBounds::Start);
        assert_eq!(hits(&start, text).len(), 3);
        let whole = start.with_bounds(WordBounds::Whole);
        assert_eq!(hits(&whole, text), ["tokajew", "tokajew"]);
        // A combining mark belongs to the word: "e" is not a whole word in "é".
        let e = Query::parse("e", false)
            .unwrap()
            .with_bounds(WordBounds::Whole);
        assert_eq!(hits(&e, "e\u{301} e"), ["e"]);
    }

    #[test]
    fn whitespace_in_a_phrase_matches_any_run_of_whitespace() {
        let query = Query::parse("  die   Regierung ", false).unwrap();
        let text = "Die Regierung, die\n\nRegierung, die\t \u{a0}Regierung, dieRegierung";
        assert_eq!(
            hits(&query, text),
            ["die regierung", "die\n\nregierung", "die\t \u{a0}regierung"]
        );
    }

    #[test]
    fn a_regex_ignores_case_unless_it_says_so() {
        let query = Query::parse(r"\bminister\w*", true).unwrap();
        let text = "Die MINISTERIN und der Ministerpräsident; Bauminister";
        assert_eq!(hits(&query, text), ["MINISTERIN", "Ministerpräsident"]);
        let strict = Query::parse(r"(?-i)\bMinister\w*", true).unwrap();
        assert_eq!(hits(&strict, text), ["Ministerpräsident"]);
        let lines = Query::parse(r"^\w+", true).unwrap();
        assert_eq!(hits(&lines, "Erste Zeile\nZweite"), ["Erste", "Zweite"]);
    }

    #[test]
    fn empty_matches_are_not_hits() {
        let query = Query::parse("x*", true).unwrap();
        assert_eq!(hits(&query, "a xx b x"), ["xx", "x"]);
    }

    #[test]
    fn blank_and_broken_queries_say_what_is_wrong() {
        assert_eq!(Query::parse(" \n\t", false).unwrap_err(), QueryError::Empty);
        assert_eq!(Query::parse("  ", true).unwrap_err(), QueryError::Empty);
        let error = Query::parse("Minister(", true).unwrap_err();
        let QueryError::InvalidRegex { why } = &error else {
            panic!("{error:?}");
        };
        assert!(why.contains("unclosed group"), "{why}");
        // The message for the user says what to do, then where it went wrong.
        assert!(error.to_string().ends_with(why.as_str()), "{error}");
    }

    #[test]
    fn a_hostile_regex_is_refused_or_runs_in_linear_time() {
        let error = Query::parse(r"\w{1000}{1000}", true).unwrap_err();
        assert_eq!(error, QueryError::RegexTooBig);
        // Catastrophic backtracking elsewhere; here one pass.
        let query = Query::parse("(a+)+$", true).unwrap();
        let text = format!("{}b", "a".repeat(100_000));
        let started = std::time::Instant::now();
        assert!(hits(&query, &text).is_empty());
        assert!(started.elapsed().as_secs() < 5);
    }
}
