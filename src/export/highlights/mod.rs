//! Highlights as readers carry them between apps, out and back in:
//! Zotero's annotation notes exported as Markdown ([`zotero`]) and
//! KOReader's highlight export as JSON ([`koreader`]).
//!
//! Neither format has positions Randnotiz could use (Zotero counts PDF
//! pages and rectangles, KOReader screen pages and XPointers into an EPUB),
//! so both are read by their quotes: each highlight is found in the text by
//! its quoted words ([`place`]), exactly, then with white space folded,
//! then approximately (the [`crate::anchor`] re-anchoring, from the hinted
//! place); a page, a paragraph or a chapter the file names narrows the
//! search where the quote stands more than once. What cannot be found is
//! listed, never dropped; a quote found several times, or only
//! approximately, is placed and listed for checking.
//!
//! Which shapes, and why:
//!
//! - **Zotero**: the Markdown Zotero writes for a note made with *Add Note
//!   from Annotations* (its *Note Markdown* export, also what it puts on the
//!   clipboard): a paragraph per highlight as the default note template
//!   makes it, `“quote” (citation) comment`, and the tags as Zotero's
//!   documented template extension writes them, `#tag #tag` at the
//!   paragraph's end. Zotero's Markdown carries no colour (that lives only
//!   in the note's HTML); Randnotiz writes it as HTML that Markdown allows
//!   and Obsidian or Typora render, `<mark style="background-color:
//!   #ffd400">`, in Zotero's own eight highlight colours, with the
//!   annotation's date as `data-date`. In: that shape, Zotero's plain one
//!   (no colour: yellow, Zotero's default; no date: the import's), the
//!   blockquote template (`> quote` then `(citation) comment`), the
//!   citation's locator (`p. 3`, `para. 3`) and the `zotero://open-pdf`
//!   link's page as hints, and a colour from `<mark>`, a `background-color`
//!   style or Zotero's `data-annotation`.
//! - **KOReader**: the JSON of its exporter plugin (`exporter.koplugin`,
//!   target `json`, version `json/1.0.0`): `{title, author, file,
//!   number_of_pages, created_on, version, entries: [{sort, page, time,
//!   text, note, chapter, drawer, color}]}`, or several books under
//!   `documents`. Chosen over its Markdown target, which drops the colour
//!   and formats the text by user settings. Colours are KOReader's names
//!   (`red`, `orange`, `yellow`, `green`, `olive`, `cyan`, `blue`,
//!   `purple`, `gray`); Randnotiz's pink, which KOReader lacks, goes out
//!   as `pink`, a CSS name like all of KOReader's. `drawer` is always
//!   `lighten` (a highlight). KOReader has no tags: the actors and the
//!   statement go into `note`, on a last line of `#tag`s.
//!
//! Randnotiz's texts have no pages. Both exports count paragraphs instead,
//! as citations of unpaginated sources do: Zotero's locator `para. N`,
//! KOReader's `page` (with `number_of_pages` the number of paragraphs and
//! `version` `randnotiz/…`, so that an import knows). Actors are `#Name`
//! tags (spaces as `_`), a statement one tag `#Speaker/agrees/Concept`;
//! in, a tag names an actor (by name, alias or id; a new actor otherwise)
//! or, in that three-part form or as a concept's name, a statement.

pub mod koreader;
mod place;
pub mod zotero;

use std::path::Path;

pub use place::place;

use super::Input;
use super::w3c::{ImportError, Imported};
use crate::annotation::{Annotation, Colour, DocumentRef, Session, Stance, Timestamp};
use crate::document::{CharRange, Document};
use crate::i18n::tr_hl;

/// One of the two highlight formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A Zotero note, as Markdown.
    Zotero,
    /// KOReader's highlight export, as JSON.
    Koreader,
}

impl Kind {
    /// Both, in menu order.
    pub const ALL: [Self; 2] = [Self::Zotero, Self::Koreader];

    /// The label of the import menu's item.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Zotero => tr_hl().import_zotero,
            Self::Koreader => tr_hl().import_koreader,
        }
    }

    /// What the import does, in a sentence, for hover texts.
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Zotero => tr_hl().tip_import_zotero,
            Self::Koreader => tr_hl().tip_import_koreader,
        }
    }

    /// The file extensions a file dialog offers.
    #[must_use]
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Zotero => &["md", "markdown", "txt"],
            Self::Koreader => &["json"],
        }
    }

    /// The highlight format of a file to import, by its content and then its
    /// name; `None` for anything else (a W3C Web Annotation file, say).
    /// JSON is KOReader's when it has `entries` (or `documents` with
    /// `entries`); text that is not JSON is a Zotero note when it is named
    /// `.md`, `.markdown` or `.txt`, or holds a paragraph opening with a
    /// quote.
    #[must_use]
    pub fn detect(path: &Path, text: &str) -> Option<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let head = text.trim_start();
        if head.starts_with('{') || head.starts_with('[') {
            return koreader::looks_like(text).then_some(Self::Koreader);
        }
        let named_md = path.extension().is_some_and(|e| {
            ["md", "markdown", "txt"]
                .iter()
                .any(|m| e.eq_ignore_ascii_case(m))
        });
        (named_md || zotero::looks_like(text)).then_some(Self::Zotero)
    }
}

