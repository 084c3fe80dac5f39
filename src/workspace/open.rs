//! Opening: a text, a session and the text it belongs to, a recovery
//! snapshot; and what opening found.

use std::path::{Path, PathBuf};

use super::Workspace;
use super::paths::{absolute, lexically_normal};
use super::project;
use crate::annotation::{EditError, Session, reconcile};
use crate::document::{Document, DocumentError};
use crate::i18n::{fill, tr, tr_in};
use crate::storage::{self, SessionError};

/// How the opened document relates to the one the session was made on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentMatch {
    /// The very same text (same hash).
    Same,
    /// A changed version of it: most passages were found.
    Changed,
    /// Another text: too few passages were found to trust any move.
    Different,
}

/// What loading a session found.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadReport {
    /// Annotations found at their position.
    pub anchored: usize,
    /// Annotations found elsewhere or slightly changed.
    pub moved: usize,
    /// Annotations not found, kept as orphans.
    pub orphaned: usize,
    /// Same, changed or other text.
    pub relation: DocumentMatch,
    /// Repairs made to the file and other things the reader should know.
    pub notices: Vec<String>,
}

impl LoadReport {
    /// One line: "12 verankert, 2 verschoben, 1 verwaist".
    #[must_use]
    pub fn summary(&self) -> String {
        fill(
            tr().report_summary,
            &[
                ("anchored", &self.anchored),
                ("moved", &self.moved),
                ("orphaned", &self.orphaned),
            ],
        )
    }
}

/// Why a session could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The session file is unreadable or broken.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The text could not be opened.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// Taking in the other side's changes did not fit this session (a
    /// record the merge expected was not there); nothing changed.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The session file now holds a session on another text.
    #[error("{}", fill(tr().err_disk_other_text, &[("title", title), ("path", &path.display())]))]
    OtherText {
        /// The other text's title.
        title: String,
        /// The session file.
        path: PathBuf,
    },
    /// The text where the session says it is, is not the one it was made
    /// on: changed, or another file (a received session may name any file).
    #[error("{}", fill(tr().err_text_differs, &[("title", title), ("found", &found.display()), ("path", &path.display())]))]
    TextDiffers {
        /// The session's text, as it remembers it.
        title: String,
        /// The file found there.
        found: PathBuf,
        /// The session file.
        path: PathBuf,
    },
    /// The session's text is nowhere to be found.
    #[error("{}", fill(tr().err_document_missing, &[("title", title), ("expected", expected), ("path", &path.display())]))]
    DocumentMissing {
        /// The document's title, as the session remembers it.
        title: String,
        /// Where the session expected it.
        expected: String,
        /// The session file.
        path: PathBuf,
    },
    /// A project's document cannot be opened (the message says why).
    #[error("{0}")]
    Project(String),
}

impl Workspace {
    /// Opens a text file as a new session; the bundled article's actors come
    /// along when the text is the bundled article.
    ///
    /// # Errors
    /// A [`DocumentError`] saying why the text cannot be opened.
    pub fn open_text(path: &Path) -> Result<Self, DocumentError> {
        Self::open_text_with_password(path, None)
    }

    /// [`Workspace::open_text`] for a PDF protected by `password`.
    ///
    /// # Errors
    /// As [`Workspace::open_text`].
    pub fn open_text_with_password(
        path: &Path,
        password: Option<&str>,
    ) -> Result<Self, DocumentError> {
        let document = Document::open_with_password(path, password)?;
        // The bundled article comes with its actors, a transcript with its
        // speakers.
        let actors = if document.hash() == crate::document::bundled::document().hash() {
            crate::actors::default_actors()
        } else {
            crate::actors::speakers_as_actors(&document.speakers())
        };
        Ok(Self::new(document, Some(absolute(path)), actors))
    }

    /// Opens a session file, finds its text (or uses `text`), re-anchors.
    ///
    /// # Errors
    /// An [`OpenError`] when the file is unreadable or its text is missing.
    pub fn open_session(path: &Path, text: Option<&Path>) -> Result<(Self, LoadReport), OpenError> {
        Self::open_session_with_password(path, text, None)
    }

    /// [`Workspace::open_session`] on a text that is a PDF protected by
    /// `password`.
    ///
    /// # Errors
    /// As [`Workspace::open_session`].
    pub fn open_session_with_password(
        path: &Path,
        text: Option<&Path>,
        password: Option<&str>,
    ) -> Result<(Self, LoadReport), OpenError> {
        let (session, repairs, disk) = storage::read_session_with_state(path)?;
        let base = reconcile::Base::of(&session);
        let (document, document_path) = find_document(&session, path, text, password)?;
        let reextracted = reextracted(&session, &document);
        let (mut workspace, mut report) = Self::join(
            session,
            Some(absolute(path)),
            document,
            document_path,
            repairs,
        );
        workspace.disk = Some(disk);
        workspace.base = base;
        report.notices.splice(0..0, reextracted);
        Ok((workspace, report))
    }

