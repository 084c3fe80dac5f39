//! Where a REFI project's files are: inside a `.qdpx` (a ZIP with
//! `project.qde` and `sources/`), or beside a bare `.qde` (its `sources/`
//! folder next to it, or the project's `basePath`). Every read is bounded.

use std::io::{Cursor, Read as _};
use std::path::{Path, PathBuf};

use crate::document::MAX_DOCUMENT_BYTES;
use crate::fsio;

/// The largest `project.qde` read: a project with a hundred thousand
/// selections takes about 60 MB.
pub const MAX_QDE_BYTES: u64 = 512 * 1024 * 1024;
/// All files read out of one `.qdpx` together, unpacked.
const MAX_UNPACKED_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// A REFI project's files.
pub enum Package {
    /// A `.qdpx`.
    Zip {
        /// The archive.
        zip: zip::ZipArchive<Cursor<Vec<u8>>>,
        /// Bytes unpacked so far.
        unpacked: u64,
        /// The `.qdpx`, for files it names outside itself.
        path: PathBuf,
    },
    /// A `.qde` in a folder.
    Folder {
        /// The folder the `.qde` is in.
        dir: PathBuf,
    },
}

impl Package {
    /// Opens `path` (a `.qdpx`, or else a `.qde`); returns the package and
    /// the text of its `project.qde`.
    ///
    /// # Errors
    /// Why the file or its `project.qde` cannot be read, for the user.
    pub fn open(path: &Path) -> Result<(Self, String), String> {
        let is_qde = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("qde"));
        if is_qde {
            let bytes = fsio::read_limited(path, MAX_QDE_BYTES).map_err(|e| e.to_string())?;
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            return Ok((Self::Folder { dir }, text(bytes)));
        }
        let bytes = fsio::read_limited(path, MAX_QDE_BYTES).map_err(|e| e.to_string())?;
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let mut package = Self::Zip {
            zip,
            unpacked: 0,
            path: path.to_path_buf(),
        };
        let name = package.qde_name().ok_or_else(String::new)?;
        let qde = package
            .entry(&name, MAX_QDE_BYTES)
            .ok_or_else(String::new)?;
        Ok((package, text(qde)))
    }

    /// The name of the `.qde` inside a ZIP: `project.qde`, else the first
    /// `.qde` at its top.
    fn qde_name(&self) -> Option<String> {
        let Self::Zip { zip, .. } = self else {
            return None;
        };
        if zip.index_for_name("project.qde").is_some() {
            return Some("project.qde".to_owned());
        }
        zip.file_names()
            .filter_map(Result::ok)
            .find(|n| !n.contains('/') && n.to_ascii_lowercase().ends_with(".qde"))
            .map(std::borrow::Cow::into_owned)
    }

    /// The bytes of an entry of the ZIP, at most `limit`.
    fn entry(&mut self, name: &str, limit: u64) -> Option<Vec<u8>> {
        let Self::Zip { zip, unpacked, .. } = self else {
            return None;
        };
        let budget = limit.min(MAX_UNPACKED_BYTES.saturating_sub(*unpacked));
        let index = zip.index_for_name(name)?;
        let file = zip.by_index(index).ok()?;
        if file.size() > budget {
            return None;
        }
        let mut out = Vec::new();
        file.take(budget + 1).read_to_end(&mut out).ok()?;
        if out.len() as u64 > budget {
            return None;
        }
        *unpacked += out.len() as u64;
        Some(out)
    }

    /// The bytes of the file a source names (`internal://NAME`, a relative
    /// or an absolute path, `file://…`), with `base` (the project's
    /// `basePath`) for relative paths outside the package; with the path
    /// read when it lies outside the package (REFI allows that; the import
    /// names every such file).
    pub fn read(&mut self, reference: &str, base: &str) -> Option<(Vec<u8>, Option<PathBuf>)> {
        let reference = reference.trim();
        let internal = reference.strip_prefix("internal://");
        let name = internal.unwrap_or(reference);
        let name = name.strip_prefix("file://").unwrap_or(name);
        let climbs = name.split(['/', '\\']).any(|part| part == "..");
        if name.is_empty() || climbs && internal.is_some() {
            return None;
        }
        let inside = [format!("sources/{name}"), name.to_owned()];
        if let Self::Folder { dir } = self {
            // `..` leaves the folder: that is a file outside, named below.
            for candidate in inside.iter().filter(|_| !climbs) {
                if let Ok(bytes) = fsio::read_limited(&dir.join(candidate), MAX_DOCUMENT_BYTES) {
                    return Some((bytes, None));
                }
            }
        } else {
            for candidate in &inside {
                if let Some(bytes) = self.entry(candidate, MAX_DOCUMENT_BYTES) {
                    return Some((bytes, None));
                }
            }
        }
        if internal.is_some() {
            return None;
        }
        // A file outside the package: absolute, or relative to basePath or
        // to the package's folder.
        let beside = match self {
            Self::Zip { path, .. } => path.parent().map(Path::to_path_buf).unwrap_or_default(),
            Self::Folder { dir } => dir.clone(),
        };
        let path = Path::new(name);
        let candidates = if path.is_absolute() {
            vec![path.to_path_buf()]
        } else {
            vec![Path::new(base).join(path), beside.join(path)]
        };
        candidates.into_iter().find_map(|p| {
            let bytes = fsio::read_limited(&p, MAX_DOCUMENT_BYTES).ok()?;
            Some((bytes, Some(p)))
        })
    }
}

/// Bytes as text: UTF-8 (a byte-order mark dropped), else Windows-1252.
#[must_use]
pub fn text(bytes: Vec<u8>) -> String {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => encoding_rs::WINDOWS_1252
            .decode(e.as_bytes())
            .0
            .into_owned(),
    }
}