/// Why a file could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum HighlightError {
    /// The file could not be read, is not UTF-8 or not JSON.
    #[error(transparent)]
    File(#[from] ImportError),
    /// Readable, but no highlight in it.
    #[error("{}", tr_hl().err_no_highlights)]
    NoHighlights,
    /// JSON, but not KOReader's.
    #[error("{}", tr_hl().err_not_koreader)]
    NotKoreader,
}

impl HighlightError {
    /// The message with the file named last (a read error names it itself).
    #[must_use]
    pub fn with_path(&self, path: &Path) -> String {
        match self {
            Self::File(e) => e.with_path(path),
            _ => format!("{self} ({})", path.display()),
        }
    }
}

/// A highlight as a file tells it, before it is placed in the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlight {
    /// The highlighted words.
    pub quote: String,
    /// The reader's comment, without the tags.
    pub note: String,
    /// The colour, if the file gives one Randnotiz knows.
    pub colour: Option<Colour>,
    /// A colour the file gives that Randnotiz does not know, as written.
    pub unknown_colour: Option<String>,
    /// The tags, without `#`.
    pub tags: Vec<String>,
    /// The paragraph (from 1) the file names.
    pub paragraph: Option<usize>,
    /// The page the file names, and of how many, if it says.
    pub page: Option<(usize, Option<usize>)>,
    /// The chapter or section the file names.
    pub chapter: Option<String>,
    /// When it was made, if the file says.
    pub created: Option<Timestamp>,
    /// True when the other app drew it underlined, struck out or inverted.
    pub styled: bool,
    /// The title of the text it belongs to, when the file holds several.
    pub source_title: Option<String>,
}

/// What a file holds: its highlights, and lines saying what in it could not
/// be read as one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    /// The highlights, in file order.
    pub highlights: Vec<Highlight>,
    /// What was left out, one sentence each.
    pub skipped: Vec<String>,
}

/// Reads the highlights of a file of `kind`.
///
/// # Errors
/// A [`HighlightError`] when the text is not of that kind or holds none.
pub fn read(kind: Kind, text: &str) -> Result<Read, HighlightError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = match kind {
        Kind::Zotero => zotero::read(text),
        Kind::Koreader => koreader::read(text)?,
    };
    if read.highlights.is_empty() {
        return Err(HighlightError::NoHighlights);
    }
    Ok(read)
}

/// Reads a file of `kind` for `session` on `doc`: its highlights placed in
/// the text, the actors and concepts their tags name that are new.
///
/// # Errors
/// A [`HighlightError`] when the text is not of that kind or holds none.
pub fn import(
    kind: Kind,
    text: &str,
    session: &Session,
    doc: &Document,
) -> Result<Imported, HighlightError> {
    let read = read(kind, text)?;
    let mut imported = place(read.highlights, session, doc);
    let mut skipped = read.skipped;
    skipped.append(&mut imported.skipped);
    imported.skipped = skipped;
    Ok(imported)
}

/// A new session on `doc` holding what a file of `kind` imports, and what
/// was left out.
///
/// # Errors
/// A [`HighlightError`] when the text is not of that kind or holds none.
pub fn import_session(
    kind: Kind,
    text: &str,
    doc: &Document,
    path: Option<String>,
) -> Result<(Session, Vec<String>), HighlightError> {
    let empty = Session::new(DocumentRef::to(doc, path), Vec::new());
    let imported = import(kind, text, &empty, doc)?;
    let mut session = empty;
    session.actors = imported.new_actors;
    session.concepts = imported.new_concepts;
    session.annotations = imported.annotations;
    Ok((session, imported.skipped))
}

/// The paragraphs of a text, for numbering them.
struct Paragraphs(Vec<CharRange>);

impl Paragraphs {
    fn of(doc: &Document) -> Self {
        Self(doc.paragraphs().map(|p| p.range).collect())
    }

    /// The number (from 1) of the paragraph holding char `pos`.
    fn number_at(&self, pos: usize) -> Option<usize> {
        let after = self.0.partition_point(|r| r.start <= pos);
        let i = after.checked_sub(1)?;
        (pos < self.0[i].end).then_some(i + 1)
    }

