//! Adding files to a project: texts, pages and documents become documents;
//! sessions come with their annotations; folders are walked. What is not
//! added is said, file by file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::Project;
use super::texts::{document_id, keep_in_cache};
use crate::actors::{Actor, ActorId};
use crate::annotation::{DocumentRef, Session};
use crate::document::{Document, Meta};
use crate::fsio::{self, SaveError};
use crate::i18n::{fill, tr_co};
use crate::storage::{self, Entry};
use crate::workspace::Workspace;
use crate::workspace::paths::{absolute, relative_to};

/// Most files one adding looks at: a folder of 10 000 articles is fine, a
/// home folder dropped by mistake is not walked to its end.
pub const MAX_FILES: usize = 20_000;

/// File name endings of what a project takes.
const TAKEN: [&str; 14] = [
    "txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "pdf", "epub", "docx",
    "odt", "ron",
];

/// A file that was not added, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why, for the user.
    pub why: String,
}

/// What adding did.
#[derive(Clone, Debug, Default)]
pub struct AddReport {
    /// The indices of the documents added.
    pub added: Vec<usize>,
    /// The files passed over.
    pub skipped: Vec<Skipped>,
    /// What else to say (sessions taken in, actors renamed, a walk cut).
    pub notices: Vec<String>,
}

impl AddReport {
    /// One line for a status bar.
    #[must_use]
    pub fn summary(&self) -> String {
        fill(
            tr_co().add_summary,
            &[
                ("added", &self.added.len()),
                ("skipped", &self.skipped.len()),
            ],
        )
    }
}

/// How far an adding has come, for a progress bar in another thread; and
/// the way to stop it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files read so far.
    pub done: AtomicUsize,
    /// Files to read (known once the folders are walked).
    pub total: AtomicUsize,
    /// Set to stop before the next file.
    pub cancel: AtomicBool,
}

/// A file read for adding.
enum Read {
    Text(Box<Document>),
    Session(Box<Workspace>),
}

impl Project {
    /// Adds `paths` (files, or folders walked with everything below them)
    /// as documents; with `copy`, their files are copied into the project's
    /// `texts/` folder, else referenced where they are. Texts already in
    /// the project (the same text) are not added twice. `done` counts the
    /// files read and `cancel` stops before the next one (see [`Progress`]).
    ///
    /// # Errors
    /// A [`SaveError`] when the project file or a copy cannot be written;
    /// what was added until then is in the project file.
    pub fn add(
        &mut self,
        paths: &[PathBuf],
        copy: bool,
        progress: &Progress,
    ) -> Result<AddReport, SaveError> {
        let mut report = AddReport::default();
        let files = self.files_to_add(paths, &mut report);
        progress.total.store(files.len(), Ordering::Relaxed);
        let read = read_all(&files, &progress.done, &progress.cancel);
        let mut known: HashMap<String, usize> = self
            .file
            .documents
            .iter()
            .enumerate()
            .map(|(i, e)| (e.source.hash.clone(), i))
            .collect();
        let outcome = (|| {
            for (path, read) in files.iter().zip(read) {
                let read = match read {
                    Some(Ok(read)) => read,
                    Some(Err(why)) => {
                        report.skipped.push(skipped(path, tr_co().add_failed, &why));
                        continue;
                    }
                    None => break,
                };
                let (document, text_path, session) = match read {
                    Read::Text(document) => (*document, path.clone(), None),
                    Read::Session(workspace) => {
                        let document = (**workspace.document()).clone();
                        let text = match workspace.document_path() {
                            Some(text) => text.to_path_buf(),
                            // The bundled article has no file: it gets one.
                            None => self.bundled_text()?,
                        };
                        (document, text, Some(workspace.session().clone()))
                    }
                };
                if let Some(&index) = known.get(document.hash()) {
                    let title = &self.file.documents[index].source.title;
                    report.skipped.push(Skipped {
                        path: path.clone(),
                        why: fill(
                            tr_co().add_duplicate,
                            &[("path", &path.display()), ("title", title)],
                        ),
                    });
                    continue;
                }
                let index = self.add_one(&document, &text_path, copy)?;
                known.insert(document.hash().to_owned(), index);
                if let Some(session) = session {
                    let n = session.annotations.len();
                    self.take_in_session(index, session, &mut report)?;
                    report.notices.push(fill(
                        tr_co().add_session,
                        &[("path", &path.display()), ("n", &n)],
                    ));
                }
                report.added.push(index);
            }
            Ok(())
        })();
        self.revision = crate::workspace::fresh_revision();
        if !report.added.is_empty() {
            self.save_registry()?;
        }
        outcome.map(|()| report)
    }

