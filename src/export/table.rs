//! Tables as CSV, for spreadsheets and statistics software: one row per
//! annotation, and the actor statistics.
//!
//! UTF-8 with a header line, RFC 4180 quoting (commas, quotes and line breaks
//! inside cells), every cell neutralised against formula injection.

use super::Input;
use super::escape::Csv;
use crate::analysis::stats::{self, ActorTable};
use crate::annotation::{Annotation, Session};
use crate::i18n::tr;

/// The header line's columns.
pub const COLUMNS: [&str; 14] = [
    "id",
    "section",
    "start",
    "end",
    "quote",
    "colour",
    "actors",
    "statement_actor",
    "concept",
    "stance",
    "note",
    "reader",
    "created",
    "modified",
];

/// The annotations as CSV, in document order.
#[must_use]
pub fn csv(input: &Input<'_>) -> String {
    let mut out = Csv::with_header(&COLUMNS);
    for annotation in input.in_order() {
        out.row(&cells(input, annotation));
    }
    out.finish()
}

/// One annotation's cells, in the order of [`COLUMNS`] (not yet
/// neutralised: [`Csv::row`] does that).
#[must_use]
pub fn cells(input: &Input<'_>, annotation: &Annotation) -> Vec<String> {
    let range = annotation.range();
    let statement = annotation.statement.as_ref();
    let session = input.session;
    vec![
        annotation.id.0.clone(),
        input.section_label(annotation),
        range.start.to_string(),
        range.end.to_string(),
        annotation.quote().to_owned(),
        annotation.colour.name().to_owned(),
        input.actor_names(annotation).join("; "),
        statement
            .map(|s| {
                session
                    .actor(&s.actor)
                    .map_or(s.actor.0.clone(), |a| a.name.clone())
            })
            .unwrap_or_default(),
        statement
            .map(|s| {
                session
                    .concept(&s.concept)
                    .map_or(s.concept.0.clone(), |c| c.name.clone())
            })
            .unwrap_or_default(),
        statement
            .map(|s| s.stance.name().to_owned())
            .unwrap_or_default(),
        annotation.note.clone(),
        annotation.reader.clone().unwrap_or_default(),
        annotation.created.to_string(),
        annotation.modified.to_string(),
    ]
}

/// Mentions and annotations per actor and section, as CSV in long form (one
/// row per actor and section, the shape R, pandas and spreadsheets' pivot
/// tables take): `actor_id, actor, section_index, section, mentions,
/// annotations`; an actor's orphaned annotations in a row of their own.
#[must_use]
pub fn actor_stats(table: &ActorTable) -> String {
    let mut out = Csv::with_header(&[
        "actor_id",
        "actor",
        "section_index",
        "section",
        "mentions",
        "annotations",
    ]);
    for (i, (id, name)) in table.actors.iter().enumerate() {
        for (s, section) in table.sections.iter().enumerate() {
            out.row(&[
                id.0.clone(),
                name.clone(),
                (s + 1).to_string(),
                section.clone(),
                table.mentions[i][s].to_string(),
                table.annotations[i][s].to_string(),
            ]);
        }
        if table.orphaned[i] > 0 {
            out.row(&[
                id.0.clone(),
                name.clone(),
                String::new(),
                tr().badge_orphaned.to_owned(),
                "0".into(),
                table.orphaned[i].to_string(),
            ]);
        }
    }
    out.finish()
}

/// The co-occurrence matrix as CSV: a header of actor names, then one row
/// per actor.
#[must_use]
pub fn co_occurrence(session: &Session) -> String {
    let matrix = stats::co_occurrence(session);
    let mut header = vec![String::new()];
    header.extend(session.actors.iter().map(|a| a.name.clone()));
    let mut out = Csv::with_header(&header);
    for (actor, row) in session.actors.iter().zip(&matrix) {
        let mut line = vec![actor.name.clone()];
        line.extend(row.iter().map(ToString::to_string));
        out.row(&line);
    }
    out.finish()
}