    /// Paragraph `n` (from 1).
    fn get(&self, n: usize) -> Option<CharRange> {
        n.checked_sub(1).and_then(|i| self.0.get(i)).copied()
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Where an exported annotation stands: its paragraph's number and its
/// section's label; neither for an orphan.
fn place_of(input: &Input<'_>, paragraphs: &Paragraphs, a: &Annotation) -> (Option<usize>, String) {
    if input.is_orphaned(a) {
        return (None, String::new());
    }
    let start = a.range().start;
    let chapter = input
        .document
        .section_at(start)
        .and_then(|i| input.document.sections().get(i))
        .map(|s| input.document.section_label(s).into_owned())
        .unwrap_or_default();
    (paragraphs.number_at(start), chapter)
}

/// The tags an annotation goes out with: its actors, then its statement as
/// `Speaker/stance/Concept`.
fn tags_of(input: &Input<'_>, a: &Annotation) -> Vec<String> {
    let session = input.session;
    let actor_tag = |id: &crate::actors::ActorId| {
        let name = session.actor(id).map_or(id.as_str(), |a| a.name.as_str());
        tag_text(name, id.as_str())
    };
    let mut tags: Vec<String> = a.actors.iter().map(actor_tag).collect();
    if let Some(s) = &a.statement {
        let concept = session
            .concept(&s.concept)
            .map_or(s.concept.as_str(), |c| c.name.as_str());
        tags.push(format!(
            "{}/{}/{}",
            actor_tag(&s.actor),
            s.stance.name(),
            tag_text(concept, s.concept.as_str())
        ));
    }
    tags
}

/// A name as one tag: white space as `_`; the id where the name holds what
/// a tag cannot (`/`, `#`, `_`, or nothing but white space).
fn tag_text(name: &str, id: &str) -> String {
    if name.trim().is_empty() || name.contains(['/', '#', '_']) {
        return id.to_owned();
    }
    name.split_whitespace().collect::<Vec<_>>().join("_")
}

/// `tags` as `#a #b`.
fn hashtags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The trailing tags of `text`: the `#word`s it ends with (white space
/// between them), and the text before them.
fn split_tags(text: &str) -> (&str, Vec<String>) {
    let mut rest = text.trim_end();
    let mut tags = Vec::new();
    loop {
        let cut = rest.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = &rest[cut..];
        match word.strip_prefix('#') {
            Some(tag) if !tag.is_empty() && !tag.starts_with('#') => {
                tags.push(tag.to_owned());
                rest = rest[..cut].trim_end();
            }
            _ => break,
        }
        if rest.is_empty() {
            break;
        }
    }
    tags.reverse();
    (rest, tags)
}

/// A stance as a tag writes it: `agrees`, `disagrees`, `neutral`, or a
/// label in either language (spaces as `_`).
fn stance_named(word: &str) -> Option<Stance> {
    let word = word.replace('_', " ");
    Stance::ALL.into_iter().find(|s| {
        s.name().eq_ignore_ascii_case(&word)
            || [crate::i18n::Lang::De, crate::i18n::Lang::En]
                .into_iter()
                .any(|lang| stance_label(*s, lang).eq_ignore_ascii_case(&word))
    })
}

fn stance_label(stance: Stance, lang: crate::i18n::Lang) -> &'static str {
    let t = crate::i18n::strings_for(lang);
    match stance {
        Stance::Agrees => t.stance_agrees,
        Stance::Disagrees => t.stance_disagrees,
        Stance::Neutral => t.stance_neutral,
    }
}

/// The colour nearest to `#rrggbb`: one of `exact`'s if it is there, one of
/// Randnotiz's own, else the nearest hue.
fn colour_of_hex(hex: &str, exact: &[(Colour, &str)]) -> Option<Colour> {
    let rgb = crate::actors::Rgb::parse(hex.get(..7.min(hex.len()))?)?;
    let written = rgb.to_hex();
    if let Some((c, _)) = exact.iter().find(|(_, h)| h.eq_ignore_ascii_case(&written)) {
        return Some(*c);
    }
    if let Some(c) = Colour::ALL.into_iter().find(|c| c.hex() == written) {
        return Some(c);
    }
    Some(Colour::nearest_to(rgb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_tags_are_split_off() {
        assert_eq!(
            split_tags("Gut gesagt. #OVKS #Tokajew"),
            ("Gut gesagt.", vec!["OVKS".to_owned(), "Tokajew".to_owned()])
        );
        assert_eq!(split_tags("#OVKS"), ("", vec!["OVKS".to_owned()]));
        assert_eq!(split_tags("Nr. #3 im Text"), ("Nr. #3 im Text", vec![]));
        assert_eq!(split_tags("Ende \\#3"), ("Ende \\#3", vec![]));
        assert_eq!(split_tags("## Titel"), ("## Titel", vec![]));
    }

    #[test]
    fn names_become_single_tags() {
        assert_eq!(
            tag_text("Kasachische Regierung und Behörden", "kr"),
            "Kasachische_Regierung_und_Behörden"
        );
        assert_eq!(tag_text("A/B", "a-b"), "a-b");
        assert_eq!(stance_named("stimmt_zu"), Some(Stance::Agrees));
        assert_eq!(stance_named("disagrees"), Some(Stance::Disagrees));
        assert_eq!(stance_named("vielleicht"), None);
    }
}
