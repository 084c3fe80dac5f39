//! Reading files with limits, and the errors a user can act on.
//!
//! Every file the app reads (an article, a session, an actor list) comes in
//! through [`read_limited`], which refuses directories and oversized files
//! before reading a byte and names the cause in words a user understands.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::i18n::{fill, tr};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// There is no file at that path.
    #[error("{}", fill(tr().err_not_found, &[("path", &path.display())]))]
    NotFound {
        /// The path asked for.
        path: PathBuf,
    },
    /// The operating system refused access.
    #[error("{}", fill(tr().err_permission, &[("path", &path.display())]))]
    PermissionDenied {
        /// The path asked for.
        path: PathBuf,
    },
    /// The path names a folder.
    #[error("{}", fill(tr().err_is_directory, &[("path", &path.display())]))]
    IsDirectory {
        /// The path asked for.
        path: PathBuf,
    },
    /// Not an ordinary file: a named pipe, a device, a socket, or a file of
    /// the system's own (`/proc`, `/sys`, `/dev`). Reading one could hang or
    /// leak what a received session points at.
    #[error("{}", fill(tr().err_not_regular, &[("path", &path.display())]))]
    NotRegular {
        /// The path asked for.
        path: PathBuf,
    },
    /// The file is larger than this kind of file may be.
    #[error("{}", fill(tr().err_too_large, &[("size", &sizes(*size, *limit).0), ("limit", &sizes(*size, *limit).1), ("path", &path.display())]))]
    TooLarge {
        /// The path asked for.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The most this kind of file may hold, in bytes.
        limit: u64,
    },
    /// Any other input/output failure.
    #[error("{}", fill(tr().err_io_read, &[("error", &source), ("path", &path.display())]))]
    Io {
        /// The path asked for.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl ReadError {
    /// Classifies an I/O error met while reading `path`.
    #[must_use]
    pub fn from_io(path: &Path, source: std::io::Error) -> Self {
        let path = path.to_path_buf();
        match source.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound { path },
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied { path },
            std::io::ErrorKind::IsADirectory => Self::IsDirectory { path },
            _ => Self::Io { path, source },
        }
    }
}

/// A size in bytes as megabytes with one decimal, for messages.
#[must_use]
pub fn megabytes(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // a message, not a measurement
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format!("{mb:.1} MB")
}

/// Folders whose files are the system's, not the user's: reading them as
/// texts hangs (`/dev/zero`, pipes) or leaks (`/proc/self/environ`).
const SYSTEM_FOLDERS: [&str; 3] = ["/proc", "/sys", "/dev"];

/// Opens `path` for reading if it is an ordinary file: after following
/// links, not a folder, pipe, device or socket, and not under
/// [`SYSTEM_FOLDERS`]. Checked again on the open file, so a file swapped for
/// a pipe in between cannot hang the open.
///
/// # Errors
/// A [`ReadError`] naming the cause and the path.
pub fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), ReadError> {
    let not_regular = || ReadError::NotRegular {
        path: path.to_path_buf(),
    };
    let meta = std::fs::metadata(path).map_err(|e| ReadError::from_io(path, e))?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(not_regular());
    }
    let real = std::fs::canonicalize(path).map_err(|e| ReadError::from_io(path, e))?;
    if SYSTEM_FOLDERS.iter().any(|folder| real.starts_with(folder)) {
        return Err(not_regular());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| ReadError::from_io(path, e))?;
    let meta = file.metadata().map_err(|e| ReadError::from_io(path, e))?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    Ok((file, meta))
}

/// A size and its limit for a message: in megabytes, or in bytes where the
/// megabytes would read the same ("256.0 MB (at most 256.0 MB)").
#[must_use]
pub fn sizes(size: u64, limit: u64) -> (String, String) {
    let (a, b) = (megabytes(size), megabytes(limit));
    if a == b {
        (format!("{size} bytes"), format!("{limit} bytes"))
    } else {
        (a, b)
    }
}

/// Reads all of `path`, refusing folders, what is not an ordinary file (see
/// [`open_regular`]) and files larger than `limit` bytes.
///
/// # Errors
/// A [`ReadError`] naming the cause and the path.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_with_state(path, limit).map(|(bytes, _)| bytes)
}

