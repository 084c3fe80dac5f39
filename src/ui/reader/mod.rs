//! The reading column: the text of a section (or all of it), selectable with
//! the mouse across paragraphs, with annotations painted behind it.
//!
//! egui's `TextEdit` and `Label` lay out their whole text every frame and do
//! not report a selection that spans paragraphs, so the reader does its own:
//! only visible blocks are laid out (see [`layout`]), the selection is a range
//! of document chars, and hit-testing goes through the galleys of the blocks
//! under the pointer. Frame cost depends on what is on screen, not on the
//! length of the text.

pub mod geometry;
mod layout;
mod paint;

use egui::{FontFamily, Id, Pos2, Rect, Sense, Ui, pos2, vec2};

pub use layout::Span;
use layout::{Layout, LayoutKey};
pub use paint::Marks;

use crate::document::{CharPos, CharRange, Document, words};
use crate::ui::command::Intent;
use crate::ui::derived::Derived;
use crate::ui::theme;
use crate::workspace::Workspace;

/// Extra height laid out above and below the viewport, so that scrolling
/// a little never meets a block laid out for the first time.
const OVERSCAN: f32 = 400.0;
/// Extra scroll speed when a drag leaves the viewport.
const AUTOSCROLL_EDGE: f32 = 24.0;
/// Where a revealed passage lands, in reading-font sizes below the top: a
/// little of the text before it stays in view.
const REVEAL_BELOW_TOP: f32 = 3.0;

/// A dragged range as the selection shows it: widened to whole words unless
/// `exact` (Alt held).
fn snap(doc: &Document, range: CharRange, exact: bool) -> CharRange {
    if exact {
        range
    } else {
        words::snap(doc, range)
    }
}

/// What the reader needs to know to draw.
pub struct ReaderInput<'a> {
    /// The workspace shown.
    pub ws: &'a Workspace,
    /// Its derived facts.
    pub derived: &'a Derived,
    /// Section or whole text.
    pub span: Span,
    /// Reading-font size.
    pub font_size: f32,
    /// Reading-font family.
    pub family: FontFamily,
    /// What to paint besides the text.
    pub marks: Marks<'a>,
}

/// The reading column's state between frames.
pub struct ReaderView {
    layout: Layout,
    /// Cached galleys are laid out again when egui clears its font atlas.
    atlas: crate::ui::widgets::AtlasWatch,
    /// Where a drag started, in document chars.
    anchor: Option<usize>,
    /// A range to bring into view on the next frame.
    reveal: Option<CharRange>,
    /// A scroll offset to apply on the next frame.
    scroll_to: Option<f32>,
    /// Screen position of the column's top-left in the last frame.
    origin: Option<Pos2>,
    /// The viewport in column coordinates in the last frame.
    viewport: Rect,
    last_span: Option<Span>,
    /// The section the user scrolled to, by wheel, scroll bar or a drag past
    /// the edge, until the app takes it ([`ReaderView::scrolled_to_section`]).
    scrolled: Option<usize>,
}

impl Default for ReaderView {
    fn default() -> Self {
        Self {
            layout: Layout::default(),
            atlas: crate::ui::widgets::AtlasWatch::default(),
            anchor: None,
            reveal: None,
            scroll_to: None,
            origin: None,
            viewport: Rect::NOTHING,
            last_span: None,
            scrolled: None,
        }
    }
}

impl ReaderView {
    /// Brings `range` into view on the next frame.
    pub fn reveal(&mut self, range: CharRange) {
        self.reveal = Some(range);
    }

    /// Where document char `pos` was drawn in the last frame, if it was.
    /// Tests use this to drag over a passage as a user would.
    #[must_use]
    pub fn char_rect(&self, pos: impl Into<CharPos>) -> Option<Rect> {
        let pos = pos.into();
        let origin = self.origin?;
        let i = self.layout.block_of_char(pos)?;
        let block = self.layout.blocks().get(i)?;
        if !(block.range.start..=block.range.end).contains(&pos.get()) {
            return None;
        }
        let galley = self.layout.cached(i)?;
        let caret = geometry::caret(galley, pos.get() - block.range.start);
        Some(caret.translate(origin.to_vec2() + vec2(0.0, self.layout.top(i))))
    }

