//! From char ranges to rectangles on a galley, and from points back to chars.
//!
//! Galley cursors count chars of the laid-out text, which is the block's
//! document text char for char; so a galley index plus the block's start is
//! a document offset, with no bytes involved.

use egui::{Galley, Pos2, Rect, pos2};

use crate::document::CharRange;

/// The rectangles (one per row) covering `local`, a range of the galley's
/// own chars (a document range made relative to its block with
/// [`CharRange::relative_to`]), relative to the galley's origin.
pub fn range_rects(galley: &Galley, local: CharRange) -> Vec<Rect> {
    let CharRange { start, end } = local;
    let mut rects = Vec::new();
    if start >= end {
        return rects;
    }
    let mut row_start = 0;
    for row in &galley.rows {
        let chars = row.char_count_excluding_newline().0;
        let row_end = row_start + chars;
        if start < row_end.max(row_start + 1) && end > row_start {
            let from = start.max(row_start) - row_start;
            let to = end.min(row_end) - row_start;
            let x0 = row.pos.x + row.x_offset(egui::text::CharIndex(from));
            let x1 = if to >= chars {
                row.pos.x + row.size.x
            } else {
                row.pos.x + row.x_offset(egui::text::CharIndex(to))
            };
            if x1 > x0 {
                rects.push(Rect::from_min_max(
                    pos2(x0, row.min_y()),
                    pos2(x1, row.max_y()),
                ));
            }
        }
        row_start = row_end + usize::from(row.ends_with_newline);
        if row_start >= end {
            break;
        }
    }
    rects
}

/// The local char offset nearest to `pos` (relative to the galley's origin).
pub fn char_at(galley: &Galley, pos: Pos2) -> usize {
    galley.cursor_from_pos(pos.to_vec2()).index.0
}

/// The left edge of local char `index`, as a 0-wide rectangle on its row:
/// the row the char is drawn on, so the first char of a wrapped row is at
/// that row's start, not at the end of the row before.
pub fn caret(galley: &Galley, index: usize) -> Rect {
    galley.pos_from_cursor(egui::text::CCursor {
        index: egui::text::CharIndex(index),
        prefer_next_row: true,
    })
}
