//! The project in the window: its document list (sortable, filterable, the
//! user's attribute columns), the open document's metadata to edit, and
//! documents being added in the background.
//!
//! The list draws only the rows in view, so a thousand documents cost what
//! twenty do; filtering and sorting are done again only when the project or
//! the list's settings change.

mod details;
mod rows;

use rows::{RowCache, RowsDrawn};

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use egui::{RichText, Ui};

use crate::actors::ActorId;
use crate::i18n::{fill, tr_co};
use crate::storage::Entry;
use crate::workspace::project::{AddReport, MergeInReport, Progress, Project, TextState};

/// What the list asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListIntent {
    /// Open document `index` in the reader.
    Open(usize),
    /// Ask for a folder (or file) to add.
    Add,
    /// Set document `index`'s metadata: field (`outlet`, `date`, `author`,
    /// or an attribute's name) and value.
    Set(usize, String, String),
    /// Add an attribute column.
    AddColumn(String),
    /// Open document `index` with this annotation in focus.
    OpenAt(usize, crate::annotation::AnnotationId),
    /// Show where the actor is named across the corpus.
    Mentions(crate::actors::ActorId),
    /// Export the whole project (asks where).
    Export(crate::export::Format),
}

/// What the list is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// The order they were added.
    #[default]
    Added,
    /// Date, then title.
    Date,
    /// Title.
    Title,
    /// Outlet, then date.
    Outlet,
    /// Length in chars.
    Length,
    /// Number of annotations.
    Annotations,
}

impl SortBy {
    const ALL: [Self; 6] = [
        Self::Added,
        Self::Date,
        Self::Title,
        Self::Outlet,
        Self::Length,
        Self::Annotations,
    ];

    fn label(self) -> &'static str {
        let t = tr_co();
        match self {
            Self::Added => t.sort_added,
            Self::Date => t.sort_date,
            Self::Title => t.sort_title,
            Self::Outlet => t.sort_outlet,
            Self::Length => t.sort_length,
            Self::Annotations => t.sort_annotations,
        }
    }
}

/// Which documents by whether they are coded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Coded {
    /// All.
    #[default]
    All,
    /// With annotations.
    Coded,
    /// Without.
    Uncoded,
}

/// Documents being added on a worker thread.
pub struct Adding {
    /// How far it has come.
    pub progress: Arc<Progress>,
    /// The worker: the report, or why it failed.
    pub worker: JoinHandle<Result<AddReport, String>>,
}

/// What the list's rows were made for: the project's revision and every
/// choice of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RowsKey {
    revision: u64,
    filter: String,
    sort: SortBy,
    descending: bool,
    coded: Coded,
    outlet: Option<String>,
    from: String,
    to: String,
    actor: Option<ActorId>,
}

/// What the counts elsewhere were made for: project revision, current
/// document.
type CountsKey = (u64, Option<usize>);

/// The open project and its list's state.
pub struct ProjectState {
    /// The project.
    pub project: Project,
    /// The document in the reader, if it is one of the project's.
    pub current: Option<usize>,
    /// Whether each text is there, as last looked (empty until the check
    /// on a worker thread is done).
    texts: Vec<TextState>,
    /// The check of the texts, reading and hashing each on a worker thread.
    checking: Option<JoinHandle<Vec<TextState>>>,
    /// Changes when `texts` does.
    texts_generation: u64,
    /// The rows' laid-out text.
    row_cache: RowCache,
    /// The list is shown.
    pub shown: bool,
    /// Documents being added.
    pub adding: Option<Adding>,
    /// The project being exported: where to, and the worker.
    pub exporting: Option<(PathBuf, JoinHandle<Result<(), String>>)>,
    /// A colleague's project being merged in.
    pub merging: Option<JoinHandle<Result<MergeInReport, String>>>,
    filter: String,
    sort: SortBy,
    descending: bool,
    coded: Coded,
    outlet: Option<String>,
    /// Dates from and to (`YYYY-MM-DD`, or a month or year), as typed.
    from: String,
    to: String,
    /// Only documents with an annotation naming this actor.
    actor: Option<ActorId>,
    new_column: String,
    /// The filters behind the "Filter" button are shown.
    filters_open: bool,
    /// The open document's metadata is shown as fields to edit.
    details_open: bool,
    /// The rows shown, for (project revision, settings) — rebuilt when
    /// either changes.
    rows: Vec<usize>,
    rows_for: Option<RowsKey>,
    /// Fields being edited: (document, field) and the text so far.
    editing: Option<((usize, String), String)>,
    /// Annotations per actor in the documents other than the current one,
    /// for (project revision, current document).
    elsewhere: (Option<CountsKey>, HashMap<ActorId, usize>),
    /// The outlets, for the project revision.
    outlets: (Option<u64>, Vec<String>),
}

