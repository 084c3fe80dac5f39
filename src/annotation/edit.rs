//! Edits to a session, each of which returns the edit that undoes it.
//!
//! Widgets never change a session themselves: they return an [`Edit`], the
//! workspace applies it and keeps the inverse. Complex changes (removing an
//! actor that annotations refer to, marking every mention of an actor) are
//! batches of the primitive edits, so one undo takes all of them back.

use std::collections::{HashMap, HashSet};

use super::{Annotation, AnnotationId, Colour, Concept, ConceptId, Session};
use crate::actors::{Actor, ActorId};
use crate::i18n::{fill, tr};

/// A change to a session.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert an annotation at `index` (clamped), or at the end.
    AddAnnotation {
        /// The new annotation; its id must be unused.
        annotation: Annotation,
        /// Where in the list; `None` for the end.
        index: Option<usize>,
    },
    /// Remove the annotation with this id.
    RemoveAnnotation(AnnotationId),
    /// Replace the annotation with the same id.
    ReplaceAnnotation(Annotation),
    /// Append many annotations at once (an import, a merge): one pass, not
    /// one search of the list per annotation.
    AddAnnotations(Vec<Annotation>),
    /// Remove many annotations at once.
    RemoveAnnotations(Vec<AnnotationId>),
    /// Put removed annotations back where they stood (the undo of
    /// [`Edit::RemoveAnnotations`]): positions in the list before removal.
    RestoreAnnotations(Vec<(usize, Annotation)>),
    /// Replace many annotations at once, each the one with its id.
    ReplaceAnnotations(Vec<Annotation>),
    /// Insert an actor at `index` (clamped), or at the end.
    AddActor {
        /// The new actor; its id must be unused.
        actor: Actor,
        /// Where in the list; `None` for the end.
        index: Option<usize>,
    },
    /// Remove an actor, and its id from every annotation.
    RemoveActor(ActorId),
    /// Replace the actor with the same id.
    ReplaceActor(Actor),
    /// Insert a concept at `index` (clamped), or at the end.
    AddConcept {
        /// The new concept; its id must be unused.
        concept: Concept,
        /// Where in the list; `None` for the end.
        index: Option<usize>,
    },
    /// Remove a concept, and every statement on it.
    RemoveConcept(ConceptId),
    /// Replace the concept with the same id.
    ReplaceConcept(Concept),
    /// Set (or with `None` reset) what a colour means.
    SetMeaning {
        /// The colour.
        colour: Colour,
        /// Its meaning; `None` for the default.
        meaning: Option<String>,
    },
    /// Replace the session's top-level fields this version does not know
    /// (taking in another side's).
    SetExtra(crate::extra::Extra),
    /// Several edits as one step.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No annotation has this id.
    #[error("{}", fill(tr().err_no_annotation, &[("id", &.0)]))]
    NoSuchAnnotation(AnnotationId),
    /// No actor has this id.
    #[error("{}", fill(tr().err_no_actor, &[("id", &.0)]))]
    NoSuchActor(ActorId),
    /// No concept has this id.
    #[error("{}", fill(tr().err_no_concept, &[("id", &.0)]))]
    NoSuchConcept(ConceptId),
    /// The id is taken.
    #[error("{}", fill(tr().err_duplicate_id, &[("id", &.0)]))]
    DuplicateId(String),
}

