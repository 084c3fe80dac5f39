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
pub fn actor_chip(ui: &mut Ui, actor: &Actor, removable: bool) -> (Response, Option<Response>) {
    let frame = egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(Stroke::new(
            1.0,
            theme::actor_colour(actor.colour).gamma_multiply(0.7),
        ))
        .corner_radius(CornerRadius::same(9))
        .inner_margin(egui::Margin::symmetric(6, 1));
    let mut remove = None;
    let inner = frame.show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            let (dot, _) = ui.allocate_exact_size(vec2(8.0, 8.0), Sense::hover());
            ui.painter()
                .circle_filled(dot.center(), 4.0, theme::actor_colour(actor.colour));
            ui.label(egui::RichText::new(&actor.name).small());
            if removable {
                let x = ui
                    .add(egui::Button::new(egui::RichText::new("×").small()).frame(false))
                    .on_hover_text(fill(tr().remove_actor_tooltip, &[("name", &actor.name)]));
                remove = Some(x);
            }
        });
    });
    (inner.response, remove)
}

/// The first `max` chars of `text`, on one line, with an ellipsis if cut.
#[must_use]
pub fn excerpt(text: &str, max: usize) -> String {
    crate::export::excerpt(text, max)
}

/// Notices when egui has cleared its font atlas (it does when the atlas is
/// 80 % full): galleys kept across frames then point at glyph bitmaps that
/// are gone, and must be laid out again.
#[derive(Default)]
pub struct AtlasWatch {
    last: f32,
}

impl AtlasWatch {
    /// True once after each clearing of the atlas.
    pub fn cleared(&mut self, ctx: &egui::Context) -> bool {
        #[allow(
            clippy::redundant_closure_for_method_calls,
            reason = "the method path is not general enough over FontsView's lifetime"
        )]
        let now = ctx.fonts(|f| f.font_atlas_fill_ratio());
        let cleared = now < self.last;
        self.last = now;
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
