//! Links: a page (or a PDF, an e-book, a Word file) fetched from the web,
//! kept as a snapshot file and opened as the session's text.
//!
//! The snapshot is what the session's text is made of: a web page is kept
//! decoded, as UTF-8, so that reopening it gives the very same text whatever
//! charset the server named; other documents are kept byte for byte. A
//! snapshot first lives in a folder of its own ([`snapshot_dir`]); saving
//! the session puts a copy beside the session file, so the session reopens
//! offline with the identical text when the site has changed or gone.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::Workspace;
use crate::document::{DecodeError, Document, TextFormat};
use crate::fetch::{self, FetchError, Fetched, Kind, Limits};
use crate::fsio::{self, SaveError};
use crate::i18n::{fill, tr_in};

/// A page with less text than this is no article (a paywall's teaser, a
/// page its scripts fill in the browser).
pub const MIN_ARTICLE_CHARS: usize = 400;

/// Why a link could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// The download failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The page holds hardly any text.
    #[error("{}", fill(tr_in().fetch_too_little_text, &[("url", url), ("chars", chars)]))]
    TooLittleText {
        /// The page's address.
        url: String,
        /// How many chars of article text it has.
        chars: usize,
    },
    /// Something the reader cannot open (an image, a video …).
    #[error("{}", fill(tr_in().fetch_unsupported, &[("url", url), ("kind", kind)]))]
    Unsupported {
        /// The address.
        url: String,
        /// What it is, as its content type says.
        kind: String,
    },
    /// The document itself cannot be read.
    #[error(transparent)]
    Document(#[from] DecodeError),
    /// The snapshot could not be written.
    #[error(transparent)]
    Snapshot(#[from] SaveError),
}

/// A fetched document, ready to be read.
#[derive(Debug)]
pub struct Page {
    /// Where it was fetched from, after redirects.
    pub url: String,
    /// What the snapshot keeps: the page as UTF-8, or the file's bytes.
    pub bytes: Vec<u8>,
    /// Its format.
    pub format: TextFormat,
    /// The snapshot's file extension.
    pub extension: &'static str,
}

/// Fetches `url` (within `limits`, stopping when `cancel` is set, telling
/// `progress` the bytes read and expected) and checks that it is a
/// readable document.
///
/// # Errors
/// A [`LinkError`] saying why: no network, an error status, too large, not
/// a document the reader opens.
pub fn fetch_page(
    url: &str,
    limits: &Limits,
    cancel: &AtomicBool,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Page, LinkError> {
    let fetched = fetch::fetch(url, limits, cancel, progress)?;
    page_of(fetched)
}

fn page_of(fetched: Fetched) -> Result<Page, LinkError> {
    let (format, extension) = match fetched.kind() {
        Kind::Html => (TextFormat::Html, "html"),
        Kind::Text => (TextFormat::Plain, "txt"),
        Kind::Epub => (TextFormat::Epub, "epub"),
        Kind::Docx => (TextFormat::Docx, "docx"),
        Kind::Odt => (TextFormat::Odt, "odt"),
        Kind::Pdf => (TextFormat::Pdf, "pdf"),
        Kind::Other(_) => {
            return Err(LinkError::Unsupported {
                kind: fetched
                    .content_type
                    .clone()
                    .unwrap_or_else(|| "application/octet-stream".to_owned()),
                url: fetched.url,
            });
        }
    };
    let bytes = match fetched.text() {
        Some(text) => text.into_bytes(),
        None => fetched.bytes,
    };
    Ok(Page {
        url: fetched.url,
        bytes,
        format,
        extension,
    })
}

impl Page {
    /// The document the page makes.
    ///
    /// # Errors
    /// A [`LinkError`] when it cannot be read or holds too little text.
    pub fn document(&self) -> Result<Document, LinkError> {
        let document = Document::from_bytes(&self.bytes, self.format)?;
        if self.format == TextFormat::Html {
            let chars = document.paragraphs().map(|p| p.range.len()).sum::<usize>();
            if chars < MIN_ARTICLE_CHARS {
                return Err(LinkError::TooLittleText {
                    url: self.url.clone(),
                    chars,
                });
            }
        }
        Ok(document)
    }

    /// Writes the snapshot into `dir`, named for the site and the content:
    /// the same page fetched twice is one file.
    ///
    /// # Errors
    /// A [`SaveError`] when the folder or file cannot be written.
    pub fn keep_in(&self, dir: &Path) -> Result<PathBuf, SaveError> {
        std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let host = url::Url::parse(&self.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "seite".to_owned());
        let host: String = host
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let digest = blake3::hash(&self.bytes).to_hex();
        let path = dir.join(format!("{host}-{}.{}", &digest[..12], self.extension));
        if !path.is_file() {
            fsio::write_atomic(&path, &self.bytes, |_| false)?;
        }
        Ok(path)
    }
}

/// Where snapshots of links live until their session is saved.
#[must_use]
pub fn snapshot_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "randnotiz").map(|d| d.data_dir().join("pages"))
}

/// True when `path` is a snapshot in the cache (see [`snapshot_dir`]), not
/// yet kept beside a session.
#[must_use]
pub fn is_cached_snapshot(path: &Path) -> bool {
    snapshot_dir().is_some_and(|dir| path.starts_with(dir))
        || path.starts_with(std::env::temp_dir().join("randnotiz-pages"))
}

impl Workspace {
    /// A new session on a fetched page, its text the snapshot at `snapshot`.
    ///
    /// # Errors
    /// A [`LinkError`] when the page cannot be read.
    pub fn open_page(page: &Page, snapshot: PathBuf) -> Result<Self, LinkError> {
        let document = page.document()?;
        let mut workspace = Self::new(document, Some(snapshot), Vec::new());
        workspace.session.document.url = Some(page.url.clone());
        workspace.snapshot = true;
        Ok(workspace)
    }

    /// Before the session is saved to `session_file`: a snapshot text gets
    /// a copy beside it (`NAME.page.html` for `NAME.ron`), which the session
    /// then names.
    pub(super) fn keep_snapshot_beside(&mut self, session_file: &Path) -> Result<(), SaveError> {
        let Some(from) = self.document_path.clone().filter(|_| self.snapshot) else {
            return Ok(());
        };
        let bytes = std::fs::read(&from).map_err(|source| SaveError::Io {
            path: from.clone(),
            source,
        })?;
        let folder = session_file.parent().unwrap_or_else(|| Path::new("."));
        let stem = session_file
            .file_stem()
            .map_or_else(|| "sitzung".into(), |s| s.to_string_lossy().into_owned());
        let extension = from
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
        for n in 1..1000 {
            let name = if n == 1 {
                format!("{stem}.page.{extension}")
            } else {
                format!("{stem}.page-{n}.{extension}")
            };
            let target = folder.join(name);
            let free = match std::fs::read(&target) {
                Ok(existing) => existing == bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    fsio::write_atomic(&target, &bytes, |_| false)?;
                    true
                }
                Err(source) => {
                    return Err(SaveError::Io {
                        path: target,
                        source,
                    });
                }
            };
            if free {
                self.document_path = Some(super::paths::absolute(&target));
                self.snapshot = false;
                return Ok(());
            }
        }
        Err(SaveError::Io {
            path: folder.to_path_buf(),
            source: std::io::Error::other("no free name for the page's snapshot"),
        })
    }
}
