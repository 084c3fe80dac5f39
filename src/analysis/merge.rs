//! Combining several readers' sessions on the same text into one.
//!
//! Every annotation keeps who made it (its own reader, else the name given
//! for its session, usually the file name). Actors and concepts with the
//! same name (case and spacing aside) become one, their aliases joined and
//! their notes kept side by side; others are added, with a fresh id where
//! the id is taken. An annotation identical to one already there (same
//! passage, colour, actors, statement, note and creation time: the same file
//! merged twice, or a copy of it) is recognised and not added again.
//! Annotations two different readers coded the same way are both kept (that
//! is what agreement is computed from) and counted in the report.

use std::collections::{HashMap, HashSet};

use crate::actors::{ActorId, unique_id};
use crate::annotation::{Annotation, ConceptId, Edit, Session, concept_id_for};
use crate::i18n::{fill, tr};

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Per merged-in session: its reader name and how many annotations came in.
    pub added: Vec<(String, usize)>,
    /// Annotations already there, recognised and not added again.
    pub identical: usize,
    /// Passages two different readers coded alike (both kept).
    pub coded_alike: usize,
    /// Actors unified by name: (name, id in the merged-in session, id kept).
    pub unified_actors: Vec<(String, ActorId, ActorId)>,
    /// Concepts unified by name.
    pub unified_concepts: usize,
    /// Annotations that got a new id because theirs was taken.
    pub renumbered: usize,
}

impl MergeReport {
    /// A one-paragraph summary in the current language.
    #[must_use]
    pub fn summary(&self) -> String {
        let t = tr();
        let mut parts: Vec<String> = self
            .added
            .iter()
            .map(|(reader, n)| fill(t.merge_added, &[("n", n), ("reader", reader)]))
            .collect();
        if self.identical > 0 {
            parts.push(fill(t.merge_identical, &[("n", &self.identical)]));
        }
        if self.coded_alike > 0 {
            parts.push(fill(t.merge_alike, &[("n", &self.coded_alike)]));
        }
        if !self.unified_actors.is_empty() {
            let names: Vec<&str> = self
                .unified_actors
                .iter()
                .map(|(name, _, _)| name.as_str())
                .collect();
            parts.push(fill(t.merge_unified, &[("names", &names.join(", "))]));
        }
        if self.renumbered > 0 {
            parts.push(fill(t.merge_renumbered, &[("n", &self.renumbered)]));
        }
        parts.join(" ")
    }
}

/// Why sessions cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// The session belongs to another text.
    #[error("{}", fill(tr().err_merge_other_text, &[("reader", reader), ("title", title), ("base", base)]))]
    OtherText {
        /// The reader (file) that does not fit.
        reader: String,
        /// The title of its text.
        title: String,
        /// The title of the text merged into.
        base: String,
    },
}

fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How one annotation's coding looks, reader aside: for finding the same
/// coding by two readers.
fn coding(a: &Annotation) -> impl Eq + std::hash::Hash + use<> {
    let mut actors = a.actors.clone();
    actors.sort();
    (a.range(), actors, a.statement.clone())
}

/// Gives every annotation of `session` without a reader the name `reader`.
pub fn name_reader(session: &mut Session, reader: &str) {
    for a in &mut session.annotations {
        if a.reader.is_none() {
            a.reader = Some(reader.to_owned());
        }
    }
}

/// Merges `other` (read by `reader`) into `base`. Both must be on the same
/// text (the same content hash).
///
/// # Errors
/// [`MergeError::OtherText`] when `other` belongs to another text; `base`
/// is then unchanged.
pub fn merge_into(
    base: &mut Session,
    other: &Session,
    reader: &str,
) -> Result<MergeReport, MergeError> {
    merge_with(base, other, reader, Identical::Recognise)
}

/// What to do with an annotation identical to one already merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Identical {
    /// Take it once (merging the same file twice adds nothing).
    Recognise,
    /// Keep both: for comparing two readings, a copy is a second reader
    /// who agrees in everything.
    Keep,
}

