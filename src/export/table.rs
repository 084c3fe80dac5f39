//! One CSV row per annotation, for spreadsheets and statistics software.
//!
//! UTF-8 with a header line, RFC 4180 quoting (commas, quotes and line breaks
//! inside cells), every cell neutralised against formula injection.

use super::Input;
use super::escape::csv_line;

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
    let mut out = csv_line(&COLUMNS);
    for annotation in input.in_order() {
        let range = annotation.range();
        let statement = annotation.statement.as_ref();
        let session = input.session;
        out.push_str(&csv_line(&[
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
        ]));
    }
    out
}
