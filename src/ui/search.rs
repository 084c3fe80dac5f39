//! Searching the text and the notes (Ctrl+F), with hits highlighted.
//!
//! The text is searched case-insensitively in a folded copy where every char
//! is replaced by one lower-case char, so a hit's char offsets in the copy are
//! its offsets in the document. The copy is made on the first search.

use egui::{RichText, Ui};
use memchr::memmem;

use crate::annotation::AnnotationId;
use crate::document::{ByteToChar, CharRange};
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
    /// (document hash, folded text)
    folded: Option<(String, String)>,
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
        let needle = fold(self.query.trim());
        if needle.is_empty() {
            return;
        }
        let doc = ws.document();
        if self
            .folded
            .as_ref()
            .is_none_or(|(hash, _)| hash != doc.hash())
        {
            self.folded = Some((doc.hash().to_owned(), fold(doc.text())));
        }
        let Some((_, folded)) = &self.folded else {
            return;
        };
        let mut walk = ByteToChar::new(folded);
        let len = needle.chars().count();
        for byte in memmem::find_iter(folded.as_bytes(), needle.as_bytes()).take(MAX_HITS) {
            let start = walk.convert(byte);
            self.hits.push(CharRange::new(start, start + len));
        }
        self.note_hits = ws
            .session()
            .annotations
            .iter()
            .filter(|a| fold(&a.note).contains(&needle))
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

/// Lower case, one char for one char: chars whose lower case is longer keep
/// its first char, so offsets line up with the original.
#[must_use]
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_char_offsets() {
        let text = "İstanbul ÄÖÜ ẞ Tokajew";
        assert_eq!(fold(text).chars().count(), text.chars().count());
        assert_eq!(fold("TOKAJEWS"), "tokajews");
    }
}