/// [`read_limited`], with the [`DiskState`] of what was read.
///
/// # Errors
/// A [`ReadError`] naming the cause and the path.
pub fn read_with_state(path: &Path, limit: u64) -> Result<(Vec<u8>, DiskState), ReadError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    // The size may change between `metadata` and reading (a growing log):
    // read one byte past the limit to notice.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::from_io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    let state = DiskState::new(&bytes, &meta);
    Ok((bytes, state))
}

/// What a file was when this program last read or wrote it: its length,
/// modification time and content hash, to tell whether someone else has
/// changed it since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskState {
    len: u64,
    modified: Option<std::time::SystemTime>,
    hash: blake3::Hash,
}

impl DiskState {
    /// The state of a file whose content is `bytes`, as `meta` describes it.
    #[must_use]
    pub fn new(bytes: &[u8], meta: &std::fs::Metadata) -> Self {
        Self::with_hash(blake3::hash(bytes), meta)
    }

    /// The state of a file of content hash `hash`, as `meta` describes it.
    #[must_use]
    pub fn with_hash(hash: blake3::Hash, meta: &std::fs::Metadata) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            hash,
        }
    }

    /// The file as it is on disk now, if it can be read.
    #[must_use]
    pub fn of(path: &Path, limit: u64) -> Option<Self> {
        let (mut file, meta) = open_regular(path).ok()?;
        let mut hasher = blake3::Hasher::new();
        std::io::copy(&mut (&mut file).take(limit), &mut hasher).ok()?;
        Some(Self::with_hash(hasher.finalize(), &meta))
    }

    /// True when the file at `path` is no longer what this state describes:
    /// changed, replaced or gone. Length and time alike mean unchanged; a
    /// file merely touched (same content) is unchanged too.
    #[must_use]
    pub fn changed(&self, path: &Path, limit: u64) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return true;
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return false;
        }
        Self::of(path, limit).is_none_or(|now| now.hash != self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_folders_missing_files_and_oversized_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_limited(dir.path(), 10),
            Err(ReadError::IsDirectory { .. })
        ));
        assert!(matches!(
            read_limited(&dir.path().join("nope.txt"), 10),
            Err(ReadError::NotFound { .. })
        ));
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 11]).unwrap();
        let err = read_limited(&big, 10).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { size: 11, .. }));
        assert!(err.to_string().ends_with(&format!("({})", big.display())));
        assert_eq!(read_limited(&big, 11).unwrap().len(), 11);
        // Just over a large limit: bytes, not two equal megabytes.
        assert_eq!(
            sizes(256 * 1024 * 1024 + 1, 256 * 1024 * 1024),
            ("268435457 bytes".to_owned(), "268435456 bytes".to_owned())
        );
        assert_eq!(sizes(3 << 20, 1 << 20).0, "3.0 MB");
    }

    #[test]
    fn a_changed_file_is_noticed_a_touched_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        std::fs::write(&path, "Session(format: 1)").unwrap();
        let state = DiskState::of(&path, 1 << 20).unwrap();
        assert!(!state.changed(&path, 1 << 20));
        // The same content written again (a new time): unchanged.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, "Session(format: 1)").unwrap();
        assert!(!state.changed(&path, 1 << 20));
        std::fs::write(&path, "Session(format: 2)").unwrap();
        assert!(state.changed(&path, 1 << 20));
        std::fs::remove_file(&path).unwrap();
        assert!(state.changed(&path, 1 << 20));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_pipes_devices_and_system_files_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_limited(&fifo, 10),
                Err(ReadError::NotRegular { .. })
            ));
        }
        for path in ["/dev/zero", "/proc/self/environ", "/dev/stdin"] {
            let path = Path::new(path);
            if path.exists() {
                let err = read_limited(path, 1 << 20).unwrap_err();
                assert!(
                    matches!(err, ReadError::NotRegular { .. }),
                    "{path:?}: {err}"
                );
            }
        }
        // A link to a system file is refused too.
        let link = dir.path().join("environ.txt");
        if std::os::unix::fs::symlink("/proc/self/environ", &link).is_ok() {
            assert!(matches!(
                read_limited(&link, 1 << 20),
                Err(ReadError::NotRegular { .. })
            ));
        }
    }
}
