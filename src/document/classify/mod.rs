//! What a block of an article is: heading, byline, list item, boilerplate, prose.
//!
//! The rules are written against real news articles from several sites, not
//! only the bundled one: a heading is a short paragraph of its own without
//! closing sentence punctuation; bylines ("Von …"), list items, source lines
//! ("Unsere Quellen:"), interview questions and editorial labels such as a lone
//! "Erstmeldung" are not headings even when they are short.

mod heading;
mod lists;

pub use heading::{
    Context, ends_as_question, has_sentence_break, is_chapter_heading, looks_like_heading,
    looks_like_numbered_heading, marks_interview,
};
use lists::{
    AGENCIES, BYLINE_OPENINGS, CLOSING, FUNCTION_WORDS, LABELS, MONTHS, OPEN_WORDS,
    SOURCE_OPENINGS, TRAILING,
};

/// What kind of prose a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The lead (teaser) paragraph right after the title.
    Lead,
    /// Ordinary running text.
    Body,
    /// The author line ("Von Anna Müller, ARD-Studio Moskau").
    Byline,
    /// An item of a list.
    ListItem,
    /// A quotation set apart (`> …`, a web page's block quote).
    Quote,
    /// Editorial boilerplate: sources, credits, labels such as "Erstmeldung".
    Aside,
    /// A call from the floor in a transcript: "(Beifall bei der SPD)",
    /// "(Zuruf von der AfD: …)", "(Heiterkeit)".
    Interjection,
    /// A footnote or endnote ("¹ …"), placed at the end of its section.
    Note,
}

/// Text with the trailing quotes and brackets removed.
fn without_trailing(text: &str) -> &str {
    text.trim_end().trim_end_matches(TRAILING).trim_end()
}

/// True when the text ends with closing sentence punctuation (quotes and
/// brackets after it allowed).
#[must_use]
pub fn ends_with_closing_punctuation(text: &str) -> bool {
    without_trailing(text).ends_with(CLOSING)
}

/// True when the text stops on a word after which its sentence must go on:
/// an article, a preposition, a conjunction, a pronoun ("… auf dem Wege
/// nach"). Only for text without closing punctuation: a page break cut it.
#[must_use]
pub fn ends_on_open_word(text: &str) -> bool {
    let last = without_trailing(text)
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    FUNCTION_WORDS.contains(&last) || OPEN_WORDS.contains(&last)
}

/// True when the text has more than `chars` chars, told from its length
/// in bytes where that is enough (a char is one to four bytes): the
/// classifier asks this of every paragraph of a book.
#[must_use]
pub fn longer_than(text: &str, chars: usize) -> bool {
    if text.len() <= chars {
        false
    } else if text.len() > chars * 4 {
        true
    } else {
        text.chars().nth(chars).is_some()
    }
}

/// True when the first letter of the text is lower case (a fragment, not a start).
#[must_use]
pub fn starts_lowercase(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// A bulleted or numbered list item.
#[must_use]
pub fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    if ["- ", "* ", "+ ", "• ", "– ", "— ", "· ", "▪ ", "► ", "> "]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return true;
    }
    // "1. ", "12) ", "a) "
    let marker = t.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let after = &t[marker..];
    let head = &t.as_bytes()[..marker];
    let numbered = (1..=3).contains(&marker) && head.iter().all(u8::is_ascii_digit);
    let lettered = marker == 1 && head[0].is_ascii_lowercase();
    (numbered && (after.starts_with(". ") || after.starts_with(") ")))
        || (lettered && after.starts_with(") "))
}

/// True when `text` starts with `prefix` (given in lower case), ignoring case,
/// without lower-casing all of `text`.
fn starts_with_lower(text: &str, prefix: &str) -> bool {
    let mut chars = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| chars.next() == Some(p))
}

/// Longest label in [`LABELS`], in chars: longer lines are never labels.
const MAX_LABEL_CHARS: usize = 40;

/// Longest author line, in chars.
const MAX_BYLINE_CHARS: usize = 100;

