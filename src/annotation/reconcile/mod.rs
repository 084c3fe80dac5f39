//! Three-way merging of sessions: what another window, program or branch
//! did to the same session file.
//!
//! Two copies of a session went their own ways from a common ancestor (the
//! *base*): two windows on one file, or two coders' branches in git. The
//! merge takes what each side added, changed or deleted where the other left
//! it alone, record by record ([`super::three_way`]), and loses nothing
//! either side did:
//!
//! - annotations both sides *added* under one id (both coders made their
//!   `a12`) are both kept, the other side's under a fresh id: no conflict;
//! - an annotation both sides *changed*, or one changed and the other
//!   deleted, is a conflict: both versions are kept (the other side's as a
//!   copy with a fresh id), for the reader to settle in the window;
//! - actors and concepts (few, and keyed by their name) are merged field by
//!   field, aliases as a set; the colour legend by colour; the document
//!   reference field by field; fields this version does not know (see
//!   [`crate::extra`]) by name. Where both sides set one field differently,
//!   this side's value is kept (notes: both texts) and the conflict named;
//! - an actor or concept one side deleted stays while annotations of the
//!   merge still name it.
//!
//! [`merge`] gives the merged session (for `randnotiz merge-driver`);
//! [`reconcile`] the one undoable [`Edit`] that turns this side's session
//! into it (for a window taking in changes made on disk).

mod describe;
pub use describe::one_line;
mod fields;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::three_way::{self, Outcome, Record};
use super::{Annotation, AnnotationId, Colour, Concept, ConceptId, DocumentRef, Edit, Session};
use crate::actors::{Actor, ActorId};
use crate::extra::Extra;

impl Record for Annotation {
    type Id = AnnotationId;
    fn id(&self) -> &AnnotationId {
        &self.id
    }
}

impl Record for Actor {
    type Id = ActorId;
    fn id(&self) -> &ActorId {
        &self.id
    }
}

impl Record for Concept {
    type Id = ConceptId;
    fn id(&self) -> &ConceptId {
        &self.id
    }
}

/// The common ancestor of a merge: the session file as last read or
/// written. Annotations, which may be a hundred thousand, as one content
/// hash each; the rest (a few dozen records) as they were, to merge them
/// field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Base {
    annotations: HashMap<AnnotationId, u64>,
    actors: HashMap<ActorId, Actor>,
    concepts: HashMap<ConceptId, Concept>,
    legend: Vec<(Colour, String)>,
    document: DocumentRef,
    extra: Extra,
}

impl Base {
    /// The base of `session` as it stands.
    #[must_use]
    pub fn of(session: &Session) -> Self {
        Self {
            annotations: three_way::hashes(&session.annotations),
            actors: by_id(&session.actors),
            concepts: by_id(&session.concepts),
            legend: pairs(&session.legend),
            document: session.document.clone(),
            extra: session.extra.clone(),
        }
    }
}

fn by_id<R: Record + Clone>(records: &[R]) -> HashMap<R::Id, R>
where
    R::Id: Clone,
{
    records
        .iter()
        .map(|r| (r.id().clone(), r.clone()))
        .collect()
}

fn pairs(legend: &BTreeMap<Colour, String>) -> Vec<(Colour, String)> {
    legend.iter().map(|(c, m)| (*c, m.clone())).collect()
}

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Records the other side added or changed, now here too.
    pub taken: usize,
    /// Records the other side deleted, deleted here too.
    pub removed: usize,
    /// Annotations both sides added under one id: the other side's got a
    /// fresh id. Not conflicts; also counted in `taken`.
    pub renumbered: Vec<Renumbered>,
    /// What both sides changed and the merge could not make one of; both
    /// versions are kept as each conflict says.
    pub conflicts: Vec<Conflict>,
}

impl Reconciled {
    /// True when nothing was to be taken in.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.taken + self.removed + self.conflicts.len() == 0
    }
}

/// An annotation both sides added under one id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renumbered {
    /// The id on both sides; this side's keeps it.
    pub id: AnnotationId,
    /// The other side's annotation's quote.
    pub quote: String,
    /// The other side's annotation's id now.
    pub copy: AnnotationId,
}

/// Something both sides changed that the merge could not make one of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Both sides changed one annotation: this side's version keeps the
    /// id, the other side's stands beside it as `copy`.
    Annotation {
        /// The annotation's id.
        id: AnnotationId,
        /// Its quote (this side's).
        quote: String,
        /// The id of the other side's version.
        copy: AnnotationId,
    },
    /// One side changed an annotation, the other deleted it: the changed
    /// version is kept.
    AnnotationDeleted {
        /// The annotation's id.
        id: AnnotationId,
        /// Its quote.
        quote: String,
        /// True when this side deleted it (the other side's is kept).
        deleted_here: bool,
    },
    /// One side deleted an actor or concept that the other changed, or
    /// that annotations of the merge still name: it is kept.
    RecordDeleted {
        /// The actor or concept.
        place: Place,
        /// True when this side deleted it.
        deleted_here: bool,
    },
    /// Both sides set one field differently.
    Field {
        /// Whose field.
        place: Place,
        /// The field's name as the file writes it (`note`, `colour`, an
        /// unknown field's name, a colour of the legend).
        field: String,
        /// This side's value; `None` where this side deleted it.
        ours: Option<String>,
        /// The other side's value; `None` where that side deleted it.
        theirs: Option<String>,
        /// What the merge kept.
        kept: Kept,
    },
}

