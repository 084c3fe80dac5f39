//! A merge's conflicts in words, for the command line (git's merge driver)
//! and the window alike.

use super::{Conflict, Kept, Place};
use crate::i18n::{fill, tr_merge};

/// How much of a quote or value a message shows.
const SHOWN_CHARS: usize = 60;

impl Conflict {
    /// The conflict in a line of its own, in the user's language: what
    /// both sides changed and which version was kept.
    #[must_use]
    pub fn describe(&self) -> String {
        describe(self)
    }
}

fn describe(conflict: &Conflict) -> String {
    let t = tr_merge();
    match conflict {
        Conflict::Annotation { id, quote, copy } => fill(
            t.conflict_annotation,
            &[("id", id), ("quote", &one_line(quote)), ("copy", copy)],
        ),
        Conflict::AnnotationDeleted {
            id,
            quote,
            deleted_here,
        } => fill(
            if *deleted_here {
                t.conflict_deleted_here
            } else {
                t.conflict_deleted_there
            },
            &[("id", id), ("quote", &one_line(quote))],
        ),
        Conflict::RecordDeleted {
            place,
            deleted_here,
        } => fill(
            if *deleted_here {
                t.conflict_record_deleted_here
            } else {
                t.conflict_record_deleted_there
            },
            &[("what", &place_name(place))],
        ),
        Conflict::Field {
            place,
            field,
            ours,
            theirs,
            kept,
        } => {
            let what = place_name(place);
            let template = match kept {
                Kept::Ours => t.conflict_field,
                Kept::Theirs => t.conflict_field_theirs,
                Kept::Both => t.conflict_field_both,
            };
            fill(
                template,
                &[
                    ("what", &what),
                    ("field", field),
                    ("ours", &value(ours.as_deref())),
                    ("theirs", &value(theirs.as_deref())),
                ],
            )
        }
    }
}

fn place_name(place: &Place) -> String {
    let t = tr_merge();
    match place {
        Place::Actor(id) => fill(t.place_actor, &[("id", id)]),
        Place::Concept(id) => fill(t.place_concept, &[("id", id)]),
        Place::Legend => t.place_legend.to_owned(),
        Place::Document => t.place_document.to_owned(),
        Place::Session => t.place_session.to_owned(),
    }
}

fn value(value: Option<&str>) -> String {
    let t = tr_merge();
    value.map_or_else(
        || t.value_deleted.to_owned(),
        |v| fill(t.value_quoted, &[("value", &one_line(v))]),
    )
}

/// `text` on one line, cut to [`SHOWN_CHARS`].
pub fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= SHOWN_CHARS {
        return line;
    }
    let mut cut: String = line.chars().take(SHOWN_CHARS - 1).collect();
    cut.push('…');
    cut
}
