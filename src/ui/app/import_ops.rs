//! Importing another tool's files in the window: a Discourse Network
//! Analyzer database made into a new project on a worker thread (asked
//! for: the database, then the folder), the project opened, and what was
//! carried over and what not said.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use crate::i18n::{fill, tr_im};
use crate::import::dna::{self, DnaReport};
use crate::ui::files::Purpose;

use super::App;

/// An import running on its worker.
pub(super) struct Importing {
    worker: JoinHandle<Result<DnaReport, String>>,
}

impl App {
    /// True while an import runs.
    #[must_use]
    pub fn is_importing(&self) -> bool {
        self.importing.is_some()
    }

    /// The database `file` was chosen: now the folder of the new project,
    /// offered beside it under its name.
    pub(super) fn ask_dna_target(&mut self, ctx: &egui::Context, file: &Path) {
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.files.ask(
            ctx,
            Purpose::ImportDnaTarget {
                file: file.to_path_buf(),
            },
            file.parent(),
            Some(&name),
        );
    }

    /// Makes a new project of the database `file` in `dir` on a worker.
    pub(super) fn import_dna(&mut self, file: &Path, dir: &Path) {
        if self.importing.is_some() {
            return;
        }
        let ctx = self.ctx.clone();
        let (file, dir): (PathBuf, PathBuf) = (file.to_path_buf(), dir.to_path_buf());
        self.messages
            .notice(fill(tr_im().importing, &[("path", &file.display())]));
        let worker = std::thread::spawn(move || {
            let result = dna::import(&file, &dir)
                .map(|(_, report)| report)
                .map_err(|e| e.to_string());
            ctx.request_repaint();
            result
        });
        self.importing = Some(Importing { worker });
    }

    /// Takes up a finished import: the new project opened, the report said
    /// (what was carried over, and what not).
    pub(super) fn poll_importing(&mut self, ctx: &egui::Context) {
        let Some(importing) = &self.importing else {
            return;
        };
        if !importing.worker.is_finished() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        let Some(importing) = self.importing.take() else {
            return;
        };
        match importing.worker.join() {
            Ok(Ok(report)) => {
                self.open_project(&report.dir);
                self.messages.error(report.lines().join("\n"));
                self.messages.notice(report.summary());
            }
            Ok(Err(why)) => self.messages.error(why),
            Err(_) => self.messages.error(tr_im().import_crashed),
        }
    }
}
