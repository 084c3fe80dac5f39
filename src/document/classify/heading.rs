//! Is a block a heading? Its own shape first, then its neighbours.

use super::lists::{
    FUNCTION_WORDS, MAX_HEADING_CHARS, MAX_HEADING_WORDS, PLAIN_HEADING_CHARS, PLAIN_HEADING_WORDS,
};
use super::{
    ends_with_closing_punctuation, is_aside, is_byline, is_dateline, is_list_item, is_prose,
    starts_lowercase, starts_with_lower, without_trailing,
};

/// The text of a block, shaped like a heading: one line, short, no closing
/// punctuation, not a byline, list item, label or stage direction.
///
/// A headline question or call ("Was sind die Symptome?", "Sicherheit geht
/// vor!") is a heading too, unless it speaks to someone: the questions of an
/// interview address their guest ("Wie bewerten Sie …?"). Beyond 12 words or
/// 90 chars a heading needs a colon, dash or question mark to structure it.
///
/// This looks only at the block; [`Context`] decides with its neighbours.
#[must_use]
pub fn looks_like_heading(text: &str, lines: usize) -> bool {
    let trimmed = text.trim();
    // Cheapest first: most single lines in prose end a sentence or are long.
    if lines != 1 || trimmed.is_empty() || super::longer_than(trimmed, MAX_HEADING_CHARS) {
        return false;
    }
    if ends_with_closing_punctuation(trimmed)
        && !is_headline_call(trimmed)
        && !is_cut_headline(trimmed)
    {
        return false;
    }
    let chars = trimmed.chars().count();
    let words = trimmed.split_whitespace().count();
    let letters = trimmed.chars().filter(|c| c.is_alphabetic()).count();
    if words > MAX_HEADING_WORDS || letters < 2 {
        return false;
    }
    let structured = trimmed.contains(": ")
        || trimmed.contains(" – ")
        || trimmed.contains(" - ")
        || trimmed.contains('?');
    if (chars > PLAIN_HEADING_CHARS || words > PLAIN_HEADING_WORDS) && !structured {
        return false;
    }
    if starts_lowercase(trimmed) {
        return false;
    }
    // "(Beifall bei der SPD)", "[Anzeige]"
    if (trimmed.starts_with('(') && trimmed.ends_with(')'))
        || (trimmed.starts_with('[') && trimmed.ends_with(']'))
    {
        return false;
    }
    // Dot leaders of a table of contents: "Dr. Angela Merkel . . . . 17881 B".
    if trimmed.contains(". . .") || trimmed.contains("....") {
        return false;
    }
    let last_word = without_trailing(trimmed)
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if FUNCTION_WORDS.contains(&last_word)
        || is_dateline(trimmed)
        || breaks_after_statement(trimmed)
    {
        return false;
    }
    !(is_list_item(trimmed) || is_byline(trimmed) || is_aside(trimmed))
}

/// A heading numbered like a list item, "2. Der Experimentierkasten kommt
/// zum Einsatz": a heading once its number is off. Whether it is one or an
/// item of a list the neighbours tell (see `parse`).
#[must_use]
pub fn looks_like_numbered_heading(text: &str) -> bool {
    let trimmed = text.trim();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && trimmed[digits..]
            .strip_prefix(". ")
            .is_some_and(|rest| looks_like_heading(rest, 1))
}

