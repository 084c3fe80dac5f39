//! Bytes to normalised text: the one place where an article's encoding is decided.
//!
//! Every char offset the app stores points into the text this module returns,
//! so it normalises exactly once and as little as it can: a byte-order mark is
//! dropped, `\r\n` and lone `\r` become `\n`. UTF-8 is expected; UTF-16 with a
//! byte-order mark and Latin-1/Windows-1252 are decoded with a notice; binary
//! data is refused with a clear error instead of being shown as garbage.

use crate::i18n::{fill, tr, tr_in};

/// Why bytes are not a readable text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file holds nothing but white space.
    #[error("{}", tr().err_empty_text)]
    Empty,
    /// The file looks like binary data (images, archives, programs).
    #[error("{}", tr().err_binary_text)]
    Binary,
    /// A document of a richer format (EPUB, Word, OpenDocument, PDF) that
    /// cannot be read.
    #[error("{}", fill(tr_in().err_damaged, &[("format", format), ("why", detail)]))]
    Damaged {
        /// The format's name, e.g. `DOCX`.
        format: &'static str,
        /// What is wrong, as the reading library says.
        detail: String,
    },
    /// A packed document that would unpack beyond any real document's size.
    #[error("{}", fill(tr_in().err_unpacked_too_large, &[("format", format), ("limit", limit_mb)]))]
    Unpacked {
        /// The format's name.
        format: &'static str,
        /// The limit in MB.
        limit_mb: u64,
    },
    /// A document with no text in it.
    #[error("{}", fill(tr_in().err_no_text_in, &[("format", format)]))]
    NoText {
        /// The format's name.
        format: &'static str,
    },
    /// A PDF of page images only (a scan without text recognition).
    #[error("{}", fill(tr_in().err_pdf_no_text_layer, &[("pages", pages)]))]
    NoTextLayer {
        /// Its pages.
        pages: usize,
    },
    /// A PDF that needs a password, none given.
    #[error("{}", tr_in().err_pdf_password)]
    NeedsPassword,
    /// A PDF the given password does not open.
    #[error("{}", tr_in().err_pdf_wrong_password)]
    WrongPassword,
    /// A PDF of more pages than are opened.
    #[error("{}", fill(tr_in().err_pdf_too_many_pages, &[("pages", pages), ("limit", limit)]))]
    TooManyPages {
        /// Its pages.
        pages: usize,
        /// The limit.
        limit: usize,
    },
}

/// Which encoding the bytes were read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little endian, from its byte-order mark.
    Utf16Le,
    /// UTF-16, big endian, from its byte-order mark.
    Utf16Be,
    /// UTF-8 with a few broken bytes, replaced by "�".
    Utf8Lossy {
        /// How many broken sequences were replaced.
        replaced: usize,
    },
    /// UTF-16 with broken units (lone surrogates), replaced by "�".
    Utf16Lossy {
        /// How many were replaced.
        replaced: usize,
    },
    /// Not valid UTF-8: read as Windows-1252, the superset of Latin-1.
    Windows1252,
}

impl Encoding {
    /// A notice for the user when the text was not plain UTF-8.
    #[must_use]
    pub fn notice(self) -> Option<String> {
        let name = match self {
            Self::Utf8 => return None,
            Self::Utf8Lossy { replaced } => {
                return Some(fill(tr().notice_broken_utf8, &[("n", &replaced)]));
            }
            Self::Utf16Lossy { replaced } => {
                return Some(fill(tr().notice_broken_utf16, &[("n", &replaced)]));
            }
            Self::Utf16Le | Self::Utf16Be => "UTF-16",
            Self::Windows1252 => "Latin-1 (Windows-1252)",
        };
        Some(fill(tr().notice_encoding, &[("encoding", &name)]))
    }
}

/// Decodes `bytes` and normalises line ends.
///
/// # Errors
/// [`DecodeError::Empty`] for an empty or blank file, [`DecodeError::Binary`]
/// for data that is not text in any encoding this reads.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let (raw, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8_or_legacy(rest)?, None)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, false)?, None)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, true)?, None)
    } else if let Some(big_endian) = utf16_without_bom(bytes) {
        // Without a byte-order mark: told by where its zero bytes stand.
        (utf16(bytes, big_endian)?, None)
    } else {
        (utf8_or_legacy(bytes)?, None)
    };
    let (text, found) = raw;
    let encoding: Encoding = encoding.unwrap_or(found);
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    let text = normalise(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, encoding))
}