impl Edit {
    /// Applies the edit and returns its inverse. A failed edit changes nothing.
    ///
    /// # Errors
    /// An [`EditError`] when the edit refers to something missing or
    /// duplicates an id.
    pub fn apply(self, session: &mut Session) -> Result<Self, EditError> {
        match self {
            Self::AddAnnotation { annotation, index } => {
                if session.annotation(&annotation.id).is_some() {
                    return Err(EditError::DuplicateId(annotation.id.0));
                }
                let id = annotation.id.clone();
                let at = index.map_or(session.annotations.len(), |i| {
                    i.min(session.annotations.len())
                });
                session.annotations.insert(at, annotation);
                Ok(Self::RemoveAnnotation(id))
            }
            Self::RemoveAnnotation(id) => {
                let index = annotation_index(session, &id)?;
                let annotation = session.annotations.remove(index);
                Ok(Self::AddAnnotation {
                    annotation,
                    index: Some(index),
                })
            }
            Self::ReplaceAnnotation(new) => {
                let index = annotation_index(session, &new.id)?;
                let old = std::mem::replace(&mut session.annotations[index], new);
                Ok(Self::ReplaceAnnotation(old))
            }
            Self::AddAnnotations(new) => {
                let mut ids: HashSet<&AnnotationId> =
                    session.annotations.iter().map(|a| &a.id).collect();
                for a in &new {
                    if !ids.insert(&a.id) {
                        return Err(EditError::DuplicateId(a.id.0.clone()));
                    }
                }
                let added: Vec<AnnotationId> = new.iter().map(|a| a.id.clone()).collect();
                session.annotations.extend(new);
                Ok(Self::RemoveAnnotations(added))
            }
            Self::RemoveAnnotations(ids) => {
                let wanted: HashSet<&AnnotationId> = ids.iter().collect();
                let present = session
                    .annotations
                    .iter()
                    .filter(|a| wanted.contains(&a.id))
                    .count();
                if present != wanted.len() {
                    let missing = ids
                        .iter()
                        .find(|id| !session.annotations.iter().any(|a| &a.id == *id))
                        .cloned()
                        .unwrap_or_else(|| AnnotationId(String::new()));
                    return Err(EditError::NoSuchAnnotation(missing));
                }
                let mut removed = Vec::with_capacity(present);
                let mut kept = Vec::with_capacity(session.annotations.len() - present);
                for (i, a) in std::mem::take(&mut session.annotations)
                    .into_iter()
                    .enumerate()
                {
                    if wanted.contains(&a.id) {
                        removed.push((i, a));
                    } else {
                        kept.push(a);
                    }
                }
                session.annotations = kept;
                Ok(Self::RestoreAnnotations(removed))
            }
            Self::RestoreAnnotations(mut items) => {
                let mut ids: HashSet<&AnnotationId> =
                    session.annotations.iter().map(|a| &a.id).collect();
                for (_, a) in &items {
                    if !ids.insert(&a.id) {
                        return Err(EditError::DuplicateId(a.id.0.clone()));
                    }
                }
                items.sort_by_key(|(i, _)| *i);
                let restored: Vec<AnnotationId> = items.iter().map(|(_, a)| a.id.clone()).collect();
                let total = session.annotations.len() + items.len();
                let mut rest = std::mem::take(&mut session.annotations).into_iter();
                let mut items = items.into_iter().peekable();
                let mut out = Vec::with_capacity(total);
                while out.len() < total {
                    match items.peek() {
                        Some((i, _)) if *i <= out.len() => {
                            if let Some((_, a)) = items.next() {
                                out.push(a);
                            }
                        }
                        _ => match rest.next() {
                            Some(a) => out.push(a),
                            // Positions past the end: the rest in order.
                            None => out.extend(items.by_ref().map(|(_, a)| a)),
                        },
                    }
                }
                session.annotations = out;
                Ok(Self::RemoveAnnotations(restored))
            }
            Self::ReplaceAnnotations(new) => {
                let index: HashMap<&AnnotationId, usize> = session
                    .annotations
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (&a.id, i))
                    .collect();
                let mut places = Vec::with_capacity(new.len());
                for a in &new {
                    let Some(&i) = index.get(&a.id) else {
                        return Err(EditError::NoSuchAnnotation(a.id.clone()));
                    };
                    places.push(i);
                }
                let old = places
                    .into_iter()
                    .zip(new)
                    .map(|(i, a)| std::mem::replace(&mut session.annotations[i], a))
                    .collect();
                Ok(Self::ReplaceAnnotations(old))
            }
            Self::AddActor { actor, index } => {
                if session.actor(&actor.id).is_some() {
                    return Err(EditError::DuplicateId(actor.id.0));
                }
                let id = actor.id.clone();
                let at = index.map_or(session.actors.len(), |i| i.min(session.actors.len()));
                session.actors.insert(at, actor);
                Ok(Self::RemoveActor(id))
            }
            Self::RemoveActor(id) => {
                let index = session
                    .actor_index(&id)
                    .ok_or_else(|| EditError::NoSuchActor(id.clone()))?;
                // First take the id off every annotation, then the actor: the
                // inverse batch restores both, in the opposite order.
                let mut steps: Vec<Self> = session
                    .annotations
                    .iter()
                    .filter(|a| a.actors.contains(&id))
                    .map(|a| {
                        let mut changed = a.clone();
                        changed.actors.retain(|x| x != &id);
                        if changed.statement.as_ref().is_some_and(|s| s.actor == id) {
                            changed.statement = None;
                        }
                        Self::ReplaceAnnotation(changed)
                    })
                    .collect();
                let mut inverse = Vec::with_capacity(steps.len() + 1);
                for step in steps.drain(..) {
                    inverse.push(step.apply(session)?);
                }
                let actor = session.actors.remove(index);
                inverse.push(Self::AddActor {
                    actor,
                    index: Some(index),
                });
                inverse.reverse();
                Ok(Self::Batch(inverse))
            }
            Self::ReplaceActor(new) => {
                let index = session
                    .actor_index(&new.id)
                    .ok_or_else(|| EditError::NoSuchActor(new.id.clone()))?;
                let old = std::mem::replace(&mut session.actors[index], new);
                Ok(Self::ReplaceActor(old))
            }
            Self::AddConcept { concept, index } => {
                if session.concept(&concept.id).is_some() {
                    return Err(EditError::DuplicateId(concept.id.0));
                }
                let id = concept.id.clone();
                let at = index.map_or(session.concepts.len(), |i| i.min(session.concepts.len()));
                session.concepts.insert(at, concept);
                Ok(Self::RemoveConcept(id))
            }
            Self::RemoveConcept(id) => {
                let index = session
                    .concepts
                    .iter()
                    .position(|c| c.id == id)
                    .ok_or_else(|| EditError::NoSuchConcept(id.clone()))?;
                let steps: Vec<Self> = session
                    .annotations
                    .iter()
                    .filter(|a| a.statement.as_ref().is_some_and(|s| s.concept == id))
                    .map(|a| {
                        let mut changed = a.clone();
                        changed.statement = None;
                        Self::ReplaceAnnotation(changed)
                    })
                    .collect();
                let mut inverse = Vec::with_capacity(steps.len() + 1);
                for step in steps {
                    inverse.push(step.apply(session)?);
                }
                let concept = session.concepts.remove(index);
                inverse.push(Self::AddConcept {
                    concept,
                    index: Some(index),
                });
                inverse.reverse();
                Ok(Self::Batch(inverse))
            }
            Self::ReplaceConcept(new) => {
                let index = session
                    .concepts
                    .iter()
                    .position(|c| c.id == new.id)
                    .ok_or_else(|| EditError::NoSuchConcept(new.id.clone()))?;
                let old = std::mem::replace(&mut session.concepts[index], new);
                Ok(Self::ReplaceConcept(old))
            }
            Self::SetMeaning { colour, meaning } => {
                let old = match meaning {
                    Some(m) => session.legend.insert(colour, m),
                    None => session.legend.remove(&colour),
                };
                Ok(Self::SetMeaning {
                    colour,
                    meaning: old,
                })
            }
            Self::SetExtra(extra) => {
                Ok(Self::SetExtra(std::mem::replace(&mut session.extra, extra)))
            }
            Self::Batch(edits) => {
                let mut inverse = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(session) {
                        Ok(undo) => inverse.push(undo),
                        Err(err) => {
                            // Roll back what this batch already did.
                            for undo in inverse.into_iter().rev() {
                                // The inverse of an edit that just applied always applies.
                                let restored = undo.apply(session);
                                debug_assert!(restored.is_ok(), "rollback failed: {restored:?}");
                            }
                            return Err(err);
                        }
                    }
                }
                inverse.reverse();
                Ok(Self::Batch(inverse))
            }
        }
    }

    /// True for a batch with nothing in it.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Batch(edits) => edits.iter().all(Self::is_empty),
            Self::AddAnnotations(v) | Self::ReplaceAnnotations(v) => v.is_empty(),
            Self::RemoveAnnotations(v) => v.is_empty(),
            Self::RestoreAnnotations(v) => v.is_empty(),
            _ => false,
        }
    }
}

