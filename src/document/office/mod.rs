//! Packed documents: EPUB e-books, Word (`.docx`) and OpenDocument (`.odt`)
//! files, each a zip of XML parts.
//!
//! Every reader makes an [`Article`] (blocks of known kind and metadata),
//! which the Markdown parser turns into sections as for every other format.
//! The archive is read with limits: a part that unpacks beyond
//! [`MAX_PART_BYTES`], or parts beyond [`MAX_UNPACKED_BYTES`] together, stop
//! the reading with a clear message (a zip bomb is refused, not unpacked),
//! and so does an archive of more than [`MAX_ENTRIES`] files.

mod docx;
mod epub;
mod odt;

use std::io::{Cursor, Read as _};

use super::article::Article;
use super::decode::DecodeError;

pub(crate) use docx::read as read_docx;
pub(crate) use epub::read as read_epub;
pub(crate) use odt::read as read_odt;

/// The largest XML part read from an archive, unpacked.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// All parts read from one archive together, unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The most files an archive may hold.
pub const MAX_ENTRIES: usize = 50_000;

/// Which packed format, by the files inside (whatever the file is called).
#[must_use]
pub fn sniff(bytes: &[u8]) -> Option<super::TextFormat> {
    use super::TextFormat;
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let has = |name: &str| zip.index_for_name(name).is_some();
    if has("word/document.xml") {
        return Some(TextFormat::Docx);
    }
    // Both EPUB and OpenDocument begin with an unpacked `mimetype` file.
    let mimetype = bytes.get(30..30 + 64).unwrap_or_default();
    if memchr::memmem::find(mimetype, b"application/epub+zip").is_some()
        || has("META-INF/container.xml") && !has("content.xml")
    {
        return Some(TextFormat::Epub);
    }
    if memchr::memmem::find(mimetype, b"opendocument.text").is_some() || has("content.xml") {
        return Some(TextFormat::Odt);
    }
    None
}

/// A zip archive, read part by part within the limits.
pub(crate) struct Archive<'b> {
    zip: zip::ZipArchive<Cursor<&'b [u8]>>,
    format: &'static str,
    unpacked: u64,
}

impl<'b> Archive<'b> {
    /// Opens the archive.
    pub fn open(bytes: &'b [u8], format: &'static str) -> Result<Self, DecodeError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DecodeError::Damaged {
            format,
            detail: e.to_string(),
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(DecodeError::Damaged {
                format,
                detail: format!("{} > {MAX_ENTRIES} files", zip.len()),
            });
        }
        Ok(Self {
            zip,
            format,
            unpacked: 0,
        })
    }

    /// A part's text (UTF-8), or `None` when the archive has no such part.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, DecodeError> {
        let Some(bytes) = self.bytes(name)? else {
            return Ok(None);
        };
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| self.damaged(format!("{name}: not UTF-8")))
    }

    /// A part's bytes, or `None` when the archive has no such part.
    pub fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, DecodeError> {
        let format = self.format;
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let budget = MAX_PART_BYTES.min(MAX_UNPACKED_BYTES - self.unpacked);
        let too_large = DecodeError::Unpacked {
            format,
            limit_mb: MAX_UNPACKED_BYTES / (1024 * 1024),
        };
        let file = self.zip.by_index(index).map_err(|e| DecodeError::Damaged {
            format,
            detail: format!("{name}: {e}"),
        })?;
        // The size the archive claims is not trusted: the read stops one
        // byte past the budget whatever it says.
        if file.size() > budget {
            return Err(too_large);
        }
        let mut out = Vec::new();
        file.take(budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| DecodeError::Damaged {
                format,
                detail: format!("{name}: {e}"),
            })?;
        if out.len() as u64 > budget {
            return Err(too_large);
        }
        self.unpacked += out.len() as u64;
        Ok(Some(out))
    }

    /// A part parsed as XML; `None` when absent.
    pub fn xml(&mut self, name: &str) -> Result<Option<String>, DecodeError> {
        self.text(name)
            .map(|t| t.map(|t| t.trim_start_matches('\u{feff}').to_owned()))
    }

    /// The error for a part that is not what its format says.
    pub fn damaged(&self, detail: String) -> DecodeError {
        DecodeError::Damaged {
            format: self.format,
            detail,
        }
    }
}

/// Parses XML text, or says which part is broken. Entity declarations are
/// refused: no real Word, OpenDocument or EPUB part has them, and one
/// entity referred to a million times would unpack to gigabytes.
pub(crate) fn parse_xml<'x>(
    archive: &Archive<'_>,
    name: &str,
    xml: &'x str,
) -> Result<roxmltree::Document<'x>, DecodeError> {
    if declares_entities(xml) {
        return Err(archive.damaged(format!("{name}: entity declarations")));
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: 20_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(xml, options)
        .map_err(|e| archive.damaged(format!("{name}: {e}")))
}

/// True when the XML's document type declares entities.
pub(crate) fn declares_entities(xml: &str) -> bool {
    let head = &xml.as_bytes()[..xml.len().min(64 * 1024)];
    memchr::memmem::find(head, b"<!ENTITY").is_some()
}

/// The local name of an element (without its namespace).
pub(crate) fn is(node: roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// An attribute by its local name, whatever its namespace.
pub(crate) fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

/// The first child element of that local name.
pub(crate) fn child<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|n| is(*n, name))
}

/// All text under a node, as one string.
pub(crate) fn all_text(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// The date part (`YYYY-MM-DD`) of a timestamp, when it has one.
pub(crate) fn date_part(value: &str) -> String {
    let value = value.trim();
    let ok = value.len() >= 10
        && value.is_char_boundary(10)
        && value[..10].bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if ok {
        value[..10].to_owned()
    } else {
        String::new()
    }
}

/// Refuses an article without a word in it.
pub(crate) fn non_empty(article: Article, format: &'static str) -> Result<Article, DecodeError> {
    if article.blocks.is_empty() {
        Err(DecodeError::NoText { format })
    } else {
        Ok(article)
    }
}
