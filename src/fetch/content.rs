//! What a download is: its kind from the content type or magic bytes, and
//! its text decoded with the charset a browser would pick.

use encoding_rs::Encoding;

use super::Kind;

/// How much of a page is searched for `<meta charset>` (as browsers do).
const PRESCAN: usize = 4096;
/// How much of the body is looked at to guess its kind.
const SNIFF: usize = 1024;

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ODT_MIME: &str = "application/vnd.oasis.opendocument.text";
const EPUB_MIME: &str = "application/epub+zip";

/// See [`super::Fetched::kind`].
pub(super) fn kind_of(content_type: Option<&str>, bytes: &[u8]) -> Kind {
    let mime = content_type.unwrap_or("");
    match mime {
        "text/html" | "application/xhtml+xml" => Kind::Html,
        "application/pdf" | "application/x-pdf" | "application/acrobat" => Kind::Pdf,
        EPUB_MIME => Kind::Epub,
        DOCX_MIME => Kind::Docx,
        ODT_MIME => Kind::Odt,
        "text/plain" => match sniff_binary(bytes) {
            Some(kind) => kind,
            None => Kind::Text,
        },
        "text/markdown" | "text/x-markdown" => Kind::Text,
        _ if is_generic(mime) => sniff(mime, bytes),
        _ => Kind::Other(mime.to_owned()),
    }
}

/// The kind from the bytes alone, for a missing or generic `mime`.
fn sniff(mime: &str, bytes: &[u8]) -> Kind {
    if let Some(kind) = sniff_binary(bytes) {
        return kind;
    }
    if looks_like_html(bytes) {
        return Kind::Html;
    }
    if mime.is_empty() || mime == "application/octet-stream" {
        if looks_textual(bytes) {
            return Kind::Text;
        }
        return Kind::Other("application/octet-stream".to_owned());
    }
    Kind::Other(mime.to_owned())
}

/// `"text/HTML; Charset=\"UTF-8\""` → `(Some("text/html"), Some("utf-8"))`.
pub(super) fn parse_content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let mime = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts
        .find_map(|param| {
            let (key, value) = param.split_once('=')?;
            key.trim().eq_ignore_ascii_case("charset").then(|| {
                value
                    .trim()
                    .trim_matches(['"', '\''])
                    .trim()
                    .to_ascii_lowercase()
            })
        })
        .filter(|c| !c.is_empty());
    (mime, charset)
}

/// Types that say nothing about the content, so the bytes are looked at.
fn is_generic(mime: &str) -> bool {
    matches!(
        mime,
        "" | "application/octet-stream"
            | "binary/octet-stream"
            | "application/binary"
            | "application/unknown"
            | "application/download"
            | "application/x-download"
            | "application/force-download"
            | "application/zip"
            | "application/x-zip"
            | "application/x-zip-compressed"
    )
}

/// PDF (beginning with `%PDF-`, after a few blanks at most) or a zip whose
/// entries say EPUB, ODT or DOCX; `Some(Other("application/zip"))` for
/// another zip. A text that mentions "%PDF-" is a text.
fn sniff_binary(bytes: &[u8]) -> Option<Kind> {
    let blanks = bytes
        .iter()
        .take(16)
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    if bytes[blanks..].starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    // EPUB and ODF put an uncompressed entry "mimetype" first.
    let field = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
    };
    if let (Some(name_len), Some(extra_len)) = (field(26), field(28)) {
        let content = 30 + name_len + extra_len;
        if bytes.get(30..30 + name_len) == Some(b"mimetype".as_slice()) {
            let value = bytes.get(content..).unwrap_or_default();
            if value.starts_with(EPUB_MIME.as_bytes()) {
                return Some(Kind::Epub);
            }
            if value.starts_with(ODT_MIME.as_bytes()) && value.get(ODT_MIME.len()) != Some(&b'-') {
                return Some(Kind::Odt);
            }
        }
    }
    // Entry names are stored uncompressed, in the local headers and the
    // central directory.
    if memchr::memmem::find(bytes, b"word/document.xml").is_some() {
        return Some(Kind::Docx);
    }
    Some(Kind::Other("application/zip".to_owned()))
}

/// The first bytes after a BOM and whitespace, lowercased.
fn lowered_start(bytes: &[u8]) -> Vec<u8> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..bytes.len().min(start + SNIFF)].to_ascii_lowercase()
}

/// Whether the bytes begin like a web page.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = lowered_start(bytes);
    let tag_start = [
        b"<!doctype html".as_slice(),
        b"<html",
        b"<head",
        b"<body",
        b"<title",
        b"<meta",
        b"<script",
    ];
    let opens_with_tag = tag_start.iter().any(|tag| {
        head.starts_with(tag)
            && head
                .get(tag.len())
                .is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
    });
    opens_with_tag
        || ((head.starts_with(b"<?xml") || head.starts_with(b"<!--"))
            && memchr::memmem::find(&head, b"<html").is_some())
}

/// Whether the first KiB has no bytes that never occur in text (WHATWG's
/// "binary data bytes"), or starts with a BOM.
fn looks_textual(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return true;
    }
    bytes[..bytes.len().min(SNIFF)]
        .iter()
        .all(|&b| !matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F))
}

/// Decodes `bytes` as described at [`super::Fetched::text`].
pub(super) fn decode(bytes: &[u8], header_charset: Option<&str>, html: bool) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let declared = header_charset
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| {
            if html {
                prescan(&bytes[..bytes.len().min(PRESCAN)])
            } else {
                None
            }
        });
    let encoding = match declared {
        Some(encoding) => encoding,
        None => match std::str::from_utf8(bytes) {
            Ok(text) => return text.to_owned(),
            Err(_) => encoding_rs::WINDOWS_1252,
        },
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding a page declares in its first bytes: `<meta charset=…>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML
/// declaration's `encoding="…"`.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(found) = memchr::memmem::find(&lower[pos..], b"<meta") {
        let start = pos + found + b"<meta".len();
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let is_meta_tag = lower
            .get(start)
            .is_some_and(|&b| b == b'/' || b.is_ascii_whitespace());
        if is_meta_tag {
            let label = attribute_value(&lower[start..end], b"charset");
            if let Some(encoding) = label.and_then(Encoding::for_label) {
                return Some(meta_encoding(encoding));
            }
        }
        pos = end;
    }
    if lower.starts_with(b"<?xml") {
        let end = memchr::memmem::find(&lower, b"?>").unwrap_or(lower.len());
        let label = attribute_value(&lower[..end], b"encoding");
        return label.and_then(Encoding::for_label).map(meta_encoding);
    }
    None
}

/// A page cannot be UTF-16 if its declaration was readable as ASCII, and
/// `x-user-defined` means windows-1252 there (WHATWG HTML, prescan).
fn meta_encoding(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else {
        encoding
    }
}

/// The value after `name` `=` in `tag` (quoted or not); also finds
/// `charset=` inside a `content` attribute.
fn attribute_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut pos = 0;
    while let Some(found) = memchr::memmem::find(&tag[pos..], name) {
        let mut i = pos + found + name.len();
        pos = i;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let value = match tag.get(i) {
            Some(&quote @ (b'"' | b'\'')) => {
                let rest = &tag[i + 1..];
                &rest[..memchr::memchr(quote, rest).unwrap_or(rest.len())]
            }
            _ => {
                let rest = &tag[i..];
                let end = rest
                    .iter()
                    .position(|&b| {
                        b.is_ascii_whitespace() || matches!(b, b';' | b'"' | b'\'' | b'/')
                    })
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        };
        let value = value.trim_ascii();
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}
