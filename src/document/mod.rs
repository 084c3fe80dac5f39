//! An article as the app reads it: normalised text, metadata, sections, paragraphs.
//!
//! A [`Document`] is built once when a file is opened and never changes; every
//! annotation points into its text by char offsets. Parsing is a single pass
//! over the text plus one over its blocks, so a several-MB book opens in
//! milliseconds.

pub(crate) mod article;
mod blocks;
pub mod bundled;
pub mod classify;
mod decode;
mod meta;
pub mod office;
pub mod offsets;
mod parse;
pub mod pdf;
mod reflow;
pub mod search;
pub mod transcript;
pub mod web;
mod web_byline;
mod web_clean;
mod web_meta;
pub mod words;

use std::path::Path;

pub use classify::Role;
pub use decode::{DecodeError, Encoding};
pub use offsets::{ByteRange, ByteToChar, CharIndex, CharPos, CharRange};
pub use reflow::Layout;
pub use transcript::Speaker;

use crate::fsio::{ReadError, read_limited};
use crate::i18n::{fill, tr};

/// The largest article file the app opens: far beyond any book.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// How the text is marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TextFormat {
    /// Plain text: paragraphs separated by blank lines.
    #[default]
    Plain,
    /// Markdown: as plain text, plus `#` headings and front matter.
    Markdown,
    /// A saved web page: its main article, extracted (see [`web`]) and then
    /// read as Markdown.
    Html,
    /// A Word file (`.docx`), extracted (see [`office`]).
    Docx,
    /// An OpenDocument text (`.odt`), extracted.
    Odt,
    /// An EPUB e-book, its chapters extracted.
    Epub,
    /// A PDF with a text layer, its pages laid out (see [`pdf`]).
    Pdf,
}

impl TextFormat {
    /// The format a file name suggests.
    #[must_use]
    pub fn from_path(path: &Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Self::Markdown,
            Some("html" | "htm" | "xhtml") => Self::Html,
            Some("docx") => Self::Docx,
            Some("odt") => Self::Odt,
            Some("epub") => Self::Epub,
            Some("pdf") => Self::Pdf,
            _ => Self::Plain,
        }
    }

    /// True when the text is read with Markdown's headings and front matter
    /// (Markdown itself, and what every extracted format is turned into).
    #[must_use]
    pub fn is_markdown(self) -> bool {
        self != Self::Plain
    }

    /// True for a format whose text is extracted from markup or a package,
    /// not read as it stands.
    #[must_use]
    pub fn is_extracted(self) -> bool {
        !matches!(self, Self::Plain | Self::Markdown)
    }

    /// The format's short name, as `outline --json` gives it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Epub => "epub",
            Self::Pdf => "pdf",
        }
    }

    /// The format of a short name as [`TextFormat::name`] gives it.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Plain,
            Self::Markdown,
            Self::Html,
            Self::Docx,
            Self::Odt,
            Self::Epub,
            Self::Pdf,
        ]
        .into_iter()
        .find(|f| f.name() == name)
    }

    /// What makes the text of this format, with a revision that goes up
    /// whenever the text it makes of the same bytes changes.
    #[must_use]
    pub fn extractor(self) -> &'static str {
        match self {
            Self::Plain => "text 2",
            Self::Markdown => "markdown 1",
            Self::Html => "html 1 (trafilatura 0.6)",
            Self::Docx => "docx 1",
            Self::Odt => "odt 1",
            Self::Epub => "epub 1",
            Self::Pdf => "pdf 1 (lopdf 0.47)",
        }
    }

    /// The file extensions the file dialog offers for the extracted formats.
    pub const DOCUMENT_EXTENSIONS: [&'static str; 4] = ["pdf", "epub", "docx", "odt"];
}

