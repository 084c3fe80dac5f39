//! A session at run time: joined to its parsed document, with history and
//! the outcome of re-anchoring.
//!
//! The UI and the command line both work through a [`Workspace`]: it opens
//! texts and sessions, finds the document a session belongs to, re-anchors
//! every annotation and reports how that went, applies edits with undo, and
//! saves. Whether an annotation is orphaned is derived from the data (its
//! position no longer holds its quote), so undo can never make that state lie.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{
    Annotation, AnnotationId, Colour, DocumentRef, Edit, EditError, History, Session, now,
};
use crate::actors::{Actor, ActorId};
use crate::anchor::{Outcome, Reanchorer, Target};
use crate::document::{CharRange, Document, DocumentError};
use crate::fsio::{self, SaveError};
use crate::i18n::{fill, tr};
use crate::storage::{self, SessionError};

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

/// A text whose session finds fewer of its passages than this share is
/// another text, not a changed one.
const SAME_TEXT_SHARE: f64 = 0.5;

/// How a session's annotations fared against the document.
#[derive(Clone, Debug, PartialEq)]
pub enum AnchorState {
    /// Where it was.
    Anchored,
    /// Found elsewhere or slightly changed: the reader should look at it.
    Moved {
        /// Where it stood before.
        from: CharRange,
        /// True when the quote was found unchanged.
        exact: bool,
    },
    /// Not found: kept with its old quote, shown apart.
    Orphaned,
}

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
    review: HashSet<AnnotationId>,
    /// Old positions of moved annotations.
    moved_from: std::collections::HashMap<AnnotationId, (CharRange, bool)>,
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
    base: super::reconcile::Base,
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
        Self {
            document: Arc::new(document),
            document_path,
            session: Session::new(reference, actors),
            history: History::default(),
            review: HashSet::new(),
            moved_from: std::collections::HashMap::new(),
            session_path: None,
            // Nothing to lose yet: a fresh session is clean until edited.
            saved_state: Some(0),
            revision: fresh_revision(),
            reader: None,
            disk: None,
            base: super::reconcile::Base::default(),
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

    /// Opens a text file as a new session; the bundled article's actors come
    /// along when the text is the bundled article.
    ///
    /// # Errors
    /// A [`DocumentError`] saying why the text cannot be opened.
    pub fn open_text(path: &Path) -> Result<Self, DocumentError> {
        let document = Document::open(path)?;
        let actors = if document.hash() == crate::document::bundled::document().hash() {
            crate::actors::default_actors()
        } else {
            Vec::new()
        };
        Ok(Self::new(document, Some(absolute(path)), actors))
    }

    /// Opens a session file, finds its text (or uses `text`), re-anchors.
    ///
    /// # Errors
    /// An [`OpenError`] when the file is unreadable or its text is missing.
    pub fn open_session(path: &Path, text: Option<&Path>) -> Result<(Self, LoadReport), OpenError> {
        let (session, repairs, disk) = storage::read_session_with_state(path)?;
        let base = super::reconcile::Base::of(&session);
        let (document, document_path) = find_document(&session, path, text)?;
        let (mut workspace, report) = Self::join(
            session,
            Some(absolute(path)),
            document,
            document_path,
            repairs,
        );
        workspace.disk = Some(disk);
        workspace.base = base;
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
        let (mut workspace, report) = Self::join(
            snapshot.session,
            session_path,
            document,
            document_path,
            Vec::new(),
        );
        workspace.saved_state = None;
        Ok((workspace, report))
    }

    /// A workspace of `session` on `document`, re-anchored.
    fn join(
        session: Session,
        session_path: Option<PathBuf>,
        document: Document,
        document_path: Option<PathBuf>,
        repairs: Vec<String>,
    ) -> (Self, LoadReport) {
        let mut workspace = Self {
            document: Arc::new(document),
            document_path,
            session,
            history: History::default(),
            review: HashSet::new(),
            moved_from: std::collections::HashMap::new(),
            session_path,
            saved_state: Some(0),
            revision: fresh_revision(),
            reader: None,
            disk: None,
            base: super::reconcile::Base::default(),
        };
        let mut report = workspace.reanchor();
        if report.moved > 0 || !repairs.is_empty() {
            // Moved passages and repairs changed the data: the file on disk is
            // behind what is shown, and closing should offer to save.
            workspace.saved_state = None;
        }
        report.notices.splice(0..0, repairs);
        (workspace, report)
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

    /// Re-anchors every annotation against the document, rewriting the targets
    /// of those that moved and keeping orphans as they are.
    fn reanchor(&mut self) -> LoadReport {
        let doc = Arc::clone(&self.document);
        let same = doc.hash() == self.session.document.hash;
        let mut anchorer = Reanchorer::new(&doc);
        let outcomes: Vec<Outcome> = self
            .session
            .annotations
            .iter()
            .map(|a| anchorer.anchor(&a.target))
            .collect();

        let total = outcomes.len();
        let found = outcomes.iter().filter(|o| o.range().is_some()).count();
        #[allow(clippy::cast_precision_loss)]
        let share = if total == 0 {
            1.0
        } else {
            found as f64 / total as f64
        };
        let relation = if same {
            DocumentMatch::Same
        } else if share >= SAME_TEXT_SHARE {
            DocumentMatch::Changed
        } else {
            DocumentMatch::Different
        };

        let mut report = LoadReport {
            anchored: 0,
            moved: 0,
            orphaned: 0,
            relation,
            notices: Vec::new(),
        };
        for (annotation, outcome) in self.session.annotations.iter_mut().zip(outcomes) {
            match outcome {
                Outcome::Anchored(_) => report.anchored += 1,
                Outcome::Moved { range, exact, .. } if relation != DocumentMatch::Different => {
                    report.moved += 1;
                    let from = annotation.target.range();
                    annotation.target = Target::from_range(&doc, range);
                    self.review.insert(annotation.id.clone());
                    self.moved_from.insert(annotation.id.clone(), (from, exact));
                }
                // On another text, a found quote is a coincidence: keep the
                // annotation where it was, as an orphan.
                Outcome::Moved { .. } | Outcome::Orphaned => report.orphaned += 1,
            }
        }
        match relation {
            DocumentMatch::Same => {}
            DocumentMatch::Changed => report.notices.push(tr().notice_text_changed.to_owned()),
            DocumentMatch::Different => report.notices.push(fill(
                tr().notice_text_different,
                &[("title", &self.session.document.title)],
            )),
        }
        // A changed text becomes the session's text; another text does not:
        // the session keeps naming the one it belongs to.
        if relation != DocumentMatch::Different {
            self.session.document = DocumentRef {
                path: self.session.document.path.clone(),
                extra: std::mem::take(&mut self.session.document.extra),
                ..DocumentRef::to(&doc, None)
            };
        }
        report
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

    /// The state of the workspace: equal values mean the same workspace with
    /// nothing changed in between; unique across workspaces.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when there are changes not yet saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    /// True when the annotation's position no longer holds its quote.
    #[must_use]
    pub fn is_orphaned(&self, annotation: &Annotation) -> bool {
        !annotation.target.matches(&self.document)
    }

    /// How re-anchoring placed the annotation.
    #[must_use]
    pub fn anchor_state(&self, annotation: &Annotation) -> AnchorState {
        if self.is_orphaned(annotation) {
            AnchorState::Orphaned
        } else if self.review.contains(&annotation.id) {
            let (from, exact) = self
                .moved_from
                .get(&annotation.id)
                .copied()
                .unwrap_or((annotation.target.range(), true));
            AnchorState::Moved { from, exact }
        } else {
            AnchorState::Anchored
        }
    }

    /// Marks a moved annotation as looked at.
    pub fn confirm(&mut self, id: &AnnotationId) {
        if self.review.remove(id) {
            self.revision = fresh_revision();
        }
    }

    /// Applies an edit as one undo step.
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_coalescing(edit, None)
    }

    /// Applies an edit, merging it into the previous step when `key` matches
    /// (typing a note is one undo step, not one per key).
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn apply_coalescing(&mut self, edit: Edit, key: Option<String>) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let settles: Vec<AnnotationId> = self.settled_by(&edit);
        self.history.apply(&mut self.session, edit, key)?;
        for id in settles {
            self.review.remove(&id);
        }
        self.revision = fresh_revision();
        Ok(())
    }

    /// The moved annotations whose review an edit settles: those it moves
    /// or re-attaches.
    fn settled_by(&self, edit: &Edit) -> Vec<AnnotationId> {
        match edit {
            Edit::ReplaceAnnotation(a)
                if self
                    .session
                    .annotation(&a.id)
                    .is_some_and(|old| old.target != a.target) =>
            {
                vec![a.id.clone()]
            }
            Edit::ReplaceAnnotations(new) => {
                let old: std::collections::HashMap<&AnnotationId, &Annotation> = self
                    .session
                    .annotations
                    .iter()
                    .map(|a| (&a.id, a))
                    .collect();
                new.iter()
                    .filter(|a| old.get(&a.id).is_some_and(|o| o.target != a.target))
                    .map(|a| a.id.clone())
                    .collect()
            }
            Edit::Batch(edits) => edits.iter().flat_map(|e| self.settled_by(e)).collect(),
            _ => Vec::new(),
        }
    }

    /// Ends the current coalescing step (a note field lost focus).
    pub fn seal_history(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; false when there was none.
    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.session).unwrap_or(false);
        if done {
            self.revision = fresh_revision();
        }
        done
    }

    /// Redoes the last undone step; false when there was none.
    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.session).unwrap_or(false);
        if done {
            self.revision = fresh_revision();
        }
        done
    }

    /// True when there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A new annotation on `range` (not yet added: pass it to
    /// [`Edit::AddAnnotation`]).
    #[must_use]
    pub fn new_annotation(
        &self,
        range: CharRange,
        colour: Colour,
        actors: Vec<ActorId>,
        note: String,
    ) -> Annotation {
        let time = now();
        Annotation {
            id: self.session.next_annotation_id(),
            reader: self.reader.clone(),
            target: Target::from_range(&self.document, range),
            colour,
            actors,
            statement: None,
            note,
            created: time,
            modified: time,
            extra: crate::extra::Extra::default(),
        }
    }

    /// Edits that mark each of `ranges` as an annotation with `actor`: a new
    /// annotation where none covers exactly that range, the actor added where
    /// one does. Returns the edits and how many annotations they add.
    #[must_use]
    pub fn mark_ranges(
        &self,
        ranges: &[CharRange],
        colour: Colour,
        actor: &ActorId,
    ) -> (Vec<Edit>, usize) {
        let mut ids = self.session.free_annotation_ids();
        let time = now();
        // Placed annotations by passage, found once: marking a thousand
        // mentions in a session of ten thousand annotations stays linear.
        let mut by_range: std::collections::HashMap<CharRange, usize> =
            std::collections::HashMap::new();
        for (i, a) in self.session.annotations.iter().enumerate() {
            if !self.is_orphaned(a) {
                by_range.entry(a.range()).or_insert(i);
            }
        }
        let mut changed: Vec<Annotation> = Vec::new();
        let mut new: Vec<Annotation> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &range in ranges {
            // The same passage a reader would select: whole words.
            let range = crate::document::words::snap(&self.document, range);
            if !seen.insert(range) {
                continue;
            }
            match by_range.get(&range).map(|&i| &self.session.annotations[i]) {
                Some(a) if a.actors.contains(actor) => {}
                Some(a) => {
                    let mut a = a.clone();
                    a.actors.push(actor.clone());
                    a.modified = time;
                    changed.push(a);
                }
                None => {
                    let Some(id) = ids.next() else {
                        break;
                    };
                    new.push(Annotation {
                        id,
                        reader: self.reader.clone(),
                        target: Target::from_range(&self.document, range),
                        colour,
                        actors: vec![actor.clone()],
                        statement: None,
                        note: String::new(),
                        created: time,
                        modified: time,
                        extra: crate::extra::Extra::default(),
                    });
                }
            }
        }
        let added = new.len();
        let mut edits = Vec::new();
        if !changed.is_empty() {
            edits.push(Edit::ReplaceAnnotations(changed));
        }
        if !new.is_empty() {
            edits.push(Edit::AddAnnotations(new));
        }
        (edits, added)
    }

    /// The session as it would be written to `path`: the document path made
    /// relative to the session's folder where possible.
    #[must_use]
    pub fn session_for(&self, path: &Path) -> Session {
        let mut session = self.session.clone();
        session.document = self.document_ref_for(path);
        session
    }

    /// The document reference as written to `path`: the text's path
    /// relative to that file's folder where possible.
    fn document_ref_for(&self, path: &Path) -> DocumentRef {
        let mut reference = self.session.document.clone();
        if reference.hash != self.document.hash() {
            // Opened against another text: keep pointing at its own.
            return reference;
        }
        reference.path = self.document_path.as_ref().map(|doc| {
            let folder = absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            relative_to(doc, &folder).display().to_string()
        });
        reference
    }

    /// True when the session file was changed by someone else (another
    /// window, a command, an editor) since this workspace read or wrote it.
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        match (&self.session_path, &self.disk) {
            (Some(path), Some(disk)) => disk.changed(path, storage::MAX_SESSION_BYTES),
            _ => false,
        }
    }

    /// Takes in what someone else wrote to the session file since this
    /// workspace read or wrote it (see [`super::reconcile`]), as one undo
    /// step; the file as it is now becomes the one this workspace knows.
    ///
    /// # Errors
    /// An [`OpenError`] when the file cannot be read, or now holds a session
    /// on another text; nothing changed then.
    pub fn take_in_disk_changes(&mut self) -> Result<super::reconcile::Reconciled, OpenError> {
        let Some(path) = self.session_path.clone() else {
            return Ok(super::reconcile::Reconciled::default());
        };
        let (theirs, _, disk) = storage::read_session_with_state(&path)?;
        if theirs.document.hash != self.session.document.hash {
            return Err(OpenError::OtherText {
                title: theirs.document.title.clone(),
                path,
            });
        }
        let (edit, report) = super::reconcile::reconcile(&self.base, &self.session, &theirs);
        if !report.is_empty() {
            self.apply(edit)?;
        }
        self.disk = Some(disk);
        self.base = super::reconcile::Base::of(&theirs);
        self.revision = fresh_revision();
        Ok(report)
    }

    /// Takes the session file as it is on disk now as the one this
    /// workspace knows (after merging its changes in, or to overwrite it
    /// knowingly).
    pub fn adopt_disk_state(&mut self) {
        self.disk = self
            .session_path
            .as_deref()
            .and_then(|p| fsio::DiskState::of(p, storage::MAX_SESSION_BYTES));
        self.revision = fresh_revision();
    }

    /// Saves to `path` (atomically, with backup) and remembers it as the
    /// session's file. Refuses to write over the session file when someone
    /// else has changed it since it was read ([`SaveError::ChangedOnDisk`]):
    /// merge their changes first, or
    /// [`Workspace::adopt_disk_state`] to overwrite knowingly.
    ///
    /// # Errors
    /// A [`SaveError`]; the file on disk is then unchanged.
    pub fn save(&mut self, path: &Path) -> Result<(), SaveError> {
        let target = absolute(path);
        let own_file = self.session_path.as_ref() == Some(&target);
        if own_file && !self.session.unkept.is_empty() {
            return Err(SaveError::WouldDrop {
                path: path.to_path_buf(),
                fields: self.session.unkept.join(", "),
            });
        }
        if own_file && self.changed_on_disk() {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
            });
        }
        let mut view = self.session.view();
        view.document = std::borrow::Cow::Owned(self.document_ref_for(path));
        let mut hasher = blake3::Hasher::new();
        fsio::write_atomic_with(
            path,
            |out| {
                let mut tee = Tee {
                    out,
                    hasher: &mut hasher,
                };
                storage::write_session(&mut tee, &view)
            },
            storage::looks_like_session,
        )?;
        self.disk = std::fs::metadata(path)
            .ok()
            .map(|meta| fsio::DiskState::with_hash(hasher.finalize(), &meta));
        self.base = super::reconcile::Base::of(&self.session);
        self.session_path = Some(target);
        self.saved_state = Some(self.history.state());
        self.history.seal();
        self.revision = fresh_revision();
        Ok(())
    }
}

