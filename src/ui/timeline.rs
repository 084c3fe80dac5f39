//! The window *Statements over time*: how often each actor speaks in the
//! open project, week by week or month by month, as stacked bars or lines,
//! for the outlets and concepts chosen.
//!
//! The counts come from `analysis::timeline` over the project's documents
//! as their files hold them (what the open document has saved). They are
//! computed only when the project's revision or a choice changes, never
//! per frame: a frame only turns the cached counts into plot items.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints};

use crate::actors::Rgb;
use crate::analysis::corpus::DocFilter;
use crate::analysis::timeline::{Counted, Period, Timeline, TimelineOptions, timeline};
use crate::annotation::ConceptId;
use crate::i18n::{fill, tr_tl};
use crate::ui::theme;
use crate::workspace::project::Project;

/// The most actors the chart draws: the most frequent ones.
const MAX_ACTORS: usize = 12;

/// The counts of one computation, with what they were computed for.
struct Cached {
    /// The project's revision and the options.
    key: (u64, TimelineOptions),
    timeline: Timeline,
    /// The series drawn (indices into the timeline's), most frequent
    /// first, with their colours.
    shown: Vec<(usize, Color32)>,
    /// Every outlet of the project, for the filter.
    outlets: Vec<String>,
}

/// The window's state: whether it is open, the choices, the last counts.
#[derive(Default)]
pub struct TimelineWindow {
    /// The window is open.
    pub open: bool,
    by: Period,
    counted: Counted,
    /// Lines instead of stacked bars.
    lines: bool,
    /// Outlets chosen; every outlet when empty.
    outlets: Vec<String>,
    /// Concepts chosen; every concept when empty.
    concepts: Vec<ConceptId>,
    cache: Option<Cached>,
    /// How often the counts were computed (for the tests: not per frame).
    computed: usize,
}

impl TimelineWindow {
    /// The window, when open, on `project` (or a note that it needs one).
    pub fn window(&mut self, ctx: &egui::Context, project: Option<&Project>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new(tr_tl().window_title)
            .open(&mut open)
            .default_width(680.0)
            .default_height(460.0)
            .show(ctx, |ui| self.ui(ui, project));
        self.open = open;
    }

    /// The window's content.
    pub fn ui(&mut self, ui: &mut Ui, project: Option<&Project>) {
        let t = tr_tl();
        let Some(project) = project else {
            ui.label(t.needs_project);
            return;
        };
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.by, Period::Week, t.by_week);
            ui.selectable_value(&mut self.by, Period::Month, t.by_month);
            ui.separator();
            ui.selectable_value(&mut self.counted, Counted::Statements, t.counted_statements);
            ui.selectable_value(
                &mut self.counted,
                Counted::Annotations,
                t.counted_annotations,
            );
            ui.separator();
            ui.selectable_value(&mut self.lines, false, t.chart_bars);
            ui.selectable_value(&mut self.lines, true, t.chart_lines);
        });
        self.refresh(project);
        let known = self
            .cache
            .as_ref()
            .map(|c| c.outlets.clone())
            .unwrap_or_default();
        ui.horizontal(|ui| {
            choose(ui, t.outlets_label, &known, &mut self.outlets, |o| {
                o.clone()
            });
            let concepts = &project.file().concepts;
            let ids: Vec<ConceptId> = concepts.iter().map(|c| c.id.clone()).collect();
            choose(ui, t.concepts_label, &ids, &mut self.concepts, |id| {
                concepts
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or_else(|| id.0.clone(), |c| c.name.clone())
            });
        });
        // A choice just made: counted anew before drawing.
        self.refresh(project);
        let Some(cached) = &self.cache else {
            return;
        };
        chart(ui, cached, self.lines);
        let apart: usize = cached.timeline.series.iter().map(|s| s.apart).sum();
        let unplaced = &cached.timeline.unplaced;
        let docs = unplaced.undated.len() + unplaced.imprecise.len();
        if apart > 0 || docs > 0 {
            ui.label(
                RichText::new(fill(t.apart_note, &[("n", &apart), ("docs", &docs)]))
                    .small()
                    .weak(),
            );
        }
    }

    /// The options the choices make.
    fn options(&self) -> TimelineOptions {
        TimelineOptions {
            by: self.by,
            counted: self.counted,
            filter: DocFilter {
                outlets: self.outlets.clone(),
                ..DocFilter::default()
            },
            concepts: self.concepts.clone(),
        }
    }

    /// Counts anew when the project or a choice changed since last time.
    fn refresh(&mut self, project: &Project) {
        let key = (project.revision(), self.options());
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        self.computed += 1;
        let actors = &project.file().actors;
        let timeline = timeline(&project.corpus_docs(), actors, &key.1);
        let mut order: Vec<usize> = (0..timeline.series.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(timeline.series[i].total()));
        let shown = order
            .into_iter()
            .filter(|&i| timeline.series[i].total() > 0)
            .take(MAX_ACTORS)
            .map(|i| {
                let id = &timeline.series[i].actor;
                let rgb = actors
                    .iter()
                    .find(|a| &a.id == id)
                    .map_or_else(Rgb::neutral, |a| a.colour);
                (i, theme::actor_colour(rgb))
            })
            .collect();
        let outlets = project.outlets();
        self.cache = Some(Cached {
            key,
            timeline,
            shown,
            outlets,
        });
    }
}