/// What the first lines of an article say about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The line above the headline (Dachzeile, kicker), e.g. `Kasachstan`.
    pub kicker: Option<String>,
    /// The date as given, e.g. `2022-01`.
    pub date: Option<String>,
    /// When the article was last updated, e.g. `13.01.2022 09:59 Uhr`.
    pub stand: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Where it appeared (a site's or publisher's name).
    pub outlet: Option<String>,
    /// Its address on the web.
    pub url: Option<String>,
    /// Its language, as the source says.
    pub language: Option<String>,
    /// The chars holding the metadata and title, shown above the text rather
    /// than in a section.
    pub header: Vec<CharRange>,
}

/// A section heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// The heading's text, without Markdown marks.
    pub text: String,
    /// Where that text stands in the document.
    pub range: CharRange,
    /// 1 for a top-level heading, up to 6.
    pub level: u8,
}

/// A paragraph: one block of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its chars in the document.
    pub range: CharRange,
    /// The same span in bytes.
    pub bytes: ByteRange,
    /// What kind of prose it is.
    pub role: Role,
    /// True when the lines were wrapped by hand (as in a book scan), so the
    /// reader may reflow them; false when line breaks carry meaning.
    pub hard_wrapped: bool,
}

/// A section: an optional heading and the paragraphs under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading that opens the section; the first section may have none.
    pub heading: Option<Heading>,
    /// True when the section holds the article's lead paragraph.
    pub lead: bool,
    /// Who speaks, when the section is a turn of a transcript.
    pub speaker: Option<Speaker>,
    /// From the heading (or first paragraph) to the end of the last paragraph.
    pub range: CharRange,
    /// The section's paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
}

impl Section {
    /// The section's name for an outline: its heading, or a stand-in.
    #[must_use]
    pub fn label(&self) -> &str {
        match &self.heading {
            Some(h) => &h.text,
            None if self.lead => tr().section_lead,
            None => tr().section_untitled,
        }
    }
}

/// Why a file could not be opened as an article.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The bytes are not a text.
    #[error("{}", fill(tr().err_not_text, &[("why", &why), ("path", &path.display())]))]
    NotText {
        /// What is wrong with the bytes.
        why: DecodeError,
        /// The file.
        path: std::path::PathBuf,
    },
}

/// A parsed article.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    index: CharIndex,
    meta: Meta,
    sections: Vec<Section>,
    hash: String,
    format: TextFormat,
    layout: Layout,
    encoding: Encoding,
    source: Source,
}

/// Where a document's text came from: the source's bytes (a page, a PDF,
/// a text file) and what made the text of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// `blake3:` and the hex digest of the source's bytes.
    pub hash: String,
    /// The extractor and its revision, e.g. `docx 1`.
    pub extractor: &'static str,
    /// For a plain or Markdown text: the digest of the decoded text before
    /// any reshaping, which sessions saved before the reshaping recorded.
    pub decoded_hash: Option<String>,
}

impl Document {
    /// Parses already-decoded text. Normalises line ends; never fails.
    /// (A packed format cannot be text; it is read as plain text here.)
    #[must_use]
    pub fn parse(text: &str, format: TextFormat) -> Self {
        let (text, format) = match format {
            TextFormat::Html => (web::to_markdown(text), format),
            TextFormat::Plain | TextFormat::Markdown => (text.to_owned(), format),
            TextFormat::Docx | TextFormat::Odt | TextFormat::Epub | TextFormat::Pdf => {
                (text.to_owned(), TextFormat::Plain)
            }
        };
        let source = content_hash(&text);
        Self::from_normalised(decode::normalise(text), format, Encoding::Utf8, source)
    }

    /// Decodes and parses the bytes of a file. What the bytes are decides
    /// over what the file's name says: a page saved as `.txt` is a page, a
    /// Word file named `.zip` a Word file.
    ///
    /// # Errors
    /// A [`DecodeError`] when the bytes are empty or binary, or a packed
    /// document is damaged, holds no text or unpacks too large.
    pub fn from_bytes(bytes: &[u8], format: TextFormat) -> Result<Self, DecodeError> {
        Self::from_bytes_with_password(bytes, format, None)
    }