/// [`merge_into`], saying what to do with identical annotations.
///
/// # Errors
/// As [`merge_into`].
pub fn merge_with(
    base: &mut Session,
    other: &Session,
    reader: &str,
    identical: Identical,
) -> Result<MergeReport, MergeError> {
    if other.document.hash != base.document.hash {
        return Err(MergeError::OtherText {
            reader: reader.to_owned(),
            title: other.document.title.clone(),
            base: base.document.title.clone(),
        });
    }
    let mut report = MergeReport::default();

    // Actors: by name, else added (with a fresh id where it is taken).
    let mut actor_map: HashMap<ActorId, ActorId> = HashMap::new();
    for actor in &other.actors {
        let found = base
            .actors
            .iter_mut()
            .find(|a| key(&a.name) == key(&actor.name));
        if let Some(existing) = found {
            for alias in &actor.aliases {
                if !existing.aliases.contains(alias) && key(alias) != key(&existing.name) {
                    existing.aliases.push(alias.clone());
                }
            }
            if !actor.note.trim().is_empty() && !existing.note.contains(actor.note.trim()) {
                if existing.note.trim().is_empty() {
                    existing.note.clone_from(&actor.note);
                } else {
                    existing.note = format!("{}\n\n{reader}: {}", existing.note, actor.note);
                }
            }
            if existing.id != actor.id {
                report.unified_actors.push((
                    actor.name.clone(),
                    actor.id.clone(),
                    existing.id.clone(),
                ));
            }
            actor_map.insert(actor.id.clone(), existing.id.clone());
        } else {
            let mut new = actor.clone();
            if base.actor(&new.id).is_some() {
                new.id = unique_id(&new.name, |id| base.actor(id).is_some());
            }
            actor_map.insert(actor.id.clone(), new.id.clone());
            base.actors.push(new);
        }
    }

    // Concepts: the same way.
    let mut concept_map: HashMap<ConceptId, ConceptId> = HashMap::new();
    for concept in &other.concepts {
        if let Some(existing) = base
            .concepts
            .iter_mut()
            .find(|c| key(&c.name) == key(&concept.name))
        {
            if !concept.note.trim().is_empty() && !existing.note.contains(concept.note.trim()) {
                if existing.note.trim().is_empty() {
                    existing.note.clone_from(&concept.note);
                } else {
                    existing.note = format!("{}\n\n{reader}: {}", existing.note, concept.note);
                }
            }
            if existing.id != concept.id {
                report.unified_concepts += 1;
            }
            concept_map.insert(concept.id.clone(), existing.id.clone());
        } else {
            let mut new = concept.clone();
            if base.concept(&new.id).is_some() {
                new.id = concept_id_for(&new.name, |id| {
                    base.concepts.iter().any(|c| c.id.as_str() == id)
                });
            }
            concept_map.insert(concept.id.clone(), new.id.clone());
            base.concepts.push(new);
        }
    }

    // Colour meanings the base does not set.
    for (colour, meaning) in &other.legend {
        base.legend
            .entry(*colour)
            .or_insert_with(|| meaning.clone());
    }

    // Annotations.
    let mut present: HashSet<Identity> = HashSet::new();
    let mut codings: HashMap<_, Vec<Option<String>>> = HashMap::new();
    for a in &base.annotations {
        present.insert(comparable(a));
        codings.entry(coding(a)).or_default().push(a.reader.clone());
    }
    let mut free = base.free_annotation_ids();
    let mut taken: HashSet<String> = base.annotations.iter().map(|a| a.id.0.clone()).collect();
    let mut added = 0;
    for a in &other.annotations {
        let mut new = a.clone();
        new.reader = Some(a.reader.clone().unwrap_or_else(|| reader.to_owned()));
        for id in &mut new.actors {
            if let Some(mapped) = actor_map.get(id) {
                id.clone_from(mapped);
            }
        }
        if let Some(statement) = &mut new.statement {
            if let Some(mapped) = actor_map.get(&statement.actor) {
                statement.actor.clone_from(mapped);
            }
            if let Some(mapped) = concept_map.get(&statement.concept) {
                statement.concept.clone_from(mapped);
            }
        }
        if identical == Identical::Recognise && present.contains(&comparable(&new)) {
            report.identical += 1;
            continue;
        }
        let readers = codings.entry(coding(&new)).or_default();
        if readers.iter().any(|r| r != &new.reader) {
            report.coded_alike += 1;
        }
        readers.push(new.reader.clone());
        if taken.contains(&new.id.0)
            && let Some(id) = free.by_ref().find(|id| !taken.contains(&id.0))
        {
            new.id = id;
            report.renumbered += 1;
        }
        taken.insert(new.id.0.clone());
        present.insert(comparable(&new));
        base.annotations.push(new);
        added += 1;
    }
    report.added.push((reader.to_owned(), added));
    Ok(report)
}