/// A filter as a menu of checkboxes: `label` and what is chosen ("all"
/// when nothing is).
pub(crate) fn choose<T: Clone + PartialEq>(
    ui: &mut Ui,
    label: &str,
    items: &[T],
    chosen: &mut Vec<T>,
    name: impl Fn(&T) -> String,
) {
    let t = tr_tl();
    let summary = if chosen.is_empty() {
        t.all_label.to_owned()
    } else {
        chosen.iter().map(&name).collect::<Vec<_>>().join(", ")
    };
    ui.label(label);
    ui.menu_button(summary, |ui| {
        if ui.button(t.all_label).clicked() {
            chosen.clear();
        }
        ui.separator();
        for item in items {
            let mut on = chosen.contains(item);
            if ui.checkbox(&mut on, name(item)).changed() {
                if on {
                    chosen.push(item.clone());
                } else {
                    chosen.retain(|c| c != item);
                }
            }
        }
    });
}

/// The legend, then the chart: a period per step on the x axis.
fn chart(ui: &mut Ui, cached: &Cached, lines: bool) {
    let t = tr_tl();
    let timeline = &cached.timeline;
    ui.horizontal_wrapped(|ui| {
        for &(i, colour) in &cached.shown {
            let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(dot, 2.0, colour);
            let series = &timeline.series[i];
            ui.label(RichText::new(format!("{} ({})", series.name, series.total())).small());
        }
    });
    let labels: Vec<String> = timeline.periods.iter().map(|p| p.label()).collect();
    let count = labels.len();
    #[allow(clippy::cast_precision_loss)]
    let right = count as f64 - 0.5;
    Plot::new("timeline")
        .height(300.0)
        .include_x(-0.5)
        .include_x(right)
        .include_y(0.0)
        .y_axis_label(t.axis_count)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            let s = mark.value.round();
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let i = s as usize;
            if (mark.value - s).abs() < 1e-6 && s >= 0.0 && i < count {
                labels[i].clone()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            // Stacked bars: each actor's on top of the ones before.
            let mut base = vec![0.0; count];
            for &(i, colour) in &cached.shown {
                let series = &timeline.series[i];
                #[allow(clippy::cast_precision_loss)]
                if lines {
                    let points: PlotPoints<'_> = series
                        .counts
                        .iter()
                        .enumerate()
                        .map(|(x, &n)| [x as f64, n as f64])
                        .collect();
                    plot.line(Line::new(series.name.clone(), points).color(colour));
                } else {
                    let bars = series
                        .counts
                        .iter()
                        .zip(&mut base)
                        .enumerate()
                        .map(|(x, (&n, base))| {
                            let bar = Bar::new(x as f64, n as f64)
                                .width(0.8)
                                .base_offset(*base)
                                .name(format!("{}: {}", series.name, timeline.periods[x].label()));
                            *base += n as f64;
                            bar
                        })
                        .collect();
                    plot.bar_chart(BarChart::new(series.name.clone(), bars).color(colour));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::actors::{Actor, ActorId, ActorKind};
    use crate::annotation::{Colour, Concept, Edit, Stance, Statement};
    use crate::document::CharRange;
    use crate::workspace::project::Progress;

    /// A project of two dated articles, a statement of Tokajew's in each.
    fn project(dir: &std::path::Path) -> Project {
        let mut texts = Vec::new();
        for (n, date) in [(1, "2022-01-03"), (2, "2022-01-12")] {
            let path = dir.join(format!("bericht-{n}.md"));
            let text = format!(
                "---\ntitle: Bericht {n}\noutlet: Tagesblatt\ndate: {date}\n---\n\n# Bericht {n}\n\nTokajew fordert den Abzug der Truppen, heißt es.\n"
            );
            std::fs::write(&path, text).unwrap();
            texts.push(path);
        }
        let mut project = Project::create(&dir.join("projekt"), "Test").unwrap();
        project.add(&texts, false, &Progress::default()).unwrap();
        for index in 0..2 {
            let (mut ws, _) = project.open_document(index).unwrap();
            if index == 0 {
                let actor = Actor::new(ActorId("tok".into()), "Tokajew", ActorKind::Person);
                ws.apply(Edit::AddActor { actor, index: None }).unwrap();
                let concept = Concept::new(ConceptId("abzug".into()), "Abzug");
                ws.apply(Edit::AddConcept {
                    concept,
                    index: None,
                })
                .unwrap();
            }
            let mut annotation = ws.new_annotation(
                CharRange::new(0, 7),
                Colour::Yellow,
                vec![ActorId("tok".into())],
                String::new(),
            );
            annotation.statement = Some(Statement {
                actor: ActorId("tok".into()),
                concept: ConceptId("abzug".into()),
                stance: Stance::Agrees,
            });
            ws.apply(Edit::AddAnnotation {
                annotation,
                index: None,
            })
            .unwrap();
            ws.save(&project.annotations_path(index)).unwrap();
            project.take_back(index, &ws).unwrap();
        }
        project
    }

    #[test]
    fn the_counts_are_computed_when_a_choice_changes_not_every_frame() {
        let tmp = tempfile::tempdir().unwrap();
        let project = project(tmp.path());
        let window = TimelineWindow {
            open: true,
            ..TimelineWindow::default()
        };
        let mut harness = Harness::new_ui_state(
            |ui, window: &mut TimelineWindow| window.ui(ui, Some(&project)),
            window,
        );
        harness.run();
        harness.run();
        assert_eq!(harness.state().computed, 1, "drawn twice, counted once");
        let cached = harness.state().cache.as_ref().unwrap();
        let labels: Vec<String> = cached.timeline.periods.iter().map(|p| p.label()).collect();
        assert_eq!(labels, ["2022-W01", "2022-W02"]);
        assert_eq!(cached.timeline.series[0].counts, [1, 1]);
        assert!(harness.query_by_label_contains("Tokajew (2)").is_some());

        harness.get_by_label(tr_tl().by_month).click();
        harness.run();
        let cached = harness.state().cache.as_ref().unwrap();
        assert_eq!(cached.timeline.series[0].counts, [2]);
        assert_eq!(harness.state().computed, 2);
    }

    #[test]
    fn without_a_project_it_says_to_open_one() {
        let mut harness = Harness::new_ui_state(
            |ui, window: &mut TimelineWindow| window.ui(ui, None),
            TimelineWindow::default(),
        );
        harness.run();
        assert!(harness.query_by_label(tr_tl().needs_project).is_some());
    }
}