    /// [`Document::from_bytes`], with the password a protected PDF needs.
    ///
    /// # Errors
    /// As [`Document::from_bytes`]; for a PDF also a missing or wrong
    /// password, no text layer, too many pages.
    pub fn from_bytes_with_password(
        bytes: &[u8],
        format: TextFormat,
        password: Option<&str>,
    ) -> Result<Self, DecodeError> {
        let format = if pdf::looks_like_pdf(bytes)
            || format == TextFormat::Pdf && pdf::has_pdf_header(bytes)
        {
            TextFormat::Pdf
        } else {
            match office::sniff(bytes) {
                Some(packed) => packed,
                None if format == TextFormat::Plain && web::looks_like_html(bytes) => {
                    TextFormat::Html
                }
                None if format == TextFormat::Pdf => {
                    return Err(DecodeError::Damaged {
                        format: "PDF",
                        detail: "no %PDF header".into(),
                    });
                }
                None => format,
            }
        };
        let article = match format {
            TextFormat::Docx => Some(office::read_docx(bytes)?),
            TextFormat::Odt => Some(office::read_odt(bytes)?),
            TextFormat::Epub => Some(office::read_epub(bytes)?),
            TextFormat::Pdf => Some(pdf::read(bytes, password)?),
            _ => None,
        };
        let source = bytes_hash(bytes);
        if let Some(article) = article {
            let text = decode::normalise(article.into_markdown());
            return Ok(Self::from_normalised(text, format, Encoding::Utf8, source));
        }
        let (text, encoding) = decode::decode(bytes)?;
        if format == TextFormat::Html {
            let article = decode::normalise(web::to_markdown(&text));
            return Ok(Self::from_normalised(article, format, encoding, source));
        }
        Ok(Self::from_normalised(text, format, encoding, source))
    }

    /// A document of an extracted format (a page, a PDF, an e-book, a Word
    /// file) from the text it was made into before, as a project's cache
    /// keeps it: the same document the source gives, without extracting it
    /// again. `None` for a format that is not extracted (read its source).
    #[must_use]
    pub fn from_extracted(text: String, format: TextFormat, source_hash: String) -> Option<Self> {
        format
            .is_extracted()
            .then(|| Self::from_normalised(text, format, Encoding::Utf8, source_hash))
    }

    /// Reads and parses an article file.
    ///
    /// # Errors
    /// A [`DocumentError`] saying why the file cannot be opened, path last.
    pub fn open(path: &Path) -> Result<Self, DocumentError> {
        Self::open_with_password(path, None)
    }

    /// [`Document::open`], with the password a protected PDF needs.
    ///
    /// # Errors
    /// As [`Document::open`].
    pub fn open_with_password(path: &Path, password: Option<&str>) -> Result<Self, DocumentError> {
        let bytes = read_limited(path, MAX_DOCUMENT_BYTES)?;
        Self::from_bytes_with_password(&bytes, TextFormat::from_path(path), password).map_err(
            |why| DocumentError::NotText {
                why,
                path: path.to_path_buf(),
            },
        )
    }

    fn from_normalised(
        text: String,
        format: TextFormat,
        encoding: Encoding,
        source_hash: String,
    ) -> Self {
        // What the text was before any reshaping: sessions made before the
        // reshaping recognise their text by it.
        let decoded_hash = (!format.is_extracted()).then(|| content_hash(&text));
        // Only plain text is reflowed: Markdown's soft breaks are reflowed by
        // the reader already, and every extracted format comes as Markdown.
        let (text, layout) = if format == TextFormat::Plain {
            reflow::normalise(text)
        } else {
            (text, Layout::Prose)
        };
        let index = CharIndex::new(&text);
        let hash = content_hash(&text);
        let source = Source {
            hash: source_hash,
            extractor: format.extractor(),
            decoded_hash,
        };
        let (meta, sections) = parse::parse(&text, format, layout);
        Self {
            text,
            index,
            meta,
            sections,
            hash,
            format,
            layout,
            encoding,
            source,
        }
    }

