//! The reading column's geometry: which blocks are shown, how tall each is,
//! and their galleys, laid out only when they come into view.
//!
//! A book has tens of thousands of paragraphs; laying them all out on every
//! width change would cost hundreds of milliseconds. So each block starts
//! with an estimated height (chars × average glyph width ÷ column width) that
//! becomes exact once the block is laid out. Galleys are cached per block
//! and dropped when the width, font or view changes. Highlights are painted
//! behind the galleys, so annotating never lays text out again.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, FontFamily, Galley, TextFormat, text::LayoutJob};

use crate::document::{CharPos, CharRange, Document, Role};
use crate::ui::theme;

/// Below this many chars a view is laid out whole at once: exact heights, no
/// estimates (an article costs a millisecond or two).
const LAY_OUT_WHOLE_BELOW: usize = 60_000;
/// Galleys kept before the cache is trimmed to the most recently shown half:
/// a few dozen screens, so going back to a chapter just read shows it at once.
const MAX_CACHED_GALLEYS: usize = 600;

/// What the column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    /// One section.
    Section(usize),
    /// The whole text, continuously.
    All,
}

/// Everything the galleys depend on; a change lays the view out again.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    /// The document's hash (a different document, a different layout).
    pub document: String,
    /// Section or whole text.
    pub span: Span,
    /// Column width in points, rounded.
    pub width: f32,
    /// Reading-font size.
    pub font_size: f32,
    /// Reading-font family.
    pub family: FontFamily,
    /// Pixels per point: glyphs are placed on the pixel grid.
    pub pixels_per_point: f32,
}

/// One block of the column: a heading or a paragraph.
#[derive(Clone, Debug)]
pub struct Block {
    /// The chars shown, in document offsets.
    pub range: CharRange,
    /// The heading level, for a heading.
    pub heading: Option<u8>,
    /// What kind of paragraph (for a heading: `Body`).
    pub role: Role,
    /// Show single line breaks as spaces (hand-wrapped text).
    pub reflow: bool,
    /// Which section the block belongs to.
    pub section: usize,
    /// The next block continues this one's paragraph (a very long paragraph
    /// cut into pieces): no gap between them.
    pub continued: bool,
}

/// The column's blocks with their heights and galleys.
#[derive(Default)]
pub struct Layout {
    key: Option<LayoutKey>,
    blocks: Vec<Block>,
    heights: Vec<f32>,
    exact: Vec<bool>,
    /// `tops[i]` is the y of block `i` in the column; `tops[len]` the total.
    tops: Vec<f32>,
    /// Laid-out blocks, with when each was last asked for.
    galleys: HashMap<usize, Cached>,
    /// Counts `galley` calls: the clock of `Cached::used`.
    uses: u64,
}

/// A laid-out block.
struct Cached {
    galley: Arc<Galley>,
    /// `Layout::uses` when it was last asked for.
    used: u64,
}

impl Layout {
    /// Makes the layout fit `key`, rebuilding blocks and estimates when it
    /// changed. Returns true when it did.
    pub fn ensure(&mut self, key: LayoutKey, doc: &Document, painter: &egui::Painter) -> bool {
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        let same_blocks = self
            .key
            .as_ref()
            .is_some_and(|old| old.document == key.document && old.span == key.span);
        if !same_blocks {
            self.blocks = blocks(doc, key.span);
        }
        self.galleys.clear();
        self.heights = self.estimate(&key, painter);
        self.exact = vec![false; self.blocks.len()];
        self.key = Some(key);
        self.recompute_tops();
        let chars: usize = self.blocks.iter().map(|b| b.range.len()).sum();
        if chars < LAY_OUT_WHOLE_BELOW {
            for i in 0..self.blocks.len() {
                self.galley(i, doc, painter);
            }
        }
        true
    }

    /// Drops the laid-out galleys (kept blocks and heights): they are laid
    /// out again as they are shown.
    pub fn forget_galleys(&mut self) {
        self.galleys.clear();
    }

    /// The reading-font size laid out for.
    pub fn font_size(&self) -> f32 {
        self.key
            .as_ref()
            .map_or(theme::FONT_DEFAULT, |k| k.font_size)
    }

    /// The blocks shown.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Height of the whole column.
    pub fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Top of block `i` in the column.
    pub fn top(&self, i: usize) -> f32 {
        self.tops.get(i).copied().unwrap_or(0.0)
    }

    /// The block at column height `y` (the last one for anything below).
    pub fn block_at(&self, y: f32) -> usize {
        let after = self.tops[..self.blocks.len()].partition_point(|&top| top <= y);
        after.saturating_sub(1)
    }

