//! A project at run time: a corpus of documents that share one registry of
//! actors, concepts and legend (see [`crate::storage::ProjectFile`] for the
//! folder's shape and why).
//!
//! The project holds the registry and every document's annotations as its
//! files last held them (for the document list, the counts, the corpus-wide
//! dossier and search). One document at a time is opened as an ordinary
//! [`Workspace`], with the registry as its actors: the reader works on it
//! exactly as on a single article, and [`Project::take_back`] brings what
//! it saved back into the project. The texts are read lazily, from a cache
//! of their extracted text where they are web pages or documents.

mod add;
mod agree;
mod attributes;
mod corpus;
mod corpus_docs;
mod imported;
mod mark;
mod merge;
mod merge_in;
mod parallel;
mod texts;

use std::path::{Path, PathBuf};

use super::paths::absolute;
use super::{LoadReport, OpenError, Workspace, fresh_revision};
use crate::annotation::{Annotation, DocumentRef, Session, reconcile};
use crate::document::Document;
use crate::fsio::{self, SaveError};
use crate::i18n::{fill, tr_co};
use crate::storage::{self, Entry, ProjectError, ProjectFile};

pub use add::{AddReport, Progress, Skipped, sortable_date};
pub use agree::ProjectAgreement;
pub use attributes::{AttributesError, AttributesReport};
pub use corpus::{OpenedCorpus, OpenedDocument};
pub use imported::{ImportedEntry, ImportedRegistry};
pub use mark::MarkStep;
pub use merge::{MergedProject, merge_projects};
pub use merge_in::{MergeInError, MergeInReport};
pub use texts::{TextChecks, TextState, document_id};

/// A project folder, open.
#[derive(Debug)]
pub struct Project {
    dir: PathBuf,
    file: ProjectFile,
    /// Fields of the project file this version does not know: while there
    /// are any, the registry is not written (it would drop them).
    unknown: Vec<String>,
    /// The project file as last read or written.
    disk: Option<fsio::DiskState>,
    /// The project file as last read or written: the ancestor when another
    /// writer's changes are merged in.
    base: ProjectFile,
    /// What that merge could not make one of, not yet said.
    conflicts: Vec<String>,
    /// Per document (parallel to the registry's list): its annotations as
    /// its file holds them, or why that file cannot be read.
    annotations: Vec<Result<Vec<Annotation>, String>>,
    revision: u64,
}

impl Project {
    /// Makes a new project in `dir` (made if missing): the project file,
    /// and `.gitattributes` and `.gitignore` for keeping it in git.
    ///
    /// # Errors
    /// A message when `dir` already holds a project, or the files cannot
    /// be written.
    pub fn create(dir: &Path, name: &str) -> Result<Self, String> {
        let dir = absolute(dir);
        if dir.join(storage::PROJECT_FILE).exists() {
            return Err(fill(
                tr_co().err_project_exists,
                &[("path", &dir.display())],
            ));
        }
        std::fs::create_dir_all(&dir).map_err(|e| SaveError::from_io(&dir, e).to_string())?;
        let name = if name.trim().is_empty() {
            dir.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            name.trim().to_owned()
        };
        let file = ProjectFile::new(name);
        let disk = storage::write_project(&dir, &file).map_err(|e| e.to_string())?;
        let annotations = dir.join(storage::ANNOTATIONS_DIR);
        std::fs::create_dir_all(&annotations)
            .map_err(|e| SaveError::from_io(&annotations, e).to_string())?;
        for (name, text) in [(".gitattributes", GITATTRIBUTES), (".gitignore", GITIGNORE)] {
            let path = dir.join(name);
            if !path.exists() {
                std::fs::write(&path, text)
                    .map_err(|e| SaveError::from_io(&path, e).to_string())?;
            }
        }
        Ok(Self {
            dir,
            base: file.clone(),
            conflicts: Vec::new(),
            file,
            unknown: Vec::new(),
            disk: Some(disk),
            annotations: Vec::new(),
            revision: fresh_revision(),
        })
    }

    /// Opens the project in `dir` with every document's annotations; what
    /// could not be read is said in the notices (and that document's
    /// annotations are kept on disk untouched: it cannot be saved over).
    ///
    /// # Errors
    /// A [`ProjectError`] when the project file is missing, damaged or newer.
    pub fn open(dir: &Path) -> Result<(Self, Vec<String>), ProjectError> {
        let dir = absolute(dir);
        let read = storage::read_project(&dir)?;
        let mut notices = Vec::new();
        if !read.unknown.is_empty() {
            notices.push(fill(
                tr_co().err_project_unknown_fields,
                &[
                    ("fields", &read.unknown.join(", ")),
                    ("path", &dir.join(storage::PROJECT_FILE).display()),
                ],
            ));
        }
        let mut project = Self {
            base: read.file.clone(),
            conflicts: Vec::new(),
            file: read.file,
            unknown: read.unknown,
            disk: Some(read.disk),
            annotations: Vec::new(),
            dir,
            revision: fresh_revision(),
        };
        project.annotations = texts::read_all_annotations(&project);
        for (entry, annotations) in project.file.documents.iter().zip(&project.annotations) {
            if let Err(why) = annotations {
                notices.push(fill(
                    tr_co().doc_unreadable,
                    &[("title", &entry.source.title), ("why", why)],
                ));
            }
        }
        Ok((project, notices))
    }