/// Whose field a [`Conflict::Field`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// An actor.
    Actor(ActorId),
    /// A concept.
    Concept(ConceptId),
    /// The colour legend.
    Legend,
    /// The document reference.
    Document,
    /// The session itself (its unknown fields).
    Session,
}

/// Which value a conflicting field kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// This side's.
    Ours,
    /// The other side's (this side had deleted it).
    Theirs,
    /// Both texts, this side's first.
    Both,
}

/// Merges the other side's session (`theirs`) into this side's (`ours`)
/// against their common ancestor `base`: the merged session and what the
/// merge did. The merged records are this side's, in this side's order,
/// then the other side's additions in theirs. Both sides are assumed to be
/// on one text (callers compare the document hashes first).
#[must_use]
pub fn merge(base: &Base, ours: &Session, theirs: &Session) -> (Session, Reconciled) {
    let mut report = Reconciled::default();
    let annotations = merge_annotations(base, ours, theirs, &mut report);
    let mut named_actors: HashSet<&ActorId> = HashSet::new();
    let mut named_concepts: HashSet<&ConceptId> = HashSet::new();
    for a in &annotations {
        named_actors.extend(&a.actors);
        if let Some(s) = &a.statement {
            named_actors.insert(&s.actor);
            named_concepts.insert(&s.concept);
        }
    }
    let actors = fields::merge_kept(
        &base.actors,
        &ours.actors,
        &theirs.actors,
        &|id| named_actors.contains(id),
        &mut report,
    );
    let concepts = fields::merge_kept(
        &base.concepts,
        &ours.concepts,
        &theirs.concepts,
        &|id| named_concepts.contains(id),
        &mut report,
    );
    let legend = fields::merge_named(
        &Place::Legend,
        &base.legend,
        &pairs(&ours.legend),
        &pairs(&theirs.legend),
        |colour| format!("{colour:?}"),
        &mut report,
    );
    let extra = fields::merge_named(
        &Place::Session,
        &base.extra.0,
        &ours.extra.0,
        &theirs.extra.0,
        String::clone,
        &mut report,
    );
    let document = fields::merge_document(
        &base.document,
        &ours.document,
        &theirs.document,
        &mut report,
    );
    let mut unkept = ours.unkept.clone();
    unkept.extend(
        theirs
            .unkept
            .iter()
            .filter(|f| !ours.unkept.contains(f))
            .cloned(),
    );
    let session = Session {
        format: ours.format.max(theirs.format),
        document,
        actors,
        concepts,
        annotations,
        legend: legend.into_iter().collect(),
        extra: Extra(extra),
        unkept,
    };
    (session, report)
}

/// The annotations of the merge: this side's, then the other side's
/// additions (and the copies of what both changed) in the other side's
/// order.
fn merge_annotations(
    base: &Base,
    ours: &Session,
    theirs: &Session,
    report: &mut Reconciled,
) -> Vec<Annotation> {
    let outcomes = three_way::merge_records(
        |id| base.annotations.get(id).copied(),
        &ours.annotations,
        &theirs.annotations,
    );
    let their_place: HashMap<&AnnotationId, usize> = theirs
        .annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.id, i))
        .collect();
    let theirs_ids: HashSet<String> = theirs.annotations.iter().map(|a| a.id.0.clone()).collect();
    let mut free = ours
        .free_annotation_ids()
        .filter(move |id| !theirs_ids.contains(&id.0));
    let mut copy_of = |a: &Annotation| {
        let mut copy = a.clone();
        // The ids run out only after u64::MAX annotations; the load after
        // would renumber a duplicate.
        copy.id = free
            .next()
            .unwrap_or_else(|| AnnotationId(format!("{}-2", a.id.0)));
        copy
    };
    let mut merged = Vec::with_capacity(ours.annotations.len().max(theirs.annotations.len()));
    let mut added: Vec<(usize, Annotation)> = Vec::new();
    let mut add = |a: Annotation, at: &AnnotationId| {
        added.push((their_place.get(at).copied().unwrap_or(usize::MAX), a));
    };
    for outcome in outcomes {
        match outcome {
            Outcome::Ours(a) => merged.push(a.clone()),
            Outcome::Theirs(a) => {
                merged.push(a.clone());
                report.taken += 1;
            }
            Outcome::Added(a) => {
                add(a.clone(), &a.id);
                report.taken += 1;
            }
            Outcome::DeletedThere(_) => report.removed += 1,
            Outcome::DeletedHere(_) => {}
            Outcome::BothAdded { ours, theirs } => {
                merged.push(ours.clone());
                let copy = copy_of(theirs);
                report.renumbered.push(Renumbered {
                    id: theirs.id.clone(),
                    quote: theirs.quote().to_owned(),
                    copy: copy.id.clone(),
                });
                add(copy, &theirs.id);
                report.taken += 1;
            }
            Outcome::BothChanged { ours, theirs } => {
                merged.push(ours.clone());
                let copy = copy_of(theirs);
                report.conflicts.push(Conflict::Annotation {
                    id: ours.id.clone(),
                    quote: ours.quote().to_owned(),
                    copy: copy.id.clone(),
                });
                add(copy, &theirs.id);
            }
            Outcome::ChangedHereDeletedThere(a) => {
                merged.push(a.clone());
                report.conflicts.push(Conflict::AnnotationDeleted {
                    id: a.id.clone(),
                    quote: a.quote().to_owned(),
                    deleted_here: false,
                });
            }
            Outcome::DeletedHereChangedThere(a) => {
                add(a.clone(), &a.id);
                report.conflicts.push(Conflict::AnnotationDeleted {
                    id: a.id.clone(),
                    quote: a.quote().to_owned(),
                    deleted_here: true,
                });
            }
        }
    }
    added.sort_by_key(|(at, _)| *at);
    merged.extend(added.into_iter().map(|(_, a)| a));
    merged
}

