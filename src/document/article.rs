//! What every reader of a richer file (a web page, an e-book, a Word or
//! OpenDocument file, a PDF) makes: the article's blocks, each of a known
//! kind, and its metadata.
//!
//! The blocks are written as Markdown with front matter, which
//! [`super::Document`] parses as it parses a Markdown article: one parser
//! cuts sections and finds the lead for every format, and the text the
//! annotations point into is what `randnotiz text` prints. The text is in
//! NFC.

use unicode_normalization::UnicodeNormalization as _;

use super::web_meta::flat;

/// What kind of block of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A heading of the given level (1 for a chapter, up to 6).
    Heading(u8),
    /// Running text.
    Paragraph,
    /// An item of a list.
    Item,
    /// A quotation set apart.
    Quote,
    /// A footnote or endnote, its text starting with its mark ("¹ …").
    Note,
}

/// A block of the article, its text on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: Kind,
    pub text: String,
}

/// The article a reader extracted: metadata (empty strings where the source
/// says nothing) and blocks in reading order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Article {
    pub title: String,
    /// The line above the headline (Dachzeile).
    pub kicker: String,
    pub date: String,
    /// When the source was last changed.
    pub updated: String,
    pub author: String,
    pub outlet: String,
    pub url: String,
    pub language: String,
    pub blocks: Vec<Block>,
    /// Notes referred to in the current section, placed at its end.
    pub pending_notes: Vec<Block>,
}

impl Article {
    /// Adds a block (white space folded; an empty one is dropped). A heading
    /// first places the notes of the section it closes.
    pub fn push(&mut self, kind: Kind, text: &str) {
        let text = flat(text);
        if text.is_empty() {
            return;
        }
        // A "heading" as long as a paragraph is a paragraph set in bold.
        let kind = match kind {
            Kind::Heading(_) if text.chars().count() > 160 => Kind::Paragraph,
            other => other,
        };
        if matches!(kind, Kind::Heading(_)) {
            self.place_notes();
        }
        self.blocks.push(Block { kind, text });
    }

    /// Keeps a note referred to in the current section for its end.
    pub fn note(&mut self, mark: &str, text: &str) {
        let text = flat(text);
        if !text.is_empty() {
            self.pending_notes.push(Block {
                kind: Kind::Note,
                text: format!("{mark} {text}"),
            });
        }
    }

    /// A first heading that repeats the title shown above the text is
    /// dropped; without a title, the first heading becomes it.
    pub fn drop_title_heading(&mut self) {
        let title = flat(&self.title);
        if let Some(first) = self.blocks.first()
            && matches!(first.kind, Kind::Heading(_))
        {
            if title.is_empty() {
                self.title = first.text.clone();
                self.blocks.remove(0);
            } else if first.text == title {
                self.blocks.remove(0);
            }
        }
    }

    fn place_notes(&mut self) {
        self.blocks.append(&mut self.pending_notes);
    }

    /// The article as Markdown with front matter, in NFC.
    pub fn into_markdown(mut self) -> String {
        self.place_notes();
        let mut out = String::from("---\n");
        let mut field = |key: &str, value: &str| {
            let value = flat(value);
            if !value.is_empty() {
                out.push_str(&format!("{key}: {value}\n"));
            }
        };
        field("title", &self.title);
        field("kicker", &self.kicker);
        field("date", &self.date);
        field("updated", &self.updated);
        field("author", &self.author);
        field("outlet", &self.outlet);
        field("url", &self.url);
        field("language", &self.language);
        out.push_str("---\n\n");
        let title = flat(&self.title);
        if !title.is_empty() {
            out.push_str(&format!("# {}\n\n", escape_start(&title)));
        }
        // The top level found becomes "##": the title alone is "#".
        let top = self
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                Kind::Heading(level) => Some(level),
                _ => None,
            })
            .min()
            .unwrap_or(2);
        for block in &self.blocks {
            let text = escape_start(&block.text);
            match block.kind {
                Kind::Heading(level) => {
                    let level = usize::from((level - top + 2).min(6));
                    out.push_str(&format!("{} {text}\n\n", "#".repeat(level)));
                }
                Kind::Paragraph => out.push_str(&format!("{text}\n\n")),
                Kind::Item => out.push_str(&format!("- {text}\n\n")),
                Kind::Quote => out.push_str(&format!("> {text}\n\n")),
                // Its mark (a superscript number) is not Markdown.
                Kind::Note => out.push_str(&format!("{}\n\n", block.text)),
            }
        }
        // Almost every text is NFC already: checked in one quick pass,
        // composed only when it is not.
        match unicode_normalization::is_nfc_quick(out.chars()) {
            unicode_normalization::IsNormalized::Yes => out,
            _ => out.nfc().collect(),
        }
    }
}

/// A note's mark: the number in superscript digits, as print sets it.
#[must_use]
pub(crate) fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|d| DIGITS[usize::from(d - b'0')])
        .collect()
}

/// True when a block is a note: it starts with a superscript mark and a
/// blank ("¹ …"), or with Markdown's `[^1]:`.
#[must_use]
pub fn is_note(text: &str) -> bool {
    let marks = text
        .chars()
        .take_while(|c| matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹'))
        .count();
    if marks > 0 {
        return text.chars().nth(marks) == Some(' ');
    }
    text.strip_prefix("[^")
        .and_then(|rest| rest.split_once("]:"))
        .is_some_and(|(label, _)| !label.is_empty() && !label.contains(char::is_whitespace))
}

/// A line whose start Markdown would read as markup (`#`, `-`, `>`, `1.`),
/// kept as text: a no-break space goes before it, which the text shows as
/// a blank and the parser does not take for markup.
pub(crate) fn escape_start(text: &str) -> String {
    let marky = text.starts_with(['#', '>', '-', '*', '+'])
        || text.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if marky {
        format!("\u{a0}{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_go_to_the_end_of_their_section() {
        let mut article = Article {
            title: "Titel".into(),
            ..Article::default()
        };
        article.push(Kind::Heading(1), "Erstes");
        article.push(Kind::Paragraph, &format!("Ein Satz.{}", superscript(1)));
        article.note(&superscript(1), "Die  Fußnote.");
        article.push(Kind::Paragraph, "Noch einer.");
        article.push(Kind::Heading(2), "Zweites");
        article.push(Kind::Item, "- kein Strich");
        let md = article.into_markdown();
        assert_eq!(
            md,
            "---\ntitle: Titel\n---\n\n# Titel\n\n## Erstes\n\nEin Satz.¹\n\n\
             Noch einer.\n\n¹ Die Fußnote.\n\n### Zweites\n\n- \u{a0}- kein Strich\n\n"
        );
    }

    #[test]
    fn note_marks() {
        assert_eq!(superscript(12), "¹²");
        assert!(is_note("¹² Text"));
        assert!(is_note("[^a]: Text"));
        assert!(!is_note("¹²Text"));
        assert!(!is_note("Text¹ mit Mark"));
        assert!(!is_note("[^]: leer"));
    }
}
