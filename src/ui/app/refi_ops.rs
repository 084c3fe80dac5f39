//! *Datei → Importieren → REFI-QDA-Projekt …*: the file asked for, then
//! the folder of the new project; the import runs on a worker (a project
//! of many texts takes seconds), then the new project is opened and the
//! window says what came in and what did not.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use crate::i18n::{fill, tr_refi};
use crate::import::refi::{self, RefiOptions, RefiReport};
use crate::ui::files::Purpose;

use super::App;
use super::file_ops::folder_of;

/// An import running on a worker.
pub(super) struct RefiImport {
    /// The new project's folder.
    dir: PathBuf,
    /// The worker: the report, or why it failed.
    worker: JoinHandle<Result<RefiReport, String>>,
}

impl App {
    /// True while a REFI-QDA project is being imported.
    #[must_use]
    pub fn refi_importing(&self) -> bool {
        self.refi.is_some()
    }

    /// Asks for the REFI project to import.
    pub(super) fn ask_refi(&mut self, ctx: &egui::Context) {
        if self.refi.is_some() {
            self.messages.notice(tr_refi().busy);
            return;
        }
        let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
        self.files
            .ask(ctx, Purpose::ImportRefi, folder.as_deref(), None);
    }

    /// The REFI project chosen: asks for the new project's folder, beside
    /// the file and named after it.
    pub(super) fn refi_chosen(&mut self, ctx: &egui::Context, path: &Path) {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = path.parent().map(Path::to_path_buf);
        self.files.ask(
            ctx,
            Purpose::ImportRefiTarget {
                source: path.to_path_buf(),
            },
            folder.as_deref(),
            Some(&name),
        );
    }

    /// Imports `source` into the new project `dir` on a worker.
    pub fn start_refi(&mut self, source: &Path, dir: &Path) {
        if self.refi.is_some() {
            self.messages.notice(tr_refi().busy);
            return;
        }
        if !crate::workspace::project::is_empty_folder(dir) {
            self.messages
                .error(refi::RefiError::NotEmpty(dir.to_path_buf()).to_string());
            return;
        }
        let said = fill(tr_refi().importing, &[("path", &source.display())]);
        let ctx = self.ctx.clone();
        let (source, target) = (source.to_path_buf(), dir.to_path_buf());
        let worker = std::thread::Builder::new()
            .name("refi-import".into())
            .spawn(move || {
                let result = refi::import(&source, &target, RefiOptions::default())
                    .map_err(|e| e.to_string());
                ctx.request_repaint();
                result
            });
        match worker {
            Ok(worker) => {
                self.messages.notice(said);
                self.refi = Some(RefiImport {
                    dir: dir.to_path_buf(),
                    worker,
                });
            }
            Err(e) => self.messages.error(e.to_string()),
        }
    }

    /// Takes up a finished import: the new project opened, what came in
    /// said, and what did not.
    pub(super) fn poll_refi(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.refi else {
            return;
        };
        if !running.worker.is_finished() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let Some(running) = self.refi.take() else {
            return;
        };
        match running.worker.join() {
            Ok(Ok(report)) => {
                self.open_project(&running.dir);
                let details = report.details();
                if !details.is_empty() {
                    self.messages
                        .error(format!("{}\n\n{}", report.summary(), details.join("\n")));
                }
                self.messages.notice(report.summary());
            }
            Ok(Err(why)) => self.messages.error(why),
            Err(_) => self.messages.error(crate::i18n::tr_co().read_crashed),
        }
    }
}