/// The edit that takes the other side's changes (`theirs`, the file as it
/// is now) into `ours`, with `base` the file as this side last knew it; and
/// what it does. One undo step takes it back. The document reference is
/// left as this side has it: the workspace writes its own on saving.
#[must_use]
pub fn reconcile(base: &Base, ours: &Session, theirs: &Session) -> (Edit, Reconciled) {
    let (merged, report) = merge(base, ours, theirs);
    (edit_between(ours, &merged), report)
}

/// The records of `after` new or changed against `before`, and the ids of
/// `before` gone from `after`.
fn changes<'a, R: Record + PartialEq>(
    before: &'a [R],
    after: &'a [R],
) -> (Vec<&'a R>, Vec<&'a R>, Vec<&'a R::Id>) {
    let old: HashMap<&R::Id, &R> = before.iter().map(|r| (r.id(), r)).collect();
    let new: HashSet<&R::Id> = after.iter().map(Record::id).collect();
    let (mut added, mut changed) = (Vec::new(), Vec::new());
    for r in after {
        match old.get(r.id()) {
            None => added.push(r),
            Some(o) if *o != r => changed.push(r),
            Some(_) => {}
        }
    }
    let gone = before
        .iter()
        .map(Record::id)
        .filter(|id| !new.contains(id))
        .collect();
    (added, changed, gone)
}

/// The edit that turns `ours` into `merged`, whose records are `ours`'
/// in the same order with additions at the end.
fn edit_between(ours: &Session, merged: &Session) -> Edit {
    let mut edits = Vec::new();
    let (added, changed, gone_actors) = changes(&ours.actors, &merged.actors);
    edits.extend(added.into_iter().map(|a| Edit::AddActor {
        actor: a.clone(),
        index: None,
    }));
    edits.extend(changed.into_iter().cloned().map(Edit::ReplaceActor));
    let (added, changed, gone_concepts) = changes(&ours.concepts, &merged.concepts);
    edits.extend(added.into_iter().map(|c| Edit::AddConcept {
        concept: c.clone(),
        index: None,
    }));
    edits.extend(changed.into_iter().cloned().map(Edit::ReplaceConcept));
    let (added, changed, gone) = changes(&ours.annotations, &merged.annotations);
    if !gone.is_empty() {
        edits.push(Edit::RemoveAnnotations(gone.into_iter().cloned().collect()));
    }
    if !changed.is_empty() {
        edits.push(Edit::ReplaceAnnotations(
            changed.into_iter().cloned().collect(),
        ));
    }
    if !added.is_empty() {
        edits.push(Edit::AddAnnotations(added.into_iter().cloned().collect()));
    }
    let colours: std::collections::BTreeSet<&Colour> =
        ours.legend.keys().chain(merged.legend.keys()).collect();
    for colour in colours {
        if ours.legend.get(colour) != merged.legend.get(colour) {
            edits.push(Edit::SetMeaning {
                colour: *colour,
                meaning: merged.legend.get(colour).cloned(),
            });
        }
    }
    if ours.extra != merged.extra {
        edits.push(Edit::SetExtra(merged.extra.clone()));
    }
    // Actors and concepts go last, after the annotations that named them
    // (none of the merge does).
    edits.extend(gone_actors.into_iter().cloned().map(Edit::RemoveActor));
    edits.extend(gone_concepts.into_iter().cloned().map(Edit::RemoveConcept));
    Edit::Batch(edits)
}
