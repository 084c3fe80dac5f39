//! *Datei → Importieren* for whole projects of other tools (a REFI-QDA
//! project, a Discourse Network Analyzer database): the file asked for,
//! then the folder of the new project (beside the file, named after it);
//! the import runs on a worker (a project of many texts takes seconds),
//! then the new project is opened and the window says what came in and
//! what did not. One worker at a time, whichever the format.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use crate::i18n::{fill, tr_im, tr_refi};
use crate::import::{Kind, dna, refi};
use crate::ui::files::Purpose;

use super::App;
use super::file_ops::folder_of;

/// What a finished import tells the window.
struct Imported {
    /// The new project's folder.
    dir: PathBuf,
    /// One line: what came in.
    summary: String,
    /// What did not come, one line each (empty when all came).
    details: Vec<String>,
}

/// An import running on a worker.
pub(super) struct Importing {
    worker: JoinHandle<Result<Imported, String>>,
}

/// Runs the import of `source` into the new project `dir`.
fn run(kind: Kind, source: &Path, dir: &Path) -> Result<Imported, String> {
    match kind {
        Kind::Refi => refi::import(source, dir, refi::RefiOptions::default())
            .map(|report| Imported {
                dir: dir.to_path_buf(),
                summary: report.summary(),
                details: report.details(),
            })
            .map_err(|e| e.to_string()),
        Kind::Dna => dna::import(source, dir)
            .map(|(_, report)| Imported {
                dir: report.dir.clone(),
                summary: report.summary(),
                details: report.lines(),
            })
            .map_err(|e| e.to_string()),
    }
}

impl App {
    /// True while a project of another tool is being imported.
    #[must_use]
    pub fn is_importing(&self) -> bool {
        self.importing.is_some()
    }

    /// Asks for the file to import.
    pub(super) fn ask_import(&mut self, ctx: &egui::Context, kind: Kind) {
        if self.importing.is_some() {
            self.messages.notice(tr_refi().busy);
            return;
        }
        let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
        self.files
            .ask(ctx, Purpose::Import(kind), folder.as_deref(), None);
    }

    /// The file chosen: asks for the new project's folder, beside the file
    /// and named after it.
    pub(super) fn import_chosen(&mut self, ctx: &egui::Context, kind: Kind, path: &Path) {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = path.parent().map(Path::to_path_buf);
        self.files.ask(
            ctx,
            Purpose::ImportTarget {
                kind,
                source: path.to_path_buf(),
            },
            folder.as_deref(),
            Some(&name),
        );
    }

    /// Imports `source` into the new project `dir` on a worker.
    pub fn start_import(&mut self, kind: Kind, source: &Path, dir: &Path) {
        if self.importing.is_some() {
            self.messages.notice(tr_refi().busy);
            return;
        }
        if !crate::workspace::project::is_empty_folder(dir) {
            self.messages
                .error(refi::RefiError::NotEmpty(dir.to_path_buf()).to_string());
            return;
        }
        let said = fill(tr_im().importing, &[("path", &source.display())]);
        let ctx = self.ctx.clone();
        let (source, target) = (source.to_path_buf(), dir.to_path_buf());
        let worker = std::thread::Builder::new()
            .name("import".into())
            .spawn(move || {
                let result = run(kind, &source, &target);
                ctx.request_repaint();
                result
            });
        match worker {
            Ok(worker) => {
                self.messages.notice(said);
                self.importing = Some(Importing { worker });
            }
            Err(e) => self.messages.error(e.to_string()),
        }
    }

    /// Takes up a finished import: the new project opened, what came in
    /// said, and what did not.
    pub(super) fn poll_importing(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.importing else {
            return;
        };
        if !running.worker.is_finished() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let Some(running) = self.importing.take() else {
            return;
        };
        match running.worker.join() {
            Ok(Ok(done)) => {
                self.open_project(&done.dir);
                if !done.details.is_empty() {
                    self.messages
                        .error(format!("{}\n\n{}", done.summary, done.details.join("\n")));
                }
                self.messages.notice(done.summary);
            }
            Ok(Err(why)) => self.messages.error(why),
            Err(_) => self.messages.error(tr_im().import_crashed),
        }
    }
}
