//! The actor panel: actors with their mention counts; choosing one underlines
//! its mentions and filters the annotations. The chosen actor can be edited
//! (name, kind, aliases, colour, note), opened as a dossier, and all its
//! mentions marked at once.

use egui::Ui;

use crate::actors::{Actor, ActorId, ActorKind, Rgb, unique_id};
use crate::annotation::Edit;
use crate::i18n::{fill, tr};
use crate::ui::command::Intent;
use crate::ui::derived::Derived;
use crate::ui::{theme, widgets};
use crate::workspace::Workspace;

/// The panel's own state.
#[derive(Default)]
pub struct ActorPanel {
    /// The name typed for a new actor.
    new_name: String,
    /// The aliases field of the chosen actor while it is edited.
    aliases: Option<(ActorId, String)>,
}

impl ActorPanel {
    /// Draws the panel.
    #[must_use = "the intents are what the user asked for"]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        derived: &Derived,
        chosen: Option<&ActorId>,
        elsewhere: Option<&std::collections::HashMap<ActorId, usize>>,
    ) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let session = ws.session();
        ui.heading(t.actors_title);
        for (i, actor) in session.actors.iter().enumerate() {
            let mentions = derived.mentions.of(i).len();
            let annotated = derived.actor_counts.get(&actor.id).copied().unwrap_or(0);
            let selected = chosen == Some(&actor.id);
            // In a project: this document's count, and the whole corpus's.
            let corpus = elsewhere.map(|e| annotated + e.get(&actor.id).copied().unwrap_or(0));
            let counts = match corpus {
                Some(corpus) => format!("{mentions} · {annotated} · {corpus}"),
                None => format!("{mentions} · {annotated}"),
            };
            let response = widgets::list_row(
                ui,
                selected,
                Some(theme::actor_colour(actor.colour)),
                &actor.name,
                &counts,
                || actor.name.clone(),
            );
            if response.clicked() {
                intents.push(Intent::ChooseActor((!selected).then(|| actor.id.clone())));
            }
            response.on_hover_ui(|ui| {
                ui.label(fill(
                    t.actor_tooltip,
                    &[
                        ("mentions", &mentions),
                        ("annotations", &annotated),
                        ("kind", &actor.kind.label()),
                    ],
                ));
                if let Some(corpus) = corpus {
                    ui.label(fill(crate::i18n::tr_co().corpus_count, &[("n", &corpus)]));
                }
                ui.weak(t.actor_counts_help);
            });
        }
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.new_name)
                    .hint_text(t.new_actor_hint)
                    .desired_width(160.0),
            );
            let enter = widgets::submitted(ui, &field);
            if (ui.button("+").on_hover_text(t.add_actor).clicked() || enter)
                && !self.new_name.trim().is_empty()
            {
                let name = self.new_name.trim().to_owned();
                let id = unique_id(&name, |id| session.actor(id).is_some());
                let mut actor = Actor::new(id.clone(), name, ActorKind::Other);
                actor.colour = crate::ui::toolbar::new_actor_colour(session);
                intents.push(Intent::edit(Edit::AddActor { actor, index: None }, None));
                intents.push(Intent::ChooseActor(Some(id)));
                self.new_name.clear();
            }
        });

        if let Some(actor) = chosen.and_then(|id| session.actor(id)) {
            ui.separator();
            intents.extend(self.editor_ui(ui, actor));
        }
        intents
    }

    #[must_use = "the intents are what the user asked for"]
    fn editor_ui(&mut self, ui: &mut Ui, actor: &Actor) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let mut changed = actor.clone();
        let mut key = None;
        egui::Grid::new("actor-editor")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label(t.actor_name);
                if ui
                    .text_edit_singleline(&mut changed.name)
                    .labelled_by(label.id)
                    .changed()
                {
                    key = Some("name");
                }
                ui.end_row();
                let label = ui.label(t.actor_kind);
                egui::ComboBox::from_id_salt("actor-kind")
                    .selected_text(changed.kind.label())
                    .show_ui(ui, |ui| {
                        for kind in ActorKind::ALL {
                            if ui
                                .selectable_value(&mut changed.kind, kind, kind.label())
                                .changed()
                            {
                                key = Some("kind");
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui
                    .label(t.actor_aliases)
                    .on_hover_text(t.actor_aliases_help);
                if self.aliases.as_ref().is_none_or(|(id, _)| id != &actor.id) {
                    self.aliases = Some((actor.id.clone(), actor.aliases.join(", ")));
                }
                if let Some((_, text)) = &mut self.aliases {
                    let field = ui.text_edit_singleline(text).labelled_by(label.id);
                    let parsed: Vec<String> = text
                        .split(',')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(str::to_owned)
                        .collect();
                    if field.changed() {
                        changed.aliases = parsed;
                        key = Some("aliases");
                    } else if !field.has_focus() && parsed != actor.aliases {
                        // Changed elsewhere (undo): show what the actor has now.
                        *text = actor.aliases.join(", ");
                    }
                }
                ui.end_row();
                let label = ui.label(t.actor_colour);
                let mut rgb = changed.colour.0;
                if ui
                    .color_edit_button_srgb(&mut rgb)
                    .labelled_by(label.id)
                    .changed()
                {
                    changed.colour = Rgb(rgb);
                    key = Some("colour");
                }
                ui.end_row();
            });
        let label = ui.label(t.actor_note);
        if ui
            .add(
                egui::TextEdit::multiline(&mut changed.note)
                    .hint_text(t.actor_note_hint)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed()
        {
            key = Some("note");
        }
        if let Some(key) = key {
            intents.push(Intent::edit(
                Edit::ReplaceActor(changed),
                Some(format!("actor-{key}:{}", actor.id)),
            ));
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.open_dossier).clicked() {
                intents.push(Intent::Dossier(actor.id.clone()));
            }
            if ui
                .button(t.mark_mentions)
                .on_hover_text(t.mark_mentions_help)
                .clicked()
            {
                intents.push(Intent::MarkMentions(actor.id.clone()));
            }
            if ui
                .button(t.delete_actor)
                .on_hover_text(t.delete_actor_help)
                .clicked()
            {
                intents.push(Intent::edit(Edit::RemoveActor(actor.id.clone()), None));
                intents.push(Intent::ChooseActor(None));
            }
        });
        intents
    }
}
