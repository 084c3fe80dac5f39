//! The word lists the classifier reads: closing punctuation, function words,
//! months, editorial labels, source and byline openings, news agencies.
//!
//! Kept apart from the rules so that adding a label or an agency is a
//! one-line change that touches no logic.

/// Chars a heading may have at most.
pub(super) const MAX_HEADING_CHARS: usize = 120;
/// Words a heading may have at most.
pub(super) const MAX_HEADING_WORDS: usize = 18;
/// Chars a heading may have without a colon, dash or question to structure it.
pub(super) const PLAIN_HEADING_CHARS: usize = 110;
/// Words a heading may have without a colon, dash or question.
pub(super) const PLAIN_HEADING_WORDS: usize = 12;

/// Punctuation that closes a sentence (or introduces a list) in the scripts
/// articles come in.
pub(super) const CLOSING: &[char] = &[
    '.', '!', '?', ':', ';', ',', '…', '。', '！', '？', '：', '；', '،', '؟', '۔', '।',
];

/// Characters that may stand after the closing punctuation: quotes and brackets.
pub(super) const TRAILING: &[char] = &[
    '"', '\'', '“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›', ')', ']', '*', '_', '/',
];

/// Words a heading does not end with: a line that stops on one of them was
/// cut off mid-sentence (a page break in a scanned book). Only words that
/// cannot close a clause: articles, prepositions, conjunctions. Verbs, verb
/// particles and pronouns may ("Die Zahlen nehmen zu", "Die Lage entspannt
/// sich"). Compared as written: "Kim Jong Un" does not end on "un".
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
    "in", "im", "am", "bei", "beim", "von", "vom", "zum", "zur", "für", "über", "unter", "hinter",
    "neben", "zwischen", "gegen", "ohne", "und", "oder", "aber", "sondern", "denn", "dass", "daß",
    "ob", "wenn", "als", "wie", "dieser", "diese", "dieses", "diesem", "diesen", "jener", "jenem",
    "jenen", "seine", "seinem", "seinen", "ihre", "ihrem", "ihren", "wo", "weil", "the", "a", "of",
    "to", "at", "for", "with", "and", "or", "but", "by", "from", "le", "la", "les", "de", "du",
    "des", "et", "un", "une",
];

/// Words that can close a clause but that a sentence cut by a page break
/// often stops on: verb particles, pronouns, auxiliaries.
pub(super) const OPEN_WORDS: &[&str] = &[
    "nach", "mit", "zu", "auf", "an", "aus", "vor", "um", "durch", "sich", "nicht", "ist", "hat",
    "war", "wird", "sein", "so", "da", "man", "es", "er", "sie", "wir", "ich", "du", "noch",
    "auch", "schon", "nur",
];

/// Month names that make a line with a day and a year a dateline.
pub(super) const MONTHS: &[&str] = &[
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
pub(super) const LABELS: &[&str] = &[
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
pub(super) const SOURCE_OPENINGS: &[&str] = &[
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
pub(super) const BYLINE_OPENINGS: &[&str] = &[
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
pub(super) const AGENCIES: &[&str] = &[
    "dpa", "afp", "ap", "reuters", "rtr", "epd", "kna", "sid", "dts", "ard", "zdf", "apa", "sda",
    "ansa", "efe", "tass", "ria", "kyodo", "xinhua",
];
