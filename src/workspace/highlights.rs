//! Highlights of another reading app brought into this workspace: a Zotero
//! note (Markdown) or KOReader's export (JSON), the import the window
//! (*Datei → Importieren*) and the command line (`import`) both make.

use std::path::Path;

use super::Workspace;
use super::import::ImportReport;
use crate::export::highlights::{self, Kind};
use crate::export::w3c::{self, Imported};

impl Workspace {
    /// Adds the highlights of the Zotero note or KOReader export `path`,
    /// read as `kind`, to the session, as one undo step: each anchored by
    /// its quote; what is not found is named in the report.
    ///
    /// # Errors
    /// What is wrong with the file, naming it, when it cannot be read or
    /// holds no highlight; nothing changed then.
    pub fn import_highlights(&mut self, path: &Path, kind: Kind) -> Result<ImportReport, String> {
        let text = w3c::read_json(path).map_err(|e| e.with_path(path))?;
        let imported = highlights::import(kind, &text, self.session(), self.document())
            .map_err(|e| e.with_path(path))?;
        self.add_imported(imported)
    }

    /// Adds the annotations of `path` to the session, as one undo step:
    /// the highlights of a Zotero note or a KOReader export when the file
    /// is one ([`Kind::detect`]), else W3C Web Annotations.
    ///
    /// # Errors
    /// What is wrong with the file, naming it; nothing changed then.
    pub fn import_any(&mut self, path: &Path) -> Result<ImportReport, String> {
        let text = w3c::read_json(path).map_err(|e| e.with_path(path))?;
        let imported = match Kind::detect(path, &text) {
            Some(kind) => highlights::import(kind, &text, self.session(), self.document())
                .map_err(|e| e.with_path(path))?,
            None => w3c::import(&text, self.session(), self.document())
                .map_err(|e| e.with_path(path))?,
        };
        self.add_imported(imported)
    }

    fn add_imported(&mut self, mut imported: Imported) -> Result<ImportReport, String> {
        let skipped = std::mem::take(&mut imported.skipped);
        let (edit, added) = imported.into_edit();
        self.apply(edit).map_err(|e| e.to_string())?;
        Ok(ImportReport { added, skipped })
    }
}