fn annotation_index(session: &Session, id: &AnnotationId) -> Result<usize, EditError> {
    session
        .annotations
        .iter()
        .position(|a| &a.id == id)
        .ok_or_else(|| EditError::NoSuchAnnotation(id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::ActorKind;
    use crate::anchor::Target;
    use crate::annotation::{DocumentRef, Stance, Statement, now};

    fn session() -> Session {
        let mut s = Session::new(DocumentRef::default(), Vec::new());
        s.actors.push(Actor::new(
            ActorId("ovks".into()),
            "OVKS",
            ActorKind::Organisation,
        ));
        s.concepts
            .push(Concept::new(ConceptId("abzug".into()), "Abzug"));
        s.annotations.push(Annotation {
            id: AnnotationId("a1".into()),
            reader: None,
            target: Target::default(),
            colour: Colour::Yellow,
            actors: vec![ActorId("ovks".into())],
            statement: Some(Statement {
                actor: ActorId("ovks".into()),
                concept: ConceptId("abzug".into()),
                stance: Stance::Agrees,
            }),
            note: "Notiz".into(),
            created: now(),
            modified: now(),
            extra: Default::default(),
        });
        s
    }

    fn numbered(n: usize) -> Vec<Annotation> {
        let one = session().annotations.remove(0);
        (0..n)
            .map(|i| Annotation {
                id: AnnotationId(format!("b{i}")),
                note: format!("Notiz {i}"),
                ..one.clone()
            })
            .collect()
    }

    #[test]
    fn bulk_edits_undo_and_redo_in_place() {
        let original = session();
        let mut s = original.clone();
        // Append many; remove some from the middle and the ends; put them
        // back exactly where they were; replace many.
        let undo_add = Edit::AddAnnotations(numbered(50)).apply(&mut s).unwrap();
        assert_eq!(s.annotations.len(), 51);
        let with_all = s.clone();
        let ids: Vec<AnnotationId> = ["a1", "b0", "b7", "b8", "b49"]
            .iter()
            .map(|i| AnnotationId((*i).into()))
            .collect();
        let restore = Edit::RemoveAnnotations(ids).apply(&mut s).unwrap();
        assert_eq!(s.annotations.len(), 46);
        assert!(s.annotation(&AnnotationId("b7".into())).is_none());
        let remove_again = restore.apply(&mut s).unwrap();
        assert_eq!(s, with_all, "back in their places");
        remove_again.apply(&mut s).unwrap();
        assert_eq!(s.annotations.len(), 46);
        let restore = Edit::RestoreAnnotations(Vec::new());
        assert!(restore.is_empty());

        let mut s = with_all.clone();
        let mut changed: Vec<Annotation> = s.annotations[10..20].to_vec();
        for a in &mut changed {
            a.note.push_str(" geändert");
        }
        let undo_replace = Edit::ReplaceAnnotations(changed).apply(&mut s).unwrap();
        assert!(s.annotations[15].note.ends_with("geändert"));
        undo_replace.apply(&mut s).unwrap();
        assert_eq!(s, with_all);
        undo_add.apply(&mut s).unwrap();
        assert_eq!(s, original);

        // A duplicate or a missing id changes nothing.
        let mut s = original.clone();
        assert!(
            Edit::AddAnnotations(numbered(2).into_iter().chain(numbered(1)).collect())
                .apply(&mut s)
                .is_err()
        );
        assert!(
            Edit::RemoveAnnotations(vec![AnnotationId("nope".into())])
                .apply(&mut s)
                .is_err()
        );
        assert!(Edit::ReplaceAnnotations(numbered(1)).apply(&mut s).is_err());
        assert_eq!(s, original);
    }

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let original = session();
        let mut renamed = original.actors[0].clone();
        renamed.name = "CSTO".into();
        let mut recoloured = original.annotations[0].clone();
        recoloured.colour = Colour::Red;
        let mut second = original.annotations[0].clone();
        second.id = AnnotationId("a2".into());
        let edits = [
            Edit::RemoveActor(ActorId("ovks".into())),
            Edit::ReplaceActor(renamed),
            Edit::RemoveAnnotation(AnnotationId("a1".into())),
            Edit::ReplaceAnnotation(recoloured),
            Edit::AddAnnotation {
                annotation: second,
                index: Some(0),
            },
            Edit::SetMeaning {
                colour: Colour::Red,
                meaning: Some("Zweifel".into()),
            },
            Edit::RemoveConcept(ConceptId("abzug".into())),
            Edit::ReplaceConcept(Concept::new(ConceptId("abzug".into()), "Rückzug")),
            Edit::AddConcept {
                concept: Concept::new(ConceptId("gewalt".into()), "Gewalt"),
                index: None,
            },
        ];
        for edit in edits {
            let mut s = original.clone();
            let inverse = edit.clone().apply(&mut s).unwrap();
            assert_ne!(s, original, "{edit:?} changed nothing");
            let redo = inverse.apply(&mut s).unwrap();
            assert_eq!(
                s, original,
                "the inverse of {edit:?} did not restore the session"
            );
            redo.apply(&mut s).unwrap();
            assert_ne!(s, original);
        }
    }

    #[test]
    fn removing_an_actor_takes_it_off_annotations_and_undo_restores_both() {
        let mut s = session();
        let undo = Edit::RemoveActor(ActorId("ovks".into()))
            .apply(&mut s)
            .unwrap();
        assert!(s.actors.is_empty());
        assert!(s.annotations[0].actors.is_empty());
        assert_eq!(
            s.annotations[0].statement, None,
            "no statement without its speaker"
        );
        undo.apply(&mut s).unwrap();
        assert_eq!(s, session());
    }

    #[test]
    fn removing_a_concept_takes_its_statements_and_undo_restores_them() {
        let mut s = session();
        let undo = Edit::RemoveConcept(ConceptId("abzug".into()))
            .apply(&mut s)
            .unwrap();
        assert!(s.concepts.is_empty());
        assert_eq!(s.annotations[0].statement, None);
        assert_eq!(s.annotations[0].actors.len(), 1, "the actor stays");
        undo.apply(&mut s).unwrap();
        assert_eq!(s, session());
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let mut s = session();
        let batch = Edit::Batch(vec![
            Edit::RemoveAnnotation(AnnotationId("a1".into())),
            Edit::RemoveAnnotation(AnnotationId("a404".into())),
        ]);
        assert_eq!(
            batch.apply(&mut s),
            Err(EditError::NoSuchAnnotation(AnnotationId("a404".into())))
        );
        assert_eq!(s, session());
    }
}
