//! Undo and redo: stacks of inverse edits.
//!
//! Applying an edit yields its inverse; undo applies that and keeps what
//! comes back for redo. Typing a note would otherwise make one undo step per
//! key, so consecutive edits with the same coalescing key (the same note of
//! the same annotation, within a few seconds) count as one step.

use std::time::{Duration, Instant};

use super::{Workspace, fresh_revision};
use crate::annotation::{AnnotationId, Edit, EditError, Session};

/// Edits with the same key closer together than this are one undo step.
const COALESCE_WINDOW: Duration = Duration::from_secs(3);
/// Steps kept; the oldest are forgotten beyond this.
const MAX_STEPS: usize = 1000;

/// One undo or redo step.
#[derive(Debug)]
struct Step {
    /// The edit that takes the step back (or forward, on the redo stack).
    edit: Edit,
    /// Identifies the state the session is in after this step.
    state: u64,
    /// Edits with the same key merge into this step while it is fresh.
    coalesce: Option<String>,
    /// When the step was last extended.
    at: Instant,
}

/// The undo and redo stacks of one workspace.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_state: u64,
    /// The state with every kept step undone: 0 at first, the state of the
    /// newest forgotten step once old steps are dropped.
    floor: u64,
}

impl History {
    /// Applies `edit` to `session` and records how to undo it.
    ///
    /// `coalesce` merges this edit into the previous step when both carry the
    /// same key and follow each other quickly.
    ///
    /// # Errors
    /// The edit's own error; the session and history are then unchanged.
    pub fn apply(
        &mut self,
        session: &mut Session,
        edit: Edit,
        coalesce: Option<String>,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(session)?;
        self.redo.clear();
        let now = Instant::now();
        if let (Some(key), Some(top)) = (&coalesce, self.undo.last_mut())
            && top.coalesce.as_ref() == Some(key)
            && now.duration_since(top.at) < COALESCE_WINDOW
        {
            // The older inverse already restores the state before both edits.
            top.at = now;
            self.next_state += 1;
            top.state = self.next_state;
            return Ok(());
        }
        self.next_state += 1;
        self.undo.push(Step {
            edit: inverse,
            state: self.next_state,
            coalesce,
            at: now,
        });
        if self.undo.len() > MAX_STEPS {
            let forgotten = self.undo.remove(0);
            self.floor = forgotten.state;
        }
        Ok(())
    }

    /// Takes the last step back. Returns false when there is nothing to undo.
    ///
    /// # Errors
    /// Only if the session was changed behind the history's back.
    pub fn undo(&mut self, session: &mut Session) -> Result<bool, EditError> {
        Self::step(&mut self.undo, &mut self.redo, session)
    }

    /// Takes the last undone step again. Returns false when there is nothing to redo.
    ///
    /// # Errors
    /// Only if the session was changed behind the history's back.
    pub fn redo(&mut self, session: &mut Session) -> Result<bool, EditError> {
        Self::step(&mut self.redo, &mut self.undo, session)
    }

    fn step(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        session: &mut Session,
    ) -> Result<bool, EditError> {
        let Some(step) = from.pop() else {
            return Ok(false);
        };
        // A failed step changes nothing (edits are all-or-nothing) and stays.
        let back = match step.edit.clone().apply(session) {
            Ok(back) => back,
            Err(err) => {
                from.push(step);
                return Err(err);
            }
        };
        to.push(Step {
            edit: back,
            state: step.state,
            coalesce: None,
            at: Instant::now(),
        });
        Ok(true)
    }

    /// True when there is a step to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Identifies the session's current state: equal values mean equal
    /// content, so "unsaved changes" survive undoing back to the saved state.
    #[must_use]
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(self.floor, |s| s.state)
    }

    /// Ends coalescing: the next edit starts a step of its own.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.coalesce = None;
        }
    }
}

impl Workspace {
    /// True when there are changes not yet saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    /// Applies an edit as one undo step.
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_coalescing(edit, None)
    }

    /// Applies an edit, merging it into the previous step when `key` matches
    /// (typing a note is one undo step, not one per key).
    ///
    /// # Errors
    /// The edit's error; nothing changed then.
    pub fn apply_coalescing(&mut self, edit: Edit, key: Option<String>) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let settles: Vec<AnnotationId> = self.settled_by(&edit);
        self.history.apply(&mut self.session, edit, key)?;
        for id in settles {
            self.review.settle(&id);
        }
        self.revision = fresh_revision();
        Ok(())
    }

    /// Ends the current coalescing step (a note field lost focus).
    pub fn seal_history(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; false when there was none.
    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.session).unwrap_or(false);
        if done {
            self.revision = fresh_revision();
        }
        done
    }

    /// Redoes the last undone step; false when there was none.
    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.session).unwrap_or(false);
        if done {
            self.revision = fresh_revision();
        }
        done
    }

    /// True when there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Colour, DocumentRef};

    fn meaning(s: &Session) -> Option<&str> {
        s.legend.get(&Colour::Red).map(String::as_str)
    }

    fn set(text: &str) -> Edit {
        Edit::SetMeaning {
            colour: Colour::Red,
            meaning: Some(text.into()),
        }
    }

    #[test]
    fn undo_redo_and_saved_state() {
        let mut s = Session::new(DocumentRef::default(), Vec::new());
        let mut h = History::default();
        let clean = h.state();
        h.apply(&mut s, set("a"), None).unwrap();
        h.apply(&mut s, set("b"), None).unwrap();
        let after_b = h.state();
        assert!(h.undo(&mut s).unwrap());
        assert_eq!(meaning(&s), Some("a"));
        assert!(h.undo(&mut s).unwrap());
        assert_eq!(meaning(&s), None);
        assert_eq!(h.state(), clean);
        assert!(!h.undo(&mut s).unwrap());
        assert!(h.redo(&mut s).unwrap());
        assert!(h.redo(&mut s).unwrap());
        assert_eq!(meaning(&s), Some("b"));
        assert_eq!(h.state(), after_b);
        assert!(!h.redo(&mut s).unwrap());
    }

    #[test]
    fn typing_coalesces_into_one_step() {
        let mut s = Session::new(DocumentRef::default(), Vec::new());
        let mut h = History::default();
        for text in ["Z", "Zw", "Zwe", "Zweifel"] {
            h.apply(&mut s, set(text), Some("note:a1".into())).unwrap();
        }
        assert_eq!(meaning(&s), Some("Zweifel"));
        h.undo(&mut s).unwrap();
        assert_eq!(meaning(&s), None);
        assert!(!h.can_undo());
    }

    #[test]
    fn undoing_past_forgotten_steps_is_still_unsaved() {
        let mut s = Session::new(DocumentRef::default(), Vec::new());
        let mut h = History::default();
        let saved = h.state();
        for n in 0..=MAX_STEPS {
            h.apply(&mut s, set(&format!("m{n}")), None).unwrap();
        }
        while h.undo(&mut s).unwrap() {}
        assert_eq!(
            meaning(&s),
            Some("m0"),
            "the oldest step is forgotten, its change stays"
        );
        assert_ne!(
            h.state(),
            saved,
            "and the session differs from the saved one"
        );
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut s = Session::new(DocumentRef::default(), Vec::new());
        let mut h = History::default();
        h.apply(&mut s, set("a"), None).unwrap();
        h.undo(&mut s).unwrap();
        assert!(h.can_redo());
        h.apply(&mut s, set("c"), None).unwrap();
        assert!(!h.can_redo());
    }
}
