//! Small widgets several panels share: colour swatches, actor chips,
//! annotation summaries.

use egui::{Color32, CornerRadius, Response, Sense, Stroke, Ui, vec2};

use crate::actors::Actor;
use crate::annotation::{Annotation, Colour, Session};
use crate::i18n::{fill, tr};
use crate::ui::theme;

/// A colour button: filled square, ringed when selected, with its name,
/// meaning and key as tooltip. Its accessible label is `label`, or the
/// colour's name.
pub fn colour_swatch(
    ui: &mut Ui,
    colour: Colour,
    selected: bool,
    meaning: &str,
    label: Option<&str>,
) -> Response {
    let size = vec2(22.0, 22.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let painter = ui.painter();
    painter.rect_filled(
        rect.shrink(2.0),
        CornerRadius::same(4),
        theme::solid(colour),
    );
    let ring = if selected {
        Stroke::new(2.0, ui.visuals().strong_text_color())
    } else if response.hovered() {
        Stroke::new(1.0, ui.visuals().text_color())
    } else {
        Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color)
    };
    painter.rect_stroke(
        rect.shrink(1.0),
        CornerRadius::same(5),
        ring,
        egui::StrokeKind::Inside,
    );
    let name = colour.name();
    let label = label.unwrap_or(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    response.on_hover_text(fill(
        tr().colour_tooltip,
        &[
            ("name", &name),
            ("meaning", &meaning),
            ("key", &colour.key()),
        ],
    ))
}

/// An actor's name with its colour dot; `removable` adds a "×" that reports
/// a click on the second response.
///
/// One widget of a size known before it is placed (not a frame around a
/// row of widgets), so that a wrapped row of chips wraps instead of running
/// past its edge and widening the panel or toolbar it is in.
pub fn actor_chip(ui: &mut Ui, actor: &Actor, removable: bool) -> (Response, Option<Response>) {
    let small = egui::TextStyle::Small.resolve(ui.style());
    let text_colour = ui.visuals().text_color();
    let pad = vec2(6.0, 2.0);
    let dot = 8.0;
    let gap = 4.0;
    let x_size = if removable { small.size + 2.0 } else { 0.0 };
    // The name cut to what fits on a row of its own.
    let fixed = 2.0 * pad.x + dot + gap + if removable { gap + x_size } else { 0.0 };
    let mut job = egui::text::LayoutJob::simple_singleline(actor.name.clone(), small, text_colour);
    job.wrap =
        egui::text::TextWrapping::truncate_at_width((ui.available_width() - fixed).max(24.0));
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let size = vec2(
        fixed + galley.size().x,
        galley.size().y.max(dot) + 2.0 * pad.y,
    );
    // Hover only: a chip is a label unless the caller makes it a button
    // (the dossier's passages and the toolbar's suggestions are clicked
    // through their own responses).
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &actor.name));
    let remove = removable.then(|| {
        let x_rect = egui::Rect::from_min_size(
            egui::pos2(rect.right() - pad.x - x_size, rect.top()),
            vec2(x_size, rect.height()),
        );
        let label = fill(tr().remove_actor_tooltip, &[("name", &actor.name)]);
        let x = ui
            .interact(x_rect, response.id.with("remove"), Sense::click())
            .on_hover_text(&label);
        x.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        x
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect(
            rect,
            CornerRadius::same(9),
            ui.visuals().faint_bg_color,
            Stroke::new(1.0, theme::actor_colour(actor.colour).gamma_multiply(0.7)),
            egui::StrokeKind::Inside,
        );
        let centre_y = rect.center().y;
        painter.circle_filled(
            egui::pos2(rect.left() + pad.x + dot / 2.0, centre_y),
            dot / 2.0,
            theme::actor_colour(actor.colour),
        );
        let text_x = rect.left() + pad.x + dot + gap;
        painter.galley(
            egui::pos2(text_x, centre_y - galley.size().y / 2.0),
            galley,
            text_colour,
        );
        if let Some(x) = &remove {
            let colour = if x.hovered() {
                ui.visuals().strong_text_color()
            } else {
                ui.visuals().weak_text_color()
            };
            painter.text(
                x.rect.center(),
                egui::Align2::CENTER_CENTER,
                "×",
                egui::TextStyle::Small.resolve(ui.style()),
                colour,
            );
        }
    }
    (response, remove)
}