/// Writes to `out` and hashes what it wrote: the state of a saved file
/// without reading it back.
struct Tee<'a> {
    out: &'a mut dyn std::io::Write,
    hasher: &'a mut blake3::Hasher,
}

impl std::io::Write for Tee<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.hasher.update(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Finds the text a session belongs to: the one given, the path it records
/// (relative to the session file), or the bundled article by its hash.
fn find_document(
    session: &Session,
    session_path: &Path,
    text: Option<&Path>,
) -> Result<(Document, Option<PathBuf>), OpenError> {
    if let Some(text) = text {
        return Ok((Document::open(text)?, Some(absolute(text))));
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
            let document = Document::open(&candidate)?;
            if document.hash() != session.document.hash {
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

/// `path` made absolute against the working folder, without touching the disk.
fn absolute(path: &Path) -> PathBuf {
    lexically_normal(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// `path` with `.` and `..` resolved by name, without touching the disk.
fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `folder` (both absolute), climbing with `..` as needed.
fn relative_to(path: &Path, folder: &Path) -> PathBuf {
    let path: Vec<Component<'_>> = path.components().collect();
    let folder: Vec<Component<'_>> = folder.components().collect();
    let common = path.iter().zip(&folder).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return path.iter().collect();
    }
    let mut out = PathBuf::new();
    for _ in common..folder.len() {
        out.push("..");
    }
    for part in &path[common..] {
        out.push(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative_to(Path::new("/a/b/text.txt"), Path::new("/a/b")),
            PathBuf::from("text.txt")
        );
        assert_eq!(
            relative_to(Path::new("/a/c/text.txt"), Path::new("/a/b")),
            PathBuf::from("../c/text.txt")
        );
    }
}
