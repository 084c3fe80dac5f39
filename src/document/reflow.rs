//! Hard-wrapped plain texts to paragraphs, before they are parsed.
//!
//! Books from Project Gutenberg and text dumped from PDFs break their lines
//! where the print did, hyphenate at line ends and leave former page breaks
//! as two or three blank lines, sometimes in mid-sentence. Read as they are,
//! every page break is a paragraph break and "Ein-\nschnitt" is two words.
//! This module rewrites such a text once, when it is opened, so that every
//! offset (and so every annotation) points into the reflowed text:
//!
//! - inner line breaks of a paragraph become spaces; a line-end hyphen
//!   between two lower-case letters is joined ("Ein-\nschnitt" →
//!   "Einschnitt"), other hyphens stay ("CDU/CSU-\nFraktion", "Euro-\nStaaten",
//!   "Heil-\nund Zimmergymnastik");
//! - a paragraph cut by a page break (no closing punctuation, and the next
//!   block goes on in lower case or the cut ends on an article or a
//!   preposition) is joined;
//! - the page breaks left (two or more blank lines between whole sentences)
//!   stay as two blank lines: the parser opens a section there;
//! - in a transcript (see [`super::transcript`]) margin letters, running
//!   page lines and running heads are dropped, speaker lines and
//!   interjections become blocks of their own.
//!
//! A text that is not hard-wrapped (and not a transcript) is returned as it
//! is, byte for byte: its hash, and every session made on it, stay valid.

use super::classify;
use super::transcript;

/// How a plain text is laid out, as far as the parser needs to know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// An article as typed: the text is left as it is.
    #[default]
    Prose,
    /// A hard-wrapped book or PDF text, reflowed; two blank lines mark a
    /// former page or scene break.
    Book,
    /// A transcript of a debate, reflowed; speaker lines open turns.
    Transcript,
}

/// Fewest non-blank lines for a text to count as hard-wrapped.
const MIN_LINES: usize = 20;
/// Leading spaces that make a short line centred (a chapter heading).
const CENTRED_INDENT: usize = 8;
/// Longest interjection, in lines.
const MAX_INTERJECTION_LINES: usize = 10;
/// Words after a line-end hyphen that show it is a suspended compound
/// ("Heil- und Zimmergymnastik"), not a word split in two.
const SUSPENDED: &[&str] = &[
    "und",
    "oder",
    "bis",
    "sowie",
    "als",
    "wie",
    "noch",
    "bzw",
    "beziehungsweise",
    "statt",
];
/// Party names that the print splits in capitals ("GRÜ-\nNEN").
const CAPITAL_WORDS: &[&str] = &[
    "GRÜNEN",
    "GRÜNE",
    "BÜNDNIS",
    "BÜNDNISSES",
    "LINKE",
    "LINKEN",
    "FRAKTION",
];

/// The text reflowed when it is hard-wrapped or a transcript, and its layout.
#[must_use]
pub fn normalise(text: String) -> (String, Layout) {
    // A book of several MB is looked at once, line by line, for both shapes.
    let survey = Survey::of(&text);
    let layout = if survey.speaker_lines >= transcript::MIN_SPEAKER_LINES {
        Layout::Transcript
    } else if survey.hard_wrapped() {
        Layout::Book
    } else {
        return (text, Layout::Prose);
    };
    (reflow(&text, layout), layout)
}

/// What one pass over the lines of a text tells about its layout.
struct Survey {
    /// Non-blank lines.
    lines: usize,
    /// Non-blank lines followed by another non-blank line.
    inner: usize,
    /// Their total width, in bytes (a few more than chars in German: close
    /// enough for a line width, and no pass over the chars).
    inner_bytes: usize,
    /// Lines that open a turn of a transcript.
    speaker_lines: usize,
}

impl Survey {
    fn of(text: &str) -> Self {
        let mut survey = Self {
            lines: 0,
            inner: 0,
            inner_bytes: 0,
            speaker_lines: 0,
        };
        let mut previous: &str = "";
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                previous = "";
                continue;
            }
            survey.lines += 1;
            if !previous.is_empty() {
                survey.inner += 1;
                survey.inner_bytes += previous.len();
            }
            if trimmed.ends_with(':') && transcript::opens_turn(previous, trimmed) {
                survey.speaker_lines += 1;
            }
            previous = trimmed;
        }
        survey
    }

    fn hard_wrapped(&self) -> bool {
        self.lines >= MIN_LINES
            && self.inner * 2 >= self.lines
            && (30..=130).contains(&(self.inner_bytes / self.inner.max(1)))
    }
}

