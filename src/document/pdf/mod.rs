//! PDF import: text blocks in reading order from a PDF's text layer.
//!
//! Parsing and decryption (RC4, AES-128, AES-256 R5/R6) are lopdf's; the
//! content streams are interpreted here (`interp`) into positioned glyphs,
//! which `lines` groups into line segments without page furniture and
//! `layout` orders into columns, paragraphs, headings, list items and notes.

mod interp;
mod layout;
mod lines;
mod metrics;

use lopdf::Document;

/// Hard limits for untrusted input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Documents with more pages are refused before any text is read.
    pub max_pages: usize,
    /// Text beyond this many characters is not extracted (`truncated` is set).
    pub max_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pages: 2000,
            max_chars: 20_000_000,
        }
    }
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, level 1 (largest) to 3.
    Heading(u8),
    /// Running text.
    Paragraph,
    /// A list item (bullet or number).
    Item,
    /// A footnote, placed after the paragraph it interrupted.
    Note,
}

/// One block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The kind of block.
    pub kind: BlockKind,
    /// Its text on one line, whitespace folded, NFC.
    pub text: String,
}

/// The text and metadata of a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfArticle {
    /// Title from the document information or XMP, else the first heading.
    pub title: Option<String>,
    /// Author from the document information or XMP.
    pub author: Option<String>,
    /// Creation date as YYYY-MM-DD from the document information or XMP.
    pub date: Option<String>,
    /// The catalog's `/Lang` (or XMP `dc:language`).
    pub language: Option<String>,
    /// Number of pages.
    pub pages: usize,
    /// Text blocks in reading order.
    pub blocks: Vec<Block>,
    /// True when a limit (characters or the work budget) cut the text short.
    pub truncated: bool,
}

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Pages but no text: a scan without OCR (run OCR first, e.g. ocrmypdf).
    #[error("the PDF has no text layer ({pages} pages); run OCR first, e.g. ocrmypdf")]
    NoTextLayer {
        /// Number of pages.
        pages: usize,
    },
    /// Encrypted with a user password and none was given.
    #[error("the PDF is password-protected")]
    NeedsPassword,
    /// The given password does not open the PDF.
    #[error("wrong password for this PDF")]
    WrongPassword,
    /// Not a readable PDF.
    #[error("damaged PDF file: {0}")]
    Broken(String),
    /// More pages than `Limits::max_pages`.
    #[error("the PDF has {pages} pages, more than the limit of {limit}")]
    TooManyPages {
        /// Pages in the document.
        pages: usize,
        /// The limit.
        limit: usize,
    },
}

/// Work budget: content-stream operations interpreted per document.
const OPS_BUDGET: u64 = 40_000_000;

/// Extracts the text blocks of a PDF. Never panics; bounded work.
pub fn extract(
    bytes: &[u8],
    password: Option<&str>,
    limits: &Limits,
) -> Result<PdfArticle, PdfError> {
    std::panic::catch_unwind(|| extract_inner(bytes, password, limits))
        .unwrap_or_else(|_| Err(PdfError::Broken("internal error while parsing".into())))
}

fn load(bytes: &[u8], password: Option<&str>) -> Result<Document, PdfError> {
    let broken = |e: lopdf::Error| PdfError::Broken(e.to_string());
    let opts = lopdf::LoadOptions {
        password: password.map(str::to_string),
        max_decompressed_size: Some(256 * 1024 * 1024),
        ..Default::default()
    };
    match Document::load_mem_with_options(bytes, opts) {
        Ok(doc) if doc.is_encrypted() => Err(if password.is_some() {
            PdfError::WrongPassword
        } else {
            PdfError::NeedsPassword
        }),
        Ok(doc) => Ok(doc),
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) if password.is_some() => {
            Err(PdfError::WrongPassword)
        }
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            Err(PdfError::NeedsPassword)
        }
        Err(e) => Err(broken(e)),
    }
}

fn page_count(doc: &Document) -> usize {
    let declared = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| doc.dereference(p).ok())
        .and_then(|(_, p)| p.as_dict().ok())
        .and_then(|p| p.get(b"Count").ok())
        .and_then(|c| c.as_i64().ok())
        .unwrap_or(0);
    usize::try_from(declared).unwrap_or(0)
}

fn extract_inner(
    bytes: &[u8],
    password: Option<&str>,
    limits: &Limits,
) -> Result<PdfArticle, PdfError> {
    let doc = load(bytes, password)?;
    let declared = page_count(&doc);
    if declared > limits.max_pages {
        return Err(PdfError::TooManyPages {
            pages: declared,
            limit: limits.max_pages,
        });
    }
    let pages = doc.get_pages().len();
    if pages > limits.max_pages {
        return Err(PdfError::TooManyPages {
            pages,
            limit: limits.max_pages,
        });
    }
    if pages == 0 {
        return Err(PdfError::Broken("no pages".into()));
    }
    let mut budget = interp::Budget {
        ops: OPS_BUDGET,
        chars: limits.max_chars,
        exhausted: false,
    };
    let glyphs = interp::pages(&doc, &mut budget);
    if glyphs
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty()))
    {
        return Err(PdfError::NoTextLayer { pages });
    }
    let blocks = layout::blocks(&glyphs);
    let meta = Meta::read(&doc);
    let title = meta.title.or_else(|| {
        blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Heading(_)))
            .map(|b| b.text.clone())
    });
    Ok(PdfArticle {
        title,
        author: meta.author,
        date: meta.date,
        language: meta.language,
        pages,
        blocks,
        truncated: budget.exhausted,
    })
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    language: Option<String>,
}

