//! The small toolbar at the selection, and the annotation editor it shares
//! with the sidebar: eight colours (keys 1–8), an actor picker (type to
//! filter, Enter to take, create a new actor on the spot) and a note.
//!
//! On a fresh selection, the first choice creates the annotation; from then
//! on the toolbar edits it. Every change is an edit with undo; typing a note
//! is one undo step.

use egui::Ui;

use crate::actors::{Actor, ActorId, ActorKind, Rgb, unique_id};
use crate::annotation::{
    Annotation, AnnotationId, Colour, Concept, Edit, Stance, Statement, concept_id_for, now,
};
use crate::document::CharRange;
use crate::i18n::{fill, tr};
use crate::ui::command::{Action, Intent};
use crate::ui::widgets;
use crate::workspace::Workspace;

/// What the editor works on.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'a> {
    /// A selection not yet annotated.
    Selection(CharRange),
    /// An existing annotation.
    Annotation(&'a Annotation),
}

/// The editor's own state: what is typed in the actor picker.
#[derive(Default)]
pub struct Editor {
    /// Text typed into the actor picker.
    pub query: String,
    /// Name typed for a new concept.
    pub concept_query: String,
}

impl Editor {
    /// Draws the editor for `subject`; `colour` is the colour a new
    /// annotation gets when the first choice is not a colour.
    #[allow(clippy::too_many_lines)]
    #[must_use = "the intents are what the user asked for"]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        subject: Subject<'_>,
        colour: Colour,
        id_salt: &str,
    ) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let session = ws.session();
        // Everything fits this width: a field or button wider than it would
        // widen the toolbar, which then jumps to stay on screen.
        let width = ui.available_width();
        ui.set_max_width(width);

        // The annotation as it would be after this frame's changes.
        let existing = match subject {
            Subject::Annotation(a) => Some(a.clone()),
            Subject::Selection(_) => None,
        };
        // For a selection, a draft without an id: finding a free id looks at
        // every annotation, which is done once, when the draft is committed.
        let mut draft = existing.clone().unwrap_or_else(|| {
            let range = match subject {
                Subject::Selection(r) => r,
                Subject::Annotation(a) => a.range(),
            };
            Annotation::draft(
                AnnotationId(String::new()),
                ws.document(),
                range,
                colour,
                ws.reader().map(str::to_owned),
            )
        });
        let mut changed = false;
        let mut new_actor: Option<Actor> = None;

        // Colours.
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 3.0;
            for c in Colour::ALL {
                let selected = existing.as_ref().is_some_and(|a| a.colour == c);
                if widgets::colour_swatch(ui, c, selected, session.meaning(c), None).clicked() {
                    match subject {
                        Subject::Selection(_) => intents.push(Intent::Annotate(c)),
                        Subject::Annotation(_) => {
                            draft.colour = c;
                            changed = true;
                        }
                    }
                }
            }
            if let Subject::Annotation(a) = subject {
                ui.separator();
                if ui
                    .button("🗑")
                    .on_hover_text(Action::DeleteAnnotation.icon_hover_text(ui.ctx()))
                    .clicked()
                {
                    intents.push(Intent::edit(Edit::RemoveAnnotation(a.id.clone()), None));
                    intents.push(Intent::Unfocus);
                }
            }
        });

        // Actors: chips of those chosen, then the picker.
        let chosen: Vec<&Actor> = draft
            .actors
            .iter()
            .filter_map(|id| session.actor(id))
            .collect();
        let mut removed: Option<ActorId> = None;
        if !chosen.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for actor in &chosen {
                    if let (_, Some(x)) = widgets::actor_chip(ui, actor, true)
                        && x.clicked()
                    {
                        removed = Some(actor.id.clone());
                    }
                }
            });
        }
        if let Some(id) = removed {
            draft.actors.retain(|a| a != &id);
            // A statement's speaker is one of the passage's actors.
            if let Some(s) = &mut draft.statement
                && s.actor == id
            {
                match draft.actors.first() {
                    Some(first) => s.actor = first.clone(),
                    None => draft.statement = None,
                }
            }
            changed = true;
        }
        let picker_label = ui.label(egui::RichText::new(t.label_actors).small().weak());
        let picker = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .id_salt((id_salt, "actor-picker"))
                    .hint_text(t.actor_picker_hint)
                    .desired_width(width),
            )
            .labelled_by(picker_label.id);
        let query = self.query.trim().to_lowercase();
        let matches: Vec<&Actor> = session
            .actors
            .iter()
            .filter(|a| !draft.actors.contains(&a.id))
            .filter(|a| query.is_empty() || a.names().any(|n| n.to_lowercase().contains(&query)))
            .take(6)
            .collect();
        let enter = widgets::submitted(ui, &picker);
        let mut take: Option<ActorId> = None;
        if !query.is_empty() || picker.has_focus() {
            ui.horizontal_wrapped(|ui| {
                for actor in &matches {
                    if widgets::actor_chip(ui, actor, false)
                        .0
                        .interact(egui::Sense::click())
                        .clicked()
                    {
                        take = Some(actor.id.clone());
                    }
                }
                let exact = session
                    .actors
                    .iter()
                    .any(|a| a.name.to_lowercase() == query);
                if !query.is_empty()
                    && !exact
                    && ui
                        .add(
                            egui::Button::new(fill(
                                t.actor_create,
                                &[("name", &self.query.trim())],
                            ))
                            .truncate(),
                        )
                        .clicked()
                {
                    new_actor = Some(self.new_actor(ws));
                }
            });
        }
        if enter && !query.is_empty() {
            match matches.first() {
                Some(first) => take = Some(first.id.clone()),
                None => new_actor = Some(self.new_actor(ws)),
            }
        }
        if let Some(id) = take {
            draft.actors.push(id);
            changed = true;
            self.query.clear();
            picker.request_focus();
        }
        if let Some(actor) = &new_actor {
            draft.actors.push(actor.id.clone());
            changed = true;
            self.query.clear();
            picker.request_focus();
        }

        // The statement: which concept the passage takes a stance on, for
        // or against, said by which of its actors.
        let mut new_concept: Option<Concept> = None;
        if !draft.actors.is_empty() {
            let statement_label = ui.label(egui::RichText::new(t.label_statement).small().weak());
            let speaker_default = draft
                .statement
                .as_ref()
                .map(|s| s.actor.clone())
                .filter(|a| draft.actors.contains(a))
                .unwrap_or_else(|| draft.actors[0].clone());
            let stance_default = draft
                .statement
                .as_ref()
                .map_or(Stance::Neutral, |s| s.stance);
            ui.horizontal_wrapped(|ui| {
                let current = draft.statement.as_ref().map(|s| s.concept.clone());
                let shown = current
                    .as_ref()
                    .and_then(|id| session.concept(id))
                    .map_or(t.statement_none, |c| c.name.as_str());
                egui::ComboBox::from_id_salt((id_salt, "concept"))
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(current.is_none(), t.statement_none)
                            .clicked()
                        {
                            draft.statement = None;
                            changed = true;
                        }
                        for c in &session.concepts {
                            if ui
                                .selectable_label(current.as_ref() == Some(&c.id), &c.name)
                                .clicked()
                            {
                                draft.statement = Some(Statement {
                                    actor: speaker_default.clone(),
                                    concept: c.id.clone(),
                                    stance: stance_default,
                                });
                                changed = true;
                            }
                        }
                    })
                    .response
                    .labelled_by(statement_label.id);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.concept_query)
                            .id_salt((id_salt, "new-concept"))
                            .hint_text(t.concept_new_hint)
                            .desired_width(150.0),
                    )
                    .labelled_by(statement_label.id);
                let name = self.concept_query.trim().to_owned();
                if !name.is_empty() && widgets::submitted(ui, &field) {
                    let existing = session
                        .concepts
                        .iter()
                        .find(|c| c.name.to_lowercase() == name.to_lowercase());
                    let id = match existing {
                        Some(c) => c.id.clone(),
                        None => {
                            let id = concept_id_for(&name, |id| {
                                session.concepts.iter().any(|c| c.id.as_str() == id)
                            });
                            new_concept = Some(Concept::new(id.clone(), name));
                            id
                        }
                    };
                    draft.statement = Some(Statement {
                        actor: speaker_default.clone(),
                        concept: id,
                        stance: stance_default,
                    });
                    changed = true;
                    self.concept_query.clear();
                }
            });
            if let Some(statement) = &mut draft.statement {
                ui.horizontal_wrapped(|ui| {
                    for stance in Stance::ALL {
                        if ui
                            .selectable_label(statement.stance == stance, stance.label())
                            .clicked()
                            && statement.stance != stance
                        {
                            statement.stance = stance;
                            changed = true;
                        }
                    }
                    if draft.actors.len() > 1 {
                        ui.separator();
                        let name = |id: &ActorId| {
                            session
                                .actor(id)
                                .map_or_else(|| id.0.clone(), |a| a.name.clone())
                        };
                        egui::ComboBox::from_id_salt((id_salt, "speaker"))
                            .selected_text(fill(
                                t.statement_speaker,
                                &[("name", &name(&statement.actor))],
                            ))
                            .show_ui(ui, |ui| {
                                for id in &draft.actors {
                                    if ui
                                        .selectable_label(&statement.actor == id, name(id))
                                        .clicked()
                                        && &statement.actor != id
                                    {
                                        statement.actor = id.clone();
                                        changed = true;
                                    }
                                }
                            });
                    }
                });
            }
        }

        // The note.
        let mut note = draft.note.clone();
        let note_label = ui.label(egui::RichText::new(t.label_note).small().weak());
        let note_response = ui
            .add(
                egui::TextEdit::multiline(&mut note)
                    .id_salt((id_salt, "note"))
                    .hint_text(t.note_hint)
                    .desired_rows(3)
                    .desired_width(width),
            )
            .labelled_by(note_label.id);
        let note_changed = note_response.changed();
        if note_changed {
            draft.note = note;
            changed = true;
        }

        if changed {
            draft.modified = now();
            if existing.is_none() {
                draft.id = ws.session().next_annotation_id();
            }
            let coalesce = note_changed.then(|| format!("note:{}", draft.id));
            let focus = draft.id.clone();
            let edit = match existing {
                Some(_) => Edit::ReplaceAnnotation(draft),
                None => Edit::AddAnnotation {
                    annotation: draft,
                    index: None,
                },
            };
            let mut before = Vec::new();
            if let Some(actor) = new_actor {
                before.push(Edit::AddActor { actor, index: None });
            }
            if let Some(concept) = new_concept {
                before.push(Edit::AddConcept {
                    concept,
                    index: None,
                });
            }
            let edit = if before.is_empty() {
                edit
            } else {
                before.push(edit);
                Edit::Batch(before)
            };
            intents.push(Intent::edit(edit, coalesce));
            if matches!(subject, Subject::Selection(_)) {
                intents.push(Intent::Focus(focus));
            }
        }
        intents
    }

    fn new_actor(&self, ws: &Workspace) -> Actor {
        let session = ws.session();
        let name = self.query.trim().to_owned();
        let id = unique_id(&name, |id| session.actor(id).is_some());
        let mut actor = Actor::new(id, name, ActorKind::Other);
        actor.colour = new_actor_colour(session);
        actor
    }
}

/// The colour of an actor created now: the one farthest from every actor
/// colour in use (see [`crate::actors::colour`]).
pub fn new_actor_colour(session: &crate::annotation::Session) -> Rgb {
    let used: Vec<Rgb> = session.actors.iter().map(|a| a.colour).collect();
    crate::actors::colour::distinct_from(&used)
}
