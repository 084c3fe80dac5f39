//! A project's texts and annotation files on disk: reading them (the texts
//! through a cache of extracted text), telling a missing or changed text,
//! naming new documents.

use std::path::{Path, PathBuf};

use super::Project;
use crate::annotation::Annotation;
use crate::document::{Document, TextFormat};
use crate::fsio;
use crate::i18n::{fill, tr_co};
use crate::storage::{self, Entry};
use crate::workspace::OpenError;

/// Whether a document's text is where the project says, as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextState {
    /// There, with the bytes it had when added.
    Same,
    /// There, with other bytes: on opening, the annotations are re-anchored.
    Changed,
    /// Not there.
    Missing,
}

impl TextState {
    /// The message for a document in this state, `None` when all is well.
    #[must_use]
    pub fn message(&self, entry: &Entry) -> Option<String> {
        let template = match self {
            Self::Same => return None,
            Self::Changed => tr_co().doc_changed,
            Self::Missing => tr_co().doc_missing,
        };
        let path = entry.source.path.as_deref().unwrap_or("?");
        Some(fill(
            template,
            &[("title", &entry.source.title), ("path", &path)],
        ))
    }
}

/// Each document's record and where its text should be, taken from a
/// project to be checked anywhere ([`super::Project::text_checks`]).
#[derive(Clone, Debug)]
pub struct TextChecks(pub(super) Vec<(Entry, Option<PathBuf>)>);

impl TextChecks {
    /// Reads and hashes every text, on the machine's cores; the states in
    /// the documents' order (a read that panicked counts as missing).
    #[must_use]
    pub fn run(self) -> Vec<TextState> {
        let never = std::sync::atomic::AtomicBool::new(false);
        let items = self.0;
        super::parallel::each(items.len(), &never, |i| {
            state(&items[i].0, items[i].1.as_deref())
        })
        .into_iter()
        .map(|outcome| outcome.and_then(Result::ok).unwrap_or(TextState::Missing))
        .collect()
    }
}

/// The state of `entry`'s text at `path`.
pub(super) fn state(entry: &Entry, path: Option<&Path>) -> TextState {
    let Some(path) = path else {
        return TextState::Missing;
    };
    match fsio::read_limited(path, crate::document::MAX_DOCUMENT_BYTES) {
        Err(_) => TextState::Missing,
        Ok(bytes) => match &entry.source.source_hash {
            Some(hash) if *hash == crate::document::bytes_hash(&bytes) => TextState::Same,
            _ => TextState::Changed,
        },
    }
}

/// Reads every document's annotation file on the machine's cores; a
/// document without a file has none yet.
pub(super) fn read_all_annotations(project: &Project) -> Vec<Result<Vec<Annotation>, String>> {
    super::parallel::each_fallible(project.file.documents.len(), |i| {
        read_annotations(&project.annotations_path(i))
    })
}

/// The annotations of one document's file (none when there is no file).
pub(super) fn read_annotations(path: &Path) -> Result<Vec<Annotation>, String> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    storage::read_session_with(path, |_| {})
        .map(|(session, _, _)| session.annotations)
        .map_err(|e| e.to_string())
}

/// Where the extracted text of a source with `source_hash` is cached.
fn cache_path(project: &Project, source_hash: &str) -> PathBuf {
    let name = source_hash.trim_start_matches("blake3:");
    project
        .dir
        .join(storage::CACHE_DIR)
        .join(format!("{name}.txt"))
}

/// The first line of a cache file: what made the text, and of what.
fn cache_header(document: &Document) -> String {
    format!(
        "randnotiz-cache 1 {} {}\n",
        document.format().name(),
        document.source().extractor
    )
}

/// Keeps the text of an extracted document for quick opening; a plain or
/// Markdown text is read from its source anyway. Failing to cache costs
/// only time later, so it is not an error.
pub(super) fn keep_in_cache(project: &Project, document: &Document) {
    if !document.format().is_extracted() {
        return;
    }
    let path = cache_path(project, &document.source().hash);
    if path.exists() {
        return;
    }
    let mut text = cache_header(document);
    text.push_str(document.text());
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = fsio::write_replacing(
        &path,
        |out| out.write_all(text.as_bytes()),
        |old| old.starts_with("randnotiz-cache "),
        fsio::Backup::None,
    );
}

/// The cached text of `entry`, when there is one made by the extractor the
/// entry records and it is the very text the entry records.
fn from_cache(project: &Project, entry: &Entry) -> Option<Document> {
    let source_hash = entry.source.source_hash.as_ref()?;
    let bytes = fsio::read_limited(
        &cache_path(project, source_hash),
        crate::document::MAX_DOCUMENT_BYTES,
    )
    .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (header, body) = text.split_once('\n')?;
    let mut words = header.splitn(4, ' ');
    let (Some("randnotiz-cache"), Some("1"), Some(format), Some(extractor)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    let format = TextFormat::from_name(format)?;
    if entry.source.extractor.as_deref() != Some(extractor) || format.extractor() != extractor {
        return None;
    }
    let document = Document::from_extracted(body.to_owned(), format, source_hash.clone())?;
    (document.hash() == entry.source.hash).then_some(document)
}

/// Reads `entry`'s text: from the cache, else from `path`.
pub(super) fn load(
    project: &Project,
    entry: &Entry,
    path: Option<&Path>,
) -> Result<Document, OpenError> {
    if let Some(document) = from_cache(project, entry) {
        return Ok(document);
    }
    let missing = || OpenError::DocumentMissing {
        title: entry.source.title.clone(),
        expected: entry.source.path.clone().unwrap_or_default(),
        path: project.dir.join(storage::PROJECT_FILE),
    };
    let path = path.ok_or_else(missing)?;
    if !path.is_file() {
        return Err(missing());
    }
    let document = Document::open(path)?;
    if document.hash() == entry.source.hash {
        keep_in_cache(project, &document);
    }
    Ok(document)
}

/// A document id for a new document named `name` (a file's stem, a
/// title): lower-case ASCII letters, digits and dashes, at most 60 chars,
/// unique among `taken`.
#[must_use]
pub fn document_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = crate::actors::slug(name);
    if base.is_empty() {
        base = "dokument".to_owned();
    }
    if let Some((cut, _)) = base.char_indices().nth(60) {
        base.truncate(cut);
    }
    let base = base.trim_matches('-').to_owned();
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Every document's text, read on the machine's cores (from the cache
/// where it can be); a text that cannot be read gives why.
pub(super) fn load_all(project: &Project) -> Vec<Result<Document, String>> {
    super::parallel::each_fallible(project.file.documents.len(), |i| {
        project.load_document(i).map_err(|e| e.to_string())
    })
}
