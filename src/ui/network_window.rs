//! The window *Aussagen-Netzwerk*: the open project's statement network as
//! DNA computes it (`analysis::corpus_network`, the same as `randnotiz
//! network`), with its choices: two-mode or one-mode, the rows (actor,
//! organisation, person), how the stance makes ties, the normalisation,
//! identical statements, values left out, outlets, a date range, time
//! windows (DNA's centred ones or one every few days); a line
//! saying what the network holds, and its export as GraphML or a CSV
//! matrix, one file or a file per window.
//!
//! The network is computed when the project's revision or a choice
//! changes, never per frame.

use std::path::Path;

use egui::{RichText, Ui};

use crate::analysis::corpus::DocFilter;
use crate::analysis::corpus_network::{
    Aggregation, Duplicates, Exclude, Mode, NetworkOptions, Networks, Normalization, TimeWindow,
    Variable1,
};
use crate::export::corpus_network::{self as out, NetworkFormat};
use crate::i18n::{fill, tr_nw, tr_tl};
use crate::workspace::project::Project;

/// What the window asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkIntent {
    /// Ask where to write the network: a folder (a file per window) or a
    /// file with this extension.
    Export {
        /// A folder for a file per window.
        folder: bool,
        /// The file's extension.
        extension: &'static str,
    },
}

/// The window's state: its choices and the last network computed.
pub struct NetworkWindow {
    /// The window is open.
    pub open: bool,
    mode: Mode,
    variable1: Variable1,
    aggregation: Aggregation,
    normalization: Normalization,
    duplicates: Duplicates,
    /// `VARIABLE=VALUE; …`
    exclude: String,
    outlets: Vec<String>,
    from: String,
    to: String,
    windowed: bool,
    /// DNA's windows, centred on each day (else one every `step` days).
    centred: bool,
    days: u32,
    step: u32,
    /// One dynamic GraphML file (else a file per window).
    dynamic: bool,
    csv: bool,
    /// The last computation: for (project revision, options), the networks
    /// or why there are none.
    cache: Option<(Key, Result<Networks, String>)>,
    /// The project's outlets, for the filter.
    known_outlets: (Option<u64>, Vec<String>),
    /// How often the network was computed (for the tests: not per frame).
    computed: usize,
}

type Key = (u64, Result<NetworkOptions, String>);

impl Default for NetworkWindow {
    fn default() -> Self {
        Self {
            open: false,
            mode: Mode::default(),
            variable1: Variable1::default(),
            aggregation: Aggregation::default(),
            normalization: Normalization::default(),
            duplicates: Duplicates::default(),
            exclude: String::new(),
            outlets: Vec::new(),
            from: String::new(),
            to: String::new(),
            windowed: false,
            centred: false,
            days: 14,
            step: 7,
            dynamic: true,
            csv: false,
            cache: None,
            known_outlets: (None, Vec::new()),
            computed: 0,
        }
    }
}