/// An author line.
#[must_use]
pub fn is_byline(text: &str) -> bool {
    let trimmed = text.trim();
    // Both kinds below are at most 100 chars: a paragraph is not lower-cased.
    if longer_than(trimmed, MAX_BYLINE_CHARS) {
        return false;
    }
    let lower = trimmed.to_lowercase();
    // The openings are ASCII: compare on the original text, so that no
    // lower-casing shifts a byte offset.
    let opening = BYLINE_OPENINGS.iter().find(|p| {
        trimmed
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    });
    if let Some(opening) = opening {
        // "Von Anna Müller und Hans Meier, ARD-Studio Moskau" names people;
        // "Von der Krise zur Chance" (a heading) and "Von Montag an gilt …"
        // (a sentence) do not.
        let names = trimmed[opening.len()..]
            .split(',')
            .next()
            .unwrap_or_default();
        let short = !ends_with_closing_punctuation(trimmed);
        if short && is_name_list(names) {
            return true;
        }
        // "Von unserem Korrespondenten Hans Müller": on to the studio check.
    }
    // "Anna Müller, ARD-Studio Moskau"
    let studio = ["studio", "korrespondent", "redaktion", "correspondent"];
    let names_studio = studio.iter().any(|s| lower.contains(s));
    lower.chars().count() <= 80
        && (lower.contains(',') || opening.is_some())
        && names_studio
        && !ends_with_closing_punctuation(&lower)
}

/// A source, credit or notice line, an agency credit, a lone date or a label.
#[must_use]
pub fn is_aside(text: &str) -> bool {
    let trimmed = text.trim();
    // Every paragraph of a book comes here: only the openings that share
    // its first letter are compared.
    let Some(first) = trimmed.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    if SOURCE_OPENINGS
        .iter()
        .any(|p| p.starts_with(first) && starts_with_lower(trimmed, p))
    {
        return true;
    }
    // Labels, agency credits and datelines are short; prose is not.
    if longer_than(trimmed, MAX_LABEL_CHARS) {
        return false;
    }
    let lower = trimmed.to_lowercase();
    let label = lower.trim_end_matches([':', '.', '!']).trim();
    // "Erstmeldung 10:42 Uhr": a label with a time after it.
    let without_time = label
        .trim_end_matches("uhr")
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | '.' | ' ' | ','));
    if LABELS.contains(&label) || LABELS.contains(&without_time.trim()) {
        return true;
    }
    if is_agency_credit(&lower) {
        return true;
    }
    // A date, a time, a "Stand: …" line: no words at all, or only "uhr".
    let mut letters = lower.chars().filter(|c| c.is_alphabetic());
    let only_uhr = letters.clone().eq("uhr".chars());
    letters.next().is_none() || only_uhr
}

/// Words that read as a list of personal names: capitalised, joined by
/// particles such as "von", "und", "de".
fn is_name_list(words: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "von", "van", "vom", "zu", "de", "da", "del", "der", "den", "di", "du", "la", "le", "y",
        "und", "and", "et", "&",
    ];
    let words: Vec<&str> = words.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words.iter().any(|w| !starts_lowercase(w))
        && words
            .iter()
            .all(|w| !starts_lowercase(w) || PARTICLES.contains(&w.to_lowercase().as_str()))
}

fn is_agency_credit(lower: &str) -> bool {
    let inner = lower.trim_start_matches('(').trim_end_matches(')');
    let parts: Vec<&str> = inner
        .split(|c: char| c == '/' || c == ',' || c == '|' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts
            .iter()
            .all(|p| AGENCIES.contains(p) || *p == "mit" || *p == "und")
}

/// A line giving a full date: "Berlin, Dienstag, den 28. Juni 2016",
/// "Arnold, Rainer SPD 28.06.2016".
#[must_use]
pub fn is_dateline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let numeric = lower
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|token| {
            let parts: Vec<&str> = token.split('.').collect();
            parts.len() == 3
                && parts[0].len() <= 2
                && parts[1].len() <= 2
                && parts[2].len() == 4
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        });
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let spelled = words.windows(2).any(|pair| {
        MONTHS.contains(&pair[0])
            && pair[1].len() == 4
            && pair[1].bytes().all(|b| b.is_ascii_digit())
    }) && words
        .iter()
        .any(|w| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()));
    numeric || spelled
}

/// Text that reads like running prose: it ends a sentence, runs over
/// several lines, or is a list or byline under a heading.
#[must_use]
pub fn is_prose(text: &str) -> bool {
    ends_with_closing_punctuation(text)
        || text.trim().contains('\n')
        || is_list_item(text)
        || is_byline(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides_and_bylines() {
        assert!(is_aside("Erstmeldung"));
        assert!(is_aside("Unsere Quellen: dpa, AP"));
        assert!(is_aside("(dpa)"));
        assert!(!is_aside("Tokajews Besuch in Almaty"));
        assert!(is_byline("Von Anna Müller"));
        assert!(is_byline(
            "Von Anna Müller und Hans Meier, ARD-Studio Moskau"
        ));
        assert!(!is_byline("Von der Krise zur Chance"));
        assert!(looks_like_heading("Von der Krise zur Chance", 1));
        assert!(!is_byline(
            "Von Montag an gelten neue Regeln für alle Reisenden, die aus dem Ausland nach Kasachstan einreisen wollen."
        ));
    }
}
