//! Edits to a session, each of which returns the edit that undoes it.
//!
//! Widgets never change a session themselves: they return an [`Edit`], the
//! workspace applies it and keeps the inverse. Complex changes (removing an
//! actor that annotations refer to, marking every mention of an actor) are
//! batches of the primitive edits, so one undo takes all of them back.

use super::{Annotation, AnnotationId, Colour, Session};
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
    /// Set (or with `None` reset) what a colour means.
    SetMeaning {
        /// The colour.
        colour: Colour,
        /// Its meaning; `None` for the default.
        meaning: Option<String>,
    },
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
        matches!(self, Self::Batch(edits) if edits.iter().all(Self::is_empty))
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
    use crate::annotation::{DocumentRef, now};

    fn session() -> Session {
        let mut s = Session::new(DocumentRef::default(), Vec::new());
        s.actors.push(Actor::new(
            ActorId("ovks".into()),
            "OVKS",
            ActorKind::Organisation,
        ));
        s.annotations.push(Annotation {
            id: AnnotationId("a1".into()),
            target: Target::default(),
            colour: Colour::Yellow,
            actors: vec![ActorId("ovks".into())],
            note: "Notiz".into(),
            created: now(),
            modified: now(),
        });
        s
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
