//! The project in the window: making and opening one, adding documents
//! (on a worker), moving between its documents (saving the one left), and
//! taking what the reader saved back into the project.

use std::path::{Path, PathBuf};

use crate::fsio::lock::{SessionLock, WINDOW};
use crate::i18n::{fill, tr_co};
use crate::ui::command::Action;
use crate::ui::corpus::{ListIntent, ProjectState, start_adding, start_exporting};
use crate::ui::corpus_search::SearchIntent;
use crate::ui::files::Purpose;
use crate::workspace::project::Project;

use super::App;
use super::file_ops::folder_of;

/// How many files passed over an adding names in the window.
const SKIPPED_SHOWN: usize = 12;

/// True for a folder that holds a project.
pub(super) fn is_project(path: &Path) -> bool {
    path.is_dir() && path.join(crate::storage::PROJECT_FILE).is_file()
}

impl App {
    /// The open project, if any.
    #[must_use]
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref().map(|p| &p.project)
    }

    /// True while the corpus search reads the texts for its index.
    #[must_use]
    pub fn corpus_search_building(&self) -> bool {
        self.corpus_search.is_building()
    }

    /// The project's document in the reader, if any.
    #[must_use]
    pub fn project_document(&self) -> Option<usize> {
        self.project.as_ref().and_then(|p| p.current)
    }

    pub(super) fn ask_project_folder(&mut self, ctx: &egui::Context, action: Action) {
        let purpose = match action {
            Action::NewProject => Purpose::NewProject,
            Action::OpenProject => Purpose::OpenProject,
            _ => {
                if self.project.is_none() {
                    self.messages.notice(tr_co().no_project_open);
                    return;
                }
                match action {
                    Action::ImportAttributes => Purpose::ImportAttributes,
                    Action::MergeProject => Purpose::MergeProject,
                    _ => Purpose::AddToProject,
                }
            }
        };
        let folder = self
            .project
            .as_ref()
            .map(|p| p.project.dir().to_path_buf())
            .or_else(|| folder_of(self.ws.session_path().or(self.ws.document_path())));
        self.files.ask(ctx, purpose, folder.as_deref(), None);
    }

    /// A folder chosen for a project purpose.
    pub(super) fn project_folder_chosen(&mut self, purpose: &Purpose, path: &Path) {
        match purpose {
            Purpose::NewProject => match Project::create(path, "") {
                Ok(project) => self.show_project(project, Vec::new()),
                Err(err) => self.messages.error(err),
            },
            Purpose::OpenProject => self.open_project(path),
            Purpose::ImportAttributes => self.import_attributes(path),
            Purpose::MergeProject => self.merge_project(path),
            Purpose::ExportProject(format) => {
                let ctx = self.ctx.clone();
                if let Some(state) = &mut self.project
                    && state.exporting.is_none()
                {
                    let dir = state.project.dir().to_path_buf();
                    let worker = start_exporting(&ctx, dir, *format, path.to_path_buf());
                    state.exporting = Some((path.to_path_buf(), worker));
                }
            }
            _ => self.add_to_project(vec![path.to_path_buf()]),
        }
    }

    /// Opens the project in `dir`; the document open before stays in the
    /// reader until one of the project's is opened.
    pub fn open_project(&mut self, dir: &Path) {
        if !self.leave_project_document() {
            return;
        }
        match Project::open(dir) {
            Ok((project, notices)) => {
                self.settings.remember(dir.to_path_buf());
                self.show_project(project, notices);
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    fn show_project(&mut self, project: Project, notices: Vec<String>) {
        let name = project.file().name.clone();
        let n = project.documents().len();
        let mut state = ProjectState::new(project, &self.ctx);
        let first = state.step(true);
        self.project = Some(state);
        for notice in notices {
            self.messages.error(notice);
        }
        self.messages
            .notice(fill(tr_co().opened_project, &[("name", &name), ("n", &n)]));
        if let Some(first) = first {
            self.open_document(first);
        }
    }

    /// Files dropped onto the window: added to the open project, a project
    /// folder opened, else the first opened as before.
    pub(super) fn dropped(&mut self, paths: Vec<PathBuf>) {
        if let Some(project) = paths.iter().find(|p| is_project(p)) {
            let project = project.clone();
            self.open_project(&project);
        } else if self.project.is_some() {
            self.add_to_project(paths);
        } else if let Some(first) = paths.first() {
            self.open_guarded(first);
        }
    }

    fn add_to_project(&mut self, paths: Vec<PathBuf>) {
        let ctx = self.ctx.clone();
        let Some(state) = &mut self.project else {
            self.messages.notice(tr_co().no_project_open);
            return;
        };
        if state.adding.is_some() {
            self.messages.notice(tr_co().adding_busy);
            return;
        }
        // Copied in: the project folder then holds everything it needs,
        // for git and for a colleague.
        let dir = state.project.dir().to_path_buf();
        state.adding = Some(start_adding(&ctx, dir, paths, true));
    }

    /// Sets the documents' attributes from the CSV file at `path` and says
    /// what it did (documents matched, columns, rows not matched).
    fn import_attributes(&mut self, path: &Path) {
        let Some(state) = &mut self.project else {
            self.messages.notice(tr_co().no_project_open);
            return;
        };
        match state.project.import_attributes(path) {
            Ok(report) => {
                let lines = report.lines();
                if let Some((first, rest)) = lines.split_first() {
                    if rest.is_empty() {
                        self.messages.notice(first.clone());
                    } else {
                        self.messages.error(lines.join("\n"));
                    }
                }
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    /// Merges the colleague's project in `other` into the open one on a
    /// worker thread; the document in the reader is saved first and opened
    /// anew when it is done.
    fn merge_project(&mut self, other: &Path) {
        if self.project.as_ref().is_some_and(|s| s.merging.is_some()) {
            self.messages.notice(tr_co().merging_busy);
            return;
        }
        if !self.leave_project_document() {
            return;
        }
        let ctx = self.ctx.clone();
        let Some(state) = &mut self.project else {
            return;
        };
        let dir = state.project.dir().to_path_buf();
        let other = other.to_path_buf();
        let worker = std::thread::spawn(move || {
            let result = (|| {
                let (mut mine, _) = Project::open(&dir).map_err(|e| e.to_string())?;
                let (theirs, _) = Project::open(&other).map_err(|e| e.to_string())?;
                mine.merge_in(&theirs).map_err(|e| e.to_string())
            })();
            ctx.request_repaint();
            result
        });
        state.merging = Some(worker);
        self.messages.notice(tr_co().merging);
    }

    /// Takes up a finished merge of a colleague's project: the project read
    /// anew, its document opened again, the report said.
    fn poll_merging(&mut self, ctx: &egui::Context) {
        let Some(state) = &mut self.project else {
            return;
        };
        let Some(worker) = &state.merging else {
            return;
        };
        if !worker.is_finished() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let Some(worker) = state.merging.take() else {
            return;
        };
        match worker.join() {
            Ok(Ok(report)) => {
                if !report.notices.is_empty() {
                    self.messages.error(report.notices.join("\n"));
                }
                self.messages.notice(report.summary());
            }
            Ok(Err(why)) => self.messages.error(why),
            Err(_) => self.messages.error(tr_co().index_failed),
        }
        self.reload_project(true);
    }

    /// Reads the open project anew from disk (after a worker changed it),
    /// keeping the document in the reader; `reopen` opens it anew (its
    /// annotations changed on disk), else the reader keeps it as it is.
    fn reload_project(&mut self, reopen: bool) {
        let Some(state) = &self.project else {
            return;
        };
        let dir = state.project.dir().to_path_buf();
        let current = state
            .current
            .and_then(|i| state.project.documents().get(i))
            .map(|e| e.id.clone());
        match Project::open(&dir) {
            Ok((project, _)) => {
                let mut fresh = ProjectState::new(project, &self.ctx);
                let index = current.and_then(|id| fresh.project.find(&id));
                fresh.shown = true;
                if !reopen {
                    fresh.current = index;
                }
                let open = if reopen { index } else { None };
                let first = open.or_else(|| index.is_none().then(|| fresh.step(true)).flatten());
                self.project = Some(fresh);
                if let Some(index) = first {
                    self.open_document(index);
                }
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    /// What the network window asks for.
    pub(super) fn network_intent(
        &mut self,
        ctx: &egui::Context,
        intent: crate::ui::network_window::NetworkIntent,
    ) {
        let crate::ui::network_window::NetworkIntent::Export { folder, extension } = intent;
        let Some(state) = &self.project else {
            return;
        };
        let name = state.project.file().name.clone();
        let name = if folder {
            format!("{name}-netzwerke")
        } else {
            format!("{name}-netzwerk.{extension}")
        };
        let parent = state.project.dir().parent().map(Path::to_path_buf);
        self.files.ask(
            ctx,
            Purpose::ExportNetwork { folder, extension },
            parent.as_deref(),
            Some(&name),
        );
    }

    /// Writes the network window's network to `path`.
    pub(super) fn export_network(&mut self, path: &Path) {
        let Some(state) = &self.project else {
            self.messages.notice(tr_co().no_project_open);
            return;
        };
        match self.analysis.network.export(&state.project, path) {
            Ok(said) => self.messages.notice(said),
            Err(why) => self.messages.error(why),
        }
    }

    /// Takes up a finished export: said where it went, or why not.
    fn poll_exporting(&mut self, ctx: &egui::Context) {
        let Some(state) = &mut self.project else {
            return;
        };
        let Some((_, worker)) = &state.exporting else {
            return;
        };
        if !worker.is_finished() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let Some((path, worker)) = state.exporting.take() else {
            return;
        };
        match worker.join() {
            Ok(Ok(())) => self.messages.notice(fill(
                crate::i18n::tr().exported,
                &[("path", &path.display())],
            )),
            Ok(Err(why)) => self.messages.error(why),
            Err(_) => self.messages.error(tr_co().index_failed),
        }
    }

    /// Takes up finished adding: the project read anew, the report said.
    pub(super) fn poll_adding(&mut self, ctx: &egui::Context) {
        self.poll_exporting(ctx);
        self.poll_merging(ctx);
        let Some(state) = &mut self.project else {
            return;
        };
        let conflicts = state.project.take_conflicts();
        if !conflicts.is_empty() {
            let lines = conflicts.join("\n");
            self.messages
                .error(fill(tr_co().registry_merged, &[("lines", &lines)]));
        }
        let Some(state) = &mut self.project else {
            return;
        };
        let Some(adding) = &state.adding else {
            return;
        };
        if !adding.worker.is_finished() {
            // The bar moves with the worker.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let Some(adding) = state.adding.take() else {
            return;
        };
        let result = adding
            .worker
            .join()
            .unwrap_or_else(|_| Err(tr_co().adding_busy.to_owned()));
        match result {
            Ok(report) => {
                // A folder of ten thousand pictures is said in a screenful.
                let mut lines: Vec<String> = report
                    .skipped
                    .iter()
                    .take(SKIPPED_SHOWN)
                    .map(|s| s.why.clone())
                    .collect();
                if report.skipped.len() > SKIPPED_SHOWN {
                    lines.push(fill(
                        tr_co().add_more_skipped,
                        &[("n", &(report.skipped.len() - SKIPPED_SHOWN))],
                    ));
                }
                lines.extend(report.notices.iter().cloned());
                if !lines.is_empty() {
                    self.messages.error(lines.join("\n"));
                }
                self.messages.notice(report.summary());
            }
            Err(err) => self.messages.error(err),
        }
        self.reload_project(false);
    }

    /// Saves the project's document in the reader if it has changes, so
    /// another can be opened; false when that failed (it stays open).
    fn leave_project_document(&mut self) -> bool {
        if !self.ws.is_shared() || !self.ws.is_dirty() {
            return true;
        }
        let Some(path) = self.ws.session_path().map(Path::to_path_buf) else {
            return true;
        };
        self.save_to(&path);
        !self.ws.is_dirty()
    }

    /// After the reader saved: a project's document brings its annotations
    /// and the registry back into the project.
    pub(super) fn saved_into_project(&mut self) {
        if !self.ws.is_shared() {
            return;
        }
        let Some(state) = &mut self.project else {
            return;
        };
        let Some(index) = state.current else {
            return;
        };
        if let Err(err) = state.project.take_back(index, &self.ws) {
            self.messages.error(err.to_string());
        }
    }

    /// Opens document `index` of the project in the reader.
    pub fn open_document(&mut self, index: usize) {
        if self.project.as_ref().and_then(|p| p.current) == Some(index) && self.ws.is_shared() {
            return;
        }
        if !self.leave_project_document() {
            return;
        }
        let Some(state) = &mut self.project else {
            return;
        };
        match state.project.open_document(index) {
            Ok((ws, report)) => {
                state.current = Some(index);
                let path = state.project.annotations_path(index);
                self.loader.cancel();
                self.replace(ws);
                self.lock = SessionLock::try_lock(&path, WINDOW).ok().flatten();
                if report.moved + report.orphaned > 0 || !report.notices.is_empty() {
                    self.messages.report = Some(report);
                }
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    /// Opens the project's current document anew (after its file changed
    /// under a corpus-wide step).
    fn reopen_document(&mut self) {
        let Some(state) = &mut self.project else {
            return;
        };
        if let Some(index) = state.current.take() {
            self.open_document(index);
        }
    }

    pub(super) fn search_intent(&mut self, intent: SearchIntent) {
        match intent {
            SearchIntent::Open(doc, range) => {
                self.open_document(doc);
                if self.project_document() == Some(doc) {
                    self.reveal(range);
                    self.view.selection = Some(range);
                }
            }
            SearchIntent::Mark(hits, actor, colour) => {
                if !self.leave_project_document() {
                    return;
                }
                let Some(state) = &mut self.project else {
                    return;
                };
                let (step, error) = match state.project.mark_hits(&hits, colour, &actor) {
                    Ok(step) => (step, None),
                    Err((step, why)) => (step, Some(why)),
                };
                self.messages.notice(fill(
                    tr_co().marked,
                    &[("n", &step.added), ("docs", &step.documents)],
                ));
                if let Some(why) = error {
                    self.messages.error(why);
                }
                if !step.is_empty() {
                    self.corpus_search.last_step = Some(step);
                }
                self.reopen_document();
                self.corpus_search.refresh();
            }
            SearchIntent::Undo => self.undo_marks(),
        }
    }

    /// Takes the last "code all these" back.
    pub(super) fn undo_marks(&mut self) {
        let Some(step) = self.corpus_search.last_step.take() else {
            return;
        };
        if !self.leave_project_document() {
            self.corpus_search.last_step = Some(step);
            return;
        }
        let Some(state) = &mut self.project else {
            return;
        };
        match state.project.undo_marks(&step) {
            Ok(()) => self.messages.notice(tr_co().unmarked),
            Err(why) => self.messages.error(why),
        }
        self.reopen_document();
        self.corpus_search.refresh();
    }

    pub(super) fn step_document(&mut self, forward: bool) {
        let Some(state) = &mut self.project else {
            self.messages.notice(tr_co().no_project_open);
            return;
        };
        if let Some(next) = state.step(forward) {
            self.open_document(next);
        }
    }

    pub(super) fn list_intent(&mut self, ctx: &egui::Context, intent: ListIntent) {
        match intent {
            ListIntent::Open(index) => self.open_document(index),
            ListIntent::OpenAt(index, annotation) => {
                self.open_document(index);
                if self.project_document() == Some(index) {
                    self.apply(ctx, crate::ui::command::Intent::Focus(annotation));
                }
            }
            ListIntent::Mentions(actor) => self.corpus_search.show_mentions(actor),
            ListIntent::Export(format) => {
                let Some(state) = &self.project else {
                    return;
                };
                let name = format!("{}.{}", state.project.file().name, format.extension());
                let folder = state.project.dir().parent().map(Path::to_path_buf);
                self.files.ask(
                    ctx,
                    Purpose::ExportProject(format),
                    folder.as_deref(),
                    Some(&name),
                );
            }
            ListIntent::Add => self.ask_project_folder(ctx, Action::AddToProject),
            ListIntent::Set(index, key, value) => {
                let Some(state) = &mut self.project else {
                    return;
                };
                let value = value.trim().to_owned();
                let result = state.project.edit_entry(index, |entry| {
                    let set = (!value.is_empty()).then(|| value.clone());
                    match key.as_str() {
                        "outlet" => entry.outlet = set,
                        "date" => entry.date = set,
                        "author" => entry.author = set,
                        _ => {
                            if value.is_empty() {
                                entry.attributes.remove(&key);
                            } else {
                                entry.attributes.insert(key.clone(), value.clone());
                            }
                        }
                    }
                });
                if let Err(err) = result {
                    self.messages.error(err.to_string());
                }
            }
            ListIntent::AddColumn(name) => {
                if let Some(state) = &mut self.project
                    && let Err(err) = state.project.add_attribute(&name)
                {
                    self.messages.error(err.to_string());
                }
            }
        }
    }

    /// The document list, as a panel on the left, when a project is open.
    pub(super) fn project_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
    ) -> Vec<crate::ui::command::Intent> {
        let Some(state) = &mut self.project else {
            return Vec::new();
        };
        if !state.shown {
            return Vec::new();
        }
        let window_width = ui.ctx().content_rect().width();
        let mut intents = Vec::new();
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(300.0_f32.min(window_width * 0.25))
            .max_size(window_width * 0.35)
            .show(ui, |ui| {
                intents = state.ui(ui);
            });
        intents
            .into_iter()
            .map(crate::ui::command::Intent::List)
            .collect()
    }
}
