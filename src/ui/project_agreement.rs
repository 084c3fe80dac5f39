//! Agreement over the open project, in the agreement window: two readers
//! compared per document and pooled over the documents both coded
//! ([`crate::workspace::project::ProjectAgreement`], what `randnotiz agree
//! DIR` prints). Every text is read for it, so it is computed on a worker
//! thread when asked for, and shown until the project changes.

use std::thread::JoinHandle;

use egui::{RichText, Ui};

use crate::analysis::agreement::{self, Agreement};
use crate::i18n::{fill, tr, tr_co};
use crate::workspace::project::{Project, ProjectAgreement};

/// The project part of the agreement window.
#[derive(Default)]
pub struct ProjectAgreementView {
    /// The computation running, for the project revision it started at.
    job: Option<(u64, JoinHandle<Result<ProjectAgreement, String>>)>,
    /// The last result, for the project revision it was computed at.
    result: Option<(u64, Result<ProjectAgreement, String>)>,
}

impl ProjectAgreementView {
    /// The project's agreement, or the button that computes it; returns a
    /// document to open when the user clicks one.
    pub fn ui(&mut self, ui: &mut Ui, project: &Project) -> Option<usize> {
        let t = tr_co();
        let revision = project.revision();
        if self.job.as_ref().is_some_and(|(_, job)| job.is_finished())
            && let Some((at, job)) = self.job.take()
        {
            let result = job
                .join()
                .unwrap_or_else(|_| Err(t.index_failed.to_owned()));
            self.result = Some((at, result));
        }
        let mut open = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new(t.agree_project_title).strong());
            let running = self.job.is_some();
            let stale = self.result.as_ref().is_none_or(|(at, _)| *at != revision);
            if running {
                ui.spinner();
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            } else if ui
                .add_enabled(stale, egui::Button::new(t.agree_project_button))
                .on_hover_text(t.agree_project_help)
                .clicked()
            {
                self.start(ui.ctx(), project);
            }
        });
        match &self.result {
            None => {}
            Some((_, Err(why))) => {
                ui.label(RichText::new(why).color(ui.visuals().warn_fg_color));
            }
            Some((_, Ok(result))) => open = show(ui, project, result),
        }
        open
    }

    fn start(&mut self, ctx: &egui::Context, project: &Project) {
        let dir = project.dir().to_path_buf();
        let waker = ctx.clone();
        let job = std::thread::spawn(move || {
            let result = Project::open(&dir)
                .map_err(|e| e.to_string())
                .and_then(|(project, _)| project.open_all().agreement(None));
            waker.request_repaint();
            result
        });
        self.job = Some((project.revision(), job));
    }
}

/// The pooled figures, then a row per document (click to open it).
fn show(ui: &mut Ui, project: &Project, result: &ProjectAgreement) -> Option<usize> {
    let t = tr_co();
    let mut open = None;
    let [a, b] = &result.readers;
    ui.label(format!(
        "{} ↔ {}",
        agreement::reader_name(a.as_deref()),
        agreement::reader_name(b.as_deref())
    ));
    ui.label(
        RichText::new(fill(
            t.agree_pooled,
            &[
                ("documents", &result.per_document.len()),
                ("left", &result.left_out.len()),
            ],
        ))
        .small(),
    );
    let figures = |ui: &mut Ui, name: &str, a: &Agreement| {
        ui.label(name);
        ui.label(format!("{:.1} %", a.percent * 100.0));
        ui.label(agreement::coefficient(a.kappa));
        ui.label(agreement::coefficient(a.alpha));
    };
    egui::Grid::new("project-agreement")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for head in ["", "%", "κ", "α"] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            figures(ui, tr().agree_overall, &result.pooled.overall);
            ui.end_row();
            figures(ui, tr().agree_marked, &result.pooled.marked);
            ui.end_row();
            for x in &result.pooled.per_actor {
                figures(ui, &x.name, &x.agreement);
                ui.end_row();
            }
        });
    ui.label(RichText::new(t.agree_per_document).small());
    egui::ScrollArea::vertical()
        .id_salt("project-agreement-documents")
        .max_height(180.0)
        .show(ui, |ui| {
            egui::Grid::new("project-agreement-documents-grid")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for (index, report) in &result.per_document {
                        let title = project
                            .documents()
                            .get(*index)
                            .map_or("?", |e| e.source.title.as_str());
                        if ui.link(title).clicked() {
                            open = Some(*index);
                        }
                        let all = &report.overall;
                        ui.label(format!("{:.1} %", all.percent * 100.0));
                        ui.label(agreement::coefficient(all.kappa));
                        ui.label(agreement::coefficient(all.alpha));
                        ui.end_row();
                    }
                });
        });
    open
}