impl NetworkWindow {
    /// The window, when open, on `project` (or a note that it needs one).
    pub fn window(&mut self, ctx: &egui::Context, project: Option<&Project>) -> Vec<NetworkIntent> {
        let mut intents = Vec::new();
        if !self.open {
            return intents;
        }
        let mut open = self.open;
        egui::Window::new(tr_nw().window_title)
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| intents.extend(self.ui(ui, project)));
        self.open = open;
        intents
    }

    /// The window's content.
    pub fn ui(&mut self, ui: &mut Ui, project: Option<&Project>) -> Vec<NetworkIntent> {
        let t = tr_nw();
        let mut intents = Vec::new();
        let Some(project) = project else {
            ui.label(tr_tl().needs_project);
            return intents;
        };
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.mode, Mode::TwoMode, t.two_mode);
            ui.selectable_value(&mut self.mode, Mode::OneMode, t.one_mode);
        });
        if !self.aggregation.fits(self.mode) {
            self.aggregation = Aggregation::Ignore;
        }
        if !self.normalization.fits(self.mode) {
            self.normalization = Normalization::No;
        }
        egui::Grid::new("network-choices")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label(t.variable1_label);
                combo(
                    ui,
                    "network-variable1",
                    label.id,
                    &mut self.variable1,
                    &Variable1::ALL,
                    variable1_label,
                );
                ui.end_row();
                let label = ui.label(t.aggregation_label);
                let fitting: Vec<Aggregation> = Aggregation::ALL
                    .into_iter()
                    .filter(|a| a.fits(self.mode))
                    .collect();
                combo(
                    ui,
                    "network-aggregation",
                    label.id,
                    &mut self.aggregation,
                    &fitting,
                    aggregation_label,
                );
                ui.end_row();
                let label = ui.label(t.normalization_label);
                let fitting: Vec<Normalization> = Normalization::ALL
                    .into_iter()
                    .filter(|n| n.fits(self.mode))
                    .collect();
                combo(
                    ui,
                    "network-normalization",
                    label.id,
                    &mut self.normalization,
                    &fitting,
                    normalization_label,
                );
                ui.end_row();
                let label = ui.label(t.duplicates_label);
                combo(
                    ui,
                    "network-duplicates",
                    label.id,
                    &mut self.duplicates,
                    &Duplicates::ALL,
                    duplicates_label,
                );
                ui.end_row();
                let label = ui.label(t.exclude_label);
                ui.add(
                    egui::TextEdit::singleline(&mut self.exclude)
                        .hint_text(t.exclude_hint)
                        .desired_width(280.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            let known = self.outlets_of(project).to_vec();
            crate::ui::timeline::choose(
                ui,
                tr_tl().outlets_label,
                &known,
                &mut self.outlets,
                String::clone,
            );
        });
        ui.horizontal(|ui| {
            for (label, text) in [(t.from_label, &mut self.from), (t.to_label, &mut self.to)] {
                let label = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(t.date_hint)
                        .desired_width(90.0),
                )
                .labelled_by(label.id);
            }
        });
        ui.checkbox(&mut self.windowed, t.windows_label);
        if self.windowed {
            ui.checkbox(&mut self.centred, t.centred_label);
            ui.horizontal(|ui| {
                let label = ui.label(t.days_label);
                ui.add(egui::DragValue::new(&mut self.days).range(1..=3650))
                    .labelled_by(label.id);
                if !self.centred {
                    let label = ui.label(t.step_label);
                    ui.add(egui::DragValue::new(&mut self.step).range(1..=3650))
                        .labelled_by(label.id);
                }
            });
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.dynamic, true, t.dynamic_label);
                ui.radio_value(&mut self.dynamic, false, t.per_window_label);
            });
        }
        let dynamic = self.windowed && self.dynamic;
        if dynamic {
            self.csv = false;
        }
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.csv, false, t.format_graphml);
            ui.add_enabled_ui(!dynamic, |ui| {
                ui.radio_value(&mut self.csv, true, t.format_csv);
            });
        });
        ui.separator();
        let summary = self.summary(project);
        let ready = summary.is_ok();
        match summary {
            Ok(lines) => {
                for line in lines {
                    ui.label(line);
                }
            }
            Err(why) => {
                ui.label(RichText::new(why).color(ui.visuals().warn_fg_color));
            }
        }
        if ui
            .add_enabled(ready, egui::Button::new(t.export_button))
            .clicked()
        {
            intents.push(NetworkIntent::Export {
                folder: self.windowed && !self.dynamic,
                extension: if self.csv { "csv" } else { "graphml" },
            });
        }
        intents
    }

    /// The project's outlets, each once, sorted; read anew when the
    /// project changes.
    fn outlets_of(&mut self, project: &Project) -> &[String] {
        if self.known_outlets.0 != Some(project.revision()) {
            self.known_outlets = (Some(project.revision()), project.outlets());
        }
        &self.known_outlets.1
    }

    /// The choices as the analysis takes them, or why they cannot be.
    fn options(&self) -> Result<NetworkOptions, String> {
        let date = |text: &str| {
            let text = text.trim();
            (!text.is_empty()).then(|| text.to_owned())
        };
        let (from, to) = (date(&self.from), date(&self.to));
        let filter: DocFilter = DocFilter::parse(&self.outlets, from.as_deref(), to.as_deref())?;
        let exclude = self
            .exclude
            .split(';')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(Exclude::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        let window = if self.centred {
            TimeWindow::dna_days(self.days.max(1))
        } else {
            TimeWindow::stepped(self.days.max(1), self.step.max(1))
        };
        let options = NetworkOptions {
            mode: self.mode,
            variable1: self.variable1,
            aggregation: self.aggregation,
            normalization: self.normalization,
            duplicates: self.duplicates,
            exclude,
            filter,
            window: self.windowed.then_some(window),
            isolates: false,
        };
        options.check().map_err(|e| e.to_string())?;
        Ok(options)
    }

    /// The network for the choices, computed when they or the project
    /// changed.
    fn networks(&mut self, project: &Project) -> &Result<Networks, String> {
        let key: Key = (project.revision(), self.options());
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let result = key
                .1
                .clone()
                .and_then(|options| project.networks(&options).map_err(|e| e.to_string()));
            self.computed += 1;
            self.cache = Some((key, result));
        }
        &self.cache.as_ref().expect("just filled").1
    }

    /// What the network holds, a line each; or why there is none.
    fn summary(&mut self, project: &Project) -> Result<Vec<String>, String> {
        let t = tr_nw();
        let result = self.networks(project).clone()?;
        let mut lines = Vec::new();
        let statements: usize = result.networks.iter().map(|n| n.statements).sum();
        if statements == 0 {
            lines.push(tr_tl().no_statements.to_owned());
        } else if let [network] = result.networks.as_slice() {
            let ties = network.ties();
            lines.push(fill(
                t.summary,
                &[
                    ("statements", &network.statements),
                    ("rows", &network.rows.len()),
                    ("columns", &network.columns.len()),
                    ("ties", &ties),
                ],
            ));
        } else {
            lines.push(fill(
                t.summary_windows,
                &[("n", &result.networks.len()), ("statements", &statements)],
            ));
        }
        if !result.unmatched.is_empty() {
            lines.push(fill(
                t.unmatched,
                &[("exclude", &result.unmatched.join(", "))],
            ));
        }
        if result.lacking > 0 {
            lines.push(fill(
                t.lacking,
                &[
                    ("n", &result.lacking),
                    ("variable", &variable1_label(self.variable1)),
                ],
            ));
        }
        if !result.unplaced.is_empty() {
            lines.push(fill(
                tr_tl().left_out,
                &[
                    ("undated", &result.unplaced.undated.len()),
                    ("imprecise", &result.unplaced.imprecise.len()),
                    ("statements", &result.left_out),
                    ("docs", &""),
                ],
            ));
        }
        Ok(lines)
    }

    /// Writes the network for the current choices to `path` (a folder for
    /// a file per window); the message to show.
    ///
    /// # Errors
    /// Why it could not be computed or written.
    pub fn export(&mut self, project: &Project, path: &Path) -> Result<String, String> {
        let format = if self.csv {
            NetworkFormat::Csv
        } else {
            NetworkFormat::GraphMl
        };
        let (windowed, dynamic) = (self.windowed, self.dynamic);
        let result = self.networks(project).clone()?;
        if windowed && !dynamic {
            let (written, removed) =
                out::write_windows(path, &result.networks, format).map_err(|e| e.to_string())?;
            let mut said = fill(
                tr_tl().windows_written,
                &[("n", &written.len()), ("path", &path.display())],
            );
            if removed > 0 {
                said.push_str(". ");
                said.push_str(&fill(tr_tl().windows_removed, &[("n", &removed)]));
            }
            return Ok(said);
        }
        out::write(path, &out::one_file(&result.networks, format, windowed))
            .map_err(|e| e.to_string())?;
        Ok(fill(tr_nw().written, &[("path", &path.display())]))
    }

    /// How often the network was computed.
    #[must_use]
    pub fn computed(&self) -> usize {
        self.computed
    }
}

