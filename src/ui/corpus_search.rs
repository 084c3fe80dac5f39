//! Corpus search (Ctrl+Shift+F): a word, a phrase or a regular expression
//! across every document of the project, as a keyword-in-context list;
//! hits already coded are marked; "code all these" makes the chosen hits
//! annotations with an actor in one step that can be taken back.
//!
//! The index of the texts is built on a worker thread the first time the
//! window opens (and again when the documents change); searching it takes
//! milliseconds, so it runs on the frame the user presses Enter.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use egui::{RichText, Ui};

use crate::actors::{ActorId, MentionFinder};
use crate::analysis::corpus_search::{CorpusIndex, Hit, Query, WordBounds};
use crate::annotation::Colour;
use crate::document::CharRange;
use crate::i18n::{fill, tr_co};
use crate::workspace::project::{MarkStep, Project};

/// Most hits listed (all are counted).
const MAX_ROWS: usize = 10_000;
/// Chars of context on each side.
const CONTEXT: usize = 50;

/// What the search window asks the app to do.
#[derive(Clone, Debug)]
pub enum SearchIntent {
    /// Open document `doc` at `range`.
    Open(usize, CharRange),
    /// Mark these hits with the actor, in the colour.
    Mark(Vec<(usize, CharRange)>, ActorId, Colour),
    /// Take the last marking back.
    Undo,
}

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Order {
    /// Document, then place in it.
    #[default]
    Document,
    /// Document date.
    Date,
    /// The words before the hit, read backwards (the classic KWIC sort).
    Left,
    /// The words after the hit.
    Right,
}

struct Row {
    hit: Hit,
    left: String,
    text: String,
    right: String,
    coded: bool,
}

/// The texts' index, and the documents it was built for.
struct Built {
    hashes: Vec<String>,
    index: Arc<CorpusIndex>,
}

/// The worker reading the texts into an index.
type Building = JoinHandle<Result<CorpusIndex, String>>;

/// The corpus search window's state.
#[derive(Default)]
pub struct CorpusSearch {
    /// Shown.
    pub open: bool,
    query: String,
    regex: bool,
    whole_words: bool,
    /// Searching for an actor's names instead of the query.
    mentions_of: Option<ActorId>,
    built: Option<Built>,
    building: Option<(Vec<String>, Building)>,
    rows: Vec<Row>,
    total: usize,
    documents: usize,
    error: Option<String>,
    searched: bool,
    selected: BTreeSet<usize>,
    actor: Option<ActorId>,
    colour: Colour,
    order: Order,
    focus: bool,
    /// The last "code all these", until taken back.
    pub last_step: Option<MarkStep>,
}

