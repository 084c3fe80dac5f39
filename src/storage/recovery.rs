//! Recovery files: what autosave writes while a session has unsaved changes.
//!
//! Hours of reading must survive a crash, a power cut or `kill -9`. While a
//! session has unsaved changes the window writes a snapshot — the session,
//! where it was saved, which text it belongs to — into the platform's data
//! folder, atomically like any save. A clean save or quit removes it. At the
//! next start, snapshots left by processes that are gone are offered for
//! restoring; one whose process still runs belongs to another open window and
//! is left alone.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{MAX_SESSION_BYTES, SessionError};
use crate::annotation::{Session, Timestamp, now};
use crate::fsio::ron_options;
use crate::fsio::{Backup, SaveError, read_limited, write_replacing};

/// Environment variable that moves the data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "RANDNOTIZ_DATA_DIR";
/// Version of the snapshot format.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// What autosave writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Recovery")]
pub struct Snapshot {
    /// Version of this format.
    pub format: u32,
    /// When it was written.
    pub written: Timestamp,
    /// The process that wrote it.
    pub pid: u32,
    /// The session file the changes belong to, if it was ever saved.
    pub session_path: Option<String>,
    /// The text file, absolute; `None` for the bundled article.
    pub document_path: Option<String>,
    /// The session with its unsaved changes.
    pub session: Session,
}

impl Snapshot {
    /// A snapshot of `session` taken now by this process.
    #[must_use]
    pub fn new(
        session: Session,
        session_path: Option<&Path>,
        document_path: Option<&Path>,
    ) -> Self {
        Self {
            format: SNAPSHOT_FORMAT,
            written: now(),
            pid: std::process::id(),
            session_path: session_path.map(|p| p.display().to_string()),
            document_path: document_path.map(|p| p.display().to_string()),
            session,
        }
    }
}

/// A snapshot found at start.
#[derive(Debug)]
pub struct Pending {
    /// Its file.
    pub path: PathBuf,
    /// What it holds, or why it cannot be read.
    pub snapshot: Result<Snapshot, SessionError>,
}

/// The folder of recovery files.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// A store in `dir`.
    #[must_use]
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The store in the platform's data folder (`~/.local/share/randnotiz/recovery`
    /// on Linux), or below `RANDNOTIZ_DATA_DIR` when that is set.
    #[must_use]
    pub fn default_location() -> Option<Self> {
        let base = match std::env::var_os(DATA_DIR_ENV) {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "randnotiz")?
                .data_dir()
                .to_path_buf(),
        };
        Some(Self::new(base.join("recovery")))
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of one running instance.
    #[must_use]
    pub fn file(&self, instance: &str) -> PathBuf {
        self.dir.join(format!("{instance}.ron"))
    }

    /// Writes `snapshot` as `instance`'s recovery file, atomically.
    ///
    /// # Errors
    /// A [`SaveError`] when the folder cannot be made or written.
    pub fn write(&self, instance: &str, snapshot: &Snapshot) -> Result<(), SaveError> {
        let path = self.file(instance);
        std::fs::create_dir_all(&self.dir).map_err(|source| SaveError::Io {
            path: path.clone(),
            source,
        })?;
        let config = ron::ser::PrettyConfig::new()
            .indentor(" ")
            .struct_names(false);
        let body = ron::ser::to_string_pretty(snapshot, config).map_err(|e| SaveError::Io {
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        // No backup: the next snapshot replaces this one, and a clean save
        // removes it; backups would only pile up in the folder.
        let bytes = format!("Recovery{body}\n");
        write_replacing(
            &path,
            |out| out.write_all(bytes.as_bytes()),
            |head| head.trim_start().starts_with("Recovery"),
            Backup::None,
        )
    }

    /// Removes `instance`'s recovery file, if there is one.
    pub fn remove(&self, instance: &str) {
        remove_file(&self.file(instance));
    }

    /// Removes a recovery file found by [`RecoveryStore::pending`].
    pub fn discard(&self, path: &Path) {
        if path.parent() == Some(self.dir.as_path()) {
            remove_file(path);
        }
    }

    /// Recovery files left by processes that are gone, newest first.
    #[must_use]
    pub fn pending(&self) -> Vec<Pending> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        // Earlier versions kept a backup of every snapshot; nothing reads them.
        for path in &paths {
            if path.to_string_lossy().ends_with(".ron.bak") {
                remove_file(path);
            }
        }
        let mut found: Vec<Pending> = paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .map(|path| {
                let snapshot = read(&path);
                Pending { path, snapshot }
            })
            .filter(|p| !p.snapshot.as_ref().is_ok_and(|s| process_alive(s.pid)))
            .collect();
        found.sort_by_key(|p| std::cmp::Reverse(p.snapshot.as_ref().map(|s| s.written).ok()));
        found
    }
}

