//! What an importer (`crate::import`) needs to build a project from
//! another tool's: documents added from bytes already read (a source out of
//! a `.qdpx`), the registry set in one go, entries filled in, annotation
//! files written; the project file is saved once, at the end.

use std::path::Path;

use super::Project;
use super::texts::document_id;
use crate::actors::Actor;
use crate::annotation::{Concept, Session};
use crate::document::Document;
use crate::fsio::{self, SaveError};
use crate::storage::{self, Entry};

impl Project {
    /// Adds `document`, made from `bytes`, as a new document whose text is
    /// those bytes copied into the project's `texts/` folder as
    /// `ID.extension` (the id made from `name`); returns its index. Not
    /// saved yet: call [`Project::save_registry`] when all are in.
    ///
    /// # Errors
    /// A [`SaveError`] when the copy cannot be written.
    pub(crate) fn add_imported(
        &mut self,
        document: &Document,
        name: &str,
        extension: &str,
        bytes: &[u8],
    ) -> Result<usize, SaveError> {
        let taken = |id: &str| self.file.documents.iter().any(|e| e.id == id);
        let id = document_id(name, taken);
        let dir = self.dir.join(storage::TEXTS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| SaveError::from_io(&dir, e))?;
        let path = dir.join(format!("{id}.{extension}"));
        fsio::write_atomic(&path, bytes, |_| false)?;
        let index = self.add_one(document, &path, false)?;
        // The source is these bytes, whatever text was made of them.
        self.file.documents[index].source.source_hash = Some(crate::document::bytes_hash(bytes));
        Ok(index)
    }

    /// Adds `actors`, `concepts` and attribute columns to the registry (not
    /// saved yet).
    pub(crate) fn extend_registry(
        &mut self,
        actors: Vec<Actor>,
        concepts: Vec<Concept>,
        attributes: Vec<String>,
    ) {
        self.file.actors.extend(actors);
        self.file.concepts.extend(concepts);
        for name in attributes {
            if !self.file.attributes.contains(&name) {
                self.file.attributes.push(name);
            }
        }
        self.revision = crate::workspace::fresh_revision();
    }

    /// Document `index`'s record, to fill in (not saved yet).
    pub(crate) fn entry_mut(&mut self, index: usize) -> Option<&mut Entry> {
        self.revision = crate::workspace::fresh_revision();
        self.file.documents.get_mut(index)
    }

    /// Writes `session`'s annotations as document `index`'s file.
    ///
    /// # Errors
    /// A [`SaveError`] when the file cannot be written.
    pub(crate) fn write_imported(
        &mut self,
        index: usize,
        session: &Session,
    ) -> Result<(), SaveError> {
        self.write_annotations(index, session)
    }
}

/// True when `dir` is missing or an empty folder: an import may make a
/// project there.
#[must_use]
pub fn is_empty_folder(dir: &Path) -> bool {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => !dir.exists(),
    }
}
