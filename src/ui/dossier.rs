//! An actor's dossier: what the reader has gathered about one actor — the
//! actor's own note, then every passage tagged with it in article order,
//! with the passage notes.

use egui::{RichText, Ui};

use crate::actors::ActorId;
use crate::annotation::Edit;
use crate::i18n::{fill, tr};
use crate::ui::command::Intent;
use crate::ui::corpus::ListIntent;
use crate::ui::derived::Derived;
use crate::ui::{theme, widgets};
use crate::workspace::Workspace;
use crate::workspace::project::Project;

/// Draws the dossier of `id` in a window; `open` is cleared when closed.
#[must_use = "the intents are what the user asked for"]
pub fn window(
    ctx: &egui::Context,
    open: &mut Option<ActorId>,
    ws: &Workspace,
    derived: &Derived,
    corpus: Option<(&Project, Option<usize>)>,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let Some(id) = open.clone() else {
        return intents;
    };
    let Some(actor) = ws.session().actor(&id) else {
        *open = None;
        return intents;
    };
    let mut keep_open = true;
    egui::Window::new(fill(tr().dossier_title, &[("name", &actor.name)]))
        .id(egui::Id::unique("dossier"))
        .open(&mut keep_open)
        .default_size([460.0, 520.0])
        .vscroll(true)
        .show(ctx, |ui| {
            intents = body(ui, ws, derived, &id);
            if let Some((project, current)) = corpus {
                intents.extend(elsewhere(ui, project, current, &id));
            }
        });
    if !keep_open {
        *open = None;
    }
    intents
}

#[must_use = "the intents are what the user asked for"]
fn body(ui: &mut Ui, ws: &Workspace, derived: &Derived, id: &ActorId) -> Vec<Intent> {
    let t = tr();
    let mut intents = Vec::new();
    let session = ws.session();
    let Some(actor) = session.actor(id) else {
        return intents;
    };
    let index = session.actor_index(id).unwrap_or(0);
    ui.horizontal(|ui| {
        let (dot, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter()
            .circle_filled(dot.center(), 6.0, theme::actor_colour(actor.colour));
        ui.label(RichText::new(&actor.name).heading());
        ui.label(RichText::new(actor.kind.label()).weak());
    });
    if !actor.aliases.is_empty() {
        ui.label(
            RichText::new(fill(
                t.dossier_aliases,
                &[("aliases", &actor.aliases.join(", "))],
            ))
            .small(),
        );
    }
    ui.label(
        RichText::new(fill(
            t.dossier_counts,
            &[
                ("mentions", &derived.mentions.of(index).len()),
                (
                    "annotations",
                    &derived.actor_counts.get(id).copied().unwrap_or(0),
                ),
            ],
        ))
        .small()
        .weak(),
    );
    ui.separator();
    let label = ui.label(RichText::new(t.actor_note).strong());
    let mut note = actor.note.clone();
    if ui
        .add(
            egui::TextEdit::multiline(&mut note)
                .id_salt("dossier-note")
                .hint_text(t.actor_note_hint)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed()
    {
        let mut changed = actor.clone();
        changed.note = note;
        intents.push(Intent::edit(
            Edit::ReplaceActor(changed),
            Some(format!("actor-note:{id}")),
        ));
    }
    ui.separator();
    ui.label(RichText::new(t.dossier_passages).strong());
    let passages: Vec<usize> = derived
        .placed
        .iter()
        .map(|p| p.index)
        .chain(derived.orphans.iter().copied())
        .filter(|&i| session.annotations[i].actors.contains(id))
        .collect();
    if passages.is_empty() {
        ui.label(RichText::new(t.dossier_empty).weak());
    }
    for i in passages {
        let annotation = &session.annotations[i];
        let section = ws
            .document()
            .section_at(annotation.range().start)
            .and_then(|s| ws.document().sections().get(s))
            .map_or(std::borrow::Cow::Borrowed(""), |s| {
                ws.document().section_label(s)
            });
        ui.label(RichText::new(section.as_ref()).small().weak());
        let response = ui
            .scope(|ui| widgets::annotation_summary(ui, session, annotation))
            .response
            .interact(egui::Sense::click());
        if response.on_hover_text(t.dossier_jump).clicked() {
            intents.push(Intent::Focus(annotation.id.clone()));
        }
        ui.add_space(6.0);
    }
    intents
}

/// The actor's passages in the project's other documents, by document in
/// date order, with outlet and date: what the actor said and did through
/// the corpus. A click opens the document at the passage.
#[must_use = "the intents are what the user asked for"]
fn elsewhere(ui: &mut Ui, project: &Project, current: Option<usize>, id: &ActorId) -> Vec<Intent> {
    let t = crate::i18n::tr_co();
    let mut intents = Vec::new();
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.dossier_elsewhere).strong());
        if ui
            .button(t.mentions_button)
            .on_hover_text(t.mentions_help)
            .clicked()
        {
            intents.push(Intent::List(ListIntent::Mentions(id.clone())));
        }
    });
    let docs = project.documents();
    let mut with: Vec<usize> = (0..docs.len())
        .filter(|&i| Some(i) != current)
        .filter(|&i| project.annotations(i).iter().any(|a| a.actors.contains(id)))
        .collect();
    with.sort_by(|&a, &b| (docs[a].date.as_deref(), a).cmp(&(docs[b].date.as_deref(), b)));
    if with.is_empty() {
        ui.label(RichText::new(t.dossier_elsewhere_none).weak());
    }
    for doc in with {
        let entry = &docs[doc];
        let mut head = vec![entry.date.clone().unwrap_or_else(|| "–".to_owned())];
        head.extend(entry.outlet.clone());
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!("{} · {}", head.join(" · "), entry.source.title))
                .small()
                .strong(),
        );
        for annotation in project
            .annotations(doc)
            .iter()
            .filter(|a| a.actors.contains(id))
        {
            let mut text = format!("„{}“", widgets::excerpt(annotation.quote(), 240));
            if !annotation.note.is_empty() {
                text.push_str(" — ");
                text.push_str(&annotation.note);
            }
            let response = ui
                .add(egui::Label::new(text).sense(egui::Sense::click()))
                .on_hover_text(tr().dossier_jump);
            if response.clicked() {
                intents.push(Intent::List(ListIntent::OpenAt(doc, annotation.id.clone())));
            }
        }
    }
    intents
}
