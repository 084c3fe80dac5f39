//! Writing a file so that a failure never leaves a worse file behind.
//!
//! The new content goes into a temporary file in the target's folder, is
//! flushed to disk, and only then renamed over the target, which is atomic on
//! one file system. Before that, the previous version is linked (or copied)
//! to `*.bak`. If anything fails, the temporary file is removed and the old
//! file is as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::i18n::{fill, tr};

/// Why a file could not be saved; the old file is intact in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The target is a folder.
    #[error("{}", fill(tr().err_save_is_directory, &[("path", &path.display())]))]
    IsDirectory {
        /// The target.
        path: PathBuf,
    },
    /// The target exists and is not a file this app wrote.
    #[error("{}", fill(tr().err_save_foreign, &[("path", &path.display())]))]
    Foreign {
        /// The target.
        path: PathBuf,
    },
    /// The target is a pipe, a device or a socket: opening it could hang,
    /// and replacing it is not what anyone asked for.
    #[error("{}", fill(tr().err_save_not_regular, &[("path", &path.display())]))]
    NotRegular {
        /// The target.
        path: PathBuf,
    },
    /// The file itself is read-only: its owner protected it.
    #[error("{}", fill(tr().err_save_file_read_only, &[("path", &path.display())]))]
    FileReadOnly {
        /// The target.
        path: PathBuf,
    },
    /// The replacement could not keep the file's owner or group (only the
    /// superuser may give a file away): it would lock its owner out.
    #[error("{}", fill(tr().err_save_owner, &[("owner", owner), ("path", &path.display())]))]
    OwnerWouldChange {
        /// The target.
        path: PathBuf,
        /// Who owns it, as `uid:gid`.
        owner: String,
    },
    /// The file was changed by someone else since it was read: writing
    /// would lose their changes.
    #[error("{}", fill(tr().err_save_changed_on_disk, &[("path", &path.display())]))]
    ChangedOnDisk {
        /// The target.
        path: PathBuf,
    },
    /// The file holds fields this version could not keep: overwriting it
    /// would drop them.
    #[error("{}", fill(tr().err_save_would_drop, &[("fields", fields), ("path", &path.display())]))]
    WouldDrop {
        /// The target.
        path: PathBuf,
        /// Where the fields stand.
        fields: String,
    },
    /// The previous version could not be kept as `NAME.bak` (a read-only or
    /// a folder of that name): nothing was replaced.
    #[error("{}", fill(tr().err_save_backup, &[("backup", &backup.display()), ("error", &source)]))]
    Backup {
        /// The backup's path.
        backup: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The folder does not exist.
    #[error("{}", fill(tr().err_save_no_folder, &[("path", &path.display())]))]
    NoFolder {
        /// The target.
        path: PathBuf,
    },
    /// The system refused to write there.
    #[error("{}", fill(tr().err_save_permission, &[("path", &path.display())]))]
    PermissionDenied {
        /// The target.
        path: PathBuf,
    },
    /// The file system is read-only.
    #[error("{}", fill(tr().err_save_read_only, &[("path", &path.display())]))]
    ReadOnly {
        /// The target.
        path: PathBuf,
    },
    /// The disk is full.
    #[error("{}", fill(tr().err_save_disk_full, &[("path", &path.display())]))]
    DiskFull {
        /// The target.
        path: PathBuf,
    },
    /// Any other failure.
    #[error("{}", fill(tr().err_save_io, &[("error", &source), ("path", &path.display())]))]
    Io {
        /// The target.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl SaveError {
    /// The error for what the system said when writing `path`.
    #[must_use]
    pub fn from_io(path: &Path, source: std::io::Error) -> Self {
        use std::io::ErrorKind;
        let path = path.to_path_buf();
        match source.kind() {
            ErrorKind::PermissionDenied => Self::PermissionDenied { path },
            ErrorKind::ReadOnlyFilesystem => Self::ReadOnly { path },
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Self::DiskFull { path },
            ErrorKind::NotFound => Self::NoFolder { path },
            ErrorKind::IsADirectory => Self::IsDirectory { path },
            _ => Self::Io { path, source },
        }
    }
}

/// Where the previous version of `path` is kept: `name.ext.bak` beside it.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping the previous version as backup.
///
/// `is_ours` is asked about an existing target's first bytes: a file that is
/// not of the kind being written (an article where a session should go) is
/// never overwritten.
///
/// # Errors
/// A [`SaveError`] naming the cause; the old file is untouched.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    is_ours: impl Fn(&str) -> bool,
) -> Result<(), SaveError> {
    write_atomic_with(path, |out| out.write_all(bytes), is_ours)
}