/// True when a single-line `field` was left with Enter. The key press is
/// taken: a key acts once. (Left in the input, the same Enter that submitted
/// a path also closed the error dialog the submission opened, in the same
/// frame, and the user saw nothing.)
pub fn submitted(ui: &Ui, field: &Response) -> bool {
    field.lost_focus() && take_key(ui.ctx(), egui::Key::Enter)
}

/// True when `key` was pressed this frame (with any Shift or Alt); the press
/// is taken, so no other handler acts on it too.
pub fn take_key(ctx: &egui::Context, key: egui::Key) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
}

/// The first `max` chars of `text`, on one line, with an ellipsis if cut.
#[must_use]
pub fn excerpt(text: &str, max: usize) -> String {
    crate::export::excerpt(text, max)
}

/// Notices when the galleys egui laid out before can no longer be painted:
/// when it clears its font atlas (at 80 % full), and when it builds its fonts
/// anew (new font options, or a system font found for a glyph the bundled
/// fonts lack). Galleys kept across frames then point at glyph bitmaps that
/// are gone, and must be laid out again.
///
/// egui drops its own galley cache on each of these events and keeps, from
/// one pass to the next, what was asked for in the last one. So a tiny galley
/// asked for in every pass comes back as the same `Arc` until the atlas is
/// gone. (Watching the atlas's fill ratio fall misses a rebuild that filled
/// the new atlas past the old level before the check.)
#[derive(Default)]
pub struct AtlasWatch {
    sentinel: Option<std::sync::Arc<egui::Galley>>,
}

impl AtlasWatch {
    /// True once after each loss of the atlas.
    pub fn cleared(&mut self, ctx: &egui::Context) -> bool {
        let now = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                "Randnotiz".to_owned(),
                egui::FontId::proportional(9.0),
                Color32::PLACEHOLDER,
            )
        });
        let cleared = self
            .sentinel
            .as_ref()
            .is_some_and(|before| !std::sync::Arc::ptr_eq(before, &now));
        self.sentinel = Some(now);
        cleared
    }
}

/// A compact view of an annotation: colour bar, quote, actors, note.
pub fn annotation_summary(ui: &mut Ui, session: &Session, annotation: &Annotation) {
    annotation_view(ui, session, annotation, true);
}

/// An annotation's actors, note and colour meaning, with or without its quote.
pub fn annotation_view(ui: &mut Ui, session: &Session, annotation: &Annotation, with_quote: bool) {
    ui.horizontal_top(|ui| {
        let (bar, _) = ui.allocate_exact_size(vec2(4.0, 36.0), Sense::hover());
        ui.painter()
            .rect_filled(bar, CornerRadius::same(2), theme::solid(annotation.colour));
        ui.vertical(|ui| {
            if with_quote {
                ui.label(
                    egui::RichText::new(format!("„{}“", excerpt(annotation.quote(), 140)))
                        .italics(),
                );
            }
            let actors: Vec<&Actor> = annotation
                .actors
                .iter()
                .filter_map(|id| session.actor(id))
                .collect();
            if !actors.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    for actor in actors {
                        actor_chip(ui, actor, false);
                    }
                });
            }
            if !annotation.note.trim().is_empty() {
                ui.label(&annotation.note);
            }
            ui.label(
                egui::RichText::new(format!(
                    "{} · {}",
                    annotation.colour.name(),
                    session.meaning(annotation.colour)
                ))
                .small()
                .weak(),
            );
        });
    });
}

/// A small coloured label: "verschoben", "verwaist".
pub fn badge(ui: &mut Ui, text: &str, colour: Color32) -> Response {
    egui::Frame::new()
        .stroke(Stroke::new(1.0, colour))
        .corner_radius(CornerRadius::same(4))
        .inner_margin(egui::Margin::symmetric(4, 0))
        .show(ui, |ui| {
            ui.label(egui::RichText::new(text).small().color(colour))
        })
        .inner
}