/// `\r\n` and lone `\r` to `\n`; a leading byte-order mark dropped.
#[must_use]
pub fn normalise(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

type Decoded = (String, Encoding);

fn utf8_or_legacy(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(_) if mostly_utf8(bytes) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.matches('\u{fffd}').count();
            Ok((text, Encoding::Utf8Lossy { replaced }))
        }
        Err(_) => Ok((windows_1252(bytes), Encoding::Windows1252)),
    }
}

/// True for UTF-8 with a few broken bytes (a cut-off file, one bad byte)
/// rather than a text in a one-byte encoding: it has valid multi-byte
/// characters, which Latin-1 text almost never forms by chance, or its
/// broken bytes are very few.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut invalid = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > invalid || invalid * 1000 < bytes.len()
}

/// UTF-16 without a byte-order mark: Latin and most European text has a
/// zero byte in every other place, high (big endian) or low (little). True
/// for big endian; `None` when the bytes do not look like UTF-16.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let half = head.len() / 2;
    // Most units of one parity zero, almost none of the other.
    if even * 10 >= half * 6 && odd * 20 <= half {
        Some(true)
    } else if odd * 10 >= half * 6 && even * 20 <= half {
        Some(false)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<Decoded, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Binary);
    }
    let unit = if big_endian {
        u16::from_be_bytes
    } else {
        u16::from_le_bytes
    };
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut replaced = 0;
    let text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let encoding = match (replaced, big_endian) {
        (0, false) => Encoding::Utf16Le,
        (0, true) => Encoding::Utf16Be,
        (replaced, _) => Encoding::Utf16Lossy { replaced },
    };
    Ok((text, encoding))
}

/// Windows-1252 is Latin-1 with printable characters in 0x80–0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Text has few control characters; binary data read as text has many.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            control += 1;
        }
    }
    // One control char in fifty is far beyond any real article.
    control * 50 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_windows_line_ends() {
        let (text, enc) = decode("\u{feff}Zeile eins\r\nZeile zwei\rDrei".as_bytes()).unwrap();
        assert_eq!(text, "Zeile eins\nZeile zwei\nDrei");
        assert_eq!(enc, Encoding::Utf8);
        assert!(enc.notice().is_none());
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Grüße aus Almaty".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "Grüße aus Almaty");
        assert_eq!(enc, Encoding::Utf16Le);
        assert!(enc.notice().unwrap().contains("UTF-16"));
    }

    #[test]
    fn utf16_without_a_bom_and_with_a_lone_surrogate_is_text() {
        let text = "Grüße aus Almaty, sagte Tokajew am Mittwoch.";
        for big_endian in [false, true] {
            let mut bytes = Vec::new();
            for unit in text.encode_utf16() {
                let pair = if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            let (decoded, enc) = decode(&bytes).unwrap();
            assert_eq!(decoded, text);
            assert!(enc.notice().unwrap().contains("UTF-16"));
            // A lone surrogate in the middle: replaced, and said so.
            let mut broken = bytes.clone();
            let lone: [u8; 2] = if big_endian {
                [0xD8, 0x00]
            } else {
                [0x00, 0xD8]
            };
            broken.splice(10..10, lone);
            let (decoded, enc) = decode(&broken).unwrap();
            assert!(decoded.contains('\u{fffd}'));
            assert_eq!(enc, Encoding::Utf16Lossy { replaced: 1 });
        }
    }

    #[test]
    fn latin1_is_read_as_windows_1252() {
        let bytes = b"Gr\xfc\xdfe \x84Zitat\x93 \x80";
        let (text, enc) = decode(bytes).unwrap();
        assert_eq!(text, "Grüße „Zitat“ €");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn one_broken_byte_in_utf8_is_replaced_not_misread() {
        let mut bytes = "Grüße aus Düsseldorf, sagte Tokajew.".as_bytes().to_vec();
        bytes.push(0xE2);
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "Grüße aus Düsseldorf, sagte Tokajew.\u{fffd}");
        assert_eq!(enc, Encoding::Utf8Lossy { replaced: 1 });
    }

    #[test]
    fn binary_and_empty_input_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8 + 1).collect();
        assert_eq!(decode(&noise), Err(DecodeError::Binary));
        assert_eq!(decode(&[0xFF, 0xFE, 0x00]), Err(DecodeError::Binary));
    }
}