    /// The files below `paths`, in name order, without the project's own.
    fn files_to_add(&self, paths: &[PathBuf], report: &mut AddReport) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for path in paths {
            let path = absolute(path);
            if path.is_dir() {
                walk(&path, &self.dir, &mut files, report);
            } else {
                files.push(path);
            }
        }
        files.retain(|path| {
            let taken = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| TAKEN.contains(&e.to_ascii_lowercase().as_str()));
            if !taken {
                report
                    .skipped
                    .push(skipped(path, tr_co().add_not_a_text, &""));
            }
            taken
        });
        files
    }

    /// The bundled article as a file of the project's, for a session on it.
    fn bundled_text(&self) -> Result<PathBuf, SaveError> {
        let dir = self.dir.join(storage::TEXTS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| SaveError::from_io(&dir, e))?;
        let path = dir.join(crate::document::bundled::FILE_NAME);
        if !path.exists() {
            let text = crate::document::bundled::ARTICLE.as_bytes();
            fsio::write_atomic(&path, text, |_| false)?;
        }
        Ok(path)
    }

    /// Records `document`, read from `path`, as a new document.
    pub(super) fn add_one(
        &mut self,
        document: &Document,
        path: &Path,
        copy: bool,
    ) -> Result<usize, SaveError> {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let taken = |id: &str| self.file.documents.iter().any(|e| e.id == id);
        let id = document_id(stem.as_deref().unwrap_or_default(), taken);
        let text_path = if copy {
            self.copy_in(path, &id)?
        } else {
            path.to_path_buf()
        };
        let relative = relative_to(&text_path, &self.dir);
        let meta = document.meta();
        let entry = Entry {
            id,
            source: DocumentRef::to(document, Some(relative.display().to_string())),
            outlet: meta.outlet.clone(),
            date: sortable_date(meta),
            author: meta.author.clone(),
            attributes: std::collections::BTreeMap::new(),
        };
        self.file.documents.push(entry);
        self.annotations.push(Ok(Vec::new()));
        keep_in_cache(self, document);
        Ok(self.file.documents.len() - 1)
    }

    /// Copies the file at `path` into the project's `texts/` folder as
    /// `ID.ext`; returns the copy's path.
    pub(super) fn copy_in(&self, path: &Path, id: &str) -> Result<PathBuf, SaveError> {
        let dir = self.dir.join(storage::TEXTS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| SaveError::from_io(&dir, e))?;
        let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
        let name = match extension {
            Some(ext) => format!("{id}.{ext}"),
            None => id.to_owned(),
        };
        let target = dir.join(name);
        let bytes = fsio::read_limited(path, crate::document::MAX_DOCUMENT_BYTES).map_err(|e| {
            SaveError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            }
        })?;
        fsio::write_atomic(&target, &bytes, |_| false)?;
        Ok(target)
    }

    /// Takes a session's annotations in as document `index`'s: its actors
    /// and concepts join the registry (one of the same id and name is the
    /// same; an id taken by another name gets a fresh one).
    fn take_in_session(
        &mut self,
        index: usize,
        mut session: Session,
        report: &mut AddReport,
    ) -> Result<(), SaveError> {
        let mut renamed: HashMap<ActorId, ActorId> = HashMap::new();
        for actor in &session.actors {
            let same_name = self.file.actors.iter().find(|a| a.name == actor.name);
            let same_id = self.file.actors.iter().find(|a| a.id == actor.id);
            match (same_id, same_name) {
                (Some(known), _) if known.name == actor.name => {}
                (_, Some(known)) => {
                    renamed.insert(actor.id.clone(), known.id.clone());
                }
                (Some(_), None) => {
                    let fresh = crate::actors::unique_id(&actor.name, |id| {
                        self.file.actors.iter().any(|a| &a.id == id)
                    });
                    report.notices.push(fill(
                        tr_co().add_actor_renamed,
                        &[("id", &actor.id), ("new", &fresh)],
                    ));
                    renamed.insert(actor.id.clone(), fresh.clone());
                    self.file.actors.push(Actor {
                        id: fresh,
                        ..actor.clone()
                    });
                }
                (None, None) => self.file.actors.push(actor.clone()),
            }
        }
        for annotation in &mut session.annotations {
            for id in &mut annotation.actors {
                if let Some(new) = renamed.get(id) {
                    id.clone_from(new);
                }
            }
            if let Some(statement) = &mut annotation.statement
                && let Some(new) = renamed.get(&statement.actor)
            {
                statement.actor.clone_from(new);
            }
        }
        for concept in &session.concepts {
            if self.file.concepts.iter().all(|c| c.id != concept.id) {
                self.file.concepts.push(concept.clone());
            }
        }
        for (colour, meaning) in &session.legend {
            self.file
                .legend
                .entry(*colour)
                .or_insert_with(|| meaning.clone());
        }
        self.write_annotations(index, &session)
    }

    /// Writes `session`'s annotations as document `index`'s file (an
    /// ordinary session file without actors, concepts or legend: the
    /// project file holds those), and takes them as the document's.
    pub(super) fn write_annotations(
        &mut self,
        index: usize,
        session: &Session,
    ) -> Result<(), SaveError> {
        let path = self.annotations_path(index);
        let folder = self.dir.join(storage::ANNOTATIONS_DIR);
        std::fs::create_dir_all(&folder).map_err(|e| SaveError::from_io(&folder, e))?;
        let mut reference = self.file.documents[index].source.clone();
        reference.path = self
            .text_path(index)
            .map(|text| relative_to(&text, &folder).display().to_string());
        let mut view = session.view();
        view.document = std::borrow::Cow::Owned(reference);
        view.actors = &[];
        view.concepts = &[];
        let no_legend = std::collections::BTreeMap::new();
        view.legend = &no_legend;
        fsio::write_atomic_with(
            &path,
            |out| storage::write_session(out, &view),
            storage::looks_like_session,
        )?;
        if let Some(slot) = self.annotations.get_mut(index) {
            *slot = Ok(session.annotations.clone());
        }
        self.revision = crate::workspace::fresh_revision();
        Ok(())
    }
}

