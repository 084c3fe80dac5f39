//! A session at run time: joined to its parsed document, with history and
//! the outcome of re-anchoring.
//!
//! The window and the command line both work through a [`Workspace`], one
//! file per job: `open` (texts, sessions, the text a session belongs to),
//! `review` (re-anchoring, and the moved annotations to look at), `undo`
//! (edits with undo and the dirty state), `draft` (new annotations), `save`
//! (saving, and changes someone else made to the file), `paths`. Whether an
//! annotation is orphaned is derived from the data (its position no longer
//! holds its quote), so undo can never make that state lie.
//!
//! This is the top of the core: it stands on storage, analysis and export,
//! and only the window and the command line stand on it.

mod draft;
mod highlights;
pub mod import;
pub mod link;
pub mod merge;
mod open;
mod paths;
pub mod project;
mod review;
mod save;
mod undo;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::actors::Actor;
use crate::annotation::{DocumentRef, Session, reconcile};
use crate::document::Document;
use crate::fsio;
use crate::storage;

pub use open::{DocumentMatch, LoadReport, OpenError};
pub use review::AnchorState;
use review::Review;
use undo::History;

/// The last revision handed out, process-wide.
static LAST_REVISION: AtomicU64 = AtomicU64::new(0);

/// A revision number never handed out before in this process.
///
/// Every workspace draws its revisions from this one counter, so a revision
/// names one state of one workspace: a cache keyed on it cannot be fooled by
/// another session opened in its place, whose own counting would otherwise
/// start again at the same numbers. Views that derive facts of their own
/// (and caches keyed on those) draw their generations from it too.
#[must_use]
pub fn fresh_revision() -> u64 {
    LAST_REVISION.fetch_add(1, Ordering::Relaxed) + 1
}

/// A session joined to its document, with undo history.
#[derive(Debug)]
pub struct Workspace {
    document: Arc<Document>,
    /// Where the text came from; `None` for the bundled article.
    document_path: Option<PathBuf>,
    session: Session,
    history: History,
    /// Annotations moved by re-anchoring, until the reader confirms them.
    review: Review,
    session_path: Option<PathBuf>,
    /// The history state last saved; `None` when never saved.
    saved_state: Option<u64>,
    /// Changes with every change, to a value no workspace had before (see
    /// [`fresh_revision`]), so views can tell when to rebuild their caches.
    revision: u64,
    /// Who is reading: stamped on new annotations (`None`: nobody said).
    reader: Option<String>,
    /// The session file as this workspace last read or wrote it, to notice
    /// a change by someone else before writing over it.
    disk: Option<fsio::DiskState>,
    /// What that file held, per record, to merge another side's changes in.
    base: reconcile::Base,
    /// The text is a link's snapshot, not yet kept beside a session file.
    snapshot: bool,
    /// A document of a project: its actors, concepts and legend are the
    /// project's, kept in the project file, not in this session's file.
    shared: bool,
}

impl Workspace {
    /// Who is reading now; new annotations carry this name.
    #[must_use]
    pub fn reader(&self) -> Option<&str> {
        self.reader.as_deref()
    }

    /// Sets who is reading (an empty name for nobody in particular).
    pub fn set_reader(&mut self, name: &str) {
        let name = name.trim();
        self.reader = (!name.is_empty()).then(|| name.to_owned());
    }

    /// A new, empty session on `document`.
    #[must_use]
    pub fn new(document: Document, document_path: Option<PathBuf>, actors: Vec<Actor>) -> Self {
        let reference = DocumentRef::to(
            &document,
            document_path.as_ref().map(|p| p.display().to_string()),
        );
        let session = Session::new(reference, actors);
        Self::of(session, None, document, document_path)
    }

    /// The one constructor: `session` (from `session_path`, if it has a
    /// file) on `document`, clean, with no history and nothing to review.
    fn of(
        session: Session,
        session_path: Option<PathBuf>,
        document: Document,
        document_path: Option<PathBuf>,
    ) -> Self {
        Self {
            document: Arc::new(document),
            document_path,
            session,
            history: History::default(),
            review: Review::default(),
            session_path,
            // Nothing to lose yet: clean until edited.
            saved_state: Some(0),
            revision: fresh_revision(),
            reader: None,
            disk: None,
            base: reconcile::Base::default(),
            snapshot: false,
            shared: false,
        }
    }

    /// The bundled article with its default actors.
    #[must_use]
    pub fn bundled() -> Self {
        Self::new(
            crate::document::bundled::document(),
            None,
            crate::actors::default_actors(),
        )
    }

    /// A recovery snapshot of the session as it is now.
    #[must_use]
    pub fn snapshot(&self) -> storage::recovery::Snapshot {
        storage::recovery::Snapshot::new(
            self.session.clone(),
            self.session_path(),
            self.document_path(),
        )
    }

    /// The document.
    #[must_use]
    pub fn document(&self) -> &Arc<Document> {
        &self.document
    }

    /// The session data.
    #[must_use]
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Where the text was read from; `None` for the bundled article.
    #[must_use]
    pub fn document_path(&self) -> Option<&Path> {
        self.document_path.as_deref()
    }

    /// The session file, once saved or opened.
    #[must_use]
    pub fn session_path(&self) -> Option<&Path> {
        self.session_path.as_deref()
    }

    /// True for a document of a project, whose actors, concepts and legend
    /// the project keeps.
    #[must_use]
    pub fn is_shared(&self) -> bool {
        self.shared
    }

    /// The state of the workspace: equal values mean the same workspace with
    /// nothing changed in between; unique across workspaces.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }
}
