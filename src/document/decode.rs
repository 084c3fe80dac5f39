//! Bytes to normalised text: the one place where an article's encoding is decided.
//!
//! Every char offset the app stores points into the text this module returns,
//! so it normalises exactly once and as little as it can: a byte-order mark is
//! dropped, `\r\n` and lone `\r` become `\n`. UTF-8 is expected; UTF-16 with a
//! byte-order mark and Latin-1/Windows-1252 are decoded with a notice; binary
//! data is refused with a clear error instead of being shown as garbage.

use crate::i18n::{fill, tr};

/// Why bytes are not a readable text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file holds nothing but white space.
    #[error("{}", tr().err_empty_text)]
    Empty,
    /// The file looks like binary data (images, archives, programs).
    #[error("{}", tr().err_binary_text)]
    Binary,
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
        (utf16(rest, u16::from_le_bytes)?, Some(Encoding::Utf16Le))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes)?, Some(Encoding::Utf16Be))
    } else {
        (utf8_or_legacy(bytes)?, None)
    };
    let (text, found) = raw;
    let encoding = encoding.unwrap_or(found);
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

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Decoded, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Binary);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| DecodeError::Binary)?;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, Encoding::Utf8))
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
