//! Who is writing a session: an advisory lock beside it.
//!
//! Two writers of one session file lose each other's changes: one reads,
//! the other writes, the first writes over it. So every writer — the window
//! while it has the session open, a command-line verb for the length of its
//! read-modify-write — holds an exclusive lock on `.NAME.lock` in the same
//! folder. The lock is the operating system's (`flock`): it is gone the
//! moment its process ends, so a lock left by a crash or `kill -9` is never
//! stale, and the next writer simply takes it.
//!
//! The lock file says who holds it (process, what it is, since when), for a
//! message naming them. It stays when released: removing it while another
//! process waits on it would let two writers lock two different files.
//!
//! Not the session file itself: a save replaces that file by renaming a new
//! one over it, and a lock on the old file would not stop a writer that
//! opens the new one.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::i18n::{fill, tr};

/// What holds a lock, as its lock file says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holder {
    /// The process.
    pub pid: u32,
    /// What it is: `window`, or the command-line verb.
    pub what: String,
    /// When it took the lock (RFC 3339).
    pub since: String,
}

impl Holder {
    fn parse(text: &str) -> Self {
        let mut holder = Self::default();
        for line in text.lines() {
            match line.split_once('=') {
                Some(("pid", v)) => holder.pid = v.trim().parse().unwrap_or(0),
                Some(("what", v)) => v.trim().clone_into(&mut holder.what),
                Some(("since", v)) => v.trim().clone_into(&mut holder.since),
                _ => {}
            }
        }
        holder
    }

    /// True when the holder is a reading window (which keeps the lock for
    /// as long as the session is open, so waiting for it is pointless).
    #[must_use]
    pub fn is_window(&self) -> bool {
        self.what == WINDOW
    }
}

/// What the window writes as holder.
pub const WINDOW: &str = "window";

/// Another process holds the lock.
#[derive(Debug, thiserror::Error)]
#[error("{}", held_message(holder, path))]
pub struct Held {
    /// Who holds it.
    pub holder: Holder,
    /// The session.
    pub path: PathBuf,
}

fn held_message(holder: &Holder, path: &Path) -> String {
    let t = tr();
    let template = if holder.is_window() {
        t.err_locked_by_window
    } else {
        t.err_locked_by_command
    };
    fill(
        template,
        &[
            ("pid", &holder.pid),
            ("what", &holder.what),
            ("since", &holder.since),
            ("path", &path.display()),
        ],
    )
}

/// An exclusive lock on a session, released when dropped.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
}

impl SessionLock {
    /// The lock file of `session`: `.NAME.lock` beside it.
    #[must_use]
    pub fn file_of(session: &Path) -> PathBuf {
        let name = session.file_name().unwrap_or_default().to_string_lossy();
        session.with_file_name(format!(".{name}.lock"))
    }

    /// Takes the lock if no one holds it. `Ok(None)` where no lock can be
    /// made (a folder this user may not write: then nothing can be saved
    /// there either, and the save says so).
    ///
    /// # Errors
    /// [`Held`] when another process holds it.
    pub fn try_lock(session: &Path, what: &str) -> Result<Option<Self>, Held> {
        let path = Self::file_of(session);
        let Ok(mut file) = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        else {
            return Ok(None);
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                // Unreadable holder details still leave the lock held.
                file.read_to_string(&mut text).ok();
                return Err(Held {
                    holder: Holder::parse(&text),
                    path: session.to_path_buf(),
                });
            }
            // A file system without locks: go on as before locks existed.
            Err(TryLockError::Error(_)) => return Ok(None),
        }
        // To the second, as the session files write times.
        let now = jiff::Timestamp::now();
        let since = jiff::Timestamp::from_second(now.as_second())
            .unwrap_or(now)
            .to_string();
        let holder = format!("pid={}\nwhat={what}\nsince={since}\n", std::process::id());
        // Who holds it is for messages only: failing to say so is harmless.
        file.set_len(0).ok();
        file.rewind().ok();
        file.write_all(holder.as_bytes()).ok();
        Ok(Some(Self { _file: file, path }))
    }

    /// Takes the lock, waiting up to `patience` for another command to
    /// finish; a window holding it is reported at once.
    ///
    /// # Errors
    /// [`Held`] when it is still held.
    pub fn lock_waiting(
        session: &Path,
        what: &str,
        patience: Duration,
    ) -> Result<Option<Self>, Held> {
        let deadline = Instant::now() + patience;
        loop {
            match Self::try_lock(session, what) {
                Err(held) if !held.holder.is_window() && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// The lock file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("lesung.ron");
        let first = SessionLock::try_lock(&session, "check").unwrap().unwrap();
        assert_eq!(first.path(), dir.path().join(".lesung.ron.lock"));
        let held = SessionLock::try_lock(&session, "import").unwrap_err();
        assert_eq!(held.holder.pid, std::process::id());
        assert_eq!(held.holder.what, "check");
        assert!(!held.holder.is_window());
        drop(first);
        let again = SessionLock::try_lock(&session, WINDOW).unwrap().unwrap();
        let held =
            SessionLock::lock_waiting(&session, "check", Duration::from_secs(5)).unwrap_err();
        assert!(held.holder.is_window(), "a window is reported at once");
        assert!(held.to_string().contains("lesung.ron"));
        drop(again);
    }

    #[test]
    fn no_lock_where_none_can_be_made() {
        let session = Path::new("/nonexistent-folder/lesung.ron");
        assert!(SessionLock::try_lock(session, "check").unwrap().is_none());
    }
}