/// Whether an atomic write keeps the previous version beside the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Keep it as `NAME.bak` (a user's file).
    Keep,
    /// Keep none (a file the program rewrites on its own, such as a recovery
    /// file: its backups would only pile up).
    None,
}

/// Like [`write_atomic`], with the content written by `write` into a
/// buffered temporary file (so a large session is never held twice).
///
/// # Errors
/// A [`SaveError`] naming the cause; the old file is untouched.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    is_ours: impl Fn(&str) -> bool,
) -> Result<(), SaveError> {
    write_replacing(path, write, is_ours, Backup::Keep)
}

/// Writes a file atomically, with or without a backup of the old one.
///
/// # Errors
/// A [`SaveError`] naming the cause; the old file is untouched.
pub fn write_replacing(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    is_ours: impl Fn(&str) -> bool,
    backup: Backup,
) -> Result<(), SaveError> {
    // Through a symbolic link: replace the file it points to, keep the link.
    let resolved;
    let path = if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = fs::canonicalize(path).map_err(|e| SaveError::from_io(path, e))?;
        resolved.as_path()
    } else {
        path
    };
    let existing = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(SaveError::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) if !meta.is_file() => {
            return Err(SaveError::NotRegular {
                path: path.to_path_buf(),
            });
        }
        // Its owner made it read-only: replacing it through the folder's
        // write permission would go around that.
        Ok(meta) if meta.permissions().readonly() => {
            return Err(SaveError::FileReadOnly {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) => {
            // Nor may a user replace a file they may not write.
            may_write(path)?;
            Some(meta)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(SaveError::from_io(path, e)),
    };
    if existing.is_some() && !existing_is_ours(path, &is_ours) {
        return Err(SaveError::Foreign {
            path: path.to_path_buf(),
        });
    }

    clean_stale_temps(path);
    let temp = temp_path(path);
    let written = write_temp(&temp, write, existing.as_ref());
    if let Err(e) = written {
        remove_quietly(&temp);
        return Err(
            if e.get_ref()
                .is_some_and(<dyn std::error::Error + Send + Sync>::is::<OwnerKept>)
            {
                owner_error(path, existing.as_ref())
            } else {
                SaveError::from_io(path, e)
            },
        );
    }

    if existing.is_some()
        && backup == Backup::Keep
        && let Err(source) = keep_backup(path)
    {
        remove_quietly(&temp);
        // Not the session's fault: name the backup.
        return Err(SaveError::Backup {
            backup: backup_path(path),
            source,
        });
    }

    if let Err(e) = fs::rename(&temp, path) {
        remove_quietly(&temp);
        return Err(SaveError::from_io(path, e));
    }
    sync_folder(path);
    Ok(())
}

fn existing_is_ours(path: &Path, is_ours: &impl Fn(&str) -> bool) -> bool {
    let Ok(file) = File::open(path) else {
        // Unreadable: the rename will report the real problem.
        return true;
    };
    let mut head = Vec::with_capacity(4096);
    let read = file.take(4096).read_to_end(&mut head);
    if read.is_err() {
        return true;
    }
    if head.is_empty() {
        return true;
    }
    let text = String::from_utf8_lossy(&head);
    is_ours(&text)
}

/// Removes temporary files an earlier save of `path` left behind: a save
/// killed half-way (or two at once, where one lost the race) leaves
/// `.NAME.PID.N.tmp` and `.NAME.bak.PID.N.tmp`. Only those of processes
/// that are gone; a running save's are its own.
fn clean_stale_temps(path: &Path) {
    use super::process::{Process, state};
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let name = name.to_string_lossy();
    let prefixes = [format!(".{name}."), format!(".{name}.bak.")];
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        // PREFIX PID.N .tmp, nothing else.
        let pid = prefixes.iter().find_map(|prefix| {
            let rest = file.strip_prefix(prefix.as_str())?.strip_suffix(".tmp")?;
            let (pid, n) = rest.split_once('.')?;
            n.bytes().all(|b| b.is_ascii_digit()).then_some(())?;
            pid.parse::<u32>().ok()
        });
        if let Some(pid) = pid
            && pid != std::process::id()
            && state(pid) == Process::Gone
        {
            remove_quietly(&entry.path());
        }
    }
}

fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

fn write_temp(
    temp: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    existing: Option<&fs::Metadata>,
) -> std::io::Result<()> {
    let file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 20, file);
    write(&mut buffered)?;
    let file = buffered
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    if let Some(meta) = existing {
        keep_owner(&file, meta).map_err(|_| std::io::Error::other(OwnerKept))?;
        file.set_permissions(meta.permissions())?;
    }
    file.sync_all()
}