/// A chapter heading of a book: "Erstes Kapitel", "Kapitel 3", "XII.", "1.".
#[must_use]
pub fn is_chapter_heading(text: &str) -> bool {
    let trimmed = text.trim();
    let bare = trimmed.strip_suffix('.').unwrap_or(trimmed);
    if bare.is_empty() || super::longer_than(bare, 40) {
        return false;
    }
    let numeral = |w: &str| {
        (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
            || (w.len() <= 7 && w.bytes().all(|b| b"IVXLC".contains(&b)))
    };
    if numeral(bare) {
        return true;
    }
    let words: Vec<&str> = bare.split_whitespace().collect();
    let unit = |w: &str| CHAPTER_WORDS.contains(&w.trim_end_matches('.').to_lowercase().as_str());
    match words.as_slice() {
        // "Kapitel 3", "Kapitel IV", "Buch Zwei"
        [first, second] if unit(first) => {
            numeral(second.trim_end_matches('.')) || !starts_lowercase(second)
        }
        // "Erstes Kapitel", "3. Kapitel", "Zweiter Teil"
        [first, second] if unit(second) => {
            numeral(first.trim_end_matches('.')) || !starts_lowercase(first)
        }
        _ => false,
    }
}

/// Quotation marks that open a quotation.
const OPENING_QUOTES: &[char] = &['„', '“', '"', '»', '«', '‚'];

/// Words that name a part of a book in a chapter heading.
const CHAPTER_WORDS: &[&str] = &[
    "kapitel",
    "buch",
    "teil",
    "abschnitt",
    "chapter",
    "book",
    "part",
    "chapitre",
    "livre",
];

/// Words that address a reader or an interviewee: a question holding one is
/// put to someone, not a headline.
const ADDRESS_WORDS: &[&str] = &[
    "Sie", "Ihnen", "Ihr", "Ihre", "Ihrer", "Ihren", "Ihrem", "Ihres", "du", "Du", "dich", "Dich",
    "dir", "Dir", "dein", "deine", "Dein", "Deine", "euch", "Euch", "you", "your", "You", "Your",
];

/// True when the text ends in a question mark (quotes after it allowed).
#[must_use]
pub fn ends_as_question(text: &str) -> bool {
    without_trailing(text).ends_with(['?', '？', '؟'])
}

/// A line that shows the text is an interview: "Das Interview führte …",
/// or a question put under the interviewer's label ("tagesschau.de: …?").
#[must_use]
pub fn marks_interview(text: &str) -> bool {
    let trimmed = text.trim();
    if super::longer_than(trimmed, MAX_HEADING_CHARS) {
        return false;
    }
    let credit = [
        "das interview führte",
        "das gespräch führte",
        "die fragen stellte",
        "interview:",
    ]
    .iter()
    .any(|p| starts_with_lower(trimmed, p));
    let labelled_question = trimmed.split_once(": ").is_some_and(|(label, _)| {
        !label.contains(' ') && (label.contains('.') || starts_lowercase(label))
    }) && ends_as_question(trimmed);
    credit || labelled_question
}

/// A headline cut short by its site, "Nordex Group erzielt Konzernumsatz
/// von 3,9 Mrd. EUR bei soli...": several words, the dots on the last one.
fn is_cut_headline(text: &str) -> bool {
    let Some(cut) = text.strip_suffix("...").or_else(|| text.strip_suffix('…')) else {
        return false;
    };
    let cut = cut.trim_end();
    cut.split_whitespace().count() >= 4
        && cut.ends_with(char::is_alphanumeric)
        && !text.starts_with(['„', '“', '"', '»', '«', '‚', '‘', '\'', '-', '–', '('])
}

/// A headline that ends in "?": a few words, no quotation, nobody addressed
/// or named ("Herr Teuber, was …?"), no interviewer's label
/// ("tagesschau.de: Was bedeutet das?"), not the "Und …?" of a conversation.
fn is_headline_call(text: &str) -> bool {
    let bare = without_trailing(text);
    if !bare.ends_with('?') {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let labelled = text.split_once(": ").is_some_and(|(label, _)| {
        !label.contains(' ') && (label.contains('.') || starts_lowercase(label))
    });
    let vocative = text.split_once(", ").is_some_and(|(head, _)| {
        ["Herr ", "Frau ", "Mr ", "Mrs ", "Ms "]
            .iter()
            .any(|title| head.starts_with(title))
    });
    let conversational = words
        .first()
        .is_some_and(|w| ["Und", "Aber", "Also", "Oder", "Dann", "Doch"].contains(w));
    (2..=PLAIN_HEADING_WORDS).contains(&words.len())
        && !text.starts_with(['„', '“', '"', '»', '«', '‚', '‘', '\'', '-', '–'])
        && !words.iter().any(|w| ADDRESS_WORDS.contains(w))
        && !labelled
        && !vocative
        && !conversational
}

/// True when a sentence ends inside the text ("Albernes. Darin ist er groß"),
/// not counting abbreviations ("Dr. Merkel").
#[must_use]
pub fn has_sentence_break(text: &str) -> bool {
    sentence_break(text, &['.', '!', '?'])
}

/// A statement ends inside the text: a full stop or "!" inside a heading
/// means prose, a question inside one ("Strafe oder Anreiz? CO2-Grenzausgleich
/// trifft Handelspartner") does not.
fn breaks_after_statement(text: &str) -> bool {
    sentence_break(text, &['.', '!'])
}

fn sentence_break(text: &str, marks: &[char]) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        // "Er lachte. „Und das …“": the next sentence may open with a quote.
        let opens = w[2].is_uppercase()
            || (OPENING_QUOTES.contains(&w[2])
                && chars.get(i + 3).is_some_and(|c| c.is_uppercase()));
        let breaks = marks.contains(&w[0]) && w[1] == ' ' && opens;
        let word_before = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .count();
        breaks && word_before > 3
    })
}