/// The message for a file passed over.
fn skipped(path: &Path, template: &str, why: &dyn std::fmt::Display) -> Skipped {
    Skipped {
        path: path.to_path_buf(),
        why: fill(template, &[("path", &path.display()), ("why", why)]),
    }
}

/// Every file below `dir`, in name order, leaving out hidden ones and the
/// project's own folder; at most [`MAX_FILES`].
fn walk(dir: &Path, project: &Path, out: &mut Vec<PathBuf>, report: &mut AddReport) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        if folder.join(storage::PROJECT_FILE).is_file() && folder == project {
            // The project's own files are not documents of it.
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        let mut folders = Vec::new();
        for path in entries {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            // Symbolic links to folders are not followed: no loops.
            let meta = std::fs::symlink_metadata(&path);
            if meta.as_ref().is_ok_and(std::fs::Metadata::is_dir) {
                folders.push(path);
            } else if out.len() >= MAX_FILES {
                report.notices.push(fill(
                    tr_co().add_too_many,
                    &[("limit", &MAX_FILES), ("path", &dir.display())],
                ));
                return;
            } else {
                out.push(path);
            }
        }
        stack.extend(folders.into_iter().rev());
    }
}

/// Reads `files` on the machine's cores; `None` for those not read because
/// of `cancel`.
fn read_all(
    files: &[PathBuf],
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Vec<Option<Result<Read, String>>> {
    super::parallel::each(files.len(), cancel, |i| {
        let read = read_one(&files[i]);
        done.fetch_add(1, Ordering::Relaxed);
        read
    })
    .into_iter()
    .map(|outcome| outcome.map(|r| r.unwrap_or_else(|_| Err(tr_co().read_crashed.to_owned()))))
    .collect()
}

/// One file: a session with its text, or a text.
fn read_one(path: &Path) -> Result<Read, String> {
    let is_session = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_session {
        let (workspace, _) = Workspace::open_session(path, None).map_err(|e| e.to_string())?;
        return Ok(Read::Session(Box::new(workspace)));
    }
    Document::open(path)
        .map(|d| Read::Text(Box::new(d)))
        .map_err(|e| e.to_string())
}

/// The day an article appeared, as `YYYY-MM-DD` (or `YYYY-MM`), from the
/// date it gives or else its last update: the form that sorts.
#[must_use]
pub fn sortable_date(meta: &Meta) -> Option<String> {
    let date = meta.date.as_deref().and_then(iso_date);
    let stand = meta.stand.as_deref().and_then(iso_date);
    match (date, stand) {
        // "2022-01" and "13.01.2022": the day is the more precise.
        (Some(d), Some(s)) if s.starts_with(&d) && s.len() > d.len() => Some(s),
        (Some(d), _) => Some(d),
        (None, s) => s,
    }
}

/// `2022-01-13`, `2022-01-13T09:59`, `13.01.2022`, `13.1.2022 09:59 Uhr`,
/// `2022-01`, `2022` as ISO dates.
fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    let head: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '.')
        .collect();
    let head = head.trim_end_matches(['.', '-']);
    let parts: Vec<&str> = head.split(['-', '.']).collect();
    let number = |s: &str| s.parse::<u32>().ok();
    let (year, month, day) = match parts.as_slice() {
        [y] if y.len() == 4 => (number(y)?, None, None),
        [y, m] if y.len() == 4 => (number(y)?, Some(number(m)?), None),
        [y, m, d] if y.len() == 4 => (number(y)?, Some(number(m)?), Some(number(d)?)),
        [d, m, y] if y.len() == 4 => (number(y)?, Some(number(m)?), Some(number(d)?)),
        _ => return None,
    };
    if !(1000..=9999).contains(&year) {
        return None;
    }
    match (month, day) {
        (None, _) => Some(format!("{year:04}")),
        (Some(m), None) if (1..=12).contains(&m) => Some(format!("{year:04}-{m:02}")),
        (Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            Some(format!("{year:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_shapes_articles_give_them_sort() {
        assert_eq!(
            iso_date("2022-01-13T09:59:00+01:00").as_deref(),
            Some("2022-01-13")
        );
        assert_eq!(
            iso_date("13.01.2022 09:59 Uhr").as_deref(),
            Some("2022-01-13")
        );
        assert_eq!(iso_date("3.1.2022").as_deref(), Some("2022-01-03"));
        assert_eq!(iso_date("2022-01").as_deref(), Some("2022-01"));
        assert_eq!(iso_date("gestern"), None);
        assert_eq!(iso_date("2022-13-01"), None);
        let meta = Meta {
            date: Some("2022-01".into()),
            stand: Some("13.01.2022 09:59 Uhr".into()),
            ..Meta::default()
        };
        assert_eq!(sortable_date(&meta).as_deref(), Some("2022-01-13"));
    }
}
