//! Transcripts of debates (the Bundestag's Plenarprotokolle and the like):
//! who speaks, what is called out, and what of the print layout is no text.
//!
//! A protocol is told by its shape, not its file name: several lines that
//! open a turn ("Präsident Dr. Norbert Lammert:", "Dr. Dietmar Bartsch (DIE
//! LINKE):", "Dr. Angela Merkel, Bundeskanzlerin:"). Its print layout leaves
//! margin letters ("(A) (C)"), running page lines ("Deutscher Bundestag –
//! 18. Wahlperiode – 181. Sitzung. … 17881") and the speaker's name as a
//! running head above them; [`super::reflow`] drops those with the help of
//! the tests here.

/// Who speaks in a turn of a transcript.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Speaker {
    /// The name without titles: "Dietmar Bartsch".
    pub name: String,
    /// The name as the transcript gives it: "Dr. Dietmar Bartsch".
    pub full_name: String,
    /// The party or group in brackets: "DIE LINKE".
    pub party: Option<String>,
    /// The office named with the speaker: "Präsident", "Bundeskanzlerin".
    pub role: Option<String>,
}

/// Offices that stand before the name of the chair ("Präsident Dr. Norbert
/// Lammert:").
const CHAIR_ROLES: &[&str] = &[
    "Präsident",
    "Präsidentin",
    "Vizepräsident",
    "Vizepräsidentin",
    "Alterspräsident",
    "Alterspräsidentin",
];

/// Academic titles, left out of [`Speaker::name`].
const TITLES: &[&str] = &["Dr.", "Prof.", "h.", "c.", "h.c.", "Dr.-Ing.", "Dipl.-Ing."];

/// Fewest speaker lines that make a text a transcript.
pub const MIN_SPEAKER_LINES: usize = 3;

/// The longest line that can open a turn.
const MAX_SPEAKER_CHARS: usize = 140;

/// Reads a line that opens a turn: an office or a party or an office after
/// a comma, a name of two to five capitalised words, a closing colon.
#[must_use]
pub fn parse_speaker(line: &str) -> Option<Speaker> {
    let line = line.trim();
    if super::classify::longer_than(line, MAX_SPEAKER_CHARS) || line.starts_with('(') {
        return None;
    }
    let body = line.strip_suffix(':')?.trim_end();
    let (rest, party) = match body.strip_suffix(')') {
        Some(open) => {
            let at = open.rfind(" (")?;
            let party = open[at + 2..].trim();
            let capital = party.chars().next().is_some_and(char::is_uppercase);
            if !capital || party.is_empty() {
                return None;
            }
            (&open[..at], Some(party.to_owned()))
        }
        None => (body, None),
    };
    let (rest, office_after) = match rest.split_once(", ") {
        Some((name, office)) if party.is_none() => (name, Some(office.trim())),
        Some(_) => return None,
        None => (rest, None),
    };
    if office_after.is_some_and(|o| !o.chars().next().is_some_and(char::is_uppercase)) {
        return None;
    }
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    let office_before = words
        .first()
        .copied()
        .filter(|w| CHAIR_ROLES.contains(w))
        .inspect(|_| {
            words.remove(0);
        });
    if party.is_none() && office_after.is_none() && office_before.is_none() {
        return None;
    }
    let name_words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !TITLES.contains(w))
        .collect();
    let is_name_word = |w: &&str| {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let particle = ["von", "van", "de", "der", "zu", "den"].contains(w);
        // An initial ("Matthias W. Birkwald") is the only word with a dot.
        let initial = w.len() <= 3 && w.ends_with('.');
        (capital || particle)
            && (initial
                || w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'')))
    };
    if !(2..=5).contains(&name_words.len()) || !name_words.iter().all(is_name_word) {
        return None;
    }
    Some(Speaker {
        name: name_words.join(" "),
        full_name: words.join(" "),
        party,
        role: office_before.or(office_after).map(str::to_owned),
    })
}

/// True when the text has the shape of a transcript: several lines that
/// open a turn, each standing at the start of a block.
#[must_use]
pub fn looks_like_transcript(text: &str) -> bool {
    let mut found = 0;
    let mut previous: &str = "";
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.ends_with(':') && opens_turn(previous, trimmed) {
            found += 1;
        }
        previous = trimmed;
    }
    found >= MIN_SPEAKER_LINES
}

/// True when `line` (ending in ":") opens a turn: alone after a blank line
/// or a finished sentence, or as the second half of a speaker line wrapped
/// in two ("Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜ-" / "NEN):").
#[must_use]
pub fn opens_turn(previous: &str, line: &str) -> bool {
    let after_sentence =
        previous.is_empty() || super::classify::ends_with_closing_punctuation(previous);
    if after_sentence {
        parse_speaker(line).is_some()
    } else {
        parse_speaker(&join_wrapped(previous, line)).is_some()
    }
}

/// Two lines of a wrapped speaker line or interjection as one: the line-end
/// hyphen of a split party name joined ("GRÜ-" "NEN" → "GRÜNEN").
#[must_use]
pub fn join_wrapped(first: &str, second: &str) -> String {
    let mut out = first.to_owned();
    super::reflow::join_line(&mut out, second);
    out
}

