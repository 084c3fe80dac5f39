//! What a block of an article is: heading, byline, list item, boilerplate, prose.
//!
//! The rules are written against real news articles from several sites, not
//! only the bundled one: a heading is a short paragraph of its own without
//! closing sentence punctuation; bylines ("Von …"), list items, source lines
//! ("Unsere Quellen:"), interview questions and editorial labels such as a lone
//! "Erstmeldung" are not headings even when they are short.

/// Chars a heading may have at most.
const MAX_HEADING_CHARS: usize = 90;
/// Words a heading may have at most.
const MAX_HEADING_WORDS: usize = 12;

/// Punctuation that closes a sentence (or introduces a list) in the scripts
/// articles come in.
const CLOSING: &[char] = &[
    '.', '!', '?', ':', ';', ',', '…', '。', '！', '？', '：', '；', '،', '؟', '۔', '।',
];

/// Characters that may stand after the closing punctuation: quotes and brackets.
const TRAILING: &[char] = &[
    '"', '\'', '“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›', ')', ']', '*', '_', '/',
];

/// Words a heading does not end with: a line that stops on one of them was
/// cut off mid-sentence (a page break in a scanned book).
const FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
    "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "zu", "zum",
    "zur", "für", "über", "unter", "vor", "hinter", "neben", "zwischen", "durch", "gegen", "ohne",
    "um", "und", "oder", "aber", "sondern", "denn", "dass", "daß", "ob", "wenn", "als", "wie",
    "so", "sich", "sie", "er", "es", "wir", "ihr", "ich", "du", "man", "nicht", "auch", "noch",
    "schon", "nur", "dieser", "diese", "dieses", "diesem", "diesen", "jener", "jenem", "jenen",
    "sein", "seine", "seinem", "seinen", "ihre", "ihrem", "ihren", "wo", "weil", "da", "hat",
    "ist", "war", "wird", "wurde", "the", "a", "an", "of", "to", "on", "at", "for", "with", "and",
    "or", "but", "by", "from", "as", "is", "was", "le", "la", "les", "de", "du", "des", "et", "un",
    "une",
];

/// Month names that make a line with a day and a year a dateline.
const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "october",
    "december",
];

/// Editorial labels that stand alone on a line and are never a heading.
const LABELS: &[&str] = &[
    "erstmeldung",
    "eilmeldung",
    "update",
    "aktualisiert",
    "liveblog",
    "live",
    "mehr zum thema",
    "zum thema",
    "lesen sie auch",
    "weiterlesen",
    "anzeige",
    "werbung",
    "audio",
    "video",
    "galerie",
    "bildergalerie",
    "newsletter",
    "teilen",
    "artikel teilen",
    "kommentar",
    "analyse",
    "interview",
    "hintergrund",
    "exklusiv",
    "meinung",
    "reportage",
    "faq",
    "breaking news",
    "advertisement",
    "related",
    "read more",
    "hinweis der redaktion",
    "anmerkung der redaktion",
    "korrektur",
    "transparenzhinweis",
];

/// Openings of source, credit and notice lines.
const SOURCE_OPENINGS: &[&str] = &[
    "quelle:",
    "quellen:",
    "unsere quellen",
    "mit material von",
    "mit informationen von",
    "mit material der",
    "foto:",
    "fotos:",
    "bild:",
    "bilder:",
    "grafik:",
    "video:",
    "©",
    "(c) ",
    "copyright",
    "hinweis:",
    "transparenzhinweis",
    "anmerkung der redaktion",
    "korrektur:",
    "über dieses thema berichtete",
    "stand:",
    "source:",
    "sources:",
    "photo:",
    "image:",
    "audio:",
    "frage:",
    "antwort:",
    "interview:",
    "das gespräch führte",
    "das interview führte",
    "die fragen stellte",
];

/// Openings of bylines, in the languages articles come in.
const BYLINE_OPENINGS: &[&str] = &[
    "von ",
    "ein kommentar von ",
    "eine analyse von ",
    "ein interview von ",
    "ein gastbeitrag von ",
    "eine reportage von ",
    "ein bericht von ",
    "by ",
    "par ",
    "por ",
    "di ",
    "door ",
    "av ",
    "od ",
];

/// News agencies whose names form credit lines ("dpa/AFP").
const AGENCIES: &[&str] = &[
    "dpa", "afp", "ap", "reuters", "rtr", "epd", "kna", "sid", "dts", "ard", "zdf", "apa", "sda",
    "ansa", "efe", "tass", "ria", "kyodo", "xinhua",
];

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

/// An author line.
#[must_use]
pub fn is_byline(text: &str) -> bool {
    let trimmed = text.trim();
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
        let short = trimmed.chars().count() <= 100 && !ends_with_closing_punctuation(trimmed);
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
    if SOURCE_OPENINGS
        .iter()
        .any(|p| starts_with_lower(trimmed, p))
    {
        return true;
    }
    // Labels, agency credits and datelines are short; prose is not.
    if trimmed.chars().nth(MAX_LABEL_CHARS).is_some() {
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

/// The text of a block, shaped like a heading: one line, short, no closing
/// punctuation, not a byline, list item, label or stage direction.
///
/// This looks only at the block; [`Context`] decides with its neighbours.
#[must_use]
pub fn looks_like_heading(text: &str, lines: usize) -> bool {
    let trimmed = text.trim();
    // Cheapest first: most single lines in prose end a sentence or are long.
    if lines != 1
        || trimmed.is_empty()
        || ends_with_closing_punctuation(trimmed)
        || trimmed.chars().nth(MAX_HEADING_CHARS).is_some()
    {
        return false;
    }
    let chars = trimmed.chars().count();
    let words = trimmed.split_whitespace().count();
    let letters = trimmed.chars().filter(|c| c.is_alphabetic()).count();
    if chars > MAX_HEADING_CHARS || words > MAX_HEADING_WORDS || letters < 2 {
        return false;
    }
    if ends_with_closing_punctuation(trimmed) || starts_lowercase(trimmed) {
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
        .unwrap_or_default()
        .to_lowercase();
    if FUNCTION_WORDS.contains(&last_word.as_str())
        || is_dateline(trimmed)
        || has_sentence_break(trimmed)
    {
        return false;
    }
    !(is_list_item(trimmed) || is_byline(trimmed) || is_aside(trimmed))
}

/// True when a sentence ends inside the text ("Albernes. Darin ist er groß"),
/// not counting abbreviations ("Dr. Merkel").
#[must_use]
pub fn has_sentence_break(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        let breaks = matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase();
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
