//! Annotations of another tool brought into this workspace: the one W3C
//! import the window (*Datei → W3C-Anmerkungen importieren*) and the
//! command line (`import`) both make.

use std::path::Path;

use super::Workspace;
use crate::export::w3c;

/// What an import brought in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Annotations added.
    pub added: usize,
    /// What was left out, and why, one sentence each.
    pub skipped: Vec<String>,
}

impl Workspace {
    /// Adds the annotations of W3C Web Annotation file `path` (Randnotiz's
    /// own export, Hypothesis's JSON-LD or its client's export) to the
    /// session, as one undo step.
    ///
    /// # Errors
    /// What is wrong with the file, naming it, when it cannot be read or
    /// holds no annotations this text can take; nothing changed then.
    pub fn import_w3c(&mut self, path: &Path) -> Result<ImportReport, String> {
        let json = w3c::read_json(path).map_err(|e| e.with_path(path))?;
        let mut imported =
            w3c::import(&json, self.session(), self.document()).map_err(|e| e.with_path(path))?;
        let skipped = std::mem::take(&mut imported.skipped);
        let (edit, added) = imported.into_edit();
        self.apply(edit).map_err(|e| e.to_string())?;
        Ok(ImportReport { added, skipped })
    }
}