/// What a block of the source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Speaker,
    Interjection,
    Centred,
}

/// A block of the source: its lines, what it is, the blank lines before it.
struct Raw<'a> {
    lines: Vec<&'a str>,
    kind: Kind,
    gap: usize,
}

fn reflow(text: &str, layout: Layout) -> String {
    let mut writer = Writer {
        out: String::with_capacity(text.len()),
        start: None,
        kind: Kind::Text,
        lines: 0,
        in_turn: false,
        book: layout == Layout::Book,
    };
    if layout == Layout::Transcript {
        let lines: Vec<&str> = text.lines().collect();
        let keep = kept_lines(&lines);
        for block in raw_blocks(&lines, &keep, layout) {
            writer.push(&block);
        }
    } else {
        // A book of several MB: one pass, one buffer for the lines of a block.
        let mut block = Raw {
            lines: Vec::new(),
            kind: Kind::Text,
            gap: 0,
        };
        let mut blank = 0;
        for line in text.lines() {
            if line.trim().is_empty() {
                if !block.lines.is_empty() {
                    block.kind = text_kind(&block.lines);
                    writer.push(&block);
                    block.lines.clear();
                }
                blank += 1;
                continue;
            }
            if block.lines.is_empty() {
                block.gap = std::mem::take(&mut blank);
            }
            block.lines.push(line);
        }
        if !block.lines.is_empty() {
            block.kind = text_kind(&block.lines);
            writer.push(&block);
        }
    }
    let mut out = writer.out;
    out.push('\n');
    out
}

/// A paragraph joined from blocks stops growing here.
const MAX_JOINED_BYTES: usize = 64 * 1024;

