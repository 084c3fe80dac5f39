//! Analysis in the window: the concept list statements refer to, the
//! agreement of two readers, and actor statistics (a chart of mentions and
//! annotations per section, and actor co-occurrence as a table).

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot, PlotItem};

use crate::analysis::agreement::{self, Agreement, Report, coefficient};
use crate::analysis::stats::{self, ActorTable};
use crate::annotation::{Concept, ConceptId, Edit, concept_id_for};
use crate::export::Format;
use crate::i18n::{fill, tr};
use crate::ui::command::Intent;
use crate::ui::derived::{Derived, Readers};
use crate::ui::theme;
use crate::workspace::Workspace;

/// The state of the analysis windows and the concept list.
#[derive(Default)]
pub struct Analysis {
    /// The agreement window is open.
    pub agreement_open: bool,
    /// The statistics window is open.
    pub stats_open: bool,
    /// The two readers compared.
    pair: [Option<String>; 2],
    /// The last agreement computed, with what it was computed for.
    report: Option<(u64, [Option<String>; 2], Report)>,
    /// The last table, with the derived generation it belongs to.
    table: Option<(u64, ActorTable, Vec<Vec<usize>>)>,
    /// Chart annotations instead of mentions.
    chart_annotations: bool,
    /// Name typed for a new concept.
    new_concept: String,
    /// The concept whose name and note are being edited.
    editing: Option<ConceptId>,
    /// The window of a project's statements over time.
    pub timeline: crate::ui::timeline::TimelineWindow,
    /// The window of a project's statement network.
    pub network: crate::ui::network_window::NetworkWindow,
    /// The agreement over the open project.
    project_agreement: crate::ui::project_agreement::ProjectAgreementView,
}

