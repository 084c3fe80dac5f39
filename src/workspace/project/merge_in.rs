//! A colleague's project merged into one's own: the same articles coded by
//! two people become one project whose documents hold both readings, each
//! annotation with its reader's name (what agreement is computed from).
//!
//! Documents are matched by their text (its content hash), whatever their
//! file names or ids; the colleague's annotations are merged into the
//! matching document's as `merge` merges sessions (identical ones
//! recognised, readers named, ids renumbered where taken). Documents only
//! the colleague has are added, their texts copied in where they lived in
//! the colleague's folder. Actors are matched by id, then by name; concepts
//! the same way; colour meanings and attributes fill what this project
//! leaves empty. This project's own records always stay as they are.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Project;
use super::texts::document_id;
use crate::actors::ActorId;
use crate::analysis::merge::{self, Identical, MergeReport};
use crate::annotation::{Annotation, ConceptId, Session};
use crate::fsio::SaveError;
use crate::i18n::{fill, tr_co};
use crate::workspace::paths::{lexically_normal, relative_to};

/// What merging a project in did.
#[derive(Clone, Debug, Default)]
pub struct MergeInReport {
    /// The name this project's own annotations without a reader go by.
    pub own: String,
    /// The name the colleague's annotations without a reader go by.
    pub theirs: String,
    /// Documents both projects have (the same text).
    pub matched: usize,
    /// Documents only the colleague had, now added (their indices).
    pub added: Vec<usize>,
    /// Annotations taken in, over all documents.
    pub annotations: usize,
    /// Annotations already there, recognised and not taken twice.
    pub identical: usize,
    /// Passages both readers coded alike (both kept).
    pub coded_alike: usize,
    /// Annotations that got a new id because theirs was taken.
    pub renumbered: usize,
    /// Actors added to the registry.
    pub new_actors: usize,
    /// The colleague's actors taken as one of this project's by name:
    /// (their id, the id kept).
    pub unified_actors: Vec<(ActorId, ActorId)>,
    /// What else the user should know (documents passed over, texts missing).
    pub notices: Vec<String>,
}

impl MergeInReport {
    /// One paragraph for the command line and the status bar.
    #[must_use]
    pub fn summary(&self) -> String {
        let mut text = fill(
            tr_co().merge_in_summary,
            &[
                ("annotations", &self.annotations),
                ("reader", &self.theirs),
                ("matched", &self.matched),
                ("added", &self.added.len()),
                ("actors", &self.new_actors),
            ],
        );
        let step = MergeReport {
            identical: self.identical,
            coded_alike: self.coded_alike,
            renumbered: self.renumbered,
            ..MergeReport::default()
        };
        let more = step.summary();
        if !more.is_empty() {
            text.push(' ');
            text.push_str(&more);
        }
        text
    }
}

