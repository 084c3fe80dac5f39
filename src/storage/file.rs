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
    /// The file is larger than this kind of file may be.
    #[error("{}", fill(tr().err_too_large, &[("size", &megabytes(*size)), ("limit", &megabytes(*limit)), ("path", &path.display())]))]
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

/// Reads all of `path`, refusing folders and files larger than `limit` bytes.
///
/// # Errors
/// A [`ReadError`] naming the cause and the path.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::from_io(path, e))?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadError::from_io(path, e))?;
    // The size may change between `metadata` and reading (a growing log, a
    // named pipe): read one byte past the limit to notice.
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
    Ok(bytes)
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
    }
}