impl Analysis {
    /// The concept list: add, rename, describe, remove.
    #[must_use = "the intents are what the user asked for"]
    pub fn concepts_ui(&mut self, ui: &mut Ui, ws: &Workspace, derived: &Derived) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let session = ws.session();
        egui::CollapsingHeader::new(fill(t.concepts_title, &[("n", &session.concepts.len())]))
            .id_salt("concepts")
            .default_open(!session.concepts.is_empty())
            .show(ui, |ui| {
                ui.label(RichText::new(t.concepts_help).small().weak());
                for concept in &session.concepts {
                    let uses = derived
                        .concept_counts
                        .get(&concept.id)
                        .copied()
                        .unwrap_or(0);
                    let editing = self.editing.as_ref() == Some(&concept.id);
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(editing, &concept.name)
                            .on_hover_text(fill(t.concept_uses, &[("n", &uses)]))
                            .clicked()
                        {
                            self.editing = (!editing).then(|| concept.id.clone());
                        }
                        ui.label(RichText::new(uses.to_string()).small().weak());
                    });
                    if editing {
                        let mut changed = concept.clone();
                        let name = ui
                            .add(
                                egui::TextEdit::singleline(&mut changed.name)
                                    .id_salt(("concept-name", &concept.id)),
                            )
                            .changed();
                        let note = ui
                            .add(
                                egui::TextEdit::multiline(&mut changed.note)
                                    .id_salt(("concept-note", &concept.id))
                                    .hint_text(t.concept_note_hint)
                                    .desired_rows(2),
                            )
                            .changed();
                        if (name || note) && !changed.name.trim().is_empty() {
                            let key = if name { "name" } else { "note" };
                            intents.push(Intent::edit(
                                Edit::ReplaceConcept(changed),
                                Some(format!("concept-{key}:{}", concept.id)),
                            ));
                        }
                        if ui
                            .button(t.concept_delete)
                            .on_hover_text(fill(t.concept_delete_help, &[("n", &uses)]))
                            .clicked()
                        {
                            intents
                                .push(Intent::edit(Edit::RemoveConcept(concept.id.clone()), None));
                            self.editing = None;
                        }
                    }
                }
                ui.horizontal(|ui| {
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut self.new_concept)
                            .id_salt("new-concept-list")
                            .hint_text(t.concept_new_hint)
                            .desired_width(160.0),
                    );
                    let enter = crate::ui::widgets::submitted(ui, &field);
                    let name = self.new_concept.trim().to_owned();
                    let exists = session
                        .concepts
                        .iter()
                        .any(|c| c.name.to_lowercase() == name.to_lowercase());
                    if (ui.button("+").on_hover_text(t.concept_add).clicked() || enter)
                        && !name.is_empty()
                        && !exists
                    {
                        let id = concept_id_for(&name, |id| {
                            session.concepts.iter().any(|c| c.id.as_str() == id)
                        });
                        intents.push(Intent::edit(
                            Edit::AddConcept {
                                concept: Concept::new(id, name),
                                index: None,
                            },
                            None,
                        ));
                        self.new_concept.clear();
                    }
                });
            });
        intents
    }

    /// The agreement window, when open.
    #[must_use = "the intents are what the user asked for"]
    pub fn agreement_window(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        derived: &Derived,
        project: Option<&crate::workspace::project::Project>,
    ) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let mut open = self.agreement_open;
        let readers = &derived.reader_names;
        // Default pair: the first two readers.
        for (slot, default) in self.pair.iter_mut().zip(readers.iter()) {
            if !readers.contains(slot) {
                slot.clone_from(default);
            }
        }
        egui::Window::new(t.agreement_title)
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                if let Some(project) = project {
                    if let Some(index) = self.project_agreement.ui(ui, project) {
                        intents.push(Intent::List(crate::ui::corpus::ListIntent::Open(index)));
                    }
                    ui.separator();
                    ui.label(RichText::new(crate::i18n::tr_co().agree_this_document).strong());
                }
                if readers.len() < 2 {
                    ui.label(t.agreement_needs_readers);
                    return;
                }
                let name = |r: &Option<String>| agreement::reader_name(r.as_deref());
                ui.horizontal(|ui| {
                    for (i, slot) in self.pair.iter_mut().enumerate() {
                        let label = ui.label(if i == 0 { "A:" } else { "↔  B:" });
                        egui::ComboBox::from_id_salt(("agreement-reader", i))
                            .selected_text(name(slot))
                            .show_ui(ui, |ui| {
                                for r in readers {
                                    ui.selectable_value(slot, r.clone(), name(r));
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    }
                });
                if self.pair[0] == self.pair[1] {
                    ui.label(t.agreement_same_reader);
                    return;
                }
                let fresh = self
                    .report
                    .as_ref()
                    .is_some_and(|(g, p, _)| *g == derived.generation && p == &self.pair);
                if !fresh {
                    let report = agreement::compare(
                        ws.document(),
                        ws.session(),
                        self.pair[0].as_deref(),
                        self.pair[1].as_deref(),
                    );
                    self.report = Some((derived.generation, self.pair.clone(), report));
                }
                let Some((_, _, report)) = &self.report else {
                    return;
                };
                ui.label(report.heading());
                egui::Grid::new("agreement-table")
                    .striped(true)
                    .num_columns(6)
                    .show(ui, |ui| {
                        for head in [
                            "",
                            &format!("{} A", t.agree_tokens),
                            &format!("{} B", t.agree_tokens),
                            "%",
                            "κ",
                            "α",
                        ] {
                            ui.label(RichText::new(head).strong());
                        }
                        ui.end_row();
                        let row =
                            |ui: &mut Ui, name: &str, coded: Option<[usize; 2]>, a: &Agreement| {
                                ui.label(name);
                                for n in coded.map_or([None, None], |[x, y]| [Some(x), Some(y)]) {
                                    ui.label(n.map(|n| n.to_string()).unwrap_or_default());
                                }
                                ui.label(format!("{:.1} %", a.percent * 100.0));
                                ui.label(coefficient(a.kappa));
                                ui.label(coefficient(a.alpha));
                                ui.end_row();
                            };
                        row(ui, t.agree_overall, None, &report.overall);
                        row(ui, t.agree_marked, None, &report.marked);
                        for x in &report.per_actor {
                            row(ui, &x.name, Some(x.coded), &x.agreement);
                        }
                    });
                ui.label(RichText::new(t.agree_method).small().weak());
                ui.horizontal(|ui| {
                    if ui.button(t.agreement_show_differences).clicked() {
                        intents.push(Intent::ShowReaders(Readers::Differences(
                            self.pair[0].clone(),
                            self.pair[1].clone(),
                        )));
                    }
                    if ui.button(t.readers_show_all).clicked() {
                        intents.push(Intent::ShowReaders(Readers::All));
                    }
                });
            });
        self.agreement_open = open;
        intents
    }

    /// The statistics window, when open.
    #[must_use = "the intents are what the user asked for"]
    pub fn stats_window(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        derived: &Derived,
    ) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let mut open = self.stats_open;
        if !open {
            return intents;
        }
        if self
            .table
            .as_ref()
            .is_none_or(|(g, _, _)| *g != derived.generation)
        {
            let table = ActorTable::build(ws.document(), ws.session(), &derived.mentions);
            let matrix = stats::co_occurrence(ws.session());
            self.table = Some((derived.generation, table, matrix));
        }
        let Some((_, table, matrix)) = &self.table else {
            return intents;
        };
        let session = ws.session();
        egui::Window::new(t.stats_title)
            .open(&mut open)
            .default_width(640.0)
            .default_height(620.0)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.chart_annotations, false, t.stats_mentions);
                    ui.selectable_value(&mut self.chart_annotations, true, t.stats_annotations);
                    if ui.button(t.stats_export).clicked() {
                        intents.push(Intent::Export(Format::ActorStats));
                    }
                });
                let counts = if self.chart_annotations {
                    &table.annotations
                } else {
                    &table.mentions
                };
                // Grouped bars: one group per section, one bar per actor.
                let actors = table.actors.len().max(1);
                #[allow(clippy::cast_precision_loss)]
                let width = 0.8 / actors as f64;
                let charts: Vec<BarChart> = table
                    .actors
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| counts[*i].iter().any(|&n| n > 0))
                    .map(|(i, (_, name))| {
                        #[allow(clippy::cast_precision_loss)]
                        let bars = counts[i]
                            .iter()
                            .enumerate()
                            .map(|(s, &n)| {
                                let x = s as f64 + (i as f64 + 0.5) * width - 0.4;
                                Bar::new(x, n as f64)
                                    .width(width * 0.9)
                                    .name(format!("{name}: {}", table.sections[s]))
                            })
                            .collect();
                        BarChart::new(name.clone(), bars)
                            .color(theme::actor_colour(session.actors[i].colour))
                    })
                    .collect();
                // The legend as a row of its own: inside the plot it would
                // cover the bars.
                ui.horizontal_wrapped(|ui| {
                    for chart in &charts {
                        let (dot, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter().rect_filled(dot, 2.0, chart.color());
                        ui.label(RichText::new(chart.name()).small());
                    }
                });
                // The axis names sections by number; their names, whole, wrap
                // under the chart (a name cut to fit under its bars said
                // nothing, and a bar's tooltip names both).
                #[allow(clippy::cast_precision_loss)]
                let right = table.sections.len() as f64 - 0.4;
                let count = table.sections.len();
                Plot::new("actor-stats")
                    .height(260.0)
                    .include_x(-0.6)
                    .include_x(right)
                    .include_y(0.0)
                    .allow_scroll(false)
                    .allow_drag(false)
                    .x_axis_formatter(move |mark, _| {
                        let s = mark.value.round();
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        let i = s as usize;
                        if (mark.value - s).abs() < 1e-6 && s >= 0.0 && i < count {
                            (i + 1).to_string()
                        } else {
                            String::new()
                        }
                    })
                    .show(ui, |plot| {
                        for chart in charts {
                            plot.bar_chart(chart);
                        }
                    });

                ui.horizontal_wrapped(|ui| {
                    for (i, name) in table.sections.iter().enumerate() {
                        ui.label(RichText::new(format!("{} {name}", i + 1)).small());
                        if i + 1 < table.sections.len() {
                            ui.label(RichText::new("·").small().weak());
                        }
                    }
                });

                ui.separator();
                ui.horizontal(|ui| {
                    ui.label(RichText::new(t.stats_cooccurrence).strong());
                    if ui.button(t.stats_export).clicked() {
                        intents.push(Intent::Export(Format::CoOccurrence));
                    }
                });
                ui.label(RichText::new(t.stats_cooccurrence_help).small().weak());
                egui::ScrollArea::both().max_height(240.0).show(ui, |ui| {
                    egui::Grid::new("cooccurrence")
                        .striped(true)
                        .show(ui, |ui| {
                            // Columns by number, rows by whole name: a matrix
                            // headed by names was as wide as they were long.
                            let whole = |text: RichText| {
                                egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend)
                            };
                            ui.label("");
                            for (i, actor) in session.actors.iter().enumerate() {
                                ui.add(whole(RichText::new((i + 1).to_string()).small().strong()))
                                    .on_hover_text(&actor.name);
                            }
                            ui.end_row();
                            for (i, (actor, row)) in session.actors.iter().zip(matrix).enumerate() {
                                ui.add(whole(
                                    RichText::new(format!("{} {}", i + 1, actor.name)).small(),
                                ));
                                for (j, n) in row.iter().enumerate() {
                                    let text = RichText::new(n.to_string()).small();
                                    let diagonal = session.actor_index(&actor.id) == Some(j);
                                    ui.label(if diagonal { text.weak() } else { text });
                                }
                                ui.end_row();
                            }
                        });
                });
            });
        self.stats_open = open;
        intents
    }
}
