//! Taking in what another window or program wrote to the same session file.
//!
//! Two windows on one session each keep their own copy. When one finds the
//! file changed by the other, it merges the other's changes into its own, as
//! a three-way merge against the file as it last read or wrote it (the
//! *base*): what the other side added, changed or deleted is taken where
//! this side left it alone; where both changed the same annotation, both
//! versions are kept (the other's as a copy with a fresh id), so nothing
//! either reader did is lost. The base is kept as one hash per record, not
//! as a copy of the session.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::{Annotation, AnnotationId, Concept, ConceptId, Edit, Session};
use crate::actors::{Actor, ActorId};

/// The session file as last read or written: a content hash per record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Base {
    annotations: HashMap<AnnotationId, u64>,
    actors: HashMap<ActorId, u64>,
    concepts: HashMap<ConceptId, u64>,
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

impl Base {
    /// The base of `session` as it stands.
    #[must_use]
    pub fn of(session: &Session) -> Self {
        Self {
            annotations: session
                .annotations
                .iter()
                .map(|a| (a.id.clone(), hash_of(a)))
                .collect(),
            actors: session
                .actors
                .iter()
                .map(|a| (a.id.clone(), hash_of(a)))
                .collect(),
            concepts: session
                .concepts
                .iter()
                .map(|c| (c.id.clone(), hash_of(c)))
                .collect(),
        }
    }
}

/// What taking in the other side's changes did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Records the other side added or changed, now here too.
    pub taken: usize,
    /// Records the other side deleted, deleted here too.
    pub removed: usize,
    /// Annotations both sides changed (or one changed and the other
    /// deleted): the other side's version kept beside this one.
    pub conflicts: usize,
}

impl Reconciled {
    /// True when nothing was to be taken in.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.taken + self.removed + self.conflicts == 0
    }
}

/// How one record stands between base, this side and the other.
enum Fate {
    /// Nothing to do.
    Keep,
    /// Take the other side's version (added or changed there only).
    Take,
    /// Both changed it: keep ours, add theirs beside it.
    Both,
    /// The other side deleted it, this side left it alone.
    Remove,
}

/// The fate of a record present on the other side (`theirs`), given ours
/// and the base's hash.
fn fate_of_theirs(theirs: u64, ours: Option<u64>, base: Option<u64>) -> Fate {
    match (ours, base) {
        // Added there.
        (None, None) => Fate::Take,
        // Deleted here; changed there since: keep their change.
        (None, Some(b)) if b != theirs => Fate::Both,
        (None, Some(_)) => Fate::Keep,
        (Some(o), _) if o == theirs => Fate::Keep,
        // Changed here only.
        (Some(_), Some(b)) if b == theirs => Fate::Keep,
        // Changed there only.
        (Some(o), Some(b)) if o == b => Fate::Take,
        // Both changed it, or both added a record under the same id.
        (Some(_), _) => Fate::Both,
    }
}

/// The fate of a record only this side has.
fn fate_of_ours(ours: u64, base: Option<u64>) -> Fate {
    match base {
        // Deleted there, untouched here.
        Some(b) if b == ours => Fate::Remove,
        _ => Fate::Keep,
    }
}

/// The ids of records only this side has that the other side deleted and
/// this side left as they were in the base.
fn deleted_there<'a, R: Hash, I: Eq + Hash>(
    ours: &'a [R],
    theirs: &[R],
    base: &HashMap<I, u64>,
    id: impl Fn(&R) -> &I,
) -> Vec<&'a I> {
    let there: HashSet<&I> = theirs.iter().map(&id).collect();
    ours.iter()
        .filter(|r| !there.contains(id(r)))
        .filter(|r| {
            matches!(
                fate_of_ours(hash_of(*r), base.get(id(r)).copied()),
                Fate::Remove
            )
        })
        .map(&id)
        .collect()
}

