//! The document list's rows: two lines each, laid out once and kept, the
//! rows in view painted as one mesh.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{RichText, Ui};

use super::{ListIntent, ProjectState};
use crate::i18n::{fill, tr_co};

/// What the rows' galleys were laid out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RowsDrawn {
    pub(super) revision: u64,
    pub(super) texts: u64,
    pub(super) width: u32,
    pub(super) dark: bool,
    pub(super) current: Option<usize>,
}

/// A row's two lines, laid out, and what its tooltip says of a missing or
/// changed text.
#[derive(Clone)]
struct RowText {
    title: Arc<egui::Galley>,
    second: Arc<egui::Galley>,
    problem: Option<String>,
}

/// The rows' laid-out text, kept while the list is unchanged.
#[derive(Default)]
pub(super) struct RowCache {
    drawn: Option<RowsDrawn>,
    rows: HashMap<usize, RowText>,
    atlas: crate::ui::widgets::AtlasWatch,
    /// The text of the rows last drawn, tessellated, and what of.
    mesh: Option<(MeshKey, Arc<egui::Mesh>)>,
}

/// A galley, where it goes, its colour.
pub(super) type PlacedText = (egui::Pos2, Arc<egui::Galley>, egui::Color32);

/// What a text mesh was made of: for each galley its place, its colour and
/// the galley itself (by address); and the font atlas's size and the
/// scale, which its texture coordinates depend on.
#[derive(Clone, PartialEq)]
struct MeshKey {
    placed: Vec<([u32; 2], egui::Color32, usize)>,
    atlas: [usize; 2],
    pixels_per_point: u32,
}

impl RowCache {
    /// The visible rows' text as one mesh, made anew only when a row, its
    /// place or the font atlas changed: tessellating two thousand glyphs
    /// anew in every frame took a tenth of an idle frame.
    pub(super) fn mesh(&mut self, ctx: &egui::Context, text: Vec<PlacedText>) -> Arc<egui::Mesh> {
        let key = MeshKey {
            placed: text
                .iter()
                .map(|(pos, galley, colour)| {
                    (
                        [pos.x.to_bits(), pos.y.to_bits()],
                        *colour,
                        Arc::as_ptr(galley) as usize,
                    )
                })
                .collect(),
            #[allow(clippy::redundant_closure_for_method_calls)] // the path is not general enough
            atlas: ctx.fonts(|f| f.font_image_size()),
            pixels_per_point: ctx.pixels_per_point().to_bits(),
        };
        if let Some((made_for, mesh)) = &self.mesh
            && *made_for == key
        {
            return Arc::clone(mesh);
        }
        let options = ctx.tessellation_options(|o| *o);
        let mut tessellator =
            egui::epaint::Tessellator::new(ctx.pixels_per_point(), options, key.atlas, Vec::new());
        let mut mesh = egui::Mesh::default();
        for (pos, galley, colour) in text {
            tessellator.tessellate_shape(egui::Shape::galley(pos, galley, colour), &mut mesh);
        }
        let mesh = Arc::new(mesh);
        self.mesh = Some((key, Arc::clone(&mesh)));
        mesh
    }

    /// Starts drawing rows for `key`: what was laid out for another key,
    /// or before egui lost its font atlas, is laid out again.
    pub(super) fn begin(&mut self, ctx: &egui::Context, key: RowsDrawn) {
        // A long scroll through a large project leaves at most this many.
        const KEPT: usize = 512;
        if self.atlas.cleared(ctx) || self.drawn != Some(key) || self.rows.len() > KEPT {
            self.rows.clear();
            self.mesh = None;
            self.drawn = Some(key);
        }
    }
}

impl ProjectState {
    /// One row: title, and date · outlet · author · length · annotations ·
    /// attributes below, from galleys kept while the project, the texts'
    /// states, the width and the current document stay as they are; the
    /// text is pushed onto `text`, to be painted with the other rows'.
    /// (As widgets, a screenful of rows took more of an idle frame than the
    /// whole reader beside them.)
    pub(super) fn row_ui(
        &mut self,
        ui: &mut Ui,
        index: usize,
        height: f32,
        text: &mut Vec<PlacedText>,
    ) -> Option<ListIntent> {
        let width = ui.available_width();
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
        let selected = self.current == Some(index);
        let visuals = ui.visuals();
        if selected {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.5));
        } else if response.hovered() {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let text_rect = rect.shrink2(egui::vec2(4.0, 1.0));
        let row = match self.row_cache.rows.get(&index) {
            Some(row) => row.clone(),
            None => {
                let row = self.row_text(ui, index, text_rect.width());
                self.row_cache.rows.insert(index, row.clone());
                row
            }
        };
        let second_top = text_rect.top() + row.title.size().y + 1.0;
        text.push((
            text_rect.left_top(),
            row.title.clone(),
            visuals.text_color(),
        ));
        text.push((
            egui::pos2(text_rect.left(), second_top),
            row.second.clone(),
            visuals.weak_text_color(),
        ));
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                format!("{} — {}", row.title.text(), row.second.text()),
            )
        });
        let response = if response.hovered() {
            response.on_hover_text(row.problem.as_deref().unwrap_or(row.title.text()))
        } else {
            response
        };
        response.clicked().then_some(ListIntent::Open(index))
    }

    /// Row `index`'s two lines laid out `width` wide.
    fn row_text(&self, ui: &Ui, index: usize, width: f32) -> RowText {
        let entry = &self.project.documents()[index];
        let annotations = self.project.annotations(index).len();
        let mut second = Vec::new();
        second.push(entry.date.clone().unwrap_or_else(|| "–".to_owned()));
        second.extend(entry.outlet.clone());
        second.extend(entry.author.clone());
        second.push(fill(tr_co().n_chars, &[("n", &entry.source.chars)]));
        second.push(fill(tr_co().n_annotations, &[("n", &annotations)]));
        second.extend(entry.attributes.values().cloned());
        let problem = self.texts.get(index).and_then(|s| s.message(entry));
        let visuals = ui.visuals();
        let mut title = RichText::new(&entry.source.title);
        if self.current == Some(index) {
            title = title.strong();
        }
        if problem.is_some() {
            title = title.color(visuals.warn_fg_color);
        }
        let lay_out = |text: egui::WidgetText, style: egui::TextStyle| {
            text.into_galley(ui, Some(egui::TextWrapMode::Truncate), width, style)
        };
        RowText {
            title: lay_out(title.into(), egui::TextStyle::Body),
            second: lay_out(
                RichText::new(second.join(" · ")).small().weak().into(),
                egui::TextStyle::Small,
            ),
            problem,
        }
    }
}