    /// How the text is laid out: an article, a reflowed book, a transcript.
    #[must_use]
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The speakers of a transcript, each once, in the order they first
    /// speak, with the party or office the transcript names first for them.
    #[must_use]
    pub fn speakers(&self) -> Vec<Speaker> {
        let mut out: Vec<Speaker> = Vec::new();
        for speaker in self.sections.iter().filter_map(|s| s.speaker.as_ref()) {
            match out.iter_mut().find(|s| s.name == speaker.name) {
                Some(known) => {
                    known.party = known.party.take().or_else(|| speaker.party.clone());
                    known.role = known.role.take().or_else(|| speaker.role.clone());
                }
                None => out.push(speaker.clone()),
            }
        }
        out
    }

    /// The normalised text every offset points into.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of chars in the text.
    #[must_use]
    pub fn len_chars(&self) -> usize {
        self.index.len_chars()
    }

    /// Title, date, Stand.
    #[must_use]
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The sections in reading order.
    #[must_use]
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// `blake3:` and the hex digest of the normalised text.
    #[must_use]
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// How the text is marked up.
    #[must_use]
    pub fn format(&self) -> TextFormat {
        self.format
    }

    /// Where the text came from.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The encoding the file was read in.
    #[must_use]
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The title, or a stand-in when the text has none.
    #[must_use]
    pub fn title_or_default(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(tr().untitled_document)
    }

    /// The char/byte converter for this text.
    #[must_use]
    pub fn char_index(&self) -> &CharIndex {
        &self.index
    }

    /// The text of a char range (clamped to the text).
    #[must_use]
    pub fn slice(&self, range: CharRange) -> &str {
        &self.text[self.byte_range(range).as_std()]
    }

    /// The bytes of a char range (clamped to the text).
    #[must_use]
    pub fn byte_range(&self, range: CharRange) -> ByteRange {
        self.index.byte_range(&self.text, range)
    }

    /// The char offset of a byte offset.
    #[must_use]
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.index.byte_to_char(&self.text, byte)
    }

    /// Index of the section holding char `pos` (the nearest one before it when
    /// `pos` falls between sections).
    #[must_use]
    pub fn section_at(&self, pos: usize) -> Option<usize> {
        if self.sections.is_empty() {
            return None;
        }
        let after = self.sections.partition_point(|s| s.range.start <= pos);
        Some(after.saturating_sub(1))
    }

    /// A section's name for an outline: its heading; for the lead's section
    /// "Anfang"; else its first words ("„Effi, komm“ …"), so that a book
    /// cut at its page breaks lists more than rows of "Ohne Überschrift".
    #[must_use]
    pub fn section_label<'d>(&'d self, section: &'d Section) -> std::borrow::Cow<'d, str> {
        if section.heading.is_some() || section.lead {
            return std::borrow::Cow::Borrowed(section.label());
        }
        let Some(first) = section.paragraphs.first() else {
            return std::borrow::Cow::Borrowed(section.label());
        };
        let mut words = String::new();
        for word in self.slice(first.range).split_whitespace().take(6) {
            if words.chars().count() + word.chars().count() > 40 {
                break;
            }
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(word);
        }
        if words.is_empty() {
            return std::borrow::Cow::Borrowed(section.label());
        }
        std::borrow::Cow::Owned(format!("{words} …"))
    }

    /// All paragraphs, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections.iter().flat_map(|s| s.paragraphs.iter())
    }
}

/// The digest sessions record to recognise a source file's bytes.
#[must_use]
pub fn bytes_hash(bytes: &[u8]) -> String {
    format!("blake3:{}", blake3::hash(bytes).to_hex())
}

/// The content hash sessions record to recognise their text.
#[must_use]
pub fn content_hash(text: &str) -> String {
    format!("blake3:{}", blake3::hash(text.as_bytes()).to_hex())
}
