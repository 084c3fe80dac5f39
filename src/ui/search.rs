//! Searching the text and the notes (Ctrl+F), with hits highlighted.
//!
//! The search itself is the core's (`document::search`); this is the bar,
//! the hits' order and the current one.

use egui::{RichText, Ui};

use crate::annotation::AnnotationId;
use crate::document::CharRange;
use crate::document::search::{Folded, Needle};
use crate::i18n::{fill, tr};
use crate::ui::command::Intent;
use crate::workspace::Workspace;

/// Most hits marked; a search for "e" in a book stops counting here.
const MAX_HITS: usize = 20_000;

/// The search bar's state and results.
#[derive(Default)]
pub struct Search {
    /// Whether the bar is shown.
    pub open: bool,
    /// The text searched for.
    pub query: String,
    /// Hits in the text, in order.
    pub hits: Vec<CharRange>,
    /// Annotations whose note (or quote) holds the query.
    pub note_hits: Vec<AnnotationId>,
    /// The current hit.
    pub current: Option<usize>,
    /// The text folded for searching, made on the first search.
    folded: Option<Folded>,
    /// What the hits were computed for: query and workspace revision.
    computed: Option<(String, u64)>,
    focus_field: bool,
}

impl Search {
    /// Opens the bar and puts the cursor in it.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_field = true;
    }

    /// Closes the bar and clears the hits.
    pub fn close(&mut self) {
        self.open = false;
        self.hits.clear();
        self.note_hits.clear();
        self.current = None;
        self.computed = None;
    }

    fn recompute(&mut self, ws: &Workspace) {
        let key = (self.query.clone(), ws.revision());
        if self.computed.as_ref() == Some(&key) {
            return;
        }
        self.computed = Some(key);
        self.hits.clear();
        self.note_hits.clear();
        self.current = None;
        let Some(needle) = Needle::new(&self.query) else {
            return;
        };
        let doc = ws.document();
        let folded = match self.folded.take() {
            Some(folded) if folded.is_of(doc) => folded,
            _ => Folded::of(doc),
        };
        self.hits = folded.find(&needle, MAX_HITS);
        self.folded = Some(folded);
        self.note_hits = ws
            .session()
            .annotations
            .iter()
            .filter(|a| needle.found_in(&a.note))
            .map(|a| a.id.clone())
            .collect();
    }

    /// Moves to the next (or previous) hit and asks to show it.
    fn step(&mut self, forward: bool) -> Option<Intent> {
        if self.hits.is_empty() {
            return None;
        }
        let n = self.hits.len();
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(next);
        Some(Intent::Reveal(self.hits[next]))
    }

    /// Draws the bar (when open) and returns what to show.
    #[must_use = "the intents are what the user asked for"]
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        if !self.open {
            return intents;
        }
        ui.horizontal(|ui| {
            let label = ui.label(t.search_label);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .id_salt("search-field")
                        .hint_text(t.search_hint)
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            if self.focus_field {
                field.request_focus();
                select_all(ui.ctx(), field.id, &self.query);
                self.focus_field = false;
            }
            let before = self.computed.clone();
            self.recompute(ws);
            let changed = before != self.computed && field.changed();
            let enter = crate::ui::widgets::submitted(ui, &field);
            let shift = ui.input(|i| i.modifiers.shift);
            if changed {
                intents.extend(self.step(true));
            }
            if enter {
                intents.extend(self.step(!shift));
                field.request_focus();
            }
            if ui.button("⏶").on_hover_text(t.search_previous).clicked() {
                intents.extend(self.step(false));
            }
            if ui.button("⏷").on_hover_text(t.search_next).clicked() {
                intents.extend(self.step(true));
            }
            let position = self.current.map_or(0, |i| i + 1);
            let summary = if self.hits.len() >= MAX_HITS {
                fill(t.search_too_many, &[("n", &MAX_HITS)])
            } else {
                fill(
                    t.search_count,
                    &[
                        ("i", &position),
                        ("n", &self.hits.len()),
                        ("notes", &self.note_hits.len()),
                    ],
                )
            };
            ui.label(RichText::new(summary).small());
            if ui.button("×").on_hover_text(t.search_close).clicked() {
                self.close();
            }
        });
        if self.open && !self.note_hits.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(t.search_in_notes).small().weak());
                for id in &self.note_hits {
                    if ui.small_button(id.to_string()).clicked() {
                        intents.push(Intent::Focus(id.clone()));
                    }
                }
            });
        }
        intents
    }
}

/// Selects all of a text field's text, so that typing replaces it (as
/// Ctrl+F does in every editor and browser).
fn select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    use egui::text::{CCursor, CCursorRange};
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(0),
        CCursor::new(text.chars().count()),
    )));
    state.store(ctx, id);
}