fn non_empty(s: &str) -> Option<String> {
    let s = layout::clean(s);
    (!s.is_empty()).then_some(s)
}

/// "D:20160628…" or "2016-06-28T…" to "2016-06-28".
fn iso_date(s: &str) -> Option<String> {
    let digits: String = s
        .trim_start_matches("D:")
        .chars()
        .filter(char::is_ascii_digit)
        .take(8)
        .collect();
    if digits.len() < 8 {
        return None;
    }
    let (y, m, d) = (&digits[..4], &digits[4..6], &digits[6..8]);
    let ok =
        (1..=12).contains(&m.parse::<u32>().ok()?) && (1..=31).contains(&d.parse::<u32>().ok()?);
    ok.then(|| format!("{y}-{m}-{d}"))
}

/// The text of the first `<tag …>…</tag>` in XMP, inner `rdf:li` unwrapped.
fn xmp_value(xmp: &str, tag: &str) -> Option<String> {
    let start = xmp.find(&format!("<{tag}"))?;
    let rest = &xmp[start..];
    let open_end = rest.find('>')?;
    if rest[..open_end].ends_with('/') {
        return None;
    }
    let close = rest.find(&format!("</{tag}>"))?;
    let mut inner = &rest[open_end + 1..close.max(open_end + 1)];
    if let Some(li) = inner.find("<rdf:li") {
        let li_rest = &inner[li..];
        let a = li_rest.find('>')? + 1;
        let b = li_rest.find("</rdf:li>")?;
        inner = &li_rest[a..b.max(a)];
    }
    let text = inner
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"");
    non_empty(&text)
}

impl Meta {
    fn read(doc: &Document) -> Meta {
        let mut m = Meta::default();
        let info = doc
            .trailer
            .get(b"Info")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let text = |k: &[u8]| {
            info.and_then(|d| d.get(k).ok())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| lopdf::decode_text_string(o).ok())
                .and_then(|s| non_empty(&s))
        };
        m.title = text(b"Title");
        m.author = text(b"Author");
        m.date = text(b"CreationDate").and_then(|d| iso_date(&d));
        let catalog = doc.catalog().ok();
        m.language = catalog
            .and_then(|c| c.get(b"Lang").ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| lopdf::decode_text_string(o).ok())
            .and_then(|s| non_empty(&s));
        let xmp = catalog
            .and_then(|c| c.get(b"Metadata").ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok())
            .and_then(|s| {
                s.decompressed_content_with_limit(4 << 20)
                    .ok()
                    .or_else(|| Some(s.content.clone()))
            })
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        if let Some(x) = xmp {
            m.title = m.title.or_else(|| xmp_value(&x, "dc:title"));
            m.author = m.author.or_else(|| xmp_value(&x, "dc:creator"));
            m.date = m
                .date
                .or_else(|| xmp_value(&x, "xmp:CreateDate").and_then(|d| iso_date(&d)));
            m.language = m.language.or_else(|| xmp_value(&x, "dc:language"));
        }
        m
    }
}

/// Whether bytes are a PDF: they begin with its header (after a few
/// blanks at most). A text that mentions "%PDF-" is a text.
#[must_use]
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .take(16)
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    bytes[start..].starts_with(b"%PDF-")
}

/// Whether a file that says it is a PDF has the header where readers look
/// for it: within the first KiB (some writers put junk before it).
#[must_use]
pub fn has_pdf_header(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// A PDF as the article every reader makes (see [`super::article`]).
pub(crate) fn read(
    bytes: &[u8],
    password: Option<&str>,
) -> Result<super::article::Article, super::DecodeError> {
    use super::DecodeError;
    use super::article::{Article, Kind, superscript};
    let pdf = extract(bytes, password, &Limits::default()).map_err(|e| match e {
        PdfError::NoTextLayer { pages } => DecodeError::NoTextLayer { pages },
        PdfError::NeedsPassword => DecodeError::NeedsPassword,
        PdfError::WrongPassword => DecodeError::WrongPassword,
        PdfError::TooManyPages { pages, limit } => DecodeError::TooManyPages { pages, limit },
        PdfError::Broken(detail) => DecodeError::Damaged {
            format: "PDF",
            detail,
        },
    })?;
    let mut article = Article {
        title: pdf.title.unwrap_or_default(),
        author: pdf.author.unwrap_or_default(),
        date: pdf.date.unwrap_or_default(),
        language: pdf.language.unwrap_or_default(),
        ..Article::default()
    };
    let mut notes = 0;
    for block in pdf.blocks {
        let kind = match block.kind {
            BlockKind::Heading(level) => Kind::Heading(level),
            BlockKind::Paragraph => Kind::Paragraph,
            BlockKind::Item => Kind::Item,
            BlockKind::Note => Kind::Note,
        };
        if kind == Kind::Note {
            // A note keeps its number, set as a mark ("¹ …"), or is given
            // the next one.
            notes += 1;
            let digits: String = block
                .text
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let (n, rest) = match digits.parse::<usize>() {
                Ok(n) if digits.len() <= 3 => (n, block.text[digits.len()..].trim_start()),
                _ => (notes, block.text.as_str()),
            };
            article.push(Kind::Note, &format!("{} {rest}", superscript(n)));
        } else {
            article.push(kind, &block.text);
        }
    }
    if article.blocks.is_empty() {
        return Err(DecodeError::NoText { format: "PDF" });
    }
    article.drop_title_heading();
    Ok(article)
}

#[cfg(test)]
mod tests;