    /// Restores the session of a recovery file, with its text; the restored
    /// changes count as unsaved.
    ///
    /// # Errors
    /// An [`OpenError`] when the text it belongs to cannot be found.
    pub fn restore(snapshot: storage::recovery::Snapshot) -> Result<(Self, LoadReport), OpenError> {
        let session_path = snapshot.session_path.map(PathBuf::from);
        let (document, document_path) = match snapshot.document_path.map(PathBuf::from) {
            Some(path) => (Document::open(&path)?, Some(path)),
            None => {
                let bundled = crate::document::bundled::document();
                if snapshot.session.document.hash != bundled.hash()
                    && snapshot.session.document.path.is_some()
                {
                    return Err(OpenError::DocumentMissing {
                        title: snapshot.session.document.title.clone(),
                        expected: snapshot.session.document.path.clone().unwrap_or_default(),
                        path: session_path.unwrap_or_default(),
                    });
                }
                (bundled, None)
            }
        };
        // A project's document keeps writing its file without actors.
        let shared = session_path
            .as_deref()
            .is_some_and(|p| project::project_of(p).is_some());
        let (mut workspace, report) = Self::join(
            snapshot.session,
            session_path,
            document,
            document_path,
            Vec::new(),
        );
        workspace.saved_state = None;
        workspace.shared = shared;
        Ok((workspace, report))
    }

    /// A workspace of `session` on `document`, re-anchored.
    pub(super) fn join(
        session: Session,
        session_path: Option<PathBuf>,
        document: Document,
        document_path: Option<PathBuf>,
        repairs: Vec<String>,
    ) -> (Self, LoadReport) {
        let mut workspace = Self::of(session, session_path, document, document_path);
        // A link's snapshot still in the cache (a session restored after a
        // crash): the next save keeps a copy beside the session.
        workspace.snapshot = workspace
            .document_path
            .as_deref()
            .is_some_and(super::link::is_cached_snapshot);
        let mut report = workspace.reanchor();
        if report.moved > 0 || !repairs.is_empty() {
            // Moved passages and repairs changed the data: the file on disk is
            // behind what is shown, and closing should offer to save.
            workspace.saved_state = None;
        }
        report.notices.splice(0..0, repairs);
        (workspace, report)
    }
}

/// The notice for a text made anew from the same source (a newer
/// extractor): the passages were found again through their quotes.
fn reextracted(session: &Session, document: &Document) -> Option<String> {
    (document.hash() != session.document.hash && session.document.same_source(document)).then(
        || {
            let before = session.document.extractor.as_deref().unwrap_or("?");
            fill(
                tr_in().notice_reextracted,
                &[("before", &before), ("now", &document.source().extractor)],
            )
        },
    )
}

/// Finds the text a session belongs to: the one given, the path it records
/// (relative to the session file), or the bundled article by its hash.
fn find_document(
    session: &Session,
    session_path: &Path,
    text: Option<&Path>,
    password: Option<&str>,
) -> Result<(Document, Option<PathBuf>), OpenError> {
    if let Some(text) = text {
        return Ok((
            Document::open_with_password(text, password)?,
            Some(absolute(text)),
        ));
    }
    let folder = absolute(session_path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if let Some(recorded) = &session.document.path {
        let candidate = lexically_normal(&folder.join(recorded));
        if candidate.is_file() {
            // A session is a file someone may have sent: the path it names
            // is read only if it holds the very text the session was made
            // on. Another (or changed) text is loaded only when named.
            let document = Document::open_with_password(&candidate, password)?;
            if document.hash() != session.document.hash && !session.document.same_source(&document)
            {
                return Err(OpenError::TextDiffers {
                    title: session.document.title.clone(),
                    found: candidate,
                    path: session_path.to_path_buf(),
                });
            }
            return Ok((document, Some(candidate)));
        }
    }
    let bundled = crate::document::bundled::document();
    if session.document.path.is_none() || session.document.hash == bundled.hash() {
        return Ok((bundled, None));
    }
    Err(OpenError::DocumentMissing {
        title: session.document.title.clone(),
        expected: session.document.path.clone().unwrap_or_default(),
        path: session_path.to_path_buf(),
    })
}