    /// The whole paragraph block `i` is a piece of (blocks cut from one long
    /// paragraph go together).
    pub fn paragraph_of(&self, i: usize) -> Option<CharRange> {
        let block = self.blocks.get(i)?;
        let mut first = i;
        while first > 0 && self.blocks[first - 1].continued {
            first -= 1;
        }
        let mut last = i;
        while self.blocks[last].continued && last + 1 < self.blocks.len() {
            last += 1;
        }
        Some(CharRange::new(
            self.blocks[first].range.start,
            self.blocks[last].range.end.max(block.range.end),
        ))
    }

    /// The block holding document char `pos`, or the nearest before it.
    pub fn block_of_char(&self, pos: CharPos) -> Option<usize> {
        if self.blocks.is_empty() {
            return None;
        }
        let pos = pos.get();
        let after = self.blocks.partition_point(|b| b.range.start <= pos);
        Some(after.saturating_sub(1))
    }

    /// The galley of block `i`, laid out now if needed. Returns the change in
    /// the block's height when an estimate became exact.
    pub fn galley(
        &mut self,
        i: usize,
        doc: &Document,
        painter: &egui::Painter,
    ) -> (Arc<Galley>, f32) {
        self.uses += 1;
        if let Some(cached) = self.galleys.get_mut(&i) {
            cached.used = self.uses;
            return (Arc::clone(&cached.galley), 0.0);
        }
        let Some(key) = &self.key else {
            return (painter.layout_job(LayoutJob::default()), 0.0);
        };
        let block = &self.blocks[i];
        let galley = painter.layout_job(job(doc, block, key));
        let gap = if block.continued {
            0.0
        } else {
            theme::paragraph_gap(key.font_size)
        };
        let height = galley.size().y + gap;
        let delta = height - self.heights[i];
        self.heights[i] = height;
        self.exact[i] = true;
        if delta.abs() > 0.01 {
            self.recompute_tops();
        }
        if self.galleys.len() >= MAX_CACHED_GALLEYS {
            self.forget_least_recent();
        }
        self.galleys.insert(
            i,
            Cached {
                galley: Arc::clone(&galley),
                used: self.uses,
            },
        );
        (galley, delta)
    }

    /// Keeps the most recently used half of the galleys: what is on screen
    /// and the screens last read, wherever they are in the text.
    fn forget_least_recent(&mut self) {
        let mut uses: Vec<u64> = self.galleys.values().map(|c| c.used).collect();
        let middle = uses.len() / 2;
        let (_, &mut threshold, _) = uses.select_nth_unstable(middle);
        self.galleys.retain(|_, cached| cached.used >= threshold);
    }

    /// The galley of block `i` if it is laid out.
    pub fn cached(&self, i: usize) -> Option<&Arc<Galley>> {
        self.galleys.get(&i).map(|c| &c.galley)
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
    }

    fn estimate(&self, key: &LayoutKey, painter: &egui::Painter) -> Vec<f32> {
        let sample = "Die Organisation des Vertrags über kollektive Sicherheit zieht ab.";
        let mut averages: HashMap<(Option<u8>, bool), (f32, f32)> = HashMap::new();
        let mut measure = |heading: Option<u8>, role: Role| {
            let small = matches!(
                role,
                Role::Byline | Role::Aside | Role::Interjection | Role::Note
            );
            *averages.entry((heading, small)).or_insert_with(|| {
                let font = theme::block_font(&key.family, key.font_size, heading, role);
                let galley = painter.layout_no_wrap(sample.to_owned(), font, Color32::PLACEHOLDER);
                #[allow(clippy::cast_precision_loss)]
                let per_char = galley.size().x / sample.chars().count() as f32;
                (per_char, galley.size().y)
            })
        };
        let gap = theme::paragraph_gap(key.font_size);
        self.blocks
            .iter()
            .map(|block| {
                let (per_char, row) = measure(block.heading, block.role);
                // From the length alone: reading the text of every block of a
                // book would cost what showing one screen of it costs, many times.
                #[allow(clippy::cast_precision_loss)]
                let chars = block.range.len() as f32;
                let lines = (chars * per_char / key.width).ceil().max(1.0);
                lines * row + if block.continued { 0.0 } else { gap }
            })
            .collect()
    }
}

/// The layout job of one block: one section of text, colour left to the painter.
fn job(doc: &Document, block: &Block, key: &LayoutKey) -> LayoutJob {
    let text = doc.slice(block.range);
    // Same number of chars either way, so galley cursors stay document offsets.
    let text = if block.reflow {
        text.replace('\n', " ")
    } else {
        text.to_owned()
    };
    let format = TextFormat {
        font_id: theme::block_font(&key.family, key.font_size, block.heading, block.role),
        color: Color32::PLACEHOLDER,
        italics: matches!(block.role, Role::Byline | Role::Quote | Role::Interjection),
        ..Default::default()
    };
    let mut job = LayoutJob::single_section(text, format);
    job.wrap.max_width = key.width;
    job
}

