//! One CSV row per annotation, for spreadsheets and statistics software.
//!
//! UTF-8 with a header line, RFC 4180 quoting (commas, quotes and line breaks
//! inside cells), every cell neutralised against formula injection.

use super::Input;
use super::escape::csv_line;

/// The header line's columns.
pub const COLUMNS: [&str; 10] = [
    "id", "section", "start", "end", "quote", "colour", "actors", "note", "created", "modified",
];

/// The annotations as CSV, in document order.
#[must_use]
pub fn csv(input: &Input<'_>) -> String {
    let mut out = csv_line(&COLUMNS);
    for annotation in input.in_order() {
        let range = annotation.range();
        out.push_str(&csv_line(&[
            annotation.id.0.clone(),
            input.section_label(annotation),
            range.start.to_string(),
            range.end.to_string(),
            annotation.quote().to_owned(),
            annotation.colour.name().to_owned(),
            input.actor_names(annotation).join("; "),
            annotation.note.clone(),
            annotation.created.to_string(),
            annotation.modified.to_string(),
        ]));
    }
    out
}
