//! The project in the window: its document list (sortable, filterable, the
//! user's attribute columns), the open document's metadata to edit, and
//! documents being added in the background.
//!
//! The list draws only the rows in view, so a thousand documents cost what
//! twenty do; filtering and sorting are done again only when the project or
//! the list's settings change.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use egui::{RichText, Ui};

use crate::actors::ActorId;
use crate::i18n::{fill, tr_co};
use crate::storage::Entry;
use crate::workspace::project::{AddReport, Progress, Project, TextState};

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

/// What the rows' galleys were laid out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RowsDrawn {
    revision: u64,
    texts: u64,
    width: u32,
    dark: bool,
    current: Option<usize>,
}

/// A row's two lines, laid out, and what its tooltip says of a missing or
/// changed text.
#[derive(Clone)]
struct RowText {
    title: Arc<egui::Galley>,
    second: Arc<egui::Galley>,
    problem: Option<String>,
}

/// The rows' laid-out text, kept while the list is unchanged.
#[derive(Default)]
struct RowCache {
    drawn: Option<RowsDrawn>,
    rows: HashMap<usize, RowText>,
    atlas: crate::ui::widgets::AtlasWatch,
    /// The text of the rows last drawn, tessellated, and what of.
    mesh: Option<(MeshKey, Arc<egui::Mesh>)>,
}

/// A galley, where it goes, its colour.
type PlacedText = (egui::Pos2, Arc<egui::Galley>, egui::Color32);

/// What a text mesh was made of: for each galley its place, its colour and
/// the galley itself (by address); and the font atlas's size and the
/// scale, which its texture coordinates depend on.
#[derive(Clone, PartialEq)]
struct MeshKey {
    placed: Vec<([u32; 2], egui::Color32, usize)>,
    atlas: [usize; 2],
    pixels_per_point: u32,
}

impl RowCache {
    /// The visible rows' text as one mesh, made anew only when a row, its
    /// place or the font atlas changed: tessellating two thousand glyphs
    /// anew in every frame took a tenth of an idle frame.
    fn mesh(&mut self, ctx: &egui::Context, text: Vec<PlacedText>) -> Arc<egui::Mesh> {
        let key = MeshKey {
            placed: text
                .iter()
                .map(|(pos, galley, colour)| {
                    (
                        [pos.x.to_bits(), pos.y.to_bits()],
                        *colour,
                        Arc::as_ptr(galley) as usize,
                    )
                })
                .collect(),
            #[allow(clippy::redundant_closure_for_method_calls)] // the path is not general enough
            atlas: ctx.fonts(|f| f.font_image_size()),
            pixels_per_point: ctx.pixels_per_point().to_bits(),
        };
        if let Some((made_for, mesh)) = &self.mesh
            && *made_for == key
        {
            return Arc::clone(mesh);
        }
        let options = ctx.tessellation_options(|o| *o);
        let mut tessellator =
            egui::epaint::Tessellator::new(ctx.pixels_per_point(), options, key.atlas, Vec::new());
        let mut mesh = egui::Mesh::default();
        for (pos, galley, colour) in text {
            tessellator.tessellate_shape(egui::Shape::galley(pos, galley, colour), &mut mesh);
        }
        let mesh = Arc::new(mesh);
        self.mesh = Some((key, Arc::clone(&mesh)));
        mesh
    }

    /// Starts drawing rows for `key`: what was laid out for another key,
    /// or before egui lost its font atlas, is laid out again.
    fn begin(&mut self, ctx: &egui::Context, key: RowsDrawn) {
        // A long scroll through a large project leaves at most this many.
        const KEPT: usize = 512;
        if self.atlas.cleared(ctx) || self.drawn != Some(key) || self.rows.len() > KEPT {
            self.rows.clear();
            self.mesh = None;
            self.drawn = Some(key);
        }
    }
}

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
            let mut outlets: Vec<String> = self
                .project
                .documents()
                .iter()
                .filter_map(|e| e.outlet.clone())
                .collect();
            outlets.sort();
            outlets.dedup();
            self.outlets = (Some(revision), outlets);
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

    /// How many of the filters behind the "Filter" button are set.
    fn filters_set(&self) -> usize {
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
    fn filters_ui(&mut self, ui: &mut Ui) {
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

    /// One row: title, and date · outlet · author · length · annotations ·
    /// attributes below, from galleys kept while the project, the texts'
    /// states, the width and the current document stay as they are; the
    /// text is pushed onto `text`, to be painted with the other rows'.
    /// (As widgets, a screenful of rows took more of an idle frame than the
    /// whole reader beside them.)
    fn row_ui(
        &mut self,
        ui: &mut Ui,
        index: usize,
        height: f32,
        text: &mut Vec<PlacedText>,
    ) -> Option<ListIntent> {
        let width = ui.available_width();
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
        let selected = self.current == Some(index);
        let visuals = ui.visuals();
        if selected {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.5));
        } else if response.hovered() {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let text_rect = rect.shrink2(egui::vec2(4.0, 1.0));
        let row = match self.row_cache.rows.get(&index) {
            Some(row) => row.clone(),
            None => {
                let row = self.row_text(ui, index, text_rect.width());
                self.row_cache.rows.insert(index, row.clone());
                row
            }
        };
        let second_top = text_rect.top() + row.title.size().y + 1.0;
        text.push((
            text_rect.left_top(),
            row.title.clone(),
            visuals.text_color(),
        ));
        text.push((
            egui::pos2(text_rect.left(), second_top),
            row.second.clone(),
            visuals.weak_text_color(),
        ));
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                format!("{} — {}", row.title.text(), row.second.text()),
            )
        });
        let response = if response.hovered() {
            response.on_hover_text(row.problem.as_deref().unwrap_or(row.title.text()))
        } else {
            response
        };
        response.clicked().then_some(ListIntent::Open(index))
    }

    /// Row `index`'s two lines laid out `width` wide.
    fn row_text(&self, ui: &Ui, index: usize, width: f32) -> RowText {
        let entry = &self.project.documents()[index];
        let annotations = self.project.annotations(index).len();
        let mut second = Vec::new();
        second.push(entry.date.clone().unwrap_or_else(|| "–".to_owned()));
        second.extend(entry.outlet.clone());
        second.extend(entry.author.clone());
        second.push(fill(tr_co().n_chars, &[("n", &entry.source.chars)]));
        second.push(fill(tr_co().n_annotations, &[("n", &annotations)]));
        second.extend(entry.attributes.values().cloned());
        let problem = self.texts.get(index).and_then(|s| s.message(entry));
        let visuals = ui.visuals();
        let mut title = RichText::new(&entry.source.title);
        if self.current == Some(index) {
            title = title.strong();
        }
        if problem.is_some() {
            title = title.color(visuals.warn_fg_color);
        }
        let lay_out = |text: egui::WidgetText, style: egui::TextStyle| {
            text.into_galley(ui, Some(egui::TextWrapMode::Truncate), width, style)
        };
        RowText {
            title: lay_out(title.into(), egui::TextStyle::Body),
            second: lay_out(
                RichText::new(second.join(" · ")).small().weak().into(),
                egui::TextStyle::Small,
            ),
            problem,
        }
    }

    /// The open document's metadata and attributes, editable.
    fn details_ui(&mut self, ui: &mut Ui, index: usize) -> Vec<ListIntent> {
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
