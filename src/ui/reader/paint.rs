//! Painting one block of the reading column: highlights behind the text,
//! overlap stripes in the left margin, note markers in the right.

use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Stroke, pos2, vec2};

use super::geometry::range_rects;
use crate::annotation::{Annotation, AnnotationId};
use crate::document::CharRange;
use crate::ui::derived::Derived;
use crate::ui::theme;

/// What to paint on a block besides its text.
pub struct Marks<'a> {
    /// The session's annotations.
    pub annotations: &'a [Annotation],
    /// Sorted annotations and lanes.
    pub derived: &'a Derived,
    /// The focused annotation, outlined.
    pub focus: Option<&'a AnnotationId>,
    /// The reader's selection.
    pub selection: Option<CharRange>,
    /// Search hits and the index of the current one.
    pub hits: &'a [CharRange],
    /// Which hit is current.
    pub current_hit: Option<usize>,
    /// Mentions to underline, with their colour.
    pub mentions: &'a [CharRange],
    /// Colour of the underline.
    pub mention_colour: Color32,
    /// Annotations filtered out of view are painted faintly.
    pub dimmed: &'a dyn Fn(&Annotation) -> bool,
    /// Dark theme.
    pub dark: bool,
}

/// Where a note marker was painted, to make it hoverable.
pub struct Marker {
    /// The marker's rectangle on screen.
    pub rect: Rect,
    /// The annotation it belongs to.
    pub index: usize,
}

/// Paints the marks under and around a block's text. `origin` is the galley's
/// top-left on screen; `block` its document range. Returns note markers.
#[allow(clippy::too_many_arguments)]
pub fn marks_under(
    painter: &Painter,
    galley: &egui::Galley,
    origin: Pos2,
    block: CharRange,
    marks: &Marks<'_>,
    visuals: &egui::Visuals,
    gutter_x: f32,
    marker_x: f32,
) -> Vec<Marker> {
    let local = |range: CharRange| -> Option<CharRange> {
        range.intersect(block).map(|r| r.relative_to(block.start))
    };
    let rects = |range: CharRange| -> Vec<Rect> {
        local(range).map_or_else(Vec::new, |local| {
            range_rects(galley, local)
                .into_iter()
                .map(|r| r.translate(origin.to_vec2()))
                .collect()
        })
    };

    // Search hits.
    let first = marks.hits.partition_point(|h| h.end <= block.start);
    for (n, hit) in marks.hits[first..]
        .iter()
        .enumerate()
        .take_while(|(_, h)| h.start < block.end)
    {
        let (fill, stroke) = theme::search_hit(marks.dark, marks.current_hit == Some(first + n));
        for r in rects(*hit) {
            painter.rect(
                r.expand(1.0),
                CornerRadius::same(2),
                fill,
                stroke,
                egui::StrokeKind::Outside,
            );
        }
    }

    // Highlights, longest first so that a short passage inside a long one stays visible.
    let mut here: Vec<_> = marks.derived.overlapping(block).collect();
    here.sort_by_key(|p| std::cmp::Reverse(p.range.len()));
    let mut markers = Vec::new();
    for placed in &here {
        let annotation = &marks.annotations[placed.index];
        let focused = marks.focus == Some(&annotation.id);
        let mut fill = theme::highlight(annotation.colour, marks.dark, focused);
        if (marks.dimmed)(annotation) {
            fill = fill.gamma_multiply(0.25);
        }
        let spans = rects(placed.range);
        for r in &spans {
            painter.rect_filled(*r, CornerRadius::same(2), fill);
            if focused {
                painter.rect_stroke(
                    r.expand(1.0),
                    CornerRadius::same(2),
                    Stroke::new(1.5, theme::solid(annotation.colour).gamma_multiply(0.9)),
                    egui::StrokeKind::Outside,
                );
            }
        }
        // A stripe in the margin for each annotation, one lane per overlap depth.
        if let (Some(top), Some(bottom)) = (spans.first(), spans.last()) {
            #[allow(clippy::cast_precision_loss)]
            let x = gutter_x - placed.lane as f32 * (theme::STRIPE_WIDTH + theme::STRIPE_GAP);
            let stripe = Rect::from_min_max(
                pos2(x - theme::STRIPE_WIDTH, top.top()),
                pos2(x, bottom.bottom()),
            );
            painter.rect_filled(
                stripe,
                CornerRadius::same(1),
                theme::solid(annotation.colour),
            );
            // A note marker where the passage ends.
            if !annotation.note.trim().is_empty() && placed.range.end <= block.end {
                let centre = pos2(marker_x, bottom.center().y);
                let rect = Rect::from_center_size(centre, vec2(10.0, 10.0));
                painter.circle_filled(centre, 4.0, theme::note_marker(visuals));
                markers.push(Marker {
                    rect,
                    index: placed.index,
                });
            }
        }
    }

    // The selection.
    if let Some(selection) = marks.selection {
        for r in rects(selection) {
            painter.rect_filled(r, CornerRadius::ZERO, theme::selection(visuals));
        }
    }
    markers
}

/// Underlines the mentions of the chosen actor; painted over the text.
pub fn mentions_over(
    painter: &Painter,
    galley: &egui::Galley,
    origin: Pos2,
    block: CharRange,
    marks: &Marks<'_>,
) {
    let first = marks.mentions.partition_point(|m| m.end <= block.start);
    for mention in marks.mentions[first..]
        .iter()
        .take_while(|m| m.start < block.end)
    {
        let Some(r) = mention.intersect(block) else {
            continue;
        };
        for rect in range_rects(galley, r.relative_to(block.start)) {
            let rect = rect.translate(origin.to_vec2());
            let y = rect.bottom() - 1.0;
            painter.line_segment(
                [pos2(rect.left(), y), pos2(rect.right(), y)],
                Stroke::new(2.0, marks.mention_colour),
            );
        }
    }
}
