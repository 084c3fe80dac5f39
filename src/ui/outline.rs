//! The outline: the article's sections with how many annotations each holds.

use egui::{RichText, Ui};

use crate::document::Document;
use crate::i18n::{fill, tr};
use crate::ui::command::{Action, Intent};
use crate::ui::derived::Derived;

/// Draws the outline; `current` is the section shown (or in view).
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
    for (i, section) in doc.sections().iter().enumerate() {
        let count = derived.section_counts.get(i).copied().unwrap_or(0);
        let label = section.label();
        let text = if count > 0 {
            RichText::new(format!("{label}  ({count})"))
        } else {
            RichText::new(label)
        };
        let response = ui.selectable_label(i == current, text).on_hover_text(fill(
            t.outline_tooltip,
            &[("n", &section.paragraphs.len()), ("count", &count)],
        ));
        if response.clicked() {
            intents.push(Intent::GoToSection(i));
        }
    }
    let mut whole = continuous;
    if ui
        .checkbox(&mut whole, Action::ToggleContinuous.label())
        .on_hover_text(
            ui.ctx()
                .format_shortcut(&Action::ToggleContinuous.shortcuts()[0]),
        )
        .changed()
    {
        intents.push(Intent::Action(Action::ToggleContinuous));
    }
    intents
}