    /// The project folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The registry: name, actors, concepts, legend, attributes, documents.
    #[must_use]
    pub fn file(&self) -> &ProjectFile {
        &self.file
    }

    /// The documents, in the order they were added.
    #[must_use]
    pub fn documents(&self) -> &[Entry] {
        &self.file.documents
    }

    /// The index of the document with `id`, or of the `n`th document
    /// (from 1), or of the one whose title is `which`.
    #[must_use]
    pub fn find(&self, which: &str) -> Option<usize> {
        let docs = &self.file.documents;
        docs.iter()
            .position(|e| e.id == which)
            .or_else(|| {
                which
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=docs.len()).contains(n))
                    .map(|n| n - 1)
            })
            .or_else(|| docs.iter().position(|e| e.source.title == which))
    }

    /// The annotations of document `index` as its file holds them (none
    /// when the file cannot be read).
    #[must_use]
    pub fn annotations(&self, index: usize) -> &[Annotation] {
        match self.annotations.get(index) {
            Some(Ok(list)) => list,
            _ => &[],
        }
    }

    /// Why the annotations of document `index` could not be read, if so.
    #[must_use]
    pub fn annotations_problem(&self, index: usize) -> Option<&str> {
        match self.annotations.get(index) {
            Some(Err(why)) => Some(why),
            _ => None,
        }
    }

    /// Every annotation of the corpus, with its document's index.
    pub fn all_annotations(&self) -> impl Iterator<Item = (usize, &Annotation)> {
        (0..self.file.documents.len())
            .flat_map(move |i| self.annotations(i).iter().map(move |a| (i, a)))
    }

    /// The registry as a session without annotations: actors, concepts and
    /// legend, for what works on sessions (exports, statistics).
    #[must_use]
    pub fn registry(&self) -> Session {
        registry_session(&self.file)
    }

    /// Document `index` as a session: the registry with its annotations.
    #[must_use]
    pub fn session_of(&self, index: usize) -> Session {
        let mut session = self.registry();
        if let Some(entry) = self.file.documents.get(index) {
            session.document = entry.source.clone();
        }
        session.annotations = self.annotations(index).to_vec();
        session
    }

    /// Where document `index`'s annotations are kept.
    #[must_use]
    pub fn annotations_path(&self, index: usize) -> PathBuf {
        let id = self.file.documents.get(index).map_or("", |e| e.id.as_str());
        self.dir
            .join(storage::ANNOTATIONS_DIR)
            .join(format!("{id}.ron"))
    }

    /// Where document `index`'s text is (its recorded path, resolved
    /// against the project folder).
    #[must_use]
    pub fn text_path(&self, index: usize) -> Option<PathBuf> {
        let recorded = self.file.documents.get(index)?.source.path.as_ref()?;
        Some(super::paths::lexically_normal(&self.dir.join(recorded)))
    }

    /// Changes with every change to the project, to a value never handed
    /// out before (see [`fresh_revision`]).
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the registry can be written (the file holds no fields this
    /// version does not know).
    #[must_use]
    pub fn registry_writable(&self) -> bool {
        self.unknown.is_empty()
    }

    /// Opens document `index` for reading and annotating: its annotations
    /// on its text, with the project's actors, concepts and legend.
    ///
    /// # Errors
    /// An [`OpenError`] when its text is missing or unreadable, or its
    /// annotation file cannot be read.
    pub fn open_document(&self, index: usize) -> Result<(Workspace, LoadReport), OpenError> {
        let entry = self.entry(index)?;
        let document = self.load_document(index)?;
        let document_path = self.text_path(index);
        let path = self.annotations_path(index);
        if let Some(folder) = path.parent() {
            // Git keeps no empty folder: a fresh clone may lack it.
            let _ = std::fs::create_dir_all(folder);
        }
        let registry = self.registry();
        let (session, repairs, disk) = if path.exists() {
            let (session, repairs, disk) = storage::read_session_with(&path, |s| {
                s.actors.clone_from(&registry.actors);
                s.concepts.clone_from(&registry.concepts);
                s.legend.clone_from(&registry.legend);
            })?;
            (session, repairs, Some(disk))
        } else {
            let mut session = registry;
            session.document = entry.source.clone();
            (session, Vec::new(), None)
        };
        let base = reconcile::Base::of(&session);
        let (mut workspace, report) =
            Workspace::join(session, Some(path), document, document_path, repairs);
        workspace.shared = true;
        workspace.disk = disk;
        workspace.base = base;
        Ok((workspace, report))
    }

    /// Reads document `index`'s text: from the cache of extracted texts
    /// where it is there and still the same, else from the source.
    ///
    /// # Errors
    /// An [`OpenError`] when the text is missing or cannot be read.
    pub fn load_document(&self, index: usize) -> Result<Document, OpenError> {
        let entry = self.entry(index)?;
        texts::load(self, entry, self.text_path(index).as_deref())
    }

    /// Every document's text (for searching the corpus), read in parallel;
    /// for a text that cannot be read, why.
    #[must_use]
    pub fn load_all(&self) -> Vec<Result<Document, String>> {
        texts::load_all(self)
    }

    /// The corpus search index of every document's text (a text that
    /// cannot be read stands as an empty one), and why those could not be
    /// read, by document.
    #[must_use]
    pub fn search_index(
        &self,
    ) -> (
        crate::analysis::corpus_search::CorpusIndex,
        Vec<(usize, String)>,
    ) {
        let texts = self.load_all();
        let index = crate::analysis::corpus_search::CorpusIndex::build(
            texts.iter().map(|t| t.as_ref().map_or("", |d| d.text())),
        );
        let problems = texts
            .into_iter()
            .enumerate()
            .filter_map(|(i, t)| t.err().map(|why| (i, why)))
            .collect();
        (index, problems)
    }

    /// True when an annotation of document `doc` (as its file holds them)
    /// covers any of `range`: a search hit already coded.
    #[must_use]
    pub fn is_coded(&self, doc: usize, range: crate::document::CharRange) -> bool {
        self.annotations(doc).iter().any(|a| {
            let r = a.range();
            r.start < range.end && range.start < r.end
        })
    }

    /// Adds an actor to the registry and saves it.
    ///
    /// # Errors
    /// As [`Project::save_registry`].
    pub fn add_actor(&mut self, actor: crate::actors::Actor) -> Result<(), SaveError> {
        if self.file.actors.iter().any(|a| a.id == actor.id) {
            return Ok(());
        }
        self.file.actors.push(actor);
        self.revision = fresh_revision();
        self.save_registry()
    }

    /// The outlets of the documents, each once, sorted.
    #[must_use]
    pub fn outlets(&self) -> Vec<String> {
        let mut outlets: Vec<String> = self
            .file
            .documents
            .iter()
            .filter_map(|e| e.outlet.clone())
            .collect();
        outlets.sort();
        outlets.dedup();
        outlets
    }

    /// Whether each document's text is there and unchanged, by its bytes.
    #[must_use]
    pub fn text_states(&self) -> Vec<TextState> {
        self.text_checks().run()
    }

    /// What [`Self::text_states`] looks at, to look on another thread:
    /// every text is read and hashed, which for a thousand documents takes
    /// longer than a frame.
    #[must_use]
    pub fn text_checks(&self) -> TextChecks {
        TextChecks(
            (0..self.file.documents.len())
                .map(|i| (self.file.documents[i].clone(), self.text_path(i)))
                .collect(),
        )
    }

    fn entry(&self, index: usize) -> Result<&Entry, OpenError> {
        self.file
            .documents
            .get(index)
            .ok_or_else(|| OpenError::Project(fill(tr_co().err_no_document, &[("which", &index)])))
    }

    /// Takes back what the workspace of document `index` holds after it was
    /// saved: its annotations, and the registry's actors, concepts and
    /// legend (written to the project file when they changed).
    ///
    /// # Errors
    /// A [`SaveError`] when the project file cannot be written; the
    /// document's annotations are taken back even then.
    pub fn take_back(&mut self, index: usize, workspace: &Workspace) -> Result<(), SaveError> {
        let session = workspace.session();
        if let Some(slot) = self.annotations.get_mut(index) {
            *slot = Ok(session.annotations.clone());
        }
        self.revision = fresh_revision();
        let changed = session.actors != self.file.actors
            || session.concepts != self.file.concepts
            || session.legend != self.file.legend;
        if !changed {
            return Ok(());
        }
        self.file.actors.clone_from(&session.actors);
        self.file.concepts.clone_from(&session.concepts);
        self.file.legend.clone_from(&session.legend);
        self.save_registry()
    }

    /// Sets document `index`'s metadata and attributes, and saves the
    /// registry.
    ///
    /// # Errors
    /// As [`Project::save_registry`].
    pub fn edit_entry(
        &mut self,
        index: usize,
        edit: impl FnOnce(&mut Entry),
    ) -> Result<(), SaveError> {
        if let Some(entry) = self.file.documents.get_mut(index) {
            edit(entry);
            for key in entry.attributes.keys() {
                if !self.file.attributes.contains(key) {
                    self.file.attributes.push(key.clone());
                }
            }
        }
        self.revision = fresh_revision();
        self.save_registry()
    }

    /// Adds an attribute column (values per document, empty at first).
    ///
    /// # Errors
    /// As [`Project::save_registry`].
    pub fn add_attribute(&mut self, name: &str) -> Result<(), SaveError> {
        let name = name.trim();
        if name.is_empty() || self.file.attributes.iter().any(|a| a == name) {
            return Ok(());
        }
        self.file.attributes.push(name.to_owned());
        self.revision = fresh_revision();
        self.save_registry()
    }

    /// Writes the registry to the project file (atomically). Someone else's
    /// changes to that file since it was read are merged in first, record
    /// by record, as for a session; refused while the file holds fields
    /// this version does not know.
    ///
    /// # Errors
    /// A [`SaveError`]; the file on disk is then unchanged.
    pub fn save_registry(&mut self) -> Result<(), SaveError> {
        let path = self.dir.join(storage::PROJECT_FILE);
        if !self.unknown.is_empty() {
            return Err(SaveError::WouldDrop {
                path,
                fields: self.unknown.join(", "),
            });
        }
        if self
            .disk
            .as_ref()
            .is_some_and(|d| d.changed(&path, storage::MAX_PROJECT_BYTES))
        {
            self.take_in_registry_changes(&path)?;
        }
        self.disk = Some(storage::write_project(&self.dir, &self.file)?);
        self.base = self.file.clone();
        self.revision = fresh_revision();
        Ok(())
    }

    /// Merges what someone else wrote to the project file into this one
    /// ([`merge_projects`], as git's merge driver does); what both changed
    /// differently is kept as this side has it and waits in
    /// [`Self::take_conflicts`].
    fn take_in_registry_changes(&mut self, path: &Path) -> Result<(), SaveError> {
        let theirs = storage::read_project(&self.dir).map_err(|e| SaveError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
        if !theirs.unknown.is_empty() {
            return Err(SaveError::WouldDrop {
                path: path.to_path_buf(),
                fields: theirs.unknown.join(", "),
            });
        }
        let merged = merge_projects(&self.base, &self.file, &theirs.file);
        // The annotations follow their documents; those of a document the
        // other writer added are in its file.
        let mut by_id: std::collections::HashMap<String, Result<Vec<Annotation>, String>> = self
            .file
            .documents
            .iter()
            .map(|e| e.id.clone())
            .zip(std::mem::take(&mut self.annotations))
            .collect();
        self.file = merged.file;
        self.annotations = (0..self.file.documents.len())
            .map(|i| {
                by_id
                    .remove(&self.file.documents[i].id)
                    .unwrap_or_else(|| texts::read_annotations(&self.annotations_path(i)))
            })
            .collect();
        self.conflicts.extend(merged.conflicts);
        Ok(())
    }

    /// What merging another writer's changes to the project file could not
    /// make one of (this side's values were kept), one line each; taken
    /// once.
    pub fn take_conflicts(&mut self) -> Vec<String> {
        std::mem::take(&mut self.conflicts)
    }
}

/// The project folder a document's annotation file belongs to
/// (`DIR/annotations/ID.ron` with `DIR/project.ron`), and the document's id.
#[must_use]
pub fn project_of(annotations: &Path) -> Option<(PathBuf, String)> {
    let folder = annotations.parent()?;
    if folder.file_name()? != storage::ANNOTATIONS_DIR {
        return None;
    }
    let dir = folder.parent()?;
    let id = annotations.file_stem()?.to_string_lossy().into_owned();
    dir.join(storage::PROJECT_FILE)
        .is_file()
        .then(|| (dir.to_path_buf(), id))
}

/// The registry of `file` as a session without annotations.
fn registry_session(file: &ProjectFile) -> Session {
    let mut session = Session::new(DocumentRef::default(), file.actors.clone());
    session.concepts.clone_from(&file.concepts);
    session.legend.clone_from(&file.legend);
    session
}

/// What a project's `.gitattributes` says: Randnotiz merges its files.
pub const GITATTRIBUTES: &str = "# Randnotiz merges its own files (see README, \"Teams: merging through git\"):\n\
     # git config merge.randnotiz.name \"Randnotiz\"\n\
     # git config merge.randnotiz.driver \"randnotiz merge-driver %O %A %B %P\"\n\
     *.ron merge=randnotiz\n";

/// What a project's `.gitignore` says: the cache, backups and locks are
/// this machine's.
pub const GITIGNORE: &str = ".cache/\n*.bak\n.*.lock\n";