fn aggregation_label(aggregation: Aggregation) -> &'static str {
    let t = tr_nw();
    match aggregation {
        Aggregation::Ignore => t.agg_ignore,
        Aggregation::Congruence => t.agg_congruence,
        Aggregation::Conflict => t.agg_conflict,
        Aggregation::Subtract => t.agg_subtract,
        Aggregation::Combine => t.agg_combine,
        Aggregation::Split => t.agg_split,
    }
}

fn variable1_label(variable: Variable1) -> &'static str {
    let t = tr_nw();
    match variable {
        Variable1::Actor => t.var_actor,
        Variable1::Organization => t.var_organization,
        Variable1::Person => t.var_person,
    }
}

fn normalization_label(normalization: Normalization) -> &'static str {
    let t = tr_nw();
    match normalization {
        Normalization::No => t.norm_no,
        Normalization::Average => t.norm_average,
        Normalization::Jaccard => t.norm_jaccard,
        Normalization::Cosine => t.norm_cosine,
        Normalization::Activity => t.norm_activity,
        Normalization::Prominence => t.norm_prominence,
    }
}

fn duplicates_label(duplicates: Duplicates) -> &'static str {
    let t = tr_nw();
    match duplicates {
        Duplicates::Include => t.dup_include,
        Duplicates::Document => t.dup_document,
        Duplicates::Week => t.dup_week,
        Duplicates::Month => t.dup_month,
        Duplicates::Year => t.dup_year,
        Duplicates::AcrossRange => t.dup_acrossrange,
    }
}

/// A combo box of `choices`, labelled by `label`.
fn combo<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: &str,
    label: egui::Id,
    value: &mut T,
    choices: &[T],
    name: fn(T) -> &'static str,
) {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for &choice in choices {
                ui.selectable_value(value, choice, name(choice));
            }
        })
        .response
        .labelled_by(label);
}