impl ProjectState {
    /// The state of a project just opened. Whether its texts are there is
    /// found on a worker thread, which wakes `ctx` when it is done.
    #[must_use]
    pub fn new(project: Project, ctx: &egui::Context) -> Self {
        let checks = project.text_checks();
        let waker = ctx.clone();
        let checking = std::thread::Builder::new()
            .name("text-check".into())
            .spawn(move || {
                let states = checks.run();
                waker.request_repaint();
                states
            })
            .ok();
        Self {
            project,
            current: None,
            texts: Vec::new(),
            checking,
            texts_generation: 0,
            row_cache: RowCache::default(),
            shown: true,
            adding: None,
            exporting: None,
            merging: None,
            filter: String::new(),
            sort: SortBy::default(),
            descending: false,
            coded: Coded::default(),
            outlet: None,
            from: String::new(),
            to: String::new(),
            actor: None,
            new_column: String::new(),
            filters_open: false,
            details_open: false,
            rows: Vec::new(),
            rows_for: None,
            editing: None,
            elsewhere: (None, HashMap::new()),
            outlets: (None, Vec::new()),
        }
    }

    /// How many annotations name each actor in the documents other than the
    /// one in the reader (whose own count the reader has, unsaved edits
    /// and all).
    pub fn counts_elsewhere(&mut self) -> &HashMap<ActorId, usize> {
        let key = (self.project.revision(), self.current);
        if self.elsewhere.0 != Some(key) {
            let mut counts = HashMap::new();
            for (doc, annotation) in self.project.all_annotations() {
                if Some(doc) == self.current {
                    continue;
                }
                for actor in &annotation.actors {
                    *counts.entry(actor.clone()).or_insert(0) += 1;
                }
            }
            self.elsewhere = (Some(key), counts);
        }
        &self.elsewhere.1
    }

    /// The documents in the list's order, as shown (filtered).
    pub fn rows(&mut self) -> &[usize] {
        let key = RowsKey {
            revision: self.project.revision(),
            filter: self.filter.clone(),
            sort: self.sort,
            descending: self.descending,
            coded: self.coded,
            outlet: self.outlet.clone(),
            from: self.from.trim().to_owned(),
            to: self.to.trim().to_owned(),
            actor: self.actor.clone(),
        };
        if self.rows_for.as_ref() != Some(&key) {
            self.rows = self.sorted_rows();
            self.rows_for = Some(key);
        }
        &self.rows
    }

    fn sorted_rows(&self) -> Vec<usize> {
        let project = &self.project;
        let needle = crate::document::search::fold(self.filter.trim());
        let mut rows: Vec<usize> = (0..project.documents().len())
            .filter(|&i| {
                let entry = &project.documents()[i];
                let n = project.annotations(i).len();
                let coded = match self.coded {
                    Coded::All => true,
                    Coded::Coded => n > 0,
                    Coded::Uncoded => n == 0,
                };
                coded
                    && self
                        .outlet
                        .as_ref()
                        .is_none_or(|o| entry.outlet.as_ref() == Some(o))
                    && in_range(entry.date.as_deref(), self.from.trim(), self.to.trim())
                    && self.actor.as_ref().is_none_or(|actor| {
                        project
                            .annotations(i)
                            .iter()
                            .any(|a| a.actors.contains(actor))
                    })
                    && (needle.is_empty() || matches_filter(entry, &needle))
            })
            .collect();
        let docs = project.documents();
        match self.sort {
            SortBy::Added => {}
            SortBy::Date => rows.sort_by(|&a, &b| {
                (docs[a].date.as_deref(), &docs[a].source.title)
                    .cmp(&(docs[b].date.as_deref(), &docs[b].source.title))
            }),
            SortBy::Title => rows.sort_by(|&a, &b| docs[a].source.title.cmp(&docs[b].source.title)),
            SortBy::Outlet => rows.sort_by(|&a, &b| {
                (docs[a].outlet.as_deref(), docs[a].date.as_deref())
                    .cmp(&(docs[b].outlet.as_deref(), docs[b].date.as_deref()))
            }),
            SortBy::Length => rows.sort_by_key(|&i| docs[i].source.chars),
            SortBy::Annotations => rows.sort_by_key(|&i| project.annotations(i).len()),
        }
        if self.descending {
            rows.reverse();
        }
        rows
    }

