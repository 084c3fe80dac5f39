//! Re-anchoring a session against its document, and the moved annotations
//! the reader should look at until they are confirmed.

use std::collections::HashMap;
use std::sync::Arc;

use super::open::{DocumentMatch, LoadReport};
use super::{Workspace, fresh_revision};
use crate::anchor::{Outcome, Reanchorer, Target};
use crate::annotation::{Annotation, AnnotationId, DocumentRef, Edit};
use crate::document::CharRange;
use crate::i18n::{fill, tr};

/// A text whose session finds fewer of its passages than this share is
/// another text, not a changed one.
const SAME_TEXT_SHARE: f64 = 0.5;

/// How a session's annotations fared against the document.
#[derive(Clone, Debug, PartialEq)]
pub enum AnchorState {
    /// Where it was.
    Anchored,
    /// Found elsewhere or slightly changed: the reader should look at it.
    Moved {
        /// Where it stood before.
        from: CharRange,
        /// True when the quote was found unchanged.
        exact: bool,
    },
    /// Not found: kept with its old quote, shown apart.
    Orphaned,
}

/// Where a moved annotation stood before re-anchoring.
#[derive(Clone, Copy, Debug)]
struct Moved {
    from: CharRange,
    exact: bool,
}

/// The annotations re-anchoring moved, until the reader confirms them (or
/// an edit moves them again): one entry each, with where they stood.
#[derive(Debug, Default)]
pub(super) struct Review {
    moved: HashMap<AnnotationId, Moved>,
}

impl Review {
    fn moved(&mut self, id: AnnotationId, from: CharRange, exact: bool) {
        self.moved.insert(id, Moved { from, exact });
    }

    /// Takes `id` off the list; true when it was on it.
    pub(super) fn settle(&mut self, id: &AnnotationId) -> bool {
        self.moved.remove(id).is_some()
    }
}

impl Workspace {
    /// Re-anchors every annotation against the document, rewriting the targets
    /// of those that moved and keeping orphans as they are.
    pub(super) fn reanchor(&mut self) -> LoadReport {
        let doc = Arc::clone(&self.document);
        let same = doc.hash() == self.session.document.hash;
        let mut anchorer = Reanchorer::new(&doc);
        let outcomes: Vec<Outcome> = self
            .session
            .annotations
            .iter()
            .map(|a| anchorer.anchor(&a.target))
            .collect();

        let total = outcomes.len();
        let found = outcomes.iter().filter(|o| o.range().is_some()).count();
        #[allow(clippy::cast_precision_loss)]
        let share = if total == 0 {
            1.0
        } else {
            found as f64 / total as f64
        };
        let relation = if same {
            DocumentMatch::Same
        } else if share >= SAME_TEXT_SHARE {
            DocumentMatch::Changed
        } else {
            DocumentMatch::Different
        };

        let mut report = LoadReport {
            anchored: 0,
            moved: 0,
            orphaned: 0,
            relation,
            notices: Vec::new(),
        };
        for (annotation, outcome) in self.session.annotations.iter_mut().zip(outcomes) {
            match outcome {
                Outcome::Anchored(_) => report.anchored += 1,
                Outcome::Moved { range, exact, .. } if relation != DocumentMatch::Different => {
                    report.moved += 1;
                    let from = annotation.target.range();
                    annotation.target = Target::from_range(&doc, range);
                    self.review.moved(annotation.id.clone(), from, exact);
                }
                // On another text, a found quote is a coincidence: keep the
                // annotation where it was, as an orphan.
                Outcome::Moved { .. } | Outcome::Orphaned => report.orphaned += 1,
            }
        }
        match relation {
            DocumentMatch::Same => {}
            DocumentMatch::Changed => report.notices.push(tr().notice_text_changed.to_owned()),
            DocumentMatch::Different => report.notices.push(fill(
                tr().notice_text_different,
                &[("title", &self.session.document.title)],
            )),
        }
        // A changed text becomes the session's text; another text does not:
        // the session keeps naming the one it belongs to.
        if relation != DocumentMatch::Different {
            self.session.document = DocumentRef {
                path: self.session.document.path.clone(),
                url: self.session.document.url.take(),
                extra: std::mem::take(&mut self.session.document.extra),
                ..DocumentRef::to(&doc, None)
            };
        }
        report
    }

    /// True when the annotation's position no longer holds its quote.
    #[must_use]
    pub fn is_orphaned(&self, annotation: &Annotation) -> bool {
        !annotation.target.matches(&self.document)
    }

    /// How re-anchoring placed the annotation.
    #[must_use]
    pub fn anchor_state(&self, annotation: &Annotation) -> AnchorState {
        if self.is_orphaned(annotation) {
            AnchorState::Orphaned
        } else if let Some(&Moved { from, exact }) = self.review.moved.get(&annotation.id) {
            AnchorState::Moved { from, exact }
        } else {
            AnchorState::Anchored
        }
    }

    /// Marks a moved annotation as looked at.
    pub fn confirm(&mut self, id: &AnnotationId) {
        if self.review.settle(id) {
            self.revision = fresh_revision();
        }
    }

    /// The moved annotations whose review an edit settles: those it moves
    /// or re-attaches.
    pub(super) fn settled_by(&self, edit: &Edit) -> Vec<AnnotationId> {
        match edit {
            Edit::ReplaceAnnotation(a)
                if self
                    .session
                    .annotation(&a.id)
                    .is_some_and(|old| old.target != a.target) =>
            {
                vec![a.id.clone()]
            }
            Edit::ReplaceAnnotations(new) => {
                let old: std::collections::HashMap<&AnnotationId, &Annotation> = self
                    .session
                    .annotations
                    .iter()
                    .map(|a| (&a.id, a))
                    .collect();
                new.iter()
                    .filter(|a| old.get(&a.id).is_some_and(|o| o.target != a.target))
                    .map(|a| a.id.clone())
                    .collect()
            }
            Edit::Batch(edits) => edits.iter().flat_map(|e| self.settled_by(e)).collect(),
            _ => Vec::new(),
        }
    }
}