/// What makes two annotations the same one: passage, colour, actors,
/// statement, note and the second it was made; not the id (renumbered by
/// merges) nor the reader's name (a file name, which copies change).
type Identity = (
    crate::annotation::Timestamp,
    crate::document::CharRange,
    String,
    crate::annotation::Colour,
    Vec<ActorId>,
    Option<crate::annotation::Statement>,
    String,
);

fn comparable(a: &Annotation) -> Identity {
    let mut actors = a.actors.clone();
    actors.sort();
    (
        a.created,
        a.range(),
        a.quote().to_owned(),
        a.colour,
        actors,
        a.statement.clone(),
        a.note.clone(),
    )
}

/// The edit that turns `before` into `after`, where `after` is `before`
/// with a session merged in: changed and new actors and concepts, readers
/// named, annotations added. One undo takes the whole merge back.
#[must_use]
pub fn as_edit(before: &Session, after: &Session) -> Edit {
    let mut edits = Vec::new();
    for actor in &after.actors {
        match before.actor(&actor.id) {
            Some(old) if old == actor => {}
            Some(_) => edits.push(Edit::ReplaceActor(actor.clone())),
            None => edits.push(Edit::AddActor {
                actor: actor.clone(),
                index: None,
            }),
        }
    }
    for concept in &after.concepts {
        match before.concept(&concept.id) {
            Some(old) if old == concept => {}
            Some(_) => edits.push(Edit::ReplaceConcept(concept.clone())),
            None => edits.push(Edit::AddConcept {
                concept: concept.clone(),
                index: None,
            }),
        }
    }
    for (colour, meaning) in &after.legend {
        if before.legend.get(colour) != Some(meaning) {
            edits.push(Edit::SetMeaning {
                colour: *colour,
                meaning: Some(meaning.clone()),
            });
        }
    }
    // One lookup table, and one edit each for the changed and the new: a
    // merge of a hundred thousand annotations is linear, not quadratic.
    let old: HashMap<&crate::annotation::AnnotationId, &Annotation> =
        before.annotations.iter().map(|a| (&a.id, a)).collect();
    let mut changed = Vec::new();
    let mut added = Vec::new();
    for annotation in &after.annotations {
        match old.get(&annotation.id) {
            Some(old) if *old == annotation => {}
            Some(_) => changed.push(annotation.clone()),
            None => added.push(annotation.clone()),
        }
    }
    edits.push(Edit::ReplaceAnnotations(changed));
    edits.push(Edit::AddAnnotations(added));
    Edit::Batch(edits)
}

/// The reader names of several session files, told apart: where two files
/// would go by the same name (`anna/lesung.ron` and `ben/lesung.ron`, or
/// copies of one file), the folder is added, then a number: two readers are
/// never merged into one because their files share a name.
#[must_use]
pub fn reader_names(files: &[(&std::path::Path, &Session)]) -> Vec<String> {
    let mut names: Vec<String> = files.iter().map(|(p, s)| reader_of(p, s)).collect();
    let count = |names: &[String], name: &str| names.iter().filter(|n| *n == name).count();
    let before = names.clone();
    for (i, (path, _)) in files.iter().enumerate() {
        if count(&before, &before[i]) > 1
            && let Some(folder) = path.canonicalize().ok().and_then(|p| {
                p.parent()
                    .and_then(|f| f.file_name())
                    .map(|f| f.to_string_lossy().into_owned())
            })
        {
            names[i] = format!("{} ({folder})", before[i]);
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for name in &mut names {
        let n = seen.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            *name = format!("{name} ({n})");
        }
    }
    names
}

/// The name a session file's reader goes by: the one reader its annotations
/// name, else the file name without extension.
#[must_use]
pub fn reader_of(path: &std::path::Path, session: &Session) -> String {
    match session.readers().as_slice() {
        [Some(one)] => (*one).to_owned(),
        _ => path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        ),
    }
}
