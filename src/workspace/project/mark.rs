//! "Code all these": hits of a corpus search made annotations with an actor,
//! in every document they stand in, as one step that can be taken back.
//!
//! Each document is changed through its own workspace (the same
//! [`Workspace::mark_ranges`] the window uses on one text) and saved; the
//! step remembers what it added and changed, so undoing it removes just
//! that, and leaves alone what the reader did in between.

use std::collections::BTreeMap;

use super::Project;
use crate::actors::ActorId;
use crate::annotation::{Annotation, AnnotationId, Colour, Edit};
use crate::document::CharRange;

/// What one document got: its index, the annotations added, and those
/// changed (before, after).
type Marked = (usize, Vec<Annotation>, Vec<(Annotation, Annotation)>);

/// What one "code all these" did, to take it back.
#[derive(Clone, Debug, Default)]
pub struct MarkStep {
    /// Per document: the annotations added (by id), and those changed,
    /// before and after.
    docs: Vec<Marked>,
    /// Annotations added in all.
    pub added: usize,
    /// Documents changed.
    pub documents: usize,
}

impl MarkStep {
    /// True when the step changed nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

impl Project {
    /// Marks each hit (document, char range) as an annotation with `actor`
    /// in `colour`: a new annotation, or the actor added to one on exactly
    /// that passage. Every document changed is saved.
    ///
    /// # Errors
    /// Why a document could not be opened or saved; the documents done
    /// before stay done, and the step returned with the error undoes them.
    pub fn mark_hits(
        &mut self,
        hits: &[(usize, CharRange)],
        colour: Colour,
        actor: &ActorId,
    ) -> Result<MarkStep, (MarkStep, String)> {
        let mut by_doc: BTreeMap<usize, Vec<CharRange>> = BTreeMap::new();
        for &(doc, range) in hits {
            by_doc.entry(doc).or_default().push(range);
        }
        let mut step = MarkStep::default();
        for (doc, ranges) in by_doc {
            if let Err(why) = self.mark_in(doc, &ranges, colour, actor, &mut step) {
                return Err((step, why));
            }
        }
        Ok(step)
    }

    fn mark_in(
        &mut self,
        doc: usize,
        ranges: &[CharRange],
        colour: Colour,
        actor: &ActorId,
        step: &mut MarkStep,
    ) -> Result<(), String> {
        let (mut workspace, _) = self.open_document(doc).map_err(|e| e.to_string())?;
        let (edits, n) = workspace.mark_ranges(ranges, colour, actor);
        if edits.is_empty() {
            return Ok(());
        }
        let mut added = Vec::new();
        let mut changed = Vec::new();
        for edit in &edits {
            match edit {
                Edit::AddAnnotations(list) => added.extend(list.iter().cloned()),
                Edit::ReplaceAnnotations(list) => {
                    for after in list {
                        if let Some(before) = workspace.session().annotation(&after.id) {
                            changed.push((before.clone(), after.clone()));
                        }
                    }
                }
                _ => {}
            }
        }
        workspace
            .apply(Edit::Batch(edits))
            .map_err(|e| e.to_string())?;
        workspace
            .save(&self.annotations_path(doc))
            .map_err(|e| e.to_string())?;
        self.take_back(doc, &workspace).map_err(|e| e.to_string())?;
        step.added += n;
        step.documents += 1;
        step.docs.push((doc, added, changed));
        Ok(())
    }

    /// Takes a [`MarkStep`] back: its annotations removed, the ones it gave
    /// the actor as they were, where the reader has not changed them since.
    ///
    /// # Errors
    /// Why a document could not be opened or saved.
    pub fn undo_marks(&mut self, step: &MarkStep) -> Result<(), String> {
        for (doc, added, changed) in &step.docs {
            let (mut workspace, _) = self.open_document(*doc).map_err(|e| e.to_string())?;
            let session = workspace.session();
            // Only what is still as the step made it: a passage the reader
            // has given a note since is theirs now.
            let present: Vec<AnnotationId> = added
                .iter()
                .filter(|a| session.annotation(&a.id) == Some(*a))
                .map(|a| a.id.clone())
                .collect();
            let restore: Vec<Annotation> = changed
                .iter()
                .filter(|(_, after)| session.annotation(&after.id) == Some(after))
                .map(|(before, _)| before.clone())
                .collect();
            let mut edits = Vec::new();
            if !present.is_empty() {
                edits.push(Edit::RemoveAnnotations(present));
            }
            if !restore.is_empty() {
                edits.push(Edit::ReplaceAnnotations(restore));
            }
            if edits.is_empty() {
                continue;
            }
            workspace
                .apply(Edit::Batch(edits))
                .map_err(|e| e.to_string())?;
            workspace
                .save(&self.annotations_path(*doc))
                .map_err(|e| e.to_string())?;
            self.take_back(*doc, &workspace)
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}