/// True for a line that is one quotation from start to end.
fn is_quotation(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(['„', '“', '"', '»', '«', '‚']) && t.ends_with(['“', '”', '"', '«', '»', '‘'])
}

/// The blocks around a heading candidate, as far as they matter.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The candidate itself.
    pub candidate: Option<&'a str>,
    /// The previous block's text and whether it was taken as a heading.
    pub previous: Option<(&'a str, bool)>,
    /// The next block's text.
    pub next: Option<&'a str>,
}

impl Context<'_> {
    /// Decides whether a block shaped like a heading is one here.
    ///
    /// A heading opens a section, so text must follow it, and that text must not
    /// continue a sentence. A heading does not follow another heading, nor
    /// break into a paragraph that stopped mid-sentence (page breaks in
    /// hard-wrapped books look like that).
    #[must_use]
    pub fn admits_heading(&self) -> bool {
        let Some(next) = self.next else {
            return false;
        };
        if starts_lowercase(next) || !is_prose(next) {
            return false;
        }
        // A quotation between two turns of dialogue is a turn too.
        let opens_quote = |t: &str| t.trim_start().starts_with(['„', '“', '"', '»', '«', '‚']);
        if self.candidate.is_some_and(is_quotation)
            && (opens_quote(next) || self.previous.is_some_and(|(p, _)| opens_quote(p)))
        {
            return false;
        }
        match self.previous {
            None => true,
            Some((_, true)) => false,
            Some((previous, false)) => {
                ends_with_closing_punctuation(previous)
                    || is_list_item(previous)
                    || is_aside(previous)
                    || is_byline(previous)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subheadings_of_news_articles() {
        for heading in [
            "Tokajews Besuch in Almaty",
            "Schicksal von Festgenommenen unklar",
            "\"Wir sind bereit\" - Merkel zum Brexit",
            "Was die Entscheidung bedeutet",
            "2000 Soldaten im Einsatz",
            "Reaktionen aus Moskau und Peking",
            "Why the vote matters",
            "北京的反应",
        ] {
            assert!(looks_like_heading(heading, 1), "{heading:?} is a heading");
        }
    }

    #[test]
    fn short_lines_that_are_not_headings() {
        for line in [
            "Von Anna Müller, ARD-Studio Moskau",
            "Von Silvia Stöber",
            "Ein Kommentar von Michael Strempel",
            "By Jane Doe",
            "Anna Müller, ARD-Studio Moskau",
            "Unsere Quellen:",
            "Quelle: dpa",
            "dpa/AFP",
            "(Beifall bei der SPD)",
            "Erstmeldung",
            "Mehr zum Thema",
            "- Nachrichtenagentur AP",
            "• Reuters",
            "1. Ein Punkt",
            "a) erstens",
            "Wie bewerten Sie die Lage in Almaty?",
            "tagesschau.de: Was bedeutet das?",
            "Präsident Dr. Norbert Lammert:",
            "Die Lage bleibt angespannt.",
            "„Wir sind bereit“, sagte Merkel.",
            "13.01.2022 09:59 Uhr",
            "Stand: 13.01.2022 09:59 Uhr",
            "und dann ging sie hinaus",
            "Dr. Angela Merkel, Bundeskanzlerin . . . . . . .  17881 B",
            "Berlin, Dienstag, den 28. Juni 2016",
            "Arnold, Rainer SPD 28.06.2016",
            "Effi schien antworten zu wollen, aber in diesem",
            "„Desto besser.“/",
            "„Gewiß etwas Albernes. Darin ist er groß“",
            "Von unserem Korrespondenten Hans Müller",
            "Das Gespräch führte Anna Müller",
            "Die Fragen stellte Hans Meier",
            "Frage: Wie geht es weiter",
            "Audio: Militärbündnis zieht ab",
            "Erstmeldung 10:42 Uhr",
            "Hinweis der Redaktion",
        ] {
            assert!(!looks_like_heading(line, 1), "{line:?} is not a heading");
        }
        assert!(!looks_like_heading("Tokajews Besuch\nin Almaty", 2));
    }

    #[test]
    fn context_decides_with_the_neighbours() {
        let ctx = |previous, next| Context {
            candidate: None,
            previous,
            next,
        };
        assert!(ctx(Some(("Er kam.", false)), Some("Die Lage ist ruhig.")).admits_heading());
        assert!(ctx(None, Some("Text.")).admits_heading());
        // Nothing follows: not a heading.
        assert!(!ctx(Some(("Er kam.", false)), None).admits_heading());
        // The paragraph before stopped mid-sentence: a page break, not a heading.
        assert!(!ctx(Some(("und so ging er", false)), Some("Text.")).admits_heading());
        // The next block continues a sentence.
        assert!(!ctx(Some(("Er kam.", false)), Some("und ging.")).admits_heading());
        // Two headings in a row: the second is text.
        assert!(!ctx(Some(("Kapitel", true)), Some("Text.")).admits_heading());
        // What follows a heading is prose, not a running header.
        assert!(
            !ctx(
                Some(("Er kam.", false)),
                Some("Deutscher Bundestag – 18. Wahlperiode 17883")
            )
            .admits_heading()
        );
        assert!(
            ctx(
                Some(("Er kam.", false)),
                Some("Lange Zeilen\nüber mehrere Zeilen")
            )
            .admits_heading()
        );
        // A quotation among dialogue is dialogue; a quoted headline is a heading.
        let quoted = Context {
            candidate: Some("„Wir sind bereit“"),
            previous: Some(("„Ja.“", false)),
            next: Some("Er ging."),
        };
        assert!(!quoted.admits_heading());
        let quoted = Context {
            candidate: Some("„Wir sind bereit“"),
            previous: Some(("Er ging.", false)),
            next: Some("Merkel sagte das."),
        };
        assert!(quoted.admits_heading());
        // After a list or a source line a heading may follow.
        assert!(ctx(Some(("- AP", false)), Some("Text.")).admits_heading());
    }

    #[test]
    fn questions_colons_dashes_and_verbs_in_headings() {
        for heading in [
            "Was sind die Symptome?",
            "Covid-19: Lässt sich die Ausbreitung in Deutschland kontrollieren?",
            "Strafe oder Anreiz? CO2-Grenzausgleich kann Handelspartner hart treffen",
            "Nordkorea: Spekulationen über Kim Jong Un",
            "Schwache Profile – günstige Lawinensituation",
            "Schweigegeld- und Schutzgelderpressungen nehmen zu",
            "Beschuldigte können nicht gleichzeitig Verteidiger sein",
            "Nordex Group erzielt Konzernumsatz von 3,9 Mrd. EUR bei soli...",
        ] {
            assert!(looks_like_heading(heading, 1), "{heading:?} is a heading");
        }
        for line in [
            "Herr Teuber, was genau ist das?",
            "Und Russland?",
            "„Wer?“",
            "Wie bewerten Sie die Lage?",
            "Effi schien antworten zu wollen, aber in diesem",
            "Sicherheit geht vor!",
        ] {
            assert!(!looks_like_heading(line, 1), "{line:?} is not a heading");
        }
        assert!(looks_like_numbered_heading(
            "2. Der Experimentierkasten kommt zum Einsatz"
        ));
        assert!(!looks_like_numbered_heading("2. Der Satz endet."));
        assert!(marks_interview(
            "tagesschau.de: Frau Beispiel, was ist passiert?"
        ));
        assert!(marks_interview("Das Interview führte Max Muster."));
        assert!(!marks_interview("Covid-19: Was ist bekannt?"));
    }

    #[test]
    fn chapter_headings() {
        for heading in [
            "Erstes Kapitel",
            "Zweites Kapitel.",
            "Kapitel 3",
            "Kapitel IV",
            "I.",
            "XII.",
            "1.",
            "3. Kapitel",
        ] {
            assert!(is_chapter_heading(heading), "{heading:?} opens a chapter");
        }
        for line in [
            "Kapitel",
            "Ich.",
            "ein kapitel",
            "2022.",
            "Die Kapitel des Buches",
        ] {
            assert!(!is_chapter_heading(line), "{line:?} does not");
        }
    }
}
