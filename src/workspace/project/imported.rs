//! What an import from another tool adds to a new project: texts it holds
//! (written into `texts/` as plain text files), their annotations, and the
//! registry's actors, concepts, colour meanings, attribute columns and saved
//! searches, each saved once.

use std::collections::BTreeMap;

use super::Project;
use super::texts::document_id;
use crate::actors::Actor;
use crate::annotation::{Annotation, Colour, Concept, DocumentRef};
use crate::document::{Document, TextFormat};
use crate::fsio::{self, SaveError};
use crate::storage::{self, Entry, SavedSearch};

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
