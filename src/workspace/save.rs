//! Saving, and noticing that someone else changed the session file.

use std::path::Path;

use super::open::OpenError;
use super::paths::{absolute, relative_to};
use super::{Workspace, fresh_revision};
use crate::annotation::{DocumentRef, Session, reconcile};
use crate::fsio::{self, SaveError};
use crate::storage;

impl Workspace {
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
    pub fn take_in_disk_changes(&mut self) -> Result<reconcile::Reconciled, OpenError> {
        let Some(path) = self.session_path.clone() else {
            return Ok(reconcile::Reconciled::default());
        };
        let shared = self.shared.then(|| self.shared_parts());
        let (theirs, _, disk) = storage::read_session_with(&path, |theirs| {
            if let Some((actors, concepts, legend)) = shared {
                theirs.actors = actors;
                theirs.concepts = concepts;
                theirs.legend = legend;
            }
        })?;
        if theirs.document.hash != self.session.document.hash {
            return Err(OpenError::OtherText {
                title: theirs.document.title.clone(),
                path,
            });
        }
        let (edit, report) = reconcile::reconcile(&self.base, &self.session, &theirs);
        if !report.is_empty() {
            self.apply(edit)?;
        }
        self.disk = Some(disk);
        self.base = reconcile::Base::of(&theirs);
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
        self.keep_snapshot_beside(&target)?;
        let mut view = self.session.view();
        view.document = std::borrow::Cow::Owned(self.document_ref_for(path));
        if self.shared {
            // The project file keeps these for every document.
            view.actors = &[];
            view.concepts = &[];
            view.legend = &NO_LEGEND;
        }
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
        self.base = reconcile::Base::of(&self.session);
        self.session_path = Some(target);
        self.saved_state = Some(self.history.state());
        self.history.seal();
        self.revision = fresh_revision();
        Ok(())
    }
}

/// The legend of a project document's own file: none (the project has it).
static NO_LEGEND: std::collections::BTreeMap<crate::annotation::Colour, String> =
    std::collections::BTreeMap::new();

impl Workspace {
    /// The parts of the session a project keeps: actors, concepts, legend.
    fn shared_parts(
        &self,
    ) -> (
        Vec<crate::actors::Actor>,
        Vec<crate::annotation::Concept>,
        std::collections::BTreeMap<crate::annotation::Colour, String>,
    ) {
        (
            self.session.actors.clone(),
            self.session.concepts.clone(),
            self.session.legend.clone(),
        )
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