/// A row of a side list (an actor, a section): an optional colour dot, the
/// text cut to the width, and a weak right-aligned `trailing` text; behaves
/// like a selectable label, and `label` names it for screen readers. Painted
/// directly: built of nested widgets, a row cost three microseconds, and
/// these lists are drawn in every frame.
pub fn list_row(
    ui: &mut Ui,
    selected: bool,
    dot: Option<Color32>,
    text: &str,
    trailing: &str,
    label: impl Fn() -> String,
) -> Response {
    let (rect, response) = ui.allocate_exact_size(list_row_size(ui), Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, label()));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, selected);
    let painter = ui.painter();
    if selected || response.hovered() || response.has_focus() {
        painter.rect(
            rect,
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    let padding = ui.spacing().button_padding.x;
    let gap = ui.spacing().item_spacing.x;
    let mut left = rect.left() + padding;
    if let Some(colour) = dot {
        painter.circle_filled(egui::pos2(left + 5.0, rect.center().y), 5.0, colour);
        left += 10.0 + gap;
    }
    let mut right = rect.right() - padding;
    if !trailing.is_empty() {
        let weak = ui.visuals().weak_text_color();
        let small = egui::TextStyle::Small.resolve(ui.style());
        let galley = painter.layout_no_wrap(trailing.to_owned(), small, weak);
        right -= galley.size().x;
        painter.galley(
            egui::pos2(right, rect.center().y - galley.size().y / 2.0),
            galley,
            weak,
        );
        right -= gap;
    }
    let mut job = egui::text::LayoutJob::single_section(
        text.to_owned(),
        egui::TextFormat::simple(
            egui::TextStyle::Button.resolve(ui.style()),
            visuals.text_color(),
        ),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width((right - left).max(0.0));
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    painter.galley(
        egui::pos2(left, rect.center().y - galley.size().y / 2.0),
        galley,
        visuals.text_color(),
    );
    response
}

/// The size of a [`list_row`]: the full width, one button high.
pub fn list_row_size(ui: &Ui) -> egui::Vec2 {
    vec2(ui.available_width(), ui.spacing().interact_size.y)
}

#[cfg(test)]
mod tests {
    use super::AtlasWatch;

    /// One pass that lays out some text (as the panels left of the reader
    /// do), asks `watch`, then fills the atlas past 80 % if `fill`.
    fn pass(ctx: &egui::Context, watch: &mut AtlasWatch, fill: bool) -> bool {
        let mut cleared = false;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.label("Gliederung, Akteure: OVKS, Tokajew, Russland");
            cleared = watch.cleared(ui.ctx());
            let mut size = 60.0;
            #[allow(
                clippy::redundant_closure_for_method_calls,
                reason = "the method path is not general enough over FontsView's lifetime"
            )]
            let fill_ratio = || ui.ctx().fonts(|f| f.font_atlas_fill_ratio());
            while fill && fill_ratio() < 0.85 {
                let _ = ui.painter().layout_no_wrap(
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüß".to_owned(),
                    egui::FontId::proportional(size),
                    egui::Color32::PLACEHOLDER,
                );
                size += 7.0;
            }
        });
        output.textures_delta.clear(); // no renderer to hand the atlas to
        cleared
    }

    #[test]
    fn notices_new_fonts_and_a_full_atlas_once() {
        let ctx = egui::Context::default();
        let mut watch = AtlasWatch::default();
        assert!(!pass(&ctx, &mut watch, false));
        assert!(!pass(&ctx, &mut watch, false), "nothing happened");

        // Fonts built anew (what a system font found for a missing glyph does).
        let mut fonts = egui::FontDefinitions::default();
        let proportional = fonts.families[&egui::FontFamily::Proportional].clone();
        fonts
            .families
            .insert(egui::FontFamily::Name("Zitat".into()), proportional);
        ctx.set_fonts(fonts);
        assert!(pass(&ctx, &mut watch, false));
        assert!(!pass(&ctx, &mut watch, false), "told only once");

        // The atlas filled past 80 %: egui clears it at the next pass.
        assert!(!pass(&ctx, &mut watch, true));
        assert!(pass(&ctx, &mut watch, false));
        assert!(!pass(&ctx, &mut watch, false));
    }
}
