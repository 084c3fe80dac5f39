//! Commands: keys and dropped files become intents, and intents are
//! carried out, edits through the workspace's undo history.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, ViewportCommand};

use crate::actors::ActorId;
use crate::annotation::{AnnotationId, Colour, Edit, now};
use crate::document::CharRange;
use crate::i18n::{fill, tr};
use crate::ui::command::{Action, Intent};
use crate::ui::files::{self, Purpose};
use crate::ui::settings::ThemeChoice;

use super::App;
use super::file_ops::folder_of;

impl App {
    /// Global keys: actions, and 1–8 for colours on a selection.
    #[must_use = "the intents are what the user asked for"]
    pub(super) fn keyboard(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let mut out = Vec::new();
        if self.files.busy() || self.messages.asking() {
            return out; // a modal has the keyboard
        }
        let typing = ctx.egui_wants_keyboard_input();
        // Shortcuts with more modifiers first: egui matches Ctrl+Shift+Z
        // "logically" against Ctrl+Z too.
        let mut shortcuts: Vec<(Action, egui::KeyboardShortcut)> = Action::iter()
            .filter(|action| !(typing && action.yields_to_text_fields()))
            .flat_map(|action| action.shortcuts().iter().map(move |s| (action, *s)))
            .collect();
        shortcuts.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(
                u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.alt),
            )
        });
        ctx.input_mut(|input| {
            for (action, shortcut) in shortcuts {
                if input.consume_shortcut(&shortcut) {
                    out.push(Intent::Action(action));
                }
            }
            if !typing {
                let keys = [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                    Key::Num8,
                ];
                for (n, key) in keys.into_iter().enumerate() {
                    if input.consume_key(Modifiers::NONE, key)
                        && let Some(colour) = Colour::from_key(n + 1)
                    {
                        out.push(Intent::Annotate(colour));
                    }
                }
            }
        });
        out
    }

    /// Carries out one intent.
    #[allow(clippy::too_many_lines)]
    pub fn apply(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Action(action) => self.run(ctx, action),
            Intent::Edit(edit, key) => self.edit(*edit, key),
            Intent::GoToSection(i) => self.go_to_section(i),
            Intent::Focus(id) => {
                // An orphan waits for a new place: keep the selection to attach it to.
                let orphan = self
                    .ws
                    .session()
                    .annotation(&id)
                    .is_some_and(|a| self.ws.is_orphaned(a));
                if !orphan {
                    self.view.selection = None;
                }
                // Scroll only to what is not on screen: an annotation just
                // made in the toolbar stays where it is, and the toolbar with it.
                if let Some(range) = self
                    .ws
                    .session()
                    .annotation(&id)
                    .filter(|a| !self.ws.is_orphaned(a))
                    .map(crate::annotation::Annotation::range)
                    && !self.reader.shows(range)
                {
                    self.reveal(range);
                }
                if self.view.focus.as_ref() != Some(&id) {
                    self.toolbar.query.clear();
                    self.ws.seal_history();
                }
                self.view.focus = Some(id);
            }
            Intent::Unfocus => {
                self.view.focus = None;
                self.toolbar.query.clear();
                self.ws.seal_history();
            }
            Intent::ShowReaders(readers) => {
                self.derived.show_readers(readers);
                self.derived.update(&self.ws);
            }
            Intent::Reveal(range) => self.reveal(range),
            Intent::Select(selection) => {
                let focus_is_orphan = self
                    .view
                    .focus
                    .as_ref()
                    .and_then(|id| self.ws.session().annotation(id))
                    .is_some_and(|a| self.ws.is_orphaned(a));
                if selection.is_some() && !focus_is_orphan {
                    self.view.focus = None;
                }
                if selection.is_some() {
                    // The keys act on the new selection (1–8, Delete, Esc),
                    // not in whatever text field had the cursor: a drag is
                    // not a click, so egui's own "clicked elsewhere" does
                    // not take the focus away.
                    ctx.memory_mut(egui::Memory::stop_text_input);
                }
                self.view.selection = selection;
            }
            Intent::Annotate(colour) => self.annotate(colour),
            Intent::ChooseActor(actor) => self.view.actor = actor,
            Intent::OpenPath(path) => self.open_guarded(&path),
            Intent::Dropped(paths) => self.dropped(paths),
            Intent::List(intent) => self.list_intent(ctx, intent),
            Intent::CorpusSearch(intent) => self.search_intent(intent),
            Intent::SaveTo(path) => self.save_to(&path),
            Intent::Confirm(id) => self.ws.confirm(&id),
            Intent::Reattach(id) => self.reattach(&id),
            Intent::Dossier(id) => self.dossier = Some(id),
            Intent::MarkMentions(id) => self.mark_mentions(&id),
            Intent::Export(format) => {
                let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
                let stem =
                    files::session_name_for(self.ws.session_path().or(self.ws.document_path()));
                let name = format!("{}.{}", stem.trim_end_matches(".ron"), format.extension());
                self.files
                    .ask(ctx, Purpose::Export(format), folder.as_deref(), Some(&name));
            }
        }
    }

    pub(super) fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Open => {
                let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
                self.files.ask(ctx, Purpose::Open, folder.as_deref(), None);
            }
            Action::OpenUrl => self.url_prompt = Some(super::loading::UrlPrompt::default()),
            Action::Save => self.save(ctx),
            Action::SaveAs => self.save_as(ctx),
            Action::ImportW3c => {
                let folder = folder_of(self.ws.document_path());
                self.files
                    .ask(ctx, Purpose::ImportW3c, folder.as_deref(), None);
            }
            Action::ImportDna => {
                let folder = folder_of(self.ws.document_path());
                self.files
                    .ask(ctx, Purpose::ImportDna, folder.as_deref(), None);
            }
            Action::Merge => {
                let folder = folder_of(self.ws.session_path());
                self.files.ask(ctx, Purpose::Merge, folder.as_deref(), None);
            }
            Action::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Action::Undo => {
                if self.ws.undo() {
                    self.after_history();
                } else if self.corpus_search.last_step.is_some() {
                    // Nothing left to undo here: the last corpus-wide step.
                    self.undo_marks();
                }
            }
            Action::Redo => {
                if self.ws.redo() {
                    self.after_history();
                }
            }
            Action::Find => self.search.open(),
            Action::NextSection => self.step_section(true),
            Action::PreviousSection => self.step_section(false),
            Action::ToggleContinuous => {
                let section = self.current_section();
                self.settings.continuous = !self.settings.continuous;
                self.go_to_section(section);
            }
            Action::ZoomIn => self.settings.zoom(true),
            Action::ZoomOut => self.settings.zoom(false),
            Action::ToggleDark => {
                self.settings.theme = match self.settings.theme {
                    ThemeChoice::Light => ThemeChoice::Dark,
                    ThemeChoice::Dark => ThemeChoice::Light,
                };
            }
            Action::DeleteAnnotation => {
                if let Some(id) = self.view.focus.take() {
                    self.edit(Edit::RemoveAnnotation(id), None);
                }
            }
            Action::Escape => {
                if self.view.selection.is_some() || self.view.focus.is_some() {
                    self.view.selection = None;
                    self.view.focus = None;
                    self.ws.seal_history();
                } else if self.search.open {
                    self.search.close();
                }
            }
            Action::Copy => {
                if let Some(selection) = self.view.selection {
                    ctx.copy_text(self.ws.document().slice(selection).to_owned());
                }
            }
            // The windows are drawn before intents are applied: the next
            // frame shows them.
            Action::ShowAgreement => {
                self.analysis.agreement_open = true;
                ctx.request_repaint();
            }
            Action::ShowStats => {
                self.analysis.stats_open = true;
                ctx.request_repaint();
            }
            Action::ShowTimeline => {
                self.analysis.timeline.open = true;
                ctx.request_repaint();
            }
            Action::ShowNetwork => {
                self.analysis.network.open = true;
                ctx.request_repaint();
            }
            Action::ShowShortcuts => {
                self.show_shortcuts = true;
                ctx.request_repaint();
            }
            Action::NewProject
            | Action::OpenProject
            | Action::AddToProject
            | Action::ImportAttributes
            | Action::MergeProject => {
                self.ask_project_folder(ctx, action);
            }
            Action::ShowDocuments => {
                if let Some(state) = &mut self.project {
                    state.shown = !state.shown;
                } else {
                    self.messages.notice(crate::i18n::tr_co().no_project_open);
                }
            }
            Action::CorpusSearch => {
                if self.project.is_some() {
                    self.corpus_search.show();
                    ctx.request_repaint();
                } else {
                    self.messages.notice(crate::i18n::tr_co().no_project_open);
                }
            }
            Action::NextDocument => self.step_document(true),
            Action::PreviousDocument => self.step_document(false),
        }
    }

    pub(super) fn edit(&mut self, edit: Edit, key: Option<String>) {
        match self.ws.apply_coalescing(edit, key) {
            Ok(()) => self.derived.update(&self.ws),
            Err(err) => self.messages.error(err.to_string()),
        }
        self.drop_stale_focus();
    }

    pub(super) fn after_history(&mut self) {
        self.derived.update(&self.ws);
        self.drop_stale_focus();
    }

    pub(super) fn drop_stale_focus(&mut self) {
        if let Some(id) = &self.view.focus
            && self.ws.session().annotation(id).is_none()
        {
            self.view.focus = None;
        }
        if let Some(id) = &self.view.actor
            && self.ws.session().actor(id).is_none()
        {
            self.view.actor = None;
        }
    }

    /// Shows `range`: its section becomes the current one in either mode
    /// (in the whole text the header, outline and list follow it).
    pub(super) fn reveal(&mut self, range: CharRange) {
        if let Some(section) = self.ws.document().section_at(range.start) {
            self.view.section = section;
        }
        self.reader.reveal(range);
    }

    pub(super) fn go_to_section(&mut self, i: usize) {
        let doc = self.ws.document();
        let i = i.min(doc.sections().len().saturating_sub(1));
        self.view.section = i;
        self.view.selection = None;
        if self.settings.continuous
            && let Some(section) = doc.sections().get(i)
        {
            let start = section.range.start;
            self.reader.reveal(CharRange::new(start, start));
        }
    }

    pub(super) fn step_section(&mut self, forward: bool) {
        let current = self.current_section();
        let last = self.ws.document().sections().len().saturating_sub(1);
        let next = if forward {
            (current + 1).min(last)
        } else {
            current.saturating_sub(1)
        };
        if next != current {
            self.go_to_section(next);
        }
    }

    pub(super) fn annotate(&mut self, colour: Colour) {
        self.settings.colour = colour;
        if let Some(selection) = self.view.selection.take() {
            let annotation = self
                .ws
                .new_annotation(selection, colour, Vec::new(), String::new());
            let id = annotation.id.clone();
            self.edit(
                Edit::AddAnnotation {
                    annotation,
                    index: None,
                },
                None,
            );
            self.view.focus = Some(id);
            self.toolbar.query.clear();
        } else if let Some(annotation) = self
            .view
            .focus
            .as_ref()
            .and_then(|id| self.ws.session().annotation(id))
        {
            let mut changed = annotation.clone();
            changed.colour = colour;
            changed.modified = now();
            self.edit(Edit::ReplaceAnnotation(changed), None);
        }
    }

    pub(super) fn reattach(&mut self, id: &AnnotationId) {
        let (Some(selection), Some(annotation)) =
            (self.view.selection, self.ws.session().annotation(id))
        else {
            return;
        };
        let changed = annotation.moved_to(self.ws.document(), selection);
        self.edit(Edit::ReplaceAnnotation(changed), None);
        self.ws.confirm(id);
        self.view.selection = None;
        self.view.focus = Some(id.clone());
    }

    pub(super) fn mark_mentions(&mut self, id: &ActorId) {
        let Some(index) = self.ws.session().actor_index(id) else {
            return;
        };
        let ranges: Vec<CharRange> = self.derived.mentions.of(index).to_vec();
        // The actor's own colour, as the panel and the charts show it.
        let colour = Colour::nearest_to(self.ws.session().actors[index].colour);
        let (edits, added) = self.ws.mark_ranges(&ranges, colour, id);
        if edits.is_empty() {
            self.messages.notice(tr().mentions_all_marked);
            return;
        }
        self.edit(Edit::Batch(edits), None);
        self.messages
            .notice(fill(tr().mentions_marked, &[("n", &added)]));
    }

    /// The file the reading place is remembered for: the session file, or
    /// the text while no session was saved (the bundled article has none).
    pub(super) fn place_key(&self) -> Option<PathBuf> {
        self.ws
            .session_path()
            .or(self.ws.document_path())
            .map(Path::to_path_buf)
    }

    /// Remembers where the user is in the open file.
    pub(super) fn remember_place(&mut self) {
        let (Some(path), Some(char)) = (self.place_key(), self.reader.reading_char()) else {
            return;
        };
        let section = self.current_section();
        self.settings.remember_place(crate::ui::settings::Place {
            path,
            section,
            char,
        });
    }

    /// Goes back to where the user was in the file just opened.
    pub(super) fn return_to_place(&mut self) {
        let Some(place) = self
            .place_key()
            .and_then(|p| self.settings.place(&p).cloned())
        else {
            return;
        };
        let doc = self.ws.document();
        let sections = doc.sections().len();
        if place.char > doc.len_chars() || sections == 0 {
            return; // another text now: start at the top
        }
        self.view.section = place.section.min(sections - 1);
        if place.char > 0 {
            let at = CharRange::new(place.char, place.char);
            if !self.settings.continuous {
                // The section remembered, scrolled to the char within it.
                self.view.section = doc.section_at(place.char).unwrap_or(self.view.section);
            }
            self.reader.reveal(at);
        } else if self.settings.continuous
            && let Some(section) = doc.sections().get(self.view.section)
        {
            let start = section.range.start;
            self.reader.reveal(CharRange::new(start, start));
        }
    }
}

#[must_use = "the intents are what the user asked for"]
pub(super) fn dropped_files(ctx: &egui::Context) -> Vec<Intent> {
    let paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    if paths.is_empty() {
        Vec::new()
    } else {
        vec![Intent::Dropped(paths)]
    }
}