    /// The outlets of the project, each once, sorted; made anew only when
    /// the project changes.
    fn outlets(&mut self) -> Vec<String> {
        let revision = self.project.revision();
        if self.outlets.0 != Some(revision) {
            self.outlets = (Some(revision), self.project.outlets());
        }
        self.outlets.1.clone()
    }

    /// The document list panel.
    #[must_use = "the intents are what the user asked for"]
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<ListIntent> {
        self.take_text_states();
        let t = tr_co();
        let mut intents = Vec::new();
        ui.horizontal(|ui| {
            ui.heading(&self.project.file().name);
            if ui.button(t.add_button).on_hover_text(t.add_help).clicked() {
                intents.push(ListIntent::Add);
            }
        });
        if let Some(adding) = &self.adding {
            let done = adding
                .progress
                .done
                .load(std::sync::atomic::Ordering::Relaxed);
            let total = adding
                .progress
                .total
                .load(std::sync::atomic::Ordering::Relaxed);
            #[allow(clippy::cast_precision_loss)]
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .text(fill(t.adding, &[("done", &done), ("total", &total)])),
            );
        }
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(t.filter_hint)
                .desired_width(f32::INFINITY),
        );
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new(t.sort_label).small());
            egui::ComboBox::from_id_salt("doc-sort")
                .selected_text(self.sort.label())
                .show_ui(ui, |ui| {
                    for sort in SortBy::ALL {
                        ui.selectable_value(&mut self.sort, sort, sort.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let arrow = if self.descending { "⬇" } else { "⬆" };
            if ui.button(arrow).on_hover_text(t.sort_direction).clicked() {
                self.descending = !self.descending;
            }
            let set = self.filters_set();
            let text = if set == 0 {
                t.more_filters.to_owned()
            } else {
                fill(t.more_filters_set, &[("n", &set)])
            };
            if ui
                .selectable_label(self.filters_open, text)
                .on_hover_text(t.more_filters_help)
                .clicked()
            {
                self.filters_open = !self.filters_open;
            }
        });
        // The other filters only when asked for: a panel of closed combo
        // boxes and fields costs a frame more than the rows do.
        if self.filters_open {
            self.filters_ui(ui);
        }
        let total = self.project.documents().len();
        let rows = self.rows().to_vec();
        ui.label(
            RichText::new(fill(
                t.shown_of,
                &[("shown", &rows.len()), ("total", &total)],
            ))
            .small()
            .weak(),
        );
        if total == 0 {
            ui.label(RichText::new(t.empty_project).weak());
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body)
            + ui.text_style_height(&egui::TextStyle::Small)
            + ui.spacing().item_spacing.y * 2.0;
        let details_height = match (self.current, self.details_open) {
            (None, _) => 0.0,
            (Some(_), false) => 32.0,
            (Some(_), true) => 180.0,
        };
        egui::ScrollArea::vertical()
            .id_salt("doc-list")
            .max_height((ui.available_height() - details_height).max(row_height * 3.0))
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                let key = RowsDrawn {
                    revision: self.project.revision(),
                    texts: self.texts_generation,
                    width: ui.available_width().to_bits(),
                    dark: ui.visuals().dark_mode,
                    current: self.current,
                };
                self.row_cache.begin(ui.ctx(), key);
                let mut text = Vec::new();
                for &index in &rows[range] {
                    if let Some(intent) = self.row_ui(ui, index, row_height, &mut text) {
                        intents.push(intent);
                    }
                }
                let mesh = self.row_cache.mesh(ui.ctx(), text);
                ui.painter().add(egui::Shape::Mesh(mesh));
            });
        if let Some(index) = self.current {
            ui.separator();
            intents.extend(self.details_ui(ui, index));
        }
        intents
    }

    /// Takes up the texts' check when the worker is done.
    fn take_text_states(&mut self) {
        if self.checking.as_ref().is_some_and(JoinHandle::is_finished)
            && let Some(worker) = self.checking.take()
        {
            self.texts = worker.join().unwrap_or_default();
            self.texts_generation += 1;
        }
    }

    /// Whether document `index`'s text is there, once checked.
    #[must_use]
    pub fn text_state(&self, index: usize) -> Option<&TextState> {
        self.texts.get(index)
    }

    /// The document after (or before) the current one in the list's order.
    pub fn step(&mut self, forward: bool) -> Option<usize> {
        let current = self.current;
        let rows = self.rows();
        let at = current.and_then(|c| rows.iter().position(|&r| r == c));
        match (at, forward) {
            (None, _) => rows.first().copied(),
            (Some(i), true) => rows.get(i + 1).copied(),
            (Some(i), false) => i.checked_sub(1).and_then(|i| rows.get(i).copied()),
        }
    }
}