/// Whether this user may write the file itself, not just the folder it is
/// in (the superuser may write any file but one without write bits, which
/// is caught before).
#[cfg(unix)]
fn may_write(path: &Path) -> Result<(), SaveError> {
    match rustix::fs::access(path, rustix::fs::Access::WRITE_OK) {
        Ok(()) => Ok(()),
        Err(rustix::io::Errno::ROFS) => Err(SaveError::ReadOnly {
            path: path.to_path_buf(),
        }),
        Err(_) => Err(SaveError::PermissionDenied {
            path: path.to_path_buf(),
        }),
    }
}

#[cfg(not(unix))]
fn may_write(_path: &Path) -> Result<(), SaveError> {
    Ok(())
}

/// Marks the failure to keep a file's owner, apart from other I/O errors.
#[derive(Debug)]
struct OwnerKept;

impl std::fmt::Display for OwnerKept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the owner could not be kept")
    }
}

impl std::error::Error for OwnerKept {}

/// Gives the new file the old one's owner and group, so that replacing a
/// file (as the superuser, or in a shared folder) never changes who may
/// read it. Fails with `PermissionDenied` where that is not allowed.
#[cfg(unix)]
fn keep_owner(file: &File, old: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _old: &fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// The error for a replacement that could not keep the owner.
fn owner_error(path: &Path, meta: Option<&fs::Metadata>) -> SaveError {
    #[cfg(unix)]
    let owner = meta.map_or_else(String::new, |m| {
        use std::os::unix::fs::MetadataExt as _;
        format!("{}:{}", m.uid(), m.gid())
    });
    #[cfg(not(unix))]
    let owner = {
        let _ = meta;
        String::new()
    };
    SaveError::OwnerWouldChange {
        path: path.to_path_buf(),
        owner,
    }
}

/// Links the current file to its backup name (or copies it where links fail).
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let fresh = temp_path(&backup);
    if fs::hard_link(path, &fresh).is_err() {
        fs::copy(path, &fresh)?;
    }
    fs::rename(&fresh, &backup).inspect_err(|_| remove_quietly(&fresh))
}

fn remove_quietly(path: &Path) {
    // Cleaning up after a failure that is already being reported: a leftover
    // temporary file is harmless, and a second error would hide the first.
    fs::remove_file(path).ok();
}

/// Makes the rename durable; failure only weakens durability, not correctness.
fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent()
        && let Ok(dir) = File::open(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        })
    {
        let synced = dir.sync_all();
        debug_assert!(synced.is_ok() || cfg!(not(unix)), "{synced:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(text: &str) -> bool {
        text.starts_with("Session")
    }

    #[test]
    fn writes_replace_and_keep_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lesung.ron");
        write_atomic(&path, b"Session(1)", ours).unwrap();
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"Session(2)", ours).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"Session(2)");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"Session(1)");
        // No temporary files left behind.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_in_the_way_is_refused_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("lesung.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let err = write_atomic(&fifo, b"Session()", |_| true).unwrap_err();
        assert!(matches!(err, SaveError::NotRegular { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_save_cleans_up_what_a_killed_save_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lesung.ron");
        // Left by a process that is gone, and by one that runs (this one's
        // parent stands in), and someone else's file.
        let dead = [
            ".lesung.ron.4294967295.3.tmp",
            ".lesung.ron.bak.4294967295.0.tmp",
        ];
        let alive = format!(".lesung.ron.{}.1.tmp", std::os::unix::process::parent_id());
        for name in dead
            .iter()
            .copied()
            .chain([alive.as_str(), ".andere.ron.4294967295.1.tmp"])
        {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        write_atomic(&path, b"Session(1)", |_| true).unwrap();
        write_atomic(&path, b"Session(2)", |_| true).unwrap();
        for name in dead {
            assert!(!dir.path().join(name).exists(), "{name} removed");
        }
        assert!(
            dir.path().join(alive).exists(),
            "a running save's file stays"
        );
        assert!(dir.path().join(".andere.ron.4294967295.1.tmp").exists());
    }

    #[test]
    fn a_folder_or_a_foreign_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("ordner.ron");
        fs::create_dir(&folder).unwrap();
        assert!(matches!(
            write_atomic(&folder, b"Session()", ours),
            Err(SaveError::IsDirectory { .. })
        ));
        let article = dir.path().join("artikel.txt");
        fs::write(&article, "Das Bündnis zieht ab.").unwrap();
        assert!(matches!(
            write_atomic(&article, b"Session()", ours),
            Err(SaveError::Foreign { .. })
        ));
        assert_eq!(
            fs::read_to_string(&article).unwrap(),
            "Das Bündnis zieht ab."
        );
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fehlt").join("x.ron");
        assert!(matches!(
            write_atomic(&path, b"Session()", ours),
            Err(SaveError::NoFolder { .. })
        ));
    }
}
