//! What an importer (`crate::import`) needs to build a project from
//! another tool's: documents added from bytes already read (a source out of
//! a `.qdpx`) or from a text alone (a DNA database's), the registry extended
//! (actors, concepts, colour meanings, attribute columns, saved searches),
//! entries filled in, annotation files written; the project file is saved
//! once, at the end.

use std::collections::BTreeMap;
use std::path::Path;

use super::Project;
use super::texts::document_id;
use crate::actors::Actor;
use crate::annotation::{Annotation, Colour, Concept, DocumentRef, Session};
use crate::document::{Document, TextFormat};
use crate::fsio::{self, SaveError};
use crate::storage::{self, Entry, SavedSearch};

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

/// A document's record as an import knows it: everything but the text.
#[derive(Clone, Debug, Default)]
pub struct ImportedEntry {
    /// What the id is made from (a title, another tool's id).
    pub name: String,
    /// The title the list shows.
    pub title: String,
    /// Where it appeared.
    pub outlet: Option<String>,
    /// When: `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Attribute columns: name to value.
    pub attributes: BTreeMap<String, String>,
}

/// What an import adds to the registry.
#[derive(Clone, Debug, Default)]
pub struct ImportedRegistry {
    /// Actors.
    pub actors: Vec<Actor>,
    /// Concepts.
    pub concepts: Vec<Concept>,
    /// What highlight colours mean.
    pub legend: BTreeMap<Colour, String>,
    /// Attribute columns, in order.
    pub attributes: Vec<String>,
    /// Saved searches.
    pub searches: Vec<SavedSearch>,
}

impl Project {
    /// Writes `text` as the plain text file `texts/ID.txt` and adds it as a
    /// document with `entry`'s metadata; returns its index and the text as
    /// the project reads it (offsets of annotations point into that).
    /// The registry is not saved: [`Project::take_in_imported_registry`] does that
    /// once at the end.
    ///
    /// # Errors
    /// A message when the file cannot be written, or is not a text the
    /// project can read (empty, binary); nothing is added then.
    pub fn add_imported_text(
        &mut self,
        entry: ImportedEntry,
        text: &str,
    ) -> Result<(usize, Document), String> {
        let taken = |id: &str| self.file.documents.iter().any(|e| e.id == id);
        let id = document_id(&entry.name, taken);
        let dir = self.dir.join(storage::TEXTS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| SaveError::from_io(&dir, e).to_string())?;
        let path = dir.join(format!("{id}.txt"));
        // As the project reads the file back: a `.txt` file is plain text.
        let document = Document::from_bytes(text.as_bytes(), TextFormat::Plain)
            .map_err(|why| why.to_string())?;
        fsio::write_atomic(&path, text.as_bytes(), |_| false).map_err(|e| e.to_string())?;
        let relative = format!("{}/{id}.txt", storage::TEXTS_DIR);
        let mut source = DocumentRef::to(&document, Some(relative));
        if !entry.title.trim().is_empty() {
            source.title = entry.title;
        }
        self.file.documents.push(Entry {
            id,
            source,
            outlet: entry.outlet,
            date: entry.date,
            author: entry.author,
            attributes: entry.attributes,
        });
        self.annotations.push(Ok(Vec::new()));
        self.revision = crate::workspace::fresh_revision();
        Ok((self.file.documents.len() - 1, document))
    }

    /// Writes `annotations` as document `index`'s.
    ///
    /// # Errors
    /// A [`SaveError`] when the file cannot be written.
    pub fn set_imported_annotations(
        &mut self,
        index: usize,
        annotations: Vec<Annotation>,
    ) -> Result<(), SaveError> {
        let mut session = self.session_of(index);
        session.annotations = annotations;
        session.format = session.needed_format();
        self.write_annotations(index, &session)
    }

    /// Adds what an import brings to the registry (records of an id or
    /// name already there are left as they are) and saves it.
    ///
    /// # Errors
    /// As [`Project::save_registry`].
    pub fn take_in_imported_registry(
        &mut self,
        registry: ImportedRegistry,
    ) -> Result<(), SaveError> {
        for actor in registry.actors {
            if self.file.actors.iter().all(|a| a.id != actor.id) {
                self.file.actors.push(actor);
            }
        }
        for concept in registry.concepts {
            if self.file.concepts.iter().all(|c| c.id != concept.id) {
                self.file.concepts.push(concept);
            }
        }
        for (colour, meaning) in registry.legend {
            self.file.legend.entry(colour).or_insert(meaning);
        }
        for column in registry.attributes {
            if !self.file.attributes.contains(&column) {
                self.file.attributes.push(column);
            }
        }
        for search in registry.searches {
            if self.file.searches.iter().all(|s| s.name != search.name) {
                self.file.searches.push(search);
            }
        }
        self.revision = crate::workspace::fresh_revision();
        self.save_registry()
    }
}