/// The last `bytes` bytes of `text` (at a char boundary).
fn tail_of(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Writes the reflowed text, one source block at a time; the paragraph
/// being written is the tail of `out`, from `start`.
struct Writer {
    out: String,
    start: Option<usize>,
    kind: Kind,
    /// Source lines in the paragraph being written.
    lines: usize,
    in_turn: bool,
    book: bool,
}

impl Writer {
    fn push(&mut self, block: &Raw<'_>) {
        self.in_turn |= block.kind == Kind::Speaker;
        let Some(first) = block.lines.first() else {
            return;
        };
        if let Some(start) = self.start {
            let paragraph = &self.out[start..];
            // Only the paragraph's tail is looked at (its last line's worth):
            // a text that never ends a sentence must not be scanned again
            // for every block joined to it; and a joined paragraph stops
            // growing at a size no real one reaches.
            let tail = tail_of(paragraph, 512);
            let continues = self.kind == Kind::Text
                && block.kind == Kind::Text
                && paragraph.len() < MAX_JOINED_BYTES
                && !ends_sentence(tail)
                && !tail.contains(". . .")
                && (classify::starts_lowercase(first)
                    || classify::ends_on_open_word(tail)
                    // Columns of a speech break anywhere; a heading of a
                    // book stands on one line.
                    || self.in_turn
                    || (self.book && self.lines > 1));
            if continues {
                self.append(start, &block.lines);
                self.lines += block.lines.len();
                return;
            }
            self.out.push_str(if self.book && block.gap >= 2 {
                "\n\n\n"
            } else {
                "\n\n"
            });
        }
        let start = self.out.len();
        if block.kind == Kind::Centred {
            self.out.push_str(&" ".repeat(CENTRED_INDENT));
        }
        let text_start = self.out.len();
        self.append(text_start, &block.lines);
        self.start = Some(start);
        self.kind = block.kind;
        self.lines = block.lines.len();
    }

    /// The lines of a block onto the paragraph from `start`; the items of a
    /// list keep their own lines (a dash that opens a line inside a
    /// paragraph is a dash).
    fn append(&mut self, start: usize, lines: &[&str]) {
        let list = lines.first().is_some_and(|l| classify::is_list_item(l));
        for line in lines {
            let line = line.trim();
            if list && self.out.len() > start && classify::is_list_item(line) {
                self.out.push('\n');
                self.out.push_str(line);
            } else {
                append_line(&mut self.out, start, line);
            }
        }
    }
}

/// True when the text ends a sentence or introduces speech (".", "!", "?",
/// "…", ":"; quotes after them allowed). A comma or semicolon does not: a
/// page break after one cut a sentence.
fn ends_sentence(text: &str) -> bool {
    classify::ends_with_closing_punctuation(text)
        && !text
            .trim_end()
            .trim_end_matches(['"', '\'', '“', '”', '„', '«', '»', '‘', '’', ')', '/'])
            .ends_with([',', ';', '،', '；'])
}

/// Which lines of a transcript are text: margin letters, page lines and
/// the running heads above them are not.
fn kept_lines(lines: &[&str]) -> Vec<bool> {
    let mut keep: Vec<bool> = lines
        .iter()
        .map(|l| !(transcript::is_margin_line(l) || transcript::is_page_line(l)))
        .collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    for i in 0..lines.len() {
        if !keep[i] || !blank(i.wrapping_sub(1)) || !blank(i + 1) {
            continue;
        }
        let next = (i + 1..lines.len()).find(|&j| !blank(j));
        if next.is_some_and(|j| !keep[j]) && transcript::is_running_head(lines[i]) {
            keep[i] = false;
        }
    }
    keep
}

fn raw_blocks<'a>(lines: &[&'a str], keep: &[bool], layout: Layout) -> Vec<Raw<'a>> {
    let mut blocks = Vec::new();
    let mut current: Vec<&'a str> = Vec::new();
    let mut gap = 0;
    let mut pending_gap = 0;
    let transcript = layout == Layout::Transcript;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.is_empty() || !keep[i] {
            if !current.is_empty() {
                blocks.push(text_block(std::mem::take(&mut current), gap));
            }
            if keep[i] {
                pending_gap += 1;
            }
            i += 1;
            continue;
        }
        if current.is_empty() {
            gap = pending_gap;
            pending_gap = 0;
        }
        if transcript {
            let after_sentence = current
                .last()
                .is_none_or(|l| classify::ends_with_closing_punctuation(l));
            // A speaker line, on one line or wrapped onto a second.
            if trimmed.ends_with(':') {
                let wrapped = current.len() == 1
                    && !after_sentence
                    && transcript::parse_speaker(&transcript::join_wrapped(current[0], trimmed))
                        .is_some();
                let alone =
                    !wrapped && after_sentence && transcript::parse_speaker(trimmed).is_some();
                if alone && !current.is_empty() {
                    blocks.push(text_block(std::mem::take(&mut current), gap));
                }
                if wrapped || alone {
                    current.push(trimmed);
                    blocks.push(Raw {
                        lines: std::mem::take(&mut current),
                        kind: Kind::Speaker,
                        gap,
                    });
                    i += 1;
                    continue;
                }
            }
            // An interjection on lines of its own, also inside a paragraph.
            if after_sentence
                && trimmed.starts_with('(')
                && let Some(end) = (i..lines.len().min(i + MAX_INTERJECTION_LINES))
                    .take_while(|&j| keep[j] && !lines[j].trim().is_empty())
                    .find(|&j| lines[j].trim_end().ends_with(')'))
                && transcript::is_interjection(&join_lines(&lines[i..=end]))
            {
                if !current.is_empty() {
                    blocks.push(text_block(std::mem::take(&mut current), gap));
                }
                blocks.push(Raw {
                    lines: lines[i..=end].iter().map(|l| l.trim()).collect(),
                    kind: Kind::Interjection,
                    gap,
                });
                i = end + 1;
                continue;
            }
        }
        current.push(line);
        i += 1;
    }
    if !current.is_empty() {
        blocks.push(text_block(current, gap));
    }
    blocks
}

/// A block of text lines; a lone short line set far in is centred.
fn text_block(lines: Vec<&str>, gap: usize) -> Raw<'_> {
    let kind = text_kind(&lines);
    Raw { lines, kind, gap }
}