    /// The section being read: the one at the reading line, a little below
    /// the viewport's top (where a revealed section starts). Over the last
    /// screen of the text the line moves down to the bottom, so that short
    /// sections at the end each become current in turn as the user scrolls.
    #[must_use]
    pub fn section_in_view(&self) -> Option<usize> {
        let top = self.viewport.top();
        let height = self.viewport.height();
        let line = (REVEAL_BELOW_TOP + 1.0) * self.layout.font_size();
        let remaining = (self.layout.total_height() - self.viewport.bottom()).max(0.0);
        let near_end = if height > line {
            1.0 - (remaining / (height - line)).min(1.0)
        } else {
            0.0
        };
        let y = top + line + (height - line) * near_end - 1.0;
        let i = self.layout.block_at(y.max(top));
        self.layout.blocks().get(i).map(|b| b.section)
    }

    /// The document char at the reading line (where a revealed passage
    /// lands), to come back to the same place later.
    #[must_use]
    pub fn reading_char(&self) -> Option<usize> {
        if self.viewport == Rect::NOTHING {
            return None;
        }
        // Just below the line, so that a row starting on it counts.
        let y = self.viewport.top() + REVEAL_BELOW_TOP * self.layout.font_size() + 1.0;
        let i = self.layout.block_at(y);
        let block = self.layout.blocks().get(i)?;
        let Some(galley) = self.layout.cached(i) else {
            return Some(block.range.start);
        };
        let local_y = y - self.layout.top(i);
        if local_y >= galley.size().y {
            // In the gap after the block: the next one is what comes.
            let next = self.layout.blocks().get(i + 1).unwrap_or(block);
            return Some(next.range.start);
        }
        // The start of the row at the line: revealing it puts it back there.
        let local = geometry::char_at(galley, pos2(0.0, local_y)).min(block.range.len());
        Some(block.range.start + local)
    }

    /// True when the start of `range` was on screen in the last frame.
    #[must_use]
    pub fn shows(&self, range: CharRange) -> bool {
        let (Some(origin), Some(rect)) = (self.origin, self.char_rect(range.start)) else {
            return false;
        };
        let visible = self.viewport.translate(origin.to_vec2());
        visible.contains(rect.center())
    }

    /// True while the mouse is down in a drag over the text.
    #[must_use]
    pub fn dragging(&self) -> bool {
        self.anchor.is_some()
    }

    /// The section the user scrolled to since the last call, if they
    /// scrolled (not when the app revealed a place): the app follows it.
    pub fn scrolled_to_section(&mut self) -> Option<usize> {
        self.scrolled.take()
    }