/// The edit that takes the other side's changes (`theirs`, the file as it
/// is now) into `ours`, with `base` the file as this side last knew it; and
/// what it does. One undo step takes it back.
#[must_use]
pub fn reconcile(base: &Base, ours: &Session, theirs: &Session) -> (Edit, Reconciled) {
    let mut report = Reconciled::default();
    let mut edits = Vec::new();
    let mut removals = Vec::new();

    // Actors and concepts: by id. Both sides adding one under the same id
    // (the same name gives the same id) keeps this side's.
    let our_actors: HashMap<&ActorId, &Actor> = ours.actors.iter().map(|a| (&a.id, a)).collect();
    for actor in &theirs.actors {
        let mine = our_actors.get(&actor.id).map(|a| hash_of(*a));
        match fate_of_theirs(hash_of(actor), mine, base.actors.get(&actor.id).copied()) {
            Fate::Take if mine.is_none() => {
                edits.push(Edit::AddActor {
                    actor: actor.clone(),
                    index: None,
                });
                report.taken += 1;
            }
            Fate::Take => {
                edits.push(Edit::ReplaceActor(actor.clone()));
                report.taken += 1;
            }
            Fate::Both if mine.is_none() => {
                edits.push(Edit::AddActor {
                    actor: actor.clone(),
                    index: None,
                });
                report.conflicts += 1;
            }
            // Both changed the actor: this side's, with the other side's
            // aliases and note added, so neither is lost.
            Fate::Both => {
                if let Some(mine) = our_actors.get(&actor.id) {
                    let mut joined = (*mine).clone();
                    for alias in &actor.aliases {
                        if !joined.aliases.contains(alias) {
                            joined.aliases.push(alias.clone());
                        }
                    }
                    if !actor.note.trim().is_empty() && !joined.note.contains(actor.note.trim()) {
                        joined.note = if joined.note.trim().is_empty() {
                            actor.note.clone()
                        } else {
                            format!("{}\n\n{}", joined.note, actor.note)
                        };
                    }
                    if &joined != *mine {
                        edits.push(Edit::ReplaceActor(joined));
                    }
                    report.conflicts += 1;
                }
            }
            _ => {}
        }
    }
    for id in deleted_there(&ours.actors, &theirs.actors, &base.actors, |a| &a.id) {
        removals.push(Edit::RemoveActor(id.clone()));
        report.removed += 1;
    }
    let our_concepts: HashMap<&ConceptId, &Concept> =
        ours.concepts.iter().map(|c| (&c.id, c)).collect();
    for concept in &theirs.concepts {
        let mine = our_concepts.get(&concept.id).map(|c| hash_of(*c));
        match fate_of_theirs(
            hash_of(concept),
            mine,
            base.concepts.get(&concept.id).copied(),
        ) {
            Fate::Take | Fate::Both if mine.is_none() => {
                edits.push(Edit::AddConcept {
                    concept: concept.clone(),
                    index: None,
                });
                report.taken += 1;
            }
            Fate::Take => {
                edits.push(Edit::ReplaceConcept(concept.clone()));
                report.taken += 1;
            }
            _ => {}
        }
    }
    for id in deleted_there(&ours.concepts, &theirs.concepts, &base.concepts, |c| &c.id) {
        removals.push(Edit::RemoveConcept(id.clone()));
        report.removed += 1;
    }

    // Annotations: by id; both versions kept where both changed one.
    let our_annotations: HashMap<&AnnotationId, &Annotation> =
        ours.annotations.iter().map(|a| (&a.id, a)).collect();
    let mut taken: HashSet<String> = ours
        .annotations
        .iter()
        .chain(&theirs.annotations)
        .map(|a| a.id.0.clone())
        .collect();
    let mut free = ours.free_annotation_ids();
    for annotation in &theirs.annotations {
        let mine = our_annotations.get(&annotation.id).map(|a| hash_of(*a));
        let base_hash = base.annotations.get(&annotation.id).copied();
        match fate_of_theirs(hash_of(annotation), mine, base_hash) {
            Fate::Take if mine.is_none() => {
                edits.push(Edit::AddAnnotation {
                    annotation: annotation.clone(),
                    index: None,
                });
                report.taken += 1;
            }
            Fate::Take => {
                edits.push(Edit::ReplaceAnnotation(annotation.clone()));
                report.taken += 1;
            }
            Fate::Both => {
                let mut copy = annotation.clone();
                if mine.is_some() {
                    let Some(id) = free.by_ref().find(|id| !taken.contains(&id.0)) else {
                        continue;
                    };
                    taken.insert(id.0.clone());
                    copy.id = id;
                }
                edits.push(Edit::AddAnnotation {
                    annotation: copy,
                    index: None,
                });
                report.conflicts += 1;
            }
            Fate::Keep | Fate::Remove => {}
        }
    }
    let their_annotations: HashSet<&AnnotationId> =
        theirs.annotations.iter().map(|a| &a.id).collect();
    for annotation in &ours.annotations {
        if their_annotations.contains(&annotation.id) {
            continue;
        }
        match fate_of_ours(
            hash_of(annotation),
            base.annotations.get(&annotation.id).copied(),
        ) {
            Fate::Remove => {
                edits.push(Edit::RemoveAnnotation(annotation.id.clone()));
                report.removed += 1;
            }
            // Changed here, deleted there: kept.
            _ if base.annotations.contains_key(&annotation.id) => report.conflicts += 1,
            _ => {}
        }
    }

    // Colour meanings set there and not here.
    for (colour, meaning) in &theirs.legend {
        if !ours.legend.contains_key(colour) {
            edits.push(Edit::SetMeaning {
                colour: *colour,
                meaning: Some(meaning.clone()),
            });
            report.taken += 1;
        }
    }
    // Actors and concepts go last, after the annotations that name them.
    edits.extend(removals);
    (Edit::Batch(edits), report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Target;
    use crate::annotation::{Colour, DocumentRef, now};

    fn annotation(id: &str, note: &str) -> Annotation {
        Annotation {
            id: AnnotationId(id.into()),
            reader: None,
            target: Target::default(),
            colour: Colour::Yellow,
            actors: Vec::new(),
            statement: None,
            note: note.into(),
            created: now(),
            modified: now(),
            extra: Default::default(),
        }
    }

    fn session(annotations: Vec<Annotation>) -> Session {
        let mut s = Session::new(DocumentRef::default(), Vec::new());
        s.annotations = annotations;
        s
    }

    fn apply(ours: &Session, edit: Edit) -> Session {
        let mut out = ours.clone();
        edit.apply(&mut out).unwrap();
        out
    }

    fn notes(s: &Session) -> Vec<(String, String)> {
        let mut v: Vec<_> = s
            .annotations
            .iter()
            .map(|a| (a.id.0.clone(), a.note.clone()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn each_sides_changes_are_kept() {
        let a1 = annotation("a1", "eins");
        let a2 = annotation("a2", "zwei");
        let a3 = annotation("a3", "drei");
        let base_session = session(vec![a1.clone(), a2.clone(), a3.clone()]);
        let base = Base::of(&base_session);
        // Here: a1 changed, a2 deleted, a4 added.
        let mut ours = base_session.clone();
        ours.annotations[0].note = "eins, hier".into();
        ours.annotations.remove(1);
        ours.annotations.push(annotation("a4", "vier, hier"));
        // There: a3 changed, a4 added (another one, same id), a2 untouched.
        let mut theirs = base_session.clone();
        theirs.annotations[2].note = "drei, dort".into();
        theirs.annotations.push(annotation("a4", "vier, dort"));

        let (edit, report) = reconcile(&base, &ours, &theirs);
        let merged = apply(&ours, edit);
        assert_eq!(
            notes(&merged),
            [
                ("a1".into(), "eins, hier".into()),
                ("a3".into(), "drei, dort".into()),
                ("a4".into(), "vier, hier".into()),
                ("a5".into(), "vier, dort".into()),
            ]
        );
        assert_eq!(report.taken, 1);
        assert_eq!(report.conflicts, 1);
        assert_eq!(report.removed, 0);
    }

    #[test]
    fn their_deletion_is_taken_unless_ours_changed_it() {
        let base_session = session(vec![annotation("a1", "eins"), annotation("a2", "zwei")]);
        let base = Base::of(&base_session);
        let mut ours = base_session.clone();
        ours.annotations[1].note = "zwei, geändert".into();
        let theirs = session(Vec::new());
        let (edit, report) = reconcile(&base, &ours, &theirs);
        let merged = apply(&ours, edit);
        assert_eq!(notes(&merged), [("a2".into(), "zwei, geändert".into())]);
        assert_eq!((report.removed, report.conflicts), (1, 1));
    }

    #[test]
    fn both_changing_one_annotation_keeps_both() {
        let base_session = session(vec![annotation("a1", "eins")]);
        let base = Base::of(&base_session);
        let mut ours = base_session.clone();
        ours.annotations[0].note = "hier".into();
        let mut theirs = base_session.clone();
        theirs.annotations[0].note = "dort".into();
        let (edit, report) = reconcile(&base, &ours, &theirs);
        let merged = apply(&ours, edit);
        assert_eq!(
            notes(&merged),
            [("a1".into(), "hier".into()), ("a2".into(), "dort".into())]
        );
        assert_eq!(report.conflicts, 1);
        // Taking in the same file again adds nothing.
        let (again, report) = reconcile(&Base::of(&theirs), &merged, &theirs);
        assert!(report.conflicts + report.taken == 0, "{report:?}");
        assert_eq!(apply(&merged, again), merged);
    }
}
