//! Paths as sessions record them: absolute by name, and relative to the
//! session file's folder.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute against the working folder, without touching the disk.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    lexically_normal(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// `path` with `.` and `..` resolved by name, without touching the disk.
pub(crate) fn lexically_normal(path: &Path) -> PathBuf {
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

/// `path` relative to `folder` (both absolute), climbing with `..` as needed;
/// `path` itself when the two share no root (another drive on Windows).
pub(crate) fn relative_to(path: &Path, folder: &Path) -> PathBuf {
    if path.components().next() != folder.components().next() {
        return path.to_path_buf();
    }
    pathdiff::diff_paths(path, folder).unwrap_or_else(|| path.to_path_buf())
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
