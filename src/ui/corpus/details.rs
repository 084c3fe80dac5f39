//! The document list's filters beyond the text, and the open document's
//! metadata to edit: each shown when asked for.

use egui::{RichText, Ui};

use super::{Coded, ListIntent, ProjectState};
use crate::i18n::tr_co;

impl ProjectState {
    /// How many of the filters behind the "Filter" button are set.
    pub(super) fn filters_set(&self) -> usize {
        [
            self.coded != Coded::All,
            self.outlet.is_some(),
            !self.from.trim().is_empty() || !self.to.trim().is_empty(),
            self.actor.is_some(),
        ]
        .into_iter()
        .filter(|&set| set)
        .count()
    }

    /// Coded or not, outlet, date range, actor.
    pub(super) fn filters_ui(&mut self, ui: &mut Ui) {
        let t = tr_co();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new(t.show_label).small());
            egui::ComboBox::from_id_salt("doc-coded")
                .selected_text(match self.coded {
                    Coded::All => t.coded_all,
                    Coded::Coded => t.coded_yes,
                    Coded::Uncoded => t.coded_no,
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.coded, Coded::All, t.coded_all);
                    ui.selectable_value(&mut self.coded, Coded::Coded, t.coded_yes);
                    ui.selectable_value(&mut self.coded, Coded::Uncoded, t.coded_no);
                })
                .response
                .labelled_by(label.id);
            let outlets = self.outlets();
            if !outlets.is_empty() {
                let label = ui.label(RichText::new(t.field_outlet).small());
                egui::ComboBox::from_id_salt("doc-outlet")
                    .selected_text(self.outlet.as_deref().unwrap_or(t.all_outlets))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.outlet, None, t.all_outlets);
                        for outlet in outlets {
                            let label = outlet.clone();
                            ui.selectable_value(&mut self.outlet, Some(outlet), label);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
        });
        ui.horizontal(|ui| {
            for (label, text) in [(t.date_from, &mut self.from), (t.date_to, &mut self.to)] {
                let label = ui.label(RichText::new(label).small());
                ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(t.date_hint)
                        .desired_width(82.0),
                )
                .labelled_by(label.id);
            }
        });
        let actors = &self.project.file().actors;
        if !actors.is_empty() {
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(t.with_actor).small());
                let shown = self
                    .actor
                    .as_ref()
                    .and_then(|id| actors.iter().find(|a| &a.id == id))
                    .map_or(t.all_actors, |a| a.name.as_str());
                egui::ComboBox::from_id_salt("doc-actor")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.actor, None, t.all_actors);
                        for actor in actors {
                            ui.selectable_value(
                                &mut self.actor,
                                Some(actor.id.clone()),
                                &actor.name,
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
    }

    /// The open document's metadata and attributes, editable.
    pub(super) fn details_ui(&mut self, ui: &mut Ui, index: usize) -> Vec<ListIntent> {
        let t = tr_co();
        let mut intents = Vec::new();
        if ui
            .selectable_label(self.details_open, t.edit_details)
            .on_hover_text(t.edit_details_help)
            .clicked()
        {
            self.details_open = !self.details_open;
        }
        // Fields only when asked for: the row above shows date, outlet and
        // author, and a grid of text fields costs an idle frame more than
        // the whole list.
        if !self.details_open {
            return intents;
        }
        let Some(entry) = self.project.documents().get(index).cloned() else {
            return intents;
        };
        let mut fields: Vec<(String, String, String)> = vec![
            (
                "outlet".into(),
                t.field_outlet.into(),
                entry.outlet.clone().unwrap_or_default(),
            ),
            (
                "date".into(),
                t.field_date.into(),
                entry.date.clone().unwrap_or_default(),
            ),
            (
                "author".into(),
                t.field_author.into(),
                entry.author.clone().unwrap_or_default(),
            ),
        ];
        for column in &self.project.file().attributes {
            let value = entry.attributes.get(column).cloned().unwrap_or_default();
            fields.push((column.clone(), column.clone(), value));
        }
        egui::Grid::new("doc-details")
            .num_columns(2)
            .striped(false)
            .show(ui, |ui| {
                for (key, label, value) in fields {
                    let label = ui.label(RichText::new(label).small());
                    let editing_this = self
                        .editing
                        .as_ref()
                        .is_some_and(|((i, k), _)| *i == index && *k == key);
                    let mut text = if editing_this {
                        self.editing
                            .as_ref()
                            .map(|(_, t)| t.clone())
                            .unwrap_or_default()
                    } else {
                        value.clone()
                    };
                    let response = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(160.0))
                        .labelled_by(label.id);
                    if response.changed() || response.has_focus() {
                        self.editing = Some(((index, key.clone()), text.clone()));
                    }
                    if response.lost_focus() {
                        if text != value {
                            intents.push(ListIntent::Set(index, key.clone(), text));
                        }
                        self.editing = None;
                    }
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(&mut self.new_column)
                    .hint_text(t.new_column_hint)
                    .desired_width(140.0),
            );
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(t.new_column_button).clicked() || enter)
                && !self.new_column.trim().is_empty()
            {
                intents.push(ListIntent::AddColumn(std::mem::take(&mut self.new_column)));
            }
        });
        intents
    }
}