impl CorpusSearch {
    /// Opens the window with the query field focused.
    pub fn show(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Opens the window on where the actor is named across the corpus.
    pub fn show_mentions(&mut self, actor: ActorId) {
        self.open = true;
        self.actor = Some(actor.clone());
        self.mentions_of = Some(actor);
        self.searched = false;
    }

    /// Searches again (after the annotations changed: the coded marks).
    pub fn refresh(&mut self) {
        self.searched = false;
    }

    /// True while the index is being built.
    #[must_use]
    pub fn is_building(&self) -> bool {
        self.building.is_some()
    }

    /// Builds the index when it is missing or the documents changed.
    fn keep_index(&mut self, ctx: &egui::Context, project: &Project) {
        let hashes: Vec<String> = project
            .documents()
            .iter()
            .map(|e| e.source.hash.clone())
            .collect();
        if let Some((for_hashes, worker)) = &self.building {
            if !worker.is_finished() {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            let for_hashes = for_hashes.clone();
            if let Some((_, worker)) = self.building.take() {
                match worker.join() {
                    Ok(Ok(index)) => {
                        self.built = Some(Built {
                            hashes: for_hashes,
                            index: Arc::new(index),
                        });
                        self.searched = false;
                    }
                    Ok(Err(why)) => self.error = Some(why),
                    Err(_) => self.error = Some(tr_co().index_failed.to_owned()),
                }
            }
        }
        if self.built.as_ref().is_some_and(|b| b.hashes == hashes) || self.building.is_some() {
            return;
        }
        let dir: PathBuf = project.dir().to_path_buf();
        let waker = ctx.clone();
        let worker = std::thread::spawn(move || {
            let result = Project::open(&dir)
                .map_err(|e| e.to_string())
                .map(|(project, _)| project.search_index().0);
            waker.request_repaint();
            result
        });
        self.building = Some((hashes, worker));
    }

    fn search(&mut self, project: &Project) {
        self.searched = true;
        self.rows.clear();
        self.selected.clear();
        self.error = None;
        let Some(built) = &self.built else {
            return;
        };
        let index = Arc::clone(&built.index);
        let result = if let Some(actor) = &self.mentions_of {
            let actors = &project.file().actors;
            let Some(position) = actors.iter().position(|a| &a.id == actor) else {
                return;
            };
            index.mentions(&MentionFinder::new(actors), position, MAX_ROWS)
        } else {
            if self.query.trim().is_empty() {
                return;
            }
            let query = match Query::parse(&self.query, self.regex) {
                Ok(query) if self.whole_words && !self.regex => {
                    query.with_bounds(WordBounds::Whole)
                }
                Ok(query) => query,
                Err(err) => {
                    self.error = Some(err.to_string());
                    return;
                }
            };
            index.search(&query, MAX_ROWS)
        };
        self.total = result.total;
        self.documents = result.per_doc.len();
        self.rows = result
            .hits
            .iter()
            .map(|&hit| {
                let kwic = index.context(hit, CONTEXT).unwrap_or_default();
                let coded = project.is_coded(hit.doc, hit.range);
                Row {
                    hit,
                    left: kwic.left,
                    text: kwic.hit,
                    right: kwic.right,
                    coded,
                }
            })
            .collect();
        self.sort(project);
    }

    fn sort(&mut self, project: &Project) {
        let docs = project.documents();
        match self.order {
            Order::Document => self.rows.sort_by_key(|r| (r.hit.doc, r.hit.range.start)),
            Order::Date => self.rows.sort_by(|a, b| {
                (
                    docs[a.hit.doc].date.as_deref(),
                    a.hit.doc,
                    a.hit.range.start,
                )
                    .cmp(&(
                        docs[b.hit.doc].date.as_deref(),
                        b.hit.doc,
                        b.hit.range.start,
                    ))
            }),
            Order::Left => self.rows.sort_by(|a, b| {
                let key = |r: &Row| r.left.to_lowercase().chars().rev().collect::<String>();
                key(a).cmp(&key(b))
            }),
            Order::Right => self
                .rows
                .sort_by_key(|r| r.right.trim_start().to_lowercase()),
        }
        self.selected.clear();
    }

    /// Draws the window.
    #[must_use = "the intents are what the user asked for"]
    pub fn window(&mut self, ctx: &egui::Context, project: &Project) -> Vec<SearchIntent> {
        let mut intents = Vec::new();
        if !self.open {
            return intents;
        }
        self.keep_index(ctx, project);
        if !self.searched
            && self.built.is_some()
            && (self.mentions_of.is_some() || !self.query.trim().is_empty())
        {
            self.search(project);
        }
        let mut open = true;
        egui::Window::new(tr_co().search_title)
            .id(egui::Id::unique("corpus-search"))
            .open(&mut open)
            .default_size([900.0, 560.0])
            .show(ctx, |ui| intents = self.body(ui, project));
        self.open = open;
        intents
    }

    /// The project's saved searches as a choice that fills the query (and
    /// the regular expression box); true when one was chosen.
    fn saved_searches(&mut self, ui: &mut Ui, project: &Project) -> bool {
        let searches = &project.file().searches;
        if searches.is_empty() {
            return false;
        }
        let t = crate::i18n::tr_im();
        let label = ui.label(t.saved_label);
        let current = searches
            .iter()
            .find(|s| s.pattern == self.query && s.regex == self.regex)
            .map_or(t.saved_none, |s| s.name.as_str());
        let mut picked = None;
        egui::ComboBox::from_id_salt("saved-searches")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (i, search) in searches.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if let Some(crate::actors::Rgb([r, g, b])) = search.colour {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            ui.painter()
                                .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
                        }
                        if ui.selectable_label(false, search.name.as_str()).clicked() {
                            picked = Some(i);
                        }
                    });
                }
            })
            .response
            .on_hover_text(t.saved_tip)
            .labelled_by(label.id);
        let Some(search) = picked.and_then(|i| searches.get(i)) else {
            return false;
        };
        self.query.clone_from(&search.pattern);
        self.regex = search.regex;
        true
    }

    fn body(&mut self, ui: &mut Ui, project: &Project) -> Vec<SearchIntent> {
        let t = tr_co();
        let mut intents = Vec::new();
        ui.horizontal(|ui| {
            let label = ui.label(t.search_label);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .id_salt("corpus-query")
                        .hint_text(t.search_hint)
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
            if self.focus {
                field.request_focus();
                self.focus = false;
            }
            let enter = crate::ui::widgets::submitted(ui, &field);
            let mut again = ui.checkbox(&mut self.regex, t.search_regex).changed();
            again |= ui.checkbox(&mut self.whole_words, t.search_whole).changed();
            again |= self.saved_searches(ui, project);
            if ui.button(t.search_button).clicked() || enter || again {
                self.mentions_of = None;
                self.search(project);
            }
        });
        if let Some(actor) = self
            .mentions_of
            .as_ref()
            .and_then(|id| project.file().actors.iter().find(|a| &a.id == id))
        {
            ui.label(RichText::new(fill(t.search_mentions_of, &[("name", &actor.name)])).strong());
        }
        if self.is_building() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(fill(t.index_building, &[("n", &project.documents().len())]));
            });
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if self.searched && self.error.is_none() {
            ui.horizontal(|ui| {
                let mut summary = fill(
                    t.search_found,
                    &[("n", &self.total), ("docs", &self.documents)],
                );
                if self.total > self.rows.len() {
                    summary.push(' ');
                    summary.push_str(&fill(t.search_shown, &[("n", &self.rows.len())]));
                }
                ui.label(summary);
                let label = ui.label(RichText::new(t.sort_label).small());
                let before = self.order;
                egui::ComboBox::from_id_salt("kwic-order")
                    .selected_text(order_label(self.order))
                    .show_ui(ui, |ui| {
                        for order in [Order::Document, Order::Date, Order::Left, Order::Right] {
                            ui.selectable_value(&mut self.order, order, order_label(order));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if self.order != before {
                    self.sort(project);
                }
            });
            intents.extend(self.mark_bar(ui, project));
        }
        ui.separator();
        intents.extend(self.rows_ui(ui, project));
        intents
    }

    fn mark_bar(&mut self, ui: &mut Ui, project: &Project) -> Vec<SearchIntent> {
        let t = tr_co();
        let mut intents = Vec::new();
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.select_all).clicked() {
                self.selected = (0..self.rows.len()).collect();
            }
            if ui.button(t.select_none).clicked() {
                self.selected.clear();
            }
            let actors = &project.file().actors;
            let label = ui.label(RichText::new(t.mark_actor).small());
            let name = self
                .actor
                .as_ref()
                .and_then(|id| actors.iter().find(|a| &a.id == id))
                .map_or(t.mark_no_actor, |a| a.name.as_str());
            egui::ComboBox::from_id_salt("mark-actor")
                .selected_text(name)
                .show_ui(ui, |ui| {
                    for actor in actors {
                        ui.selectable_value(&mut self.actor, Some(actor.id.clone()), &actor.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(RichText::new(t.mark_colour).small());
            egui::ComboBox::from_id_salt("mark-colour")
                .selected_text(self.colour.name())
                .show_ui(ui, |ui| {
                    for colour in Colour::ALL {
                        ui.selectable_value(&mut self.colour, colour, colour.name());
                    }
                })
                .response
                .labelled_by(label.id);
            let chosen: Vec<(usize, CharRange)> = if self.selected.is_empty() {
                self.rows.iter().map(|r| (r.hit.doc, r.hit.range)).collect()
            } else {
                self.selected
                    .iter()
                    .filter_map(|&i| self.rows.get(i))
                    .map(|r| (r.hit.doc, r.hit.range))
                    .collect()
            };
            let button = fill(t.mark_button, &[("n", &chosen.len())]);
            let enabled = self.actor.is_some() && !chosen.is_empty();
            if ui
                .add_enabled(enabled, egui::Button::new(button))
                .on_hover_text(t.mark_help)
                .on_disabled_hover_text(t.mark_needs_actor)
                .clicked()
                && let Some(actor) = self.actor.clone()
            {
                intents.push(SearchIntent::Mark(chosen, actor, self.colour));
            }
            if let Some(step) = &self.last_step {
                let label = fill(t.mark_undo, &[("n", &step.added)]);
                if ui.button(label).clicked() {
                    intents.push(SearchIntent::Undo);
                }
            }
        });
        intents
    }

    fn rows_ui(&mut self, ui: &mut Ui, project: &Project) -> Vec<SearchIntent> {
        let mut intents = Vec::new();
        let height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        let width = ui.available_width();
        let side = ((width - 260.0) / 2.0).max(120.0);
        egui::ScrollArea::vertical()
            .id_salt("kwic")
            .auto_shrink([false, false])
            .show_rows(ui, height, self.rows.len(), |ui, range| {
                for i in range {
                    let row = &self.rows[i];
                    let entry = &project.documents()[row.hit.doc];
                    ui.horizontal(|ui| {
                        let mut on = self.selected.contains(&i);
                        if ui
                            .checkbox(&mut on, "")
                            .on_hover_text(tr_co().select_row)
                            .changed()
                        {
                            if on {
                                self.selected.insert(i);
                            } else {
                                self.selected.remove(&i);
                            }
                        }
                        ui.add_sized(
                            [130.0, height],
                            egui::Label::new(
                                RichText::new(format!(
                                    "{} {}",
                                    entry.date.as_deref().unwrap_or("–"),
                                    entry.source.title
                                ))
                                .small(),
                            )
                            .truncate(),
                        )
                        .on_hover_text(&entry.source.title);
                        ui.allocate_ui_with_layout(
                            egui::vec2(side, height),
                            egui::Layout::right_to_left(egui::Align::Center),
                            |ui| {
                                ui.add(egui::Label::new(&row.left).truncate());
                            },
                        );
                        let mut hit = RichText::new(&row.text).strong();
                        if row.coded {
                            hit = hit.underline();
                        }
                        let clicked = ui
                            .add(egui::Button::new(hit).small())
                            .on_hover_text(if row.coded {
                                tr_co().hit_coded
                            } else {
                                tr_co().hit_open
                            })
                            .clicked();
                        ui.add_sized([side, height], egui::Label::new(&row.right).truncate());
                        if clicked {
                            intents.push(SearchIntent::Open(row.hit.doc, row.hit.range));
                        }
                    });
                }
            });
        intents
    }
}

fn order_label(order: Order) -> &'static str {
    let t = tr_co();
    match order {
        Order::Document => t.order_document,
        Order::Date => t.sort_date,
        Order::Left => t.order_left,
        Order::Right => t.order_right,
    }
}