/// Text, or a centred line: a lone short line set far in.
fn text_kind(lines: &[&str]) -> Kind {
    let centred = lines.len() == 1 && {
        let line = lines[0];
        let indent = line.len() - line.trim_start().len();
        indent >= CENTRED_INDENT && line.trim().chars().count() <= 60
    };
    if centred { Kind::Centred } else { Kind::Text }
}

/// The lines of a block as one line.
fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        join_line(&mut out, line);
    }
    out
}

/// Appends the next line of a paragraph: a space between, or the line-end
/// hyphen joined or kept as the words around it say.
pub fn join_line(out: &mut String, next: &str) {
    append_line(out, 0, next);
}

/// [`join_line`] onto the paragraph that starts at byte `start` of `out`.
fn append_line(out: &mut String, start: usize, next: &str) {
    let next = next.trim();
    let end = start + out[start..].trim_end().len();
    out.truncate(end);
    if next.is_empty() {
        return;
    }
    if out.len() == start {
        out.push_str(next);
        return;
    }
    if let Some(stem) = out.strip_suffix('-') {
        let before = stem.chars().next_back();
        let after = next.chars().next();
        let first_word = next
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        match (before, after) {
            (Some(b), Some(a)) if b.is_lowercase() && a.is_lowercase() => {
                if SUSPENDED.contains(&first_word) {
                    out.push(' ');
                } else {
                    out.pop();
                }
            }
            (Some(b), Some(a)) if b.is_uppercase() && a.is_uppercase() => {
                let head = stem
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                if CAPITAL_WORDS.contains(&format!("{head}{first_word}").as_str()) {
                    out.pop();
                }
            }
            (Some(b), _) if b.is_alphanumeric() => {}
            _ => out.push(' '),
        }
        out.push_str(next);
        return;
    }
    if !out.ends_with('/') {
        out.push(' ');
    }
    out.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(paragraphs: &str) -> String {
        // Enough wrapped lines to count as a book.
        let filler = "Die Sonne schien auf die mittagsstille Dorfstraße,\nwährend nach der Gartenseite hin ein Schatten\nauf den Fliesengang fiel.\n\n";
        format!("{}{paragraphs}", filler.repeat(12))
    }

    #[test]
    fn line_end_hyphens() {
        let joined = |a: &str, b: &str| {
            let mut out = a.to_owned();
            join_line(&mut out, b);
            out
        };
        assert_eq!(joined("Ein-", "schnitt"), "Einschnitt");
        assert_eq!(joined("die CDU/CSU-", "Fraktion"), "die CDU/CSU-Fraktion");
        assert_eq!(joined("die Euro-", "Staaten"), "die Euro-Staaten");
        assert_eq!(
            joined("der Heil-", "und Zimmergymnastik"),
            "der Heil- und Zimmergymnastik"
        );
        assert_eq!(joined("DIE GRÜ-", "NEN):"), "DIE GRÜNEN):");
        assert_eq!(joined("BÜNDNIS 90/", "DIE GRÜNEN"), "BÜNDNIS 90/DIE GRÜNEN");
        assert_eq!(joined("am Ende –", "einem"), "am Ende – einem");
    }

    #[test]
    fn prose_is_left_as_it_is() {
        let text = "Titel\n\nEin Absatz auf einer Zeile.\n\nNoch einer.\n".to_owned();
        assert_eq!(normalise(text.clone()), (text, Layout::Prose));
    }

    #[test]
    fn a_book_is_reflowed_and_page_breaks_in_sentences_joined() {
        let text = book(
            "Beide waren fleißig bei der Arbeit, die der Her-\nstellung eines Teppichs galt; Wollsträhnen lagen\n\n\nbunt durcheinander auf dem Tisch.\n\n\nEine Woche später saßen Mutter und Tochter\nwieder im Garten.\n",
        );
        let (out, layout) = normalise(text);
        assert_eq!(layout, Layout::Book);
        assert!(out.contains(
            "Beide waren fleißig bei der Arbeit, die der Herstellung eines Teppichs galt; Wollsträhnen lagen bunt durcheinander auf dem Tisch.\n\n\nEine Woche später saßen Mutter und Tochter wieder im Garten.\n"
        ), "{out}");
    }
}
