//! The outline: the article's sections with how many annotations each holds.

use egui::Ui;

use crate::document::Document;
use crate::i18n::{fill, tr};
use crate::ui::command::{Action, Intent};
use crate::ui::derived::Derived;
use crate::ui::widgets;

/// Draws the outline; `current` is the section shown (or in view).
#[must_use = "the intents are what the user asked for"]
pub fn ui(
    ui: &mut Ui,
    doc: &Document,
    derived: &Derived,
    current: usize,
    continuous: bool,
) -> Vec<Intent> {
    let t = tr();
    let mut intents = Vec::new();
    ui.heading(t.outline_title);
    // Only the rows in view are built: a book can have hundreds of sections.
    let sections = doc.sections();
    let row = widgets::list_row_size(ui).y + ui.spacing().item_spacing.y;
    let top = ui.cursor().top();
    let clip = ui.clip_rect();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let first = (((clip.top() - top) / row).floor().max(0.0) as usize).min(sections.len());
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let end =
        (((clip.bottom() - top) / row).ceil().max(0.0) as usize + 1).clamp(first, sections.len());
    #[allow(clippy::cast_precision_loss)]
    ui.add_space(first as f32 * row);
    for (i, section) in sections.iter().enumerate().take(end).skip(first) {
        let count = derived.section_counts.get(i).copied().unwrap_or(0);
        let label = doc.section_label(section);
        let label = label.as_ref();
        let trailing = if count > 0 {
            count.to_string()
        } else {
            String::new()
        };
        let response = widgets::list_row(ui, i == current, None, label, &trailing, || {
            if count > 0 {
                format!("{label}  ({count})")
            } else {
                label.to_string()
            }
        });
        let response = response.on_hover_ui(|ui| {
            // The whole heading: the row cuts a long one to the panel's width.
            ui.label(egui::RichText::new(label).strong());
            ui.label(fill(
                t.outline_tooltip,
                &[("n", &section.paragraphs.len()), ("count", &count)],
            ));
        });
        if response.clicked() {
            intents.push(Intent::GoToSection(i));
        }
    }
    #[allow(clippy::cast_precision_loss)]
    ui.add_space((sections.len() - end) as f32 * row);
    let mut whole = continuous;
    if ui
        .checkbox(&mut whole, Action::ToggleContinuous.label())
        .on_hover_text(Action::ToggleContinuous.hover_text(ui.ctx()))
        .changed()
    {
        intents.push(Intent::Action(Action::ToggleContinuous));
    }
    intents
}
