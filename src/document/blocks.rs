//! Splitting normalised text into blocks: runs of non-blank lines.
//!
//! A block is what a reader sees as one paragraph, heading or list. Markdown
//! ATX headings (`## Titel`) are blocks of their own even without blank lines
//! around them; a setext underline (`====`, `----`) turns the line above it
//! into a heading. Ranges exclude the white space at either end of a block.

use super::offsets::{ByteRange, CharRange};

/// One block of text, with its ranges in chars and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The block's chars, without surrounding white space.
    pub chars: CharRange,
    /// The same span in bytes.
    pub bytes: ByteRange,
    /// Number of lines in the block.
    pub lines: usize,
    /// Length in chars of the block's longest line but its last.
    pub widest_inner_line: usize,
    /// Blank lines between the block and the one before it.
    pub blank_before: usize,
    /// Markdown heading level, when the block is an ATX or setext heading.
    pub markdown_heading: Option<u8>,
    /// For a Markdown heading: the heading text without its `#` marks.
    pub heading_text: Option<(CharRange, ByteRange)>,
}

/// A line of the text, with its start in bytes and chars.
struct Line<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

/// Splits `text` into blocks, skipping the first `skip` bytes (front matter);
/// setext underlines count only in Markdown.
#[must_use]
pub fn split_blocks(text: &str, skip: usize, markdown: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Vec<Line<'_>> = Vec::new();
    let mut byte = 0;
    let mut char = 0;
    let mut blank = 0;
    for raw in text.split_inclusive('\n') {
        let line_text = raw.strip_suffix('\n').unwrap_or(raw);
        let line = Line {
            text: line_text,
            byte,
            char,
        };
        byte += raw.len();
        char += raw.chars().count();

        if line.byte < skip || line_text.trim().is_empty() {
            flush(&mut current, &mut blocks, None, &mut blank);
            blank += 1;
        } else if let Some(level) = atx_level(line_text) {
            flush(&mut current, &mut blocks, None, &mut blank);
            current.push(line);
            flush(&mut current, &mut blocks, Some(level), &mut blank);
        } else if let Some(level) = setext_level(line_text).filter(|_| markdown)
            && current.len() == 1
        {
            // The underline itself is markup, not text: it stays out of the block.
            flush(&mut current, &mut blocks, Some(level), &mut blank);
        } else {
            current.push(line);
        }
    }
    flush(&mut current, &mut blocks, None, &mut blank);
    blocks
}

fn flush(
    lines: &mut Vec<Line<'_>>,
    blocks: &mut Vec<Block>,
    heading: Option<u8>,
    blank: &mut usize,
) {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return;
    };
    let blank_before = std::mem::take(blank);
    let lead_ws = first.text.len() - first.text.trim_start().len();
    let start_byte = first.byte + lead_ws;
    let start_char = first.char + first.text[..lead_ws].chars().count();
    let trimmed_last = last.text.trim_end();
    let end_byte = last.byte + trimmed_last.len();
    let end_char = last.char + trimmed_last.chars().count();
    let widest_inner_line = lines[..lines.len() - 1]
        .iter()
        .map(|l| l.text.trim().chars().count())
        .max()
        .unwrap_or(0);
    let heading_text = heading.map(|_| {
        // For an ATX heading, the text between the `#` marks; for setext, the line.
        let inner = first.text.trim();
        let without_open = inner.trim_start_matches('#').trim_start();
        let without_close = without_open.trim_end_matches('#').trim_end();
        let text = if without_close.is_empty() {
            without_open
        } else {
            without_close
        };
        let offset_bytes = first.byte + (text.as_ptr() as usize - first.text.as_ptr() as usize);
        let offset_chars = first.char + first.text[..offset_bytes - first.byte].chars().count();
        (
            CharRange::new(offset_chars, offset_chars + text.chars().count()),
            ByteRange {
                start: offset_bytes,
                end: offset_bytes + text.len(),
            },
        )
    });
    blocks.push(Block {
        chars: CharRange::new(start_char, end_char),
        bytes: ByteRange {
            start: start_byte,
            end: end_byte,
        },
        lines: lines.len(),
        widest_inner_line,
        blank_before,
        markdown_heading: heading,
        heading_text,
    });
    lines.clear();
}

/// `# Titel` to `###### Titel`: the number of `#`, if the line is an ATX heading.
fn atx_level(line: &str) -> Option<u8> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None; // indented four or more: code, not a heading
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let rest = &trimmed[hashes..];
    let level = u8::try_from(hashes).ok()?;
    let has_text = rest.starts_with([' ', '\t']) && !rest.trim().trim_matches('#').is_empty();
    ((1..=6).contains(&level) && has_text).then_some(level)
}

/// `===` (level 1) or `---` (level 2) under a line: a setext heading.
fn setext_level(line: &str) -> Option<u8> {
    let trimmed = line.trim();
    if trimmed.len() < 3 {
        return None;
    }
    if trimmed.bytes().all(|b| b == b'=') {
        Some(1)
    } else if trimmed.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, blocks: &[Block]) -> Vec<&'a str> {
        blocks.iter().map(|b| &text[b.bytes.as_std()]).collect()
    }

    #[test]
    fn blank_lines_separate_blocks_and_ends_are_trimmed() {
        let text = " Erste Zeile\nzweite Zeile  \n\n   \n\nDritter Block\n";
        let blocks = split_blocks(text, 0, true);
        assert_eq!(
            texts(text, &blocks),
            ["Erste Zeile\nzweite Zeile", "Dritter Block"]
        );
        assert_eq!(blocks[0].chars, CharRange::new(1, 25));
        assert_eq!(blocks[0].lines, 2);
    }

    #[test]
    fn markdown_headings_stand_alone() {
        let text =
            "# Titel\nText direkt darunter.\n\n## Abschnitt ##\nMehr.\n\nSetext\n------\nSchluss.";
        let blocks = split_blocks(text, 0, true);
        assert_eq!(
            texts(text, &blocks),
            [
                "# Titel",
                "Text direkt darunter.",
                "## Abschnitt ##",
                "Mehr.",
                "Setext",
                "Schluss."
            ]
        );
        assert_eq!(blocks[0].markdown_heading, Some(1));
        assert_eq!(blocks[2].markdown_heading, Some(2));
        assert_eq!(blocks[4].markdown_heading, Some(2));
        let (chars, bytes) = blocks[2].heading_text.unwrap();
        assert_eq!(&text[bytes.as_std()], "Abschnitt");
        assert_eq!(chars.len(), "Abschnitt".len());
        assert!(atx_level("#hashtag").is_none());
        assert!(atx_level("####### sieben").is_none());
    }

    #[test]
    fn char_ranges_count_umlauts_as_one() {
        let text = "Über\n\nÄrger mit Öl";
        let blocks = split_blocks(text, 0, true);
        assert_eq!(blocks[1].chars, CharRange::new(6, 18));
        assert_eq!(blocks[1].bytes.start, 7);
    }
}
