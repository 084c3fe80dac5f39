//! New annotations, as the reader drafts them: on a selection, or on every
//! mention of an actor at once.

use super::Workspace;
use crate::actors::ActorId;
use crate::anchor::Target;
use crate::annotation::{Annotation, Colour, Edit, now};
use crate::document::CharRange;

impl Workspace {
    /// A new annotation on `range` (not yet added: pass it to
    /// [`Edit::AddAnnotation`]).
    #[must_use]
    pub fn new_annotation(
        &self,
        range: CharRange,
        colour: Colour,
        actors: Vec<ActorId>,
        note: String,
    ) -> Annotation {
        Annotation {
            actors,
            note,
            ..Annotation::draft(
                self.session.next_annotation_id(),
                &self.document,
                range,
                colour,
                self.reader.clone(),
            )
        }
    }

    /// Edits that mark each of `ranges` as an annotation with `actor`: a new
    /// annotation where none covers exactly that range, the actor added where
    /// one does. Returns the edits and how many annotations they add.
    #[must_use]
    pub fn mark_ranges(
        &self,
        ranges: &[CharRange],
        colour: Colour,
        actor: &ActorId,
    ) -> (Vec<Edit>, usize) {
        let mut ids = self.session.free_annotation_ids();
        let time = now();
        // Placed annotations by passage, found once: marking a thousand
        // mentions in a session of ten thousand annotations stays linear.
        let mut by_range: std::collections::HashMap<CharRange, usize> =
            std::collections::HashMap::new();
        for (i, a) in self.session.annotations.iter().enumerate() {
            if !self.is_orphaned(a) {
                by_range.entry(a.range()).or_insert(i);
            }
        }
        let mut changed: Vec<Annotation> = Vec::new();
        let mut new: Vec<Annotation> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &range in ranges {
            // The same passage a reader would select: whole words.
            let range = crate::document::words::snap(&self.document, range);
            if !seen.insert(range) {
                continue;
            }
            match by_range.get(&range).map(|&i| &self.session.annotations[i]) {
                Some(a) if a.actors.contains(actor) => {}
                Some(a) => {
                    let mut a = a.clone();
                    a.actors.push(actor.clone());
                    a.modified = time;
                    changed.push(a);
                }
                None => {
                    let Some(id) = ids.next() else {
                        break;
                    };
                    new.push(Annotation {
                        reader: self.reader.clone(),
                        actors: vec![actor.clone()],
                        ..Annotation::on(
                            id,
                            Target::from_range(&self.document, range),
                            colour,
                            time,
                        )
                    });
                }
            }
        }
        let added = new.len();
        let mut edits = Vec::new();
        if !changed.is_empty() {
            edits.push(Edit::ReplaceAnnotations(changed));
        }
        if !new.is_empty() {
            edits.push(Edit::AddAnnotations(new));
        }
        (edits, added)
    }
}