fn remove_file(path: &Path) {
    // Nothing to remove is fine; failing to remove leaves a file that is
    // offered once more at the next start, which is harmless.
    std::fs::remove_file(path).ok();
}

/// Reads one recovery file.
///
/// # Errors
/// The [`SessionError`] that explains why it cannot be read.
pub fn read(path: &Path) -> Result<Snapshot, SessionError> {
    let bytes = read_limited(path, MAX_SESSION_BYTES)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| SessionError::NotText {
        path: path.to_path_buf(),
    })?;
    ron_options()
        .from_str::<Snapshot>(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| SessionError::Syntax {
            line: e.span.start.line,
            col: e.span.start.col,
            what: e.code.to_string(),
            path: path.to_path_buf(),
        })
}

/// True when `pid` is a running process of this same program (so its
/// recovery file belongs to an open window).
fn process_alive(pid: u32) -> bool {
    use crate::fsio::process::{Process, command, state};
    if pid == std::process::id() || state(pid) != Process::Running {
        // Ended, or a zombie that will never write again: its file is left
        // over. (Without /proc a live process cannot be told apart: offer
        // the file; restoring a copy loses nothing.)
        return false;
    }
    match (command(pid), command(std::process::id())) {
        (Some(theirs), Some(ours)) => theirs == ours,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::DocumentRef;

    #[test]
    fn write_list_and_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        assert!(store.pending().is_empty());
        let mut snapshot =
            Snapshot::new(Session::new(DocumentRef::default(), Vec::new()), None, None);
        // A process that is certainly gone.
        snapshot.pid = u32::MAX;
        store.write("x", &snapshot).unwrap();
        let pending = store.pending();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].snapshot.as_ref().unwrap(), &snapshot);
        // Our own snapshots are ours to manage, not to offer.
        let mut ours = snapshot.clone();
        ours.pid = std::process::id();
        store.write("x", &ours).unwrap();
        assert_eq!(
            store.pending().len(),
            1,
            "own pid counts as gone (a previous run)"
        );
        store.remove("x");
        assert!(store.pending().is_empty());
    }

    #[test]
    fn snapshots_leave_no_backups_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        let snapshot = Snapshot::new(Session::new(DocumentRef::default(), Vec::new()), None, None);
        for _ in 0..3 {
            store.write("x", &snapshot).unwrap();
        }
        // One left by an earlier version.
        std::fs::write(dir.path().join("alt.ron.bak"), "Recovery(").unwrap();
        assert_eq!(store.pending().len(), 1, "the snapshot, not its backups");
        store.remove("x");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_broken_recovery_file_is_listed_with_its_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        std::fs::write(dir.path().join("kaputt.ron"), "Recovery(format: 1,").unwrap();
        let pending = store.pending();
        assert_eq!(pending.len(), 1);
        assert!(pending[0].snapshot.is_err());
        store.discard(&pending[0].path);
        assert!(store.pending().is_empty());
    }
}