/// The blocks of a span of the document.
fn blocks(doc: &Document, span: Span) -> Vec<Block> {
    let sections: Box<dyn Iterator<Item = (usize, &crate::document::Section)>> = match span {
        Span::Section(i) => Box::new(doc.sections().iter().enumerate().skip(i).take(1)),
        Span::All => Box::new(doc.sections().iter().enumerate()),
    };
    let mut out = Vec::new();
    for (index, section) in sections {
        if let Some(heading) = &section.heading {
            out.push(Block {
                range: heading.range,
                heading: Some(heading.level),
                role: Role::Body,
                reflow: false,
                section: index,
                continued: false,
            });
        }
        for paragraph in &section.paragraphs {
            let pieces = pieces(doc, paragraph.range);
            let last = pieces.len().saturating_sub(1);
            for (n, range) in pieces.into_iter().enumerate() {
                out.push(Block {
                    range,
                    heading: None,
                    role: paragraph.role,
                    reflow: paragraph.hard_wrapped,
                    section: index,
                    continued: n < last,
                });
            }
        }
    }
    out
}

/// Chars of a paragraph laid out as one galley at most. A paragraph of a
/// 50 MB text without line breaks laid out whole took 40 s and 11 GB; cut
/// into pieces of a screenful, only the pieces in view are laid out.
const PIECE_CHARS: usize = 2_000;

/// A paragraph's range, cut into pieces of at most [`PIECE_CHARS`], each
/// ending after a sentence (or else a word) where one ends in its last
/// quarter: the seams fall where a line may end anyway.
fn pieces(doc: &Document, range: CharRange) -> Vec<CharRange> {
    if range.len() <= PIECE_CHARS {
        return vec![range];
    }
    pieces_of(doc, range)
}

fn pieces_of(doc: &Document, range: CharRange) -> Vec<CharRange> {
    let mut out = Vec::with_capacity(range.len() / (PIECE_CHARS * 3 / 4) + 1);
    let mut start = range.start;
    let mut chars = doc.slice(range).chars();
    let mut pos = range.start;
    let (mut sentence, mut word) = (None, None);
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        pos += 1;
        if pos - start >= PIECE_CHARS * 3 / 4 && c.is_whitespace() {
            word = Some(pos);
            if matches!(previous, '.' | '!' | '?' | '…') {
                sentence = Some(pos);
            }
        }
        previous = c;
        if pos - start >= PIECE_CHARS && pos < range.end {
            let cut = sentence.or(word).unwrap_or(pos);
            out.push(CharRange::new(start, cut));
            start = cut;
            (sentence, word) = (None, None);
            // The chars between the cut and here belong to the next piece.
            if cut < pos {
                pos = cut;
                chars = doc.slice(CharRange::new(pos, range.end)).chars();
            }
        }
    }
    if start < range.end {
        out.push(CharRange::new(start, range.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::TextFormat;

    fn check(text: &str) -> Vec<CharRange> {
        let doc = Document::parse(text, TextFormat::Plain);
        let range = CharRange::new(0, doc.len_chars());
        let pieces = pieces(&doc, range);
        // Contiguous, covering the paragraph, none too long.
        assert_eq!(pieces.first().map(|p| p.start), Some(0));
        assert_eq!(pieces.last().map(|p| p.end), Some(range.end));
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        assert!(
            pieces
                .iter()
                .all(|p| p.len() <= PIECE_CHARS && !p.is_empty())
        );
        pieces
    }

    #[test]
    fn a_long_paragraph_is_cut_into_pieces_at_sentence_ends() {
        let sentence = "Die Soldaten hätten ihre Mission erfüllt, sagte er. ";
        let text = sentence.repeat(400);
        let doc = Document::parse(&text, TextFormat::Plain);
        let pieces = check(&text);
        assert!(pieces.len() >= 10);
        for p in &pieces[..pieces.len() - 1] {
            assert!(
                doc.slice(*p).ends_with(". "),
                "{:?}",
                &doc.slice(*p)[doc.slice(*p).len() - 10..]
            );
        }
        // Without spaces: cut where it must.
        let pieces = check(&"x".repeat(10_000));
        assert_eq!(pieces.len(), 5);
        // A short paragraph is one piece.
        assert_eq!(check("Kurz.").len(), 1);
    }
}