/// Why a project cannot be merged in.
#[derive(Debug, thiserror::Error)]
pub enum MergeInError {
    /// Both folders are the same project.
    #[error("{}", fill(tr_co().err_merge_same_project, &[("path", &path.display())]))]
    SameProject {
        /// The folder.
        path: PathBuf,
    },
    /// A file could not be written; what was merged until then is on disk.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// A name case and spacing aside, for matching actors and concepts.
fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The name a project's annotations without a reader go by: the one reader
/// its annotations name, else its folder's name.
fn reader_of(project: &Project) -> String {
    let mut all = project.registry();
    all.annotations = project.all_annotations().map(|(_, a)| a.clone()).collect();
    merge::reader_of(project.dir(), &all)
}

impl Project {
    /// Merges the project `other` into this one (see the module's text).
    ///
    /// # Errors
    /// [`MergeInError::SameProject`] when `other` is this project; a
    /// [`SaveError`] when a file cannot be written (what was merged until
    /// then is written, the registry last).
    pub fn merge_in(&mut self, other: &Project) -> Result<MergeInReport, MergeInError> {
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        if same(self.dir(), other.dir()) {
            return Err(MergeInError::SameProject {
                path: self.dir().to_path_buf(),
            });
        }
        if !self.registry_writable() {
            // Refused before anything is written: annotation files of new
            // documents without their entries in the project file would be
            // strays.
            return Err(SaveError::WouldDrop {
                path: self.dir().join(crate::storage::PROJECT_FILE),
                fields: self.unknown.join(", "),
            }
            .into());
        }
        let mut report = MergeInReport {
            own: reader_of(self),
            theirs: reader_of(other),
            ..MergeInReport::default()
        };
        if report.theirs == report.own {
            report.theirs.push_str(" (2)");
        }
        let (actors, concepts) = self.take_in_registry(other, &mut report);
        let by_hash: HashMap<String, usize> = self
            .file
            .documents
            .iter()
            .enumerate()
            .map(|(i, e)| (e.source.hash.clone(), i))
            .collect();
        let outcome = (|| {
            for (j, entry) in other.documents().iter().enumerate() {
                if let Some(why) = other.annotations_problem(j) {
                    report.notices.push(fill(
                        tr_co().doc_unreadable,
                        &[("title", &entry.source.title), ("why", &why)],
                    ));
                    continue;
                }
                let annotations: Vec<Annotation> = other
                    .annotations(j)
                    .iter()
                    .map(|a| renamed(a, &actors, &concepts))
                    .collect();
                match by_hash.get(&entry.source.hash) {
                    Some(&i) => self.merge_document(i, j, other, annotations, &mut report)?,
                    None => self.add_theirs(j, other, annotations, &mut report)?,
                }
            }
            Ok::<(), SaveError>(())
        })();
        self.revision = crate::workspace::fresh_revision();
        self.save_registry()?;
        outcome?;
        Ok(report)
    }

    /// Takes the colleague's actors, concepts, legend and attribute columns
    /// into the registry; returns how their actor and concept ids map to
    /// this project's.
    fn take_in_registry(
        &mut self,
        other: &Project,
        report: &mut MergeInReport,
    ) -> (HashMap<ActorId, ActorId>, HashMap<ConceptId, ConceptId>) {
        let mut actors = HashMap::new();
        for actor in &other.file().actors {
            let mine = self
                .file
                .actors
                .iter()
                .find(|a| a.id == actor.id)
                .or_else(|| {
                    self.file
                        .actors
                        .iter()
                        .find(|a| key(&a.name) == key(&actor.name))
                });
            match mine {
                Some(mine) => {
                    if mine.id != actor.id {
                        report
                            .unified_actors
                            .push((actor.id.clone(), mine.id.clone()));
                    }
                    actors.insert(actor.id.clone(), mine.id.clone());
                }
                None => {
                    actors.insert(actor.id.clone(), actor.id.clone());
                    self.file.actors.push(actor.clone());
                    report.new_actors += 1;
                }
            }
        }
        let mut concepts = HashMap::new();
        for concept in &other.file().concepts {
            let mine = self
                .file
                .concepts
                .iter()
                .find(|c| c.id == concept.id)
                .or_else(|| {
                    self.file
                        .concepts
                        .iter()
                        .find(|c| key(&c.name) == key(&concept.name))
                });
            match mine {
                Some(mine) => {
                    concepts.insert(concept.id.clone(), mine.id.clone());
                }
                None => {
                    concepts.insert(concept.id.clone(), concept.id.clone());
                    self.file.concepts.push(concept.clone());
                }
            }
        }
        for (colour, meaning) in &other.file().legend {
            self.file
                .legend
                .entry(*colour)
                .or_insert_with(|| meaning.clone());
        }
        for attribute in &other.file().attributes {
            if !self.file.attributes.contains(attribute) {
                self.file.attributes.push(attribute.clone());
            }
        }
        for search in &other.file().searches {
            if self.file.searches.iter().all(|s| s.name != search.name) {
                self.file.searches.push(search.clone());
            }
        }
        (actors, concepts)
    }