/// True when `date` (ISO, perhaps only a month or year) lies in the range
/// `from` to `to` (either may be empty, or a month or year: `2022-01` to
/// `2022-01` is all of January). A document without a date is outside any
/// range.
fn in_range(date: Option<&str>, from: &str, to: &str) -> bool {
    if from.is_empty() && to.is_empty() {
        return true;
    }
    let Some(date) = date else {
        return false;
    };
    let head = |text: &str, n: usize| text.get(..n.min(text.len())).unwrap_or(text).to_owned();
    (from.is_empty() || head(date, from.len()).as_str() >= from)
        && (to.is_empty() || head(date, to.len()).as_str() <= to)
}

/// True when the document's title, outlet, author, date or an attribute
/// holds `needle` (folded).
fn matches_filter(entry: &Entry, needle: &str) -> bool {
    let fold = crate::document::search::fold;
    let mut fields = vec![entry.source.title.as_str()];
    fields.extend(entry.outlet.as_deref());
    fields.extend(entry.author.as_deref());
    fields.extend(entry.date.as_deref());
    fields.extend(entry.attributes.values().map(String::as_str));
    fields.iter().any(|f| fold(f).contains(needle))
}

/// Adds `paths` to the project in `dir` on a worker thread (its own copy of
/// the project: the window's is read anew when it is done).
#[must_use]
pub fn start_adding(ctx: &egui::Context, dir: PathBuf, paths: Vec<PathBuf>, copy: bool) -> Adding {
    let progress = Arc::new(Progress::default());
    let shared = Arc::clone(&progress);
    let ctx = ctx.clone();
    let worker = std::thread::spawn(move || {
        let result = Project::open(&dir)
            .map_err(|e| e.to_string())
            .and_then(|(mut project, _)| {
                project
                    .add(&paths, copy, &shared)
                    .map_err(|e| e.to_string())
            });
        ctx.request_repaint();
        result
    });
    // Keep the bar moving while the worker reads.
    Adding { progress, worker }
}

/// Exports the project in `dir` to `path` on a worker thread (its own copy
/// of the project, every text read).
#[must_use]
pub fn start_exporting(
    ctx: &egui::Context,
    dir: PathBuf,
    format: crate::export::Format,
    path: PathBuf,
) -> JoinHandle<Result<(), String>> {
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let result = Project::open(&dir)
            .map_err(|e| e.to_string())
            .and_then(|(project, _)| {
                let opened = project.open_all();
                crate::export::corpus::write(&opened.corpus(), format, &path)
                    .map_err(|e| e.to_string())
            });
        ctx.request_repaint();
        result
    })
}