    /// Draws the column and returns what the user asked for.
    #[must_use = "the intents are what the user asked for"]
    pub fn ui(&mut self, ui: &mut Ui, input: &ReaderInput<'_>) -> Vec<Intent> {
        let mut intents = Vec::new();
        let doc = input.ws.document();
        let available = ui.available_width();
        let margin = theme::margin(input.font_size);
        let width = theme::column_width(input.font_size, available).round();
        let key = LayoutKey {
            document: doc.hash().to_owned(),
            span: input.span,
            width,
            font_size: input.font_size,
            family: input.family.clone(),
            pixels_per_point: ui.ctx().pixels_per_point(),
        };
        let span_changed = self.last_span != Some(input.span);
        self.last_span = Some(input.span);
        // A drag ends with the button: also when the release went elsewhere
        // (another section's scroll area, a window that took the pointer).
        if span_changed || !ui.input(|i| i.pointer.any_down()) {
            self.anchor = None;
        }
        if self.atlas.cleared(ui.ctx()) {
            self.layout.forget_galleys();
        }
        // Where the reader is, before a new width or font size moves the text:
        // the same passage stays at the reading line.
        let reading = (!span_changed).then(|| self.reading_char()).flatten();
        if self.layout.ensure(key, doc, ui.painter())
            && self.reveal.is_none()
            && let Some(at) = reading
        {
            self.reveal = Some(CharRange::new(at, at));
        }
        if span_changed && self.reveal.is_none() {
            self.scroll_to = Some(0.0);
        }
        if let Some(range) = self.reveal.take() {
            self.scroll_to = Some(self.y_of(CharPos(range.start), doc, ui.painter()).max(0.0));
        }

        let mut area = egui::ScrollArea::vertical()
            .id_salt(("reader", input.span))
            .auto_shrink(false);
        let programmatic = self.scroll_to.is_some();
        if let Some(y) = self.scroll_to.take() {
            area = area.vertical_scroll_offset(y);
        }
        let before = self.viewport;
        let output = area.show_viewport(ui, |ui, viewport| {
            self.column_ui(ui, viewport, input, width, margin, &mut intents);
        });
        self.viewport = Rect::from_min_size(
            pos2(0.0, output.state.clamped_offset().y),
            output.inner_rect.size(),
        );
        // A place the user scrolled to by hand makes its section current; a
        // place the app revealed (a section, a hit) keeps the one asked for,
        // even where the end of the text leaves it below the reading line.
        let moved = before != Rect::NOTHING && (self.viewport.top() - before.top()).abs() > 0.5;
        if moved && !programmatic && !span_changed && input.span == Span::All {
            self.scrolled = self.section_in_view();
            if self.scrolled.is_some() {
                ui.ctx().request_repaint();
            }
        }
        intents
    }

    /// The column y of document char `pos` (its block's top, or its row when laid out).
    fn y_of(
        &mut self,
        pos: CharPos,
        doc: &crate::document::Document,
        painter: &egui::Painter,
    ) -> f32 {
        let Some(i) = self.layout.block_of_char(pos) else {
            return 0.0;
        };
        let (galley, _) = self.layout.galley(i, doc, painter);
        let local = pos
            .get()
            .saturating_sub(self.layout.blocks()[i].range.start);
        let row_y = geometry::caret(&galley, local).top();
        // Leave a little of the text before it in view.
        self.layout.top(i) + row_y - REVEAL_BELOW_TOP * self.layout.font_size()
    }