    /// Merges the colleague's annotations of their document `j` into this
    /// project's document `i` (the same text); their metadata and
    /// attributes fill what this one leaves empty.
    fn merge_document(
        &mut self,
        i: usize,
        j: usize,
        other: &Project,
        annotations: Vec<Annotation>,
        report: &mut MergeInReport,
    ) -> Result<(), SaveError> {
        report.matched += 1;
        let theirs = &other.documents()[j];
        let mine = &mut self.file.documents[i];
        for (field, value) in [
            (&mut mine.outlet, &theirs.outlet),
            (&mut mine.date, &theirs.date),
            (&mut mine.author, &theirs.author),
        ] {
            if field.is_none() {
                field.clone_from(value);
            }
        }
        for (name, value) in &theirs.attributes {
            mine.attributes
                .entry(name.clone())
                .or_insert_with(|| value.clone());
        }
        if annotations.is_empty() {
            return Ok(());
        }
        if let Some(why) = self.annotations_problem(i) {
            // Writing would replace a file that cannot be read.
            report.notices.push(fill(
                tr_co().doc_unreadable,
                &[("title", &theirs.source.title), ("why", &why)],
            ));
            return Ok(());
        }
        let mut base = self.session_of(i);
        merge::name_reader(&mut base, &report.own);
        let mut incoming = self.session_of(i);
        incoming.annotations = annotations;
        let step = merge::merge_with(&mut base, &incoming, &report.theirs, Identical::Recognise)
            .map_err(|e| SaveError::Io {
                path: self.annotations_path(i),
                source: std::io::Error::other(e.to_string()),
            })?;
        let added: usize = step.added.iter().map(|(_, n)| n).sum();
        report.annotations += added;
        report.identical += step.identical;
        report.coded_alike += step.coded_alike;
        report.renumbered += step.renumbered;
        if added > 0 {
            self.write_annotations(i, &base)?;
        }
        Ok(())
    }

    /// Adds the colleague's document `j`, which this project lacks, with
    /// their annotations: its text copied in when it lived in their folder,
    /// else referenced where it is.
    fn add_theirs(
        &mut self,
        j: usize,
        other: &Project,
        annotations: Vec<Annotation>,
        report: &mut MergeInReport,
    ) -> Result<(), SaveError> {
        let theirs = &other.documents()[j];
        let taken = |id: &str| self.file.documents.iter().any(|e| e.id == id);
        let id = document_id(&theirs.id, taken);
        let mut entry = theirs.clone();
        entry.id.clone_from(&id);
        if let Some(text) = other.text_path(j) {
            let inside = text.starts_with(lexically_normal(other.dir()));
            let path = if inside && text.is_file() {
                self.copy_in(&text, &id)?
            } else {
                if !text.is_file() {
                    report.notices.push(fill(
                        tr_co().doc_missing,
                        &[("title", &theirs.source.title), ("path", &text.display())],
                    ));
                }
                text
            };
            entry.source.path = Some(relative_to(&path, self.dir()).display().to_string());
        }
        for name in entry.attributes.keys() {
            if !self.file.attributes.contains(name) {
                self.file.attributes.push(name.clone());
            }
        }
        self.file.documents.push(entry);
        self.annotations.push(Ok(Vec::new()));
        let index = self.file.documents.len() - 1;
        report.added.push(index);
        if annotations.is_empty() {
            return Ok(());
        }
        let mut session: Session = self.session_of(index);
        session.annotations = annotations;
        merge::name_reader(&mut session, &report.theirs);
        report.annotations += session.annotations.len();
        self.write_annotations(index, &session)
    }
}

/// The colleague's annotation with this project's actor and concept ids.
fn renamed(
    annotation: &Annotation,
    actors: &HashMap<ActorId, ActorId>,
    concepts: &HashMap<ConceptId, ConceptId>,
) -> Annotation {
    let mut out = annotation.clone();
    for id in &mut out.actors {
        if let Some(mine) = actors.get(id) {
            id.clone_from(mine);
        }
    }
    if let Some(statement) = &mut out.statement {
        if let Some(mine) = actors.get(&statement.actor) {
            statement.actor.clone_from(mine);
        }
        if let Some(mine) = concepts.get(&statement.concept) {
            statement.concept.clone_from(mine);
        }
    }
    out
}