/// The margin letters of the print layout: "(A) (C)", "(B) (D)", "(A)".
#[must_use]
pub fn is_margin_line(line: &str) -> bool {
    let mut tokens = line.split_whitespace().peekable();
    tokens.peek().is_some() && tokens.all(|t| matches!(t, "(A)" | "(B)" | "(C)" | "(D)"))
}

/// A running page line, "Deutscher Bundestag – 18. Wahlperiode – 181.
/// Sitzung. Berlin, Dienstag, den 28. Juni 2016 17881", or a lone page
/// number.
#[must_use]
pub fn is_page_line(line: &str) -> bool {
    let t = line.trim();
    let page_number = (3..=6).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    page_number || (t.contains("Wahlperiode") && t.contains("Sitzung") && t.len() < 200)
}

/// The running head above a page line: the speaker's name, without colon
/// ("Bundeskanzlerin Dr. Angela Merkel", "Thomas Oppermann").
#[must_use]
pub fn is_running_head(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && t.chars().count() <= 70
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || TITLES.contains(w))
        && !super::classify::ends_with_closing_punctuation(t)
}

/// An interjection: "(Beifall bei der SPD)", "(Zuruf von der AfD: …)".
#[must_use]
pub fn is_interjection(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('(') && t.ends_with(')') && t[1..].chars().next().is_some_and(char::is_uppercase)
}

/// The heading of a table of contents or an annex in a transcript.
#[must_use]
pub fn is_part_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':');
    matches!(t, "Inhalt" | "Inhaltsverzeichnis" | "Anlage" | "Anlagen")
        || t.starts_with("Anlage zum ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_lines() {
        let s = parse_speaker("Präsident Dr. Norbert Lammert:").unwrap();
        assert_eq!(s.name, "Norbert Lammert");
        assert_eq!(s.full_name, "Dr. Norbert Lammert");
        assert_eq!(s.role.as_deref(), Some("Präsident"));
        assert_eq!(s.party, None);
        let s = parse_speaker("Dr. Dietmar Bartsch (DIE LINKE):").unwrap();
        assert_eq!(s.name, "Dietmar Bartsch");
        assert_eq!(s.party.as_deref(), Some("DIE LINKE"));
        let s = parse_speaker("Dr. Angela Merkel, Bundeskanzlerin:").unwrap();
        assert_eq!(s.name, "Angela Merkel");
        assert_eq!(s.role.as_deref(), Some("Bundeskanzlerin"));
        let s = parse_speaker("Vizepräsidentin Claudia Roth:").unwrap();
        assert_eq!(s.name, "Claudia Roth");
        let s = parse_speaker("Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜNEN):").unwrap();
        assert_eq!(s.name, "Katrin Göring-Eckardt");
        assert_eq!(s.party.as_deref(), Some("BÜNDNIS 90/DIE GRÜNEN"));
        for line in [
            "Inhalt:",
            "Tagesordnungspunkt 1:",
            "Ich kann nur sagen:",
            "Frau Bundeskanzlerin, ich sage Ihnen voller Bedauern:",
            "Wahrheit! – Gunther Krichbaum [CDU/CSU]:",
            "(Zuruf vom BÜNDNIS 90/DIE GRÜNEN:",
            "Angela Merkel:",
            "Es führt kein Weg daran vorbei:",
            "Danke. Dr. Max Muster (SPD):",
        ] {
            assert!(parse_speaker(line).is_none(), "{line:?} opens no turn");
        }
    }

    #[test]
    fn print_layout_lines() {
        assert!(is_margin_line("(A) (C)"));
        assert!(is_margin_line("(B)"));
        assert!(!is_margin_line("(Beifall)"));
        assert!(is_page_line(
            "Deutscher Bundestag – 18. Wahlperiode – 181. Sitzung. Berlin, Dienstag, den 28. Juni 2016 17881"
        ));
        assert!(is_page_line("17883"));
        assert!(!is_page_line("Die Sitzung ist eröffnet."));
        assert!(is_running_head("Bundeskanzlerin Dr. Angela Merkel"));
        assert!(!is_running_head("Vielen Dank."));
        assert!(is_interjection("(Beifall bei der SPD)"));
        assert!(is_interjection("(Heiterkeit)"));
        assert!(!is_interjection("Beifall bei der SPD"));
    }

    #[test]
    fn a_transcript_is_told_by_its_speaker_lines() {
        let text = "Präsident Dr. Norbert Lammert:\nDie Sitzung ist eröffnet.\n\nDr. Anna Beispiel (SPD):\nDanke.\n\nPräsident Dr. Norbert Lammert:\nDas Wort hat\n\nMax Muster (CDU/CSU):\nDanke.\n";
        assert!(looks_like_transcript(text));
        assert!(!looks_like_transcript(
            "Er sagte:\n\nDas geht nicht.\n\nSie sagte:\n\nDoch."
        ));
    }
}