    #[allow(clippy::too_many_lines)]
    fn column_ui(
        &mut self,
        ui: &mut Ui,
        viewport: Rect,
        input: &ReaderInput<'_>,
        width: f32,
        margin: f32,
        intents: &mut Vec<Intent>,
    ) {
        let doc = input.ws.document();
        let full_width = ui.available_width();
        let total = self.layout.total_height();
        let (rect, response) = ui.allocate_exact_size(
            vec2(full_width, total.max(viewport.height())),
            Sense::click_and_drag(),
        );
        let x = rect.left() + ((full_width - width) / 2.0).max(margin);
        let origin = pos2(x, rect.top());
        self.origin = Some(origin);
        let painter = ui.painter_at(rect.intersect(ui.clip_rect()));
        let visuals = ui.visuals().clone();
        let gutter_x = x - 8.0;
        let marker_x = x + width + margin * 0.45;

        if self.layout.blocks().is_empty() {
            ui.put(rect, egui::Label::new(crate::i18n::tr().empty_view));
            return;
        }

        // Lay out and paint what is visible. A block that starts above the
        // viewport and changes height shifts everything under it: scroll by
        // the same amount so the text in view stays put.
        let first = self.layout.block_at(viewport.top() - OVERSCAN);
        let mut shift = 0.0;
        let mut markers = Vec::new();
        let mut i = first;
        while i < self.layout.blocks().len() && self.layout.top(i) < viewport.bottom() + OVERSCAN {
            let top_before = self.layout.top(i);
            let (galley, delta) = self.layout.galley(i, doc, ui.painter());
            if delta != 0.0 && top_before + galley.size().y < viewport.top() {
                shift += delta;
            }
            let block = self.layout.blocks()[i].clone();
            let block_origin = origin + vec2(0.0, self.layout.top(i));
            let block_rect = Rect::from_min_size(block_origin, galley.size());
            if block_rect.bottom() >= ui.clip_rect().top() - OVERSCAN
                && block_rect.top() <= ui.clip_rect().bottom() + OVERSCAN
            {
                markers.extend(paint::marks_under(
                    &painter,
                    &galley,
                    block_origin,
                    block.range,
                    &input.marks,
                    &visuals,
                    gutter_x,
                    marker_x,
                ));
                let colour = theme::block_colour(&visuals, block.heading.is_some(), block.role);
                painter.galley(block_origin, galley.clone(), colour);
                paint::mentions_over(&painter, &galley, block_origin, block.range, &input.marks);
                // Each visible paragraph is a node for screen readers and tests.
                let text_id = Id::unique(("reader-block", block.range.start));
                let text_response = ui.interact(block_rect, text_id, Sense::hover());
                let heading = block.heading.is_some();
                // Only called when accessibility output is on: no copy of
                // the paragraph per frame otherwise.
                text_response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        if heading {
                            egui::Role::Heading
                        } else {
                            egui::Role::Paragraph
                        },
                        true,
                        doc.slice(block.range),
                    )
                });
            }
            i += 1;
        }
        if shift != 0.0 {
            self.scroll_to = Some(viewport.top() + shift);
            ui.ctx().request_repaint();
        }
        if total != self.layout.total_height() {
            ui.ctx().request_repaint();
        }

        self.interact(ui, &response, origin, viewport, input, &markers, intents);
    }

    /// The document char under a screen position, snapped into the nearest block.
    fn char_at(
        &mut self,
        pos: Pos2,
        origin: Pos2,
        doc: &crate::document::Document,
        painter: &egui::Painter,
    ) -> usize {
        let y = pos.y - origin.y;
        let i = self.layout.block_at(y);
        let (galley, _) = self.layout.galley(i, doc, painter);
        let block = &self.layout.blocks()[i];
        let local_pos = pos - origin - vec2(0.0, self.layout.top(i));
        // Below the block's text (in the gap to the next): its end.
        let local = if local_pos.y > galley.size().y {
            block.range.len()
        } else {
            geometry::char_at(&galley, local_pos.to_pos2()).min(block.range.len())
        };
        block.range.start + local
    }

    #[allow(clippy::too_many_arguments)]
    fn interact(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        origin: Pos2,
        viewport: Rect,
        input: &ReaderInput<'_>,
        markers: &[paint::Marker],
        intents: &mut Vec<Intent>,
    ) {
        let doc = input.ws.document();
        let annotations = &input.ws.session().annotations;
        let pointer = ui.input(|i| i.pointer.interact_pos());
        let shift_held = ui.input(|i| i.modifiers.shift);
        // Alt held: exact characters, not whole words.
        let exact = ui.input(|i| i.modifiers.alt);

        // A note marker under the pointer: show the note; a click focuses it.
        if let Some(pos) = ui.input(|i| i.pointer.hover_pos())
            && let Some(marker) = markers.iter().find(|m| m.rect.expand(3.0).contains(pos))
        {
            let annotation = &annotations[marker.index];
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                Id::unique("note-marker"),
                egui::PopupAnchor::Pointer,
            )
            .show(|ui| {
                ui.set_max_width(320.0);
                ui.label(&annotation.note);
            });
            if response.clicked() {
                intents.push(Intent::Focus(annotation.id.clone()));
                return;
            }
        }

        if response.drag_started()
            && let Some(press) = ui.input(|i| i.pointer.press_origin())
        {
            let at = self.char_at(press, origin, doc, ui.painter());
            self.anchor = Some(match input.marks.selection {
                Some(sel) if shift_held => {
                    if at < sel.start {
                        sel.end
                    } else {
                        sel.start
                    }
                }
                _ => at,
            });
        }
        if response.dragged()
            && let (Some(anchor), Some(pos)) = (self.anchor, pointer)
        {
            let head = self.char_at(pos, origin, doc, ui.painter());
            let range = snap(doc, CharRange::new(anchor, head), exact);
            intents.push(Intent::Select((!range.is_empty()).then_some(range)));
            // Keep scrolling while the pointer is held beyond the top or
            // bottom edge, as long as there is text that way.
            let screen_top = origin.y + viewport.top();
            let screen_bottom = origin.y + viewport.bottom();
            let room_above = viewport.top() > 0.0;
            let room_below = viewport.bottom() < self.layout.total_height();
            let speed = if pos.y < screen_top && room_above {
                (screen_top - pos.y + AUTOSCROLL_EDGE).min(40.0)
            } else if pos.y > screen_bottom && room_below {
                -(pos.y - screen_bottom + AUTOSCROLL_EDGE).min(40.0)
            } else {
                0.0
            };
            if speed != 0.0 {
                ui.scroll_with_delta(vec2(0.0, speed));
                ui.ctx().request_repaint();
            }
        }
        if response.drag_stopped() {
            self.anchor = None;
        }

        if let Some(pos) = response.interact_pointer_pos().filter(|_| {
            response.clicked() || response.double_clicked() || response.triple_clicked()
        }) {
            let at = self.char_at(pos, origin, doc, ui.painter());
            let index = self.layout.block_of_char(CharPos(at));
            let block = index.map(|i| self.layout.blocks()[i].range);
            if response.triple_clicked() {
                // The whole paragraph, even one laid out in pieces.
                intents.push(Intent::Select(
                    index.and_then(|i| self.layout.paragraph_of(i)),
                ));
            } else if response.double_clicked() {
                if let Some(block) = block {
                    let word = words::word_at(doc, at.min(block.end.saturating_sub(1)));
                    intents.push(Intent::Select(word.intersect(block)));
                }
            } else if shift_held && let Some(sel) = input.marks.selection {
                let anchor = if at < sel.start { sel.end } else { sel.start };
                intents.push(Intent::Select(Some(snap(
                    doc,
                    CharRange::new(anchor, at),
                    exact,
                ))));
            } else {
                // A click on a highlight focuses the innermost annotation there.
                let innermost = input
                    .derived
                    .overlapping(CharRange::new(at, at + 1))
                    .filter(|p| p.range.contains(at))
                    .min_by_key(|p| p.range.len());
                intents.push(Intent::Select(None));
                match innermost {
                    Some(p) => intents.push(Intent::Focus(annotations[p.index].id.clone())),
                    None => intents.push(Intent::Unfocus),
                }
            }
        }

        // Hovering a highlight shows what it says.
        if response.hovered()
            && self.anchor.is_none()
            && let Some(pos) = ui.input(|i| i.pointer.hover_pos())
        {
            let at = self.char_at(pos, origin, doc, ui.painter());
            // Not the focused annotation: the toolbar beside it shows all it
            // says, and a card over the toolbar would hide its buttons.
            let focus = input.marks.focus;
            let mut here: Vec<_> = input
                .derived
                .overlapping(CharRange::new(at, at + 1))
                .filter(|p| p.range.contains(at))
                .filter(|p| focus != Some(&annotations[p.index].id))
                .collect();
            here.sort_by_key(|p| p.range.len());
            if !here.is_empty() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                egui::Tooltip::always_open(
                    ui.ctx().clone(),
                    ui.layer_id(),
                    Id::unique("highlight-hover"),
                    egui::PopupAnchor::Pointer,
                )
                .show(|ui| {
                    ui.set_max_width(340.0);
                    for p in here.iter().take(3) {
                        super::widgets::annotation_summary(
                            ui,
                            input.ws.session(),
                            &annotations[p.index],
                        );
                    }
                });
            } else {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
            }
        }
    }
}
